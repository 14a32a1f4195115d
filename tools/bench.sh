#!/usr/bin/env bash
# bench.sh - newskg's throughput against the limits of the machine it runs
# on, from one run of `make bench`.
#
# For each corpus it times, on the same bytes: `wc -w` (how fast a plain
# scan of the text goes), newskg -o ntriples, -o nquads and -o turtle at -j1
# and -jN (N = the cores), and rapper and serdi copying newskg's own
# N-Triples output (how fast an RDF serializer goes), and prints each
# figure beside its baseline's: MB/s of article text against `wc -w`,
# triples/s against rapper and serdi.  Peak RSS comes from GNU time.
# Each figure is the fastest of $BENCH_REPEAT runs (default 5), baselines
# and newskg alike, so that a stray hiccup of the machine moves no ratio;
# RSS is the largest.
#
# Corpora, made afresh in a temporary directory:
#   news  the articles of $BENCH_SOURCE (default $SHARED/corpus: its five
#         articles and the Wikinews ones), copied over and over into one
#         directory tree until it holds $BENCH_MB MB (at least one copy);
#   nlp   the 100,000 sentences of the npm package nlp-corpus, a file per
#         1,000 sentences, from $NLP_CORPUS: a directory of text files, or
#         the package itself (node_modules/nlp-corpus, whose builds/*.json
#         are converted with python3); skipped with a message when absent.
#
# Section memory, the worst article for memory: $BENCH_MEMORY_MB MB
# (default 8, just under --max-article-bytes) of distinct sentences each
# naming four people nobody knows, so that every name is a new entity and
# the article reaches --max-article-mentions; newskg -o nquads on it alone
# at -j1, and on 8 copies of it at -j1 and -jN, with their peak RSS.
#
# Section parse, `newskg parse` (tagger, lemmatiser, dependency parser),
# after the corpora (or alone, with BENCH_PARSE_ONLY=1): on the CoNLL-U of
# $BENCH_PARSE_INPUT (default the UD English EWT test file,
# $SHARED/training/ud-english-ewt/en_ewt-ud-test.conllu), and on a file of
# it $BENCH_PARSE_COPIES times over (default 8: peak RSS should not grow),
# `wc -w` and `newskg parse -q -i conllu` at -j1 and -jN, in seconds,
# words/s (of the whole run, model loading included) and peak RSS, with
# words/s over wc's and over -j1's; newskg's words are the integer-ID rows
# of the CoNLL-U, wc's its own count.  Then `newskg parse -q -j1` on the
# text articles below $BENCH_PARSE_TEXT (default $BENCH_SOURCE), its words
# the rows it writes, beside `wc -w` on them.  Then `newskg parse -q -j1
# -i conllu` on the whole treebank, the CoNLL-U files $BENCH_PARSE_WHOLE
# (default UD English EWT's train, dev and test, 254,818 words) put in one
# file, beside `wc -w` on it: the speed bar's run ("newskg parse -j 1 on
# EWT, whole run"), in which loading the models is a hundredth of the time
# where it is a tenth of the test file's.  Then, from one untimed run at
# -jN, tools/ud-score.py's UPOS, XPOS, LEMMA, UAS and LAS (of the
# $BENCH_PARSE_INPUT run: the test file, never the treebank the models
# learned from), and whether they and the whole treebank's -j1 words/s
# (the 1x input's when there is no whole treebank) meet the bars (UPOS >=
# 0.94, LAS >= 0.82, 150,000 words/s on one core).  Skipped with a message when the input is missing
# or newskg parse cannot parse it (no models); with BENCH_PARSE_ONLY=1 that
# is exit 2.
#
# Environment: NEWSKG (the program; default src/newskg), NEWSKG_DATA (the
# models are its models/), SHARED (default ../shared beside the source
# tree), BENCH_SOURCE, BENCH_MB (default 100), BENCH_REPEAT (default 5),
# BENCH_JOBS (N, default the online cores), BENCH_MEMORY_MB (0 skips the
# memory section), NLP_CORPUS (default
# node_modules/nlp-corpus of the source tree or the current directory;
# "none" skips it), BENCH_PARSE_ONLY (1: the parse section alone),
# BENCH_PARSE_INPUT ("none" skips the parse section), BENCH_PARSE_COPIES,
# BENCH_PARSE_SENTENCES (N > 0: only the first N sentences of the input;
# default 0, all), BENCH_PARSE_TEXT, BENCH_PARSE_WHOLE (blank-separated
# CoNLL-U files; "none" skips the whole-treebank rows), PYTHON3 (for tools/ud-score.py;
# default python3), TMPDIR.  Needs rapper (raptor2-utils), serdi and GNU
# time (time) for their columns; prints "-" where one is missing.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
NEWSKG=${NEWSKG:-$top/src/newskg}
export NEWSKG_DATA=${NEWSKG_DATA:-$top/data}
SHARED=${SHARED:-$top/../shared}
BENCH_SOURCE=${BENCH_SOURCE:-$SHARED/corpus}
BENCH_MB=${BENCH_MB:-100}
BENCH_REPEAT=${BENCH_REPEAT:-5}
BENCH_JOBS=${BENCH_JOBS:-$(nproc)}
RAPPER=${RAPPER:-$(command -v rapper || true)}
SERDI=${SERDI:-$(command -v serdi || true)}
GNU_TIME=$(command -v /usr/bin/time || true)
BENCH_MEMORY_MB=${BENCH_MEMORY_MB:-8}
BENCH_PARSE_ONLY=${BENCH_PARSE_ONLY:-0}
BENCH_PARSE_INPUT=${BENCH_PARSE_INPUT:-$SHARED/training/ud-english-ewt/en_ewt-ud-test.conllu}
BENCH_PARSE_COPIES=${BENCH_PARSE_COPIES:-8}
BENCH_PARSE_SENTENCES=${BENCH_PARSE_SENTENCES:-0}
BENCH_PARSE_TEXT=${BENCH_PARSE_TEXT:-$BENCH_SOURCE}
ewt=$SHARED/training/ud-english-ewt/en_ewt-ud
BENCH_PARSE_WHOLE=${BENCH_PARSE_WHOLE:-$ewt-train.conllu $ewt-dev.conllu $ewt-test.conllu}
PYTHON3=${PYTHON3:-python3}
unset PARALLEL

