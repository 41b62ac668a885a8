/* map_draw.c - the area layers of a map: background, context areas, classed
 * fills with hatching and outlines, the highlight.
 *
 * Paths are built per layer in device coordinates, skipping points closer
 * than a tolerance to the previous one (0.5 px for PNG, 0.05 pt for vector
 * output), with the even-odd rule so holes stay holes whatever the ring
 * orientation. Fills go through Cairo. Outlines go through Cairo for PDF and
 * SVG; for PNG they are drawn by hairline.c into a coverage mask in the same
 * pass that builds the fill path, then blended once (five times faster than
 * cairo_stroke() on a whole country). The PNG page is split into two
 * horizontal bands, each drawn by its own thread on its own Cairo image
 * surface over the shared pixel buffer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hairline.h"
#include "map_int.h"
#include "pal_vision.h"
#include "threads.h"

#define BANDS 2 /* band_split's two */

typedef struct {
    const map_ctx *m;
    cairo_t *cr;       /* device units, identity matrix */
    cairo_surface_t *surf;
    map_xf xf;         /* world -> this target's device units */
    double px_per_pt;  /* device units per point */
    double band_h;     /* device height of the target (for culling) */
    double y0;         /* device row of the band's top on the page */
    double tol;        /* simplification tolerance (device units) */
    hl_mask *mask;     /* PNG: outlines go here; NULL: cairo_stroke() */
    double mask_r;     /* half line width for the mask (device units) */
    cairo_status_t status;
    int oom;
} band_job;

map_xf map_xf_page(const map_ctx *m, double scale, double y0)
{
    map_xf xf;
    xf.sx = m->k * scale;
    xf.ax = (m->frame.x - m->world[0] * m->k) * scale;
    xf.ay = (m->frame.y + m->world[3] * m->k) * scale - y0;
    return xf;
}

/* Adds every ring of row r of g to the path, in device units, through the
 * polygon primitive; with a mask, also rasterises the same (simplified)
 * edges into it. */
static void add_row(band_job *j, const tbl_col *g, size_t r)
{
    draw_xf xf = {.ox = j->xf.ax, .oy = j->xf.ay, .kx = 1, .s = j->xf.sx};
    draw_path p = {.tol = j->tol, .mask = j->mask, .mask_r = j->mask_r};
    draw_poly_path(j->cr, g, r, &xf, &p);
}

/* Does row r of g (bbox in metres) touch the world window win? False for
 * rows without geometry (NaN bbox). */
static int row_visible(const tbl_col *g, size_t r, const double win[4])
{
    const double *bb = map_row_bbox(g, r);
    return bb[0] <= win[2] && bb[2] >= win[0] && bb[1] <= win[3] &&
           bb[3] >= win[1];
}

int map_hatch_light(draw_rgb fill)
{
    return 0.299 * fill.r + 0.587 * fill.g + 0.114 * fill.b < 0.45;
}

