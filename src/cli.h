/* cli.h - what the program's commands share (the program's).
 *
 * `newskg FILE...` (main.c) and `newskg load` (load.c) read the same
 * articles with the same extraction options, and every command reports in
 * the same way:
 *
 *     newskg: FILE[:LINE]: message
 *
 * one line each, whatever the file names, arguments and stored text it
 * quotes hold (cli_message escapes their control characters), with the
 * exit codes of main.c (0, EXIT_INPUT, EXIT_FATAL).  This module
 * holds those messages, the options both extracting commands take (their
 * getopt_long entries are CLI_EXTRACT_LONGOPTS and CLI_EXTRACT_SHORTOPTS),
 * the data directory and the extractor they load, the run of a corpus into
 * a Sink, the -O output file that is replaced whole or not at all (or a
 * FIFO or device written through), and the signals that stop a run.
 */
#ifndef NEWSKG_CLI_H
#define NEWSKG_CLI_H

#include <getopt.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "input.h"
#include "newskg.h"
#include "resume.h"
#include "sink.h"
#include "utf8.h"

#define PROGRAM "newskg"

enum { EXIT_INPUT = 1, EXIT_FATAL = 2 };

/* getopt_long codes of the options without a short form, for every
 * command (each command uses those it takes). */
enum {
  OPT_GAZETTEER = 256,
  OPT_RULES,
  OPT_DATE,
  OPT_MIN_CONFIDENCE,
  OPT_PROVENANCE,
  OPT_EXPLAIN,
  OPT_STORAGE,
  OPT_STORE_NAME,
  OPT_STORE_OPTIONS,
  OPT_GSP,
  OPT_CREDENTIALS,
  OPT_RETRIES,
  OPT_RETRY_DELAY,
  OPT_RETRY_MAX_TIME,
  OPT_FORMAT,
  OPT_QUERY_DATA,
  OPT_MAX_ARTICLE_BYTES,
  OPT_MAX_SENTENCE_MENTIONS,
  OPT_MAX_ARTICLE_MENTIONS,
  OPT_RESUME
};

/* The short and long options cli_option takes. */
// clang-format off
#define CLI_EXTRACT_SHORTOPTS "i:j:d:q"
#define CLI_EXTRACT_LONGOPTS                                                   \
  {"input", required_argument, NULL, 'i'},                                     \
  {"jobs", required_argument, NULL, 'j'},                                      \
  {"data", required_argument, NULL, 'd'},                                      \
  {"gazetteer", required_argument, NULL, OPT_GAZETTEER},                       \
  {"rules", required_argument, NULL, OPT_RULES},                               \
  {"date", required_argument, NULL, OPT_DATE},                                 \
  {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},             \
  {"provenance", required_argument, NULL, OPT_PROVENANCE},                     \
  {"explain", no_argument, NULL, OPT_EXPLAIN},                                 \
  {"max-article-bytes", required_argument, NULL, OPT_MAX_ARTICLE_BYTES},       \
  {"max-sentence-mentions", required_argument, NULL,                           \
   OPT_MAX_SENTENCE_MENTIONS},                                                 \
  {"max-article-mentions", required_argument, NULL,                            \
   OPT_MAX_ARTICLE_MENTIONS},                                                  \
  {"quiet", no_argument, NULL, 'q'}
// clang-format on

/* What cli_option returns for an option that is not one of its own. */
#define CLI_NOT_MINE (-2)

/** How a command reads and extracts its articles. */
typedef struct {
  InputFormat input;        ///< -i: how files are read
  size_t jobs;              ///< -j: extracting threads
  const char *data;         ///< -d DIR, or NULL
  const char **gazetteers;  ///< owned array of the --gazetteer files
  size_t n_gazetteers;      ///< how many
  const char **rules;       ///< owned array of the --rules files
  size_t n_rules;           ///< how many
  KgExtractOptions extract; ///< --date, --min-confidence, --provenance,
                            ///< --max-sentence-mentions,
                            ///< --max-article-mentions
  size_t max_article_bytes; ///< --max-article-bytes
  int explain;              ///< --explain
  int quiet;                ///< -q
} CliOptions;

/* The most bytes of a message's text (a path of PATH_MAX and what is said
 * of it); a longer one is cut.  A line of it, escaped, takes at most
 * CLI_LINE_SIZE bytes. */
#define CLI_MESSAGE_MAX 4608
#define CLI_LINE_SIZE (sizeof PROGRAM ": \n" + KG_ESCAPE_SIZE(CLI_MESSAGE_MAX))

/** Writes "newskg: MESSAGE\n" to line (CLI_LINE_SIZE bytes), NUL-terminated:
 *  the message of format and ap with its control characters and invalid
 *  UTF-8 escaped (kg_escape), so that a file name, argument or stored text
 *  it quotes can neither forge a line of its own nor send the terminal a
 *  command.  Returns the line's length. */
size_t cli_vformat_message(char *line, const char *format, va_list ap);

/** cli_vformat_message with the arguments. */
size_t cli_format_message(char *line, const char *format, ...) KG_PRINTF(2, 3);

/** Writes the line of cli_format_message to standard error, whole. */
void cli_message(const char *format, ...) KG_PRINTF(1, 2);

