/* geo_fixture.h - test-only helpers for map tests and benchmarks: a small
 * OGR loader that reads a polygon layer, reprojects it to RD New
 * (EPSG:28992) and builds a tbl with its geometry, some string columns and
 * some numeric columns; and a quantile classifier with the ColorBrewer
 * YlGnBu ramp. The real readers live in engine/; this stays in tests/.
 */
#ifndef DNW_GEO_FIXTURE_H
#define DNW_GEO_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "map.h"
#include "ogr_open.h"
#include "tbl.h"

typedef struct {
    double *v;
    size_t n, cap;
} fx_dbuf;

typedef struct {
    uint64_t *v;
    size_t n, cap;
} fx_ubuf;

/* Makes room for one more element of elem bytes in *v (n used, *cap
 * allocated; doubling from 1024). Returns 0 or -1 when out of memory. */
static int fx_room(void **v, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 1024;
    void *nv = realloc(*v, nc * elem);
    if (!nv)
        return -1;
    *v = nv;
    *cap = nc;
    return 0;
}

static int fx_dpush(fx_dbuf *b, double x)
{
    if (fx_room((void **)&b->v, b->n, &b->cap, sizeof *b->v) < 0)
        return -1;
    b->v[b->n++] = x;
    return 0;
}

static int fx_upush(fx_ubuf *b, uint64_t x)
{
    if (fx_room((void **)&b->v, b->n, &b->cap, sizeof *b->v) < 0)
        return -1;
    b->v[b->n++] = x;
    return 0;
}

/* Appends the rings of one (transformed) polygon as a part. */
static int fx_add_polygon(OGRGeometryH poly, fx_dbuf *xy, fx_ubuf *part_ring,
                          fx_ubuf *ring_pt)
{
    int nr = OGR_G_GetGeometryCount(poly);
    if (nr == 0)
        return 0;
    if (fx_upush(part_ring, ring_pt->n - 1) < 0)
        return -1;
    for (int k = 0; k < nr; k++) {
        OGRGeometryH ring = OGR_G_GetGeometryRef(poly, k);
        int np = OGR_G_GetPointCount(ring);
        for (int i = 0; i < np; i++)
            if (fx_dpush(xy, OGR_G_GetX(ring, i)) < 0 ||
                fx_dpush(xy, OGR_G_GetY(ring, i)) < 0)
                return -1;
        if (fx_upush(ring_pt, xy->n / 2) < 0)
            return -1;
    }
    return 0;
}

/* Loads layer 0 of path (optional attribute filter `where`) into a new table
 * in EPSG:28992 with the named string and numeric columns (NULL-terminated
 * lists; missing numbers get MISS_EMPTY). Returns NULL on any failure (a
 * message on stderr: this is test code). */
