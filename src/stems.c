/* stems.c - prefixes of keys, by hash; see stems.h.
 *
 * Open addressing with linear probing over (hash, groups) slots, grown at
 * half load; a slot with no groups is empty (every stored mask is
 * non-zero).  A Bloom filter (bloom.h) answers most lookups, which are of
 * words that begin no key, without a probe.
 */
#include "stems.h"

#include <stdlib.h>

#include "bloom.h"
#include "sentences.h"
#include "strmap.h"

#define FIRST_CAPACITY 64 /* an article's aliases are a few; tables grow */

typedef struct {
  unsigned long long hash;   ///< kg_hash_bytes of the prefix
  unsigned long long groups; ///< groups with a longer key; 0: empty slot
} Slot;

struct KgStemsImpl {
  Slot *slots; ///< capacity slots, capacity a power of two
  size_t capacity;
  size_t count;         ///< occupied slots; kept <= capacity / 2
  unsigned char *bloom; ///< capacity bytes (bloom.h)
};

KgStems *kg_stems_new(void) {
  KgStems *stems = calloc(1, sizeof *stems);
  if (!stems)
    return NULL;
  stems->capacity = FIRST_CAPACITY;
  stems->slots = calloc(stems->capacity, sizeof *stems->slots);
  stems->bloom = calloc(stems->capacity, 1);
  if (!stems->slots || !stems->bloom) {
    kg_stems_free(stems);
    return NULL;
  }
  return stems;
}

void kg_stems_free(KgStems *stems) {
  if (!stems)
    return;
  free(stems->slots);
  free(stems->bloom);
  free(stems);
}

/* The slot of hash, or the empty slot where it would go. */
static Slot *find_slot(Slot *slots, size_t capacity, unsigned long long hash) {
  size_t i = (size_t)hash & (capacity - 1);
  while (slots[i].groups && slots[i].hash != hash)
    i = (i + 1) & (capacity - 1);
  return &slots[i];
}

static int grow(KgStems *stems) {
  size_t capacity = stems->capacity * 2;
  Slot *slots = calloc(capacity, sizeof *slots);
  unsigned char *bloom = calloc(capacity, 1);
  if (!slots || !bloom) {
    free(slots);
    free(bloom);
    return -1;
  }
  for (size_t i = 0; i < stems->capacity; i++)
    if (stems->slots[i].groups) {
      *find_slot(slots, capacity, stems->slots[i].hash) = stems->slots[i];
      kg_bloom_add(bloom, capacity, stems->slots[i].hash);
    }
  free(stems->slots);
  free(stems->bloom);
  stems->slots = slots;
  stems->bloom = bloom;
  stems->capacity = capacity;
  return 0;
}

int kg_stems_add(KgStems *stems, const char *key, size_t len,
                 unsigned long long groups) {
  unsigned long long hash = kg_hash_bytes(key, 0);
  for (size_t n = 1; n < len; n++) {
    hash = kg_hash_extend(hash, key + n - 1, 1);
    if (!kg_key_may_split(key, len, n))
      continue;
    if ((stems->count + 1) * 2 > stems->capacity && grow(stems) != 0)
      return -1;
    Slot *s = find_slot(stems->slots, stems->capacity, hash);
    if (!s->groups) {
      s->hash = hash;
      kg_bloom_add(stems->bloom, stems->capacity, hash);
      stems->count++;
    }
    s->groups |= groups;
  }
  return 0;
}

unsigned long long kg_stems_longer(const KgStems *stems,
                                   unsigned long long hash) {
  if (!kg_bloom_may_have(stems->bloom, stems->capacity, hash))
    return 0;
  return find_slot(stems->slots, stems->capacity, hash)->groups;
}
