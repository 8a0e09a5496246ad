// `make bench` (after `make build`): teks against compromise, wink-nlp and
// sentencex-wasm, in Node and in headless Chromium, on the same generated
// 1 MiB Indonesian and English texts (bench/data.mjs); page weight (gzip of
// every file the page loads), navigation → first result, wasm memory over
// 1,000 analyses of a 100 KB text, and the Rust scale check
// (examples/scale.rs). Writes bench/results.json and prints a summary.
//
// Options (environment): BENCH_RUNS (default 5), BENCH_SKIP=node,chromium,
// scale,page (comma list), BENCH_ONLY=teks,wink-nlp (contenders to time).

import { readFileSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { indonesian, english, slice, DATA } from "./data.mjs";
import { throughput, ratios, memory, median } from "./suite.mjs";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const runs = +(process.env.BENCH_RUNS || 5);
const skip = new Set((process.env.BENCH_SKIP || "").split(",").filter(Boolean));
const only = process.env.BENCH_ONLY?.split(",");
const budgetMs = +(process.env.BENCH_BUDGET_MS || 45_000);
const log = (s) => console.log(s);
const CHROME_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];

const pkgDir = join(root, "www", "pkg");
if (!existsSync(join(pkgDir, "teks.js"))) {
  console.error("www/pkg/teks.js is missing: run `make build` first");
  process.exit(1);
}

const started = Date.now();
const texts = { id: indonesian(), en: english() };
const sample = readFileSync(join(DATA, "samples/000_8979b68690ae2a27.txt"), "utf8");
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
  texts: Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, { bytes: Buffer.byteLength(t), utf16: t.length }])),
  runs,
};

// ---------------------------------------------------------------- sizes
const wasmBytes = readFileSync(join(pkgDir, "teks_bg.wasm"));
results.wasm = { raw: wasmBytes.length, gzip: gzipSync(wasmBytes, { level: 9 }).length };
log(`teks wasm: ${results.wasm.raw} B raw, ${results.wasm.gzip} B gzip -9`);

// ---------------------------------------------------------------- Node
async function nodeLibs() {
  const teks = await import(join(pkgDir, "teks.js"));
  const wasm = await teks.default({ module_or_path: wasmBytes });
  const sx = await import("sentencex-wasm");
  await sx.default({ module_or_path: readFileSync(join(root, "node_modules/sentencex-wasm/sentencex_wasm_bg.wasm")) });
  const nlp = (await import(join(root, "node_modules/compromise/builds/three/compromise-three.mjs"))).default;
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  const wink = require("wink-nlp")(require("wink-eng-lite-web-model"));
  return { libs: { teks, nlp, wink, sentencex: sx }, memory: wasm.memory };
}

if (!skip.has("node")) {
  log(`\nNode ${process.version}: median of ${runs} runs after warm-up`);
  const { libs, memory: mem } = await nodeLibs();
  const tp = await throughput(libs, texts, { runs, log, only, budgetMs });
  results.node = { throughput: tp, ratios: ratios(tp) };
  if (!only || only.includes("teks")) {
    results.node.memory = await memory(libs.teks, mem, slice(texts.id, 100_000), 1000);
    log(`  memory: ${JSON.stringify(results.node.memory)}`);
  }
}

// ---------------------------------------------------------------- Chromium
async function withBrowser(fn) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROME_ARGS,
  });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Loads `path` in a fresh context: every response (gzip -9 sized) and the
 * time from navigation start to the `teks:first-result` performance mark. */
async function loadPage(browser, url, { timeout = 10_000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on("response", async (r) => {
    try {
      bodies.push({ url: new URL(r.url()).pathname, body: await r.body() });
    } catch {
      /* redirects etc. have no body */
    }
  });
  // The real page analyses nothing until asked: ask as early as a user
  // could, pressing "Sample" as soon as the document is parsed (the minimal
  // bench page analyses by itself). Clicking from inside the page keeps the
  // driver's own latency (scrolling, stability checks) out of the figure.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => document.getElementById("sample")?.click());
  });
  await page.goto(url);
  let firstResultMs = null;
  try {
    await page.waitForFunction(() => performance.getEntriesByName("teks:first-result").length > 0, null, { timeout });
    firstResultMs = await page.evaluate(() => performance.getEntriesByName("teks:first-result")[0].startTime);
  } catch {
    /* the page does not mark a first result */
  }
  await page.waitForLoadState("networkidle").catch(() => {});
  await context.close();
  const files = bodies.map(({ url, body }) => ({ url, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }));
  return { files, firstResultMs };
}

