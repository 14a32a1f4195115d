#!/usr/bin/env bash
# score_agrees.sh - `newskg eval` prints what ../shared/eval/score.py prints.
#
# For every samples/*.gold.tsv: extract the article's graph as N-Triples
# (and as Turtle, when rapper is there for score.py to read it), score it
# with both, and compare their reports line for line and their exit codes
# (with --min-f1, which makes the exit code mean something).
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, SHARED
# (default: ../shared beside the source tree), PYTHON3, RAPPER.  Exit status
# as automake expects: 0 pass, 77 skip (python3 or score.py missing), 1 fail.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-$top/../shared}
RAPPER=${RAPPER:-$(command -v rapper || true)}
score=$SHARED/eval/score.py
needs_tool PYTHON3 python3 python3
if [ ! -r "$score" ]; then
  echo "score_agrees.sh: SKIP: no $score (set SHARED to the shared material)"
  exit 77
fi
start_work score

# agree NAME GOLD GRAPH: both scorers, same report and exit code
agree() {
  "$NEWSKG" eval "$2" "$3" --min-f1 0.5 >"$work/c.out" 2>"$work/c.err"
  local c=$?
  "$PYTHON3" "$score" "$2" "$3" --min-f1 0.5 >"$work/py.out" 2>"$work/py.err"
  local p=$?
  if [ "$p" -gt 1 ]; then
    fail "$1: score.py failed (exit $p):"
    cat "$work/py.err" >&2
    return
  fi
  if ! cmp -s "$work/c.out" "$work/py.out"; then
    fail "$1: reports differ (< newskg eval, > score.py):"
    diff "$work/c.out" "$work/py.out" >&2
  elif [ "$c" -ne "$p" ]; then
    fail "$1: exit codes differ: newskg eval $c, score.py $p"
  else
    echo "ok: $1: $(tail -n 1 "$work/c.out")"
  fi
}

count=0
for gold in "$SAMPLES"/*.gold.tsv; do
  [ -e "$gold" ] || continue
  name=$(basename "$gold" .gold.tsv)
  txt=$SAMPLES/$name.txt
  if [ ! -r "$txt" ]; then
    fail "$name: no article $txt"
    continue
  fi
  count=$((count + 1))
  if ! "$NEWSKG" -q -o ntriples "$txt" >"$work/$name.nt"; then
    fail "$name: newskg -o ntriples failed"
    continue
  fi
  agree "$name (N-Triples)" "$gold" "$work/$name.nt"
  if [ -n "$RAPPER" ] && [ -x "$RAPPER" ]; then
    if "$NEWSKG" -q -o turtle "$txt" >"$work/$name.ttl"; then
      # score.py runs `rapper` by name
      PATH=$(dirname "$RAPPER"):$PATH agree "$name (Turtle)" "$gold" "$work/$name.ttl"
    else
      fail "$name: newskg -o turtle failed"
    fi
  fi
done

if [ "$count" -eq 0 ]; then
  echo "score_agrees.sh: no gold files in $SAMPLES" >&2
  exit 1
fi
echo "score_agrees.sh: $count sample(s), $failures failure(s)"
[ "$failures" -eq 0 ]
