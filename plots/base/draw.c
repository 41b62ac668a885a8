/* draw.c - the colour type, the context grey and the polygon primitive;
 * see draw.h. */
#include "draw.h"

#include <math.h>

draw_rgb draw_rgb_of(pal_rgb c)
{
    return (draw_rgb){c.r / 255.0, c.g / 255.0, c.b / 255.0};
}

void draw_set_rgb(cairo_t *cr, draw_rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

void draw_extent_add(double ext[4], const double b[4])
{
    ext[0] = fmin(ext[0], b[0]);
    ext[1] = fmin(ext[1], b[1]);
    ext[2] = fmax(ext[2], b[2]);
    ext[3] = fmax(ext[3], b[3]);
}

/* One ring, points a..e-1, with Euclidean thinning (the last point may be
 * dropped: closing the path returns to the first). */
static void ring_radius(cairo_t *cr, const double *xy, uint64_t a, uint64_t e,
                        const draw_xf *xf, const draw_path *p)
{
    double tol2 = p->tol * p->tol, hr = p->mask_r;
    hl_mask *mk = p->mask;
    double fx = xf->ox + (xy[2 * a] - xf->x0) * xf->kx * xf->s;
    double fy = xf->oy - (xy[2 * a + 1] - xf->y0) * xf->s;
    double lx = fx, ly = fy;
    cairo_move_to(cr, lx, ly);
    for (uint64_t q = a + 1; q < e; q++) {
        double x = xf->ox + (xy[2 * q] - xf->x0) * xf->kx * xf->s;
        double y = xf->oy - (xy[2 * q + 1] - xf->y0) * xf->s;
        double dx = x - lx, dy = y - ly;
        if (dx * dx + dy * dy < tol2)
            continue;
        cairo_line_to(cr, x, y);
        if (mk)
            hl_segment(mk, lx, ly, x, y, hr);
        lx = x;
        ly = y;
    }
    cairo_close_path(cr);
    if (mk && (lx != fx || ly != fy))
        hl_segment(mk, lx, ly, fx, fy, hr);
}

/* One ring with box thinning: the last point kept, non-finite points
 * skipped; no mask. */
static void ring_box(cairo_t *cr, const double *xy, uint64_t a, uint64_t e,
                     const draw_xf *xf, const draw_path *p)
{
    double lx = 0, ly = 0;
    int n = 0;
    for (uint64_t i = a; i < e; i++) {
        double X = xy[2 * i], Y = xy[2 * i + 1];
        if (!isfinite(X) || !isfinite(Y))
            continue;
        double px = xf->ox + (X - xf->x0) * xf->kx * xf->s;
        double py = xf->oy - (Y - xf->y0) * xf->s;
        if (n == 0) {
            cairo_move_to(cr, px, py);
        } else if (fabs(px - lx) < p->tol && fabs(py - ly) < p->tol &&
                   i + 1 < e) {
            continue;
        } else {
            cairo_line_to(cr, px, py);
        }
        lx = px, ly = py;
        n++;
    }
    if (n > 0)
        cairo_close_path(cr);
}

void draw_poly_path(cairo_t *cr, const tbl_col *g, size_t r,
                    const draw_xf *xf, const draw_path *p)
{
    for (uint64_t pt = g->row_part[r]; pt < g->row_part[r + 1]; pt++) {
        for (uint64_t k = g->part_ring[pt]; k < g->part_ring[pt + 1]; k++) {
            uint64_t a = g->ring_pt[k], e = g->ring_pt[k + 1];
            if (e - a < 3)
                continue;
            if (p->box)
                ring_box(cr, g->xy, a, e, xf, p);
            else
                ring_radius(cr, g->xy, a, e, xf, p);
        }
    }
}

void draw_poly_paint(cairo_t *cr, const draw_style *st)
{
    draw_set_rgb(cr, st->fill);
    cairo_fill_preserve(cr);
    if (st->pattern) {
        cairo_set_source(cr, st->pattern);
        cairo_fill_preserve(cr);
    }
    if (st->line_w > 0) {
        draw_set_rgb(cr, st->line);
        cairo_set_line_width(cr, st->line_w);
        cairo_stroke(cr);
    } else {
        cairo_new_path(cr);
    }
}
