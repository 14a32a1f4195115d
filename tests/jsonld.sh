#!/usr/bin/env bash
# jsonld.sh - `newskg -o jsonld` is JSON-LD that a JSON-LD processor (the
# npm jsonld package) expands, offline, into the quads of `-o nquads`.
#
# For every sample (samples/*.txt, samples/extra/*.txt) and two awkward
# made-up articles (quotes, backslashes, tabs, CR LF, characters beyond the
# BMP), each with basic and with full provenance; the whole samples/ tree
# in corpus mode (JSON Lines, one document an article); and a JSON Lines
# record with an id, URL, date and a title with quotes: each line is one
# JSON document whose inline @context is data/newskg.context.jsonld's,
# and jsonld.toRDF (application/n-quads) gives the same set of quads as
# -o nquads of the same input, both read back by rapper.  No node is a
# blank node, so the quads compare as sorted lines.  Then -O FILE.jsonld
# picks the format and -o json-ld is a name of it.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA,
# NEWSKG_SRCDIR, NODE, NODE_PACKAGES, RAPPER.  Exit status as automake
# expects: 0 pass, 77 skip (node, the jsonld package or rapper missing), 1
# fail.
. "$(dirname "$0")/lib.sh"
needs_node_packages jsonld
needs_tool RAPPER rapper raptor2-utils
start_work jsonld
src=${NEWSKG_SRCDIR:-$top}
context=$src/data/newskg.context.jsonld

# quads FILE: FILE's N-Quads, as rapper writes them, sorted, each once
quads() {
  "$RAPPER" -q -i nquads -o nquads "$1" http://example.org/ | LC_ALL=C sort -u
}

both_formats jsonld

files=()
for name in "${cases[@]}"; do files+=("$work/$name.jsonld"); done
if "$NODE" "$src/tests/jsonld-nquads.mjs" "$NODE_PACKAGES" "$context" \
  "${files[@]}" >"$work/node.out" 2>&1; then
  pass "${#files[@]} JSON-LD outputs are JSON Lines of documents with the shipped context, expanded offline"
else
  fail "the JSON-LD processor refused some:"
  grep -v '^ok:' "$work/node.out" | head -20 >&2
fi

for name in "${cases[@]}"; do
  lines=$(wc -l <"$work/$name.jsonld")
  graphs=$(sed 's/.* \(<[^>]*>\) \.$/\1/' "$work/$name.nq" | sort -u | wc -l)
  if [ "$lines" -ne "$graphs" ]; then
    fail "$name: $lines JSON-LD lines for $graphs named graphs"
  fi
  [ -f "$work/$name.jsonld.nq" ] || continue
  quads "$work/$name.jsonld.nq" >"$work/$name.got"
  quads "$work/$name.nq" >"$work/$name.want"
  if [ -s "$work/$name.want" ] && cmp -s "$work/$name.got" "$work/$name.want"; then
    pass "$name: JSON-LD expands to the $(wc -l <"$work/$name.want") quads of -o nquads"
  else
    fail "$name: JSON-LD and N-Quads differ:"
    diff "$work/$name.got" "$work/$name.want" | head -6 >&2
  fi
done

# -O FILE.jsonld picks JSON-LD; json-ld is a name of it
sample=$SAMPLES/belarus-sanctions.txt
"$NEWSKG" -q -O "$work/picked.jsonld" "$sample"
expect_status "-O FILE.jsonld" 0 $?
expect_same "-O FILE.jsonld writes -o jsonld" "$work/picked.jsonld" \
  "$work/belarus-sanctions.jsonld"
"$NEWSKG" -q -o json-ld "$sample" >"$work/alias.jsonld"
expect_same "-o json-ld is -o jsonld" "$work/alias.jsonld" \
  "$work/belarus-sanctions.jsonld"
"$NEWSKG" -q -o turtle -O "$work/mismatch.jsonld" "$sample" 2>"$work/err"
expect_status "-o turtle -O FILE.jsonld" 2 $?

echo "jsonld.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
