/* main.c - the newskg program: English news text in, RDF out.
 *
 * A thin layer over libnewskg and the run (corpus.c): it parses options,
 * finds the data directory, opens the output, and hands the articles of its
 * arguments (input.c) to corpus_run, or scores a graph (`newskg eval`,
 * kg_eval); it turns what went wrong into messages and exit codes.
 * Everything it prints to stderr has the form
 *
 *     newskg: FILE[:LINE]: message
 *
 * and the exit code says how bad things were:
 *
 *     0  every article was read, extracted and written (bytes replaced
 *        with U+FFFD and capped sentences are warnings)
 *     1  at least one article was skipped (unreadable, not text, over
 *        --max-article-bytes, a bad record): the others were still
 *        processed and written
 *     2  usage error, or a fatal error: data files unloadable, output not
 *        writable.  With -O the target file is then left untouched.
 *     128 + N  signal N (SIGINT 130, SIGTERM 143, SIGHUP 129) stopped the
 *        run: the articles read by then were finished and written whole,
 *        and -O FILE holds them (--resume carries on from there).
 *
 * -O writes to a temporary file beside the target (mkstemp), flushes and
 * fsyncs it, and renames it over the target, so readers of the target see
 * either the old file or the whole new one, never a half-written one.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "input.h"
#include "newskg.h"
#include "progress.h"
#include "resume.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif
#ifndef PACKAGE_URL
#define PACKAGE_URL "https://w3id.org/newskg"
#endif
#ifndef NEWSKG_DATADIR
#define NEWSKG_DATADIR "/usr/local/share/newskg"
#endif
#ifndef NEWSKG_BUILD_DATADIR
#define NEWSKG_BUILD_DATADIR "data"
#endif

#define PROGRAM "newskg"

enum { EXIT_INPUT = 1, EXIT_FATAL = 2 };

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

/* "newskg: FILE[:LINE][: byte N]: message" for a library error; file names
 * the input when the error record names none. */
