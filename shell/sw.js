// @ts-check
// Offline, and new releases at once (issue 25).  Every file of the site is kept on the device at
// install, so the app and its crisis numbers open with no signal.  But a page is asked of the
// network first: a changed crisis number reaches a person on their first visit that reaches the
// network, not the visit after.  A page load waits PAGE_WAIT_MS for the network, then takes the
// copy kept here (a signal that connects but carries nothing must not hold back the numbers).
// A page never runs with files of another release: a page of this worker's release (the copy,
// or the network's page when nothing has changed) takes its files from the copy, with no wait
// on the network; a page of another release takes them from the network first.  What this costs
// is measured in README.md ("Offline, and new releases").
const RELEASE = '__RELEASE__';
const CACHE = 'cpa-release-' + RELEASE;
const FILES = __PRECACHE__;
const PAGE_WAIT_MS = 3000;
// Releases before this one kept their copy as 'cpa-companion-<hash>' and served it first, so a
// page open now under such a copy runs that older release, with its older crisis numbers.
const CACHE_FIRST_RELEASE = /^cpa-companion-[0-9a-f]{16}$/;

// This worker's global scope, a service worker's (TypeScript's lib knows `self` as a worker's only).
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

// Each page (client id) this worker served: whether it is of this worker's release, so that its
// files come from the copy kept here (a promise: the network's page is read as it streams in).
const sameRelease = new Map();

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((n) => n !== CACHE);
    await Promise.all(older.map((n) => caches.delete(n)));
    await worker.clients.claim();
    // A page an older, cache-first release is showing is loaded again, now from the network.
    if (older.some((n) => CACHE_FIRST_RELEASE.test(n))) {
      for (const client of await worker.clients.matchAll({ type: 'window' })) client.navigate(client.url).catch(() => {});
    }
  })());
});

// The network's answer, or null if it fails or (for a page) is slower than waitMs.
/** @param {Request} request @param {number} waitMs @returns {Promise<Response|null>} */
function fromNetwork(request, waitMs) {
  const answer = fetch(request).then((r) => (r.ok ? r : null), () => /** @type {Response|null} */ (null));
  if (!waitMs) return answer;
  return Promise.race([answer, new Promise((resolve) => setTimeout(() => resolve(null), waitMs))]);
}

// caches.match with the cache's name, never caches.open: opening would make the cache again,
// empty, after Delete everything has deleted it (this worker serves the page until it is closed).
/** @param {FetchEvent} event */
async function page(event) {
  const copy = await caches.match('./', { cacheName: CACHE, ignoreSearch: true });
  const fresh = await fromNetwork(event.request, copy ? PAGE_WAIT_MS : 0);
  const answer = fresh || copy || (await fetch(event.request));
  const ours = answer === copy ? Promise.resolve(true)
    : answer.clone().text().then((html) => html.includes(`data-release="${RELEASE}"`), () => false);
  if (event.resultingClientId) sameRelease.set(event.resultingClientId, ours);
  return answer;
}

/** @param {FetchEvent} event */
async function file(event) {
  const kept = () => caches.match(event.request, { cacheName: CACHE });
  if (await (sameRelease.get(event.clientId) || false)) {
    const copy = await kept();
    if (copy) return copy;
  }
  return (await fromNetwork(event.request, 0)) || (await kept()) || fetch(event.request);
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== worker.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(event) : file(event));
});
