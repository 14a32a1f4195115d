/* main.c - the newskg program: English news text in, RDF out.
 *
 * A thin layer over libnewskg and the run (cli.c, corpus.c): it parses
 * options, opens the output, and hands the articles of its arguments
 * (input.c) to the run with a file sink (sink.h), or scores a graph
 * (`newskg eval`, kg_eval), or passes the command line to `newskg load`
 * (load.c), `newskg query` (query.c) or `newskg parse` (parse.c); it
 * turns what went wrong into messages and exit codes.
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
 * -O writes to a temporary file beside the target, .NAME.newskg-tmp.XXXXXX,
 * flushes and fsyncs it, and renames it over the target, so readers of the
 * target see either the old file or the whole new one, never a
 * half-written one; the next run onto the target removes the temporary
 * file of a killed run.  A FIFO or character device is written through
 * (cli_output_open, which `newskg parse` shares).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
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
#include "outformat.h"
#include "parse.h"
#include "query.h"
#include "resume.h"
#include "sink.h"
#include "train.h"

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
      "       %s parse [-i text|conllu] [OPTIONS] FILE|DIR...\n"
      "       %s train [OPTIONS] TREEBANK.conllu OUTDIR\n"
      "\n"
      "Arguments:\n"
      "  FILE            an article in UTF-8 text (with -i jsonl: JSON Lines\n"
      "                  records, one article a line), or '-' for standard\n"
      "                  input.\n"
      "  DIR             every *.txt file below DIR (*.jsonl with -i jsonl),\n"
      "                  depth first, each directory's names in byte order.\n"
      "                  Each article gives its own graph, in input order.\n"
      "\n",
      PACKAGE_VERSION, PROGRAM, PROGRAM, PROGRAM, PROGRAM, PROGRAM, PROGRAM);
  /* three literals: C99 compilers need only take 4095 bytes in one */
  printf(
      "Main options:\n"
      "  -o FORMAT, --output FORMAT  Set the output format to one of:\n"
      "    turtle, ttl     Turtle Terse RDF Triple Language (default)\n"
      "    ntriples, nt    N-Triples\n"
      "    nquads, nq      N-Quads, each article in a named graph\n"
      "    trig            TriG, each article in a named graph\n"
      "    jsonld, json-ld JSON-LD, compact, the context inline, one\n"
      "                    document a line (an article's named graph)\n"
      "    dot             GraphViz DOT: the entities and relations of one\n"
      "                    article (one text FILE or '-'), for dot -Tsvg\n"
      "  -i FORMAT, --input FORMAT   Set the input format to one of:\n"
      "    text            an article a file (default)\n"
      "    jsonl           JSON Lines, an article a line: {\"id\", \"url\",\n"
      "                    \"date\", \"title\", \"text\"}, only text required\n"
      "  -O FILE, --output-file FILE Write to FILE (replaced whole, or left\n"
      "                              untouched on error) instead of stdout;\n"
      "                              a name ending .ttl, .nt, .nq, .trig,\n"
      "                              .jsonld or .dot sets the format (-o\n"
      "                              must agree)\n"
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
      "  --provenance LEVEL          none: the bare graph (entities and\n"
      "                              relations); sentences (default; basic is\n"
      "                              its old name): also the document, the\n"
      "                              sentences, rules and confidence; full:\n"
      "                              also the matched words and the rules as\n"
      "                              resources\n"
      "  --explain                   Print to stderr, for each relation, the\n"
      "                              rule, sentence and words that gave it\n"
      "  --max-article-bytes N       Skip (and report) an article (-i jsonl:\n"
      "                              a line) of more than N bytes (suffix K,\n"
      "                              M or G: KiB, MiB, GiB; default 8M)\n"
      "  --max-sentence-mentions N   Read at most N entity mentions of a\n"
      "                              sentence, report the rest (default\n"
      "                              %d)\n"
      "  --max-article-mentions N    Read at most N entity mentions of an\n"
      "                              article, report the rest (default %d)\n"
      "  --resume                    With -o nquads -O FILE: keep the\n"
      "                              articles FILE holds (but its last) and\n"
      "                              extract the rest of the input\n"
      "  -q, --quiet                 No progress, per-article or summary lines\n"
      "  -h, --help                  Print this help, then exit\n"
      "  -v, --version               Print the version, then exit\n"
      "\n",
      NEWSKG_DATADIR, KG_MAX_SENTENCE_MENTIONS, KG_MAX_ARTICLE_MENTIONS);
  printf(
      "Evaluation (%s eval):\n"
      "  Score GRAPH (N-Triples, N-Quads, Turtle, TriG or RDF/XML, told apart\n"
      "  by what it holds) against the gold annotation GOLD and print the\n"
      "  report score.py prints; a GRAPH that gives no triple is an error.\n"
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
      "Loading and querying stores: '%s load --help', '%s query --help'.\n"
      "Tagging and parsing sentences into CoNLL-U: '%s parse --help';\n"
      "training its models from a treebank: '%s train --help'.\n"
      "\n"
      "Report bugs and read more at %s\n",
      PROGRAM, PROGRAM, PROGRAM, PROGRAM, PROGRAM, PACKAGE_URL);
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
             "Score GRAPH (N-Triples, N-Quads, Turtle, TriG or RDF/XML, told "
             "apart by what it holds) against GOLD, as score.py does.\n",
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

/* Whether the arguments name one article at most: one text file or '-'
 * (not a directory, not JSON Lines, which may hold several). */
static int names_one_article(const CliOptions *opt, int nargs, char **args) {
  struct stat st;
  return nargs == 1 && opt->input == INPUT_TEXT &&
         (strcmp(args[0], "-") == 0 || stat(args[0], &st) != 0 ||
          !S_ISDIR(st.st_mode));
}

