#!/usr/bin/env python3
"""Gathers unlabeled English text for `erx train clusters` (Brown word clusters).

Writes one sentence per line, tokens separated by single spaces, to OUT_DIR:
  corpora.txt   word forms of the train/dev splits in the shared corpora (see CORPORA_SOURCES)
  debian.txt    English prose from installed Debian packages whose main licence is permissive
  sources.tsv   one row per source: name, licence, sentences, tokens
Sentences are deduplicated across all sources (boilerplate repeats a lot in package docs).

Run through scripts/gather_unlabeled_text.sh, which checks the prerequisites. Deterministic: the
same installed packages and corpora give the same files byte for byte.

What is deliberately left out (see models/en/clusters.README.md):
  * test splits (none are in the shared corpora anyway);
  * CoNLL-2003 eng.testa and CrossRE news-dev (its sentences are eng.testa sentences): the NER
    dev set must stay unseen, even as unlabeled text;
  * CaRB dev: 157 of BenchIE's test sentences are CaRB dev sentences;
  * GUM *-nc folders and re3d BBC Online (non-commercial licences);
  * nltk-data PTB sample, IEER and CoNLL-2000 (LDC/NIST material, research use only);
  * Debian packages whose main licence is copyleft (GPL, LGPL, GFDL, CC BY-SA) or unknown.
"""

import gzip
import hashlib
import html.parser
import json
import os
import re
import subprocess
import sys
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Tokenization (an approximation of the UD English / CoNLL conventions, for raw text only).

ABBREVIATIONS = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "sr.", "jr.", "st.", "mt.", "gen.", "col.", "lt.", "sgt.",
    "capt.", "gov.", "sen.", "rep.", "rev.", "inc.", "corp.", "co.", "ltd.", "bros.", "vs.", "etc.",
    "e.g.", "i.e.", "cf.", "al.", "fig.", "no.", "vol.", "pp.", "ed.", "eds.", "approx.", "dept.",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
}
LEADING = "([{\"'`«“‘<"
TRAILING = ")]}\"'»”’>,;:!?."
CLITIC = re.compile(r"^(.+?)(n't|N'T|'s|'S|'re|'RE|'ve|'VE|'ll|'LL|'d|'D|'m|'M)$")
INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")


def split_token(chunk):
    """Splits one whitespace-delimited chunk into tokens."""
    chunk = chunk.replace("’", "'")
    lead, tail = [], []
    while chunk and chunk[0] in LEADING:
        lead.append(chunk[0])
        chunk = chunk[1:]
    while chunk and chunk[-1] in TRAILING:
        if chunk[-1] == "." and (chunk.lower() in ABBREVIATIONS or INITIALS.match(chunk)):
            break
        if chunk.endswith("...") and len(chunk) > 3:
            tail.append("...")
            chunk = chunk[:-3]
            continue
        tail.append(chunk[-1])
        chunk = chunk[:-1]
    middle = []
    if chunk:
        m = CLITIC.match(chunk)
        if m and m.group(1).isalpha():
            middle = [m.group(1), m.group(2)]
        else:
            middle = [chunk]
    return lead + middle + list(reversed(tail))


def tokenize(text):
    tokens = []
    for chunk in text.split():
        tokens.extend(split_token(chunk))
    return tokens


def sentences_of(tokens):
    """Splits a token list at sentence-final punctuation followed by a capitalized token."""
    sentence = []
    for i, tok in enumerate(tokens):
        sentence.append(tok)
        if tok in (".", "!", "?") and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt[:1].isupper() or nxt[:1] in "\"'(":
                yield sentence
                sentence = []
    if sentence:
        yield sentence


WORD = re.compile(r"^[A-Za-z][A-Za-z'.-]*$")
FUNCTION_WORDS = {"the", "a", "an", "of", "to", "is", "are", "and", "in", "for", "that", "with",
                  "it", "was", "be", "this", "on", "as", "by", "or", "not"}


def looks_like_prose(sentence):
    """True for an English sentence of ordinary words (not code, paths, tables or lists)."""
    if not 4 <= len(sentence) <= 150:
        return False
    words = sum(1 for t in sentence if WORD.match(t))
    if words < 0.7 * len(sentence):
        return False
    return any(t.lower() in FUNCTION_WORDS for t in sentence)


# ---------------------------------------------------------------------------------------------
# Output with global deduplication.

