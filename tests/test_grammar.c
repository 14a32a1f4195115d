/* test_grammar.c - CUnit suite of grammar.c, through its public functions.
 *
 * Models trained on thirteen hand-made English sentences (UD trees with
 * punctuation and multiword tokens), each written twice so that the
 * jackknifed tags the parser learns from are the tags it is given, give
 * those sentences back: every tag, lemma, head and label.  Written once,
 * the parser learns from the tags of taggers that saw half of them, and
 * still gets most heads and labels.  Every analysis, of any sentence, is a
 * tree: one word headed by 0 and labelled "root", every head in 0..n, no
 * cycle; the empty sentence and one of 300 one-letter words are analysed
 * too, and the same words always get the same analysis.  Training twice
 * gives the same bytes.  Each of the four model files missing is a
 * KG_ERR_IO naming it; truncated, damaged or of the wrong kind a
 * KG_ERR_PARSE naming it.  With ../shared (SHARED under `make check`) and
 * the shipped models (the data directory's models/: $NEWSKG_DATA, else the
 * source tree's data/), the first 1000 sentences of UD English EWT's
 * development set get >= 93% of their UPOS tags and >= 78% LAS from their
 * gold forms.
 *
 * The suite only uses grammar.h (and treebank.h to read gold trees), so it
 * holds whatever features and formats the models' internals use.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grammar.h"
#include "files.h"
#include "runner.h"
#include "treebank.h"

#ifndef NEWSKG_BUILD_DATADIR
#define NEWSKG_BUILD_DATADIR "data"
#endif

/* ---- a temporary directory per program ---------------------------------- */

static const char *const model_names[] = {"clusters.model", "tagger.model",
                                          "lemmas.model", "parser.model"};
#define N_MODELS (sizeof model_names / sizeof *model_names)

/* Subdirectories of tmpdir that hold models. */
static const char *const model_dirs[] = {"models", "again", "broken", "other",
                                         "once"};

static char tmpdir[256];
static char twice_path[512], once_path[512], other_path[512], models[512];

/* Path of file name in subdirectory dir of tmpdir (dir may be NULL). */
static void tmp_path(char *out, size_t size, const char *dir,
                     const char *name) {
  if (dir)
    snprintf(out, size, "%s/%s/%s", tmpdir, dir, name);
  else
    snprintf(out, size, "%s/%s", tmpdir, name);
}

static int suite_init(void) {
  const char *base = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/test_grammar.XXXXXX",
           base && *base ? base : "/tmp");
  if (!mkdtemp(tmpdir))
    return -1;
  tmp_path(twice_path, sizeof twice_path, NULL, "twice.conllu");
  tmp_path(once_path, sizeof once_path, NULL, "once.conllu");
  tmp_path(other_path, sizeof other_path, NULL, "other.conllu");
  snprintf(models, sizeof models, "%s/models", tmpdir);
  char dir[600];
  for (size_t d = 0; d < sizeof model_dirs / sizeof *model_dirs; d++) {
    tmp_path(dir, sizeof dir, NULL, model_dirs[d]);
    if (mkdir(dir, 0700) != 0)
      return -1;
  }
  return 0;
}

static int suite_clean(void) {
  char path[800];
  for (size_t d = 0; d < sizeof model_dirs / sizeof *model_dirs; d++) {
    for (size_t m = 0; m < N_MODELS; m++) {
      tmp_path(path, sizeof path, model_dirs[d], model_names[m]);
      unlink(path);
    }
    tmp_path(path, sizeof path, NULL, model_dirs[d]);
    rmdir(path);
  }
  unlink(twice_path);
  unlink(once_path);
  unlink(other_path);
  return rmdir(tmpdir) == 0 ? 0 : -1;
}

/* ---- the tiny treebank ------------------------------------------------------ */

/* A word line: every column but FEATS, DEPS and MISC given. */
#define W(id, form, lemma, upos, xpos, head, rel)                              \
  id "\t" form "\t" lemma "\t" upos "\t" xpos "\t_\t" head "\t" rel "\t_\t_\n"
/* A multiword token's line. */
#define MWT(ids, form) ids "\t" form "\t_\t_\t_\t_\t_\t_\t_\t_\n"

