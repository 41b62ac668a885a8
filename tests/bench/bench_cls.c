/* bench_cls.c - Fisher-Jenks on 15,000 random values (about the number of
 * buurten in the Netherlands), k = 5 and 7: median of 5 runs in ms, for
 * the library's O(k n log n) divide-and-conquer programme and, for
 * comparison, the classic O(k n^2) programme written out here. Also times
 * quantile classification. Prints one line per measurement. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cls.h"
#include "err.h"

#define N 15000
#define RUNS 5

static uint64_t state = 42;
static double urand(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (double)((state * 2685821657736338717ull) >> 11) / 9007199254740992.0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Classic O(k n^2) Fisher-Jenks over sorted values; returns the SDCM. */
static double jenks_quadratic(const double *v, size_t n, int k)
{
    double *x = malloc(n * sizeof *x);
    memcpy(x, v, n * sizeof *x);
    qsort(x, n, sizeof *x, cmp_d);
    double mean = 0;
    for (size_t i = 0; i < n; i++)
        mean += x[i];
    mean /= (double)n;
    double *p1 = calloc(n + 1, sizeof *p1), *p2 = calloc(n + 1, sizeof *p2);
    for (size_t i = 0; i < n; i++) {
        p1[i + 1] = p1[i] + (x[i] - mean);
        p2[i + 1] = p2[i] + (x[i] - mean) * (x[i] - mean);
    }
    double *prev = malloc((n + 1) * sizeof *prev),
           *cur = malloc((n + 1) * sizeof *cur);
    for (size_t e = 1; e <= n; e++)
        prev[e] = p2[e] - p1[e] * p1[e] / (double)e;
    for (int c = 2; c <= k; c++) {
        for (size_t e = (size_t)c; e <= n; e++) {
            double best = INFINITY;
            for (size_t i = (size_t)c - 1; i < e; i++) {
                double s = p1[e] - p1[i];
                double cost = prev[i] + (p2[e] - p2[i]) - s * s / (double)(e - i);
                if (cost < best)
                    best = cost;
            }
            cur[e] = best;
        }
        double *t = prev;
        prev = cur;
        cur = t;
    }
    double r = prev[n];
    free(x), free(p1), free(p2), free(prev), free(cur);
    return r;
}

static int cmp_ms(const void *a, const void *b)
{
    return cmp_d(a, b);
}

int main(void)
{
    static double v[N];
    for (size_t i = 0; i < N; i++) /* skewed, like incomes or densities */
        v[i] = exp(3 * urand()) * 1000 + urand();
    int ks[] = {5, 7};
    for (int t = 0; t < 2; t++) {
        int k = ks[t];
        double ms[RUNS], sdcm = 0;
        for (int r = 0; r < RUNS; r++) {
            cls_result res;
            double t0 = now_ms();
            if (cls_classify(v, NULL, N, CLS_JENKS, k, NULL, 0, &res) < 0) {
                err_print(stderr);
                return 1;
            }
            ms[r] = now_ms() - t0;
            sdcm = (1 - res.gvf) * res.sd * res.sd * N;
            cls_result_free(&res);
        }
        qsort(ms, RUNS, sizeof *ms, cmp_ms);
        printf("jenks n=%d k=%d divide-and-conquer: median %.2f ms "
               "(min %.2f, max %.2f)\n",
               N, k, ms[RUNS / 2], ms[0], ms[RUNS - 1]);
        double q[RUNS], ref = 0;
        for (int r = 0; r < RUNS; r++) {
            double t0 = now_ms();
            ref = jenks_quadratic(v, N, k);
            q[r] = now_ms() - t0;
        }
        qsort(q, RUNS, sizeof *q, cmp_ms);
        printf("jenks n=%d k=%d classic O(k n^2):    median %.2f ms "
               "(SDCM %.6g vs %.6g)\n",
               N, k, q[RUNS / 2], sdcm, ref);
    }
    double ms[RUNS];
    for (int r = 0; r < RUNS; r++) {
        cls_result res;
        double t0 = now_ms();
        cls_classify(v, NULL, N, CLS_QUANTILE, 5, NULL, 0, &res);
        ms[r] = now_ms() - t0;
        cls_result_free(&res);
    }
    qsort(ms, RUNS, sizeof *ms, cmp_ms);
    printf("quantile n=%d k=5: median %.2f ms\n", N, ms[RUNS / 2]);
    return 0;
}
