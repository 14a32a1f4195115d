/* cli.c - what the program's commands share; see cli.h. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "cli.h"

#include <ctype.h>
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

void cli_report_error(const char *file, const KgError *err) {
  const char *where = err->file[0] ? err->file : file;
  if (err->line > 0)
    fprintf(stderr, "%s: %s:%ld: %s\n", PROGRAM, where, err->line,
            err->message);
  else if (err->offset >= 0)
    fprintf(stderr, "%s: %s: byte %ld: %s\n", PROGRAM, where, err->offset,
            err->message);
  else
    fprintf(stderr, "%s: %s: %s\n", PROGRAM, where, err->message);
}

void cli_report(const char *file, const char *message) {
  fprintf(stderr, "%s: %s: %s\n", PROGRAM, file, message);
}

int cli_usage_error(const char *message) {
  if (message)
    fprintf(stderr, "%s: %s\n", PROGRAM, message);
  fprintf(stderr, "Try '%s --help' for more information.\n", PROGRAM);
  return EXIT_FATAL;
}

int cli_bad_option(char **argv, int c) {
  const char *arg = argv[optind - 1];
  if (c == ':')
    fprintf(stderr, "%s: option '%s' needs an argument\n", PROGRAM, arg);
  else if (optopt && strncmp(arg, "--", 2) != 0)
    fprintf(stderr, "%s: unknown option '-%c'\n", PROGRAM, optopt);
  else
    fprintf(stderr, "%s: unknown option '%s'\n", PROGRAM, arg);
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
  if (strcmp(arg, "basic") == 0)
    x->provenance = KG_PROVENANCE_BASIC;
  else if (strcmp(arg, "full") == 0)
    x->provenance = KG_PROVENANCE_FULL;
  else
    return "--provenance is basic or full";
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
    fprintf(stderr, "%s: unknown input format '%s' (text, jsonl)\n", PROGRAM,
            arg);
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
    fprintf(stderr,
            "%s: invalid argument '%s': %s wants a number from %llu to %lluG\n",
            PROGRAM, arg, name, least, most >> 30);
  else
    fprintf(stderr,
            "%s: invalid argument '%s': %s wants a number from %llu to %llu\n",
            PROGRAM, arg, name, least, most);
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
    fprintf(stderr, "%s: invalid argument '%s': %s\n", PROGRAM, arg, wrong);
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

/* -O writes to a temporary file beside the target (mkstemp), flushes and
 * fsyncs it, and renames it over the target, so readers of the target see
 * either the old file or the whole new one, never a half-written one. */

int cli_output_open(CliOutput *out, const char *target, const Resume *resume) {
  out->fh = stdout;
  out->target = target;
  out->tmp = NULL;
  if (!target)
    return 0;
  const char *slash = strrchr(target, '/');
  size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
  size_t size = strlen(target) + sizeof "/.tmp.XXXXXX";
  if (!(out->tmp = malloc(size))) {
    cli_report(target, strerror(ENOMEM));
    return -1;
  }
  snprintf(out->tmp, size, "%.*s.%s.XXXXXX", (int)dirlen, target,
           target + dirlen);
  int fd = mkstemp(out->tmp);
  if (fd < 0) {
    char message[600];
    snprintf(message, sizeof message, "cannot create a temporary file: %s",
             strerror(errno));
    cli_report(target, message);
    free(out->tmp);
    out->tmp = NULL;
    return -1;
  }
  cli_remove_on_interrupt(out->tmp);
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0 || !(out->fh = fdopen(fd, "wb"))) {
    cli_report(target, strerror(errno));
    close(fd);
    unlink(out->tmp);
    cli_remove_on_interrupt(NULL);
    free(out->tmp);
    out->tmp = NULL;
    return -1;
  }
  int error = resume ? resume_copy_kept(resume, target, out->fh) : 0;
  if (error) {
    char message[600];
    snprintf(message, sizeof message, "cannot copy what it holds: %s",
             strerror(error));
    cli_report(target, message);
    cli_output_close(out, 0);
    return -1;
  }
  return 0;
}

int cli_output_close(CliOutput *out, int commit) {
  if (!out->tmp) {
    if (!commit) /* the failure that stopped the run is reported already */
      return -1;
    if (fflush(stdout) != 0 || ferror(stdout)) {
      cli_report("(standard output)", strerror(errno ? errno : EIO));
      return -1;
    }
    return 0;
  }
  const char *failed = commit ? NULL : "not committed";
  int cause = 0;
  errno = 0;
  if (!failed && (fflush(out->fh) != 0 || ferror(out->fh)))
    failed = "write error", cause = errno;
  if (!failed && fsync(fileno(out->fh)) != 0)
    failed = "cannot sync", cause = errno;
  if (fclose(out->fh) != 0 && !failed)
    failed = "cannot close", cause = errno;
  if (!failed && rename(out->tmp, out->target) != 0)
    failed = "cannot rename the temporary file", cause = errno;
  if (failed) {
    if (commit) {
      char message[600];
      snprintf(message, sizeof message, "%s: %s", failed,
               strerror(cause ? cause : EIO));
      cli_report(out->target, message);
    }
    unlink(out->tmp);
  } else {
    /* make the rename itself durable; the file is complete either way */
    const char *slash = strrchr(out->target, '/');
    char *dir = slash ? strndup(out->target, (size_t)(slash - out->target) + 1)
                      : strdup(".");
    int fd = dir ? open(dir, O_RDONLY) : -1;
    if (fd >= 0) {
      (void)fsync(fd);
      close(fd);
    }
    free(dir);
  }
  cli_remove_on_interrupt(NULL);
  free(out->tmp);
  out->tmp = NULL;
  return failed ? -1 : 0;
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
