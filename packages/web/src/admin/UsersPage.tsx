import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { AdminUser, AdminUserList } from '@vagen/contract';
import { errorMessage } from '../api/client.ts';
import { Loading, PageHeading, useDocumentTitle } from '../components/page.tsx';
import { adminApi } from './api.ts';
import { Breadcrumb } from './AdminArea.tsx';

/** How the user signs in: a local password and/or the municipality's identity provider (under another name if linked). */
export function signInText(u: AdminUser): string {
  const idp = `kommunens inloggning${u.idpUsername ? ` (som ${u.idpUsername})` : ''}`;
  return u.hasPassword ? `Lösenord och ${idp}` : `Bara ${idp}`;
}

export function UsersPage() {
  useDocumentTitle('Användare');
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    adminApi.get<AdminUserList>('/users').then(
      (r) => setUsers(r.items),
      (e) => setError(errorMessage(e)),
    );
  }, []);
  return (
    <>
      <Breadcrumb />
      <PageHeading>Användare</PageHeading>
      <p>Medarbetarna i kommunen. Välj ett namn för att ändra roll, enhet eller inloggning, avaktivera kontot eller byta lösenord.</p>
      <p>
        <Link to="/admin/anvandare/ny" className="button button-primary">
          Lägg till användare
        </Link>
      </p>
      {error && <p className="notice notice-error">{error}</p>}
      {!users && !error && <Loading />}
      {users && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Användare i kommunen, i bokstavsordning</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Användarnamn</th>
                <th scope="col">Roll</th>
                <th scope="col">Enheter</th>
                <th scope="col">Inloggning</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/admin/anvandare/${u.id}`}>{u.displayName}</Link>
                  </td>
                  <td>{u.username}</td>
                  <td>{u.roleLabel}</td>
                  <td>{u.units.length ? u.units.map((x) => x.name).join(', ') : '–'}</td>
                  <td>{signInText(u)}</td>
                  <td>{u.active ? <span className="badge badge-active">Aktiv</span> : <span className="badge badge-closed">Avaktiverad</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
