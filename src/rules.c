/* rules.c - compiling and matching relation patterns; see rules.h.
 *
 * A rule is compiled once into an array of elements; matching is a
 * backtracking walk over a sentence's units that reports every way the
 * whole pattern fits.  Gaps are bounded, so the work per sentence is at
 * most units x rules x (gap + 1)^gaps, small for real sentences.  Two
 * things keep it cheap: each unit's lookup key is computed once per
 * sentence, and a rule is only walked when the sentence holds a word of
 * each of its mandatory word elements and of its @ requirements, which
 * most sentences do not.  To tell that without trying every rule's words
 * on every word of the sentence, the rule set numbers the distinct word
 * alternatives of all its patterns (its vocabulary); each word of a
 * sentence is looked up there once, and a rule's test is whether the
 * sentence holds one of each element's numbers.
 */
#include "rules.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "strmap.h"
#include "tsv.h"

#define KEY_MAX 256
#define DEFAULT_GAP 10
#define MAX_ELEMENTS 32

typedef enum { EL_SLOT, EL_WORD, EL_LEX, EL_GAP } ElementKind;

/* A word alternative of a pattern: "met", or a prefix, "sanction*". */
typedef struct {
  char *key;   ///< owned normalised word; a prefix without its '*'
  size_t len;  ///< length of key
  int prefix;  ///< matches every word starting with key
  size_t word; ///< its number in the rule set's vocabulary
} Alt;

typedef struct {
  ElementKind kind;
  char slot;        ///< 'S', 'O' or 'G' for EL_SLOT
  unsigned classes; ///< class mask for EL_SLOT
  int optional;     ///< EL_WORD: may be absent
  int possessive;   ///< EL_WORD: "'s" is one of its alternatives
  int comma;        ///< EL_WORD: "," is one of its alternatives
  Alt *alts;        ///< EL_WORD: its alternatives ("met|sanction*")
  size_t alt_count;
  char *category; ///< EL_LEX: lexicon category
  char *value;    ///< EL_LEX: required value
  size_t gap;     ///< EL_GAP: most units skipped
} Element;

typedef struct {
  KgRelation relation;
  char *name; ///< rule name, written as newskg:rule on the evidence
  Element *elements;
  size_t element_count;
  Alt *required;   ///< @words: one must occur in the sentence
  size_t required_count;
  double strength; ///< how often its matches are right, (0, 1]
  int respectively; ///< `&`: S and O members are paired in order
  unsigned needed;  ///< a bit per word element that must match (needs_word)
  size_t slots;     ///< its slot elements: each takes a unit with a mention
} Rule;

/* A needed word element of a rule, in the list of a word it accepts
 * (linked through next). */
typedef struct {
  size_t rule;     ///< index of the rule
  unsigned needed; ///< the element's bit in the rule's `needed`
  size_t next;     ///< the link before it in its list, or SIZE_MAX
} RuleLink;

struct KgRuleSetImpl {
  Rule *rules;
  size_t count, cap;
  /* A rule can only match a sentence that holds a word of each of its
   * needed word elements (needs_word): kg_rules_match notes, from the lists
   * of the sentence's words, which elements of which rules it holds words
   * for, and tries only the rules that have all theirs. */
  size_t *rules_of_word; ///< per vocabulary word: its last link, or SIZE_MAX
  size_t rules_of_word_cap;
  RuleLink *links;
  size_t link_count, link_cap;
  KgStrMap *words;    ///< vocabulary: exact alternative -> its number
  Alt *prefix_words;  ///< vocabulary: the distinct prefix alternatives
  size_t prefix_count, prefix_cap;
  size_t *same_initial; ///< per prefix word: the one before it with the same
                        ///< first byte, or SIZE_MAX
  size_t same_initial_cap;
  size_t by_initial[257]; ///< per first byte: its last prefix word, or
                          ///< SIZE_MAX; [256]: that of the empty prefixes
  size_t word_count;  ///< numbers given, exact and prefix alternatives
  size_t fewest_slots; ///< the fewest slots of a rule; SIZE_MAX: no rule
  KgDepRules *dep;     ///< the rules over dependency trees ("dep:")
};

