/* test_draw_clip.c - draw_poly_path_clip, the polygon primitive with
 * rounding and rectangle clipping used by the fact sheet's locator.
 *
 * The clipped path is compared with the plain primitive (draw_poly_path,
 * the same box thinning) drawn by Cairo into an image and clipped by Cairo
 * to a rectangle 2 px inside the clip rectangle: the pixels must agree
 * (filled and outlined; within 4 of 255, the rounding of antialiased
 * coverage summed over other edges), while the clipped path keeps every point inside
 * the rectangle and has fewer points. Rounding is checked on a grid Cairo
 * holds exactly (0.25 px); a ring around the whole rectangle becomes the
 * rectangle, a ring outside it disappears, and a hole stays a hole. */
#include <cairo.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "draw.h"

#define W 200
#define H 160

/* A one-row geometry column over the given rings (owned by the caller's
 * static arrays). */
typedef struct {
    tbl_col g;
    uint64_t row_part[2], part_ring[2], ring_pt[4];
    double xy[2 * 400];
} geom1;

/* A star ring of k points around (cx, cy) with radii r0/r1, appended. */
static void add_star(geom1 *s, int *np, int k, double cx, double cy,
                     double r0, double r1, int cw)
{
    for (int i = 0; i <= k; i++) { /* closed: last equals first */
        int j = i % k;
        double a = 2 * M_PI * j / k * (cw ? -1 : 1);
        double r = j % 2 ? r1 : r0;
        s->xy[2 * *np] = cx + r * cos(a);
        s->xy[2 * *np + 1] = cy + r * sin(a);
        (*np)++;
    }
}

/* Sets up s as one row with rings of the given point counts. */
static void geom_init(geom1 *s, int n_rings, const int *ends)
{
    memset(&s->g, 0, sizeof s->g);
    s->g.type = COL_GEOM;
    s->row_part[0] = 0, s->row_part[1] = 1;
    s->part_ring[0] = 0, s->part_ring[1] = (uint64_t)n_rings;
    s->ring_pt[0] = 0;
    for (int k = 0; k < n_rings; k++)
        s->ring_pt[k + 1] = (uint64_t)ends[k];
    s->g.xy = s->xy;
    s->g.row_part = s->row_part;
    s->g.part_ring = s->part_ring;
    s->g.ring_pt = s->ring_pt;
    s->g.n_parts = 1;
    s->g.n_rings = (uint64_t)n_rings;
    s->g.n_points = (uint64_t)ends[n_rings - 1];
}

static const draw_xf ident = {.kx = 1, .s = 1, .oy = 0};

/* Draws row 0 of g into a new image: clipped by Cairo to vis, filled
 * grey and outlined black (width lw), with the plain primitive (c NULL) or
 * draw_poly_path_clip. Returns the surface (caller destroys). */
static cairo_surface_t *render(const tbl_col *g, const draw_clip *c,
                               const double vis[4], double lw)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_rectangle(cr, vis[0], vis[1], vis[2] - vis[0], vis[3] - vis[1]);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    draw_path p = {.tol = 0.8, .box = 1};
    if (c)
        draw_poly_path_clip(cr, g, 0, &ident, &p, c);
    else
        draw_poly_path(cr, g, 0, &ident, &p);
    draw_style st = {.fill = {0.5, 0.5, 0.5}, .line = {0, 0, 0},
                     .line_w = lw};
    draw_poly_paint(cr, &st);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return s;
}

/* Largest difference of a colour channel between two images. */
static int max_diff(cairo_surface_t *a, cairo_surface_t *b)
{
    const unsigned char *pa = cairo_image_surface_get_data(a);
    const unsigned char *pb = cairo_image_surface_get_data(b);
    int stride = cairo_image_surface_get_stride(a), m = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W * 4; x++) {
            int d = abs(pa[y * stride + x] - pb[y * stride + x]);
            if (d > m)
                m = d;
        }
    return m;
}

/* The points of the path draw_poly_path_clip (or the plain primitive when
 * c is NULL) makes for row 0; *n gets their count, *out counts points
 * outside rect (may be NULL), *off counts coordinates off the grid. */
