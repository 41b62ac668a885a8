/* cls.c - classification methods for choropleth maps; see cls.h. */
#include "cls.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "nametab.h"

/* Largest share of values the head may hold for head/tail breaks to keep
 * splitting it (Jiang 2013 uses "less than 40 %"). */
#define HEADTAIL_LIMIT 0.4

static const nametab method_names[] = {
    {"quantile", CLS_QUANTILE},      {"equal", CLS_EQUAL},
    {"equal_interval", CLS_EQUAL},   {"jenks", CLS_JENKS},
    {"fisher_jenks", CLS_JENKS},     {"natural_breaks", CLS_JENKS},
    {"headtail", CLS_HEADTAIL},      {"head_tail", CLS_HEADTAIL},
    {"stddev", CLS_STDDEV},          {"sd", CLS_STDDEV},
    {"pretty", CLS_PRETTY},          {"manual", CLS_MANUAL},
};

/* Parses a method name; see cls.h. */
int cls_method_parse(const char *name, cls_method *out)
{
    int m = NAMETAB_FIND(method_names, name, 1, -1);
    if (m >= 0) {
        *out = (cls_method)m;
        return 0;
    }
    err_set(ERR_RECIPE, NULL, 0, NULL,
            "unknown classification method '%s'; use one of quantile, "
            "equal (equal_interval), jenks (fisher_jenks, natural_breaks), "
            "headtail (head_tail), stddev (sd), pretty or manual",
            name ? name : "(none)");
    return -1;
}

/* Canonical name of a method; see cls.h. */
const char *cls_method_name(cls_method m)
{
    switch (m) {
    case CLS_QUANTILE: return "quantile";
    case CLS_EQUAL: return "equal";
    case CLS_JENKS: return "jenks";
    case CLS_HEADTAIL: return "headtail";
    case CLS_STDDEV: return "stddev";
    case CLS_PRETTY: return "pretty";
    case CLS_MANUAL: return "manual";
    }
    return "unknown";
}

/* Frees the arrays of a result and zeroes it; see cls.h. */
void cls_result_free(cls_result *r)
{
    if (!r)
        return;
    MEM_FREE_ALL(r->breaks, r->counts);
    memset(r, 0, sizeof *r);
}

