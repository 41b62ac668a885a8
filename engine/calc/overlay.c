/* overlay.c - area overlay of two polygon layers with GEOS; see overlay.h.
 *
 * Everything GEOS goes through one reentrant context (the _r functions);
 * its messages are captured, not printed. GEOS allocates its own objects;
 * our arrays use mem_*. One `goto cleanup` exit frees both.
 */
#include "overlay.h"

#include "err.h"
#include "mem.h"

#include <geos_c.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* GEOS error handler: keeps the last message in the buffer it was given. */
static void geos_msg(const char *fmt, ...)
{
    (void)fmt; /* reported by the caller with its own words */
}

/* The polygons of row r of g as one GEOS geometry (MultiPolygon, or an
 * empty polygon when the row has none; rings with fewer than 4 points are
 * left out), repaired with MakeValid when GEOS finds it invalid (*repaired
 * counts that). NULL when GEOS fails. */
static GEOSGeometry *row_geom(GEOSContextHandle_t h, const tbl_col *g,
                              size_t r, size_t *repaired)
{
    uint64_t p0 = g->row_part[r], p1 = g->row_part[r + 1];
    size_t np = (size_t)(p1 - p0), made = 0;
    GEOSGeometry **polys = mem_alloc((np ? np : 1) * sizeof *polys);
    if (!polys)
        return NULL;
    for (uint64_t p = p0; p < p1; p++) {
        uint64_t r0 = g->part_ring[p], r1 = g->part_ring[p + 1];
        GEOSGeometry *shell = NULL;
        GEOSGeometry **holes = mem_alloc((r1 - r0 ? r1 - r0 : 1) * sizeof *holes);
        size_t nh = 0;
        if (!holes)
            break;
        for (uint64_t k = r0; k < r1; k++) {
            uint64_t a = g->ring_pt[k], b = g->ring_pt[k + 1];
            if (b - a < 4) {
                if (k == r0)
                    break; /* no shell: skip the part */
                continue;
            }
            GEOSCoordSequence *cs =
                GEOSCoordSeq_copyFromBuffer_r(h, g->xy + 2 * a,
                                              (unsigned)(b - a), 0, 0);
            GEOSGeometry *ring = cs ? GEOSGeom_createLinearRing_r(h, cs) : NULL;
            if (!ring)
                continue; /* not closed: leave it out */
            if (k == r0)
                shell = ring;
            else
                holes[nh++] = ring;
        }
        if (shell) {
            GEOSGeometry *poly = GEOSGeom_createPolygon_r(h, shell, holes,
                                                          (unsigned)nh);
            if (poly)
                polys[made++] = poly;
        } else {
            for (size_t k = 0; k < nh; k++)
                GEOSGeom_destroy_r(h, holes[k]);
        }
        mem_free(holes);
    }
    GEOSGeometry *geom =
        made ? GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys,
                                           (unsigned)made)
             : GEOSGeom_createEmptyPolygon_r(h);
    mem_free(polys);
    if (geom && made && GEOSisValid_r(h, geom) != 1) {
        GEOSGeometry *fixed = GEOSMakeValid_r(h, geom);
        GEOSGeom_destroy_r(h, geom);
        geom = fixed;
        (*repaired)++;
    }
    return geom;
}

/* Collects STRtree query hits (unit numbers + 1 stored as pointers). */
typedef struct {
    uint32_t *hits;
    size_t n, cap;
    int oom;
} hitlist;

static void on_hit(void *item, void *data)
{
    hitlist *l = data;
    if (l->oom)
        return;
    if (mem_grow(&l->hits, &l->cap, l->n + 1, sizeof *l->hits,
                 "overlay") < 0) {
        l->oom = 1;
        return;
    }
    l->hits[l->n++] = (uint32_t)((uintptr_t)item - 1);
}

