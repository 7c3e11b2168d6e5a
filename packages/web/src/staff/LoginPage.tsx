import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { SignInMethods } from '@vagen/contract';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import type { StaffSession } from '../api/types.ts';
import { useSession } from '../session.tsx';
import { ErrorSummary, TextField, type SummaryError } from '../components/forms.tsx';
import { PageHeading, useDocumentTitle } from '../components/page.tsx';

interface LocationState {
  from?: string;
}

/** Only go back to our own staff pages after sign-in; otherwise the start page of the role. */
function safeReturn(from: string | undefined): string {
  return from && /^\/arenden(\/|$|\?)/.test(from) ? from : '/';
}

/** Why a sign-in at the municipality's identity provider came back without a session (?fel=… from the server). */
const PROVIDER_ERRORS: Record<string, string> = {
  okand: 'Du har inget konto i Vägen. Kontakta systemförvaltaren om du ska arbeta i Vägen.',
  inaktiv: 'Ditt konto i Vägen är inte aktivt. Kontakta systemförvaltaren.',
  avbruten: 'Inloggningen avbröts eller tog för lång tid. Försök igen.',
  tjanst: 'Kommunens inloggning svarar inte just nu. Försök igen om en stund, eller logga in med användarnamn och lösenord.',
};
const PROVIDER_ERROR_OTHER = 'Något gick fel vid inloggningen. Försök igen.';

/** Where the sign-in at the municipality's identity provider starts: a full page navigation to the provider. */
const staffOidcStart = (returnTo: string) => `/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;

export function StaffLoginPage() {
  const { session, endReason, setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LocationState;
  const [params] = useSearchParams();
  const fel = params.get('fel');
  const providerError = fel ? (PROVIDER_ERRORS[fel] ?? PROVIDER_ERROR_OTHER) : null;
  useDocumentTitle(providerError ? 'Fel: Logga in' : 'Logga in');
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api.get<SignInMethods>('/auth/methods', { handle401: false, signal: ctrl.signal }).then(setMethods, () => setMethods(null));
    return () => ctrl.abort();
  }, []);
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
    ...(formError ? [{ message: formError }] : providerError && !submitCount ? [{ message: providerError }] : []),
    ...(errors.username ? [{ fieldId: 'username', message: errors.username }] : []),
    ...(errors.password ? [{ fieldId: 'password', message: errors.password }] : []),
  ];

  return (
    <div className="narrow">
      <PageHeading>Logga in</PageHeading>
      <p className="lead">
        {methods?.staffOidc
          ? 'Logga in med kommunens inloggning för att arbeta med ärenden om ekonomiskt bistånd. Har du ett lokalt konto i Vägen kan du också logga in med användarnamn och lösenord.'
          : 'Logga in med ditt användarnamn och lösenord för att arbeta med ärenden om ekonomiskt bistånd.'}
      </p>
      {endReason === 'expired' && <p className="notice">Du har blivit utloggad. Logga in igen för att fortsätta.</p>}
      {endReason === 'loggedOut' && <p className="notice notice-success">Du är utloggad.</p>}
      <ErrorSummary errors={summary} title="Inloggningen misslyckades" focusKey={submitCount} />
      {methods?.staffOidc && (
        <section className="card" aria-labelledby="oidc-heading">
          <h2 id="oidc-heading">Kommunens inloggning</h2>
          <p>Du loggar in på samma sätt som i kommunens andra system.</p>
          <p>
            <a className="button button-primary button-large" href={staffOidcStart(safeReturn(state.from))}>
              Logga in med kommunens inloggning
            </a>
          </p>
        </section>
      )}
      {methods?.staffOidc && <h2 id="local-heading">Lokalt konto</h2>}
      <form className="card form" onSubmit={onSubmit} noValidate aria-label="Inloggning för personal med lokalt konto">
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
