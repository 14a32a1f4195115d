/* deprules.c - relation rules over a sentence's dependency tree; see
 * deprules.h.
 *
 * A rule is compiled into a path of nodes joined by edges; matching tries
 * every word of the sentence as the path's first node and follows the
 * edges depth first, a node's candidates being the head or the dependents
 * of the word before it.  Sentences have tens of words and paths a few
 * nodes, so the search is small; the parse before it is what costs.
 */
#include "deprules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grow.h"
#include "strmap.h"

enum { MAX_NODES = 8, MAX_COLLECT_DEPTH = 16 };

/* A relation of an edge or of a `!` test: "obl" and its part after ':'
 * ("with", "pass"), or NULL for none. */
typedef struct {
  char *main;
  char *sub;
} Rel;

typedef struct {
  Rel *alts;
  size_t count;
} Rels;

/* A test of a word's dependents: `+rel[=lemmas]` (one there), `!rel[=lemmas]`
 * (none there), the dependent by one of rels and, when lemmas are given,
 * with one of them. */
typedef struct {
  int present; ///< '+' rather than '!'
  Rels rels;
  char **lemmas;
  size_t lemma_count;
} Dependent;

/* A node of the path: a slot, or a word by lemma (no lemmas: any word). */
typedef struct {
  char slot; ///< 'S', 'O', 'G', or 0 for a word
  unsigned classes;
  char **lemmas;
  size_t lemma_count;
  Dependent *tests; ///< the `+` and `!` tests of its dependents
  size_t test_count;
} Node;

/* The edge into a node from the one before it. */
typedef struct {
  int up; ///< '<': the node before depends on this one
  Rels rels;
} Edge;

/* An `@` element: the ids of its words in the vocabulary. */
typedef struct {
  size_t *ids;
  size_t count;
} Need;

typedef struct {
  KgRelation relation;
  char *name;
  char *pattern; ///< as written, for --explain
  double strength;
  Node nodes[MAX_NODES];
  Edge edges[MAX_NODES]; ///< edges[k] leads into nodes[k]; edges[0] unused
  size_t node_count;
  Need *needs;
  size_t need_count;
  size_t trigger; ///< the first word node
} DepRule;

struct KgDepRulesImpl {
  DepRule *rules;
  size_t count, cap;
  KgStrMap *words; ///< the `@` words: key -> id
  size_t word_count;
};

/* --- rules ---------------------------------------------------------------- */

KgDepRules *kg_dep_rules_new(void) {
  KgDepRules *rules = calloc(1, sizeof *rules);
  if (rules && !(rules->words = kg_strmap_new())) {
    free(rules);
    return NULL;
  }
  return rules;
}

static void free_strings(char **strings, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(strings[i]);
  free(strings);
}

static void free_rels(Rels *r) {
  for (size_t i = 0; i < r->count; i++)
    free(r->alts[i].main); /* sub points into the same allocation */
  free(r->alts);
}

static void free_rule(DepRule *r) {
  free(r->name);
  free(r->pattern);
  for (size_t k = 0; k < r->node_count; k++) {
    Node *node = &r->nodes[k];
    free_strings(node->lemmas, node->lemma_count);
    for (size_t i = 0; i < node->test_count; i++) {
      free_rels(&node->tests[i].rels);
      free_strings(node->tests[i].lemmas, node->tests[i].lemma_count);
    }
    free(node->tests);
    free_rels(&r->edges[k].rels);
  }
  /* an edge parsed before a rule was refused may wait for its node */
  if (r->node_count < MAX_NODES)
    free_rels(&r->edges[r->node_count].rels);
  for (size_t i = 0; i < r->need_count; i++)
    free(r->needs[i].ids);
  free(r->needs);
}

void kg_dep_rules_free(KgDepRules *rules) {
  if (!rules)
    return;
  for (size_t i = 0; i < rules->count; i++)
    free_rule(&rules->rules[i]);
  free(rules->rules);
  kg_strmap_free(rules->words);
  free(rules);
}

