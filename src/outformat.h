/* outformat.h - the names and file extensions of the output formats (the
 * program's).
 *
 * One table says what `-o` accepts and what an `-O FILE` name means:
 *
 *     format    -o names                          -O FILE ends in
 *     turtle    turtle, ttl                       .ttl
 *     ntriples  ntriples, n-triples, nt           .nt
 *     nquads    nquads, n-quads, nq               .nq
 *     dot       dot, graphviz, gv                 .dot, .gv
 *
 * Names are the ones rapper and riot users type, matched without regard
 * to case; so are extensions.  A format added to KgFormat gets one row.
 */
#ifndef NEWSKG_OUTFORMAT_H
#define NEWSKG_OUTFORMAT_H

#include <stddef.h>

#include "newskg.h"

/** Sets *format to the format called name; returns 0, or -1 when no
 *  format has that name. */
int outformat_by_name(const char *name, KgFormat *format);

/** Sets *format to the format the name of the file at path says (its
 *  extension); returns 0, or -1 when the extension names none. */
int outformat_by_extension(const char *path, KgFormat *format);

/** The name -o gives format, e.g. "ntriples". */
const char *outformat_name(KgFormat format);

/** Writes the names -o takes into buf (size bytes, NUL-terminated, cut to
 *  fit), for messages: "turtle (ttl), ntriples (n-triples, nt), ...". */
void outformat_list(char *buf, size_t size);

#endif /* NEWSKG_OUTFORMAT_H */
