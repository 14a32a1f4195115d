/* perceptron.c - averaged perceptron over hashed features.
 *
 * Training rows live in an open-addressing table keyed by the feature's
 * hash, grown at half load; a row is a small array of entries, one per
 * class, searched linearly (a feature rarely has more than a dozen).
 * Saving averages every weight, drops the negligible ones, and writes the
 * rows in key order into a table of its own, so that the model's bytes do
 * not depend on the order features were first met.
 */
#include "perceptron.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

/* --- prediction ----------------------------------------------------------- */

/* A key's home slot of n: its bits 1..32 scaled to [0, n) (Lemire's
 * multiply-shift), so that a table may have any size. */
static size_t slot_of(uint64_t key, size_t n) {
  return (size_t)(((key >> 1) & 0xFFFFFFFFu) * (uint64_t)n >> 32);
}

static uint32_t check_of(uint64_t key) { return (uint32_t)(key >> 32) | 1; }

KgStatus kg_weights_load(const KgModel *m, const char *prefix,
                         size_t n_classes, KgWeights *out, KgError *err) {
  char name[32];
  size_t n_slots, n_entries, n_dense;
  size_t stride = kg_weights_stride(n_classes);
  snprintf(name, sizeof name, "%s.slots", prefix);
  const KgRowSlot *slots =
      kg_model_section(m, name, sizeof *slots, &n_slots, err);
  if (slots == NULL)
    return KG_ERR_PARSE;
  snprintf(name, sizeof name, "%s.weights", prefix);
  const KgWeightEntry *entries =
      kg_model_section(m, name, sizeof *entries, &n_entries, err);
  if (entries == NULL)
    return KG_ERR_PARSE;
  snprintf(name, sizeof name, "%s.dense", prefix);
  const int16_t *dense =
      kg_model_section(m, name, stride * sizeof *dense, &n_dense, err);
  if (dense == NULL)
    return KG_ERR_PARSE;
  const char *path = kg_model_path(m);
  /* A probe ends at an empty slot: there must be one.  The loops below
   * have no branch, so that the compiler makes them vector code: they read
   * every byte of the model at each load. */
  size_t empty = 0, out_of_bounds = 0;
  for (size_t i = 0; i < n_slots; i++) {
    size_t first = slots[i].first, used = slots[i].check != 0;
    size_t row = first & ~(size_t)KG_ROW_DENSE;
    size_t rows = first & KG_ROW_DENSE ? n_dense : n_entries;
    empty += !used;
    out_of_bounds |= used & (row >= rows);
  }
  if (out_of_bounds)
    return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "%s: a row out of bounds", prefix);
  if (empty == 0)
    return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "%s.slots: no empty slot", prefix);
  /* Every sparse row ends inside the entries: the last entry ends one. */
  if (n_entries > 0 && !(entries[n_entries - 1].cls & KG_ENTRY_LAST))
    return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "%s: the last row has no end", prefix);
  unsigned most = 0; /* the greatest class of an entry */
  for (size_t i = 0; i < n_entries; i++) {
    unsigned cls = entries[i].cls & ~KG_ENTRY_LAST;
    most = cls > most ? cls : most;
  }
  if (n_entries > 0 && most >= n_classes)
    return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                    "%s: a weight of no class", prefix);
  out->slots = slots;
  out->n_slots = n_slots;
  out->entries = entries;
  out->dense = dense;
  out->n_classes = n_classes;
  return KG_OK;
}

/* scores[0..stride) += row[0..stride), eight at a time, in the compiler's
 * vectors: one 8-float addition under AVX2, two without. */
typedef int16_t Int16x8 __attribute__((vector_size(16)));
typedef int32_t Int32x8 __attribute__((vector_size(32)));
typedef float Floatx8 __attribute__((vector_size(32)));

static inline void add_dense(float *restrict scores,
                             const int16_t *restrict row, size_t stride) {
  for (size_t c = 0; c < stride; c += 8) {
    Int16x8 w;
    Floatx8 sum;
    memcpy(&w, row + c, sizeof w);
    memcpy(&sum, scores + c, sizeof sum);
    sum += __builtin_convertvector(__builtin_convertvector(w, Int32x8),
                                   Floatx8);
    memcpy(scores + c, &sum, sizeof sum);
  }
}