size_t kg_dep_rules_count(const KgDepRules *rules) { return rules->count; }

/* Splits text at '|' into a fresh array of fresh strings; -1 when out of
 * memory or an alternative is empty. */
static int split_bars(const char *text, char ***out, size_t *count) {
  *out = NULL;
  *count = 0;
  size_t cap = 0;
  for (const char *p = text;;) {
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    char *alt = len ? strndup(p, len) : NULL;
    if (!alt || kg_grow((void **)out, *count, &cap, sizeof **out) != 0) {
      free(alt);
      for (size_t i = 0; i < *count; i++)
        free((*out)[i]);
      free(*out);
      *out = NULL;
      *count = 0;
      return -1;
    }
    (*out)[(*count)++] = alt;
    if (!bar)
      return 0;
    p = bar + 1;
  }
}

/* Parses "obl:with|nmod:with" into r; -1 when out of memory or empty. */
static int parse_rels(const char *text, Rels *r) {
  char **alts;
  size_t count;
  r->alts = NULL;
  r->count = 0;
  if (!*text || split_bars(text, &alts, &count) != 0)
    return -1;
  r->alts = calloc(count, sizeof *r->alts);
  for (size_t i = 0; i < count; i++) {
    if (r->alts) {
      char *colon = strchr(alts[i], ':');
      if (colon)
        *colon = '\0';
      r->alts[i] = (Rel){alts[i], colon ? colon + 1 : NULL};
      r->count++;
    } else {
      free(alts[i]);
    }
  }
  free(alts);
  return r->alts ? 0 : -1;
}

/* Adds an `@` element's words to the vocabulary and to r's needs. */
static int add_need(KgDepRules *rules, DepRule *r, const char *text) {
  char **words;
  size_t count, cap = r->need_count;
  if (split_bars(text, &words, &count) != 0)
    return -1;
  Need need = {calloc(count, sizeof(size_t)), count};
  int rc = need.ids && kg_grow((void **)&r->needs, r->need_count, &cap,
                               sizeof *r->needs) == 0
               ? 0
               : -1;
  for (size_t i = 0; i < count; i++) {
    size_t id = rules->word_count;
    int added =
        rc == 0 ? kg_strmap_add(rules->words, words[i], strlen(words[i]), id,
                                &id)
                : -1;
    if (added < 0)
      rc = -1;
    else {
      rules->word_count += (size_t)added;
      need.ids[i] = id;
    }
    free(words[i]);
  }
  free(words);
  if (rc != 0) {
    free(need.ids);
    return -1;
  }
  r->needs[r->need_count++] = need;
  return 0;
}

/* Parses a `+rel[=lemmas]` or `!rel[=lemmas]` test of node's dependents;
 * NULL, or what is wrong. */
static const char *parse_dependent(Node *node, const char *word) {
  Dependent d = {word[0] == '+', {NULL, 0}, NULL, 0};
  char *rels = strdup(word + 1);
  if (!rels)
    return "out of memory";
  char *eq = strchr(rels, '=');
  if (eq)
    *eq = '\0';
  const char *message = NULL;
  size_t cap = node->test_count;
  if (parse_rels(rels, &d.rels) != 0)
    message = "a + or ! test without a relation";
  else if (eq && split_bars(eq + 1, &d.lemmas, &d.lemma_count) != 0)
    message = "an empty lemma";
  else if (kg_grow((void **)&node->tests, node->test_count, &cap,
                   sizeof *node->tests) != 0)
    message = "out of memory";
  free(rels);
  if (message) {
    free_rels(&d.rels);
    free_strings(d.lemmas, d.lemma_count);
    return message;
  }
  node->tests[node->test_count++] = d;
  return NULL;
}

