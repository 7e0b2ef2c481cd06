// Cert Diagnostic's service worker. scripts/postbuild.py fills in the cache
// name and file list from the hashed build output, so a new build never
// serves a mix of old and new files.
const CACHE = '__CACHE__';
const BASE = '__BASE__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cert-diagnostic-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A new version waits until the page says the test-taker chose to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (request.mode === 'navigate') {
        // Every screen is its route's index.html, whatever the query.
        const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
        const page = (await cache.match(`${path}index.html`)) || (await cache.match(`${BASE}index.html`));
        if (page) return page;
        return fetch(request);
      }
      return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
    })(),
  );
});
