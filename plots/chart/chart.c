/* chart.c - comparison charts; see chart.h. */
#include "chart.h"

#include "chart_page.h"
#include "err.h"
#include "mem.h"
#include "numfmt.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const chart_spec *s;
    size_t *order; /* rows in drawing order: valid ones sorted, then missing */
    size_t n_valid;
} chart_rows;

static _Thread_local const chart_spec *sort_spec; /* qsort has no context */

static int cmp_rows(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const chart_spec *s = sort_spec;
    double x = s->values[i], y = s->values[j];
    int c = 0;
    switch (s->sort) {
    case CHART_SORT_DESC: c = (x < y) - (x > y); break;
    case CHART_SORT_ASC: c = (x > y) - (x < y); break;
    case CHART_SORT_NAME: c = strcoll(s->labels[i], s->labels[j]); break;
    default: break;
    }
    return c ? c : (i > j) - (i < j); /* stable */
}

/* Sorts valid rows by the chosen order; missing rows go last, by name. */
static int order_rows(const chart_spec *s, chart_rows *r)
{
    r->s = s;
    r->order = mem_alloc((s->n ? s->n : 1) * sizeof *r->order);
    if (!r->order)
        return err_oom("chart");
    size_t m = 0;
    for (size_t k = 0; k < s->n; k++)
        if (!s->miss || !s->miss[k])
            r->order[m++] = k;
    r->n_valid = m;
    for (size_t k = 0; k < s->n; k++)
        if (s->miss && s->miss[k])
            r->order[m++] = k;
    sort_spec = s;
    qsort(r->order, r->n_valid, sizeof *r->order, cmp_rows);
    return 0;
}

static void value_text(const chart_spec *s, double v, int dec, char *buf,
                       size_t size)
{
    numfmt_lang lang = s->language && !strcmp(s->language, "en") ? NUMFMT_EN
                                                                  : NUMFMT_NL;
    numfmt_unit(v, dec, s->unit, lang, buf, size);
}

