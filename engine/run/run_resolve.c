/* run_resolve.c - the expression resolvers of a run: `source.column` and
 * indicator names looked up per unit (joined and gathered), and a resolver
 * over one source's own rows for `filter:`. */
#include "run_internal.h"

#include "err.h"
#include "mem.h"
#include "strdist.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The table column an expression name refers to: the column itself, or the
 * column the catalog gives that stable name. -1 when none. */
static long find_column(const run_source *s, const char *name)
{
    long idx = tbl_col_index(s->t, name);
    if (idx >= 0)
        return tbl_col_at(s->t, (size_t)idx)->type == COL_GEOM ? -1 : idx;
    if (!s->cat)
        return -1;
    for (size_t k = 0;; k++) {
        const cat_column *cc = catalog_by_name(s->cat, name, k);
        if (!cc)
            return -1;
        idx = tbl_col_index(s->t, cc->column);
        if (idx >= 0)
            return idx;
    }
}

/* The index of the column an expression name refers to (find_column), or
 * -1 with the source's names put into out as candidates for a suggestion. */
static long column_or_candidates(const run_source *s, const char *name,
                                 expr_colref *out)
{
    long idx = find_column(s, name);
    if (idx < 0) {
        out->candidates = (const char *const *)s->cand;
        out->n_candidates = s->n_cand;
    }
    return idx;
}

static run_source *find_source(run_ctx *c, const char *name)
{
    for (size_t k = 0; k < c->n_src; k++)
        if (!strcmp(c->src[k].rs->name.s, name))
            return &c->src[k];
    return NULL;
}

/* What a column is, as far as adding it up goes: the catalog's kind, else a
 * guess from CBS naming habits (P_..., percentage_..., gemiddeld...). */
static cat_kind column_kind(const run_source *s, const char *name)
{
    if (s->cat) {
        const cat_column *cc = catalog_by_column(s->cat, name);
        if (cc)
            return cc->kind;
        /* a column added for a `fraction: true` entry: a percentage */
        for (size_t k = 0; (cc = catalog_by_name(s->cat, name, k)); k++)
            if (cc->scale != 1)
                return CAT_PERCENTAGE;
    }
    char low[64];
    str_lower(low, sizeof low, name);
    static const char *const pct[] = {"p_", "pct", "perc", "percentage",
                                      "aandeel", "g_", "gem", "gemiddeld",
                                      "dichth", "bevolkingsdichtheid"};
    for (size_t k = 0; k < sizeof pct / sizeof pct[0]; k++)
        if (!strncmp(low, pct[k], strlen(pct[k])))
            return k < 5 ? CAT_PERCENTAGE : CAT_MEAN;
    return CAT_UNKNOWN;
}

cat_kind run_column_kind(const run_ctx *c, const char *source,
                         const char *column);
cat_kind run_column_kind(const run_ctx *c, const char *source,
                         const char *column)
{
    run_source *s = find_source((run_ctx *)c, source);
    if (!s)
        return CAT_UNKNOWN;
    long idx = find_column(s, column);
    if (idx < 0)
        return CAT_UNKNOWN;
    return column_kind(s, tbl_col_at(s->t, (size_t)idx)->name);
}

/* Gathers column idx of s per unit through the join: the joined row's value
 * (same or coarser level), or the sum over the unit's rows (finer level). */
static int gather(run_ctx *c, run_source *s, size_t idx)
{
    const tbl_col *col = tbl_col_at(s->t, idx);
    size_t n = c->n_units;
    if (col->type == COL_STRING) {
        if (s->gc[idx])
            return 0;
        s->gc[idx] = mem_alloc((n ? n : 1) * sizeof(int32_t));
        if (!s->gc[idx])
            return err_oom("joined column");
        for (size_t u = 0; u < n; u++) {
            int64_t r = s->j.row[u];
            s->gc[idx][u] = r < 0 ? -1 : col->codes[r];
        }
        return 0;
    }
    if (s->gd[idx])
        return 0;
    double *d = mem_alloc((n ? n : 1) * sizeof *d);
    uint8_t *m = mem_calloc(n ? n : 1, 1);
    if (!d || !m) {
        mem_free(d);
        mem_free(m);
        return err_oom("joined column");
    }
    for (size_t u = 0; u < n; u++) {
        miss_reason why = MISS_NONE;
        double v = 0;
        if (s->j.kind != JOIN_FINER) {
            int64_t r = s->j.row[u];
            if (r < 0)
                why = MISS_UNMATCHED;
            else
                v = col_num(col, (size_t)r, &why);
        } else {
            size_t a = s->j.grp_off[u], b = s->j.grp_off[u + 1], valid = 0;
            miss_reason first = MISS_UNMATCHED;
            for (size_t k = a; k < b; k++) {
                miss_reason w;
                double x = col_num(col, (size_t)s->j.grp_rows[k], &w);
                if (w == MISS_NONE) {
                    v += x;
                    valid++;
                } else if (k == a) {
                    first = w;
                }
            }
            if (!valid)
                why = first;
        }
        d[u] = why ? 0.0 : v;
        m[u] = (uint8_t)why;
    }
    s->gd[idx] = d;
    s->gm[idx] = m;
    return 0;
}

