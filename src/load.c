/* load.c - `newskg load`: the articles of FILE|DIR... (as `newskg FILE...`
 * reads them, with the same extraction options) go, each as its own named
 * graph, into a librdf storage (store.h) or a Graph Store HTTP Protocol
 * endpoint (gsp.h) instead of a file: the same run (cli.h, corpus.h), with
 * another sink.  Credentials for the endpoint come from a file or the
 * environment, never from the command line, where `ps` would show them:
 * a --gsp URL with user:password@ in it is refused (exit 2), its password
 * quoted nowhere.  Credentials for a plain http endpoint on another machine
 * can be read on the way (basic authentication): a warning says
 * so, once, before the first request, even with -q (which silences
 * progress, not risks).
 *
 * After the run's summary, the load's own (unless -q):
 *
 *     newskg: loaded 15 articles, 3412 triples into sqlite 'kg.db',
 *     0 failed, 1.20 s, 2843 triples/s
 *
 * (one line; for an endpoint also the requests and retries).  Exit codes
 * as for `newskg FILE...`: 1 when an article could not be read, extracted
 * or stored (each is named), 2 when the store cannot be opened or fails
 * for good.  A sqlite store that the load made is removed when it fails
 * (exit 2) or loads nothing, so that no broken file is left.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "gsp.h"
#include "store.h"

/* Default back-off: 4 retries, the first after half a second; a minute
 * of retrying in all. */
#define DEFAULT_RETRIES 4u
#define DEFAULT_DELAY_MS 500u
#define DEFAULT_MAX_RETRY_S 60u

/* Where a load goes and how. */
typedef struct {
  const char *storage;     ///< --storage (default sqlite)
  const char *store_name;  ///< --store-name, or NULL
  const char *options;     ///< --store-options, or NULL
  const char *gsp;         ///< --gsp URL, or NULL
  const char *credentials; ///< --credentials FILE, or NULL
  unsigned retries;        ///< --retries
  unsigned delay_ms;       ///< --retry-delay
  unsigned max_retry_s;    ///< --retry-max-time
  int in_clear;            ///< --gsp URL is neither https nor loopback
} LoadOptions;

static void print_help(void) {
  printf(
      "Usage: %s load --store-name NAME [--storage NAME] [--store-options O]\n"
      "                 [OPTIONS] FILE|DIR...\n"
      "       %s load --gsp URL [--credentials FILE] [OPTIONS] FILE|DIR...\n"
      "Extract the articles as '%s FILE|DIR...' does and load each one's\n"
      "graph, as its own named graph (its document IRI), into a store.\n"
      "\n"
      "Stores:\n"
      "  --storage NAME          librdf storage module: sqlite (default),\n"
      "                          hashes, memory, postgresql, mysql, virtuoso\n"
      "  --store-name NAME       its name (for sqlite: the database file)\n"
      "  --store-options OPTS    its librdf options, e.g. \"new='yes'\"\n"
      "                          (contexts='yes' is always added)\n"
      "  --gsp URL               a SPARQL 1.1 Graph Store HTTP Protocol\n"
      "                          endpoint: PUT URL?graph=IRI per article\n"
      "  --credentials FILE      user:password for the endpoint, from a file\n"
      "                          only its owner may read (default:\n"
      "                          $NEWSKG_GSP_USER and $NEWSKG_GSP_PASSWORD)\n"
      "  --retries N             tries an article again after a 5xx answer\n"
      "                          or a time-out, at most N times (default %u)\n"
      "  --retry-delay MS        before the first retry, then doubling\n"
      "                          (default %u)\n"
      "  --retry-max-time S      seconds the whole run may spend retrying;\n"
      "                          then a failure stops it (default %u)\n"
      "A refused connection, an unknown host, or a 401, 403, 404 or 405\n"
      "answer stops the load at once: no article could get through.\n"
      "\n"
      "Extraction: -i, -j, -d, --gazetteer, --rules, --date,\n"
      "--min-confidence, --provenance, --explain, --max-article-bytes,\n"
      "--max-sentence-mentions, -q as for '%s --help'.\n"
      "\n"
      "Exit status: 0 all loaded; 1 an article could not be read, extracted\n"
      "or stored (each is named, the others are loaded); 2 usage error, or\n"
      "the store could not be opened or failed for good (a new sqlite store\n"
      "is then removed); 128 + N: signal N\n"
      "stopped the run after loading the articles read by then.\n",
      PROGRAM, PROGRAM, PROGRAM, DEFAULT_RETRIES, DEFAULT_DELAY_MS,
      DEFAULT_MAX_RETRY_S, PROGRAM);
}

