/* fuzz_extract.c - libFuzzer harness: any bytes as a news article.
 *
 * The data of the source tree (or $NEWSKG_DATA) is loaded once; each input
 * is then extracted with full provenance and its graph written in every
 * format, and explained, into memory: the whole pipeline, sentences to
 * serializers, sees the text.  Text that is not UTF-8 must be refused with
 * KG_ERR_INPUT; nothing may crash, overrun, hang or leak.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_input.h"
#include "newskg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static KgExtractor *extractor; ///< loaded once, read by every input
static KgWriter *writers[3];   ///< one per KgFormat, made once

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  KgError err;
  if (kg_extractor_new(kg_fuzz_datadir(), &extractor, &err) != KG_OK) {
    fprintf(stderr, "fuzz_extract: %s:%ld: %s\n", err.file, err.line,
            err.message);
    abort();
  }
  for (int f = KG_FORMAT_TURTLE; f <= KG_FORMAT_NQUADS; f++)
    if (kg_writer_new((KgFormat)f, &writers[f], &err) != KG_OK) {
      fprintf(stderr, "fuzz_extract: %s\n", err.message);
      abort();
    }
  return 0;
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
  KgStatus status = format < 0 ? kg_graph_explain(g, out)
                               : kg_writer_write(writers[format], g, out,
                                                 NULL, &err);
  if (status != KG_OK && status != KG_ERR_NOMEM) {
    fprintf(stderr, "fuzz_extract: writing format %d: %s\n", format,
            status == KG_ERR_IO ? "I/O error" : err.message);
    abort();
  }
  fclose(out);
  free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  KgExtractOptions opts = {.provenance = KG_PROVENANCE_FULL};
  KgGraph *g = NULL;
  KgError err;
  KgStatus status =
      kg_extract_with(extractor, (const char *)data, size, &opts, &g, &err);
  if (status != KG_OK && status != KG_ERR_INPUT && status != KG_ERR_NOMEM) {
    fprintf(stderr, "fuzz_extract: %s: %s\n", kg_status_string(status),
            err.message);
    abort();
  }
  if (status == KG_OK) {
    write_graph(g, -1);
    write_graph(g, KG_FORMAT_TURTLE);
    write_graph(g, KG_FORMAT_NTRIPLES);
    write_graph(g, KG_FORMAT_NQUADS);
  }
  kg_graph_free(g);
  return 0;
}
