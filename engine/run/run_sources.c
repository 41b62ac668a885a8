/* run_sources.c - a run's sources: reading them (through the cache), their
 * catalog entries and checksums, the units of analysis with the area
 * filter, and the join of every source to the units. */
#include "run_internal.h"

#include "err.h"
#include "strdist.h"
#include "strmap.h"
#include "mem.h"
#include "present.h"
#include "fmemo.h"
#include "regions.h"
#include "src.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Points arrs at the four per-column arrays of s (gd, gm, gc, rd: one
 * entry per column, each owned, NULL until used), which grow and are freed
 * together. */
static void col_arrays(run_source *s, void **arrs[4])
{
    arrs[0] = (void **)&s->gd;
    arrs[1] = (void **)&s->gm;
    arrs[2] = (void **)&s->gc;
    arrs[3] = (void **)&s->rd;
}

/* Names an expression may use for source s: the columns of the table and
 * the stable catalog names of columns that exist. */
int run_source_fit_cols(run_source *s)
{
    size_t nc = tbl_ncols(s->t), old = s->n_gcols;
    if (nc <= old)
        return 0;
    void **arrs[4];
    col_arrays(s, arrs);
    for (int k = 0; k < 4; k++) {
        void **g = mem_realloc(*arrs[k], nc * sizeof(void *));
        if (!g)
            return err_oom("source columns");
        for (size_t j = old; j < nc; j++)
            g[j] = NULL;
        *arrs[k] = g;
    }
    s->n_gcols = nc;
    return 0;
}

void run_source_free_cols(run_source *s)
{
    void **arrs[4];
    col_arrays(s, arrs);
    for (int k = 0; k < 4; k++) {
        void **g = *arrs[k];
        for (size_t j = 0; g && j < s->n_gcols; j++)
            mem_free(g[j]);
        mem_free(g);
        *arrs[k] = NULL;
    }
    s->n_gcols = 0;
}

int run_source_set_table(run_source *s, tbl *t)
{
    run_source_free_cols(s);
    mem_free(s->cand);
    s->cand = NULL;
    s->n_cand = 0;
    mem_free(s->keep);
    s->keep = NULL;
    tbl_free(s->t);
    s->t = t;
    return run_source_fit_cols(s);
}

int run_source_candidates(run_source *s)
{
    size_t nc = tbl_ncols(s->t);
    size_t cap = nc + (s->cat ? s->cat->n_cols : 0) + 1;
    s->cand = mem_alloc(cap * sizeof *s->cand);
    if (!s->cand)
        return err_oom("column names");
    for (size_t k = 0; k < nc; k++)
        if (tbl_col_at(s->t, k)->type != COL_GEOM)
            s->cand[s->n_cand++] = tbl_col_at(s->t, k)->name;
    if (s->cat)
        for (size_t k = 0; k < s->cat->n_cols; k++)
            if (tbl_col_by_name(s->t, s->cat->cols[k].column) &&
                !tbl_col_by_name(s->t, s->cat->cols[k].name))
                s->cand[s->n_cand++] = s->cat->cols[k].name;
    return 0;
}

/* Catalog columns marked `fraction: true` (the file holds 0-1, the stable
 * name means a percentage): adds a double column under the stable name
 * holding file value * scale, with the file's missing reasons, so that
 * expressions using the stable name get percentages. A stable name the
 * file already has as a column is left alone (the file's column wins, as
 * in the resolver). Returns 0, or -1 with ERR_MEMORY set. */
static int add_scaled_columns(run_source *s)
{
    size_t n = tbl_nrows(s->t);
    for (size_t k = 0; k < s->cat->n_cols; k++) {
        const cat_column *cc = &s->cat->cols[k];
        if (cc->scale == 1 || tbl_col_by_name(s->t, cc->name))
            continue;
        const tbl_col *src = tbl_col_by_name(s->t, cc->column);
        if (!src || (src->type != COL_DOUBLE && src->type != COL_INT64))
            continue;
        tbl_col *dst = tbl_add_col(s->t, cc->name, COL_DOUBLE);
        if (!dst)
            return -1;
        src = tbl_col_by_name(s->t, cc->column); /* the add may move columns */
        for (size_t r = 0; r < n; r++) {
            miss_reason why;
            double v = col_num(src, r, &why);
            dst->d[r] = why ? 0 : v * cc->scale;
            if (why && col_set_missing(dst, n, r, why) < 0)
                return -1;
        }
    }
    return 0;
}

