/* tbl.c - columnar tables; see tbl.h. */
#include "tbl.h"

#include "err.h"
#include "mem.h"
#include "strmap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct tbl {
    size_t nrows;
    size_t ncols, cap;
    tbl_col *cols;
    uint8_t *borrowed; /* per column: arrays point into the mapping */
    void *map;
    size_t map_len;
    strmap *names; /* column name -> index once a table is wide, else NULL
                    * (borrows the names; dropped on rename and drop) */
};

/* Tables with at least this many columns keep a name index. */
#define NAME_INDEX_MIN 32

/* Index of a string dictionary under construction: the string map gives
 * each distinct string its dictionary code (the value); the blob and offset
 * arrays of the column grow alongside. */
typedef struct {
    strmap *map;
    uint64_t blob_cap;
    uint32_t dict_cap;
} dict_build;

tbl *tbl_new(size_t nrows)
{
    tbl *t = mem_new(sizeof *t, "table");
    if (!t)
        return NULL;
    t->nrows = nrows;
    return t;
}

static void dict_build_free(tbl_col *c)
{
    dict_build *b = c->build;
    if (!b)
        return;
    strmap_free(b->map);
    mem_free(b);
    c->build = NULL;
}

/* Frees a column's name and arrays (only those it owns when borrowed)
 * and zeroes it. */
static void col_free_arrays(tbl_col *c, int borrowed)
{
    mem_free(c->name);
    dict_build_free(c);
    if (!borrowed)
        MEM_FREE_ALL(c->miss, c->d, c->i, c->codes, c->dict_blob, c->dict_off,
                     c->xy, c->row_part, c->part_ring, c->ring_pt, c->bbox);
    mem_free(c->crs);
    memset(c, 0, sizeof *c);
}

void tbl_free(tbl *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->ncols; k++)
        col_free_arrays(&t->cols[k], t->borrowed && t->borrowed[k]);
    strmap_free(t->names);
    if (t->map)
        munmap(t->map, t->map_len);
    MEM_FREE_ALL(t->cols, t->borrowed, t);
}

size_t tbl_nrows(const tbl *t) { return t->nrows; }
size_t tbl_ncols(const tbl *t) { return t->ncols; }

tbl_col *tbl_col_at(const tbl *t, size_t idx)
{
    return idx < t->ncols ? &t->cols[idx] : NULL;
}

long tbl_col_index(const tbl *t, const char *name)
{
    if (t->names)
        return (long)strmap_get_i(t->names, name, strlen(name), -1);
    for (size_t k = 0; k < t->ncols; k++)
        if (strcmp(t->cols[k].name, name) == 0)
            return (long)k;
    return -1;
}

tbl_col *tbl_col_by_name(const tbl *t, const char *name)
{
    long k = tbl_col_index(t, name);
    return k < 0 ? NULL : &t->cols[k];
}

tbl_col *tbl_geom(const tbl *t)
{
    for (size_t k = 0; k < t->ncols; k++)
        if (t->cols[k].type == COL_GEOM)
            return &t->cols[k];
    return NULL;
}

static int grow_cols(tbl *t)
{
    /* two parallel arrays of one capacity: each grows from t->cap */
    size_t cc = t->cap, cb = t->cap;
    if (mem_grow(&t->cols, &cc, t->ncols + 1, sizeof *t->cols,
                 "table columns") < 0 ||
        mem_grow(&t->borrowed, &cb, t->ncols + 1, 1, "table columns") < 0)
        return -1;
    memset(t->borrowed + t->cap, 0, cb - t->cap);
    t->cap = cb;
    return 0;
}