/* clang-format off */
static const char tiny[] =
    "# sent_id = 1\n"
    "# text = The cat sat on the mat.\n"
    W("1", "The", "the", "DET", "DT", "2", "det")
    W("2", "cat", "cat", "NOUN", "NN", "3", "nsubj")
    W("3", "sat", "sit", "VERB", "VBD", "0", "root")
    W("4", "on", "on", "ADP", "IN", "6", "case")
    W("5", "the", "the", "DET", "DT", "6", "det")
    W("6", "mat", "mat", "NOUN", "NN", "3", "obl")
    W("7", ".", ".", "PUNCT", ".", "3", "punct")
    "\n"
    "# sent_id = 2\n"
    "# text = I don't like rain.\n"
    W("1", "I", "I", "PRON", "PRP", "4", "nsubj")
    MWT("2-3", "don't")
    W("2", "do", "do", "AUX", "VBP", "4", "aux")
    W("3", "n't", "not", "PART", "RB", "4", "advmod")
    W("4", "like", "like", "VERB", "VB", "0", "root")
    W("5", "rain", "rain", "NOUN", "NN", "4", "obj")
    W("6", ".", ".", "PUNCT", ".", "4", "punct")
    "\n"
    "# sent_id = 3\n"
    "# text = Putin met Erdogan in Moscow on Tuesday.\n"
    W("1", "Putin", "Putin", "PROPN", "NNP", "2", "nsubj")
    W("2", "met", "meet", "VERB", "VBD", "0", "root")
    W("3", "Erdogan", "Erdogan", "PROPN", "NNP", "2", "obj")
    W("4", "in", "in", "ADP", "IN", "5", "case")
    W("5", "Moscow", "Moscow", "PROPN", "NNP", "2", "obl")
    W("6", "on", "on", "ADP", "IN", "7", "case")
    W("7", "Tuesday", "Tuesday", "PROPN", "NNP", "2", "obl")
    W("8", ".", ".", "PUNCT", ".", "2", "punct")
    "\n"
    "# sent_id = 4\n"
    "# text = She gave him a red book.\n"
    W("1", "She", "she", "PRON", "PRP", "2", "nsubj")
    W("2", "gave", "give", "VERB", "VBD", "0", "root")
    W("3", "him", "he", "PRON", "PRP", "2", "iobj")
    W("4", "a", "a", "DET", "DT", "6", "det")
    W("5", "red", "red", "ADJ", "JJ", "6", "amod")
    W("6", "book", "book", "NOUN", "NN", "2", "obj")
    W("7", ".", ".", "PUNCT", ".", "2", "punct")
    "\n"
    "# sent_id = 5\n"
    "# text = The president said that the talks were very useful.\n"
    W("1", "The", "the", "DET", "DT", "2", "det")
    W("2", "president", "president", "NOUN", "NN", "3", "nsubj")
    W("3", "said", "say", "VERB", "VBD", "0", "root")
    W("4", "that", "that", "SCONJ", "IN", "9", "mark")
    W("5", "the", "the", "DET", "DT", "6", "det")
    W("6", "talks", "talk", "NOUN", "NNS", "9", "nsubj")
    W("7", "were", "be", "AUX", "VBD", "9", "cop")
    W("8", "very", "very", "ADV", "RB", "9", "advmod")
    W("9", "useful", "useful", "ADJ", "JJ", "3", "ccomp")
    W("10", ".", ".", "PUNCT", ".", "3", "punct")
    "\n"
    "# sent_id = 6\n"
    "# text = Troops fled and the city fell.\n"
    W("1", "Troops", "troop", "NOUN", "NNS", "2", "nsubj")
    W("2", "fled", "flee", "VERB", "VBD", "0", "root")
    W("3", "and", "and", "CCONJ", "CC", "6", "cc")
    W("4", "the", "the", "DET", "DT", "5", "det")
    W("5", "city", "city", "NOUN", "NN", "6", "nsubj")
    W("6", "fell", "fall", "VERB", "VBD", "2", "conj")
    W("7", ".", ".", "PUNCT", ".", "2", "punct")
    "\n"
    "# sent_id = 7\n"
    "# text = They will visit Paris next week.\n"
    W("1", "They", "they", "PRON", "PRP", "3", "nsubj")
    W("2", "will", "will", "AUX", "MD", "3", "aux")
    W("3", "visit", "visit", "VERB", "VB", "0", "root")
    W("4", "Paris", "Paris", "PROPN", "NNP", "3", "obj")
    W("5", "next", "next", "ADJ", "JJ", "6", "amod")
    W("6", "week", "week", "NOUN", "NN", "3", "obl:tmod")
    W("7", ".", ".", "PUNCT", ".", "3", "punct")
    "\n"
    "# sent_id = 8\n"
    "# text = Is it raining in London?\n"
    W("1", "Is", "be", "AUX", "VBZ", "3", "aux")
    W("2", "it", "it", "PRON", "PRP", "3", "nsubj")
    W("3", "raining", "rain", "VERB", "VBG", "0", "root")
    W("4", "in", "in", "ADP", "IN", "5", "case")
    W("5", "London", "London", "PROPN", "NNP", "3", "obl")
    W("6", "?", "?", "PUNCT", ".", "3", "punct")
    "\n"
    "# sent_id = 9\n"
    "# text = We can't stop now.\n"
    W("1", "We", "we", "PRON", "PRP", "4", "nsubj")
    MWT("2-3", "can't")
    W("2", "ca", "can", "AUX", "MD", "4", "aux")
    W("3", "n't", "not", "PART", "RB", "4", "advmod")
    W("4", "stop", "stop", "VERB", "VB", "0", "root")
    W("5", "now", "now", "ADV", "RB", "4", "advmod")
    W("6", ".", ".", "PUNCT", ".", "4", "punct")
    "\n"
    "# sent_id = 10\n"
    "# text = The minister's visit to Minsk, which lasted two days, ended.\n"
    W("1", "The", "the", "DET", "DT", "2", "det")
    W("2", "minister", "minister", "NOUN", "NN", "4", "nmod:poss")
    W("3", "'s", "'s", "PART", "POS", "2", "case")
    W("4", "visit", "visit", "NOUN", "NN", "13", "nsubj")
    W("5", "to", "to", "ADP", "IN", "6", "case")
    W("6", "Minsk", "Minsk", "PROPN", "NNP", "4", "nmod")
    W("7", ",", ",", "PUNCT", ",", "9", "punct")
    W("8", "which", "which", "PRON", "WDT", "9", "nsubj")
    W("9", "lasted", "last", "VERB", "VBD", "4", "acl:relcl")
    W("10", "two", "two", "NUM", "CD", "11", "nummod")
    W("11", "days", "day", "NOUN", "NNS", "9", "obl:tmod")
    W("12", ",", ",", "PUNCT", ",", "9", "punct")
    W("13", "ended", "end", "VERB", "VBD", "0", "root")
    W("14", ".", ".", "PUNCT", ".", "13", "punct")
    "\n"
    "# sent_id = 11\n"
    "# text = Don't go!\n"
    MWT("1-2", "Don't")
    W("1", "Do", "do", "AUX", "VB", "3", "aux")
    W("2", "n't", "not", "PART", "RB", "3", "advmod")
    W("3", "go", "go", "VERB", "VB", "0", "root")
    W("4", "!", "!", "PUNCT", ".", "3", "punct")
    "\n"
    "# sent_id = 12\n"
    "# text = Sales grew in 2020.\n"
    W("1", "Sales", "sale", "NOUN", "NNS", "2", "nsubj")
    W("2", "grew", "grow", "VERB", "VBD", "0", "root")
    W("3", "in", "in", "ADP", "IN", "4", "case")
    W("4", "2020", "2020", "NUM", "CD", "2", "obl")
    W("5", ".", ".", "PUNCT", ".", "2", "punct")
    "\n"
    "# sent_id = 13\n"
    "# text = Germany and France signed a treaty.\n"
    W("1", "Germany", "Germany", "PROPN", "NNP", "4", "nsubj")
    W("2", "and", "and", "CCONJ", "CC", "3", "cc")
    W("3", "France", "France", "PROPN", "NNP", "1", "conj")
    W("4", "signed", "sign", "VERB", "VBD", "0", "root")
    W("5", "a", "a", "DET", "DT", "6", "det")
    W("6", "treaty", "treaty", "NOUN", "NN", "4", "obj")
    W("7", ".", ".", "PUNCT", ".", "4", "punct")
    "\n";
