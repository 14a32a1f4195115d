/* corpus.c - one run over the articles; see corpus.h.
 *
 * The reading thread (the caller's) turns each article into a Job and
 * submits it; a worker extracts it and leaves in the job everything to
 * write: the graph's bytes, the text for standard error (the article's
 * error, or --explain's blocks) and its counts; the pipeline's emitter
 * then writes all that, in input order.  The window holds WINDOW_PER_WORKER
 * jobs per worker: enough to keep every worker busy while a slow article
 * holds up the writing, and the reading thread woken once every few jobs
 * (pipeline.c), not for each; and all the memory the run needs beyond one
 * KgWriter per worker.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#endif
#include "corpus.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "graph.h"
#include "pipeline.h"
#include "repair.h"
#include "serialize.h"

#define WINDOW_PER_WORKER 8

/* One article on its way through the pipeline. */
typedef struct {
  Article article;  ///< as read
  char *graph_iri;  ///< owned: its document IRI, or NULL
  char *graph;      ///< owned: the graph's bytes, or NULL
  size_t graph_len; ///< bytes of graph
  char *notes;      ///< owned: text for standard error, or NULL
  size_t notes_len; ///< bytes of notes
  Tally tally;      ///< what the article gave
} Job;

/* What the workers and the emitter share. */
typedef struct {
  const KgExtractor *ex;    ///< read only
  const CorpusOptions *opt; ///< read only
  KgWriter **writers;       ///< owned, one per worker (each its own)
  Sink *sink;               ///< used by the emitter only
  Progress *progress;       ///< counts and standard error
  int failed;               ///< emitter only: an article failed
  int fatal;                ///< emitter only: the output failed
} Run;

static void job_free(Job *job) {
  article_release(&job->article);
  free(job->graph_iri);
  free(job->graph);
  free(job->notes);
  free(job);
}

/* The article's place for messages: "FILE" or "FILE:LINE". */
static void place(const Article *a, char *buf, size_t size) {
  if (a->line > 0)
    snprintf(buf, size, "%s:%ld", a->name, a->line);
  else
    snprintf(buf, size, "%s", a->name);
}

/* A job's notes for standard error, a memory stream opened at the first
 * one: most articles have none. */
typedef struct {
  Job *job;
  FILE *stream; ///< NULL until the first note
} Notes;

/* The stream of the notes, opened when it is not yet; NULL (and the job
 * failed, which the emitter reports) when out of memory. */
static FILE *notes_stream(Notes *notes) {
  if (!notes->stream &&
      !(notes->stream =
            open_memstream(&notes->job->notes, &notes->job->notes_len)))
    notes->job->tally.errors = 1;
  return notes->stream;
}

/* Notes a message about the article: "newskg: PLACE: [byte N: ]message". */
static void note(const Job *job, Notes *notes, long offset,
                 const char *message) {
  char where[4200], line[CLI_LINE_SIZE];
  place(&job->article, where, sizeof where);
  FILE *out = notes_stream(notes);
  if (!out)
    return;
  size_t len;
  if (offset >= 0)
    len = cli_format_message(line, "%s: byte %ld: %s", where, offset, message);
  else
    len = cli_format_message(line, "%s: %s", where, message);
  fwrite(line, 1, len, out);
}

/* Notes that the article failed, and counts it as skipped for why. */
static void note_failure(Job *job, Notes *notes, long offset,
                         const char *message, size_t *why) {
  note(job, notes, offset, message);
  job->tally.errors = 1;
  if (why)
    *why = 1;
}

/* Notes the bytes repair_text replaced: one line per kind, with the first
 * offset and the count. */
static void note_repairs(Job *job, Notes *notes, const Repair *r) {
  char message[128];
  if (r->invalid) {
    snprintf(message, sizeof message,
             "invalid UTF-8 (replaced %zu byte%s with U+FFFD)", r->invalid,
             r->invalid == 1 ? "" : "s");
    note(job, notes, (long)r->first_invalid, message);
  }
  if (r->nul) {
    snprintf(message, sizeof message,
             "NUL byte%s (replaced %zu with U+FFFD)", r->nul == 1 ? "" : "s",
             r->nul);
    note(job, notes, (long)r->first_nul, message);
  }
  if (r->nonchar) {
    snprintf(message, sizeof message,
             "noncharacter%s U+FFFE or U+FFFF (replaced %zu with U+FFFD)",
             r->nonchar == 1 ? "" : "s", r->nonchar);
    note(job, notes, (long)r->first_nonchar, message);
  }
  job->tally.repaired = 1;
}

