/* recagg.c - records and distinct households per unit; see recagg.h. */
#include "recagg.h"

#include "err.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    int32_t unit;
    int64_t hh;
    double w;
} hh_part;

static int by_unit_hh(const void *a, const void *b)
{
    const hh_part *p = a, *q = b;
    if (p->unit != q->unit)
        return p->unit < q->unit ? -1 : 1;
    if (p->hh != q->hh)
        return p->hh < q->hh ? -1 : 1;
    return 0;
}

int recagg_count(const recagg_input *in, size_t n_units, double *records,
                 double *households)
{
    memset(records, 0, (n_units ? n_units : 1) * sizeof *records);
    memset(households, 0, (n_units ? n_units : 1) * sizeof *households);
    size_t n_parts = in->off ? in->off[in->n_rec] : in->n_rec;
    for (size_t p = 0; p < n_parts; p++) {
        int32_t u = in->unit[p];
        if (u >= 0 && (size_t)u < n_units)
            records[u] += in->w ? in->w[p] : 1.0;
    }
    if (!in->hh) {
        memcpy(households, records, (n_units ? n_units : 1) * sizeof *records);
        return 0;
    }
    hh_part *hp = mem_alloc((n_parts ? n_parts : 1) * sizeof *hp);
    if (!hp)
        return err_oom("household count");
    size_t m = 0;
    for (size_t r = 0; r < in->n_rec; r++) {
        size_t a = in->off ? in->off[r] : r;
        size_t b = in->off ? in->off[r + 1] : r + 1;
        for (size_t p = a; p < b; p++) {
            int32_t u = in->unit[p];
            if (u < 0 || (size_t)u >= n_units)
                continue;
            double w = in->w ? in->w[p] : 1.0;
            if (in->hh_ok && !in->hh_ok[r]) {
                households[u] += w; /* a household of its own */
                continue;
            }
            hp[m].unit = u;
            hp[m].hh = in->hh[r];
            hp[m].w = w;
            m++;
        }
    }
    qsort(hp, m, sizeof *hp, by_unit_hh);
    for (size_t k = 0; k < m;) {
        size_t e = k;
        double best = 0;
        while (e < m && hp[e].unit == hp[k].unit && hp[e].hh == hp[k].hh) {
            if (hp[e].w > best)
                best = hp[e].w;
            e++;
        }
        households[hp[k].unit] += best;
        k = e;
    }
    mem_free(hp);
    return 0;
}
