/* csv_layout.c - header, data and footer of a parsed CSV; see csv_layout.h
 * for the rules. */
#include "csv_layout.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "mem.h"
#include "numparse.h"
#include "strmap.h"

#define PROFILE_RECORDS 500 /* records looked at to find numeric columns */
#define MODE_CAP 4096       /* field counts above this count as equal */

/* A growing NUL-terminated string. */
typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

/* Appends len raw bytes of s to b. Returns 0 or -1 on OOM (error set). */
static int sbuf_raw(sbuf *b, const char *s, size_t len)
{
    if (mem_grow(&b->s, &b->cap, b->len + len + 1, 1, "column name") < 0)
        return -1;
    memcpy(b->s + b->len, s, len);
    b->len += len;
    b->s[b->len] = '\0';
    return 0;
}

/* Appends a trimmed cell to b, after one space when b is not empty, with
 * every white space run inside it collapsed into one space. */
static int sbuf_word(sbuf *b, const char *s, size_t len)
{
    if (b->len > 0 && sbuf_raw(b, " ", 1) < 0)
        return -1;
    int in_space = 0;
    for (size_t k = 0; k < len; k++) {
        char c = s[k];
        int space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                    c == '\f' || c == '\v';
        if (space && in_space)
            continue;
        in_space = space;
        if (sbuf_raw(b, space ? " " : &c, 1) < 0)
            return -1;
    }
    return 0;
}

/* Most common field count (or, with `width`, position of the last filled
 * field) of the non-blank records, capped. */
static size_t modal_fields(const csvrec_set *r, int width)
{
    size_t *freq = mem_calloc(MODE_CAP + 1, sizeof *freq);
    if (!freq)
        return 1; /* only a heuristic: fall back to "one column" */
    for (size_t k = 0; k < r->n_recs; k++) {
        if (csvrec_filled(r, k) == 0)
            continue;
        size_t n = width ? csvrec_width(r, k) : r->recs[k].n;
        freq[n > MODE_CAP ? MODE_CAP : n]++;
    }
    size_t best = 1;
    for (size_t n = 1; n <= MODE_CAP; n++)
        if (freq[n] > freq[best])
            best = n;
    mem_free(freq);
    return best;
}

/* 1 for an ASCII letter or any byte of a multi-byte UTF-8 character. */
static int is_alpha_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* 1 when s starts with word (any case) not followed by a letter. */
static int starts_word(const char *s, size_t len, const char *word)
{
    size_t w = strlen(word);
    if (len < w || strncasecmp(s, word, w) != 0)
        return 0;
    return len == w || !is_alpha_byte((unsigned char)s[w]) ||
           !is_alpha_byte((unsigned char)word[w - 1]);
}

