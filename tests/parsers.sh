#!/usr/bin/env bash
# parsers.sh - newskg's output parses with two independent RDF parsers, and
# its Turtle and N-Triples say the same thing.
#
# For every samples/*.txt: write Turtle and N-Triples; parse both with
# raptor's rapper and with serd's serdi; re-serialise everything as
# canonical N-Triples with rapper and compare the sorted lines.  newskg
# writes no blank nodes, so sorted N-Triples compare as sets of triples.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, RAPPER,
# SERDI.  Exit status as automake expects: 0 pass, 77 skip (rapper or serdi
# missing), 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool RAPPER rapper raptor2-utils
needs_tool SERDI serdi serdi
start_work parsers
base=http://example.org/base

# canon IN OUT: IN (N-Triples) as sorted canonical N-Triples, via rapper
canon() {
  "$RAPPER" -q -i ntriples -o ntriples "$1" "$base" >"$2.unsorted" &&
    LC_ALL=C sort "$2.unsorted" >"$2"
}

# Two more articles: everything a literal must escape, and a sentence that
# is the whole text.
write_awkward_articles "$work"

count=0
for txt in "$SAMPLES"/*.txt "$work/awkward.txt" "$work/one-sentence.txt"; do
  [ -e "$txt" ] || continue
  name=$(basename "$txt" .txt)
  w=$work/$name
  count=$((count + 1))
  if ! "$NEWSKG" -q -o turtle "$txt" >"$w.ttl"; then
    fail "$name: newskg -o turtle failed"
    continue
  fi
  if ! "$NEWSKG" -q -o ntriples "$txt" >"$w.nt"; then
    fail "$name: newskg -o ntriples failed"
    continue
  fi
  if grep -q '_:' "$w.nt"; then fail "$name: blank node in the N-Triples"; fi

  # raptor
  "$RAPPER" -q -i turtle -o ntriples "$w.ttl" "$base" >"$w.rapper-ttl.nt" ||
    fail "$name: rapper cannot parse the Turtle"
  if out=$("$RAPPER" -i ntriples -c "$w.nt" "$base" 2>&1); then
    n=$(printf '%s\n' "$out" | sed -n 's/.*returned \([0-9]*\) triple.*/\1/p')
  else
    n=error
    fail "$name: rapper -c cannot parse the N-Triples"
  fi
  "$RAPPER" -q -i ntriples -o ntriples "$w.nt" "$base" >"$w.rapper-nt.nt" ||
    fail "$name: rapper cannot parse the N-Triples"
  # serd
  "$SERDI" -q -i turtle -o ntriples "$w.ttl" >"$w.serdi-ttl.nt" ||
    fail "$name: serdi cannot parse the Turtle"
  "$SERDI" -q -i ntriples -o ntriples "$w.nt" >"$w.serdi-nt.nt" ||
    fail "$name: serdi cannot parse the N-Triples"

  for v in rapper-ttl rapper-nt serdi-ttl serdi-nt; do
    canon "$w.$v.nt" "$w.$v.sorted" || fail "$name: rapper cannot read $v"
  done
  canon "$w.nt" "$w.sorted" || fail "$name: rapper cannot read newskg's N-Triples"
  triples=$(wc -l <"$w.sorted")
  if [ "$triples" -lt 5 ]; then fail "$name: only $triples triples"; fi
  if [ "$n" != "$triples" ]; then
    fail "$name: rapper -c counts $n triples, the file has $triples"
  fi
  for v in rapper-ttl rapper-nt serdi-ttl serdi-nt; do
    if ! cmp -s "$w.sorted" "$w.$v.sorted"; then
      fail "$name: $v differs from newskg's N-Triples:"
      diff "$w.sorted" "$w.$v.sorted" | head -n 10 >&2
    fi
  done
  echo "ok: $name: $triples triples (rapper -c: $n), Turtle = N-Triples in rapper and serdi"
done

if [ "$count" -eq 0 ]; then
  echo "parsers.sh: no samples in $SAMPLES" >&2
  exit 1
fi
echo "parsers.sh: $count sample(s), $failures failure(s)"
[ "$failures" -eq 0 ]
