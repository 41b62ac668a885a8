/* sheet_page.c - the layout of one unit's page: header with locator,
 * key-figure table, bar charts, text boxes and footer.
 *
 * The body (everything between header and footer) is measured first. When
 * it does not fit, rows and bars are set tighter, then the boxes give up
 * their surplus lines (ellipsized), and as a last resort the whole body is
 * set at a smaller scale on a proportionally wider measure - so nothing is
 * ever cut off or drawn over the footer, whatever the caller passes within
 * the limits of sheet.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "sheet_int.h"

#define LOC_W 150.0 /* locator map */
#define LOC_H 112.0
#define SEC_GAP 16.0 /* space above a section heading */
#define BOX_PAD 9.0
#define BOX_GAP 14.0
#define BOX_MIN 64.0 /* boxes are never squeezed below this */

/* ---- checks ---- */

/* Checks a unit's data (see sheet_int.h). */
int sheet_unit_check(const sheet_unit *u)
{
    const char *code = u->code ? u->code : "(no code)";
    if (u->n_figures > SHEET_MAX_FIGURES || (u->n_figures && !u->figures)) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "Fact sheet of %s: %zu key figures given; a page holds at "
                "most %d (and the figures array must not be NULL).",
                code, u->n_figures, SHEET_MAX_FIGURES);
        return -1;
    }
    for (size_t i = 0; i < u->n_figures; i++) {
        const sheet_figure *f = &u->figures[i];
        if (f->n_cmp > SHEET_MAX_CMP || (f->n_all && !f->all)) {
            err_set(ERR_RECIPE, NULL, 0, f->label,
                    "Fact sheet of %s, figure %zu: %zu comparison values "
                    "(at most %d) or a NULL array of area values.",
                    code, i + 1, f->n_cmp, SHEET_MAX_CMP);
            return -1;
        }
    }
    if (u->n_charts > SHEET_MAX_CHARTS || (u->n_charts && !u->charts)) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "Fact sheet of %s: %zu charts given; a page holds at most %d.",
                code, u->n_charts, SHEET_MAX_CHARTS);
        return -1;
    }
    for (size_t i = 0; i < u->n_charts; i++) {
        const sheet_chart *c = &u->charts[i];
        if (c->n > SHEET_MAX_BARS || (c->n && !c->values)) {
            err_set(ERR_RECIPE, NULL, 0, c->title,
                    "Fact sheet of %s, chart %zu: %zu bars given; a chart "
                    "holds at most %d (and values must not be NULL).",
                    code, i + 1, c->n, SHEET_MAX_BARS);
            return -1;
        }
    }
    if (u->n_boxes > SHEET_MAX_BOXES || (u->n_boxes && !u->boxes)) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "Fact sheet of %s: %zu text boxes given; a page holds at "
                "most %d side by side.",
                code, u->n_boxes, SHEET_MAX_BOXES);
        return -1;
    }
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
    const char *title = doc->title ? doc->title : r->w->title;
    if (doc->area_name && *doc->area_name)
        snprintf(buf, sizeof buf, "%s  \xC2\xB7  %s", title, doc->area_name);
    else
        snprintf(buf, sizeof buf, "%s", title);
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
                    .highlight = u->highlight_row};
        if (sheet_map_draw(r->cr, &m, mx, my, LOC_W, LOC_H, ext))
            bottom = fmax(bottom, my + LOC_H);
    }
    bottom += 12;
    sheet_hrule(r->cr, SH_ML, SH_ML + SH_CW, bottom, 1.6, SH_ACCENT);
    return bottom + 1;
}

/* ---- section heading ---- */

/* Section heading with a thin rule; returns its height. */
static double section_draw(sheet_r *r, const char *title, double x, double y,
                           double w, int draw)
{
    double h = sheet_txt_height(r, SH_SECTION, title, w, 1);
    if (draw) {
        sheet_txt_show(r, SH_SECTION, x, y, NULL);
        sheet_hrule(r->cr, x, x + w, y + h + 3, 0.5, SH_RULE);
    }
    return h + 3;
}

/* ---- key figures ---- */

typedef struct {
    double x, w;               /* table position and width */
    double label_w, val_w, cmp_w, strip_x, strip_w;
    size_t n_cmp;
    int has_strip;
    double pad;                /* vertical padding of a row */
    double head_h;             /* column headings */
    double row_h[SHEET_MAX_FIGURES];
    double group_h[SHEET_MAX_FIGURES]; /* group heading above row i, or 0 */
    double height;             /* whole section */
} figs_lay;

