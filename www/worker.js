// The module worker that owns the wasm. Protocol (every message has `type`):
//   page → worker: {type: "init", module}          (a compiled WebAssembly.Module, or null:
//                                                   the worker then fetches the wasm itself)
//                  {type: "analyse", id, text, options}
//                  {type: "clean",   id, text, options}
//                  long texts in pieces: {type: "analyse-start", id, length, options},
//                  {type: "analyse-chunk", id, chunk}…, {type: "analyse-end", id}
//                  a big text file, read here a piece at a time: {type: "analyse-file", id, file, options}
//                  analyse messages may carry `view: {chars, sentences}`: how much of a long
//                  result to send (see `view`)
//                  {type: "more", id, of, chars: [a, b], sentences: [c, d]}  more of a long result's view
//                  {type: "export", id, of, what: "json" | "csv" | "cleaned", data?}  (the full result
//                                                   of a long text, or of `data`: a short one's CSV)
//   worker → page: {type: "ready", version}
//                  {type: "progress", id, phase, length}   phase "start" | "done"
//                  {type: "progress", id, phase: "chunk", done, length}  (pieces)
//                  {type: "progress", id, phase: "chunk", done, length, file}  (file bytes)
//                  {type: "result", id, data}   for a long text, `data` is a view with `partial`
//                                               (see `view`); a "more" reply's `data` is
//                                               {entities, mentions, removed, sentences} (see `onMore`);
//                                               an export's `data` is a Blob
//                  {type: "error", id, message}   (id null: wasm init failed)
import init, { analyse, clean, version, Analyser } from "./pkg/teks.js";
import { entitiesCsv } from "./csv.js";

let start;
const module = new Promise((resolve) => {
  start = resolve;
});
const ready = module.then((m) => init(m ? { module_or_path: m } : undefined)).then(
  () => {
    postMessage({ type: "ready", version: version() });
    // Build the lexicons and unpack the models now, while the user is still
    // reading, not on the first real request (~10–40 ms): a task per
    // language, so a request already waiting runs first (and pays only for
    // its own language).
    setTimeout(() => analyse("Presiden Joko Widodo tiba di Jakarta.", { lang: "id" }));
    setTimeout(() => analyse("The president arrived in London.", { lang: "en" }));
    return true;
  },
  (err) => {
    postMessage({ type: "error", id: null, fatal: true, message: `wasm init failed: ${err && err.message ? err.message : err}` });
    return false;
  },
);

const handlers = { analyse, clean };

// A long result stays here whole, and the page gets a view of it: the marks
// and removals in the first `chars` of the input, the first `sentences`
// sentences, the first ENTITY_VIEW entities of the ranking (and every entity
// marked in the view), each with its count and aliases. Copying a 100 MB
// text's result (millions of objects) to the page would block it for seconds,
// and even a few megabytes of objects take the page tens of milliseconds to
// receive, so the page asks for more of the view as it shows more ("more"), and
// exports of the whole result are built here ("export").
const VIEW_CHARS = 100_000;
const VIEW_SENTENCES = 2000;
const ENTITY_VIEW = 1000;
let kept = null; // {id, data, index: Map(entity index in data → index in the view)}

/** Whether `data` is small enough to send whole. */
function small(data, limits) {
  return data.stats.inputLength <= limits.chars && data.sentences.length <= limits.sentences
    && data.entities.length <= ENTITY_VIEW;
}

/** First index in `list` (sorted by start) whose start is ≥ `at`. */
function from(list, at) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entities in `[0, chars)` not yet in the view, and every view
 * entity's mentions there, as `[[view index, mentions]…]`. */
function marks(a, b) {
  const { data, index } = kept;
  const entities = [];
  const mentions = [];
  data.entities.forEach((e, i) => {
    const ms = e.mentions.slice(from(e.mentions, a), from(e.mentions, b));
    let k = index.get(i);
    if (k === undefined) {
      if (!ms.length) return;
      k = index.size;
      index.set(i, k);
      entities.push(entity(e));
    }
    if (ms.length) mentions.push([k, ms]);
  });
  return { entities, mentions, removed: data.removed.slice(from(data.removed, a), from(data.removed, b)) };
}

/** An entity of the view, its mentions filled in by `marks`. */
function entity(e) {
  return { name: e.name, type: e.type, count: e.count, aliases: e.aliases, mentions: [], first: e.mentions[0] };
}

/** The result `data` of request `id` as sent to the page: whole if small, else
 * a view of it (kept here with the whole). */
function view(id, data, limits = {}) {
  limits = { chars: limits.chars || VIEW_CHARS, sentences: limits.sentences || VIEW_SENTENCES };
  if (small(data, limits)) {
    kept = null;
    return data;
  }
  const top = data.entities.slice(0, ENTITY_VIEW);
  kept = { id, data, index: new Map(top.map((_, i) => [i, i])) };
  const out = {
    language: data.language,
    cleaned: data.cleaned.length > limits.chars ? data.cleaned.slice(0, limits.chars) : data.cleaned,
    removed: [],
    sentences: data.sentences.slice(0, limits.sentences),
    entities: top.map(entity),
    stats: data.stats,
    partial: { chars: limits.chars, cleanedLength: data.cleaned.length, sentences: data.sentences.length, entities: data.entities.length },
  };
  const m = marks(0, limits.chars);
  out.entities.push(...m.entities);
  for (const [k, ms] of m.mentions) out.entities[k].mentions = ms;
  out.removed = m.removed;
  return out;
}

