/* map_labels.c - label placement. Big areas first; each label sits in its
 * (largest) polygon part at the centre of the largest inscribed ellipse of
 * the label's aspect, found with the grid search of Mapbox's polylabel on
 * the polygon squashed vertically, and is kept only when its text box lies
 * inside that polygon (no ring crosses it), inside the map frame and clear
 * of every label placed before (a uniform grid over the frame finds the
 * neighbours). A label that does not fit on one line is tried again wrapped
 * on two; what still does not fit is dropped. Drawn with a white halo.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "map_int.h"
#include "mem.h"

#define FS_LABEL 6.2

/* A polygon part in page points: rings as runs of points. */
typedef struct {
    double *pt;     /* x,y interleaved */
    size_t *ring;   /* ring k: points [ring[k], ring[k+1]) */
    size_t n_pt, n_ring, cap_pt, cap_ring;
} poly;

typedef struct {
    double x, y, w, h;
} box;

typedef struct {
    size_t row;
    double area;   /* area of the row (m2), for ordering */
    uint64_t part; /* the largest part */
} cand;

/* Uniform grid of placed label boxes. */
typedef struct {
    double x0, y0, cell;
    int gw, gh;
    int *head;      /* first node per cell, -1 = none */
    int *next;      /* per node */
    int *box_of;    /* per node: index into boxes */
    size_t n_node, cap_node;
    box *boxes;
    size_t n_box, cap_box;
} grid;

/* --- polygon helpers ----------------------------------------------------- */

/* Signed area (shoelace) of ring [a, b) of g in metres squared. */
static double ring_area(const tbl_col *g, uint64_t a, uint64_t b)
{
    double s = 0;
    for (uint64_t i = a; i + 1 < b; i++)
        s += g->xy[2 * i] * g->xy[2 * i + 3] - g->xy[2 * i + 2] * g->xy[2 * i + 1];
    if (b > a) /* close the ring when the last point is not the first */
        s += g->xy[2 * (b - 1)] * g->xy[2 * a + 1] - g->xy[2 * a] * g->xy[2 * (b - 1) + 1];
    return s / 2;
}

/* Makes the array at pp (a pointer to the array pointer; *cap elements of
 * el bytes) hold at least need elements, growing it to twice need (at
 * least first). Returns 0, or -1 on OOM (the array stays as it was). */
static int reserve(void *pp, size_t *cap, size_t need, size_t first,
                   size_t el)
{
    if (need <= *cap)
        return 0;
    size_t nc = need * 2 < first ? first : need * 2;
    void *p;
    memcpy(&p, pp, sizeof p);
    void *np = mem_realloc(p, nc * el);
    if (!np)
        return -1;
    memcpy(pp, &np, sizeof np);
    *cap = nc;
    return 0;
}

/* Area of part p (outer minus holes, absolute values). */
static double part_area(const tbl_col *g, uint64_t p)
{
    double a = 0;
    for (uint64_t k = g->part_ring[p]; k < g->part_ring[p + 1]; k++) {
        double ra = fabs(ring_area(g, g->ring_pt[k], g->ring_pt[k + 1]));
        a += k == g->part_ring[p] ? ra : -ra;
    }
    return a;
}

/* Converts part p of g to page points in pg (simplified to tol points).
 * Returns 0 or -1 on OOM. */
static int poly_from_part(poly *pg, const tbl_col *g, uint64_t p,
                          const map_xf *xf, double tol)
{
    pg->n_pt = pg->n_ring = 0;
    for (uint64_t k = g->part_ring[p]; k < g->part_ring[p + 1]; k++) {
        uint64_t a = g->ring_pt[k], b = g->ring_pt[k + 1];
        size_t need = pg->n_pt + (size_t)(b - a) + 1;
        if (reserve(&pg->pt, &pg->cap_pt, need, 0, 2 * sizeof *pg->pt) < 0 ||
            reserve(&pg->ring, &pg->cap_ring, pg->n_ring + 2, 0,
                    sizeof *pg->ring) < 0)
            return -1;
        size_t start = pg->n_pt;
        double lx = 0, ly = 0;
        for (uint64_t i = a; i < b; i++) {
            double x = xf->ax + g->xy[2 * i] * xf->sx;
            double y = xf->ay - g->xy[2 * i + 1] * xf->sx;
            if (i > a && (x - lx) * (x - lx) + (y - ly) * (y - ly) < tol * tol &&
                i + 1 < b)
                continue;
            pg->pt[2 * pg->n_pt] = x;
            pg->pt[2 * pg->n_pt + 1] = y;
            pg->n_pt++;
            lx = x;
            ly = y;
        }
        if (pg->n_pt - start < 3) {
            pg->n_pt = start; /* degenerate at this scale */
            continue;
        }
        pg->ring[pg->n_ring] = start;
        pg->n_ring++;
        pg->ring[pg->n_ring] = pg->n_pt;
    }
    return 0;
}

