/* test_ogrr.c - the GDAL/OGR vector reader (engine/ogrr.c) on every vector
 * file in the shared data folder, on small files made here, and on broken
 * input.
 *
 * Expected values were computed independently of GDAL and of this reader:
 *   - GeoJSON/TopoJSON: python3's json module (json.load, then counting and
 *     summing the "properties"; TopoJSON geometries under "objects");
 *   - the Almere shapefile: its .dbf decoded with python3's struct module
 *     (header, field descriptors, fixed-width records);
 *   - the Ermelo GeoPackage: python3's sqlite3 module (SQL on the feature
 *     table; the first vertex decoded from the GeoPackage WKB blob);
 *   - RD coordinates of lon/lat vertices: the approximation formulas in
 *     rd_approx.h (no PROJ), within 1 m.
 * The snippets are quoted next to each value.
 */
#include "check.h"
#include "testutil.h"
#include "err.h"
#include "in_ogr.h"
#include "rd_approx.h"
#include "reproj.h"
#include "sentinel.h"
#include "srcopt.h"
#include "tbl.h"

#include <cpl_vsi.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DATA DNW_SHARED_DATA "/"

static char tmpdir[512];

/* ---------------------------------------------------------------------- */
/* helpers                                                                 */

/* Reads a shared data file (rel to the data folder), target CRS crs
 * (NULL = default RD New). Prints the error when it fails. */
static tbl *read_data(const char *rel, const char *layer, const char *crs)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", DATA, rel);
    src_options o;
    src_options_init(&o);
    o.target_crs = crs;
    err_clear();
    tbl *t = in_ogr_read(path, layer, &o);
    if (!t) {
        fprintf(stderr, "reading %s failed:\n", path);
        err_print(stderr);
    }
    return t;
}

/* read_data, checked: the file reads and has nrows rows (nrows < 0: not
 * checked). Returns the table (the caller frees it) or NULL. */
static tbl *read_rows(const char *rel, const char *layer, const char *crs,
                      long nrows)
{
    tbl *t = read_data(rel, layer, crs);
    CHECK(t != NULL);
    if (t && nrows >= 0)
        CHECK((long)tbl_nrows(t) == nrows);
    return t;
}

/* Path of a file in the test's temporary folder. */
static const char *tmp_path(const char *name)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

/* Copies the first len bytes of src (len 0 = all) to dst. */
static int copy_file(const char *src, const char *dst, size_t len)
{
    FILE *in = fopen(src, "rb");
    if (!in)
        return -1;
    FILE *out = fopen(dst, "wb");
    if (!out) {
        fclose(in);
        return -1;
    }
    char buf[65536];
    size_t total = 0, n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (len && total + n > len)
            n = len - total;
        fwrite(buf, 1, n, out);
        total += n;
        if (len && total >= len)
            break;
    }
    fclose(in);
    return fclose(out);
}

/* Column by name; a failed CHECK when absent or of another type. */
static tbl_col *col_of(const tbl *t, const char *name, col_type type)
{
    tbl_col *c = tbl_col_by_name(t, name);
    CHECK(c != NULL);
    if (c && c->type != type) {
        fprintf(stderr, "column %s is %s, expected %s\n", name,
                col_type_name(c->type), col_type_name(type));
        CHECK(c->type == type);
        return NULL;
    }
    return c;
}

/* Row whose string column c equals v, or -1. */
static long find_row(const tbl *t, const tbl_col *c, const char *v)
{
    for (size_t r = 0; r < tbl_nrows(t); r++) {
        const char *s = col_str(c, r);
        if (s && strcmp(s, v) == 0)
            return (long)r;
    }
    return -1;
}

/* Sum of the valid values of a numeric column; *n_valid gets their count. */
static double sum_valid(const tbl *t, const tbl_col *c, size_t *n_valid)
{
    double s = 0;
    size_t n = 0;
    for (size_t r = 0; r < tbl_nrows(t); r++) {
        miss_reason why;
        double v = col_num(c, r, &why);
        if (why == MISS_NONE) {
            s += v;
            n++;
        }
    }
    if (n_valid)
        *n_valid = n;
    return s;
}

static size_t count_reason(const tbl *t, const tbl_col *c, miss_reason why)
{
    size_t counts[MISS_REASON_COUNT];
    col_count_missing(c, tbl_nrows(t), counts);
    return counts[why];
}

/* Missing cells per reason over every numeric column. */
static void numeric_missing(const tbl *t, size_t out[MISS_REASON_COUNT])
{
    memset(out, 0, MISS_REASON_COUNT * sizeof out[0]);
    for (size_t k = 0; k < tbl_ncols(t); k++) {
        const tbl_col *c = tbl_col_at(t, k);
        if (c->type != COL_DOUBLE && c->type != COL_INT64)
            continue;
        size_t counts[MISS_REASON_COUNT];
        col_count_missing(c, tbl_nrows(t), counts);
        for (int r = 1; r < MISS_REASON_COUNT; r++)
            out[r] += counts[r];
    }
}

/* Rows with no geometry parts. */
static size_t empty_geoms(const tbl *t)
{
    const tbl_col *g = tbl_geom(t);
    size_t n = 0;
    for (size_t r = 0; r < tbl_nrows(t); r++)
        n += g->row_part[r] == g->row_part[r + 1];
    return n;
}

/* First vertex of row r (its first part's outer ring). */
static void first_vertex(const tbl_col *g, size_t r, double *x, double *y)
{
    uint64_t p = g->row_part[r];
    uint64_t k = g->ring_pt[g->part_ring[p]];
    *x = g->xy[2 * k];
    *y = g->xy[2 * k + 1];
}

/* The offsets of a geometry column are consistent, every point is finite
 * and inside [lo_x, hi_x] x [lo_y, hi_y], and each row's bbox holds its
 * points. */
