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
# Environment: NEWSKG (the program; default src/newskg), NEWSKG_DATA,
# SHARED (default ../shared beside the source tree), BENCH_SOURCE,
# BENCH_MB (default 100), BENCH_REPEAT (default 5),
# BENCH_JOBS (N, default the online cores), NLP_CORPUS (default
# node_modules/nlp-corpus of the source tree or the current directory;
# "none" skips it), TMPDIR.  Needs rapper (raptor2-utils), serdi and GNU
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
unset PARALLEL

if [ ! -x "$NEWSKG" ]; then
  echo "bench.sh: $NEWSKG is not an executable program (run make first)" >&2
  exit 2
fi
if [ ! -d "$BENCH_SOURCE" ]; then
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
echo "MB = 10^6 bytes of article text; '/ wc -w' is MB/s over wc's MB/s on the" \
  "same files, '/ rapper' and '/ serdi' triples/s over theirs copying" \
  "newskg's N-Triples (made once more, untimed); every timed newskg run" \
  "writes to /dev/null"
news=$(make_news)
bench "news ($BENCH_SOURCE, copied)" "$news"
nlp=$(make_nlp)
if [ -n "$nlp" ]; then bench "nlp (nlp-corpus sentences)" "$nlp"; fi
