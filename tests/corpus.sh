#!/usr/bin/env bash
# corpus.sh - the program on many articles: directories, standard input,
# JSON Lines (--input jsonl) and the metadata of their records, N-Quads,
# Turtle documents one after another, -j, errors in place, FIFOs in
# directories and named, exit codes, the summary and the progress line.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, SHARED
# (../shared: its corpus joins the -j comparison when present), RAPPER
# (graphs are parsed back with it; those checks are skipped without it).
# Exit status as automake expects: 0 pass, 77 skip (timeout missing), 1
# fail.
. "$(dirname "$0")/lib.sh"
needs_tool TIMEOUT timeout coreutils
start_work corpus
RAPPER=${RAPPER:-$(command -v rapper || true)}
sample=$SAMPLES/belarus-sanctions.txt

# parses WHAT SYNTAX FILE: rapper reads FILE without a complaint
parses() {
  [ -n "$RAPPER" ] || return 0
  if "$RAPPER" -q -i "$2" -o ntriples "$3" >"$work/parsed.nt" 2>"$work/rapper.err" &&
    [ ! -s "$work/rapper.err" ]; then
    pass "$1 parses ($(wc -l <"$work/parsed.nt") triples)"
  else
    fail "$1 does not parse:"
    head -5 "$work/rapper.err" >&2
  fi
}

# sha1 STRING: its hex SHA-1
sha1() {
  printf '%s' "$1" | sha1sum | cut -c1-40
}

# --- directories -----------------------------------------------------------

d=$work/news
mkdir -p "$d/b" "$d/a" "$d/.drafts"
cp "$SAMPLES/belarus-sanctions.txt" "$d/b/2.txt"
cp "$SAMPLES/iran-zarif-sanctions.txt" "$d/b/10.txt"
cp "$SAMPLES/korea-singapore-summit.txt" "$d/a/1.txt"
cp "$SAMPLES/bolivia-morales-mexico.txt" "$d/Z.txt"
cp "$SAMPLES/ukraine-yanukovych-2014.txt" "$d/.drafts/x.txt"
cp "$SAMPLES/ukraine-yanukovych-2014.txt" "$d/.hidden.txt"
cp "$SAMPLES/ukraine-yanukovych-2014.txt" "$d/notes.md"
order=("$d/Z.txt" "$d/a/1.txt" "$d/b/10.txt" "$d/b/2.txt")

"$NEWSKG" -q -o ntriples "$d" >"$work/dir.nt" 2>"$work/err"
expect_status "a directory" 0 $?
for f in "${order[@]}"; do "$NEWSKG" -q -o ntriples "$f"; done >"$work/files.nt"
expect_same "a directory is its *.txt files in byte order, hidden ones left out" \
  "$work/dir.nt" "$work/files.nt"

"$NEWSKG" -q -o ntriples - "$d/a" <"$SAMPLES/bolivia-morales-mexico.txt" >"$work/out" 2>"$work/err"
expect_status "standard input and a directory" 0 $?
# Z.txt is the same article as standard input
"$NEWSKG" -q -o ntriples "$d/Z.txt" "$d/a" >"$work/want"
expect_same "'-' reads standard input in its place" "$work/out" "$work/want"

# --- errors in place ----------------------------------------------------------

bad=$work/bad
mkdir "$bad"
cp "$sample" "$bad/a.txt"
printf 'caf\xe9 au lait\n' >"$bad/b.txt"
ln -s nowhere "$bad/c.txt"
cp "$SAMPLES/iran-zarif-sanctions.txt" "$bad/d.txt"
"$NEWSKG" -o ntriples "$bad" >"$work/out" 2>"$work/err"
expect_status "bad articles among good ones" 1 $?
expect_grep "invalid UTF-8 says the byte" "^newskg: $bad/b.txt: byte 3: invalid UTF-8 (replaced 1 byte with U+FFFD)$" "$work/err"
expect_grep "an unreadable file is named" "^newskg: $bad/c.txt: No such file or directory$" "$work/err"
expect_grep "the summary counts the errors" "^newskg: 4 articles, .*, 1 error, [0-9.]* s$" "$work/err"
expect_grep "the summary counts each kind" \
  "^newskg: skipped: 0 not text, 0 over --max-article-bytes, 1 other; 1 repaired " "$work/err"
