/* expr_area.c - area-wide expression functions: whole-column passes over
 * all evaluated rows (rank, rank_desc, percentile, zscore, share and the
 * area aggregates). Ranking sorts the valid values with an LSD radix sort
 * on order-preserving 64-bit keys, O(n). See expr.h for the definitions. */
#include "expr_internal.h"

#include "err.h"
#include "tbl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)

/* Turns a histogram of RADIX_SIZE counts into the start offset of each
 * digit (exclusive prefix sums). */
static void exclusive_sums(size_t *h)
{
    size_t sum = 0;
    for (size_t d = 0; d < RADIX_SIZE; d++) {
        size_t c = h[d];
        h[d] = sum;
        sum += c;
    }
}
#define RADIX_PASSES 6 /* 66 bits >= 64 */

/* Order-preserving unsigned key of a finite double (-0 counts as +0). */
static uint64_t sort_key(double x)
{
    x += 0.0;
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return (u >> 63) ? ~u : (u | 0x8000000000000000ull);
}

/* A sort key with the row it came from. */
typedef struct {
    uint64_t key;
    uint64_t row;
} keyed;

/* Sorts a[0..m) by key, ascending and stable; tmp is scratch of the same
 * size. The result ends in a. */
static void radix_sort(keyed *a, keyed *tmp, size_t m,
                       size_t (*hist)[RADIX_SIZE])
{
    memset(hist, 0, RADIX_PASSES * sizeof *hist);
    for (size_t i = 0; i < m; i++) {
        uint64_t k = a[i].key;
        for (int p = 0; p < RADIX_PASSES; p++)
            hist[p][(k >> (p * RADIX_BITS)) & (RADIX_SIZE - 1)]++;
    }
    keyed *src = a, *dst = tmp;
    for (int p = 0; p < RADIX_PASSES; p++) {
        size_t *h = hist[p];
        int shift = p * RADIX_BITS;
        if (h[(src[0].key >> shift) & (RADIX_SIZE - 1)] == m)
            continue; /* every key has the same digit */
        exclusive_sums(h);
        for (size_t i = 0; i < m; i++)
            dst[h[(src[i].key >> shift) & (RADIX_SIZE - 1)]++] = src[i];
        keyed *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, m * sizeof *a);
}

/* The value of average rank r (1-based, among m valid values) for f. */
static double rank_value(expr_func f, double r, size_t m)
{
    if (f == F_RANK_DESC)
        return (double)(m + 1) - r;
    if (f == F_PERCENTILE)
        return m == 1 ? 50.0 : 100.0 * (r - 1.0) / (double)(m - 1);
    return r;
}

/* Gives each row of sorted keyed a[0..m) the rank value of its tie group
 * (equal keys), counting positions from base. */
static void assign_ranks(expr_func f, double *v, const keyed *a, size_t len,
                         size_t base, size_t m)
{
    for (size_t s = 0; s < len;) {
        size_t e = s + 1;
        while (e < len && a[e].key == a[s].key)
            e++;
        /* positions base+s+1 .. base+e: their mean */
        double r = rank_value(f, (double)(2 * base + s + e + 1) / 2.0, m);
        for (size_t j = s; j < e; j++)
            v[a[j].row] = r;
        s = e;
    }
}

/* Sorts 64-bit words by their bits [low, 64) (stable LSD radix); tmp is
 * scratch of the same size. The result ends in a. */
static void radix_sort_top(uint64_t *a, uint64_t *tmp, size_t m, int low,
                           size_t (*hist)[RADIX_SIZE])
{
    int passes = (64 - low + RADIX_BITS - 1) / RADIX_BITS;
    memset(hist, 0, (size_t)passes * sizeof *hist);
    for (size_t i = 0; i < m; i++)
        for (int p = 0; p < passes; p++)
            hist[p][(a[i] >> (low + p * RADIX_BITS)) & (RADIX_SIZE - 1)]++;
    uint64_t *src = a, *dst = tmp;
    for (int p = 0; p < passes; p++) {
        size_t *h = hist[p];
        int shift = low + p * RADIX_BITS;
        if (h[(src[0] >> shift) & (RADIX_SIZE - 1)] == m)
            continue;
        exclusive_sums(h);
        for (size_t i = 0; i < m; i++)
            dst[h[(src[i] >> shift) & (RADIX_SIZE - 1)]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, m * sizeof *a);
}

/* Ranks with full 16-byte (key, row) records: for more than 2^32 rows. */
static int rank_keyed(expr_func f, double *v, const uint8_t *miss, size_t n,
                      size_t m, expr_ws *ws)
{
    keyed *a = expr_ws_take(ws, 2 * m * sizeof *a);
    size_t (*hist)[RADIX_SIZE] = a ? expr_ws_take(ws, RADIX_PASSES * sizeof *hist) : NULL;
    if (!hist)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (miss[i] == 0)
            a[k++] = (keyed){sort_key(v[i]), i};
    radix_sort(a, a + m, m, hist);
    assign_ranks(f, v, a, m, 0, m);
    return 0;
}

/* rank / rank_desc / percentile in place: average ranks of ties. Sorts
 * 8-byte words holding the top bits of the key above the row number (for a
 * million rows: 44 key bits, 4 radix passes); the few rows whose top key
 * bits collide are then ordered by their full keys. */
static int area_rank(expr_func f, double *v, const uint8_t *miss, size_t n,
                     expr_ws *ws)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += miss[i] == 0;
    if (m == 0)
        return 0;
    int low = 1; /* bits for the row number */
    while (low < 64 && ((size_t)1 << low) < n)
        low++;
    if (low > 40)
        return rank_keyed(f, v, miss, n, m, ws);
    uint64_t *a = expr_ws_take(ws, 2 * m * sizeof *a);
    size_t (*hist)[RADIX_SIZE] = a ? expr_ws_take(ws, RADIX_PASSES * sizeof *hist) : NULL;
    if (!hist)
        return -1;
    const uint64_t lo = ((uint64_t)1 << low) - 1, hi = ~lo;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (miss[i] == 0)
            a[k++] = (sort_key(v[i]) & hi) | i;
    radix_sort_top(a, a + m, m, low, hist);
    size_t longest = 1;
    for (size_t s = 0, e; s < m; s = e) {
        for (e = s + 1; e < m && (a[e] & hi) == (a[s] & hi); e++)
            ;
        longest = e - s > longest ? e - s : longest;
    }
    keyed *run = NULL;
    if (longest > 1 && !(run = expr_ws_take(ws, 2 * longest * sizeof *run)))
        return -1;
    for (size_t s = 0, e; s < m; s = e) {
        for (e = s + 1; e < m && (a[e] & hi) == (a[s] & hi); e++)
            ;
        if (e - s == 1) {
            v[a[s] & lo] = rank_value(f, (double)(s + 1), m);
            continue;
        }
        size_t len = e - s;
        int sorted = 1;
        for (size_t j = 0; j < len; j++) {
            size_t row = a[s + j] & lo;
            run[j] = (keyed){sort_key(v[row]), row};
            sorted &= j == 0 || run[j - 1].key <= run[j].key;
        }
        if (!sorted && len <= 32) {
            for (size_t j = 1; j < len; j++) { /* insertion sort */
                keyed x = run[j];
                size_t q = j;
                for (; q > 0 && run[q - 1].key > x.key; q--)
                    run[q] = run[q - 1];
                run[q] = x;
            }
        } else if (!sorted) {
            radix_sort(run, run + len, len, hist);
        }
        assign_ranks(f, v, run, len, s, m);
    }
    return 0;
}