if [ ! -x "$NEWSKG" ]; then
  echo "bench.sh: $NEWSKG is not an executable program (run make first)" >&2
  exit 2
fi
if [ "$BENCH_PARSE_ONLY" != 1 ] && [ ! -d "$BENCH_SOURCE" ]; then
  echo "bench.sh: no articles in $BENCH_SOURCE (set SHARED or BENCH_SOURCE)" >&2
  exit 2
fi
if [ -n "$GNU_TIME" ] && ! "$GNU_TIME" -f %M true >/dev/null 2>&1; then
  GNU_TIME= # not GNU time
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newskg-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- measuring ------------------------------------------------------------

# timed OUT CMD...: runs CMD BENCH_REPEAT times with stdout to OUT; sets
# secs (the fastest run's) and rss_mb (the largest peak)
timed() {
  local out=$1 start end run best=- rss=-
  shift
  for ((run = 0; run < BENCH_REPEAT; run++)); do
    start=$(date +%s%N)
    if [ -n "$GNU_TIME" ]; then
      "$GNU_TIME" -f %M -o "$tmp/rss" "$@" >"$out"
      rss=$(awk -v m="$rss" '{ r = $1 / 1024; if (m != "-" && m > r) r = m
                               printf "%.0f", r }' "$tmp/rss")
    else
      "$@" >"$out"
    fi
    end=$(date +%s%N)
    best=$(awk -v a="$start" -v b="$end" -v best="$best" 'BEGIN {
      s = (b - a) / 1e9; if (best != "-" && best < s) s = best
      printf "%.3f", s }')
  done
  secs=$best rss_mb=$rss
}