/* Applies `rename:` of the recipe to the table's columns. */
static int apply_renames(run_source *s)
{
    const rcp_source *rs = s->rs;
    for (size_t k = 0; k < rs->n_rename; k++) {
        long idx = tbl_col_index(s->t, rs->rename[k].from.s);
        if (idx < 0)
            return rcp_error_at(rs->rename[k].from.pos, ERR_RECIPE,
                                "source \"%s\" has no column \"%s\" to rename",
                                rs->name.s, rs->rename[k].from.s);
        long other = tbl_col_index(s->t, rs->rename[k].to.s);
        if (other >= 0 && other != idx)
            return rcp_error_at(rs->rename[k].to.pos, ERR_RECIPE,
                                "source \"%s\" already has a column \"%s\"",
                                rs->name.s, rs->rename[k].to.s);
        if (tbl_rename_col(s->t, (size_t)idx, rs->rename[k].to.s) < 0)
            return -1; /* out of memory */
    }
    return 0;
}

/* Reads source k of the recipe into c->src[k]: the file (or the records
 * file), its checksum, renames, catalog and names. */
static int load_source(run_ctx *c, size_t k)
{
    const rcp *r = c->r;
    run_source *s = &c->src[k];
    const rcp_source *rs = &r->sources[k];
    s->rs = rs;
    if (rs->join.v == RCP_JOIN_SPATIAL)
        return rcp_error_at(rs->join.pos, ERR_RECIPE,
                            "source \"%s\": spatial joins are not "
                            "supported yet; give a key column with "
                            "region codes", rs->name.s);
    if (rs->records.v) {
        if (run_records_read(c, s) < 0) {
            err_prefix("source \"%s\" (recipe %s:%ld)", rs->name.s,
                       rs->path.pos.file ? rs->path.pos.file : "",
                       rs->path.pos.line);
            return -1;
        }
    } else {
    src_options so;
    src_options_init(&so);
    rcp_source_options(r, rs, &so);
    char spec[4608];
    if (rs->layer.s)
        snprintf(spec, sizeof spec, "%s#%s", rs->resolved, rs->layer.s);
    else
        snprintf(spec, sizeof spec, "%s", rs->resolved);
    s->t = src_read(spec, &so);
    if (!s->t) {
        err_prefix("source \"%s\" (recipe %s:%ld)", rs->name.s,
                   rs->path.pos.file ? rs->path.pos.file : "",
                   rs->path.pos.line);
        return -1;
    }
    }
    char plain[4096];
    src_split_layer(rs->resolved, plain, sizeof plain);
    if (strncmp(plain, "/vsi", 4) != 0 &&
        fmemo_digests(plain, NULL, s->sha256) < 0)
        return -1;
    if (apply_renames(s) < 0)
        return -1;
    if (rs->catalog.s) {
        char cpath[4096];
        size_t cl = strlen(rs->catalog.s);
        if (cl > 5 && !strcmp(rs->catalog.s + cl - 5, ".yaml") &&
            rs->catalog.s[0] != '/' && rcp_given(rs->catalog.pos) &&
            rs->catalog.pos.line > 0)
            snprintf(cpath, sizeof cpath, "%s/%s", r->dir, rs->catalog.s);
        else
            snprintf(cpath, sizeof cpath, "%s", rs->catalog.s);
        s->cat = catalog_load(cpath);
        if (!s->cat)
            return run_error_here(rs->catalog.pos, "catalog");
        if (add_scaled_columns(s) < 0)
            return -1;
    }
    if (run_source_candidates(s) < 0)
        return -1;
    size_t nc = tbl_ncols(s->t);
    s->gd = mem_calloc(nc ? nc : 1, sizeof *s->gd);
    s->gm = mem_calloc(nc ? nc : 1, sizeof *s->gm);
    s->gc = mem_calloc(nc ? nc : 1, sizeof *s->gc);
    s->rd = mem_calloc(nc ? nc : 1, sizeof *s->rd);
    if (!s->gd || !s->gm || !s->gc || !s->rd)
        return err_oom("source columns");
    s->n_gcols = nc ? nc : 1;
    if (rs->geometry.v) {
        if (!tbl_geom(s->t))
            return rcp_error_at(rs->geometry.pos, ERR_RECIPE,
                                "source \"%s\" is marked as geometry "
                                "source, but %s has no geometry",
                                rs->name.s, rs->resolved);
        c->geom_src = (long)k;
    }
    s->rows_kept = tbl_nrows(s->t);
    return 0;
}

