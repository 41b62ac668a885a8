/* sheet_charts.c - the fact sheet's small graphics: the dot strip of a key
 * figure (where the unit stands among all units of its area) and the
 * horizontal bar charts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "sheet_int.h"

#define STRIP_EXACT 200 /* up to this many units: one tick each */
#define STRIP_BIN 1.6   /* points per tick bin beyond that */
#define STRIP_MAX_BINS 256

/* Decimals for a figure (see sheet.h: auto = about three significant
 * digits of the value, or of the first valid comparison). */
int sheet_fig_decimals(const sheet_figure *f)
{
    if (f->decimals >= 0)
        return f->decimals > SHEET_MAX_DECIMALS ? SHEET_MAX_DECIMALS
                                                : f->decimals;
    if (!f->miss && isfinite(f->value))
        return numfmt_auto_decimals(f->value);
    for (size_t i = 0; i < f->n_cmp && i < SHEET_MAX_CMP; i++)
        if (!f->cmp_miss[i] && isfinite(f->cmp[i]))
            return numfmt_auto_decimals(f->cmp[i]);
    return 0;
}

/* Formats v with decimals and unit into buf. A number too long for the
 * buffer (beyond about 10^40) is written compactly ("1,2 mln" style, then
 * the unit); "?" when even that fails. The error context is frozen: a page
 * shows the number as well as it can rather than failing. */
void sheet_fmt(sheet_r *r, double v, int dec, const char *unit, char *buf,
               size_t n)
{
    err_freeze();
    int ok = numfmt_unit(v, dec, unit, r->lang, buf, n) == 0;
    char c[64];
    if (ok) {
        err_thaw_discard();
        return;
    }
    if (isfinite(v) && numfmt_compact(v, r->lang, c, sizeof c) != 0) {
        /* beyond numfmt's words: scientific, with the language's comma */
        snprintf(c, sizeof c, "%.3g", v);
        for (char *p = c; *p && r->lang == NUMFMT_NL; p++)
            if (*p == '.')
                *p = ',';
    } else if (!isfinite(v)) {
        snprintf(c, sizeof c, "?");
    }
    snprintf(buf, n, "%s%s%s", c, unit && *unit ? NUMFMT_NBSP : "",
             unit ? unit : "");
    err_thaw_discard();
}

