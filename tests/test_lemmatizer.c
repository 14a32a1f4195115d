/* test_lemmatizer.c - CUnit suite of lemmatizer.c.
 *
 * A lemmatizer trained on a few hand-written sentences gives the words it
 * saw their lemmas (EWT's conventions: "The" -> "the", "n't" -> "not",
 * "'s" by its tag, "I" and proper nouns as written, "2,000" -> "2000"),
 * the words it did not see the lemmas their suffixes and shapes call for
 * ("bunnies" -> "bunny", "3,500" -> "3500"), and never cuts a UTF-8
 * character or writes past the caller's buffer.  Training twice gives the
 * same bytes.  A truncated model, a damaged byte, and a model whose
 * checksum is right but whose tables are not, are each a KG_ERR_PARSE
 * naming the file.  With ../shared (SHARED under `make check`), a model
 * trained on UD English EWT's training set gets 98% of its development
 * set's lemmas right from the gold tags.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lemmatizer.h"
#include "model.h"
#include "files.h"
#include "runner.h"
#include "treebank.h"

/* ---- a temporary directory per program ---------------------------------- */

static char tmpdir[256];
static char treebank_path[512], model_path[512], broken_path[512];

static int suite_init(void) {
  const char *base = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/test_lemmatizer.XXXXXX",
           base && *base ? base : "/tmp");
  if (!mkdtemp(tmpdir))
    return -1;
  snprintf(treebank_path, sizeof treebank_path, "%s/tiny.conllu", tmpdir);
  snprintf(model_path, sizeof model_path, "%s/tiny.lemmas", tmpdir);
  snprintf(broken_path, sizeof broken_path, "%s/broken.lemmas", tmpdir);
  return 0;
}

static int suite_clean(void) {
  const char *names[] = {"tiny.conllu", "tiny.lemmas", "again.lemmas",
                         "broken.lemmas", "ewt.lemmas"};
  char path[600];
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]);
    unlink(path);
  }
  return rmdir(tmpdir) == 0 ? 0 : -1;
}

/* ---- the tiny treebank ------------------------------------------------------ */

/* A word line: ID, FORM, LEMMA, UPOS, XPOS and HEAD given. */
#define W(id, form, lemma, upos, xpos, head)                                   \
  id "\t" form "\t" lemma "\t" upos "\t" xpos "\t_\t" head "\tdep\t_\t_\n"

/* clang-format off */
static const char tiny[] =
    "# text = The cats were running.\n"
    W("1", "The", "the", "DET", "DT", "2")
    W("2", "cats", "cat", "NOUN", "NNS", "4")
    W("3", "were", "be", "AUX", "VBD", "4")
    W("4", "running", "run", "VERB", "VBG", "0")
    W("5", ".", ".", "PUNCT", ".", "4")
    "\n"
    "# text = I don't like cities, parties, ladies or dogs.\n"
    W("1", "I", "I", "PRON", "PRP", "4")
    W("2", "do", "do", "AUX", "VBP", "4")
    W("3", "n't", "not", "PART", "RB", "4")
    W("4", "like", "like", "VERB", "VBP", "0")
    W("5", "cities", "city", "NOUN", "NNS", "4")
    W("6", "parties", "party", "NOUN", "NNS", "5")
    W("7", "ladies", "lady", "NOUN", "NNS", "5")
    W("8", "dogs", "dog", "NOUN", "NNS", "5")
    "\n"
    "# text = Dogs, boys, girls: books and cars.\n"
    W("1", "Dogs", "dog", "NOUN", "NNS", "0")
    W("2", "boys", "boy", "NOUN", "NNS", "1")
    W("3", "girls", "girl", "NOUN", "NNS", "1")
    W("4", "books", "book", "NOUN", "NNS", "1")
    W("5", "cars", "car", "NOUN", "NNS", "1")
    "\n"
    "# text = Paris's mayor walked and talked; it's 2,000 feet far.\n"
    W("1", "Paris", "Paris", "PROPN", "NNP", "3")
    W("2", "'s", "'s", "PART", "POS", "1")
    W("3", "mayor", "mayor", "NOUN", "NN", "4")
    W("4", "walked", "walk", "VERB", "VBD", "0")
    W("5", "talked", "talk", "VERB", "VBD", "4")
    W("6", "it", "it", "PRON", "PRP", "10")
    W("7", "'s", "be", "AUX", "VBZ", "10")
    W("8", "2,000", "2000", "NUM", "CD", "9")
    W("9", "feet", "foot", "NOUN", "NNS", "10")
    W("10", "far", "far", "ADV", "RB", "4")
    W("11", "frobs", "_", "NOUN", "NNS", "10")
    "\n";
