/* namejoin.c - joins by normalised place names; see namejoin.h. The unit
 * keys are sorted once (an index array) and every source key is looked up
 * by binary search. */
#include "namejoin.h"

#include "err.h"
#include "mem.h"
#include "strdist.h"

#include <stdlib.h>
#include <string.h>

/* ASCII base letters of U+00C0..U+00FF ('\0' = keep as is). */
static const char latin1_fold[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i',
    'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u',
    'u', 'y', 0,   0,   'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e',
    'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,
    'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};

/* Appends c to out unless it would make a double or leading space. */
static void put(char *out, size_t size, size_t *o, char c)
{
    if (c == ' ' && (*o == 0 || out[*o - 1] == ' '))
        return;
    if (*o + 1 < size)
        out[(*o)++] = c;
}

void name_norm(const char *in, size_t len, char *out, size_t size)
{
    size_t o = 0;
    if (size == 0)
        return;
    for (size_t k = 0; k < len && in[k]; k++) {
        unsigned char c = (unsigned char)in[k];
        if (c == 0xC3 && k + 1 < len) {
            unsigned char d = (unsigned char)in[k + 1];
            if (d >= 0x80 && d <= 0xBF && latin1_fold[d - 0x80]) {
                put(out, size, &o, latin1_fold[d - 0x80]);
                k++;
                continue;
            }
        }
        if (c == 0xC4 && k + 1 < len &&
            ((unsigned char)in[k + 1] == 0xB2 ||
             (unsigned char)in[k + 1] == 0xB3)) { /* ĳ */
            put(out, size, &o, 'i');
            put(out, size, &o, 'j');
            k++;
            continue;
        }
        if (c == 0xE2 && k + 2 < len && (unsigned char)in[k + 1] == 0x80 &&
            ((unsigned char)in[k + 2] == 0x98 ||
             (unsigned char)in[k + 2] == 0x99)) { /* ‘ ’ */
            k += 2;
            continue;
        }
        if (c == '\'' || c == '`')
            continue;
        if (c == '-' || c == '_' || c == '.' || c == ',' || c == '/' ||
            c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            put(out, size, &o, ' ');
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        put(out, size, &o, (char)c);
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
}

void namejoin_key_text(const char *key, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = key; *p && o + 4 < size; p++) {
        if (*p == NAME_SEP) {
            memcpy(out + o, " / ", 3);
            o += 3;
        } else {
            out[o++] = *p;
        }
    }
    if (size)
        out[o < size ? o : size - 1] = '\0';
}

static const char *const *sort_keys; /* for the qsort comparator only */

static int cmp_idx(const void *a, const void *b)
{
    const char *x = sort_keys[*(const size_t *)a];
    const char *y = sort_keys[*(const size_t *)b];
    return strcmp(x, y);
}

/* Index into order[0..n) of the first unit whose key equals k, or -1. */
static long find(const char *const *keys, const size_t *order, size_t n,
                 const char *k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(keys[order[mid]], k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && !strcmp(keys[order[lo]], k) ? (long)lo : -1;
}

/* Length of the part of key before its last separator (the coarse names),
 * or 0 when it has only one name. */
static size_t coarse_len(const char *key)
{
    const char *sep = strrchr(key, NAME_SEP);
    return sep ? (size_t)(sep - key) : 0;
}

/* Nearest unit key to k (same coarse names when k has them). */
static void nearest(const char *const *keys, size_t n_units, const char *k,
                    namejoin_miss *m)
{
    size_t cl = coarse_len(k);
    m->nearest = -1;
    m->dist = (size_t)-1;
    for (size_t u = 0; u < n_units; u++) {
        if (!keys[u])
            continue;
        if (cl && (coarse_len(keys[u]) != cl || memcmp(keys[u], k, cl) != 0))
            continue;
        size_t d = strdist(keys[u] + (cl ? cl + 1 : 0), k + (cl ? cl + 1 : 0));
        if (d < m->dist) {
            m->dist = d;
            m->nearest = (int64_t)u;
        }
    }
    if (m->nearest < 0 && cl) /* a gemeente name that no unit has */
        for (size_t u = 0; u < n_units; u++) {
            if (!keys[u])
                continue;
            size_t d = strdist(keys[u], k);
            if (d < m->dist) {
                m->dist = d;
                m->nearest = (int64_t)u;
            }
        }
}

void namejoin_free(namejoin_result *r)
{
    if (!r)
        return;
    for (size_t k = 0; k < r->n_miss; k++)
        mem_free(r->miss[k].key);
    MEM_FREE_ALL(r->miss, r->unit_of_row, r->units_unmatched);
    memset(r, 0, sizeof *r);
}

int namejoin_run(const char *const *unit_keys, size_t n_units,
                 const char *const *row_keys, size_t n_rows,
                 namejoin_result *out)
{
    memset(out, 0, sizeof *out);
    size_t *order = mem_alloc((n_units ? n_units : 1) * sizeof *order);
    uint8_t *reached = mem_calloc(n_units ? n_units : 1, 1);
    out->unit_of_row = mem_alloc((n_rows ? n_rows : 1) * sizeof *out->unit_of_row);
    out->miss = mem_calloc(n_rows ? n_rows : 1, sizeof *out->miss);
    out->units_unmatched = mem_alloc((n_units ? n_units : 1) *
                                     sizeof *out->units_unmatched);
    if (!order || !reached || !out->unit_of_row || !out->miss ||
        !out->units_unmatched)
        goto oom;
    size_t n_named = 0;
    for (size_t u = 0; u < n_units; u++)
        if (unit_keys[u])
            order[n_named++] = u;
    sort_keys = unit_keys;
    qsort(order, n_named, sizeof *order, cmp_idx);
    for (size_t r = 0; r < n_rows; r++) {
        out->unit_of_row[r] = -1;
        const char *k = row_keys[r];
        if (!k || !*k) {
            out->missing_rows++;
            continue;
        }
        long at = find(unit_keys, order, n_named, k);
        if (at < 0) {
            namejoin_miss *m = &out->miss[out->n_miss];
            m->row = r;
            m->key = mem_strdup(k);
            if (!m->key)
                goto oom;
            out->n_miss++;
            nearest(unit_keys, n_units, k, m);
            continue;
        }
        size_t u = order[at];
        if (reached[u]) {
            out->duplicate_rows++;
            continue;
        }
        reached[u] = 1;
        out->unit_of_row[r] = (int64_t)u;
        out->matched_rows++;
    }
    for (size_t u = 0; u < n_units; u++)
        if (!reached[u])
            out->units_unmatched[out->n_units_unmatched++] = u;
    mem_free(order);
    mem_free(reached);
    return 0;
oom:
    mem_free(order);
    mem_free(reached);
    namejoin_free(out);
    return err_oom("name join");
}
