/* sheet_int.h - private parts of the fact sheet shared by its files:
 * the renderer (Pango context, one reused layout, the type styles), the
 * design tokens (page geometry, colours),
 * and the drawing functions of the page parts.
 *
 * Not a public header: only plots/sheet*.c include it.
 */
#ifndef DNW_SHEET_INT_H
#define DNW_SHEET_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "draw.h"
#include "numfmt.h"
#include "sheet.h"

/* ---- page geometry (points; A4 portrait, A3 is this page scaled) ---- */
#define SH_PAGE_W 595.276
#define SH_PAGE_H 841.890
#define SH_ML 45.0 /* margins */
#define SH_MR 45.0
#define SH_MT 40.0
#define SH_MB 34.0
#define SH_CW (SH_PAGE_W - SH_ML - SH_MR) /* content width */

/* ---- colours (draw_rgb, draw.h) ---- */

#define SH_INK DRAW_HEX(0x1a1a1a)       /* text */
#define SH_INK2 DRAW_HEX(0x4d4d4d)      /* secondary text */
#define SH_MUTED DRAW_HEX(0x7a7a7a)     /* missing values, captions */
#define SH_RULE DRAW_HEX(0xc4c4c4)      /* thin rules */
#define SH_HAIR DRAW_HEX(0xe3e3e3)      /* row separators */
#define SH_ACCENT DRAW_HEX(0x1d4e89)    /* deep blue: headings, this unit */
#define SH_WORSE DRAW_HEX(0xd9480f)     /* orange: dot when worse than half */
#define SH_TICK DRAW_HEX(0x9a9a9a)      /* ticks of the other units */
#define SH_BAR DRAW_HEX(0x6b8fb8)       /* chart bars */
#define SH_BOXBG DRAW_HEX(0xf2f5f9)     /* box background */
#define SH_MAP_AREA DRAW_HEX(0xd4d4d4)  /* locator: units of the area */

/* ---- type styles ---- */
typedef enum {
    SH_KICKER = 0,  /* small spaced capitals above the title */
    SH_TITLE,       /* unit name */
    SH_SUBTITLE,    /* level, code, parent */
    SH_SUMMARY,     /* short description under the subtitle */
    SH_SECTION,     /* section heading ("Kerncijfers") */
    SH_COLHEAD,     /* table column headings */
    SH_GROUP,       /* figure group heading inside the table */
    SH_LABEL,       /* figure label */
    SH_VALUE,       /* figure value (bold) */
    SH_MISS,        /* missing value text (italic, muted) */
    SH_CMP,         /* comparison value */
    SH_CMP_MISS,    /* missing comparison */
    SH_TINY,        /* strip min/max, legend */
    SH_CHART_TITLE,
    SH_CHART_LABEL,
    SH_CHART_VALUE,
    SH_BOX_TITLE,
    SH_BOX_TEXT,
    SH_BOX_VALUE,
    SH_FOOT,
    SH_FOOT_BOLD,
    SH_PAGENO,
    SH_COVER_TITLE,
    SH_COVER_SUB,
    SH_COVER_TEXT,
    SH_TOC_GROUP,
    SH_TOC_NAME,
    SH_TOC_CODE,
    SH_TOC_PAGE,
    SH_STYLE_COUNT
} sh_style;

typedef enum { SH_LEFT = 0, SH_CENTER, SH_RIGHT } sh_align;

/* ---- small maps: frame and background cache (sheet_locator.c) ---- */

/* Where a small map's geometry goes on the page. */
typedef struct {
    double minx, miny, kx, s, ox, oy;
    double vb[4];  /* visible extent in source units */
    draw_xf xf;    /* geometry to page points (the polygon primitive's) */
    double out[4]; /* the drawn extent: x, y, w, h */
    double box[4]; /* the box it was fitted into: x, y, w, h */
} sh_frame;

/* A locator background a renderer drew: the context and area rows of one
 * area in one box, recorded once (a Cairo recording surface) and painted
 * on every page that shows the same area, so a combined PDF holds its
 * paths once (one form XObject) instead of once per page. */
typedef struct {
    const tbl_col *geom; /* the key: geometry, area flags, rows, box */
    const uint8_t *in_area;
    size_t n;
    sh_frame t;
    cairo_surface_t *rec;  /* owned */
    unsigned long used_at; /* for least-recently-used replacement */
} sh_map_cache;

/* Room for the backgrounds of more areas than the 342 gemeenten: a
 * combined PDF in any unit order records each area once. */
#define SH_LOC_SLOTS 512

/* The backgrounds of a renderer (fully associative, compared by key, not
 * hashed, so what is replaced does not depend on addresses and the PDF
 * bytes stay the same from run to run). */
