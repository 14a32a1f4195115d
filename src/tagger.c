/* tagger.c - part-of-speech tagging.
 *
 * The features of word i (templates numbered below) are its folded form,
 * exact form, shape, first letter and last one to four letters; the folded
 * forms of the two words either side; the last three letters and shape of
 * the words beside it; the two tags before it, alone, together and with
 * the word.  The tag before is the tagger's own guess, in training too, so
 * that training sees the mistakes tagging will make.
 */
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model.h"
#include "perceptron.h"
#include "strmap.h"

enum { TAG_FEATURES = 48, MAX_TAGS = 1024 };
#define NO_TAG 0xFFFFu
#define NO_WORD 0x5bd1e995u

/* A tag dictionary entry: a word (exact form) and the tag it takes. */
#define DICT_MIN_COUNT 20
#define DICT_MIN_SHARE 0.97
/* A lexicon entry: a word seen often enough for its tags to say
 * something, with its most frequent tag and the set of those it takes at
 * least a tenth of the time (its ambiguity class), which the features of
 * it and of the words before it read: the tagger sees what the next words
 * may be. */
#define LEXICON_MIN_COUNT 5
#define LEXICON_MIN_SHARE 0.1

struct KgTaggerImpl {
  KgModel *model;
  const char **upos, **xpos;
  size_t n_tags;
  KgWeights weights;
  const KgWeightSlot *dict; ///< key: the exact form's hash; first: the tag
  size_t dict_mask;
  const KgWeightSlot *lexicon; ///< key: the exact form's hash; first: its
                               ///< most frequent tag; count: its class
  size_t lexicon_mask;
};

typedef struct {
  const KgWeightSlot *slots;
  size_t mask;
} Lexicon;

/* What the lexicon says of a word: its tag and class, or NO_TAG twice. */
static uint64_t lexicon_find(Lexicon lex, uint64_t key) {
  const KgWeightSlot *s = kg_slot_find(lex.slots, lex.mask, key);
  return s ? (uint64_t)s->count << 32 | s->first
           : (uint64_t)NO_TAG << 32 | NO_TAG;
}

/* What the lexicon says of word i of the n (NO_WORD past the end). */
static uint64_t lexicon_of(Lexicon lex, const KgWordKeys *k, size_t n,
                           size_t i) {
  return i < n ? lexicon_find(lex, k[i].form) : NO_WORD;
}

/* The templates that see the word and its neighbours only, not the tags
 * before it: kg_tagger_tag scores them for many words at once.  x[0..2] is
 * what the lexicon says of words i, i + 1 and i + 2. */
static size_t word_features(const KgWordKeys *k, size_t n, size_t i,
                            const uint64_t *x, uint64_t *f) {
  const KgWordKeys *w = &k[i];
  uint64_t x0 = x[0], x1 = x[1], x2 = x[2];
  uint64_t l1 = i >= 1 ? k[i - 1].lower : NO_WORD;
  uint64_t l2 = i >= 2 ? k[i - 2].lower : NO_WORD;
  uint64_t r1 = i + 1 < n ? k[i + 1].lower : NO_WORD;
  uint64_t r2 = i + 2 < n ? k[i + 2].lower : NO_WORD;
  uint64_t ls = i >= 1 ? k[i - 1].suffix[2] : NO_WORD;
  uint64_t rs = i + 1 < n ? k[i + 1].suffix[2] : NO_WORD;
  uint64_t lsh = i >= 1 ? k[i - 1].shape : NO_WORD;
  uint64_t rsh = i + 1 < n ? k[i + 1].shape : NO_WORD;
  size_t m = 0;
  f[m++] = kg_feature_mix(1, 0);
  f[m++] = kg_feature_mix(2, w->lower);
  f[m++] = kg_feature_mix(3, w->form);
  f[m++] = kg_feature_mix(4, w->shape);
  f[m++] = kg_feature_mix(5, w->prefix);
  for (uint64_t s = 0; s < KG_SUFFIXES; s++)
    f[m++] = kg_feature_mix(6 + s, w->suffix[s]);
  f[m++] = kg_feature_mix(10, l1);
  f[m++] = kg_feature_mix(11, l2);
  f[m++] = kg_feature_mix(12, r1);
  f[m++] = kg_feature_mix(13, r2);
  f[m++] = kg_feature_mix(14, ls);
  f[m++] = kg_feature_mix(15, rs);
  f[m++] = kg_feature_mix(16, lsh);
  f[m++] = kg_feature_mix(17, rsh);
  f[m++] = kg_feature_mix(kg_feature_mix(22, w->lower), r1);
  f[m++] = kg_feature_mix(kg_feature_mix(23, l1), w->lower);
  f[m++] = kg_feature_mix(kg_feature_mix(25, w->flags), i == 0);
  f[m++] = kg_feature_mix(27, x0);
  f[m++] = kg_feature_mix(28, x1);
  f[m++] = kg_feature_mix(29, x2);
  f[m++] = kg_feature_mix(kg_feature_mix(30, x1), x2);
  f[m++] = kg_feature_mix(kg_feature_mix(33, x0), x1);
  f[m++] = kg_feature_mix(34, w->prefix3);
  /* Word classes: the word's, its neighbours'. */
  uint64_t c1 = i >= 1 ? k[i - 1].cluster : NO_WORD;
  uint64_t c2 = i + 1 < n ? k[i + 1].cluster : NO_WORD;
  uint64_t c3 = i + 2 < n ? k[i + 2].cluster : NO_WORD;
  f[m++] = kg_feature_mix(35, w->cluster);
  f[m++] = kg_feature_mix(36, c1);
  f[m++] = kg_feature_mix(37, c2);
  f[m++] = kg_feature_mix(38, c3);
  f[m++] = kg_feature_mix(kg_feature_mix(40, w->cluster), c2);
  f[m++] = kg_feature_mix(kg_feature_mix(41, c1), w->cluster);
  return m;
}