# ratio A B: A / B with three decimals, or - when either is missing
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.3f", a / b }'
}

# per SECS AMOUNT [SCALE DECIMALS]: AMOUNT / SECS / SCALE, or -
per() {
  awk -v s="$1" -v n="$2" -v k="${3:-1}" -v d="${4:-0}" 'BEGIN {
    if (n == "-" || s + 0 == 0) print "-"; else printf "%.*f", d, n / s / k }'
}

row() { # name secs mb/s art/s triples/s rss vs-wc vs-rapper vs-serdi
  printf '%-24s %8s %9s %11s %11s %7s %8s %9s %8s\n' "$@"
}

# bench NAME DIR: the table for the text files below DIR
bench() {
  local name=$1 dir=$2
  find "$dir" -type f -name '*.txt' -print0 | LC_ALL=C sort -z >"$tmp/list"
  local bytes articles
  bytes=$(xargs -0 stat -c %s <"$tmp/list" | awk '{ s += $1 } END { print s }')
  articles=$(tr -cd '\0' <"$tmp/list" | wc -c)
  local mb
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

  # the scan limit
  timed "$tmp/wc.out" xargs -0 -a "$tmp/list" wc -w
  local wc_secs=$secs wc_rate
  wc_rate=$(per "$wc_secs" "$bytes" 1e6 1)

  # newskg, every run writing to /dev/null: what is timed is newskg, not
  # the file system
  local results=()
  local fmt jobs
  for fmt in ntriples nquads turtle; do
    for jobs in 1 "$BENCH_JOBS"; do
      timed /dev/null "$NEWSKG" -q -j "$jobs" -o "$fmt" "$dir"
      results+=("-j$jobs -o $fmt|$secs|$rss_mb")
      if [ "$jobs" = "$BENCH_JOBS" ] && [ "$jobs" = 1 ]; then break; fi
    done
  done
  # its N-Triples, the same at every -j, feed the serializer baselines
  "$NEWSKG" -q -j "$BENCH_JOBS" -o ntriples "$dir" >"$tmp/out.nt"
  local triples
  triples=$(wc -l <"$tmp/out.nt")

  local rapper_secs=- rapper_rss=- rapper_rate=- serdi_secs=- serdi_rss=- serdi_rate=-
  if [ -n "$RAPPER" ]; then
    timed /dev/null "$RAPPER" -q -i ntriples -o ntriples "$tmp/out.nt"
    rapper_secs=$secs rapper_rss=$rss_mb
    rapper_rate=$(per "$secs" "$triples")
  fi
  if [ -n "$SERDI" ]; then
    timed /dev/null "$SERDI" -i ntriples -o ntriples "$tmp/out.nt"
    serdi_secs=$secs serdi_rss=$rss_mb
    serdi_rate=$(per "$secs" "$triples")
  fi

  echo
  echo "corpus $name: $mb MB in $articles articles; $triples triples" \
    "($(awk -v b="$(stat -c %s "$tmp/out.nt")" 'BEGIN { printf "%.1f", b / 1e6 }') MB of N-Triples)"
  row run "s" "MB/s" "articles/s" "triples/s" "RSS MB" "/ wc -w" "/ rapper" "/ serdi"
  row "wc -w" "$wc_secs" "$wc_rate" - - - 1.000 - -
  row "rapper nt -> nt" "$rapper_secs" - - "$rapper_rate" "$rapper_rss" - 1.000 -
  row "serdi nt -> nt" "$serdi_secs" - - "$serdi_rate" "$serdi_rss" - - 1.000
  local r label s rss rate
  for r in "${results[@]}"; do
    IFS='|' read -r label s rss <<<"$r"
    rate=$(per "$s" "$bytes" 1e6 2)
    local tps
    tps=$(per "$s" "$triples")
    row "newskg $label" "$s" "$rate" "$(per "$s" "$articles")" "$tps" "$rss" \
      "$(ratio "$rate" "$wc_rate")" "$(ratio "$tps" "$rapper_rate")" \
      "$(ratio "$tps" "$serdi_rate")"
  done
}

