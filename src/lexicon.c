/* lexicon.c - categorised word lists; see lexicon.h.
 *
 * Exact phrases live in one hash map keyed by "category\037phrase"; prefix
 * entries ("prepar*") are kept in a short list per load, scanned in order.
 * The longest exact phrase per category bounds the longest-match search.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "strmap.h"
#include "tsv.h"

#define KEY_MAX 512
#define MAX_PHRASE_TOKENS 8

typedef struct {
  char *category; ///< category of a prefix entry
  char *prefix;   ///< normalised prefix, without the '*'
  size_t value;   ///< index into values
} Prefix;

struct KgLexiconImpl {
  KgStrMap *exact; ///< "category\037key" -> index into values
  char **values;   ///< owned value strings
  size_t value_count, value_cap;
  Prefix *prefixes; ///< prefix entries in file order
  size_t prefix_count, prefix_cap;
};

KgLexicon *kg_lexicon_new(void) {
  KgLexicon *lex = calloc(1, sizeof *lex);
  if (!lex || !(lex->exact = kg_strmap_new())) {
    free(lex);
    return NULL;
  }
  return lex;
}

void kg_lexicon_free(KgLexicon *lex) {
  if (!lex)
    return;
  kg_strmap_free(lex->exact);
  for (size_t i = 0; i < lex->value_count; i++)
    free(lex->values[i]);
  free(lex->values);
  for (size_t i = 0; i < lex->prefix_count; i++) {
    free(lex->prefixes[i].category);
    free(lex->prefixes[i].prefix);
  }
  free(lex->prefixes);
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

/* Builds "category\037key" into buf; returns its length or 0. */
static size_t compound_key(const char *category, const char *key, size_t len,
                           char *buf, size_t cap) {
  size_t clen = strlen(category);
  if (clen + 1 + len >= cap)
    return 0;
  memcpy(buf, category, clen);
  buf[clen] = '\037';
  memcpy(buf + clen + 1, key, len);
  return clen + 1 + len;
}

/* Adds one entry (value may be ""; copied).  Returns 0 or -1 (no memory). */
static int add_entry(KgLexicon *lex, const char *category, const char *phrase,
                     const char *value) {
  char key[KEY_MAX], full[KEY_MAX];
  size_t plen = strlen(phrase);
  int is_prefix = plen > 1 && phrase[plen - 1] == '*';
  size_t klen =
      kg_phrase_key(phrase, is_prefix ? plen - 1 : plen, key, sizeof key);
  size_t index;
  if (klen == 0 || store_value(lex, value, &index) != 0)
    return -1;
  if (is_prefix) {
    if (kg_grow((void **)&lex->prefixes, lex->prefix_count, &lex->prefix_cap,
                sizeof *lex->prefixes) != 0)
      return -1;
    Prefix *p = &lex->prefixes[lex->prefix_count];
    p->category = strdup(category);
    p->prefix = strndup(key, klen);
    p->value = index;
    if (!p->category || !p->prefix) {
      free(p->category);
      free(p->prefix);
      return -1;
    }
    lex->prefix_count++;
    return 0;
  }
  size_t flen = compound_key(category, key, klen, full, sizeof full);
  return flen ? kg_strmap_put(lex->exact, full, flen, index) : -1;
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

const char *kg_lexicon_get(const KgLexicon *lex, const char *category,
                           const char *key, size_t len) {
  char full[KEY_MAX];
  size_t flen = compound_key(category, key, len, full, sizeof full);
  size_t index;
  if (flen && kg_strmap_get(lex->exact, full, flen, &index))
    return lex->values[index];
  for (size_t i = 0; i < lex->prefix_count; i++) {
    const Prefix *p = &lex->prefixes[i];
    size_t plen = strlen(p->prefix);
    if (plen <= len && memcmp(p->prefix, key, plen) == 0 &&
        strcmp(p->category, category) == 0 && !memchr(key, ' ', len))
      return lex->values[p->value];
  }
  return NULL;
}

size_t kg_lexicon_match(const KgLexicon *lex, const char *category,
                        const KgText *t, size_t i, size_t limit,
                        const char **value) {
  char key[KEY_MAX];
  size_t longest =
      limit - i < MAX_PHRASE_TOKENS ? limit - i : MAX_PHRASE_TOKENS;
  for (size_t n = longest; n > 0; n--) {
    size_t klen = kg_text_key(t, i, i + n, key, sizeof key);
    if (klen == 0)
      continue;
    const char *v = kg_lexicon_get(lex, category, key, klen);
    if (v) {
      if (value)
        *value = v;
      return n;
    }
  }
  return 0;
}
