#!/usr/bin/env python3
"""Turns CoNLL-2003 NER text into an evaluation set in the shape of
../shared/data/ner/*.jsonl (Python 3.11, stdlib only). For EVALUATION ONLY:
CoNLL-2003 (Reuters news) may not be redistributed; never train on its
output, never commit it.

Usage: scripts/conll_ner.py RAW OUT_ALL OUT_PROSE
RAW: eng.testb (or its two-column form, "token TAG" a line; IOB1 or IOB2),
whole or cut anywhere: only complete documents are kept (the text is cut at
its last -DOCSTART- line). OUT_ALL gets every sentence, OUT_PROSE those of 8
tokens or more that are not mostly numbers (result tables). MISC entities are
dropped after the spans are decoded from the whole tag sequence; PER, LOC and
ORG are kept. Then: python3 scripts/eval_ner.py --data DIR NAME:en (NAME the
output's file name without .jsonl).

The ninth session's sample: the first 240,000 characters of
heathher/Named-Entity-Recognition conll2003/test.txt (commit 10e9d659; eng.testb
in two columns), 121 documents; see README.md for its figures.
"""
import json, re, sys
from collections import Counter

KEEP = {"PER", "LOC", "ORG"}

def parse(raw):
    lines = raw.split("\n")
    # cut at last -DOCSTART- boundary: everything after it is a possibly partial doc
    last = max(i for i, l in enumerate(lines) if l.startswith("-DOCSTART-"))
    lines = lines[:last]
    docs, doc, sent = [], None, []
    def flush():
        nonlocal sent
        if sent:
            doc.append(sent)
        sent = []
    for l in lines:
        l = l.rstrip()
        if l.startswith("-DOCSTART-"):
            flush()
            if doc:
                docs.append(doc)
            doc = []
            continue
        if not l:
            flush()
            continue
        parts = l.split()
        sent.append((parts[0], parts[-1]))
    flush()
    if doc:
        docs.append(doc)
    return docs

def spans(tags):
    """Decode IOB1/IOB2 tags into (type, start, end_inclusive)."""
    out, cur = [], None
    for i, t in enumerate(tags):
        if t == "O":
            if cur: out.append(cur); cur = None
            continue
        pre, typ = t.split("-", 1)
        if pre == "B" or cur is None or cur[0] != typ:
            if cur: out.append(cur)
            cur = [typ, i, i]
        else:  # I- continuing same type
            cur[2] = i
    if cur: out.append(cur)
    return [tuple(s) for s in out]

def is_prose(tokens):
    if len(tokens) < 8:
        return False
    numeric = sum(1 for t in tokens if re.search(r"\d", t) and not re.search(r"[A-Za-z]{2,}", t))
    return numeric / len(tokens) < 0.5

def main(raw_path, out_all, out_prose):
    docs = parse(open(raw_path, encoding="utf-8").read())
    stats = {"all": Counter(), "prose": Counter()}
    n = 0
    with open(out_all, "w") as fa, open(out_prose, "w") as fp:
        for d, doc in enumerate(docs):
            for s, sent in enumerate(doc):
                toks = [w for w, _ in sent]
                tags = [t for _, t in sent]
                ents = [{"text": " ".join(toks[a:b + 1]), "type": typ,
                         "start_token": a, "end_token": b}
                        for typ, a, b in spans(tags) if typ in KEEP]
                rec = {"id": f"conll2003_en-test-d{d:04d}-s{s:03d}",
                       "text": " ".join(toks), "tokens": toks, "entities": ents}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                fa.write(line); stats["all"]["sentences"] += 1
                for e in ents: stats["all"][e["type"]] += 1
                if is_prose(toks):
                    fp.write(line); stats["prose"]["sentences"] += 1
                    for e in ents: stats["prose"][e["type"]] += 1
    print("documents:", len(docs))
    for k, c in stats.items():
        print(k, dict(c))

if __name__ == "__main__":
    main(*sys.argv[1:4])
