/* run_records.c - contact records (records: true): reading them, the
 * filter written as a mapping, placing each record in a unit by code, by
 * postcode or by point, and counting records and distinct households per
 * unit. After run_records_locate the source's table holds only those
 * counts per unit, so nothing row-level can reach an output. */
#include "run_internal.h"

#include "datep.h"
#include "err.h"
#include "in_records.h"
#include "mem.h"
#include "pclookup.h"
#include "pip.h"
#include "postcode.h"
#include "recagg.h"
#include "reproj.h"
#include "rowfilter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const reason_names[REC_REASON_COUNT] = {
    "empty_code", "invalid_code", "code_too_coarse", "unknown_code",
    "code_outside_area", "empty_postcode", "invalid_postcode",
    "unknown_postcode", "postcode_outside_area", "no_coordinates",
    "not_transformable", "outside_units"};

/* Dutch words for the run's log and messages, per reason. */
static const char *const reason_nl[REC_REASON_COUNT] = {
    "zonder code", "geen regiocode", "code van een grover niveau",
    "onbekende code", "code buiten het gebied", "zonder postcode",
    "geen postcode", "onbekende postcode", "postcode buiten het gebied",
    "zonder coördinaten", "coördinaten niet om te rekenen",
    "buiten alle eenheden"};

static const char *const reason_en[REC_REASON_COUNT] = {
    "without a code", "not a region code", "a code of a coarser level",
    "an unknown code", "a code outside the area", "without a postcode",
    "not a postcode", "an unknown postcode", "a postcode outside the area",
    "without coordinates", "coordinates that cannot be transformed",
    "outside every unit"};

void run_records_free(run_records *r)
{
    if (!r)
        return;
    MEM_FREE_ALL(r->file, r->line, r);
}

int run_records_read(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    src_options so;
    src_options_init(&so);
    rcp_source_options(c->r, rs, &so);
    so.target_crs = ""; /* the records' own CRS; geometry is not used */
    char spec[4608];
    if (rs->layer.s)
        snprintf(spec, sizeof spec, "%s#%s", rs->resolved, rs->layer.s);
    else
        snprintf(spec, sizeof spec, "%s", rs->resolved);
    s->rec = mem_calloc(1, sizeof *s->rec);
    if (!s->rec)
        return err_oom("records");
    recfile f;
    if (recfile_read(spec, &so, &f) < 0)
        return -1;
    s->t = f.t;
    s->rec->file = f.file;
    s->rec->line = f.line;
    s->rec->header_line = f.header_line;
    s->rec->examples_are_features = f.line == NULL;
    s->rec->read = tbl_nrows(f.t);
    return 0;
}

/* A recfile view of a records source (borrowing its table and lines). */
static recfile view_of(const run_source *s)
{
    recfile f;
    f.file = s->rec->file;
    f.t = s->t;
    f.line = s->rec->line;
    f.header_line = s->rec->header_line;
    return f;
}

/* The table column a filter condition names: the column itself, or the
 * column type:/date: name when the condition says "type"/"date". */
static const tbl_col *cond_column(const run_source *s, const rcp_rowcond *rc)
{
    const tbl_col *col = tbl_col_by_name(s->t, rc->column.s);
    if (col && col->type != COL_GEOM)
        return col;
    if (!strcmp(rc->column.s, "type") && s->rs->type.s)
        return tbl_col_by_name(s->t, s->rs->type.s);
    if (!strcmp(rc->column.s, "date") && s->rs->date.s)
        return tbl_col_by_name(s->t, s->rs->date.s);
    return NULL;
}