static void report_error(const char *file, const KgError *err) {
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

static void report(const char *file, const char *message) {
  fprintf(stderr, "%s: %s: %s\n", PROGRAM, file, message);
}

static int usage_error(const char *message) {
  if (message)
    fprintf(stderr, "%s: %s\n", PROGRAM, message);
  fprintf(stderr, "Try '%s --help' for more information.\n", PROGRAM);
  return EXIT_FATAL;
}

/* Reports what getopt_long (run with opterr = 0 and a leading ':') found
 * wrong with the option just read. */
static int bad_option(char **argv, int c) {
  const char *arg = argv[optind - 1];
  if (c == ':')
    fprintf(stderr, "%s: option '%s' needs an argument\n", PROGRAM, arg);
  else if (optopt && strncmp(arg, "--", 2) != 0)
    fprintf(stderr, "%s: unknown option '-%c'\n", PROGRAM, optopt);
  else
    fprintf(stderr, "%s: unknown option '%s'\n", PROGRAM, arg);
  return usage_error(NULL);
}

static void print_help(void) {
  printf(
      "newskg: English news text to an RDF knowledge graph %s\n"
      "Extract the people, countries, organisations and cities news articles\n"
      "name, and what they state about them, as RDF with its evidence.\n"
      "Usage: %s [OPTIONS] FILE|DIR...\n"
      "       %s eval GOLD GRAPH [--min-f1 F]\n"
      "\n"
      "Arguments:\n"
      "  FILE            an article in UTF-8 text (with -i jsonl: JSON Lines\n"
      "                  records, one article a line), or '-' for standard\n"
      "                  input.\n"
      "  DIR             every *.txt file below DIR (*.jsonl with -i jsonl),\n"
      "                  depth first, each directory's names in byte order.\n"
      "                  Each article gives its own graph, in input order.\n"
      "\n"
      "Main options:\n"
      "  -o FORMAT, --output FORMAT  Set the output format to one of:\n"
      "    turtle          Turtle Terse RDF Triple Language (default)\n"
      "    ntriples        N-Triples\n"
      "    nquads          N-Quads, each article in a named graph\n"
      "    dot             GraphViz DOT: the entities and relations of one\n"
      "                    article (one text FILE or '-'), for dot -Tsvg\n"
      "  -i FORMAT, --input FORMAT   Set the input format to one of:\n"
      "    text            an article a file (default)\n"
      "    jsonl           JSON Lines, an article a line: {\"id\", \"url\",\n"
      "                    \"date\", \"title\", \"text\"}, only text required\n"
      "  -O FILE, --output-file FILE Write to FILE (replaced whole, or left\n"
      "                              untouched on error) instead of stdout\n"
      "  -j N, --jobs N              Extract with N threads (default: one per\n"
      "                              online core); the output is the same\n"
      "                              for every N\n"
      "  -d DIR, --data DIR          Read gazetteers, lexicon and rules from "
      "DIR\n"
      "                              (default: $NEWSKG_DATA, else\n"
      "                              %s, else the source\n"
      "                              tree's data/ when not installed)\n"
      "  --gazetteer FILE            Add a gazetteer file (repeatable)\n"
      "  --rules FILE                Add a rule file (repeatable)\n"
      "  --date YYYY-MM-DD           The articles' date, which \"on Tuesday\"\n"
      "                              is read against (default: each one's\n"
      "                              dateline date); a record's \"date\"\n"
      "                              comes first\n"
      "  --min-confidence X          Leave out relations whose confidence is\n"
      "                              below X (0 to 1)\n"
      "  --provenance LEVEL          basic (default): sentences, rules and\n"
      "                              confidence; full: also the matched words\n"
      "                              and the rules as resources\n"
      "  --explain                   Print to stderr, for each relation, the\n"
      "                              rule, sentence and words that gave it\n"
      "  --max-article-bytes N       Skip (and report) an article of more\n"
      "                              than N bytes (suffix K, M or G: KiB,\n"
      "                              MiB, GiB; default 8M)\n"
      "  --max-sentence-mentions N   Read at most N entity mentions of a\n"
      "                              sentence, report the rest (default\n"
      "                              %d)\n"
      "  --resume                    With -o nquads -O FILE: keep the\n"
      "                              articles FILE holds (but its last) and\n"
      "                              extract the rest of the input\n"
      "  -q, --quiet                 No progress, per-article or summary lines\n"
      "  -h, --help                  Print this help, then exit\n"
      "  -v, --version               Print the version, then exit\n"
      "\n",
      PACKAGE_VERSION, PROGRAM, PROGRAM, NEWSKG_DATADIR,
      KG_MAX_SENTENCE_MENTIONS);
  /* two literals: C99 compilers need only take 4095 bytes in one */
  printf(
      "Evaluation (%s eval):\n"
      "  Score GRAPH (N-Triples, or Turtle if it ends in .ttl) against the\n"
      "  gold annotation GOLD and print the report score.py prints.\n"
      "  --min-f1 F                  Exit 1 when relation F1 is below F or a\n"
      "                              forbidden relation is asserted\n"
      "\n"
      "Exit status:\n"
      "  0  success (invalid UTF-8 or NUL bytes replaced with U+FFFD, or a\n"
      "     sentence capped, are warnings)\n"
      "  1  partial: an article was skipped (unreadable, not text, too\n"
      "     large, a bad record; the others were still written); for eval:\n"
      "     below --min-f1, or a forbidden relation\n"
      "  2  usage error, or fatal error (data files unloadable, output not\n"
      "     writable, gold or graph unreadable)\n"
      "  130, 143  SIGINT, SIGTERM: the articles read were finished and\n"
      "     written whole (-O FILE too), then the run stopped\n"
      "\n"
      "Report bugs and read more at %s\n",
      PROGRAM, PACKAGE_URL);
}

/* --- output ----------------------------------------------------------------- */

/* The signal that asked the run to stop (0 until one does), and the
 * temporary file to remove when a second one ends the program at once.
 * The program's globals: a signal handler has nowhere else to look. */
static volatile sig_atomic_t stop_signal;
static char *volatile interrupted_tmp;

/* The first SIGINT, SIGTERM or SIGHUP lets the run finish the articles it
 * has read; the second ends the program, without its temporary file. */
static void on_signal(int sig) {
  if (!stop_signal) {
    stop_signal = sig;
    return;
  }
  if (interrupted_tmp)
    unlink(interrupted_tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void catch_signals(void) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART; /* reads and writes go on; the reader looks */
    sigemptyset(&sa.sa_mask);
    sigaction(signals[i], &sa, NULL);
  }
}

/* Where graphs go: stdout, or a temporary file renamed onto target. */
typedef struct {
  FILE *fh;           ///< the stream written to
  const char *target; ///< -O FILE, or NULL for stdout
  char *tmp;          ///< owned temporary path, NULL for stdout
} Output;

static int output_close(Output *out, int commit);

/* Opens the output; with resume, its temporary file starts with the
 * articles of target that resume keeps. */
static int output_open(Output *out, const char *target, const Resume *resume) {
  out->fh = stdout;
  out->target = target;
  out->tmp = NULL;
  if (!target)
    return 0;
  const char *slash = strrchr(target, '/');
  size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
  size_t size = strlen(target) + sizeof "/.tmp.XXXXXX";
  if (!(out->tmp = malloc(size))) {
    report(target, strerror(ENOMEM));
    return -1;
  }
  snprintf(out->tmp, size, "%.*s.%s.XXXXXX", (int)dirlen, target,
           target + dirlen);
  int fd = mkstemp(out->tmp);
  if (fd < 0) {
    char message[600];
    snprintf(message, sizeof message, "cannot create a temporary file: %s",
             strerror(errno));
    report(target, message);
    free(out->tmp);
    out->tmp = NULL;
    return -1;
  }
  interrupted_tmp = out->tmp;
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0 || !(out->fh = fdopen(fd, "wb"))) {
    report(target, strerror(errno));
    close(fd);
    unlink(out->tmp);
    interrupted_tmp = NULL;
    free(out->tmp);
    out->tmp = NULL;
    return -1;
  }
  int error = resume ? resume_copy_kept(resume, target, out->fh) : 0;
  if (error) {
    char message[600];
    snprintf(message, sizeof message, "cannot copy what it holds: %s",
             strerror(error));
    report(target, message);
    output_close(out, 0);
    return -1;
  }
  return 0;
}