/* Notes that sentences of g, or the whole article, named more entities
 * than their limits: the first mentions were read. */
static void note_capped(const Run *run, Job *job, Notes *notes,
                        const KgGraph *g) {
  const KgExtractOptions *x = &run->opt->extract;
  size_t first[2] = {0, 0}, n[2];
  char message[2][200];
  n[0] = kg_graph_capped_sentences(g, &first[0]);
  snprintf(message[0], sizeof message[0],
           "a sentence names more than %zu entities: read the first %zu "
           "(--max-sentence-mentions; %zu such sentence%s)",
           x->max_sentence_mentions, x->max_sentence_mentions, n[0],
           n[0] == 1 ? "" : "s");
  n[1] = kg_graph_capped_article(g, &first[1]);
  snprintf(message[1], sizeof message[1],
           "the article names more than %zu entities: read the first %zu, "
           "%zu left out from this sentence on (--max-article-mentions)",
           x->max_article_mentions, x->max_article_mentions, n[1]);
  for (int cap = 0; cap < 2; cap++)
    if (n[cap] > 0) {
      note(job, notes, (long)first[cap], message[cap]);
      job->tally.capped = 1;
    }
}

/* Extracts the article (its text, or the repaired text) and writes its
 * graph and notes into the job. */
static void extract_into(const Run *run, KgWriter *writer, Job *job,
                         const char *text, size_t len, Notes *notes) {
  const Record *r = &job->article.record;
  KgExtractOptions o = run->opt->extract;
  if (r->date)
    o.date = r->date; /* the record's date comes before --date */
  KgError err;
  memset(&err, 0, sizeof err);
  err.offset = -1;
  KgGraph *g = NULL;
  if (kg_extract_with(run->ex, text, len, &o, &g, &err) != KG_OK ||
      kg_graph_set_source(g, r->id, r->url, r->title, &err) != KG_OK) {
    note_failure(job, notes, err.offset, err.message, NULL);
    kg_graph_free(g);
    return;
  }
  note_capped(run, job, notes, g);
  if (run->opt->explain && notes_stream(notes))
    kg_graph_explain(g, notes_stream(notes));
  job->graph_iri = strdup(kg_graph_doc_iri(g));
  const char *bytes = NULL;
  size_t size = 0;
  KgStatus status = job->graph_iri ? kg_writer_render(writer, g, &bytes, &size,
                                                      &job->tally.triples, &err)
                                   : KG_ERR_NOMEM;
  /* the job keeps a copy (NUL-terminated): the writer's buffer serves the
   * worker's next article */
  if (status == KG_OK && !(job->graph = malloc(size + 1)))
    status = KG_ERR_NOMEM;
  if (status != KG_OK) {
    note_failure(job, notes, -1,
                 status == KG_ERR_NOMEM ? strerror(ENOMEM) : err.message, NULL);
    job->tally.triples = 0;
  } else {
    memcpy(job->graph, bytes, size);
    job->graph[size] = '\0';
    job->graph_len = size;
    job->tally.sentences = kg_graph_sentence_count(g);
    job->tally.entities = kg_graph_entity_count(g);
    job->tally.relations = kg_graph_relation_count(g);
  }
  kg_graph_free(g);
}

/* Extracts the article, after replacing the bytes that are not UTF-8;
 * one that is not text at all is skipped. */
