import { useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDate, formatMoney, todayInStockholm } from '../format.ts';
import { parseKronor, summaryOf } from './format.ts';
import type { CasePayments, CaseRecovery, RecoveryClaim } from './types.ts';

function LedgerForm({ claim, kinds, onSaved }: { claim: RecoveryClaim; kinds: CaseRecovery['entryKinds']; onSaved: (c: RecoveryClaim, kindLabel: string) => Promise<void> }) {
  const P = `reskontra-${claim.id}`;
  const empty = { kind: 'repaid', amount: '', entryDate: todayInStockholm(), note: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (ev: { target: { value: string } }) => setV((x) => ({ ...x, [k]: ev.target.value }));
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const amount = parseKronor(v.amount, v.kind === 'adjusted');
    const next: Record<string, string> = {};
    if (amount === null || amount === 0) next.amount = v.kind === 'adjusted' ? 'Skriv justeringen i kronor, minus för att minska skulden.' : 'Skriv beloppet i kronor.';
    if (!v.entryDate) next.entryDate = 'Skriv datumet.';
    if ((v.kind === 'writtenOff' || v.kind === 'adjusted') && !v.note.trim()) next.note = 'Skriv skälet.';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { kind: v.kind, amount, entryDate: v.entryDate };
      if (v.note.trim()) body.note = v.note.trim();
      const c = await api.post<RecoveryClaim>(`/recovery-claims/${encodeURIComponent(claim.id)}/ledger`, body);
      setV(empty);
      setBusy(false);
      await onSaved(c, kinds.find((k) => k.code === v.kind)?.label ?? v.kind);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Händelsen kunde inte sparas.');
      setBusy(false);
    }
  }
  return (
    <form className="form inset" onSubmit={submit} noValidate aria-labelledby={`${P}-heading`}>
      <h5 id={`${P}-heading`}>Ny händelse i reskontran</h5>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Händelsen kunde inte sparas" focusKey={submits} level={5} />
      <div className="field-row">
        <SelectField id={`${P}-kind`} label="Händelse" value={v.kind} onChange={set('kind')}>
          {kinds.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
        </SelectField>
        <TextField id={`${P}-amount`} label="Belopp (kronor)" hint={v.kind === 'adjusted' ? 'Minus minskar skulden.' : undefined} inputMode="decimal" value={v.amount} onChange={set('amount')} error={errors.amount} autoComplete="off" className="field-short" />
        <TextField id={`${P}-entryDate`} label="Datum" type="date" value={v.entryDate} onChange={set('entryDate')} error={errors.entryDate} className="field-short" />
      </div>
      <TextField id={`${P}-note`} label="Anteckning" hint="Krävs vid avskrivning och justering." value={v.note} onChange={set('note')} error={errors.note} maxLength={2000} />
      <button type="submit" className="button button-primary" disabled={busy}>Spara händelse</button>
    </form>
  );
}