#define TINY_SENTENCES 13
#define TINY_WORDS 94

/* Another treebank, whose first word has a tag the tiny one numbers
 * otherwise: its tagger and the tiny one's parser do not agree. */
static const char other[] =
    "# text = Run.\n"
    W("1", "Run", "run", "VERB", "VB", "0", "root")
    W("2", ".", ".", "PUNCT", ".", "1", "punct")
    "\n"
    "# text = The cat sat.\n"
    W("1", "The", "the", "DET", "DT", "2", "det")
    W("2", "cat", "cat", "NOUN", "NN", "3", "nsubj")
    W("3", "sat", "sit", "VERB", "VBD", "0", "root")
    W("4", ".", ".", "PUNCT", ".", "3", "punct")
    "\n";
/* clang-format on */

static const KgGrammarTrainOptions tiny_options = {.tagger_epochs = 20,
                                                   .parser_epochs = 20,
                                                   .folds = 2,
                                                   .seed = 7,
                                                   .clusters = 8};

/* Writes text copies times over at path. */
static int write_text(const char *path, const char *text, int copies) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  for (int i = 0; i < copies; i++)
    fputs(text, f);
  return fclose(f);
}

/* Trains models on the tiny treebank written copies times over (1 or 2)
 * into subdirectory dir of tmpdir.  Written twice, the copies of a
 * sentence stand TINY_SENTENCES (odd) apart, in different folds however
 * the sentences are dealt into two: the tagger of the fold of one copy
 * saw the other, so the parser learns from the right tags. */
