/* pipeline.h - an ordered parallel map over a stream of jobs (the
 * program's).
 *
 * The caller submits jobs one at a time.  `workers` threads run work() on
 * them, several at once and in any order; one more thread runs done() on
 * each worked job strictly in the order of submission.  So work() may take
 * as long as it likes and done() still sees job 1, 2, 3...: what done()
 * writes is the same whatever the number of workers.  At most `window` jobs
 * are in the pipeline at once (submitted, not yet done): pipeline_submit
 * waits for room, so memory stays bounded however many jobs come.
 *
 *     Pipeline *p = pipeline_start(4, 16, extract, write_out, &ctx);
 *     while ((job = read_next()) && pipeline_submit(p, job) == 0)
 *       ;
 *     int stopped = pipeline_finish(p);
 *
 * work() gets the index (0 to workers - 1) of the thread running it, so
 * that each thread can keep its own state.  done() returns non-zero to stop
 * the run (a fatal error): pipeline_submit then refuses further jobs, and
 * done() is still called, in order, on every job already submitted, so
 * that it can free them.
 */
#ifndef NEWSKG_PIPELINE_H
#define NEWSKG_PIPELINE_H

#include <stddef.h>

typedef void (*PipelineWork)(void *job, size_t worker, void *ctx);
typedef int (*PipelineDone)(void *job, void *ctx);

typedef struct PipelineImpl Pipeline;

/** Starts workers (at least 1) threads and the one that calls done(), with
 *  room for window (at least 1) jobs.  Returns NULL when out of memory or
 *  when threads cannot be started. */
Pipeline *pipeline_start(size_t workers, size_t window, PipelineWork work,
                         PipelineDone done, void *ctx);

/** Hands job to the pipeline, waiting while it is full.  Returns 0, or -1
 *  when done() has asked to stop: the job is then not taken. */
int pipeline_submit(Pipeline *p, void *job);

/** Waits until done() has been called on every job submitted, stops the
 *  threads and frees p.  Returns 0, or -1 when done() asked to stop. */
int pipeline_finish(Pipeline *p);

#endif /* NEWSKG_PIPELINE_H */
