import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, errorMessage, fieldErrors } from '../api/client.ts';
import { ErrorSummary, TextAreaField, TextField } from '../components/forms.tsx';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { focusLater } from '../components/focus.ts';
import { formatDate, formatDateTime, formatMoney, todayInStockholm } from '../format.ts';
import { CheckList } from './PaymentCards.tsx';
import { summaryOf } from './format.ts';
import { DECISION_OUTCOME_LABELS, labelOf } from '@vagen/domain/labels.ts';
import type { KassaList, KassaPayment, PaymentFile, PaymentFileList } from '@vagen/contract';
import { SentHistorySection } from './SentHistory.tsx';
import './payments.css';

const plural = (n: number) => (n === 1 ? '1 utbetalning' : `${n} utbetalningar`);

function AwaitingCard({ p, onDone }: { p: KassaPayment; onDone: (message: string) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form, setForm] = useState<'stop' | 'return' | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const headingId = `kassa-${p.id}`;
  const what = `${formatMoney(p.amount)} till ${p.payeeName}`;
  // The server's own rule, computed for this cashier: when it says no, the button says no and tells why.
  const reasons = p.checkPreview?.reasons ?? [];
  const blocked = reasons.length > 0;

  async function approve() {
    setBusy(true);
    setProblem(null);
    try {
      await api.post(`/payments/${encodeURIComponent(p.id)}/approve`);
      setBusy(false);
      await onDone(`Utbetalningen på ${what} är godkänd.`);
    } catch (err) {
      // One message: the first reason the server gives (the reasons beside the button are replaced by it).
      setProblem(err instanceof ApiError ? err.message : errorMessage(err));
      setBusy(false);
      focusLater(`${headingId}-problem`);
    }
  }

  function open(which: 'stop' | 'return') {
    setForm(which);
    setText('');
    setErrors({});
    setFormError(null);
    focusLater(`${headingId}-${which}-text`);
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    if (text.trim().length < 3) {
      setErrors({ text: form === 'return' ? 'Skriv vad handläggaren behöver rätta.' : 'Skriv varför utbetalningen stoppas.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (form === 'return') {
        await api.post(`/payments/${encodeURIComponent(p.id)}/return`, { comment: text.trim() });
        setBusy(false);
        await onDone(`Utbetalningen på ${what} är skickad tillbaka till handläggaren.`);
      } else {
        await api.post(`/payments/${encodeURIComponent(p.id)}/stop`, { reason: text.trim() });
        setBusy(false);
        await onDone(`Utbetalningen på ${what} är stoppad.`);
      }
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(fields.comment || fields.reason ? { text: (fields.comment ?? fields.reason)! } : {});
      setFormError(fields.comment || fields.reason ? null : err instanceof ApiError ? err.message : errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <li className="card">
      <h3 id={headingId}>
        {what}{' '}
        <span className="muted">
          – ärende <Link to={`/arenden/${p.caseId}`}>{p.caseNumber}</Link>
        </span>
      </h3>
      {p.flags.map((f) => (
        <p key={f.code} className="notice notice-warning">
          <strong>Observera:</strong> {f.message}
        </p>
      ))}
      <dl className="summary-list">
        <div>
          <dt>Utbetalningsdag</dt>
          <dd>
            <time dateTime={p.plannedDate}>{formatDate(p.plannedDate)}</time>
            {p.timing === 'acute' && ' (akut)'}
          </dd>
        </div>
        <div>
          <dt>Konto</dt>
          <dd>{p.account?.display ?? '–'}</dd>
        </div>
        <div>
          <dt>Mottagare</dt>
          <dd>{p.payeeKindLabel}</dd>
        </div>
        <div>
          <dt>Beslut</dt>
          <dd>
            {p.decision
              ? `${labelOf(DECISION_OUTCOME_LABELS, p.decision.outcome)} ${formatDate(p.decision.periodStart)}–${formatDate(p.decision.periodEnd)}, ${formatMoney(p.decision.amount)}${p.decision.decidedByName ? `, ${p.decision.decidedByName}` : ''}`
              : 'Inget beslut'}
          </dd>
        </div>
        <div>
          <dt>Föreslagen av</dt>
          <dd>{p.proposedByName ?? '–'}</dd>
        </div>
      </dl>
      {p.checkPreview && (
        <details>
          <summary>
            Kontroller ({p.checkPreview.checks.filter((c) => c.ok).length} av {p.checkPreview.checks.length} stämmer)
          </summary>
          <CheckList checks={p.checkPreview.checks} />
        </details>
      )}
      <div role="alert" id={`${headingId}-problem`} tabIndex={-1}>
        {problem && <p className="notice notice-error">{problem}</p>}
      </div>
      {form ? (
        <form className="form inset" onSubmit={submit} noValidate aria-label={form === 'return' ? `Skicka tillbaka utbetalningen på ${what}` : `Stoppa utbetalningen på ${what}`}>
          <ErrorSummary
            errors={summaryOf(`${headingId}-${form}`, errors, formError)}
            title={form === 'return' ? 'Utbetalningen kunde inte skickas tillbaka' : 'Utbetalningen kunde inte stoppas'}
            focusKey={submits}
            level={4}
          />
          <TextAreaField
            id={`${headingId}-${form}-text`}
            label={form === 'return' ? 'Vad behöver handläggaren rätta?' : 'Varför stoppas utbetalningen?'}
            hint={form === 'return' ? 'Handläggaren ser kommentaren i ärendet och i sin kö.' : undefined}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={errors.text}
            required
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {form === 'return' ? 'Skicka tillbaka' : 'Bekräfta stopp'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setForm(null)}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <div className="kassa-actions">
          <div className={blocked && !problem ? 'kassa-approve blocked' : 'kassa-approve'}>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || blocked}
              aria-label={`Godkänn utbetalningen på ${what}`}
              aria-describedby={blocked && !problem ? `${headingId}-reasons` : undefined}
              onClick={approve}
            >
              Godkänn
            </button>
            {blocked && !problem && (
              <div id={`${headingId}-reasons`} className="kassa-reasons">
                <strong>Kan inte godkännas:</strong>
                {reasons.length === 1 ? (
                  <span> {reasons[0]}</span>
                ) : (
                  <ul>
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
          <button type="button" className="button button-secondary" disabled={busy} aria-label={`Skicka tillbaka till handläggaren: utbetalningen på ${what}`} onClick={() => open('return')}>
            Skicka tillbaka till handläggaren
          </button>
          <button type="button" className="button button-secondary" disabled={busy} aria-label={`Stoppa utbetalningen på ${what}`} onClick={() => open('stop')}>
            Stoppa
          </button>
        </div>
      )}
    </li>
  );
}

function CreateFileForm({ approved, onCreated }: { approved: KassaPayment[]; onCreated: (f: PaymentFile) => Promise<void> }) {
  const P = 'betalfil';
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as text
  const latest = approved.reduce((m, p) => (p.plannedDate > m ? p.plannedDate : m), todayInStockholm());
  const [upTo, setUpTo] = useState(latest);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const included = approved.filter((p) => p.plannedDate <= upTo);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    if (!upTo) {
      setErrors({ upTo: 'Välj ett datum.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const f = await api.post<PaymentFile>('/payment-files', { upTo });
      setBusy(false);
      await onCreated(f);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? err.message : 'Betalfilen kunde inte skapas.');
      setBusy(false);
    }
  }
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${P}-heading`}>
      <h3 id={`${P}-heading`}>Skapa betalfil</h3>
      <p className="hint">
        Alla godkända utbetalningar med utbetalningsdag till och med datumet samlas i en fil (ISO 20022 pain.001) till banken, tillsammans med ett bokföringsunderlag. Filen kontrolleras mot schemat
        innan den sparas.
      </p>
      <ErrorSummary errors={summaryOf(P, errors, formError)} title="Betalfilen kunde inte skapas" focusKey={submits} level={4} />
      <TextField id={`${P}-upTo`} label="Ta med utbetalningar till och med" type="date" value={upTo} onChange={(e) => setUpTo(e.target.value)} error={errors.upTo} className="field-short" />
      <p aria-live="polite">
        {plural(included.length)}, sammanlagt {formatMoney(included.reduce((s, p) => s + p.amount, 0))}.
      </p>
      <button type="submit" className="button button-primary" disabled={busy}>
        Skapa betalfil
      </button>
    </form>
  );
}

/** The kassa's page: the four-eyes check of proposed payments, payment files to the bank, the bank's confirmation. */
export function KassaPage() {
  useDocumentTitle('Kassa');
  const [awaiting, setAwaiting] = useState<KassaPayment[] | null>(null);
  const [approved, setApproved] = useState<KassaPayment[] | null>(null);
  const [files, setFiles] = useState<PaymentFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const opts = signal ? { signal } : {};
      const [a, b, f] = await Promise.all([
        api.get<KassaList>('/payments?stage=awaitingApproval', opts),
        api.get<KassaList>('/payments?stage=approved', opts),
        api.get<PaymentFileList>('/payment-files', opts),
      ]);
      setAwaiting(a.items);
      setApproved(b.items);
      setFiles(f.items);
      setError(null);
    } catch (err) {
      if (signal?.aborted) return;
      setError(err instanceof ApiError ? err.message : errorMessage(err));
    }
  }, []);
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  async function done(message: string) {
    await load();
    setAnnouncement(message);
  }

  async function confirm(f: PaymentFile) {
    setConfirmError(null);
    try {
      await api.post(`/payment-files/${encodeURIComponent(f.id)}/confirm`, {});
      await done(`Bankens bekräftelse av ${f.messageId} är registrerad. ${f.paymentCount === 1 ? 'Utbetalningen är utbetald' : `${f.paymentCount} utbetalningar är utbetalda`}.`);
    } catch (err) {
      setConfirmError(err instanceof ApiError ? err.message : errorMessage(err));
    }
  }

  return (
    <>
      <PageHeading>Kassa</PageHeading>
      <p className="lead">Kontrollera föreslagna utbetalningar innan något betalas ut: att beslutet finns, att beloppet stämmer och att kontot och mottagaren är kontrollerade.</p>
      <StatusMessage>{announcement}</StatusMessage>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!awaiting || !approved || !files ? (
        !error && <Loading text="Hämtar utbetalningar …" />
      ) : (
        <>
          <section aria-labelledby="kassa-vantar" className="section">
            <h2 id="kassa-vantar">Väntar på kontroll ({awaiting.length})</h2>
            {awaiting.length === 0 ? (
              <p>Inga utbetalningar väntar på kontroll.</p>
            ) : (
              <ol className="kassa-list">
                {awaiting.map((p) => (
                  <AwaitingCard key={p.id} p={p} onDone={done} />
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="kassa-godkanda" className="section">
            <h2 id="kassa-godkanda">Godkända, inte skickade ({approved.length})</h2>
            <ScrollRegion label="Godkända utbetalningar">
              <table className="data-table">
                <caption>Godkända utbetalningar som inte har skickats till banken</caption>
                <thead>
                  <tr>
                    <th scope="col">Utbetalningsdag</th>
                    <th scope="col">Ärende</th>
                    <th scope="col">Mottagare</th>
                    <th scope="col" className="num">
                      Belopp
                    </th>
                    <th scope="col">Godkänd av</th>
                  </tr>
                </thead>
                <tbody>
                  {approved.length === 0 ? (
                    <tr>
                      <td colSpan={5} className="empty">
                        Inga godkända utbetalningar väntar.
                      </td>
                    </tr>
                  ) : (
                    approved.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{formatDate(p.plannedDate)}</th>
                        <td>
                          <Link to={`/arenden/${p.caseId}`}>{p.caseNumber}</Link>
                        </td>
                        <td>
                          {p.payeeName}
                          <br />
                          <span className="muted">{p.account?.display}</span>
                        </td>
                        <td className="num">{formatMoney(p.amount)}</td>
                        <td>{p.approvedByName}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </ScrollRegion>
            {approved.length > 0 && (
              <CreateFileForm approved={approved} onCreated={async (f) => done(`Betalfilen ${f.messageId} är skapad med ${plural(f.paymentCount)} på sammanlagt ${formatMoney(f.totalAmount)}.`)} />
            )}
          </section>

          <section aria-labelledby="kassa-filer" className="section">
            <h2 id="kassa-filer">Betalfiler</h2>
            <div role="alert">{confirmError && <p className="notice notice-error">{confirmError}</p>}</div>
            <ScrollRegion label="Betalfiler">
              <table className="data-table">
                <caption>Betalfiler till banken ({files.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Fil</th>
                    <th scope="col">Skapad</th>
                    <th scope="col" className="num">
                      Antal
                    </th>
                    <th scope="col" className="num">
                      Summa
                    </th>
                    <th scope="col">Status</th>
                    <th scope="col">Ladda ner</th>
                    <th scope="col">Bankens svar</th>
                  </tr>
                </thead>
                <tbody>
                  {files.length === 0 ? (
                    <tr>
                      <td colSpan={7} className="empty">
                        Inga betalfiler ännu.
                      </td>
                    </tr>
                  ) : (
                    files.map((f) => (
                      <tr key={f.id}>
                        <th scope="row" className="nowrap">
                          {f.messageId}
                        </th>
                        <td>
                          {formatDateTime(f.createdAt)}
                          <br />
                          <span className="muted">{f.createdByName}</span>
                        </td>
                        <td className="num">{f.paymentCount}</td>
                        <td className="num">{formatMoney(f.totalAmount)}</td>
                        <td>
                          {f.statusLabel}
                          {f.confirmedAt && (
                            <>
                              <br />
                              <span className="muted">{formatDateTime(f.confirmedAt)}</span>
                            </>
                          )}
                        </td>
                        <td>
                          <a href={`/api/v1/payment-files/${f.id}/xml`} download>
                            Betalfil {f.messageId} (XML)
                          </a>
                          <br />
                          <a href={`/api/v1/payment-files/${f.id}/csv`} download>
                            Bokföringsunderlag {f.messageId} (CSV)
                          </a>
                        </td>
                        <td>
                          {f.status === 'sent' ? (
                            <button type="button" className="button button-secondary" aria-label={`Registrera bekräftelse från banken för ${f.messageId}`} onClick={() => void confirm(f)}>
                              Registrera bekräftelse
                            </button>
                          ) : (
                            <span className="badge badge-active">Utbetald</span>
                          )}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </ScrollRegion>
          </section>

          <SentHistorySection reloadKey={announcement} />
        </>
      )}
    </>
  );
}
