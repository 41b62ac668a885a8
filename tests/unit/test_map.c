/* test_map.c - tests of the choropleth renderer (plots/map.c and helpers).
 *
 * 1. A synthetic map (a square with a hole, a plain square, a two-part
 *    multipolygon, a hatched "secret" square) rendered to a small PNG and
 *    compared with tests/ref/map_synthetic.png (tolerant: a small share of
 *    pixels may differ by anti-aliasing), plus exact checks at known
 *    places: inside the hole is white, inside each polygon is its class
 *    colour, the legend swatches have their colours. DNW_UPDATE_REF=1
 *    rewrites the reference image.
 * 2. PDF and SVG are identical byte for byte between renders (also after
 *    other renders in the same process, and in a child process).
 * 3. Bad inputs fail cleanly with the right category and message and leave
 *    no file behind.
 * 4. Page sizes, the PNG size at 300 dpi, the scale bar's round length.
 * 5. Real data (when DNW_SHARED_DATA is there): the whole country and the
 *    wijken of Amsterdam with labels, checked against OGR's own geometry
 *    operations (PointOnSurface, Within).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>

#include "check.h"
#include "pal_vision.h"
#include "testutil.h"
#include "err.h"
#include "geo_fixture.h"
#include "map.h"
#include "page.h"

#define OUT_DIR DNW_BINARY_DIR "/test-map-out"
#define REF_PNG DNW_SOURCE_DIR "/tests/ref/map_synthetic.png"

/* Origin of the synthetic squares in RD New (somewhere near Utrecht). */
#define X0 136000.0
#define Y0 455000.0

/* --- synthetic data ----------------------------------------------------- */

typedef struct {
    double xy[256];
    uint64_t row_part[8], part_ring[16], ring_pt[32];
    size_t n_pt, n_part, n_ring, n_row;
} geo_builder;

/* Starts a new row. */
static void gb_row(geo_builder *b)
{
    b->row_part[b->n_row++] = b->n_part;
}

/* Starts a new part (polygon) in the current row. */
static void gb_part(geo_builder *b)
{
    b->part_ring[b->n_part++] = b->n_ring;
}

/* Adds a closed square ring (x, y, size in metres from X0, Y0), clockwise
 * when cw (orientation must not matter: even-odd fill). */
static void gb_square(geo_builder *b, double x, double y, double size, int cw)
{
    double c[5][2] = {{x, y}, {x + size, y}, {x + size, y + size},
                      {x, y + size}, {x, y}};
    b->ring_pt[b->n_ring++] = b->n_pt;
    for (int i = 0; i < 5; i++) {
        int k = cw ? 4 - i : i;
        b->xy[2 * b->n_pt] = X0 + c[k][0];
        b->xy[2 * b->n_pt + 1] = Y0 + c[k][1];
        b->n_pt++;
    }
}

/* Copies the builder into a table with a geometry column. */
static tbl *gb_table(geo_builder *b)
{
    b->row_part[b->n_row] = b->n_part;
    b->part_ring[b->n_part] = b->n_ring;
    b->ring_pt[b->n_ring] = b->n_pt;
    tbl *t = tbl_new(b->n_row);
    double *xy = malloc(b->n_pt * 2 * sizeof *xy);
    uint64_t *rp = malloc((b->n_row + 1) * sizeof *rp);
    uint64_t *pr = malloc((b->n_part + 1) * sizeof *pr);
    uint64_t *rpt = malloc((b->n_ring + 1) * sizeof *rpt);
    memcpy(xy, b->xy, b->n_pt * 2 * sizeof *xy);
    memcpy(rp, b->row_part, (b->n_row + 1) * sizeof *rp);
    memcpy(pr, b->part_ring, (b->n_part + 1) * sizeof *pr);
    memcpy(rpt, b->ring_pt, (b->n_ring + 1) * sizeof *rpt);
    tbl_add_geom(t, "geom", xy, b->n_pt, rp, b->n_part, pr, b->n_ring, rpt,
                 NULL, "EPSG:28992");
    return t;
}

/* Rows: 0 = square with a hole (class 0), 1 = square (class 1),
 * 2 = multipolygon of two squares (class 2), 3 = square (secret, hatched),
 * 4 = a context square (entry -1) left of the others. */
static tbl *synthetic_table(void)
{
    static geo_builder b;
    memset(&b, 0, sizeof b);
    gb_row(&b);
    gb_part(&b);
    gb_square(&b, 0, 0, 1000, 0);
    gb_square(&b, 300, 300, 400, 0); /* hole, same orientation on purpose */
    gb_row(&b);
    gb_part(&b);
    gb_square(&b, 1000, 0, 1000, 1);
    gb_row(&b);
    gb_part(&b);
    gb_square(&b, 0, 1000, 1000, 0);
    gb_part(&b);
    gb_square(&b, 1500, 1500, 500, 0);
    gb_row(&b);
    gb_part(&b);
    gb_square(&b, 1000, 1000, 500, 0);
    gb_row(&b);
    gb_part(&b);
    gb_square(&b, -1200, 0, 1000, 0);
    return gb_table(&b);
}

static const int synth_entry[5] = {0, 1, 2, 3, -1};

static map_legend_entry synth_legend[4] = {
    {"0 – 10 %", {0xff / 255.0, 0xff / 255.0, 0xcc / 255.0}, 0, 1},
    {"10 – 20 %", {0x41 / 255.0, 0xb6 / 255.0, 0xc4 / 255.0}, 0, 1},
    {"20 – 30 %", {0x25 / 255.0, 0x34 / 255.0, 0x94 / 255.0}, 0, 1},
    {"geheim (CBS)", {0.85, 0.85, 0.85}, 1, 1}};