/* The templates with the two tags before word i (p1 and p2); x as for
 * word_features. */
static size_t history_features(const KgWordKeys *k, size_t n, size_t i,
                               const uint64_t *x, uint32_t p1, uint32_t p2,
                               uint64_t *f) {
  const KgWordKeys *w = &k[i];
  uint64_t x0 = x[0], x1 = x[1];
  uint64_t r1 = i + 1 < n ? k[i + 1].lower : NO_WORD;
  size_t m = 0;
  f[m++] = kg_feature_mix(18, p1);
  f[m++] = kg_feature_mix(19, p2);
  f[m++] = kg_feature_mix(kg_feature_mix(20, p1), p2);
  f[m++] = kg_feature_mix(kg_feature_mix(21, p1), w->lower);
  f[m++] = kg_feature_mix(kg_feature_mix(24, p1), w->suffix[2]);
  f[m++] = kg_feature_mix(kg_feature_mix(26, p1), r1);
  f[m++] = kg_feature_mix(kg_feature_mix(31, p1), x1);
  f[m++] = kg_feature_mix(kg_feature_mix(32, p1), x0);
  f[m++] = kg_feature_mix(kg_feature_mix(39, p1), w->cluster);
  return m;
}

static size_t features(Lexicon lex, const KgWordKeys *k, size_t n, size_t i,
                       uint32_t p1, uint32_t p2, uint64_t *f) {
  uint64_t x[3] = {lexicon_of(lex, k, n, i), lexicon_of(lex, k, n, i + 1),
                   lexicon_of(lex, k, n, i + 2)};
  size_t m = word_features(k, n, i, x, f);
  return m + history_features(k, n, i, x, p1, p2, f + m);
}

static size_t best(const float *scores, size_t n) {
  size_t b = 0;
  for (size_t c = 1; c < n; c++)
    if (scores[c] > scores[b])
      b = c;
  return b;
}

static size_t dict_find(const KgWeightSlot *dict, size_t mask, uint64_t key) {
  const KgWeightSlot *s = kg_slot_find(dict, mask, key);
  return s ? s->first : NO_TAG;
}

/* --- tagging -------------------------------------------------------------- */

