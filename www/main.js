// teks page. No framework: user text reaches the DOM only through
// textContent / value / createTextNode, never through innerHTML.
import { STRINGS, SAMPLE, pickLanguage, format } from "./i18n.js";

const LIVE_LIMIT = 20000; // UTF-16 units: analyse as you type up to this length
const MAX_CHARS = 100 * 1024 * 1024; // refuse inputs over 100 Mi UTF-16 units
const MAX_FILE_BYTES = 100 * 1024 * 1024; // and files over 100 MiB
// Text files bigger than this are analysed straight from the file in the
// worker (read there a piece at a time), never loaded into the editor: the
// page never holds the whole text, so it never blocks on copying it.
const BIG_FILE_BYTES = 8 * 1024 * 1024;
const BIG_FILE_SHOWN_BYTES = 512 * 1024; // of which the marked view shows the start
// A plain-text paste longer than this (UTF-16 units) is kept out of the
// editor too: laying out a huge textarea blocks the page for seconds.
const BIG_PASTE_CHARS = 4 * 1024 * 1024;
const MARK_STEP = 100_000; // highlighted text shown per "show more" (UTF-16 units)
const LIST_STEP = 2000; // sentences listed per "show more"
const ENTITY_STEP = 200; // entity table rows per "show more"
// Long views are built a slice per task, so that no task (script plus the
// layout it causes) keeps the page busy for long; #results carries
// `data-rendering` until the last slice is in.
const SLICE_CHARS = 8_000;
const SLICE_ITEMS = 100;
const SLICE_ROWS = 50;
const DEBOUNCE_MS = 300;
const BUSY_UI_MS = 150; // show progress/cancel when a run takes longer
const TYPES = ["PER", "LOC", "ORG", "MISC"];
const WORDS_PER_MINUTE = 200;
// Removal reason → cleaning rule family that can be switched off to keep it.
const REASON_RULE = { promo: "promo", "caption-credit": "credits", navigation: "navigation", invisible: "whitespace" };

const $ = {};
for (const id of ["input", "analyse", "cancel", "lang", "live", "sample", "file", "clear", "status", "progress",
  "notice", "notice-text", "notice-undo", "results", "stats", "entities", "entity-table", "entity-empty", "entity-listed", "entities-more", "ent-type",
  "ent-search", "chart", "legend", "stepper", "step-label", "step-prev", "step-next", "step-clear", "marked",
  "restored", "restored-text", "restored-undo", "sentences", "sentence-count", "cleaned", "ui-lang", "version",
  "sentences-more", "export-json", "export-csv", "export-text", "copy-cleaned", "copy-json", "drop"]) {
  $[id.replace(/-(\w)/g, (m, c) => c.toUpperCase())] = document.getElementById(id);
}

const state = {
  ui: "en",
  worker: null,
  ready: false,
  initError: null,
  nextId: 1,
  pending: new Map(), // id → {resolve, reject, kind}
  analyseId: 0, // the analyse request whose reply we still want
  busyTimer: 0,
  debounce: 0,
  text: "", // the text of the shown result
  result: null,
  rules: {}, // cleanRules switched off by "restore"
  sort: { key: "count", dir: -1 },
  selected: -1,
  step: -1,
  undo: null, // textarea value before the last paste/open conversion
  bigFile: null, // a big text file analysed from the file itself (the editor stays empty)
  bigText: null, // a big pasted text, kept out of the editor
  markLimit: 0, // marked text shown (UTF-16 units), sentences listed and entity rows shown
  listLimit: 0,
  entityLimit: 0,
  status: { key: "loading", vars: {}, kind: "" },
};

const t = (key, vars) => format(STRINGS[state.ui][key] ?? STRINGS.en[key] ?? key, vars);
const typeName = (ty) => STRINGS[state.ui].typeNames[ty] || ty;
// Whole numbers with the interface language's group separator. Not
// Intl.NumberFormat: creating one costs 20–60 ms of the first load here
// (its locale data), and only counts are shown.
const GROUP = { en: ",", id: "." };
const nf = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, GROUP[state.ui]);

// ------------------------------------------------------------------ worker

// boot.js (in <head>) has usually started the worker and the wasm compile
// already: take them over, with the messages the worker sent before this
// ran. Otherwise (boot.js not run yet, or failed) start them here, and tell
// boot.js not to. The wasm is compiled on this side (index.html preloads it)
// and handed to the worker compiled; a restarted worker gets it again. If
// the compile fails the worker fetches and compiles it itself (and reports).
let boot = self.teksBoot || null;
self.teksBoot = false;
const wasmModule = boot
  ? boot.module
  : WebAssembly.compileStreaming(fetch(new URL("./pkg/teks_bg.wasm", import.meta.url))).catch(() => null);

