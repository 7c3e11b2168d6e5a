import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import type { StaffSession } from '../api/types.ts';
import { useSession } from '../session.tsx';
import { ErrorSummary, TextField, type SummaryError } from '../components/forms.tsx';
import { PageHeading, useDocumentTitle } from '../components/page.tsx';

interface LocationState {
  from?: string;
}

/** Only go back to our own staff pages after sign-in. */
function safeReturn(from: string | undefined): string {
  return from && /^\/arenden(\/|$|\?)/.test(from) ? from : '/arenden';
}

export function StaffLoginPage() {
  useDocumentTitle('Logga in');
  const { session, endReason, setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LocationState;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (session?.kind === 'staff' && !busy) return <Navigate to={safeReturn(state.from)} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitCount((n) => n + 1);
    const next: Record<string, string> = {};
    if (!username.trim()) next.username = 'Skriv ditt användarnamn.';
    if (!password) next.password = 'Skriv ditt lösenord.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const s = await api.post<StaffSession>('/auth/login', { username: username.trim(), password }, { handle401: false });
      setSession(s);
      navigate(safeReturn(state.from), { replace: true });
    } catch (err) {
      setPassword('');
      if (err instanceof ApiError && err.fields.length) {
        setErrors(fieldErrors(err));
      }
      setFormError(err instanceof ApiError ? err.message : 'Något gick fel. Försök igen.');
      setBusy(false);
      passwordRef.current?.focus();
    }
  }

  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(errors.username ? [{ fieldId: 'username', message: errors.username }] : []),
    ...(errors.password ? [{ fieldId: 'password', message: errors.password }] : []),
  ];

  return (
    <div className="narrow">
      <PageHeading>Logga in</PageHeading>
      <p className="lead">Logga in med ditt användarnamn och lösenord för att arbeta med ärenden om ekonomiskt bistånd.</p>
      {endReason === 'expired' && <p className="notice">Du har blivit utloggad. Logga in igen för att fortsätta.</p>}
      {endReason === 'loggedOut' && <p className="notice notice-success">Du är utloggad.</p>}
      <ErrorSummary errors={summary} title="Inloggningen misslyckades" focusKey={submitCount} />
      <form className="card form" onSubmit={onSubmit} noValidate aria-label="Inloggning för personal">
        <TextField
          id="username"
          label="Användarnamn"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
          required
        />
        <TextField
          ref={passwordRef}
          id="password"
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          required
        />
        <button type="submit" className="button button-primary" disabled={busy} aria-disabled={busy}>
          {busy ? 'Loggar in …' : 'Logga in'}
        </button>
      </form>
      <p className="muted">
        Är du sökande? Gå till <Link to="/mina-sidor/logga-in">Mina sidor</Link>.
      </p>
    </div>
  );
}
