/* rtree.h - a static, packed R-tree over axis-aligned boxes (Sort-Tile-
 * Recursive bulk loading, Leutenegger et al. 1997), for point queries.
 *
 * Built once from n boxes (minx, miny, maxx, maxy) with an id each; items
 * are sorted into tiles of RTREE_FANOUT by the x and then the y of their
 * centres, and each level above groups RTREE_FANOUT nodes of the level
 * below. All boxes live in one array, level by level, so a query touches
 * little memory. Boxes are closed: a point on a box's edge is a candidate.
 */
#ifndef DNW_RTREE_H
#define DNW_RTREE_H

#include <stddef.h>
#include <stdint.h>

#define RTREE_FANOUT 16

typedef struct rtree rtree;

/* Builds the tree over n boxes (box[4k..4k+3] = minx, miny, maxx, maxy of
 * item k, whose id is id[k]). The arrays are copied. Boxes with NaN are left
 * out. Returns the tree (free with rtree_free), or NULL with ERR_MEMORY set. */
rtree *rtree_build(const double *box, const int32_t *id, size_t n);

/* Frees the tree. NULL is fine. */
void rtree_free(rtree *t);

/* Writes the ids of the items whose box contains (x, y) into out (at most
 * cap of them) and returns how many there are in all (which may exceed cap:
 * then call again with a larger buffer). Thread-safe (read only). */
size_t rtree_query_point(const rtree *t, double x, double y, int32_t *out,
                         size_t cap);

/* Number of items in the tree. */
size_t rtree_size(const rtree *t);

#endif