/* A pattern over the dependency tree starts with this (deprules.h). */
#define DEP_PREFIX "dep: "

const KgDepRules *kg_rules_dep(const KgRuleSet *rules) { return rules->dep; }

KgRuleSet *kg_rules_new(void) {
  KgRuleSet *rules = calloc(1, sizeof(KgRuleSet));
  if (rules && (!(rules->words = kg_strmap_new()) ||
                !(rules->dep = kg_dep_rules_new()))) {
    kg_strmap_free(rules->words);
    free(rules);
    return NULL;
  }
  for (size_t b = 0; rules && b < 257; b++)
    rules->by_initial[b] = SIZE_MAX;
  if (rules)
    rules->fewest_slots = SIZE_MAX;
  return rules;
}

/* The by_initial chain a prefix belongs to: its first byte's, or the
 * empty prefix's. */
static size_t initial_of(const char *key, size_t len) {
  return len ? (unsigned char)key[0] : 256;
}

static void free_alts(Alt *alts, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(alts[i].key);
  free(alts);
}

static void free_rule(Rule *r) {
  for (size_t i = 0; i < r->element_count; i++) {
    free_alts(r->elements[i].alts, r->elements[i].alt_count);
    free(r->elements[i].category);
    free(r->elements[i].value);
  }
  free(r->elements);
  free_alts(r->required, r->required_count);
  free(r->name);
}

void kg_rules_free(KgRuleSet *rules) {
  if (!rules)
    return;
  for (size_t i = 0; i < rules->count; i++)
    free_rule(&rules->rules[i]);
  free(rules->rules);
  kg_strmap_free(rules->words);
  kg_dep_rules_free(rules->dep);
  for (size_t i = 0; i < rules->prefix_count; i++)
    free(rules->prefix_words[i].key);
  free(rules->prefix_words);
  free(rules->same_initial);
  free(rules->rules_of_word);
  free(rules->links);
  free(rules);
}

/* Gives alt its number in the vocabulary, a new one when the rule set has
 * not seen it.  0, or -1 when out of memory. */
static int number_word(KgRuleSet *rules, Alt *alt) {
  if (!alt->prefix) {
    if (kg_strmap_get(rules->words, alt->key, alt->len, &alt->word))
      return 0;
    alt->word = rules->word_count;
    if (kg_strmap_put(rules->words, alt->key, alt->len, alt->word) != 0)
      return -1;
    rules->word_count++;
    return 0;
  }
  for (size_t i = 0; i < rules->prefix_count; i++) {
    const Alt *known = &rules->prefix_words[i];
    if (known->len == alt->len && memcmp(known->key, alt->key, alt->len) == 0) {
      alt->word = known->word;
      return 0;
    }
  }
  if (kg_grow((void **)&rules->prefix_words, rules->prefix_count,
              &rules->prefix_cap, sizeof *rules->prefix_words) != 0 ||
      kg_grow((void **)&rules->same_initial, rules->prefix_count,
              &rules->same_initial_cap, sizeof *rules->same_initial) != 0)
    return -1;
  Alt *copy = &rules->prefix_words[rules->prefix_count];
  *copy = *alt;
  copy->word = alt->word = rules->word_count;
  if (!(copy->key = strndup(alt->key, alt->len)))
    return -1;
  size_t initial = initial_of(alt->key, alt->len);
  rules->same_initial[rules->prefix_count] = rules->by_initial[initial];
  rules->by_initial[initial] = rules->prefix_count++;
  rules->word_count++;
  return 0;
}

/* parse_alternatives without its clean-up: on failure *out holds the
 * *count alternatives parsed so far. */
static int split_alternatives(KgRuleSet *rules, const char *text, Alt **out,
                              size_t *count) {
  *out = NULL;
  *count = 0;
  const char *p = text;
  while (*p) {
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    char key[KEY_MAX];
    int prefix = len > 1 && p[len - 1] == '*';
    size_t klen = kg_phrase_key(p, prefix ? len - 1 : len, key, sizeof key - 1);
    if (klen == 0)
      return -1;
    if (!prefix && key[klen - 1] == '*') {
      prefix = 1;
      klen--;
    }
    Alt *alts = realloc(*out, (*count + 1) * sizeof *alts);
    if (!alts)
      return -1;
    *out = alts;
    Alt *alt = &alts[*count];
    *alt = (Alt){strndup(key, klen), klen, prefix, 0};
    if (!alt->key)
      return -1;
    (*count)++;
    if (number_word(rules, alt) != 0)
      return -1;
    p = bar ? bar + 1 : p + len;
  }
  return 0;
}

