// The bench page: loads teks (/pkg, the page's own build) and the peers,
// fetches the generated texts from the bench server and runs bench/suite.mjs.
// The result lands in `window.benchResult` (read by bench/run.mjs).

import init, * as teks from "/pkg/teks.js";
import sentencexInit, * as sentencex from "/node_modules/sentencex-wasm/sentencex_wasm.js";
import nlp from "/node_modules/compromise/builds/three/compromise-three.mjs";
import { winkNLP, model } from "/__wink.js";
import { throughput, ratios, memory } from "./suite.mjs";

const params = new URLSearchParams(location.search);
const runs = +(params.get("runs") || 5);
const only = params.get("only")?.split(",");
const logEl = document.getElementById("log");
const log = (s) => {
  logEl.textContent += s + "\n";
  console.log(s);
};

try {
  const wasm = await init();
  await sentencexInit();
  const wink = winkNLP(model);
  const [id, en] = await Promise.all(["id", "en"].map((l) => fetch(`/__text/${l}`).then((r) => r.text())));
  log(`texts: id ${id.length} / en ${en.length} UTF-16 units`);
  const tp = await throughput({ teks, nlp, wink, sentencex }, { id, en }, { runs, log, only, budgetMs: +(params.get("budgetMs") || 45_000) });
  const cut = id.lastIndexOf("\n\n", 100_000);
  const mem = await memory(teks, wasm.memory, id.slice(0, cut), +(params.get("memCalls") || 1000));
  log(`memory: ${JSON.stringify(mem)}`);
  window.benchResult = { throughput: tp, ratios: ratios(tp), memory: mem, userAgent: navigator.userAgent };
} catch (e) {
  log(`error: ${e.stack || e}`);
  window.benchResult = { error: String(e.stack || e) };
}
