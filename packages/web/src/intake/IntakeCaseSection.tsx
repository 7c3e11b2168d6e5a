import { useEffect, useState } from 'react';
import type { CaseIntake, CaseIntakes } from '@vagen/contract';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { formatDateTime } from '../format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

/** On the case page: the first contacts of the case in intake, with links to them. Renders nothing when there are none. */
export function IntakeCaseSection({ caseId }: { caseId: string }) {
  const [items, setItems] = useState<CaseIntake[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<CaseIntakes>(`/cases/${encodeURIComponent(caseId)}/intakes`, { signal: ctrl.signal })
      .then((r) => setItems(r.items))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [caseId]);
  if (!items.length) return null;
  return (
    <section className="section" aria-labelledby="mottagning">
      <h2 id="mottagning">Mottagning</h2>
      <ScrollRegion label="Kontakter i mottagningen">
        <table className="data-table">
          <caption>Kontakter i mottagningen ({items.length} st)</caption>
          <thead>
            <tr>
              <th scope="col">Kom in</th>
              <th scope="col">Spår</th>
              <th scope="col">Kanal</th>
              <th scope="col">Status</th>
              <th scope="col">Nybesök</th>
              <th scope="col">Överlämnad till</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link to={`/mottagning/${encodeURIComponent(i.id)}`}>{formatDateTime(i.receivedAt)}</Link>
                </th>
                <td>{i.trackLabel}</td>
                <td>{i.channelLabel}</td>
                <td>
                  {i.statusLabel}
                  {i.overdue ? ' (frist passerad)' : ''}
                  {i.reopened ? ' (återaktualiserat)' : ''}
                </td>
                <td>{i.visitAt ? formatDateTime(i.visitAt) : '–'}</td>
                <td>{i.assignedWorkerName ? `${i.assignedWorkerName}, ${formatDateTime(i.handedOverAt)}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
