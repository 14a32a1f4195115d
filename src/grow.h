/* grow.h - growing arrays (internal). */
#ifndef KG_GROW_H
#define KG_GROW_H

#include <stddef.h>

/** Makes room for one more element in *array, which holds count elements
 *  of size bytes in *cap allocated: doubles the allocation when full.
 *  Returns 0, or -1 when out of memory (the array is then unchanged). */
int kg_grow(void **array, size_t count, size_t *cap, size_t size);

#endif /* KG_GROW_H */
