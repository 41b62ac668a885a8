/* sheet_page.c - the layout of one unit's page: header with locator, the
 * body (key-figure table from sheet_table.c, bar charts, text boxes from
 * sheet_boxes.c) and the footer.
 *
 * The body (everything between header and footer) is measured first. When
 * it does not fit, rows and bars are set tighter, then the body is set a
 * little smaller (down to 85 %), then the boxes give up their last lines
 * (marked with an ellipsis), and as a last resort the body is set smaller
 * still on a proportionally wider measure - so nothing is ever cut off or
 * drawn over the footer, whatever the caller passes within the limits of
 * sheet.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "sheet_int.h"

#define LOC_W 150.0 /* locator map */
#define LOC_H 112.0
#define SEC_GAP 16.0 /* space above a section heading */
#define BOX_MIN 64.0 /* boxes are never squeezed below this */

/* ---- checks ---- */

/* Checks a unit's data (see sheet_int.h). */
/* Checks one countable part of a fact sheet: n given (a NULL array when
 * given is 0 although n is not), at most max. item is 0 for a part of the
 * page, or the 1-based figure/chart number the part belongs to. Sets
 * ERR_RECIPE naming the unit and returns -1 when wrong; 0 when fine. */
static int part_check(const char *code, const char *part, size_t item,
                      const char *what, size_t n, int given, size_t max,
                      const char *label)
{
    if (n <= max && (n == 0 || given))
        return 0;
    char where[64] = "";
    if (item)
        snprintf(where, sizeof where, ", %s %zu", part, item);
    if (n > max)
        err_set(ERR_RECIPE, NULL, 0, label,
                "Fact sheet of %s%s: %zu %s given; at most %zu fit.", code,
                where, n, what, max);
    else
        err_set(ERR_RECIPE, NULL, 0, label,
                "Fact sheet of %s%s: %zu %s announced, but their array is "
                "NULL.", code, where, n, what);
    return -1;
}

int sheet_unit_check(const sheet_unit *u)
{
    const char *code = u->code ? u->code : "(no code)";
    if (part_check(code, "", 0, "key figures", u->n_figures, u->figures != NULL,
                   SHEET_MAX_FIGURES, NULL) < 0)
        return -1;
    for (size_t i = 0; i < u->n_figures; i++) {
        const sheet_figure *f = &u->figures[i];
        if (part_check(code, "figure", i + 1, "comparison values", f->n_cmp, 1,
                       SHEET_MAX_CMP, f->label) < 0 ||
            part_check(code, "figure", i + 1, "area values", f->n_all,
                       f->all != NULL, SIZE_MAX, f->label) < 0)
            return -1;
    }
    if (part_check(code, "", 0, "charts", u->n_charts, u->charts != NULL,
                   SHEET_MAX_CHARTS, NULL) < 0)
        return -1;
    for (size_t i = 0; i < u->n_charts; i++) {
        const sheet_chart *c = &u->charts[i];
        if (part_check(code, "chart", i + 1, "bars", c->n, c->values != NULL,
                       SHEET_MAX_BARS, c->title) < 0)
            return -1;
    }
    if (part_check(code, "", 0, "text boxes", u->n_boxes, u->boxes != NULL,
                   SHEET_MAX_BOXES, NULL) < 0)
        return -1;
    sh_map m = {.geom = u->geom, .n = u->geom_n, .in_area = u->in_area,
                .highlight = u->highlight_row};
    return sheet_map_check(&m, "locator map");
}

/* ---- footer ---- */

/* The sources line, with "Bronnen: " in front unless it names itself. */
static void sources_text(sheet_r *r, const sheet_doc *doc, char *buf,
                         size_t n)
{
    const char *s = doc->sources ? doc->sources : "";
    if (!*s) {
        buf[0] = 0;
        return;
    }
    if (!strncasecmp(s, "bron", 4) || !strncasecmp(s, "source", 6))
        snprintf(buf, n, "%s", s);
    else
        snprintf(buf, n, "%s: %s", r->w->sources, s);
}

#define FOOT_NUM_W 90.0 /* page-number column */

/* Footer height (see sheet_int.h). */
double sheet_footer_height(sheet_r *r, const sheet_doc *doc)
{
    char src[2048];
    sources_text(r, doc, src, sizeof src);
    double h = 6; /* rule and gap */
    if (*src)
        h += sheet_txt_height(r, SH_FOOT, src, SH_CW - FOOT_NUM_W, 3) + 1.5;
    h += sheet_txt_height(r, SH_FOOT, "Ag", 0, 1);
    return h;
}

