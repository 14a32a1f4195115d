#!/usr/bin/env bash
# output.sh - nothing lost, nothing half-written: every write to the output
# is checked, and -O FILE is replaced atomically.
#
# A full disk is /dev/full on standard output; for -O, a file size limit
# (ulimit -f, with SIGXFSZ ignored, so that write() fails with EFBIG) makes
# the temporary file's writes fail the way a full file system does.  Each
# failure must be one clear message, exit 2, and under -O the old FILE left
# as it was and no temporary file left beside it.  While a run writes, FILE
# is still the old one (tests/cli.sh checks -O's other failures).
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA.  Exit
# status as automake expects: 0 pass, 77 skip (no /dev/full), 1 fail.
. "$(dirname "$0")/lib.sh"
if [ ! -w /dev/full ]; then
  echo "$test_name: SKIP: no writable /dev/full to fill"
  exit 77
fi
start_work output
sample=$SAMPLES/belarus-sanctions.txt

# --- standard output on a full disk -------------------------------------------

for format in turtle ntriples nquads; do
  "$NEWSKG" -q -o $format "$sample" >/dev/full 2>"$work/err"
  expect_status "$format to a full disk" 2 $?
  expect_grep "$format: the full disk is named" \
    "^newskg: (standard output): write error: No space left on device$" "$work/err"
  if [ "$(wc -l <"$work/err")" -eq 1 ]; then pass "$format: one message"; else
    fail "$format: $(wc -l <"$work/err") messages for one failure"
  fi
done
"$NEWSKG" -j 2 -o nquads "$SAMPLES" >/dev/full 2>"$work/err"
expect_status "a corpus to a full disk" 2 $?
expect_grep "a corpus run stops at the first failed write" \
  "^newskg: (standard output): write error: No space left on device$" "$work/err"

# --- -O FILE on a full file system ----------------------------------------------

# limited KB ARGS...: newskg with files limited to KB kilobytes
limited() {
  local kb=$1
  shift
  (
    trap '' XFSZ
    ulimit -f "$kb"
    exec "$NEWSKG" "$@"
  )
}

mkdir "$work/o"
for kb in 4 64; do
  echo "old content" >"$work/o/out.nq"
  limited $kb -q -j 2 -o nquads -O "$work/o/out.nq" "$SAMPLES" 2>"$work/err"
  expect_status "-O when the file system fills up at ${kb} kB" 2 $?
  expect_grep "${kb} kB: the error names FILE and what failed" \
    "^newskg: $work/o/out.nq: write error: File too large$" "$work/err"
  if [ "$(cat "$work/o/out.nq")" = "old content" ] && [ "$(ls -A "$work/o")" = out.nq ]; then
    pass "${kb} kB: the old FILE stays, no temporary file is left"
  else
    fail "${kb} kB: left $(ls -A "$work/o" | tr '\n' ' ')"
  fi
done
rm -f "$work/o/out.nq"
limited 4 -q -O "$work/o/out.ttl" "$sample" 2>"$work/err"
expect_status "-O of one article on a full file system" 2 $?
if [ -z "$(ls -A "$work/o")" ]; then pass "no partial output file"; else
  fail "left $(ls -A "$work/o" | tr '\n' ' ')"
fi
# --resume copies what FILE holds: a failure there keeps FILE too
"$NEWSKG" -q -j 2 -o nquads "$SAMPLES" >"$work/o/out.nq"
cp "$work/o/out.nq" "$work/before.nq"
limited 64 -q -j 2 -o nquads -O "$work/o/out.nq" --resume "$SAMPLES" 2>"$work/err"
expect_status "--resume on a full file system" 2 $?
expect_same "--resume failing keeps FILE" "$work/o/out.nq" "$work/before.nq"
if [ "$(ls -A "$work/o")" = out.nq ]; then pass "--resume leaves no temporary file"; else
  fail "--resume left $(ls -A "$work/o" | tr '\n' ' ')"
fi

# --- FILE is replaced whole --------------------------------------------------------

echo "old content" >"$work/o/slow.nq"
{
  printf '{"text": "Britain imposed sanctions on Belarus."}\n'
  sleep 1
  printf '{"text": "Canada imposed sanctions on Belarus."}\n'
} | "$NEWSKG" -q -i jsonl -o nquads -O "$work/o/slow.nq" - &
pid=$!
sleep 0.5
if [ "$(cat "$work/o/slow.nq")" = "old content" ]; then
  pass "while the run writes, FILE is the old one"
else
  fail "FILE changed while the run was writing"
fi
wait $pid
expect_status "the slow run" 0 $?
if [ "$(awk '{ print $(NF-1) }' "$work/o/slow.nq" | sort -u | wc -l)" -eq 2 ]; then
  pass "then FILE is the whole new output"
else
  fail "FILE is not the whole new output"
fi
if [ "$(stat -c %a "$work/o/slow.nq")" = "$(printf '%o' $((0666 & ~$(umask))))" ]; then
  pass "FILE has the mode umask gives"
else
  fail "FILE has mode $(stat -c %a "$work/o/slow.nq")"
fi

[ "$failures" -eq 0 ] || exit 1
