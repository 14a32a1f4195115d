/* pipeline.c - an ordered parallel map; see pipeline.h.
 *
 * Jobs are numbered in submission order and sit in a ring of `window`
 * slots, job n in slot n % window.  Three counters, under `lock`, say where
 * each job is:
 *
 *     emitted <= started <= submitted <= emitted + window
 *
 * jobs [emitted, started) are being worked or wait for done(), [started,
 * submitted) wait for a worker.  A worker takes job `started`, works it
 * without the lock and marks its slot finished; the emitter waits for the
 * slot of job `emitted` to be finished, calls done() without the lock and
 * frees the slot, which lets one more job in.
 *
 * Threads wake each other only when it matters: a worker wakes the emitter
 * for the job the emitter waits for, not for every job, and the emitter
 * wakes the submitter once half the window is free, which then fills it
 * again in one go; a wake-up a job cost a tenth of the CPU at -j2.
 *
 * With one worker, threads would only hand each job from thread to thread
 * (two waits and wake-ups a job, some tenth of the time on short news
 * articles): the submitting thread works and emits each job itself, in
 * the same order, with the same calls.
 */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>

struct PipelineImpl;

/* What a worker thread is started with. */
typedef struct {
  struct PipelineImpl *p; ///< its pipeline
  size_t index;           ///< 0 to workers - 1
} Worker;

struct PipelineImpl {
  PipelineWork work;        ///< run by the workers
  PipelineDone done;        ///< run by the emitter, in order
  void *ctx;                ///< passed to both
  pthread_mutex_t lock;     ///< guards everything below
  pthread_cond_t room;      ///< a slot was freed (submit waits)
  pthread_cond_t queued;    ///< a job came, or the end (workers wait)
  pthread_cond_t finished;  ///< a job was worked, or the end (emitter waits)
  void **jobs;              ///< owned ring of window slots
  unsigned char *worked;    ///< owned: slot i's job has been worked
  size_t window;            ///< slots
  size_t submitted;         ///< jobs submitted so far
  size_t started;           ///< jobs taken by workers so far
  size_t emitted;           ///< jobs done() was called on so far
  int closing;              ///< no job will be submitted any more
  int stopped;              ///< done() asked to stop
  int in_caller;            ///< one worker: jobs run in pipeline_submit
  Worker *workers;          ///< owned, one per worker thread
  pthread_t *threads;       ///< owned, one per worker thread
  size_t worker_count;      ///< threads started
  pthread_t emitter;        ///< the thread calling done()
  int emitter_started;      ///< whether it was
};

static void *work_loop(void *arg) {
  Worker *self = arg;
  struct PipelineImpl *p = self->p;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    while (p->started == p->submitted && !p->closing)
      pthread_cond_wait(&p->queued, &p->lock);
    if (p->started == p->submitted)
      break;
    size_t slot = p->started++ % p->window;
    void *job = p->jobs[slot];
    pthread_mutex_unlock(&p->lock);
    p->work(job, self->index, p->ctx);
    pthread_mutex_lock(&p->lock);
    p->worked[slot] = 1;
    if (slot == p->emitted % p->window) /* the one the emitter waits for */
      pthread_cond_signal(&p->finished);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static void *emit_loop(void *arg) {
  struct PipelineImpl *p = arg;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    size_t slot = p->emitted % p->window;
    while (p->emitted == p->submitted ? !p->closing : !p->worked[slot])
      pthread_cond_wait(&p->finished, &p->lock);
    if (p->emitted == p->submitted)
      break;
    void *job = p->jobs[slot];
    pthread_mutex_unlock(&p->lock);
    int stop = p->done(job, p->ctx);
    pthread_mutex_lock(&p->lock);
    p->jobs[slot] = NULL;
    p->worked[slot] = 0;
    p->emitted++;
    if (stop)
      p->stopped = 1;
    if (stop || p->submitted - p->emitted <= p->window / 2)
      pthread_cond_signal(&p->room);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

/* Ends the threads started so far, after the jobs submitted, and frees p.
 * Returns whether done() asked to stop. */
static int stop_and_free(struct PipelineImpl *p) {
  pthread_mutex_lock(&p->lock);
  p->closing = 1;
  pthread_cond_broadcast(&p->queued);
  pthread_cond_broadcast(&p->finished);
  pthread_mutex_unlock(&p->lock);
  for (size_t i = 0; i < p->worker_count; i++)
    pthread_join(p->threads[i], NULL);
  if (p->emitter_started)
    pthread_join(p->emitter, NULL);
  int stopped = p->stopped;
  pthread_cond_destroy(&p->room);
  pthread_cond_destroy(&p->queued);
  pthread_cond_destroy(&p->finished);
  pthread_mutex_destroy(&p->lock);
  free(p->jobs);
  free(p->worked);
  free(p->workers);
  free(p->threads);
  free(p);
  return stopped;
}

Pipeline *pipeline_start(size_t workers, size_t window, PipelineWork work,
                         PipelineDone done, void *ctx) {
  if (workers == 0 || window == 0)
    return NULL;
  struct PipelineImpl *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->work = work;
  p->done = done;
  p->ctx = ctx;
  p->window = window;
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->room, NULL);
  pthread_cond_init(&p->queued, NULL);
  pthread_cond_init(&p->finished, NULL);
  if (workers == 1) {
    p->in_caller = 1;
    return p;
  }
  p->jobs = calloc(window, sizeof *p->jobs);
  p->worked = calloc(window, 1);
  p->workers = calloc(workers, sizeof *p->workers);
  p->threads = calloc(workers, sizeof *p->threads);
  int failed = !p->jobs || !p->worked || !p->workers || !p->threads;
  for (size_t i = 0; !failed && i < workers; i++) {
    p->workers[i] = (Worker){p, i};
    failed = pthread_create(&p->threads[i], NULL, work_loop, &p->workers[i]);
    if (!failed)
      p->worker_count++;
  }
  if (!failed)
    failed = pthread_create(&p->emitter, NULL, emit_loop, p);
  p->emitter_started = !failed;
  if (failed) {
    stop_and_free(p);
    return NULL;
  }
  return p;
}

int pipeline_submit(Pipeline *p, void *job) {
  if (p->in_caller) {
    if (p->stopped)
      return -1;
    p->work(job, 0, p->ctx);
    p->stopped = p->done(job, p->ctx) != 0;
    return 0;
  }
  pthread_mutex_lock(&p->lock);
  while (p->submitted - p->emitted == p->window && !p->stopped)
    pthread_cond_wait(&p->room, &p->lock);
  int refused = p->stopped;
  if (!refused) {
    p->jobs[p->submitted++ % p->window] = job;
    pthread_cond_signal(&p->queued);
  }
  pthread_mutex_unlock(&p->lock);
  return refused ? -1 : 0;
}

int pipeline_finish(Pipeline *p) { return stop_and_free(p) ? -1 : 0; }
