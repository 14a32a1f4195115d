/* mentions.c - entity mentions of an article; see mentions.h.
 *
 * The passes, in order (each sees what the earlier ones found):
 *   1. gazetteer names, longest match first, and the dateline;
 *   2. names the gazetteer lacks, from patterns: a title before a
 *      capitalised run ("spokesman Dmitry Peskov"), a run in apposition to a
 *      person noun ("Kim Yong Chol, a former intelligence chief"), "the city
 *      of X";
 *   3. surnames of people named in full somewhere in the article;
 *   4. pronouns and descriptions ("the strongman leader", "the country");
 *   5. title constructions, which merge "[former] [French|Singapore's|EU]
 *      President" with the name after it;
 *   6. per-mention flags (possessive, locative, quoted) and per-article
 *      statistics (nationalities, the focus country).
 * Words come from the lexicon: "title", "title_mod", "person_noun",
 * "country_noun", "org_noun", "city_noun", "city_of", "pronoun", "particle",
 * "notname", "locative", "determiner", "plural", "bordering".
 */
#include "mentions.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stems.h"

#define KEY_MAX 512
#define MAX_HITS 16
#define MAX_NAME_TOKENS 12 /* hyphens count: "Sabah al-Ahmad al-Jaber" */

/* The passes ask which mentions start or end at a token, and mentions are
 * added out of token order, so the Finder keeps them listed by token: each
 * token's list threads through `links`.  Spans do not change before pass 5,
 * which needs no lists. */
typedef struct {
  KgArticle *a;
  unsigned char *covered; ///< per token: inside a mention found so far
  KgStrMap *aliases;      ///< names found by pattern, and their acronyms
  KgStems *alias_stems;   ///< the aliases' prefixes that tokens can make
  long *starting; ///< per token: the last mention added that starts there
  long *ending;   ///< per token + 1: the last mention added that ends there
  long *links;    ///< per mention: [2k] the mention added before it that
                  ///< starts where it does, [2k + 1] one that ends there
  size_t link_cap; ///< mentions links has room for
} Finder;

/* Makes key[0, klen) an alias of entity: in place of an earlier one when
 * replace is set, else only when new.  Returns 0, or -1 when out of
 * memory. */
static int add_alias(Finder *f, const char *key, size_t klen, size_t entity,
                     int replace) {
  if (kg_stems_add(f->alias_stems, key, klen, 1) != 0)
    return -1;
  if (replace)
    return kg_strmap_put(f->aliases, key, klen, entity);
  return kg_strmap_add(f->aliases, key, klen, entity, NULL) < 0 ? -1 : 0;
}

/* The mention added before mention k that starts (at == 0) or ends (at ==
 * 1) where k does, or -1. */
static long next_at(const Finder *f, long k, int at) {
  return f->links[2 * k + at];
}

/* Adds a mention to the article and to the lists by token; returns its
 * index, or -1 when out of memory. */
static long new_mention(Finder *f, const KgMention *m) {
  long index = kg_article_add_mention(f->a, m);
  if (index < 0)
    return -1;
  if ((size_t)index >= f->link_cap) {
    size_t cap = f->link_cap ? 2 * f->link_cap : 64;
    long *links = realloc(f->links, 2 * cap * sizeof *links);
    if (!links)
      return -1;
    f->links = links;
    f->link_cap = cap;
  }
  f->links[2 * index] = f->starting[m->first];
  f->links[2 * index + 1] = f->ending[m->end];
  f->starting[m->first] = f->ending[m->end] = index;
  return index;
}

static const KgLexicon *lex_of(const Finder *f) { return f->a->kb->lexicon; }
static const KgToken *tok(const Finder *f, size_t i) {
  return &f->a->text.tokens[i];
}

/* Inline, so that the lexicon's filter reads a literal category name. */
static inline int lex_has(const Finder *f, const char *category, size_t i,
                          const char **value) {
  const char *v = kg_lexicon_word(lex_of(f), category, &f->a->text, i);
  if (value)
    *value = v;
  return v != NULL;
}

static long add_mention(Finder *f, size_t first, size_t end, size_t sentence,
                        KgMentionKind kind, KgClass cls, long entity) {
  KgMention m = {first, end, sentence, kind, cls, entity, 0, -1, NULL, 0};
  long index = new_mention(f, &m);
  if (index >= 0)
    memset(f->covered + first, 1, end - first);
  if (entity >= 0)
    f->a->entities[entity].mentions++;
  return index;
}

/* Picks the hit to use: names before demonyms, and Country, Organization,
 * City, Region, Person in that order when one name has several.  Surnames (which
 * need the full name first) are skipped.  Returns -1 if none. */
static long best_hit(const Finder *f, const KgGazHit *hits, size_t n,
                     int capitals) {
  static const int rank[KG_CLASS_COUNT] = {4, 0, 1, 2, 3};
  long best = -1;
  for (size_t k = 0; k < n; k++) {
    if (hits[k].kind == KG_HIT_SURNAME || (hits[k].acronym && !capitals))
      continue;
    const KgGazEntry *e =
        kg_gazetteer_entry(f->a->kb->gazetteer, hits[k].entry);
    if (best < 0)
      best = (long)k;
    else {
      const KgGazEntry *b =
          kg_gazetteer_entry(f->a->kb->gazetteer, hits[best].entry);
      if (rank[e->cls] < rank[b->cls])
        best = (long)k;
    }
  }
  return best;
}

static long entity_of_hit(Finder *f, const KgGazHit *hit) {
  const KgGazEntry *e = kg_gazetteer_entry(f->a->kb->gazetteer, hit->entry);
  return kg_article_entity(f->a, e->cls, e->name, strlen(e->name),
                           (long)hit->entry);
}

/* Writes a display name for an all-capitals dateline ("ROSTOV-ON-DON" ->
 * "Rostov-On-Don"): upper case after a non-letter, lower case elsewhere. */
static void title_case(const char *s, size_t n, char *out) {
  int start = 1;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (letter && !start && c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    out[i] = c;
    start = !letter && !((unsigned char)c & 0x80);
  }
  out[n] = '\0';
}

/* Non-zero when every word of tokens [first, end) is in capitals, as an
 * acronym must be ("UN", "U.S."; not the "Un" of "Kim Jong Un"). */
static int all_capitals(const Finder *f, size_t first, size_t end) {
  for (size_t i = first; i < end; i++) {
    const KgToken *t = tok(f, i);
    if ((t->flags & KG_TOK_WORD) && !(t->flags & KG_TOK_UPPER) &&
        !(t->end - t->start == 1 && (t->flags & KG_TOK_CAP)))
      return 0;
  }
  return 1;
}

/* Non-zero when token i ends a compound such as "pro-Russian" or
 * "anti-American": after a lower-case word and a hyphen it names no one
 * (unlike "US-North Korea"). */
static int hyphen_compound(const Finder *f, size_t floor, size_t i) {
  if (i < floor + 2 || !(tok(f, i)->flags & KG_TOK_GLUED) ||
      !kg_token_is(&f->a->text, i - 1, "-"))
    return 0;
  const KgToken *before = tok(f, i - 2);
  return (before->flags & KG_TOK_WORD) && !(before->flags & KG_TOK_CAP);
}

/* The keys of tokens from i that a gazetteer name may span (kg_text_keys:
 * key holds the longest, lens and hashes have KEY_MAX places).  Returns
 * how many tokens it may span, 1 to longest: no name longer than that
 * starts with the words there; *built receives how many keys fit. */
