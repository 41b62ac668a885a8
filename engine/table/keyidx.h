/* keyidx.h - a hash index from canonical region code to row number, built
 * from a table's key column (strings or integers), normalising each code.
 * One index can hold codes of several levels (a StatLine table with gemeente
 * and wijk rows); lookups name the level.
 */
#ifndef DNW_KEYIDX_H
#define DNW_KEYIDX_H

#include "key.h"
#include "tbl.h"

typedef struct keyidx keyidx;

typedef struct {
    size_t rows;            /* rows of the table */
    size_t per_level[4];    /* rows with a valid code per level */
    size_t invalid;         /* rows whose key is no region code */
    size_t missing;         /* rows with a missing key */
    size_t normalised;      /* rows whose code needed normalising */
    size_t duplicates;      /* rows whose code appeared before (first wins) */
    char dup_examples[5][KEY_MAX];
    size_t n_dup_examples;
    char invalid_examples[5][64];
    size_t n_invalid_examples;
    key_level main_level;   /* the level most rows have */
} keyidx_stats;

/* Builds the index over column c (COL_STRING or COL_INT64) of nrows rows.
 * hint: the level bare numbers are read as (KEY_INVALID = from the column's
 * name, else buurt when some bare number has 7-8 digits, else per value).
 * keep: per row 0 = leave the row out (a source filter), NULL = all rows.
 * Returns NULL with the error set on OOM or a column of another type. */
keyidx *keyidx_build(const tbl_col *c, size_t nrows, key_level hint,
                     const uint8_t *keep, keyidx_stats *stats);

/* Row of a canonical code, or -1. */
int64_t keyidx_find(const keyidx *ix, const char *code);

/* Canonical code of row r ("" when invalid or missing). */
const char *keyidx_code_of(const keyidx *ix, size_t r);

/* Level of row r's code (KEY_INVALID when invalid). */
key_level keyidx_level_of(const keyidx *ix, size_t r);

void keyidx_free(keyidx *ix);

#endif
