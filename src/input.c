/* input.c - the articles of a run; see input.h.
 *
 * A plain-text file is read whole into the article's buffer.  A JSON Lines
 * file stays open between calls (`lines`), read with getline into one
 * buffer that is reused for every line.
 */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "walk.h"

#define STDIN_NAME "(standard input)"

struct InputImpl {
  InputFormat format; ///< how files are read
  size_t max_bytes;   ///< the largest article read
  Walk *walk;         ///< owned: the files to read
  FILE *lines;        ///< the JSON Lines file being read, or NULL
  char *lines_name;   ///< owned name of that file
  long line;          ///< lines of it read so far
  char *buf;          ///< owned getline buffer
  size_t buf_cap;     ///< its size
};

static const char *suffix_of(InputFormat format) {
  return format == INPUT_JSONL ? ".jsonl" : ".txt";
}

Input *input_new(char *const *args, size_t n, InputFormat format,
                 size_t max_bytes) {
  Input *in = calloc(1, sizeof *in);
  if (in && !(in->walk = walk_new(args, n, suffix_of(format)))) {
    free(in);
    return NULL;
  }
  if (in) {
    in->format = format;
    in->max_bytes = max_bytes;
  }
  return in;
}

static void close_lines(Input *in) {
  if (in->lines && in->lines != stdin)
    fclose(in->lines);
  else if (in->lines)
    clearerr(stdin);
  in->lines = NULL;
  free(in->lines_name);
  in->lines_name = NULL;
}

void input_free(Input *in) {
  if (!in)
    return;
  close_lines(in);
  walk_free(in->walk);
  free(in->buf);
  free(in);
}

void article_release(Article *a) {
  free(a->name);
  record_release(&a->record);
  a->name = NULL;
}

static FILE *open_path(const char *path) {
  return strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
}

static const char *display_name(const char *path) {
  return strcmp(path, "-") == 0 ? STDIN_NAME : path;
}

/* Reads all of file descriptor fd, up to max bytes, into a new
 * NUL-terminated buffer: with read(2), one call for a regular file and one
 * to see its end, where a stream would stat it again and allocate its own
 * buffer.  Returns 0, EFBIG when there is more (the rest is not read; *len
 * is then the size of the file, or the bytes read), or an errno. */
static int read_all(int fd, size_t max, char **data, size_t *len) {
  struct stat st;
  int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && (unsigned long long)st.st_size > max) {
    *len = (size_t)st.st_size;
    return EFBIG;
  }
  size_t cap = regular ? (size_t)st.st_size + 1 : 65536;
  char *buf = malloc(cap);
  size_t used = 0;
  for (;;) {
    if (!buf)
      return ENOMEM;
    ssize_t got = read(fd, buf + used, cap - used);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      int error = errno;
      free(buf);
      return error;
    }
    if (got == 0)
      break;
    used += (size_t)got;
    if (used > max) {
      free(buf);
      *len = used;
      return EFBIG;
    }
    if (used < cap)
      continue;
    size_t grown_cap = cap > max / 2 ? max + 2 : cap * 2;
    char *grown = realloc(buf, grown_cap);
    if (!grown)
      free(buf);
    buf = grown;
    cap = grown_cap;
  }
  buf[used] = '\0';
  *data = buf;
  *len = used;
  return 0;
}

/* Starts an article read from path; returns 0, or -1 when out of memory. */
static int start_article(Article *a, const char *path, long line) {
  memset(a, 0, sizeof *a);
  a->line = line;
  return (a->name = strdup(display_name(path))) ? 0 : -1;
}

/* Says why a cannot be read: an errno, or EFBIG for over max_bytes. */
static void set_problem(Article *a, int error, size_t max_bytes) {
  a->too_large = error == EFBIG;
  if (a->too_large)
    snprintf(a->problem, sizeof a->problem,
             "more than --max-article-bytes %zu bytes: skipped", max_bytes);
  else
    snprintf(a->problem, sizeof a->problem, "%s", strerror(error));
}

