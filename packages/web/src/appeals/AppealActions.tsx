import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { formatMoney } from '../format.ts';
import { parseKronor } from '@vagen/domain/money.ts';
import { summaryFrom } from './form-utils.ts';
import type { Appeal, CaseAppeals } from '@vagen/contract';
import { DECISION_OUTCOMES } from '@vagen/domain/decisions/types.ts';
import { DECISION_OUTCOME_LABELS } from '@vagen/domain/labels.ts';

type Done = (a: Appeal, message: string) => Promise<void>;

/** Shared state of a small action form: errors, busy, submit counter for the error summary focus. */
function useAction(done: Done) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  async function run(url: string, body: unknown, message: (a: Appeal) => string, failed: string) {
    setBusy(true);
    try {
      const a = await api.post<Appeal>(url, body);
      setBusy(false);
      await done(a, message(a));
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? (err.fields.length ? null : err.message) : failed);
      setBusy(false);
    }
  }
  return { errors, setErrors, formError, setFormError, busy, submits, bump: () => setSubmits((n) => n + 1), run };
}

function Radios({
  name,
  legend,
  value,
  onChange,
  options,
  error,
}: {
  name: string;
  legend: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: ReactNode }[];
  error?: string | undefined;
}) {
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      <div className="radios">
        {options.map((o, i) => (
          <div className="radio" key={o.value}>
            <input type="radio" id={i === 0 ? name : `${name}-${o.value}`} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label htmlFor={i === 0 ? name : `${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** FL 45 §: a late appeal is dismissed unless an exception applies; the worker records which. */
export function LateOutcomeForm({ appeal, options, done }: { appeal: Appeal; options: CaseAppeals['options']; done: Done }) {
  const P = `appeal-${appeal.id}-late`;
  const [outcome, setOutcome] = useState('dismissed');
  const [exception, setException] = useState(options.lateExceptions[0]?.code ?? '');
  const [note, setNote] = useState('');
  const a = useAction(done);
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    a.bump();
    a.setErrors({});
    a.setFormError(null);
    await a.run(
      `/appeals/${appeal.id}/late-outcome`,
      { outcome, ...(outcome === 'exception' ? { exception } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      (x) => (x.status === 'dismissed' ? 'Överklagandet är avvisat. Beslutet om avvisning finns bland dokumenten.' : 'Undantaget är registrerat. Gör nu omprövningen.'),
      'Utfallet kunde inte registreras.',
    );
  }
  return (
    <form className="form inset" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-h`}>
      <h4 id={`${P}-h`}>Överklagandet kom in för sent – vad gäller?</h4>
      <ErrorSummary errors={summaryFrom(P, a.errors, a.formError, ['outcome', 'exception', 'note'])} title="Utfallet kunde inte registreras" focusKey={a.submits} level={5} />
      <Radios
        name={`${P}-outcome`}
        legend="Utfall"
        value={outcome}
        onChange={setOutcome}
        error={a.errors.outcome}
        options={[
          { value: 'dismissed', label: 'Avvisa överklagandet (45 § förvaltningslagen)' },
          { value: 'exception', label: 'Avvisa inte – ett undantag gäller' },
        ]}
      />
      {outcome === 'exception' && (
        <SelectField id={`${P}-exception`} label="Undantag" value={exception} onChange={(e) => setException(e.target.value)} error={a.errors.exception}>
          {options.lateExceptions.map((x) => (
            <option key={x.code} value={x.code}>
              {x.label}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField id={`${P}-note`} label="Kommentar (frivillig)" rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={a.errors.note} />
      <button type="submit" className="button button-primary" disabled={a.busy}>
        {a.busy ? 'Sparar …' : 'Registrera utfall'}
      </button>
    </form>
  );
}

/** Omprövning (FL 37–38 §§; the appeal covers a changed decision, 39 §): the decision stands, or is changed in the person's favour (a new decision replaces it). */
export function ReconsiderationForm({ appeal, done }: { appeal: Appeal; done: Done }) {
  const P = `appeal-${appeal.id}-reconsider`;
  const d = appeal.decision;
  const [v, setV] = useState({
    result: 'unchanged',
    reason: '',
    fully: 'yes',
    outcome: d.outcome,
    amount: String(d.amount / 100),
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
  });
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const a = useAction(done);
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    a.bump();
    const next: Record<string, string> = {};
    if (!v.reason.trim()) next.reason = 'Skriv skälen för omprövningen.';
    const amount = parseKronor(v.amount);
    if (v.result === 'changed' && amount === null) next.amount = 'Skriv beloppet i kronor, till exempel 6 500.';
    a.setErrors(next);
    a.setFormError(null);
    if (Object.keys(next).length) return;
    const body =
      v.result === 'unchanged'
        ? { result: 'unchanged', reason: v.reason.trim() }
        : { result: 'changed', reason: v.reason.trim(), fullyAsRequested: v.fully === 'yes', newDecision: { outcome: v.outcome, amount, periodStart: v.periodStart, periodEnd: v.periodEnd } };
    await a.run(
      `/appeals/${appeal.id}/reconsideration`,
      body,
      (x) =>
        x.status === 'lapsed' ? 'Beslutet är ändrat och överklagandet har förfallit. Brevet finns bland dokumenten.' : 'Omprövningen är sparad. Lämna nu över överklagandet till förvaltningsrätten.',
      'Omprövningen kunde inte sparas.',
    );
  }
  return (
    <form className="form inset" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-h`}>
      <h4 id={`${P}-h`}>Omprövning</h4>
      <p className="hint">Pröva beslutet igen. Ett beslut får bara ändras till personens fördel. Om det ändras helt som klaganden begär förfaller överklagandet.</p>
      <ErrorSummary errors={summaryFrom(P, a.errors, a.formError, ['reason', 'outcome', 'amount', 'periodStart', 'periodEnd'])} title="Omprövningen kunde inte sparas" focusKey={a.submits} level={5} />
      <Radios
        name={`${P}-result`}
        legend="Resultat"
        value={v.result}
        onChange={set('result')}
        options={[
          { value: 'unchanged', label: 'Beslutet står fast' },
          { value: 'changed', label: 'Beslutet ändras' },
        ]}
      />
      {v.result === 'changed' && (
        <fieldset className="fieldset">
          <legend>Det nya beslutet</legend>
          <p className="hint">
            Det överklagade beslutet: {d.outcomeLabel}, {formatMoney(d.amount)}.
          </p>
          <div className="field-row">
            <SelectField id={`${P}-outcome`} label="Utfall" value={v.outcome} onChange={(e) => set('outcome')(e.target.value)} error={a.errors.outcome}>
              {DECISION_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {DECISION_OUTCOME_LABELS[o]}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`${P}-amount`}
              label="Belopp (kronor)"
              inputMode="decimal"
              value={v.amount}
              onChange={(e) => set('amount')(e.target.value)}
              error={a.errors.amount}
              className="field-short"
            />
          </div>
          <div className="field-row">
            <TextField
              id={`${P}-periodStart`}
              label="Period från"
              type="date"
              value={v.periodStart}
              onChange={(e) => set('periodStart')(e.target.value)}
              error={a.errors.periodStart}
              className="field-short"
            />
            <TextField
              id={`${P}-periodEnd`}
              label="Period till"
              type="date"
              value={v.periodEnd}
              onChange={(e) => set('periodEnd')(e.target.value)}
              error={a.errors.periodEnd}
              className="field-short"
            />
          </div>
          <Radios
            name={`${P}-fully`}
            legend="Ändras beslutet helt så som klaganden begär?"
            value={v.fully}
            onChange={set('fully')}
            error={a.errors.fullyAsRequested}
            options={[
              { value: 'yes', label: 'Ja – överklagandet förfaller' },
              { value: 'no', label: 'Nej – överklagandet lämnas över och gäller det nya beslutet' },
            ]}
          />
        </fieldset>
      )}
      <TextAreaField
        id={`${P}-reason`}
        label="Skäl"
        hint="Skälen skrivs i brevet till personen."
        rows={4}
        value={v.reason}
        onChange={(e) => set('reason')(e.target.value)}
        error={a.errors.reason}
        required
      />
      <button type="submit" className="button button-primary" disabled={a.busy}>
        {a.busy ? 'Sparar …' : 'Spara omprövning'}
      </button>
    </form>
  );
}

/** FL 46 §: forward the appeal and the documents to the court. */
export function ForwardForm({ appeal, courtName, done }: { appeal: Appeal; courtName: string | null; done: Done }) {
  const P = `appeal-${appeal.id}-forward`;
  const [note, setNote] = useState('');
  const a = useAction(done);
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    a.bump();
    a.setErrors({});
    a.setFormError(null);
    await a.run(
      `/appeals/${appeal.id}/forward`,
      note.trim() ? { note: note.trim() } : {},
      (x) => `Överklagandet är överlämnat till ${x.courtName ?? 'förvaltningsrätten'}. Följebrevet finns bland dokumenten.`,
      'Överklagandet kunde inte lämnas över.',
    );
  }
  return (
    <form className="form inset" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-h`}>
      <h4 id={`${P}-h`}>Lämna över till {courtName ?? 'förvaltningsrätten'}</h4>
      <p className="hint">Vägen skapar ett följebrev med en lista över handlingarna: överklagandet, beslutet, beslutsbrevet och omprövningen.</p>
      <ErrorSummary errors={summaryFrom(P, a.errors, a.formError, ['note'])} title="Överklagandet kunde inte lämnas över" focusKey={a.submits} level={5} />
      <TextAreaField id={`${P}-note`} label="Meddelande till domstolen (frivilligt)" rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={a.errors.note} />
      <button type="submit" className="button button-primary" disabled={a.busy}>
        {a.busy ? 'Lämnar över …' : 'Lämna över'}
      </button>
    </form>
  );
}

export function WithdrawForm({ appeal, done }: { appeal: Appeal; done: Done }) {
  const P = `appeal-${appeal.id}-withdraw`;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const a = useAction(done);
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Registrera att överklagandet återkallas
        </button>
      </p>
    );
  }
  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    a.bump();
    a.setErrors({});
    a.setFormError(null);
    await a.run(`/appeals/${appeal.id}/withdraw`, note.trim() ? { note: note.trim() } : {}, () => 'Överklagandet är registrerat som återkallat.', 'Återkallelsen kunde inte registreras.');
  }
  return (
    <form className="form inset" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-h`}>
      <h4 id={`${P}-h`}>Återkallelse</h4>
      <ErrorSummary errors={summaryFrom(P, a.errors, a.formError, ['note'])} title="Återkallelsen kunde inte registreras" focusKey={a.submits} level={5} />
      <TextAreaField
        id={`${P}-note`}
        label="Hur återkallades överklagandet?"
        hint="Till exempel: klaganden ringde 3 april."
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={a.errors.note}
        autoFocus
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={a.busy}>
          {a.busy ? 'Sparar …' : 'Registrera återkallelse'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
