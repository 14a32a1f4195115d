/* bloom.h - the Bloom filter beside a hash table's slots (internal).
 *
 * Most lookups in the gazetteer, lexicon and rule tables ask for words the
 * table lacks.  A table of capacity slots keeps a filter of 8 * capacity
 * bits, one set per key, from the high half of the key's hash (the low
 * bits pick the slot): capacity bytes, so much smaller than the slots that
 * it stays in the cache and answers most misses without a probe.  With the
 * tables at most half full (16 bits a key), at most one miss in sixteen
 * still probes.
 */
#ifndef KG_BLOOM_H
#define KG_BLOOM_H

#include <stddef.h>

static inline size_t kg_bloom_bit(unsigned long long hash, size_t capacity) {
  return (size_t)(hash >> 32) & (8 * capacity - 1);
}

/** Notes hash in bloom, a filter of capacity bytes (a power of two). */
static inline void kg_bloom_add(unsigned char *bloom, size_t capacity,
                                unsigned long long hash) {
  size_t bit = kg_bloom_bit(hash, capacity);
  bloom[bit / 8] |= (unsigned char)(1u << (bit % 8));
}

/** Zero when no key of this hash was added to bloom. */
static inline int kg_bloom_may_have(const unsigned char *bloom, size_t capacity,
                                    unsigned long long hash) {
  size_t bit = kg_bloom_bit(hash, capacity);
  return (bloom[bit / 8] >> (bit % 8)) & 1;
}

#endif /* KG_BLOOM_H */
