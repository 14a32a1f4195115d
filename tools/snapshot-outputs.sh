#!/bin/bash
# snapshot-outputs.sh NEWSKG DIR - writes newskg's output on ordinary news
# into DIR, one file per corpus, so that two builds can be compared with
# `diff -r`: the caps of newskg's limits (doc/user-guide.md, "Hostile input and limits") must never
# change what ordinary articles give.
#
#   tools/snapshot-outputs.sh /tmp/old/src/newskg /tmp/before
#   tools/snapshot-outputs.sh src/newskg /tmp/after
#   diff -r /tmp/before /tmp/after && echo byte-identical
#
# Corpora: samples/ (Turtle, N-Triples, --provenance full), and, when they
# exist, ../shared/corpus (with its wikinews/) and $NLP_SPLIT (default
# /tmp/nlpsplit, the nlp-corpus split into files), each as one N-Quads run.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 NEWSKG DIR" >&2
  exit 2
fi
newskg=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
nlp=${NLP_SPLIT:-/tmp/nlpsplit}
export NEWSKG_DATA=${NEWSKG_DATA:-$top/data}
mkdir -p "$out"

"$newskg" -q -j 2 -o nquads "$top"/samples/*.txt "$top"/samples/extra \
  > "$out/samples.nq"
"$newskg" -q -j 2 -o nquads --provenance full --date 2020-08-26 \
  "$top"/samples/*.txt > "$out/samples-full.nq"
for f in "$top"/samples/*.txt; do
  "$newskg" -q "$f" > "$out/$(basename "$f" .txt).ttl"
done
if [ -d "$shared/corpus" ]; then
  "$newskg" -q -j 2 -o nquads "$shared/corpus" > "$out/shared-corpus.nq"
fi
if [ -d "$nlp" ]; then
  "$newskg" -q -j 2 -o nquads "$nlp"/* > "$out/nlp-split.nq"
fi
ls "$out" | wc -l | sed 's/$/ outputs/'
