#!/bin/bash
# header-example.sh - the example in newskg.h's opening comment compiles
# as shown and does what it says.
#
# The example's lines are cut from the header verbatim (the indented block
# after "Example:", less the comment's " *     " margin), compiled with
# strict warnings as errors against the built libnewskg.la (through
# libtool, shared or static as configured) and the headers alone, no
# config.h, and run with the data directory on every sample: it must print
# each relation, its confidence and the sentence it was first read from,
# as `newskg --explain` tells them.
. "$(dirname "$0")/lib.sh"

builddir=${NEWSKG_BUILDDIR:-$top}
start_work header-example

# The example: from the first line after "Example:" with the 5-space margin
# to the last line of the block (blank comment lines inside it kept).
awk 'done { next }
     /^ \* Example:/ { seen = 1; next }
     seen && /^ \*     / { started = 1; print substr($0, 8); next }
     seen && started && /^ \*$/ { print ""; next }
     started { done = 1 }' "$top/src/newskg.h" >"$work/example.c"
if ! grep -q 'int main' "$work/example.c"; then
  fail "no example program found in newskg.h"
  exit 1
fi

# the build's CFLAGS and LDFLAGS (a sanitizer build's instrument the program
# as they do the library)
read -r -a build_flags <<<"${CFLAGS-} ${LDFLAGS-}"
if "$builddir/libtool" --quiet --tag=CC --mode=link "${CC:-cc}" -std=c11 \
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror "${build_flags[@]}" \
  -I"$top/src" -I"$builddir/src" -o "$work/example" "$work/example.c" \
  "$builddir/src/libnewskg.la" 2>"$work/cc.err"; then
  pass "the example compiles and links against libnewskg.la"
else
  fail "the example does not compile:"
  cat "$work/cc.err" >&2
  exit 1
fi

"$work/example" >/dev/null 2>"$work/usage.err"
expect_status "the example without a data directory" 1 $?
expect_grep "it says how to run it" "usage: .* DATADIR" "$work/usage.err"

# expected_lines FILE: what the example prints for FILE, from the first
# evidence block of each relation that newskg --explain writes:
# "S p O (0.87): the sentence".
expected_lines() {
  "$NEWSKG" -q --explain -d "$NEWSKG_DATA" -o ntriples "$1" 2>&1 >/dev/null |
    awk '/^[^ ].* \(confidence [0-9.]+\)$/ {
           head = $0; sub(/ \(confidence /, " (", head); sub(/\)$/, "", head)
           next }
         /^  rule: .*, sentence 1 of [0-9]+$/ { first = 1; next }
         first && /^  sentence: / { printf "%s): %s", head, substr($0, 13)
                                    insentence = 1; next }
         insentence && /^  matched: / { print ""; insentence = 0; first = 0
                                        next }
         insentence { printf "\n%s", $0 }'
}

relations=0
for f in "$SAMPLES"/*.txt; do
  name=$(basename "$f")
  expected_lines "$f" >"$work/expected"
  if ! "$work/example" "$NEWSKG_DATA" <"$f" >"$work/got" 2>"$work/err"; then
    fail "the example fails on $name: $(head -3 "$work/err")"
  elif [ ! -s "$work/expected" ]; then
    fail "newskg --explain finds no relation in $name"
  elif cmp -s "$work/got" "$work/expected"; then
    relations=$((relations + $(grep -c '^[^ ].* ([0-9.]*): ' "$work/got")))
    pass "the example prints the relations of $name"
  else
    fail "the example's output for $name differs from newskg --explain:"
    diff "$work/expected" "$work/got" | head -10 >&2
  fi
done

echo "header-example.sh: $relations relations; $failures failure(s)"
[ "$failures" -eq 0 ]
