/* pal_vision.h - can a reader tell the map colours apart on a greyscale
 * photocopy and with deuteranopia (the commonest colour-vision deficiency)?
 *
 * Colours are compared in CIELAB (sRGB, D65) with the CIE76 colour
 * difference ΔE*ab. On greyscale only lightness survives, so there the
 * difference is |ΔL*| of the colours' luminance. Deuteranopia is simulated
 * with the matrix of Machado, Oliveira and Fernandes (2009), severity 1, in
 * linear RGB. Thresholds (documented in the README):
 *   PAL_DE_CLASSES  adjacent classes must differ by at least 5
 *   PAL_DE_NODATA   the no-data fill must differ from every class by at
 *                   least 10, or be hatched
 * (ΔE 2.3 is a just-noticeable difference side by side; map readers compare
 * a patch with a legend swatch, so the thresholds are several times that.)
 */
#ifndef DNW_PAL_VISION_H
#define DNW_PAL_VISION_H

#include "pal.h"

#define PAL_DE_CLASSES 5.0
#define PAL_DE_NODATA 10.0

/* CIELAB of an sRGB colour (D65). */
void pal_lab(pal_rgb c, double lab[3]);
/* ΔE*ab (CIE76) of two colours as they are. */
double pal_delta_e(pal_rgb a, pal_rgb b);
/* |ΔL*| of two colours printed in greyscale. */
double pal_delta_grey(pal_rgb a, pal_rgb b);
/* The colour as seen with deuteranopia (Machado 2009, severity 1). */
pal_rgb pal_deuteranopia(pal_rgb c);
/* The smallest of ΔE in colour, in greyscale and with deuteranopia. */
double pal_delta_min(pal_rgb a, pal_rgb b);

/* The no-data style for k class colours: the first of a few greys
 * (#c8c8c8 first, then lighter and darker ones) that differs from every
 * class by at least PAL_DE_NODATA (pal_delta_min); when none does,
 * #c8c8c8 with *hatch = 1. Returns the smallest difference of that grey. */
double pal_nodata_style(const pal_rgb *cls, int k, pal_rgb *grey, int *hatch);

/* Fill patterns of missing values, or-ed together over the no-data grey:
 * lines "/", "\", horizontal, vertical, and dots. */
enum {
    PAL_HATCH_DIAG = 1,  /* "/" */
    PAL_HATCH_BACK = 2,  /* "\" */
    PAL_HATCH_HORIZ = 4,
    PAL_HATCH_VERT = 8,
    PAL_HATCH_DOTS = 16
};

/* The one style table of the missing reasons (miss_reason of tbl.h): the
 * pattern of reason why over the no-data grey, a different one for every
 * reason, so that two reasons on one map never share a swatch ("niet
 * gekoppeld" dots, "onbekend" horizontal lines, "geheim" "/", "te weinig
 * waarnemingen" "\", "te weinig dekking" crossed, ...). "geen gegevens"
 * is plain grey, unless hatch_all (no grey differs enough from the
 * classes: every reason patterned) gives it a pattern no other reason has.
 * Maps, their legends, bivariate maps and the layer styles of the
 * GeoPackage all take it from here. */
unsigned pal_miss_hatch(int why, int hatch_all);

/* Checks k class colours and the no-data style: writes the first problem
 * as a sentence into msg (Dutch, or English with en) and returns 1, or 0
 * when everything is distinguishable. */
int pal_vision_check(const pal_rgb *cls, int k, pal_rgb nodata, int hatch,
                     int en, char *msg, size_t size);

#endif
