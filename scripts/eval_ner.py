#!/usr/bin/env python3
"""Scores teks entity recognition on the NER dev sets (Python 3.11, stdlib only).

Runs the release CLI `teks entities --jsonl --no-clean --lang X` over each gold
file, converts the UTF-16 mention offsets to code points, writes predictions
and scores them with ../shared/tools/score_ner.py (exact-span F1, per type).

Usage: scripts/eval_ner.py [--teks target/release/teks] [--data ../shared/data/ner]
                           [--out /tmp/teks-ner] [--full] [SET ...]

A SET written NAME:LANG scores NAME.jsonl of --data that is not one of the
dev sets below (e.g. an evaluation set made by scripts/gum_ner.py:
`--data /tmp/gum-news gum_news:en`).
"""
import argparse
import json
import os
import subprocess
import sys

SETS = [
    ("idner_news_2k_dev", "id"),
    ("indonlu_nergrit_dev", "id"),
    ("indolem_nerugm_fold1_dev", "id"),
    ("indonlu_nerp_dev", "id"),
    ("wikiann_en_dev", "en"),
    ("uner_en_ewt_dev", "en"),
    ("btc_dev", "en"),
]


def utf16_to_cp(text):
    """Map from UTF-16 offset to code-point offset."""
    m = {}
    u = 0
    for i, ch in enumerate(text):
        m[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    m[u] = len(text)
    return m


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--teks", default=os.path.join(root, "target/release/teks"))
    ap.add_argument("--data", default=os.path.join(root, "../shared/data/ner"))
    ap.add_argument("--scorer", default=os.path.join(root, "../shared/tools/score_ner.py"))
    ap.add_argument("--out", default="/tmp/teks-ner")
    ap.add_argument("--full", action="store_true", help="print the scorer's whole report")
    ap.add_argument("sets", nargs="*")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    extra = [tuple(x.split(":", 1)) for x in a.sets if ":" in x]
    for name, lang in extra or SETS:
        if a.sets and not extra and name not in a.sets:
            continue
        gold = os.path.join(a.data, name + ".jsonl")
        docs = [json.loads(l) for l in open(gold, encoding="utf-8") if l.strip()]
        inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
        res = subprocess.run(
            [a.teks, "entities", "--jsonl", "--no-clean", "--lang", lang],
            input=inp.encode(), capture_output=True, check=True)
        texts = {d["id"]: d["text"] for d in docs}
        pred_path = os.path.join(a.out, name + ".pred.jsonl")
        with open(pred_path, "w", encoding="utf-8") as fh:
            for line in res.stdout.decode().splitlines():
                r = json.loads(line)
                m = utf16_to_cp(texts[r["id"]])
                ents = []
                for e in r.get("result", []):
                    for x in e["mentions"]:
                        ents.append({"start": m[x["start"]], "end": m[x["end"]], "type": e["type"]})
                fh.write(json.dumps({"id": r["id"], "entities": ents}) + "\n")
        rep = subprocess.run([sys.executable, a.scorer, gold, pred_path],
                             capture_output=True, text=True, check=True).stdout
        if a.full:
            print(f"==== {name} ({lang})\n{rep}")
            continue
        # The exact-match block: overall and per type.
        lines = rep.splitlines()
        out = []
        take = False
        for l in lines:
            if l.lower().startswith("(a)") or "exact" in l.lower() and not take:
                take = True
            elif take and (l.lower().startswith("(b)") or "untyped" in l.lower()):
                break
            if take and l.strip():
                out.append("   " + l.strip())
        print(f"== {name} ({lang})")
        print("\n".join(out[:8]))
        print("   " + lines[-1])


if __name__ == "__main__":
    main()
