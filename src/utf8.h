/* utf8.h - decoding and checking UTF-8 (internal). */
#ifndef KG_UTF8_H
#define KG_UTF8_H

#include <stddef.h>

/** Decodes the code point at s (n bytes available).  Returns it and sets
 *  *size to its byte length, or returns -1 (and *size = 1) for a byte that
 *  does not start a well-formed, shortest-form sequence. */
long kg_utf8_decode(const char *s, size_t n, size_t *size);

/** Byte offset of the first malformed sequence in s, or n when s is valid. */
size_t kg_utf8_check(const char *s, size_t n);

/** Byte offset of the first thing in s that no RDF literal newskg writes
 *  may hold, or n when there is none: a malformed sequence, a NUL byte, or
 *  one of the noncharacters U+FFFE and U+FFFF (raptor's parsers refuse the
 *  last three even escaped).  Sets *why, when why is not NULL and there is
 *  one, to what it is: "invalid UTF-8", "a NUL byte" or "U+FFFE or U+FFFF". */
size_t kg_text_check(const char *s, size_t n, const char **why);

/** Number of code points in the first n bytes of valid UTF-8. */
size_t kg_utf8_length(const char *s, size_t n);

#endif /* KG_UTF8_H */
