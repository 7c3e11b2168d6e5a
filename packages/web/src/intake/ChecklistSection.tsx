import { useState } from 'react';
import { ErrorSummary } from '../components/forms.tsx';
import type { IntakeChecklist } from '@vagen/contract';
import { formatDateTime } from '../format.ts';
import { Checkbox, postDetail, useIntakeForm, type SectionProps } from './shared.tsx';

/**
 * The configured checklists; booking and hand-over are refused until the required items are done. A point the
 * system knows (interview saved, visit booked …) is read from the contact and shown read-only with the fact behind
 * it; only judgements have a box to tick.
 */
export function ChecklistSection({ detail, onChanged }: SectionProps) {
  const f = useIntakeForm(() => 'checklistor');
  // The box changes at once; the server's answer confirms it (or it goes back, with the error shown).
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({});
  const can = detail.permissions.canHandle;

  async function toggle(stage: string, key: string, label: string, checked: boolean) {
    const id = `${stage}-${key}`;
    setOptimistic((o) => ({ ...o, [id]: checked }));
    const r = await f.run({}, () => postDetail(`/intake/${encodeURIComponent(detail.id)}/checklist`, { stage, key, checked }));
    setOptimistic((o) => {
      const { [id]: _done, ...rest } = o;
      return rest;
    });
    if (r) onChanged(r, checked ? `Markerat: ${label}.` : `Markering borttagen: ${label}.`);
  }

  return (
    <section className="section" aria-labelledby="checklistor">
      <h2 id="checklistor">Checklistor</h2>
      <p>
        Punkter som krävs måste vara klara innan nybesöket bokas och innan ärendet lämnas över. Det du bedömer markerar du själv; vem som markerade och när sparas. Punkter märkta ”Hämtas från ärendet”
        blir klara av sig själva när uppgiften finns i ärendet.
      </p>
      <ErrorSummary errors={f.summary} title="Markeringen kunde inte sparas" focusKey={f.submits} level={3} />
      <div className="checkbox-grid">
        {detail.checklists.map((c) => (
          <fieldset className="fieldset card" key={c.stage} disabled={!can}>
            <legend>
              {c.label}
              {c.complete ? ' – klar' : ''}
            </legend>
            {c.items.map((i) => {
              const id = `check-${c.stage}-${i.key}`;
              if (i.derived) return <DerivedPoint key={i.key} id={id} label={i.label} required={i.required} derived={i.derived} />;
              return (
                <Checkbox
                  key={i.key}
                  id={id}
                  checked={optimistic[`${c.stage}-${i.key}`] ?? i.checked}
                  label={
                    <>
                      {i.label}
                      {i.required ? '' : ' (frivillig)'}
                    </>
                  }
                  meta={i.checked ? `Markerad av ${i.checkedByName ?? 'okänd'} ${formatDateTime(i.checkedAt)}` : undefined}
                  onChange={(v) => void toggle(c.stage, i.key, i.label, v)}
                />
              );
            })}
          </fieldset>
        ))}
      </div>
    </section>
  );
}

/** A point read from the contact: no box to tick, only whether it holds and the fact behind it. */
function DerivedPoint({ id, label, required, derived }: { id: string; label: string; required: boolean; derived: NonNullable<IntakeChecklist['items'][number]['derived']> }) {
  return (
    <div className={`derived-point${derived.met ? ' derived-point-met' : ''}`} id={id}>
      <span className="derived-point-mark" aria-hidden="true">
        {derived.met ? '✓' : ''}
      </span>
      <div>
        <span className="derived-point-label">
          {label}
          {required ? '' : ' (frivillig)'}
          <span className="visually-hidden">{derived.met ? ' – klar' : ' – inte klar'}</span>
        </span>
        <span className="meta">
          Hämtas från ärendet: {derived.label}
          {derived.met && derived.at ? ` ${formatDateTime(derived.at)}` : ''}.
        </span>
      </div>
    </div>
  );
}