/* Reads the plain-text file at path into *a.  Returns 1, or -1 when out of
 * memory. */
static int read_text_file(const Input *in, const char *path, Article *a) {
  if (start_article(a, path, 0) != 0)
    return -1;
  int from_stdin = strcmp(path, "-") == 0;
  int fd = from_stdin ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    set_problem(a, errno, in->max_bytes);
    return 1;
  }
  size_t len = 0;
  int error = read_all(fd, in->max_bytes, &a->record.text, &len);
  if (!from_stdin)
    close(fd);
  if (error == ENOMEM) {
    article_release(a);
    return -1;
  }
  if (error)
    set_problem(a, error, in->max_bytes);
  else
    a->record.len = len;
  a->bytes = len; /* over the limit too: the summary counts what came */
  return 1;
}

static int is_blank(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return 0;
  return 1;
}

/* Reads the next record of the open JSON Lines file into *a.  Returns 1,
 * 0 at the file's end (it is then closed) or -1 when out of memory. */
static int read_record(Input *in, Article *a) {
  ssize_t got;
  errno = 0;
  while ((got = getline(&in->buf, &in->buf_cap, in->lines)) > 0) {
    in->line++;
    size_t len = (size_t)got;
    if (is_blank(in->buf, len))
      continue;
    if (start_article(a, in->lines_name, in->line) != 0)
      return -1;
    a->bytes = len;
    while (len > 0 && (in->buf[len - 1] == '\n' || in->buf[len - 1] == '\r'))
      len--;
    if (len > in->max_bytes)
      set_problem(a, EFBIG, in->max_bytes);
    else
      record_parse(in->buf, len, &a->record, a->problem, sizeof a->problem);
    return 1;
  }
  int error = ferror(in->lines) ? (errno ? errno : EIO) : 0;
  if (error) {
    /* the error ends the file: say so once, at the line it stopped */
    if (start_article(a, in->lines_name, in->line + 1) != 0)
      return -1;
    set_problem(a, error, in->max_bytes);
  }
  close_lines(in);
  return error ? 1 : 0;
}

/* Opens the JSON Lines file at path; returns 1 with *a the reason it
 * cannot be opened, 0 when it is open, -1 when out of memory. */
static int open_lines(Input *in, const char *path, Article *a) {
  errno = 0;
  FILE *fh = open_path(path);
  if (!fh) {
    if (start_article(a, path, 0) != 0)
      return -1;
    set_problem(a, errno, in->max_bytes);
    return 1;
  }
  if (!(in->lines_name = strdup(display_name(path)))) {
    if (fh != stdin)
      fclose(fh);
    return -1;
  }
  in->lines = fh;
  in->line = 0;
  return 0;
}

int input_next(Input *in, Article *a) {
  for (;;) {
    if (in->lines) {
      int got = read_record(in, a);
      if (got != 0)
        return got;
    }
    const char *path;
    int error;
    int found = walk_next(in->walk, &path, &error);
    if (found <= 0)
      return found;
    if (error) {
      if (start_article(a, path, 0) != 0)
        return -1;
      set_problem(a, error, in->max_bytes);
      return 1;
    }
    if (in->format == INPUT_TEXT)
      return read_text_file(in, path, a);
    int failed = open_lines(in, path, a);
    if (failed != 0)
      return failed;
  }
}

long long input_total_bytes(char *const *args, size_t n, InputFormat format) {
  Walk *walk = walk_new(args, n, suffix_of(format));
  if (!walk)
    return -1;
  long long total = 0;
  const char *path;
  int error, found;
  while (total >= 0 && (found = walk_next(walk, &path, &error)) > 0) {
    struct stat st;
    int fd_stat = strcmp(path, "-") == 0 ? fstat(0, &st) : stat(path, &st);
    if (!error && fd_stat == 0 && S_ISREG(st.st_mode))
      total += (long long)st.st_size;
    else if (!error && strcmp(path, "-") == 0)
      total = -1;
  }
  walk_free(walk);
  return found < 0 ? -1 : total;
}
