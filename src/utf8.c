/* utf8.c - UTF-8 decoding; see utf8.h.
 *
 * Strict: overlong forms, surrogates and code points above U+10FFFF are
 * malformed, so that every later stage can rely on valid text. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

long kg_utf8_decode(const char *s, size_t n, size_t *size) {
  const unsigned char *p = (const unsigned char *)s;
  *size = 1;
  if (n == 0)
    return -1;
  if (p[0] < 0x80)
    return p[0];
  size_t len;
  long cp, min;
  if ((p[0] & 0xE0) == 0xC0) {
    len = 2, cp = p[0] & 0x1F, min = 0x80;
  } else if ((p[0] & 0xF0) == 0xE0) {
    len = 3, cp = p[0] & 0x0F, min = 0x800;
  } else if ((p[0] & 0xF8) == 0xF0) {
    len = 4, cp = p[0] & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (len > n)
    return -1;
  for (size_t i = 1; i < len; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return -1;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return -1;
  *size = len;
  return cp;
}

/* News text is mostly ASCII: both scans below take it eight bytes at a
 * time (memcpy, so any alignment will do). */
#define HIGH_BITS 0x8080808080808080ULL

static uint64_t load8(const char *s) {
  uint64_t word;
  memcpy(&word, s, sizeof word);
  return word;
}

size_t kg_utf8_check(const char *s, size_t n) {
  size_t i = 0, size;
  while (i < n) {
    if (n - i >= 8 && !(load8(s + i) & HIGH_BITS)) {
      i += 8;
      continue;
    }
    if (kg_utf8_decode(s + i, n - i, &size) < 0)
      return i;
    i += size;
  }
  return n;
}

size_t kg_text_check(const char *s, size_t n, const char **why) {
  size_t i = 0, size;
  while (i < n) {
    if (n - i >= 8) {
      uint64_t word = load8(s + i);
      /* ASCII, and no zero byte: (w - 0x01..) & ~w sets a byte's top bit
       * only for a zero byte when no top bit is set */
      if (!(word & HIGH_BITS) &&
          !((word - 0x0101010101010101ULL) & ~word & HIGH_BITS)) {
        i += 8;
        continue;
      }
    }
    long cp = kg_utf8_decode(s + i, n - i, &size);
    const char *problem = cp < 0                         ? "invalid UTF-8"
                          : cp == 0                      ? "a NUL byte"
                          : cp == 0xFFFE || cp == 0xFFFF ? "U+FFFE or U+FFFF"
                                                         : NULL;
    if (problem) {
      if (why)
        *why = problem;
      return i;
    }
    i += size;
  }
  return n;
}

size_t kg_utf8_length(const char *s, size_t n) {
  /* a continuation byte is 10xxxxxx: bit 7 set and bit 6 clear */
  size_t continuations = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word = load8(s + i);
    /* one bit a continuation byte, at the bottom of its byte; the
     * multiplication sums the eight bytes into the top one */
    uint64_t marks = ((word & ~(word << 1)) & HIGH_BITS) >> 7;
    continuations += (size_t)((marks * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) == 0x80)
      continuations++;
  return n - continuations;
}

/* Writes the escape of code point cp, or of byte b of a malformed sequence
 * (cp < 0), to out; returns its length, 0 for a character left as it is. */
static size_t escape_one(long cp, unsigned char b, char *out) {
  static const char hex[] = "0123456789abcdef";
  const char *named = cp == '\\'   ? "\\\\"
                      : cp == '\t' ? "\\t"
                      : cp == '\n' ? "\\n"
                      : cp == '\r' ? "\\r"
                                   : NULL;
  if (named) {
    memcpy(out, named, 2);
    return 2;
  }
  if (cp < 0x20 || cp == 0x7F) { /* a malformed byte too (cp < 0) */
    unsigned v = cp < 0 ? (unsigned)b : (unsigned)cp;
    memcpy(out, "\\x", 2);
    out[2] = hex[v >> 4];
    out[3] = hex[v & 0xF];
    return 4;
  }
  if (cp >= 0x80 && cp <= 0x9F) {
    memcpy(out, "\\u00", 4);
    out[4] = hex[cp >> 4];
    out[5] = hex[cp & 0xF];
    return 6;
  }
  return 0;
}

size_t kg_escape(const char *s, size_t n, char *out) {
  size_t len = 0, size;
  for (size_t i = 0; i < n; i += size) {
    long cp = kg_utf8_decode(s + i, n - i, &size);
    size_t escaped = escape_one(cp, (unsigned char)s[i], out + len);
    if (escaped == 0) {
      memcpy(out + len, s + i, size);
      escaped = size;
    }
    len += escaped;
  }
  out[len] = '\0';
  return len;
}