"$NEWSKG" -q -o ntriples "$bad/a.txt" "$bad/b.txt" "$bad/d.txt" >"$work/want" 2>/dev/null
expect_same "the good and the repaired articles are still written" "$work/out" "$work/want"
if [ "$(sed -n 2p "$work/err")" = "newskg: $bad/b.txt: byte 3: invalid UTF-8 (replaced 1 byte with U+FFFD)" ] &&
  [ "$(sed -n 4p "$work/err")" = "newskg: $bad/c.txt: No such file or directory" ]; then
  pass "messages come in input order"
else
  fail "messages out of order:"
  cat "$work/err" >&2
fi
"$NEWSKG" -q "$work/no-such-dir" >/dev/null 2>"$work/err"
expect_status "a missing directory" 1 $?

# a directory that gives no article is an error, as a missing one is, and
# says what it lacks
mkdir -p "$work/empty/sub" "$work/records"
printf '{"text": "Evo Morales fled to Mexico."}\n' >"$work/records/a.jsonl"
"$NEWSKG" -q "$work/empty" >"$work/out" 2>"$work/err"
expect_status "an empty directory" 1 $?
expect_grep "an empty directory is named" \
  "^newskg: $work/empty: no article: no \*.txt file in this directory or below" "$work/err"
"$NEWSKG" -q "$work/records" >"$work/out" 2>"$work/err"
expect_status "a directory of JSON Lines read for text" 1 $?
expect_grep "a directory of JSON Lines names -i jsonl" \
  "^newskg: $work/records: no article: .*(-i jsonl reads \*.jsonl files)$" "$work/err"
"$NEWSKG" -q -i jsonl "$d" >"$work/out" 2>"$work/err"
expect_status "a directory of text read for JSON Lines" 1 $?
expect_grep "a directory of text says how text is read" \
  "^newskg: $d: no article: no \*.jsonl file .*(without -i jsonl, \*.txt files are read)$" "$work/err"
"$NEWSKG" -q -o ntriples "$work/empty" "$sample" >"$work/out" 2>"$work/err"
expect_status "an empty directory among articles" 1 $?
"$NEWSKG" -q -o ntriples "$sample" >"$work/want" 2>/dev/null
expect_same "the articles beside an empty directory are written" "$work/out" "$work/want"

# a file whose name says it is no article text is read, with a word on
# the option that reads it
cp "$work/records/a.jsonl" "$work/records.jsonl"
"$NEWSKG" -q "$work/records.jsonl" >/dev/null 2>"$work/err"
expect_status "a .jsonl file read as text" 0 $?
expect_grep "a .jsonl file read as text names -i jsonl" \
  "^newskg: $work/records.jsonl: JSON Lines by its name, read as one article's text: -i jsonl reads its records$" "$work/err"
for ext in nq nt ttl NT; do
  cp "$sample" "$work/graph.$ext"
  "$NEWSKG" -q "$work/graph.$ext" >/dev/null 2>"$work/err"
  expect_grep "a .$ext file read as text names -O" \
    "^newskg: $work/graph.$ext: .* by its name, read as article text: .*-O FILE" "$work/err"
done
"$NEWSKG" -q "$sample" >/dev/null 2>"$work/err"
if [ -s "$work/err" ]; then fail "a .txt file read as text: $(head -1 "$work/err")"; else
  pass "a .txt file read as text: no word"
fi

# --- files that are not regular ----------------------------------------------
# A FIFO in a directory is not read (its open would wait for a writer that
# may never come): it is named and counted as skipped, and the run goes on.
# One named on the command line is a stream, and read.  Each run has a time
# limit: a run that waits on the FIFO fails rather than hangs.

