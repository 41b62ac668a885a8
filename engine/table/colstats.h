/* colstats.h - per-column summaries: counts, missing values by reason,
 * min/max/mean/sum for numbers, examples and distinct counts for strings,
 * and whether a column holds CBS region codes. Used by `dnawijk inspect`.
 */
#ifndef DNW_COLSTATS_H
#define DNW_COLSTATS_H

#include "key.h"
#include "tbl.h"

#define COLSTATS_EXAMPLES 3

typedef struct {
    size_t count;                      /* valid values */
    size_t missing[MISS_REASON_COUNT]; /* per reason; [MISS_NONE] unused */
    size_t missing_total;
    double min, max, mean, sum;        /* numbers only (NaN when no values) */
    size_t distinct;                   /* strings: dictionary entries used */
    const char *examples[COLSTATS_EXAMPLES]; /* strings: borrowed from col */
    size_t n_examples;
    key_level code_level;              /* KEY_INVALID when not a code column */
    size_t codes_normalised;           /* values that needed normalising */
    size_t codes_valid;                /* values that are valid codes */
    /* geometry */
    size_t geom_empty;
    double extent[4];
} colstats;

/* Computes the summary of column c of a table with nrows rows into s.
 * Borrows strings from c (valid while c lives). Returns 0, -1 on OOM. */
int colstats_compute(const tbl_col *c, size_t nrows, colstats *s);

#endif
