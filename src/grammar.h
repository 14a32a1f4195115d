/* grammar.h - a sentence's grammar: tags, lemmas and dependency tree
 * (internal).
 *
 * The linguistic core of the pipeline.  Four trained models, each a file
 * of a models directory (data/models/ in the source tree):
 *
 *     clusters.model word classes learned from plain text (clusters.c)
 *     tagger.model   part-of-speech tags, UPOS and XPOS (tagger.c)
 *     lemmas.model   lemmas from form and tag (lemmatizer.c)
 *     parser.model   labelled UD basic dependency trees (parser.c)
 *
 * are loaded once (mmap) into a KgGrammar, which is read-only and shared
 * by every thread; each thread analyses its sentences with a KgAnalysis of
 * its own, the scratch memory of one sentence after another.
 *
 *     KgGrammar *g;
 *     if (kg_grammar_load("data/models", &g, &err) != KG_OK) ...err...
 *     KgAnalysis *a = kg_analysis_new();
 *     KgParsedWord w[3] = {{"Putin", 5}, {"met", 3}, {"Erdogan", 7}};
 *     kg_grammar_analyse(g, a, w, 3, &err);  // w[1].head == 0, "root"
 */
#ifndef KG_GRAMMAR_H
#define KG_GRAMMAR_H

#include <stddef.h>
#include <stdio.h>

#include "newskg.h"

/** One word of a sentence: the form is the caller's; the rest is filled in
 *  by kg_grammar_analyse.  Tag and label strings belong to the grammar;
 *  the lemma belongs to the grammar or to the KgAnalysis, and stays valid
 *  until that KgAnalysis analyses its next sentence. */
typedef struct {
  const char *form; ///< the word's text (not NUL-terminated)
  size_t len;       ///< its length in bytes, > 0
  const char *upos; ///< universal part of speech ("PROPN")
  const char *xpos; ///< Penn Treebank tag ("NNP")
  const char *lemma;
  size_t lemma_len;
  size_t head;        ///< 0 for the root, else the 1-based index of the head
  const char *deprel; ///< UD relation ("nsubj", "obl:tmod")
} KgParsedWord;

typedef struct KgGrammarImpl KgGrammar;
typedef struct KgAnalysisImpl KgAnalysis;

/** Loads the four models of dir.  A missing, truncated or corrupt file is
 *  KG_ERR_IO or KG_ERR_PARSE naming it. */
KgStatus kg_grammar_load(const char *dir, KgGrammar **out, KgError *err);

void kg_grammar_free(KgGrammar *g);

/** A thread's scratch memory for kg_grammar_analyse, or NULL when out of
 *  memory. */
KgAnalysis *kg_analysis_new(void);

void kg_analysis_free(KgAnalysis *a);

/** Tags, lemmatises and parses the n words of one sentence (n may be 0).
 *  The same words always get the same analysis.  Returns KG_OK, or
 *  KG_ERR_NOMEM. */
KgStatus kg_grammar_analyse(const KgGrammar *g, KgAnalysis *a,
                            KgParsedWord *words, size_t n, KgError *err);

/** How kg_grammar_train trains. */
typedef struct {
  unsigned tagger_epochs; ///< passes of the tagger over the treebank
  unsigned parser_epochs; ///< passes of the parser
  unsigned folds; ///< the parser learns from tags of taggers trained on
                  ///< all folds but the sentence's own (jackknifing)
  unsigned long long seed; ///< the order of the sentences in each pass
  size_t limit;            ///< read at most this many sentences (0: all)
  size_t clusters;         ///< word classes learned from the text
  float tagger_min_weight; ///< the tagger's weights under this are left
                           ///< out (0: none)
  float parser_min_weight; ///< the parser's likewise
  const char *const *texts; ///< more text for the word classes: CoNLL-U,
                            ///< or a word a line (clusters.h)
  size_t n_texts;
  FILE *log;               ///< progress lines, or NULL
} KgGrammarTrainOptions;

/** Trains the four models from the CoNLL-U treebank at path (the word
 *  classes from its words and opts->texts) and writes them in dir (which
 *  must exist).  Options of no pass, fewer than two folds or fewer than
 *  two classes are KG_ERR_INPUT.  The same treebank and options give
 *  byte-identical models. */
KgStatus kg_grammar_train(const char *treebank, const char *dir,
                          const KgGrammarTrainOptions *opts, KgError *err);

#endif /* KG_GRAMMAR_H */
