/* gazetteer.c - loading and looking up known entities; see gazetteer.h.
 *
 * Invariant: every key in `names` maps to the head of a chain of Hit nodes,
 * one per (entry, kind), newest first; no chain holds the same pair twice.
 */
#include "gazetteer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "sentences.h"
#include "stems.h"
#include "strmap.h"
#include "tsv.h"

#define KEY_MAX 512

typedef struct {
  size_t entry;   ///< entry named
  KgHitKind kind; ///< how
  int acronym;    ///< the name has no lower-case letter ("UN", "NATO")
  size_t next;    ///< next node of the chain, SIZE_MAX at its end
} Hit;

struct KgGazetteerImpl {
  KgGazEntry *entries; ///< all entries in load order
  size_t count, cap;
  KgStrMap *by_name; ///< "class\037canonical" -> entry index
  KgStrMap *names;   ///< normalised key -> first Hit of its chain
  KgStems *stems;    ///< prefixes of the keys in names
  Hit *hits;         ///< chain nodes
  size_t hit_count, hit_cap;
  size_t max_tokens; ///< most tokens in any indexed name
};

static const char *const attr_keys[KG_ATTR_COUNT] = {
    "capital", "borders", "country", "members",   "seat",
    "partOf",  "leads",   "gender",  "wikipedia", "wikidata", "standsFor",
    "office"};

/* Non-zero when every '|'-separated value is a Wikidata item id: Q and 1
 * to 18 digits, the first not 0. */
static int wikidata_ids(const char *list) {
  for (const char *p = list;;) {
    if (p[0] != 'Q' || p[1] < '1' || p[1] > '9')
      return 0;
    const char *digits = ++p;
    while (*p >= '0' && *p <= '9')
      p++;
    if (p - digits > 18)
      return 0;
    if (*p == '\0')
      return 1;
    if (*p++ != '|')
      return 0;
  }
}

KgGazetteer *kg_gazetteer_new(void) {
  KgGazetteer *gz = calloc(1, sizeof *gz);
  if (!gz)
    return NULL;
  gz->by_name = kg_strmap_new();
  gz->names = kg_strmap_new();
  gz->stems = kg_stems_new();
  if (!gz->by_name || !gz->names || !gz->stems) {
    kg_gazetteer_free(gz);
    return NULL;
  }
  return gz;
}

void kg_gazetteer_free(KgGazetteer *gz) {
  if (!gz)
    return;
  for (size_t i = 0; i < gz->count; i++) {
    free(gz->entries[i].name);
    for (int a = 0; a < KG_ATTR_COUNT; a++)
      free(gz->entries[i].attrs[a]);
  }
  free(gz->entries);
  free(gz->hits);
  kg_strmap_free(gz->by_name);
  kg_strmap_free(gz->names);
  kg_stems_free(gz->stems);
  free(gz);
}

/* "CLASS\037NAME" in buf; its length, or 0 when it does not fit. */
static size_t by_name_key(KgClass cls, const char *name, char *buf,
                          size_t cap) {
  const char *class_name = kg_class_name(cls);
  size_t c = strlen(class_name), n = strlen(name);
  if (c + 1 + n >= cap)
    return 0;
  memcpy(buf, class_name, c);
  buf[c] = '\037';
  memcpy(buf + c + 1, name, n + 1);
  return c + 1 + n;
}

long kg_gazetteer_find(const KgGazetteer *gz, KgClass cls, const char *name) {
  char key[KEY_MAX];
  size_t len = by_name_key(cls, name, key, sizeof key), index;
  if (len && kg_strmap_get(gz->by_name, key, len, &index))
    return (long)index;
  return -1;
}

/* Number of tokens the tokenizer will make of a normalised key. */
static size_t key_tokens(const char *key, size_t len) {
  size_t n = 1;
  for (size_t i = 0; i < len; i++)
    if (key[i] == ' ' || key[i] == '-' || key[i] == '\'')
      n += 2;
  return n;
}

/* Indexes phrase as a name of entry (no-op if already so indexed). */
static int add_name(KgGazetteer *gz, size_t entry, const char *phrase,
                    KgHitKind kind) {
  char key[KEY_MAX];
  size_t len = kg_phrase_key(phrase, strlen(phrase), key, sizeof key);
  if (len == 0)
    return 0;
  if (kind == KG_HIT_ALIAS && gz->entries[entry].cls == KG_CLASS_PERSON &&
      !memchr(key, ' ', len))
    kind = KG_HIT_SURNAME;
  int acronym = 1, letters = 0;
  for (const char *p = phrase; *p; p++) {
    if (*p >= 'a' && *p <= 'z')
      acronym = 0;
    letters += (*p >= 'A' && *p <= 'Z');
  }
  acronym = acronym && letters >= 2;
  size_t head = SIZE_MAX;
  kg_strmap_get(gz->names, key, len, &head);
  for (size_t h = head; h != SIZE_MAX; h = gz->hits[h].next)
    if (gz->hits[h].entry == entry && gz->hits[h].kind == kind)
      return 0;
  if (kg_grow((void **)&gz->hits, gz->hit_count, &gz->hit_cap,
              sizeof *gz->hits) != 0)
    return -1;
  gz->hits[gz->hit_count] = (Hit){entry, kind, acronym, head};
  if (kg_strmap_put(gz->names, key, len, gz->hit_count) != 0 ||
      kg_stems_add(gz->stems, key, len, 1) != 0)
    return -1;
  gz->hit_count++;
  size_t tokens = key_tokens(key, len);
  if (tokens > gz->max_tokens)
    gz->max_tokens = tokens;
  return 0;
}