function startWorker() {
  state.ready = false;
  state.initError = null;
  let w;
  let early = [];
  if (boot) {
    ({ worker: w, early } = boot);
    boot = null;
  } else {
    w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    wasmModule.then((module) => w.postMessage({ type: "init", module }));
  }
  w.onmessage = (e) => onWorkerMessage(w, e.data);
  w.onerror = (e) => {
    e.preventDefault();
    if (w !== state.worker) return;
    failInit(e.message || "worker failed to load");
  };
  state.worker = w;
  for (const e of early) {
    if (e.type === "message") w.onmessage(e);
    else w.onerror(e);
  }
}

function failInit(message) {
  state.initError = message;
  for (const p of state.pending.values()) p.reject(new Error(message));
  state.pending.clear();
  setBusy(false);
  document.body.classList.add("init-failed");
  $.analyse.disabled = true;
  setStatus("initFailed", { msg: message }, "error");
}

function onWorkerMessage(w, msg) {
  if (w !== state.worker || !msg) return; // a terminated worker's last words
  switch (msg.type) {
    case "ready":
      state.ready = true;
      $.version.textContent = `v${msg.version}`;
      if (state.status.key === "loading") setStatus("ready");
      break;
    case "progress":
      // Short texts are one call inside the worker (progress: its phases);
      // long ones go chunk by chunk (progress: the share analysed).
      if (msg.id !== state.analyseId) break;
      if (msg.phase === "start") $.progress.removeAttribute("value");
      if (msg.phase === "chunk" && msg.length > 0) {
        $.progress.max = 1;
        $.progress.value = msg.done / msg.length;
        const pct = Math.floor((100 * msg.done) / msg.length);
        if (msg.file) setStatus("analysingFileShare", { file: msg.file, pct });
        else setStatus("analysingShare", { n: nf(msg.length), pct });
      }
      break;
    case "result":
    case "error": {
      if (msg.type === "error" && msg.id === null) {
        failInit(msg.message);
        break;
      }
      const p = state.pending.get(msg.id);
      if (!p) break; // stale reply: dropped
      state.pending.delete(msg.id);
      if (msg.type === "result") p.resolve(msg.data);
      else p.reject(new Error(msg.message));
      break;
    }
    default:
      console.warn("Unknown message", msg.type);
  }
}

/** Sends `msg` (with a fresh id) to the worker: `{id, promise}` of its reply. */
function request(msg) {
  if (state.initError) return { id: 0, promise: Promise.reject(new Error(state.initError)) };
  const id = state.nextId++;
  const promise = new Promise((resolve, reject) => state.pending.set(id, { resolve, reject, kind: msg.type }));
  // A long result stays in the worker; the page gets the part it shows (`more` fetches the rest).
  if (msg.type === "analyse" || msg.type === "analyse-file") msg = { ...msg, view: { chars: MARK_STEP, sentences: LIST_STEP } };
  if (msg.type === "analyse" && msg.text.length > SEND_CHUNK) sendInChunks(state.worker, id, msg.text, msg.options, msg.view);
  else state.worker.postMessage({ ...msg, id });
  return { id, promise };
}

function call(type, text, options) {
  return request({ type, text, options });
}

// Copying a long text to the worker in one message would block the page for
// a while (~3 ms per million characters); it goes in pieces, one per task,
// and the worker analyses each piece as it arrives.
const SEND_CHUNK = 1 << 20;

async function sendInChunks(worker, id, text, options, view) {
  worker.postMessage({ type: "analyse-start", id, length: text.length, options, view });
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + SEND_CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep pairs whole
    await new Promise((r) => setTimeout(r, 0));
    if (worker !== state.worker || !state.pending.has(id)) return; // cancelled meanwhile
    worker.postMessage({ type: "analyse-chunk", id, chunk: text.slice(at, end) });
    at = end;
  }
  worker.postMessage({ type: "analyse-end", id });
}

function cancel() {
  if (!state.worker) return;
  state.worker.terminate();
  const cancelled = new Error("cancelled");
  cancelled.cancelled = true;
  for (const p of state.pending.values()) p.reject(cancelled);
  state.pending.clear();
  state.analyseId = 0;
  setBusy(false);
  startWorker();
  setStatus("cancelled");
  // Focus goes back to the button that started the run (the cancel button is
  // gone). Not to the editor: focusing a textarea that holds millions of
  // characters lays its text out again, a 200–300 ms task at 19 M.
  $.analyse.focus();
}

// ------------------------------------------------------------------ status

function setStatus(key, vars = {}, kind = "") {
  state.status = { key, vars, kind };
  $.status.textContent = t(key, vars);
  $.status.className = `status ${kind}`;
}

