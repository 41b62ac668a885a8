/* test_expr.c - unit tests of the indicator expression language: parse /
 * print round trips, precedence, every function with its edge cases,
 * missing-value propagation with reasons, and exact error messages and
 * positions. The vectorised-versus-naive comparison on random data is in
 * test_expr_random.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "err.h"
#include "expr.h"
#include "expr_internal.h" /* expr_suggest_text */
#include "expr_test_resolver.h"
#include "tbl.h"

#define NR 6 /* rows of the shared data set */

enum {
    S = MISS_SECRET, U = MISS_UNKNOWN, D = MISS_DIV_ZERO, I = MISS_INVALID,
    NA = MISS_NOT_AVAILABLE, E = MISS_EMPTY
};

static tr_ctx g;
static expr_resolver R;
static tbl *text_tbl;

/* Column data. Constant columns have the same value in every row. */
static const double one[NR] = {1, 1, 1, 1, 1, 1}, zero[NR] = {0},
                    neg[NR] = {-1, -1, -1, -1, -1, -1},
                    big[NR] = {1e200, 1e200, 1e200, 1e200, 1e200, 1e200},
                    r_v[NR] = {10, 20, 20, 5, -99997, 30},
                    single_v[NR] = {0, 0, 4, 0, 0, 0},
                    z2_v[NR] = {0.0, -0.0, 1, 2, 3, 4},
                    ind_v[NR] = {21, 21, 21, 21, 21, 21};
static double nan_v[NR];
static const uint8_t sec_m[NR] = {S, S, S, S, S, S}, unk_m[NR] = {U, U, U, U, U, U},
                     r_m[NR] = {0, 0, 0, 0, S, 0},
                     single_m[NR] = {U, U, 0, S, S, S};

static void setup(void)
{
    for (size_t i = 0; i < NR; i++)
        nan_v[i] = NAN;
    tr_add(&g, "w", "one", EXPR_T_NUMBER, one, NULL, NR);
    tr_add(&g, "w", "zero", EXPR_T_NUMBER, zero, NULL, NR);
    tr_add(&g, "w", "neg", EXPR_T_NUMBER, neg, NULL, NR);
    tr_add(&g, "w", "big", EXPR_T_NUMBER, big, NULL, NR);
    tr_add(&g, "w", "sec", EXPR_T_NUMBER, one, sec_m, NR);
    tr_add(&g, "w", "unk", EXPR_T_NUMBER, one, unk_m, NR);
    tr_add(&g, "w", "nan", EXPR_T_NUMBER, nan_v, NULL, NR);
    tr_add(&g, "w", "r", EXPR_T_NUMBER, r_v, r_m, NR);
    tr_add(&g, "w", "single", EXPR_T_NUMBER, single_v, single_m, NR);
    tr_add(&g, "w", "z2", EXPR_T_NUMBER, z2_v, NULL, NR);
    tr_add(&g, "w", "huishoudens", EXPR_T_NUMBER, one, NULL, NR);
    tr_add(&g, "w", "inwoners", EXPR_T_NUMBER, one, NULL, NR);
    tr_add(&g, "w", "65plus", EXPR_T_NUMBER, one, NULL, NR);
    tr_add(&g, "w", "p_65_eo_jr", EXPR_T_NUMBER, neg, NULL, NR);
    tr_add(&g, "w", "opt", EXPR_T_NUMBER, NULL, NULL, NR);
    g.items[g.nitems - 1].all_missing = NA;
    tr_add(&g, "kea", "hitte", EXPR_T_NUMBER, one, NULL, NR);
    tr_add(&g, NULL, "ind", EXPR_T_NUMBER, ind_v, NULL, NR);
    tr_add(&g, NULL, "aandeel_hh", EXPR_T_NUMBER, ind_v, NULL, NR);
    tr_add(&g, NULL, "flag", EXPR_T_BOOL, one, NULL, NR);
    text_tbl = tbl_new(NR);
    tbl_col *c = tbl_add_col(text_tbl, "naam", COL_STRING);
    const char *names[NR] = {"JA", "NEE", NULL, "JA", "NEE", "ja"};
    for (size_t i = 0; i < NR; i++)
        if (names[i])
            col_set_str(c, NR, i, names[i], strlen(names[i]));
    tr_add(&g, "w", "naam", EXPR_T_STRING, NULL, NULL, NR);
    g.items[g.nitems - 1].text = c;
    R = tr_resolver(&g);
}

/* Parses, checks and evaluates text over NR rows. */
static int run(const char *text, double *out, uint8_t *om)
{
    expr *e = expr_parse(text, NULL);
    if (!e)
        return -1;
    int rc = expr_check(e, &R);
    if (rc == 0)
        rc = expr_eval(e, &R, NR, out, om);
    expr_free(e);
    return rc;
}

/* ---- parse / print ------------------------------------------------------ */

