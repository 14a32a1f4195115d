/* parser.c - labelled dependency parsing, arc-hybrid.
 *
 * Words are numbered 1..n, 0 is the root.  A state is a stack (the root at
 * its bottom), the buffer (words b..n) and the arcs built.  Transitions:
 *
 *     SHIFT     push the buffer's first word b
 *     LEFT-l    s0 <-l- b: the stack's top becomes b's dependent; pop
 *     RIGHT-l   s1 -l-> s0: the top becomes the next one's dependent; pop
 *
 * The root takes its one dependent, labelled root, by the last RIGHT, when
 * the buffer is empty and the stack holds the root and one word; no other
 * arc is labelled root.  Class 0 is SHIFT, 1 + l is LEFT-l and 1 + L + l is
 * RIGHT-l for L labels.
 *
 * The dynamic oracle: a transition's cost is the number of gold arcs it
 * makes unreachable (Goldberg and Nivre 2013, arc-hybrid), plus one when it
 * builds a gold arc with the wrong label.  For a non-projective gold tree
 * some gold arcs are out of reach from the start; the oracle then takes
 * the transitions of least cost.
 */
#include "parser.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model.h"
#include "perceptron.h"

enum { MAX_FEATURES = 112, MAX_LABELS = 255 };
enum { SHIFT = 0 };
#define NONE UINT32_MAX
#define ROOT_WORD 0x2f6b1c3du
#define NO_WORD 0x5bd1e995u
#define ROOT_TAG 0xFFFEu
#define NO_TAG 0xFFFFu
#define NO_LABEL 0xFFFFu

struct KgParserImpl {
  KgModel *model;
  const char **labels;
  size_t n_labels, root_label;
  const char **upos, **xpos; ///< the tags the parser was trained with
  size_t n_tags;
  KgWeights weights;
};

/* What the state knows of a word (index 0: the root). */
typedef struct {
  uint32_t head;
  uint16_t label;
  uint32_t left[2];  ///< leftmost and second leftmost dependents, or NONE
  uint32_t right[2]; ///< rightmost and second rightmost, or NONE
  uint8_t n_left, n_right;
  uint64_t left_labels, right_labels; ///< sets of the dependents' labels
} Node;

struct KgParserStateImpl {
  Node *nodes;      ///< n + 1
  uint32_t *stack;  ///< the root at stack[0]
  size_t depth;     ///< words on the stack
  size_t b;         ///< the buffer's first word (n + 1 when empty)
  size_t n;         ///< words
  size_t cap;       ///< nodes and stack allocated
  uint32_t *commas; ///< commas[i]: the commas among words 1..i
  float *roles;     ///< role_scores: N_ROLES rows of n + 2, when parsing
  size_t roles_cap; ///< floats allocated
  uint64_t *role_features; ///< role_scores' features, and the row of each
  uint32_t *role_at;
  size_t role_features_cap;
  float *pairs;      ///< row 0: a step's scores; row 1 + d: stack_features
                     ///< of the word at stack[d], when pair_of[d] is it
  uint32_t *pair_of; ///< n + 1, when parsing
  size_t pairs_cap;  ///< rows allocated
  const KgWordKeys *keys;
  const uint16_t *tags;
};

KgParserState *kg_parser_state_new(void) {
  return calloc(1, sizeof(KgParserState));
}

void kg_parser_state_free(KgParserState *s) {
  if (s == NULL)
    return;
  free(s->nodes);
  free(s->stack);
  free(s->commas);
  free(s->roles);
  free(s->role_features);
  free(s->role_at);
  free(s->pairs);
  free(s->pair_of);
  free(s);
}

static int state_start(KgParserState *s, const KgWordKeys *keys,
                       const uint16_t *tags, size_t n) {
  if (n + 1 > s->cap) {
    size_t cap = n + 1 > 2 * s->cap ? n + 1 : 2 * s->cap;
    Node *nodes = realloc(s->nodes, cap * sizeof *nodes);
    if (nodes == NULL)
      return -1;
    s->nodes = nodes;
    uint32_t *stack = realloc(s->stack, cap * sizeof *stack);
    if (stack == NULL)
      return -1;
    s->stack = stack;
    uint32_t *commas = realloc(s->commas, cap * sizeof *commas);
    if (commas == NULL)
      return -1;
    s->commas = commas;
    s->cap = cap;
  }
  KgWordKeys comma;
  kg_word_keys(",", 1, NULL, &comma);
  s->commas[0] = 0;
  for (size_t i = 1; i <= n; i++)
    s->commas[i] = s->commas[i - 1] + (keys[i - 1].lower == comma.lower);
  for (size_t i = 0; i <= n; i++) {
    Node *d = &s->nodes[i];
    d->head = NONE;
    d->label = NO_LABEL;
    d->left[0] = d->left[1] = d->right[0] = d->right[1] = NONE;
    d->n_left = d->n_right = 0;
    d->left_labels = d->right_labels = 0;
  }
  s->stack[0] = 0;
  s->depth = 1;
  s->b = 1;
  s->n = n;
  s->keys = keys;
  s->tags = tags;
  return 0;
}