int run_load_sources(run_ctx *c)
{
    const rcp *r = c->r;
    c->src = mem_calloc(r->n_sources ? r->n_sources : 1, sizeof *c->src);
    if (!c->src)
        return err_oom("sources");
    c->n_src = r->n_sources;
    c->geom_src = -1;
    c->src_names = mem_alloc((r->n_sources ? r->n_sources : 1) * sizeof *c->src_names);
    if (!c->src_names)
        return err_oom("sources");
    for (size_t k = 0; k < r->n_sources; k++)
        c->src_names[k] = r->sources[k].name.s;
    for (size_t k = 0; k < r->n_sources; k++) {
        if (load_source(c, k) < 0)
            return -1;
        if (c->opt->progress)
            c->opt->progress(c->opt->progress_ud, "bronnen", k + 1,
                             r->n_sources);
    }
    return 0;
}

/* Evaluates a source's `filter:` over its own rows into s->keep. */
int run_apply_filter(run_ctx *c, run_source *s)
{
    if (s->rs->n_conds)
        return run_apply_conditions(c, s);
    if (!s->rs->filter.s)
        return 0;
    expr_resolver res;
    run_source_resolver(c, s, &res);
    expr *e = run_compile(&s->rs->filter, &res);
    if (!e)
        return -1;
    if (expr_result_type(e) != EXPR_T_BOOL) {
        expr_free(e);
        return rcp_error_at(s->rs->filter.pos, ERR_RECIPE,
                            "the filter of source \"%s\" must be a condition "
                            "(for example WATER == 'NEE'), not a number",
                            s->rs->name.s);
    }
    size_t n = tbl_nrows(s->t);
    double *v = mem_alloc((n ? n : 1) * sizeof *v);
    uint8_t *m = mem_alloc(n ? n : 1);
    s->keep = mem_alloc(n ? n : 1);
    if (!v || !m || !s->keep) {
        mem_free(v);
        mem_free(m);
        expr_free(e);
        return err_oom("filter");
    }
    int rc = expr_eval(e, &res, n, v, m);
    s->rows_kept = 0;
    for (size_t k = 0; rc == 0 && k < n; k++) {
        s->keep[k] = m[k] == 0 && v[k] != 0;
        s->rows_kept += s->keep[k];
    }
    mem_free(v);
    mem_free(m);
    expr_free(e);
    return rc;
}

static int index_source(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    if (run_apply_filter(c, s) < 0)
        return -1;
    if (rs->join.v == RCP_JOIN_OVERLAY) { /* overlaid once units are known */
        s->level = c->unit_level;
        return 0;
    }
    if (rs->key_names.n) { /* indexed once the units are known */
        s->level = c->unit_level;
        if (rs->level.v != RCP_LEVEL_AUTO &&
            rcp_level_key(rs->level.v) != c->unit_level)
            return rcp_error_at(rs->level.pos, ERR_RECIPE,
                                "source \"%s\" is joined by names, which "
                                "works at the recipe's unit (%s) only",
                                rs->name.s, key_level_name(c->unit_level));
        return 0;
    }
    const tbl_col *kc = tbl_col_by_name(s->t, rs->key.s);
    if (!kc) {
        const char *best[3];
        size_t nb = expr_suggest(rs->key.s, s->cand, s->n_cand, best, 3);
        return rcp_error_at(rs->key.pos, ERR_RECIPE,
                            "source \"%s\" (%s) has no column \"%s\"%s%s%s",
                            rs->name.s, rs->resolved, rs->key.s,
                            nb ? err_tr("; did you mean \"") : "", nb ? best[0] : "",
                            nb ? "\"?" : "");
    }
    key_level hint = rcp_level_key(rs->level.v);
    s->ix = keyidx_build(kc, tbl_nrows(s->t), hint, s->keep, &s->kst);
    if (!s->ix) {
        err_prefix("source \"%s\"", rs->name.s);
        return -1;
    }
    s->level = hint != KEY_INVALID ? hint : s->kst.main_level;
    if (s->level == KEY_INVALID) {
        char ex[160] = "";
        size_t used = 0;
        for (size_t k = 0; k < s->kst.n_invalid_examples && k < 3; k++)
            used += (size_t)snprintf(ex + used, sizeof ex - used, "%s\"%s\"",
                                     k ? ", " : "", s->kst.invalid_examples[k]);
        return rcp_error_at(rs->key.pos, ERR_JOIN,
                            "the key column \"%s\" of source \"%s\" holds no "
                            "CBS region codes (GM####, WK######, BU########)"
                            "%s%s; is it the right column?",
                            rs->key.s, rs->name.s, ex[0] ? ", e.g. " : "", ex);
    }
    return 0;
}