/* Draws a figure's dot strip (see sheet_int.h). */
void sheet_strip_draw(sheet_r *r, const sheet_figure *f, double x, double y,
                      double w, double h)
{
    cairo_t *cr = r->cr;
    int has_v = !f->miss && isfinite(f->value);
    /* a total (a count's gemeente sum) is no point on the units' axis */
    int has_c = f->n_cmp > 0 && !f->cmp_is_total && !f->cmp_miss[0] &&
                isfinite(f->cmp[0]);
    double lo = INFINITY, hi = -INFINITY;
    size_t n_valid = 0;
    for (size_t i = 0; i < f->n_all; i++) {
        if ((f->all_miss && f->all_miss[i]) || !isfinite(f->all[i]))
            continue;
        lo = fmin(lo, f->all[i]), hi = fmax(hi, f->all[i]);
        n_valid++;
    }
    if (n_valid == 0 && !has_v)
        return;
    if (has_v)
        lo = fmin(lo, f->value), hi = fmax(hi, f->value);
    double dlo = lo, dhi = hi; /* the range of the units, for the labels */
    if (has_c)
        lo = fmin(lo, f->cmp[0]), hi = fmax(hi, f->cmp[0]);
    if (hi - lo <= 0) {
        double d = fabs(lo) > 0 ? fabs(lo) * 0.1 : 1;
        lo -= d, hi += d;
    }
    double pad = 3.5; /* the dot's radius stays inside */
    double x0 = x + pad, sw = w - 2 * pad;
    double ym = y + (h >= 16 ? 6.0 : h / 2);
#define POS(v) (x0 + ((v) - lo) / (hi - lo) * sw)

    sheet_hrule(cr, x0, x0 + sw, ym, 0.5, DRAW_HEX(0xd6d6d6));
    /* ticks: one per unit up to STRIP_EXACT units; beyond that one per
     * bin of STRIP_BIN points, taller where more units fall (a density
     * strip that costs the same for 30 or 15,000 units) */
    draw_set_rgb(cr, SH_TICK);
    cairo_set_line_width(cr, 0.7);
    double below = 0;
    if (n_valid <= STRIP_EXACT) {
        for (size_t i = 0; i < f->n_all; i++) {
            if ((f->all_miss && f->all_miss[i]) || !isfinite(f->all[i]))
                continue;
            double tx = POS(f->all[i]);
            cairo_move_to(cr, tx, ym - 3.5);
            cairo_line_to(cr, tx, ym + 3.5);
            if (has_v)
                below += f->all[i] < f->value    ? 1
                         : f->all[i] == f->value ? 0.5
                                                 : 0;
        }
    } else {
        int nb = (int)(sw / STRIP_BIN) + 1;
        if (nb > STRIP_MAX_BINS)
            nb = STRIP_MAX_BINS;
        unsigned cnt[STRIP_MAX_BINS], cmax = 1;
        memset(cnt, 0, sizeof cnt);
        for (size_t i = 0; i < f->n_all; i++) {
            if ((f->all_miss && f->all_miss[i]) || !isfinite(f->all[i]))
                continue;
            int b = (int)((f->all[i] - lo) / (hi - lo) * (nb - 1) + 0.5);
            if (b < 0) b = 0;
            if (b >= nb) b = nb - 1;
            cnt[b]++;
            if (has_v)
                below += f->all[i] < f->value    ? 1
                         : f->all[i] == f->value ? 0.5
                                                 : 0;
        }
        for (int b = 0; b < nb; b++)
            if (cnt[b] > cmax)
                cmax = cnt[b];
        for (int b = 0; b < nb; b++) {
            if (!cnt[b])
                continue;
            double th = 1.5 + 4.5 * sqrt((double)cnt[b] / cmax);
            double tx = x0 + (double)b / (nb - 1) * sw;
            cairo_move_to(cr, tx, ym - th);
            cairo_line_to(cr, tx, ym + th);
        }
    }
    cairo_stroke(cr);
    if (has_c) {
        double cx = POS(f->cmp[0]);
        draw_set_rgb(cr, SH_INK);
        cairo_set_line_width(cr, 1.0);
        cairo_move_to(cr, cx, ym - 6);
        cairo_line_to(cr, cx, ym + 6);
        cairo_stroke(cr);
    }
    if (has_v) {
        draw_rgb col = SH_ACCENT;
        if (f->higher_is != 0) {
            double ref = has_c ? f->cmp[0] : NAN;
            int up;
            if (has_c && f->value != ref)
                up = f->value > ref;
            else if (!has_c && n_valid > 0 && below != n_valid / 2.0)
                up = below > n_valid / 2.0;
            else
                up = -1;
            if (up >= 0 && (up ? f->higher_is < 0 : f->higher_is > 0))
                col = SH_WORSE;
        }
        cairo_new_path(cr);
        cairo_arc(cr, POS(f->value), ym, 3.3, 0, 2 * M_PI);
        draw_set_rgb(cr, col);
        cairo_fill_preserve(cr);
        draw_set_rgb(cr, DRAW_HEX(0xffffff));
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
    }
    if (h >= 16 && n_valid > 0) {
        char a[64], b[64];
        int dec = sheet_fig_decimals(f);
        sheet_fmt(r, dlo, dec, NULL, a, sizeof a);
        sheet_fmt(r, dhi, dec, NULL, b, sizeof b);
        double la = POS(dlo), lb = POS(dhi);
        double ty = ym + 5.5;
        double wa = sheet_txt_width(r, SH_TINY, a);
        sheet_txt_show(r, SH_TINY, fmax(x, la - wa / 2), ty, NULL);
        double wb = sheet_txt_width(r, SH_TINY, b);
        if (lb - la > (wa + wb) / 2 + 4)
            sheet_txt_show(r, SH_TINY, fmin(x + w - wb, lb - wb / 2), ty,
                           NULL);
    }
#undef POS
}

/* Decimals of a chart's value labels. */
static int chart_decimals(const sheet_chart *c, double vmax)
{
    if (c->decimals >= 0)
        return c->decimals > SHEET_MAX_DECIMALS ? SHEET_MAX_DECIMALS
                                                : c->decimals;
    int d = numfmt_auto_decimals(vmax);
    return d > 1 ? 1 : d; /* bars are read to one decimal at most */
}

