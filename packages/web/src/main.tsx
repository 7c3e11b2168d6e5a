import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { SessionProvider } from './session.tsx';
import { I18nProvider } from './i18n/I18n.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <I18nProvider>
          <App />
        </I18nProvider>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
