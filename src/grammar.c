/* grammar.c - a sentence's grammar: tags, lemmas and dependency tree.
 *
 * Chains the models: the words' keys (with their classes) are made once,
 * the tagger tags them, the lemmatizer reads each form with its tag, and
 * the parser builds the tree over words and tags.  The parser's features use the
 * tagger's tag numbers, so loading checks that the two models agree on
 * them.
 */
#include "grammar.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clusters.h"
#include "error.h"
#include "lemmatizer.h"
#include "parser.h"
#include "tagger.h"
#include "treebank.h"
#include "wordkeys.h"

struct KgGrammarImpl {
  KgClusters *clusters;
  KgTagger *tagger;
  KgLemmatizer *lemmatizer;
  KgParser *parser;
};

struct KgAnalysisImpl {
  KgWordKeys *keys;
  uint16_t *tags, *labels;
  uint32_t *heads;
  size_t cap;       ///< words the arrays above hold
  char *lemmas;     ///< lemmas written for this sentence
  size_t lemma_cap; ///< bytes of lemmas
  KgParserState *parser;
};

KgStatus kg_grammar_load(const char *dir, KgGrammar **out, KgError *err) {
  *out = NULL;
  KgGrammar *g = calloc(1, sizeof *g);
  size_t len = strlen(dir) + 32;
  char *path = malloc(len);
  if (g == NULL || path == NULL) {
    free(g);
    free(path);
    return kg_error(err, KG_ERR_NOMEM, dir, 0, -1, "out of memory");
  }
  snprintf(path, len, "%s/clusters.model", dir);
  KgStatus st = kg_clusters_load(path, &g->clusters, err);
  if (st == KG_OK) {
    snprintf(path, len, "%s/tagger.model", dir);
    st = kg_tagger_load(path, &g->tagger, err);
  }
  if (st == KG_OK) {
    snprintf(path, len, "%s/lemmas.model", dir);
    st = kg_lemmatizer_load(path, &g->lemmatizer, err);
  }
  if (st == KG_OK) {
    snprintf(path, len, "%s/parser.model", dir);
    st = kg_parser_load(path, &g->parser, err);
  }
  if (st == KG_OK && !kg_parser_tags_match(g->parser, g->tagger))
    st = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                  "the parser was trained with other tags than "
                  "%s/tagger.model gives",
                  dir);
  free(path);
  if (st != KG_OK) {
    kg_grammar_free(g);
    return st;
  }
  *out = g;
  return KG_OK;
}

void kg_grammar_free(KgGrammar *g) {
  if (g == NULL)
    return;
  kg_clusters_free(g->clusters);
  kg_tagger_free(g->tagger);
  kg_lemmatizer_free(g->lemmatizer);
  kg_parser_free(g->parser);
  free(g);
}

KgAnalysis *kg_analysis_new(void) {
  KgAnalysis *a = calloc(1, sizeof *a);
  if (a != NULL && (a->parser = kg_parser_state_new()) == NULL) {
    free(a);
    a = NULL;
  }
  return a;
}

void kg_analysis_free(KgAnalysis *a) {
  if (a == NULL)
    return;
  free(a->keys);
  free(a->tags);
  free(a->labels);
  free(a->heads);
  free(a->lemmas);
  kg_parser_state_free(a->parser);
  free(a);
}

/* Room for n words and lemma_bytes bytes of lemmas. */
static int reserve(KgAnalysis *a, size_t n, size_t lemma_bytes) {
  if (n > a->cap) {
    size_t cap = n > 2 * a->cap ? n : 2 * a->cap;
    KgWordKeys *keys = realloc(a->keys, cap * sizeof *keys);
    if (keys != NULL)
      a->keys = keys;
    uint16_t *tags = realloc(a->tags, cap * sizeof *tags);
    if (tags != NULL)
      a->tags = tags;
    uint16_t *labels = realloc(a->labels, cap * sizeof *labels);
    if (labels != NULL)
      a->labels = labels;
    uint32_t *heads = realloc(a->heads, cap * sizeof *heads);
    if (heads != NULL)
      a->heads = heads;
    if (keys == NULL || tags == NULL || labels == NULL || heads == NULL)
      return -1;
    a->cap = cap;
  }
  if (lemma_bytes > a->lemma_cap) {
    size_t cap = lemma_bytes > 2 * a->lemma_cap ? lemma_bytes : 2 * a->lemma_cap;
    char *lemmas = realloc(a->lemmas, cap);
    if (lemmas == NULL)
      return -1;
    a->lemmas = lemmas;
    a->lemma_cap = cap;
  }
  return 0;
}

