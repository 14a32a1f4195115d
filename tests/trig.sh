#!/usr/bin/env bash
# trig.sh - `newskg -o trig` is TriG that rapper, serdi and N3.js read into
# the quads of `-o nquads`.
#
# For every sample (samples/*.txt, samples/extra/*.txt) and two awkward
# made-up articles (quotes, a triple quote, backslashes, tabs, CR LF,
# characters beyond the BMP), each with basic and with full provenance;
# the whole samples/ tree in corpus mode (one document an article, each
# with its prefixes, one graph block each); and a JSON Lines record with an
# id, URL, date and title: rapper (-i trig) and serdi (-i trig) read the
# TriG without a complaint, and what each reads is the set of quads rapper
# reads from -o nquads of the same input (all written back by rapper,
# sorted); so is what N3.js and rdflib read, where node and the n3
# package, and a python3 with rdflib, are there.  Each article is one graph block.  Then -O FILE.trig picks the
# format, and -o nquads -O FILE.trig is refused.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA,
# NEWSKG_SRCDIR, RAPPER, SERDI, NODE, NODE_PACKAGES, PYTHON3.  Exit status as
# automake expects: 0 pass, 77 skip (rapper or serdi missing), 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool RAPPER rapper raptor2-utils
needs_tool SERDI serdi serdi
start_work trig
src=${NEWSKG_SRCDIR:-$top}

# canon SYNTAX FILE: the quads rapper reads from FILE, as rapper writes
# them in N-Quads, sorted, each once
canon() {
  "$RAPPER" -q -i "$1" -o nquads "$2" http://example.org/ | LC_ALL=C sort -u
}

both_formats trig

n3=
if [ -n "${NODE:-$(command -v node || true)}" ] &&
  [ -f "$NODE_PACKAGES/node_modules/n3/package.json" ]; then
  n3=${NODE:-$(command -v node)}
  for name in "${cases[@]}"; do
    printf '%s\ttrig\t%s\n' "$work/$name.trig" "$work/$name.n3.nq"
  done >"$work/n3.list"
  "$n3" "$src/tests/n3-canon.mjs" "$NODE_PACKAGES" <"$work/n3.list" ||
    fail "N3.js cannot read some TriG"
else
  echo "trig.sh: node or the n3 package missing: N3.js not checked"
fi

rdflib=
for py in "${PYTHON3:-python3}" /usr/bin/python3; do
  if "$py" -c 'import rdflib' 2>/dev/null; then
    rdflib=$py
    break
  fi
done
if [ -n "$rdflib" ]; then
  for name in "${cases[@]}"; do
    printf '%s\ttrig\t%s\n' "$work/$name.trig" "$work/$name.rdflib.nq"
  done >"$work/rdflib.list"
  "$rdflib" "$src/tests/rdflib-canon.py" <"$work/rdflib.list" ||
    fail "rdflib cannot read some TriG"
else
  echo "trig.sh: no python3 with rdflib: rdflib not checked"
fi

for name in "${cases[@]}"; do
  canon nquads "$work/$name.nq" >"$work/$name.want"
  if [ ! -s "$work/$name.want" ]; then
    fail "$name: no quads"
    continue
  fi
  graphs=$(sed 's/.* \(<[^>]*>\) \.$/\1/' "$work/$name.nq" | sort -u | wc -l)
  blocks=$(grep -c '^<[^>]*> {$' "$work/$name.trig")
  [ "$graphs" -eq "$blocks" ] ||
    fail "$name: $blocks graph blocks for $graphs named graphs"
  if "$RAPPER" -q -i trig -o nquads "$work/$name.trig" http://example.org/ \
    >"$work/$name.rapper.nq" 2>"$work/$name.err" && [ ! -s "$work/$name.err" ]; then
    canon nquads "$work/$name.rapper.nq" >"$work/$name.got"
    expect_same "$name: rapper reads the TriG as the N-Quads" \
      "$work/$name.got" "$work/$name.want"
  else
    fail "$name: rapper cannot read the TriG: $(head -2 "$work/$name.err")"
  fi
  if "$SERDI" -q -i trig -o nquads "$work/$name.trig" \
    >"$work/$name.serdi.nq" 2>"$work/$name.err" && [ ! -s "$work/$name.err" ]; then
    canon nquads "$work/$name.serdi.nq" >"$work/$name.got"
    expect_same "$name: serdi reads the TriG as the N-Quads" \
      "$work/$name.got" "$work/$name.want"
  else
    fail "$name: serdi cannot read the TriG: $(head -2 "$work/$name.err")"
  fi
  if [ -n "$n3" ] && [ -f "$work/$name.n3.nq" ]; then
    canon nquads "$work/$name.n3.nq" >"$work/$name.got"
    expect_same "$name: N3.js reads the TriG as the N-Quads" \
      "$work/$name.got" "$work/$name.want"
  fi
  if [ -n "$rdflib" ] && [ -f "$work/$name.rdflib.nq" ]; then
    canon nquads "$work/$name.rdflib.nq" >"$work/$name.got"
    expect_same "$name: rdflib reads the TriG as the N-Quads" \
      "$work/$name.got" "$work/$name.want"
  fi
done

# -O FILE.trig picks TriG; -o nquads -O FILE.trig is refused
sample=$SAMPLES/belarus-sanctions.txt
"$NEWSKG" -q -O "$work/picked.trig" "$sample"
expect_status "-O FILE.trig" 0 $?
expect_same "-O FILE.trig writes -o trig" "$work/picked.trig" \
  "$work/belarus-sanctions.trig"
"$NEWSKG" -q -o nquads -O "$work/mismatch.trig" "$sample" 2>"$work/err"
expect_status "-o nquads -O FILE.trig" 2 $?

echo "trig.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
