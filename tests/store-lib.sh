# store-lib.sh - what the store tests (store-sqlite.sh, gsp.sh,
# virtuoso.sh, oxigraph.sh) share; sourced after lib.sh, which set $work.
#
# ask_questions WHAT RUN asks each question of store-questions.py (the
# three of doc/loading-and-querying.md) with `RUN NAME QUERY-FILE
# JSON-FILE`, which must write the store's SPARQL 1.1 JSON answer, and
# checks the answer against the gold; same_quads WHAT JSON checks a
# store's answer to all_quads_query against the N-Quads of samples/
# ($work/samples.nq, made by write_sample_quads).
questions=$top/tests/store-questions.py
all_quads_query='SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }'

# stop_process VAR: kills and waits for the process whose pid the
# variable VAR holds, if any, and empties VAR (for traps and restarts)
stop_process() {
  local pid=${!1}
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  printf -v "$1" '%s' ''
}

ask_questions() {
  local what=$1 run=$2 q
  for q in $("$PYTHON3" "$questions" names); do
    "$PYTHON3" "$questions" query "$q" >"$work/$q.rq"
    if ! "$run" "$q" "$work/$q.rq" "$work/$q.json" 2>"$work/$q.err"; then
      fail "$what: $q: the query failed: $(head -c 600 "$work/$q.err")"
    elif "$PYTHON3" "$questions" check "$q" "$work/$q.json"; then
      pass "$what: $q"
    else
      fail "$what: $q: wrong answer"
    fi
  done
}

write_sample_quads() {
  "$NEWSKG" -q -j 2 -o nquads "$SAMPLES" >"$work/samples.nq" ||
    { echo "$test_name: newskg -o nquads samples/ failed" >&2; exit 1; }
}

same_quads() {
  if "$PYTHON3" "$top/tests/store-quads.py" "$2" "$work/samples.nq" \
    >"$work/quads.out" 2>&1; then
    pass "$1: $(tail -1 "$work/quads.out")"
  else
    fail "$1: the store does not hold what newskg wrote:"
    sed 's/^/    /' "$work/quads.out" >&2
  fi
}