KgStatus kg_grammar_analyse(const KgGrammar *g, KgAnalysis *a,
                            KgParsedWord *words, size_t n, KgError *err) {
  size_t lemma_bytes = 0;
  for (size_t i = 0; i < n; i++)
    lemma_bytes += words[i].len + KG_LEMMA_SLACK;
  if (reserve(a, n, lemma_bytes) != 0)
    return kg_error(err, KG_ERR_NOMEM, "", 0, -1, "out of memory");
  for (size_t i = 0; i < n; i++)
    kg_word_keys(words[i].form, words[i].len, g->clusters, &a->keys[i]);
  kg_tagger_tag(g->tagger, a->keys, n, a->tags);
  if (kg_parser_parse(g->parser, a->parser, a->keys, a->tags, n, a->heads,
                      a->labels) != 0)
    return kg_error(err, KG_ERR_NOMEM, "", 0, -1, "out of memory");
  char *at = a->lemmas;
  for (size_t i = 0; i < n; i++) {
    KgParsedWord *w = &words[i];
    w->upos = kg_tagger_upos(g->tagger, a->tags[i]);
    w->xpos = kg_tagger_xpos(g->tagger, a->tags[i]);
    w->lemma = kg_lemmatize(g->lemmatizer, w->form, w->len, w->upos, w->xpos,
                            at, w->len + KG_LEMMA_SLACK, &w->lemma_len);
    if (w->lemma == at)
      at += w->lemma_len;
    w->head = a->heads[i];
    w->deprel = kg_parser_label(g->parser, a->labels[i]);
  }
  return KG_OK;
}

/* --- training ------------------------------------------------------------- */

/* The exchange algorithm's passes at most and the words it classes: seen
 * at least three times (rarer words' neighbours say too little). */
