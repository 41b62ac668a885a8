/* test_cls.c - classification: Fisher-Jenks against brute force, the other
 * methods on worked examples, edge cases, and real CBS income data. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cls.h"
#include "err.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Deterministic xorshift64* generator, so failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Exact SDCM x 27720 (= lcm(1..12)) of integer values grouped by class:
 * sum over classes of (W*S2 - S1^2) * 27720 / W. n <= 12. */
static int64_t sdcm_exact(const int *val, const int *cls, int n, int k)
{
    int64_t w[64] = {0}, s1[64] = {0}, s2[64] = {0}, tot = 0;
    for (int i = 0; i < n; i++) {
        w[cls[i]]++;
        s1[cls[i]] += val[i];
        s2[cls[i]] += (int64_t)val[i] * val[i];
    }
    for (int c = 0; c < k; c++)
        if (w[c])
            tot += (w[c] * s2[c] - s1[c] * s1[c]) * (27720 / w[c]);
    return tot;
}

/* Brute force: smallest exact SDCM over all ways to cut the m distinct
 * sorted values u[] into k contiguous non-empty groups. */
static int64_t brute_min(const int *val, int n, const int *u, int m, int k)
{
    int64_t best = INT64_MAX;
    int cut[8]; /* cut[j]: first distinct index of group j+1 */
    /* enumerate k-1 increasing cut positions in 1..m-1 */
    for (int j = 0; j < k - 1; j++)
        cut[j] = j + 1;
    for (;;) {
        int cls[12];
        for (int i = 0; i < n; i++) {
            int g = 0;
            while (g < k - 1 && val[i] >= u[cut[g]])
                g++;
            cls[i] = g;
        }
        int64_t s = sdcm_exact(val, cls, n, k);
        if (s < best)
            best = s;
        int j = k - 2;
        while (j >= 0 && cut[j] == m - 1 - (k - 2 - j))
            j--;
        if (j < 0)
            break;
        cut[j]++;
        for (int t = j + 1; t < k - 1; t++)
            cut[t] = cut[t - 1] + 1;
    }
    return best;
}

/* Fisher-Jenks: many small random inputs with ties and missing rows; the
 * SDCM of our partition must equal the brute-force optimum exactly. */
static void test_jenks_brute_force(void)
{
    int trials = 0, mismatches = 0;
    for (int t = 0; t < 3000; t++) {
        int n = 1 + (int)(rng() % 12);
        int range = 1 + (int)(rng() % 25); /* small ranges force ties */
        int k = 1 + (int)(rng() % 4);
        double v[16];
        uint8_t miss[16];
        int val[12], nv = 0;
        int with_missing = (int)(rng() % 3) == 0;
        int rows = n + (with_missing ? 3 : 0);
        for (int i = 0, r = 0; r < rows; r++) {
            int is_miss = with_missing && (rng() % 4 == 0 || i >= n);
            if (is_miss) {
                miss[r] = 2;
                v[r] = -99997; /* a sentinel that must be ignored */
            } else {
                miss[r] = 0;
                v[r] = (double)(rng() % (uint64_t)range);
                val[nv++] = (int)v[r];
                i++;
            }
        }
        if (nv == 0)
            continue;
        int u[12], m = 0, sorted[12];
        memcpy(sorted, val, sizeof(int) * (size_t)nv);
        qsort(sorted, (size_t)nv, sizeof(int), cmp_int);
        for (int i = 0; i < nv; i++)
            if (m == 0 || sorted[i] != u[m - 1])
                u[m++] = sorted[i];
        cls_result r;
        if (cls_classify(v, miss, (size_t)rows, CLS_JENKS, k, NULL, 0, &r) <
            0) {
            CHECK(!"cls_classify failed");
            cls_result_free(&r);
            continue;
        }
        int kk = k < m ? k : m;
        trials++;
        int ok = r.k == kk && r.k_requested == k && r.n_valid == (size_t)nv &&
                 r.n_missing == (size_t)(rows - nv) &&
                 r.breaks[0] == u[0] && r.breaks[r.k] == u[m - 1];
        int cls[12];
        size_t sum = 0;
        for (int c = 0; ok && c < r.k; c++)
            sum += r.counts[c];
        ok = ok && sum == (size_t)nv;
        for (int i = 0; ok && i < nv; i++) {
            cls[i] = cls_class_of(&r, val[i]);
            ok = cls[i] >= 0 && cls[i] < r.k;
        }
        for (int c = 0; ok && c < r.k; c++) /* every class used */
            ok = r.counts[c] > 0;
        if (ok && kk > 1)
            ok = sdcm_exact(val, cls, nv, r.k) == brute_min(val, nv, u, m, kk);
        if (!ok) {
            mismatches++;
            if (mismatches <= 3) {
                fprintf(stderr, "jenks mismatch: n=%d k=%d values", nv, k);
                for (int i = 0; i < nv; i++)
                    fprintf(stderr, " %d", val[i]);
                fprintf(stderr, "\n");
            }
        }
        cls_result_free(&r);
    }
    CHECK(trials > 2500);
    CHECK(mismatches == 0);
}

