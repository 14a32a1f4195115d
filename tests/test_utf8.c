/* test_utf8.c - CUnit suite of utf8.c.
 *
 * The decoder on well-formed and malformed sequences (overlong forms,
 * surrogates, code points past U+10FFFF, truncated and stray continuation
 * bytes), and the three scans that take ASCII eight bytes at a time,
 * kg_utf8_check, kg_utf8_length and kg_text_check, against
 * byte-at-a-time references on random text of every length and alignment;
 * kg_escape on each kind of byte it escapes and on what it leaves alone.
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

/* kg_escape of the len bytes of s is want, within KG_ESCAPE_SIZE(len). */
static void expect_escape(const char *s, size_t len, const char *want) {
  char out[256];
  memset(out, '#', sizeof out);
  CU_ASSERT_FATAL(KG_ESCAPE_SIZE(len) < sizeof out);
  size_t got = kg_escape(s, len, out);
  CU_ASSERT_STRING_EQUAL(out, want);
  CU_ASSERT_EQUAL(got, strlen(want));
  CU_ASSERT(got < KG_ESCAPE_SIZE(len));
  CU_ASSERT_EQUAL(out[KG_ESCAPE_SIZE(len)], '#'); /* nothing written past */
}

/* The same for a string literal, NUL bytes in it included. */
#define EXPECT_ESCAPE(literal, want)                                           \
  expect_escape(literal, sizeof literal - 1, want)

static void test_escape_leaves_printable_text(void) {
  EXPECT_ESCAPE("", "");
  EXPECT_ESCAPE("newskg: samples/a b.txt", "newskg: samples/a b.txt");
  /* é, NO-BREAK SPACE (the first printable after the C1 controls), 北京,
   * U+FFFD, an emoji */
#define PRINTABLE                                                              \
  "R\xc3\xa9my\xc2\xa0\xe5\x8c\x97\xe4\xba\xac\xef\xbf\xbd\xf0\x9f\x98\x80"
  EXPECT_ESCAPE(PRINTABLE, PRINTABLE);
#undef PRINTABLE
  expect_escape("ab", 1, "a"); /* stops at n */
}

static void test_escape_controls(void) {
  EXPECT_ESCAPE("a\tb\nc\rd", "a\\tb\\nc\\rd");
  EXPECT_ESCAPE("evil\n\x1b[31mname", "evil\\n\\x1b[31mname");
  EXPECT_ESCAPE("\0\x01\x07\x08\x0b\x0c\x1f",
                "\\x00\\x01\\x07\\x08\\x0b\\x0c\\x1f");
  EXPECT_ESCAPE(" ~\x7f", " ~\\x7f"); /* DEL; space and ~ stay */
  /* C1 controls as characters: U+0080, CSI U+009B (erase line), U+009F */
  EXPECT_ESCAPE("\xc2\x80\xc2\x9bK\xc2\x9f", "\\u0080\\u009bK\\u009f");
  EXPECT_ESCAPE("a\\x1b", "a\\\\x1b"); /* not an escape: the text */
}

static void test_escape_invalid_utf8(void) {
  EXPECT_ESCAPE("\x9bK", "\\x9bK"); /* CSI as one byte: not UTF-8 */
  EXPECT_ESCAPE("\xff\xfe", "\\xff\\xfe");
  EXPECT_ESCAPE("\xc0\xaf", "\\xc0\\xaf");                   /* overlong */
  EXPECT_ESCAPE("\xed\xa0\x80", "\\xed\\xa0\\x80");          /* surrogate */
  EXPECT_ESCAPE("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"); /* > U+10FFFF */
  /* truncated sequences, at the end and before other text */
  EXPECT_ESCAPE("a\xe2\x82", "a\\xe2\\x82");
  EXPECT_ESCAPE("\xc3(\xe2\x82\xac", "\\xc3(\xe2\x82\xac");
  EXPECT_ESCAPE("\xf0\x9f\x98", "\\xf0\\x9f\\x98");
}

static void test_escape_worst_case_fits(void) {
  char text[50];
  memset(text, 0x1b, sizeof text);
  char out[KG_ESCAPE_SIZE(sizeof text)];
  CU_ASSERT_EQUAL(kg_escape(text, sizeof text, out), sizeof out - 1);
  CU_ASSERT_EQUAL(strncmp(out, "\\x1b\\x1b", 8), 0);
}

int main(void) {
  static const KgTest tests[] = {
      {"decode", test_decode},
      {"scans match references", test_scans_match_references},
      {"text check matches its reference", test_text_check_matches_reference},
      {"scans stop at the bad byte", test_scans_stop_at_the_bad_byte},
      {"escape leaves printable text", test_escape_leaves_printable_text},
      {"escape controls", test_escape_controls},
      {"escape invalid UTF-8", test_escape_invalid_utf8},
      {"escape's worst case fits", test_escape_worst_case_fits}};
  static const KgSuite suites[] = {{"utf8", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
