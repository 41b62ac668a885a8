/* rcp_arena.h - a bump allocator for one recipe (private to the rcp module).
 *
 * Everything a loaded recipe holds (the YAML node tree, strings, arrays of
 * the public structs) lives in arenas, so every error path frees with one
 * call and nothing can leak. Allocations are zeroed and 16-byte aligned.
 */
#ifndef DNW_RCP_ARENA_H
#define DNW_RCP_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct rcp_arena rcp_arena;

/* A new empty arena, or NULL with an out-of-memory error set. Free it with
 * rcp_arena_free. */
rcp_arena *rcp_arena_new(void);

/* Frees the arena and everything allocated from it. NULL is fine. */
void rcp_arena_free(rcp_arena *a);

/* size zeroed bytes owned by the arena, or NULL with an out-of-memory error
 * set (also for size 0, which returns a valid 1-byte block instead). */
void *rcp_arena_alloc(rcp_arena *a, size_t size);

/* Copy of the first n bytes of s plus a NUL, owned by the arena; NULL with
 * an out-of-memory error set. */
char *rcp_arena_strndup(rcp_arena *a, const char *s, size_t n);

/* Copy of s (NULL gives NULL without error), owned by the arena; NULL with
 * an out-of-memory error set when s is not NULL. */
char *rcp_arena_strdup(rcp_arena *a, const char *s);

/* printf into a new arena string; NULL with an out-of-memory error set. */
char *rcp_arena_printf(rcp_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Grows an array of elem-sized items from *cap to at least need items
 * (doubling), copying the old items; the old block stays in the arena.
 * Returns 0, or -1 with an out-of-memory error set (array unchanged). */
int rcp_arena_grow(rcp_arena *a, void **array, size_t *cap, size_t need,
                   size_t elem);

#endif
