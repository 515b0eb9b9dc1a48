// Marrow Factory's service worker: keeps every file of the build for offline use. How it works and
// how updates wait for the next visit: README.md, "Offline use". BUILD and BUILD_FILES are filled in
// after each build by tools/stamp-service-worker.mjs (Trunk.toml's post_build hook).
const BUILD = 'unstamped';
const BUILD_FILES = [];

const CACHE_PREFIX = 'marrow-factory-';
const CACHE = CACHE_PREFIX + BUILD;
// Kept even unstamped: the page, the model's notes ("About the model"), the manifest, the icons.
const CORE_FILES = [
  './',
  'index.html',
  'README.md',
  'manifest.webmanifest',
  'icons/icon.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
];

self.addEventListener('install', (event) => {
  const files = [...new Set([...CORE_FILES, ...BUILD_FILES])];
  // `cache: 'reload'` skips the HTTP cache: the new build's files come fresh. No skipWaiting.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(files.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  // Old builds' caches go once no page uses them; the first install takes the open page.
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

/** Cache first; what the cache lacks comes from the network and is kept for next time. */
async function answer(request) {
  const cache = await caches.open(CACHE);
  // A page opened with a link (?preset=…, ?case=…) is the same page: its query is for the app.
  const navigation = request.mode === 'navigate';
  const cached = await cache.match(request, { ignoreSearch: navigation })
    ?? (navigation ? await cache.match('./') : undefined);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
  }
  return response;
}