/* Draws the footer (see sheet_int.h). */
void sheet_footer_draw(sheet_r *r, const sheet_doc *doc, long page,
                       long pages)
{
    double h = sheet_footer_height(r, doc);
    double y = SH_PAGE_H - SH_MB - h;
    sheet_hrule(r->cr, SH_ML, SH_ML + SH_CW, y, 0.5, SH_RULE);
    y += 6;
    char src[2048], line[1024], num[96];
    sources_text(r, doc, src, sizeof src);
    if (page > 0) {
        if (pages > 0)
            snprintf(num, sizeof num, "%s %ld %s %ld", r->w->page, page,
                     r->w->page_of, pages);
        else
            snprintf(num, sizeof num, "%s %ld", r->w->page, page);
        sheet_txt_draw(r, SH_PAGENO, num, SH_ML + SH_CW - FOOT_NUM_W, y,
                       FOOT_NUM_W, 1, SH_RIGHT);
    }
    if (*src)
        y += sheet_txt_draw(r, SH_FOOT, src, SH_ML, y, SH_CW - FOOT_NUM_W, 3,
                            SH_LEFT) + 1.5;
    const char *d = doc->date ? doc->date : "";
    const char *p = doc->provenance ? doc->provenance : "";
    snprintf(line, sizeof line, "%s%s%s", d, *d && *p ? "  \xC2\xB7  " : "",
             p);
    sheet_txt_draw(r, SH_FOOT, line, SH_ML, y, SH_CW - FOOT_NUM_W, 1,
                   SH_LEFT);
}

/* ---- header ---- */

/* Draws the header; returns the y where the body starts. */
static double header_draw(sheet_r *r, const sheet_doc *doc,
                          const sheet_unit *u)
{
    int has_map = u->geom && u->geom_n > 0;
    double tw = SH_CW - (has_map ? LOC_W + 20 : 0);
    double y = SH_MT;
    char buf[1024];
    sheet_doc_title(r, doc, "  \xC2\xB7  ", buf, sizeof buf);
    double kh = sheet_txt_draw(r, SH_KICKER, buf, SH_ML, y, tw, 1, SH_LEFT);
    y += kh + 7;
    y += sheet_txt_draw(r, SH_TITLE, u->name ? u->name : u->code, SH_ML, y,
                        tw, 2, SH_LEFT) + 4;
    /* "Buurt BU03630001 · wijk Centrum, gemeente Voorbeeldrecht" */
    char level[128] = "";
    if (u->level_name && *u->level_name) {
        snprintf(level, sizeof level, "%s", u->level_name);
        if (level[0] >= 'a' && level[0] <= 'z')
            level[0] = (char)(level[0] - 'a' + 'A');
    }
    snprintf(buf, sizeof buf, "%s%s%s%s%s", level,
             *level && u->code ? " " : "", u->code ? u->code : "",
             u->parent_name && *u->parent_name ? "  \xC2\xB7  " : "",
             u->parent_name ? u->parent_name : "");
    y += sheet_txt_draw(r, SH_SUBTITLE, buf, SH_ML, y, tw, 3, SH_LEFT);
    if (u->summary && *u->summary) {
        double room = (has_map ? SH_MT + kh + 7 + LOC_H : y + 60) - (y + 9);
        double lh = sheet_txt_height(r, SH_SUMMARY, "Ag", 0, 1);
        int lines = (int)floor(room / lh);
        if (lines < 2)
            lines = 2;
        y += 9 + sheet_txt_draw(r, SH_SUMMARY, u->summary, SH_ML, y + 9,
                                fmin(tw, 330), lines, SH_LEFT);
    }
    double bottom = y;
    if (has_map) {
        double mx = SH_ML + SH_CW - LOC_W;
        sheet_txt_draw(r, SH_SECTION, r->w->location, mx, SH_MT, LOC_W, 1,
                       SH_LEFT);
        double my = SH_MT + kh + 7, ext[4];
        sh_map m = {.geom = u->geom, .n = u->geom_n, .in_area = u->in_area,
                    .highlight = u->highlight_row, .cache = &r->loc};
        if (sheet_map_draw(r->cr, &m, mx, my, LOC_W, LOC_H, ext))
            bottom = fmax(bottom, my + LOC_H);
    }
    bottom += 12;
    sheet_hrule(r->cr, SH_ML, SH_ML + SH_CW, bottom, 1.6, SH_ACCENT);
    return bottom + 1;
}

/* ---- section heading ---- */

/* Section heading with a thin rule (see sheet_int.h). */
double sheet_section(sheet_r *r, const char *title, double x, double y,
                           double w, int draw)
{
    double h = sheet_txt_height(r, SH_SECTION, title, w, 1);
    if (draw) {
        sheet_txt_show(r, SH_SECTION, x, y, NULL);
        sheet_hrule(r->cr, x, x + w, y + h + 3, 0.5, SH_RULE);
    }
    return h + 3;
}

/* ---- charts ---- */

/* Charts per row for n charts. */
static size_t charts_per_row(size_t n)
{
    return n <= 3 ? n : n == 4 ? 2 : 3;
}

/* Height (and drawing when draw) of the chart section at (x, y, w). */
static double charts_do(sheet_r *r, const sheet_unit *u, double x, double y,
                        double w, double pitch, int draw)
{
    if (u->n_charts == 0)
        return 0;
    double y0 = y;
    y += sheet_section(r, r->w->composition, x, y, w, draw) + 8;
    size_t per = charts_per_row(u->n_charts);
    /* a lone chart takes half the width, not all of it */
    size_t cols = per < 2 ? 2 : per;
    double gap = 22, cw = (w - gap * (double)(cols - 1)) / (double)cols;
    for (size_t i = 0; i < u->n_charts; i += per) {
        double rh = 0;
        for (size_t k = 0; k < per && i + k < u->n_charts; k++) {
            const sheet_chart *c = &u->charts[i + k];
            double cx = x + (double)k * (cw + gap);
            double h = draw ? sheet_chart_draw(r, c, cx, y, cw, pitch)
                            : sheet_chart_height(r, c, cw, pitch);
            rh = fmax(rh, h);
        }
        y += rh + (i + per < u->n_charts ? 12 : 0);
    }
    return y - y0;
}

