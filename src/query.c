/* query.c - `newskg query`: one SPARQL query, run by rasqal through librdf
 * over a store that `newskg load` filled (store.h), or over RDF files read
 * into memory (--data, as roqet does), its answer on standard output:
 *
 *   - SELECT: an aligned text table (default), CSV (RFC 4180) or SPARQL
 *     1.1 Query Results JSON.  The table shows an IRI as <IRI>, a literal
 *     as its text (line breaks and tabs as spaces, other control
 *     characters escaped as in messages) and an unbound variable as
 *     nothing, then "(N rows)"; CSV and JSON are rasqal's own writers.
 *   - ASK: true or false (table and CSV), or the JSON boolean form.
 *   - CONSTRUCT and DESCRIBE: the graph as N-Triples, whatever the format.
 *
 * The query may use the prefixes newskg's Turtle declares (newskg:, rdfs:,
 * owl:, xsd:, nif:, prov:, dcterms:, rdf:) without declaring them; a
 * query that declares one itself keeps its own.
 *
 * A query rasqal cannot parse or run is a usage error: rasqal's first
 * message (the cause, not what followed from it) and exit 2.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "query.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "grow.h"
#include "serialize.h"
#include "store.h"

typedef enum { FORMAT_TABLE = 0, FORMAT_CSV, FORMAT_JSON } ResultFormat;

/* What the query runs over: a store, or RDF files. */
typedef struct {
  const char *storage; ///< --storage
  const char *name;    ///< --store-name, or NULL
  const char *options; ///< --store-options, or NULL
  const char **data;   ///< owned array of the --data files (argv's)
  size_t data_count;   ///< files in data
} Source;

static const char *const format_names[] = {"table", "csv", "json"};

static void print_help(void) {
  printf("Usage: %s query [--storage NAME] --store-name NAME\n"
         "                  [--store-options OPTS] [--format F] QUERY\n"
         "       %s query --data FILE [--data FILE]... [--format F] QUERY\n"
         "Run the SPARQL query QUERY ('-': read it from standard input)\n"
         "over a librdf store, or RDF files, and print its answer.  QUERY\n"
         "may use the prefixes of newskg's output (newskg: rdfs: owl: xsd:\n"
         "nif: prov: dcterms: rdf:) without declaring them.\n"
         "\n"
         "  --storage NAME        librdf storage module (default sqlite)\n"
         "  --store-name NAME     its name (for sqlite: the database file)\n"
         "  --store-options OPTS  its librdf options\n"
         "  --data FILE           query this RDF file instead of a store (its\n"
         "                        syntax guessed from its content and name;\n"
         "                        N-Quads and TriG keep their named graphs)\n"
         "  --format F            SELECT and ASK answers as table (default),\n"
         "                        csv (RFC 4180) or json (SPARQL 1.1 Query\n"
         "                        Results JSON); CONSTRUCT and DESCRIBE\n"
         "                        give N-Triples\n"
         "\n"
         "Exit status: 0 answered; 2 usage error, a query that does not\n"
         "parse or run, or a store or file that cannot be read.\n",
         PROGRAM, PROGRAM);
}

/* --- the table ------------------------------------------------------------- */

