/* error.h - filling a KgError (internal).
 *
 * Every fallible call of the library reports through one KgError
 * (newskg.h): the file, line and byte offset concerned and a message.
 * kg_error fills it in one call, so that no module keeps its own copy of
 * the bookkeeping.
 */
#ifndef KG_ERROR_H
#define KG_ERROR_H

#include "newskg.h"

#ifdef __GNUC__
#define KG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define KG_PRINTF(fmt, args)
#endif

/** Fills err, when it is not NULL, and returns status: file ("" or NULL
 *  when none), 1-based line (0 when none), byte offset (-1 when none) and
 *  a printf-style message. */
KgStatus kg_error(KgError *err, KgStatus status, const char *file, long line,
                  long offset, const char *fmt, ...) KG_PRINTF(6, 7);

#endif /* KG_ERROR_H */