static size_t gazetteer_reach(const Finder *f, size_t i, size_t longest,
                              char *key, size_t *lens,
                              unsigned long long *hashes, size_t *built) {
  const KgText *t = &f->a->text;
  size_t n = 1;
  *built = kg_text_keys(t, i, 0, 1, key, KEY_MAX, lens, hashes);
  while (n < longest && *built == n &&
         kg_gazetteer_may_extend_hashed(f->a->kb->gazetteer, hashes[n - 1])) {
    n++;
    *built = kg_text_keys(t, i, *built, n, key, KEY_MAX, lens, hashes);
  }
  return n;
}

/* Pass 1 for one sentence. */
/* Non-zero when the national body or party of hit, named at token i, is
 * only the end of a longer name: after a demonym of another country
 * ("Maldivian Democratic Party" is not the United States' party) or after
 * a capitalised word that no mention holds and that is not the sentence's
 * first ("Maryland Democratic Party", "New Democratic Party"). */
static int inside_longer_name(const Finder *f, size_t first, size_t i,
                              const KgGazHit *hit) {
  const KgArticle *a = f->a;
  const KgGazEntry *e = kg_gazetteer_entry(a->kb->gazetteer, hit->entry);
  const char *country = e->attrs[KG_ATTR_COUNTRY];
  if (e->cls != KG_CLASS_ORGANIZATION || !country || strchr(country, '|') ||
      i == first || (tok(f, i)->flags & KG_TOK_GLUED))
    return 0;
  long before = f->ending[i];
  if (before >= 0) {
    const KgMention *m = &a->mentions[before];
    return m->kind == KG_MENTION_DEMONYM && m->entity >= 0 &&
           strcmp(a->entities[m->entity].name, country) != 0;
  }
  return i - 1 > first && !f->covered[i - 1] &&
         kg_lexicon_name_word(a->kb->lexicon, &a->text, i - 1);
}

static int find_gazetteer_names(Finder *f, size_t si) {
  KgArticle *a = f->a;
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  size_t max = kg_gazetteer_max_tokens(a->kb->gazetteer);
  KgGazHit hits[MAX_HITS];
  char key[KEY_MAX];
  size_t lens[KEY_MAX], built = 0;
  unsigned long long hashes[KEY_MAX];
  for (size_t i = s->first_token; i < end;) {
    if (tok(f, i)->flags & KG_TOK_DATELINE) {
      size_t j = i;
      while (j < end && (tok(f, j)->flags & KG_TOK_DATELINE))
        j++;
      size_t klen = kg_text_key(&a->text, i, j, key, sizeof key);
      size_t n = klen ? kg_gazetteer_lookup(a->kb->gazetteer, key, klen, hits,
                                            MAX_HITS)
                      : 0;
      long best = best_hit(f, hits, n < MAX_HITS ? n : MAX_HITS, 1);
      long entity;
      if (best >= 0) {
        entity = entity_of_hit(f, &hits[best]);
      } else {
        size_t bytes = tok(f, j - 1)->end - tok(f, i)->start;
        /* the whole place, however long (one dateline an article): a cut
         * one could end inside a UTF-8 sequence */
        char stack_name[KEY_MAX];
        char *name = bytes < sizeof stack_name ? stack_name : malloc(bytes + 1);
        if (!name)
          return -1;
        title_case(a->text.text + tok(f, i)->start, bytes, name);
        entity = kg_article_entity(a, KG_CLASS_CITY, name, bytes, -1);
        if (name != stack_name)
          free(name);
      }
      if (entity < 0 || add_mention(f, i, j, si, KG_MENTION_NAME,
                                    a->entities[entity].cls, entity) < 0)
        return -1;
      i = j;
      continue;
    }
    if (!(tok(f, i)->flags & KG_TOK_CAP) || f->covered[i] ||
        hyphen_compound(f, s->first_token, i)) {
      i++;
      continue;
    }
    size_t longest = end - i < max ? end - i : max, matched = 0;
    if (longest > 0)
      longest = gazetteer_reach(f, i, longest, key, lens, hashes, &built);
    for (size_t n = longest; n > 0 && !matched; n--) {
      /* a name does not end inside a hyphenated word: "US-North" is "US" */
      if (i + n < end && (tok(f, i + n)->flags & KG_TOK_GLUED) &&
          (tok(f, i + n)->flags & KG_TOK_WORD) &&
          !kg_token_is(&a->text, i + n, "'s"))
        continue;
      size_t count =
          n <= built ? kg_gazetteer_lookup_hashed(a->kb->gazetteer, key,
                                                  lens[n - 1], hashes[n - 1],
                                                  hits, MAX_HITS)
                     : 0;
      long best = best_hit(f, hits, count < MAX_HITS ? count : MAX_HITS,
                           all_capitals(f, i, i + n));
      if (best < 0)
        continue;
      if (inside_longer_name(f, s->first_token, i, &hits[best])) {
        matched = n; /* left to the passes that find unknown names */
        break;
      }
      long entity = entity_of_hit(f, &hits[best]);
      KgMentionKind kind = hits[best].kind == KG_HIT_DEMONYM
                               ? KG_MENTION_DEMONYM
                               : KG_MENTION_NAME;
      if (entity < 0 || add_mention(f, i, i + n, si, kind,
                                    a->entities[entity].cls, entity) < 0)
        return -1;
      matched = n;
    }
    i += matched ? matched : 1;
  }
  return 0;
}

/* Non-zero when token i is a regnal number: II to XXX in capitals (not
 * "I", which is mostly the pronoun: "May I"). */
static int regnal_number(const Finder *f, size_t i) {
  const KgToken *t = tok(f, i);
  size_t n = t->end - t->start;
  if (n < 2 || n > 5)
    return 0;
  for (size_t k = 0; k < n; k++)
    if (!strchr("IVX", f->a->text.text[t->start + k]))
      return 0;
  return 1;
}

/* Length of the capitalised name run at i (0 if none): capitalised words,
 * particles between them ("bin", "al"), hyphenated parts ("Jae-in").  A
 * run opens with a capitalised word, which most tokens are not: inline,
 * that much is told without a call. */
static size_t name_run_from(const Finder *f, size_t i, size_t end);

static inline size_t name_run(const Finder *f, size_t i, size_t end) {
  return i < end && (f->a->text.tokens[i].flags & KG_TOK_CAP)
             ? name_run_from(f, i, end)
             : 0;
}

static size_t name_run_from(const Finder *f, size_t i, size_t end) {
  size_t n = 0, last_cap = 0;
  while (i + n < end && n < MAX_NAME_TOKENS && !f->covered[i + n]) {
    const KgToken *t = tok(f, i + n);
    /* capitalised words, not ones in capitals throughout ("WOOD") or
     * contracted ("I've") */
    if ((t->flags & KG_TOK_CAP) &&
        !(t->flags & (KG_TOK_QUOTED | KG_TOK_UPPER)) &&
        !memchr(f->a->text.text + t->start, '\'', t->end - t->start) &&
        !lex_has(f, "notname", i + n, NULL) &&
        !lex_has(f, "title", i + n, NULL)) {
      n++;
      last_cap = n;
    } else if (n > 0 && (t->flags & KG_TOK_GLUED) &&
               (kg_token_is(&f->a->text, i + n, "-") ||
                ((t->flags & KG_TOK_WORD) &&
                 kg_token_is(&f->a->text, i + n - 1, "-")))) {
      n++; /* "Jae-in" */
      last_cap = n;
    } else if (n > 0 && lex_has(f, "particle", i + n, NULL)) {
      n++;
    } else if (n > 0 && regnal_number(f, i + n)) {
      n++; /* "Edward III" */
      last_cap = n;
      break;
    } else {
      break;
    }
  }
  return last_cap;
}

