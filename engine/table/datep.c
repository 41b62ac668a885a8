/* datep.c - ISO and Dutch calendar dates; see datep.h. */
#include "datep.h"


/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

/* The date of a day number (inverse of days_from_civil). */
static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Reads up to max digits at s[*k]; returns the count read (value in *v). */
static int digits(const char *s, size_t len, size_t *k, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (*k < len && n < max && s[*k] >= '0' && s[*k] <= '9') {
        *v = *v * 10 + (s[*k] - '0');
        (*k)++;
        n++;
    }
    return n;
}

int date_parse(const char *s, size_t len, int32_t *days)
{
    size_t k = 0;
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    while (len > k && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    int a, b, c;
    int na = digits(s, len, &k, 4, &a);
    if (na == 0 || k >= len)
        return -1;
    char sep = s[k];
    if (sep != '-' && sep != '/' && sep != '.')
        return -1;
    k++;
    int nb = digits(s, len, &k, 2, &b);
    if (nb == 0 || k >= len || s[k] != sep)
        return -1;
    k++;
    int nc = digits(s, len, &k, 4, &c);
    int y, m, d;
    if (na == 4 && nc <= 2 && nc > 0) { /* 2024-12-31 */
        y = a, m = b, d = c;
    } else if (na <= 2 && nc == 4) {    /* 31-12-2024 */
        d = a, m = b, y = c;
    } else {
        return -1;
    }
    /* a time may follow after a blank or 'T' */
    if (k < len && s[k] != ' ' && s[k] != 'T')
        return -1;
    if (k < len) {
        size_t t = k + 1;
        while (t < len && s[t] == ' ')
            t++;
        if (t >= len || s[t] < '0' || s[t] > '9')
            return -1;
    }
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1)
        return -1;
    if (d > mdays[m - 1] + (m == 2 && is_leap(y)))
        return -1;
    *days = days_from_civil(y, m, d);
    return 0;
}

void date_format(int32_t days, char out[11])
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u,
             ud = (unsigned)d % 100u;
    out[0] = (char)('0' + uy / 1000);
    out[1] = (char)('0' + uy / 100 % 10);
    out[2] = (char)('0' + uy / 10 % 10);
    out[3] = (char)('0' + uy % 10);
    out[4] = '-';
    out[5] = (char)('0' + um / 10);
    out[6] = (char)('0' + um % 10);
    out[7] = '-';
    out[8] = (char)('0' + ud / 10);
    out[9] = (char)('0' + ud % 10);
    out[10] = '\0';
}
