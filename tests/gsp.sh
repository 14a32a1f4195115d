#!/usr/bin/env bash
# gsp.sh - `newskg load --gsp` against a small Graph Store endpoint of our
# own (gsp-server.py on 127.0.0.1): every article arrives, as its own named
# graph, after 503 answers that are retried; an article whose endpoint
# keeps failing is named and gives exit 1 while the others load, within
# the run's --retry-max-time; a 400 answer is not retried; what no article
# can get past (nothing listening, 401, 403, a URL that is not http)
# stops the run at once with exit 2, the server's message (the text of
# an HTML page) and a hint; credentials come from a private file or the
# environment, never from the URL (refused, the password quoted nowhere),
# with a warning, even with -q, when they would go over plain http to
# another machine.
#
# Nothing here sends a byte off this machine: the runs that name another
# host fail on a missing input before any request, and a proxy on the
# loopback (where nothing listens) would take any request that did go.
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

# since START: the seconds from START (an $EPOCHREALTIME) to now
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }

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
expect_grep "a refused article is named, with the server's message" \
  "belarus-sanctions.txt: not loaded: HTTP 400: bad graph second line\$" "$work/refuse.err"
[ "$(count 400)" -eq 1 ] && pass "a 400 is not retried" || fail "$(count 400) requests for a 400"

# a long message is cut, between characters, with "..."
start_server --long "$belarus"
"$NEWSKG" load -q --gsp "$url" "$SAMPLES/belarus-sanctions.txt" 2>"$work/long.err"
expect_status "an article refused at length" 1 $?
message=$(sed -n 's/.*not loaded: HTTP 400: //p' "$work/long.err")
if [ "${#message}" -gt 100 ] && [ "$(printf '%s' "$message" | wc -c)" -le 203 ] &&
  [[ "$message" == "Déjà chargé Déjà"*"..." ]] &&
  printf '%s' "$message" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
  pass "a long message is cut at a character, with ..."
else
  fail "a long message: '$message'"
fi

# an endpoint that keeps failing: retries stop at --retry-max-time, and
# so does the run (exit 2), not after every retry of every article
start_server --fail-first 100000
start=$EPOCHREALTIME
"$NEWSKG" load -q --gsp "$url" --retries 3 --retry-delay 400 --retry-max-time 1 \
  "$SAMPLES" 2>"$work/busy.err"
expect_status "an endpoint that keeps answering 503" 2 $?
seconds=$(since "$start")
expect_grep "the run gives up after --retry-max-time" \
  "^newskg: $url: still failing after 1 s of retries in this run (--retry-max-time): not loaded: HTTP 503: busy, try later (after [0-9] tries)\$" \
  "$work/busy.err"
[ "$(awk -v s="$seconds" 'BEGIN { print (s < 5) }')" = 1 ] && [ "$(count 503)" -le 4 ] &&
  pass "the run stopped after ${seconds} s and $(count 503) requests" ||
  fail "the run took ${seconds} s and $(count 503) requests"

# 403 with an HTML page: the run stops at the first article, quoting
# the page's text, not its first line
start_server --forbid
"$NEWSKG" load -q --gsp "$url" "$SAMPLES" 2>"$work/forbid.err"
expect_status "a 403 answer" 2 $?
expect_grep "a 403 answer: the page's text and a hint" \
  "^newskg: $url: HTTP 403: HTTP Status 403 – Forbidden Message User \"newskg\" may not update this dataset & its graphs; the endpoint does not let this user write; check --credentials FILE" \
  "$work/forbid.err"
[ "$(count 403)" -eq 1 ] && pass "a 403 answer: one request" ||
  fail "a 403 answer: $(count 403) requests"

# credentials: from a private file or the environment, never argv
start_server --auth 'newskg:s3cret pass'
printf 'newskg:s3cret pass\n' >"$work/cred"
chmod 600 "$work/cred"
"$NEWSKG" load -q --gsp "$url" --credentials "$work/cred" "$SAMPLES/belarus-sanctions.txt" 2>"$work/cred.err"
expect_status "credentials from a file" 0 $?
NEWSKG_GSP_USER=newskg NEWSKG_GSP_PASSWORD='s3cret pass' \
  "$NEWSKG" load -q --gsp "$url" "$SAMPLES/belarus-sanctions.txt" 2>>"$work/cred.err"
expect_status "credentials from the environment" 0 $?
[ ! -s "$work/cred.err" ] &&
  pass "credentials over http to 127.0.0.1: no warning" ||
  fail "credentials over http to 127.0.0.1: $(cat "$work/cred.err")"
before=$(count 401)
NEWSKG_GSP_USER=newskg NEWSKG_GSP_PASSWORD=wrong \
  "$NEWSKG" load -q --gsp "$url" "$SAMPLES" 2>"$work/auth.err"
expect_status "wrong credentials" 2 $?
expect_grep "wrong credentials: the 401 is reported, with a hint" \
  "^newskg: $url: HTTP 401: who are you?; the endpoint refused the user and password; check --credentials FILE" \
  "$work/auth.err"
"$NEWSKG" load -q --gsp "$url" "$SAMPLES" 2>"$work/anon.err"
expect_status "no credentials for an endpoint that wants them" 2 $?
expect_grep "no credentials: the hint names --credentials" \
  "HTTP 401: who are you?; the endpoint wants a user and password: give them with --credentials FILE" \
  "$work/anon.err"
# (the first request of the run with a wrong password carries none: curl
# learns from the 401 which authentication the endpoint wants)
[ $(($(count 401) - before)) -eq 3 ] && pass "a 401 answer: the run stops at it" ||
  fail "two runs with a 401 answer: $(($(count 401) - before)) requests answered 401"
