#!/usr/bin/env bash
# provenance.sh - the output a researcher can follow (issue 18, item 4):
# --provenance none, sentences (basic its old name) and full; a symmetric
# relation written both ways; Turtle's entities and relations before the
# evidence.
#
# On samples/belarus-sanctions.txt: every symmetric relation (the
# ontology's owl:SymmetricProperty) of the N-Triples is there both ways, so
# that `?putin newskg:metWith ?x` finds a meeting written the other way; its
# reified statement is there once.  --provenance=none writes exactly the
# graph's own triples (entities, types, labels, sameAs, relations): no
# document, sentence or statement node; sentences writes what basic writes
# and is the default; full adds to sentences.  In Turtle (and TriG) no
# entity's block comes after the first evidence block.  Then an unknown
# level is refused with exit 2.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA.
# Exit status as automake expects: 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
start_work provenance
kg='<https://w3id.org/newskg/ontology#'
article=$SAMPLES/belarus-sanctions.txt

for level in none sentences basic full; do
  "$NEWSKG" -q -o ntriples --provenance=$level "$article" >"$work/$level.nt" ||
    fail "--provenance=$level: exit $?"
done
"$NEWSKG" -q -o ntriples "$article" >"$work/default.nt"
expect_same "--provenance=basic is sentences" "$work/basic.nt" "$work/sentences.nt"
expect_same "sentences is the default" "$work/default.nt" "$work/sentences.nt"

# the symmetric relations, from the ontology
symmetric=$(awk '/^newskg:[A-Za-z]+$/ {p = $1} /owl:SymmetricProperty/ {sub("newskg:", "", p); print p}' \
  "$top/ontology/newskg.ttl")
[ -n "$symmetric" ] || fail "no owl:SymmetricProperty in ontology/newskg.ttl"
both=0
for rel in $symmetric; do
  while read -r s p o _; do
    both=$((both + 1))
    grep -qxF "$o $p $s ." "$work/sentences.nt" ||
      fail "$s $p $o is not there the other way too"
  done < <(grep -F " $kg$rel> <" "$work/sentences.nt")
done
if [ "$both" -ge 4 ]; then pass "$both symmetric triples, each both ways"; else
  fail "only $both symmetric triples in $article (want a meeting both ways)"
fi
statements=$(grep -c '#stmt-' <(grep -F '#predicate> '"$kg"'metWith>' "$work/sentences.nt"))
metwith=$(grep -cF " ${kg}metWith> <" "$work/sentences.nt")
if [ $((2 * statements)) -eq "$metwith" ]; then
  pass "one statement for each meeting, written both ways"
else
  fail "$statements metWith statements for $metwith metWith triples"
fi

# none: the graph's own triples, and they open the other levels' output
if grep -q -e '#char=' -e '#stmt-' -e 'nif-core#' -e '/ns/prov#' "$work/none.nt"; then
  fail "--provenance=none writes evidence"
else
  pass "--provenance=none writes no document, sentence or statement"
fi
n=$(wc -l <"$work/none.nt")
for level in sentences full; do
  if [ "$n" -gt 0 ] && head -n "$n" "$work/$level.nt" | cmp -s - "$work/none.nt"; then
    pass "--provenance=$level opens with none's $n triples"
  else
    fail "--provenance=$level does not open with the bare graph"
  fi
done
if [ "$(wc -l <"$work/sentences.nt")" -lt "$(wc -l <"$work/full.nt")" ] &&
  [ -z "$(comm -23 <(sort "$work/sentences.nt") <(sort "$work/full.nt"))" ]; then
  pass "full adds to sentences"
else
  fail "full is not sentences and more"
fi

# Turtle reads top-down: entities and relations, then the evidence
for format in turtle trig; do
  "$NEWSKG" -q -o $format "$article" >"$work/out.$format"
  # a subject's line is its IRI alone (TriG's graph line ends in " {")
  last_entity=$(grep -n '^ *<https://w3id.org/newskg/id/[^ ]*>$' "$work/out.$format" | tail -1 | cut -d: -f1)
  first_evidence=$(grep -n '^ *<https://w3id.org/newskg/doc/[^ ]*>$' "$work/out.$format" | head -1 | cut -d: -f1)
  if [ -n "$last_entity" ] && [ -n "$first_evidence" ] &&
    [ "$last_entity" -lt "$first_evidence" ]; then
    pass "$format: every entity (to line $last_entity) before the evidence (line $first_evidence)"
  else
    fail "$format: an entity at line ${last_entity:-none}, evidence from line ${first_evidence:-none}"
  fi
done
"$NEWSKG" -q --provenance=none "$article" >"$work/none.ttl" ||
  fail "--provenance=none Turtle: exit $?"
if grep -q '/newskg/doc/' "$work/none.ttl"; then
  fail "--provenance=none Turtle names the document"
else
  pass "--provenance=none Turtle is the bare graph"
fi

"$NEWSKG" -q --provenance=bogus "$article" >"$work/bogus.out" 2>"$work/bogus.err"
expect_status "an unknown --provenance level" 2 $?
expect_grep "the error names the levels" "none, sentences or full" "$work/bogus.err"

echo "provenance.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