/* Sets *n from --retries, --retry-delay or --retry-max-time (name);
 * returns -1, or
 * EXIT_FATAL after saying what is wrong. */
static int count_option(unsigned *n, const char *name, const char *arg) {
  unsigned long long v;
  int status = cli_number_option(name, arg, 0, 1000000, 0, &v);
  if (status < 0)
    *n = (unsigned)v;
  return status;
}

/* Takes the load's own option c; returns -1, CLI_NOT_MINE or EXIT_*. */
static int load_option(LoadOptions *lo, int c, const char *arg) {
  switch (c) {
  case OPT_STORAGE:
    lo->storage = arg;
    return -1;
  case OPT_STORE_NAME:
    lo->store_name = arg;
    return -1;
  case OPT_STORE_OPTIONS:
    lo->options = arg;
    return -1;
  case OPT_GSP:
    lo->gsp = arg;
    return -1;
  case OPT_CREDENTIALS:
    lo->credentials = arg;
    return -1;
  case OPT_RETRIES:
    return count_option(&lo->retries, "--retries", arg);
  case OPT_RETRY_DELAY:
    return count_option(&lo->delay_ms, "--retry-delay", arg);
  case OPT_RETRY_MAX_TIME:
    return count_option(&lo->max_retry_s, "--retry-max-time", arg);
  case 'h':
    print_help();
    return EXIT_SUCCESS;
  default:
    return CLI_NOT_MINE;
  }
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The load's summary line. */
static void print_summary(const SinkCounts *n, const char *where, int gsp,
                          double seconds) {
  char requests[96] = "";
  if (gsp)
    snprintf(requests, sizeof requests, ", %zu %s, %zu %s", n->requests,
             cli_plural(n->requests, "request", "requests"), n->retries,
             cli_plural(n->retries, "retry", "retries"));
  cli_message("loaded %zu %s, %zu %s into %s, %zu failed%s, "
              "%.2f s, %.0f triples/s",
              n->articles, cli_plural(n->articles, "article", "articles"),
              n->triples, cli_plural(n->triples, "triple", "triples"), where,
              n->failed, requests, seconds,
              seconds > 0 ? (double)n->triples / seconds : 0.0);
}

/* The endpoint's credentials: --credentials FILE, else the environment,
 * else none.  Returns 0, or EXIT_FATAL after saying what is wrong. */
static int credentials(const LoadOptions *lo, GspOptions *go, char *user,
                       char *password, size_t size) {
  if (lo->credentials) {
    char why[256];
    if (gsp_read_credentials(lo->credentials, user, size, password, size, why,
                             sizeof why) != 0) {
      cli_report(lo->credentials, why);
      return EXIT_FATAL;
    }
    go->user = user;
    go->password = password;
    return 0;
  }
  go->user = getenv("NEWSKG_GSP_USER");
  go->password = getenv("NEWSKG_GSP_PASSWORD");
  if (go->user && !*go->user)
    go->user = NULL;
  return 0;
}

/* Checks the --gsp URL (gsp_check_url) without quoting it, and notes
 * whether credentials would go to it in clear.  Returns -1, or EXIT_FATAL
 * after saying what is wrong. */
static int check_endpoint(LoadOptions *lo) {
  char why[512];
  if (gsp_check_url(lo->gsp, &lo->in_clear, why, sizeof why) == 0)
    return -1;
  cli_report("--gsp", why);
  return EXIT_FATAL;
}

/* Loads into the endpoint; returns the exit code. */
static int load_gsp(const CliOptions *opt, const LoadOptions *lo,
                    const KgExtractor *ex, int nargs, char **args) {
  char user[256], password[256], why[1024];
  GspOptions go = {lo->gsp,     NULL,         NULL,
                   lo->retries, lo->delay_ms, lo->max_retry_s};
  if (credentials(lo, &go, user, password, sizeof user) != 0)
    return EXIT_FATAL;
  if (go.user && lo->in_clear) /* a risk, not progress: shown with -q */
    fprintf(stderr,
            "%s: warning: --gsp: credentials sent over plain http to "
            "another machine can be read on the way (basic "
            "authentication); use https\n",
            PROGRAM);
  Gsp *g = gsp_open(&go, why, sizeof why);
  memset(password, 0, sizeof password);
  if (!g) {
    cli_report(lo->gsp, why);
    return EXIT_FATAL;
  }
  double start = now_seconds();
  cli_catch_signals(); /* a signal stops the run; what was read is loaded */
  int status =
      cli_run_corpus(opt, ex, gsp_sink(g), NULL, "", 0, nargs, args);
  SinkCounts n = gsp_counts(g);
  gsp_close(g);
  if (!opt->quiet)
    print_summary(&n, lo->gsp, 1, now_seconds() - start);
  return status;
}

/* Loads into the librdf storage; returns the exit code. */
static int load_store(const CliOptions *opt, const LoadOptions *lo,
                      const KgExtractor *ex, int nargs, char **args) {
  char why[1024], where[600];
  Store *s =
      store_open(lo->storage, lo->store_name, lo->options, 1, why, sizeof why);
  if (!s) {
    cli_report(lo->store_name, why);
    return EXIT_FATAL;
  }
  double start = now_seconds();
  cli_catch_signals();
  int status =
      cli_run_corpus(opt, ex, store_sink(s), NULL, "", 0, nargs, args);
  SinkCounts n = store_counts(s);
  /* a new store that failed, or holds nothing, is not left to fail the
   * next load: store_abandon removes it */
  if (status == EXIT_FATAL || (status != EXIT_SUCCESS && n.articles == 0)) {
    if (store_abandon(s))
      cli_report(lo->store_name, "removed the new store: the load failed");
  } else if (store_close(s, why, sizeof why) != 0) {
    cli_report(lo->store_name, why);
    status = EXIT_FATAL;
  }
  snprintf(where, sizeof where, "%s '%s'", lo->storage, lo->store_name);
  if (!opt->quiet)
    print_summary(&n, where, 0, now_seconds() - start);
  return status;
}

int load_main(int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_EXTRACT_LONGOPTS,
      {"storage", required_argument, NULL, OPT_STORAGE},
      {"store-name", required_argument, NULL, OPT_STORE_NAME},
      {"store-options", required_argument, NULL, OPT_STORE_OPTIONS},
      {"gsp", required_argument, NULL, OPT_GSP},
      {"credentials", required_argument, NULL, OPT_CREDENTIALS},
      {"retries", required_argument, NULL, OPT_RETRIES},
      {"retry-delay", required_argument, NULL, OPT_RETRY_DELAY},
      {"retry-max-time", required_argument, NULL, OPT_RETRY_MAX_TIME},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  CliOptions opt;
  if (cli_options_init(&opt, argc) != 0)
    return EXIT_FATAL;
  LoadOptions lo = {.storage = "sqlite",
                    .retries = DEFAULT_RETRIES,
                    .delay_ms = DEFAULT_DELAY_MS,
                    .max_retry_s = DEFAULT_MAX_RETRY_S};
  int c, status = -1;
  opterr = 0;
  while (status < 0 && (c = getopt_long(argc, argv, ":h" CLI_EXTRACT_SHORTOPTS,
                                        longopts, NULL)) != -1) {
    status = load_option(&lo, c, optarg);
    if (status == CLI_NOT_MINE)
      status = cli_option(&opt, c, optarg);
    if (status == CLI_NOT_MINE)
      status = cli_bad_option(argv, c);
  }
  if (status < 0 && !lo.gsp == !lo.store_name)
    status = cli_usage_error("load: needs --store-name NAME or --gsp URL "
                             "(one of them)");
  else if (status < 0 && optind >= argc)
    status = cli_usage_error("load: no input files");
  else if (status < 0 && lo.gsp)
    status = check_endpoint(&lo);
  if (status < 0) {
    KgExtractor *ex = cli_load_extractor(&opt);
    if (!ex)
      status = EXIT_FATAL;
    else if (lo.gsp)
      status = load_gsp(&opt, &lo, ex, argc - optind, argv + optind);
    else
      status = load_store(&opt, &lo, ex, argc - optind, argv + optind);
    kg_extractor_free(ex);
  }
  cli_options_free(&opt);
  return status;
}