#define GROUP_H 14.0

/* Text of a figure's value, comparison i (-1 = the value). Sets *missing. */
static const char *fig_text(sheet_r *r, const sheet_figure *f, int i,
                            char *buf, size_t n, int *missing)
{
    int dec = sheet_fig_decimals(f);
    if (i < 0) {
        *missing = f->miss || !isfinite(f->value);
        if (*missing)
            return f->miss_text && *f->miss_text ? f->miss_text
                                                 : r->w->unknown;
        sheet_fmt(r, f->value, dec, f->unit, buf, n);
        return buf;
    }
    if ((size_t)i >= f->n_cmp) {
        *missing = 1;
        return "";
    }
    *missing = f->cmp_miss[i] || !isfinite(f->cmp[i]);
    if (*missing)
        return f->cmp_miss_text[i] ? f->cmp_miss_text[i] : "\xE2\x80\x93";
    sheet_fmt(r, f->cmp[i], dec, f->unit, buf, n);
    return buf;
}

/* Width the value column's text may take: the column, plus the free room
 * left of it when the value is a (longer) missing-value text. */
static double value_room(sheet_r *r, const sheet_figure *f,
                         const figs_lay *L, int missing)
{
    if (!missing)
        return L->val_w;
    double lw;
    sheet_txt(r, SH_LABEL, f->label, L->label_w - 8, 2, SH_LEFT);
    PangoRectangle lr;
    pango_layout_get_extents(r->lay, NULL, &lr);
    lw = (double)lr.width / PANGO_SCALE;
    if (pango_layout_get_line_count(r->lay) > 1)
        return L->val_w;
    return L->val_w + fmin(fmax(L->label_w - lw - 14, 0), 70);
}

/* Heading of comparison column i. */
static const char *cmp_head(sheet_r *r, const sheet_unit *u, size_t i,
                            char *buf, size_t n)
{
    if (u->cmp_labels[i])
        return u->cmp_labels[i];
    snprintf(buf, n, "%s %zu", r->w->cmp_default, i + 1);
    return buf;
}

/* Measures the key-figure table at (x, w) with row padding pad. */
static void figs_measure(sheet_r *r, const sheet_doc *doc,
                         const sheet_unit *u, double x, double w, double pad,
                         figs_lay *L)
{
    memset(L, 0, sizeof *L);
    L->x = x, L->w = w, L->pad = pad;
    if (u->n_figures == 0)
        return;
    char buf[128];
    double vw = 0, cw = 0;
    int missing;
    for (size_t i = 0; i < u->n_figures; i++) {
        const sheet_figure *f = &u->figures[i];
        if (f->n_cmp > L->n_cmp)
            L->n_cmp = f->n_cmp;
        if (f->all && f->n_all)
            L->has_strip = 1;
        const char *t = fig_text(r, f, -1, buf, sizeof buf, &missing);
        if (!missing)
            vw = fmax(vw, sheet_txt_width(r, SH_VALUE, t));
        for (size_t k = 0; k < f->n_cmp; k++) {
            t = fig_text(r, f, (int)k, buf, sizeof buf, &missing);
            if (!missing)
                cw = fmax(cw, sheet_txt_width(r, SH_CMP, t));
        }
    }
    L->val_w = fmin(fmax(vw + 10, 54), 90);
    L->cmp_w = fmin(fmax(cw + 10, 50), 76);
    L->strip_w = L->has_strip ? fmin(136, w * 0.27) : 0;
    L->label_w = w - L->val_w - (double)L->n_cmp * L->cmp_w -
                 (L->has_strip ? L->strip_w + 16 : 0);
    L->strip_x = x + w - L->strip_w;
    /* column headings */
    double hh = 0;
    const char *lv = u->level_name ? u->level_name : "";
    hh = fmax(hh, sheet_txt_height(r, SH_COLHEAD, lv, L->val_w, 2));
    for (size_t k = 0; k < L->n_cmp; k++)
        hh = fmax(hh, sheet_txt_height(r, SH_COLHEAD,
                                       cmp_head(r, u, k, buf, sizeof buf),
                                       L->cmp_w, 2));
    if (L->has_strip) {
        char sp[256];
        snprintf(sp, sizeof sp, "%s %s", r->w->spread_in,
                 doc->area_name ? doc->area_name : "");
        hh = fmax(hh, sheet_txt_height(r, SH_COLHEAD, sp, L->strip_w, 2));
    }
    L->head_h = hh + 4;
    double total = section_draw(r, r->w->key_figures, x, 0, w, 0) + 6 +
                   L->head_h;
    const char *sec = NULL;
    for (size_t i = 0; i < u->n_figures; i++) {
        const sheet_figure *f = &u->figures[i];
        if (f->section && *f->section &&
            (!sec || strcmp(sec, f->section) != 0)) {
            L->group_h[i] = GROUP_H;
            total += GROUP_H;
        }
        if (f->section && *f->section)
            sec = f->section;
        double lh = sheet_txt_height(r, SH_LABEL, f->label, L->label_w - 8, 2);
        double vh = 0;
        const char *t = fig_text(r, f, -1, buf, sizeof buf, &missing);
        double room = value_room(r, f, L, missing);
        vh = sheet_txt_height(r, missing ? SH_MISS : SH_VALUE, t, room, 2);
        for (size_t k = 0; k < f->n_cmp; k++) {
            t = fig_text(r, f, (int)k, buf, sizeof buf, &missing);
            vh = fmax(vh, sheet_txt_height(r, missing ? SH_CMP_MISS : SH_CMP,
                                           t, L->cmp_w - 4, 2));
        }
        double h = fmax(lh, vh) + 2 * pad;
        if (f->all && f->n_all)
            h = fmax(h, 16 + 2 * fmin(pad, 2));
        L->row_h[i] = h;
        total += h;
    }
    L->height = total;
}