static KgStatus train_tiny(const char *dir, int copies) {
  char path[600];
  const char *treebank = copies == 2 ? twice_path : once_path;
  tmp_path(path, sizeof path, dir, "");
  if (write_text(treebank, tiny, copies) != 0)
    return KG_ERR_IO;
  KgError err;
  KgStatus st = kg_grammar_train(treebank, path, &tiny_options, &err);
  if (st != KG_OK)
    printf("\n  training: %s: %s", err.file, err.message);
  return st;
}

/* ---- what every analysis must be ---------------------------------------- */

/* Whether the n analysed words form a tree: one word headed by 0 and
 * labelled "root" (no other word so labelled), every head in 0..n, and
 * every word reaching the root in at most n steps. */
static int is_tree(const KgParsedWord *w, size_t n) {
  size_t roots = 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i].head > n || w[i].deprel == NULL || w[i].upos == NULL ||
        w[i].xpos == NULL || w[i].lemma == NULL) {
      printf("\n  word %zu: head %zu of %zu, or a NULL string", i + 1,
             w[i].head, n);
      return 0;
    }
    int head0 = w[i].head == 0, root = strcmp(w[i].deprel, "root") == 0;
    if (head0 != root) {
      printf("\n  word %zu: head %zu, deprel %s", i + 1, w[i].head,
             w[i].deprel);
      return 0;
    }
    roots += (size_t)head0;
  }
  if (n > 0 && roots != 1) {
    printf("\n  %zu roots", roots);
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    size_t at = i + 1, steps = 0;
    while (at != 0 && steps <= n) {
      at = w[at - 1].head;
      steps++;
    }
    if (at != 0) {
      printf("\n  word %zu is in a cycle", i + 1);
      return 0;
    }
  }
  return 1;
}

/* is_tree itself: a tree passes, and each way of not being one fails. */
static void test_tree_check(void) {
  /* a tree; two roots; a cycle beside the root; a head past n */
  static const size_t heads[][3] = {{2, 0, 2}, {2, 0, 0}, {0, 3, 2}, {2, 0, 4}};
  static const char *const rels[][3] = {{"nsubj", "root", "obj"},
                                        {"nsubj", "root", "root"},
                                        {"root", "obj", "obj"},
                                        {"nsubj", "root", "obj"}};
  KgParsedWord w[3];
  for (size_t k = 0; k < 4; k++) {
    for (size_t i = 0; i < 3; i++)
      w[i] = (KgParsedWord){"x", 1, "X", "XX", "x", 1, heads[k][i], rels[k][i]};
    CU_ASSERT(is_tree(w, 3) == (k == 0));
  }
  /* "root" on a word not headed by 0 */
  for (size_t i = 0; i < 3; i++)
    w[i] = (KgParsedWord){"x", 1, "X", "XX", "x", 1, heads[0][i], rels[0][i]};
  w[0].deprel = "root";
  CU_ASSERT(!is_tree(w, 3));
  printf("\n");
}

