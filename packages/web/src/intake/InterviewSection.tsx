import { useState, type FormEvent } from 'react';
import { focusLater } from '../components/focus.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { formatDateTime } from '../format.ts';
import { Checkbox, postDetail, useIntakeForm, type SectionProps } from './shared.tsx';
import type { IntakeDetail } from '@vagen/contract';
import { kronorInputText, parseKronor } from '@vagen/domain/money.ts';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

/** An amount in a field: empty for none, otherwise as the form saves it ("4500", "4500,50"). */
const amountText = (ore: number) => (ore ? kronorInputText(ore) : '');
/** A typed amount in öre; an empty field is 0, text that is not an amount is null. */
const amountOf = (text: string) => parseKronor(text, { empty: 'zero' });
interface Draft {
  need: string;
  ownEfforts: string;
  line: string;
  postalCode: string;
  city: string;
  tenure: string;
  monthlyCost: string;
  housingNote: string;
  coApplicant: boolean;
  children: { birthDate: string }[];
  family: string;
  othersPresent: boolean;
  othersNote: string;
  car: boolean;
  company: boolean;
  tenantOwnedFlat: boolean;
  ownershipNote: string;
  earlier: boolean;
  earlierWhere: string;
  earlierWhen: string;
  incomes: { type: string; person: string; amount: string }[];
  costs: { type: string; amount: string }[];
}

function initialDraft(d: IntakeDetail): Draft {
  const iv = d.interview;
  const applicant = d.people.find((p) => p.role === 'applicant');
  if (iv) {
    return {
      need: iv.need,
      ownEfforts: iv.ownEfforts,
      line: iv.address.line,
      postalCode: iv.address.postalCode,
      city: iv.address.city,
      tenure: iv.housing.tenure,
      monthlyCost: amountText(iv.housing.monthlyCost),
      housingNote: iv.housing.note,
      coApplicant: iv.household.coApplicant,
      children: iv.household.children.map((c) => ({ birthDate: c.birthDate })),
      family: iv.family,
      othersPresent: iv.otherPersonsAtAddress.present,
      othersNote: iv.otherPersonsAtAddress.note,
      car: iv.ownership.car,
      company: iv.ownership.company,
      tenantOwnedFlat: iv.ownership.tenantOwnedFlat,
      ownershipNote: iv.ownership.note,
      earlier: iv.earlierAssistance.received,
      earlierWhere: iv.earlierAssistance.where,
      earlierWhen: iv.earlierAssistance.when,
      incomes: iv.incomes.map((x) => ({ type: x.type, person: x.person, amount: amountText(x.amount) })),
      costs: iv.otherCosts.map((x) => ({ type: x.type, amount: amountText(x.amount) })),
    };
  }
  // A new interview starts from what was registered.
  return {
    need: d.needSummary,
    ownEfforts: '',
    line: applicant?.address?.line ?? '',
    postalCode: applicant?.address?.postalCode ?? '',
    city: applicant?.address?.city ?? '',
    tenure: 'firstHand',
    monthlyCost: '',
    housingNote: '',
    coApplicant: d.people.some((p) => p.role === 'coApplicant'),
    children: d.people.filter((p) => p.role === 'child').map((p) => ({ birthDate: p.birthDate })),
    family: '',
    othersPresent: false,
    othersNote: '',
    car: false,
    company: false,
    tenantOwnedFlat: false,
    ownershipNote: '',
    earlier: false,
    earlierWhere: '',
    earlierWhen: '',
    incomes: [],
    costs: [],
  };
}

