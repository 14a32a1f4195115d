#!/usr/bin/env bash
# interop.sh - four independent RDF parsers read newskg's output as the same
# graph: raptor (rapper), serd (serdi), rdflib and N3.js.
#
# For every sample (samples/*.txt, samples/extra/*.txt) and two awkward
# made-up articles (escapes, a one-sentence text), with basic and full
# provenance: newskg writes Turtle, N-Triples and N-Quads; each parser reads
# each file and writes it back as N-Triples (N-Quads for N-Quads); rapper
# rewrites every other result in its canonical form (same escapes), sorted,
# and each must equal newskg's own N-Triples (N-Quads), so rewritten.  Also: the N-Quads put
# every triple in the document's graph and hold the N-Triples' triples; in
# corpus mode, the Turtle and N-Quads of the whole samples/ tree read the
# same in the four parsers as the articles' graphs together.  newskg writes
# no blank nodes, so sorted canonical lines compare as sets of triples.
# rdflib and N3.js each run once for all files.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA,
# NEWSKG_SRCDIR, RAPPER, SERDI, PYTHON3, NODE, NODE_PACKAGES.  Exit status as
# automake expects: 0 pass, 77 skip (a parser missing), 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool RAPPER rapper raptor2-utils
needs_tool SERDI serdi serdi
needs_python_module rdflib python3-rdflib
needs_node_packages n3
start_work interop
tests=${NEWSKG_SRCDIR:-$top}/tests
base=http://example.org/base
parsers="rapper serdi rdflib n3"

# canon IN OUT: IN (N-Triples or N-Quads) as sorted canonical N-Quads
canon() {
  "$RAPPER" -q -i nquads -o nquads "$1" "$base" >"$2.unsorted" &&
    LC_ALL=C sort -u "$2.unsorted" >"$2"
}

# The files to compare: lines "FILE<TAB>SYNTAX<TAB>REFERENCE" (the newskg
# output whose canonical lines the parsers must give back).
files=$work/files.tsv
: >"$files"
# add FILE SYNTAX REFERENCE
add() {
  printf '%s\t%s\t%s\n' "$@" >>"$files"
}

# --- newskg's outputs ---------------------------------------------------------

write_awkward_articles "$work"
count=0
while read -r txt; do
  name=$(basename "$txt" .txt)
  count=$((count + 1))
  for prov in basic full; do
    w=$work/$name.$prov
    ok=1
    for f in turtle:ttl ntriples:nt nquads:nq; do
      "$NEWSKG" -q -o "${f%:*}" --provenance=$prov "$txt" >"$w.${f#*:}" ||
        { fail "$name: newskg -o ${f%:*} --provenance=$prov"; ok=0; }
    done
    [ "$ok" -eq 1 ] || continue
    add "$w.ttl" turtle "$w.nt"
    add "$w.nt" ntriples "$w.nt"
    add "$w.nq" nquads "$w.nq"
  done
done < <(all_samples; printf '%s\n' "$work/awkward.txt" "$work/one-sentence.txt")
if [ "$count" -lt 3 ]; then
  echo "interop.sh: no samples in $SAMPLES" >&2
  exit 1
fi

# Corpus mode: every article of samples/, one stream.
"$NEWSKG" -q -o nquads "$SAMPLES" >"$work/corpus.nq" || fail "newskg -o nquads samples/"
"$NEWSKG" -q -o turtle "$SAMPLES" >"$work/corpus.ttl" || fail "newskg -o turtle samples/"
all_samples | while read -r txt; do
  name=$(basename "$txt" .txt)
  cat "$work/$name.basic.nt" >>"$work/corpus-articles.nt"
  cat "$work/$name.basic.nq" >>"$work/corpus-articles.nq"
done
add "$work/corpus.nq" nquads "$work/corpus-articles.nq"
add "$work/corpus.ttl" turtle "$work/corpus-articles.nt"

# Record URLs inside declared namespaces whose rest is no Turtle local name
# (a final dot above all, which raptor's serializer writes as a prefixed
# name no parser reads) must be written <...>; the rest stay prefixed.
ns=https://w3id.org/newskg/ontology#
for local in x. a.b. a.. x- x.y -x .x 9x _x: '%41.' 'a%zz' 'a~b' 'a(b)' \
  'caf\u00e9.' 'x\u00b7.' 'x\u00b7'; do
  printf '{"text":"Jo met Ann.","url":"%s%s"}\n' "$ns" "$local"
  printf '{"text":"Jo met Ann.","url":"http://purl.org/dc/terms/%s"}\n' "$local"
