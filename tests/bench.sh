#!/usr/bin/env bash
# bench.sh - a smoke run of tools/bench.sh (`make bench`) on the samples,
# each figure the fastest of two runs (make bench takes three): every row
# of the table is there and has its numbers, so that the benchmark keeps
# working between the times it is run in full.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA.
# Exit status as automake expects: 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
start_work bench
NEWSKG=$NEWSKG BENCH_SOURCE=$SAMPLES BENCH_MB=0 BENCH_JOBS=2 BENCH_REPEAT=2 \
  NLP_CORPUS=none \
  TMPDIR=$work bash "$top/tools/bench.sh" >"$work/out" 2>"$work/err"
status=$?
if [ "$status" -eq 0 ]; then pass "tools/bench.sh runs"; else
  fail "tools/bench.sh: exit $status"
  cat "$work/err" >&2
fi
for fmt in ntriples nquads turtle; do
  for jobs in 1 2; do
    # seconds, MB/s, articles/s, triples/s are numbers; so is the ratio to wc -w
    if grep -q "^newskg -j$jobs -o $fmt  *[0-9.]*  *[0-9.]*  *[0-9]*  *[0-9]*  *[-0-9]*  *[0-9.]* " "$work/out"; then
      pass "a row for -j$jobs -o $fmt"
    else
      fail "no row for -j$jobs -o $fmt"
    fi
  done
done
for base in "wc -w" "rapper nt -> nt" "serdi nt -> nt"; do
  if grep -q "^$base " "$work/out"; then pass "a row for $base"; else fail "no row for $base"; fi
done
if [ "$failures" -ne 0 ]; then cat "$work/out" >&2; fi
echo "bench.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
