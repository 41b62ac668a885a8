/* threads.h - the one thread-count policy of dnawijk, and the one way to run
 * work on several threads.
 *
 * How many threads a parallel stage may use is decided here and nowhere
 * else: the number given with `--jobs N` on the command line (threads_set),
 * else the environment variable DNAWIJK_JOBS, else the number of online
 * CPU cores. Every stage that starts threads (expression evaluation,
 * reprojection, the OGR reader's PROJ prefetch, map bands, PNG rows, fact
 * sheets) asks threads_count() and starts no more than that (a stage may use
 * fewer: its own upper bound, or too little work to share). Every stage splits
 * its work so that the result does not depend on the thread count: outputs
 * are byte-identical with --jobs 1 and --jobs 8.
 */
#ifndef DNW_THREADS_H
#define DNW_THREADS_H

#include <stddef.h>

/* Most threads any stage is allowed (larger requests are capped). */
#define THREADS_MAX 64

/* Sets the thread count for the whole process (the --jobs option);
 * n < 1 goes back to the default (DNAWIJK_JOBS or the core count). Values
 * above THREADS_MAX are capped. Thread-safe. Never fails. */
void threads_set(int n);

/* Parses a --jobs or DNAWIJK_JOBS value: a whole number from 1 to
 * THREADS_MAX. Returns it, or -1 with ERR_USAGE set naming `what` (e.g.
 * "--jobs") when the text is something else. */
int threads_parse(const char *text, const char *what);

/* The thread count a parallel stage may use (>= 1): the set value, else a
 * valid DNAWIJK_JOBS (an invalid one is ignored here; the command reports
 * it through threads_parse), else the online cores. Thread-safe. */
int threads_count(void);

/* Runs fn on n_jobs jobs using up to max_threads threads, the calling thread
 * included, and returns when all are done. Job k gets the pointer
 * (char *)jobs + k * job_size; with job_size 0 every job gets jobs itself
 * (for workers that take their own work from a shared queue). Jobs are
 * handed out in order from a shared counter; when a thread cannot be
 * started, the others (at least the caller) run its jobs, so all n_jobs
 * always run. fn reports failure through its job (the error context is
 * per thread). Never fails. */
void threads_run(void *(*fn)(void *), void *jobs, size_t job_size,
                 int n_jobs, int max_threads);

#endif