static long new_person(Finder *f, size_t first, size_t end, size_t si) {
  KgArticle *a = f->a;
  size_t start = tok(f, first)->start, stop = tok(f, end - 1)->end;
  long entity = kg_article_entity(a, KG_CLASS_PERSON, a->text.text + start,
                                  stop - start, -1);
  if (entity < 0)
    return -1;
  const char *gender;
  if (lex_has(f, "first_name", first, &gender) && gender[0] != 'u') {
    a->entities[entity].gender = gender[0];
    a->entities[entity].gender_guessed = 1;
  }
  return add_mention(f, first, end, si, KG_MENTION_NAME, KG_CLASS_PERSON,
                     entity);
}

/* Non-zero when a determiner or possessive stands within the five tokens
 * before i ("his Russian counterpart", "the bloc's foreign policy chief"). */
static int determined(const Finder *f, size_t floor, size_t i) {
  for (size_t k = i; k > floor && k + 5 > i; k--)
    if (lex_has(f, "determiner", k - 1, NULL) ||
        kg_token_is(&f->a->text, k - 1, "'s"))
      return 1;
  return 0;
}

/* Non-zero when token i is a word that ends names of places and things,
 * not people ("Market", "Mosque", "Day"). */
static int place_word(const Finder *f, size_t i) {
  return lex_has(f, "place_word", i, NULL);
}

/* Non-zero when the title at i follows a capitalised word that is no known
 * name: the title then belongs to something unknown ("Afreximbank
 * President", "Senate President"), or is a surname ("Martin Luther King"). */
static int unknown_owner(const Finder *f, size_t floor, size_t i) {
  return i > floor && !f->covered[i - 1] &&
         (tok(f, i - 1)->flags & KG_TOK_CAP) &&
         !lex_has(f, "notname", i - 1, NULL) &&
         !lex_has(f, "title", i - 1, NULL) &&
         !lex_has(f, "title_mod", i - 1, NULL);
}

/* After a title and a given name, a one-word place name is a surname
 * ("Interior Minister Carlos Lima"): takes the place's mention back and
 * returns 1, else 0. */
static size_t surname_from_place(Finder *f, size_t i, size_t end) {
  KgArticle *a = f->a;
  if (i >= end || !f->covered[i] ||
      (i + 1 < end && (tok(f, i + 1)->flags & KG_TOK_CAP)))
    return 0;
  long mi = kg_article_mention_at(a, i);
  if (mi < 0)
    return 0;
  KgMention *m = &a->mentions[mi];
  if (m->first != i || m->end != i + 1 || m->kind != KG_MENTION_NAME ||
      (m->cls != KG_CLASS_CITY && m->cls != KG_CLASS_COUNTRY))
    return 0;
  m->flags |= KG_M_ABSORBED;
  if (m->entity >= 0)
    a->entities[m->entity].mentions--;
  f->covered[i] = 0;
  return 1;
}

/* The known person a shortened full name means ("Tayyip Erdogan" for
 * Recep Tayyip Erdoğan): one whose surname is the last word and whose
 * canonical name holds every word.  The article entity, or -1. */
static long known_by_parts(Finder *f, size_t first, size_t end) {
  KgArticle *a = f->a;
  char key[KEY_MAX], name[KEY_MAX], word[KEY_MAX];
  KgGazHit hits[MAX_HITS];
  size_t klen = kg_text_key(&a->text, end - 1, end, key, sizeof key);
  size_t n =
      klen ? kg_gazetteer_lookup(a->kb->gazetteer, key, klen, hits, MAX_HITS)
           : 0;
  for (size_t k = 0; k < n && k < MAX_HITS; k++) {
    const KgGazEntry *g = kg_gazetteer_entry(a->kb->gazetteer, hits[k].entry);
    if (hits[k].kind != KG_HIT_SURNAME || g->cls != KG_CLASS_PERSON)
      continue;
    size_t nlen =
        kg_phrase_key(g->name, strlen(g->name), name, sizeof name - 1);
    name[nlen] = '\0';
    int all = nlen > 0;
    for (size_t i = first; i < end && all; i++) {
      if (!(tok(f, i)->flags & KG_TOK_WORD))
        continue;
      size_t wlen = kg_text_key(&a->text, i, i + 1, word, sizeof word - 1);
      word[wlen] = '\0';
      all = wlen > 0 && strstr(name, word) != NULL;
    }
    if (all)
      return entity_of_hit(f, &hits[k]);
  }
  return -1;
}

/* A person mention for tokens [first, end) after a title: the gazetteer's
 * person when the words name one ("President Trump"), else a new one. */
static long person_named(Finder *f, size_t first, size_t end, size_t si) {
  KgArticle *a = f->a;
  char key[KEY_MAX];
  KgGazHit hits[MAX_HITS];
  size_t klen = kg_text_key(&a->text, first, end, key, sizeof key);
  size_t n =
      klen ? kg_gazetteer_lookup(a->kb->gazetteer, key, klen, hits, MAX_HITS)
           : 0;
  for (size_t k = 0; k < n && k < MAX_HITS; k++) {
    const KgGazEntry *g = kg_gazetteer_entry(a->kb->gazetteer, hits[k].entry);
    if (g->cls != KG_CLASS_PERSON)
      continue;
    long entity = entity_of_hit(f, &hits[k]);
    if (entity < 0)
      return -1;
    return add_mention(f, first, end, si, KG_MENTION_NAME, KG_CLASS_PERSON,
                       entity);
  }
  long known = known_by_parts(f, first, end);
  if (known >= 0)
    return add_mention(f, first, end, si, KG_MENTION_NAME, KG_CLASS_PERSON,
                       known);
  return new_person(f, first, end, si);
}

/* Index of the one-token country, region or demonym mention at token i,
 * or -1: such a mention may begin an organisation's name ("Bangladesh
 * Nationalist Party", "Ukrainian Orthodox Church", "Tigray People's
 * Liberation Front"). */
static long country_word(const Finder *f, size_t i) {
  long mi = kg_article_mention_at(f->a, i);
  if (mi < 0)
    return -1;
  const KgMention *m = &f->a->mentions[mi];
  return m->first == i &&
                 (m->cls == KG_CLASS_COUNTRY || m->cls == KG_CLASS_REGION)
             ? mi
             : -1;
}

/* Length of an organisation's name at i (0 if none): capitalised words,
 * joined by "of", "and", "for", "the", ending in an organisation word
 * ("Awami League", "West African Economic and Monetary Union"), or having
 * one followed by "of" and a name ("Union of South American Nations",
 * "Parliament of New Zealand"). */
/* Non-zero when token j may be a word of an organisation's name. */
static int org_name_word(const Finder *f, size_t j) {
  const KgToken *t = tok(f, j);
  return !f->covered[j] && (t->flags & KG_TOK_CAP) &&
         !(t->flags & KG_TOK_QUOTED) &&
         (!lex_has(f, "notname", j, NULL) || lex_has(f, "direction", j, NULL));
}

static size_t organisation_at(const Finder *f, size_t i, size_t end) {
  size_t j = i, last_org = 0;
  while (j < end && j < i + 12) {
    long cw = f->covered[j] ? country_word(f, j) : -1;
    if (cw >= 0) {
      j = f->a->mentions[cw].end;
      continue;
    }
    if (org_name_word(f, j)) {
      if (lex_has(f, "org_word", j, NULL))
        last_org = j + 1 - i;
      j++;
      /* "People's Liberation Front": a possessive inside the name */
      if (j + 1 < end && kg_token_is(&f->a->text, j, "'s") &&
          lex_has(f, "org_possessor", j - 1, NULL) && org_name_word(f, j + 1))
        j++;
      continue;
    }
    /* connectors ("of", "for the") only between capitalised words or
     * countries */
    size_t c = j;
    while (c > i && c < end && c < j + 2 &&
           lex_has(f, "org_connector", c, NULL))
      c++;
    if (c > j && c < end &&
        (org_name_word(f, c) || country_word(f, c) >= 0)) {
      j = c;
      continue;
    }
    break;
  }
  /* "National Assembly of Venezuela", "Department of Homeland Security":
   * an organisation word, then "of" or "for" and a name, runs on */
  if (last_org > 0 && i + last_org + 1 < j &&
      (kg_token_is(&f->a->text, i + last_org, "of") ||
       kg_token_is(&f->a->text, i + last_org, "for") ||
       kg_token_is(&f->a->text, i + last_org, "on")))
    return j - i; /* ... "Intergovernmental Authority on Development" */
  return last_org >= 2 ? last_org : 0;
}

