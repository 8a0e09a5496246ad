#!/usr/bin/env python3
"""Measure the sentence splitter on the shared gold sets.

Runs the release CLI (`teks sentences --jsonl --no-clean --lang X`) over each gold
file in ../shared/data/sbd/ and scores it with ../shared/tools/score_sbd.py
(exact-match share and boundary precision/recall/F1).

Usage (from the repository root, after `cargo build --release`):

    python3 scripts/eval_sbd.py                 # every set below, one summary line each
    python3 scripts/eval_sbd.py golden_en_48    # only sets whose name contains a word
    python3 scripts/eval_sbd.py --errors 10 sastrawi_id   # also print 10 wrong items per set
    python3 scripts/eval_sbd.py --others        # also the other languages' sets (run as en)
    python3 scripts/eval_sbd.py --ws pragmatic_en  # score on whitespace-normalised text
    python3 scripts/eval_sbd.py --ws --clean pragmatic_en  # clean items as the page does

--ws: the judge's scorer places a boundary by finding each sentence in the raw
text, so a gold item whose sentences span line breaks ("a cold \nnight",
pragmatic_segmenter's gold joins lines) does not align and all its boundaries
count as missed. With --ws the gold text and both sentence lists are written
with whitespace runs collapsed to one space before scoring; the splitter still
runs on the raw text. Exact matches are unchanged (the scorer normalises them).

--clean: items marked as needing a cleaner (pragmatic `ps_config.clean`, the
golden `clean`/`pdf` sets) are run through teks's cleaner first, as the page
does (`teks analyse`, not `--no-clean`); the predicted sentences are then the
cleaned sentence texts and the gold item is aligned against the cleaned text.

--file PATH: score one gold file given by path (same shape as the shared
sets: {"id","text","sentences"} per line) instead of the shared sets; --lang
sets its language (default en). Several --file options may be given.

--gum-sample DIR: build DIR/gum_train_sample.jsonl from DIR/*.txt, files that
keep only the `# newdoc`, `# newpar` and `# text = ...` lines of UD/GUM
.conllu documents (the data stays outside the repository), then score it:
one item per `# newpar` paragraph, its sentences joined by one space, or by a
line break inside a heading paragraph (`# newpar = head ...`).

    python3 scripts/eval_sbd.py --gum-sample /tmp/gum --errors 50

--news-id DIR: build DIR/id_news_sample.jsonl, an Indonesian news running-text
proxy, from the news sentences of the shared NER sets (idner-news-2k and
NER-UGM fold 1, train and dev: single sentences that end in `.`, `?` or `!`,
open in upper case and hold no second sentence), detokenised (no space before
`,` `.` `)` …, quotes attached to what they enclose), shuffled with a fixed
seed and joined five to a paragraph by one space; then score it (language id).
The data stays outside the repository.

    python3 scripts/eval_sbd.py --news-id /tmp/idnews --errors 20

Options: --bin PATH (default target/release/teks), --data DIR (default
../shared/data/sbd), --errors N.  The `golden_en` set is run on its `golden` and
`more` items only (`clean`/`pdf` items expect pySBD's text cleaning).
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")

# (name, file relative to the data dir, language, item filter)
SETS = [
    ("golden_en_48", "golden_en_48.jsonl", "en", None),
    ("sastrawi_id", "sastrawi_id.jsonl", "id", None),
    ("ud_id_gsd_dev", "ud_id_gsd_dev.jsonl", "id", None),
    ("ud_id_csui_train", "ud_id_csui_train.jsonl", "id", None),
    ("ud_en_ewt_dev", "ud_en_ewt_dev.jsonl", "en", None),
    ("golden_en", "golden_en.jsonl", "en", lambda r: r.get("set") in ("golden", "more")),
    ("pragmatic_en", "pragmatic/pragmatic_en.jsonl", "en", None),
    ("sentencex_en", "sentencex/sentencex_en.jsonl", "en", None),
    ("sentencex_lists", "sentencex/sentencex_lists.jsonl", "en", None),
]


def other_sets(data):
    """The other languages' sets, run with English rules as a sanity check."""
    out = []
    for sub, prefix in (("", "golden_"), ("pragmatic", "pragmatic_"), ("sentencex", "sentencex_")):
        d = os.path.join(data, sub)
        for f in sorted(os.listdir(d)):
            if not f.startswith(prefix) or not f.endswith(".jsonl"):
                continue
            code = f[len(prefix):-len(".jsonl")]
            if code in ("en", "en_48", "lists"):
                continue
            filt = (lambda r: r.get("set") in ("golden", "more")) if prefix == "golden_" else None
            out.append((f[:-len(".jsonl")], os.path.join(sub, f), "en", filt))
    return out


