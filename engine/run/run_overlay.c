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
#include "pip.h"
#include "reproj.h"
#include "src.h"
#include "srcopt.h"

#include <math.h>
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

/* The numeric column `name` of the points table t (read from file), or
 * NULL with ERR_RECIPE set at pos naming the file and the column. */
static const tbl_col *point_column(const tbl *t, const char *name,
                                  const char *file, rcp_pos pos)
{
    const tbl_col *col = tbl_col_by_name(t, name);
    if (!col || (col->type != COL_DOUBLE && col->type != COL_INT64)) {
        rcp_error_at(pos, ERR_RECIPE,
                     "%s has no numeric column \"%s\" with coordinates; "
                     "name the columns with weight: {points: ..., x: ..., "
                     "y: ...}",
                     file, name);
        return NULL;
    }
    return col;
}

/* weight: {points: ...}: reads the points, brings them into the units'
 * CRS, locates each in the units and in the source's polygons, and gives
 * the overlay its point weights (overlay_point_weights). Counts what it
 * found into s->ov_* (points, outside every source polygon, without
 * usable coordinates, and the source rows meeting a unit that hold no
 * point and so fall back to area, with their row numbers). Returns 0, or
 * -1 with the error set (file, column, CRS). */
static int point_weights(run_ctx *c, run_source *s, overlay_result *o)
{
    const rcp_ptweight *pw = &s->rs->weight;
    const char *file = pw->resolved;
    src_options so;
    src_options_init(&so);
    tbl *pt = src_read(file, &so);
    if (!pt) {
        err_prefix("weight of source \"%s\"", s->rs->name.s);
        return -1;
    }
    int rc = -1;
    double *xy = NULL;
    int32_t *uo = NULL, *so_ = NULL;
    pip_index *ui = NULL, *si = NULL;
    reproj *rp = NULL;
    const tbl_col *xc = point_column(pt, pw->x.s ? pw->x.s : "x", file,
                                     pw->x.s ? pw->x.pos : pw->points.pos);
    const tbl_col *yc = xc ? point_column(pt, pw->y.s ? pw->y.s : "y", file,
                                          pw->y.s ? pw->y.pos : pw->points.pos)
                           : NULL;
    if (!yc)
        goto done;
    const tbl_col *ug = tbl_geom(c->geom), *sg = tbl_geom(s->t);
    const char *dst = ug->crs ? ug->crs : c->r->crs.s;
    size_t n = tbl_nrows(pt), m = 0;
    xy = mem_alloc((n ? n : 1) * 2 * sizeof *xy);
    uo = mem_alloc((n ? n : 1) * sizeof *uo);
    so_ = mem_alloc((n ? n : 1) * sizeof *so_);
    if (!xy || !uo || !so_) {
        err_oom("weight points");
        goto done;
    }
    for (size_t r = 0; r < n; r++) {
        miss_reason wx, wy;
        double x = col_num(xc, r, &wx), y = col_num(yc, r, &wy);
        if (wx || wy || !isfinite(x) || !isfinite(y)) {
            s->ov_points_unusable++;
            continue;
        }
        xy[2 * m] = x;
        xy[2 * m + 1] = y;
        m++;
    }
    if (pw->crs.s && dst) {
        rp = reproj_acquire(pw->crs.s, dst);
        if (!rp) {
            const err_info *e = err_get();
            char msg[sizeof e->message];
            snprintf(msg, sizeof msg, "%s", e->message);
            rcp_error_at(pw->crs.pos, ERR_PROJ,
                         "crs of the weight points of source \"%s\": %s",
                         s->rs->name.s, msg);
            goto done;
        }
        reproj_apply_raw(rp, xy, m, NULL);
    }
    ui = pip_build(ug, c->n_units);
    si = ui ? pip_build(sg, tbl_nrows(s->t)) : NULL;
    if (!si || pip_locate(ui, xy, m, uo, 0) < 0 ||
        pip_locate(si, xy, m, so_, 0) < 0)
        goto done;
    for (size_t k = 0; k < m; k++) {
        if (so_[k] >= 0 && s->keep && !s->keep[so_[k]])
            so_[k] = -1; /* a row the source's filter left out */
        s->ov_points_outside += so_[k] < 0;
    }
    s->ov_points = m;
    if (overlay_point_weights(o, uo, so_, m) < 0)
        goto done;
    /* source rows that meet a unit but hold no point: split by area */
    uint8_t *seen = mem_calloc(o->n_src ? o->n_src : 1, 1);
    if (!seen) {
        err_oom("weight points");
        goto done;
    }
    for (size_t k = 0; k < o->n_pairs; k++)
        if (o->pt_src[o->src[k]] == 0 && !seen[o->src[k]]) {
            seen[o->src[k]] = 1;
            s->ov_area_fallback++;
        }
    s->ov_fallback_rows = mem_alloc((s->ov_area_fallback ? s->ov_area_fallback
                                                         : 1) *
                                    sizeof *s->ov_fallback_rows);
    if (!s->ov_fallback_rows) {
        mem_free(seen);
        err_oom("weight points");
        goto done;
    }
    for (size_t r = 0, j = 0; r < o->n_src; r++)
        if (seen[r])
            s->ov_fallback_rows[j++] = r + 1;
    mem_free(seen);
    s->ov_weighted = 1;
    rc = 0;
done:
    if (rp)
        reproj_release(rp);
    pip_free(ui);
    pip_free(si);
    MEM_FREE_ALL(xy, uo, so_);
    tbl_free(pt);
    return rc;
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
    if (rs->weight.points.s && point_weights(c, s, &o) < 0) {
        overlay_free(&o);
        return -1;
    }
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
    if (c->opt->log && s->ov_weighted) {
        fprintf(c->opt->log,
                "  bron %-10s aantallen verdeeld naar %zu punten (%s); %zu "
                "punten buiten de bronvlakken, %zu zonder bruikbare "
                "coördinaten; %zu bronvlakken zonder punt verdeeld naar "
                "oppervlakte",
                rs->name.s, s->ov_points, rs->weight.points.s,
                s->ov_points_outside, s->ov_points_unusable,
                s->ov_area_fallback);
        for (size_t k = 0; k < s->ov_area_fallback && k < 10; k++)
            fprintf(c->opt->log, "%s%zu", k ? ", " : " (rij ",
                    s->ov_fallback_rows[k]);
        fprintf(c->opt->log, "%s\n",
                s->ov_area_fallback > 10 ? ", ...)" : s->ov_area_fallback ? ")" : "");
    }
    return 0;
}