/* Whether the n analysed words of a and b are the same analysis. */
static int same_analysis(const KgParsedWord *a, const KgParsedWord *b,
                         size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i].head != b[i].head || strcmp(a[i].deprel, b[i].deprel) != 0 ||
        strcmp(a[i].upos, b[i].upos) != 0 ||
        strcmp(a[i].xpos, b[i].xpos) != 0 || a[i].lemma_len != b[i].lemma_len ||
        memcmp(a[i].lemma, b[i].lemma, a[i].lemma_len) != 0)
      return 0;
  return 1;
}

/* The words of tree t, their forms from it and the rest zeroed; NULL when
 * out of memory.  free() it. */
static KgParsedWord *forms_of(const KgTree *t) {
  KgParsedWord *w = calloc(t->n ? t->n : 1, sizeof *w);
  for (size_t i = 0; w && i < t->n; i++) {
    w[i].form = t->words[i].form;
    w[i].len = t->words[i].len;
  }
  return w;
}

/* ---- the tiny treebank, learned --------------------------------------------- */

/* How many words of the tiny treebank the models of subdirectory dir give
 * right, and how many analyses were trees. */
typedef struct {
  size_t words, upos, xpos, lemmas, heads, las, trees;
} Recovered;

static Recovered recover_tiny(const char *dir, int verbose) {
  Recovered r = {0, 0, 0, 0, 0, 0, 0};
  char path[600];
  tmp_path(path, sizeof path, dir, "");
  KgGrammar *g = NULL;
  KgError err;
  KgTreebank tb;
  CU_ASSERT_EQUAL_FATAL(write_text(once_path, tiny, 1), 0);
  CU_ASSERT_EQUAL_FATAL(kg_grammar_load(path, &g, &err), KG_OK);
  CU_ASSERT_EQUAL_FATAL(kg_treebank_read(once_path, &tb, &err), KG_OK);
  CU_ASSERT_EQUAL(tb.n, TINY_SENTENCES);
  KgAnalysis *a = kg_analysis_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  for (size_t s = 0; s < tb.n; s++) {
    const KgTree *t = &tb.trees[s];
    KgParsedWord *w = forms_of(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, w, t->n, &err), KG_OK);
    r.trees += (size_t)is_tree(w, t->n);
    for (size_t i = 0; i < t->n; i++) {
      const KgTreeWord *gold = &t->words[i];
      int u = strcmp(w[i].upos, tb.upos[gold->tag]) == 0;
      int x = strcmp(w[i].xpos, tb.xpos[gold->tag]) == 0;
      int l = w[i].lemma_len == strlen(gold->lemma) &&
              memcmp(w[i].lemma, gold->lemma, w[i].lemma_len) == 0;
      int h = w[i].head == gold->head;
      int las = h && strcmp(w[i].deprel, tb.labels[gold->label]) == 0;
      if (verbose && !(u && x && l && las))
        printf("\n  sentence %zu word %zu %.*s: %s/%s %.*s %zu %s, not "
               "%s/%s %s %u %s",
               s + 1, i + 1, (int)w[i].len, w[i].form, w[i].upos, w[i].xpos,
               (int)w[i].lemma_len, w[i].lemma, w[i].head, w[i].deprel,
               tb.upos[gold->tag], tb.xpos[gold->tag], gold->lemma, gold->head,
               tb.labels[gold->label]);
      r.words++;
      r.upos += (size_t)u;
      r.xpos += (size_t)x;
      r.lemmas += (size_t)l;
      r.heads += (size_t)h;
      r.las += (size_t)las;
    }
    free(w);
  }
  printf("\n  %s: %zu words; UPOS %zu, XPOS %zu, lemmas %zu, heads %zu, "
         "labelled %zu right; %zu of %zu trees\n",
         dir, r.words, r.upos, r.xpos, r.lemmas, r.heads, r.las, r.trees, tb.n);
  kg_analysis_free(a);
  kg_treebank_release(&tb);
  kg_grammar_free(g);
  return r;
}

static void test_learns_tiny_treebank(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny("models", 2), KG_OK);
  Recovered r = recover_tiny("models", 1);
  /* every word of the sentences they saw, with their own tags */
  CU_ASSERT_EQUAL(r.words, TINY_WORDS);
  CU_ASSERT_EQUAL(r.trees, TINY_SENTENCES);
  CU_ASSERT_EQUAL(r.upos, TINY_WORDS);
  CU_ASSERT_EQUAL(r.xpos, TINY_WORDS);
  CU_ASSERT_EQUAL(r.lemmas, TINY_WORDS);
  CU_ASSERT_EQUAL(r.heads, TINY_WORDS);
  CU_ASSERT_EQUAL(r.las, TINY_WORDS);
}

