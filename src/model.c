/* model.c - trained model files: named sections, mapped read-only.
 *
 * See model.h for the layout.  A model is mapped with mmap, so the pages
 * of a 20 MB parser are shared by every thread and every process that
 * loads it, and loading costs one pass over the bytes for the checksum.
 */
#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "grow.h"

#define MODEL_MAGIC "NKGMODEL"
#define MODEL_VERSION 1u
#define MODEL_ORDER 0x01020304u
#define HEADER_SIZE 64u
#define NAME_SIZE 16u

typedef struct {
  char name[NAME_SIZE];
  uint64_t offset, size;
} SectionEntry;

struct KgModelImpl {
  char *path;            ///< the file, for messages
  const unsigned char *base; ///< the mapping
  size_t size;           ///< its size
  const SectionEntry *sections;
  uint32_t n_sections;
};

/* The checksum: FNV-1a over 8-byte words (then the odd bytes), a word a
 * step, so that a 40 MB model is checked in a few milliseconds. */
uint64_t kg_model_checksum(const void *bytes, size_t n) {
  const unsigned char *p = bytes;
  uint64_t h = 1469598103934665603ULL, word;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    memcpy(&word, p + i, 8);
    h = (h ^ word) * 1099511628211ULL;
    h ^= h >> 29;
  }
  for (; i < n; i++)
    h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

static KgStatus bad(KgError *err, const char *path, const char *why) {
  return kg_error(err, KG_ERR_PARSE, path, 0, -1,
                  "not a usable model file: %s", why);
}

KgStatus kg_model_open(const char *path, const char *kind, KgModel **out,
                       KgError *err) {
  *out = NULL;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return kg_error(err, KG_ERR_IO, path, 0, -1, "cannot open model: %s",
                    strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return kg_error(err, KG_ERR_IO, path, 0, -1, "not a regular file");
  }
  size_t size = (size_t)st.st_size;
  if (size < HEADER_SIZE) {
    close(fd);
    return bad(err, path, "truncated (shorter than its header)");
  }
  void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED)
    return kg_error(err, KG_ERR_IO, path, 0, -1, "cannot map model: %s",
                    strerror(errno));
  const unsigned char *b = map;
  KgStatus st_ = KG_OK;
  uint32_t version, order, n_sections;
  uint64_t fsize, sum;
  char fkind[9] = {0};
  memcpy(&version, b + 8, 4);
  memcpy(&order, b + 12, 4);
  memcpy(fkind, b + 16, 8);
  memcpy(&fsize, b + 24, 8);
  memcpy(&sum, b + 32, 8);
  memcpy(&n_sections, b + 40, 4);
  if (memcmp(b, MODEL_MAGIC, 8) != 0)
    st_ = bad(err, path, "no NKGMODEL header");
  else if (order != MODEL_ORDER)
    st_ = bad(err, path, "written on a machine of the other byte order");
  else if (version != MODEL_VERSION)
    st_ = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                   "model format version %u, this newskg reads %u", version,
                   MODEL_VERSION);
  else if (strcmp(fkind, kind) != 0)
    st_ = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                   "a %s model where a %s model was expected", fkind, kind);
  else if (fsize != size)
    st_ = kg_error(err, KG_ERR_PARSE, path, 0, -1,
                   "truncated or extended: %zu bytes, its header says %llu",
                   size, (unsigned long long)fsize);
  else if (kg_model_checksum(b + HEADER_SIZE, size - HEADER_SIZE) != sum)
    st_ = bad(err, path, "checksum mismatch (the file is damaged)");
  else if (n_sections > (size - HEADER_SIZE) / sizeof(SectionEntry))
    st_ = bad(err, path, "section table out of bounds");
  const SectionEntry *sections = (const SectionEntry *)(b + HEADER_SIZE);
  for (uint32_t i = 0; st_ == KG_OK && i < n_sections; i++)
    if (sections[i].offset > size || sections[i].size > size - sections[i].offset ||
        sections[i].offset % 8 != 0 ||
        memchr(sections[i].name, 0, NAME_SIZE) == NULL)
      st_ = bad(err, path, "section out of bounds");
  KgModel *m = NULL;
  if (st_ == KG_OK) {
    m = calloc(1, sizeof *m);
    if (m == NULL || (m->path = strdup(path)) == NULL) {
      free(m);
      m = NULL;
      st_ = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
    }
  }
  if (st_ != KG_OK) {
    munmap(map, size);
    return st_;
  }
  m->base = b;
  m->size = size;
  m->sections = sections;
  m->n_sections = n_sections;
  *out = m;
  return KG_OK;
}

void kg_model_close(KgModel *m) {
  if (m == NULL)
    return;
  munmap((void *)m->base, m->size);
  free(m->path);
  free(m);
}

const char *kg_model_path(const KgModel *m) { return m->path; }

