/* test_corpus.c - CUnit suite of the program's corpus modules: pipeline.c
 * (done() sees every job once, in submission order, whatever the workers'
 * timing; never more than `window` jobs in flight; a stop refuses new jobs
 * and still hands back the old ones), walk.c (the order of files below a
 * directory, what is skipped, errors in place), record.c (JSON Lines
 * records, good and bad) and input.c (articles of text and JSON Lines
 * files: names, lines, bytes, problems; a line over the limit read past; a
 * FIFO in a directory reported, not read; a stop ending a waiting read).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, nanosleep, symlink, mkfifo */
#endif
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "pipeline.h"
#include "record.h"
#include "repair.h"
#include "runner.h"
#include "walk.h"

/* ---- pipeline ------------------------------------------------------------ */

#define JOBS 300
#define WINDOW 8

/* What the callbacks see, under lock. */
typedef struct {
  pthread_mutex_t lock;
  size_t in_flight;      ///< submitted and not yet done
  size_t most_in_flight; ///< the largest in_flight seen
  size_t done[JOBS];     ///< job numbers in the order done() saw them
  size_t done_count;
  int worked[JOBS];    ///< how often work() ran on each job
  size_t stop_at;      ///< done() asks to stop at this job (JOBS: never)
  size_t max_worker;   ///< the largest worker index seen
} Seen;

typedef struct {
  size_t number;
  Seen *seen;
} Job;

/* Sleeps a pseudo-random 0 to 1.5 ms, so that jobs finish out of order. */
static void jitter(size_t n) {
  struct timespec t = {0, (long)((n * 7919) % 16) * 100000L};
  nanosleep(&t, NULL);
}

static void work(void *arg, size_t worker, void *ctx) {
  Job *job = arg;
  (void)ctx;
  jitter(job->number);
  pthread_mutex_lock(&job->seen->lock);
  job->seen->worked[job->number]++;
  if (worker > job->seen->max_worker)
    job->seen->max_worker = worker;
  pthread_mutex_unlock(&job->seen->lock);
}

static int done(void *arg, void *ctx) {
  Job *job = arg;
  Seen *seen = ctx;
  pthread_mutex_lock(&seen->lock);
  seen->done[seen->done_count++] = job->number;
  seen->in_flight--;
  int stop = job->number == seen->stop_at;
  pthread_mutex_unlock(&seen->lock);
  free(job);
  return stop;
}

/* Submits up to JOBS jobs; returns how many were taken. */
static size_t run_pipeline(Seen *seen, size_t workers, int *finish) {
  memset(seen->done, 0, sizeof seen->done);
  pthread_mutex_init(&seen->lock, NULL);
  Pipeline *p = pipeline_start(workers, WINDOW, work, done, seen);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  size_t taken = 0;
  for (size_t i = 0; i < JOBS; i++) {
    Job *job = malloc(sizeof *job);
    CU_ASSERT_PTR_NOT_NULL_FATAL(job);
    *job = (Job){i, seen};
    pthread_mutex_lock(&seen->lock);
    seen->in_flight++;
    if (seen->in_flight > seen->most_in_flight)
      seen->most_in_flight = seen->in_flight;
    pthread_mutex_unlock(&seen->lock);
    if (pipeline_submit(p, job) != 0) {
      free(job);
      break;
    }
    taken++;
  }
  *finish = pipeline_finish(p);
  pthread_mutex_destroy(&seen->lock);
  return taken;
}

static void test_pipeline_keeps_order(void) {
  static const size_t workers[] = {1, 2, 5};
  for (size_t k = 0; k < sizeof workers / sizeof *workers; k++) {
    static Seen seen;
    memset(&seen, 0, sizeof seen);
    seen.stop_at = JOBS;
    int finish;
    CU_ASSERT_EQUAL(run_pipeline(&seen, workers[k], &finish), JOBS);
    CU_ASSERT_EQUAL(finish, 0);
    CU_ASSERT_EQUAL_FATAL(seen.done_count, JOBS);
    int in_order = 1, once = 1;
    for (size_t i = 0; i < JOBS; i++) {
      in_order &= seen.done[i] == i;
      once &= seen.worked[i] == 1;
    }
    CU_ASSERT(in_order);
    CU_ASSERT(once);
    /* the one being submitted counts: window + 1 at most */
    CU_ASSERT(seen.most_in_flight <= WINDOW + 1);
    CU_ASSERT(seen.max_worker < workers[k]);
  }
}