/* Splits "a|b*|c" into normalised alternatives, numbered in the rule set's
 * vocabulary.  A written alternative ending in '*' (not "*" alone) is a
 * prefix; so is one whose key ends in '*' ("*" alone included), as
 * patterns have always read them.  Returns 0, or -1 with *out NULL and
 * *count 0 (what was parsed before the failure is freed). */
static int parse_alternatives(KgRuleSet *rules, const char *text, Alt **out,
                              size_t *count) {
  if (split_alternatives(rules, text, out, count) == 0 && *count)
    return 0;
  free_alts(*out, *count);
  *out = NULL;
  *count = 0;
  return -1;
}

/* Non-zero when word is one of the (not prefix) alternatives of el. */
static int has_alternative(const Element *el, const char *word) {
  size_t len = strlen(word);
  for (size_t i = 0; i < el->alt_count; i++) {
    const Alt *alt = &el->alts[i];
    if (!alt->prefix && alt->len == len && memcmp(alt->key, word, len) == 0)
      return 1;
  }
  return 0;
}

static const char *parse_element(KgRuleSet *rules, const char *word,
                                 Element *el, Rule *r) {
  memset(el, 0, sizeof *el);
  if ((word[0] == 'S' || word[0] == 'O' || word[0] == 'G') &&
      (word[1] == '\0' || word[1] == ':')) {
    el->kind = EL_SLOT;
    el->slot = word[0];
    el->classes = (1u << KG_CLASS_COUNT) - 1;
    if (word[1] == ':' && kg_class_mask_parse(word + 2, &el->classes) != 0)
      return "unknown class in slot (Person, Country, Organization, City, "
             "Agent, Place)";
    return NULL;
  }
  if (strncmp(word, "...", 3) == 0) {
    el->kind = EL_GAP;
    el->gap = DEFAULT_GAP;
    if (word[3]) {
      char *end;
      long n = strtol(word + 3, &end, 10);
      if (*end || n < 1 || n > 40)
        return "a gap is ... or ...N with N from 1 to 40";
      el->gap = (size_t)n;
    }
    return NULL;
  }
  if (word[0] == '%') {
    const char *eq = strchr(word, '=');
    if (!eq || eq == word + 1 || !eq[1])
      return "a lexicon element is %category=value";
    el->kind = EL_LEX;
    el->category = strndup(word + 1, (size_t)(eq - word - 1));
    el->value = strdup(eq + 1);
    if (el->category && el->value)
      return NULL;
    free(el->category);
    free(el->value);
    return "out of memory";
  }
  if (word[0] == '@') {
    Alt *alts;
    size_t n;
    if (parse_alternatives(rules, word + 1, &alts, &n) != 0)
      return "bad @ requirement";
    Alt *req = realloc(r->required, (r->required_count + n) * sizeof *req);
    if (!req) {
      free_alts(alts, n);
      return "out of memory";
    }
    r->required = req;
    memcpy(req + r->required_count, alts, n * sizeof *alts);
    r->required_count += n;
    free(alts);
    el->kind = EL_GAP; /* placeholder, dropped by the caller */
    el->gap = (size_t)-1;
    return NULL;
  }
  el->kind = EL_WORD;
  if (word[0] == '?') {
    el->optional = 1;
    word++;
  }
  if (parse_alternatives(rules, word, &el->alts, &el->alt_count) != 0)
    return "bad word alternatives";
  el->possessive = has_alternative(el, "'s");
  el->comma = has_alternative(el, ",");
  return NULL;
}

/* Non-zero when element e accepts "'s". */
static int takes_possessive(const Rule *r, size_t e) {
  return e < r->element_count && r->elements[e].possessive;
}

/* Non-zero when element e accepts ",". */
static int takes_comma(const Rule *r, size_t e) {
  return e < r->element_count && r->elements[e].comma;
}