static void add_arc(KgParserState *s, uint32_t head, uint32_t dep,
                    uint16_t label) {
  Node *h = &s->nodes[head];
  s->nodes[dep].head = head;
  s->nodes[dep].label = label;
  uint64_t bit = 1ULL << (label & 63);
  if (dep < head) {
    if (h->left[0] == NONE || dep < h->left[0]) {
      h->left[1] = h->left[0];
      h->left[0] = dep;
    } else if (h->left[1] == NONE || dep < h->left[1])
      h->left[1] = dep;
    h->n_left = (uint8_t)(h->n_left < 255 ? h->n_left + 1 : 255);
    h->left_labels |= bit;
  } else {
    if (h->right[0] == NONE || dep > h->right[0]) {
      h->right[1] = h->right[0];
      h->right[0] = dep;
    } else if (h->right[1] == NONE || dep > h->right[1])
      h->right[1] = dep;
    h->n_right = (uint8_t)(h->n_right < 255 ? h->n_right + 1 : 255);
    h->right_labels |= bit;
  }
}

static int is_terminal(const KgParserState *s) {
  return s->b > s->n && s->depth == 1;
}

/* Whether class c may be taken now. */
static int is_valid(const KgParserState *s, size_t c, size_t n_labels,
                    size_t root_label) {
  if (c == SHIFT)
    return s->b <= s->n;
  if (s->depth < 2)
    return 0;
  size_t label = (c - 1) % n_labels;
  if (c <= n_labels) /* LEFT */
    return s->b <= s->n && label != root_label;
  if (s->stack[s->depth - 2] == 0) /* RIGHT onto the root */
    return s->b > s->n && label == root_label;
  return label != root_label;
}

static void apply(KgParserState *s, size_t c, size_t n_labels) {
  if (c == SHIFT) {
    s->stack[s->depth++] = (uint32_t)s->b++;
    return;
  }
  uint32_t s0 = s->stack[--s->depth];
  uint16_t label = (uint16_t)((c - 1) % n_labels);
  if (c <= n_labels)
    add_arc(s, (uint32_t)s->b, s0, label);
  else
    add_arc(s, s->stack[s->depth - 1], s0, label);
}

/* --- features ------------------------------------------------------------- */

/* The k-th word from the top of the stack (0: s0), or NONE. */
static uint32_t stack_word(const KgParserState *s, size_t k) {
  return s->depth > k ? s->stack[s->depth - 1 - k] : NONE;
}

/* The k-th word of the buffer (0: b0), or NONE. */
static uint32_t buffer_word(const KgParserState *s, size_t k) {
  return s->b + k <= s->n ? (uint32_t)(s->b + k) : NONE;
}

static uint64_t word_of(const KgParserState *s, uint32_t i) {
  if (i == NONE)
    return NO_WORD;
  return i == 0 ? ROOT_WORD : s->keys[i - 1].lower;
}

static uint64_t tag_of(const KgParserState *s, uint32_t i) {
  if (i == NONE)
    return NO_TAG;
  return i == 0 ? ROOT_TAG : s->tags[i - 1];
}

static uint64_t class_of(const KgParserState *s, uint32_t i) {
  if (i == NONE)
    return NO_WORD;
  return i == 0 ? ROOT_WORD : s->keys[i - 1].cluster;
}

static uint64_t label_of(const KgParserState *s, uint32_t i) {
  return i == NONE ? NO_LABEL : s->nodes[i].label;
}

static inline uint64_t mix2(uint64_t t, uint64_t a, uint64_t b) {
  return kg_feature_mix(kg_feature_mix(t, a), b);
}

static inline uint64_t mix3(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return kg_feature_mix(mix2(t, a, b), c);
}

static inline uint64_t mix4(uint64_t t, uint64_t a, uint64_t b, uint64_t c,
                     uint64_t d) {
  return kg_feature_mix(mix3(t, a, b, c), d);
}

