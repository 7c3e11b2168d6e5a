import { useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorSummary, TextAreaField } from '../components/forms.tsx';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { STAGE_BADGE, summaryOf } from './format.ts';
import type { ApprovalCheck, Payment } from '@vagen/contract';

const LIMIT = 6;

/** The checks of the kassa's four-eyes control as a list with ✓ / ✗ (text, not colour alone). */
export function CheckList({ checks }: { checks: ApprovalCheck[] }) {
  return (
    <ul className="check-list">
      {checks.map((c) => (
        <li key={c.code} className={c.ok ? 'check-ok' : 'check-fail'}>
          <span aria-hidden="true" className="check-mark">
            {c.ok ? '✓' : '✗'}
          </span>
          <span className="visually-hidden">{c.ok ? 'Godkänd kontroll: ' : 'Kontrollen stämmer inte: '}</span>
          <strong>{c.label}</strong> <span className="muted">– {c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

export function PaymentHistory({ payment }: { payment: Payment }) {
  return (
    <ol className="payment-history">
      {payment.history.map((h, i) => (
        <li key={i}>
          <time dateTime={h.at}>{formatDateTime(h.at)}</time> {h.toLabel}
          {h.actorName && <> – {h.actorName}</>}
          {h.reason && <span className="muted"> ({h.reason})</span>}
        </li>
      ))}
    </ol>
  );
}

function StopForm({ payment, onStopped, onCancel }: { payment: Payment; onStopped: (p: Payment) => Promise<void>; onCancel: () => void }) {
  const P = `stop-${payment.id}`;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    if (reason.trim().length < 3) {
      setErrors({ reason: 'Skriv varför utbetalningen stoppas.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const p = await api.post<Payment>(`/payments/${encodeURIComponent(payment.id)}/stop`, { reason: reason.trim() });
      setBusy(false);
      await onStopped(p);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Utbetalningen kunde inte stoppas.');
      setBusy(false);
    }
  }
  return (
    <form className="form inset" onSubmit={submit} noValidate aria-label={`Stoppa utbetalningen på ${formatMoney(payment.amount)}`}>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Utbetalningen kunde inte stoppas" focusKey={submits} level={5} />
      <TextAreaField id={`${P}-reason`} label="Varför stoppas utbetalningen?" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Bekräfta stopp
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

/** The case's payments as cards: amount, payee, account, status, the kassa's checks and the whole history. */
export function PaymentCards({ payments, canStop, onChanged }: { payments: Payment[]; canStop: boolean; onChanged: (message: string) => Promise<void> }) {
  const [all, setAll] = useState(false);
  const [stopping, setStopping] = useState<string | null>(null);
  const shown = all ? payments : payments.slice(0, LIMIT);
  if (payments.length === 0) return <p>Det finns inga utbetalningar i ärendet ännu.</p>;
  return (
    <>
      <ol className="payment-cards">
        {shown.map((p) => (
          <li key={p.id} className="card payment-card">
            <h4 id={`utbetalning-${p.id}`}>
              {formatMoney(p.amount)} till {p.payeeName}
            </h4>
            <dl className="summary-list">
              <div>
                <dt>Status</dt>
                <dd>
                  <span className={`badge ${STAGE_BADGE[p.stage] ?? ''}`}>{p.stageLabel}</span>
                </dd>
              </div>
              <div>
                <dt>Utbetalningsdag</dt>
                <dd>
                  <time dateTime={p.plannedDate}>{formatDate(p.plannedDate)}</time>
                  {p.timing === 'acute' && ' (akut)'}
                </dd>
              </div>
              <div>
                <dt>Mottagare</dt>
                <dd>{p.payeeKindLabel}</dd>
              </div>
              <div>
                <dt>Konto</dt>
                <dd>{p.account ? p.account.display : <span className="muted">Inget konto registrerat</span>}</dd>
              </div>
              {p.proposedByName && (
                <div>
                  <dt>Föreslagen av</dt>
                  <dd>{p.proposedByName}</dd>
                </div>
              )}
              {p.approvedByName && (
                <div>
                  <dt>Godkänd av kassan</dt>
                  <dd>
                    {p.approvedByName}, <time dateTime={p.approvedAt ?? ''}>{formatDateTime(p.approvedAt)}</time>
                  </dd>
                </div>
              )}
              {p.paidAt && (
                <div>
                  <dt>Utbetald</dt>
                  <dd>
                    <time dateTime={p.paidAt}>{formatDateTime(p.paidAt)}</time>
                  </dd>
                </div>
              )}
            </dl>
            {p.flags.map((f) => (
              <p key={f.code} className="notice notice-warning">
                <strong>Observera:</strong> {f.message}
              </p>
            ))}
            {p.returnComment && (
              <div className="notice notice-warning">
                <p>
                  <strong>
                    Kassan skickade tillbaka förslaget
                    {p.returnedByName && (
                      <>
                        {' '}
                        ({p.returnedByName}, <time dateTime={p.returnedAt ?? ''}>{formatDateTime(p.returnedAt)}</time>)
                      </>
                    )}
                    :
                  </strong>{' '}
                  {p.returnComment}
                </p>
                <p>Rätta det som kassan påpekar och föreslå utbetalningen igen.</p>
              </div>
            )}
            {p.stopReason && (
              <p>
                <strong>Stoppad:</strong> {p.stopReason}
              </p>
            )}
            {p.checks && (
              <details>
                <summary>Kassans kontroller</summary>
                <CheckList checks={p.checks} />
              </details>
            )}
            {p.history.length > 0 && (
              <details>
                <summary>Historik ({p.history.length} händelser)</summary>
                <PaymentHistory payment={p} />
              </details>
            )}
            {canStop &&
              (p.stage === 'planned' || p.stage === 'approved') &&
              (stopping === p.id ? (
                <StopForm
                  payment={p}
                  onCancel={() => setStopping(null)}
                  onStopped={async () => {
                    setStopping(null);
                    await onChanged(`Utbetalningen på ${formatMoney(p.amount)} är stoppad.`);
                  }}
                />
              ) : (
                <p>
                  <button type="button" className="button button-secondary" aria-label={`Stoppa utbetalningen på ${formatMoney(p.amount)} till ${p.payeeName}`} onClick={() => setStopping(p.id)}>
                    Stoppa utbetalningen
                  </button>
                </p>
              ))}
          </li>
        ))}
      </ol>
      {payments.length > LIMIT && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setAll((a) => !a)}>
            {all ? `Visa bara de ${LIMIT} senaste` : `Visa alla ${payments.length} utbetalningar`}
          </button>
        </p>
      )}
    </>
  );
}