function setBusy(on) {
  clearTimeout(state.busyTimer);
  document.body.classList.toggle("busy", on);
  if (on) {
    state.busyTimer = setTimeout(() => {
      $.progress.hidden = false;
      $.cancel.hidden = false;
    }, BUSY_UI_MS);
  } else {
    $.progress.hidden = true;
    $.cancel.hidden = true;
  }
}

function sizeLabel(n) {
  return n >= 1048576 ? `${nf(Math.round(n / 1048576))} MB` : `${nf(Math.round(n / 1024))} KB`;
}

// ------------------------------------------------------------------ analyse

function options(extra = {}) {
  const o = { lang: $.lang.value, ...extra };
  if (Object.keys(state.rules).length) o.cleanRules = { ...state.rules };
  return o;
}

async function analyse() {
  clearTimeout(state.debounce);
  if (state.bigFile) return analyseFile(state.bigFile);
  const text = state.bigText ?? $.input.value;
  if (text.length > MAX_CHARS) {
    setStatus("tooBig", { size: sizeLabel(text.length * 2), limit: sizeLabel(MAX_CHARS * 2) }, "error");
    return;
  }
  if (!text.trim()) {
    setStatus("empty");
    return;
  }
  if (state.initError) return;
  setStatus("analysing", { n: nf(text.length) });
  await showAnalysis(call("analyse", text, options()), text);
}

/** Waits for analysis `req` and shows its result, marked on `shown` (the
 * text, or a promise of the start of it). */
async function showAnalysis(req, shown) {
  state.analyseId = req.id;
  setBusy(true);
  try {
    const [data, text] = await Promise.all([req.promise, shown]);
    if (req.id !== state.analyseId) return; // a newer request superseded this one
    state.analyseId = 0;
    setBusy(false);
    state.text = text;
    state.result = data;
    state.resultId = req.id;
    render();
    setStatus("done", { n: nf(data.stats.inputLength) });
  } catch (err) {
    if (req.id !== state.analyseId) return;
    state.analyseId = 0;
    setBusy(false);
    if (!err.cancelled) setStatus("error", { msg: err.message }, "error");
  }
}

// A big file: the worker reads it in pieces; the page keeps only its start
// for the marked view.
async function analyseFile(file) {
  if (state.initError) return;
  setStatus("analysingFile", { file: file.name, size: sizeLabel(file.size) });
  // The start of the text (a character cut at the end of the slice is dropped).
  const head = file.slice(0, BIG_FILE_SHOWN_BYTES).text()
    .then((h) => (file.size > BIG_FILE_SHOWN_BYTES ? h.replace(/\uFFFD$/, "") : h));
  await showAnalysis(request({ type: "analyse-file", file, options: options() }), head);
}

function scheduleLive() {
  clearTimeout(state.debounce);
  const n = $.input.value.length;
  if (!$.live.checked) return;
  if (n > LIVE_LIMIT) {
    setStatus("longHint");
    return;
  }
  state.debounce = setTimeout(analyse, DEBOUNCE_MS);
}

// Converts HTML to text in the worker (the page never parses it), puts the
// text in the textarea with an undo notice, then analyses it as text.
async function insertHtml(html, noticeKey, vars = {}) {
  const before = $.input.value;
  const { selectionStart: s, selectionEnd: e } = $.input;
  const req = call("clean", html, { input: "html", lang: $.lang.value });
  let data;
  try {
    data = await req.promise;
  } catch (err) {
    if (!err.cancelled) setStatus("error", { msg: err.message }, "error");
    return;
  }
  const text = data.cleaned;
  leaveBigInput();
  if (noticeKey === "pastedHtml") $.input.setRangeText(text, s, e, "end");
  else $.input.value = text;
  const parts = data.removed.filter((r) => r.reason !== "html-markup").length;
  showNotice(noticeKey, { ...vars, n: nf(parts) }, before);
  afterNewText();
}

function showNotice(key, vars, undoValue) {
  state.undo = undoValue;
  state.notice = { key, vars };
  $.noticeText.textContent = t(key, vars);
  $.notice.hidden = false;
  $.noticeUndo.hidden = undoValue === null;
}

function afterNewText() {
  state.rules = {};
  if ($.input.value.length <= LIVE_LIMIT) analyse();
  else setStatus("longHint");
}

async function openFile(file) {
  if (!file) return;
  clearTimeout(state.debounce);
  if (file.size > MAX_FILE_BYTES) {
    setStatus("tooBig", { size: sizeLabel(file.size), limit: sizeLabel(MAX_FILE_BYTES) }, "error");
    return;
  }
  leaveBigInput();
  const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html";
  if (!isHtml && file.size > BIG_FILE_BYTES) {
    const before = $.input.value;
    $.input.value = "";
    state.bigFile = file;
    showNotice("bigFile", { file: file.name, size: sizeLabel(file.size) }, before);
    state.rules = {};
    analyse();
    return;
  }
  const text = await file.text();
  if (isHtml) {
    $.input.select();
    await insertHtml(text, "openedHtml", { file: file.name });
  } else {
    const before = $.input.value;
    $.input.value = text;
    showNotice("openedFile", { file: file.name }, before);
    afterNewText();
  }
}