/* The templates of Zhang and Nivre (2011), as the arc-hybrid system's
 * stack and buffer hold them.  A template's number is hashed into its
 * features and so is part of the model: numbers are never reused.  Seven
 * were left out (18, 19, 41, 45, 47, 54, 76: pairings of s0 and b0 that
 * others cover), which on EWT dev cost nothing (LAS 0.8196 without them,
 * 0.8184 with) and made parsing about a seventh faster.
 *
 * Those over one word alone, by the place it holds (s0, s1, or b0 with
 * the two words after it), are word_features: a parse adds them up once
 * a word (role_scores), not once a transition.  Those over the top three
 * words of the stack are stack_features, added up once a push; the rest,
 * which see the arcs built or the stack and buffer together, are
 * state_features. */

enum { AS_S0, AS_S1, AS_B0, N_ROLES };
enum { ROLES_FEATURES = 24 }; /* word_features of the three roles together */

static size_t word_features(const KgParserState *s, int role, uint32_t i,
                            uint64_t *f) {
  uint64_t w = word_of(s, i), t = tag_of(s, i), c = class_of(s, i);
  uint64_t wt = kg_feature_mix(w, t);
  size_t m = 0;
  if (role == AS_S0) {
    f[m++] = kg_feature_mix(1, w);
    f[m++] = kg_feature_mix(2, t);
    f[m++] = kg_feature_mix(3, wt);
    f[m++] = kg_feature_mix(72, c);
    return m;
  }
  if (role == AS_S1) {
    f[m++] = kg_feature_mix(4, w);
    f[m++] = kg_feature_mix(5, t);
    f[m++] = kg_feature_mix(6, wt);
    f[m++] = kg_feature_mix(73, c);
    return m;
  }
  uint32_t b1 = i != NONE && i + 1 <= s->n ? i + 1 : NONE;
  uint32_t b2 = i != NONE && i + 2 <= s->n ? i + 2 : NONE;
  uint64_t b1w = word_of(s, b1), b1t = tag_of(s, b1);
  uint64_t shape = i != NONE ? s->keys[i - 1].shape : NO_WORD;
  uint64_t suffix = i != NONE ? s->keys[i - 1].suffix[2] : NO_WORD;
  f[m++] = kg_feature_mix(7, w);
  f[m++] = kg_feature_mix(8, t);
  f[m++] = kg_feature_mix(9, wt);
  f[m++] = kg_feature_mix(10, b1w);
  f[m++] = kg_feature_mix(11, b1t);
  f[m++] = kg_feature_mix(12, kg_feature_mix(b1w, b1t));
  f[m++] = kg_feature_mix(13, word_of(s, b2));
  f[m++] = kg_feature_mix(14, tag_of(s, b2));
  f[m++] = kg_feature_mix(15, shape);
  f[m++] = kg_feature_mix(16, suffix);
  f[m++] = mix2(22, t, b1t);
  f[m++] = mix2(28, w, b1w);
  f[m++] = mix3(29, t, b1t, tag_of(s, b2));
  f[m++] = kg_feature_mix(74, c);
  f[m++] = kg_feature_mix(75, class_of(s, b1));
  f[m++] = mix2(81, c, b1t);
  return m;
}

/* The templates over the top of the stack and the two words under it,
 * which stay as they are while that word is on top (the stack under it
 * does not change then): a parse scores them once a push (pair_row). */
static size_t stack_features(const KgParserState *s, uint64_t *f) {
  uint32_t s0 = stack_word(s, 0);
  uint32_t s1 = stack_word(s, 1);
  uint32_t s2 = stack_word(s, 2);
  uint64_t s0w = word_of(s, s0), s0t = tag_of(s, s0), s0c = class_of(s, s0);
  uint64_t s1w = word_of(s, s1), s1t = tag_of(s, s1), s1c = class_of(s, s1);
  /* The distance from s1 to s0, and whether a comma stands between them. */
  uint64_t dist10 = 0, comma_s1s0 = 0;
  if (s1 != NONE && s0 != NONE && s1 != 0) {
    uint32_t d = s0 - s1;
    dist10 = d <= 5 ? d : d <= 10 ? 6 : 7;
    comma_s1s0 = s->commas[s0 - 1] > s->commas[s1];
  }
  size_t m = 0;
  f[m++] = mix2(23, s1t, s0t);
  f[m++] = mix2(24, s1w, s0w);
  f[m++] = mix2(25, kg_feature_mix(s1w, s1t), s0t);
  f[m++] = mix2(26, s1t, kg_feature_mix(s0w, s0t));
  f[m++] = mix3(32, tag_of(s, s2), s1t, s0t);
  f[m++] = mix3(46, s1t, s0t, dist10);
  f[m++] = mix3(49, s1t, s0t, comma_s1s0);
  f[m++] = mix2(79, s1c, s0c);
  f[m++] = mix2(80, s1t, s0c);
  return m;
}

