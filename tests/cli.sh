#!/usr/bin/env bash
# cli.sh - the newskg program's command line: options, exit codes, messages,
# -O atomicity, standard input, dates, confidence, provenance and --explain,
# `newskg eval`.
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
expect_grep "--help documents a partial run" "^  1  partial: an article was skipped" "$work/out"
expect_grep "--help documents the signals' exit status" "^  130, 143  SIGINT, SIGTERM" "$work/out"
expect_grep "--help documents the limits" "^  --max-article-bytes N " "$work/out"
"$NEWSKG" -h >/dev/null 2>&1
expect_status "-h" 0 $?

"$NEWSKG" --version >"$work/out" 2>&1
expect_status "--version" 0 $?
expect_grep "--version prints the program and its version" "^newskg [0-9][0-9.]*$" "$work/out"
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
"$NEWSKG" -q -o ntriples "$work/latin1.txt" >"$work/out" 2>"$work/err"
expect_status "invalid UTF-8 is repaired, a warning" 0 $?
expect_grep "invalid UTF-8 says where and what was done" \
  "^newskg: $work/latin1.txt: byte 3: invalid UTF-8 (replaced 1 byte with U+FFFD)$" "$work/err"
expect_grep "the repaired text is written" 'isString> "caf\\uFFFD\\n" \.$' "$work/out"

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

# --- the format of -O FILE is what its name says ------------------------------

mkdir "$work/named"
"$NEWSKG" -q -O "$work/named/out.nt" "$sample" 2>"$work/err"
expect_status "-O FILE.nt without -o" 0 $?
expect_same "-O FILE.nt without -o writes N-Triples" "$work/named/out.nt" "$work/file.nt"
if [ -n "${RAPPER:-}" ] && [ -x "$RAPPER" ]; then
  if "$RAPPER" -q -i ntriples -c "$work/named/out.nt" 2>"$work/err" &&
     [ ! -s "$work/err" ]; then
    pass "rapper -i ntriples reads -O FILE.nt"
  else
    fail "rapper -i ntriples cannot read -O FILE.nt: $(head -1 "$work/err")"
  fi
fi
"$NEWSKG" -q -o nquads "$sample" >"$work/named/want.nq" 2>/dev/null
"$NEWSKG" -q -O "$work/named/OUT.NQ" "$sample" 2>/dev/null
expect_same "-O FILE.NQ without -o writes N-Quads" "$work/named/OUT.NQ" "$work/named/want.nq"
"$NEWSKG" -q -O "$work/named/out.txt" "$sample" 2>/dev/null
expect_grep "-O FILE of no RDF extension keeps Turtle" "^@prefix newskg:" "$work/named/out.txt"
"$NEWSKG" -q -o turtle -O "$work/named/out.ttl" "$sample" 2>"$work/err"
expect_status "-o turtle -O FILE.ttl agree" 0 $?
echo keep >"$work/named/keep.nt"
"$NEWSKG" -q -o turtle -O "$work/named/keep.nt" "$sample" >"$work/out" 2>"$work/err"
expect_status "-o turtle -O FILE.nt contradict" 2 $?
expect_grep "the contradiction is explained" \
  "^newskg: -o turtle, but the name of -O $work/named/keep.nt says ntriples" "$work/err"
if [ "$(cat "$work/named/keep.nt")" = keep ]; then
  pass "a contradicted -O FILE is left alone"
else
  fail "a contradicted -O FILE was written"
fi
for name in nt NT n-triples ntriples; do
  "$NEWSKG" -q -o "$name" "$sample" >"$work/out" 2>"$work/err"
  expect_same "-o $name is N-Triples" "$work/out" "$work/file.nt"
done
"$NEWSKG" -q -o ttl "$sample" >"$work/out" 2>"$work/err"
expect_grep "-o ttl is Turtle" "^@prefix newskg:" "$work/out"
"$NEWSKG" -q -o nq "$sample" >"$work/out" 2>"$work/err"
expect_same "-o nq is N-Quads" "$work/out" "$work/named/want.nq"
"$NEWSKG" -q -o xml "$sample" >"$work/out" 2>"$work/err"
expect_grep "an unknown -o lists the short names" "(turtle (ttl), ntriples (n-triples, nt)" "$work/err"

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

# the target is a directory: refused, and no temporary file is left
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

# --- dates, confidence, provenance, explain -----------------------------------

# expect_no_grep WHAT PATTERN FILE
expect_no_grep() {
  if grep -q -e "$2" "$3"; then fail "$1: '$2' found"; else pass "$1"; fi
}