KgStatus kg_tagger_load(const char *path, KgTagger **out, KgError *err) {
  *out = NULL;
  KgTagger *t = calloc(1, sizeof *t);
  if (t == NULL)
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  KgStatus st = kg_model_open(path, "tagger", &t->model, err);
  size_t n_xpos = 0, n_dict = 0;
  if (st == KG_OK)
    st = kg_model_strings(t->model, "upos", &t->upos, &t->n_tags, err);
  if (st == KG_OK)
    st = kg_model_strings(t->model, "xpos", &t->xpos, &n_xpos, err);
  if (st == KG_OK && (n_xpos != t->n_tags || t->n_tags > MAX_TAGS))
    st = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                  "%zu UPOS tags and %zu XPOS tags", t->n_tags, n_xpos);
  if (st == KG_OK)
    st = kg_weights_load(t->model, "w", t->n_tags, &t->weights, err);
  if (st == KG_OK) {
    t->dict = kg_model_section(t->model, "tagdict", sizeof *t->dict, &n_dict,
                               err);
    if (t->dict == NULL)
      st = KG_ERR_PARSE;
    else if (n_dict == 0 || (n_dict & (n_dict - 1)) != 0)
      st = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "tagdict: not a power of two of slots");
    for (size_t i = 0; st == KG_OK && i < n_dict; i++)
      if (t->dict[i].key != 0 && t->dict[i].first >= t->n_tags)
        st = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                      "tagdict: a tag out of range");
    t->dict_mask = n_dict - 1;
  }
  if (st == KG_OK) {
    size_t n_lexicon = 0;
    t->lexicon = kg_model_section(t->model, "lexicon", sizeof *t->lexicon,
                                  &n_lexicon, err);
    if (t->lexicon == NULL)
      st = KG_ERR_PARSE;
    else if (n_lexicon != n_dict)
      st = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "lexicon: not as many slots as tagdict");
    for (size_t i = 0; st == KG_OK && i < n_lexicon; i++)
      if (t->lexicon[i].key != 0 && t->lexicon[i].first >= t->n_tags)
        st = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                      "lexicon: a tag out of range");
    t->lexicon_mask = n_lexicon - 1;
  }
  if (st != KG_OK) {
    kg_tagger_free(t);
    return st;
  }
  *out = t;
  return KG_OK;
}

void kg_tagger_free(KgTagger *t) {
  if (t == NULL)
    return;
  free(t->upos);
  free(t->xpos);
  kg_model_close(t->model);
  free(t);
}

size_t kg_tagger_tag_count(const KgTagger *t) { return t->n_tags; }

const char *kg_tagger_upos(const KgTagger *t, size_t tag) {
  return t->upos[tag];
}

const char *kg_tagger_xpos(const KgTagger *t, size_t tag) {
  return t->xpos[tag];
}

void kg_tagger_tag(const KgTagger *t, const KgWordKeys *keys, size_t n,
                   uint16_t *tags) {
  /* Words are taken CHUNK_FLOATS / stride at a time (at most CHUNK_WORDS):
   * the word_features of those the dictionary does not tag scored in one
   * call, then each word's history_features as its turn comes.  What the
   * lexicon says of each word is looked up once, into x. */
  enum { CHUNK_FLOATS = 4096, CHUNK_WORDS = 32 };
  float rows[CHUNK_FLOATS];
  uint64_t x[CHUNK_WORDS + 2];
  uint64_t f[CHUNK_WORDS * TAG_FEATURES];
  uint32_t at[CHUNK_WORDS * TAG_FEATURES];
  size_t stride = kg_weights_stride(t->n_tags);
  size_t chunk = CHUNK_FLOATS / stride;
  if (chunk > CHUNK_WORDS)
    chunk = CHUNK_WORDS;
  Lexicon lex = {t->lexicon, t->lexicon_mask};
  uint32_t p1 = NO_TAG, p2 = NO_TAG;
  for (size_t from = 0; from < n; from += chunk) {
    size_t to = n - from < chunk ? n : from + chunk, m = 0;
    for (size_t i = from; i < to + 2; i++)
      x[i - from] = lexicon_of(lex, keys, n, i);
    for (size_t i = from; i < to; i++) {
      tags[i] = (uint16_t)dict_find(t->dict, t->dict_mask, keys[i].form);
      if (tags[i] != NO_TAG)
        continue;
      for (size_t k = word_features(keys, n, i, x + (i - from), f + m); k > 0;
           k--)
        at[m++] = (uint32_t)(i - from);
    }
    memset(rows, 0, (to - from) * stride * sizeof *rows);
    kg_weights_score_at(&t->weights, f, at, m, rows);
    for (size_t i = from; i < to; i++) {
      if (tags[i] == NO_TAG) {
        float *scores = rows + (i - from) * stride;
        kg_weights_score(&t->weights, f,
                         history_features(keys, n, i, x + (i - from), p1,
                                          p2, f),
                         scores);
        tags[i] = (uint16_t)best(scores, t->n_tags);
      }
      p2 = p1;
      p1 = tags[i];
    }
  }
}

