#!/bin/sh
# Trains the CoNLL04 bundle of models/conll04/ (entity model + relation classifier) and scores it on
# the CoNLL04 dev set, strict setting. Usage, from the repository root, with erx built:
#
#   scripts/train_conll04.sh [ERX_BINARY] [CORPORA_DIR] [OUT_DIR]
#
# defaults: build/tools/erx, ../shared/corpora, models/conll04. Deterministic (fixed seeds), single
# threaded, about a minute. Temporary files go to a fresh directory under ${TMPDIR:-/tmp}.
set -eu
ERX=${1:-build/tools/erx}
CORPORA=${2:-../shared/corpora}
OUT=${3:-models/conll04}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/erx-conll04.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$OUT"
# 1. Entity model: CoNLL04 entities (Peop, Org, Loc, Other) as IOB2 token files, erx's gazetteers
#    (hand-written lists and the lists 'erx build gazetteers' derives from ../shared/corpora) and
#    erx's word clusters; dev drives early stopping. --prune 0.5 drops the smallest averaged weights
#    (a mean +0.5 end-to-end relation F1 over entity seeds 1-3 on dev, and a smaller file).
python3 scripts/conll04_to_conll.py "$CORPORA/conll04/train.CoNLL04.json" > "$WORK/train.conll"
python3 scripts/conll04_to_conll.py "$CORPORA/conll04/valid.CoNLL04.json" > "$WORK/dev.conll"
"$ERX" build gazetteers --corpora "$CORPORA" --out "$WORK/gazetteers"
"$ERX" train ner --train "$WORK/train.conll" --dev "$WORK/dev.conll" \
  --gazetteers models/en/gazetteers "$WORK/gazetteers" --clusters models/en/clusters.general.txt \
  --prune 0.5 --out "$OUT/entities.erxm"
# 2. Relation classifier on the gold entities of train; dev picks the epoch of each ensemble member.
"$ERX" train relations --train "$CORPORA/conll04/train.CoNLL04.json" \
  --dev "$CORPORA/conll04/valid.CoNLL04.json" --out "$OUT/relations.erxm"
# 3. Strict end-to-end scores on dev (entities predicted by the bundle), and with gold entities.
"$ERX" eval relations --gold "$CORPORA/conll04/valid.CoNLL04.json" --model "$OUT"
