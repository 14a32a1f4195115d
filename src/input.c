/* input.c - the articles of a run; see input.h.
 *
 * Every file is opened without waiting (O_NONBLOCK: a FIFO's open would
 * wait for a writer) and looked at: one met in a directory must be
 * regular, one named is read whatever it is.  Every read first waits, with
 * poll, for data or for the stop descriptor, so that a signal ends even a
 * read from a silent pipe.  A plain-text file is read whole into the
 * article's buffer.  A JSON Lines file stays open between calls
 * (`lines_fd`), read into one buffer (`buf`) that holds the line being
 * read and what follows it; the buffer never grows past max_bytes + 2, as
 * a longer line is reported as soon as it is seen and the rest of it is
 * read past, not kept.
 */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "walk.h"

#define STDIN_NAME "(standard input)"
#define CHUNK 65536 /* the first buffer of a stream */

struct InputImpl {
  InputFormat format; ///< how files are read
  size_t max_bytes;   ///< the largest article read
  int stop_fd;        ///< readable when reading is to stop, or -1
  int stopped;        ///< a read gave up for stop_fd: the input is over
  Walk *walk;         ///< owned: the files to read
  int lines_fd;       ///< the JSON Lines file being read, or -1
  int lines_owned;    ///< whether to close it (not standard input)
  char *lines_name;   ///< owned name of that file
  long line;          ///< lines of it begun so far
  int at_end;         ///< its end has been read
  int skipping;       ///< the rest of an over-long line is read past
  char *buf;          ///< owned: bytes read of it, [start, end) unused
  size_t buf_cap;     ///< the size of buf
  size_t start;       ///< the first byte of buf not yet a line
  size_t end;         ///< the end of the bytes read into buf
};

static const char *suffix_of(InputFormat format) {
  return format == INPUT_JSONL ? ".jsonl" : ".txt";
}

/* Names of files that hold no article text, and what a user who names one
 * most likely meant. */
static const struct {
  const char *suffix; ///< the end of the name, in any case
  const char *hint;   ///< what to say
} misread_names[] = {
    {".jsonl", "JSON Lines by its name, read as one article's text: -i jsonl "
               "reads its records"},
    {".nq", "N-Quads by its name, read as article text: newskg reads "
            "articles, and -O FILE writes their graph to FILE"},
    {".nt", "N-Triples by its name, read as article text: newskg reads "
            "articles, and -O FILE writes their graph to FILE"},
    {".ttl", "Turtle by its name, read as article text: newskg reads "
             "articles, and -O FILE writes their graph to FILE"},
};

/* Says in a->warning when the name of the text file at path says it holds
 * no article. */
static void warn_if_misread(const char *path, Article *a) {
  size_t len = strlen(path);
  for (size_t i = 0; i < sizeof misread_names / sizeof *misread_names; i++) {
    size_t n = strlen(misread_names[i].suffix);
    if (len > n && strcasecmp(path + len - n, misread_names[i].suffix) == 0)
      snprintf(a->warning, sizeof a->warning, "%s", misread_names[i].hint);
  }
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
    in->stop_fd = -1;
    in->lines_fd = -1;
  }
  return in;
}

void input_stop_on(Input *in, int fd) { in->stop_fd = fd; }