typedef struct {
    sh_map_cache *slot; /* SH_LOC_SLOTS (owned) */
    size_t used;
    unsigned long clock;
} sh_map_caches;

/* A cached layout: most strings of a page (labels, headings, footer)
 * repeat on every page, so shaped layouts are kept by their text and
 * settings and drawn again without shaping. */
typedef struct {
    uint64_t h;
    int st, max_lines, al;
    long wq; /* width in 1/1024 points, -1: none */
    size_t len;
    char *text; /* owned copy of the key text */
    PangoLayout *lay;
} sh_slot;

#define SH_CACHE_SLOTS 1024 /* direct-mapped, a power of two */

/* The renderer: one Pango context and a cache of layouts for many pages.
 * Owned by whoever made it with sheet_r_new; one per thread. */
typedef struct {
    PangoFontMap *fm; /* the thread's default PangoCairo font map (Pango's) */
    PangoContext *pc;
    PangoLayout *lay; /* the layout last set (owned by the cache) */
    sh_slot *cache;   /* SH_CACHE_SLOTS */
    PangoFontDescription *fd[SH_STYLE_COUNT];
    PangoAttrList *attrs[SH_STYLE_COUNT];
    draw_rgb color[SH_STYLE_COUNT];
    int upper[SH_STYLE_COUNT]; /* style set in capitals */
    cairo_t *cr; /* the page being drawn (borrowed) */
    sh_map_caches loc; /* locator backgrounds (sheet_locator.c) */
    numfmt_lang lang;
    const sheet_words *w; /* the document's words (borrowed) */
} sheet_r;

/* ---- renderer (sheet_text.c) ---- */


/* Makes a renderer for the language and the document's words (borrowed;
 * NULL: empty words): font map, context (language nl or en, resolution 72,
 * metric hinting off), one layout, the styles. Returns NULL with
 * ERR_RENDER or ERR_MEMORY set. Free with sheet_r_free. */
sheet_r *sheet_r_new(numfmt_lang lang, const sheet_words *words);

/* Frees the renderer. NULL is fine. */
void sheet_r_free(sheet_r *r);

/* Points the renderer at a new Cairo context (a new page surface). */
void sheet_r_attach(sheet_r *r, cairo_t *cr);

/* Sets text into a layout in a style: wrapped at w points (w <= 0: no
 * wrapping), at most max_lines lines (0: unlimited; the last one
 * ellipsized), aligned within w. Returns the layout (owned by r's cache,
 * valid until the next call). */
PangoLayout *sheet_txt(sheet_r *r, sh_style st, const char *text, double w,
                       int max_lines, sh_align al);

/* Size in points of the layout last set. */
void sheet_txt_size(sheet_r *r, double *w, double *h);

/* Distance from the layout's top to its first baseline, in points. */
double sheet_txt_baseline(sheet_r *r);

/* Draws the layout last set with its top-left at (x, y) in the style's
 * colour (or col when not NULL). */
void sheet_txt_show(sheet_r *r, sh_style st, double x, double y,
                    const draw_rgb *col);

/* Like sheet_txt for the first len bytes of text. */
PangoLayout *sheet_txtn(sheet_r *r, sh_style st, const char *text, int len,
                        double w, int max_lines, sh_align al);

/* The document's title and area name joined by sep ("DNA van de wijk ·
 * Voorbeeldrecht"; the title alone without an area) into buf. */
void sheet_doc_title(const sheet_r *r, const sheet_doc *doc, const char *sep,
                     char *buf, size_t size);

/* sheet_txt + sheet_txt_show; returns the height drawn. */
double sheet_txt_draw(sheet_r *r, sh_style st, const char *text, double x,
                      double y, double w, int max_lines, sh_align al);

/* Height of text in a style at width w (no drawing). */
double sheet_txt_height(sheet_r *r, sh_style st, const char *text, double w,
                        int max_lines);

/* Natural width of one line of text in a style. */
double sheet_txt_width(sheet_r *r, sh_style st, const char *text);


/* Draws a horizontal rule at y from x0 to x1 with line width lw. */
void sheet_hrule(cairo_t *cr, double x0, double x1, double y, double lw,
                 draw_rgb c);

/* ---- maps (sheet_locator.c) ---- */

typedef struct {
    const tbl_col *geom;
    size_t n;
    const uint8_t *in_area; /* NULL: all */
    long highlight;         /* -1: none */
    const int *cls;         /* NULL: locator colours; else cover colours */
    const pal_rgb *colors;
    size_t n_colors;
    sh_map_caches *cache;   /* locator only (cls NULL): the renderer's
                               backgrounds; NULL: draw directly */
} sh_map;

/* Destroys the recordings of a renderer's backgrounds and frees their
 * slots. */
void sheet_map_caches_free(sh_map_caches *c);

