/* store.h - a librdf storage as a sink, and as what a query runs on (the
 * program's).
 *
 * store_open opens any librdf storage module by name ("sqlite", "hashes",
 * "memory", "postgresql", "mysql", "virtuoso": the librdf-storage-*
 * packages) with its librdf options ("new='yes',synchronous='off'"), always
 * with contexts, so that each article's named graph is kept.  As a sink
 * (store_sink), it takes N-Triples: each article replaces the statements of
 * its named graph, in one transaction where the storage has them.  librdf's
 * messages are caught, never printed: they end up in the `why` of the
 * call that caused them.
 *
 *     Store *s = store_open("sqlite", "kg.db", NULL, 1, why, sizeof why);
 *     ... corpus_run(..., store_sink(s), ...) or librdf_model_query_execute(
 *             store_model(s), ...) ...
 *     store_close(s, why, sizeof why);
 */
#ifndef NEWSKG_STORE_H
#define NEWSKG_STORE_H

#include <librdf.h>
#include <stddef.h>

#include "sink.h"

typedef struct StoreImpl Store;

/** Opens the storage.  With create (for loading), a sqlite database file
 *  that does not exist or is empty is made, with librdf's tables (new='yes'
 *  is added to options), and a sqlite database gets the indexes librdf
 *  does not make; without create, it must exist already (librdf would
 *  make an empty one).  Returns NULL after writing why not to why, having
 *  removed a file it made. */
Store *store_open(const char *storage, const char *name, const char *options,
                  int create, char *why, size_t why_size);

/** Adds the statements of the RDF file path, each quad in its named
 *  graph, each triple in none: the syntax is guessed from the content and
 *  the name (as roqet and `rapper -g` do), relative IRIs are resolved
 *  against the file's.  Returns 0, or -1 after writing why not to why
 *  (the store may then hold part of the file). */
int store_add_file(Store *s, const char *path, char *why, size_t why_size);

/** The store as a sink (N-Triples, one named graph an article). */
Sink *store_sink(Store *s);

/** What the sink kept. */
SinkCounts store_counts(const Store *s);

/** The librdf world and model of the store, for queries. */
librdf_world *store_world(Store *s);
librdf_model *store_model(Store *s);

/** The first error librdf gave since the last failed call of this module
 *  (else the first warning), or "". */
const char *store_last_message(const Store *s);

/** Writes the store out and closes it.  Returns 0, or -1 after writing why
 *  the store may not be whole to why.  store_close(NULL, ...) is a no-op. */
int store_close(Store *s, char *why, size_t why_size);

/** Closes the store after a load that failed, removing the sqlite file
 *  that store_open made for it, so that no half-made store is left to
 *  fail the next run.  Returns 1 when it removed a file, else 0.
 *  store_abandon(NULL) is a no-op. */
int store_abandon(Store *s);

#endif /* NEWSKG_STORE_H */