int run_apply_conditions(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    if (rs->n_conds == 0)
        return 0;
    size_t n = tbl_nrows(s->t);
    rowfilter_cond *conds = mem_calloc(rs->n_conds, sizeof *conds);
    if (!conds)
        return err_oom("filter");
    for (size_t k = 0; k < rs->n_conds; k++) {
        const rcp_rowcond *rc = &rs->conds[k];
        const tbl_col *col = cond_column(s, rc);
        if (!col) {
            const char *best[1];
            size_t nb = expr_suggest(rc->column.s, s->cand, s->n_cand, best, 1);
            mem_free(conds);
            return rcp_error_at(rc->column.pos, ERR_RECIPE,
                                "the filter of source \"%s\" names column "
                                "\"%s\", which %s does not have%s%s%s",
                                rs->name.s, rc->column.s, rs->resolved,
                                nb ? err_tr("; did you mean \"") : "",
                                nb ? best[0] : "", nb ? "\"?" : "");
        }
        conds[k].col = col;
        conds[k].kind = rc->is_range ? RF_DATE_RANGE : RF_EQUALS;
        conds[k].values = (const char *const *)rc->values.s;
        conds[k].n_values = rc->values.n;
        conds[k].has_from = rc->has_from;
        conds[k].has_to = rc->has_to;
        conds[k].from = rc->from;
        conds[k].to = rc->to;
    }
    if (!s->keep) {
        s->keep = mem_alloc(n ? n : 1);
        if (!s->keep) {
            mem_free(conds);
            return err_oom("filter");
        }
        memset(s->keep, 1, n ? n : 1);
    }
    const char *file = s->rec ? s->rec->file : rs->resolved;
    const long *lines = s->rec ? s->rec->line : NULL;
    int rc = rowfilter_apply(conds, rs->n_conds, n, file, lines, s->keep);
    mem_free(conds);
    if (rc < 0)
        return -1;
    s->rows_kept = 0;
    for (size_t r = 0; r < n; r++)
        s->rows_kept += s->keep[r];
    return 0;
}

/* ---- units by code ------------------------------------------------------ */

typedef struct {
    char code[KEY_MAX];
    int32_t unit;
} unit_code;

static int by_unit_code(const void *a, const void *b)
{
    return strcmp(((const unit_code *)a)->code, ((const unit_code *)b)->code);
}

/* Sorted codes of the run's units, for bsearch (caller frees). */
static unit_code *unit_codes(const run_ctx *c)
{
    unit_code *uc = mem_alloc((c->n_units ? c->n_units : 1) * sizeof *uc);
    if (!uc) {
        err_oom("unit codes");
        return NULL;
    }
    for (size_t u = 0; u < c->n_units; u++) {
        memcpy(uc[u].code, c->units[u], KEY_MAX);
        uc[u].unit = (int32_t)u;
    }
    qsort(uc, c->n_units, sizeof *uc, by_unit_code);
    return uc;
}

/* The unit holding canonical code (at the unit level or finer), or -1 with
 * *why the reason. */
static int32_t unit_of_code(const run_ctx *c, const unit_code *uc,
                            const char *code, key_level lvl, rec_reason *why)
{
    char parent[KEY_MAX];
    if (lvl == KEY_INVALID) {
        *why = REC_INVALID_CODE;
        return -1;
    }
    if (lvl < c->unit_level || key_parent(code, c->unit_level, parent) < 0) {
        *why = REC_CODE_TOO_COARSE;
        return -1;
    }
    unit_code want;
    memcpy(want.code, parent, KEY_MAX);
    const unit_code *hit = bsearch(&want, uc, c->n_units, sizeof *uc,
                                   by_unit_code);
    if (hit)
        return hit->unit;
    *why = c->n_area && !key_in_area(parent, (const char *const *)c->area,
                                     c->n_area)
               ? REC_CODE_OUTSIDE_AREA
               : REC_UNKNOWN_CODE;
    return -1;
}

/* Places records by the region code in column key:. unit[r] = -1 and
 * why[r] = reason where it fails. */
static int locate_by_key(run_ctx *c, run_source *s, const tbl_col *kc,
                         int32_t *unit, uint8_t *why)
{
    unit_code *uc = unit_codes(c);
    if (!uc)
        return -1;
    key_level hint = KEY_INVALID;
    switch (s->rs->level.v) {
    case RCP_BUURT: hint = KEY_BUURT; break;
    case RCP_WIJK: hint = KEY_WIJK; break;
    case RCP_GEMEENTE: hint = KEY_GEMEENTE; break;
    default: break;
    }
    size_t n = tbl_nrows(s->t);
    /* a text column: each distinct code once */
    int32_t *dict_unit = NULL;
    uint8_t *dict_why = NULL;
    if (kc->type == COL_STRING) {
        size_t nd = kc->n_dict ? kc->n_dict : 1;
        dict_unit = mem_alloc(nd * sizeof *dict_unit);
        dict_why = mem_alloc(nd);
        if (!dict_unit || !dict_why) {
            MEM_FREE_ALL(dict_unit, dict_why, uc);
            return err_oom("records");
        }
        for (uint32_t k = 0; k < kc->n_dict; k++) {
            const char *t = col_dict(kc, k);
            char code[KEY_MAX];
            rec_reason w = REC_REASON_COUNT; /* located */
            key_level l = key_normalise(t, strlen(t), hint, code, NULL);
            dict_unit[k] = unit_of_code(c, uc, code, l, &w);
            if (!t[strspn(t, " \t")])
                w = REC_EMPTY_CODE;
            dict_why[k] = (uint8_t)w;
        }
    }
    for (size_t r = 0; r < n; r++) {
        if (s->keep && !s->keep[r])
            continue;
        if (kc->type == COL_STRING) {
            int32_t k = kc->codes[r];
            unit[r] = k < 0 ? -1 : dict_unit[k];
            why[r] = k < 0 ? REC_EMPTY_CODE : dict_why[k];
            continue;
        }
        char buf[40], code[KEY_MAX];
        const char *t = col_code_text(kc, r, buf, sizeof buf);
        rec_reason w = REC_REASON_COUNT; /* located */
        if (!*t) {
            unit[r] = -1;
            w = REC_EMPTY_CODE;
        } else {
            key_level l = key_normalise(t, strlen(t), hint, code, NULL);
            unit[r] = unit_of_code(c, uc, code, l, &w);
        }
        why[r] = (uint8_t)w;
    }
    MEM_FREE_ALL(dict_unit, dict_why, uc);
    return 0;
}

