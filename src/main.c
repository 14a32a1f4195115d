/* main.c - the newskg program: English news text in, RDF out.
 *
 * A thin layer over libnewskg and the run (cli.c, corpus.c): it parses
 * options, opens the output, and hands the articles of its arguments
 * (input.c) to the run with a file sink (sink.h), or scores a graph
 * (`newskg eval`, kg_eval), or passes the command line to `newskg load`
 * (load.c) or `newskg query` (query.c); it turns what went wrong into
 * messages and exit codes.
 * Everything it prints to stderr has the form
 *
 *     newskg: FILE[:LINE]: message
 *
 * and the exit code says how bad things were:
 *
 *     0  every article was read, extracted and written
 *     1  at least one article could not be read or extracted (the others
 *        were still processed and written)
 *     2  usage error, or a fatal error: data files unloadable, output not
 *        writable.  With -O the target file is then left untouched.
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

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "load.h"
#include "newskg.h"
#include "query.h"
#include "sink.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif
#ifndef PACKAGE_URL
#define PACKAGE_URL "https://w3id.org/newskg"
#endif
#ifndef NEWSKG_DATADIR
#define NEWSKG_DATADIR "/usr/local/share/newskg"
#endif

static void print_help(void) {
  printf(
      "newskg: English news text to an RDF knowledge graph %s\n"
      "Extract the people, countries, organisations and cities news articles\n"
      "name, and what they state about them, as RDF with its evidence.\n"
      "Usage: %s [OPTIONS] FILE|DIR...\n"
      "       %s eval GOLD GRAPH [--min-f1 F]\n"
      "       %s load (--storage NAME --store-name NAME | --gsp URL) "
      "[OPTIONS] FILE|DIR...\n"
      "       %s query [--storage NAME] --store-name NAME [--format F] "
      "QUERY\n"
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
      "  -q, --quiet                 No progress, per-article or summary lines\n"
      "  -h, --help                  Print this help, then exit\n"
      "  -v, --version               Print the version, then exit\n"
      "\n"
      "Evaluation (%s eval):\n"
      "  Score GRAPH (N-Triples, or Turtle if it ends in .ttl) against the\n"
      "  gold annotation GOLD and print the report score.py prints.\n"
      "  --min-f1 F                  Exit 1 when relation F1 is below F or a\n"
      "                              forbidden relation is asserted\n"
      "\n"
      "Exit status:\n"
      "  0  success\n"
      "  1  an article could not be read or extracted (the others were still\n"
      "     written); for eval: below --min-f1, or a forbidden relation\n"
      "  2  usage error, or fatal error (data files unloadable, output not\n"
      "     writable, gold or graph unreadable)\n"
      "\n"
      "Loading and querying stores: '%s load --help', '%s query --help'.\n"
      "\n"
      "Report bugs and read more at %s\n",
      PACKAGE_VERSION, PROGRAM, PROGRAM, PROGRAM, PROGRAM, NEWSKG_DATADIR,
      PROGRAM, PROGRAM, PROGRAM, PACKAGE_URL);
}

/* --- output ----------------------------------------------------------------- */

/* The temporary file to remove when a signal ends the program, or NULL.
 * The program's one global: a signal handler has nowhere else to look. */
static char *volatile interrupted_tmp;

