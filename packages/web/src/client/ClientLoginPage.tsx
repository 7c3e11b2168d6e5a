import { Navigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { PageHeading, useDocumentTitle } from '../components/page.tsx';

/** Where the e-ID sign-in starts. A full page navigation: the server redirects to the e-ID provider. */
export const CLIENT_AUTH_START = '/api/v1/client-auth/start?returnTo=/mina-sidor';

export function ClientLoginPage() {
  const { t } = useI18n();
  const { session, endReason: reason } = useSession();
  // The e-ID callback comes back here with ?fel=avbruten|okand when the sign-in could not be completed.
  const [params] = useSearchParams();
  const fel = params.get('fel');
  const errorKey = fel === 'avbruten' ? 'login.error.avbruten' : fel === 'okand' ? 'login.error.okand' : fel ? 'login.error.other' : null;
  useDocumentTitle(errorKey ? `${t('login.errorTitle')}: ${t('login.title')}` : t('login.title'));

  if (session?.kind === 'client') return <Navigate to="/mina-sidor" replace />;

  return (
    <div className="narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      {errorKey && (
        <div className="error-summary" role="alert">
          <h2 className="error-summary-title">{t('login.errorTitle')}</h2>
          <p>{t(errorKey)}</p>
        </div>
      )}
      {reason === 'expired' && <p className="notice">{t('login.expired')}</p>}
      {reason === 'loggedOut' && <p className="notice notice-success">{t('login.loggedOut')}</p>}
      {session?.kind === 'staff' && <p className="notice">{t('login.staffSession')}</p>}

      <section className="card" aria-labelledby="how-heading">
        <h2 id="how-heading">{t('login.howHeading')}</h2>
        <p>{t('login.eid')}</p>
        <ol className="steps">
          <li>{t('login.step1')}</li>
          <li>{t('login.step2')}</li>
          <li>{t('login.step3')}</li>
        </ol>
        <p>
          <a className="button button-primary button-large" href={CLIENT_AUTH_START}>
            {t('login.button')}
          </a>
        </p>
      </section>

      <section aria-labelledby="no-eid-heading" className="section">
        <h2 id="no-eid-heading">{t('login.noEidHeading')}</h2>
        <p>{t('login.noEid')}</p>
      </section>
    </div>
  );
}