static void test_learns_from_jackknifed_tags(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny("once", 1), KG_OK);
  Recovered r = recover_tiny("once", 0);
  /* the tagger and lemmatizer saw every sentence; the parser learned
   * from the tags of taggers that saw half the sentences, and is given
   * right ones: most heads and labels, not all */
  CU_ASSERT_EQUAL(r.words, TINY_WORDS);
  CU_ASSERT_EQUAL(r.trees, TINY_SENTENCES);
  CU_ASSERT_EQUAL(r.upos, TINY_WORDS);
  CU_ASSERT_EQUAL(r.xpos, TINY_WORDS);
  CU_ASSERT_EQUAL(r.lemmas, TINY_WORDS);
  CU_ASSERT(r.heads * 10 >= r.words * 6);
  CU_ASSERT(r.las * 10 >= r.words * 5);
}

/* Copies model file name of subdirectory from to subdirectory to, as
 * model file as_name. */
static int copy_model(const char *from, const char *name, const char *to,
                      const char *as_name) {
  char src[800], dst[800];
  tmp_path(src, sizeof src, from, name);
  tmp_path(dst, sizeof dst, to, as_name);
  size_t size = 0;
  unsigned char *b = slurp(src, &size);
  int rc = b ? spit(dst, b, size) : -1;
  free(b);
  return rc;
}

static void test_same_bytes(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny("models", 2), KG_OK);
  CU_ASSERT_EQUAL_FATAL(train_tiny("again", 2), KG_OK);
  for (size_t m = 0; m < N_MODELS; m++) {
    char p1[800], p2[800];
    tmp_path(p1, sizeof p1, "models", model_names[m]);
    tmp_path(p2, sizeof p2, "again", model_names[m]);
    size_t n1 = 0, n2 = 0;
    unsigned char *a = slurp(p1, &n1), *b = slurp(p2, &n2);
    CU_ASSERT_PTR_NOT_NULL(a);
    CU_ASSERT_PTR_NOT_NULL(b);
    int same = a && b && n1 == n2 && memcmp(a, b, n1) == 0;
    if (!same)
      printf("\n  %s differs (%zu and %zu bytes)", model_names[m], n1, n2);
    CU_ASSERT(same);
    free(a);
    free(b);
  }
}

/* Whether loading the models of broken/ fails with status st naming
 * broken/name. */
static int refused(KgStatus st_expected, const char *name) {
  char dir[600], path[800];
  tmp_path(dir, sizeof dir, NULL, "broken");
  tmp_path(path, sizeof path, "broken", name);
  KgGrammar *g = NULL;
  KgError err = {.line = 0};
  KgStatus st = kg_grammar_load(dir, &g, &err);
  if (st != st_expected || g != NULL || strcmp(err.file, path) != 0) {
    printf("\n  %s: %s, %s (%s), not %s", name, kg_status_string(st), err.file,
           err.message, kg_status_string(st_expected));
    kg_grammar_free(g);
    return 0;
  }
  return 1;
}

/* Puts the good models in broken/. */
static int restore_broken(void) {
  for (size_t m = 0; m < N_MODELS; m++)
    if (copy_model("models", model_names[m], "broken", model_names[m]) != 0)
      return -1;
  return 0;
}

