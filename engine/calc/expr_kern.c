/* expr_kern.c - the block kernels of the expression evaluator.
 *
 * Each kernel runs one operation over EXPR_BLOCK rows: values in double
 * arrays, missing reasons in byte arrays. Loops have a fixed trip count,
 * restrict pointers, no branches and no conditional loads, so GCC
 * vectorises them at -O2; loops that would mix double and byte lanes
 * awkwardly are split in a value loop and a reason loop. Values of missing
 * rows are garbage and never read as valid.
 *
 * Invariant: every valid value a kernel produces is finite (non-finite
 * results become MISS_INVALID), so comparisons never see NaN.
 */
#include "expr_internal.h"

#include "reach.h"
#include "tbl.h"

#include <float.h>
#include <math.h>
#include <string.h>

#define N EXPR_BLOCK

typedef const double *restrict cdp;
typedef const uint8_t *restrict cmp;
typedef double *restrict dp;
typedef uint8_t *restrict mp;

static const uint8_t M_DIV = MISS_DIV_ZERO, M_INV = MISS_INVALID;

/* om = first missing reason of am, bm; then MISS_INVALID where the valid
 * result o is not finite. */
static void miss2_finite(cmp am, cmp bm, cdp o, mp om)
{
    for (int i = 0; i < N; i++) {
        uint8_t p = am[i], q = bm[i];
        uint8_t f = fabs(o[i]) <= DBL_MAX ? 0 : M_INV;
        uint8_t z = q ? q : f;
        om[i] = p ? p : z;
    }
}

/* om = first missing reason of am, bm. */
static void miss2(cmp am, cmp bm, mp om)
{
    for (int i = 0; i < N; i++) {
        uint8_t p = am[i], q = bm[i];
        om[i] = p ? p : q;
    }
}

/* a + b. */
static void k_add(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++)
        o[i] = a[i] + b[i];
    miss2_finite(am, bm, o, om);
}

/* a - b. */
static void k_sub(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++)
        o[i] = a[i] - b[i];
    miss2_finite(am, bm, o, om);
}

/* a * b. */
static void k_mul(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++)
        o[i] = a[i] * b[i];
    miss2_finite(am, bm, o, om);
}

/* a / b * scale: x/0 -> MISS_DIV_ZERO. */
static void k_div(cdp a, cmp am, cdp b, cmp bm, dp o, mp om, double scale)
{
    for (int i = 0; i < N; i++) {
        double x = a[i], y = b[i];
        double r = scale * x / y;
        o[i] = r;
        uint8_t p = am[i], q = bm[i];
        uint8_t m = p ? p : q;
        uint8_t z = y == 0.0 ? M_DIV : 0;
        uint8_t f = fabs(r) <= DBL_MAX ? 0 : M_INV;
        z = z ? z : f;
        om[i] = m ? m : z;
    }
}

/* a ^ b: 0 ^ negative -> MISS_DIV_ZERO, (-8) ^ 0.5 -> MISS_INVALID. */
static void k_pow(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++)
        o[i] = pow(a[i], b[i]);
    for (int i = 0; i < N; i++) {
        uint8_t z = (a[i] == 0.0) & (b[i] < 0.0) ? M_DIV : 0;
        uint8_t f = fabs(o[i]) <= DBL_MAX ? 0 : M_INV;
        uint8_t p = am[i], q = bm[i];
        uint8_t m = p ? p : q;
        z = z ? z : f;
        om[i] = m ? m : z;
    }
}

/* Comparisons give 1/0; missing operands give missing. */
static void k_cmp(expr_kop op, cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    switch (op) {
    case K_LT: for (int i = 0; i < N; i++) o[i] = a[i] < b[i] ? 1.0 : 0.0; break;
    case K_LE: for (int i = 0; i < N; i++) o[i] = a[i] <= b[i] ? 1.0 : 0.0; break;
    case K_GT: for (int i = 0; i < N; i++) o[i] = a[i] > b[i] ? 1.0 : 0.0; break;
    case K_GE: for (int i = 0; i < N; i++) o[i] = a[i] >= b[i] ? 1.0 : 0.0; break;
    case K_EQ: for (int i = 0; i < N; i++) o[i] = a[i] == b[i] ? 1.0 : 0.0; break;
    default: for (int i = 0; i < N; i++) o[i] = a[i] != b[i] ? 1.0 : 0.0; break;
    }
    miss2(am, bm, om);
}

