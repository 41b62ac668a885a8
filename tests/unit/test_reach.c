/* test_reach.c - Wilson score intervals and funnel limits (calc/reach.c)
 * against published values (Newcombe 1998, table II, method 3) and against
 * binomial quantiles computed here by another route (long double
 * recursion over the whole distribution from r = 0), and the expression
 * functions wilson_lower, wilson_upper and funnel. */
#include "check.h"
#include "expr.h"
#include "reach.h"
#include "tbl.h"

#include <math.h>

/* Interpolated p-quantile / n of Binomial(n, t) by summing every term from
 * r = 0 with the recursion pmf(r+1) = pmf(r) (n-r)/(r+1) t/(1-t), in long
 * double; clipped to [0, 1]. Independent of reach.c's windowed lgamma sum. */
static double ref_limit(double t, int n, double p)
{
    long double pmf = powl(1.0L - t, n), F = 0, prev = 0;
    for (int r = 0; r <= n; r++) {
        prev = F;
        F += pmf;
        if (F >= p) {
            long double a = (F - p) / (F - prev);
            double v = (double)((r - a) / n);
            return v < 0 ? 0 : v > 1 ? 1 : v;
        }
        pmf = pmf * (n - r) / (r + 1) * t / (1.0L - t);
    }
    return 1;
}

static void test_wilson_published(void)
{
    /* Newcombe (1998) Stat Med 17:857-872, table II, method 3 (score). */
    static const struct { double x, n, lo, hi; } cases[] = {
        {81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605},
        {0, 20, 0.0000, 0.1611},   {1, 29, 0.0061, 0.1718},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        double lo = -1, hi = -1;
        CHECK(reach_wilson(cases[k].x, cases[k].n, REACH_Z95, &lo, &hi) == 0);
        CHECK_NEAR(lo, cases[k].lo, 0.00006);
        CHECK_NEAR(hi, cases[k].hi, 0.00006);
    }
    double lo, hi;
    CHECK(reach_wilson(5, 5, REACH_Z95, &lo, &hi) == 0);
    CHECK(hi == 1.0 && lo > 0.5 && lo < 0.6); /* 0.5655 */
    CHECK(reach_wilson(1, 0, REACH_Z95, &lo, &hi) == -1);
    CHECK(reach_wilson(4, 3, REACH_Z95, &lo, &hi) == -1);
    CHECK(reach_wilson(-1, 3, REACH_Z95, &lo, &hi) == -1);
    CHECK(reach_wilson(NAN, 3, REACH_Z95, &lo, &hi) == -1);
}

static void test_funnel_exact(void)
{
    /* values from python math.comb (exact binomial sums), clipped */
    static const struct { double t; int n; double l998, l95, h95, h998; } pub[] = {
        {0.1, 50, 0.0, 0.013862926957343678, 0.17972272762336364, 0.24012841875234678},
        {0.3, 200, 0.20052326021092873, 0.2350305370686571, 0.36204077534921175, 0.40010540622834023},
        {0.05, 1000, 0.029503347373078585, 0.03640434768212439, 0.06344649322308142, 0.07201667962385196},
        {0.5, 7, 0.0, 0.044897959183673466, 0.8122448979591835, 0.9817142857142857},
    };
    for (size_t k = 0; k < sizeof pub / sizeof pub[0]; k++) {
        double a, b, c, d;
        CHECK(reach_funnel_limits(pub[k].t, pub[k].n, REACH_FUNNEL_EXACT, &a, &b, &c, &d) == 0);
        CHECK_NEAR(a, pub[k].l998, 1e-9);
        CHECK_NEAR(b, pub[k].l95, 1e-9);
        CHECK_NEAR(c, pub[k].h95, 1e-9);
        CHECK_NEAR(d, pub[k].h998, 1e-9);
    }
    /* a grid against the long double recursion */
    static const double ps[] = {0.001, 0.025, 0.975, 0.999};
    for (int n = 1; n <= 2000; n = n < 20 ? n + 1 : n * 3 / 2) /* (0.01)^n fits a long double */
        for (double t = 0.01; t < 1; t += 0.07)
            for (int j = 0; j < 4; j++) {
                double v;
                CHECK(reach_funnel_limit(t, n, ps[j], REACH_FUNNEL_EXACT, &v) == 0);
                CHECK_NEAR(v, ref_limit(t, n, ps[j]), 1e-9);
            }
    /* non-whole n rounds to the nearest whole number */
    double v1, v2;
    reach_funnel_limit(0.2, 62.64, 0.025, REACH_FUNNEL_EXACT, &v1);
    reach_funnel_limit(0.2, 63, 0.025, REACH_FUNNEL_EXACT, &v2);
    CHECK(v1 == v2);
    /* normal approximation: theta +- z sqrt(theta(1-theta)/n) */
    CHECK(reach_funnel_limit(0.3, 200, 0.025, REACH_FUNNEL_NORMAL, &v1) == 0);
    CHECK_NEAR(v1, 0.3 - 1.959963984540054 * sqrt(0.3 * 0.7 / 200), 1e-9);
    CHECK(reach_funnel_limit(0.3, 200, 0.999, REACH_FUNNEL_NORMAL, &v1) == 0);
    CHECK_NEAR(v1, 0.3 + 3.090232306167813 * sqrt(0.3 * 0.7 / 200), 1e-9);
    /* for large n the exact limits approach the normal ones */
    reach_funnel_limit(0.3, 100000, 0.025, REACH_FUNNEL_EXACT, &v1);
    reach_funnel_limit(0.3, 100000, 0.025, REACH_FUNNEL_NORMAL, &v2);
    CHECK_NEAR(v1, v2, 1e-4);
    CHECK(reach_funnel_limit(1.5, 10, 0.025, REACH_FUNNEL_EXACT, &v1) == -1);
    CHECK(reach_funnel_limit(0.5, 0, 0.025, REACH_FUNNEL_EXACT, &v1) == -1);
    CHECK(reach_funnel_limit(0.5, 10, 1, REACH_FUNNEL_EXACT, &v1) == -1);
}

