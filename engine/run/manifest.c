/* manifest.c - manifest.json of a run: the recipe and its hash, every input
 * (path, SHA-256, rows read, rows matched, unmatched keys on both sides,
 * duplicates), the indicators with their definitions, the levels written,
 * software versions and timings per stage. */
#include "run_internal.h"

#include "err.h"
#include "jsonw.h"
#include "mem.h"

#include <cairo.h>
#include <errno.h>
#include <gdal_version.h>
#include <pango/pango.h>
#include <proj.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

static const char *rule_name(roll_rule r)
{
    static const char *const n[] = {"none", "sum", "mean", "weighted_mean",
                                    "ratio", "wilson_lower", "wilson_upper"};
    return n[r];
}

static const char *kind_name(int k)
{
    static const char *const n[] = {"rate", "count", "share", "index",
                                    "reach"};
    return (unsigned)k < 5 ? n[k] : "rate";
}

static void write_codes(jsonw *w, const char *key, char (*codes)[KEY_MAX],
                        size_t n)
{
    jsonw_key(w, key);
    jsonw_arr_begin(w);
    for (size_t k = 0; k < n; k++)
        jsonw_str(w, codes[k]);
    jsonw_arr_end(w);
}

/* The name join of a source keyed by names: counts, every unmatched name
 * with the nearest unit name. */
static void write_name_join(jsonw *w, const run_ctx *c, const run_source *s)
{
    jsonw_key(w, "key_names");
    jsonw_arr_begin(w);
    for (size_t k = 0; k < s->rs->key_names.n; k++)
        jsonw_str(w, s->rs->key_names.s[k]);
    jsonw_arr_end(w);
    if (!s->name_joined)
        return; /* the unit source: its names are the units */
    const namejoin_result *nj = &s->nj;
    jsonw_key(w, "name_join");
    jsonw_obj_begin(w);
    jsonw_kint(w, "matched", (int64_t)nj->matched_rows);
    jsonw_kint(w, "rows_without_names", (int64_t)nj->missing_rows);
    jsonw_kint(w, "duplicates", (int64_t)nj->duplicate_rows);
    jsonw_kint(w, "units_without_row", (int64_t)nj->n_units_unmatched);
    jsonw_key(w, "unmatched");
    jsonw_arr_begin(w);
    for (size_t k = 0; k < nj->n_miss; k++) {
        char a[512], b[512];
        run_names_row_text(s, nj->miss[k].row, a, sizeof a);
        jsonw_obj_begin(w);
        jsonw_kint(w, "row", (int64_t)nj->miss[k].row + 1);
        jsonw_kstr(w, "names", a);
        if (nj->miss[k].nearest >= 0) {
            run_names_unit_text(c, (size_t)nj->miss[k].nearest,
                                s->rs->key_names.n > 1, b, sizeof b);
            jsonw_kstr(w, "nearest", b);
            jsonw_kint(w, "distance", (int64_t)nj->miss[k].dist);
        }
        jsonw_obj_end(w);
    }
    jsonw_arr_end(w);
    jsonw_key(w, "units_unmatched_names");
    jsonw_arr_begin(w);
    for (size_t k = 0; k < nj->n_units_unmatched; k++) {
        char a[512];
        run_names_unit_text(c, nj->units_unmatched[k], s->rs->key_names.n > 1,
                            a, sizeof a);
        jsonw_str(w, a);
    }
    jsonw_arr_end(w);
    jsonw_obj_end(w);
}

