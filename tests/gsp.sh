#!/usr/bin/env bash
# gsp.sh - `newskg load --gsp` against a small Graph Store endpoint of our
# own (gsp-server.py on 127.0.0.1): every article arrives, as its own named
# graph, after 503 answers that are retried; an article whose endpoint
# keeps failing is named and gives exit 1 while the others load; a 4xx
# answer is not retried; credentials come from a private file or the
# environment; an endpoint that is not there.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, PYTHON3.
# Skips (exit 77) without python3.
. "$(dirname "$0")/lib.sh"
needs_tool PYTHON3 python3 python3
start_work gsp
. "$top/tests/store-lib.sh"
server_pid=
trap 'stop_process server_pid; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# start_server ARGS...: a fresh endpoint in $work/srv; sets $url
start_server() {
  stop_process server_pid
  rm -rf "$work/srv" && mkdir "$work/srv"
  "$PYTHON3" "$top/tests/gsp-server.py" "$work/srv" "$@" &
  server_pid=$!
  for _ in $(seq 100); do
    [ -s "$work/srv/port" ] && break
    sleep 0.1
  done
  [ -s "$work/srv/port" ] || { echo "$test_name: gsp-server.py did not start" >&2; exit 1; }
  url="http://127.0.0.1:$(cat "$work/srv/port")/store"
}

# count STATUS: the requests the endpoint answered with STATUS
count() { grep -c " $1\$" "$work/srv/log" || true; }

write_sample_quads
articles=$(find "$SAMPLES" -name '*.txt' | wc -l)
triples=$(wc -l <"$work/samples.nq")
belarus=$("$NEWSKG" -q -o nquads "$SAMPLES/belarus-sanctions.txt" | head -1 | sed 's/.*<\([^>]*\)> \.$/\1/')

# 503 to the first three requests: retried, nothing lost
start_server --fail-first 3
"$NEWSKG" load -j 2 --gsp "$url" --retry-delay 1 "$SAMPLES" 2>"$work/load.err"
expect_status "load through three 503 answers" 0 $?
expect_grep "the load reports its requests and retries" \
  "loaded $articles articles, $triples triples into $url, 0 failed, $((articles + 3)) requests, 3 retries" \
  "$work/load.err"
[ "$(count 503)" -eq 3 ] && [ "$(count 201)" -eq "$articles" ] &&
  pass "the endpoint saw 3 failed and $articles good requests" ||
  fail "the endpoint saw $(count 503) failed and $(count 201) good requests"
if sort "$work/srv/graphs.nq" | cmp -s - <(sort "$work/samples.nq"); then
  pass "the endpoint got every article's triples in its named graph"
else
  fail "the endpoint's graphs differ from newskg -o nquads"
fi

# one article's graph always fails: it is named, the others load
start_server --fail "$belarus"
"$NEWSKG" load -q -j 2 --gsp "$url" --retries 2 --retry-delay 1 "$SAMPLES" 2>"$work/fail.err"
expect_status "an article that keeps failing" 1 $?
expect_grep "the failed article is named, with the answer" \
  "^newskg: $SAMPLES/belarus-sanctions.txt: not loaded: HTTP 503: busy, try later (after 3 tries)\$" \
  "$work/fail.err"
[ "$(count 503)" -eq 3 ] && [ "$(count 201)" -eq $((articles - 1)) ] &&
  pass "3 tries for it, the $((articles - 1)) others loaded" ||
  fail "$(count 503) failed and $(count 201) good requests"

# a 4xx answer is final
start_server --refuse "$belarus"
"$NEWSKG" load -q --gsp "$url" --retry-delay 1 "$SAMPLES/belarus-sanctions.txt" 2>"$work/refuse.err"
expect_status "a refused article" 1 $?
expect_grep "a refused article is named" "belarus-sanctions.txt: not loaded: HTTP 400: bad graph\$" "$work/refuse.err"
[ "$(count 400)" -eq 1 ] && pass "a 400 is not retried" || fail "$(count 400) requests for a 400"

# credentials: from a private file or the environment, never argv
start_server --auth 'newskg:s3cret pass'
printf 'newskg:s3cret pass\n' >"$work/cred"
chmod 600 "$work/cred"
"$NEWSKG" load -q --gsp "$url" --credentials "$work/cred" "$SAMPLES/belarus-sanctions.txt"
expect_status "credentials from a file" 0 $?
NEWSKG_GSP_USER=newskg NEWSKG_GSP_PASSWORD='s3cret pass' \
  "$NEWSKG" load -q --gsp "$url" "$SAMPLES/belarus-sanctions.txt"
expect_status "credentials from the environment" 0 $?
NEWSKG_GSP_USER=newskg NEWSKG_GSP_PASSWORD=wrong \
  "$NEWSKG" load -q --gsp "$url" "$SAMPLES/belarus-sanctions.txt" 2>"$work/auth.err"
expect_status "wrong credentials" 1 $?
expect_grep "wrong credentials: the 401 is reported" "not loaded: HTTP 401" "$work/auth.err"
chmod 644 "$work/cred"
"$NEWSKG" load -q --gsp "$url" --credentials "$work/cred" "$SAMPLES/belarus-sanctions.txt" 2>"$work/open.err"
expect_status "a credentials file others may read" 2 $?
expect_grep "a readable credentials file is refused" "cred: others than its owner may read it" "$work/open.err"

# nobody listening: tried again, then named
stop_process server_pid
"$NEWSKG" load -q --gsp "$url" --retries 1 --retry-delay 1 "$SAMPLES/belarus-sanctions.txt" 2>"$work/down.err"
expect_status "an endpoint that is not there" 1 $?
expect_grep "an endpoint that is not there" "belarus-sanctions.txt: not loaded: .*(after 2 tries)" "$work/down.err"

# usage
"$NEWSKG" load --gsp "$url" --store-name x "$SAMPLES/belarus-sanctions.txt" 2>/dev/null
expect_status "--gsp and --store-name" 2 $?

[ "$failures" -eq 0 ] || exit 1
exit 0