/* Picks a name column for the units: the recipe's name_column, or a column
 * named like the level's name in CBS files. NULL when none. */
const tbl_col *run_name_column(const run_source *s, key_level l)
{
    const rcp_strlist *kn = &s->rs->key_names;
    if (kn->n && !s->rs->name_column.s && !s->rs->key_via.s &&
        (l == s->level || (l == KEY_GEMEENTE && kn->n > 1))) {
        const tbl_col *col =
            tbl_col_by_name(s->t, kn->s[l == s->level ? kn->n - 1 : 0]);
        if (col && col->type == COL_STRING)
            return col;
    }
    if (s->rs->name_column.s && l == s->level) {
        const tbl_col *col = tbl_col_by_name(s->t, s->rs->name_column.s);
        return col && col->type == COL_STRING ? col : NULL;
    }
    static const char *const names[4][6] = {
        {NULL},
        {"gemeentenaam", "GM_NAAM", "gm_naam", "GMN", "statnaam", "naam"},
        {"wijknaam", "WK_NAAM", "wk_naam", "WKN", "statnaam", "naam"},
        {"buurtnaam", "BU_NAAM", "bu_naam", "BUN", "statnaam", "naam"}};
    for (int k = 0; k < 6 && names[l][k]; k++) {
        /* statnaam and naam name the source's own level only (a buurt
         * file's naam is the buurt's name, not its wijk's); a source whose
         * names the recipe gives (name_column) does not use them at all */
        if (k >= 4 && (s->rs->name_column.s || l != s->level))
            break;
        const tbl_col *col = tbl_col_by_name(s->t, names[l][k]);
        if (col && col->type == COL_STRING)
            return col;
    }
    return NULL;
}

/* area: {province: X}: every gemeente of province X in the table of the
 * recipe's year (the newest when none is given). */
static int run_province_area(run_ctx *c)
{
    region_table *rt = regions_load((int)c->r->year.v);
    if (!rt)
        return -1;
    char pv[8];
    int rc = regions_province(rt, c->r->area_province.s, pv, NULL);
    if (rc < 0) {
        err_info e = *err_get();
        rc = rcp_error_at(c->r->area_province.pos, ERR_RECIPE, "%s", e.message);
    }
    const char **codes = NULL;
    size_t n = 0;
    if (rc == 0 && !(codes = regions_gemeenten_of(rt, pv, &n)))
        rc = -1;
    /* own copies: the table goes away */
    if (rc == 0) {
        c->province_area = mem_alloc((n ? n : 1) * (sizeof(char *) + KEY_MAX));
        if (!c->province_area)
            rc = err_oom("province area");
    }
    if (rc == 0) {
        char *blob = (char *)(c->province_area + n);
        for (size_t k = 0; k < n; k++) {
            memcpy(blob + k * KEY_MAX, codes[k], KEY_MAX);
            c->province_area[k] = blob + k * KEY_MAX;
        }
        c->area = (const char **)c->province_area;
        c->n_area = n;
    }
    mem_free(codes);
    regions_free(rt);
    return rc;
}