static void test_round_trip(void)
{
    static const struct { const char *in, *out; } t[] = {
        {"1+2*3", "1 + 2 * 3"},
        {"(1+2)*3", "(1 + 2) * 3"},
        {"-2^2", "-2 ^ 2"},
        {"(-2)^2", "(-2) ^ 2"},
        {"2^3^2", "2 ^ 3 ^ 2"},
        {"(2^3)^2", "(2 ^ 3) ^ 2"},
        {"2^-1", "2 ^ -1"},
        {"a - (b - c)", "a - (b - c)"},
        {"(a - b) - c", "a - b - c"},
        {"a / (b * c)", "a / (b * c)"},
        {"a * -b", "a * -b"},
        {"- - x", "- -x"},
        {"+x", "x"},
        {"-(a+b)", "-(a + b)"},
        {"w.\"65plus\"", "w.\"65plus\""},
        {"w.'p_65_eo_jr'", "w.p_65_eo_jr"},
        {"w.65plus", "w.\"65plus\""},
        {"w.\"a \"\"b\"\"\"", "w.\"a \"\"b\"\"\""},
        {"w . x", "w.x"},
        {"not a and b", "not a and b"},
        {"not (a and b)", "not (a and b)"},
        {"a or b and c", "a or b and c"},
        {"(a or b) and c", "(a or b) and c"},
        {"(x < 1) == true", "(x < 1) == true"},
        {"not x <= 1", "not x <= 1"},
        {"0.1", "0.1"},
        {"1e3", "1000"},
        {".5", "0.5"},
        {"1.5E-7", "1.5e-07"},
        {"0.30000000000000004", "0.30000000000000004"},
        {"if(a>1,2,3)", "if(a > 1, 2, 3)"},
        {"w.naam=='it''s'", "w.naam == 'it''s'"},
        {"round( x , 2 )", "round(x, 2)"},
        {"100*w.huishoudens/w.inwoners", "100 * w.huishoudens / w.inwoners"},
        {"zscore(share(x)) + rank_desc(-x)", "zscore(share(x)) + rank_desc(-x)"},
        {"a\n  + b", "a + b"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        expr *e = expr_parse(t[i].in, NULL);
        CHECK(e != NULL);
        if (!e)
            continue;
        char *s = expr_to_string(e);
        CHECK_STR(s, t[i].out);
        CHECK_STR(expr_text(e), t[i].in);
        expr *e2 = expr_parse(s, NULL);
        CHECK(e2 != NULL);
        if (e2) {
            char *s2 = expr_to_string(e2);
            CHECK_STR(s2, s);
            free(s2);
            expr_free(e2);
        }
        free(s);
        expr_free(e);
    }
}

/* Random expressions: the canonical text must parse back to the same text
 * and evaluate exactly like the original (so the minimal parentheses keep
 * the meaning). */
static unsigned rnd_state = 12345;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 16) % n;
}

static char gen_buf[4096];
static size_t gen_len;

/* Appends text to gen_buf. */
static void put(const char *t)
{
    size_t n = strlen(t);
    if (gen_len + n < sizeof gen_buf) {
        memcpy(gen_buf + gen_len, t, n + 1);
        gen_len += n;
    }
}

static void gen_num(int d);

/* Appends a random boolean expression of depth <= d. */
static void gen_bool(int d)
{
    static const char *const cmp[] = {" < ", " <= ", " > ", " >= ", " == ", " != "};
    switch (d <= 0 ? 0 : rnd(5)) {
    case 0: gen_num(d - 1); put(cmp[rnd(6)]); gen_num(d - 1); break;
    case 1: gen_bool(d - 1); put(" and "); gen_bool(d - 1); break;
    case 2: gen_bool(d - 1); put(" or "); gen_bool(d - 1); break;
    case 3: put("not "); gen_bool(d - 1); break;
    default: put("("); gen_bool(d - 1); put(")"); break;
    }
}

/* Appends a random numeric expression of depth <= d. */
static void gen_num(int d)
{
    static const char *const leaves[] = {"2", "0.5", "3", "w.one", "w.r", "w.neg",
                                         "w.sec", "w.zero", "ind", "1e3"};
    static const char *const ops[] = {" + ", " - ", " * ", " / ", " ^ "};
    switch (d <= 0 ? 0 : rnd(9)) {
    case 0: put(leaves[rnd(10)]); break;
    case 1: case 2: case 3: gen_num(d - 1); put(ops[rnd(5)]); gen_num(d - 1); break;
    case 4: put("-"); gen_num(d - 1); break;
    case 5: put("("); gen_num(d - 1); put(")"); break;
    case 6: put("if("); gen_bool(d - 1); put(", "); gen_num(d - 1); put(", ");
        gen_num(d - 1); put(")"); break;
    case 7: put(rnd(2) ? "min(" : "coalesce("); gen_num(d - 1); put(", ");
        gen_num(d - 1); put(")"); break;
    default: put("abs("); gen_num(d - 1); put(")"); break;
    }
}

