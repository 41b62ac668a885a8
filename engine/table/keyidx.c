/* keyidx.c - hash index of region codes; see keyidx.h. */
#include "keyidx.h"

#include "err.h"
#include "mem.h"
#include "strmap.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct keyidx {
    size_t nrows;
    char (*codes)[KEY_MAX]; /* canonical code per row */
    uint8_t *levels;        /* key_level per row */
    strmap *rows;           /* code (borrowed from codes) -> first row */
};

void keyidx_free(keyidx *ix)
{
    if (!ix)
        return;
    strmap_free(ix->rows);
    MEM_FREE_ALL(ix->codes, ix->levels, ix);
}

/* Normalises every row's key into ix->codes / ix->levels. */
static void normalise_rows(keyidx *ix, const tbl_col *c, key_level hint,
                           const uint8_t *keep, keyidx_stats *st)
{
    for (size_t r = 0; r < ix->nrows; r++) {
        char raw[64];
        size_t len = 0;
        if (keep && !keep[r]) {
            ix->codes[r][0] = '\0';
            ix->levels[r] = KEY_INVALID;
            continue;
        }
        if (col_miss(c, r) != MISS_NONE) {
            ix->codes[r][0] = '\0';
            ix->levels[r] = KEY_INVALID;
            st->missing++;
            continue;
        }
        const char *s;
        if (c->type == COL_STRING) {
            s = col_str(c, r);
            len = strlen(s);
        } else if (c->type == COL_INT64) {
            len = (size_t)snprintf(raw, sizeof raw, "%" PRId64, c->i[r]);
            s = raw;
        } else {
            /* a code that a spreadsheet turned into a number */
            double v = c->d[r];
            if (v >= 0 && v < 1e12 && v == (double)(int64_t)v)
                len = (size_t)snprintf(raw, sizeof raw, "%" PRId64, (int64_t)v);
            else
                len = (size_t)snprintf(raw, sizeof raw, "%g", v);
            s = raw;
        }
        int changed = 0;
        key_level l = key_normalise(s, len, hint, ix->codes[r], &changed);
        ix->levels[r] = (uint8_t)l;
        if (l == KEY_INVALID) {
            st->invalid++;
            if (st->n_invalid_examples < 5) {
                snprintf(st->invalid_examples[st->n_invalid_examples++], 64,
                         "%.*s", (int)(len < 60 ? len : 60), s);
            }
            continue;
        }
        st->per_level[l]++;
        if (changed)
            st->normalised++;
    }
}

/* The level bare numbers of column c are read at when the recipe gives
 * none: the column's name ("buurtcode2022"), else buurt when some bare number
 * has 7 or 8 digits (no wijk or gemeente code is that long without prefix),
 * else KEY_INVALID (infer per value). */
static key_level infer_hint(const tbl_col *c, size_t nrows,
                            const uint8_t *keep)
{
    key_level l = key_level_from_name(c->name);
    if (l != KEY_INVALID)
        return l;
    for (size_t r = 0; r < nrows; r++) {
        if ((keep && !keep[r]) || col_miss(c, r) != MISS_NONE)
            continue;
        size_t nd = 0;
        if (c->type == COL_STRING) {
            const char *s = col_str(c, r);
            while (*s == ' ')
                s++;
            while (s[nd] >= '0' && s[nd] <= '9')
                nd++;
            const char *t = s + nd;
            while (*t == ' ')
                t++;
            if (*t)
                continue; /* not a bare number */
        } else if (c->type == COL_INT64) {
            int64_t v = c->i[r];
            if (v < 0)
                continue;
            for (nd = 1; v >= 10; v /= 10)
                nd++;
        } else {
            double v = c->d[r];
            if (!(v >= 0 && v < 1e12))
                continue;
            for (nd = 1; v >= 10; v /= 10)
                nd++;
        }
        if (nd == 7 || nd == 8)
            return KEY_BUURT;
    }
    return KEY_INVALID;
}

keyidx *keyidx_build(const tbl_col *c, size_t nrows, key_level hint,
                     const uint8_t *keep, keyidx_stats *st)
{
    if (c->type == COL_GEOM) {
        err_set(ERR_JOIN, NULL, 0, c->name,
                "a key column must hold region codes as text or whole "
                "numbers, but this column is of type %s",
                col_type_name(c->type));
        return NULL;
    }
    keyidx_stats local;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    st->rows = nrows;
    keyidx *ix = mem_new(sizeof *ix, "key index");
    if (!ix)
        return NULL;
    ix->nrows = nrows;
    ix->codes = mem_alloc((nrows ? nrows : 1) * sizeof *ix->codes);
    ix->levels = mem_alloc(nrows ? nrows : 1);
    if (!ix->codes || !ix->levels) {
        keyidx_free(ix);
        err_oom("key index");
        return NULL;
    }
    ix->rows = strmap_new(STRMAP_BORROW, nrows, "key index");
    if (!ix->rows) {
        keyidx_free(ix);
        return NULL;
    }
    if (hint == KEY_INVALID)
        hint = infer_hint(c, nrows, keep);
    normalise_rows(ix, c, hint, keep, st);
    for (size_t r = 0; r < nrows; r++) {
        if (ix->levels[r] == KEY_INVALID)
            continue;
        int added = 0;
        int64_t id = strmap_upsert(ix->rows, ix->codes[r],
                                   strlen(ix->codes[r]), &added);
        if (id < 0) {
            keyidx_free(ix);
            return NULL;
        }
        if (!added) {
            st->duplicates++;
            if (st->n_dup_examples < 5)
                memcpy(st->dup_examples[st->n_dup_examples++], ix->codes[r],
                       KEY_MAX);
            continue;
        }
        strmap_val_of(ix->rows, id)->i = (int64_t)r;
    }
    st->main_level = KEY_INVALID;
    size_t best = 0;
    for (int l = KEY_GEMEENTE; l <= KEY_BUURT; l++)
        if (st->per_level[l] > best) {
            best = st->per_level[l];
            st->main_level = (key_level)l;
        }
    return ix;
}

int64_t keyidx_find(const keyidx *ix, const char *code)
{
    return strmap_get_i(ix->rows, code, strlen(code), -1);
}

const char *keyidx_code_of(const keyidx *ix, size_t r)
{
    return ix->levels[r] == KEY_INVALID ? "" : ix->codes[r];
}

key_level keyidx_level_of(const keyidx *ix, size_t r)
{
    return (key_level)ix->levels[r];
}