tbl_col *tbl_append_col(tbl *t, const tbl_col *c)
{
    if (tbl_col_index(t, c->name) >= 0) {
        err_set(ERR_PARSE, NULL, 0, c->name, "duplicate column name");
        return NULL;
    }
    if (grow_cols(t) < 0)
        return NULL;
    if (!t->names && t->ncols + 1 >= NAME_INDEX_MIN) {
        /* wide tables: a linear name lookup per added column would make
         * reading N columns take N^2 time */
        t->names = strmap_new(STRMAP_BORROW, t->ncols * 2, "column names");
        if (!t->names)
            return NULL;
        for (size_t k = 0; k < t->ncols; k++)
            if (strmap_put_i(t->names, t->cols[k].name,
                             strlen(t->cols[k].name), (int64_t)k) < 0) {
                strmap_free(t->names);
                t->names = NULL;
                return NULL;
            }
    }
    if (t->names && strmap_put_i(t->names, c->name, strlen(c->name),
                                 (int64_t)t->ncols) < 0)
        return NULL;
    t->cols[t->ncols] = *c;
    t->borrowed[t->ncols] = 0;
    return &t->cols[t->ncols++];
}

/* Creates the build index of a string column. A column that already has a
 * dictionary (finished earlier) gets its entries indexed again; its arrays
 * must be heap-owned (not borrowed from a cache mapping). */
static int dict_build_init(tbl_col *c)
{
    dict_build *b = mem_calloc(1, sizeof *b);
    if (!b)
        return err_oom("string dictionary");
    c->build = b;
    b->dict_cap = c->n_dict > 32 ? c->n_dict : 32;
    b->blob_cap = c->dict_blob_len > 1024 ? c->dict_blob_len : 1024;
    b->map = strmap_new(STRMAP_COPY, b->dict_cap, "string dictionary");
    if (!b->map)
        return -1;
    uint64_t *off = mem_realloc(c->dict_off, b->dict_cap * sizeof *off);
    if (off)
        c->dict_off = off;
    char *blob = mem_realloc(c->dict_blob, b->blob_cap);
    if (blob)
        c->dict_blob = blob;
    if (!off || !blob)
        return err_oom("string dictionary");
    for (uint32_t k = 0; k < c->n_dict; k++) {
        const char *s = c->dict_blob + c->dict_off[k];
        int added = 0;
        int64_t id = strmap_upsert(b->map, s, strlen(s), &added);
        if (id < 0)
            return -1;
        if (added) /* a repeated string keeps its first code */
            strmap_val_of(b->map, id)->i = k;
    }
    return 0;
}

tbl_col *tbl_add_col(tbl *t, const char *name, col_type type)
{
    tbl_col c;
    memset(&c, 0, sizeof c);
    c.type = type;
    c.name = mem_strdup(name);
    size_t n = t->nrows ? t->nrows : 1;
    int ok = c.name != NULL;
    if (ok && type == COL_DOUBLE)
        ok = (c.d = mem_calloc(n, sizeof *c.d)) != NULL;
    else if (ok && type == COL_INT64)
        ok = (c.i = mem_calloc(n, sizeof *c.i)) != NULL;
    else if (ok && type == COL_STRING) {
        ok = (c.codes = mem_alloc(n * sizeof *c.codes)) != NULL &&
             (c.miss = mem_alloc(n)) != NULL;
        if (ok) {
            for (size_t r = 0; r < n; r++)
                c.codes[r] = -1;
            memset(c.miss, MISS_EMPTY, n);
            ok = dict_build_init(&c) == 0;
        }
    } else if (ok && type == COL_GEOM) {
        err_set(ERR_PARSE, NULL, 0, name,
                "internal: geometry columns are added with tbl_add_geom");
        col_free_arrays(&c, 0);
        return NULL;
    }
    if (!ok) {
        col_free_arrays(&c, 0);
        err_oom("column");
        return NULL;
    }
    tbl_col *out = tbl_append_col(t, &c);
    if (!out)
        col_free_arrays(&c, 0);
    return out;
}

