// Service worker for the questionnaire: questionnaire pages are fetched from the network first and kept
// as a fallback, fingerprinted static files are served from the cache, so a respondent who loses the
// connection can still reload the page; unsent answers wait in localStorage (questionnaire.js).
const PAGES = 'metep-pages-v1';
const STATIC = 'metep-static-v1';
const QUESTIONNAIRE = /^\/assessments\/[^/]+\/answer\/[A-Z]$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/static/')) {
    e.respondWith(
      caches.open(STATIC).then(async (c) => {
        const hit = await c.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) c.put(req, res.clone());
        return res;
      }),
    );
  } else if (QUESTIONNAIRE.test(url.pathname)) {
    e.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) caches.open(PAGES).then((c) => c.put(url.pathname, res.clone()));
          return res;
        })
        .catch(() => caches.open(PAGES).then((c) => c.match(url.pathname)).then((hit) => hit || Response.error())),
    );
  }
});