/* Built twice where the compiler can, for AVX2 and for any x86-64, the
 * better one chosen when the program loads: the dense rows' additions take
 * half the instructions with AVX2's 8-float vectors.  Feature f adds to
 * scores + at[f] * stride, or to scores when at is NULL. */
#if defined(__GNUC__) && defined(__x86_64__) && defined(__ELF__)
__attribute__((target_clones("avx2", "default")))
#endif
static void score(const KgWeights *w, const uint64_t *features,
                  const uint32_t *at, size_t n, float *scores) {
  /* Three passes, so that the cache misses of a pass overlap: find the
   * features' slots, then their rows, then add the rows up. */
  enum { BATCH = 128 };
  size_t slot[BATCH], stride = kg_weights_stride(w->n_classes);
  for (size_t done = 0; done < n; done += BATCH) {
    size_t m = n - done < BATCH ? n - done : BATCH;
    const uint64_t *keys = features + done;
    for (size_t f = 0; f < m; f++) {
      slot[f] = slot_of(keys[f], w->n_slots);
      __builtin_prefetch(&w->slots[slot[f]]);
    }
    for (size_t f = 0; f < m; f++) {
      uint32_t check = check_of(keys[f]);
      size_t i = slot[f];
      while (w->slots[i].check != check && w->slots[i].check != 0)
        i = i + 1 == w->n_slots ? 0 : i + 1;
      slot[f] = i;
      uint32_t first = w->slots[i].first;
      if (first & KG_ROW_DENSE)
        __builtin_prefetch(&w->dense[(first & ~KG_ROW_DENSE) * stride]);
      else
        __builtin_prefetch(&w->entries[first]);
    }
    for (size_t f = 0; f < m; f++) {
      const KgRowSlot *s = &w->slots[slot[f]];
      if (s->check == 0)
        continue;
      float *to = at != NULL ? scores + at[done + f] * stride : scores;
      if (s->first & KG_ROW_DENSE) {
        add_dense(to, w->dense + (s->first & ~KG_ROW_DENSE) * stride, stride);
        continue;
      }
      for (const KgWeightEntry *e = w->entries + s->first;; e++) {
        to[e->cls & ~KG_ENTRY_LAST] += e->weight;
        if (e->cls & KG_ENTRY_LAST)
          break;
      }
    }
  }
}

void kg_weights_score(const KgWeights *w, const uint64_t *features, size_t n,
                      float *scores) {
  score(w, features, NULL, n, scores);
}

void kg_weights_score_at(const KgWeights *w, const uint64_t *features,
                         const uint32_t *at, size_t n, float *scores) {
  score(w, features, at, n, scores);
}

/* --- training ------------------------------------------------------------- */

typedef struct {
  uint32_t cls;
  uint32_t stamp; ///< the update count when weight last changed
  double weight;
  double total; ///< the sum of weight over the updates before stamp
} TrainEntry;

typedef struct {
  uint64_t key; ///< 0: an empty slot
  uint32_t n, cap;
  TrainEntry *entries;
} TrainRow;

struct KgPerceptronImpl {
  size_t n_classes;
  TrainRow *rows; ///< the table
  size_t mask;    ///< its size minus one
  size_t used;
  uint32_t time; ///< examples seen
};

KgPerceptron *kg_perceptron_new(size_t n_classes) {
  KgPerceptron *p = calloc(1, sizeof *p);
  if (p == NULL)
    return NULL;
  p->n_classes = n_classes;
  p->mask = (1u << 16) - 1;
  p->rows = calloc(p->mask + 1, sizeof *p->rows);
  if (p->rows == NULL) {
    free(p);
    return NULL;
  }
  return p;
}

void kg_perceptron_free(KgPerceptron *p) {
  if (p == NULL)
    return;
  for (size_t i = 0; i <= p->mask; i++)
    free(p->rows[i].entries);
  free(p->rows);
  free(p);
}

