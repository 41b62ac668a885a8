/* sheet_locator.c - the small maps of the fact sheet: the locator (the
 * unit in the accent colour among the units of its area) and the cover's
 * overview map (units filled by class colour).
 *
 * Rows are drawn in batches (one path per colour) so a page costs a few
 * PDF fill operations, and points closer than a third of a point to the
 * previous one on paper are dropped, which keeps thousands of pages small
 * and fast whatever the source geometry's detail. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "mem.h"
#include "sheet_int.h"

#define MIN_STEP 0.8 /* points: closer points are dropped (a 150 pt wide locator needs no finer detail; measured: halves the PDF path data) */
#define GRID 0.01 /* points: coordinates are rounded to this (invisible;
                     repeated points after rounding are dropped) */

/* Checks a map's arguments. */
int sheet_map_check(const sh_map *m, const char *what)
{
    if (!m->geom || m->n == 0)
        return 0;
    const tbl_col *g = m->geom;
    if (g->type != COL_GEOM || !g->row_part || !g->part_ring || !g->ring_pt ||
        (g->n_points > 0 && !g->xy)) {
        err_set(ERR_RECIPE, NULL, 0, g->name,
                "The %s needs a geometry column; column '%s' is a %s column.",
                what, g->name ? g->name : "?", col_type_name(g->type));
        return -1;
    }
    if (g->row_part[m->n] > g->n_parts) {
        err_set(ERR_RECIPE, NULL, 0, g->name,
                "The %s was given %zu rows, more than its geometry column "
                "holds.",
                what, m->n);
        return -1;
    }
    if (m->highlight >= (long)m->n) {
        err_set(ERR_RECIPE, NULL, 0, g->name,
                "The %s highlights row %ld, but its geometry has only %zu "
                "rows (0-based rows 0..%zu, or -1 for none).",
                what, m->highlight, m->n, m->n - 1);
        return -1;
    }
    if (m->cls) {
        for (size_t r = 0; r < m->n; r++) {
            if (m->cls[r] < -1 || (m->cls[r] >= 0 &&
                                   (size_t)m->cls[r] >= m->n_colors)) {
                err_set(ERR_RECIPE, NULL, 0, g->name,
                        "The %s gives row %zu class %d, but the legend has "
                        "%zu colours (classes 0..%zu, or -1 for missing).",
                        what, r, m->cls[r], m->n_colors,
                        m->n_colors ? m->n_colors - 1 : 0);
                return -1;
            }
        }
    }
    return 0;
}

/* Bounding box of a row into b[4]; 0 when the row has no finite extent. */
static int row_bbox(const tbl_col *g, size_t r, double b[4])
{
    if (g->row_part[r] == g->row_part[r + 1])
        return 0;
    if (g->bbox) {
        memcpy(b, g->bbox + 4 * r, 4 * sizeof *b);
    } else {
        b[0] = b[1] = INFINITY;
        b[2] = b[3] = -INFINITY;
        uint64_t p0 = g->row_part[r], p1 = g->row_part[r + 1];
        uint64_t k0 = g->part_ring[p0], k1 = g->part_ring[p1];
        for (uint64_t i = g->ring_pt[k0]; i < g->ring_pt[k1]; i++) {
            double x = g->xy[2 * i], y = g->xy[2 * i + 1];
            if (x < b[0]) b[0] = x;
            if (y < b[1]) b[1] = y;
            if (x > b[2]) b[2] = x;
            if (y > b[3]) b[3] = y;
        }
    }
    return isfinite(b[0]) && isfinite(b[1]) && isfinite(b[2]) &&
           isfinite(b[3]) && b[0] <= b[2] && b[1] <= b[3];
}

/* Whether the CRS (or, without one, the extent) looks like lon/lat. */
static int is_lonlat(const char *crs, const double b[4])
{
    if (crs && *crs)
        return strstr(crs, "4326") || strcasestr(crs, "CRS84") ||
               strcasestr(crs, "WGS 84") || strcasestr(crs, "WGS84");
    return b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;
}

/* Appends a row's rings to the current path (decimated: points closer
 * than MIN_STEP on paper are dropped, a ring's last point kept). */
static void row_path(cairo_t *cr, const tbl_col *g, size_t r,
                     const sh_frame *t)
{
    static const draw_path thin = {.tol = MIN_STEP, .box = 1};
    static const draw_clip snap = {.grid = GRID};
    draw_poly_path_clip(cr, g, r, &t->xf, &thin, &snap);
}

