/* in_records.h - reading a file of contact records (one row per visit,
 * sign-up or attendance) for locating them per unit.
 *
 * Any format a source can have: CSV through the CSV reader, which also
 * keeps the line each row starts on, so every message about a record names
 * file:line and column; xlsx and vector files through GDAL/OGR (rows are
 * then named by their feature number). Records are row-level personal data:
 * they never go into the native cache, and nothing here copies a cell into
 * an output; messages quote a cell only where the user must see what is
 * wrong with it (a coordinate that is text, a date that is no date).
 */
#ifndef DNW_IN_RECORDS_H
#define DNW_IN_RECORDS_H

#include <stddef.h>

#include "srcopt.h"
#include "tbl.h"

typedef struct {
    char *file;       /* the file (without "#layer"), owned */
    tbl *t;           /* the rows as read, owned */
    long *line;       /* CSV: 1-based line of each row, owned; NULL for
                         GDAL files (rows are features 1, 2, ...) */
    long header_line; /* CSV: the header's line; 0 for GDAL files */
} recfile;

/* Reads path ("file" or "file#layer") with opt (the cache is never used)
 * into out. Returns 0, or -1 with the error set as the readers set it; out
 * is then empty. Free with recfile_free. */
int recfile_read(const char *path, const src_options *opt, recfile *out);

/* Frees what f owns and clears it. NULL is fine. */
void recfile_free(recfile *f);

/* The column `name`, which the recipe names for `role` (such as
 * "location.postcode"). NULL with ERR_RECIPE set at the file's header line
 * naming the columns there are (and the nearest one) when it is missing. */
const tbl_col *recfile_column(const recfile *f, const char *name,
                              const char *role);

/* Sets an error of category cat at row r of f (its line, or its feature
 * number) and column; returns -1. */
int recfile_error_at(const recfile *f, int cat, size_t r, const char *column,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Reads column c as numbers into out[r * stride] (NaN where the cell is
 * empty or missing). A text column is accepted when every filled cell is a
 * number (decimal point or comma); otherwise ERR_PARSE naming the file, the
 * line and the column of the first cell that is not, and what is needed
 * (role, e.g. "a coordinate"). Returns 0 or -1. */
int recfile_numbers(const recfile *f, const tbl_col *c, const char *role,
                    double *out, size_t stride);

#endif