# within OPTIONS...: newskg OPTIONS, killed after 30 s
within() {
  "$TIMEOUT" -k 5 30 "$NEWSKG" "$@"
}
fifos=$work/fifos
mkdir "$fifos"
cp "$sample" "$fifos/a.txt"
mkfifo "$fifos/b.txt" "$fifos/b.jsonl"
cp "$SAMPLES/iran-zarif-sanctions.txt" "$fifos/c.txt"
within -o ntriples "$fifos" >"$work/out" 2>"$work/err"
expect_status "a FIFO in a directory" 1 $?
expect_grep "a FIFO in a directory is named and skipped" \
  "^newskg: $fifos/b.txt: not a regular file (a FIFO): skipped$" "$work/err"
expect_grep "a FIFO in a directory is counted as an error" \
  "^newskg: 3 articles, .*, 1 error, " "$work/err"
expect_grep "a FIFO in a directory is counted as skipped" \
  "^newskg: skipped: 0 not text, 0 over --max-article-bytes, 1 other$" "$work/err"
"$NEWSKG" -q -o ntriples "$fifos/a.txt" "$fifos/c.txt" >"$work/want"
expect_same "the other files of the directory are read" "$work/out" "$work/want"
within -i jsonl -o ntriples "$fifos" >"$work/out" 2>"$work/err"
expect_status "a FIFO in a directory, JSON Lines" 1 $?
expect_grep "a FIFO in a directory is skipped, JSON Lines" \
  "^newskg: $fifos/b.jsonl: not a regular file (a FIFO): skipped$" "$work/err"
cat "$sample" >"$fifos/b.txt" &
writer=$!
within -o ntriples "$fifos/b.txt" >"$work/out" 2>"$work/err"
expect_status "a FIFO named" 0 $?
kill $writer 2>/dev/null
wait $writer
"$NEWSKG" -q -o ntriples "$sample" >"$work/want"
expect_same "a FIFO named is read" "$work/out" "$work/want"
within -o ntriples <(cat "$sample") >"$work/out" 2>"$work/err"
expect_status "a pipe named (<(...))" 0 $?
expect_same "a pipe named is read" "$work/out" "$work/want"

# --- N-Quads -----------------------------------------------------------------

"$NEWSKG" -q -o nquads "$d" >"$work/dir.nq" 2>"$work/err"
expect_status "-o nquads" 0 $?
parses "N-Quads of four articles" nquads "$work/dir.nq"
graphs=$(awk '{ print $(NF-1) }' "$work/dir.nq" | sort -u | wc -l)
if [ "$graphs" -eq 4 ]; then pass "one named graph per article"; else fail "$graphs named graphs for 4 articles"; fi
want="<https://w3id.org/newskg/doc/$(sha1sum <"$d/Z.txt" | cut -c1-40)>"
if head -1 "$work/dir.nq" | grep -q " $want \.$"; then
  pass "a text file's graph is its content's document IRI"
else
  fail "graph of the first article is not $want"
fi
if [ "$(sed 's/ <[^>]*> \.$/ ./' "$work/dir.nq")" = "$(cat "$work/dir.nt")" ]; then
  pass "N-Quads are the N-Triples with a graph"
else
  fail "N-Quads and N-Triples differ in more than the graph"
fi

# --- Turtle, one document per article ------------------------------------------

"$NEWSKG" -q "$d" >"$work/dir.ttl" 2>/dev/null
expect_status "Turtle of a directory" 0 $?
n=$(grep -c '^@prefix newskg:' "$work/dir.ttl")
if [ "$n" -eq 4 ]; then pass "each article's Turtle declares its prefixes"; else fail "$n prefix blocks for 4 articles"; fi
parses "Turtle documents one after another" turtle "$work/dir.ttl"

# --- JSON Lines ------------------------------------------------------------------