static void test_pipeline_stops(void) {
  /* one worker runs the jobs in the submitting thread: the same contract */
  static const size_t workers[] = {1, 3};
  for (size_t k = 0; k < sizeof workers / sizeof *workers; k++) {
    static Seen seen;
    memset(&seen, 0, sizeof seen);
    seen.stop_at = 40;
    int finish;
    size_t taken = run_pipeline(&seen, workers[k], &finish);
    CU_ASSERT_EQUAL(finish, -1);
    /* jobs up to the stop, and at most a window after it, were taken */
    CU_ASSERT(taken > 40 && taken <= 40 + WINDOW + 1);
    /* and every one of them was handed back, in order */
    CU_ASSERT_EQUAL(seen.done_count, taken);
    for (size_t i = 0; i < seen.done_count; i++)
      CU_ASSERT_EQUAL(seen.done[i], i);
  }
}

static void test_pipeline_refuses_nonsense(void) {
  CU_ASSERT_PTR_NULL(pipeline_start(0, 4, work, done, NULL));
  CU_ASSERT_PTR_NULL(pipeline_start(2, 0, work, done, NULL));
}

/* ---- a scratch directory ---------------------------------------------------- */

static char root[64]; /* made by the suite's set-up */

/* The helpers below run in the suite's set-up, where CUnit cannot assert:
 * each returns 0 or -1. */
static int put(const char *rel, const char *content) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  FILE *fh = fopen(path, "wb");
  if (!fh)
    return -1;
  fputs(content, fh);
  return fclose(fh) == 0 ? 0 : -1;
}

static int dir(const char *rel) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  return mkdir(path, 0755);
}

static int fifo(const char *rel) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  return mkfifo(path, 0644);
}

static int link_to(const char *target, const char *rel) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  return symlink(target, path);
}