function NewClaimForm({ caseId, recovery, payments, onCreated }: { caseId: string; recovery: CaseRecovery; payments: CasePayments | null; onCreated: (c: RecoveryClaim) => Promise<void> }) {
  const P = 'aterkrav-ny';
  const empty = { basis: recovery.bases[0]?.code ?? '', decisionId: '', amount: '', decidedDate: todayInStockholm(), description: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (ev: { target: { value: string } }) => setV((x) => ({ ...x, [k]: ev.target.value }));
  const basis = recovery.bases.find((b) => b.code === v.basis);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const amount = parseKronor(v.amount);
    const next: Record<string, string> = {};
    if (amount === null || amount === 0) next.amount = 'Skriv återkravets belopp i kronor.';
    if (!v.decidedDate) next.decidedDate = 'Skriv beslutsdatum.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: Record<string, unknown> = { basis: v.basis, amount, decidedDate: v.decidedDate };
    if (v.decisionId) body.decisionId = v.decisionId;
    if (v.description.trim()) body.description = v.description.trim();
    setBusy(true);
    try {
      const c = await api.post<RecoveryClaim>(`/cases/${encodeURIComponent(caseId)}/recovery-claims`, body);
      setV(empty);
      setBusy(false);
      await onCreated(c);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Återkravet kunde inte registreras.');
      setBusy(false);
    }
  }
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${P}-heading`}>
      <h4 id={`${P}-heading`}>Registrera återkrav</h4>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Återkravet kunde inte registreras" focusKey={submits} level={5} />
      <SelectField id={`${P}-basis`} label="Grund för återkrav" hint={basis ? `${basis.legalReference}. ${basis.description}` : undefined} value={v.basis} onChange={set('basis')} error={errors.basis}>
        {recovery.bases.map((b) => <option key={b.code} value={b.code}>{b.label}</option>)}
      </SelectField>
      <div className="field-row">
        <SelectField id={`${P}-decisionId`} label="Gäller beslut (valfritt)" value={v.decisionId} onChange={set('decisionId')} error={errors.decisionId}>
          <option value="">Inget särskilt beslut</option>
          {(payments?.decisions ?? []).map((d) => <option key={d.id} value={d.id}>{`${d.outcomeLabel} ${formatDate(d.periodStart)}–${formatDate(d.periodEnd)}, ${formatMoney(d.amount)}`}</option>)}
        </SelectField>
        <TextField id={`${P}-amount`} label="Belopp (kronor)" inputMode="decimal" value={v.amount} onChange={set('amount')} error={errors.amount} autoComplete="off" className="field-short" />
        <TextField id={`${P}-decidedDate`} label="Beslutsdatum" type="date" value={v.decidedDate} onChange={set('decidedDate')} error={errors.decidedDate} className="field-short" />
      </div>
      <TextAreaField id={`${P}-description`} label="Beskrivning" hint="Vad återkravet gäller och hur det har beräknats." rows={3} value={v.description} onChange={set('description')} error={errors.description} />
      <button type="submit" className="button button-primary" disabled={busy}>Registrera återkrav</button>
    </form>
  );
}

/** Återkrav on the case: claims with their ledger and balance, a form for a new claim and for ledger entries. */
export function RecoveryPanel({ caseId, recovery, payments, onChanged }: { caseId: string; recovery: CaseRecovery; payments: CasePayments | null; onChanged: (message: string) => Promise<void> }) {
  return (
    <>
      {recovery.items.length === 0 ? <p>Det finns inga återkrav i ärendet.</p> : (
        <ul className="recovery-list">
          {recovery.items.map((c) => (
            <li key={c.id} className="card">
              <h4 id={`aterkrav-${c.id}`}>Återkrav {formatMoney(c.amount)} – {c.basisLabel}</h4>
              <dl className="summary-list">
                <div><dt>Saldo</dt><dd><strong>{formatMoney(c.balance)}</strong></dd></div>
                <div><dt>Status</dt><dd><span className={`badge ${c.state === 'open' ? 'badge-draft' : 'badge-active'}`}>{c.stateLabel}</span></dd></div>
                <div><dt>Beslutat</dt><dd>{formatDate(c.decidedDate)}</dd></div>
                <div><dt>Lagrum</dt><dd>{c.legalReference}</dd></div>
              </dl>
              {c.description && <p className="prewrap">{c.description}</p>}
              <ScrollRegion label={`Reskontra för återkravet på ${formatMoney(c.amount)}`}>
                <table className="data-table">
                  <caption>Reskontra ({c.ledger.length} händelser)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Datum</th>
                      <th scope="col">Händelse</th>
                      <th scope="col" className="num">Belopp</th>
                      <th scope="col" className="num">Saldo efter</th>
                      <th scope="col">Registrerad av</th>
                      <th scope="col">Anteckning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.ledger.map((e) => (
                      <tr key={e.id}>
                        <th scope="row">{formatDate(e.entryDate)}</th>
                        <td>{e.kindLabel}</td>
                        <td className="num">{formatMoney(e.amount)}</td>
                        <td className="num">{formatMoney(e.balanceAfter)}</td>
                        <td>{e.createdByName}</td>
                        <td>{e.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {recovery.permissions.canManage && c.state === 'open' && (
                <LedgerForm claim={c} kinds={recovery.entryKinds} onSaved={async (x, label) => onChanged(`${label} registrerat. Kvar att betala: ${formatMoney(x.balance)}.`)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {recovery.permissions.canManage && <NewClaimForm caseId={caseId} recovery={recovery} payments={payments} onCreated={async (c) => onChanged(`Återkravet på ${formatMoney(c.amount)} är registrerat.`)} />}
    </>
  );
}
