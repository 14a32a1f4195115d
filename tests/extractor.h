/* extractor.h - one extractor for a CUnit suite that runs whole texts.
 *
 *     static const KgSuite suites[] = {
 *         {"graphs", open_extractor, close_extractor, KG_TESTS(tests)}};
 *
 * The suite's set-up loads the extractor of $NEWSKG_DATA (make check sets
 * it; else "data", relative to the working directory) into `extractor`;
 * its clean-up frees it.
 */
#ifndef NEWSKG_TESTS_EXTRACTOR_H
#define NEWSKG_TESTS_EXTRACTOR_H

#include <stdio.h>
#include <stdlib.h>

#include "newskg.h"

static KgExtractor *extractor; /* loaded by the suite's set-up */

static inline int open_extractor(void) {
  const char *dir = getenv("NEWSKG_DATA");
  KgError err;
  if (kg_extractor_new(dir && *dir ? dir : "data", &extractor, &err) != KG_OK) {
    fprintf(stderr, "cannot load the data: %s: %s\n", err.file, err.message);
    return 1;
  }
  return 0;
}

static inline int close_extractor(void) {
  kg_extractor_free(extractor);
  return 0;
}

#endif /* NEWSKG_TESTS_EXTRACTOR_H */
