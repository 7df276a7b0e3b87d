// refrain's service worker: the page, the iframe embed and the classroom page keep working
// offline after a first visit. A classic script (every browser with service workers runs it).
//
// - pkg/precache.js (written by scripts/precache.mjs with `make wasm`) names refrain's own files
//   (the app shell, the WebAssembly engine, the demo statements) and their version. Installing
//   this worker caches them all in the cache `refrain-<version>`; activating it deletes the
//   caches of other versions.
// - Those files are served from the cache first; a page's address is looked up without its query
//   (embed.html?demo=… is embed.html). Every other request goes to the network as if there were
//   no service worker, and nothing else is ever cached. Where the browser has the static routing
//   API (InstallEvent.addRoutes: Chromium), it does the same for the files without a query itself,
//   without starting this worker or running its fetch handler: a page's second visit loads
//   sooner. A user's statements never make a request: they stay in the page and its IndexedDB.
// - A new deployment changes pkg/precache.js, which the browser checks with this script, so a new
//   worker installs and waits; the page shows a notice (js/offline.js), whose Reload button
//   sends {type: 'skip-waiting'} so the new version takes over.
/* global importScripts */
importScripts('./pkg/precache.js');

const { version, files } = self.REFRAIN_PRECACHE;
const CACHE = `refrain-${version}`;
const SCOPE = new URL('./', self.location.href);
const PRECACHED = new Set(files.map((f) => new URL(f, SCOPE).href));

self.addEventListener('install', (event) => {
  // Where the browser has the static routing API, it serves refrain's files from the cache itself,
  // without starting this worker or running its fetch handler, and a file not in the cache from
  // the network; a folder's address (the page's, cached as index.html) and an address with a
  // query (embed.html?demo=…) are left to the fetch handler.
  event.addRoutes?.([
    { condition: { urlPattern: new URLPattern({ pathname: '*/' }) }, source: 'fetch-event' },
    {
      condition: { urlPattern: new URLPattern({ pathname: `${SCOPE.pathname}*`, search: '' }), requestMethod: 'GET' },
      source: { cacheName: CACHE },
    },
  ]);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files.map((f) => new Request(new URL(f, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('refrain-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// The cache, opened once for all the requests this worker serves.
let cacheOpened = null;
function opened() {
  cacheOpened ??= caches.open(CACHE).catch((e) => {
    cacheOpened = null;
    throw e;
  });
  return cacheOpened;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  let key = url.origin + url.pathname;
  if (request.mode === 'navigate' && key.endsWith('/')) key += 'index.html';
  if (!PRECACHED.has(key)) return;
  event.respondWith(
    opened()
      .then((cache) => cache.match(key))
      .then((cached) => cached || fetch(request)),
  );
});
