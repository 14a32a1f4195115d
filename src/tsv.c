/* tsv.c - reading line-oriented data files; see tsv.h. */
#include "tsv.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

KgStatus kg_tsv_read(const char *path, KgTsvLine fn, void *ctx, KgError *err) {
  FILE *f = fopen(path, "r");
  if (!f)
    return kg_error(err, KG_ERR_IO, path, 0, -1, "%s", strerror(errno));
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
    size_t bad = kg_text_check(line, (size_t)n, &message);
    if (bad < (size_t)n) {
      status = kg_error(err, KG_ERR_PARSE, path, lineno, -1,
                        "%s at byte %zu of the line", message, bad + 1);
      break;
    }
    status = fn(ctx, line, &message);
    if (status != KG_OK) {
      kg_error(err, status, path, lineno, -1, "%s",
               message ? message : kg_status_string(status));
      break;
    }
  }
  if (status == KG_OK && ferror(f))
    status = kg_error(err, KG_ERR_IO, path, lineno, -1, "read error");
  free(line);
  fclose(f);
  return status;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_tsv(const struct dirent *d) {
  size_t n = strlen(d->d_name);
  return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".tsv") == 0;
}

KgStatus kg_tsv_read_dir(const char *dir, KgTsvLine fn, void *ctx,
                         KgError *err) {
  struct dirent **names = NULL;
  int n = scandir(dir, &names, is_tsv, by_name);
  if (n < 0)
    return kg_error(err, KG_ERR_IO, dir, 0, -1, "%s", strerror(errno));
  KgStatus status =
      n == 0 ? kg_error(err, KG_ERR_IO, dir, 0, -1, "no *.tsv file") : KG_OK;
  for (int i = 0; i < n; i++) {
    char path[4096];
    int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
    if (status == KG_OK && (len < 0 || (size_t)len >= sizeof path))
      status = kg_error(err, KG_ERR_IO, dir, 0, -1, "path too long");
    if (status == KG_OK)
      status = kg_tsv_read(path, fn, ctx, err);
    free(names[i]);
  }
  free(names);
  return status;
}