/* Non-zero when word element e must match a unit: it is not optional, and
 * not "'s", which a possessive pronoun stands in for ("his rival"). */
static int needs_word(const Rule *r, size_t e) {
  return r->elements[e].kind == EL_WORD && !r->elements[e].optional &&
         !takes_possessive(r, e);
}

/* Puts element bit `needed` of rule ri at the head of the list whose last
 * link is *head. */
static int link_rule(KgRuleSet *rules, size_t *head, size_t ri,
                     unsigned needed) {
  if (kg_grow((void **)&rules->links, rules->link_count, &rules->link_cap,
              sizeof *rules->links) != 0)
    return -1;
  rules->links[rules->link_count] = (RuleLink){ri, needed, *head};
  *head = rules->link_count++;
  return 0;
}

/* Sets r->needed, and lists each needed word element of rule r, which will
 * be rule ri, under each of its words.  0, or -1 when out of memory. */
static int index_rule(KgRuleSet *rules, Rule *r, size_t ri) {
  while (rules->rules_of_word_cap < rules->word_count) {
    size_t old = rules->rules_of_word_cap;
    if (kg_grow((void **)&rules->rules_of_word, old, &rules->rules_of_word_cap,
                sizeof *rules->rules_of_word) != 0)
      return -1;
    for (size_t w = old; w < rules->rules_of_word_cap; w++)
      rules->rules_of_word[w] = SIZE_MAX;
  }
  r->needed = 0;
  for (size_t e = 0; e < r->element_count; e++) {
    if (!needs_word(r, e))
      continue;
    r->needed |= 1u << e;
    for (size_t i = 0; i < r->elements[e].alt_count; i++)
      if (link_rule(rules, &rules->rules_of_word[r->elements[e].alts[i].word],
                    ri, 1u << e) != 0)
        return -1;
  }
  return 0;
}

int kg_rules_add(KgRuleSet *rules, const char *relation, const char *name,
                 const char *pattern, double strength, const char **message) {
  Rule r;
  memset(&r, 0, sizeof r);
  r.strength = strength;
  if (kg_relation_parse(relation, strlen(relation), &r.relation) != 0) {
    *message = "unknown relation (see ontology/newskg.ttl)";
    return -1;
  }
  if (strncmp(pattern, DEP_PREFIX, strlen(DEP_PREFIX)) == 0)
    return kg_dep_rules_add(rules->dep, r.relation, name,
                            pattern + strlen(DEP_PREFIX), strength, message);
  char *copy = strdup(pattern);
  r.name = strdup(name);
  r.elements = calloc(MAX_ELEMENTS, sizeof *r.elements);
  if (!copy || !r.name || !r.elements) {
    free(copy);
    free_rule(&r);
    *message = "out of memory";
    return -1;
  }
  int slots = 0;
  *message = NULL;
  for (char *save = NULL, *w = strtok_r(copy, " ", &save); w && !*message;
       w = strtok_r(NULL, " ", &save)) {
    if (r.element_count == MAX_ELEMENTS) {
      *message = "pattern too long";
      break;
    }
    if (strcmp(w, "&") == 0) {
      r.respectively = 1;
      continue;
    }
    Element *el = &r.elements[r.element_count];
    *message = parse_element(rules, w, el, &r);
    if (*message)
      break;
    if (el->kind == EL_GAP && el->gap == (size_t)-1)
      continue;
    if (el->kind == EL_SLOT) {
      slots |= el->slot == 'S' ? 1 : el->slot == 'O' ? 2 : 4;
      r.slots++;
    }
    r.element_count++;
  }
  free(copy);
  if (!*message && !(slots & 5))
    *message = "a pattern needs S or G";
  if (!*message && (slots & 4) && (slots & 3))
    *message = "G excludes S and O";
  if (!*message && (kg_grow((void **)&rules->rules, rules->count, &rules->cap,
                            sizeof *rules->rules) != 0 ||
                    index_rule(rules, &r, rules->count) != 0))
    *message = "out of memory";
  if (*message) {
    free_rule(&r);
    return -1;
  }
  if (r.slots < rules->fewest_slots)
    rules->fewest_slots = r.slots;
  rules->rules[rules->count++] = r;
  return 0;
}