class Writer:
    def __init__(self, path, seen):
        self.out = open(path, "w", encoding="utf-8")
        self.seen = seen
        self.stats = []  # (source, licence, sentences, tokens)

    def begin(self, source, licence):
        self.stats.append([source, licence, 0, 0])

    def write(self, tokens):
        tokens = [t.replace("\u00a0", "_") for t in tokens if t]
        tokens = ["_".join(t.split()) for t in tokens]
        tokens = [t for t in tokens if t]
        if not tokens:
            return
        line = " ".join(tokens)
        key = hashlib.blake2b(line.encode("utf-8"), digest_size=12).digest()
        if key in self.seen:
            return
        self.seen.add(key)
        self.out.write(line + "\n")
        self.stats[-1][2] += 1
        self.stats[-1][3] += len(tokens)

    def write_raw(self, text, prose_filter):
        for sentence in sentences_of(tokenize(text)):
            if not prose_filter or looks_like_prose(sentence):
                self.write(sentence)


# ---------------------------------------------------------------------------------------------
# The shared corpora.

def conllu_sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 2 and cols[0].isdigit():
                words.append(cols[1])
    if words:
        yield words


def conll2003_sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if words:
                    yield words
                words = []
                continue
            words.append(line.split(" ")[0])
    if words:
        yield words


