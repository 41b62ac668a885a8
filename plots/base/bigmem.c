/* bigmem.c - huge-page backed buffers; see bigmem.h. */
#include "bigmem.h"

#include <stdint.h>
#include <sys/mman.h>

#include "err.h"

#define HUGE_SZ ((size_t)2 << 20)

void *bigmem_alloc(bigmem *m, size_t n, const char *what)
{
    m->map = NULL;
    m->map_len = 0;
    size_t len = n + HUGE_SZ;
    if (n == 0 || len < n) {
        err_oom(what);
        return NULL;
    }
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        err_oom(what);
        return NULL;
    }
    m->map = p;
    m->map_len = len;
    uintptr_t a = ((uintptr_t)p + HUGE_SZ - 1) & ~(uintptr_t)(HUGE_SZ - 1);
#ifdef MADV_HUGEPAGE
    madvise((void *)a, n, MADV_HUGEPAGE); /* a hint: failure is harmless */
#endif
    return (void *)a;
}

void bigmem_free(bigmem *m)
{
    if (m->map)
        munmap(m->map, m->map_len);
    m->map = NULL;
    m->map_len = 0;
}
