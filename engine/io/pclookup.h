/* pclookup.h - a table from postcode to units (buurt, wijk or gemeente
 * codes), with the number of addresses (or another weight) per pair.
 *
 * The file may list a postcode once per address (as BAG-derived tables
 * do: every row weighs 1, so a pair's weight is its address count) or once
 * per unit with a weight column. Postcodes are normalised (postcode.h),
 * codes too (key.h). A postcode may lie in several units. A PC4 that the
 * table does not list itself gets the sum of its PC6 rows; when the table
 * lists PC4s, a PC6 it does not list falls back to its PC4.
 */
#ifndef DNW_PCLOOKUP_H
#define DNW_PCLOOKUP_H

#include <stddef.h>
#include <stdint.h>

#include "key.h"
#include "srcopt.h"

typedef struct pclookup pclookup;

/* Reads the lookup at path with columns pc_col (postcodes), code_col
 * (region codes) and weight_col (NULL: one row per address). what names
 * the recipe keys in messages ("location.lookup_postcode", ...). Rows with
 * an empty or invalid postcode or an empty code are left out (counted).
 * Returns the table (free with pclookup_free), or NULL with the error set:
 * a missing column (file:line of the header, the columns there are), a code
 * that is no region code or a weight that is not a number >= 0 (file:line,
 * column), what the readers report, ERR_MEMORY. */
pclookup *pclookup_load(const char *path, const src_options *opt,
                        const char *pc_col, const char *code_col,
                        const char *weight_col);

void pclookup_free(pclookup *L);

/* Distinct codes of the table (canonical), and their number. */
size_t pclookup_ncodes(const pclookup *L);
const char *pclookup_code(const pclookup *L, size_t k);

/* Rows read, and rows left out (empty or invalid postcode, empty code). */
size_t pclookup_rows(const pclookup *L);
size_t pclookup_skipped(const pclookup *L);

/* The units of postcode key: sets *codes (indexes for pclookup_code) and
 * *w (weights) to n entries owned by the table, ordered by code index, and
 * returns n (0: the postcode is not in the table). Thread-safe. */
size_t pclookup_find(const pclookup *L, int32_t key, const int32_t **codes,
                     const double **w);

/* The index (for pclookup_key_at) of the entries pclookup_find gives for
 * key, or -1 when the postcode is not in the table. */
long pclookup_index(const pclookup *L, int32_t key);

/* Distinct postcode keys of the table (PC4 sums included) and key k, for
 * callers that precompute per postcode. */
size_t pclookup_nkeys(const pclookup *L);
int32_t pclookup_key_at(const pclookup *L, size_t k);

#endif