static size_t state_features(const KgParserState *s, uint64_t *f) {
  uint32_t s0 = stack_word(s, 0);
  uint32_t s1 = stack_word(s, 1);
  uint32_t b0 = buffer_word(s, 0);
  uint32_t b1 = buffer_word(s, 1);
  const Node *n0 = s0 != NONE ? &s->nodes[s0] : NULL;
  const Node *n1 = s1 != NONE ? &s->nodes[s1] : NULL;
  const Node *nb = b0 != NONE ? &s->nodes[b0] : NULL;
  uint32_t s0l1 = n0 ? n0->left[0] : NONE, s0l2 = n0 ? n0->left[1] : NONE;
  uint32_t s0r1 = n0 ? n0->right[0] : NONE, s0r2 = n0 ? n0->right[1] : NONE;
  uint32_t s1l1 = n1 ? n1->left[0] : NONE, s1r1 = n1 ? n1->right[0] : NONE;
  uint32_t b0l1 = nb ? nb->left[0] : NONE, b0l2 = nb ? nb->left[1] : NONE;

  uint64_t s0w = word_of(s, s0), s0t = tag_of(s, s0);
  uint64_t s1t = tag_of(s, s1);
  uint64_t b0w = word_of(s, b0), b0t = tag_of(s, b0);
  uint64_t b1t = tag_of(s, b1);
  uint64_t s0wt = kg_feature_mix(s0w, s0t);
  uint64_t b0wt = kg_feature_mix(b0w, b0t);
  uint64_t s0l1t = tag_of(s, s0l1), s0l2t = tag_of(s, s0l2);
  uint64_t s0r1t = tag_of(s, s0r1);
  uint64_t s1l1t = tag_of(s, s1l1), s1r1t = tag_of(s, s1r1);
  uint64_t b0l1t = tag_of(s, b0l1), b0l2t = tag_of(s, b0l2);

  /* The distance from s0 to b0, in buckets past 5. */
  uint64_t dist = 0;
  if (s0 != NONE && b0 != NONE) {
    uint32_t d = b0 - s0;
    dist = d <= 5 ? d : d <= 10 ? 6 : 7;
  }
  /* Whether a comma stands between s0 and b0: appositions, conjuncts and
   * clauses are set off by them. */
  uint64_t comma_s0b0 = s0 != NONE && b0 != NONE &&
                        s->commas[b0 - 1] > s->commas[s0];
  uint64_t s0nl = n0 ? n0->n_left : 0, s0nr = n0 ? n0->n_right : 0;
  uint64_t b0nl = nb ? nb->n_left : 0;
  uint64_t s0ll = n0 ? n0->left_labels : 0, s0rl = n0 ? n0->right_labels : 0;
  uint64_t b0ll = nb ? nb->left_labels : 0;
  uint64_t s0c = class_of(s, s0), b0c = class_of(s, b0);

  size_t m = 0;
  /* Pairs. */
  f[m++] = mix2(17, s0wt, b0wt);
  f[m++] = mix2(20, s0w, b0w);
  f[m++] = mix2(21, s0t, b0t);
  f[m++] = mix2(27, s1t, b0t);
  /* Triples of tags. */
  f[m++] = mix3(30, s0t, b0t, b1t);
  f[m++] = mix3(31, s1t, s0t, b0t);
  f[m++] = mix3(33, s0t, s0l1t, b0t);
  f[m++] = mix3(34, s0t, s0r1t, b0t);
  f[m++] = mix3(35, s0t, b0t, b0l1t);
  f[m++] = mix3(36, s1t, s1r1t, s0t);
  f[m++] = mix3(37, s1t, s1l1t, s0t);
  f[m++] = mix3(38, s1t, s0t, s0l1t);
  f[m++] = mix3(39, s1t, s0t, s0r1t);
  f[m++] = mix4(40, s0t, s0l1t, s0l2t, b0t);
  f[m++] = mix3(42, b0t, b0l1t, b0l2t);
  /* Distance. */
  f[m++] = mix2(43, s0t, dist);
  f[m++] = mix2(44, b0t, dist);
  f[m++] = mix3(48, s0w, b0t, comma_s0b0);
  /* Valency. */
  f[m++] = mix2(50, s0w, s0nr);
  f[m++] = mix2(51, s0t, s0nr);
  f[m++] = mix2(52, s0w, s0nl);
  f[m++] = mix2(53, s0t, s0nl);
  f[m++] = mix2(55, b0t, b0nl);
  /* The dependents built so far: words, tags and labels. */
  f[m++] = kg_feature_mix(56, word_of(s, s0l1));
  f[m++] = kg_feature_mix(57, s0l1t);
  f[m++] = kg_feature_mix(58, label_of(s, s0l1));
  f[m++] = kg_feature_mix(59, word_of(s, s0r1));
  f[m++] = kg_feature_mix(60, s0r1t);
  f[m++] = kg_feature_mix(61, label_of(s, s0r1));
  f[m++] = kg_feature_mix(62, label_of(s, s0l2));
  f[m++] = kg_feature_mix(63, label_of(s, s0r2));
  f[m++] = kg_feature_mix(64, word_of(s, b0l1));
  f[m++] = kg_feature_mix(65, b0l1t);
  f[m++] = kg_feature_mix(66, label_of(s, b0l1));
  f[m++] = kg_feature_mix(67, label_of(s, b0l2));
  f[m++] = kg_feature_mix(68, label_of(s, s1r1));
  f[m++] = mix3(69, s0t, label_of(s, s0l1), label_of(s, s0l2));
  f[m++] = mix3(70, s0t, label_of(s, s0r1), label_of(s, s0r2));
  f[m++] = mix3(71, b0t, label_of(s, b0l1), label_of(s, b0l2));
  /* Word classes. */
  f[m++] = mix2(77, s0c, b0t);
  f[m++] = mix2(78, s0t, b0c);
  f[m++] = mix3(82, s0c, b0c, dist);
  /* Label sets. */
  f[m++] = mix2(83, s0t, s0rl);
  f[m++] = mix2(84, s0t, s0ll);
  f[m++] = mix2(85, b0t, b0ll);
  return m;
}

