/* numfmt.c - Dutch and English number formatting; see numfmt.h. */
#include "numfmt.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"

/* Longest number we build: 309 integer digits, 102 separators, sign,
 * separator and 15 decimals. */
#define NUM_MAX 440

/* Parses a language name; see numfmt.h. */
int numfmt_lang_parse(const char *s, numfmt_lang *out)
{
    if (s && strcasecmp(s, "nl") == 0) {
        *out = NUMFMT_NL;
        return 0;
    }
    if (s && strcasecmp(s, "en") == 0) {
        *out = NUMFMT_EN;
        return 0;
    }
    err_set(ERR_RECIPE, NULL, 0, NULL,
            "unknown language '%s' for numbers; use nl or en",
            s ? s : "(none)");
    return -1;
}

/* Copies s into buf, or fails with ERR_RENDER when it does not fit. */
static int put(const char *s, char *buf, size_t n)
{
    size_t len = strlen(s);
    if (!buf || len >= n) {
        if (buf && n > 0)
            buf[0] = '\0';
        err_set(ERR_RENDER, NULL, 0, NULL,
                "a formatted number needs %zu bytes but the buffer has %zu",
                len + 1, buf ? n : 0);
        return -1;
    }
    memcpy(buf, s, len + 1);
    return 0;
}

/* Fails with an error for a bad decimals count or a non-finite value. */
static int check_args(double v, int decimals, char *buf, size_t n)
{
    if (buf && n > 0)
        buf[0] = '\0';
    if (decimals < 0 || decimals > NUMFMT_MAX_DECIMALS) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "the number of decimals must be between 0 and %d, got %d",
                NUMFMT_MAX_DECIMALS, decimals);
        return -1;
    }
    if (!isfinite(v)) {
        err_set(ERR_RENDER, NULL, 0, NULL,
                "cannot format a value that is not a finite number (%g)", v);
        return -1;
    }
    return 0;
}

/* Formats finite v with |v| >= NUMFMT_SCI_FROM as "1,23 × 10³²" (three
 * significant digits, trailing zeros dropped, no-break spaces) into out,
 * so any double fits a short buffer (issue 11 item 12). */
static void format_sci(double v, numfmt_lang lang, char *out)
{
    static const char *const sup[10] = {
        "\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3",
        "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6",
        "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"};
    char sci[40];
    snprintf(sci, sizeof sci, "%.2e", fabs(v)); /* "1.23e+32" */
    int e10 = atoi(strchr(sci, 'e') + 1);
    char mant[8] = {sci[0], lang == NUMFMT_EN ? '.' : ',', sci[2], sci[3],
                    '\0'};
    if (mant[3] == '0')
        mant[3] = '\0';
    if (mant[2] == '0' && mant[3] == '\0')
        mant[1] = '\0';
    char exp[32] = "";
    char digits[8];
    snprintf(digits, sizeof digits, "%d", e10);
    for (const char *d = digits; *d; d++)
        strcat(exp, sup[*d - '0']);
    sprintf(out, "%s%s" NUMFMT_NBSP "\xC3\x97" NUMFMT_NBSP "10%s",
            v < 0 ? "-" : "", mant, exp);
}

/* Writes the digits of n with `decimals` of them after the point, the
 * whole part grouped by three, and a minus for neg when n is not zero, to
 * out. Returns the end (the text is terminated). */
