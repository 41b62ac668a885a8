/* rowfilter.h - keeping the rows of a table that meet simple conditions:
 * a column equal to a value, equal to one of several values, or a date
 * within a range (the mapping form of a source's `filter:`, such as
 * {soort: energiecoach, datum: [2024-01-01, 2024-12-31]}).
 *
 * Text compares without regard to case or surrounding blanks; a numeric
 * column compares as numbers. Dates are read with date_parse (ISO or Dutch
 * day-first); a row whose date cell is empty fails a date condition, and a
 * cell that is not a date is an error naming the file, line and column.
 */
#ifndef DNW_ROWFILTER_H
#define DNW_ROWFILTER_H

#include <stddef.h>
#include <stdint.h>

#include "tbl.h"

typedef enum { RF_EQUALS = 0, RF_DATE_RANGE } rf_kind;

typedef struct {
    const tbl_col *col;          /* the column tested (borrowed) */
    rf_kind kind;
    const char *const *values;   /* RF_EQUALS: any of these (borrowed) */
    size_t n_values;
    int has_from, has_to;        /* RF_DATE_RANGE: inclusive ends */
    int32_t from, to;            /* day numbers (datep.h) */
} rowfilter_cond;

/* Clears keep[r] for every row r (of nrows) that fails a condition; rows
 * already 0 stay 0. file and lines (1-based line per row, or NULL: then
 * rows are features r + 1) name the place of a bad date. Returns 0, or -1
 * with the error set (ERR_PARSE for a cell that is not a date, ERR_MEMORY). */
int rowfilter_apply(const rowfilter_cond *conds, size_t n_conds,
                    size_t nrows, const char *file, const long *lines,
                    uint8_t *keep);

#endif
