// The wasm boundary, each cost on its own (issue 6, item 2): text in
// (TextEncoder + copy vs wasm-bindgen's `&str` vs `JsValue::as_string`, which
// `analyse` uses) and the
// result out (serde-wasm-bindgen object by object vs one JSON string from
// serde_json + JSON.parse vs the compact form of src/compact.rs, which
// `analyse` uses) for the 1 MiB Indonesian text's result.
// Needs the feature build:
//   wasm-pack build --release --target web --out-dir bench/pkg-boundary \
//     --out-name teks --no-pack -- --features bench-boundary
// then `node bench/boundary.mjs` (Node 20 = Chromium's V8). Prints a table
// and writes bench/boundary.json.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { indonesian, english } from "./data.mjs";
import { median } from "./suite.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "pkg-boundary");
const t = await import(join(pkg, "teks.js"));
await t.default({ module_or_path: readFileSync(join(pkg, "teks_bg.wasm")) });

function time(fn, n = 7) {
  fn();
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return +median(ms).toFixed(2);
}

const out = {};
const id = indonesian();
const en = english();
for (const [name, text] of [["id", id], ["en", en]]) {
  out[`textIn_${name}`] = {
    textEncoderMs: time(() => t.benchTextEncoder(text)),
    strMs: time(() => t.benchTextStr(text)),
    asStringMs: time(() => t.benchTextAsString(text)),
  };
}
const text = process.env.BOUNDARY_TEXT === "en" ? en : id;
const t0 = performance.now();
t.benchPrepare(text);
out.prepareMs = +(performance.now() - t0).toFixed(1);
const json = t.benchEmitJsonString();
const swb = t.benchEmitSwb();
out.result = {
  jsonBytes: json.length,
  sentences: swb.sentences.length,
  entities: swb.entities.length,
  mentions: swb.stats.mentions,
  sameJson: JSON.stringify(swb) === JSON.stringify(t.benchEmitJson()),
  sameCompact: JSON.stringify(swb) === JSON.stringify(t.benchEmitCompact()),
};
out.resultOut = {
  serdeWasmBindgenMs: time(() => t.benchEmitSwb()),
  compactMs: time(() => t.benchEmitCompact()),
  serdeJsonParseMs: time(() => t.benchEmitJson()),
  serdeJsonStringOnlyMs: time(() => t.benchEmitJsonString()),
  jsonParseOnlyMs: time(() => JSON.parse(json)),
};
console.log(JSON.stringify(out, null, 2));
writeFileSync(join(here, "boundary.json"), JSON.stringify(out, null, 2) + "\n");