static void test_random_round_trip(void)
{
    for (int k = 0; k < 400; k++) {
        gen_len = 0;
        gen_buf[0] = '\0';
        if (rnd(4) == 0)
            gen_bool(5);
        else
            gen_num(5);
        const char *text = gen_buf;
        expr *e = expr_parse(text, NULL);
        CHECK(e != NULL);
        if (!e) {
            fprintf(stderr, "did not parse: %s\n", text);
            continue;
        }
        char *s1 = expr_to_string(e);
        expr *e2 = expr_parse(s1, NULL);
        CHECK(e2 != NULL);
        char *s2 = e2 ? expr_to_string(e2) : NULL;
        CHECK_STR(s2, s1);
        double o1[NR], o2[NR];
        uint8_t m1[NR], m2[NR];
        CHECK(expr_check(e, &R) == 0 && expr_eval(e, &R, NR, o1, m1) == 0);
        CHECK(e2 && expr_check(e2, &R) == 0 && expr_eval(e2, &R, NR, o2, m2) == 0);
        int same = memcmp(m1, m2, sizeof m1) == 0 && memcmp(o1, o2, sizeof o1) == 0;
        if (!same)
            fprintf(stderr, "%s\n  printed as %s evaluates differently\n", text, s1);
        CHECK(same);
        free(s1);
        free(s2);
        expr_free(e);
        expr_free(e2);
    }
}

/* ---- values ------------------------------------------------------------- */

