/* map_bivar.c - the legend of a bivariate (3 x 3) map: a square of nine
 * swatches, x growing to the right and y upwards, each axis with an arrow
 * and its title (y above the square, x below it), the number of areas in each cell,
 * the class ranges of both axes as small notes, and the missing-reason
 * entries listed below. Greyscale readers get the hatching the caller puts
 * on a cell (e.g. high need, low reach) in the map and in the legend alike.
 *
 * Layouts live in the map_legend of the context (freed by
 * map_legend_free): label[0..3] = x title, y title, x note, y note;
 * label[4 + j] = missing entry j; count[0..8] = cell counts, count[9 + j]
 * = missing entry j's count.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "map_int.h"
#include "mem.h"

draw_rgb map_bivar_colour(int x, int y)
{
    /* Joshua Stevens, "Bivariate choropleth maps: a how-to guide" (2015),
     * the pink-blue scheme; rows y = 0..2, columns x = 0..2 */
    static const unsigned hex[3][3] = {
        {0xe8e8e8, 0xe4acac, 0xc85a5a},
        {0xb0d5df, 0xad9ea5, 0x985356},
        {0x64acbe, 0x627f8c, 0x574249}};
    if (x < 0 || x > 2 || y < 0 || y > 2)
        return (draw_rgb){0.8, 0.8, 0.8};
    unsigned v = hex[y][x];
    return (draw_rgb){((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
                     (v & 255) / 255.0};
}

int map_bivar_measure(map_ctx *m, double max_w)
{
    const map_spec *sp = m->spec;
    map_legend *lg = &m->legend;
    double s = m->s, fs = 7.2 * s;
    size_t n = sp->n_legend;
    if (n < 9) {
        err_set(ERR_RENDER, NULL, 0, NULL, "a bivariate map needs 9 legend "
                "entries (3 x 3), but got %zu", n);
        return -1;
    }
    lg->sw = 18 * s;   /* grid cell */
    lg->sh = 10.5 * s; /* swatch of the missing entries */
    lg->gap_label = 5 * s;
    lg->gap_row = 3.2 * s;
    lg->gap_missing = 8 * s;
    lg->title_gap = 6 * s;
    lg->columns = 1;
    lg->per_col = (int)n;
    lg->label = mem_calloc(n + 1, sizeof *lg->label);
    lg->count = mem_calloc(n + 1, sizeof *lg->count);
    lg->entry_h = mem_calloc(n + 1, sizeof *lg->entry_h);
    if (!lg->label || !lg->count || !lg->entry_h)
        return err_oom("legend");
    double grid = 3 * lg->sw;
    const char *texts[4] = {sp->x_title, sp->y_title, sp->x_note, sp->y_note};
    for (int k = 0; k < 4; k++) {
        double wrap = fmax(grid + 40 * s, fmin(max_w, 150 * s));
        char buf[600];
        snprintf(buf, sizeof buf, "%s%s", k == 0 ? "→ " : k == 1 ? "↑ " : "",
                 texts[k] ? texts[k] : "");
        lg->label[k] = text_layout(m->tx, texts[k] ? buf : "",
                                   k < 2 ? fs : 6.4 * s, k < 2, wrap, TEXT_LEFT);
        if (!lg->label[k])
            return -1;
    }
    for (size_t e = 0; e < n; e++) {
        char buf[32];
        snprintf(buf, sizeof buf, e < 9 ? "%zu" : "(%zu)", sp->legend[e].count);
        lg->count[e] = text_layout(m->tx, buf, e < 9 ? 6.4 * s : fs, 0, 0,
                                   e < 9 ? TEXT_CENTER : TEXT_RIGHT);
        if (!lg->count[e])
            return -1;
    }
    double list_w = 0, list_h = 0, count_w = 0;
    for (size_t e = 9; e < n; e++) {
        lg->label[4 + e - 9] = text_layout(m->tx, sp->legend[e].label, fs, 0,
                                           0, TEXT_LEFT);
        if (!lg->label[4 + e - 9])
            return -1;
        double w, h, cw;
        text_size(lg->label[4 + e - 9], &w, &h);
        text_size(lg->count[e], &cw, NULL);
        list_w = fmax(list_w, w);
        count_w = fmax(count_w, cw);
        lg->entry_h[e] = fmax(h, lg->sh);
        list_h += lg->entry_h[e] + (e > 9 ? lg->gap_row : 0);
    }
    lg->count_w = count_w;
    lg->label_w = list_w;
    double yt_w, yt_h, xt_w, xt_h, xn_w, xn_h, yn_w, yn_h;
    text_size(lg->label[1], &yt_w, &yt_h);
    text_size(lg->label[0], &xt_w, &xt_h);
    text_size(lg->label[2], &xn_w, &xn_h);
    text_size(lg->label[3], &yn_w, &yn_h);
    /* y title above the grid, x title below it */
    lg->gap_col = 8 * s;                     /* grid's left offset */
    lg->gap_count = xt_h;                    /* x title height */
    double grid_block_w = fmax(lg->gap_col + grid, fmax(xt_w, yt_w));
    lg->col_w = lg->sh + lg->gap_label + list_w + 6 * s + count_w;
    lg->w = fmax(grid_block_w, fmax(fmax(xn_w, yn_w), n > 9 ? lg->col_w : 0));
    double title_w, title_tw;
    if (map_legend_title(m, max_w, &title_w, &title_tw) < 0)
        return -1;
    if (lg->title)
        lg->w = fmax(lg->w, fmin(title_w, title_tw));
    double lw = lg->w - lg->sh * 1.6 - lg->gap_label - 6 * s - count_w;
    for (size_t e = 9; e < n && lw > 20 * s; e++) {
        pango_layout_set_width(lg->label[4 + e - 9], (int)(lw * PANGO_SCALE));
        double h;
        text_size(lg->label[4 + e - 9], NULL, &h);
        list_h += fmax(h, lg->sh) - lg->entry_h[e];
        lg->entry_h[e] = fmax(h, lg->sh);
    }
    lg->h = (lg->title ? lg->title_h + lg->title_gap : 0) + yt_h + 6 * s +
            grid + 6 * s +
            xt_h + 5 * s + (xn_h > 0 ? xn_h + 2 * s : 0) +
            (yn_h > 0 ? yn_h : 0) + (n > 9 ? lg->gap_missing + list_h : 0);
    return 0;
}

/* An arrow from (x0, y0) to (x1, y1) with a small head. */
static void arrow(cairo_t *cr, double x0, double y0, double x1, double y1,
                  double s)
{
    double a = atan2(y1 - y0, x1 - x0), h = 3.5 * s;
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_move_to(cr, x1 - h * cos(a - 0.45), y1 - h * sin(a - 0.45));
    cairo_line_to(cr, x1, y1);
    cairo_line_to(cr, x1 - h * cos(a + 0.45), y1 - h * sin(a + 0.45));
    cairo_stroke(cr);
}

void map_bivar_draw(map_ctx *m, double x, double y)
{
    const map_spec *sp = m->spec;
    map_legend *lg = &m->legend;
    cairo_t *cr = m->cr;
    double s = m->s, cell = lg->sw, grid = 3 * cell;
    if (lg->title) {
        text_draw(cr, lg->title, x, y, MAP_INK, MAP_INK, MAP_INK);
        y += lg->title_h + lg->title_gap;
    }
    double yw, yh;
    text_size(lg->label[1], &yw, &yh);
    text_draw(cr, lg->label[1], x, y, MAP_INK, MAP_INK, MAP_INK);
    y += yh + 6 * s;
    double gx = x + lg->gap_col, gy = y;
    for (int yy = 0; yy < 3; yy++)
        for (int xx = 0; xx < 3; xx++) {
            size_t e = (size_t)(3 * yy + xx);
            double cx = gx + xx * cell, cy = gy + (2 - yy) * cell;
            map_swatch(cr, cx, cy, cell, cell, &sp->legend[e], s, m->px_per_pt);
            if (m->info && m->info->swatch) {
                double *sw = m->info->swatch + 4 * e;
                sw[0] = cx;
                sw[1] = cy;
                sw[2] = cell;
                sw[3] = cell;
            }
            double tw, th;
            text_size(lg->count[e], &tw, &th);
            draw_rgb f = sp->legend[e].fill;
            double lum = 0.2126 * f.r + 0.7152 * f.g + 0.0722 * f.b;
            double ink = lum < 0.45 ? 1.0 : MAP_INK;
            text_draw(cr, lg->count[e], cx + (cell - tw) / 2,
                      cy + (cell - th) / 2, ink, ink, ink);
        }
    /* axes: arrows along the bottom and the left of the square */
    cairo_set_source_rgb(cr, MAP_INK, MAP_INK, MAP_INK);
    cairo_set_line_width(cr, 0.6 * s);
    arrow(cr, gx, gy + grid + 3 * s, gx + grid + 4 * s, gy + grid + 3 * s, s);
    arrow(cr, gx - 3 * s, gy + grid, gx - 3 * s, gy - 4 * s, s);
    double tw, th;
    text_size(lg->label[0], &tw, &th);
    text_draw(cr, lg->label[0], x, gy + grid + 6 * s, MAP_INK, MAP_INK,
              MAP_INK);
    double yb = gy + grid + 6 * s + th + 5 * s;
    for (int k = 2; k < 4; k++) {
        double nw, nh;
        text_size(lg->label[k], &nw, &nh);
        if (nh <= 0)
            continue;
        text_draw(cr, lg->label[k], x, yb, MAP_INK_SOFT, MAP_INK_SOFT,
                  MAP_INK_SOFT);
        yb += nh + 2 * s;
    }
    /* missing reasons, listed */
    double cy = yb + lg->gap_missing - 2 * s;
    for (size_t e = 9; e < sp->n_legend; e++) {
        PangoLayout *l = lg->label[4 + e - 9];
        double lw, lh, cw;
        text_size(l, &lw, &lh);
        double band = lg->entry_h[e];
        map_swatch(cr, x, cy + (band - lg->sh) / 2, lg->sh * 1.6, lg->sh,
                   &sp->legend[e], s, m->px_per_pt);
        if (m->info && m->info->swatch) {
            double *sw = m->info->swatch + 4 * e;
            sw[0] = x;
            sw[1] = cy + (band - lg->sh) / 2;
            sw[2] = lg->sh * 1.6;
            sw[3] = lg->sh;
        }
        text_draw(cr, l, x + lg->sh * 1.6 + lg->gap_label, cy + (band - lh) / 2,
                  MAP_INK, MAP_INK, MAP_INK);
        text_size(lg->count[e], &cw, NULL);
        text_draw(cr, lg->count[e], x + lg->w - cw, cy + (band - lh) / 2,
                  MAP_INK_SOFT, MAP_INK_SOFT, MAP_INK_SOFT);
        cy += band + lg->gap_row;
    }
}
