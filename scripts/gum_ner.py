#!/usr/bin/env python3
"""Turns GUM (UD_English-GUM) entity annotation into a CoNLL-like PER/LOC/ORG
evaluation set in the shape of ../shared/data/ner/*.jsonl (Python 3.11,
stdlib only). For EVALUATION ONLY: never train on its output, never commit it.

Input: GUM .conllu files (`not-to-release/sources/GUM_news_*.conllu` of the
train split; skip the documents listed in `files.dev` and `files.test`), or
the same content transcribed in the compact form below. Output: one JSON line
per sentence, {"id", "text" (tokens joined by spaces), "tokens", "entities":
[{"text", "type", "start_token", "end_token" (inclusive)}]}.

GUM marks every mention (Entity=(type-id-... opens at the first token, id)
closes at the last; nested). Only NAMED person/place/organization mentions
are kept, under CoNLL-like conventions:
- a leading "the"/"The" and a trailing possessive ('s, ') are dropped;
- a run of tokens is named when its first and last tokens are proper nouns
  (UPOS PROPN or XPOS NNP/NNPS; the last may be a number: "FIFA World Cup
  2018") and every token between is one too or a
  connective ("of", "and", "the", "'s", "-", …) or a number ("Movimento 5 Stelle"); a place or organisation (or
  another mention, e.g. an event) is named as a whole when it can be;
- otherwise, and always for a person, leading words that are no proper noun,
  a title ("President", "Ambassador"; persons only) or part of a nested
  mention are skipped and the longest named run from there is the name ("U.S.
  President Donald Trump 's" gives PER "Donald Trump" and LOC "U.S.", "Mecca ,
  Saudi Arabia" LOC "Mecca" and "Saudi Arabia"); the name stops before a nested
  mention ("Gary Chan of DAB"); a person mention of plural proper nouns only
  is a group ("Muslims", "Afghans": demonyms are not entities) and is
  dropped, and one that is "the" and proper nouns ("the Taliban") a group
  that CoNLL counts as ORG;
- GUM types a country or city acting as a body as an organization ("North
  Korea fired …"); CoNLL counts it as a place: in .conllu input an
  organization mention whose identity is a place elsewhere in the file, and
  in the compact form a mention opened with "{g", is a LOC;
- a named mention inside another named mention is dropped (so "FIRST" inside
  the event "FIRST Global Challenge Robot Olympics" is no ORG, and "Mexico"
  inside "Mexico City" no LOC); of two with the same words the inner one is
  kept.

Compact form (one sentence a line, "# ID" lines name the next sentence):
tokens separated by spaces; "/P" after a token marks a proper noun, "/Q" a
plural proper noun (NNPS); "{p", "{l", "{o", "{g", "{x" open a person, place,
organisation, organisation-typed geopolitical (see above) or other mention before its first token and "}" closes the
innermost open mention. Marks are only needed inside mentions.

Usage: scripts/gum_ner.py OUT.jsonl FILE.conllu|FILE.txt ...
"""
import json
import os
import sys

TYPES = {"person": "PER", "place": "LOC", "organization": "ORG", "gpe": "LOC"}
SHORT = {"p": "person", "l": "place", "o": "organization", "g": "gpe", "x": "other"}
CONNECT = {"of", "the", "and", "&", "for", "de", "du", "des", "del", "la", "le",
           "von", "van", "der", "y", "-", "al", "bin", "da", "do", "dos", "'s"}
TITLES = {
    "president", "vice", "ambassador", "minister", "prime", "secretary", "senator",
    "sen", "rep", "representative", "governor", "gov", "mayor", "king", "queen",
    "prince", "princess", "pope", "judge", "justice", "general", "gen", "colonel",
    "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "officer",
    "chief", "ceo", "chairman", "chairwoman", "chair", "director", "mr", "mrs",
    "ms", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "saint", "st",
    "rev", "reverend", "father", "coach", "commissioner", "chancellor", "premier",
    "deputy", "former", "first", "spokesman", "spokeswoman", "detective",
    "inspector", "agent", "sheriff", "attorney", "senior", "assistant", "emperor",
    "empress", "sultan", "sheikh", "ayatollah", "archbishop", "bishop",
    "cardinal", "rabbi", "imam", "leader", "founder", "head", "speaker",
    "congressman", "congresswoman", "councillor", "councilman", "admiral", "emeritus",
    "major", "private", "corporal", "marshal", "chef", "manager", "editor",
}
POSSESSIVE = {"'s", "'", "’s", "’"}


class Tok:
    def __init__(self, form, proper=False, plural=False):
        self.form, self.proper, self.plural = form, proper, plural


def parse_entity_misc(value):
    """Yields ("open", type, eid) and ("close", eid) from an Entity= value."""
    i = 0
    while i < len(value):
        c = value[i]
        if c == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            parts = value[i + 1:j].split("-")
            yield ("open", parts[0], parts[1] if len(parts) > 1 else "",
                   parts[5] if len(parts) > 5 else "")
            if j < len(value) and value[j] == ")":
                yield ("close", parts[1] if len(parts) > 1 else "")
                j += 1
            i = j
        elif c.isdigit():
            j = i
            while j < len(value) and value[j] != ")":
                j += 1
            yield ("close", value[i:j])
            i = j + 1
        else:
            i += 1