/* ---- by postcode -------------------------------------------------------- */

/* Where one postcode of the lookup goes: parts [off[k], off[k+1]) of
 * p_unit/p_w; no parts: it lies outside the units. */
typedef struct {
    size_t *off;
    int32_t *p_unit;
    double *p_w;
} pc_alloc;

/* A candidate unit of one postcode while allocating. */
typedef struct {
    const char *code; /* the unit's code, or the lookup code outside */
    int32_t unit;     /* -1 outside the units */
    double w;
} pc_cand;

static int by_cand_code(const void *a, const void *b)
{
    return strcmp(((const pc_cand *)a)->code, ((const pc_cand *)b)->code);
}

/* Works out per postcode of L where its records go: the unit with most
 * addresses (ties: the lowest code) or every unit by address share. */
static int allocate_postcodes(const run_ctx *c, const pclookup *L,
                              int weighted, pc_alloc *A)
{
    size_t nk = pclookup_nkeys(L), nc = pclookup_ncodes(L);
    unit_code *uc = unit_codes(c);
    int32_t *code_unit = mem_alloc((nc ? nc : 1) * sizeof *code_unit);
    char (*code_parent)[KEY_MAX] = mem_alloc((nc ? nc : 1) * KEY_MAX);
    pc_cand *cand = mem_alloc((nc ? nc : 1) * sizeof *cand);
    A->off = mem_alloc((nk + 1) * sizeof *A->off);
    /* at most one part per lookup entry */
    size_t cap = 0;
    for (size_t k = 0; k < nk; k++) {
        const int32_t *codes;
        const double *w;
        cap += pclookup_find(L, pclookup_key_at(L, k), &codes, &w);
    }
    A->p_unit = mem_alloc((cap ? cap : 1) * sizeof *A->p_unit);
    A->p_w = mem_alloc((cap ? cap : 1) * sizeof *A->p_w);
    int rc = -1;
    if (!uc || !code_unit || !code_parent || !cand || !A->off || !A->p_unit ||
        !A->p_w) {
        err_oom("postcode allocation");
        goto done;
    }
    for (size_t k = 0; k < nc; k++) {
        const char *code = pclookup_code(L, k);
        rec_reason why;
        code_unit[k] = unit_of_code(c, uc, code, key_level_of(code), &why);
        if (key_parent(code, c->unit_level, code_parent[k]) < 0)
            memcpy(code_parent[k], code, KEY_MAX);
    }
    size_t np = 0;
    for (size_t k = 0; k < nk; k++) {
        A->off[k] = np;
        const int32_t *codes;
        const double *w;
        size_t n = pclookup_find(L, pclookup_key_at(L, k), &codes, &w);
        /* sum per unit (or per outside code at the unit's level) */
        size_t m = 0;
        double total = 0;
        for (size_t j = 0; j < n; j++) {
            total += w[j];
            const char *key = code_unit[codes[j]] >= 0
                                  ? c->units[code_unit[codes[j]]]
                                  : code_parent[codes[j]];
            size_t i = 0;
            while (i < m && strcmp(cand[i].code, key) != 0)
                i++;
            if (i == m) {
                cand[m].code = key;
                cand[m].unit = code_unit[codes[j]];
                cand[m].w = 0;
                m++;
            }
            cand[i].w += w[j];
        }
        qsort(cand, m, sizeof *cand, by_cand_code);
        if (weighted) {
            for (size_t i = 0; i < m; i++)
                if (cand[i].unit >= 0 && cand[i].w > 0 && total > 0) {
                    A->p_unit[np] = cand[i].unit;
                    A->p_w[np] = cand[i].w / total;
                    np++;
                }
        } else {
            size_t best = 0;
            for (size_t i = 1; i < m; i++)
                if (cand[i].w > cand[best].w)
                    best = i; /* strictly more: ties keep the lowest code */
            if (m > 0 && cand[best].unit >= 0) {
                A->p_unit[np] = cand[best].unit;
                A->p_w[np] = 1.0;
                np++;
            }
        }
    }
    A->off[nk] = np;
    rc = 0;
done:
    MEM_FREE_ALL(uc, code_unit, code_parent, cand);
    return rc;
}

