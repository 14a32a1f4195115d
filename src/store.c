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
 *
 * librdf's sqlite storage makes its tables only when asked (new='yes'):
 * without, a first load fails on a missing table and leaves an empty
 * database file behind that fails every later load.  A store opened for
 * loading whose file does not exist, or is empty, is made new; if the
 * load then fails, the file is removed (store_abandon).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct StoreImpl {
  Sink sink;               ///< first: the store is a Sink
  librdf_world *world;     ///< owned
  librdf_storage *storage; ///< owned
  librdf_model *model;     ///< owned
  librdf_parser *parser;   ///< owned: N-Triples, made on the first put
  SinkCounts counts;       ///< what put kept
  char *made;              ///< owned: the sqlite file this open made, or NULL
  int message_level;       ///< librdf's level of message, or 0
  int message_line;        ///< the line message is about, or 0
  char message[512];       ///< the first error librdf logged, or ""
};

/* librdf's logger: keeps the first error, else the first warning, since
 * the message was last used, instead of printing it.  The first says what
 * went wrong ("The namespace prefix in \"x:y\" was not declared"); those
 * after follow from it ("syntax error, unexpected $end"). */
static int catch_message(void *data, librdf_log_message *m) {
  Store *s = data;
  int level = (int)librdf_log_message_level(m);
  if (level >= LIBRDF_LOG_WARN && level > s->message_level) {
    const char *text = librdf_log_message_message(m);
    raptor_locator *at = librdf_log_message_locator(m);
    snprintf(s->message, sizeof s->message, "%s", text ? text : "");
    s->message_level = level;
    s->message_line = at ? raptor_locator_line(at) : 0;
  }
  return 1; /* handled */
}

/* Empties the message, for the next one librdf logs. */
static void forget_message(Store *s) {
  s->message[0] = '\0';
  s->message_level = 0;
  s->message_line = 0;
}

/* Writes "what: librdf's message" (or just what) to why, and forgets the
 * message. */
