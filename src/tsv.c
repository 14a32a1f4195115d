/* tsv.c - reading line-oriented data files; see tsv.h. */
#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static KgStatus fail(KgError *err, const char *path, long line, KgStatus status,
                     const char *message) {
  if (err) {
    snprintf(err->file, sizeof err->file, "%s", path);
    err->line = line;
    err->offset = -1;
    snprintf(err->message, sizeof err->message, "%s", message);
  }
  return status;
}

KgStatus kg_tsv_read(const char *path, KgTsvLine fn, void *ctx, KgError *err) {
  FILE *f = fopen(path, "r");
  if (!f)
    return fail(err, path, 0, KG_ERR_IO, strerror(errno));
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  KgStatus status = KG_OK;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0 || line[0] == '#')
      continue;
    const char *message = NULL;
    status = fn(ctx, line, &message);
    if (status != KG_OK) {
      fail(err, path, lineno, status,
           message ? message : kg_status_string(status));
      break;
    }
  }
  if (status == KG_OK && ferror(f))
    status = fail(err, path, lineno, KG_ERR_IO, "read error");
  free(line);
  fclose(f);
  return status;
}