static void repair_and_extract(const Run *run, KgWriter *writer, Job *job,
                               Notes *notes) {
  const Record *r = &job->article.record;
  Repair fix;
  if (repair_text(r->text, r->len, &fix) != 0) {
    note_failure(job, notes, -1, strerror(ENOMEM), NULL);
    return;
  }
  if (fix.not_text) {
    char message[200];
    snprintf(message, sizeof message,
             "not text: %zu of its %zu bytes are NUL or invalid UTF-8 "
             "(binary data?): skipped",
             fix.invalid + fix.nul, r->len);
    note_failure(job, notes, -1, message, &job->tally.not_text);
    return;
  }
  if (fix.fixed)
    note_repairs(job, notes, &fix);
  extract_into(run, writer, job, fix.text, fix.len, notes);
  free(fix.fixed);
}

/* PipelineWork: extracts a job. */
static void work(void *arg, size_t worker, void *ctx) {
  Job *job = arg;
  const Run *run = ctx;
  job->tally.articles = 1;
  job->tally.bytes = job->article.bytes;
  Notes notes = {job, NULL};
  if (job->article.warning[0])
    note(job, &notes, -1, job->article.warning);
  if (job->article.problem[0])
    note_failure(job, &notes, -1, job->article.problem,
                 job->article.too_large ? &job->tally.too_large : NULL);
  else
    repair_and_extract(run, run->writers[worker], job, &notes);
  if (notes.stream && fclose(notes.stream) != 0)
    job->tally.errors = 1; /* the emitter reports it */
}

/* Writes a message (cli_message's line) to standard error, through the
 * progress line. */
static void say(Run *run, const char *format, ...) KG_PRINTF(2, 3);
static void say(Run *run, const char *format, ...) {
  char line[CLI_LINE_SIZE];
  va_list ap;
  va_start(ap, format);
  size_t len = cli_vformat_message(line, format, ap);
  va_end(ap);
  progress_write(run->progress, line, len);
}

/* Hands the job's graph to the sink; returns 0, or -1 when the sink
 * failed for good (fatal) or rejected the article (failed), after
 * reporting it. */
static int keep_graph(Run *run, Job *job) {
  char where[4200], why[1024];
  place(&job->article, where, sizeof where);
  SinkGraph sg = {where, job->graph_iri, job->graph, job->graph_len,
                  job->tally.triples};
  why[0] = '\0';
  SinkStatus status = run->sink->put(run->sink, &sg, why, sizeof why);
  if (status == SINK_OK)
    return 0;
  if (status == SINK_FATAL) {
    say(run, "%s", why);
    run->fatal = 1;
  } else {
    say(run, "%s: %s", where, why);
    run->failed = 1;
    job->tally.errors = 1;
  }
  job->tally.triples = 0;
  return -1;
}

/* PipelineDone: writes a job out, in input order, and frees it. */
static int emit(void *arg, void *ctx) {
  Job *job = arg;
  Run *run = ctx;
  if (job->notes_len)
    progress_write(run->progress, job->notes, job->notes_len);
  else if (job->tally.errors)
    say(run, "%s: %s", job->article.name, strerror(ENOMEM));
  if (job->tally.errors) {
    run->failed = 1;
  } else if (run->fatal) {
    job->tally.triples = 0; /* not written */
  } else if (keep_graph(run, job) == 0 && run->opt->per_article) {
    char where[4200];
    place(&job->article, where, sizeof where);
    say(run, "%s: %zu %s, %zu %s", where, job->tally.entities,
        cli_plural(job->tally.entities, "entity", "entities"),
        job->tally.relations,
        cli_plural(job->tally.relations, "relation", "relations"));
  }
  progress_add(run->progress, &job->tally);
  job_free(job);
  return run->fatal;
}

/* What the output being resumed says of an article. */
typedef enum {
  RESUME_NO_GRAPH, ///< the article makes no graph (it is refused): go on
  RESUME_WRITTEN,  ///< its graph is the next one the output holds: skip it
  RESUME_CHANGED   ///< it makes another graph: the input has changed
} ResumeMatch;

static ResumeMatch match_resumed(Resume *resume, const Article *a) {
  const Record *r = &a->record;
  Repair fix;
  if (a->problem[0] || repair_text(r->text, r->len, &fix) != 0)
    return RESUME_NO_GRAPH;
  char *iri =
      fix.not_text ? NULL : kg_document_iri(fix.text, fix.len, r->id, r->url);
  ResumeMatch match = !iri                       ? RESUME_NO_GRAPH
                      : resume_skip(resume, iri) ? RESUME_WRITTEN
                                                 : RESUME_CHANGED;
  free(iri);
  free(fix.fixed);
  return match;
}

