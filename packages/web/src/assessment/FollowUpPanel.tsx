import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.ts';
import { ErrorSummary, SelectField, TextField, type SummaryError } from '../components/forms.tsx';
import { formatMonth, todayInStockholm } from '../format.ts';
import type { ApplicationView, AssessmentOverview } from '@vagen/contract';

const FIELD_IDS: Record<string, string> = { kind: 'ny-kind-renewal', periodMonth: 'ny-month', channel: 'ny-channel', receivedDate: 'ny-received' };

/**
 * "Ny månadsansökan" on the case page: start next month's återansökan, or a tilläggsansökan for a decided month,
 * pre-filled from the last decided month; and the case's latest applications by month with their status.
 */
export function FollowUpPanel({ overview, onStarted }: { overview: AssessmentOverview; onStarted: (application: ApplicationView) => Promise<void> }) {
  const { followUp } = overview;
  const [kind, setKind] = useState<'renewal' | 'supplementary'>('renewal');
  const [supMonth, setSupMonth] = useState(followUp.decidedMonths[0] ?? '');
  const [channel, setChannel] = useState(followUp.channels[0]?.value ?? 'paper');
  const [received, setReceived] = useState(todayInStockholm());
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const month = kind === 'renewal' ? followUp.suggestedRenewalMonth : supMonth;
  const canStart = overview.permissions.canEdit && month !== null && month !== '';
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  async function start(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    if (!month) return;
    setBusy(true);
    try {
      const created = await api.post<ApplicationView>(`/cases/${encodeURIComponent(overview.caseId)}/applications`, { kind, periodMonth: month, channel, receivedDate: received });
      setErrors([]);
      await onStarted(created);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length) {
        setErrors(
          error.fields.map((f) => {
            const fieldId = FIELD_IDS[f.path.split('/').pop() ?? ''];
            // The month is a field only for a tilläggsansökan; a renewal's month is given.
            return fieldId && !(fieldId === 'ny-month' && kind === 'renewal') ? { fieldId, message: f.message } : { message: f.message };
          }),
        );
      } else setErrors([{ message: error instanceof ApiError ? error.message : 'Ansökan kunde inte startas.' }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card form" aria-labelledby="ny-manadsansokan">
      <h3 id="ny-manadsansokan">Ny månadsansökan</h3>
      {followUp.suggestedRenewalMonth === null && followUp.decidedMonths.length === 0 ? (
        <p className="muted">Ärendet har ingen beslutad månad än. En återansökan utgår från den senast beslutade månaden.</p>
      ) : (
        <form className="form" onSubmit={(e) => void start(e)} noValidate>
          <ErrorSummary errors={errors} title="Ansökan kunde inte startas" focusKey={submits} level={4} />
          <fieldset className="fieldset" disabled={!overview.permissions.canEdit || busy}>
            <legend>Vilken ansökan</legend>
            <div className="radios">
              <div className="radio">
                <input type="radio" id="ny-kind-renewal" name="ny-kind" checked={kind === 'renewal'} onChange={() => setKind('renewal')} disabled={followUp.suggestedRenewalMonth === null} />
                <label htmlFor="ny-kind-renewal">Återansökan för nästa månad{followUp.suggestedRenewalMonth ? ` (${formatMonth(followUp.suggestedRenewalMonth)})` : ''}</label>
              </div>
              <div className="radio">
                <input
                  type="radio"
                  id="ny-kind-supplementary"
                  name="ny-kind"
                  checked={kind === 'supplementary'}
                  onChange={() => setKind('supplementary')}
                  disabled={followUp.decidedMonths.length === 0}
                />
                <label htmlFor="ny-kind-supplementary">Tilläggsansökan för en månad som redan är beslutad</label>
              </div>
            </div>
            <p className="hint">Uppgifterna hämtas från den senast beslutade månaden. Du ser vad som ändrats när du går igenom ansökan.</p>
            <div className="field-row">
              {kind === 'supplementary' && (
                <SelectField id="ny-month" label="Månad" value={supMonth} onChange={(e) => setSupMonth(e.target.value)} error={err('ny-month')}>
                  {followUp.decidedMonths.map((m) => (
                    <option key={m} value={m}>
                      {formatMonth(m)}
                    </option>
                  ))}
                </SelectField>
              )}
              <SelectField id="ny-channel" label="Hur kom ansökan in?" value={channel} onChange={(e) => setChannel(e.target.value)} error={err('ny-channel')}>
                {followUp.channels.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </SelectField>
              <TextField id="ny-received" type="date" label="Ansökan kom in" value={received} onChange={(e) => setReceived(e.target.value)} error={err('ny-received')} />
            </div>
          </fieldset>
          {overview.permissions.canEdit && (
            <div className="form-actions button-row">
              <button type="submit" className="button button-primary" disabled={!canStart || busy}>
                {kind === 'renewal' ? `Starta återansökan för ${formatMonth(month)}` : `Starta tilläggsansökan för ${formatMonth(month)}`}
              </button>
            </div>
          )}
        </form>
      )}
      <h4>Ansökningar per månad</h4>
      <ul>
        {overview.applications.map(({ application: a }) => (
          <li key={a.id}>
            {formatMonth(a.periodMonth)}: {a.kindLabel} – {a.statusLabel}
          </li>
        ))}
      </ul>
    </section>
  );
}
