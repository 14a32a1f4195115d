/* serialize.h - RDF output of a graph (internal).
 *
 * kg_graph_write (newskg.h) is the entry point; this header holds what the
 * serializer shares with the rest of the library and with the tests: the
 * vocabularies it writes, a KgWriter's bytes without a stream (corpus.c
 * keeps each article's), the IRI of a relation's reification node, and the
 * glue that turns raptor's log messages into a KgError (eval.c reads Turtle
 * through the same glue).
 */
#ifndef KG_SERIALIZE_H
#define KG_SERIALIZE_H

#include <raptor2.h>

#include "graph.h"
#include "newskg.h"


/** Where raptor's log messages go while a world is in use.  The first
 *  error (or fatal) message is copied into *err, or the first warning while
 *  there is no error; information and debug messages are dropped.  Callers
 *  decide what a warning means. */
typedef struct {
  KgError *err;     ///< receives the first error (or warning); may be NULL
  const char *file; ///< file to name when raptor's locator has none, or NULL
  int errors;       ///< error and fatal messages seen so far
  int warnings;     ///< warnings seen so far
} KgRaptorLog;

/** Returns a new, opened raptor world that reports into log (which must
 *  outlive the world), or NULL when out of memory.  Free it with
 *  raptor_free_world(). */
raptor_world *kg_raptor_world_new(KgRaptorLog *log);

/** Renders g with kw, as kg_writer_write would write it, into kw's buffer:
 *  sets *bytes and *len to the bytes (not NUL-terminated, valid until kw
 *  renders, writes or is freed) and *triples (when not NULL) to the count
 *  of triples, and returns KG_OK; or returns an error status (*bytes NULL,
 *  *len and *triples 0). */
KgStatus kg_writer_render(KgWriter *kw, const KgGraph *g, const char **bytes,
                          size_t *len, size_t *triples, KgError *err);

/** Returns a new NUL-terminated IRI for the reification node of relation i
 *  of g: the document IRI + "#stmt-" + the first 16 hex digits of the SHA-1
 *  of "SUBJECT-IRI PREDICATE-IRI OBJECT-IRI".  Sets *out (free() it) and
 *  returns KG_OK, or returns an error status. */
KgStatus kg_statement_iri(const KgGraph *g, size_t i, char **out);

#endif /* KG_SERIALIZE_H */
