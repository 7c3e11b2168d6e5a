import { useEffect, useState, type FormEvent } from 'react';
import type { AuditSearchResult, StaffList, StaffMember } from '@vagen/contract';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, labelOf } from '@vagen/domain/labels.ts';
import { api, errorMessage, fieldErrors } from '../api/client.ts';
import { formatDateTime, stockholmLocalToIso, todayInStockholm } from '../format.ts';
import { ErrorSummary, SelectField, TextField } from '../components/forms.tsx';
import { PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';

/**
 * Managers' systematic check of who read what (lag 2001:454 10 §). The personnummer is sent in the request body,
 * never in the address.
 */
export function AuditLogPage() {
  useDocumentTitle('Logguppföljning');
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [personnummer, setPersonnummer] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState(`${todayInStockholm()}T00:00`);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<AuditSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get<StaffList>('/staff').then(
      (r) => setStaff(r.items),
      () => setStaff([]),
    );
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setBusy(true);
    setError(null);
    setFields({});
    const body: Record<string, unknown> = { limit: 500 };
    if (personnummer.trim()) body.personnummer = personnummer.trim();
    if (actorId) body.actorId = actorId;
    const fromIso = from ? stockholmLocalToIso(from) : null;
    const toIso = to ? stockholmLocalToIso(to) : null;
    if (fromIso) body.from = fromIso;
    if (toIso) body.to = toIso;
    try {
      setResult(await api.post<AuditSearchResult>('/audit/search', body));
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err));
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  const summary = [
    ...(fields.personnummer ? [{ fieldId: 'audit-pnr', message: fields.personnummer }] : []),
    ...(fields.to ? [{ fieldId: 'audit-to', message: fields.to }] : []),
    ...(error && !fields.personnummer && !fields.to ? [{ fieldId: 'audit-pnr', message: error }] : []),
  ];

  return (
    <>
      <PageHeading>Logguppföljning</PageHeading>
      <p>Här kontrollerar du vem som har läst och ändrat uppgifter i ärenden. Kontrollen ska göras regelbundet (lag 2001:454, 10 §). Din sökning loggas också.</p>
      <section className="card" aria-labelledby="logg-sok">
        <h2 id="logg-sok" className="h3">
          Sök i loggen
        </h2>
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={summary} focusKey={submits} level={3} />
          <TextField
            id="audit-pnr"
            label="Personnummer (valfritt)"
            hint="Visar all åtkomst till personens ärenden."
            autoComplete="off"
            value={personnummer}
            onChange={(e) => setPersonnummer(e.target.value)}
            error={fields.personnummer}
          />
          <SelectField id="audit-actor" label="Medarbetare (valfritt)" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">Alla</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} ({s.roleLabel})
              </option>
            ))}
          </SelectField>
          <TextField id="audit-from" type="datetime-local" label="Från" value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField id="audit-to" type="datetime-local" label="Till (valfritt)" value={to} onChange={(e) => setTo(e.target.value)} error={fields.to} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Söker …' : 'Sök i loggen'}
            </button>
          </div>
        </form>
      </section>
      <StatusMessage>{result ? resultMessage(result) : ''}</StatusMessage>
      {result && result.views.length > 0 && <AuditViewsTable result={result} />}
    </>
  );
}

function resultMessage(r: AuditSearchResult): string {
  const lines = `${r.views.length} ${r.views.length === 1 ? 'sidvisning eller åtgärd' : 'sidvisningar och åtgärder'}`;
  return `${lines} hittades (${r.items.length} ${r.items.length === 1 ? 'loggpost' : 'loggposter'}).`;
}

/** One line per page view; the records behind a line (one per read) open under it. */
function AuditViewsTable({ result }: { result: AuditSearchResult }) {
  const byId = new Map(result.items.map((i) => [i.id, i]));
  return (
    <table className="data-table audit-views">
      <caption>Sidvisningar och åtgärder, nyast först</caption>
      <thead>
        <tr>
          <th scope="col">Tid</th>
          <th scope="col">Vem</th>
          <th scope="col">Vad</th>
          <th scope="col">Ärende</th>
          <th scope="col">Utfall</th>
        </tr>
      </thead>
      <tbody>
        {result.views.map((v) => {
          const records = v.recordIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
          return (
            <tr key={v.key}>
              <td className="nowrap">{formatDateTime(v.at)}</td>
              <td>{v.actorName ?? (v.actorKind === 'anonymous' ? 'Ej inloggad' : '–')}</td>
              <td>
                {records.length > 1 ? (
                  <details>
                    <summary>
                      {v.label} <span className="muted">({records.length} loggposter)</span>
                    </summary>
                    <ul className="audit-records">
                      {records.map((r) => (
                        <li key={r.id}>
                          {labelOf(AUDIT_ACTION_LABELS, r.action)}
                          {r.caseNumber && v.caseNumbers.length > 1 ? `, ärende ${r.caseNumber}` : ''}
                          {r.outcome === 'success' ? '' : ` (${AUDIT_OUTCOME_LABELS[r.outcome]})`}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  v.label
                )}
              </td>
              <td>{v.caseNumbers.length ? v.caseNumbers.join(', ') : '–'}</td>
              <td>{v.outcome === 'success' ? AUDIT_OUTCOME_LABELS.success : <strong>{AUDIT_OUTCOME_LABELS[v.outcome]}</strong>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
