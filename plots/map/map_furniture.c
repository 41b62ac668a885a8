/* map_furniture.c - scale bar, north arrow and locator inset. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "map_int.h"

#define FS_SCALE 6.6

double map_scalebar_height(const map_ctx *m)
{
    return (FS_SCALE * 1.25 + 2.0 + 3.6) * m->s;
}

/* Largest 1, 2 or 5 times a power of ten not above max (metres). */
static double nice_length(double max)
{
    if (!(max > 0))
        return 0;
    double p = pow(10, floor(log10(max)));
    double best = p;
    static const double steps[] = {1, 2, 5};
    for (int i = 0; i < 3; i++)
        if (steps[i] * p <= max * (1 + 1e-9))
            best = steps[i] * p;
    return best;
}

/* Formats v (already in the display unit) with the language's decimal
 * separator and no trailing zeros: 2,5 / 2.5 / 10. */
static void format_num(char *buf, size_t size, double v, int en)
{
    snprintf(buf, size, "%.10g", v);
    if (!en)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
}

/* Layout of the numbers and unit of a scale bar. */
typedef struct {
    PangoLayout *num[3], *unit;
    double len_m, bar_w, width; /* width: bar plus overhang of the labels */
    double left;                /* overhang of "0" left of the bar */
} scalebar;

/* Releases the scale bar's layouts. */
static void scalebar_free(scalebar *sb)
{
    for (int i = 0; i < 3; i++)
        if (sb->num[i])
            g_object_unref(sb->num[i]);
    if (sb->unit)
        g_object_unref(sb->unit);
}

/* Measures a scale bar no wider than max_w points. Returns 0, or -1 when
 * there is no room (or text failed). */
static int scalebar_measure(map_ctx *m, double max_w, scalebar *sb)
{
    double s = m->s;
    memset(sb, 0, sizeof *sb);
    /* try lengths from the largest that fits the bar alone downwards */
    for (double len = nice_length(max_w / m->k); len > 0;
         len = nice_length(len * 0.99)) {
        int km = len >= 1000;
        double unit = km ? 1000 : 1;
        const double at[3] = {0, 0.5, 1};
        scalebar_free(sb);
        memset(sb, 0, sizeof *sb);
        for (int i = 0; i < 3; i++) {
            char num[32];
            format_num(num, sizeof num, len * at[i] / unit, m->en);
            sb->num[i] = text_layout(m->tx, num, FS_SCALE * s, 0, 0, TEXT_LEFT);
        }
        sb->unit = text_layout(m->tx, km ? "km" : "m", FS_SCALE * s, 0, 0,
                               TEXT_LEFT);
        if (!sb->num[0] || !sb->num[1] || !sb->num[2] || !sb->unit) {
            scalebar_free(sb);
            return -1;
        }
        double w0, w2, wu;
        text_size(sb->num[0], &w0, NULL);
        text_size(sb->num[2], &w2, NULL);
        text_size(sb->unit, &wu, NULL);
        sb->len_m = len;
        sb->bar_w = len * m->k;
        sb->left = w0 / 2;
        sb->width = sb->left + sb->bar_w + w2 / 2 + 2.2 * s + wu;
        if (sb->width <= max_w)
            return 0;
        if (len < 1e-3)
            break;
    }
    scalebar_free(sb);
    return -1;
}

double map_scalebar_width(map_ctx *m, double max_w)
{
    scalebar sb;
    if (scalebar_measure(m, max_w, &sb) < 0)
        return 0;
    scalebar_free(&sb);
    return sb.width;
}

void map_scalebar_draw(map_ctx *m, double x, double y, double max_w)
{
    double s = m->s;
    cairo_t *cr = m->cr;
    scalebar sb;
    if (scalebar_measure(m, max_w, &sb) < 0)
        return;
    if (m->info)
        m->info->scalebar_m = sb.len_m;
    double bx = x + sb.left, bar_w = sb.bar_w, bar_h = 3.6 * s;
    double label_h = FS_SCALE * 1.25 * s;
    double by = y + label_h + 2.0 * s;
    int segs = 4;
    for (int i = 0; i < segs; i++) {
        cairo_rectangle(cr, bx + bar_w * i / segs, by, bar_w / segs, bar_h);
        double g = (i % 2) ? 1.0 : MAP_INK;
        cairo_set_source_rgb(cr, g, g, g);
        cairo_fill(cr);
    }
    cairo_rectangle(cr, bx, by, bar_w, bar_h);
    cairo_set_source_rgb(cr, MAP_INK, MAP_INK, MAP_INK);
    cairo_set_line_width(cr, 0.5 * s);
    cairo_stroke(cr);
    const double at[3] = {0, 0.5, 1};
    for (int i = 0; i < 3; i++) {
        double w;
        text_size(sb.num[i], &w, NULL);
        double tx = bx + bar_w * at[i] - w / 2;
        text_draw(cr, sb.num[i], tx, y, MAP_INK, MAP_INK, MAP_INK);
        if (i == 2)
            text_draw(cr, sb.unit, tx + w + 2.2 * s, y, MAP_INK, MAP_INK,
                      MAP_INK);
    }
    scalebar_free(&sb);
}

