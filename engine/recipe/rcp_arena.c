/* rcp_arena.c - bump allocator in linked blocks; see rcp_arena.h. */
#include "rcp_arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"

#define ARENA_BLOCK 16384
#define ARENA_ALIGN 16

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} block;

struct rcp_arena {
    block *head;
};

rcp_arena *rcp_arena_new(void)
{
    rcp_arena *a = mem_calloc(1, sizeof *a);
    if (!a)
        err_oom("recipe memory");
    return a;
}

void rcp_arena_free(rcp_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        mem_free(b);
        b = next;
    }
    mem_free(a);
}

void *rcp_arena_alloc(rcp_arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    /* every arena allocation counts for mem.h's fault injection */
    if (size > SIZE_MAX / 2 || mem_fault_alloc_due()) {
        err_oom("recipe memory");
        return NULL;
    }
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
        block *nb = mem_alloc(sizeof *nb + cap);
        if (!nb) {
            err_oom("recipe memory");
            return NULL;
        }
        nb->size = cap;
        nb->used = 0;
        if (b && size > ARENA_BLOCK / 4) {
            /* a big block goes behind the head so the head keeps its room */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *rcp_arena_strndup(rcp_arena *a, const char *s, size_t n)
{
    char *d = rcp_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *rcp_arena_strdup(rcp_arena *a, const char *s)
{
    if (!s)
        return NULL;
    return rcp_arena_strndup(a, s, strlen(s));
}

char *rcp_arena_printf(rcp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        err_oom("recipe text");
        return NULL;
    }
    char *d = rcp_arena_alloc(a, (size_t)n + 1);
    if (!d)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

int rcp_arena_grow(rcp_arena *a, void **array, size_t *cap, size_t need,
                   size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 4;
    while (ncap < need)
        ncap *= 2;
    if (elem && ncap > SIZE_MAX / 2 / elem)
        return err_oom("recipe array");
    void *p = rcp_arena_alloc(a, ncap * elem);
    if (!p)
        return -1;
    if (*array && *cap)
        memcpy(p, *array, *cap * elem);
    *array = p;
    *cap = ncap;
    return 0;
}