/* Appends a pair to out (growing its arrays). -1 on OOM. */
static int add_pair(overlay_result *o, size_t *cap, uint32_t u, uint32_t s,
                    double a)
{
    if (o->n_pairs == *cap) {
        /* three parallel arrays of one capacity: each grows from *cap */
        size_t cu = *cap, cs = *cap, ca = *cap, need = o->n_pairs + 1;
        if (mem_grow(&o->unit, &cu, need, sizeof *o->unit, "overlay") < 0 ||
            mem_grow(&o->src, &cs, need, sizeof *o->src, "overlay") < 0 ||
            mem_grow(&o->area, &ca, need, sizeof *o->area, "overlay") < 0)
            return -1;
        *cap = cu;
    }
    o->unit[o->n_pairs] = u;
    o->src[o->n_pairs] = s;
    o->area[o->n_pairs] = a;
    o->n_pairs++;
    return 0;
}

void overlay_free(overlay_result *o)
{
    if (!o)
        return;
    MEM_FREE_ALL(o->unit, o->src, o->area, o->unit_area, o->src_area,
                 o->covered, o->pt_pair, o->pt_src);
    memset(o, 0, sizeof *o);
}

/* Point weights; see overlay.h. The pairs of each source row are listed
 * once (CSR over the source rows), so finding a point's pair scans only
 * the few pairs of its source row. */
int overlay_point_weights(overlay_result *o, const int32_t *unit_of,
                          const int32_t *src_of, size_t n_points)
{
    size_t ns = o->n_src, np = o->n_pairs;
    double *pp = mem_calloc(np ? np : 1, sizeof *pp);
    double *ps = mem_calloc(ns ? ns : 1, sizeof *ps);
    size_t *off = mem_calloc(ns + 1, sizeof *off);
    size_t *idx = mem_alloc((np ? np : 1) * sizeof *idx);
    if (!pp || !ps || !off || !idx) {
        MEM_FREE_ALL(pp, ps, off, idx);
        return err_oom("overlay point weights");
    }
    for (size_t k = 0; k < np; k++)
        off[o->src[k] + 1]++;
    for (size_t r = 0; r < ns; r++)
        off[r + 1] += off[r];
    for (size_t k = 0; k < np; k++) /* off[r] walks to the end of row r */
        idx[off[o->src[k]]++] = k;
    for (size_t r = ns; r > 0; r--) /* back to the starts */
        off[r] = off[r - 1];
    off[0] = 0;
    for (size_t i = 0; i < n_points; i++) {
        int32_t r = src_of[i], u = unit_of[i];
        if (r < 0 || (size_t)r >= ns)
            continue;
        ps[r] += 1;
        if (u < 0)
            continue;
        for (size_t q = off[r]; q < off[r + 1]; q++)
            if (o->unit[idx[q]] == (uint32_t)u) {
                pp[idx[q]] += 1;
                break;
            }
    }
    MEM_FREE_ALL(off, idx, o->pt_pair, o->pt_src);
    o->pt_pair = pp;
    o->pt_src = ps;
    return 0;
}

/* 1 when crs names a geographic (lon/lat) system we know of. */
static int is_lonlat(const char *crs)
{
    return crs && (!strcasecmp(crs, "EPSG:4326") || !strcasecmp(crs, "EPSG:4258") ||
                   !strcasecmp(crs, "OGC:CRS84"));
}

