/* mem.h - the one allocation function pair of dnawijk, with fault injection.
 *
 * Every allocation in libdnawijk and the command goes through mem_alloc,
 * mem_calloc, mem_realloc, mem_strdup or mem_strndup, and is released with
 * mem_free (SQLite's sqlite3_malloc/sqlite3_free idea). They behave exactly
 * like the C library functions they stand for; allocations made by GDAL,
 * PROJ, Cairo, Pango, libyaml and libcsv are theirs and not counted.
 *
 * Fault injection (SQLite's faultsimMalloc): with DNAWIJK_FAULT_ALLOC=N in
 * the environment (read once, at the first allocation) or after
 * mem_fault_alloc(N), the Nth counted allocation from then on fails (returns
 * NULL) once, as a real out-of-memory would; every caller must then fail
 * cleanly. DNAWIJK_FAULT_WRITE=N does the same for the Nth output write
 * through mem_fault_write_due() (see fs_write in fsutil.h). At exit the
 * command can report how many allocations and writes were counted
 * (DNAWIJK_FAULT_REPORT=1), so a test knows how far to step N.
 */
#ifndef DNW_MEM_H
#define DNW_MEM_H

#include <stddef.h>

/* malloc(n). NULL on failure (or an injected fault); sets no error. */
void *mem_alloc(size_t n);

/* calloc(count, size). NULL on failure or overflow; sets no error. */
void *mem_calloc(size_t count, size_t size);

/* realloc(p, n). NULL on failure with p left valid; sets no error. */
void *mem_realloc(void *p, size_t n);

/* strdup(s). NULL on failure; sets no error. */
char *mem_strdup(const char *s);

/* strndup(s, n). NULL on failure; sets no error. */
char *mem_strndup(const char *s, size_t n);

/* One zeroed object of size bytes (mem_calloc(1, size)), freed with
 * mem_free by its owner. NULL with an out-of-memory error naming what set
 * (err_oom) on failure. */
void *mem_new(size_t size, const char *what);

/* Makes the array whose pointer is at items (a pointer to the array
 * pointer, of any element type) hold at least need elements of elem_size
 * bytes; *cap is its capacity in elements. When need > *cap the capacity
 * doubles (from 16) until need fits and the array is reallocated with
 * mem_realloc (new elements are not initialised). Returns 0, or -1 with an
 * out-of-memory error naming what set (err_oom), the array and *cap then
 * left as they were. */
int mem_grow(void *items, size_t *cap, size_t need, size_t elem_size,
             const char *what);

/* free(p); NULL is fine. */
void mem_free(void *p);

/* Frees each of the n pointers in ptrs with mem_free (NULLs are fine), in
 * order; for destructors that release many owned buffers at once. Use it
 * through MEM_FREE_ALL, which counts the pointers. */
void mem_free_n(void *const *ptrs, size_t n);

/* MEM_FREE_ALL(a, b, c, ...) frees every pointer named, in order, so a
 * destructor states what it owns in one statement: the owner itself may be
 * the last one named (its fields are read before anything is freed). */
#define MEM_FREE_ALL(...)                                                 \
    mem_free_n((void *const[]){__VA_ARGS__},                              \
               sizeof((void *const[]){__VA_ARGS__}) / sizeof(void *))

/* Arms the allocation fault: the nth counted allocation from now fails
 * (n >= 1), or none (n = 0). Thread-safe. */
void mem_fault_alloc(long n);

/* Arms the write fault likewise (see mem_fault_write_due). */
void mem_fault_write(long n);

/* Counts one output write and returns 1 when this one must fail (an
 * injected "No space left on device"), else 0. */
int mem_fault_write_due(void);

/* Counts one allocation made without the functions above (a bump in the
 * recipe arena's block) and returns 1 when it must fail as an injected
 * fault, else 0: one count for every allocation of the program. */
int mem_fault_alloc_due(void);

/* Allocations and writes counted so far. */
long mem_count_allocs(void);
long mem_count_writes(void);

#endif
