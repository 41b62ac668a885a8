/* roll.h - rollups of unit values to coarser levels (buurt -> wijk ->
 * gemeente -> the whole area) by an indicator's rule: sums for counts,
 * weighted means for rates, or recomputed ratios of summed parts. Never an
 * average of averages unless the rule says `mean`.
 *
 * Missing values are left out of sums and means; a group whose members are
 * all missing is missing, with the members' reason when they share one.
 */
#ifndef DNW_ROLL_H
#define DNW_ROLL_H

#include <stdint.h>

#include "key.h"

typedef enum {
    ROLL_NONE, ROLL_SUM, ROLL_MEAN, ROLL_WMEAN, ROLL_RATIO,
    ROLL_WILSON_LO, ROLL_WILSON_HI /* reach.h: interval of the summed ratio */
} roll_rule;

typedef struct {
    key_level level;          /* KEY_INVALID: one group, the whole area */
    size_t n_groups;
    char (*codes)[KEY_MAX];   /* group code ("" for the whole area) */
    size_t *group_of;         /* per unit; SIZE_MAX when no group */
    size_t *first_unit;       /* per group: a member unit (for names) */
} roll_groups;

/* Groups n units (canonical codes) by their ancestor at level `to`
 * (KEY_INVALID = a single group). Groups are in order of first appearance.
 * Returns 0 or -1 (OOM). Free with roll_groups_free. */
int roll_groups_build(const char (*units)[KEY_MAX], size_t n, key_level to,
                      roll_groups *g);
void roll_groups_free(roll_groups *g);

/* Sum of valid x per group. */
int roll_sum(const roll_groups *g, size_t n, const double *x,
             const uint8_t *xm, double *out, uint8_t *om);
/* Mean of valid x per group. */
int roll_mean(const roll_groups *g, size_t n, const double *x,
              const uint8_t *xm, double *out, uint8_t *om);
/* Weighted mean sum(w*x)/sum(w) over units where x and w are valid. */
int roll_wmean(const roll_groups *g, size_t n, const double *x,
               const uint8_t *xm, const double *w, const uint8_t *wm,
               double *out, uint8_t *om);
/* scale * sum(num) / sum(den) over units where both are valid. */
int roll_ratio(const roll_groups *g, size_t n, const double *num,
               const uint8_t *nm, const double *den, const uint8_t *dm,
               double scale, double *out, uint8_t *om);
/* scale * the lower (upper = 0) or upper end of the 95 % Wilson interval
 * of sum(num) / sum(den) over units where both are valid; x > n or n <= 0
 * gives MISS_INVALID (n = 0: MISS_DIV_ZERO). */
int roll_wilson(const roll_groups *g, size_t n, int upper, const double *num,
                const uint8_t *nm, const double *den, const uint8_t *dm,
                double scale, double *out, uint8_t *om);

#endif