/* How feed ended. */
typedef enum { FEED_DONE, FEED_NO_MEMORY, FEED_INPUT_CHANGED } FeedEnd;

/* The output being resumed holds graphs the input does not make first, in
 * order: a is the input's article where they part, or NULL where the input
 * ended.  Resuming would write some articles twice and leave others out. */
static void say_input_changed(Run *run, const Article *a) {
  size_t number;
  const char *graph = resume_next(run->opt->resume, &number);
  char where[4200] = "the input ends";
  if (a != NULL)
    place(a, where, sizeof where);
  say(run,
      "--resume: the input has changed: %s%s the output's article %zu, <%s>; "
      "nothing written (run again without --resume)",
      where, a != NULL ? " is not" : " before", number, graph);
}

/* Reads the articles into the pipeline until the input ends, the run
 * stops or a signal asks it to (an article read while it came is left
 * for --resume). */
static FeedEnd feed(Pipeline *p, Input *in, Run *run) {
  const CorpusOptions *opt = run->opt;
  for (;;) {
    if (opt->stop && *opt->stop)
      return FEED_DONE;
    Job *job = calloc(1, sizeof *job);
    int got = job ? input_next(in, &job->article) : -1;
    if (got <= 0) {
      free(job);
      if (got == 0 && opt->resume && resume_pending(opt->resume) &&
          !(opt->stop && *opt->stop)) {
        say_input_changed(run, NULL);
        return FEED_INPUT_CHANGED;
      }
      return got == 0 ? FEED_DONE : FEED_NO_MEMORY;
    }
    ResumeMatch match = opt->resume && resume_pending(opt->resume)
                            ? match_resumed(opt->resume, &job->article)
                            : RESUME_NO_GRAPH;
    if (match == RESUME_CHANGED) {
      say_input_changed(run, &job->article);
      job_free(job);
      return FEED_INPUT_CHANGED;
    }
    if ((opt->stop && *opt->stop) || match == RESUME_WRITTEN) {
      job_free(job);
      continue;
    }
    if (pipeline_submit(p, job) != 0) {
      job_free(job);
      return FEED_DONE;
    }
  }
}

/* Makes one writer per worker; returns 0, or -1 after reporting why not. */
static int make_writers(Run *run) {
  size_t n = run->opt->workers;
  if (!(run->writers = calloc(n, sizeof *run->writers))) {
    say(run, "%s", strerror(ENOMEM));
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    KgError err;
    memset(&err, 0, sizeof err);
    if (kg_writer_new(run->sink->format, &run->writers[i], &err) != KG_OK) {
      say(run, "%s", err.message);
      return -1;
    }
  }
  return 0;
}

static void free_writers(Run *run) {
  for (size_t i = 0; run->writers && i < run->opt->workers; i++)
    kg_writer_free(run->writers[i]);
  free(run->writers);
}

CorpusStatus corpus_run(const KgExtractor *ex, const CorpusOptions *opt,
                        Input *in, Sink *sink, Progress *progress) {
  Run run = {ex, opt, NULL, sink, progress, 0, 0};
  Pipeline *p = NULL;
  int fatal = make_writers(&run) != 0;
  if (!fatal) {
    /* the writers' raptor worlds exist before any thread starts */
    p = pipeline_start(opt->workers, WINDOW_PER_WORKER * opt->workers, work,
                       emit, &run);
    if (!p) {
      say(&run, "cannot start %zu threads", opt->workers);
      fatal = 1;
    }
  }
  if (p) {
    FeedEnd end = feed(p, in, &run);
    if (end == FEED_NO_MEMORY)
      say(&run, "%s", strerror(ENOMEM));
    fatal = end != FEED_DONE;
    if (pipeline_finish(p) != 0)
      fatal = 1;
  }
  free_writers(&run);
  if (fatal || run.fatal)
    return CORPUS_FATAL;
  return run.failed ? CORPUS_SOME_FAILED : CORPUS_OK;
}
