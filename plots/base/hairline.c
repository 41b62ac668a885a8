/* hairline.c - capsule rasterisation into a coverage mask; see hairline.h. */
#include "hairline.h"

#include <math.h>
#include <string.h>

int hl_init(hl_mask *m, int w, int h, double x, double y, double cw, double ch)
{
    memset(m, 0, sizeof *m);
    m->a = bigmem_alloc(&m->mem, (size_t)w * (size_t)h, "the outline mask");
    if (!m->a)
        return -1;
    m->w = w;
    m->h = h;
    m->cx0 = (int)fmax(0, floor(x));
    m->cy0 = (int)fmax(0, floor(y));
    m->cx1 = (int)fmin(w, ceil(x + cw));
    m->cy1 = (int)fmin(h, ceil(y + ch));
    m->ty0 = h;
    m->ty1 = 0;
    return 0;
}

void hl_free(hl_mask *m)
{
    bigmem_free(&m->mem);
    memset(m, 0, sizeof *m);
}

/* floor(x) and ceil(x) as ints, inline (without SSE4.1 the libm calls
 * were a sixth of the time of hl_segment); x must be within int range,
 * as for the (int) casts they replace. */
static inline int ifloor(double x)
{
    int i = (int)x;
    return i - (x < i);
}

static inline int iceil(double x)
{
    int i = (int)x;
    return i + (x > i);
}

/* Overlap of the interval [d - r, d + r] with the pixel [-0.5, 0.5]. */
static inline double coverage(double d, double r)
{
    double hi = d + r < 0.5 ? d + r : 0.5;
    double lo = d - r > -0.5 ? d - r : -0.5;
    double c = hi - lo;
    return c < 0 ? 0 : c > 1 ? 1 : c;
}

void hl_segment(hl_mask *m, double x0, double y0, double x1, double y1,
                double r)
{
    double ext = r + 0.5; /* coverage is zero farther out */
    int bx0 = ifloor((x0 < x1 ? x0 : x1) - ext), bx1 = iceil((x0 > x1 ? x0 : x1) + ext);
    int by0 = ifloor((y0 < y1 ? y0 : y1) - ext), by1 = iceil((y0 > y1 ? y0 : y1) + ext);
    if (bx0 < m->cx0)
        bx0 = m->cx0;
    if (by0 < m->cy0)
        by0 = m->cy0;
    if (bx1 > m->cx1)
        bx1 = m->cx1;
    if (by1 > m->cy1)
        by1 = m->cy1;
    if (bx0 >= bx1 || by0 >= by1)
        return;
    if (by0 < m->ty0)
        m->ty0 = by0;
    if (by1 > m->ty1)
        m->ty1 = by1;
    double dx = x1 - x0, dy = y1 - y0, l2 = dx * dx + dy * dy;
    double inv = l2 > 0 ? 1.0 / l2 : 0;
    int steep = fabs(dy) > fabs(dx);
    double outer2 = (r + 0.5) * (r + 0.5);
    double inner2 = r > 0.5 ? (r - 0.5) * (r - 0.5) : -1;
    int full = (int)(coverage(0, r) * 255 + 0.5);
    /* Walk the major axis; on each line of pixels visit only the band
     * where the capsule can reach. */
    int a0 = steep ? by0 : bx0, a1 = steep ? by1 : bx1;
    double slope = steep ? (dy != 0 ? dx / dy : 0) : (dx != 0 ? dy / dx : 0);
    double reach = ext * sqrt(1 + slope * slope);
    for (int i = a0; i < a1; i++) {
        double c = i + 0.5;
        double t_major = steep ? c - y0 : c - x0;
        double maj_len = steep ? dy : dx;
        double tt = maj_len != 0 ? t_major / maj_len : 0;
        tt = tt < 0 ? 0 : tt > 1 ? 1 : tt;
        double centre = steep ? x0 + dx * tt : y0 + dy * tt;
        int lo = ifloor(centre - reach), hi = iceil(centre + reach);
        int mlo = steep ? bx0 : by0, mhi = steep ? bx1 : by1;
        if (lo < mlo)
            lo = mlo;
        if (hi > mhi)
            hi = mhi;
        if (lo >= hi)
            continue;
        /* Along the minor axis the projection t and the offsets to the
         * closest point change linearly: step them instead of recomputing. */
        double px = steep ? lo + 0.5 : c, py = steep ? c : lo + 0.5;
        double sx = steep ? 1 : 0, sy = steep ? 0 : 1; /* pixel step */
        double t = ((px - x0) * dx + (py - y0) * dy) * inv;
        double tk = (sx * dx + sy * dy) * inv;
        uint8_t *p = steep ? &m->a[(size_t)i * m->w + lo]
                           : &m->a[(size_t)lo * m->w + i];
        size_t pstep = steep ? 1 : (size_t)m->w;
        for (int k = lo; k < hi; k++, t += tk, px += sx, py += sy, p += pstep) {
            double ex, ey;
            if (t <= 0) {
                ex = x0 - px;
                ey = y0 - py;
            } else if (t >= 1) {
                ex = x1 - px;
                ey = y1 - py;
            } else {
                ex = x0 + t * dx - px;
                ey = y0 + t * dy - py;
            }
            double d2 = ex * ex + ey * ey;
            if (d2 >= outer2)
                continue;
            /* inside the solid core no square root is needed */
            int v = d2 <= inner2 ? full : (int)(coverage(sqrt(d2), r) * 255 + 0.5);
            if (v > *p)
                *p = (uint8_t)v;
        }
    }
}

/* Whether the eight mask bytes at p are all zero. */
static inline int eight_empty(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v == 0;
}

void hl_blend(hl_mask *m, uint8_t *data, int stride, double r, double g,
              double b)
{
    uint32_t cr = (uint32_t)(r * 255 + 0.5), cg = (uint32_t)(g * 255 + 0.5),
             cb = (uint32_t)(b * 255 + 0.5);
    for (int y = m->ty0; y < m->ty1; y++) {
        uint8_t *row = m->a + (size_t)y * m->w;
        uint32_t *px = (uint32_t *)(data + (size_t)y * stride);
        for (int x = m->cx0; x < m->cx1; x++) {
            /* most of the mask is empty: skip it eight bytes at a time */
            while (x + 8 <= m->cx1 && eight_empty(row + x))
                x += 8;
            if (x >= m->cx1)
                break;
            uint32_t a = row[x];
            if (!a)
                continue;
            row[x] = 0;
            uint32_t p = px[x], na = 255 - a;
            uint32_t pr = (p >> 16) & 255, pg = (p >> 8) & 255, pb = p & 255;
            pr = (pr * na + cr * a + 127) / 255;
            pg = (pg * na + cg * a + 127) / 255;
            pb = (pb * na + cb * a + 127) / 255;
            px[x] = (p & 0xff000000u) | (pr << 16) | (pg << 8) | pb;
        }
    }
    m->ty0 = m->h;
    m->ty1 = 0;
}
