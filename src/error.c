/* error.c - filling a KgError; see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

KgStatus kg_error(KgError *err, KgStatus status, const char *file, long line,
                  long offset, const char *fmt, ...) {
  if (err) {
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return status;
}
