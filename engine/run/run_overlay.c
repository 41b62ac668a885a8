/* run_overlay.c - a source on another year's indeling reaches the units
 * through its polygons (`join: overlay`).
 *
 * The source's polygons are overlaid on the units' polygons (calc/overlay);
 * the source table is then replaced by one row per unit: every numeric
 * column apportioned (counts split by area share, the rest area-weighted
 * means), a column "dekking" with the share of the unit's area the source
 * covers (0-1), and a code column "_code" on which the source is indexed
 * like any other at the unit level.
 */
#include "run_internal.h"

#include "err.h"
#include "mem.h"
#include "overlay.h"

#include <stdio.h>
#include <string.h>

/* 1 when column name of s is a count: listed in counts:, or a count in the
 * source's catalog entry. */
static int is_count(const run_source *s, const char *name)
{
    for (size_t k = 0; k < s->rs->counts.n; k++)
        if (!strcmp(s->rs->counts.s[k], name))
            return 1;
    const cat_column *cc = s->cat ? catalog_by_column(s->cat, name) : NULL;
    return cc && cc->kind == CAT_COUNT;
}

/* Builds the per-unit table from the overlay. NULL with the error set. */
static tbl *unit_table(run_ctx *c, run_source *s, const overlay_result *o)
{
    size_t n = c->n_units, nc = tbl_ncols(s->t);
    tbl *t = tbl_new(n);
    if (!t)
        return NULL;
    for (size_t k = 0; k < nc; k++) {
        const tbl_col *col = tbl_col_at(s->t, k);
        if (col->type != COL_DOUBLE && col->type != COL_INT64)
            continue;
        if (!tbl_add_col(t, col->name, COL_DOUBLE))
            goto fail;
        tbl_col *dst = tbl_col_by_name(t, col->name);
        uint8_t *m = mem_alloc(n ? n : 1);
        if (!m) {
            err_oom("overlay");
            goto fail;
        }
        int rc = overlay_apportion(o, col, is_count(s, col->name), dst->d, m);
        for (size_t u = 0; rc == 0 && u < n; u++)
            if (m[u] && col_set_missing(dst, n, u, (miss_reason)m[u]) < 0)
                rc = -1;
        mem_free(m);
        if (rc < 0)
            goto fail;
    }
    tbl_col *cov = tbl_add_col(t, "dekking", COL_DOUBLE);
    if (!cov)
        goto fail;
    memcpy(cov->d, o->covered, n * sizeof *cov->d);
    tbl_col *code = tbl_add_col(t, "_code", COL_STRING);
    if (!code)
        goto fail;
    for (size_t u = 0; u < n; u++)
        if (col_set_str(code, n, u, c->units[u], strlen(c->units[u])) < 0)
            goto fail;
    col_finish(code);
    return t;
fail:
    tbl_free(t);
    return NULL;
}

int run_overlay_source(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    char what[160];
    snprintf(what, sizeof what, "source \"%s\" (join: overlay)", rs->name.s);
    if (!c->geom || !tbl_geom(c->geom))
        return rcp_error_at(rs->join.pos, ERR_RECIPE,
                            "%s needs the units' polygons: mark a source at "
                            "the unit level with geometry: true",
                            what);
    const tbl_col *sg = tbl_geom(s->t);
    if (!sg)
        return rcp_error_at(rs->join.pos, ERR_RECIPE,
                            "%s: %s has no polygons to overlay", what,
                            rs->resolved);
    overlay_result o;
    if (overlay_areas(tbl_geom(c->geom), c->n_units, sg, tbl_nrows(s->t),
                      s->keep, rs->resolved, what, &o) < 0)
        return -1;
    tbl *t = unit_table(c, s, &o);
    if (!t) {
        overlay_free(&o);
        return -1;
    }
    size_t partial = 0, none = 0;
    double sum = 0;
    for (size_t u = 0; u < c->n_units; u++) {
        sum += o.covered[u];
        partial += o.covered[u] < 0.99 && o.covered[u] > 0;
        none += o.covered[u] <= 0;
    }
    double shared = 0, src_total = 0;
    for (size_t k = 0; k < o.n_pairs; k++)
        shared += o.area[k];
    for (size_t r = 0; r < o.n_src; r++)
        src_total += o.src_area[r];
    s->ov_src_cover = src_total > 0 ? shared / src_total : 0;
    s->ov_pairs = o.n_pairs;
    s->ov_mean_cover = c->n_units ? sum / (double)c->n_units : 0;
    s->ov_partial = partial;
    s->ov_none = none;
    s->ov_repaired = o.repaired;
    s->overlaid = 1;
    overlay_free(&o);
    /* the per-unit table replaces the source's own rows */
    s->rows_kept = c->n_units;
    if (run_source_set_table(s, t) < 0 || run_source_candidates(s) < 0)
        return -1;
    s->ix = keyidx_build(tbl_col_by_name(t, "_code"), c->n_units,
                         c->unit_level, NULL, &s->kst);
    if (!s->ix)
        return -1;
    s->level = c->unit_level;
    if (c->opt->log)
        fprintf(c->opt->log,
                "  bron %-10s overlay: %zu overlappende paren, %.2f %% van "
                "de bronoppervlakte valt binnen de %s (aantallen daarbuiten "
                "vallen weg), %s gemiddeld %.1f %% gedekt, %zu deels en %zu "
                "niet gedekt%s\n",
                rs->name.s, s->ov_pairs, 100.0 * s->ov_src_cover,
                key_level_plural(c->unit_level),
                key_level_plural(c->unit_level), 100.0 * s->ov_mean_cover,
                partial, none,
                s->ov_repaired ? " (ongeldige polygonen hersteld)" : "");
    return 0;
}
