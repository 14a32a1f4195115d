/* corpus.h - one run of the program over its articles (the program's).
 *
 * corpus_run reads the articles of an Input (input.h) in order, extracts
 * and serializes each one in a pipeline (pipeline.h) of worker threads that
 * share the extractor, and hands the graphs to a Sink (sink.h: a file, a
 * store, a Graph Store endpoint), and writes the messages about each
 * article, in input order: what the sink gets is the same for any number
 * of workers.  Each worker writes an article's graph into a buffer of its
 * own with a KgWriter of its own; the extractor is only read.  An article
 * that cannot be read, extracted or kept by the sink is reported
 * ("newskg: FILE[:LINE]: ...") and skipped; a sink that fails for good
 * stops the run.  Bytes that are not UTF-8 are replaced (repair.h) and
 * reported, and so are sentences cut to the extractor's limit.  When *stop
 * becomes non-zero, no further article is read; those read already are
 * still extracted and handed over.  With a Resume, the articles whose
 * graphs the output holds are not extracted.
 */
#ifndef NEWSKG_CORPUS_H
#define NEWSKG_CORPUS_H

#include <signal.h>
#include <stdio.h>

#include "input.h"
#include "newskg.h"
#include "progress.h"
#include "resume.h"
#include "sink.h"

/** How a run extracts and writes. */
typedef struct {
  KgExtractOptions extract; ///< --date, --min-confidence, --provenance
  int explain;              ///< --explain: evidence of each relation
  int per_article;          ///< "FILE: N entities, M relations" lines
  size_t workers;           ///< threads that extract, at least 1
  Resume *resume;           ///< the output being resumed, or NULL
  volatile sig_atomic_t *stop; ///< set (by a signal) to stop reading, or NULL
} CorpusOptions;

typedef enum {
  CORPUS_OK = 0,      ///< every article was read, extracted and written
  CORPUS_SOME_FAILED, ///< some could not be read, extracted or kept
  CORPUS_FATAL        ///< the sink failed (or memory): the run stopped
} CorpusStatus;

/** Runs every article of in through ex and hands the graphs to sink;
 *  counts and messages go through progress. */
CorpusStatus corpus_run(const KgExtractor *ex, const CorpusOptions *opt,
                        Input *in, Sink *sink, Progress *progress);

#endif /* NEWSKG_CORPUS_H */