static char *put_scaled(uint64_t n, int decimals, int neg, numfmt_lang lang,
                        char *out)
{
    char d[24];
    int nd = 0;
    do {
        d[nd++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    while (nd <= decimals) /* at least one digit before the point */
        d[nd++] = '0';
    char group = lang == NUMFMT_EN ? ',' : '.';
    char point = lang == NUMFMT_EN ? '.' : ',';
    char *o = out;
    int nonzero = 0;
    for (int i = 0; i < nd; i++)
        nonzero |= d[i] != '0';
    if (neg && nonzero)
        *o++ = '-';
    int ip = nd - decimals;
    for (int i = 0; i < ip; i++) {
        if (i > 0 && (ip - i) % 3 == 0)
            *o++ = group;
        *o++ = d[nd - 1 - i];
    }
    if (decimals > 0) {
        *o++ = point;
        for (int i = ip; i < nd; i++)
            *o++ = d[nd - 1 - i];
    }
    *o = '\0';
    return o;
}

/* The usual case of format_core without printf: when |v| * 10^decimals is
 * below 10^15 (so every kept digit is one of the 15 significant ones) and
 * farther from a rounding tie than rounding v to 15 significant digits
 * (at most 5e-15 relative) plus the product's own error can move it,
 * rounding that product half up gives the same digits as the slow path.
 * Returns 1 with out written, or 0 when the slow path must decide. */
static int format_fast(double v, int decimals, numfmt_lang lang, char *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                 1e15};
    if (decimals > 15)
        return 0;
    double t = fabs(v) * p10[decimals];
    if (!(t < 1e15))
        return 0;
    double r = floor(t + 0.5); /* exact: t + 0.5 is below 2^52 */
    double slack = 1e-14 * t;
    if (t - (r - 0.5) <= slack || (r + 0.5) - t <= slack)
        return 0;
    put_scaled((uint64_t)r, decimals, v < 0, lang, out);
    return 1;
}

/* Formats finite v with `decimals` decimals into out (NUM_MAX bytes),
 * rounding the 15-significant-digit decimal form half away from zero. */
static void format_core(double v, int decimals, numfmt_lang lang, char *out)
{
    if (format_fast(v, decimals, lang, out))
        return;
    if (fabs(v) >= NUMFMT_SCI_FROM) {
        format_sci(v, lang, out);
        return;
    }
    char sci[40];
    /* "d.dddddddddddddde+XX": 15 significant digits, correctly rounded */
    snprintf(sci, sizeof sci, "%.14e", fabs(v));
    char dig[32];
    int nd = 0;
    for (const char *p = sci; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            dig[nd++] = *p;
    int e10 = atoi(strchr(sci, 'e') + 1);
    /* value = 0.dig * 10^(e10+1); point sits after `ip` digits */
    int ip = e10 + 1;
    int keep = ip + decimals; /* digits kept */
    char r[400];              /* kept digits, with room for a carry */
    int nr = 0;
    if (v == 0 || keep < 0) {
        ip = 1;
        r[nr++] = '0';
        for (int i = 0; i < decimals; i++)
            r[nr++] = '0';
    } else {
        int round_up = keep < nd && dig[keep] >= '5';
        for (int i = 0; i < keep; i++)
            r[nr++] = i < nd ? dig[i] : '0';
        if (round_up) {
            int i = nr - 1;
            while (i >= 0 && r[i] == '9')
                r[i--] = '0';
            if (i >= 0) {
                r[i]++;
            } else {
                memmove(r + 1, r, (size_t)nr);
                r[0] = '1';
                nr++;
                ip++;
            }
        }
        /* leading zeros when the value is below one */
        if (ip <= 0) {
            int pad = 1 - ip;
            memmove(r + pad, r, (size_t)nr);
            memset(r, '0', (size_t)pad);
            nr += pad;
            ip = 1;
        }
    }
    int nonzero = 0;
    for (int i = 0; i < nr; i++)
        nonzero |= r[i] != '0';
    char group = lang == NUMFMT_EN ? ',' : '.';
    char point = lang == NUMFMT_EN ? '.' : ',';
    char *o = out;
    if (v < 0 && nonzero)
        *o++ = '-';
    for (int i = 0; i < ip; i++) {
        if (i > 0 && (ip - i) % 3 == 0)
            *o++ = group;
        *o++ = r[i];
    }
    if (decimals > 0) {
        *o++ = point;
        for (int i = ip; i < nr; i++)
            *o++ = r[i];
    }
    *o = '\0';
}

/* Formats v; see numfmt.h. */
int numfmt(double v, int decimals, numfmt_lang lang, char *buf, size_t n)
{
    if (check_args(v, decimals, buf, n) < 0)
        return -1;
    char tmp[NUM_MAX];
    format_core(v, decimals, lang, tmp);
    return put(tmp, buf, n);
}

/* Dutch formatting; see numfmt.h. */
int numfmt_nl(double v, int decimals, char *buf, size_t n)
{
    return numfmt(v, decimals, NUMFMT_NL, buf, n);
}

/* Appends the unit to a formatted number in tmp (size NUM_MAX + 64). */
static int append_unit(char *tmp, size_t size, const char *unit,
                       numfmt_lang lang)
{
    if (!unit || !*unit)
        return 0;
    const char *sep = (lang == NUMFMT_EN && strcmp(unit, "%") == 0)
                          ? ""
                          : NUMFMT_NBSP;
    size_t len = strlen(tmp), ls = strlen(sep), lu = strlen(unit);
    if (ls + lu >= size - len) {
        err_set(ERR_RENDER, NULL, 0, NULL,
                "the unit '%.40s' is too long for a number label", unit);
        return -1;
    }
    memcpy(tmp + len, sep, ls);
    memcpy(tmp + len + ls, unit, lu + 1);
    return 0;
}

/* Formats v and a unit; see numfmt.h. */
int numfmt_unit(double v, int decimals, const char *unit, numfmt_lang lang,
                char *buf, size_t n)
{
    if (check_args(v, decimals, buf, n) < 0)
        return -1;
    char tmp[NUM_MAX + 256];
    format_core(v, decimals, lang, tmp);
    if (append_unit(tmp, sizeof tmp, unit, lang) < 0)
        return -1;
    return put(tmp, buf, n);
}

/* Decimals for a lone value; see numfmt.h. */
int numfmt_auto_decimals(double v)
{
    double a = fabs(v);
    if (!isfinite(a) || a == 0 || a >= 100)
        return 0;
    if (a >= 10)
        return 1;
    if (a >= 1)
        return 2;
    if (a >= 0.1)
        return 3;
    return 4;
}

/* Removes trailing zeros after the decimal separator `point` in s. */
static void strip_zeros(char *s, char point)
{
    char *p = strchr(s, point);
    if (!p)
        return;
    char *end = s + strlen(s);
    while (end > p + 1 && end[-1] == '0')
        end--;
    if (end == p + 1)
        end = p;
    *end = '\0';
}

/* Formats a lone value; see numfmt.h. */
int numfmt_auto(double v, numfmt_lang lang, char *buf, size_t n)
{
    int d = numfmt_auto_decimals(v);
    if (check_args(v, d, buf, n) < 0)
        return -1;
    char tmp[NUM_MAX];
    format_core(v, d, lang, tmp);
    strip_zeros(tmp, lang == NUMFMT_EN ? '.' : ',');
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
    return put(tmp, buf, n);
}

/* Decimals for a legend; see numfmt.h. */
int numfmt_breaks_decimals(const double *b, size_t nb)
{
    int exact = -1;
    for (int d = 0; d <= 6 && exact < 0; d++) {
        double s = pow(10.0, d);
        int ok = 1;
        for (size_t i = 0; i < nb && ok; i++) {
            if (!isfinite(b[i]))
                continue;
            double t = b[i] * s;
            ok = fabs(t - round(t)) <= fmax(1e-6, 8 * DBL_EPSILON * fabs(t));
        }
        if (ok)
            exact = d;
    }
    if (exact >= 0)
        return exact;
    double gap = INFINITY;
    for (size_t i = 1; i < nb; i++)
        if (isfinite(b[i]) && isfinite(b[i - 1]) && b[i] > b[i - 1])
            gap = fmin(gap, b[i] - b[i - 1]);
    int d = 0;
    if (isfinite(gap)) {
        d = -(int)floor(log10(gap));
        d = d < 0 ? 0 : d > 6 ? 6 : d;
    }
    /* raise until neighbouring breaks look different (a safety net: a
     * gap of at least one unit of the last decimal always shows) */
    for (; d < 6; d++) {
        char prev[NUM_MAX], cur[NUM_MAX];
        int same = 0;
        prev[0] = '\0';
        for (size_t i = 0; i < nb && !same; i++) {
            if (!isfinite(b[i]))
                continue;
            format_core(b[i], d, NUMFMT_EN, cur);
            same = prev[0] && strcmp(prev, cur) == 0;
            memcpy(prev, cur, strlen(cur) + 1);
        }
        if (!same)
            break;
    }
    return d;
}

/* Formats a legend range; see numfmt.h. */
int numfmt_range(double lo, double hi, int decimals, const char *unit,
                 numfmt_lang lang, char *buf, size_t n)
{
    if (buf && n > 0)
        buf[0] = '\0';
    if (isnan(lo) || isnan(hi) || (isinf(lo) && isinf(hi)) || lo > hi ||
        lo == INFINITY || hi == -INFINITY) {
        err_set(ERR_RENDER, NULL, 0, NULL,
                "cannot format the class range %g to %g; at most one end may "
                "be infinite and the lower end must not exceed the upper",
                lo, hi);
        return -1;
    }
    double one = isinf(lo) ? hi : lo;
    if (check_args(one, decimals, buf, n) < 0)
        return -1;
    char tmp[2 * NUM_MAX + 256];
    if (isinf(lo)) {
        strcpy(tmp, NUMFMT_LE " ");
        format_core(hi, decimals, lang, tmp + strlen(tmp));
    } else if (isinf(hi)) {
        strcpy(tmp, "> ");
        format_core(lo, decimals, lang, tmp + strlen(tmp));
    } else {
        format_core(lo, decimals, lang, tmp);
        strcat(tmp, " " NUMFMT_NDASH " ");
        format_core(hi, decimals, lang, tmp + strlen(tmp));
    }
    if (append_unit(tmp, sizeof tmp, unit, lang) < 0)
        return -1;
    return put(tmp, buf, n);
}

/* v * 10^decimals rounded by fn (floor or ceil), allowing binary noise. */
static double round_dir(double v, int decimals, double (*fn)(double))
{
    if (!isfinite(v) || fabs(v) >= NUMFMT_SCI_FROM || decimals < 0 ||
        decimals > NUMFMT_MAX_DECIMALS)
        return v;
    double s = pow(10.0, decimals), t = v * s, r = round(t);
    if (fabs(t - r) <= 1e-9 * fmax(1.0, fabs(t)))
        return r / s;
    return fn(t) / s;
}

double numfmt_round_down(double v, int decimals)
{
    return round_dir(v, decimals, floor);
}

double numfmt_round_up(double v, int decimals)
{
    return round_dir(v, decimals, ceil);
}

/* Formats a legend class with enclosing outer bounds; see numfmt.h. */
int numfmt_class_range(const double *b, int k, int i, int decimals,
                       const char *unit, numfmt_lang lang, char *buf,
                       size_t n)
{
    double lo = b[i], hi = b[i + 1];
    if (i == 0)
        lo = numfmt_round_down(lo, decimals);
    if (i == k - 1)
        hi = numfmt_round_up(hi, decimals);
    return numfmt_range(lo, hi, decimals, unit, lang, buf, n);
}

/* Compact large numbers; see numfmt.h. */
int numfmt_compact(double v, numfmt_lang lang, char *buf, size_t n)
{
    if (check_args(v, 0, buf, n) < 0)
        return -1;
    static const char *words[2][3] = {{"mln", "mld", "bln"},
                                      {"mn", "bn", "tn"}};
    double a = fabs(v);
    if (a < 999999.5 || a >= NUMFMT_SCI_FROM) /* below a million, or huge */
        return numfmt_auto(v, lang, buf, n);
    /* pick the scale after rounding, so 999,96 mln becomes 1 mld */
    int s = a >= 1e12 ? 2 : a >= 1e9 ? 1 : 0;
    char tmp[NUM_MAX + 64];
    double scaled = v / pow(10.0, 6 + 3 * s);
    if (fabs(scaled) >= 999.5 && s < 2) {
        s++;
        scaled = v / pow(10.0, 6 + 3 * s);
    }
    format_core(scaled, fabs(scaled) >= 100 ? 0 : 1, lang, tmp);
    strip_zeros(tmp, lang == NUMFMT_EN ? '.' : ',');
    size_t len = strlen(tmp);
    snprintf(tmp + len, sizeof tmp - len, NUMFMT_NBSP "%s",
             words[lang == NUMFMT_EN][s]);
    return put(tmp, buf, n);
}