tbl_col *tbl_add_geom(tbl *t, const char *name, double *xy, uint64_t n_points,
                      uint64_t *row_part, uint64_t n_parts,
                      uint64_t *part_ring, uint64_t n_rings,
                      uint64_t *ring_pt, double *bbox, const char *crs)
{
    tbl_col c;
    memset(&c, 0, sizeof c);
    c.type = COL_GEOM;
    c.xy = xy;
    c.row_part = row_part;
    c.part_ring = part_ring;
    c.ring_pt = ring_pt;
    c.n_points = n_points;
    c.n_parts = n_parts;
    c.n_rings = n_rings;
    c.bbox = bbox;
    c.name = mem_strdup(name);
    c.crs = mem_strdup(crs ? crs : "");
    if (!c.name || !c.crs) {
        col_free_arrays(&c, 0);
        err_oom("geometry column");
        return NULL;
    }
    if (tbl_geom(t)) {
        col_free_arrays(&c, 0);
        err_set(ERR_PARSE, NULL, 0, name, "a table has one geometry column");
        return NULL;
    }
    if (!c.bbox) {
        c.bbox = mem_alloc((t->nrows ? t->nrows : 1) * 4 * sizeof(double));
        if (!c.bbox) {
            col_free_arrays(&c, 0);
            err_oom("bounding boxes");
            return NULL;
        }
        for (size_t r = 0; r < t->nrows; r++) {
            double *bb = c.bbox + 4 * r;
            bb[0] = bb[1] = INFINITY;
            bb[2] = bb[3] = -INFINITY;
            uint64_t p0 = row_part[r], p1 = row_part[r + 1];
            if (p0 == p1) {
                bb[0] = bb[1] = bb[2] = bb[3] = NAN;
                continue;
            }
            uint64_t a = ring_pt[part_ring[p0]], b = ring_pt[part_ring[p1]];
            for (uint64_t k = a; k < b; k++) {
                double x = xy[2 * k], y = xy[2 * k + 1];
                if (x < bb[0]) bb[0] = x;
                if (y < bb[1]) bb[1] = y;
                if (x > bb[2]) bb[2] = x;
                if (y > bb[3]) bb[3] = y;
            }
        }
    }
    tbl_col *out = tbl_append_col(t, &c);
    if (!out)
        col_free_arrays(&c, 0);
    return out;
}

void tbl_drop_col(tbl *t, size_t idx)
{
    if (idx >= t->ncols)
        return;
    col_free_arrays(&t->cols[idx], t->borrowed[idx]);
    memmove(&t->cols[idx], &t->cols[idx + 1],
            (t->ncols - idx - 1) * sizeof *t->cols);
    memmove(&t->borrowed[idx], &t->borrowed[idx + 1], t->ncols - idx - 1);
    t->ncols--;
    strmap_free(t->names); /* indices moved; rebuilt by the next append */
    t->names = NULL;
}

int tbl_rename_col(tbl *t, size_t idx, const char *name)
{
    long other = tbl_col_index(t, name);
    if (other >= 0 && (size_t)other != idx) {
        err_set(ERR_PARSE, NULL, 0, name, "duplicate column name");
        return -1;
    }
    char *copy = mem_strdup(name);
    if (!copy)
        return err_oom("column name");
    strmap_free(t->names); /* borrowed the old name; rebuilt on append */
    t->names = NULL;
    mem_free(t->cols[idx].name);
    t->cols[idx].name = copy;
    return 0;
}

int col_set_missing(tbl_col *c, size_t nrows, size_t row, miss_reason why)
{
    if (!c->miss) {
        c->miss = mem_calloc(nrows ? nrows : 1, 1);
        if (!c->miss)
            return err_oom("missing-value map");
    }
    c->miss[row] = (uint8_t)why;
    if (c->type == COL_DOUBLE)
        c->d[row] = 0.0;
    else if (c->type == COL_INT64)
        c->i[row] = 0;
    else if (c->type == COL_STRING)
        c->codes[row] = -1;
    return 0;
}

