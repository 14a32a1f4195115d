/* stems.h - which strings begin a longer key of a set (internal).
 *
 * A longest-match search over tokens ("prime minister", "Bosnia and
 * Herzegovina") can stop as soon as the words read so far begin no key of
 * its set.  KgStems records, for every proper prefix of every key added
 * that the keys of whole tokens can make (kg_key_may_split: "prime" of
 * "prime minister", not "prim"), a mask of the groups (lexicon categories,
 * say) that have a longer key starting with it.  It stores 64-bit hashes
 * of the prefixes, not their bytes: prefixes whose hashes collide share
 * their masks, which can only make a search look further than it needs
 * to, never miss a match.
 */
#ifndef KG_STEMS_H
#define KG_STEMS_H

#include <stddef.h>

typedef struct KgStemsImpl KgStems;

/** Returns a new empty set, or NULL when out of memory. */
KgStems *kg_stems_new(void);

void kg_stems_free(KgStems *stems);

/** Records that the groups (a non-zero mask) have the key key[0, len):
 *  every proper prefix of it that tokens can make gets their bits.
 *  Returns 0, or -1 when out of memory. */
int kg_stems_add(KgStems *stems, const char *key, size_t len,
                 unsigned long long groups);

/** The groups that may have a key longer than the key of whole tokens
 *  whose kg_hash_bytes is hash and starting with it: every group that has
 *  one, maybe others (0 when none has one). */
unsigned long long kg_stems_longer(const KgStems *stems,
                                   unsigned long long hash);

#endif /* KG_STEMS_H */
