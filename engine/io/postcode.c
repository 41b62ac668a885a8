/* postcode.c - normalising Dutch postcodes; see postcode.h. */
#include "postcode.h"

#include <stdio.h>

int32_t postcode_key(const char *s, size_t len)
{
    size_t k = 0;
    int d = 0, nd = 0, nl = 0, l[2] = {0, 0};
    while (k < len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (k == len)
        return PC_EMPTY;
    for (; k < len; k++) {
        unsigned char ch = (unsigned char)s[k];
        if (ch >= '0' && ch <= '9' && nl == 0 && nd < 4) {
            d = d * 10 + (ch - '0');
            nd++;
        } else if (ch == ' ' || ch == '\t' || ch == '-') {
            if (nd != 4 && nd != 0)
                return PC_INVALID;
        } else if (((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) &&
                   nd == 4 && nl < 2) {
            l[nl++] = (ch | 0x20) - 'a';
        } else {
            return PC_INVALID;
        }
    }
    /* a trailing ".0" of a number column was taken off by the caller; a
     * first digit 0 does not exist */
    if (nd != 4 || d < 1000 || nl == 1)
        return PC_INVALID;
    return nl == 0 ? d * 1000 + 999 : d * 1000 + l[0] * 26 + l[1];
}

void postcode_format(int32_t key, char out[8])
{
    int d = key / 1000, r = key % 1000;
    if (r == 999)
        snprintf(out, 8, "%04d", d % 10000);
    else
        snprintf(out, 8, "%04d%c%c", d % 10000, 'A' + r / 26, 'A' + r % 26);
}
