#!/usr/bin/env python3
"""Converts GUM's entity annotations (CoNLL-U MISC "Entity=") into a CoNLL-2003-style NER file.

    python3 scripts/gum_entities_to_conll.py ../shared/corpora/gum/train > /tmp/gum-train.conll
    erx train ner --train eng.train /tmp/gum-train.conll ...

GUM marks every mention (named or not) of ten types with the span of its whole noun phrase. NER
wants names only, with CoNLL spans, so for each person / place / organization mention this keeps the
run of proper nouns that heads it ("the University of Portsmouth , United Kingdom" ->
"University of Portsmouth"): it skips the words before the first PROPN, then takes PROPN tokens,
capitalised nouns or adjectives inside the name, and "of", "de", "and", "&" ... between two of them.
Types map person -> PER, place -> LOC, organization -> ORG. GUM has no MISC type, so a sentence with
a proper noun or a capitalised adjective outside every kept name (a nationality, a product, an
event: CoNLL would call it MISC) is left out rather than taught as O. One output document per
input file. Only the standard library is used; the output is deterministic (files in name order).
"""
import glob
import os
import sys

TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
CONNECTORS = {"of", "de", "the", "and", "&", "for", "du", "la", "von", "van", "der", "al", "bin", "da", "di"}


def sentences(path):
    """Yields each sentence as a list of its ten CoNLL-U columns (syntactic words only)."""
    current = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if current:
                    yield current
                current = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    current.append(cols)
    if current:
        yield current


def mentions(sentence):
    """The (first, end, type) mentions of a sentence, from the bracketed Entity= values."""
    out, open_ = [], {}
    for i, cols in enumerate(sentence):
        value = next((m[7:] for m in cols[9].split("|") if m.startswith("Entity=")), "")
        j = 0
        while j < len(value):
            if value[j] == "(":
                k = j + 1
                while k < len(value) and value[k] not in "()":
                    k += 1
                parts = value[j + 1:k].split("-")
                kind = parts[1] if len(parts) > 1 else ""
                if k < len(value) and value[k] == ")":
                    out.append((i, i + 1, kind))
                    j = k + 1
                else:
                    open_.setdefault(parts[0], []).append((i, kind))
                    j = k
            elif value[j].isdigit():
                k = j
                while k < len(value) and value[k].isdigit():
                    k += 1
                if k < len(value) and value[k] == ")" and open_.get(value[j:k]):
                    first, kind = open_[value[j:k]].pop()
                    out.append((first, i + 1, kind))
                j = k + 1
            else:
                j += 1
    return out


def names(sentence):
    """Non-overlapping (first, end, CoNLL type) names, longest first."""
    words = [c[1] for c in sentence]
    upos = [c[3] for c in sentence]
    spans = []
    for first, end, kind in mentions(sentence):
        if kind not in TYPES:
            continue
        k = first
        while k < end and upos[k] != "PROPN":
            k += 1
        if k == end:
            continue
        e = k
        while e < end:
            if upos[e] == "PROPN" or (words[e][:1].isupper() and upos[e] in ("NOUN", "ADJ", "VERB", "NUM")):
                e += 1
            elif words[e].lower() in CONNECTORS and e + 1 < end and upos[e + 1] == "PROPN":
                e += 1
            else:
                break
        spans.append((k, e, TYPES[kind]))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    used = [False] * len(sentence)
    kept = []
    for first, end, kind in spans:
        if not any(used[first:end]):
            for q in range(first, end):
                used[q] = True
            kept.append((first, end, kind))
    # A proper noun or capitalised adjective left outside every name may be a MISC: skip the sentence.
    for i, cols in enumerate(sentence):
        if not used[i] and (cols[3] == "PROPN" or (cols[3] == "ADJ" and cols[1][:1].isupper() and i > 0)):
            return None
    return kept


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: gum_entities_to_conll.py GUM_DIR  (a folder of GUM .conllu files)")
    kept = dropped = 0
    out = sys.stdout
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.conllu"))):
        out.write("-DOCSTART- -X- O O\n\n")
        for sentence in sentences(path):
            spans = names(sentence)
            if spans is None:
                dropped += 1
                continue
            kept += 1
            tags = ["O"] * len(sentence)
            for first, end, kind in spans:
                tags[first] = "B-" + kind
                for q in range(first + 1, end):
                    tags[q] = "I-" + kind
            for cols, tag in zip(sentence, tags):
                out.write(f"{cols[1]} {cols[4]} _ {tag}\n")
            out.write("\n")
    print(f"gum_entities_to_conll: {kept} sentences kept, {dropped} left out", file=sys.stderr)


if __name__ == "__main__":
    main()
