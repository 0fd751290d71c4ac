#!/usr/bin/env python3
"""Converts re3d (dstl/re3d JSON, as in ../shared/corpora/re3d) to CoNLL04-style JSON sentences.

re3d has no official split, and ../shared/corpora/re3d holds its train documents only. This script
makes a document-level train/dev split of them: within each source folder, the document _ids are
sorted and every document whose index is 2 (mod 5) goes to dev, the others to train.

    python3 scripts/re3d_to_conll04.py ../shared/corpora/re3d --split train > re3d-train.json
    python3 scripts/re3d_to_conll04.py ../shared/corpora/re3d --split dev > re3d-dev.json
    python3 scripts/re3d_to_conll04.py ../shared/corpora/re3d --split train \\
        --exclude-source "BBC Online" > re3d-train-nobbc.json   # for a shipped (commercial-use) model

What the conversion does (statistics go to stderr):
- Text: each document's "text" is split into tokens (words with inner hyphens, apostrophes and
  periods; numbers; single punctuation marks) and sentences (after . ! ? followed by a capital,
  a quote or a digit, and at line breaks).
- Entities: annotations with confidence >= 0.5 (as juand-r's CoNLL conversion does), snapped to
  the tokens they overlap; overlapping ones keep the longest (then the earliest). Entity types are
  re3d's own (Organisation, Location, Person, Nationality, Temporal, ...).
- Relations: annotations with confidence >= 0.5 whose two arguments are kept entities of one
  sentence (same token span), with their type mapped by RELATION_MAP below. re3d's 11 types are
  kept except that the rare sentiment types are merged: Likes + AlliesOf -> Allies, and Dislikes +
  FightingAgainst -> Opposes; Apart (19 annotations, "not at the same place") is dropped.
"""
import argparse
import json
import os
import re
import sys

RELATION_MAP = {
    "CoLocated": "CoLocated",
    "BelongsTo": "BelongsTo",
    "HasAttrOf": "HasAttrOf",
    "CommWith": "CommWith",
    "IsSynonymOf": "IsSynonymOf",
    "InChargeOf": "InChargeOf",
    "Likes": "Allies",
    "AlliesOf": "Allies",
    "Dislikes": "Opposes",
    "FightingAgainst": "Opposes",
    "Apart": None,
}

MIN_CONFIDENCE = 0.5
TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|\w+(?:[-'’.&]\w+)*\.?|[^\w\s]", re.UNICODE)
ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "st.", "u.s.",
                 "u.k.", "u.n.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "no.", "vs.", "e.g.",
                 "i.e.", "inc.", "co.", "corp.", "ltd.", "jr.", "sr.", "rep.", "sen.", "gov.", "adm.", "brig."}


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [json.loads(line) for line in f.read().splitlines() if line.strip()]


def tokenize(text):
    """Tokens as (begin, end) character spans, and the sentences as token index ranges."""
    spans = []
    for m in TOKEN.finditer(text):
        b, e = m.span()
        word = m.group()
        # A trailing period is its own token unless the word is an abbreviation or initial.
        if word.endswith(".") and len(word) > 1 and word.lower() not in ABBREVIATIONS and \
                not re.fullmatch(r"(?:\w\.)+", word):
            spans.append((b, e - 1))
            spans.append((e - 1, e))
        else:
            spans.append((b, e))
    sentences, start = [], 0
    for i, (b, e) in enumerate(spans):
        last = i + 1 == len(spans)
        boundary = last
        if not last:
            nb = spans[i + 1][0]
            if "\n" in text[e:nb]:
                boundary = True
            elif text[b:e] in (".", "!", "?") and (text[nb].isupper() or text[nb].isdigit() or text[nb] in "\"'“‘("):
                boundary = True
        if boundary:
            sentences.append((start, i + 1))
            start = i + 1
    return spans, sentences


def convert(root, split, excluded, out):
    stats = {"docs": 0, "sentences": 0, "entities": 0, "relations": 0, "dropped_relations": 0,
             "unmapped_relations": 0, "low_confidence_relations": 0}
    result = []
    for source in sorted(os.listdir(root)):
        folder = os.path.join(root, source)
        if not os.path.isfile(os.path.join(folder, "documents.json")) or source in excluded:
            continue
        docs = sorted(read_lines(os.path.join(folder, "documents.json")), key=lambda d: d["_id"])
        entities = read_lines(os.path.join(folder, "entities.json"))
        relations = read_lines(os.path.join(folder, "relations.json"))
        for index, doc in enumerate(docs):
            in_dev = index % 5 == 2
            if (split == "dev") != in_dev:
                continue
            stats["docs"] += 1
            text = doc["text"]
            spans, sentences = tokenize(text)

            def token_range(b, e):
                ids = [i for i, (tb, te) in enumerate(spans) if tb < e and b < te]
                return (ids[0], ids[-1] + 1) if ids else None

            kept = []  # (first, end, type)
            cands = []
            for ent in entities:
                if ent["documentId"] != doc["_id"] or ent.get("confidence", 0) < MIN_CONFIDENCE:
                    continue
                r = token_range(ent["begin"], ent["end"])
                if r:
                    cands.append((r[0], r[1], ent["type"]))
            cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
            for c in cands:
                if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
                    kept.append(c)
            kept.sort()
            by_span = {(k[0], k[1]): k for k in kept}
            rels = []
            for rel in relations:
                if rel["documentId"] != doc["_id"]:
                    continue
                if rel.get("confidence", 0) < MIN_CONFIDENCE:
                    stats["low_confidence_relations"] += 1
                    continue
                rtype = RELATION_MAP.get(rel["type"])
                if rtype is None:
                    stats["unmapped_relations"] += 1
                    continue
                h = token_range(rel["sourceBegin"], rel["sourceEnd"])
                t = token_range(rel["targetBegin"], rel["targetEnd"])
                if h is None or t is None or h not in by_span or t not in by_span or h == t:
                    stats["dropped_relations"] += 1
                    continue
                rels.append((h, t, rtype))
            for s_first, s_end in sentences:
                ents = [k for k in kept if s_first <= k[0] and k[1] <= s_end]
                srels = [r for r in rels if s_first <= r[0][0] and r[0][1] <= s_end and
                         s_first <= r[1][0] and r[1][1] <= s_end]
                result.append({
                    "tokens": [text[b:e] for b, e in spans[s_first:s_end]],
                    "entities": [[k[0] - s_first, k[1] - s_first, k[2]] for k in ents],
                    "relations": sorted({(r[0][0] - s_first, r[0][1] - s_first, r[1][0] - s_first,
                                          r[1][1] - s_first, r[2]) for r in srels}),
                    "document": doc["_id"], "source": source,
                })
                stats["sentences"] += 1
                stats["entities"] += len(ents)
                stats["relations"] += len(result[-1]["relations"])
            in_sentence = sum(1 for r in rels if any(
                s_first <= min(r[0][0], r[1][0]) and max(r[0][1], r[1][1]) <= s_end for s_first, s_end in sentences))
            stats["dropped_relations"] += len(rels) - in_sentence
    json.dump(result, out, ensure_ascii=False)
    out.write("\n")
    print(f"re3d {split}: " + ", ".join(f"{k} {v}" for k, v in stats.items()) +
          " (dropped: argument not a kept entity, or arguments in different sentences)", file=sys.stderr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", help="re3d directory (one folder per source)")
    ap.add_argument("--split", choices=["train", "dev"], required=True)
    ap.add_argument("--exclude-source", action="append", default=[], help="source folder to leave out")
    args = ap.parse_args()
    convert(args.root, args.split, set(args.exclude_source), sys.stdout)
