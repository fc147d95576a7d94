import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { outbox } from './outbox/service';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (emitted by the build, see build/pwa-plugin.ts) makes /m open offline. Only in
// production builds: in development it would serve stale modules.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => undefined);
  });
}

/**
 * Diagnostics for support and the browser tests: `__lastmeterOutbox.replay()` sends every synced
 * item again, as a phone that crashed before the answers would; the server keeps one copy of each.
 */
declare global {
  interface Window {
    __lastmeterOutbox?: { replay: () => Promise<number>; syncNow: () => Promise<void>; snapshot: () => unknown };
  }
}
window.__lastmeterOutbox = { replay: () => outbox.replayAll(), syncNow: () => outbox.syncNow(), snapshot: () => outbox.current };