# --- memory -----------------------------------------------------------------

# worst_article MB FILE: MB MB of distinct sentences, each naming four
# made-up people (the same text every run)
worst_article() {
  awk -v bytes=$(($1 * 1000000)) 'BEGIN {
    srand(7)
    while (size < bytes) {
      for (k = 0; k < 4; k++) {
        name[k] = ""
        for (c = 0; c < 2; c++) {
          word = sprintf("%c", 65 + int(rand() * 26))
          for (l = 0; l < 6; l++) word = word sprintf("%c", 97 + int(rand() * 26))
          name[k] = name[k] (c ? " " : "") word
        }
      }
      line = sprintf("President %s of Russia met Minister %s, %s and %s in Minsk.",
                     name[0], name[1], name[2], name[3])
      print line
      size += length(line) + 1
    }
  }' >"$2"
}

# bench_memory: the memory section (see the header)
bench_memory() {
  if [ "$BENCH_MEMORY_MB" = 0 ]; then return; fi
  local dir=$tmp/memory copy
  mkdir -p "$dir/x8"
  worst_article "$BENCH_MEMORY_MB" "$dir/worst.txt"
  for copy in 1 2 3 4 5 6 7 8; do cp "$dir/worst.txt" "$dir/x8/$copy.txt"; done
  echo
  echo "memory: the worst article, $BENCH_MEMORY_MB MB of distinct sentences naming" \
    "four unknown people each (--max-article-mentions reached), -o nquads"
  printf '%-24s %8s %7s\n' run s "RSS MB"
  timed /dev/null "$NEWSKG" -q -j 1 -o nquads "$dir/worst.txt"
  printf '%-24s %8s %7s\n' "one article -j1" "$secs" "$rss_mb"
  for jobs in 1 "$BENCH_JOBS"; do
    timed /dev/null "$NEWSKG" -q -j "$jobs" -o nquads "$dir/x8"
    printf '%-24s %8s %7s\n' "8 articles -j$jobs" "$secs" "$rss_mb"
    if [ "$jobs" = "$BENCH_JOBS" ] && [ "$jobs" = 1 ]; then break; fi
  done
}

# --- parse ------------------------------------------------------------------

# conllu_words FILE: the integer-ID rows of a CoNLL-U file (its words;
# multiword-token ranges, empty nodes and comments not counted)
conllu_words() {
  awk -F'\t' '$1 ~ /^[0-9]+$/ { n++ } END { print n + 0 }' "$1"
}

# bar VALUE MIN: "met" when VALUE >= MIN, else "not met" ("-" unknown)
bar() {
  awk -v v="$1" -v m="$2" 'BEGIN {
    if (v == "-" || v == "") print "-"; else if (v + 0 >= m + 0) print "met"; else print "not met" }'
}

prow() { # name secs mb/s words/s rss vs-wc vs-j1
  printf '%-30s %8s %8s %10s %7s %8s %7s\n' "$@"
}

# parse_skip WHY: the parse section cannot run; a message, and exit 2 when
# it is all that was asked for
parse_skip() {
  if [ "$BENCH_PARSE_ONLY" = 1 ]; then
    echo "bench.sh: $1" >&2
    exit 2
  fi
  echo "bench.sh: $1: section parse skipped" >&2
}

