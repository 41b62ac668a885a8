/* cls.h - classification of values into classes for choropleth maps.
 *
 * Methods: quantile, equal interval, exact Fisher-Jenks natural breaks,
 * head/tail breaks, standard deviation, R-style "pretty" breaks and manual
 * breaks. A classification is a strictly increasing breaks array b[0..k]
 * (except the single class of all-equal data, where b[0] == b[1]).
 *
 * Class membership: class 0 is [b0, b1] (both ends inclusive), class i > 0
 * is (b_i, b_{i+1}] (upper end inclusive). A value below b0 or above b_k is
 * in no class (only possible with manual or reapplied breaks).
 *
 * Missing values (miss[i] != 0) are never classified; they are counted in
 * n_missing. Valid values must be finite (NaN/inf is an error: mark such
 * rows missing instead).
 *
 * Where breaks lie per method (n = valid values, x sorted, m = distinct):
 *   quantile  R type 7 (linear interpolation, R's default and classInt's):
 *             b_i = (1-h) x[lo] + h x[lo+1] with lo + h = (n-1) i / k
 *             computed exactly in integers; equal breaks (ties) are merged,
 *             which lowers k.
 *   equal     b_i = min + i (max-min)/k, b_k = max exactly.
 *   jenks     optimal partition of the sorted values into k groups that
 *             minimises the within-class sum of squared deviations (SDCM);
 *             tied values always share a class. b_0 = min, b_i = largest
 *             value of class i-1. Exact dynamic programme over distinct
 *             values with weights, O(k m log m) by divide and conquer.
 *   headtail  Jiang (2013): split at the mean, then keep splitting the head
 *             (values > mean) at its own mean while the head holds at most
 *             40 % of the values it was split from and has >= 2 distinct
 *             values; k is the maximum number of classes. b = min, means,
 *             max.
 *   stddev    population sd (divide by n). Even k: the mean is a break and
 *             breaks lie at mean + j sd; odd k: the middle class is
 *             mean +- 0.5 sd and breaks lie at mean + (j + 0.5) sd. Breaks
 *             outside (min, max) are dropped, so the outer classes are open
 *             ended up to min and max and k may drop.
 *   pretty    R's pretty(x, n = k): breaks at multiples of 1, 2 or 5 x 10^e
 *             that cover [min, max]; b_0 <= min and b_k >= max, and k is
 *             what the algorithm chooses (close to the request).
 *   manual    the given breaks (2..CLS_K_MAX+1, strictly increasing; the
 *             first may be -INFINITY and the last +INFINITY for open-ended
 *             outer classes). Values outside are counted in n_below /
 *             n_above and are in no class.
 *
 * All-equal data gives one class with b0 == b1 == the value (every method
 * but manual). Fewer distinct values than classes lowers k to the number of
 * distinct values (quantile, equal, jenks); out->k always says how many
 * classes were made and out->k_requested what was asked.
 */
#ifndef DNW_CLS_H
#define DNW_CLS_H

#include <stddef.h>
#include <stdint.h>

/* Most classes any method makes (more is unreadable on a map anyway). */
#define CLS_K_MAX 32

typedef enum {
    CLS_QUANTILE = 0,
    CLS_EQUAL,
    CLS_JENKS,
    CLS_HEADTAIL,
    CLS_STDDEV,
    CLS_PRETTY,
    CLS_MANUAL
} cls_method;

typedef struct {
    cls_method method;
    int k;            /* classes made */
    int k_requested;  /* classes asked for (manual: breaks given - 1) */
    double *breaks;   /* k + 1 values, owned by the result */
    size_t *counts;   /* k values: valid values per class, owned */
    size_t n_valid;   /* rows that are not missing */
    size_t n_missing; /* rows with miss[i] != 0 */
    size_t n_below;   /* valid values < breaks[0] (manual/reapplied only) */
    size_t n_above;   /* valid values > breaks[k] (manual/reapplied only) */
    double mean, sd;  /* of the valid values (population sd) */
    double gvf;       /* goodness of variance fit, 1 - SDCM/SDAM, over the
                         classified values; 1 when they are all equal */
} cls_result;

/* Parses a method name (case-insensitive): quantile, equal, equal_interval,
 * jenks, fisher_jenks, natural_breaks, headtail, head_tail, stddev, sd,
 * pretty, manual. Returns 0, or -1 with an ERR_RECIPE error listing the
 * valid names. */
int cls_method_parse(const char *name, cls_method *out);

/* Canonical name of a method ("quantile", "equal", "jenks", ...). */
const char *cls_method_name(cls_method m);

/* Classifies the n values v (miss may be NULL = all valid) with method m
 * into k classes (ignored for manual; the maximum for headtail). For
 * CLS_MANUAL, manual_breaks[0..n_manual) are the breaks; otherwise they
 * are ignored and may be NULL. Fills *out (which the caller frees with
 * cls_result_free, also after a failure - it is zeroed first). Returns 0,
 * or -1 with an error: ERR_RECIPE for k < 1 or k > CLS_K_MAX, bad manual
 * breaks, no valid value, or a non-finite valid value; ERR_MEMORY. */
int cls_classify(const double *v, const uint8_t *miss, size_t n, cls_method m,
                 int k, const double *manual_breaks, size_t n_manual,
                 cls_result *out);

/* Applies the breaks of an earlier classification (e.g. computed on the
 * pooled data of several gemeenten) to other data, so that maps share one
 * legend. out gets a copy of shared's method, k and breaks, and counts,
 * n_below/n_above, mean, sd and gvf for v. Returns 0 or -1 (error set). */
int cls_reapply(const cls_result *shared, const double *v,
                const uint8_t *miss, size_t n, cls_result *out);

/* Class index (0..k-1) of the value v under r, or -1 when v is outside
 * [breaks[0], breaks[k]] or NaN. Binary search, O(log k). */
int cls_class_of(const cls_result *r, double v);

/* Writes the class index of every row into cls_out[0..n): -1 for missing
 * rows and values in no class. Never fails. */
void cls_assign(const cls_result *r, const double *v, const uint8_t *miss,
                size_t n, int *cls_out);

/* Goodness of variance fit of v under r: 1 - SDCM/SDAM over the valid
 * values that fall in a class (SDAM: squared deviations from their mean;
 * SDCM: from their class means). 1 when SDAM is 0, NaN when no value is
 * classified. Never fails. */
double cls_gvf(const cls_result *r, const double *v, const uint8_t *miss,
               size_t n);

/* Frees the arrays of r and zeroes it. NULL and zeroed results are fine. */
void cls_result_free(cls_result *r);

#endif
