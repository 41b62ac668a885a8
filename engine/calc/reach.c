/* reach.c - Wilson intervals and funnel limits; see reach.h. */
#include "reach.h"

#include <math.h>

/* Clips v to [0, 1]. */
static double unit_clip(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

int reach_wilson(double x, double n, double z, double *lo, double *hi)
{
    if (!isfinite(x) || !isfinite(n) || !isfinite(z) || n <= 0 || x < 0 ||
        x > n || z <= 0)
        return -1;
    double p = x / n, z2 = z * z;
    double d = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / d;
    double half = z / d * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    *lo = unit_clip(centre - half);
    *hi = unit_clip(centre + half);
    /* exact ends: x = 0 gives lo 0, x = n gives hi 1 */
    if (x == 0)
        *lo = 0;
    if (x == n)
        *hi = 1;
    return 0;
}

/* log of the Binomial(n, theta) probability of r (0 < theta < 1). */
static double log_pmf(double n, double r, double theta)
{
    return lgamma(n + 1) - lgamma(r + 1) - lgamma(n - r + 1) +
           r * log(theta) + (n - r) * log1p(-theta);
}

/* The interpolated binomial p-quantile divided by n (appendix A.1.1 of
 * Spiegelhalter 2005). Sums the probabilities over a window of +- 40
 * standard deviations around the mean (the mass outside is below 1e-300),
 * so the cost is O(sqrt(n)). */
static double exact_limit(double theta, double n, double p)
{
    if (theta <= 0)
        return 0;
    if (theta >= 1)
        return 1;
    double mean = n * theta, sd = sqrt(n * theta * (1 - theta));
    double lo = floor(mean - 40 * sd - 1), hi = ceil(mean + 40 * sd + 1);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    double cdf_prev = 0, cdf = 0;
    for (double r = lo; r <= hi; r++) {
        cdf_prev = cdf;
        cdf += exp(log_pmf(n, r, theta));
        if (cdf >= p) {
            double step = cdf - cdf_prev;
            double alpha = step > 0 ? (cdf - p) / step : 0;
            return unit_clip((r - alpha) / n);
        }
    }
    return 1; /* rounding: p beyond the summed mass */
}

int reach_funnel_limit(double theta, double n, double p,
                       reach_funnel_method method, double *limit)
{
    if (!isfinite(theta) || !isfinite(n) || !isfinite(p) || theta < 0 ||
        theta > 1 || n <= 0 || p <= 0 || p >= 1)
        return -1;
    if (method == REACH_FUNNEL_NORMAL) {
        /* the normal quantile of p by bisection on erfc (p is one of a few
         * tails in practice, but any p works) */
        double a = -10, b = 10;
        for (int k = 0; k < 200; k++) {
            double m = (a + b) / 2;
            if (0.5 * erfc(-m / sqrt(2.0)) < p)
                a = m;
            else
                b = m;
        }
        double z = (a + b) / 2;
        *limit = unit_clip(theta + z * sqrt(theta * (1 - theta) / n));
        return 0;
    }
    double nn = floor(n + 0.5);
    if (nn < 1)
        nn = 1;
    *limit = exact_limit(theta, nn, p);
    return 0;
}

int reach_funnel_limits(double theta, double n, reach_funnel_method method,
                        double *lo998, double *lo95, double *hi95,
                        double *hi998)
{
    if (reach_funnel_limit(theta, n, 0.001, method, lo998) < 0 ||
        reach_funnel_limit(theta, n, 0.025, method, lo95) < 0 ||
        reach_funnel_limit(theta, n, 0.975, method, hi95) < 0 ||
        reach_funnel_limit(theta, n, 0.999, method, hi998) < 0)
        return -1;
    return 0;
}

int reach_funnel_position(double x, double n, double theta,
                          reach_funnel_method method, int *pos)
{
    if (!isfinite(x) || x < 0 || !isfinite(n) || n <= 0)
        return -1;
    double l998, l95, h95, h998;
    if (reach_funnel_limits(theta, n, method, &l998, &l95, &h95, &h998) < 0)
        return -1;
    double rate = x / n;
    *pos = rate < l998 ? -2 : rate < l95 ? -1 : rate > h998 ? 2
         : rate > h95 ? 1 : 0;
    return 0;
}
