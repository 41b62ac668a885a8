/* test_reproj.c - bulk reprojection through PROJ (engine/reproj.c).
 *
 * Reference values come from the RD approximation formulas in rd_approx.h,
 * which do not use PROJ; they agree with PROJ to about 0.3 m, so 1 m is the
 * tolerance.
 */
#include "check.h"
#include "rd_approx.h"
#include "err.h"
#include "reproj.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Places spread over the Netherlands, lon/lat (WGS84). */
static const struct {
    const char *name;
    double lon, lat;
} places[] = {
    {"Dam, Amsterdam", 4.8932, 52.3731},
    {"Onze Lieve Vrouwetoren, Amersfoort (RD origin)", 5.38720621,
     52.15517440},
    {"Martinitoren, Groningen", 6.5682, 53.2193},
    {"Vlissingen", 3.5736, 51.4426},
    {"Vaalserberg", 6.0208, 50.7548},
    {"Den Helder", 4.7600, 52.9563},
    {"Enschede", 6.8937, 52.2215},
};
#define N_PLACES (sizeof places / sizeof places[0])

/* reproj_new, checked to succeed. Returns the transform (the caller frees
 * it with reproj_free) or NULL (a failed check). */
static reproj *new_checked(const char *from, const char *to)
{
    reproj *r = reproj_new(from, to);
    CHECK(r != NULL);
    return r;
}

static void test_wgs_to_rd(void)
{
    reproj *r = new_checked("EPSG:4326", "EPSG:28992");
    if (!r)
        return;
    CHECK(!reproj_is_identity(r));
    double xy[2 * N_PLACES];
    for (size_t k = 0; k < N_PLACES; k++) {
        xy[2 * k] = places[k].lon;
        xy[2 * k + 1] = places[k].lat;
    }
    CHECK(reproj_apply(r, xy, N_PLACES) == 0);
    for (size_t k = 0; k < N_PLACES; k++) {
        double x, y;
        approx_wgs_to_rd(places[k].lon, places[k].lat, &x, &y);
        CHECK_NEAR(xy[2 * k], x, 1.0);
        CHECK_NEAR(xy[2 * k + 1], y, 1.0);
    }
    /* The Dam is about RD x=121400, y=487400 (topographic map) */
    CHECK_NEAR(xy[0], 121400, 100);
    CHECK_NEAR(xy[1], 487400, 100);
    /* The RD origin is 155000, 463000 by definition */
    CHECK_NEAR(xy[2], 155000, 1.0);
    CHECK_NEAR(xy[3], 463000, 1.0);
    reproj_free(r);
}

static void test_rd_to_wgs(void)
{
    reproj *r = new_checked("EPSG:28992", "EPSG:4326");
    if (!r)
        return;
    static const double rd[][2] = {
        {155000, 463000}, {121400, 487400}, {233800, 582000},
        {30800, 385300},  {13565, 306846},  {278026, 614921}};
    size_t n = sizeof rd / sizeof rd[0];
    double xy[2 * 6];
    memcpy(xy, rd, sizeof xy);
    CHECK(reproj_apply(r, xy, n) == 0);
    for (size_t k = 0; k < n; k++) {
        double lon, lat;
        approx_rd_to_wgs(rd[k][0], rd[k][1], &lon, &lat);
        /* 1 m is about 1.5e-5 degrees of longitude and 9e-6 of latitude
         * at 52 N; lon comes first (x/y order) */
        CHECK_NEAR(xy[2 * k], lon, 1.5e-5);
        CHECK_NEAR(xy[2 * k + 1], lat, 9e-6);
    }
    reproj_free(r);
}