/* Display width of UTF-8 text: its code points. */
static size_t width(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* text (owned; NULL when memory ran out) as the table shows it, owned:
 * line breaks and tabs become spaces, which keep a row on one line, and
 * every other control character and byte of invalid UTF-8 is escaped
 * (kg_escape), so that a stored literal cannot send the terminal a
 * command.  NULL when out of memory. */
static char *shown(char *text) {
  if (!text)
    return NULL;
  for (char *p = text; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  size_t len = strlen(text);
  char *escaped = malloc(KG_ESCAPE_SIZE(len));
  if (escaped)
    kg_escape(text, len, escaped);
  free(text);
  return escaped;
}

/* A cell's text for the table, owned (shown): <IRI>, a literal's text,
 * _:blank, or "" for an unbound variable. */
static char *cell_text(librdf_node *node) {
  char *text = NULL;
  if (!node) {
    text = strdup("");
  } else if (librdf_node_is_resource(node)) {
    const char *iri =
        (const char *)librdf_uri_as_string(librdf_node_get_uri(node));
    size_t size = strlen(iri) + 3;
    if ((text = malloc(size)))
      snprintf(text, size, "<%s>", iri);
  } else if (librdf_node_is_literal(node)) {
    text = strdup((const char *)librdf_node_get_literal_value(node));
  } else {
    const char *id = (const char *)librdf_node_get_blank_identifier(node);
    size_t size = strlen(id) + 3;
    if ((text = malloc(size)))
      snprintf(text, size, "_:%s", id);
  }
  return shown(text);
}

/* Writes text, padded with spaces to w columns unless it ends the line,
 * then sep. */
static void print_cell(const char *text, size_t w, const char *sep) {
  fputs(text, stdout);
  for (size_t n = width(text); sep[0] != '\n' && n < w; n++)
    putchar(' ');
  fputs(sep, stdout);
}

/* Adds text (owned, or NULL when memory ran out) to the cells, widening
 * its column.  Returns 0, or -1 when out of memory. */
static int add_cell(char ***cells, size_t *filled, size_t *cap, size_t *w,
                    char *text) {
  if (!text || kg_grow((void **)cells, *filled, cap, sizeof **cells) != 0) {
    free(text);
    return -1;
  }
  if (width(text) > *w)
    *w = width(text);
  (*cells)[(*filled)++] = text;
  return 0;
}

/* Prints the bindings of r as an aligned table: the variables' names, a
 * rule, the rows, and their number.  Returns 0, or -1 when memory ran
 * out. */
static int print_table(librdf_query_results *r) {
  int n = librdf_query_results_get_bindings_count(r);
  size_t cols = n > 0 ? (size_t)n : 0, cap = 0, filled = 0;
  char **cells = NULL; /* the names, then the rows, row by row */
  size_t *w = calloc(cols + 1, sizeof *w);
  int failed = !w;
  for (size_t i = 0; !failed && i < cols; i++)
    failed =
        add_cell(&cells, &filled, &cap, &w[i],
                 strdup(librdf_query_results_get_binding_name(r, (int)i))) != 0;
  for (; !failed && !librdf_query_results_finished(r);
       librdf_query_results_next(r)) {
    for (size_t i = 0; !failed && i < cols; i++) {
      librdf_node *node = librdf_query_results_get_binding_value(r, (int)i);
      failed = add_cell(&cells, &filled, &cap, &w[i], cell_text(node)) != 0;
      if (node)
        librdf_free_node(node);
    }
  }
  size_t rows = cols ? filled / cols : 0;
  for (size_t row = 0; !failed && row < rows; row++) {
    for (size_t i = 0; i < cols; i++)
      print_cell(cells[row * cols + i], w[i], i + 1 < cols ? " | " : "\n");
    for (size_t i = 0; row == 0 && i < cols; i++) {
      for (size_t k = 0; k < w[i]; k++)
        putchar('-');
      fputs(i + 1 < cols ? "-+-" : "\n", stdout);
    }
  }
  if (!failed)
    printf("(%zu row%s)\n", rows ? rows - 1 : 0, rows == 2 ? "" : "s");
  for (size_t k = 0; k < filled; k++)
    free(cells[k]);
  free(cells);
  free(w);
  return failed ? -1 : 0;
}

/* --- the answer -------------------------------------------------------------- */

/* Writes r with rasqal's writer of that name ("csv", "json"). */
static int print_with_rasqal(librdf_query_results *r, const char *name) {
  size_t len = 0;
  unsigned char *text =
      librdf_query_results_to_counted_string2(r, name, NULL, NULL, NULL, &len);
  if (!text)
    return -1;
  fwrite(text, 1, len, stdout);
  librdf_free_memory(text);
  return 0;
}

/* Writes a CONSTRUCT or DESCRIBE answer as N-Triples. */
static int print_graph(Store *s, librdf_query_results *r) {
  librdf_stream *stream = librdf_query_results_as_stream(r);
  librdf_serializer *ser =
      librdf_new_serializer(store_world(s), "ntriples", NULL, NULL);
  int failed = !stream || !ser ||
               librdf_serializer_serialize_stream_to_file_handle(
                   ser, stdout, NULL, stream) != 0;
  if (ser)
    librdf_free_serializer(ser);
  if (stream)
    librdf_free_stream(stream);
  return failed ? -1 : 0;
}

/* Prints the answer r in format; returns 0 or -1. */
static int print_answer(Store *s, librdf_query_results *r,
                        ResultFormat format) {
  if (librdf_query_results_is_graph(r))
    return print_graph(s, r);
  if (librdf_query_results_is_boolean(r) && format != FORMAT_JSON) {
    int b = librdf_query_results_get_boolean(r);
    return b < 0 ? -1 : printf("%s\n", b ? "true" : "false") < 0 ? -1 : 0;
  }
  if (format == FORMAT_TABLE)
    return print_table(r);
  return print_with_rasqal(r, format_names[format]);
}

/* Reads all of standard input into a string, owned; NULL on failure. */
static char *read_stdin(void) {
  char *text = NULL, chunk[4096];
  size_t len = 0, got;
  FILE *m = open_memstream(&text, &len);
  if (!m)
    return NULL;
  int failed = 0;
  while (!failed && (got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
    failed = fwrite(chunk, 1, got, m) != got;
  failed |= ferror(stdin) != 0;
  failed |= fclose(m) != 0;
  if (failed) {
    free(text);
    return NULL;
  }
  return text;
}

/* Whether query declares the prefix name ("PREFIX name:", the keyword in
 * any case).  One in a comment or a string counts too: the query must
 * then declare it for real. */
static int declares(const char *query, const char *name) {
  size_t len = strlen(name);
  for (const char *p = query; *p; p++) {
    if ((p > query && (isalnum((unsigned char)p[-1]) || p[-1] == '_')) ||
        strncasecmp(p, "prefix", 6) != 0 || !isspace((unsigned char)p[6]))
      continue;
    const char *q = p + 6;
    while (isspace((unsigned char)*q))
      q++;
    if (strncmp(q, name, len) == 0 && q[len] == ':')
      return 1;
  }
  return 0;
}

/* query with the prefixes of newskg's output (kg_output_prefix) that it
 * does not declare itself declared before it, owned; NULL when out of
 * memory.  rasqal keeps the first declaration of a prefix, so the query's
 * own must not follow one of ours.  All on the query's first line, so
 * that the lines rasqal names are the user's. */
static char *with_known_prefixes(const char *query) {
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (!m)
    return NULL;
  const char *name, *iri;
  for (size_t i = 0; kg_output_prefix(i, &name, &iri); i++)
    if (!declares(query, name))
      fprintf(m, "PREFIX %s: <%s> ", name, iri);
  fputs(query, m);
  int failed = ferror(m);
  if (fclose(m) != 0 || failed) {
    free(text);
    return NULL;
  }
  return text;
}

/* Opens what the query runs over, reporting what went wrong; NULL then. */
static Store *open_source(const Source *src) {
  char why[1024];
  if (!src->data_count) {
    Store *s =
        store_open(src->storage, src->name, src->options, 0, why, sizeof why);
    if (!s)
      cli_report(src->name, why);
    return s;
  }
  /* librdf's indexed in-memory storage, with named graphs */
  Store *s =
      store_open("hashes", "data", "hash-type='memory'", 0, why, sizeof why);
  if (!s) {
    cli_report("--data", why);
    return NULL;
  }
  for (size_t i = 0; i < src->data_count; i++)
    if (store_add_file(s, src->data[i], why, sizeof why) != 0) {
      cli_report(src->data[i], why);
      store_close(s, NULL, 0);
      return NULL;
    }
  return s;
}

/* Runs query over the source; returns the exit code. */
static int run_query(const Source *src, const char *query,
                     ResultFormat format) {
  char *text = with_known_prefixes(query);
  Store *s = text ? open_source(src) : NULL;
  if (!s) {
    if (!text)
      cli_message("query: %s", strerror(ENOMEM));
    free(text);
    return EXIT_FATAL;
  }
  int status = EXIT_SUCCESS;
  librdf_query *q = librdf_new_query(store_world(s), "sparql", NULL,
                                     (const unsigned char *)text, NULL);
  librdf_query_results *r =
      q ? librdf_model_query_execute(store_model(s), q) : NULL;
  if (!r) {
    const char *m = store_last_message(s);
    cli_message("query: %s", m[0] ? m
                             : q  ? "cannot run the query"
                                  : "cannot parse the query");
    status = EXIT_FATAL;
  } else if (print_answer(s, r, format) != 0) {
    cli_message("query: cannot write the answer%s%s",
                store_last_message(s)[0] ? ": " : "", store_last_message(s));
    status = EXIT_FATAL;
  }
  if (r)
    librdf_free_query_results(r);
  if (q)
    librdf_free_query(q);
  store_close(s, NULL, 0);
  free(text);
  return status;
}

int query_main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"storage", required_argument, NULL, OPT_STORAGE},
      {"store-name", required_argument, NULL, OPT_STORE_NAME},
      {"store-options", required_argument, NULL, OPT_STORE_OPTIONS},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"data", required_argument, NULL, OPT_QUERY_DATA},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  Source src = {"sqlite", NULL, NULL, calloc((size_t)argc, sizeof(char *)), 0};
  ResultFormat format = FORMAT_TABLE;
  int c, i, status = -1;
  if (!src.data) {
    cli_message("query: %s", strerror(ENOMEM));
    return EXIT_FATAL;
  }
  opterr = 0;
  while (status < 0 &&
         (c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case OPT_STORAGE:
      src.storage = optarg;
      break;
    case OPT_STORE_NAME:
      src.name = optarg;
      break;
    case OPT_STORE_OPTIONS:
      src.options = optarg;
      break;
    case OPT_QUERY_DATA:
      src.data[src.data_count++] = optarg;
      break;
    case OPT_FORMAT:
      if ((i = cli_find_name(format_names, 3, optarg)) < 0) {
        cli_message("unknown answer format '%s' (table, csv, json)", optarg);
        status = cli_usage_error(NULL);
      } else {
        format = (ResultFormat)i;
      }
      break;
    case 'h':
      print_help();
      status = EXIT_SUCCESS;
      break;
    default:
      status = cli_bad_option(argv, c);
    }
  }
  if (status < 0 && !src.name == !src.data_count)
    status = cli_usage_error(
        "query: needs --store-name NAME or --data FILE (one of them)");
  else if (status < 0 && argc - optind != 1)
    status = cli_usage_error("query: needs one QUERY");
  char *text = NULL;
  const char *query = status < 0 ? argv[optind] : "";
  if (status < 0 && strcmp(query, "-") == 0 && !(query = text = read_stdin())) {
    cli_report("(standard input)", strerror(errno ? errno : EIO));
    status = EXIT_FATAL;
  }
  if (status < 0)
    status = run_query(&src, query, format);
  free(text);
  free(src.data);
  if (status == EXIT_SUCCESS && (fflush(stdout) != 0 || ferror(stdout))) {
    cli_report("(standard output)", strerror(errno ? errno : EIO));
    status = EXIT_FATAL;
  }
  return status;
}
