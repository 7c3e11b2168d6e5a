import { useEffect, useState, type FormEvent } from 'react';
import type { AuditLogItem, AuditSearchResult, StaffList, StaffMember } from '@vagen/contract';
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
  const [items, setItems] = useState<AuditLogItem[] | null>(null);
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
      setItems((await api.post<AuditSearchResult>('/audit/search', body)).items);
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err));
      setItems(null);
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
      <StatusMessage>{items ? `${items.length} ${items.length === 1 ? 'händelse' : 'händelser'} hittades.` : ''}</StatusMessage>
      {items && items.length > 0 && (
        <table className="data-table">
          <caption>Händelser, nyast först</caption>
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
            {items.map((i) => (
              <tr key={i.id}>
                <td>{formatDateTime(i.at)}</td>
                <td>{i.actorName ?? (i.actorKind === 'anonymous' ? 'Ej inloggad' : '–')}</td>
                <td>{labelOf(AUDIT_ACTION_LABELS, i.action)}</td>
                <td>{i.caseNumber ?? '–'}</td>
                <td>{i.outcome === 'success' ? AUDIT_OUTCOME_LABELS.success : <strong>{AUDIT_OUTCOME_LABELS[i.outcome]}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