/* Length of an acronym that the word before or after says is an
 * organisation (0 if none): "the state oil company PDVSA", "the ruling
 * ZANU-PF party". */
static size_t acronym_organisation_at(const Finder *f, size_t floor, size_t i,
                                      size_t end) {
  const KgToken *t = tok(f, i);
  if (f->covered[i] || !(t->flags & KG_TOK_UPPER) ||
      (t->flags & KG_TOK_QUOTED) || lex_has(f, "notname", i, NULL))
    return 0;
  size_t n = 1;
  if (i + 2 < end && kg_token_is(&f->a->text, i + 1, "-") &&
      (tok(f, i + 1)->flags & KG_TOK_GLUED) &&
      (tok(f, i + 2)->flags & KG_TOK_GLUED) &&
      (tok(f, i + 2)->flags & KG_TOK_UPPER) && !f->covered[i + 2])
    n = 3; /* ZANU-PF */
  if ((i > floor && lex_has(f, "org_kind", i - 1, NULL)) ||
      (i + n < end && lex_has(f, "org_kind", i + n, NULL)))
    return n;
  return 0;
}

/* Adds an organisation found by pattern, and its name as an alias for
 * later mentions. */
static long add_organisation(Finder *f, size_t first, size_t end,
                             size_t si) {
  KgArticle *a = f->a;
  size_t start = tok(f, first)->start, stop = tok(f, end - 1)->end;
  long entity = kg_article_entity(a, KG_CLASS_ORGANIZATION,
                                  a->text.text + start, stop - start, -1);
  if (entity < 0 || add_mention(f, first, end, si, KG_MENTION_NAME,
                                KG_CLASS_ORGANIZATION, entity) < 0)
    return -1;
  char key[KEY_MAX];
  size_t klen = kg_text_key(&a->text, first, end, key, sizeof key);
  if (klen && add_alias(f, key, klen, (size_t)entity, 0) != 0)
    return -1;
  return entity;
}

/* Pass 2a for one sentence: organisations the gazetteer lacks. */
static int find_organisations(Finder *f, size_t si) {
  KgArticle *a = f->a;
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  for (size_t i = s->first_token; i < end; i++) {
    /* a name, or an acronym (in capitals), opens with a capital letter;
     * a country's name is covered already */
    if (!f->covered[i] && !(tok(f, i)->flags & KG_TOK_CAP))
      continue;
    size_t acronym = acronym_organisation_at(f, s->first_token, i, end);
    if (acronym > 0) {
      if (add_organisation(f, i, i + acronym, si) < 0)
        return -1;
      i += acronym - 1;
      continue;
    }
    /* not from a given name: "Jennifer Lu of Marriage Equality ..." */
    int starts = f->covered[i] ? country_word(f, i) >= 0
                               : (tok(f, i)->flags & KG_TOK_CAP) &&
                                     (lex_has(f, "direction", i, NULL) ||
                                      (!lex_has(f, "first_name", i, NULL) &&
                                       !lex_has(f, "notname", i, NULL)));
    size_t n = starts ? organisation_at(f, i, end) : 0;
    if (n == 0)
      continue;
    for (size_t t = i; t < i + n; t++)
      for (long k = f->starting[t]; k >= 0; k = next_at(f, k, 0)) {
        KgMention *inner = &a->mentions[k];
        if (inner->end <= i + n && !(inner->flags & KG_M_ABSORBED)) {
          inner->flags |= KG_M_ABSORBED;
          if (inner->entity >= 0)
            a->entities[inner->entity].mentions--;
        }
      }
    memset(f->covered + i, 0, n);
    long entity = add_organisation(f, i, i + n, si);
    if (entity < 0)
      return -1;
    /* "... West African States (ECOWAS)": the acronym names it too */
    if (i + n + 2 < end && kg_token_is(&a->text, i + n, "(") &&
        (tok(f, i + n + 1)->flags & KG_TOK_UPPER) &&
        kg_token_is(&a->text, i + n + 2, ")")) {
      char key[KEY_MAX];
      size_t klen =
          kg_text_key(&a->text, i + n + 1, i + n + 2, key, sizeof key);
      if (klen && add_alias(f, key, klen, (size_t)entity, 1) != 0)
        return -1;
    }
    i += n - 1;
  }
  return 0;
}

/* Non-zero when a person's name starts (at == 0) or ends (at == 1) at
 * token i. */
static int person_name_at(const Finder *f, size_t i, int at) {
  for (long k = at ? f->ending[i] : f->starting[i]; k >= 0;
       k = next_at(f, k, at)) {
    const KgMention *m = &f->a->mentions[k];
    if (m->cls == KG_CLASS_PERSON && m->kind == KG_MENTION_NAME &&
        !(m->flags & KG_M_ABSORBED))
      return 1;
  }
  return 0;
}

static int list_joiner(const Finder *f, size_t i) {
  return kg_token_is(&f->a->text, i, "and") || kg_token_is(&f->a->text, i, ",");
}

/* Non-zero when tokens [first, end) stand in a list with a person's name:
 * "Sergei Lavrov and Mevlut Cavusoglu", "Sergei Lavrov, Mevlut Cavusoglu",
 * "Mevlut Cavusoglu and Sergei Lavrov" (not "left Porto Alegre, Mayor X
 * said": a comma before a name may end a clause). */
static int listed_with_person(const Finder *f, size_t floor, size_t first,
                              size_t end, size_t stop) {
  return (first >= floor + 2 && list_joiner(f, first - 1) &&
          person_name_at(f, first - 1, 1)) ||
         (end + 1 < stop && kg_token_is(&f->a->text, end, "and") &&
          person_name_at(f, end + 1, 0));
}

/* Non-zero when the name at i opens a list introduced by a plural person
 * word and a dash or colon: "three ministers - Hulusi Akar, ...". */
static int after_people_list_opener(const Finder *f, size_t floor, size_t i) {
  if (i < floor + 2 || !lex_has(f, "list_opener", i - 1, NULL))
    return 0;
  char key[KEY_MAX];
  size_t len = kg_text_key(&f->a->text, i - 2, i - 1, key, sizeof key);
  if (len < 2 || key[len - 1] != 's')
    return 0; /* the singular of a person word or title */
  return kg_lexicon_get(lex_of(f), "person_noun", key, len - 1) ||
         kg_lexicon_get(lex_of(f), "title", key, len - 1);
}

