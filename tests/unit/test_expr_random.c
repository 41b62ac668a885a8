/* test_expr_random.c - compares the vectorised evaluator with a naive
 * row-at-a-time implementation of the same semantics (written here,
 * independently, from the rules in expr.h) on random data with random
 * missing values and reasons: 10,000 rows on one thread, 200,003 rows
 * (many blocks, a ragged tail) split over worker threads, then 999 rows
 * (less than one block), reusing one workspace throughout. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "err.h"
#include "expr.h"
#include "expr_test_resolver.h"
#include "tbl.h"
#include "threads.h"

typedef struct {
    double v;
    uint8_t m;
} sv;

static size_t n;
static double *col_v[4];
static uint8_t *col_m[4];

/* ---- naive semantics -------------------------------------------------- */

static sv fin(double x)
{
    return isfinite(x) ? (sv){x, 0} : (sv){0, MISS_INVALID};
}
static sv miss(uint8_t m) { return (sv){0, m}; }
static sv num(double x) { return (sv){x, 0}; }
static sv col(int k, size_t i) { return col_m[k][i] ? miss(col_m[k][i]) : num(col_v[k][i]); }
static uint8_t first(sv a, sv b) { return a.m ? a.m : b.m; }
static sv add(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : fin(a.v + b.v); }
static sv sub(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : fin(a.v - b.v); }
static sv mul(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : fin(a.v * b.v); }
static sv dvd(sv a, sv b)
{
    if (a.m || b.m)
        return miss(first(a, b));
    return b.v == 0 ? miss(MISS_DIV_ZERO) : fin(a.v / b.v);
}
static sv pct(sv a, sv b)
{
    if (a.m || b.m)
        return miss(first(a, b));
    return b.v == 0 ? miss(MISS_DIV_ZERO) : fin(100 * a.v / b.v);
}
static sv pw(sv a, sv b)
{
    if (a.m || b.m)
        return miss(first(a, b));
    return a.v == 0 && b.v < 0 ? miss(MISS_DIV_ZERO) : fin(pow(a.v, b.v));
}
static sv gt(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : num(a.v > b.v); }
static sv lt(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : num(a.v < b.v); }
static sv ge(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : num(a.v >= b.v); }
static sv and3(sv a, sv b)
{
    if ((!a.m && a.v == 0) || (!b.m && b.v == 0))
        return num(0);
    return a.m || b.m ? miss(first(a, b)) : num(1);
}
static sv or3(sv a, sv b)
{
    if ((!a.m && a.v != 0) || (!b.m && b.v != 0))
        return num(1);
    return a.m || b.m ? miss(first(a, b)) : num(0);
}
static sv not3(sv a) { return a.m ? a : num(a.v == 0); }
static sv mn(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : num(a.v < b.v ? a.v : b.v); }
static sv mx(sv a, sv b) { return a.m || b.m ? miss(first(a, b)) : num(a.v > b.v ? a.v : b.v); }
static sv coal(sv a, sv b) { return !a.m ? a : !b.m ? b : a; }
static sv iff(sv c, sv a, sv b) { return c.m ? c : c.v != 0 ? a : b; }
static sv clampv(sv x, sv lo, sv hi)
{
    uint8_t m = x.m ? x.m : lo.m ? lo.m : hi.m;
    if (m)
        return miss(m);
    if (lo.v > hi.v)
        return miss(MISS_INVALID);
    return num(x.v < lo.v ? lo.v : x.v > hi.v ? hi.v : x.v);
}
static sv lg(sv a) { return a.m ? a : a.v <= 0 ? miss(MISS_INVALID) : fin(log(a.v)); }
static sv lg10(sv a) { return a.m ? a : a.v <= 0 ? miss(MISS_INVALID) : fin(log10(a.v)); }
static sv sq(sv a) { return a.m ? a : a.v < 0 ? miss(MISS_INVALID) : fin(sqrt(a.v)); }
static sv ex(sv a) { return a.m ? a : fin(exp(a.v)); }
static sv ab(sv a) { return a.m ? a : num(fabs(a.v)); }
static sv rnd2(sv a) { return a.m ? a : num(round(a.v * 100) / 100); }

