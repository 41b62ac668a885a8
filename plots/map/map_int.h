/* map_int.h - private parts shared by map.c, map_draw.c, map_legend.c,
 * map_labels.c and map_furniture.c. Not part of the public API.
 */
#ifndef DNW_MAP_INT_H
#define DNW_MAP_INT_H

#include <cairo.h>

#include "map.h"
#include "page.h"
#include "text.h"

typedef struct {
    double x, y, w, h;
} map_box;

/* World (metres) to page/device: x = ax + X * sx, y = ay - Y * sx. */
typedef struct {
    double ax, ay, sx;
} map_xf;

/* Grey levels and colours used across the map (print-safe). */
#define MAP_INK 0.13        /* text and dark lines */
#define MAP_INK_SOFT 0.40   /* subtitle, counts */
#define MAP_INK_FAINT 0.50  /* provenance */

/* Legend geometry, measured once and drawn later. */
typedef struct {
    PangoLayout *title;
    PangoLayout **label, **count; /* per entry */
    double *entry_h;   /* per entry row height */
    double title_h, title_gap;
    double sw, sh;     /* swatch size */
    double gap_label, gap_count, gap_row, gap_col, gap_missing;
    double label_w, count_w; /* label (wrap) width, count column width */
    int columns, per_col;
    double col_w, w, h;
} map_legend;

typedef struct {
    const map_spec *spec;
    int en;              /* built-in texts in English */
    page_size page;
    double s;            /* size factor: page short side / A4 short side */
    double px_per_pt;    /* device pixels per point */
    text_ctx *tx;
    cairo_t *cr;         /* page context, in points */
    double data_ext[4];  /* bbox of mapped rows + highlight (metres) */
    double world[4];     /* extent shown in the frame (metres) */
    double k;            /* points per metre */
    map_box content, frame, panel;
    int bottom_panel;    /* legend below the map instead of beside it */
    int has_inset;
    int draw_frame;      /* neat line around the map (with context areas) */
    double outline_w;    /* area outline width in points */
    map_legend legend;
    map_info *info;      /* filled while drawing when not NULL */
} map_ctx;

/* Page transform of the map frame (device = points * scale, y shifted up
 * by y0 device units). */
map_xf map_xf_page(const map_ctx *m, double scale, double y0);

/* Draws background, context areas, classed areas (fill, hatch, outlines)
 * and the highlight into the frame. For PNG the work is split into two
 * horizontal bands drawn on two threads. Returns 0 or -1 (ERR_RENDER). */
int map_draw_areas(map_ctx *m, page_out *po);

/* Measures the legend for a column layout within max_w points; fills
 * m->legend (frees an earlier measurement). Returns 0 or -1 (error set). */
int map_legend_measure(map_ctx *m, int columns, double max_w);

/* Draws the measured legend with its top-left at (x, y). */
void map_legend_draw(map_ctx *m, double x, double y);

/* The same for the 3 x 3 legend of a bivariate map (map_bivar.c);
 * map_legend_measure/draw hand over to these when spec->bivariate. */
int map_bivar_measure(map_ctx *m, double max_w);
void map_bivar_draw(map_ctx *m, double x, double y);

/* Lays out the legend title (spec->legend_title), if any, as m->legend's
 * title and title_h, wrapped at *tw = the legend's width m->legend.w or,
 * when wider, max_w up to 150 points; *w is its natural width (0 without a
 * title). Returns 0, or -1 with the error set. */
int map_legend_title(map_ctx *m, double max_w, double *w, double *tw);

/* Frees the legend's layouts. */
void map_legend_free(map_legend *lg);

/* Draws a swatch (fill, optional hatch, thin border) at x, y, w x h. */
void map_swatch(cairo_t *cr, double x, double y, double w, double h,
                const map_legend_entry *e, double s, double px_per_pt);

/* Hatch pattern of a missing reason's style (pal_miss_hatch bits: "/",
 * "\", horizontal and vertical lines, dots; 1 alone is the classic 45
 * degree hatch) in device units (spacing and width in points times
 * px_per_pt; at least 4 and 1 px on images), for the target of cr; light
 * lines for dark fills. Caller destroys it. */
cairo_pattern_t *map_hatch_pattern(cairo_t *cr, double px_per_pt, double s,
                                   int light, unsigned style);

/* Should hatching on this fill be light (the fill is dark)? */
int map_hatch_light(draw_rgb fill);

/* Furniture sizes (points) for layout. */
double map_scalebar_height(const map_ctx *m);
double map_north_size(const map_ctx *m, double *w);

/* Width in points of the scale bar map_scalebar_draw() draws for max_w
 * (0 when none fits). */
double map_scalebar_width(map_ctx *m, double max_w);

/* Draws a scale bar of round length (1, 2 or 5 times a power of ten
 * metres, in m or km) whose numbers and unit fit in max_w points, left
 * edge at x, top at y. */
void map_scalebar_draw(map_ctx *m, double x, double y, double max_w);

/* Draws the north arrow in the box (x, y, w, h). */
void map_north_draw(map_ctx *m, double x, double y, double w, double h);

/* Aspect (height / width) of the inset's geometry, 0 when there is none. */
double map_inset_aspect(const map_ctx *m);

/* Draws the locator inset in box b. */
void map_inset_draw(map_ctx *m, const map_box *b);

/* Places the labels (big areas first, inside their polygon, no overlaps)
 * and draws them with a white halo. Returns 0 or -1 (ERR_MEMORY). */
int map_labels_draw(map_ctx *m);

/* Bounding box of row r in metres (bbox array; NaN when empty). */
static inline const double *map_row_bbox(const tbl_col *g, size_t r)
{
    return g->bbox + 4 * r;
}

#endif
