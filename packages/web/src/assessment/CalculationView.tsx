import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { ErrorSummary, TextAreaField, TextField } from '../components/forms.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDateTime, formatMoney, formatMonth } from '../format.ts';
import { focusLater } from '../components/focus.ts';
import { kronorInputText, parseKronor } from '@vagen/domain/money.ts';
import type { ApplicationView, CalcRow, CalculationView } from '@vagen/contract';

/** "Beräkning": every row with the system value, the caseworker's value and the note; warnings beside their rows. */
export function CalculationSection({
  application,
  calculation,
  canEdit,
  userIsCreator,
  onChanged,
}: {
  application: ApplicationView;
  calculation: CalculationView | null;
  canEdit: boolean;
  userIsCreator: boolean;
  onChanged: (message: string, focusId?: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const editable = canEdit && application.status !== 'decided';

  async function act(path: string, message: string, body?: unknown) {
    setBusy(true);
    setError(null);
    try {
      await api.post(path, body);
      await onChanged(message);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Det gick inte.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="berakning-rubrik">
      <h3 id="berakning-rubrik">Beräkning</h3>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!calculation ? (
        <p className="muted">{application.filled ? 'Ansökan är inte beräknad ännu.' : 'Fyll i och spara ansökan först.'}</p>
      ) : (
        <>
          <p className="muted">
            Beräknad {formatDateTime(calculation.createdAt)} av {calculation.createdByName ?? '–'}.{' '}
            {calculation.normTables
              .map((t) => `${t.table.title}${t.table.provisional && !/preliminär/i.test(t.table.title) ? ' (preliminär)' : ''}`)
              .filter((v, i, a) => a.indexOf(v) === i)
              .join('; ')}
            .
          </p>
          {application.calculationStale && (
            <div className="notice" role="note">
              <p>Ansökan har ändrats efter beräkningen. Beräkna igen.</p>
            </div>
          )}
          {calculation.months.map((m) => (
            <MonthTable key={m.month} month={m} editable={editable && !busy} adjusting={adjusting} setAdjusting={setAdjusting} applicationId={application.id} onChanged={onChanged} act={act} />
          ))}
          {calculation.months.length > 1 && (
            <p>
              <strong>Bistånd för hela perioden: {formatMoney(calculation.assistance)}</strong> (systemets värde {formatMoney(calculation.systemAssistance)})
            </p>
          )}
          <p>Förslag: {calculation.outcomeExplanation}</p>
          <DeletedAdjustments calculation={calculation} editable={editable && !busy} act={act} />
          {calculation.approval.required && (
            <div className="notice" role="note">
              {calculation.approval.approvedAt ? (
                <p>
                  Beräkningen är godkänd av {calculation.approval.approvedByName} {formatDateTime(calculation.approval.approvedAt)} (fyra ögon).
                </p>
              ) : (
                <>
                  <p>Kommunen kräver fyra ögon: en annan person ska godkänna beräkningen innan beslut fattas.</p>
                  {canEdit && !userIsCreator && (
                    <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act(`/calculations/${calculation.id}/approve`, 'Beräkningen är godkänd.')}>
                      Godkänn beräkningen
                    </button>
                  )}
                </>
              )}
            </div>
          )}
        </>
      )}
      {editable && application.filled && (
        <p>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act(`/applications/${application.id}/calculations`, 'Beräkningen är gjord.')}>
            {calculation ? 'Beräkna igen' : 'Beräkna'}
          </button>
        </p>
      )}
    </section>
  );
}

