#!/usr/bin/env python3
"""Lists the errors of a prediction file from scripts/eval_ner.py against its
gold file, by class (Python 3.11, stdlib only).

Classes: type (same span, other type), boundary (overlaps a gold span of any
type), spurious (overlaps no gold span), missed (a gold span nothing
predicted overlaps). Spans are code-point offsets, as the scorer reads them.

Usage: scripts/ner_errors.py GOLD.jsonl PRED.jsonl [--show N] [--class C]
"""
import argparse
import collections
import json


def gold_spans(doc):
    """(start, end, type) code-point spans of a gold document."""
    toks = doc["tokens"]
    starts, pos = [], 0
    for t in toks:
        starts.append(pos)
        pos += len(t) + 1
    norm = {"PERSON": "PER", "PPL": "PER", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
            "LOCATION": "LOC", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG"}
    out = set()
    for e in doc["entities"]:
        ty = norm.get(e["type"], e["type"])
        if ty not in ("PER", "LOC", "ORG"):
            continue
        s = starts[e["start_token"]]
        end = starts[e["end_token"]] + len(toks[e["end_token"]])
        out.add((s, end, ty))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", type=int, default=25)
    ap.add_argument("--cls", default=None, help="only this class")
    a = ap.parse_args()
    golds = {d["id"]: d for d in map(json.loads, open(a.gold, encoding="utf-8"))}
    preds = {}
    for line in open(a.pred, encoding="utf-8"):
        r = json.loads(line)
        preds[r["id"]] = {(e["start"], e["end"], e["type"]) for e in r["entities"]
                          if e["type"] in ("PER", "LOC", "ORG")}
    errs = collections.defaultdict(list)
    for gid, doc in golds.items():
        text = doc["text"]
        g = gold_spans(doc)
        p = preds.get(gid, set())
        for s, e, ty in sorted(p - g):
            over = [x for x in g if x[0] < e and s < x[1]]
            same = [x for x in over if (x[0], x[1]) == (s, e)]
            if same:
                cls = f"type {same[0][2]}->{ty}"
            elif over:
                cls = f"boundary {ty}"
            else:
                cls = f"spurious {ty}"
            gtxt = "; ".join(f"{text[x[0]:x[1]]}/{x[2]}" for x in over)
            ctx = text[max(0, s - 30):s] + "[" + text[s:e] + "]" + text[e:e + 30]
            errs[cls].append((text[s:e], gtxt, ctx))
        for s, e, ty in sorted(g):
            if not any(x[0] < e and s < x[1] for x in p):
                ctx = text[max(0, s - 30):s] + "[" + text[s:e] + "]" + text[e:e + 30]
                errs[f"missed {ty}"].append((text[s:e], "", ctx))
    for cls in sorted(errs, key=lambda c: -len(errs[c])):
        if a.cls and not cls.startswith(a.cls):
            continue
        print(f"== {cls}: {len(errs[cls])}")
        for pred, gold, ctx in errs[cls][: a.show]:
            print(f"   {pred!r:32} gold: {gold:32} | {ctx}")


if __name__ == "__main__":
    main()
