#!/usr/bin/env bash
# ontology.sh - the ontology and its shapes parse, every term is declared
# and defined by the ontology, and the contract with the scorer holds.
#
# Checks: each ontology/*.ttl parses with rapper without a warning, and with
# rdflib when python3 has it (otherwise said and left out); every class and
# property of the newskg namespace has rdfs:isDefinedBy the ontology, and
# every newskg term the ontology, the shapes or newskg's output (every
# sample, N-Triples with full provenance) uses is declared there; the twelve
# relations of ../shared/eval/README.md are declared under their names, as
# object properties with a domain and a range; no axiom of the ontology has
# another vocabulary's term as its subject (merging it with other data
# changes nothing those terms mean); Country is no longer equivalent to a
# Wikidata class; every ontology/*.ttl is installed (Makefile.am's
# dist_pkgdata_DATA).
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA,
# NEWSKG_SRCDIR.  Exit status as automake expects: 0 pass, 77 skip (rapper
# missing), 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool RAPPER rapper raptor2-utils
start_work ontology
src=${NEWSKG_SRCDIR:-$top}
onto=https://w3id.org/newskg/ontology
ns=$onto#
rdf=http://www.w3.org/1999/02/22-rdf-syntax-ns#
rdfs=http://www.w3.org/2000/01/rdf-schema#
owl=http://www.w3.org/2002/07/owl#
relations="sanctions allyOf metWith fledTo leaderOf memberOf capitalOf
spokespersonOf visited addressed supports opponentOf"

# --- parsing -------------------------------------------------------------------

files=$(cd "$src" && ls ontology/*.ttl)
for f in $files; do
  name=$(basename "$f" .ttl)
  if "$RAPPER" -q -i turtle -o ntriples "$src/$f" >"$work/$name.nt" \
    2>"$work/$name.err" && [ ! -s "$work/$name.err" ] && [ -s "$work/$name.nt" ]; then
    pass "$f parses with rapper ($(wc -l <"$work/$name.nt") triples)"
  else
    fail "$f: rapper: $(head -n 3 "$work/$name.err")"
  fi
done
rdflib_py=
for py in "${PYTHON3:-python3}" /usr/bin/python3; do
  if "$py" -c 'import rdflib' 2>/dev/null; then rdflib_py=$py; break; fi
done
if [ -n "$rdflib_py" ]; then
  for f in $files; do
    if n=$("$rdflib_py" -c 'import sys, rdflib; print(len(rdflib.Graph().parse(sys.argv[1], format="turtle")))' \
      "$src/$f" 2>"$work/rdflib.err"); then
      if [ "$n" -eq "$(wc -l <"$work/$(basename "$f" .ttl).nt")" ]; then
        pass "$f parses with rdflib ($n triples, as rapper)"
      else
        fail "$f: rdflib reads $n triples, rapper $(wc -l <"$work/$(basename "$f" .ttl).nt")"
      fi
    else
      fail "$f: rdflib: $(tail -n 1 "$work/rdflib.err")"
    fi
  done
else
  echo "ontology.sh: rdflib not found (pip install rdflib): the rdflib parse is left out"
fi

# --- declarations ------------------------------------------------------------

nt=$work/newskg.nt
# the newskg terms the ontology declares: subjects typed as a class or property
grep -E "^<${ns}[A-Za-z]+> <${rdf}type> <(${owl}(Class|ObjectProperty|DatatypeProperty|AnnotationProperty|SymmetricProperty|FunctionalProperty)|${rdf}Property|${rdfs}Class)> \\.\$" "$nt" |
  sed 's/^<\([^>]*\)>.*/\1/' | sort -u >"$work/declared"
if [ "$(wc -l <"$work/declared")" -lt 17 ]; then
  fail "only $(wc -l <"$work/declared") newskg terms declared in newskg.ttl"
fi
missing=0
while read -r term; do
  if ! grep -qxF "<$term> <${rdfs}isDefinedBy> <$onto> ." "$nt"; then
    fail "$term has no rdfs:isDefinedBy <$onto>"
    missing=$((missing + 1))
  fi
done <"$work/declared"
[ "$missing" -eq 0 ] && pass "all $(wc -l <"$work/declared") classes and properties have rdfs:isDefinedBy <$onto>"

for r in $relations; do
  if grep -qxF "<$ns$r> <${rdf}type> <${owl}ObjectProperty> ." "$nt" &&
    grep -q "^<$ns$r> <${rdfs}domain> <" "$nt" &&
    grep -q "^<$ns$r> <${rdfs}range> <" "$nt"; then
    :
  else
    fail "newskg:$r is not declared an owl:ObjectProperty with a domain and a range"
  fi
done
pass "the twelve relations are declared under their names"
# the list above is the scorer's (../shared/eval/README.md), when it is there
eval_readme=$src/../shared/eval/README.md
if [ -f "$eval_readme" ]; then
  for r in $relations; do
    grep -qF "\`$r\`" "$eval_readme" || fail "$r is not a relation of $eval_readme"
  done
fi

# every newskg term in use is declared: in the ontology, the shapes, and the
# output of every sample
for f in $files; do cat "$work/$(basename "$f" .ttl).nt"; done >"$work/used.nt"
while read -r txt; do
  "$NEWSKG" -q -o ntriples --provenance=full "$txt" >>"$work/used.nt" ||
    fail "newskg $txt"
done < <(all_samples)
grep -o "<${ns}[^>]*>" "$work/used.nt" | tr -d '<>' | sort -u >"$work/used"
undeclared=$(comm -23 "$work/used" "$work/declared")
if [ -n "$undeclared" ]; then
  fail "newskg terms used but not declared in newskg.ttl: $(echo $undeclared)"
else
  pass "every newskg term used ($(wc -l <"$work/used")) is declared"
fi

# --- alignment ---------------------------------------------------------------

# subjects of the ontology: newskg's terms, the ontology, blank nodes
foreign=$(sed -n 's/^<\([^>]*\)> .*/\1/p' "$nt" | sort -u | grep -v -e "^$ns" -e "^$onto\$" || true)
if [ -n "$foreign" ]; then
  fail "newskg.ttl states axioms about other vocabularies' terms: $(echo $foreign)"
else
  pass "no axiom about another vocabulary's term"
fi
if grep -q "^<${ns}Country> <${owl}equivalentClass> " "$nt"; then
  fail "newskg:Country is owl:equivalentClass to $(grep "^<${ns}Country> <${owl}equivalentClass> " "$nt" | cut -d' ' -f3)"
else
  pass "newskg:Country is equivalent to no external class"
fi
grep -qxF "<${ns}memberOf> <${rdfs}subPropertyOf> <http://www.w3.org/ns/org#memberOf> ." "$nt" ||
  fail "newskg:memberOf is not rdfs:subPropertyOf org:memberOf"
if grep -q "^<${ns}leaderOf> <\\(${rdfs}subPropertyOf\\|${owl}equivalentProperty\\)> " "$nt"; then
  fail "newskg:leaderOf is a sub-property or equivalent of another property (it leads countries: not org:headOf)"
fi

# --- installation --------------------------------------------------------------

for f in $files; do
  if sed -n '/^dist_pkgdata_DATA *=/,/^$/p' "$src/Makefile.am" | grep -qF "$f"; then
    :
  else
    fail "$f is not in Makefile.am's dist_pkgdata_DATA (not installed)"
  fi
done
pass "$(echo $files | wc -w) ontology files installed"

echo "ontology.sh: $(echo $files | wc -w) files; $failures failure(s)"
[ "$failures" -eq 0 ]