/* Three-valued and: a valid false on either side wins. */
static void k_and(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++) {
        uint8_t p = am[i], q = bm[i];
        int f = ((p == 0) & (a[i] == 0.0)) | ((q == 0) & (b[i] == 0.0));
        uint8_t m = p ? p : q;
        o[i] = f ? 0.0 : 1.0;
        om[i] = f ? 0 : m;
    }
}

/* Three-valued or: a valid true on either side wins. */
static void k_or(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++) {
        uint8_t p = am[i], q = bm[i];
        int t = ((p == 0) & (a[i] != 0.0)) | ((q == 0) & (b[i] != 0.0));
        uint8_t m = p ? p : q;
        o[i] = t ? 1.0 : 0.0;
        om[i] = t ? 0 : m;
    }
}

/* min(a, b) or max(a, b); missing operands give missing. */
static void k_minmax(int is_max, cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    if (is_max)
        for (int i = 0; i < N; i++) {
            double x = a[i], y = b[i];
            o[i] = x > y ? x : y;
        }
    else
        for (int i = 0; i < N; i++) {
            double x = a[i], y = b[i];
            o[i] = x < y ? x : y;
        }
    miss2(am, bm, om);
}

/* First valid of a, b; both missing: a's reason. */
static void k_coalesce(cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++) {
        double x = a[i], y = b[i];
        o[i] = am[i] == 0 ? x : y;
    }
    for (int i = 0; i < N; i++) {
        uint8_t p = am[i], q = bm[i];
        om[i] = q == 0 ? 0 : p;
    }
}

/* if(c, a, b): missing c -> c's reason; else the chosen side's value and
 * reason. */
static void k_if(cdp c, cmp cm, cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    for (int i = 0; i < N; i++) {
        double x = a[i], y = b[i];
        o[i] = c[i] != 0.0 ? x : y;
    }
    for (int i = 0; i < N; i++) {
        uint8_t p = cm[i], ma = am[i], mb = bm[i];
        uint8_t s = c[i] != 0.0 ? ma : mb;
        om[i] = p ? p : s;
    }
}

/* clamp(x, lo, hi); lo > hi -> MISS_INVALID. */
static void k_clamp(cdp x, cmp xm, cdp lo, cmp lm, cdp hi, cmp hm, dp o, mp om)
{
    for (int i = 0; i < N; i++) {
        double v = x[i], l = lo[i], h = hi[i];
        v = v < l ? l : v;
        o[i] = v > h ? h : v;
    }
    for (int i = 0; i < N; i++) {
        uint8_t p = xm[i], q = lm[i], r = hm[i];
        uint8_t m = p ? p : q;
        m = m ? m : r;
        uint8_t bad = lo[i] > hi[i] ? M_INV : 0;
        om[i] = m ? m : bad;
    }
}

/* log, log10 (domain x > 0) and sqrt (x >= 0). */
static void k_domain(expr_kop op, cdp a, cmp am, dp o, mp om)
{
    if (op == K_SQRT) {
        for (int i = 0; i < N; i++) {
            double x = a[i];
            uint8_t p = am[i], bad = x >= 0.0 ? 0 : M_INV;
            om[i] = p ? p : bad;
            o[i] = x >= 0.0 ? x : 0.0;
        }
        for (int i = 0; i < N; i++)
            o[i] = sqrt(o[i]);
        return;
    }
    for (int i = 0; i < N; i++) {
        double x = a[i];
        uint8_t p = am[i], bad = x > 0.0 ? 0 : M_INV;
        om[i] = p ? p : bad;
        o[i] = x > 0.0 ? x : 1.0;
    }
    if (op == K_LOG)
        for (int i = 0; i < N; i++)
            o[i] = log(o[i]);
    else
        for (int i = 0; i < N; i++)
            o[i] = log10(o[i]);
}

