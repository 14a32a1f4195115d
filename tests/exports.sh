#!/bin/bash
# exports.sh - libnewskg exports exactly the functions newskg.h declares.
#
# The functions declared in newskg.h (and the newskg-version.h it includes),
# read from the preprocessed header, must be the lines of src/newskg.sym,
# the list libtool exports, and the functions the built shared library
# defines (nm -D).  Skips when no shared library was built.
. "$(dirname "$0")/lib.sh"

builddir=${NEWSKG_BUILDDIR:-$top}
so=$builddir/src/.libs/libnewskg.so
if [ ! -f "$so" ]; then
  echo "$test_name: SKIP: no shared library $so (configure --disable-shared?)"
  exit 77
fi
needs_tool NM nm binutils
start_work exports

# declared_functions: the names of the functions the public headers
# declare, one a line, sorted.  The preprocessor's line markers say which
# lines come from them (not from stdio.h); the text is cut at each ';' and
# a statement that is no typedef and names something followed by '(' is a
# function's declaration.
declared_functions() {
  "${CC:-cc}" -E -I"$builddir/src" -I"$top/src" "$top/src/newskg.h" |
    awk '/^# [0-9]+ "/ { keep = ($3 ~ /\/newskg(-version)?\.h"$/); next }
         keep { printf "%s ", $0 }' |
    tr ';' '\n' |
    awk '$1 != "typedef" && match($0, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/) {
           name = substr($0, RSTART, RLENGTH - 1); sub(/[ \t]+$/, "", name)
           print name
         }' |
    LC_ALL=C sort
}

declared_functions >"$work/declared" || fail "cannot preprocess newskg.h"
LC_ALL=C sort "$top/src/newskg.sym" >"$work/listed"
"$NM" -D --defined-only "$so" | awk '{ print $NF }' |
  LC_ALL=C sort >"$work/exported"

# same_names WHAT FILE1 FILE2: the two lists of names are the same
same_names() {
  if cmp -s "$2" "$3"; then
    pass "$1 ($(wc -l <"$2") functions)"
  else
    fail "$1; < only in the first, > only in the second:"
    diff "$2" "$3" | grep '^[<>]' >&2
  fi
}

declared=$(wc -l <"$work/declared")
if [ "$declared" -lt 20 ]; then
  fail "only $declared functions found in newskg.h: the header was misread"
fi
same_names "src/newskg.sym lists what newskg.h declares" "$work/listed" "$work/declared"
same_names "libnewskg.so exports what newskg.h declares" "$work/exported" "$work/declared"

echo "exports.sh: $declared functions declared; $failures failure(s)"
[ "$failures" -eq 0 ]