static void check_geom(const tbl *t, double lo_x, double lo_y, double hi_x,
                       double hi_y)
{
    const tbl_col *g = tbl_geom(t);
    CHECK(g != NULL);
    if (!g)
        return;
    size_t n = tbl_nrows(t);
    int ok = g->row_part[0] == 0 && g->row_part[n] == g->n_parts &&
             g->part_ring[0] == 0 && g->part_ring[g->n_parts] == g->n_rings &&
             g->ring_pt[0] == 0 && g->ring_pt[g->n_rings] == g->n_points;
    CHECK(ok);
    int mono = 1, inside = 1, boxed = 1;
    for (size_t r = 0; r < n; r++)
        mono &= g->row_part[r] <= g->row_part[r + 1];
    for (uint64_t p = 0; p < g->n_parts; p++)
        mono &= g->part_ring[p] < g->part_ring[p + 1];
    for (uint64_t k = 0; k < g->n_rings; k++)
        mono &= g->ring_pt[k] < g->ring_pt[k + 1];
    CHECK(mono);
    for (size_t r = 0; r < n && mono; r++) {
        const double *bb = g->bbox + 4 * r;
        uint64_t p0 = g->row_part[r], p1 = g->row_part[r + 1];
        if (p0 == p1) {
            boxed &= isnan(bb[0]);
            continue;
        }
        for (uint64_t k = g->ring_pt[g->part_ring[p0]];
             k < g->ring_pt[g->part_ring[p1]]; k++) {
            double x = g->xy[2 * k], y = g->xy[2 * k + 1];
            inside &= isfinite(x) && isfinite(y) && x >= lo_x && x <= hi_x &&
                      y >= lo_y && y <= hi_y;
            boxed &= x >= bb[0] && x <= bb[2] && y >= bb[1] && y <= bb[3];
        }
    }
    CHECK(inside);
    CHECK(boxed);
}

/* The read failed with category cat and an error naming path. */
static void expect_error(tbl *t, const char *path, err_category cat)
{
    CHECK(t == NULL);
    tbl_free(t);
    const err_info *e = err_get();
    CHECK(e != NULL);
    if (!e)
        return;
    if (e->category != cat)
        fprintf(stderr, "expected %s error, got: %s\n",
                err_category_name(cat), e->message);
    CHECK(e->category == cat);
    CHECK_STR(e->file, path);
    CHECK(strlen(e->message) > 10);
    /* a plain sentence: no GDAL "ERROR 1:" prefixes or line breaks */
    CHECK(strstr(e->message, "ERROR") == NULL);
    CHECK(strchr(e->message, '\n') == NULL);
}

/* Generous RD New bounds of the Netherlands and its surroundings. */
#define RD_BOUNDS -50000, 250000, 350000, 700000

/* ---------------------------------------------------------------------- */
/* whole-country GeoJSON                                                   */

static void test_wijken_2024(void)
{
    /* python: len(d['features']) */
    tbl *t = read_rows("cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson",
                       NULL, NULL, 3475);
    if (!t)
        return;
    /* 16 properties + geometry */
    CHECK(tbl_ncols(t) == 17);
    tbl_col *code = col_of(t, "wijkcode", COL_STRING);
    tbl_col *inw = col_of(t, "aantal_inwoners", COL_INT64);
    tbl_col *hh = col_of(t, "gem_huishouden_grootte", COL_DOUBLE);
    tbl_col *dicht = col_of(t, "bevolkingsdichtheid", COL_INT64);
    tbl_col *naam = col_of(t, "wijknaam", COL_STRING);
    if (code && inw && hh && dicht && naam) {
        /* python: sum(f['properties'].get('aantal_inwoners') or 0 ...)
         * = 17942715; 82 features have no value (key absent or null) */
        size_t nv = 0;
        CHECK_NEAR(sum_valid(t, inw, &nv), 17942715, 0);
        CHECK(nv == 3475 - 82);
        CHECK(count_reason(t, inw, MISS_EMPTY) == 82);
        /* python: 105 features lack gem_huishouden_grootte */
        CHECK(count_reason(t, hh, MISS_EMPTY) == 105);
        /* row 0 is WK099899 "Buitenland" without inhabitants */
        CHECK_STR(col_str(code, 0), "WK099899");
        CHECK(col_miss(inw, 0) == MISS_EMPTY);
        /* python: feature 994 is WK0363AA Haarlemmerbuurt (Amsterdam),
         * 9180 inhabitants, 1.6 per household, 16948 per km2, first
         * vertex 4.89508, 52.38869 */
        long r = find_row(t, code, "WK0363AA");
        CHECK(r == 994);
        if (r >= 0) {
            CHECK_STR(col_str(naam, (size_t)r), "Haarlemmerbuurt");
            CHECK(inw->i[r] == 9180 && col_miss(inw, (size_t)r) == 0);
            CHECK_NEAR(hh->d[r], 1.6, 1e-12);
            CHECK(dicht->i[r] == 16948);
            double x, y, ex, ey;
            first_vertex(tbl_geom(t), (size_t)r, &x, &y);
            approx_wgs_to_rd(4.89508, 52.38869, &ex, &ey);
            CHECK_NEAR(x, ex, 1.0);
            CHECK_NEAR(y, ey, 1.0);
            const double *bb = tbl_geom(t)->bbox + 4 * r;
            CHECK(bb[0] <= x && x <= bb[2] && bb[1] <= y && y <= bb[3]);
            /* a wijk in the old centre is a few km across */
            CHECK(bb[2] - bb[0] < 5000 && bb[3] - bb[1] < 5000);
        }
    }
    tbl_col *g = tbl_geom(t);
    CHECK(g != NULL);
    if (g) {
        CHECK_STR(g->name, "geometry");
        CHECK_STR(g->crs, "EPSG:28992");
        /* python: 3261 Polygon + 214 MultiPolygon give 4318 polygons with
         * 396 holes (4714 rings) and 132210 points */
        CHECK(g->n_parts == 4318);
        CHECK(g->n_rings == 4714);
        CHECK(g->n_points == 132210);
        CHECK(empty_geoms(t) == 0);
        check_geom(t, RD_BOUNDS);
    }
    tbl_free(t);
}

/* Keeping the source CRS leaves lon/lat exactly as in the file. */
static void test_wijken_keep_crs(void)
{
    tbl *t = read_rows("cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson",
                       NULL, "", -1);
    if (!t)
        return;
    tbl_col *g = tbl_geom(t);
    CHECK_STR(g->crs, "EPSG:4326");
    double x, y;
    first_vertex(g, 994, &x, &y);
    CHECK(x == 4.89508 && y == 52.38869);
    first_vertex(g, 0, &x, &y); /* python: 4.93635, 51.40534 */
    CHECK(x == 4.93635 && y == 51.40534);
    check_geom(t, 3.0, 50.5, 7.5, 54.0);
    tbl_free(t);
}

