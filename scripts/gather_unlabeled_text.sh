#!/usr/bin/env bash
# Gathers the unlabeled English text that `erx train clusters` learns word clusters from.
#
#   scripts/gather_unlabeled_text.sh [CORPORA_DIR] [OUT_DIR]
#
# CORPORA_DIR defaults to ../shared/corpora (next to the repository), OUT_DIR to
# /tmp/erx-unlabeled. The text stays outside the repository. Writes OUT_DIR/corpora.txt,
# OUT_DIR/debian.txt (one tokenized sentence per line) and OUT_DIR/sources.tsv (sizes and licences
# per source). What is taken and what is left out, and why: scripts/gather_unlabeled_text.py and
# models/en/clusters.README.md.
#
# Besides the packages already on the machine, the clusters shipped in models/en were learned
# with these documentation packages installed (all with permissive licences):
#   apt-get install --no-install-recommends wordnet-base python3-doc postgresql-doc-15 sqlite3-doc perl-doc
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpora="${1:-$here/../../shared/corpora}"
out="${2:-/tmp/erx-unlabeled}"

for tool in python3 dpkg-query man; do
  command -v "$tool" >/dev/null || { echo "gather_unlabeled_text: '$tool' is required" >&2; exit 1; }
done
[ -d "$corpora" ] || { echo "gather_unlabeled_text: no corpora directory '$corpora'" >&2; exit 1; }
for pkg in wordnet-base python3-doc postgresql-doc-15 sqlite3-doc perl-doc; do
  dpkg-query -W -f '${Status}\n' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
    echo "gather_unlabeled_text: note: package $pkg is not installed; the corpus will be smaller" >&2
done

exec python3 "$here/gather_unlabeled_text.py" "$corpora" "$out"
