/* threads.c - the one thread-count policy; see threads.h. */
#include "threads.h"

#include "err.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int jobs_set; /* 0 = not set: environment or cores */

void threads_set(int n)
{
    atomic_store(&jobs_set, n < 1 ? 0 : n > THREADS_MAX ? THREADS_MAX : n);
}

/* The value of text as a thread count, or -1 (no error set). */
static int parse_count(const char *text)
{
    if (!text || !*text)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < 1 || v > THREADS_MAX)
        return -1;
    return (int)v;
}

int threads_parse(const char *text, const char *what)
{
    int n = parse_count(text);
    if (n < 0)
        err_set(ERR_USAGE, NULL, 0, NULL,
                "%s must be a whole number of threads from 1 to %d, not "
                "\"%s\"", what, THREADS_MAX, text ? text : "");
    return n;
}

int threads_count(void)
{
    int n = atomic_load(&jobs_set);
    if (n > 0)
        return n;
    n = parse_count(getenv("DNAWIJK_JOBS"));
    if (n > 0)
        return n;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus < 1 ? 1 : cpus > THREADS_MAX ? THREADS_MAX : (int)cpus;
}

typedef struct {
    void *(*fn)(void *);
    char *jobs;
    size_t job_size;
    int n_jobs;
    atomic_int next;
} runner;

/* Thread body: runs jobs from the shared counter until none are left. */
static void *run_jobs(void *arg)
{
    runner *r = arg;
    for (;;) {
        int k = atomic_fetch_add(&r->next, 1);
        if (k >= r->n_jobs)
            return NULL;
        r->fn(r->jobs + (size_t)k * r->job_size);
    }
}

void threads_run(void *(*fn)(void *), void *jobs, size_t job_size,
                 int n_jobs, int max_threads)
{
    runner r = {fn, jobs, job_size, n_jobs, 0};
    int t = max_threads < n_jobs ? max_threads : n_jobs;
    if (t > THREADS_MAX)
        t = THREADS_MAX;
    pthread_t tid[THREADS_MAX];
    int started = 0;
    for (int k = 1; k < t; k++) {
        if (pthread_create(&tid[started], NULL, run_jobs, &r) != 0)
            break; /* fewer threads: the others take its jobs */
        started++;
    }
    run_jobs(&r);
    for (int k = 0; k < started; k++)
        pthread_join(tid[k], NULL);
}
