/* chart_page.c - heading and footer of chart pages; see chart_page.h. */
#include "chart_page.h"

/* Draws one wrapped text at (MARGIN, *y) and moves *y down by its height
 * plus gap. -1 on OOM. */
static int line_at(text_ctx *tc, cairo_t *cr, const char *s, double size,
                   int bold, double w, double *y, double gap, double r,
                   double g, double b)
{
    PangoLayout *l = text_layout(tc, s, size, bold, w, TEXT_LEFT);
    if (!l)
        return -1;
    double tw, th;
    text_size(l, &tw, &th);
    text_draw(cr, l, MARGIN, *y, r, g, b);
    *y += th + gap;
    g_object_unref(l);
    return 0;
}

page_out *chart_page_begin(const page_size *ps, page_format fmt,
                           const char *path, const char *title,
                           const pdf_meta *m, text_ctx **tc)
{
    page_out *po = page_begin(ps, fmt, path, title);
    if (!po)
        return NULL;
    page_set_meta(po, m);
    page_tag_document(po);
    *tc = text_new(page_cairo(po), "DejaVu Sans");
    return po;
}

int chart_page_end(page_out *po, text_ctx *tc, int rc)
{
    text_free(tc);
    if (rc < 0) {
        page_abort(po);
        return -1;
    }
    return page_finish(po);
}

int chart_heading(text_ctx *tc, cairo_t *cr, const char *title,
                  const char *subtitle, double scale, double w, double *y)
{
    if (title && line_at(tc, cr, title, 16 * scale, 1, w, y, 4, INK) < 0)
        return -1;
    if (subtitle &&
        line_at(tc, cr, subtitle, 9.5 * scale, 0, w, y, 4, MUTED) < 0)
        return -1;
    return 0;
}

int chart_footer(text_ctx *tc, cairo_t *cr, const char *const *lines,
                 const double *sizes, size_t n, double w, double y)
{
    for (size_t k = 0; k < n; k++)
        if (lines[k] &&
            line_at(tc, cr, lines[k], sizes[k], 0, w, &y, 2, MUTED) < 0)
            return -1;
    return 0;
}