/* One legend item: a symbol (0 dot, 1 line, 2 tick) and its text, drawn
 * so that it ends at x_right; returns the x where it starts. */
static double legend_item(sheet_r *r, int sym, const char *text,
                          double x_right, double ym)
{
    cairo_t *cr = r->cr;
    double tw, th;
    sheet_txt(r, SH_TINY, text, 0, 0, SH_LEFT);
    sheet_txt_size(r, &tw, &th);
    double tx = x_right - tw, sx = tx - 5;
    sheet_txt_show(r, SH_TINY, tx, ym - th / 2, NULL);
    if (sym == 0) {
        cairo_new_path(cr);
        cairo_arc(cr, sx - 2.3, ym, 2.8, 0, 2 * M_PI);
        sheet_set_rgb(cr, SH_ACCENT);
        cairo_fill(cr);
        return sx - 6;
    }
    sheet_set_rgb(cr, sym == 1 ? SH_INK : SH_TICK);
    cairo_set_line_width(cr, sym == 1 ? 1.0 : 0.7);
    cairo_move_to(cr, sx - 1, ym - (sym == 1 ? 4.5 : 3));
    cairo_line_to(cr, sx - 1, ym + (sym == 1 ? 4.5 : 3));
    cairo_stroke(cr);
    return sx - 2;
}

/* Draws the legend of the dot strips right-aligned on the table's right
 * edge, centred on y + 6 (in the section heading's line). */
static void strip_legend(sheet_r *r, const sheet_unit *u, const figs_lay *L,
                         double y)
{
    char buf[256];
    double ym = y + 6, x = L->x + L->w;
    const char *lv = u->level_name && *u->level_name ? u->level_name
                                                     : r->w->unit_word;
    snprintf(buf, sizeof buf, "%s %s", r->w->each, lv);
    x = legend_item(r, 2, buf, x, ym) - 10;
    int any_c = 0;
    for (size_t i = 0; i < u->n_figures; i++)
        any_c |= u->figures[i].n_cmp > 0;
    if (any_c && u->cmp_labels[0])
        x = legend_item(r, 1, u->cmp_labels[0], x, ym) - 10;
    snprintf(buf, sizeof buf, "%s %s", r->w->this_unit, lv);
    legend_item(r, 0, buf, x, ym);
}

