/* rdfterm.c - RDF terms in N-Triples and Turtle syntax; see rdfterm.h.
 *
 * Before a term is escaped, the buffer makes room for its worst case, 6
 * bytes for each byte of input (a lone byte can become \u00XX; a character
 * of k bytes becomes at most 10 <= 6k), so that the escaping loop writes
 * without checks.
 */
#include "rdfterm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Bytes an escaped term may take per byte of input, at most. */
#define WORST_GROWTH 6

/* Makes room for n more bytes; returns 0, or -1 (and sets failed). */
static int reserve(KgBytes *b, size_t n) {
  if (b->failed)
    return -1;
  if (n <= b->cap - b->len)
    return 0;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap - b->len < n) {
    if (cap > SIZE_MAX / 2) {
      b->failed = 1;
      return -1;
    }
    cap *= 2;
  }
  char *grown = realloc(b->data, cap);
  if (!grown) {
    b->failed = 1;
    return -1;
  }
  b->data = grown;
  b->cap = cap;
  return 0;
}

void kg_bytes_append(KgBytes *b, const char *s, size_t len) {
  if (reserve(b, len) == 0) {
    memcpy(b->data + b->len, s, len);
    b->len += len;
  }
}

void kg_bytes_release(KgBytes *b) {
  free(b->data);
  memset(b, 0, sizeof *b);
}

/* Writes \uXXXX (digits 4) or \UXXXXXXXX (digits 8) for cp at p; returns
 * the end. */
static char *write_hex(char *p, char u, unsigned long cp, int digits) {
  static const char hex[] = "0123456789ABCDEF";
  *p++ = '\\';
  *p++ = u;
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    *p++ = hex[(cp >> shift) & 0x0F];
  return p;
}

/* Writes the character at s (n bytes left, at least 1) escaped as \u or \U;
 * returns the end and sets *size to the bytes read. */
static char *write_char(char *p, const char *s, size_t n, size_t *size) {
  long cp = kg_utf8_decode(s, n, size);
  if (cp < 0) /* not UTF-8: never so in a graph; the byte alone */
    cp = (unsigned char)*s;
  return cp < 0x10000 ? write_hex(p, 'u', (unsigned long)cp, 4)
                      : write_hex(p, 'U', (unsigned long)cp, 8);
}

/* The five ways of escaping (see rdfterm.h), each a bit of `plain`. */
typedef enum {
  NT_LITERAL = 1, ///< as it is: 0x20-0x7E, but for '"' and backslash
  NT_IRI = 2,     ///< as it is: 0x21-0x7E, but for <>"{}|^` and backslash
  TTL_STRING = 4, ///< as it is: all, but for NUL, '"' and backslash
  TTL_IRI = 8,    ///< as it is: as NT_IRI, and 0x7F-0xFF
  TTL_SHORT = 16  ///< as it is: as TTL_STRING, but for CR, which a "..."
                  ///< string may not hold (raptor writes it raw)
} Syntax;

/* For each byte, the syntaxes that write it as it is.  A table, because the
 * copying loop asks it for every byte written. */
static const unsigned char plain[256] = {
     0, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,  4, 20, 20,
    20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
    21, 31,  0, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 21, 31, 21, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31,  0, 31, 21, 31,
    21, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 21, 21, 21, 31, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
};

/* Writes s[0, len) escaped for syntax at p (room reserved); returns the
 * end.  Only the bytes `plain` does not pass come to the escapes: '\\', '"'
 * in a string, \t \n \r in an N-Triples literal, \r in a Turtle "..."
 * string, other ASCII as \u00XX,
 * and (in N-Triples) a non-ASCII character as \u or \U. */
