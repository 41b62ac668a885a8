/* sheet_reach.c - the reach section of a fact sheet: per reach indicator
 * its label, a sentence with the counts, the rate with its Wilson 95 %
 * interval (a dot with a whisker on a scale from 0, the area's rate as a
 * dashed line) and the unit's place in the funnel plot; beside it the
 * hard-to-reach contributions as signed bars around zero with the total.
 * Everything numeric and every sentence comes from the caller. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sheet_int.h"

#define ROW_GAP 6.0

/* Height of one reach row at width w. */
static double row_height(sheet_r *r, const sheet_reach_row *q, double w)
{
    double lw = w * 0.46;
    double h = sheet_txt_height(r, SH_LABEL, q->label, lw, 1);
    h += sheet_txt_height(r, SH_TINY, q->counts ? q->counts : "", lw, 2);
    h += sheet_txt_height(r, SH_TINY, q->position_text ? q->position_text : "",
                          lw, 1);
    return fmax(h, 26);
}

/* Draws one reach row at (x, y, w) on the shared scale 0..smax. */
static void row_draw(sheet_r *r, const sheet_reach_row *q, double x, double y,
                     double w, double smax)
{
    cairo_t *cr = r->cr;
    double lw = w * 0.46, gx = x + lw + 8, gw = w - lw - 8;
    double ty = y;
    ty += sheet_txt_draw(r, SH_LABEL, q->label, x, ty, lw, 1, SH_LEFT);
    if (q->counts)
        ty += sheet_txt_draw(r, SH_TINY, q->counts, x, ty, lw, 2, SH_LEFT);
    if (q->position_text) {
        draw_rgb col = q->position == -2 ? SH_WORSE : SH_INK2;
        sheet_txt(r, SH_TINY, q->position_text, lw, 1, SH_LEFT);
        sheet_txt_show(r, SH_TINY, x, ty, &col);
    }
    /* the scale: value text above, dot and whisker on a thin line */
    char buf[96], lo[48], hi[48];
    int dec = q->decimals >= 0 ? q->decimals : 1;
    double ly = y + 17;
    sheet_hrule(cr, gx, gx + gw, ly, 0.5, DRAW_HEX(0xd6d6d6));
#define SX(v) (gx + fmin(fmax((v), 0), smax) / smax * gw)
    if (!q->area_miss && isfinite(q->area_rate)) {
        double ax = SX(q->area_rate);
        double dash[] = {2.0, 1.5};
        cairo_set_dash(cr, dash, 2, 0);
        draw_set_rgb(cr, DRAW_HEX(0xb33020));
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, ax, ly - 6);
        cairo_line_to(cr, ax, ly + 6);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        if (q->area_label) {
            sheet_txt(r, SH_TINY, q->area_label, 0, 0, SH_LEFT);
            double tw, th;
            sheet_txt_size(r, &tw, &th);
            sheet_txt_show(r, SH_TINY, fmin(ax + 2, gx + gw - tw), ly + 5, NULL);
        }
    }
    if (q->miss) {
        sheet_txt(r, SH_MISS, q->miss_text ? q->miss_text : r->w->unknown, gw,
                  1, SH_LEFT);
        sheet_txt_show(r, SH_MISS, gx, y, NULL);
        return;
    }
    double x0 = SX(q->lo), x1 = SX(q->hi), xv = SX(q->rate);
    draw_set_rgb(cr, SH_INK);
    cairo_set_line_width(cr, 0.9);
    cairo_move_to(cr, x0, ly);
    cairo_line_to(cr, x1, ly);
    cairo_move_to(cr, x0, ly - 3);
    cairo_line_to(cr, x0, ly + 3);
    cairo_move_to(cr, x1, ly - 3);
    cairo_line_to(cr, x1, ly + 3);
    cairo_stroke(cr);
    draw_set_rgb(cr, q->position == -2 ? SH_WORSE : SH_ACCENT);
    cairo_new_path(cr);
    cairo_arc(cr, xv, ly, 3.2, 0, 2 * M_PI);
    cairo_fill(cr);
    sheet_fmt(r, q->rate, dec, q->unit, buf, sizeof buf);
    sheet_fmt(r, q->lo, dec, NULL, lo, sizeof lo);
    sheet_fmt(r, q->hi, dec, q->unit, hi, sizeof hi);
    char text[220];
    snprintf(text, sizeof text, "%s  (%s – %s)", buf, lo, hi);
    sheet_txt(r, SH_CHART_VALUE, text, gw, 1, SH_LEFT);
    double tw, th;
    sheet_txt_size(r, &tw, &th);
    sheet_txt_show(r, SH_CHART_VALUE, fmin(fmax(gx, xv - tw / 2), gx + gw - tw),
                   ly - 6 - th, NULL);
#undef SX
}