static int make_tree(void) {
  snprintf(root, sizeof root, "%s/test_corpus.XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(root))
    return 1;
  int failed = dir("news") || dir("news/b") || dir("news/a") ||
               dir("news/.git") || put("news/z.txt", "Z.") ||
               put("news/B.txt", "B.") || put("news/b/2.txt", "B2.") ||
               put("news/b/10.txt", "B10.") || put("news/a/1.txt", "A1.") ||
               put("news/a/notes.md", "not an article") ||
               put("news/.hidden.txt", "hidden") ||
               put("news/.git/x.txt", "hidden too") ||
               put("news/a.txt", "A.") ||
               /* a link to a directory: skipped; to a file: the file;
                * dangling: an error */
               link_to("a", "news/loop") ||
               link_to("z.txt", "news/link.txt") ||
               link_to("nowhere", "news/gone.txt") || dir("lines") ||
               put("lines/one.jsonl",
                   "{\"id\": \"x\", \"text\": \"First.\"}\n\n  \n"
                   "not json\n"
                   "{\"text\": \"Third.\", \"date\": "
                   "\"2020-08-26T10:00:00Z\"}") ||
               put("lines/skip.txt", "a text file is no JSON Lines file") ||
               dir("pipes") || fifo("pipes/a.txt") ||
               put("pipes/b.txt", "B.") || dir("long") || dir("empty") ||
               dir("empty/sub") || put("empty/sub/notes.md", "no article");
  return failed ? 1 : 0;
}

static int remove_tree(void) {
  char command[128];
  snprintf(command, sizeof command, "rm -rf '%s'", root);
  return system(command) == 0 ? 0 : 1;
}

/* ---- walk ----------------------------------------------------------------- */

/* Walks the arguments, writing "path" or "path!errno-name" per file, one a
 * line, with root cut from paths. */
static void walked(char *const *args, size_t n, const char *suffix, char *out,
                   size_t size) {
  Walk *w = walk_new(args, n, suffix);
  CU_ASSERT_PTR_NOT_NULL_FATAL(w);
  const char *path;
  int error;
  size_t used = 0;
  out[0] = '\0';
  while (walk_next(w, &path, &error) > 0) {
    const char *shown = strncmp(path, root, strlen(root)) == 0
                            ? path + strlen(root) + 1
                            : path;
    used += (size_t)snprintf(out + used, size - used, "%s%s\n", shown,
                             error == ENOENT          ? "!ENOENT"
                             : error == WALK_NO_FILES ? "!NOFILES"
                             : error                  ? "!error"
                                                      : "");
  }
  walk_free(w);
}

static void test_walk_order(void) {
  char news[128], out[1024];
  snprintf(news, sizeof news, "%s/news", root);
  char *args[] = {news};
  walked(args, 1, ".txt", out, sizeof out);
  /* byte order: upper case first, "10" before "2"; hidden entries, other
   * suffixes and the link to a directory left out; the dangling link in
   * its place, as an error */
  CU_ASSERT_STRING_EQUAL(out, "news/B.txt\n"
                              "news/a/1.txt\n"
                              "news/a.txt\n"
                              "news/b/10.txt\n"
                              "news/b/2.txt\n"
                              "news/gone.txt\n"
                              "news/link.txt\n"
                              "news/z.txt\n");
}

static void test_walk_arguments(void) {
  char file[128], missing[128], out[1024];
  snprintf(file, sizeof file, "%s/news/a/notes.md", root);
  snprintf(missing, sizeof missing, "%s/no-such", root);
  char *args[] = {file, "-", missing};
  walked(args, 3, ".txt", out, sizeof out);
  /* a file named as an argument is read whatever its name */
  CU_ASSERT_STRING_EQUAL(out, "news/a/notes.md\n-\nno-such!ENOENT\n");
  walked(args, 0, ".txt", out, sizeof out);
  CU_ASSERT_STRING_EQUAL(out, "");
}

static void test_walk_empty_directory(void) {
  char empty[128], some[128], out[1024];
  snprintf(empty, sizeof empty, "%s/empty", root);
  snprintf(some, sizeof some, "%s/news/a", root);
  char *args[] = {empty, some};
  /* a directory that gives no file is returned itself, once, with
   * WALK_NO_FILES; an empty directory inside one that gives files is not */
  walked(args, 2, ".txt", out, sizeof out);
  CU_ASSERT_STRING_EQUAL(out, "empty!NOFILES\nnews/a/1.txt\n");
  snprintf(some, sizeof some, "%s/news", root);
  walked(args + 1, 1, ".jsonl", out, sizeof out);
  CU_ASSERT_STRING_EQUAL(out, "news!NOFILES\n");
}

/* ---- record -------------------------------------------------------------- */

static void test_record_fields(void) {
  Record r;
  char why[256], warning[512];
  const char *line = "{\"id\": \"wn-1\", \"url\": \"https://x.org/1\", "
                     "\"date\": \"2020-08-26\", \"title\": \"T\", "
                     "\"text\": \"Caf\\u00e9 \\\"ok\\\"\\nline\", "
                     "\"lang\": \"en\"}";
  CU_ASSERT_EQUAL_FATAL(record_parse(line, strlen(line), &r, why, sizeof why,
                                     warning, sizeof warning),
                        0);
  CU_ASSERT_STRING_EQUAL(r.text, "Caf\xc3\xa9 \"ok\"\nline");
  CU_ASSERT_EQUAL(r.len, strlen("Caf\xc3\xa9 \"ok\"\nline"));
  CU_ASSERT_STRING_EQUAL(r.id, "wn-1");
  CU_ASSERT_STRING_EQUAL(r.url, "https://x.org/1");
  CU_ASSERT_STRING_EQUAL(r.date, "2020-08-26");
  CU_ASSERT_STRING_EQUAL(r.title, "T");
  record_release(&r);

  line = "{\"text\": \"\", \"id\": 42, \"url\": null, \"title\": \"\", "
         "\"date\": \"2020-02-29T23:59:59+01:00\"}";
  CU_ASSERT_EQUAL_FATAL(record_parse(line, strlen(line), &r, why, sizeof why,
                                     warning, sizeof warning),
                        0);
  CU_ASSERT_STRING_EQUAL(r.text, "");
  CU_ASSERT_STRING_EQUAL(r.id, "42");
  CU_ASSERT_PTR_NULL(r.url);
  CU_ASSERT_PTR_NULL(r.title);
  CU_ASSERT_STRING_EQUAL(r.date, "2020-02-29");
  record_release(&r);
}

static void check_bad(const char *line, const char *reason) {
  Record r;
  char why[256], warning[512];
  CU_ASSERT_EQUAL(record_parse(line, strlen(line), &r, why, sizeof why, warning,
                               sizeof warning),
                  -1);
  if (!strstr(why, reason))
    fprintf(stderr, "\n  %s: '%s', wanted '%s'\n", line, why, reason);
  CU_ASSERT_PTR_NOT_NULL(strstr(why, reason));
  CU_ASSERT_PTR_NULL(r.text);
}

static void test_bad_records(void) {
  check_bad("{\"text\": \"a\"", "invalid JSON at column");
  check_bad("", "invalid JSON");
  check_bad("{\"text\": \"a\"} x", "invalid JSON");
  check_bad("[\"text\"]", "not a JSON object");
  check_bad("{\"title\": \"no text\"}", "no \"text\" string");
  check_bad("{\"text\": 5}", "no \"text\" string");
  check_bad("{\"text\": \"a\", \"id\": 1.5}", "\"id\" is not a string or an integer");
  check_bad("{\"text\": \"a\", \"title\": 1}", "\"title\" is not a string");
  check_bad("{\"text\": \"a\\u0000b\"}", "invalid JSON");
  check_bad("{\"text\": \"caf\xe9\"}", "invalid JSON");
  check_bad("{\"text\": \"a\", \"text\": \"b\"}", "invalid JSON");
}

/* Parses line, which must keep its article ("a") and id, and checks that
 * the date and URL are want_date and want_url (NULL: dropped) and that
 * the warning holds dropped ("" for none). */
static void check_kept(const char *line, const char *want_date,
                       const char *want_url, const char *dropped) {
  Record r;
  char why[256], warning[512];
  CU_ASSERT_EQUAL_FATAL(record_parse(line, strlen(line), &r, why, sizeof why,
                                     warning, sizeof warning),
                        0);
  CU_ASSERT_STRING_EQUAL(r.text, "a");
  CU_ASSERT_STRING_EQUAL(r.id, "x");
  if (want_date) {
    CU_ASSERT_STRING_EQUAL(r.date, want_date);
  } else {
    CU_ASSERT_PTR_NULL(r.date);
  }
  if (want_url) {
    CU_ASSERT_STRING_EQUAL(r.url, want_url);
  } else {
    CU_ASSERT_PTR_NULL(r.url);
  }
  if (*dropped ? !strstr(warning, dropped) : *warning != '\0')
    fprintf(stderr, "\n  %s: warning '%s', wanted '%s'\n", line, warning,
            dropped);
  CU_ASSERT(*dropped ? strstr(warning, dropped) != NULL : *warning == '\0');
  record_release(&r);
}

static void test_bad_fields_dropped(void) {
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"date\": \"not-a-date\"}", NULL,
             NULL, "\"date\" \"not-a-date\" is not a date YYYY-MM-DD: dropped");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"date\": \"2020-02-30\"}", NULL,
             NULL, "\"date\" \"2020-02-30\" is not a date");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"date\": \"26/08/2020\"}", NULL,
             NULL, "is not a date");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"date\": \"2020-08-26x\"}",
             NULL, NULL, "is not a date");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"date\": 20200826}", NULL, NULL,
             "\"date\" is not a string: dropped");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": 1}", NULL, NULL,
             "\"url\" is not a string: dropped");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"www.example.org\"}",
             NULL, NULL,
             "\"url\" \"www.example.org\" has no scheme (such as \"https:\"): "
             "dropped");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": "
             "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#_x\"}",
             NULL, NULL, "is a name of RDF's own vocabulary");
  /* JSON-LD would read "nif:x" as the nif: vocabulary's x */
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"nif:x\"}", NULL,
             NULL, "has a scheme that is one of the output's prefix names");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"dcterms:x\"}",
             NULL, NULL, "one of the output's prefix names");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"nifty:x\"}",
             NULL, "nifty:x", "");
  check_kept(
      "{\"id\": \"x\", \"text\": \"a\", \"url\": \"https://x.org/\\ufffe\"}",
      NULL, NULL, "is not UTF-8 text (or holds U+FFFE or U+FFFF)");
  /* both, in one warning; the good ones kept */
  check_kept(
      "{\"id\": \"x\", \"text\": \"a\", \"url\": \"x\", \"date\": \"y\"}", NULL,
      NULL, "has no scheme (such as \"https:\"): dropped; \"date\"");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"x\", "
             "\"date\": \"2020-08-26\"}",
             "2020-08-26", NULL, "\"url\" \"x\" has no scheme");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"urn:x\", "
             "\"date\": \"y\"}",
             NULL, "urn:x", "\"date\" \"y\" is not a date");
  check_kept("{\"id\": \"x\", \"text\": \"a\", \"url\": \"urn:x\"}", NULL,
             "urn:x", "");
}

