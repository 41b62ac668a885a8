/* ogrr.h - the vector reader: one layer of any GDAL/OGR vector file into a
 * table.
 *
 * Every attribute field becomes a column (integers -> int64, reals -> double,
 * everything else, dates included, -> string); NULL/unset fields are missing
 * (MISS_EMPTY) and numeric CBS sentinels are missing with their reason. The
 * geometry becomes one COL_GEOM column named "geometry", reprojected in bulk
 * with PROJ to the target CRS (RD New unless the options say otherwise).
 *
 * Paths go to GDAL unchanged, so "/vsizip/..." and "/vsicurl/..." work.
 * TopoJSON is recognised by content (also when "type" is not its first key)
 * and opened through GDAL's TopoJSON driver, which exposes each object as a
 * layer. GDAL's own messages never reach stderr; they are folded into the
 * error context.
 */
#ifndef DNW_IN_OGR_H
#define DNW_IN_OGR_H

#include <stddef.h>

#include "srcopt.h"
#include "tbl.h"

/* Reads layer `layer` of file (NULL = the first layer) into a new table.
 * opt may be NULL (defaults: reproject to EPSG:28992). The caller frees the
 * table with tbl_free. Returns NULL with the error set:
 *   ERR_IO     the file does not exist or cannot be read;
 *   ERR_PARSE  the file is empty or its content is malformed (truncated
 *              JSON...), with GDAL's words and position where it gives them;
 *   ERR_GDAL   GDAL cannot read it as vector data, or the layer is unknown
 *              (the message lists the layers there are);
 *   ERR_PROJ   a geometry cannot be transformed (names the feature);
 *   ERR_MEMORY out of memory. */
tbl *in_ogr_read(const char *file, const char *layer, const src_options *opt);

/* Like in_ogr_read, choosing how geometries are reprojected: per_geometry = 0
 * transforms the flat coordinate array of the whole layer in bulk (what
 * in_ogr_read does); 1 transforms every feature's geometry with
 * OGR_G_Transform while reading. Exposed for the benchmark and tests. */
tbl *in_ogr_read_mode(const char *file, const char *layer,
                    const src_options *opt, int per_geometry);

/* Lists the layer names of file into *names (n entries). The caller frees
 * them with in_ogr_free_names. Returns 0, or -1 with the error set as for
 * in_ogr_read. */
int in_ogr_list_layers(const char *file, char ***names, size_t *n);

/* Frees a list from in_ogr_list_layers. NULL is fine. */
void in_ogr_free_names(char **names, size_t n);

/* What `dnawijk inspect` shows about one layer. */
typedef struct {
    char *driver;     /* GDAL driver short name ("GeoJSON", "GPKG", ...) */
    char *layer;      /* layer name */
    char *crs;        /* "EPSG:nnnn", a WKT text, or "" when unknown */
    char *geom_type;  /* OGR geometry type name ("Multi Polygon", ...) */
    long long n_features; /* -1 when GDAL cannot count cheaply */
    size_t n_fields;  /* attribute fields */
    double extent[4]; /* minx, miny, maxx, maxy in the source CRS; NaN when
                         unknown */
} in_ogr_info;

/* Fills info for layer `layer` of file (NULL = first layer). The strings are
 * malloc'd; free them with in_ogr_info_free. Returns 0, or -1 with the error
 * set as for in_ogr_read (info is then left empty). */
int in_ogr_layer_info(const char *file, const char *layer, in_ogr_info *info);

/* Frees the strings of info and zeroes it. NULL is fine. */
void in_ogr_info_free(in_ogr_info *info);

#endif
