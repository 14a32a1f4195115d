/* clusters.h - word classes learned from plain text (internal).
 *
 * A treebank of 200,000 words has seen few of the words news uses; plain
 * text has seen many more.  Words that stand between the same neighbours
 * are put in the same class by the exchange algorithm (Kneser and Ney
 * 1993; Martin, Liermann and Ney 1998): each word in turn moves to the
 * class that makes a class bigram model of the text likeliest, until no
 * move helps much.  The tagger and the parser read a word's class as a
 * feature (kg_word_keys), so that "Lukashenko" is read like "Putin" when
 * the treebank knows only the latter.  The model file's kind is
 * "clusters".
 */
#ifndef KG_CLUSTERS_H
#define KG_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "newskg.h"

typedef struct KgClustersImpl KgClusters;

/** The class of a word the clusters do not know. */
#define KG_NO_CLUSTER 0xFFFFFFFFu

KgStatus kg_clusters_load(const char *path, KgClusters **out, KgError *err);

void kg_clusters_free(KgClusters *c);

/** The class of the word whose folded form hashes to lower (the lower of
 *  KgWordKeys), or KG_NO_CLUSTER. */
uint32_t kg_clusters_find(const KgClusters *c, uint64_t lower);

typedef struct {
  size_t classes;     ///< how many classes
  unsigned passes;    ///< passes over the vocabulary at most
  size_t min_count;   ///< words seen fewer times have no class
  FILE *log;          ///< a line a pass, or NULL
} KgClustersOptions;

/** Learns classes from the words of the n files, CoNLL-U (*.conllu: the
 *  FORMs of the integer-ID rows, a sentence a block) or one word a line
 *  with anything after a tab ignored and a blank line between sentences
 *  (any other name), and saves them at path.  Deterministic. */
KgStatus kg_clusters_train(const char *const *files, size_t n,
                           const KgClustersOptions *opts, const char *path,
                           KgError *err);

#endif /* KG_CLUSTERS_H */
