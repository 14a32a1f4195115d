/* train.c - `newskg train`: the models of the linguistic core (tagger,
 * lemmatizer, parser) trained from a CoNLL-U treebank into a directory,
 * as `make models` does from UD English EWT.  Training is deterministic:
 * the same treebank and options give byte-identical models.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "train.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "grammar.h"

/* The defaults `make models` trains with: measured on EWT dev, the
 * accuracy stops rising at about these numbers of passes. */
#define DEFAULT_TAGGER_EPOCHS 20
#define DEFAULT_PARSER_EPOCHS 20
#define DEFAULT_FOLDS 4
#define DEFAULT_SEED 20161
#define DEFAULT_CLUSTERS 256
/* Averaged weights under these are left out of the models: on EWT dev the
 * parser's 1.0 keeps LAS within 0.15 points of keeping them all, in two
 * thirds of the bytes, and parses a fifth faster (2.0 would cost 0.5). */
#define DEFAULT_TAGGER_MIN_WEIGHT 0.5
#define DEFAULT_PARSER_MIN_WEIGHT 1.0

enum { OPT_TAGGER_EPOCHS = 1000, OPT_PARSER_EPOCHS, OPT_FOLDS, OPT_SEED,
       OPT_LIMIT, OPT_CLUSTERS, OPT_TEXT, OPT_TAGGER_MIN, OPT_PARSER_MIN };

static void print_help(void) {
  printf("Usage: %s train [OPTIONS] TREEBANK.conllu OUTDIR\n"
         "Train the word classes, part-of-speech tagger, lemmatizer and\n"
         "dependency parser on a CoNLL-U treebank and write clusters.model,\n"
         "tagger.model, lemmas.model and parser.model in OUTDIR (made if\n"
         "missing).\n"
         "\n"
         "Options:\n"
         "  --text FILE        more text for the word classes: CoNLL-U\n"
         "                     (*.conllu), or a word a line, anything after\n"
         "                     a tab left out, a blank line after each\n"
         "                     sentence (repeatable)\n"
         "  --clusters N       how many word classes (default %d)\n"
         "  --tagger-epochs N  passes of the tagger (default %d)\n"
         "  --parser-epochs N  passes of the parser (default %d)\n"
         "  --tagger-min-weight W, --parser-min-weight W\n"
         "                     leave out averaged weights under W (defaults\n"
         "                     %.1f and %.1f; 0 keeps them all)\n"
         "  --folds K          the parser learns from the tags of K taggers,\n"
         "                     each trained without the sentences it tags\n"
         "                     (default %d)\n"
         "  --seed S           the order of the sentences (default %d)\n"
         "  --limit N          train on the first N sentences only\n"
         "  -q, --quiet        no progress lines\n"
         "  -h, --help         print this help, then exit\n",
         PROGRAM, DEFAULT_CLUSTERS, DEFAULT_TAGGER_EPOCHS,
         DEFAULT_PARSER_EPOCHS, DEFAULT_TAGGER_MIN_WEIGHT,
         DEFAULT_PARSER_MIN_WEIGHT, DEFAULT_FOLDS, DEFAULT_SEED);
}

/* Parses a --*-min-weight argument, a number from 0 to 1000.  Returns -1,
 * or EXIT_FATAL after saying what is wrong. */
static int min_weight_option(const char *name, const char *arg, float *out) {
  char *end;
  errno = 0;
  double w = strtod(arg, &end);
  if (errno == 0 && end != arg && *end == '\0' && w >= 0 && w <= 1000) {
    *out = (float)w;
    return -1;
  }
  cli_message("invalid argument '%s': %s wants a number from 0 to 1000", arg,
              name);
  return cli_usage_error(NULL);
}

int train_main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"tagger-epochs", required_argument, NULL, OPT_TAGGER_EPOCHS},
      {"parser-epochs", required_argument, NULL, OPT_PARSER_EPOCHS},
      {"folds", required_argument, NULL, OPT_FOLDS},
      {"seed", required_argument, NULL, OPT_SEED},
      {"limit", required_argument, NULL, OPT_LIMIT},
      {"clusters", required_argument, NULL, OPT_CLUSTERS},
      {"text", required_argument, NULL, OPT_TEXT},
      {"tagger-min-weight", required_argument, NULL, OPT_TAGGER_MIN},
      {"parser-min-weight", required_argument, NULL, OPT_PARSER_MIN},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  KgGrammarTrainOptions opts = {.tagger_epochs = DEFAULT_TAGGER_EPOCHS,
                                .parser_epochs = DEFAULT_PARSER_EPOCHS,
                                .folds = DEFAULT_FOLDS,
                                .seed = DEFAULT_SEED,
                                .clusters = DEFAULT_CLUSTERS,
                                .tagger_min_weight = DEFAULT_TAGGER_MIN_WEIGHT,
                                .parser_min_weight = DEFAULT_PARSER_MIN_WEIGHT,
                                .log = stderr};
  const char **texts = calloc((size_t)argc, sizeof *texts);
  if (texts == NULL) {
    cli_report("train", "out of memory");
    return EXIT_FATAL;
  }
  opts.texts = texts;
  unsigned long long v = 0;
  int c, status = -1;
  opterr = 0;
  while (status < 0 &&
         (c = getopt_long(argc, argv, ":hq", longopts, NULL)) != -1) {
    switch (c) {
    case OPT_TAGGER_EPOCHS:
      status = cli_number_option("--tagger-epochs", optarg, 1, 1000, 0, &v);
      opts.tagger_epochs = (unsigned)v;
      break;
    case OPT_PARSER_EPOCHS:
      status = cli_number_option("--parser-epochs", optarg, 1, 1000, 0, &v);
      opts.parser_epochs = (unsigned)v;
      break;
    case OPT_FOLDS:
      status = cli_number_option("--folds", optarg, 2, 100, 0, &v);
      opts.folds = (unsigned)v;
      break;
    case OPT_SEED:
      status = cli_number_option("--seed", optarg, 1, ~0ULL, 0, &v);
      opts.seed = v;
      break;
    case OPT_LIMIT:
      status = cli_number_option("--limit", optarg, 1, ~0ULL, 0, &v);
      opts.limit = (size_t)v;
      break;
    case OPT_CLUSTERS:
      status = cli_number_option("--clusters", optarg, 2, 4096, 0, &v);
      opts.clusters = (size_t)v;
      break;
    case OPT_TAGGER_MIN:
    case OPT_PARSER_MIN:
      status = min_weight_option(c == OPT_TAGGER_MIN ? "--tagger-min-weight"
                                                     : "--parser-min-weight",
                                 optarg,
                                 c == OPT_TAGGER_MIN ? &opts.tagger_min_weight
                                                     : &opts.parser_min_weight);
      break;
    case OPT_TEXT:
      texts[opts.n_texts++] = optarg;
      break;
    case 'q':
      opts.log = NULL;
      break;
    case 'h':
      print_help();
      free(texts);
      return 0;
    default:
      status = cli_bad_option(argv, c);
    }
  }
  if (status < 0 && argc - optind != 2)
    status = cli_usage_error("train: needs a TREEBANK and an OUTDIR");
  if (status >= 0) {
    free(texts);
    return status;
  }
  const char *treebank = argv[optind], *dir = argv[optind + 1];
  KgError err;
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    cli_report(dir, strerror(errno));
    status = EXIT_FATAL;
  } else if (kg_grammar_train(treebank, dir, &opts, &err) != KG_OK) {
    cli_report_error(treebank, &err);
    status = EXIT_FATAL;
  } else
    status = 0;
  free(texts);
  return status;
}