static int resolve_column(void *ctx, const char *source, const char *column,
                          expr_colref *out)
{
    run_ctx *c = ctx;
    run_source *s = find_source(c, source);
    if (!s) {
        out->candidates = c->src_names;
        out->n_candidates = c->n_src;
        return EXPR_RESOLVE_UNKNOWN_SOURCE;
    }
    long idx = column_or_candidates(s, column, out);
    if (idx < 0)
        return EXPR_RESOLVE_UNKNOWN;
    const tbl_col *col = tbl_col_at(s->t, (size_t)idx);
    if (s->joined && s->j.kind == JOIN_FINER) {
        if (col->type == COL_STRING) {
            err_set(ERR_EXPR, NULL, 0, NULL,
                    "column %s.%s is text at %s level; it cannot be added "
                    "up to %s",
                    source, column, key_level_name(s->level),
                    key_level_plural(c->unit_level));
            return EXPR_RESOLVE_FAILED;
        }
        cat_kind k = column_kind(s, col->name);
        if (k == CAT_PERCENTAGE || k == CAT_MEAN || k == CAT_SHARE) {
            err_set(ERR_EXPR, NULL, 0, NULL,
                    "column %s.%s is a %s per %s; adding it up to %s would "
                    "be wrong. Make the recipe's unit %s and let the "
                    "indicator roll up with a weighted mean, or use the "
                    "counts it is made of",
                    source, column, cat_kind_name(k), key_level_name(s->level),
                    key_level_plural(c->unit_level), key_level_name(s->level));
            return EXPR_RESOLVE_FAILED;
        }
    }
    if (!s->joined) { /* check of types only (before the join) */
        out->type = col->type == COL_STRING ? EXPR_T_STRING : EXPR_T_NUMBER;
        return EXPR_RESOLVE_OK;
    }
    if (gather(c, s, (size_t)idx) < 0)
        return EXPR_RESOLVE_FAILED;
    out->n = c->n_units;
    if (col->type == COL_STRING) {
        out->type = EXPR_T_STRING;
        out->codes = s->gc[idx];
        out->dict_blob = col->dict_blob;
        out->dict_off = col->dict_off;
        out->n_dict = col->n_dict;
    } else {
        out->type = EXPR_T_NUMBER;
        out->values = s->gd[idx];
        out->miss = s->gm[idx];
    }
    return EXPR_RESOLVE_OK;
}

static int resolve_indicator(void *ctx, const char *name, expr_colref *out)
{
    run_ctx *c = ctx;
    for (size_t k = 0; k < c->n_ind; k++) {
        run_indicator *ind = &c->ind[k];
        if (strcmp(ind->ri->name.s, name) != 0)
            continue;
        out->type = ind->is_bool ? EXPR_T_BOOL : EXPR_T_NUMBER;
        out->n = c->n_units;
        out->values = c->parts_raw && ind->rv ? ind->rv : ind->v;
        out->miss = c->parts_raw && ind->rm ? ind->rm : ind->m;
        return EXPR_RESOLVE_OK;
    }
    out->candidates = c->ind_names;
    out->n_candidates = c->n_ind;
    return EXPR_RESOLVE_UNKNOWN;
}

void run_resolver(run_ctx *c, expr_resolver *r)
{
    r->column = resolve_column;
    r->indicator = resolve_indicator;
    r->ctx = c;
}

/* Resolver over one source's rows: ctx is the source; the run is found
 * through a small wrapper. */
typedef struct {
    run_ctx *c;
    run_source *s;
} source_ctx;

static _Thread_local source_ctx filter_ctx;

static int resolve_own_column(void *ctx, const char *source,
                              const char *column, expr_colref *out)
{
    source_ctx *sc = ctx;
    run_source *s = sc->s;
    if (strcmp(source, s->rs->name.s) != 0) {
        err_set(ERR_EXPR, NULL, 0, NULL,
                "the filter of source \"%s\" can only use its own columns "
                "(%s.column), not %s.%s",
                s->rs->name.s, s->rs->name.s, source, column);
        return EXPR_RESOLVE_FAILED;
    }
    long idx = column_or_candidates(s, column, out);
    if (idx < 0)
        return EXPR_RESOLVE_UNKNOWN;
    const tbl_col *col = tbl_col_at(s->t, (size_t)idx);
    size_t n = tbl_nrows(s->t);
    out->n = n;
    if (col->type == COL_STRING) {
        out->type = EXPR_T_STRING;
        out->codes = col->codes;
        out->dict_blob = col->dict_blob;
        out->dict_off = col->dict_off;
        out->n_dict = col->n_dict;
        return EXPR_RESOLVE_OK;
    }
    out->type = EXPR_T_NUMBER;
    out->miss = col->miss;
    if (col->type == COL_DOUBLE) {
        out->values = col->d;
        return EXPR_RESOLVE_OK;
    }
    if (!s->rd[idx]) {
        s->rd[idx] = mem_alloc((n ? n : 1) * sizeof(double));
        if (!s->rd[idx]) {
            err_oom("filter column");
            return EXPR_RESOLVE_FAILED;
        }
        for (size_t r = 0; r < n; r++)
            s->rd[idx][r] = (double)col->i[r];
    }
    out->values = s->rd[idx];
    return EXPR_RESOLVE_OK;
}

static int resolve_no_indicator(void *ctx, const char *name, expr_colref *out)
{
    (void)ctx;
    err_set(ERR_EXPR, NULL, 0, NULL,
            "a source filter cannot use indicators (\"%s\"); write "
            "source.column", name);
    (void)out;
    return EXPR_RESOLVE_FAILED;
}

void run_source_resolver(run_ctx *c, run_source *s, expr_resolver *r)
{
    filter_ctx.c = c;
    filter_ctx.s = s;
    r->column = resolve_own_column;
    r->indicator = resolve_no_indicator;
    r->ctx = &filter_ctx;
}
