/* reach.h - statistics for participation reach: Wilson score intervals for
 * a rate x/n and funnel-plot control limits (Spiegelhalter 2005) around a
 * target rate.
 *
 * Wilson score interval (Wilson 1927; Newcombe 1998, method 3): with
 * p = x/n and z the normal quantile,
 *     centre = (p + z^2/(2n)) / (1 + z^2/n)
 *     half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
 * and [centre - half, centre + half], clipped to [0, 1]. It behaves well
 * for small n and for p near 0 or 1, unlike p +- z*sqrt(p(1-p)/n).
 *
 * Funnel limits (Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Stat Med 2005;24:1185-1202, section 3.1 and appendix A.1.1):
 * for a target rate theta and a unit with n in its denominator, the limit
 * for tail probability p is the p-quantile of Binomial(n, theta) divided by
 * n, made continuous by interpolation:
 *     r_p   = the smallest r with F(r) >= p        (F the binomial CDF)
 *     alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1))
 *     limit = (r_p - alpha) / n
 * This exact binomial method is the default (REACH_FUNNEL_EXACT). A
 * non-whole n (an estimated target group, e.g. households times a share) is
 * rounded to the nearest whole number for the binomial, at least 1. The
 * normal approximation theta +- z*sqrt(theta(1-theta)/n) (Spiegelhalter's
 * eq. 3 without overdispersion) is REACH_FUNNEL_NORMAL. Limits are for
 * p = 0.025/0.975 (95 %) and 0.001/0.999 (99.8 %), clipped to [0, 1].
 *
 * All functions are pure; they allocate nothing and cannot fail except by
 * returning -1 for invalid input (n <= 0, x < 0, x > n, theta outside
 * [0, 1], non-finite values).
 */
#ifndef DNW_REACH_H
#define DNW_REACH_H

/* Two-sided 95 % and 99.8 % normal quantiles. */
#define REACH_Z95 1.959963984540054
#define REACH_Z998 3.090232306167813

typedef enum { REACH_FUNNEL_EXACT = 0, REACH_FUNNEL_NORMAL = 1 } reach_funnel_method;

/* Wilson score interval of x successes in n at quantile z: *lo, *hi as
 * fractions in [0, 1]. 0, or -1 for invalid input (outputs untouched). */
int reach_wilson(double x, double n, double z, double *lo, double *hi);

/* The funnel limit for tail probability p (0 < p < 1) at rate theta and
 * denominator n, as a fraction in [0, 1]. 0 or -1 (invalid input). */
int reach_funnel_limit(double theta, double n, double p,
                       reach_funnel_method method, double *limit);

/* The four limits at n: lo998 <= lo95 <= hi95 <= hi998 (fractions).
 * 0 or -1. */
int reach_funnel_limits(double theta, double n, reach_funnel_method method,
                        double *lo998, double *lo95, double *hi95,
                        double *hi998);

/* Position of the rate x/n in the funnel around theta: -2 below the 99.8 %
 * lower limit, -1 below the 95 % one, 0 inside, +1 above the 95 % upper
 * limit, +2 above the 99.8 % one. Strictly below / above counts. 0, or -1
 * for invalid input. */
int reach_funnel_position(double x, double n, double theta,
                          reach_funnel_method method, int *pos);

#endif