/* Class index of v; see cls.h. */
int cls_class_of(const cls_result *r, double v)
{
    if (!r || r->k < 1 || !r->breaks || isnan(v))
        return -1;
    const double *b = r->breaks;
    int k = r->k;
    if (v < b[0] || v > b[k])
        return -1;
    if (v <= b[1])
        return 0;
    /* smallest i in [2, k] with v <= b[i]; class i-1 */
    int lo = 2, hi = k;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (v <= b[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo - 1;
}

/* Class per row; see cls.h. */
void cls_assign(const cls_result *r, const double *v, const uint8_t *miss,
                size_t n, int *cls_out)
{
    for (size_t i = 0; i < n; i++)
        cls_out[i] = (miss && miss[i]) ? -1 : cls_class_of(r, v[i]);
}

/* The class of valid value i (-1 when missing or outside every class). */
static int valid_class(const cls_result *r, const double *v,
                       const uint8_t *miss, size_t i)
{
    return miss && miss[i] ? -1 : cls_class_of(r, v[i]);
}

/* Goodness of variance fit; see cls.h. Two passes: class sums, then
 * squared deviations from the overall and the class means. */
double cls_gvf(const cls_result *r, const double *v, const uint8_t *miss,
               size_t n)
{
    if (!r || r->k < 1 || r->k > CLS_K_MAX)
        return NAN;
    double sum[CLS_K_MAX] = {0}, mean_c[CLS_K_MAX];
    size_t cnt[CLS_K_MAX] = {0};
    double total = 0;
    size_t all = 0;
    for (size_t i = 0; i < n; i++) {
        int c = valid_class(r, v, miss, i);
        if (c < 0)
            continue;
        sum[c] += v[i];
        cnt[c]++;
        total += v[i];
        all++;
    }
    if (all == 0)
        return NAN;
    double mean = total / (double)all;
    for (int c = 0; c < r->k; c++)
        mean_c[c] = cnt[c] ? sum[c] / (double)cnt[c] : 0;
    double sdam = 0, sdcm = 0;
    for (size_t i = 0; i < n; i++) {
        int c = valid_class(r, v, miss, i);
        if (c < 0)
            continue;
        double d = v[i] - mean, e = v[i] - mean_c[c];
        sdam += d * d;
        sdcm += e * e;
    }
    if (sdam <= 0)
        return 1.0;
    double g = 1.0 - sdcm / sdam;
    return g < 0 ? 0 : g;
}

/* qsort comparator for doubles (no NaN present). */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Counts, below/above, mean/sd and gvf of r over v. The breaks and k must
 * be set; allocates r->counts. Returns 0 or -1 (ERR_MEMORY). */
static int fill_stats(cls_result *r, const double *v, const uint8_t *miss,
                      size_t n)
{
    mem_free(r->counts);
    r->counts = mem_calloc((size_t)r->k, sizeof *r->counts);
    if (!r->counts)
        return err_oom("class counts");
    r->n_valid = r->n_missing = r->n_below = r->n_above = 0;
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        if (miss && miss[i]) {
            r->n_missing++;
            continue;
        }
        r->n_valid++;
        total += v[i];
        int c = cls_class_of(r, v[i]);
        if (c >= 0)
            r->counts[c]++;
        else if (v[i] < r->breaks[0])
            r->n_below++;
        else
            r->n_above++;
    }
    r->mean = r->n_valid ? total / (double)r->n_valid : NAN;
    double ss = 0;
    for (size_t i = 0; i < n; i++) {
        if (miss && miss[i])
            continue;
        double d = v[i] - r->mean;
        ss += d * d;
    }
    r->sd = r->n_valid ? sqrt(ss / (double)r->n_valid) : NAN;
    r->gvf = cls_gvf(r, v, miss, n);
    return 0;
}

/* Sets r->k and r->breaks to a copy of b[0..k]. Returns 0 or -1 (OOM). */
static int set_breaks(cls_result *r, const double *b, int k)
{
    mem_free(r->breaks);
    r->breaks = mem_alloc(((size_t)k + 1) * sizeof *r->breaks);
    if (!r->breaks)
        return err_oom("class breaks");
    memcpy(r->breaks, b, ((size_t)k + 1) * sizeof *b);
    r->k = k;
    return 0;
}

/* Drops repeated breaks from b[0..*k] in place (keeping at least one
 * class) and lowers *k. */
static void merge_equal_breaks(double *b, int *k)
{
    int w = 0;
    for (int i = 1; i <= *k; i++)
        if (b[i] != b[w])
            b[++w] = b[i];
    if (w == 0)
        b[++w] = b[0];
    *k = w;
}

/* ---- quantile, equal interval -------------------------------------- */

/* R type 7 quantile breaks of sorted x[0..n) into k classes. */
static void quantile_breaks(const double *x, size_t n, int k, double *b)
{
    for (int i = 0; i <= k; i++) {
        size_t num = (n - 1) * (size_t)i; /* index*k, exact */
        size_t lo = num / (size_t)k, rem = num % (size_t)k;
        if (rem == 0 || lo + 1 >= n || x[lo] == x[lo + 1]) {
            b[i] = x[lo]; /* as R: no interpolation between ties */
        } else {
            double h = (double)rem / (double)k;
            double q = (1 - h) * x[lo] + h * x[lo + 1];
            b[i] = q < x[lo] ? x[lo] : q > x[lo + 1] ? x[lo + 1] : q;
        }
    }
    b[0] = x[0];
    b[k] = x[n - 1];
}

/* Equal-interval breaks between lo and hi. */
static void equal_breaks(double lo, double hi, int k, double *b)
{
    double w = hi - lo;
    for (int i = 0; i <= k; i++) {
        double t = (double)i / (double)k;
        b[i] = isfinite(w) ? lo + t * w : lo * (1 - t) + hi * t;
    }
    b[k] = hi;
}

/* ---- Fisher-Jenks ---------------------------------------------------- */

/* Prefix sums over distinct values (weights, sums, sums of squares, all
 * centred on the mean for precision) and the DP rows. */
typedef struct {
    size_t m;
    const long double *p0, *p1, *p2; /* m + 1 each */
    const long double *prev;         /* F[c-1][0..m] */
    long double *cur;                /* F[c][0..m] */
    size_t *opt;                     /* argmin row for this c, m + 1 */
} jenks_dp;

/* Within-class sum of squared deviations of distinct values [i, e). */
static long double seg_cost(const jenks_dp *J, size_t i, size_t e)
{
    long double w = J->p0[e] - J->p0[i];
    long double s = J->p1[e] - J->p1[i];
    long double q = J->p2[e] - J->p2[i];
    long double c = q - s * s / w;
    return c > 0 ? c : 0;
}

/* Divide and conquer step: fills cur[j] for j in [jlo, jhi], knowing the
 * optimal start of the last class lies in [olo, ohi] (monotone in j since
 * the squared-deviation cost satisfies the quadrangle inequality). */
static void jenks_dc(jenks_dp *J, size_t jlo, size_t jhi, size_t olo,
                     size_t ohi)
{
    while (jlo <= jhi) {
        size_t mid = jlo + (jhi - jlo) / 2;
        size_t hi = ohi < mid - 1 ? ohi : mid - 1, best = olo;
        long double bestv = INFINITY;
        for (size_t i = olo; i <= hi; i++) {
            long double c = J->prev[i] + seg_cost(J, i, mid);
            if (c < bestv) {
                bestv = c;
                best = i;
            }
        }
        J->cur[mid] = bestv;
        J->opt[mid] = best;
        if (mid > jlo)
            jenks_dc(J, jlo, mid - 1, olo, best);
        jlo = mid + 1; /* right half, iteratively */
        olo = best;
    }
}

/* Exact Fisher-Jenks breaks of sorted x[0..n) with m distinct values
 * into k <= m classes; writes b[0..k]. Returns 0 or -1 (OOM). */
static int jenks_breaks(const double *x, size_t n, size_t m, int k, double *b)
{
    double *u = mem_alloc(m * sizeof *u);
    long double *p = mem_alloc(3 * (m + 1) * sizeof *p);
    long double *rows = mem_alloc(2 * (m + 1) * sizeof *rows);
    size_t *opt = mem_alloc((size_t)(k > 1 ? k - 1 : 1) * (m + 1) * sizeof *opt);
    if (!u || !p || !rows || !opt) {
        mem_free(u), mem_free(p), mem_free(rows), mem_free(opt);
        return err_oom("Jenks tables");
    }
    long double mean = 0;
    for (size_t i = 0; i < n; i++)
        mean += x[i];
    mean /= (long double)n;
    long double *p0 = p, *p1 = p + m + 1, *p2 = p + 2 * (m + 1);
    p0[0] = p1[0] = p2[0] = 0;
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && x[e] == x[i])
            e++;
        long double w = (long double)(e - i), c = (long double)x[i] - mean;
        u[j] = x[i];
        p0[j + 1] = p0[j] + w;
        p1[j + 1] = p1[j] + w * c;
        p2[j + 1] = p2[j] + w * c * c;
        j++;
        i = e;
    }
    jenks_dp J = {.m = m, .p0 = p0, .p1 = p1, .p2 = p2};
    long double *prev = rows, *cur = rows + m + 1;
    for (size_t e = 1; e <= m; e++)
        prev[e] = seg_cost(&J, 0, e);
    for (int c = 2; c <= k; c++) {
        J.prev = prev;
        J.cur = cur;
        J.opt = opt + (size_t)(c - 2) * (m + 1);
        /* j = number of distinct values covered, at least c; the last
         * class starts at i in [c-1, j-1]. Only F[k][m] is needed last. */
        size_t jlo = c == k ? m : (size_t)c;
        jenks_dc(&J, jlo, m, (size_t)c - 1, m - 1);
        long double *t = prev;
        prev = cur;
        cur = t;
    }
    b[0] = u[0];
    b[k] = u[m - 1];
    size_t e = m;
    for (int c = k; c >= 2; c--) {
        size_t i = opt[(size_t)(c - 2) * (m + 1) + e];
        b[c - 1] = u[i - 1];
        e = i;
    }
    mem_free(u), mem_free(p), mem_free(rows), mem_free(opt);
    return 0;
}