# bench_parse: the parse section (see the header)
bench_parse() {
  if [ "$BENCH_PARSE_INPUT" = none ]; then return; fi
  if [ ! -f "$BENCH_PARSE_INPUT" ]; then
    parse_skip "no CoNLL-U in $BENCH_PARSE_INPUT (set SHARED or BENCH_PARSE_INPUT)"
    return
  fi
  local dir=$tmp/parse
  mkdir -p "$dir"
  local gold=$dir/gold.conllu what
  if [ "$BENCH_PARSE_SENTENCES" -gt 0 ]; then
    # the first N sentences, each a block ending in a blank line
    awk -v n="$BENCH_PARSE_SENTENCES" 'BEGIN { RS = ""; ORS = "\n\n" }
      NR > n { exit } { print }' "$BENCH_PARSE_INPUT" >"$gold"
    what="the first $BENCH_PARSE_SENTENCES sentences of $BENCH_PARSE_INPUT"
  else
    cp "$BENCH_PARSE_INPUT" "$gold"
    what=$BENCH_PARSE_INPUT
  fi
  local copy
  : >"$dir/x$BENCH_PARSE_COPIES.conllu"
  for ((copy = 0; copy < BENCH_PARSE_COPIES; copy++)); do
    cat "$gold" >>"$dir/x$BENCH_PARSE_COPIES.conllu"
  done

  # accuracy, once, at -jN: also the check that the models load
  if ! "$NEWSKG" parse -q -j "$BENCH_JOBS" -i conllu "$gold" \
    >"$dir/system.conllu" 2>"$dir/err"; then
    sed 's/^/  /' "$dir/err" >&2
    parse_skip "newskg parse cannot parse $what (models in $NEWSKG_DATA/models?)"
    return
  fi
  local score=$dir/score
  : >"$score"
  if command -v "$PYTHON3" >/dev/null; then
    "$PYTHON3" "$top/tools/ud-score.py" "$gold" "$dir/system.conllu" >"$score" ||
      echo "bench.sh: tools/ud-score.py failed" >&2
  else
    echo "bench.sh: no python3 for tools/ud-score.py: no accuracy" >&2
  fi

  # speed: every timed run writes to /dev/null
  local results=() scale input jobs
  for scale in 1 "$BENCH_PARSE_COPIES"; do
    if [ "$scale" = 1 ]; then input=$gold; else input=$dir/x$scale.conllu; fi
    timed /dev/null wc -w "$input"
    results+=("wc -w ${scale}x|$input|$secs|-|$(wc -w <"$input")")
    for jobs in 1 "$BENCH_JOBS"; do
      timed /dev/null "$NEWSKG" parse -q -j "$jobs" -i conllu "$input"
      results+=("newskg parse -j$jobs ${scale}x|$input|$secs|$rss_mb|$(conllu_words "$input")")
      if [ "$jobs" = 1 ] && [ "$BENCH_JOBS" = 1 ]; then break; fi
    done
  done
  local text_note=
  if [ -d "$BENCH_PARSE_TEXT" ]; then
    find "$BENCH_PARSE_TEXT" -type f -name '*.txt' -print0 | LC_ALL=C sort -z >"$dir/list"
    local articles
    articles=$(tr -cd '\0' <"$dir/list" | wc -c)
    timed /dev/null xargs -0 -a "$dir/list" wc -w
    results+=("wc -w text|$dir/list|$secs|-|$(xargs -0 -a "$dir/list" cat | wc -w)")
    # the words it writes, from one more, untimed run
    if "$NEWSKG" parse -q -j "$BENCH_JOBS" "$BENCH_PARSE_TEXT" >"$dir/text.conllu"; then
      timed /dev/null "$NEWSKG" parse -q -j 1 "$BENCH_PARSE_TEXT"
      results+=("newskg parse -j1 text|$dir/list|$secs|$rss_mb|$(conllu_words "$dir/text.conllu")")
      text_note="text: $articles articles of $BENCH_PARSE_TEXT"
    else
      echo "bench.sh: newskg parse failed on $BENCH_PARSE_TEXT: no text row" >&2
    fi
  else
    echo "bench.sh: no articles in $BENCH_PARSE_TEXT: no text rows" >&2
  fi
  local whole_note= part
  if [ "$BENCH_PARSE_WHOLE" != none ]; then
    : >"$dir/whole.conllu"
    for part in $BENCH_PARSE_WHOLE; do
      if [ ! -f "$part" ]; then
        echo "bench.sh: no CoNLL-U $part: no whole-treebank rows" >&2
        : >"$dir/whole.conllu"
        break
      fi
      cat "$part" >>"$dir/whole.conllu"
    done
    if [ -s "$dir/whole.conllu" ]; then
      timed /dev/null wc -w "$dir/whole.conllu"
      results+=("wc -w treebank|$dir/whole.conllu|$secs|-|$(wc -w <"$dir/whole.conllu")")
      timed /dev/null "$NEWSKG" parse -q -j 1 -i conllu "$dir/whole.conllu"
      results+=("newskg parse -j1 treebank|$dir/whole.conllu|$secs|$rss_mb|$(conllu_words "$dir/whole.conllu")")
      whole_note="treebank: $BENCH_PARSE_WHOLE in one file"
    fi
  fi

  local words sentences
  words=$(conllu_words "$gold")
  sentences=$(awk 'BEGIN { RS = "" } END { print NR }' "$gold")
  echo
  echo "parse: $what: $words words in $sentences sentences" \
    "($(awk -v b="$(stat -c %s "$gold")" 'BEGIN { printf "%.2f", b / 1e6 }') MB);" \
    "${BENCH_PARSE_COPIES}x = it $BENCH_PARSE_COPIES times over in one file${text_note:+; $text_note}${whole_note:+; $whole_note}"
  echo "words/s: newskg's words are the integer-ID rows of the CoNLL-U (UD" \
    "words; for text, the rows it writes), wc -w's its own count, the" \
    "blank-separated strings of the whole file (for CoNLL-U all ten columns" \
    "and the comments); '/ wc -w' is newskg's words/s over wc -w's on the" \
    "same bytes, '/ -j1' over newskg -j1's on the same input; each run a" \
    "whole one, model loading included"
  prow run s MB/s words/s "RSS MB" "/ wc -w" "/ -j1"
  local r label file s rss n rate wc_rate=- j1_rate=- bytes speed1=- speed8=- whole=-
  for r in "${results[@]}"; do
    IFS='|' read -r label file s rss n <<<"$r"
    if [ "$file" = "$dir/list" ]; then
      bytes=$(xargs -0 stat -c %s <"$file" | awk '{ s += $1 } END { print s + 0 }')
    else
      bytes=$(stat -c %s "$file")
    fi
    rate=$(per "$s" "$n")
    case $label in
      "wc -w"*)
        wc_rate=$rate
        prow "$label" "$s" "$(per "$s" "$bytes" 1e6 1)" "$rate" - 1.000 -
        continue ;;
      *" -j1 "*) j1_rate=$rate ;;
    esac
    case $label in
      "newskg parse -j1 1x") speed1=$rate ;;
      "newskg parse -j1 ${BENCH_PARSE_COPIES}x") speed8=$rate ;;
      "newskg parse -j1 treebank") whole=$rate ;;
    esac
    prow "$label" "$s" "$(per "$s" "$bytes" 1e6 2)" "$rate" "$rss" \
      "$(ratio "$rate" "$wc_rate")" "$(ratio "$rate" "$j1_rate")"
  done

  echo
  echo "accuracy: tools/ud-score.py on newskg parse -i conllu -j$BENCH_JOBS of $what" \
    "(every word, punctuation included; LAS on the universal DEPREL)"
  local metric value
  for metric in UPOS XPOS LEMMA UAS LAS; do
    value=$(awk -v m="$metric" '$1 == m { print $2 }' "$score")
    case $metric in
      UPOS) printf '%-6s %8s   bar >= 0.94   %s\n' "$metric" "${value:--}" "$(bar "${value:--}" 0.94)" ;;
      LAS) printf '%-6s %8s   bar >= 0.82   %s\n' "$metric" "${value:--}" "$(bar "${value:--}" 0.82)" ;;
      *) printf '%-6s %8s\n' "$metric" "${value:--}" ;;
    esac
  done
  local speed=$whole on="the whole treebank"
  if [ "$whole" = - ]; then speed=$speed1 on="the 1x input"; fi
  printf 'speed  %8s   bar >= 150000 words/s, -j1 on %s (1x: %s, %sx: %s)   %s\n' \
    "$speed" "$on" "$speed1" "$BENCH_PARSE_COPIES" "$speed8" "$(bar "$speed" 150000)"
}

