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

/** Bytes kg_escape may write for n bytes of text, its NUL included: one
 *  byte becomes four characters at most ("\x1b"). */
#define KG_ESCAPE_SIZE(n) (4 * (size_t)(n) + 1)

/** Writes the n bytes of s to out (KG_ESCAPE_SIZE(n) bytes), NUL-terminated,
 *  as text that a terminal shows and does not act on, and returns its
 *  length: tab, line feed and carriage return as \t, \n and \r, every
 *  other C0 control and DEL as \xHH, a C1 control U+0080..U+009F as
 *  \u0080..\u009f, each byte of a malformed sequence as \xHH (HH: two
 *  lowercase hex digits), and a backslash as \\, so that an escape in the
 *  output always stands for what it says; printable UTF-8 is left as it
 *  is.  For file names, arguments and stored text in messages and tables,
 *  where such a byte could forge a line or send the terminal a command. */
size_t kg_escape(const char *s, size_t n, char *out);

#endif /* KG_UTF8_H */
