/* reproj.h - bulk coordinate transformation through PROJ.
 *
 * A reproj transforms flat interleaved x,y arrays from one CRS to another in
 * place, with proj_trans_generic. Both CRSs are taken in "visualisation"
 * order (proj_normalize_for_visualization): longitude/easting first, so WGS84
 * GeoJSON lon/lat and RD New x/y are both handled as x,y. Large arrays are
 * split over two threads (when the thread policy of threads.h allows two),
 * each with its own PJ_CONTEXT and PJ.
 *
 * A reproj is not thread-safe itself: one thread calls reproj_apply at a time.
 */
#ifndef DNW_REPROJ_H
#define DNW_REPROJ_H

#include <stddef.h>

typedef struct reproj reproj;

/* Creates a transformation from src to dst. Each is anything PROJ accepts as
 * a CRS: "EPSG:28992", "OGC:CRS84", a WKT or PROJJSON text, a PROJ string.
 * When both denote the same CRS the result is an identity (reproj_apply then
 * does nothing). Returns a handle the caller frees with reproj_free, or NULL
 * with ERR_PROJ set (naming the CRS PROJ could not understand) or
 * ERR_MEMORY. */
reproj *reproj_new(const char *src, const char *dst);

/* Frees the handle and its PROJ contexts. NULL is fine. */
void reproj_free(reproj *r);

/* Like reproj_new, but takes the transformation from a small process-wide
 * cache when one for the same src and dst is idle there (building a PROJ
 * transformation costs 20-50 ms of database queries; reusing it costs
 * nothing). The caller has the handle to itself until it gives it back
 * with reproj_release (never reproj_free). Thread-safe. */
reproj *reproj_acquire(const char *src, const char *dst);

/* Gives a handle from reproj_acquire back to the cache (the least recently
 * used idle entry is freed when the cache is full). NULL is fine. */
void reproj_release(reproj *r);

/* Frees every idle cached transformation. Handles still acquired are not
 * affected. */
void reproj_cache_clear(void);

/* 1 when the transformation does nothing (same source and target CRS). */
int reproj_is_identity(const reproj *r);

/* Transforms n points of xy (x0,y0,x1,y1,...) in place. Returns 0 when every
 * point was transformed; otherwise -1 with ERR_PROJ set naming the first
 * point (0-based index and coordinates) that could not be transformed. n may
 * be 0 (xy may then be NULL). */
int reproj_apply(reproj *r, double *xy, size_t n);

/* Like reproj_apply but sets no error: points that cannot be transformed
 * become HUGE_VAL (infinite). Returns the number of such points and stores
 * the index of the first one in *first_bad (when non-NULL and any failed).
 * For callers that report the failure themselves. */
size_t reproj_apply_raw(reproj *r, double *xy, size_t n, size_t *first_bad);

/* Sets how many threads reproj_apply may use for large arrays (1 or 2; other
 * values are clamped; 0 = the default: two when threads_count() allows two).
 * Exposed for the benchmark and tests. */
void reproj_set_threads(reproj *r, int nthreads);

/* The canonical name of a CRS: "EPSG:nnnn" when PROJ can identify it with
 * an EPSG code, otherwise its WKT2 text. Returns a malloc'd string the
 * caller frees, or NULL with ERR_PROJ / ERR_MEMORY set. */
char *reproj_crs_name(const char *crs);

#endif