function toFieldId(path: string): string {
  const p = path.replace(/^\/body\//, '').split('/');
  switch (p[0]) {
    case 'housing':
      return p[1] === 'tenure' ? 'iv-tenure' : p[1] === 'note' ? 'iv-housing-note' : 'iv-monthlyCost';
    case 'household':
      return p[1] === 'children' ? `iv-child-${p[2] ?? 0}-birthDate` : 'iv-coApplicant';
    case 'incomes':
      return `iv-income-${p[1] ?? 0}-${p[2] ?? 'amount'}`;
    case 'otherCosts':
      return `iv-cost-${p[1] ?? 0}-${p[2] ?? 'amount'}`;
    case 'address':
      return `iv-address-${p[1] ?? 'line'}`;
    case 'ownEfforts':
      return 'iv-ownEfforts';
    case 'family':
      return 'iv-family';
    default:
      return 'iv-need';
  }
}

export function InterviewSection({ detail, onChanged }: SectionProps) {
  const [d, setD] = useState<Draft>(() => initialDraft(detail));
  const f = useIntakeForm(toFieldId);
  useUnsavedChanges(!f.busy && changed(d, initialDraft(detail)));
  const can = detail.permissions.canHandle;
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!d.need.trim()) local['iv-need'] = 'Beskriv vad personen behöver hjälp med.';
    const rent = amountOf(d.monthlyCost);
    if (rent === null) local['iv-monthlyCost'] = 'Ange boendekostnaden i kronor, till exempel 4500.';
    d.children.forEach((c, i) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(c.birthDate)) local[`iv-child-${i}-birthDate`] = `Ange födelsedatum för barn ${i + 1} som ÅÅÅÅ-MM-DD.`;
    });
    const incomes = d.incomes.map((x, i) => {
      const amount = amountOf(x.amount);
      if (amount === null) local[`iv-income-${i}-amount`] = `Ange belopp för inkomst ${i + 1} i kronor.`;
      return { type: x.type, person: x.person, amount: amount ?? 0 };
    });
    const otherCosts = d.costs.map((x, i) => {
      const amount = amountOf(x.amount);
      if (amount === null) local[`iv-cost-${i}-amount`] = `Ange belopp för kostnad ${i + 1} i kronor.`;
      return { type: x.type, amount: amount ?? 0 };
    });
    const body = {
      need: d.need.trim(),
      ownEfforts: d.ownEfforts,
      address: { line: d.line, postalCode: d.postalCode, city: d.city },
      housing: { tenure: d.tenure, monthlyCost: rent ?? 0, note: d.housingNote },
      household: { coApplicant: d.coApplicant, children: d.children },
      family: d.family,
      otherPersonsAtAddress: { present: d.othersPresent, note: d.othersNote },
      ownership: { car: d.car, company: d.company, tenantOwnedFlat: d.tenantOwnedFlat, note: d.ownershipNote },
      earlierAssistance: { received: d.earlier, where: d.earlierWhere, when: d.earlierWhen },
      incomes,
      otherCosts,
    };
    const r = await f.run(local, () => postDetail(`/intake/${encodeURIComponent(detail.id)}/interview`, body));
    if (r) {
      onChanged(r, 'Intervjun är sparad.');
      focusLater('intervju');
    }
  }

  return (
    <section className="section" aria-labelledby="intervju">
      <h2 id="intervju">Telefonintervju</h2>
      {detail.interviewedAt && (
        <p className="muted">
          Första gången sparad {formatDateTime(detail.interviewedAt)} av {detail.interviewedByName ?? 'okänd'}. Varje ändring sparas i historiken.
        </p>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="intervju">
        <ErrorSummary errors={f.summary} title="Intervjun kunde inte sparas" focusKey={f.submits} level={3} />
        <fieldset disabled={!can}>
          <TextAreaField id="iv-need" label="Vad behöver personen hjälp med?" rows={3} value={d.need} onChange={(e) => set({ need: e.target.value })} error={f.errors['iv-need']} />
          <TextAreaField
            id="iv-ownEfforts"
            label="Vad har personen själv gjort för att lösa situationen?"
            rows={3}
            value={d.ownEfforts}
            onChange={(e) => set({ ownEfforts: e.target.value })}
            error={f.errors['iv-ownEfforts']}
          />

          <fieldset className="fieldset">
            <legend>Adress och boende</legend>
            <div className="field-row">
              <TextField id="iv-address-line" label="Gatuadress" value={d.line} onChange={(e) => set({ line: e.target.value })} error={f.errors['iv-address-line']} />
              <TextField
                id="iv-address-postalCode"
                label="Postnummer"
                inputMode="numeric"
                value={d.postalCode}
                onChange={(e) => set({ postalCode: e.target.value })}
                error={f.errors['iv-address-postalCode']}
              />
              <TextField id="iv-address-city" label="Ort" value={d.city} onChange={(e) => set({ city: e.target.value })} error={f.errors['iv-address-city']} />
            </div>
            <div className="field-row">
              <SelectField id="iv-tenure" label="Boendeform" value={d.tenure} onChange={(e) => set({ tenure: e.target.value })} error={f.errors['iv-tenure']}>
                {detail.options.tenureTypes.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="iv-monthlyCost"
                label="Boendekostnad per månad (kr)"
                hint="Hyra eller avgift, hela kronor."
                inputMode="decimal"
                value={d.monthlyCost}
                onChange={(e) => set({ monthlyCost: e.target.value })}
                error={f.errors['iv-monthlyCost']}
              />
            </div>
            <TextField
              id="iv-housing-note"
              label="Kommentar om boendet"
              hint="Till exempel andrahandskontrakt: överväg hembesök."
              value={d.housingNote}
              onChange={(e) => set({ housingNote: e.target.value })}
            />
            <Checkbox id="iv-others-present" label="Andra personer bor på adressen" checked={d.othersPresent} onChange={(v) => set({ othersPresent: v })} />
            {d.othersPresent && <TextField id="iv-others-note" label="Vilka bor på adressen?" value={d.othersNote} onChange={(e) => set({ othersNote: e.target.value })} />}
          </fieldset>

          <fieldset className="fieldset">
            <legend>Familj och hushåll</legend>
            <Checkbox id="iv-coApplicant" label="Medsökande i hushållet (make, maka eller sambo)" checked={d.coApplicant} onChange={(v) => set({ coApplicant: v })} />
            {d.children.map((c, i) => (
              <div className="row-editor" key={i}>
                <TextField
                  id={`iv-child-${i}-birthDate`}
                  label={`Födelsedatum för barn ${i + 1}`}
                  hint="ÅÅÅÅ-MM-DD"
                  value={c.birthDate}
                  onChange={(e) => set({ children: d.children.map((x, j) => (j === i ? { birthDate: e.target.value } : x)) })}
                  error={f.errors[`iv-child-${i}-birthDate`]}
                />
                <button type="button" className="button button-secondary" onClick={() => set({ children: d.children.filter((_, j) => j !== i) })}>{`Ta bort barn ${i + 1}`}</button>
              </div>
            ))}
            <p>
              <button type="button" className="button button-secondary" onClick={() => set({ children: [...d.children, { birthDate: '' }] })}>
                Lägg till barn i hushållet
              </button>
            </p>
            <TextAreaField id="iv-family" label="Familjesituation" rows={2} value={d.family} onChange={(e) => set({ family: e.target.value })} error={f.errors['iv-family']} />
          </fieldset>

          <fieldset className="fieldset">
            <legend>Tillgångar</legend>
            <Checkbox id="iv-car" label="Äger bil" checked={d.car} onChange={(v) => set({ car: v })} />
            <Checkbox id="iv-company" label="Äger företag" checked={d.company} onChange={(v) => set({ company: v })} />
            <Checkbox id="iv-tenantOwnedFlat" label="Äger bostadsrätt" checked={d.tenantOwnedFlat} onChange={(v) => set({ tenantOwnedFlat: v })} />
            <TextField id="iv-ownership-note" label="Kommentar om tillgångar" value={d.ownershipNote} onChange={(e) => set({ ownershipNote: e.target.value })} />
          </fieldset>

          <fieldset className="fieldset">
            <legend>Tidigare bistånd</legend>
            <Checkbox id="iv-earlier" label="Har fått ekonomiskt bistånd tidigare" checked={d.earlier} onChange={(v) => set({ earlier: v })} />
            {d.earlier && (
              <div className="field-row">
                <TextField id="iv-earlier-where" label="Var (kommun)" value={d.earlierWhere} onChange={(e) => set({ earlierWhere: e.target.value })} />
                <TextField id="iv-earlier-when" label="När" hint="Till exempel 2023 eller våren 2024." value={d.earlierWhen} onChange={(e) => set({ earlierWhen: e.target.value })} />
              </div>
            )}
          </fieldset>

          <fieldset className="fieldset">
            <legend>Inkomster per månad</legend>
            {d.incomes.length === 0 && <p className="muted">Inga inkomster angivna.</p>}
            {d.incomes.map((x, i) => (
              <div className="row-editor" key={i}>
                <SelectField
                  id={`iv-income-${i}-type`}
                  label={`Inkomst ${i + 1}, typ`}
                  value={x.type}
                  error={f.errors[`iv-income-${i}-type`]}
                  onChange={(e) => set({ incomes: d.incomes.map((y, j) => (j === i ? { ...y, type: e.target.value } : y)) })}
                >
                  {detail.options.incomeTypes.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  id={`iv-income-${i}-person`}
                  label={`Inkomst ${i + 1}, vems`}
                  value={x.person}
                  error={f.errors[`iv-income-${i}-person`]}
                  onChange={(e) => set({ incomes: d.incomes.map((y, j) => (j === i ? { ...y, person: e.target.value } : y)) })}
                >
                  <option value="applicant">Sökande</option>
                  <option value="coApplicant">Medsökande</option>
                </SelectField>
                <TextField
                  id={`iv-income-${i}-amount`}
                  label={`Inkomst ${i + 1}, belopp (kr)`}
                  inputMode="decimal"
                  value={x.amount}
                  error={f.errors[`iv-income-${i}-amount`]}
                  onChange={(e) => set({ incomes: d.incomes.map((y, j) => (j === i ? { ...y, amount: e.target.value } : y)) })}
                />
                <button type="button" className="button button-secondary" onClick={() => set({ incomes: d.incomes.filter((_, j) => j !== i) })}>{`Ta bort inkomst ${i + 1}`}</button>
              </div>
            ))}
            <p>
              <button type="button" className="button button-secondary" onClick={() => set({ incomes: [...d.incomes, { type: 'salary', person: 'applicant', amount: '' }] })}>
                Lägg till inkomst
              </button>
            </p>
          </fieldset>

          <fieldset className="fieldset">
            <legend>Andra kostnader per månad</legend>
            {d.costs.length === 0 && <p className="muted">Inga andra kostnader angivna.</p>}
            {d.costs.map((x, i) => (
              <div className="row-editor" key={i}>
                <SelectField
                  id={`iv-cost-${i}-type`}
                  label={`Kostnad ${i + 1}, typ`}
                  value={x.type}
                  error={f.errors[`iv-cost-${i}-type`]}
                  onChange={(e) => set({ costs: d.costs.map((y, j) => (j === i ? { ...y, type: e.target.value } : y)) })}
                >
                  {detail.options.costTypes.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={`iv-cost-${i}-amount`}
                  label={`Kostnad ${i + 1}, belopp (kr)`}
                  inputMode="decimal"
                  value={x.amount}
                  error={f.errors[`iv-cost-${i}-amount`]}
                  onChange={(e) => set({ costs: d.costs.map((y, j) => (j === i ? { ...y, amount: e.target.value } : y)) })}
                />
                <button type="button" className="button button-secondary" onClick={() => set({ costs: d.costs.filter((_, j) => j !== i) })}>{`Ta bort kostnad ${i + 1}`}</button>
              </div>
            ))}
            <p>
              <button type="button" className="button button-secondary" onClick={() => set({ costs: [...d.costs, { type: 'electricity', amount: '' }] })}>
                Lägg till kostnad
              </button>
            </p>
          </fieldset>
        </fieldset>
        {can && (
          <button type="submit" className="button button-primary" disabled={f.busy}>
            {f.busy ? 'Sparar …' : 'Spara intervjun'}
          </button>
        )}
      </form>
    </section>
  );
}