static void pc_alloc_free(pc_alloc *A)
{
    MEM_FREE_ALL(A->off, A->p_unit, A->p_w);
}

/* Places records by postcode through the lookup table. The parts of
 * record r go to [off[r], off[r + 1]) of the unit and weight arrays (all
 * three allocated here, for the caller to free). */
static int locate_by_postcode(run_ctx *c, run_source *s, const tbl_col *pc,
                              size_t **off_out, int32_t **unit_out,
                              double **w_out, uint8_t *why)
{
    const rcp_location *l = &s->rs->location;
    pclookup *L = pclookup_load(l->lookup_resolved, NULL, l->lookup_postcode.s,
                                l->lookup_code.s, l->lookup_weight.s);
    if (!L)
        return -1;
    s->rec->lookup_rows = pclookup_rows(L);
    pc_alloc A = {0};
    size_t n = tbl_nrows(s->t);
    long *dict_key = NULL;
    size_t *off = mem_alloc((n + 1) * sizeof *off);
    int rc = -1;
    if (!off || allocate_postcodes(c, L, l->allocate.v == RCP_ALLOC_WEIGHTED,
                                   &A) < 0) {
        if (!off)
            err_oom("records");
        goto done;
    }
    /* per distinct text: the lookup index, or -1 - reason */
    size_t nd = pc->type == COL_STRING && pc->n_dict ? pc->n_dict : 1;
    dict_key = mem_alloc(nd * sizeof *dict_key);
    if (!dict_key) {
        err_oom("records");
        goto done;
    }
    if (pc->type == COL_STRING)
        for (uint32_t k = 0; k < pc->n_dict; k++) {
            const char *t = col_dict(pc, k);
            int32_t key = postcode_key(t, strlen(t));
            long ix = key >= 0 ? pclookup_index(L, key) : -1;
            dict_key[k] = key == PC_EMPTY     ? -1 - REC_EMPTY_POSTCODE
                          : key == PC_INVALID ? -1 - REC_INVALID_POSTCODE
                          : ix < 0            ? -1 - REC_UNKNOWN_POSTCODE
                                              : ix;
        }
    /* first pass: the lookup index per record, and the parts it takes */
    size_t np = 0;
    for (size_t r = 0; r < n; r++) {
        off[r] = np;
        long ix;
        if (s->keep && !s->keep[r]) {
            ix = -1 - REC_REASON_COUNT; /* filtered out */
        } else if (pc->type == COL_STRING) {
            ix = pc->codes[r] < 0 ? -1 - REC_EMPTY_POSTCODE
                                  : dict_key[pc->codes[r]];
        } else {
            char buf[40];
            const char *t = col_code_text(pc, r, buf, sizeof buf);
            int32_t key = postcode_key(t, strlen(t));
            long li = key >= 0 ? pclookup_index(L, key) : -1;
            ix = key == PC_EMPTY     ? -1 - REC_EMPTY_POSTCODE
                 : key == PC_INVALID ? -1 - REC_INVALID_POSTCODE
                 : li < 0            ? -1 - REC_UNKNOWN_POSTCODE
                                     : li;
        }
        if (ix >= 0) {
            size_t parts = A.off[ix + 1] - A.off[ix];
            if (parts == 0)
                why[r] = REC_POSTCODE_OUTSIDE_AREA;
            np += parts;
        } else if (ix > -1 - REC_REASON_COUNT) {
            why[r] = (uint8_t)(-1 - ix);
        }
        /* keep the lookup index for the second pass in off's slot */
        off[r] = ix >= 0 ? (size_t)ix : (size_t)-1;
    }
    int32_t *p_unit = mem_alloc((np ? np : 1) * sizeof *p_unit);
    double *p_w = mem_alloc((np ? np : 1) * sizeof *p_w);
    if (!p_unit || !p_w) {
        MEM_FREE_ALL(p_unit, p_w);
        err_oom("records");
        goto done;
    }
    size_t at = 0;
    for (size_t r = 0; r < n; r++) {
        size_t ix = off[r];
        off[r] = at;
        if (ix == (size_t)-1)
            continue;
        for (size_t p = A.off[ix]; p < A.off[ix + 1]; p++) {
            p_unit[at] = A.p_unit[p];
            p_w[at] = A.p_w[p];
            at++;
        }
    }
    off[n] = at;
    *off_out = off;
    *unit_out = p_unit;
    *w_out = p_w;
    off = NULL;
    rc = 0;
done:
    mem_free(off);
    mem_free(dict_key);
    pc_alloc_free(&A);
    pclookup_free(L);
    return rc;
}

