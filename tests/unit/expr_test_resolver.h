/* expr_test_resolver.h - a small in-memory resolver for the expression
 * tests and benchmark: numeric, boolean and text columns per source, and
 * indicators, each with data arrays owned by the caller. */
#ifndef DNW_EXPR_TEST_RESOLVER_H
#define DNW_EXPR_TEST_RESOLVER_H

#include <stdint.h>
#include <string.h>

#include "expr.h"
#include "tbl.h"

typedef struct {
    const char *source; /* NULL for an indicator */
    const char *name;
    expr_type type;
    const double *v;
    const uint8_t *m;
    uint8_t all_missing;
    const tbl_col *text; /* EXPR_T_STRING */
    size_t n;
} tr_item;

typedef struct {
    tr_item items[64];
    size_t nitems;
    const char *cands[64];
} tr_ctx;

static inline void tr_add(tr_ctx *c, const char *source, const char *name,
                          expr_type type, const double *v, const uint8_t *m,
                          size_t n)
{
    c->items[c->nitems++] = (tr_item){source, name, type, v, m, 0, NULL, n};
}

static inline void tr_fill(const tr_item *it, expr_colref *out)
{
    out->type = it->type;
    out->n = it->n;
    out->values = it->v;
    out->miss = it->m;
    out->all_missing = it->all_missing;
    if (it->text) {
        out->codes = it->text->codes;
        out->miss = it->text->miss;
        out->dict_blob = it->text->dict_blob;
        out->dict_off = it->text->dict_off;
        out->n_dict = it->text->n_dict;
    }
}

static inline int tr_column(void *ctx, const char *source, const char *column,
                            expr_colref *out)
{
    tr_ctx *c = ctx;
    size_t nc = 0;
    int have_source = 0;
    for (size_t i = 0; i < c->nitems; i++) {
        const tr_item *it = &c->items[i];
        if (!it->source || strcmp(it->source, source) != 0)
            continue;
        have_source = 1;
        if (strcmp(it->name, column) == 0) {
            tr_fill(it, out);
            return EXPR_RESOLVE_OK;
        }
        c->cands[nc++] = it->name;
    }
    if (!have_source) {
        for (size_t i = 0; i < c->nitems; i++) {
            const char *s = c->items[i].source;
            int dup = !s;
            for (size_t k = 0; k < nc && !dup; k++)
                dup = strcmp(c->cands[k], s) == 0;
            if (!dup)
                c->cands[nc++] = s;
        }
        out->candidates = c->cands;
        out->n_candidates = nc;
        return EXPR_RESOLVE_UNKNOWN_SOURCE;
    }
    out->candidates = c->cands;
    out->n_candidates = nc;
    return EXPR_RESOLVE_UNKNOWN;
}

static inline int tr_indicator(void *ctx, const char *name, expr_colref *out)
{
    tr_ctx *c = ctx;
    size_t nc = 0;
    for (size_t i = 0; i < c->nitems; i++) {
        const tr_item *it = &c->items[i];
        if (it->source)
            continue;
        if (strcmp(it->name, name) == 0) {
            tr_fill(it, out);
            return EXPR_RESOLVE_OK;
        }
        c->cands[nc++] = it->name;
    }
    out->candidates = c->cands;
    out->n_candidates = nc;
    return EXPR_RESOLVE_UNKNOWN;
}

static inline expr_resolver tr_resolver(tr_ctx *c)
{
    return (expr_resolver){tr_column, tr_indicator, c};
}

#endif
