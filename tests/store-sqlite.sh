#!/usr/bin/env bash
# store-sqlite.sh - `newskg load` into a librdf sqlite store and `newskg
# query` over it: the store holds exactly the N-Quads of samples/, one named
# graph an article; a second load replaces an article's graph; the three
# questions of doc/loading-and-querying.md get the gold's answers as JSON, and the same answers as
# CSV (parsed with python's csv) and as a table; ASK, CONSTRUCT, bad SPARQL
# (rasqal's first message) and a missing store; the prefixes of newskg's
# output without PREFIX lines; --data FILE answers as the store does; a
# first load into a new or empty file makes the store, and a failed one
# leaves no file.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, PYTHON3.
# Skips (exit 77) without python3 or librdf's sqlite storage.
. "$(dirname "$0")/lib.sh"
needs_tool PYTHON3 python3 python3
start_work store-sqlite
. "$top/tests/store-lib.sh"
db=$work/kg.db

"$NEWSKG" load -j 2 --storage sqlite --store-name "$db" \
  --store-options "new='yes',synchronous='off'" "$SAMPLES" \
  >"$work/load.out" 2>"$work/load.err"
status=$?
if grep -q "storage 'sqlite' not found" "$work/load.err"; then
  echo "$test_name: SKIP: librdf's sqlite storage not found (apt-get install librdf-storage-sqlite)"
  exit 77
fi
expect_status "load samples/ into sqlite" 0 "$status"
write_sample_quads
articles=$(find "$SAMPLES" -name '*.txt' | wc -l)
triples=$(wc -l <"$work/samples.nq")
expect_grep "the load reports $articles articles, $triples triples" \
  "loaded $articles articles, $triples triples into sqlite '$db', 0 failed" \
  "$work/load.err"

# query NAME QUERY-FILE JSON-FILE for ask_questions
query_json() { "$NEWSKG" query --store-name "$db" --format json "$(cat "$2")" >"$3"; }
"$NEWSKG" query --store-name "$db" --format json "$all_quads_query" >"$work/all.json"
same_quads "the sqlite store holds samples/ as N-Quads" "$work/all.json"
ask_questions "sqlite, JSON" query_json

# the checker fails a wrong answer: one country fewer
"$PYTHON3" - "$work/sanctions.json" "$work/wrong.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["results"]["bindings"].pop()
json.dump(r, open(sys.argv[2], "w"))
PY
if "$PYTHON3" "$questions" check sanctions "$work/wrong.json" 2>/dev/null; then
  fail "store-questions.py accepts four sanctioning countries"
else
  pass "store-questions.py rejects a wrong answer"
fi

# CSV: the same rows as JSON (sentences hold commas and quotes)
for q in $("$PYTHON3" "$questions" names); do
  "$NEWSKG" query --store-name "$db" --format csv "$(cat "$work/$q.rq")" >"$work/$q.csv"
  if "$PYTHON3" - "$work/$q.json" "$work/$q.csv" <<'PY'; then
import csv, json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
names = r["head"]["vars"]
want = [[b[n]["value"] if n in b else "" for n in names] for b in r["results"]["bindings"]]
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
sys.exit(0 if rows and rows[0] == names and rows[1:] == want and want else 1)
PY
    pass "sqlite, CSV: $q is the JSON answer"
  else
    fail "sqlite, CSV: $q differs from the JSON answer"
  fi
done

# the table: the names, a rule, one row a country, the count
"$NEWSKG" query --store-name "$db" "$(cat "$work/sanctions.rq")" >"$work/table.out"
printf '%s\n' country -------------- Canada Estonia Latvia Lithuania \
  'United Kingdom' '(5 rows)' >"$work/table.want"
if cmp -s "$work/table.out" "$work/table.want"; then
  pass "sqlite, table: who sanctioned Lukashenko"
else
  fail "sqlite, table: $(diff "$work/table.want" "$work/table.out")"
fi