/* Parses a strength: "1", "1.0", "0.85", ".9" (digits, not the locale's
 * decimal point), above 0 and at most 1.  Returns 0 or -1. */
static int parse_strength(const char *s, double *out) {
  double value = 0.0, scale = 1.0;
  int digits = 0, point = 0;
  for (; *s; s++) {
    if (*s == '.' && !point) {
      point = 1;
    } else if (*s >= '0' && *s <= '9') {
      if (point)
        scale /= 10.0;
      value = value * 10.0 + (*s - '0');
      digits++;
    } else {
      return -1;
    }
  }
  value *= scale;
  if (!digits || value <= 0.0 || value > 1.0)
    return -1;
  *out = value;
  return 0;
}

/* Parses one "relation<TAB>rule-name<TAB>pattern[<TAB>strength]" line. */
static KgStatus load_line(void *ctx, char *line, const char **message) {
  char *save = NULL;
  char *relation = strtok_r(line, "\t", &save);
  char *name = strtok_r(NULL, "\t", &save);
  char *pattern = strtok_r(NULL, "\t", &save);
  char *strength_text = strtok_r(NULL, "\t", &save);
  double strength = KG_RULE_STRENGTH;
  if (!relation || !name || !pattern || strtok_r(NULL, "\t", &save)) {
    *message = "expected relation<TAB>rule-name<TAB>pattern[<TAB>strength]";
    return KG_ERR_PARSE;
  }
  if (strength_text && parse_strength(strength_text, &strength) != 0) {
    *message = "a strength is a number above 0 and at most 1 (0.85)";
    return KG_ERR_PARSE;
  }
  if (kg_rules_add(ctx, relation, name, pattern, strength, message) != 0)
    return strcmp(*message, "out of memory") == 0 ? KG_ERR_NOMEM : KG_ERR_PARSE;
  return KG_OK;
}

KgStatus kg_rules_load(KgRuleSet *rules, const char *path, KgError *err) {
  return kg_tsv_read(path, load_line, rules, err);
}

KgStatus kg_rules_load_dir(KgRuleSet *rules, const char *dir, KgError *err) {
  return kg_tsv_read_dir(dir, load_line, rules, err);
}

/* ---- matching ---- */

/* Non-zero when a word's key is the alternative (or starts with it, for a
 * prefix: "sanction*" matches every word starting "sanction"). */
static int alt_matches(const Alt *alt, const char *key, size_t klen) {
  return (alt->prefix ? klen >= alt->len : klen == alt->len) &&
         memcmp(key, alt->key, alt->len) == 0;
}

/* Non-zero when a word's key is one of the alternatives. */
static int key_matches(const char *key, size_t klen, const Alt *alts,
                       size_t n) {
  for (size_t i = 0; i < n; i++)
    if (alt_matches(&alts[i], key, klen))
      return 1;
  return 0;
}

/* A set of vocabulary words: which it has, and, when list is not NULL,
 * them in the order they came. */
typedef struct {
  unsigned char *has; ///< per vocabulary word
  size_t *list;       ///< the words has has, or NULL when not kept
  size_t count;
} WordSet;

static void word_set_add(WordSet *set, size_t word) {
  if (!set->has[word] && set->list)
    set->list[set->count++] = word;
  set->has[word] = 1;
}

/* Adds to seen every word of the vocabulary that key matches (hash: its
 * kg_hash_bytes). */
static void mark_words(const KgRuleSet *rules, const char *key, size_t klen,
                       unsigned long long hash, WordSet *seen) {
  size_t word;
  if (kg_strmap_get_hashed(rules->words, key, klen, hash, &word))
    word_set_add(seen, word);
  /* a prefix that key starts with starts with key's first byte, or is "" */
  size_t chains[2] = {rules->by_initial[initial_of(key, klen)],
                      rules->by_initial[256]};
  for (int c = 0; c < 2; c++)
    for (size_t i = chains[c]; i != SIZE_MAX; i = rules->same_initial[i])
      if (alt_matches(&rules->prefix_words[i], key, klen))
        word_set_add(seen, rules->prefix_words[i].word);
}

/* Token i's key for matching pattern words, or NULL when it is too long
 * for any (*klen receives its length). */
