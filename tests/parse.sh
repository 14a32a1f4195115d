#!/usr/bin/env bash
# parse.sh - `newskg parse`: text and CoNLL-U in, valid CoNLL-U out (ten
# columns, IDs 1..n, one root, a tree); -i conllu keeps every FORM, MISC,
# comment and multiword token of its input and drops the empty nodes; the
# same bytes for -j1, -j2 and -j3; malformed CoNLL-U, missing and
# truncated models (each of them) are exit 2 with the file named, and
# leave -O FILE
# untouched; an unreadable input is exit 1 after the others.
#
# The models are $NEWSKG_DATA/models; when it has none yet (they are made
# by `newskg train`), small ones are trained here from UD English EWT in
# $SHARED (a few seconds), else the test is skipped.  The EWT dev file, when
# $SHARED has it, is read too, besides the small treebank written here.
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA, SHARED
# (else SHARED_DIR, else ../shared beside the source tree), PYTHON3.
# Exit status as automake expects: 0 pass, 77 skip, 1 fail.
. "$(dirname "$0")/lib.sh"
needs_tool PYTHON3 python3 python3
start_work parse
SHARED=${SHARED:-${SHARED_DIR:-$top/../shared}}
ewt=$SHARED/training/ud-english-ewt
sample=$SAMPLES/belarus-sanctions.txt

# --- a CoNLL-U checker ---------------------------------------------------------

# check.py valid FILE: every block is CoNLL-U with ten columns, integer IDs
# 1..n, multiword ranges inside them, no empty node, FEATS and DEPS "_",
# exactly one root (HEAD 0, DEPREL root) and heads that make a tree.
# check.py kept IN OUT: OUT has IN's blocks, each with IN's lines but its
# empty nodes: comments and multiword tokens the same, words the same ID,
# FORM and MISC.  Prints what is wrong and exits 1.
cat >"$work/check.py" <<'EOF'
import sys

def blocks(path):
    block = []
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line:
                block.append((number, line))
            elif block:
                yield block
                block = []
    if block:
        yield block

def is_empty_node(line):
    return not line.startswith("#") and "." in line.split("\t", 1)[0]

def valid(path):
    count = 0
    for block in blocks(path):
        count += 1
        words, ranges = [], []
        for number, line in block:
            if line.startswith("#"):
                continue
            where = "%s:%d" % (path, number)
            cols = line.split("\t")
            if len(cols) != 10:
                return "%s: %d columns" % (where, len(cols))
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                ranges.append((int(a), int(b), where))
                continue
            if "." in cols[0]:
                return "%s: an empty node" % where
            if cols[0] != str(len(words) + 1):
                return "%s: ID %s after %d words" % (where, cols[0], len(words))
            if cols[5] != "_" or cols[8] != "_":
                return "%s: FEATS or DEPS is not _" % where
            if "" in cols:
                return "%s: an empty column" % where
            words.append((where, cols))
        n = len(words)
        if n == 0:
            return "%s:%d: a block without words" % (path, block[0][0])
        for a, b, where in ranges:
            if not 1 <= a < b <= n:
                return "%s: range %d-%d out of 1..%d" % (where, a, b, n)
        heads = []
        for where, cols in words:
            if not cols[6].isdigit() or int(cols[6]) > n:
                return "%s: HEAD %s out of 0..%d" % (where, cols[6], n)
            heads.append(int(cols[6]))
            if (heads[-1] == 0) != (cols[7] == "root"):
                return "%s: HEAD %s with DEPREL %s" % (where, cols[6], cols[7])
        if heads.count(0) != 1:
            return "%s:%d: %d roots" % (path, block[0][0], heads.count(0))
        for i in range(1, n + 1):
            seen, at = set(), i
            while at != 0:
                if at in seen:
                    return "%s: a cycle through word %d" % (words[i - 1][0], i)
                seen.add(at)
                at = heads[at - 1]
    return None if count else "%s: no sentences" % path

def kept(inp, out):
    a, b = list(blocks(inp)), list(blocks(out))
    if len(a) != len(b):
        return "%d sentences in, %d out" % (len(a), len(b))
    for x, y in zip(a, b):
        x = [line for _, line in x if not is_empty_node(line)]
        if len(x) != len(y):
            return "%s:%d: %d lines, %d in" % (out, y[0][0], len(y), len(x))
        for line, (number, got) in zip(x, y):
            if line.startswith("#") or "-" in line.split("\t", 1)[0]:
                same = line == got
            else:
                c, d = line.split("\t"), got.split("\t")
                same = (c[0], c[1], c[9]) == (d[0], d[1], d[9])
            if not same:
                return "%s:%d: %r for %r" % (out, number, got, line)
    return None