def gather_corpora(root, w):
    root = Path(root)
    w.begin("ud-english-ewt train+dev", "CC BY-SA 4.0")
    for name in ("en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu"):
        for s in conllu_sentences(root / "ud-english-ewt" / name):
            w.write(s)
    w.begin("gum train+dev (not -nc)", "CC BY 4.0 annotations; texts CC BY / BY-SA / PD")
    for split in ("train", "dev"):
        for path in sorted((root / "gum" / split).glob("*.conllu")):
            for s in conllu_sentences(path):
                w.write(s)
    w.begin("conll2003 eng.train", "Reuters RCV1, research use (see conll2003/SOURCE.md)")
    for s in conll2003_sentences(root / "conll2003" / "eng.train"):
        w.write(s)
    w.begin("conll04 train+valid", "none stated (TREC newswire, research corpus)")
    for name in ("train.CoNLL04.json", "valid.CoNLL04.json"):
        with open(root / "conll04" / name, encoding="utf-8") as f:
            for item in json.load(f):
                w.write(item["tokens"])
    w.begin("crossre politics train+dev, news train", "GPL-3.0 (CrossRE repo)")
    for name in ("crossre_data/politics-train.json", "crossre_data/politics-dev.json",
                 "crossre_data/news-train.json", "crossre_extension/news-train.json"):
        with open(root / "crossre" / name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    w.write(json.loads(line)["sentence"])
    w.begin("re3d train documents (not BBC Online)", "OGL v3 / public domain / CC BY-SA 3.0 / CC BY 3.0 AU / EC notice")
    for folder in sorted(p for p in (root / "re3d").iterdir() if (p / "documents.json").is_file()):
        if folder.name == "BBC Online":
            continue
        with open(folder / "documents.json", encoding="utf-8", newline="") as f:
            for line in f:
                if line.strip():
                    for para in json.loads(line)["text"].split("\n"):
                        w.write_raw(para, prose_filter=False)


# ---------------------------------------------------------------------------------------------
# Debian packages.

# A package's main licence: the licence of the "Files: *" stanza of a machine-readable
# (DEP-5) copyright file. Non-machine-readable copyright files are only used when listed here
# after reading them by hand.
HAND_CHECKED = {
    "python3.11-doc": "PSF-2.0",  # Python documentation, PSF licence agreement
    "nodejs": "MIT",              # "Node.js is licensed for use as follows: ... Permission is hereby granted"
}
PERMISSIVE = {
    "mit", "expat", "bsd-2-clause", "bsd-3-clause", "bsd-4-clause", "isc", "apache-2.0", "apache-2",
    "zlib", "public-domain", "cc0-1.0", "bsl-1.0", "x11", "curl", "python", "psf-2", "psf-2.0",
    "postgresql", "openldap-2.8", "wordnet3.0", "artistic", "artistic-2.0", "unicode-dfs-2016",
    "ftl", "permissive", "mit-like", "bsd-like", "sqlite",
}


def main_licence(package):
    if package in HAND_CHECKED:
        return HAND_CHECKED[package]
    path = Path("/usr/share/doc") / package / "copyright"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if not text.startswith("Format:"):
        return None
    for stanza in re.split(r"\n\s*\n", text):
        fields = {}
        for line in stanza.split("\n"):
            m = re.match(r"^([A-Za-z-]+):\s*(.*)$", line)
            if m:
                fields[m.group(1).lower()] = m.group(2).strip()
        if fields.get("files", "").split() == ["*"]:
            return fields.get("license")
    return None


def is_permissive(licence):
    if not licence:
        return False
    alternatives = re.split(r"\s+or\s+", licence.lower())
    for alt in alternatives:
        parts = [p.strip() for p in re.split(r"\s+and\s+", alt)]
        if all(p in PERMISSIVE for p in parts):
            return True
    return False


class HtmlText(html.parser.HTMLParser):
    BLOCK = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "br", "tr"}
    SKIP = {"pre", "script", "style", "code", "tt", "kbd", "samp", "head", "title", "nav"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current, self.skip = [], [], 0

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def html_paragraphs(text):
    parser = HtmlText()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.paragraphs


def plain_paragraphs(text):
    """Paragraphs of a Markdown / reStructuredText / plain text file, without code and tables."""
    paragraphs, current, fenced = [], [], False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fenced = not fenced
            continue
        if fenced:
            continue
        if not stripped or line.startswith(("    ", "\t")) or stripped.startswith(("..", "|", "+-", "$ ", "#!")):
            if current:
                paragraphs.append(" ".join(current))
            current = []
            continue
        stripped = re.sub(r"^(#+|[*+-]|\d+\.)\s+", "", stripped)
        stripped = re.sub(r"[*_`]+", "", stripped)
        stripped = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", stripped)
        current.append(stripped)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def man_paragraphs(path):
    env = dict(os.environ, MANWIDTH="4000", MAN_KEEP_FORMATTING="", LANG="C.UTF-8", MANPAGER="cat", PAGER="cat")
    try:
        out = subprocess.run(["man", "-l", "-E", "UTF-8", str(path)], env=env, capture_output=True,
                             timeout=60).stdout.decode("utf-8", errors="replace")
    except subprocess.TimeoutExpired:
        return []
    out = re.sub(r".\x08", "", out)
    return [" ".join(line.split()) for line in out.split("\n") if line.startswith("       ") and line.strip()]


def read_text(path):
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


SKIP_NAME = re.compile(r"^(changelog|copyright|news|license|licence|copying|authors|thanks|contributors|"
                       r"credits|todo|install|history|changes)", re.I)
DOC_EXT = re.compile(r"\.(html?|md|rst|txt)(\.gz)?$|^readme(\.gz)?$", re.I)
MAN_PAGE = re.compile(r"^/usr/share/man/man[1-8]/[^/]+$")


def wordnet_sentences(w):
    """Glosses and example sentences of WordNet 3.0 (data.noun, data.verb, data.adj, data.adv)."""
    for pos in ("noun", "verb", "adj", "adv"):
        with open(f"/usr/share/wordnet/data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue
                gloss = line.split("|", 1)[1].strip()
                for part in gloss.split("; "):
                    part = part.strip().strip('"').strip()
                    if part:
                        w.write_raw(part, prose_filter=False)


def gather_debian(w, log):
    packages = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\n"], capture_output=True,
                              text=True, check=True).stdout.split()
    for package in sorted(set(packages)):
        licence = main_licence(package)
        if not is_permissive(licence):
            continue
        files = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True).stdout.split("\n")
        docs = sorted(f for f in files if f.startswith("/usr/share/doc/")
                      and DOC_EXT.search(os.path.basename(f)) and not SKIP_NAME.match(os.path.basename(f))
                      and "/examples/" not in f and os.path.isfile(f))
        mans = sorted(f for f in files if MAN_PAGE.match(f) and os.path.isfile(f))
        wordnet = package == "wordnet-base"
        if not docs and not mans and not wordnet:
            continue
        w.begin(f"debian:{package}", licence)
        if wordnet:
            wordnet_sentences(w)
        for f in docs:
            path = Path(f)
            try:
                text = read_text(path)
            except (OSError, EOFError, gzip.BadGzipFile):
                continue
            name = path.name.lower().removesuffix(".gz")
            paragraphs = html_paragraphs(text) if name.endswith((".html", ".htm")) else plain_paragraphs(text)
            for para in paragraphs:
                w.write_raw(para, prose_filter=True)
        for f in mans:
            for para in man_paragraphs(f):
                w.write_raw(para, prose_filter=True)
        log(f"{package}\t{licence}\t{w.stats[-1][2]} sentences\t{w.stats[-1][3]} tokens")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gather_unlabeled_text.py CORPORA_DIR OUT_DIR")
    corpora, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    seen = set()
    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    w1 = Writer(out / "corpora.txt", seen)
    gather_corpora(corpora, w1)
    w1.out.close()
    w2 = Writer(out / "debian.txt", seen)
    gather_debian(w2, log)
    w2.out.close()
    with open(out / "sources.tsv", "w", encoding="utf-8") as f:
        f.write("source\tlicence\tsentences\ttokens\n")
        for name, licence, sentences, tokens in w1.stats + w2.stats:
            f.write(f"{name}\t{licence}\t{sentences}\t{tokens}\n")
    total_s = sum(s[2] for s in w1.stats + w2.stats)
    total_t = sum(s[3] for s in w1.stats + w2.stats)
    log(f"total: {total_s} sentences, {total_t} tokens in {out}/corpora.txt and {out}/debian.txt")


if __name__ == "__main__":
    main()
