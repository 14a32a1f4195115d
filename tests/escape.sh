#!/usr/bin/env bash
# escape.sh - control characters in file names, arguments and stored
# literals are escaped in every message and in `newskg query` tables, so
# that a name can neither forge a line of the log nor send the terminal a
# command (kg_escape: \n, \t, \xHH, \u0080..\u009f, \\).
#
# Each run's standard error must hold only whole lines of newskg's, with no
# control character but their line ends and no byte that is not ASCII
# (these names are ASCII but for the escaped bytes), and the name in its
# escaped form; a name of printable UTF-8 (accents) is left as it is.
#
# Environment (set by `make check`): NEWSKG, NEWSKG_DATA.  Exit status as
# automake expects: 0 pass, 1 fail; the query checks are skipped, not the
# test, without librdf's sqlite storage.
. "$(dirname "$0")/lib.sh"
start_work escape
article='Britain imposed sanctions on Belarus.'

# expect_clean WHAT FILE: every line of FILE is a message of newskg, and
# FILE holds no control character but line ends and no byte beyond ASCII
expect_clean() {
  local forged cntrl high
  forged=$(grep -v -c -e '^newskg: ' -e "^Try 'newskg --help'" "$2")
  cntrl=$(LC_ALL=C grep -c '[[:cntrl:]]' "$2")
  high=$(LC_ALL=C grep -c "$(printf '[\200-\377]')" "$2")
  if [ "$forged" -eq 0 ] && [ "$cntrl" -eq 0 ] && [ "$high" -eq 0 ]; then
    pass "$1: one line a message, no control character"
  else
    fail "$1: $forged lines not newskg's, $cntrl with a control character," \
      "$high with bytes beyond ASCII:"
    LC_ALL=C cat -A "$2" | head -10 >&2
  fi
}

# expect_message WHAT FILE TEXT: FILE holds TEXT (fixed, not a pattern),
# and is clean
expect_message() {
  if grep -q -F -e "$3" "$2"; then pass "$1: says $3"; else
    fail "$1: no '$3' in:"
    LC_ALL=C cat -A "$2" | head -10 >&2
  fi
  expect_clean "$1" "$2"
}

evil=$'evil\n\e[31mname.txt'
shown='evil\n\x1b[31mname.txt'
mkdir "$work/dir" "$work/dir/"$'sub\e]0;title\a'
printf '%s\n' "$article" >"$work/$evil"
printf '%s\n' "$article" >"$work/dir/$evil"
printf '%s\n' "$article" >"$work/dir/"$'sub\e]0;title\a/a.txt'
cd "$work" || exit 1

# a file named on the command line: its per-article line
"$NEWSKG" "$evil" >/dev/null 2>one.err
expect_status "a file named with a line feed and ESC" 0 $?
expect_message "its line" one.err "newskg: $shown: 2 entities, 1 relation"

# the same in a walked directory, and a directory named with OSC ... BEL
"$NEWSKG" dir >/dev/null 2>walk.err
expect_status "a directory holding such names" 0 $?
expect_message "a walked file" walk.err "newskg: dir/$shown: 2 entities"
expect_message "a walked directory" walk.err \
  'newskg: dir/sub\x1b]0;title\x07/a.txt: 2 entities'

# errors: a missing file, a JSON Lines record, a gazetteer, -O, -o, --date
"$NEWSKG" $'gone\e[2J.txt' >/dev/null 2>gone.err
expect_status "a missing file" 1 $?
expect_message "a missing file" gone.err \
  'newskg: gone\x1b[2J.txt: No such file or directory'
printf 'x\n' >$'bad\r.jsonl'
"$NEWSKG" -i jsonl $'bad\r.jsonl' >/dev/null 2>jsonl.err
expect_status "a record that is not JSON" 1 $?
expect_message "a record that is not JSON" jsonl.err \
  'newskg: bad\r.jsonl:1: invalid JSON'
"$NEWSKG" --gazetteer $'g\tz\x7f.tsv' "$evil" >/dev/null 2>gaz.err
expect_status "a missing gazetteer" 2 $?
expect_message "a missing gazetteer" gaz.err \
  'newskg: g\tz\x7f.tsv: No such file or directory'
"$NEWSKG" -O $'none\e/out.ttl' "$evil" 2>out.err
expect_status "-O in a missing directory" 2 $?
expect_message "-O in a missing directory" out.err \
  'newskg: none\x1b/out.ttl: cannot create a temporary file'
"$NEWSKG" -o $'\e[2J' "$evil" >/dev/null 2>format.err
expect_status "an unknown -o" 2 $?
expect_message "an unknown -o" format.err "unknown output format '\\x1b[2J'"
"$NEWSKG" --date $'\xc2\x9b2J' "$evil" >/dev/null 2>date.err
expect_status "a --date holding C1 CSI" 2 $?
expect_message "a --date holding C1 CSI" date.err \
  "invalid argument '\\u009b2J': --date wants"

# invalid UTF-8 and backslashes are escaped, printable UTF-8 is not
printf '%s\n' "$article" >$'latin\xe9\\x1b.txt'
"$NEWSKG" $'latin\xe9\\x1b.txt' >/dev/null 2>latin.err
expect_message "a Latin-1 name with a backslash" latin.err \
  'newskg: latin\xe9\\x1b.txt: 2 entities'
printf '%s\n' "$article" >"Rémy 北京.txt"
"$NEWSKG" "Rémy 北京.txt" >/dev/null 2>utf8.err
expect_grep "a UTF-8 name is left as it is" '^newskg: Rémy 北京.txt: 2 entities' \
  utf8.err

# parse: a missing file
"$NEWSKG" parse $'gone\e[2J.txt' >/dev/null 2>parse.err
expect_status "parse: a missing file" 1 $?
expect_message "parse: a missing file" parse.err \
  'newskg: gone\x1b[2J.txt: No such file or directory'

# load and query: a store named with ESC, a title holding controls
db=$'kg\e[5m.db'
printf '{"id": "1", "title": "A\\u001b[31mB\\u0007C\\u009bD\\tE\\nF\\\\G\\u00e9", "text": "%s"}\n' \
  "$article" >titles.jsonl
"$NEWSKG" load -i jsonl --store-name "$db" --store-options "new='yes'" \
  titles.jsonl >/dev/null 2>load.err
status=$?
if grep -q "storage 'sqlite' not found" load.err; then
  echo "$test_name: SKIP: the query checks (no librdf sqlite storage)"
else
  expect_status "load a title holding controls" 0 $status
  expect_message "the load's summary" load.err "into sqlite 'kg\\x1b[5m.db'"
  "$NEWSKG" query --store-name "$db" \
    'SELECT ?t WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/title> ?t } }' \
    >table.out 2>query.err
  expect_status "query the title" 0 $?
  # line breaks and tabs as spaces, the other controls escaped, é kept
  cell='A\x1b[31mB\x07C\u009bD E F\\Gé'
  printf '%s\n' t ------------------------------ "$cell" '(1 row)' >table.want
  if cmp -s table.out table.want; then
    pass "query: the table escapes the title's controls"
  else
    fail "query: the table: $(diff table.want table.out | LC_ALL=C cat -A)"
  fi
  "$NEWSKG" query --store-name $'gone\e[2J.db' 'ASK {}' >/dev/null 2>store.err
  expect_status "query: a missing store" 2 $?
  expect_message "query: a missing store" store.err \
    'newskg: gone\x1b[2J.db: no such sqlite store'
fi

[ "$failures" -eq 0 ] || exit 1
exit 0