/* Expressions that give the same value in every row. */
static void test_scalar_values(void)
{
    static const struct { const char *text; double v; uint8_t m; } t[] = {
        /* precedence */
        {"1 + 2 * 3", 7, 0}, {"(1 + 2) * 3", 9, 0}, {"-2 ^ 2", -4, 0},
        {"(-2) ^ 2", 4, 0}, {"2 ^ 3 ^ 2", 512, 0}, {"2 ^ -1", 0.5, 0},
        {"10 - 4 - 3", 3, 0}, {"2 * 3 ^ 2", 18, 0}, {"100 / 10 / 5", 2, 0},
        {"-3 + 5", 2, 0}, {"-w.one * 2", -2, 0},
        {"1 < 2 and 2 < 3", 1, 0}, {"not 1 > 2", 1, 0},
        {"true or false and false", 1, 0}, {"(true or false) and false", 0, 0},
        {"1 + (2 > 1)", 2, 0}, {"sum_area(w.one > 0)", NR, 0},
        {"1 <= 1", 1, 0}, {"1 >= 2", 0, 0}, {"1 == 1", 1, 0}, {"1 != 1", 0, 0},
        /* missing values and reasons */
        {"w.one / w.zero", 0, D}, {"w.sec / w.zero", 0, S},
        {"w.zero / w.sec", 0, S}, {"w.sec + w.unk", 0, S},
        {"w.unk + w.sec", 0, U}, {"w.one - w.sec", 0, S}, {"1 / 0", 0, D},
        {"0 / 0", 0, D}, {"-w.sec", 0, S}, {"w.sec == 1", 0, S},
        {"w.nan + 1", 0, I}, {"w.nan", 0, I}, {"coalesce(w.nan, 5)", 5, 0},
        {"1e308 * 10", 0, I}, {"w.big * w.big", 0, I},
        {"w.big * w.big / w.big", 0, I}, {"-1e308 - 1e308", 0, I},
        {"w.opt", 0, NA}, {"coalesce(w.opt, 3)", 3, 0}, {"w.opt + w.sec", 0, NA},
        /* functions */
        {"log(0)", 0, I}, {"log(w.neg)", 0, I}, {"log(exp(1))", 1, 0},
        {"log10(1000)", 3, 0}, {"log10(0)", 0, I}, {"sqrt(w.neg)", 0, I},
        {"sqrt(16)", 4, 0}, {"sqrt(0)", 0, 0}, {"exp(1000)", 0, I},
        {"exp(0)", 1, 0}, {"log(w.sec)", 0, S}, {"exp(w.unk)", 0, U},
        {"pct_of(1, 4)", 25, 0}, {"pct_of(w.one, w.zero)", 0, D},
        {"pct_of(w.sec, w.zero)", 0, S},
        {"round(2.5)", 3, 0}, {"round(-2.5)", -3, 0}, {"round(1.2345, 2)", 1.23, 0},
        {"round(1234, -2)", 1200, 0}, {"round(w.sec, 1)", 0, S},
        {"round(1e300, 2)", 1e300, 0},
        {"floor(-1.5)", -2, 0}, {"ceil(-1.5)", -1, 0}, {"abs(-3)", 3, 0},
        {"abs(w.unk)", 0, U},
        {"clamp(5, 0, 3)", 3, 0}, {"clamp(-1, 0, 3)", 0, 0}, {"clamp(2, 0, 3)", 2, 0},
        {"clamp(w.one, w.one, w.zero)", 0, I}, {"clamp(w.sec, 0, 1)", 0, S},
        {"clamp(1, w.unk, 2)", 0, U},
        {"min(3, 1, 2)", 1, 0}, {"max(3, 1, 2)", 3, 0}, {"max(-1, w.neg)", -1, 0},
        {"min(w.one, w.sec, w.unk)", 0, S}, {"max(w.one, w.unk)", 0, U},
        {"coalesce(w.sec, w.one, 7)", 1, 0}, {"coalesce(w.sec, w.unk, 7)", 7, 0},
        {"coalesce(w.sec, w.unk)", 0, S}, {"coalesce(w.unk, w.sec)", 0, U},
        {"coalesce(w.zero, w.one)", 0, 0}, {"coalesce(1, w.sec)", 1, 0},
        {"if(w.one > 0, 10, 20)", 10, 0}, {"if(w.one < 0, 10, 20)", 20, 0},
        {"if(w.sec > 0, 10, 20)", 0, S}, {"if(w.one > 0, 1, w.sec)", 1, 0},
        {"if(w.one > 0, w.unk, 1)", 0, U}, {"if(true, 1, 2)", 1, 0},
        {"if(false, 1, w.sec)", 0, S}, {"if(1 / 0 > 1, 1, 2)", 0, D},
        /* three-valued logic */
        {"w.one > 0 and w.sec > 0", 0, S}, {"w.one < 0 and w.sec > 0", 0, 0},
        {"w.sec > 0 and w.one < 0", 0, 0}, {"w.sec > 0 and w.unk > 0", 0, S},
        {"w.unk > 0 and w.one > 0", 0, U}, {"w.one > 0 and w.one > 0", 1, 0},
        {"w.one > 0 or w.sec > 0", 1, 0}, {"w.sec > 0 or w.one > 0", 1, 0},
        {"w.one < 0 or w.sec > 0", 0, S}, {"w.unk > 0 or w.sec > 0", 0, U},
        {"w.one < 0 or w.zero > 0", 0, 0}, {"not (w.sec > 0)", 0, S},
        {"not (w.one > 0)", 0, 0},
        /* powers */
        {"0 ^ -1", 0, D}, {"(-8) ^ 0.5", 0, I}, {"2 ^ 0.5", sqrt(2.0), 0},
        {"w.neg ^ 2", 1, 0}, {"w.zero ^ 0", 1, 0}, {"10 ^ 400", 0, I},
        /* indicators and quoted columns */
        {"ind * 2", 42, 0}, {"if(flag, 1, 2)", 1, 0}, {"flag + 1", 2, 0},
        {"w.\"65plus\" + w.'p_65_eo_jr'", 0, 0}, {"w.65plus", 1, 0},
        /* area functions over constant or missing columns */
        {"zscore(w.one)", 0, I}, {"zscore(w.sec)", 0, S}, {"zscore(w.single)", 0, 0},
        {"share(w.zero)", 0, D}, {"share(w.sec)", 0, S}, {"sum_area(w.sec)", 0, S},
        {"mean_area(w.unk)", 0, U}, {"count_area(w.sec)", 0, 0},
        {"count_area(w.one)", NR, 0}, {"percentile(w.one)", 50, 0},
        {"rank(w.one)", 3.5, 0}, {"sum_area(w.big * 1e150)", 0, I},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        double out[NR];
        uint8_t om[NR];
        err_clear();
        int rc = run(t[i].text, out, om);
        if (rc != 0) {
            fprintf(stderr, "failed: %s\n", t[i].text);
            CHECK(rc == 0);
            continue;
        }
        int ok = 1;
        for (size_t r = 0; r < NR; r++) {
            if (!strcmp(t[i].text, "zscore(w.single)") && r != 2)
                continue; /* rows missing in the argument keep their reason */
            uint8_t em = t[i].m;
            if (!strcmp(t[i].text, "zscore(w.single)"))
                em = I;
            if (om[r] != em || (em == 0 && fabs(out[r] - t[i].v) > 1e-12 * (1 + fabs(t[i].v))) ||
                (em != 0 && out[r] != 0) || !isfinite(out[r]))
                ok = 0;
        }
        if (!ok)
            fprintf(stderr, "%s: got %.17g reason %d, expected %.17g reason %d\n",
                    t[i].text, out[0], om[0], t[i].v, t[i].m);
        CHECK(ok);
    }
}

