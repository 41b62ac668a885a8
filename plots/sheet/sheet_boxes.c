/* sheet_boxes.c - the free-text boxes of a fact sheet (the two tracks:
 * participation and reach, heat transition), side by side. A line
 * "label: value" (a short value, not a sentence) is set as label left and
 * value right; "- " starts a bullet; other lines are paragraphs; an empty
 * line adds space. Text that does not fit the height the page gives is
 * cut at a line and marked with an ellipsis. */
#include <math.h>
#include <string.h>

#include "sheet_int.h"

#define BOX_PAD 9.0
#define BOX_GAP 14.0

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
                sheet_hrule(r->cr, x, x + w, y + h, 0.5, DRAW_HEX(0xdde3ea));
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
                    draw_set_rgb(r->cr, SH_ACCENT);
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

/* Natural height of the box row (see sheet_int.h). */
double sheet_boxes_natural(sheet_r *r, const sheet_unit *u, double w)
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

/* Draws the boxes side by side (see sheet_int.h). */
void sheet_boxes_draw(sheet_r *r, const sheet_unit *u, double x, double y,
                       double w, double h)
{
    double bw = (w - BOX_GAP * (double)(u->n_boxes - 1)) / (double)u->n_boxes;
    for (size_t i = 0; i < u->n_boxes; i++) {
        const sheet_box *b = &u->boxes[i];
        double bx = x + (double)i * (bw + BOX_GAP);
        draw_set_rgb(r->cr, SH_BOXBG);
        cairo_rectangle(r->cr, bx, y, bw, h);
        cairo_fill(r->cr);
        draw_set_rgb(r->cr, SH_ACCENT);
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