/** More of the kept result's view: marks in `chars: [a, b)` (entities new to
 * the view appended, in order) and sentences `[c, d)`. */
function onMore(msg) {
  if (!kept || kept.id !== msg.of) {
    postMessage({ type: "error", id: msg.id, message: "this result is no longer kept: analyse again" });
    return;
  }
  const [a, b] = msg.chars;
  const [c, d] = msg.sentences;
  postMessage({ type: "result", id: msg.id, data: { ...marks(a, b), sentences: kept.data.sentences.slice(c, d) } });
}

/** The whole result as JSON, in parts (no single giant string). */
function jsonParts(data) {
  const parts = ["{\n"];
  const keys = Object.keys(data);
  keys.forEach((k, i) => {
    const v = data[k];
    parts.push(`  ${JSON.stringify(k)}: `);
    if (Array.isArray(v) && v.length) {
      for (let j = 0; j < v.length; j += 1000) {
        parts.push((j ? ",\n    " : "[\n    ") + v.slice(j, j + 1000).map((x) => JSON.stringify(x)).join(",\n    "));
      }
      parts.push("\n  ]");
    } else {
      parts.push(JSON.stringify(v));
    }
    parts.push(i + 1 < keys.length ? ",\n" : "\n");
  });
  parts.push("}\n");
  return parts;
}

function onExport(msg) {
  const data = msg.data || (kept && kept.id === msg.of && kept.data);
  if (!data) {
    postMessage({ type: "error", id: msg.id, message: "this result is no longer kept: analyse again" });
    return;
  }
  try {
    const blob = msg.what === "json"
      ? new Blob(jsonParts(data), { type: "application/json" })
      : msg.what === "csv"
        ? new Blob([entitiesCsv(data)], { type: "text/csv" })
        : new Blob([data.cleaned], { type: "text/plain" });
    postMessage({ type: "result", id: msg.id, data: blob });
  } catch (err) {
    postMessage({ type: "error", id: msg.id, message: err && err.message ? err.message : String(err) });
  }
}

// The long text being received in pieces: {id, length, done, analyser}.
let long = null;

function onPiece(msg) {
  try {
    if (msg.type === "analyse-start") {
      long?.analyser.free();
      long = { id: msg.id, length: msg.length, done: 0, analyser: new Analyser(msg.options || undefined) };
      postMessage({ type: "progress", id: msg.id, phase: "start", length: msg.length });
      return;
    }
    if (!long || long.id !== msg.id) throw new Error(`no analysis ${msg.id} in progress`);
    if (msg.type === "analyse-chunk") {
      long.analyser.push(msg.chunk);
      long.done += msg.chunk.length;
      postMessage({ type: "progress", id: msg.id, phase: "chunk", done: long.done, length: long.length });
      return;
    }
    const { analyser: a, length } = long;
    long = null;
    try {
      const data = view(msg.id, a.finish(), msg.view);
      postMessage({ type: "progress", id: msg.id, phase: "done", length });
      postMessage({ type: "result", id: msg.id, data });
    } finally {
      a.free();
    }
  } catch (err) {
    long?.analyser.free();
    long = null;
    postMessage({ type: "error", id: msg.id, message: err && err.message ? err.message : String(err) });
  }
}

// Bytes of a file read and decoded per step.
const FILE_PIECE = 1 << 20;

async function analyseFile(msg) {
  const { id, file } = msg;
  let a = null;
  try {
    a = new Analyser(msg.options || undefined);
    const decoder = new TextDecoder("utf-8"); // invalid bytes become U+FFFD, as pasted text would
    postMessage({ type: "progress", id, phase: "start", length: file.size });
    for (let at = 0; at < file.size; at += FILE_PIECE) {
      const bytes = await file.slice(at, at + FILE_PIECE).arrayBuffer();
      const last = at + FILE_PIECE >= file.size;
      a.push(decoder.decode(bytes, { stream: !last }));
      const done = Math.min(at + FILE_PIECE, file.size);
      postMessage({ type: "progress", id, phase: "chunk", done, length: file.size, file: file.name });
    }
    if (file.size === 0) a.push(decoder.decode());
    const data = view(id, a.finish(), msg.view);
    postMessage({ type: "progress", id, phase: "done", length: file.size });
    postMessage({ type: "result", id, data });
  } catch (err) {
    postMessage({ type: "error", id, message: err && err.message ? err.message : String(err) });
  } finally {
    a?.free();
  }
}

onmessage = async (e) => {
  const msg = e.data || {};
  if (msg.type === "init") {
    start(msg.module || null);
    return;
  }
  if (msg.type === "export") {
    onExport(msg);
    return;
  }
  if (msg.type === "more") {
    onMore(msg);
    return;
  }
  if (msg.type === "analyse-file") {
    if (await ready) analyseFile(msg);
    else postMessage({ type: "error", id: msg.id, message: "wasm is not available" });
    return;
  }
  if (msg.type === "analyse-start" || msg.type === "analyse-chunk" || msg.type === "analyse-end") {
    if (!(await ready)) {
      if (msg.type === "analyse-start") postMessage({ type: "error", id: msg.id, message: "wasm is not available" });
      return;
    }
    onPiece(msg);
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
    let data = fn(msg.text, msg.options || undefined);
    if (msg.type === "analyse") data = view(msg.id, data, msg.view);
    postMessage({ type: "progress", id: msg.id, phase: "done", length });
    postMessage({ type: "result", id: msg.id, data });
  } catch (err) {
    postMessage({ type: "error", id: msg.id, message: err && err.message ? err.message : String(err) });
  }
};
