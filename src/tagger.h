/* tagger.h - part-of-speech tagging (internal).
 *
 * A greedy left-to-right tagger with an averaged perceptron (perceptron.h):
 * each word's tag is a (UPOS, XPOS) pair chosen from the features of the
 * word, its neighbours and the two tags before it.  Frequent words that
 * training saw with one tag nearly always (a tag dictionary) take it
 * without scoring.  The model file's kind is "tagger".
 */
#ifndef KG_TAGGER_H
#define KG_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "newskg.h"
#include "treebank.h"
#include "wordkeys.h"

typedef struct KgTaggerImpl KgTagger;

KgStatus kg_tagger_load(const char *path, KgTagger **out, KgError *err);

void kg_tagger_free(KgTagger *t);

size_t kg_tagger_tag_count(const KgTagger *t);

/** Tag number tag's UPOS and XPOS. */
const char *kg_tagger_upos(const KgTagger *t, size_t tag);
const char *kg_tagger_xpos(const KgTagger *t, size_t tag);

/** Tags the n words described by keys: tags[i] receives word i's tag. */
void kg_tagger_tag(const KgTagger *t, const KgWordKeys *keys, size_t n,
                   uint16_t *tags);

typedef struct {
  unsigned epochs; ///< passes over the training sentences
  uint64_t seed;   ///< the order of the sentences in each pass
  const struct KgClustersImpl *clusters; ///< word classes, or NULL
  float min_weight; ///< averaged weights smaller than this are left out
} KgTrainOptions;

/** Trains a tagger on the sentences of tb whose indices are in use[0..n)
 *  (all of them when use is NULL) and saves it at path.  The same
 *  treebank, sentences and options give the same bytes. */
KgStatus kg_tagger_train(const KgTreebank *tb, const size_t *use, size_t n,
                         const KgTrainOptions *opts, const char *path,
                         KgError *err);

#endif /* KG_TAGGER_H */