/* --- training ------------------------------------------------------------- */

/* The tag dictionary (words seen at least DICT_MIN_COUNT times, with one
 * tag at least DICT_MIN_SHARE of them) and the lexicon (see
 * LEXICON_MIN_COUNT), tables of n_slots slots each. */
static KgStatus build_dict(const KgTreebank *tb, const size_t *use, size_t n,
                           KgWeightSlot **out, KgWeightSlot **lexicon,
                           size_t *n_slots, const char *path, KgError *err) {
  KgStrMap *words = kg_strmap_new();
  uint32_t *counts = NULL;
  uint64_t *hashes = NULL;
  size_t n_words = 0, cap = 0;
  KgStatus st = KG_OK;
  if (words == NULL)
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  for (size_t s = 0; s < n && st == KG_OK; s++) {
    const KgTree *tree = &tb->trees[use ? use[s] : s];
    for (size_t i = 0; i < tree->n; i++) {
      const KgTreeWord *w = &tree->words[i];
      size_t id;
      int added = kg_strmap_add(words, w->form, w->len, n_words, &id);
      if (added == 1) {
        if (n_words == cap) {
          cap = cap ? 2 * cap : 1024;
          uint32_t *c = realloc(counts, cap * tb->n_tags * sizeof *c);
          uint64_t *h = c ? realloc(hashes, cap * sizeof *h) : NULL;
          if (c != NULL)
            counts = c;
          if (h == NULL) {
            st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
            break;
          }
          hashes = h;
        }
        memset(counts + n_words * tb->n_tags, 0,
               tb->n_tags * sizeof *counts);
        KgWordKeys k;
        kg_word_keys(w->form, w->len, NULL, &k);
        hashes[n_words] = k.form;
        id = n_words++;
      } else if (added < 0) {
        st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
        break;
      }
      counts[id * tb->n_tags + w->tag]++;
    }
  }
  size_t size = 1;
  while (size < 2 * n_words + 2)
    size *= 2;
  KgWeightSlot *slots = st == KG_OK ? calloc(size, sizeof *slots) : NULL;
  KgWeightSlot *lex = st == KG_OK ? calloc(size, sizeof *lex) : NULL;
  if (st == KG_OK && (slots == NULL || lex == NULL))
    st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  for (size_t id = 0; st == KG_OK && id < n_words; id++) {
    const uint32_t *c = counts + id * tb->n_tags;
    uint32_t total = 0, top = 0;
    for (size_t t = 0; t < tb->n_tags; t++) {
      total += c[t];
      if (c[t] > c[top])
        top = (uint32_t)t;
    }
    if (total >= LEXICON_MIN_COUNT) {
      uint32_t ambiguity = 2166136261u;
      for (uint32_t t = 0; t < tb->n_tags; t++)
        if (c[t] >= LEXICON_MIN_SHARE * total)
          ambiguity = (ambiguity ^ t) * 16777619u;
      kg_slot_put(lex, size - 1, hashes[id], top, ambiguity);
    }
    if (total >= DICT_MIN_COUNT && c[top] >= DICT_MIN_SHARE * total)
      kg_slot_put(slots, size - 1, hashes[id], top, 0);
  }
  kg_strmap_free(words);
  free(counts);
  free(hashes);
  *out = slots;
  *lexicon = lex;
  *n_slots = size;
  return st;
}

/* The order of one pass: a seeded shuffle (xorshift64*). */
static void shuffle(size_t *order, size_t n, uint64_t *state) {
  for (size_t i = n; i > 1; i--) {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    size_t j = (size_t)((*state * 0x2545F4914F6CDD1DULL) % i);
    size_t tmp = order[i - 1];
    order[i - 1] = order[j];
    order[j] = tmp;
  }
}

