import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { ErrorSummary, SelectField, TextField } from '../components/forms.tsx';
import { formatDate, formatMoney } from '../format.ts';
import { parseKronor } from '@vagen/domain/money.ts';
import { paymentFlags } from '@vagen/domain/payments/status.ts';
import { summaryOf } from './format.ts';
import type { CasePayments, Payment, ProposalResult } from '@vagen/contract';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

const P = 'forslag';

interface Part {
  accountId: string;
  amount: string;
}

function kr(ore: number): string {
  return Number.isInteger(ore / 100) ? String(ore / 100) : `${Math.trunc(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

/** Server paths → form field keys: /body/parts/1/amount → part-1-amount, /body/plannedDate → plannedDate. */
function keyOf(path: string): string {
  const m = /^\/body\/parts\/(\d+)\/(\w+)$/.exec(path);
  if (m) return `part-${m[1]}-${m[2]}`;
  return path.replace(/^\/body\/?/, '') || 'form';
}

/** The payment proposal: a decided decision's amount to one or more payees, adding up exactly; the date by the rule. */
export function ProposalForm({ data, onProposed }: { data: CasePayments; onProposed: (payments: Payment[], date: string) => Promise<void> }) {
  const payable = data.decisions.filter((d) => d.remaining > 0);
  const defaultAccount = (data.accounts.find((a) => a.payeeKind === 'client' && a.verified) ?? data.accounts[0])?.id ?? '';
  const initial = (decisionId: string) => {
    const d = payable.find((x) => x.id === decisionId);
    return { decisionId, timing: 'ordinary' as 'ordinary' | 'acute', plannedDate: '', parts: [{ accountId: defaultAccount, amount: d ? kr(d.remaining) : '' }] as Part[] };
  };
  const [v, setV] = useState(() => initial(payable[0]?.id ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(!busy && changed(v, initial(payable[0]?.id ?? '')));
  const decision = payable.find((d) => d.id === v.decisionId);
  if (!decision) return <p className="muted">Det finns inget fattat beslut med belopp kvar att betala ut.</p>;
  const parsed = v.parts.map((p) => parseKronor(p.amount));
  const sum = parsed.reduce<number>((s, x) => s + (x ?? 0), 0);
  const suggested = decision.suggestedDates[v.timing];
  const setPart = (i: number, k: keyof Part, value: string) => setV((x) => ({ ...x, parts: x.parts.map((p, j) => (j === i ? { ...p, [k]: value } : p)) }));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const next: Record<string, string> = {};
    v.parts.forEach((p, i) => {
      if (!p.accountId) next[`part-${i}-accountId`] = `Välj konto för mottagare ${i + 1}.`;
      if (parsed[i] === null || parsed[i] === 0) next[`part-${i}-amount`] = `Skriv beloppet för mottagare ${i + 1} i kronor, till exempel 3 500 eller 3 500,50.`;
    });
    if (!Object.keys(next).length && sum !== decision!.remaining) next.parts = `Beloppen blir ${formatMoney(sum)} men ska vara exakt ${formatMoney(decision!.remaining)}.`;
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: Record<string, unknown> = { timing: v.timing, parts: v.parts.map((p, i) => ({ accountId: p.accountId, amount: parsed[i] })) };
    if (v.plannedDate) body.plannedDate = v.plannedDate;
    setBusy(true);
    try {
      const res = await api.post<ProposalResult>(`/decisions/${encodeURIComponent(decision!.id)}/payments`, body);
      setBusy(false);
      await onProposed(res.payments, res.plannedDate);
    } catch (err) {
      const fields: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.fields) fields[keyOf(f.path)] ??= f.message;
      setErrors(fields);
      setFormError(err instanceof ApiError ? err.message : 'Utbetalningen kunde inte föreslås.');
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${P}-heading`}>
      <h4 id={`${P}-heading`}>Föreslå utbetalning</h4>
      <p className="hint">
        Förslaget går till kassan, som kontrollerar beslutet, beloppet och kontot innan något betalas ut.{' '}
        {data.fourEyes && 'Den som godkänner får inte vara den som beslutade eller föreslog (fyra ögon).'}
      </p>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Utbetalningen kunde inte föreslås" focusKey={submits} level={5} />
      <SelectField id={`${P}-decisionId`} label="Beslut" value={v.decisionId} onChange={(e) => setV(initial(e.target.value))} error={errors.decisionId}>
        {payable.map((d) => (
          <option key={d.id} value={d.id}>{`${d.outcomeLabel} ${formatDate(d.periodStart)}–${formatDate(d.periodEnd)}: ${formatMoney(d.remaining)} kvar av ${formatMoney(d.amount)}`}</option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend>När ska pengarna betalas ut?</legend>
        <div className="radios">
          <div className="radio">
            <input type="radio" id={`${P}-timing-ordinary`} name={`${P}-timing`} checked={v.timing === 'ordinary'} onChange={() => setV((x) => ({ ...x, timing: 'ordinary' }))} />
            <label htmlFor={`${P}-timing-ordinary`}>Ordinarie utbetalningsdag ({formatDate(decision.suggestedDates.ordinary.date)})</label>
          </div>
          <div className="radio">
            <input type="radio" id={`${P}-timing-acute`} name={`${P}-timing`} checked={v.timing === 'acute'} onChange={() => setV((x) => ({ ...x, timing: 'acute' }))} />
            <label htmlFor={`${P}-timing-acute`}>Akut – så snart som möjligt ({formatDate(decision.suggestedDates.acute.date)})</label>
          </div>
        </div>
        <p className="hint">{suggested.explanation}</p>
        <TextField
          id={`${P}-plannedDate`}
          label="Annan utbetalningsdag (valfritt)"
          hint="Lämna tomt för att följa kommunens regel. Dagen måste vara en bankdag."
          type="date"
          value={v.plannedDate}
          onChange={(e) => setV((x) => ({ ...x, plannedDate: e.target.value }))}
          error={errors.plannedDate}
          className="field-short"
        />
      </fieldset>
      <fieldset className="fieldset" aria-describedby={`${P}-sum`}>
        <legend>Mottagare och belopp</legend>
        {errors.parts && (
          <p className="field-error" id={`${P}-parts`} tabIndex={-1}>
            <span className="visually-hidden">Fel: </span>
            {errors.parts}
          </p>
        )}
        {data.accounts.length === 0 && <p className="notice">Registrera ett konto under ”Konton för utbetalning” först.</p>}
        {v.parts.map((part, i) => {
          const account = data.accounts.find((a) => a.id === part.accountId);
          // The same flag the kassa sees on the proposal: a payment to an unverified account cannot be approved yet.
          const flags = account ? paymentFlags({ verified: account.verified }) : [];
          return (
            <div className="field-row part-row" key={i}>
              <SelectField
                id={`${P}-part-${i}-accountId`}
                label={`Konto för mottagare ${i + 1}`}
                hint={
                  flags.length ? (
                    <span className="notice notice-warning flag-inline">
                      <strong>Observera:</strong> {flags.map((f) => f.message).join(' ')}
                    </span>
                  ) : undefined
                }
                value={part.accountId}
                onChange={(e) => setPart(i, 'accountId', e.target.value)}
                error={errors[`part-${i}-accountId`]}
              >
                <option value="">Välj konto</option>
                {data.accounts.map((a) => (
                  <option key={a.id} value={a.id}>{`${a.holderName} – ${a.display}${a.verified ? '' : ' (inte kontrollerat)'}`}</option>
                ))}
              </SelectField>
              <TextField
                id={`${P}-part-${i}-amount`}
                label={`Belopp för mottagare ${i + 1} (kronor)`}
                inputMode="decimal"
                value={part.amount}
                onChange={(e) => setPart(i, 'amount', e.target.value)}
                error={errors[`part-${i}-amount`]}
                autoComplete="off"
                className="field-short"
              />
              {v.parts.length > 1 && (
                <div className="form-actions">
                  <button type="button" className="button button-secondary" onClick={() => setV((x) => ({ ...x, parts: x.parts.filter((_, j) => j !== i) }))}>
                    Ta bort mottagare {i + 1}
                  </button>
                </div>
              )}
            </div>
          );
        })}
        <p id={`${P}-sum`} aria-live="polite">
          Summa: <strong>{formatMoney(sum)}</strong> av {formatMoney(decision.remaining)}
          {sum === decision.remaining
            ? ' – stämmer.'
            : sum < decision.remaining
              ? ` – ${formatMoney(decision.remaining - sum)} kvar att fördela.`
              : ` – ${formatMoney(sum - decision.remaining)} för mycket.`}
        </p>
        {v.parts.length < 10 && (
          <button type="button" className="button button-secondary" onClick={() => setV((x) => ({ ...x, parts: [...x.parts, { accountId: '', amount: '' }] }))}>
            Dela på fler mottagare
          </button>
        )}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={busy}>
        Föreslå utbetalning
      </button>
    </form>
  );
}