/* For --resume: what the output file holds already (NULL when there is no
 * such file yet, or on error, then *failed is set after reporting it). */
static Resume *open_resume(const CliOptions *opt, const char *output, int *failed) {
  int error;
  long line;
  struct stat st;
  *failed = 0;
  if (stat(output, &st) == 0 && !S_ISREG(st.st_mode)) {
    fprintf(stderr, "%s: %s: cannot resume: not a regular file\n", PROGRAM,
            output);
    *failed = 1;
    return NULL;
  }
  Resume *resume = resume_open(output, &error, &line);
  if (resume) {
    if (!opt->quiet)
      cli_message("%s: resuming after %zu %s (the last one it held "
                  "is written again)",
                  output, resume_kept_articles(resume),
                  cli_plural(resume_kept_articles(resume), "article",
                             "articles"));
  } else if (error == EINVAL) {
    cli_message("%s:%ld: cannot resume: not N-Quads with one named graph "
                "per article",
                output, line);
    *failed = 1;
  } else if (error != ENOENT) {
    cli_message("%s: cannot resume: %s", output, strerror(error));
    *failed = 1;
  }
  return resume;
}

/* Extracts the articles of the arguments into format, to -O FILE
 * (output) or standard output, past those it holds with --resume; returns
 * the exit code. */
static int run(const CliOptions *opt, KgFormat format, const char *output,
               int resuming, int nargs, char **args) {
  /* A DOT stream holds one graph, and one picture of many articles would
   * be no article's: refuse before writing anything. */
  if (format == KG_FORMAT_DOT && !names_one_article(opt, nargs, args))
    return cli_usage_error("-o dot draws one article: give one text FILE or "
                           "'-', not a directory, several files or -i jsonl");
  int failed = 0;
  Resume *resume = resuming ? open_resume(opt, output, &failed) : NULL;
  KgExtractor *ex = failed ? NULL : cli_load_extractor(opt);
  CliOutput out;
  if (ex)
    cli_catch_signals(); /* from here on, a run stops cleanly */
  if (!ex || cli_output_open(&out, output, resume) != 0) {
    kg_extractor_free(ex);
    resume_free(resume);
    return EXIT_FATAL;
  }
  FileSink sink;
  file_sink_init(&sink, format, out.fh,
                 output ? output : "(standard output)");
  int result = cli_run_corpus(
      opt, ex, &sink.sink, resume,
      output && format == KG_FORMAT_NQUADS ? "; --resume carries on" : "",
      output == NULL, nargs, args);
  kg_extractor_free(ex);
  resume_free(resume);
  if (cli_output_close(&out, result != EXIT_FATAL) != 0)
    result = EXIT_FATAL;
  return result;
}

/* Sets -o from arg.  Returns -1, or EXIT_FATAL after saying what is wrong
 * with arg. */
static int output_format(KgFormat *format, const char *arg) {
  if (outformat_by_name(arg, format) == 0)
    return -1;
  char names[200];
  outformat_list(names, sizeof names);
  cli_message("unknown output format '%s' (%s)", arg, names);
  return cli_usage_error(NULL);
}

/* Settles the output format with the name of the -O file (output, or
 * NULL): without -o (given 0), a name that says a format (out.nt) sets it,
 * so that no file holds another format than its name says; with -o, such
 * a name must say the same.  Returns -1, or EXIT_FATAL after saying why
 * not. */
static int settle_format(KgFormat *format, int given, const char *output) {
  KgFormat named;
  if (!output || outformat_by_extension(output, &named) != 0)
    return -1;
  if (!given || named == *format) {
    *format = named;
    return -1;
  }
  cli_message("-o %s, but the name of -O %s says %s: leave out -o, or name "
              "the file for its format",
              outformat_name(*format), output, outformat_name(named));
  return cli_usage_error(NULL);
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "eval") == 0)
    return eval_main(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "load") == 0)
    return load_main(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "query") == 0)
    return query_main(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "parse") == 0)
    return parse_main(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "train") == 0)
    return train_main(argc - 1, argv + 1);

  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"output-file", required_argument, NULL, 'O'},
      {"resume", no_argument, NULL, OPT_RESUME},
      CLI_EXTRACT_LONGOPTS,
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'v'},
      {NULL, 0, NULL, 0}};
  CliOptions opt;
  if (cli_options_init(&opt, argc) != 0)
    return EXIT_FATAL;
  KgFormat format = KG_FORMAT_TURTLE;
  const char *output = NULL;
  int format_given = 0, resume = 0, c, status = -1;
  opterr = 0;
  while (status < 0 &&
         (c = getopt_long(argc, argv, ":o:O:hv" CLI_EXTRACT_SHORTOPTS,
                          longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      status = output_format(&format, optarg);
      format_given = 1;
      break;
    case 'O':
      output = optarg;
      break;
    case OPT_RESUME:
      resume = 1;
      break;
    case 'h':
      print_help();
      status = EXIT_SUCCESS;
      break;
    case 'v':
      printf("newskg %s\n", PACKAGE_VERSION);
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
    status = settle_format(&format, format_given, output);
  if (status < 0 && resume && (!output || format != KG_FORMAT_NQUADS))
    status = cli_usage_error("--resume needs -o nquads and -O FILE");
  if (status < 0)
    status =
        run(&opt, format, output, resume, argc - optind, argv + optind);
  cli_options_free(&opt);
  if (status == EXIT_SUCCESS && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "%s: (standard output): %s\n", PROGRAM, strerror(errno));
    status = EXIT_FATAL;
  }
  return status;
}
