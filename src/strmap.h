/* strmap.h - a string-keyed hash map to size_t values (internal).
 *
 * Keys are byte strings (pointer + length) copied into the map; values are
 * caller-defined indices.  Open addressing with linear probing, grown at 50%
 * load, so lookups stay O(1) however many entries a gazetteer brings.
 */
#ifndef KG_STRMAP_H
#define KG_STRMAP_H

#include <stddef.h>

typedef struct KgStrMapImpl KgStrMap;

/** Returns a new empty map, or NULL when out of memory. */
KgStrMap *kg_strmap_new(void);

void kg_strmap_free(KgStrMap *map);

/** Sets key to value, replacing an earlier value.  Returns 0, or -1 when out
 *  of memory (the map is then unchanged). */
int kg_strmap_put(KgStrMap *map, const char *key, size_t len, size_t value);

/** Adds key with value unless the map has it: returns 1 when added, 0 when
 *  present (setting *found to its value when found is not NULL), -1 when
 *  out of memory.  One hash and one probe for kg_strmap_get, then put. */
int kg_strmap_add(KgStrMap *map, const char *key, size_t len, size_t value,
                  size_t *found);

/** Looks key up: returns 1 and sets *value when present, else 0. */
int kg_strmap_get(const KgStrMap *map, const char *key, size_t len,
                  size_t *value);

/** kg_strmap_get for a key whose kg_hash_bytes the caller has already. */
int kg_strmap_get_hashed(const KgStrMap *map, const char *key, size_t len,
                         unsigned long long hash, size_t *value);

/** The FNV-1a hash of the empty string, and one byte's step: for callers
 *  that hash a string while they build it. */
#define KG_HASH_EMPTY 1469598103934665603ULL
static inline unsigned long long kg_hash_step(unsigned long long h,
                                              unsigned char byte) {
  return (h ^ byte) * 1099511628211ULL;
}

/** The hash of a string that continues the one whose hash is h with
 *  more[0, len): kg_hash_bytes("ab", 2) == kg_hash_extend(kg_hash_bytes("a",
 *  1), "b", 1).  Inline: phrase searches extend a hash a word at a time. */
static inline unsigned long long kg_hash_extend(unsigned long long h,
                                                const char *more, size_t len) {
  for (size_t i = 0; i < len; i++)
    h = kg_hash_step(h, (unsigned char)more[i]);
  return h;
}

/** 64-bit FNV-1a of a byte string (the map's hash, exposed for reuse). */
static inline unsigned long long kg_hash_bytes(const char *key, size_t len) {
  return kg_hash_extend(KG_HASH_EMPTY, key, len);
}

#endif /* KG_STRMAP_H */
