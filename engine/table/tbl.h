/* tbl.h - columnar tables, the data structure every stage of dnawijk shares.
 *
 * A table is a set of named, typed columns of equal length:
 *   - COL_DOUBLE: values in `d`; `miss` holds a missing-reason byte per row
 *     (MISS_NONE = valid). One byte per row gives validity and reason in one
 *     load, which the vectorised expression core wants; it is allocated only
 *     when a column has any missing value (NULL means all valid).
 *   - COL_INT64: values in `i`, same `miss` convention.
 *   - COL_STRING: dictionary-encoded UTF-8. `codes[row]` indexes the
 *     dictionary; -1 is missing (reason in `miss`). Dictionary strings live
 *     in one blob: string k is `dict_blob + dict_off[k]`, NUL-terminated.
 *   - COL_GEOM: at most one per table. Flat coordinates (x,y interleaved) in
 *     `xy`; row r has parts [row_part[r], row_part[r+1]); part p has rings
 *     [part_ring[p], part_ring[p+1]); ring k has points
 *     [ring_pt[k], ring_pt[k+1]). First ring of a part is the outer ring.
 *     `bbox` holds minx,miny,maxx,maxy per row. `crs` names the CRS.
 *     A row with no geometry has zero parts.
 *
 * Region codes stay strings, always.
 *
 * Ownership: a table owns its columns and their arrays, unless the table was
 * memory-mapped from the cache (then arrays point into the mapping, which the
 * table owns and unmaps in tbl_free). Nothing is shared between tables.
 */
#ifndef DNW_TBL_H
#define DNW_TBL_H

#include <stddef.h>
#include <stdint.h>

typedef enum { COL_DOUBLE = 0, COL_INT64, COL_STRING, COL_GEOM } col_type;

/* Why a value is missing. Stored as one byte per row. */
typedef enum {
    MISS_NONE = 0,       /* valid */
    MISS_EMPTY,          /* empty cell, JSON null, NULL field */
    MISS_SECRET,         /* CBS: geheim (-99997, -99999997, -9999997, 'x') */
    MISS_UNKNOWN,        /* CBS: onbekend ('.', -99999999, -99999996) */
    MISS_NOT_AVAILABLE,  /* CBS: niet beschikbaar (-99995, -99991) */
    MISS_NOT_APPLICABLE, /* CBS: niet van toepassing (-99999998) */
    MISS_SENTINEL,       /* another CBS sentinel <= -99990 */
    MISS_UNPARSABLE,     /* text that is not a number in a numeric column */
    MISS_UNMATCHED,      /* a join found no row for this unit */
    MISS_DIV_ZERO,       /* division by zero in an indicator */
    MISS_INVALID,        /* outside a function's domain (log of <= 0, ...) */
    MISS_SUPPRESSED,     /* small-number rule of an indicator */
    MISS_COVERAGE,       /* a rollup whose valid members cover too little
                          * of the base (coverage_min) */
    MISS_REASON_COUNT
} miss_reason;

typedef struct {
    char *name;
    col_type type;
    uint8_t *miss; /* per-row missing reason, NULL = all valid */
    double *d;     /* COL_DOUBLE */
    int64_t *i;    /* COL_INT64 */
    /* COL_STRING */
    int32_t *codes;
    uint32_t n_dict;
    char *dict_blob;
    uint64_t *dict_off;
    uint64_t dict_blob_len;
    /* COL_GEOM */
    double *xy;
    uint64_t *row_part;  /* n+1 */
    uint64_t *part_ring; /* n_parts+1 */
    uint64_t *ring_pt;   /* n_rings+1 */
    uint64_t n_parts, n_rings, n_points;
    double *bbox; /* 4 per row */
    char *crs;    /* "EPSG:28992" or a WKT/PROJ string */
    /* private: hash index used while building a string dictionary */
    void *build;
} tbl_col;

typedef struct tbl tbl;

/* Creates an empty table of nrows rows. Returns NULL (error set) on OOM. */
tbl *tbl_new(size_t nrows);

/* Frees the table, its columns and (if mapped) its mapping. NULL is fine. */
void tbl_free(tbl *t);

size_t tbl_nrows(const tbl *t);
size_t tbl_ncols(const tbl *t);

/* Column by index (0-based) or NULL. Owned by the table. */
tbl_col *tbl_col_at(const tbl *t, size_t idx);

/* Column by exact name, or NULL (no error set). */
tbl_col *tbl_col_by_name(const tbl *t, const char *name);