static void test_position(void)
{
    int pos = 9;
    /* 200 at 30 %: limits 0.2005 / 0.2350 / 0.3620 / 0.4001 */
    CHECK(reach_funnel_position(40, 200, 0.3, REACH_FUNNEL_EXACT, &pos) == 0 && pos == -2);
    CHECK(reach_funnel_position(45, 200, 0.3, REACH_FUNNEL_EXACT, &pos) == 0 && pos == -1);
    CHECK(reach_funnel_position(60, 200, 0.3, REACH_FUNNEL_EXACT, &pos) == 0 && pos == 0);
    CHECK(reach_funnel_position(75, 200, 0.3, REACH_FUNNEL_EXACT, &pos) == 0 && pos == 1);
    CHECK(reach_funnel_position(81, 200, 0.3, REACH_FUNNEL_EXACT, &pos) == 0 && pos == 2);
    CHECK(reach_funnel_position(1, 0, 0.3, REACH_FUNNEL_EXACT, &pos) == -1);
}

/* A resolver with two columns s.x and s.n. */
static double X[5] = {81, 0, 3, 40, 2}, NN[5] = {263, 20, 0, 200, 1};
static uint8_t XM[5] = {0, 0, 0, 0, 0}, NM[5] = {0, 0, 0, 0, MISS_SECRET};

static int col(void *ctx, const char *source, const char *name, expr_colref *out)
{
    (void)ctx;
    (void)source;
    out->type = EXPR_T_NUMBER;
    out->n = 5;
    out->values = name[0] == 'x' ? X : NN;
    out->miss = name[0] == 'x' ? XM : NM;
    return EXPR_RESOLVE_OK;
}

static int ind(void *ctx, const char *name, expr_colref *out)
{
    (void)ctx;
    (void)name;
    (void)out;
    return EXPR_RESOLVE_UNKNOWN;
}

static void eval(const char *text, double *v, uint8_t *m)
{
    expr_resolver r = {col, ind, NULL};
    expr *e = expr_parse(text, NULL);
    CHECK(e != NULL);
    CHECK(e && expr_check(e, &r) == 0);
    CHECK(e && expr_eval(e, &r, 5, v, m) == 0);
    expr_free(e);
}

static void test_expr_functions(void)
{
    double v[5];
    uint8_t m[5];
    eval("wilson_lower(s.x, s.n)", v, m);
    CHECK_NEAR(v[0], 25.53, 0.006);
    CHECK(m[1] == 0 && v[1] == 0);
    CHECK(m[2] == MISS_DIV_ZERO);
    CHECK(m[4] == MISS_SECRET);
    eval("wilson_upper(s.x, s.n)", v, m);
    CHECK_NEAR(v[0], 36.62, 0.006);
    CHECK_NEAR(v[1], 16.11, 0.006);
    eval("funnel(s.x, s.n, 30)", v, m);
    CHECK(m[3] == 0 && v[3] == -2);
    CHECK(m[0] == 0 && v[0] == 0);
    CHECK(m[2] == MISS_DIV_ZERO);
    eval("wilson_lower(3, 10)", v, m); /* folded at compile time */
    double lo, hi;
    reach_wilson(3, 10, REACH_Z95, &lo, &hi);
    CHECK_NEAR(v[4], 100 * lo, 1e-12);
    expr *e = expr_parse("funnel(s.x, s.n)", NULL);
    expr_resolver r = {col, ind, NULL};
    CHECK(e && expr_check(e, &r) == -1);
    expr_free(e);
}

int main(void)
{
    test_wilson_published();
    test_funnel_exact();
    test_position();
    test_expr_functions();
    return check_done();
}