if __name__ == "__main__":
    wrong = valid(sys.argv[2]) if sys.argv[1] == "valid" else \
        kept(sys.argv[2], sys.argv[3])
    if wrong:
        print(wrong)
        sys.exit(1)
EOF

# expect_check WHAT ARGS...: check.py ARGS... finds nothing wrong
expect_check() {
  local what=$1 out
  shift
  if out=$("$PYTHON3" "$work/check.py" "$@" 2>&1); then pass "$what"; else
    fail "$what: $out"
  fi
}

# --- help and usage -------------------------------------------------------------

"$NEWSKG" parse --help >"$work/out" 2>&1
expect_status "parse --help" 0 $?
expect_grep "parse --help has a usage line" "^Usage: newskg parse " "$work/out"
"$NEWSKG" --help >"$work/out" 2>&1
expect_grep "newskg --help names parse" "^       newskg parse " "$work/out"
"$NEWSKG" parse -i xml "$sample" >/dev/null 2>"$work/err"
expect_status "parse -i xml" 2 $?
expect_grep "the unknown input format is named" "unknown input format 'xml'" "$work/err"
"$NEWSKG" parse >/dev/null 2>"$work/err"
expect_status "parse without input" 2 $?
"$NEWSKG" parse --gazetteer x "$sample" >/dev/null 2>"$work/err"
expect_status "parse with an option of extraction only" 2 $?

# --- models ---------------------------------------------------------------------

"$NEWSKG" parse --models "$work/no-models" "$sample" >"$work/out" 2>"$work/err"
expect_status "a missing models directory" 2 $?
expect_grep "a missing model is named" "^newskg: $work/no-models/[a-z]*\.model: " "$work/err"

models=$NEWSKG_DATA/models
if [ ! -f "$models/parser.model" ]; then
  models=$work/trained
  mkdir "$models"
  if [ -f "$ewt/en_ewt-ud-train.conllu" ] &&
    "$NEWSKG" train -q --limit 600 --clusters 16 --tagger-epochs 2 \
      --parser-epochs 2 --folds 2 "$ewt/en_ewt-ud-train.conllu" "$models" \
      >"$work/err" 2>&1; then
    echo "note: no models in $NEWSKG_DATA/models: small ones trained in $models"
  else
    echo "parse.sh: SKIP: no models in $NEWSKG_DATA/models, and none could be trained from $ewt"
    cat "$work/err"
    exit 77
  fi
fi

