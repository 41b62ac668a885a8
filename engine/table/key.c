/* key.c - CBS region codes; see key.h. */
#include "key.h"

#include "nametab.h"

#include <ctype.h>
#include <string.h>

static const char *const prefixes[] = {"", "GM", "WK", "BU"};
static const int digits_of[] = {0, 4, 6, 8};

key_level key_level_of(const char *code)
{
    if (!code || strlen(code) < 3)
        return KEY_INVALID;
    for (int l = KEY_GEMEENTE; l <= KEY_BUURT; l++)
        if (code[0] == prefixes[l][0] && code[1] == prefixes[l][1] &&
            strlen(code) == (size_t)(2 + digits_of[l]))
            return (key_level)l;
    return KEY_INVALID;
}

static int all_alnum(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!isalnum((unsigned char)s[k]))
            return 0;
    return 1;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!isdigit((unsigned char)s[k]))
            return 0;
    return n > 0;
}

/* Writes prefix + body left-padded with zeros to the level's width. */
static key_level emit(key_level l, const char *body, size_t n,
                      char out[KEY_MAX])
{
    size_t width = (size_t)digits_of[l];
    if (n > width || n == 0)
        return KEY_INVALID;
    memcpy(out, prefixes[l], 2);
    size_t pad = width - n;
    memset(out + 2, '0', pad);
    memcpy(out + 2 + pad, body, n);
    out[2 + width] = '\0';
    return l;
}

/* An alphanumeric code without prefix (Amsterdam since 2022): 4 gemeente
 * digits, then 2 (wijk) or 4 (buurt) letters or digits, the first a
 * letter. "0363AA01" is a buurt; "0363AA" a wijk only when the hint says so
 * or the gemeente part is below 1000 (a PC6 postcode such as "1011AB" has
 * the same shape, and postcodes start at 1000). Returns the level, or
 * KEY_INVALID when up is not such a code. */
static key_level alnum_bare(const char *up, size_t n, key_level hint,
                            char out[KEY_MAX])
{
    if ((n != 6 && n != 8) || !all_digits(up, 4) ||
        !isalpha((unsigned char)up[4]) || !all_alnum(up + 4, n - 4))
        return KEY_INVALID;
    key_level l = n == 8 ? KEY_BUURT : KEY_WIJK;
    if (hint != KEY_INVALID && hint != l)
        return KEY_INVALID;
    if (l == KEY_WIJK && hint != KEY_WIJK && up[0] != '0')
        return KEY_INVALID;
    return emit(l, up, n, out);
}

key_level key_level_from_name(const char *name)
{
    char low[64];
    size_t n = 0;
    for (; name && name[n] && n < sizeof low - 1; n++)
        low[n] = (char)tolower((unsigned char)name[n]);
    low[n] = '\0';
    if (n == 0)
        return KEY_INVALID;
    if (strstr(low, "buurt") || strstr(low, "brt") || !strncmp(low, "bu_", 3) ||
        !strncmp(low, "bu2", 3))
        return KEY_BUURT;
    if (strstr(low, "wijk") || !strncmp(low, "wk", 2))
        return KEY_WIJK;
    if (strstr(low, "gemeente") || !strncmp(low, "gem", 3) ||
        !strncmp(low, "gm", 2))
        return KEY_GEMEENTE;
    return KEY_INVALID;
}

key_level key_normalise(const char *raw, size_t len, key_level hint,
                        char out[KEY_MAX], int *changed)
{
    size_t a = 0, b = len;
    while (a < b && isspace((unsigned char)raw[a]))
        a++;
    while (b > a && isspace((unsigned char)raw[b - 1]))
        b--;
    char up[64];
    size_t n = b - a;
    if (n >= sizeof up)
        n = sizeof up - 1;
    for (size_t k = 0; k < n; k++)
        up[k] = (char)toupper((unsigned char)raw[a + k]);
    up[n] = '\0';
    /* a numeric value written as "14.0" by a spreadsheet */
    if (n > 2 && up[n - 2] == '.' && up[n - 1] == '0' && all_digits(up, n - 2))
        up[n -= 2] = '\0';
    /* PDOK jaarstatcode: 4-digit year before the prefixed code (length
     * checked, so Amsterdam's 0363AA01 is not taken for one) */
    if (n > 6 && all_digits(up, 4) && isalpha((unsigned char)up[4]) &&
        ((up[4] == 'G' && up[5] == 'M' && n == 10) ||
         (up[4] == 'W' && up[5] == 'K' && n == 12) ||
         (up[4] == 'B' && up[5] == 'U' && n == 14))) {
        memmove(up, up + 4, n - 4 + 1);
        n -= 4;
    }
    key_level got = KEY_INVALID;
    for (int l = KEY_GEMEENTE; l <= KEY_BUURT && got == KEY_INVALID; l++) {
        if (n > 2 && up[0] == prefixes[l][0] && up[1] == prefixes[l][1] &&
            all_alnum(up + 2, n - 2) && isdigit((unsigned char)up[2]))
            got = emit((key_level)l, up + 2, n - 2, out);
    }
    if (got == KEY_INVALID)
        got = alnum_bare(up, n, hint, out);
    if (got == KEY_INVALID && all_digits(up, n)) {
        key_level l = hint;
        if (l == KEY_INVALID)
            l = n <= 4 ? KEY_GEMEENTE : n <= 6 ? KEY_WIJK : KEY_BUURT;
        got = emit(l, up, n, out);
    }
    if (got == KEY_INVALID) {
        size_t m = n < KEY_MAX - 1 ? n : KEY_MAX - 1;
        memcpy(out, up, m);
        out[m] = '\0';
    }
    if (changed)
        *changed = (len != strlen(out)) || memcmp(raw, out, len) != 0;
    return got;
}

int key_parent(const char *code, key_level to, char out[KEY_MAX])
{
    key_level from = key_level_of(code);
    if (from == KEY_INVALID || to == KEY_INVALID || to > from)
        return -1;
    memcpy(out, prefixes[to], 2);
    memcpy(out + 2, code + 2, (size_t)digits_of[to]);
    out[2 + digits_of[to]] = '\0';
    return 0;
}

key_level key_level_parse(const char *name)
{
    static const nametab names[] = {
        {"buurt", KEY_BUURT},       {"buurten", KEY_BUURT},
        {"neighbourhood", KEY_BUURT}, {"wijk", KEY_WIJK},
        {"wijken", KEY_WIJK},       {"district", KEY_WIJK},
        {"gemeente", KEY_GEMEENTE}, {"gemeenten", KEY_GEMEENTE},
        {"municipality", KEY_GEMEENTE},
    };
    return (key_level)NAMETAB_FIND(names, name, 0, KEY_INVALID);
}

const char *key_level_name(key_level l)
{
    static const char *const n[] = {"?", "gemeente", "wijk", "buurt"};
    return (unsigned)l <= KEY_BUURT ? n[l] : "?";
}

const char *key_level_plural(key_level l)
{
    static const char *const n[] = {"?", "gemeenten", "wijken", "buurten"};
    return (unsigned)l <= KEY_BUURT ? n[l] : "?";
}