/* ---- by point ------------------------------------------------------------ */

/* Counts of coordinates that look like a wrong CRS. */
typedef struct {
    size_t finite, swapped, rd_as_degrees, degrees_as_rd;
} crs_hints;

/* 1 when crs names geographic WGS84 degrees (as the recipe writes it). */
static int crs_is_degrees(const char *crs)
{
    return strstr(crs, "4326") || strcasestr(crs, "CRS84") ||
           strcasestr(crs, "WGS84") || strcasestr(crs, "WGS 84");
}

static void look_at_coordinates(const double *xy, size_t n, const char *crs,
                                crs_hints *h)
{
    int deg = crs_is_degrees(crs);
    int rd = strstr(crs, "28992") != NULL;
    memset(h, 0, sizeof *h);
    for (size_t k = 0; k < n; k++) {
        double x = xy[2 * k], y = xy[2 * k + 1];
        if (!isfinite(x) || !isfinite(y))
            continue;
        h->finite++;
        if (deg && x >= 50.0 && x <= 54.0 && y >= 3.0 && y <= 7.6)
            h->swapped++;
        if (deg && x >= -7000 && x <= 300000 && y >= 289000 && y <= 629000)
            h->rd_as_degrees++;
        if (rd && fabs(x) <= 180 && fabs(y) <= 90)
            h->degrees_as_rd++;
    }
}

/* Places records by their coordinates in the unit polygons. */
static int locate_by_point(run_ctx *c, run_source *s, const tbl_col *xc,
                           const tbl_col *yc, int32_t *unit, uint8_t *why,
                           crs_hints *hints)
{
    const rcp_location *l = &s->rs->location;
    if (!c->geom || !tbl_geom(c->geom))
        return rcp_error_at(l->x.pos, ERR_RECIPE,
                            "source \"%s\" places records by coordinates, so "
                            "the run needs the polygons of the %s: mark the "
                            "source that has them with geometry: true",
                            s->rs->name.s, key_level_plural(c->unit_level));
    size_t n = tbl_nrows(s->t);
    double *xy = mem_alloc((n ? n : 1) * 2 * sizeof *xy);
    if (!xy)
        return err_oom("coordinates");
    recfile f = view_of(s);
    if (recfile_numbers(&f, xc, "a coordinate (location.x)", xy, 2) < 0 ||
        recfile_numbers(&f, yc, "a coordinate (location.y)", xy + 1, 2) < 0) {
        mem_free(xy);
        return -1;
    }
    for (size_t r = 0; r < n; r++)
        if (s->keep && !s->keep[r])
            xy[2 * r] = xy[2 * r + 1] = NAN;
    look_at_coordinates(xy, n, l->crs.s, hints);
    const tbl_col *g = tbl_geom(c->geom);
    reproj *rp = reproj_acquire(l->crs.s, g->crs ? g->crs : c->r->crs.s);
    if (!rp) {
        const err_info *e = err_get();
        char msg[sizeof e->message];
        snprintf(msg, sizeof msg, "%s", e->message);
        mem_free(xy);
        return rcp_error_at(l->crs.pos, ERR_PROJ,
                            "crs of the location of source \"%s\": %s",
                            s->rs->name.s, msg);
    }
    /* only the finite points go through PROJ */
    size_t m = 0;
    size_t *idx = mem_alloc((n ? n : 1) * sizeof *idx);
    int32_t *row = mem_alloc((n ? n : 1) * sizeof *row);
    pip_index *ix = NULL;
    int rc = -1;
    if (!idx || !row) {
        err_oom("coordinates");
        goto done;
    }
    for (size_t r = 0; r < n; r++) {
        if (s->keep && !s->keep[r])
            continue;
        if (!isfinite(xy[2 * r]) || !isfinite(xy[2 * r + 1])) {
            why[r] = REC_NO_COORDINATES;
            continue;
        }
        xy[2 * m] = xy[2 * r];
        xy[2 * m + 1] = xy[2 * r + 1];
        idx[m++] = r;
    }
    reproj_apply_raw(rp, xy, m, NULL);
    ix = pip_build(g, tbl_nrows(c->geom));
    if (!ix || pip_locate(ix, xy, m, row, 0) < 0)
        goto done;
    for (size_t k = 0; k < m; k++) {
        size_t r = idx[k];
        if (!isfinite(xy[2 * k]) || !isfinite(xy[2 * k + 1]) ||
            fabs(xy[2 * k]) == HUGE_VAL) {
            why[r] = REC_NOT_TRANSFORMABLE;
            continue;
        }
        unit[r] = row[k];
        if (row[k] < 0)
            why[r] = REC_OUTSIDE_UNITS;
    }
    rc = 0;
done:
    reproj_release(rp);
    pip_free(ix);
    MEM_FREE_ALL(idx, row, xy);
    return rc;
}

