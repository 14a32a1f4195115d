#!/usr/bin/env bash
# shacl.sh - newskg's output satisfies ontology/shapes.ttl, checked by a
# SHACL engine (rdf-validate-shacl, parsing with N3.js), and the shapes bite;
# merged with the ontology (and with foreign triples) it satisfies the open
# variant, ontology/shapes-open.ttl, which bites too.
#
# Validates, in one node process: every sample's Turtle (basic provenance)
# and N-Triples (--provenance=full); the whole samples/ tree in corpus mode
# as N-Quads with full provenance and a date (one named graph per article,
# validated together); a JSON Lines record with id, url, date and title;
# two awkward made-up articles.  Each must conform.  Then broken copies of
# one output, each with a defect the shapes must report (the constraint and
# the focus node): an entity with two types, or no label, or a German label,
# or a property outside the model; a relation outside its domain or range;
# an evidence sentence without offsets or with begin after end; a phrase
# without its sentence; a statement without confidence, with a confidence
# over 1, or naming no relation.
#
# The open shapes: every output above merged with ontology/*.ttl conforms
# (the closed shapes reject such a merge: the ontology's terms have labels),
# and so does one merged with foreign triples as other data would add them
# (a foaf:name, a German label, another type, more owl:sameAs links, a
# reified statement of someone else's); each broken copy but the one with
# a foreign property, merged with the ontology, shows its violation there
# too (the component may differ: qualified counts for types and labels, a
# range check for the confidence).
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA,
# NEWSKG_SRCDIR, NODE, NODE_PACKAGES.  Exit status as automake expects: 0
# pass, 77 skip (node or the npm packages missing), 1 fail.
. "$(dirname "$0")/lib.sh"
needs_node_packages n3 rdf-validate-shacl
start_work shacl
ontology=${NEWSKG_SRCDIR:-$top}/ontology
shapes=$ontology/shapes.ttl
open_shapes=$ontology/shapes-open.ttl
# the files merged with an output for the open shapes
merge="|$ontology/newskg.ttl|$shapes|$open_shapes"
manifest=$work/manifest.tsv
open_manifest=$work/open-manifest.tsv
: >"$manifest"
: >"$open_manifest"

# conforms FILE: FILE must satisfy the shapes, and FILE merged with the
# ontology the open shapes
conforms() {
  printf '%s\tconforms\n' "$1" >>"$manifest"
  printf '%s%s\tconforms\n' "$1" "$merge" >>"$open_manifest"
}

# newskg_to OUT ARGS...: runs newskg ARGS into OUT, which must conform
newskg_to() {
  local out=$1
  shift
  if "$NEWSKG" -q "$@" >"$out"; then conforms "$out"; else fail "newskg $*"; fi
}

count=0
write_awkward_articles "$work"
while read -r txt; do
  name=$(basename "$txt" .txt)
  newskg_to "$work/$name.ttl" "$txt"
  newskg_to "$work/$name.full.nt" -o ntriples --provenance=full "$txt"
  count=$((count + 1))
done < <(all_samples; printf '%s\n' "$work/awkward.txt" "$work/one-sentence.txt")
if [ "$count" -lt 3 ]; then
  echo "shacl.sh: no samples in $SAMPLES" >&2
  exit 1
fi
newskg_to "$work/corpus.nq" -o nquads --provenance=full --date 2020-08-26 \
  "$SAMPLES"
printf '{"id": 7, "url": "https://example.org/news/a b", "date": "2020-08-26T10:00:00Z", "title": "Sanctions \\"now\\"", "text": "Britain imposed sanctions on Belarus on Tuesday. Russian President Vladimir Putin met Alexander Lukashenko in Sochi in 2019."}\n' \
  >"$work/record.jsonl"
newskg_to "$work/record.nq" -i jsonl -o nquads --provenance=full "$work/record.jsonl"

# --- broken copies ------------------------------------------------------------

base=$work/belarus-sanctions.full.nt
if [ ! -s "$base" ]; then
  echo "shacl.sh: no output for samples/belarus-sanctions.txt" >&2
  exit 1
