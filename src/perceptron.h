/* perceptron.h - averaged perceptron over hashed features (internal).
 *
 * The learner under the tagger and the parser.  A feature is a 64-bit hash
 * (of a template number and the values it combines; kg_feature_mix); a
 * class is a small number.  Each feature has a sparse row of weights, one
 * for each class it has been seen to favour or disfavour, so a model holds
 * only the weights training touched.
 *
 * Training (KgPerceptron) keeps, for every weight, its running total and
 * when it last changed, and averages them when saved (Collins 2002; the
 * lazy bookkeeping of Daume's thesis).  Prediction (KgWeights) reads the
 * saved rows in place from a mapped model file: an open-addressing table
 * of feature keys, each pointing at its row of (class, weight) entries.
 */
#ifndef KG_PERCEPTRON_H
#define KG_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "newskg.h"

/** Combines a feature's parts into one key (never 0). */
static inline uint64_t kg_feature_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return h | 1;
}

/* --- prediction ----------------------------------------------------------- */

/** A slot of a saved hash table of 64-bit keys (key 0: an empty slot),
 *  holding a range or a number (the tagger's dictionary, the lemmas). */
typedef struct {
  uint64_t key;
  uint32_t first; ///< the range's first element, or the number
  uint32_t count; ///< its number of elements
} KgWeightSlot;

/** The slot of key in a table of mask + 1 KgWeightSlot (a power of two,
 *  probed linearly from bits 20 and up of the key), or NULL. */
static inline const KgWeightSlot *kg_slot_find(const KgWeightSlot *slots,
                                               size_t mask, uint64_t key) {
  size_t i = (size_t)(key >> 20) & mask;
  while (slots[i].key != key) {
    if (slots[i].key == 0)
      return NULL;
    i = (i + 1) & mask;
  }
  return &slots[i];
}

/** Puts key, with first and count, in the first free slot kg_slot_find
 *  probes (the table must have one). */
static inline void kg_slot_put(KgWeightSlot *slots, size_t mask,
                               uint64_t key, uint32_t first, uint32_t count) {
  size_t i = (size_t)(key >> 20) & mask;
  while (slots[i].key != 0)
    i = (i + 1) & mask;
  slots[i].key = key;
  slots[i].first = first;
  slots[i].count = count;
}

/** A slot of the saved feature table, 8 bytes so that eight share a cache
 *  line: a feature's key k sits at slot kg_row_slot(k, slots) or after it
 *  (wrapping round), with check = (k >> 32) | 1 (0: an empty slot).  Two
 *  features that share a slot's neighbourhood and their 31 check bits
 *  would share a row; with a million features that happens once in a few
 *  thousand models. */
typedef struct {
  uint32_t check;
  uint32_t first; ///< the row's first entry, the row ending at an entry
                  ///< marked KG_ENTRY_LAST; or, with KG_ROW_DENSE set,
                  ///< the number of a dense row
} KgRowSlot;

/** A row of more than KG_DENSE_MIN weights is kept dense, a weight (in
 *  the units of KgWeightEntry) for every class, padded to a multiple of 8
 *  with zeros, and added up a vector at a time: the rows of common features (a tag, a tag pair) hold
 *  most of the classes and are read at every step. */
#define KG_ROW_DENSE 0x80000000u
enum { KG_DENSE_MIN = 16 };

/** A weight of a sparse row: its class, and the weight in units of the
 *  model's scale (a sixteen-bit integer: the weights take half the room of
 *  floats and the scores lose nothing that changes a choice). */
typedef struct {
  uint16_t cls; ///< the class, with KG_ENTRY_LAST on a row's last entry
  int16_t weight;
} KgWeightEntry;

#define KG_ENTRY_LAST 0x8000u

/** The classes rounded up to a multiple of 8: a scores array must hold
 *  that many floats. */
static inline size_t kg_weights_stride(size_t n_classes) {
  return (n_classes + 7) & ~(size_t)7;
}

/** Saved weights, read in place from a model (which must outlive them).
 *  Scores are in units of the saved scale: they rank the classes. */
typedef struct {
  const KgRowSlot *slots;
  size_t n_slots;
  const KgWeightEntry *entries;
  const int16_t *dense; ///< dense rows of kg_weights_stride(n_classes)
  size_t n_classes;
} KgWeights;

/** Reads the weights a perceptron saved under prefix in m, checking every
 *  row against the section sizes and n_classes (KG_ERR_PARSE naming the
 *  file when one is out of range). */
KgStatus kg_weights_load(const KgModel *m, const char *prefix,
                         size_t n_classes, KgWeights *out, KgError *err);

/** Adds the rows of the n features to scores, which holds
 *  kg_weights_stride(n_classes) floats (the padding gets zeros). */
void kg_weights_score(const KgWeights *w, const uint64_t *features, size_t n,
                      float *scores);

/** Adds the row of each feature f of the n to its own scores, those at
 *  scores + at[f] * kg_weights_stride(n_classes): the features of many
 *  words scored in one call, whose cache misses overlap. */
void kg_weights_score_at(const KgWeights *w, const uint64_t *features,
                         const uint32_t *at, size_t n, float *scores);

/* --- training ------------------------------------------------------------- */

typedef struct KgPerceptronImpl KgPerceptron;

KgPerceptron *kg_perceptron_new(size_t n_classes);

void kg_perceptron_free(KgPerceptron *p);

/** Sets scores[0..n_classes) to the current (not averaged) scores. */
void kg_perceptron_score(const KgPerceptron *p, const uint64_t *features,
                         size_t n, float *scores);

/** One example seen: when guess differs from truth, the features' weights
 *  for truth go up by one and for guess down by one.  Every call counts
 *  towards the average, mistaken or not.  Returns 0, or -1 when out of
 *  memory. */
int kg_perceptron_update(KgPerceptron *p, const uint64_t *features, size_t n,
                         size_t truth, size_t guess);

/** Adds the averaged weights to w as sections prefix.slots,
 *  prefix.weights and prefix.dense, leaving out weights whose magnitude is below
 *  min_weight.  The bytes depend only on what training saw.  Returns 0, or
 *  -1 when out of memory. */
int kg_perceptron_save(const KgPerceptron *p, KgModelWriter *w,
                       const char *prefix, float min_weight);

#endif /* KG_PERCEPTRON_H */