/* ---- counting and the per-unit table ------------------------------------- */

/* Household keys per record from column hc into hh/ok. */
static void household_keys(const tbl_col *hc, size_t n, int64_t *hh,
                           uint8_t *ok)
{
    for (size_t r = 0; r < n; r++) {
        if (hc->type == COL_STRING) {
            hh[r] = hc->codes[r];
            ok[r] = hc->codes[r] >= 0;
            continue;
        }
        miss_reason why;
        double v = col_num(hc, r, &why);
        ok[r] = why == MISS_NONE && isfinite(v);
        if (v == 0)
            v = 0; /* -0 and 0 are one household */
        memcpy(&hh[r], &v, sizeof v);
    }
}

/* Replaces s->t by the table of counts per unit and indexes it. */
static int install_counts(run_ctx *c, run_source *s, const double *records,
                          const double *households)
{
    size_t n = c->n_units;
    tbl *t = tbl_new(n);
    if (!t)
        return -1;
    tbl_col *code = tbl_add_col(t, "code", COL_STRING);
    tbl_col *rc = code ? tbl_add_col(t, "records", COL_DOUBLE) : NULL;
    tbl_col *hc = rc ? tbl_add_col(t, "households", COL_DOUBLE) : NULL;
    if (!hc) {
        tbl_free(t);
        return -1;
    }
    for (size_t u = 0; u < n; u++) {
        if (col_set_str(code, n, u, c->units[u], strlen(c->units[u])) < 0) {
            tbl_free(t);
            return -1;
        }
        rc->d[u] = records[u];
        hc->d[u] = households[u];
    }
    col_finish(code);
    /* the per-row state of the records table goes with it */
    if (run_source_set_table(s, t) < 0)
        return -1;
    s->cand = mem_alloc(3 * sizeof *s->cand);
    if (!s->cand)
        return err_oom("records");
    for (size_t k = 0; k < 3; k++)
        s->cand[s->n_cand++] = tbl_col_at(t, k)->name;
    s->rows_kept = n;
    s->ix = keyidx_build(code, n, c->unit_level, NULL, &s->kst);
    if (!s->ix)
        return -1;
    s->level = c->unit_level;
    return 0;
}

/* The error when too many records land nowhere: the counts per reason and
 * what the coordinates or codes suggest. */
