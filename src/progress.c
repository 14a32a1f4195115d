/* progress.c - a run's counts, progress line and summary; see progress.h.
 *
 * `lock` guards the counts and standard error.  The line's thread wakes
 * every TICK_MS (or when told to stop), and redraws the line: a carriage
 * return, the text, and "erase to the end of the line" (ESC [ K), so that a
 * shorter line leaves nothing of a longer one.  `drawn` says whether the
 * line is on the screen, for progress_write to clear it first.
 */
#include "progress.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"

#define PROGRAM "newskg"
#define TICK_MS 250

struct ProgressImpl {
  pthread_mutex_t lock;     ///< guards the fields below and stderr
  pthread_cond_t wake;      ///< signalled to stop the line's thread
  Tally total;              ///< the counts so far
  struct timespec start;    ///< when the run began (CLOCK_MONOTONIC)
  long long total_bytes;    ///< the input's size, or -1
  int drawn;                ///< the line is on the screen
  int stopping;             ///< the line's thread must end
  pthread_t ticker;         ///< the line's thread
  int ticking;              ///< whether it was started
};

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) +
         (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Writes a size in bytes, "512 B", "3.4 kB", "12.3 MB" or "1.25 GB", to
 * buf (decimal units, as disks and rates are counted). */
static void format_size(double bytes, char *buf, size_t size) {
  if (bytes < 1e3)
    snprintf(buf, size, "%.0f B", bytes);
  else if (bytes < 1e6)
    snprintf(buf, size, "%.1f kB", bytes / 1e3);
  else if (bytes < 1e9)
    snprintf(buf, size, "%.1f MB", bytes / 1e6);
  else
    snprintf(buf, size, "%.2f GB", bytes / 1e9);
}

/* Writes the estimated time left, " ETA H:MM:SS" or " ETA M:SS", to buf,
 * or "" when the total is unknown or nothing is known yet. */
static void format_eta(const struct ProgressImpl *p, double rate, char *buf,
                       size_t size) {
  buf[0] = '\0';
  if (p->total_bytes < 0 || rate <= 0.0)
    return;
  double left = (double)p->total_bytes - (double)p->total.bytes;
  long s = left > 0 ? (long)(left / rate + 0.5) : 0;
  if (s >= 3600)
    snprintf(buf, size, ", ETA %ld:%02ld:%02ld", s / 3600, s / 60 % 60,
             s % 60);
  else
    snprintf(buf, size, ", ETA %ld:%02ld", s / 60, s % 60);
}

/* Redraws the line; the caller holds the lock. */
static void draw(struct ProgressImpl *p) {
  double elapsed = seconds_since(&p->start);
  double rate = elapsed > 0 ? (double)p->total.bytes / elapsed : 0.0;
  char eta[48], done[32];
  format_eta(p, rate, eta, sizeof eta);
  format_size((double)p->total.bytes, done, sizeof done);
  fprintf(stderr,
          "\r%s: %zu %s, %s, %.0f articles/s, %.2f MB/s%s\033[K",
          PROGRAM, p->total.articles,
          cli_plural(p->total.articles, "article", "articles"), done,
          elapsed > 0 ? (double)p->total.articles / elapsed : 0.0,
          rate / 1e6, eta);
  fflush(stderr);
  p->drawn = 1;
}

static void clear_line(struct ProgressImpl *p) {
  if (p->drawn)
    fputs("\r\033[K", stderr);
  p->drawn = 0;
}

static void *tick(void *arg) {
  struct ProgressImpl *p = arg;
  pthread_mutex_lock(&p->lock);
  draw(p); /* at once: a run shorter than a tick shows it too */
  while (!p->stopping) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += TICK_MS * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
      until.tv_sec++;
      until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&p->wake, &p->lock, &until);
    if (!p->stopping)
      draw(p);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

Progress *progress_start(int show, long long total_bytes) {
  struct ProgressImpl *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->wake, NULL);
  clock_gettime(CLOCK_MONOTONIC, &p->start);
  p->total_bytes = total_bytes;
  if (show) {
    if (pthread_create(&p->ticker, NULL, tick, p) != 0) {
      progress_finish(p, 0);
      return NULL;
    }
    p->ticking = 1;
  }
  return p;
}

void progress_add(Progress *p, const Tally *t) {
  pthread_mutex_lock(&p->lock);
  p->total.articles += t->articles;
  p->total.bytes += t->bytes;
  p->total.sentences += t->sentences;
  p->total.entities += t->entities;
  p->total.relations += t->relations;
  p->total.triples += t->triples;
  p->total.errors += t->errors;
  p->total.not_text += t->not_text;
  p->total.too_large += t->too_large;
  p->total.repaired += t->repaired;
  p->total.capped += t->capped;
  pthread_mutex_unlock(&p->lock);
}

void progress_write(Progress *p, const char *text, size_t len) {
  pthread_mutex_lock(&p->lock);
  clear_line(p);
  fwrite(text, 1, len, stderr); /* stderr's own failure goes unreported */
  pthread_mutex_unlock(&p->lock);
}

static void print_summary(const struct ProgressImpl *p) {
  const Tally *t = &p->total;
  char read[32];
  format_size((double)t->bytes, read, sizeof read);
  fprintf(stderr,
          "%s: %zu %s, %s, %zu %s, %zu %s, %zu %s, %zu %s, %zu %s, "
          "%.2f s\n",
          PROGRAM, t->articles, cli_plural(t->articles, "article", "articles"),
          read, t->sentences,
          cli_plural(t->sentences, "sentence", "sentences"), t->entities,
          cli_plural(t->entities, "entity", "entities"), t->relations,
          cli_plural(t->relations, "relation", "relations"), t->triples,
          cli_plural(t->triples, "triple", "triples"), t->errors,
          cli_plural(t->errors, "error", "errors"), seconds_since(&p->start));
}

/* The count of each kind of trouble, when there was any. */
static void print_troubles(const Tally *t) {
  if (t->errors) {
    size_t other = t->errors - t->not_text - t->too_large;
    fprintf(stderr,
            "%s: skipped: %zu not text, %zu over --max-article-bytes, %zu "
            "other%s",
            PROGRAM, t->not_text, t->too_large, other,
            t->repaired || t->capped ? "; " : "\n");
  }
  if (t->repaired || t->capped)
    fprintf(stderr,
            "%s%zu repaired (bytes replaced with U+FFFD), %zu capped (over "
            "--max-sentence-mentions or --max-article-mentions)\n",
            t->errors ? "" : PROGRAM ": ", t->repaired, t->capped);
}

void progress_finish(Progress *p, int summary) {
  if (!p)
    return;
  pthread_mutex_lock(&p->lock);
  p->stopping = 1;
  pthread_cond_signal(&p->wake);
  pthread_mutex_unlock(&p->lock);
  if (p->ticking)
    pthread_join(p->ticker, NULL);
  clear_line(p);
  if (summary) {
    print_summary(p);
    print_troubles(&p->total);
  }
  pthread_cond_destroy(&p->wake);
  pthread_mutex_destroy(&p->lock);
  free(p);
}
