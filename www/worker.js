// The module worker that owns the wasm. Protocol (every message has `type`):
//   page → worker: {type: "init", module}          (a compiled WebAssembly.Module, or null:
//                                                   the worker then fetches the wasm itself)
//                  {type: "analyse", id, text, options}
//                  {type: "clean",   id, text, options}
//   worker → page: {type: "ready", version}
//                  {type: "progress", id, phase, length}
//                  {type: "result", id, data}
//                  {type: "error", id, message}   (id null: wasm init failed)
import init, { analyse, clean, version } from "./pkg/teks.js";

let start;
const module = new Promise((resolve) => {
  start = resolve;
});
const ready = module.then((m) => init(m ? { module_or_path: m } : undefined)).then(
  () => {
    postMessage({ type: "ready", version: version() });
    // Build the lexicons and unpack the models now, while the user is still
    // reading, not on the first real request (~10–40 ms).
    analyse("Presiden Joko Widodo tiba di Jakarta.", { lang: "id" });
    analyse("The president arrived in London.", { lang: "en" });
    return true;
  },
  (err) => {
    postMessage({ type: "error", id: null, fatal: true, message: `wasm init failed: ${err && err.message ? err.message : err}` });
    return false;
  },
);

const handlers = { analyse, clean };

onmessage = async (e) => {
  const msg = e.data || {};
  if (msg.type === "init") {
    start(msg.module || null);
    return;
  }
  const fn = handlers[msg.type];
  if (!fn) {
    postMessage({ type: "error", id: msg.id ?? null, message: `Unknown message: ${msg.type}` });
    return;
  }
  if (!(await ready)) {
    postMessage({ type: "error", id: msg.id, message: "wasm is not available" });
    return;
  }
  const length = typeof msg.text === "string" ? msg.text.length : 0;
  postMessage({ type: "progress", id: msg.id, phase: "start", length });
  try {
    const data = fn(msg.text, msg.options || undefined);
    postMessage({ type: "progress", id: msg.id, phase: "done", length });
    postMessage({ type: "result", id: msg.id, data });
  } catch (err) {
    postMessage({ type: "error", id: msg.id, message: err && err.message ? err.message : String(err) });
  }
};