int overlay_areas(const tbl_col *ug, size_t n_units, const tbl_col *sg,
                  size_t n_src, const uint8_t *keep, const char *file,
                  const char *what, overlay_result *out)
{
    memset(out, 0, sizeof *out);
    const char *uc = ug->crs ? ug->crs : "", *sc = sg->crs ? sg->crs : "";
    if (strcmp(uc, sc) != 0) {
        err_set(ERR_JOIN, file, 0, NULL,
                "%s: an overlay needs both layers in one coordinate system, "
                "but the units are in %s and this source in %s; let both be "
                "reprojected (remove crs: from the recipe or give one "
                "projected CRS such as EPSG:28992)",
                what, *uc ? uc : "an unknown CRS", *sc ? sc : "an unknown CRS");
        return -1;
    }
    if (is_lonlat(uc)) {
        err_set(ERR_JOIN, file, 0, NULL,
                "%s: an overlay needs a projected coordinate system (areas in "
                "m2), not longitude/latitude (%s); use crs: EPSG:28992",
                what, uc);
        return -1;
    }
    GEOSContextHandle_t h = GEOS_init_r();
    GEOSGeometry **ugeo = NULL;
    const GEOSPreparedGeometry **uprep = NULL; /* per unit, made on demand */
    const GEOSPreparedGeometry *prep = NULL;
    GEOSGeometry *sgeo = NULL;
    GEOSSTRtree *tree = NULL;
    hitlist hl = {0};
    size_t cap = 0;
    int rc = -1;
    if (!h) {
        err_oom("GEOS");
        return -1;
    }
    GEOSContext_setErrorMessageHandler_r(h, (GEOSMessageHandler_r)geos_msg, NULL);
    GEOSContext_setNoticeMessageHandler_r(h, (GEOSMessageHandler_r)geos_msg, NULL);
    out->n_units = n_units;
    out->n_src = n_src;
    ugeo = mem_calloc(n_units ? n_units : 1, sizeof *ugeo);
    uprep = mem_calloc(n_units ? n_units : 1, sizeof *uprep);
    out->unit_area = mem_calloc(n_units ? n_units : 1, sizeof *out->unit_area);
    out->src_area = mem_calloc(n_src ? n_src : 1, sizeof *out->src_area);
    out->covered = mem_calloc(n_units ? n_units : 1, sizeof *out->covered);
    tree = GEOSSTRtree_create_r(h, 10);
    if (!ugeo || !uprep || !out->unit_area || !out->src_area || !out->covered ||
        !tree)
        goto oom;
    for (size_t u = 0; u < n_units; u++) {
        ugeo[u] = row_geom(h, ug, u, &out->repaired);
        if (!ugeo[u]) {
            err_set_feature(ERR_JOIN, file, (long)u + 1, NULL,
                            "%s: GEOS cannot build the polygon of unit %zu",
                            what, u + 1);
            goto cleanup;
        }
        if (GEOSArea_r(h, ugeo[u], &out->unit_area[u]) != 1)
            out->unit_area[u] = 0;
        if (!GEOSisEmpty_r(h, ugeo[u]))
            GEOSSTRtree_insert_r(h, tree, ugeo[u], (void *)(uintptr_t)(u + 1));
    }
    for (size_t r = 0; r < n_src; r++) {
        if (keep && !keep[r])
            continue;
        sgeo = row_geom(h, sg, r, &out->repaired);
        if (!sgeo) {
            err_set_feature(ERR_JOIN, file, (long)r + 1, NULL,
                            "%s: GEOS cannot build the polygon of this "
                            "feature", what);
            goto cleanup;
        }
        double sa = 0;
        if (GEOSisEmpty_r(h, sgeo) || GEOSArea_r(h, sgeo, &sa) != 1 || sa <= 0) {
            GEOSGeom_destroy_r(h, sgeo);
            sgeo = NULL;
            continue; /* no area to share out */
        }
        out->src_area[r] = sa;
        prep = GEOSPrepare_r(h, sgeo);
        if (!prep)
            goto oom;
        hl.n = 0;
        GEOSSTRtree_query_r(h, tree, sgeo, on_hit, &hl);
        if (hl.oom)
            goto oom;
        for (size_t k = 0; k < hl.n; k++) {
            uint32_t u = hl.hits[k];
            if (GEOSPreparedIntersects_r(h, prep, ugeo[u]) != 1)
                continue;
            double a;
            if (!uprep[u]) {
                uprep[u] = GEOSPrepare_r(h, ugeo[u]);
                if (!uprep[u])
                    goto oom;
            }
            if (GEOSPreparedContains_r(h, uprep[u], sgeo) == 1) {
                a = sa; /* the usual case: the old polygon lies inside */
            } else if (GEOSPreparedContains_r(h, prep, ugeo[u]) == 1) {
                a = out->unit_area[u];
            } else {
                GEOSGeometry *x = GEOSIntersection_r(h, sgeo, ugeo[u]);
                if (!x) {
                    err_set_feature(ERR_JOIN, file, (long)r + 1, NULL,
                                    "%s: GEOS cannot intersect this "
                                    "feature's polygon with unit %u",
                                    what, u + 1);
                    goto cleanup;
                }
                if (GEOSArea_r(h, x, &a) != 1)
                    a = 0;
                GEOSGeom_destroy_r(h, x);
            }
            if (a > 0 && add_pair(out, &cap, u, (uint32_t)r, a) < 0)
                goto oom;
        }
        GEOSPreparedGeom_destroy_r(h, prep);
        prep = NULL;
        GEOSGeom_destroy_r(h, sgeo);
        sgeo = NULL;
    }
    for (size_t k = 0; k < out->n_pairs; k++)
        out->covered[out->unit[k]] += out->area[k];
    for (size_t u = 0; u < n_units; u++) {
        double f = out->unit_area[u] > 0 ? out->covered[u] / out->unit_area[u]
                                         : 0;
        out->covered[u] = f > 1 ? 1 : f; /* overlapping source polygons */
    }
    rc = 0;
    goto cleanup;
oom:
    err_oom("overlay");
cleanup:
    if (prep)
        GEOSPreparedGeom_destroy_r(h, prep);
    if (sgeo)
        GEOSGeom_destroy_r(h, sgeo);
    if (tree)
        GEOSSTRtree_destroy_r(h, tree);
    for (size_t u = 0; uprep && u < n_units; u++)
        if (uprep[u])
            GEOSPreparedGeom_destroy_r(h, uprep[u]);
    mem_free(uprep);
    for (size_t u = 0; ugeo && u < n_units; u++)
        if (ugeo[u])
            GEOSGeom_destroy_r(h, ugeo[u]);
    mem_free(ugeo);
    mem_free(hl.hits);
    GEOS_finish_r(h);
    if (rc < 0)
        overlay_free(out);
    return rc;
}

