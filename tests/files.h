/* files.h - whole files in and out, for the suites that damage model files
 * on purpose (test_grammar, test_lemmatizer).  Static inline so that a suite
 * may use either without unused-function warnings. */
#ifndef NEWSKG_TESTS_FILES_H
#define NEWSKG_TESTS_FILES_H

#include <stdio.h>
#include <stdlib.h>

/* The bytes of the file at path (the caller frees them), their number in
 * *size; NULL when it cannot be read or is empty. */
static inline unsigned char *slurp(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  unsigned char *b = n > 0 ? malloc((size_t)n) : NULL;
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  fclose(f);
  *size = n > 0 ? (size_t)n : 0;
  return b;
}

/* Writes the size bytes of b as the file at path: 0, or -1. */
static inline int spit(const char *path, const unsigned char *b,
                       size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  size_t n = fwrite(b, 1, size, f);
  return fclose(f) != 0 || n != size ? -1 : 0;
}

#endif /* NEWSKG_TESTS_FILES_H */