/* Parses one element into r; NULL, or what is wrong. */
static const char *parse_element(KgDepRules *rules, DepRule *r,
                                 const char *word, int *want_node) {
  int slot = (word[0] == 'S' || word[0] == 'O' || word[0] == 'G') &&
             (word[1] == '\0' || word[1] == ':');
  if (word[0] == '@')
    return add_need(rules, r, word + 1) == 0 ? NULL : "an empty @ element";
  if (word[0] == '!' || word[0] == '+') {
    if (*want_node)
      return "a + or ! test follows a word of the path";
    return parse_dependent(&r->nodes[r->node_count - 1], word);
  }
  if (word[0] == '<' || word[0] == '>') {
    if (*want_node)
      return "two edges in a row";
    if (r->node_count == MAX_NODES)
      return "a path of more than 8 words";
    Edge *e = &r->edges[r->node_count];
    e->up = word[0] == '<';
    if (parse_rels(word + 1, &e->rels) != 0)
      return "an edge without a relation";
    *want_node = 1;
    return NULL;
  }
  if (!*want_node)
    return "two words of the path without an edge between them";
  Node *node = &r->nodes[r->node_count++];
  *want_node = 0;
  if (slot) {
    node->slot = word[0];
    node->classes = (1u << KG_CLASS_COUNT) - 1;
    if (word[1] == ':' && kg_class_mask_parse(word + 2, &node->classes) != 0)
      return "unknown class in slot (Person, Country, Organization, City, "
             "Agent, Place)";
    return NULL;
  }
  if (strcmp(word, "*") != 0 &&
      split_bars(word, &node->lemmas, &node->lemma_count) != 0)
    return "an empty lemma";
  return NULL;
}

/* Checks the shape of a parsed path; NULL, or what is wrong. */
static const char *check_path(DepRule *r) {
  size_t n = r->node_count, slots = 0;
  char ends[2] = {r->nodes[0].slot, n ? r->nodes[n - 1].slot : 0};
  for (size_t k = 0; k < n; k++)
    if (r->nodes[k].slot) {
      if (k != 0 && k != n - 1)
        return "a slot inside the path (slots are its ends)";
      slots++;
    }
  r->trigger = n;
  for (size_t k = 0; k < n && r->trigger == n; k++)
    if (!r->nodes[k].slot)
      r->trigger = k;
  if (n < 2)
    return "a path needs a slot, an edge and a word";
  if (r->trigger == n)
    return "a path needs a word between its slots";
  if (ends[0] == 'G' || ends[1] == 'G') {
    if (slots != 1)
      return "G is the path's one slot";
  } else if (!((ends[0] == 'S' && ends[1] == 'O') ||
               (ends[0] == 'O' && ends[1] == 'S'))) {
    return "a path goes from S to O, or from G to a word";
  }
  if (r->need_count == 0)
    return "a dep: rule needs an @ element (its sentences are parsed)";
  return NULL;
}

