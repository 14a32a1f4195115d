/* parse.c - `newskg parse`: the sentences of FILE|DIR... tagged,
 * lemmatised and parsed, as CoNLL-U.
 *
 * Two inputs, one output.  With -i text (the default) each file is an
 * article, read as `newskg FILE...` reads it (input.h, repair.h): split
 * into sentences and tokens (kg_text_split, with the lexicon's
 * abbreviations), each sentence cut into UD words (kg_ud_sentence).  With
 * -i conllu each file is CoNLL-U whose sentences and words are taken as
 * they are.  Either way every word then gets its LEMMA, UPOS, XPOS, HEAD
 * and DEPREL from the grammar (grammar.h), and the sentence is written
 *
 *     ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
 *
 * with FEATS and DEPS "_" (nothing predicts them).  What the input says of
 * its own text is kept: FORM, MISC (SpaceAfter=No), comments and
 * multiword-token lines; CoNLL-U empty nodes ("5.1") belong to the
 * enhanced graph, which is not predicted, and are dropped.
 *
 * A text article's sentences are named for the UD tools:
 *
 *     # newdoc id = news/belarus-sanctions.txt   (the file, as named)
 *     # newpar                                    (a paragraph's first)
 *     # sent_id = belarus-sanctions.txt#3         (its base name, and the
 *                                                  sentence's number)
 *     # text = ...
 *
 * The number counts the splitter's sentences from 1 in the file, so that
 * it stays the same whatever is done to the others; white space and
 * control bytes of a name become '_'.  Two files of the same base name in
 * different directories give the same sent_ids: their newdoc ids tell them
 * apart.
 *
 * Jobs (pipeline.h) are whole text files, or batches of about BATCH_WORDS
 * words of one CoNLL-U file: worker threads analyse them into a buffer
 * each, each thread with its own KgAnalysis, the KgGrammar shared
 * read-only, and the emitter writes the buffers and any messages in input
 * order, so the output is the same bytes for every -j.
 *
 * Exit codes as for `newskg FILE...`: 1 when an input file could not be
 * read (it is named, the others are parsed), 2 for a usage error, models
 * or lexicon that cannot be loaded, malformed CoNLL-U (with its file and
 * line; the run stops) or output that cannot be written; with -O FILE the
 * file is then left untouched.  A signal stops the reading: the sentences
 * read are written whole, and the exit code is 128 + the signal.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "parse.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "conllu.h"
#include "grammar.h"
#include "input.h"
#include "lexicon.h"
#include "pipeline.h"
#include "repair.h"
#include "sentences.h"
#include "udwords.h"
#include "walk.h"

/* A CoNLL-U job holds whole sentences, at least one, until it has this
 * many words or BATCH_SENTENCES sentences: enough to make a thread's
 * hand-over cheap beside the parsing, few enough that a treebank of a few
 * thousand sentences keeps 16 threads busy. */
#define BATCH_WORDS 1000
#define BATCH_SENTENCES 100

/* Jobs in flight per worker (submitted, not yet written). */
#define WINDOW_PER_WORKER 4

/* The name input.h gives standard input, and the id it gets here. */
#define STDIN_NAME "(standard input)"
#define STDIN_ID "stdin"

typedef enum { PARSE_TEXT = 0, PARSE_CONLLU } ParseInput;

/** Bytes built up by a worker: a job's CoNLL-U or its messages. */
typedef struct {
  char *data; ///< owned, len bytes used of cap
  size_t len;
  size_t cap;
  int nomem; ///< a put failed for want of memory (the bytes are cut)
} Buf;

/** One piece of the input, and what working it made. */
typedef struct {
  ParseInput kind;
  Article article;             ///< text: the file read (owned)
  KgConlluSentence *sentences; ///< conllu: owned batch of n sentences
  size_t n;                    ///< how many
  int first_of_file;           ///< conllu: the batch starts a file
  int failed;                  ///< the input could not be read (exit 1)
  Buf out;                     ///< the CoNLL-U written for it
  Buf notes;                   ///< its messages for standard error
  size_t sentence_count;       ///< sentences written
  size_t word_count;           ///< words written
} Job;

