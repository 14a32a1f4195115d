/* clusters.c - word classes learned from plain text, by exchange.
 *
 * Training reads the text's words (folded as kg_word_keys folds them),
 * keeps those seen min_count times or more, numbered by falling frequency,
 * and counts the bigrams within sentences that join two of them.  Word i
 * starts in class i % classes.  A pass moves each word in turn to the
 * class that most raises
 *
 *     sum N(c,d) log N(c,d) - sum N(c,.) log N(c,.) - sum N(.,d) log N(.,d)
 *
 * (the log-likelihood of the class bigram model, but for terms no move
 * changes), where N(c,d) counts the bigrams of a word of class c followed
 * by one of class d.  A word's bigrams with itself are left out, so that
 * the counts it moves are always those of other words.  Ties keep a word
 * where it is, then go to the lower class, so the classes depend only on
 * the text.
 */
#include "clusters.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model.h"
#include "perceptron.h"
#include "wordkeys.h"

#define SENTENCE_END UINT32_MAX

struct KgClustersImpl {
  KgModel *model;
  const KgWeightSlot *slots; ///< key: the folded form's hash; first: class
  size_t mask;
};

KgStatus kg_clusters_load(const char *path, KgClusters **out, KgError *err) {
  *out = NULL;
  KgClusters *c = calloc(1, sizeof *c);
  if (c == NULL)
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  size_t n = 0, n_count = 0;
  KgStatus st = kg_model_open(path, "clusters", &c->model, err);
  const uint32_t *count = NULL;
  if (st == KG_OK) {
    c->slots = kg_model_section(c->model, "words", sizeof *c->slots, &n, err);
    count = kg_model_section(c->model, "classes", sizeof *count, &n_count,
                             err);
    if (c->slots == NULL || count == NULL)
      st = KG_ERR_PARSE;
    else if (n == 0 || (n & (n - 1)) != 0 || n_count != 1)
      st = kg_error(err, KG_ERR_PARSE, path, 0, -1, "malformed tables");
  }
  for (size_t i = 0; st == KG_OK && i < n; i++)
    if (c->slots[i].key != 0 && c->slots[i].first >= *count)
      st = kg_error(err, KG_ERR_PARSE, path, 0, -1, "a class out of range");
  size_t empty = 0; /* a probe ends at an empty slot: there must be one */
  for (size_t i = 0; st == KG_OK && i < n; i++)
    empty += c->slots[i].key == 0;
  if (st == KG_OK && empty == 0)
    st = kg_error(err, KG_ERR_PARSE, path, 0, -1, "no empty slot");
  if (st != KG_OK) {
    kg_clusters_free(c);
    return st;
  }
  c->mask = n - 1;
  *out = c;
  return KG_OK;
}

void kg_clusters_free(KgClusters *c) {
  if (c == NULL)
    return;
  kg_model_close(c->model);
  free(c);
}

uint32_t kg_clusters_find(const KgClusters *c, uint64_t lower) {
  /* keyed as training keyed it */
  const KgWeightSlot *s = kg_slot_find(c->slots, c->mask, lower | 1);
  return s ? s->first : KG_NO_CLUSTER;
}

/* --- training ------------------------------------------------------------- */

/* The words of the text: a table from folded-form hash to number, with
 * each word's count, and the text as word numbers (SENTENCE_END between
 * sentences). */
typedef struct {
  uint64_t *keys; ///< the table: 0 is an empty slot
  uint32_t *ids;
  size_t mask;
  uint64_t *words; ///< word id -> key
  size_t *counts;  ///< word id -> count
  size_t n_words, words_cap;
  uint32_t *text;
  size_t n_text, text_cap;
} Corpus;

static int corpus_grow_table(Corpus *c) {
  size_t size = c->mask ? 2 * (c->mask + 1) : 1u << 16;
  uint64_t *keys = calloc(size, sizeof *keys);
  uint32_t *ids = malloc(size * sizeof *ids);
  if (keys == NULL || ids == NULL) {
    free(keys);
    free(ids);
    return -1;
  }
  for (size_t w = 0; w < c->n_words; w++) {
    size_t i = (size_t)(c->words[w] >> 20) & (size - 1);
    while (keys[i] != 0)
      i = (i + 1) & (size - 1);
    keys[i] = c->words[w];
    ids[i] = (uint32_t)w;
  }
  free(c->keys);
  free(c->ids);
  c->keys = keys;
  c->ids = ids;
  c->mask = size - 1;
  return 0;
}

static int corpus_add(Corpus *c, uint32_t id) {
  if (c->n_text == c->text_cap) {
    size_t cap = c->text_cap ? 2 * c->text_cap : 1u << 16;
    uint32_t *text = realloc(c->text, cap * sizeof *text);
    if (text == NULL)
      return -1;
    c->text = text;
    c->text_cap = cap;
  }
  c->text[c->n_text++] = id;
  return 0;
}

