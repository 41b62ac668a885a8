/* draw.c - the colour type, the context grey and the polygon primitive;
 * see draw.h. */
#include "draw.h"

#include <math.h>
#include <string.h>

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

void draw_extent_of(double ext[4], const double *bbox, size_t n)
{
    ext[0] = ext[1] = INFINITY;
    ext[2] = ext[3] = -INFINITY;
    for (size_t k = 0; k < n; k++)
        if (!isnan(bbox[4 * k]))
            draw_extent_add(ext, bbox + 4 * k);
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

/* Box thinning of a ring's points [*i, e): finds the next point kept -
 * finite, and (once n > 0 points are kept) not within tol in both x and y
 * of the last kept point (*lx, *ly), unless it is the ring's last point.
 * Returns 1 with its page position in (*lx, *ly) and *i past it, or 0 at
 * the end of the ring. */
static int box_next(const double *xy, uint64_t *i, uint64_t e,
                    const draw_xf *xf, double tol, int n, double *lx,
                    double *ly)
{
    for (; *i < e; (*i)++) {
        double X = xy[2 * *i], Y = xy[2 * *i + 1];
        if (!isfinite(X) || !isfinite(Y))
            continue;
        double px = xf->ox + (X - xf->x0) * xf->kx * xf->s;
        double py = xf->oy - (Y - xf->y0) * xf->s;
        if (n > 0 && fabs(px - *lx) < tol && fabs(py - *ly) < tol &&
            *i + 1 < e)
            continue;
        *lx = px, *ly = py;
        (*i)++;
        return 1;
    }
    return 0;
}

/* One ring with box thinning: the last point kept, non-finite points
 * skipped; no mask. */
static void ring_box(cairo_t *cr, const double *xy, uint64_t a, uint64_t e,
                     const draw_xf *xf, const draw_path *p)
{
    double lx = 0, ly = 0;
    int n = 0;
    for (uint64_t i = a; box_next(xy, &i, e, xf, p->tol, n, &lx, &ly); n++) {
        if (n == 0)
            cairo_move_to(cr, lx, ly);
        else
            cairo_line_to(cr, lx, ly);
    }
    if (n > 0)
        cairo_close_path(cr);
}

/* ---- box thinning with rounding and rectangle clipping ----
 *
 * The thinned points of a ring are pushed through four clip stages (one
 * per rectangle edge; Sutherland-Hodgman as a pipeline, each stage keeping
 * only its first and previous point) into a sink that rounds them to the
 * grid, drops repeats and points in the middle of a run along one clip
 * edge, and writes the path. */

typedef struct {
    double fx, fy, px, py; /* first and previous point */
    int fin, pin;          /* whether they are inside */
    long n;                /* points seen */
} clip_stage;

typedef struct {
    cairo_t *cr;
    const double *clip; /* NULL: no clipping (the stages pass through) */
    double grid;
    clip_stage st[4];
    /* sink: the last written point and one held back (it is dropped when
     * it lies between its neighbours on the same clip edge) */
    double lx, ly, hx, hy;
    int n_out, held;
} ring_sink;

/* Whether (x, y) is inside edge k of the rectangle c. */
static int clip_in(const double *c, int k, double x, double y)
{
    switch (k) {
    case 0: return x >= c[0];
    case 1: return x <= c[2];
    case 2: return y >= c[1];
    default: return y <= c[3];
    }
}

/* The crossing of segment (ax, ay)-(bx, by) with edge k of c. */
static void clip_cross(const double *c, int k, double ax, double ay,
                       double bx, double by, double *x, double *y)
{
    if (k < 2) {
        double v = k == 0 ? c[0] : c[2];
        *x = v;
        *y = ay + (by - ay) * (v - ax) / (bx - ax);
    } else {
        double v = k == 2 ? c[1] : c[3];
        *x = ax + (bx - ax) * (v - ay) / (by - ay);
        *y = v;
    }
}

/* Whether point (x, y) lies on the line of any clip edge. */
static int on_edge(const ring_sink *s, double ax, double ay, double bx,
                   double by, double cx, double cy)
{
    if (!s->clip)
        return 0;
    const double *c = s->clip;
    double g = s->grid;
    double e[4] = {c[0], c[2], c[1], c[3]};
    for (int k = 0; k < 4; k++) {
        double v = g > 0 ? round(e[k] / g) * g : e[k];
        if (k < 2 && ax == v && bx == v && cx == v)
            return 1;
        if (k >= 2 && ay == v && by == v && cy == v)
            return 1;
    }
    return 0;
}

/* Writes point (x, y) of the clipped ring: rounded, repeats dropped, the
 * middle of three points on one clip edge dropped. */
static void sink_put(ring_sink *s, double x, double y)
{
    if (s->grid > 0) {
        x = round(x / s->grid) * s->grid;
        y = round(y / s->grid) * s->grid;
    }
    if (s->held) {
        if (x == s->hx && y == s->hy)
            return;
        if (on_edge(s, s->lx, s->ly, s->hx, s->hy, x, y)) {
            s->hx = x, s->hy = y; /* the held point was in the middle */
            return;
        }
        cairo_line_to(s->cr, s->hx, s->hy);
        s->lx = s->hx, s->ly = s->hy;
        s->hx = x, s->hy = y;
        s->n_out++;
        return;
    }
    if (s->n_out == 0) {
        cairo_move_to(s->cr, x, y);
        s->lx = x, s->ly = y;
        s->n_out = 1;
        return;
    }
    if (x == s->lx && y == s->ly)
        return;
    s->hx = x, s->hy = y;
    s->held = 1;
}

/* Pushes (x, y) into clip stage k (k == 4: the sink). */
static void clip_push(ring_sink *s, int k, double x, double y)
{
    if (k == 4 || !s->clip) {
        sink_put(s, x, y);
        return;
    }
    clip_stage *st = &s->st[k];
    int in = clip_in(s->clip, k, x, y);
    if (st->n == 0) {
        st->fx = x, st->fy = y, st->fin = in;
    } else if (in != st->pin) {
        double ix, iy;
        clip_cross(s->clip, k, st->px, st->py, x, y, &ix, &iy);
        clip_push(s, k + 1, ix, iy);
    }
    if (in)
        clip_push(s, k + 1, x, y);
    st->px = x, st->py = y, st->pin = in;
    st->n++;
}

/* Ends the ring in stage k and after: each stage adds the crossing of its
 * closing edge; the sink writes its held point and closes the path. */
static void clip_close(ring_sink *s, int k)
{
    if (k < 4 && s->clip) {
        clip_stage *st = &s->st[k];
        if (st->n > 0 && st->pin != st->fin) {
            double ix, iy;
            clip_cross(s->clip, k, st->px, st->py, st->fx, st->fy, &ix, &iy);
            clip_push(s, k + 1, ix, iy);
        }
        clip_close(s, k + 1);
        return;
    }
    if (s->held)
        cairo_line_to(s->cr, s->hx, s->hy);
    if (s->n_out > 0)
        cairo_close_path(s->cr);
}

/* One ring with box thinning (as ring_box: the last point kept, non-finite
 * points skipped), then rounding and clipping (draw_clip). */
static void ring_box_clip(cairo_t *cr, const double *xy, uint64_t a,
                          uint64_t e, const draw_xf *xf, const draw_path *p,
                          const draw_clip *c)
{
    ring_sink s;
    memset(&s, 0, sizeof s);
    s.cr = cr;
    s.clip = c->rect;
    s.grid = c->grid;
    double lx = 0, ly = 0;
    int n = 0;
    for (uint64_t i = a; box_next(xy, &i, e, xf, p->tol, n, &lx, &ly); n++)
        clip_push(&s, 0, lx, ly);
    if (n > 0)
        clip_close(&s, 0);
}

void draw_poly_path_clip(cairo_t *cr, const tbl_col *g, size_t r,
                         const draw_xf *xf, const draw_path *p,
                         const draw_clip *c)
{
    for (uint64_t pt = g->row_part[r]; pt < g->row_part[r + 1]; pt++) {
        for (uint64_t k = g->part_ring[pt]; k < g->part_ring[pt + 1]; k++) {
            uint64_t a = g->ring_pt[k], e = g->ring_pt[k + 1];
            if (e - a >= 3)
                ring_box_clip(cr, g->xy, a, e, xf, p, c);
        }
    }
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