static char *escape(char *p, const char *s, size_t len, Syntax syntax) {
  int literal =
      syntax == NT_LITERAL || syntax == TTL_STRING || syntax == TTL_SHORT;
  size_t i = 0;
  while (i < len) {
    size_t run = i;
    while (run < len && (plain[(unsigned char)s[run]] & syntax))
      run++;
    memcpy(p, s + i, run - i);
    p += run - i;
    if ((i = run) == len)
      break;
    unsigned char c = (unsigned char)s[i];
    size_t size = 1;
    if (c == '\\' || (literal && c == '"')) {
      *p++ = '\\';
      *p++ = (char)c;
    } else if ((syntax == NT_LITERAL || syntax == TTL_SHORT) &&
               (c == '\t' || c == '\n' || c == '\r')) {
      *p++ = '\\';
      *p++ = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
    } else if (c < 0x80) {
      p = write_hex(p, 'u', c, 4);
    } else {
      p = write_char(p, s + i, len - i, &size);
    }
    i += size;
  }
  return p;
}

/* Appends open, s escaped for syntax, close. */
static void append_escaped(KgBytes *b, const char *open, const char *s,
                           size_t len, const char *close, Syntax syntax) {
  size_t frame = strlen(open) + strlen(close);
  if (len > (SIZE_MAX - frame) / WORST_GROWTH) {
    b->failed = 1;
    return;
  }
  if (reserve(b, WORST_GROWTH * len + frame) != 0)
    return;
  char *p = b->data + b->len;
  memcpy(p, open, strlen(open));
  p = escape(p + strlen(open), s, len, syntax);
  memcpy(p, close, strlen(close));
  b->len = (size_t)(p + strlen(close) - b->data);
}

void kg_nt_iri(KgBytes *b, const char *iri, size_t len) {
  append_escaped(b, "<", iri, len, ">", NT_IRI);
}

void kg_nt_literal(KgBytes *b, const char *text, size_t len, const char *lang,
                   const char *datatype) {
  append_escaped(b, "\"", text, len, "\"", NT_LITERAL);
  if (lang) {
    kg_bytes_append(b, "@", 1);
    kg_bytes_append(b, lang, strlen(lang));
  } else if (datatype) {
    kg_bytes_append(b, "^^", 2);
    kg_nt_iri(b, datatype, strlen(datatype));
  }
}

void kg_ttl_iri(KgBytes *b, const char *iri, size_t len) {
  append_escaped(b, "<", iri, len, ">", TTL_IRI);
}

void kg_ttl_string(KgBytes *b, const char *text, size_t len) {
  int lines = memchr(text, '\n', len) != NULL;
  const char *quotes = lines ? "\"\"\"" : "\"";
  append_escaped(b, quotes, text, len, quotes, lines ? TTL_STRING : TTL_SHORT);
}

/* --- Turtle local names ------------------------------------------------- */

/* Turtle 1.1's PN_CHARS_BASE: letters, and most of Unicode beyond. */
static int is_pn_chars_base(long c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

/* What may start a PN_LOCAL, but for PLX: PN_CHARS_U, ':' or a digit. */
static int is_local_start(long c) {
  return is_pn_chars_base(c) || c == '_' || c == ':' || (c >= '0' && c <= '9');
}

/* What may follow, but for PLX: PN_CHARS, ':' or '.' (not last). */
static int is_local_char(long c) {
  return is_local_start(c) || c == '-' || c == '.' || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') ||
         (c >= 'a' && c <= 'f');
}

int kg_ttl_is_local_name(const char *s, size_t len) {
  int last_dot = 0;
  for (size_t i = 0; i < len;) {
    if (s[i] == '%') { /* PERCENT: '%' HEX HEX, anywhere */
      if (len - i < 3 || !is_hex(s[i + 1]) || !is_hex(s[i + 2]))
        return 0;
      i += 3;
      last_dot = 0;
      continue;
    }
    size_t size = 1;
    long c = kg_utf8_decode(s + i, len - i, &size);
    if (c < 0 || !(i == 0 ? is_local_start(c) : is_local_char(c)))
      return 0;
    last_dot = c == '.';
    i += size;
  }
  return len > 0 && !last_dot;
}