static void explain(Store *s, const char *what, char *why, size_t why_size) {
  if (s->message[0])
    snprintf(why, why_size, "%s: %s", what, s->message);
  else
    snprintf(why, why_size, "%s", what);
  forget_message(s);
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
  forget_message(s); /* one from an earlier article is not this one's */
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

/* options with name='yes' added unless they say otherwise; owned (options
 * freed).  NULL when memory ran out. */
static char *with_option(char *options, const char *name) {
  char set[32];
  snprintf(set, sizeof set, "%s=", name);
  if (!options || strstr(options, set))
    return options;
  size_t size = strlen(options) + strlen(name) + 8;
  char *all = malloc(size);
  if (all)
    snprintf(all, size, "%s%s%s='yes'", options, *options ? "," : "", name);
  free(options);
  return all;
}

/* Whether the sqlite database file path holds no store yet: it does not
 * exist, or is empty (what a failed first load of librdf leaves).  -1
 * after writing why to why when it cannot tell. */
static int no_sqlite_store(const char *path, char *why, size_t why_size) {
  struct stat st;
  if (stat(path, &st) == 0)
    return st.st_size == 0;
  if (errno == ENOENT)
    return 1;
  snprintf(why, why_size, "%s", strerror(errno));
  return -1;
}

Store *store_open(const char *storage, const char *name, const char *options,
                  int create, char *why, size_t why_size) {
  int sqlite = strcmp(storage, "sqlite") == 0;
  int fresh = sqlite ? no_sqlite_store(name, why, why_size) : 0;
  if (fresh < 0)
    return NULL;
  if (!create && fresh) {
    snprintf(why, why_size,
             access(name, F_OK) == 0 ? "an empty file, no sqlite store"
                                     : "no such sqlite store");
    return NULL;
  }
  Store *s = calloc(1, sizeof *s);
  char *all = with_option(strdup(options ? options : ""), "contexts");
  if (create && fresh)
    all = with_option(all, "new");
  if (!s || !all || (create && fresh && !(s->made = strdup(name))) ||
      !(s->world = librdf_new_world())) {
    snprintf(why, why_size, "out of memory");
    free(all);
    if (s)
      free(s->made);
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
  } else if (create && sqlite && index_sqlite(name, why, why_size) != 0) {
    /* why says it */
  } else {
    return s;
  }
  store_abandon(s);
  return NULL;
}

/* What add_parsed adds to. */
typedef struct {
  Store *store; ///< its model
  int failed;   ///< a statement could not be added
} Parsed;

/* raptor's statement handler: adds st to the model, a quad in its graph.
 * (librdf 1.0.17's own parser drops the graph; a librdf statement and
 * node are raptor's.) */
static void add_parsed(void *data, raptor_statement *st) {
  Parsed *p = data;
  librdf_model *model = p->store->model;
  if (!p->failed)
    p->failed =
        (st->graph ? librdf_model_context_add_statement(model, st->graph, st)
                   : librdf_model_add_statement(model, st)) != 0;
}

int store_add_file(Store *s, const char *path, char *why, size_t why_size) {
  FILE *f = fopen(path, "rb");
  unsigned char head[4096];
  size_t got = f ? fread(head, 1, sizeof head - 1, f) : 0;
  if (!f || ferror(f) || fseek(f, 0, SEEK_SET) != 0) {
    snprintf(why, why_size, "%s", strerror(errno));
    if (f)
      fclose(f);
    return -1;
  }
  head[got] = '\0';
  forget_message(s);
  /* as roqet and rapper -g do: from the content and the file name */
  raptor_world *rw = librdf_world_get_raptor(s->world);
  const char *syntax = raptor_world_guess_parser_name(
      rw, NULL, NULL, head, got, (const unsigned char *)path);
  librdf_uri *base = librdf_new_uri_from_filename(s->world, path);
  raptor_parser *parser = syntax ? raptor_new_parser(rw, syntax) : NULL;
  Parsed parsed = {s, 0};
  if (parser)
    raptor_parser_set_statement_handler(parser, &parsed, add_parsed);
  int failed = !parser || !base ||
               raptor_parser_parse_file_stream(parser, f, path, base) != 0 ||
               parsed.failed || s->message_level >= LIBRDF_LOG_ERROR;
  fclose(f);
  if (failed && !syntax) {
    snprintf(why, why_size, "not in an RDF syntax raptor knows");
  } else if (failed) {
    char what[96];
    if (s->message_line > 0)
      snprintf(what, sizeof what, "line %d: not read as %s", s->message_line,
               syntax ? syntax : "RDF");
    else
      snprintf(what, sizeof what, "not read as %s", syntax ? syntax : "RDF");
    explain(s, what, why, why_size);
  }
  if (parser)
    raptor_free_parser(parser);
  if (base)
    librdf_free_uri(base);
  return failed ? -1 : 0;
}

Sink *store_sink(Store *s) { return &s->sink; }

SinkCounts store_counts(const Store *s) { return s->counts; }

librdf_world *store_world(Store *s) { return s->world; }

librdf_model *store_model(Store *s) { return s->model; }

const char *store_last_message(const Store *s) { return s->message; }

int store_abandon(Store *s) {
  char *made = s ? s->made : NULL;
  if (s)
    s->made = NULL;
  store_close(s, NULL, 0);
  /* with the journal sqlite may have left beside it */
  size_t size = made ? strlen(made) + sizeof "-journal" : 0;
  char *journal = made ? malloc(size) : NULL;
  if (journal) {
    snprintf(journal, size, "%s-journal", made);
    (void)unlink(journal);
    free(journal);
  }
  int removed = made && unlink(made) == 0;
  free(made);
  return removed;
}

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
  free(s->made);
  free(s);
  return failed ? -1 : 0;
}