static tbl *fx_load(const char *path, const char *where,
                    const char *const *str_cols, const char *const *num_cols)
{
    GDALDatasetH ds;
    OGRLayerH lyr = ogr_open_layer0(path, &ds);
    if (!lyr) {
        fprintf(stderr, "fx_load: cannot open %s\n", path);
        return NULL;
    }
    if (where)
        OGR_L_SetAttributeFilter(lyr, where);
    OGRSpatialReferenceH src = OGR_L_GetSpatialRef(lyr);
    OGRSpatialReferenceH dst = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(dst, 28992);
    OSRSetAxisMappingStrategy(dst, OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReferenceH srcc = src ? OSRClone(src) : OSRNewSpatialReference(NULL);
    if (!src) /* TopoJSON and old GeoJSON without a CRS: WGS84 lon/lat */
        OSRImportFromEPSG(srcc, 4326);
    OSRSetAxisMappingStrategy(srcc, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH ct =
        srcc ? OCTNewCoordinateTransformation(srcc, dst) : NULL;

    fx_dbuf xy = {0};
    fx_ubuf row_part = {0}, part_ring = {0}, ring_pt = {0};
    fx_upush(&ring_pt, 0);
    size_t nstr = 0, nnum = 0;
    while (str_cols && str_cols[nstr])
        nstr++;
    while (num_cols && num_cols[nnum])
        nnum++;
    char ***strs = calloc(nstr + 1, sizeof *strs);
    fx_dbuf *nums = calloc(nnum + 1, sizeof *nums);
    size_t nrows = 0, cap_rows = 0;
    OGRFeatureH f;
    OGR_L_ResetReading(lyr);
    int bad = 0;
    while (!bad && (f = OGR_L_GetNextFeature(lyr)) != NULL) {
        if (nrows == cap_rows) {
            cap_rows = cap_rows ? cap_rows * 2 : 256;
            for (size_t c = 0; c < nstr; c++)
                strs[c] = realloc(strs[c], cap_rows * sizeof **strs);
        }
        fx_upush(&row_part, part_ring.n);
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g && ct && OGR_G_Transform(g, ct) != OGRERR_NONE)
            bad = 1;
        if (g && !bad) {
            OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
            if (t == wkbPolygon) {
                bad = fx_add_polygon(g, &xy, &part_ring, &ring_pt) < 0;
            } else if (t == wkbMultiPolygon) {
                for (int p = 0; p < OGR_G_GetGeometryCount(g) && !bad; p++)
                    bad = fx_add_polygon(OGR_G_GetGeometryRef(g, p), &xy,
                                         &part_ring, &ring_pt) < 0;
            }
        }
        for (size_t c = 0; c < nstr; c++) {
            int fi = OGR_F_GetFieldIndex(f, str_cols[c]);
            const char *v = fi >= 0 && OGR_F_IsFieldSetAndNotNull(f, fi)
                                ? OGR_F_GetFieldAsString(f, fi)
                                : NULL;
            strs[c][nrows] = v ? strdup(v) : NULL;
        }
        for (size_t c = 0; c < nnum; c++) {
            int fi = OGR_F_GetFieldIndex(f, num_cols[c]);
            fx_dpush(&nums[c], fi >= 0 && OGR_F_IsFieldSetAndNotNull(f, fi)
                                   ? OGR_F_GetFieldAsDouble(f, fi)
                                   : NAN);
        }
        nrows++;
        OGR_F_Destroy(f);
    }
    fx_upush(&row_part, part_ring.n);
    fx_upush(&part_ring, ring_pt.n - 1);
    if (ct)
        OCTDestroyCoordinateTransformation(ct);
    if (srcc)
        OSRDestroySpatialReference(srcc);
    OSRDestroySpatialReference(dst);
    GDALClose(ds);

    tbl *t = bad ? NULL : tbl_new(nrows);
    if (t && !tbl_add_geom(t, "geom", xy.v, xy.n / 2, row_part.v,
                           part_ring.n - 1, part_ring.v, ring_pt.n - 1,
                           ring_pt.v, NULL, "EPSG:28992")) {
        tbl_free(t);
        t = NULL;
    } else if (!t) {
        free(xy.v);
        free(row_part.v);
        free(part_ring.v);
        free(ring_pt.v);
    }
    for (size_t c = 0; c < nstr; c++) {
        tbl_col *col = t ? tbl_add_col(t, str_cols[c], COL_STRING) : NULL;
        for (size_t r = 0; r < nrows; r++) {
            if (col && strs[c][r])
                col_set_str(col, nrows, r, strs[c][r], strlen(strs[c][r]));
            free(strs[c][r]);
        }
        free(strs[c]);
    }
    for (size_t c = 0; c < nnum; c++) {
        tbl_col *col = t ? tbl_add_col(t, num_cols[c], COL_DOUBLE) : NULL;
        for (size_t r = 0; col && r < nrows; r++) {
            if (isnan(nums[c].v[r]))
                col_set_missing(col, nrows, r, MISS_EMPTY);
            else
                col->d[r] = nums[c].v[r];
        }
        free(nums[c].v);
    }
    free(strs);
    free(nums);
    if (!t)
        fprintf(stderr, "fx_load: failed to read %s\n", path);
    return t;
}

/* ColorBrewer YlGnBu, 5 classes. */
static const draw_rgb fx_ylgnbu5[5] = {
    {0xff / 255.0, 0xff / 255.0, 0xcc / 255.0},
    {0xa1 / 255.0, 0xda / 255.0, 0xb4 / 255.0},
    {0x41 / 255.0, 0xb6 / 255.0, 0xc4 / 255.0},
    {0x2c / 255.0, 0x7f / 255.0, 0xb8 / 255.0},
    {0x25 / 255.0, 0x34 / 255.0, 0x94 / 255.0}};

static int fx_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Quantile classes of a double column into 5 YlGnBu classes plus one
 * "geen gegevens" entry (hatched) for missing values. Fills entry[n],
 * legend[6] (labels in label_buf[6][64]) and returns the number of legend
 * entries, 6. */
static size_t fx_classify(const tbl_col *c, size_t n, int *entry,
                          map_legend_entry legend[6], char label_buf[6][64])
{
    double *v = malloc((n ? n : 1) * sizeof *v);
    size_t m = 0;
    for (size_t r = 0; r < n; r++)
        if (col_miss(c, r) == MISS_NONE)
            v[m++] = c->d[r];
    qsort(v, m, sizeof *v, fx_cmp_double);
    double br[6];
    for (int k = 0; k <= 5; k++)
        br[k] = m ? v[(size_t)((double)k / 5 * (double)(m - 1))] : 0;
    free(v);
    memset(legend, 0, 6 * sizeof *legend);
    for (int k = 0; k < 5; k++) {
        snprintf(label_buf[k], 64, "%.0f – %.0f", br[k], br[k + 1]);
        legend[k].label = label_buf[k];
        legend[k].fill = fx_ylgnbu5[k];
    }
    snprintf(label_buf[5], 64, "geen gegevens");
    legend[5].label = label_buf[5];
    legend[5].fill = (draw_rgb){0.85, 0.85, 0.85};
    legend[5].hatch = 1;
    for (size_t r = 0; r < n; r++) {
        if (col_miss(c, r) != MISS_NONE) {
            entry[r] = 5;
        } else {
            int k = 0;
            while (k < 4 && c->d[r] > br[k + 1])
                k++;
            entry[r] = k;
        }
        legend[entry[r]].count++;
    }
    return 6;
}

/* A map spec of the polygons of t: one legend entry per row in entry (-1 =
 * context), n_legend legend entries of which the first n_classes are
 * classes; the rest of the spec as map_spec_default(). The spec borrows t,
 * entry and legend: the caller keeps them alive while it is used. */
static map_spec fx_spec(const tbl *t, const int *entry,
                        const map_legend_entry *legend, size_t n_legend,
                        size_t n_classes)
{
    map_spec sp = map_spec_default();
    sp.geom = tbl_geom(t);
    sp.n = tbl_nrows(t);
    sp.entry = entry;
    sp.legend = legend;
    sp.n_legend = n_legend;
    sp.n_classes = n_classes;
    return sp;
}

/* Quintiles of the numeric column `col` of t (fx_classify) as a map spec
 * (fx_spec: five classes and "geen gegevens"). *entry is malloc'd (the
 * caller frees it); legend and label_buf are the caller's, as in
 * fx_classify. */
static map_spec fx_quintile_spec(const tbl *t, const char *col, int **entry,
                                 map_legend_entry legend[6],
                                 char label_buf[6][64])
{
    size_t n = tbl_nrows(t);
    *entry = malloc((n ? n : 1) * sizeof **entry);
    fx_classify(tbl_col_by_name(t, col), n, *entry, legend, label_buf);
    return fx_spec(t, *entry, legend, 6, 5);
}

/* The population-density map of the 2024 wijken (column
 * bevolkingsdichtheid of wijken_2024.geojson) on A4, as fx_quintile_spec,
 * with its title, legend title and source line: the map the real-data
 * test and the map benchmark render. */
static map_spec fx_density_spec(const tbl *t, int **entry,
                                map_legend_entry legend[6],
                                char label_buf[6][64])
{
    map_spec sp = fx_quintile_spec(t, "bevolkingsdichtheid", entry, legend,
                                   label_buf);
    sp.title = "Bevolkingsdichtheid per wijk";
    sp.legend_title = "Inwoners per km²";
    sp.source_line = "Bron: CBS Kerncijfers wijken en buurten 2024";
    sp.page = "A4";
    return sp;
}

#endif