j=$work/records.jsonl
{
  printf '{"id": "wn-1", "url": "https://example.org/news/1", "date": "2020-08-26T09:30:00Z", "title": "Britain and \\"Canada\\" act", "text": "MINSK, Aug. 9, 2020 (Reuters) - Britain imposed sanctions on Belarus."}\n'
  printf '{"url": "https://example.org/news/2", "text": "Kim Jong Un met Donald Trump in Singapore."}\n'
  printf '\n'
  printf '{"text": "Evo Morales fled to Mexico.", "title": "Exile"}\n'
  printf '{"id": 17, "text": "MINSK, Aug. 9, 2020 (Reuters) - Belarus was quiet."}\n'
} >"$j"
"$NEWSKG" -q -i jsonl -o nquads "$j" >"$work/j.nq" 2>"$work/err"
expect_status "--input jsonl" 0 $?
parses "N-Quads of records" nquads "$work/j.nq"

doc1="<https://w3id.org/newskg/doc/id/$(sha1 wn-1)>"
doc2="<https://w3id.org/newskg/doc/url/$(sha1 https://example.org/news/2)>"
doc3="<https://w3id.org/newskg/doc/$(sha1 'Evo Morales fled to Mexico.')>"
doc5="<https://w3id.org/newskg/doc/id/$(sha1 17)>"
dc='<http://purl.org/dc/terms/'
xsd='<http://www.w3.org/2001/XMLSchema#'
if [ -n "$RAPPER" ]; then
  # the quads as rapper reads them back
  "$RAPPER" -q -i nquads -o nquads "$work/j.nq" >"$work/back.nq" 2>/dev/null
  expect_grep "id: dcterms:identifier, in the record's graph" \
    "^$doc1 ${dc}identifier> \"wn-1\" $doc1 \.$" "$work/back.nq"
  expect_grep "title: dcterms:title" \
    "^$doc1 ${dc}title> \"Britain and \\\\\"Canada\\\\\" act\" $doc1 \.$" "$work/back.nq"
  expect_grep "url: dcterms:source" \
    "^$doc1 ${dc}source> <https://example.org/news/1> $doc1 \.$" "$work/back.nq"
  expect_grep "the record's date comes before the dateline's" \
    "^$doc1 ${dc}date> \"2020-08-26\"^^${xsd}date> $doc1 \.$" "$work/back.nq"
  expect_grep "without an id the URL names the graph" \
    "^$doc2 ${dc}source> <https://example.org/news/2> $doc2 \.$" "$work/back.nq"
  expect_grep "without id and URL the text names the graph" \
    "^$doc3 ${dc}title> \"Exile\" $doc3 \.$" "$work/back.nq"
  expect_grep "an integer id" "^$doc5 ${dc}identifier> \"17\" $doc5 \.$" "$work/back.nq"
  expect_grep "without a record date the dateline's" \
    "^$doc5 ${dc}date> \"2020-08-09\"^^${xsd}date> $doc5 \.$" "$work/back.nq"
  n=$(grep -c "${dc}" "$work/back.nq")
  if [ "$n" -eq 8 ]; then pass "no other dcterms triples"; else fail "$n dcterms triples, wanted 8"; fi
fi

"$NEWSKG" -q -i jsonl -o nquads --date 2021-01-01 "$j" >"$work/out" 2>/dev/null
expect_grep "--date gives records without a date theirs" \
  "^$doc5 ${dc}date> \"2021-01-01\"^^${xsd}date> $doc5 \.$" "$work/out"
expect_grep "and leaves a record's own date alone" \
  "^$doc1 ${dc}date> \"2020-08-26\"^^${xsd}date> $doc1 \.$" "$work/out"

"$NEWSKG" -q -i jsonl -o nquads - <"$j" >"$work/out" 2>/dev/null
expect_same "JSON Lines on standard input" "$work/out" "$work/j.nq"
mkdir "$work/dump" && cp "$j" "$work/dump/part-1.jsonl" && cp "$sample" "$work/dump/skip.txt"
"$NEWSKG" -q --input=jsonl -o nquads "$work/dump" >"$work/out" 2>/dev/null
expect_same "a directory gives its *.jsonl files" "$work/out" "$work/j.nq"