/* Expressions whose rows differ: area functions and text comparisons. */
static void test_vector_values(void)
{
    static const struct { const char *text; double v[NR]; uint8_t m[NR]; } t[] = {
        {"rank(w.r)", {2, 3.5, 3.5, 1, 0, 5}, {0, 0, 0, 0, S, 0}},
        {"rank_desc(w.r)", {4, 2.5, 2.5, 5, 0, 1}, {0, 0, 0, 0, S, 0}},
        {"rank(-w.r)", {4, 2.5, 2.5, 5, 0, 1}, {0, 0, 0, 0, S, 0}},
        {"percentile(w.r)", {25, 62.5, 62.5, 0, 0, 100}, {0, 0, 0, 0, S, 0}},
        /* valid values 10 20 20 5 30: mean 17, population sd sqrt(76) */
        {"zscore(w.r)", {-7 / 8.717797887081348, 3 / 8.717797887081348,
                         3 / 8.717797887081348, -12 / 8.717797887081348, 0,
                         13 / 8.717797887081348}, {0, 0, 0, 0, S, 0}},
        {"zscore(share(w.r))", {-7 / 8.717797887081348, 3 / 8.717797887081348,
                                3 / 8.717797887081348, -12 / 8.717797887081348, 0,
                                13 / 8.717797887081348}, {0, 0, 0, 0, S, 0}},
        {"share(w.r)", {1000 / 85.0, 2000 / 85.0, 2000 / 85.0, 500 / 85.0, 0,
                        3000 / 85.0}, {0, 0, 0, 0, S, 0}},
        {"sum_area(w.r)", {85, 85, 85, 85, 85, 85}, {0}},
        {"mean_area(w.r)", {17, 17, 17, 17, 17, 17}, {0}},
        {"min_area(w.r)", {5, 5, 5, 5, 5, 5}, {0}},
        {"max_area(w.r)", {30, 30, 30, 30, 30, 30}, {0}},
        {"count_area(w.r)", {5, 5, 5, 5, 5, 5}, {0}},
        {"w.r - mean_area(w.r)", {-7, 3, 3, -12, 0, 13}, {0, 0, 0, 0, S, 0}},
        {"rank(w.r) + sum_area(w.r)", {87, 88.5, 88.5, 86, 0, 90}, {0, 0, 0, 0, S, 0}},
        {"percentile(w.single)", {0, 0, 50, 0, 0, 0}, {U, U, 0, S, S, S}},
        {"rank(w.z2)", {1.5, 1.5, 3, 4, 5, 6}, {0}},
        {"w.naam == 'JA'", {1, 0, 0, 1, 0, 0}, {0, 0, E, 0, 0, 0}},
        {"w.naam != 'JA'", {0, 1, 0, 0, 1, 1}, {0, 0, E, 0, 0, 0}},
        {"'JA' == w.naam", {1, 0, 0, 1, 0, 0}, {0, 0, E, 0, 0, 0}},
        {"w.naam == 'XX'", {0, 0, 0, 0, 0, 0}, {0, 0, E, 0, 0, 0}},
        {"if(w.naam == 'JA' or w.naam == 'ja', w.r, -1)", {10, -1, 0, 5, -1, 30},
         {0, 0, E, 0, 0, 0}},
        {"sum_area(w.naam == 'NEE')", {2, 2, 2, 2, 2, 2}, {0}},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        double out[NR];
        uint8_t om[NR];
        err_clear();
        int rc = run(t[i].text, out, om);
        CHECK(rc == 0);
        if (rc != 0)
            continue;
        for (size_t r = 0; r < NR; r++) {
            int ok = om[r] == t[i].m[r] && fabs(out[r] - t[i].v[r]) <= 1e-9;
            if (!ok)
                fprintf(stderr, "%s row %zu: got %.17g reason %d, expected "
                        "%.17g reason %d\n", t[i].text, r, out[r], om[r],
                        t[i].v[r], t[i].m[r]);
            CHECK(ok);
        }
    }
}

/* ---- errors --------------------------------------------------------------- */

