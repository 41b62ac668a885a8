/* out_gpkg.c - GeoPackage writer of result tables through OGR: one layer
 * per table, coarser levels with geometry dissolved from the units (GEOS
 * through OGR_G_UnionCascaded), and QGIS layer styles; see out.h. */
#include "out.h"

#include "err.h"
#include "mem.h"
#include "out_style.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

/* Builds an OGR MultiPolygon for row r of geometry column g (NULL if empty). */
static OGRGeometryH build_geometry(const tbl_col *g, size_t r)
{
    uint64_t p0 = g->row_part[r], p1 = g->row_part[r + 1];
    if (p0 == p1)
        return NULL;
    OGRGeometryH multi = OGR_G_CreateGeometry(wkbMultiPolygon);
    for (uint64_t p = p0; p < p1; p++) {
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        for (uint64_t q = g->part_ring[p]; q < g->part_ring[p + 1]; q++) {
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            uint64_t a = g->ring_pt[q], b = g->ring_pt[q + 1];
            OGR_G_SetPointCount(ring, (int)(b - a));
            for (uint64_t k = a; k < b; k++)
                OGR_G_SetPoint_2D(ring, (int)(k - a), g->xy[2 * k],
                                  g->xy[2 * k + 1]);
            OGR_G_AddGeometryDirectly(poly, ring);
        }
        OGR_G_AddGeometryDirectly(multi, poly);
    }
    return multi;
}


/* The union of the units of every group of L (dissolve), one geometry per
 * row; geoms[r] is NULL where a row has no unit with geometry. The caller
 * destroys each with OGR_G_DestroyGeometry and frees the array. NULL on
 * OOM (error set). */
static OGRGeometryH *dissolve(const out_table *L)
{
    OGRGeometryH *parts = mem_calloc(L->n_rows ? L->n_rows : 1, sizeof *parts);
    if (!parts) {
        err_oom("dissolve");
        return NULL;
    }
    for (size_t u = 0; u < L->n_dissolve; u++) {
        size_t g = L->group_of[u];
        if (g == SIZE_MAX || g >= L->n_rows)
            continue;
        OGRGeometryH geom = build_geometry(L->dissolve, u);
        if (!geom)
            continue;
        if (!parts[g])
            parts[g] = OGR_G_CreateGeometry(wkbMultiPolygon);
        for (int k = 0; k < OGR_G_GetGeometryCount(geom); k++)
            OGR_G_AddGeometry(parts[g], OGR_G_GetGeometryRef(geom, k));
        OGR_G_DestroyGeometry(geom);
    }
    for (size_t r = 0; r < L->n_rows; r++) {
        if (!parts[r])
            continue;
        OGRGeometryH u = OGR_G_UnionCascaded(parts[r]);
        if (u) {
            OGR_G_DestroyGeometry(parts[r]);
            parts[r] = OGR_G_ForceToMultiPolygon(u);
        }
    }
    return parts;
}

static OGRFieldType field_type(const out_column *oc)
{
    if (oc->kind == OUT_TEXT || oc->kind == OUT_REASON)
        return OFTString;
    if (oc->kind == OUT_INTEGER || (oc->col && oc->col->type == COL_INT64))
        return OFTInteger64;
    return OFTReal;
}

/* Sets field `field` of f from row r of column oc. */
static void set_field(OGRFeatureH f, int field, const out_column *oc, size_t r)
{
    const tbl_col *col = oc->col;
    miss_reason why = col ? col_miss(col, r) : MISS_EMPTY;
    if (oc->kind == OUT_REASON) {
        if (why == MISS_NONE || !oc->reasons)
            OGR_F_SetFieldNull(f, field);
        else
            OGR_F_SetFieldString(
                f, field, oc->reasons[why < MISS_REASON_COUNT ? why : MISS_EMPTY]);
        return;
    }
    if (!col || why != MISS_NONE) {
        OGR_F_SetFieldNull(f, field);
        return;
    }
    if (col->type == COL_STRING) {
        OGR_F_SetFieldString(f, field, col_str(col, r));
        return;
    }
    if (col->type == COL_INT64) {
        OGR_F_SetFieldInteger64(f, field, col->i[r]);
        return;
    }
    double v = col->d[r];
    if (oc->kind == OUT_INTEGER)
        OGR_F_SetFieldInteger64(f, field, (GIntBig)v);
    else
        OGR_F_SetFieldDouble(f, field, v);
}

