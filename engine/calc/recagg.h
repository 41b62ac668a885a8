/* recagg.h - counting located contact records per unit.
 *
 * Each record sits in zero or more units with a weight (one unit with
 * weight 1 when it was placed by code, by point or by the majority of its
 * postcode; several with their address shares under `allocate: weighted`).
 * Per unit: records = the sum of the weights of its records; households =
 * the number of distinct household ids among them, each counted with the
 * largest weight it has in that unit (so two visits to one household count
 * once, also when weighted). A record without a household id counts as a
 * household of its own. Units without records get 0.
 */
#ifndef DNW_RECAGG_H
#define DNW_RECAGG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    size_t n_rec;
    /* parts of record r: [off[r], off[r+1]); off NULL = one part per
     * record (part r) */
    const size_t *off;
    const int32_t *unit;  /* unit of each part, -1 = none */
    const double *w;      /* weight of each part, NULL = 1 */
    const int64_t *hh;    /* household id per record, NULL = no column */
    const uint8_t *hh_ok; /* 0 = the record has no household id; NULL = all
                             have one */
} recagg_input;

/* Fills records[n_units] and households[n_units]. Returns 0, or -1 with
 * ERR_MEMORY set. */
int recagg_count(const recagg_input *in, size_t n_units, double *records,
                 double *households);

#endif
