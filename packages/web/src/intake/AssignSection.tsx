import { useState, type FormEvent } from 'react';
import { focusLater } from '../components/focus.ts';
import { ErrorSummary, SelectField, TextAreaField } from '../components/forms.tsx';
import { formatDateTime } from '../format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { api } from '../api/client.ts';
import { Checkbox, useIntakeForm, type SectionProps } from './shared.tsx';
import type { IntakeAssignResult, UnitWorkers } from '@vagen/contract';
import { useUnsavedChanges } from '../components/unsaved-changes.tsx';

const toFieldId = (path: string) => (({ '/body/workerId': 'assign-worker', '/body/secondWorkerId': 'assign-second', '/body/note': 'assign-note' }) as Record<string, string>)[path] ?? 'assign-worker';

/** Assignment by the coordinator or manager: caseload, heavy cases, experience. */
export function AssignSection({ detail, onChanged, workers }: SectionProps & { workers: UnitWorkers | null }) {
  const [workerId, setWorkerId] = useState('');
  const [secondId, setSecondId] = useState('');
  const [note, setNote] = useState('');
  const [confirm, setConfirm] = useState(false);
  const f = useIntakeForm(toFieldId);
  useUnsavedChanges(!f.busy && (workerId !== '' || secondId !== '' || note.trim() !== ''));
  const handoverGate = detail.checklists.find((c) => c.stage === 'beforeHandover');
  const chosen = workers?.workers.find((w) => w.id === workerId);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = workerId ? {} : { 'assign-worker': 'Välj ansvarig handläggare.' };
    const res = await f.run(local, () =>
      api.post<IntakeAssignResult>(`/intake/${encodeURIComponent(detail.id)}/assign`, {
        workerId,
        ...(secondId ? { secondWorkerId: secondId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(confirm ? { confirmHeavyForNewStaff: true } : {}),
      }),
    );
    if (res) {
      onChanged(res.intake, `Ärendet är fördelat till ${res.intake.case.responsibleWorker?.name ?? 'handläggaren'}.${res.warnings.length ? ` ${res.warnings.join(' ')}` : ''}`);
      focusLater('fordelning');
    }
  }

  return (
    <section className="section" aria-labelledby="fordelning">
      <h2 id="fordelning">Fördelning till handläggare</h2>
      {detail.handover ? (
        <div className="notice notice-success">
          <p>
            Ärendet lämnades över {formatDateTime(detail.handover.at)} till {detail.handover.worker?.name ?? 'okänd'} av {detail.handover.byName ?? 'okänd'}. Ärendet har status{' '}
            {detail.case.statusLabel.toLowerCase()}.
          </p>
        </div>
      ) : (
        <p>
          Ärendets tyngd: {detail.heavyCase.heavy ? <strong>tungt ({detail.heavyCase.reasons.map((r) => r.label.toLowerCase()).join(', ')})</strong> : 'inte tungt'}. Nyanställda ska inte få de tyngsta
          ärendena.
        </p>
      )}
      {workers && (
        <ScrollRegion label="Handläggarnas ärendemängd">
          <table className="data-table">
            <caption>{`Handläggare i ${detail.case.unit.name}`}</caption>
            <thead>
              <tr>
                <th scope="col">Handläggare</th>
                <th scope="col">Roll</th>
                <th scope="col" className="num">
                  Aktiva ärenden
                </th>
                <th scope="col" className="num">
                  Tunga ärenden
                </th>
                <th scope="col" className="num">
                  Erfarenhet (år)
                </th>
                <th scope="col">Nyanställd</th>
              </tr>
            </thead>
            <tbody>
              {workers.workers.map((w) => (
                <tr key={w.id}>
                  <th scope="row">{w.name}</th>
                  <td>{w.roleLabel}</td>
                  <td className="num">{w.activeCases}</td>
                  <td className="num">{w.heavyCases}</td>
                  <td className="num">{w.yearsOfExperience}</td>
                  <td>{w.newStaff ? <span className="badge badge-draft">{`Ja, under ${workers.newStaffMonths} mån`}</span> : 'Nej'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {workers && <p className="hint">{workers.heavyCaseRule}</p>}
      {detail.permissions.canAssign && (
        <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="fordela-rubrik">
          <h3 id="fordela-rubrik">Fördela ärendet</h3>
          {handoverGate && !handoverGate.complete && <p className="notice">Checklistan ”{handoverGate.label.toLowerCase()}” måste vara klar innan ärendet kan lämnas över.</p>}
          <ErrorSummary errors={f.summary} title="Ärendet kunde inte fördelas" focusKey={f.submits} level={4} />
          <div className="field-row">
            <SelectField
              id="assign-worker"
              label="Ansvarig handläggare"
              value={workerId}
              onChange={(e) => {
                setWorkerId(e.target.value);
                setConfirm(false);
              }}
              error={f.errors['assign-worker']}
            >
              <option value="">Välj handläggare</option>
              {(workers?.workers ?? []).map((w) => (
                <option key={w.id} value={w.id}>{`${w.name}, ${w.activeCases} ärenden${w.newStaff ? ', nyanställd' : ''}`}</option>
              ))}
            </SelectField>
            <SelectField id="assign-second" label="Andra handläggare (frivillig)" value={secondId} onChange={(e) => setSecondId(e.target.value)} error={f.errors['assign-second']}>
              <option value="">Ingen</option>
              {(workers?.workers ?? [])
                .filter((w) => w.id !== workerId)
                .map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
            </SelectField>
          </div>
          {(f.errorCode === 'HEAVY_CASE_NEW_STAFF' || (chosen?.newStaff && detail.heavyCase.heavy)) && (
            <div className="confirm">
              <Checkbox id="assign-confirm" checked={confirm} onChange={setConfirm} label="Jag har sett varningen och vill ändå ge det tunga ärendet till en nyanställd." />
            </div>
          )}
          <TextAreaField id="assign-note" label="Anteckning vid överlämning (frivillig)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={f.errors['assign-note']} />
          <button type="submit" className="button button-primary" disabled={f.busy}>
            {f.busy ? 'Fördelar …' : 'Fördela ärendet'}
          </button>
        </form>
      )}
    </section>
  );
}
