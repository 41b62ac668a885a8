/* map_multi.c - small multiples; see map.h. Areas are drawn with the one
 * polygon primitive of plots/base (draw.h), like every other map. */
#include "map_int.h"

#include "draw.h"

#include "err.h"
#include "mem.h"

#include <math.h>
#include <string.h>

#define COLS 6
#define ROWS 7
#define MARGIN 36.0

/* Draws the legend in one line from (x, y); returns its height. */
static double draw_legend(cairo_t *cr, text_ctx *tc, const map_multi_spec *s,
                          double x, double y, double w)
{
    double h = 0, cx = x;
    if (s->legend_title) {
        PangoLayout *l = text_layout(tc, s->legend_title, 8, 1, w, TEXT_LEFT);
        if (!l)
            return -1;
        double tw, th;
        text_size(l, &tw, &th);
        text_draw(cr, l, x, y, MAP_INK, MAP_INK, MAP_INK);
        g_object_unref(l);
        y += th + 3;
        h += th + 3;
    }
    double rowh = 0;
    for (size_t e = 0; e < s->n_legend; e++) {
        PangoLayout *l = text_layout(tc, s->legend[e].label, 7.5, 0, -1, TEXT_LEFT);
        if (!l)
            return -1;
        double tw, th;
        text_size(l, &tw, &th);
        if (cx + 16 + tw > x + w) {
            cx = x;
            y += rowh + 3;
            h += rowh + 3;
        }
        map_swatch(cr, cx, y + (th - 9) / 2, 12, 9, &s->legend[e], 1.0, 1.0);
        text_draw(cr, l, cx + 16, y, MAP_INK, MAP_INK, MAP_INK);
        g_object_unref(l);
        cx += 16 + tw + 14;
        rowh = fmax(rowh, th);
    }
    return h + rowh;
}

int map_multiples_render(const map_multi_spec *s, const char *path)
{
    if (s->n_panels == 0) {
        err_set(ERR_RENDER, path, 0, NULL, "small multiples need at least one panel");
        return -1;
    }
    page_size ps;
    if (page_parse("A3", 0, 150, &ps) < 0)
        return -1;
    page_out *po = page_begin(&ps, PAGE_PDF, path, s->title);
    if (!po)
        return -1;
    cairo_t *cr = page_cairo(po);
    text_ctx *tc = text_new(cr, "DejaVu Sans");
    int rc = tc ? 0 : -1;
    int en = s->language && !strcmp(s->language, "en");
    size_t per = COLS * ROWS, pages = (s->n_panels + per - 1) / per;
    double w = ps.w_pt - 2 * MARGIN;
    const tbl_col *g = s->geom;
    for (size_t pg = 0; rc == 0 && pg < pages; pg++) {
        if (pg)
            cairo_show_page(cr);
        double y = MARGIN;
        char sub[600];
        snprintf(sub, sizeof sub, "%s%s%s %zu/%zu", s->subtitle ? s->subtitle : "",
                 s->subtitle ? " · " : "", en ? "page" : "blad", pg + 1, pages);
        const char *texts[2] = {s->title, sub};
        for (int k = 0; rc == 0 && k < 2; k++) {
            if (!texts[k])
                continue;
            PangoLayout *l = text_layout(tc, texts[k], k ? 10 : 18, k == 0, w, TEXT_LEFT);
            if (!l) {
                rc = -1;
                break;
            }
            double tw, th;
            text_size(l, &tw, &th);
            text_draw(cr, l, MARGIN, y, k ? MAP_INK_SOFT : MAP_INK,
                      k ? MAP_INK_SOFT : MAP_INK, k ? MAP_INK_SOFT : MAP_INK);
            g_object_unref(l);
            y += th + 4;
        }
        double lh = rc == 0 ? draw_legend(cr, tc, s, MARGIN, y + 4, w) : -1;
        if (lh < 0) {
            rc = -1;
            break;
        }
        y += lh + 16;
        double foot = 34, cw = w / COLS, ch = (ps.h_pt - MARGIN - foot - y) / ROWS;
        for (size_t j = 0; rc == 0 && j < per; j++) {
            size_t p = pg * per + j;
            if (p >= s->n_panels)
                break;
            double cx = MARGIN + (double)(j % COLS) * cw, cy = y + (double)(j / COLS) * ch;
            PangoLayout *l = text_layout(tc, s->panel_title[p], 7.5, 1, cw - 6, TEXT_CENTER);
            if (!l) {
                rc = -1;
                break;
            }
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
            double tw, th;
            text_size(l, &tw, &th);
            text_draw(cr, l, cx + 3, cy + ch - th - 2, MAP_INK, MAP_INK, MAP_INK);
            g_object_unref(l);
            double ext[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
            for (size_t q = s->panel_off[p]; q < s->panel_off[p + 1]; q++) {
                const double *b = map_row_bbox(g, (size_t)s->panel_rows[q]);
                if (isnan(b[0]))
                    continue;
                draw_extent_add(ext, b);
            }
            if (!(ext[2] > ext[0]) || !(ext[3] > ext[1]))
                continue;
            double bw = cw - 8, bh = ch - th - 8;
            double k = fmin(bw / (ext[2] - ext[0]), bh / (ext[3] - ext[1]));
            double ax = cx + 4 + (bw - (ext[2] - ext[0]) * k) / 2 - ext[0] * k;
            double ay = cy + 4 + (bh - (ext[3] - ext[1]) * k) / 2 + ext[3] * k;
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
            draw_xf xf = {ax, ay, 0, 0, 1, k};
            draw_path dp = {0.2, 0, NULL, 0};
            for (size_t q = s->panel_off[p]; q < s->panel_off[p + 1]; q++) {
                size_t r = (size_t)s->panel_rows[q];
                int e = s->entry[r];
                if (e < 0 || (size_t)e >= s->n_legend)
                    continue;
                draw_poly_path(cr, g, r, &xf, &dp);
                draw_style st = {s->legend[e].fill, NULL,
                                 {1, 1, 1}, 0.25};
                draw_poly_paint(cr, &st);
            }
        }
        const char *lines[2] = {s->source_line, s->provenance};
        double fy = ps.h_pt - MARGIN - foot + 10;
        for (int k = 0; rc == 0 && k < 2; k++) {
            if (!lines[k])
                continue;
            PangoLayout *l = text_layout(tc, lines[k], k ? 6 : 7.5, 0, w, TEXT_LEFT);
            if (!l) {
                rc = -1;
                break;
            }
            double tw, th;
            text_size(l, &tw, &th);
            text_draw(cr, l, MARGIN, fy, MAP_INK_FAINT, MAP_INK_FAINT, MAP_INK_FAINT);
            g_object_unref(l);
            fy += th + 2;
        }
    }
    text_free(tc);
    if (rc < 0) {
        page_abort(po);
        return -1;
    }
    return page_finish(po);
}