static void path_points(const tbl_col *g, const draw_clip *c,
                        const double *rect, double grid, int *n, int *out,
                        int *off)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t *cr = cairo_create(s);
    draw_path p = {.tol = 0.8, .box = 1};
    if (c)
        draw_poly_path_clip(cr, g, 0, &ident, &p, c);
    else
        draw_poly_path(cr, g, 0, &ident, &p);
    cairo_path_t *path = cairo_copy_path(cr);
    *n = *out = *off = 0;
    int prev = -1; /* Cairo adds a move_to after each close_path */
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        cairo_path_data_t *d = &path->data[i];
        int type = d->header.type;
        int skip = (type != CAIRO_PATH_MOVE_TO && type != CAIRO_PATH_LINE_TO) ||
                   (type == CAIRO_PATH_MOVE_TO && prev == CAIRO_PATH_CLOSE_PATH);
        prev = type;
        if (skip)
            continue;
        double x = d[1].point.x, y = d[1].point.y;
        (*n)++;
        if (rect && (x < rect[0] - 1e-9 || x > rect[2] + 1e-9 ||
                     y < rect[1] - 1e-9 || y > rect[3] + 1e-9))
            (*out)++;
        if (grid > 0 && (fabs(x / grid - round(x / grid)) > 1e-9 ||
                         fabs(y / grid - round(y / grid)) > 1e-9))
            (*off)++;
    }
    cairo_path_destroy(path);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

/* A star reaching far outside the rectangle, with a hole: the same
 * pixels inside, every point inside the rectangle, fewer points. */
static void test_star(void)
{
    static geom1 s;
    int np = 0, ends[2];
    add_star(&s, &np, 120, 100, 80, 150, 30, 0);
    ends[0] = np;
    add_star(&s, &np, 24, 100, 80, 12, 6, 1);
    ends[1] = np;
    geom_init(&s, 2, ends);
    const double rect[4] = {30, 20, 170, 140};
    const double vis[4] = {32, 22, 168, 138}; /* 2 px inside */
    draw_clip c = {.rect = rect};
    for (double lw = 0.5; lw <= 1.2; lw += 0.7) {
        cairo_surface_t *a = render(&s.g, NULL, vis, lw);
        cairo_surface_t *b = render(&s.g, &c, vis, lw);
        int md = max_diff(a, b);
        if (md > 4) {
            fprintf(stderr, "line width %g: %d\n", lw, md);
            cairo_surface_write_to_png(a, DNW_BINARY_DIR "/clip-a.png");
            cairo_surface_write_to_png(b, DNW_BINARY_DIR "/clip-b.png");
        }
        CHECK(md <= 4); /* antialiasing sums edges in another order */
        cairo_surface_destroy(a);
        cairo_surface_destroy(b);
    }
    int n0, n1, out, off;
    path_points(&s.g, NULL, NULL, 0, &n0, &out, &off);
    path_points(&s.g, &c, rect, 0, &n1, &out, &off);
    CHECK(out == 0);
    CHECK(n1 > 10 && n1 < n0);
}

/* Rounding: every point on the grid; with no rectangle nothing is cut. */
static void test_grid(void)
{
    static geom1 s;
    int np = 0, ends[1];
    add_star(&s, &np, 60, 100.3, 80.7, 60, 25, 0);
    ends[0] = np;
    geom_init(&s, 1, ends);
    draw_clip c = {.grid = 0.25};
    int n0, n1, out, off;
    path_points(&s.g, NULL, NULL, 0, &n0, &out, &off);
    path_points(&s.g, &c, NULL, 0.25, &n1, &out, &off);
    CHECK(off == 0);
    CHECK(n1 == n0);
    const double vis[4] = {0, 0, W, H};
    cairo_surface_t *a = render(&s.g, NULL, vis, 0.6);
    cairo_surface_t *b = render(&s.g, &c, vis, 0.6);
    CHECK(max_diff(a, b) < 128); /* moved by at most 1/8 px */
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
}

/* A ring around the whole rectangle becomes the rectangle (4 points, the
 * inside filled); a ring wholly outside leaves no path. */
static void test_around_and_outside(void)
{
    static geom1 s;
    double sq[] = {-500, -500, 700, -500, 700, 600, -500, 600, -500, -500};
    memcpy(s.xy, sq, sizeof sq);
    int ends[1] = {5};
    geom_init(&s, 1, ends);
    const double rect[4] = {30, 20, 170, 140};
    draw_clip c = {.rect = rect};
    int n, out, off;
    path_points(&s.g, &c, rect, 0, &n, &out, &off);
    CHECK(n == 4 && out == 0);
    const double vis[4] = {32, 22, 168, 138};
    cairo_surface_t *a = render(&s.g, NULL, vis, 0.6);
    cairo_surface_t *b = render(&s.g, &c, vis, 0.6);
    CHECK(max_diff(a, b) == 0);
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    double far[] = {300, 300, 320, 300, 320, 320, 300, 320, 300, 300};
    memcpy(s.xy, far, sizeof far);
    path_points(&s.g, &c, rect, 0, &n, &out, &off);
    CHECK(n == 0);
}

int main(void)
{
    test_star();
    test_grid();
    test_around_and_outside();
    return check_done();
}
