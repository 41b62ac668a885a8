/* chart.h - comparison charts: one indicator for many areas side by side
 * (gemeenten of a region, wijken of a gemeente), as sorted horizontal bars
 * or dots with the values written beside them, a reference line (the
 * whole area's value) and missing areas listed with their reason. Data in,
 * one PNG/PDF/SVG file out, written atomically through page.h.
 */
#ifndef DNW_CHART_H
#define DNW_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"

typedef enum { CHART_SORT_DESC = 0, CHART_SORT_ASC, CHART_SORT_NAME, CHART_SORT_NONE } chart_sort;

typedef struct {
    const char *title, *subtitle;
    const char *unit;          /* "%", NULL */
    int decimals;              /* -1: automatic from the values */
    const char *const *labels; /* n area names */
    const double *values;      /* n values */
    const uint8_t *miss;       /* n missing reasons (0 = valid), may be NULL */
    const char *const *miss_text; /* n texts for missing ones, may be NULL */
    size_t n;
    int dots;                  /* 0: bars, 1: dots */
    chart_sort sort;
    int has_ref;               /* draw a reference line at ref */
    double ref;
    const char *ref_label;     /* "gebied: 20,1 %" */
    const char *source_line, *provenance;
    const char *page;          /* "A4" (NULL), "A3" or "WxH" pixels */
    int landscape;
    double dpi;                /* PNG; <= 0: 300 */
    const char *language;      /* "nl" (NULL) or "en" */
    const pdf_meta *meta;      /* PDF document information, or NULL */
    /* optional error bars (e.g. Wilson 95 % intervals of a rate): n lower
     * and upper ends, NAN where a row has none; NULL = no bars */
    const double *lower, *upper;
    const char *interval_label; /* legend text for the bars, or NULL */
    /* Optional (zero = off): */
    int fit_height;            /* 1: one column, CHART_ROW_H points a row, and
                                  the page as tall as title, rows and footer
                                  (the page's width is kept) */
    int has_range;             /* 1: the value axis runs from lo to hi (pages
                                  of one chart share it) */
    double lo, hi;
    /* Strip chart: per row the values of its parts (the buurten or wijken
       of a gemeente), drawn as light ticks on the row's axis behind the
       row's own value (a dot). NULL: no strips. */
    const double *const *strip;
    const uint8_t *const *strip_miss; /* per row, NULL entries: all valid */
    const size_t *strip_n;
    /* Partial coverage: per row 1 when the value covers only part of its
       base (a rollup above coverage_min but below 100 %): its value text is
       marked "*" and partial_note is printed above the source line. NULL:
       no row is partial. */
    const uint8_t *partial;
    const char *partial_note; /* "* dekking onder 100 %: ..." */
} chart_spec;

#define CHART_ROW_H 14.0 /* row height with fit_height */

/* Renders the chart to path. Returns 0, or -1 with ERR_RENDER (nothing to
 * draw, unknown page) or ERR_IO (the message names path) set; no partial
 * file is left behind. */
int chart_render(const chart_spec *s, const char *path, page_format fmt);

#endif