# a record of a sample: the same graph as the sample's file
# json_string FILE: the lines of FILE (each ending in a newline) as the
# inside of a JSON string
json_string() {
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' "$1" | awk '{ printf "%s\\n", $0 }'
}
iran=$SAMPLES/iran-zarif-sanctions.txt
printf '{"text": "%s"}\n' "$(json_string "$iran")" >"$work/sample.jsonl"
for opts in "" "--provenance=full --min-confidence 0.9"; do
  # shellcheck disable=SC2086
  "$NEWSKG" -q -i jsonl -o ntriples $opts "$work/sample.jsonl" >"$work/out" 2>/dev/null
  # shellcheck disable=SC2086
  "$NEWSKG" -q -o ntriples $opts "$iran" >"$work/want" 2>/dev/null
  expect_same "a record gives its text's graph ($opts)" "$work/out" "$work/want"
done

{
  printf '{"id": "ok-1", "text": "Evo Morales fled to Mexico."}\n'
  printf '{"id": "broken", "text": \n'
  printf '{"id": "no-text"}\n'
  printf '{"id": "bad-date", "date": "26.08.2020", "text": "x"}\n'
  printf '{"id": "bad-url", "url": "www.example.org", "text": "x"}\n'
  printf '{"id": "ok-2", "text": "Kim Jong Un met Donald Trump."}\n'
} >"$work/bad.jsonl"
"$NEWSKG" -i jsonl -o nquads "$work/bad.jsonl" >"$work/out" 2>"$work/err"
expect_status "bad records among good ones" 1 $?
expect_grep "invalid JSON says file and line" "^newskg: $work/bad.jsonl:2: invalid JSON at column [0-9]*: " "$work/err"
expect_grep "a record without text" "^newskg: $work/bad.jsonl:3: no \"text\" string$" "$work/err"
expect_grep "a bad date is dropped" "^newskg: $work/bad.jsonl:4: \"date\" \"26.08.2020\" is not a date YYYY-MM-DD: dropped$" "$work/err"
expect_grep "a URL without a scheme is dropped" "^newskg: $work/bad.jsonl:5: \"url\" \"www.example.org\" has no scheme (such as \"https:\"): dropped$" "$work/err"
expect_grep "the good records are reported" "^newskg: $work/bad.jsonl:6: 2 entities, 1 relation$" "$work/err"
expect_grep "the summary counts 2 errors in 6 records" "^newskg: 6 articles, .*, 2 errors, " "$work/err"
n=$(awk '{ print $(NF-1) }' "$work/out" | sort -u | wc -l)
if [ "$n" -eq 4 ]; then pass "the good records and those with a field dropped are written"; else fail "$n graphs written, wanted 4"; fi

# a record with a bad date or URL keeps its article: the graph of its text
# and id, without the field
{
  printf '{"id": "wn-9", "date": "not-a-date", "text": "%s"}\n' "$(json_string "$sample")"
  printf '{"id": "wn-9", "url": "%s_x", "text": "%s"}\n' \
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#" "$(json_string "$sample")"
} >"$work/dropped.jsonl"
printf '{"id": "wn-9", "text": "%s"}\n' "$(json_string "$sample")" >"$work/plain.jsonl"
"$NEWSKG" -i jsonl -o nquads "$work/dropped.jsonl" >"$work/out" 2>"$work/err"
expect_status "records with a field dropped" 0 $?
expect_grep "a date that is not one is named and dropped" \
  "^newskg: $work/dropped.jsonl:1: \"date\" \"not-a-date\" is not a date YYYY-MM-DD: dropped$" "$work/err"
expect_grep "a URL of RDF's vocabulary is named and dropped" \
  "^newskg: $work/dropped.jsonl:2: \"url\" .* is a name of RDF's own vocabulary" "$work/err"
"$NEWSKG" -q -i jsonl -o nquads "$work/plain.jsonl" "$work/plain.jsonl" >"$work/want" 2>/dev/null
expect_same "a record with a field dropped gives the graph of the record without it" \
  "$work/out" "$work/want"

# --- -j: the same bytes, whatever the number of threads ---------------------------

sets=("$SAMPLES")
if [ -d "${SHARED:-}/corpus" ]; then sets+=("$SHARED/corpus"); else
  echo "note: no ${SHARED:-../shared}/corpus, -j compared on the samples only"