/* ---- head/tail, standard deviation, pretty --------------------------- */

/* Head/tail breaks of sorted x[0..n) (at least two distinct values), at
 * most kmax classes; returns the number of classes and fills b. */
static int headtail_breaks(const double *x, size_t n, int kmax, double *b)
{
    int k = 1;
    size_t start = 0; /* the current head is x[start..n) */
    b[0] = x[0];
    while (k < kmax) {
        size_t len = n - start;
        long double s = 0;
        for (size_t i = start; i < n; i++)
            s += x[i];
        double mean = (double)(s / (long double)len);
        if (mean < x[start])
            mean = x[start];
        if (mean > x[n - 1])
            mean = x[n - 1];
        size_t h = start;
        while (h < n && x[h] <= mean)
            h++;
        if (h == n || h == start)
            break; /* one distinct value left: nothing to split */
        b[k++] = mean;
        size_t head = n - h;
        start = h;
        if ((double)head > HEADTAIL_LIMIT * (double)len)
            break; /* the head is no longer a minority */
        if (x[start] == x[n - 1])
            break;
    }
    b[k] = x[n - 1];
    return k;
}

/* Standard deviation breaks; returns the number of classes, fills b. */
static int stddev_breaks(double lo, double hi, double mean, double sd, int k,
                         double *b)
{
    int nb = 0;
    b[nb++] = lo;
    for (int j = 0; j < k - 1; j++) {
        double mult = (k % 2 == 0) ? (double)(j - (k / 2 - 1))
                                   : (double)(j - (k - 1) / 2) + 0.5;
        double br = mean + mult * sd;
        if (br > lo && br < hi)
            b[nb++] = br;
    }
    b[nb] = hi;
    return nb;
}