/* ---- input ------------------------------------------------------------------ */

static void test_text_articles(void) {
  char news[128];
  snprintf(news, sizeof news, "%s/news/b", root);
  char *args[] = {news};
  Input *in = input_new(args, 1, INPUT_TEXT, 1u << 20);
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  Article a;
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(a.name, "news/b/10.txt"));
  CU_ASSERT_EQUAL(a.line, 0);
  CU_ASSERT_STRING_EQUAL(a.record.text, "B10.");
  CU_ASSERT_EQUAL(a.bytes, 4);
  CU_ASSERT_STRING_EQUAL(a.problem, "");
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_STRING_EQUAL(a.record.text, "B2.");
  article_release(&a);
  CU_ASSERT_EQUAL(input_next(in, &a), 0);
  input_free(in);

  CU_ASSERT_EQUAL(input_total_bytes(args, 1, INPUT_TEXT), 7);
}

static void test_unreadable_is_an_article(void) {
  char gone[128];
  snprintf(gone, sizeof gone, "%s/news/gone.txt", root);
  char *args[] = {gone};
  Input *in = input_new(args, 1, INPUT_TEXT, 1u << 20);
  Article a;
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_STRING_EQUAL(a.name, gone);
  CU_ASSERT_STRING_EQUAL(a.problem, strerror(ENOENT));
  CU_ASSERT_PTR_NULL(a.record.text);
  article_release(&a);
  CU_ASSERT_EQUAL(input_next(in, &a), 0);
  input_free(in);
}