fi
for jobs in 1 2 4; do
  "$NEWSKG" -q -j "$jobs" -o nquads --explain "${sets[@]}" >"$work/j$jobs.nq" 2>"$work/j$jobs.err"
  expect_status "-j $jobs" 0 $?
done
expect_same "-j 2 writes the bytes of -j 1" "$work/j1.nq" "$work/j2.nq"
expect_same "-j 4 writes the bytes of -j 1" "$work/j1.nq" "$work/j4.nq"
expect_same "--explain with -j 4 prints what -j 1 prints" "$work/j1.err" "$work/j4.err"
"$NEWSKG" -q -j 3 -o ntriples --provenance=full "$d" >"$work/out" 2>/dev/null
"$NEWSKG" -q -j 1 -o ntriples --provenance=full "$d" >"$work/want" 2>/dev/null
expect_same "-j 3 --provenance=full" "$work/out" "$work/want"

for bad in 0 -1 x 2.5 1025 ""; do
  "$NEWSKG" -j "$bad" "$sample" >"$work/out" 2>"$work/err"
  expect_status "-j '$bad'" 2 $?
  expect_grep "-j '$bad' is named" "^newskg: invalid argument '$bad': -j wants a number" "$work/err"
done
"$NEWSKG" --jobs=2 -q -o ntriples "$sample" >"$work/out" 2>/dev/null
expect_status "--jobs=2" 0 $?
"$NEWSKG" -i xml "$sample" >/dev/null 2>"$work/err"
expect_status "an unknown input format" 2 $?
expect_grep "the input format is named" "^newskg: unknown input format 'xml' (text, jsonl)$" "$work/err"

# --- -O with many articles ------------------------------------------------------------

"$NEWSKG" -q -o nquads -O "$work/all.nq" "$d" >"$work/out" 2>&1
expect_status "-O with a directory" 0 $?
expect_same "-O writes the whole stream" "$work/all.nq" "$work/dir.nq"

# --- summary and progress ----------------------------------------------------------------

"$NEWSKG" -o ntriples "$d" >/dev/null 2>"$work/err"
expect_grep "per-article lines off a terminal" "^newskg: $d/Z.txt: [0-9]* entit[a-z]*, [0-9]* relations*$" "$work/err"
expect_grep "the summary line" \
  "^newskg: 4 articles, [0-9.]* kB, [0-9]* sentences, [0-9]* entities, [0-9]* relations, [0-9]* triples, 0 errors, [0-9.]* s$" \
  "$work/err"
"$NEWSKG" -q -o ntriples "$d" "$bad/c.txt" >/dev/null 2>"$work/err"
if [ "$(cat "$work/err")" = "newskg: $bad/c.txt: No such file or directory" ]; then
  pass "-q leaves only the errors"
else
  fail "-q printed:"
  cat "$work/err" >&2
fi

if command -v script >/dev/null 2>&1; then
  # script gives the program a terminal; the graphs go to a file
  script -qec "'$NEWSKG' -o nquads -j 2 '$d' '$SAMPLES/extra' > '$work/tty.nq'" /dev/null >"$work/tty" 2>&1
  expect_grep "a progress line on a terminal" \
    $'\r''newskg: [0-9]* articles, [0-9.]* [kM]*B, [0-9]* articles/s, [0-9.]* MB/s.*'$'\e''\[K' "$work/tty"
  if grep -q 'entit[a-z]*, [0-9]* relations*'$'\r' "$work/tty"; then
    fail "per-article lines on a terminal"
  else
    pass "no per-article lines on a terminal"
  fi
  expect_grep "the summary on a terminal" "newskg: [0-9]* articles, .* 0 errors, " "$work/tty"
  script -qec "'$NEWSKG' -q -o nquads '$d' > '$work/tty.nq'" /dev/null >"$work/tty" 2>&1
  if [ -s "$work/tty" ]; then fail "-q printed on a terminal: $(cat -v "$work/tty")"; else
    pass "-q: nothing on a terminal"
  fi
else
  echo "note: no script(1): progress line not tested"
fi

echo "corpus.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
