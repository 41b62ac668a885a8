/* outw.h - writers of a run's result tables: CSV (one row per unit; '.' as
 * decimal mark; empty cell for missing) and GeoPackage (via OGR, one layer
 * per table, geometry where the table has it). Callers write into a staging
 * folder that the run renames into place, so nothing half-written is left.
 */
#ifndef DNW_OUT_H
#define DNW_OUT_H

#include <stdio.h>

#include "tbl.h"

/* Writes every non-geometry column of t as CSV to path. Numbers are written
 * in the shortest form that reads back exactly (at most `max_decimals`
 * decimals when >= 0). Returns 0 or -1 (ERR_IO naming path). */
int out_csv(const tbl *t, const char *path, int max_decimals);

/* Writes a number the way out_csv does into buf ("" for non-finite). */
void out_format_number(double v, int max_decimals, char *buf, size_t size);

typedef struct {
    const char *layer; /* layer name */
    const tbl *t;      /* table; its geometry column (if any) is written */
} out_layer;

/* Most attribute columns one GeoPackage layer may have: SQLite's column
 * limit (2000) less the feature id and the geometry. */
#define OUT_GPKG_MAX_COLUMNS 1998

/* Creates a GeoPackage at path with the given layers. Returns 0 or -1
 * (ERR_GDAL naming path and layer). */
int out_gpkg(const char *path, const out_layer *layers, size_t n);

#endif
