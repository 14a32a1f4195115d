/* cli.c - what the program's commands share; see cli.h. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* POSIX 2008 with realpath */
#endif
#include "cli.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "progress.h"

#ifndef NEWSKG_DATADIR
#define NEWSKG_DATADIR "/usr/local/share/newskg"
#endif
#ifndef NEWSKG_BUILD_DATADIR
#define NEWSKG_BUILD_DATADIR "data"
#endif

/* A file that names the data directory as a usable one. */
#define DATA_PROBE "countries.tsv"

/* Most worker threads -j takes. */
#define MAX_JOBS 1024

/* The default of --max-article-bytes: news articles are a few kB, the
 * longest feature far below 1 MB; extracting takes about 15 bytes of
 * memory per byte of text, so 8 MiB keeps one article under ~130 MB per
 * thread.  The option takes up to MAX_ARTICLE_BYTES. */
#define DEFAULT_ARTICLE_BYTES (8UL << 20)
#define MAX_ARTICLE_BYTES (1UL << 32)

/* --- messages ------------------------------------------------------------ */

size_t cli_vformat_message(char *line, const char *format, va_list ap) {
  char text[CLI_MESSAGE_MAX];
  int n = vsnprintf(text, sizeof text, format, ap);
  size_t len = n < 0                     ? 0
               : (size_t)n < sizeof text ? (size_t)n
                                         : sizeof text - 1; /* cut */
  size_t prefix = strlen(PROGRAM ": ");
  memcpy(line, PROGRAM ": ", prefix);
  len = prefix + kg_escape(text, len, line + prefix);
  line[len++] = '\n';
  line[len] = '\0';
  return len;
}

size_t cli_format_message(char *line, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  size_t len = cli_vformat_message(line, format, ap);
  va_end(ap);
  return len;
}

const char *cli_plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

void cli_message(const char *format, ...) {
  char line[CLI_LINE_SIZE];
  va_list ap;
  va_start(ap, format);
  size_t len = cli_vformat_message(line, format, ap);
  va_end(ap);
  /* one write, as fprintf made it: lines of processes sharing standard
   * error stay whole */
  fwrite(line, 1, len, stderr);
}

void cli_report_error(const char *file, const KgError *err) {
  const char *where = err->file[0] ? err->file : file;
  if (err->line > 0)
    cli_message("%s:%ld: %s", where, err->line, err->message);
  else if (err->offset >= 0)
    cli_message("%s: byte %ld: %s", where, err->offset, err->message);
  else
    cli_message("%s: %s", where, err->message);
}

void cli_report(const char *file, const char *message) {
  cli_message("%s: %s", file, message);
}

int cli_usage_error(const char *message) {
  if (message)
    cli_message("%s", message);
  fprintf(stderr, "Try '%s --help' for more information.\n", PROGRAM);
  return EXIT_FATAL;
}

int cli_bad_option(char **argv, int c) {
  const char *arg = argv[optind - 1];
  if (c == ':')
    cli_message("option '%s' needs an argument", arg);
  else if (optopt && strncmp(arg, "--", 2) != 0)
    cli_message("unknown option '-%c'", optopt);
  else
    cli_message("unknown option '%s'", arg);
  return cli_usage_error(NULL);
}

int cli_find_name(const char *const *names, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0)
      return i;
  return -1;
}

/* --- options --------------------------------------------------------------- */

/* The default of -j: the cores online, at least 1. */
static size_t online_cores(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (size_t)n;
}

int cli_options_init(CliOptions *opt, int argc) {
  memset(opt, 0, sizeof *opt);
  opt->jobs = online_cores();
  opt->max_article_bytes = DEFAULT_ARTICLE_BYTES;
  opt->extract.max_sentence_mentions = KG_MAX_SENTENCE_MENTIONS;
  opt->extract.max_article_mentions = KG_MAX_ARTICLE_MENTIONS;
  /* at most argc repeatable options of each kind */
  opt->gazetteers = calloc((size_t)argc, sizeof *opt->gazetteers);
  opt->rules = calloc((size_t)argc, sizeof *opt->rules);
  if (opt->gazetteers && opt->rules)
    return 0;
  fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
  cli_options_free(opt);
  return EXIT_FATAL;
}

void cli_options_free(CliOptions *opt) {
  free(opt->gazetteers);
  free(opt->rules);
  opt->gazetteers = opt->rules = NULL;
}