static void write_source(jsonw *w, const run_ctx *c, const run_source *s)
{
    jsonw_obj_begin(w);
    jsonw_kstr(w, "name", s->rs->name.s);
    jsonw_kstr(w, "path", s->rs->path.s);
    jsonw_kstr(w, "resolved", s->rs->resolved);
    if (s->rs->layer.s)
        jsonw_kstr(w, "layer", s->rs->layer.s);
    jsonw_kstr(w, "sha256", s->sha256[0] ? s->sha256 : NULL);
    if (s->cat)
        jsonw_kstr(w, "catalog", s->cat->name);
    jsonw_kstr(w, "key", s->rs->key.s);
    jsonw_kstr(w, "level", key_level_name(s->level));
    jsonw_kint(w, "rows_read", (int64_t)tbl_nrows(s->t));
    jsonw_kint(w, "rows_kept", (int64_t)s->rows_kept);
    jsonw_kint(w, "keys_normalised", (int64_t)s->kst.normalised);
    jsonw_kint(w, "keys_invalid", (int64_t)s->kst.invalid);
    jsonw_kint(w, "keys_missing", (int64_t)s->kst.missing);
    jsonw_kint(w, "duplicate_keys", (int64_t)s->kst.duplicates);
    jsonw_key(w, "duplicate_examples");
    jsonw_arr_begin(w);
    for (size_t k = 0; k < s->kst.n_dup_examples; k++)
        jsonw_str(w, s->kst.dup_examples[k]);
    jsonw_arr_end(w);
    static const char *const kinds[] = {"same", "coarser", "finer"};
    jsonw_kstr(w, "join", kinds[s->j.kind]);
    jsonw_kint(w, "units_matched", (int64_t)s->j.units_matched);
    write_codes(w, "units_unmatched", s->j.units_unmatched,
                s->j.n_units_unmatched);
    write_codes(w, "source_rows_unmatched", s->j.source_unmatched,
                s->j.n_source_unmatched);
    if (s->rs->key_names.n)
        write_name_join(w, c, s);
    if (s->overlaid) {
        jsonw_key(w, "overlay");
        jsonw_obj_begin(w);
        jsonw_kint(w, "pairs", (int64_t)s->ov_pairs);
        jsonw_knum(w, "source_area_inside_units", s->ov_src_cover);
        jsonw_knum(w, "mean_unit_covered", s->ov_mean_cover);
        jsonw_kint(w, "units_partly_covered", (int64_t)s->ov_partial);
        jsonw_kint(w, "units_not_covered", (int64_t)s->ov_none);
        jsonw_kint(w, "polygons_repaired", (int64_t)s->ov_repaired);
        if (s->ov_weighted) { /* weight: {points: ...} */
            jsonw_kstr(w, "counts_split_by", "points");
            jsonw_kint(w, "points", (int64_t)s->ov_points);
            jsonw_kint(w, "points_outside_source", (int64_t)s->ov_points_outside);
            jsonw_kint(w, "points_unusable", (int64_t)s->ov_points_unusable);
            jsonw_key(w, "source_rows_split_by_area");
            jsonw_arr_begin(w);
            for (size_t k = 0; k < s->ov_area_fallback; k++)
                jsonw_int(w, (int64_t)s->ov_fallback_rows[k]);
            jsonw_arr_end(w);
        }
        jsonw_obj_end(w);
    }
    run_records_manifest(w, s);
    jsonw_obj_end(w);
}

/* Set when an expression could not be printed (out of memory, error set):
 * the manifest then fails instead of silently lacking the expression. */
static _Thread_local int expr_oom;

static void write_expr(jsonw *w, const char *key, const expr *e)
{
    if (!e)
        return;
    char *s = expr_to_string(e);
    if (!s)
        expr_oom = 1;
    jsonw_kstr(w, key, s);
    mem_free(s);
}

