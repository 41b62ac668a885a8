/* test_pal_vision.c - colour differences for greyscale and deuteranopia:
 * CIELAB against published reference values, grey invariant under the
 * deuteranopia simulation, red/green confused by it, the default no-data
 * style told apart from YlGnBu class 2 in greyscale (the case:
 * grey 197 vs 200), and the palette check. */
#include "check.h"
#include "pal.h"
#include "pal_vision.h"

#include <math.h>
#include <stdlib.h>

static int near(double a, double b, double tol) { return fabs(a - b) <= tol; }

int main(void)
{
    /* reference values (CIE, D65; e.g. Bruce Lindbloom's calculator) */
    static const struct {
        pal_rgb c;
        double lab[3];
    } ref[] = {{{255, 255, 255}, {100.0, 0.0, 0.0}},
               {{0, 0, 0}, {0.0, 0.0, 0.0}},
               {{255, 0, 0}, {53.24, 80.09, 67.20}},
               {{0, 255, 0}, {87.73, -86.18, 83.18}},
               {{0, 0, 255}, {32.30, 79.19, -107.86}},
               {{200, 200, 200}, {80.60, 0.0, 0.0}}};
    for (size_t k = 0; k < sizeof ref / sizeof ref[0]; k++) {
        double lab[3];
        pal_lab(ref[k].c, lab);
        CHECK(near(lab[0], ref[k].lab[0], 0.1) && near(lab[1], ref[k].lab[1], 0.2) &&
              near(lab[2], ref[k].lab[2], 0.2));
    }
    /* a grey stays that grey for a deuteranope */
    for (int v = 0; v <= 255; v += 15) {
        pal_rgb g = {(uint8_t)v, (uint8_t)v, (uint8_t)v}, d = pal_deuteranopia(g);
        CHECK(abs(d.r - v) <= 1 && abs(d.g - v) <= 1 && abs(d.b - v) <= 1);
    }
    /* red and green move much closer together */
    pal_rgb red = {220, 50, 40}, green = {60, 160, 40};
    CHECK(pal_delta_e(pal_deuteranopia(red), pal_deuteranopia(green)) <
          pal_delta_e(red, green) / 3);
    /* the case: YlGnBu class 2 (of 5) and the old no-data grey */
    const pal_scheme *y = pal_find("YlGnBu");
    pal_rgb col[9];
    CHECK(y && pal_colors(y, 5, col) == 0);
    CHECK(pal_delta_grey(col[1], pal_missing()) < 3); /* the problem */
    pal_rgb grey;
    int hatch;
    double m = pal_nodata_style(col, 5, &grey, &hatch);
    CHECK(hatch || m >= PAL_DE_NODATA);
    CHECK(hatch || pal_delta_grey(col[1], grey) >= PAL_DE_NODATA);
    char msg[400];
    CHECK(pal_vision_check(col, 5, grey, hatch, 0, msg, sizeof msg) == 0);
    /* without hatching, the old grey is reported */
    CHECK(pal_vision_check(col, 5, pal_missing(), 0, 0, msg, sizeof msg) == 1);
    CHECK(strstr(msg, "geen gegevens") && strstr(msg, "klasse 2"));
    /* nine YlGnBu classes: the two lightest are too close in greyscale */
    CHECK(pal_colors(y, 9, col) == 0);
    CHECK(pal_delta_grey(col[0], col[1]) < PAL_DE_CLASSES);
    CHECK(pal_vision_check(col, 9, grey, 1, 1, msg, sizeof msg) == 1);
    CHECK(strstr(msg, "classes 1 and 2") && strstr(msg, "greyscale"));
    /* a light sequential palette leaves room for the usual grey? either way
     * the chosen style is never closer than the threshold unhatched */
    for (size_t i = 0; i < pal_count(); i++) {
        const pal_scheme *s = pal_at(i);
        for (int k = 3; k <= 7; k++) {
            if (pal_colors(s, k, col) < 0)
                continue;
            m = pal_nodata_style(col, k, &grey, &hatch);
            CHECK(hatch == (m < PAL_DE_NODATA));
        }
    }
    return check_done();
}
