/* numparse.c - strict number parsing with a decimal comma or dot; see
 * numparse.h. */
#include "numparse.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "sentinel.h"

#define NUM_MAX_CHARS 96 /* longer digit strings are not numbers here */

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

/* Creates the "C" numeric locale strtod_l converts with, once per process
 * (it lives until exit). On failure c_locale stays 0 and convert() falls
 * back to the current locale's decimal point. */
static void make_c_locale(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

/* Converts the clean ASCII number in buf ("-1234.5e3", NUL-terminated, n
 * chars) independently of the process locale. */
static double convert(char *buf, size_t n)
{
    pthread_once(&c_locale_once, make_c_locale);
    if (c_locale)
        return strtod_l(buf, NULL, c_locale);
    const struct lconv *lc = localeconv();
    char dp = lc && lc->decimal_point && lc->decimal_point[0]
                  ? lc->decimal_point[0]
                  : '.';
    for (size_t k = 0; k < n; k++)
        if (buf[k] == '.')
            buf[k] = dp;
    return strtod(buf, NULL);
}

/* Length of a leading minus sign ('-' or U+2212) or plus sign at s, with
 * *neg set for a minus; 0 when there is none. */
static size_t sign_len(const char *s, size_t len, int *neg)
{
    *neg = 0;
    if (len >= 1 && (s[0] == '-' || s[0] == '+')) {
        *neg = s[0] == '-';
        return 1;
    }
    if (len >= 3 && (unsigned char)s[0] == 0xE2 &&
        (unsigned char)s[1] == 0x88 && (unsigned char)s[2] == 0x92) {
        *neg = 1;
        return 3;
    }
    return 0;
}

/* 1 for an ASCII digit. */
static int is_digit(char c) { return c >= '0' && c <= '9'; }

int num_parse(const char *s, size_t len, char decimal, double *out)
{
    char thou = decimal == ',' ? '.' : ',';
    char buf[NUM_MAX_CHARS + 8];
    size_t n = 0, i;
    int neg;
    if (!s || len == 0 || len > NUM_MAX_CHARS)
        return -1;
    i = sign_len(s, len, &neg);
    if (neg)
        buf[n++] = '-';
    /* integer part, with optional thousands separators */
    size_t start = i, int_digits = 0, group = 0, seps = 0;
    while (i < len) {
        char c = s[i];
        if (is_digit(c)) {
            buf[n++] = c;
            int_digits++;
            group++;
        } else if (c == thou) {
            if (seps == 0 ? (group < 1 || group > 3 || s[start] == '0')
                          : group != 3)
                return -1;
            seps++;
            group = 0;
        } else {
            break;
        }
        i++;
    }
    if (seps && group != 3)
        return -1;
    /* fraction */
    size_t frac_digits = 0;
    if (i < len && s[i] == decimal) {
        buf[n++] = '.';
        i++;
        while (i < len && is_digit(s[i])) {
            buf[n++] = s[i++];
            frac_digits++;
        }
    }
    if (int_digits + frac_digits == 0)
        return -1;
    /* exponent (never together with thousands separators) */
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        if (seps)
            return -1;
        buf[n++] = 'e';
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            buf[n++] = s[i++];
        size_t exp_digits = 0;
        while (i < len && is_digit(s[i])) {
            buf[n++] = s[i++];
            exp_digits++;
        }
        if (exp_digits == 0)
            return -1;
    }
    if (i != len)
        return -1;
    buf[n] = '\0';
    double v = convert(buf, n);
    if (!isfinite(v))
        return -1;
    *out = v;
    return 0;
}

num_cell_kind num_cell(const char *s, size_t len, char decimal, double *out,
                       miss_reason *why)
{
    miss_reason m = sentinel_text_reason(s, len);
    if (m != MISS_NONE) {
        *why = m;
        return NUM_CELL_MISSING;
    }
    if (len == 1 && s[0] == '-') { /* StatLine nihil */
        *out = 0.0;
        return NUM_CELL_NUMBER;
    }
    double v;
    if (num_parse(s, len, decimal, &v) < 0)
        return NUM_CELL_TEXT;
    m = sentinel_reason(v);
    if (m != MISS_NONE) {
        *why = m;
        return NUM_CELL_MISSING;
    }
    *out = v;
    return NUM_CELL_NUMBER;
}

int num_is_zero_padded(const char *s, size_t len)
{
    if (len < 2 || s[0] != '0')
        return 0;
    for (size_t k = 1; k < len; k++)
        if (!is_digit(s[k]))
            return 0;
    return 1;
}

void num_vote(num_votes *v, const char *s, size_t len)
{
    int neg;
    size_t i = sign_len(s, len, &neg);
    s += i;
    len -= i;
    if (len == 0 || len > NUM_MAX_CHARS)
        return;
    size_t dots = 0, commas = 0, last_dot = 0, last_comma = 0, digits = 0;
    for (size_t k = 0; k < len; k++) {
        if (is_digit(s[k]))
            digits++;
        else if (s[k] == '.')
            dots++, last_dot = k;
        else if (s[k] == ',')
            commas++, last_comma = k;
        else
            return; /* not a plain number */
    }
    if (digits == 0 || (dots == 0 && commas == 0))
        return;
    if (dots && commas) { /* the last one is the decimal mark */
        if (last_comma > last_dot)
            v->comma++;
        else
            v->dot++;
        return;
    }
    int is_comma = commas > 0;
    if ((is_comma ? commas : dots) > 1) { /* repeated: thousands */
        if (is_comma)
            v->dot++;
        else
            v->comma++;
        return;
    }
    size_t pos = is_comma ? last_comma : last_dot;
    size_t after = len - pos - 1;
    if (after == 3 && pos >= 1 && pos <= 3 && s[0] != '0') {
        if (is_comma)
            v->amb_comma++;
        else
            v->amb_dot++;
    } else if (is_comma) {
        v->comma++;
    } else {
        v->dot++;
    }
}

char num_decide(const num_votes *v, char delimiter)
{
    char dutch = delimiter == ';' ? ',' : '.';
    if (v->comma > v->dot)
        return ',';
    if (v->dot > v->comma)
        return '.';
    if (v->comma || v->amb_comma || v->amb_dot)
        return dutch;
    return '.';
}