/* Sets the extraction option of getopt code c (--date, --min-confidence,
 * --provenance) from arg.  Returns NULL, or what is wrong with arg. */
static const char *extract_option(KgExtractOptions *x, int c, const char *arg) {
  if (c == OPT_DATE) {
    x->date = arg;
    return kg_date_is_valid(arg) ? NULL
                                 : "--date wants a calendar date YYYY-MM-DD";
  }
  if (c == OPT_MIN_CONFIDENCE) {
    char *end;
    errno = 0;
    x->min_confidence = strtod(arg, &end);
    if (errno || end == arg || *end || !(x->min_confidence >= 0.0) ||
        x->min_confidence > 1.0)
      return "--min-confidence wants a number from 0 to 1";
    return NULL;
  }
  /* "basic" is the old name of "sentences": kept so that scripts run on */
  if (strcmp(arg, "sentences") == 0 || strcmp(arg, "basic") == 0)
    x->provenance = KG_PROVENANCE_SENTENCES;
  else if (strcmp(arg, "full") == 0)
    x->provenance = KG_PROVENANCE_FULL;
  else if (strcmp(arg, "none") == 0)
    x->provenance = KG_PROVENANCE_NONE;
  else
    return "--provenance is none, sentences or full";
  return NULL;
}

/* Sets -i or -j (getopt code c) from arg.  Returns -1, or EXIT_FATAL after
 * saying what is wrong with arg. */
static int input_option(CliOptions *opt, int c, const char *arg) {
  static const char *const inputs[] = {"text", "jsonl"};
  if (c == 'i') {
    int i = cli_find_name(inputs, 2, arg);
    if (i >= 0) {
      opt->input = (InputFormat)i;
      return -1;
    }
    cli_message("unknown input format '%s' (text, jsonl)", arg);
    return cli_usage_error(NULL);
  }
  unsigned long long n;
  int status = cli_number_option("-j", arg, 1, MAX_JOBS, 0, &n);
  if (status < 0)
    opt->jobs = (size_t)n;
  return status;
}

int cli_number_option(const char *name, const char *arg,
                      unsigned long long least, unsigned long long most,
                      int units, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long n = strtoull(arg, &end, 10);
  const char *const powers = "KMG";
  const char *unit = units && *end ? strchr(powers, *end) : NULL;
  if (unit && end[1] == '\0') {
    for (const char *u = powers; u <= unit; u++)
      n = n > most ? n : n * 1024;
    end++;
  }
  if (!errno && end != arg && !*end && isdigit((unsigned char)*arg) &&
      n >= least && n <= most) {
    *out = n;
    return -1;
  }
  if (units && most % (1ULL << 30) == 0)
    cli_message("invalid argument '%s': %s wants a number from %llu to %lluG",
                arg, name, least, most >> 30);
  else
    cli_message("invalid argument '%s': %s wants a number from %llu to %llu",
                arg, name, least, most);
  return cli_usage_error(NULL);
}

int cli_option(CliOptions *opt, int c, const char *arg) {
  const char *wrong;
  unsigned long long n;
  int status;
  switch (c) {
  case 'i':
  case 'j':
    return input_option(opt, c, arg);
  case 'd':
    opt->data = arg;
    return -1;
  case OPT_GAZETTEER:
    opt->gazetteers[opt->n_gazetteers++] = arg;
    return -1;
  case OPT_RULES:
    opt->rules[opt->n_rules++] = arg;
    return -1;
  case OPT_DATE:
  case OPT_MIN_CONFIDENCE:
  case OPT_PROVENANCE:
    if (!(wrong = extract_option(&opt->extract, c, arg)))
      return -1;
    cli_message("invalid argument '%s': %s", arg, wrong);
    return cli_usage_error(NULL);
  case OPT_EXPLAIN:
    opt->explain = 1;
    return -1;
  case OPT_MAX_ARTICLE_BYTES:
    if ((status = cli_number_option("--max-article-bytes", arg, 1,
                                    MAX_ARTICLE_BYTES, 1, &n)) < 0)
      opt->max_article_bytes = (size_t)n;
    return status;
  case OPT_MAX_SENTENCE_MENTIONS:
    if ((status = cli_number_option("--max-sentence-mentions", arg, 1,
                                    1000000000ULL, 0, &n)) < 0)
      opt->extract.max_sentence_mentions = (size_t)n;
    return status;
  case OPT_MAX_ARTICLE_MENTIONS:
    if ((status = cli_number_option("--max-article-mentions", arg, 1,
                                    1000000000ULL, 0, &n)) < 0)
      opt->extract.max_article_mentions = (size_t)n;
    return status;
  case 'q':
    opt->quiet = 1;
    return -1;
  default:
    return CLI_NOT_MINE;
  }
}

