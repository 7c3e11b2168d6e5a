import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { AdminRoleList, AdminUnit, AdminUnitList, AdminUser, AdminUserList } from '@vagen/contract';
import { errorMessage, fieldErrors } from '../api/client.ts';
import { todayInStockholm } from '../format.ts';
import { ErrorSummary, SelectField, TextField, type SummaryError } from '../components/forms.tsx';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { useSession } from '../session.tsx';
import { adminApi } from './api.ts';
import { Breadcrumb } from './AdminArea.tsx';
import { signInText } from './UsersPage.tsx';

const FIELD_IDS: Record<string, string> = {
  displayName: 'user-displayName',
  username: 'user-username',
  role: 'user-role',
  unitIds: 'user-unit-0',
  employedSince: 'user-employedSince',
  idpUsername: 'user-idpUsername',
  password: 'user-password',
};

const LABELS: Record<string, string> = {
  displayName: 'Namn',
  username: 'Användarnamn',
  role: 'Roll',
  unitIds: 'Enheter',
  employedSince: 'Anställd från',
  idpUsername: 'Namn hos kommunens inloggning',
  password: 'Lösenord',
};

/** Error summary entries that say which field is wrong and link to it. */
function summaryOf(fields: Record<string, string>, formError: string | null, ids: Record<string, string>): SummaryError[] {
  // In the order of the form, not of the answer.
  const order = Object.keys(ids);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const list: SummaryError[] = Object.entries(fields)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, message]) => ({ fieldId: ids[name], message: LABELS[name] ? `${LABELS[name]}: ${message}` : message }));
  if (formError && !list.length) list.push({ message: formError });
  return list;
}

