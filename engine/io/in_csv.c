/* csvr.c - the CSV reader: loading, sniffing, parsing, layout and typed
 * columns; see csvr.h. */
#include "in_csv.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_layout.h"
#include "csv_load.h"
#include "csv_records.h"
#include "csv_sniff.h"
#include "err.h"
#include "mem.h"
#include "numparse.h"
#include "sentinel.h"

/* Everything one read needs; freed by reader_free. */
typedef struct {
    const char *file;
    const src_options *opt;
    csvload_text text;
    csvrec_set recs;
    csvlay_layout lay;
    char delim, decimal;
    size_t *rows; /* record index of each table row */
    size_t nrows;
} reader;

/* Frees everything rd owns (not rd itself). */
static void reader_free(reader *rd)
{
    csvload_free(&rd->text);
    csvrec_free(&rd->recs);
    csvlay_free(&rd->lay);
    mem_free(rd->rows);
}

/* Checks the options that have a fixed set of values. */
static int check_options(const char *file, const src_options *opt)
{
    char d = opt->delimiter;
    if (d == '"' || d == '\n' || d == '\r') {
        err_set(ERR_RECIPE, file, 0, NULL,
                "the delimiter cannot be a quote or a line break; use ';', "
                "',', a tab or '|' (or leave it out to detect it)");
        return -1;
    }
    if (opt->decimal && opt->decimal != '.' && opt->decimal != ',') {
        err_set(ERR_RECIPE, file, 0, NULL,
                "the decimal mark must be '.' or ',' (or left out to detect "
                "it), not '%c'",
                opt->decimal);
        return -1;
    }
    return 0;
}

/* Guesses the decimal mark from every cell of the file. */
static char guess_decimal(const csvrec_set *r, char delim)
{
    num_votes v = {0, 0, 0, 0};
    for (size_t f = 0; f < r->n_fields; f++)
        num_vote(&v, r->arena + r->offs[f], r->offs[f + 1] - r->offs[f] - 1);
    return num_decide(&v, delim);
}

/* Copies a cell for an error message into out (size bytes): line breaks
 * and tabs become spaces, long values are cut (at a UTF-8 character
 * boundary) and end in "...". */
static void show_value(char *out, size_t size, const char *s, size_t len)
{
    size_t max = size - 4, n = len < max ? len : max;
    if (n < len)
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    for (size_t k = 0; k < n; k++)
        out[k] = (unsigned char)s[k] < 0x20 ? ' ' : s[k];
    if (n < len)
        memcpy(out + n, "...", 3), n += 3;
    out[n] = '\0';
}

/* Collects the data rows into rd->rows, checking their field counts. */
static int collect_rows(reader *rd)
{
    const csvrec_set *r = &rd->recs;
    const csvlay_layout *l = &rd->lay;
    size_t max = l->data_end > l->data_first ? l->data_end - l->data_first
                                             : 0;
    rd->rows = mem_alloc((max ? max : 1) * sizeof *rd->rows);
    if (!rd->rows)
        return err_oom("CSV rows");
    size_t want = l->n_fields;
    for (size_t k = l->data_first; k < l->data_end; k++) {
        const csvrec_rec *rec = &r->recs[k];
        if (csvrec_filled(r, k) == 0)
            continue;
        size_t width = csvrec_width(r, k);
        if (width > want) {
            size_t len;
            char shown[48];
            const char *s = csvrec_cell(r, k, width - 1, &len);
            show_value(shown, sizeof shown, s, len);
            err_set(ERR_PARSE, rd->file, rec->line, NULL,
                    "this line has %u fields, but the header has %zu (field "
                    "%zu holds \"%s\"); check the delimiter, or quote "
                    "values that contain it",
                    rec->n, want, width, shown);
            return -1;
        }
        if (rec->n < want && want - rec->n >= 2 && (size_t)rec->n * 2 < want) {
            const char *col = NULL;
            for (size_t j = 0; j < l->n_cols; j++)
                if (l->field_of[j] == rec->n) {
                    col = l->names[j];
                    break;
                }
            err_set(ERR_PARSE, rd->file, rec->line, col,
                    "this line has only %u fields, but the header has %zu; "
                    "the line is cut off or not delimited like the others",
                    rec->n, want);
            return -1;
        }
        rd->rows[rd->nrows++] = k;
    }
    return 0;
}