/* An article over max_bytes is reported, not read; the next one is. */
static void test_too_large_is_an_article(void) {
  char news[128];
  snprintf(news, sizeof news, "%s/news/b", root);
  char *args[] = {news};
  Input *in = input_new(args, 1, INPUT_TEXT, 3); /* "B10." 4, "B2." 3 */
  Article a;
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT(a.too_large);
  CU_ASSERT_STRING_EQUAL(a.problem,
                         "more than --max-article-bytes 3 bytes: skipped");
  CU_ASSERT_EQUAL(a.bytes, 4); /* counted, not read */
  CU_ASSERT_PTR_NULL(a.record.text);
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT(!a.too_large);
  CU_ASSERT_STRING_EQUAL(a.record.text, "B2.");
  article_release(&a);
  input_free(in);

  char lines[128];
  snprintf(lines, sizeof lines, "%s/lines", root);
  args[0] = lines;
  in = input_new(args, 1, INPUT_JSONL, 20); /* only "not json" fits */
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT(a.too_large);
  CU_ASSERT_EQUAL(a.line, 1);
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_EQUAL(a.line, 4);
  CU_ASSERT(!a.too_large);
  article_release(&a);
  input_free(in);
}

/* A line over max_bytes is reported, with its number, and read past
 * without being kept (here past the first buffer): the next one is read. */
