/* wordkeys.h - what a trained model sees of a word (internal).
 *
 * The tagger and the parser describe a word by a few hashes: its exact
 * form, its form folded (ASCII lower case, every digit as 0, so that
 * "1999" and "2014" look alike), its shape ("Xxxx", "dd,dd"), its first
 * letter and its last one to four bytes, and the class of words it
 * belongs to (clusters.h).  They are made once per word and combined into
 * features with kg_feature_mix (perceptron.h).
 */
#ifndef KG_WORDKEYS_H
#define KG_WORDKEYS_H

#include <stddef.h>
#include <stdint.h>

enum { KG_SUFFIXES = 4 };

typedef struct {
  uint64_t form;  ///< the exact bytes
  uint64_t lower; ///< folded: ASCII lower case, digits as 0
  uint64_t shape; ///< X, x, d or the byte itself, runs cut at two
  uint64_t prefix;                ///< the first byte, folded
  uint64_t prefix3;               ///< the first 1..3 bytes, folded
  uint64_t suffix[KG_SUFFIXES];   ///< the last 1..4 bytes, folded
  uint32_t cluster;               ///< its class, or KG_NO_CLUSTER
  unsigned flags;                 ///< KG_WORD_* bits
} KgWordKeys;

struct KgClustersImpl;

enum {
  KG_WORD_CAPITAL = 1u << 0, ///< starts with an ASCII capital
  KG_WORD_UPPER = 1u << 1,   ///< two or more letters, all capitals
  KG_WORD_DIGIT = 1u << 2,   ///< holds a digit
  KG_WORD_HYPHEN = 1u << 3   ///< holds a hyphen
};

/** Describes the len bytes of form, its class found in clusters (when
 *  not NULL). */
void kg_word_keys(const char *form, size_t len,
                  const struct KgClustersImpl *clusters, KgWordKeys *out);

#endif /* KG_WORDKEYS_H */
