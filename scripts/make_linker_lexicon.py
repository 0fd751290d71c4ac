#!/usr/bin/env python3
"""Builds the linker's country lists in models/en/linker/ from the countries gazetteer.

    python3 scripts/make_linker_lexicon.py ../shared/corpora/countries/countries.json models/en/linker

Writes countries.txt (one common name per line), demonyms.tsv (demonym<TAB>country) and
aliases.tsv (alias<TAB>country). Input: mledoze/countries (ODbL 1.0), so the outputs are ODbL too
(see models/en/linker/README.md). Deterministic: entries are sorted.
"""
import json
import sys
from collections import defaultdict

# Aliases the data set does not spell out, used in English news.
EXTRA_ALIASES = {
    "U.S.": "United States", "U.S.A.": "United States", "America": "United States",
    "United States of America": "United States", "Britain": "United Kingdom",
    "U.K.": "United Kingdom", "Great Britain": "United Kingdom", "Holland": "Netherlands",
    "Czechia": "Czechia", "Czech Republic": "Czechia", "Burma": "Myanmar", "Ivory Coast": "Ivory Coast",
    "ROK": "South Korea", "DPRK": "North Korea", "PRC": "China", "UAE": "United Arab Emirates",
}
# Demonyms the data set lacks or gives only in a longer form.
EXTRA_DEMONYMS = {
    "Saudi": "Saudi Arabia", "US": "United States", "U.S.": "United States", "UK": "United Kingdom",
    "Emirati": "United Arab Emirates", "Korean": None,  # ambiguous between the two Koreas
}
# Two-letter codes that are also common words or ambiguous are left out; these are safe.
SAFE_CODES = {"US", "UK"}


def ascii_only(s):
    return all(ord(c) < 128 for c in s)


def main(src, out_dir):
    countries = json.load(open(src, encoding="utf-8"))
    names = set()
    sovereign = {c["name"]["common"] for c in countries if c.get("unMember") or c.get("independent")}
    demonyms = defaultdict(set)
    aliases = defaultdict(set)
    for c in countries:
        common = c["name"]["common"]
        names.add(common)
        for d in c.get("demonyms", {}).get("eng", {}).values():
            if d:
                demonyms[d].add(common)
        candidates = [c["name"]["official"]] + c.get("altSpellings", [])
        for a in candidates:
            if a == common or not ascii_only(a) or "," in a:
                continue
            if len(a) <= 2 and a not in SAFE_CODES:
                continue
            aliases[a].add(common)
    for a, n in EXTRA_ALIASES.items():
        aliases[a] = {n}
    for d, n in EXTRA_DEMONYMS.items():
        demonyms[d] = {n} if n else set()
    with open(f"{out_dir}/countries.txt", "w", encoding="utf-8") as f:
        f.write("# Country names (mledoze/countries, ODbL 1.0). One per line.\n")
        for n in sorted(names):
            f.write(n + "\n")
    with open(f"{out_dir}/demonyms.tsv", "w", encoding="utf-8") as f:
        f.write("# demonym<TAB>country (mledoze/countries, ODbL 1.0). Ambiguous demonyms are left out.\n")
        for d in sorted(demonyms):
            targets = demonyms[d]
            if len(targets) > 1:  # "French": France, French Guiana, ... -> the sovereign state
                targets = targets & sovereign
            if len(targets) == 1:
                f.write(f"{d}\t{next(iter(targets))}\n")
    with open(f"{out_dir}/aliases.tsv", "w", encoding="utf-8") as f:
        f.write("# alias<TAB>country (mledoze/countries, ODbL 1.0, plus common English forms).\n")
        for a in sorted(aliases):
            if len(aliases[a]) == 1 and a not in names:
                f.write(f"{a}\t{next(iter(aliases[a]))}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