static const char *match_key(const KgText *text, size_t i, size_t *klen) {
  const char *key = kg_token_key(text, i, klen);
  return *klen < KEY_MAX ? key : NULL;
}

/* What a sentence holds, found once and shared by every rule: the keys of
 * its one-token units (plain tokens and pronouns; other units have none),
 * which words of the vocabulary are such units, and which occur at all (in
 * names too; found when a rule first asks). */
typedef struct {
  const char **key;    ///< per unit: its key, or NULL
  size_t *len;         ///< per unit: the key's length
  WordSet in_units;    ///< the words that are a unit's key, listed
  WordSet in_sentence; ///< the words that are a token's key, not listed
  int sentence_marked; ///< in_sentence is filled in
} SentenceWords;

void kg_rules_scratch_release(KgRuleScratch *scratch) {
  free(scratch->block);
  memset(scratch, 0, sizeof *scratch);
}

/* A block of at least size bytes from scratch, or NULL when out of memory.
 * What it held is not kept. */
static void *scratch_get(KgRuleScratch *scratch, size_t size) {
  if (size > scratch->size) {
    free(scratch->block);
    scratch->size = 0;
    if (!(scratch->block = malloc(size)))
      return NULL;
    scratch->size = size;
  }
  return scratch->block;
}

/* Fills w for the sentence's units; its arrays and *held (a mask per
 * rule, cleared) come from one block of scratch, pointers and sizes first
 * for their alignment.  The word list needs no clearing. */
static int sentence_words_build(SentenceWords *w, unsigned **held,
                                const KgRuleSet *rules, const KgText *text,
                                const KgUnit *units, size_t count,
                                KgRuleScratch *scratch) {
  size_t n = count ? count : 1;
  size_t words = rules->word_count ? rules->word_count : 1;
  size_t ptrs = n * (sizeof *w->key + sizeof *w->len) +
                words * sizeof *w->in_units.list;
  size_t size = ptrs + (rules->count + 1) * sizeof **held + 2 * words;
  char *block = scratch_get(scratch, size);
  memset(w, 0, sizeof *w);
  if (!block)
    return -1;
  w->key = (const char **)(void *)block;
  w->len = (size_t *)(void *)(block + n * sizeof *w->key);
  w->in_units.list = w->len + n; /* the one array not cleared */
  *held = (unsigned *)(void *)(block + ptrs);
  w->in_units.has = (unsigned char *)(*held + rules->count + 1);
  w->in_sentence.has = w->in_units.has + words;
  for (size_t u = 0; u < n; u++)
    w->key[u] = NULL, w->len[u] = 0;
  memset(*held, 0, (rules->count + 1) * sizeof **held + 2 * words);
  for (size_t u = 0; u < count; u++) {
    const KgUnit *unit = &units[u];
    if ((unit->mention >= 0 && !(unit->flags & KG_UNIT_PRONOUN)) ||
        unit->end != unit->first + 1)
      continue;
    w->key[u] = match_key(text, unit->first, &w->len[u]);
    if (w->key[u])
      mark_words(rules, w->key[u], w->len[u], kg_token_hash(text, unit->first),
                 &w->in_units);
  }
  return 0;
}

static void mark_sentence(SentenceWords *w, const KgRuleSet *rules,
                          const KgText *text, const KgUnit *units,
                          size_t count) {
  for (size_t t = count ? units[0].first : 0;
       count && t < units[count - 1].end; t++) {
    size_t klen;
    const char *key = match_key(text, t, &klen);
    if (key)
      mark_words(rules, key, klen, kg_token_hash(text, t), &w->in_sentence);
  }
  w->sentence_marked = 1;
}

typedef struct {
  const KgRuleSet *rules;
  const Rule *rule;
  const KgLexicon *lex;
  const KgText *text;
  const KgUnit *units;
  SentenceWords *words;
  size_t count;
  KgSlotTest test;
  KgMatchSink sink;
  void *ctx;
  KgRuleMatch match;
  size_t limit; ///< units at or past this index are out of reach
  int failed;
} Matcher;

static int word_matches(const Matcher *m, size_t u, const Alt *alts,
                        size_t n) {
  const char *key = m->words->key[u];
  return key && key_matches(key, m->words->len[u], alts, n);
}

