/* bench_expr.c - evaluates 20 indicators of realistic shape (ratios,
 * pct_of, if/coalesce, min/max/clamp, a zscore, a percentile, a share,
 * indicators built on other indicators) over one million synthetic rows
 * with ~5% missing values, and prints the median wall time of 5 runs of
 * all 20 (with the default threads, then with one thread). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "expr.h"
#include "expr_test_resolver.h"
#include "tbl.h"
#include "testutil.h"
#include "threads.h"

#define NROWS 1000000
#define RUNS 5

static const char *const columns[] = {
    "inwoners", "huishoudens", "hh_kinderen", "hh_1p", "a_65plus", "a_0_14",
    "woningen", "koopwoningen", "huurwoningen", "gas_verbruik",
    "elek_verbruik", "inkomen", "oppervlakte"};
#define NCOLS (sizeof columns / sizeof columns[0])

static const struct { const char *name, *text; } indicators[] = {
    {"aandeel_hh_kinderen", "pct_of(w.hh_kinderen, w.huishoudens)"},
    {"aandeel_1p", "100 * w.hh_1p / w.huishoudens"},
    {"aandeel_65", "pct_of(w.a_65plus, w.inwoners)"},
    {"aandeel_jong", "pct_of(w.a_0_14, w.inwoners)"},
    {"hh_grootte", "w.inwoners / w.huishoudens"},
    {"koop_pct", "if(w.woningen > 0, pct_of(w.koopwoningen, w.woningen), 0)"},
    {"huur_pct", "coalesce(pct_of(w.huurwoningen, w.woningen), 100 - koop_pct)"},
    {"dichtheid", "w.inwoners / (w.oppervlakte / 100)"},
    {"gas_per_woning", "clamp(w.gas_verbruik, 0, 5000)"},
    {"energie", "w.gas_verbruik * 9.77 + w.elek_verbruik"},
    {"energie_hh", "energie / max(w.huishoudens, 1)"},
    {"vergrijzing", "aandeel_65 / max(aandeel_jong, 0.1)"},
    {"laag_inkomen", "w.inkomen < 25 and w.huurwoningen > 0.5 * w.woningen"},
    {"score_inkomen", "zscore(w.inkomen)"},
    {"pct_gas", "percentile(w.gas_verbruik)"},
    {"kwetsbaar", "if(laag_inkomen, 1, 0) + if(aandeel_65 > 25, 1, 0) + "
                  "if(gas_per_woning > 1800, 1, 0)"},
    {"log_dichtheid", "round(log10(dichtheid + 1), 2)"},
    {"min_max", "min(aandeel_1p, aandeel_hh_kinderen, 50) - max(aandeel_65, 10)"},
    {"energie_index", "100 * energie_hh / mean_area(energie_hh)"},
    {"aandeel_kwetsbaar", "share(kwetsbaar)"},
};
#define NIND (sizeof indicators / sizeof indicators[0])

static uint64_t rng = 0x9E3779B97F4A7C15ull;

/* Median of RUNS wall times of evaluating all indicators in order; *cpu
 * gets the median process CPU time of a run. */
static double time_runs(expr **ex, const expr_resolver *r, expr_ws *ws,
                        double **out, uint8_t **om, double *cpu)
{
    double t[RUNS], c[RUNS];
    for (int run = 0; run < RUNS; run++) {
        double c0 = cpu_s();
        double t0 = now_s();
        for (size_t k = 0; k < NIND; k++)
            if (expr_eval_ws(ex[k], r, ws, NROWS, out[k], om[k]) < 0) {
                err_print(stderr);
                exit(1);
            }
        t[run] = now_s() - t0;
        c[run] = cpu_s() - c0;
    }
    qsort(t, RUNS, sizeof t[0], cmp_double);
    qsort(c, RUNS, sizeof c[0], cmp_double);
    *cpu = c[RUNS / 2];
    return t[RUNS / 2];
}

int main(void)
{
    tr_ctx ctx = {0};
    double *cv[NCOLS];
    uint8_t *cm[NCOLS];
    for (size_t c = 0; c < NCOLS; c++) {
        cv[c] = malloc(NROWS * sizeof *cv[c]);
        cm[c] = malloc(NROWS);
        for (size_t i = 0; i < NROWS; i++) {
            double u = xorshift_uniform(&rng);
            cv[c][i] = c == 11 ? 15 + 30 * u : c == 12 ? 1 + 500 * u
                     : c >= 9 ? 500 + 2500 * u : floor(2000 * u);
            cm[c][i] = xorshift_uniform(&rng) < 0.05 ? (uint8_t)(MISS_SECRET + (i % 3)) : 0;
        }
        tr_add(&ctx, "w", columns[c], EXPR_T_NUMBER, cv[c], cm[c], NROWS);
    }
    expr_resolver r = tr_resolver(&ctx);
    expr *ex[NIND];
    double *out[NIND];
    uint8_t *om[NIND];
    double t_check = 0;
    for (size_t k = 0; k < NIND; k++) {
        double t0 = now_s();
        ex[k] = expr_parse(indicators[k].text, NULL);
        if (!ex[k] || expr_check(ex[k], &r) < 0) {
            err_print(stderr);
            return 1;
        }
        t_check += now_s() - t0;
        out[k] = malloc(NROWS * sizeof *out[k]);
        om[k] = malloc(NROWS);
        /* later indicators may refer to this one */
        tr_add(&ctx, NULL, indicators[k].name, expr_result_type(ex[k]),
               out[k], om[k], NROWS);
    }
    expr_ws *ws = expr_ws_new();
    if (getenv("BENCH_EXPR_EACH"))
        for (size_t k = 0; k < NIND; k++) {
            double best = 1e9;
            for (int run = 0; run < RUNS; run++) {
                double t1 = cpu_s();
                expr_eval_ws(ex[k], &r, ws, NROWS, out[k], om[k]);
                t1 = cpu_s() - t1;
                best = t1 < best ? t1 : best;
            }
            printf("  %-20s %7.2f ms CPU (best of %d)\n", indicators[k].name,
                   best * 1e3, RUNS);
        }
    double c_default, c_one;
    double t_default = time_runs(ex, &r, ws, out, om, &c_default);
    threads_set(1);
    double t_one = time_runs(ex, &r, ws, out, om, &c_one);
    size_t valid = 0;
    for (size_t i = 0; i < NROWS; i++)
        valid += om[NIND - 1][i] == 0;
    printf("expr: parse+check of %zu indicators: %.3f ms\n", NIND, t_check * 1e3);
    printf("expr: %zu indicators x %d rows, median of %d runs: %.3f s wall "
           "(%.3f s CPU) with default threads, %.3f s wall (%.3f s CPU) with "
           "1 thread\n", NIND, NROWS, RUNS, t_default, c_default, t_one, c_one);
    FILE *la = fopen("/proc/loadavg", "r");
    char load[64] = "?";
    if (la) {
        if (!fgets(load, sizeof load, la))
            snprintf(load, sizeof load, "?");
        fclose(la);
        load[strcspn(load, "\n")] = '\0';
    }
    printf("expr: load average during the runs: %s\n", load);
    printf("expr: last indicator valid in %zu of %d rows\n", valid, NROWS);
    for (size_t k = 0; k < NIND; k++) {
        expr_free(ex[k]);
        free(out[k]);
        free(om[k]);
    }
    expr_ws_free(ws);
    for (size_t c = 0; c < NCOLS; c++) {
        free(cv[c]);
        free(cm[c]);
    }
    return 0;
}
