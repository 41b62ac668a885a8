/* rowfilter.c - simple row conditions of a source filter; see rowfilter.h. */
#include "rowfilter.h"

#include "datep.h"
#include "err.h"
#include "mem.h"
#include "numparse.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* 1 when a and b are equal apart from case and surrounding blanks. */
static int same_text(const char *a, const char *b)
{
    while (*a == ' ')
        a++;
    while (*b == ' ')
        b++;
    size_t na = strlen(a), nb = strlen(b);
    while (na && a[na - 1] == ' ')
        na--;
    while (nb && b[nb - 1] == ' ')
        nb--;
    return na == nb && strncasecmp(a, b, na) == 0;
}

/* Sets the error for a date cell that cannot be read. */
static int bad_date(const rowfilter_cond *c, const char *file,
                    const long *lines, size_t r, const char *cell)
{
    const char *what = "is not a date; write dates as 2024-12-31 or "
                       "31-12-2024";
    if (lines)
        err_set(ERR_PARSE, file, lines[r], c->col->name, "\"%.40s\" %s", cell,
                what);
    else
        err_set_feature(ERR_PARSE, file, (long)r + 1, c->col->name,
                        "\"%.40s\" %s", cell, what);
    return -1;
}

/* Applies an equality condition. */
static void apply_equals(const rowfilter_cond *c, size_t nrows, uint8_t *keep,
                         uint8_t *dict_ok)
{
    const tbl_col *col = c->col;
    if (col->type == COL_STRING) {
        for (uint32_t k = 0; k < col->n_dict; k++) {
            dict_ok[k] = 0;
            for (size_t v = 0; v < c->n_values && !dict_ok[k]; v++)
                dict_ok[k] = (uint8_t)same_text(col_dict(col, k), c->values[v]);
        }
        for (size_t r = 0; r < nrows; r++)
            if (keep[r] && (col->codes[r] < 0 || !dict_ok[col->codes[r]]))
                keep[r] = 0;
        return;
    }
    for (size_t r = 0; r < nrows; r++) {
        if (!keep[r])
            continue;
        miss_reason why;
        double x = col_num(col, r, &why);
        int ok = 0;
        for (size_t v = 0; v < c->n_values && !ok && why == MISS_NONE; v++) {
            double want;
            ok = num_parse(c->values[v], strlen(c->values[v]), '.', &want) ==
                     0 && want == x;
        }
        keep[r] = (uint8_t)ok;
    }
}

int rowfilter_apply(const rowfilter_cond *conds, size_t n_conds,
                    size_t nrows, const char *file, const long *lines,
                    uint8_t *keep)
{
    for (size_t k = 0; k < n_conds; k++) {
        const rowfilter_cond *c = &conds[k];
        const tbl_col *col = c->col;
        size_t nd = col->type == COL_STRING ? col->n_dict : 0;
        uint8_t *dict_ok = mem_alloc(nd ? nd : 1);
        int32_t *dict_day = mem_alloc((nd ? nd : 1) * sizeof *dict_day);
        if (!dict_ok || !dict_day) {
            mem_free(dict_ok);
            mem_free(dict_day);
            return err_oom("filter");
        }
        int rc = 0;
        if (c->kind == RF_EQUALS) {
            apply_equals(c, nrows, keep, dict_ok);
        } else if (col->type != COL_STRING) {
            /* a column of numbers holds no dates: the first number is the
             * place to show */
            for (size_t r = 0; r < nrows && rc == 0; r++)
                if (col_miss(col, r) == MISS_NONE) {
                    char cell[48];
                    snprintf(cell, sizeof cell, "%.15g", col_num(col, r, NULL));
                    rc = bad_date(c, file, lines, r, cell);
                }
            if (rc == 0)
                memset(keep, 0, nrows);
        } else {
            /* each distinct text is read once; 2 = not read yet */
            memset(dict_ok, 2, nd ? nd : 1);
            for (size_t r = 0; r < nrows && rc == 0; r++) {
                if (!keep[r])
                    continue;
                int32_t code = col->codes[r];
                if (code < 0) {
                    keep[r] = 0;
                    continue;
                }
                if (dict_ok[code] == 2) {
                    const char *s = col_dict(col, (uint32_t)code);
                    if (date_parse(s, strlen(s), &dict_day[code]) < 0) {
                        rc = bad_date(c, file, lines, r, s);
                        break;
                    }
                    int32_t d = dict_day[code];
                    dict_ok[code] = (uint8_t)((!c->has_from || d >= c->from) &&
                                              (!c->has_to || d <= c->to));
                }
                keep[r] = dict_ok[code];
            }
        }
        mem_free(dict_ok);
        mem_free(dict_day);
        if (rc < 0)
            return -1;
    }
    return 0;
}