/* Draws the key-figure table measured into L at y. */
static void figs_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                      const figs_lay *L, double y)
{
    if (u->n_figures == 0)
        return;
    cairo_t *cr = r->cr;
    char buf[128];
    int missing;
    double x = L->x, w = L->w;
    double sh = section_draw(r, r->w->key_figures, x, y, w, 1);
    if (L->has_strip)
        strip_legend(r, u, L, y + sh / 2 - 6 - 1);
    y += sh + 6;
    /* column headings, bottom-aligned */
    double hb = y + L->head_h - 4, th;
    double vx = x + L->label_w; /* value column's left edge */
    const char *lv = u->level_name ? u->level_name : "";
    sheet_txt(r, SH_COLHEAD, lv, L->val_w, 2, SH_RIGHT);
    sheet_txt_size(r, NULL, &th);
    sheet_txt_show(r, SH_COLHEAD, vx, hb - th, NULL);
    for (size_t k = 0; k < L->n_cmp; k++) {
        sheet_txt(r, SH_COLHEAD, cmp_head(r, u, k, buf, sizeof buf),
                  L->cmp_w, 2, SH_RIGHT);
        sheet_txt_size(r, NULL, &th);
        sheet_txt_show(r, SH_COLHEAD,
                       vx + L->val_w + (double)k * L->cmp_w, hb - th, NULL);
    }
    if (L->has_strip) {
        char sp[256];
        snprintf(sp, sizeof sp, "%s %s", r->w->spread_in,
                 doc->area_name ? doc->area_name : "");
        sheet_txt(r, SH_COLHEAD, sp, L->strip_w, 2, SH_LEFT);
        sheet_txt_size(r, NULL, &th);
        sheet_txt_show(r, SH_COLHEAD, L->strip_x, hb - th, NULL);
    }
    y += L->head_h;
    sheet_hrule(cr, x, x + w, y - 1.5, 0.5, SH_RULE);
    for (size_t i = 0; i < u->n_figures; i++) {
        const sheet_figure *f = &u->figures[i];
        if (L->group_h[i] > 0) {
            sheet_txt(r, SH_GROUP, f->section, w, 1, SH_LEFT);
            sheet_txt_size(r, NULL, &th);
            sheet_txt_show(r, SH_GROUP, x, y + L->group_h[i] - th - 2.5,
                           NULL);
            y += L->group_h[i];
        }
        double h = L->row_h[i], top = y + L->pad;
        sheet_txt(r, SH_LABEL, f->label, L->label_w - 8, 2, SH_LEFT);
        double lbase = sheet_txt_baseline(r);
        sheet_txt_show(r, SH_LABEL, x, top, NULL);
        /* value and comparisons on the label's first baseline */
        const char *t = fig_text(r, f, -1, buf, sizeof buf, &missing);
        sh_style st = missing ? SH_MISS : SH_VALUE;
        double room = value_room(r, f, L, missing);
        sheet_txt(r, st, t, room, 2, SH_RIGHT);
        sheet_txt_show(r, st, vx + L->val_w - room,
                       top + lbase - sheet_txt_baseline(r), NULL);
        for (size_t k = 0; k < f->n_cmp; k++) {
            t = fig_text(r, f, (int)k, buf, sizeof buf, &missing);
            st = missing ? SH_CMP_MISS : SH_CMP;
            sheet_txt(r, st, t, L->cmp_w - 4, 2, SH_RIGHT);
            sheet_txt_show(r, st, vx + L->val_w + (double)k * L->cmp_w + 4,
                           top + lbase - sheet_txt_baseline(r), NULL);
        }
        if (f->all && f->n_all) {
            double sy = top + lbase - 6 - 3.2; /* strip line near the baseline */
            if (sy < y + 1)
                sy = y + 1;
            sheet_strip_draw(r, f, L->strip_x, sy, L->strip_w, 16);
        }
        y += h;
        sheet_hrule(cr, x, x + w, y - 0.25, 0.5, SH_HAIR);
    }
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
    y += section_draw(r, r->w->composition, x, y, w, draw) + 8;
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

/* ---- boxes ---- */

typedef enum { LN_GAP, LN_BULLET, LN_PAIR, LN_PARA } line_kind;

/* Classifies the line [s, e) and finds the ": " of a pair. */
static line_kind line_kind_of(const char *s, const char *e, const char **colon)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    if (s == e)
        return LN_GAP;
    if ((e - s >= 2 && s[0] == '-' && s[1] == ' ') ||
        (e - s >= 4 && !memcmp(s, "\xE2\x80\xA2 ", 4)))
        return LN_BULLET;
    for (const char *p = s; p + 1 < e && p - s < 80; p++) {
        if (p[0] == ':' && p[1] == ' ') {
            /* a value is short and is not a sentence */
            const char *v = p + 2, *ve = e;
            while (ve > v && (ve[-1] == ' ' || ve[-1] == '\r'))
                ve--;
            if (ve - v > 48 || (ve > v && ve[-1] == '.' &&
                                !(ve - v >= 2 && ve[-2] >= '0' &&
                                  ve[-2] <= '9')))
                return LN_PARA;
            *colon = p;
            return LN_PAIR;
        }
    }
    return LN_PARA;
}

