/* ogr_open.h - opening a vector file with GDAL/OGR directly, for tests and
 * benchmarks that read real data independently of dnawijk's readers.
 */
#ifndef DNW_OGR_OPEN_H
#define DNW_OGR_OPEN_H

#include <gdal.h>
#include <ogr_api.h>

/* Opens the vector file path read-only (registering GDAL's drivers first)
 * and returns its first layer, with the dataset in *ds: the caller closes
 * it with GDALClose. Returns NULL (and *ds NULL) when the file does not
 * open or has no layer. */
static inline OGRLayerH ogr_open_layer0(const char *path, GDALDatasetH *ds)
{
    GDALAllRegister();
    *ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL,
                     NULL);
    OGRLayerH layer = *ds ? GDALDatasetGetLayer(*ds, 0) : NULL;
    if (*ds && !layer) { /* a dataset without layers */
        GDALClose(*ds);
        *ds = NULL;
    }
    return layer;
}

#endif