def read_conllu(path):
    """Sentences as (id, [Tok], [(type, start, end)]) from a .conllu file."""
    sents, sid, toks, spans, open_ = [], None, [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if toks:
                sents.append((sid, toks, spans))
            sid, toks, spans, open_ = None, [], [], []
            continue
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():  # multiword ranges and empty nodes
            continue
        form, upos, xpos, misc = cols[1], cols[3], cols[4], cols[9]
        toks.append(Tok(form, upos == "PROPN" or xpos in ("NNP", "NNPS"), xpos == "NNPS"))
        k = len(toks) - 1
        for field in misc.split("|"):
            if not field.startswith("Entity="):
                continue
            for ev in parse_entity_misc(field[len("Entity="):]):
                if ev[0] == "open":
                    open_.append([ev[1], ev[2], k, ev[3]])
                else:
                    for n in range(len(open_) - 1, -1, -1):
                        if open_[n][1] == ev[1]:
                            ty, _, s, ident = open_.pop(n)
                            spans.append([ty, s, k, ident])
                            break
    if toks:
        sents.append((sid, toks, spans))
    places = {sp[3] for _, _, spans in sents for sp in spans if sp[0] == "place" and sp[3]}
    for _, _, spans in sents:
        for sp in spans:
            if sp[0] == "organization" and sp[3] in places:
                sp[0] = "gpe"
    return [(sid, toks, [tuple(sp[:3]) for sp in spans]) for sid, toks, spans in sents]


def read_compact(path):
    """Sentences from the compact form (see the module doc)."""
    doc = os.path.splitext(os.path.basename(path))[0]
    sents, sid = [], None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("# "):
            sid = line[2:].strip()
            continue
        toks, spans, open_ = [], [], []
        for w in line.split(" "):
            if len(w) == 2 and w[0] == "{" and w[1] in SHORT:
                open_.append((SHORT[w[1]], len(toks)))
            elif w == "}":
                ty, s = open_.pop()
                spans.append((ty, s, len(toks) - 1))
            elif w.endswith("/P") and len(w) > 2:
                toks.append(Tok(w[:-2], True))
            elif w.endswith("/Q") and len(w) > 2:
                toks.append(Tok(w[:-2], True, True))
            else:
                toks.append(Tok(w))
        assert not open_, f"{path}: unclosed mention in {line!r}"
        sents.append((sid or f"{doc}-{len(sents) + 1}", toks, spans))
        sid = None
    return sents


def trim(toks, s, e):
    """Drops a leading the/The and a trailing possessive."""
    if s < e and toks[s].form in ("the", "The"):
        s += 1
    if s < e and toks[e].form in POSSESSIVE:
        e -= 1
    return s, e


def named(toks, s, e):
    if not (toks[s].proper and (toks[e].proper or toks[e].form.isdigit() and s < e)):
        return False
    return all(t.proper or t.form.lower() in CONNECT or t.form.isdigit() for t in toks[s:e + 1])


def name_part(toks, s, e, spans, person):
    """The named part of a mention, or None. A place, organisation or other
    mention is named as a whole when it can be. Otherwise (and always for a
    person) its leading words that are no proper noun, a title (persons
    only) or part of a nested mention are skipped, and the longest named run
    from the first word left is the name ("North Korea 's main news agency
    Korean Central News Agency", "Mecca , Saudi Arabia", "Yonhap news
    agency")."""
    the = toks[s].form in ("the", "The")
    s, e = trim(toks, s, e)
    if not person and named(toks, s, e):
        return s, e, False
    if person and the and named(toks, s, e) and toks[s].form.lower().rstrip(".") not in TITLES:
        return s, e, True  # "the Taliban": a group, an organisation for CoNLL
    inner = [(a, b) for (_, a, b) in spans if s <= a and b <= e and (a, b) != (s, e)]
    while s <= e:
        t = toks[s]
        nested = any(a <= s <= b for a, b in inner)
        title = person and t.form.lower().rstrip(".") in TITLES
        if t.proper and not nested and not title:
            break
        s += 1
    # the name stops before a nested mention ("Gary Chan of DAB")
    e = min([e] + [a - 1 for a, _ in inner if a > s])
    while e >= s and not named(toks, s, e):
        e -= 1
    if s > e:
        return None
    if person and all(t.plural for t in toks[s:e + 1]):
        return None
    return s, e, False


def convert(sent):
    sid, toks, spans = sent
    cands = []  # (start, end, type or None), outer mentions first
    for ty, s, e in sorted(spans, key=lambda x: (x[1], -x[2])):
        r = name_part(toks, s, e, spans, ty == "person")
        if r:
            cands.append((r[0], r[1], "ORG" if r[2] else TYPES.get(ty)))
    keep = []
    for i, (s, e, ty) in enumerate(cands):
        # inside another named mention; of two with the same words the
        # inner (the more specific) one is kept
        inside = any(s2 <= s and e <= e2 and (s2, e2) != (s, e) or
                     j > i and (s2, e2) == (s, e)
                     for j, (s2, e2, _) in enumerate(cands))
        if not inside and ty:
            keep.append((s, e, ty))
    tokens = [t.form for t in toks]
    ents = [{"text": " ".join(tokens[s:e + 1]), "type": ty, "start_token": s, "end_token": e}
            for s, e, ty in sorted(keep)]
    return {"id": sid, "text": " ".join(tokens), "tokens": tokens, "entities": ents}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = []
    for path in sys.argv[2:]:
        sents = read_conllu(path) if path.endswith(".conllu") else read_compact(path)
        out.extend(convert(s) for s in sents)
    with open(sys.argv[1], "w", encoding="utf-8") as fh:
        for d in out:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    n = sum(len(d["entities"]) for d in out)
    by = {}
    for d in out:
        for x in d["entities"]:
            by[x["type"]] = by.get(x["type"], 0) + 1
    print(f"{len(out)} sentences, {n} entities {dict(sorted(by.items()))}", file=sys.stderr)


if __name__ == "__main__":
    main()