/* Every template of state s (for training, which scores each state whole). */
static size_t features(const KgParserState *s, uint64_t *f) {
  uint32_t s0 = stack_word(s, 0);
  uint32_t s1 = stack_word(s, 1);
  uint32_t b0 = buffer_word(s, 0);
  size_t m = word_features(s, AS_S0, s0, f);
  m += word_features(s, AS_S1, s1, f + m);
  m += word_features(s, AS_B0, b0, f + m);
  m += stack_features(s, f + m);
  return m + state_features(s, f + m);
}

/* --- prediction ----------------------------------------------------------- */

/* The best-scoring class that may be taken now (one always may until the
 * state is terminal): is_valid, class range by class range. */
static size_t best_valid(const KgParserState *s, const float *scores,
                         size_t n_labels, size_t root_label) {
  int shift = s->b <= s->n, arcs = s->depth >= 2;
  int left = arcs && shift;
  int onto_root = arcs && s->stack[s->depth - 2] == 0;
  size_t b = SIZE_MAX;
  if (shift)
    b = SHIFT;
  for (size_t l = 0; left && l < n_labels; l++)
    if (l != root_label && (b == SIZE_MAX || scores[1 + l] > scores[b]))
      b = 1 + l;
  for (size_t l = 0; arcs && l < n_labels; l++) {
    size_t c = 1 + n_labels + l;
    int right = onto_root ? !shift && l == root_label : l != root_label;
    if (right && (b == SIZE_MAX || scores[c] > scores[b]))
      b = c;
  }
  return b;
}

KgStatus kg_parser_load(const char *path, KgParser **out, KgError *err) {
  *out = NULL;
  KgParser *p = calloc(1, sizeof *p);
  if (p == NULL)
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  KgStatus st = kg_model_open(path, "parser", &p->model, err);
  size_t n_xpos = 0;
  if (st == KG_OK)
    st = kg_model_strings(p->model, "labels", &p->labels, &p->n_labels, err);
  if (st == KG_OK)
    st = kg_model_strings(p->model, "upos", &p->upos, &p->n_tags, err);
  if (st == KG_OK)
    st = kg_model_strings(p->model, "xpos", &p->xpos, &n_xpos, err);
  if (st == KG_OK && (n_xpos != p->n_tags || p->n_labels > MAX_LABELS))
    st = kg_error(err, KG_ERR_PARSE, path, 0, -1, "malformed tag or label list");
  p->root_label = p->n_labels;
  for (size_t l = 0; st == KG_OK && l < p->n_labels; l++)
    if (strcmp(p->labels[l], "root") == 0)
      p->root_label = l;
  if (st == KG_OK && p->root_label == p->n_labels)
    st = kg_error(err, KG_ERR_PARSE, path, 0, -1, "no root label");
  if (st == KG_OK)
    st = kg_weights_load(p->model, "w", 1 + 2 * p->n_labels, &p->weights, err);
  if (st != KG_OK) {
    kg_parser_free(p);
    return st;
  }
  *out = p;
  return KG_OK;
}

void kg_parser_free(KgParser *p) {
  if (p == NULL)
    return;
  free(p->labels);
  free(p->upos);
  free(p->xpos);
  kg_model_close(p->model);
  free(p);
}

const char *kg_parser_label(const KgParser *p, size_t label) {
  return p->labels[label];
}