for bad in 2020-02-30 2020-8-9 yesterday ""; do
  "$NEWSKG" --date "$bad" "$sample" >"$work/out" 2>"$work/err"
  expect_status "--date '$bad'" 2 $?
  expect_grep "--date '$bad' is named" "^newskg: invalid argument '$bad': --date wants" "$work/err"
  if [ -s "$work/out" ]; then fail "--date '$bad' wrote output"; fi
done
"$NEWSKG" -q -o ntriples --date 2020-08-26 "$sample" >"$work/dated.nt" 2>"$work/err"
expect_status "--date" 0 $?
expect_grep "--date gives the document's date" \
  '/doc/[0-9a-f]*> <http://purl.org/dc/terms/date> "2020-08-26"^^<http://www.w3.org/2001/XMLSchema#date> \.$' "$work/dated.nt"
expect_grep "--date resolves 'on Tuesday'" \
  'ontology#date> "2020-08-25"^^<http://www.w3.org/2001/XMLSchema#date> \.$' "$work/dated.nt"
expect_no_grep "no article date without --date or dateline" 'dc/terms/date' "$work/file.nt"

printf 'MINSK, Aug. 9, 2020 (Reuters) - Belarusian President Alexander Lukashenko met Russian President Vladimir Putin on Sunday.\n' >"$work/dateline.txt"
"$NEWSKG" -q -o ntriples "$work/dateline.txt" >"$work/out" 2>"$work/err"
expect_grep "the dateline gives the date" 'dc/terms/date> "2020-08-09"' "$work/out"
expect_grep "gazetteer entries give sameAs links" \
  '/country/Belarus> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q184> \.$' "$work/out"

expect_grep "each relation has a confidence" \
  'ontology#confidence> "[01]\.[0-9][0-9]"^^<http://www.w3.org/2001/XMLSchema#decimal> \.$' "$work/file.nt"
for bad in x 1.5 -0.1 ""; do
  "$NEWSKG" --min-confidence "$bad" "$sample" >/dev/null 2>"$work/err"
  expect_status "--min-confidence '$bad'" 2 $?
  expect_grep "--min-confidence '$bad' is named" "^newskg: invalid argument '$bad': --min-confidence wants" "$work/err"
done
"$NEWSKG" -q -o ntriples --min-confidence 0.9 "$sample" >"$work/confident.nt" 2>"$work/err"
expect_status "--min-confidence 0.9" 0 $?
all=$(grep -c 'ontology#confidence>' "$work/file.nt")
kept=$(grep -c 'ontology#confidence>' "$work/confident.nt")
weak=$(grep 'ontology#confidence>' "$work/confident.nt" | grep -c -v '"0\.9[0-9]"\|"1\.00"')
if [ "$kept" -gt 0 ] && [ "$kept" -lt "$all" ] && [ "$weak" -eq 0 ]; then
  pass "--min-confidence 0.9 keeps $kept of $all relations, none below 0.90"
else
  fail "--min-confidence 0.9: kept $kept of $all, $weak below 0.90"
fi
direct=$(grep -c '> <https://w3id.org/newskg/ontology#[a-z][A-Za-z]*> <https://w3id.org/newskg/id/' "$work/confident.nt")
# a symmetric relation is two direct triples, one statement
both_ways=$(grep -c -E '> <https://w3id.org/newskg/ontology#(metWith|allyOf|opponentOf)> <https://w3id.org/newskg/id/' "$work/confident.nt")
direct=$((direct - both_ways / 2))
if [ "$direct" -eq "$kept" ]; then pass "--min-confidence drops the direct triples too"; else
  fail "--min-confidence: $direct direct triples, $kept statements"
fi
"$NEWSKG" -q -o ntriples --min-confidence 0 "$sample" >"$work/out" 2>/dev/null
if cmp -s "$work/out" "$work/file.nt"; then pass "--min-confidence 0 keeps everything"; else
  fail "--min-confidence 0 changed the graph"
fi

"$NEWSKG" --provenance some "$sample" >/dev/null 2>"$work/err"
expect_status "--provenance some" 2 $?
expect_grep "--provenance error says the levels" "--provenance is none, sentences or full" "$work/err"
"$NEWSKG" -q -o ntriples --provenance=basic "$sample" >"$work/out" 2>/dev/null
if cmp -s "$work/out" "$work/file.nt"; then pass "--provenance=basic is the default"; else
  fail "--provenance=basic differs from the default"