// ------------------------------------------------------------------ render

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function render() {
  const r = state.result;
  if (!r) return;
  // For the benchmark: navigation → first result shown (`make bench`).
  if (performance.getEntriesByName("teks:first-result").length === 0) performance.mark("teks:first-result");
  state.selected = -1;
  state.step = -1;
  state.markLimit = MARK_STEP;
  state.listLimit = LIST_STEP;
  state.entityLimit = ENTITY_STEP;
  renderStats();
  renderTypeFilter();
  renderRestored();
  // The rest a frame at a time: what a big result adds to the page in one
  // frame would otherwise take the browser well over 50 ms to lay out.
  // A panel shown for the first time is laid out whole: its parts appear a
  // frame apart.
  const first = $.results.hidden;
  $.results.hidden = false;
  if (first) $.results.classList.add("filling");
  const rest = [() => $.results.classList.remove("filling"), renderEntities, renderChart, () => renderMarked(), renderSentences, renderCleaned];
  if (!r.partial && state.text.length <= SLICE_CHARS) {
    // A short text (typing, the sample) shows at once (and ends any
    // rendering still under way).
    sliced("render", () => {
      for (const step of rest) step();
      return false;
    });
    return;
  }
  let i = 0;
  sliced("render", () => {
    rest[i++]();
    return i < rest.length;
  }, undefined, { later: true });
}

function renderCleaned() {
  const r = state.result;
  const cleanedLength = r.partial ? r.partial.cleanedLength : r.cleaned.length;
  const cut = cleanedLength > MARK_STEP;
  $.cleaned.textContent = cut ? `${r.cleaned.slice(0, MARK_STEP)} ${t("more", { n: nf(cleanedLength - MARK_STEP) })}` : r.cleaned;
}

function renderStats() {
  const r = state.result;
  const s = r.stats;
  const minutes = s.words / WORDS_PER_MINUTE;
  const reading = minutes < 1 ? t("lessThanMinute") : t("minutes", { n: nf(Math.round(minutes)) });
  const rows = [
    ["language", t("statLanguage"), `${STRINGS[state.ui].langNames[r.language] || r.language} (${r.language})`],
    ["characters", t("statCharacters"), nf(s.characters)],
    ["words", t("statWords"), nf(s.words)],
    ["sentences", t("statSentences"), nf(s.sentences)],
    ["entities", t("statEntities"), nf(s.entities)],
    ["mentions", t("statMentions"), nf(s.mentions)],
    ["removed", t("statRemoved"), nf(s.removed)],
    ["reading", t("statReading"), reading],
  ];
  $.stats.replaceChildren(
    ...rows.map(([key, label, value]) => el("div", { "data-stat": key }, el("dt", { text: label }), el("dd", { text: value }))),
  );
  $.stats.querySelector('[data-stat="language"] dd').setAttribute("data-language", r.language);
}

function renderTypeFilter() {
  const present = [...new Set(state.result.entities.map((e) => e.type))];
  const keep = $.entType.value;
  const opts = [el("option", { value: "", text: t("allTypes") })];
  for (const ty of [...TYPES.filter((x) => present.includes(x)), ...present.filter((x) => !TYPES.includes(x))]) {
    opts.push(el("option", { value: ty, text: `${typeName(ty)} (${ty})` }));
  }
  $.entType.replaceChildren(...opts);
  $.entType.value = present.includes(keep) ? keep : "";
}

function visibleEntities() {
  const r = state.result;
  const type = $.entType.value;
  const q = $.entSearch.value.trim().toLocaleLowerCase();
  const list = r.entities
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => (!type || e.type === type)
      && (!q || e.name.toLocaleLowerCase().includes(q) || e.aliases.some((a) => a.toLocaleLowerCase().includes(q))));
  const { key, dir } = state.sort;
  const cmp = {
    count: (a, b) => a.e.count - b.e.count || b.i - a.i,
    name: (a, b) => a.e.name.localeCompare(b.e.name, state.ui),
    type: (a, b) => a.e.type.localeCompare(b.e.type) || b.e.count - a.e.count,
  }[key];
  return list.sort((a, b) => dir * cmp(a, b));
}

