/* test_version.c - CUnit suite of the version macros and kg_version.
 *
 * newskg-version.h (made by configure) and the library agree with the
 * version configure was given (PACKAGE_VERSION, from AC_INIT), and the
 * numeric macros are the three numbers of the string.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>

#include "newskg.h"
#include "runner.h"

static void test_string_is_configures(void) {
  CU_ASSERT_STRING_EQUAL(NEWSKG_VERSION, PACKAGE_VERSION);
}

static void test_numbers_make_the_string(void) {
  char joined[64];
  snprintf(joined, sizeof joined, "%d.%d.%d", NEWSKG_VERSION_MAJOR,
           NEWSKG_VERSION_MINOR, NEWSKG_VERSION_PATCH);
  CU_ASSERT_STRING_EQUAL(joined, NEWSKG_VERSION);
}

static void test_library_says_its_version(void) {
  CU_ASSERT_PTR_NOT_NULL_FATAL(kg_version());
  CU_ASSERT_STRING_EQUAL(kg_version(), PACKAGE_VERSION);
}

int main(void) {
  static const KgTest tests[] = {
      {"NEWSKG_VERSION is configure's", test_string_is_configures},
      {"major.minor.patch make NEWSKG_VERSION", test_numbers_make_the_string},
      {"kg_version", test_library_says_its_version}};
  static const KgSuite suites[] = {{"version", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