static int write_layer(GDALDatasetH ds, const char *path, const out_table *L)
{
    const tbl_col *g = L->geom ? L->geom : L->dissolve;
    OGRSpatialReferenceH srs = NULL;
    if (g && g->crs && g->crs[0]) {
        srs = OSRNewSpatialReference(NULL);
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        if (OSRSetFromUserInput(srs, g->crs) != OGRERR_NONE) {
            OSRDestroySpatialReference(srs);
            srs = NULL;
        }
    }
    char **opts = CSLSetNameValue(NULL, "SPATIAL_INDEX", "YES");
    OGRLayerH layer = GDALDatasetCreateLayer(ds, L->name, srs,
                                             g ? wkbMultiPolygon : wkbNone,
                                             opts);
    CSLDestroy(opts);
    if (srs)
        OSRDestroySpatialReference(srs);
    if (!layer) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot create layer \"%s\": %s",
                L->name, CPLGetLastErrorMsg());
        return -1;
    }
    for (size_t c = 0; c < L->n_cols; c++) {
        const out_column *oc = &L->cols[c];
        OGRFieldDefnH fd = OGR_Fld_Create(oc->name, field_type(oc));
        if (oc->label)
            OGR_Fld_SetAlternativeName(fd, oc->label);
        OGRErr e = OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
        if (e != OGRERR_NONE) {
            err_set(ERR_GDAL, path, 0, oc->name, "cannot create field: %s",
                    CPLGetLastErrorMsg());
            return -1;
        }
    }
    OGRGeometryH *dis = NULL;
    if (!L->geom && L->dissolve && !(dis = dissolve(L)))
        return -1;
    int rc = 0;
    if (OGR_L_StartTransaction(layer) != OGRERR_NONE) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot start writing layer \"%s\"",
                L->name);
        rc = -1;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (size_t r = 0; rc == 0 && r < L->n_rows; r++) {
        OGRFeatureH f = OGR_F_Create(defn);
        for (size_t c = 0; c < L->n_cols; c++)
            set_field(f, (int)c, &L->cols[c], r);
        if (L->geom) {
            OGRGeometryH geom = build_geometry(L->geom, r);
            if (geom)
                OGR_F_SetGeometryDirectly(f, geom);
        } else if (dis && dis[r]) {
            OGR_F_SetGeometryDirectly(f, dis[r]);
            dis[r] = NULL;
        }
        OGRErr e = OGR_L_CreateFeature(layer, f);
        OGR_F_Destroy(f);
        if (e != OGRERR_NONE) {
            err_set_feature(ERR_GDAL, path, (long)r + 1, NULL,
                            "cannot write feature: %s", CPLGetLastErrorMsg());
            rc = -1;
        }
    }
    if (dis) {
        for (size_t r = 0; r < L->n_rows; r++)
            if (dis[r])
                OGR_G_DestroyGeometry(dis[r]);
        mem_free(dis);
    }
    if (rc == 0 && OGR_L_CommitTransaction(layer) != OGRERR_NONE) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot write layer \"%s\": %s",
                L->name, CPLGetLastErrorMsg());
        rc = -1;
    }
    return rc;
}

int out_gpkg(const char *path, const out_table *tables, size_t n,
             const out_style *styles, size_t n_styles)
{
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    if (!drv) {
        err_set(ERR_GDAL, path, 0, NULL,
                "this GDAL has no GeoPackage driver");
        return -1;
    }
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetH ds = GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, NULL);
    int rc = 0;
    if (!ds) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot create the GeoPackage: %s",
                CPLGetLastErrorMsg());
        rc = -1;
    }
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = write_layer(ds, path, &tables[k]);
    if (rc == 0 && n_styles > 0)
        rc = out_gpkg_styles(ds, path, styles, n_styles);
    if (ds)
        GDALClose(ds);
    CPLPopErrorHandler();
    if (rc == 0 && mem_fault_write_due()) { /* injected by a fault test */
        err_set(ERR_IO, path, 0, NULL, "cannot write the GeoPackage: %s",
                strerror(ENOSPC));
        rc = -1;
    }
    return rc;
}
