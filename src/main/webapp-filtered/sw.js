// Plume's service worker: the page opens when the network does not (it shows "offline", not a
// browser error), and never serves an old page after a deployment.
//
// - Only the page's own files are ever cached: never API answers, avatars, images or files
//   (everything under /api/), never the WebSocket.
// - Network first: online, every file comes fresh from the server, so a deployment is seen at
//   once; a copy is kept in this version's cache for when the network is gone.
// - The cache is per build (VERSION is written by the build): a new deployment is a new worker
//   with a new cache; the page offers to reload into it, and old caches are deleted.
const VERSION = '${plume.build}';
const CACHE = 'plume-shell-' + VERSION;
const SHELL = ['/', '/css/app.css', '/js/app.js', '/js/theme-boot.js', '/favicon.svg', '/manifest.webmanifest'];
// What may be kept: the page's own files, by plain path (no query string, so the cache has a
// bound). Nothing under /api/ (answers, avatars, images, files) ever matches.
const KEPT = /^\/(?:$|index\.html$|favicon\.svg$|manifest\.webmanifest$|(?:css|js|icons|emoji)\/[\w./-]+$)/;

function keepable(url) {
    return url.origin === self.location.origin && !url.search && KEPT.test(url.pathname);
}

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
    event.waitUntil(caches.keys()
        .then((keys) => Promise.all(keys.filter((key) => key.startsWith('plume-shell-') && key !== CACHE)
            .map((key) => caches.delete(key))))
        .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
    if (event.data === 'skip-waiting') self.skipWaiting();
    // The page names the modules it loaded before this worker controlled it: kept for offline.
    if (event.data?.type === 'keep' && Array.isArray(event.data.urls)) {
        const urls = event.data.urls.slice(0, 500).filter((url) => keepable(new URL(url, self.location.origin)));
        event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => {})))));
    }
});

self.addEventListener('fetch', (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || !keepable(url)) return;
    event.respondWith(fetch(request)
        .then((response) => {
            if (response.ok && response.type === 'basic') {
                const copy = response.clone();
                event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
        })
        .catch(() => caches.match(request)
            .then((hit) => hit ?? Response.error())));
});
