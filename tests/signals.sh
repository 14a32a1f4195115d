#!/usr/bin/env bash
# signals.sh - SIGINT and SIGTERM during a corpus run: the articles read so
# far are finished and written whole, the summary is printed, the exit
# status is 128 + the signal, and -O FILE holds exactly those articles; a
# read that waits for input (a silent pipe) ends on the first signal; a
# second signal ends the run at once, leaving FILE as it was.
#
# The input is JSON Lines on standard input from a slow writer, so that the
# run is surely in the middle when the signal comes.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, RAPPER,
# SERDI.  Exit status as automake expects: 0 pass, 77 skip (rapper, serdi
# or timeout missing), 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool RAPPER rapper raptor2-utils
needs_tool SERDI serdi serdi
needs_tool TIMEOUT timeout coreutils
start_work signals

# records N: N JSON Lines records, each a sample's first paragraph and its
# own id
records() {
  local i=0 text
  while [ $i -lt "$1" ]; do
    for f in "$SAMPLES"/*.txt; do
      text=$(head -1 "$f" | sed 's/\\/\\\\/g; s/"/\\"/g')
      printf '{"id": "r%d", "text": "%s"}\n' $i "$text"
      i=$((i + 1))
    done
  done
}
records 40 >"$work/all.jsonl"
"$NEWSKG" -q -j 2 -i jsonl -o nquads "$work/all.jsonl" >"$work/want.nq"

# slowly DELAY: standard input to standard output, a line every DELAY s
slowly() {
  while IFS= read -r line; do
    printf '%s\n' "$line"
    sleep "$1"
  done
}

# wait_for N FILE: until FILE (which must exist: the run may not have
# opened it yet) has N lines (at most 20 s)
wait_for() {
  local tries=0
  while [ "$(wc -l <"$2")" -lt "$1" ] && [ $tries -lt 200 ]; do
    sleep 0.1
    tries=$((tries + 1))
  done
}

# interrupt SIGNAL WANT: a run with -O, stopped by SIGNAL after 3 articles
interrupt() {
  local out=$work/$1.nq err=$work/$1.err
  : >"$err"
  slowly 0.05 <"$work/all.jsonl" |
    "$NEWSKG" -j 2 -i jsonl -o nquads -O "$out" - 2>"$err" &
  local pid=$!
  wait_for 3 "$err"
  kill -s "$1" $pid 2>/dev/null
  wait $pid
  expect_status "$1 during a run" "$2" $?
  expect_grep "$1: the run says why it stopped" \
    "^newskg: interrupted by SIG$1: the articles read so far were written whole; --resume carries on$" "$err"
  expect_grep "$1: the summary is printed" "^newskg: [0-9]* articles, .* s$" "$err"
  valid_rdf "$1: the output" nquads "$out"
  local written graphs size
  written=$(grep -c ': [0-9]* entit[a-z]*, [0-9]* relations*$' "$err")
  graphs=$(awk '{ print $(NF-1) }' "$out" | uniq | wc -l)
  if [ "$graphs" -eq "$written" ] && [ "$written" -ge 3 ] && [ "$written" -lt 40 ]; then
    pass "$1: $written whole articles written, as reported"
  else
    fail "$1: $graphs graphs written, $written reported (of 40)"
  fi
  size=$(stat -c %s "$out")
  head -c "$size" "$work/want.nq" >"$work/prefix.nq"
  expect_same "$1: the output is the uninterrupted run's start" "$out" "$work/prefix.nq"
  if [ "$(sed -n "$(($(wc -l <"$out") + 1))p" "$work/want.nq" | awk '{ print $(NF-1) }')" != \
    "$(tail -1 "$out" | awk '{ print $(NF-1) }')" ]; then
    pass "$1: the output ends on a whole article"
  else
    fail "$1: the output ends inside an article"
  fi
}
interrupt INT 130
interrupt TERM 143

# Standard output, not -O: the same, without the --resume hint.
: >"$work/stdout.err"
slowly 0.05 <"$work/all.jsonl" | "$NEWSKG" -j 1 -i jsonl -o nquads - >"$work/stdout.nq" 2>"$work/stdout.err" &
pid=$!
wait_for 3 "$work/stdout.err"
kill -INT $pid
wait $pid
expect_status "SIGINT, writing to standard output" 130 $?
expect_grep "the summary on standard error" "^newskg: [0-9]* articles, .* s$" "$work/stdout.err"
valid_rdf "SIGINT: standard output" nquads "$work/stdout.nq"

# catching PID: waits (at most 10 s) until PID catches SIGINT and SIGTERM
# (bits 2 and 15 of SigCgt), as newskg does once its data is loaded (a
# second, without /proc)
catching() {
  local tries=0 mask
  while [ $tries -lt 100 ]; do
    mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
    if [ -z "$mask" ]; then
      sleep 1
      return
    fi
    if [ $((0x$mask & 0x4002)) -eq $((0x4002)) ]; then return; fi
    sleep 0.1
    tries=$((tries + 1))
  done
}

# silent SIGNAL WANT OPTIONS...: newskg OPTIONS - reading a pipe that
# stays open and silent (sleep 30 | newskg -) ends within 3 s of the first
# SIGNAL, exit WANT
silent() {
  local sig=$1 want=$2 pid sleeper
  shift 2
  local how=${*:-text}
  sh -c 'echo $$ >"$1"; exec sleep 30' sh "$work/sleeper.pid" |
    "$NEWSKG" -j 1 "$@" - >"$work/silent.out" 2>"$work/silent.err" &
  pid=$!
  catching $pid
  kill -s "$sig" $pid
  if ends_within 3 $pid; then
    pass "$sig: a read from a silent pipe ends at the first signal ($how)"
  else
    fail "$sig: a read from a silent pipe goes on after the first signal ($how)"
  fi
  sleeper=$(cat "$work/sleeper.pid")
  kill "$sleeper" 2>/dev/null # ends the pipe, and the run if it is still waiting
  wait $pid
  expect_status "$sig on a silent pipe ($how)" "$want" $?
  expect_grep "$sig on a silent pipe: the run says why it stopped ($how)" \
    "^newskg: interrupted by SIG$sig: the articles read so far were written whole$" "$work/silent.err"
  expect_grep "$sig on a silent pipe: no article, and no error ($how)" \
    "^newskg: 0 articles, .*, 0 errors, " "$work/silent.err"
}
silent INT 130
silent TERM 143 -i jsonl -o nquads

# A second signal ends the run at once: the old file stays, no temporary
# file is left behind.  To be sure the run has not ended after the first
# one, it cannot write its messages: its standard error is a FIFO whose
# pipe is full (the test holds it open both ways, and reads it only at the
# end).
mkdir "$work/twice"
echo old >"$work/twice/out.nq"
mkfifo "$work/twice.fifo"
exec 3<>"$work/twice.fifo"
dd if=/dev/zero of=/dev/fd/3 oflag=nonblock bs=4096 count=100000 2>/dev/null
dd if=/dev/zero of=/dev/fd/3 oflag=nonblock bs=1 count=100000 2>/dev/null
"$NEWSKG" -j 1 -i jsonl -o nquads -O "$work/twice/out.nq" "$work/all.jsonl" 2>"$work/twice.fifo" &
pid=$!
catching $pid
sleep 0.3 # the run reads until the pipeline, held up by its messages, is full
kill -INT $pid
sleep 0.3
if kill -0 $pid 2>/dev/null; then
  pass "the first SIGINT leaves the run finishing what it read"
else
  fail "the run ended at the first SIGINT, whose messages could not be written"
fi
kill -INT $pid 2>/dev/null
if ends_within 3 $pid; then
  pass "a second SIGINT ends the run at once"
else
  fail "a second SIGINT did not end the run"
  kill -KILL $pid
fi
wait $pid
expect_status "a second SIGINT" 130 $?
if [ "$(cat "$work/twice/out.nq")" = old ] && [ "$(ls -A "$work/twice")" = out.nq ]; then
  pass "a second SIGINT leaves the old file, and no temporary file"
else
  fail "a second SIGINT left: $(ls -A "$work/twice")"
fi
"$TIMEOUT" 1 cat <&3 | tr -d '\0' >"$work/twice.err"
exec 3<&-
if grep -q ' articles, ' "$work/twice.err"; then
  fail "a second SIGINT: the run still finished"
else
  pass "a second SIGINT: no summary"
fi

[ "$failures" -eq 0 ] || exit 1