/* The per-geometry OGR path gives the same table as the bulk path. */
static void test_per_geometry_same(void)
{
    const char *path =
        DATA "cbs_kwb_2024_wijk_gemeente/gemeenten_2024.geojson";
    tbl *a = in_ogr_read_mode(path, NULL, NULL, 0);
    tbl *b = in_ogr_read_mode(path, NULL, NULL, 1);
    CHECK(a && b);
    if (a && b) {
        tbl_col *ga = tbl_geom(a), *gb = tbl_geom(b);
        CHECK(tbl_nrows(a) == tbl_nrows(b) && tbl_ncols(a) == tbl_ncols(b));
        CHECK(ga->n_points == gb->n_points && ga->n_rings == gb->n_rings &&
              ga->n_parts == gb->n_parts);
        CHECK_STR(gb->crs, "EPSG:28992");
        double worst = 0;
        for (uint64_t k = 0; k < 2 * ga->n_points && ga->n_points ==
                                                       gb->n_points;
             k++)
            worst = fmax(worst, fabs(ga->xy[k] - gb->xy[k]));
        CHECK_NEAR(worst, 0, 0.001);
    }
    tbl_free(a);
    tbl_free(b);
}

static void test_gemeenten(void)
{
    /* python: len(features), sum of aantal_inwoners (GM0998 Buitenland,
     * the one feature without it, left out) */
    static const struct {
        const char *file;
        size_t rows;
        double inwoners;
    } cases[] = {
        {"cbs_kwb_2024_wijk_gemeente/gemeenten_2022.geojson", 346, 17590672},
        {"cbs_kwb_2024_wijk_gemeente/gemeenten_2023.geojson", 343, 17811291},
        {"cbs_kwb_2024_wijk_gemeente/gemeenten_2024.geojson", 343, 17942942},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        tbl *t = read_rows(cases[k].file, NULL, NULL, (long)cases[k].rows);
        if (!t)
            continue;
        tbl_col *code = col_of(t, "gemeentecode", COL_STRING);
        tbl_col *inw = col_of(t, "aantal_inwoners", COL_INT64);
        if (code && inw) {
            size_t nv = 0;
            CHECK_NEAR(sum_valid(t, inw, &nv), cases[k].inwoners, 0);
            CHECK(nv == cases[k].rows - 1);
            long r = find_row(t, code, "GM0998");
            CHECK(r == 0);
            CHECK(r >= 0 && col_miss(inw, (size_t)r) == MISS_EMPTY);
            CHECK(find_row(t, code, "GM0363") >= 0); /* Amsterdam */
        }
        CHECK_STR(tbl_geom(t)->crs, "EPSG:28992");
        check_geom(t, RD_BOUNDS);
        tbl_free(t);
    }
}

/* wijk_2016 is RD New already (crs member urn:ogc:def:crs:EPSG::28992):
 * coordinates must stay exactly as in the file. */
static void test_wijk_2016(void)
{
    tbl *t = read_rows("cbs_wijk_2016/wijk_2016.geojson", NULL, NULL, 2982);
    if (!t)
        return;
    tbl_col *wkc = col_of(t, "WKC", COL_STRING);
    tbl_col *gmn = col_of(t, "GMN", COL_STRING);
    if (wkc && gmn) {
        /* python: features[0] = WK000300 "Wijk 00" of Appingedam, first
         * vertex [251378, 596180] */
        CHECK_STR(col_str(wkc, 0), "WK000300");
        CHECK_STR(col_str(gmn, 0), "Appingedam");
    }
    tbl_col *g = tbl_geom(t);
    CHECK_STR(g->crs, "EPSG:28992");
    double x, y;
    first_vertex(g, 0, &x, &y);
    CHECK(x == 251378 && y == 596180);
    /* ogrinfo extent: (13565, 306846) - (278026, 614921) */
    check_geom(t, 13565, 306846, 278026, 614921);
    tbl_free(t);
}

/* ---------------------------------------------------------------------- */
/* TopoJSON                                                                */

static void test_klimaateffectatlas(void)
{
    /* python: 317 geometries in the one object, 127 properties; GDAL adds
     * the geometry "id" as a column, we add "geometry" */
    tbl *t = read_rows(
        "klimaateffectatlas_buurtdashboard/BuurtenDataset20231212_xaaac.json",
        NULL, NULL, 317);
    if (!t)
        return;
    CHECK(tbl_ncols(t) == 129);
    tbl_col *bu = col_of(t, "BU_CODE", COL_STRING);
    tbl_col *dicht = col_of(t, "BEV_DICHTH", COL_INT64);
    tbl_col *p00 = col_of(t, "P_00_14_JR", COL_INT64);
    tbl_col *ernst = col_of(t, "ErnsOverge", COL_STRING);
    tbl_col *geb = col_of(t, "Geboorte", COL_STRING);
    tbl_col *eenz = col_of(t, "Eenzaam_28", COL_DOUBLE);
    tbl_col *inw = col_of(t, "AANT_INW", COL_INT64);
    if (bu && dicht && p00 && ernst && geb && eenz && inw) {
        /* python: BEV_DICHTH == -99999999 in 14 rows (first: row 12,
         * BU01750102); the other 303 sum to 1033717 */
        CHECK(count_reason(t, dicht, MISS_UNKNOWN) == 14);
        size_t nv = 0;
        CHECK_NEAR(sum_valid(t, dicht, &nv), 1033717, 0);
        CHECK(nv == 303);
        CHECK_STR(col_str(bu, 12), "BU01750102");
        CHECK(col_miss(dicht, 12) == MISS_UNKNOWN);
        /* python: P_00_14_JR sentinel in 32 rows, the rest sum to 4138 */
        CHECK(count_reason(t, p00, MISS_UNKNOWN) == 32);
        CHECK_NEAR(sum_valid(t, p00, NULL), 4138, 0);
        /* python: row 0 is BU19492804 with ErnsOverge "18,1", Geboorte
         * "15,00", AANT_INW 1225, BEV_DICHTH 4027 */
        CHECK_STR(col_str(bu, 0), "BU19492804");
        CHECK_STR(col_str(ernst, 0), "18,1");
        CHECK_STR(col_str(geb, 0), "15,00");
        CHECK(inw->i[0] == 1225);
        CHECK(dicht->i[0] == 4027);
        /* python: 38 ErnsOverge values are "" (empty -> missing) */
        CHECK(count_reason(t, ernst, MISS_EMPTY) == 38);
        /* python: Eenzaam_28 mixes ints and floats; 38 null; the rest sum
         * to 13149.2 */
        CHECK(count_reason(t, eenz, MISS_EMPTY) == 38);
        CHECK_NEAR(sum_valid(t, eenz, NULL), 13149.2, 1e-6);
        /* python: AANT_INW sums to 447280, no sentinels */
        CHECK_NEAR(sum_valid(t, inw, NULL), 447280, 0);
    }
    /* all numeric sentinels: 14 (BEV_DICHTH) + 5 x 32 (P_*_JR) */
    size_t miss[MISS_REASON_COUNT];
    numeric_missing(t, miss);
    CHECK(miss[MISS_UNKNOWN] == 174);
    CHECK(miss[MISS_SECRET] + miss[MISS_NOT_AVAILABLE] +
              miss[MISS_NOT_APPLICABLE] + miss[MISS_SENTINEL] ==
          0);
    in_ogr_info info;
    CHECK(in_ogr_layer_info(DATA "klimaateffectatlas_buurtdashboard/"
                               "BuurtenDataset20231212_xaaac.json",
                          NULL, &info) == 0);
    CHECK_STR(info.driver, "TopoJSON");
    CHECK_STR(info.layer, "BuurtenDataset20231212_xaaac");
    CHECK_STR(info.crs, "EPSG:4326"); /* TopoJSON carries no CRS: lon/lat */
    CHECK(info.n_features == 317);
    CHECK(info.n_fields == 128);
    /* PROVENANCE.md: extent 3.49,50.76 - 7.15,53.47 */
    CHECK_NEAR(info.extent[0], 3.49, 0.01);
    CHECK_NEAR(info.extent[3], 53.47, 0.01);
    in_ogr_info_free(&info);
    tbl_col *g = tbl_geom(t);
    /* python: 309 Polygon + 8 MultiPolygon = 329 polygons, 340 rings */
    CHECK(g->n_parts == 329 && g->n_rings == 340);
    CHECK_STR(g->crs, "EPSG:28992");
    check_geom(t, RD_BOUNDS);
    tbl_free(t);
}