/* Reference O(k m^2) dynamic programme on distinct values (long double),
 * returning the optimal SDCM, to check the divide-and-conquer version on
 * inputs too large for brute force. */
static long double jenks_ref_sdcm(const double *x, size_t n, int k)
{
    double *s = malloc(n * sizeof *s);
    memcpy(s, x, n * sizeof *s);
    for (size_t i = 1; i < n; i++) /* insertion sort is fine here */
        for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) {
            double t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
    size_t m = 0;
    long double *w = calloc(n + 1, sizeof *w), *p1 = calloc(n + 1, sizeof *p1),
                *p2 = calloc(n + 1, sizeof *p2);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || s[i] != s[i - 1])
            m++;
        w[m] += 1;
        p1[m] += s[i];
        p2[m] += (long double)s[i] * s[i];
    }
    for (size_t i = 1; i <= m; i++)
        w[i] += w[i - 1], p1[i] += p1[i - 1], p2[i] += p2[i - 1];
    long double *prev = malloc((m + 1) * sizeof *prev),
                *cur = malloc((m + 1) * sizeof *cur);
#define COST(i, e)                                                         \
    ((p2[e] - p2[i]) - (p1[e] - p1[i]) * (p1[e] - p1[i]) / (w[e] - w[i]))
    for (size_t e = 1; e <= m; e++)
        prev[e] = COST(0, e);
    if (k > (int)m)
        k = (int)m;
    for (int c = 2; c <= k; c++) {
        for (size_t e = (size_t)c; e <= m; e++) {
            long double best = INFINITY;
            for (size_t i = (size_t)c - 1; i < e; i++) {
                long double v = prev[i] + COST(i, e);
                if (v < best)
                    best = v;
            }
            cur[e] = best;
        }
        long double *t = prev;
        prev = cur;
        cur = t;
    }
#undef COST
    long double r = prev[m];
    free(s), free(w), free(p1), free(p2), free(prev), free(cur);
    return r;
}

/* SDCM of a classification, computed two-pass from the class means. */
static long double sdcm_of(const cls_result *r, const double *x, size_t n)
{
    long double sum[CLS_K_MAX] = {0}, ss = 0;
    size_t cnt[CLS_K_MAX] = {0};
    for (size_t i = 0; i < n; i++) {
        int c = cls_class_of(r, x[i]);
        sum[c] += x[i];
        cnt[c]++;
    }
    for (size_t i = 0; i < n; i++) {
        int c = cls_class_of(r, x[i]);
        long double d = x[i] - sum[c] / cnt[c];
        ss += d * d;
    }
    return ss;
}

/* Divide and conquer against the quadratic DP on larger inputs. */
static void test_jenks_vs_quadratic(void)
{
    static double x[3000];
    for (int t = 0; t < 12; t++) {
        size_t n = 200 + (size_t)(rng() % 2800);
        int k = 2 + t % 8;
        for (size_t i = 0; i < n; i++) {
            if (t % 3 == 0) /* integers with many ties */
                x[i] = (double)(rng() % 400);
            else if (t % 3 == 1) /* skewed reals */
                x[i] = exp((double)(rng() % 100000) / 10000.0);
            else /* clustered reals */
                x[i] = (double)(rng() % 5) * 100 +
                       (double)(rng() % 1000) / 100.0;
        }
        cls_result r;
        CHECK(cls_classify(x, NULL, n, CLS_JENKS, k, NULL, 0, &r) == 0);
        long double ref = jenks_ref_sdcm(x, n, k), got = sdcm_of(&r, x, n);
        CHECK(r.k == k);
        CHECK(fabsl(got - ref) <= 1e-9L * (ref > 1 ? ref : 1));
        cls_result_free(&r);
    }
}