/* A spec for the synthetic table. */
static map_spec synthetic_spec(const tbl *t)
{
    map_spec sp = fx_spec(t, synth_entry, synth_legend, 4, 3);
    sp.title = "Testkaart";
    sp.subtitle = "Vier vlakken, een gat en een multipolygoon";
    sp.legend_title = "Aandeel (%)";
    sp.source_line = "Bron: synthetisch";
    sp.provenance = "dnawijk test";
    sp.page = "640x480";
    return sp;
}

/* --- image helpers ------------------------------------------------------ */

/* Pixel (x, y) of an RGB24/ARGB32 image as 0xRRGGBB. */
static uint32_t pixel(cairo_surface_t *img, int x, int y)
{
    int w = cairo_image_surface_get_width(img);
    int h = cairo_image_surface_get_height(img);
    if (x < 0 || y < 0 || x >= w || y >= h)
        return 0xff000000u; /* out of the image: matches no colour */
    const uint8_t *d = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    return ((const uint32_t *)(d + (size_t)y * stride))[x] & 0xffffffu;
}

/* Is pixel p within tol per channel of colour c (0..1 rgb)? */
static int near_rgb(uint32_t p, draw_rgb c, int tol)
{
    int r = (int)(p >> 16) & 255, g = (int)(p >> 8) & 255, b = (int)p & 255;
    return abs(r - (int)(c.r * 255 + 0.5)) <= tol &&
           abs(g - (int)(c.g * 255 + 0.5)) <= tol &&
           abs(b - (int)(c.b * 255 + 0.5)) <= tol;
}

/* Pixel position of world point (X, Y). */
static void world_px(const map_info *in, double X, double Y, int *x, int *y)
{
    *x = (int)((in->frame[0] + (X - in->world[0]) * in->k) * in->px_per_pt);
    *y = (int)((in->frame[1] + (in->world[3] - Y) * in->k) * in->px_per_pt);
}

/* Share of pixels whose largest channel difference exceeds 48. */
static double diff_share(cairo_surface_t *a, cairo_surface_t *b)
{
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) ||
        h != cairo_image_surface_get_height(b))
        return 1.0;
    long bad = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint32_t p = pixel(a, x, y), q = pixel(b, x, y);
            int d = 0;
            for (int sh = 0; sh <= 16; sh += 8) {
                int e = abs((int)((p >> sh) & 255) - (int)((q >> sh) & 255));
                if (e > d)
                    d = e;
            }
            bad += d > 48;
        }
    return (double)bad / ((double)w * h);
}

/* Number of entries in a folder other than . and .. (-1 on error). */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* --- tests -------------------------------------------------------------- */