int kg_parser_tags_match(const KgParser *p, const KgTagger *t) {
  if (kg_tagger_tag_count(t) != p->n_tags)
    return 0;
  for (size_t i = 0; i < p->n_tags; i++)
    if (strcmp(p->upos[i], kg_tagger_upos(t, i)) != 0 ||
        strcmp(p->xpos[i], kg_tagger_xpos(t, i)) != 0)
      return 0;
  return 1;
}

/* The class state s must take, when only one may be taken: SHIFT from
 * the root alone, the root's RIGHT at the end; else SIZE_MAX. */
static size_t forced(const KgParserState *s, size_t n_labels,
                     size_t root_label) {
  if (s->depth < 2)
    return SHIFT;
  if (s->b > s->n && s->depth == 2)
    return 1 + n_labels + root_label;
  return SIZE_MAX;
}

/* The row of role_scores for word i (0..n, NONE for none) in a role. */
static size_t role_index(const KgParserState *s, int role, uint32_t i) {
  return (size_t)role * (s->n + 2) + (i == NONE ? s->n + 1 : i);
}

static float *role_row(const KgParserState *s, int role, uint32_t i,
                       size_t stride) {
  return s->roles + role_index(s, role, i) * stride;
}

/* Each word's word_features added up in each role it may hold: the root
 * and words 1..n as s0 and s1, words 1..n and the empty buffer as b0; all
 * scored in one call. */
static int role_scores(const KgParser *p, KgParserState *s, size_t stride) {
  size_t need = N_ROLES * (s->n + 2) * stride;
  if (need > s->roles_cap) {
    float *roles = realloc(s->roles, need * sizeof *roles);
    if (roles == NULL)
      return -1;
    s->roles = roles;
    s->roles_cap = need;
  }
  size_t most = (s->n + 2) * ROLES_FEATURES;
  if (most > s->role_features_cap) {
    uint64_t *f = realloc(s->role_features, most * sizeof *f);
    if (f != NULL)
      s->role_features = f;
    uint32_t *at = realloc(s->role_at, most * sizeof *at);
    if (f == NULL || at == NULL)
      return -1;
    s->role_at = at;
    s->role_features_cap = most;
  }
  size_t m = 0;
  for (uint32_t i = 0; i <= s->n + 1; i++) {
    uint32_t word = i <= s->n ? i : NONE;
    for (int role = 0; role < N_ROLES; role++) {
      if (role == AS_B0 ? word == 0 : word == NONE)
        continue;
      size_t k = word_features(s, role, word, s->role_features + m);
      for (uint32_t row = (uint32_t)role_index(s, role, word); k > 0; k--)
        s->role_at[m++] = row;
    }
  }
  memset(s->roles, 0, need * sizeof *s->roles);
  kg_weights_score_at(&p->weights, s->role_features, s->role_at, m, s->roles);
  return 0;
}

/* Makes room for the rows of pairs and marks them all unscored. */
static int pairs_start(KgParserState *s, size_t stride) {
  size_t rows = s->n + 2;
  if (rows > s->pairs_cap) {
    float *pairs = realloc(s->pairs, rows * stride * sizeof *pairs);
    if (pairs != NULL)
      s->pairs = pairs;
    uint32_t *of = realloc(s->pair_of, rows * sizeof *of);
    if (pairs == NULL || of == NULL)
      return -1;
    s->pair_of = of;
    s->pairs_cap = rows;
  }
  for (size_t d = 0; d + 1 < rows; d++)
    s->pair_of[d] = NONE;
  return 0;
}

/* Scores state s into scores: its state_features, the stack_features of
 * its top (scored in the same call when that word was just pushed) and
 * the role rows of s0, s1 and b0. */
static void score_state(const KgParser *p, KgParserState *s, size_t stride,
                        float *scores) {
  uint64_t f[MAX_FEATURES];
  uint32_t at[MAX_FEATURES];
  size_t d = s->depth - 1, m = state_features(s, f);
  memset(at, 0, m * sizeof *at);
  float *pair = s->pairs + (1 + d) * stride;
  if (s->pair_of[d] != s->stack[d]) {
    s->pair_of[d] = s->stack[d];
    memset(pair, 0, stride * sizeof *pair);
    for (size_t k = stack_features(s, f + m); k > 0; k--)
      at[m++] = (uint32_t)(1 + d);
  }
  memset(s->pairs, 0, stride * sizeof *s->pairs);
  kg_weights_score_at(&p->weights, f, at, m, s->pairs);
  uint32_t b0 = buffer_word(s, 0);
  const float *s0 = role_row(s, AS_S0, s->stack[d], stride);
  const float *s1 = role_row(s, AS_S1, s->stack[d - 1], stride);
  const float *b = role_row(s, AS_B0, b0, stride);
  /* Sums of 16-bit weights: exact in a float in any order. */
  for (size_t k = 0; k < stride; k++)
    scores[k] = s->pairs[k] + pair[k] + s0[k] + s1[k] + b[k];
}