function MonthTable({
  month,
  editable,
  adjusting,
  setAdjusting,
  applicationId,
  onChanged,
  act,
}: {
  month: CalculationView['months'][number];
  editable: boolean;
  adjusting: string | null;
  setAdjusting: (k: string | null) => void;
  applicationId: string;
  onChanged: (message: string, focusId?: string) => Promise<void>;
  act: (path: string, message: string, body?: unknown) => Promise<void>;
}) {
  const t = month.totals;
  const s = month.systemTotals;
  return (
    <>
      {month.warnings.length > 0 && (
        <ul className="notice" aria-label={`Varningar för ${formatMonth(month.month)}`}>
          {month.warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
      <ScrollRegion label={`Beräkning ${formatMonth(month.month)}`}>
        <table className="data-table">
          <caption>Beräkning för {formatMonth(month.month)}</caption>
          <thead>
            <tr>
              <th scope="col">Rad</th>
              <th scope="col" className="num">
                Systemvärde
              </th>
              <th scope="col" className="num">
                Handläggarens värde
              </th>
              <th scope="col">Notering</th>
              {editable && <th scope="col">Åtgärd</th>}
            </tr>
          </thead>
          <tbody>
            {month.rows.map((r) => (
              <RowView key={r.key} row={r} editable={editable} open={adjusting === r.key} setAdjusting={setAdjusting} applicationId={applicationId} onChanged={onChanged} act={act} />
            ))}
          </tbody>
          <tfoot>
            <TotalRow label="Riksnorm" value={t.norm} system={s.norm} editable={editable} />
            <TotalRow label="Godkända kostnader" value={t.costs} system={s.costs} editable={editable} />
            <TotalRow label="Behov" value={t.need} system={s.need} editable={editable} />
            <TotalRow label="Inkomster" value={t.income} system={s.income} editable={editable} />
            <TotalRow label="Bistånd" value={t.assistance} system={s.assistance} editable={editable} strong />
          </tfoot>
        </table>
      </ScrollRegion>
    </>
  );
}

function TotalRow({ label, value, system, editable, strong }: { label: string; value: number; system: number; editable: boolean; strong?: boolean }) {
  return (
    <tr>
      <th scope="row">{strong ? <strong>{label}</strong> : label}</th>
      <td className="num">{formatMoney(system)}</td>
      <td className="num">{value !== system ? formatMoney(value) : <span className="visually-hidden">samma som systemvärdet</span>}</td>
      <td>{strong && value !== system ? 'Efter justeringar' : ''}</td>
      {editable && <td />}
    </tr>
  );
}

function RowView({
  row,
  editable,
  open,
  setAdjusting,
  applicationId,
  onChanged,
  act,
}: {
  row: CalcRow;
  editable: boolean;
  open: boolean;
  setAdjusting: (k: string | null) => void;
  applicationId: string;
  onChanged: (message: string, focusId?: string) => Promise<void>;
  act: (path: string, message: string, body?: unknown) => Promise<void>;
}) {
  const sign = row.kind === 'income' || row.kind === 'jobStimulus' ? 'inkomst' : '';
  return (
    <>
      <tr>
        <th scope="row">
          {row.label}
          {row.applied !== null && row.kind === 'cost' && <span className="muted"> (ansökt {formatMoney(row.applied)})</span>}
          {sign && <span className="visually-hidden"> (inkomst, räknas av)</span>}
          {row.warnings.map((w, i) => (
            <p key={i} className="field-error">
              <span aria-hidden="true">⚠ </span>Varning: {w.message}
            </p>
          ))}
        </th>
        <td className="num">{formatMoney(row.systemValue)}</td>
        <td className="num">{row.workerValue !== null ? <strong>{formatMoney(row.workerValue)}</strong> : <span className="muted">–</span>}</td>
        <td className="prewrap">{row.note ?? ''}</td>
        {editable && (
          <td>
            {row.adjustable && (
              <div className="button-row">
                <button type="button" className="button button-secondary" id={`justera-${row.key}`} aria-expanded={open} onClick={() => setAdjusting(open ? null : row.key)}>
                  Justera<span className="visually-hidden"> {row.label}</span>
                </button>
                {row.adjustmentId && (
                  <button type="button" className="button button-secondary" onClick={() => void act(`/adjustments/${row.adjustmentId}/delete`, `Justeringen av ${row.label} är borttagen.`)}>
                    Ta bort justering<span className="visually-hidden"> av {row.label}</span>
                  </button>
                )}
              </div>
            )}
          </td>
        )}
      </tr>
      {open && (
        <tr>
          <td colSpan={5}>
            <AdjustForm
              row={row}
              applicationId={applicationId}
              onDone={async (message) => {
                setAdjusting(null);
                await onChanged(message);
                focusLater(`justera-${row.key}`);
              }}
              onCancel={() => {
                setAdjusting(null);
                focusLater(`justera-${row.key}`);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function AdjustForm({ row, applicationId, onDone, onCancel }: { row: CalcRow; applicationId: string; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const [value, setValue] = useState(kronorInputText(row.workerValue ?? row.systemValue));
  const [note, setNote] = useState(row.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const base = `adj-${row.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const ore = parseKronor(value, { empty: 'zero' });
    const next: Record<string, string> = {};
    if (ore === null) next.value = 'Ange beloppet i kronor med siffror, t.ex. 1 500.';
    if (!note.trim()) next.note = 'Skriv varför värdet ändras.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      await api.post(`/applications/${applicationId}/adjustments`, { lineKey: row.key, value: ore, note: note.trim() });
      await onDone(`${row.label} är justerad till ${formatMoney(ore!)}.`);
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : 'Justeringen kunde inte sparas.');
      setBusy(false);
    }
  }
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={`Justera ${row.label}`}>
      <ErrorSummary
        errors={[
          ...(formError ? [{ message: formError }] : []),
          ...(errors.value ? [{ fieldId: `${base}-value`, message: errors.value }] : []),
          ...(errors.note ? [{ fieldId: `${base}-note`, message: errors.note }] : []),
        ]}
        title="Justeringen kunde inte sparas"
        focusKey={submits}
        level={4}
      />
      <p>
        Systemvärde: {formatMoney(row.systemValue)}. {row.explanation}
      </p>
      <TextField id={`${base}-value`} inputMode="decimal" label={`Nytt värde för ${row.label} (kr)`} value={value} onChange={(e) => setValue(e.target.value)} error={errors.value} autoFocus />
      <TextAreaField id={`${base}-note`} label="Notering (varför värdet ändras)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Spara justering
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

function DeletedAdjustments({ calculation, editable, act }: { calculation: CalculationView; editable: boolean; act: (path: string, message: string) => Promise<void> }) {
  const deleted = calculation.adjustments.filter((a) => a.deletedAt);
  const orphaned = calculation.adjustments.filter((a) => !a.deletedAt && !a.applied);
  if (!deleted.length && !orphaned.length) return null;
  return (
    <details>
      <summary>Borttagna och vilande justeringar ({deleted.length + orphaned.length})</summary>
      <ul>
        {orphaned.map((a) => (
          <li key={a.id}>
            Raden finns inte längre i ansökan: {formatMoney(a.value)} – {a.note}
          </li>
        ))}
        {deleted.map((a) => (
          <li key={a.id}>
            {formatMoney(a.value)} – {a.note} ({a.createdByName}, borttagen {formatDateTime(a.deletedAt)}){' '}
            {editable && (
              <button type="button" className="button button-secondary" onClick={() => void act(`/adjustments/${a.id}/restore`, 'Justeringen är återställd.')}>
                Återställ<span className="visually-hidden"> justeringen {a.note}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