/* Finishes the output: with commit, makes the target the written file;
 * without, throws the temporary file away.  Returns 0, or -1 after
 * reporting the failure (the target is then untouched). */
static int output_close(Output *out, int commit) {
  if (!out->tmp) {
    if (!commit) /* the failure that stopped the run is reported already */
      return -1;
    if (fflush(stdout) != 0 || ferror(stdout)) {
      report("(standard output)", strerror(errno ? errno : EIO));
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
      report(out->target, message);
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
  interrupted_tmp = NULL;
  free(out->tmp);
  out->tmp = NULL;
  return failed ? -1 : 0;
}

/* --- the data directory ------------------------------------------------- */

static int has_data(const char *dir) {
  char path[4096];
  int n = snprintf(path, sizeof path, "%s/%s", dir, DATA_PROBE);
  return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* -d DIR, else $NEWSKG_DATA, else the installed data if it is there, else
 * the source tree's (for running from the build tree). */
static const char *data_dir(const char *option) {
  if (option)
    return option;
  const char *env = getenv("NEWSKG_DATA");
  if (env && *env)
    return env;
  return has_data(NEWSKG_DATADIR) ? NEWSKG_DATADIR : NEWSKG_BUILD_DATADIR;
}

/* --- newskg eval ----------------------------------------------------------- */

static int eval_main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"min-f1", required_argument, NULL, 'm'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  double min_f1 = 0.0;
  int have_min = 0, c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case 'm': {
      char *end;
      errno = 0;
      min_f1 = strtod(optarg, &end);
      if (errno || end == optarg || *end)
        return usage_error("eval: --min-f1 needs a number");
      have_min = 1;
      break;
    }
    case 'h':
      printf("Usage: %s eval GOLD GRAPH [--min-f1 F]\n"
             "Score GRAPH (N-Triples, or Turtle if it ends in .ttl) against "
             "GOLD, as score.py does.\n",
             PROGRAM);
      return EXIT_SUCCESS;
    default:
      return bad_option(argv, c);
    }
  }
  if (argc - optind != 2)
    return usage_error("eval: needs a GOLD and a GRAPH file");
  KgEvalResult res;
  KgError err;
  memset(&err, 0, sizeof err);
  KgStatus status = kg_eval(argv[optind], argv[optind + 1], &res, stdout, &err);
  if (status != KG_OK) {
    report_error(status == KG_ERR_IO && !err.file[0] ? "(standard output)"
                                                     : argv[optind],
                 &err);
    return EXIT_FATAL;
  }
  if (have_min && (res.relations.f1 < min_f1 || res.forbidden > 0))
    return EXIT_INPUT;
  return EXIT_SUCCESS;
}