int kg_parser_parse(const KgParser *p, KgParserState *s,
                    const KgWordKeys *keys, const uint16_t *tags, size_t n,
                    uint32_t *heads, uint16_t *labels) {
  size_t stride = kg_weights_stride(1 + 2 * p->n_labels);
  if (state_start(s, keys, tags, n) != 0 || role_scores(p, s, stride) != 0 ||
      pairs_start(s, stride) != 0)
    return -1;
  float scores[2 * MAX_LABELS + 2]; /* the stride of 1 + 2 * MAX_LABELS */
  while (!is_terminal(s)) {
    size_t c = forced(s, p->n_labels, p->root_label);
    if (c == SIZE_MAX) {
      score_state(p, s, stride, scores);
      c = best_valid(s, scores, p->n_labels, p->root_label);
    }
    apply(s, c, p->n_labels);
  }
  for (size_t i = 0; i < n; i++) {
    heads[i] = s->nodes[i + 1].head;
    labels[i] = s->nodes[i + 1].label;
  }
  return 0;
}

/* --- training ------------------------------------------------------------- */

/* The cost of each valid class from state s towards the gold tree (heads
 * and labels of words 1..n at index 1..n): costs[c], or SIZE_MAX for an
 * invalid class.  Returns the least cost. */
static size_t oracle(const KgParserState *s, const uint32_t *gold_head,
                     const uint16_t *gold_label, size_t n_labels,
                     size_t root_label, size_t *costs) {
  size_t n_classes = 1 + 2 * n_labels;
  size_t shift = 0, left = 0, right = 0;
  uint32_t s0 = s->stack[s->depth - 1];
  uint32_t s1 = stack_word(s, 1);
  size_t b = s->b;
  if (b <= s->n) {
    /* SHIFT loses b's head or dependents on the stack (but s0 as head). */
    for (size_t k = 0; k < s->depth; k++) {
      uint32_t w = s->stack[k];
      if (w != s0 && gold_head[b] == w)
        shift++;
      if (w != 0 && gold_head[w] == b)
        shift++;
    }
  }
  if (s0 != 0) {
    /* LEFT and RIGHT both lose s0's dependents still in the buffer. */
    size_t deps = 0;
    for (size_t k = b; k <= s->n; k++)
      deps += gold_head[k] == s0;
    left = right = deps;
    /* LEFT loses s0's head at s1 or in the buffer past b. */
    if (gold_head[s0] == s1)
      left++;
    for (size_t k = b + 1; k <= s->n; k++)
      left += gold_head[s0] == k;
    /* RIGHT loses s0's head in the buffer. */
    for (size_t k = b; k <= s->n; k++)
      right += gold_head[s0] == k;
  }
  size_t least = SIZE_MAX;
  for (size_t c = 0; c < n_classes; c++) {
    if (!is_valid(s, c, n_labels, root_label)) {
      costs[c] = SIZE_MAX;
      continue;
    }
    if (c == SHIFT)
      costs[c] = shift;
    else {
      size_t label = (c - 1) % n_labels;
      int is_left = c <= n_labels;
      uint32_t head = is_left ? (uint32_t)b : s1;
      costs[c] = (is_left ? left : right) +
                 (gold_head[s0] == head && gold_label[s0] != label);
    }
    if (costs[c] < least)
      least = costs[c];
  }
  return least;
}

static uint64_t next_random(uint64_t *state) {
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * 0x2545F4914F6CDD1DULL;
}

static KgStatus save(const KgTreebank *tb, const KgPerceptron *perceptron,
                     const char *path, float min_weight, KgError *err) {
  KgModelWriter *w = kg_model_writer_new("parser");
  size_t sizes[3] = {0, 0, 0};
  char **lists[3] = {tb->labels, tb->upos, tb->xpos};
  size_t counts[3] = {tb->n_labels, tb->n_tags, tb->n_tags};
  const char *names[3] = {"labels", "upos", "xpos"};
  KgStatus st = w == NULL ? KG_ERR_NOMEM : KG_OK;
  for (size_t k = 0; st == KG_OK && k < 3; k++) {
    for (size_t i = 0; i < counts[k]; i++)
      sizes[k] += strlen(lists[k][i]) + 1;
    char *buf = malloc(sizes[k] + 1), *at = buf;
    if (buf == NULL) {
      st = KG_ERR_NOMEM;
      break;
    }
    for (size_t i = 0; i < counts[k]; i++)
      at = stpcpy(at, lists[k][i]) + 1;
    if (kg_model_writer_add(w, names[k], buf, sizes[k]) != 0)
      st = KG_ERR_NOMEM;
    free(buf);
  }
  if (st == KG_OK && kg_perceptron_save(perceptron, w, "w", min_weight) != 0)
    st = KG_ERR_NOMEM;
  if (st == KG_OK)
    st = kg_model_writer_save(w, path, err);
  else
    kg_error(err, st, path, 0, -1, "out of memory");
  kg_model_writer_free(w);
  return st;
}

