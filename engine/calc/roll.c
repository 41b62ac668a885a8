/* roll.c - rollups to coarser levels; see roll.h. */
#include "roll.h"

#include "err.h"
#include "mem.h"
#include "reach.h"
#include "strmap.h"
#include "tbl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void roll_groups_free(roll_groups *g)
{
    mem_free(g->codes);
    mem_free(g->group_of);
    mem_free(g->first_unit);
    memset(g, 0, sizeof *g);
}

int roll_groups_build(const char (*units)[KEY_MAX], size_t n, key_level to,
                      roll_groups *g)
{
    memset(g, 0, sizeof *g);
    g->level = to;
    g->codes = mem_alloc((n ? n : 1) * KEY_MAX);
    g->group_of = mem_alloc((n ? n : 1) * sizeof *g->group_of);
    g->first_unit = mem_alloc((n ? n : 1) * sizeof *g->first_unit);
    strmap *idx = strmap_new(STRMAP_BORROW, n, "rollup groups");
    if (!g->codes || !g->group_of || !g->first_unit || !idx) {
        strmap_free(idx);
        roll_groups_free(g);
        return idx ? err_oom("rollup groups") : -1;
    }
    for (size_t u = 0; u < n; u++) {
        char code[KEY_MAX] = "";
        if (to != KEY_INVALID && key_parent(units[u], to, code) < 0) {
            g->group_of[u] = SIZE_MAX;
            continue;
        }
        /* the key is borrowed from g->codes, where a new group's code goes */
        memcpy(g->codes[g->n_groups], code, KEY_MAX);
        int added = 0;
        int64_t id = strmap_upsert(idx, g->codes[g->n_groups], strlen(code),
                                   &added);
        if (id < 0) {
            strmap_free(idx);
            roll_groups_free(g);
            return -1;
        }
        if (added)
            g->first_unit[g->n_groups++] = u;
        g->group_of[u] = (size_t)id;
    }
    strmap_free(idx);
    return 0;
}

/* Per group: accumulators and the shared missing reason of its members. */
typedef struct {
    double a, b;
    size_t valid;
    int reason; /* -1 none seen, reason, or MISS_REASON_COUNT when mixed */
} acc;

static acc *acc_new(size_t n)
{
    acc *A = mem_calloc(n ? n : 1, sizeof *A);
    if (!A) {
        err_oom("rollup");
        return NULL;
    }
    for (size_t k = 0; k < n; k++)
        A[k].reason = -1;
    return A;
}

static void note_missing(acc *a, uint8_t why)
{
    if (a->reason == -1)
        a->reason = why;
    else if (a->reason != why)
        a->reason = MISS_REASON_COUNT;
}

static uint8_t group_reason(const acc *a)
{
    if (a->reason < 0 || a->reason >= MISS_REASON_COUNT)
        return MISS_EMPTY;
    return (uint8_t)a->reason;
}

/* Shared loop: mode 0 sum, 1 mean, 2 weighted mean, 3 ratio, 4 / 5 the
 * lower / upper end of the Wilson interval of the summed ratio. */
static int roll_generic(const roll_groups *g, size_t n, int mode,
                        const double *x, const uint8_t *xm, const double *y,
                        const uint8_t *ym, double scale, double *out,
                        uint8_t *om)
{
    acc *A = acc_new(g->n_groups);
    if (!A)
        return -1;
    for (size_t u = 0; u < n; u++) {
        size_t k = g->group_of[u];
        if (k == SIZE_MAX)
            continue;
        uint8_t mx = xm ? xm[u] : 0, my = (y && ym) ? ym[u] : 0;
        if (mx || my) {
            note_missing(&A[k], mx ? mx : my);
            continue;
        }
        A[k].valid++;
        switch (mode) {
        case 0:
        case 1: A[k].a += x[u]; break;
        case 2: A[k].a += x[u] * y[u]; A[k].b += y[u]; break;
        default: A[k].a += x[u]; A[k].b += y[u]; break;
        }
    }
    for (size_t k = 0; k < g->n_groups; k++) {
        double v = NAN;
        uint8_t why = MISS_NONE;
        if (!A[k].valid) {
            why = group_reason(&A[k]);
        } else if (mode == 0) {
            v = A[k].a;
        } else if (mode == 1) {
            v = A[k].a / (double)A[k].valid;
        } else if (A[k].b == 0) {
            why = MISS_DIV_ZERO;
        } else if (mode >= 4) {
            double lo, hi;
            if (reach_wilson(A[k].a, A[k].b, REACH_Z95, &lo, &hi) < 0)
                why = MISS_INVALID;
            else
                v = scale * (mode == 4 ? lo : hi);
        } else {
            v = (mode == 3 ? scale : 1.0) * A[k].a / A[k].b;
        }
        if (why == MISS_NONE && !isfinite(v))
            why = MISS_INVALID;
        out[k] = why ? 0.0 : v;
        om[k] = why;
    }
    mem_free(A);
    return 0;
}

int roll_sum(const roll_groups *g, size_t n, const double *x,
             const uint8_t *xm, double *out, uint8_t *om)
{
    return roll_generic(g, n, 0, x, xm, NULL, NULL, 1, out, om);
}

int roll_mean(const roll_groups *g, size_t n, const double *x,
              const uint8_t *xm, double *out, uint8_t *om)
{
    return roll_generic(g, n, 1, x, xm, NULL, NULL, 1, out, om);
}

int roll_wmean(const roll_groups *g, size_t n, const double *x,
               const uint8_t *xm, const double *w, const uint8_t *wm,
               double *out, uint8_t *om)
{
    return roll_generic(g, n, 2, x, xm, w, wm, 1, out, om);
}

int roll_ratio(const roll_groups *g, size_t n, const double *num,
               const uint8_t *nm, const double *den, const uint8_t *dm,
               double scale, double *out, uint8_t *om)
{
    return roll_generic(g, n, 3, num, nm, den, dm, scale, out, om);
}

int roll_wilson(const roll_groups *g, size_t n, int upper, const double *num,
                const uint8_t *nm, const double *den, const uint8_t *dm,
                double scale, double *out, uint8_t *om)
{
    return roll_generic(g, n, upper ? 5 : 4, num, nm, den, dm, scale, out, om);
}
