import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client.ts';
import { ErrorSummary, SelectField, TextField, type SummaryError } from '../components/forms.tsx';
import { formatMonth } from '../format.ts';
import { kronorInputText, parseKronor } from '@vagen/domain/money.ts';
import { fieldIdFromPath } from './money.ts';
import { ChangesSinceLastMonth, lastMonthHint } from './ChangesSinceLastMonth.tsx';
import type { ApplicationContent, ApplicationView, AssessmentOverview } from '@vagen/contract';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

/** The form keeps amounts as typed text; they become öre when saved. */
interface Row {
  id: string;
  type: string;
  amount: string;
  note: string;
  person?: string;
}
interface ChildRow {
  id: string;
  personId: string | null;
  name: string;
  birthDate: string;
  daysAtHome: string;
  lunchAtPreschool: boolean;
}
interface FormState {
  applicantName: string;
  applicantPersonId: string | null;
  hasCoApplicant: boolean;
  coApplicantName: string;
  coApplicantPersonId: string | null;
  children: ChildRow[];
  tenure: string;
  rent: string;
  personsInDwelling: string;
  sharesHousehold: boolean;
  housingNote: string;
  incomes: Row[];
  costs: Row[];
  assets: Row[];
  periodStart: string;
  periodEnd: string;
  jobStimulus: string[];
}

let rowSeq = 0;
const newRowId = () => `rad${Date.now().toString(36)}${(rowSeq++).toString(36)}`;

function toForm(c: ApplicationContent): FormState {
  return {
    applicantName: c.applicant.name,
    applicantPersonId: c.applicant.personId,
    hasCoApplicant: c.coApplicant !== null,
    coApplicantName: c.coApplicant?.name ?? '',
    coApplicantPersonId: c.coApplicant?.personId ?? null,
    children: c.children.map((ch) => ({ ...ch, daysAtHome: ch.daysAtHome === null ? '' : String(ch.daysAtHome) })),
    tenure: c.housing.tenure,
    rent: c.housing.rent ? kronorInputText(c.housing.rent) : '',
    personsInDwelling: String(c.housing.personsInDwelling),
    sharesHousehold: c.housing.sharesHousehold,
    housingNote: c.housing.note,
    incomes: c.incomes.map((x) => ({ id: x.id, type: x.type, person: x.person, amount: kronorInputText(x.amount), note: x.note })),
    costs: c.costs.map((x) => ({ id: x.id, type: x.type, amount: kronorInputText(x.amount), note: x.note })),
    assets: c.assets.map((x) => ({ id: x.id, type: x.kind, amount: kronorInputText(x.value), note: x.note })),
    periodStart: c.period.start,
    periodEnd: c.period.end,
    jobStimulus: [...c.jobStimulus],
  };
}

/** Form → request body; amounts that cannot be read become field errors (nothing is sent then). */
function toBody(f: FormState): { body: unknown; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const money = (text: string, path: string) => {
    const v = parseKronor(text, { empty: 'zero' });
    if (v === null) errors[fieldIdFromPath('app', path)] = 'Ange beloppet i kronor med siffror, t.ex. 1 234 eller 1 234,50.';
    return v ?? 0;
  };
  const int = (text: string, path: string, message: string) => {
    if (!/^\d{1,3}$/.test(text.trim())) {
      errors[fieldIdFromPath('app', path)] = message;
      return 0;
    }
    return Number(text.trim());
  };
  const body = {
    applicant: { personId: f.applicantPersonId, name: f.applicantName.trim() },
    coApplicant: f.hasCoApplicant ? { personId: f.coApplicantPersonId, name: f.coApplicantName.trim() } : null,
    children: f.children.map((c, i) => ({
      id: c.id,
      personId: c.personId,
      name: c.name.trim(),
      birthDate: c.birthDate,
      lunchAtPreschool: c.lunchAtPreschool,
      daysAtHome: c.daysAtHome.trim() === '' ? null : int(c.daysAtHome, `/children/${i}/daysAtHome`, 'Ange antal dagar hemma per månad (0–31).'),
    })),
    housing: {
      tenure: f.tenure,
      rent: money(f.rent, '/housing/rent'),
      sharesHousehold: f.sharesHousehold,
      note: f.housingNote.trim(),
      personsInDwelling: int(f.personsInDwelling, '/housing/personsInDwelling', 'Ange antal personer i bostaden med siffror.'),
    },
    incomes: f.incomes.map((x, i) => ({ id: x.id, type: x.type, person: x.person ?? 'applicant', amount: money(x.amount, `/incomes/${i}/amount`), note: x.note.trim() })),
    costs: f.costs.map((x, i) => ({ id: x.id, type: x.type, amount: money(x.amount, `/costs/${i}/amount`), note: x.note.trim() })),
    assets: f.assets.map((x, i) => ({ id: x.id, kind: x.type, value: money(x.amount, `/assets/${i}/value`), note: x.note.trim() })),
    period: { start: f.periodStart, end: f.periodEnd },
    jobStimulus: f.jobStimulus.filter((j) => j === 'applicant' || (j === 'coApplicant' && f.hasCoApplicant)),
  };
  return { body, errors };
}

