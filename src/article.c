/* article.c - the per-article entity and mention tables; see article.h. */
#include "article.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/* Entity keys are built on the stack; a key longer than this (a name of
 * hundreds of bytes, which the text may hold) goes to a heap buffer. */
#define KEY_MAX 512
/* no mention is longer: a title construction with its name and owner */
#define MAX_MENTION_TOKENS 64

void kg_article_release(KgArticle *a) {
  for (size_t i = 0; i < a->entity_count; i++)
    free(a->entities[i].name);
  free(a->entities);
  free(a->mentions);
  free(a->mention_of_token);
  free(a->long_key);
  kg_strmap_free(a->entity_index);
  kg_text_release(&a->text);
  a->entities = NULL;
  a->mentions = NULL;
  a->mention_of_token = NULL;
  a->long_key = NULL;
  a->entity_index = NULL;
  a->entity_count = a->mention_count = a->long_key_cap = 0;
}

/* Writes the entity_index key "class\037normalised name" into key (of cap
 * bytes); returns its length, or 0 when it does not fit. */
static size_t entity_key(KgClass cls, const char *name, size_t len, char *key,
                         size_t cap) {
  const char *cname = kg_class_name(cls);
  size_t clen = strlen(cname);
  assert(clen + 1 < cap);
  memcpy(key, cname, clen);
  key[clen] = '\037';
  size_t klen = kg_phrase_key(name, len, key + clen + 1, cap - clen - 1);
  return klen ? klen + clen + 1 : 0;
}

/* The bytes an entity key of a name of len bytes may need: a normalised
 * byte takes at most two, and kg_phrase_key keeps one free; 0 when that
 * does not fit a size_t. */
static size_t entity_key_room(KgClass cls, size_t len) {
  size_t clen = strlen(kg_class_name(cls));
  if (len > (SIZE_MAX - clen - 3) / 2)
    return 0;
  return clen + 1 + 2 * len + 2;
}

long kg_article_find_entity(const KgArticle *a, KgClass cls, const char *name,
                            size_t len) {
  char stack_key[KEY_MAX], *key = stack_key;
  size_t klen = entity_key(cls, name, len, key, sizeof stack_key), found;
  /* too long for the stack: this const article lends no buffer, so one of
   * the room it needs, for this (rare) lookup alone */
  size_t room = klen ? 0 : entity_key_room(cls, len);
  if (room > sizeof stack_key && (key = malloc(room)) != NULL)
    klen = entity_key(cls, name, len, key, room);
  long entity = klen && a->entity_index &&
                        kg_strmap_get(a->entity_index, key, klen, &found)
                    ? (long)found
                    : -1;
  if (key != stack_key)
    free(key);
  return entity;
}

long kg_article_entity(KgArticle *a, KgClass cls, const char *name, size_t len,
                       long gaz) {
  char stack_key[KEY_MAX], *key = stack_key;
  size_t klen = entity_key(cls, name, len, key, sizeof stack_key);
  size_t room = klen ? 0 : entity_key_room(cls, len);
  if (room > sizeof stack_key) {
    /* a name too long for the stack: the article's buffer, grown to fit */
    if (room > a->long_key_cap) {
      char *grown = realloc(a->long_key, room);
      if (!grown)
        return -1;
      a->long_key = grown;
      a->long_key_cap = room;
    }
    key = a->long_key;
    klen = entity_key(cls, name, len, key, room);
  }
  if (klen == 0)
    return -1;
  if (!a->entity_index && !(a->entity_index = kg_strmap_new()))
    return -1;
  size_t found;
  if (kg_strmap_get(a->entity_index, key, klen, &found))
    return (long)found;
  if (kg_grow((void **)&a->entities, a->entity_count, &a->entity_cap,
              sizeof *a->entities) != 0)
    return -1;
  KgEntity *e = &a->entities[a->entity_count];
  memset(e, 0, sizeof *e);
  e->cls = cls;
  e->gaz = gaz;
  e->country = -1;
  if (!(e->name = strndup(name, len)) ||
      kg_strmap_put(a->entity_index, key, klen, a->entity_count) != 0) {
    free(e->name);
    return -1;
  }
  if (gaz >= 0) {
    const KgGazEntry *g = kg_gazetteer_entry(a->kb->gazetteer, (size_t)gaz);
    if (g->attrs[KG_ATTR_GENDER])
      e->gender = g->attrs[KG_ATTR_GENDER][0];
  }
  return (long)a->entity_count++;
}

long kg_article_add_mention(KgArticle *a, const KgMention *m) {
  if (kg_grow((void **)&a->mentions, a->mention_count, &a->mention_cap,
              sizeof *a->mentions) != 0)
    return -1;
  a->mentions[a->mention_count] = *m;
  return (long)a->mention_count++;
}

