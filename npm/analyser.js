// createAnalyser(): the teks API off the main thread, in a module worker,
// with progress and cancellation. No dependencies; works without a bundler.
//
//   import { createAnalyser } from "teks/analyser";
//   const analyser = createAnalyser();
//   const ctrl = new AbortController();
//   const result = await analyser.analyse(text, { lang: "auto" },
//     { signal: ctrl.signal, onProgress: (done, total) => console.log(done / total) });
//   analyser.terminate();

/** Thrown (as a rejection) when a call is cancelled through its AbortSignal. */
export class AbortError extends Error {
  constructor(message = "teks: analysis cancelled") {
    super(message);
    this.name = "AbortError";
  }
}

/**
 * Starts an analyser backed by a module worker.
 * @param {{ workerUrl?: string | URL, wasmUrl?: string | URL }} [config]
 */
export function createAnalyser(config = {}) {
  const workerUrl = config.workerUrl ?? new URL("./analyser-worker.js", import.meta.url);
  const wasmUrl = config.wasmUrl ? String(config.wasmUrl) : undefined;
  let worker = null;
  let nextId = 1;
  const pending = new Map();

  function failAll(error) {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  }

  function start() {
    if (worker) return worker;
    worker = new Worker(workerUrl, { type: "module" });
    worker.postMessage({ type: "init", wasmUrl });
    worker.onmessage = (event) => {
      const msg = event.data;
      const call = pending.get(msg.id);
      switch (msg.type) {
        case "ready":
          break;
        case "progress":
          call?.onProgress?.(msg.done, msg.total);
          break;
        case "result":
          if (call) { pending.delete(msg.id); call.resolve(msg.data); }
          break;
        case "error":
          if (call) { pending.delete(msg.id); call.reject(new Error(msg.message)); }
          else failAll(new Error(msg.message));
          break;
        default:
          console.warn("teks: unknown message from worker", msg.type);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      failAll(new Error(`teks: worker failed: ${event.message ?? "unknown error"}`));
      worker?.terminate();
      worker = null;
    };
    return worker;
  }

  function call(type, text, options, { signal, onProgress } = {}) {
    if (typeof text !== "string") {
      return Promise.reject(new TypeError("teks: text must be a string"));
    }
    if (signal?.aborted) return Promise.reject(new AbortError());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener("abort", () => {
        if (!pending.has(id)) return;
        // The only way to stop wasm mid-call: end the worker. Other calls in
        // flight are cancelled too; the next call starts a fresh worker.
        worker?.terminate();
        worker = null;
        failAll(new AbortError());
      }, { once: true });
      start().postMessage({ type, id, text, options });
    });
  }

  return {
    /** Full analysis. @returns {Promise<import("./teks.js").Analysis>} */
    analyse: (text, options, control) => call("analyse", text, options, control),
    /** Cleaning only. */
    clean: (text, options, control) => call("clean", text, options, control),
    /** Sentences only. */
    splitSentences: (text, options, control) => call("splitSentences", text, options, control),
    /** Entities only. */
    countEntities: (text, options, control) => call("countEntities", text, options, control),
    /** Ends the worker; pending calls reject. */
    terminate() {
      worker?.terminate();
      worker = null;
      failAll(new AbortError("teks: analyser terminated"));
    },
  };
}
