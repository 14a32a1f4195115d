/* lexicon.c - categorised word lists; see lexicon.h.
 *
 * Categories are numbered in the order they first appear.  One hash map
 * indexes, by normalised key, what the lexicon knows of every phrase and
 * of every prefix of one that the keys of whole tokens can make
 * (kg_key_may_split): a KgLexWord, with the first of the key's Entry
 * records (one per category that has the phrase), the categories that
 * have it, and those with a longer phrase starting with it, so that
 * kg_lexicon_match stops as soon as the words read so far begin no phrase
 * of the category: for most words after the first.  A word's description
 * is one probe.  Prefix entries ("prepar*") are kept per category, in file
 * order.
 */
#include "lexicon.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "strmap.h"
#include "tsv.h"

#define KEY_MAX 512
#define MAX_PHRASE_TOKENS 8
#define NO_ENTRY SIZE_MAX

typedef struct {
  size_t category; ///< index into categories
  size_t value;    ///< index into values
  size_t next;     ///< next entry with the same key, NO_ENTRY at the end
} Entry;

typedef struct {
  char *prefix; ///< normalised prefix, without the '*'
  size_t len;   ///< its length
  size_t value; ///< index into values
} Prefix;

typedef struct {
  char *name;        ///< owned category name
  Prefix *prefixes;  ///< its prefix entries in file order
  size_t prefix_count, prefix_cap;
  size_t longest;    ///< bytes of its longest exact phrase key
} Category;

struct KgLexiconImpl {
  KgLexFilter filter; ///< first, for the inline filters of lexicon.h
  KgStrMap *known;    ///< key of a phrase or of its prefix -> index into
                      ///< words
  KgLexWord *words;   ///< what the lexicon knows of each key of known
  size_t word_count, word_cap;
  Entry *entries;    ///< exact phrases, chained per key
  size_t entry_count, entry_cap;
  char **values;    ///< owned value strings
  size_t value_count, value_cap;
  KgStrMap *category_index; ///< category name -> index into categories
  Category *categories;
  size_t category_count, category_cap;
  size_t *prefixed;         ///< the categories that have prefix entries
  size_t prefixed_count, prefixed_cap;
};

/* Categories past the 63rd share the last bit: the mask then only says a
 * longer phrase may exist, and the search looks. */
static unsigned long long category_bit(size_t category) {
  return 1ULL << (category < 63 ? category : 63);
}

KgLexicon *kg_lexicon_new(void) {
  KgLexicon *lex = calloc(1, sizeof *lex);
  if (!lex || !(lex->known = kg_strmap_new()) ||
      !(lex->category_index = kg_strmap_new())) {
    kg_lexicon_free(lex);
    return NULL;
  }
  return lex;
}

void kg_lexicon_free(KgLexicon *lex) {
  if (!lex)
    return;
  kg_strmap_free(lex->known);
  free(lex->words);
  kg_strmap_free(lex->category_index);
  free(lex->entries);
  for (size_t i = 0; i < lex->value_count; i++)
    free(lex->values[i]);
  free(lex->values);
  for (size_t c = 0; c < lex->category_count; c++) {
    Category *cat = &lex->categories[c];
    for (size_t i = 0; i < cat->prefix_count; i++)
      free(cat->prefixes[i].prefix);
    free(cat->prefixes);
    free(cat->name);
  }
  free(lex->categories);
  free(lex->prefixed);
  free(lex);
}

static int store_value(KgLexicon *lex, const char *value, size_t *index) {
  if (kg_grow((void **)&lex->values, lex->value_count, &lex->value_cap,
              sizeof *lex->values) != 0)
    return -1;
  char *copy = strdup(value);
  if (!copy)
    return -1;
  lex->values[lex->value_count] = copy;
  *index = lex->value_count++;
  return 0;
}

/* Index of the category called name, or -1. */
static long find_category(const KgLexicon *lex, const char *name) {
  size_t index;
  return kg_strmap_get(lex->category_index, name, strlen(name), &index)
             ? (long)index
             : -1;
}

/* Index of the category called name, added when new; -1 when out of
 * memory. */
static long category_for(KgLexicon *lex, const char *name) {
  long found = find_category(lex, name);
  if (found >= 0)
    return found;
  if (kg_grow((void **)&lex->categories, lex->category_count,
              &lex->category_cap, sizeof *lex->categories) != 0)
    return -1;
  Category *cat = &lex->categories[lex->category_count];
  memset(cat, 0, sizeof *cat);
  if (!(cat->name = strdup(name)) ||
      kg_strmap_put(lex->category_index, name, strlen(name),
                    lex->category_count) != 0) {
    free(cat->name);
    return -1;
  }
  lex->filter.by_mark[kg_lexicon_name_mark(name)] |=
      category_bit(lex->category_count);
  return (long)lex->category_count++;
}

