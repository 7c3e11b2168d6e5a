import { useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import type { CaseDetail } from '@vagen/contract';
import { CASE_STATUS_LABELS, CLOSURE_REASONS, CLOSURE_REASON_LABELS } from '@vagen/domain/case-status.ts';
import { labelOf } from '@vagen/domain/labels.ts';
import { formatDateTime } from '../format.ts';
import { describedBy, ErrorSummary, SelectField, TextAreaField, type SummaryError } from '../components/forms.tsx';
import { focusLater } from '../components/focus.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

export function StatusSection({ detail, onChanged }: { detail: CaseDetail; onChanged: (d: CaseDetail, message: string) => void }) {
  const canChange = detail.permissions.canChangeStatus && detail.allowedTransitions.length > 0;
  const history = [...detail.statusHistory].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="status" className="section">
      <h2 id="status">Status</h2>
      <p>
        Ärendet har status <span className={`badge badge-${detail.status}`}>{detail.statusLabel}</span>.
      </p>
      {canChange ? (
        <StatusChangeForm key={detail.status} detail={detail} onChanged={onChanged} />
      ) : (
        <p className="muted">{detail.permissions.canChangeStatus ? 'Statusen kan inte ändras härifrån.' : 'Du har inte behörighet att ändra status i det här ärendet.'}</p>
      )}

      <ScrollRegion label="Statushistorik">
        <table className="data-table">
          <caption>Statushistorik</caption>
          <thead>
            <tr>
              <th scope="col">Datum och tid</th>
              <th scope="col">Från</th>
              <th scope="col">Till</th>
              <th scope="col">Ändrad av</th>
              <th scope="col">Motivering</th>
            </tr>
          </thead>
          <tbody>
            {history.length === 0 ? (
              <tr>
                <td colSpan={5} className="empty">
                  Ingen historik.
                </td>
              </tr>
            ) : (
              history.map((h, i) => (
                <tr key={`${h.at}-${i}`}>
                  <th scope="row">
                    <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                  </th>
                  <td>{h.fromStatus ? labelOf(CASE_STATUS_LABELS, h.fromStatus) : <span className="muted">Nytt ärende</span>}</td>
                  <td>{h.toLabel}</td>
                  <td>{h.actorName ?? '–'}</td>
                  <td className="prewrap">{h.reason || '–'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function StatusChangeForm({ detail, onChanged }: { detail: CaseDetail; onChanged: (d: CaseDetail, message: string) => void }) {
  const [status, setStatus] = useState('');
  const [closureReason, setClosureReason] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  const firstRadioId = `new-status-${detail.allowedTransitions[0]?.status ?? 'x'}`;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const next: Record<string, string> = {};
    if (!status) next.status = 'Välj vilken status ärendet ska få.';
    if (status === 'closed' && !closureReason) next.closureReason = 'Välj varför ärendet avslutas.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const body: Record<string, string> = { status };
      if (reason.trim()) body.reason = reason.trim();
      if (status === 'closed') body.closureReason = closureReason;
      const d = await api.post<CaseDetail>(`/cases/${encodeURIComponent(detail.id)}/status`, body);
      onChanged(d, `Statusen är ändrad till ${d.statusLabel}.`);
      focusLater('status');
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Statusen kunde inte ändras.');
      setBusy(false);
    }
  }

  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(errors.status ? [{ fieldId: firstRadioId, message: errors.status }] : []),
    ...(errors.closureReason ? [{ fieldId: 'closure-reason', message: errors.closureReason }] : []),
    ...(errors.reason ? [{ fieldId: 'status-reason', message: errors.reason }] : []),
  ];

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="status-form-title">
      <h3 id="status-form-title">Ändra status</h3>
      <ErrorSummary errors={summary} title="Statusen kunde inte ändras" focusKey={submits} level={4} />
      <fieldset className={`field${errors.status ? ' field-invalid' : ''}`} aria-describedby={describedBy('new-status', false, errors.status)}>
        <legend>Ny status</legend>
        {errors.status && (
          <p className="field-error" id="new-status-error">
            <span className="visually-hidden">Fel: </span>
            {errors.status}
          </p>
        )}
        <div className="radios">
          {detail.allowedTransitions.map((t) => (
            <div className="radio" key={t.status}>
              <input
                type="radio"
                id={`new-status-${t.status}`}
                name="new-status"
                value={t.status}
                checked={status === t.status}
                onChange={() => setStatus(t.status)}
                aria-invalid={errors.status ? true : undefined}
              />
              <label htmlFor={`new-status-${t.status}`}>{t.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {status === 'closed' && (
        <SelectField
          id="closure-reason"
          label="Orsak till avslut"
          hint="Välj det som bäst beskriver varför personen inte längre behöver bistånd."
          value={closureReason}
          onChange={(e) => setClosureReason(e.target.value)}
          error={errors.closureReason}
          required
        >
          <option value="">Välj orsak</option>
          {CLOSURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {CLOSURE_REASON_LABELS[r]}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        id="status-reason"
        label="Motivering (frivillig)"
        hint="Skriv kort varför statusen ändras. Motiveringen syns i statushistoriken."
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Ändrar …' : 'Ändra status'}
      </button>
    </form>
  );
}