/* Small worked Jenks examples, GVF and the all-equal / few-distinct cases. */
static void test_jenks_examples(void)
{
    cls_result r;
    const double a[] = {1, 2, 10, 11};
    CHECK(cls_classify(a, NULL, 4, CLS_JENKS, 2, NULL, 0, &r) == 0);
    CHECK(r.k == 2);
    CHECK_NEAR(r.breaks[0], 1, 0);
    CHECK_NEAR(r.breaks[1], 2, 0);
    CHECK_NEAR(r.breaks[2], 11, 0);
    /* SDCM = 0.5 + 0.5 = 1, SDAM = 25 + 16 + 16 + 25 = 82 */
    CHECK_NEAR(r.gvf, 1.0 - 1.0 / 82.0, 1e-12);
    cls_result_free(&r);

    /* ties: {1} {5,5,5,6} {20,21} has SDCM 0 + 0.75 + 0.5 = 1.25, better
     * than {1,5,5,5,6} {20} {21} (15.2) or splitting {5,5,5,6} */
    const double t[] = {1, 5, 5, 5, 6, 20, 21};
    CHECK(cls_classify(t, NULL, 7, CLS_JENKS, 3, NULL, 0, &r) == 0);
    CHECK(r.k == 3);
    CHECK(r.breaks[1] == 1 && r.breaks[2] == 6 && r.breaks[3] == 21);
    CHECK(r.counts[0] == 1 && r.counts[1] == 4 && r.counts[2] == 2);
    cls_result_free(&r);

    /* all equal: one class */
    const double e[] = {7, 7, 7, 7};
    for (int m = CLS_QUANTILE; m <= CLS_PRETTY; m++) {
        CHECK(cls_classify(e, NULL, 4, (cls_method)m, 5, NULL, 0, &r) == 0);
        CHECK(r.k == 1 && r.k_requested == 5);
        CHECK(r.breaks[0] == 7 && r.breaks[1] == 7);
        CHECK(r.counts[0] == 4);
        CHECK_NEAR(r.gvf, 1, 0);
        CHECK(cls_class_of(&r, 7) == 0 && cls_class_of(&r, 7.5) == -1);
        cls_result_free(&r);
    }

    /* fewer distinct values than classes: k drops to 3 */
    const double f[] = {1, 1, 2, 2, 2, 9, 9};
    CHECK(cls_classify(f, NULL, 7, CLS_JENKS, 5, NULL, 0, &r) == 0);
    CHECK(r.k == 3 && r.k_requested == 5);
    CHECK(r.breaks[0] == 1 && r.breaks[1] == 1 && r.breaks[2] == 2 &&
          r.breaks[3] == 9);
    CHECK(r.counts[0] == 2 && r.counts[1] == 3 && r.counts[2] == 2);
    CHECK_NEAR(r.gvf, 1, 1e-12);
    cls_result_free(&r);
    CHECK(cls_classify(f, NULL, 7, CLS_QUANTILE, 5, NULL, 0, &r) == 0);
    CHECK(r.k <= 3);
    cls_result_free(&r);
}