/* What the lexicon knows of key (whose kg_hash_bytes is hash): nothing
 * when it is no phrase nor the start of one. */
static KgLexWord known_word(const KgLexicon *lex, const char *key, size_t len,
                            unsigned long long hash) {
  size_t index;
  if (kg_strmap_get_hashed(lex->known, key, len, hash, &index))
    return lex->words[index];
  return (KgLexWord){NO_ENTRY, 0, 0};
}

/* Index of the first Entry of the phrase key (whose kg_hash_bytes is
 * hash), or NO_ENTRY. */
static size_t first_entry(const KgLexicon *lex, const char *key, size_t len,
                          unsigned long long hash) {
  return known_word(lex, key, len, hash).entries;
}

/* The index in words of key, added (knowing nothing) when new; SIZE_MAX
 * when out of memory. */
static size_t word_for(KgLexicon *lex, const char *key, size_t len) {
  size_t index;
  if (kg_grow((void **)&lex->words, lex->word_count, &lex->word_cap,
              sizeof *lex->words) != 0)
    return SIZE_MAX;
  int added = kg_strmap_add(lex->known, key, len, lex->word_count, &index);
  if (added < 0)
    return SIZE_MAX;
  if (added) {
    index = lex->word_count++;
    lex->words[index] = (KgLexWord){NO_ENTRY, 0, 0};
  }
  return index;
}

/* Sets the value of the exact phrase key in category, replacing an earlier
 * one; notes the category as one with a longer phrase in each prefix of
 * the key that tokens can make.  0, or -1 when out of memory. */
static int add_exact(KgLexicon *lex, size_t category, const char *key,
                     size_t len, size_t value) {
  size_t w = word_for(lex, key, len);
  if (w == SIZE_MAX)
    return -1;
  for (size_t e = lex->words[w].entries; e != NO_ENTRY;
       e = lex->entries[e].next)
    if (lex->entries[e].category == category) {
      lex->entries[e].value = value;
      return 0;
    }
  if (kg_grow((void **)&lex->entries, lex->entry_count, &lex->entry_cap,
              sizeof *lex->entries) != 0)
    return -1;
  lex->entries[lex->entry_count] =
      (Entry){category, value, lex->words[w].entries};
  lex->words[w].entries = lex->entry_count++;
  lex->words[w].exact |= category_bit(category);
  if (len > lex->categories[category].longest)
    lex->categories[category].longest = len;
  for (size_t n = 1; n < len; n++) {
    if (!kg_key_may_split(key, len, n))
      continue;
    size_t p = word_for(lex, key, n);
    if (p == SIZE_MAX)
      return -1;
    lex->words[p].longer |= category_bit(category);
  }
  return 0;
}

static int add_prefix(KgLexicon *lex, size_t category, const char *key,
                      size_t len, size_t value) {
  Category *cat = &lex->categories[category];
  if (cat->prefix_count == 0) {
    if (kg_grow((void **)&lex->prefixed, lex->prefixed_count,
                &lex->prefixed_cap, sizeof *lex->prefixed) != 0)
      return -1;
    lex->prefixed[lex->prefixed_count++] = category;
    lex->filter.prefixed |= category_bit(category);
  }
  if (kg_grow((void **)&cat->prefixes, cat->prefix_count, &cat->prefix_cap,
              sizeof *cat->prefixes) != 0)
    return -1;
  Prefix *p = &cat->prefixes[cat->prefix_count];
  if (!(p->prefix = strndup(key, len)))
    return -1;
  p->len = len;
  p->value = value;
  cat->prefix_count++;
  return 0;
}

/* Adds one entry (value may be ""; copied).  Returns 0 or -1 (no memory, or
 * a phrase too long to store with its category). */
static int add_entry(KgLexicon *lex, const char *category, const char *phrase,
                     const char *value) {
  char key[KEY_MAX];
  size_t plen = strlen(phrase);
  int is_prefix = plen > 1 && phrase[plen - 1] == '*';
  size_t klen =
      kg_phrase_key(phrase, is_prefix ? plen - 1 : plen, key, sizeof key);
  size_t index;
  long c = category_for(lex, category);
  /* "category\037key" must fit KEY_MAX, as lookups have always required */
  if (klen == 0 || c < 0 || store_value(lex, value, &index) != 0 ||
      (!is_prefix && strlen(category) + 1 + klen >= KEY_MAX))
    return -1;
  if (is_prefix)
    return add_prefix(lex, (size_t)c, key, klen, index);
  return add_exact(lex, (size_t)c, key, klen, index);
}