cairo_pattern_t *map_hatch_pattern(cairo_t *cr, double px_per_pt, double s,
                                   int light, unsigned style)
{
    double spacing = 2.6 * s * px_per_pt; /* perpendicular line distance */
    double lw = 0.55 * s * px_per_pt;
    cairo_surface_t *tile;
    cairo_surface_t *target = cairo_get_target(cr);
    int raster = cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE;
    if (raster) { /* small images: keep lines and gaps visible */
        spacing = fmax(spacing, 4.0);
        lw = fmax(lw, 1.0);
    }
    double t = spacing * M_SQRT2; /* tile side for 45 degree lines */
    if (raster) {
        t = ceil(t); /* whole pixels: no seams between tiles */
        tile = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)t, (int)t);
    } else {
        cairo_rectangle_t ext = {0, 0, t, t};
        tile = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
    }
    cairo_t *tc = cairo_create(tile);
    double g = light ? 0.92 : 0.25;
    cairo_set_source_rgb(tc, g, g, g);
    cairo_set_line_width(tc, lw);
    if (style & PAL_HATCH_DIAG) /* "/" through the corners and the centre */
        for (int o = -1; o <= 1; o++) {
            cairo_move_to(tc, o * t - 1, t + 1);
            cairo_line_to(tc, o * t + t + 1, -1);
        }
    if (style & PAL_HATCH_BACK) /* "\" */
        for (int o = -1; o <= 1; o++) {
            cairo_move_to(tc, o * t - 1, -1);
            cairo_line_to(tc, o * t + t + 1, t + 1);
        }
    if (style & PAL_HATCH_HORIZ) {
        cairo_move_to(tc, -1, t / 2);
        cairo_line_to(tc, t + 1, t / 2);
    }
    if (style & PAL_HATCH_VERT) {
        cairo_move_to(tc, t / 2, -1);
        cairo_line_to(tc, t / 2, t + 1);
    }
    cairo_stroke(tc);
    if (style & PAL_HATCH_DOTS) /* at (t/4, 0): off every line above */
        for (int o = 0; o <= 1; o++) {
            cairo_new_sub_path(tc);
            cairo_arc(tc, t / 4, o * t, fmax(lw * 1.1, 1.0), 0, 2 * M_PI);
            cairo_fill(tc);
        }
    cairo_destroy(tc);
    cairo_pattern_t *pat = cairo_pattern_create_for_surface(tile);
    cairo_surface_destroy(tile);
    cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
    return pat;
}

/* Paints the current path in fill (and pattern) with a white outline of
 * w points: stroked by Cairo for vector output, left in the mask for PNG
 * (see blend_outlines). */
static void paint_layer(band_job *j, draw_rgb fill, cairo_pattern_t *pattern,
                        double w)
{
    draw_style st = {.fill = fill, .pattern = pattern, .line = {1, 1, 1},
                     .line_w = j->mask ? 0 : w * j->px_per_pt};
    draw_poly_paint(j->cr, &st);
}

/* PNG: blends the outlines gathered in the mask, in white. */
static void blend_outlines(band_job *j)
{
    cairo_surface_flush(j->surf);
    hl_blend(j->mask, cairo_image_surface_get_data(j->surf),
             cairo_image_surface_get_stride(j->surf), 1, 1, 1);
    cairo_surface_mark_dirty(j->surf);
}