/* Marks every valid row missing with reason why. */
static void all_valid_missing(uint8_t *miss, size_t n, uint8_t why)
{
    for (size_t i = 0; i < n; i++)
        miss[i] = miss[i] ? miss[i] : why;
}

/* Marks valid rows holding a non-finite value MISS_INVALID. */
static void check_finite(const double *v, uint8_t *miss, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t p = miss[i], f = fabs(v[i]) <= DBL_MAX ? 0 : MISS_INVALID;
        miss[i] = p ? p : f;
    }
}

/* Neumaier-compensated sum and count of the valid values. */
static double valid_sum(const double *v, const uint8_t *miss, size_t n,
                        size_t *count)
{
    double s = 0, c = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (miss[i])
            continue;
        double x = v[i], t = s + x;
        c += fabs(s) >= fabs(x) ? (s - t) + x : (x - t) + s;
        s = t;
        k++;
    }
    *count = k;
    return s + c;
}

/* zscore in place: (x - mean) / population sd over the valid rows. */
static void area_zscore(double *v, uint8_t *miss, size_t n)
{
    size_t k;
    double mean = valid_sum(v, miss, n, &k);
    if (k < 2) {
        all_valid_missing(miss, n, MISS_INVALID);
        return;
    }
    mean /= (double)k;
    double ss = 0, lo = DBL_MAX, hi = -DBL_MAX;
    for (size_t i = 0; i < n; i++) {
        if (miss[i])
            continue;
        double d = v[i] - mean;
        ss += d * d;
        lo = v[i] < lo ? v[i] : lo;
        hi = v[i] > hi ? v[i] : hi;
    }
    double sd = sqrt(ss / (double)k);
    if (lo == hi || !(sd > 0) || !isfinite(sd)) {
        all_valid_missing(miss, n, MISS_INVALID);
        return;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = (v[i] - mean) / sd;
    check_finite(v, miss, n);
}

/* share in place: 100 * x / (sum of the valid rows). */
static void area_share(double *v, uint8_t *miss, size_t n)
{
    size_t k;
    double sum = valid_sum(v, miss, n, &k);
    if (k == 0)
        return;
    if (sum == 0) {
        all_valid_missing(miss, n, MISS_DIV_ZERO);
        return;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = 100.0 * v[i] / sum;
    check_finite(v, miss, n);
}

int expr_area_vector(expr_func f, double *v, uint8_t *m, size_t n,
                     expr_ws *ws)
{
    switch (f) {
    case F_RANK:
    case F_RANK_DESC:
    case F_PERCENTILE:
        return area_rank(f, v, m, n, ws);
    case F_ZSCORE:
        area_zscore(v, m, n);
        return 0;
    case F_SHARE:
        area_share(v, m, n);
        return 0;
    default:
        err_set(ERR_EXPR, NULL, 0, NULL, "internal error: %s() is not an "
                "area function with one value per row", expr_func_get(f)->name);
        return -1;
    }
}

void expr_area_scalar(expr_func f, const double *v, const uint8_t *m,
                      size_t n, double *value, uint8_t *miss)
{
    size_t k;
    double sum = valid_sum(v, m, n, &k);
    *miss = 0;
    if (f == F_COUNT_AREA) {
        *value = (double)k;
        return;
    }
    if (k == 0) {
        *value = 0;
        *miss = n > 0 && m[0] ? m[0] : MISS_EMPTY;
        return;
    }
    if (f == F_SUM_AREA) {
        *value = sum;
    } else if (f == F_MEAN_AREA) {
        *value = sum / (double)k;
    } else {
        double best = f == F_MIN_AREA ? DBL_MAX : -DBL_MAX;
        for (size_t i = 0; i < n; i++) {
            if (m[i])
                continue;
            if (f == F_MIN_AREA ? v[i] < best : v[i] > best)
                best = v[i];
        }
        *value = best;
    }
    if (!isfinite(*value))
        *miss = MISS_INVALID;
}