static const TrainRow *find_row(const KgPerceptron *p, uint64_t key) {
  size_t i = (size_t)(key >> 20) & p->mask;
  while (p->rows[i].key != key) {
    if (p->rows[i].key == 0)
      return NULL;
    i = (i + 1) & p->mask;
  }
  return &p->rows[i];
}

void kg_perceptron_score(const KgPerceptron *p, const uint64_t *features,
                         size_t n, float *scores) {
  memset(scores, 0, p->n_classes * sizeof *scores);
  for (size_t f = 0; f < n; f++) {
    const TrainRow *r = find_row(p, features[f]);
    if (r == NULL)
      continue;
    for (uint32_t k = 0; k < r->n; k++)
      scores[r->entries[k].cls] += (float)r->entries[k].weight;
  }
}

static int grow_table(KgPerceptron *p) {
  size_t size = (p->mask + 1) * 2;
  TrainRow *rows = calloc(size, sizeof *rows);
  if (rows == NULL)
    return -1;
  for (size_t i = 0; i <= p->mask; i++) {
    if (p->rows[i].key == 0)
      continue;
    size_t j = (size_t)(p->rows[i].key >> 20) & (size - 1);
    while (rows[j].key != 0)
      j = (j + 1) & (size - 1);
    rows[j] = p->rows[i];
  }
  free(p->rows);
  p->rows = rows;
  p->mask = size - 1;
  return 0;
}

static TrainRow *add_row(KgPerceptron *p, uint64_t key) {
  if (2 * (p->used + 1) > p->mask + 1 && grow_table(p) != 0)
    return NULL;
  size_t i = (size_t)(key >> 20) & p->mask;
  while (p->rows[i].key != key) {
    if (p->rows[i].key == 0) {
      p->rows[i].key = key;
      p->used++;
      break;
    }
    i = (i + 1) & p->mask;
  }
  return &p->rows[i];
}

static int nudge(KgPerceptron *p, TrainRow *r, uint32_t cls, double delta) {
  TrainEntry *e = NULL;
  for (uint32_t k = 0; k < r->n; k++)
    if (r->entries[k].cls == cls)
      e = &r->entries[k];
  if (e == NULL) {
    if (r->n == r->cap) {
      uint32_t cap = r->cap ? 2 * r->cap : 2;
      TrainEntry *grown = realloc(r->entries, cap * sizeof *grown);
      if (grown == NULL)
        return -1;
      r->entries = grown;
      r->cap = cap;
    }
    e = &r->entries[r->n++];
    memset(e, 0, sizeof *e);
    e->cls = cls;
    e->stamp = p->time;
  }
  e->total += (double)(p->time - e->stamp) * e->weight;
  e->stamp = p->time;
  e->weight += delta;
  return 0;
}

int kg_perceptron_update(KgPerceptron *p, const uint64_t *features, size_t n,
                         size_t truth, size_t guess) {
  p->time++;
  if (truth == guess)
    return 0;
  for (size_t f = 0; f < n; f++) {
    TrainRow *r = add_row(p, features[f]);
    if (r == NULL || nudge(p, r, (uint32_t)truth, 1.0) != 0 ||
        nudge(p, r, (uint32_t)guess, -1.0) != 0)
      return -1;
  }
  return 0;
}

static int by_key(const void *a, const void *b) {
  uint64_t x = ((const TrainRow *)a)->key, y = ((const TrainRow *)b)->key;
  return (x > y) - (x < y);
}

static int by_class(const void *a, const void *b) {
  const KgWeightEntry *x = a, *y = b;
  return (x->cls > y->cls) - (x->cls < y->cls);
}

/* A weight averaged over every update of training. */
static double average(const KgPerceptron *p, const TrainEntry *e) {
  double time = p->time ? p->time : 1;
  return (e->total + (double)(p->time - e->stamp) * e->weight) / time;
}

