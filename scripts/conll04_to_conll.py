#!/usr/bin/env python3
"""Converts a CoNLL04-style JSON file to a token-per-line IOB2 file for `erx train ner`.

Input: a JSON array of sentences {"tokens": [...], "entities": [[start, end, type], ...], ...}
with exclusive entity ends (the format of ../shared/corpora/conll04/*.CoNLL04.json and of
scripts/re3d_to_conll04.py's output). Output (stdout): one "word<TAB>tag" line per token, a blank
line after each sentence, and a "-DOCSTART-" line before each sentence (CoNLL04 sentences come
from unrelated articles, so each is its own document for the recognizer's second pass).

    python3 scripts/conll04_to_conll.py ../shared/corpora/conll04/train.CoNLL04.json > c04-train.conll

Overlapping entities (none in CoNLL04) keep the first, longest one. Exits with status 1 and a
message naming the sentence on a span that is out of range.
"""
import json
import sys


def convert(path, out):
    with open(path, encoding="utf-8") as f:
        sentences = json.load(f)
    for n, s in enumerate(sentences):
        tokens = s["tokens"]
        tags = ["O"] * len(tokens)
        spans = sorted(s.get("entities", []), key=lambda e: (e[0], -(e[1] - e[0])))
        for start, end, etype in spans:
            if not (0 <= start < end <= len(tokens)):
                sys.exit(f"{path}: sentence {n}: entity span [{start}, {end}) out of range")
            if any(t != "O" for t in tags[start:end]):
                continue
            tags[start] = "B-" + etype
            for i in range(start + 1, end):
                tags[i] = "I-" + etype
        out.write("-DOCSTART-\tO\n\n")
        for word, tag in zip(tokens, tags):
            # A word never contains whitespace in a token-per-line file.
            word = "".join(word.split()) or "_"
            out.write(f"{word}\t{tag}\n")
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: conll04_to_conll.py FILE.json > FILE.conll")
    convert(sys.argv[1], sys.stdout)