static void test_damaged_models(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny("models", 2), KG_OK);
  char dir[600];
  tmp_path(dir, sizeof dir, NULL, "broken");
  KgGrammar *g = NULL;
  KgError err;
  for (size_t m = 0; m < N_MODELS; m++) {
    const char *name = model_names[m];
    char path[800];
    tmp_path(path, sizeof path, "broken", name);
    size_t size = 0;
    char good_path[800];
    tmp_path(good_path, sizeof good_path, "models", name);
    unsigned char *good = slurp(good_path, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(good);
    CU_ASSERT_FATAL(size > 64);

    /* missing */
    CU_ASSERT_EQUAL_FATAL(restore_broken(), 0);
    CU_ASSERT_EQUAL(kg_grammar_load(dir, &g, &err), KG_OK);
    kg_grammar_free(g);
    CU_ASSERT_EQUAL(unlink(path), 0);
    CU_ASSERT(refused(KG_ERR_IO, name));

    /* cut to half its size */
    CU_ASSERT_EQUAL(spit(path, good, size / 2), 0);
    CU_ASSERT(refused(KG_ERR_PARSE, name));

    /* one byte flipped in the middle */
    good[size / 2] ^= 0x40;
    CU_ASSERT_EQUAL(spit(path, good, size), 0);
    CU_ASSERT(refused(KG_ERR_PARSE, name));
    free(good);
  }

  /* a model of another kind in each one's place: the tagger's in the
   * parser's, the parser's in the tagger's, the tagger's in the others' */
  for (size_t m = 0; m < N_MODELS; m++) {
    const char *name = model_names[m];
    const char *impostor =
        strcmp(name, "tagger.model") == 0 ? "parser.model" : "tagger.model";
    CU_ASSERT_EQUAL_FATAL(restore_broken(), 0);
    CU_ASSERT_EQUAL(copy_model("models", impostor, "broken", name), 0);
    CU_ASSERT(refused(KG_ERR_PARSE, name));
  }

  /* a tagger that numbers its tags otherwise than the parser learned */
  CU_ASSERT_EQUAL_FATAL(restore_broken(), 0);
  CU_ASSERT_EQUAL_FATAL(write_text(other_path, other, 1), 0);
  char other_dir[600];
  tmp_path(other_dir, sizeof other_dir, NULL, "other");
  CU_ASSERT_EQUAL_FATAL(
      kg_grammar_train(other_path, other_dir, &tiny_options, &err), KG_OK);
  CU_ASSERT_EQUAL(kg_grammar_load(other_dir, &g, &err), KG_OK);
  kg_grammar_free(g);
  CU_ASSERT_EQUAL(copy_model("other", "tagger.model", "broken", "tagger.model"),
                  0);
  g = NULL;
  CU_ASSERT_EQUAL(kg_grammar_load(dir, &g, &err), KG_ERR_PARSE);
  CU_ASSERT_PTR_NULL(g);

  /* no directory at all */
  g = NULL;
  CU_ASSERT_EQUAL(kg_grammar_load("/no/such/models", &g, &err), KG_ERR_IO);
  CU_ASSERT_PTR_NULL(g);
  int named = 0;
  for (size_t m = 0; m < N_MODELS; m++) {
    char path[600];
    snprintf(path, sizeof path, "/no/such/models/%s", model_names[m]);
    named |= strcmp(err.file, path) == 0;
  }
  CU_ASSERT(named);
  kg_grammar_free(NULL);
  kg_analysis_free(NULL);
}

/* ---- sentences of any length ------------------------------------------------ */

static void test_empty_and_long(void) {
  CU_ASSERT_EQUAL_FATAL(train_tiny("models", 2), KG_OK);
  KgGrammar *g = NULL;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_grammar_load(models, &g, &err), KG_OK);
  KgAnalysis *a = kg_analysis_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);

  /* nothing, with a fresh analysis and then with one that has analysed */
  KgParsedWord none[1] = {{"x", 1, NULL, NULL, NULL, 0, 0, NULL}};
  CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, none, 0, &err), KG_OK);
  CU_ASSERT_PTR_NULL(none[0].upos); /* untouched */

  enum { LONG = 300 };
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  KgParsedWord w[LONG], again[LONG];
  for (size_t i = 0; i < LONG; i++)
    w[i] = (KgParsedWord){.form = letters + i % 26, .len = 1};
  memcpy(again, w, sizeof w);
  CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, w, LONG, &err), KG_OK);
  CU_ASSERT(is_tree(w, LONG));
  for (size_t i = 0; i < LONG; i++)
    CU_ASSERT(w[i].lemma_len > 0);
  CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, none, 0, &err), KG_OK);
  CU_ASSERT_PTR_NULL(none[0].upos);

  /* the same words, the same analysis: after a short sentence, and with
   * another analysis */
  KgParsedWord one[1] = {{"Run", 3, NULL, NULL, NULL, 0, 0, NULL}};
  CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, one, 1, &err), KG_OK);
  CU_ASSERT(is_tree(one, 1));
  CU_ASSERT_EQUAL(one[0].head, 0);
  KgAnalysis *b = kg_analysis_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  CU_ASSERT_EQUAL(kg_grammar_analyse(g, b, again, LONG, &err), KG_OK);
  CU_ASSERT(same_analysis(w, again, LONG));
  memcpy(again, w, sizeof w);
  CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, again, LONG, &err), KG_OK);
  CU_ASSERT(same_analysis(w, again, LONG));
  kg_analysis_free(b);
  kg_analysis_free(a);
  kg_grammar_free(g);
}

