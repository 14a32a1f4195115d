/* input.h - the articles of a run, one at a time, in input order (the
 * program's).
 *
 * An Input reads the files a Walk (walk.h) gives: as plain text, each file
 * (or standard input, '-') is one article; as JSON Lines, each line of each
 * file is one record (record.h), blank lines aside.  Directories give their
 * *.txt files, or their *.jsonl files for JSON Lines, if they are regular
 * files: a FIFO or a device met in a directory is not opened for reading,
 * only reported; one named is read as a stream.  What could not be read is
 * still an article, one that carries the reason, so that the run reports
 * it in its place and goes on.  Only the article being read is in memory
 * (and, for JSON Lines, a buffer of at most max_bytes + 2 bytes: a longer
 * line is reported, and read past without being kept).  A read waits for
 * data or for the stop descriptor (input_stop_on), whichever comes first.
 *
 *     Input *in = input_new(args, n, INPUT_JSONL);
 *     Article a;
 *     while (input_next(in, &a) > 0) {
 *       a.problem[0] ? report(&a) : extract(a.record.text, a.record.len);
 *       article_release(&a);
 *     }
 *     input_free(in);
 */
#ifndef NEWSKG_INPUT_H
#define NEWSKG_INPUT_H

#include <stddef.h>

#include "record.h"

typedef enum {
  INPUT_TEXT = 0, ///< a file is an article
  INPUT_JSONL     ///< a line is a record
} InputFormat;

/** One article as read. */
typedef struct {
  char *name;        ///< owned: its file, or "(standard input)"
  long line;         ///< its line (JSON Lines), or 0 for a whole file
  Record record;     ///< its text and metadata (plain text: the text only)
  size_t bytes;      ///< input bytes it took (the file, or the line; of
                     ///< a stream or line over max_bytes, those read)
  char problem[256]; ///< why it is unusable (no text then), or ""
  char warning[512]; ///< what is odd about it, which is still read
                     ///< (a record's field dropped), or ""
  int too_large;     ///< the problem: over the input's max_bytes
} Article;

typedef struct InputImpl Input;

/** Returns a new input over the arguments (FILE, DIR or '-'; they must
 *  outlive it), or NULL when out of memory.  An article (a file, or a JSON
 *  line, its line end aside) of more than max_bytes is not read, only
 *  reported (too_large). */
Input *input_new(char *const *args, size_t n, InputFormat format,
                 size_t max_bytes);

/** Makes every later read give up when fd becomes readable (the pipe a
 *  signal handler writes to): the input then ends, without the article
 *  that was being read.  fd -1: reads wait for data only. */
void input_stop_on(Input *in, int fd);

/** Reads the next article into *a, which the caller then owns.  Returns 1,
 *  0 at the end (or once the stop descriptor was seen), or -1 when out of
 *  memory. */
int input_next(Input *in, Article *a);

/** Frees what a owns. */
void article_release(Article *a);

void input_free(Input *in);

/** Returns the size in bytes of all the input the arguments name, or -1
 *  when it is not known (standard input is not a file, out of memory). */
long long input_total_bytes(char *const *args, size_t n, InputFormat format);

#endif /* NEWSKG_INPUT_H */
