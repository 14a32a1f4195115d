#!/usr/bin/env bash
# reference.sh - the gazetteer is well formed and agrees with second sources.
#
# Runs tools/check-gazetteer.py (format, cross-references, office= against
# leads=, the gold's entities) and tools/check-reference.py (data/*.tsv
# against $SHARED/reference, and against Debian's iso-codes and the npm
# package world-countries where they are installed), then plants a wrong
# Wikidata QID, a wrong capital and a wrong office date in a scratch copy of
# the data and requires the cross-check to report each of them.
#
# Environment (set by `make check`): NEWSKG_DATA, SHARED (default: ../shared
# beside the source tree), PYTHON3; WORLD_COUNTRIES (optional: the folder of
# the world-countries package).  Exit status as automake expects: 0 pass,
# 77 skip (python3 or $SHARED/reference missing), 1 fail.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-$top/../shared}
needs_tool PYTHON3 python3 python3
gazetteer=(countries.tsv cities.tsv organizations.tsv people.tsv regions.tsv)
work=$(mktemp -d "${TMPDIR:-/tmp}/newskg-reference.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

if "$PYTHON3" "$top/tools/check-gazetteer.py" --quiet --gold "$SHARED/gold" \
     "${gazetteer[@]/#/$NEWSKG_DATA/}" >"$work/gazetteer.out" 2>&1; then
  pass "check-gazetteer: $(tail -n 1 "$work/gazetteer.out")"
else
  fail "check-gazetteer:"
  cat "$work/gazetteer.out" >&2
  exit 1
fi

if [ ! -d "$SHARED/reference" ]; then
  echo "$test_name: SKIP: no $SHARED/reference (set SHARED to the shared material)"
  exit 77
fi

# cross_check DATA OUT: tools/check-reference.py on DATA; its exit status
cross_check() {
  "$PYTHON3" "$top/tools/check-reference.py" --shared "$SHARED" --data "$1" \
    >"$2" 2>&1
}

if cross_check "$NEWSKG_DATA" "$work/reference.out"; then
  grep -E '^[a-z]+: ' "$work/reference.out" | grep -v '^error:' | sed 's/^/  /'
  pass "check-reference: $(tail -n 1 "$work/reference.out")"
else
  fail "check-reference:"
  cat "$work/reference.out" >&2
fi

# plant FILE OLD NEW: replace the first OLD by NEW in the scratch FILE
plant() {
  local path=$work/data/$1
  cp "$path" "$path.orig"
  sed -i "0,/$2/s//$3/" "$path"
  if cmp -s "$path" "$path.orig"; then
    fail "planting: no '$2' in $1"
  fi
  rm "$path.orig"
}

mkdir "$work/data"
cp "${gazetteer[@]/#/$NEWSKG_DATA/}" "$work/data/"
plant countries.tsv 'wikidata=Q142\b' 'wikidata=Q143'
plant countries.tsv '^\(Country\tGermany\t.*\)capital=Berlin' '\1capital=Bonn'
plant people.tsv 'chancellor;Germany;2005-11-22;' 'chancellor;Germany;2006-03-01;'
cross_check "$work/data" "$work/planted.out"
status=$?
if [ "$status" -ne 1 ]; then
  fail "check-reference exits $status, not 1, on planted errors"
fi
for want in "France: wikidata=['Q143'], reference Q142" \
            "Germany: reference capital 'Berlin' is not among capital=['Bonn']" \
            "Angela Merkel: the reference's Chancellors 20051122-present(2011) begins"; do
  if grep -qF "$want" "$work/planted.out"; then
    pass "planted error found: $want"
  else
    fail "planted error not reported: $want"
  fi
done
if [ "$failures" -ne 0 ]; then
  cat "$work/planted.out" >&2
  exit 1
fi
