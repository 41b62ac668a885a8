/* map.h - choropleth maps: data in, one PNG/PDF/SVG file out.
 *
 * The caller has already classified the rows and chosen colours; the map
 * draws polygons filled by legend entry (holes and multipolygons right), grey
 * context areas beneath, an optional highlight, a title block, a legend panel
 * beside or below the map (whichever gives the map the larger scale), a scale
 * bar, a north arrow, the source and provenance lines, optional labels that
 * never overlap and stay inside their polygon, and an optional inset that
 * locates the map in the Netherlands. Sizes scale with the page (A3 is A4
 * times 1.41). Text is DejaVu Sans through Pango.
 *
 * Geometry must be in a projected CRS in metres (RD New, EPSG:28992): the map
 * keeps metres square and the scale bar relies on it.
 */
#ifndef DNW_MAP_H
#define DNW_MAP_H

#include <stddef.h>

#include "draw.h"
#include "page.h"
#include "tbl.h"

typedef struct {
    const char *label; /* legend text, already formatted: "12,5 – 20,0 %" */
    draw_rgb fill;
    int hatch;    /* pattern over the fill: 0 none, else the or-ed
                     PAL_HATCH_* bits of pal_vision.h (1 = "/" hatching);
                     pal_miss_hatch gives each missing reason its own */
    size_t count; /* areas in this entry, shown as "(12)" */
} map_legend_entry;

typedef enum { MAP_PNG = 0, MAP_PDF, MAP_SVG } map_format;

typedef struct {
    const tbl_col *geom; /* COL_GEOM in a projected CRS in metres */
    size_t n;            /* rows of geom */
    const int *entry;    /* per row: legend entry, or -1 = context (grey, not
                            part of the map's extent) */
    const map_legend_entry *legend;
    size_t n_legend;  /* the classes first, then the missing-reason entries */
    size_t n_classes; /* how many of the entries are classes (0 = all); the
                         rest are set apart below them as missing reasons */
    const char *const *labels; /* per row label text or NULL; NULL = none */
    long highlight;            /* row to outline boldly, or -1 */
    const tbl_col *context_geom; /* optional grey areas beneath (may be NULL) */
    size_t context_n;
    const tbl_col *inset_geom; /* optional outlines of NL for a locator inset;
                                  skipped when the map shows most of it */
    size_t inset_n;
    const char *title, *subtitle;
    const char *legend_title; /* indicator label with its unit */
    const char *source_line;  /* "Bron: CBS Kerncijfers wijken en buurten 2024" */
    const char *provenance;   /* "dnawijk 0.1 · recept x (sha 1a2b3c4d) · date" */
    const char *page;         /* "A4" (default, NULL), "A3", "WIDTHxHEIGHT" px */
    int landscape;
    double dpi;           /* PNG resolution; <= 0: 300 (96 for pixel pages) */
    const char *language; /* "nl" (default, NULL) or "en" */
    const pdf_meta *meta;   /* PDF document information, or NULL */
    /* Bivariate map (3 x 3 classes): the first 9 legend entries form the
     * grid, entry 3 * y + x (x, y = 0 low .. 2 high). The legend draws them
     * as a square with both axes labelled (counts in the cells) instead of
     * a list; later entries (missing reasons) are listed below it. See
     * map_bivar_colour() for a colour-blind-safe grid. */
    int bivariate;
    const char *x_title, *y_title; /* axis titles, e.g. "Laag inkomen" */
    const char *x_note, *y_note;   /* class ranges per axis, or NULL */
    /* PNG only: fills are antialiased with Cairo's FAST mode, because the
     * outlines drawn over every fill edge hide the difference (on the
     * whole-country map at 300 dpi under 1 % of the pixels differ by more
     * than 8 of 255 from full antialiasing; test_map measures it). 1 gives
     * the full, slower antialiasing. PDF and SVG are not affected. */
    int fill_antialias_full;
} map_spec;

/* Colour of cell (x, y) (0..2 each) of Joshua Stevens' pink-blue
 * bivariate scheme (#e8e8e8 low-low ... #574249 high-high), chosen for
 * colour-blind readers; x runs grey -> red, y grey -> blue. */
draw_rgb map_bivar_colour(int x, int y);

/* A placed label: the row and its text box (points, page coordinates). */
typedef struct {
    size_t row;
    double x, y, w, h;
} map_label_box;

/* What map_render_info() drew where, for tests, image maps and callers that
 * add to the page. Page coordinates are points from the top-left; a world
 * point (X, Y) in metres is at x = frame_x + (X - world[0]) * k,
 * y = frame_y + (world[3] - Y) * k, and at pixel (x, y) * px_per_pt. */
typedef struct {
    double page_w_pt, page_h_pt, px_per_pt;
    int px_w, px_h;          /* PNG size (also set for PDF/SVG) */
    double frame[4];         /* map frame x, y, w, h */
    double world[4];         /* extent shown: minx, miny, maxx, maxy */
    double k;                /* points per metre */
    double legend[4];        /* legend block x, y, w, h */
    double *swatch;          /* 4 per legend entry: x, y, w, h (owned) */
    map_label_box *labels;   /* placed labels (owned) */
    size_t n_labels;
    double scalebar_m;       /* scale bar length in metres (0 = none) */
    int bottom_panel;        /* legend below the map (else beside it) */
    int inset;               /* the locator inset was drawn */
} map_info;

/* Frees the arrays of an info filled by map_render_info(). */
void map_info_free(map_info *info);

/* Returns a spec with every field empty/default (highlight -1). */
map_spec map_spec_default(void);

/* Renders the map to path in format fmt. The file appears complete or not at
 * all (written to a temporary name beside it, then renamed). Returns 0, or
 * -1 with the error set: ERR_RENDER for a spec that cannot be drawn (no
 * rows, an entry out of range, unknown page size or language, geometry in
 * degrees, ...) or a Cairo/Pango failure, ERR_IO when the file cannot be
 * written (the message names path), ERR_MEMORY. Thread-safe for separate
 * specs. */
int map_render(const map_spec *spec, const char *path, map_format fmt);

/* Like map_render(), and on success fills *info (when not NULL; the caller
 * frees it with map_info_free()). On failure *info is zeroed. */
int map_render_info(const map_spec *spec, const char *path, map_format fmt,
                    map_info *info);

/* Small multiples: the same classed indicator for many areas (the wijken
 * of each gemeente), one panel per area with the same legend, on A3
 * portrait pages (6 x 7 panels a page) of one PDF. Panel p draws the rows
 * panel_rows[panel_off[p] .. panel_off[p + 1]) of geom, fitted into its cell
 * with metres kept square; rows with entry -1 are not drawn. Each page has
 * the title, the legend and the source lines. */
typedef struct {
    const tbl_col *geom;            /* COL_GEOM in metres */
    const int *entry;               /* per row of geom: legend entry or -1 */
    const map_legend_entry *legend;
    size_t n_legend;
    const size_t *panel_off;        /* n_panels + 1 */
    const int64_t *panel_rows;
    const char *const *panel_title; /* n_panels */
    size_t n_panels;
    const char *title, *subtitle, *legend_title;
    const char *source_line, *provenance;
    const char *language;           /* "nl" (NULL) or "en" */
} map_multi_spec;

/* Renders the small multiples as a PDF at path (atomically). Returns 0, or
 * -1 with ERR_RENDER (no panels), ERR_IO or ERR_MEMORY set. */
int map_multiples_render(const map_multi_spec *s, const char *path);

#endif
