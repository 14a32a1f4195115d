#!/usr/bin/env bash
# shards.sh - sharded runs merge to the single run's graph: the articles
# split into shards, each shard run by its own newskg under GNU parallel
# (as doc/user-guide.md's Corpus mode shows), and the N-Quads put together again.  Kept in order
# (parallel -k) the bytes are those of one run; in any order, the same set
# of lines.  Both as file lists (parallel -X) and as JSON Lines on standard
# input (parallel --pipe, newskg as a streaming mapper, as Hadoop or Spark
# would run it).
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA,
# GNU_PARALLEL (GNU parallel; the test is skipped without it: apt-get install
# parallel).  $PARALLEL would be GNU parallel's own default options, so it is
# cleared.
# Exit status as automake expects: 0 pass, 1 fail, 77 skip.
. "$(dirname "$0")/lib.sh"
needs_tool GNU_PARALLEL parallel parallel
unset PARALLEL
start_work shards

# expect_same WHAT FILE1 FILE2
expect_same() {
  if cmp -s "$2" "$3"; then pass "$1"; else
    fail "$1: $(cmp "$2" "$3" 2>&1)"
  fi
}

# same_lines WHAT FILE1 FILE2: the same lines, in any order
same_lines() {
  if cmp -s <(LC_ALL=C sort "$2") <(LC_ALL=C sort "$3"); then pass "$1"; else
    fail "$1: the sets of lines differ"
  fi
}

# the articles: every sample, in a fixed order
find "$SAMPLES" -name '*.txt' | LC_ALL=C sort >"$work/files"
n=$(wc -l <"$work/files")
if [ "$n" -lt 10 ]; then
  echo "shards.sh: only $n sample articles in $SAMPLES" >&2
  exit 1
fi

# --- files: one run, then three shards -----------------------------------------

xargs -d '\n' "$NEWSKG" -q -j 1 -o nquads <"$work/files" >"$work/single.nq" 2>"$work/err"
if [ $? -ne 0 ] || [ ! -s "$work/single.nq" ]; then
  fail "the single run failed:"
  cat "$work/err" >&2
fi

# -X hands each newskg a share of the list; -j 3 runs three at once
"$GNU_PARALLEL" --will-cite -k -X -j 3 -d '\n' "$NEWSKG" -q -j 1 -o nquads \
  <"$work/files" >"$work/sharded.nq" 2>"$work/err"
expect_same "three shards, kept in order: the bytes of one run" \
  "$work/single.nq" "$work/sharded.nq"

"$GNU_PARALLEL" --will-cite -N 4 -j 4 -d '\n' "$NEWSKG" -q -o nquads \
  <"$work/files" >"$work/unordered.nq" 2>"$work/err"
same_lines "shards of four in any order: the lines of one run" \
  "$work/single.nq" "$work/unordered.nq"
runs=$("$GNU_PARALLEL" --will-cite -N 4 -d '\n' echo <"$work/files" | wc -l)
if [ "$runs" -gt 1 ]; then pass "the articles were split in $runs shards"; else
  fail "parallel did not split the input"
fi

# --- JSON Lines on standard input, the streaming mapper -----------------------------

# one record per article, the text as a JSON string (each line ends in \n)
while IFS= read -r f; do
  id=$(basename "$f" .txt)
  text=$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' "$f" | awk '{ printf "%s\\n", $0 }')
  printf '{"id": "%s", "text": "%s"}\n' "$id" "$text"
done <"$work/files" >"$work/all.jsonl"

"$NEWSKG" -q -i jsonl -o nquads "$work/all.jsonl" >"$work/single-j.nq" 2>"$work/err"
if [ $? -ne 0 ]; then
  fail "the single JSON Lines run failed:"
  cat "$work/err" >&2
fi
"$GNU_PARALLEL" --will-cite --pipe -k -N 5 -j 3 "$NEWSKG" -q -i jsonl -o nquads - \
  <"$work/all.jsonl" >"$work/piped.nq" 2>"$work/err"
expect_same "records piped to three mappers, kept in order: one run's bytes" \
  "$work/single-j.nq" "$work/piped.nq"
"$GNU_PARALLEL" --will-cite --pipe -N 3 -j 4 "$NEWSKG" -q -i jsonl -o nquads - \
  <"$work/all.jsonl" >"$work/piped-any.nq" 2>"$work/err"
same_lines "records piped in any order: one run's lines" \
  "$work/single-j.nq" "$work/piped-any.nq"

echo "shards.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
