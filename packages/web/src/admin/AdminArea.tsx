/** Systemförvaltning: the pages under /admin, only for the systemförvaltare. */
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { useSession } from '../session.tsx';
import { PageHeading, useDocumentTitle } from '../components/page.tsx';
import { canAdminister } from './api.ts';
import { UsersPage } from './UsersPage.tsx';
import { UserFormPage } from './UserFormPage.tsx';
import { UnitsPage, UnitPage } from './UnitsPage.tsx';
import { RolesPage } from './RolesPage.tsx';
import './admin.css';

export function AdminArea() {
  const { session } = useSession();
  if (session?.kind !== 'staff' || !canAdminister(session.user.role)) return <NotAllowed />;
  return (
    <Routes>
      <Route index element={<AdminHome />} />
      <Route path="anvandare" element={<UsersPage />} />
      <Route path="anvandare/ny" element={<UserFormPage key="ny" />} />
      <Route path="anvandare/:id" element={<UserEditPage />} />
      <Route path="enheter" element={<UnitsPage />} />
      <Route path="enheter/:id" element={<UnitPage />} />
      <Route path="roller" element={<RolesPage />} />
      <Route path="*" element={<AdminNotFound />} />
    </Routes>
  );
}

/** A fresh form for each user (and after "Lägg till"), not the previous one's state. */
function UserEditPage() {
  const { id } = useParams();
  return <UserFormPage key={id} />;
}

function NotAllowed() {
  useDocumentTitle('Ingen behörighet');
  return (
    <>
      <PageHeading>Ingen behörighet</PageHeading>
      <p>Bara systemförvaltaren kan administrera användare, enheter och inställningar.</p>
    </>
  );
}

function AdminNotFound() {
  useDocumentTitle('Sidan finns inte');
  return (
    <>
      <PageHeading>Sidan finns inte</PageHeading>
      <p>
        <Link to="/admin">Till systemförvaltningen</Link>
      </p>
    </>
  );
}

function AdminHome() {
  useDocumentTitle('Systemförvaltning');
  return (
    <>
      <PageHeading>Systemförvaltning</PageHeading>
      <p className="lead">Här håller du Vägen uppdaterat utan hjälp av en utvecklare. Alla ändringar loggas.</p>
      <ul className="admin-links">
        <li className="card">
          <h2 className="h3">
            <Link to="/admin/anvandare">Användare</Link>
          </h2>
          <p>Lägg upp medarbetare, ändra roll och enhet, koppla till kommunens inloggning, avaktivera konton och byt lösenord.</p>
        </li>
        <li className="card">
          <h2 className="h3">
            <Link to="/admin/enheter">Enheter och kommun</Link>
          </h2>
          <p>Enheternas namn och kontaktuppgifter, som står i alla brev till de sökande, och kommunens namn.</p>
        </li>
        <li className="card">
          <h2 className="h3">
            <Link to="/admin/roller">Roller och behörigheter</Link>
          </h2>
          <p>Vad varje roll får göra i Vägen.</p>
        </li>
        <li className="card">
          <h2 className="h3">
            <Link to="/admin/regler">Regeldokument</Link>
          </h2>
          <p>Normer, brevmallar, delegation och andra regler som gäller från ett visst datum.</p>
        </li>
      </ul>
    </>
  );
}

export function Breadcrumb({ to = '/admin', children = 'Systemförvaltning' }: { to?: string; children?: string }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>← {children}</Link>
    </p>
  );
}