/* --- the extractor ------------------------------------------------------- */

static int has_data(const char *dir, const char *probe) {
  char path[4096];
  int n = snprintf(path, sizeof path, "%s/%s", dir, probe);
  return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

const char *cli_data_dir(const char *option, const char *probe) {
  if (option)
    return option;
  const char *env = getenv("NEWSKG_DATA");
  if (env && *env)
    return env;
  return has_data(NEWSKG_DATADIR, probe) ? NEWSKG_DATADIR
                                         : NEWSKG_BUILD_DATADIR;
}

KgExtractor *cli_load_extractor(const CliOptions *opt) {
  KgError err;
  memset(&err, 0, sizeof err);
  err.offset = -1;
  const char *dir = cli_data_dir(opt->data, DATA_PROBE);
  KgExtractor *ex = NULL;
  if (kg_extractor_new(dir, &ex, &err) != KG_OK) {
    cli_report_error(dir, &err);
    return NULL;
  }
  for (size_t i = 0; i < opt->n_gazetteers; i++)
    if (kg_extractor_add_gazetteer(ex, opt->gazetteers[i], &err) != KG_OK) {
      cli_report_error(opt->gazetteers[i], &err);
      kg_extractor_free(ex);
      return NULL;
    }
  for (size_t i = 0; i < opt->n_rules; i++)
    if (kg_extractor_add_rules(ex, opt->rules[i], &err) != KG_OK) {
      cli_report_error(opt->rules[i], &err);
      kg_extractor_free(ex);
      return NULL;
    }
  return ex;
}

/* --- output ----------------------------------------------------------------- */

/* -O FILE, when a regular file or none yet, is written to a temporary file
 * beside it, DIR/.NAME.newskg-tmp.XXXXXX, that is flushed, fsynced and
 * renamed over it, so readers of FILE see either the old file or the whole
 * new one, never a half-written one.  The run holds a write lock (fcntl)
 * on its temporary file until after the rename, and the system drops it
 * however the run ends: a temporary file of FILE that no one holds a lock
 * on was left by a run that was killed (SIGKILL, a crash), and the next
 * run onto FILE removes it.  A FIFO or character device has no contents
 * to replace and is written through. */

#define TMP_MARK ".newskg-tmp."
#define TMP_RANDOM "XXXXXX"

/* Reports "newskg: target: what: the error of errno cause". */
static void report_errno(const char *target, const char *what, int cause) {
  char message[600];
  snprintf(message, sizeof message, "%s%s%s", what, *what ? ": " : "",
           strerror(cause ? cause : EIO));
  cli_report(target, message);
}

/* The last part of path (after its last '/'). */
static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* The directory of path, owned: the part before base_name (with its '/'),
 * or "."; NULL when out of memory. */
static char *dir_name(const char *path) {
  const char *base = base_name(path);
  return base > path ? strndup(path, (size_t)(base - path)) : strdup(".");
}

/* What -O does with its target. */
typedef enum { TARGET_REPLACE, TARGET_THROUGH, TARGET_REFUSED } TargetUse;

/* How to write to target: replace the regular file *path (owned: target,
 * or the file that a symbolic link target leads to) with *st its status,
 * st_mode 0 when there is none yet; write through to the FIFO or character
 * device; or nothing, after reporting why not. */
static TargetUse target_use(const char *target, char **path, struct stat *st) {
  *path = NULL;
  int is_link = 0;
  if (lstat(target, st) != 0) {
    if (errno != ENOENT) {
      report_errno(target, "", errno);
      return TARGET_REFUSED;
    }
    memset(st, 0, sizeof *st);
  } else if (S_ISLNK(st->st_mode)) {
    is_link = 1;
    if (stat(target, st) != 0) {
      if (errno == ENOENT)
        cli_report(target, "a symbolic link to nothing: newskg does not "
                           "create a file through a link");
      else
        report_errno(target, "", errno);
      return TARGET_REFUSED;
    }
  }
  if (S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode))
    return TARGET_THROUGH;
  if (S_ISDIR(st->st_mode)) {
    cli_report(target, "is a directory");
    return TARGET_REFUSED;
  }
  if (st->st_mode && !S_ISREG(st->st_mode)) {
    cli_report(target, "is a socket or block device: -O writes only to a "
                       "regular file, a FIFO or a character device");
    return TARGET_REFUSED;
  }
  *path = is_link ? realpath(target, NULL) : strdup(target);
  if (!*path) {
    report_errno(target, "", errno);
    return TARGET_REFUSED;
  }
  return TARGET_REPLACE;
}