int kg_dep_rules_add(KgDepRules *rules, KgRelation relation, const char *name,
                     const char *pattern, double strength,
                     const char **message) {
  DepRule r;
  memset(&r, 0, sizeof r);
  r.relation = relation;
  r.strength = strength;
  char *copy = strdup(pattern);
  r.name = strdup(name);
  r.pattern = strdup(pattern);
  *message = copy && r.name && r.pattern ? NULL : "out of memory";
  int want_node = 1;
  for (char *save = NULL, *w = copy ? strtok_r(copy, " ", &save) : NULL;
       w && !*message; w = strtok_r(NULL, " ", &save))
    *message = parse_element(rules, &r, w, &want_node);
  free(copy);
  if (!*message && want_node)
    *message = "a path ends with a word or a slot, not an edge";
  if (!*message)
    *message = check_path(&r);
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

/* --- which rules a sentence wants ----------------------------------------- */

void kg_dep_scratch_release(KgDepScratch *scratch) {
  free(scratch->present);
  free(scratch->wanted);
  free(scratch->mentions);
  memset(scratch, 0, sizeof *scratch);
}

/* Makes *buf hold at least n elements of size bytes; 0, or -1. */
static int reserve(void **buf, size_t *cap, size_t n, size_t size) {
  if (n <= *cap)
    return 0;
  void *grown = realloc(*buf, n * size);
  if (!grown)
    return -1;
  *buf = grown;
  *cap = n;
  return 0;
}

/* How many of the named entities a slot of these classes may take. */
static size_t fillers(unsigned classes, const size_t named[KG_CLASS_COUNT]) {
  size_t n = 0;
  for (int c = 0; c < KG_CLASS_COUNT; c++)
    if (classes & KG_CLASS_BIT(c))
      n += named[c];
  return n;
}

/* Non-zero when the named entities can fill rule's slots: two for a G
 * slot, one for S and one for O (two in all when both may take a class). */
static int fillable(const DepRule *rule, const size_t named[KG_CLASS_COUNT]) {
  const Node *a = &rule->nodes[0], *b = &rule->nodes[rule->node_count - 1];
  if (a->slot == 'G' || b->slot == 'G')
    return fillers(a->slot == 'G' ? a->classes : b->classes, named) >= 2;
  size_t sa = fillers(a->classes, named), sb = fillers(b->classes, named);
  return sa >= 1 && sb >= 1 && fillers(a->classes | b->classes, named) >= 2;
}

int kg_dep_rules_wanted(const KgDepRules *rules, const KgText *t, size_t si,
                        const size_t named[KG_CLASS_COUNT],
                        KgDepScratch *scratch) {
  if (rules->count == 0)
    return 0;
  if (reserve((void **)&scratch->present, &scratch->present_cap,
              rules->word_count, 1) != 0 ||
      reserve((void **)&scratch->wanted, &scratch->wanted_cap, rules->count,
              1) != 0)
    return -1;
  memset(scratch->present, 0, rules->word_count);
  const KgSentence *s = &t->sentences[si];
  for (size_t i = s->first_token; i < s->first_token + s->token_count; i++) {
    size_t len, id;
    const char *key = kg_token_key(t, i, &len);
    if (kg_strmap_get(rules->words, key, len, &id))
      scratch->present[id] = 1;
  }
  int any = 0;
  for (size_t r = 0; r < rules->count; r++) {
    const DepRule *rule = &rules->rules[r];
    int all = fillable(rule, named);
    for (size_t k = 0; k < rule->need_count && all; k++) {
      int one = 0;
      for (size_t i = 0; i < rule->needs[k].count && !one; i++)
        one = scratch->present[rule->needs[k].ids[i]];
      all = one;
    }
    scratch->wanted[r] = (unsigned char)all;
    any |= all;
  }
  return any;
}

/* --- matching ------------------------------------------------------------- */

/* The sentence as a tree: each word's dependents, in text order, are
 * kids[first[i], first[i + 1]). */
typedef struct {
  const KgDepWord *w;
  size_t n;
  size_t *first; ///< n + 1 offsets
  size_t *kids;  ///< n - roots entries
} Tree;

/* The part of deprel d before ':' has length *main_len; its part after,
 * or NULL. */
static const char *split_rel(const char *d, size_t *main_len) {
  const char *colon = strchr(d, ':');
  *main_len = colon ? (size_t)(colon - d) : strlen(d);
  return colon ? colon + 1 : NULL;
}

static int rel_main_is(const char *d, const char *main) {
  size_t len;
  split_rel(d, &len);
  return strlen(main) == len && memcmp(d, main, len) == 0;
}

static int lemma_is(const KgDepWord *w, const char *lemma) {
  return w->lemma_len == strlen(lemma) &&
         memcmp(w->lemma, lemma, w->lemma_len) == 0;
}

/* Non-zero when word i depends on its head by r: the same relation, and
 * r's part after ':' is its subtype or the lemma of its case or mark
 * word. */
static int rel_matches(const Tree *t, size_t i, const Rel *r) {
  const char *d = t->w[i].deprel;
  if (!rel_main_is(d, r->main))
    return 0;
  size_t len;
  const char *sub = split_rel(d, &len);
  if (!r->sub)
    return sub == NULL;
  if (sub && strcmp(sub, r->sub) == 0)
    return 1;
  for (size_t k = t->first[i]; k < t->first[i + 1]; k++) {
    const KgDepWord *c = &t->w[t->kids[k]];
    if ((rel_main_is(c->deprel, "case") || rel_main_is(c->deprel, "mark")) &&
        lemma_is(c, r->sub))
      return 1;
  }
  return 0;
}

static int rels_match(const Tree *t, size_t i, const Rels *rels) {
  for (size_t k = 0; k < rels->count; k++)
    if (rel_matches(t, i, &rels->alts[k]))
      return 1;
  return 0;
}

/* Non-zero when some alternative of rels is a subject relation. */
static int is_subject_edge(const Rels *rels) {
  for (size_t k = 0; k < rels->count; k++)
    if (strcmp(rels->alts[k].main, "nsubj") == 0)
      return 1;
  return 0;
}

static int has_subject(const Tree *t, size_t i) {
  for (size_t k = t->first[i]; k < t->first[i + 1]; k++)
    if (rel_main_is(t->w[t->kids[k]].deprel, "nsubj") ||
        rel_main_is(t->w[t->kids[k]].deprel, "csubj"))
      return 1;
  return 0;
}

/* Non-zero for a clause that takes its subject from its head's: a
 * conjoined verb, a complement or an adverbial clause. */
static int shares_subject(const Tree *t, size_t i) {
  const char *d = t->w[i].deprel;
  return (rel_main_is(d, "conj") || rel_main_is(d, "xcomp") ||
          rel_main_is(d, "advcl")) &&
         !has_subject(t, i);
}

static int form_is(const KgDepWord *w, const char *form) {
  return w->form_len == strlen(form) &&
         strncasecmp(w->form, form, w->form_len) == 0;
}

/* Non-zero when word w is one of the n alternatives, by lemma or form. */
static int word_is_one_of(const KgDepWord *w, char *const *alts, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (lemma_is(w, alts[k]) || form_is(w, alts[k]))
      return 1;
  return 0;
}

static int node_accepts(const Tree *t, const Node *node, size_t i) {
  if (node->lemma_count &&
      !word_is_one_of(&t->w[i], node->lemmas, node->lemma_count))
    return 0;
  for (size_t a = 0; a < node->test_count; a++) {
    const Dependent *d = &node->tests[a];
    int found = 0;
    for (size_t k = t->first[i]; k < t->first[i + 1] && !found; k++)
      found = rels_match(t, t->kids[k], &d->rels) &&
              (!d->lemma_count ||
               word_is_one_of(&t->w[t->kids[k]], d->lemmas, d->lemma_count));
    if (found != d->present)
      return 0;
  }
  return 1;
}

/* One rule's search over one tree. */
typedef struct {
  const DepRule *rule;
  const Tree *t;
  KgDepSink sink;
  void *ctx;
  KgDepScratch *scratch;
  size_t at[MAX_NODES]; ///< the word of each node matched so far
} Search;

static int relative_pronoun(const KgDepWord *w) {
  return strcmp(w->upos, "PRON") == 0 &&
         (lemma_is(w, "who") || lemma_is(w, "which") || lemma_is(w, "that") ||
          lemma_is(w, "whom"));
}

static int nominal(const KgDepWord *w) {
  return w->mention >= 0 || strcmp(w->upos, "NOUN") == 0 ||
         strcmp(w->upos, "PROPN") == 0 || strcmp(w->upos, "PRON") == 0;
}

/* The word relative pronoun i stands for: the noun its clause modifies
 * (as acl:relcl, or as appos in a parser's reading of a clause between
 * commas); where the clause hangs from no noun, a name just before ",
 * which"; else i itself. */
static size_t antecedent(const Tree *t, size_t i) {
  const KgDepWord *clause = &t->w[t->w[i].head - 1];
  if ((strcmp(clause->deprel, "acl:relcl") == 0 ||
       strcmp(clause->deprel, "appos") == 0) &&
      clause->head > 0 && nominal(&t->w[clause->head - 1]))
    return clause->head - 1;
  if (i >= 2 && strcmp(t->w[i - 1].upos, "PUNCT") == 0 &&
      t->w[i - 2].mention >= 0)
    return i - 2;
  return i;
}

/* Non-zero when word c names members of the group its head is: "officials,
 * including A and B", "17 Saudis, among them A". */
static int names_members(const Tree *t, size_t c) {
  if (!rel_main_is(t->w[c].deprel, "nmod"))
    return 0;
  for (size_t k = t->first[c]; k < t->first[c + 1]; k++) {
    const KgDepWord *cw = &t->w[t->kids[k]];
    if (rel_main_is(cw->deprel, "case") &&
        (lemma_is(cw, "include") || lemma_is(cw, "including") ||
         lemma_is(cw, "among")))
      return 1;
  }
  return 0;
}

/* Appends to list (of *count) the mentions word i stands for: its own,
 * those conjoined to it and in apposition to it. */
static void collect(const Tree *t, size_t i, long *list, size_t *count,
                    int depth) {
  if (depth > MAX_COLLECT_DEPTH)
    return;
  const KgDepWord *w = &t->w[i];
  if (depth == 0 && relative_pronoun(w) && w->head > 0)
    i = antecedent(t, i);
  w = &t->w[i];
  if (w->mention >= 0) {
    size_t k = 0;
    while (k < *count && list[k] != w->mention)
      k++;
    if (k == *count)
      list[(*count)++] = w->mention;
  }
  for (size_t k = t->first[i]; k < t->first[i + 1]; k++) {
    size_t c = t->kids[k];
    if (rel_main_is(t->w[c].deprel, "conj") ||
        (rel_main_is(t->w[c].deprel, "appos") && !t->w[c].description) ||
        (w->mention < 0 && names_members(t, c)))
      collect(t, c, list, count, depth + 1);
  }
}

static int try_node(Search *s, size_t k, size_t i);

/* Tries word i for node k, unless it was tried in this path already. */
static int step(Search *s, size_t k, size_t i) {
  for (size_t j = 0; j < k; j++)
    if (s->at[j] == i)
      return 0;
  return try_node(s, k, i);
}

/* Node k's candidates through edge k from word x (node k - 1). */
static int follow(Search *s, size_t k, size_t x) {
  const Tree *t = s->t;
  const Edge *e = &s->rule->edges[k];
  int subject = is_subject_edge(&e->rels);
  if (e->up) {
    if (t->w[x].head == 0 || !rels_match(t, x, &e->rels))
      return 0;
    size_t h = t->w[x].head - 1;
    if (step(s, k, h) != 0)
      return -1;
    /* the clauses that share h's subject, and theirs in turn: each word
     * is pushed once, as a word has one head; a stack of 64 is deeper than
     * any sentence's chain of clauses */
    if (subject) {
      size_t stack[64], top = 0;
      stack[top++] = h;
      while (top > 0) {
        size_t v = stack[--top];
        for (size_t c = t->first[v]; c < t->first[v + 1]; c++) {
          size_t kid = t->kids[c];
          if (!shares_subject(t, kid))
            continue;
          if (step(s, k, kid) != 0)
            return -1;
          if (top < sizeof stack / sizeof *stack)
            stack[top++] = kid;
        }
      }
    }
    return 0;
  }
  /* down: x's dependents by the edge; for a subject, those of the clause
   * x shares its subject with */
  for (size_t v = x, hops = 0;; hops++) {
    for (size_t c = t->first[v]; c < t->first[v + 1]; c++)
      if (rels_match(t, t->kids[c], &e->rels) &&
          step(s, k, t->kids[c]) != 0)
        return -1;
    if (!subject || !shares_subject(t, v) || t->w[v].head == 0 || hops > 8)
      return 0;
    v = t->w[v].head - 1;
  }
}

/* The path is matched: the slots' mentions to the sink. */
static int report(Search *s) {
  const DepRule *r = s->rule;
  const Tree *t = s->t;
  KgDepScratch *sc = s->scratch;
  size_t last = r->node_count - 1;
  long *list = sc->mentions;
  size_t n_first = 0, n_last = 0;
  const Node *a = &r->nodes[0], *b = &r->nodes[last];
  if (a->slot)
    collect(t, s->at[0], list, &n_first, 0);
  if (b->slot)
    collect(t, s->at[last], list + n_first, &n_last, 0);
  const Node *subject = a->slot == 'O' ? b : a;
  KgDepMatch m = {.relation = r->relation,
                  .rule = r->name,
                  .path = r->pattern,
                  .strength = r->strength,
                  .reciprocal = a->slot == 'G' || b->slot == 'G',
                  .trigger = s->at[r->trigger],
                  .first = s->at[0],
                  .last = s->at[last]};
  if (m.reciprocal) {
    m.subject_classes = a->slot == 'G' ? a->classes : b->classes;
    m.subjects = a->slot == 'G' ? list : list + n_first;
    m.subject_count = a->slot == 'G' ? n_first : n_last;
    if (m.subject_count < 2)
      return 0;
  } else {
    m.subject_classes = subject->classes;
    m.object_classes = (subject == a ? b : a)->classes;
    m.subjects = subject == a ? list : list + n_first;
    m.subject_count = subject == a ? n_first : n_last;
    m.objects = subject == a ? list + n_first : list;
    m.object_count = subject == a ? n_last : n_first;
    if (m.subject_count == 0 || m.object_count == 0)
      return 0;
  }
  return s->sink(s->ctx, &m);
}

static int try_node(Search *s, size_t k, size_t i) {
  const Node *node = &s->rule->nodes[k];
  if (!node->slot && !node_accepts(s->t, node, i))
    return 0;
  if (node->slot) {
    /* a slot's word must stand for a mention, itself or by its
     * conjuncts: collect's answer, into the scratch past the first end's */
    size_t count = 0;
    collect(s->t, i, s->scratch->mentions + 2 * s->t->n, &count, 0);
    if (count == 0)
      return 0;
  }
  s->at[k] = i;
  if (k + 1 == s->rule->node_count)
    return report(s);
  return follow(s, k + 1, i);
}

/* Builds t's dependents lists from the words' heads; 0, or -1. */
static int build_tree(Tree *t, const KgDepWord *w, size_t n) {
  t->w = w;
  t->n = n;
  t->first = calloc(n + 2, sizeof *t->first);
  t->kids = malloc((n ? n : 1) * sizeof *t->kids);
  if (!t->first || !t->kids)
    return -1;
  for (size_t i = 0; i < n; i++)
    if (w[i].head > 0 && w[i].head <= n)
      t->first[w[i].head]++; /* counts shifted by one: prefix sums next */
  for (size_t i = 1; i <= n; i++)
    t->first[i] += t->first[i - 1];
  size_t *fill = calloc(n + 1, sizeof *fill);
  if (!fill)
    return -1;
  for (size_t i = 0; i < n; i++)
    if (w[i].head > 0 && w[i].head <= n) {
      size_t h = w[i].head - 1;
      t->kids[t->first[h] + fill[h]++] = i;
    }
  free(fill);
  return 0;
}

int kg_dep_rules_match(const KgDepRules *rules, const KgDepWord *words,
                       size_t n, KgDepSink sink, void *ctx,
                       KgDepScratch *scratch) {
  Tree t = {0};
  /* each end's mentions (at most n each), and try_node's trial list */
  int rc = reserve((void **)&scratch->mentions, &scratch->mentions_cap,
                   3 * n + 1, sizeof *scratch->mentions) == 0 &&
                   build_tree(&t, words, n) == 0
               ? 0
               : -1;
  for (size_t r = 0; r < rules->count && rc == 0; r++) {
    if (!scratch->wanted[r])
      continue;
    Search s = {&rules->rules[r], &t, sink, ctx, scratch, {0}};
    for (size_t i = 0; i < n && rc == 0; i++)
      rc = try_node(&s, 0, i);
  }
  free(t.first);
  free(t.kids);
  return rc;
}