/* Squared distance from (px, py) to segment a-b. */
static double seg_dist2(double px, double py, double ax, double ay, double bx,
                        double by)
{
    double dx = bx - ax, dy = by - ay;
    double t = 0, l2 = dx * dx + dy * dy;
    if (l2 > 0) {
        t = ((px - ax) * dx + (py - ay) * dy) / l2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
    }
    double ex = ax + t * dx - px, ey = ay + t * dy - py;
    return ex * ex + ey * ey;
}

/* Signed distance from (x, y) to the polygon's boundary: positive inside
 * (even-odd over all rings, so holes are outside). */
static double poly_dist(const poly *pg, double x, double y)
{
    int inside = 0;
    double best = INFINITY;
    for (size_t k = 0; k < pg->n_ring; k++) {
        size_t a = pg->ring[k], b = pg->ring[k + 1];
        for (size_t i = a, j = b - 1; i < b; j = i++) {
            double xi = pg->pt[2 * i], yi = pg->pt[2 * i + 1];
            double xj = pg->pt[2 * j], yj = pg->pt[2 * j + 1];
            if ((yi > y) != (yj > y) &&
                x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
            double d = seg_dist2(x, y, xi, yi, xj, yj);
            if (d < best)
                best = d;
        }
    }
    return (inside ? 1 : -1) * sqrt(best);
}

/* Does segment a-b touch the box? (Liang-Barsky clipping.) */
static int seg_hits_box(double ax, double ay, double bx, double by,
                        const box *r)
{
    double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {ax - r->x, r->x + r->w - ax, ay - r->y, r->y + r->h - ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
        } else {
            double t = q[i] / p[i];
            if (p[i] < 0) {
                if (t > t1)
                    return 0;
                if (t > t0)
                    t0 = t;
            } else {
                if (t < t0)
                    return 0;
                if (t < t1)
                    t1 = t;
            }
        }
    }
    return 1;
}

/* Is the box inside the polygon: centre inside and no ring edge touching
 * the box (a hole inside the box has edges in it, so it fails too). */
static int box_in_poly(const poly *pg, const box *r)
{
    if (poly_dist(pg, r->x + r->w / 2, r->y + r->h / 2) <= 0)
        return 0;
    for (size_t k = 0; k < pg->n_ring; k++) {
        size_t a = pg->ring[k], b = pg->ring[k + 1];
        for (size_t i = a, j = b - 1; i < b; j = i++)
            if (seg_hits_box(pg->pt[2 * j], pg->pt[2 * j + 1], pg->pt[2 * i],
                             pg->pt[2 * i + 1], r))
                return 0;
    }
    return 1;
}

/* --- polylabel ----------------------------------------------------------- */

typedef struct {
    double x, y, h, d, max;
} cell;

/* Pushes a cell on the max-heap ordered by max. Returns 0 or -1 on OOM. */
static int heap_push(cell **hp, size_t *n, size_t *cap, cell c)
{
    if (reserve(hp, cap, *n + 1, 64, sizeof **hp) < 0)
        return -1;
    cell *h = *hp;
    size_t i = (*n)++;
    while (i > 0 && h[(i - 1) / 2].max < c.max) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = c;
    return 0;
}

/* Removes and returns the cell with the largest max (n > 0). */
static cell heap_pop(cell *h, size_t *n)
{
    cell top = h[0], last = h[--(*n)];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *n)
            break;
        if (c + 1 < *n && h[c + 1].max > h[c].max)
            c++;
        if (h[c].max <= last.max)
            break;
        h[i] = h[c];
        i = c;
    }
    if (*n)
        h[i] = last;
    return top;
}

/* A search cell centred at (x, y) with half size h: its distance to the
 * polygon and the best distance any point in it could have. */
static cell make_cell(const poly *pg, double x, double y, double h)
{
    cell c = {x, y, h, poly_dist(pg, x, y), 0};
    c.max = c.d + h * M_SQRT2;
    return c;
}

/* Pole of inaccessibility of pg to within precision points: the inside
 * point farthest from the boundary. Returns 0 (result in *out) or -1 on
 * OOM. The search is capped, so a pathological ring cannot run away. */
