#!/usr/bin/env bash
# man.sh - the manual pages doc/newskg.1 and doc/newskg-parse.1 render
# without a warning and document the program as it is.
#
# groff -man -ww must render it without a word on stderr; the page must have
# the sections a Debian manual page has, name the version `newskg
# --version` prints, and mention every option and every format value of
# `newskg --help`, every exit status, and every gazetteer file it lists
# must exist in the data directory.
#
# Environment (set by `make check`): NEWSKG, NEWSKG_DATA, NEWSKG_SRCDIR,
# GROFF.  Exit status as automake expects: 0 pass, 77 skip (groff missing),
# 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool GROFF groff groff-base
start_work man
page=${NEWSKG_SRCDIR:-$top}/doc/newskg.1
if [ ! -r "$page" ]; then
  echo "man.sh: no manual page $page" >&2
  exit 1
fi

# rendered plain (no bold, underline or colour), long lines, no hyphenation
if "$GROFF" -man -Tutf8 -ww -rLL=300n -rHY=0 -P -cbou "$page" \
  >"$work/page.txt" 2>"$work/warnings" && [ ! -s "$work/warnings" ]; then
  pass "groff -man -ww renders it without a warning"
else
  fail "groff -man -ww warns:"
  cat "$work/warnings" >&2
fi
# the page's hyphens are \- (a minus), which renders as U+2212 in some
# fonts: read both as '-'
sed -i 's/\xe2\x88\x92/-/g; s/\xe2\x80\x90/-/g' "$work/page.txt"

for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT \
  FILES EXAMPLES "SEE ALSO"; do
  grep -q "^$section\$" "$work/page.txt" || fail "no section $section"
done

version=$("$NEWSKG" --version | sed -n 's/^newskg //p')
if grep -q "^\\.TH NEWSKG 1 \"[0-9-]*\" \"newskg $version\"" "$page"; then
  pass "the page is of version $version"
else
  fail "the page's .TH line does not name version $version"
fi

# every option and format value of --help
"$NEWSKG" --help >"$work/help"
{
  grep -oE '(^|[ ,])--?[a-zA-Z][-a-zA-Z0-9]*' "$work/help" | tr -d ' ,'
  sed -n 's/^    \([a-z][a-z]*\)  .*/\1/p' "$work/help"
} | sort -u >"$work/words"
if [ "$(wc -l <"$work/words")" -lt 20 ]; then
  fail "only $(wc -l <"$work/words") options and formats in --help"
fi
missing=0
while read -r word; do
  if ! grep -q -e "\\(^\\|[^-a-z]\\)$word\\([^-a-z]\\|\$\\)" "$work/page.txt"; then
    fail "the page does not mention $word"
    missing=$((missing + 1))
  fi
done <"$work/words"
[ "$missing" -eq 0 ] && pass "all $(wc -l <"$work/words") options and formats of --help"

for status in 0 1 2; do
  sed -n '/^EXIT STATUS$/,/^[A-Z]/p' "$work/page.txt" | grep -q "^       $status " ||
    fail "exit status $status undocumented"
done

# the data files it lists
for f in $(sed -n '/^FILES$/,/^[A-Z]/p' "$work/page.txt" | grep -oE '[a-z-]+\.tsv'); do
  [ -f "$NEWSKG_DATA/$f" ] || fail "FILES names $f, not in $NEWSKG_DATA"
done

# The pages of the commands: newskg-parse.1 renders without a warning, has
# the sections, names the version and mentions every option and format
# value of `newskg parse --help`.
for command in parse; do
  page=${NEWSKG_SRCDIR:-$top}/doc/newskg-$command.1
  if [ ! -r "$page" ]; then
    fail "no manual page $page"
    continue
  fi
  if "$GROFF" -man -Tutf8 -ww -rLL=300n -rHY=0 -P -cbou "$page" \
    >"$work/$command.txt" 2>"$work/warnings" && [ ! -s "$work/warnings" ]; then
    pass "newskg-$command.1: groff -man -ww renders it without a warning"
  else
    fail "newskg-$command.1: groff -man -ww warns:"
    cat "$work/warnings" >&2
  fi
  sed -i 's/\xe2\x88\x92/-/g; s/\xe2\x80\x90/-/g' "$work/$command.txt"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES \
    "SEE ALSO"; do
    grep -q "^$section\$" "$work/$command.txt" ||
      fail "newskg-$command.1: no section $section"
  done
  upper=$(echo "$command" | tr a-z A-Z)
  grep -q "^\\.TH NEWSKG\\\\-$upper 1 \"[0-9-]*\" \"newskg $version\"" "$page" ||
    fail "newskg-$command.1: the .TH line does not name version $version"
  "$NEWSKG" "$command" --help >"$work/help"
  {
    grep -oE '(^|[ ,])--?[a-zA-Z][-a-zA-Z0-9]*' "$work/help" | tr -d ' ,'
    sed -n 's/^    \([a-z][a-z]*\)  .*/\1/p' "$work/help"
  } | sort -u >"$work/words"
  missing=0
  while read -r word; do
    if ! grep -q -e "\\(^\\|[^-a-z]\\)$word\\([^-a-z]\\|\$\\)" "$work/$command.txt"; then
      fail "newskg-$command.1 does not mention $word"
      missing=$((missing + 1))
    fi
  done <"$work/words"
  [ "$missing" -eq 0 ] &&
    pass "newskg-$command.1: all $(wc -l <"$work/words") options and formats of its --help"
  for status in 0 1 2; do
    sed -n '/^EXIT STATUS$/,/^[A-Z]/p' "$work/$command.txt" | grep -q "^       $status " ||
      fail "newskg-$command.1: exit status $status undocumented"
  done
done

echo "man.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