/* ---- the page ---- */

typedef struct {
    double s;       /* body scale */
    double w;       /* body width in body units */
    double pad;     /* figure row padding */
    double pitch;   /* bar pitch */
    double box_h;   /* box height (body units) */
    sheet_figs_lay figs;
    double charts_h;
    double reach_h; /* the reach section (sheet_reach.c) */
    double need;    /* total body height in body units */
} body_plan;

/* Measures the body at scale s with the given spacing into P. The body
 * is figures, charts and boxes, SEC_GAP apart (4 more above the boxes). */
static void body_measure(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                         double s, double pad, double pitch, body_plan *P)
{
    P->s = s, P->w = SH_CW / s, P->pad = pad, P->pitch = pitch;
    sheet_figs_measure(r, doc, u, 0, P->w, pad, &P->figs);
    P->charts_h = charts_do(r, u, 0, 0, P->w, pitch, 0);
    P->box_h = sheet_boxes_natural(r, u, P->w);
    P->reach_h = sheet_reach_do(r, u, 0, 0, P->w, pitch, 0);
    double need = 0;
    int any = 0;
    if (u->n_figures > 0)
        need += P->figs.height, any = 1;
    if (u->n_charts > 0)
        need += (any ? SEC_GAP : 0) + P->charts_h, any = 1;
    if (P->reach_h > 0)
        need += (any ? SEC_GAP : 0) + P->reach_h, any = 1;
    if (u->n_boxes > 0)
        need += (any ? SEC_GAP + 4 : 0) + P->box_h;
    P->need = need;
}

/* Scales the body down (not below s_min) until its height with boxes of
 * at most box_cap fits avail; returns whether it fits. */
static int body_scale(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                      double avail, double s_min, double box_cap,
                      body_plan *P)
{
    for (int it = 0; it < 10; it++) {
        double want = P->need - P->box_h + fmin(P->box_h, box_cap);
        if (want * P->s <= avail + 1e-6)
            return 1;
        double s = fmax(s_min, fmin(P->s * 0.995, avail / want));
        if (s >= P->s)
            return 0;
        body_measure(r, doc, u, s, P->pad, P->pitch, P);
    }
    return P->need * P->s <= avail + 1e-6;
}

/* Plans the body to fit in avail points: tighter spacing; a slightly
 * smaller scale (down to 85 %); boxes shortened to BOX_MIN (their last
 * lines ellipsized); then any smaller scale on a wider measure. */
static void body_plan_fit(sheet_r *r, const sheet_doc *doc,
                          const sheet_unit *u, double avail, body_plan *P)
{
    body_measure(r, doc, u, 1, 3.5, 11.0, P);
    if (P->need <= avail)
        return;
    body_measure(r, doc, u, 1, 2.5, 10.0, P);
    if (P->need <= avail)
        return;
    if (body_scale(r, doc, u, avail, 0.85, INFINITY, P))
        return;
    body_scale(r, doc, u, avail, 0.35, BOX_MIN, P);
    double rest = P->need - P->box_h;
    P->box_h = fmax(0, fmin(P->box_h, avail / P->s - rest));
    P->need = rest + P->box_h;
}

/* Draws one unit page (see sheet_int.h). */
void sheet_page_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                     long page, long pages)
{
    cairo_t *cr = r->cr;
    double y = header_draw(r, doc, u) + 14;
    double foot_top = SH_PAGE_H - SH_MB - sheet_footer_height(r, doc) - 14;
    double avail = foot_top - y;
    body_plan P;
    body_plan_fit(r, doc, u, avail, &P);
    cairo_save(cr);
    cairo_translate(cr, SH_ML, y);
    cairo_scale(cr, P.s, P.s);
    double by = 0;
    int any = 0;
    if (u->n_figures > 0) {
        sheet_figs_draw(r, doc, u, &P.figs, by);
        by += P.figs.height, any = 1;
    }
    if (u->n_charts > 0) {
        by += any ? SEC_GAP : 0;
        charts_do(r, u, 0, by, P.w, P.pitch, 1);
        by += P.charts_h, any = 1;
    }
    if (P.reach_h > 0) {
        by += any ? SEC_GAP : 0;
        sheet_reach_do(r, u, 0, by, P.w, P.pitch, 1);
        by += P.reach_h, any = 1;
    }
    if (u->n_boxes > 0 && P.box_h > 30) /* room for a title and a line */
        sheet_boxes_draw(r, u, 0, by + (any ? SEC_GAP + 4 : 0), P.w, P.box_h);
    cairo_restore(cr);
    sheet_footer_draw(r, doc, page, pages);
}
