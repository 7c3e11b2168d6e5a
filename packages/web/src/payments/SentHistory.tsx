import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { SelectField } from '../components/forms.tsx';
import { Loading } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDate, formatDateTime, formatMoney, formatMonth } from '../format.ts';
import type { SentHistory } from '@vagen/contract';

const payments = (n: number) => (n === 1 ? '1 utbetalning' : `${n} utbetalningar`);
const files = (n: number) => (n === 1 ? '1 betalfil' : `${n} betalfiler`);

/**
 * "Skickat": the payment files the kassa sent in a month, newest first, each with who sent it, who approved its
 * payments, its count and total, and every payment with a link to its case.
 */
export function SentHistorySection({ reloadKey }: { reloadKey?: string }) {
  const [month, setMonth] = useState<string>('');
  const [data, setData] = useState<SentHistory | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (m: string, signal?: AbortSignal) => {
    try {
      const q = m ? `?month=${encodeURIComponent(m)}` : '';
      const d = await api.get<SentHistory>(`/payments/sent${q}`, signal ? { signal } : {});
      setData(d);
      setError(null);
    } catch (err) {
      if (signal?.aborted) return;
      setError(err instanceof ApiError ? err.message : errorMessage(err));
    }
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    void load(month, ctrl.signal);
    return () => ctrl.abort();
  }, [load, month, reloadKey]);

  const shown = data?.month ?? '';
  return (
    <section aria-labelledby="kassa-skickat" className="section">
      <h2 id="kassa-skickat">Skickat</h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        !error && <Loading text="Hämtar det som har skickats …" />
      ) : data.months.length === 0 ? (
        <p>Inga betalfiler har skickats ännu.</p>
      ) : (
        <>
          <SelectField id="kassa-skickat-manad" label="Månad" value={shown} onChange={(e) => setMonth(e.target.value)} className="field-short">
            {data.months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m)}
              </option>
            ))}
          </SelectField>
          <p aria-live="polite">
            {formatMonth(shown)}: {files(data.files.length)} med {payments(data.paymentCount)}, sammanlagt {formatMoney(data.totalAmount)}.
          </p>
          <ol className="kassa-list">
            {data.files.map((f) => (
              <li key={f.id} className="card">
                <h3 id={`skickat-${f.id}`}>
                  <time dateTime={f.sentOn}>{formatDate(f.sentOn)}</time> – {f.messageId}
                </h3>
                <dl className="summary-list">
                  <div>
                    <dt>Skickad</dt>
                    <dd>
                      {formatDateTime(f.sentAt)} av {f.sentByName}
                    </dd>
                  </div>
                  <div>
                    <dt>Godkänd av</dt>
                    <dd>{f.approvedByNames.length ? f.approvedByNames.join(', ') : '–'}</dd>
                  </div>
                  <div>
                    <dt>Antal och summa</dt>
                    <dd>
                      {payments(f.paymentCount)}, {formatMoney(f.totalAmount)}
                    </dd>
                  </div>
                  <div>
                    <dt>Status</dt>
                    <dd>{f.statusLabel}</dd>
                  </div>
                </dl>
                <ScrollRegion label={`Utbetalningar i ${f.messageId}`}>
                  <table className="data-table">
                    <caption className="visually-hidden">Utbetalningar i {f.messageId}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Ärende</th>
                        <th scope="col">Mottagare</th>
                        <th scope="col">Utbetalningsdag</th>
                        <th scope="col" className="num">
                          Belopp
                        </th>
                        <th scope="col">Föreslagen av</th>
                        <th scope="col">Godkänd av</th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.payments.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">
                            <Link to={`/arenden/${p.caseId}`}>{p.caseNumber}</Link>
                          </th>
                          <td>{p.payeeName}</td>
                          <td>{formatDate(p.plannedDate)}</td>
                          <td className="num">{formatMoney(p.amount)}</td>
                          <td>{p.proposedByName ?? '–'}</td>
                          <td>{p.approvedByName ?? '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