static void test_long_line_is_read_past(void) {
  char path[128];
  snprintf(path, sizeof path, "%s/long/long.jsonl", root);
  FILE *fh = fopen(path, "wb");
  CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
  fputs("{\"text\": \"A.\"}\n", fh);
  for (int i = 0; i < 200000; i++)
    fputc('x', fh);
  fputs("\n{\"text\": \"B.\"}\n", fh);
  for (int i = 0; i < 100; i++)
    fputc('y', fh); /* the last line, without a newline */
  CU_ASSERT_EQUAL_FATAL(fclose(fh), 0);
  char *args[] = {path};
  Input *in = input_new(args, 1, INPUT_JSONL, 64);
  Article a;
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_STRING_EQUAL(a.record.text, "A.");
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_EQUAL(a.line, 2);
  CU_ASSERT(a.too_large);
  CU_ASSERT(a.bytes > 65 && a.bytes < 200000); /* seen, not read whole */
  CU_ASSERT_PTR_NULL(a.record.text);
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_EQUAL(a.line, 3);
  CU_ASSERT_STRING_EQUAL(a.record.text, "B.");
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_EQUAL(a.line, 4);
  CU_ASSERT(a.too_large);
  article_release(&a);
  CU_ASSERT_EQUAL(input_next(in, &a), 0);
  input_free(in);
}

/* A FIFO in a directory is reported, not opened for reading (which would
 * wait for a writer); the next file is read. */
static void test_fifo_in_directory_is_skipped(void) {
  char pipes[128];
  snprintf(pipes, sizeof pipes, "%s/pipes", root);
  char *args[] = {pipes};
  Input *in = input_new(args, 1, INPUT_TEXT, 1u << 20);
  Article a;
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(a.name, "pipes/a.txt"));
  CU_ASSERT_STRING_EQUAL(a.problem, "not a regular file (a FIFO): skipped");
  CU_ASSERT(!a.too_large);
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_STRING_EQUAL(a.record.text, "B.");
  article_release(&a);
  CU_ASSERT_EQUAL(input_next(in, &a), 0);
  input_free(in);
}

/* A FIFO named is read as a stream; a read that waits on it (no writer
 * here) ends when the stop descriptor is readable, and so does the input. */
static void test_stop_ends_a_waiting_read(void) {
  char pipe_path[128];
  snprintf(pipe_path, sizeof pipe_path, "%s/pipes/a.txt", root);
  char *args[] = {pipe_path, pipe_path};
  int stop[2];
  CU_ASSERT_EQUAL_FATAL(pipe(stop), 0);
  CU_ASSERT_EQUAL_FATAL(write(stop[1], "", 1), 1);
  for (int format = INPUT_TEXT; format <= INPUT_JSONL; format++) {
    Input *in = input_new(args, 2, (InputFormat)format, 1u << 20);
    input_stop_on(in, stop[0]);
    Article a;
    CU_ASSERT_EQUAL(input_next(in, &a), 0);
    CU_ASSERT_EQUAL(input_next(in, &a), 0);
    input_free(in);
  }
  close(stop[0]);
  close(stop[1]);
}

/* ---- repair ----------------------------------------------------------------- */

/* repair_text on len bytes of text gives want, having found invalid bytes
 * and nul NUL bytes. */
static void check_repair(const char *text, size_t len, const char *want,
                         size_t invalid, size_t nul) {
  Repair r;
  CU_ASSERT_EQUAL_FATAL(repair_text(text, len, &r), 0);
  CU_ASSERT(!r.not_text);
  CU_ASSERT_EQUAL(r.invalid, invalid);
  CU_ASSERT_EQUAL(r.nul, nul);
  CU_ASSERT_EQUAL(r.len, strlen(want));
  CU_ASSERT(r.len == strlen(want) && memcmp(r.text, want, r.len) == 0);
  CU_ASSERT((r.fixed != NULL) == (invalid + nul > 0));
  free(r.fixed);
}