static void on_signal(int sig) {
  if (interrupted_tmp)
    unlink(interrupted_tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Removes the temporary file if SIGINT, SIGTERM or SIGHUP ends the run. */
static void catch_signals(char *tmp) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  interrupted_tmp = tmp;
  for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
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

static int output_open(Output *out, const char *target) {
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
  catch_signals(out->tmp);
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0 || !(out->fh = fdopen(fd, "wb"))) {
    cli_report(target, strerror(errno));
    close(fd);
    unlink(out->tmp);
    interrupted_tmp = NULL;
    free(out->tmp);
    out->tmp = NULL;
    return -1;
  }
  return 0;
}

/* Finishes the output: with commit, makes the target the written file;
 * without, throws the temporary file away.  Returns 0, or -1 after
 * reporting the failure (the target is then untouched). */
static int output_close(Output *out, int commit) {
  if (!out->tmp) {
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
  interrupted_tmp = NULL;
  free(out->tmp);
  out->tmp = NULL;
  return failed ? -1 : 0;
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
        return cli_usage_error("eval: --min-f1 needs a number");
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
      return cli_bad_option(argv, c);
    }
  }
  if (argc - optind != 2)
    return cli_usage_error("eval: needs a GOLD and a GRAPH file");
  KgEvalResult res;
  KgError err;
  memset(&err, 0, sizeof err);
  KgStatus status = kg_eval(argv[optind], argv[optind + 1], &res, stdout, &err);
  if (status != KG_OK) {
    cli_report_error(status == KG_ERR_IO && !err.file[0] ? "(standard output)"
                                                     : argv[optind],
                 &err);
    return EXIT_FATAL;
  }
  if (have_min && (res.relations.f1 < min_f1 || res.forbidden > 0))
    return EXIT_INPUT;
  return EXIT_SUCCESS;
}

/* --- newskg FILE... -------------------------------------------------------- */

/* Extracts the articles of the arguments into format, to -O FILE
 * (output) or standard output; returns the exit code. */
static int run(const CliOptions *opt, KgFormat format, const char *output,
               int nargs, char **args) {
  KgExtractor *ex = cli_load_extractor(opt);
  if (!ex)
    return EXIT_FATAL;
  Output out;
  if (output_open(&out, output) != 0) {
    kg_extractor_free(ex);
    return EXIT_FATAL;
  }
  FileSink sink;
  file_sink_init(&sink, format, out.fh,
                 output ? output : "(standard output)");
  int result =
      cli_run_corpus(opt, ex, &sink.sink, output == NULL, nargs, args);
  kg_extractor_free(ex);
  if (output_close(&out, result != EXIT_FATAL) != 0)
    result = EXIT_FATAL;
  return result;
}

/* Sets -o from arg.  Returns -1, or EXIT_FATAL after saying what is wrong
 * with arg. */
static int output_format(KgFormat *format, const char *arg) {
  static const char *const outputs[] = {"turtle", "ntriples", "nquads"};
  int i = cli_find_name(outputs, 3, arg);
  if (i >= 0) {
    *format = (KgFormat)i;
    return -1;
  }
  fprintf(stderr, "%s: unknown output format '%s' (turtle, ntriples, nquads)\n",
          PROGRAM, arg);
  return cli_usage_error(NULL);
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "eval") == 0)
    return eval_main(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "load") == 0)
    return load_main(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "query") == 0)
    return query_main(argc - 1, argv + 1);

  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"output-file", required_argument, NULL, 'O'},
      CLI_EXTRACT_LONGOPTS,
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'v'},
      {NULL, 0, NULL, 0}};
  CliOptions opt;
  if (cli_options_init(&opt, argc) != 0)
    return EXIT_FATAL;
  KgFormat format = KG_FORMAT_TURTLE;
  const char *output = NULL;
  int c, status = -1;
  opterr = 0;
  while (status < 0 &&
         (c = getopt_long(argc, argv, ":o:O:hv" CLI_EXTRACT_SHORTOPTS,
                          longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      status = output_format(&format, optarg);
      break;
    case 'O':
      output = optarg;
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
      status = cli_option(&opt, c, optarg);
      if (status == CLI_NOT_MINE)
        status = cli_bad_option(argv, c);
      break;
    }
  }
  if (status < 0 && optind >= argc)
    status = cli_usage_error("no input files");
  if (status < 0)
    status = run(&opt, format, output, argc - optind, argv + optind);
  cli_options_free(&opt);
  if (status == EXIT_SUCCESS && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "%s: (standard output): %s\n", PROGRAM, strerror(errno));
    status = EXIT_FATAL;
  }
  return status;
}
