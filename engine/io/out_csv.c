/* out_csv.c - CSV writer of result tables; see outw.h. */
#include "out.h"

#include "err.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void out_format_number(double v, int max_decimals, char *buf, size_t size)
{
    if (!isfinite(v)) {
        buf[0] = '\0';
        return;
    }
    if (max_decimals >= 0) {
        double scale = pow(10.0, max_decimals);
        double r = round(v * scale) / scale;
        if (fabs(v * scale) < 1e15)
            v = r;
    }
    if (v == 0)
        v = 0; /* no "-0" */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
}

static void write_csv_string(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
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

/* Starts a field of col: writes the ',' before it unless it is the first of
 * the line. Returns 0 for a geometry column (no field in the CSV), else 1. */
static int field_start(FILE *f, const tbl_col *col, int *first)
{
    if (col->type == COL_GEOM)
        return 0;
    if (!*first)
        fputc(',', f);
    *first = 0;
    return 1;
}

int out_csv(const tbl *t, const char *path, int max_decimals)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        err_set(ERR_IO, path, 0, NULL, "cannot create the file: %s",
                strerror(errno));
        return -1;
    }
    size_t nc = tbl_ncols(t), nr = tbl_nrows(t);
    int first = 1;
    for (size_t c = 0; c < nc; c++) {
        const tbl_col *col = tbl_col_at(t, c);
        if (field_start(f, col, &first))
            write_csv_string(f, col->name);
    }
    fputc('\n', f);
    char buf[64];
    for (size_t r = 0; r < nr; r++) {
        first = 1;
        for (size_t c = 0; c < nc; c++) {
            const tbl_col *col = tbl_col_at(t, c);
            if (!field_start(f, col, &first) || col_miss(col, r) != MISS_NONE)
                continue;
            if (col->type == COL_STRING) {
                write_csv_string(f, col_str(col, r));
            } else if (col->type == COL_INT64) {
                fprintf(f, "%lld", (long long)col->i[r]);
            } else {
                out_format_number(col->d[r], max_decimals, buf, sizeof buf);
                fputs(buf, f);
            }
        }
        fputc('\n', f);
    }
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        err_set(ERR_IO, path, 0, NULL, "writing the file failed: %s",
                strerror(errno));
        return -1;
    }
    return 0;
}
