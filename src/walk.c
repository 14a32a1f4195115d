/* walk.c - the files a command line names; see walk.h.
 *
 * The walk keeps a stack of open levels.  A level is one directory's
 * selected entries, read whole with readdir, kept in one buffer of
 * NUL-terminated names and sorted with strcmp, so that the order depends on
 * the names alone (not on the file system or the locale).  Each name is
 * preceded by the type readdir gave it, which spares a regular file or a
 * directory its lstat; a link, or a name of no known type, is looked at.
 * Invariants: levels[k] is a directory inside levels[k - 1]; next <= count
 * in each; the path returned last is in `path`.
 */
#define _DEFAULT_SOURCE /* d_type and DT_* of struct dirent */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "grow.h"

/* One directory being walked. */
typedef struct {
  char *path;    ///< owned directory path
  char *names;   ///< owned entries one after another: each a type byte
                 ///< (entry_type) and a NUL-terminated name
  char **sorted; ///< owned pointers into names, in strcmp order
  size_t count;  ///< entries in sorted
  size_t next;   ///< the entry to visit next
} Level;

struct WalkImpl {
  char *const *args;   ///< the arguments
  size_t arg_count;    ///< how many
  size_t next_arg;     ///< the argument to visit next
  size_t given;        ///< paths the directory argument being walked gave
  const char *suffix;  ///< of the files wanted in directories
  Level *levels;       ///< owned stack of directories being walked
  size_t depth;        ///< levels in use
  size_t level_cap;    ///< levels allocated
  char *path;          ///< owned path returned last
};

Walk *walk_new(char *const *args, size_t n, const char *suffix) {
  Walk *w = calloc(1, sizeof *w);
  if (w) {
    w->args = args;
    w->arg_count = n;
    w->suffix = suffix;
  }
  return w;
}

static void level_release(Level *level) {
  free(level->path);
  free(level->names);
  free(level->sorted);
}

