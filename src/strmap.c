/* strmap.c - open-addressing string hash map; see strmap.h.  Beside the
 * slots, a Bloom filter (bloom.h) answers most lookups of absent keys.
 * The keys are copied one after another into one block of the map's,
 * which grows by doubling: a map costs a few allocations, not one a key. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bloom.h"

typedef struct {
  size_t key;   ///< where the key's copy starts in the map's keys, plus
                ///< one; 0 for an empty slot
  size_t len;   ///< key length in bytes
  size_t value; ///< caller's value
  unsigned long long hash;
} Slot;

struct KgStrMapImpl {
  Slot *slots; ///< capacity slots, capacity a power of two
  size_t capacity;
  size_t count;         ///< occupied slots; kept <= capacity / 2
  unsigned char *bloom; ///< capacity bytes (bloom.h)
  char *keys;           ///< the keys' copies, keys_len bytes in use
  size_t keys_len, keys_cap;
};

KgStrMap *kg_strmap_new(void) {
  KgStrMap *map = calloc(1, sizeof *map);
  if (!map)
    return NULL;
  map->capacity = 16;
  map->slots = calloc(map->capacity, sizeof *map->slots);
  map->bloom = calloc(map->capacity, 1);
  if (!map->slots || !map->bloom) {
    kg_strmap_free(map);
    return NULL;
  }
  return map;
}

void kg_strmap_free(KgStrMap *map) {
  if (!map)
    return;
  free(map->slots);
  free(map->keys);
  free(map->bloom);
  free(map);
}

/* Index of key's slot, or of the empty slot where it would go (keys: the
 * map's copies). */
static size_t find_slot(const Slot *slots, size_t capacity, const char *keys,
                        const char *key, size_t len, unsigned long long hash) {
  size_t i = (size_t)hash & (capacity - 1);
  while (slots[i].key &&
         !(slots[i].hash == hash && slots[i].len == len &&
           memcmp(keys + slots[i].key - 1, key, len) == 0))
    i = (i + 1) & (capacity - 1);
  return i;
}

static int grow(KgStrMap *map) {
  size_t capacity = map->capacity * 2;
  Slot *slots = calloc(capacity, sizeof *slots);
  unsigned char *bloom = calloc(capacity, 1);
  if (!slots || !bloom) {
    free(slots);
    free(bloom);
    return -1;
  }
  for (size_t i = 0; i < map->capacity; i++) {
    const Slot *s = &map->slots[i];
    if (s->key) {
      /* the keys are distinct: only the hash decides the slot */
      size_t k = (size_t)s->hash & (capacity - 1);
      while (slots[k].key)
        k = (k + 1) & (capacity - 1);
      slots[k] = *s;
      kg_bloom_add(bloom, capacity, s->hash);
    }
  }
  free(map->slots);
  free(map->bloom);
  map->slots = slots;
  map->bloom = bloom;
  map->capacity = capacity;
  return 0;
}

/* The slot holding key, which is added (with no value yet) when new; NULL
 * when out of memory.  *added tells whether it was. */
static Slot *slot_for(KgStrMap *map, const char *key, size_t len, int *added) {
  if ((map->count + 1) * 2 > map->capacity && grow(map) != 0)
    return NULL;
  unsigned long long hash = kg_hash_bytes(key, len);
  Slot *s = &map->slots[find_slot(map->slots, map->capacity, map->keys, key,
                                  len, hash)];
  *added = !s->key;
  if (*added) {
    if (!map->keys || len > map->keys_cap - map->keys_len) {
      size_t cap = map->keys_cap ? map->keys_cap : 256;
      while (cap - map->keys_len < len) {
        if (cap > SIZE_MAX / 2)
          return NULL;
        cap *= 2;
      }
      char *keys = realloc(map->keys, cap);
      if (!keys)
        return NULL;
      map->keys = keys;
      map->keys_cap = cap;
    }
    memcpy(map->keys + map->keys_len, key, len);
    s->key = map->keys_len + 1;
    map->keys_len += len;
    s->len = len;
    s->hash = hash;
    kg_bloom_add(map->bloom, map->capacity, hash);
    map->count++;
  }
  return s;
}

int kg_strmap_put(KgStrMap *map, const char *key, size_t len, size_t value) {
  int added;
  Slot *s = slot_for(map, key, len, &added);
  if (!s)
    return -1;
  s->value = value;
  return 0;
}

int kg_strmap_add(KgStrMap *map, const char *key, size_t len, size_t value,
                  size_t *found) {
  int added;
  Slot *s = slot_for(map, key, len, &added);
  if (!s)
    return -1;
  if (added)
    s->value = value;
  else if (found)
    *found = s->value;
  return added;
}

int kg_strmap_get(const KgStrMap *map, const char *key, size_t len,
                  size_t *value) {
  return kg_strmap_get_hashed(map, key, len, kg_hash_bytes(key, len), value);
}

int kg_strmap_get_hashed(const KgStrMap *map, const char *key, size_t len,
                         unsigned long long hash, size_t *value) {
  if (!kg_bloom_may_have(map->bloom, map->capacity, hash))
    return 0;
  const Slot *s = &map->slots[find_slot(map->slots, map->capacity, map->keys,
                                        key, len, hash)];
  if (!s->key)
    return 0;
  *value = s->value;
  return 1;
}
