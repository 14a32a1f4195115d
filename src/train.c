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
#define DEFAULT_TAGGER_EPOCHS 10
#define DEFAULT_PARSER_EPOCHS 12
#define DEFAULT_FOLDS 4
#define DEFAULT_SEED 20161

enum { OPT_TAGGER_EPOCHS = 1000, OPT_PARSER_EPOCHS, OPT_FOLDS, OPT_SEED,
       OPT_LIMIT };

static void print_help(void) {
  printf("Usage: %s train [OPTIONS] TREEBANK.conllu OUTDIR\n"
         "Train the part-of-speech tagger, lemmatizer and dependency parser\n"
         "on a CoNLL-U treebank and write tagger.model, lemmas.model and\n"
         "parser.model in OUTDIR (made if missing).\n"
         "\n"
         "Options:\n"
         "  --tagger-epochs N  passes of the tagger (default %d)\n"
         "  --parser-epochs N  passes of the parser (default %d)\n"
         "  --folds K          the parser learns from the tags of K taggers,\n"
         "                     each trained without the sentences it tags\n"
         "                     (default %d)\n"
         "  --seed S           the order of the sentences (default %d)\n"
         "  --limit N          train on the first N sentences only\n"
         "  -q, --quiet        no progress lines\n"
         "  -h, --help         print this help, then exit\n",
         PROGRAM, DEFAULT_TAGGER_EPOCHS, DEFAULT_PARSER_EPOCHS, DEFAULT_FOLDS,
         DEFAULT_SEED);
}

int train_main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"tagger-epochs", required_argument, NULL, OPT_TAGGER_EPOCHS},
      {"parser-epochs", required_argument, NULL, OPT_PARSER_EPOCHS},
      {"folds", required_argument, NULL, OPT_FOLDS},
      {"seed", required_argument, NULL, OPT_SEED},
      {"limit", required_argument, NULL, OPT_LIMIT},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  KgGrammarTrainOptions opts = {DEFAULT_TAGGER_EPOCHS, DEFAULT_PARSER_EPOCHS,
                                DEFAULT_FOLDS, DEFAULT_SEED, 0, stderr};
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
    case 'q':
      opts.log = NULL;
      break;
    case 'h':
      print_help();
      return 0;
    default:
      status = cli_bad_option(argv, c);
    }
  }
  if (status >= 0)
    return status;
  if (argc - optind != 2)
    return cli_usage_error("train: needs a TREEBANK and an OUTDIR");
  const char *treebank = argv[optind], *dir = argv[optind + 1];
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    cli_report(dir, strerror(errno));
    return EXIT_FATAL;
  }
  KgError err;
  if (kg_grammar_train(treebank, dir, &opts, &err) != KG_OK) {
    cli_report_error(treebank, &err);
    return EXIT_FATAL;
  }
  return 0;
}