fi
id=https://w3id.org/newskg/id
kg=https://w3id.org/newskg/ontology#
rdf=http://www.w3.org/1999/02/22-rdf-syntax-ns#
nif=http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#
doc=$(sed -n 's|^<\(https://w3id.org/newskg/doc/[0-9a-f]*\)#char=0,.*|\1|p' "$base" | head -n 1)
sentence=$doc'#char=0,169'
phrase=$doc'#char=0,123'
stmt=$(sed -n "s|^<\\($doc#stmt-[0-9a-f]*\\)> <${rdf}predicate> <${kg}fledTo> .*|\\1|p" "$base")
putin=$id/person/Vladimir_Putin
lukashenko=$id/person/Alexander_Lukashenko
for node in "$sentence" "$phrase" "$stmt"; do
  grep -qF "<$node>" "$base" || fail "no <$node> in $base to break"
done

broken=0
# broken WHAT COMPONENT FOCUS SED-SCRIPT [TRIPLE]: a copy of the output with
# the lines SED-SCRIPT edits and TRIPLE added must show a violation of
# COMPONENT at FOCUS
broken() {
  broken=$((broken + 1))
  local out=$work/broken-$broken-$1.nt
  sed -e "$4" "$base" >"$out"
  if [ -n "${5:-}" ]; then printf '%s .\n' "$5" >>"$out"; fi
  if cmp -s "$base" "$out"; then fail "$1: the copy is not broken"; fi
  printf '%s\t%s\t%s\n' "$out" "$2" "$3" >>"$manifest"
  last_broken=$out
}
# also_open COMPONENT: the last broken copy, merged with the ontology, must show a
# violation of COMPONENT at the same focus with the open shapes (conforms:
# must satisfy them)
also_open() {
  local focus
  focus=$(tail -n 1 "$manifest" | cut -f 3)
  if [ "$1" = conforms ]; then focus=; fi
  printf '%s%s\t%s\t%s\n' "$last_broken" "$merge" "$1" "$focus" >>"$open_manifest"
}
broken two-types MaxCountConstraintComponent "$putin" '' \
  "<$putin> <${rdf}type> <${kg}Country>"
also_open QualifiedMaxCountConstraintComponent
broken no-label MinCountConstraintComponent "$lukashenko" \
  "\\|^<$lukashenko> <http://www.w3.org/2000/01/rdf-schema#label> |d"
also_open QualifiedMinCountConstraintComponent
broken german-label LanguageInConstraintComponent "$lukashenko" \
  "s|^\\(<$lukashenko> <http://www.w3.org/2000/01/rdf-schema#label> \"[^\"]*\"@\\)en|\\1de|"
also_open QualifiedMinCountConstraintComponent
broken unknown-property ClosedConstraintComponent "$putin" '' \
  "<$putin> <http://xmlns.com/foaf/0.1/name> \"Putin\""
also_open conforms
broken range NodeConstraintComponent "$id/person/Svetlana_Tikhanovskaya" '' \
  "<$id/person/Svetlana_Tikhanovskaya> <${kg}fledTo> <$lukashenko>"
also_open NodeConstraintComponent
broken domain ClassConstraintComponent "$id/city/Minsk" '' \
  "<$id/city/Minsk> <${kg}metWith> <$putin>"
also_open ClassConstraintComponent
broken no-offsets MinCountConstraintComponent "$sentence" \
  "\\|^<$sentence> <${nif}beginIndex> |d"
also_open MinCountConstraintComponent
broken begin-after-end LessThanConstraintComponent "$sentence" \
  "s|^\\(<$sentence> <${nif}beginIndex> \"\\)0\"|\\1500\"|"
also_open LessThanConstraintComponent
broken no-sentence MinCountConstraintComponent "$phrase" \
  "\\|^<$phrase> <${nif}sentence> |d"
also_open MinCountConstraintComponent
broken no-confidence MinCountConstraintComponent "$stmt" \
  "\\|^<$stmt> <${kg}confidence> |d"