fi
expect_no_grep "basic provenance has no phrases" 'nif-core#Phrase>' "$work/out"
"$NEWSKG" -q -o ntriples --provenance=full "$sample" >"$work/full.nt" 2>/dev/null
expect_status "--provenance=full" 0 $?
expect_grep "full provenance has phrases" 'rdf-syntax-ns#type> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase> \.$' "$work/full.nt"
expect_grep "full provenance links the rules" '#stmt-[0-9a-f]*> <https://w3id.org/newskg/ontology#matchedRule> <https://w3id.org/newskg/rule/' "$work/full.nt"
expect_grep "full provenance describes the rules" '^<https://w3id.org/newskg/rule/[^>]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newskg/ontology#Rule> \.$' "$work/full.nt"
if [ "$(grep -c -v -F -x -f "$work/full.nt" "$work/file.nt")" -eq 0 ]; then
  pass "full provenance only adds triples"
else
  fail "full provenance lost triples of the basic output"
fi

"$NEWSKG" -q -o ntriples --explain "$sample" >"$work/out" 2>"$work/explain"
expect_status "--explain" 0 $?
if cmp -s "$work/out" "$work/file.nt"; then pass "--explain leaves the graph alone"; else
  fail "--explain changed the graph"
fi
expect_grep "--explain names the rule" '^  rule:     impose-sanctions-on (strength 0\.90), sentence 1 of 2$' "$work/explain"
expect_grep "--explain marks the words" '^  matched:  \[S: Britain and Canada\] .*\[T: slap\] sanctions on \[O: Belarusian President Alexander Lukashenko\]$' "$work/explain"
# a rule over the dependency tree shows its path
printf 'Sam Kutesa and Palamagamba Kabudi gathered in Nairobi on Monday.\n' >"$work/tree.txt"
"$NEWSKG" -q -o ntriples --explain "$work/tree.txt" >/dev/null 2>"$work/tree-explain"
expect_grep "--explain shows a tree rule's path" '^  path:     G:Person <nsubj meet|gather' "$work/tree-explain"
blocks=$(grep -c '^  sentence: ' "$work/explain")
evidence=$(grep -c 'prov#wasDerivedFrom>' "$work/file.nt")
if [ "$blocks" -eq "$evidence" ]; then pass "--explain: one block per evidence ($blocks)"; else
  fail "--explain: $blocks blocks, $evidence evidence links"
fi

for opts in "" "--provenance=full --date 2020-08-26"; do
  # shellcheck disable=SC2086
  "$NEWSKG" -q $opts "$sample" >"$work/run1" 2>/dev/null
  # shellcheck disable=SC2086
  "$NEWSKG" -q $opts "$sample" >"$work/run2" 2>/dev/null
  if cmp -s "$work/run1" "$work/run2"; then pass "same bytes every run ($opts)"; else
    fail "two runs differ ($opts)"
  fi
done

# rule strength (the optional fourth column) and user gazetteer links
printf 'sanctions\tweak-slap\tS:Country ... slapped O:Agent\t0.3\n' >"$work/rules.tsv"
printf 'Country\tRuritania\twikipedia=Ruritania (fiction)\twikidata=Q1056017\n' >"$work/gaz.tsv"
echo "Ruritania slapped Belarus." >"$work/user.txt"
"$NEWSKG" -q -o ntriples --rules "$work/rules.tsv" --gazetteer "$work/gaz.tsv" \
  "$work/user.txt" >"$work/out" 2>"$work/err"
expect_status "user rules and gazetteer" 0 $?
expect_grep "a rule's strength gives the confidence" 'ontology#confidence> "0\.30"' "$work/out"
expect_grep "a user gazetteer gives DBpedia links" \
  '/country/Ruritania> <http://www.w3.org/2002/07/owl#sameAs> <http://dbpedia.org/resource/Ruritania_(fiction)> \.$' "$work/out"
expect_grep "a user gazetteer gives Wikidata links" \
  '/country/Ruritania> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q1056017> \.$' "$work/out"
"$NEWSKG" -q -o ntriples --rules "$work/rules.tsv" --gazetteer "$work/gaz.tsv" \
  --min-confidence 0.31 "$work/user.txt" >"$work/out" 2>"$work/err"
expect_no_grep "--min-confidence drops the weak rule's relation" 'ontology#sanctions>' "$work/out"
# refused_data OPTION LINE WHAT MESSAGE: a data file of the one line LINE
# (printf format) given with OPTION (--rules, --gazetteer) stops the run
# with exit 2 and "FILE:1: MESSAGE"
refused_data() {
  local file=$work/bad-data.tsv
  printf "$2" >"$file"
  "$NEWSKG" -q "$1" "$file" "$sample" >/dev/null 2>"$work/err"
  expect_status "$3" 2 $?
  expect_grep "$3: the message says where" "^newskg: $file:1: $4" "$work/err"
}
refused_data --rules 'sanctions\tbad\tS ... slapped O\t1.5\n' \
  "a strength above 1" "a strength is"
refused_data --gazetteer 'Country\tRuritania\twikidata=1056017\n' \
  "a bad wikidata id" "a wikidata value"
