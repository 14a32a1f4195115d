/* runner.h - the main() of every CUnit test program.
 *
 *     static const KgTest tests[] = {{"name", test_fn}, ...};
 *     static const KgSuite suites[] = {{"suite", NULL, NULL, KG_TESTS(tests)}};
 *     return kg_test_main(suites, sizeof suites / sizeof *suites);
 *
 * Runs the suites verbosely and returns the exit status automake reads: 0
 * when every test passed and every suite could start, 1 otherwise.
 */
#ifndef NEWSKG_TESTS_RUNNER_H
#define NEWSKG_TESTS_RUNNER_H

#include <CUnit/Basic.h>
#include <stddef.h>

typedef struct {
  const char *name;
  CU_TestFunc func;
} KgTest;

typedef struct {
  const char *name;
  CU_InitializeFunc init; ///< may be NULL
  CU_CleanupFunc clean;   ///< may be NULL
  const KgTest *tests;
  size_t count;
} KgSuite;

/** The tests and count fields of a KgSuite from a static array. */
#define KG_TESTS(array) (array), sizeof(array) / sizeof *(array)

static inline int kg_test_main(const KgSuite *suites, size_t count) {
  if (CU_initialize_registry() != CUE_SUCCESS)
    return 1;
  for (size_t s = 0; s < count; s++) {
    CU_pSuite suite =
        CU_add_suite(suites[s].name, suites[s].init, suites[s].clean);
    for (size_t t = 0; suite && t < suites[s].count; t++)
      if (!CU_add_test(suite, suites[s].tests[t].name, suites[s].tests[t].func))
        suite = NULL;
    if (!suite) {
      CU_cleanup_registry();
      return 1;
    }
  }
  CU_basic_set_mode(CU_BRM_VERBOSE);
  CU_basic_run_tests();
  const CU_RunSummary *summary = CU_get_run_summary();
  int failed = CU_get_number_of_failures() > 0 ||
               CU_get_number_of_failure_records() > 0 ||
               summary->nSuitesFailed > 0 || summary->nTestsFailed > 0;
  CU_cleanup_registry();
  return failed ? 1 : 0;
}

#endif /* NEWSKG_TESTS_RUNNER_H */
