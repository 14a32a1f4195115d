# lib.sh - what the shell tests share; sourced, not run.
#
# Sets top (the source tree), NEWSKG (the program), SAMPLES and NEWSKG_DATA
# (exported) from the environment `make check` gives, else from the source
# tree; needs_tool VAR NAME PACKAGE skips the test (exit 77, automake's
# code) when a tool is missing; start_work NAME checks the program and makes
# $work, removed on exit; fail and pass count and report checks.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
test_name=$(basename "$0")
NEWSKG=${NEWSKG:-$top/src/newskg}
SAMPLES=${SAMPLES:-$top/samples}
NEWSKG_DATA=${NEWSKG_DATA:-$top/data}
export NEWSKG_DATA

# needs_tool VAR NAME PACKAGE: VAR (if unset, NAME on the PATH) must run
needs_tool() {
  local path=${!1:-$(command -v "$2" || true)}
  if [ -z "$path" ] || [ ! -x "$path" ]; then
    echo "$test_name: SKIP: $2 not found (apt-get install $3)"
    exit 77
  fi
  printf -v "$1" '%s' "$path"
}

start_work() {
  if [ ! -x "$NEWSKG" ]; then
    echo "$test_name: $NEWSKG is not an executable program" >&2
    exit 1
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/newskg-$1.XXXXXX") || exit 1
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
}

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() {
  echo "ok: $*"
}