static void test_small_topojson(void)
{
    tbl *t = read_rows(
        "klimaateffectatlas_buurtdashboard/GemeenteGrenzen2023-small.json",
        NULL, NULL, 343);
    if (t) {
        tbl_col *code = col_of(t, "GM_CODE", COL_STRING);
        tbl_col *naam = col_of(t, "GM_NAAM", COL_STRING);
        col_of(t, "fid", COL_INT64);
        col_of(t, "Shape_Area", COL_DOUBLE);
        /* python: geometries[0] has GM_CODE GM0014, GM_NAAM Groningen */
        if (code && naam) {
            CHECK_STR(col_str(code, 0), "GM0014");
            CHECK_STR(col_str(naam, 0), "Groningen");
            CHECK(find_row(t, code, "GM0998") >= 0);
        }
        /* python: 329 Polygon + 14 MultiPolygon = 359 polygons */
        CHECK(tbl_geom(t)->n_parts == 359);
        check_geom(t, RD_BOUNDS);
        tbl_free(t);
    }
    t = read_rows("klimaateffectatlas_buurtdashboard/provinces.json", NULL,
                  NULL, 12);
    if (t) {
        tbl_col *name = col_of(t, "name", COL_STRING);
        if (name) {
            CHECK_STR(col_str(name, 0), "Drenthe");
            CHECK(find_row(t, name, "Friesland (Frysl\xc3\xa2n)") >= 0);
        }
        /* python: 12 Polygons with 34 rings */
        CHECK(tbl_geom(t)->n_parts == 12 && tbl_geom(t)->n_rings == 34);
        check_geom(t, RD_BOUNDS);
        tbl_free(t);
    }
}

/* The 2014 files put "arcs" first and "type": "Topology" last. */
static void test_topojson_arcs_first(void)
{
    tbl *t = read_rows("cbs_gebiedsindelingen_2014/Buurt_2014_layer_q1e3.json",
                       NULL, NULL, 11691);
    if (t) {
        tbl_col *code = col_of(t, "statcode", COL_STRING);
        tbl_col *rub = col_of(t, "rubriek", COL_STRING);
        if (code && rub) {
            CHECK_STR(col_str(code, 0), "BU19870309");
            CHECK(rub->n_dict == 1);
            CHECK_STR(col_dict(rub, 0), "buurt");
        }
        /* python: 545 buurten have only rings that decode to fewer than 4
         * points (sum(len(arc) - 1) + 1 < 4 for every outer ring); GDAL
         * makes those POLYGON EMPTY, we keep the row without parts */
        CHECK(empty_geoms(t) == 545);
        check_geom(t, RD_BOUNDS);
        tbl_free(t);
    }
    t = read_rows("cbs_gebiedsindelingen_2014/Wijk_2014_layer_q1e3.json",
                  "layer", NULL, 2738);
    if (t) {
        tbl_col *code = col_of(t, "statcode", COL_STRING);
        if (code)
            CHECK_STR(col_str(code, 0), "WK198703");
        CHECK(empty_geoms(t) == 13); /* python, as above */
        tbl_free(t);
    }
    char **names = NULL;
    size_t n = 0;
    CHECK(in_ogr_list_layers(
              DATA "cbs_gebiedsindelingen_2014/Wijk_2014_layer_q1e3.json",
              &names, &n) == 0);
    CHECK(n == 1);
    if (n == 1)
        CHECK_STR(names[0], "layer");
    in_ogr_free_names(names, n);
}

/* ---------------------------------------------------------------------- */
/* GeoPackage and shapefile                                                */

