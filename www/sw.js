// Offline support: precache the page and the wasm; network first (so a new
// build shows up at once), the cache when the network is gone.
const CACHE = "teks-v1";
const FILES = [
  "./", "index.html", "boot.js", "main.js", "i18n.js", "csv.js", "worker.js", "style.css",
  "manifest.webmanifest", "icon.svg", "pkg/teks.js", "pkg/teks_bg.wasm",
];

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then(async (c) => {
    await c.addAll(FILES);
    // wasm-bindgen's JS snippets have hashed names: find them in pkg/teks.js.
    const glue = await (await c.match("pkg/teks.js")).text();
    const snippets = [...glue.matchAll(/from\s*["'](\.\/snippets\/[^"']+)["']/g)].map((m) => `pkg/${m[1].slice(2)}`);
    await c.addAll(snippets);
  }).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          e.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
        }
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: true })
        .then((hit) => hit || (req.mode === "navigate" ? caches.match("./") : undefined))
        .then((hit) => hit || Response.error())),
  );
});
