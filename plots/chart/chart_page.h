/* chart_page.h - what every chart page shares: margin, ink, the heading
 * (title and subtitle) and the footer lines (source, provenance, notes).
 * Internal to plots/chart. */
#ifndef DNW_CHART_PAGE_H
#define DNW_CHART_PAGE_H

#include "page.h"
#include "text.h"

#include <cairo.h>
#include <stddef.h>

#define MARGIN 42.0
#define INK 0.13, 0.13, 0.13
#define MUTED 0.45, 0.45, 0.45

/* Starts a chart page (page_begin) with the run's metadata m and the tagged
 * document root, and makes *tc a text context on it (NULL when that
 * fails: the caller then ends with chart_page_end(po, NULL, -1)). NULL with
 * the error set when the page cannot be begun. */
page_out *chart_page_begin(const page_size *ps, page_format fmt,
                           const char *path, const char *title,
                           const pdf_meta *m, text_ctx **tc);

/* Ends a chart page: frees tc (NULL is fine), then writes the page when rc
 * is 0 (page_finish) or drops it (page_abort). Returns 0 or -1. */
int chart_page_end(page_out *po, text_ctx *tc, int rc);

/* Draws title (bold, 16 pt times scale, INK) and subtitle (9.5 pt times
 * scale, MUTED), each when not NULL, at the left margin from *y, wrapped
 * to width w; advances *y past them. 0, or -1 on OOM (error set). */
int chart_heading(text_ctx *tc, cairo_t *cr, const char *title,
                  const char *subtitle, double scale, double w, double *y);

/* Draws the n footer lines (NULL ones skipped), line k at sizes[k] pt, in
 * MUTED at the left margin from y down, wrapped to width w. 0, or -1 on
 * OOM (error set). */
int chart_footer(text_ctx *tc, cairo_t *cr, const char *const *lines,
                 const double *sizes, size_t n, double w, double y);

#endif
