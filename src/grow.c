/* grow.c - growing arrays; see grow.h. */
#include "grow.h"

#include <stdlib.h>

int kg_grow(void **array, size_t count, size_t *cap, size_t size) {
  if (count < *cap)
    return 0;
  size_t n = *cap ? *cap * 2 : 8;
  void *grown = realloc(*array, n * size);
  if (!grown)
    return -1;
  *array = grown;
  *cap = n;
  return 0;
}
