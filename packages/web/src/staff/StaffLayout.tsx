import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../session.tsx';
import { useHtmlLang } from '../i18n/I18n.tsx';
import { Loading, PageHeading, SkipLink, useDocumentTitle } from '../components/page.tsx';
import { canUseIntake } from '../intake/format.ts';
import { canUseKassa } from '../payments/format.ts';
import { canAdminister } from '../admin/api.ts';

export function StaffLayout() {
  useHtmlLang('sv', 'ltr');
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const staff = session?.kind === 'staff' ? session : null;

  return (
    <div className="app staff">
      <SkipLink>Hoppa till innehåll</SkipLink>
      <header className="site-header">
        <div className="container header-inner">
          <Link to={staff ? '/' : '/logga-in'} className="brand">
            <span className="brand-name">Vägen</span>
            <span className="brand-sub">Ekonomiskt bistånd{staff ? ` · ${staff.user.municipality.name}` : ''}</span>
          </Link>
          {staff && (
            <div className="header-user">
              <p className="user-info">
                <span className="user-name">{staff.user.displayName}</span>
                <span className="user-role">{staff.user.roleLabel}</span>
              </p>
              <button
                type="button"
                className="button button-header"
                onClick={async () => {
                  await logout();
                  navigate('/logga-in', { replace: true });
                }}
              >
                Logga ut
              </button>
            </div>
          )}
        </div>
        {staff && (
          <nav className="main-nav" aria-label="Huvudmeny">
            <div className="container">
              <ul>
                <li>
                  <NavLink to="/" end>
                    Start
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/arenden" end={false}>
                    Ärenden
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/ko">Min kö</NavLink>
                </li>
                {canUseIntake(staff.user.role) && (
                  <li>
                    <NavLink to="/mottagning">Mottagning</NavLink>
                  </li>
                )}
                {(staff.user.role === 'unitManager' || staff.user.role === 'deputyUnitManager') && (
                  <li>
                    <NavLink to="/logg">Logguppföljning</NavLink>
                  </li>
                )}
                {canUseKassa(staff.user.role) && (
                  <li>
                    <NavLink to="/kassa">Kassa</NavLink>
                  </li>
                )}
                {canAdminister(staff.user.role) && (
                  <li>
                    <NavLink to="/admin" end>
                      Användare och enheter
                    </NavLink>
                  </li>
                )}
                {canAdminister(staff.user.role) && (
                  <li>
                    <NavLink to="/admin/regler">Regelverk</NavLink>
                  </li>
                )}
              </ul>
            </div>
          </nav>
        )}
      </header>
      <main id="innehall" tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Vägen – ärendesystem för ekonomiskt bistånd. Uppgifterna omfattas av sekretess (OSL 26 kap. 1 §). Alla läsningar loggas.</p>
        </div>
      </footer>
    </div>
  );
}

/** Staff pages: wait for the session, otherwise go to /logga-in and come back afterwards. */
export function RequireStaff() {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <Loading text="Kontrollerar inloggning …" />;
  if (session?.kind !== 'staff') return <Navigate to="/logga-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

export function StaffNotFound() {
  useDocumentTitle('Sidan finns inte');
  return (
    <>
      <PageHeading>Sidan finns inte</PageHeading>
      <p>Sidan du letar efter finns inte. Kontrollera adressen.</p>
      <p>
        <Link to="/arenden">Gå till ärendelistan</Link>
      </p>
    </>
  );
}
