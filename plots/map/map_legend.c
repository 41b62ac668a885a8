/* map_legend.c - the legend: title with unit, then one row per entry with a
 * swatch, the label and the count "(12)" right-aligned in its own column;
 * the missing-reason entries set apart below the classes. Laid out in one
 * or more columns for a side or bottom panel.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "map_int.h"
#include "mem.h"

void map_legend_free(map_legend *lg)
{
    if (lg->title)
        g_object_unref(lg->title);
    for (int pass = 0; pass < 2; pass++) {
        PangoLayout **arr = pass ? lg->count : lg->label;
        if (!arr)
            continue;
        for (size_t k = 0; arr[k]; k++)
            g_object_unref(arr[k]);
        mem_free(arr);
    }
    mem_free(lg->entry_h);
    memset(lg, 0, sizeof *lg);
}

/* Formats a count with a thousands separator ("." in Dutch, "," in English)
 * from 10,000 up, in brackets. */
static void format_count(char *buf, size_t size, size_t n, int en)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    char grouped[48];
    size_t o = 0;
    for (int i = 0; i < len; i++) {
        if (len > 4 && i > 0 && (len - i) % 3 == 0)
            grouped[o++] = en ? ',' : '.';
        grouped[o++] = digits[i];
    }
    grouped[o] = '\0';
    snprintf(buf, size, "(%s)", grouped);
}

void map_swatch(cairo_t *cr, double x, double y, double w, double h,
                const map_legend_entry *e, double s, double px_per_pt)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgb(cr, e->fill.r, e->fill.g, e->fill.b);
    cairo_fill_preserve(cr);
    if (e->hatch) {
        cairo_pattern_t *pat = map_hatch_pattern(cr, px_per_pt, s,
                                                 map_hatch_light(e->fill),
                                                 (unsigned)e->hatch);
        cairo_matrix_t mt;
        cairo_matrix_init_scale(&mt, px_per_pt, px_per_pt);
        cairo_pattern_set_matrix(pat, &mt); /* tile is in device pixels */
        cairo_set_source(cr, pat);
        cairo_fill_preserve(cr);
        cairo_pattern_destroy(pat);
    }
    /* A thin grey border keeps very light classes visible on white. */
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.4 * s);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Legend title; see map_int.h. */
int map_legend_title(map_ctx *m, double max_w, double *w, double *tw)
{
    const map_spec *sp = m->spec;
    map_legend *lg = &m->legend;
    double s = m->s;
    lg->title_h = 0;
    *w = 0;
    *tw = fmax(lg->w, fmin(max_w, 150 * s));
    if (!sp->legend_title || !*sp->legend_title)
        return 0;
    lg->title = text_layout(m->tx, sp->legend_title, 8.6 * s, 1, *tw,
                            TEXT_LEFT);
    if (!lg->title)
        return -1;
    text_size(lg->title, w, &lg->title_h);
    return 0;
}