/* ---- naive area functions --------------------------------------------- */

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* Average 1-based rank of each valid value by binary search in the sorted
 * valid values; desc: 1 = largest; pct: 0..100 percentile. */
static void naive_rank(const sv *in, sv *out, int desc, int pct)
{
    double *s = malloc(n * sizeof *s);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!in[i].m)
            s[m++] = in[i].v;
    qsort(s, m, sizeof *s, cmp_double);
    for (size_t i = 0; i < n; i++) {
        if (in[i].m) {
            out[i] = in[i];
            continue;
        }
        size_t lo = 0, hi = m;
        while (lo < hi) { /* first >= x */
            size_t mid = (lo + hi) / 2;
            if (s[mid] < in[i].v) lo = mid + 1; else hi = mid;
        }
        size_t lower = lo;
        hi = m;
        while (lo < hi) { /* first > x */
            size_t mid = (lo + hi) / 2;
            if (s[mid] <= in[i].v) lo = mid + 1; else hi = mid;
        }
        double r = (double)(lower + 1 + lo) / 2.0;
        if (desc)
            r = (double)(m + 1) - r;
        if (pct)
            r = m == 1 ? 50 : 100 * (r - 1) / (double)(m - 1);
        out[i] = num(r);
    }
    free(s);
}

static void naive_zscore(const sv *in, sv *out)
{
    long double sum = 0, ss = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!in[i].m) {
            sum += in[i].v;
            k++;
        }
    long double mean = sum / (long double)k;
    for (size_t i = 0; i < n; i++)
        if (!in[i].m)
            ss += (in[i].v - mean) * (in[i].v - mean);
    double sd = (double)sqrtl(ss / (long double)k);
    for (size_t i = 0; i < n; i++)
        out[i] = in[i].m ? in[i] : k < 2 || sd == 0 ? miss(MISS_INVALID)
                                 : num((double)((in[i].v - mean) / sd));
}

static sv naive_sum(const sv *in, size_t *count)
{
    long double s = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!in[i].m) {
            s += in[i].v;
            k++;
        }
    *count = k;
    return k ? num((double)s) : miss(in[0].m);
}

/* ---- the expressions -------------------------------------------------- */

#define A col(0, i)
#define B col(1, i)
#define C col(2, i)
#define D col(3, i)
#define ROWS(expr)                       \
    for (size_t i = 0; i < n; i++)       \
        out[i] = (expr)

