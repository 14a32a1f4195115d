#!/usr/bin/env bash
# dot.sh - `newskg -o dot` draws the article's entity graph, and GraphViz
# reads it.
#
# For every sample (samples/*.txt, samples/extra/*.txt) and two awkward
# made-up articles: `dot -Tsvg` accepts the output without a word on
# stderr; its edges are the relation triples of the article's N-Triples
# (subject, relation local name, object; an edge with arrows at both ends,
# a symmetric relation, is its two triples); its entity nodes are the
# entities, each with its rdfs:label and the fill colour of its class, one
# colour per class; writing it twice gives the same bytes.  Then -o dot
# with several articles (a directory, two files, -i jsonl) is refused with
# exit 2 and nothing written, and '-' (standard input) is drawn.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, DOT.
# Exit status as automake expects: 0 pass, 77 skip (graphviz missing), 1
# fail.
. "$(dirname "$0")/lib.sh"
needs_tool DOT dot graphviz
start_work dot
kg=https://w3id.org/newskg/ontology#
rdf=http://www.w3.org/1999/02/22-rdf-syntax-ns#
label=http://www.w3.org/2000/01/rdf-schema#label

# nt_label: an N-Triples literal's text as DOT quotes it (\" and \\ kept,
# \uXXXX and \UXXXXXXXX decoded)
nt_label() {
  local s
  while IFS= read -r s; do
    s=${s//\\\\/$'\x01'}
    s=${s//\\\"/$'\x02'}
    s=$(printf '%b' "$s")
    s=${s//$'\x01'/\\\\}
    printf '%s\n' "${s//$'\x02'/\\\"}"
  done
}

write_awkward_articles "$work"
count=0
edges=0
while read -r txt; do
  name=$(basename "$txt" .txt)
  w=$work/$name
  count=$((count + 1))
  if ! "$NEWSKG" -q -o dot "$txt" >"$w.dot" ||
    ! "$NEWSKG" -q -o dot "$txt" >"$w.again.dot" ||
    ! "$NEWSKG" -q -o ntriples "$txt" >"$w.nt"; then
    fail "$name: newskg failed"
    continue
  fi
  cmp -s "$w.dot" "$w.again.dot" || fail "$name: two runs draw different bytes"
  if ! "$DOT" -Tsvg "$w.dot" >"$w.svg" 2>"$w.err" || [ -s "$w.err" ]; then
    fail "$name: dot -Tsvg refuses the output:"
    head -n 5 "$w.err" >&2
  elif ! grep -q '</svg>' "$w.svg"; then
    fail "$name: dot -Tsvg wrote no SVG"
  fi

  # edges = relation triples; dir=both: written both ways
  {
    sed -n "s|^  \"\\([^\"]*\\)\" -> \"\\([^\"]*\\)\" \\[label=\"\\([A-Za-z]*\\)\".*|<\\1> <$kg\\3> <\\2> .|p" "$w.dot"
    sed -n "s|^  \"\\([^\"]*\\)\" -> \"\\([^\"]*\\)\" \\[label=\"\\([A-Za-z]*\\)\".*dir=both.*|<\\2> <$kg\\3> <\\1> .|p" "$w.dot"
  } | LC_ALL=C sort >"$w.edges"
  grep "^<https://w3id.org/newskg/id/[^>]*> <$kg[A-Za-z]*> <https://w3id.org/newskg/id/" \
    "$w.nt" | LC_ALL=C sort >"$w.relations"
  if ! cmp -s "$w.edges" "$w.relations"; then
    fail "$name: the edges are not the relation triples:"
    diff "$w.relations" "$w.edges" | head -n 6 >&2
  fi
  n=$(($(grep -c -- ' -> ' "$w.dot") + $(grep -c -- ' -> .*dir=both' "$w.dot")))
  if [ "$n" -ne "$(wc -l <"$w.relations")" ]; then
    fail "$name: $n edges for $(wc -l <"$w.relations") relations"
  fi
  edges=$((edges + n))

  # nodes = entities: IRI, label, class
  sed -n 's|^  "\(https://w3id.org/newskg/id/[^"]*\)" \[label="\(.*\)", fillcolor="\([^"]*\)"\];$|\1\t\2\t\3|p' \
    "$w.dot" | LC_ALL=C sort >"$w.nodes"
  sed -n "s|^<\\([^>]*\\)> <$label> \"\\(.*\\)\"@en \\.\$|\\2|p" "$w.nt" |
    nt_label >"$w.labels"
  sed -n "s|^<\\([^>]*\\)> <$label> \"\\(.*\\)\"@en \\.\$|\\1|p" "$w.nt" |
    paste - "$w.labels" | LC_ALL=C sort >"$w.entities"
  if ! cmp -s <(cut -f 1,2 "$w.nodes") "$w.entities"; then
    fail "$name: the nodes are not the entities and their labels:"
    diff "$w.entities" <(cut -f 1,2 "$w.nodes") | head -n 6 >&2
  fi
  sed -n "s|^<\\([^>]*\\)> <${rdf}type> <$kg\\([A-Za-z]*\\)> \\.\$|\\1\t\\2|p" \
    "$w.nt" | LC_ALL=C sort |
    join -t $'\t' - <(cut -f 1,3 "$w.nodes") | cut -f 2,3 >>"$work/class-colours"
done < <(all_samples; printf '%s\n' "$work/awkward.txt" "$work/one-sentence.txt")
if [ "$count" -lt 3 ]; then
  echo "dot.sh: no samples in $SAMPLES" >&2
  exit 1
fi
pairs=$(LC_ALL=C sort -u "$work/class-colours")
classes=$(cut -f 1 <<<"$pairs" | sort -u | wc -l)
colours=$(cut -f 2 <<<"$pairs" | sort -u | wc -l)
if [ "$(wc -l <<<"$pairs")" -ne "$classes" ] || [ "$classes" -ne "$colours" ] ||
  [ "$classes" -lt 4 ]; then
  fail "not one colour per class:"
  printf '%s\n' "$pairs" >&2
else
  pass "$classes classes, one colour each: $(tr '\t\n' '= ' <<<"$pairs")"
fi

# --- one article a picture ------------------------------------------------------

# refused WHAT ARGS...: newskg -o dot ARGS exits 2, says why, writes nothing
refused() {
  local what=$1
  shift
  "$NEWSKG" -q -o dot "$@" >"$work/out" 2>"$work/err"
  local status=$?
  if [ "$status" -ne 2 ] || [ -s "$work/out" ] ||
    ! grep -q '^newskg: -o dot draws one article' "$work/err"; then
    fail "-o dot with $what: exit $status, $(wc -c <"$work/out") bytes out, and:"
    cat "$work/err" >&2
  else
    pass "-o dot with $what is refused"
  fi
}
refused "a directory" "$SAMPLES"
refused "two files" "$work/awkward.txt" "$work/one-sentence.txt"
printf '{"text": "Britain imposed sanctions on Belarus."}\n' >"$work/one.jsonl"
refused "-i jsonl" -i jsonl "$work/one.jsonl"
if "$NEWSKG" -q -o dot - <"$work/one-sentence.txt" >"$work/stdin.dot" &&
  cmp -s "$work/stdin.dot" "$work/one-sentence.dot"; then
  pass "-o dot reads standard input"
else
  fail "-o dot - does not draw standard input as the file"
fi

echo "dot.sh: $count articles, $edges edges; $failures failure(s)"
[ "$failures" -eq 0 ]
