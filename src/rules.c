/* rules.c - compiling and matching relation patterns; see rules.h.
 *
 * A rule is compiled once into an array of elements; matching is a
 * backtracking walk over a sentence's units that reports every way the
 * whole pattern fits.  Gaps are bounded, so the work per sentence is at
 * most units x rules x (gap + 1)^gaps, small for real sentences.  Two
 * things keep it cheap: each unit's lookup key is computed once per
 * sentence, and a rule is only walked when the sentence holds one of the
 * words of its anchor (its first mandatory word element) and of its @
 * requirements, which most sentences do not.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "tsv.h"

#define KEY_MAX 256
#define DEFAULT_GAP 10
#define MAX_ELEMENTS 32

typedef enum { EL_SLOT, EL_WORD, EL_LEX, EL_GAP } ElementKind;

typedef struct {
  ElementKind kind;
  char slot;        ///< 'S', 'O' or 'G' for EL_SLOT
  unsigned classes; ///< class mask for EL_SLOT
  int optional;     ///< EL_WORD: may be absent
  char **alts;      ///< EL_WORD: normalised alternatives ("sanction*")
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
  char **required; ///< @words: one must occur in the sentence
  size_t required_count;
  long anchor;     ///< first mandatory word element, -1 when there is none
  double strength; ///< how often its matches are right, (0, 1]
  int respectively; ///< `&`: S and O members are paired in order
} Rule;

struct KgRuleSetImpl {
  Rule *rules;
  size_t count, cap;
};

KgRuleSet *kg_rules_new(void) { return calloc(1, sizeof(KgRuleSet)); }

static void free_strings(char **s, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(s[i]);
  free(s);
}

static void free_rule(Rule *r) {
  for (size_t i = 0; i < r->element_count; i++) {
    free_strings(r->elements[i].alts, r->elements[i].alt_count);
    free(r->elements[i].category);
    free(r->elements[i].value);
  }
  free(r->elements);
  free_strings(r->required, r->required_count);
  free(r->name);
}

void kg_rules_free(KgRuleSet *rules) {
  if (!rules)
    return;
  for (size_t i = 0; i < rules->count; i++)
    free_rule(&rules->rules[i]);
  free(rules->rules);
  free(rules);
}

/* Splits "a|b*|c" into normalised alternatives. */
static int parse_alternatives(const char *text, char ***out, size_t *count) {
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
    if (prefix)
      key[klen++] = '*';
    char **alts = realloc(*out, (*count + 1) * sizeof *alts);
    if (!alts)
      return -1;
    *out = alts;
    if (!(alts[*count] = strndup(key, klen)))
      return -1;
    (*count)++;
    p = bar ? bar + 1 : p + len;
  }
  return *count ? 0 : -1;
}

static int parse_classes(const char *text, unsigned *mask) {
  static const struct {
    const char *name;
    unsigned mask;
  } groups[] = {
      {"Agent", KG_CLASS_BIT(KG_CLASS_PERSON) | KG_CLASS_BIT(KG_CLASS_COUNTRY) |
                    KG_CLASS_BIT(KG_CLASS_ORGANIZATION)},
      {"Place", KG_CLASS_BIT(KG_CLASS_COUNTRY) | KG_CLASS_BIT(KG_CLASS_CITY)}};
  *mask = 0;
  for (const char *p = text; *p;) {
    const char *plus = strchr(p, '+');
    size_t len = plus ? (size_t)(plus - p) : strlen(p);
    KgClass cls;
    size_t g = 0;
    while (g < 2 && !(strlen(groups[g].name) == len &&
                      memcmp(groups[g].name, p, len) == 0))
      g++;
    if (g < 2)
      *mask |= groups[g].mask;
    else if (kg_class_parse(p, len, &cls) == 0)
      *mask |= KG_CLASS_BIT(cls);
    else
      return -1;
    p = plus ? plus + 1 : p + len;
  }
  return 0;
}