async function pageMetrics(browser, base, path) {
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(await loadPage(browser, base + path));
  const files = loads[0].files.filter((f) => !f.url.startsWith("/__text/"));
  const marks = loads.map((l) => l.firstResultMs).filter((x) => x !== null);
  return {
    path,
    files,
    gzipTotal: files.reduce((s, f) => s + f.gzip, 0),
    rawTotal: files.reduce((s, f) => s + f.bytes, 0),
    firstResultMs: marks.length ? +median(marks).toFixed(1) : null,
    firstResultRuns: marks.map((x) => +x.toFixed(1)),
  };
}

if (!skip.has("chromium") || !skip.has("page")) {
  const { server, url } = await startServer({ texts: { ...texts, sample } });
  try {
    await withBrowser(async (browser) => {
      results.chromium = { version: browser.version() };
      if (!skip.has("chromium")) {
        log(`\nChromium ${browser.version()}: median of ${runs} runs after warm-up`);
        const page = await browser.newPage();
        page.on("console", (m) => log(`  ${m.text()}`));
        const q = new URLSearchParams({ runs: String(runs), budgetMs: String(budgetMs), ...(only ? { only: only.join(",") } : {}) });
        if (only && !only.includes("teks")) q.set("memCalls", "10");
        await page.goto(`${url}/bench/?${q}`);
        await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
        Object.assign(results.chromium, await page.evaluate(() => window.benchResult));
        await page.close();
      }
      if (!skip.has("page")) {
        log("\nPage weight and first result (5 cold loads, median)");
        if (existsSync(join(root, "dist", "index.html"))) {
          results.page = await pageMetrics(browser, url, "/");
          if (results.page.firstResultMs === null) {
            results.page.note = "dist/ does not set performance.mark('teks:first-result'); first result not measured on it";
          }
        } else {
          results.page = { note: "dist/index.html not found (run `make dist`)" };
        }
        results.minimalPage = await pageMetrics(browser, url, "/bench/first.html");
        for (const [k, p] of [["dist", results.page], ["minimal (bench/first.html)", results.minimalPage]]) {
          if (!p.files) {
            log(`  ${k}: ${p.note}`);
            continue;
          }
          for (const f of p.files) log(`  ${k} ${f.url.padEnd(40)} ${String(f.bytes).padStart(8)} B  ${String(f.gzip).padStart(7)} B gzip`);
          log(`  ${k}: total ${p.gzipTotal} B gzip; first result ${p.firstResultMs ?? "n/a"} ms after navigation`);
        }
      }
    });
  } finally {
    server.close();
  }
}

// ---------------------------------------------------------------- scale
if (!skip.has("scale")) {
  log("\nScale (cargo run --release --example scale): time(10×)/time(1×) per shape");
  try {
    const dir = mkdtempSync(join(os.tmpdir(), "teks-bench-"));
    const args = ["--json", "--small", process.env.BENCH_SCALE_SMALL || "1048576"];
    for (const [k, t] of Object.entries(texts)) {
      writeFileSync(join(dir, `${k}.txt`), t);
      args.push("--text", `${k}=${join(dir, `${k}.txt`)}`);
    }
    const out = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "scale", "--", ...args], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, TEKS_DATA: DATA },
    });
    results.scale = JSON.parse(out);
    for (const s of results.scale.shapes) {
      log(`  ${s.name.padEnd(12)} ${s.small_mb} MB ${s.small_ms} ms → ${s.large_mb} MB ${s.large_ms} ms  ratio ${s.ratio}  ${s.ratio <= 12 ? "ok" : "NOT LINEAR"}`);
    }
  } catch (e) {
    log(`  scale failed: ${e.message}`);
    results.scale = { error: String(e.message) };
  }
}

// ---------------------------------------------------------------- summary
function summary(env, r) {
  if (!r?.throughput) return;
  log(`\n${env}: MB/s (ratio teks ÷ peer)`);
  for (const [lang, t] of Object.entries(r.throughput)) {
    const peers = Object.keys(t).filter((k) => k !== "bytes" && k !== "teks");
    const parts = peers.map((p) => `${p} ${t[p].mbps} (${r.ratios?.[lang]?.[p] ?? "-"}×)`);
    log(`  ${lang}: teks ${t.teks?.mbps ?? "-"}  |  ${parts.join("  ")}`);
  }
}
summary("Node", results.node);
summary("Chromium", results.chromium);
results.elapsedS = +((Date.now() - started) / 1000).toFixed(1);
writeFileSync(join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");
log(`\nwrote bench/results.json (${results.elapsedS} s)`);
