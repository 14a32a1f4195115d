/* rdfterm.h - RDF terms in N-Triples and Turtle syntax, written as raptor2
 * writes them (internal).
 *
 * The serializer does not go through raptor: terms are appended to a byte
 * buffer, runs of plain bytes copied whole, with the escapes of raptor's
 * serializers, so that the bytes are theirs (tests/test_writer.c holds
 * them against raptor):
 *
 *   N-Triples IRI      <...>: '\' as \\, '>' and the bytes 0x00-0x20
 *                      <"{}|^` as \u00XX, DEL and every non-ASCII
 *                      character as \uXXXX (or \UXXXXXXXX beyond U+FFFF);
 *   N-Triples literal  "...": '"' and '\' after a backslash, \t \n \r,
 *                      other controls and DEL as \u00XX, non-ASCII as in
 *                      IRIs; then @lang or ^^<datatype>;
 *   Turtle IRI         as in N-Triples, but DEL and non-ASCII as they are;
 *   Turtle string      "..." or, when it holds a line feed, """...""":
 *                      '"' and '\' after a backslash, all else as it is.
 *
 * Hex digits are upper case.  Two departures: raptor ends a string at a
 * NUL byte; here it is \u0000 and the string goes on.  And raptor writes a
 * carriage return as it is in a Turtle "..." string, which Turtle forbids
 * (raptor's own parser refuses it); here it is \r.  Strings must be valid
 * UTF-8 (the graph holds only text kg_text_check accepts, no NUL either).
 */
#ifndef KG_RDFTERM_H
#define KG_RDFTERM_H

#include <stddef.h>

/** An RDF term: an IRI, or a literal with a language tag or a datatype.
 *  The strings are borrowed.  A term written in many triples may carry its
 *  N-Triples form, made once: the bytes kg_nt_iri or kg_nt_literal write
 *  for it, which lines copy as they are.  Turtle reads only the rest. */
typedef struct {
  const char *text;     ///< the IRI, or the literal's form (len bytes)
  size_t len;           ///< bytes of text
  int literal;          ///< non-zero for a literal
  const char *lang;     ///< a literal's language tag, or NULL
  const char *datatype; ///< a literal's datatype IRI, or NULL
  const char *nt;       ///< the whole term in N-Triples (nt_len bytes, a
                        ///< literal with its @lang or ^^<datatype>), or NULL
  size_t nt_len;        ///< bytes of nt
} KgTerm;

/** A growing byte buffer.  Zero-initialised it is empty; `failed` is set
 *  (and further appends do nothing) once memory runs out. */
typedef struct {
  char *data; ///< owned bytes
  size_t len; ///< bytes in use
  size_t cap; ///< bytes allocated
  int failed; ///< an allocation failed
} KgBytes;

/** Appends len bytes of s as they are. */
void kg_bytes_append(KgBytes *b, const char *s, size_t len);

/** Frees what b holds and empties it. */
void kg_bytes_release(KgBytes *b);

/** Appends the IRI iri[0, len) as an N-Triples IRI term, <...>. */
void kg_nt_iri(KgBytes *b, const char *iri, size_t len);

/** Appends a literal: "text" (len bytes), then @lang when lang is not
 *  NULL, else ^^<datatype> when datatype is not NULL. */
void kg_nt_literal(KgBytes *b, const char *text, size_t len, const char *lang,
                   const char *datatype);

/** Appends the IRI iri[0, len) as a Turtle IRI reference, <...>. */
void kg_ttl_iri(KgBytes *b, const char *iri, size_t len);

/** Appends text[0, len) as a Turtle string, "..." or """...""". */
void kg_ttl_string(KgBytes *b, const char *text, size_t len);

/** Non-zero when s[0, len) may follow "prefix:" as it is, unescaped: a
 *  non-empty PN_LOCAL of Turtle 1.1 without backslash escapes.  It starts
 *  with a letter, '_', ':', a digit or %XX; then letters, digits, '_', '-',
 *  ':', '.', U+00B7, U+0300-U+036F, U+203F-U+2040 or %XX; it does not end
 *  with '.'.  "x." is not one (the dot would end the triple), nor "-x",
 *  ".x", "a/b", "a%zz" or "a~b" (which would need "a\~b").  s must be
 *  UTF-8; a malformed sequence makes it not one. */
int kg_ttl_is_local_name(const char *s, size_t len);

#endif /* KG_RDFTERM_H */