static void test_identity(void)
{
    static const char *const same[][2] = {
        {"EPSG:28992", "EPSG:28992"},
        {"EPSG:4326", "OGC:CRS84"}, /* same CRS, axis order aside */
        {"EPSG:4326", "EPSG:4326"},
    };
    for (size_t k = 0; k < sizeof same / sizeof same[0]; k++) {
        reproj *r = new_checked(same[k][0], same[k][1]);
        if (!r)
            continue;
        CHECK(reproj_is_identity(r));
        double xy[4] = {121400.25, 487400.5, 5.5, 52.25};
        CHECK(reproj_apply(r, xy, 2) == 0);
        CHECK(xy[0] == 121400.25 && xy[1] == 487400.5 && xy[2] == 5.5 &&
              xy[3] == 52.25);
        reproj_free(r);
    }
}

static void test_empty(void)
{
    reproj *r = new_checked("EPSG:4326", "EPSG:28992");
    if (!r)
        return;
    err_clear();
    CHECK(reproj_apply(r, NULL, 0) == 0);
    CHECK(err_get() == NULL);
    size_t first = 77;
    CHECK(reproj_apply_raw(r, NULL, 0, &first) == 0);
    CHECK(first == 77);
    reproj_free(r);
    reproj_free(NULL);
}

/* Two threads must give exactly what one thread gives. */
static void test_threads(void)
{
    size_t n = 200000;
    double *a = malloc(n * 2 * sizeof *a), *b = malloc(n * 2 * sizeof *b);
    reproj *r = reproj_new("EPSG:4326", "EPSG:28992");
    CHECK(a && b && r);
    if (a && b && r) {
        for (size_t k = 0; k < n; k++) {
            a[2 * k] = 3.4 + 3.8 * (double)(k % 997) / 997.0;
            a[2 * k + 1] = 50.8 + 2.7 * (double)(k % 1009) / 1009.0;
        }
        memcpy(b, a, n * 2 * sizeof *a);
        reproj_set_threads(r, 1);
        CHECK(reproj_apply(r, a, n) == 0);
        reproj_set_threads(r, 2);
        CHECK(reproj_apply(r, b, n) == 0);
        CHECK(memcmp(a, b, n * 2 * sizeof *a) == 0);
        /* spot check the last point against the formulas */
        double x, y;
        size_t k = n - 1;
        approx_wgs_to_rd(3.4 + 3.8 * (double)(k % 997) / 997.0,
                         50.8 + 2.7 * (double)(k % 1009) / 1009.0, &x, &y);
        CHECK_NEAR(b[2 * k], x, 1.0);
        CHECK_NEAR(b[2 * k + 1], y, 1.0);
    }
    reproj_free(r);
    free(a);
    free(b);
}

/* Repeated points (shared polygon boundaries) are transformed once: the
 * result must equal transforming each point on its own, bad points too. */
static void test_repeated_points(void)
{
    size_t n = 5000;
    double *a = malloc(n * 2 * sizeof *a);
    reproj *r = reproj_new("EPSG:4326", "EPSG:28992");
    CHECK(a && r);
    if (a && r) {
        for (size_t k = 0; k < n; k++) {
            a[2 * k] = 4.0 + 0.01 * (double)(k % 37);
            a[2 * k + 1] = 52.0 + 0.01 * (double)(k % 41);
        }
        a[2 * 100 + 1] = 95.0; /* bad, and repeated */
        a[2 * 200] = a[2 * 100];
        a[2 * 200 + 1] = 95.0;
        double one[2 * 2];
        size_t first = 0;
        CHECK(reproj_apply_raw(r, a, n, &first) == 2);
        CHECK(first == 100);
        int same = 1;
        for (size_t k = 0; k < n; k++) {
            if (k == 100 || k == 200)
                continue;
            one[0] = 4.0 + 0.01 * (double)(k % 37);
            one[1] = 52.0 + 0.01 * (double)(k % 41);
            reproj_apply(r, one, 1); /* single points: the plain path */
            same &= one[0] == a[2 * k] && one[1] == a[2 * k + 1];
        }
        CHECK(same);
        CHECK(isinf(a[200]) && isinf(a[401]));
    }
    reproj_free(r);
    free(a);
}

