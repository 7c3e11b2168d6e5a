import { useEffect, useState } from 'react';
import type { AdminRoleList } from '@vagen/contract';
import { errorMessage } from '../api/client.ts';
import { Loading, PageHeading, useDocumentTitle } from '../components/page.tsx';
import { adminApi } from './api.ts';
import { Breadcrumb } from './AdminArea.tsx';

/** What each role may do, from the domain's capability table (read-only: a change is a change of Vägen itself). */
export function RolesPage() {
  useDocumentTitle('Roller och behörigheter');
  const [roles, setRoles] = useState<AdminRoleList['items'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    adminApi.get<AdminRoleList>('/roles').then(
      (r) => setRoles(r.items),
      (e) => setError(errorMessage(e)),
    );
  }, []);
  return (
    <>
      <Breadcrumb />
      <PageHeading>Roller och behörigheter</PageHeading>
      <p>Vad varje roll får göra. Vilka ärenden en medarbetare ser beror dessutom på enheten och på vilka ärenden hen är handläggare för. Rollerna ändras inte här.</p>
      {error && <p className="notice notice-error">{error}</p>}
      {!roles && !error && <Loading />}
      {roles && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Roller och vad de får göra</caption>
            <thead>
              <tr>
                <th scope="col">Roll</th>
                <th scope="col">Får</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.label}</th>
                  <td>
                    <ul className="capability-list">
                      {r.capabilities.map((c) => (
                        <li key={c.code}>{c.label}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
