import { Link, Navigate, Outlet, useNavigate } from 'react-router-dom';
import { useSession } from '../session.tsx';
import { LanguageSwitcher, useHtmlLang, useI18n } from '../i18n/I18n.tsx';
import { Loading, PageHeading, SkipLink, useDocumentTitle } from '../components/page.tsx';

export function ClientLayout() {
  const { lang, dir, t } = useI18n();
  useHtmlLang(lang, dir);
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const client = session?.kind === 'client' ? session : null;

  return (
    <div className="app client">
      <SkipLink>{t('skipLink')}</SkipLink>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/mina-sidor" className="brand">
            <span className="brand-name">{t('site.name')}</span>
            <span className="brand-sub">
              <span lang="sv">Vägen</span> · {t('site.tagline')}
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitcher />
            {client && (
              <div className="header-user">
                <p className="user-info">
                  <span className="user-name">{t('signedInAs', { name: `${client.person.firstName} ${client.person.lastName}` })}</span>
                </p>
                <button
                  type="button"
                  className="button button-header"
                  onClick={async () => {
                    await logout();
                    navigate('/mina-sidor/logga-in', { replace: true });
                  }}
                >
                  {t('logout')}
                </button>
              </div>
            )}
          </div>
        </div>
      </header>
      <main id="innehall" tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.help')}</p>
          <p>{t('footer.name')}</p>
        </div>
      </footer>
    </div>
  );
}

export function RequireClient() {
  const { session } = useSession();
  const { t } = useI18n();
  if (session === undefined) return <Loading text={t('start.loading')} />;
  if (session?.kind !== 'client') return <Navigate to="/mina-sidor/logga-in" replace />;
  return <Outlet />;
}

export function ClientNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/mina-sidor">{t('notFound.link')}</Link>
      </p>
    </>
  );
}