static void test_errors(void)
{
    err_clear();
    CHECK(reproj_new("EPSG:999999", "EPSG:28992") == NULL);
    CHECK(err_get() && err_get()->category == ERR_PROJ);
    CHECK(err_get() && strstr(err_get()->message, "EPSG:999999"));
    err_clear();
    CHECK(reproj_new("EPSG:4326", "no such thing") == NULL);
    CHECK(err_get() && err_get()->category == ERR_PROJ);
    err_clear();
    CHECK(reproj_new("", "EPSG:28992") == NULL);
    CHECK(err_get() && err_get()->category == ERR_PROJ);

    /* a point PROJ cannot transform: latitude beyond the pole */
    reproj *r = new_checked("EPSG:4326", "EPSG:28992");
    if (r) {
        double xy[6] = {4.9, 52.4, 4.9, 95.0, 5.0, 52.0};
        err_clear();
        CHECK(reproj_apply(r, xy, 3) == -1);
        CHECK(err_get() && err_get()->category == ERR_PROJ);
        CHECK(err_get() && strstr(err_get()->message, "point 1"));
        double raw[6] = {4.9, 52.4, 4.9, 95.0, 5.0, 52.0};
        size_t first = 0;
        CHECK(reproj_apply_raw(r, raw, 3, &first) == 1);
        CHECK(first == 1);
        CHECK(isinf(raw[2]) && isinf(raw[3]));
        CHECK(isfinite(raw[0]) && isfinite(raw[4]));
        reproj_free(r);
    }
}

static void test_crs_name(void)
{
    char *s = reproj_crs_name("EPSG:28992");
    CHECK_STR(s, "EPSG:28992");
    free(s);
    s = reproj_crs_name("OGC:CRS84");
    CHECK_STR(s, "EPSG:4326");
    free(s);
    /* RD New written out as a PROJ string is still recognised */
    s = reproj_crs_name("+proj=sterea +lat_0=52.15616055555555 "
                        "+lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 "
                        "+y_0=463000 +ellps=bessel "
                        "+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,"
                        "-1.8774,4.0725 +units=m +no_defs +type=crs");
    CHECK(s != NULL);
    free(s);
    /* a made-up projection has no code: WKT comes back */
    s = reproj_crs_name("+proj=merc +lon_0=17.5 +ellps=WGS84 +type=crs");
    CHECK(s && strncmp(s, "PROJCRS", 7) == 0);
    free(s);
    err_clear();
    CHECK(reproj_crs_name("EPSG:999999") == NULL);
    CHECK(err_get() && err_get()->category == ERR_PROJ);
}

static void test_cache(void)
{
    reproj *a = reproj_acquire("EPSG:4326", "EPSG:28992");
    CHECK(a != NULL);
    reproj *b = reproj_acquire("EPSG:4326", "EPSG:28992");
    CHECK(b != NULL && b != a); /* a is taken: a second one is built */
    reproj_release(a);
    reproj *c = reproj_acquire("EPSG:4326", "EPSG:28992");
    CHECK(c == a); /* the idle one is reused */
    double xy[2] = {4.8932, 52.3731};
    CHECK(reproj_apply(c, xy, 1) == 0);
    CHECK_NEAR(xy[0], 121358.6, 1.0);
    reproj_release(b);
    reproj_release(c);
    /* more idle entries than the cache holds: the oldest are freed */
    for (int k = 0; k < 12; k++) {
        char code[32];
        snprintf(code, sizeof code, "EPSG:%d", 32631 + k);
        reproj_release(reproj_acquire("EPSG:4326", code));
    }
    reproj_cache_clear();
    reproj_release(NULL);
}

int main(void)
{
    test_wgs_to_rd();
    test_rd_to_wgs();
    test_identity();
    test_empty();
    test_threads();
    test_repeated_points();
    test_errors();
    test_crs_name();
    test_cache();
    return check_done();
}