static void x1(sv *out) { ROWS(add(A, mul(B, C))); }
static void x2(sv *out) { ROWS(dvd(A, B)); }
static void x3(sv *out) { ROWS(pct(A, add(B, C))); }
static void x4(sv *out) { ROWS(iff(gt(A, B), sub(A, B), coal(coal(C, D), num(0)))); }
static void x5(sv *out) { ROWS(add(mn(mn(A, B), C), mx(A, D))); }
static void x6(sv *out) { ROWS(mul(clampv(A, num(-1), num(1)), num(10))); }
static void x7(sv *out) { ROWS(rnd2(lg(add(ab(A), num(1))))); }
static void x8(sv *out) { ROWS(sub(sq(B), lg10(C))); }
static void x9(sv *out) { ROWS(or3(and3(gt(A, num(0)), lt(B, num(0))), not3(ge(C, D)))); }
static void x10(sv *out)
{
    sv *t = malloc(n * sizeof *t);
    ROWS(A);
    memcpy(t, out, n * sizeof *t);
    naive_zscore(t, out);
    free(t);
}
static void x11(sv *out)
{
    sv *t = malloc(n * sizeof *t);
    for (size_t i = 0; i < n; i++)
        t[i] = B;
    naive_rank(t, out, 0, 1);
    free(t);
}
static void x12(sv *out)
{
    sv *t = malloc(n * sizeof *t);
    for (size_t i = 0; i < n; i++)
        t[i] = ab(C);
    size_t k;
    sv s = naive_sum(t, &k);
    for (size_t i = 0; i < n; i++)
        out[i] = t[i].m ? t[i] : s.v == 0 ? miss(MISS_DIV_ZERO) : num(100 * t[i].v / s.v);
    free(t);
}
static void x13(sv *out)
{
    sv *t = malloc(n * sizeof *t);
    for (size_t i = 0; i < n; i++)
        t[i] = A;
    size_t k;
    sv s = naive_sum(t, &k);
    sv mean = k ? num(s.v / (double)k) : s;
    ROWS(sub(A, mean));
    free(t);
}
static void x14(sv *out)
{
    sv *t = malloc(n * sizeof *t), *r = malloc(n * sizeof *r);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        t[i] = D;
        k += !t[i].m;
    }
    naive_rank(t, r, 1, 0);
    ROWS(dvd(r[i], num((double)k)));
    free(t);
    free(r);
}
static void x15(sv *out) { ROWS(sub(pw(A, num(2)), ex(dvd(B, num(10))))); }
static void x16(sv *out)
{
    sv *t = malloc(n * sizeof *t), *r = malloc(n * sizeof *r), *z = malloc(n * sizeof *z);
    for (size_t i = 0; i < n; i++)
        t[i] = B;
    naive_rank(t, r, 0, 0);
    for (size_t i = 0; i < n; i++)
        t[i] = add(C, D);
    naive_zscore(t, z);
    ROWS(add(r[i], z[i]));
    free(t);
    free(r);
    free(z);
}

static const struct {
    const char *text;
    void (*naive)(sv *out);
} cases[] = {
    {"w.a + w.b * w.c", x1},
    {"w.a / w.b", x2},
    {"pct_of(w.a, w.b + w.c)", x3},
    {"if(w.a > w.b, w.a - w.b, coalesce(w.c, w.d, 0))", x4},
    {"min(w.a, w.b, w.c) + max(w.a, w.d)", x5},
    {"clamp(w.a, -1, 1) * 10", x6},
    {"round(log(abs(w.a) + 1), 2)", x7},
    {"sqrt(w.b) - log10(w.c)", x8},
    {"w.a > 0 and w.b < 0 or not (w.c >= w.d)", x9},
    {"zscore(w.a)", x10},
    {"percentile(w.b)", x11},
    {"share(abs(w.c))", x12},
    {"w.a - mean_area(w.a)", x13},
    {"rank_desc(w.d) / count_area(w.d)", x14},
    {"w.a ^ 2 - exp(w.b / 10)", x15},
    {"rank(w.b) + zscore(w.c + w.d)", x16},
};

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double unif(void) { return (double)(next_rand() >> 11) / 9007199254740992.0; }

static void make_data(void)
{
    static const uint8_t reasons[] = {MISS_SECRET, MISS_UNKNOWN, MISS_EMPTY,
                                      MISS_NOT_AVAILABLE};
    for (int k = 0; k < 4; k++) {
        col_v[k] = malloc(n * sizeof *col_v[k]);
        col_m[k] = malloc(n);
        for (size_t i = 0; i < n; i++) {
            double u = unif();
            double v = k == 0 ? round((u * 20 - 10) * 100) / 100 /* 2 decimals */
                     : k == 1 ? round(u * 20 - 10) / 2           /* ties, zeros */
                     : k == 2 ? floor(u * 101)                   /* 0..100 */
                              : u * 2000 - 1000;
            int missing = unif() < 0.1;
            col_v[k][i] = missing ? -99997 : v;
            col_m[k][i] = missing ? reasons[next_rand() % 4] : 0;
        }
    }
}

static void free_data(void)
{
    for (int k = 0; k < 4; k++) {
        free(col_v[k]);
        free(col_m[k]);
    }
}

/* Evaluates every case (alternately through the shared workspace, which
 * is reused across sizes, and through plain expr_eval) and compares. */