/** A new user (/admin/anvandare/ny) or an existing one (/admin/anvandare/:id). */
export function UserFormPage() {
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const location = useLocation();
  const { session } = useSession();
  const selfId = session?.kind === 'staff' ? session.user.id : null;
  useDocumentTitle(isNew ? 'Lägg till användare' : 'Ändra användare');

  const [user, setUser] = useState<AdminUser | null>(null);
  const [roles, setRoles] = useState<AdminRoleList['items']>([]);
  const [units, setUnits] = useState<AdminUnit[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState('caseWorker');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [employedSince, setEmployedSince] = useState(todayInStockholm());
  const [idpUsername, setIdpUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>((location.state as { saved?: string } | null)?.saved ?? '');

  const fill = useCallback((u: AdminUser) => {
    setUser(u);
    setDisplayName(u.displayName);
    setRole(u.role);
    setUnitIds(u.units.map((x) => x.id));
    setIdpUsername(u.idpUsername ?? '');
  }, []);

  useEffect(() => {
    Promise.all([adminApi.get<AdminRoleList>('/roles'), adminApi.get<AdminUnitList>('/units'), isNew ? null : adminApi.get<AdminUserList>('/users')]).then(
      ([r, u, list]) => {
        setRoles(r.items);
        setUnits(u.items);
        if (list) {
          const found = list.items.find((x) => x.id === id);
          if (found) fill(found);
          else setLoadError('Användaren finns inte.');
        }
      },
      (e) => setLoadError(errorMessage(e)),
    );
  }, [id, isNew, fill]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setBusy(true);
    setFields({});
    setFormError(null);
    setStatus('');
    try {
      if (isNew) {
        const created = await adminApi.post<AdminUser>('/users', {
          username: username.trim().toLowerCase(),
          displayName,
          role,
          unitIds,
          employedSince,
          idpUsername: idpUsername.trim() || null,
          password: password || null,
        });
        navigate(`/admin/anvandare/${created.id}`, { state: { saved: `${created.displayName} är tillagd.` } });
      } else {
        fill(await adminApi.put<AdminUser>(`/users/${id}`, { displayName, role, unitIds, idpUsername: idpUsername.trim() || null }));
        setStatus('Ändringarna är sparade.');
      }
    } catch (err) {
      setFields(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (loadError)
    return (
      <>
        <Breadcrumb to="/admin/anvandare">Användare</Breadcrumb>
        <PageHeading>{isNew ? 'Lägg till användare' : 'Ändra användare'}</PageHeading>
        <p className="notice notice-error">{loadError}</p>
      </>
    );
  if (!roles.length || (!isNew && !user))
    return (
      <>
        <Breadcrumb to="/admin/anvandare">Användare</Breadcrumb>
        <PageHeading>{isNew ? 'Lägg till användare' : 'Ändra användare'}</PageHeading>
        <Loading />
      </>
    );

  const isSelf = user?.id === selfId;
  return (
    <>
      <Breadcrumb to="/admin/anvandare">Användare</Breadcrumb>
      <PageHeading>{isNew ? 'Lägg till användare' : user!.displayName}</PageHeading>
      {user && (
        <p>
          Användarnamn <strong>{user.username}</strong> · {signInText(user)} · {user.active ? 'Kontot är aktivt.' : 'Kontot är avaktiverat.'}
        </p>
      )}
      <StatusMessage className={status ? 'notice notice-success' : 'status-message'}>{status}</StatusMessage>
      <section className="card narrow" aria-labelledby="user-form-title">
        <h2 id="user-form-title" className="h3">
          {isNew ? 'Uppgifter om användaren' : 'Namn, roll och enhet'}
        </h2>
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={summaryOf(fields, formError, FIELD_IDS)} focusKey={submits} level={3} />
          <TextField id="user-displayName" label="Namn" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fields.displayName} />
          {isNew && (
            <TextField
              id="user-username"
              label="Användarnamn i Vägen"
              hint="Små bokstäver a–z, siffror och punkt, till exempel anna.berg. Kan inte ändras efteråt."
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              error={fields.username}
            />
          )}
          <SelectField
            id="user-role"
            label="Roll"
            hint={isSelf ? 'Du kan inte ta bort din egen roll som systemförvaltare.' : 'Se vad rollerna får göra under Roller och behörigheter.'}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            error={fields.role}
          >
            {roles.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </SelectField>
          <fieldset className={`field${fields.unitIds ? ' field-invalid' : ''}`} aria-describedby={fields.unitIds ? 'user-units-error' : undefined}>
            <legend>Enheter</legend>
            <p className="hint">Medarbetaren ser ärendena i sina enheter. Systemförvaltaren behöver ingen enhet.</p>
            {fields.unitIds && (
              <p className="field-error" id="user-units-error">
                <span className="visually-hidden">Fel: </span>
                {fields.unitIds}
              </p>
            )}
            <div className="checkboxes">
              {units.map((u, i) => (
                <label key={u.id} className="checkbox" htmlFor={`user-unit-${i}`}>
                  <input
                    type="checkbox"
                    id={`user-unit-${i}`}
                    checked={unitIds.includes(u.id)}
                    onChange={(e) => setUnitIds((ids) => (e.target.checked ? [...ids, u.id] : ids.filter((x) => x !== u.id)))}
                  />
                  {u.name}
                </label>
              ))}
            </div>
          </fieldset>
          {isNew && <TextField id="user-employedSince" type="date" label="Anställd från" value={employedSince} onChange={(e) => setEmployedSince(e.target.value)} error={fields.employedSince} />}
          <TextField
            id="user-idpUsername"
            label="Namn hos kommunens inloggning (valfritt)"
            hint="Fyll i om kommunens inloggning skickar ett annat namn än användarnamnet, till exempel en e-postadress. Lämna tomt annars."
            autoComplete="off"
            value={idpUsername}
            onChange={(e) => setIdpUsername(e.target.value)}
            error={fields.idpUsername}
          />
          {isNew && (
            <TextField
              id="user-password"
              type="password"
              label="Lösenord (valfritt)"
              hint="Minst 12 tecken. Lämna tomt om medarbetaren bara ska logga in med kommunens inloggning."
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Sparar …' : isNew ? 'Lägg till användaren' : 'Spara ändringarna'}
            </button>
          </div>
        </form>
      </section>
      {user && (
        <PasswordSection
          user={user}
          isSelf={isSelf}
          onSaved={(u, message) => {
            setUser(u);
            setStatus(message);
          }}
        />
      )}
      {user && (
        <ActiveSection
          user={user}
          isSelf={isSelf}
          onSaved={(u, message) => {
            setUser(u);
            setStatus(message);
          }}
        />
      )}
    </>
  );
}

function PasswordSection({ user, isSelf, onSaved }: { user: AdminUser; isSelf: boolean; onSaved: (u: AdminUser, message: string) => void }) {
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  async function save(value: string | null) {
    setSubmits((n) => n + 1);
    setBusy(true);
    setFields({});
    setFormError(null);
    try {
      onSaved(await adminApi.put<AdminUser>(`/users/${user.id}/password`, { password: value }), value ? 'Det nya lösenordet är sparat.' : 'Det lokala lösenordet är borttaget.');
      setPassword('');
    } catch (err) {
      setFields(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card narrow admin-section" aria-labelledby="user-password-title">
      <h2 id="user-password-title" className="h3">
        Lösenord
      </h2>
      <p>
        {user.hasPassword ? 'Användaren har ett lokalt lösenord.' : 'Användaren har inget lokalt lösenord och loggar in med kommunens inloggning.'} Ett nytt lösenord låser också upp ett låst konto.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(password);
        }}
        noValidate
      >
        <ErrorSummary errors={summaryOf(fields, formError, { password: 'user-newPassword' })} focusKey={submits} level={3} />
        <TextField
          id="user-newPassword"
          type="password"
          label="Nytt lösenord"
          hint="Minst 12 tecken. Lämna det till medarbetaren på ett säkert sätt."
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Spara nytt lösenord
          </button>
          {user.hasPassword && !isSelf && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void save(null)}>
              Ta bort lösenordet
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function ActiveSection({ user, isSelf, onSaved }: { user: AdminUser; isSelf: boolean; onSaved: (u: AdminUser, message: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const u = await adminApi.put<AdminUser>(`/users/${user.id}/active`, { active: !user.active });
      onSaved(u, u.active ? 'Kontot är återaktiverat.' : 'Kontot är avaktiverat. Användaren är utloggad.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card narrow admin-section" aria-labelledby="user-active-title">
      <h2 id="user-active-title" className="h3">
        Konto
      </h2>
      {isSelf ? (
        <p>Du kan inte avaktivera ditt eget konto.</p>
      ) : (
        <>
          <p>{user.active ? 'En avaktiverad användare kan inte logga in. Ärenden och historik finns kvar.' : 'Kontot är avaktiverat. Återaktivera det för att användaren ska kunna logga in igen.'}</p>
          {error && <p className="notice notice-error">{error}</p>}
          <button type="button" className={user.active ? 'button button-secondary' : 'button button-primary'} disabled={busy} onClick={() => void toggle()}>
            {user.active ? 'Avaktivera kontot' : 'Återaktivera kontot'}
          </button>
        </>
      )}
    </section>
  );
}
