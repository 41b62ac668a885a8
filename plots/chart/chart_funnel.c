/* chart_funnel.c - funnel plots; see chart_funnel.h. */
#include "chart_funnel.h"

#include "chart_page.h"
#include "err.h"
#include "mem.h"
#include "numfmt.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define SIGNAL 0.80, 0.25, 0.0  /* flagged units (orange-red, also dark) */
#define DOT 0.17, 0.37, 0.62
#define LIMIT 0.35, 0.35, 0.35

/* A "nice" tick step for a range, about `want` ticks. */
static double nice_step(double range, int want)
{
    double raw = range / want, mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

/* Draws text s at (x, y) with the given anchor (0 left, 1 centre, 2 right)
 * and vertical centring. -1 on OOM. */
static int put(text_ctx *tc, cairo_t *cr, const char *s, double size, int bold,
               double x, double y, int anchor, double r, double g, double b)
{
    PangoLayout *l = text_layout(tc, s, size, bold, -1, TEXT_LEFT);
    if (!l)
        return -1;
    double tw, th;
    text_size(l, &tw, &th);
    text_draw(cr, l, x - (anchor == 1 ? tw / 2 : anchor == 2 ? tw : 0),
              y - th / 2, r, g, b);
    g_object_unref(l);
    return 0;
}

/* One limit curve as a polyline in plot coordinates. */
static void curve(cairo_t *cr, const funnel_spec *s, const double *lim,
                  double (*px)(const void *, double), double (*py)(const void *, double),
                  const void *ax)
{
    for (size_t k = 0; k < s->n_curve; k++) {
        double x = px(ax, s->curve_base[k]), y = py(ax, lim[k]);
        if (k == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
}

typedef struct {
    double x0, y0, w, h;     /* plot box (points; y0 top) */
    double xmin, xmax, ymin, ymax;
} axes;

static double ax_x(const void *a, double v)
{
    const axes *A = a;
    return A->x0 + (v - A->xmin) / (A->xmax - A->xmin) * A->w;
}

static double ax_y(const void *a, double v)
{
    const axes *A = a;
    return A->y0 + A->h - (v - A->ymin) / (A->ymax - A->ymin) * A->h;
}

int chart_funnel_render(const funnel_spec *s, const char *path,
                        page_format fmt)
{
    size_t shown = 0;
    for (size_t k = 0; k < s->n; k++)
        shown += s->shown[k] != 0;
    if (shown == 0 || s->n_curve < 2) {
        err_set(ERR_RENDER, path, 0, NULL, "a funnel plot needs at least one "
                "unit with a value and a limit curve");
        return -1;
    }
    numfmt_lang lang = s->language && !strcmp(s->language, "en") ? NUMFMT_EN
                                                                 : NUMFMT_NL;
    page_size ps;
    if (page_parse("A4", 1, s->dpi > 0 ? s->dpi : 300, &ps) < 0)
        return -1;
    text_ctx *tc;
    page_out *po = chart_page_begin(&ps, fmt, path, s->title, s->meta, &tc);
    if (!po)
        return -1;
    cairo_t *cr = page_cairo(po);
    int rc = tc ? 0 : -1;
    double y = MARGIN, w = ps.w_pt - 2 * MARGIN;
    if (rc == 0)
        rc = chart_heading(tc, cr, s->title, s->subtitle, 1, w, &y);
    /* axes ranges */
    axes A;
    A.xmin = 0;
    A.xmax = 0;
    A.ymin = 0;
    A.ymax = s->centre;
    for (size_t k = 0; k < s->n; k++)
        if (s->shown[k]) {
            A.xmax = fmax(A.xmax, s->base[k]);
            A.ymax = fmax(A.ymax, s->rate[k]);
        }
    double ycap = A.ymax * 1.08 + 1e-9;
    for (size_t k = 0; k < s->n_curve; k++)
        if (s->curve_base[k] >= A.xmax * 0.03)
            ycap = fmax(ycap, fmin(s->hi998[k], A.ymax * 1.6));
    A.ymax = ycap;
    if (A.xmax <= 0)
        A.xmax = 1;
    double xs = nice_step(A.xmax, 6), ys = nice_step(A.ymax, 6);
    A.xmax = ceil(A.xmax / xs) * xs;
    A.ymax = ceil(A.ymax / ys) * ys;
    /* legend row */
    double ly = y + 10;
    if (rc == 0) {
        double lx = MARGIN;
        struct { const char *t; int kind; } items[] = {
            {s->centre_label, 0}, {s->l95_label, 1}, {s->l998_label, 2},
            {s->inside_label, 3}, {s->below_label, 4}};
        for (size_t k = 0; rc == 0 && k < 5; k++) {
            if (!items[k].t)
                continue;
            cairo_set_line_width(cr, items[k].kind == 0 ? 1.2 : 0.9);
            double dash[] = {3.0, 2.0};
            if (items[k].kind <= 2) {
                if (items[k].kind == 0)
                    cairo_set_source_rgb(cr, 0.75, 0.2, 0.15);
                else
                    cairo_set_source_rgb(cr, LIMIT);
                cairo_set_dash(cr, dash, items[k].kind == 1 ? 2 : 0, 0);
                cairo_move_to(cr, lx, ly);
                cairo_line_to(cr, lx + 18, ly);
                cairo_stroke(cr);
                cairo_set_dash(cr, NULL, 0, 0);
            } else {
                if (items[k].kind == 4)
                    cairo_set_source_rgb(cr, SIGNAL);
                else
                    cairo_set_source_rgb(cr, DOT);
                cairo_arc(cr, lx + 9, ly, items[k].kind == 4 ? 3.2 : 2.4, 0, 2 * M_PI);
                cairo_fill(cr);
            }
            PangoLayout *l = text_layout(tc, items[k].t, 8, 0, -1, TEXT_LEFT);
            if (!l) {
                rc = -1;
                break;
            }
            double tw, th;
            text_size(l, &tw, &th);
            text_draw(cr, l, lx + 22, ly - th / 2, MUTED);
            g_object_unref(l);
            lx += 22 + tw + 16;
        }
    }
    double foot = 40;
    A.x0 = MARGIN + 46;
    A.y0 = ly + 16;
    A.w = w - 46 - 8;
    A.h = ps.h_pt - MARGIN - foot - A.y0 - 28;
    /* grid and ticks */
    char buf[96];
    for (double v = 0; rc == 0 && v <= A.ymax + ys / 2; v += ys) {
        double py = ax_y(&A, v);
        cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, A.x0, py);
        cairo_line_to(cr, A.x0 + A.w, py);
        cairo_stroke(cr);
        numfmt_unit(v, ys < 1 ? (ys < 0.1 ? 2 : 1) : 0, s->unit, lang, buf, sizeof buf);
        rc = put(tc, cr, buf, 7.5, 0, A.x0 - 4, py, 2, MUTED);
    }
    for (double v = 0; rc == 0 && v <= A.xmax + xs / 2; v += xs) {
        double px = ax_x(&A, v);
        cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, px, A.y0);
        cairo_line_to(cr, px, A.y0 + A.h);
        cairo_stroke(cr);
        numfmt(v, xs < 1 ? 1 : 0, lang, buf, sizeof buf);
        rc = put(tc, cr, buf, 7.5, 0, px, A.y0 + A.h + 8, 1, MUTED);
    }
    if (rc == 0 && s->x_label)
        rc = put(tc, cr, s->x_label, 8.5, 0, A.x0 + A.w / 2, A.y0 + A.h + 22, 1, INK);
    if (rc == 0 && s->y_label) {
        cairo_save(cr);
        cairo_translate(cr, MARGIN - 4, A.y0 + A.h / 2);
        cairo_rotate(cr, -M_PI / 2);
        rc = put(tc, cr, s->y_label, 8.5, 0, 0, 0, 1, INK);
        cairo_restore(cr);
    }
    if (rc == 0) {
        cairo_save(cr);
        cairo_rectangle(cr, A.x0, A.y0, A.w, A.h);
        cairo_clip(cr);
        /* limits: 99.8 % solid, 95 % dashed */
        double dash[] = {3.0, 2.0};
        cairo_set_source_rgb(cr, LIMIT);
        cairo_set_line_width(cr, 0.9);
        curve(cr, s, s->lo998, ax_x, ax_y, &A);
        curve(cr, s, s->hi998, ax_x, ax_y, &A);
        cairo_set_dash(cr, dash, 2, 0);
        curve(cr, s, s->lo95, ax_x, ax_y, &A);
        curve(cr, s, s->hi95, ax_x, ax_y, &A);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_source_rgb(cr, 0.75, 0.2, 0.15);
        cairo_set_line_width(cr, 1.2);
        cairo_move_to(cr, A.x0, ax_y(&A, s->centre));
        cairo_line_to(cr, A.x0 + A.w, ax_y(&A, s->centre));
        cairo_stroke(cr);
        /* dots: the unflagged first, the flagged on top */
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < s->n; k++) {
                if (!s->shown[k] || (s->position[k] == -2) != pass)
                    continue;
                double px = ax_x(&A, s->base[k]), py = ax_y(&A, s->rate[k]);
                cairo_arc(cr, px, py, pass ? 3.2 : 2.4, 0, 2 * M_PI);
                if (pass)
                    cairo_set_source_rgb(cr, SIGNAL);
                else
                    cairo_set_source_rgba(cr, DOT, 0.8);
                cairo_fill_preserve(cr);
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_set_line_width(cr, 0.4);
                cairo_stroke(cr);
            }
        cairo_restore(cr);
        /* names of the flagged units, beside their dots: right, left,
         * above or below, the first place that overlaps no earlier name */
        double (*box)[4] = mem_alloc((s->n ? s->n : 1) * sizeof *box);
        size_t nbox = 0;
        if (!box)
            rc = err_oom("funnel labels");
        for (size_t k = 0; rc == 0 && k < s->n; k++) {
            if (!s->shown[k] || s->position[k] != -2)
                continue;
            double px = ax_x(&A, s->base[k]), py = ax_y(&A, s->rate[k]);
            PangoLayout *l = text_layout(tc, s->labels[k] ? s->labels[k] : "?",
                                         7, 1, -1, TEXT_LEFT);
            if (!l) {
                rc = -1;
                break;
            }
            double tw, th;
            text_size(l, &tw, &th);
            double cand[6][2] = {
                {px + 5, py - th / 2}, {px - 5 - tw, py - th / 2},
                {px - tw / 2, py - 4 - th}, {px - tw / 2, py + 4},
                {px + 5, py + th / 2 + 1}, {px - 5 - tw, py + th / 2 + 1}};
            int pick = 0;
            for (int q = 0; q < 6; q++) {
                double x0 = cand[q][0], y0 = cand[q][1];
                int clash = x0 < A.x0 || x0 + tw > A.x0 + A.w ||
                            y0 < A.y0 || y0 + th > A.y0 + A.h;
                for (size_t b = 0; !clash && b < nbox; b++)
                    clash = x0 < box[b][2] && x0 + tw > box[b][0] &&
                            y0 < box[b][3] && y0 + th > box[b][1];
                if (!clash) {
                    pick = q;
                    break;
                }
            }
            double tx = cand[pick][0], ty = cand[pick][1];
            box[nbox][0] = tx;
            box[nbox][1] = ty;
            box[nbox][2] = tx + tw;
            box[nbox][3] = ty + th;
            nbox++;
            text_draw_halo(cr, l, tx, ty, 2.0, SIGNAL);
            g_object_unref(l);
        }
        mem_free(box);
        cairo_set_source_rgb(cr, MUTED);
        cairo_set_line_width(cr, 0.6);
        cairo_rectangle(cr, A.x0, A.y0, A.w, A.h);
        cairo_stroke(cr);
    }
    const char *lines[3] = {s->note, s->source_line, s->provenance};
    const double line_pt[3] = {7.5, 7.5, 6};
    if (rc == 0)
        rc = chart_footer(tc, cr, lines, line_pt, 3, w,
                          ps.h_pt - MARGIN - foot + 8);
    return chart_page_end(po, tc, rc);
}
