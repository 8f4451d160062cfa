// Offline: every file of the site is kept on the device at install, and served from there
// first, so the app (and its crisis numbers) open with no signal.  The cache name carries a hash
// of the files, so a new deployment replaces the old copy on the next visit.
const CACHE = '__CACHE_NAME__';
const FILES = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const key = request.mode === 'navigate' ? './' : request;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(key, { ignoreSearch: request.mode === 'navigate' }).then((hit) => hit || fetch(request))));
});