/* Quantile (R type 7), with and without ties. */
static void test_quantile(void)
{
    cls_result r;
    const double a[] = {9, 1, 8, 2, 7, 3, 6, 4, 5};
    CHECK(cls_classify(a, NULL, 9, CLS_QUANTILE, 4, NULL, 0, &r) == 0);
    /* (n-1) i / k = 2i: exactly the values 1, 3, 5, 7, 9 */
    const double qa[] = {1, 3, 5, 7, 9};
    CHECK(r.k == 4);
    for (int i = 0; i <= 4; i++)
        CHECK_NEAR(r.breaks[i], qa[i], 0);
    CHECK(r.counts[0] == 3 && r.counts[1] == 2 && r.counts[2] == 2 &&
          r.counts[3] == 2);
    cls_result_free(&r);

    /* interpolation: 1..10 in 3 classes: positions 3 and 6 (0-based) */
    const double b[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    CHECK(cls_classify(b, NULL, 10, CLS_QUANTILE, 3, NULL, 0, &r) == 0);
    CHECK_NEAR(r.breaks[1], 4, 1e-12);
    CHECK_NEAR(r.breaks[2], 7, 1e-12);
    cls_result_free(&r);
    CHECK(cls_classify(b, NULL, 10, CLS_QUANTILE, 4, NULL, 0, &r) == 0);
    /* positions 2.25, 4.5, 6.75 -> 3.25, 5.5, 7.75 (R: quantile(1:10)) */
    CHECK_NEAR(r.breaks[1], 3.25, 1e-12);
    CHECK_NEAR(r.breaks[2], 5.5, 1e-12);
    CHECK_NEAR(r.breaks[3], 7.75, 1e-12);
    cls_result_free(&r);

    /* ties: {1,1,1,1,2,3} in 3: breaks 1, 1, 4/3, 3 -> merged 1, 4/3, 3 */
    const double t[] = {1, 1, 2, 1, 3, 1};
    CHECK(cls_classify(t, NULL, 6, CLS_QUANTILE, 3, NULL, 0, &r) == 0);
    CHECK(r.k == 2 && r.k_requested == 3);
    CHECK_NEAR(r.breaks[0], 1, 0);
    CHECK_NEAR(r.breaks[1], 4.0 / 3.0, 1e-12);
    CHECK_NEAR(r.breaks[2], 3, 0);
    CHECK(r.counts[0] == 4 && r.counts[1] == 2);
    cls_result_free(&r);
}

/* Equal interval. */
static void test_equal(void)
{
    cls_result r;
    const double a[] = {0, 1, 7, 10, 3};
    CHECK(cls_classify(a, NULL, 5, CLS_EQUAL, 5, NULL, 0, &r) == 0);
    const double ea[] = {0, 2, 4, 6, 8, 10};
    CHECK(r.k == 5);
    for (int i = 0; i <= 5; i++)
        CHECK_NEAR(r.breaks[i], ea[i], 1e-12);
    /* [0,2]: 0,1  (2,4]: 3  (4,6]: -  (6,8]: 7  (8,10]: 10 */
    const size_t ca[] = {2, 1, 0, 1, 1};
    for (int i = 0; i < 5; i++)
        CHECK(r.counts[i] == ca[i]);
    cls_result_free(&r);
    /* 4 distinct values but 5 classes asked: 4 classes of width 2.5 */
    CHECK(cls_classify(a, NULL, 4, CLS_EQUAL, 5, NULL, 0, &r) == 0);
    CHECK(r.k == 4 && r.k_requested == 5);
    CHECK_NEAR(r.breaks[1], 2.5, 1e-12);
    CHECK_NEAR(r.breaks[4], 10, 0);
    cls_result_free(&r);
}

/* R pretty() worked examples (computed by hand from R's R_pretty). */
static void test_pretty(void)
{
    static const struct {
        double lo, hi;
        int k;
        int nb;
        double b[10];
    } cases[] = {
        {0, 97, 5, 6, {0, 20, 40, 60, 80, 100}},
        {1, 1000, 5, 6, {0, 200, 400, 600, 800, 1000}},
        {0, 1, 5, 6, {0, 0.2, 0.4, 0.6, 0.8, 1}},
        {-3.7, 12.2, 5, 5, {-5, 0, 5, 10, 15}},
        {1.3, 7.9, 5, 8, {1, 2, 3, 4, 5, 6, 7, 8}},
        {8.3, 72.6, 5, 9, {0, 10, 20, 30, 40, 50, 60, 70, 80}},
        {0.0012, 0.0087, 5, 6, {0, 0.002, 0.004, 0.006, 0.008, 0.01}},
        {-97, -3, 5, 6, {-100, -80, -60, -40, -20, 0}},
        {0, 97, 3, 3, {0, 50, 100}},
    };
    for (size_t c = 0; c < N_OF(cases); c++) {
        double v[3] = {cases[c].lo, (cases[c].lo + cases[c].hi) / 2,
                       cases[c].hi};
        cls_result r;
        CHECK(cls_classify(v, NULL, 3, CLS_PRETTY, cases[c].k, NULL, 0, &r) ==
              0);
        CHECK(r.k + 1 == cases[c].nb);
        for (int i = 0; i < cases[c].nb && i <= r.k; i++)
            CHECK(r.breaks[i] == cases[c].b[i]); /* exact decimals */
        CHECK(r.n_below == 0 && r.n_above == 0);
        cls_result_free(&r);
    }
}

/* Head/tail breaks on a heavy-tailed sample: floor(1000 / i), i = 1..100.
 * Expected (pure Python with fractions): means 2571/50, 3540/19, 2283/5
 * and 750 (the head {750, 1000} after 456.6 holds 2 of 5 = 40 %, still
 * split; then {1000} is 1 of 2 > 40 %, stop); counts 81, 14, 3, 1, 1. */
static void test_headtail(void)
{
    double v[100];
    for (int i = 1; i <= 100; i++)
        v[i - 1] = (double)(1000 / i);
    cls_result r;
    CHECK(cls_classify(v, NULL, 100, CLS_HEADTAIL, 8, NULL, 0, &r) == 0);
    const double eb[] = {10, 2571.0 / 50, 3540.0 / 19, 2283.0 / 5, 750, 1000};
    const size_t ec[] = {81, 14, 3, 1, 1};
    CHECK(r.k == 5 && r.k_requested == 8);
    for (int i = 0; i <= 5 && i <= r.k; i++)
        CHECK_NEAR(r.breaks[i], eb[i], 1e-9);
    for (int i = 0; i < 5 && i < r.k; i++)
        CHECK(r.counts[i] == ec[i]);
    cls_result_free(&r);
    /* at most 3 classes */
    CHECK(cls_classify(v, NULL, 100, CLS_HEADTAIL, 3, NULL, 0, &r) == 0);
    CHECK(r.k == 3);
    CHECK_NEAR(r.breaks[2], 3540.0 / 19, 1e-9);
    CHECK(r.counts[2] == 5);
    cls_result_free(&r);
    /* not heavy-tailed (head 50 %): one split at the mean */
    const double s[] = {1, 2, 3, 4};
    CHECK(cls_classify(s, NULL, 4, CLS_HEADTAIL, 5, NULL, 0, &r) == 0);
    CHECK(r.k == 2);
    CHECK_NEAR(r.breaks[1], 2.5, 0);
    cls_result_free(&r);
}

/* Standard deviation breaks on 1..10 (mean 5.5, population sd
 * sqrt(8.25) = 2.8722813232690143). */
static void test_stddev(void)
{
    const double v[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const double sd = sqrt(8.25);
    cls_result r;
    CHECK(cls_classify(v, NULL, 10, CLS_STDDEV, 4, NULL, 0, &r) == 0);
    CHECK(r.k == 4);
    CHECK_NEAR(r.breaks[1], 5.5 - sd, 1e-12);
    CHECK_NEAR(r.breaks[2], 5.5, 1e-12);
    CHECK_NEAR(r.breaks[3], 5.5 + sd, 1e-12);
    CHECK(r.counts[0] == 2 && r.counts[1] == 3 && r.counts[2] == 3 &&
          r.counts[3] == 2);
    CHECK_NEAR(r.mean, 5.5, 1e-12);
    CHECK_NEAR(r.sd, sd, 1e-12);
    cls_result_free(&r);
    CHECK(cls_classify(v, NULL, 10, CLS_STDDEV, 5, NULL, 0, &r) == 0);
    CHECK(r.k == 5);
    CHECK_NEAR(r.breaks[1], 5.5 - 1.5 * sd, 1e-12);
    CHECK_NEAR(r.breaks[2], 5.5 - 0.5 * sd, 1e-12);
    CHECK_NEAR(r.breaks[3], 5.5 + 0.5 * sd, 1e-12);
    CHECK_NEAR(r.breaks[4], 5.5 + 1.5 * sd, 1e-12);
    CHECK(r.counts[0] == 1 && r.counts[1] == 3 && r.counts[2] == 2 &&
          r.counts[3] == 3 && r.counts[4] == 1);
    cls_result_free(&r);
    /* 7 asked: +-2.5 sd lie outside [1, 10] and are dropped */
    CHECK(cls_classify(v, NULL, 10, CLS_STDDEV, 7, NULL, 0, &r) == 0);
    CHECK(r.k == 5 && r.k_requested == 7);
    CHECK(r.breaks[0] == 1 && r.breaks[5] == 10);
    cls_result_free(&r);
}

/* Manual breaks, open ends, values outside, shared breaks for two maps. */
static void test_manual_and_shared(void)
{
    cls_result r;
    const double v[] = {-5, 0, 10, 10.5, 20, 25, 99};
    const uint8_t miss[] = {0, 0, 0, 0, 0, 0, 1};
    const double mb[] = {0, 10, 20};
    CHECK(cls_classify(v, miss, 7, CLS_MANUAL, 0, mb, 3, &r) == 0);
    CHECK(r.k == 2 && r.k_requested == 2);
    CHECK(r.counts[0] == 2 && r.counts[1] == 2);
    CHECK(r.n_below == 1 && r.n_above == 1 && r.n_missing == 1 &&
          r.n_valid == 6);
    int cl[7];
    cls_assign(&r, v, miss, 7, cl);
    const int ecl[] = {-1, 0, 0, 1, 1, -1, -1};
    for (int i = 0; i < 7; i++)
        CHECK(cl[i] == ecl[i]);
    cls_result_free(&r);

    const double ob[] = {-INFINITY, 10, INFINITY};
    CHECK(cls_classify(v, miss, 7, CLS_MANUAL, 0, ob, 3, &r) == 0);
    CHECK(r.counts[0] == 3 && r.counts[1] == 3 && r.n_below + r.n_above == 0);
    cls_result_free(&r);

    /* shared breaks: classify the pooled data, apply to each map */
    const double pool[] = {1, 2, 3, 10, 11, 12, 30, 31};
    const double map_a[] = {1, 3, 11}, map_b[] = {12, 30, 31, 31};
    cls_result all, ra, rb;
    CHECK(cls_classify(pool, NULL, 8, CLS_JENKS, 3, NULL, 0, &all) == 0);
    CHECK(all.breaks[1] == 3 && all.breaks[2] == 12);
    CHECK(cls_reapply(&all, map_a, NULL, 3, &ra) == 0);
    CHECK(cls_reapply(&all, map_b, NULL, 4, &rb) == 0);
    CHECK(ra.method == CLS_JENKS && ra.k == 3 && rb.k == 3);
    CHECK(ra.counts[0] == 2 && ra.counts[1] == 1 && ra.counts[2] == 0);
    CHECK(rb.counts[0] == 0 && rb.counts[1] == 1 && rb.counts[2] == 3);
    CHECK(memcmp(ra.breaks, all.breaks, 4 * sizeof(double)) == 0);
    /* the same breaks as manual breaks give the same counts */
    cls_result mr;
    CHECK(cls_classify(map_b, NULL, 4, CLS_MANUAL, 0, all.breaks, 4, &mr) ==
          0);
    CHECK(mr.counts[2] == 3 && mr.method == CLS_MANUAL);
    cls_result_free(&mr);
    cls_result_free(&all);
    cls_result_free(&ra);
    cls_result_free(&rb);
}

/* Class membership rule: first class closed, others (lo, hi]. */
static void test_class_of(void)
{
    double b[] = {0, 10, 20, 30};
    cls_result r = {.k = 3, .breaks = b};
    CHECK(cls_class_of(&r, 0) == 0);
    CHECK(cls_class_of(&r, 10) == 0);
    CHECK(cls_class_of(&r, 10.000001) == 1);
    CHECK(cls_class_of(&r, 20) == 1);
    CHECK(cls_class_of(&r, 30) == 2);
    CHECK(cls_class_of(&r, -0.1) == -1);
    CHECK(cls_class_of(&r, 30.1) == -1);
    CHECK(cls_class_of(&r, NAN) == -1);
}

/* Errors: message set, no crash, nothing leaked. */
static void test_errors(void)
{
    cls_method m;
    CHECK(cls_method_parse("Natural_Breaks", &m) == 0 && m == CLS_JENKS);
    CHECK(cls_method_parse("sd", &m) == 0 && m == CLS_STDDEV);
    CHECK(cls_method_parse("equal_interval", &m) == 0 && m == CLS_EQUAL);
    err_clear();
    CHECK(cls_method_parse("kmeans", &m) == -1);
    CHECK(err_get() && strstr(err_get()->message, "'kmeans'") &&
          strstr(err_get()->message, "headtail") &&
          err_get()->category == ERR_RECIPE);
    CHECK_STR(cls_method_name(CLS_HEADTAIL), "headtail");

    const double v[] = {1, 2, 3};
    const uint8_t all_miss[] = {1, 1, 1};
    const double bad[] = {1, NAN, 3};
    const double dec[] = {0, 10, 10}, mid_inf[] = {0, INFINITY, 20};
    cls_result r;
    /* calls that must fail; msg: a part of the message, when checked */
    const struct {
        const double *v;
        const uint8_t *miss;
        size_t n;
        cls_method m;
        int k;
        const double *breaks;
        size_t n_breaks;
        const char *msg;
    } fails[] = {
        {v, NULL, 3, CLS_QUANTILE, 0, NULL, 0, "between 1 and 32"},
        {v, NULL, 3, CLS_JENKS, 1000, NULL, 0, NULL},
        {v, all_miss, 3, CLS_JENKS, 3, NULL, 0, "no valid values"},
        {v, NULL, 0, CLS_EQUAL, 3, NULL, 0, NULL},
        {bad, NULL, 3, CLS_EQUAL, 3, NULL, 0, NULL},
        {v, NULL, 3, CLS_MANUAL, 0, dec, 3, "increase strictly"},
        {v, NULL, 3, CLS_MANUAL, 0, mid_inf, 3, NULL},
        {v, NULL, 3, CLS_MANUAL, 0, dec, 1, NULL},
        {v, NULL, 3, CLS_MANUAL, 0, NULL, 0, NULL},
    };
    for (size_t k = 0; k < sizeof fails / sizeof fails[0]; k++) {
        err_clear();
        CHECK(cls_classify(fails[k].v, fails[k].miss, fails[k].n, fails[k].m,
                           fails[k].k, fails[k].breaks, fails[k].n_breaks,
                           &r) == -1);
        if (fails[k].msg)
            CHECK(err_get() && strstr(err_get()->message, fails[k].msg));
        cls_result_free(&r);
    }
    CHECK(cls_reapply(NULL, v, NULL, 3, &r) == -1);
    /* huge values: no crash, no undefined behaviour */
    const double huge[] = {-1.7e308, 0, 1.7e308};
    for (int hm = CLS_QUANTILE; hm <= CLS_PRETTY; hm++) {
        int rc = cls_classify(huge, NULL, 3, (cls_method)hm, 3, NULL, 0, &r);
        CHECK(rc == 0 || (rc == -1 && hm == CLS_PRETTY));
        cls_result_free(&r);
    }
    cls_result_free(&r);
    cls_result_free(NULL);
}

/* Real data: average personal income per inhabitant 2020 (x 1000 euro)
 * of the 3,352 wijk rows of kvk2020-wb2023.csv (172 are '.'). Expected
 * values computed independently in pure Python (csv module, fractions):
 *   valid 3180, missing 172, min 8.3, max 72.6
 *   quantile k=5: 8.3 24.8 26.8 28.4 31.0 72.6, counts 648 649 614 640 629
 *   equal k=5: 8.3 21.16 34.02 46.88 59.74 72.6, counts 72 2808 265 24 11
 *   jenks k=5: 8.3 25.3 29.4 35.0 47.2 72.6, counts 782 1412 749 203 34,
 *     SDCM 9336.422163134417, GVF 0.8929803291764952 (exact O(k n^2) DP)
 *   jenks k=7: 8.3 23.5 26.4 29.1 32.6 38.3 50.4 72.6,
 *     counts 363 776 976 644 297 97 27, GVF 0.9391990785537344
 *   headtail (max 8): 8.3 28.377735849056602 72.6 (first head 41 %)
 *   mean 28.377735849056602, population sd 5.23775132082249 */
static void test_real_income(void)
{
    const char *path =
        DNW_SHARED_DATA "/cbs_wijk_inkomen_autobezit/kvk2020-wb2023.csv";
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    static double v[4000];
    static uint8_t miss[4000];
    size_t n = 0;
    char line[1024];
    while (fgets(line, sizeof line, f) && n < 4000) {
        if (strncmp(line, ";WK", 3) != 0)
            continue;
        char *p = line;
        for (int field = 0; field < 3 && p; field++) {
            p = strchr(p, ';');
            if (p)
                p++;
        }
        if (!p)
            continue;
        if (p[0] == '.') {
            miss[n] = 1;
            v[n++] = 0;
            continue;
        }
        char *c = strchr(p, ',');
        if (c && c < strchr(p, ';'))
            *c = '.';
        miss[n] = 0;
        v[n++] = strtod(p, NULL);
    }
    fclose(f);
    CHECK(n == 3352);
    cls_result r;
    CHECK(cls_classify(v, miss, n, CLS_QUANTILE, 5, NULL, 0, &r) == 0);
    CHECK(r.n_valid == 3180 && r.n_missing == 172);
    const double qb[] = {8.3, 24.8, 26.8, 28.4, 31.0, 72.6};
    const size_t qc[] = {648, 649, 614, 640, 629};
    for (int i = 0; i <= 5; i++)
        CHECK_NEAR(r.breaks[i], qb[i], 1e-9);
    for (int i = 0; i < 5; i++)
        CHECK(r.counts[i] == qc[i]);
    CHECK_NEAR(r.mean, 28.377735849056602, 1e-9);
    CHECK_NEAR(r.sd, 5.23775132082249, 1e-9);
    cls_result_free(&r);

    CHECK(cls_classify(v, miss, n, CLS_EQUAL, 5, NULL, 0, &r) == 0);
    const size_t ec[] = {72, 2808, 265, 24, 11};
    CHECK_NEAR(r.breaks[1], 21.16, 1e-9);
    for (int i = 0; i < 5; i++)
        CHECK(r.counts[i] == ec[i]);
    cls_result_free(&r);

    CHECK(cls_classify(v, miss, n, CLS_JENKS, 5, NULL, 0, &r) == 0);
    const double jb[] = {8.3, 25.3, 29.4, 35.0, 47.2, 72.6};
    const size_t jc[] = {782, 1412, 749, 203, 34};
    for (int i = 0; i <= 5; i++)
        CHECK(r.breaks[i] == jb[i]); /* data values, exactly */
    for (int i = 0; i < 5; i++)
        CHECK(r.counts[i] == jc[i]);
    CHECK_NEAR(r.gvf, 0.8929803291764952, 1e-9);
    cls_result_free(&r);

    CHECK(cls_classify(v, miss, n, CLS_JENKS, 7, NULL, 0, &r) == 0);
    const double jb7[] = {8.3, 23.5, 26.4, 29.1, 32.6, 38.3, 50.4, 72.6};
    const size_t jc7[] = {363, 776, 976, 644, 297, 97, 27};
    for (int i = 0; i <= 7; i++)
        CHECK(r.breaks[i] == jb7[i]);
    for (int i = 0; i < 7; i++)
        CHECK(r.counts[i] == jc7[i]);
    CHECK_NEAR(r.gvf, 0.9391990785537344, 1e-9);
    cls_result_free(&r);

    CHECK(cls_classify(v, miss, n, CLS_HEADTAIL, 8, NULL, 0, &r) == 0);
    CHECK(r.k == 2);
    CHECK_NEAR(r.breaks[1], 28.377735849056602, 1e-9);
    cls_result_free(&r);

    CHECK(cls_classify(v, miss, n, CLS_PRETTY, 5, NULL, 0, &r) == 0);
    CHECK(r.k == 8 && r.breaks[0] == 0 && r.breaks[8] == 80);
    cls_result_free(&r);
}

int main(void)
{
    test_jenks_brute_force();
    test_jenks_vs_quadratic();
    test_jenks_examples();
    test_quantile();
    test_equal();
    test_pretty();
    test_headtail();
    test_stddev();
    test_manual_and_shared();
    test_class_of();
    test_errors();
    test_real_income();
    return check_done();
}