int32_t col_intern(tbl_col *c, const char *s, size_t len)
{
    if (!c->build && dict_build_init(c) < 0)
        return -1;
    dict_build *b = c->build;
    int64_t id = strmap_find(b->map, s, len);
    if (id >= 0)
        return (int32_t)strmap_val_of(b->map, id)->i;
    /* new entry: make room in the column first, then index it */
    if (c->n_dict == b->dict_cap) {
        uint32_t cap = b->dict_cap * 2;
        uint64_t *off = mem_realloc(c->dict_off, cap * sizeof *off);
        if (!off)
            return err_oom("string dictionary");
        c->dict_off = off;
        b->dict_cap = cap;
    }
    if (c->dict_blob_len + len + 1 > b->blob_cap) {
        uint64_t cap = b->blob_cap * 2;
        while (cap < c->dict_blob_len + len + 1)
            cap *= 2;
        char *blob = mem_realloc(c->dict_blob, cap);
        if (!blob)
            return err_oom("string dictionary");
        c->dict_blob = blob;
        b->blob_cap = cap;
    }
    if (strmap_put_i(b->map, s, len, c->n_dict) < 0)
        return -1;
    uint32_t k = c->n_dict++;
    c->dict_off[k] = c->dict_blob_len;
    memcpy(c->dict_blob + c->dict_blob_len, s, len);
    c->dict_blob[c->dict_blob_len + len] = '\0';
    c->dict_blob_len += len + 1;
    return (int32_t)k;
}

int col_set_str(tbl_col *c, size_t nrows, size_t row, const char *s,
                size_t len)
{
    (void)nrows;
    int32_t k = col_intern(c, s, len);
    if (k < 0)
        return -1;
    c->codes[row] = k;
    if (c->miss)
        c->miss[row] = MISS_NONE;
    return 0;
}

void col_finish(tbl_col *c) { dict_build_free(c); }

void col_free(tbl_col *c) { col_free_arrays(c, 0); }

double col_num(const tbl_col *c, size_t row, miss_reason *why)
{
    miss_reason m = col_miss(c, row);
    if (m == MISS_NONE) {
        if (c->type == COL_DOUBLE) {
            if (why) *why = MISS_NONE;
            return c->d[row];
        }
        if (c->type == COL_INT64) {
            if (why) *why = MISS_NONE;
            return (double)c->i[row];
        }
        m = MISS_UNPARSABLE;
    }
    if (why)
        *why = m;
    return 0.0;
}

void col_count_missing(const tbl_col *c, size_t nrows,
                       size_t counts[MISS_REASON_COUNT])
{
    memset(counts, 0, MISS_REASON_COUNT * sizeof counts[0]);
    if (!c->miss) {
        counts[MISS_NONE] = nrows;
        return;
    }
    for (size_t r = 0; r < nrows; r++)
        counts[c->miss[r] < MISS_REASON_COUNT ? c->miss[r] : MISS_SENTINEL]++;
}

const char *miss_reason_name(miss_reason r)
{
    static const char *const names[] = {
        "valid",     "empty",       "secret",    "unknown",
        "not_available", "not_applicable", "sentinel", "unparsable",
        "unmatched", "division_by_zero", "invalid", "suppressed",
        "coverage"};
    return (unsigned)r < MISS_REASON_COUNT ? names[r] : "unknown";
}

const char *col_type_name(col_type t)
{
    switch (t) {
    case COL_DOUBLE: return "double";
    case COL_INT64: return "int64";
    case COL_STRING: return "string";
    case COL_GEOM: return "geometry";
    }
    return "unknown";
}

void tbl_attach_mapping(tbl *t, void *addr, size_t len)
{
    t->map = addr;
    t->map_len = len;
}

void tbl_col_mark_borrowed(tbl *t, size_t idx)
{
    if (idx < t->ncols)
        t->borrowed[idx] = 1;
}

