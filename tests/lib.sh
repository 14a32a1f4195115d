# lib.sh - what the shell tests share; sourced, not run.
#
# Sets top (the source tree), NEWSKG (the program), SAMPLES and NEWSKG_DATA
# (exported) from the environment `make check` gives, else from the source
# tree; needs_tool VAR NAME PACKAGE skips the test (exit 77, automake's
# code) when a tool is missing; start_work NAME checks the program and makes
# $work, removed on exit; fail and pass count and report checks, and
# expect_status, expect_grep, expect_same and valid_rdf make the common ones;
# ends_within waits for a child to end.
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

# needs_node_packages PACKAGE...: node, and each npm PACKAGE installed in
# $NODE_PACKAGES/node_modules (tests/node: npm ci --prefix tests/node)
NODE_PACKAGES=${NODE_PACKAGES:-$top/tests/node}
needs_node_packages() {
  needs_tool NODE node nodejs
  local pkg
  for pkg in "$@"; do
    if [ ! -f "$NODE_PACKAGES/node_modules/$pkg/package.json" ]; then
      echo "$test_name: SKIP: npm package $pkg not in $NODE_PACKAGES/node_modules (npm ci --prefix tests/node --no-audit --no-fund)"
      exit 77
    fi
  done
}

# needs_python_module MODULE PACKAGE: sets PYTHON3 to a python3 that can
# import MODULE ($PYTHON3, else Debian's /usr/bin/python3, which the python3-*
# packages serve when another python3 comes first on the PATH)
needs_python_module() {
  local py
  for py in "${PYTHON3:-python3}" /usr/bin/python3; do
    if "$py" -c "import $1" 2>/dev/null; then
      PYTHON3=$py
      return
    fi
  done
  echo "$test_name: SKIP: python3 module $1 not found (apt-get install $2)"
  exit 77
}

# all_samples: every sample article, samples/*.txt and samples/extra/*.txt
all_samples() {
  local f
  for f in "$SAMPLES"/*.txt "$SAMPLES"/extra/*.txt; do
    if [ -e "$f" ]; then printf '%s\n' "$f"; fi
  done
}

# write_awkward_articles DIR: two made-up articles that stress the output
# in DIR: awkward.txt, with everything a literal must escape (quotes, a
# triple quote, backslashes, tabs, CR LF, non-ASCII beyond the BMP), and
# one-sentence.txt, a sentence without a line end (its span is the text's).
write_awkward_articles() {
  printf 'The "EU" said: """ok""" \\ C:\\path\tand\r\nR\303\251my \360\237\230\200 met Angela Merkel in Berlin.\r\n' \
    >"$1/awkward.txt"
  printf 'Britain imposed sanctions on Belarus.' >"$1/one-sentence.txt"
}

# both_formats FORMAT: newskg -o FORMAT into $work/NAME.FORMAT and -o nquads
# into $work/NAME.nq, NAME each of: every sample (basic and full
# provenance), two awkward articles, the samples as one corpus and a JSON
# Lines record with quotes in its fields; the names written go to the array
# cases, a run that fails is a failure.  Exits 1 when there are no samples.
both_formats() {
  local format=$1 txt name count=0
  cases=()
  both() {
    local name=$1
    shift
    if "$NEWSKG" -q -o "$format" "$@" >"$work/$name.$format" &&
      "$NEWSKG" -q -o nquads "$@" >"$work/$name.nq"; then
      cases+=("$name")
    else
      fail "newskg $*"
    fi
  }
  write_awkward_articles "$work"
  while read -r txt; do
    name=$(basename "$txt" .txt)
    both "$name" "$txt"
    both "$name.full" --provenance=full "$txt"
    count=$((count + 1))
  done < <(all_samples; printf '%s\n' "$work/awkward.txt" "$work/one-sentence.txt")
  if [ "$count" -lt 3 ]; then
    echo "$test_name: no samples in $SAMPLES" >&2
    exit 1
  fi
  both corpus --provenance=full --date 2020-08-26 "$SAMPLES"
  printf '{"id": 7, "url": "https://example.org/news/a?b=1&c=\\"d\\"", "date": "2020-08-26T10:00:00Z", "title": "Sanctions \\"now\\" \\\\ later", "text": "Britain imposed sanctions on Belarus on Tuesday. Russian President Vladimir Putin met Alexander Lukashenko in Sochi in 2019."}\n' \
    >"$work/record.jsonl"
  both record -i jsonl "$work/record.jsonl"
}

start_work() {
  if [ ! -x "$NEWSKG" ]; then
    echo "$test_name: $NEWSKG is not an executable program" >&2
    exit 1
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/newskg-$1.XXXXXX") || exit 1
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
}

# ends_within SECONDS PID: whether PID, a child, ends within SECONDS
ends_within() {
  local tries=0
  while kill -0 "$2" 2>/dev/null; do
    [ $tries -ge $(($1 * 10)) ] && return 1
    sleep 0.1
    tries=$((tries + 1))
  done
}

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() {
  echo "ok: $*"
}

# expect_status WHAT WANT GOT
expect_status() {
  if [ "$3" -eq "$2" ]; then pass "$1 (exit $3)"; else fail "$1: exit $3, wanted $2"; fi
}

# expect_grep WHAT PATTERN FILE
expect_grep() {
  if grep -q -e "$2" "$3"; then pass "$1"; else
    fail "$1: no '$2' in:"
    sed 's/^/    /' "$3" | head -20 >&2
  fi
}

# expect_same WHAT FILE1 FILE2
expect_same() {
  if cmp -s "$2" "$3"; then pass "$1"; else
    fail "$1: $(cmp "$2" "$3" 2>&1)"
  fi
}

# valid_rdf WHAT SYNTAX FILE: rapper ($RAPPER) and serdi ($SERDI) both read
# FILE (SYNTAX: ntriples, nquads or turtle) without a complaint and find
# the same number of statements; the test must have checked both tools
# with needs_tool.
valid_rdf() {
  local tool n_rapper=0 n
  for tool in rapper serdi; do
    if [ $tool = rapper ]; then
      "$RAPPER" -q -i "$2" -o nquads "$3" http://example.org/ >"$work/valid.nq" 2>"$work/valid.err"
    else
      "$SERDI" -q -i "$2" -o nquads "$3" >"$work/valid.nq" 2>"$work/valid.err"
    fi
    if [ $? -ne 0 ] || [ -s "$work/valid.err" ]; then
      fail "$1: $tool cannot read it:"
      head -3 "$work/valid.err" >&2
      return
    fi
    n=$(wc -l <"$work/valid.nq")
    if [ $tool = rapper ]; then
      n_rapper=$n
    elif [ "$n" -ne "$n_rapper" ]; then
      fail "$1: rapper reads $n_rapper statements, serdi $n"
      return
    fi
  done
  pass "$1: valid $2 ($n_rapper statements, rapper and serdi)"
}
