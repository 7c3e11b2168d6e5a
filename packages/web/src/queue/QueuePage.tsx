import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api/client.ts';
import { SelectField } from '../components/forms.tsx';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { useSession } from '../session.tsx';
import type { UnitWorkQueue as UnitQueue, WorkQueue as Queue, WorkQueueItem as QueueItem } from '@vagen/contract';
import './queue.css';

const count = (n: number) => `${n} ${n === 1 ? 'uppgift' : 'uppgifter'}`;
const MANAGER_ROLES = ['seniorCaseWorker', 'deputyUnitManager', 'unitManager'];

/** Min arbetskö: appeals first, then acute, then deadlines, then the rest; overdue said in words. */
export function QueuePage() {
  useDocumentTitle('Min arbetskö');
  const { session } = useSession();
  const staff = session?.kind === 'staff' ? session : null;
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<Queue>('/queue', { signal: ctrl.signal })
      .then(setQueue)
      .catch((err) => {
        if (!ctrl.signal.aborted) setError(errorMessage(err));
      });
    return () => ctrl.abort();
  }, []);
  const isManager = !!staff && MANAGER_ROLES.includes(staff.user.role) && staff.user.units.length > 0;

  return (
    <>
      <PageHeading>Min arbetskö</PageHeading>
      <p className="lead">Dina öppna uppgifter i den ordning de ska göras: överklaganden först, sedan akuta ärenden, uppgifter med tidsfrist och sist övrigt.</p>
      <StatusMessage>{queue ? `${count(queue.total)}, varav ${queue.overdue} ${queue.overdue === 1 ? 'försenad' : 'försenade'}.` : ''}</StatusMessage>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!queue ? (
        !error && <Loading text="Hämtar din arbetskö …" />
      ) : (
        <QueueTable items={queue.items} caption={`Mina uppgifter (${count(queue.total)}, ${queue.overdue} ${queue.overdue === 1 ? 'försenad' : 'försenade'})`} showAssignee={false} />
      )}
      {isManager && <UnitQueueSection units={staff.user.units} />}
    </>
  );
}

function UnitQueueSection({ units }: { units: { id: string; name: string }[] }) {
  const [unitId, setUnitId] = useState(units[0]!.id);
  const [queue, setQueue] = useState<UnitQueue | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    setQueue(null);
    api
      .get<UnitQueue>(`/queue/unit?unitId=${encodeURIComponent(unitId)}`, { signal: ctrl.signal })
      .then((q) => {
        setQueue(q);
        setError(null);
      })
      .catch((err) => {
        if (!ctrl.signal.aborted) setError(errorMessage(err));
      });
    return () => ctrl.abort();
  }, [unitId]);
  return (
    <section aria-labelledby="enhetens-ko" className="section">
      <h2 id="enhetens-ko">Enhetens kö</h2>
      {units.length > 1 && (
        <SelectField id="queue-unit" label="Enhet" value={unitId} onChange={(e) => setUnitId(e.target.value)} className="field-short">
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!queue ? (
        !error && <Loading text="Hämtar enhetens kö …" />
      ) : (
        <>
          <dl className="queue-summary">
            <div>
              <dt>Öppna uppgifter</dt>
              <dd>{queue.total}</dd>
            </div>
            <div>
              <dt>Försenade</dt>
              <dd>{queue.overdue}</dd>
            </div>
            <div>
              <dt>Utan ansvarig person</dt>
              <dd>{queue.unassigned}</dd>
            </div>
          </dl>
          <QueueTable items={queue.items} caption={`Öppna uppgifter i ${queue.unit.name} (${queue.total} st)`} showAssignee />
        </>
      )}
    </section>
  );
}

const ROLE_LABELS: Record<string, string> = {
  intakeWorker: 'Mottagningen',
  caseWorker: 'Socialsekreterare',
  benefitOfficer: 'Ekonomihandläggare',
  cashier: 'Kassan',
  seniorCaseWorker: 'Förste socialsekreterare',
  deputyUnitManager: 'Biträdande enhetschef',
  unitManager: 'Enhetschef',
};

function QueueTable({ items, caption, showAssignee }: { items: QueueItem[]; caption: string; showAssignee: boolean }) {
  const cols = showAssignee ? 7 : 6;
  return (
    <ScrollRegion label={caption}>
      <table className="data-table queue-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Prioritet</th>
            <th scope="col">Uppgift</th>
            <th scope="col">Ärende</th>
            <th scope="col">Tid sedan inkom</th>
            <th scope="col">Senast</th>
            <th scope="col">Läge</th>
            {showAssignee && <th scope="col">Ansvarig</th>}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={cols} className="empty">
                Inga öppna uppgifter.
              </td>
            </tr>
          ) : (
            items.map((i) => (
              <tr key={i.id} className={i.overdue ? 'row-overdue' : undefined}>
                <td className={i.priority === 1 ? 'priority-appeal' : undefined}>{i.priorityLabel}</td>
                <th scope="row">
                  <span className="muted">{i.kindLabel}: </span>
                  {i.caseId ? <Link to={`/arenden/${i.caseId}`}>{i.title}</Link> : i.title}
                </th>
                <td className="nowrap">{i.caseNumber ?? '–'}</td>
                <td>
                  <span className="nowrap">{i.sinceReceived}</span>
                  <br />
                  <span className="muted nowrap">
                    inkom <time dateTime={i.receivedAt}>{formatDateTime(i.receivedAt)}</time>
                  </span>
                </td>
                <td className="nowrap">{i.dueAt ? <time dateTime={i.dueAt}>{formatDate(i.dueAt)}</time> : 'Ingen frist'}</td>
                <td>{i.overdue ? <strong className="overdue-label">Försenad</strong> : i.dueAt ? 'I tid' : '–'}</td>
                {showAssignee && <td>{i.assignedTo?.name ?? (i.assignedRole ? `${ROLE_LABELS[i.assignedRole] ?? i.assignedRole} (ingen person)` : '–')}</td>}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
