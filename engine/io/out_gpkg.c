/* out_gpkg.c - GeoPackage writer of result tables through OGR; see outw.h. */
#include "out.h"

#include "err.h"
#include "mem.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <errno.h>
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

static int write_layer(GDALDatasetH ds, const char *path, const out_layer *L)
{
    const tbl *t = L->t;
    const tbl_col *g = tbl_geom(t);
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
    OGRLayerH layer = GDALDatasetCreateLayer(ds, L->layer, srs,
                                             g ? wkbMultiPolygon : wkbNone,
                                             opts);
    CSLDestroy(opts);
    if (srs)
        OSRDestroySpatialReference(srs);
    if (!layer) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot create layer \"%s\": %s",
                L->layer, CPLGetLastErrorMsg());
        return -1;
    }
    size_t nc = tbl_ncols(t);
    for (size_t c = 0; c < nc; c++) {
        const tbl_col *col = tbl_col_at(t, c);
        if (col->type == COL_GEOM)
            continue;
        OGRFieldType ft = col->type == COL_STRING  ? OFTString
                          : col->type == COL_INT64 ? OFTInteger64
                                                   : OFTReal;
        OGRFieldDefnH fd = OGR_Fld_Create(col->name, ft);
        OGRErr e = OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
        if (e != OGRERR_NONE) {
            err_set(ERR_GDAL, path, 0, col->name, "cannot create field: %s",
                    CPLGetLastErrorMsg());
            return -1;
        }
    }
    if (OGR_L_StartTransaction(layer) != OGRERR_NONE) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot start writing layer \"%s\"", L->layer);
        return -1;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (size_t r = 0; r < tbl_nrows(t); r++) {
        OGRFeatureH f = OGR_F_Create(defn);
        int field = 0;
        for (size_t c = 0; c < nc; c++) {
            const tbl_col *col = tbl_col_at(t, c);
            if (col->type == COL_GEOM)
                continue;
            if (col_miss(col, r) != MISS_NONE)
                OGR_F_SetFieldNull(f, field);
            else if (col->type == COL_STRING)
                OGR_F_SetFieldString(f, field, col_str(col, r));
            else if (col->type == COL_INT64)
                OGR_F_SetFieldInteger64(f, field, col->i[r]);
            else
                OGR_F_SetFieldDouble(f, field, col->d[r]);
            field++;
        }
        if (g) {
            OGRGeometryH geom = build_geometry(g, r);
            if (geom)
                OGR_F_SetGeometryDirectly(f, geom);
        }
        OGRErr e = OGR_L_CreateFeature(layer, f);
        OGR_F_Destroy(f);
        if (e != OGRERR_NONE) {
            err_set_feature(ERR_GDAL, path, (long)r + 1, NULL,
                            "cannot write feature: %s", CPLGetLastErrorMsg());
            return -1;
        }
    }
    if (OGR_L_CommitTransaction(layer) != OGRERR_NONE) {
        err_set(ERR_GDAL, path, 0, NULL, "cannot write layer \"%s\": %s",
                L->layer, CPLGetLastErrorMsg());
        return -1;
    }
    return 0;
}

int out_gpkg(const char *path, const out_layer *layers, size_t n)
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
        rc = write_layer(ds, path, &layers[k]);
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
