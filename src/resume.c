/* resume.c - the graphs an N-Quads file already holds; see resume.h.
 *
 * Each line of newskg's N-Quads is "S P O <G> .": the graph IRI is the
 * last term, and newskg's graph IRIs hold no space or '>'.  A graph's
 * lines come together, so the file is read as runs of lines with one
 * graph each; the names of the runs, the last one left out, are kept in
 * order.
 */
#include "resume.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "grow.h"

struct ResumeImpl {
  char **graphs;        ///< owned names of the kept graphs, in file order
  size_t count, cap;    ///< graphs held, room
  size_t next;          ///< the first graph not yet passed by resume_skip
  long long kept_bytes; ///< bytes up to the last graph's first line
};

void resume_free(Resume *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->count; i++)
    free(r->graphs[i]);
  free(r->graphs);
  free(r);
}

/* The graph IRI of a whole statement line (its line end removed), as
 * [*start, *start + *len), or -1 when the line is no "... <G> .". */
static int graph_of(const char *line, size_t n, const char **start,
                    size_t *len) {
  if (n < 6 || memcmp(line + n - 3, "> .", 3) != 0)
    return -1;
  size_t end = n - 2; /* one past the '>' */
  size_t open = end - 1;
  while (open > 0 && line[open] != '<' && line[open] != ' ')
    open--;
  if (line[open] != '<' || open == 0 || line[open - 1] != ' ')
    return -1;
  *start = line + open + 1;
  *len = end - open - 2;
  return 0;
}

/* Adds graph name [s, s + n) to r; returns 0, or -1 when out of memory. */
static int add_graph(Resume *r, const char *s, size_t n) {
  char *copy = malloc(n + 1);
  if (!copy ||
      kg_grow((void **)&r->graphs, r->count, &r->cap, sizeof *r->graphs) != 0) {
    free(copy);
    return -1;
  }
  memcpy(copy, s, n);
  copy[n] = '\0';
  r->graphs[r->count++] = copy;
  return 0;
}

/* Reads the runs of fh into r; returns 0, or an errno (EINVAL with *line
 * the bad line). */
static int read_runs(Resume *r, FILE *fh, long *line) {
  char *buf = NULL, *last = NULL;
  size_t cap = 0, last_len = 0;
  long long offset = 0, last_start = 0;
  ssize_t got;
  int error = 0;
  *line = 0;
  errno = 0;
  while (!error && (got = getline(&buf, &cap, fh)) > 0) {
    ++*line;
    size_t n = (size_t)got;
    int whole = buf[n - 1] == '\n';
    const char *g;
    size_t glen;
    if (!whole) /* a torn last line: it belongs to the torn last graph */
      break;
    if (graph_of(buf, n - 1, &g, &glen) != 0) {
      error = EINVAL;
      break;
    }
    if (!last || glen != last_len || memcmp(g, last, glen) != 0) {
      /* a new graph: the one before it is whole */
      if (last && add_graph(r, last, last_len) != 0)
        error = ENOMEM;
      free(last);
      last = malloc(glen);
      if (!last)
        error = ENOMEM;
      else
        memcpy(last, g, glen);
      last_len = glen;
      last_start = offset;
    }
    offset += (long long)n;
  }
  if (!error && ferror(fh))
    error = errno ? errno : EIO;
  r->kept_bytes = last ? last_start : offset;
  free(last);
  free(buf);
  return error;
}

Resume *resume_open(const char *path, int *error, long *line) {
  *line = 0;
  errno = 0;
  FILE *fh = fopen(path, "rb");
  if (!fh) {
    *error = errno ? errno : EIO;
    return NULL;
  }
  Resume *r = calloc(1, sizeof *r);
  *error = r ? read_runs(r, fh, line) : ENOMEM;
  fclose(fh);
  if (*error) {
    resume_free(r);
    return NULL;
  }
  return r;
}

long long resume_kept_bytes(const Resume *r) { return r->kept_bytes; }

int resume_copy_kept(const Resume *r, const char *path, FILE *out) {
  errno = 0;
  FILE *fh = fopen(path, "rb");
  if (!fh)
    return errno ? errno : EIO;
  char buf[65536];
  long long left = r->kept_bytes;
  int error = 0;
  while (!error && left > 0) {
    size_t want = left < (long long)sizeof buf ? (size_t)left : sizeof buf;
    size_t got = fread(buf, 1, want, fh);
    if (got == 0)
      error = ferror(fh) ? (errno ? errno : EIO) : EIO;
    else if (fwrite(buf, 1, got, out) != got)
      error = errno ? errno : EIO;
    left -= (long long)got;
  }
  fclose(fh);
  return error;
}

size_t resume_kept_articles(const Resume *r) { return r->count; }

int resume_pending(const Resume *r) { return r->next < r->count; }

int resume_skip(Resume *r, const char *graph_iri) {
  if (r->next >= r->count || strcmp(r->graphs[r->next], graph_iri) != 0)
    return 0;
  r->next++;
  return 1;
}

const char *resume_next(const Resume *r, size_t *number) {
  *number = r->next + 1;
  return r->next < r->count ? r->graphs[r->next] : NULL;
}