also_open MinCountConstraintComponent
broken confidence-over-1 PatternConstraintComponent "$stmt" \
  "s|^\\(<$stmt> <${kg}confidence> \"\\)0\\.[0-9]*\"|\\11.50\"|"
also_open MaxInclusiveConstraintComponent
broken not-a-relation InConstraintComponent "$stmt" \
  "s|^<$stmt> <${rdf}predicate> <${kg}fledTo>|<$stmt> <${rdf}predicate> <http://www.w3.org/2000/01/rdf-schema#seeAlso>|"
also_open InConstraintComponent

# the closed shapes are for raw output: merged with the ontology, whose
# terms have labels, it fails them
printf '%s%s\t%s\t%s\n' "$base" "$merge" XoneConstraintComponent \
  "${kg}Person" >>"$manifest"
# foreign triples as merged data would bring them: the open shapes allow them
foreign=$work/foreign.nt
{
  printf '<%s> <http://xmlns.com/foaf/0.1/name> "Wladimir Putin"@de .\n' "$putin"
  printf '<%s> <http://www.w3.org/2000/01/rdf-schema#label> "Wladimir Putin"@de .\n' "$putin"
  printf '<%s> <%stype> <https://schema.org/Person> .\n' "$putin" "$rdf"
  printf '<%s> <http://www.w3.org/2002/07/owl#sameAs> <https://www.wikidata.org/wiki/Q7747> .\n' "$putin"
  printf '<http://dbpedia.org/resource/Vladimir_Putin> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q7747> .\n'
  printf '<http://dbpedia.org/resource/Vladimir_Putin> <http://www.w3.org/2000/01/rdf-schema#label> "Vladimir Putin"@en .\n'
  printf '<http://dbpedia.org/resource/Vladimir_Putin> <http://www.w3.org/2000/01/rdf-schema#label> "\320\222\320\273\320\260\320\264\320\270\320\274\320\270\321\200 \320\237\321\203\321\202\320\270\320\275"@ru .\n'
  printf '<https://example.org/s1> <%stype> <%sStatement> .\n' "$rdf" "$rdf"
  printf '<https://example.org/s1> <%ssubject> <%s> .\n' "$rdf" "$putin"
  printf '<https://example.org/s1> <%spredicate> <http://xmlns.com/foaf/0.1/knows> .\n' "$rdf"
  printf '<https://example.org/s1> <%sobject> <https://example.org/someone> .\n' "$rdf"
} >"$foreign"
printf '%s%s|%s\tconforms\n' "$base" "$merge" "$foreign" >>"$open_manifest"
printf '%s|%s\t%s\t%s\n' "$base" "$foreign" ClosedConstraintComponent \
  "$putin" >>"$manifest"

# --- validate ----------------------------------------------------------------

# validate SHAPES MANIFEST NAME
validate() {
  if "$NODE" "${NEWSKG_SRCDIR:-$top}/tests/shacl-validate.mjs" "$NODE_PACKAGES" \
    "$1" "$2" >"$work/report-$3" 2>&1; then
    :
  else
    fail "rdf-validate-shacl, $3 shapes: the outputs are not as expected"
  fi
  echo "--- $3 shapes ($(basename "$1"))"
  sed -e "s|$work/||g" -e "s|$ontology/||g" "$work/report-$3"
  checked=$(grep -c '^ok: ' "$work/report-$3")
  if [ "$checked" -ne "$(wc -l <"$2")" ]; then
    fail "$3 shapes: $checked of $(wc -l <"$2") files checked"
  fi
}
validate "$shapes" "$manifest" closed
validate "$open_shapes" "$open_manifest" open
echo "shacl.sh: $count articles (Turtle, N-Triples with full provenance), corpus N-Quads, a JSON Lines record, $broken broken copies, each against the closed shapes and, merged with the ontology, the open shapes; foreign triples; $failures failure(s)"
[ "$failures" -eq 0 ]
