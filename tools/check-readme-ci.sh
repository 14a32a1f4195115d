#!/usr/bin/env bash
# check-readme-ci.sh - the README's quick start and .ci/run must run the same
# two command lines.  Compares the code block under "## Quick start" in
# README.md with the lines between the BEGIN/END markers in .ci/run.
set -euo pipefail
top=${NEWSKG_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}

readme=$(awk '
  /^## Quick start/ { inside = 1; next }
  inside && /^## /  { exit }
  inside && /^```/  { if (block) exit; block = 1; next }
  block             { print }
' "$top/README.md")
ci=$(awk '
  /^# BEGIN README quick start/ { on = 1; next }
  /^# END README quick start/   { on = 0 }
  on                            { print }
' "$top/.ci/run")

if [ "$(printf '%s\n' "$readme" | grep -c .)" -ne 2 ]; then
  echo "README.md: the quick start must be exactly two command lines, found:" >&2
  printf '%s\n' "$readme" >&2
  exit 1
fi
if [ "$readme" != "$ci" ]; then
  echo "README.md quick start and .ci/run differ:" >&2
  diff -u <(printf '%s\n' "$readme") <(printf '%s\n' "$ci") \
    --label README.md --label .ci/run >&2 || true
  exit 1
fi
echo "README.md quick start = .ci/run"