/** A worker thread's own scratch memory. */
typedef struct {
  KgAnalysis *analysis; ///< owned
  KgParsedWord *words;  ///< owned array of cap words
  size_t cap;
} Worker;

/** What the workers share (read-only) and what the emitter counts. */
typedef struct {
  const KgGrammar *grammar;
  const KgLexicon *lexicon;       ///< -i text: its abbreviations, or NULL
  Worker *workers;                ///< one per thread
  FILE *out;                      ///< where the CoNLL-U goes
  const char *out_name;           ///< its name in messages
  size_t sentences, words, files; ///< written so far (emitter)
  int skipped;                    ///< an input file could not be read
  int fatal;                      ///< out of memory, or the output failed
} Run;

/** The command line. */
typedef struct {
  CliOptions cli;     ///< -j, -d, -q, --max-article-bytes
  ParseInput input;   ///< -i
  const char *models; ///< --models DIR, or NULL
  const char *output; ///< -O FILE, or NULL
} ParseOptions;

enum { OPT_MODELS = 1000 };

static void print_help(void) {
  printf(
      "Usage: %s parse [-i text|conllu] [-j N] [-O FILE] [-d DIR] [--models "
      "DIR]\n"
      "                    [-q] FILE|DIR...\n"
      "Tag, lemmatise and parse English sentences: write them as CoNLL-U,\n"
      "each word with its LEMMA, UPOS, XPOS, HEAD and DEPREL (FEATS and DEPS\n"
      "are '_').\n"
      "\n"
      "Arguments:\n"
      "  FILE            English text (-i text) or CoNLL-U (-i conllu), or\n"
      "                  '-' for standard input\n"
      "  DIR             every *.txt file below DIR (*.conllu with -i\n"
      "                  conllu), depth first, each directory's names in\n"
      "                  byte order\n"
      "\n"
      "Options:\n"
      "  -i FORMAT, --input FORMAT   The input format:\n"
      "    text            an article a file (default): split into sentences\n"
      "                    and words; each sentence gets '# sent_id =\n"
      "                    NAME#N' (the file's base name, its Nth sentence)\n"
      "                    and '# text', a file '# newdoc id = FILE', a\n"
      "                    paragraph '# newpar'\n"
      "    conllu          sentences and words kept as they are (FORM, MISC,\n"
      "                    comments, multiword tokens; empty nodes dropped),\n"
      "                    the rest predicted\n"
      "  -O FILE, --output-file FILE Write to FILE (replaced whole, or left\n"
      "                              untouched on error) instead of stdout\n"
      "  -j N, --jobs N              Parse with N threads (default: one per\n"
      "                              online core); the output is the same\n"
      "                              for every N\n"
      "  -d DIR, --data DIR          The data directory: lexicon.tsv and the\n"
      "                              models in DIR/models (default as for\n"
      "                              '%s --help')\n"
      "  --models DIR                Read the models (tagger.model,\n"
      "                              parser.model...) from DIR instead of\n"
      "                              the data directory's\n"
      "  --max-article-bytes N       Skip (and report) a text file of more\n"
      "                              than N bytes (suffix K, M or G; default\n"
      "                              8M)\n"
      "  -q, --quiet                 No summary line\n"
      "  -h, --help                  Print this help, then exit\n"
      "\n"
      "Exit status: 0 all parsed; 1 an input file could not be read (it is\n"
      "named, the others are parsed); 2 usage error, models or lexicon\n"
      "missing or corrupt, malformed CoNLL-U (FILE:LINE named), output not\n"
      "writable (-O FILE is then left untouched); 128 + N: signal N stopped\n"
      "the run after writing the sentences read by then.\n",
      PROGRAM, PROGRAM);
}

/* --- buffers ----------------------------------------------------------------- */