/* Multiple i of a unit mant x 10^e, computed so decimal units stay exact
 * (e.g. 3 x 0.2 is 0.6, not 0.6000000000000001). */
static double unit_multiple(double i, double mant, int e)
{
    if (e >= 0)
        return i * mant * pow(10.0, e);
    return (i * mant) / pow(10.0, -e);
}

/* R's pretty(c(lo, hi), n = ndiv) (R_pretty with R's defaults:
 * min.n = n %/% 3, shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 2.75).
 * Writes the breaks into b (room for CLS_K_MAX + 1) and returns the
 * number of classes, or -1 (error set) when there would be more than
 * CLS_K_MAX. */
static int pretty_breaks(double lo, double hi, int ndiv, double *b)
{
    const double h = 1.5, h5 = 0.5 + 1.5 * h, eps = 1e-10;
    int min_n = ndiv / 3;
    double dx = hi - lo, cell;
    if (!isfinite(dx) || fabs(lo) > 1e300 || fabs(hi) > 1e300) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "the values (%g to %g) are too large for pretty breaks; use "
                "another classification method",
                lo, hi);
        return -1;
    }
    int i_small;
    if (dx == 0 && hi == 0) {
        cell = 1;
        i_small = 1;
    } else {
        cell = fmax(fabs(lo), fabs(hi));
        double U = 1 + ((h5 >= 1.5 * h + 0.5) ? 1 / (1 + h) : 1.5 / (1 + h5));
        U *= (ndiv > 1 ? ndiv : 1) * DBL_EPSILON;
        i_small = dx < cell * U * 3;
    }
    if (i_small) {
        if (cell > 10)
            cell = 9 + cell / 10;
        cell *= 0.75;
        if (min_n > 1)
            cell /= min_n;
    } else {
        cell = dx;
        if (ndiv > 1)
            cell /= ndiv;
    }
    if (cell < 20 * DBL_MIN)
        cell = 20 * DBL_MIN;
    int e = (int)floor(log10(cell));
    double base = pow(10.0, e);
    if (base > cell) { /* guard against log10 rounding */
        e--;
        base = pow(10.0, e);
    } else if (base * 10 <= cell) {
        e++;
        base = pow(10.0, e);
    }
    double mant = 1, unit = base;
    if (2 * base - cell < h * (cell - unit)) {
        mant = 2, unit = 2 * base;
        if (5 * base - cell < h5 * (cell - unit)) {
            mant = 5, unit = 5 * base;
            if (10 * base - cell < h * (cell - unit))
                mant = 10, unit = 10 * base;
        }
    }
    double ns = floor(lo / unit + eps), nu = ceil(hi / unit - eps);
    while (ns * unit > lo + eps * unit)
        ns--;
    while (nu * unit < hi - eps * unit)
        nu++;
    int k = (int)(0.5 + nu - ns);
    if (k < min_n) {
        int d = min_n - k;
        if (ns >= 0) {
            nu += d / 2;
            ns -= d / 2 + d % 2;
        } else {
            ns -= d / 2;
            nu += d / 2 + d % 2;
        }
        k = min_n;
    }
    if (k < 1 || k > CLS_K_MAX) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "pretty breaks for %d classes would make %d classes; ask for "
                "fewer classes",
                ndiv, k);
        return -1;
    }
    double delta = (nu - ns) * unit / k;
    for (int i = 0; i <= k; i++) {
        double s = unit_multiple(ns + i, mant, e);
        b[i] = fabs(s) < 1e-14 * delta ? 0 : s;
    }
    return k;
}