/* Sorts by first token, keeping the order of mentions with the same first
 * token: a counting sort (the first tokens are small integers), which
 * gives each mention its place; owner links then follow the moves. */
void kg_article_sort_mentions(KgArticle *a) {
  size_t n = a->mention_count, last = 0;
  int sorted_already = 1;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && a->mentions[i].first < a->mentions[i - 1].first)
      sorted_already = 0;
    if (a->mentions[i].first > last)
      last = a->mentions[i].first;
  }
  if (sorted_already)
    return;
  /* place[t]: where the next mention starting at token t goes */
  size_t *place = calloc(last + 2, sizeof *place);
  size_t *where = malloc(n * sizeof *where);
  KgMention *sorted = malloc(n * sizeof *sorted);
  if (!place || !where || !sorted) {
    free(place), free(where), free(sorted);
    return; /* left unsorted: lookups below still work, only slower */
  }
  for (size_t i = 0; i < n; i++)
    place[a->mentions[i].first + 1]++;
  for (size_t t = 1; t <= last + 1; t++)
    place[t] += place[t - 1];
  for (size_t i = 0; i < n; i++)
    where[i] = place[a->mentions[i].first]++;
  for (size_t i = 0; i < n; i++) {
    KgMention *m = &sorted[where[i]];
    *m = a->mentions[i];
    if (m->owner >= 0)
      m->owner = (long)where[m->owner];
  }
  memcpy(a->mentions, sorted, n * sizeof *sorted);
  free(place), free(where), free(sorted);
}

size_t kg_article_first_mention(const KgArticle *a, size_t i) {
  size_t lo = 0, hi = a->mention_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a->mentions[mid].first < i)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* By a binary search and a walk back. */
long kg_article_search_mention_at(const KgArticle *a, size_t i) {
  size_t lo = 0, hi = a->mention_count;
  while (lo < hi) { /* first mention starting after i */
    size_t mid = (lo + hi) / 2;
    if (a->mentions[mid].first <= i)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo; k-- > 0;) {
    const KgMention *m = &a->mentions[k];
    if (m->end <= i && m->first + MAX_MENTION_TOKENS < i)
      break;
    if (m->first <= i && i < m->end && !(m->flags & KG_M_ABSORBED))
      return (long)k;
  }
  return -1;
}

int kg_article_fix_mentions(KgArticle *a) {
  size_t n = a->text.token_count;
  long *at = malloc((n ? n : 1) * sizeof *at);
  if (!at)
    return -1;
  /* the search's answer is the last mention (in sorted order) that covers
   * a token and is not absorbed */
  for (size_t i = 0; i < n; i++)
    at[i] = -1;
  for (size_t k = 0; k < a->mention_count; k++) {
    const KgMention *m = &a->mentions[k];
    if (!(m->flags & KG_M_ABSORBED))
      for (size_t i = m->first; i < m->end && i < n; i++)
        at[i] = (long)k;
  }
  free(a->mention_of_token);
  a->mention_of_token = at;
  return 0;
}

long kg_article_capital_country(KgArticle *a, long city) {
  const KgEntity *e = &a->entities[city];
  if (e->cls != KG_CLASS_CITY || e->gaz < 0)
    return -1;
  const KgGazetteer *gz = a->kb->gazetteer;
  const char *country =
      kg_gazetteer_entry(gz, (size_t)e->gaz)->attrs[KG_ATTR_COUNTRY];
  if (!country || strchr(country, '|'))
    return -1;
  long c = kg_gazetteer_find(gz, KG_CLASS_COUNTRY, country);
  if (c < 0 || !kg_gazetteer_attr_has(gz, (size_t)c, KG_ATTR_CAPITAL, e->name))
    return -1;
  return kg_article_entity(a, KG_CLASS_COUNTRY, country, strlen(country), c);
}

long kg_article_stands_for(KgArticle *a, long e) {
  const KgEntity *ent = &a->entities[e];
  if (ent->gaz < 0)
    return -1;
  const KgGazetteer *gz = a->kb->gazetteer;
  const char *name =
      kg_gazetteer_entry(gz, (size_t)ent->gaz)->attrs[KG_ATTR_STANDS_FOR];
  if (!name || strchr(name, '|'))
    return -1;
  long org = kg_gazetteer_find(gz, KG_CLASS_ORGANIZATION, name);
  return org < 0 ? -1
                 : kg_article_entity(a, KG_CLASS_ORGANIZATION, name,
                                     strlen(name), org);
}