/* Whether row r's bbox meets the visible extent. */
static int row_visible(const tbl_col *g, size_t r, const sh_frame *t,
                       double b[4])
{
    if (!row_bbox(g, r, b))
        return 0;
    return !(b[2] < t->vb[0] || b[0] > t->vb[2] || b[3] < t->vb[1] ||
             b[1] > t->vb[3]);
}

/* Fills and strokes the current path. */
static void fill_stroke(cairo_t *cr, draw_rgb fill, draw_rgb line, double lw)
{
    draw_style st = {.fill = fill, .line = line, .line_w = lw};
    draw_poly_paint(cr, &st);
}

/* Fits the extent of m's area rows (4 % padding, centred) into the box
 * (x, y, w, h) into t. Returns 0 when there is nothing to draw. */
static int map_frame(const sh_map *m, double x, double y, double w, double h,
                     sh_frame *t)
{
    const tbl_col *g = m->geom;
    double ext[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY}, b[4];
    for (size_t r = 0; r < m->n; r++) {
        if ((m->in_area && !m->in_area[r]) || !row_bbox(g, r, b))
            continue;
        draw_extent_add(ext, b);
    }
    if (!(ext[0] <= ext[2]))
        return 0;
    memset(t, 0, sizeof *t);
    t->kx = 1;
    if (is_lonlat(g->crs, ext))
        t->kx = cos((ext[1] + ext[3]) / 2 * M_PI / 180);
    double bw = (ext[2] - ext[0]) * t->kx, bh = ext[3] - ext[1];
    if (bw <= 0 && bh <= 0)
        bw = bh = 1;
    double pad = 0.04 * fmax(bw, bh);
    t->minx = ext[0] - pad / t->kx;
    t->miny = ext[1] - pad;
    bw += 2 * pad, bh += 2 * pad;
    t->s = fmin(w / bw, h / bh);
    t->ox = (w - bw * t->s) / 2;
    t->oy = (h - bh * t->s) / 2;
    t->vb[0] = t->minx - t->ox / t->s / t->kx;
    t->vb[2] = t->minx + (w - t->ox) / t->s / t->kx;
    t->vb[1] = t->miny - t->oy / t->s;
    t->vb[3] = t->miny + (h - t->oy) / t->s;
    t->xf = (draw_xf){.ox = x + t->ox, .oy = y + h - t->oy, .x0 = t->minx,
                      .y0 = t->miny, .kx = t->kx, .s = t->s};
    t->out[0] = x + t->ox, t->out[1] = y + t->oy;
    t->out[2] = bw * t->s, t->out[3] = bh * t->s;
    t->box[0] = x, t->box[1] = y, t->box[2] = w, t->box[3] = h;
    return 1;
}

/* Draws what all units of an area share: the context rows (grey), then
 * the area's rows (per class on the cover). The highlighted unit is drawn
 * over this by map_highlight. */
static void map_background(cairo_t *cr, const sh_map *m, const sh_frame *t)
{
    const tbl_col *g = m->geom;
    double b[4];
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    draw_rgb white = DRAW_HEX(0xffffff);
    cairo_new_path(cr);
    for (size_t r = 0; r < m->n; r++)
        if (m->in_area && !m->in_area[r] && row_visible(g, r, t, b))
            row_path(cr, g, r, t);
    fill_stroke(cr, DRAW_CONTEXT, white, 0.5);
    size_t n_groups = m->cls ? m->n_colors + 1 : 1;
    for (size_t k = 0; k < n_groups; k++) {
        cairo_new_path(cr);
        for (size_t r = 0; r < m->n; r++) {
            if (m->in_area && !m->in_area[r])
                continue;
            if (m->cls && (size_t)(m->cls[r] + 1) != k)
                continue;
            if (row_visible(g, r, t, b))
                row_path(cr, g, r, t);
        }
        draw_rgb fill = SH_MAP_AREA;
        if (m->cls) {
            fill = draw_rgb_of(k == 0 ? pal_missing() : m->colors[k - 1]);
        }
        fill_stroke(cr, fill, white, m->cls ? 0.4 : 0.6);
    }
}

