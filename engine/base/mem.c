/* mem.c - counted allocation with fault injection; see mem.h. */
#include "mem.h"

#include "err.h"

#include <execinfo.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static atomic_long n_allocs, n_writes;
static atomic_long fail_alloc_at, fail_write_at; /* 0: no fault armed */
static pthread_once_t env_once = PTHREAD_ONCE_INIT;

/* Prints the counts at exit (DNAWIJK_FAULT_REPORT=1) for the fault test. */
static void report(void)
{
    fprintf(stderr, "dnawijk-fault: allocs=%ld writes=%ld\n",
            atomic_load(&n_allocs), atomic_load(&n_writes));
}

/* Under an address-space limit (ulimit -v), keeps glibc to one malloc
 * arena: every thread's own arena reserves 64 MB of address space, which
 * made the demo fail below 600 MB (with one arena it runs in 400 MB) and
 * left less room for the libraries that do not survive a failed
 * allocation (fontconfig in Pango's threads). Costs some contention
 * between threads, only when a limit is set. */
static void limit_arenas(void)
{
#ifdef __GLIBC__
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        mallopt(M_ARENA_MAX, 1);
#endif
}

/* Reads DNAWIJK_FAULT_ALLOC / _WRITE / _REPORT once (and sets the arena
 * policy above, at the first allocation). */
static void read_env(void)
{
    limit_arenas();
    const char *a = getenv("DNAWIJK_FAULT_ALLOC");
    const char *w = getenv("DNAWIJK_FAULT_WRITE");
    const char *r = getenv("DNAWIJK_FAULT_REPORT");
    if (a && *a)
        atomic_store(&fail_alloc_at, strtol(a, NULL, 10));
    if (w && *w)
        atomic_store(&fail_write_at, strtol(w, NULL, 10));
    if (r && *r == '1')
        atexit(report);
}

/* With DNAWIJK_FAULT_TRACE=1, prints where an injected fault hit, to find
 * the caller that handled it badly. */
static void trace_fault(const char *what)
{
    const char *t = getenv("DNAWIJK_FAULT_TRACE");
    if (!t || *t != '1')
        return;
    void *frames[32];
    int n = backtrace(frames, 32);
    fprintf(stderr, "dnawijk-fault: injected %s failure at:\n", what);
    backtrace_symbols_fd(frames, n, 2);
}

/* Counts one event on counter n; 1 when it is the one armed in fail_at
 * (an injected fault of kind what). */
static int fault_due(atomic_long *n, atomic_long *fail_at, const char *what)
{
    pthread_once(&env_once, read_env);
    long k = atomic_fetch_add(n, 1) + 1;
    long at = atomic_load(fail_at);
    if (at > 0 && k == at) {
        trace_fault(what);
        return 1;
    }
    return 0;
}

/* Counts one allocation; 1 when it is the one that must fail. */
static int alloc_fails(void)
{
    return fault_due(&n_allocs, &fail_alloc_at, "allocation");
}

void *mem_alloc(size_t n)
{
    return alloc_fails() ? NULL : malloc(n);
}

void *mem_calloc(size_t count, size_t size)
{
    return alloc_fails() ? NULL : calloc(count, size);
}

void *mem_realloc(void *p, size_t n)
{
    return alloc_fails() ? NULL : realloc(p, n);
}

char *mem_strdup(const char *s)
{
    return alloc_fails() ? NULL : strdup(s);
}

char *mem_strndup(const char *s, size_t n)
{
    return alloc_fails() ? NULL : strndup(s, n);
}

void *mem_new(size_t size, const char *what)
{
    void *p = mem_calloc(1, size);
    if (!p)
        err_oom(what);
    return p;
}

int mem_grow(void *items, size_t *cap, size_t need, size_t elem_size,
             const char *what)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return err_oom(what);
        nc *= 2;
    }
    if (elem_size && nc > SIZE_MAX / elem_size)
        return err_oom(what);
    void *p;
    memcpy(&p, items, sizeof p);
    void *np = mem_realloc(p, nc * elem_size);
    if (!np)
        return err_oom(what);
    memcpy(items, &np, sizeof np);
    *cap = nc;
    return 0;
}

void mem_free(void *p)
{
    free(p);
}

/* Frees each of ptrs[0..n) with mem_free; owns nothing after. */
void mem_free_n(void *const *ptrs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mem_free(ptrs[i]);
}

void mem_fault_alloc(long n)
{
    pthread_once(&env_once, read_env);
    atomic_store(&fail_alloc_at, n > 0 ? atomic_load(&n_allocs) + n : 0);
}

void mem_fault_write(long n)
{
    pthread_once(&env_once, read_env);
    atomic_store(&fail_write_at, n > 0 ? atomic_load(&n_writes) + n : 0);
}

int mem_fault_alloc_due(void)
{
    return alloc_fails();
}

int mem_fault_write_due(void)
{
    return fault_due(&n_writes, &fail_write_at, "write");
}

long mem_count_allocs(void) { return atomic_load(&n_allocs); }
long mem_count_writes(void) { return atomic_load(&n_writes); }
