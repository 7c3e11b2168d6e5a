import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { StartItem, StartPage as Start } from '@vagen/contract';
import { api, errorMessage } from '../api/client.ts';
import { Loading, PageHeading, useDocumentTitle } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import '../queue/queue.css';
import './start.css';

const HEADINGS: Record<Start['kind'], string> = {
  worker: 'Det här väntar på dig',
  intake: 'Mottagningen i dag',
  kassa: 'Kassan',
  manager: 'Enheternas läge',
  admin: 'Administration',
  other: 'Start',
};

/** The staff start page: what the signed-in role does first. */
export function StartPage() {
  const [page, setPage] = useState<Start | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(page ? HEADINGS[page.kind] : 'Start');
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<Start>('/start', { signal: ctrl.signal })
      .then(setPage)
      .catch((err) => {
        if (!ctrl.signal.aborted) setError(errorMessage(err));
      });
    return () => ctrl.abort();
  }, []);
  if (error)
    return (
      <>
        <PageHeading>Start</PageHeading>
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      </>
    );
  if (!page) return <Loading text="Hämtar din startsida …" />;
  return (
    <>
      <PageHeading>{HEADINGS[page.kind]}</PageHeading>
      <p className="lead">
        {page.name}, {page.roleLabel.toLowerCase()}.
      </p>
      {page.worker && <WorkerStart worker={page.worker} />}
      {page.intake && <IntakeStart intake={page.intake} />}
      {page.kassa && (
        <section aria-labelledby="kassa-sammanfattning" className="section">
          <h2 id="kassa-sammanfattning">Utbetalningar att kontrollera</h2>
          <p>
            {page.kassa.awaitingApproval === 0
              ? 'Inga utbetalningar väntar på kontroll just nu.'
              : `${page.kassa.awaitingApproval} ${page.kassa.awaitingApproval === 1 ? 'utbetalning väntar' : 'utbetalningar väntar'} på kontroll (fyra ögon)${page.kassa.oldestAt ? `, den äldsta sedan ${formatDateTime(page.kassa.oldestAt)}` : ''}.`}
          </p>
          <p>
            <Link to="/kassa" className="button button-primary">
              Gå till kassan
            </Link>
          </p>
        </section>
      )}
      {page.manager && <ManagerStart manager={page.manager} />}
      <section aria-labelledby="genvagar" className="section">
        <h2 id="genvagar">{page.kind === 'admin' ? 'Det här kan du göra' : 'Genvägar'}</h2>
        <ul className="start-links">
          {page.links.map((l) => (
            <li key={l.href}>
              <Link to={l.href}>{l.label}</Link> – {l.description}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Due({ item }: { item: StartItem }) {
  if (!item.dueAt) return <>–</>;
  return (
    <>
      <time dateTime={item.dueAt}>{formatDate(item.dueAt)}</time>
      {item.overdue && <span className="overdue-label"> (försenad)</span>}
    </>
  );
}

function ItemsTable({ items, caption }: { items: StartItem[]; caption: string }) {
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Sökande</th>
            <th scope="col">Vad</th>
            <th scope="col">Har väntat</th>
            <th scope="col">Senast</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={`${i.kind}-${i.id}`} className={i.overdue ? 'row-overdue' : undefined}>
              <th scope="row" className="nowrap">
                <Link to={`/arenden/${encodeURIComponent(i.caseId)}`}>{i.caseNumber}</Link>
              </th>
              <td>{i.applicantName ?? '–'}</td>
              <td>
                <span className="muted">{i.kindLabel}:</span> {i.title}
              </td>
              <td className="nowrap">{i.waited}</td>
              <td className="nowrap">
                <Due item={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function WorkerStart({ worker }: { worker: NonNullable<Start['worker']> }) {
  const months = [...new Set(worker.items.map((i) => i.month))];
  const c = worker.caseload;
  return (
    <>
      <dl className="queue-summary">
        <div>
          <dt>Väntar på dig</dt>
          <dd>{worker.total}</dd>
        </div>
        <div>
          <dt>Försenade</dt>
          <dd>{worker.overdue}</dd>
        </div>
        <div>
          <dt>Aktiva ärenden</dt>
          <dd>{c.activeCases}</dd>
        </div>
        <div>
          <dt>Tunga ärenden</dt>
          <dd>{c.heavyLimit === null ? c.heavyCases : `${c.heavyCases} av högst ${c.heavyLimit}`}</dd>
        </div>
      </dl>
      {c.newStaff && (
        <div className="notice start-newstaff" role="note">
          <h2>Du är ny medarbetare</h2>
          <p>
            Under introduktionen{c.introductionUntil ? ` (till och med ${formatDate(c.introductionUntil)})` : ''} ska du inte få de tyngsta ärendena. Du har {c.activeCases}{' '}
            {c.activeCases === 1 ? 'aktivt ärende' : 'aktiva ärenden'}, varav {c.heavyCases} {c.heavyCases === 1 ? 'tungt' : 'tunga'}. Tungt ärende: {c.heavyRule}
          </p>
        </div>
      )}
      {worker.items.length === 0 ? (
        <p>Inget väntar på dig just nu.</p>
      ) : (
        months.map((m) => {
          const items = worker.items.filter((i) => i.month === m);
          return (
            <section key={m} aria-labelledby={`manad-${m}`} className="section">
              <h2 id={`manad-${m}`}>{items[0]!.monthLabel.replace(/^./, (ch) => ch.toUpperCase())}</h2>
              <ItemsTable items={items} caption={`Väntar för ${items[0]!.monthLabel} (${items.length} st)`} />
            </section>
          );
        })
      )}
    </>
  );
}

function IntakeStart({ intake }: { intake: NonNullable<Start['intake']> }) {
  return (
    <>
      <dl className="queue-summary">
        <div>
          <dt>Att hantera</dt>
          <dd>{intake.total}</dd>
        </div>
        <div>
          <dt>Akuta</dt>
          <dd>{intake.acute}</dd>
        </div>
        <div>
          <dt>Försenade</dt>
          <dd>{intake.overdue}</dd>
        </div>
        <div>
          <dt>Nybesök i dag</dt>
          <dd>{intake.visitsToday}</dd>
        </div>
        <div>
          <dt>Nybesök denna vecka</dt>
          <dd>{intake.visitsThisWeek}</dd>
        </div>
      </dl>
      <section aria-labelledby="i-mottagning" className="section">
        <h2 id="i-mottagning">Kontakter och ärenden i mottagning</h2>
        {intake.items.length === 0 ? <p>Inga kontakter väntar just nu.</p> : <ItemsTable items={intake.items} caption={`I mottagning (${intake.total} st), tidigast frist först`} />}
      </section>
    </>
  );
}

function ManagerStart({ manager }: { manager: NonNullable<Start['manager']> }) {
  return (
    <>
      {manager.units.map((u) => (
        <section key={u.id} aria-labelledby={`enhet-${u.id}`} className="section">
          <h2 id={`enhet-${u.id}`}>{u.name}</h2>
          <p>
            {u.inIntake} {u.inIntake === 1 ? 'ärende' : 'ärenden'} i mottagning.
          </p>
          <ScrollRegion label={`Handläggarna i ${u.name}`}>
            <table className="data-table">
              <caption>Handläggarnas ärenden och väntande uppgifter i {u.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Handläggare</th>
                  <th scope="col">Aktiva ärenden</th>
                  <th scope="col">Tunga ärenden (gräns)</th>
                  <th scope="col">Väntar</th>
                  <th scope="col">Äldsta väntande</th>
                </tr>
              </thead>
              <tbody>
                {u.workers.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">
                      {w.name}
                      <span className="muted"> – {w.roleLabel.toLowerCase()}</span>
                      {w.newStaff && <span className="badge"> Ny medarbetare</span>}
                    </th>
                    <td>{w.activeCases}</td>
                    <td>{w.heavyLimit === null ? `${w.heavyCases} (ingen gräns)` : `${w.heavyCases} (högst ${w.heavyLimit})`}</td>
                    <td>{w.waiting}</td>
                    <td className="nowrap">{w.oldestWaitingAt ? <time dateTime={w.oldestWaitingAt}>{formatDate(w.oldestWaitingAt)}</time> : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
      <p className="muted">Tungt ärende: {manager.heavyRule}</p>
    </>
  );
}
