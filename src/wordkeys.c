/* wordkeys.c - what a trained model sees of a word. */
#include "wordkeys.h"

#include "clusters.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static unsigned char fold(unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return (unsigned char)(c + ('a' - 'A'));
  if (c >= '0' && c <= '9')
    return '0';
  return c;
}

static unsigned char shape_of(unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return 'X';
  if (c >= 'a' && c <= 'z')
    return 'x';
  if (c >= '0' && c <= '9')
    return 'd';
  return c;
}

void kg_word_keys(const char *form, size_t len,
                  const struct KgClustersImpl *clusters, KgWordKeys *out) {
  const unsigned char *p = (const unsigned char *)form;
  uint64_t h = FNV_OFFSET, low = FNV_OFFSET, shape = FNV_OFFSET;
  unsigned char last = 0;
  size_t run = 0, letters = 0, capitals = 0;
  unsigned flags = 0;
  for (size_t i = 0; i < len; i++) {
    h = (h ^ p[i]) * FNV_PRIME;
    low = (low ^ fold(p[i])) * FNV_PRIME;
    unsigned char s = shape_of(p[i]);
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2 && (p[i] < 0x80 || p[i] >= 0xC0))
      shape = (shape ^ s) * FNV_PRIME;
    letters += s == 'X' || s == 'x';
    capitals += s == 'X';
    if (s == 'd')
      flags |= KG_WORD_DIGIT;
    if (p[i] == '-')
      flags |= KG_WORD_HYPHEN;
  }
  if (len > 0 && shape_of(p[0]) == 'X')
    flags |= KG_WORD_CAPITAL;
  if (letters >= 2 && capitals == letters)
    flags |= KG_WORD_UPPER;
  out->form = h;
  out->lower = low;
  out->shape = shape;
  out->prefix = len ? fold(p[0]) : 0;
  uint64_t pre = FNV_OFFSET;
  for (size_t i = 0; i < len && i < 3; i++)
    pre = (pre ^ fold(p[i])) * FNV_PRIME;
  out->prefix3 = pre;
  for (size_t k = 0; k < KG_SUFFIXES; k++) {
    size_t n = k + 1 < len ? k + 1 : len;
    uint64_t s = FNV_OFFSET + k;
    for (size_t i = len - n; i < len; i++)
      s = (s ^ fold(p[i])) * FNV_PRIME;
    out->suffix[k] = s;
  }
  out->flags = flags;
  out->cluster = clusters ? kg_clusters_find(clusters, low) : KG_NO_CLUSTER;
}