static void test_errors(void)
{
    /* expression at recipe.yaml:12:15 unless a case says otherwise */
    static const struct { const char *text; long line, col; const char *msg; } t[] = {
        {"100 * )", 12, 21, "unexpected ')' after '*'; expected a number, column or function"},
        {"w.a +", 12, 20, "unexpected end of the expression after '+'; expected a number, column or function"},
        {"", 12, 15, "the expression is empty; expected a number, column or function"},
        {"  ", 12, 17, "the expression is empty; expected a number, column or function"},
        {"(w.a + 1", 12, 15, "this '(' is never closed; add ')'"},
        {"round(w.a, 1", 12, 20, "the '(' of round( is never closed; add ')' after its arguments"},
        {"w.a w.b", 12, 19, "unexpected 'w' after 'a'; expected an operator or the end of the expression"},
        {"(w.a w.b)", 12, 20, "unexpected 'w' after 'a'; expected an operator or ')'"},
        {"round(w.a 2)", 12, 25, "unexpected '2' after 'a'; expected an operator, ',' or ')'"},
        {"max(1,)", 12, 21, "unexpected ')' after ','; expected a number, column or function"},
        {"w.a)", 12, 18, "unexpected ')': there is no '(' for it to close"},
        {"* 2", 12, 15, "unexpected '*' at the start; expected a number, column or function"},
        {"1 < 2 < 3", 12, 21, "comparisons cannot be chained; combine them with 'and', e.g. 0 < x and x < 10"},
        {"w.a && w.b", 12, 19, "'&&' is not an operator; write 'and'"},
        {"w.a || w.b", 12, 19, "'||' is not an operator; write 'or'"},
        {"!w.a", 12, 15, "'!' is not an operator; write 'not', or '!=' for 'not equal'"},
        {"w.a = 1", 12, 19, "'=' is not an operator; compare with '=='"},
        {"w.a <> 1", 12, 19, "'<>' is not an operator; write '!=' for 'not equal'"},
        {"2 ** 3", 12, 17, "'**' is not an operator; write '^' for powers"},
        {"5 % 2", 12, 17, "'%' is not an operator; use pct_of(x, total) for percentages"},
        {"w.a + 'abc", 12, 21, "the quote ' opened here is never closed; add a closing '"},
        {"lg(w.a)", 12, 15, "unknown function lg(); did you mean log?"},
        {"sum(w.a)", 12, 15, "unknown function sum(); did you mean sum_area?"},
        {"frobnicate(1)", 12, 15, "unknown function frobnicate(); the functions are if, coalesce, min, max, clamp, round, floor, ceil, log, log10, exp, sqrt, abs, pct_of, rank, rank_desc, percentile, zscore, share, sum_area, mean_area, min_area, max_area and count_area"},
        {"0,5", 12, 16, "numbers are written with a decimal point: 0.5, not 0,5"},
        {"w. + 1", 12, 18, "expected a column name after 'w.', found '+'; quote names that are not plain words, e.g. w.\"65plus\""},
        {"3abc + 1", 12, 15, "'3abc' is not a number; a column name that starts with a digit is written after its source, e.g. w.\"3abc\""},
        {"w.a + \xc3\xa9", 12, 21, "unexpected character '\xc3\xa9'; a column name with characters other than letters, digits and _ must be quoted, e.g. w.\"\xc3\xa9\""},
        {"w.\"\xc3\xa9\" + )", 12, 23, "unexpected ')' after '+'; expected a number, column or function"},
        {"\"65plus\" + 1", 12, 15, "a name in double quotes must follow a source and a dot, e.g. w.\"65plus\"; text is written in single quotes, e.g. 'JA'"},
        {"1e999", 12, 15, "the number 1e999 is too large"},
        {"w.a +\n    )", 13, 9, "unexpected ')' after '+'; expected a number, column or function"},
        {"w.a == and", 12, 22, "unexpected 'and' after '=='; expected a number, column or function"},
    };
    expr_origin at = {"recipe.yaml", 12, 15, 4};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        err_clear();
        expr *e = expr_parse(t[i].text, &at);
        CHECK(e == NULL);
        const err_info *ei = err_get();
        CHECK(ei != NULL);
        if (!ei) {
            expr_free(e);
            continue;
        }
        CHECK(ei->category == ERR_EXPR);
        CHECK_STR(ei->file, "recipe.yaml");
        if (ei->loc != t[i].line || ei->col != t[i].col)
            fprintf(stderr, "%s: at %ld:%ld, expected %ld:%ld\n", t[i].text,
                    ei->loc, ei->col, t[i].line, t[i].col);
        CHECK(ei->loc == t[i].line && ei->col == t[i].col);
        CHECK_STR(ei->message, t[i].msg);
    }
    err_clear();
}

