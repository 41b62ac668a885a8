/* run_levels.c - the result tables of a run: one for the units, and one
 * per coarser level present (wijk, gemeente, the whole area), with the
 * indicators rolled up by their rules and the small-number rule applied to
 * the rolled-up bases. */
#include "run_internal.h"

#include "err.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* Name of group g at level l: from a name column at that level in the unit
 * source (first member's row), else from a source at that level, else the
 * code itself. */
static const char *group_name(run_ctx *c, const run_level *L, size_t g)
{
    if (L->level == KEY_INVALID)
        return c->r->title.s ? c->r->title.s : "gebied";
    const run_source *us = &c->src[c->unit_src];
    const tbl_col *nc = run_name_column(us, L->level);
    if (nc) {
        const char *s = col_str(nc, (size_t)c->unit_row[L->g.first_unit[g]]);
        if (s)
            return s;
    }
    for (size_t k = 0; k < c->n_src; k++) {
        const run_source *s = &c->src[k];
        if (s->level != L->level)
            continue;
        nc = run_name_column(s, L->level);
        int64_t r = nc ? keyidx_find(s->ix, L->g.codes[g]) : -1;
        if (r >= 0 && col_str(nc, (size_t)r))
            return col_str(nc, (size_t)r);
    }
    /* a unit-level source that names the coarser level (wijknaam beside
     * each buurt), at the first member's row */
    for (size_t k = 0; k < c->n_src; k++) {
        const run_source *s = &c->src[k];
        if (!s->joined || s->j.kind != JOIN_SAME || !s->j.row)
            continue;
        nc = run_name_column(s, L->level);
        int64_t r = nc ? s->j.row[L->g.first_unit[g]] : -1;
        if (r >= 0 && col_str(nc, (size_t)r))
            return col_str(nc, (size_t)r);
    }
    return L->g.codes[g];
}

static int add_text(tbl *t, const char *name, size_t row, const char *s)
{
    tbl_col *col = tbl_col_by_name(t, name);
    return col_set_str(col, tbl_nrows(t), row, s, strlen(s));
}

/* A table of the units' geometry only (or no columns without geometry). */
static tbl *geometry_table(run_ctx *c)
{
    if (!c->geom)
        return tbl_new(c->n_units);
    int64_t *idx = mem_alloc((c->n_units ? c->n_units : 1) * sizeof *idx);
    if (!idx) {
        err_oom("result");
        return NULL;
    }
    for (size_t u = 0; u < c->n_units; u++)
        idx[u] = (int64_t)u;
    tbl *t = tbl_take(c->geom, idx, c->n_units);
    mem_free(idx);
    for (size_t k = t ? tbl_ncols(t) : 0; k-- > 0;)
        if (tbl_col_at(t, k)->type != COL_GEOM)
            tbl_drop_col(t, k);
    return t;
}

/* Makes t (NULL after a failure: then -1) L's result table, owned by L,
 * and adds the code and name columns every result table starts with.
 * 0 or -1 (error set). */
static int start_result(run_level *L, tbl *t)
{
    if (!t)
        return -1;
    L->result = t;
    if (!tbl_add_col(t, "code", COL_STRING) || !tbl_add_col(t, "name", COL_STRING))
        return -1;
    return 0;
}

/* Result table of the units themselves (with their geometry, if any). */
static int unit_table(run_ctx *c, run_level *L)
{
    tbl *t = geometry_table(c);
    if (start_result(L, t) < 0)
        return -1;
    for (size_t u = 0; u < c->n_units; u++)
        if (add_text(t, "code", u, c->units[u]) < 0 ||
            add_text(t, "name", u, c->unit_names[u]) < 0)
            return -1;
    for (size_t k = 0; k < c->n_ind; k++) {
        tbl_col *col = tbl_add_col(t, c->ind[k].ri->name.s, COL_DOUBLE);
        if (!col)
            return -1;
        memcpy(col->d, c->ind[k].v, c->n_units * sizeof(double));
        col->miss = mem_alloc(c->n_units ? c->n_units : 1);
        if (!col->miss)
            return err_oom("result");
        memcpy(col->miss, c->ind[k].m, c->n_units);
    }
    return 0;
}

/* Rolls indicator ind up over the groups of L into col. */
static int roll_indicator(run_ctx *c, const run_level *L,
                          const run_indicator *ind, tbl_col *col)
{
    size_t n = c->n_units, ng = L->g.n_groups;
    uint8_t *om = mem_alloc(ng ? ng : 1);
    if (!om)
        return err_oom("rollup");
    int rc = 0;
    switch (ind->rule) {
    case ROLL_SUM:
        rc = roll_sum(&L->g, n, ind->rv, ind->rm, col->d, om);
        break;
    case ROLL_MEAN:
        rc = roll_mean(&L->g, n, ind->rv, ind->rm, col->d, om);
        break;
    case ROLL_WMEAN:
        rc = roll_wmean(&L->g, n, ind->rv, ind->rm, ind->wv, ind->wm, col->d, om);
        break;
    case ROLL_RATIO:
        rc = roll_ratio(&L->g, n, ind->nv, ind->nm, ind->dv, ind->dm,
                        ind->ri->rollup.scale.v, col->d, om);
        break;
    case ROLL_WILSON_LO:
    case ROLL_WILSON_HI:
        rc = roll_wilson(&L->g, n, ind->rule == ROLL_WILSON_HI, ind->nv,
                         ind->nm, ind->dv, ind->dm, ind->ri->rollup.scale.v,
                         col->d, om);
        break;
    case ROLL_NONE:
        memset(om, MISS_INVALID, ng);
        memset(col->d, 0, ng * sizeof(double));
        break;
    }
    if (rc == 0 && ind->base && ind->rule != ROLL_NONE) {
        double *b = mem_alloc((ng ? ng : 1) * sizeof *b);
        uint8_t *bm = mem_alloc(ng ? ng : 1);
        rc = (b && bm) ? roll_sum(&L->g, n, ind->bv, ind->bm, b, bm)
                       : err_oom("rollup");
        for (size_t g = 0; rc == 0 && g < ng; g++)
            if (!om[g] && (bm[g] || b[g] < ind->ri->min_base.min.v)) {
                om[g] = MISS_SUPPRESSED;
                col->d[g] = 0;
            }
        mem_free(b);
        mem_free(bm);
    }
    col->miss = om;
    return rc;
}

/* Coverage of indicator ind's rollup over the groups of L (issue 11 item
 * 3): per group, the share of the base whose value was valid (share[g])
 * and the number of units with a valid value (units[g]). The base is the
 * weight of a weighted mean, the denominator of a ratio, else the
 * indicator's min_base expression, else one per unit; units whose base is
 * itself missing are left out of both sides. A group without any base has
 * coverage 1 when it has valid units, else 0. */
static void coverage(const run_ctx *c, const run_level *L,
                     const run_indicator *ind, double *share, double *units)
{
    size_t ng = L->g.n_groups;
    for (size_t g = 0; g < ng; g++)
        share[g] = units[g] = 0;
    double *total = share + ng; /* caller gives 2 * ng doubles */
    for (size_t g = 0; g < ng; g++)
        total[g] = 0;
    for (size_t u = 0; u < c->n_units; u++) {
        size_t g = L->g.group_of[u];
        if (g == SIZE_MAX)
            continue;
        double b = 1;
        int valid = !ind->rm[u];
        if (ind->rule == ROLL_WMEAN && ind->wv) {
            if (ind->wm[u])
                continue;
            b = ind->wv[u];
        } else if (ind->rule == ROLL_RATIO && ind->dv) {
            if (ind->dm[u])
                continue;
            b = ind->dv[u];
            valid = !ind->nm[u];
        } else if (ind->base) {
            if (ind->bm[u])
                continue;
            b = ind->bv[u];
        }
        if (!(b > 0))
            b = 0;
        total[g] += b;
        if (valid) {
            share[g] += b;
            units[g] += 1;
        }
    }
    for (size_t g = 0; g < ng; g++)
        share[g] = total[g] > 0 ? share[g] / total[g] : units[g] > 0 ? 1 : 0;
}

/* Adds the coverage columns <name>_dekking (share, 0..1) and
 * <name>_eenheden (units with a valid value) of indicator k after its
 * rollup column col, suppresses groups below coverage_min with
 * MISS_COVERAGE and counts partial and suppressed groups into L. */
static int add_coverage(run_ctx *c, run_level *L, size_t k, tbl_col *col)
{
    const run_indicator *ind = &c->ind[k];
    size_t ng = L->g.n_groups;
    double *cov = mem_alloc((ng ? ng : 1) * 3 * sizeof *cov);
    if (!cov)
        return err_oom("coverage");
    double *units = cov + 2 * ng;
    coverage(c, L, ind, cov, units);
    double min = c->r->coverage_min.v;
    for (size_t g = 0; g < ng; g++) {
        if (cov[g] < 1 - 1e-12)
            L->n_partial[k]++;
        if (col->miss[g] == MISS_NONE && cov[g] < min) {
            col->miss[g] = MISS_COVERAGE;
            col->d[g] = 0;
            L->n_low[k]++;
        }
    }
    /* col is not used after this point: adding columns may move it */
    char name[600];
    const char *suffix[2] = {"dekking", "eenheden"};
    const double *vals[2] = {cov, units};
    int rc = 0;
    for (int j = 0; rc == 0 && j < 2; j++) {
        snprintf(name, sizeof name, "%s_%s", ind->ri->name.s, suffix[j]);
        tbl_col *nc = tbl_add_col(L->result, name, COL_DOUBLE);
        if (!nc)
            rc = -1;
        else
            memcpy(nc->d, vals[j], ng * sizeof *nc->d);
    }
    mem_free(cov);
    return rc;
}

size_t run_result_columns(const run_indicator *ind, int rollup)
{
    return rollup && ind->rule != ROLL_NONE ? 3 : 1;
}

static int rollup_table(run_ctx *c, run_level *L)
{
    if (roll_groups_build((const char(*)[KEY_MAX])c->units, c->n_units,
                          L->level, &L->g) < 0)
        return -1;
    size_t ng = L->g.n_groups;
    tbl *t = tbl_new(ng);
    if (start_result(L, t) < 0)
        return -1;
    for (size_t g = 0; g < ng; g++) {
        const char *code = L->level == KEY_INVALID ? "gebied" : L->g.codes[g];
        if (add_text(t, "code", g, code) < 0 ||
            add_text(t, "name", g, group_name(c, L, g)) < 0)
            return -1;
    }
    L->n_partial = mem_calloc(c->n_ind ? c->n_ind : 1, sizeof *L->n_partial);
    L->n_low = mem_calloc(c->n_ind ? c->n_ind : 1, sizeof *L->n_low);
    if (!L->n_partial || !L->n_low)
        return err_oom("coverage");
    for (size_t k = 0; k < c->n_ind; k++) {
        tbl_col *col = tbl_add_col(t, c->ind[k].ri->name.s, COL_DOUBLE);
        if (!col || roll_indicator(c, L, &c->ind[k], col) < 0)
            return -1;
        if (c->ind[k].rule != ROLL_NONE && add_coverage(c, L, k, col) < 0)
            return -1;
    }
    return 0;
}

int run_build_levels(run_ctx *c)
{
    static const struct {
        key_level level;
        const char *stem;
    } all[] = {{KEY_BUURT, "indicators_buurt"},
               {KEY_WIJK, "indicators_wijk"},
               {KEY_GEMEENTE, "indicators_gemeente"},
               {KEY_INVALID, "indicators_gebied"}};
    c->levels = mem_calloc(4, sizeof *c->levels);
    if (!c->levels)
        return err_oom("levels");
    c->levels[0].level = c->unit_level;
    c->levels[0].file_stem = "indicators";
    c->n_levels = 1;
    if (unit_table(c, &c->levels[0]) < 0)
        return -1;
    for (size_t k = 0; k < 4; k++) {
        if (all[k].level != KEY_INVALID && all[k].level >= c->unit_level)
            continue;
        if (all[k].level == KEY_WIJK && c->synthetic_codes)
            continue; /* units known by name only: no real wijken */
        run_level *L = &c->levels[c->n_levels++];
        L->level = all[k].level;
        L->file_stem = all[k].stem;
        if (rollup_table(c, L) < 0)
            return -1;
    }
    return 0;
}

void run_levels_free(run_ctx *c)
{
    for (size_t k = 0; k < c->n_levels; k++) {
        roll_groups_free(&c->levels[k].g);
        tbl_free(c->levels[k].result);
        mem_free(c->levels[k].n_partial);
        mem_free(c->levels[k].n_low);
    }
    mem_free(c->levels);
}
