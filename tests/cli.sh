#!/usr/bin/env bash
# cli.sh - the newskg program's command line: options, exit codes, messages,
# -O atomicity, standard input, `newskg eval`.
#
# Environment (set by `make check`): NEWSKG (the program), SAMPLES (the
# samples directory), NEWSKG_DATA (the data directory).  Run alone, it uses
# the source tree's src/newskg, samples/ and data/.
# Exit status as automake expects: 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
start_work cli
sample=$SAMPLES/belarus-sanctions.txt
if [ ! -r "$sample" ]; then
  echo "cli.sh: no sample article $sample" >&2
  exit 1
fi

# expect_status WHAT WANT GOT
expect_status() {
  if [ "$3" -eq "$2" ]; then pass "$1 (exit $3)"; else fail "$1: exit $3, wanted $2"; fi
}

# expect_grep WHAT PATTERN FILE
expect_grep() {
  if grep -q -e "$2" "$3"; then pass "$1"; else
    fail "$1: no '$2' in:"
    sed 's/^/    /' "$3" >&2
  fi
}

# files_in DIR: the names in DIR, hidden ones too, one a line
files_in() {
  (cd "$1" && ls -A)
}

# --- help and version -------------------------------------------------------

"$NEWSKG" --help >"$work/out" 2>"$work/err"
expect_status "--help" 0 $?
expect_grep "--help has a usage line" "^Usage: newskg \[OPTIONS\] FILE" "$work/out"
expect_grep "--help lists the formats" "ntriples" "$work/out"
expect_grep "--help documents exit status 2" "^  2  usage error" "$work/out"
"$NEWSKG" -h >/dev/null 2>&1
expect_status "-h" 0 $?

"$NEWSKG" --version >"$work/out" 2>&1
expect_status "--version" 0 $?
expect_grep "--version prints a version" "^[0-9][0-9.]*" "$work/out"
"$NEWSKG" -v >/dev/null 2>&1
expect_status "-v" 0 $?

# --- usage errors -------------------------------------------------------------

"$NEWSKG" --bogus "$sample" >"$work/out" 2>"$work/err"
expect_status "unknown option" 2 $?
expect_grep "unknown option is named" "^newskg: unknown option '--bogus'" "$work/err"
"$NEWSKG" -o xml "$sample" >/dev/null 2>"$work/err"
expect_status "unknown format" 2 $?
expect_grep "unknown format is named" "^newskg: unknown output format 'xml'" "$work/err"
"$NEWSKG" -o >/dev/null 2>"$work/err"
expect_status "option without its argument" 2 $?
"$NEWSKG" >/dev/null 2>"$work/err"
expect_status "no input file" 2 $?
"$NEWSKG" -d "$work/no-such-dir" "$sample" >/dev/null 2>"$work/err"
expect_status "data directory missing" 2 $?
expect_grep "data error names the file" "^newskg: $work/no-such-dir" "$work/err"

# --- input files ----------------------------------------------------------------

missing=$work/no-such-article.txt
"$NEWSKG" "$missing" >"$work/out" 2>"$work/err"
expect_status "missing file" 1 $?
expect_grep "missing file is named" "^newskg: $missing: " "$work/err"

"$NEWSKG" -q -o ntriples "$missing" "$sample" >"$work/out" 2>"$work/err"
expect_status "missing file among good ones" 1 $?
expect_grep "the good file is still written" "nif-core#Context>" "$work/out"

printf 'caf\xe9\n' >"$work/latin1.txt"
"$NEWSKG" -q "$work/latin1.txt" >/dev/null 2>"$work/err"
expect_status "invalid UTF-8" 1 $?
expect_grep "invalid UTF-8 says where" "^newskg: $work/latin1.txt: byte 3: " "$work/err"

"$NEWSKG" -q -o ntriples "$sample" >"$work/file.nt" 2>"$work/err"
expect_status "-o ntriples" 0 $?
if [ -s "$work/err" ]; then fail "-q: stderr is not empty"; else pass "-q is quiet"; fi
if grep -v -q -e ' \.$' "$work/file.nt"; then
  fail "N-Triples: a line does not end in ' .'"
else
  pass "N-Triples: one triple a line"
fi
"$NEWSKG" -o ntriples - <"$sample" >"$work/stdin.nt" 2>"$work/err"
expect_status "- reads standard input" 0 $?
if cmp -s "$work/file.nt" "$work/stdin.nt"; then
  pass "standard input gives the same graph"
else
  fail "standard input gives another graph"
fi
expect_grep "info line names standard input" "^newskg: (standard input): " "$work/err"

"$NEWSKG" -q "$sample" "$sample" >"$work/two.ttl" 2>/dev/null
expect_status "two files" 0 $?
n=$(grep -c '^@prefix newskg:' "$work/two.ttl")
if [ "$n" -eq 2 ]; then pass "two files give two graphs"; else fail "two files: $n graphs"; fi

# --- -O: written whole or not at all ------------------------------------------

mkdir "$work/o1"
"$NEWSKG" -q -o ntriples -O "$work/o1/out.nt" "$sample" >"$work/out" 2>&1
expect_status "-O" 0 $?
if [ "$(files_in "$work/o1")" = "out.nt" ]; then
  pass "-O leaves exactly the file"
else
  fail "-O left: $(files_in "$work/o1" | tr '\n' ' ')"
fi
if cmp -s "$work/o1/out.nt" "$work/file.nt"; then
  pass "-O writes the graph"
else
  fail "-O wrote something else"
fi
if [ -s "$work/out" ]; then fail "-O wrote to stdout"; else pass "-O keeps stdout empty"; fi

