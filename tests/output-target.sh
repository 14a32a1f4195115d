#!/usr/bin/env bash
# output-target.sh - what -O FILE does with what is at FILE already, and
# with the temporary files of runs that were killed.
#
# A FIFO or character device is written through and stays what it is
# (/dev/null stays a device); a symbolic link is followed, the file it
# leads to replaced and the link kept, and a link to nothing refused; an
# existing file keeps its permission bits (and, run as root, its owner and
# group); --resume refuses a FIFO.  A temporary file that a run killed with
# SIGKILL left is removed, with a message, by the next run onto the same
# FILE, while the temporary file of a run still going is not.
# (tests/cli.sh and tests/output.sh check -O's failures and atomicity.)
#
# Environment (set by `make check`): NEWSKG, SAMPLES, NEWSKG_DATA.  Exit
# status as automake expects: 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
start_work output-target
sample=$SAMPLES/belarus-sanctions.txt
umask 022
"$NEWSKG" -q -o ntriples "$sample" >"$work/want.nt"

# expect_files WHAT DIR NAMES: DIR holds exactly NAMES (sorted, hidden ones
# too), so no temporary file was left
expect_files() {
  local got
  got=$(ls -A "$2" | tr '\n' ' ')
  if [ "$got" = "$3 " ]; then pass "$1"; else fail "$1: $2 holds $got"; fi
}

# --- FIFOs and devices are written through ---------------------------------

"$NEWSKG" -q -o ntriples -O /dev/null "$sample" >"$work/out" 2>"$work/err"
expect_status "-O /dev/null" 0 $?
if [ -c /dev/null ]; then pass "/dev/null is still a character device"; else
  fail "/dev/null is no longer a character device"
fi
if [ -s "$work/out" ] || [ -s "$work/err" ]; then
  fail "-O /dev/null wrote: $(cat "$work/out" "$work/err" | head -3)"
else
  pass "-O /dev/null writes nowhere else"
fi

mkdir "$work/fifo"
mkfifo "$work/fifo/out.nt"
timeout 20 cat "$work/fifo/out.nt" >"$work/from-fifo.nt" &
reader=$!
timeout 20 "$NEWSKG" -q -o ntriples -O "$work/fifo/out.nt" "$sample" 2>"$work/err"
expect_status "-O onto a FIFO" 0 $?
wait $reader
expect_same "the reader of the FIFO gets the graph" "$work/from-fifo.nt" "$work/want.nt"
if [ -p "$work/fifo/out.nt" ]; then pass "the FIFO is still a FIFO"; else
  fail "the FIFO was replaced"
fi
expect_files "-O onto a FIFO leaves no other file" "$work/fifo" out.nt

mkfifo "$work/fifo/out.nq"
timeout 20 "$NEWSKG" -q -o nquads --resume -O "$work/fifo/out.nq" "$sample" 2>"$work/err"
expect_status "--resume onto a FIFO" 2 $?
expect_grep "--resume onto a FIFO says why" \
  "^newskg: $work/fifo/out.nq: cannot resume: not a regular file$" "$work/err"

# --- symbolic links are followed -------------------------------------------

mkdir "$work/real" "$work/links"
echo old >"$work/real/out.nt"
chmod 640 "$work/real/out.nt"
ln -s ../real/out.nt "$work/links/out.nt"
"$NEWSKG" -q -o ntriples -O "$work/links/out.nt" "$sample" 2>"$work/err"
expect_status "-O onto a symbolic link" 0 $?
if [ "$(readlink "$work/links/out.nt")" = ../real/out.nt ]; then
  pass "the link stays a link to the same file"
else
  fail "the link was replaced: $(ls -l "$work/links/out.nt")"
fi
expect_same "the file the link leads to is replaced" "$work/real/out.nt" "$work/want.nt"
if [ "$(stat -c %a "$work/real/out.nt")" = 640 ]; then
  pass "the file the link leads to keeps its mode"
else
  fail "the file the link leads to has mode $(stat -c %a "$work/real/out.nt")"
fi
expect_files "no temporary file beside the file" "$work/real" out.nt
expect_files "no temporary file beside the link" "$work/links" out.nt

ln -s nothing "$work/links/dangling.nt"
"$NEWSKG" -q -O "$work/links/dangling.nt" "$sample" 2>"$work/err"
expect_status "-O onto a symbolic link to nothing" 2 $?
expect_grep "a link to nothing is named and refused" \
  "^newskg: $work/links/dangling.nt: a symbolic link to nothing" "$work/err"
if [ -L "$work/links/dangling.nt" ] && [ ! -e "$work/links/nothing" ]; then
  pass "the link to nothing stays, and nothing is created"
else
  fail "the link to nothing: $(ls -A "$work/links" | tr '\n' ' ')"
