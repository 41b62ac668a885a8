/* pal_vision.c - colour differences for greyscale and deuteranopia; see
 * pal_vision.h. */
#include "pal_vision.h"

#include <math.h>
#include <stdio.h>

#include "tbl.h"

static double lin(double c)
{
    c /= 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double unlin(double c)
{
    c = c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055;
    c = c < 0 ? 0 : c > 1 ? 1 : c;
    return round(255.0 * c);
}

static double f_lab(double t)
{
    return t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116;
}

void pal_lab(pal_rgb c, double lab[3])
{
    double r = lin(c.r), g = lin(c.g), b = lin(c.b);
    double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    double fx = f_lab(x), fy = f_lab(y), fz = f_lab(z);
    lab[0] = 116 * fy - 16;
    lab[1] = 500 * (fx - fy);
    lab[2] = 200 * (fy - fz);
}

double pal_delta_e(pal_rgb a, pal_rgb b)
{
    double p[3], q[3];
    pal_lab(a, p);
    pal_lab(b, q);
    return sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) +
                (p[2] - q[2]) * (p[2] - q[2]));
}

double pal_delta_grey(pal_rgb a, pal_rgb b)
{
    double p[3], q[3];
    pal_lab(a, p);
    pal_lab(b, q);
    return fabs(p[0] - q[0]);
}

pal_rgb pal_deuteranopia(pal_rgb c)
{
    double r = lin(c.r), g = lin(c.g), b = lin(c.b);
    double R = 0.367322 * r + 0.860646 * g - 0.227968 * b;
    double G = 0.280085 * r + 0.672501 * g + 0.047413 * b;
    double B = -0.011820 * r + 0.042940 * g + 0.968881 * b;
    return (pal_rgb){(uint8_t)unlin(R), (uint8_t)unlin(G), (uint8_t)unlin(B)};
}

double pal_delta_min(pal_rgb a, pal_rgb b)
{
    double d = pal_delta_e(a, b), g = pal_delta_grey(a, b),
           e = pal_delta_e(pal_deuteranopia(a), pal_deuteranopia(b));
    return fmin(d, fmin(g, e));
}

double pal_nodata_style(const pal_rgb *cls, int k, pal_rgb *grey, int *hatch)
{
    static const uint8_t greys[] = {200, 230, 170, 245, 140, 110};
    double first = 0;
    for (size_t i = 0; i < sizeof greys; i++) {
        pal_rgb g = {greys[i], greys[i], greys[i]};
        double m = INFINITY;
        for (int j = 0; j < k; j++)
            m = fmin(m, pal_delta_min(g, cls[j]));
        if (i == 0)
            first = m;
        if (m >= PAL_DE_NODATA) {
            *grey = g;
            *hatch = 0;
            return m;
        }
    }
    /* no grey is far enough from every class: the usual grey, hatched */
    *grey = (pal_rgb){greys[0], greys[0], greys[0]};
    *hatch = 1;
    return first;
}

int pal_vision_check(const pal_rgb *cls, int k, pal_rgb nodata, int hatch,
                     int en, char *msg, size_t size)
{
    for (int j = 0; j + 1 < k; j++) {
        double g = pal_delta_grey(cls[j], cls[j + 1]);
        double d = pal_delta_e(pal_deuteranopia(cls[j]), pal_deuteranopia(cls[j + 1]));
        if (g < PAL_DE_CLASSES || d < PAL_DE_CLASSES) {
            int grey = g < PAL_DE_CLASSES;
            snprintf(msg, size,
                     en ? "classes %d and %d differ by ΔE %.1f %s (at least "
                          "%.0f is needed); choose fewer classes or another "
                          "palette"
                        : "klassen %d en %d verschillen maar ΔE %.1f %s "
                          "(minstens %.0f nodig); kies minder klassen of een "
                          "ander palet",
                     j + 1, j + 2, grey ? g : d,
                     grey ? (en ? "in greyscale" : "in grijstinten")
                          : (en ? "with deuteranopia" : "bij deuteranopie"),
                     PAL_DE_CLASSES);
            return 1;
        }
    }
    if (!hatch)
        for (int j = 0; j < k; j++) {
            double m = pal_delta_min(nodata, cls[j]);
            if (m < PAL_DE_NODATA) {
                snprintf(msg, size,
                         en ? "the no-data grey and class %d differ by ΔE "
                              "%.1f (at least %.0f is needed)"
                            : "het grijs van \"geen gegevens\" en klasse %d "
                              "verschillen maar ΔE %.1f (minstens %.0f nodig)",
                         j + 1, m, PAL_DE_NODATA);
                return 1;
            }
        }
    return 0;
}

unsigned pal_miss_hatch(int why, int hatch_all)
{
    static const unsigned style[MISS_REASON_COUNT] = {
        [MISS_NONE] = 0,
        [MISS_EMPTY] = 0,
        [MISS_SECRET] = PAL_HATCH_DIAG,
        [MISS_SUPPRESSED] = PAL_HATCH_BACK,
        [MISS_COVERAGE] = PAL_HATCH_DIAG | PAL_HATCH_BACK,
        [MISS_UNMATCHED] = PAL_HATCH_DOTS,
        [MISS_UNKNOWN] = PAL_HATCH_HORIZ,
        [MISS_NOT_AVAILABLE] = PAL_HATCH_VERT,
        [MISS_NOT_APPLICABLE] = PAL_HATCH_HORIZ | PAL_HATCH_VERT,
        [MISS_SENTINEL] = PAL_HATCH_DIAG | PAL_HATCH_DOTS,
        [MISS_UNPARSABLE] = PAL_HATCH_HORIZ | PAL_HATCH_DOTS,
        [MISS_DIV_ZERO] = PAL_HATCH_VERT | PAL_HATCH_DOTS,
        [MISS_INVALID] = PAL_HATCH_BACK | PAL_HATCH_DOTS,
    };
    if (why < 0 || why >= MISS_REASON_COUNT)
        why = MISS_EMPTY;
    if (why == MISS_EMPTY || why == MISS_NONE)
        return hatch_all ? PAL_HATCH_HORIZ | PAL_HATCH_VERT | PAL_HATCH_DOTS : 0;
    return style[why];
}
