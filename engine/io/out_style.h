/* out_style.h - QGIS layer styles (QML and SLD) for the GeoPackage writer:
 * a rule-based renderer with one rule per printed class (the map's breaks
 * and colours, class 0 = [b0, b1], class i = (b_i, b_i+1]) and one per
 * missing reason (matched on the reason column), plus field aliases. */
#ifndef DNW_OUT_STYLE_H
#define DNW_OUT_STYLE_H

#include <gdal.h>

#include "out.h"

/* The QML / SLD text of style s; the caller frees it with mem_free. NULL
 * on OOM (error set). */
char *out_style_qml(const out_style *s);
char *out_style_sld(const out_style *s);

/* Creates the layer_styles table (the QGIS schema) in ds and adds one row
 * per style; the first style of each layer is its default. 0 or -1
 * (ERR_GDAL naming path). */
int out_gpkg_styles(GDALDatasetH ds, const char *path, const out_style *st,
                    size_t n);

#endif