/* Pass 2 for one sentence. */
static int find_pattern_names(Finder *f, size_t si) {
  KgArticle *a = f->a;
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  for (size_t i = s->first_token; i < end; i++) {
    if (f->covered[i])
      continue;
    size_t n = kg_lexicon_match(lex_of(f), "title", &a->text, i, end, NULL);
    /* "in Sultan Kudarat": after "in", a title and a name are a place */
    if (n > 0 && i > s->first_token && kg_token_is(&a->text, i - 1, "in") &&
        (tok(f, i)->flags & KG_TOK_CAP)) {
      size_t run = name_run(f, i + n, end);
      if (run > 0 && !(i + n + run < end &&
                       kg_token_is(&a->text, i + n + run, "'s"))) {
        i += n + run - 1;
        continue;
      }
    }
    if (n > 0) {
      /* "spokesman Dmitry Peskov"; after a determiner also "his
       * counterpart, Sergei Lavrov" */
      size_t at = i + n;
      if (at + 1 < end && kg_token_is(&a->text, at, ",") &&
          determined(f, s->first_token, i))
        at++;
      size_t run = name_run(f, at, end);
      if (run > 0 && !unknown_owner(f, s->first_token, i) &&
          place_word(f, at + run - 1))
        run = 0; /* "Queen Victoria Market" */
      if (run > 0 && lex_has(f, "first_name", at, NULL))
        run += surname_from_place(f, at + run, end);
      if (run > 0 && person_named(f, at, at + run, si) < 0)
        return -1;
      i = (run > 0 ? at + run : i + n) - 1;
      continue;
    }
    /* "rival Kemal Kilicdaroglu", "journalist Jamal Khashoggi" */
    if (!(tok(f, i)->flags & KG_TOK_CAP) &&
        lex_has(f, "person_noun", i, NULL)) {
      size_t run = name_run(f, i + 1, end);
      if (run >= 2 && !place_word(f, i + run)) {
        if (person_named(f, i + 1, i + 1 + run, si) < 0)
          return -1;
        i += run;
        continue;
      }
    }
    n = kg_lexicon_match(lex_of(f), "city_of", &a->text, i, end, NULL);
    if (n > 0) {
      size_t run = name_run(f, i + n, end);
      if (run > 0) {
        size_t start = tok(f, i + n)->start,
               stop = tok(f, i + n + run - 1)->end;
        long entity = kg_article_entity(a, KG_CLASS_CITY, a->text.text + start,
                                        stop - start, -1);
        if (entity < 0 ||
            add_mention(f, i + n, i + n + run, si, KG_MENTION_NAME,
                        KG_CLASS_CITY, entity) < 0)
          return -1;
      }
      i += n + run - 1;
      continue;
    }
    /* "Edward Snowden": a given name and more capitalised words; "Kim Yong
     * Chol, a former intelligence chief"; "Viktor Yanukovych, who ..." */
    size_t run = name_run(f, i, end);
    if (run > 0 && place_word(f, i + run - 1))
      run = 0;
    if (run >= 2 && lex_has(f, "first_name", i, NULL)) {
      if (person_named(f, i, i + run, si) < 0)
        return -1;
    } else if (run >= 2 &&
               (listed_with_person(f, s->first_token, i, i + run, end) ||
                after_people_list_opener(f, s->first_token, i))) {
      if (new_person(f, i, i + run, si) < 0)
        return -1;
    } else if (run >= 2 && i + run + 1 < end &&
               kg_token_is(&a->text, i + run, ",") &&
               kg_token_is(&a->text, i + run + 1, "who")) {
      if (new_person(f, i, i + run, si) < 0)
        return -1;
    } else if (run >= 2 && i + run + 1 < end &&
               kg_token_is(&a->text, i + run, ",") &&
               (lex_has(f, "determiner", i + run + 1, NULL) ||
                (!(tok(f, i + run + 1)->flags & KG_TOK_CAP) &&
                 kg_lexicon_match(lex_of(f), "title", &a->text, i + run + 1,
                                  end, NULL)))) {
      /* "Kim Yong Chol, a former intelligence chief", "Ayhan Hajizada,
       * spokesman for ..." (not "left Porto Alegre, Mayor X said") */
      for (size_t k = i + run + 1; k < end && k < i + run + 8; k++) {
        if (kg_token_is(&a->text, k, ","))
          break;
        if (kg_lexicon_match(lex_of(f), "title", &a->text, k, end, NULL) ||
            lex_has(f, "person_noun", k, NULL)) {
          if (new_person(f, i, i + run, si) < 0)
            return -1;
          break;
        }
      }
    }
    if (run > 0)
      i += run - 1;
  }
  return 0;
}

/* The person of the gazetteer a one-word key (of kg_hash_bytes hash)
 * names as a surname: one of the first `people` entities of the article,
 * or when create is set, any (added to the article).  -1 when none. */
static long gazetteer_surname(Finder *f, const char *key, size_t klen,
                              unsigned long long hash, size_t people,
                              int create) {
  KgArticle *a = f->a;
  KgGazHit hits[MAX_HITS];
  size_t n = kg_gazetteer_lookup_hashed(a->kb->gazetteer, key, klen, hash, hits,
                                        MAX_HITS);
  for (size_t k = 0; k < n && k < MAX_HITS; k++) {
    if (hits[k].kind != KG_HIT_SURNAME)
      continue;
    for (size_t x = 0; x < people; x++)
      if (a->entities[x].gaz == (long)hits[k].entry)
        return (long)x;
    if (create)
      return entity_of_hit(f, &hits[k]);
  }
  return -1;
}

/* A one-word name found by pattern ("WikiLeaks founder Assange" in a
 * headline) is the person named in full elsewhere: its mentions move to
 * that person's entity.  The lone names are merged one by one, in entity
 * order (a later one may take over what an earlier one received); the
 * mentions then move in one pass, each to where its entity's chain of
 * merges ends.  Returns 0, or -1 when out of memory. */
static int merge_lone_surnames(Finder *f, size_t people) {
  KgArticle *a = f->a;
  char key[KEY_MAX];
  long *moved_to = malloc((people + 1) * sizeof *moved_to);
  if (!moved_to)
    return -1;
  int any = 0;
  for (size_t e = 0; e < people; e++) {
    moved_to[e] = (long)e;
    KgEntity *lone = &a->entities[e];
    if (lone->cls != KG_CLASS_PERSON || lone->gaz >= 0 ||
        strchr(lone->name, ' '))
      continue;
    size_t klen =
        kg_phrase_key(lone->name, strlen(lone->name), key, sizeof key);
    size_t to;
    long target = klen ? gazetteer_surname(f, key, klen,
                                           kg_hash_bytes(key, klen), people, 0)
                       : -1;
    if (target < 0 && klen && kg_strmap_get(f->aliases, key, klen, &to))
      target = (long)to;
    if (target < 0 || (size_t)target == e)
      continue;
    moved_to[e] = target;
    a->entities[target].mentions += lone->mentions;
    lone->mentions = 0;
    any = 1;
  }
  /* a merge into a later entity follows that entity's own merge; one into
   * an earlier entity stops there, as that one had merged already */
  for (size_t e = people; any && e-- > 0;)
    if (moved_to[e] > (long)e && (size_t)moved_to[e] < people)
      moved_to[e] = moved_to[moved_to[e]];
  for (size_t mi = 0; any && mi < a->mention_count; mi++) {
    long e = a->mentions[mi].entity;
    if (e >= 0 && (size_t)e < people)
      a->mentions[mi].entity = moved_to[e];
  }
  free(moved_to);
  return 0;
}