int run_index_sources(run_ctx *c)
{
    for (size_t k = 0; k < c->n_src; k++)
        if (!c->src[k].rs->records.v && index_source(c, &c->src[k]) < 0)
            return -1;
    return 0;
}

int run_borrow_sources(run_ctx *c, const run_ctx *from)
{
    c->n_src = from->n_src;
    c->geom_src = from->geom_src;
    c->src = mem_calloc(c->n_src ? c->n_src : 1, sizeof *c->src);
    c->src_names = mem_alloc((c->n_src ? c->n_src : 1) * sizeof *c->src_names);
    if (!c->src || !c->src_names) {
        c->n_src = 0;
        return err_oom("sources");
    }
    for (size_t k = 0; k < c->n_src; k++) {
        c->src_names[k] = from->src_names[k];
        run_source *s = &c->src[k];
        if (from->src[k].rs->records.v) {
            /* records sources become per-unit counts in each run: every
               run reads its own (they are small municipal files) */
            if (load_source(c, k) < 0)
                return -1;
            continue;
        }
        *s = from->src[k];
        s->borrowed = 1;
        s->joined = 0;
        memset(&s->j, 0, sizeof s->j);
        s->gd = NULL;
        s->gm = NULL;
        s->gc = NULL;
        s->rd = NULL;
        size_t nc = tbl_ncols(s->t);
        s->gd = mem_calloc(nc ? nc : 1, sizeof *s->gd);
        s->gm = mem_calloc(nc ? nc : 1, sizeof *s->gm);
        s->gc = mem_calloc(nc ? nc : 1, sizeof *s->gc);
        s->rd = mem_calloc(nc ? nc : 1, sizeof *s->rd);
        s->n_gcols = nc ? nc : 1;
        if (!s->gd || !s->gm || !s->gc || !s->rd)
            return err_oom("source columns");
    }
    return 0;
}

/* Issue 11 item 4: every area code must contain at least one unit of the
 * unit source; a code that matches none (a typo such as GM0493 for GM0439)
 * is an error at its position in the recipe, naming the nearest code that
 * exists at that level and, where the source has one, its name. Returns 0,
 * or -1 with an ERR_RECIPE error (ERR_MEMORY on OOM). */
static int check_area_codes(run_ctx *c, const run_source *us)
{
    size_t n = tbl_nrows(us->t);
    for (size_t k = 0; k < c->n_area; k++) {
        const char *want = c->area[k];
        key_level al = key_level_of(want);
        int hit = 0;
        for (size_t r = 0; r < n && !hit; r++)
            if (keyidx_level_of(us->ix, r) == c->unit_level &&
                key_in_area(keyidx_code_of(us->ix, r), &want, 1))
                hit = 1;
        if (hit)
            continue;
        /* the codes at the area code's level that do exist */
        strmap *seen = strmap_new(STRMAP_COPY, 64, "area codes");
        if (!seen)
            return -1;
        for (size_t r = 0; r < n && al != KEY_INVALID; r++) {
            char anc[KEY_MAX];
            if (keyidx_level_of(us->ix, r) != c->unit_level ||
                key_parent(keyidx_code_of(us->ix, r), al, anc) != 0)
                continue;
            int64_t id = strmap_upsert(seen, anc, strlen(anc), NULL);
            if (id < 0) {
                strmap_free(seen);
                return -1;
            }
            strmap_val_of(seen, id)->i = (int64_t)r;
        }
        size_t nc = strmap_count(seen);
        const char **cands = mem_alloc((nc ? nc : 1) * sizeof *cands);
        if (!cands) {
            strmap_free(seen);
            return err_oom("area codes");
        }
        for (int64_t id = 0; id < strmap_end(seen); id++)
            cands[id] = strmap_key(seen, id, NULL);
        const char *best = NULL;
        size_t nb = strdist_nearest(want, cands, nc, 1, &best);
        char hint[400] = "";
        if (nb) {
            int64_t row = strmap_get_i(seen, best, strlen(best), -1);
            const tbl_col *nmc = run_name_column(us, al);
            const char *nm = nmc && row >= 0 ? col_str(nmc, (size_t)row) : NULL;
            snprintf(hint, sizeof hint, err_tr("; did you mean %s%s%s%s?"), best,
                     nm ? " (" : "", nm ? nm : "", nm ? ")" : "");
        }
        /* the code's own position when it comes from the recipe's list
         * (not from --area, a province or compare) */
        int listed = c->area == (const char **)c->r->area.s &&
                     k < c->r->area.n && c->r->area.at;
        rcp_pos at = listed && c->r->area.at[k].line ? c->r->area.at[k]
                                                     : c->r->area.pos;
        int rc = rcp_error_at(at, ERR_RECIPE,
                              "area code %s contains no %s of source "
                              "\"%s\"%s",
                              want, key_level_name(c->unit_level),
                              us->rs->name.s, hint);
        mem_free(cands);
        strmap_free(seen);
        return rc;
    }
    return 0;
}

