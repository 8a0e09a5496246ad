// The module worker behind createAnalyser(): owns the wasm instance.
import init, * as teks from "./teks.js";

let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    ready = init(msg.wasmUrl ? { module_or_path: msg.wasmUrl } : undefined).then(
      () => self.postMessage({ type: "ready", version: teks.version() }),
      (err) => self.postMessage({ type: "error", message: `teks: wasm failed to load: ${err}` }),
    );
    return;
  }
  const fn = { analyse: teks.analyse, clean: teks.clean, splitSentences: teks.splitSentences,
    countEntities: teks.countEntities }[msg.type];
  if (!fn) {
    self.postMessage({ type: "error", id: msg.id, message: `teks: unknown request ${msg.type}` });
    return;
  }
  try {
    await ready;
    self.postMessage({ type: "progress", id: msg.id, done: 0, total: msg.text.length });
    const data = fn(msg.text, msg.options);
    self.postMessage({ type: "progress", id: msg.id, done: msg.text.length, total: msg.text.length });
    self.postMessage({ type: "result", id: msg.id, data });
  } catch (err) {
    self.postMessage({ type: "error", id: msg.id, message: String(err?.message ?? err) });
  }
};