/* clang-format on */

static int write_tiny(void) {
  FILE *f = fopen(treebank_path, "wb");
  if (!f)
    return -1;
  fputs(tiny, f);
  return fclose(f);
}

static KgStatus train_tiny(const char *path) {
  KgTreebank tb;
  KgError err;
  if (write_tiny() != 0)
    return KG_ERR_IO;
  KgStatus st = kg_treebank_read(treebank_path, &tb, &err);
  if (st != KG_OK)
    return st;
  st = kg_lemmatizer_train(&tb, path, &err);
  kg_treebank_release(&tb);
  return st;
}

/* Whether l gives form (tagged upos, xpos) the lemma expected. */
static int lemma_is(const KgLemmatizer *l, const char *form, const char *upos,
                    const char *xpos, const char *expected) {
  char buf[64 + KG_LEMMA_SLACK];
  size_t len = 0;
  const char *lemma =
      kg_lemmatize(l, form, strlen(form), upos, xpos, buf, sizeof buf, &len);
  int ok = len == strlen(expected) && memcmp(lemma, expected, len) == 0;
  if (!ok)
    printf("\n  %s/%s: %.*s, not %s", form, xpos, (int)len, lemma, expected);
  return ok;
}

static void test_known_words(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny(model_path), KG_OK);
  KgLemmatizer *l = NULL;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_lemmatizer_load(model_path, &l, &err), KG_OK);
  CU_ASSERT(lemma_is(l, "The", "DET", "DT", "the"));
  CU_ASSERT(lemma_is(l, "were", "AUX", "VBD", "be"));
  CU_ASSERT(lemma_is(l, "running", "VERB", "VBG", "run"));
  CU_ASSERT(lemma_is(l, "feet", "NOUN", "NNS", "foot"));
  CU_ASSERT(lemma_is(l, "n't", "PART", "RB", "not"));
  CU_ASSERT(lemma_is(l, "'s", "AUX", "VBZ", "be"));
  CU_ASSERT(lemma_is(l, "'s", "PART", "POS", "'s"));
  CU_ASSERT(lemma_is(l, "I", "PRON", "PRP", "I"));
  CU_ASSERT(lemma_is(l, "Paris", "PROPN", "NNP", "Paris"));
  CU_ASSERT(lemma_is(l, "2,000", "NUM", "CD", "2000"));
  /* a known word in another case: its lower-case form's lemma */
  CU_ASSERT(lemma_is(l, "Cities", "NOUN", "NNS", "city"));
  CU_ASSERT(lemma_is(l, "RUNNING", "VERB", "VBG", "run"));
  /* a LEMMA of "_" is not learned */
  CU_ASSERT(lemma_is(l, "frobs", "NOUN", "NNS", "frob"));
  kg_lemmatizer_free(l);
}

static void test_unseen_words(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny(model_path), KG_OK);
  KgLemmatizer *l = NULL;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_lemmatizer_load(model_path, &l, &err), KG_OK);
  CU_ASSERT(lemma_is(l, "bunnies", "NOUN", "NNS", "bunny"));
  CU_ASSERT(lemma_is(l, "cows", "NOUN", "NNS", "cow"));
  CU_ASSERT(lemma_is(l, "Bunnies", "NOUN", "NNS", "bunny"));
  CU_ASSERT(lemma_is(l, "jumped", "VERB", "VBD", "jump"));
  CU_ASSERT(lemma_is(l, "3,500", "NUM", "CD", "3500"));
  CU_ASSERT(lemma_is(l, "12,345,678", "NUM", "CD", "12345678"));
  CU_ASSERT(lemma_is(l, "Berlin", "PROPN", "NNP", "Berlin"));
  /* a tag training never saw: the form */
  CU_ASSERT(lemma_is(l, "xyzzy", "X", "FW", "xyzzy"));
  /* stripping one byte of "é" would cut it: the form instead */
  CU_ASSERT(lemma_is(l, "r\xc3\xa9sum\xc3\xa9", "NOUN", "NNS",
                     "r\xc3\xa9sum\xc3\xa9"));
  CU_ASSERT(lemma_is(l, "caf\xc3\xa9s", "NOUN", "NNS", "caf\xc3\xa9"));

  /* where the lemma lies: the form itself, or buf */
  char buf[64];
  size_t len;
  const char *form = "Berlin";
  CU_ASSERT_PTR_EQUAL(
      kg_lemmatize(l, form, 6, "PROPN", "NNP", buf, sizeof buf, &len), form);
  CU_ASSERT_PTR_EQUAL(
      kg_lemmatize(l, "bunnies", 7, "NOUN", "NNS", buf, sizeof buf, &len), buf);
  /* a buffer too small for the lemma: the form, and buf untouched */
  memset(buf, 'z', sizeof buf);
  const char *lemma =
      kg_lemmatize(l, "bunnies", 7, "NOUN", "NNS", buf, 3, &len);
  CU_ASSERT(len == 7 && memcmp(lemma, "bunnies", 7) == 0);
  CU_ASSERT_EQUAL(buf[0], 'z');
  lemma = kg_lemmatize(l, "bunnies", 7, "NOUN", "NNS", buf, 4, &len);
  CU_ASSERT(len == 7 && memcmp(lemma, "bunnies", 7) == 0);
  lemma = kg_lemmatize(l, "bunnies", 7, "NOUN", "NNS", buf, 5, &len);
  CU_ASSERT(len == 5 && memcmp(lemma, "bunny", 5) == 0);
  kg_lemmatizer_free(l);
  kg_lemmatizer_free(NULL);
}