/* Parses one "CATEGORY<TAB>phrase[<TAB>value]" line. */
static KgStatus load_line(void *ctx, char *line, const char **message) {
  char *category = line;
  char *phrase = strchr(category, '\t');
  if (!phrase) {
    *message = "expected CATEGORY<TAB>phrase[<TAB>value]";
    return KG_ERR_PARSE;
  }
  *phrase++ = '\0';
  char *value = strchr(phrase, '\t');
  if (value)
    *value++ = '\0';
  if (*category == '\0' || *phrase == '\0') {
    *message = "empty category or phrase";
    return KG_ERR_PARSE;
  }
  return add_entry(ctx, category, phrase, value ? value : "") == 0
             ? KG_OK
             : KG_ERR_NOMEM;
}

KgStatus kg_lexicon_load(KgLexicon *lex, const char *path, KgError *err) {
  return kg_tsv_read(path, load_line, lex, err);
}

/* Lookups name their category by a string, and most words are in none of
 * the lexicon's categories, or in another than the one asked for: so a
 * lookup finds what the lexicon knows of the key first (a KgLexWord, which
 * kg_text_split notes for each token), and only then compares category
 * names, rather than looking the category up every time. */

KgLexWord kg_lexicon_describe(const KgLexicon *lex, const char *key,
                              size_t len, unsigned long long hash) {
  return known_word(lex, key, len, hash);
}

/* What the lexicon knows of token i of t: noted when t was split with this
 * lexicon, else looked up. */
static inline KgLexWord token_word(const KgLexicon *lex, const KgText *t,
                                   size_t i) {
  if (t->lexicon == lex)
    return t->words[i];
  size_t len;
  const char *key = kg_token_key(t, i, &len);
  return kg_lexicon_describe(lex, key, len, kg_token_hash(t, i));
}

/* A category as a lookup asks for it: its name, and the category_bit()s
 * of the categories that share its mark (lexicon.h), found once a lookup. */
typedef struct {
  const char *name;
  unsigned long long named;
} Asked;

static Asked asked(const KgLexicon *lex, const char *name) {
  return (Asked){name, lex->filter.by_mark[kg_lexicon_name_mark(name)]};
}

/* Non-zero when category index c is the one asked for. */
static int is_category(const KgLexicon *lex, size_t c, const Asked *a) {
  const char *own = lex->categories[c].name;
  return (category_bit(c) & a->named) && own[0] == a->name[0] &&
         strcmp(own, a->name) == 0;
}

/* The value of the exact phrase of w in the category asked for, or NULL. */
static const char *exact_value(const KgLexicon *lex, const Asked *a,
                               KgLexWord w) {
  for (size_t e = w.entries; e != NO_ENTRY; e = lex->entries[e].next)
    if (is_category(lex, lex->entries[e].category, a))
      return lex->values[lex->entries[e].value];
  return NULL;
}

/* Non-zero when the category asked for may have prefix entries: most
 * have none, which this tells without comparing names. */
static int may_be_prefixed(const KgLexicon *lex, const Asked *a) {
  return (a->named & lex->filter.prefixed) != 0;
}

/* The category asked for when it has prefix entries, else NULL. */
static const Category *prefixed_category(const KgLexicon *lex,
                                         const Asked *a) {
  for (size_t i = 0; i < lex->prefixed_count; i++)
    if (is_category(lex, lex->prefixed[i], a))
      return &lex->categories[lex->prefixed[i]];
  return NULL;
}

/* The value of the first prefix entry of the category asked for that key
 * starts with, or NULL.  A key with a space is a phrase, which no prefix
 * entry matches. */
static const char *prefix_value(const KgLexicon *lex, const Asked *a,
                                const char *key, size_t len) {
  const Category *cat =
      may_be_prefixed(lex, a) ? prefixed_category(lex, a) : NULL;
  if (!cat || memchr(key, ' ', len))
    return NULL;
  for (size_t i = 0; i < cat->prefix_count; i++) {
    const Prefix *p = &cat->prefixes[i];
    if (p->len <= len && p->prefix[0] == key[0] &&
        memcmp(p->prefix, key, p->len) == 0)
      return lex->values[p->value];
  }
  return NULL;
}

