/* sink.h - where a run puts each article's graph (the program's).
 *
 * corpus_run (corpus.h) serializes each article's graph in the format its
 * Sink asks for and hands it to the sink's put(), in input order and from
 * one thread only.  A sink is a small vtable at the start of a bigger
 * struct: a file or standard output (below), a librdf storage (store.h), a
 * Graph Store HTTP Protocol endpoint (gsp.h).
 *
 * put() either keeps the article, or rejects it (that article is lost, the
 * run goes on and exits 1), or fails for good (the run stops and exits 2).
 * In the last two cases it says why in `why`, a message without the
 * program's name or the article's place, which corpus_run adds.
 */
#ifndef NEWSKG_SINK_H
#define NEWSKG_SINK_H

#include <stddef.h>
#include <stdio.h>

#include "newskg.h"

typedef enum {
  SINK_OK = 0,   ///< the article is kept
  SINK_REJECTED, ///< this article could not be kept; others may be
  SINK_FATAL     ///< nothing more can be kept: the run stops
} SinkStatus;

/** What a store or endpoint sink kept and did, for the load's report. */
typedef struct {
  size_t articles; ///< articles kept
  size_t triples;  ///< triples they held
  size_t failed;   ///< articles rejected
  size_t requests; ///< HTTP requests made (GSP only)
  size_t retries;  ///< of which retries (GSP only)
} SinkCounts;

/** One article's graph on its way into a sink. */
typedef struct {
  const char *place;     ///< "FILE" or "FILE:LINE", for messages
  const char *graph_iri; ///< its document IRI, the name of its graph
  const char *bytes;     ///< its triples in the sink's format
  size_t len;            ///< bytes of bytes
  size_t triples;        ///< how many triples bytes holds
} SinkGraph;

typedef struct Sink Sink;
struct Sink {
  KgFormat format; ///< the syntax put() takes
  /** Keeps g, or says in why (why_size bytes) why not. */
  SinkStatus (*put)(Sink *self, const SinkGraph *g, char *why, size_t why_size);
};

/** A stream that the graphs are written to one after another. */
typedef struct {
  Sink sink;        ///< first, so that a FileSink is a Sink
  FILE *out;        ///< not owned
  const char *name; ///< the output, as messages name it
} FileSink;

/** Makes s write graphs in format to out, named name in messages. */
void file_sink_init(FileSink *s, KgFormat format, FILE *out, const char *name);

#endif /* NEWSKG_SINK_H */