static void test_synthetic_png(void)
{
    tbl *t = synthetic_table();
    map_spec sp = synthetic_spec(t);
    map_info in;
    const char *out = OUT_DIR "/synthetic.png";
    CHECK(map_render_info(&sp, out, MAP_PNG, &in) == 0);
    cairo_surface_t *img = cairo_image_surface_create_from_png(out);
    CHECK(cairo_surface_status(img) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_width(img) == 640);
    CHECK(cairo_image_surface_get_height(img) == 480);
    CHECK(in.px_w == 640 && in.px_h == 480);

    /* The frame holds the mapped rows (not the context square) with a
     * margin, and metres stay square: the data is 2000 x 2000 m. */
    CHECK(in.world[0] < X0 && in.world[2] > X0 + 2000);
    CHECK(in.world[1] < Y0 && in.world[3] > Y0 + 2000);
    CHECK_NEAR(in.frame[2] / in.k, in.world[2] - in.world[0], 1e-6);
    CHECK_NEAR(in.frame[3] / in.k, in.world[3] - in.world[1], 1e-6);
    /* nothing outside the page */
    CHECK(in.frame[0] >= 0 && in.frame[1] >= 0 &&
          in.frame[0] + in.frame[2] <= in.page_w_pt &&
          in.frame[1] + in.frame[3] <= in.page_h_pt);
    CHECK(in.legend[0] >= 0 && in.legend[1] >= 0 &&
          in.legend[0] + in.legend[2] <= in.page_w_pt &&
          in.legend[1] + in.legend[3] <= in.page_h_pt);
    /* the legend does not cover the map */
    int overlap = in.legend[0] < in.frame[0] + in.frame[2] &&
                  in.frame[0] < in.legend[0] + in.legend[2] &&
                  in.legend[1] < in.frame[1] + in.frame[3] &&
                  in.frame[1] < in.legend[1] + in.legend[3];
    CHECK(!overlap);

    int x, y;
    /* inside the hole: background (white), not the class colour */
    world_px(&in, X0 + 500, Y0 + 500, &x, &y);
    CHECK(pixel(img, x, y) == 0xffffff);
    /* inside the ring around the hole: class 0 */
    world_px(&in, X0 + 150, Y0 + 150, &x, &y);
    CHECK(near_rgb(pixel(img, x, y), synth_legend[0].fill, 2));
    /* the plain square, drawn clockwise: class 1 */
    world_px(&in, X0 + 1500, Y0 + 500, &x, &y);
    CHECK(near_rgb(pixel(img, x, y), synth_legend[1].fill, 2));
    /* both parts of the multipolygon: class 2 */
    world_px(&in, X0 + 300, Y0 + 1500, &x, &y);
    CHECK(near_rgb(pixel(img, x, y), synth_legend[2].fill, 2));
    world_px(&in, X0 + 1750, Y0 + 1750, &x, &y);
    CHECK(near_rgb(pixel(img, x, y), synth_legend[2].fill, 2));
    /* between the parts (a gap in the multipolygon): white */
    world_px(&in, X0 + 1750, Y0 + 1250, &x, &y);
    CHECK(pixel(img, x, y) == 0xffffff);
    /* the secret square: its fill and dark hatch lines both occur */
    int fill_px = 0, dark_px = 0;
    int ax, ay, bx, by;
    world_px(&in, X0 + 1100, Y0 + 1400, &ax, &ay);
    world_px(&in, X0 + 1400, Y0 + 1100, &bx, &by);
    for (int yy = ay; yy <= by; yy++)
        for (int xx = ax; xx <= bx; xx++) {
            uint32_t p = pixel(img, xx, yy);
            fill_px += near_rgb(p, synth_legend[3].fill, 3);
            dark_px += ((p >> 8) & 255) < 0xd9 - 40; /* hatch line */
        }
    if (!(fill_px > 0 && dark_px > 0)) fprintf(stderr, "hatch: %d fill, %d dark, box %d,%d-%d,%d px %06x\n", fill_px, dark_px, ax, ay, bx, by, pixel(img, (ax+bx)/2, (ay+by)/2));
    CHECK(fill_px > 0 && dark_px > 0);
    /* the context square (entry -1) is grey beneath, and the frame grows
     * to the whole map area, so it is partly in view */
    world_px(&in, X0 - 300, Y0 + 500, &x, &y);
    CHECK(near_rgb(pixel(img, x, y), ((draw_rgb){0.91, 0.91, 0.91}), 2));

    /* legend swatches: centre pixel has the entry's colour */
    for (int e = 0; e < 3; e++) {
        const double *sw = in.swatch + 4 * e;
        int sx = (int)((sw[0] + sw[2] / 2) * in.px_per_pt);
        int sy = (int)((sw[1] + sw[3] / 2) * in.px_per_pt);
        CHECK(near_rgb(pixel(img, sx, sy), synth_legend[e].fill, 2));
    }
    /* swatches are stacked in order, the missing entry set apart */
    CHECK(in.swatch[4 * 1 + 1] > in.swatch[4 * 0 + 1]);
    double gap12 = in.swatch[4 * 2 + 1] - in.swatch[4 * 1 + 1];
    double gap23 = in.swatch[4 * 3 + 1] - in.swatch[4 * 2 + 1];
    CHECK(gap23 > gap12 + 1);

    /* reference image */
    if (getenv("DNW_UPDATE_REF")) {
        CHECK(cairo_surface_write_to_png(img, REF_PNG) == CAIRO_STATUS_SUCCESS);
        fprintf(stderr, "updated %s\n", REF_PNG);
    }
    cairo_surface_t *ref = cairo_image_surface_create_from_png(REF_PNG);
    CHECK(cairo_surface_status(ref) == CAIRO_STATUS_SUCCESS);
    if (cairo_surface_status(ref) == CAIRO_STATUS_SUCCESS) {
        double share = diff_share(img, ref);
        if (share > 0.005)
            fprintf(stderr, "synthetic map differs from %s in %.2f%% of the "
                    "pixels (see %s; DNW_UPDATE_REF=1 to accept)\n", REF_PNG,
                    share * 100, out);
        CHECK(share <= 0.005);
    }
    cairo_surface_destroy(ref);
    cairo_surface_destroy(img);
    map_info_free(&in);

    /* highlight: a dark line on the right edge of square 1 */
    sp.highlight = 1;
    CHECK(map_render_info(&sp, OUT_DIR "/highlight.png", MAP_PNG, &in) == 0);
    img = cairo_image_surface_create_from_png(OUT_DIR "/highlight.png");
    world_px(&in, X0 + 2000, Y0 + 500, &x, &y);
    int darkest = 255;
    for (int dx = -3; dx <= 3; dx++) {
        int g = (int)(pixel(img, x + dx, y) >> 8) & 255;
        if (g < darkest)
            darkest = g;
    }
    CHECK(darkest < 0x50);
    /* and the square keeps its fill inside */
    world_px(&in, X0 + 1500, Y0 + 500, &x, &y);
    CHECK(near_rgb(pixel(img, x, y), synth_legend[1].fill, 2));
    cairo_surface_destroy(img);
    map_info_free(&in);
    tbl_free(t);
}

/* Renders the synthetic map in a child process to path; returns 0 on
 * success. The child starts from this process's state, so a fork after
 * other renders also tests that output does not depend on what was drawn
 * before. */