static int polylabel(const poly *pg, double precision, cell *out)
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    size_t outer_end = pg->ring[1];
    for (size_t i = 0; i < outer_end; i++) {
        x0 = fmin(x0, pg->pt[2 * i]);
        y0 = fmin(y0, pg->pt[2 * i + 1]);
        x1 = fmax(x1, pg->pt[2 * i]);
        y1 = fmax(y1, pg->pt[2 * i + 1]);
    }
    double size = fmin(x1 - x0, y1 - y0);
    *out = make_cell(pg, (x0 + x1) / 2, (y0 + y1) / 2, 0);
    if (size <= 0)
        return 0;
    double h = size / 2;
    cell *heap = NULL;
    size_t n = 0, cap = 0;
    for (double x = x0; x < x1; x += size)
        for (double y = y0; y < y1; y += size)
            if (heap_push(&heap, &n, &cap, make_cell(pg, x + h, y + h, h)) < 0)
                goto oom;
    /* the area centroid of the outer ring is a good first guess */
    double cx = 0, cy = 0, a2 = 0;
    for (size_t i = 0, j = outer_end - 1; i < outer_end; j = i++) {
        double f = pg->pt[2 * i] * pg->pt[2 * j + 1] - pg->pt[2 * j] * pg->pt[2 * i + 1];
        cx += (pg->pt[2 * i] + pg->pt[2 * j]) * f;
        cy += (pg->pt[2 * i + 1] + pg->pt[2 * j + 1]) * f;
        a2 += f * 3;
    }
    if (a2 != 0) {
        cell c = make_cell(pg, cx / a2, cy / a2, 0);
        if (c.d > out->d)
            *out = c;
    }
    size_t visited = 0;
    while (n && visited++ < 4000) {
        cell c = heap_pop(heap, &n);
        if (c.d > out->d)
            *out = c;
        if (c.max - out->d <= precision)
            continue;
        double hh = c.h / 2;
        if (heap_push(&heap, &n, &cap, make_cell(pg, c.x - hh, c.y - hh, hh)) < 0 ||
            heap_push(&heap, &n, &cap, make_cell(pg, c.x + hh, c.y - hh, hh)) < 0 ||
            heap_push(&heap, &n, &cap, make_cell(pg, c.x - hh, c.y + hh, hh)) < 0 ||
            heap_push(&heap, &n, &cap, make_cell(pg, c.x + hh, c.y + hh, hh)) < 0)
            goto oom;
    }
    mem_free(heap);
    return 0;
oom:
    mem_free(heap);
    return -1;
}

/* --- collision grid ------------------------------------------------------ */

/* Sets up an empty grid over area with square cells of cell_sz points.
 * Returns 0 or -1 on OOM (caller sets the error). */
static int grid_init(grid *gr, const map_box *area, double cell_sz)
{
    memset(gr, 0, sizeof *gr);
    gr->x0 = area->x;
    gr->y0 = area->y;
    gr->cell = cell_sz;
    gr->gw = (int)ceil(area->w / cell_sz) + 1;
    gr->gh = (int)ceil(area->h / cell_sz) + 1;
    gr->head = mem_alloc((size_t)gr->gw * (size_t)gr->gh * sizeof *gr->head);
    if (!gr->head)
        return -1;
    for (int i = 0; i < gr->gw * gr->gh; i++)
        gr->head[i] = -1;
    return 0;
}

/* Frees the grid's arrays. */
static void grid_free(grid *gr)
{
    MEM_FREE_ALL(gr->head, gr->next, gr->box_of, gr->boxes);
}

/* Cell range covered by a box, clamped to the grid. */
static void grid_span(const grid *gr, const box *b, int *cx0, int *cy0,
                      int *cx1, int *cy1)
{
    *cx0 = (int)floor((b->x - gr->x0) / gr->cell);
    *cy0 = (int)floor((b->y - gr->y0) / gr->cell);
    *cx1 = (int)floor((b->x + b->w - gr->x0) / gr->cell);
    *cy1 = (int)floor((b->y + b->h - gr->y0) / gr->cell);
    *cx0 = *cx0 < 0 ? 0 : *cx0 >= gr->gw ? gr->gw - 1 : *cx0;
    *cx1 = *cx1 < 0 ? 0 : *cx1 >= gr->gw ? gr->gw - 1 : *cx1;
    *cy0 = *cy0 < 0 ? 0 : *cy0 >= gr->gh ? gr->gh - 1 : *cy0;
    *cy1 = *cy1 < 0 ? 0 : *cy1 >= gr->gh ? gr->gh - 1 : *cy1;
}