static void test_same_bytes(void) {
  char again[600];
  snprintf(again, sizeof again, "%s/again.lemmas", tmpdir);
  CU_ASSERT_EQUAL_FATAL(train_tiny(model_path), KG_OK);
  CU_ASSERT_EQUAL_FATAL(train_tiny(again), KG_OK);
  size_t n1 = 0, n2 = 0;
  unsigned char *a = slurp(model_path, &n1), *b = slurp(again, &n2);
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  CU_ASSERT(n1 == n2 && memcmp(a, b, n1) == 0);
  free(a);
  free(b);
}

/* Whether loading broken_path fails with KG_ERR_PARSE naming it. */
static int refused(void) {
  KgLemmatizer *l = NULL;
  KgError err = {.line = 0};
  KgStatus st = kg_lemmatizer_load(broken_path, &l, &err);
  if (st != KG_ERR_PARSE || l != NULL || strcmp(err.file, broken_path) != 0) {
    printf("\n  loaded: %s (%s)", kg_status_string(st), err.message);
    kg_lemmatizer_free(l);
    return 0;
  }
  return 1;
}

/* Sets the checksum of model b (size bytes) to what its bytes give, as
 * model.h lays it out: of bytes 64..size, at byte 32. */
static void fix_checksum(unsigned char *b, size_t size) {
  uint64_t h = kg_model_checksum(b + 64, size - 64);
  memcpy(b + 32, &h, 8);
}

/* The slots of section name of model b, or NULL. */
static unsigned char *section(unsigned char *b, const char *name,
                              size_t *n_slots) {
  uint32_t n;
  memcpy(&n, b + 40, 4);
  for (uint32_t i = 0; i < n; i++) {
    const unsigned char *e = b + 64 + 32 * (size_t)i;
    uint64_t offset, size;
    memcpy(&offset, e + 16, 8);
    memcpy(&size, e + 24, 8);
    if (strncmp((const char *)e, name, 16) == 0) {
      *n_slots = (size_t)size / 16;
      return b + offset;
    }
  }
  return NULL;
}