static void test_check_errors(void)
{
    static const struct { const char *text; long col; const char *msg; } t[] = {
        {"100 * w.huishoudes / w.inwoners", 7, "unknown column w.huishoudes in source w; did you mean huishoudens?"},
        {"w.huishoudnes", 1, "unknown column w.huishoudnes in source w; did you mean huishoudens?"},
        {"w.Huishoudens", 1, "unknown column w.Huishoudens in source w; did you mean huishoudens?"},
        {"kea.hite + 1", 1, "unknown column kea.hite in source kea; did you mean hitte?"},
        {"kea.zzzzzzzz", 1, "unknown column kea.zzzzzzzz in source kea; its columns are hitte"},
        {"ke.hitte", 1, "unknown source ke in ke.hitte; did you mean kea?"},
        {"qqqqq.x", 1, "unknown source qqqqq in qqqqq.x; the sources are w and kea"},
        {"1 + aandeel_h", 5, "unknown indicator aandeel_h; did you mean aandeel_hh?"},
        {"huishoudens", 1, "unknown indicator huishoudens (a name without a dot refers to another indicator; a column is written source.column, e.g. w.huishoudens)"},
        {"log + 1", 1, "log is a function; call it with its arguments: log(x)"},
        {"clamp(w.one, 1)", 1, "clamp() takes 3 arguments (x, lo, hi), but got 2"},
        {"2 * min(w.one)", 5, "min() takes at least 2 arguments (a, b, ...), but got 1; for the smallest value in the area use min_area(x)"},
        {"round(1, 2, 3)", 1, "round() takes 1 or 2 arguments (x [, digits]), but got 3"},
        {"log()", 1, "log() takes 1 argument (x), but got 0"},
        {"if(true, 1)", 1, "if() takes 3 arguments (condition, then, else), but got 2"},
        {"w.naam + 1", 1, "column w.naam is text; it cannot be used in arithmetic ('+')"},
        {"log(w.naam)", 5, "column w.naam is text; it cannot be used in log()"},
        {"if(w.one, 1, 2)", 4, "the condition of if() must be true or false, but column w.one is a number; compare it, e.g. w.one > 0"},
        {"if(w.one + 1, 1, 2)", 4, "the condition of if() must be true or false, but 'w.one + 1' is a number; compare it, e.g. (w.one + 1) > 0"},
        {"w.one > 1 and ind", 15, "each side of 'and' must be true or false, but indicator ind is a number; compare it, e.g. ind > 0"},
        {"not w.one", 5, "the operand of 'not' must be true or false, but column w.one is a number; compare it, e.g. w.one > 0"},
        {"w.naam < 'x'", 8, "text cannot be compared with '<'; only == and != compare text"},
        {"w.naam == 1", 1, "column w.naam is text; compare it with a text in single quotes, e.g. w.naam == 'JA'"},
        {"w.one == 'JA'", 1, "column w.one is a number; it cannot be compared with text"},
        {"w.naam == w.naam", 8, "comparing two text columns is not supported; compare a text column with a text in single quotes, e.g. w.water == 'JA'"},
        {"'a' == 'b'", 5, "this compares two fixed texts; compare a text column with a text, e.g. w.water == 'JA'"},
        {"'JA' + 1", 1, "the text 'JA' cannot be used in arithmetic ('+'); text can only be compared with == or != to a text column, e.g. w.water == 'JA'"},
        {"round(w.one, w.one)", 14, "the digits of round() must be a whole number from -15 to 15, such as 1"},
        {"round(1, 0.5)", 10, "the digits of round() must be a whole number from -15 to 15, such as 1"},
        {"round(1, 16)", 10, "the digits of round() must be a whole number from -15 to 15, such as 1"},
        {"clamp(w.one, 5, 1)", 14, "clamp(x, lo, hi) needs lo <= hi, but lo is 5 and hi is 1"},
        {"w.naam", 1, "the expression gives text (column w.naam); an indicator must be a number or true/false"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        err_clear();
        expr_origin at = {"r.yaml", 3, 1, 0};
        expr *e = expr_parse(t[i].text, &at);
        CHECK(e != NULL);
        if (!e)
            continue;
        CHECK(expr_check(e, &R) == -1);
        CHECK(expr_result_type(e) == EXPR_T_NONE);
        const err_info *ei = err_get();
        CHECK(ei != NULL);
        if (ei) {
            CHECK(ei->category == ERR_EXPR);
            CHECK(ei->loc == 3);
            if (ei->col != t[i].col)
                fprintf(stderr, "%s: col %ld, expected %ld\n", t[i].text, ei->col, t[i].col);
            CHECK(ei->col == t[i].col);
            CHECK_STR(ei->message, t[i].msg);
        }
        expr_free(e);
    }
    err_clear();
}

/* Deep nesting fails cleanly instead of overflowing the stack. */
static void test_depth(void)
{
    size_t n = 100000;
    char *s = malloc(2 * n + 2);
    memset(s, '(', n);
    s[n] = '1';
    memset(s + n + 1, ')', n);
    s[2 * n + 1] = '\0';
    CHECK(expr_parse(s, NULL) == NULL);
    CHECK(err_get() && strstr(err_get()->message, "nested too deeply"));
    for (size_t i = 0; i < n; i++) {
        s[2 * i] = '1';
        s[2 * i + 1] = '+';
    }
    s[2 * n - 1] = '\0';
    CHECK(expr_parse(s, NULL) == NULL);
    CHECK(err_get() && strstr(err_get()->message, "nested too deeply"));
    memset(s, '-', n);
    s[n] = '1';
    s[n + 1] = '\0';
    CHECK(expr_parse(s, NULL) == NULL);
    /* 150 levels are fine */
    memset(s, '(', 150);
    s[150] = '1';
    memset(s + 151, ')', 150);
    s[301] = '\0';
    expr *e = expr_parse(s, NULL);
    CHECK(e != NULL);
    expr_free(e);
    free(s);
    err_clear();
}

/* ---- API ------------------------------------------------------------------ */

static void test_deps_and_types(void)
{
    expr_origin at = {"r.yaml", 7, 10, 0};
    expr *e = expr_parse("w.one + w.r * w.one + ind + zscore(ind) + kea.hitte", &at);
    CHECK(e != NULL);
    expr_dep *d = NULL;
    size_t n = 0;
    CHECK(expr_deps(e, &d, &n) == 0);
    CHECK(n == 4);
    if (n == 4) {
        CHECK(d[0].kind == EXPR_DEP_COLUMN);
        CHECK_STR(d[0].source, "w");
        CHECK_STR(d[0].name, "one");
        CHECK(d[0].line == 7 && d[0].col == 10);
        CHECK_STR(d[1].name, "r");
        CHECK(d[1].col == 18);
        CHECK(d[2].kind == EXPR_DEP_INDICATOR);
        CHECK(d[2].source == NULL);
        CHECK_STR(d[2].name, "ind");
        CHECK(d[2].col == 32);
        CHECK(d[3].kind == EXPR_DEP_COLUMN);
        CHECK_STR(d[3].source, "kea");
        CHECK_STR(d[3].name, "hitte");
    }
    free(d);
    CHECK(expr_uses_area(e));
    CHECK(expr_result_type(e) == EXPR_T_NONE);
    double out[NR];
    uint8_t om[NR];
    CHECK(expr_eval(e, &R, NR, out, om) == -1); /* not checked yet */
    CHECK(err_get() && strstr(err_get()->message, "must be checked"));
    CHECK(expr_check(e, &R) == 0);
    CHECK(expr_result_type(e) == EXPR_T_NUMBER);
    CHECK(expr_check(e, &R) == 0); /* again: recompiles */
    CHECK(expr_eval(e, &R, NR, out, om) == 0);
    CHECK(expr_eval(e, &R, NR - 1, out, om) == -1); /* wrong row count */
    CHECK(err_get() && strstr(err_get()->message, "has 6 rows, but 5 rows"));
    expr_free(e);

    static const struct { const char *text; expr_type type; int area; } t[] = {
        {"w.one > 1", EXPR_T_BOOL, 0}, {"w.one + 1", EXPR_T_NUMBER, 0},
        {"if(w.one > 1, true, flag)", EXPR_T_BOOL, 0},
        {"if(w.one > 1, 1, flag)", EXPR_T_NUMBER, 0},
        {"coalesce(flag, false)", EXPR_T_BOOL, 0}, {"flag", EXPR_T_BOOL, 0},
        {"w.naam == 'JA'", EXPR_T_BOOL, 0}, {"rank(w.one) > 2", EXPR_T_BOOL, 1},
        {"count_area(w.one)", EXPR_T_NUMBER, 1},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        e = expr_parse(t[i].text, NULL);
        CHECK(e && expr_check(e, &R) == 0);
        CHECK(expr_result_type(e) == t[i].type);
        CHECK(expr_uses_area(e) == t[i].area);
        expr_free(e);
    }
    /* errors without a recipe position mention the character */
    e = expr_parse("1 +", &(expr_origin){NULL, 0, 0, 0});
    CHECK(e == NULL);
    CHECK(err_get() && strstr(err_get()->message, "(at character 4 of the expression)"));
    err_clear();
}

static void test_suggest(void)
{
    const char *cands[] = {"huishoudens", "inwoners", "huishoudens_1p",
                           "gemiddelde_hh_grootte", "a_inw", "a_inw_2024"};
    const char *out[3];
    CHECK(expr_suggest("huishoudes", cands, 6, out, 3) == 1);
    CHECK_STR(out[0], "huishoudens");
    CHECK(expr_suggest("gemiddelde", cands, 6, out, 3) == 1);
    CHECK_STR(out[0], "gemiddelde_hh_grootte"); /* a prefix counts as close */
    CHECK(expr_suggest("inwnoers", cands, 6, out, 3) == 1);
    CHECK_STR(out[0], "inwoners"); /* transposition counts once */
    CHECK(expr_suggest("a_inw_202", cands, 6, out, 3) >= 1);
    CHECK_STR(out[0], "a_inw_2024");
    CHECK(expr_suggest("xyz", cands, 6, out, 3) == 0);
    CHECK(expr_suggest("INWONERS", cands, 6, out, 1) == 1);
    CHECK_STR(out[0], "inwoners");
    CHECK(expr_name_ok("aandeel_hh"));
    CHECK(expr_name_ok("_x1"));
    CHECK(!expr_name_ok("1x"));
    CHECK(!expr_name_ok("and"));
    CHECK(!expr_name_ok("true"));
    CHECK(!expr_name_ok("share"));
    CHECK(!expr_name_ok("a-b"));
    CHECK(!expr_name_ok(""));
    char buf[200];
    const char *three[] = {"ab1", "ab2", "ab3", "ab4"};
    expr_suggest_text("ab", three, 4, buf, sizeof buf);
    CHECK_STR(buf, "did you mean ab1, ab2 or ab3?");
}

int main(void)
{
    setup();
    test_round_trip();
    test_random_round_trip();
    test_scalar_values();
    test_vector_values();
    test_errors();
    test_check_errors();
    test_depth();
    test_deps_and_types();
    test_suggest();
    tbl_free(text_tbl);
    return check_done();
}