/* Does b overlap any placed box? */
static int grid_hits(const grid *gr, const box *b)
{
    int cx0, cy0, cx1, cy1;
    grid_span(gr, b, &cx0, &cy0, &cx1, &cy1);
    for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++)
            for (int nd = gr->head[cy * gr->gw + cx]; nd >= 0; nd = gr->next[nd]) {
                const box *o = &gr->boxes[gr->box_of[nd]];
                if (b->x < o->x + o->w && o->x < b->x + b->w &&
                    b->y < o->y + o->h && o->y < b->y + b->h)
                    return 1;
            }
    return 0;
}

/* Adds a box to the grid. Returns 0 or -1 on OOM. */
static int grid_add(grid *gr, const box *b)
{
    if (reserve(&gr->boxes, &gr->cap_box, gr->n_box + 1, 64,
                sizeof *gr->boxes) < 0)
        return -1;
    int bi = (int)gr->n_box;
    gr->boxes[gr->n_box++] = *b;
    int cx0, cy0, cx1, cy1;
    grid_span(gr, b, &cx0, &cy0, &cx1, &cy1);
    for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++) {
            size_t cap_next = gr->cap_node; /* next and box_of grow together */
            if (reserve(&gr->next, &cap_next, gr->n_node + 1, 256,
                        sizeof *gr->next) < 0 ||
                reserve(&gr->box_of, &gr->cap_node, gr->n_node + 1, 256,
                        sizeof *gr->box_of) < 0)
                return -1;
            int nd = (int)gr->n_node++;
            gr->box_of[nd] = bi;
            gr->next[nd] = gr->head[cy * gr->gw + cx];
            gr->head[cy * gr->gw + cx] = nd;
        }
    return 0;
}

/* --- placement ----------------------------------------------------------- */

/* Orders candidates by area, largest first (row number breaks ties). */
static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->area != y->area)
        return x->area < y->area ? 1 : -1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Tries to place layout l inside pg. The box is wide, so instead of the
 * largest inscribed circle it looks for the largest inscribed ellipse of
 * the box's aspect: the pole of inaccessibility of the polygon squashed
 * vertically by w/h. An ellipse with horizontal semi-axis a holds the box
 * when a >= w/sqrt(2); otherwise the box is tested against the rings.
 * Returns 1 when it fits (box in *out), 0 when not, -1 on OOM. */
static int try_fit(const poly *pg, poly *sq, const grid *gr,
                   const map_box *frame, PangoLayout *l, double pad, box *out)
{
    double w, h;
    text_size(l, &w, &h);
    w += 2 * pad;
    h += 2 * pad;
    double ratio = w / h;
    if (sq->cap_pt < pg->n_pt) {
        double *np = mem_realloc(sq->pt, pg->n_pt * 2 * sizeof *np);
        if (!np)
            return -1;
        sq->pt = np;
        sq->cap_pt = pg->n_pt;
    }
    for (size_t i = 0; i < pg->n_pt; i++) {
        sq->pt[2 * i] = pg->pt[2 * i];
        sq->pt[2 * i + 1] = pg->pt[2 * i + 1] * ratio;
    }
    sq->n_pt = pg->n_pt;
    sq->ring = pg->ring; /* shared: same ring offsets */
    sq->n_ring = pg->n_ring;
    cell pole;
    if (polylabel(sq, 0.5, &pole) < 0)
        return -1;
    if (pole.d * M_SQRT2 < w * 0.5)
        return 0; /* not even the ellipse's inner box fits */
    double px = pole.x, py = pole.y / ratio;
    box b = {px - w / 2, py - h / 2, w, h};
    if (b.x < frame->x || b.y < frame->y || b.x + b.w > frame->x + frame->w ||
        b.y + b.h > frame->y + frame->h)
        return 0;
    if (grid_hits(gr, &b))
        return 0;
    if (pole.d < w / M_SQRT2 && !box_in_poly(pg, &b))
        return 0;
    *out = b;
    return 1;
}

/* Wraps a label on two lines near its middle space or hyphen, when it has
 * one. Returns 1 when the layout was changed. */
