/* page.h - page sizes and output surfaces (PNG, PDF, SVG) for everything
 * dnawijk draws.
 *
 * All drawing happens in points (1/72 inch) on a page of w_pt x h_pt. For
 * PNG the Cairo context that page_cairo() returns is already scaled to
 * pixels (dpi / 72). Output is written atomically: page_begin() opens a
 * temporary file beside the target, page_finish() writes and renames it
 * into place, and every failure removes the temporary file. PDF and SVG are
 * reproducible byte for byte: the PDF creation date is fixed
 * (SOURCE_DATE_EPOCH when set, else 2000-01-01) and the SVG element ids that
 * Cairo numbers per process are renumbered per document.
 */
#ifndef DNW_PAGE_H
#define DNW_PAGE_H

#include <cairo.h>

#include "atomic.h"
#include "pdfmeta.h"

typedef enum { PAGE_PNG = 0, PAGE_PDF, PAGE_SVG } page_format;

typedef struct {
    double w_pt, h_pt; /* page size in points */
    double dpi;        /* PNG resolution (pixels per inch) */
    int px_w, px_h;    /* PNG size in pixels */
    char name[32];     /* "A4", "A3", "1600x1200" */
    int is_pixels;     /* the page was given as WIDTHxHEIGHT pixels */
} page_size;

/* Parses a page name: "A5", "A4" (also NULL or ""), "A3", "A2", any case, or
 * "WIDTHxHEIGHT" in pixels (16..20000 each). landscape swaps paper sizes
 * (pixel sizes are taken as given). dpi <= 0 means 300 for paper and 96 for
 * pixel pages; a pixel page is w*72/dpi points wide and exactly w pixels.
 * Returns 0, or -1 with ERR_RENDER naming the bad value. */
int page_parse(const char *name, int landscape, double dpi, page_size *out);

/* Format from a file name's extension (.png, .pdf, .svg, any case).
 * Returns 0, or -1 with ERR_RENDER when the extension is none of these. */
int page_format_from_path(const char *path, page_format *out);

typedef struct page_out page_out;

/* Opens the temporary output file beside path and creates the surface.
 * title (may be NULL) goes into the PDF metadata. Returns a handle the
 * caller ends with page_finish() or page_abort(), or NULL with ERR_IO (the
 * folder is not writable; the message names path) or ERR_RENDER. */
page_out *page_begin(const page_size *ps, page_format fmt, const char *path,
                     const char *title);

/* As page_begin, for a renderer that paints every pixel itself (the map's
 * bands): a PNG raster is left as allocated (black), not made white first,
 * which saves one serial pass over 35 MB at A4 300 dpi. */
page_out *page_begin_unpainted(const page_size *ps, page_format fmt,
                               const char *path, const char *title);

/* PDF only: sets Author, Subject, Keywords and the dates now, and the
 * document language when the file is finished (pdfmeta.h). m may be NULL;
 * other formats ignore it. */
void page_set_meta(page_out *po, const pdf_meta *m);

/* The Cairo context to draw on, in points (scaled for PNG). Owned by the
 * handle. */
cairo_t *page_cairo(page_out *po);

/* The surface (an RGB24 image surface for PNG). Owned by the handle. */
cairo_surface_t *page_surface(page_out *po);

/* Device pixels per point: dpi/72 for PNG, 1 for vector output. */
double page_px_per_pt(const page_out *po);

/* Opens the root structure element of a tagged PDF (text.h); page_finish()
 * closes it. Only for pages whose drawing Cairo 1.16 can tag: a map's PDF
 * fails at finish with a tag-nesting error when a root is open, so maps
 * stay untagged. No effect on PNG and SVG or when called twice. */
void page_tag_document(page_out *po);

/* Finishes the surface, writes the file and renames it into place. Frees
 * the handle in every case. Returns 0, or -1 with ERR_RENDER/ERR_IO set
 * (then neither the temporary nor a half-written target remains). */
int page_finish(page_out *po);

/* Discards the output: frees the handle and removes the temporary file.
 * NULL is fine. Leaves the error context alone. */
void page_abort(page_out *po);

/* The body of a Cairo stream callback that writes into the atomic file af
 * (a PDF or PNG stream of a page or a sheet): writes data unless a write
 * failed before, and sets *failed when this one fails. Always returns
 * CAIRO_STATUS_SUCCESS; the caller reports *failed (with af's errno) when
 * it finishes the file. */
cairo_status_t page_stream_write(atomic_file *af, int *failed,
                                 const unsigned char *data, unsigned int len);

#endif