static void test_damaged_models(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny(model_path), KG_OK);
  size_t size = 0;
  unsigned char *good = slurp(model_path, &size);
  CU_ASSERT_PTR_NOT_NULL_FATAL(good);
  unsigned char *b = malloc(size);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);

  /* truncated: in its tables, and in its header */
  CU_ASSERT_EQUAL(spit(broken_path, good, size / 2), 0);
  CU_ASSERT(refused());
  CU_ASSERT_EQUAL(spit(broken_path, good, 10), 0);
  CU_ASSERT(refused());

  /* one byte damaged, wherever it is (but in the header's unused bytes,
   * 44 to 63, which nothing reads) */
  for (size_t at = 0; at < size; at += size / 7 + 1) {
    if (at >= 44 && at < 64)
      continue;
    memcpy(b, good, size);
    b[at] ^= 0x40;
    CU_ASSERT_EQUAL(spit(broken_path, b, size), 0);
    CU_ASSERT(refused());
  }

  /* checksums that agree with tables that do not: a lemma past the
   * strings, and a table without the empty slot that ends a probe */
  size_t n = 0;
  memcpy(b, good, size);
  unsigned char *slots = section(b, "lower", &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(slots);
  size_t k = 0;
  while (k < n && memcmp(slots + 16 * k, "\0\0\0\0\0\0\0\0", 8) == 0)
    k++;
  CU_ASSERT_FATAL(k < n);
  uint32_t far = 0xFFFFFF00u;
  memcpy(slots + 16 * k + 8, &far, 4);
  fix_checksum(b, size);
  CU_ASSERT_EQUAL(spit(broken_path, b, size), 0);
  CU_ASSERT(refused());

  memcpy(b, good, size);
  slots = section(b, "cases", &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(slots);
  uint64_t key = 1;
  for (k = 0; k < n; k++)
    if (memcmp(slots + 16 * k, "\0\0\0\0\0\0\0\0", 8) == 0) {
      memcpy(slots + 16 * k, &key, 8); /* a slot that holds KEEP */
      key += 2;
    }
  fix_checksum(b, size);
  CU_ASSERT_EQUAL(spit(broken_path, b, size), 0);
  CU_ASSERT(refused());

  /* the same model, unharmed, loads */
  memcpy(b, good, size);
  fix_checksum(b, size);
  CU_ASSERT_EQUAL(spit(broken_path, b, size), 0);
  KgLemmatizer *l = NULL;
  KgError err;
  CU_ASSERT_EQUAL(kg_lemmatizer_load(broken_path, &l, &err), KG_OK);
  kg_lemmatizer_free(l);
  CU_ASSERT_EQUAL(kg_lemmatizer_load("/no/such/model", &l, &err), KG_ERR_IO);
  CU_ASSERT_PTR_NULL(l);
  free(b);
  free(good);
}

/* ---- UD English EWT ----------------------------------------------------------- */

static void test_ewt_dev_accuracy(void) {
  const char *shared = getenv("SHARED");
  char train[1024], dev[1024], model[600];
  snprintf(train, sizeof train, "%s/training/ud-english-ewt/%s",
           shared && *shared ? shared : "../shared", "en_ewt-ud-train.conllu");
  snprintf(dev, sizeof dev, "%s/training/ud-english-ewt/%s",
           shared && *shared ? shared : "../shared", "en_ewt-ud-dev.conllu");
  snprintf(model, sizeof model, "%s/ewt.lemmas", tmpdir);
  if (access(train, R_OK) != 0 || access(dev, R_OK) != 0) {
    printf("\n  skipped: no %s (set SHARED to the shared material)\n", train);
    return;
  }
  KgTreebank tb;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_treebank_read(train, &tb, &err), KG_OK);
  KgStatus st = kg_lemmatizer_train(&tb, model, &err);
  kg_treebank_release(&tb);
  CU_ASSERT_EQUAL_FATAL(st, KG_OK);
  KgLemmatizer *l = NULL;
  CU_ASSERT_EQUAL_FATAL(kg_lemmatizer_load(model, &l, &err), KG_OK);
  CU_ASSERT_EQUAL_FATAL(kg_treebank_read(dev, &tb, &err), KG_OK);
  size_t right = 0, words = 0;
  char buf[256 + KG_LEMMA_SLACK];
  for (size_t s = 0; s < tb.n; s++)
    for (size_t i = 0; i < tb.trees[s].n; i++) {
      const KgTreeWord *w = &tb.trees[s].words[i];
      size_t len;
      if (w->len > 256)
        continue;
      const char *lemma = kg_lemmatize(l, w->form, w->len, tb.upos[w->tag],
                                       tb.xpos[w->tag], buf, sizeof buf, &len);
      words++;
      right += len == strlen(w->lemma) && memcmp(lemma, w->lemma, len) == 0;
    }
  printf("\n  EWT dev lemmas: %zu of %zu right (%.2f%%)\n", right, words,
         100.0 * (double)right / (double)(words ? words : 1));
  CU_ASSERT(right >= words * 98 / 100);
  kg_treebank_release(&tb);
  kg_lemmatizer_free(l);
}

int main(void) {
  static const KgTest tests[] = {
      {"known words", test_known_words},
      {"unseen words", test_unseen_words},
      {"training twice gives the same bytes", test_same_bytes},
      {"damaged models are refused", test_damaged_models},
      {"EWT dev accuracy", test_ewt_dev_accuracy}};
  static const KgSuite suites[] = {
      {"lemmatizer", suite_init, suite_clean, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