export function ApplicationForm({
  application,
  overview,
  onSaved,
  canEdit,
}: {
  application: ApplicationView;
  overview: AssessmentOverview;
  canEdit: boolean;
  onSaved: (message: string, calculate: boolean) => Promise<void>;
}) {
  const [f, setF] = useState<FormState>(() => toForm(application.content));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  useUnsavedChanges(!busy && changed(f, toForm(application.content)));
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const setRow = (list: 'incomes' | 'costs' | 'assets', i: number, patch: Partial<Row>) => setF((s) => ({ ...s, [list]: s[list].map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const setChild = (i: number, patch: Partial<ChildRow>) => setF((s) => ({ ...s, children: s.children.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const { choices } = overview;
  const readOnly = !canEdit || application.status === 'decided';
  const previous = application.previous?.content ?? null;
  const prevChild = (id: string) => {
    const was = previous?.children.find((c) => c.id === id);
    return was ? (was.daysAtHome === null ? 'hela månaden' : `${was.daysAtHome} dagar`) : null;
  };
  const previousLine = (list: 'incomes' | 'costs' | 'assets', id: string): string | undefined => {
    if (!previous) return undefined;
    const saved = application.content[list].find((x) => x.id === id);
    const was = previous[list].find((x) => x.id === id);
    const value = (x: { amount?: number; value?: number } | undefined) => (x ? (x.amount ?? x.value ?? 0) : undefined);
    if (!was) return saved ? 'Ny sedan förra månaden.' : undefined;
    return lastMonthHint(value(was)!, value(saved));
  };
  const persons = [
    { value: 'applicant', label: 'Sökande' },
    ...(f.hasCoApplicant ? [{ value: 'coApplicant', label: 'Medsökande' }] : []),
    ...f.children.map((c, i) => ({ value: c.id, label: c.name || `Barn ${i + 1}` })),
  ];

  async function save(e: FormEvent, calculate: boolean) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const { body, errors: local } = toBody(f);
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await request('PUT', `/applications/${encodeURIComponent(application.id)}`, body);
      await onSaved(calculate ? 'Ansökan är sparad och beräknad.' : 'Ansökan är sparad.', calculate);
    } catch (err) {
      const next: Record<string, string> = {};
      if (err instanceof ApiError) for (const fe of err.fields) next[fieldIdFromPath('app', fe.path)] ??= fe.message;
      setErrors(next);
      setFormError(err instanceof ApiError ? err.message : 'Ansökan kunde inte sparas.');
    } finally {
      setBusy(false);
    }
  }

  const err = (id: string) => errors[id];
  const summary: SummaryError[] = [...(formError ? [{ message: `${formError} Inget har sparats.` }] : []), ...Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }))];

  return (
    <form className="card form" onSubmit={(e) => void save(e, true)} noValidate aria-labelledby="ansokan-rubrik">
      <h3 id="ansokan-rubrik">Ansökan</h3>
      <p className="muted">
        {application.kindLabel} för {formatMonth(application.periodMonth)} · status {application.statusLabel}
        {!application.filled && ' · inte ifylld ännu (uppgifterna nedan är hämtade från hushållet)'}
      </p>
      <ErrorSummary errors={summary} title="Ansökan kunde inte sparas" focusKey={submits} level={4} />
      {application.previous && <ChangesSinceLastMonth previousMonth={application.previous.periodMonth} changes={application.changes} />}
      <fieldset className="fieldset" disabled={readOnly || busy}>
        <legend>Sökande och hushåll</legend>
        <TextField id="app-applicant-name" label="Sökande" value={f.applicantName} onChange={(e) => set('applicantName', e.target.value)} error={err('app-applicant-name')} autoComplete="off" />
        <div className="radio">
          <input type="checkbox" id="app-has-coapplicant" checked={f.hasCoApplicant} onChange={(e) => set('hasCoApplicant', e.target.checked)} />{' '}
          <label htmlFor="app-has-coapplicant">Medsökande (make, maka, registrerad partner eller sambo)</label>
        </div>
        {f.hasCoApplicant && (
          <TextField
            id="app-coApplicant-name"
            label="Medsökandes namn"
            value={f.coApplicantName}
            onChange={(e) => set('coApplicantName', e.target.value)}
            error={err('app-coApplicant-name')}
            autoComplete="off"
          />
        )}
        {f.children.map((c, i) => (
          <fieldset className="fieldset" key={c.id}>
            <legend>Barn {i + 1}</legend>
            <div className="field-row">
              <TextField
                id={`app-children-${i}-name`}
                label={`Barn ${i + 1}: förnamn`}
                value={c.name}
                onChange={(e) => setChild(i, { name: e.target.value })}
                error={err(`app-children-${i}-name`)}
                autoComplete="off"
              />
              <TextField
                id={`app-children-${i}-birthDate`}
                type="date"
                label={`Barn ${i + 1}: födelsedatum`}
                value={c.birthDate}
                onChange={(e) => setChild(i, { birthDate: e.target.value })}
                error={err(`app-children-${i}-birthDate`)}
              />
              <TextField
                id={`app-children-${i}-daysAtHome`}
                className="field-short"
                inputMode="numeric"
                label={`Barn ${i + 1}: dagar hemma per månad`}
                hint={`Tomt = hela månaden${prevChild(c.id) ? `. Förra månaden: ${prevChild(c.id)}` : ''}`}
                value={c.daysAtHome}
                onChange={(e) => setChild(i, { daysAtHome: e.target.value })}
                error={err(`app-children-${i}-daysAtHome`)}
              />
            </div>
            <div className="radio">
              <input type="checkbox" id={`app-children-${i}-lunchAtPreschool`} checked={c.lunchAtPreschool} onChange={(e) => setChild(i, { lunchAtPreschool: e.target.checked })} />{' '}
              <label htmlFor={`app-children-${i}-lunchAtPreschool`}>Barn {i + 1} äter lunch i förskolan på vardagar</label>
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                set(
                  'children',
                  f.children.filter((_, j) => j !== i),
                )
              }
            >
              Ta bort barn {i + 1}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set('children', [...f.children, { id: newRowId(), personId: null, name: '', birthDate: '', daysAtHome: '', lunchAtPreschool: false }])}
        >
          Lägg till barn
        </button>
      </fieldset>

      <fieldset className="fieldset" disabled={readOnly || busy}>
        <legend>Boende</legend>
        <div className="field-row">
          <SelectField id="app-housing-tenure" label="Boendeform" value={f.tenure} onChange={(e) => set('tenure', e.target.value)} error={err('app-housing-tenure')}>
            {choices.tenure.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <TextField
            id="app-housing-rent"
            inputMode="decimal"
            label="Hyra per månad (kr)"
            hint={previous ? lastMonthHint(previous.housing.rent, application.content.housing.rent) : undefined}
            value={f.rent}
            onChange={(e) => set('rent', e.target.value)}
            error={err('app-housing-rent')}
          />
          <TextField
            id="app-housing-personsInDwelling"
            className="field-short"
            inputMode="numeric"
            label="Antal personer i bostaden"
            value={f.personsInDwelling}
            onChange={(e) => set('personsInDwelling', e.target.value)}
            error={err('app-housing-personsInDwelling')}
          />
        </div>
        <div className="radio">
          <input type="checkbox" id="app-housing-sharesHousehold" checked={f.sharesHousehold} onChange={(e) => set('sharesHousehold', e.target.checked)} />{' '}
          <label htmlFor="app-housing-sharesHousehold">Delar hushåll med de andra i bostaden (gemensamma kostnader delas)</label>
        </div>
        <TextField id="app-housing-note" label="Anteckning om boendet" value={f.housingNote} onChange={(e) => set('housingNote', e.target.value)} error={err('app-housing-note')} />
      </fieldset>

      <RowList
        title="Inkomster"
        noun="Inkomst"
        list="incomes"
        rows={f.incomes}
        types={choices.incomeTypes}
        persons={persons}
        previousOf={(id) => previousLine('incomes', id)}
        amountLabel="belopp per månad (kr)"
        disabled={readOnly || busy}
        err={err}
        setRow={setRow}
        onAdd={() => set('incomes', [...f.incomes, { id: newRowId(), type: 'salary', person: 'applicant', amount: '', note: '' }])}
        onRemove={(i) =>
          set(
            'incomes',
            f.incomes.filter((_, j) => j !== i),
          )
        }
      />
      <RowList
        title="Kostnader som det ansöks om"
        noun="Kostnad"
        list="costs"
        rows={f.costs}
        types={choices.costTypes}
        previousOf={(id) => previousLine('costs', id)}
        amountLabel="belopp (kr)"
        disabled={readOnly || busy}
        hint="Hyran anges under Boende."
        err={err}
        setRow={setRow}
        onAdd={() => set('costs', [...f.costs, { id: newRowId(), type: 'electricity', amount: '', note: '' }])}
        onRemove={(i) =>
          set(
            'costs',
            f.costs.filter((_, j) => j !== i),
          )
        }
      />
      <RowList
        title="Tillgångar"
        noun="Tillgång"
        list="assets"
        valueField="value"
        rows={f.assets}
        types={choices.assetKinds}
        previousOf={(id) => previousLine('assets', id)}
        amountLabel="värde (kr)"
        disabled={readOnly || busy}
        err={err}
        setRow={setRow}
        onAdd={() => set('assets', [...f.assets, { id: newRowId(), type: 'savings', amount: '', note: '' }])}
        onRemove={(i) =>
          set(
            'assets',
            f.assets.filter((_, j) => j !== i),
          )
        }
      />

      <fieldset className="fieldset" disabled={readOnly || busy}>
        <legend>Period och jobbstimulans</legend>
        <div className="field-row">
          <TextField id="app-period-start" type="date" label="Perioden börjar" value={f.periodStart} onChange={(e) => set('periodStart', e.target.value)} error={err('app-period-start')} />
          <TextField id="app-period-end" type="date" label="Perioden slutar" value={f.periodEnd} onChange={(e) => set('periodEnd', e.target.value)} error={err('app-period-end')} />
        </div>
        {(['applicant', 'coApplicant'] as const)
          .filter((a) => a === 'applicant' || f.hasCoApplicant)
          .map((a) => (
            <div className="radio" key={a}>
              <input
                type="checkbox"
                id={`app-jobStimulus-${a}`}
                checked={f.jobStimulus.includes(a)}
                onChange={(e) => set('jobStimulus', e.target.checked ? [...f.jobStimulus, a] : f.jobStimulus.filter((x) => x !== a))}
              />{' '}
              <label htmlFor={`app-jobStimulus-${a}`}>Jobbstimulans gäller för {a === 'applicant' ? 'sökande' : 'medsökande'}</label>
            </div>
          ))}
      </fieldset>

      {!readOnly && (
        <div className="form-actions button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            Spara och beräkna
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={(e) => void save(e, false)}>
            Spara ansökan
          </button>
        </div>
      )}
    </form>
  );
}

function RowList({
  title,
  noun,
  list,
  rows,
  types,
  persons,
  amountLabel,
  hint,
  disabled,
  err,
  setRow,
  onAdd,
  onRemove,
  previousOf,
  valueField = 'amount',
}: {
  title: string;
  noun: string;
  list: 'incomes' | 'costs' | 'assets';
  rows: Row[];
  types: { value: string; label: string }[];
  persons?: { value: string; label: string }[];
  amountLabel: string;
  hint?: string;
  disabled: boolean;
  valueField?: 'amount' | 'value';
  err: (id: string) => string | undefined;
  setRow: (list: 'incomes' | 'costs' | 'assets', i: number, patch: Partial<Row>) => void;
  onAdd: () => void;
  onRemove: (i: number) => void;
  /** Last month's value of the row, shown beside this month's. */
  previousOf?: (id: string) => string | undefined;
}) {
  const typeField = list === 'assets' ? 'kind' : 'type';
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{title}</legend>
      {hint && <p className="hint">{hint}</p>}
      {rows.length === 0 && <p className="muted">Inga rader.</p>}
      {rows.map((r, i) => (
        <div className="field-row" key={r.id}>
          <SelectField
            id={`app-${list}-${i}-${typeField}`}
            label={`${noun} ${i + 1}: typ`}
            value={r.type}
            onChange={(e) => setRow(list, i, { type: e.target.value })}
            error={err(`app-${list}-${i}-${typeField}`)}
          >
            {types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </SelectField>
          {persons && (
            <SelectField
              id={`app-${list}-${i}-person`}
              label={`${noun} ${i + 1}: vems`}
              value={r.person}
              onChange={(e) => setRow(list, i, { person: e.target.value })}
              error={err(`app-${list}-${i}-person`)}
            >
              {persons.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            id={`app-${list}-${i}-${valueField}`}
            inputMode="decimal"
            label={`${noun} ${i + 1}: ${amountLabel}`}
            hint={previousOf?.(r.id)}
            value={r.amount}
            onChange={(e) => setRow(list, i, { amount: e.target.value })}
            error={err(`app-${list}-${i}-${valueField}`)}
          />
          <TextField
            id={`app-${list}-${i}-note`}
            label={`${noun} ${i + 1}: beskrivning`}
            hint="Syns i beslutet till den enskilde."
            value={r.note}
            onChange={(e) => setRow(list, i, { note: e.target.value })}
            error={err(`app-${list}-${i}-note`)}
          />
          <button type="button" className="button button-secondary" onClick={() => onRemove(i)}>
            Ta bort {noun.toLowerCase()} {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button-secondary" onClick={onAdd}>
        Lägg till {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
