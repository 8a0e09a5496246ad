// The timed part of the benchmark, shared by Node (bench/run.mjs) and the
// headless Chromium bench page (bench/page.mjs): same code, same texts.
//
// Every contender is warmed up on a 100 KB slice (JIT, lazy lexicons),
// then timed `runs` times on the whole 1 MiB text; the median counts.
// Each timed call includes building the JS result the caller would use.

const now = () => performance.now();

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function utf8Bytes(s) {
  return new TextEncoder().encode(s).length;
}

/** The contenders: name → (text, lang) → a small summary of the result. */
export function contenders({ teks, nlp, wink, sentencex }) {
  const out = {};
  if (teks) {
    out.teks = (text, lang) => {
      const r = teks.analyse(text, { lang });
      return { sentences: r.sentences.length, entities: r.entities.length, mentions: r.stats.mentions };
    };
  }
  if (nlp) {
    out.compromise = (text) => {
      const doc = nlp(text);
      const people = doc.people().out("array");
      const places = doc.places().out("array");
      const orgs = doc.organizations().out("array");
      const sentences = doc.sentences().out("array");
      return { sentences: sentences.length, mentions: people.length + places.length + orgs.length };
    };
  }
  if (wink) {
    const its = wink.its;
    out["wink-nlp"] = (text) => {
      const doc = wink.readDoc(text);
      const entities = doc.entities().out(its.detail);
      const sentences = doc.sentences().out();
      return { sentences: sentences.length, mentions: entities.length };
    };
  }
  if (sentencex) {
    out["sentencex-wasm"] = (text, lang) => {
      const sentences = sentencex.segment(lang, text);
      return { sentences: sentences.length };
    };
  }
  return out;
}

/**
 * Times every contender on every text.
 * texts: { id: string, en: string }; returns
 * { [lang]: { bytes, [name]: { ms: [..], medianMs, mbps, summary } } }.
 */
export async function throughput(libs, texts, { runs = 5, log = () => {}, only, budgetMs = 45_000 } = {}) {
  const all = contenders(libs);
  const result = {};
  for (const [lang, text] of Object.entries(texts)) {
    const bytes = utf8Bytes(text);
    const warm = text.slice(0, 100_000);
    result[lang] = { bytes };
    for (const [name, fn] of Object.entries(all)) {
      if (only && !only.includes(name)) continue;
      fn(warm, lang);
      const ms = [];
      let summary;
      const start = now();
      for (let i = 0; i < runs; i++) {
        const t0 = now();
        summary = fn(text, lang);
        ms.push(now() - t0);
        // A contender slower than the budget gets fewer runs (reported).
        if (now() - start > budgetMs) break;
        // Let the event loop / GC breathe between runs.
        await new Promise((r) => setTimeout(r, 0));
      }
      const medianMs = median(ms);
      const mbps = bytes / (1 << 20) / (medianMs / 1000);
      result[lang][name] = { ms: ms.map((x) => +x.toFixed(2)), medianMs: +medianMs.toFixed(2), mbps: +mbps.toFixed(3), summary };
      const short = ms.length < runs ? `  (only ${ms.length} runs: over the ${budgetMs / 1000} s budget)` : "";
      log(`  ${lang} ${name.padEnd(15)} ${medianMs.toFixed(1).padStart(9)} ms  ${mbps.toFixed(3).padStart(9)} MB/s${short}`);
    }
  }
  return result;
}

/** teks throughput ÷ each peer's, per language. */
export function ratios(tp) {
  const out = {};
  for (const [lang, r] of Object.entries(tp)) {
    if (!r.teks) continue;
    out[lang] = {};
    for (const [name, v] of Object.entries(r)) {
      if (name === "bytes" || name === "teks") continue;
      out[lang][name] = +(r.teks.mbps / v.mbps).toPrecision(2);
    }
  }
  return out;
}

/**
 * Wasm memory while analysing a ~100 KB text `n` times: linear memory size
 * after a warm-up call and every n/10 calls (flat = no leak).
 */
export async function memory(teks, wasmMemory, text, n = 1000, lang = "id", budgetMs = 30_000) {
  teks.analyse(text, { lang });
  const baseline = wasmMemory.buffer.byteLength;
  const samples = [];
  const t0 = now();
  let calls = 0;
  for (let i = 1; i <= n; i++) {
    teks.analyse(text, { lang });
    calls = i;
    if (i % (n / 10) === 0) samples.push(wasmMemory.buffer.byteLength);
    if (i % 10 === 0) {
      await new Promise((r) => setTimeout(r, 0));
      // Too slow for all n calls in the budget: stop (reported as `calls`).
      if (now() - t0 > budgetMs) {
        samples.push(wasmMemory.buffer.byteLength);
        break;
      }
    }
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  return {
    calls,
    textBytes: utf8Bytes(text),
    bytesAfterWarmup: baseline,
    samples,
    // Growth after the first sample would mean a leak.
    flat: last === first,
    totalMs: +(now() - t0).toFixed(1),
  };
}
