/* key.c - CBS region codes; see key.h. */
#include "key.h"

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
    if (got == KEY_INVALID && all_digits(up, n)) {
        key_level l = hint;
        if (l == KEY_INVALID)
            l = n <= 4 ? KEY_GEMEENTE : n <= 6 ? KEY_WIJK : KEY_BUURT;
        got = emit(l, up, n, out);
    }
    /* alphanumeric codes without prefix (Amsterdam since 2022): gemeente
     * digits, then letters and digits: 0363AA -> WK0363AA, 0363AA01 ->
     * BU0363AA01 */
    if (got == KEY_INVALID && (n == 6 || n == 8) && all_digits(up, 4) &&
        isalpha((unsigned char)up[4]) && all_alnum(up + 4, n - 4))
        got = emit(n == 6 ? KEY_WIJK : KEY_BUURT, up, n, out);
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
    static const struct {
        const char *name;
        key_level level;
    } names[] = {
        {"buurt", KEY_BUURT},       {"buurten", KEY_BUURT},
        {"neighbourhood", KEY_BUURT}, {"wijk", KEY_WIJK},
        {"wijken", KEY_WIJK},       {"district", KEY_WIJK},
        {"gemeente", KEY_GEMEENTE}, {"gemeenten", KEY_GEMEENTE},
        {"municipality", KEY_GEMEENTE},
    };
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (name && strcmp(name, names[k].name) == 0)
            return names[k].level;
    return KEY_INVALID;
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