# --- corpora ----------------------------------------------------------------

# news: the articles of BENCH_SOURCE copied until there are BENCH_MB MB
make_news() {
  local dir=$tmp/news copy=0
  mkdir -p "$dir"
  local want
  want=$(awk -v m="$BENCH_MB" 'BEGIN { printf "%.0f", m * 1e6 }')
  local have=0 one
  one=$(find "$BENCH_SOURCE" -name '*.txt' -print0 | xargs -0 cat | wc -c)
  while [ "$have" -lt "$want" ] || [ "$copy" -eq 0 ]; do
    copy=$((copy + 1))
    local to
    to=$(printf '%s/copy-%04d' "$dir" "$copy")
    mkdir -p "$to"
    cp -R "$BENCH_SOURCE/." "$to" # what is no *.txt is not read
    have=$((have + one))
  done
  echo "$dir"
}

# nlp: a directory of text files of nlp-corpus sentences, or nothing
make_nlp() {
  local src=${NLP_CORPUS:-}
  if [ "$src" = none ]; then return; fi
  if [ -z "$src" ]; then
    for d in "$top/node_modules/nlp-corpus" "$PWD/node_modules/nlp-corpus"; do
      if [ -d "$d" ]; then src=$d; break; fi
    done
  fi
  if [ -z "$src" ] || [ ! -d "$src" ]; then
    echo "bench.sh: no nlp-corpus (set NLP_CORPUS, or npm install nlp-corpus): corpus nlp skipped" >&2
    return
  fi
  local dir=$tmp/nlp
  mkdir -p "$dir"
  if [ -d "$src/builds" ]; then
    if ! command -v python3 >/dev/null; then
      echo "bench.sh: nlp-corpus needs python3 to convert: corpus nlp skipped" >&2
      return
    fi
    python3 - "$src/builds" "$dir" <<'EOF'
import json, pathlib, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in sorted(src.glob("doc-*.json"), key=lambda p: int(p.stem[4:])):
    sentences = json.loads(f.read_text(encoding="utf-8"))
    (dst / (f.stem + ".txt")).write_text("\n".join(sentences) + "\n", encoding="utf-8")
EOF
  else
    local f n=0
    while IFS= read -r -d '' f; do
      n=$((n + 1))
      cp "$f" "$(printf '%s/part-%04d.txt' "$dir" "$n")"
    done < <(find "$src" -maxdepth 1 -type f -print0 | LC_ALL=C sort -z)
  fi
  echo "$dir"
}

echo "newskg bench: $("$NEWSKG" --version), $(nproc) cores, -jN = -j$BENCH_JOBS;" \
  "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)"
if [ "$BENCH_PARSE_ONLY" != 1 ]; then
  echo "MB = 10^6 bytes of article text; '/ wc -w' is MB/s over wc's MB/s on the" \
    "same files, '/ rapper' and '/ serdi' triples/s over theirs copying" \
    "newskg's N-Triples (made once more, untimed); every timed newskg run" \
    "writes to /dev/null"
  news=$(make_news)
  bench "news ($BENCH_SOURCE, copied)" "$news"
  nlp=$(make_nlp)
  if [ -n "$nlp" ]; then bench "nlp (nlp-corpus sentences)" "$nlp"; fi
  bench_memory
fi
bench_parse
