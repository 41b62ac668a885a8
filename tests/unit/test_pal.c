/* test_pal.c - palettes: published ColorBrewer colours and flags, viridis
 * and cividis samples, k = 1/2 rules, centred diverging colours, greys,
 * luminance and label colours. Expected hex values are ColorBrewer's
 * published tables (colorbrewer2.org) and matplotlib's colour maps. */
#include <string.h>

#include "check.h"
#include "err.h"
#include "draw.h"
#include "pal.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Checks that c[0..k) is the space-separated hex list `want`. */
static int colors_are(const pal_rgb *c, int k, const char *want)
{
    char got[12 * 8 + 1] = "", hex[8];
    for (int i = 0; i < k; i++) {
        pal_hex(c[i], hex);
        strcat(got, i ? " " : "");
        strcat(got, hex + 1);
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "colours %s, expected %s\n", got, want);
        return 0;
    }
    return 1;
}

/* The context grey every renderer draws (DRAW_CONTEXT) in bytes. */
static pal_rgb pal_context(void)
{
    draw_rgb c = DRAW_CONTEXT;
    return (pal_rgb){(uint8_t)lround(c.r * 255), (uint8_t)lround(c.g * 255),
                     (uint8_t)lround(c.b * 255)};
}

static int same(pal_rgb a, pal_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void test_tables(void)
{
    static const struct {
        const char *name;
        int k;
        const char *hex;
    } cases[] = {
        {"YlGnBu", 5, "ffffcc a1dab4 41b6c4 2c7fb8 253494"},
        {"ylgnbu", 3, "edf8b1 7fcdbb 2c7fb8"},
        {"Blues", 9,
         "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b"},
        {"Greys", 4, "f7f7f7 cccccc 969696 525252"},
        {"YlOrRd", 7, "ffffb2 fed976 feb24c fd8d3c fc4e2a e31a1c b10026"},
        {"RdBu", 5, "ca0020 f4a582 f7f7f7 92c5de 0571b0"},
        {"Spectral", 11, "9e0142 d53e4f f46d43 fdae61 fee08b ffffbf e6f598 "
                         "abdda4 66c2a5 3288bd 5e4fa2"},
        {"RdYlGn", 4, "d7191c fdae61 a6d96a 1a9641"},
        {"BrBG", 6, "8c510a d8b365 f6e8c3 c7eae5 5ab4ac 01665e"},
        {"Set2", 4, "66c2a5 fc8d62 8da0cb e78ac3"},
        {"Paired", 12, "a6cee3 1f78b4 b2df8a 33a02c fb9a99 e31a1c fdbf6f "
                       "ff7f00 cab2d6 6a3d9a ffff99 b15928"},
        {"Set3", 3, "8dd3c7 ffffb3 bebada"},
        {"Dark2", 8, "1b9e77 d95f02 7570b3 e7298a 66a61e e6ab02 a6761d 666666"},
        {"Accent", 5, "7fc97f beaed4 fdc086 ffff99 386cb0"},
        /* viridis/cividis: matplotlib's table at t = i/(k-1), index
         * round(255 t): 0, 128, 255 */
        {"viridis", 3, "440154 21918c fde725"},
        {"Viridis", 2, "440154 fde725"},
        {"viridis", 1, "21918c"},
        {"cividis", 3, "00224e 7d7c78 fee838"},
        /* k = 1 and 2 from the 3-class table */
        {"YlGnBu", 1, "7fcdbb"},
        {"YlGnBu", 2, "edf8b1 2c7fb8"},
        {"RdBu", 1, "f7f7f7"},
        {"Set2", 2, "66c2a5 fc8d62"},
    };
    pal_rgb c[PAL_K_MAX];
    for (size_t i = 0; i < N_OF(cases); i++) {
        const pal_scheme *s = pal_find(cases[i].name);
        CHECK(s != NULL);
        if (!s)
            continue;
        CHECK(pal_colors(s, cases[i].k, c) == 0);
        CHECK(colors_are(c, cases[i].k, cases[i].hex));
    }
    CHECK(pal_count() == 37);
    CHECK(pal_at(37) == NULL);
    CHECK_STR(pal_name(pal_default_sequential()), "YlGnBu");
    CHECK_STR(pal_name(pal_default_diverging()), "RdBu");
    CHECK(pal_kind_of(pal_find("PuOr")) == PAL_DIVERGING);
    CHECK(pal_kind_of(pal_find("Pastel1")) == PAL_QUALITATIVE);
    CHECK(pal_is_continuous(pal_find("cividis")) &&
          !pal_is_continuous(pal_find("Reds")));
    CHECK(pal_k_max(pal_find("Set3")) == 12 &&
          pal_k_max(pal_find("PiYG")) == 11 &&
          pal_k_max(pal_find("OrRd")) == 9 &&
          pal_k_max(pal_find("Pastel2")) == 8);
}

/* Every table: sequential ColorBrewer tables get darker step by step,
 * odd diverging tables are lightest in the middle, viridis and cividis
 * get lighter step by step (3 and 64 samples), and no table colour equals the fixed
 * missing or context grey. */
static void test_table_shapes(void)
{
    pal_rgb c[PAL_K_MAX];
    int bad_order = 0, clash = 0;
    for (size_t i = 0; i < pal_count(); i++) {
        const pal_scheme *s = pal_at(i);
        int kmax = pal_k_max(s);
        for (int k = 3; k <= kmax; k++) {
            CHECK(pal_colors(s, k, c) == 0);
            for (int j = 0; j < k; j++)
                clash += same(c[j], pal_missing()) ||
                         same(c[j], pal_context());
            if (pal_kind_of(s) == PAL_SEQUENTIAL) {
                int up = pal_is_continuous(s);
                for (int j = 1; j < k; j++) {
                    double a = pal_luminance(c[j - 1]),
                           b = pal_luminance(c[j]);
                    if (up ? !(b > a) : !(b < a)) {
                        bad_order++;
                        fprintf(stderr, "%s k=%d step %d not monotonic\n",
                                pal_name(s), k, j);
                    }
                }
            } else if (pal_kind_of(s) == PAL_DIVERGING && k % 2 == 1) {
                for (int j = 0; j < k; j++)
                    if (pal_luminance(c[j]) > pal_luminance(c[k / 2]))
                        bad_order++;
            }
            if (pal_is_continuous(s) && k == 3)
                k = 63; /* then 64 samples (neighbours in the 8-bit
                           256-entry tables may tie in luminance) */
            else if (pal_is_continuous(s))
                break;
        }
    }
    CHECK(bad_order == 0);
    CHECK(clash == 0);
}

/* 1 when f has the expected flags; an expectation of -1 is not checked. */
static int flags_are(pal_safety f, int colorblind, int print, int greyscale)
{
    return (colorblind < 0 || (int)f.colorblind == colorblind) &&
           (print < 0 || (int)f.print == print) &&
           (greyscale < 0 || (int)f.greyscale == greyscale);
}

static void test_flags(void)
{
    enum { ANY = -1 };
    static const struct {
        const char *scheme;
        int k;
        int colorblind, print, greyscale;
    } cases[] = {
        {"YlGnBu", 5, PAL_YES, PAL_YES, PAL_NO},
        {"YlGnBu", 6, ANY, PAL_MAYBE, ANY},
        {"YlGnBu", 9, PAL_YES, PAL_NO, ANY},
        {"YlGnBu", 3, ANY, ANY, PAL_YES},
        {"YlGnBu", 4, ANY, ANY, PAL_MAYBE},
        {"RdYlGn", 3, PAL_MAYBE, ANY, ANY},
        {"RdYlGn", 6, PAL_NO, PAL_MAYBE, ANY},
        {"Spectral", 5, ANY, ANY, PAL_YES},
        {"Paired", 12, PAL_NO, PAL_NO, ANY},
        {"Set1", 9, PAL_MAYBE, PAL_YES, ANY},
        {"YlGnBu", 1, ANY, PAL_YES, PAL_YES}, /* takes the 3-class flags */
        {"viridis", 200, PAL_YES, PAL_YES, PAL_YES},
        {"Blues", 10, PAL_NO, PAL_NO, ANY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pal_safety f = pal_safety_of(pal_find(cases[i].scheme), cases[i].k);
        if (!flags_are(f, cases[i].colorblind, cases[i].print,
                       cases[i].greyscale))
            fprintf(stderr, "flags of %s with %d classes\n", cases[i].scheme,
                    cases[i].k);
        CHECK(flags_are(f, cases[i].colorblind, cases[i].print,
                        cases[i].greyscale));
    }
    /* the default is colour-blind and print safe at the default k = 5 */
    CHECK(flags_are(pal_safety_of(pal_default_sequential(), 5), PAL_YES,
                    PAL_YES, ANY));
    CHECK(flags_are(pal_safety_of(pal_default_diverging(), 5), PAL_YES,
                    PAL_YES, ANY));
}

static void test_errors(void)
{
    pal_rgb c[PAL_K_MAX + 1];
    err_clear();
    CHECK(pal_find("Rainbow") == NULL);
    CHECK(err_get() && err_get()->category == ERR_RECIPE &&
          strstr(err_get()->message, "'Rainbow'") &&
          strstr(err_get()->message, "YlGnBu") &&
          strstr(err_get()->message, "cividis"));
    CHECK(pal_find(NULL) == NULL);
    err_clear();
    CHECK(pal_colors(pal_find("Blues"), 10, c) == -1);
    CHECK(err_get() && strstr(err_get()->message, "1 to 9"));
    CHECK(pal_colors(pal_find("Blues"), 0, c) == -1);
    CHECK(pal_colors(pal_find("viridis"), PAL_K_MAX + 1, c) == -1);
    CHECK(pal_colors(pal_find("viridis"), 40, c) == 0);
    CHECK(pal_colors(NULL, 3, c) == -1);
}

static void test_diverging(void)
{
    const pal_scheme *rdbu = pal_find("RdBu");
    pal_rgb c[12];
    const double b[] = {0, 10, 20, 30, 40, 50};
    /* centre 15 inside class 1: 1 class below, 3 above -> 7-table,
     * b2182b ef8a62 fddbc7 f7f7f7 d1e5f0 67a9cf 2166ac, class 1 neutral */
    CHECK(pal_diverging_centered(rdbu, b, 5, 15, 0, c) == 0);
    CHECK(colors_are(c, 5, "fddbc7 f7f7f7 d1e5f0 67a9cf 2166ac"));
    CHECK(pal_diverging_centered(rdbu, b, 5, 15, 1, c) == 0);
    CHECK(colors_are(c, 5, "d1e5f0 f7f7f7 fddbc7 ef8a62 b2182b"));
    /* centre in the middle class: exactly the 5-table */
    CHECK(pal_diverging_centered(rdbu, b, 5, 25, 0, c) == 0);
    CHECK(colors_are(c, 5, "ca0020 f4a582 f7f7f7 92c5de 0571b0"));
    /* centre on the break 20: 2 below, 3 above, no neutral -> 6-table
     * b2182b ef8a62 fddbc7 d1e5f0 67a9cf 2166ac */
    CHECK(pal_diverging_centered(rdbu, b, 5, 20, 0, c) == 0);
    CHECK(colors_are(c, 5, "ef8a62 fddbc7 d1e5f0 67a9cf 2166ac"));
    /* centre on the upper class limit 50 counts as a break too */
    CHECK(pal_diverging_centered(rdbu, b, 5, 50, 0, c) == 0);
    CHECK(colors_are(c, 5, "67001f b2182b d6604d f4a582 fddbc7"));
    /* centre below everything: all 5 above -> 10-table, upper half */
    CHECK(pal_diverging_centered(rdbu, b, 5, -5, 0, c) == 0);
    CHECK(colors_are(c, 5, "d1e5f0 92c5de 4393c3 2166ac 053061"));
    /* one class holding the centre: the neutral colour */
    const double b1[] = {0, 10};
    CHECK(pal_diverging_centered(rdbu, b1, 1, 5, 0, c) == 0);
    CHECK(colors_are(c, 1, "f7f7f7"));
    /* two classes meeting at the centre: the 3-table's outer colours */
    const double b2[] = {0, 5, 10};
    CHECK(pal_diverging_centered(rdbu, b2, 2, 5, 0, c) == 0);
    CHECK(colors_are(c, 2, "ef8a62 67a9cf"));
    /* errors */
    const double b7[] = {0, 1, 2, 3, 4, 5, 6, 7};
    err_clear();
    CHECK(pal_diverging_centered(rdbu, b7, 7, -1, 0, c) == -1);
    CHECK(err_get() && strstr(err_get()->message, "at most 5"));
    CHECK(pal_diverging_centered(rdbu, b7, 7, 3.5, 0, c) == 0);
    CHECK(pal_diverging_centered(pal_find("Blues"), b, 5, 15, 0, c) == -1);
    const double bad[] = {0, 10, 5};
    CHECK(pal_diverging_centered(rdbu, bad, 2, 3, 0, c) == -1);
    CHECK(pal_diverging_centered(rdbu, b, 5, NAN, 0, c) == -1);
}

static void test_greys_luminance_hex(void)
{
    pal_rgb black = {0, 0, 0}, white = {255, 255, 255};
    CHECK_NEAR(pal_luminance(white), 1, 1e-12);
    CHECK_NEAR(pal_luminance(black), 0, 1e-12);
    CHECK_NEAR(pal_contrast(black, white), 21, 1e-9);
    /* WCAG: #777777 on white is 4.48:1 */
    pal_rgb g77 = {0x77, 0x77, 0x77};
    CHECK_NEAR(pal_contrast(g77, white), 4.48, 0.01);
    CHECK(same(pal_label_color(white), black));
    CHECK(same(pal_label_color(black), white));
    pal_rgb dark = {0x25, 0x34, 0x94}, light = {0xff, 0xff, 0xcc};
    CHECK(same(pal_label_color(dark), white));
    CHECK(same(pal_label_color(light), black));
    /* mid grey #767676 (lum 0.18) is the switch-over region */
    pal_rgb g60 = {0x60, 0x60, 0x60}, g90 = {0x90, 0x90, 0x90};
    CHECK(same(pal_label_color(g60), white));
    CHECK(same(pal_label_color(g90), black));
    /* the fixed greys differ visibly and take black labels */
    CHECK(pal_contrast(pal_missing(), pal_context()) > 1.3);
    CHECK(pal_contrast(pal_missing(), pal_secret_hatch()) > 2.0);
    CHECK(same(pal_label_color(pal_missing()), black));

    pal_rgb c;
    char hex[8];
    CHECK(pal_parse_hex("#1d91c0", &c) == 0 && c.r == 0x1d && c.g == 0x91 &&
          c.b == 0xc0);
    pal_hex(c, hex);
    CHECK_STR(hex, "#1d91c0");
    CHECK(pal_parse_hex("FFAA00", &c) == 0 && c.r == 255 && c.g == 170);
    CHECK(pal_parse_hex("#abc", &c) == 0 && c.r == 0xaa && c.b == 0xcc);
    err_clear();
    CHECK(pal_parse_hex("#12345g", &c) == -1);
    CHECK(err_get() && strstr(err_get()->message, "#rrggbb"));
    CHECK(pal_parse_hex("abc", &c) == -1);
    CHECK(pal_parse_hex("", &c) == -1);
    CHECK(pal_parse_hex(NULL, &c) == -1);

    pal_rgb r[4] = {{1, 0, 0}, {2, 0, 0}, {3, 0, 0}, {4, 0, 0}};
    pal_reverse(r, 4);
    CHECK(r[0].r == 4 && r[1].r == 3 && r[2].r == 2 && r[3].r == 1);
    pal_reverse(r, 3);
    CHECK(r[0].r == 2 && r[2].r == 4 && r[3].r == 1);
}

int main(void)
{
    test_tables();
    test_table_shapes();
    test_flags();
    test_errors();
    test_diverging();
    test_greys_luminance_hex();
    return check_done();
}
