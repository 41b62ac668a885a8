/* sentinel.c - CBS missing-value markers; see sentinel.h. */
#include "sentinel.h"

#include <math.h>

miss_reason sentinel_reason(double v)
{
    if (!isfinite(v))
        return MISS_UNPARSABLE;
    if (v > -99990.0)
        return MISS_NONE;
    if (v == -99997.0 || v == -99999997.0 || v == -9999997.0)
        return MISS_SECRET;
    if (v == -99995.0 || v == -99991.0)
        return MISS_NOT_AVAILABLE;
    if (v == -99999998.0)
        return MISS_NOT_APPLICABLE;
    if (v == -99999999.0 || v == -99999996.0)
        return MISS_UNKNOWN;
    return MISS_SENTINEL;
}

miss_reason sentinel_text_reason(const char *s, size_t len)
{
    size_t a = 0, b = len;
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' ||
                     s[b - 1] == '\n'))
        b--;
    if (a == b)
        return MISS_EMPTY;
    if (b - a == 1) {
        switch (s[a]) {
        case '.': return MISS_UNKNOWN;
        case 'x': case 'X': return MISS_SECRET;
        case '?': return MISS_UNKNOWN;
        default: break;
        }
    }
    return MISS_NONE;
}