/* 1 when name contains "code" in any case. */
static int name_says_code(const char *name)
{
    for (const char *p = name; *p; p++)
        if (strncasecmp(p, "code", 4) == 0)
            return 1;
    return 0;
}

/* 1 when the options list name as a text column. */
static int listed_as_text(const src_options *opt, const char *name)
{
    for (size_t k = 0; opt->text_columns && k < opt->n_text_columns; k++)
        if (opt->text_columns[k] && strcmp(opt->text_columns[k], name) == 0)
            return 1;
    return 0;
}

/* Tries to read field `field` of every row as numbers; on success appends
 * a COL_DOUBLE column to t and returns 1, returns 0 when some cell is text
 * (nothing added), -1 on error. */
static int add_numeric(reader *rd, tbl *t, size_t field, const char *name)
{
    size_t n = rd->nrows ? rd->nrows : 1;
    double *d = mem_alloc(n * sizeof *d);
    uint8_t *miss = mem_calloc(n, 1);
    if (!d || !miss) {
        mem_free(d);
        mem_free(miss);
        return err_oom("numeric column");
    }
    int any_miss = 0;
    for (size_t i = 0; i < rd->nrows; i++) {
        size_t len;
        const char *s = csvrec_cell(&rd->recs, rd->rows[i], field, &len);
        miss_reason why = MISS_NONE;
        double v = 0.0;
        num_cell_kind kind = num_cell(s, len, rd->decimal, &v, &why);
        if (kind == NUM_CELL_TEXT || num_is_zero_padded(s, len)) {
            mem_free(d);
            mem_free(miss);
            return 0;
        }
        d[i] = kind == NUM_CELL_NUMBER ? v : 0.0;
        if (kind == NUM_CELL_MISSING) {
            miss[i] = (uint8_t)why;
            any_miss = 1;
        }
    }
    if (!any_miss) {
        mem_free(miss);
        miss = NULL;
    }
    tbl_col c;
    memset(&c, 0, sizeof c);
    c.name = mem_strdup(name);
    c.type = COL_DOUBLE;
    c.d = d;
    c.miss = miss;
    if (!c.name || !tbl_append_col(t, &c)) {
        if (!c.name)
            err_oom("column name");
        mem_free(c.name);
        mem_free(d);
        mem_free(miss);
        return -1;
    }
    return 1;
}

/* Appends field `field` of every row as a COL_STRING column. */
static int add_string(reader *rd, tbl *t, size_t field, const char *name)
{
    tbl_col *c = tbl_add_col(t, name, COL_STRING);
    if (!c)
        return -1;
    for (size_t i = 0; i < rd->nrows; i++) {
        size_t len;
        const char *s = csvrec_cell(&rd->recs, rd->rows[i], field, &len);
        miss_reason why = sentinel_text_reason(s, len);
        int rc = why != MISS_NONE ? col_set_missing(c, rd->nrows, i, why)
                                  : col_set_str(c, rd->nrows, i, s, len);
        if (rc < 0)
            return -1;
    }
    col_finish(c);
    return 0;
}

/* Builds the table from the parsed records and the layout. */
static tbl *build_table(reader *rd)
{
    const csvlay_layout *l = &rd->lay;
    for (size_t k = 0; rd->opt->text_columns && k < rd->opt->n_text_columns;
         k++) {
        const char *want = rd->opt->text_columns[k];
        size_t j = 0;
        while (want && j < l->n_cols && strcmp(l->names[j], want) != 0)
            j++;
        if (want && j == l->n_cols) {
            err_set(ERR_RECIPE, rd->file, 0, want,
                    "text_columns names this column, but the file has no "
                    "column of that name (the first is \"%s\")",
                    l->n_cols ? l->names[0] : "");
            return NULL;
        }
    }
    tbl *t = tbl_new(rd->nrows);
    if (!t)
        return NULL;
    for (size_t j = 0; j < l->n_cols; j++) {
        const char *name = l->names[j];
        int rc = 0;
        if (!name_says_code(name) && !listed_as_text(rd->opt, name))
            rc = add_numeric(rd, t, l->field_of[j], name);
        if (rc == 0)
            rc = add_string(rd, t, l->field_of[j], name);
        if (rc < 0) {
            tbl_free(t);
            return NULL;
        }
    }
    return t;
}