/* Opens the FIFO or character device target for writing, as it is. */
static int open_through(CliOutput *out) {
  int fd = open(out->target, O_WRONLY | O_NOCTTY);
  if (fd < 0 || !(out->fh = fdopen(fd, "wb"))) {
    report_errno(out->target, "cannot open", errno);
    if (fd >= 0)
      close(fd);
    out->fh = stdout;
    return -1;
  }
  return 0;
}

/* Takes a lock of type (F_RDLCK or F_WRLCK) on the whole of the open file
 * fd without waiting; returns 0, or -1 with errno set (EACCES or EAGAIN:
 * another process holds one). */
static int lock_whole(int fd, short type) {
  struct flock lock;
  memset(&lock, 0, sizeof lock);
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  return fcntl(fd, F_SETLK, &lock);
}

/* Non-zero when path names the open file fd. */
static int names_file(const char *path, int fd) {
  struct stat named, opened;
  return lstat(path, &named) == 0 && fstat(fd, &opened) == 0 &&
         named.st_dev == opened.st_dev && named.st_ino == opened.st_ino;
}

/* Removes tmp, a temporary file of an -O run, when no run holds a lock on
 * it, and says so.  One that cannot be opened is left alone: whose it is
 * cannot be told. */
static void remove_if_stale(const char *tmp) {
  int fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    return;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      lock_whole(fd, F_RDLCK) == 0) {
    char message[200];
    if (unlink(tmp) == 0)
      snprintf(message, sizeof message,
               "removed the temporary file of a run that was killed or "
               "crashed (%lld bytes)",
               (long long)st.st_size);
    else
      snprintf(message, sizeof message,
               "cannot remove the temporary file of a run that was killed or "
               "crashed: %s",
               strerror(errno));
    cli_report(tmp, message);
  }
  close(fd); /* drops the lock, after the unlink */
}

/* Removes the temporary files of path that killed runs left beside it. */
static void remove_stale_temporaries(const char *path) {
  const char *base = base_name(path);
  int dirlen = (int)(base - path);
  size_t marklen = strlen(base) + sizeof "." TMP_MARK - 1;
  char *dir = dir_name(path);
  char *mark = malloc(marklen + 1);
  DIR *d = dir && mark ? opendir(dir) : NULL;
  if (mark)
    snprintf(mark, marklen + 1, ".%s" TMP_MARK, base);
  struct dirent *entry;
  while (d && (entry = readdir(d))) {
    const char *name = entry->d_name;
    if (strncmp(name, mark, marklen) != 0 ||
        strlen(name + marklen) != sizeof TMP_RANDOM - 1)
      continue;
    size_t size = (size_t)dirlen + strlen(name) + 1;
    char *tmp = malloc(size);
    if (tmp) {
      snprintf(tmp, size, "%.*s%s", dirlen, path, name);
      remove_if_stale(tmp);
    }
    free(tmp);
  }
  if (d)
    closedir(d);
  free(mark);
  free(dir);
}

/* Creates the temporary file of template (ending in TMP_RANDOM, which it
 * fills in) and locks it; returns its descriptor, or -1 with errno set.
 * Between the creation and the lock, another run may take the file for a
 * killed run's and remove it: then its lock is held, or the name leads
 * elsewhere, and another name is tried. */
static int create_temporary(char *template) {
  char *random = template + strlen(template) - (sizeof TMP_RANDOM - 1);
  for (int tries = 0; tries < 100; tries++) {
    memcpy(random, TMP_RANDOM, sizeof TMP_RANDOM - 1);
    int fd = mkstemp(template);
    if (fd < 0)
      return -1;
    /* a file system without locks (ENOLCK) keeps the file unlocked; no
     * run can then take it for a killed run's either */
    int taken =
        lock_whole(fd, F_WRLCK) != 0 && (errno == EACCES || errno == EAGAIN);
    if (!taken && names_file(template, fd))
      return fd;
    close(fd);
  }
  errno = EEXIST;
  return -1;
}

