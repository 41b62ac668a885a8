/* strdist.c - edit distance and nearest-candidate search; see strdist.h. */
#include "strdist.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define STRDIST_MAX 256

/* ASCII lower case of one byte. */
static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Length of s, capped at STRDIST_MAX; NULL is empty. */
static size_t capped_len(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    return n > STRDIST_MAX ? STRDIST_MAX : n;
}

/* Optimal string alignment with three rolling rows on the stack. */
size_t strdist(const char *a, const char *b)
{
    size_t na = capped_len(a), nb = capped_len(b);
    if (na == 0)
        return nb;
    if (nb == 0)
        return na;
    size_t rows[3][STRDIST_MAX + 1];
    size_t *pp = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        unsigned char ca = lower((unsigned char)a[i - 1]);
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            unsigned char cb = lower((unsigned char)b[j - 1]);
            size_t cost = ca == cb ? 0 : 1;
            size_t best = prev[j] + 1;                 /* deletion */
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;                 /* insertion */
            if (prev[j - 1] + cost < best)
                best = prev[j - 1] + cost;             /* substitution */
            if (i > 1 && j > 1 && ca == lower((unsigned char)b[j - 2]) &&
                lower((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < best)
                best = pp[j - 2] + 1;                  /* transposition */
            cur[j] = best;
        }
        size_t *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb];
}

/* 1 when the shorter of a and b (at least 3 bytes) is a case-insensitive
 * prefix of the other. */
static int prefix_related(const char *word, size_t nw, const char *cand)
{
    size_t nc = strlen(cand);
    size_t k = nw < nc ? nw : nc;
    if (k < 3)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)word[i]) != lower((unsigned char)cand[i]))
            return 0;
    return 1;
}

size_t strdist_nearest(const char *word, const char *const *candidates,
                       size_t n, size_t max_out, const char **out)
{
    if (!word || !candidates || max_out == 0 || !out)
        return 0;
    size_t nw = strlen(word);
    size_t limit = (nw + 1) / 3;
    if (limit < 1)
        limit = 1;
    /* insertion sort into out by distance; dist[] parallels out[] */
    size_t dist[64];
    if (max_out > 64)
        max_out = 64;
    size_t got = 0;
    for (size_t c = 0; c < n; c++) {
        const char *cand = candidates[c];
        if (!cand)
            continue;
        size_t d = strdist(word, cand);
        if (d > limit && !prefix_related(word, nw, cand))
            continue;
        strdist_rank_insert(out, dist, &got, max_out, cand, d, 0);
    }
    return got;
}

void strdist_rank_insert(const char **out, size_t *dist, size_t *got,
                         size_t max, const char *cand, size_t d, int by_name)
{
    size_t pos = *got;
    while (pos > 0 && (dist[pos - 1] > d ||
                       (by_name && dist[pos - 1] == d &&
                        strcmp(out[pos - 1], cand) > 0)))
        pos--;
    if (pos >= max)
        return;
    size_t end = *got < max ? *got : max - 1;
    for (size_t k = end; k > pos; k--) {
        out[k] = out[k - 1];
        dist[k] = dist[k - 1];
    }
    out[pos] = cand;
    dist[pos] = d;
    if (*got < max)
        (*got)++;
}

char *str_lower(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    for (size_t k = 0; k < n; k++)
        dst[k] = (char)tolower((unsigned char)src[k]);
    dst[n] = '\0';
    return dst;
}

size_t str_list(char *buf, size_t size, const char *const *items, size_t n,
                const char *first, const char *last)
{
    buf[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < n && used < size; i++) {
        const char *sep = i == 0 ? first : i + 1 == n ? last : ", ";
        int w = snprintf(buf + used, size - used, "%s%s", sep, items[i]);
        if (w > 0)
            used += (size_t)w;
    }
    return used < size ? used : size;
}