/** one when n is 1, else many: "1 article", "2 articles". */
const char *cli_plural(size_t n, const char *one, const char *many);

/** "newskg: FILE[:LINE][: byte N]: message" for a library error; file
 *  names the input when the error record names none. */
void cli_report_error(const char *file, const KgError *err);

/** "newskg: FILE: message". */
void cli_report(const char *file, const char *message);

/** Prints message (when not NULL) and where to find help; returns
 *  EXIT_FATAL. */
int cli_usage_error(const char *message);

/** Reports what getopt_long (run with opterr = 0 and a leading ':') found
 *  wrong with the option just read; returns EXIT_FATAL. */
int cli_bad_option(char **argv, int c);

/** Index of name in the n names, or -1. */
int cli_find_name(const char *const *names, int n, const char *name);

/** The defaults, with room for the repeatable options of argc arguments.
 *  Returns 0, or EXIT_FATAL after reporting that memory ran out. */
int cli_options_init(CliOptions *opt, int argc);

/** Frees what cli_options_init allocated. */
void cli_options_free(CliOptions *opt);

/** Parses arg, a whole number from least to most (with units, a K, M or
 *  G after it multiplies it by 1024 once, twice or thrice), into *out.
 *  Returns -1, or EXIT_FATAL after saying what option name wants. */
int cli_number_option(const char *name, const char *arg,
                      unsigned long long least, unsigned long long most,
                      int units, unsigned long long *out);

/** Takes the option of getopt code c with argument arg into opt.  Returns
 *  -1 when taken, CLI_NOT_MINE when c is not one of CLI_EXTRACT_*, or
 *  EXIT_FATAL after saying what is wrong with arg. */
int cli_option(CliOptions *opt, int c, const char *arg);

/** The data directory: option (-d DIR) when not NULL, else $NEWSKG_DATA,
 *  else the installed one when it holds the file probe (a path relative
 *  to it), else the source tree's data/ (for running from the build
 *  tree). */
const char *cli_data_dir(const char *option, const char *probe);

/** The extractor of the data directory and the added files, or NULL after
 *  reporting why not. */
KgExtractor *cli_load_extractor(const CliOptions *opt);

/** Where a command's output goes: standard output, or -O FILE.  A regular
 *  FILE (or none yet) is written as a temporary file beside it,
 *  .NAME.newskg-tmp.XXXXXX, locked while the run lasts, that replaces it
 *  whole on success; a FIFO or character device is written through; a
 *  symbolic link is followed to the file it leads to. */
typedef struct {
  FILE *fh;           ///< the stream written to
  const char *target; ///< -O FILE, or NULL for stdout
  char *path;         ///< owned: the file replaced (target, or where the
                      ///< link target leads), NULL unless replacing
  char *tmp;          ///< owned temporary path, NULL unless replacing
} CliOutput;

/** Opens the output: standard output when target is NULL; target itself
 *  when it is a FIFO or character device; else, after removing the
 *  temporary files of target that killed runs left (with a message), a new
 *  temporary file beside it, which starts with the articles of target
 *  that resume (or NULL) keeps and has the permission bits (and where it
 *  may, the owner and group) of the file it replaces.  A directory, socket,
 *  block device or symbolic link to nothing is refused.  Returns 0, or -1
 *  after reporting why not. */
int cli_output_open(CliOutput *out, const char *target, const Resume *resume);

/** Finishes the output: with commit, flushes, fsyncs and renames the
 *  temporary file onto the file it replaces (or flushes standard output,
 *  or the FIFO or device written through); without, throws the temporary
 *  file away, leaving the target untouched.  Returns 0 when committed,
 *  else -1 (after reporting why, when commit was asked). */
int cli_output_close(CliOutput *out, int commit);

/** From now on, the first SIGINT, SIGTERM or SIGHUP asks cli_run_corpus
 *  to stop reading (the articles read are still finished and handed
 *  over); a second one ends the program at once, after removing the file
 *  cli_remove_on_interrupt names. */
void cli_catch_signals(void);

/** The file a second signal removes (a temporary output), or NULL. */
void cli_remove_on_interrupt(char *path);

/** 0, or the signal that asked the run to stop since cli_catch_signals. */
int cli_stop_signal(void);

/** A descriptor that becomes readable when a signal asks the run to stop,
 *  for input_stop_on (cli_run_corpus uses it), or -1 before
 *  cli_catch_signals. */
int cli_stop_fd(void);

/** Runs the articles of the nargs arguments through ex into sink, past
 *  those resume (or NULL) says the output holds, with a progress line
 *  (unless -q, or when standard error is no terminal, or when uses_stdout
 *  and standard output is that terminal too) and a summary (unless -q).
 *  A signal that stopped the run is reported, with how_to_go_on (or "")
 *  added.  Returns the exit code: 128 + the signal when one stopped the
 *  run. */
int cli_run_corpus(const CliOptions *opt, const KgExtractor *ex, Sink *sink,
                   Resume *resume, const char *how_to_go_on, int uses_stdout,
                   int nargs, char **args);

#endif /* NEWSKG_CLI_H */