static void compare_all(int threads, expr_ws *ws)
{
    tr_ctx ctx = {0};
    static const char *names[4] = {"a", "b", "c", "d"};
    for (int k = 0; k < 4; k++)
        tr_add(&ctx, "w", names[k], EXPR_T_NUMBER, col_v[k], col_m[k], n);
    expr_resolver r = tr_resolver(&ctx);
    threads_set(threads);
    double *out = malloc(n * sizeof *out);
    uint8_t *om = malloc(n);
    sv *want = malloc(n * sizeof *want);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        expr *e = expr_parse(cases[c].text, NULL);
        CHECK(e && expr_check(e, &r) == 0);
        CHECK(e && (c % 2 ? expr_eval(e, &r, n, out, om)
                          : expr_eval_ws(e, &r, ws, n, out, om)) == 0);
        cases[c].naive(want);
        size_t bad = 0, valid = 0;
        for (size_t i = 0; i < n; i++) {
            valid += om[i] == 0;
            int ok = om[i] == want[i].m && isfinite(out[i]) &&
                     (om[i] ? out[i] == 0
                            : fabs(out[i] - want[i].v) <= 1e-9 * fmax(1, fabs(want[i].v)));
            if (!ok && bad++ < 3)
                fprintf(stderr, "%s (n=%zu) row %zu: got %.17g/%d, naive "
                        "%.17g/%d\n", cases[c].text, n, i, out[i], om[i],
                        want[i].v, want[i].m);
        }
        CHECK(bad == 0);
        CHECK(valid > n / 3); /* the test data exercise valid rows too */
        expr_free(e);
    }
    free(out);
    free(om);
    free(want);
}

/* Values that differ only in their last bits collide in the top bits the
 * radix sort uses; their order must come from the full keys. Runs of up to
 * 32 rows take the insertion sort, longer ones the full-key radix sort. */
static void test_rank_collisions(void)
{
    static const size_t sizes[] = {20, 200, 2000};
    for (size_t t = 0; t < 3; t++) {
        n = sizes[t];
        double *x = malloc(n * sizeof *x);
        uint8_t *m = calloc(n, 1);
        sv *in = malloc(n * sizeof *in), *want = malloc(n * sizeof *want);
        for (size_t i = 0; i < n; i++) {
            x[i] = 1.0 + (double)(next_rand() % (n / 3 + 1)) * 0x1p-52;
            if (i % 17 == 5) {
                x[i] = -99997;
                m[i] = MISS_SECRET;
            }
            in[i] = m[i] ? miss(m[i]) : num(x[i]);
        }
        tr_ctx ctx = {0};
        tr_add(&ctx, "w", "x", EXPR_T_NUMBER, x, m, n);
        expr_resolver r = tr_resolver(&ctx);
        double *out = malloc(n * sizeof *out);
        uint8_t *om = malloc(n);
        static const char *const texts[] = {"rank(w.x)", "rank_desc(w.x)", "percentile(w.x)"};
        for (int k = 0; k < 3; k++) {
            expr *e = expr_parse(texts[k], NULL);
            CHECK(e && expr_check(e, &r) == 0 && expr_eval(e, &r, n, out, om) == 0);
            naive_rank(in, want, k == 1, k == 2);
            size_t bad = 0;
            for (size_t i = 0; i < n; i++)
                bad += om[i] != want[i].m || fabs(out[i] - want[i].v) > 1e-9;
            if (bad)
                fprintf(stderr, "%s over %zu close values: %zu rows differ\n",
                        texts[k], n, bad);
            CHECK(bad == 0);
            expr_free(e);
        }
        free(x);
        free(m);
        free(in);
        free(want);
        free(out);
        free(om);
    }
}

int main(void)
{
    test_rank_collisions();
    expr_ws *ws = expr_ws_new();
    n = 10000;
    make_data();
    compare_all(1, ws);
    free_data();
    n = 200003;
    make_data();
    compare_all(2, ws);
    free_data();
    n = 999;
    make_data();
    compare_all(2, ws);
    free_data();
    expr_ws_free(ws);
    threads_set(0);
    return check_done();
}