fi

# --- an existing file keeps its mode and owner ------------------------------

mkdir "$work/mode"
echo old >"$work/mode/private.nt"
chmod 600 "$work/mode/private.nt"
"$NEWSKG" -q -o ntriples -O "$work/mode/private.nt" "$sample"
expect_status "-O onto a 0600 file" 0 $?
expect_same "the 0600 file is replaced" "$work/mode/private.nt" "$work/want.nt"
if [ "$(stat -c %a "$work/mode/private.nt")" = 600 ]; then
  pass "the 0600 file keeps its mode"
else
  fail "the 0600 file has mode $(stat -c %a "$work/mode/private.nt")"
fi
"$NEWSKG" -q -o ntriples -O "$work/mode/new.nt" "$sample"
if [ "$(stat -c %a "$work/mode/new.nt")" = 644 ]; then
  pass "a new file has the mode umask 022 gives"
else
  fail "a new file has mode $(stat -c %a "$work/mode/new.nt")"
fi
if [ "$(id -u)" -eq 0 ]; then
  echo old >"$work/mode/theirs.nt"
  chown 65534:65534 "$work/mode/theirs.nt"
  "$NEWSKG" -q -o ntriples -O "$work/mode/theirs.nt" "$sample"
  if [ "$(stat -c %u:%g "$work/mode/theirs.nt")" = 65534:65534 ]; then
    pass "another user's file keeps its owner and group"
  else
    fail "another user's file is owned by $(stat -c %u:%g "$work/mode/theirs.nt")"
  fi
else
  echo "note: not root, the owner cannot be kept and is not checked"
fi

# --- temporary files of killed runs -------------------------------------------

# The input is a FIFO the test holds open (file descriptor 3), so that a
# run is surely still going when it is looked at.
record='{"id": "r1", "text": "Britain imposed sanctions on Belarus."}'
mkdir "$work/kill"
mkfifo "$work/in"

# temporary_file DIR: the hidden file in DIR, once there is one (at most 20 s)
temporary_file() {
  local tries=0
  while [ -z "$(ls -A "$1" | grep '^\.')" ] && [ $tries -lt 200 ]; do
    sleep 0.1
    tries=$((tries + 1))
  done
  ls -A "$1" | grep '^\.'
}

"$NEWSKG" -q -i jsonl -o nquads -O "$work/kill/out.nq" - <"$work/in" 2>/dev/null &
pid=$!
exec 3>"$work/in"
echo "$record" >&3
tmp=$(temporary_file "$work/kill")
kill -KILL $pid
{ wait $pid; } 2>/dev/null # without the shell's "Killed"
exec 3>&-
if [ -n "$tmp" ]; then pass "a killed run leaves its temporary file ($tmp)"; else
  fail "a killed run left no temporary file"
fi
touch "$work/kill/.other.nq.newskg-tmp.AbC123"
"$NEWSKG" -o nquads -O "$work/kill/out.nq" "$sample" 2>"$work/err"
expect_status "the next run onto the same FILE" 0 $?
expect_grep "it says it removed the killed run's temporary file" \
  "^newskg: $work/kill/\.out\.nq\.newskg-tmp\.[A-Za-z0-9]\{6\}: removed the temporary file of a run that was killed or crashed ([0-9]* bytes)$" \
  "$work/err"
expect_files "the killed run's temporary file is gone, another FILE's kept" \
  "$work/kill" ".other.nq.newskg-tmp.AbC123 out.nq"

# a run still going keeps its temporary file, however many runs come
mkdir "$work/live"
"$NEWSKG" -q -i jsonl -o nquads -O "$work/live/out.nq" - <"$work/in" &
pid=$!
exec 3>"$work/in"
echo "$record" >&3
tmp=$(temporary_file "$work/live")
"$NEWSKG" -q -o nquads -O "$work/live/out.nq" "$sample" 2>"$work/err"
expect_status "a run onto the FILE of a run still going" 0 $?
if [ -n "$tmp" ] && [ -e "$work/live/$tmp" ] && [ ! -s "$work/err" ]; then
  pass "the temporary file of a run still going is kept"
else
  fail "the temporary file of a run still going: $(ls -A "$work/live" | tr '\n' ' ') $(cat "$work/err")"
fi
echo "${record/r1/r2}" >&3
exec 3>&-
wait $pid
expect_status "the run still going then ends" 0 $?
if [ "$(awk '{ print $(NF-1) }' "$work/live/out.nq" | uniq | wc -l)" -eq 2 ]; then
  pass "and its FILE is its own output"
else
  fail "FILE is not the output of the run that ended last"
fi
expect_files "no temporary file is left" "$work/live" out.nq

[ "$failures" -eq 0 ] || exit 1
