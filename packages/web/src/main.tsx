import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App } from './App.tsx';
import { SessionProvider } from './session.tsx';
import { I18nProvider } from './i18n/I18n.tsx';
import { UnsavedChangesGuard } from './components/unsaved-changes.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas');

// A data router (one route holding the app's own <Routes>), so that a form with unsaved changes can ask before the
// page is left (useBlocker needs one).
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <SessionProvider>
        <I18nProvider>
          <UnsavedChangesGuard />
          <App />
        </I18nProvider>
      </SessionProvider>
    ),
  },
]);

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