static int render_in_child(const map_spec *sp, const char *path, map_format f)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
        _exit(map_render(sp, path, f) == 0 ? 0 : 1);
    int st = 0;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static void test_reproducible(void)
{
    tbl *t = synthetic_table();
    map_spec sp = synthetic_spec(t);
    sp.page = "A4";
    /* the run gives the date (a PDF without one is dated now) */
    pdf_meta meta = {.author = "Gemeente Testdorp", .lang = "nl-NL",
                     .date = "2024-05-01"};
    sp.meta = &meta;
    static const struct {
        map_format f;
        const char *a, *b, *c;
    } cases[2] = {
        {MAP_PDF, OUT_DIR "/repro_a.pdf", OUT_DIR "/repro_b.pdf",
         OUT_DIR "/repro_c.pdf"},
        {MAP_SVG, OUT_DIR "/repro_a.svg", OUT_DIR "/repro_b.svg",
         OUT_DIR "/repro_c.svg"}};
    for (int i = 0; i < 2; i++) {
        CHECK(render_in_child(&sp, cases[i].c, cases[i].f) == 0);
        CHECK(map_render(&sp, cases[i].a, cases[i].f) == 0);
        /* something else in between advances Cairo's global counters */
        CHECK(map_render(&sp, OUT_DIR "/between.png", MAP_PNG) == 0);
        CHECK(map_render(&sp, cases[i].b, cases[i].f) == 0);
        CHECK(same_file(cases[i].a, cases[i].b));
        CHECK(same_file(cases[i].a, cases[i].c));
    }
    /* the PDF carries the given creation date, the title, the author and
     * the language */
    size_t n = 0;
    char *pdf = (char *)read_file(OUT_DIR "/repro_a.pdf", &n);
    /* (cairo 1.16 writes the date without the "D:" prefix) */
    CHECK(pdf && memmem(pdf, n, "20240501000000", 14) != NULL);
    CHECK(pdf && memmem(pdf, n, "Gemeente Testdorp", 17) != NULL);
    CHECK(pdf && memmem(pdf, n, "/Type /Catalog /Lang (nl-NL)", 28) != NULL);
    CHECK(pdf && memmem(pdf, n, "Testkaart", 9) != NULL);
    CHECK(pdf && n > 4 && memcmp(pdf, "%PDF", 4) == 0);
    free(pdf);
    char *svg = (char *)read_file(OUT_DIR "/repro_a.svg", &n);
    CHECK(svg && memmem(svg, n, "<svg", 4) != NULL);
    CHECK(svg && memmem(svg, n, "width=\"595.", 11) != NULL); /* A4 in pt */
    CHECK(svg && memmem(svg, n, "id=\"surface1\"", 13) != NULL);
    free(svg);
    /* PNG is deterministic too */
    CHECK(map_render(&sp, OUT_DIR "/repro_a.png", MAP_PNG) == 0);
    CHECK(map_render(&sp, OUT_DIR "/repro_b.png", MAP_PNG) == 0);
    CHECK(same_file(OUT_DIR "/repro_a.png", OUT_DIR "/repro_b.png"));
    tbl_free(t);
}

/* Expects the last call to have failed with category cat and a message
 * containing want. */
static void expect_error(int rc, err_category cat, const char *want)
{
    CHECK(rc == -1);
    const err_info *e = err_get();
    CHECK(e != NULL);
    if (!e)
        return;
    CHECK(e->category == cat);
    int has = strstr(e->message, want) != NULL || strstr(e->file, want) != NULL;
    if (!has)
        fprintf(stderr, "message \"%s\" (file \"%s\") lacks \"%s\"\n",
                e->message, e->file, want);
    CHECK(has);
    err_clear();
}

static void test_bad_inputs(void)
{
    tbl *t = synthetic_table();
    map_spec sp = synthetic_spec(t);

    /* unwritable path: the folder does not exist */
    expect_error(map_render(&sp, OUT_DIR "/no/such/dir/map.png", MAP_PNG),
                 ERR_IO, OUT_DIR "/no/such/dir/map.png");
    /* the target is a folder: drawn, then the rename fails; the temporary
     * file is removed and the folder holds nothing new */
    const char *box = OUT_DIR "/box";
    mkdir(box, 0755);
    mkdir(OUT_DIR "/box/target.png", 0755);
    expect_error(map_render(&sp, OUT_DIR "/box/target.png", MAP_PNG), ERR_IO,
                 "target.png");
    CHECK(count_entries(box) == 1);
    expect_error(map_render(&sp, OUT_DIR "/box/target.png", MAP_PDF), ERR_IO,
                 "target.png");
    CHECK(count_entries(box) == 1);

    /* zero rows */
    map_spec z = sp;
    z.n = 0;
    expect_error(map_render(&z, OUT_DIR "/zero.png", MAP_PNG), ERR_RENDER,
                 "no rows");
    struct stat st;
    CHECK(stat(OUT_DIR "/zero.png", &st) != 0); /* no file at all */
    /* every row context: nothing to map */
    static const int none[5] = {-1, -1, -1, -1, -1};
    z = sp;
    z.entry = none;
    expect_error(map_render(&z, OUT_DIR "/none.png", MAP_PNG), ERR_RENDER,
                 "nothing to map");
    /* unknown page size names it */
    z = sp;
    z.page = "A9";
    expect_error(map_render(&z, OUT_DIR "/a9.png", MAP_PNG), ERR_RENDER, "\"A9\"");
    z.page = "800x";
    expect_error(map_render(&z, OUT_DIR "/a9.png", MAP_PNG), ERR_RENDER,
                 "\"800x\"");
    z.page = "10x10";
    expect_error(map_render(&z, OUT_DIR "/a9.png", MAP_PNG), ERR_RENDER,
                 "out of range");
    /* an entry outside the legend */
    static const int bad_entry[5] = {0, 1, 7, 3, -1};
    z = sp;
    z.entry = bad_entry;
    expect_error(map_render(&z, OUT_DIR "/bad.png", MAP_PNG), ERR_RENDER,
                 "row 2 has legend entry 7");
    /* more classes than entries */
    z = sp;
    z.n_classes = 9;
    expect_error(map_render(&z, OUT_DIR "/bad.png", MAP_PNG), ERR_RENDER,
                 "classes");
    /* highlight out of range */
    z = sp;
    z.highlight = 99;
    expect_error(map_render(&z, OUT_DIR "/bad.png", MAP_PNG), ERR_RENDER,
                 "highlight");
    /* unknown language */
    z = sp;
    z.language = "de";
    expect_error(map_render(&z, OUT_DIR "/bad.png", MAP_PNG), ERR_RENDER,
                 "\"de\"");
    /* no spec, no geometry */
    expect_error(map_render(NULL, OUT_DIR "/bad.png", MAP_PNG), ERR_RENDER,
                 "spec");
    z = sp;
    z.geom = NULL;
    expect_error(map_render(&z, OUT_DIR "/bad.png", MAP_PNG), ERR_RENDER,
                 "geometry");
    /* unknown format value */
    expect_error(map_render(&sp, OUT_DIR "/bad.png", (map_format)7), ERR_RENDER,
                 "format");
    /* geometry in degrees */
    tbl *deg = synthetic_table();
    tbl_col *g = tbl_geom(deg);
    for (uint64_t i = 0; i < g->n_points; i++) {
        g->xy[2 * i] = 5.0 + (g->xy[2 * i] - X0) / 70000;
        g->xy[2 * i + 1] = 52.0 + (g->xy[2 * i + 1] - Y0) / 111000;
    }
    for (size_t r = 0; r < tbl_nrows(deg); r++) {
        double *bb = g->bbox + 4 * r;
        bb[0] = 5.0 + (bb[0] - X0) / 70000;
        bb[2] = 5.0 + (bb[2] - X0) / 70000;
        bb[1] = 52.0 + (bb[1] - Y0) / 111000;
        bb[3] = 52.0 + (bb[3] - Y0) / 111000;
    }
    free(g->crs);
    g->crs = strdup("EPSG:4326");
    z = sp;
    z.geom = g;
    expect_error(map_render(&z, OUT_DIR "/deg.png", MAP_PNG), ERR_RENDER,
                 "degrees");
    tbl_free(deg);

    /* text that is not UTF-8 (a Latin-1 name) still draws */
    z = sp;
    z.title = "Gemeente S\xfa" "dwest-Frysl\xe2n";
    static const char *lat1[5] = {"\xe9\xe9n", NULL, "", "x", NULL};
    z.labels = lat1;
    CHECK(map_render(&z, OUT_DIR "/latin1.png", MAP_PNG) == 0);

    /* a failure leaves an existing file untouched */
    CHECK(map_render(&sp, OUT_DIR "/keep.png", MAP_PNG) == 0);
    size_t n0 = 0, n1 = 0;
    char *before = (char *)read_file(OUT_DIR "/keep.png", &n0);
    z = sp;
    z.page = "A9";
    CHECK(map_render(&z, OUT_DIR "/keep.png", MAP_PNG) == -1);
    err_clear();
    char *after = (char *)read_file(OUT_DIR "/keep.png", &n1);
    CHECK(before && after && n0 == n1 && memcmp(before, after, n0) == 0);
    free(before);
    free(after);
    tbl_free(t);
}

