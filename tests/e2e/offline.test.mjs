// Offline: after one visit the service worker has the page and the wasm;
// with the network cut (browser offline and the server shut down) a reload
// still shows a working page. Served under a sub-path.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, waitReady, analyseText, entityRows, readReference, foreignRequests } from "./helpers.mjs";

let server, browser;
before(async () => {
  server = await serve(undefined, { base: "/teks/" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("manifest is valid and relative", async () => {
  const { page, context } = await openPage(browser, server.url);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    return (await fetch(href)).json();
  });
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.scope, "./");
  assert.equal(manifest.short_name, "teks");
  assert.ok(manifest.icons.length >= 1 && manifest.icons.every((i) => !/^(\/|[a-z]+:)/.test(i.src)));
  await context.close();
});

test("works offline after the first visit", async () => {
  const { page, log, context } = await openPage(browser, server.url, { serviceWorkers: "allow" });
  await waitReady(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  const cached = await page.evaluate(async () => {
    const keys = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) keys.push(new URL(req.url).pathname);
    }
    return keys;
  });
  for (const f of ["/teks/", "/teks/main.js", "/teks/worker.js", "/teks/pkg/teks.js", "/teks/pkg/teks_bg.wasm", "/teks/style.css"]) {
    assert.ok(cached.includes(f), `${f} not cached: ${cached}`);
  }
  assert.ok(cached.some((f) => f.startsWith("/teks/pkg/snippets/")), "wasm-bindgen snippet not cached");
  // Installing the service worker fetched only the page's own files.
  assert.deepEqual(foreignRequests(log, server.origin), []);
  assert.ok(log.requests.every((u) => new URL(u).pathname.startsWith("/teks/")), log.requests.join(" "));

  // Cut the network: the browser goes offline and the server goes away.
  await context.setOffline(true);
  await server.close();
  const before = server.served.length;
  await page.reload();
  await waitReady(page);
  await analyseText(page, readReference());
  const rows = await entityRows(page);
  assert.ok(rows.some((r) => r.type === "PER" && r.name.includes("Kim")), JSON.stringify(rows));
  assert.equal(await page.getAttribute('[data-stat="language"] dd', "data-language"), "id");
  assert.equal(server.served.length, before, "the server was reached while offline");
  assert.deepEqual(log.errors, []);
  await context.close();
});
