import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { ForwardForm, LateOutcomeForm, ReconsiderationForm, WithdrawForm } from './AppealActions.tsx';
import type { Appeal, CaseAppeals } from '@vagen/contract';

export const appealHeadingId = (id: string) => `overklagande-${id}`;

/** One appeal: what it is about, the time-limit check in words, what has happened, its documents and the next step. */
export function AppealCard({ appeal: a, data, onDone }: { appeal: Appeal; data: CaseAppeals; onDone: (a: Appeal, message: string) => Promise<void> }) {
  const hid = appealHeadingId(a.id);
  const open = a.status === 'registered' || a.status === 'reconsidered';
  const canHandle = data.permissions.canHandle;
  return (
    <article className={`appeal-card${open ? ' is-open' : ''}`} aria-labelledby={hid}>
      <header className="entry-header">
        <h3 id={hid} tabIndex={-1}>
          Överklagande av beslut {formatDate(a.decision.decidedAt)} ({a.decision.outcomeLabel.toLowerCase()})
        </h3>
        <span className="entry-badges">
          <span className={`badge appeal-status-${a.status}`}>{a.statusLabel}</span>
          {a.timely ? <span className="badge badge-active">I rätt tid</span> : <span className="badge badge-protected">För sent</span>}
        </span>
      </header>
      <dl className="entry-meta">
        <div>
          <dt>Kom in</dt>
          <dd>
            {formatDate(a.receivedOn)} ({a.channelLabel.toLowerCase()})
          </dd>
        </div>
        <div>
          <dt>Beslutet mottaget</dt>
          <dd>
            {formatDate(a.notifiedOn)}
            {a.notifiedOnBasis === 'presumed' ? ' (antaget: brevets datum + postgång)' : ''}
          </dd>
        </div>
        <div>
          <dt>Sista dag att överklaga</dt>
          <dd>{formatDate(a.lastDay)}</dd>
        </div>
        {a.appellantName && (
          <div>
            <dt>Klagande</dt>
            <dd>{a.appellantName}</dd>
          </div>
        )}
        <div>
          <dt>Registrerat av</dt>
          <dd>
            {a.registeredByName}, {formatDateTime(a.registeredAt)}
          </dd>
        </div>
        {open && (
          <div>
            <dt>Ska lämnas över senast</dt>
            <dd>
              {formatDate(a.forwardDueOn)}
              {a.forwardOverdue && <strong className="overdue-text"> – försenat</strong>}
            </dd>
          </div>
        )}
      </dl>
      <p className={a.timely ? 'notice' : 'notice notice-error'}>{a.timelinessText}</p>
      <details className="appeal-text">
        <summary>Överklagandets text</summary>
        <div className="entry-body">{a.text}</div>
      </details>

      {a.lateOutcome === 'exception' && (
        <p>
          Avvisas inte: {a.lateExceptionLabel}
          {a.lateNote ? ` ${a.lateNote}` : ''}
        </p>
      )}
      {a.reconsideration && (
        <div className="appeal-block">
          <h4>Omprövning: {a.reconsideration.resultLabel.toLowerCase()}</h4>
          <p className="muted">
            {a.reconsideration.byName}, {formatDateTime(a.reconsideration.at)}
          </p>
          {a.reconsideration.replacementDecision && (
            <p>
              Nytt beslut: {a.reconsideration.replacementDecision.outcomeLabel}, {formatMoney(a.reconsideration.replacementDecision.amount)},{' '}
              {formatDate(a.reconsideration.replacementDecision.periodStart)}–{formatDate(a.reconsideration.replacementDecision.periodEnd)}.
              {a.reconsideration.fullyAsRequested ? ' Ändrat så som klaganden begärde.' : ' Inte helt så som klaganden begärde.'}
            </p>
          )}
          {a.reconsideration.reason && <div className="entry-body">{a.reconsideration.reason}</div>}
        </div>
      )}
      {a.forwardedAt && (
        <p>
          Överlämnat till {a.courtName} {formatDateTime(a.forwardedAt)} av {a.forwardedByName}.
        </p>
      )}

      {a.documents.length > 0 && (
        <div className="appeal-block">
          <h4>Handlingar</h4>
          <ul>
            {a.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/v1/documents/${d.id}`} target="_blank" rel="noopener">
                  {d.title}
                  <span className="visually-hidden"> (PDF, öppnas i ny flik)</span>
                </a>{' '}
                <span className="muted">
                  – {d.kindLabel.toLowerCase()}, {formatDate(d.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <ScrollRegion label="Händelser för överklagandet">
        <table className="data-table">
          <caption>Händelser</caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Status</th>
              <th scope="col">Vem</th>
              <th scope="col">Anteckning</th>
            </tr>
          </thead>
          <tbody>
            {a.history.map((h, i) => (
              <tr key={i}>
                <th scope="row" className="nowrap">
                  <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                </th>
                <td>{h.toLabel}</td>
                <td>{h.actorName ?? '–'}</td>
                <td>{h.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {canHandle && a.actions.canRecordLateOutcome && <LateOutcomeForm appeal={a} options={data.options} done={onDone} />}
      {canHandle && a.actions.canReconsider && <ReconsiderationForm appeal={a} done={onDone} />}
      {canHandle && a.actions.canForward && <ForwardForm appeal={a} courtName={data.options.courtName} done={onDone} />}
      {canHandle && a.actions.canWithdraw && <WithdrawForm appeal={a} done={onDone} />}
    </article>
  );
}
