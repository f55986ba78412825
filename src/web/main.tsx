// Mantine's global styles; each component brings its own (scripts/vite/mantine-css.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, useLocation } from 'react-router';
import { RouteErrorBoundary } from './app/ErrorPages.tsx';
import { Providers } from './app/Providers.tsx';
import { AppRoutes } from './app/router.tsx';
import { initI18n } from './i18n/index.ts';

/** The routes, with a crash page should the layout itself fail. */
function Routes() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary resetKey={pathname}>
      <AppRoutes />
    </RouteErrorBoundary>
  );
}

async function start(): Promise<void> {
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <BrowserRouter>
          <Routes />
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  );
}

void start();
