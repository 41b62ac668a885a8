/* sheet_cover.c - the front matter of a combined fact-sheet PDF: the cover
 * page (title, overview map filled by class, legend, introduction) and the
 * contents pages (units grouped under their parent names, two columns,
 * with page numbers linked to the unit pages). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "sheet_int.h"

#define MAP_H 400.0

/* Draws the legend of the cover map at (x, y) in columns over width w;
 * returns its height. */
static double legend_draw(sheet_r *r, const sheet_cover *c, double x,
                          double y, double w)
{
    size_t n = c->n_legend + (c->missing_label ? 1 : 0);
    if (n == 0)
        return 0;
    double y0 = y;
    if (c->legend_title && *c->legend_title)
        y += sheet_txt_draw(r, SH_CHART_TITLE, c->legend_title, x, y, w, 2,
                            SH_LEFT) + 5;
    size_t cols = n <= 4 ? n : n <= 8 ? (n + 1) / 2 : 3;
    size_t rows = (n + cols - 1) / cols;
    double cw = w / (double)cols, rh = 13;
    for (size_t i = 0; i < n; i++) {
        double ix = x + (double)(i / rows) * cw;
        double iy = y + (double)(i % rows) * rh;
        pal_rgb col = i < c->n_legend ? c->legend_colors[i] : pal_missing();
        const char *lab = i < c->n_legend
                              ? (c->legend_labels ? c->legend_labels[i] : "")
                              : c->missing_label;
        cairo_rectangle(r->cr, ix, iy + 1.5, 16, 9);
        cairo_set_source_rgb(r->cr, col.r / 255.0, col.g / 255.0,
                             col.b / 255.0);
        cairo_fill_preserve(r->cr);
        draw_set_rgb(r->cr, DRAW_HEX(0x8c8c8c));
        cairo_set_line_width(r->cr, 0.4);
        cairo_stroke(r->cr);
        sheet_txt_draw(r, SH_CHART_LABEL, lab, ix + 21, iy + 0.5, cw - 26, 1,
                       SH_LEFT);
    }
    return y - y0 + (double)rows * rh;
}

/* Draws the cover page (see sheet_int.h). */
void sheet_cover_draw(sheet_r *r, const sheet_doc *doc,
                      const sheet_cover *cover, size_t n_units, long pages)
{
    double y = SH_MT + 40;
    char buf[512];
    const char *title = doc->title ? doc->title : r->w->title;
    sheet_txt_draw(r, SH_KICKER, title, SH_ML, SH_MT, SH_CW, 1, SH_LEFT);
    sheet_hrule(r->cr, SH_ML, SH_ML + SH_CW, SH_MT + 14, 1.6, SH_ACCENT);
    const char *big = cover && cover->title ? cover->title
                      : doc->area_name      ? doc->area_name
                                            : title;
    y += sheet_txt_draw(r, SH_COVER_TITLE, big, SH_ML, y, SH_CW, 3, SH_LEFT) +
         6;
    if (cover && cover->subtitle)
        y += sheet_txt_draw(r, SH_COVER_SUB, cover->subtitle, SH_ML, y, SH_CW,
                            2, SH_LEFT);
    snprintf(buf, sizeof buf, "%zu %s%s%s", n_units, r->w->units_word,
             doc->date && *doc->date ? "  \xC2\xB7  " : "",
             doc->date ? doc->date : "");
    y += 4 + sheet_txt_draw(r, SH_SUBTITLE, buf, SH_ML, y + 4, SH_CW, 1,
                            SH_LEFT);
    y += 22;
    double foot = SH_PAGE_H - SH_MB - sheet_footer_height(r, doc) - 16;
    if (cover && cover->geom && cover->geom_n > 0) {
        double lh = 0;
        if (cover->n_legend || cover->missing_label)
            lh = 40 + 13.0 * (double)((cover->n_legend + 3) / 3);
        double ih = cover->intro ? sheet_txt_height(r, SH_COVER_TEXT,
                                                    cover->intro, SH_CW, 8)
                                 : 0;
        double mh = fmin(MAP_H, foot - y - lh - ih - 20);
        if (mh > 60) {
            sh_map m = {.geom = cover->geom, .n = cover->geom_n,
                        .in_area = cover->in_area, .highlight = -1,
                        .cls = cover->cls, .colors = cover->legend_colors,
                        .n_colors = cover->n_legend};
            double ext[4];
            if (sheet_map_draw(r->cr, &m, SH_ML, y, SH_CW, mh, ext))
                y = ext[1] + ext[3] + 14;
        }
        y += legend_draw(r, cover, SH_ML, y, SH_CW) + 18;
    }
    if (cover && cover->intro && y < foot) {
        int lines = (int)floor((foot - y) / 12.0);
        if (lines > 0)
            sheet_txt_draw(r, SH_COVER_TEXT, cover->intro, SH_ML, y,
                           SH_CW * 0.8, lines, SH_LEFT);
    }
    sheet_footer_draw(r, doc, 1, pages);
}

/* ---- contents ---- */

#define TOC_ROW 12.5
#define TOC_GROUP_H 19.0
#define TOC_COLS 2
#define TOC_GAP 26.0

typedef struct {
    long page;     /* contents page, 0-based */
    int col;
    double y;      /* top of the item */
} toc_pos;

