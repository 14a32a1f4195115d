#!/usr/bin/env bash
# bench.sh - a smoke run of tools/bench.sh (`make bench`) on the samples,
# each figure the fastest of two runs (make bench takes three): every row
# of the table is there and has its numbers, so that the benchmark keeps
# working between the times it is run in full.  Its parse section runs on
# the first 200 sentences of the EWT test file (and 8 copies of them), on
# the samples and, for the whole-treebank rows, on the EWT dev file; when $SHARED has no EWT or newskg parse no models, bench.sh
# skips it with a message, and so are its checks here.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, SHARED.
# Exit status as automake expects: 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
start_work bench
NEWSKG=$NEWSKG BENCH_SOURCE=$SAMPLES BENCH_MB=0 BENCH_JOBS=2 BENCH_REPEAT=2 \
  NLP_CORPUS=none BENCH_PARSE_SENTENCES=200 BENCH_MEMORY_MB=1 \
  BENCH_PARSE_WHOLE=$SHARED/training/ud-english-ewt/en_ewt-ud-dev.conllu \
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
for run in "one article -j1" "8 articles -j1" "8 articles -j2"; do
  if grep -q "^$run  *[0-9.]*  *[0-9]*$" "$work/out"; then
    pass "a memory row for $run"
  else
    fail "no memory row for $run"
  fi
done
for base in "wc -w" "rapper nt -> nt" "serdi nt -> nt"; do
  if grep -q "^$base  " "$work/out"; then pass "a row for $base"; else fail "no row for $base"; fi
done
if grep -q 'section parse skipped' "$work/err"; then
  echo "note: $(grep 'section parse skipped' "$work/err")"
else
  for run in "newskg parse -j1 1x" "newskg parse -j2 1x" "newskg parse -j1 8x" \
    "newskg parse -j2 8x" "newskg parse -j1 text" "newskg parse -j1 treebank"; do
    # seconds, MB/s, words/s, RSS, the ratios to wc -w and to -j1
    if grep -q "^$run  *[0-9.]*  *[0-9.]*  *[0-9]*  *[-0-9]*  *[0-9.]*  *[0-9.]*$" "$work/out"; then
      pass "a row for $run"
    else
      fail "no row for $run"
    fi
  done
  for base in "wc -w 1x" "wc -w 8x" "wc -w text" "wc -w treebank"; do
    if grep -q "^$base  " "$work/out"; then pass "a row for $base"; else fail "no row for $base"; fi
  done
  for metric in UPOS XPOS LEMMA UAS LAS; do
    if grep -q "^$metric  *[01]\.[0-9]*" "$work/out"; then
      pass "the parse accuracy has $metric"
    else
      fail "no $metric in the parse accuracy"
    fi
  done
  if grep -q '^speed  *[0-9]*  *bar >= 150000 words/s, -j1 on the whole treebank .* \(met\|not met\)$' "$work/out"; then
    pass "the speed bar is judged"
  else
    fail "no speed bar line"
  fi
fi
if [ "$failures" -ne 0 ]; then cat "$work/out" >&2; fi
echo "bench.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