static void test_repair(void) {
  check_repair("caf\xc3\xa9", 5, "caf\xc3\xa9", 0, 0);
  check_repair("caf\xe9 au lait", 12, "caf\xef\xbf\xbd au lait", 1, 0);
  check_repair("a\0b", 3, "a\xef\xbf\xbd" "b", 0, 1);
  /* a cut-off character is one replacement a byte; an overlong '/' too */
  check_repair("x\xe2\x82", 3, "x\xef\xbf\xbd\xef\xbf\xbd", 2, 0);
  check_repair("\xc0\xaf.", 3, "\xef\xbf\xbd\xef\xbf\xbd.", 2, 0);
  Repair r;
  CU_ASSERT_EQUAL(repair_text("ok \xff\xfe here", 10, &r), 0);
  CU_ASSERT_EQUAL(r.first_invalid, 3);
  free(r.fixed);
  /* binary: 32 bad bytes in 64 */
  char junk[64];
  for (size_t i = 0; i < sizeof junk; i++)
    junk[i] = i % 2 ? 'a' : (char)0xFF;
  CU_ASSERT_EQUAL(repair_text(junk, sizeof junk, &r), 0);
  CU_ASSERT(r.not_text);
  CU_ASSERT_PTR_NULL(r.fixed);
}

static void test_json_lines(void) {
  char lines[128];
  snprintf(lines, sizeof lines, "%s/lines", root);
  char *args[] = {lines};
  Input *in = input_new(args, 1, INPUT_JSONL, 1u << 20);
  Article a;
  /* one.jsonl only (skip.txt is no .jsonl); blank lines are no records */
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(a.name, "lines/one.jsonl"));
  CU_ASSERT_EQUAL(a.line, 1);
  CU_ASSERT_STRING_EQUAL(a.record.text, "First.");
  CU_ASSERT_STRING_EQUAL(a.record.id, "x");
  CU_ASSERT_EQUAL(a.bytes, strlen("{\"id\": \"x\", \"text\": \"First.\"}\n"));
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_EQUAL(a.line, 4);
  CU_ASSERT_PTR_NOT_NULL(strstr(a.problem, "invalid JSON at column 3"));
  CU_ASSERT_PTR_NULL(a.record.text);
  article_release(&a);
  CU_ASSERT_EQUAL_FATAL(input_next(in, &a), 1);
  CU_ASSERT_EQUAL(a.line, 5); /* the last line has no newline */
  CU_ASSERT_STRING_EQUAL(a.record.text, "Third.");
  CU_ASSERT_STRING_EQUAL(a.record.date, "2020-08-26");
  article_release(&a);
  CU_ASSERT_EQUAL(input_next(in, &a), 0);
  input_free(in);
}

int main(void) {
  static const KgTest pipeline[] = {
      {"done() sees every job in order", test_pipeline_keeps_order},
      {"a stop refuses jobs and hands back the rest", test_pipeline_stops},
      {"no workers or no window is refused", test_pipeline_refuses_nonsense},
  };
  static const KgTest files[] = {
      {"directories are walked in byte order", test_walk_order},
      {"arguments come as they are", test_walk_arguments},
      {"a directory that gives no file is said", test_walk_empty_directory},
      {"plain-text articles", test_text_articles},
      {"an unreadable file is an article with a problem",
       test_unreadable_is_an_article},
      {"an article over the size limit is reported, not read",
       test_too_large_is_an_article},
      {"JSON Lines articles", test_json_lines},
      {"a JSON line over the size limit is read past, not kept",
       test_long_line_is_read_past},
      {"a FIFO in a directory is reported, not read",
       test_fifo_in_directory_is_skipped},
      {"a stop ends a read that waits for input",
       test_stop_ends_a_waiting_read},
  };
  static const KgTest records[] = {
      {"fields of a record", test_record_fields},
      {"bad records say why", test_bad_records},
      {"a bad date or URL is dropped, the article kept",
       test_bad_fields_dropped},
      {"bad bytes replaced, binary data told apart", test_repair},
  };
  static const KgSuite suites[] = {
      {"pipeline", NULL, NULL, KG_TESTS(pipeline)},
      {"files", make_tree, remove_tree, KG_TESTS(files)},
      {"records", NULL, NULL, KG_TESTS(records)},
  };
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