for f in $(cd "$models" && ls -- *.model | sed 's/\.model$//'); do
  rm -rf "$work/m" && mkdir -p "$work/m/models" && cp "$models"/*.model "$work/m/models/"
  rm "$work/m/models/$f.model"
  "$NEWSKG" parse -q --models "$work/m/models" "$sample" >/dev/null 2>"$work/err"
  expect_status "no $f.model" 2 $?
  expect_grep "no $f.model: it is named" "^newskg: $work/m/models/$f.model: " "$work/err"
  cp "$models/$f.model" "$work/m/models/"
  size=$(wc -c <"$work/m/models/$f.model")
  truncate -s $((size / 2)) "$work/m/models/$f.model"
  echo "left alone" >"$work/keep.conllu"
  "$NEWSKG" parse -q -d "$work/m" -i conllu -O "$work/keep.conllu" - \
    </dev/null >/dev/null 2>"$work/err"
  expect_status "-d DIR: a truncated $f.model" 2 $?
  expect_grep "a truncated $f.model is named" "^newskg: $work/m/models/$f.model: " "$work/err"
  expect_grep "a truncated $f.model leaves -O FILE untouched" "^left alone$" "$work/keep.conllu"
done

parse() {
  "$NEWSKG" parse -q --models "$models" "$@"
}

# --- text -----------------------------------------------------------------------

parse "$SAMPLES" >"$work/samples.conllu" 2>"$work/err"
expect_status "parse samples/" 0 $?
if [ -s "$work/err" ]; then fail "-q: stderr is not empty"; else pass "-q is quiet"; fi
expect_check "text gives valid CoNLL-U" valid "$work/samples.conllu"
if "$PYTHON3" "$top/tools/ud-score.py" "$work/samples.conllu" "$work/samples.conllu" >"$work/out" 2>&1; then
  pass "ud-score.py reads it"
else
  fail "ud-score.py cannot read it: $(cat "$work/out")"
fi
expect_grep "a text sentence has a sent_id" "^# sent_id = belarus-sanctions.txt#1$" "$work/samples.conllu"
expect_grep "a file is a newdoc" "^# newdoc id = $SAMPLES/belarus-sanctions.txt$" "$work/samples.conllu"
expect_grep "a paragraph is a newpar" "^# newpar$" "$work/samples.conllu"
expect_grep "a sentence has its text" "^# text = " "$work/samples.conllu"
expect_grep "a clitic is a multiword token" "^[0-9]*-[0-9]*	" "$work/samples.conllu"
docs=$(grep -c "^# newdoc id = " "$work/samples.conllu")
files=$(find "$SAMPLES" -name '*.txt' ! -name '.*' | wc -l)
if [ "$docs" -eq "$files" ]; then pass "one newdoc a file ($files)"; else
  fail "$docs newdocs for $files files"
fi

for j in 1 2 3; do
  parse -j $j "$SAMPLES" >"$work/samples-j$j.conllu"
  expect_same "text: -j$j gives the same bytes" "$work/samples.conllu" "$work/samples-j$j.conllu"
done

parse - <"$sample" >"$work/stdin.conllu"
expect_status "text on standard input" 0 $?
expect_grep "standard input's sent_id" "^# sent_id = stdin#1$" "$work/stdin.conllu"
parse "$sample" >"$work/one.conllu"
sed 's/^# sent_id = belarus-sanctions.txt#/# sent_id = stdin#/; s/^# newdoc id = .*/# newdoc id = stdin/' \
  "$work/one.conllu" >"$work/one-as-stdin.conllu"
expect_same "standard input is parsed as the file is" "$work/one-as-stdin.conllu" "$work/stdin.conllu"

parse -O "$work/o/out.conllu" "$sample" >"$work/out" 2>&1
expect_status "-O into a missing directory" 2 $?
mkdir "$work/o"
parse -O "$work/o/out.conllu" "$sample" >"$work/out" 2>&1
expect_status "-O FILE" 0 $?
expect_same "-O FILE holds what stdout gets" "$work/one.conllu" "$work/o/out.conllu"
if [ -s "$work/out" ]; then fail "-O wrote to stdout"; else pass "-O keeps stdout empty"; fi
if [ "$(ls -A "$work/o")" = out.conllu ]; then pass "-O leaves only the file"; else
  fail "-O left: $(ls -A "$work/o" | tr '\n' ' ')"
fi

parse "$work/no-such.txt" "$sample" >"$work/out" 2>"$work/err"
expect_status "a missing text file among good ones" 1 $?
expect_grep "the missing file is named" "^newskg: $work/no-such.txt: " "$work/err"
expect_same "the good file is still parsed" "$work/one.conllu" "$work/out"

"$NEWSKG" parse --models "$models" "$sample" >/dev/null 2>"$work/err"
expect_grep "without -q, a summary" "^newskg: parsed [0-9]* sentences, [0-9]* words of 1 file in " "$work/err"

# --- CoNLL-U --------------------------------------------------------------------

# A small treebank: a comment of each kind, multiword tokens, an empty
# node, SpaceAfter=No and another MISC, a last sentence without its blank
# line.
printf '%s\n' \
  '# newdoc id = made-up' \
  '# sent_id = made-up-1' \
  "# text = They're in Minsk, aren't they?" \
  "1-2	They're	_	_	_	_	_	_	_	_" \
  '1	They	they	PRON	PRP	Case=Nom	3	nsubj	3:nsubj	_' \
  "2	're	be	AUX	VBP	Mood=Ind	3	cop	3:cop	_" \
  '3	in	in	ADP	IN	_	4	case	4:case	_' \
  '4	Minsk	Minsk	PROPN	NNP	Number=Sing	0	root	0:root	SpaceAfter=No' \
  '5	,	,	PUNCT	,	_	4	punct	4:punct	_' \
  "6-7	aren't	_	_	_	_	_	_	_	_" \
  '6	are	be	AUX	VBP	_	4	parataxis	4:parataxis	_' \
  "7	n't	not	PART	RB	_	6	advmod	6:advmod	_" \
  '8	they	they	PRON	PRP	_	6	nsubj	6:nsubj	SpaceAfter=No' \
  '9	?	?	PUNCT	.	_	4	punct	4:punct	_' \
  '' \
  '# sent_id = made-up-2' \
  '# text = Minsk sent troops and Moscow tanks.' \
  '1	Minsk	Minsk	PROPN	NNP	_	2	nsubj	2:nsubj	_' \
  '2	sent	send	VERB	VBD	_	0	root	0:root	_' \
  '3	troops	troop	NOUN	NNS	_	2	obj	2:obj	_' \
  '4	and	and	CCONJ	CC	_	6	cc	6:cc	_' \
  '5	Moscow	Moscow	PROPN	NNP	_	2	nsubj	5.1:nsubj	_' \
  '5.1	sent	send	VERB	VBD	_	_	_	2:conj	CopyOf=2' \
  '6	tanks	tank	NOUN	NNS	_	3	conj	5.1:obj	SpaceAfter=No|Note=x' \
  '7	.	.	PUNCT	.	_	2	punct	2:punct	_' >"$work/made-up.conllu"
{ cat "$work/made-up.conllu"; echo; cat "$work/made-up.conllu"; } |
  head -c -1 >"$work/twice.conllu"