def utf16_slice(text, start, end):
    """`text[start:end]` with UTF-16 offsets (as the CLI reports them)."""
    b = text.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le", errors="replace")


def norm_ws(s):
    return " ".join(s.split())


def needs_clean(r):
    """Whether the gold item expects its source's cleaner to have run."""
    cfg = r.get("ps_config") or {}
    return bool(cfg.get("clean")) or r.get("set") in ("clean", "pdf")


def run_cleaned(binary, rows, lang):
    """{id: (cleaned text, [sentence texts])} from `teks analyse` (cleaner on)."""
    inp = "".join(json.dumps({"id": str(r["id"]), "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows)
    res = subprocess.run(
        [binary, "analyse", "--jsonl", "--lang", lang],
        input=inp.encode(), capture_output=True, check=False,
    )
    out = {}
    for line in res.stdout.decode().splitlines():
        o = json.loads(line)
        out[str(o["id"])] = (o.get("cleaned", ""), [s["text"] for s in o.get("sentences") or []])
    return out


def run_set(binary, data, name, rel, lang, filt, errors, ws=False, clean=False):
    rows = [json.loads(l) for l in open(os.path.join(data, rel), encoding="utf-8") if l.strip()]
    if filt:
        rows = [r for r in rows if filt(r)]
    cleaned = run_cleaned(binary, [r for r in rows if needs_clean(r)], lang) if clean else {}
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        with open(gold, "w", encoding="utf-8") as g:
            for r in rows:
                if str(r["id"]) in cleaned:
                    r = dict(r, text=cleaned[str(r["id"])][0])
                if ws:
                    r = dict(r, text=norm_ws(r["text"]), sentences=[norm_ws(x) for x in r["sentences"]])
                g.write(json.dumps(r, ensure_ascii=False) + "\n")
        inp = "".join(json.dumps({"id": str(r["id"]), "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows)
        res = subprocess.run(
            [binary, "sentences", "--jsonl", "--no-clean", "--lang", lang],
            input=inp.encode(), capture_output=True, check=False,
        )
        texts = {str(r["id"]): r["text"] for r in rows}
        pred = os.path.join(tmp, "pred.jsonl")
        with open(pred, "w", encoding="utf-8") as p:
            for line in res.stdout.decode().splitlines():
                o = json.loads(line)
                t = texts.get(str(o["id"]), "")
                sents = [utf16_slice(t, s["start"], s["end"]) for s in o.get("result") or []]
                if str(o["id"]) in cleaned:
                    sents = cleaned[str(o["id"])][1]
                if ws:
                    sents = [norm_ws(x) for x in sents]
                p.write(json.dumps({"id": o["id"], "sentences": sents}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, os.path.join(SHARED, "tools", "score_sbd.py"), gold, pred]
        if errors:
            cmd += ["--errors", str(errors)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    lines = out.strip().splitlines()
    if errors:
        print("\n".join(lines[:-2]))
    print(f"{name:22} {lang}  {lines[-2]}  {lines[-1].split()[0]}")


def gum_sample(folder):
    """Write folder/gum_train_sample.jsonl from the `# text` files in folder."""
    out = os.path.join(folder, "gum_train_sample.jsonl")
    items = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        doc, par, kind = name[:-len(".txt")], [], ""

        def flush():
            if par:
                sep = "\n" if kind.startswith("head") else " "
                items.append({"id": f"{doc}:p{len(items) + 1:04d}", "text": sep.join(par),
                              "sentences": list(par), "doc": doc})
            par.clear()

        for line in open(os.path.join(folder, name), encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                flush()
                doc = line.split("=", 1)[1].strip() if "=" in line else doc
            elif line.startswith("# newpar"):
                flush()
                kind = line.split("=", 1)[1].strip() if "=" in line else ""
            elif line.startswith("# text = "):
                par.append(line[len("# text = "):])
        flush()
    with open(out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    return out


def detokenise(tokens):
    """Running text from NER tokens: no space before closing punctuation or
    after an opening bracket; straight quotes alternate opening and closing."""
    out, glue, quote_open = "", True, False
    for t in tokens:
        if t == '"':
            quote_open = not quote_open
            if quote_open:
                out += ("" if glue else " ") + t
                glue = True
            else:
                out += t
                glue = False
            continue
        if glue or t in (",", ".", ";", ":", "?", "!", "%", ")", "]"):
            out += t
        else:
            out += " " + t
        glue = t in ("(", "[")
    return out


def news_id(folder):
    """Write folder/id_news_sample.jsonl from the Indonesian NER news sets."""
    import random
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, "id_news_sample.jsonl")
    sents = []
    for name in ("idner_news_2k_dev", "idner_news_2k_train",
                 "indolem_nerugm_fold1_dev", "indolem_nerugm_fold1_train"):
        for line in open(os.path.join(SHARED, "data", "ner", name + ".jsonl"), encoding="utf-8"):
            t = json.loads(line)["tokens"]
            if len(t) < 4 or t[-1] not in (".", "?", "!") or t.count('"') % 2:
                continue
            words = [w for w in t if w != '"']
            if any(w in (".", "?", "!") and n[:1].isupper() for w, n in zip(words, words[1:])):
                continue
            s = detokenise(t)
            if s.lstrip('"')[:1].isupper():
                sents.append(s)
    random.Random(7).shuffle(sents)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(0, len(sents) - 4, 5):
            par = sents[i:i + 5]
            f.write(json.dumps({"id": f"id_news:{i // 5:04d}", "text": " ".join(par),
                                "sentences": par}, ensure_ascii=False) + "\n")
    return out


def main(argv):
    binary = os.path.join(ROOT, "target", "release", "teks")
    data = os.path.join(SHARED, "data", "sbd")
    errors, words, others, ws, clean = 0, [], False, False, False
    files, lang = [], "en"
    it = iter(argv[1:])
    for a in it:
        if a == "--bin":
            binary = next(it)
        elif a == "--data":
            data = next(it)
        elif a == "--errors":
            errors = int(next(it))
        elif a == "--others":
            others = True
        elif a == "--ws":
            ws = True
        elif a == "--clean":
            clean = True
        elif a == "--file":
            files.append(os.path.abspath(next(it)))
        elif a == "--lang":
            lang = next(it)
        elif a == "--gum-sample":
            files.append(gum_sample(next(it)))
        elif a == "--news-id":
            files.append(news_id(next(it)))
            lang = "id"
        elif a in ("-h", "--help"):
            sys.exit(__doc__)
        else:
            words.append(a)
    if files:
        for path in files:
            name = os.path.basename(path)[:-len(".jsonl")] if path.endswith(".jsonl") else path
            run_set(binary, os.path.dirname(path), name, os.path.basename(path), lang, None, errors, ws, clean)
        return
    sets = SETS + (other_sets(data) if others else [])
    for name, rel, lang, filt in sets:
        if words and not any(w in name for w in words):
            continue
        run_set(binary, data, name, rel, lang, filt, errors, ws, clean)


if __name__ == "__main__":
    main(sys.argv)
