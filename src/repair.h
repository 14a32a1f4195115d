/* repair.h - text that is almost UTF-8, made UTF-8 (the program's).
 *
 * News crawls deliver Latin-1 pages, stray NUL bytes and cut-off
 * multi-byte characters inside otherwise good articles, and sometimes a
 * binary file under a .txt name.  repair_text tells the two apart: an
 * article in which few bytes are wrong has each invalid UTF-8 byte, each
 * NUL and each of the noncharacters U+FFFE and U+FFFF (which no RDF
 * literal can carry) replaced with U+FFFD (the Unicode replacement
 * character), so that it is still read; one in which many are wrong is
 * not text at all and is left for the caller to skip.
 *
 *     Repair r;
 *     if (repair_text(text, len, &r) != 0) ...out of memory...
 *     if (r.not_text) ...skip the article...
 *     else ...read r.len bytes of r.text...
 *     free(r.fixed);
 */
#ifndef NEWSKG_REPAIR_H
#define NEWSKG_REPAIR_H

#include <stddef.h>

/* An article is not text when more than 1 byte in NOT_TEXT_RATIO is
 * invalid UTF-8 or NUL, and at least NOT_TEXT_MIN of them are: Latin-1
 * news has a few per cent of accented letters; random bytes are over
 * half invalid, UTF-16 is half NUL. */
#define NOT_TEXT_RATIO 8
#define NOT_TEXT_MIN 16

/** What repair_text found and made. */
typedef struct {
  size_t invalid;       ///< bytes that were not UTF-8
  size_t first_invalid; ///< the offset of the first of them
  size_t nul;           ///< NUL bytes
  size_t first_nul;     ///< the offset of the first of them
  size_t nonchar;       ///< U+FFFE and U+FFFF characters
  size_t first_nonchar; ///< the offset of the first of them
  int not_text;         ///< too many of both: binary data
  char *fixed;          ///< owned repaired copy, or NULL when none is needed
  const char *text;     ///< what to read: fixed, or the text as it was
  size_t len;           ///< its bytes
} Repair;

/** Checks text[0, len) and, when it is text with bytes to replace, sets
 *  r->fixed to a repaired copy (NUL-terminated); r->text and r->len are
 *  the text to read either way.  Returns 0, or -1 when out of memory. */
int repair_text(const char *text, size_t len, Repair *r);

#endif /* NEWSKG_REPAIR_H */
