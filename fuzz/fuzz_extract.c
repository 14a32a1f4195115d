/* fuzz_extract.c - libFuzzer harness: any bytes as a news article.
 *
 * The data of the source tree (or $NEWSKG_DATA) is loaded once; each input
 * is then extracted with full provenance and its graph written into memory:
 * the whole pipeline, sentences to serializers, sees the text.  The input's
 * length picks the writer (the explanation, Turtle, N-Triples, N-Quads,
 * DOT, TriG or JSON-LD), so that an execution costs one serialization and
 * at most one parse, not seven: mutations change lengths, and every writer
 * sees a seventh of the inputs.  With FUZZ_EXTRACT_EVERY_WRITER set in the
 * environment each input goes through all seven, as tests/fuzz-smoke.sh
 * replays what fuzzing found.  Each RDF document written (but JSON-LD,
 * which raptor does not read) must parse back with raptor's parser of its
 * syntax without an error or a warning: newskg's output is always
 * valid RDF.  Bytes that are not text (kg_text_check:
 * invalid UTF-8, NUL, U+FFFE, U+FFFF) must be refused with KG_ERR_INPUT;
 * nothing may crash, overrun, hang or leak.
 *
 * An input that starts with a NUL byte (which no text holds) also names
 * its article, as a JSON Lines record does: "\0id\0url\0title\0date\0text",
 * fields missing at the end unknown.  The date goes to the options, the
 * rest to kg_graph_set_source, which must take them or refuse them with
 * KG_ERR_INPUT; the graph is then written as any other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "newskg.h"
#include "serialize.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static KgExtractor *extractor; ///< loaded once, read by every input
static KgWriter *writers[KG_FORMAT_JSONLD + 1]; ///< one per KgFormat
/* raptor's parser of each KgFormat, NULL where it has none */
static const char *const syntaxes[KG_FORMAT_JSONLD + 1] = {
    "turtle", "ntriples", "nquads", NULL, "trig", NULL};
static KgError parse_error; ///< raptor's first complaint
static KgRaptorLog parse_log = {&parse_error, "output", 0, 0};
static raptor_world *world; ///< for parsing output back
static int every_writer;    ///< FUZZ_EXTRACT_EVERY_WRITER is set

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  KgError err;
  if (kg_extractor_new(kg_fuzz_datadir(), &extractor, &err) != KG_OK) {
    fprintf(stderr, "fuzz_extract: %s:%ld: %s\n", err.file, err.line,
            err.message);
    abort();
  }
  for (int f = KG_FORMAT_TURTLE; f <= KG_FORMAT_JSONLD; f++)
    if (kg_writer_new((KgFormat)f, &writers[f], &err) != KG_OK) {
      fprintf(stderr, "fuzz_extract: %s\n", err.message);
      abort();
    }
  if (!(world = kg_raptor_world_new(&parse_log)))
    abort();
  every_writer = getenv("FUZZ_EXTRACT_EVERY_WRITER") != NULL;
  return 0;
}

static void ignore_statement(void *data, raptor_statement *st) {
  (void)data;
  (void)st;
}

/* Parses doc[0, len), written in format, with raptor; any error or warning
 * is a finding. */
static void parse_back(int format, const char *doc, size_t len) {
  raptor_parser *parser = raptor_new_parser(world, syntaxes[format]);
  raptor_uri *base =
      raptor_new_uri(world, (const unsigned char *)"http://example.org/");
  if (!parser || !base)
    abort();
  raptor_parser_set_statement_handler(parser, NULL, ignore_statement);
  parse_log.errors = parse_log.warnings = 0;
  int failed =
      raptor_parser_parse_start(parser, base) ||
      raptor_parser_parse_chunk(parser, (const unsigned char *)doc, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(parser);
  if (failed || parse_log.errors || parse_log.warnings) {
    fprintf(stderr, "fuzz_extract: raptor's %s parser: line %ld: %s\n",
            syntaxes[format], parse_error.line, parse_error.message);
    abort();
  }
}

/* Writes g in one format (or explains it) into a memory buffer; any
 * failure but a full memory is a finding. */
static void write_graph(const KgGraph *g, int format) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out)
    abort();
  KgError err;
  KgStatus status = format < 0
                        ? kg_graph_explain(g, out)
                        : kg_writer_write(writers[format], g, out, NULL, &err);
  if (status != KG_OK && status != KG_ERR_NOMEM) {
    fprintf(stderr, "fuzz_extract: writing format %d: %s\n", format,
            status == KG_ERR_IO ? "I/O error" : err.message);
    abort();
  }
  if (fclose(out) != 0)
    abort();
  if (format >= 0 && syntaxes[format])
    parse_back(format, buf, len);
  free(buf);
}

/* A status other than these three is a finding. */
static void check_status(KgStatus status, const KgError *err) {
  if (status != KG_OK && status != KG_ERR_INPUT && status != KG_ERR_NOMEM) {
    fprintf(stderr, "fuzz_extract: %s: %s\n", kg_status_string(status),
            err->message);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  KgExtractOptions opts = {.provenance = KG_PROVENANCE_FULL};
  const char *text = (const char *)data, *field[4] = {NULL, NULL, NULL, NULL};
  size_t len = size;
  char *named = NULL; /* "id\0url\0title\0date\0text\0" */
  if (size > 0 && data[0] == 0) {
    if (!(named = malloc(size)))
      abort();
    memcpy(named, data + 1, size - 1);
    named[size - 1] = '\0';
    size_t at = 0;
    for (int i = 0; i < 4 && at < size; i++, at += strlen(named + at) + 1)
      field[i] = named + at;
    text = named + (at < size ? at : size - 1);
    len = at < size ? size - 1 - at : 0;
    opts.date = field[3] && *field[3] ? field[3] : NULL;
  }
  KgGraph *g = NULL;
  KgError err;
  KgStatus status = kg_extract_with(extractor, text, len, &opts, &g, &err);
  check_status(status, &err);
  if (status == KG_OK && named)
    check_status(kg_graph_set_source(g, field[0], field[1], field[2], &err),
                 &err);
  /* format -1 is the explanation, the others KgFormats */
  if (status == KG_OK && every_writer)
    for (int format = -1; format <= KG_FORMAT_JSONLD; format++)
      write_graph(g, format);
  else if (status == KG_OK)
    write_graph(g, (int)(size % (KG_FORMAT_JSONLD + 2)) - 1);
  kg_graph_free(g);
  free(named);
  return 0;
}
