/* sheet_table.c - the key-figure table of a fact sheet: label | value |
 * comparison values | dot strip, with group headings, column headings and
 * the strip legend in the section heading's line. Measured first (row
 * heights into a sheet_figs_lay), then drawn. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sheet_int.h"

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
                         const sheet_figs_lay *L, int missing)
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

/* Measures the key-figure table (see sheet_int.h). */
void sheet_figs_measure(sheet_r *r, const sheet_doc *doc,
                         const sheet_unit *u, double x, double w, double pad,
                         sheet_figs_lay *L)
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
    double total = sheet_section(r, r->w->key_figures, x, 0, w, 0) + 6 +
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
            double ch = sheet_txt_height(r, missing ? SH_CMP_MISS : SH_CMP,
                                         t, L->cmp_w - 4, 2);
            if (f->cmp_note[k] && !missing) /* "dekking 86 %" below */
                ch += sheet_txt_height(r, SH_TINY, f->cmp_note[k],
                                       L->cmp_w - 4, 1);
            vh = fmax(vh, ch);
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
        draw_set_rgb(cr, SH_ACCENT);
        cairo_fill(cr);
        return sx - 6;
    }
    draw_set_rgb(cr, sym == 1 ? SH_INK : SH_TICK);
    cairo_set_line_width(cr, sym == 1 ? 1.0 : 0.7);
    cairo_move_to(cr, sx - 1, ym - (sym == 1 ? 4.5 : 3));
    cairo_line_to(cr, sx - 1, ym + (sym == 1 ? 4.5 : 3));
    cairo_stroke(cr);
    return sx - 2;
}

/* Draws the legend of the dot strips right-aligned on the table's right
 * edge, centred on y + 6 (in the section heading's line). */
static void strip_legend(sheet_r *r, const sheet_unit *u, const sheet_figs_lay *L,
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

/* Draws the key-figure table (see sheet_int.h). */
void sheet_figs_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                      const sheet_figs_lay *L, double y)
{
    if (u->n_figures == 0)
        return;
    cairo_t *cr = r->cr;
    char buf[128];
    int missing;
    double x = L->x, w = L->w;
    double sh = sheet_section(r, r->w->key_figures, x, y, w, 1);
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
            double cy = top + lbase - sheet_txt_baseline(r), cw, chh;
            sheet_txt_size(r, &cw, &chh);
            sheet_txt_show(r, st, vx + L->val_w + (double)k * L->cmp_w + 4,
                           cy, NULL);
            if (f->cmp_note[k] && !missing) { /* partial coverage */
                sheet_txt(r, SH_TINY, f->cmp_note[k], L->cmp_w - 4, 1,
                          SH_RIGHT);
                sheet_txt_show(r, SH_TINY,
                               vx + L->val_w + (double)k * L->cmp_w + 4,
                               cy + chh, NULL);
            }
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
