import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app/styles.css';
import { I18nProvider } from './app/i18n/index.tsx';
import { router } from './routes.tsx';
import { SessionProvider } from './app/session.tsx';

// Designsystemet's web layer (custom elements, popover and invoker polyfills) upgrades what is drawn: it loads beside
// the first page rather than before it (deferDesignsystemetWebPlugin in vite.config.ts). Without it the pages still
// work, so a failed load is left to the next visit.
import('@digdir/designsystemet-web').catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