/* Gives the temporary file fd the permission bits of old, the file it
 * replaces, and its owner and group where this process may set them
 * (root; or a group the user is in); or, when st_mode is 0 (no file yet),
 * the mode a new file gets.  Set-id bits are not carried over. */
static int take_mode(int fd, const struct stat *old) {
  if (!old->st_mode) {
    mode_t mask = umask(0);
    umask(mask);
    return fchmod(fd, 0666 & ~mask);
  }
  if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
      fchown(fd, (uid_t)-1, old->st_gid) != 0) {
    /* best effort: the file is then the user's, with the old bits */
  }
  return fchmod(fd, old->st_mode & 0777);
}

/* Opens out->tmp, a new temporary file beside out->path, which replaces
 * the file of status old. */
static int open_temporary(CliOutput *out, const struct stat *old) {
  const char *base = base_name(out->path);
  int dirlen = (int)(base - out->path);
  size_t size = strlen(out->path) + sizeof "." TMP_MARK TMP_RANDOM;
  if (!(out->tmp = malloc(size))) {
    report_errno(out->target, "", ENOMEM);
    return -1;
  }
  snprintf(out->tmp, size, "%.*s.%s" TMP_MARK TMP_RANDOM, dirlen, out->path,
           base);
  int fd = create_temporary(out->tmp);
  if (fd < 0) {
    report_errno(out->target, "cannot create a temporary file", errno);
    free(out->tmp);
    out->tmp = NULL;
    return -1;
  }
  cli_remove_on_interrupt(out->tmp);
  if (take_mode(fd, old) != 0 || !(out->fh = fdopen(fd, "wb"))) {
    report_errno(out->target, "", errno);
    close(fd);
    unlink(out->tmp);
    cli_remove_on_interrupt(NULL);
    free(out->tmp);
    out->tmp = NULL;
    out->fh = stdout;
    return -1;
  }
  return 0;
}

int cli_output_open(CliOutput *out, const char *target, const Resume *resume) {
  out->fh = stdout;
  out->target = target;
  out->path = out->tmp = NULL;
  if (!target)
    return 0;
  struct stat old;
  TargetUse use = target_use(target, &out->path, &old);
  if (use != TARGET_REPLACE)
    return use == TARGET_THROUGH ? open_through(out) : -1;
  remove_stale_temporaries(out->path);
  if (open_temporary(out, &old) != 0) {
    free(out->path);
    out->path = NULL;
    return -1;
  }
  int error = resume ? resume_copy_kept(resume, target, out->fh) : 0;
  if (error) {
    report_errno(target, "cannot copy what it holds", error);
    cli_output_close(out, 0);
    return -1;
  }
  return 0;
}

/* Makes the rename of a file in the directory of path durable. */
static void sync_directory(const char *path) {
  char *dir = dir_name(path);
  int fd = dir ? open(dir, O_RDONLY) : -1;
  if (fd >= 0) {
    (void)fsync(fd);
    close(fd);
  }
  free(dir);
}

/* cli_output_close of a temporary file. */
static int close_replacing(CliOutput *out, int commit) {
  const char *failed = commit ? NULL : "not committed";
  int cause = 0;
  errno = 0;
  if (!failed && (fflush(out->fh) != 0 || ferror(out->fh)))
    failed = "write error", cause = errno;
  if (!failed && fsync(fileno(out->fh)) != 0)
    failed = "cannot sync", cause = errno;
  if (!failed && rename(out->tmp, out->path) != 0)
    failed = "cannot rename the temporary file", cause = errno;
  /* closed only now: closing drops the lock that tells other runs the
   * temporary file is in use */
  if (fclose(out->fh) != 0 && !failed)
    failed = "cannot close", cause = errno;
  if (failed) {
    if (commit)
      report_errno(out->target, failed, cause);
    unlink(out->tmp);
  } else {
    sync_directory(out->path);
  }
  cli_remove_on_interrupt(NULL);
  free(out->tmp);
  out->tmp = NULL;
  return failed ? -1 : 0;
}

/* cli_output_close of a FIFO or device written through: what was written
 * is there either way. */
static int close_through(CliOutput *out, int commit) {
  errno = 0;
  int failed = fflush(out->fh) != 0 || ferror(out->fh);
  int cause = errno;
  if (fclose(out->fh) != 0 && !failed)
    failed = 1, cause = errno;
  if (failed && commit)
    report_errno(out->target, "write error", cause);
  return failed || !commit ? -1 : 0;
}