double map_north_size(const map_ctx *m, double *w)
{
    if (w)
        *w = 12 * m->s;
    return 27 * m->s;
}

void map_north_draw(map_ctx *m, double x, double y, double w, double h)
{
    double s = m->s;
    cairo_t *cr = m->cr;
    PangoLayout *l = text_layout(m->tx, "N", 8.5 * s, 1, 0, TEXT_LEFT);
    if (!l)
        return;
    double tw, th;
    text_size(l, &tw, &th);
    double cx = x + w / 2;
    text_draw(cr, l, cx - tw / 2, y, MAP_INK, MAP_INK, MAP_INK);
    g_object_unref(l);
    double top = y + th + 1 * s, bot = y + h, half = 4.2 * s;
    double notch = bot - (bot - top) * 0.22;
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_width(cr, 0.5 * s);
    /* left half dark, right half white: the classic readable arrow */
    cairo_move_to(cr, cx, top);
    cairo_line_to(cr, cx - half, bot);
    cairo_line_to(cr, cx, notch);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, MAP_INK, MAP_INK, MAP_INK);
    cairo_fill_preserve(cr);
    cairo_stroke(cr);
    cairo_move_to(cr, cx, top);
    cairo_line_to(cr, cx + half, bot);
    cairo_line_to(cr, cx, notch);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, MAP_INK, MAP_INK, MAP_INK);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Bounding box of all rows of the inset geometry; 0 when there is none. */
static int inset_bbox(const map_ctx *m, double bb[4])
{
    const tbl_col *g = m->spec->inset_geom;
    if (!g || !m->spec->inset_n)
        return 0;
    bb[0] = bb[1] = INFINITY;
    bb[2] = bb[3] = -INFINITY;
    for (size_t r = 0; r < m->spec->inset_n; r++) {
        const double *b = map_row_bbox(g, r);
        if (!(b[0] <= b[2]))
            continue;
        draw_extent_add(bb, b);
    }
    return bb[0] < bb[2] && bb[1] < bb[3];
}

double map_inset_aspect(const map_ctx *m)
{
    double bb[4];
    if (!inset_bbox(m, bb))
        return 0;
    return (bb[3] - bb[1]) / (bb[2] - bb[0]);
}

void map_inset_draw(map_ctx *m, const map_box *b)
{
    const tbl_col *g = m->spec->inset_geom;
    double bb[4];
    if (!inset_bbox(m, bb))
        return;
    double s = m->s, pad = 4 * s;
    double k = fmin((b->w - 2 * pad) / (bb[2] - bb[0]),
                    (b->h - 2 * pad) / (bb[3] - bb[1]));
    double ox = b->x + (b->w - (bb[2] - bb[0]) * k) / 2;
    double oy = b->y + (b->h - (bb[3] - bb[1]) * k) / 2;
    cairo_t *cr = m->cr;
    cairo_save(cr);
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5 * s);
    cairo_stroke(cr);

    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    double tol = 0.3 / m->px_per_pt, tol2 = tol * tol;
    for (size_t r = 0; r < m->spec->inset_n; r++) {
        for (uint64_t p = g->row_part[r]; p < g->row_part[r + 1]; p++)
            for (uint64_t q = g->part_ring[p]; q < g->part_ring[p + 1]; q++) {
                uint64_t a = g->ring_pt[q], e = g->ring_pt[q + 1];
                if (e - a < 3)
                    continue;
                double lx = ox + (g->xy[2 * a] - bb[0]) * k;
                double ly = oy + (bb[3] - g->xy[2 * a + 1]) * k;
                cairo_move_to(cr, lx, ly);
                for (uint64_t i = a + 1; i < e; i++) {
                    double x = ox + (g->xy[2 * i] - bb[0]) * k;
                    double y = oy + (bb[3] - g->xy[2 * i + 1]) * k;
                    if ((x - lx) * (x - lx) + (y - ly) * (y - ly) < tol2)
                        continue;
                    cairo_line_to(cr, x, y);
                    lx = x;
                    ly = y;
                }
                cairo_close_path(cr);
            }
    }
    cairo_set_source_rgb(cr, 0.84, 0.84, 0.84);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 0.35 * s);
    cairo_stroke(cr);

    /* The map's extent; never smaller than a few points, so it is found. */
    double x0 = ox + (m->world[0] - bb[0]) * k, x1 = ox + (m->world[2] - bb[0]) * k;
    double y0 = oy + (bb[3] - m->world[3]) * k, y1 = oy + (bb[3] - m->world[1]) * k;
    double minsz = 5 * s;
    if (x1 - x0 < minsz) {
        double c = (x0 + x1) / 2;
        x0 = c - minsz / 2;
        x1 = c + minsz / 2;
    }
    if (y1 - y0 < minsz) {
        double c = (y0 + y1) / 2;
        y0 = c - minsz / 2;
        y1 = c + minsz / 2;
    }
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    cairo_clip(cr);
    if (m->info)
        m->info->inset = 1;
    cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
    cairo_set_source_rgb(cr, 0.84, 0.10, 0.11);
    cairo_set_line_width(cr, 1.1 * s);
    cairo_stroke(cr);
    cairo_restore(cr);
}
