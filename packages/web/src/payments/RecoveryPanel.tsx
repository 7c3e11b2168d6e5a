import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDate, formatMoney, todayInStockholm } from '../format.ts';
import { parseKronor } from '@vagen/domain/money.ts';
import { summaryOf } from './format.ts';
import type { CaseRecovery, RecoveryBasis, RecoveryClaim, RecoveryGrantDecision } from '@vagen/contract';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

function LedgerForm({ claim, kinds, onSaved }: { claim: RecoveryClaim; kinds: CaseRecovery['entryKinds']; onSaved: (c: RecoveryClaim, kindLabel: string) => Promise<void> }) {
  const P = `reskontra-${claim.id}`;
  const empty = { kind: 'repaid', amount: '', entryDate: todayInStockholm(), note: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(!busy && changed(v, empty));
  const set = (k: keyof typeof v) => (ev: { target: { value: string } }) => setV((x) => ({ ...x, [k]: ev.target.value }));
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const amount = parseKronor(v.amount, { allowNegative: v.kind === 'adjusted' });
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
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${P}-amount`}
          label="Belopp (kronor)"
          hint={v.kind === 'adjusted' ? 'Minus minskar skulden.' : undefined}
          inputMode="decimal"
          value={v.amount}
          onChange={set('amount')}
          error={errors.amount}
          autoComplete="off"
          className="field-short"
        />
        <TextField id={`${P}-entryDate`} label="Datum" type="date" value={v.entryDate} onChange={set('entryDate')} error={errors.entryDate} className="field-short" />
      </div>
      <TextField id={`${P}-note`} label="Anteckning" hint="Krävs vid avskrivning och justering." value={v.note} onChange={set('note')} error={errors.note} maxLength={2000} />
      <button type="submit" className="button button-primary" disabled={busy}>
        Spara händelse
      </button>
    </form>
  );
}

/** Records that a written decision was served on the person (the day and the way). */
function ServiceForm({ decision, methods, onSaved }: { decision: RecoveryGrantDecision; methods: CaseRecovery['serviceMethods']; onSaved: (message: string) => Promise<void> }) {
  const P = `delgivning-${decision.id}`;
  const [v, setV] = useState({ servedOn: todayInStockholm(), method: methods[0]?.code ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    if (!v.servedOn) {
      setErrors({ servedOn: 'Skriv dagen då beslutet delgavs.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.post(`/decisions/${encodeURIComponent(decision.id)}/service`, v);
      setBusy(false);
      await onSaved(`Delgivningen av beslutet den ${formatDate(v.servedOn)} är registrerad.`);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Delgivningen kunde inte registreras.');
      setBusy(false);
    }
  }
  return (
    <form className="form inset" onSubmit={submit} noValidate aria-labelledby={`${P}-heading`}>
      <h5 id={`${P}-heading`}>Registrera delgivning av beslutet</h5>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Delgivningen kunde inte registreras" focusKey={submits} level={5} />
      <div className="field-row">
        <TextField
          id={`${P}-servedOn`}
          label="Delgivet den"
          type="date"
          value={v.servedOn}
          onChange={(e) => setV((x) => ({ ...x, servedOn: e.target.value }))}
          error={errors.servedOn}
          className="field-short"
        />
        <SelectField id={`${P}-method`} label="Sätt" value={v.method} onChange={(e) => setV((x) => ({ ...x, method: e.target.value }))} error={errors.method}>
          {methods.map((m) => (
            <option key={m.code} value={m.code}>
              {m.label}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="submit" className="button" disabled={busy}>
        Registrera delgivning
      </button>
    </form>
  );
}

function decisionLabel(d: RecoveryGrantDecision): string {
  return `Beslut ${formatDate(d.grantedOn)}: ${formatDate(d.periodStart)}–${formatDate(d.periodEnd)}, ${formatMoney(d.amount)}`;
}

/** What the grant decision shows for a ground that must have been stated when granting. */
function GrantStatus({ decision, basis, recovery, onChanged }: { decision: RecoveryGrantDecision; basis: RecoveryBasis; recovery: CaseRecovery; onChanged: (m: string) => Promise<void> }) {
  const lines = [
    decision.written ? 'Beslutet är skriftligt.' : 'Beslutet har inget beslutsbrev.',
    decision.servedOn ? `Delgivet ${formatDate(decision.servedOn)} (${decision.servedMethodLabel ?? ''}).` : 'Ingen delgivning är registrerad.',
    decision.statedReferenceId ? 'Beslutet angav en grund för återbetalning.' : 'Beslutet angav ingen grund för återbetalning.',
  ];
  return (
    <div className="notice" aria-live="polite">
      <p>{`${basis.label} (${basis.legalReference}) kan bara krävas tillbaka om beslutet om bistånd var skriftligt, delgavs den enskilde och angav just den grunden.`}</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {!decision.servedOn && decision.written && recovery.permissions.canRecordService && <ServiceForm decision={decision} methods={recovery.serviceMethods} onSaved={onChanged} />}
    </div>
  );
}

function NewClaimForm({ caseId, recovery, onCreated, onChanged }: { caseId: string; recovery: CaseRecovery; onCreated: (c: RecoveryClaim) => Promise<void>; onChanged: (m: string) => Promise<void> }) {
  const P = 'aterkrav-ny';
  const today = todayInStockholm();
  const empty = { basis: recovery.bases[0]?.code ?? '', decisionId: recovery.decisions[0]?.id ?? '', grantedDate: '', amount: '', decidedDate: today, description: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (ev: { target: { value: string } }) => setV((x) => ({ ...x, [k]: ev.target.value }));
  const decision = recovery.decisions.find((d) => d.id === v.decisionId) ?? null;
  // The law, and so the grounds, follow the day the assistance was granted, not the day of the claim.
  const grantDay = decision?.grantedOn ?? v.grantedDate;
  const [grounds, setGrounds] = useState<{ day: string; law: string | null; bases: RecoveryBasis[] }>({ day: recovery.grantedOn, law: recovery.law, bases: recovery.bases });
  useEffect(() => {
    if (!grantDay || grantDay === grounds.day) return;
    const ctrl = new AbortController();
    api
      .get<CaseRecovery>(`/cases/${encodeURIComponent(caseId)}/recovery-claims?grantedOn=${encodeURIComponent(grantDay)}`, { signal: ctrl.signal })
      .then((r) => setGrounds({ day: grantDay, law: r.law, bases: r.bases }))
      .catch(() => {
        /* the form still submits; the server answers with the right grounds */
      });
    return () => ctrl.abort();
  }, [caseId, grantDay, grounds.day]);
  const basis = grounds.bases.find((b) => b.code === v.basis) ?? grounds.bases[0];
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const amount = parseKronor(v.amount);
    const next: Record<string, string> = {};
    if (amount === null || amount === 0) next.amount = 'Skriv återkravets belopp i kronor.';
    if (!v.decidedDate) next.decidedDate = 'Skriv beslutsdatum.';
    if (!decision && !v.grantedDate) next.grantedDate = 'Skriv dagen då biståndet beviljades, eller välj beslutet.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: Record<string, unknown> = { basis: basis?.code ?? v.basis, amount, decidedDate: v.decidedDate };
    if (decision) body.decisionId = decision.id;
    else body.grantedDate = v.grantedDate;
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
      <div className="field-row">
        <SelectField id={`${P}-decisionId`} label="Beslut om bistånd som kravet gäller" value={v.decisionId} onChange={set('decisionId')} error={errors.decisionId}>
          {recovery.decisions.map((d) => (
            <option key={d.id} value={d.id}>
              {decisionLabel(d)}
            </option>
          ))}
          <option value="">Inget enskilt beslut</option>
        </SelectField>
        {!decision && (
          <TextField
            id={`${P}-grantedDate`}
            label="Biståndet beviljades"
            hint="Dagen avgör vilken lag som gäller."
            type="date"
            value={v.grantedDate}
            onChange={set('grantedDate')}
            error={errors.grantedDate}
            className="field-short"
          />
        )}
      </div>
      {grounds.law && grantDay && <p>{`Bistånd som beviljades ${formatDate(grantDay)} krävs tillbaka enligt ${grounds.law}.`}</p>}
      <SelectField
        id={`${P}-basis`}
        label="Grund för återkrav"
        hint={basis ? `${basis.legalReference}. ${basis.description}` : undefined}
        value={basis?.code ?? ''}
        onChange={set('basis')}
        error={errors.basis}
      >
        {grounds.bases.map((b) => (
          <option key={b.code} value={b.code}>
            {b.label}
          </option>
        ))}
      </SelectField>
      {basis?.requiresStatedInGrant && decision && <GrantStatus decision={decision} basis={basis} recovery={recovery} onChanged={onChanged} />}
      <div className="field-row">
        <TextField id={`${P}-amount`} label="Belopp (kronor)" inputMode="decimal" value={v.amount} onChange={set('amount')} error={errors.amount} autoComplete="off" className="field-short" />
        <TextField id={`${P}-decidedDate`} label="Beslutsdatum för återkravet" type="date" value={v.decidedDate} onChange={set('decidedDate')} error={errors.decidedDate} className="field-short" />
      </div>
      <TextAreaField
        id={`${P}-description`}
        label="Beskrivning"
        hint="Vad återkravet gäller och hur det har beräknats."
        rows={3}
        value={v.description}
        onChange={set('description')}
        error={errors.description}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        Registrera återkrav
      </button>
    </form>
  );
}

/** Återkrav on the case: claims with their ledger and balance, a form for a new claim and for ledger entries. */
export function RecoveryPanel({ caseId, recovery, onChanged }: { caseId: string; recovery: CaseRecovery; onChanged: (message: string) => Promise<void> }) {
  return (
    <>
      {recovery.items.length === 0 ? (
        <p>Det finns inga återkrav i ärendet.</p>
      ) : (
        <ul className="recovery-list">
          {recovery.items.map((c) => (
            <li key={c.id} className="card">
              <h4 id={`aterkrav-${c.id}`}>
                Återkrav {formatMoney(c.amount)} – {c.basisLabel}
              </h4>
              <dl className="summary-list">
                <div>
                  <dt>Saldo</dt>
                  <dd>
                    <strong>{formatMoney(c.balance)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>Status</dt>
                  <dd>
                    <span className={`badge ${c.state === 'open' ? 'badge-draft' : 'badge-active'}`}>{c.stateLabel}</span>
                  </dd>
                </div>
                <div>
                  <dt>Beslutat</dt>
                  <dd>{formatDate(c.decidedDate)}</dd>
                </div>
                {c.grantedOn && (
                  <div>
                    <dt>Biståndet beviljades</dt>
                    <dd>{formatDate(c.grantedOn)}</dd>
                  </div>
                )}
                <div>
                  <dt>Lagrum</dt>
                  <dd>{c.legalReference}</dd>
                </div>
              </dl>
              {c.description && <p className="prewrap">{c.description}</p>}
              <ScrollRegion label={`Reskontra för återkravet på ${formatMoney(c.amount)}`}>
                <table className="data-table">
                  <caption>Reskontra ({c.ledger.length} händelser)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Datum</th>
                      <th scope="col">Händelse</th>
                      <th scope="col" className="num">
                        Belopp
                      </th>
                      <th scope="col" className="num">
                        Saldo efter
                      </th>
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
      {recovery.permissions.canManage && (
        <NewClaimForm
          key={recovery.decisions.map((d) => `${d.id}:${d.servedOn ?? ''}`).join(',')}
          caseId={caseId}
          recovery={recovery}
          onChanged={onChanged}
          onCreated={async (c) => onChanged(`Återkravet på ${formatMoney(c.amount)} enligt ${c.legalReference} är registrerat.`)}
        />
      )}
    </>
  );
}