static void write_indicator(jsonw *w, const run_indicator *ind)
{
    const rcp_indicator *ri = ind->ri;
    jsonw_obj_begin(w);
    jsonw_kstr(w, "name", ri->name.s);
    jsonw_kstr(w, "expr", ri->expr.s);
    write_expr(w, "compiled", ind->e);
    jsonw_kstr(w, "label", ri->label.s);
    jsonw_kstr(w, "unit", ri->unit.s);
    jsonw_kstr(w, "kind", kind_name(ri->kind.v));
    jsonw_key(w, "rollup");
    jsonw_obj_begin(w);
    jsonw_kstr(w, "rule", rule_name(ind->rule));
    write_expr(w, "weight", ind->weight);
    write_expr(w, "numerator", ind->num);
    write_expr(w, "denominator", ind->den);
    if (ind->rule == ROLL_RATIO || ind->rule == ROLL_WILSON_LO ||
        ind->rule == ROLL_WILSON_HI)
        jsonw_knum(w, "scale", ri->rollup.scale.v);
    jsonw_obj_end(w);
    if (ind->base) {
        jsonw_key(w, "min_base");
        jsonw_obj_begin(w);
        write_expr(w, "expr", ind->base);
        jsonw_knum(w, "min", ri->min_base.min.v);
        jsonw_kstr(w, "label", ri->min_base.label.s);
        jsonw_obj_end(w);
    }
    jsonw_obj_end(w);
}

/* "files": the map's own files, then those of its small multiples. */
static void write_map_files(jsonw *w, const run_map_result *m)
{
    jsonw_key(w, "files");
    jsonw_arr_begin(w);
    for (int k = 0; k < m->n_files; k++)
        jsonw_str(w, m->files[k]);
    for (size_t k = 0; k < m->n_per_files; k++)
        jsonw_str(w, m->per_files[k]);
    jsonw_arr_end(w);
}

static void write_map(jsonw *w, const run_ctx *c, const run_map_result *m)
{
    jsonw_obj_begin(w);
    jsonw_kstr(w, "name", m->map->name.s);
    jsonw_kstr(w, "indicator", m->map->indicator.s);
    if (m->map->type.v == RCP_MAP_CATEGORICAL) {
        jsonw_kstr(w, "type", "categorical");
        jsonw_key(w, "categories");
        jsonw_arr_begin(w);
        for (size_t k = 0; k < m->map->n_cats; k++) {
            jsonw_obj_begin(w);
            jsonw_knum(w, "value", m->map->cats[k].value);
            jsonw_kstr(w, "label", m->map->cats[k].label.s);
            jsonw_obj_end(w);
        }
        jsonw_arr_end(w);
        write_map_files(w, m);
        jsonw_obj_end(w);
        return;
    }
    jsonw_kstr(w, "method", cls_method_name(m->cls.method));
    jsonw_kint(w, "classes", m->cls.k);
    if (m->map->shared_breaks.s)
        jsonw_kstr(w, "shared_breaks", m->map->shared_breaks.s);
    jsonw_key(w, "breaks");
    jsonw_arr_begin(w);
    for (int k = 0; m->cls.breaks && k <= m->cls.k; k++)
        jsonw_num(w, m->cls.breaks[k]);
    jsonw_arr_end(w);
    jsonw_key(w, "counts");
    jsonw_arr_begin(w);
    for (int k = 0; k < m->cls.k; k++)
        jsonw_int(w, (int64_t)m->cls.counts[k]);
    jsonw_arr_end(w);
    jsonw_kint(w, "missing", (int64_t)m->cls.n_missing);
    jsonw_knum(w, "gvf", m->cls.gvf);
    if (m->map->type.v == RCP_MAP_BIVARIATE) {
        /* the y axis is above (breaks, counts); x and the 3 x 3 cells here */
        jsonw_kstr(w, "type", "bivariate");
        jsonw_kstr(w, "x", m->map->x.s);
        jsonw_kstr(w, "y", m->map->y.s);
        jsonw_key(w, "cells");
        jsonw_arr_begin(w);
        for (int k = 0; k < 9; k++)
            jsonw_int(w, (int64_t)m->cells[k]);
        jsonw_arr_end(w);
        if (m->unit_cell) { /* per unit its cell, null when missing */
            jsonw_key(w, "unit_cells");
            jsonw_obj_begin(w);
            for (size_t u = 0; u < c->n_units; u++) {
                jsonw_key(w, c->units[u]);
                if (m->unit_cell[u] < 0)
                    jsonw_null(w);
                else
                    jsonw_int(w, m->unit_cell[u]);
            }
            jsonw_obj_end(w);
        }
    }
    if (m->legend) {
        jsonw_kint(w, "legend_decimals", m->legend_decimals);
        jsonw_key(w, "legend");
        jsonw_arr_begin(w);
        for (int k = 0; k < m->cls.k; k++)
            jsonw_str(w, m->legend[k]);
        jsonw_arr_end(w);
    }
    if (m->map->per.v != RCP_PER_NONE) {
        /* one page per group: its code and its units per legend entry */
        jsonw_kstr(w, "per", m->map->per.v == RCP_PER_WIJK ? "wijk" : "gemeente");
        jsonw_key(w, "pages");
        jsonw_arr_begin(w);
        for (size_t g = 0; g < m->n_per; g++) {
            jsonw_obj_begin(w);
            jsonw_kstr(w, "code", m->per_codes[g]);
            jsonw_kstr(w, "name", m->per_names[g]);
            jsonw_key(w, "counts");
            jsonw_arr_begin(w);
            for (size_t e = 0; e < m->n_per_entries; e++)
                jsonw_int(w, (int64_t)m->per_counts[g * m->n_per_entries + e]);
            jsonw_arr_end(w);
            jsonw_obj_end(w);
        }
        jsonw_arr_end(w);
    }
    write_map_files(w, m);
    jsonw_obj_end(w);
}

