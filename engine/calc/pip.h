/* pip.h - locating points in the polygons of a geometry column.
 *
 * The index holds one R-tree entry per polygon part (so a multipolygon with
 * far-apart islands is found only near them). A point is inside a part by
 * the even-odd rule over its rings (holes excluded), with the half-open
 * crossing rule: an edge counts when exactly one end lies strictly above
 * the point, and the crossing lies strictly right of it, computed with the
 * edge's ends in a fixed order. Polygons that tile the plane with shared
 * edges therefore take every point exactly once: a point on a shared edge
 * goes to the polygon on its right (or above, for a horizontal edge), and a
 * shared vertex to exactly one of the polygons around it, whatever the
 * order of the polygons or the direction of their rings. Where polygons
 * overlap, the lowest row wins.
 */
#ifndef DNW_PIP_H
#define DNW_PIP_H

#include <stddef.h>
#include <stdint.h>

#include "tbl.h"

typedef struct pip_index pip_index;

/* Builds the index over the nrows rows of geometry column g (borrowed: it
 * must outlive the index). Returns the index (free with pip_free), or NULL
 * with ERR_MEMORY set. */
pip_index *pip_build(const tbl_col *g, size_t nrows);

/* Frees the index. NULL is fine. */
void pip_free(pip_index *ix);

/* Locates n points (xy interleaved, in the geometry's CRS; non-finite
 * points are outside) into row[k]: the row that holds point k, or -1.
 * Uses up to nthreads threads (0: threads_count() of threads.h); the
 * result does not depend on how many. Returns 0, or -1 with ERR_MEMORY
 * set. */
int pip_locate(const pip_index *ix, const double *xy, size_t n,
               int32_t *row, int nthreads);

/* 1 when (x, y) lies in row r of the indexed column (the rule above). */
int pip_row_contains(const pip_index *ix, size_t r, double x, double y);

#endif