/* Copies rows idx[] of a geometry column into a new table. */
static int take_geom(tbl *out, const tbl_col *g, const int64_t *idx, size_t n)
{
    uint64_t np = 0, nr = 0, nq = 0;
    for (size_t k = 0; k < n; k++) {
        if (idx[k] < 0)
            continue;
        uint64_t r = (uint64_t)idx[k];
        uint64_t p0 = g->row_part[r], p1 = g->row_part[r + 1];
        np += p1 - p0;
        nr += g->part_ring[p1] - g->part_ring[p0];
        nq += g->ring_pt[g->part_ring[p1]] - g->ring_pt[g->part_ring[p0]];
    }
    double *xy = mem_alloc((nq ? nq : 1) * 2 * sizeof *xy);
    uint64_t *row_part = mem_alloc((n + 1) * sizeof *row_part);
    uint64_t *part_ring = mem_alloc((np + 1) * sizeof *part_ring);
    uint64_t *ring_pt = mem_alloc((nr + 1) * sizeof *ring_pt);
    double *bbox = mem_alloc((n ? n : 1) * 4 * sizeof *bbox);
    if (!xy || !row_part || !part_ring || !ring_pt || !bbox) {
        mem_free(xy); mem_free(row_part); mem_free(part_ring); mem_free(ring_pt); mem_free(bbox);
        return err_oom("geometry");
    }
    uint64_t op = 0, orr = 0, oq = 0;
    part_ring[0] = 0;
    ring_pt[0] = 0;
    for (size_t k = 0; k < n; k++) {
        row_part[k] = op;
        if (idx[k] < 0) {
            bbox[4 * k] = bbox[4 * k + 1] = bbox[4 * k + 2] =
                bbox[4 * k + 3] = NAN;
            continue;
        }
        uint64_t r = (uint64_t)idx[k];
        memcpy(bbox + 4 * k, g->bbox + 4 * r, 4 * sizeof *bbox);
        for (uint64_t p = g->row_part[r]; p < g->row_part[r + 1]; p++) {
            for (uint64_t q = g->part_ring[p]; q < g->part_ring[p + 1]; q++) {
                uint64_t a = g->ring_pt[q], b = g->ring_pt[q + 1];
                memcpy(xy + 2 * oq, g->xy + 2 * a, (b - a) * 2 * sizeof *xy);
                oq += b - a;
                ring_pt[++orr] = oq;
            }
            part_ring[++op] = orr;
        }
    }
    row_part[n] = op;
    return tbl_add_geom(out, g->name, xy, nq, row_part, np, part_ring, nr,
                        ring_pt, bbox, g->crs)
               ? 0
               : -1;
}

tbl *tbl_take(const tbl *t, const int64_t *idx, size_t n)
{
    tbl *out = tbl_new(n);
    if (!out)
        return NULL;
    for (size_t c = 0; c < t->ncols; c++) {
        const tbl_col *src = &t->cols[c];
        if (src->type == COL_GEOM) {
            if (take_geom(out, src, idx, n) < 0)
                goto fail;
            continue;
        }
        tbl_col *dst = tbl_add_col(out, src->name, src->type);
        if (!dst)
            goto fail;
        for (size_t k = 0; k < n; k++) {
            if (idx[k] < 0) {
                if (col_set_missing(dst, n, k, MISS_UNMATCHED) < 0)
                    goto fail;
                continue;
            }
            size_t r = (size_t)idx[k];
            miss_reason m = col_miss(src, r);
            if (src->type == COL_STRING) {
                if (m == MISS_NONE) {
                    const char *s = col_str(src, r);
                    if (col_set_str(dst, n, k, s, strlen(s)) < 0)
                        goto fail;
                } else if (col_set_missing(dst, n, k, m) < 0)
                    goto fail;
                continue;
            }
            if (m != MISS_NONE) {
                if (col_set_missing(dst, n, k, m) < 0)
                    goto fail;
                continue;
            }
            if (src->type == COL_DOUBLE)
                dst->d[k] = src->d[r];
            else
                dst->i[k] = src->i[r];
        }
        if (dst->type == COL_STRING)
            col_finish(dst);
    }
    return out;
fail:
    tbl_free(out);
    return NULL;
}

const char *col_code_text(const tbl_col *c, size_t r, char *buf, size_t size)
{
    if (c->type == COL_STRING) {
        const char *s = col_str(c, r);
        return s ? s : "";
    }
    miss_reason why;
    double v = col_num(c, r, &why);
    if (why != MISS_NONE || !isfinite(v))
        return "";
    snprintf(buf, size, "%.0f", v);
    return buf;
}
