/* colstats.c - per-column summaries; see colstats.h. */
#include "colstats.h"

#include "err.h"
#include "mem.h"
#include "strdist.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int name_hints_code(const char *name)
{
    char low[64];
    str_lower(low, sizeof low, name);
    return strstr(low, "code") != NULL || strstr(low, "statcode") != NULL;
}

/* Decides whether a string column holds region codes: at least 90 % of the
 * distinct values normalise to codes, most of them at one level. */
static void detect_codes_str(const tbl_col *c, size_t nrows, colstats *s)
{
    if (c->n_dict == 0)
        return;
    size_t per_level[4] = {0};
    uint8_t *lvl = mem_alloc(c->n_dict);
    uint8_t *chg = mem_alloc(c->n_dict);
    if (!lvl || !chg) {
        mem_free(lvl);
        mem_free(chg);
        return;
    }
    for (uint32_t k = 0; k < c->n_dict; k++) {
        const char *v = col_dict(c, k);
        char out[KEY_MAX];
        int changed = 0;
        key_level l = key_normalise(v, strlen(v), KEY_INVALID, out, &changed);
        lvl[k] = (uint8_t)l;
        chg[k] = (uint8_t)changed;
        per_level[l]++;
    }
    key_level best = KEY_GEMEENTE;
    for (int l = KEY_WIJK; l <= KEY_BUURT; l++)
        if (per_level[l] > per_level[best])
            best = (key_level)l;
    size_t valid_distinct = per_level[1] + per_level[2] + per_level[3];
    /* digits-only columns are codes only when the name says so */
    int any_prefix = 0;
    for (uint32_t k = 0; k < c->n_dict && !any_prefix; k++) {
        const char *v = col_dict(c, k);
        while (*v == ' ')
            v++;
        any_prefix = isalpha((unsigned char)v[0]) != 0;
    }
    if (valid_distinct * 10 >= (size_t)c->n_dict * 9 &&
        (any_prefix || name_hints_code(c->name))) {
        s->code_level = best;
        for (size_t r = 0; r < nrows; r++) {
            int32_t k = c->codes[r];
            if (k < 0)
                continue;
            if (lvl[k] != KEY_INVALID)
                s->codes_valid++;
            if (lvl[k] != KEY_INVALID && chg[k])
                s->codes_normalised++;
        }
    }
    mem_free(lvl);
    mem_free(chg);
}

/* Integer columns named like codes hold codes that lost their zeros. */
static void detect_codes_int(const tbl_col *c, size_t nrows, colstats *s)
{
    if (!name_hints_code(c->name) || s->count == 0 || s->min < 0)
        return;
    key_level l = s->max < 1e4 ? KEY_GEMEENTE
                  : s->max < 1e6 ? KEY_WIJK
                  : s->max < 1e8 ? KEY_BUURT
                                 : KEY_INVALID;
    if (l == KEY_INVALID)
        return;
    s->code_level = l;
    s->codes_valid = s->count;
    s->codes_normalised = s->count;
    (void)nrows;
}

static void stats_geom(const tbl_col *c, size_t nrows, colstats *s)
{
    s->extent[0] = s->extent[1] = INFINITY;
    s->extent[2] = s->extent[3] = -INFINITY;
    for (size_t r = 0; r < nrows; r++) {
        if (c->row_part[r] == c->row_part[r + 1]) {
            s->geom_empty++;
            continue;
        }
        s->count++;
        const double *bb = c->bbox + 4 * r;
        if (bb[0] < s->extent[0]) s->extent[0] = bb[0];
        if (bb[1] < s->extent[1]) s->extent[1] = bb[1];
        if (bb[2] > s->extent[2]) s->extent[2] = bb[2];
        if (bb[3] > s->extent[3]) s->extent[3] = bb[3];
    }
    s->missing[MISS_EMPTY] = s->geom_empty;
    s->missing_total = s->geom_empty;
}

int colstats_compute(const tbl_col *c, size_t nrows, colstats *s)
{
    memset(s, 0, sizeof *s);
    s->min = s->max = s->mean = s->sum = NAN;
    if (c->type == COL_GEOM) {
        stats_geom(c, nrows, s);
        return 0;
    }
    col_count_missing(c, nrows, s->missing);
    s->count = s->missing[MISS_NONE];
    s->missing[MISS_NONE] = 0;
    s->missing_total = nrows - s->count;
    if (c->type == COL_DOUBLE || c->type == COL_INT64) {
        double lo = INFINITY, hi = -INFINITY, sum = 0;
        for (size_t r = 0; r < nrows; r++) {
            if (col_miss(c, r) != MISS_NONE)
                continue;
            double v = c->type == COL_DOUBLE ? c->d[r] : (double)c->i[r];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
            sum += v;
        }
        if (s->count) {
            s->min = lo;
            s->max = hi;
            s->sum = sum;
            s->mean = sum / (double)s->count;
        }
        if (c->type == COL_INT64)
            detect_codes_int(c, nrows, s);
        return 0;
    }
    /* strings */
    uint8_t *seen = mem_calloc(c->n_dict ? c->n_dict : 1, 1);
    if (!seen)
        return err_oom("column statistics");
    for (size_t r = 0; r < nrows; r++) {
        int32_t k = c->codes[r];
        if (k < 0 || seen[k])
            continue;
        seen[k] = 1;
        s->distinct++;
        if (s->n_examples < COLSTATS_EXAMPLES)
            s->examples[s->n_examples++] = col_dict(c, (uint32_t)k);
    }
    mem_free(seen);
    detect_codes_str(c, nrows, s);
    return 0;
}