static void walk(Matcher *m, size_t e, size_t u);

static void walk_slot(Matcher *m, const Element *el, size_t e, size_t u) {
  const KgUnit *unit = &m->units[u];
  if (unit->mention < 0 || (el->slot == 'G' && unit->members < 2) ||
      !m->test(m->ctx, (long)u, el->classes))
    return;
  /* a slot that opens the pattern stands where the clause's subject does,
   * and no subject follows a preposition ("militias in Iraq, supporting
   * ..."), unless the pattern reads it as a possessor ("alongside its G7
   * partners"); the city of a capitalOf subject may, and so may a name before
   * its apposition or relative clause ("borders with Niger, one of the
   * bloc's members", "chaired by X, who holds ...") */
  size_t within = m->limit; /* where the rest of the match must end */
  if (e == 0 && el->slot != 'O' && (unit->flags & KG_UNIT_ADJUNCT) &&
      el->classes != KG_CLASS_BIT(KG_CLASS_CITY) &&
      !((unit->flags & KG_UNIT_POSSESSIVE) && takes_possessive(m->rule, 1)) &&
      !takes_comma(m->rule, e + 1)) {
    if (!(u + 1 < m->count && m->units[u + 1].aside_end))
      return;
    within = m->units[u + 1].aside_end; /* only inside its own aside */
  }
  /* "the wife of X flew to", "States Members of the UN that are members
   * of the EEC": a person or body after "of" is not the subject (a state
   * may be: "the extension of the US embargo against Cuba"), unless the
   * pattern reads an apposition ("the release of X, Y's rival") */
  if (e == 0 && el->slot != 'O' && unit->first > 0 &&
      kg_token_is(m->text, unit->first - 1, "of") &&
      !takes_comma(m->rule, e + 1) &&
      m->test(m->ctx, (long)u,
              KG_CLASS_BIT(KG_CLASS_PERSON) |
                  KG_CLASS_BIT(KG_CLASS_ORGANIZATION)) &&
      !m->test(m->ctx, (long)u, KG_CLASS_BIT(KG_CLASS_COUNTRY)))
    return;
  /* a possessor ("Iran's foreign minister") fills a slot only where the
   * pattern has the "'s" */
  if ((unit->flags & KG_UNIT_POSSESSIVE) && !takes_possessive(m->rule, e + 1))
    return;
  KgRuleMatch saved = m->match;
  size_t saved_limit = m->limit;
  m->limit = within;
  if (unit->aside_end && unit->aside_end < m->limit)
    m->limit = unit->aside_end;
  if (el->slot == 'O') {
    m->match.object = (long)u;
    m->match.object_classes = el->classes;
  } else {
    m->match.subject = (long)u;
    m->match.subject_classes = el->classes;
    m->match.reciprocal = el->slot == 'G';
  }
  /* "its closest ally" reads as "X's closest ally" */
  int pronoun_possessor = (unit->flags & KG_UNIT_PRONOUN) &&
                          (unit->flags & KG_UNIT_POSSESSIVE) &&
                          takes_possessive(m->rule, e + 1);
  walk(m, e + 1 + (pronoun_possessor && !m->rule->elements[e + 1].optional),
       u + 1);
  m->match = saved;
  m->limit = saved_limit;
}