/* The largest valid value (or comparison) of a chart; 0 when none. */
static double chart_max(const sheet_chart *c)
{
    double m = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (!(c->miss && c->miss[i]) && isfinite(c->values[i]))
            m = fmax(m, c->values[i]);
        if (c->cmp_values && !(c->cmp_miss && c->cmp_miss[i]) &&
            isfinite(c->cmp_values[i]))
            m = fmax(m, c->cmp_values[i]);
    }
    return m;
}

#define CH_TITLE_GAP 4.0
#define SH_BAR_PART DRAW_HEX(0x1d4e89) /* the part of a stacked bar */

/* Is bar i a part of another bar (drawn inside it, no row of its own)? */
static int is_part(const sheet_chart *c, size_t i)
{
    return c->part_of && c->part_of[i] >= 0 && (size_t)c->part_of[i] < c->n &&
           (size_t)c->part_of[i] != i;
}

/* The part of bar i (its first part), or -1. */
static long part_in(const sheet_chart *c, size_t i)
{
    for (size_t j = 0; c->part_of && j < c->n; j++)
        if (is_part(c, j) && (size_t)c->part_of[j] == i)
            return (long)j;
    return -1;
}

/* Rows of a chart: its bars that are no part of another. */
static size_t chart_rows(const sheet_chart *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += !is_part(c, i);
    return n;
}

/* Does the chart need the key of its stacked bars? */
static int has_parts(const sheet_chart *c)
{
    return chart_rows(c) < c->n;
}

/* Height of a bar chart (see sheet_int.h). */
double sheet_chart_height(sheet_r *r, const sheet_chart *c, double w,
                          double pitch)
{
    double h = 0;
    if (c->title && *c->title)
        h += sheet_txt_height(r, SH_CHART_TITLE, c->title, w, 1) +
             CH_TITLE_GAP;
    h += (double)chart_rows(c) * pitch;
    if (c->cmp_values && c->cmp_label)
        h += 11;
    if (has_parts(c))
        h += 11;
    return h;
}

