import { useState, type FormEvent } from 'react';
import { focusLater } from '../components/focus.ts';
import { ErrorSummary, TextAreaField } from '../components/forms.tsx';
import { formatDateTime } from '../format.ts';
import { postDetail, useIntakeForm, type SectionProps } from './shared.tsx';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

const ANSWERS = [
  ['yes', 'Ja'],
  ['no', 'Nej'],
  ['unclear', 'Oklart'],
] as const;
const BASES = [
  ['registered', 'Folkbokförd i kommunen'],
  ['staying', 'Vistas i kommunen'],
  ['other', 'Annat skäl'],
] as const;

function RadioGroup({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: readonly (readonly [string, string])[];
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={described}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      <div className="radios">
        {options.map(([v, l]) => (
          <div className="radio" key={v}>
            <input type="radio" id={`${id}-${v}`} name={id} value={v} checked={value === v} onChange={() => onChange(v)} />
            <label htmlFor={`${id}-${v}`}>{l}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

const toFieldId = (path: string) =>
  ({
    '/body/note': 'resp-note',
    '/body/basis': 'resp-basis-registered',
    '/body/otherBenefits': 'resp-other',
    '/body/municipalityResponsible': 'resp-municipality-yes',
    '/body/rightInstance': 'resp-instance-yes',
  })[path] ?? 'resp-note';

/** Is the municipality responsible, and is ekonomiskt bistånd the right instance? */
export function ResponsibilitySection({ detail, onChanged }: SectionProps) {
  const r = detail.responsibility;
  const [municipality, setMunicipality] = useState(r?.municipalityResponsible ?? '');
  const [basis, setBasis] = useState(r?.basis ?? '');
  const [instance, setInstance] = useState(r?.rightInstance ?? '');
  const [other, setOther] = useState(r?.otherBenefits ?? '');
  const [note, setNote] = useState(r?.note ?? '');
  const f = useIntakeForm(toFieldId);
  useUnsavedChanges(
    !f.busy && changed([municipality, basis, instance, other, note], [r?.municipalityResponsible ?? '', r?.basis ?? '', r?.rightInstance ?? '', r?.otherBenefits ?? '', r?.note ?? '']),
  );
  const can = detail.permissions.canHandle;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!municipality) local['resp-municipality-yes'] = 'Svara om kommunen är ansvarig.';
    if (!instance) local['resp-instance-yes'] = 'Svara om ekonomiskt bistånd är rätt instans.';
    const res = await f.run(local, () =>
      postDetail(`/intake/${encodeURIComponent(detail.id)}/responsibility`, {
        municipalityResponsible: municipality,
        rightInstance: instance,
        ...(municipality === 'yes' && basis ? { basis } : {}),
        ...(other.trim() ? { otherBenefits: other.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (res) {
      onChanged(res, 'Ansvarsprövningen är sparad.');
      focusLater('ansvar');
    }
  }

  const notResponsible = r && (r.municipalityResponsible === 'no' || r.rightInstance === 'no');
  return (
    <section className="section" aria-labelledby="ansvar">
      <h2 id="ansvar">Ansvarsprövning</h2>
      {r && (
        <p className="muted">
          Senast registrerad {formatDateTime(r.checkedAt)} av {r.checkedByName ?? 'okänd'}: kommunen ansvarig {r.municipalityResponsibleLabel.toLowerCase()}
          {r.basisLabel ? ` (${r.basisLabel.toLowerCase()})` : ''}, rätt instans {r.rightInstanceLabel.toLowerCase()}.
        </p>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="ansvar">
        <ErrorSummary errors={f.summary} title="Ansvarsprövningen kunde inte sparas" focusKey={f.submits} level={3} />
        <fieldset disabled={!can}>
          <RadioGroup
            id="resp-municipality"
            legend="Är kommunen ansvarig?"
            hint="Personen är folkbokförd i kommunen eller vistas här."
            options={ANSWERS}
            value={municipality}
            onChange={setMunicipality}
            error={f.errors['resp-municipality-yes']}
          />
          {municipality === 'yes' && <RadioGroup id="resp-basis" legend="Grund för ansvaret" options={BASES} value={basis} onChange={setBasis} error={f.errors['resp-basis-registered']} />}
          <RadioGroup
            id="resp-instance"
            legend="Är ekonomiskt bistånd rätt instans?"
            hint="Andra ersättningar ska sökas först, till exempel från Försäkringskassan, a-kassan eller CSN."
            options={ANSWERS}
            value={instance}
            onChange={setInstance}
            error={f.errors['resp-instance-yes']}
          />
          <TextAreaField id="resp-other" label="Andra ersättningar som ska sökas" rows={2} value={other} onChange={(e) => setOther(e.target.value)} error={f.errors['resp-other']} />
          <TextAreaField
            id="resp-note"
            label="Anteckning om ansvarsprövningen"
            hint="Skriv alltid varför om svaret är nej eller oklart."
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={f.errors['resp-note']}
          />
        </fieldset>
        {can && (
          <button type="submit" className="button button-primary" disabled={f.busy}>
            {f.busy ? 'Sparar …' : 'Spara ansvarsprövningen'}
          </button>
        )}
      </form>
      {can && notResponsible && <ReferForm detail={detail} onChanged={onChanged} />}
      {detail.referral && (
        <div className="notice">
          <p>
            Kontakten hänvisades {formatDateTime(detail.referral.at)} av {detail.referral.byName ?? 'okänd'}: {detail.referral.reason}
          </p>
        </div>
      )}
    </section>
  );
}

function ReferForm({ detail, onChanged }: SectionProps) {
  const [reason, setReason] = useState('');
  const f = useIntakeForm(() => 'refer-reason');
  useUnsavedChanges(!f.busy && reason.trim() !== '');
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = reason.trim() ? {} : { 'refer-reason': 'Skriv vart personen hänvisas och varför.' };
    const res = await f.run(local, () => postDetail(`/intake/${encodeURIComponent(detail.id)}/refer`, { reason: reason.trim() }));
    if (res) {
      onChanged(res, 'Kontakten är hänvisad och avslutad.');
      focusLater('ansvar');
    }
  }
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="hanvisa">
      <h3 id="hanvisa">Hänvisa och avsluta kontakten</h3>
      <p>Kommunen är inte ansvarig eller ekonomiskt bistånd är inte rätt instans. Kontakten avslutas utan beslut.</p>
      <ErrorSummary errors={f.summary} title="Kontakten kunde inte hänvisas" focusKey={f.submits} level={4} />
      <TextAreaField id="refer-reason" label="Vart hänvisas personen, och varför?" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={f.errors['refer-reason']} />
      <button type="submit" className="button button-secondary" disabled={f.busy}>
        Hänvisa och avsluta
      </button>
    </form>
  );
}