static void test_ermelo_gpkg(void)
{
    tbl *t = read_rows("cbs_wijkbuurtkaart_2021_ermelo/CBS_buurten.gpkg",
                       "CBS_Buurten", NULL, 17);
    if (!t)
        return;
    CHECK(tbl_ncols(t) == 42);
    tbl_col *code = col_of(t, "buurtcode", COL_STRING);
    tbl_col *man = col_of(t, "mannen", COL_INT64);
    tbl_col *inw = col_of(t, "aantal_inwoners", COL_INT64);
    col_of(t, "gemiddelde_huishoudsgrootte", COL_DOUBLE);
    if (code && man && inw) {
        /* sqlite3: SELECT buurtcode ... ORDER BY fid -> BU02330000 first;
         * SUM(mannen) WHERE mannen > -99990 -> 13415 over 16 rows, one
         * row -99999999; aantal_inwoners is NULL in all 17 */
        CHECK_STR(col_str(code, 0), "BU02330000");
        size_t nv = 0;
        CHECK_NEAR(sum_valid(t, man, &nv), 13415, 0);
        CHECK(nv == 16);
        CHECK(count_reason(t, man, MISS_UNKNOWN) == 1);
        CHECK(count_reason(t, inw, MISS_EMPTY) == 17);
    }
    tbl_col *g = tbl_geom(t);
    CHECK_STR(g->crs, "EPSG:28992");
    /* WKB of the first feature: MultiPolygon, 1 polygon, 1 ring of 47
     * points starting at (171399.7968, 480472.0001) - kept as is */
    double x, y;
    first_vertex(g, 0, &x, &y);
    CHECK_NEAR(x, 171399.7968, 1e-9);
    CHECK_NEAR(y, 480472.0001, 1e-9);
    CHECK(g->ring_pt[1] - g->ring_pt[0] == 47);
    /* gpkg_contents extent */
    check_geom(t, 165776.6, 472411.9, 180557.7, 482732.6);
    tbl_free(t);

    /* NULL layer = the only layer */
    t = read_data("cbs_wijkbuurtkaart_2021_ermelo/CBS_buurten.gpkg", NULL,
                  NULL);
    CHECK(t && tbl_nrows(t) == 17);
    tbl_free(t);

    in_ogr_info info;
    CHECK(in_ogr_layer_info(DATA "cbs_wijkbuurtkaart_2021_ermelo/"
                               "CBS_buurten.gpkg",
                          NULL, &info) == 0);
    CHECK_STR(info.driver, "GPKG");
    CHECK_STR(info.layer, "CBS_Buurten");
    CHECK_STR(info.crs, "EPSG:28992");
    CHECK_STR(info.geom_type, "Multi Polygon");
    CHECK(info.n_features == 17);
    CHECK(info.n_fields == 41);
    CHECK_NEAR(info.extent[0], 165776.640625, 1e-6);
    CHECK_NEAR(info.extent[3], 482732.5625, 1e-6);
    in_ogr_info_free(&info);
    in_ogr_info_free(NULL);
}

static void test_almere_shapefile(void)
{
    /* dbf header: 63 records, 178 fields */
    tbl *t = read_rows("cbs_kwb_2011_almere/buurt_2011_v3.shp", NULL, NULL, 63);
    if (!t)
        return;
    CHECK(tbl_ncols(t) == 179);
    /* dbf records decoded with struct: over all N fields, values
     * <= -99990 occur 2625 times: -99999997 x2548 and -9999997 x4
     * (geheim), -99999996 x63 and -99999999 x4 (onbekend), -99999998 x6
     * (niet van toepassing); no empty numeric cells */
    size_t miss[MISS_REASON_COUNT];
    numeric_missing(t, miss);
    CHECK(miss[MISS_SECRET] == 2552);
    CHECK(miss[MISS_UNKNOWN] == 67);
    CHECK(miss[MISS_NOT_APPLICABLE] == 6);
    CHECK(miss[MISS_NOT_AVAILABLE] == 0 && miss[MISS_SENTINEL] == 0);
    CHECK(miss[MISS_SECRET] + miss[MISS_UNKNOWN] + miss[MISS_NOT_APPLICABLE] ==
          2625);
    CHECK(miss[MISS_EMPTY] == 0);
    tbl_col *code = col_of(t, "BU_CODE", COL_STRING);
    tbl_col *naam = col_of(t, "BU_NAAM", COL_STRING);
    tbl_col *inw = tbl_col_by_name(t, "AANT_INW");
    tbl_col *woz = tbl_col_by_name(t, "WOZ");
    CHECK(inw && woz);
    if (code && naam && inw && woz) {
        /* record 0: BU00340101 "Centrum Almere-Haven" */
        CHECK_STR(col_str(code, 0), "BU00340101");
        CHECK_STR(col_str(naam, 0), "Centrum Almere-Haven");
        /* AANT_INW sums to 190665; WOZ valid in 44 rows, sum 10641 */
        CHECK_NEAR(sum_valid(t, inw, NULL), 190665, 0);
        size_t nv = 0;
        CHECK_NEAR(sum_valid(t, woz, &nv), 10641, 1e-9);
        CHECK(nv == 44);
    }
    CHECK_STR(tbl_geom(t)->crs, "EPSG:28992");
    /* ogrinfo extent (136889.29, 479512.72) - (154455.00, 494189.64) */
    check_geom(t, 136889.28, 479512.72, 154455.01, 494189.65);
    tbl_free(t);
}

/* Without its .prj the shapefile has no CRS: RD-looking coordinates are
 * taken as RD New and stay put. */
static void test_shapefile_without_prj(void)
{
    static const char *const ext[] = {"shp", "shx", "dbf"};
    for (int k = 0; k < 3; k++) {
        char src[1024], dst[64];
        snprintf(src, sizeof src, "%scbs_kwb_2011_almere/buurt_2011_v3.%s",
                 DATA, ext[k]);
        snprintf(dst, sizeof dst, "noprj.%s", ext[k]);
        CHECK(copy_file(src, tmp_path(dst), 0) == 0);
    }
    tbl *a = read_data("cbs_kwb_2011_almere/buurt_2011_v3.shp", NULL, NULL);
    err_clear();
    tbl *b = in_ogr_read(tmp_path("noprj.shp"), NULL, NULL);
    CHECK(a && b);
    if (a && b) {
        CHECK_STR(tbl_geom(b)->crs, "EPSG:28992");
        CHECK(tbl_geom(a)->n_points == tbl_geom(b)->n_points);
        CHECK(memcmp(tbl_geom(a)->xy, tbl_geom(b)->xy,
                     tbl_geom(a)->n_points * 2 * sizeof(double)) == 0);
    }
    tbl_free(a);
    tbl_free(b);
}

/* A shapefile cut short: GDAL's failure names the first damaged feature
 * (computed from the .shx index: record 27 is the first whose shape runs
 * past byte 700000; from the .dbf header (5729 + k * 1959 bytes): record
 * 28 is the first that ends past byte 60000). */
static void test_damaged_shapefile(void)
{
    static const char *const ext[] = {"shp", "shx", "dbf"};
    for (int cut = 0; cut < 2; cut++) {
        for (int k = 0; k < 3; k++) {
            char src[1024], dst[64];
            snprintf(src, sizeof src,
                     "%scbs_kwb_2011_almere/buurt_2011_v3.%s", DATA, ext[k]);
            snprintf(dst, sizeof dst, "cut%d.%s", cut, ext[k]);
            size_t len = 0;
            if (cut == 0 && k == 0)
                len = 700000;
            if (cut == 1 && k == 2)
                len = 60000;
            CHECK(copy_file(src, tmp_path(dst), len) == 0);
        }
        const char *shp = tmp_path(cut ? "cut1.shp" : "cut0.shp");
        err_clear();
        expect_error(in_ogr_read(shp, NULL, NULL), shp, ERR_GDAL);
        if (err_get()) {
            CHECK(err_get()->loc_kind == ERR_LOC_FEATURE);
            CHECK(err_get()->loc == (cut ? 28 : 27));
        }
    }
}

