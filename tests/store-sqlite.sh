#!/usr/bin/env bash
# store-sqlite.sh - `newskg load` into a librdf sqlite store and `newskg
# query` over it: the store holds exactly the N-Quads of samples/, one named
# graph an article; a second load replaces an article's graph; the README's
# three questions get the gold's answers as JSON, and the same answers as
# CSV (parsed with python's csv) and as a table; ASK, CONSTRUCT, bad SPARQL
# and a missing store.
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
"$NEWSKG" query --store-name "$work/none.db" 'ASK {}' >/dev/null 2>"$work/none.err"
expect_status "a missing store" 2 $?
expect_grep "a missing store is named" "none.db: no such sqlite store" "$work/none.err"
"$NEWSKG" load -q --store-name "$db" "$work/missing.txt" \
  "$SAMPLES/belarus-sanctions.txt" 2>"$work/missing.err"
expect_status "load with a missing article" 1 $?
expect_grep "the missing article is named" "missing.txt" "$work/missing.err"

[ "$failures" -eq 0 ] || exit 1
exit 0
