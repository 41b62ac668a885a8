/* pngw.h - a small, fast PNG writer for Cairo image surfaces.
 *
 * Cairo's own cairo_surface_write_to_png() uses zlib at its default level
 * and takes most of a map's render time at 300 dpi. This writer converts the
 * surface to 8-bit RGB rows (filter "none") and compresses them with
 * libdeflate at a low level, in bands of about 2 MB on several threads:
 * every band is its own raw deflate stream, made joinable (dfljoin.h), and
 * the bands form one zlib stream with one combined Adler-32. Images up to
 * one band are one libdeflate zlib stream. The output is a plain,
 * deterministic PNG (the same for any thread count): IHDR, pHYs (from
 * dpi), IDAT chunks, IEND.
 */
#ifndef DNW_PNGW_H
#define DNW_PNGW_H

#include <stdint.h>
#include <stdio.h>

/* Writes the pixels of a Cairo CAIRO_FORMAT_RGB24 or ARGB32 (opaque) buffer
 * (w x h, stride bytes per row) as an RGB PNG to f. dpi > 0 adds a pHYs
 * chunk; level is the deflate level (1 = fastest .. 9); up to nthreads
 * threads convert and compress the bands. `what` names the output in error
 * messages. Returns 0, or -1 with ERR_IO (write failed) or ERR_MEMORY set.
 * Does not close f. */
int pngw_write(FILE *f, const uint8_t *data, int w, int h, int stride,
               double dpi, int level, int nthreads, const char *what);

/* As pngw_write, for a buffer the caller drops afterwards: each band's rows
 * are converted within the band's own rows of data instead of into a
 * second buffer of the image's size (no 26 MB of fresh pages for an A4 map
 * at 300 dpi). data holds no image after the call, whatever it returns. */
int pngw_write_inplace(FILE *f, uint8_t *data, int w, int h, int stride,
                       double dpi, int level, int nthreads, const char *what);

#endif