static void write_versions(jsonw *w)
{
    char proj_release[64];
    snprintf(proj_release, sizeof proj_release, "%d.%d.%d",
             PROJ_VERSION_MAJOR, PROJ_VERSION_MINOR, PROJ_VERSION_PATCH);
    jsonw_key(w, "software");
    jsonw_obj_begin(w);
    jsonw_kstr(w, "dnawijk", DNAWIJK_VERSION);
    /* the versions the GDAL module was built with (a run that finds its
     * sources in the cache does not load GDAL or PROJ; see plugin.h) */
    jsonw_kstr(w, "gdal", GDAL_RELEASE_NAME);
    jsonw_kstr(w, "proj", proj_release);
    jsonw_kstr(w, "cairo", cairo_version_string());
    jsonw_kstr(w, "pango", pango_version_string());
    jsonw_kstr(w, "libyaml", yaml_get_version_string());
    jsonw_obj_end(w);
}

int run_write_manifest(run_ctx *c, const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        err_set(ERR_IO, path, 0, NULL, "cannot create the manifest: %s",
                strerror(errno));
        return -1;
    }
    expr_oom = 0;
    jsonw w;
    jsonw_init(&w, f, 1);
    jsonw_obj_begin(&w);
    jsonw_key(&w, "recipe");
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "name", c->r->name.s);
    jsonw_kstr(&w, "path", c->r->path);
    jsonw_kstr(&w, "sha256", c->recipe_sha);
    jsonw_kstr(&w, "unit", key_level_name(c->unit_level));
    jsonw_key(&w, "area");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < c->n_area; k++)
        jsonw_str(&w, c->area[k]);
    jsonw_arr_end(&w);
    jsonw_obj_end(&w);
    jsonw_kstr(&w, "created", c->created);
    jsonw_kint(&w, "units", (int64_t)c->n_units);
    if (c->synthetic_codes)
        jsonw_kstr(&w, "unit_codes",
                   "stand-in codes numbered from the names (GM9001 ... in "
                   "order of appearance); not CBS codes");
    jsonw_key(&w, "inputs");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < c->n_src; k++)
        write_source(&w, c, &c->src[k]);
    jsonw_arr_end(&w);
    jsonw_key(&w, "indicators");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < c->n_ind; k++)
        write_indicator(&w, &c->ind[k]);
    jsonw_arr_end(&w);
    jsonw_key(&w, "levels");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < c->n_levels; k++) {
        jsonw_obj_begin(&w);
        jsonw_kstr(&w, "level", c->levels[k].level == KEY_INVALID
                                    ? "gebied"
                                    : key_level_name(c->levels[k].level));
        jsonw_kint(&w, "rows", (int64_t)tbl_nrows(c->levels[k].result));
        if (c->levels[k].n_partial) {
            /* per indicator: groups whose valid members cover only part
             * of the base, and those suppressed below coverage_min */
            jsonw_key(&w, "coverage");
            jsonw_obj_begin(&w);
            jsonw_knum(&w, "coverage_min", c->r->coverage_min.v);
            jsonw_key(&w, "partial_groups");
            jsonw_obj_begin(&w);
            for (size_t i = 0; i < c->n_ind; i++)
                if (c->ind[i].rule != ROLL_NONE)
                    jsonw_kint(&w, c->ind[i].ri->name.s,
                               (int64_t)c->levels[k].n_partial[i]);
            jsonw_obj_end(&w);
            jsonw_key(&w, "suppressed_groups");
            jsonw_obj_begin(&w);
            for (size_t i = 0; i < c->n_ind; i++)
                if (c->ind[i].rule != ROLL_NONE)
                    jsonw_kint(&w, c->ind[i].ri->name.s,
                               (int64_t)c->levels[k].n_low[i]);
            jsonw_obj_end(&w);
            jsonw_obj_end(&w);
        }
        char file[256];
        snprintf(file, sizeof file, "%s.csv", c->levels[k].file_stem);
        jsonw_kstr(&w, "csv", c->r->out_tables.v ? file : NULL);
        jsonw_obj_end(&w);
    }
    jsonw_arr_end(&w);
    jsonw_key(&w, "maps");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < c->n_maps; k++)
        write_map(&w, c, &c->maps[k]);
    jsonw_arr_end(&w);
    jsonw_key(&w, "comparisons");
    jsonw_arr_begin(&w);
    for (size_t k = 0; c->cmp_files && k < c->r->n_comparisons; k++) {
        jsonw_obj_begin(&w);
        jsonw_kstr(&w, "name", c->r->comparisons[k].name.s);
        jsonw_kstr(&w, "indicator", c->r->comparisons[k].indicator.s);
        jsonw_key(&w, "files");
        jsonw_arr_begin(&w);
        for (int x = 0; x < 2; x++)
            if (c->cmp_files[k][x][0])
                jsonw_str(&w, c->cmp_files[k][x]);
        jsonw_arr_end(&w);
        jsonw_obj_end(&w);
    }
    jsonw_arr_end(&w);
    jsonw_key(&w, "funnels");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < c->n_funnels; k++) {
        jsonw_obj_begin(&w);
        jsonw_kstr(&w, "indicator", c->funnels[k].indicator);
        jsonw_kstr(&w, "limits", "exact binomial, 95% and 99.8% (Spiegelhalter 2005)");
        jsonw_knum(&w, "centre", c->funnels[k].centre);
        jsonw_knum(&w, "units_shown", (double)c->funnels[k].n_shown);
        jsonw_knum(&w, "units_below_998", (double)c->funnels[k].n_below);
        jsonw_key(&w, "files");
        jsonw_arr_begin(&w);
        for (int x = 0; x < 2; x++)
            if (c->funnels[k].files[x][0])
                jsonw_str(&w, c->funnels[k].files[x]);
        jsonw_arr_end(&w);
        jsonw_obj_end(&w);
    }
    jsonw_arr_end(&w);
    write_versions(&w);
    jsonw_key(&w, "timings_seconds");
    jsonw_obj_begin(&w);
    for (size_t k = 0; k < c->n_timing; k++)
        jsonw_knum(&w, c->timing[k].stage, c->timing[k].seconds);
    jsonw_obj_end(&w);
    jsonw_obj_end(&w);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        err_set(ERR_IO, path, 0, NULL, "writing the manifest failed");
        return -1;
    }
    return expr_oom ? -1 : 0; /* expr_to_string set the error */
}
