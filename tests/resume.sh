#!/usr/bin/env bash
# resume.sh - --resume: a corpus run stopped by a signal, or killed in the
# middle of a write, carries on from its -O FILE, and the result is byte for
# byte what one uninterrupted run writes.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA.  Exit
# status as automake expects: 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
start_work resume

# A directory of articles: the samples, each twice with a line of its own
# (so that every article has its own graph), one with invalid UTF-8 (a
# warning) and one binary file (skipped: exit 1).
d=$work/news
mkdir "$d"
i=0
for f in "$SAMPLES"/*.txt "$SAMPLES"/extra/*.txt; do
  for copy in a b; do
    i=$((i + 1))
    { cat "$f"; echo "Story $i$copy."; } >"$d/$(printf %03d $i)$copy.txt"
  done
done
printf 'caf\xe9 in Minsk.\n' >"$d/010c.txt"
head -c 3000 /dev/zero >"$d/020c.txt"
"$NEWSKG" -q -j 2 -o nquads "$d" >"$work/want.nq" 2>/dev/null
want_status=$?
expect_status "the uninterrupted run" 1 $want_status

# resumes WHAT FILE: --resume with FILE as it is gives the whole run
resumes() {
  "$NEWSKG" -q -j 2 -o nquads -O "$2" --resume "$d" 2>"$work/resume.err"
  expect_status "$1: --resume" $want_status $?
  expect_same "$1: the resumed run writes the uninterrupted run's bytes" "$2" "$work/want.nq"
}

# Torn files: cut inside a line, at a line end, and at an article's end.
size=$(stat -c %s "$work/want.nq")
lines=$(wc -l <"$work/want.nq")
cut_line=$((lines / 2))
boundary=$(awk '{ g = $(NF-1) } NR > 1 && g != last { print NR - 1; exit } { last = g }' "$work/want.nq")
head -c $((size / 3)) "$work/want.nq" >"$work/torn.nq"
resumes "cut inside a line" "$work/torn.nq"
head -n $cut_line "$work/want.nq" >"$work/torn.nq"
resumes "cut at a line end" "$work/torn.nq"
head -n "$boundary" "$work/want.nq" >"$work/torn.nq"
resumes "cut at an article's end" "$work/torn.nq"
cp "$work/want.nq" "$work/whole.nq"
resumes "a finished run" "$work/whole.nq"
: >"$work/empty.nq"
resumes "an empty file" "$work/empty.nq"
resumes "no file yet" "$work/none.nq"
head -n $cut_line "$work/want.nq" >"$work/torn.nq"
"$NEWSKG" -j 2 -o nquads -O "$work/torn.nq" --resume "$d" >/dev/null 2>"$work/resume.err"
expect_grep "--resume says how many articles it keeps" \
  "^newskg: $work/torn.nq: resuming after [0-9]* articles* (the last one it held is written again)$" "$work/resume.err"
expect_grep "--resume does not count the kept articles again" \
  "^newskg: [0-9]* articles, " "$work/resume.err"
kept=$(sed -n 's/.*resuming after \([0-9]*\) article.*/\1/p' "$work/resume.err")
done=$(sed -n 's/^newskg: \([0-9]*\) articles, .*/\1/p' "$work/resume.err")
total=$(ls "$d" | wc -l)
if [ "$done" -le $((total - kept)) ] && [ "$done" -gt 0 ]; then
  pass "--resume extracts $done of $total articles, $kept kept"
else
  fail "--resume extracted $done of $total articles, $kept kept"
fi

# A run stopped by SIGTERM, then resumed: JSON Lines from a slow writer.
for f in "$d"/0[0-4]*[ab].txt; do
  printf '{"id": "%s", "text": "%s"}\n' "$(basename "$f")" \
    "$(head -1 "$f" | sed 's/\\/\\\\/g; s/"/\\"/g')"
done >"$work/all.jsonl"
"$NEWSKG" -q -j 2 -i jsonl -o nquads "$work/all.jsonl" >"$work/jwant.nq"
: >"$work/j.err"
while IFS= read -r line; do
  printf '%s\n' "$line"
  sleep 0.05
done <"$work/all.jsonl" |
  "$NEWSKG" -j 2 -i jsonl -o nquads -O "$work/j.nq" - 2>"$work/j.err" &
pid=$!
tries=0
while [ "$(wc -l <"$work/j.err")" -lt 3 ] && [ $tries -lt 200 ]; do
  sleep 0.1
  tries=$((tries + 1))
done
kill -TERM $pid
wait $pid
expect_status "SIGTERM" 143 $?
if cmp -s "$work/j.nq" "$work/jwant.nq"; then
  fail "the run was not interrupted"
fi
"$NEWSKG" -q -j 2 -i jsonl -o nquads -O "$work/j.nq" --resume - <"$work/all.jsonl"
expect_status "--resume after SIGTERM" 0 $?
expect_same "--resume after SIGTERM writes the uninterrupted run's bytes" "$work/j.nq" "$work/jwant.nq"

# An input that is not the one the output was written from: its graphs
# must be the input's first ones, in order, or nothing is written.
changed_input() { # WHAT DIR FILE
  cp "$3" "$work/before.nq"
  "$NEWSKG" -q -j 2 -o nquads -O "$3" --resume "$2" 2>"$work/err"
  expect_status "--resume, $1" 2 $?
  expect_grep "--resume says the input has changed ($1)" \
    "^newskg: --resume: the input has changed: .* the output's article [0-9]*, <https://w3id.org/newskg/[^>]*>; nothing written (run again without --resume)$" "$work/err"
  expect_same "--resume, $1, leaves the file alone" "$3" "$work/before.nq"
}
cp -r "$d" "$work/fewer"
rm "$(find "$work/fewer" -type f | LC_ALL=C sort | sed -n 2p)"
head -n $cut_line "$work/want.nq" >"$work/torn.nq"
changed_input "an article gone from the input" "$work/fewer" "$work/torn.nq"
mkdir "$work/short"
cp "$d"/00[1-3]?.txt "$work/short"
changed_input "an input shorter than the output" "$work/short" "$work/whole.nq"

# What --resume refuses.
"$NEWSKG" -q -o nquads --resume "$d" >/dev/null 2>"$work/err"
expect_status "--resume without -O" 2 $?
expect_grep "--resume says what it needs" "^newskg: --resume needs -o nquads and -O FILE$" "$work/err"
"$NEWSKG" -q -O "$work/t.ttl" --resume "$d" 2>"$work/err"
expect_status "--resume with Turtle" 2 $?
echo "not N-Quads" >"$work/junk.nq"
"$NEWSKG" -q -o nquads -O "$work/junk.nq" --resume "$d" 2>"$work/err"
expect_status "--resume onto a file that is not N-Quads" 2 $?
expect_grep "--resume says which line" "^newskg: $work/junk.nq:1: cannot resume: not N-Quads" "$work/err"
if [ "$(cat "$work/junk.nq")" = "not N-Quads" ]; then
  pass "--resume leaves a file it cannot resume alone"
else
  fail "--resume changed a file it cannot resume"
fi

[ "$failures" -eq 0 ] || exit 1