/* Draws all area layers into one target (a band or the whole page). */
static void *draw_band(void *arg)
{
    band_job *j = arg;
    const map_ctx *m = j->m;
    const map_spec *sp = m->spec;
    cairo_t *cr = j->cr;
    double u = j->px_per_pt;

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    /* World window of this target: the frame, cut to the band's rows. */
    double win[4] = {m->world[0], m->world[1], m->world[2], m->world[3]};
    double ytop = j->xf.ay / j->xf.sx, ybot = (j->xf.ay - j->band_h) / j->xf.sx;
    if (ytop < win[3])
        win[3] = ytop;
    if (ybot > win[1])
        win[1] = ybot;
    double fx = m->frame.x * u, fy = j->xf.ay - m->world[3] * j->xf.sx;
    double fw = m->frame.w * u, fh = m->frame.h * u;
    hl_mask mask = {0};
    if (cairo_surface_get_type(j->surf) == CAIRO_SURFACE_TYPE_IMAGE) {
        if (hl_init(&mask, cairo_image_surface_get_width(j->surf),
                    cairo_image_surface_get_height(j->surf), fx, fy, fw,
                    fh) < 0) {
            j->oom = 1;
            return NULL;
        }
        j->mask = &mask;
    }

    if (win[1] <= win[3]) {
        cairo_save(cr);
        cairo_rectangle(cr, fx, fy, fw, fh);
        cairo_clip(cr);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        if (j->mask && !sp->fill_antialias_full) /* see map.h */
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);

        /* Context: the caller's neighbours and rows not on the map. */
        int any = 0;
        double ctx_w = 0.5 * m->s;
        j->mask_r = ctx_w * u / 2;
        cairo_new_path(cr);
        if (sp->context_geom)
            for (size_t r = 0; r < sp->context_n; r++)
                if (row_visible(sp->context_geom, r, win)) {
                    add_row(j, sp->context_geom, r);
                    any = 1;
                }
        for (size_t r = 0; r < sp->n; r++)
            if (sp->entry[r] < 0 && row_visible(sp->geom, r, win)) {
                add_row(j, sp->geom, r);
                any = 1;
            }
        if (any) {
            paint_layer(j, DRAW_CONTEXT, NULL, ctx_w);
            if (j->mask)
                blend_outlines(j);
        }

        /* Classed areas, one path per legend entry: fill, hatch, outline
         * (outlines of all entries blended at the end for PNG). */
        cairo_pattern_t *hatch[32][2]; /* per style: dark, light lines */
        memset(hatch, 0, sizeof hatch);
        j->mask_r = m->outline_w * u / 2;
        any = 0;
        for (size_t e = 0; e < sp->n_legend; e++) {
            int here = 0;
            cairo_new_path(cr);
            for (size_t r = 0; r < sp->n; r++)
                if (sp->entry[r] == (int)e && row_visible(sp->geom, r, win)) {
                    add_row(j, sp->geom, r);
                    here = any = 1;
                }
            if (!here)
                continue;
            const map_legend_entry *le = &sp->legend[e];
            cairo_pattern_t *pat = NULL;
            if (le->hatch) {
                int light = map_hatch_light(le->fill);
                unsigned st = (unsigned)le->hatch & 31;
                if (!hatch[st][light]) {
                    /* pattern space = page device space: no seam at bands */
                    hatch[st][light] = map_hatch_pattern(cr, u, m->s, light, st);
                    cairo_matrix_t mt;
                    cairo_matrix_init_translate(&mt, 0, j->y0);
                    cairo_pattern_set_matrix(hatch[st][light], &mt);
                }
                pat = hatch[st][light];
            }
            paint_layer(j, le->fill, pat, m->outline_w);
        }
        for (int h = 0; h < 32; h++)
            for (int l = 0; l < 2; l++)
                if (hatch[h][l])
                    cairo_pattern_destroy(hatch[h][l]);
        if (any && j->mask)
            blend_outlines(j);

        /* Highlight: dark line on a white casing, readable on any fill. */
        if (sp->highlight >= 0 &&
            row_visible(sp->geom, (size_t)sp->highlight, win)) {
            hl_mask *keep = j->mask;
            j->mask = NULL;
            cairo_new_path(cr);
            add_row(j, sp->geom, (size_t)sp->highlight);
            j->mask = keep;
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 3.2 * m->s * u);
            cairo_stroke_preserve(cr);
            cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
            cairo_set_line_width(cr, 1.5 * m->s * u);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
    }

    if (m->draw_frame) {
        double lw = 0.5 * m->s * u;
        cairo_new_path(cr);
        cairo_rectangle(cr, fx - lw / 2, fy - lw / 2, fw + lw, fh + lw);
        cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
        cairo_set_line_width(cr, lw);
        cairo_stroke(cr);
    }
    hl_free(&mask);
    j->mask = NULL;
    j->status = cairo_status(cr);
    return NULL;
}

/* Sets the error for a failed band. Returns -1. */
static int band_error(const band_job *j)
{
    if (j->oom)
        return -1; /* hl_init set ERR_MEMORY */
    err_set(ERR_RENDER, NULL, 0, NULL, "drawing the map areas failed: %s",
            cairo_status_to_string(j->status));
    return -1;
}

/* Adds the points of every row of g (n rows) to hist[0..nb), spread
 * evenly over the device rows of a page of h rows that its bounding box
 * covers: where the drawing work lies. Rows off the page add nothing. */
static void add_work(const tbl_col *g, size_t n, const map_xf *xf, int h,
                     double *hist, int nb)
{
    for (size_t r = 0; r < n; r++) {
        const double *bb = map_row_bbox(g, r);
        double top = (xf->ay - bb[3] * xf->sx) * nb / h;
        double bot = (xf->ay - bb[1] * xf->sx) * nb / h;
        if (!(top <= bot) || bot < 0 || top >= nb)
            continue; /* no geometry, or off the page */
        uint64_t pts = g->ring_pt[g->part_ring[g->row_part[r + 1]]] -
                       g->ring_pt[g->part_ring[g->row_part[r]]];
        int b0 = top < 0 ? 0 : (int)top;
        int b1 = bot >= nb ? nb - 1 : (int)bot;
        for (int b = b0; b <= b1; b++)
            hist[b] += (double)pts / (b1 - b0 + 1);
    }
}

