/* repair.c - almost-UTF-8 made UTF-8; see repair.h.
 *
 * Sound text is told by kg_text_check, eight bytes at a time.  Otherwise
 * one pass counts what is wrong (kg_utf8_decode rejects a byte at a time:
 * a cut-off three-byte character is two invalid bytes, each replaced), and
 * a second writes the copy. */
#include "repair.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */
#define REPLACEMENT_LEN (sizeof REPLACEMENT - 1)

/* What is at text[i]: a good character of *size bytes (returns 0), or
 * one to replace: a NUL byte, a byte that starts no valid UTF-8 character
 * (*size 1), or a noncharacter U+FFFE or U+FFFF (*size 3). */
enum { GOOD, NUL_BYTE, INVALID_BYTE, NONCHARACTER };

static int classify(const char *text, size_t len, size_t i, size_t *size) {
  long cp = kg_utf8_decode(text + i, len - i, size);
  return cp == 0                        ? NUL_BYTE
         : cp < 0                       ? INVALID_BYTE
         : cp == 0xFFFE || cp == 0xFFFF ? NONCHARACTER
                                        : GOOD;
}

static void count(const char *text, size_t len, Repair *r) {
  for (size_t i = 0, size; i < len; i += size) {
    switch (classify(text, len, i, &size)) {
    case NUL_BYTE:
      if (r->nul++ == 0)
        r->first_nul = i;
      break;
    case INVALID_BYTE:
      if (r->invalid++ == 0)
        r->first_invalid = i;
      break;
    case NONCHARACTER:
      if (r->nonchar++ == 0)
        r->first_nonchar = i;
      break;
    }
  }
}

int repair_text(const char *text, size_t len, Repair *r) {
  memset(r, 0, sizeof *r);
  r->text = text;
  r->len = len;
  /* nearly every article is sound, which a fast scan tells */
  if (kg_text_check(text, len, NULL) == len)
    return 0;
  count(text, len, r);
  size_t bad = r->invalid + r->nul;
  if (bad == 0 && r->nonchar == 0)
    return 0;
  if (bad >= NOT_TEXT_MIN && bad > len / NOT_TEXT_RATIO) {
    r->not_text = 1;
    return 0;
  }
  /* a noncharacter's three bytes become U+FFFD's three */
  r->len = len + bad * (REPLACEMENT_LEN - 1);
  if (!(r->fixed = malloc(r->len + 1)))
    return -1;
  r->text = r->fixed;
  char *out = r->fixed;
  for (size_t i = 0, size; i < len; i += size) {
    if (classify(text, len, i, &size) == GOOD) {
      memcpy(out, text + i, size);
      out += size;
    } else {
      memcpy(out, REPLACEMENT, REPLACEMENT_LEN);
      out += REPLACEMENT_LEN;
    }
  }
  *out = '\0';
  return 0;
}