int run_build_units(run_ctx *c)
{
    c->unit_level = rcp_level_key(c->r->unit.v);
    c->area = (const char **)c->r->area.s;
    c->n_area = c->r->area.n;
    if (c->opt->area) {
        c->area = (const char **)c->opt->area;
        c->n_area = c->opt->n_area;
    } else if (c->r->area_province.s && run_province_area(c) < 0) {
        return -1;
    }
    /* the unit source: the geometry source, else the first at unit level
     * with codes, else the first joined by names */
    c->unit_src = -1;
    if (c->geom_src >= 0 && c->src[c->geom_src].level == c->unit_level)
        c->unit_src = c->geom_src;
    for (size_t k = 0; k < c->n_src && c->unit_src < 0; k++)
        if (c->src[k].level == c->unit_level && !c->src[k].rs->key_names.n &&
            c->src[k].rs->join.v != RCP_JOIN_OVERLAY)
            c->unit_src = (long)k;
    for (size_t k = 0; k < c->n_src && c->unit_src < 0; k++)
        if (c->src[k].rs->key_names.n && !c->src[k].rs->key_via.s &&
            c->src[k].rs->join.v != RCP_JOIN_OVERLAY)
            c->unit_src = (long)k;
    if (c->unit_src >= 0 && c->src[c->unit_src].rs->key_names.n &&
        run_names_synth_codes(c, &c->src[c->unit_src]) < 0)
        return -1;
    if (c->geom_src >= 0 && c->src[c->geom_src].level != c->unit_level)
        return rcp_error_at(c->src[c->geom_src].rs->geometry.pos, ERR_RECIPE,
                            "the geometry source \"%s\" holds %s, but the "
                            "recipe's unit is %s; give geometry at the unit's "
                            "level",
                            c->src[c->geom_src].rs->name.s,
                            key_level_plural(c->src[c->geom_src].level),
                            key_level_name(c->unit_level));
    if (c->unit_src < 0)
        return rcp_error_at(c->r->unit.pos, ERR_RECIPE,
                            "no source holds %s codes, so there are no units "
                            "to compute (the sources are at other levels)",
                            key_level_name(c->unit_level));
    run_source *us = &c->src[c->unit_src];
    size_t n = tbl_nrows(us->t);
    c->units = mem_alloc((n ? n : 1) * KEY_MAX);
    c->unit_row = mem_alloc((n ? n : 1) * sizeof *c->unit_row);
    c->unit_names = mem_calloc(n ? n : 1, sizeof *c->unit_names);
    if (!c->units || !c->unit_row || !c->unit_names)
        return err_oom("units");
    if (us->rs->name_column.s) {
        const tbl_col *given = tbl_col_by_name(us->t, us->rs->name_column.s);
        if (!given || given->type != COL_STRING) {
            const char *best[1];
            size_t nb = given ? 0 : expr_suggest(us->rs->name_column.s, us->cand,
                                                 us->n_cand, best, 1);
            return rcp_error_at(us->rs->name_column.pos, ERR_RECIPE,
                                "name_column \"%s\" of source \"%s\" %s%s%s%s",
                                us->rs->name_column.s, us->rs->name.s,
                                given ? err_tr("is not a text column; give "
                                               "the column with the names")
                                      : err_tr("does not exist"),
                                nb ? err_tr("; did you mean \"") : "", nb ? best[0] : "",
                                nb ? "\"?" : "");
        }
    }
    if (check_area_codes(c, us) < 0)
        return -1;
    const tbl_col *nc = run_name_column(us, c->unit_level);
    for (size_t r = 0; r < n; r++) {
        if (keyidx_level_of(us->ix, r) != c->unit_level)
            continue;
        const char *code = keyidx_code_of(us->ix, r);
        if (keyidx_find(us->ix, code) != (int64_t)r) /* duplicate */
            continue;
        if (!key_in_area(code, c->area, c->n_area))
            continue;
        memcpy(c->units[c->n_units], code, KEY_MAX);
        c->unit_row[c->n_units] = (int64_t)r;
        const char *nm = nc ? col_str(nc, r) : NULL;
        c->unit_names[c->n_units] = mem_strdup(nm ? nm : code);
        if (!c->unit_names[c->n_units])
            return err_oom("unit names");
        c->n_units++;
    }
    if (c->n_units == 0) {
        if (c->n_area)
            return rcp_error_at(c->r->area.pos, ERR_RECIPE,
                                "no %s of source \"%s\" lie in the area %s%s",
                                key_level_plural(c->unit_level), us->rs->name.s,
                                c->area[0], c->n_area > 1 ? ", ..." : "");
        return rcp_error_at(us->rs->key.pos, ERR_RECIPE,
                            "source \"%s\" has no %s", us->rs->name.s,
                            key_level_plural(c->unit_level));
    }
    for (size_t k = 0; k < c->n_src; k++)
        if ((long)k != c->unit_src && c->src[k].rs->key_names.n &&
            run_names_join(c, &c->src[k]) < 0)
            return -1;
    if (c->geom_src >= 0) {
        c->geom = tbl_take(c->src[c->geom_src].t, c->unit_row, c->n_units);
        if (!c->geom)
            return -1;
        for (size_t k = tbl_ncols(c->geom); k-- > 0;)
            if (tbl_col_at(c->geom, k)->type != COL_GEOM)
                tbl_drop_col(c->geom, k);
    }
    for (size_t k = 0; k < c->n_src; k++)
        if (c->src[k].rs->join.v == RCP_JOIN_OVERLAY &&
            run_overlay_source(c, &c->src[k]) < 0)
            return -1;
    /* records are placed in the units now that there are units */
    for (size_t k = 0; k < c->n_src; k++)
        if (c->src[k].rs->records.v && run_records_locate(c, &c->src[k]) < 0)
            return -1;
    return 0;
}

