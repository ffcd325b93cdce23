import '@mantine/core/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiError } from './api';
import { I18nProvider } from './i18n';
import { cssVariablesResolver, theme } from './theme';

/**
 * The server puts a fresh nonce in <meta name="csp-nonce"> per response; every <style> Mantine
 * injects carries it, so the CSP can stay at style-src 'self' 'nonce-…'. Without a real nonce
 * (vite dev server), no nonce is set.
 */
function readNonce(): string | undefined {
  const value = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return value === '' || value === '__CSP_NONCE__' ? undefined : value;
}

const nonce = readNonce();
// react-remove-scroll (used by Mantine's Modal) injects its own <style> and takes the nonce from
// get-nonce, which falls back to this global.
if (nonce !== undefined) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a hiccup: retry only when the server could not be reached.
      retry: (failures, error) =>
        failures < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      {...(nonce === undefined ? {} : { getStyleNonce: () => nonce })}
    >
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