/* 1 when a first cell reads like a footnote or source line. */
static int is_note_text(const char *s, size_t len)
{
    static const char *const words[] = {
        "bron",      "bronnen", "source",   "sources",     "noot",
        "noten",     "note",    "notes",    "voetnoot",    "toelichting",
        "opmerking", "verklaring", "*",     "(c)",         "\xC2\xA9"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (starts_word(s, len, words[k]))
            return 1;
    size_t d = 0;
    while (d < len && s[d] >= '0' && s[d] <= '9')
        d++;
    return d > 0 && d < len && s[d] == ')';
}

/* 1 for an ASCII capital, resp. digit. */
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* 1 when s is a region code: two capitals, two digits, then digits or
 * capitals (GM0014, WK001400, WK0363AA, BU00140000, PV22). */
static int is_region_code(const char *s, size_t len)
{
    if (len < 4 || !is_upper(s[0]) || !is_upper(s[1]) || !is_digit(s[2]) ||
        !is_digit(s[3]))
        return 0;
    for (size_t k = 4; k < len; k++)
        if (!is_digit(s[k]) && !is_upper(s[k]))
            return 0;
    return 1;
}

/* 1 when s is a number (either decimal mark) or a region code: data, never
 * a note or a title. */
static int is_code_or_number(const char *s, size_t len)
{
    double v;
    return num_parse(s, len, ',', &v) == 0 ||
           num_parse(s, len, '.', &v) == 0 || is_region_code(s, len);
}

/* 1 when record k has only its first cell filled (a title or note line)
 * in a file whose lines mostly have `mode` >= 2 fields. */
static int is_title(const csvrec_set *r, size_t k, size_t mode)
{
    return mode >= 2 && csvrec_width(r, k) == 1;
}

/* First record of the footer (r->n_recs when there is none). */
static size_t find_footer(const csvrec_set *r, size_t mode)
{
    size_t end = r->n_recs, b = end, len;
    while (b > 0) {
        size_t k = b - 1;
        if (csvrec_filled(r, k) == 0) {
            b--;
            continue;
        }
        const char *s = csvrec_cell(r, k, 0, &len);
        if (mode < 2 ? !is_note_text(s, len) /* one column: notes only */
                     : !is_title(r, k, mode) || is_code_or_number(s, len))
            break;
        b--;
    }
    for (size_t k = b; k < end; k++) {
        if (csvrec_filled(r, k) == 0)
            return k;
        const char *s = csvrec_cell(r, k, 0, &len);
        if (is_note_text(s, len) || r->recs[k].n < mode)
            return k;
    }
    return end;
}

/* Marks numeric[c] for the columns whose cells in the lower third of the
 * body [0, end) (at most PROFILE_RECORDS non-blank records) are numbers or
 * missing markers, with at most one text cell per ten numbers. A third, so
 * that a small file's header lines stay out of the sample. */
static int profile_numeric(const csvrec_set *r, size_t end, char decimal,
                           uint8_t *numeric, size_t nf)
{
    size_t *nums = mem_calloc(nf ? nf : 1, sizeof *nums);
    size_t *texts = mem_calloc(nf ? nf : 1, sizeof *texts);
    if (!nums || !texts) {
        mem_free(nums);
        mem_free(texts);
        return err_oom("column profile");
    }
    size_t nonblank = 0;
    for (size_t k = 0; k < end; k++)
        nonblank += csvrec_filled(r, k) > 0;
    size_t want = (nonblank + 2) / 3, seen = 0;
    if (want > PROFILE_RECORDS)
        want = PROFILE_RECORDS;
    for (size_t k = end; k > 0 && seen < want; k--) {
        size_t rec = k - 1;
        if (csvrec_filled(r, rec) == 0)
            continue;
        seen++;
        for (size_t c = 0; c < r->recs[rec].n && c < nf; c++) {
            size_t len;
            const char *s = csvrec_cell(r, rec, c, &len);
            double v;
            miss_reason why;
            if (len == 0)
                continue;
            num_cell_kind kind = num_cell(s, len, decimal, &v, &why);
            if (kind == NUM_CELL_NUMBER)
                nums[c]++;
            else if (kind == NUM_CELL_TEXT)
                texts[c]++;
        }
    }
    for (size_t c = 0; c < nf; c++)
        numeric[c] = nums[c] >= 1 && texts[c] * 10 <= nums[c];
    mem_free(nums);
    mem_free(texts);
    return 0;
}

/* 1 when record k looks like a data row (see csv_layout.h). */
static int looks_like_data(const csvrec_set *r, size_t k,
                           const uint8_t *numeric, size_t nf, char decimal)
{
    size_t ok = 0, bad = 0;
    for (size_t c = 0; c < r->recs[k].n && c < nf; c++) {
        size_t len;
        const char *s = csvrec_cell(r, k, c, &len);
        if (!numeric[c] || len == 0)
            continue;
        double v;
        miss_reason why;
        if (num_cell(s, len, decimal, &v, &why) == NUM_CELL_TEXT)
            bad++;
        else
            ok++;
    }
    return ok >= 1 && ok > bad;
}

/* 1 when a cell of record k is a region code such as GM0014 or WK001400
 * (header lines do not hold those). */
static int has_region_code(const csvrec_set *r, size_t k)
{
    for (size_t c = 0; c < r->recs[k].n; c++) {
        size_t len;
        const char *s = csvrec_cell(r, k, c, &len);
        if (is_region_code(s, len))
            return 1;
    }
    return 0;
}

/* Finds the header records [*h, *d) below skip_rows or automatically. */
static int find_header(const char *file, const csvrec_set *r,
                       const src_options *opt, char decimal, size_t mode,
                       size_t mode_width, size_t end, size_t *h, size_t *d)
{
    size_t nf = 1;
    for (size_t k = 0; k < end; k++)
        if (r->recs[k].n > nf)
            nf = r->recs[k].n;
    uint8_t *numeric = mem_calloc(nf, 1);
    if (!numeric)
        return err_oom("column profile");
    if (profile_numeric(r, end, decimal, numeric, nf) < 0) {
        mem_free(numeric);
        return -1;
    }
    int any_numeric = 0;
    for (size_t c = 0; c < nf; c++)
        any_numeric |= numeric[c];
    size_t hdr = end;
    if (opt->skip_rows >= 0) {
        hdr = (size_t)opt->skip_rows;
        while (hdr < end && csvrec_filled(r, hdr) == 0)
            hdr++;
        if (hdr >= end) {
            mem_free(numeric);
            err_set(ERR_RECIPE, file, 0, NULL,
                    "skip_rows is %d, but after that many lines no header "
                    "line is left (the file has %zu lines before its "
                    "footer)",
                    opt->skip_rows, end);
            return -1;
        }
    } else {
        size_t last_nonblank = end;
        for (size_t k = 0; k < end; k++) {
            if (csvrec_filled(r, k) == 0)
                continue;
            if (any_numeric &&
                looks_like_data(r, k, numeric, nf, decimal)) {
                hdr = last_nonblank < end ? last_nonblank : k;
                break;
            }
            if ((size_t)r->recs[k].n * 4 >= mode * 3)
                last_nonblank = k; /* delimited like the table */
            /* a title with a delimiter in it ("Bevolking, 2023") reaches
             * less far than the table's rows */
            if (!is_title(r, k, mode) &&
                csvrec_width(r, k) * 4 >= mode_width * 3) {
                hdr = k;
                break;
            }
        }
        if (hdr == end) /* only titles: take the first non-blank line */
            for (size_t k = 0; k < end && hdr == end; k++)
                if (csvrec_filled(r, k) > 0)
                    hdr = k;
    }
    if (hdr >= end) {
        mem_free(numeric);
        err_set(ERR_PARSE, file, 0, NULL,
                "found no header line: the file holds nothing but blank "
                "lines, delimiters or footer notes");
        return -1;
    }
    size_t data = hdr + 1;
    if (opt->header_rows > 0) {
        if ((size_t)opt->header_rows > end - hdr) {
            mem_free(numeric);
            err_set(ERR_RECIPE, file, r->recs[hdr].line, NULL,
                    "header_rows is %d, but only %zu lines are left from "
                    "the header on",
                    opt->header_rows, end - hdr);
            return -1;
        }
        data = hdr + (size_t)opt->header_rows;
    } else if (any_numeric) {
        size_t width = csvrec_width(r, hdr);
        for (size_t k = hdr + 1; k < end; k++) {
            if (k - hdr > CSVLAY_MAX_HEADER_LINES)
                break;
            size_t filled = csvrec_filled(r, k);
            if (filled > 0 &&
                (filled >= width || has_region_code(r, k) ||
                 looks_like_data(r, k, numeric, nf, decimal))) {
                data = k;
                break;
            }
        }
    }
    mem_free(numeric);
    *h = hdr;
    *d = data;
    return 0;
}

/* 1 when a cell on a later header line names a unit. */
static int is_unit(const char *s, size_t len)
{
    static const char *const units[] = {
        "euro",  "\xE2\x82\xAC", "aantal", "km\xC2\xB2", "km2", "m\xC2\xB2",
        "m2",    "m\xC2\xB3",    "m3",     "ha",         "kwh", "gj",
        "jaar",  "jaren",        "uur",    "minuten",    "km",  "kg"};
    if (len == 0)
        return 0;
    if (s[0] == '%' || (len >= 2 && (s[0] == 'x' || s[0] == 'X') &&
                        s[1] == ' '))
        return 1;
    if (len >= 3 && (unsigned char)s[0] == 0xC3 &&
        (unsigned char)s[1] == 0x97) /* "×" */
        return 1;
    if (len >= 3 && memcmp(s, "\xE2\x82\xAC", 3) == 0) /* "€ ..." */
        return 1;
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (strlen(units[k]) == len && strncasecmp(s, units[k], len) == 0)
            return 1;
    return 0;
}

/* Builds the raw name of field c from the header records [h, d); *out is
 * malloc'ed ("" when all its cells are empty). */
static int build_name(const csvrec_set *r, size_t h, size_t d, size_t c,
                      int auto_header, size_t mode, char **out)
{
    sbuf name = {0}, unit = {0};
    int rc = 0;
    for (size_t k = h; k < d && rc == 0; k++) {
        if (auto_header && d - h > 1 && is_title(r, k, mode))
            continue;
        size_t len;
        const char *s = csvrec_cell(r, k, c, &len);
        if (len == 0)
            continue;
        if (k > h && is_unit(s, len))
            rc = sbuf_word(&unit, s, len);
        else
            rc = sbuf_word(&name, s, len);
    }
    if (rc == 0 && unit.len) {
        if (name.len == 0)
            rc = sbuf_raw(&name, unit.s, unit.len);
        else if ((rc = sbuf_raw(&name, " (", 2)) == 0 &&
                 (rc = sbuf_raw(&name, unit.s, unit.len)) == 0)
            rc = sbuf_raw(&name, ")", 1);
    }
    mem_free(unit.s);
    if (rc == 0 && !name.s) {
        name.s = mem_calloc(1, 1);
        if (!name.s)
            rc = err_oom("column name");
    }
    if (rc < 0) {
        mem_free(name.s);
        return -1;
    }
    *out = name.s;
    return 0;
}

/* 1 when field c is empty in every record of [a, b). */
static int column_empty(const csvrec_set *r, size_t a, size_t b, size_t c)
{
    for (size_t k = a; k < b; k++) {
        size_t len;
        csvrec_cell(r, k, c, &len);
        if (len)
            return 0;
    }
    return 1;
}

/* Replaces names[k] by a malloc'ed copy of s; -1 on OOM. */
static int set_name(char **names, size_t k, const char *s)
{
    char *copy = mem_strdup(s);
    if (!copy)
        return err_oom("column name");
    mem_free(names[k]);
    names[k] = copy;
    return 0;
}

/* Gives empty names column_N, applies opt->column_names and makes all
 * names unique with _2, _3, ... */
static int unique_names(csvlay_layout *l, strmap *seen);

static int finish_names(const char *file, csvlay_layout *l,
                        const src_options *opt)
{
    if (opt->column_names && opt->n_column_names > l->n_cols) {
        err_set(ERR_RECIPE, file, 0, NULL,
                "column_names gives %zu names, but the file has only %zu "
                "columns",
                opt->n_column_names, l->n_cols);
        return -1;
    }
    for (size_t k = 0; k < l->n_cols; k++) {
        const char *over = opt->column_names && k < opt->n_column_names
                               ? opt->column_names[k]
                               : NULL;
        if (over && over[0] && set_name(l->names, k, over) < 0)
            return -1;
        char buf[48];
        snprintf(buf, sizeof buf, "column_%zu", l->field_of[k] + 1);
        if (!l->names[k][0] && set_name(l->names, k, buf) < 0)
            return -1;
    }
    /* the names so far, hashed: linear in the number of columns */
    strmap *seen = strmap_new(STRMAP_BORROW, l->n_cols, "column names");
    if (!seen)
        return -1;
    int rc = unique_names(l, seen);
    strmap_free(seen);
    return rc;
}

/* Gives duplicates among l->names the suffixes _2, _3, ... in order; seen
 * is an empty map that ends up borrowing the final names, each with the
 * next suffix to try for it as value (so N equal names take linear time).
 * Returns 0, or -1 with ERR_MEMORY set. */
static int unique_names(csvlay_layout *l, strmap *seen)
{
    for (size_t k = 0; k < l->n_cols; k++) {
        int added = 0;
        int64_t id = strmap_upsert(seen, l->names[k], strlen(l->names[k]),
                                   &added);
        if (id < 0)
            return -1;
        if (added) {
            strmap_val_of(seen, id)->i = 2;
            continue;
        }
        /* the map borrows the first holder's string, not names[k] */
        const char *base = strmap_key(seen, id, NULL);
        size_t n = strlen(base) + 24, suffix = (size_t)strmap_val_of(seen, id)->i;
        char *s = mem_alloc(n);
        if (!s)
            return err_oom("column name");
        for (;;) {
            snprintf(s, n, "%s_%zu", base, suffix++);
            if (strmap_find(seen, s, strlen(s)) < 0)
                break;
        }
        strmap_val_of(seen, id)->i = (int64_t)suffix;
        int64_t nid = strmap_upsert(seen, s, strlen(s), &added);
        if (nid < 0) {
            mem_free(s);
            return -1;
        }
        strmap_val_of(seen, nid)->i = 2;
        mem_free(l->names[k]);
        l->names[k] = s;
    }
    return 0;
}

int csvlay_detect(const char *file, const csvrec_set *r,
                  const src_options *opt, char decimal, csvlay_layout *out)
{
    memset(out, 0, sizeof *out);
    size_t mode = modal_fields(r, 0), mode_width = modal_fields(r, 1);
    size_t end = find_footer(r, mode), h = 0, d = 0;
    if (find_header(file, r, opt, decimal, mode, mode_width, end, &h, &d) < 0)
        return -1;
    out->header_first = h;
    out->header_end = d;
    out->data_first = d;
    out->data_end = end;
    size_t nf = 1;
    for (size_t k = h; k < d; k++)
        if (r->recs[k].n > nf)
            nf = r->recs[k].n;
    out->n_fields = nf;
    out->field_of = mem_alloc(nf * sizeof *out->field_of);
    out->names = mem_calloc(nf, sizeof *out->names);
    if (!out->field_of || !out->names)
        return err_oom("column names");
    int auto_header = opt->skip_rows < 0 && opt->header_rows <= 0;
    for (size_t c = 0; c < nf; c++) {
        if (build_name(r, h, d, c, auto_header, mode, &out->names[c]) < 0)
            return -1;
        out->field_of[c] = c;
        out->n_cols++;
    }
    while (out->n_cols > 1 && !out->names[out->n_cols - 1][0] &&
           column_empty(r, d, end, out->n_cols - 1)) {
        mem_free(out->names[out->n_cols - 1]);
        out->names[--out->n_cols] = NULL;
    }
    return finish_names(file, out, opt);
}

void csvlay_free(csvlay_layout *l)
{
    if (!l)
        return;
    if (l->names)
        for (size_t k = 0; k < l->n_fields; k++)
            mem_free(l->names[k]);
    mem_free(l->names);
    mem_free(l->field_of);
    memset(l, 0, sizeof *l);
}