static const char *parse_element(const char *word, Element *el, Rule *r) {
  memset(el, 0, sizeof *el);
  if ((word[0] == 'S' || word[0] == 'O' || word[0] == 'G') &&
      (word[1] == '\0' || word[1] == ':')) {
    el->kind = EL_SLOT;
    el->slot = word[0];
    el->classes = (1u << KG_CLASS_COUNT) - 1;
    if (word[1] == ':' && parse_classes(word + 2, &el->classes) != 0)
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
    return el->category && el->value ? NULL : "out of memory";
  }
  if (word[0] == '@') {
    char **alts;
    size_t n;
    if (parse_alternatives(word + 1, &alts, &n) != 0)
      return "bad @ requirement";
    char **req = realloc(r->required, (r->required_count + n) * sizeof *req);
    if (!req) {
      free_strings(alts, n);
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
  if (parse_alternatives(word, &el->alts, &el->alt_count) != 0)
    return "bad word alternatives";
  return NULL;
}

/* Non-zero when element e is a word element that accepts word. */
static int element_is(const Rule *r, size_t e, const char *word) {
  if (e >= r->element_count || r->elements[e].kind != EL_WORD)
    return 0;
  for (size_t i = 0; i < r->elements[e].alt_count; i++)
    if (strcmp(r->elements[e].alts[i], word) == 0)
      return 1;
  return 0;
}

/* Non-zero when element e accepts "'s". */
static int takes_possessive(const Rule *r, size_t e) {
  return element_is(r, e, "'s");
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
    *message = parse_element(w, el, &r);
    if (*message)
      break;
    if (el->kind == EL_GAP && el->gap == (size_t)-1)
      continue;
    if (el->kind == EL_SLOT)
      slots |= el->slot == 'S' ? 1 : el->slot == 'O' ? 2 : 4;
    r.element_count++;
  }
  free(copy);
  /* not "'s", which a possessive pronoun stands in for ("his rival") */
  r.anchor = -1;
  for (size_t e = 0; e < r.element_count && r.anchor < 0; e++)
    if (r.elements[e].kind == EL_WORD && !r.elements[e].optional &&
        !takes_possessive(&r, e))
      r.anchor = (long)e;
  if (!*message && !(slots & 5))
    *message = "a pattern needs S or G";
  if (!*message && (slots & 4) && (slots & 3))
    *message = "G excludes S and O";
  if (!*message && kg_grow((void **)&rules->rules, rules->count, &rules->cap,
                           sizeof *rules->rules) != 0)
    *message = "out of memory";
  if (*message) {
    free_rule(&r);
    return -1;
  }
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

/* The lookup keys of a sentence's one-token units (plain tokens and
 * pronouns), computed once and shared by every rule; other units have none
 * (len 0). */
typedef struct {
  char *buf;
  size_t *off, *len;
} UnitKeys;

static int unit_keys_build(UnitKeys *k, const KgText *text,
                           const KgUnit *units, size_t count) {
  size_t cap = 0, used = 0;
  k->buf = NULL;
  k->off = calloc(count ? count : 1, sizeof *k->off);
  k->len = calloc(count ? count : 1, sizeof *k->len);
  if (!k->off || !k->len)
    return -1;
  for (size_t u = 0; u < count; u++) {
    const KgUnit *unit = &units[u];
    if ((unit->mention >= 0 && !(unit->flags & KG_UNIT_PRONOUN)) ||
        unit->end != unit->first + 1)
      continue;
    char key[KEY_MAX];
    size_t klen = kg_text_key(text, unit->first, unit->end, key, sizeof key);
    if (used + klen > cap) {
      size_t ncap = (cap ? cap * 2 : 1024) + klen;
      char *nbuf = realloc(k->buf, ncap);
      if (!nbuf)
        return -1;
      k->buf = nbuf;
      cap = ncap;
    }
    if (klen)
      memcpy(k->buf + used, key, klen);
    k->off[u] = used;
    k->len[u] = klen;
    used += klen;
  }
  return 0;
}

static void unit_keys_release(UnitKeys *k) {
  free(k->buf);
  free(k->off);
  free(k->len);
}

typedef struct {
  const Rule *rule;
  const KgLexicon *lex;
  const KgText *text;
  const KgUnit *units;
  const UnitKeys *keys;
  size_t count;
  KgSlotTest test;
  KgMatchSink sink;
  void *ctx;
  KgRuleMatch match;
  size_t limit; ///< units at or past this index are out of reach
  int failed;
} Matcher;

/* Non-zero when a word's key is one of the alternatives ("sanction*"
 * matches every word starting "sanction"). */
static int key_matches(const char *key, size_t klen, char **alts, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t alen = strlen(alts[i]);
    if (alts[i][alen - 1] == '*') {
      if (klen >= alen - 1 && memcmp(key, alts[i], alen - 1) == 0)
        return 1;
    } else if (alen == klen && memcmp(key, alts[i], klen) == 0) {
      return 1;
    }
  }
  return 0;
}

static int word_matches(const Matcher *m, size_t u, char **alts, size_t n) {
  size_t klen = m->keys->len[u];
  return klen && key_matches(m->keys->buf + m->keys->off[u], klen, alts, n);
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
      !element_is(m->rule, e + 1, ",")) {
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
      !element_is(m->rule, e + 1, ",") &&
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

static int sentence_has(const Matcher *m, char **alts, size_t n) {
  for (size_t u = 0; u < m->count; u++)
    if (word_matches(m, u, alts, n))
      return 1;
  return 0;
}

/* Non-zero when any word of the sentence, names included ("the European
 * Parliament" for @parliament), is one of the alternatives. */
static int sentence_mentions(const Matcher *m, char **alts, size_t n) {
  if (m->count == 0)
    return 0;
  for (size_t t = m->units[0].first; t < m->units[m->count - 1].end; t++) {
    char key[KEY_MAX];
    size_t klen = kg_text_key(m->text, t, t + 1, key, sizeof key);
    if (klen && key_matches(key, klen, alts, n))
      return 1;
  }
  return 0;
}

/* Non-zero when the sentence holds the words rule r cannot match without:
 * its anchor as a plain word, and one of its @ requirements anywhere. */
static int may_match(const Matcher *m, const Rule *r) {
  if (r->anchor >= 0 && !sentence_has(m, r->elements[r->anchor].alts,
                                      r->elements[r->anchor].alt_count))
    return 0;
  return !r->required_count ||
         sentence_mentions(m, r->required, r->required_count);
}

int kg_rules_match(const KgRuleSet *rules, const KgLexicon *lex,
                   const KgText *text, const KgUnit *units, size_t count,
                   KgSlotTest test, KgMatchSink sink, void *ctx) {
  UnitKeys keys;
  int status = unit_keys_build(&keys, text, units, count);
  for (size_t ri = 0; ri < rules->count && status == 0; ri++) {
    const Rule *r = &rules->rules[ri];
    KgRuleMatch unmatched = {r->relation, r->name, -1, -1,          -1,
                             0,           0,       0,  -1, -1,
                             r->strength, r->respectively};
    Matcher m = {r,    lex,  text, units,     &keys, count,
                 test, sink, ctx,  unmatched, count, 0};
    if (!may_match(&m, r))
      continue;
    for (size_t u = 0; u < count && !m.failed; u++) {
      m.match.first = (long)u;
      walk(&m, 0, u);
    }
    if (m.failed)
      status = -1;
  }
  unit_keys_release(&keys);
  return status;
}