static void close_lines(Input *in) {
  if (in->lines_fd >= 0 && in->lines_owned)
    close(in->lines_fd);
  in->lines_fd = -1;
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

static const char *display_name(const char *path) {
  return strcmp(path, "-") == 0 ? STDIN_NAME : path;
}

/* What a file that is not regular is, for messages. */
static const char *kind_of(mode_t mode) {
  return S_ISFIFO(mode)   ? "a FIFO"
         : S_ISCHR(mode)  ? "a character device"
         : S_ISBLK(mode)  ? "a block device"
         : S_ISDIR(mode)  ? "a directory"
         : S_ISSOCK(mode) ? "a socket"
                          : "of an unknown kind";
}

/* Opens the file at path ("-": standard input, which stays as it is)
 * without waiting for a FIFO's writer.  A file met in a directory (walked)
 * is read only if it is regular: a FIFO there would wait for a writer, a
 * device might never end.  Returns the descriptor, or -1 after writing
 * why into why (why_size bytes). */
static int open_input(const char *path, int walked, char *why,
                      size_t why_size) {
  if (strcmp(path, "-") == 0)
    return STDIN_FILENO;
  int fd = open(path, O_RDONLY | O_NONBLOCK);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    snprintf(why, why_size, "%s", strerror(errno));
    if (fd >= 0)
      close(fd);
    return -1;
  }
  if (S_ISREG(st.st_mode)) {
    /* read as usual: where locks are mandatory, a non-blocking read of a
     * locked file fails (EAGAIN) instead of waiting */
    int flags = fcntl(fd, F_GETFL);
    if (flags != -1)
      (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  } else if (walked) {
    snprintf(why, why_size, "not a regular file (%s): skipped",
             kind_of(st.st_mode));
    close(fd);
    return -1;
  }
  return fd;
}

/* Waits until fd has something to read (or its end, or an error: read
 * tells which), or until the stop descriptor is readable.  Returns 0, or
 * ECANCELED when reading is to stop. */
static int wait_readable(const Input *in, int fd) {
  struct pollfd watch[2] = {{.fd = fd, .events = POLLIN},
                            {.fd = in->stop_fd, .events = POLLIN}};
  for (;;) {
    int n = poll(watch, in->stop_fd >= 0 ? 2 : 1, -1);
    if (n < 0 && errno != EINTR)
      return 0; /* read as if poll were not there */
    if (n > 0 && in->stop_fd >= 0 && watch[1].revents)
      return ECANCELED;
    if (n > 0)
      return 0;
  }
}

/* Reads up to n bytes of fd into buf once some are there.  Returns the
 * bytes read, 0 at the end, or -1 with errno set: ECANCELED when reading is
 * to stop, or read's error. */
static ssize_t read_some(const Input *in, int fd, char *buf, size_t n) {
  for (;;) {
    int error = wait_readable(in, fd);
    if (error) {
      errno = error;
      return -1;
    }
    ssize_t got = read(fd, buf, n);
    /* EAGAIN: a stream opened O_NONBLOCK woke poll but had nothing */
    if (got >= 0 || (errno != EINTR && errno != EAGAIN))
      return got;
  }
}

/* Reads all of file descriptor fd, up to max bytes, into a new
 * NUL-terminated buffer: with read(2), one call for a regular file and one
 * to see its end, where a stream would stat it again and allocate its own
 * buffer.  Returns 0, EFBIG when there is more (the rest is not read; *len
 * is then the size of the file, or the bytes read), ECANCELED when reading
 * is to stop, or an errno. */
static int read_all(const Input *in, int fd, size_t max, char **data,
                    size_t *len) {
  struct stat st;
  int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && (unsigned long long)st.st_size > max) {
    *len = (size_t)st.st_size;
    return EFBIG;
  }
  size_t cap = regular ? (size_t)st.st_size + 1 : CHUNK;
  char *buf = malloc(cap);
  size_t used = 0;
  for (;;) {
    if (!buf)
      return ENOMEM;
    ssize_t got = read_some(in, fd, buf + used, cap - used);
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

/* Says why a cannot be read: an errno, EFBIG for over max_bytes, or
 * WALK_NO_FILES for a directory of no file that format reads. */
static void set_problem(Article *a, int error, size_t max_bytes,
                        InputFormat format) {
  a->too_large = error == EFBIG;
  if (error == WALK_NO_FILES)
    snprintf(a->problem, sizeof a->problem,
             "no article: no *%s file in this directory or below (%s)",
             suffix_of(format),
             format == INPUT_JSONL ? "without -i jsonl, *.txt files are read"
                                   : "-i jsonl reads *.jsonl files");
  else if (a->too_large)
    snprintf(a->problem, sizeof a->problem,
             "more than --max-article-bytes %zu bytes: skipped", max_bytes);
  else
    snprintf(a->problem, sizeof a->problem, "%s", strerror(error));
}

/* Reads the plain-text file at path into *a.  Returns 1, 0 when reading
 * is to stop (nothing in *a), or -1 when out of memory. */
static int read_text_file(Input *in, const char *path, int walked, Article *a) {
  if (start_article(a, path, 0) != 0)
    return -1;
  if (!walked) /* a directory gives only *.txt files */
    warn_if_misread(path, a);
  int fd = open_input(path, walked, a->problem, sizeof a->problem);
  if (fd < 0)
    return 1;
  size_t len = 0;
  int error = read_all(in, fd, in->max_bytes, &a->record.text, &len);
  if (strcmp(path, "-") != 0)
    close(fd);
  if (error == ENOMEM || error == ECANCELED) {
    article_release(a);
    in->stopped = error == ECANCELED;
    return error == ENOMEM ? -1 : 0;
  }
  if (error)
    set_problem(a, error, in->max_bytes, in->format);
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

/* What next_line found. */
typedef enum {
  LINE_READ,     ///< a line, with its newline if it has one
  LINE_TOO_LONG, ///< a line of more than max_bytes + 1 bytes began
  LINE_END,      ///< the file's end
  LINE_FAILED    ///< an errno: a read error, ENOMEM, ECANCELED (stop)
} LineStatus;

/* Makes room in in->buf for more bytes after the unused ones: moves them
 * to its start, or grows it, up to max_bytes + 2 (a line, its '\r' and
 * one more byte to see that it is too long).  Returns 0, or ENOMEM. */
static int make_room(Input *in) {
  if (in->start > 0) {
    memmove(in->buf, in->buf + in->start, in->end - in->start);
    in->end -= in->start;
    in->start = 0;
  }
  if (in->end < in->buf_cap)
    return 0;
  size_t most = in->max_bytes + 2 > CHUNK ? in->max_bytes + 2 : CHUNK;
  size_t cap = in->buf_cap == 0         ? CHUNK
               : in->buf_cap > most / 2 ? most
                                        : in->buf_cap * 2;
  char *grown = realloc(in->buf, cap);
  if (!grown)
    return ENOMEM;
  in->buf = grown;
  in->buf_cap = cap;
  return 0;
}

/* Reads more of the JSON Lines file into in->buf.  Returns 0 (in->at_end
 * set at its end) or an errno. */
static int fill(Input *in) {
  if (make_room(in) != 0)
    return ENOMEM;
  ssize_t got =
      read_some(in, in->lines_fd, in->buf + in->end, in->buf_cap - in->end);
  if (got < 0)
    return errno ? errno : EIO;
  in->at_end = got == 0;
  in->end += (size_t)got;
  return 0;
}

/* Finds the next line of the JSON Lines file: sets *line and *len (its
 * bytes in in->buf, valid until the next call) for LINE_READ, *len the
 * bytes seen of it for LINE_TOO_LONG (the rest is read past on the next
 * call, not kept), *error for LINE_FAILED. */
static LineStatus next_line(Input *in, const char **line, size_t *len,
                            int *error) {
  for (;;) {
    size_t pending = in->end - in->start;
    char *from = pending ? in->buf + in->start : NULL; /* no buf yet */
    char *newline = pending ? memchr(from, '\n', pending) : NULL;
    if (newline && in->skipping) {
      in->skipping = 0;
      in->start += (size_t)(newline - from) + 1;
      continue;
    }
    if (newline || (in->at_end && pending > 0 && !in->skipping)) {
      *line = from;
      *len = newline ? (size_t)(newline - from) + 1 : pending;
      in->start += *len;
      in->line++;
      return LINE_READ;
    }
    if (in->at_end)
      return LINE_END;
    if (in->skipping) {
      in->start = in->end = 0;
    } else if (pending > in->max_bytes && pending - in->max_bytes > 1) {
      *len = pending;
      in->skipping = 1;
      in->start = in->end = 0;
      in->line++;
      return LINE_TOO_LONG;
    }
    if ((*error = fill(in)) != 0)
      return LINE_FAILED;
  }
}

/* Reports the read error that ends the JSON Lines file, once, at the line
 * where it stopped, and closes the file.  Returns 1, or -1 when out of
 * memory. */
static int end_on_error(Input *in, int error, Article *a) {
  int failed = start_article(a, in->lines_name, in->line + 1);
  if (!failed)
    set_problem(a, error, in->max_bytes, in->format);
  close_lines(in);
  return failed ? -1 : 1;
}

/* Reads the next record of the open JSON Lines file into *a.  Returns 1,
 * 0 at the file's end (it is then closed) or when reading is to stop, or
 * -1 when out of memory. */
static int read_record(Input *in, Article *a) {
  const char *line = NULL;
  size_t len = 0;
  int error = 0;
  LineStatus got;
  while ((got = next_line(in, &line, &len, &error)) == LINE_READ &&
         is_blank(line, len))
    ;
  if (got == LINE_END || (got == LINE_FAILED && error == ECANCELED)) {
    in->stopped = got == LINE_FAILED;
    close_lines(in);
    return 0;
  }
  if (got == LINE_FAILED)
    return error == ENOMEM ? -1 : end_on_error(in, error, a);
  if (start_article(a, in->lines_name, in->line) != 0)
    return -1;
  a->bytes = len;
  if (got == LINE_READ)
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
  if (got == LINE_TOO_LONG || len > in->max_bytes)
    set_problem(a, EFBIG, in->max_bytes, in->format);
  else
    record_parse(line, len, &a->record, a->problem, sizeof a->problem,
                 a->warning, sizeof a->warning);
  return 1;
}

/* Opens the JSON Lines file at path; returns 1 with *a the reason it
 * cannot be opened, 0 when it is open, -1 when out of memory. */
static int open_lines(Input *in, const char *path, int walked, Article *a) {
  char why[sizeof a->problem];
  int fd = open_input(path, walked, why, sizeof why);
  if (fd < 0) {
    if (start_article(a, path, 0) != 0)
      return -1;
    memcpy(a->problem, why, sizeof why);
    return 1;
  }
  int owned = strcmp(path, "-") != 0;
  if (!(in->lines_name = strdup(display_name(path)))) {
    if (owned)
      close(fd);
    return -1;
  }
  in->lines_fd = fd;
  in->lines_owned = owned;
  in->line = 0;
  in->at_end = in->skipping = 0;
  in->start = in->end = 0;
  return 0;
}

int input_next(Input *in, Article *a) {
  while (!in->stopped) {
    if (in->lines_fd >= 0) {
      int got = read_record(in, a);
      if (got != 0 || in->stopped)
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
      set_problem(a, error, in->max_bytes, in->format);
      return 1;
    }
    int walked = walk_in_directory(in->walk);
    if (in->format == INPUT_TEXT)
      return read_text_file(in, path, walked, a);
    int failed = open_lines(in, path, walked, a);
    if (failed != 0)
      return failed;
  }
  return 0;
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
