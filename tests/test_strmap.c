/* test_strmap.c - CUnit suite of strmap.c.
 *
 * put replaces, add keeps the first value and says whether it added, get
 * finds what either stored; keys are byte strings (an embedded NUL, the
 * empty key, one a prefix of another), and every key stays findable, and
 * no absent one is found, while the map grows far past its first
 * capacity.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "strmap.h"

static void test_put_replaces_add_keeps(void) {
  KgStrMap *map = kg_strmap_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(map);
  size_t v = 99;
  CU_ASSERT_EQUAL(kg_strmap_put(map, "belarus", 7, 1), 0);
  CU_ASSERT_EQUAL(kg_strmap_put(map, "belarus", 7, 2), 0);
  CU_ASSERT(kg_strmap_get(map, "belarus", 7, &v) && v == 2);
  CU_ASSERT_EQUAL(kg_strmap_add(map, "belarus", 7, 3, &v), 0);
  CU_ASSERT_EQUAL(v, 2);
  CU_ASSERT(kg_strmap_get(map, "belarus", 7, &v) && v == 2);
  CU_ASSERT_EQUAL(kg_strmap_add(map, "bela", 4, 4, NULL), 1);
  CU_ASSERT(kg_strmap_get(map, "bela", 4, &v) && v == 4);
  CU_ASSERT_EQUAL(kg_strmap_add(map, "bela", 4, 5, NULL), 0);
  CU_ASSERT(kg_strmap_get(map, "bela", 4, &v) && v == 4);
  CU_ASSERT_FALSE(kg_strmap_get(map, "belaru", 6, &v));
  kg_strmap_free(map);
}

static void test_byte_string_keys(void) {
  KgStrMap *map = kg_strmap_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(map);
  size_t v = 0;
  CU_ASSERT_EQUAL(kg_strmap_add(map, "a\0b", 3, 1, NULL), 1);
  CU_ASSERT_EQUAL(kg_strmap_add(map, "a\0c", 3, 2, NULL), 1);
  CU_ASSERT_EQUAL(kg_strmap_add(map, "", 0, 3, NULL), 1);
  CU_ASSERT(kg_strmap_get(map, "a\0b", 3, &v) && v == 1);
  CU_ASSERT(kg_strmap_get(map, "a\0c", 3, &v) && v == 2);
  CU_ASSERT(kg_strmap_get(map, "", 0, &v) && v == 3);
  CU_ASSERT_FALSE(kg_strmap_get(map, "a", 1, &v));
  CU_ASSERT(
      kg_strmap_get_hashed(map, "a\0c", 3, kg_hash_bytes("a\0c", 3), &v) &&
      v == 2);
  kg_strmap_free(map);
}

static void test_grows_and_finds_all(void) {
  KgStrMap *map = kg_strmap_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(map);
  char key[32];
  const size_t n = 20000;
  for (size_t i = 0; i < n; i++) {
    int len = snprintf(key, sizeof key, "key %zu", i);
    int added = i % 2 ? kg_strmap_add(map, key, (size_t)len, i, NULL)
                      : kg_strmap_put(map, key, (size_t)len, i) == 0;
    CU_ASSERT_EQUAL(added, 1);
  }
  size_t found = 0, v;
  for (size_t i = 0; i < n; i++) {
    int len = snprintf(key, sizeof key, "key %zu", i);
    found += kg_strmap_get(map, key, (size_t)len, &v) && v == i;
    CU_ASSERT_EQUAL(kg_strmap_add(map, key, (size_t)len, n + i, &v), 0);
  }
  CU_ASSERT_EQUAL(found, n);
  size_t absent = 0; /* what the Bloom filter lets through must miss too */
  for (size_t i = n; i < 2 * n; i++) {
    int len = snprintf(key, sizeof key, "key %zu", i);
    absent += !kg_strmap_get(map, key, (size_t)len, &v);
  }
  CU_ASSERT_EQUAL(absent, n);
  kg_strmap_free(map);
}

int main(void) {
  static const KgTest tests[] = {
      {"put replaces, add keeps", test_put_replaces_add_keeps},
      {"byte string keys", test_byte_string_keys},
      {"grows and finds all", test_grows_and_finds_all}};
  static const KgSuite suites[] = {{"strmap", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
