/* test_utf8.c - CUnit suite of utf8.c.
 *
 * The decoder on well-formed and malformed sequences (overlong forms,
 * surrogates, code points past U+10FFFF, truncated and stray continuation
 * bytes), and the three scans that take ASCII eight bytes at a time,
 * kg_utf8_check, kg_utf8_length and kg_text_check, against
 * byte-at-a-time references on random text of every length and alignment.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "utf8.h"

static void test_decode(void) {
  static const struct {
    const char *bytes;
    long cp;     ///< -1: malformed
    size_t size; ///< bytes taken when well formed
  } cases[] = {{"A", 'A', 1},
               {"\xc3\xa9", 0xE9, 2},
               {"\xe2\x80\x9c", 0x201C, 3},
               {"\xf0\x9f\x98\x80", 0x1F600, 4},
               {"\xf4\x8f\xbf\xbf", 0x10FFFF, 4},
               {"\xc0\xaf", -1, 0},         /* overlong '/' */
               {"\xe0\x80\xaf", -1, 0},     /* overlong, three bytes */
               {"\xed\xa0\x80", -1, 0},     /* surrogate U+D800 */
               {"\xf4\x90\x80\x80", -1, 0}, /* U+110000 */
               {"\x80", -1, 0},             /* stray continuation */
               {"\xc3", -1, 0},             /* truncated */
               {"\xe2\x80", -1, 0},         /* truncated */
               {"\xc3\x28", -1, 0},         /* bad continuation */
               {"\xff", -1, 0}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t size = 0;
    long cp = kg_utf8_decode(cases[i].bytes, strlen(cases[i].bytes), &size);
    CU_ASSERT_EQUAL(cp, cases[i].cp);
    if (cases[i].cp >= 0)
      CU_ASSERT_EQUAL(size, cases[i].size);
  }
}

/* xorshift64: the same "random" text on every run */
static uint64_t next_random(uint64_t *state) {
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

/* Byte-at-a-time references for the two scans. */
static size_t valid_prefix(const char *s, size_t n) {
  size_t i = 0, size;
  while (i < n && kg_utf8_decode(s + i, n - i, &size) >= 0)
    i += size;
  return i;
}

static size_t count_characters(const char *s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    count += ((unsigned char)s[i] & 0xC0) != 0x80;
  return count;
}

/* Text mostly ASCII, with multi-byte characters and some junk: long ASCII
 * runs exercise the eight-byte steps, the rest their way back to bytes. */
static void random_text(uint64_t *state, char *buf, size_t n) {
  static const char *pieces[] = {"a", "Z", " ", ".", "\xc3\xa9",
                                 "\xe2\x80\x9c", "\xf0\x9f\x98\x80"};
  size_t i = 0;
  while (i < n) {
    uint64_t r = next_random(state);
    const char *p = r % 50 == 0 ? "\x80" : pieces[r % 10 < 4 ? 0 : r % 7];
    size_t len = strlen(p);
    if (i + len > n)
      p = "b", len = 1;
    memcpy(buf + i, p, len);
    i += len;
  }
}

static void test_scans_match_references(void) {
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  char buf[96];
  for (int round = 0; round < 20000; round++) {
    size_t n = (size_t)(next_random(&state) % 80);
    size_t offset = (size_t)(next_random(&state) % 8); /* any alignment */
    random_text(&state, buf + offset, n);
    CU_ASSERT_EQUAL(kg_utf8_check(buf + offset, n),
                    valid_prefix(buf + offset, n));
    CU_ASSERT_EQUAL(kg_utf8_length(buf + offset, n),
                    count_characters(buf + offset, n));
  }
}

/* kg_text_check's reference: the first NUL, noncharacter U+FFFE or U+FFFF
 * or invalid byte, decoding one character at a time. */
static size_t text_prefix(const char *s, size_t n) {
  size_t i = 0, size;
  long cp;
  while (i < n && (cp = kg_utf8_decode(s + i, n - i, &size)) > 0 &&
         cp != 0xFFFE && cp != 0xFFFF)
    i += size;
  return i;
}

static void test_text_check_matches_reference(void) {
  static const struct {
    const char *bytes;
    size_t len;
  } pieces[] = {{"word ", 5},     {"\0", 1},           {"\xef\xbf\xbe", 3},
                {"\xef\xbf\xbf", 3}, {"\xef\xbf\xbd", 3}, {"\xc3\xa9", 2}};
  uint64_t state = 0xD1B54A32D192ED03ULL;
  char buf[128];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0, offset = (size_t)(next_random(&state) % 8);
    size_t want = (size_t)(next_random(&state) % 100);
    while (n < want) {
      uint64_t r = next_random(&state);
      size_t k = r % 40 == 0 ? 1 + (r >> 8) % 5 : 0; /* mostly words */
      memcpy(buf + offset + n, pieces[k].bytes, pieces[k].len);
      n += pieces[k].len;
    }
    const char *why = NULL;
    size_t got = kg_text_check(buf + offset, n, &why);
    CU_ASSERT_EQUAL(got, text_prefix(buf + offset, n));
    CU_ASSERT((got < n) == (why != NULL));
  }
}

static void test_scans_stop_at_the_bad_byte(void) {
  char text[64];
  memset(text, 'x', sizeof text);
  text[37] = (char)0xC3; /* truncated: followed by 'x' */
  CU_ASSERT_EQUAL(kg_utf8_check(text, sizeof text), 37);
  CU_ASSERT_EQUAL(kg_utf8_check(text, 37), 37);
  CU_ASSERT_EQUAL(kg_utf8_length(text, sizeof text), sizeof text);
  CU_ASSERT_EQUAL(kg_utf8_length("\xe2\x80\x9cHi\xe2\x80\x9d", 8), 4);
}

int main(void) {
  static const KgTest tests[] = {
      {"decode", test_decode},
      {"scans match references", test_scans_match_references},
      {"text check matches its reference", test_text_check_matches_reference},
      {"scans stop at the bad byte", test_scans_stop_at_the_bad_byte}};
  static const KgSuite suites[] = {{"utf8", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