KgStatus kg_parser_train(const KgTreebank *tb, const uint16_t *tags,
                         const KgTrainOptions *opts, const char *path,
                         KgError *err) {
  size_t root_label = tb->n_labels;
  for (size_t l = 0; l < tb->n_labels; l++)
    if (strcmp(tb->labels[l], "root") == 0)
      root_label = l;
  if (root_label == tb->n_labels || tb->n_labels > MAX_LABELS)
    return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "the treebank needs a root label and at most %d labels",
                    MAX_LABELS);
  size_t n_classes = 1 + 2 * tb->n_labels, longest = 0;
  size_t *first_word = malloc((tb->n + 1) * sizeof *first_word);
  for (size_t i = 0, at = 0; first_word != NULL && i <= tb->n; i++) {
    first_word[i] = at;
    if (i < tb->n) {
      at += tb->trees[i].n;
      if (tb->trees[i].n > longest)
        longest = tb->trees[i].n;
    }
  }
  KgPerceptron *perceptron = kg_perceptron_new(n_classes);
  KgParserState *s = kg_parser_state_new();
  float *scores = malloc(n_classes * sizeof *scores);
  size_t *costs = malloc(n_classes * sizeof *costs);
  size_t *order = malloc((tb->n ? tb->n : 1) * sizeof *order);
  KgWordKeys *keys = malloc((longest + 1) * sizeof *keys);
  uint32_t *gold_head = malloc((longest + 1) * sizeof *gold_head);
  uint16_t *gold_label = malloc((longest + 1) * sizeof *gold_label);
  KgStatus st = KG_OK;
  if (first_word == NULL || perceptron == NULL || s == NULL ||
      scores == NULL || costs == NULL || order == NULL || keys == NULL ||
      gold_head == NULL || gold_label == NULL)
    st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  for (size_t i = 0; order != NULL && i < tb->n; i++)
    order[i] = i;
  uint64_t random = opts->seed | 1;
  uint64_t f[MAX_FEATURES];
  for (unsigned epoch = 0; st == KG_OK && epoch < opts->epochs; epoch++) {
    for (size_t i = tb->n; i > 1; i--) {
      size_t j = (size_t)(next_random(&random) % i), tmp = order[i - 1];
      order[i - 1] = order[j];
      order[j] = tmp;
    }
    for (size_t k = 0; st == KG_OK && k < tb->n; k++) {
      const KgTree *tree = &tb->trees[order[k]];
      for (size_t i = 0; i < tree->n; i++) {
        kg_word_keys(tree->words[i].form, tree->words[i].len, opts->clusters,
                     &keys[i]);
        gold_head[i + 1] = tree->words[i].head;
        gold_label[i + 1] = (uint16_t)tree->words[i].label;
      }
      gold_head[0] = NONE;
      if (state_start(s, keys, tags + first_word[order[k]], tree->n) != 0) {
        st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
        break;
      }
      while (!is_terminal(s)) {
        size_t m = features(s, f);
        kg_perceptron_score(perceptron, f, m, scores);
        size_t guess = best_valid(s, scores, tb->n_labels, root_label);
        size_t least = oracle(s, gold_head, gold_label, tb->n_labels,
                              root_label, costs);
        size_t truth = n_classes;
        for (size_t c = 0; c < n_classes; c++)
          if (costs[c] == least && (truth == n_classes || scores[c] > scores[truth]))
            truth = c;
        if (costs[guess] == least)
          truth = guess;
        if (kg_perceptron_update(perceptron, f, m, truth, guess) != 0) {
          st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
          break;
        }
        /* Error exploration: after the first pass, follow the mistake
         * nine times in ten. */
        int explore = epoch > 0 && next_random(&random) % 10 != 0;
        apply(s, explore ? guess : truth, tb->n_labels);
      }
    }
  }
  if (st == KG_OK)
    st = save(tb, perceptron, path, opts->min_weight, err);
  free(first_word);
  kg_perceptron_free(perceptron);
  kg_parser_state_free(s);
  free(scores);
  free(costs);
  free(order);
  free(keys);
  free(gold_head);
  free(gold_label);
  return st;
}