mkdir "$work/o2"
"$NEWSKG" -q -O "$work/o2/missing-dir/out.ttl" "$sample" >/dev/null 2>"$work/err"
expect_status "-O into a missing directory" 2 $?
expect_grep "-O failure names the file" "^newskg: $work/o2/missing-dir/out.ttl: " "$work/err"
if [ -z "$(files_in "$work/o2")" ]; then pass "no file left behind"; else
  fail "left behind: $(files_in "$work/o2" | tr '\n' ' ')"
fi

touch "$work/o2/plain"
"$NEWSKG" -q -O "$work/o2/plain/out.ttl" "$sample" >/dev/null 2>&1
expect_status "-O below a plain file" 2 $?

# the target is a directory: the graph is written, the rename fails, and the
# temporary file must go
mkdir "$work/o3" "$work/o3/target"
"$NEWSKG" -q -O "$work/o3/target" "$sample" >/dev/null 2>"$work/err"
expect_status "-O onto a directory" 2 $?
if [ "$(files_in "$work/o3")" = "target" ] && [ -z "$(files_in "$work/o3/target")" ]; then
  pass "failed rename leaves nothing behind"
else
  fail "failed rename left: $(files_in "$work/o3" | tr '\n' ' ')"
fi

# a fatal error leaves an existing target untouched
echo "old content" >"$work/o3/keep.ttl"
"$NEWSKG" -q -d "$work/no-such-dir" -O "$work/o3/keep.ttl" "$sample" >/dev/null 2>&1
expect_status "-O with unloadable data" 2 $?
if [ "$(cat "$work/o3/keep.ttl")" = "old content" ]; then
  pass "existing target untouched"
else
  fail "existing target changed"
fi

# an unreadable input still gives the others' graph in the file
"$NEWSKG" -q -O "$work/o3/partial.ttl" "$missing" "$sample" >/dev/null 2>&1
expect_status "-O with a missing input" 1 $?
expect_grep "-O still writes the good input" "nif:Context" "$work/o3/partial.ttl"

if [ "$(id -u)" -ne 0 ]; then
  mkdir "$work/ro" && chmod 555 "$work/ro"
  "$NEWSKG" -q -O "$work/ro/out.ttl" "$sample" >/dev/null 2>&1
  expect_status "-O into a read-only directory" 2 $?
  if [ -z "$(files_in "$work/ro")" ]; then pass "read-only directory stays empty"; else
    fail "read-only directory: $(files_in "$work/ro" | tr '\n' ' ')"
  fi
else
  echo "note: running as root, read-only directory check not possible"
fi

# --- newskg eval ---------------------------------------------------------------

printf 'entity\tPerson\tAlexander Lukashenko\tLukashenko\nentity\tCountry\tBelarus\nrel\tAlexander Lukashenko\tleaderOf\tBelarus\nrel!\tBelarus\tsanctions\tAlexander Lukashenko\n' >"$work/tiny.gold.tsv"
cat >"$work/tiny.nt" <<'EOF'
<http://x/l> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/o#Person> .
<http://x/l> <http://www.w3.org/2000/01/rdf-schema#label> "Lukashenko" .
<http://x/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/o#Country> .
<http://x/b> <http://www.w3.org/2000/01/rdf-schema#label> "Belarus"@en .
<http://x/l> <http://x/o#leaderOf> <http://x/b> .
EOF
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/tiny.nt" >"$work/out" 2>"$work/err"
expect_status "eval" 0 $?
printf 'entities  P=1.000 R=1.000 F1=1.000\nrelations P=1.000 R=1.000 F1=1.000 forbidden=0 unparsed=0\n' >"$work/want"
if cmp -s "$work/out" "$work/want"; then pass "eval report"; else
  fail "eval report:"
  cat "$work/out" >&2
fi
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/tiny.nt" --min-f1 0.9 >/dev/null 2>&1
expect_status "eval --min-f1 met" 0 $?
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/tiny.nt" --min-f1 1.5 >/dev/null 2>&1
expect_status "eval below --min-f1" 1 $?

echo '<http://x/b> <http://x/o#sanctions> <http://x/l> .' >>"$work/tiny.nt"
"$NEWSKG" eval --min-f1 0.1 "$work/tiny.gold.tsv" "$work/tiny.nt" >"$work/out" 2>&1
expect_status "eval --min-f1 with a forbidden relation" 1 $?
expect_grep "eval reports the forbidden relation" \
  "^forbidden_asserted: Belarus sanctions Alexander Lukashenko$" "$work/out"
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/tiny.nt" >/dev/null 2>&1
expect_status "eval without --min-f1" 0 $?
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/tiny.nt" --min-f1 0.99 >/dev/null 2>&1
expect_status "eval --min-f1 met but a forbidden relation" 1 $?

"$NEWSKG" eval "$work/tiny.gold.tsv" >/dev/null 2>&1
expect_status "eval with one file" 2 $?
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/tiny.nt" --min-f1 x >/dev/null 2>&1
expect_status "eval --min-f1 not a number" 2 $?
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/no-such.nt" >/dev/null 2>"$work/err"
expect_status "eval with a missing graph" 2 $?
expect_grep "missing graph is named" "^newskg: $work/no-such.nt: " "$work/err"
printf 'entity\tPerson\tA\nrel\tA\tmetWith\tB\n' >"$work/bad.gold.tsv"
"$NEWSKG" eval "$work/bad.gold.tsv" "$work/tiny.nt" >/dev/null 2>"$work/err"
expect_status "eval with a bad gold file" 2 $?
expect_grep "gold error has file and line" \
  "^newskg: $work/bad.gold.tsv:2: relation names unknown entity 'B'" "$work/err"

echo "cli.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
