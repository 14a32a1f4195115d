#!/bin/bash
# readme.sh - README.md stays a front page and the documentation stays true.
#
# README.md is under 250 lines and links every doc/*.md; every relative
# link of README.md and doc/*.md names a file that exists and, with a
# #fragment, a heading of that file (GitHub's anchors: lower case, spaces
# made hyphens, punctuation dropped); every line of each ```turtle example
# that follows "From `src/newskg ARGS`" is a line newskg prints for ARGS,
# under the same subject (an excerpt may end a line with " ." where the full
# output goes on with " ;"); every guide is listed in Makefile.am; and the
# README's SPARQL question, asked of the N-Quads of samples/, gives the
# answer the README shows.
. "$(dirname "$0")/lib.sh"

start_work readme
readme=$top/README.md
docs=("$top"/doc/*.md)

# --- the front page ----------------------------------------------------------

lines=$(wc -l <"$readme")
if [ "$lines" -lt 250 ]; then
  pass "README.md has $lines lines"
else
  fail "README.md has $lines lines; the front page must stay under 250 (move the rest to doc/)"
fi

for f in "${docs[@]}"; do
  name=doc/$(basename "$f")
  if grep -q "]($name\\(#[^)]*\\)\\?)" "$readme"; then
    pass "README.md links $name"
  else
    fail "README.md does not link $name"
  fi
done

# each guide ships and installs with the front page
for f in "${docs[@]}"; do
  name=doc/$(basename "$f")
  if grep -q "^[[:space:]]*$name\( \\\\\)\?\$" "$top/Makefile.am"; then
    pass "Makefile.am lists $name"
  else
    fail "Makefile.am does not list $name (nobase_dist_doc_DATA)"
  fi
done

# --- links -------------------------------------------------------------------

# anchors FILE: the GitHub anchor of each of FILE's headings, one a line
anchors() {
  awk '/^```/ { code = !code; next }
       !code && /^#+ / {
         sub(/^#+ /, ""); s = tolower($0)
         gsub(/[^a-z0-9 _-]/, "", s); gsub(/ /, "-", s); print s
       }' "$1"
}

# links FILE: the target of each Markdown link of FILE outside code blocks
# and code spans, one a line
links() {
  awk '/^```/ { code = !code; next }
       !code {
         line = $0; gsub(/`[^`]*`/, "", line)
         while (match(line, /\]\([^) ]+\)/)) {
           print substr(line, RSTART + 2, RLENGTH - 3)
           line = substr(line, RSTART + RLENGTH)
         }
       }' "$1"
}

checked=0
for f in "$readme" "${docs[@]}"; do
  rel=${f#"$top"/}
  dir=$(dirname "$f")
  while IFS= read -r target; do
    case $target in
      http://* | https://* | mailto:*) continue ;;
    esac
    path=${target%%#*}
    anchor=
    case $target in *'#'*) anchor=${target#*#} ;; esac
    if [ -z "$path" ]; then file=$f; else file=$dir/$path; fi
    checked=$((checked + 1))
    if [ ! -e "$file" ]; then
      fail "$rel: link to $target: no such file"
    elif [ -n "$anchor" ] && ! anchors "$file" | grep -qxF -- "$anchor"; then
      fail "$rel: link to $target: no heading with that anchor"
    fi
  done < <(links "$f")
done
pass "$checked relative links checked"

# --- the example output --------------------------------------------------------

# examples FILE: each ```turtle block after a "From `src/newskg ARGS`" line,
# as "ARGS" on a line of its own, then the block's lines each prefixed "> ",
# "--" between its subjects (blank lines)
examples() {
  awk 'match($0, /From `src\/newskg [^`]*`/) {
         args = substr($0, RSTART + 17, RLENGTH - 18)
       }
       /^```turtle/ && args != "" { print "ARGS " args; inside = 1; next }
       inside && /^```/ { inside = 0; args = ""; next }
       inside && NF { print "> " $0; next }
       inside { print "--" }' "$1"
}

# a line without the " ;", " ," or " ." that ends it
strip_end() { sed -e 's/ [;,.]$//'; }

# subject LINE: the block of $work/real (blank-line separated) whose first
# line is LINE
subject() {
  awk -v s="$1" 'BEGIN { RS = "" } { split($0, l, "\n") } l[1] == s' "$work/real"
}

blocks=0
for f in "$readme" "${docs[@]}"; do
  rel=${f#"$top"/}
  examples "$f" >"$work/examples"
  [ -s "$work/examples" ] || continue
  first=
  while IFS= read -r line; do
    case $line in
      'ARGS '*)
        blocks=$((blocks + 1))
        first=
        read -r -a args <<<"${line#ARGS }"
        args=("${args[@]/#samples\//$SAMPLES/}")
        if ! "$NEWSKG" -q "${args[@]}" 2>"$work/err" >"$work/real"; then
          fail "$rel: newskg ${line#ARGS } failed: $(head -3 "$work/err")"
        fi
        ;;
      --) first= ;;
      '> '*)
        if [ -z "$first" ]; then
          first=${line#> }
          subject "$first" | strip_end >"$work/subject"
          if [ ! -s "$work/subject" ]; then
            fail "$rel: newskg prints no subject $first"
          fi
          continue
        fi
        want=$(printf '%s\n' "${line#> }" | strip_end)
        if ! grep -qxF -- "$want" "$work/subject"; then
          fail "$rel: newskg does not print, for $first, the example's line: $want"
        fi
        ;;
    esac
  done <"$work/examples"
done
if [ "$blocks" -gt 0 ]; then
  pass "$blocks Turtle examples are what newskg prints"
else
  fail "no Turtle example after a \"From \`src/newskg ARGS\`\" line"
fi

# --- the SPARQL question -------------------------------------------------------

# the README's block under "## A question in SPARQL": the query between the
# quotes of `newskg query ... '`, then the answer it shows
awk '/^## A question in SPARQL/ { on = 1; next }
     on && /^## / { exit }
     on && /^```/ { if (block) exit; block = 1; next }
     block { print }' "$readme" >"$work/sparql"
awk '/newskg query .*'"'"'$/ { q = 1; next }
     q && /'"'"'$/ { sub(/'"'"'$/, ""); print; exit }
     q { print }' "$work/sparql" >"$work/query.rq"
awk 'done { print; next }
     /newskg query .*'"'"'$/ { q = 1; next }
     q && /'"'"'$/ { done = 1 }' "$work/sparql" >"$work/answer"
if [ ! -s "$work/query.rq" ] || [ ! -s "$work/answer" ]; then
  fail "README.md: no query and answer under \"## A question in SPARQL\""
elif ! "$NEWSKG" -q -o nquads -O "$work/samples.nq" "$SAMPLES" 2>"$work/err"; then
  fail "newskg on $SAMPLES failed: $(head -3 "$work/err")"
elif ! "$NEWSKG" query --data "$work/samples.nq" "$(cat "$work/query.rq")" \
    >"$work/got" 2>"$work/err"; then
  fail "README.md's query fails: $(head -3 "$work/err")"
elif cmp -s "$work/answer" "$work/got"; then
  pass "README.md's SPARQL question gives the answer it shows"
else
  fail "README.md's SPARQL question answers otherwise:"
  diff "$work/answer" "$work/got" | head -20 >&2
fi

echo "readme.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