/* ---------------------------------------------------------------------- */
/* small files made here                                                   */

/* A layer without geometry (GDAL's CSV driver) has no geometry column. */
static void test_no_geometry(void)
{
    static const char csv[] = "code,naam\nBU1,Oost\nBU2,West\n";
    const char *path = tmp_path("plain.csv");
    CHECK(write_file(path, csv, sizeof csv - 1) == 0);
    err_clear();
    tbl *t = in_ogr_read(path, NULL, NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK(tbl_nrows(t) == 2 && tbl_ncols(t) == 2);
        CHECK(tbl_geom(t) == NULL);
        tbl_col *naam = col_of(t, "naam", COL_STRING);
        if (naam)
            CHECK_STR(col_str(naam, 1), "West");
        tbl_free(t);
    }
}

static const char mixed_geojson[] =
    "{\"type\":\"FeatureCollection\",\"features\":[\n"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"BU1\",\"n\":5,"
    "\"x\":1.5,\"s\":\"18,1\",\"d\":\"2021-03-04\",\"z\":null,"
    "\"sent\":-99997,\"arr\":[1,2]},"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.8932,52.3731]}},\n"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"BU2\",\"n\":-99999999,"
    "\"x\":2,\"s\":\"\",\"d\":\"2022-12-31\",\"z\":null,\"sent\":3},"
    "\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
    "[[5,52],[5.1,52],[5.1,52.1]]}},\n"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"BU3\",\"n\":7,"
    "\"sent\":-99995},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
    "[[5,52],[5.2,52],[5.2,52.2],[5,52.2],[5,52]],"
    "[[5.05,52.05],[5.1,52.05],[5.1,52.1],[5.05,52.05]]]}},\n"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"BU4\"},"
    "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
    "[[[6,53],[6.1,53],[6.1,53.1],[6,53]]],"
    "[[[6.2,53],[6.3,53],[6.3,53.1],[6.2,53]]]]}},\n"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"BU5\",\"n\":null},"
    "\"geometry\":null},\n"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"BU6\"},"
    "\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":["
    "{\"type\":\"Point\",\"coordinates\":[4,52]},"
    "{\"type\":\"Polygon\",\"coordinates\":"
    "[[[4,52],[4.1,52],[4.1,52.1],[4,52]]]}]}}\n"
    "]}\n";

/* Types, missing values and every geometry shape on a hand-made file. */
static void check_mixed(tbl *t)
{
    CHECK(tbl_nrows(t) == 6);
    tbl_col *code = col_of(t, "code", COL_STRING);
    tbl_col *n = col_of(t, "n", COL_INT64);
    tbl_col *x = col_of(t, "x", COL_DOUBLE); /* 1.5 and 2 -> double */
    tbl_col *s = col_of(t, "s", COL_STRING);
    tbl_col *d = col_of(t, "d", COL_STRING); /* dates stay strings */
    tbl_col *sent = col_of(t, "sent", COL_INT64);
    tbl_col *arr = col_of(t, "arr", COL_STRING);
    tbl_col *z = tbl_col_by_name(t, "z");
    if (code && n && x && s && d && sent && arr && z) {
        CHECK_STR(col_str(code, 5), "BU6");
        CHECK(n->i[0] == 5 && col_miss(n, 0) == MISS_NONE);
        CHECK(col_miss(n, 1) == MISS_UNKNOWN);
        CHECK(n->i[2] == 7);
        CHECK(col_miss(n, 3) == MISS_EMPTY); /* absent */
        CHECK(col_miss(n, 4) == MISS_EMPTY); /* null */
        CHECK(x->d[0] == 1.5 && x->d[1] == 2.0);
        CHECK_STR(col_str(s, 0), "18,1");
        CHECK(col_miss(s, 1) == MISS_EMPTY);
        CHECK_STR(col_str(d, 0), "2021-03-04");
        CHECK_STR(col_str(d, 1), "2022-12-31");
        CHECK(col_miss(sent, 0) == MISS_SECRET);
        CHECK(sent->i[1] == 3);
        CHECK(col_miss(sent, 2) == MISS_NOT_AVAILABLE);
        CHECK(col_str(arr, 0) && strchr(col_str(arr, 0), '1') &&
              strchr(col_str(arr, 0), '2'));
        CHECK(col_miss(arr, 1) == MISS_EMPTY);
        size_t counts[MISS_REASON_COUNT];
        col_count_missing(z, 6, counts);
        CHECK(counts[MISS_EMPTY] == 6);
    }
    tbl_col *g = tbl_geom(t);
    CHECK(g != NULL);
    if (!g)
        return;
    /* parts per row: point 1, line 1, polygon 1, multipolygon 2, null 0,
     * collection 2 */
    static const uint64_t row_part[] = {0, 1, 2, 3, 5, 5, 7};
    CHECK(memcmp(g->row_part, row_part, sizeof row_part) == 0);
    /* rings: the polygon has its hole as second ring */
    CHECK(g->part_ring[3] - g->part_ring[2] == 2);
    CHECK(g->n_rings == 8);
    /* points: 1 + 3 + (5 + 4) + (4 + 4) + 0 + (1 + 4) */
    CHECK(g->n_points == 26);
    CHECK(isnan(g->bbox[4 * 4]));
    /* the point is the Dam */
    double ex, ey;
    approx_wgs_to_rd(4.8932, 52.3731, &ex, &ey);
    CHECK_NEAR(g->xy[0], ex, 1.0);
    CHECK_NEAR(g->xy[1], ey, 1.0);
    CHECK_NEAR(g->bbox[0], ex, 1.0);
    CHECK_NEAR(g->bbox[2], ex, 1.0);
}

static void test_mixed_geojson(void)
{
    const char *path = tmp_path("mixed.geojson");
    CHECK(write_file(path, mixed_geojson, sizeof mixed_geojson - 1) == 0);
    err_clear();
    tbl *t = in_ogr_read(path, NULL, NULL);
    CHECK(t != NULL);
    if (t) {
        check_mixed(t);
        tbl_free(t);
    }
    t = in_ogr_read_mode(path, NULL, NULL, 1);
    CHECK(t != NULL);
    if (t) {
        check_mixed(t);
        tbl_free(t);
    }
}

/* /vsizip/ paths go to GDAL unchanged. */
static void test_vsizip(void)
{
    char zip[1100];
    snprintf(zip, sizeof zip, "/vsizip/%s/mixed.zip/inner/mixed.geojson",
             tmpdir);
    VSILFILE *f = VSIFOpenL(zip, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    VSIFWriteL(mixed_geojson, 1, sizeof mixed_geojson - 1, f);
    VSIFCloseL(f);
    err_clear();
    tbl *t = in_ogr_read(zip, NULL, NULL);
    CHECK(t != NULL);
    if (t) {
        check_mixed(t);
        tbl_free(t);
    }
}

/* A TopoJSON with "arcs" first and two objects: two layers. */
static void test_topojson_two_objects(void)
{
    static const char topo[] =
        "{\"arcs\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
        "[[20,20],[30,20],[30,30],[20,20]]],"
        "\"objects\":{"
        "\"a\":{\"type\":\"GeometryCollection\",\"geometries\":["
        "{\"type\":\"Polygon\",\"arcs\":[[0]],\"properties\":"
        "{\"name\":\"square\"}}]},"
        "\"b\":{\"type\":\"GeometryCollection\",\"geometries\":["
        "{\"type\":\"Polygon\",\"arcs\":[[1]],\"properties\":"
        "{\"name\":\"triangle\",\"v\":-99995}},"
        "{\"type\":\"Polygon\",\"arcs\":[[-2]],\"properties\":"
        "{\"name\":\"reversed\",\"v\":4}}]}},"
        "\"type\" : \"Topology\"}";
    const char *path = tmp_path("two.json");
    CHECK(write_file(path, topo, sizeof topo - 1) == 0);
    char **names = NULL;
    size_t n = 0;
    err_clear();
    CHECK(in_ogr_list_layers(path, &names, &n) == 0);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(names[0], "a");
        CHECK_STR(names[1], "b");
    }
    in_ogr_free_names(names, n);
    src_options o;
    src_options_init(&o);
    o.target_crs = "";
    tbl *t = in_ogr_read(path, "b", &o);
    CHECK(t != NULL);
    if (t) {
        CHECK(tbl_nrows(t) == 2);
        tbl_col *name = col_of(t, "name", COL_STRING);
        tbl_col *v = col_of(t, "v", COL_INT64);
        if (name && v) {
            CHECK_STR(col_str(name, 0), "triangle");
            CHECK(col_miss(v, 0) == MISS_NOT_AVAILABLE);
            CHECK(v->i[1] == 4);
        }
        tbl_col *g = tbl_geom(t);
        CHECK_STR(g->crs, "EPSG:4326"); /* TopoJSON is lon/lat */
        CHECK(g->n_points == 8);
        CHECK(g->xy[0] == 20 && g->xy[1] == 20);
        CHECK(g->bbox[0] == 20 && g->bbox[3] == 30);
        tbl_free(t);
    }
    t = in_ogr_read(path, NULL, &o); /* first object */
    CHECK(t && tbl_nrows(t) == 1);
    if (t)
        CHECK_STR(col_str(tbl_col_by_name(t, "name"), 0), "square");
    tbl_free(t);
}

/* ---------------------------------------------------------------------- */
/* broken input                                                            */

static void test_broken(void)
{
    /* truncated GeoJSON: the first 5000 bytes of gemeenten_2023 */
    const char *trunc = tmp_path("truncated.geojson");
    CHECK(copy_file(DATA "cbs_kwb_2024_wijk_gemeente/gemeenten_2023.geojson",
                    trunc, 5000) == 0);
    err_clear();
    expect_error(in_ogr_read(trunc, NULL, NULL), trunc, ERR_PARSE);
    if (err_get()) {
        /* GDAL: "At line 1, character 5001: Unterminated object" */
        CHECK(err_get()->loc_kind == ERR_LOC_LINE);
        CHECK(err_get()->loc == 1 && err_get()->col == 5001);
        CHECK(strstr(err_get()->message, "nterminated") != NULL);
    }

    /* a JSON syntax error on line 2 */
    static const char bad[] =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
        "{\"type\":\"Feature\",\"properties\":{\"a\":}}]}";
    const char *badp = tmp_path("bad.geojson");
    CHECK(write_file(badp, bad, sizeof bad - 1) == 0);
    err_clear();
    expect_error(in_ogr_read(badp, NULL, NULL), badp, ERR_PARSE);
    if (err_get())
        CHECK(err_get()->loc == 2 && err_get()->col > 0);

    /* truncated TopoJSON */
    const char *ttopo = tmp_path("truncated_topo.json");
    CHECK(copy_file(DATA "klimaateffectatlas_buurtdashboard/provinces.json",
                    ttopo, 3000) == 0);
    err_clear();
    expect_error(in_ogr_read(ttopo, NULL, NULL), ttopo, ERR_PARSE);
    if (err_get()) {
        /* GDAL: "JSON parsing error: continue (at offset 3000)"; the file
         * is one line */
        CHECK(err_get()->loc == 1 && err_get()->col == 3001);
        CHECK(strstr(err_get()->message, "middle of a value") != NULL);
    }
    tbl *t;

    /* binary noise with a .geojson name */
    unsigned char noise[3000];
    unsigned state = 12345;
    for (size_t k = 0; k < sizeof noise; k++) {
        state = state * 1103515245u + 12345u;
        noise[k] = (unsigned char)(state >> 16);
    }
    const char *bin = tmp_path("noise.geojson");
    CHECK(write_file(bin, noise, sizeof noise) == 0);
    err_clear();
    expect_error(in_ogr_read(bin, NULL, NULL), bin, ERR_GDAL);

    /* JSON that is not GeoJSON */
    const char *notgeo = tmp_path("hello.json");
    CHECK(write_file(notgeo, "{\"hello\": 1}", 12) == 0);
    err_clear();
    t = in_ogr_read(notgeo, NULL, NULL);
    CHECK(t == NULL);
    CHECK(err_get() && strcmp(err_get()->file, notgeo) == 0);

    /* empty file */
    const char *empty = tmp_path("empty.geojson");
    CHECK(write_file(empty, "", 0) == 0);
    err_clear();
    expect_error(in_ogr_read(empty, NULL, NULL), empty, ERR_PARSE);

    /* missing file */
    const char *missing = tmp_path("does_not_exist.geojson");
    err_clear();
    expect_error(in_ogr_read(missing, NULL, NULL), missing, ERR_IO);
    char **names = NULL;
    size_t n = 5;
    err_clear();
    CHECK(in_ogr_list_layers(missing, &names, &n) == -1);
    CHECK(names == NULL && n == 0);
    CHECK(err_get() && err_get()->category == ERR_IO);
    in_ogr_info info;
    CHECK(in_ogr_layer_info(missing, NULL, &info) == -1);
    CHECK(info.driver == NULL);

    /* unknown layer: the message lists the real ones */
    const char *gpkg = DATA "cbs_wijkbuurtkaart_2021_ermelo/CBS_buurten.gpkg";
    err_clear();
    expect_error(in_ogr_read(gpkg, "buurten_2021", NULL), gpkg, ERR_GDAL);
    CHECK(err_get() && strstr(err_get()->message, "buurten_2021"));
    CHECK(err_get() && strstr(err_get()->message, "\"CBS_Buurten\""));
    err_clear();
    CHECK(in_ogr_layer_info(gpkg, "nope", &info) == -1);
    CHECK(err_get() && err_get()->category == ERR_GDAL);

    /* no file name at all */
    err_clear();
    CHECK(in_ogr_read("", NULL, NULL) == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
}

/* Neither GDAL nor PROJ prints anything: broken input goes through the
 * error context only. stderr is sent to a file while the reads run (the
 * files were made by test_broken). */
static void test_silent(void)
{
    char log[1024];
    snprintf(log, sizeof log, "%s", tmp_path("stderr.txt"));
    fflush(stderr);
    int saved = dup(2);
    FILE *f = fopen(log, "w");
    CHECK(saved >= 0 && f != NULL);
    if (saved < 0 || !f)
        return;
    dup2(fileno(f), 2);
    static const char *const names[] = {
        "truncated.geojson", "bad.geojson", "truncated_topo.json",
        "noise.geojson", "hello.json", "empty.geojson",
        "does_not_exist.geojson", "pole.geojson", "cut0.shp", "cut1.shp"};
    int failed = 0;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        tbl *t = in_ogr_read(tmp_path(names[k]), NULL, NULL);
        failed += t == NULL;
        tbl_free(t);
    }
    src_options o;
    src_options_init(&o);
    o.target_crs = "EPSG:999999";
    tbl *t = in_ogr_read(tmp_path("mixed.geojson"), NULL, &o);
    failed += t == NULL;
    tbl_free(t);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(f);
    char text[2048] = "";
    size_t size = 0;
    f = fopen(log, "r");
    if (f) {
        size = fread(text, 1, sizeof text - 1, f);
        text[size] = '\0';
        fclose(f);
    }
    CHECK(failed == 11);
    CHECK(size == 0);
    if (size != 0)
        fprintf(stderr, "printed on stderr:\n%s\n", text);
}

/* A geometry PROJ cannot transform names its feature, in both modes. */
static void test_untransformable(void)
{
    static const char gj[] =
        "{\"type\":\"FeatureCollection\",\"features\":["
        "{\"type\":\"Feature\",\"properties\":{\"k\":1},\"geometry\":"
        "{\"type\":\"Point\",\"coordinates\":[5,52]}},"
        "{\"type\":\"Feature\",\"properties\":{\"k\":2},\"geometry\":null},"
        "{\"type\":\"Feature\",\"properties\":{\"k\":3},\"geometry\":"
        "{\"type\":\"Polygon\",\"coordinates\":"
        "[[[5,52],[5,95],[6,95],[5,52]]]}}]}";
    const char *path = tmp_path("pole.geojson");
    CHECK(write_file(path, gj, sizeof gj - 1) == 0);
    for (int mode = 0; mode < 2; mode++) {
        err_clear();
        tbl *t = in_ogr_read_mode(path, NULL, NULL, mode);
        expect_error(t, path, ERR_PROJ);
        if (err_get()) {
            CHECK(err_get()->loc_kind == ERR_LOC_FEATURE);
            CHECK(err_get()->loc == 3);
        }
    }
    /* keeping the source CRS reads it fine */
    src_options o;
    src_options_init(&o);
    o.target_crs = "";
    tbl *t = in_ogr_read(path, NULL, &o);
    CHECK(t && tbl_nrows(t) == 3);
    tbl_free(t);
    /* an unknown target CRS is a PROJ error */
    o.target_crs = "EPSG:999999";
    err_clear();
    t = in_ogr_read(path, NULL, &o);
    CHECK(t == NULL);
    CHECK(err_get() && err_get()->category == ERR_PROJ);
    /* PROJ's approximate name lookup ("foo" finds "Amersfoort") is not
     * taken for an answer */
    o.target_crs = "foo";
    err_clear();
    CHECK(in_ogr_read(path, NULL, &o) == NULL);
    CHECK(err_get() && err_get()->category == ERR_PROJ);
    CHECK(err_get() && strstr(err_get()->message, "\"foo\""));
    /* an exact name is fine */
    o.target_crs = "Amersfoort / RD New";
    t = in_ogr_read(tmp_path("mixed.geojson"), NULL, &o);
    CHECK(t != NULL);
    if (t)
        CHECK_STR(tbl_geom(t)->crs, "EPSG:28992");
    tbl_free(t);
    /* another target CRS works, and is stored as given */
    o.target_crs = "EPSG:3857";
    const char *p2 = tmp_path("mixed.geojson");
    t = in_ogr_read(p2, NULL, &o);
    CHECK(t != NULL);
    if (t) {
        CHECK_STR(tbl_geom(t)->crs, "EPSG:3857");
        /* web mercator x of lon 4.8932: R * lon in radians */
        CHECK_NEAR(tbl_geom(t)->xy[0], 6378137.0 * 4.8932 * M_PI / 180, 0.01);
        tbl_free(t);
    }
}

/* ---------------------------------------------------------------------- */

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/test_ogrr_XXXXXX", DNW_BINARY_DIR);
    if (!mkdtemp(tmpdir)) {
        snprintf(tmpdir, sizeof tmpdir, "/tmp/test_ogrr_XXXXXX");
        if (make_temp_dir(tmpdir) < 0)
            return 1;
    }
    test_wijken_2024();
    test_wijken_keep_crs();
    test_per_geometry_same();
    test_gemeenten();
    test_wijk_2016();
    test_klimaateffectatlas();
    test_small_topojson();
    test_topojson_arcs_first();
    test_ermelo_gpkg();
    test_almere_shapefile();
    test_shapefile_without_prj();
    test_damaged_shapefile();
    test_no_geometry();
    test_mixed_geojson();
    test_vsizip();
    test_topojson_two_objects();
    test_broken();
    test_untransformable();
    test_silent();
    reproj_cache_clear();
    int rc = check_done();
    /* remove the temporary folder and what was made in it */
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return rc;
}