/* ---- the entry points ------------------------------------------------ */

/* Checks manual breaks: count, order, no NaN, infinities only at the
 * ends. Returns 0 or -1 (ERR_RECIPE). */
static int check_manual(const double *mb, size_t nm)
{
    if (!mb || nm < 2 || nm > (size_t)CLS_K_MAX + 1) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "manual classification needs between 2 and %d breaks, got "
                "%zu",
                CLS_K_MAX + 1, mb ? nm : 0);
        return -1;
    }
    for (size_t i = 0; i < nm; i++) {
        if (isnan(mb[i]) || (isinf(mb[i]) && !(i == 0 && mb[i] < 0) &&
                             !(i == nm - 1 && mb[i] > 0))) {
            err_set(ERR_RECIPE, NULL, 0, NULL,
                    "manual break %zu is not a finite number; only the first "
                    "break may be -infinity and only the last +infinity",
                    i + 1);
            return -1;
        }
        if (i > 0 && !(mb[i] > mb[i - 1])) {
            err_set(ERR_RECIPE, NULL, 0, NULL,
                    "manual breaks must increase strictly, but break %zu "
                    "(%g) is not greater than break %zu (%g)",
                    i + 1, mb[i], i, mb[i - 1]);
            return -1;
        }
    }
    return 0;
}

/* Copies the valid values of v into a new sorted array; *nv gets their
 * count. Fails (NULL, error set) on a non-finite valid value, no valid
 * value or OOM. */
static double *sorted_valid(const double *v, const uint8_t *miss, size_t n,
                            size_t *nv)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        if (miss && miss[i])
            continue;
        if (!isfinite(v[i])) {
            err_set(ERR_RECIPE, NULL, 0, NULL,
                    "value %zu to classify is not a finite number (%g); it "
                    "should have been marked missing",
                    i + 1, v[i]);
            return NULL;
        }
        c++;
    }
    if (c == 0) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "there are no valid values to classify: all %zu rows are "
                "missing",
                n);
        return NULL;
    }
    double *x = mem_alloc(c * sizeof *x);
    if (!x) {
        err_oom("values to classify");
        return NULL;
    }
    c = 0;
    for (size_t i = 0; i < n; i++)
        if (!(miss && miss[i]))
            x[c++] = v[i];
    qsort(x, c, sizeof *x, cmp_double);
    *nv = c;
    return x;
}