/* Draws the rows in cols columns inside the box (x, y, w, h). */
static int draw_rows(cairo_t *cr, text_ctx *tc, const chart_rows *r,
                     double x, double y, double w, double h, int dec)
{
    const chart_spec *s = r->s;
    size_t n = s->n;
    int cols = s->fit_height ? 1 : n > 180 ? 3 : n > 90 ? 2 : 1;
    size_t per = (n + (size_t)cols - 1) / (size_t)cols;
    double gap = 18, cw = (w - gap * (cols - 1)) / cols;
    double row_h = s->fit_height ? CHART_ROW_H
                                 : fmin(16.0, h / (double)(per ? per : 1));
    double fs = fmax(3.5, fmin(8.5, row_h * 0.72));
    double lo = 0, hi = 0;
    for (size_t k = 0; k < r->n_valid; k++) {
        double v = s->values[r->order[k]];
        lo = fmin(lo, v);
        hi = fmax(hi, v);
    }
    if (s->has_ref) {
        lo = fmin(lo, s->ref);
        hi = fmax(hi, s->ref);
    }
    for (size_t k = 0; s->lower && s->upper && k < r->n_valid; k++) {
        double a = s->lower[r->order[k]], b = s->upper[r->order[k]];
        if (isfinite(a) && isfinite(b)) {
            lo = fmin(lo, a);
            hi = fmax(hi, b);
        }
    }
    if (s->strip)
        for (size_t k = 0; k < n; k++)
            for (size_t j = 0; s->strip[k] && j < s->strip_n[k]; j++)
                if (!s->strip_miss || !s->strip_miss[k] || !s->strip_miss[k][j]) {
                    lo = fmin(lo, s->strip[k][j]);
                    hi = fmax(hi, s->strip[k][j]);
                }
    if (s->has_range) {
        lo = s->lo;
        hi = s->hi;
    }
    if (hi == lo)
        hi = lo + 1;
    double label_w = cw * 0.36, value_w = fs * 5.5;
    double bar_x0 = label_w + 6, bar_w = cw - bar_x0 - value_w - 4;
    for (int c = 0; c < cols; c++) {
        double cx = x + c * (cw + gap);
        double zero = cx + bar_x0 + (0 - lo) / (hi - lo) * bar_w;
        for (size_t j = 0; j < per; j++) {
            size_t k = (size_t)c * per + j;
            if (k >= n)
                break;
            size_t row = r->order[k];
            double ry = y + (double)j * row_h;
            if (j % 2 == 0) {
                cairo_rectangle(cr, cx, ry, cw, row_h);
                cairo_set_source_rgb(cr, 0.965, 0.965, 0.965);
                cairo_fill(cr);
            }
            PangoLayout *l = text_layout(tc, s->labels[row], fs, 0, -1, TEXT_RIGHT);
            if (!l)
                return -1;
            pango_layout_set_width(l, (int)(label_w * PANGO_SCALE));
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
            double tw, th;
            text_size(l, &tw, &th);
            text_draw(cr, l, cx, ry + (row_h - th) / 2, INK);
            g_object_unref(l);
            char buf[96];
            int missing = s->miss && s->miss[row];
            if (s->strip && s->strip[row]) { /* the parts as light ticks */
                cairo_set_source_rgb(cr, 0.62, 0.62, 0.62);
                cairo_set_line_width(cr, 0.5);
                for (size_t q = 0; q < s->strip_n[row]; q++) {
                    if (s->strip_miss && s->strip_miss[row] && s->strip_miss[row][q])
                        continue;
                    double tx = cx + bar_x0 + (s->strip[row][q] - lo) / (hi - lo) * bar_w;
                    cairo_move_to(cr, tx, ry + row_h * 0.2);
                    cairo_line_to(cr, tx, ry + row_h * 0.8);
                }
                cairo_stroke(cr);
            }
            if (missing) {
                snprintf(buf, sizeof buf, "%s",
                         s->miss_text && s->miss_text[row] ? s->miss_text[row] : "–");
                l = text_layout(tc, buf, fs, 0, -1, TEXT_LEFT);
                if (!l)
                    return -1;
                text_size(l, &tw, &th);
                text_draw(cr, l, cx + bar_x0, ry + (row_h - th) / 2, MUTED);
                g_object_unref(l);
                continue;
            }
            double v = s->values[row];
            double vx = cx + bar_x0 + (v - lo) / (hi - lo) * bar_w;
            cairo_set_source_rgb(cr, 0.17, 0.37, 0.62);
            if (s->dots) {
                cairo_new_path(cr); /* no line from a text's current point */
                cairo_arc(cr, vx, ry + row_h / 2, fmax(1.2, row_h * 0.28), 0, 2 * M_PI);
                cairo_fill(cr);
            } else {
                double bh = row_h * 0.62;
                cairo_rectangle(cr, fmin(zero, vx), ry + (row_h - bh) / 2,
                                fabs(vx - zero), bh);
                cairo_fill(cr);
            }
            if (s->lower && s->upper && isfinite(s->lower[row]) &&
                isfinite(s->upper[row])) {
                /* the interval as a whisker with end caps */
                double ax = cx + bar_x0 + (s->lower[row] - lo) / (hi - lo) * bar_w;
                double bx = cx + bar_x0 + (s->upper[row] - lo) / (hi - lo) * bar_w;
                double my = ry + row_h / 2, cap = row_h * 0.22;
                cairo_set_source_rgb(cr, INK);
                cairo_set_line_width(cr, fmax(0.4, row_h * 0.06));
                cairo_move_to(cr, ax, my);
                cairo_line_to(cr, bx, my);
                cairo_move_to(cr, ax, my - cap);
                cairo_line_to(cr, ax, my + cap);
                cairo_move_to(cr, bx, my - cap);
                cairo_line_to(cr, bx, my + cap);
                cairo_stroke(cr);
            }
            value_text(s, v, dec, buf, sizeof buf);
            if (s->partial && s->partial[row]) { /* explained below */
                size_t used = strlen(buf);
                snprintf(buf + used, sizeof buf - used, "*");
            }
            l = text_layout(tc, buf, fs, 0, -1, TEXT_LEFT);
            if (!l)
                return -1;
            text_size(l, &tw, &th);
            text_draw(cr, l, cx + bar_x0 + bar_w + 4, ry + (row_h - th) / 2, INK);
            g_object_unref(l);
        }
        if (s->has_ref) {
            double rx = cx + bar_x0 + (s->ref - lo) / (hi - lo) * bar_w;
            size_t rows = (size_t)c * per >= n ? 0 : (n - (size_t)c * per < per ? n - (size_t)c * per : per);
            double dash[] = {2.0, 1.5};
            cairo_set_dash(cr, dash, 2, 0);
            cairo_set_source_rgb(cr, 0.75, 0.2, 0.15);
            cairo_set_line_width(cr, 0.8);
            cairo_move_to(cr, rx, y - 3);
            cairo_line_to(cr, rx, y + (double)rows * row_h);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
        }
    }
    return 0;
}

/* Draws one legend line at the left margin from *y: its symbol (the
 * dashed reference line, or the interval bar when interval) and label at
 * 8 pt times scale, wrapped to w; moves *y down. 0, or -1 on OOM. */