/* --- newskg FILE... -------------------------------------------------------- */

/* Options of a run. */
typedef struct {
  KgFormat format;         ///< output syntax
  InputFormat input;       ///< -i: how files are read
  size_t jobs;             ///< -j: extracting threads
  const char *output;      ///< -O FILE, or NULL
  const char *data;        ///< -d DIR, or NULL
  const char **gazetteers; ///< --gazetteer files, n_gazetteers of them
  size_t n_gazetteers;
  const char **rules; ///< --rules files, n_rules of them
  size_t n_rules;
  KgExtractOptions extract; ///< --date, --min-confidence, --provenance,
                            ///< --max-sentence-mentions
  size_t max_article_bytes; ///< --max-article-bytes
  int resume;               ///< --resume
  int explain;              ///< --explain
  int quiet;                ///< -q
} Options;

static KgExtractor *load_extractor(const Options *opt) {
  KgError err;
  memset(&err, 0, sizeof err);
  err.offset = -1;
  const char *dir = data_dir(opt->data);
  KgExtractor *ex = NULL;
  if (kg_extractor_new(dir, &ex, &err) != KG_OK) {
    report_error(dir, &err);
    return NULL;
  }
  for (size_t i = 0; i < opt->n_gazetteers; i++)
    if (kg_extractor_add_gazetteer(ex, opt->gazetteers[i], &err) != KG_OK) {
      report_error(opt->gazetteers[i], &err);
      kg_extractor_free(ex);
      return NULL;
    }
  for (size_t i = 0; i < opt->n_rules; i++)
    if (kg_extractor_add_rules(ex, opt->rules[i], &err) != KG_OK) {
      report_error(opt->rules[i], &err);
      kg_extractor_free(ex);
      return NULL;
    }
  return ex;
}

/* Whether to keep a progress line on stderr: it is a terminal, and the
 * graphs do not go to that terminal too. */
static int shows_progress(const Options *opt) {
  return !opt->quiet && isatty(STDERR_FILENO) &&
         (opt->output || !isatty(STDOUT_FILENO));
}

