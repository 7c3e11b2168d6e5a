import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Decision, MyCase, Payment } from '../api/types.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { formatDate, formatMoney } from '../format.ts';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

const LATEST = 5;

export function MyPagesStart() {
  const { t } = useI18n();
  useDocumentTitle(t('start.title'));
  const { session } = useSession();
  const [cases, setCases] = useState<MyCase[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async (signal?: AbortSignal) => {
    setFailed(false);
    try {
      const r = await api.get<{ items: MyCase[] }>('/me/cases', signal ? { signal } : {});
      setCases(r.items);
    } catch {
      if (signal?.aborted) return;
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const person = session?.kind === 'client' ? session.person : null;

  return (
    <>
      <PageHeading>{t('start.title')}</PageHeading>
      {person && <p className="lead greeting">{t('start.greeting', { name: person.firstName })}</p>}
      <p>{t('start.intro')}</p>

      <StatusMessage>{cases === null && !failed ? t('start.loading') : ''}</StatusMessage>
      {failed ? (
        <div className="notice notice-error" role="alert">
          <p>{t('start.error')}</p>
          <button type="button" className="button button-secondary" onClick={() => void load()}>
            {t('start.retry')}
          </button>
        </div>
      ) : cases === null ? (
        <Loading text={t('start.loading')} />
      ) : cases.length === 0 ? (
        <p className="notice">{t('start.noCases')}</p>
      ) : (
        cases.map((c) => <MyCaseCard key={c.id} item={c} />)
      )}
    </>
  );
}

function byDateDesc<T>(items: T[], key: (x: T) => string): T[] {
  return [...items].sort((a, b) => key(b).localeCompare(key(a)));
}

function MyCaseCard({ item }: { item: MyCase }) {
  const { t, code, locale } = useI18n();
  const hid = `case-${item.id}`;
  const decisions = byDateDesc<Decision>(item.decisions ?? [], (d) => d.decidedAt).slice(0, LATEST);
  const payments = byDateDesc<Payment>(item.payments ?? [], (p) => p.plannedDate).slice(0, LATEST);
  const showPayee = payments.some((p) => p.payee);
  return (
    <section className="card case-card" aria-labelledby={hid}>
      <h2 id={hid}>{t('case.heading', { caseNumber: item.caseNumber })}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('case.status')}</dt>
          <dd>
            <span className={`badge badge-${item.status}`}>{code('status', item.status, item.statusLabel)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('case.worker')}</dt>
          <dd>{item.responsibleWorkerName ?? t('case.noWorker')}</dd>
        </div>
      </dl>

      <h3>{t('decisions.heading')}</h3>
      {decisions.length === 0 ? (
        <p className="muted">{t('decisions.none')}</p>
      ) : (
        <ScrollRegion label={t('decisions.caption')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('decisions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('decisions.outcome')}</th>
                <th scope="col">{t('decisions.period')}</th>
                <th scope="col" className="num">
                  {t('decisions.amount')}
                </th>
                <th scope="col">{t('decisions.date')}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{code('outcome', d.outcome, d.outcomeLabel)}</th>
                  <td className="nowrap">
                    <bdi>{formatDate(d.periodStart, locale)}</bdi> – <bdi>{formatDate(d.periodEnd, locale)}</bdi>
                  </td>
                  <td className="num">
                    <bdi>{formatMoney(d.amount, locale)}</bdi>
                  </td>
                  <td>
                    <time dateTime={d.decidedAt}>{formatDate(d.decidedAt, locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h3>{t('payments.heading')}</h3>
      {payments.length === 0 ? (
        <p className="muted">{t('payments.none')}</p>
      ) : (
        <ScrollRegion label={t('payments.caption')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('payments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payments.date')}</th>
                <th scope="col" className="num">
                  {t('payments.amount')}
                </th>
                {showPayee && <th scope="col">{t('payments.payee')}</th>}
                <th scope="col">{t('payments.status')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <time dateTime={p.plannedDate}>{formatDate(p.plannedDate, locale)}</time>
                  </th>
                  <td className="num">
                    <bdi>{formatMoney(p.amount, locale)}</bdi>
                  </td>
                  {showPayee && <td>{p.payee ? code('payee', p.payee, p.payee) : '–'}</td>}
                  <td>{code('paymentStatus', p.status, p.statusLabel)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