done >"$work/local-names.jsonl"
for f in turtle:ttl ntriples:nt; do
  "$NEWSKG" -q -i jsonl -o "${f%:*}" "$work/local-names.jsonl" \
    >"$work/local-names.${f#*:}" || fail "newskg -i jsonl -o ${f%:*} local-names.jsonl"
done
add "$work/local-names.ttl" turtle "$work/local-names.nt"
if grep -E '(^|[ ,;])[A-Za-z][-A-Za-z0-9_]*:[^ <>"]*\.( |$)' "$work/local-names.ttl" >&2; then
  fail "local-names.ttl: a prefixed name ends in '.'"
fi
grep -q -F 'dcterms:source newskg:x.y ;' "$work/local-names.ttl" ||
  fail "local-names.ttl: newskg:x.y is not written as a prefixed name"

# --- parsing ------------------------------------------------------------------

while IFS=$'\t' read -r file syntax ref; do
  "$RAPPER" -q -i "$syntax" -o nquads "$file" "$base" >"$file.rapper" ||
    fail "rapper cannot parse ${file#"$work/"}"
  "$SERDI" -q -i "$syntax" -o nquads "$file" >"$file.serdi" ||
    fail "serdi cannot parse ${file#"$work/"}"
  printf '%s\t%s\t%s\n' "$file" "$syntax" "$file.rdflib" >>"$work/rdflib.list"
  printf '%s\t%s\t%s\n' "$file" "$syntax" "$file.n3" >>"$work/n3.list"
done <"$files"
"$PYTHON3" "$tests/rdflib-canon.py" <"$work/rdflib.list" ||
  fail "rdflib cannot parse every file"
"$NODE" "$tests/n3-canon.mjs" "$NODE_PACKAGES" <"$work/n3.list" ||
  fail "N3.js cannot parse every file"

# --- comparing ----------------------------------------------------------------

compared=0
while IFS=$'\t' read -r file syntax ref; do
  short=${file#"$work/"}
  [ -s "$ref.canon" ] || canon "$ref" "$ref.canon" || fail "rapper cannot read $ref"
  if [ "$(wc -l <"$ref.canon")" -lt 5 ]; then fail "$short: too few triples"; fi
  for p in $parsers; do
    if [ "$p" = rapper ]; then # its lines are the canonical form already
      LC_ALL=C sort -u "$file.$p" >"$file.$p.canon"
    elif ! canon "$file.$p" "$file.$p.canon"; then
      fail "$short: rapper cannot read what $p wrote"
      continue
    fi
    if cmp -s "$ref.canon" "$file.$p.canon"; then
      compared=$((compared + 1))
    else
      fail "$short: $p reads another graph than newskg wrote:"
      diff "$ref.canon" "$file.$p.canon" | head -n 6 >&2
    fi
  done
done <"$files"

# N-Quads: an article's triples, each in its document's graph
while IFS=$'\t' read -r file syntax ref; do
  case $file in *.basic.nq | *.full.nq) ;; *) continue ;; esac
  short=${file#"$work/"}
  doc=$(sed -n 's|^<\(https://w3id.org/newskg/doc/[0-9a-f]*\)#char=0,[0-9]*> .*|\1|p' \
    "$file" | head -n 1)
  if [ -z "$doc" ] || grep -q -v -F "<$doc> ." "$file.canon"; then
    fail "$short: a quad outside the graph <$doc>"
  fi
  "$RAPPER" -q -i nquads -o ntriples "$file.canon" "$base" |
    LC_ALL=C sort -u >"$file.triples"
  cmp -s "$file.triples" "${file%.nq}.nt.canon" ||
    fail "$short: the N-Quads' triples are not the N-Triples'"
done <"$files"

echo "interop.sh: $count articles x 2 provenance levels x 3 formats + 2 corpus streams, $(wc -l <"$files") files; $compared parses equal newskg's graph ($parsers); $failures failure(s)"
[ "$failures" -eq 0 ]
