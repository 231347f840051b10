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
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // Signing out forgets the offline copies of questionnaire pages, so the next person on a shared device
  // cannot read them. (Unsent answers stay in localStorage under their author's id and are only sent by
  // that person's page.)
  if (req.method === 'POST' && url.pathname === '/sign-out') {
    e.waitUntil(caches.delete(PAGES));
    return;
  }
  if (req.method !== 'GET') return;
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
          // A page that now answers with sign-in (redirect) or an error is no longer this person's to keep.
          if (res.ok && !res.redirected) caches.open(PAGES).then((c) => c.put(url.pathname, res.clone()));
          else caches.open(PAGES).then((c) => c.delete(url.pathname));
          return res;
        })
        .catch(() => caches.open(PAGES).then((c) => c.match(url.pathname)).then((hit) => hit || Response.error())),
    );
  }
});