static int wrap_two_lines(PangoLayout *l)
{
    const char *t = pango_layout_get_text(l);
    size_t n = strlen(t);
    if (n < 6 || (!strchr(t, ' ') && !strchr(t, '-') && !strchr(t, '/')))
        return 0;
    double w;
    text_size(l, &w, NULL);
    pango_layout_set_width(l, (int)(w * 0.62 * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    return pango_layout_get_line_count(l) == 2;
}

int map_labels_draw(map_ctx *m)
{
    const map_spec *sp = m->spec;
    if (!sp->labels)
        return 0;
    const tbl_col *g = sp->geom;
    double s = m->s;
    int rc = -1;
    cand *cs = mem_alloc((sp->n ? sp->n : 1) * sizeof *cs);
    box *placed = NULL;
    size_t *rows = NULL;
    PangoLayout **lays = NULL;
    size_t n_c = 0, n_placed = 0;
    poly pg = {0}, sq = {0};
    grid gr;
    if (!cs || grid_init(&gr, &m->frame, 30 * s) < 0) {
        mem_free(cs);
        return err_oom("label placement");
    }
    for (size_t r = 0; r < sp->n; r++) {
        if (!sp->labels[r] || !*sp->labels[r])
            continue;
        if (sp->entry[r] < 0 && (long)r != sp->highlight)
            continue;
        const double *bb = map_row_bbox(g, r);
        if (!(bb[0] <= m->world[2] && bb[2] >= m->world[0] &&
              bb[1] <= m->world[3] && bb[3] >= m->world[1]))
            continue;
        double total = 0, best = -1;
        uint64_t best_p = 0;
        for (uint64_t p = g->row_part[r]; p < g->row_part[r + 1]; p++) {
            double a = part_area(g, p);
            total += a;
            if (a > best) {
                best = a;
                best_p = p;
            }
        }
        if (best <= 0)
            continue;
        cs[n_c++] = (cand){r, total, best_p};
    }
    qsort(cs, n_c, sizeof *cs, cand_cmp);
    placed = mem_alloc((n_c ? n_c : 1) * sizeof *placed);
    lays = mem_calloc(n_c ? n_c : 1, sizeof *lays);
    rows = mem_alloc((n_c ? n_c : 1) * sizeof *rows);
    if (!placed || !lays || !rows) {
        err_oom("label placement");
        goto out;
    }

    map_xf xf = map_xf_page(m, 1.0, 0);
    double pad = 0.8 * s;
    /* Areas too small for even a short label are skipped before any work. */
    double min_h = FS_LABEL * s;
    for (size_t i = 0; i < n_c; i++) {
        const cand *c = &cs[i];
        const double *bb = map_row_bbox(g, c->row);
        if ((bb[3] - bb[1]) * m->k < min_h || (bb[2] - bb[0]) * m->k < min_h)
            continue;
        if (poly_from_part(&pg, g, c->part, &xf, 0.25) < 0) {
            err_oom("label placement");
            goto out;
        }
        if (pg.n_ring == 0)
            continue;
        PangoLayout *l = text_layout(m->tx, sp->labels[c->row], FS_LABEL * s, 0,
                                     0, TEXT_CENTER);
        if (!l)
            goto out;
        box b;
        int ok = try_fit(&pg, &sq, &gr, &m->frame, l, pad, &b);
        if (ok == 0 && wrap_two_lines(l))
            ok = try_fit(&pg, &sq, &gr, &m->frame, l, pad, &b);
        if (ok < 0) {
            g_object_unref(l);
            err_oom("label placement");
            goto out;
        }
        if (!ok) {
            g_object_unref(l);
            continue;
        }
        if (grid_add(&gr, &b) < 0) {
            g_object_unref(l);
            err_oom("label placement");
            goto out;
        }
        placed[n_placed] = b;
        rows[n_placed] = c->row;
        lays[n_placed++] = l;
    }
    if (m->info && n_placed) {
        m->info->labels = mem_calloc(n_placed, sizeof *m->info->labels);
        if (!m->info->labels) {
            err_oom("label list");
            goto out;
        }
        for (size_t i = 0; i < n_placed; i++)
            m->info->labels[i] = (map_label_box){rows[i], placed[i].x + pad,
                                                 placed[i].y + pad,
                                                 placed[i].w - 2 * pad,
                                                 placed[i].h - 2 * pad};
        m->info->n_labels = n_placed;
    }
    for (size_t i = 0; i < n_placed; i++)
        text_draw_halo(m->cr, lays[i], placed[i].x + pad, placed[i].y + pad,
                       1.8 * s, MAP_INK, MAP_INK, MAP_INK);
    rc = 0;
out:
    for (size_t i = 0; i < n_placed; i++)
        g_object_unref(lays[i]);
    MEM_FREE_ALL(lays, placed, rows, cs, pg.pt, pg.ring);
    mem_free(sq.pt); /* sq.ring is pg's */
    grid_free(&gr);
    return rc;
}
