/* repair.c - almost-UTF-8 made UTF-8; see repair.h.
 *
 * Sound text is told by kg_utf8_check and memchr, eight bytes at a time.
 * Otherwise one pass counts what is wrong (kg_utf8_decode rejects a byte
 * at a time: a cut-off three-byte character is two invalid bytes, each
 * replaced), and a second writes the copy. */
#include "repair.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */
#define REPLACEMENT_LEN (sizeof REPLACEMENT - 1)

/* Bytes of the good character at text[i], or 0 when text[i] must be
 * replaced (a NUL, or not the start of a valid UTF-8 character). */
static size_t good_bytes(const char *text, size_t len, size_t i) {
  size_t size;
  if (text[i] == '\0' || kg_utf8_decode(text + i, len - i, &size) < 0)
    return 0;
  return size;
}

static void count(const char *text, size_t len, Repair *r) {
  for (size_t i = 0; i < len;) {
    size_t size = good_bytes(text, len, i);
    if (size) {
      i += size;
      continue;
    }
    if (text[i] == '\0') {
      if (r->nul++ == 0)
        r->first_nul = i;
    } else if (r->invalid++ == 0) {
      r->first_invalid = i;
    }
    i++;
  }
}

int repair_text(const char *text, size_t len, Repair *r) {
  memset(r, 0, sizeof *r);
  r->text = text;
  r->len = len;
  /* nearly every article is sound: two fast scans tell so */
  if (kg_utf8_check(text, len) == len && !memchr(text, '\0', len))
    return 0;
  count(text, len, r);
  size_t bad = r->invalid + r->nul;
  if (bad == 0)
    return 0;
  if (bad >= NOT_TEXT_MIN && bad > len / NOT_TEXT_RATIO) {
    r->not_text = 1;
    return 0;
  }
  r->len = len + bad * (REPLACEMENT_LEN - 1);
  if (!(r->fixed = malloc(r->len + 1)))
    return -1;
  r->text = r->fixed;
  char *out = r->fixed;
  for (size_t i = 0; i < len;) {
    size_t size = good_bytes(text, len, i);
    if (size) {
      memcpy(out, text + i, size);
      out += size;
      i += size;
    } else {
      memcpy(out, REPLACEMENT, REPLACEMENT_LEN);
      out += REPLACEMENT_LEN;
      i++;
    }
  }
  *out = '\0';
  return 0;
}
