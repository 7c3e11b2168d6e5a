import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage, fieldErrors } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { Loading } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { focusLater } from '../components/focus.ts';
import { useSession } from '../session.tsx';
import { formatDate, formatDateTime, todayInStockholm } from '../format.ts';
import { summaryFrom } from '../appeals/form-utils.ts';
import type { CaseWatches, Watch } from '@vagen/contract';
import '../queue/queue.css';

const P = 'watch-new';

/** Bevakningar on the case page: a date, what to check, who; each shows in the owner's queue until marked done. */
export function WatchesSection({ caseId, onChanged }: { caseId: string; onChanged: (message: string) => Promise<void> }) {
  const [data, setData] = useState<CaseWatches | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setData(await api.get<CaseWatches>(`/cases/${encodeURIComponent(caseId)}/watches`, signal ? { signal } : {}));
        setError(null);
      } catch (err) {
        if (signal?.aborted) return;
        setError(errorMessage(err));
      }
    },
    [caseId],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  async function markDone(w: Watch) {
    setBusyId(w.id);
    try {
      await api.post(`/watches/${encodeURIComponent(w.id)}/done`, {});
      await load();
      await onChanged(`Bevakningen ”${w.text}” är klar.`);
      focusLater('bevakningar');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="bevakningar" className="section">
      <h2 id="bevakningar" tabIndex={-1}>
        Bevakningar
      </h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        !error && <Loading text="Hämtar bevakningar …" />
      ) : (
        <>
          <ScrollRegion label="Bevakningar">
            <table className="data-table">
              <caption>Bevakningar i ärendet ({data.items.length} st)</caption>
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">Vad ska göras</th>
                  <th scope="col">Ansvarig</th>
                  <th scope="col">Status</th>
                  {data.permissions.canWrite && (
                    <th scope="col">
                      <span className="visually-hidden">Åtgärd</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={data.permissions.canWrite ? 5 : 4} className="empty">
                      Inga bevakningar.
                    </td>
                  </tr>
                ) : (
                  data.items.map((w) => (
                    <tr key={w.id} className={w.overdue ? 'row-overdue' : undefined}>
                      <th scope="row" className="nowrap">
                        <time dateTime={w.dueOn}>{formatDate(w.dueOn)}</time>
                      </th>
                      <td>{w.text}</td>
                      <td>{w.ownerName}</td>
                      <td>
                        {w.doneAt ? (
                          <>
                            Klar {formatDateTime(w.doneAt)}
                            {w.doneByName ? ` av ${w.doneByName}` : ''}
                            {w.doneNote ? `: ${w.doneNote}` : ''}
                          </>
                        ) : w.overdue ? (
                          <strong className="overdue-label">Försenad</strong>
                        ) : (
                          'Pågår'
                        )}
                      </td>
                      {data.permissions.canWrite && (
                        <td>
                          {!w.doneAt && (
                            <button type="button" className="button button-secondary" disabled={busyId === w.id} onClick={() => markDone(w)}>
                              {busyId === w.id ? 'Sparar …' : 'Markera som klar'}
                              <span className="visually-hidden">: {w.text}</span>
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </ScrollRegion>
          {data.permissions.canWrite && (
            <NewWatchForm
              caseId={caseId}
              owners={data.owners}
              onCreated={async (w) => {
                await load();
                await onChanged(`Bevakningen för ${formatDate(w.dueOn)} är sparad och finns i arbetskön för ${w.ownerName}.`);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function NewWatchForm({ caseId, owners, onCreated }: { caseId: string; owners: CaseWatches['owners']; onCreated: (w: Watch) => Promise<void> }) {
  const { session } = useSession();
  const me = session?.kind === 'staff' ? session.user.id : '';
  const empty = { dueOn: '', text: '', ownerId: me };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  const set = (k: keyof typeof values) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    const next: Record<string, string> = {};
    if (!values.dueOn) next.dueOn = 'Välj ett datum.';
    else if (values.dueOn < todayInStockholm()) next.dueOn = 'Datumet har redan passerat. Välj i dag eller ett senare datum.';
    if (!values.text.trim()) next.text = 'Skriv vad som ska bevakas.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const w = await api.post<Watch>(`/cases/${encodeURIComponent(caseId)}/watches`, {
        dueOn: values.dueOn,
        text: values.text.trim(),
        ...(values.ownerId && values.ownerId !== me ? { ownerId: values.ownerId } : {}),
      });
      setValues({ ...empty });
      setBusy(false);
      await onCreated(w);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? (err.fields.length ? null : err.message) : 'Bevakningen kunde inte sparas.');
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-heading`}>
      <h3 id={`${P}-heading`}>Ny bevakning</h3>
      <ErrorSummary errors={summaryFrom(P, errors, formError, ['dueOn', 'text', 'ownerId'])} title="Bevakningen kunde inte sparas" focusKey={submits} level={4} />
      <div className="field-row">
        <TextField
          id={`${P}-dueOn`}
          label="Datum"
          hint="När ska det kontrolleras?"
          type="date"
          min={todayInStockholm()}
          value={values.dueOn}
          onChange={set('dueOn')}
          error={errors.dueOn}
          required
          className="field-short"
        />
        <SelectField id={`${P}-ownerId`} label="Ansvarig" value={values.ownerId} onChange={set('ownerId')} error={errors.ownerId}>
          {owners.some((o) => o.id === me) ? null : <option value={me}>Jag</option>}
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id === me ? `${o.name} (jag)` : o.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField id={`${P}-text`} label="Vad ska bevakas?" rows={2} value={values.text} onChange={set('text')} error={errors.text} required maxLength={1000} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Sparar …' : 'Spara bevakning'}
      </button>
    </form>
  );
}