int run_join_sources(run_ctx *c)
{
    for (size_t k = 0; k < c->n_src; k++) {
        run_source *s = &c->src[k];
        if (join_units((const char(*)[KEY_MAX])c->units, c->n_units,
                       c->unit_level, s->ix, &s->kst, s->level,
                       (const char *const *)c->area, c->n_area, &s->j) < 0)
            return -1;
        s->joined = 1;
        if (c->opt->log)
            present_log_source(c->opt->log, present_lang(c->r), s->rs->name.s,
                               tbl_nrows(s->t), s->level, s->j.units_matched,
                               c->n_units, c->unit_level,
                               s->j.n_source_unmatched, s->kst.duplicates);
        if (!c->lenient &&
            join_check(&s->j, c->r->unmatched_max.v, s->rs->name.s,
                       s->rs->resolved) < 0)
            return -1;
    }
    return 0;
}

void run_sources_free(run_ctx *c)
{
    for (size_t k = 0; k < c->n_src; k++) {
        run_source *s = &c->src[k];
        run_source_free_cols(s);
        join_result_free(&s->j);
        mem_free(s->ov_fallback_rows); /* set by each run's overlay */
        if (s->borrowed)
            continue;
        mem_free(s->cand);
        mem_free(s->keep);
        namejoin_free(&s->nj);
        run_records_free(s->rec);
        keyidx_free(s->ix);
        catalog_free(s->cat);
        tbl_free(s->t);
    }
    mem_free(c->src);
    mem_free(c->src_names);
    for (size_t u = 0; u < c->n_units; u++)
        mem_free(c->unit_names[u]);
    MEM_FREE_ALL(c->unit_names, c->province_area, c->units, c->unit_row);
    tbl_free(c->geom);
}