# a second load of an article replaces its graph: the store is unchanged
"$NEWSKG" load -q --store-name "$db" "$SAMPLES/belarus-sanctions.txt"
expect_status "load belarus-sanctions.txt again" 0 $?
"$NEWSKG" query --store-name "$db" --format json "$all_quads_query" >"$work/again.json"
same_quads "a second load replaces the article's graph" "$work/again.json"

# ASK, CONSTRUCT
"$NEWSKG" query --store-name "$db" 'ASK { GRAPH ?g { ?s <https://w3id.org/newskg/ontology#fledTo> <https://w3id.org/newskg/id/country/Lithuania> } }' >"$work/ask.out"
expect_grep "ASK answers true" '^true$' "$work/ask.out"
"$NEWSKG" query --store-name "$db" 'CONSTRUCT { ?s <https://w3id.org/newskg/ontology#fledTo> ?o } WHERE { GRAPH ?g { ?s <https://w3id.org/newskg/ontology#fledTo> ?o } }' >"$work/construct.nt"
expect_grep "CONSTRUCT gives N-Triples" \
  '^<https://w3id.org/newskg/id/person/Svetlana_Tikhanovskaya> <https://w3id.org/newskg/ontology#fledTo> <https://w3id.org/newskg/id/country/Lithuania> \.$' \
  "$work/construct.nt"

# errors: bad SPARQL, a store that is not there, a missing article
"$NEWSKG" query --store-name "$db" 'SELECT ?x WHERE { ?x' >/dev/null 2>"$work/bad.err"
expect_status "bad SPARQL" 2 $?
expect_grep "bad SPARQL says so" '^newskg: query: .*syntax error' "$work/bad.err"
"$NEWSKG" query --store-name "$db" 'SELECT ?x WHERE { ?x foaf:knows ?y }' \
  >/dev/null 2>"$work/prefix.err"
expect_status "an undeclared prefix" 2 $?
expect_grep "an undeclared prefix: rasqal's message, not what followed" \
  '^newskg: query: The namespace prefix in "foaf:knows" was not declared\.$' "$work/prefix.err"
[ "$(wc -l <"$work/prefix.err")" -eq 1 ] && pass "an undeclared prefix: one message" ||
  fail "an undeclared prefix: $(cat "$work/prefix.err")"
"$NEWSKG" query --store-name "$work/none.db" 'ASK {}' >/dev/null 2>"$work/none.err"
expect_status "a missing store" 2 $?
expect_grep "a missing store is named" "none.db: no such sqlite store" "$work/none.err"
: >"$work/empty.db"
"$NEWSKG" query --store-name "$work/empty.db" 'ASK {}' >/dev/null 2>"$work/empty.err"
expect_status "an empty file as the store" 2 $?
expect_grep "an empty file is no store" "empty.db: an empty file, no sqlite store" "$work/empty.err"

# the prefixes of newskg's output need no PREFIX lines; a query's own
# declaration of one of them is the one that counts
"$NEWSKG" query --store-name "$db" \
  'SELECT ?n WHERE { GRAPH ?g { ?c newskg:sanctions ?x . ?x rdfs:label ?n } } ORDER BY ?n LIMIT 1' \
  >"$work/known.out" 2>"$work/known.err"
expect_status "newskg: and rdfs: without PREFIX" 0 $?
expect_grep "newskg: and rdfs: without PREFIX: the answer" '^Alexander Lukashenko *$' "$work/known.out"
"$NEWSKG" query --store-name "$db" \
  'PREFIX newskg: <http://example.org/other#> ASK { GRAPH ?g { ?c newskg:sanctions ?x } }' \
  >"$work/own.out"
expect_grep "a query's own PREFIX newskg: is kept" '^false$' "$work/own.out"