/* Lays out (and draws when draw) a box's text at (x, y) width w within the
 * height limit (<= 0: none). Returns the height used. Lines that do not
 * fit are dropped and an ellipsis line says so. */
static double box_text(sheet_r *r, const char *text, double x, double y,
                       double w, double limit, int draw)
{
    double y0 = y, lh = sheet_txt_height(r, SH_BOX_TEXT, "Ag", 0, 1);
    const char *s = text ? text : "";
    while (*s) {
        const char *e = strchr(s, '\n');
        if (!e)
            e = s + strlen(s);
        const char *colon = NULL;
        line_kind k = line_kind_of(s, e, &colon);
        double h = 0, room = limit > 0 ? y0 + limit - y : 1e9;
        if (k == LN_GAP) {
            h = 4;
        } else if (k == LN_PAIR) {
            const char *v = colon + 2;
            while (v < e && *v == ' ')
                v++;
            /* the value takes its natural width, the label the rest
             * (at least 55 % when both do not fit on one line) */
            double la, vb;
            sheet_txtn(r, SH_BOX_TEXT, s, (int)(colon - s), 0, 0, SH_LEFT);
            sheet_txt_size(r, &la, NULL);
            sheet_txtn(r, SH_BOX_VALUE, v, (int)(e - v), 0, 0, SH_LEFT);
            sheet_txt_size(r, &vb, NULL);
            double vw = fmax(fmin(vb + 1, w - fmin(la, w * 0.55) - 8), 20);
            double lw = w - vw - 8;
            sheet_txtn(r, SH_BOX_TEXT, s, (int)(colon - s), lw, 2, SH_LEFT);
            double a, b, base;
            sheet_txt_size(r, NULL, &a);
            base = sheet_txt_baseline(r);
            if (draw && a + 3 <= room)
                sheet_txt_show(r, SH_BOX_TEXT, x, y + 1.5, NULL);
            sheet_txtn(r, SH_BOX_VALUE, v, (int)(e - v), vw, 2, SH_RIGHT);
            sheet_txt_size(r, NULL, &b);
            h = fmax(a, b) + 3;
            if (h > room)
                goto full;
            if (draw) {
                sheet_txt_show(r, SH_BOX_VALUE, x + w - vw,
                               y + 1.5 + base - sheet_txt_baseline(r), NULL);
                sheet_hrule(r->cr, x, x + w, y + h, 0.5, SH_HEX(0xdde3ea));
            }
        } else {
            double ind = 0;
            if (k == LN_BULLET) {
                while (*s == ' ' || *s == '\t')
                    s++;
                s += *s == '-' ? 2 : 4;
                ind = 9;
            }
            int max_lines = (int)floor(room / lh);
            if (max_lines < 1)
                goto full;
            sheet_txtn(r, SH_BOX_TEXT, s, (int)(e - s), w - ind, max_lines,
                       SH_LEFT);
            sheet_txt_size(r, NULL, &h);
            if (draw) {
                sheet_txt_show(r, SH_BOX_TEXT, x + ind, y + 1, NULL);
                if (ind > 0) {
                    cairo_new_path(r->cr);
                    cairo_arc(r->cr, x + 2.5, y + 1 + lh * 0.52, 1.5, 0,
                              2 * M_PI);
                    sheet_set_rgb(r->cr, SH_ACCENT);
                    cairo_fill(r->cr);
                }
            }
            h += 2;
        }
        y += h;
        s = *e ? e + 1 : e;
        continue;
    full:
        break; /* no room for this line: stop (the caller marks the cut) */
    }
    return y - y0;
}