static KgStatus save(const KgTreebank *tb, const KgPerceptron *p,
                     const KgWeightSlot *dict, const KgWeightSlot *lexicon,
                     size_t n_dict, float min_weight, const char *path,
                     KgError *err) {
  KgModelWriter *w = kg_model_writer_new("tagger");
  char *upos = NULL, *xpos = NULL;
  size_t upos_len = 0, xpos_len = 0;
  for (size_t t = 0; t < tb->n_tags; t++) {
    upos_len += strlen(tb->upos[t]) + 1;
    xpos_len += strlen(tb->xpos[t]) + 1;
  }
  upos = malloc(upos_len + 1);
  xpos = malloc(xpos_len + 1);
  KgStatus st = KG_OK;
  if (w == NULL || upos == NULL || xpos == NULL)
    st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  else {
    char *u = upos, *x = xpos;
    for (size_t t = 0; t < tb->n_tags; t++) {
      u = stpcpy(u, tb->upos[t]) + 1;
      x = stpcpy(x, tb->xpos[t]) + 1;
    }
    if (kg_model_writer_add(w, "upos", upos, upos_len) != 0 ||
        kg_model_writer_add(w, "xpos", xpos, xpos_len) != 0 ||
        kg_model_writer_add(w, "tagdict", dict, n_dict * sizeof *dict) != 0 ||
        kg_model_writer_add(w, "lexicon", lexicon,
                            n_dict * sizeof *lexicon) != 0 ||
        kg_perceptron_save(p, w, "w", min_weight) != 0)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
    else
      st = kg_model_writer_save(w, path, err);
  }
  free(upos);
  free(xpos);
  kg_model_writer_free(w);
  return st;
}

KgStatus kg_tagger_train(const KgTreebank *tb, const size_t *use, size_t n,
                         const KgTrainOptions *opts, const char *path,
                         KgError *err) {
  if (use == NULL)
    n = tb->n;
  if (tb->n_tags > MAX_TAGS)
    return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "%zu tags, more than a tagger takes (%d)", tb->n_tags,
                    MAX_TAGS);
  KgWeightSlot *dict = NULL, *lexicon = NULL;
  size_t n_dict = 0;
  KgStatus st = build_dict(tb, use, n, &dict, &lexicon, &n_dict, path, err);
  Lexicon lex = {lexicon, n_dict - 1};
  if (st != KG_OK)
    return st;
  KgPerceptron *p = kg_perceptron_new(tb->n_tags);
  size_t *order = malloc((n ? n : 1) * sizeof *order);
  float *scores = malloc(tb->n_tags * sizeof *scores);
  KgWordKeys *keys = NULL;
  uint64_t f[TAG_FEATURES];
  if (p == NULL || order == NULL || scores == NULL)
    st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  for (size_t s = 0; s < n; s++)
    if (order != NULL)
      order[s] = use ? use[s] : s;
  uint64_t state = opts->seed | 1;
  size_t keys_cap = 0;
  for (unsigned epoch = 0; st == KG_OK && epoch < opts->epochs; epoch++) {
    shuffle(order, n, &state);
    for (size_t s = 0; st == KG_OK && s < n; s++) {
      const KgTree *tree = &tb->trees[order[s]];
      if (tree->n > keys_cap) {
        free(keys);
        keys_cap = tree->n;
        keys = malloc(keys_cap * sizeof *keys);
        if (keys == NULL) {
          st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
          break;
        }
      }
      for (size_t i = 0; i < tree->n; i++)
        kg_word_keys(tree->words[i].form, tree->words[i].len, opts->clusters,
                     &keys[i]);
      uint32_t p1 = NO_TAG, p2 = NO_TAG;
      for (size_t i = 0; i < tree->n; i++) {
        size_t guess = dict_find(dict, n_dict - 1, keys[i].form);
        if (guess == NO_TAG) {
          size_t m = features(lex, keys, tree->n, i, p1, p2, f);
          kg_perceptron_score(p, f, m, scores);
          guess = best(scores, tb->n_tags);
          if (kg_perceptron_update(p, f, m, tree->words[i].tag, guess) != 0)
            st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
        }
        p2 = p1;
        p1 = (uint32_t)guess;
      }
    }
  }
  if (st == KG_OK)
    st = save(tb, p, dict, lexicon, n_dict, opts->min_weight, path, err);
  free(keys);
  free(order);
  free(scores);
  free(dict);
  free(lexicon);
  kg_perceptron_free(p);
  return st;
}
