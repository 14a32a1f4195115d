#!/usr/bin/env bash
# oxigraph.sh - the N-Quads of samples/ in an Oxigraph store (the npm
# package pinned in tests/node, through oxigraph-store.js): Oxigraph holds
# exactly what newskg wrote, and answers the three questions of doc/loading-and-querying.md as
# the gold does (store-questions.py).
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, PYTHON3,
# NODE, NODE_PACKAGES.  Skips (exit 77) without python3, node, or the npm
# package oxigraph in $NODE_PACKAGES (npm ci --prefix tests/node).
. "$(dirname "$0")/lib.sh"
needs_tool PYTHON3 python3 python3
needs_node_packages oxigraph
start_work oxigraph
. "$top/tests/store-lib.sh"

write_sample_quads
set --
for q in $("$PYTHON3" "$questions" names); do
  "$PYTHON3" "$questions" query "$q" >"$work/oxi-$q.rq"
  set -- "$@" "$work/oxi-$q.rq" "$work/oxi-$q.json"
done
printf '%s\n' "$all_quads_query" >"$work/all.rq"
if NODE_PATH="$NODE_PACKAGES/node_modules" "$NODE" "$top/tests/oxigraph-store.js" \
  "$work/samples.nq" "$work/all.rq" "$work/all.json" "$@" >"$work/load.out" 2>&1; then
  pass "Oxigraph: $(cat "$work/load.out")"
else
  fail "Oxigraph could not load samples/ or answer: $(head -c 600 "$work/load.out")"
fi
same_quads "Oxigraph holds samples/ as N-Quads" "$work/all.json"

# query NAME QUERY-FILE JSON-FILE for ask_questions: the answer Oxigraph gave
answer() { cp "$work/oxi-$1.json" "$3"; }
ask_questions "Oxigraph" answer

[ "$failures" -eq 0 ] || exit 1
exit 0
