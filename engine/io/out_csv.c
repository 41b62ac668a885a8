/* out_csv.c - CSV writer of result tables and of the companion file that
 * describes their columns; see out.h. */
#include "out.h"

#include "atomic.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void out_format_number(double v, int decimals, char dec_mark, char *buf,
                       size_t size)
{
    if (!isfinite(v)) {
        buf[0] = '\0';
        return;
    }
    if (decimals >= 0 && fabs(v) < 1e15) {
        snprintf(buf, size, "%.*f", decimals + 2, v);
        char *dot = strchr(buf, '.');
        if (dot) {
            char *end = buf + strlen(buf);
            while (end > dot + 1 && end[-1] == '0')
                *--end = '\0';
            if (end == dot + 1)
                *dot = '\0';
        }
    } else {
        snprintf(buf, size, "%.15g", v);
    }
    if (!strcmp(buf, "-0"))
        snprintf(buf, size, "0");
    if (dec_mark != '.')
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = dec_mark;
}

/* Writes one field, quoted when it holds the delimiter, a quote or a line
 * break. */
static void put_field(FILE *f, const char *s, char delim)
{
    if (!s)
        return;
    char special[5] = {delim, '"', '\r', '\n', '\0'};
    if (!strpbrk(s, special)) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* The text of cell (row r, column oc) into buf; returns the text (maybe a
 * column's own string) or NULL for an empty cell. */
static const char *cell_text(const out_column *oc, size_t r, char dec_mark,
                             char *buf, size_t size)
{
    const tbl_col *col = oc->col;
    miss_reason why = col ? col_miss(col, r) : MISS_EMPTY;
    if (oc->kind == OUT_REASON) {
        if (why == MISS_NONE || !oc->reasons)
            return NULL;
        return oc->reasons[why < MISS_REASON_COUNT ? why : MISS_EMPTY];
    }
    if (!col || why != MISS_NONE)
        return NULL;
    if (col->type == COL_STRING)
        return col_str(col, r);
    if (col->type == COL_INT64) { /* exact, whatever its size */
        snprintf(buf, size, "%lld", (long long)col->i[r]);
        return buf;
    }
    double v = col->d[r];
    if (oc->kind == OUT_INTEGER && fabs(v) < 1e18)
        snprintf(buf, size, "%.0f", v == 0 ? 0.0 : v);
    else
        out_format_number(v, oc->decimals, dec_mark, buf, size);
    return buf;
}

/* Opens path for writing with the dialect's BOM. */
static FILE *open_csv(const char *path, out_dialect d, atomic_file **af)
{
    FILE *f = atomic_open(path, af);
    if (f && d == OUT_DIALECT_NL)
        fputs("\xEF\xBB\xBF", f);
    return f;
}

int out_csv(const out_table *t, const char *path, out_dialect d)
{
    atomic_file *af;
    FILE *f = open_csv(path, d, &af);
    if (!f)
        return -1;
    char delim = d == OUT_DIALECT_NL ? ';' : ',';
    char mark = d == OUT_DIALECT_NL ? ',' : '.';
    for (size_t c = 0; c < t->n_cols; c++) {
        if (c)
            fputc(delim, f);
        put_field(f, t->cols[c].name, delim);
    }
    fputs("\r\n", f);
    char buf[64];
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            if (c)
                fputc(delim, f);
            put_field(f, cell_text(&t->cols[c], r, mark, buf, sizeof buf),
                      delim);
        }
        fputs("\r\n", f);
    }
    return atomic_commit(af);
}

int out_csv_columns(const out_table *t, const char *path, out_dialect d,
                    int en)
{
    static const char *const head_nl[] = {"kolom", "label", "eenheid",
                                          "decimalen", "formule", "bron"};
    static const char *const head_en[] = {"column", "label", "unit",
                                          "decimals", "formula", "source"};
    atomic_file *af;
    FILE *f = open_csv(path, d, &af);
    if (!f)
        return -1;
    char delim = d == OUT_DIALECT_NL ? ';' : ',';
    for (size_t k = 0; k < 6; k++) {
        if (k)
            fputc(delim, f);
        fputs(en ? head_en[k] : head_nl[k], f);
    }
    fputs("\r\n", f);
    for (size_t c = 0; c < t->n_cols; c++) {
        const out_column *oc = &t->cols[c];
        char dec[16] = "";
        if (oc->kind == OUT_INTEGER)
            snprintf(dec, sizeof dec, "0");
        else if (oc->kind == OUT_NUMBER && oc->decimals >= 0)
            snprintf(dec, sizeof dec, "%d", oc->decimals);
        const char *cells[6] = {oc->name, oc->label, oc->unit, dec,
                                oc->formula, oc->source};
        for (size_t k = 0; k < 6; k++) {
            if (k)
                fputc(delim, f);
            put_field(f, cells[k], delim);
        }
        fputs("\r\n", f);
    }
    return atomic_commit(af);
}
