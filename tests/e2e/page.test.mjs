// The foundation path: paste the reference article, press Analyse, see the
// language, stats, sentences and entity table; nothing else happens (no
// errors, no foreign or late requests, no CSP violations). The page is served
// under a sub-path to prove it only uses relative URLs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, waitReady, analyseText, entityRows, readReference, foreignRequests } from "./helpers.mjs";

const OWN_FILES = new Set(["", "index.html", "style.css", "boot.js", "main.js", "i18n.js", "csv.js", "worker.js", "pkg/teks.js",
  "pkg/teks_bg.wasm", "manifest.webmanifest", "icon.svg", "sw.js"]);
let server, browser;

before(async () => {
  server = await serve(undefined, { base: "/some/sub/path/" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("reference article: language, stats, sentences, entities; no errors, no late or foreign requests", async () => {
  const { page, log, context } = await openPage(browser, server.url);
  await waitReady(page);
  const requestsAtReady = log.requests.length;
  await analyseText(page, readReference());

  // Language
  assert.equal(await page.getAttribute('[data-stat="language"] dd', "data-language"), "id");

  // Sentences: the count shown equals the numbered items.
  const shown = Number(await page.textContent("#sentence-count"));
  const items = await page.locator("#sentences > li").count();
  assert.equal(shown, items);
  assert.ok(items >= 10, `only ${items} sentences`);
  assert.equal(await page.evaluate(() => document.getElementById("sentences").tagName), "OL");
  const statSentences = await page.textContent('[data-stat="sentences"] dd');
  assert.equal(Number(statSentences), items);

  // Entities
  const rows = await entityRows(page);
  const kim = rows.find((r) => r.name === "Kim Jong-Un") || rows.find((r) => r.name.includes("Kim") && r.type === "PER");
  assert.ok(kim, `no Kim entity in ${JSON.stringify(rows)}`);
  assert.equal(kim.type, "PER");
  assert.ok(kim.count >= 2, `Kim count ${kim.count}`);
  const us = rows.find((r) => r.type === "LOC" && (r.name === "Amerika Serikat" || r.name === "AS"
    || r.aliases.split(", ").includes("AS")));
  assert.ok(us, `no Amerika Serikat/AS LOC entity in ${JSON.stringify(rows)}`);
  assert.ok(us.count >= 5, `Amerika Serikat count ${us.count}`);
  for (const r of rows) {
    assert.ok(r.name.length > 0);
    assert.ok(Number.isInteger(r.count) && r.count >= 1);
    assert.match(r.type, /^[A-Z]+$/);
  }
  // The entity count stat matches the rows.
  assert.equal(Number(await page.textContent('[data-stat="entities"] dd')), rows.length);

  // Cleaned text is shown, without the promo lines the cleaner removed.
  const cleaned = await page.textContent("#cleaned");
  assert.ok(cleaned.includes("Pyongyang menyatakan dirinya"));
  const removed = await page.$$eval("#marked del.removed", (d) => d.map((x) => x.textContent));
  for (const r of removed) assert.ok(!cleaned.includes(r.trim()), `removed part still in cleaned text: ${r}`);

  // Highlighted text: every mark is exactly its slice of the input.
  const marksOk = await page.evaluate(() => {
    const input = document.getElementById("input").value;
    return [...document.querySelectorAll("#marked mark")].length > 0
      && document.getElementById("marked").textContent.replace(/Restore|Pulihkan/g, "") === input;
  });
  assert.ok(marksOk, "highlighted text does not reproduce the input");

  // Nothing went wrong and nothing left the page.
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.csp, []);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(foreignRequests(log, server.origin), []);
  assert.equal(log.requests.length, requestsAtReady, `requests after load: ${log.requests.slice(requestsAtReady)}`);
  for (const u of log.requests) {
    const rel = new URL(u).pathname.replace("/some/sub/path/", "");
    assert.ok(OWN_FILES.has(rel) || /^pkg\/snippets\/[\w-]+\/inline\d+\.js$/.test(rel), `unexpected request ${u}`);
  }
  await context.close();
});

test("CSP meta is strict and there are no inline scripts, styles or handlers", async () => {
  const { page, log, context } = await openPage(browser, server.url);
  await waitReady(page);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
  const inline = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src).length,
    styles: document.querySelectorAll("style, [style]").length,
    handlers: [...document.querySelectorAll("*")].filter((n) => [...n.attributes].some((a) => a.name.startsWith("on"))).length,
    absolute: [...document.querySelectorAll("[src], [href]")]
      .map((n) => n.getAttribute("src") || n.getAttribute("href"))
      .filter((u) => /^(\/|[a-z]+:)/i.test(u)),
  }));
  assert.deepEqual(inline, { scripts: 0, styles: 0, handlers: 0, absolute: [] });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("one worker: boot.js starts it while the page loads and main.js adopts it", async () => {
  const { page, log, context } = await openPage(browser, "about:blank");
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(server.url);
  await waitReady(page);
  await analyseText(page, "Presiden Joko Widodo tiba di Surabaya. Ia bertemu warga.");
  // boot.js was loaded and its worker is the only one (main.js started none).
  assert.ok(log.requests.some((u) => u.endsWith("/boot.js")));
  assert.equal(workers.length, 1, JSON.stringify(workers));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("without boot.js the page starts its own worker", async () => {
  const { page, log, context } = await openPage(browser, "about:blank");
  await context.route("**/boot.js", (route) => route.fulfill({ status: 404, body: "gone" }));
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(server.url);
  await waitReady(page);
  await analyseText(page, "Presiden Joko Widodo tiba di Surabaya. Ia bertemu warga.");
  assert.ok((await entityRows(page)).some((r) => r.name === "Joko Widodo"));
  assert.equal(workers.length, 1, JSON.stringify(workers));
  assert.deepEqual(log.errors.filter((e) => !/boot\.js|404/.test(e)), []);
  await context.close();
});

test("a failed wasm init is shown as an error state", async () => {
  const { page, context } = await openPage(browser, "about:blank");
  await context.route("**/pkg/teks_bg.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.classList.contains("init-failed"), null, { timeout: 20000 });
  assert.match(await page.textContent("#status"), /could not start|gagal dimulai/);
  assert.equal(await page.isDisabled("#analyse"), true);
  await context.close();
});

test("a worker script that fails to load is shown as an error state", async () => {
  const { page, context } = await openPage(browser, "about:blank");
  await context.route("**/worker.js", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.classList.contains("init-failed"), null, { timeout: 20000 });
  assert.match(await page.textContent("#status"), /could not start|gagal dimulai/);
  await context.close();
});

test("stale replies are dropped: only the last request's result is shown", async () => {
  const { page, log, context } = await openPage(browser, server.url);
  await waitReady(page);
  // Two requests in a row; the first one's reply must not overwrite the second.
  await page.evaluate(() => {
    const input = document.getElementById("input");
    input.value = "Joko Widodo bertemu Prabowo Subianto di Jakarta. ".repeat(2000);
    document.getElementById("analyse").click();
    input.value = "Presiden Joko Widodo tiba di Surabaya pada hari Senin. Ia bertemu warga.";
    document.getElementById("analyse").click();
  });
  await page.waitForFunction(() => !document.body.classList.contains("busy") && !document.getElementById("results").hidden);
  await page.waitForTimeout(300);
  const rows = await entityRows(page);
  assert.ok(!rows.some((r) => r.name.includes("Prabowo")), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.name.includes("Surabaya")), JSON.stringify(rows));
  assert.equal(await page.locator("#sentences > li").count(), 2);
  assert.deepEqual(log.errors, []);
  await context.close();
});