# --data: RDF files instead of a store, the same answers
"$NEWSKG" query --data "$work/samples.nq" --format json "$all_quads_query" >"$work/data.json"
same_quads "--data samples.nq holds what the store holds" "$work/data.json"
query_data() { "$NEWSKG" query --data "$work/samples.nq" --format json "$(cat "$2")" >"$3"; }
ask_questions "--data samples.nq, JSON" query_data
"$NEWSKG" -q "$SAMPLES/belarus-sanctions.txt" >"$work/belarus.ttl"
# (Turtle has no named graphs: its triples are in the default graph only)
"$NEWSKG" query --data "$work/belarus.ttl" --format csv \
  'SELECT DISTINCT ?n WHERE { ?c newskg:sanctions ?x . ?c rdfs:label ?n } ORDER BY ?n' \
  >"$work/data-ttl.csv"
printf '%s\r\n' n Canada Estonia Latvia Lithuania 'United Kingdom' >"$work/data-ttl.want"
if cmp -s "$work/data-ttl.csv" "$work/data-ttl.want"; then
  pass "--data a Turtle file: who sanctioned whom"
else
  fail "--data a Turtle file: $(diff "$work/data-ttl.want" "$work/data-ttl.csv")"
fi
printf '<https://e.org/a> <https://e.org/b> <https://e.org/c> .\n<a> <b> "x' >"$work/bad.nt"
"$NEWSKG" query --data "$work/belarus.ttl" --data "$work/bad.nt" 'ASK {}' >/dev/null 2>"$work/data-bad.err"
expect_status "--data a file that does not parse" 2 $?
expect_grep "--data: the file, the line and raptor's message" \
  "^newskg: $work/bad.nt: line 2: not read as ntriples: " "$work/data-bad.err"
"$NEWSKG" query --data "$SAMPLES/belarus-sanctions.txt" 'ASK {}' >/dev/null 2>"$work/data-text.err"
expect_status "--data an article" 2 $?
expect_grep "--data an article: no RDF" "belarus-sanctions.txt: not in an RDF syntax raptor knows" \
  "$work/data-text.err"
"$NEWSKG" query --data "$work/belarus.ttl" --store-name "$db" 'ASK {}' >/dev/null 2>&1
expect_status "--data and --store-name" 2 $?

# a first load into a new file makes the store (librdf wants new='yes'),
# one into the empty file a failed load of librdf left works too, and a
# load that fails leaves no file behind
"$NEWSKG" load -q --store-name "$work/first.db" "$SAMPLES/belarus-sanctions.txt" 2>"$work/first.err"
expect_status "a first load into a new file, no --store-options" 0 $?
"$NEWSKG" query --store-name "$work/first.db" "$(cat "$work/sanctions.rq")" >"$work/first.out"
cmp -s "$work/first.out" "$work/table.want" && pass "the new store answers" ||
  fail "the new store: $(diff "$work/table.want" "$work/first.out")"
"$NEWSKG" load -q --store-name "$work/empty.db" "$SAMPLES/belarus-sanctions.txt" 2>"$work/empty.err"
expect_status "a load into an empty file" 0 $?
"$NEWSKG" load -q --store-name "$work/failed.db" "$work/missing.txt" 2>"$work/failed.err"
expect_status "a first load of nothing" 1 $?
[ ! -e "$work/failed.db" ] && pass "a first load that failed leaves no file" ||
  fail "a first load that failed left $(ls -l "$work/failed.db")"
expect_grep "the removed store is named" "failed.db: removed the new store" "$work/failed.err"
echo "not a database" >"$work/text.db"
"$NEWSKG" load -q --store-name "$work/text.db" "$SAMPLES/belarus-sanctions.txt" 2>"$work/text.err"
expect_status "a load into a file that is no database" 2 $?
expect_grep "a file that is no database is named" "text.db: .*not a database" "$work/text.err"
[ "$(cat "$work/text.db")" = "not a database" ] && pass "a file that is no database is left as it was" ||
  fail "a file that is no database was changed"
"$NEWSKG" load -q --store-name "$db" "$work/missing.txt" \
  "$SAMPLES/belarus-sanctions.txt" 2>"$work/missing.err"
expect_status "load with a missing article" 1 $?
expect_grep "the missing article is named" "missing.txt" "$work/missing.err"

[ "$failures" -eq 0 ] || exit 1
exit 0