/* cli_output_close of standard output. */
static int close_stdout(int commit) {
  if (!commit) /* the failure that stopped the run is reported already */
    return -1;
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cli_report("(standard output)", strerror(errno ? errno : EIO));
    return -1;
  }
  return 0;
}

int cli_output_close(CliOutput *out, int commit) {
  int status = out->tmp      ? close_replacing(out, commit)
               : out->target ? close_through(out, commit)
                             : close_stdout(commit);
  free(out->path);
  out->path = NULL;
  return status;
}

/* --- signals -------------------------------------------------------------- */

/* The signal that asked the run to stop (0 until one does), the pipe the
 * first one writes a byte to, which wakes a read waiting for input
 * (input_stop_on) in whatever thread the handler runs, and the temporary
 * file to remove when a second one ends the program at once.  The
 * program's globals: a signal handler has nowhere else to look. */
static volatile sig_atomic_t stop_signal;
static int stop_pipe[2] = {-1, -1};
static char *volatile interrupted_tmp;

/* Wakes a read waiting for input; when the write fails, the pipe is full,
 * and readable already. */
static void wake_reader(void) {
  int saved = errno;
  ssize_t written = stop_pipe[1] >= 0 ? write(stop_pipe[1], "", 1) : 0;
  (void)written;
  errno = saved;
}

static void on_signal(int sig) {
  if (!stop_signal) {
    stop_signal = sig;
    wake_reader();
    return;
  }
  if (interrupted_tmp)
    unlink(interrupted_tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Opens stop_pipe, once.  Without it (out of descriptors), a read that
 * waits for input is not woken by a signal: the run stops after it. */
static void open_stop_pipe(void) {
  if (stop_pipe[0] >= 0 || pipe(stop_pipe) != 0)
    return;
  /* not inherited by children; non-blocking: the handler never waits */
  for (int i = 0; i < 2; i++) {
    (void)fcntl(stop_pipe[i], F_SETFD, FD_CLOEXEC);
    (void)fcntl(stop_pipe[i], F_SETFL, O_NONBLOCK);
  }
}

void cli_catch_signals(void) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  open_stop_pipe();
  for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    /* reads and writes go on; a read waiting for input polls stop_pipe */
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(signals[i], &sa, NULL);
  }
}

void cli_remove_on_interrupt(char *path) { interrupted_tmp = path; }

int cli_stop_signal(void) { return stop_signal; }

int cli_stop_fd(void) { return stop_pipe[0]; }

/* --- the run --------------------------------------------------------------- */

/* Says which signal stopped the run, and how to carry on. */
static void report_stop(Progress *progress, const char *how_to_go_on) {
  char text[300];
  int n = snprintf(text, sizeof text,
                   "%s: interrupted by %s: the articles read so far were "
                   "written whole%s\n",
                   PROGRAM,
                   stop_signal == SIGINT    ? "SIGINT"
                   : stop_signal == SIGTERM ? "SIGTERM"
                                            : "SIGHUP",
                   how_to_go_on);
  if (n > 0)
    progress_write(progress, text,
                   (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
}

int cli_run_corpus(const CliOptions *opt, const KgExtractor *ex, Sink *sink,
                   Resume *resume, const char *how_to_go_on, int uses_stdout,
                   int nargs, char **args) {
  int show = !opt->quiet && isatty(STDERR_FILENO) &&
             !(uses_stdout && isatty(STDOUT_FILENO));
  CorpusOptions co = {opt->extract, opt->explain, !opt->quiet && !show,
                      opt->jobs,    resume,       &stop_signal};
  Input *in =
      input_new(args, (size_t)nargs, opt->input, opt->max_article_bytes);
  if (in)
    input_stop_on(in, stop_pipe[0]);
  Progress *progress = progress_start(
      show, show ? input_total_bytes(args, (size_t)nargs, opt->input) : -1);
  if (!in || !progress) {
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
    input_free(in);
    progress_finish(progress, 0);
    return EXIT_FATAL;
  }
  CorpusStatus status = corpus_run(ex, &co, in, sink, progress);
  input_free(in);
  if (stop_signal && status != CORPUS_FATAL)
    report_stop(progress, how_to_go_on);
  progress_finish(progress, !opt->quiet);
  return status == CORPUS_FATAL         ? EXIT_FATAL
         : stop_signal                  ? 128 + stop_signal
         : status == CORPUS_SOME_FAILED ? EXIT_INPUT
                                        : EXIT_SUCCESS;
}