static int too_many_unlocated(const run_ctx *c, const run_source *s,
                              const crs_hints *h)
{
    const run_records *R = s->rec;
    char why[700] = "";
    size_t used = 0;
    for (int k = 0; k < REC_REASON_COUNT; k++)
        if (R->reason[k] && used < sizeof why)
            used += (size_t)snprintf(why + used, sizeof why - used, "%s%zu %s",
                                     used ? ", " : "", R->reason[k],
                                     reason_en[k]);
    const rcp_location *l = &s->rs->location;
    char hint[500] = "";
    if (h && h->finite && h->swapped * 2 > h->finite)
        snprintf(hint, sizeof hint,
                 "; longitude and latitude look swapped: x (%s) holds "
                 "values between 50 and 54, y (%s) between 3 and 8; swap x: "
                 "and y: in location",
                 l->x.s, l->y.s);
    else if (h && h->finite && h->rd_as_degrees * 2 > h->finite)
        snprintf(hint, sizeof hint,
                 "; the coordinates look like RD New metres (x up to 300000, "
                 "y 289000-629000) but crs says degrees (%s); write crs: "
                 "\"EPSG:28992\"",
                 l->crs.s);
    else if (h && h->finite && h->degrees_as_rd * 2 > h->finite)
        snprintf(hint, sizeof hint,
                 "; the coordinates look like degrees (lon/lat) but crs says "
                 "RD New (%s); write crs: \"EPSG:4326\"",
                 l->crs.s);
    else if (R->reason[REC_UNKNOWN_POSTCODE] * 2 > R->unlocated)
        snprintf(hint, sizeof hint,
                 "; most postcodes are not in %s: are they postcodes of "
                 "another gemeente than the table covers?",
                 l->lookup.s);
    else if (R->reason[REC_POSTCODE_OUTSIDE_AREA] +
                     R->reason[REC_CODE_OUTSIDE_AREA] >
                 R->unlocated / 2)
        snprintf(hint, sizeof hint,
                 "; most records lie outside the recipe's area: is the area "
                 "right?");
    else if (R->reason[REC_OUTSIDE_UNITS] * 2 > R->unlocated)
        snprintf(hint, sizeof hint,
                 "; most points lie outside every %s of the area: is crs "
                 "right, and do the records belong to this area?",
                 key_level_name(c->unit_level));
    else if (R->reason[REC_UNKNOWN_CODE] * 2 > R->unlocated)
        snprintf(hint, sizeof hint,
                 "; most codes are not among the %s: are they of another "
                 "year's boundaries?",
                 key_level_plural(c->unit_level));
    err_set(ERR_JOIN, R->file, 0, NULL,
            "source \"%s\": %zu of %zu records (%.1f%%) could not be placed "
            "in a %s, more than unlocated_max (%.0f%%): %s%s",
            s->rs->name.s, R->unlocated, R->kept,
            R->kept ? 100.0 * (double)R->unlocated / (double)R->kept : 0.0,
            key_level_name(c->unit_level), 100.0 * s->rs->unlocated_max.v, why,
            hint);
    return -1;
}