function renderEntities() {
  const r = state.result;
  const all = visibleEntities();
  const shown = all.slice(0, state.entityLimit);
  const row = ({ e, i }) => {
    const btn = el("button", { type: "button", class: "ent-name", "data-select": String(i), "aria-pressed": String(i === state.selected) }, e.name);
    btn.setAttribute("aria-label", t("showMentions", { name: e.name }));
    return el("tr", {
      "data-entity": String(i), "data-name": e.name, "data-type": e.type, "data-count": String(e.count),
      class: i === state.selected ? "selected" : "",
    },
    el("td", {}, btn),
    el("td", {}, el("span", { class: `tag t-${e.type}`, title: typeName(e.type), text: e.type })),
    el("td", { class: "num", text: nf(e.count) }),
    el("td", { class: "aliases", text: e.aliases.join(", ") }));
  };
  $.entities.replaceChildren();
  let k = 0;
  sliced("entities", () => {
    $.entities.append(...shown.slice(k, k + SLICE_ROWS).map(row));
    k += SLICE_ROWS;
    return k < shown.length;
  });
  $.entityEmpty.hidden = shown.length > 0;
  // A long result's view holds the top of the ranking (worker.js ENTITY_VIEW).
  const filtered = $.entType.value || $.entSearch.value.trim();
  const total = r.partial && !filtered ? r.partial.entities : all.length;
  $.entityListed.hidden = shown.length === total;
  $.entityListed.textContent = t("entitiesListed", { n: nf(total), k: nf(shown.length) });
  $.entitiesMore.hidden = shown.length === all.length;
  for (const th of $.entityTable.querySelectorAll("th[aria-sort]")) {
    const key = th.querySelector("button").dataset.sort;
    th.setAttribute("aria-sort", key === state.sort.key ? (state.sort.dir > 0 ? "ascending" : "descending") : "none");
  }
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderChart() {
  const top = [...state.result.entities].sort((a, b) => b.count - a.count).slice(0, 10);
  if (!top.length) {
    $.chart.replaceChildren();
    return;
  }
  const W = 360, row = 24, labelW = 140, barMax = 180;
  const max = top[0].count;
  const root = svg("svg", { viewBox: `0 0 ${W} ${top.length * row}`, width: "100%", role: "img", class: "bars" });
  root.append(svg("title", {}, t("chartLabel")));
  top.forEach((e, k) => {
    const y = k * row;
    const name = e.name.length > 18 ? `${e.name.slice(0, 17)}…` : e.name;
    const w = Math.max(2, Math.round((e.count / max) * barMax));
    const g = svg("g", { "data-bar": e.name });
    g.append(svg("title", {}, `${e.name} (${e.type}): ${e.count}`));
    g.append(svg("text", { x: labelW - 6, y: y + 16, "text-anchor": "end", class: "bar-label" }, name));
    g.append(svg("rect", { x: labelW, y: y + 4, width: w, height: row - 8, rx: 2, class: `bar t-${e.type}` }));
    g.append(svg("text", { x: labelW + w + 4, y: y + 16, class: "bar-value" }, String(e.count)));
    root.append(g);
  });
  $.chart.replaceChildren(root);
}

// Runs `step` once now (after the next frame if `later`) and then once per
// frame while it returns true (a newer run of the same `name` stops an older
// one), then `then`. One step per frame, run just after the frame, keeps each
// frame's layout to what one step added.
const nextFrame = (f) => requestAnimationFrame(() => setTimeout(f, 0));
const slicing = new Map(); // name → generation of its current run
let sliceGen = 0;
function sliced(name, step, then = () => {}, { later = false } = {}) {
  const gen = ++sliceGen;
  slicing.set(name, gen);
  $.results.setAttribute("data-rendering", "");
  const run = () => {
    if (slicing.get(name) !== gen) return;
    if (step()) {
      nextFrame(run);
      return;
    }
    slicing.delete(name);
    if (!slicing.size) $.results.removeAttribute("data-rendering");
    then();
  };
  if (later) nextFrame(run);
  else run();
}

/** Fetches from the worker the part of a long result's view that the marks
 * (up to `state.markLimit`) and the sentence list (up to `state.listLimit`)
 * now need. False if the result was replaced meanwhile or the fetch failed. */
async function extendView() {
  const r = state.result;
  const p = r.partial;
  if (!p) return true;
  const chars = Math.max(p.chars, Math.min(state.markLimit, state.text.length));
  const sentences = Math.max(r.sentences.length, Math.min(state.listLimit, p.sentences));
  if (chars === p.chars && sentences === r.sentences.length) return true;
  slicing.set("more", ++sliceGen); // #results[data-rendering] while the view grows
  $.results.setAttribute("data-rendering", "");
  try {
    const more = await request({ type: "more", of: state.resultId, chars: [p.chars, chars], sentences: [r.sentences.length, sentences] }).promise;
    if (state.result !== r) return false;
    r.entities.push(...more.entities);
    for (const [k, ms] of more.mentions) r.entities[k].mentions.push(...ms);
    r.removed.push(...more.removed);
    r.sentences.push(...more.sentences);
    p.chars = chars;
    if (more.entities.length) renderEntities();
    return true;
  } catch (err) {
    if (!err.cancelled) setStatus("error", { msg: err.message }, "error");
    return false;
  } finally {
    slicing.delete("more");
    if (!slicing.size) $.results.removeAttribute("data-rendering");
  }
}

// Where the slice of the marked text that starts at `pos` ends: after a line
// break near SLICE_CHARS if there is one (each slice is a block of its own, so
// the browser lays out only the slices that are added or on screen, and a block
// that ends with a line break renders exactly like the running text), else
// after a space, else at SLICE_CHARS.
function sliceEnd(text, pos, limit) {
  const at = pos + SLICE_CHARS;
  if (at >= limit) return limit;
  const nl = text.indexOf("\n", at);
  if (nl >= 0 && nl < at + SLICE_CHARS / 4 && nl < limit) return nl + 1;
  const sp = text.indexOf(" ", at);
  if (sp >= 0 && sp < at + 200 && sp < limit) return sp + 1;
  return at;
}

// The input with mentions marked by type and removed parts struck through.
function renderMarked(then = () => {}) {
  const r = state.result;
  const text = state.text;
  // A long result is a view of its marks in the first `partial.chars`
  // (worker.js), extended by `extendView` before more is shown; a big file's
  // text is here only up to its first BIG_FILE_SHOWN_BYTES.
  const viewEnd = text.length;
  const limit = Math.min(viewEnd, state.markLimit, r.partial ? r.partial.chars : Infinity);
  const spans = [];
  r.removed.forEach((x, k) => spans.push({ start: x.start, end: x.end, removed: k }));
  r.entities.forEach((e, i) => e.mentions.forEach((m, j) => spans.push({ start: m.start, end: m.end, entity: i, mention: j })));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const restorable = new Set(Object.keys(REASON_RULE));
  const present = [...new Set(r.entities.map((e) => e.type))];
  $.legend.replaceChildren(...present.map((ty) => el("span", { class: `m t-${ty}`, text: `${typeName(ty)} (${ty})` })));
  $.stepper.hidden = true;
  let pos = 0;
  let k = 0;
  $.marked.replaceChildren();
  sliced("marked", () => {
    const until = sliceEnd(text, pos, limit);
    const seg = document.createElement("div");
    seg.className = "seg";
    for (; k < spans.length && spans[k].start < until; k++) {
      const s = spans[k];
      if (s.start < pos || s.end > text.length || s.end <= s.start) continue;
      if (s.start > pos) seg.append(text.slice(pos, s.start));
      const part = text.slice(s.start, s.end);
      if (s.removed !== undefined) {
        const x = r.removed[s.removed];
        const del = el("del", { class: "removed", title: t("removedTitle", { reason: x.reason }), "data-reason": x.reason }, part);
        seg.append(del);
        // Restoring turns a whole rule family off: one button per family.
        if (restorable.delete(x.reason)) {
          seg.append(el("button", { type: "button", class: "restore", "data-restore": x.reason, text: t("restore") }));
        }
      } else {
        const e = r.entities[s.entity];
        seg.append(el("mark", { class: `m t-${e.type}`, "data-e": String(s.entity), "data-m": String(s.mention), tabindex: "-1", title: `${e.name} (${e.type})` }, part));
      }
      pos = s.end;
    }
    if (pos < until) {
      seg.append(text.slice(pos, until));
      pos = until;
    }
    $.marked.append(seg);
    if (pos >= limit) {
      const total = Math.max(r.stats.inputLength, text.length);
      if (limit < total) {
        $.marked.append(el("span", { class: "muted", text: ` ${t("more", { n: nf(total - limit) })} ` }));
        if (limit < viewEnd) {
          $.marked.append(el("button", { type: "button", class: "more", "data-more": "marked", text: t("showMore") }));
        }
      }
    }
    return pos < limit;
  }, then);
}

function renderSentences() {
  const list = state.result.sentences;
  const total = state.result.partial ? state.result.partial.sentences : list.length;
  const shown = Math.min(list.length, state.listLimit);
  $.sentencesMore.hidden = shown === total;
  $.sentenceCount.textContent = total > shown ? t("listed", { n: nf(total), k: nf(shown) }) : String(total);
  $.sentences.replaceChildren();
  let i = 0;
  sliced("sentences", () => {
    const end = Math.min(shown, i + SLICE_ITEMS);
    $.sentences.append(...list.slice(i, end).map((s) => el("li", { "data-start": String(s.start), "data-end": String(s.end) }, s.text)));
    i = end;
    return i < shown;
  });
}

function renderRestored() {
  const reasons = Object.keys(state.rules);
  $.restored.hidden = reasons.length === 0;
  if (reasons.length) {
    const names = Object.entries(REASON_RULE).filter(([, rule]) => state.rules[rule] === false).map(([reason]) => reason);
    $.restoredText.textContent = t("restoredNote", { reason: names.join(", ") });
  }
}

// ------------------------------------------------------------------ entity selection

function selectEntity(i) {
  state.selected = state.selected === i ? -1 : i;
  state.step = -1;
  for (const m of $.marked.querySelectorAll("mark.active")) m.classList.remove("active", "current");
  for (const row of $.entities.querySelectorAll("tr")) {
    const on = Number(row.dataset.entity) === state.selected;
    row.classList.toggle("selected", on);
    row.querySelector("button").setAttribute("aria-pressed", String(on));
  }
  if (state.selected < 0) {
    $.stepper.hidden = true;
    return;
  }
  for (const m of $.marked.querySelectorAll(`mark[data-e="${state.selected}"]`)) m.classList.add("active");
  $.stepper.hidden = false;
  stepTo(0);
}

function stepTo(k) {
  const marks = $.marked.querySelectorAll(`mark[data-e="${state.selected}"]`);
  const e = state.result.entities[state.selected];
  if (!marks.length) {
    $.stepLabel.textContent = t("stepLabel", { name: e.name, i: 0, n: 0 });
    return;
  }
  state.step = ((k % marks.length) + marks.length) % marks.length;
  for (const m of marks) m.classList.remove("current");
  const cur = marks[state.step];
  cur.classList.add("current");
  const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
  cur.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  $.stepLabel.textContent = t("stepLabel", { name: e.name, i: state.step + 1, n: marks.length });
}

// ------------------------------------------------------------------ exports

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}


