#!/usr/bin/env bash
# virtuoso.sh - samples/ in a real triple store: Virtuoso Open Source,
# started here on 127.0.0.1 (free ports) with a throw-away database and
# stopped at the end.  Loaded twice, each load checked on its own:
#
#   1. `newskg load --gsp` into its Graph Store endpoint
#      (/sparql-graph-crud-auth, HTTP digest authentication as dba, the
#      credentials in a private file);
#   2. after CLEAR GRAPH of each article's graph, its bulk loader (ld_add,
#      rdf_loader_run through isql-vt) with each article's N-Triples file,
#      into the same named graphs.
#
# Each time, over HTTP (/sparql, JSON answers): Virtuoso holds exactly the
# N-Quads of samples/ (store-quads.py), and the three questions of doc/loading-and-querying.md
# get the gold's answers (store-questions.py).  The load rates go to the
# log.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, PYTHON3.
# Skips (exit 77) without python3 or Virtuoso (virtuoso-t, isql-vt).
. "$(dirname "$0")/lib.sh"
needs_tool PYTHON3 python3 python3
needs_tool VIRTUOSO virtuoso-t virtuoso-opensource
needs_tool ISQL isql-vt virtuoso-opensource
start_work virtuoso
. "$top/tests/store-lib.sh"
vt=$work/vt bulk=$work/bulk
mkdir -p "$vt" "$bulk"
virtuoso_pid=
trap 'stop_process virtuoso_pid; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# two free TCP ports on 127.0.0.1
read -r sql_port http_port < <("$PYTHON3" -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

cat >"$vt/virtuoso.ini" <<INI
[Database]
DatabaseFile = $vt/virtuoso.db
ErrorLogFile = $vt/virtuoso.log
LockFile = $vt/virtuoso.lck
TransactionFile = $vt/virtuoso.trx
xa_persistent_file = $vt/virtuoso.pxa
[TempDatabase]
DatabaseFile = $vt/virtuoso-temp.db
TransactionFile = $vt/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
DirsAllowed = ., $bulk
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
INI

isql() { "$ISQL" "127.0.0.1:$sql_port" dba dba "$@"; }

(cd "$vt" && exec "$VIRTUOSO" +configfile "$vt/virtuoso.ini" +foreground) \
  >"$vt/out.log" 2>&1 &
virtuoso_pid=$!
for _ in $(seq 120); do
  isql exec='status();' >/dev/null 2>&1 && break
  kill -0 "$virtuoso_pid" 2>/dev/null || break
  sleep 0.5
done
if ! isql exec='status();' >/dev/null 2>&1; then
  echo "$test_name: Virtuoso did not start:" >&2
  tail -20 "$vt/out.log" >&2
  exit 1
fi
pass "Virtuoso is up on 127.0.0.1:$sql_port (HTTP $http_port)"
base=http://127.0.0.1:$http_port

# sparql QUERY-FILE JSON-FILE: the query over HTTP, the answer as JSON
sparql() {
  "$PYTHON3" - "$base/sparql" "$1" "$2" <<'PY'
import sys, urllib.parse, urllib.request
url, query_file, out = sys.argv[1:]
data = urllib.parse.urlencode({"query": open(query_file).read()}).encode()
req = urllib.request.Request(url, data, {"Accept": "application/sparql-results+json"})
with urllib.request.urlopen(req, timeout=120) as r, open(out, "wb") as f:
    f.write(r.read())
PY
}
query_http() { sparql "$2" "$3"; }
printf '%s\n' "$all_quads_query" >"$work/all.rq"

# check WHAT: the store holds samples/ and answers the three questions
check() {
  if sparql "$work/all.rq" "$work/all.json" 2>"$work/sparql.err"; then
    same_quads "$1: Virtuoso holds samples/ as N-Quads" "$work/all.json"
  else
    fail "$1: SPARQL over HTTP failed: $(tail -3 "$work/sparql.err")"
  fi
  ask_questions "$1" query_http
}

write_sample_quads
articles=$(find "$SAMPLES" -name '*.txt' | wc -l)
triples=$(wc -l <"$work/samples.nq")

# 1. the Graph Store endpoint
printf 'dba:dba\n' >"$work/cred"
chmod 600 "$work/cred"
"$NEWSKG" load -j 2 --gsp "$base/sparql-graph-crud-auth" --credentials "$work/cred" \
  "$SAMPLES" 2>"$work/gsp.err"
expect_status "newskg load --gsp into Virtuoso" 0 $?
expect_grep "all $articles articles loaded" \
  "loaded $articles articles, $triples triples into .*, 0 failed" "$work/gsp.err"
echo "Virtuoso GSP: $(tail -1 "$work/gsp.err")"
check "Virtuoso GSP"

# 2. the bulk loader, into the same graphs emptied first
sed 's/.*<\([^>]*\)> \.$/\1/' "$work/samples.nq" | sort -u >"$work/graphs"
sed 's/^/SPARQL CLEAR GRAPH </; s/$/>;/' "$work/graphs" >"$work/clear.sql"
isql <"$work/clear.sql" >"$work/clear.out" 2>&1
sparql "$work/all.rq" "$work/cleared.json" &&
  "$PYTHON3" -c 'import json,sys; sys.exit(any(b["g"]["value"].startswith("https://w3id.org/newskg/doc/") for b in json.load(open(sys.argv[1]))["results"]["bindings"]))' "$work/cleared.json" &&
  pass "the articles' graphs are empty again" || fail "CLEAR GRAPH left triples"
: >"$work/bulk.sql"
n=0
find "$SAMPLES" -name '*.txt' | sort >"$work/articles"
while read -r f; do
  n=$((n + 1))
  "$NEWSKG" -q -o ntriples -O "$bulk/$n.nt" "$f" || fail "newskg -o ntriples $f"
  graph=$("$NEWSKG" -q -o nquads "$f" | head -1 | sed 's/.*<\([^>]*\)> \.$/\1/')
  echo "ld_add('$bulk/$n.nt', '$graph');" >>"$work/bulk.sql"
done <"$work/articles"
start=$(date +%s.%N)
isql <"$work/bulk.sql" >"$work/bulk.out" 2>&1 &&
  isql exec='rdf_loader_run(); checkpoint;' >>"$work/bulk.out" 2>&1
loaded=$?
end=$(date +%s.%N)
expect_status "the bulk loader" 0 $loaded
isql exec="select count(*) from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;" \
  >"$work/ll.out" 2>&1
if grep -qx '0' <(tr -d ' \t' <"$work/ll.out"); then
  pass "the bulk loader took all $n files without an error"
else
  fail "the bulk loader's list has errors: $(cat "$work/ll.out")"
fi
awk -v t="$triples" -v s="$start" -v e="$end" \
  'BEGIN { printf "Virtuoso bulk loader: %d triples in %.2f s, %.0f triples/s\n", t, e - s, t / (e - s) }'
check "Virtuoso bulk loader"

[ "$failures" -eq 0 ] || exit 1
exit 0
