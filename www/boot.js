// Starts the worker and the wasm compile while the page is still loading.
// A classic async script runs as soon as it arrives, well before the module
// graph of main.js has loaded and run (on a slow machine the worker's own
// start-up, 100–300 ms, was the largest part of the wait for a first
// result). main.js adopts the worker and the messages it sent meanwhile; if
// main.js ran first it set `teksBoot` to false, and this does nothing.
"use strict";
if (self.teksBoot === undefined) {
  try {
    const worker = new Worker("worker.js", { type: "module" });
    const early = [];
    worker.onmessage = (e) => early.push(e);
    worker.onerror = (e) => {
      e.preventDefault();
      early.push(e);
    };
    // A failed compile is passed on as null: the worker then fetches the
    // wasm itself and reports what went wrong.
    const module = WebAssembly.compileStreaming(fetch("pkg/teks_bg.wasm")).catch(() => null);
    module.then((m) => worker.postMessage({ type: "init", module: m }));
    self.teksBoot = { worker, module, early };
  } catch {
    self.teksBoot = false; // main.js starts its own worker and reports
  }
}