/* Classifies v; see cls.h. */
int cls_classify(const double *v, const uint8_t *miss, size_t n, cls_method m,
                 int k, const double *manual_breaks, size_t n_manual,
                 cls_result *out)
{
    memset(out, 0, sizeof *out);
    out->method = m;
    if (m == CLS_MANUAL) {
        if (check_manual(manual_breaks, n_manual) < 0)
            return -1;
        k = (int)n_manual - 1;
    } else if ((unsigned)m > CLS_MANUAL) {
        err_set(ERR_RECIPE, NULL, 0, NULL, "unknown classification method %d",
                (int)m);
        return -1;
    } else if (k < 1 || k > CLS_K_MAX) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "the number of classes must be between 1 and %d, got %d",
                CLS_K_MAX, k);
        return -1;
    }
    out->k_requested = k;
    size_t nv = 0;
    double *x = sorted_valid(v, miss, n, &nv);
    if (!x)
        return -1;
    size_t distinct = 1;
    for (size_t i = 1; i < nv; i++)
        distinct += x[i] != x[i - 1];
    double b[CLS_K_MAX + 2];
    int kk = k, rc = 0;
    if (m == CLS_MANUAL) {
        memcpy(b, manual_breaks, n_manual * sizeof *b);
    } else if (distinct == 1) {
        kk = 1;
        b[0] = b[1] = x[0];
    } else {
        if ((size_t)kk > distinct && m != CLS_PRETTY)
            kk = (int)distinct;
        double mean = 0, ss = 0;
        switch (m) {
        case CLS_QUANTILE:
            quantile_breaks(x, nv, kk, b);
            merge_equal_breaks(b, &kk);
            break;
        case CLS_EQUAL:
            equal_breaks(x[0], x[nv - 1], kk, b);
            merge_equal_breaks(b, &kk);
            break;
        case CLS_JENKS:
            rc = jenks_breaks(x, nv, distinct, kk, b);
            break;
        case CLS_HEADTAIL:
            kk = headtail_breaks(x, nv, kk, b);
            break;
        case CLS_STDDEV:
            for (size_t i = 0; i < nv; i++)
                mean += x[i];
            mean /= (double)nv;
            for (size_t i = 0; i < nv; i++)
                ss += (x[i] - mean) * (x[i] - mean);
            kk = stddev_breaks(x[0], x[nv - 1], mean, sqrt(ss / (double)nv),
                               kk, b);
            break;
        case CLS_PRETTY:
            kk = pretty_breaks(x[0], x[nv - 1], k, b);
            rc = kk < 0 ? -1 : 0;
            break;
        case CLS_MANUAL:
            break;
        }
    }
    mem_free(x);
    if (rc < 0 || set_breaks(out, b, kk) < 0 || fill_stats(out, v, miss, n) < 0)
        return -1;
    return 0;
}

/* Applies shared breaks to other data; see cls.h. */
int cls_reapply(const cls_result *shared, const double *v,
                const uint8_t *miss, size_t n, cls_result *out)
{
    memset(out, 0, sizeof *out);
    if (!shared || shared->k < 1 || !shared->breaks) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "there are no shared class breaks to apply");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(miss && miss[i]) && !isfinite(v[i])) {
            err_set(ERR_RECIPE, NULL, 0, NULL,
                    "value %zu to classify is not a finite number (%g); it "
                    "should have been marked missing",
                    i + 1, v[i]);
            return -1;
        }
    }
    out->method = shared->method;
    out->k_requested = shared->k_requested;
    if (set_breaks(out, shared->breaks, shared->k) < 0)
        return -1;
    return fill_stats(out, v, miss, n);
}
