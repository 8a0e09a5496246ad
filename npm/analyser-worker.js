// The module worker behind createAnalyser(): owns the wasm instance.
import init, * as teks from "./teks.js";

let ready = null;

// Texts longer than this (UTF-16 units) are analysed in chunks by a teks
// Analyser: bounded wasm memory and progress after every chunk.
const CHUNK = 1 << 20;

function analyseLong(id, text, options) {
  const a = new teks.Analyser(options);
  try {
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + CHUNK, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep pairs whole
      a.push(text.slice(at, end));
      at = end;
      self.postMessage({ type: "progress", id, done: at, total: text.length });
    }
    return a.finish();
  } finally {
    a.free();
  }
}

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
    const long = msg.type === "analyse" && typeof msg.text === "string" && msg.text.length > CHUNK;
    const data = long ? analyseLong(msg.id, msg.text, msg.options) : fn(msg.text, msg.options);
    self.postMessage({ type: "progress", id: msg.id, done: msg.text.length, total: msg.text.length });
    self.postMessage({ type: "result", id: msg.id, data });
  } catch (err) {
    self.postMessage({ type: "error", id: msg.id, message: String(err?.message ?? err) });
  }
};
