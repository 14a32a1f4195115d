/* store.c - a librdf storage as a sink; see store.h.
 *
 * The sink parses each article's N-Triples with librdf's own parser into a
 * stream of statements and adds them all in the article's context node:
 * the store holds exactly the triples `-o nquads` writes, in the same
 * named graphs.  Removing the graph's old statements first makes a second
 * load of the same article replace it, as a Graph Store PUT does.
 *
 * librdf 1.0.17's sqlite storage indexes neither the text of literals nor
 * the context of triples, so that adding a statement scans every literal
 * and replacing a graph scans every triple: a load slows down as the store
 * grows (414 triples/s over 66,000 triples).  A store opened for loading
 * gets both indexes (librdf does not mind them), which keeps it at several
 * thousand triples/s.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct StoreImpl {
  Sink sink;               ///< first: the store is a Sink
  librdf_world *world;     ///< owned
  librdf_storage *storage; ///< owned
  librdf_model *model;     ///< owned
  librdf_parser *parser;   ///< owned: N-Triples, made on the first put
  SinkCounts counts;       ///< what put kept
  char message[512];       ///< the last message librdf logged, or ""
};

/* librdf's logger: keeps the last error or warning instead of printing it. */
static int catch_message(void *data, librdf_log_message *m) {
  Store *s = data;
  if (librdf_log_message_level(m) >= LIBRDF_LOG_WARN) {
    const char *text = librdf_log_message_message(m);
    snprintf(s->message, sizeof s->message, "%s", text ? text : "");
  }
  return 1; /* handled */
}

/* Writes "what: librdf's message" (or just what) to why. */
static void explain(Store *s, const char *what, char *why, size_t why_size) {
  if (s->message[0])
    snprintf(why, why_size, "%s: %s", what, s->message);
  else
    snprintf(why, why_size, "%s", what);
  s->message[0] = '\0';
}

/* Adds the statements of stream to the graph named context, replacing
 * what it held.  Returns 0, or -1 (nothing changed where the storage has
 * transactions). */
static int replace_graph(Store *s, librdf_node *context,
                         librdf_stream *stream) {
  int in_transaction = librdf_model_transaction_start(s->model) == 0;
  /* removing from a graph that does not exist yet is no error */
  (void)librdf_model_context_remove_statements(s->model, context);
  int failed =
      librdf_model_context_add_statements(s->model, context, stream) != 0;
  if (in_transaction) {
    if (failed)
      librdf_model_transaction_rollback(s->model);
    else
      failed = librdf_model_transaction_commit(s->model) != 0;
  }
  return failed ? -1 : 0;
}

/* Sink.put: the article's N-Triples into its named graph. */
static SinkStatus store_put(Sink *self, const SinkGraph *g, char *why,
                            size_t why_size) {
  Store *s = (Store *)self;
  if (!s->parser &&
      !(s->parser = librdf_new_parser(s->world, "ntriples", NULL, NULL))) {
    explain(s, "cannot make an N-Triples parser", why, why_size);
    return SINK_FATAL;
  }
  const unsigned char *iri = (const unsigned char *)g->graph_iri;
  librdf_uri *base = librdf_new_uri(s->world, iri);
  librdf_node *context = librdf_new_node_from_uri_string(s->world, iri);
  librdf_stream *stream =
      base && context
          ? librdf_parser_parse_counted_string_as_stream(
                s->parser, (const unsigned char *)g->bytes, g->len, base)
          : NULL;
  int ok = stream && replace_graph(s, context, stream) == 0;
  if (stream)
    librdf_free_stream(stream);
  if (context)
    librdf_free_node(context);
  if (base)
    librdf_free_uri(base);
  if (!ok) {
    explain(s, "not stored", why, why_size);
    s->counts.failed++;
    return SINK_REJECTED;
  }
  s->counts.articles++;
  s->counts.triples += g->triples;
  return SINK_OK;
}

/* Adds the indexes librdf's sqlite storage lacks to the database file
 * path.  Returns 0, or -1 after writing why not to why. */
static int index_sqlite(const char *path, char *why, size_t why_size) {
  static const char *const sql =
      "CREATE INDEX IF NOT EXISTS newskg_literal_text ON literals (text);"
      "CREATE INDEX IF NOT EXISTS newskg_triple_context ON triples "
      "(contextUri);";
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    snprintf(why, why_size, "cannot index the sqlite store: %s",
             message ? message
             : db    ? sqlite3_errmsg(db)
                     : "out of memory");
  sqlite3_free(message);
  sqlite3_close(db);
  return rc == SQLITE_OK ? 0 : -1;
}

/* options with contexts='yes' added unless they say otherwise; owned. */
static char *with_contexts(const char *options) {
  const char *contexts = "contexts='yes'";
  if (options && strstr(options, "contexts="))
    return strdup(options);
  if (!options || !*options)
    return strdup(contexts);
  size_t size = strlen(options) + strlen(contexts) + 2;
  char *all = malloc(size);
  if (all)
    snprintf(all, size, "%s,%s", options, contexts);
  return all;
}

Store *store_open(const char *storage, const char *name, const char *options,
                  int create, char *why, size_t why_size) {
  if (!create && strcmp(storage, "sqlite") == 0 && access(name, F_OK) != 0) {
    snprintf(why, why_size, "no such sqlite store");
    return NULL;
  }
  Store *s = calloc(1, sizeof *s);
  char *all = with_contexts(options);
  if (!s || !all || !(s->world = librdf_new_world())) {
    snprintf(why, why_size, "out of memory");
    free(all);
    free(s);
    return NULL;
  }
  s->sink.format = KG_FORMAT_NTRIPLES;
  s->sink.put = store_put;
  librdf_world_set_logger(s->world, s, catch_message);
  librdf_world_open(s->world);
  s->storage = librdf_new_storage(s->world, storage, name, all);
  free(all);
  if (!s->storage) {
    char what[600];
    snprintf(what, sizeof what, "cannot open the %s storage '%s'", storage,
             name);
    explain(s, what, why, why_size);
  } else if (!(s->model = librdf_new_model(s->world, s->storage, NULL))) {
    explain(s, "cannot make a model of the storage", why, why_size);
  } else if (create && strcmp(storage, "sqlite") == 0 &&
             index_sqlite(name, why, why_size) != 0) {
    /* why says it */
  } else {
    return s;
  }
  store_close(s, NULL, 0);
  return NULL;
}

Sink *store_sink(Store *s) { return &s->sink; }

SinkCounts store_counts(const Store *s) { return s->counts; }

librdf_world *store_world(Store *s) { return s->world; }

librdf_model *store_model(Store *s) { return s->model; }

const char *store_last_message(const Store *s) { return s->message; }

int store_close(Store *s, char *why, size_t why_size) {
  if (!s)
    return 0;
  int failed = s->model && librdf_model_sync(s->model) != 0;
  if (failed && why)
    explain(s, "cannot write the store out", why, why_size);
  if (s->parser)
    librdf_free_parser(s->parser);
  if (s->model)
    librdf_free_model(s->model);
  if (s->storage)
    librdf_free_storage(s->storage);
  librdf_free_world(s->world);
  free(s);
  return failed ? -1 : 0;
}