static void test_pages(void)
{
    page_size ps;
    CHECK(page_parse(NULL, 0, 0, &ps) == 0);
    CHECK_STR(ps.name, "A4");
    CHECK(ps.px_w == 2480 && ps.px_h == 3508); /* A4 at 300 dpi */
    CHECK_NEAR(ps.w_pt, 595.2756, 1e-3);
    CHECK(page_parse("a3", 1, 150, &ps) == 0);
    CHECK(ps.px_w == 2480 && ps.px_h == 1754); /* A3 landscape at 150 dpi */
    CHECK(ps.w_pt > ps.h_pt);
    CHECK(page_parse("1600x1200", 1, 0, &ps) == 0); /* pixels as given */
    CHECK(ps.px_w == 1600 && ps.px_h == 1200 && ps.is_pixels);
    CHECK_NEAR(ps.w_pt, 1200, 1e-9); /* 96 dpi: 1600 px = 1200 pt */
    page_format f;
    CHECK(page_format_from_path("x/Kaart.PDF", &f) == 0 && f == PAGE_PDF);
    CHECK(page_format_from_path("kaart.svg", &f) == 0 && f == PAGE_SVG);
    CHECK(page_format_from_path("kaart.png", &f) == 0 && f == PAGE_PNG);
    CHECK(page_format_from_path("kaart.jpg", &f) == -1);
    err_clear();
    CHECK(page_parse("A4", 0, -5, &ps) == -1);
    err_clear();

    /* A3 scales everything by sqrt(2) and the legend stays beside or below
     * the map, inside the page */
    tbl *t = synthetic_table();
    map_spec sp = synthetic_spec(t);
    map_info a4, a3;
    sp.page = "A4";
    sp.dpi = 30;
    CHECK(map_render_info(&sp, OUT_DIR "/a4.png", MAP_PNG, &a4) == 0);
    sp.page = "A3";
    CHECK(map_render_info(&sp, OUT_DIR "/a3.png", MAP_PNG, &a3) == 0);
    CHECK(a4.px_w == 248 && a4.px_h == 351);
    CHECK_NEAR(a3.legend[2] / a4.legend[2], M_SQRT2, 0.02);
    CHECK_NEAR(a3.k / a4.k, M_SQRT2, 0.02);
    /* scale bar: 1, 2 or 5 times a power of ten */
    double sb = a4.scalebar_m;
    CHECK(sb > 0);
    double p = pow(10, floor(log10(sb))), lead = sb / p;
    CHECK(fabs(lead - 1) < 1e-9 || fabs(lead - 2) < 1e-9 ||
          fabs(lead - 5) < 1e-9);
    map_info_free(&a4);
    map_info_free(&a3);
    tbl_free(t);
}

/* Long titles and a long legend with long labels: on every page shape the
 * frame and the legend stay inside the page and apart. */
