import { useState, type FormEvent } from 'react';
import { focusLater } from '../components/focus.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { formatDateTime, stockholmLocalToIso } from '../format.ts';
import { Checkbox, postDetail, useIntakeForm, type SectionProps } from './shared.tsx';
import type { UnitWorkers } from '@vagen/contract';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

const toFieldId = (path: string) => {
  if (path.startsWith('/body/documents')) return `doc-${path.split('/')[3] ?? '0'}`;
  return ({ '/body/visitAt': 'visit-at', '/body/place': 'visit-place', '/body/workerId': 'visit-worker', '/body/note': 'visit-note' } as Record<string, string>)[path] ?? 'visit-at';
};

/** Book the first visit (nybesök); the letter ticks the documents to bring. */
export function BookingSection({ detail, onChanged, workers }: SectionProps & { workers: UnitWorkers | null }) {
  const b = detail.booking;
  const [visitAt, setVisitAt] = useState('');
  const [place, setPlace] = useState(b?.place ?? '');
  const [workerId, setWorkerId] = useState(b?.worker?.id ?? '');
  const [documents, setDocuments] = useState<string[]>(b?.documents.map((x) => x.key) ?? []);
  const [note, setNote] = useState('');
  const f = useIntakeForm(toFieldId);
  useUnsavedChanges(!f.busy && changed([visitAt, place, workerId, documents, note], ['', b?.place ?? '', b?.worker?.id ?? '', b?.documents.map((x) => x.key) ?? [], '']));
  const can = detail.permissions.canHandle;
  const h = detail.options.visitHours;
  const bookingGate = detail.checklists.find((c) => c.stage === 'beforeBooking');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const iso = stockholmLocalToIso(visitAt);
    if (!iso) local['visit-at'] = 'Ange datum och klockslag för nybesöket.';
    if (!place.trim()) local['visit-place'] = 'Ange var besöket äger rum.';
    if (!workerId) local['visit-worker'] = 'Välj vem besöket bokas hos.';
    const res = await f.run(local, () =>
      postDetail(`/intake/${encodeURIComponent(detail.id)}/booking`, {
        visitAt: iso,
        place: place.trim(),
        workerId,
        documents,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (res) {
      onChanged(res, `Nybesöket är bokat ${formatDateTime(res.booking?.visitAt)}. Kallelsen är skapad.`);
      focusLater('nybesok');
    }
  }

  return (
    <section className="section" aria-labelledby="nybesok">
      <h2 id="nybesok">Nybesök</h2>
      {b && (
        <div className="card">
          <p>
            Bokat <strong>{formatDateTime(b.visitAt)}</strong> hos {b.worker?.name ?? 'okänd'}, {b.place}. Bokades {formatDateTime(b.bookedAt)} av {b.bookedByName ?? 'okänd'}.
          </p>
          {b.documents.length > 0 && (
            <>
              <h3 className="h4">Handlingar att ta med</h3>
              <ul>
                {b.documents.map((x) => (
                  <li key={x.key}>{x.label}</li>
                ))}
              </ul>
            </>
          )}
          {b.letterUrl && (
            <p>
              <a href={b.letterUrl} target="_blank" rel="noopener">
                Öppna kallelsen (PDF)<span className="visually-hidden"> i ett nytt fönster</span>
              </a>
            </p>
          )}
        </div>
      )}
      {can && (
        <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="boka-rubrik">
          <h3 id="boka-rubrik">{b ? 'Boka om nybesöket' : 'Boka nybesök'}</h3>
          {bookingGate && !bookingGate.complete && <p className="notice">Checklistan ”{bookingGate.label.toLowerCase()}” måste vara klar innan nybesöket kan bokas.</p>}
          <ErrorSummary errors={f.summary} title="Nybesöket kunde inte bokas" focusKey={f.submits} level={4} />
          <div className="field-row">
            <TextField
              id="visit-at"
              type="datetime-local"
              label="Tid för nybesöket"
              hint={`Vardag mellan ${h.from} och ${h.to}, svensk tid.`}
              value={visitAt}
              onChange={(e) => setVisitAt(e.target.value)}
              error={f.errors['visit-at']}
            />
            <SelectField id="visit-worker" label="Nybesöket bokas hos" value={workerId} onChange={(e) => setWorkerId(e.target.value)} error={f.errors['visit-worker']}>
              <option value="">Välj handläggare</option>
              {(workers?.workers ?? []).map((w) => (
                <option key={w.id} value={w.id}>{`${w.name} (${w.roleLabel})`}</option>
              ))}
            </SelectField>
          </div>
          <TextField
            id="visit-place"
            label="Plats"
            hint="Till exempel Socialkontoret, Storgatan 10, plan 2."
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            error={f.errors['visit-place']}
          />
          <fieldset className="fieldset">
            <legend>Handlingar att ta med</legend>
            <p className="hint">De markerade handlingarna står i kallelsen.</p>
            <div className="checkbox-grid">
              {detail.options.documentOptions.map((o, i) => (
                <Checkbox
                  key={o.key}
                  id={`doc-${i}`}
                  label={o.label}
                  checked={documents.includes(o.key)}
                  onChange={(v) => setDocuments(v ? [...documents, o.key] : documents.filter((k) => k !== o.key))}
                />
              ))}
            </div>
          </fieldset>
          <TextAreaField id="visit-note" label="Anteckning till journalen (frivillig)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={f.errors['visit-note']} />
          <button type="submit" className="button button-primary" disabled={f.busy}>
            {f.busy ? 'Bokar …' : b ? 'Boka om nybesök' : 'Boka nybesök'}
          </button>
        </form>
      )}
    </section>
  );
}
