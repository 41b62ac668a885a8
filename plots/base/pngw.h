/* pngw.h - a small, fast PNG writer for Cairo image surfaces.
 *
 * Cairo's own cairo_surface_write_to_png() uses zlib at its default level
 * and takes most of a map's render time at 300 dpi. This writer converts the
 * surface to 8-bit RGB rows (filter "none") on several threads and
 * compresses them in one pass with GDAL's CPLZLibDeflate (libdeflate when
 * GDAL was built with it, zlib otherwise) at a low level. The output is a
 * plain, deterministic PNG: IHDR, pHYs (from dpi), IDAT chunks, IEND.
 */
#ifndef DNW_PNGW_H
#define DNW_PNGW_H

#include <stdint.h>
#include <stdio.h>

/* Writes the pixels of a Cairo CAIRO_FORMAT_RGB24 or ARGB32 (opaque) buffer
 * (w x h, stride bytes per row) as an RGB PNG to f. dpi > 0 adds a pHYs
 * chunk; level is the deflate level (1 = fastest .. 9); nthreads (1..8)
 * threads convert and filter the rows. `what` names the output in error
 * messages. Returns 0, or -1 with ERR_IO (write failed) or ERR_MEMORY set.
 * Does not close f. */
int pngw_write(FILE *f, const uint8_t *data, int w, int h, int stride,
               double dpi, int level, int nthreads, const char *what);

#endif