static void test_long_texts(void)
{
    tbl *t = synthetic_table();
    map_spec sp = synthetic_spec(t);
    static map_legend_entry many[12];
    static char labels[12][96];
    for (int e = 0; e < 12; e++) {
        snprintf(labels[e], sizeof labels[e],
                 e < 10 ? "%d,0 tot %d,0 procent van alle huishoudens in de wijk"
                        : "geheim (CBS) of te weinig huishoudens %d-%d",
                 e * 10, e * 10 + 10);
        many[e] = (map_legend_entry){labels[e], synth_legend[e % 3].fill,
                                     e >= 10, (size_t)e * 1000};
    }
    static const int entries[5] = {0, 5, 9, 11, -1};
    sp.entry = entries;
    sp.legend = many;
    sp.n_legend = 12;
    sp.n_classes = 10;
    sp.title = "Een heel lange titel die over meer dan een regel loopt, omdat "
               "analisten graag alles in de titel zetten: indicator, gebied, "
               "jaar en bron van de gegevens";
    sp.legend_title = "Aandeel huishoudens met een laag inkomen en een hoge "
                      "energierekening (% van alle huishoudens)";
    const char *pages[] = {"A4", "A4L", "A3", "800x600", "300x900", "200x150"};
    for (int i = 0; i < 6; i++) {
        map_info in;
        sp.page = strcmp(pages[i], "A4L") == 0 ? "A4" : pages[i];
        sp.landscape = strcmp(pages[i], "A4L") == 0;
        sp.dpi = 0;
        char out[512];
        snprintf(out, sizeof out, OUT_DIR "/long_%d.png", i);
        int rc = map_render_info(&sp, out, MAP_PNG, &in);
        CHECK(rc == 0);
        if (rc != 0)
            continue;
        double pw = in.page_w_pt, ph = in.page_h_pt;
        CHECK(in.frame[0] >= 0 && in.frame[1] >= 0 &&
              in.frame[0] + in.frame[2] <= pw + 1e-6 &&
              in.frame[1] + in.frame[3] <= ph + 1e-6);
        int legend_in = in.legend[0] >= 0 && in.legend[1] >= 0 &&
                        in.legend[0] + in.legend[2] <= pw + 1e-6 &&
                        in.legend[1] + in.legend[3] <= ph + 1e-6;
        if (!legend_in)
            fprintf(stderr, "page %s: legend %g,%g %gx%g outside %gx%g\n",
                    pages[i], in.legend[0], in.legend[1], in.legend[2],
                    in.legend[3], pw, ph);
        CHECK(legend_in);
        int overlap = in.legend[0] < in.frame[0] + in.frame[2] &&
                      in.frame[0] < in.legend[0] + in.legend[2] &&
                      in.legend[1] < in.frame[1] + in.frame[3] &&
                      in.frame[1] < in.legend[1] + in.legend[3];
        CHECK(!overlap);
        /* every swatch lies in the legend block */
        for (int e = 0; e < 12; e++) {
            const double *sw = in.swatch + 4 * e;
            CHECK(sw[0] >= in.legend[0] - 1e-6 && sw[1] >= in.legend[1] - 1e-6 &&
                  sw[0] + sw[2] <= in.legend[0] + in.legend[2] + 1e-6 &&
                  sw[1] + sw[3] <= in.legend[1] + in.legend[3] + 1e-6);
        }
        map_info_free(&in);
    }
    tbl_free(t);
}

/* Is the text box of a label (points) inside geometry g (OGR, RD New)? */
static int label_within(const map_info *in, const map_label_box *lb,
                        OGRGeometryH g)
{
    double x0 = in->world[0] + (lb->x - in->frame[0]) / in->k;
    double x1 = in->world[0] + (lb->x + lb->w - in->frame[0]) / in->k;
    double y1 = in->world[3] - (lb->y - in->frame[1]) / in->k;
    double y0 = in->world[3] - (lb->y + lb->h - in->frame[1]) / in->k;
    OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
    OGR_G_AddPoint_2D(ring, x0, y0);
    OGR_G_AddPoint_2D(ring, x1, y0);
    OGR_G_AddPoint_2D(ring, x1, y1);
    OGR_G_AddPoint_2D(ring, x0, y1);
    OGR_G_AddPoint_2D(ring, x0, y0);
    OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
    OGR_G_AddGeometryDirectly(poly, ring);
    int ok = OGR_G_Within(poly, g);
    OGR_G_DestroyGeometry(poly);
    return ok;
}

/* Builds an OGR polygon/multipolygon of row r of a geometry column. */
static OGRGeometryH row_geometry(const tbl_col *g, size_t r)
{
    OGRGeometryH mp = OGR_G_CreateGeometry(wkbMultiPolygon);
    for (uint64_t p = g->row_part[r]; p < g->row_part[r + 1]; p++) {
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        for (uint64_t k = g->part_ring[p]; k < g->part_ring[p + 1]; k++) {
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            for (uint64_t i = g->ring_pt[k]; i < g->ring_pt[k + 1]; i++)
                OGR_G_AddPoint_2D(ring, g->xy[2 * i], g->xy[2 * i + 1]);
            OGR_G_AddGeometryDirectly(poly, ring);
        }
        OGR_G_AddGeometryDirectly(mp, poly);
    }
    return mp;
}