static void walk(Matcher *m, size_t e, size_t u) {
  if (m->failed)
    return;
  const Rule *r = m->rule;
  if (e == r->element_count) {
    m->match.end = (long)u;
    if (m->sink(m->ctx, &m->match) != 0)
      m->failed = 1;
    return;
  }
  const Element *el = &r->elements[e];
  size_t count = m->count < m->limit ? m->count : m->limit;
  switch (el->kind) {
  case EL_SLOT:
    if (u < count)
      walk_slot(m, el, e, u);
    return;
  case EL_WORD:
    if (el->optional)
      walk(m, e + 1, u);
    if (u < count && word_matches(m, u, el->alts, el->alt_count)) {
      long saved = m->match.trigger;
      if (m->match.trigger < 0)
        m->match.trigger = (long)u;
      walk(m, e + 1, u + 1);
      m->match.trigger = saved;
    }
    return;
  case EL_LEX: {
    if (u >= count || m->units[u].mention >= 0)
      return;
    size_t limit = m->units[u].first;
    size_t k = u;
    while (k < count && m->units[k].mention < 0)
      limit = m->units[k++].end;
    const char *value = NULL;
    size_t n = kg_lexicon_match(m->lex, el->category, m->text,
                                m->units[u].first, limit, &value);
    if (n > 0 && strcmp(value, el->value) == 0)
      walk(m, e + 1, u + n); /* plain tokens are one unit each */
    return;
  }
  case EL_GAP: {
    int after_slot = e > 0 && r->elements[e - 1].kind == EL_SLOT;
    for (size_t k = 0, used = 0; used <= el->gap && u + k <= count; k++) {
      walk(m, e + 1, u + k);
      if (u + k == count)
        break;
      const KgUnit *skip = &m->units[u + k];
      if (skip->flags & KG_UNIT_BREAK)
        break;
      int aside = skip->aside_end != 0;
      if (!aside && (skip->flags & KG_UNIT_NAMELIKE))
        break; /* maybe a name no stage knew: never step over it */
      if (after_slot && !aside && skip->mention >= 0 &&
          !(skip->flags & KG_UNIT_ADJUNCT))
        break;
      /* asides and adjunct entities ("with Mali") cost nothing */
      if (!aside && !(skip->mention >= 0 && (skip->flags & KG_UNIT_ADJUNCT)))
        used++;
    }
    return;
  }
  }
}

/* Non-zero when seen holds the word of one of the alternatives. */
static int any_seen(const Alt *alts, size_t n, const unsigned char *seen) {
  for (size_t i = 0; i < n; i++)
    if (seen[alts[i].word])
      return 1;
  return 0;
}

/* Non-zero when the sentence holds one of rule r's @ requirements, or r
 * has none (names count: "the European Parliament" for @parliament). */
static int holds_required(Matcher *m, const Rule *r) {
  if (!r->required_count)
    return 1;
  if (!m->words->sentence_marked)
    mark_sentence(m->words, m->rules, m->text, m->units, m->count);
  return any_seen(r->required, r->required_count, m->words->in_sentence.has);
}

int kg_rules_match(const KgRuleSet *rules, const KgLexicon *lex,
                   const KgText *text, const KgUnit *units, size_t count,
                   KgSlotTest test, KgMatchSink sink, void *ctx,
                   KgRuleScratch *scratch) {
  /* every slot takes a unit that holds a mention, and a rule that opens
   * with one can only start at such a unit (walk_slot) */
  size_t named_count = 0;
  for (size_t u = 0; u < count; u++)
    named_count += units[u].mention >= 0;
  if (named_count < rules->fewest_slots) /* no rule can match */
    return 0;
  SentenceWords words;
  unsigned *held; /* per rule, the bits of its needed elements the sentence
                     has words for */
  if (sentence_words_build(&words, &held, rules, text, units, count,
                           scratch) != 0)
    return -1;
  for (size_t i = 0; i < words.in_units.count; i++)
    for (size_t l = rules->rules_of_word[words.in_units.list[i]]; l != SIZE_MAX;
         l = rules->links[l].next)
      held[rules->links[l].rule] |= rules->links[l].needed;
  for (size_t ri = 0; ri < rules->count; ri++) {
    const Rule *r = &rules->rules[ri];
    if ((held[ri] & r->needed) != r->needed || r->slots > named_count)
      continue;
    KgRuleMatch unmatched = {r->relation, r->name, -1, -1,          -1,
                             0,           0,       0,  -1, -1,
                             r->strength, r->respectively};
    Matcher m = {rules, r,    lex,       text,  units, &words, count,
                 test,  sink, ctx, unmatched, count, 0};
    if (!holds_required(&m, r))
      continue;
    int opens_with_slot = r->element_count && r->elements[0].kind == EL_SLOT;
    for (size_t u = 0; u < count && !m.failed; u++) {
      if (opens_with_slot && units[u].mention < 0)
        continue;
      m.match.first = (long)u;
      walk(&m, 0, u);
    }
    if (m.failed)
      return -1;
  }
  return 0;
}