/* round(x, digits), halves away from zero; |x| >= 2^52 is whole already. */
static void k_round(cdp a, dp o, double digits)
{
    if (digits == 0) {
        for (int i = 0; i < N; i++)
            o[i] = round(a[i]);
        return;
    }
    double s = pow(10.0, fabs(digits));
    for (int i = 0; i < N; i++) {
        double x = a[i];
        double r = digits > 0 ? round(x * s) / s : round(x / s) * s;
        o[i] = fabs(x) < 4503599627370496.0 || digits < 0 ? r : x;
    }
}

/* The simple unary kernels; reasons pass through (exp checks overflow). */
static void k_unary(const expr_ins *ins, cdp a, cmp am, dp o, mp om)
{
    switch (ins->op) {
    case K_NEG: for (int i = 0; i < N; i++) o[i] = -a[i]; break;
    case K_NOT: for (int i = 0; i < N; i++) o[i] = a[i] == 0.0 ? 1.0 : 0.0; break;
    case K_ABS: for (int i = 0; i < N; i++) o[i] = fabs(a[i]); break;
    case K_FLOOR: for (int i = 0; i < N; i++) o[i] = floor(a[i]); break;
    case K_CEIL: for (int i = 0; i < N; i++) o[i] = ceil(a[i]); break;
    case K_ROUND: k_round(a, o, ins->imm); break;
    case K_EXP:
        for (int i = 0; i < N; i++)
            o[i] = exp(a[i]);
        for (int i = 0; i < N; i++) {
            uint8_t p = am[i], f = fabs(o[i]) <= DBL_MAX ? 0 : M_INV;
            om[i] = p ? p : f;
        }
        return;
    default: break;
    }
    memcpy(om, am, N);
}

/* wilson_lower / wilson_upper(x, n): the 95 % Wilson interval of x/n in
 * percent; n = 0 -> MISS_DIV_ZERO, x < 0, x > n or n < 0 -> MISS_INVALID.
 * Scalar loop: the interval is not worth vectorising. */
static void k_wilson(int upper, cdp a, cmp am, cdp b, cmp bm, dp o, mp om)
{
    miss2(am, bm, om);
    for (int i = 0; i < N; i++) {
        o[i] = 0;
        if (om[i])
            continue;
        double lo, hi;
        if (b[i] == 0)
            om[i] = M_DIV;
        else if (reach_wilson(a[i], b[i], REACH_Z95, &lo, &hi) < 0)
            om[i] = M_INV;
        else
            o[i] = 100.0 * (upper ? hi : lo);
    }
}

/* funnel(x, n, target_pct): the position of x/n in the exact binomial
 * funnel around target_pct / 100 (-2 .. +2, see reach.h). */
static void k_funnel(cdp a, cmp am, cdp b, cmp bm, cdp t, cmp tm, dp o,
                     mp om)
{
    miss2(am, bm, om);
    for (int i = 0; i < N; i++) {
        o[i] = 0;
        if (!om[i] && tm[i])
            om[i] = tm[i];
        if (om[i])
            continue;
        int pos;
        if (b[i] == 0)
            om[i] = M_DIV;
        else if (reach_funnel_position(a[i], b[i], t[i] / 100.0,
                                       REACH_FUNNEL_EXACT, &pos) < 0)
            om[i] = M_INV;
        else
            o[i] = pos;
    }
}