/* Natural height of the box row at width w (tallest box). */
static double boxes_natural(sheet_r *r, const sheet_unit *u, double w)
{
    if (u->n_boxes == 0)
        return 0;
    double bw = (w - BOX_GAP * (double)(u->n_boxes - 1)) / (double)u->n_boxes;
    double mh = 0;
    for (size_t i = 0; i < u->n_boxes; i++) {
        const sheet_box *b = &u->boxes[i];
        double h = 2 * BOX_PAD + 1 +
                   sheet_txt_height(r, SH_BOX_TITLE, b->title,
                                    bw - 2 * BOX_PAD, 2) + 5 +
                   box_text(r, b->text, 0, 0, bw - 2 * BOX_PAD, 0, 0);
        mh = fmax(mh, h);
    }
    return mh;
}

/* Draws the boxes side by side at y with height h. */
static void boxes_draw(sheet_r *r, const sheet_unit *u, double x, double y,
                       double w, double h)
{
    double bw = (w - BOX_GAP * (double)(u->n_boxes - 1)) / (double)u->n_boxes;
    for (size_t i = 0; i < u->n_boxes; i++) {
        const sheet_box *b = &u->boxes[i];
        double bx = x + (double)i * (bw + BOX_GAP);
        sheet_set_rgb(r->cr, SH_BOXBG);
        cairo_rectangle(r->cr, bx, y, bw, h);
        cairo_fill(r->cr);
        sheet_set_rgb(r->cr, SH_ACCENT);
        cairo_rectangle(r->cr, bx, y, bw, 2.0);
        cairo_fill(r->cr);
        double ty = y + BOX_PAD + 1;
        ty += sheet_txt_draw(r, SH_BOX_TITLE, b->title, bx + BOX_PAD, ty,
                             bw - 2 * BOX_PAD, 2, SH_LEFT) + 5;
        double room = y + h - BOX_PAD - ty;
        double nat = box_text(r, b->text, 0, 0, bw - 2 * BOX_PAD, 0, 0);
        if (nat <= room + 0.01) {
            box_text(r, b->text, bx + BOX_PAD, ty, bw - 2 * BOX_PAD, 0, 1);
        } else {
            double lh = sheet_txt_height(r, SH_BOX_TEXT, "Ag", 0, 1);
            double used = box_text(r, b->text, bx + BOX_PAD, ty,
                                   bw - 2 * BOX_PAD, room - lh, 1);
            if (room - used >= lh)
                sheet_txt_draw(r, SH_BOX_TEXT, "\xE2\x80\xA6", bx + BOX_PAD,
                               ty + used, bw - 2 * BOX_PAD, 1, SH_LEFT);
        }
    }
}

/* ---- the page ---- */

typedef struct {
    double s;       /* body scale */
    double w;       /* body width in body units */
    double pad;     /* figure row padding */
    double pitch;   /* bar pitch */
    double box_h;   /* box height (body units) */
    figs_lay figs;
    double charts_h;
    double need;    /* total body height in body units */
} body_plan;

/* Measures the body at scale s with the given spacing into P. The body
 * is figures, charts and boxes, SEC_GAP apart (4 more above the boxes). */
static void body_measure(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                         double s, double pad, double pitch, body_plan *P)
{
    P->s = s, P->w = SH_CW / s, P->pad = pad, P->pitch = pitch;
    figs_measure(r, doc, u, 0, P->w, pad, &P->figs);
    P->charts_h = charts_do(r, u, 0, 0, P->w, pitch, 0);
    P->box_h = boxes_natural(r, u, P->w);
    double need = 0;
    int any = 0;
    if (u->n_figures > 0)
        need += P->figs.height, any = 1;
    if (u->n_charts > 0)
        need += (any ? SEC_GAP : 0) + P->charts_h, any = 1;
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
        figs_draw(r, doc, u, &P.figs, by);
        by += P.figs.height, any = 1;
    }
    if (u->n_charts > 0) {
        by += any ? SEC_GAP : 0;
        charts_do(r, u, 0, by, P.w, P.pitch, 1);
        by += P.charts_h, any = 1;
    }
    if (u->n_boxes > 0 && P.box_h > 2 * BOX_PAD + 12)
        boxes_draw(r, u, 0, by + (any ? SEC_GAP + 4 : 0), P.w, P.box_h);
    cairo_restore(cr);
    sheet_footer_draw(r, doc, page, pages);
}