void walk_free(Walk *w) {
  if (!w)
    return;
  for (size_t i = 0; i < w->depth; i++)
    level_release(&w->levels[i]);
  free(w->levels);
  free(w->path);
  free(w);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What readdir says an entry is: 'f' a regular file, 'd' a directory, '?'
 * anything else or unknown. */
static char entry_type(const struct dirent *e) {
#ifdef DT_REG
  return e->d_type == DT_REG ? 'f' : e->d_type == DT_DIR ? 'd' : '?';
#else
  (void)e;
  return '?';
#endif
}

/* Reads the names of directory dir, except hidden ones, into level, sorted.
 * Returns 0, or an errno. */
static int read_level(const char *dir, Level *level) {
  memset(level, 0, sizeof *level);
  DIR *d = opendir(dir);
  if (!d)
    return errno;
  size_t used = 0, cap = 0;
  int error = 0;
  const struct dirent *e;
  errno = 0;
  while (!error && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    size_t len = strlen(e->d_name) + 1;
    while (!error && used + 1 + len > cap)
      error = kg_grow((void **)&level->names, cap, &cap, 1) ? ENOMEM : 0;
    if (!error) {
      level->names[used] = entry_type(e);
      memcpy(level->names + used + 1, e->d_name, len);
      used += 1 + len;
      level->count++;
    }
  }
  if (!error && errno)
    error = errno;
  closedir(d);
  if (!error && !(level->sorted = malloc((level->count + 1) *
                                         sizeof *level->sorted)))
    error = ENOMEM;
  if (!error && !(level->path = strdup(dir)))
    error = ENOMEM;
  if (error) {
    level_release(level);
    return error;
  }
  for (size_t i = 0, at = 0; i < level->count; i++) {
    level->sorted[i] = level->names + at + 1;
    at += 1 + strlen(level->names + at + 1) + 1;
  }
  qsort(level->sorted, level->count, sizeof *level->sorted, by_name);
  return 0;
}

/* Makes path the one returned; returns 0, or -1 when out of memory. */
static int set_path(Walk *w, const char *dir, const char *name) {
  free(w->path);
  size_t size = strlen(name) + (dir ? strlen(dir) + 2 : 1);
  if (!(w->path = malloc(size)))
    return -1;
  if (dir)
    snprintf(w->path, size, "%s%s%s", dir,
             dir[strlen(dir) - 1] == '/' ? "" : "/", name);
  else
    snprintf(w->path, size, "%s", name);
  return 0;
}

/* Starts walking directory w->path.  Returns 0, an errno, or -1 when out
 * of memory. */
static int push_level(Walk *w) {
  if (kg_grow((void **)&w->levels, w->depth, &w->level_cap,
              sizeof *w->levels) != 0)
    return -1;
  int error = read_level(w->path, &w->levels[w->depth]);
  if (error == ENOMEM)
    return -1;
  if (!error)
    w->depth++;
  return error;
}

static int has_suffix(const char *name, const char *suffix) {
  size_t n = strlen(name), s = strlen(suffix);
  return n > s && strcmp(name + n - s, suffix) == 0;
}

/* What entry w->path of a directory is: 1 a directory to walk, 2 a file
 * wanted, 0 neither (or gone).  name is the entry's name in its level,
 * after its type byte. */
static int entry_kind(const Walk *w, const char *name) {
  if (name[-1] == 'd')
    return 1;
  if (name[-1] == 'f')
    return has_suffix(name, w->suffix) ? 2 : 0;
  struct stat st;
  if (lstat(w->path, &st) != 0)
    return 0;
  if (S_ISDIR(st.st_mode))
    return 1;
  if (!has_suffix(name, w->suffix))
    return 0;
  /* a link to a file is the file; one to a directory is skipped */
  return S_ISLNK(st.st_mode) && stat(w->path, &st) == 0 && S_ISDIR(st.st_mode)
             ? 0
             : 2;
}

/* Starts walking the directory w->path, or says why not: returns 0 (walk
 * on), 1 (return w->path with *error set) or -1 (out of memory). */
static int enter(Walk *w, int *error) {
  int failed = push_level(w);
  if (failed > 0)
    *error = failed;
  return failed < 0 ? -1 : failed > 0;
}

/* Visits the next entry of the innermost directory: returns 1 when it is a
 * path to return (*error set), 0 to go on, -1 when out of memory. */
static int visit_entry(Walk *w, int *error) {
  Level *top = &w->levels[w->depth - 1];
  if (top->next == top->count) {
    level_release(top);
    w->depth--;
    if (w->depth > 0 || w->given > 0)
      return 0;
    /* the argument gave nothing: say so, with its name */
    if (set_path(w, NULL, w->args[w->next_arg - 1]) != 0)
      return -1;
    *error = WALK_NO_FILES;
    return 1;
  }
  const char *name = top->sorted[top->next++];
  if (set_path(w, top->path, name) != 0)
    return -1;
  int kind = entry_kind(w, name);
  return kind == 1 ? enter(w, error) : kind == 2;
}

/* Visits the next argument: returns as visit_entry does. */
static int visit_argument(Walk *w, int *error) {
  const char *arg = w->args[w->next_arg++];
  if (set_path(w, NULL, arg) != 0)
    return -1;
  struct stat st;
  w->given = 0;
  if (strcmp(arg, "-") == 0)
    return 1;
  if (stat(arg, &st) != 0) {
    *error = errno;
    return 1;
  }
  return S_ISDIR(st.st_mode) ? enter(w, error) : 1;
}

/* A level is left only when walk_next is called again (visit_entry), so
 * the path of a directory's entry is returned with the level still on the
 * stack, and an argument's with none. */
int walk_in_directory(const Walk *w) { return w->depth > 0; }

int walk_next(Walk *w, const char **path, int *error) {
  *error = 0;
  for (;;) {
    int found;
    if (w->depth > 0)
      found = visit_entry(w, error);
    else if (w->next_arg < w->arg_count)
      found = visit_argument(w, error);
    else
      return 0;
    if (found != 0) {
      if (w->depth > 0)
        w->given++;
      *path = w->path;
      return found;
    }
  }
}