/* Top of the contents columns and their bottom. */
static void toc_frame(sheet_r *r, const sheet_doc *doc, double *top,
                      double *bottom)
{
    *top = SH_MT + 58;
    *bottom = SH_PAGE_H - SH_MB - sheet_footer_height(r, doc) - 14;
}

/* Walks the contents items in order, placing them in columns and pages.
 * When draw_page >= 0 the items of that page are drawn (with links to
 * first_unit_page + i). Returns the number of contents pages. */
static long toc_walk(sheet_r *r, const sheet_doc *doc,
                     const sheet_unit *units, size_t n, long draw_page,
                     long first_unit_page)
{
    double top, bottom;
    toc_frame(r, doc, &top, &bottom);
    double cw = (SH_CW - TOC_GAP * (TOC_COLS - 1)) / TOC_COLS;
    toc_pos p = {0, 0, top};
    const char *group = NULL;
    char buf[64], attr[96];
    for (size_t i = 0; i < n; i++) {
        const sheet_unit *u = &units[i];
        const char *g = u->parent_name && *u->parent_name ? u->parent_name
                                                           : NULL;
        int new_group = g && (!group || strcmp(g, group) != 0);
        double need = TOC_ROW + (new_group ? TOC_GROUP_H : 0);
        int cont = 0; /* a group going on in a new column */
        if (p.y + need > bottom && p.y > top) {
            if (++p.col == TOC_COLS)
                p.col = 0, p.page++;
            p.y = top;
            cont = g && !new_group;
        }
        if (p.page > draw_page && draw_page >= 0)
            break;
        int draw = p.page == draw_page;
        double x = SH_ML + (double)p.col * (cw + TOC_GAP);
        if (new_group || cont) {
            if (draw) {
                double gy = p.y + (p.y > top ? 6 : 0);
                char head[512];
                snprintf(head, sizeof head, "%s%s", g,
                         cont ? r->w->continued : "");
                sheet_txt_draw(r, SH_TOC_GROUP, head, x, gy, cw, 1, SH_LEFT);
            }
            p.y += p.y > top ? TOC_GROUP_H : TOC_GROUP_H - 6;
            group = g;
        }
        if (draw) {
            long pg = first_unit_page + (long)i;
            snprintf(buf, sizeof buf, "%ld", pg);
            double pw = 28, codew = 52;
            sheet_txt_draw(r, SH_TOC_PAGE, buf, x + cw - pw, p.y, pw, 1,
                           SH_RIGHT);
            sheet_txt(r, SH_TOC_NAME, u->name ? u->name : u->code,
                      cw - pw - codew - 6, 1, SH_LEFT);
            double base = sheet_txt_baseline(r), nw;
            sheet_txt_size(r, &nw, NULL);
            sheet_txt_show(r, SH_TOC_NAME, x, p.y, NULL);
            sheet_txt(r, SH_TOC_CODE, u->code ? u->code : "", codew, 1,
                      SH_LEFT);
            sheet_txt_show(r, SH_TOC_CODE, x + cw - pw - codew,
                           p.y + base - sheet_txt_baseline(r), NULL);
            /* dotted leader from the name to the code */
            double lx0 = x + nw + 4, lx1 = x + cw - pw - codew - 5;
            if (lx1 - lx0 > 6) {
                static const double dash[2] = {0.6, 2.4};
                cairo_save(r->cr);
                cairo_set_dash(r->cr, dash, 2, 0);
                cairo_set_line_cap(r->cr, CAIRO_LINE_CAP_ROUND);
                sheet_hrule(r->cr, lx0, lx1, p.y + base, 0.6,
                            DRAW_HEX(0xb0b0b0));
                cairo_restore(r->cr);
            }
            /* a named destination: Cairo 1.16 cannot link to a page
             * number that is not written yet */
            snprintf(attr, sizeof attr,
                     "rect=[%.1f %.1f %.1f %.1f] dest='p%ld'", x, p.y, cw,
                     TOC_ROW, pg);
            cairo_tag_begin(r->cr, CAIRO_TAG_LINK, attr);
            cairo_tag_end(r->cr, CAIRO_TAG_LINK);
        }
        p.y += TOC_ROW;
    }
    return n ? p.page + 1 : 1;
}

/* Number of contents pages (see sheet_int.h). */
long sheet_toc_pages(sheet_r *r, const sheet_doc *doc,
                     const sheet_unit *units, size_t n)
{
    return toc_walk(r, doc, units, n, -1, 0);
}

/* Draws contents page k (see sheet_int.h). */
void sheet_toc_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *units,
                    size_t n, long k, long toc_pages, long first_unit_page,
                    long pages)
{
    char buf[256];
    sheet_doc_title(r, doc, "  \xC2\xB7  ", buf, sizeof buf);
    sheet_txt_draw(r, SH_KICKER, buf, SH_ML, SH_MT, SH_CW, 1, SH_LEFT);
    sheet_hrule(r->cr, SH_ML, SH_ML + SH_CW, SH_MT + 14, 1.6, SH_ACCENT);
    if (toc_pages > 1)
        snprintf(buf, sizeof buf, "%s (%ld/%ld)", r->w->contents, k + 1,
                 toc_pages);
    else
        snprintf(buf, sizeof buf, "%s", r->w->contents);
    sheet_txt_draw(r, SH_COVER_SUB, buf, SH_ML, SH_MT + 24, SH_CW, 1,
                   SH_LEFT);
    toc_walk(r, doc, units, n, k, first_unit_page);
    sheet_footer_draw(r, doc, 2 + k, pages);
}
