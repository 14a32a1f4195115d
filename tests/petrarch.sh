#!/usr/bin/env bash
# petrarch.sh - newskg against PETRARCH2's validation codings.
#
# ../shared/reference/petrarch holds the unit tests of the PETRARCH2 event
# coder (284 one-sentence records with their expected CAMEO/WEIS codings)
# and the TABARI actor dictionary they assume.  The dictionary becomes a
# user gazetteer (tests/petrarch-gazetteer.py, with the classes of
# tests/petrarch-classes.tsv); newskg reads each record; its sanctions,
# metWith and visited relations are compared with the codings that mean
# them (tests/petrarch-score.py, which holds the code mapping, the floors
# and the false-positive ceilings; tests/petrarch-expected.tsv lists the
# relations that are right where PETRARCH codes nothing).  Fails when a
# noevents record gets sanctions or metWith, when fewer codings than a
# floor are reproduced, or when more false positives than a ceiling appear.
#
# Environment (set by `make check`): NEWSKG, NEWSKG_DATA, SHARED (else
# SHARED_DIR, else ../shared beside the source tree), PYTHON3.  Exit status
# as automake expects: 0 pass, 77 skip (python3 or the records missing),
# 1 fail.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-${SHARED_DIR:-$top/../shared}}
petrarch=$SHARED/reference/petrarch
needs_tool PYTHON3 python3 python3
for f in unit_tests.tsv PETR.Validate.actors.txt; do
  if [ ! -r "$petrarch/$f" ]; then
    echo "petrarch.sh: SKIP: no $petrarch/$f (set SHARED_DIR)"
    exit 77
  fi
done
start_work petrarch

if ! "$PYTHON3" "$top/tests/petrarch-gazetteer.py" --data "$NEWSKG_DATA" \
     --classes "$top/tests/petrarch-classes.tsv" --codes "$work/codes.tsv" \
     -o "$work/gazetteer.tsv" "$petrarch/PETR.Validate.actors.txt"; then
  fail "petrarch-gazetteer.py could not convert the actor dictionary"
  exit 1
fi
"$PYTHON3" "$top/tests/petrarch-score.py" --newskg "$NEWSKG" \
  --gazetteer "$work/gazetteer.tsv" --codes "$work/codes.tsv" \
  --allowed "$top/tests/petrarch-expected.tsv" "$petrarch/unit_tests.tsv"