static void buf_put(Buf *b, const char *s, size_t n) {
  if (b->nomem || n == 0) /* nothing to copy; b->data may still be NULL */
    return;
  if (n > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < n && cap <= SIZE_MAX / 2)
      cap *= 2;
    char *data = cap - b->len >= n ? realloc(b->data, cap) : NULL;
    if (!data) {
      b->nomem = 1;
      return;
    }
    b->data = data;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* s, or "_" for a column that holds nothing. */
static void buf_column(Buf *b, const char *s, size_t n) {
  if (s && n)
    buf_put(b, s, n);
  else
    buf_put(b, "_", 1);
}

static void buf_number(Buf *b, size_t n) {
  char digits[24];
  size_t at = sizeof digits;
  do {
    digits[--at] = (char)('0' + n % 10);
    n /= 10;
  } while (n);
  buf_put(b, digits + at, sizeof digits - at);
}

/* --- jobs -------------------------------------------------------------------- */

static void job_free(Job *job) {
  if (!job)
    return;
  article_release(&job->article);
  for (size_t i = 0; i < job->n; i++)
    kg_conllu_sentence_release(&job->sentences[i]);
  free(job->sentences);
  free(job->out.data);
  free(job->notes.data);
  free(job);
}

/* Adds "newskg: NAME[: byte N]: message" to the job's messages. */
static void note(Job *job, const char *name, long offset, const char *message) {
  char line[CLI_LINE_SIZE];
  size_t len;
  if (offset >= 0)
    len = cli_format_message(line, "%s: byte %ld: %s", name, offset, message);
  else
    len = cli_format_message(line, "%s: %s", name, message);
  buf_put(&job->notes, line, len);
}

/* Notes the bytes repair_text replaced, as `newskg FILE...` does. */
static void note_repairs(Job *job, const Repair *r) {
  const char *name = job->article.name;
  char message[128];
  if (r->invalid) {
    snprintf(message, sizeof message,
             "invalid UTF-8 (replaced %zu byte%s with U+FFFD)", r->invalid,
             r->invalid == 1 ? "" : "s");
    note(job, name, (long)r->first_invalid, message);
  }
  if (r->nul) {
    snprintf(message, sizeof message, "NUL byte%s (replaced %zu with U+FFFD)",
             r->nul == 1 ? "" : "s", r->nul);
    note(job, name, (long)r->first_nul, message);
  }
  if (r->nonchar) {
    snprintf(message, sizeof message,
             "noncharacter%s U+FFFE or U+FFFF (replaced %zu with U+FFFD)",
             r->nonchar == 1 ? "" : "s", r->nonchar);
    note(job, name, (long)r->first_nonchar, message);
  }
}

/* --- one sentence -------------------------------------------------------------- */

/* Whether a non-word line of a sentence is an empty node ("5.1\t..."). */
static int is_empty_node(const char *line) {
  if (line[0] == '#')
    return 0;
  size_t id = strcspn(line, "\t");
  return memchr(line, '.', id) != NULL;
}

/* Writes s, its words analysed as words says, to b: head (comment lines,
 * or ""), the sentence's own lines but its empty nodes, the words, a blank
 * line. */
static void put_sentence(Buf *b, const char *head, const KgConlluSentence *s,
                         const KgParsedWord *words) {
  buf_puts(b, head);
  size_t k = 0;
  for (size_t i = 0;; i++) {
    for (; k < s->n_lines && s->lines[k].before <= i; k++)
      if (!is_empty_node(s->lines[k].text)) {
        buf_puts(b, s->lines[k].text);
        buf_put(b, "\n", 1);
      }
    if (i == s->n_words)
      break;
    const KgParsedWord *w = &words[i];
    const char *misc = s->words[i].misc;
    buf_number(b, i + 1);
    buf_put(b, "\t", 1);
    buf_put(b, w->form, w->len);
    buf_put(b, "\t", 1);
    buf_column(b, w->lemma, w->lemma ? w->lemma_len : 0);
    buf_put(b, "\t", 1);
    buf_column(b, w->upos, w->upos ? strlen(w->upos) : 0);
    buf_put(b, "\t", 1);
    buf_column(b, w->xpos, w->xpos ? strlen(w->xpos) : 0);
    buf_put(b, "\t_\t", 3);
    buf_number(b, w->head);
    buf_put(b, "\t", 1);
    buf_column(b, w->deprel, w->deprel ? strlen(w->deprel) : 0);
    buf_put(b, "\t_\t", 3);
    buf_column(b, misc, misc ? strlen(misc) : 0);
    buf_put(b, "\n", 1);
  }
  buf_put(b, "\n", 1);
}

/* Analyses the words of s with the worker's scratch memory and writes the
 * sentence (after head) into the job's output. */
static void parse_sentence(const Run *run, Worker *w, Job *job,
                           const char *head, const KgConlluSentence *s) {
  size_t n = s->n_words;
  if (n > w->cap) {
    size_t cap = n > 2 * w->cap ? n : 2 * w->cap;
    KgParsedWord *words = realloc(w->words, cap * sizeof *words);
    if (!words) {
      job->out.nomem = 1;
      return;
    }
    w->words = words;
    w->cap = cap;
  }
  for (size_t i = 0; i < n; i++) {
    memset(&w->words[i], 0, sizeof w->words[i]);
    w->words[i].form = s->words[i].form;
    w->words[i].len = strlen(s->words[i].form);
  }
  KgError err;
  memset(&err, 0, sizeof err);
  if (kg_grammar_analyse(run->grammar, w->analysis, w->words, n, &err) !=
      KG_OK) {
    job->out.nomem = 1;
    return;
  }
  put_sentence(&job->out, head, s, w->words);
  job->sentence_count++;
  job->word_count += n;
}

/* --- text ---------------------------------------------------------------------- */

/* A copy of name fit for a comment's id: white space and control bytes
 * become '_'; standard input is STDIN_ID.  NULL when out of memory. */
static char *id_of(const char *name) {
  char *id = strdup(strcmp(name, STDIN_NAME) == 0 ? STDIN_ID : name);
  for (char *c = id; c && *c; c++)
    if ((unsigned char)*c <= ' ' || *c == 0x7f)
      *c = '_';
  return id;
}

/* Parses the sentences of article t, the text of the job's file. */
static void parse_text(const Run *run, Worker *w, Job *job, const KgText *t) {
  char *doc = id_of(job->article.name);
  const char *slash = doc ? strrchr(doc, '/') : NULL;
  const char *base = slash && slash[1] ? slash + 1 : doc;
  size_t size = doc ? strlen(base) + 24 : 0;
  char *sent_id = doc ? malloc(size) : NULL;
  Buf head = {0};
  KgConlluSentence s;
  memset(&s, 0, sizeof s);
  size_t paragraph = SIZE_MAX;
  int first = 1;
  for (size_t i = 0; sent_id && i < t->sentence_count; i++) {
    if (t->sentences[i].token_count == 0)
      continue;
    snprintf(sent_id, size, "%s#%zu", base, i + 1);
    if (kg_ud_sentence(t, i, sent_id, &s, NULL) != KG_OK) {
      job->out.nomem = 1; /* the sentence exists: memory ran out */
      break;
    }
    if (s.n_words == 0)
      continue;
    head.len = 0;
    if (first) {
      buf_puts(&head, "# newdoc id = ");
      buf_puts(&head, doc);
      buf_put(&head, "\n", 1);
    }
    if (t->sentences[i].paragraph != paragraph)
      buf_puts(&head, "# newpar\n");
    buf_put(&head, "", 1); /* its NUL */
    if (head.nomem)
      break;
    first = 0;
    paragraph = t->sentences[i].paragraph;
    parse_sentence(run, w, job, head.data, &s);
  }
  if (!sent_id || head.nomem)
    job->out.nomem = 1;
  kg_conllu_sentence_release(&s);
  free(head.data);
  free(sent_id);
  free(doc);
}

/* Reads, repairs, splits and parses the job's text file. */
static void work_text(const Run *run, Worker *w, Job *job) {
  const Article *a = &job->article;
  if (a->problem[0]) {
    note(job, a->name, -1, a->problem);
    job->failed = 1;
    return;
  }
  Repair fix;
  if (repair_text(a->record.text, a->record.len, &fix) != 0) {
    job->out.nomem = 1;
    return;
  }
  if (fix.not_text) {
    char message[200];
    snprintf(message, sizeof message,
             "not text: %zu of its %zu bytes are NUL or invalid UTF-8 "
             "(binary data?): skipped",
             fix.invalid + fix.nul, a->record.len);
    note(job, a->name, -1, message);
    job->failed = 1;
    return;
  }
  if (fix.fixed)
    note_repairs(job, &fix);
  KgText t;
  if (kg_text_split(fix.text, fix.len, run->lexicon, &t) != KG_OK)
    job->out.nomem = 1;
  else
    parse_text(run, w, job, &t);
  kg_text_release(&t);
  free(fix.fixed);
}

/* --- the pipeline ------------------------------------------------------------ */

/* PipelineWork: parses a job. */
static void work(void *arg, size_t worker, void *ctx) {
  Job *job = arg;
  const Run *run = ctx;
  Worker *w = &run->workers[worker];
  if (job->kind == PARSE_TEXT)
    work_text(run, w, job);
  else
    for (size_t i = 0; i < job->n && !job->out.nomem; i++)
      parse_sentence(run, w, job, "", &job->sentences[i]);
}

/* PipelineDone: writes a job's messages and CoNLL-U, in input order. */
static int done(void *arg, void *ctx) {
  Job *job = arg;
  Run *run = ctx;
  if (!run->fatal && job->notes.len)
    fwrite(job->notes.data, 1, job->notes.len, stderr);
  if (!run->fatal && (job->out.nomem || job->notes.nomem)) {
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
    run->fatal = 1;
  }
  errno = 0;
  if (!run->fatal && job->out.len &&
      fwrite(job->out.data, 1, job->out.len, run->out) != job->out.len) {
    cli_report(run->out_name, strerror(errno ? errno : EIO));
    run->fatal = 1;
  }
  if (!run->fatal) {
    run->skipped |= job->failed;
    run->sentences += job->sentence_count;
    run->words += job->word_count;
    run->files += job->kind == PARSE_TEXT ? !job->failed : job->first_of_file;
  }
  job_free(job);
  return run->fatal;
}

/* Hands the text files of the arguments to p.  Returns 0, or -1 when out
 * of memory. */
static int feed_text(const ParseOptions *po, Pipeline *p, int nargs,
                     char **args) {
  Input *in =
      input_new(args, (size_t)nargs, INPUT_TEXT, po->cli.max_article_bytes);
  int result = in ? 0 : -1;
  if (in)
    input_stop_on(in, cli_stop_fd());
  while (result == 0 && !cli_stop_signal()) {
    Job *job = calloc(1, sizeof *job);
    int got = job ? input_next(in, &job->article) : -1;
    if (got <= 0) {
      free(job);
      result = got;
      break;
    }
    job->kind = PARSE_TEXT;
    if (pipeline_submit(p, job) != 0) {
      job_free(job);
      break;
    }
  }
  input_free(in);
  return result > 0 ? 0 : result;
}

/* Submits a job that reports that the file at name cannot be read: an
 * errno, or WALK_NO_FILES. */
static int submit_unreadable(Pipeline *p, const char *name, int error) {
  Job *job = calloc(1, sizeof *job);
  if (!job)
    return -1;
  job->kind = PARSE_CONLLU;
  job->failed = 1;
  note(job, name, -1,
       error == WALK_NO_FILES
           ? "no sentence: no *.conllu file in this directory or below"
           : strerror(error));
  if (pipeline_submit(p, job) != 0)
    job_free(job);
  return 0;
}

/* Reads the CoNLL-U of r into batches for p.  Returns 0 at its end (or
 * when a signal stops the run), 1 for malformed or unreadable CoNLL-U
 * (*err says where), 2 when the pipeline stopped, -1 when out of
 * memory. */
static int feed_file(Pipeline *p, KgConlluReader *r, KgError *err) {
  int first = 1;
  while (!cli_stop_signal()) {
    Job *job = calloc(1, sizeof *job);
    if (job)
      job->sentences = calloc(BATCH_SENTENCES, sizeof *job->sentences);
    if (!job || !job->sentences) {
      job_free(job);
      return -1;
    }
    job->kind = PARSE_CONLLU;
    job->first_of_file = first;
    size_t words = 0;
    KgStatus st = KG_OK;
    while (job->n < BATCH_SENTENCES && words < BATCH_WORDS) {
      KgConlluSentence *s = &job->sentences[job->n];
      if ((st = kg_conllu_read(r, s, err)) != KG_OK || s->n_words == 0)
        break;
      words += s->n_words;
      job->n++;
    }
    if (st != KG_OK || job->n == 0) {
      job_free(job);
      return st == KG_OK ? 0 : st == KG_ERR_NOMEM ? -1 : 1;
    }
    first = 0;
    if (pipeline_submit(p, job) != 0) {
      job_free(job);
      return 2;
    }
  }
  return 0;
}

/* Hands the CoNLL-U of the arguments to p.  Returns 0, 1 for malformed
 * CoNLL-U (*err says where), or -1 when out of memory. */
static int feed_conllu(Pipeline *p, int nargs, char **args, KgError *err) {
  Walk *walk = walk_new(args, (size_t)nargs, ".conllu");
  const char *path;
  int error, result = walk ? 0 : -1;
  while (result == 0 && !cli_stop_signal() &&
         (result = walk_next(walk, &path, &error)) > 0) {
    int from_stdin = strcmp(path, "-") == 0;
    const char *name = from_stdin ? STDIN_NAME : path;
    errno = 0;
    FILE *in = error ? NULL : from_stdin ? stdin : fopen(path, "rb");
    if (!in) {
      result = submit_unreadable(p, name, error ? error : errno);
      continue;
    }
    KgConlluReader *r = kg_conllu_reader_new(in, name);
    result = r ? feed_file(p, r, err) : -1;
    kg_conllu_reader_free(r);
    if (!from_stdin)
      fclose(in);
  }
  walk_free(walk);
  return result == 2 ? 0 : result;
}

/* --- the command ---------------------------------------------------------------- */

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* dir + "/" + name in a new string, or NULL. */
static char *path_in(const char *dir, const char *name) {
  size_t size = strlen(dir) + strlen(name) + 2;
  char *path = malloc(size);
  if (path)
    snprintf(path, size, "%s/%s", dir, name);
  else
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
  return path;
}

/* The models of --models DIR, or of the data directory's models/.  NULL
 * after reporting why not. */
static KgGrammar *load_grammar(const ParseOptions *po) {
  char *dir = po->models
                  ? NULL
                  : path_in(cli_data_dir(po->cli.data, "models/tagger.model"),
                            "models");
  const char *models = po->models ? po->models : dir;
  KgGrammar *g = NULL;
  KgError err;
  memset(&err, 0, sizeof err);
  err.offset = -1;
  if (models && kg_grammar_load(models, &g, &err) != KG_OK)
    cli_report_error(models, &err);
  free(dir);
  return g;
}

/* The lexicon of the data directory (for its abbreviations).  NULL after
 * reporting why not. */
static KgLexicon *load_lexicon(const ParseOptions *po) {
  char *path =
      path_in(cli_data_dir(po->cli.data, "lexicon.tsv"), "lexicon.tsv");
  KgLexicon *lex = path ? kg_lexicon_new() : NULL;
  KgError err;
  memset(&err, 0, sizeof err);
  err.offset = -1;
  if (path && !lex)
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
  else if (lex && kg_lexicon_load(lex, path, &err) != KG_OK) {
    cli_report_error(path, &err);
    kg_lexicon_free(lex);
    lex = NULL;
  }
  free(path);
  return lex;
}

/* Parses the arguments with grammar g (and lexicon lex for text) into
 * out; returns the exit code. */
static int parse_into(const ParseOptions *po, Run *run, CliOutput *out,
                      int nargs, char **args) {
  size_t jobs = po->cli.jobs;
  double start = now_seconds();
  Pipeline *p = pipeline_start(jobs, WINDOW_PER_WORKER * jobs, work, done, run);
  KgError err;
  memset(&err, 0, sizeof err);
  err.offset = -1;
  int fed = -1;
  if (p)
    fed = po->input == PARSE_TEXT ? feed_text(po, p, nargs, args)
                                  : feed_conllu(p, nargs, args, &err);
  if (p && pipeline_finish(p) != 0)
    run->fatal = 1;
  if (fed < 0 && !run->fatal)
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
  else if (fed > 0 && !run->fatal)
    cli_report_error(err.file, &err);
  int fatal = run->fatal || fed != 0;
  int sig = cli_stop_signal();
  if (!fatal && sig)
    fprintf(stderr,
            "%s: interrupted by %s: the sentences read so far were written "
            "whole\n",
            PROGRAM,
            sig == SIGINT    ? "SIGINT"
            : sig == SIGTERM ? "SIGTERM"
                             : "SIGHUP");
  if (cli_output_close(out, !fatal) != 0)
    return EXIT_FATAL;
  double seconds = now_seconds() - start;
  if (!po->cli.quiet)
    fprintf(stderr,
            "%s: parsed %zu sentences, %zu words of %zu file%s in %.2f s, "
            "%.0f words/s\n",
            PROGRAM, run->sentences, run->words, run->files,
            run->files == 1 ? "" : "s", seconds,
            seconds > 0 ? (double)run->words / seconds : 0.0);
  return sig ? 128 + sig : run->skipped ? EXIT_INPUT : EXIT_SUCCESS;
}

/* Loads the models (and the lexicon), opens the output and parses the
 * arguments; returns the exit code. */
static int run_parse(const ParseOptions *po, int nargs, char **args) {
  Run run;
  memset(&run, 0, sizeof run);
  KgGrammar *g = load_grammar(po);
  KgLexicon *lex = g && po->input == PARSE_TEXT ? load_lexicon(po) : NULL;
  size_t jobs = po->cli.jobs;
  int ready = g && (po->input != PARSE_TEXT || lex);
  run.workers = ready ? calloc(jobs, sizeof *run.workers) : NULL;
  for (size_t i = 0; run.workers && i < jobs && ready; i++)
    ready = (run.workers[i].analysis = kg_analysis_new()) != NULL;
  if (g && (po->input != PARSE_TEXT || lex) && (!run.workers || !ready))
    fprintf(stderr, "%s: %s\n", PROGRAM, strerror(ENOMEM));
  int status = EXIT_FATAL;
  CliOutput out;
  if (run.workers && ready && cli_output_open(&out, po->output, NULL) == 0) {
    run.grammar = g;
    run.lexicon = lex;
    run.out = out.fh;
    run.out_name = po->output ? po->output : "(standard output)";
    cli_catch_signals(); /* from here on, a signal stops the run cleanly */
    status = parse_into(po, &run, &out, nargs, args);
  }
  for (size_t i = 0; run.workers && i < jobs; i++) {
    kg_analysis_free(run.workers[i].analysis);
    free(run.workers[i].words);
  }
  free(run.workers);
  kg_lexicon_free(lex);
  kg_grammar_free(g);
  return status;
}

/* Takes the option c of `newskg parse`; returns -1, or an exit code. */
static int parse_option(ParseOptions *po, int c, const char *arg, char **argv) {
  static const char *const inputs[] = {"text", "conllu"};
  int i;
  switch (c) {
  case 'i':
    if ((i = cli_find_name(inputs, 2, arg)) >= 0) {
      po->input = (ParseInput)i;
      return -1;
    }
    cli_message("unknown input format '%s' (text, conllu)", arg);
    return cli_usage_error(NULL);
  case OPT_MODELS:
    po->models = arg;
    return -1;
  case 'O':
    po->output = arg;
    return -1;
  case 'h':
    print_help();
    return EXIT_SUCCESS;
  case 'j':
  case 'd':
  case 'q':
  case OPT_MAX_ARTICLE_BYTES:
    return cli_option(&po->cli, c, arg);
  default:
    return cli_bad_option(argv, c);
  }
}

int parse_main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"input", required_argument, NULL, 'i'},
      {"jobs", required_argument, NULL, 'j'},
      {"output-file", required_argument, NULL, 'O'},
      {"data", required_argument, NULL, 'd'},
      {"models", required_argument, NULL, OPT_MODELS},
      {"max-article-bytes", required_argument, NULL, OPT_MAX_ARTICLE_BYTES},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  ParseOptions po;
  memset(&po, 0, sizeof po);
  if (cli_options_init(&po.cli, argc) != 0)
    return EXIT_FATAL;
  int c, status = -1;
  opterr = 0;
  while (status < 0 &&
         (c = getopt_long(argc, argv, ":i:j:O:d:qh", longopts, NULL)) != -1)
    status = parse_option(&po, c, optarg, argv);
  if (status < 0 && optind >= argc)
    status = cli_usage_error("parse: no input files");
  if (status < 0)
    status = run_parse(&po, argc - optind, argv + optind);
  cli_options_free(&po.cli);
  return status;
}