static void test_real_country(void)
{
    const char *path = DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson";
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "skipping real-data map tests: %s not found\n", path);
        return;
    }
    const char *sc[] = {"wijkcode", "wijknaam", "gemeentecode", NULL};
    const char *nc[] = {"bevolkingsdichtheid", NULL};
    tbl *t = fx_load(path, NULL, sc, nc);
    CHECK(t != NULL);
    if (!t)
        return;
    /* 3,475 wijken (ogrinfo -so: "Feature Count: 3475") */
    CHECK(tbl_nrows(t) == 3475);
    size_t n = tbl_nrows(t);
    int *entry;
    map_legend_entry leg[6];
    char lb[6][64];
    map_spec sp = fx_density_spec(t, &entry, leg, lb);
    /* 119 wijken have no bevolkingsdichtheid (python3 json: properties
     * without the key or null) */
    CHECK(leg[5].count == 119);
    sp.dpi = 72;
    map_info in;
    const char *out = OUT_DIR "/nl.png";
    CHECK(map_render_info(&sp, out, MAP_PNG, &in) == 0);
    /* RD New extent of NL (about 13-278 km east, 306-620 km north) fits */
    CHECK(in.world[0] < 14000 && in.world[2] > 277000);
    CHECK(in.world[1] < 307000 && in.world[3] > 618000);
    cairo_surface_t *img = cairo_image_surface_create_from_png(out);
    CHECK(cairo_image_surface_get_width(img) == 595 &&
          cairo_image_surface_get_height(img) == 842);
    /* A point on the surface (OGR_G_PointOnSurface) of each of the ten
     * largest wijken with a value has the colour of its legend entry. */
    double *area = malloc(n * sizeof *area);
    for (size_t r = 0; r < n; r++) {
        OGRGeometryH g = row_geometry(sp.geom, r);
        area[r] = entry[r] < 5 ? OGR_G_Area(g) : 0;
        OGR_G_DestroyGeometry(g);
    }
    int found = 0;
    for (int k = 0; k < 10; k++) {
        size_t r = 0;
        for (size_t i = 1; i < n; i++)
            if (area[i] > area[r])
                r = i;
        area[r] = -1;
        OGRGeometryH g = row_geometry(sp.geom, r);
        OGRGeometryH pt = OGR_G_PointOnSurface(g);
        int x, y;
        world_px(&in, OGR_G_GetX(pt, 0), OGR_G_GetY(pt, 0), &x, &y);
        int hit = near_rgb(pixel(img, x, y), leg[entry[r]].fill, 6);
        if (!hit)
            fprintf(stderr, "%s at (%d,%d): %06x, expected entry %d\n",
                    col_str(tbl_col_by_name(t, "wijkcode"), r), x, y,
                    pixel(img, x, y), entry[r]);
        found += hit;
        OGR_G_DestroyGeometry(pt);
        OGR_G_DestroyGeometry(g);
    }
    free(area);
    CHECK(found == 10);
    cairo_surface_destroy(img);
    map_info_free(&in);

    /* The FAST fill antialiasing under the outlines (map.h) against full
     * antialiasing, at print resolution: under 1 % of the pixels may differ
     * by more than 8 of 255 in a channel, and none by more than 96. */
    sp.dpi = 300;
    CHECK(map_render(&sp, OUT_DIR "/nl_fast.png", MAP_PNG) == 0);
    sp.fill_antialias_full = 1;
    CHECK(map_render(&sp, OUT_DIR "/nl_full.png", MAP_PNG) == 0);
    cairo_surface_t *fa = cairo_image_surface_create_from_png(OUT_DIR "/nl_fast.png");
    cairo_surface_t *fu = cairo_image_surface_create_from_png(OUT_DIR "/nl_full.png");
    int w = cairo_image_surface_get_width(fa), h = cairo_image_surface_get_height(fa);
    CHECK(w == cairo_image_surface_get_width(fu) &&
          h == cairo_image_surface_get_height(fu) && w == 2480);
    long over8 = 0, any = 0, over96 = 0;
    for (int y = 0; w == cairo_image_surface_get_width(fu) && y < h; y++)
        for (int x = 0; x < w; x++) {
            uint32_t p = pixel(fa, x, y), q = pixel(fu, x, y);
            int d = 0;
            for (int sh = 0; sh <= 16; sh += 8) {
                int e = abs((int)((p >> sh) & 255) - (int)((q >> sh) & 255));
                d = e > d ? e : d;
            }
            any += d > 0;
            over8 += d > 8;
            over96 += d > 96;
        }
    double share = (double)over8 / ((double)w * h);
    fprintf(stderr, "FAST fill antialiasing: %.3f%% of pixels differ, %.3f%% "
            "by more than 8, %ld by more than 96\n",
            100.0 * (double)any / ((double)w * h), 100 * share, over96);
    CHECK(any > 0); /* the two modes are really different */
    CHECK(share < 0.01);
    CHECK(over96 == 0);
    cairo_surface_destroy(fa);
    cairo_surface_destroy(fu);
    free(entry);
    tbl_free(t);
}

