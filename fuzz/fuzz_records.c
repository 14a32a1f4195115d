/* fuzz_records.c - libFuzzer harness: any bytes as a JSON Lines dump.
 *
 * The input is read as newskg reads a news dump (input.c with -i jsonl and
 * a --max-article-bytes of 256, so that lines over it are met often, each
 * line parsed as a record by record.c), and each record that parses is
 * named as its graph would be (kg_document_iri).  Every line must come out
 * as an article, a usable one with its text or one that says what is
 * wrong with it; nothing may crash, overrun, hang or leak.  The records'
 * fields as sources of a graph (kg_graph_set_source) are fuzz_extract's.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "input.h"
#include "newskg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_LINE = 256 };

/* A usable article has its text whole, and a name its graph can take; its
 * bytes are its line's, the line ending ("\r\n" at most) counted in. */
static void check_record(const Article *a) {
  const Record *r = &a->record;
  if (!r->text || strlen(r->text) != r->len || a->line < 1 ||
      a->bytes > MAX_LINE + 2)
    abort();
  char *iri = kg_document_iri(r->text, r->len, r->id, r->url);
  if (!iri || strncmp(iri, "https://", 8) != 0)
    abort();
  free(iri);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *path = (char *)kg_fuzz_file(data, size);
  Input *in = input_new(&path, 1, INPUT_JSONL, MAX_LINE);
  if (!in)
    abort();
  Article a;
  int got;
  while ((got = input_next(in, &a)) > 0) {
    if (a.problem[0] == '\0')
      check_record(&a);
    else if (a.record.text)
      abort(); /* an unusable article carries no text */
    article_release(&a);
  }
  if (got < 0)
    abort();
  input_free(in);
  return 0;
}