/* Appends "|value" to an attribute list (or sets it). */
static int append_attr(char **slot, const char *value) {
  if (!*slot) {
    *slot = strdup(value);
    return *slot ? 0 : -1;
  }
  size_t old = strlen(*slot), add = strlen(value);
  char *s = realloc(*slot, old + 1 + add + 1);
  if (!s)
    return -1;
  s[old] = '|';
  memcpy(s + old + 1, value, add + 1);
  *slot = s;
  return 0;
}

/* The entry of this class and name, created when new. */
static long entry_for(KgGazetteer *gz, KgClass cls, const char *name) {
  long found = kg_gazetteer_find(gz, cls, name);
  if (found >= 0)
    return found;
  if (kg_grow((void **)&gz->entries, gz->count, &gz->cap,
              sizeof *gz->entries) != 0)
    return -1;
  KgGazEntry *e = &gz->entries[gz->count];
  memset(e, 0, sizeof *e);
  e->cls = cls;
  if (!(e->name = strdup(name)))
    return -1;
  char key[KEY_MAX];
  size_t len = by_name_key(cls, name, key, sizeof key);
  if (!len || kg_strmap_put(gz->by_name, key, len, gz->count) != 0) {
    free(e->name);
    return -1;
  }
  gz->count++;
  if (add_name(gz, gz->count - 1, name, KG_HIT_NAME) != 0)
    return -1;
  return (long)(gz->count - 1);
}

/* Indexes every '|'-separated value of list as a name of entry. */
static int add_names(KgGazetteer *gz, size_t entry, char *list,
                     KgHitKind kind) {
  for (char *save = NULL, *v = strtok_r(list, "|", &save); v;
       v = strtok_r(NULL, "|", &save))
    if (*v && add_name(gz, entry, v, kind) != 0)
      return -1;
  return 0;
}

/* Parses one non-comment line; returns NULL or an error message. */
static const char *load_line(KgGazetteer *gz, char *line, int *nomem) {
  char *save = NULL;
  char *cls_name = strtok_r(line, "\t", &save);
  char *name = strtok_r(NULL, "\t", &save);
  KgClass cls;
  if (!cls_name || !name || !*name)
    return "expected CLASS<TAB>Canonical Name[<TAB>key=value...]";
  if (kg_class_parse(cls_name, strlen(cls_name), &cls) != 0)
    return "unknown class (Person, Country, Organization or City)";
  long entry = entry_for(gz, cls, name);
  if (entry < 0) {
    *nomem = 1;
    return "out of memory";
  }
  for (char *field; (field = strtok_r(NULL, "\t", &save));) {
    char *eq = strchr(field, '=');
    if (!eq)
      return "expected key=value";
    *eq = '\0';
    char *value = eq + 1;
    int rc = 0;
    if (strcmp(field, "alias") == 0) {
      rc = add_names(gz, (size_t)entry, value, KG_HIT_ALIAS);
    } else if (strcmp(field, "demonym") == 0) {
      if (cls != KG_CLASS_COUNTRY)
        return "only a Country has demonyms";
      rc = add_names(gz, (size_t)entry, value, KG_HIT_DEMONYM);
    } else {
      int a = 0;
      while (a < KG_ATTR_COUNT && strcmp(field, attr_keys[a]) != 0)
        a++;
      if (a == KG_ATTR_WIKIDATA && !wikidata_ids(value))
        return "a wikidata value is an item id: Q and digits";
      if (a < KG_ATTR_COUNT)
        rc = append_attr(&gz->entries[entry].attrs[a], value);
      /* other keys (iso3, un, ...) are documentation for now and
       * deliberately ignored */
    }
    if (rc != 0) {
      *nomem = 1;
      return "out of memory";
    }
  }
  return NULL;
}

/* kg_tsv_read's view of load_line. */
static KgStatus load_record(void *ctx, char *line, const char **message) {
  int nomem = 0;
  *message = load_line(ctx, line, &nomem);
  return !*message ? KG_OK : nomem ? KG_ERR_NOMEM : KG_ERR_PARSE;
}

KgStatus kg_gazetteer_load(KgGazetteer *gz, const char *path, KgError *err) {
  return kg_tsv_read(path, load_record, gz, err);
}

size_t kg_gazetteer_lookup(const KgGazetteer *gz, const char *key, size_t len,
                           KgGazHit *hits, size_t max) {
  return kg_gazetteer_lookup_hashed(gz, key, len, kg_hash_bytes(key, len), hits,
                                    max);
}

size_t kg_gazetteer_lookup_hashed(const KgGazetteer *gz, const char *key,
                                  size_t len, unsigned long long hash,
                                  KgGazHit *hits, size_t max) {
  size_t head, n = 0;
  if (!kg_strmap_get_hashed(gz->names, key, len, hash, &head))
    return 0;
  for (size_t h = head; h != SIZE_MAX; h = gz->hits[h].next, n++)
    if (n < max)
      hits[n] =
          (KgGazHit){gz->hits[h].entry, gz->hits[h].kind, gz->hits[h].acronym};
  return n;
}

const KgGazEntry *kg_gazetteer_entry(const KgGazetteer *gz, size_t i) {
  return &gz->entries[i];
}

size_t kg_gazetteer_max_tokens(const KgGazetteer *gz) { return gz->max_tokens; }

int kg_gazetteer_may_extend_hashed(const KgGazetteer *gz,
                                   unsigned long long hash) {
  return kg_stems_longer(gz->stems, hash) != 0;
}

int kg_gazetteer_attr_has(const KgGazetteer *gz, size_t i, KgAttr attr,
                          const char *name) {
  const char *list = gz->entries[i].attrs[attr];
  size_t n = strlen(name);
  for (const char *p = list; p && *p;) {
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    if (len == n && memcmp(p, name, n) == 0)
      return 1;
    p = bar ? bar + 1 : NULL;
  }
  return 0;
}