treebanks=("$work/made-up.conllu" "$work/twice.conllu")
if [ -f "$ewt/en_ewt-ud-dev.conllu" ]; then
  treebanks+=("$ewt/en_ewt-ud-dev.conllu")
else
  echo "note: no $ewt/en_ewt-ud-dev.conllu: the made-up treebank only"
fi
for tb in "${treebanks[@]}"; do
  name=$(basename "$tb")
  parse -i conllu "$tb" >"$work/$name.out" 2>"$work/err"
  expect_status "-i conllu $name" 0 $?
  expect_check "-i conllu $name: valid CoNLL-U" valid "$work/$name.out"
  expect_check "-i conllu $name: forms, MISC, comments, multiword tokens kept" \
    kept "$tb" "$work/$name.out"
  for j in 1 2 3; do
    parse -i conllu -j $j "$tb" >"$work/$name-j$j.out"
    expect_same "-i conllu $name: -j$j gives the same bytes" "$work/$name.out" "$work/$name-j$j.out"
  done
done
if grep -q "^5\.1	" "$work/made-up.conllu.out"; then fail "an empty node is kept"; else
  pass "empty nodes are dropped"
fi

mkdir -p "$work/tb/sub"
cp "$work/made-up.conllu" "$work/tb/b.conllu"
cp "$work/twice.conllu" "$work/tb/sub/a.conllu"
cp "$sample" "$work/tb/c.txt"
parse -i conllu "$work/tb" >"$work/dir.out"
cat "$work/made-up.conllu.out" "$work/twice.conllu.out" >"$work/dir.want"
expect_same "-i conllu DIR: every *.conllu below it, in order" "$work/dir.want" "$work/dir.out"

parse -i conllu - <"$work/made-up.conllu" >"$work/out"
expect_same "-i conllu on standard input" "$work/made-up.conllu.out" "$work/out"

# malformed: a word of nine columns at line 6 of the second file
sed '6s/	_$//' "$work/made-up.conllu" >"$work/bad.conllu"
echo "left alone" >"$work/keep.conllu"
for j in 1 3; do
  parse -j $j -i conllu -O "$work/keep.conllu" "$work/made-up.conllu" "$work/bad.conllu" \
    >"$work/out" 2>"$work/err"
  expect_status "-j$j: malformed CoNLL-U" 2 $?
  expect_grep "-j$j: malformed CoNLL-U: FILE:LINE named" "^newskg: $work/bad.conllu:6: " "$work/err"
  expect_grep "-j$j: malformed CoNLL-U leaves -O FILE untouched" "^left alone$" "$work/keep.conllu"
done
if [ "$(ls -A "$work" | grep -c '^\.keep\.conllu')" -eq 0 ]; then
  pass "no temporary file is left"
else
  fail "temporary files left: $(ls -A "$work" | grep '^\.keep')"
fi

parse -i conllu "$work/no-such.conllu" "$work/made-up.conllu" >"$work/out" 2>"$work/err"
expect_status "a missing CoNLL-U file among good ones" 1 $?
expect_grep "the missing CoNLL-U file is named" "^newskg: $work/no-such.conllu: " "$work/err"
expect_same "the good CoNLL-U file is still parsed" "$work/made-up.conllu.out" "$work/out"

echo "parse.sh: $failures failure(s)"
[ "$failures" -eq 0 ]