refused_data --gazetteer 'Country\tRuritania\twikipedia=Rurit\351nia\n' \
  "a wikipedia title not in UTF-8" "invalid UTF-8 at byte 34 of the line"
refused_data --gazetteer 'Country\tRuritania\talias=Rur\000itania\n' \
  "a NUL byte in a gazetteer" "a NUL byte at byte 28 of the line"
refused_data --rules 'sanctions\tnonchar\tS slapped O @\357\277\276\n' \
  "U+FFFE in a rule file" "U+FFFE or U+FFFF at byte 32 of the line"
printf 'Emmanuel Macron met Vladimir Putin.\000\n' >"$work/nul.txt"
"$NEWSKG" -q "$work/nul.txt" >/dev/null 2>"$work/err"
expect_status "a NUL byte in an article is replaced, a warning" 0 $?
expect_grep "a NUL byte in an article says where" "^newskg: $work/nul.txt: byte 35: NUL byte (replaced 1 with U+FFFD)$" "$work/err"
printf 'Emmanuel Macron met \357\277\276Vladimir Putin.\n' >"$work/nonchar.txt"
"$NEWSKG" -q -o ntriples "$work/nonchar.txt" >"$work/nonchar.nt" 2>"$work/err"
expect_status "U+FFFE in an article is replaced, a warning" 0 $?
expect_grep "U+FFFE in an article says where" "^newskg: $work/nonchar.txt: byte 20: noncharacter U+FFFE or U+FFFF (replaced 1 with U+FFFD)$" "$work/err"
expect_grep "U+FFFE in an article: the text is kept, repaired" 'met \\uFFFDVladimir' "$work/nonchar.nt"

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
# the graph is read by what it holds: Turtle named .nt is scored as Turtle,
# and a file nothing reads a triple from is an error, not F1 0.000
printf 'entity\tCountry\tUnited Kingdom\nentity\tPerson\tAlexander Lukashenko\nentity\tCountry\tBelarus\nrel\tUnited Kingdom\tsanctions\tAlexander Lukashenko\n' >"$work/uk.gold.tsv"
"$NEWSKG" -q -o turtle "$sample" >"$work/turtle.nt" 2>/dev/null
"$NEWSKG" eval "$work/uk.gold.tsv" "$work/turtle.nt" >"$work/out" 2>"$work/err"
expect_status "eval of Turtle named .nt" 0 $?
expect_grep "eval of Turtle named .nt finds its relation" \
  "^relations P=[0-9.]* R=1.000 " "$work/out"
"$NEWSKG" eval "$work/uk.gold.tsv" "$sample" >"$work/out" 2>"$work/err"
expect_status "eval of a file that is not RDF" 2 $?
expect_grep "eval says the file is not RDF" \
  "^newskg: $sample:1: no triples: not N-Triples, N-Quads, Turtle" "$work/err"
# every relation of the twelve counts, named in the gold or not
echo '<http://x/l> <http://x/o#fledTo> <http://x/b> .' >"$work/fled.nt"
cat "$work/tiny.nt" >>"$work/fled.nt"
"$NEWSKG" eval "$work/tiny.gold.tsv" "$work/fled.nt" >"$work/out" 2>&1
expect_grep "eval counts a relation the gold never names" \
  "^wrong_relations: Alexander Lukashenko fledTo Belarus$" "$work/out"
printf 'entity\tPerson\tA\nrel\tA\tmetWith\tB\n' >"$work/bad.gold.tsv"
"$NEWSKG" eval "$work/bad.gold.tsv" "$work/tiny.nt" >/dev/null 2>"$work/err"
expect_status "eval with a bad gold file" 2 $?
expect_grep "gold error has file and line" \
  "^newskg: $work/bad.gold.tsv:2: relation names unknown entity 'B'" "$work/err"

# issue 17, item 7: a name of 600 or 5,000 bytes is extracted like
# "President Qzz met Britain." (it once failed the article as "out of
# memory"): exit 0, no message, the relation found
for n in 600 5000; do
  name=Q$(printf "%$((n - 1))s" "" | tr ' ' z)
  echo "President $name met Britain." |
    "$NEWSKG" -q -o ntriples - >"$work/long.nt" 2>"$work/err"
  expect_status "a name of $n bytes" 0 $?
  if [ -s "$work/err" ]; then fail "a name of $n bytes: $(head -c 200 "$work/err")"; fi
  expect_grep "a name of $n bytes leads the country" \
    "/person/$name> <https://w3id.org/newskg/ontology#leaderOf> <https://w3id.org/newskg/id/country/United_Kingdom> \.$" \
    "$work/long.nt"
done

echo "cli.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
