// Builds the benchmark texts at run time from ../shared/data (never copied
// into the repository).
//
// Indonesian (1 MiB): paragraphs of natural text from the UD Indonesian
// treebanks (CSUI train, GSD dev: already written text), then sentences of
// the Indonesian NER sets (idner-news-2k, NERGRIT, NER-UGM: tokens joined by
// single spaces, de-tokenised here), five sentences per paragraph; the
// reference news article (with its promo lines and caption credit) is put
// in every 64th paragraph so cleaning has real work to do.
// English (1 MiB): UD English-EWT paragraphs, then de-tokenised WikiANN and
// Broad Twitter Corpus sentences, five per paragraph.
// Paragraphs are separated by a blank line. Sources are used in file order
// (deterministic); the text is cut at the last paragraph end before 1 MiB
// (UTF-8 bytes) and padded by cycling the sources if they run out.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
export const DATA = process.env.TEKS_DATA || join(here, "..", "..", "shared", "data");

export const MIB = 1 << 20;

function jsonl(rel) {
  const text = readFileSync(join(DATA, rel), "utf8");
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Undoes "tokens joined by single spaces": no space before closing
 * punctuation, none after opening brackets, quotes paired open/close. */
export function detokenise(text) {
  const toks = text.split(" ").filter(Boolean);
  let out = "";
  let quoteOpen = false;
  let glueNext = true;
  for (const t of toks) {
    let glue = glueNext;
    glueNext = false;
    if (/^[.,:;!?%)\]}]+$/.test(t) || /^'(s|re|ve|ll|d|m)$/i.test(t) || t === "n't") glue = true;
    if (t === '"' || t === "''" || t === "``") {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
      out += (glue || !out ? "" : " ") + '"';
      continue;
    }
    if (/^[(\[{]$/.test(t)) glueNext = true;
    out += (glue || !out ? "" : " ") + t;
  }
  return out;
}

function paragraphsOf(sentences, per = 5) {
  const out = [];
  for (let i = 0; i < sentences.length; i += per) out.push(sentences.slice(i, i + per).join(" "));
  return out;
}

function assemble(paragraphs, extra, every) {
  const parts = [];
  let bytes = 0;
  let k = 0;
  for (let round = 0; bytes < MIB; round++) {
    for (const p of paragraphs) {
      const piece = extra && k % every === every - 1 ? extra : p;
      k++;
      const size = Buffer.byteLength(piece, "utf8") + 2;
      if (bytes + size > MIB) return parts.join("\n\n");
      parts.push(piece);
      bytes += size;
    }
    if (round > 100) break;
  }
  return parts.join("\n\n");
}

export function indonesian() {
  const ud = [...jsonl("sbd/ud_id_csui_train.jsonl"), ...jsonl("sbd/ud_id_gsd_dev.jsonl")].map((r) => r.text);
  const ner = [
    "ner/idner_news_2k_train.jsonl",
    "ner/idner_news_2k_dev.jsonl",
    "ner/indonlu_nergrit_train.jsonl",
    "ner/indolem_nerugm_fold1_train.jsonl",
  ].flatMap((f) => jsonl(f).map((r) => detokenise(r.text)));
  const article = readFileSync(join(DATA, "samples/000_8979b68690ae2a27.txt"), "utf8").trim();
  return assemble([...ud, ...paragraphsOf(ner)], article, 64);
}

export function english() {
  const ud = jsonl("sbd/ud_en_ewt_dev.jsonl").map((r) => r.text);
  const ner = ["ner/wikiann_en_train.jsonl", "ner/btc_train.jsonl"].flatMap((f) =>
    jsonl(f).map((r) => detokenise(r.text)),
  );
  return assemble([...ud, ...paragraphsOf(ner)], null, 0);
}

/** A ~`bytes` slice of `text`, cut at a paragraph end. */
export function slice(text, bytes) {
  let cut = text.lastIndexOf("\n\n", bytes);
  if (cut <= 0) cut = Math.min(text.length, bytes);
  return text.slice(0, cut);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, f] of [["id", indonesian], ["en", english]]) {
    const t = f();
    console.log(name, Buffer.byteLength(t), "bytes", t.length, "UTF-16 units");
    console.log(t.slice(0, 400).replace(/\n/g, "⏎"));
  }
}
