import { useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorSummary, SelectField, TextField } from '../components/forms.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDateTime } from '../format.ts';
import { summaryOf } from './format.ts';
import { PAYEE_CHOICE_LABELS } from '@vagen/domain/labels.ts';
import { PAYMENT_ACCOUNT_KIND_HINTS, PAYMENT_ACCOUNT_KIND_LABELS, PAYMENT_ACCOUNT_KINDS } from '@vagen/domain/payments/accounts.ts';
import { PAYEE_KINDS } from '@vagen/domain/payments/status.ts';
import type { AccountKind, CasePayments, PayeeKind, PaymentAccount } from '@vagen/contract';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

const KIND_OPTIONS = PAYMENT_ACCOUNT_KINDS.map((value) => ({ value, label: PAYMENT_ACCOUNT_KIND_LABELS[value], hint: PAYMENT_ACCOUNT_KIND_HINTS[value] }));

function VerifyForm({ account, onVerified, onCancel }: { account: PaymentAccount; onVerified: () => Promise<void>; onCancel: () => void }) {
  const P = `verify-${account.id}`;
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(!busy && note.trim() !== '');
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    if (note.trim().length < 3) {
      setErrors({ note: 'Skriv hur du kontrollerade kontot, till exempel "Kontobevis från banken".' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.post(`/payment-accounts/${encodeURIComponent(account.id)}/verify`, { note: note.trim() });
      setBusy(false);
      await onVerified();
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Kontot kunde inte markeras som kontrollerat.');
      setBusy(false);
    }
  }
  return (
    <form className="form inset" onSubmit={submit} noValidate aria-label={`Kontrollera kontot ${account.display}`}>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Kontot kunde inte markeras som kontrollerat" focusKey={submits} level={5} />
      <TextField
        id={`${P}-note`}
        label="Hur kontrollerades kontot?"
        hint="Till exempel kontobevis från banken, hyresavtal med hyresvärdens bankgiro."
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={errors.note}
        maxLength={500}
        required
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Markera som kontrollerat
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

function NewAccountForm({ caseId, data, onCreated }: { caseId: string; data: CasePayments; onCreated: (a: PaymentAccount) => Promise<void> }) {
  const P = 'konto-ny';
  const empty = { payeeKind: 'client' as PayeeKind, personId: data.payees[0]?.personId ?? '', holderName: '', kind: 'bankAccount' as AccountKind, clearing: '', number: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(!busy && changed(v, empty));
  const set = (k: keyof typeof v) => (ev: { target: { value: string } }) => setV((x) => ({ ...x, [k]: ev.target.value }));
  const kindHint = KIND_OPTIONS.find((k) => k.value === v.kind)?.hint;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const next: Record<string, string> = {};
    if (v.payeeKind === 'client' && !v.personId) next.personId = 'Välj vems konto det är.';
    if (v.payeeKind !== 'client' && !v.holderName.trim()) next.holderName = 'Skriv mottagarens namn.';
    if (v.kind === 'bankAccount' && !v.clearing.trim()) next.clearing = 'Skriv clearingnumret.';
    if (!v.number.trim()) next.number = 'Skriv kontonumret.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: Record<string, string> = { payeeKind: v.payeeKind, kind: v.kind, number: v.number.trim() };
    if (v.payeeKind === 'client') body.personId = v.personId;
    else body.holderName = v.holderName.trim();
    if (v.kind === 'bankAccount') body.clearing = v.clearing.trim();
    setBusy(true);
    try {
      const created = await api.post<PaymentAccount>(`/cases/${encodeURIComponent(caseId)}/payment-accounts`, body);
      setV(empty);
      setBusy(false);
      await onCreated(created);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Kontot kunde inte sparas.');
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${P}-heading`}>
      <h4 id={`${P}-heading`}>Lägg till konto</h4>
      <p className="hint">Numret kontrolleras mot bankernas regler (clearingnummer och kontrollsiffra) innan det sparas.</p>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Kontot kunde inte sparas" focusKey={submits} level={5} />
      <div className="field-row">
        <SelectField id={`${P}-payeeKind`} label="Mottagare" value={v.payeeKind} onChange={set('payeeKind')} error={errors.payeeKind}>
          {PAYEE_KINDS.map((k) => (
            <option key={k} value={k}>
              {PAYEE_CHOICE_LABELS[k]}
            </option>
          ))}
        </SelectField>
        {v.payeeKind === 'client' ? (
          <SelectField id={`${P}-personId`} label="Vems konto" value={v.personId} onChange={set('personId')} error={errors.personId}>
            {data.payees.map((p) => (
              <option key={p.personId} value={p.personId}>{`${p.name} (${p.roleLabel.toLowerCase()})`}</option>
            ))}
          </SelectField>
        ) : (
          <TextField id={`${P}-holderName`} label="Mottagarens namn" value={v.holderName} onChange={set('holderName')} error={errors.holderName} maxLength={70} autoComplete="off" />
        )}
      </div>
      <div className="field-row">
        <SelectField id={`${P}-kind`} label="Kontotyp" value={v.kind} onChange={set('kind')} error={errors.kind}>
          {KIND_OPTIONS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        {v.kind === 'bankAccount' && (
          <TextField
            id={`${P}-clearing`}
            label="Clearingnummer"
            value={v.clearing}
            onChange={set('clearing')}
            error={errors.clearing}
            inputMode="numeric"
            maxLength={10}
            autoComplete="off"
            className="field-short"
          />
        )}
        <TextField
          id={`${P}-number`}
          label={v.kind === 'iban' ? 'IBAN' : 'Kontonummer'}
          hint={kindHint}
          value={v.number}
          onChange={set('number')}
          error={errors.number}
          maxLength={40}
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        Spara konto
      </button>
    </form>
  );
}

/** Accounts on the case: the caseworker registers and verifies them; the kassa sees who verified, when and how. */
export function AccountsPanel({ caseId, data, onChanged }: { caseId: string; data: CasePayments; onChanged: (message: string) => Promise<void> }) {
  const [verifying, setVerifying] = useState<string | null>(null);
  return (
    <>
      <ScrollRegion label="Konton för utbetalning">
        <table className="data-table">
          <caption>Konton för utbetalning ({data.accounts.length} st)</caption>
          <thead>
            <tr>
              <th scope="col">Mottagare</th>
              <th scope="col">Konto</th>
              <th scope="col">Kontrollerat</th>
            </tr>
          </thead>
          <tbody>
            {data.accounts.length === 0 ? (
              <tr>
                <td colSpan={3} className="empty">
                  Inga konton registrerade.
                </td>
              </tr>
            ) : (
              data.accounts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.holderName}
                    <br />
                    <span className="muted">{a.payeeKindLabel}</span>
                  </th>
                  <td>{a.display}</td>
                  <td>
                    {a.verified ? (
                      <>
                        <span className="badge badge-active">Kontrollerat</span> {a.verifiedByName}, <time dateTime={a.verifiedAt ?? ''}>{formatDateTime(a.verifiedAt)}</time>
                        {a.verificationNote && (
                          <>
                            <br />
                            <span className="muted">{a.verificationNote}</span>
                          </>
                        )}
                      </>
                    ) : data.permissions.canPropose ? (
                      verifying === a.id ? (
                        <VerifyForm
                          account={a}
                          onCancel={() => setVerifying(null)}
                          onVerified={async () => {
                            setVerifying(null);
                            await onChanged(`Kontot ${a.display} är markerat som kontrollerat.`);
                          }}
                        />
                      ) : (
                        <button type="button" className="button button-secondary" aria-label={`Kontrollera kontot ${a.display} för ${a.holderName}`} onClick={() => setVerifying(a.id)}>
                          Kontrollera konto
                        </button>
                      )
                    ) : (
                      <span className="badge badge-draft">Inte kontrollerat</span>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
      {data.permissions.canPropose && (
        <NewAccountForm caseId={caseId} data={data} onCreated={async (a) => onChanged(`Kontot ${a.display} för ${a.holderName} är sparat. Kontrollera det innan utbetalningen godkänns.`)} />
      )}
    </>
  );
}