async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    setStatus("copied");
  } catch (err) {
    setStatus("copyFailed", { msg: err.message }, "error");
  }
}

// ------------------------------------------------------------------ UI language

function applyUi(lang) {
  state.ui = STRINGS[lang] ? lang : "en";
  document.documentElement.lang = state.ui;
  $.uiLang.value = state.ui;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
  setStatus(state.status.key, state.status.vars, state.status.kind);
  if (state.notice && !$.notice.hidden) $.noticeText.textContent = t(state.notice.key, state.notice.vars);
  if (state.result) {
    const sel = state.selected;
    render();
    if (sel >= 0) selectEntity(sel);
  }
}

function savedUi() {
  try {
    return localStorage.getItem("teks.ui");
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ wiring

$.analyse.addEventListener("click", analyse);
$.cancel.addEventListener("click", cancel);
$.input.addEventListener("input", () => {
  leaveBigInput();
  scheduleLive();
});
$.input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyse();
  }
});
$.lang.addEventListener("change", () => state.result && analyse());
$.input.addEventListener("paste", (e) => {
  const dt = e.clipboardData;
  if (dt && !dt.types.includes("text/html") && dt.types.includes("text/plain")) {
    const text = dt.getData("text/plain");
    if (text.length <= BIG_PASTE_CHARS) return; // the browser inserts it
    e.preventDefault();
    const before = $.input.value;
    leaveBigInput();
    $.input.value = "";
    state.bigText = text;
    showNotice("bigPaste", { n: nf(text.length) }, before);
    state.rules = {};
    analyse();
    return;
  }
  if (!dt || !dt.types.includes("text/html")) return;
  const html = dt.getData("text/html");
  if (!html) return;
  e.preventDefault();
  insertHtml(html, "pastedHtml");
});
/** The editor's text counts again (typing, undo, sample, another file). */
function leaveBigInput() {
  if (!state.bigFile && state.bigText === null) return;
  state.bigFile = null;
  state.bigText = null;
  if (state.notice?.key === "bigFile" || state.notice?.key === "bigPaste") $.notice.hidden = true;
}

