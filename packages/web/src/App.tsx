import { useEffect } from 'react';
import { Route, Routes } from 'react-router-dom';
import { onUnauthorized } from './api/client.ts';
import { useSession } from './session.tsx';
import { RouteFocus } from './components/page.tsx';
import { StaffLayout, RequireStaff, StaffNotFound } from './staff/StaffLayout.tsx';
import { StaffLoginPage } from './staff/LoginPage.tsx';
import { CaseListPage } from './staff/CaseListPage.tsx';
import { CasePage } from './staff/CasePage.tsx';
import { AuditLogPage } from './staff/AuditLogPage.tsx';
import { QueuePage } from './queue/QueuePage.tsx';
import { IntakeQueuePage } from './intake/IntakeQueuePage.tsx';
import { RegisterIntakePage } from './intake/RegisterIntakePage.tsx';
import { IntakePage } from './intake/IntakePage.tsx';
import { ClientLayout, RequireClient, ClientNotFound } from './client/ClientLayout.tsx';
import { ClientLoginPage } from './client/ClientLoginPage.tsx';
import { MyPagesStart } from './client/MyPagesStart.tsx';
import { KassaPage } from './payments/KassaPage.tsx';
import { RulesListPage } from './admin/rules/RulesListPage.tsx';
import { RuleDocumentPage } from './admin/rules/RuleDocumentPage.tsx';
import { StartPage } from './start/StartPage.tsx';
import { AdminArea } from './admin/AdminArea.tsx';

/**
 * Any 401 from the API: forget the session. The route guards (RequireStaff, RequireClient) then send the user to
 * the sign-in page for the side they are on, which says that they were signed out.
 */
function UnauthorizedRedirect(): null {
  const { setSession } = useSession();
  useEffect(() => {
    onUnauthorized(() => setSession(null, 'expired'));
    return () => onUnauthorized(null);
  }, [setSession]);
  return null;
}

export function App() {
  return (
    <>
      <UnauthorizedRedirect />
      <RouteFocus />
      <Routes>
        <Route path="/mina-sidor" element={<ClientLayout />}>
          <Route path="logga-in" element={<ClientLoginPage />} />
          <Route element={<RequireClient />}>
            <Route index element={<MyPagesStart />} />
          </Route>
          <Route path="*" element={<ClientNotFound />} />
        </Route>
        <Route element={<StaffLayout />}>
          <Route path="/logga-in" element={<StaffLoginPage />} />
          <Route element={<RequireStaff />}>
            <Route index element={<StartPage />} />
            <Route path="/arenden" element={<CaseListPage />} />
            <Route path="/arenden/:id" element={<CasePage />} />
            <Route path="/logg" element={<AuditLogPage />} />
            <Route path="/ko" element={<QueuePage />} />
            <Route path="/mottagning" element={<IntakeQueuePage />} />
            <Route path="/mottagning/ny" element={<RegisterIntakePage />} />
            <Route path="/mottagning/:id" element={<IntakePage />} />
            <Route path="/kassa" element={<KassaPage />} />
            <Route path="/admin/regler" element={<RulesListPage />} />
            <Route path="/admin/regler/:documentId" element={<RuleDocumentPage />} />
            <Route path="/admin/*" element={<AdminArea />} />
          </Route>
          <Route path="*" element={<StaffNotFound />} />
        </Route>
      </Routes>
    </>
  );
}