/* The page row where the first band ends: where half of the drawing work
 * (the points of the drawn rows, by their bounding boxes) lies above,
 * within the middle three quarters of the page (each band keeps at least
 * one row). On the country map the
 * north half holds more of the points than the south half, so halving the
 * page left one thread waiting (measured 79 against 60 ms of CPU). The row
 * depends on the map only, never on the thread count, and where the bands
 * meet does not change a pixel. */
static int band_split(const map_ctx *m, double u, int h)
{
    enum { NB = 128 };
    double hist[NB] = {0};
    const map_spec *sp = m->spec;
    map_xf xf = map_xf_page(m, u, 0);
    add_work(sp->geom, sp->n, &xf, h, hist, NB);
    if (sp->context_geom)
        add_work(sp->context_geom, sp->context_n, &xf, h, hist, NB);
    double total = 0, run = 0;
    for (int b = 0; b < NB; b++)
        total += hist[b];
    int b = 0;
    while (b < NB - 1 && run + hist[b] < total / 2)
        run += hist[b++];
    int y = (int)((long)h * b / NB);
    int edge = h / 8 > 1 ? h / 8 : 1; /* no band without rows (h >= 2) */
    return h < 2 ? 0 : y < edge ? edge : y > h - edge ? h - edge : y;
}

int map_draw_areas(map_ctx *m, page_out *po)
{
    cairo_t *pcr = page_cairo(po);
    double u = page_px_per_pt(po);
    cairo_surface_t *surf = page_surface(po);

    if (cairo_surface_get_type(surf) != CAIRO_SURFACE_TYPE_IMAGE) {
        band_job j = {.m = m, .cr = pcr, .surf = surf,
                      .xf = map_xf_page(m, 1.0, 0), .px_per_pt = 1.0,
                      .band_h = m->page.h_pt, .tol = 0.05};
        cairo_save(pcr);
        cairo_identity_matrix(pcr);
        draw_band(&j);
        cairo_restore(pcr);
        if (j.oom || j.status != CAIRO_STATUS_SUCCESS)
            return band_error(&j);
        return 0;
    }

    cairo_surface_flush(surf);
    unsigned char *data = cairo_image_surface_get_data(surf);
    int stride = cairo_image_surface_get_stride(surf);
    int w = cairo_image_surface_get_width(surf);
    int h = cairo_image_surface_get_height(surf);
    band_job jobs[BANDS];
    int split[BANDS + 1] = {0, band_split(m, u, h), h};
    for (int b = 0; b < BANDS; b++) {
        int y0 = split[b], y1 = split[b + 1];
        cairo_surface_t *bs = cairo_image_surface_create_for_data(
            data + (size_t)y0 * stride, CAIRO_FORMAT_RGB24, w, y1 - y0, stride);
        jobs[b] = (band_job){.m = m, .cr = cairo_create(bs), .surf = bs,
                             .xf = map_xf_page(m, u, y0), .px_per_pt = u,
                             .band_h = y1 - y0, .y0 = y0, .tol = 0.5};
    }
    /* the bands are fixed, so the image is the same on any thread count */
    threads_run(draw_band, jobs, sizeof *jobs, BANDS, threads_count());
    int bad = -1;
    for (int b = 0; b < BANDS; b++) {
        if (bad < 0 && (jobs[b].oom || jobs[b].status != CAIRO_STATUS_SUCCESS))
            bad = b;
        cairo_destroy(jobs[b].cr);
        cairo_surface_flush(jobs[b].surf);
        cairo_surface_destroy(jobs[b].surf);
    }
    cairo_surface_mark_dirty(surf);
    return bad >= 0 ? band_error(&jobs[bad]) : 0;
}