$.noticeUndo.addEventListener("click", () => {
  if (state.undo === null) return;
  leaveBigInput();
  $.input.value = state.undo;
  state.undo = null;
  $.notice.hidden = true;
  $.input.focus();
  afterNewText();
});
$.sample.addEventListener("click", () => {
  leaveBigInput();
  $.input.value = SAMPLE;
  $.notice.hidden = true;
  afterNewText();
});
$.clear.addEventListener("click", () => {
  leaveBigInput();
  const before = $.input.value;
  $.input.value = "";
  if (before) showNotice("empty", {}, before);
  $.input.focus();
});
$.file.addEventListener("change", () => {
  openFile($.file.files[0]);
  $.file.value = "";
});
for (const type of ["dragenter", "dragover"]) {
  $.drop.addEventListener(type, (e) => {
    e.preventDefault();
    $.drop.classList.add("dragging");
  });
}
$.drop.addEventListener("dragleave", () => $.drop.classList.remove("dragging"));
$.drop.addEventListener("drop", (e) => {
  $.drop.classList.remove("dragging");
  const dt = e.dataTransfer;
  if (dt.files && dt.files.length) {
    e.preventDefault();
    openFile(dt.files[0]);
  } else if (dt.types.includes("text/html")) {
    e.preventDefault();
    $.input.select();
    insertHtml(dt.getData("text/html"), "pastedHtml");
  }
});

