#!/usr/bin/env bash
# fuzz-smoke.sh - the libFuzzer harnesses of fuzz/ (`make fuzz`), briefly.
# Each harness first runs every input of tests/fuzz-regressions/NAME (what
# fuzzing has found: each crash, leak or hang it made, now fixed; through
# every writer), then makes a fixed number of inputs from its seed corpus
# fuzz/corpus/NAME with a fixed seed: the same inputs on every run and
# machine, so that what fails in CI fails here too (the long campaigns of
# `make fuzz` are where new inputs come from).  A crash, a sanitizer
# report, a leak or a timeout fails.  Skips when configure found no clang
# that links -fsanitize=fuzzer.
#
# Environment (set by `make check`): FUZZ_BUILD (the build tree's fuzz/),
# FUZZ_OPTIONS (libFuzzer's flags, as `make fuzz` uses them), NEWSKG_DATA;
# FUZZ_SMOKE_SEED (default 1) and FUZZ_SMOKE_SCALE (default 1: the runs of
# each harness, below, times this).
# Exit status as automake expects: 0 pass, 1 fail, 77 skip.
. "$(dirname "$0")/lib.sh"
FUZZ_BUILD=${FUZZ_BUILD:-$top/fuzz}
read -r -a options <<<"${FUZZ_OPTIONS:--max_len=4096 -rss_limit_mb=2048 -timeout=10}"
seed=${FUZZ_SMOKE_SEED:-1}
scale=${FUZZ_SMOKE_SCALE:-1}
harnesses="extract rules gazetteer records"
# Inputs made by each harness: a few seconds' worth under the sanitizers'
# slow unwinding (make check-sanitizers); fuzz_extract runs the whole
# pipeline and is twenty times slower than the others.
declare -A runs=([extract]=1000 [rules]=20000 [gazetteer]=20000 [records]=20000)
for h in $harnesses; do
  if [ ! -x "$FUZZ_BUILD/fuzz_$h" ]; then
    echo "$test_name: SKIP: $FUZZ_BUILD/fuzz_$h was not built: configure" \
      "found no clang that links -fsanitize=fuzzer (apt-get install clang" \
      "libclang-rt-14-dev, then configure again)"
    exit 77
  fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/newskg-fuzz-smoke.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp"

# run NAME WHAT DONE ARGS...: runs the harness, which must exit 0 and
# print the line DONE (a grep pattern) to show it got to the end
run() {
  local h=$1 what=$2 done=$3 log=$work/$1.log
  shift 3
  if "$FUZZ_BUILD/fuzz_$h" "${options[@]}" -artifact_prefix="$work/$h-" \
    "$@" >"$log" 2>&1 && grep -q -e "$done" "$log"; then
    pass "fuzz_$h: $what"
  else
    fail "fuzz_$h: $what"
    tail -n 40 "$log" >&2
  fi
}

for h in $harnesses; do
  regressions=("$top/tests/fuzz-regressions/$h"/*)
  if [ -e "${regressions[0]}" ]; then
    # fuzz_extract writes each input in one format while fuzzing, in all
    # of them here
    FUZZ_EXTRACT_EVERY_WRITER=1 run "$h" \
      "${#regressions[@]} regression inputs" \
      "^Executed ${regressions[-1]} in" "${regressions[@]}"
  fi
  mkdir "$work/$h" || exit 1
  n=$((runs[$h] * scale))
  run "$h" "the seeds and $n inputs of seed $seed" \
    '^#[0-9]*[[:space:]]*DONE ' -seed="$seed" -runs="$n" \
    "$work/$h" "$top/fuzz/corpus/$h"
done
[ "$failures" -eq 0 ]