void expr_kern_exec(const expr_ins *ins, double *const *v, uint8_t *const *m)
{
    double *o = v[ins->dst];
    uint8_t *om = m[ins->dst];
    const double *a = v[ins->a];
    const uint8_t *am = m[ins->a];
    const double *b = ins->b >= 0 ? v[ins->b] : NULL;
    const uint8_t *bm = ins->b >= 0 ? m[ins->b] : NULL;
    switch (ins->op) {
    case K_ADD: k_add(a, am, b, bm, o, om); break;
    case K_SUB: k_sub(a, am, b, bm, o, om); break;
    case K_MUL: k_mul(a, am, b, bm, o, om); break;
    case K_DIV: k_div(a, am, b, bm, o, om, 1.0); break;
    case K_PCT_OF: k_div(a, am, b, bm, o, om, 100.0); break;
    case K_POW: k_pow(a, am, b, bm, o, om); break;
    case K_LT: case K_LE: case K_GT: case K_GE: case K_EQ: case K_NE:
        k_cmp(ins->op, a, am, b, bm, o, om);
        break;
    case K_AND: k_and(a, am, b, bm, o, om); break;
    case K_OR: k_or(a, am, b, bm, o, om); break;
    case K_MIN: k_minmax(0, a, am, b, bm, o, om); break;
    case K_MAX: k_minmax(1, a, am, b, bm, o, om); break;
    case K_COALESCE: k_coalesce(a, am, b, bm, o, om); break;
    case K_IF: k_if(a, am, b, bm, v[ins->c], m[ins->c], o, om); break;
    case K_CLAMP: k_clamp(a, am, b, bm, v[ins->c], m[ins->c], o, om); break;
    case K_WILSON_LO: k_wilson(0, a, am, b, bm, o, om); break;
    case K_WILSON_HI: k_wilson(1, a, am, b, bm, o, om); break;
    case K_FUNNEL: k_funnel(a, am, b, bm, v[ins->c], m[ins->c], o, om); break;
    case K_LOG: case K_LOG10: case K_SQRT: k_domain(ins->op, a, am, o, om); break;
    default: k_unary(ins, a, am, o, om); break;
    }
}

/* expr_kern_store for a whole block (fixed trip count: vectorised). */
static void store_block(cdp v, cmp m, dp out, mp om)
{
    for (int i = 0; i < N; i++) {
        uint8_t p = m[i], f = fabs(v[i]) <= DBL_MAX ? 0 : M_INV;
        om[i] = p ? p : f;
    }
    for (int i = 0; i < N; i++) {
        double x = v[i];
        out[i] = om[i] ? 0.0 : x;
    }
}

void expr_kern_store(const double *v, const uint8_t *m, double *out,
                     uint8_t *out_miss, size_t len)
{
    if (len == N) {
        store_block(v, m, out, out_miss);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t p = m[i], f = fabs(v[i]) <= DBL_MAX ? 0 : M_INV;
        uint8_t q = p ? p : f;
        out_miss[i] = q;
        out[i] = q ? 0.0 : v[i];
    }
}

void expr_kern_fill(double *v, uint8_t *m, double value, uint8_t miss)
{
    for (int i = 0; i < N; i++)
        v[i] = value;
    memset(m, miss, N);
}

/* Nonzero when any value of the block is inf or NaN, valid or not: x - x
 * is 0 for finite x and NaN otherwise. Two accumulators keep the sum in
 * order (no -ffast-math needed) and let GCC vectorise it. */
static int block_any_nonfinite(const double *restrict v)
{
    double a0 = 0, a1 = 0;
    for (int i = 0; i < N; i += 2) {
        a0 += v[i] - v[i];
        a1 += v[i + 1] - v[i + 1];
    }
    return !(a0 + a1 == 0);
}

size_t expr_kern_count_bad(const double *v, const uint8_t *m)
{
    if (!block_any_nonfinite(v))
        return 0;
    uint8_t bad[N];
    for (int i = 0; i < N; i++) {
        uint8_t p = m[i];
        uint8_t f = fabs(v[i]) <= DBL_MAX ? 0 : 1;
        uint8_t z = p ? 1 : 0;
        bad[i] = f > z ? 1 : 0;
    }
    size_t n = 0;
    for (int i = 0; i < N; i++)
        n += bad[i];
    return n;
}
