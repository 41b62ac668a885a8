/* rtree.c - packed STR R-tree for point queries; see rtree.h. */
#include "rtree.h"

#include "err.h"
#include "mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LEVELS 16

struct rtree {
    size_t n;                  /* items */
    int32_t *id;               /* item ids in tree order */
    double *box;               /* boxes of every level, level 0 = items */
    size_t lvl_off[MAX_LEVELS];/* first box of each level */
    size_t lvl_n[MAX_LEVELS];  /* boxes per level */
    int n_levels;
};

/* Item order while sorting: index and centre. */
typedef struct {
    double cx, cy;
    size_t k;
} sort_item;

static int by_cx(const void *a, const void *b)
{
    const sort_item *p = a, *q = b;
    if (p->cx != q->cx)
        return p->cx < q->cx ? -1 : 1;
    return p->k < q->k ? -1 : p->k > q->k;
}

static int by_cy(const void *a, const void *b)
{
    const sort_item *p = a, *q = b;
    if (p->cy != q->cy)
        return p->cy < q->cy ? -1 : 1;
    return p->k < q->k ? -1 : p->k > q->k;
}

void rtree_free(rtree *t)
{
    if (!t)
        return;
    MEM_FREE_ALL(t->id, t->box, t);
}

size_t rtree_size(const rtree *t)
{
    return t ? t->n : 0;
}

/* Number of boxes of all levels above n items (n items included). */
static size_t total_boxes(size_t n, int *levels)
{
    size_t total = n, m = n;
    int l = 1;
    while (m > 1 && l < MAX_LEVELS) {
        m = (m + RTREE_FANOUT - 1) / RTREE_FANOUT;
        total += m;
        l++;
    }
    *levels = l;
    return total;
}

rtree *rtree_build(const double *box, const int32_t *id, size_t n)
{
    rtree *t = mem_new(sizeof *t, "spatial index");
    if (!t)
        return NULL;
    size_t good = 0;
    for (size_t k = 0; k < n; k++)
        if (!isnan(box[4 * k]) && !isnan(box[4 * k + 1]) &&
            !isnan(box[4 * k + 2]) && !isnan(box[4 * k + 3]))
            good++;
    int levels;
    size_t total = total_boxes(good, &levels);
    sort_item *it = mem_alloc((good ? good : 1) * sizeof *it);
    t->id = mem_alloc((good ? good : 1) * sizeof *t->id);
    t->box = mem_alloc((total ? total : 1) * 4 * sizeof *t->box);
    if (!it || !t->id || !t->box) {
        mem_free(it);
        rtree_free(t);
        err_oom("spatial index");
        return NULL;
    }
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        const double *b = box + 4 * k;
        if (isnan(b[0]) || isnan(b[1]) || isnan(b[2]) || isnan(b[3]))
            continue;
        it[m].cx = 0.5 * (b[0] + b[2]);
        it[m].cy = 0.5 * (b[1] + b[3]);
        it[m].k = k;
        m++;
    }
    /* STR: vertical slices of about sqrt(leaves) leaves each, sorted by y */
    qsort(it, good, sizeof *it, by_cx);
    size_t leaves = (good + RTREE_FANOUT - 1) / RTREE_FANOUT;
    size_t slices = (size_t)ceil(sqrt((double)(leaves ? leaves : 1)));
    size_t per_slice = slices ? ((leaves + slices - 1) / slices) * RTREE_FANOUT
                              : good;
    if (per_slice == 0)
        per_slice = 1;
    for (size_t s = 0; s < good; s += per_slice)
        qsort(it + s, (good - s < per_slice ? good - s : per_slice), sizeof *it,
              by_cy);
    t->n = good;
    for (size_t k = 0; k < good; k++) {
        t->id[k] = id[it[k].k];
        memcpy(t->box + 4 * k, box + 4 * it[k].k, 4 * sizeof(double));
    }
    mem_free(it);
    /* upper levels: groups of RTREE_FANOUT consecutive boxes */
    t->n_levels = levels;
    t->lvl_off[0] = 0;
    t->lvl_n[0] = good;
    for (int l = 1; l < levels; l++) {
        size_t below = t->lvl_n[l - 1], off_below = t->lvl_off[l - 1];
        t->lvl_off[l] = off_below + below;
        t->lvl_n[l] = (below + RTREE_FANOUT - 1) / RTREE_FANOUT;
        for (size_t j = 0; j < t->lvl_n[l]; j++) {
            double *nb = t->box + 4 * (t->lvl_off[l] + j);
            nb[0] = nb[1] = INFINITY;
            nb[2] = nb[3] = -INFINITY;
            size_t a = j * RTREE_FANOUT;
            size_t b = a + RTREE_FANOUT < below ? a + RTREE_FANOUT : below;
            for (size_t c = a; c < b; c++) {
                const double *cb = t->box + 4 * (off_below + c);
                nb[0] = fmin(nb[0], cb[0]);
                nb[1] = fmin(nb[1], cb[1]);
                nb[2] = fmax(nb[2], cb[2]);
                nb[3] = fmax(nb[3], cb[3]);
            }
        }
    }
    return t;
}

size_t rtree_query_point(const rtree *t, double x, double y, int32_t *out,
                         size_t cap)
{
    if (!t || t->n == 0)
        return 0;
    /* depth-first with an explicit stack of (level, node) */
    struct {
        int l;
        size_t j;
    } stack[MAX_LEVELS * RTREE_FANOUT];
    size_t sp = 0, found = 0;
    int top = t->n_levels - 1;
    stack[sp].l = top;
    stack[sp].j = 0;
    sp++;
    while (sp > 0) {
        sp--;
        int l = stack[sp].l;
        size_t j = stack[sp].j;
        const double *b = t->box + 4 * (t->lvl_off[l] + j);
        if (x < b[0] || x > b[2] || y < b[1] || y > b[3])
            continue;
        if (l == 0) {
            if (found < cap)
                out[found] = t->id[j];
            found++;
            continue;
        }
        size_t below = t->lvl_n[l - 1];
        size_t a = j * RTREE_FANOUT;
        size_t e = a + RTREE_FANOUT < below ? a + RTREE_FANOUT : below;
        for (size_t c = e; c-- > a;) {
            stack[sp].l = l - 1;
            stack[sp].j = c;
            sp++;
        }
    }
    return found;
}
