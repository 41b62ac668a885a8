/* pip.c - point in polygon through a packed R-tree; see pip.h. */
#include "pip.h"

#include "err.h"
#include "mem.h"
#include "rtree.h"
#include "threads.h"

#include <math.h>
#include <string.h>

struct pip_index {
    const tbl_col *g;
    size_t nrows;
    rtree *tree;     /* one entry per part; id = part number */
    int32_t *part_row; /* row of each part */
};

void pip_free(pip_index *ix)
{
    if (!ix)
        return;
    rtree_free(ix->tree);
    MEM_FREE_ALL(ix->part_row, ix);
}

pip_index *pip_build(const tbl_col *g, size_t nrows)
{
    pip_index *ix = mem_new(sizeof *ix, "point index");
    if (!ix)
        return NULL;
    ix->g = g;
    ix->nrows = nrows;
    size_t np = (size_t)g->n_parts;
    double *box = mem_alloc((np ? np : 1) * 4 * sizeof *box);
    int32_t *id = mem_alloc((np ? np : 1) * sizeof *id);
    ix->part_row = mem_alloc((np ? np : 1) * sizeof *ix->part_row);
    if (!box || !id || !ix->part_row) {
        mem_free(box);
        mem_free(id);
        pip_free(ix);
        err_oom("point index");
        return NULL;
    }
    for (size_t r = 0; r < nrows; r++)
        for (uint64_t p = g->row_part[r]; p < g->row_part[r + 1]; p++) {
            ix->part_row[p] = (int32_t)r;
            id[p] = (int32_t)p;
            double *b = box + 4 * p;
            b[0] = b[1] = INFINITY;
            b[2] = b[3] = -INFINITY;
            /* the outer ring bounds the part */
            uint64_t ring = g->part_ring[p];
            if (ring >= g->part_ring[p + 1]) {
                b[0] = b[1] = b[2] = b[3] = NAN;
                continue;
            }
            for (uint64_t k = g->ring_pt[ring]; k < g->ring_pt[ring + 1]; k++) {
                double x = g->xy[2 * k], y = g->xy[2 * k + 1];
                b[0] = fmin(b[0], x);
                b[1] = fmin(b[1], y);
                b[2] = fmax(b[2], x);
                b[3] = fmax(b[3], y);
            }
            if (!(b[0] <= b[2]))
                b[0] = b[1] = b[2] = b[3] = NAN;
        }
    ix->tree = rtree_build(box, id, np);
    mem_free(box);
    mem_free(id);
    if (!ix->tree) {
        pip_free(ix);
        return NULL;
    }
    return ix;
}

/* Crossings of the ray from (px, py) to +x with the ring's edges, mod 2
 * (see pip.h for the rule). */
static int ring_odd(const double *xy, uint64_t a, uint64_t b, double px,
                    double py)
{
    int odd = 0;
    if (b <= a)
        return 0;
    uint64_t j = b - 1;
    for (uint64_t k = a; k < b; j = k++) {
        double x1 = xy[2 * j], y1 = xy[2 * j + 1];
        double x2 = xy[2 * k], y2 = xy[2 * k + 1];
        if ((y1 > py) == (y2 > py))
            continue;
        if (y1 > y2) { /* fixed order: the same edge gives the same x */
            double tx = x1, ty = y1;
            x1 = x2, y1 = y2, x2 = tx, y2 = ty;
        }
        double xint = x1 + (py - y1) * (x2 - x1) / (y2 - y1);
        if (px < xint)
            odd ^= 1;
    }
    return odd;
}

/* 1 when part p contains the point. */
static int part_contains(const tbl_col *g, uint64_t p, double x, double y)
{
    int odd = 0;
    for (uint64_t r = g->part_ring[p]; r < g->part_ring[p + 1]; r++)
        odd ^= ring_odd(g->xy, g->ring_pt[r], g->ring_pt[r + 1], x, y);
    return odd;
}

int pip_row_contains(const pip_index *ix, size_t r, double x, double y)
{
    const tbl_col *g = ix->g;
    for (uint64_t p = g->row_part[r]; p < g->row_part[r + 1]; p++)
        if (part_contains(g, p, x, y))
            return 1;
    return 0;
}

/* The row holding one point, or -1; cand is a scratch buffer of *cap ids
 * that grows when needed (mem_* owned by the caller). -2 on OOM. */
static int32_t locate_one(const pip_index *ix, double x, double y,
                          int32_t **cand, size_t *cap)
{
    if (!isfinite(x) || !isfinite(y))
        return -1;
    size_t nc = rtree_query_point(ix->tree, x, y, *cand, *cap);
    if (nc > *cap) {
        int32_t *more = mem_realloc(*cand, nc * sizeof *more);
        if (!more)
            return -2;
        *cand = more;
        *cap = nc;
        nc = rtree_query_point(ix->tree, x, y, *cand, *cap);
    }
    int32_t best = -1;
    for (size_t k = 0; k < nc; k++) {
        int32_t row = ix->part_row[(*cand)[k]];
        if (best >= 0 && row >= best)
            continue;
        if (part_contains(ix->g, (uint64_t)(*cand)[k], x, y))
            best = row;
    }
    return best;
}

typedef struct {
    const pip_index *ix;
    const double *xy;
    size_t a, b;
    int32_t *row;
    int failed;
} pip_job;

/* Locates points [a, b) of one job. */
static void *run_job(void *arg)
{
    pip_job *j = arg;
    size_t cap = 64;
    int32_t *cand = mem_alloc(cap * sizeof *cand);
    if (!cand) {
        j->failed = 1;
        return NULL;
    }
    for (size_t k = j->a; k < j->b; k++) {
        int32_t r = locate_one(j->ix, j->xy[2 * k], j->xy[2 * k + 1], &cand,
                               &cap);
        if (r == -2) {
            j->failed = 1;
            break;
        }
        j->row[k] = r;
    }
    mem_free(cand);
    return NULL;
}

int pip_locate(const pip_index *ix, const double *xy, size_t n,
               int32_t *row, int nthreads)
{
    if (nthreads < 1)
        nthreads = threads_count();
    if (n < 50000)
        nthreads = 1;
    if (nthreads > 8)
        nthreads = 8;
    pip_job jobs[8];
    for (int k = 0; k < nthreads; k++) {
        jobs[k].ix = ix;
        jobs[k].xy = xy;
        jobs[k].a = n * (size_t)k / (size_t)nthreads;
        jobs[k].b = n * (size_t)(k + 1) / (size_t)nthreads;
        jobs[k].row = row;
        jobs[k].failed = 0;
    }
    threads_run(run_job, jobs, sizeof *jobs, nthreads, nthreads);
    int failed = 0;
    for (int k = 0; k < nthreads; k++)
        failed |= jobs[k].failed;
    if (failed)
        return err_oom("point location");
    return 0;
}
