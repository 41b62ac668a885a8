/* hairline.h - fast antialiased thin lines for raster maps.
 *
 * Cairo 1.16 strokes a country's worth of polygon outlines (130,000
 * segments) in about 0.3 s at 300 dpi, twice the time of filling them. Map
 * outlines are thin (0.5-2 px) lines of one colour, so this module draws
 * them itself: every segment is rasterised as a capsule into an 8-bit
 * coverage mask with max-compositing (shared borders and joins are not
 * counted twice, so no beads), then the mask is blended over the image in
 * one pass. Coverage is the overlap of the line's cross-section with the
 * pixel (a box filter), like Cairo's own antialiasing.
 */
#ifndef DNW_HAIRLINE_H
#define DNW_HAIRLINE_H

#include <stdint.h>

#include "bigmem.h"

typedef struct {
    uint8_t *a;            /* coverage, w x h, 0..255 */
    int w, h;
    int cx0, cy0, cx1, cy1; /* clip: pixels [cx0, cx1) x [cy0, cy1) */
    int ty0, ty1;          /* rows touched since the last blend */
    bigmem mem;
} hl_mask;

/* Sets up an empty mask of w x h pixels clipped to the rectangle (x, y,
 * cw, ch) in pixels. Returns 0 or -1 with ERR_MEMORY set. */
int hl_init(hl_mask *m, int w, int h, double x, double y, double cw, double ch);

/* Adds segment (x0,y0)-(x1,y1) with half width r (pixels) and round ends. */
void hl_segment(hl_mask *m, double x0, double y0, double x1, double y1,
                double r);

/* Blends colour (r, g, b: 0..1) by the mask over an RGB24/ARGB32 image of
 * the same size (stride bytes per row) and clears the mask. */
void hl_blend(hl_mask *m, uint8_t *data, int stride, double r, double g,
              double b);

/* Frees the mask. A zeroed mask is fine. */
void hl_free(hl_mask *m);

#endif
