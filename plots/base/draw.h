/* draw.h - what every renderer draws with: the one colour type, the one
 * context grey, and the one polygon-drawing primitive (in the manner of
 * MapServer's renderPolygon): a table row's flat geometry (parts, rings,
 * points; see tbl.h) goes through a transform into a Cairo path, and the
 * batched path is filled and outlined in a style. Maps, the fact sheet's
 * locator and cover map, and small multiples draw their areas with it.
 */
#ifndef DNW_DRAW_H
#define DNW_DRAW_H

#include <cairo.h>
#include <stddef.h>

#include "hairline.h"
#include "pal.h"
#include "tbl.h"

/* A colour for drawing: red, green, blue in 0..1. */
typedef struct {
    double r, g, b;
} draw_rgb;

/* 0xrrggbb as a draw_rgb (a constant expression). */
#define DRAW_HEX(h)                                                  \
    ((draw_rgb){((h) >> 16 & 255) / 255.0, ((h) >> 8 & 255) / 255.0, \
                ((h) & 255) / 255.0})

/* The grey of context areas (neighbours and rows outside the subject),
 * lighter than any class colour and than the missing grey. */
#define DRAW_CONTEXT ((draw_rgb){0.91, 0.91, 0.91})

/* A palette colour (bytes) as a draw_rgb. */
draw_rgb draw_rgb_of(pal_rgb c);

/* Sets c as cr's source colour. */
void draw_set_rgb(cairo_t *cr, draw_rgb c);

/* Grows the extent ext (minx, miny, maxx, maxy; start from +inf, +inf,
 * -inf, -inf) to take in the box b. */
void draw_extent_add(double ext[4], const double b[4]);

/* Sets ext to the extent of the n boxes bbox[4 k .. 4 k + 3] (minx, miny,
 * maxx, maxy), skipping boxes whose minx is NaN (empty geometry); +inf,
 * +inf, -inf, -inf when none is left. */
void draw_extent_of(double ext[4], const double *bbox, size_t n);

/* Geometry (X, Y) to device (x, y):
 *   x = ox + (X - x0) * kx * s,   y = oy - (Y - y0) * s
 * (kx squeezes lon/lat degrees by cos(latitude); 1 for metres). */
typedef struct {
    double ox, oy; /* device position of (x0, y0) */
    double x0, y0; /* geometry origin */
    double kx;     /* x stretch (1 for projected coordinates) */
    double s;      /* device units per geometry unit */
} draw_xf;

/* How a ring is turned into a path. */
typedef struct {
    double tol;   /* points closer than tol device units to the last kept
                     point are dropped */
    int box;      /* 0: closer = Euclidean distance < tol, the ring's last
                     point too; 1: closer = |dx| and |dy| < tol, the last
                     point is always kept, non-finite points are skipped */
    hl_mask *mask; /* when not NULL, the kept edges are also rasterised
                      into this outline mask (PNG outlines) */
    double mask_r; /* half line width for the mask (device units) */
} draw_path;

/* Appends every ring of row r of geometry g (COL_GEOM; rings of fewer than
 * three points are skipped) to cr's current path, transformed by xf and
 * thinned by p. Rings are closed; fill with the even-odd rule to keep
 * holes. Cannot fail (Cairo records errors in cr). */
void draw_poly_path(cairo_t *cr, const tbl_col *g, size_t r,
                    const draw_xf *xf, const draw_path *p);

/* Rounding and clipping of a path for small vector maps (the fact
 * sheet's locator), where path data is most of a PDF page's cost. */
typedef struct {
    double grid;       /* > 0: points rounded to multiples of grid device
                          units; a point equal to the last one is dropped */
    const double *rect; /* x0, y0, x1, y1 (device units) or NULL: each ring
                           is clipped to this rectangle (Sutherland-Hodgman,
                           streamed, no allocation; runs along its edges are
                           shortened to their ends), so points far outside
                           cost no path. Fill and outline inside the
                           rectangle stay as they were: the caller clips the
                           drawing at least a line width inside it. */
} draw_clip;

/* draw_poly_path with box thinning (p->box must be 1; p->mask is not
 * used), then rounding and clipping by c. Cannot fail. */
void draw_poly_path_clip(cairo_t *cr, const tbl_col *g, size_t r,
                         const draw_xf *xf, const draw_path *p,
                         const draw_clip *c);

/* How a batched polygon path is painted. */
typedef struct {
    draw_rgb fill;
    cairo_pattern_t *pattern; /* drawn over the fill (hatching), or NULL */
    draw_rgb line;            /* outline colour */
    double line_w;            /* outline width in device units; <= 0: no
                                 outline (the path is cleared) */
} draw_style;

/* Fills cr's current path with st->fill, then st->pattern, then strokes
 * it with the outline; the path is consumed. */
void draw_poly_paint(cairo_t *cr, const draw_style *st);

#endif