/* Pass 3: one-word surnames of people named in full in the article. */
static int find_surnames(Finder *f) {
  KgArticle *a = f->a;
  size_t people = a->entity_count;
  /* surnames of people named in full, in the order they are first named:
   * the last word of the name (and, for a name found by pattern, the full
   * name again).  A known person's counts too, so that "Rajapaksa" is the
   * president named first, not a brother found by pattern later; the
   * gazetteer's own surnames still come first (gazetteer_surname). */
  char key[KEY_MAX];
  for (size_t e = 0; e < people; e++) {
    const KgEntity *ent = &a->entities[e];
    if (ent->cls != KG_CLASS_PERSON)
      continue;
    const char *last = strrchr(ent->name, ' ');
    if (!last)
      continue;
    const char *forms[2] = {last + 1, ent->name};
    for (int k = 0; k < (ent->gaz >= 0 ? 1 : 2); k++) {
      size_t klen = kg_phrase_key(forms[k], strlen(forms[k]), key, sizeof key);
      if (klen && add_alias(f, key, klen, e, 0) != 0)
        return -1;
    }
  }
  if (merge_lone_surnames(f, people) != 0)
    return -1;
  for (size_t si = 0; si < a->text.sentence_count; si++) {
    const KgSentence *s = &a->text.sentences[si];
    if (s->flags & KG_SENT_DUPLICATE)
      continue;
    for (size_t i = s->first_token; i < s->first_token + s->token_count; i++) {
      if (f->covered[i] || !(tok(f, i)->flags & KG_TOK_CAP))
        continue;
      size_t stop = s->first_token + s->token_count, e, len = 1, klen;
      const char *own = kg_token_key(&a->text, i, &klen);
      unsigned long long hash = kg_token_hash(&a->text, i);
      if (klen >= sizeof key)
        continue;
      /* a known person named in full, before a name found by pattern:
       * "Biden" is Joe Biden when he is named, even beside Hunter Biden */
      long entity = gazetteer_surname(f, own, klen, hash, people, 0);
      /* the keys of the next two to four tokens, when an alias of more
       * than one token may start with this one (key holds the longest) */
      size_t lens[4], built = 0;
      unsigned long long hashes[4];
      if (entity < 0 && kg_stems_longer(f->alias_stems, hash))
        built = kg_text_keys(&a->text, i, 0, stop - i < 4 ? stop - i : 4, key,
                             sizeof key, lens, hashes);
      for (size_t n = built; n > 1 && entity < 0; n--)
        if (!memchr(f->covered + i, 1, n) &&
            kg_strmap_get_hashed(f->aliases, key, lens[n - 1], hashes[n - 1],
                                 &e))
          entity = (long)e, len = n;
      if (entity < 0 && kg_strmap_get_hashed(f->aliases, own, klen, hash, &e))
        entity = (long)e;
      /* a distinctive surname of a known person, named alone */
      if (entity < 0 && klen >= 5)
        entity = gazetteer_surname(f, own, klen, hash, people, 1);
      i += len - 1;
      if (entity >= 0 && add_mention(f, i + 1 - len, i + 1, si, KG_MENTION_NAME,
                                     a->entities[entity].cls, entity) < 0)
        return -1;
    }
  }
  return 0;
}

/* Non-zero when a phrase of category, a head of class head, starts at i
 * (setting *cls and *len).  Inline, so that the lexicon's filter reads a
 * literal category name. */
static inline int head_in(const Finder *f, const char *category, KgClass head,
                          size_t i, size_t end, KgClass *cls, size_t *len) {
  size_t n = kg_lexicon_match(lex_of(f), category, &f->a->text, i, end, NULL);
  if (n > 0)
    *cls = head, *len = n;
  return n > 0;
}

/* Class a description head names, from its lexicon category. */
static int description_head(const Finder *f, size_t i, size_t end, KgClass *cls,
                            size_t *len) {
  return head_in(f, "country_noun", KG_CLASS_COUNTRY, i, end, cls, len) ||
         head_in(f, "org_noun", KG_CLASS_ORGANIZATION, i, end, cls, len) ||
         head_in(f, "city_noun", KG_CLASS_CITY, i, end, cls, len) ||
         head_in(f, "person_noun", KG_CLASS_PERSON, i, end, cls, len) ||
         head_in(f, "title", KG_CLASS_PERSON, i, end, cls, len);
}

/* Non-zero when tokens at i read "N-year-old" (setting *len to 5). */
static int age_at(const Finder *f, size_t i, size_t end, size_t *len) {
  const KgText *t = &f->a->text;
  if (i + 4 >= end || !kg_token_is(t, i + 1, "-") ||
      !kg_token_is(t, i + 2, "year") || !kg_token_is(t, i + 3, "-") ||
      !kg_token_is(t, i + 4, "old"))
    return 0;
  unsigned char c = (unsigned char)t->text[tok(f, i)->start];
  if (c < '0' || c > '9')
    return 0;
  *len = 5;
  return 1;
}

/* A description starting at the determiner at i: "the [modifiers] head
 * [bordering X]".  Returns its end, or 0 when there is none. */
static size_t description_at(Finder *f, size_t i, size_t end, KgClass *cls,
                             unsigned *flags) {
  *flags = 0;
  for (size_t k = i + 1; k < end && k <= i + 5; k++) {
    size_t len;
    if (age_at(f, k, end, &len)) {
      /* "the 44-year-old", "the 84-year-old economist" */
      size_t more;
      KgClass c2;
      *cls = KG_CLASS_PERSON;
      if (k + len < end && description_head(f, k + len, end, &c2, &more) &&
          c2 == KG_CLASS_PERSON)
        len += more;
      size_t stop = k + len;
      if (stop < end && (f->covered[stop] || name_run(f, stop, end) > 0))
        return 0;
      return stop;
    }
    if (description_head(f, k, end, cls, &len)) {
      /* a head inside a name is the name's: "the Pacific Alliance" */
      if (f->covered[k + len - 1])
        return 0;
      size_t stop = k + len;
      /* longest head: "the Kremlin chief", not "the Kremlin" */
      size_t more;
      KgClass c2;
      while (stop < end && description_head(f, stop, end, &c2, &more) &&
             c2 == *cls)
        stop += more;
      /* followed by a name, it is a title, not a description; so it is
       * before ", Name" ("the Malian capital, Bamako") */
      if (stop < end && (f->covered[stop] || name_run(f, stop, end) > 0) &&
          !kg_token_is(&f->a->text, stop, "'s"))
        return 0;
      if (stop + 1 < end && kg_token_is(&f->a->text, stop, ",") &&
          f->covered[stop + 1])
        return 0;
      /* "the town of Chimore", "the head of the bloc": not anaphoric */
      if (stop < end && kg_token_is(&f->a->text, stop, "of"))
        return 0;
      if (stop < end && lex_has(f, "bordering", stop, NULL) && stop + 1 < end &&
          f->covered[stop + 1]) {
        stop += 2;
        while (stop < end && f->covered[stop] &&
               !kg_token_is(&f->a->text, stop, ","))
          stop++;
      }
      return stop;
    }
    const KgToken *t = tok(f, k);
    if (lex_has(f, "plural", k, NULL))
      *flags |= KG_M_PLURAL;
    if (!(t->flags & KG_TOK_WORD) && !kg_token_is(&f->a->text, k, "-"))
      return 0;
    if (lex_has(f, "stopword", k, NULL))
      return 0;
  }
  return 0;
}

/* Pass 4 for one sentence. */
static int find_pronouns_and_descriptions(Finder *f, size_t si) {
  KgArticle *a = f->a;
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  for (size_t i = s->first_token; i < end; i++) {
    if (f->covered[i])
      continue;
    const char *value;
    if (lex_has(f, "pronoun", i, &value)) {
      /* value: gender (m, f, n) then a case word: subj, obj, poss, refl */
      KgMention m = {i,
                     i + 1,
                     si,
                     KG_MENTION_PRONOUN,
                     value[0] == 'n' ? KG_CLASS_ORGANIZATION : KG_CLASS_PERSON,
                     -1,
                     0,
                     -1,
                     NULL,
                     value[0] == 'n' ? 0 : value[0]};
      if (strstr(value, "poss"))
        m.flags |= KG_M_POSSESSIVE;
      if (strstr(value, "obj"))
        m.flags |= KG_M_OBJECT;
      if (strstr(value, "refl"))
        m.flags |= KG_M_REFLEXIVE;
      if (strstr(value, "plural"))
        m.flags |= KG_M_PLURAL;
      if (new_mention(f, &m) < 0)
        return -1;
      f->covered[i] = 1;
      continue;
    }
    if (!lex_has(f, "determiner", i, &value) || strcmp(value, "definite") != 0)
      continue;
    /* "Pyongyang, the North Korean capital": an appositive, not an anaphor */
    if (i >= s->first_token + 2 && kg_token_is(&a->text, i - 1, ",") &&
        f->covered[i - 2])
      continue;
    KgClass cls;
    unsigned flags;
    size_t stop = description_at(f, i, end, &cls, &flags);
    if (stop == 0)
      continue;
    KgMention m = {i,  stop, si, KG_MENTION_DESCRIPTION, cls, -1, flags,
                   -1, NULL, 0};
    /* mentions inside ("the Baltic EU state bordering Belarus") become
     * part of it */
    for (size_t t = i; t < stop; t++)
      for (long k = f->starting[t]; k >= 0; k = next_at(f, k, 0))
        if (a->mentions[k].end <= stop)
          a->mentions[k].flags |= KG_M_ABSORBED;
    if (new_mention(f, &m) < 0)
      return -1;
    memset(f->covered + i, 1, stop - i);
    i = stop - 1;
  }
  return 0;
}

