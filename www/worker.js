// The module worker that owns the wasm. Protocol (every message has `type`):
//   page → worker: {type: "analyse", id, text, options}
//                  {type: "clean",   id, text, options}
//   worker → page: {type: "ready", version}
//                  {type: "progress", id, phase, length}
//                  {type: "result", id, data}
//                  {type: "error", id, message}   (id null: wasm init failed)
import init, { analyse, clean, version } from "./pkg/teks.js";

const ready = init().then(
  () => {
    postMessage({ type: "ready", version: version() });
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