#define CLUSTER_PASSES 20
#define CLUSTER_MIN_COUNT 3

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) +
         (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Tags every word of tb with a tagger that never saw its sentence: fold f
 * (sentences i with i % folds == f) is tagged by a tagger trained on the
 * other folds, written to a temporary file of dir and removed. */
static KgStatus jackknife_tags(const KgTreebank *tb, const char *dir,
                               const KgGrammarTrainOptions *opts,
                               const KgClusters *clusters, uint16_t *tags,
                               KgError *err) {
  size_t *first = malloc((tb->n + 1) * sizeof *first);
  size_t *use = malloc((tb->n ? tb->n : 1) * sizeof *use);
  size_t len = strlen(dir) + 32, longest = 0;
  char *path = malloc(len);
  KgStatus st = KG_OK;
  if (first == NULL || use == NULL || path == NULL)
    st = kg_error(err, KG_ERR_NOMEM, dir, 0, -1, "out of memory");
  for (size_t i = 0, at = 0; st == KG_OK && i <= tb->n; i++) {
    first[i] = at;
    if (i < tb->n) {
      at += tb->trees[i].n;
      longest = tb->trees[i].n > longest ? tb->trees[i].n : longest;
    }
  }
  KgWordKeys *keys = malloc((longest + 1) * sizeof *keys);
  if (st == KG_OK && keys == NULL)
    st = kg_error(err, KG_ERR_NOMEM, dir, 0, -1, "out of memory");
  KgTrainOptions topts = {opts->tagger_epochs, opts->seed, clusters,
                          opts->tagger_min_weight};
  for (unsigned f = 0; st == KG_OK && f < opts->folds; f++) {
    size_t n = 0;
    for (size_t i = 0; i < tb->n; i++)
      if (i % opts->folds != f)
        use[n++] = i;
    snprintf(path, len, "%s/fold%u.tmp", dir, f);
    st = kg_tagger_train(tb, use, n, &topts, path, err);
    KgTagger *t = NULL;
    if (st == KG_OK)
      st = kg_tagger_load(path, &t, err);
    for (size_t i = f; st == KG_OK && i < tb->n; i += opts->folds) {
      const KgTree *tree = &tb->trees[i];
      for (size_t w = 0; w < tree->n; w++)
        kg_word_keys(tree->words[w].form, tree->words[w].len, clusters,
                     &keys[w]);
      kg_tagger_tag(t, keys, tree->n, tags + first[i]);
    }
    kg_tagger_free(t);
    remove(path);
  }
  free(first);
  free(use);
  free(path);
  free(keys);
  return st;
}

KgStatus kg_grammar_train(const char *treebank, const char *dir,
                          const KgGrammarTrainOptions *opts, KgError *err) {
  if (opts->tagger_epochs == 0 || opts->parser_epochs == 0 ||
      opts->folds < 2 || opts->clusters < 2)
    return kg_error(err, KG_ERR_INPUT, treebank, 0, -1,
                    "training needs a pass or more of each model, two folds "
                    "or more and two word classes or more");
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  KgTreebank tb;
  KgStatus st = kg_treebank_read(treebank, &tb, err);
  if (st != KG_OK)
    return st;
  size_t all = tb.n; /* a limit leaves the rest unused, then released */
  if (opts->limit != 0 && opts->limit < tb.n)
    tb.n = opts->limit;
  size_t words = 0;
  for (size_t i = 0; i < tb.n; i++)
    words += tb.trees[i].n;
  if (opts->log)
    fprintf(opts->log, "train: %zu sentences, %zu words, %zu tags, "
            "%zu labels from %s\n", tb.n, words, tb.n_tags, tb.n_labels,
            treebank);
  size_t len = strlen(dir) + 32;
  char *path = malloc(len);
  uint16_t *tags = malloc((words ? words : 1) * sizeof *tags);
  if (path == NULL || tags == NULL)
    st = kg_error(err, KG_ERR_NOMEM, dir, 0, -1, "out of memory");
  /* The word classes first, from the treebank's words and the texts. */
  KgClusters *clusters = NULL;
  const char **texts = malloc((opts->n_texts + 1) * sizeof *texts);
  if (st == KG_OK && texts == NULL)
    st = kg_error(err, KG_ERR_NOMEM, dir, 0, -1, "out of memory");
  if (st == KG_OK) {
    texts[0] = treebank;
    for (size_t i = 0; i < opts->n_texts; i++)
      texts[i + 1] = opts->texts[i];
    KgClustersOptions copts = {opts->clusters, CLUSTER_PASSES,
                               CLUSTER_MIN_COUNT, opts->log};
    snprintf(path, len, "%s/clusters.model", dir);
    st = kg_clusters_train(texts, opts->n_texts + 1, &copts, path, err);
    if (st == KG_OK)
      st = kg_clusters_load(path, &clusters, err);
    if (st == KG_OK && opts->log)
      fprintf(opts->log, "train: %s (%.1f s)\n", path, seconds_since(&start));
  }
  free(texts);
  KgTrainOptions topts = {opts->tagger_epochs, opts->seed, clusters,
                          opts->tagger_min_weight};
  if (st == KG_OK) {
    snprintf(path, len, "%s/tagger.model", dir);
    st = kg_tagger_train(&tb, NULL, 0, &topts, path, err);
    if (st == KG_OK && opts->log)
      fprintf(opts->log, "train: %s (%.1f s)\n", path, seconds_since(&start));
  }
  if (st == KG_OK) {
    snprintf(path, len, "%s/lemmas.model", dir);
    st = kg_lemmatizer_train(&tb, path, err);
    if (st == KG_OK && opts->log)
      fprintf(opts->log, "train: %s (%.1f s)\n", path, seconds_since(&start));
  }
  if (st == KG_OK) {
    st = jackknife_tags(&tb, dir, opts, clusters, tags, err);
    if (st == KG_OK && opts->log)
      fprintf(opts->log, "train: tags of %u folds (%.1f s)\n", opts->folds,
              seconds_since(&start));
  }
  if (st == KG_OK) {
    snprintf(path, len, "%s/parser.model", dir);
    KgTrainOptions popts = {opts->parser_epochs, opts->seed, clusters,
                            opts->parser_min_weight};
    st = kg_parser_train(&tb, tags, &popts, path, err);
    if (st == KG_OK && opts->log)
      fprintf(opts->log, "train: %s (%.1f s)\n", path, seconds_since(&start));
  }
  free(path);
  free(tags);
  kg_clusters_free(clusters);
  tb.n = all;
  kg_treebank_release(&tb);
  return st;
}