chmod 644 "$work/cred"
"$NEWSKG" load -q --gsp "$url" --credentials "$work/cred" "$SAMPLES/belarus-sanctions.txt" 2>"$work/open.err"
expect_status "a credentials file others may read" 2 $?
expect_grep "a readable credentials file is refused" "cred: others than its owner may read it" "$work/open.err"

# credentials in the URL: refused before anything is read or sent, with
# or without -q, and the password is quoted nowhere
for q in "" -q; do
  "$NEWSKG" load $q --gsp "http://newskg:Url-Secret-42@127.0.0.1:9/store" --retries 0 \
    "$SAMPLES/belarus-sanctions.txt" >"$work/userinfo.out" 2>"$work/userinfo.err"
  expect_status "a --gsp URL with user:password@ (${q:-no -q})" 2 $?
  expect_grep "a URL with user:password@ is refused for --credentials (${q:-no -q})" \
    "^newskg: --gsp: the URL holds a user or password .*--credentials FILE" "$work/userinfo.err"
  if grep -q "Url-Secret-42" "$work/userinfo.out" "$work/userinfo.err"; then
    fail "the password of a refused URL is echoed (${q:-no -q})"
  else
    pass "the password of a refused URL is echoed nowhere (${q:-no -q})"
  fi
done
"$NEWSKG" load -q --gsp "http://newskg@127.0.0.1:9/store" --retries 0 \
  "$SAMPLES/belarus-sanctions.txt" 2>"$work/userinfo.err"
expect_status "a --gsp URL with user@" 2 $?
"$NEWSKG" load -q --gsp "http://127.0.0.1:9/x?y=a@b" --retries 0 \
  "$work/no-such-article.txt" 2>"$work/at.err"
expect_status "an @ in the query is no user" 1 $?

# a URL that cannot be one: refused before anything is read or sent
for u in ftp://127.0.0.1:9/store http://127.0.0.1:99999/store 'http://[::1/store'; do
  "$NEWSKG" load -q --gsp "$u" "$SAMPLES/belarus-sanctions.txt" 2>"$work/url.err"
  expect_status "--gsp $u" 2 $?
  expect_grep "--gsp $u is refused" "^newskg: --gsp: not a.* URL" "$work/url.err"
done

# basic authentication over plain http to another machine: one warning,
# even with -q, before the first request.  The input does not exist, so
# no request is made; the proxy would catch one that was.
# warned_for URL: sets $warnings to how many warnings a load with
# credentials to URL gives
warned_for() {
  http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
    HTTPS_PROXY=http://127.0.0.1:9 ALL_PROXY=http://127.0.0.1:9 \
    no_proxy= NO_PROXY= \
    "$NEWSKG" load -q --gsp "$1" --credentials "$work/cred" --retries 0 \
    "$work/no-such-article.txt" 2>"$work/warn.err"
  local status=$?
  grep -q "no-such-article.txt: No such file" "$work/warn.err" && [ "$status" -eq 1 ] ||
    fail "$1: not the missing input that ended the run (exit $status)"
  warnings=$(grep -c "warning: --gsp: credentials sent over plain http to another machine can be read on the way" \
    "$work/warn.err")
}
chmod 600 "$work/cred"
for u in http://192.0.2.1:9/store 192.0.2.1:9/store HTTP://example.invalid:9/store \
  'http://[2001:db8::1]:9/store' http://localhost.example.invalid:9/store; do
  warned_for "$u"
  [ "$warnings" = 1 ] && pass "credentials over http to $u: one warning" ||
    fail "credentials over http to $u: $warnings warnings"
done
for u in http://127.0.0.1:9/store http://127.3.2.1:9/store http://LocalHost:9/store \
  'http://[::1]:9/store' https://192.0.2.1:9/store; do
  warned_for "$u"
  [ "$warnings" = 0 ] && pass "credentials to $u: no warning" ||
    fail "credentials to $u: $warnings warnings"
done
http_proxy=http://127.0.0.1:9 no_proxy= NO_PROXY= \
  "$NEWSKG" load -q --gsp http://192.0.2.1:9/store --retries 0 \
  "$work/no-such-article.txt" 2>"$work/warn.err"
expect_status "no credentials, a missing input" 1 $?
grep -q warning "$work/warn.err" && fail "a warning without credentials" ||
  pass "no credentials, no warning"

# nobody listening: the run stops at the first refused connection, with
# the default retries, in well under 5 s (it took 7.5 s an article)
stop_process server_pid
start=$EPOCHREALTIME
"$NEWSKG" load -q --gsp "$url" "$SAMPLES" 2>"$work/down.err"
expect_status "an endpoint that is not there" 2 $?
seconds=$(since "$start")
[ "$(awk -v s="$seconds" 'BEGIN { print (s < 5) }')" = 1 ] &&
  pass "an endpoint that is not there: exit 2 after $seconds s" ||
  fail "an endpoint that is not there: $seconds s to fail"
expect_grep "an endpoint that is not there is named, with a hint" \
  "^newskg: $url: .*; is the store running, and is the URL's host and port right?\$" \
  "$work/down.err"
[ "$(grep -c "^newskg: $url:" "$work/down.err")" -eq 1 ] &&
  pass "an endpoint that is not there: one message" ||
  fail "an endpoint that is not there: $(grep -c "^newskg: $url:" "$work/down.err") messages"

# usage
"$NEWSKG" load --gsp "$url" --store-name x "$SAMPLES/belarus-sanctions.txt" 2>/dev/null
expect_status "--gsp and --store-name" 2 $?

[ "$failures" -eq 0 ] || exit 1
exit 0
