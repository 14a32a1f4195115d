/* progress.h - a run's counts, its progress line and its summary (the
 * program's).
 *
 * A Progress adds up what each article gave and owns standard error while
 * the run lasts.  Shown, it keeps one line on the terminal up to date, a
 * few times a second, from a thread of its own:
 *
 *     newskg: 1234 articles, 12.3 MB, 456 articles/s, 4.56 MB/s, ETA 0:42
 *
 * (MB are 10^6 bytes of input; the ETA needs the input's total size).
 * Messages go through progress_write, which clears the line first, so that
 * they never mix with it.  At the end, the summary:
 *
 *     newskg: 330 articles, 2.2 MB, 9876 sentences, 1234 entities,
 *     210 relations, 11342 triples, 0 errors, 2.07 s
 *
 * (on one line), followed, when there were any, by the count of each
 * kind of trouble:
 *
 *     newskg: skipped: 1 not text, 2 over --max-article-bytes, 1 other;
 *     3 repaired (bytes replaced with U+FFFD), 1 capped (over
 *     --max-sentence-mentions or --max-article-mentions)
 *
 * (on one line).  Every function may be called from any thread.
 */
#ifndef NEWSKG_PROGRESS_H
#define NEWSKG_PROGRESS_H

#include <stddef.h>

/** What articles gave. */
typedef struct {
  size_t articles;          ///< articles read (good or not)
  unsigned long long bytes; ///< input bytes they took
  size_t sentences;         ///< sentences of the good ones
  size_t entities;          ///< distinct entities of each, added up
  size_t relations;         ///< distinct relations of each, added up
  size_t triples;           ///< triples written
  size_t errors;            ///< articles that could not be read or extracted
  size_t not_text;          ///< of the errors: binary data, skipped
  size_t too_large;         ///< of the errors: over --max-article-bytes
  size_t repaired;          ///< articles with bytes replaced by U+FFFD
  size_t capped;            ///< articles with a sentence cut to the limit
} Tally;

typedef struct ProgressImpl Progress;

/** Starts the clock and the counts; with show, the progress line too.
 *  total_bytes is the input's size, or -1 when unknown.  Returns NULL when
 *  out of memory (or when the line's thread cannot start). */
Progress *progress_start(int show, long long total_bytes);

/** Adds one article's counts. */
void progress_add(Progress *p, const Tally *t);

/** Writes len bytes of text to standard error, below no progress line. */
void progress_write(Progress *p, const char *text, size_t len);

/** Stops the line (clearing it), prints the summary when asked to, and
 *  frees p. */
void progress_finish(Progress *p, int summary);

#endif /* NEWSKG_PROGRESS_H */