/* Height (and drawing) of the contributions chart at (x, y, w). */
static double why_do(sheet_r *r, const sheet_reach_why *q, double x, double y,
                     double w, double pitch, int draw)
{
    cairo_t *cr = r->cr;
    double y0 = y;
    if (q->title)
        y += (draw ? sheet_txt_draw(r, SH_CHART_TITLE, q->title, x, y, w, 2,
                                    SH_LEFT)
                   : sheet_txt_height(r, SH_CHART_TITLE, q->title, w, 2)) + 4;
    double vmax = 0.5;
    for (size_t i = 0; i < q->n; i++)
        if (!(q->miss && q->miss[i]) && isfinite(q->values[i]))
            vmax = fmax(vmax, fabs(q->values[i]));
    if (!q->total_miss && isfinite(q->total))
        vmax = fmax(vmax, fabs(q->total));
    double lw = w * 0.36, vw = 26, bx = x + lw + 4, bw = w - lw - 4 - vw;
    double zero = bx + bw / 2, bh = fmin(pitch * 0.6, 7.5);
    size_t rows = q->n + 1;
    if (draw) {
        for (size_t i = 0; i < rows; i++) {
            int total = i == q->n;
            double mid = y + (double)i * pitch + pitch / 2 + (total ? 3 : 0);
            const char *lab = total ? q->total_label : q->labels[i];
            sheet_txt(r, total ? SH_LABEL : SH_CHART_LABEL, lab ? lab : "", lw,
                      1, SH_LEFT);
            double th;
            sheet_txt_size(r, NULL, &th);
            sheet_txt_show(r, total ? SH_LABEL : SH_CHART_LABEL, x,
                           mid - th / 2, NULL);
            double v = total ? q->total : q->values[i];
            int miss = total ? q->total_miss
                             : (q->miss && q->miss[i]) || !isfinite(v);
            if (miss) {
                sheet_txt(r, SH_MISS, q->miss_text ? q->miss_text : r->w->unknown,
                          bw + vw, 1, SH_LEFT);
                sheet_txt_size(r, NULL, &th);
                sheet_txt_show(r, SH_MISS, bx, mid - th / 2, NULL);
                continue;
            }
            double len = v / vmax * (bw / 2);
            draw_set_rgb(cr, total ? SH_ACCENT : v > 0 ? SH_WORSE : SH_BAR);
            cairo_rectangle(cr, fmin(zero, zero + len), mid - bh / 2,
                            fabs(len), bh);
            cairo_fill(cr);
            char buf[48];
            sheet_fmt(r, v, 1, NULL, buf, sizeof buf);
            sheet_txt(r, SH_CHART_VALUE, buf, 0, 0, SH_LEFT);
            double tw;
            sheet_txt_size(r, &tw, &th);
            sheet_txt_show(r, SH_CHART_VALUE, bx + bw + 3, mid - th / 2, NULL);
        }
        draw_set_rgb(cr, SH_INK2);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, zero, y);
        cairo_line_to(cr, zero, y + (double)rows * pitch + 3);
        cairo_stroke(cr);
    }
    y += (double)rows * pitch + 3;
    return y - y0;
}

double sheet_reach_do(sheet_r *r, const sheet_unit *u, double x, double y,
                      double w, double pitch, int draw)
{
    if (u->n_reach == 0 && !u->why)
        return 0;
    double y0 = y;
    y += sheet_section(r, u->reach_title ? u->reach_title : "", x, y, w, draw) + 8;
    int two = u->n_reach > 0 && u->why;
    double gap = 22, lw = two ? (w - gap) * 0.6 : w;
    double rw = two ? w - gap - lw : w;
    double smax = 0;
    for (size_t i = 0; i < u->n_reach; i++) {
        const sheet_reach_row *q = &u->reach[i];
        if (!q->miss && isfinite(q->hi))
            smax = fmax(smax, q->hi);
        if (!q->area_miss && isfinite(q->area_rate))
            smax = fmax(smax, q->area_rate);
    }
    smax = smax > 0 ? smax * 1.1 : 1;
    double hl = 0;
    for (size_t i = 0; i < u->n_reach; i++) {
        double h = row_height(r, &u->reach[i], lw);
        if (draw)
            row_draw(r, &u->reach[i], x, y + hl, lw, smax);
        hl += h + (i + 1 < u->n_reach ? ROW_GAP : 0);
    }
    double hr = u->why ? why_do(r, u->why, x + (two ? lw + gap : 0),
                                y + (two ? 0 : hl + (hl > 0 ? ROW_GAP : 0)),
                                rw, pitch, draw)
                       : 0;
    y += two ? fmax(hl, hr) : hl + (hl > 0 && hr > 0 ? ROW_GAP : 0) + hr;
    return y - y0;
}