static void test_real_amsterdam_labels(void)
{
    const char *path = DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson";
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    const char *sc[] = {"wijkcode", "wijknaam", NULL};
    const char *nc[] = {"bevolkingsdichtheid", NULL};
    tbl *t = fx_load(path, "gemeentecode = 'GM0363'", sc, nc);
    tbl *prov = fx_load(DNW_SHARED_DATA
                        "/klimaateffectatlas_buurtdashboard/provinces.json",
                        NULL, NULL, NULL);
    CHECK(t != NULL && prov != NULL);
    if (!t || !prov) {
        tbl_free(t);
        tbl_free(prov);
        return;
    }
    size_t n = tbl_nrows(t);
    /* Amsterdam has 111 wijken in this file (python3 json: gemeentecode ==
     * "GM0363") */
    CHECK(n == 111);
    int *entry;
    map_legend_entry leg[6];
    char lb[6][64];
    map_spec sp = fx_quintile_spec(t, "bevolkingsdichtheid", &entry, leg, lb);
    const char **labels = malloc(n * sizeof *labels);
    tbl_col *names = tbl_col_by_name(t, "wijknaam");
    for (size_t r = 0; r < n; r++)
        labels[r] = col_str(names, r);
    sp.labels = labels;
    sp.inset_geom = tbl_geom(prov);
    sp.inset_n = tbl_nrows(prov);
    sp.highlight = 3;
    sp.title = "Amsterdam";
    sp.page = "A3";
    sp.landscape = 1;
    sp.dpi = 50;
    map_info in;
    CHECK(map_render_info(&sp, OUT_DIR "/amsterdam.png", MAP_PNG, &in) == 0);
    CHECK(in.inset == 1);    /* Amsterdam is a small part of NL */
    CHECK(!in.bottom_panel); /* a wide city on a landscape page */
    CHECK(in.n_labels >= 12);
    /* labels: inside the frame, no two overlapping, each inside its wijk */
    int inside_frame = 1, overlaps = 0, within = 0;
    for (size_t i = 0; i < in.n_labels; i++) {
        const map_label_box *a = &in.labels[i];
        inside_frame &= a->x >= in.frame[0] && a->y >= in.frame[1] &&
                        a->x + a->w <= in.frame[0] + in.frame[2] &&
                        a->y + a->h <= in.frame[1] + in.frame[3];
        for (size_t j = i + 1; j < in.n_labels; j++) {
            const map_label_box *b = &in.labels[j];
            overlaps += a->x < b->x + b->w && b->x < a->x + a->w &&
                        a->y < b->y + b->h && b->y < a->y + a->h;
        }
        OGRGeometryH g = row_geometry(sp.geom, a->row);
        within += label_within(&in, a, g);
        OGR_G_DestroyGeometry(g);
    }
    CHECK(inside_frame);
    CHECK(overlaps == 0);
    CHECK(within == (int)in.n_labels);
    /* and the same map as PDF and SVG */
    CHECK(map_render(&sp, OUT_DIR "/amsterdam.pdf", MAP_PDF) == 0);
    CHECK(map_render(&sp, OUT_DIR "/amsterdam.svg", MAP_SVG) == 0);
    map_info_free(&in);
    free(labels);
    free(entry);
    tbl_free(t);
    tbl_free(prov);
}

/* Issue 11 item 6: every missing reason has its own pattern (the style
 * table), and two reasons on one map get legend swatches that differ in
 * pixels, with the same grey beneath ("niet gekoppeld" / "onbekend",
 * "te weinig woningen" / "geheim" shared one swatch before). */
static void test_miss_swatches(void)
{
    for (int all = 0; all < 2; all++)
        for (int a = MISS_EMPTY; a < MISS_REASON_COUNT; a++) {
            CHECK(!all || pal_miss_hatch(a, all) != 0); /* all patterned */
            for (int b = a + 1; b < MISS_REASON_COUNT; b++)
                CHECK(pal_miss_hatch(a, all) != pal_miss_hatch(b, all));
        }
    static const miss_reason reasons[] = {MISS_UNMATCHED, MISS_UNKNOWN,
                                          MISS_SUPPRESSED, MISS_SECRET,
                                          MISS_EMPTY, MISS_COVERAGE};
    enum { NR = sizeof reasons / sizeof reasons[0] };
    map_legend_entry lg[3 + NR];
    memcpy(lg, synth_legend, 3 * sizeof *lg);
    for (int k = 0; k < NR; k++)
        lg[3 + k] = (map_legend_entry){"ontbreekt", {0.78, 0.78, 0.78},
                                       (int)pal_miss_hatch(reasons[k], 0), 1};
    tbl *t = synthetic_table();
    map_spec sp = synthetic_spec(t);
    sp.legend = lg;
    sp.n_legend = 3 + NR;
    sp.page = "1200x900";
    map_info in;
    const char *out = OUT_DIR "/swatches.png";
    CHECK(map_render_info(&sp, out, MAP_PNG, &in) == 0);
    cairo_surface_t *img = cairo_image_surface_create_from_png(out);
    CHECK(cairo_surface_status(img) == CAIRO_STATUS_SUCCESS);
    for (int a = 0; a < NR; a++)
        for (int b = a + 1; b < NR; b++) {
            const double *sa = in.swatch + 4 * (3 + a), *sb = in.swatch + 4 * (3 + b);
            int w = (int)(sa[2] * in.px_per_pt) - 2, h = (int)(sa[3] * in.px_per_pt) - 2;
            int ax = (int)(sa[0] * in.px_per_pt) + 1, ay = (int)(sa[1] * in.px_per_pt) + 1;
            int bx = (int)(sb[0] * in.px_per_pt) + 1, by = (int)(sb[1] * in.px_per_pt) + 1;
            int differ = 0;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    uint32_t p = pixel(img, ax + x, ay + y), q = pixel(img, bx + x, by + y);
                    int d = abs((int)((p >> 8) & 255) - (int)((q >> 8) & 255));
                    differ += d > 48;
                }
            if (differ * 20 < w * h)
                fprintf(stderr, "swatches of reasons %d and %d differ in %d of %d px\n",
                        reasons[a], reasons[b], differ, w * h);
            CHECK(differ * 20 >= w * h); /* at least 5 % of the swatch */
        }
    cairo_surface_destroy(img);
    map_info_free(&in);
    tbl_free(t);
}

int main(void)
{
    mkdir(OUT_DIR, 0755);
    test_pages();
    test_miss_swatches();
    test_synthetic_png();
    test_reproducible();
    test_bad_inputs();
    test_long_texts();
    test_real_country();
    test_real_amsterdam_labels();
    return check_done();
}