/* End of the mention ending right before token i (not absorbed), or -1. */
static long mention_ending_at(const KgArticle *a, size_t i, long from) {
  for (long k = from; k >= 0; k--) {
    const KgMention *m = &a->mentions[k];
    if (m->end == i && !(m->flags & KG_M_ABSORBED))
      return k;
    if (m->end + 12 < i)
      break;
  }
  return -1;
}

/* Skips title modifiers ("former", "acting") ending at i; returns the new
 * start and sets *former when one means the title states no office of a
 * state: a past one ("former"), or a party's ("Republican leader"). */
static size_t skip_modifiers(const Finder *f, size_t i, size_t floor,
                             int *former) {
  const char *value;
  for (;;) {
    /* hyphens join modifiers, owners and titles: "Ex-Prime Minister",
     * "then-U.S.-president" */
    if (i > floor + 1 && kg_token_is(&f->a->text, i - 1, "-") &&
        (tok(f, i)->flags & KG_TOK_GLUED)) {
      i--;
      continue;
    }
    if (i <= floor || !lex_has(f, "title_mod", i - 1, &value))
      return i;
    if (strcmp(value, "former") == 0 || strcmp(value, "party") == 0)
      *former = 1;
    i--;
  }
}

/* Start of the longest title phrase ending at token k (not before floor),
 * with its role in *role; SIZE_MAX when none ends there. */
static size_t title_ending_at(const Finder *f, size_t floor, size_t k,
                              const char **role) {
  for (size_t n = 4; n > 0; n--)
    if (k >= floor + n &&
        kg_lexicon_match(lex_of(f), "title", &f->a->text, k - n, k, role) == n)
      return k - n;
  return SIZE_MAX;
}

/* Non-zero for the roles of ranks and honorifics, which an outer title
 * outranks: "government spokesman Colonel X", "supreme leader, Ayatollah X" */
static int weak_role(const char *role) {
  return !role || strcmp(role, "official") == 0 || strcmp(role, "person") == 0;
}

/* Pass 5: merges title constructions into the person mention they name:
 * [modifiers] [owner ['s] | unknown name] [modifiers] title [, title] [,]
 * name.  The owner is a country, organisation or possessive ("French
 * President", "Singapore's Prime Minister", "its foreign policy chief"). */
static void merge_titles(Finder *f) {
  KgArticle *a = f->a;
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    KgMention *m = &a->mentions[mi];
    if (m->kind != KG_MENTION_NAME || m->cls != KG_CLASS_PERSON ||
        (m->flags & KG_M_ABSORBED))
      continue;
    size_t floor = a->text.sentences[m->sentence].first_token;
    const char *role = NULL, *value;
    /* a title that is part of a known name: "King Salman", "Pope Francis" */
    size_t own = kg_lexicon_match(lex_of(f), "title", &a->text, m->first,
                                  m->end, &value);
    if (own > 0 && own < m->end - m->first)
      role = value;
    size_t k = m->first, title_start = SIZE_MAX;
    int comma = 0, former = 0;
    if (k > floor + 1 && kg_token_is(&a->text, k - 1, ",")) {
      comma = 1;
      k--;
    }
    for (;;) {
      size_t t = title_ending_at(f, floor, k, &value);
      if (t == SIZE_MAX && title_start != SIZE_MAX && !comma && k > floor + 1 &&
          kg_token_is(&a->text, k - 1, ",") &&
          (t = title_ending_at(f, floor, k - 1, &value)) != SIZE_MAX)
        comma = 1; /* "supreme leader, Ayatollah Ali Khamenei" */
      if (t == SIZE_MAX)
        break;
      if (weak_role(role))
        role = value;
      title_start = k = t;
    }
    if (title_start == SIZE_MAX) {
      if (comma)
        continue;
      title_start = m->first;
    }
    size_t start = skip_modifiers(f, title_start, floor, &former);
    /* "central bank president Ovidio Reyes" heads a bank, not a state: no
     * relation, as for a former office */
    if (start > floor && !(tok(f, start - 1)->flags & KG_TOK_CAP) &&
        lex_has(f, "org_kind", start - 1, NULL))
      former = 1;
    long owner = -1;
    /* "WikiLeaks founder", "India's National Security Adviser": an owner
     * no stage knows heads nothing we can name, but belongs to the name */
    if (start < m->first && unknown_owner(f, floor, start)) {
      while (start > floor && unknown_owner(f, floor, start))
        start--;
      if (!weak_role(role))
        role = NULL;
    }
    /* the owner's "'s" may not open the sentence: its owner would be the
     * last word of the sentence before (fuzz_extract found it) */
    if (start > floor + 1 && kg_token_is(&a->text, start - 1, "'s")) {
      owner = mention_ending_at(a, start - 1, (long)mi - 1);
    } else if (start < m->first && start > floor) {
      owner = mention_ending_at(a, start, (long)mi - 1);
      if (owner >= 0 && a->mentions[owner].kind == KG_MENTION_PRONOUN
              ? a->mentions[owner].cls == KG_CLASS_PERSON ||
                    !(a->mentions[owner].flags & KG_M_POSSESSIVE)
              : owner >= 0 &&
                    (a->mentions[owner].cls == KG_CLASS_PERSON ||
                     a->mentions[owner].kind == KG_MENTION_DESCRIPTION))
        owner = -1;
    }
    if (owner >= 0) {
      a->mentions[owner].flags |= KG_M_ABSORBED;
      start = skip_modifiers(f, a->mentions[owner].first, floor, &former);
    }
    /* "President Ilham Aliyev of Azerbaijan": the owner after the name */
    size_t stop = a->text.sentences[m->sentence].first_token +
                  a->text.sentences[m->sentence].token_count;
    if (owner < 0 && role && !comma && m->end + 1 < stop &&
        kg_token_is(&a->text, m->end, "of")) {
      long after = kg_article_mention_at(a, m->end + 1);
      if (after >= 0 && a->mentions[after].first == m->end + 1 &&
          (a->mentions[after].cls == KG_CLASS_COUNTRY ||
           a->mentions[after].cls == KG_CLASS_ORGANIZATION)) {
        owner = after;
        a->mentions[after].flags |= KG_M_ABSORBED;
        m->end = a->mentions[after].end;
      }
    }
    /* "the military-appointed foreign minister, Wunna Maung Lwin": the
     * determiner may stand a few adjectives before the title */
    if (comma && owner < 0) {
      size_t d = start;
      while (d > floor && d + 4 > start &&
             !lex_has(f, "determiner", d - 1, NULL) &&
             ((tok(f, d - 1)->flags & KG_TOK_WORD) ||
              kg_token_is(&a->text, d - 1, "-")) &&
             !(tok(f, d - 1)->flags & KG_TOK_CAP) && !f->covered[d - 1])
        d--;
      if (!(d > floor && lex_has(f, "determiner", d - 1, NULL)))
        continue;
      start = d;
    }
    if (start == m->first && owner < 0 && !role)
      continue;
    /* "his Russian counterpart, Sergei Lavrov": the determiner joins */
    if (start < m->first && start > floor &&
        lex_has(f, "determiner", start - 1, NULL)) {
      start--;
      long det = kg_article_mention_at(a, start);
      if (det >= 0 && (size_t)det != mi)
        a->mentions[det].flags |= KG_M_ABSORBED;
    }
    m->first = start;
    m->owner = owner;
    m->role = role;
    if (former)
      m->flags |= KG_M_FORMER;
  }
}