/* Zero when no phrase of the category asked for can match a key of which
 * the lexicon knows w, nor extend it: the key is no phrase of any category
 * with the name's mark, begins none, and the category has no prefix
 * entries.  Most words are known to no category, and this tells so
 * without comparing a name. */
static int may_match(const KgLexicon *lex, const Asked *a, KgLexWord w) {
  return ((w.exact | w.longer) & a->named) != 0 || may_be_prefixed(lex, a);
}

/* kg_lexicon_get for key, of which the lexicon knows w. */
static const char *lookup(const KgLexicon *lex, const Asked *a,
                          const char *key, size_t len, KgLexWord w) {
  const char *v = exact_value(lex, a, w);
  return v ? v : prefix_value(lex, a, key, len);
}

size_t kg_lexicon_longest(const KgLexicon *lex, const char *category) {
  long c = find_category(lex, category);
  return c >= 0 ? lex->categories[c].longest : 0;
}

const char *kg_lexicon_get(const KgLexicon *lex, const char *category,
                           const char *key, size_t len) {
  /* what longer phrases there are does not matter here */
  KgLexWord w = {first_entry(lex, key, len, kg_hash_bytes(key, len)), 0, 0};
  Asked a = asked(lex, category);
  return lookup(lex, &a, key, len, w);
}

const char *kg_lexicon_find_word(const KgLexicon *lex, const char *category,
                                 const KgText *t, size_t i) {
  KgLexWord w = token_word(lex, t, i);
  Asked a = asked(lex, category);
  if (!may_match(lex, &a, w))
    return NULL;
  size_t len;
  const char *key = kg_token_key(t, i, &len);
  return len < KEY_MAX ? lookup(lex, &a, key, len, w) : NULL;
}

/* Non-zero when the category asked for is among those of the mask (whose
 * last bit stands for all from the 64th on). */
static int in_mask(const KgLexicon *lex, const Asked *a,
                   unsigned long long mask) {
  mask &= a->named;
  for (size_t c = 0; mask; c++, mask >>= 1)
    if ((mask & 1) && (c < 63 ? is_category(lex, c, a)
                              : find_category(lex, a->name) >= 63))
      return 1;
  return 0;
}

/* Non-zero when a phrase of the category asked for may be longer than
 * key, of which the lexicon knows w: an exact phrase may extend it, or a
 * prefix entry may match it with the next token glued on (glued: that
 * token has no space before it). */
static int may_extend(const KgLexicon *lex, const Asked *a, const char *key,
                      size_t len, KgLexWord w, int glued) {
  return in_mask(lex, a, w.longer) ||
         (glued && may_be_prefixed(lex, a) && prefixed_category(lex, a) &&
          !memchr(key, ' ', len));
}

size_t kg_lexicon_find_match(const KgLexicon *lex, const char *category,
                             const KgText *t, size_t i, size_t limit,
                             const char **value) {
  Asked a = asked(lex, category);
  if (i >= limit || !may_match(lex, &a, token_word(lex, t, i)))
    return 0;
  char key[KEY_MAX];
  size_t longest =
      limit - i < MAX_PHRASE_TOKENS ? limit - i : MAX_PHRASE_TOKENS;
  size_t found = 0, lens[MAX_PHRASE_TOKENS];
  unsigned long long hashes[MAX_PHRASE_TOKENS];
  /* the key of tokens [i, i + n) and its hash grow by one token a step
   * (kg_text_keys); once the key begins no phrase of the category, none
   * longer can match */
  for (size_t n = 1; n <= longest; n++) {
    if (kg_text_keys(t, i, n - 1, n, key, KEY_MAX, lens, hashes) < n)
      break;
    size_t len = lens[n - 1];
    KgLexWord w = n == 1 ? token_word(lex, t, i)
                         : kg_lexicon_describe(lex, key, len, hashes[n - 1]);
    const char *v = lookup(lex, &a, key, len, w);
    if (v) {
      found = n;
      if (value)
        *value = v;
    }
    int next_glued = n < longest && (t->tokens[i + n].flags & KG_TOK_GLUED);
    if (!may_extend(lex, &a, key, len, w, next_glued))
      break;
  }
  return found;
}

int kg_lexicon_name_word(const KgLexicon *lex, const KgText *t, size_t i) {
  unsigned want = KG_TOK_WORD | KG_TOK_CAP;
  return (t->tokens[i].flags & want) == want &&
         !kg_lexicon_word(lex, "title", t, i) &&
         !kg_lexicon_word(lex, "title_mod", t, i) &&
         !kg_lexicon_word(lex, "determiner", t, i) &&
         !kg_lexicon_word(lex, "notname", t, i);
}