/* Draws the highlighted unit, with a ring around it when it is tiny. */
static void map_highlight(cairo_t *cr, const sh_map *m, const sh_frame *t)
{
    const tbl_col *g = m->geom;
    double b[4];
    if (m->highlight < 0 || !row_bbox(g, (size_t)m->highlight, b))
        return;
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_new_path(cr);
    row_path(cr, g, (size_t)m->highlight, t);
    fill_stroke(cr, m->cls ? DRAW_HEX(0xffffff) : SH_ACCENT, SH_INK,
                m->cls ? 1.2 : 0.6);
    double hw = (b[2] - b[0]) * t->kx * t->s, hh = (b[3] - b[1]) * t->s;
    if (hw < 7 && hh < 7) {
        double cx = t->xf.ox + ((b[0] + b[2]) / 2 - t->minx) * t->kx * t->s;
        double cy = t->xf.oy - ((b[1] + b[3]) / 2 - t->miny) * t->s;
        cairo_new_path(cr);
        cairo_arc(cr, cx, cy, 7, 0, 2 * M_PI);
        draw_set_rgb(cr, SH_ACCENT);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
    }
}

/* Whether slot c holds the background of m in the box (x, y, w, h). */
static int cache_hit(const sh_map_cache *c, const sh_map *m, double x,
                     double y, double w, double h)
{
    return c->rec && c->geom == m->geom && c->in_area == m->in_area &&
           c->n == m->n && c->t.box[0] == x && c->t.box[1] == y &&
           c->t.box[2] == w && c->t.box[3] == h;
}

/* The slot for a new background: a free one, else the least recently
 * used (its recording destroyed). */
static sh_map_cache *cache_slot(sh_map_caches *cs)
{
    if (cs->used < SH_LOC_SLOTS)
        return &cs->slot[cs->used++];
    sh_map_cache *c = &cs->slot[0];
    for (size_t i = 1; i < SH_LOC_SLOTS; i++)
        if (cs->slot[i].used_at < c->used_at)
            c = &cs->slot[i];
    cairo_surface_destroy(c->rec);
    memset(c, 0, sizeof *c);
    return c;
}

/* Records m's background in frame t into a new recording surface of the
 * box, kept in c. A failure stays in the surface's status and shows when
 * it is painted (the page then fails). */
static void cache_fill(sh_map_cache *c, const sh_map *m, const sh_frame *t)
{
    cairo_rectangle_t box = {t->box[0], t->box[1], t->box[2], t->box[3]};
    c->rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
    cairo_t *rc = cairo_create(c->rec);
    map_background(rc, m, t);
    cairo_destroy(rc);
    c->geom = m->geom;
    c->in_area = m->in_area;
    c->n = m->n;
    c->t = *t;
}

/* Frees the backgrounds (see sheet_int.h). */
void sheet_map_caches_free(sh_map_caches *cs)
{
    for (size_t i = 0; cs->slot && i < cs->used; i++)
        cairo_surface_destroy(cs->slot[i].rec);
    mem_free(cs->slot);
    memset(cs, 0, sizeof *cs);
}

/* Draws the map into the box (see sheet_int.h). */
int sheet_map_draw(cairo_t *cr, const sh_map *m, double x, double y,
                   double w, double h, double out[4])
{
    const tbl_col *g = m->geom;
    if (!g || m->n == 0 || w <= 1 || h <= 1)
        return 0;
    sh_map_caches *cs = m->cls ? NULL : m->cache;
    sh_map_cache *c = NULL;
    for (size_t i = 0; cs && i < cs->used && !c; i++)
        if (cache_hit(&cs->slot[i], m, x, y, w, h))
            c = &cs->slot[i];
    sh_frame frame;
    const sh_frame *t = &frame;
    if (c) {
        t = &c->t;
    } else {
        if (!map_frame(m, x, y, w, h, &frame))
            return 0;
        if (cs) {
            c = cache_slot(cs);
            cache_fill(c, m, &frame);
        }
    }
    if (c)
        c->used_at = ++cs->clock;
    memcpy(out, t->out, sizeof t->out);
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    if (c) {
        /* one recording per area: a PDF writes its paths once, as a form
         * XObject that every page of the area paints */
        cairo_set_source_surface(cr, c->rec, 0, 0);
        cairo_paint(cr);
    } else {
        map_background(cr, m, t);
    }
    map_highlight(cr, m, t);
    cairo_restore(cr);
    return 1;
}
