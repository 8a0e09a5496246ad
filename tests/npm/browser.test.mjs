// The built npm package in Chromium without a bundler: direct import, and the
// worker helper with progress and cancellation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, readReference, ROOT } from "../e2e/helpers.mjs";

let server, browser, page;
const errors = [];

before(async () => {
  server = await serve(ROOT);
  browser = await launch();
  page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + "tests/npm/fixture/index.html");
  await page.waitForFunction(() => document.getElementById("status").textContent === "ready");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("direct import analyses in the page", async () => {
  const text = readReference();
  const r = await page.evaluate((t) => {
    const a = window.teks.analyse(t);
    return { lang: a.language, ok: a.entities.every((e) => e.mentions.every((m) => t.slice(m.start, m.end) === m.text)), n: a.entities.length };
  }, text);
  assert.deepEqual({ lang: r.lang, ok: r.ok }, { lang: "id", ok: true });
  assert.ok(r.n > 3);
});

test("createAnalyser runs in a worker, reports progress, and cancels", async () => {
  const text = readReference();
  const r = await page.evaluate(async (t) => {
    const analyser = window.createAnalyser();
    const progress = [];
    const result = await analyser.analyse(t, { lang: "id" }, { onProgress: (d, n) => progress.push(d / n) });
    const ctrl = new AbortController();
    const cancelled = analyser.analyse(t.repeat(200), undefined, { signal: ctrl.signal });
    ctrl.abort();
    const outcome = await cancelled.then(() => "resolved", (e) => e.name);
    const after = await analyser.analyse("Satu. Dua.");
    const bad = await analyser.analyse("x", { lang: "xx" }).then(() => "resolved", (e) => e.message);
    analyser.terminate();
    return { language: result.language, progress, outcome, afterSentences: after.sentences.length, bad };
  }, text);
  assert.equal(r.language, "id");
  assert.equal(r.progress.at(-1), 1);
  assert.equal(r.outcome, "AbortError");
  assert.equal(r.afterSentences, 2);
  assert.match(r.bad, /xx/);
  assert.deepEqual(errors, []);
});
