/* chart_funnel.h - a funnel plot (Spiegelhalter 2005) of a rate per unit
 * against its denominator: the area's overall rate as a horizontal line,
 * 95 % and 99.8 % control limits as curves that narrow with the
 * denominator, one dot per unit, and the units below the lower 99.8 % limit
 * drawn in a signal colour and named beside their dot. The caller (the run
 * layer) computes everything numeric, including the limit curves; this
 * renderer only draws. One PNG/PDF/SVG file, white page, written
 * atomically through page.h.
 */
#ifndef DNW_CHART_FUNNEL_H
#define DNW_CHART_FUNNEL_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"

typedef struct {
    const char *title, *subtitle;
    const char *x_label, *y_label;   /* axis titles */
    const char *unit;                /* shown after y values ("%") */
    size_t n;                        /* units */
    const double *base;              /* n denominators (x) */
    const double *rate;              /* n rates in the unit of the y axis */
    const uint8_t *shown;            /* n: 1 = draw this unit */
    const int8_t *position;          /* n: -2 .. 2 (below 99.8 % .. above) */
    const char *const *labels;       /* n names, for the flagged ones */
    double centre;                   /* the overall rate (y units) */
    size_t n_curve;                  /* points of the limit curves */
    const double *curve_base;        /* n_curve ascending denominators */
    const double *lo998, *lo95, *hi95, *hi998; /* n_curve limits (y units) */
    /* legend words */
    const char *centre_label;        /* "hele gebied: 4,7 %" */
    const char *l95_label, *l998_label, *below_label, *inside_label;
    const char *note;                /* a line under the chart, or NULL */
    const char *source_line, *provenance;
    double dpi;                      /* PNG; <= 0: 300 */
    const char *language;            /* "nl" (NULL) or "en": numbers */
    const pdf_meta *meta;            /* PDF document information, or NULL */
} funnel_spec;

/* Draws the funnel plot to path (A4 landscape). Returns 0, or -1 with
 * ERR_RENDER (no unit to draw, no curve) or ERR_IO set; no partial file is
 * left behind. */
int chart_funnel_render(const funnel_spec *s, const char *path,
                        page_format fmt);

#endif