/* The delimiter named by an Excel "sep=;" first line, or 0. The line
 * itself stays and is skipped as a title line. */
static char sep_hint(const char *t, size_t len)
{
    if (len >= 5 && strncasecmp(t, "sep=", 4) == 0 &&
        (len == 5 || t[5] == '\n') && t[4] != '"' && t[4] != '\n')
        return t[4];
    return 0;
}

/* Reads decoded text (owned by rd from here on) into a table. */
static tbl *read_text(reader *rd)
{
    const src_options *opt = rd->opt;
    const char *text = rd->text.text;
    size_t len = rd->text.len;
    rd->delim = opt->delimiter ? opt->delimiter : sep_hint(text, len);
    if (!rd->delim)
        rd->delim = csvsniff_delimiter(text, len);
    if (csvsniff_check_quotes(rd->file, text, len, rd->delim) < 0)
        return NULL;
    if (csvrec_parse(rd->file, text, len, rd->delim, &rd->recs) < 0)
        return NULL;
    rd->decimal = opt->decimal ? opt->decimal
                               : guess_decimal(&rd->recs, rd->delim);
    if (csvlay_detect(rd->file, &rd->recs, opt, rd->decimal, &rd->lay) < 0)
        return NULL;
    if (collect_rows(rd) < 0)
        return NULL;
    return build_table(rd);
}

/* Default options: detect everything. */
static void default_options(src_options *o)
{
    memset(o, 0, sizeof *o);
    o->skip_rows = -1;
}

/* The source line of every row of rd's table (into a new array *row_line,
 * mem_alloc'd, the caller frees) and of its header. 0, or -1 with ERR_MEMORY
 * set. */
static int line_numbers(const reader *rd, long **row_line, long *header_line)
{
    long *lines = mem_alloc((rd->nrows ? rd->nrows : 1) * sizeof *lines);
    if (!lines)
        return err_oom("CSV line numbers");
    for (size_t i = 0; i < rd->nrows; i++)
        lines[i] = rd->recs.recs[rd->rows[i]].line;
    *row_line = lines;
    *header_line = rd->lay.header_first < rd->recs.n_recs
                       ? rd->recs.recs[rd->lay.header_first].line
                       : 1;
    return 0;
}

/* Reads a CSV from file (data NULL) or from len bytes at data, named name
 * in messages, with opt (NULL = defaults); with row_line not NULL also the
 * line numbers (see line_numbers). NULL with the error set. */
static tbl *read_csv(const char *name, const void *data, size_t len,
                     const src_options *opt, long **row_line,
                     long *header_line)
{
    src_options defaults;
    if (!opt) {
        default_options(&defaults);
        opt = &defaults;
    }
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.file = name;
    rd.opt = opt;
    tbl *t = NULL;
    if (check_options(name, opt) == 0 &&
        (data ? csvload_decode(name, data, len, opt->encoding, &rd.text)
              : csvload_read(name, opt->encoding, &rd.text)) == 0)
        t = read_text(&rd);
    if (t && row_line && line_numbers(&rd, row_line, header_line) < 0) {
        tbl_free(t);
        t = NULL;
    }
    reader_free(&rd);
    return t;
}

tbl *in_csv_read(const char *file, const src_options *opt)
{
    return read_csv(file, NULL, 0, opt, NULL, NULL);
}

tbl *in_csv_read_lines(const char *file, const src_options *opt,
                       long **row_line, long *header_line)
{
    *row_line = NULL;
    *header_line = 0;
    return read_csv(file, NULL, 0, opt, row_line, header_line);
}

tbl *in_csv_read_mem(const char *name, const void *data, size_t len,
                   const src_options *opt)
{
    return read_csv(name, data ? data : "", len, opt, NULL, NULL);
}