/* Draws a bar chart (see sheet_int.h). */
double sheet_chart_draw(sheet_r *r, const sheet_chart *c, double x, double y,
                        double w, double pitch)
{
    cairo_t *cr = r->cr;
    double y0 = y;
    if (c->title && *c->title)
        y += sheet_txt_draw(r, SH_CHART_TITLE, c->title, x, y, w, 1,
                            SH_LEFT) + CH_TITLE_GAP;
    double vmax = chart_max(c);
    int dec = chart_decimals(c, vmax);
    /* label column: as wide as the longest label, within 28..45 % */
    double lw = 0, vw = 0;
    char buf[64];
    for (size_t i = 0; i < c->n; i++) {
        lw = fmax(lw, sheet_txt_width(r, SH_CHART_LABEL,
                                      c->labels ? c->labels[i] : ""));
        if (!(c->miss && c->miss[i]) && isfinite(c->values[i])) {
            sheet_fmt(r, c->values[i], dec, c->unit, buf, sizeof buf);
            vw = fmax(vw, sheet_txt_width(r, SH_CHART_VALUE, buf));
        }
    }
    lw = fmin(fmax(lw, w * 0.28), w * 0.45);
    double gap = 5, bx = x + lw + gap;
    double bw = w - lw - gap - vw - 4;
    if (bw < 10)
        bw = 10;
    double bh = fmin(pitch * 0.64, 8.0);
    size_t row = 0;
    long key_part = -1, key_whole = -1; /* the stacked bar of the key */
    for (size_t i = 0; i < c->n; i++) {
        if (is_part(c, i))
            continue;
        double ry = y + (double)row++ * pitch;
        double mid = ry + pitch / 2;
        sheet_txt(r, SH_CHART_LABEL, c->labels ? c->labels[i] : "", lw, 1,
                  SH_LEFT);
        double th;
        sheet_txt_size(r, NULL, &th);
        sheet_txt_show(r, SH_CHART_LABEL, x, mid - th / 2, NULL);
        int miss = (c->miss && c->miss[i]) || !isfinite(c->values[i]);
        if (miss) {
            const char *mt = c->miss_text && c->miss_text[i]
                                 ? c->miss_text[i]
                                 : r->w->unknown;
            sheet_txt(r, SH_MISS, mt, w - lw - gap, 1, SH_LEFT);
            sheet_txt_size(r, NULL, &th);
            sheet_txt_show(r, SH_MISS, bx, mid - th / 2, NULL);
        } else {
            double v = fmax(c->values[i], 0);
            double len = vmax > 0 ? v / vmax * bw : 0;
            draw_set_rgb(cr, SH_BAR);
            cairo_rectangle(cr, bx, mid - bh / 2, len, bh);
            cairo_fill(cr);
            long p = part_in(c, i);
            if (p >= 0 && !(c->miss && c->miss[p]) && isfinite(c->values[p])) {
                /* the part as the whole's first segment, never longer */
                double pv = fmin(fmax(c->values[p], 0), v);
                draw_set_rgb(cr, SH_BAR_PART);
                cairo_rectangle(cr, bx, mid - bh / 2,
                                vmax > 0 ? pv / vmax * bw : 0, bh);
                cairo_fill(cr);
            }
            if (p >= 0 && key_part < 0) {
                key_part = p;
                key_whole = (long)i;
            }
            /* the label goes right of the bar and of the mark */
            double end = len;
            if (c->cmp_values && !(c->cmp_miss && c->cmp_miss[i]) &&
                isfinite(c->cmp_values[i]) && vmax > 0)
                end = fmax(end, fmax(c->cmp_values[i], 0) / vmax * bw + 1);
            sheet_fmt(r, c->values[i], dec, c->unit, buf, sizeof buf);
            sheet_txt(r, SH_CHART_VALUE, buf, 0, 0, SH_LEFT);
            sheet_txt_size(r, NULL, &th);
            sheet_txt_show(r, SH_CHART_VALUE, bx + end + 3, mid - th / 2,
                           NULL);
        }
        if (c->cmp_values && !(c->cmp_miss && c->cmp_miss[i]) &&
            isfinite(c->cmp_values[i]) && vmax > 0) {
            double cx = bx + fmax(c->cmp_values[i], 0) / vmax * bw;
            draw_set_rgb(cr, SH_INK);
            cairo_set_line_width(cr, 1.2);
            cairo_move_to(cr, cx, mid - bh / 2 - 1.5);
            cairo_line_to(cr, cx, mid + bh / 2 + 1.5);
            cairo_stroke(cr);
        }
    }
    y += (double)chart_rows(c) * pitch;
    if (has_parts(c)) { /* key: the part and the rest, with their values */
        double ky = y + 2, kx = bx;
        for (int k = 0; k < 2; k++) {
            long p = key_part >= 0 ? key_part : part_in(c, 0);
            char txt[160], val[64] = "";
            const char *name;
            double kv = NAN;
            if (k == 0) {
                name = p >= 0 && c->labels ? c->labels[p] : "";
                if (p >= 0 && !(c->miss && c->miss[p]))
                    kv = c->values[p];
            } else {
                name = c->rest_label ? c->rest_label : "";
                if (key_whole >= 0 && p >= 0 && !(c->miss && c->miss[p]) &&
                    isfinite(c->values[p]))
                    kv = fmax(c->values[key_whole] - c->values[p], 0);
            }
            if (isfinite(kv))
                sheet_fmt(r, kv, dec, c->unit, val, sizeof val);
            snprintf(txt, sizeof txt, "%s%s%s", name, *val ? " " : "", val);
            draw_set_rgb(cr, k == 0 ? SH_BAR_PART : SH_BAR);
            cairo_rectangle(cr, kx, ky + 1.5, 7, 5);
            cairo_fill(cr);
            sheet_txt(r, SH_TINY, txt, 0, 0, SH_LEFT);
            double tw, kth;
            sheet_txt_size(r, &tw, &kth);
            sheet_txt_show(r, SH_TINY, kx + 10, ky, NULL);
            kx += 10 + tw + 10;
        }
        y += 11;
    }
    if (c->cmp_values && c->cmp_label) {
        double ly = y + 3;
        draw_set_rgb(cr, SH_INK);
        cairo_set_line_width(cr, 1.2);
        cairo_move_to(cr, bx, ly + 0.5);
        cairo_line_to(cr, bx, ly + 7.5);
        cairo_stroke(cr);
        sheet_txt_draw(r, SH_TINY, c->cmp_label, bx + 4, ly, w - lw - gap - 4,
                       1, SH_LEFT);
        y += 11;
    }
    return y - y0;
}