int map_legend_measure(map_ctx *m, int columns, double max_w)
{
    const map_spec *sp = m->spec;
    map_legend *lg = &m->legend;
    map_legend_free(lg);
    if (sp->bivariate)
        return map_bivar_measure(m, max_w);
    double s = m->s, fs = 7.8 * s;
    lg->sw = 17 * s;
    lg->sh = 10.5 * s;
    lg->gap_label = 5 * s;
    lg->gap_count = 6 * s;
    lg->gap_row = 3.2 * s;
    lg->gap_col = 14 * s;
    lg->gap_missing = 6 * s;
    lg->title_gap = 5 * s;
    if (columns < 1)
        columns = 1;
    size_t n = sp->n_legend;
    if ((size_t)columns > n && n > 0)
        columns = (int)n;
    lg->columns = columns;
    lg->per_col = n ? (int)((n + (size_t)columns - 1) / (size_t)columns) : 0;
    lg->label = mem_calloc(n + 1, sizeof *lg->label);
    lg->count = mem_calloc(n + 1, sizeof *lg->count);
    lg->entry_h = mem_calloc(n + 1, sizeof *lg->entry_h);
    if (!lg->label || !lg->count || !lg->entry_h)
        return err_oom("legend");

    /* Natural widths. */
    double label_w = 0, count_w = 0;
    for (size_t e = 0; e < n; e++) {
        char buf[64];
        format_count(buf, sizeof buf, sp->legend[e].count, m->en);
        lg->count[e] = text_layout(m->tx, buf, fs, 0, 0, TEXT_RIGHT);
        lg->label[e] = text_layout(m->tx, sp->legend[e].label, fs, 0, 0,
                                   TEXT_LEFT);
        if (!lg->count[e] || !lg->label[e])
            return -1;
        double w;
        text_size(lg->count[e], &w, NULL);
        if (w > count_w)
            count_w = w;
        text_size(lg->label[e], &w, NULL);
        if (w > label_w)
            label_w = w;
    }
    double fixed = lg->sw + lg->gap_label + lg->gap_count + count_w;
    double col_w = fixed + label_w;
    double avail = (max_w - (columns - 1) * lg->gap_col) / columns;
    if (col_w > avail) {
        col_w = avail;
        label_w = col_w - fixed;
        if (label_w < 30 * s)
            label_w = 30 * s;
        for (size_t e = 0; e < n; e++)
            pango_layout_set_width(lg->label[e], (int)(label_w * PANGO_SCALE));
        col_w = fixed + label_w;
    }
    lg->label_w = label_w;
    lg->count_w = count_w;
    lg->col_w = col_w;

    /* Heights per column. */
    double hmax = 0, hcol = 0;
    size_t n_classes = sp->n_classes ? sp->n_classes : n;
    for (size_t e = 0; e < n; e++) {
        double lh;
        text_size(lg->label[e], NULL, &lh);
        int lines = pango_layout_get_line_count(lg->label[e]);
        double line_h = lh / (lines > 0 ? lines : 1);
        lg->entry_h[e] = fmax(line_h, lg->sh) + (lh - line_h);
        if (e % (size_t)lg->per_col == 0)
            hcol = 0;
        else if (e == n_classes)
            hcol += lg->gap_missing;
        hcol += lg->entry_h[e] + (e % (size_t)lg->per_col ? lg->gap_row : 0);
        if (hcol > hmax)
            hmax = hcol;
    }
    lg->w = columns * col_w + (columns - 1) * lg->gap_col;
    double w, tw;
    if (map_legend_title(m, max_w, &w, &tw) < 0)
        return -1;
    if (lg->title && pango_layout_get_line_count(lg->title) == 1 && w > lg->w)
        lg->w = w;
    else if (lg->title && pango_layout_get_line_count(lg->title) > 1)
        lg->w = fmax(lg->w, tw);
    lg->h = (lg->title ? lg->title_h + lg->title_gap : 0) + hmax;
    return 0;
}

void map_legend_draw(map_ctx *m, double x, double y)
{
    const map_spec *sp = m->spec;
    map_legend *lg = &m->legend;
    cairo_t *cr = m->cr;
    if (m->info) {
        m->info->legend[0] = x;
        m->info->legend[1] = y;
        m->info->legend[2] = lg->w;
        m->info->legend[3] = lg->h;
    }
    if (sp->bivariate) {
        map_bivar_draw(m, x, y);
        return;
    }
    if (lg->title) {
        text_draw(cr, lg->title, x, y, MAP_INK, MAP_INK, MAP_INK);
        y += lg->title_h + lg->title_gap;
    }
    size_t n = sp->n_legend;
    size_t n_classes = sp->n_classes ? sp->n_classes : n;
    double cy = y;
    for (size_t e = 0; e < n; e++) {
        int col = (int)(e / (size_t)lg->per_col);
        double cx = x + col * (lg->col_w + lg->gap_col);
        if (e % (size_t)lg->per_col == 0)
            cy = y;
        else if (e == n_classes)
            cy += lg->gap_missing;
        double lh, cw;
        text_size(lg->label[e], NULL, &lh);
        int lines = pango_layout_get_line_count(lg->label[e]);
        double line_h = lh / (lines > 0 ? lines : 1);
        /* swatch and count line up with the label's first line */
        double band = fmax(line_h, lg->sh);
        map_swatch(cr, cx, cy + (band - lg->sh) / 2, lg->sw, lg->sh,
                   &sp->legend[e], m->s, m->px_per_pt);
        if (m->info && m->info->swatch) {
            double *sw = m->info->swatch + 4 * e;
            sw[0] = cx;
            sw[1] = cy + (band - lg->sh) / 2;
            sw[2] = lg->sw;
            sw[3] = lg->sh;
        }
        double ty = cy + (band - line_h) / 2;
        text_draw(cr, lg->label[e], cx + lg->sw + lg->gap_label, ty, MAP_INK,
                  MAP_INK, MAP_INK);
        text_size(lg->count[e], &cw, NULL);
        text_draw(cr, lg->count[e], cx + lg->col_w - cw, ty, MAP_INK_SOFT,
                  MAP_INK_SOFT, MAP_INK_SOFT);
        cy += lg->entry_h[e] + lg->gap_row;
    }
}