/* Pass 6: flags that depend on the neighbouring tokens. */
static void set_flags(Finder *f) {
  KgArticle *a = f->a;
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    KgMention *m = &a->mentions[mi];
    size_t floor = a->text.sentences[m->sentence].first_token;
    if (m->end < a->text.token_count && kg_token_is(&a->text, m->end, "'s"))
      m->flags |= KG_M_POSSESSIVE;
    if (m->first > floor && lex_has(f, "locative", m->first - 1, NULL))
      m->flags |= KG_M_LOCATIVE;
    if (tok(f, m->first)->flags & KG_TOK_QUOTED)
      m->flags |= KG_M_QUOTED;
  }
}

/* Pass 6: nationalities from titles and the gazetteer; the focus and
 * dateline countries. */
static void set_statistics(Finder *f) {
  KgArticle *a = f->a;
  const KgGazetteer *gz = a->kb->gazetteer;
  for (size_t e = 0; e < a->entity_count; e++) {
    long gaz = a->entities[e].gaz;
    const char *country =
        gaz >= 0 ? kg_gazetteer_entry(gz, (size_t)gaz)->attrs[KG_ATTR_COUNTRY]
                 : NULL;
    if (country && !strchr(country, '|')) {
      long c = kg_gazetteer_find(gz, KG_CLASS_COUNTRY, country);
      /* the table may grow: no pointer into it across the call */
      long found = c >= 0 ? kg_article_entity(a, KG_CLASS_COUNTRY, country,
                                              strlen(country), c)
                          : -1;
      if (found >= 0)
        a->entities[e].country = found;
    }
  }
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    const KgMention *m = &a->mentions[mi];
    if (m->owner < 0 || m->entity < 0)
      continue;
    const KgMention *o = &a->mentions[m->owner];
    if (o->cls == KG_CLASS_COUNTRY && o->entity >= 0)
      a->entities[m->entity].country = o->entity;
  }
  size_t best = 0;
  a->focus_country = -1;
  a->dateline_country = -1;
  for (size_t mi = 0; mi < a->mention_count && a->dateline_country < 0; mi++) {
    const KgMention *m = &a->mentions[mi];
    if (m->entity >= 0 && (tok(f, m->first)->flags & KG_TOK_DATELINE))
      a->dateline_country = a->entities[m->entity].cls == KG_CLASS_COUNTRY
                                ? m->entity
                                : a->entities[m->entity].country;
  }
  size_t *counts = calloc(a->entity_count + 1, sizeof *counts);
  if (!counts)
    return;
  size_t n = a->entity_count;
  for (size_t mi = 0; mi < a->mention_count; mi++) {
    long e = a->mentions[mi].entity;
    if (e < 0)
      continue;
    if (a->entities[e].cls == KG_CLASS_CITY)
      e = kg_article_capital_country(a, e);
    if (e >= 0 && (size_t)e < n && a->entities[e].cls == KG_CLASS_COUNTRY &&
        ++counts[e] > best) {
      best = counts[e];
      a->focus_country = e;
    }
  }
  free(counts);
}

/* Keeps the first max_sentence_mentions mentions of each sentence and the
 * first max_article_mentions of the article, and drops the rest: the
 * stages after this one compare the mentions of a sentence with each
 * other, and the graph grows with the mentions, so that time stays linear
 * in the text however many names a sentence strings together, and an
 * article's graph and memory are bounded whatever it names.  Owners that
 * are dropped become -1.  Mentions are sorted; returns 0, or -1 when out
 * of memory. */
static int cap_mentions(KgArticle *a) {
  size_t cap = a->max_sentence_mentions, n = a->mention_count;
  size_t article_cap = a->max_article_mentions;
  if (cap == 0 && article_cap == 0)
    return 0;
  long *kept_as = NULL;
  size_t kept = 0, in_sentence = 0;
  for (size_t mi = 0; mi < n; mi++) {
    KgMention *m = &a->mentions[mi];
    in_sentence =
        mi > 0 && a->mentions[mi - 1].sentence == m->sentence ? in_sentence + 1
                                                               : 1;
    int article_full = article_cap != 0 && kept >= article_cap;
    if (!article_full && (cap == 0 || in_sentence <= cap)) {
      if (kept_as)
        kept_as[mi] = (long)kept;
      a->mentions[kept++] = *m;
      continue;
    }
    if (!kept_as) { /* the first mention over a cap */
      if (!(kept_as = malloc(n * sizeof *kept_as)))
        return -1;
      for (size_t k = 0; k < mi; k++)
        kept_as[k] = (long)k;
    }
    if (article_full) {
      if (a->mentions_left_out++ == 0)
        a->first_left_out = m->sentence;
    } else if (in_sentence == cap + 1 && a->capped_sentences++ == 0) {
      a->first_capped = m->sentence;
    }
    kept_as[mi] = -1;
    if (m->entity >= 0)
      a->entities[m->entity].mentions--;
  }
  for (size_t mi = 0; kept_as && mi < kept; mi++)
    if (a->mentions[mi].owner >= 0)
      a->mentions[mi].owner = kept_as[a->mentions[mi].owner];
  a->mention_count = kept;
  free(kept_as);
  return 0;
}

KgStatus kg_find_mentions(KgArticle *a) {
  size_t tokens = a->text.token_count + 1;
  Finder f = {a,
              calloc(tokens, 1),
              kg_strmap_new(),
              kg_stems_new(),
              malloc(tokens * sizeof(long)),
              malloc(tokens * sizeof(long)),
              NULL,
              0};
  KgStatus status = KG_ERR_NOMEM;
  if (!f.covered || !f.aliases || !f.alias_stems || !f.starting || !f.ending)
    goto done;
  for (size_t t = 0; t < tokens; t++)
    f.starting[t] = f.ending[t] = -1;
  for (size_t si = 0; si < a->text.sentence_count; si++)
    if (!(a->text.sentences[si].flags & KG_SENT_DUPLICATE) &&
        find_gazetteer_names(&f, si) != 0)
      goto done;
  for (size_t si = 0; si < a->text.sentence_count; si++)
    if (!(a->text.sentences[si].flags & KG_SENT_DUPLICATE) &&
        (find_organisations(&f, si) != 0 || find_pattern_names(&f, si) != 0))
      goto done;
  if (find_surnames(&f) != 0)
    goto done;
  for (size_t si = 0; si < a->text.sentence_count; si++)
    if (!(a->text.sentences[si].flags & KG_SENT_DUPLICATE) &&
        find_pronouns_and_descriptions(&f, si) != 0)
      goto done;
  kg_article_sort_mentions(a);
  merge_titles(&f);
  kg_article_sort_mentions(a); /* merged titles start earlier now */
  if (cap_mentions(a) != 0)
    goto done;
  set_flags(&f);
  set_statistics(&f);
  status = KG_OK;
done:
  free(f.covered);
  kg_strmap_free(f.aliases);
  kg_stems_free(f.alias_stems);
  free(f.starting);
  free(f.ending);
  free(f.links);
  return status;
}