$.entities.addEventListener("click", (e) => {
  const b = e.target.closest("[data-select]");
  if (b) selectEntity(Number(b.dataset.select));
});
$.marked.addEventListener("click", (e) => {
  const m = e.target.closest("mark[data-e]");
  if (m) {
    selectEntity(Number(m.dataset.e));
    return;
  }
  const b = e.target.closest("[data-restore]");
  if (b) {
    state.rules[REASON_RULE[b.dataset.restore]] = false;
    analyse();
  }
});
$.marked.addEventListener("click", async (e) => {
  if (!e.target.closest('[data-more="marked"]')) return;
  const sel = state.selected;
  state.markLimit += MARK_STEP;
  if (!(await extendView())) return;
  renderMarked(() => {
    if (sel >= 0) {
      state.selected = -1;
      selectEntity(sel);
    }
  });
});
$.entitiesMore.addEventListener("click", () => {
  state.entityLimit += ENTITY_STEP;
  renderEntities();
});
$.sentencesMore.addEventListener("click", async () => {
  state.listLimit += LIST_STEP;
  if (await extendView()) renderSentences();
});
$.restoredUndo.addEventListener("click", () => {
  state.rules = {};
  analyse();
});
$.stepPrev.addEventListener("click", () => stepTo(state.step - 1));
$.stepNext.addEventListener("click", () => stepTo(state.step + 1));
$.stepClear.addEventListener("click", () => selectEntity(state.selected));
$.entityTable.querySelector("thead").addEventListener("click", (e) => {
  const b = e.target.closest("[data-sort]");
  if (!b) return;
  const key = b.dataset.sort;
  state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : key === "count" ? -1 : 1 };
  renderEntities();
});
$.entType.addEventListener("change", renderEntities);
$.entSearch.addEventListener("input", renderEntities);

/** The whole result as JSON, its entities as CSV or the whole cleaned text: built here for a short
 * text, by the worker (which keeps the whole result) for a long one. CSV is always the worker's
 * (csv.js loads there only): a short result goes with the request. */
async function whole(what) {
  const r = state.result;
  if (!r.partial) {
    if (what === "json") return new Blob([`${JSON.stringify(r, null, 2)}\n`], { type: "application/json" });
    if (what !== "csv") return new Blob([r.cleaned], { type: "text/plain" });
  }
  return request({ type: "export", of: state.resultId, what, data: r.partial ? undefined : r }).promise;
}

async function exportWhole(what, name) {
  try {
    const blob = await whole(what);
    download(name, blob.type, blob);
  } catch (err) {
    if (!err.cancelled) setStatus("error", { msg: err.message }, "error");
  }
}

async function copyWhole(what) {
  try {
    copy(await (await whole(what)).text());
  } catch (err) {
    if (!err.cancelled) setStatus("error", { msg: err.message }, "error");
  }
}

$.exportJson.addEventListener("click", () => exportWhole("json", "teks-result.json"));
$.exportCsv.addEventListener("click", () => exportWhole("csv", "teks-entities.csv"));
$.exportText.addEventListener("click", () => exportWhole("cleaned", "teks-cleaned.txt"));
$.copyCleaned.addEventListener("click", () => copyWhole("cleaned"));
$.copyJson.addEventListener("click", () => copyWhole("json"));

$.uiLang.addEventListener("change", () => {
  applyUi($.uiLang.value);
  try {
    localStorage.setItem("teks.ui", state.ui);
  } catch {
    // storage may be unavailable; the choice then lasts for this visit
  }
});

applyUi(savedUi() || pickLanguage(navigator.languages || [navigator.language]));
setStatus("loading");
startWorker();
warmResults();

// The first layout of the results panel costs tens of milliseconds more than
// any later one (fonts, form controls): it is paid once while the page is
// idle, off screen and invisible, not when the first result arrives.
function warmResults() {
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  idle(() => {
    if (!$.results.hidden) return;
    $.results.classList.add("warming");
    $.results.hidden = false;
    requestAnimationFrame(() => setTimeout(() => {
      $.results.classList.remove("warming");
      if (!state.result) $.results.hidden = true;
    }, 0));
  });
}

if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register("./sw.js").catch((err) => console.warn("service worker:", err.message));
}