int overlay_apportion(const overlay_result *o, const tbl_col *col, int count,
                      double *v, uint8_t *m)
{
    size_t n = o->n_units;
    for (size_t u = 0; u < n; u++) {
        v[u] = 0;
        m[u] = MISS_UNMATCHED;
    }
    double *wsum = mem_calloc(n ? n : 1, sizeof *wsum);
    uint8_t *first_miss = mem_calloc(n ? n : 1, 1);
    if (!wsum || !first_miss) {
        mem_free(wsum);
        mem_free(first_miss);
        return err_oom("overlay");
    }
    for (size_t k = 0; k < o->n_pairs; k++) {
        size_t u = o->unit[k], r = o->src[k];
        double sa = o->src_area[r];
        double share = sa > 0 ? o->area[k] / sa : 0;
        if (o->pt_src && o->pt_src[r] > 0) /* by points where it has any */
            share = o->pt_pair[k] / o->pt_src[r];
        miss_reason why = MISS_NONE;
        double x = col_num(col, r, &why);
        if (why != MISS_NONE) {
            if (!first_miss[u])
                first_miss[u] = (uint8_t)why;
            if (count && share > 0.001) {
                m[u] = (uint8_t)(why | 0x80); /* poisoned */
            }
            continue;
        }
        if (count) {
            if (m[u] & 0x80)
                continue;
            v[u] += x * share;
            m[u] = MISS_NONE;
        } else {
            v[u] += x * o->area[k];
            wsum[u] += o->area[k];
        }
    }
    for (size_t u = 0; u < n; u++) {
        if (count) {
            if (m[u] & 0x80)
                m[u] = (uint8_t)(m[u] & 0x7F);
            else if (m[u] == MISS_UNMATCHED && first_miss[u])
                m[u] = first_miss[u];
        } else if (wsum[u] > 0) {
            v[u] /= wsum[u];
            m[u] = MISS_NONE;
        } else if (first_miss[u]) {
            m[u] = first_miss[u];
        }
        if (m[u] != MISS_NONE)
            v[u] = 0;
    }
    mem_free(wsum);
    mem_free(first_miss);
    return 0;
}