int kg_perceptron_save(const KgPerceptron *p, KgModelWriter *w,
                       const char *prefix, float min_weight) {
  TrainRow *rows = malloc((p->used ? p->used : 1) * sizeof *rows);
  size_t n_rows = 0, n_entries = 0;
  double largest = 0;
  if (rows == NULL)
    return -1;
  for (size_t i = 0; i <= p->mask; i++)
    if (p->rows[i].key != 0) {
      rows[n_rows++] = p->rows[i];
      n_entries += p->rows[i].n;
      for (uint32_t k = 0; k < p->rows[i].n; k++)
        largest = fmax(largest, fabs(average(p, &p->rows[i].entries[k])));
    }
  qsort(rows, n_rows, sizeof *rows, by_key);
  /* Weights are saved in units of scale, the largest one as 32767. */
  float scale = largest > 0 ? (float)(largest / 32767) : 1;
  KgRowSlot *slots = NULL;
  KgWeightEntry *entries =
      malloc((n_entries ? n_entries : 1) * sizeof *entries);
  struct {
    uint64_t key;
    uint32_t row; ///< its slot's first
  } *kept = malloc((n_rows ? n_rows : 1) * sizeof *kept);
  size_t stride = kg_weights_stride(p->n_classes), n_dense = 0, dense_cap = 0;
  size_t n_kept = 0;
  int16_t *dense = NULL;
  int rc = -1;
  if (kept == NULL || entries == NULL)
    goto done;
  /* The rows with a weight left, in kept. */
  size_t at = 0;
  for (size_t r = 0; r < n_rows; r++) {
    size_t first = at;
    for (uint32_t k = 0; k < rows[r].n; k++) {
      double avg = average(p, &rows[r].entries[k]);
      long units = lrint(avg / scale);
      if (fabs(avg) < min_weight || units == 0)
        continue;
      entries[at].cls = (uint16_t)rows[r].entries[k].cls;
      entries[at].weight = (int16_t)units;
      at++;
    }
    if (at == first)
      continue;
    uint32_t row = (uint32_t)first;
    if (at - first > KG_DENSE_MIN) {
      if (n_dense == dense_cap) {
        dense_cap = dense_cap ? 2 * dense_cap : 256;
        int16_t *grown = realloc(dense, dense_cap * stride * sizeof *grown);
        if (grown == NULL)
          goto done;
        dense = grown;
      }
      int16_t *d = dense + n_dense * stride;
      memset(d, 0, stride * sizeof *d);
      for (size_t k = first; k < at; k++)
        d[entries[k].cls] = entries[k].weight;
      at = first;
      row = (uint32_t)n_dense++ | KG_ROW_DENSE;
    } else {
      qsort(entries + first, at - first, sizeof *entries, by_class);
      entries[at - 1].cls |= KG_ENTRY_LAST;
    }
    kept[n_kept].key = rows[r].key;
    kept[n_kept++].row = row;
  }
  /* The table is at most half full, so that probes stay short: a feature
   * the model does not know (most of those a sentence makes) is found
   * missing after 2.5 slots on average, where a table 3/4 full takes 8.5.
   * It is sized for the rows kept: the more of it stays in cache. */
  size_t n_slots = 2 * n_kept + 1;
  slots = calloc(n_slots, sizeof *slots);
  if (slots == NULL)
    goto done;
  for (size_t r = 0; r < n_kept; r++) {
    size_t i = slot_of(kept[r].key, n_slots);
    while (slots[i].check != 0)
      i = i + 1 == n_slots ? 0 : i + 1;
    slots[i].check = check_of(kept[r].key);
    slots[i].first = kept[r].row;
  }
  char name[32];
  snprintf(name, sizeof name, "%s.slots", prefix);
  if (kg_model_writer_add(w, name, slots, n_slots * sizeof *slots) != 0)
    goto done;
  snprintf(name, sizeof name, "%s.weights", prefix);
  if (kg_model_writer_add(w, name, entries, at * sizeof *entries) != 0)
    goto done;
  snprintf(name, sizeof name, "%s.dense", prefix);
  if (kg_model_writer_add(w, name, dense, n_dense * stride * sizeof *dense))
    goto done;
  rc = 0;
done:
  free(dense);
  free(rows);
  free(slots);
  free(entries);
  free(kept);
  return rc;
}