int run_records_locate(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    run_records *R = s->rec;
    size_t n = tbl_nrows(s->t);
    recfile f = view_of(s);
    /* every named column first, so a wrong name is reported before work */
    const rcp_location *l = &rs->location;
    const tbl_col *kc = NULL, *pc = NULL, *xc = NULL, *yc = NULL, *hc = NULL;
    if (rs->key.s && !(kc = recfile_column(&f, rs->key.s, "key")))
        return -1;
    if (l->postcode.s &&
        !(pc = recfile_column(&f, l->postcode.s, "location.postcode")))
        return -1;
    if (l->x.s && (!(xc = recfile_column(&f, l->x.s, "location.x")) ||
                   !(yc = recfile_column(&f, l->y.s, "location.y"))))
        return -1;
    if (rs->household.s &&
        !(hc = recfile_column(&f, rs->household.s, "household")))
        return -1;
    if ((rs->type.s && !recfile_column(&f, rs->type.s, "type")) ||
        (rs->date.s && !recfile_column(&f, rs->date.s, "date")))
        return -1;
    if (run_apply_filter(c, s) < 0)
        return -1;
    R->kept = s->keep ? s->rows_kept : n;
    int32_t *unit = mem_alloc((n ? n : 1) * sizeof *unit);
    uint8_t *why = mem_alloc(n ? n : 1);
    size_t *off = NULL;
    int32_t *p_unit = NULL;
    double *p_w = NULL;
    int64_t *hh = NULL;
    uint8_t *hh_ok = NULL;
    double *records = mem_alloc((c->n_units ? c->n_units : 1) * sizeof *records);
    double *households = mem_alloc((c->n_units ? c->n_units : 1) *
                                   sizeof *households);
    crs_hints hints, *h = NULL;
    int rc = -1;
    if (!unit || !why || !records || !households) {
        err_oom("records");
        goto done;
    }
    for (size_t r = 0; r < n; r++) {
        unit[r] = -1;
        why[r] = REC_REASON_COUNT; /* = located (or filtered out) */
    }
    if (kc) {
        R->method = "key";
        if (locate_by_key(c, s, kc, unit, why) < 0)
            goto done;
    } else if (pc) {
        R->method = "postcode";
        if (locate_by_postcode(c, s, pc, &off, &p_unit, &p_w, why) < 0)
            goto done;
    } else {
        R->method = "point";
        h = &hints;
        if (locate_by_point(c, s, xc, yc, unit, why, h) < 0)
            goto done;
    }
    for (size_t r = 0; r < n; r++) {
        if (s->keep && !s->keep[r])
            continue;
        int w = why[r];
        if (w == REC_REASON_COUNT) {
            R->located++;
            continue;
        }
        R->unlocated++;
        R->reason[w]++;
        if (R->n_examples[w] < REC_EXAMPLES)
            R->examples[w][R->n_examples[w]++] =
                R->line ? R->line[r] : (long)r + 1;
    }
    if (hc) {
        hh = mem_alloc((n ? n : 1) * sizeof *hh);
        hh_ok = mem_alloc(n ? n : 1);
        if (!hh || !hh_ok) {
            err_oom("households");
            goto done;
        }
        household_keys(hc, n, hh, hh_ok);
    }
    recagg_input in = {.n_rec = n, .off = off, .unit = off ? p_unit : unit,
                       .w = off ? p_w : NULL, .hh = hh, .hh_ok = hh_ok};
    if (recagg_count(&in, c->n_units, records, households) < 0)
        goto done;
    for (size_t u = 0; u < c->n_units; u++) {
        R->records_sum += records[u];
        R->households_sum += households[u];
    }
    if (c->opt->log) {
        fprintf(c->opt->log,
                "  bron %-10s %6zu contacten, %zu geplaatst per %s, %zu "
                "niet geplaatst",
                rs->name.s, R->read, R->located,
                key_level_name(c->unit_level), R->unlocated);
        if (R->read != R->kept)
            fprintf(c->opt->log, ", %zu weggefilterd", R->read - R->kept);
        int first = 1;
        for (int k = 0; k < REC_REASON_COUNT; k++)
            if (R->reason[k]) {
                fprintf(c->opt->log, "%s%zu %s", first ? " (" : "; ",
                        R->reason[k], reason_nl[k]);
                first = 0;
            }
        fputs(R->unlocated ? ")\n" : "\n", c->opt->log);
    }
    if ((double)R->unlocated > rs->unlocated_max.v * (double)R->kept) {
        too_many_unlocated(c, s, h);
        goto done;
    }
    if (install_counts(c, s, records, households) < 0)
        goto done;
    rc = 0;
done:
    MEM_FREE_ALL(unit, why, off, p_unit, p_w, hh, hh_ok, records, households);
    return rc;
}

void run_records_manifest(jsonw *w, const run_source *s)
{
    const run_records *R = s->rec;
    if (!R)
        return;
    jsonw_kbool(w, "records", 1);
    jsonw_kstr(w, "located_by", R->method);
    if (s->rs->location.lookup.s) {
        jsonw_kstr(w, "lookup", s->rs->location.lookup.s);
        jsonw_kint(w, "lookup_rows", (int64_t)R->lookup_rows);
        jsonw_kstr(w, "allocate", s->rs->location.allocate.v ==
                                          RCP_ALLOC_WEIGHTED
                                      ? "weighted"
                                      : "majority");
    }
    if (s->rs->location.crs.s)
        jsonw_kstr(w, "crs", s->rs->location.crs.s);
    jsonw_kint(w, "records_read", (int64_t)R->read);
    jsonw_kint(w, "records_filtered_out", (int64_t)(R->read - R->kept));
    jsonw_kint(w, "records_located", (int64_t)R->located);
    jsonw_kint(w, "records_unlocated", (int64_t)R->unlocated);
    jsonw_knum(w, "unlocated_max", s->rs->unlocated_max.v);
    jsonw_knum(w, "records_in_units", R->records_sum);
    jsonw_knum(w, "households_in_units", R->households_sum);
    jsonw_key(w, "unlocated_reasons");
    jsonw_arr_begin(w);
    for (int k = 0; k < REC_REASON_COUNT; k++) {
        if (!R->reason[k])
            continue;
        jsonw_obj_begin(w);
        jsonw_kstr(w, "reason", reason_names[k]);
        jsonw_kint(w, "count", (int64_t)R->reason[k]);
        /* where to look, never what the record holds */
        jsonw_key(w, R->examples_are_features ? "example_features"
                                              : "example_lines");
        jsonw_arr_begin(w);
        for (size_t j = 0; j < R->n_examples[k]; j++)
            jsonw_int(w, R->examples[k][j]);
        jsonw_arr_end(w);
        jsonw_obj_end(w);
    }
    jsonw_arr_end(w);
}