const void *kg_model_section(const KgModel *m, const char *name,
                             size_t elem_size, size_t *count, KgError *err) {
  for (uint32_t i = 0; i < m->n_sections; i++) {
    const SectionEntry *s = &m->sections[i];
    if (strncmp(s->name, name, NAME_SIZE) != 0)
      continue;
    if (s->size % elem_size != 0) {
      kg_error(err, KG_ERR_PARSE, m->path, 0, -1,
               "section %s is %llu bytes, not whole %zu-byte records", name,
               (unsigned long long)s->size, elem_size);
      return NULL;
    }
    *count = (size_t)(s->size / elem_size);
    return m->base + s->offset;
  }
  kg_error(err, KG_ERR_PARSE, m->path, 0, -1, "no section %s", name);
  return NULL;
}

KgStatus kg_model_strings(const KgModel *m, const char *name,
                          const char ***strings, size_t *count,
                          KgError *err) {
  size_t size;
  const char *p = kg_model_section(m, name, 1, &size, err);
  if (p == NULL)
    return KG_ERR_PARSE;
  if (size == 0 || p[size - 1] != '\0')
    return kg_error(err, KG_ERR_PARSE, m->path, 0, -1,
                    "section %s does not end with a NUL", name);
  size_t n = 0;
  for (size_t i = 0; i < size; i++)
    n += p[i] == '\0';
  const char **list = malloc(n * sizeof *list);
  if (list == NULL)
    return kg_error(err, KG_ERR_NOMEM, m->path, 0, -1, "out of memory");
  for (size_t i = 0, k = 0; i < size; k++) {
    list[k] = p + i;
    i += strlen(p + i) + 1;
  }
  *strings = list;
  *count = n;
  return KG_OK;
}

/* --- writing -------------------------------------------------------------- */

typedef struct {
  char name[NAME_SIZE];
  unsigned char *data;
  size_t size;
} PendingSection;

struct KgModelWriterImpl {
  char kind[8];
  PendingSection *sections;
  size_t n, cap;
};

KgModelWriter *kg_model_writer_new(const char *kind) {
  KgModelWriter *w = calloc(1, sizeof *w);
  if (w != NULL)
    memcpy(w->kind, kind, strnlen(kind, sizeof w->kind));
  return w;
}

void kg_model_writer_free(KgModelWriter *w) {
  if (w == NULL)
    return;
  for (size_t i = 0; i < w->n; i++)
    free(w->sections[i].data);
  free(w->sections);
  free(w);
}

int kg_model_writer_add(KgModelWriter *w, const char *name, const void *data,
                        size_t size) {
  if (kg_grow((void **)&w->sections, w->n, &w->cap, sizeof *w->sections) != 0)
    return -1;
  PendingSection *s = &w->sections[w->n];
  memset(s, 0, sizeof *s);
  strncpy(s->name, name, NAME_SIZE - 1);
  s->data = malloc(size ? size : 1);
  if (s->data == NULL)
    return -1;
  if (size)
    memcpy(s->data, data, size);
  s->size = size;
  w->n++;
  return 0;
}

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

KgStatus kg_model_writer_save(const KgModelWriter *w, const char *path,
                              KgError *err) {
  size_t size = align8(HEADER_SIZE + w->n * sizeof(SectionEntry));
  for (size_t i = 0; i < w->n; i++)
    size = align8(size + w->sections[i].size);
  unsigned char *buf = calloc(1, size);
  if (buf == NULL)
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  size_t at = align8(HEADER_SIZE + w->n * sizeof(SectionEntry));
  for (size_t i = 0; i < w->n; i++) {
    SectionEntry e;
    memset(&e, 0, sizeof e);
    memcpy(e.name, w->sections[i].name, NAME_SIZE);
    e.offset = at;
    e.size = w->sections[i].size;
    memcpy(buf + HEADER_SIZE + i * sizeof e, &e, sizeof e);
    memcpy(buf + at, w->sections[i].data, w->sections[i].size);
    at = align8(at + w->sections[i].size);
  }
  uint32_t version = MODEL_VERSION, order = MODEL_ORDER;
  uint32_t n_sections = (uint32_t)w->n;
  uint64_t fsize = size;
  uint64_t sum = kg_model_checksum(buf + HEADER_SIZE, size - HEADER_SIZE);
  memcpy(buf, MODEL_MAGIC, 8);
  memcpy(buf + 8, &version, 4);
  memcpy(buf + 12, &order, 4);
  memcpy(buf + 16, w->kind, 8);
  memcpy(buf + 24, &fsize, 8);
  memcpy(buf + 32, &sum, 8);
  memcpy(buf + 40, &n_sections, 4);

  size_t tlen = strlen(path) + 8;
  char *tmp = malloc(tlen);
  if (tmp == NULL) {
    free(buf);
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  snprintf(tmp, tlen, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  int ok = f != NULL && fwrite(buf, 1, size, f) == size;
  if (f != NULL && fclose(f) != 0)
    ok = 0;
  if (ok && rename(tmp, path) != 0)
    ok = 0;
  KgStatus st = KG_OK;
  if (!ok) {
    st = kg_error(err, KG_ERR_IO, path, 0, -1, "cannot write model: %s",
                  strerror(errno));
    remove(tmp);
  }
  free(tmp);
  free(buf);
  return st;
}
