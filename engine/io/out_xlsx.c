/* out_xlsx.c - the result tables as an xlsx workbook through libxlsxwriter;
 * see out.h. One sheet per table: row 1 holds each column's label and unit,
 * row 2 the stable names (pandas: read_excel(..., header=1)), data from row
 * 3, both header rows frozen. Codes and names are text cells, indicators
 * number cells with a format of the indicator's decimals (missing: empty,
 * the reason in the `<name>_reden` text column). A last sheet "kolommen"
 * describes every column as indicators_kolommen.csv does. */
#include "out.h"

#include "err.h"
#include "repro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#define N_FMT 8 /* number formats for 0..6 decimals and automatic */

/* Sheet names are at most 31 characters; ours are short level names. */
static int write_sheet(lxw_workbook *wb, const out_table *t, lxw_format *head,
                       lxw_format *label, lxw_format **num)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
    if (!ws)
        return -1;
    for (size_t c = 0; c < t->n_cols && c < 16000; c++) {
        const out_column *oc = &t->cols[c];
        char text[512];
        if (oc->label && oc->unit)
            snprintf(text, sizeof text, "%s (%s)", oc->label, oc->unit);
        else
            snprintf(text, sizeof text, "%s", oc->label ? oc->label : oc->name);
        lxw_col_t col = (lxw_col_t)c;
        worksheet_write_string(ws, 0, col, text, label);
        worksheet_write_string(ws, 1, col, oc->name, head);
        lxw_format *f = NULL;
        if (oc->kind == OUT_INTEGER)
            f = num[0];
        else if (oc->kind == OUT_NUMBER)
            f = num[oc->decimals >= 0 && oc->decimals < N_FMT - 1
                        ? oc->decimals
                        : N_FMT - 1];
        worksheet_set_column(ws, col, col, oc->kind == OUT_TEXT ? 22 : 14, f);
        for (size_t r = 0; r < t->n_rows; r++) {
            lxw_row_t row = (lxw_row_t)(r + 2);
            const tbl_col *tc = oc->col;
            miss_reason why = tc ? col_miss(tc, r) : MISS_EMPTY;
            if (oc->kind == OUT_REASON) {
                if (why != MISS_NONE && oc->reasons)
                    worksheet_write_string(
                        ws, row, col,
                        oc->reasons[why < MISS_REASON_COUNT ? why : MISS_EMPTY],
                        NULL);
            } else if (!tc || why != MISS_NONE) {
                continue;
            } else if (tc->type == COL_STRING) {
                worksheet_write_string(ws, row, col, col_str(tc, r), NULL);
            } else {
                double v = tc->type == COL_INT64 ? (double)tc->i[r] : tc->d[r];
                worksheet_write_number(ws, row, col, v, f);
            }
        }
    }
    worksheet_freeze_panes(ws, 2, 0);
    worksheet_autofilter(ws, 1, 0, (lxw_row_t)(t->n_rows + 1),
                         (lxw_col_t)(t->n_cols ? t->n_cols - 1 : 0));
    return 0;
}

/* The "kolommen" sheet: one row per column of t. */
static int write_columns(lxw_workbook *wb, const out_table *t, int en,
                         lxw_format *head)
{
    static const char *const h_nl[] = {"kolom", "label", "eenheid",
                                       "decimalen", "formule", "bron"};
    static const char *const h_en[] = {"column", "label", "unit",
                                       "decimals", "formula", "source"};
    lxw_worksheet *ws = workbook_add_worksheet(wb, en ? "columns" : "kolommen");
    if (!ws)
        return -1;
    for (lxw_col_t k = 0; k < 6; k++)
        worksheet_write_string(ws, 0, k, en ? h_en[k] : h_nl[k], head);
    for (size_t c = 0; c < t->n_cols; c++) {
        const out_column *oc = &t->cols[c];
        lxw_row_t row = (lxw_row_t)(c + 1);
        const char *cells[6] = {oc->name, oc->label, oc->unit, NULL,
                                oc->formula, oc->source};
        for (lxw_col_t k = 0; k < 6; k++)
            if (cells[k])
                worksheet_write_string(ws, row, k, cells[k], NULL);
        if (oc->kind == OUT_INTEGER)
            worksheet_write_number(ws, row, 3, 0, NULL);
        else if (oc->kind == OUT_NUMBER && oc->decimals >= 0)
            worksheet_write_number(ws, row, 3, oc->decimals, NULL);
    }
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 1, 40, NULL);
    worksheet_set_column(ws, 4, 5, 40, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    return 0;
}

/* Seconds since 1970 of "YYYY-MM-DD" (UTC midnight), or -1. */
static time_t day_of(const char *date)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!date || sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
                        &tm.tm_mday) != 3)
        return (time_t)-1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

int out_xlsx(const char *path, const out_table *tables, size_t n, int en,
             const char *date)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb) {
        err_set(ERR_IO, path, 0, NULL, "cannot create the workbook");
        return -1;
    }
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.created = day_of(date) != (time_t)-1 ? day_of(date) : repro_now();
    props.title = (char *)"indicators";
    workbook_set_properties(wb, &props);
    lxw_format *head = workbook_add_format(wb);
    lxw_format *label = workbook_add_format(wb);
    lxw_format *num[N_FMT];
    int rc = head && label ? 0 : -1;
    if (rc == 0) {
        format_set_bold(head);
        format_set_bottom(head, LXW_BORDER_THIN);
        format_set_text_wrap(label);
        format_set_italic(label);
    }
    for (int d = 0; rc == 0 && d < N_FMT; d++) {
        num[d] = workbook_add_format(wb);
        if (!num[d]) {
            rc = -1;
            break;
        }
        char code[16] = "0";
        if (d == N_FMT - 1)
            snprintf(code, sizeof code, "General");
        else if (d > 0)
            snprintf(code, sizeof code, "0.%.*s", d, "000000");
        format_set_num_format(num[d], code);
    }
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = write_sheet(wb, &tables[k], head, label, num);
    if (rc == 0 && n > 0)
        rc = write_columns(wb, &tables[0], en, head);
    lxw_error e = workbook_close(wb);
    if (rc < 0 || e != LXW_NO_ERROR) {
        err_set(ERR_IO, path, 0, NULL, "writing the workbook failed: %s",
                e != LXW_NO_ERROR ? lxw_strerror(e) : "out of memory");
        remove(path);
        return -1;
    }
    return 0;
}