/* Says which signal stopped the run, and how to carry on. */
static void report_stop(Progress *progress, const Options *opt) {
  char text[300];
  int n = snprintf(text, sizeof text,
                   "%s: interrupted by %s: the articles read so far were "
                   "written whole%s\n",
                   PROGRAM,
                   stop_signal == SIGINT    ? "SIGINT"
                   : stop_signal == SIGTERM ? "SIGTERM"
                                            : "SIGHUP",
                   opt->output && opt->format == KG_FORMAT_NQUADS
                       ? "; --resume carries on"
                       : "");
  if (n > 0)
    progress_write(progress, text,
                   (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
}

/* Runs the articles of the arguments through ex into out, past those
 * resume says are written; returns the exit code. */
static int run_corpus(const Options *opt, const KgExtractor *ex, FILE *out,
                      Resume *resume, int nargs, char **args) {
  int show = shows_progress(opt);
  CorpusOptions co = {opt->format,
                      opt->extract,
                      opt->explain,
                      !opt->quiet && !show,
                      opt->jobs,
                      opt->output ? opt->output : "(standard output)",
                      resume,
                      &stop_signal};
  Input *in =
      input_new(args, (size_t)nargs, opt->input, opt->max_article_bytes);
  Progress *progress = progress_start(
      show, show ? input_total_bytes(args, (size_t)nargs, opt->input) : -1);
  if (!in || !progress) {
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
    input_free(in);
    progress_finish(progress, 0);
    return EXIT_FATAL;
  }
  CorpusStatus status = corpus_run(ex, &co, in, out, progress);
  input_free(in);
  if (stop_signal && status != CORPUS_FATAL)
    report_stop(progress, opt);
  progress_finish(progress, !opt->quiet);
  return status == CORPUS_FATAL         ? EXIT_FATAL
         : stop_signal                  ? 128 + stop_signal
         : status == CORPUS_SOME_FAILED ? EXIT_INPUT
                                        : EXIT_SUCCESS;
}

/* Whether the arguments name one article at most: one text file or '-'
 * (not a directory, not JSON Lines, which may hold several). */
static int names_one_article(const Options *opt, int nargs, char **args) {
  struct stat st;
  return nargs == 1 && opt->input == INPUT_TEXT &&
         (strcmp(args[0], "-") == 0 || stat(args[0], &st) != 0 ||
          !S_ISDIR(st.st_mode));
}

/* For --resume: what the output file holds already (NULL when there is no
 * such file yet, or on error, then *failed is set after reporting it). */
static Resume *open_resume(const Options *opt, int *failed) {
  int error;
  long line;
  Resume *resume = resume_open(opt->output, &error, &line);
  *failed = 0;
  if (resume) {
    if (!opt->quiet)
      fprintf(stderr,
              "%s: %s: resuming after %zu articles (the last one it held is "
              "written again)\n",
              PROGRAM, opt->output, resume_kept_articles(resume));
  } else if (error == EINVAL) {
    fprintf(stderr,
            "%s: %s:%ld: cannot resume: not N-Quads with one named graph "
            "per article\n",
            PROGRAM, opt->output, line);
    *failed = 1;
  } else if (error != ENOENT) {
    fprintf(stderr, "%s: %s: cannot resume: %s\n", PROGRAM, opt->output,
            strerror(error));
    *failed = 1;
  }
  return resume;
}

static int run(const Options *opt, int nargs, char **args) {
  /* A DOT stream holds one graph, and one picture of many articles would
   * be no article's: refuse before writing anything. */
  if (opt->format == KG_FORMAT_DOT && !names_one_article(opt, nargs, args))
    return usage_error("-o dot draws one article: give one text FILE or "
                       "'-', not a directory, several files or -i jsonl");
  int failed = 0;
  Resume *resume = opt->resume ? open_resume(opt, &failed) : NULL;
  KgExtractor *ex = failed ? NULL : load_extractor(opt);
  Output out;
  if (ex)
    catch_signals(); /* from here on, a run stops cleanly */
  if (!ex || output_open(&out, opt->output, resume) != 0) {
    kg_extractor_free(ex);
    resume_free(resume);
    return EXIT_FATAL;
  }
  int result = run_corpus(opt, ex, out.fh, resume, nargs, args);
  kg_extractor_free(ex);
  resume_free(resume);
  if (output_close(&out, result != EXIT_FATAL) != 0)
    result = EXIT_FATAL;
  return result;
}

/* getopt_long codes of the options without a short form. */
enum {
  OPT_GAZETTEER = 256,
  OPT_RULES,
  OPT_DATE,
  OPT_MIN_CONFIDENCE,
  OPT_PROVENANCE,
  OPT_EXPLAIN,
  OPT_MAX_ARTICLE_BYTES,
  OPT_MAX_SENTENCE_MENTIONS,
  OPT_RESUME
};

/* Sets the extraction option of getopt code c (--date, --min-confidence,
 * --provenance) from arg.  Returns -1, or EXIT_FATAL after saying what is
 * wrong with arg. */
static int extract_option(KgExtractOptions *x, int c, const char *arg) {
  const char *wrong = NULL;
  if (c == OPT_DATE) {
    x->date = arg;
    if (!kg_date_is_valid(arg))
      wrong = "--date wants a calendar date YYYY-MM-DD";
  } else if (c == OPT_MIN_CONFIDENCE) {
    char *end;
    errno = 0;
    x->min_confidence = strtod(arg, &end);
    if (errno || end == arg || *end || !(x->min_confidence >= 0.0) ||
        x->min_confidence > 1.0)
      wrong = "--min-confidence wants a number from 0 to 1";
  } else if (strcmp(arg, "basic") == 0) {
    x->provenance = KG_PROVENANCE_BASIC;
  } else if (strcmp(arg, "full") == 0) {
    x->provenance = KG_PROVENANCE_FULL;
  } else {
    wrong = "--provenance is basic or full";
  }
  if (!wrong)
    return -1;
  fprintf(stderr, "%s: invalid argument '%s': %s\n", PROGRAM, arg, wrong);
  return usage_error(NULL);
}

/* Sets --max-article-bytes or --max-sentence-mentions (getopt code c)
 * from arg: a whole number, for bytes with an optional K, M or G (powers
 * of 1024).  Returns -1, or EXIT_FATAL after saying what is wrong. */
static int limit_option(Options *opt, int c, const char *arg) {
  int bytes = c == OPT_MAX_ARTICLE_BYTES;
  char *end;
  errno = 0;
  unsigned long long n = strtoull(arg, &end, 10);
  const char *units = "KMG";
  const char *unit = bytes && *end ? strchr(units, *end) : NULL;
  if (unit && end[1] == '\0') {
    for (const char *u = units; u <= unit; u++)
      n = n > MAX_ARTICLE_BYTES ? n : n * 1024;
    end++;
  }
  unsigned long long most = bytes ? MAX_ARTICLE_BYTES : 1000000000ULL;
  if (!errno && end != arg && !*end && isdigit((unsigned char)*arg) &&
      n >= 1 && n <= most) {
    if (bytes)
      opt->max_article_bytes = (size_t)n;
    else
      opt->extract.max_sentence_mentions = (size_t)n;
    return -1;
  }
  fprintf(stderr, "%s: invalid argument '%s': %s wants a number from 1 to %s\n",
          PROGRAM, arg,
          bytes ? "--max-article-bytes" : "--max-sentence-mentions",
          bytes ? "4G" : "1000000000");
  return usage_error(NULL);
}

/* The default of -j: the cores online, at least 1. */
static size_t online_cores(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (size_t)n;
}

/* Index of name in the n names, or -1. */
static int find_name(const char *const *names, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0)
      return i;
  return -1;
}

/* Sets -o, -i or -j (getopt code c) from arg.  Returns -1, or EXIT_FATAL
 * after saying what is wrong with arg. */
static int run_option(Options *opt, int c, const char *arg) {
  static const char *const outputs[] = {"turtle", "ntriples", "nquads", "dot"};
  static const char *const inputs[] = {"text", "jsonl"};
  int i;
  if (c == 'o') {
    if ((i = find_name(outputs, 4, arg)) >= 0) {
      opt->format = (KgFormat)i;
      return -1;
    }
    fprintf(stderr,
            "%s: unknown output format '%s' (turtle, ntriples, nquads, dot)\n",
            PROGRAM, arg);
  } else if (c == 'i') {
    if ((i = find_name(inputs, 2, arg)) >= 0) {
      opt->input = (InputFormat)i;
      return -1;
    }
    fprintf(stderr, "%s: unknown input format '%s' (text, jsonl)\n", PROGRAM,
            arg);
  } else {
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (!errno && end != arg && !*end && n >= 1 && n <= MAX_JOBS) {
      opt->jobs = (size_t)n;
      return -1;
    }
    fprintf(stderr,
            "%s: invalid argument '%s': -j wants a number of threads from 1 "
            "to %d\n",
            PROGRAM, arg, MAX_JOBS);
  }
  return usage_error(NULL);
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "eval") == 0)
    return eval_main(argc - 1, argv + 1);

  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"output-file", required_argument, NULL, 'O'},
      {"input", required_argument, NULL, 'i'},
      {"jobs", required_argument, NULL, 'j'},
      {"data", required_argument, NULL, 'd'},
      {"gazetteer", required_argument, NULL, OPT_GAZETTEER},
      {"rules", required_argument, NULL, OPT_RULES},
      {"date", required_argument, NULL, OPT_DATE},
      {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
      {"provenance", required_argument, NULL, OPT_PROVENANCE},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"max-article-bytes", required_argument, NULL, OPT_MAX_ARTICLE_BYTES},
      {"max-sentence-mentions", required_argument, NULL,
       OPT_MAX_SENTENCE_MENTIONS},
      {"resume", no_argument, NULL, OPT_RESUME},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'v'},
      {NULL, 0, NULL, 0}};
  Options opt;
  memset(&opt, 0, sizeof opt);
  opt.format = KG_FORMAT_TURTLE;
  opt.jobs = online_cores();
  opt.max_article_bytes = DEFAULT_ARTICLE_BYTES;
  opt.extract.max_sentence_mentions = KG_MAX_SENTENCE_MENTIONS;
  /* at most argc repeatable options of each kind */
  opt.gazetteers = calloc((size_t)argc, sizeof *opt.gazetteers);
  opt.rules = calloc((size_t)argc, sizeof *opt.rules);
  if (!opt.gazetteers || !opt.rules) {
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
    return EXIT_FATAL;
  }
  int c, status = -1;
  opterr = 0;
  while (status < 0 &&
         (c = getopt_long(argc, argv, ":o:O:i:j:d:qhv", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
    case 'i':
    case 'j':
      status = run_option(&opt, c, optarg);
      break;
    case 'O':
      opt.output = optarg;
      break;
    case 'd':
      opt.data = optarg;
      break;
    case OPT_GAZETTEER:
      opt.gazetteers[opt.n_gazetteers++] = optarg;
      break;
    case OPT_RULES:
      opt.rules[opt.n_rules++] = optarg;
      break;
    case OPT_DATE:
    case OPT_MIN_CONFIDENCE:
    case OPT_PROVENANCE:
      status = extract_option(&opt.extract, c, optarg);
      break;
    case OPT_EXPLAIN:
      opt.explain = 1;
      break;
    case OPT_MAX_ARTICLE_BYTES:
    case OPT_MAX_SENTENCE_MENTIONS:
      status = limit_option(&opt, c, optarg);
      break;
    case OPT_RESUME:
      opt.resume = 1;
      break;
    case 'q':
      opt.quiet = 1;
      break;
    case 'h':
      print_help();
      status = EXIT_SUCCESS;
      break;
    case 'v':
      printf("%s\n", PACKAGE_VERSION);
      status = EXIT_SUCCESS;
      break;
    default:
      status = bad_option(argv, c);
      break;
    }
  }
  if (status < 0 && optind >= argc)
    status = usage_error("no input files");
  if (status < 0 && opt.resume &&
      (!opt.output || opt.format != KG_FORMAT_NQUADS))
    status = usage_error("--resume needs -o nquads and -O FILE");
  if (status < 0)
    status = run(&opt, argc - optind, argv + optind);
  free(opt.gazetteers);
  free(opt.rules);
  if (status == EXIT_SUCCESS && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "%s: (standard output): %s\n", PROGRAM, strerror(errno));
    status = EXIT_FATAL;
  }
  return status;
}
