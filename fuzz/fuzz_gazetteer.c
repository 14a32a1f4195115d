/* fuzz_gazetteer.c - libFuzzer harness: any bytes as a gazetteer file and
 * as a lexicon file.
 *
 * The input is loaded by kg_gazetteer_load (the format of people.tsv) into
 * an empty gazetteer and by kg_lexicon_load (the format of lexicon.tsv)
 * into an empty lexicon.  A malformed file must be refused with an error
 * naming its line; nothing may crash, overrun or leak either way.
 */
#include <stdlib.h>

#include "fuzz_input.h"
#include "gazetteer.h"
#include "lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_refusal(KgStatus status, const KgError *err) {
  if (status != KG_OK && (err->line < 1 || !err->message[0]))
    abort(); /* a refusal must say where and why */
}

static void load_gazetteer(const char *path) {
  KgGazetteer *gz = kg_gazetteer_new();
  if (!gz)
    abort();
  KgError err;
  check_refusal(kg_gazetteer_load(gz, path, &err), &err);
  kg_gazetteer_free(gz);
}

static void load_lexicon(const char *path) {
  KgLexicon *lex = kg_lexicon_new();
  if (!lex)
    abort();
  KgError err;
  check_refusal(kg_lexicon_load(lex, path, &err), &err);
  kg_lexicon_free(lex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *path = kg_fuzz_file(data, size);
  load_gazetteer(path);
  load_lexicon(path);
  return 0;
}