/* Index of a column by name, or -1. */
long tbl_col_index(const tbl *t, const char *name);

/* The geometry column, or NULL. */
tbl_col *tbl_geom(const tbl *t);

/* Adds a zero-filled column of the given type (not COL_GEOM); all rows start
 * valid (doubles 0, ints 0) - except strings, which start missing (code -1,
 * reason MISS_EMPTY). The name is copied. Fails (NULL, error set) on OOM or a
 * duplicate name. */
tbl_col *tbl_add_col(tbl *t, const char *name, col_type type);

/* Adds a geometry column from arrays the caller allocated with malloc; the
 * table takes ownership of all of them (also on failure). bbox may be NULL
 * (then computed). crs is copied. */
tbl_col *tbl_add_geom(tbl *t, const char *name, double *xy, uint64_t n_points,
                      uint64_t *row_part, uint64_t n_parts,
                      uint64_t *part_ring, uint64_t n_rings,
                      uint64_t *ring_pt, double *bbox, const char *crs);

/* Removes column idx (frees it). */
void tbl_drop_col(tbl *t, size_t idx);

/* Renames a column; fails on a duplicate name. */
int tbl_rename_col(tbl *t, size_t idx, const char *name);

/* Marks row as missing with reason (allocating the miss map on first use).
 * Returns 0, or -1 on OOM. */
int col_set_missing(tbl_col *c, size_t nrows, size_t row, miss_reason why);

/* Missing reason of a row (MISS_NONE when valid). */
static inline miss_reason col_miss(const tbl_col *c, size_t row)
{
    return c->miss ? (miss_reason)c->miss[row] : MISS_NONE;
}

/* Sets a string cell: interns s (len bytes, need not be NUL-terminated) in
 * the dictionary. Returns 0 or -1 on OOM. */
int col_set_str(tbl_col *c, size_t nrows, size_t row, const char *s,
                size_t len);

/* Interns a string and returns its dictionary code (or -1 on OOM). */
int32_t col_intern(tbl_col *c, const char *s, size_t len);

/* String value of a row, or NULL when missing. Owned by the column. */
static inline const char *col_str(const tbl_col *c, size_t row)
{
    int32_t k = c->codes[row];
    return k < 0 ? NULL : c->dict_blob + c->dict_off[k];
}

/* Dictionary string k. */
static inline const char *col_dict(const tbl_col *c, uint32_t k)
{
    return c->dict_blob + c->dict_off[k];
}

/* Drops the dictionary's build index (saves memory once a column is done). */
void col_finish(tbl_col *c);

/* Frees everything a column that never reached a table owns (name, arrays,
 * dictionary, geometry, crs) and zeroes it. */
void col_free(tbl_col *c);

/* Numeric value of a row as double (int64 converted); returns 0 and sets
 * *why to the reason when missing or not numeric. why may be NULL. */
double col_num(const tbl_col *c, size_t row, miss_reason *why);

/* The text of row r of a code or postcode column: the text itself for a
 * text column, the number without decimals (written into buf, size bytes)
 * for a numeric one, "" when missing or not finite. Never fails; the
 * result points into the column or buf. */
const char *col_code_text(const tbl_col *c, size_t r, char *buf, size_t size);

/* Count of missing rows per reason into counts[MISS_REASON_COUNT]. */
void col_count_missing(const tbl_col *c, size_t nrows,
                       size_t counts[MISS_REASON_COUNT]);

/* Stable machine name of a reason ("empty", "secret", ...). */
const char *miss_reason_name(miss_reason r);

/* A reason's words for readers live in engine/run/present.c
 * (present_miss); the table layer knows reasons only as codes. */

/* Name of a column type ("double", "int64", "string", "geometry"). */
const char *col_type_name(col_type t);

/* Makes a new table holding rows `idx[0..n)` of t (idx[k] may be -1: then
 * the row is missing with MISS_UNMATCHED, and has no geometry). NULL on OOM. */
tbl *tbl_take(const tbl *t, const int64_t *idx, size_t n);

/* Internal: lets the cache hand a mapping to the table (freed by tbl_free). */
void tbl_attach_mapping(tbl *t, void *addr, size_t len);

/* Internal: marks a column's arrays as borrowed from the mapping. */
void tbl_col_mark_borrowed(tbl *t, size_t idx);

/* Appends an already filled column struct (takes ownership of its arrays;
 * the struct itself is copied). Used by readers and the cache. */
tbl_col *tbl_append_col(tbl *t, const tbl_col *c);

#endif
