import { useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import type { CaseDetail, CaseJournalEntry, JournalEntry } from '@vagen/contract';
import { formatDate, formatDateTime, stockholmLocalToIso, todayInStockholm } from '../format.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField, type SummaryError } from '../components/forms.tsx';
import { JOURNAL_STEP_OPTIONS, journalStepLabel } from '../documents/journal-steps.ts';
import { InPageLink } from '../components/InPageLink.tsx';
import { focusLater } from '../components/focus.ts';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

interface Props {
  caseId: string;
  detail: CaseDetail;
  reload: () => Promise<CaseDetail | null>;
  announce: (message: string) => void;
}

const entryId = (id: string) => `anteckning-${id}`;
const entryHeadingId = (id: string) => `anteckning-${id}-rubrik`;

/** Map API field errors ("/body/title") to our field ids ("journal-new-title"). */
function summaryFrom(prefix: string, errors: Record<string, string>, formError: string | null, labels: Record<string, string>): SummaryError[] {
  const list: SummaryError[] = formError ? [{ message: formError }] : [];
  for (const [name, message] of Object.entries(errors)) {
    list.push(name in labels ? { fieldId: `${prefix}-${name}`, message } : { message });
  }
  return list;
}

export function JournalSection({ caseId, detail, reload, announce }: Props) {
  const entries = [...detail.journal].sort((a, b) => b.eventDate.localeCompare(a.eventDate) || b.createdAt.localeCompare(a.createdAt));
  const byId = new Map(detail.journal.map((e) => [e.id, e]));

  async function after(entry: JournalEntry | null, message: string) {
    await reload();
    announce(message);
    if (entry) focusLater(entryHeadingId(entry.id));
  }

  return (
    <section aria-labelledby="journal" className="section">
      <h2 id="journal">Journal</h2>
      <p className="muted">
        Journalanteckningar kan ändras av den som skrev dem tills de signeras. En signerad anteckning är låst. Behöver något rättas skriver du en rättelse, som sparas som en ny anteckning och hänvisar
        till den ursprungliga.
      </p>
      {detail.permissions.canWriteJournal ? (
        <NewEntryForm caseId={caseId} onCreated={(e) => after(e, `Anteckningen ”${e.title}” är sparad. Den är inte signerad än.`)} />
      ) : (
        <p className="notice">Du har inte behörighet att skriva i journalen för det här ärendet.</p>
      )}

      <h3 className="journal-list-title">Anteckningar ({entries.length})</h3>
      {entries.length === 0 ? (
        <p className="muted">Det finns inga anteckningar än.</p>
      ) : (
        <ol className="journal-list">
          {entries.map((e) => (
            <li key={e.id}>
              <EntryView entry={e} original={e.correctsEntryId ? (byId.get(e.correctsEntryId) ?? null) : null} corrections={detail.journal.filter((c) => c.correctsEntryId === e.id)} onDone={after} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NewEntryForm({ caseId, onCreated }: { caseId: string; onCreated: (e: JournalEntry) => Promise<void> }) {
  const empty = { eventDate: todayInStockholm(), step: '', title: '', body: '', receivedOrallyFrom: '', receivedOrallyAt: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  useUnsavedChanges(!busy && changed(values, empty));
  const set = (k: keyof typeof values) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    const next: Record<string, string> = {};
    if (!values.eventDate) next.eventDate = 'Skriv vilket datum anteckningen gäller.';
    if (!values.title.trim()) next.title = 'Skriv en rubrik.';
    if (!values.body.trim()) next.body = 'Skriv en text.';
    const oralFrom = values.receivedOrallyFrom.trim();
    if (oralFrom && !values.receivedOrallyAt) next.receivedOrallyAt = 'Skriv när uppgiften lämnades.';
    if (values.receivedOrallyAt && !oralFrom) next.receivedOrallyFrom = 'Skriv vem som lämnade uppgiften.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    const body: Record<string, string> = { eventDate: values.eventDate, title: values.title.trim(), body: values.body };
    if (values.step) body.step = values.step;
    if (oralFrom) {
      body.receivedOrallyFrom = oralFrom;
      body.receivedOrallyAt = stockholmLocalToIso(values.receivedOrallyAt) ?? values.receivedOrallyAt;
    }
    setBusy(true);
    try {
      const created = await api.post<JournalEntry>(`/cases/${encodeURIComponent(caseId)}/journal`, body);
      setValues({ ...empty });
      setBusy(false);
      await onCreated(created);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Anteckningen kunde inte sparas.');
      setBusy(false);
    }
  }

  const labels = { eventDate: '', step: '', title: '', body: '', receivedOrallyFrom: '', receivedOrallyAt: '' };
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="journal-new-title-heading">
      <h3 id="journal-new-title-heading">Ny anteckning</h3>
      <ErrorSummary errors={summaryFrom('journal-new', errors, formError, labels)} title="Anteckningen kunde inte sparas" focusKey={submits} level={4} />
      <TextField
        id="journal-new-eventDate"
        label="Datum"
        hint="Det datum som anteckningen gäller."
        type="date"
        value={values.eventDate}
        onChange={set('eventDate')}
        error={errors.eventDate}
        required
        className="field-short"
      />
      <SelectField id="journal-new-step" label="Steg" hint="Vilket steg i ärendet anteckningen hör till." value={values.step} onChange={set('step')} error={errors.step} className="field-short">
        <option value="">Inget steg valt</option>
        {JOURNAL_STEP_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField id="journal-new-title" label="Rubrik" value={values.title} onChange={set('title')} error={errors.title} required maxLength={200} />
      <TextAreaField id="journal-new-body" label="Text" rows={6} value={values.body} onChange={set('body')} error={errors.body} required />
      <fieldset className="fieldset">
        <legend>Muntlig uppgift (FL 27 §)</legend>
        <p className="hint" id="journal-oral-hint">
          Fyll i detta om någon har lämnat en uppgift muntligt, till exempel i telefon eller vid ett besök. Annars lämnar du fälten tomma.
        </p>
        <div className="field-row">
          <TextField
            id="journal-new-receivedOrallyFrom"
            label="Muntlig uppgift från"
            hint="Vem lämnade uppgiften?"
            value={values.receivedOrallyFrom}
            onChange={set('receivedOrallyFrom')}
            error={errors.receivedOrallyFrom}
          />
          <TextField
            id="journal-new-receivedOrallyAt"
            label="Muntlig uppgift när"
            hint="Datum och klockslag."
            type="datetime-local"
            value={values.receivedOrallyAt}
            onChange={set('receivedOrallyAt')}
            error={errors.receivedOrallyAt}
          />
        </div>
      </fieldset>
      <p className="hint">Anteckningen sparas osignerad. Du kan ändra den tills du signerar den.</p>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Sparar …' : 'Spara anteckning'}
      </button>
    </form>
  );
}

type Mode = 'view' | 'edit' | 'confirmSign' | 'correct';

function EntryView({
  entry,
  original,
  corrections,
  onDone,
}: {
  entry: CaseJournalEntry;
  original: CaseJournalEntry | null;
  corrections: CaseJournalEntry[];
  onDone: (e: JournalEntry | null, message: string) => Promise<void>;
}) {
  const [mode, setMode] = useState<Mode>('view');
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signed = !!entry.signedAt;
  const hid = entryHeadingId(entry.id);

  async function sign() {
    setBusy(true);
    setActionError(null);
    try {
      const e = await api.post<JournalEntry>(`/journal-entries/${encodeURIComponent(entry.id)}/sign`, {});
      setMode('view');
      setBusy(false);
      await onDone(e, `Anteckningen ”${entry.title}” är signerad och låst.`);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : 'Anteckningen kunde inte signeras.');
      setBusy(false);
    }
  }

  return (
    <article id={entryId(entry.id)} className={`journal-entry ${signed ? 'is-signed' : 'is-draft'}`} aria-labelledby={hid}>
      <header className="entry-header">
        <h4 id={hid} tabIndex={-1}>
          {entry.title}
        </h4>
        <span className="entry-badges">
          {entry.correctsEntryId && <span className="badge badge-correction">Rättelse</span>}
          {signed ? <span className="badge badge-locked">Signerad – låst</span> : <span className="badge badge-draft">Inte signerad</span>}
        </span>
      </header>
      <dl className="entry-meta">
        <div>
          <dt>Datum</dt>
          <dd>
            <time dateTime={entry.eventDate}>{formatDate(entry.eventDate)}</time>
          </dd>
        </div>
        {journalStepLabel(entry.step) && (
          <div>
            <dt>Steg</dt>
            <dd>{journalStepLabel(entry.step)}</dd>
          </div>
        )}
        <div>
          <dt>Skriven av</dt>
          <dd>
            {entry.authorName}, <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            {entry.updatedAt && entry.updatedAt !== entry.createdAt && !signed && (
              <>
                {' '}
                (ändrad <time dateTime={entry.updatedAt}>{formatDateTime(entry.updatedAt)}</time>)
              </>
            )}
          </dd>
        </div>
        {signed && (
          <div>
            <dt>Signerad</dt>
            <dd>
              <time dateTime={entry.signedAt!}>{formatDateTime(entry.signedAt)}</time>
              {entry.signedByName && <> av {entry.signedByName}</>}
            </dd>
          </div>
        )}
        {(entry.receivedOrallyFrom || entry.receivedOrallyAt) && (
          <div>
            <dt>Muntlig uppgift</dt>
            <dd>
              Från {entry.receivedOrallyFrom ?? 'okänd'}
              {entry.receivedOrallyAt && (
                <>
                  , <time dateTime={entry.receivedOrallyAt}>{formatDateTime(entry.receivedOrallyAt)}</time>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {entry.correctsEntryId && (
        <p className="entry-ref">
          Det här är en rättelse av{' '}
          {original ? (
            <InPageLink target={entryId(original.id)} focusTarget={entryHeadingId(original.id)}>
              anteckningen ”{original.title}” från {formatDate(original.eventDate)}
            </InPageLink>
          ) : (
            'en tidigare anteckning'
          )}
          . Den ursprungliga anteckningen finns kvar oförändrad.
        </p>
      )}
      {corrections.length > 0 && (
        <p className="entry-ref entry-ref-corrected">
          Den här anteckningen har rättats i{' '}
          {corrections.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <InPageLink target={entryId(c.id)} focusTarget={entryHeadingId(c.id)}>
                ”{c.title}” ({formatDate(c.eventDate)})
              </InPageLink>
            </span>
          ))}
          .
        </p>
      )}

      {mode === 'edit' ? (
        <EditEntryForm
          entry={entry}
          onCancel={() => {
            setMode('view');
            focusLater(hid);
          }}
          onSaved={async (e) => {
            setMode('view');
            await onDone(e, 'Ändringarna är sparade.');
          }}
        />
      ) : (
        <div className="entry-body">{entry.body}</div>
      )}

      {mode === 'correct' && (
        <CorrectionForm
          entry={entry}
          onCancel={() => {
            setMode('view');
            focusLater(hid);
          }}
          onSaved={async (e) => {
            setMode('view');
            await onDone(e, `Rättelsen ”${e.title}” är sparad.`);
          }}
        />
      )}

      {actionError && (
        <p className="notice notice-error" role="alert">
          {actionError}
        </p>
      )}

      {mode === 'confirmSign' && (
        // biome-ignore lint/a11y/useSemanticElements: a confirmation with buttons, not form fields
        <div className="confirm" role="group" aria-labelledby={`${hid}-confirm`}>
          <p id={`${hid}-confirm`}>
            <strong>Vill du signera ”{entry.title}”?</strong> När du har signerat låses anteckningen. Den kan inte ändras efteråt, bara rättas med en ny anteckning.
          </p>
          <div className="button-row">
            <button type="button" className="button button-primary" id={`${hid}-confirm-yes`} onClick={sign} disabled={busy}>
              {busy ? 'Signerar …' : 'Ja, signera'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setMode('view');
                focusLater(`${hid}-sign`);
              }}
            >
              Avbryt
            </button>
          </div>
        </div>
      )}

      {mode === 'view' && (entry.canEdit || entry.canSign || entry.canCorrect) && (
        <div className="button-row entry-actions">
          {entry.canEdit && !signed && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setMode('edit');
                focusLater(`${hid}-edit-title`);
              }}
              aria-describedby={hid}
            >
              Ändra
            </button>
          )}
          {entry.canSign && !signed && (
            <button
              type="button"
              id={`${hid}-sign`}
              className="button button-secondary"
              onClick={() => {
                setMode('confirmSign');
                focusLater(`${hid}-confirm-yes`);
              }}
              aria-describedby={hid}
            >
              Signera
            </button>
          )}
          {entry.canCorrect && signed && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setMode('correct');
                focusLater(`${hid}-correct-title`);
              }}
              aria-describedby={hid}
            >
              Skriv rättelse
            </button>
          )}
        </div>
      )}
    </article>
  );
}

function EditEntryForm({ entry, onCancel, onSaved }: { entry: CaseJournalEntry; onCancel: () => void; onSaved: (e: JournalEntry) => Promise<void> }) {
  const prefix = `${entryHeadingId(entry.id)}-edit`;
  const [values, setValues] = useState({ eventDate: entry.eventDate.slice(0, 10), title: entry.title, body: entry.body });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(!busy && changed(values, { eventDate: entry.eventDate.slice(0, 10), title: entry.title, body: entry.body }));
  const [submits, setSubmits] = useState(0);
  const set = (k: keyof typeof values) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    const next: Record<string, string> = {};
    if (!values.eventDate) next.eventDate = 'Skriv vilket datum anteckningen gäller.';
    if (!values.title.trim()) next.title = 'Skriv en rubrik.';
    if (!values.body.trim()) next.body = 'Skriv en text.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const e = await api.patch<JournalEntry>(`/journal-entries/${encodeURIComponent(entry.id)}`, { eventDate: values.eventDate, title: values.title.trim(), body: values.body });
      await onSaved(e);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Ändringarna kunde inte sparas.');
      setBusy(false);
    }
  }

  return (
    <form className="form inset" onSubmit={onSubmit} noValidate aria-label={`Ändra anteckningen ${entry.title}`}>
      <ErrorSummary errors={summaryFrom(prefix, errors, formError, { eventDate: '', title: '', body: '' })} title="Ändringarna kunde inte sparas" focusKey={submits} level={5} />
      <TextField id={`${prefix}-eventDate`} label="Datum" type="date" value={values.eventDate} onChange={set('eventDate')} error={errors.eventDate} required className="field-short" />
      <TextField id={`${prefix}-title`} label="Rubrik" value={values.title} onChange={set('title')} error={errors.title} required maxLength={200} />
      <TextAreaField id={`${prefix}-body`} label="Text" rows={6} value={values.body} onChange={set('body')} error={errors.body} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Sparar …' : 'Spara ändringar'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

function CorrectionForm({ entry, onCancel, onSaved }: { entry: CaseJournalEntry; onCancel: () => void; onSaved: (e: JournalEntry) => Promise<void> }) {
  const prefix = `${entryHeadingId(entry.id)}-correct`;
  const [values, setValues] = useState({ title: entry.title.startsWith('Rättelse') ? entry.title : `Rättelse: ${entry.title}`, body: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  const set = (k: keyof typeof values) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    const next: Record<string, string> = {};
    if (!values.title.trim()) next.title = 'Skriv en rubrik.';
    if (!values.body.trim()) next.body = 'Skriv vad som ska rättas.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const e = await api.post<JournalEntry>(`/journal-entries/${encodeURIComponent(entry.id)}/corrections`, { title: values.title.trim(), body: values.body });
      await onSaved(e);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Rättelsen kunde inte sparas.');
      setBusy(false);
    }
  }

  return (
    <form className="form inset" onSubmit={onSubmit} noValidate aria-label={`Rättelse av anteckningen ${entry.title}`}>
      <p className="hint">Den signerade anteckningen ändras inte. Rättelsen sparas som en ny anteckning som hänvisar till den ursprungliga.</p>
      <ErrorSummary errors={summaryFrom(prefix, errors, formError, { title: '', body: '' })} title="Rättelsen kunde inte sparas" focusKey={submits} level={5} />
      <TextField id={`${prefix}-title`} label="Rubrik för rättelsen" value={values.title} onChange={set('title')} error={errors.title} required maxLength={200} />
      <TextAreaField id={`${prefix}-body`} label="Vad ska rättas?" hint="Skriv vad som var fel och vad som är rätt." rows={5} value={values.body} onChange={set('body')} error={errors.body} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Sparar …' : 'Spara rättelse'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
