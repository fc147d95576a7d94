/*
 * The phone app's service worker, scope /m/. The build (build/pwa-plugin.ts) puts VERSION and
 * PRECACHE (the shell and every file of the phone app, the lazy map included) above this code.
 *  - /assets/* (hashed, never change): cache first.
 *  - navigations under /m/: network first (4 s), falling back to the cached shell, so /m/ opens offline.
 *  - /m/ static files (manifest, icons): cache first, refreshed in the background.
 *  - /api/*: never cached; the app keeps its own copies and its outbox in IndexedDB.
 */
/* global VERSION, PRECACHE */
const CACHE = `lastmeter-m-${VERSION}`;
const SHELL = '/m/';
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('lastmeter-m-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/m/')) event.respondWith(networkFirstShell(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/m/')) event.respondWith(cacheFirst(request, true));
});

async function networkFirstShell(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS)),
    ]);
    // Every path under /m/ is the same page: keep the newest copy as the shell.
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) await cache.put(SHELL, response.clone());
    return response;
  } catch {
    const cached = await cache.match(SHELL);
    return cached || Response.error();
  }
}

async function cacheFirst(request, refresh = false) {
  const cached = await caches.match(request);
  const fetching = fetch(request)
    .then(async (response) => {
      if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
      return response;
    })
    .catch(() => null);
  if (cached) {
    if (refresh) void fetching;
    return cached;
  }
  return (await fetching) || Response.error();
}