static int legend_line(text_ctx *tc, cairo_t *cr, const char *label,
                       double scale, double w, int interval, double *y)
{
    PangoLayout *l = text_layout(tc, label, 8 * scale, 0, w, TEXT_LEFT);
    if (!l)
        return -1;
    double tw, th;
    text_size(l, &tw, &th);
    double my = *y + th / 2;
    if (interval) {
        cairo_set_source_rgb(cr, INK);
        cairo_set_line_width(cr, 0.7);
        cairo_move_to(cr, MARGIN, my);
        cairo_line_to(cr, MARGIN + 14, my);
        cairo_move_to(cr, MARGIN, my - 2.5);
        cairo_line_to(cr, MARGIN, my + 2.5);
        cairo_move_to(cr, MARGIN + 14, my - 2.5);
        cairo_line_to(cr, MARGIN + 14, my + 2.5);
        cairo_stroke(cr);
    } else {
        cairo_set_source_rgb(cr, 0.75, 0.2, 0.15);
        double dash[] = {2.0, 1.5};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, MARGIN, my);
        cairo_line_to(cr, MARGIN + 14, my);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    text_draw(cr, l, MARGIN + 18, *y, MUTED);
    *y += th + 8;
    g_object_unref(l);
    return 0;
}

int chart_render(const chart_spec *s, const char *path, page_format fmt)
{
    if (s->n == 0) {
        err_set(ERR_RENDER, path, 0, NULL, "a comparison chart needs at least one area");
        return -1;
    }
    page_size ps;
    if (page_parse(s->page, s->landscape, s->dpi > 0 ? s->dpi : 300, &ps) < 0)
        return -1;
    int any_partial = 0;
    for (size_t k = 0; s->partial && s->partial_note && k < s->n; k++)
        any_partial |= s->partial[k] && !(s->miss && s->miss[k]);
    if (s->fit_height) { /* header, rows, footer: as tall as the content */
        double sc = ps.w_pt / 595.0;
        ps.h_pt = 2 * MARGIN + 92 * sc + (double)s->n * CHART_ROW_H + 30 * sc + 8 +
                  (any_partial ? 24 * sc : 0); /* the footnote (two lines) */
        ps.px_h = (int)ceil(ps.h_pt * ps.dpi / 72.0);
    }
    text_ctx *tc;
    page_out *po = chart_page_begin(&ps, fmt, path, s->title, s->meta, &tc);
    if (!po)
        return -1;
    cairo_t *cr = page_cairo(po);
    chart_rows rows;
    memset(&rows, 0, sizeof rows);
    int rc = tc ? order_rows(s, &rows) : -1;
    double w = ps.w_pt - 2 * MARGIN, y = MARGIN;
    double scale = ps.w_pt / 595.0; /* A3 and landscape grow the type */
    int dec = s->decimals;
    if (rc == 0 && dec < 0) {
        double big = 0;
        for (size_t k = 0; k < s->n; k++)
            if (!s->miss || !s->miss[k])
                big = fmax(big, fabs(s->values[k]));
        dec = big >= 100 ? 0 : big >= 10 ? 1 : 2;
    }
    if (rc == 0)
        rc = chart_heading(tc, cr, s->title, s->subtitle, scale, w, &y);
    if (rc == 0 && s->has_ref && s->ref_label)
        rc = legend_line(tc, cr, s->ref_label, scale, w, 0, &y);
    if (rc == 0 && s->lower && s->upper && s->interval_label)
        rc = legend_line(tc, cr, s->interval_label, scale, w, 1, &y);
    double foot = 30 * scale;
    PangoLayout *note = NULL;
    double note_h = 0;
    if (rc == 0 && any_partial) { /* the footnote of the "*" marks */
        note = text_layout(tc, s->partial_note, 7 * scale, 0, w, TEXT_LEFT);
        if (!note)
            rc = -1;
        else {
            double tw;
            text_size(note, &tw, &note_h);
            note_h += 4;
        }
    }
    if (rc == 0)
        rc = draw_rows(cr, tc, &rows, MARGIN, y + 4, w,
                       ps.h_pt - MARGIN - foot - note_h - (y + 4), dec);
    if (note) {
        if (rc == 0)
            text_draw(cr, note, MARGIN, ps.h_pt - MARGIN - foot - note_h + 6,
                      MUTED);
        g_object_unref(note);
    }
    const char *lines[2] = {s->source_line, s->provenance};
    const double line_pt[2] = {7.5 * scale, 6 * scale};
    if (rc == 0)
        rc = chart_footer(tc, cr, lines, line_pt, 2, w,
                          ps.h_pt - MARGIN - foot + 8);
    mem_free(rows.order);
    return chart_page_end(po, tc, rc);
}