static int corpus_word(Corpus *c, const char *form, size_t len) {
  KgWordKeys k;
  kg_word_keys(form, len, NULL, &k);
  uint64_t key = k.lower | 1;
  if (c->mask == 0 || 2 * (c->n_words + 1) > c->mask + 1)
    if (corpus_grow_table(c) != 0)
      return -1;
  size_t i = (size_t)(key >> 20) & c->mask;
  while (c->keys[i] != 0 && c->keys[i] != key)
    i = (i + 1) & c->mask;
  if (c->keys[i] == 0) {
    if (c->n_words == c->words_cap) {
      size_t cap = c->words_cap ? 2 * c->words_cap : 1u << 14;
      uint64_t *words = realloc(c->words, cap * sizeof *words);
      if (words == NULL)
        return -1;
      c->words = words;
      size_t *counts = realloc(c->counts, cap * sizeof *counts);
      if (counts == NULL)
        return -1;
      c->counts = counts;
      c->words_cap = cap;
    }
    c->keys[i] = key;
    c->ids[i] = (uint32_t)c->n_words;
    c->words[c->n_words] = key;
    c->counts[c->n_words++] = 0;
  }
  c->counts[c->ids[i]]++;
  return corpus_add(c, c->ids[i]);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Adds the words of the file at path to c. */
static KgStatus corpus_read(Corpus *c, const char *path, KgError *err) {
  FILE *in = fopen(path, "r");
  if (in == NULL)
    return kg_error(err, KG_ERR_IO, path, 0, -1, "cannot open: %s",
                    strerror(errno));
  int conllu = ends_with(path, ".conllu");
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  KgStatus st = KG_OK;
  while (st == KG_OK && (len = getline(&line, &cap, in)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = '\0';
    int ok;
    if (len == 0)
      ok = c->n_text == 0 || c->text[c->n_text - 1] == SENTENCE_END ||
           corpus_add(c, SENTENCE_END) == 0;
    else if (conllu) {
      /* A word: an ID of digits only, then the FORM. */
      char *tab = strchr(line, '\t');
      size_t id = strspn(line, "0123456789");
      if (tab == NULL || line[0] == '#' || id == 0 || line + id != tab)
        continue;
      char *form = tab + 1, *end = strchr(form, '\t');
      ok = corpus_word(c, form, end ? (size_t)(end - form) : strlen(form)) ==
           0;
    } else {
      char *tab = strchr(line, '\t');
      ok = corpus_word(c, line, tab ? (size_t)(tab - line) : (size_t)len) ==
           0;
    }
    if (!ok)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  if (st == KG_OK && ferror(in))
    st = kg_error(err, KG_ERR_IO, path, 0, -1, "read error");
  if (st == KG_OK && c->n_text > 0 && c->text[c->n_text - 1] != SENTENCE_END &&
      corpus_add(c, SENTENCE_END) != 0)
    st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  free(line);
  fclose(in);
  return st;
}

static void corpus_release(Corpus *c) {
  free(c->keys);
  free(c->ids);
  free(c->words);
  free(c->counts);
  free(c->text);
}

/* Word ids in order of falling count (ties: by key). */
static const Corpus *sorting;
static int by_count(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  if (sorting->counts[x] != sorting->counts[y])
    return sorting->counts[x] > sorting->counts[y] ? -1 : 1;
  return (sorting->words[x] > sorting->words[y]) -
         (sorting->words[x] < sorting->words[y]);
}

static int by_pair(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* A word's neighbours: for word w, next[first[w] .. first[w + 1]) with
 * their counts. */
typedef struct {
  size_t *first;
  uint32_t *next;
  uint32_t *count;
} Neighbours;

/* The neighbours of each of v words from pairs (w << 32 | next), sorted. */
static int neighbours_of(uint64_t *pairs, size_t n, size_t v, Neighbours *out) {
  qsort(pairs, n, sizeof *pairs, by_pair);
  out->first = calloc(v + 1, sizeof *out->first);
  out->next = malloc((n ? n : 1) * sizeof *out->next);
  out->count = malloc((n ? n : 1) * sizeof *out->count);
  if (out->first == NULL || out->next == NULL || out->count == NULL)
    return -1;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (m > 0 && i > 0 && pairs[i] == pairs[i - 1]) {
      out->count[m - 1]++;
      continue;
    }
    out->next[m] = (uint32_t)pairs[i];
    out->count[m] = 1;
    out->first[(pairs[i] >> 32) + 1]++;
    m++;
  }
  for (size_t w = 0; w < v; w++)
    out->first[w + 1] += out->first[w];
  return 0;
}

static void neighbours_release(Neighbours *n) {
  free(n->first);
  free(n->next);
  free(n->count);
}

/* x log x, from a table for the counts up to its size. */
typedef struct {
  double *table;
  size_t size;
} XLogX;

static double xlogx(const XLogX *f, int64_t x) {
  if (x <= 0)
    return 0;
  if ((size_t)x < f->size)
    return f->table[x];
  return (double)x * log((double)x);
}

/* The exchange passes over v words with neighbours right and left (word
 * ids ranked by count), class[] set on entry and on return. */
static KgStatus exchange(size_t v, size_t classes, const Neighbours *right,
                         const Neighbours *left, const XLogX *f,
                         const KgClustersOptions *opts, uint32_t *class_of,
                         const char *path, KgError *err) {
  int64_t *pairs = calloc(classes * classes, sizeof *pairs);
  int64_t *lefts = calloc(classes, sizeof *lefts);
  int64_t *rights = calloc(classes, sizeof *rights);
  int64_t *r = calloc(classes, sizeof *r), *l = calloc(classes, sizeof *l);
  uint32_t *rs = malloc(classes * sizeof *rs), *ls = malloc(classes * sizeof *ls);
  if (pairs == NULL || lefts == NULL || rights == NULL || r == NULL ||
      l == NULL || rs == NULL || ls == NULL) {
    free(pairs), free(lefts), free(rights), free(r), free(l), free(rs),
        free(ls);
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  for (size_t w = 0; w < v; w++)
    for (size_t k = right->first[w]; k < right->first[w + 1]; k++) {
      uint32_t c = class_of[w], d = class_of[right->next[k]];
      pairs[c * classes + d] += right->count[k];
      lefts[c] += right->count[k];
      rights[d] += right->count[k];
    }
  for (unsigned pass = 0; pass < opts->passes; pass++) {
    size_t moves = 0;
    for (size_t w = 0; w < v; w++) {
      /* The classes w's bigrams join it to, right and left. */
      size_t nr = 0, nl = 0;
      int64_t as_left = 0, as_right = 0;
      for (size_t k = right->first[w]; k < right->first[w + 1]; k++) {
        uint32_t d = class_of[right->next[k]];
        if (r[d] == 0)
          rs[nr++] = d;
        r[d] += right->count[k];
        as_left += right->count[k];
      }
      for (size_t k = left->first[w]; k < left->first[w + 1]; k++) {
        uint32_t c = class_of[left->next[k]];
        if (l[c] == 0)
          ls[nl++] = c;
        l[c] += left->count[k];
        as_right += left->count[k];
      }
      uint32_t a = class_of[w];
      for (size_t k = 0; k < nr; k++)
        pairs[a * classes + rs[k]] -= r[rs[k]];
      for (size_t k = 0; k < nl; k++)
        pairs[ls[k] * classes + a] -= l[ls[k]];
      lefts[a] -= as_left;
      rights[a] -= as_right;
      /* The gain of putting w in class b. */
      uint32_t best = a;
      double best_gain = -INFINITY;
      for (uint32_t b = 0; b < classes; b++) {
        double gain = 0;
        const int64_t *row = pairs + (size_t)b * classes;
        for (size_t k = 0; k < nr; k++)
          gain += xlogx(f, row[rs[k]] + r[rs[k]]) - xlogx(f, row[rs[k]]);
        for (size_t k = 0; k < nl; k++) {
          int64_t n = pairs[ls[k] * classes + b];
          gain += xlogx(f, n + l[ls[k]]) - xlogx(f, n);
        }
        if (r[b] > 0 && l[b] > 0) { /* N(b,b) takes both */
          int64_t n = row[b];
          gain += xlogx(f, n + r[b] + l[b]) - xlogx(f, n + r[b]) -
                  xlogx(f, n + l[b]) + xlogx(f, n);
        }
        gain -= xlogx(f, lefts[b] + as_left) - xlogx(f, lefts[b]);
        gain -= xlogx(f, rights[b] + as_right) - xlogx(f, rights[b]);
        if (gain > best_gain + 1e-9 || (b == a && gain >= best_gain - 1e-9)) {
          best_gain = gain;
          best = b;
        }
      }
      for (size_t k = 0; k < nr; k++)
        pairs[best * classes + rs[k]] += r[rs[k]];
      for (size_t k = 0; k < nl; k++)
        pairs[ls[k] * classes + best] += l[ls[k]];
      lefts[best] += as_left;
      rights[best] += as_right;
      moves += best != a;
      class_of[w] = best;
      for (size_t k = 0; k < nr; k++)
        r[rs[k]] = 0;
      for (size_t k = 0; k < nl; k++)
        l[ls[k]] = 0;
    }
    if (opts->log)
      fprintf(opts->log, "clusters: pass %u: %zu of %zu words moved\n",
              pass + 1, moves, v);
    if (moves * 1000 < v)
      break;
  }
  free(pairs), free(lefts), free(rights), free(r), free(l), free(rs),
      free(ls);
  return KG_OK;
}

KgStatus kg_clusters_train(const char *const *files, size_t n,
                           const KgClustersOptions *opts, const char *path,
                           KgError *err) {
  Corpus corpus;
  memset(&corpus, 0, sizeof corpus);
  KgStatus st = KG_OK;
  for (size_t i = 0; st == KG_OK && i < n; i++)
    st = corpus_read(&corpus, files[i], err);
  /* The kept words, numbered by falling count. */
  uint32_t *order = NULL, *rank = NULL, *class_of = NULL;
  uint64_t *forward = NULL, *backward = NULL;
  Neighbours right = {0}, left = {0};
  XLogX f = {NULL, 0};
  size_t v = 0, n_pairs = 0;
  if (st == KG_OK) {
    order = malloc((corpus.n_words + 1) * sizeof *order);
    rank = malloc((corpus.n_words + 1) * sizeof *rank);
    if (order == NULL || rank == NULL)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  if (st == KG_OK) {
    for (size_t w = 0; w < corpus.n_words; w++)
      order[w] = (uint32_t)w;
    sorting = &corpus;
    qsort(order, corpus.n_words, sizeof *order, by_count);
    for (size_t i = 0; i < corpus.n_words; i++) {
      int kept = corpus.counts[order[i]] >= opts->min_count;
      rank[order[i]] = kept ? (uint32_t)v++ : SENTENCE_END;
    }
    forward = malloc((corpus.n_text ? corpus.n_text : 1) * sizeof *forward);
    backward = malloc((corpus.n_text ? corpus.n_text : 1) * sizeof *backward);
    class_of = malloc((v ? v : 1) * sizeof *class_of);
    f.size = corpus.n_text + 1;
    f.table = malloc(f.size * sizeof *f.table);
    if (forward == NULL || backward == NULL || class_of == NULL ||
        f.table == NULL)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  if (st == KG_OK) {
    for (size_t i = 0; i + 1 < corpus.n_text; i++) {
      uint32_t a = corpus.text[i], b = corpus.text[i + 1];
      if (a == SENTENCE_END || b == SENTENCE_END)
        continue;
      a = rank[a];
      b = rank[b];
      if (a == SENTENCE_END || b == SENTENCE_END || a == b)
        continue;
      forward[n_pairs] = (uint64_t)a << 32 | b;
      backward[n_pairs++] = (uint64_t)b << 32 | a;
    }
    for (size_t x = 0; x < f.size; x++)
      f.table[x] = x ? (double)x * log((double)x) : 0;
    for (size_t w = 0; w < v; w++)
      class_of[w] = (uint32_t)(w % opts->classes);
    if (neighbours_of(forward, n_pairs, v, &right) != 0 ||
        neighbours_of(backward, n_pairs, v, &left) != 0)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  if (st == KG_OK && opts->log)
    fprintf(opts->log,
            "clusters: %zu words of text, %zu kept of %zu words, %zu "
            "classes\n",
            corpus.n_text, v, corpus.n_words, opts->classes);
  if (st == KG_OK)
    st = exchange(v, opts->classes, &right, &left, &f, opts, class_of, path,
                  err);
  /* The table a word's folded form finds its class in. */
  if (st == KG_OK) {
    size_t size = 1;
    while (size < 2 * v + 2)
      size *= 2;
    KgWeightSlot *slots = calloc(size, sizeof *slots);
    KgModelWriter *w = kg_model_writer_new("clusters");
    uint32_t count = (uint32_t)opts->classes;
    if (slots == NULL || w == NULL)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
    for (size_t i = 0; st == KG_OK && i < corpus.n_words; i++) {
      uint32_t word = order[i];
      if (rank[word] == SENTENCE_END)
        continue;
      kg_slot_put(slots, size - 1, corpus.words[word], class_of[rank[word]],
                  0);
    }
    if (st == KG_OK &&
        (kg_model_writer_add(w, "words", slots, size * sizeof *slots) != 0 ||
         kg_model_writer_add(w, "classes", &count, sizeof count) != 0))
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
    if (st == KG_OK)
      st = kg_model_writer_save(w, path, err);
    free(slots);
    kg_model_writer_free(w);
  }
  free(order);
  free(rank);
  free(class_of);
  free(forward);
  free(backward);
  free(f.table);
  neighbours_release(&right);
  neighbours_release(&left);
  corpus_release(&corpus);
  return st;
}
