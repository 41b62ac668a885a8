/* overlay.h - areas shared by two polygon layers (units and the polygons of
 * a source published on another year's indeling), with GEOS.
 *
 * overlay_areas() finds every (unit, source row) pair whose polygons
 * overlap and the area they share. Units go into an STRtree; each source
 * polygon is prepared once and asks the tree for the units whose boxes it
 * touches; a unit inside the source polygon takes its own area, otherwise
 * GEOS intersects the two. Invalid polygons (self-touching rings, the
 * zero-area polygons of quantised TopoJSON) are repaired with MakeValid
 * first. Both layers must be in the same projected CRS (areas in m2).
 *
 * overlay_apportion() turns the pairs into per-unit values of one source
 * column: a count is split by the share of each source polygon's area (or,
 * with point weights, of its points) that lies in the unit (sum of v * shared / source area); a share, mean or
 * percentage becomes the area-weighted mean over the source polygons in the
 * unit. Each unit's covered fraction (shared area / unit area) is kept.
 */
#ifndef DNW_OVERLAY_H
#define DNW_OVERLAY_H

#include "tbl.h"

typedef struct {
    size_t n_pairs;
    uint32_t *unit;        /* per pair: unit row */
    uint32_t *src;         /* per pair: source row */
    double *area;          /* per pair: shared area */
    double *unit_area;     /* per unit */
    double *src_area;      /* per source row */
    double *covered;       /* per unit: shared area / unit area (0-1) */
    size_t n_units, n_src;
    size_t repaired;       /* polygons MakeValid had to repair */
    /* point weights (overlay_point_weights), NULL = split counts by area */
    double *pt_pair;       /* per pair: points in its unit and source row */
    double *pt_src;        /* per source row: points in it */
} overlay_result;

/* Overlays the polygons of column ug (n_units rows) and sg (n_src rows; keep
 * may be NULL or per source row 0 = leave out). file/what name the source
 * for messages. Fills *out (free with overlay_free). Returns 0, or -1 with
 * ERR_JOIN when the CRSs differ or are geographic (lon/lat: areas would be
 * in square degrees), ERR_JOIN also when GEOS fails on a polygon (naming it), ERR_MEMORY. */
int overlay_areas(const tbl_col *ug, size_t n_units, const tbl_col *sg,
                  size_t n_src, const uint8_t *keep, const char *file,
                  const char *what, overlay_result *out);

/* Per-unit values of source column col (n_src rows) into v/m (n_units
 * each): count = 1 splits by area share, else the area-weighted mean. A unit
 * no source polygon overlaps is missing (MISS_UNMATCHED). A count with a
 * missing value in a polygon that gives the unit more than 0.1 % of that
 * polygon's area is missing with that reason; a mean uses the valid values
 * (missing with the first reason when none is valid). Returns 0, or -1
 * with the error set on OOM. */
int overlay_apportion(const overlay_result *o, const tbl_col *col, int count,
                      double *v, uint8_t *m);

/* Point weights: per point its unit row and source row (-1 = in none),
 * from a point-in-polygon of both layers. Sets o->pt_pair (points whose
 * unit and source row are those of the pair) and o->pt_src (points in each
 * source row, also those in no unit); overlay_apportion then splits a
 * count by the pair's share of the source row's points, and by area where
 * the source row holds no point. Means stay area-weighted. Returns 0, or
 * -1 with ERR_MEMORY set. */
int overlay_point_weights(overlay_result *o, const int32_t *unit_of,
                          const int32_t *src_of, size_t n_points);

void overlay_free(overlay_result *o);

#endif