/* ---- the shipped models on UD English EWT ------------------------------------ */

/* The part of a label before its subtype's ':', as a length. */
static size_t base_len(const char *label) { return strcspn(label, ":"); }

static void test_ewt_dev_accuracy(void) {
  const char *shared = getenv("SHARED");
  const char *data = getenv("NEWSKG_DATA");
  char dev[1024], dir[1024];
  snprintf(dev, sizeof dev, "%s/training/ud-english-ewt/en_ewt-ud-dev.conllu",
           shared && *shared ? shared : "../shared");
  snprintf(dir, sizeof dir, "%s/models",
           data && *data ? data : NEWSKG_BUILD_DATADIR);
  if (access(dev, R_OK) != 0) {
    printf("\n  skipped: no %s (set SHARED to the shared material)\n", dev);
    return;
  }
  /* skipped where no model is there yet; where some are, all must load */
  int any = 0;
  for (size_t m = 0; m < N_MODELS; m++) {
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", dir, model_names[m]);
    any |= access(path, F_OK) == 0;
  }
  if (!any) {
    printf("\n  skipped: no models in %s (`make models` trains them)\n", dir);
    return;
  }
  KgGrammar *g = NULL;
  KgError err;
  KgStatus st = kg_grammar_load(dir, &g, &err);
  if (st != KG_OK)
    printf("\n  %s: %s", err.file, err.message);
  CU_ASSERT_EQUAL_FATAL(st, KG_OK);
  KgTreebank tb;
  CU_ASSERT_EQUAL_FATAL(kg_treebank_read(dev, &tb, &err), KG_OK);
  KgAnalysis *a = kg_analysis_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  size_t sentences = tb.n < 1000 ? tb.n : 1000;
  size_t words = 0, upos = 0, las = 0, trees = 0;
  for (size_t s = 0; s < sentences; s++) {
    const KgTree *t = &tb.trees[s];
    KgParsedWord *w = forms_of(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_EQUAL(kg_grammar_analyse(g, a, w, t->n, &err), KG_OK);
    trees += (size_t)is_tree(w, t->n);
    for (size_t i = 0; i < t->n; i++) {
      const KgTreeWord *gold = &t->words[i];
      const char *label = tb.labels[gold->label];
      size_t len = base_len(label);
      words++;
      upos += strcmp(w[i].upos, tb.upos[gold->tag]) == 0;
      las += w[i].head == gold->head && base_len(w[i].deprel) == len &&
             memcmp(w[i].deprel, label, len) == 0;
    }
    free(w);
  }
  double upos_acc = (double)upos / (double)(words ? words : 1);
  double las_acc = (double)las / (double)(words ? words : 1);
  printf("\n  EWT dev, first %zu sentences, %zu words: UPOS %.2f%%, "
         "LAS %.2f%%\n",
         sentences, words, 100 * upos_acc, 100 * las_acc);
  CU_ASSERT_EQUAL(sentences, 1000);
  CU_ASSERT_EQUAL(trees, sentences);
  CU_ASSERT(upos_acc >= 0.93);
  CU_ASSERT(las_acc >= 0.78);
  kg_analysis_free(a);
  kg_treebank_release(&tb);
  kg_grammar_free(g);
}

int main(void) {
  static const KgTest tests[] = {
      {"the tree check", test_tree_check},
      {"the tiny treebank is learned", test_learns_tiny_treebank},
      {"learned from jackknifed tags", test_learns_from_jackknifed_tags},
      {"training twice gives the same bytes", test_same_bytes},
      {"damaged models are refused", test_damaged_models},
      {"empty and 300-word sentences", test_empty_and_long},
      {"EWT dev accuracy of the shipped models", test_ewt_dev_accuracy}};
  static const KgSuite suites[] = {
      {"grammar", suite_init, suite_clean, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