/* Checks a map's arguments (row count, highlight row, geometry type).
 * Returns 0, or -1 with ERR_RECIPE set. what names the map in messages. */
int sheet_map_check(const sh_map *m, const char *what);

/* Draws the map fitted into the box (x, y, w, h), clipped to it. Returns 1
 * when something was drawn, 0 when there was nothing to draw (no in-area
 * geometry). The actual drawn extent is written to out[4] (x, y, w, h). */
int sheet_map_draw(cairo_t *cr, const sh_map *m, double x, double y,
                   double w, double h, double out[4]);

/* ---- charts (sheet_charts.c) ---- */

/* Decimals for a figure's value and comparisons (sheet.h: -1 = auto). */
int sheet_fig_decimals(const sheet_figure *f);

/* Formats v with dec decimals and unit in the renderer's language into
 * buf; "?" if numfmt refuses (it does not for finite values). */
void sheet_fmt(sheet_r *r, double v, int dec, const char *unit, char *buf,
               size_t n);

/* Draws a figure's dot strip in the box (x, y, w, h): ticks for all
 * values, a line for the first comparison value, a dot for the unit, and
 * min/max labels under the ends. */
void sheet_strip_draw(sheet_r *r, const sheet_figure *f, double x, double y,
                      double w, double h);

/* Height of a bar chart at width w with bar pitch `pitch`. */
double sheet_chart_height(sheet_r *r, const sheet_chart *c, double w,
                          double pitch);

/* Draws a bar chart at (x, y), width w. Returns the height used. */
double sheet_chart_draw(sheet_r *r, const sheet_chart *c, double x, double y,
                        double w, double pitch);

/* ---- body parts (sheet_table.c, sheet_boxes.c, sheet_page.c) ---- */

/* Draws (draw != 0) or measures a section heading with a thin rule under
 * it at (x, y), width w; returns its height. */
/* Height (and drawing when draw) of the reach section at (x, y, w);
 * 0 when the unit has none (sheet_reach.c). */
double sheet_reach_do(sheet_r *r, const sheet_unit *u, double x, double y,
                      double w, double pitch, int draw);

double sheet_section(sheet_r *r, const char *title, double x, double y,
                     double w, int draw);

/* The measured key-figure table. */
typedef struct {
    double x, w;               /* table position and width */
    double label_w, val_w, cmp_w, strip_x, strip_w;
    size_t n_cmp;
    int has_strip;
    double pad;                /* vertical padding of a row */
    double head_h;             /* column headings */
    double row_h[SHEET_MAX_FIGURES];
    double group_h[SHEET_MAX_FIGURES]; /* group heading above row i, or 0 */
    double height;             /* whole section */
} sheet_figs_lay;

/* Measures the key-figure table at (x, w) with row padding pad into L
 * (height 0 when the unit has no figures). */
void sheet_figs_measure(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                        double x, double w, double pad, sheet_figs_lay *L);

/* Draws the table measured into L with its top at y. */
void sheet_figs_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                     const sheet_figs_lay *L, double y);

/* Natural height of the row of boxes at width w (its tallest box). */
double sheet_boxes_natural(sheet_r *r, const sheet_unit *u, double w);

/* Draws the boxes side by side at (x, y), width w, height h; text that
 * does not fit is cut and marked. */
void sheet_boxes_draw(sheet_r *r, const sheet_unit *u, double x, double y,
                      double w, double h);

/* ---- pages (sheet_page.c, sheet_cover.c) ---- */

/* Checks a unit's data (counts within limits, non-NULL arrays). Returns 0,
 * or -1 with ERR_RECIPE naming the unit and what is wrong. */
int sheet_unit_check(const sheet_unit *u);

/* Draws one unit page on r->cr (already scaled to A4 points). page and
 * pages: the page number and total (pages 0: "pagina N" only). */
void sheet_page_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                     long page, long pages);

/* Number of contents pages for n units. */
long sheet_toc_pages(sheet_r *r, const sheet_doc *doc,
                     const sheet_unit *units, size_t n);

/* Draws the cover page. */
void sheet_cover_draw(sheet_r *r, const sheet_doc *doc,
                      const sheet_cover *cover, size_t n_units, long pages);

/* Draws contents page k (0-based) of toc_pages; first_unit_page is the
 * 1-based page of units[0]. Adds links to the unit pages. */
void sheet_toc_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *units,
                    size_t n, long k, long toc_pages, long first_unit_page,
                    long pages);

/* Draws the footer (sources, date, provenance, page number) of any page. */
void sheet_footer_draw(sheet_r *r, const sheet_doc *doc, long page,
                       long pages);

/* Height the footer takes above the bottom margin. */
double sheet_footer_height(sheet_r *r, const sheet_doc *doc);

#endif
