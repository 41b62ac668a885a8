/* run_compare_plots.c - the pictures of `compare`: per indicator a ranked
 * bar chart of the gemeenten and a strip chart of their units' values
 * (charts/, 60 gemeenten a page, each page as tall as its rows), small
 * multiples per map (small_multiples/), and one comparison sheet per
 * gemeente with its ranks and peers (<GMcode>/vergelijking.pdf). */
#include "run_compare_int.h"

#include "chart.h"
#include "draw.h"
#include "err.h"
#include "map.h"
#include "mem.h"
#include "numfmt.h"
#include "pal.h"
#include "present.h"
#include "sheet.h"
#include "threads.h"

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
    if (!g->ok)
        return present_word(present_lang(x->r), PW_RUN_FAILED);
    return present_miss(present_lang(x->r), (miss_reason)g->m[k],
                        PRESENT_SHORT, x->ind[k]->min_base.label.s);
}

/* Renders pages of PER_PAGE gemeenten of one chart (rank or strip). */
static int chart_pages(cmp_ctx *x, size_t k, const size_t *order, int strip,
                       const char *dir)
{
    const rcp_indicator *ri = x->ind[k];
    numfmt_lang lang = present_lang(x->r);
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
        uint8_t miss[PER_PAGE], partial[PER_PAGE];
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
            partial[j] = g->ok && !miss[j] && g->partial[k];
            why[j] = why_text(x, g, k);
            sv[j] = g->ok ? g->uv + k * g->n_units : NULL;
            sm[j] = g->ok ? g->um + k * g->n_units : NULL;
            sn[j] = g->ok ? g->n_units : 0;
        }
        char title[400], sub[400], ref_label[400], prov[256], v[96];
        snprintf(title, sizeof title, "%s", ri->label.s ? ri->label.s : ri->name.s);
        if (strip)
            snprintf(sub, sizeof sub, "%s · %s %s%s%s%s",
                     x->selection, present_word(lang, PW_STRIP_SUBTITLE),
                     present_level(lang, x->unit_level, 1), ri->unit.s ? " · " : "",
                     ri->unit.s ? ri->unit.s : "", "");
        else
            snprintf(sub, sizeof sub, "%s · %s%s%s", x->selection,
                     present_word(lang, PW_BY_RANK),
                     ri->unit.s ? " · " : "", ri->unit.s ? ri->unit.s : "");
        if (pages > 1) {
            size_t u = strlen(sub);
            snprintf(sub + u, sizeof sub - u, " · %s %zu/%zu",
                     present_word(lang, PW_PAGE), p + 1, pages);
        }
        present_provenance(lang, x->r->name.s, x->recipe_sha, x->created,
                           prov, sizeof prov);
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
        s.partial = partial;
        s.partial_note = present_word(lang, PW_COVERAGE_NOTE);
        s.n = m;
        s.dots = strip;
        s.sort = CHART_SORT_NONE;
        if (!x->sel_m[k]) {
            numfmt_unit(x->sel_v[k], ri->decimals.v >= 0 ? (int)ri->decimals.v
                                                         : numfmt_auto_decimals(x->sel_v[k]),
                        ri->unit.s, lang, v, sizeof v);
            snprintf(ref_label, sizeof ref_label, "%s: %s", x->selection, v);
            s.has_ref = 1;
            s.ref = x->sel_v[k];
            s.ref_label = ref_label;
        }
        s.source_line = x->source_line;
        s.provenance = prov;
        s.language = present_lang_code(lang);
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
                     strip ? "strip" : present_word(lang, PW_FILE_RANK), pg, ext[f]);
            rc = chart_render(&s, path, f ? PAGE_PDF : PAGE_PNG);
        }
    }
    return rc;
}

/* Task: the rank (strip 0) or strip (strip 1) chart pages of indicator k. */
static int charts_one(cmp_ctx *x, size_t k, int strip, const char *dir)
{
    size_t *order = mem_alloc(x->n_gm * sizeof *order);
    if (!order)
        return err_oom("charts");
    for (size_t a = 0; a < x->n_gm; a++)
        order[a] = a;
    sort_x = x;
    sort_k = k;
    qsort(order, x->n_gm, sizeof *order, by_value);
    int rc = chart_pages(x, k, order, strip, dir);
    mem_free(order);
    return rc;
}

static size_t ind_index(const cmp_ctx *x, const char *name)
{
    for (size_t k = 0; k < x->n_ind; k++)
        if (!strcmp(x->ind[k]->name.s, name))
            return k;
    return 0;
}

/* One small-multiples PDF for recipe map mi: every gemeente's units in the
 * classes of the whole selection. */
static int multiples_one(cmp_ctx *x, size_t mi, const char *dir)
{
    const rcp_map *m = &x->r->maps[mi];
    const cls_result *cr = &x->cls[mi];
    const run_source *gs = &x->shared.src[x->shared.geom_src];
    size_t k = ind_index(x, m->indicator.s), nrows = tbl_nrows(gs->t);
    const rcp_indicator *ri = x->ind[k];
    numfmt_lang lang = present_lang(x->r);
    pal_rgb col[CLS_K_MAX];
    const pal_scheme *sc = m->palette.s ? pal_find(m->palette.s) : pal_default_sequential();
    if (!sc || cr->k < 1 || pal_colors(sc, cr->k, col) < 0) {
        err_clear();
        sc = pal_default_sequential();
        if (pal_colors(sc, cr->k, col) < 0)
            return -1;
    }
    if (m->reverse.v)
        pal_reverse(col, cr->k);
    map_legend_entry legend[CLS_K_MAX + 1];
    char text[CLS_K_MAX + 1][96];
    memset(legend, 0, sizeof legend);
    int dec = ri->decimals.v >= 0 ? (int)ri->decimals.v
                                  : numfmt_breaks_decimals(cr->breaks, (size_t)cr->k + 1);
    for (int c = 0; c < cr->k; c++) {
        numfmt_range(cr->breaks[c], cr->breaks[c + 1], dec, ri->unit.s,
                     lang, text[c], sizeof text[c]);
        legend[c].label = text[c];
        legend[c].fill = draw_rgb_of(col[c]);
    }
    pal_rgb grey = pal_missing();
    snprintf(text[cr->k], sizeof text[0], "%s", present_word(lang, PW_NO_VALUE));
    legend[cr->k].label = text[cr->k];
    legend[cr->k].fill = draw_rgb_of(grey);
    legend[cr->k].hatch = 1;
    int *entry = mem_alloc((nrows ? nrows : 1) * sizeof *entry);
    size_t *off = mem_alloc((x->n_gm + 1) * sizeof *off);
    size_t total = 0;
    for (size_t a = 0; a < x->n_gm; a++)
        total += x->gm[a].ok ? x->gm[a].n_units : 0;
    int64_t *rows = mem_alloc((total ? total : 1) * sizeof *rows);
    const char **titles = mem_alloc(x->n_gm * sizeof *titles);
    if (!entry || !off || !rows || !titles) {
        MEM_FREE_ALL(entry, off, rows, titles);
        return err_oom("small multiples");
    }
    for (size_t r = 0; r < nrows; r++)
        entry[r] = -1;
    size_t np = 0, at = 0;
    for (size_t a = 0; a < x->n_gm; a++) {
        const cmp_gemeente *g = &x->gm[a];
        if (!g->ok || !g->urow)
            continue;
        off[np] = at;
        titles[np++] = g->name;
        for (size_t u = 0; u < g->n_units; u++) {
            size_t r = (size_t)g->urow[u];
            int c = g->um[k * g->n_units + u] ? -1
                    : cls_class_of(cr, g->uv[k * g->n_units + u]);
            entry[r] = c >= 0 ? c : cr->k;
            rows[at++] = (int64_t)r;
        }
    }
    off[np] = at;
    char title[300], sub[300], lt[300], prov[256], path[4600];
    snprintf(title, sizeof title, "%s", ri->label.s ? ri->label.s : ri->name.s);
    snprintf(sub, sizeof sub, "%s · %s %s %s", x->selection,
             present_level(lang, x->unit_level, 1), present_word(lang, PW_PER),
             present_level(lang, KEY_GEMEENTE, 0));
    snprintf(lt, sizeof lt, "%s%s%s%s", ri->label.s ? ri->label.s : ri->name.s,
             ri->unit.s ? " (" : "", ri->unit.s ? ri->unit.s : "", ri->unit.s ? ")" : "");
    present_provenance(lang, x->r->name.s, x->recipe_sha, x->created, prov,
                       sizeof prov);
    snprintf(path, sizeof path, "%s/%s.pdf", dir, m->name.s);
    map_multi_spec ms = {
        .geom = tbl_geom(gs->t),
        .entry = entry,
        .legend = legend,
        .n_legend = (size_t)cr->k + 1,
        .panel_off = off,
        .panel_rows = rows,
        .panel_title = titles,
        .n_panels = np,
        .title = title,
        .subtitle = sub,
        .legend_title = lt,
        .source_line = x->source_line,
        .provenance = prov,
        .language = present_lang_code(lang),
    };
    int rc = np ? map_multiples_render(&ms, path) : 0;
    MEM_FREE_ALL(entry, off, rows, titles);
    return rc;
}

/* The comparison sheet of gemeente a: its values beside the selection's
 * and its peers' mean, a dot strip of all gemeenten, its ranks and peers. */
static int sheet_one(cmp_ctx *x, size_t a)
{
    const cmp_gemeente *g = &x->gm[a];
    numfmt_lang lang = present_lang(x->r);
    size_t n = x->n_gm, nf = x->n_ind < SHEET_MAX_FIGURES ? x->n_ind : SHEET_MAX_FIGURES;
    sheet_figure fig[SHEET_MAX_FIGURES];
    double *all = mem_alloc((nf * n + 1) * sizeof *all);
    uint8_t *all_m = mem_alloc(nf * n + 1);
    char *rank_text = mem_alloc(nf * 200 + 1), *peer_text = mem_alloc(CMP_MAX_PEERS * 200 + 1);
    if (!all || !all_m || !rank_text || !peer_text) {
        MEM_FREE_ALL(all, all_m, rank_text, peer_text);
        return err_oom("gemeente sheet");
    }
    memset(fig, 0, sizeof fig);
    size_t ru = 0, pu = 0;
    rank_text[0] = peer_text[0] = '\0';
    size_t n_valid_total = 0;
    for (size_t k = 0; k < nf; k++) {
        const rcp_indicator *ri = x->ind[k];
        sheet_figure *f = &fig[k];
        f->label = ri->label.s ? ri->label.s : ri->name.s;
        f->unit = ri->unit.s;
        f->decimals = (int)ri->decimals.v;
        f->value = g->v[k];
        f->miss = g->m[k];
        f->miss_text = why_text(x, g, k);
        f->cmp[0] = x->sel_v[k];
        f->cmp_miss[0] = x->sel_m[k];
        double ps = 0;
        size_t pn = 0;
        for (size_t p = 0; p < g->n_peers; p++) {
            const cmp_gemeente *o = &x->gm[g->peers[p]];
            if (!o->m[k]) {
                ps += o->v[k];
                pn++;
            }
        }
        f->cmp[1] = pn ? ps / (double)pn : 0;
        f->cmp_miss[1] = pn ? 0 : MISS_EMPTY;
        f->n_cmp = g->n_peers ? 2 : 1;
        size_t nv = 0;
        for (size_t b = 0; b < n; b++) {
            all[k * n + b] = x->gm[b].ok ? x->gm[b].v[k] : 0;
            all_m[k * n + b] = x->gm[b].ok ? x->gm[b].m[k] : MISS_EMPTY;
            nv += x->gm[b].ok && !x->gm[b].m[k];
        }
        f->all = all + k * n;
        f->all_miss = all_m + k * n;
        f->n_all = n;
        f->higher_is = ri->higher_is.v == RCP_HIGHER_BETTER ? 1
                       : ri->higher_is.v == RCP_HIGHER_WORSE ? -1 : 0;
        int rk = x->rank[k * n + a];
        if (rk > 0)
            ru += (size_t)snprintf(rank_text + ru, 200, "%s: %d %s %zu\n", f->label, rk,
                                   present_word(lang, PW_OF), nv);
        n_valid_total = nv;
    }
    (void)n_valid_total;
    for (size_t p = 0; p < g->n_peers; p++) {
        char d[48];
        numfmt(g->peer_d[p], 2, lang, d, sizeof d);
        pu += (size_t)snprintf(peer_text + pu, 200, "%zu. %s: %s %s\n", p + 1,
                               x->gm[g->peers[p]].name, present_word(lang, PW_DISTANCE),
                               d);
    }
    if (!g->n_peers)
        snprintf(peer_text, 200, "%s", x->r->peers.n
                                           ? present_word(lang, PW_NO_PEERS_MISSING)
                                           : present_word(lang, PW_NO_PEERS_RECIPE));
    sheet_box box[2] = {{present_word(lang, PW_PEERS_BOX), peer_text},
                        {present_word(lang, PW_RANK_BOX), rank_text}};
    char parent[300], summary[400], prov[256], path[4600];
    snprintf(parent, sizeof parent, "%s", x->selection);
    snprintf(summary, sizeof summary, "%s %zu %s; %s",
             present_word(lang, PW_COMPARED_WITH), n - 1, present_level(lang, KEY_GEMEENTE, 1),
             present_word(lang, PW_PEERS_RULE));
    present_provenance(lang, x->r->name.s, x->recipe_sha, NULL, prov, sizeof prov);
    sheet_unit su;
    memset(&su, 0, sizeof su);
    su.code = g->code;
    su.name = g->name;
    su.parent_name = parent;
    su.level_name = present_level(lang, KEY_GEMEENTE, 0);
    su.summary = summary;
    su.figures = fig;
    su.n_figures = nf;
    su.cmp_labels[0] = present_word(lang, PW_SELECTION);
    su.cmp_labels[1] = present_word(lang, PW_PEERS);
    su.boxes = box;
    su.n_boxes = 2;
    su.highlight_row = -1;
    sheet_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.title = present_word(lang, PW_COMPARE_TITLE);
    doc.area_name = x->selection;
    doc.sources = x->source_line;
    doc.date = x->created;
    doc.provenance = prov;
    doc.language = present_lang_code(lang);
    snprintf(path, sizeof path, "%s/%s/%s.pdf", x->stage, g->code,
             present_word(lang, PW_FILE_COMPARISON));
    int rc = sheet_render_unit(&doc, &su, path);
    MEM_FREE_ALL(all, all_m, rank_text, peer_text);
    return rc;
}

/* The pictures are independent tasks: 2 chart sets per indicator, one
 * small-multiples PDF per map, one sheet per gemeente; worker threads take
 * them in order from a shared counter. The first error stops the rest. */
typedef struct {
    cmp_ctx *x;
    size_t n_charts, n_multi, n_tasks;
    char charts_dir[4300], multi_dir[4300];
    atomic_size_t next;
    atomic_int failed;
    err_info err;
    pthread_mutex_t lock;
} task_pool;

static int run_task(task_pool *p, size_t i)
{
    cmp_ctx *x = p->x;
    if (i < p->n_charts)
        return charts_one(x, i / 2, (int)(i % 2), p->charts_dir);
    i -= p->n_charts;
    if (i < p->n_multi) {
        if (multiples_one(x, i, p->multi_dir) < 0) {
            err_prefix("small multiples \"%s\"", x->r->maps[i].name.s);
            return -1;
        }
        return 0;
    }
    i -= p->n_multi;
    return x->gm[i].ok ? sheet_one(x, i) : 0;
}

static void *task_worker(void *arg)
{
    task_pool *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n_tasks || atomic_load(&p->failed))
            break;
        if (run_task(p, i) < 0) {
            pthread_mutex_lock(&p->lock);
            if (!atomic_load(&p->failed))
                p->err = *err_get();
            atomic_store(&p->failed, 1);
            pthread_mutex_unlock(&p->lock);
        }
    }
    return NULL;
}

int cmp_render_plots(cmp_ctx *x, int jobs)
{
    task_pool p;
    memset(&p, 0, sizeof p);
    p.x = x;
    p.n_charts = 2 * x->n_ind;
    p.n_multi = x->shared.geom_src >= 0 ? x->r->n_maps : 0;
    p.n_tasks = p.n_charts + p.n_multi + x->n_gm;
    snprintf(p.charts_dir, sizeof p.charts_dir, "%s/charts", x->stage);
    snprintf(p.multi_dir, sizeof p.multi_dir, "%s/small_multiples", x->stage);
    if (mkdir(p.charts_dir, 0777) != 0 ||
        (p.n_multi && mkdir(p.multi_dir, 0777) != 0)) {
        err_set(ERR_IO, p.n_multi ? p.multi_dir : p.charts_dir, 0, NULL,
                "cannot create the folder");
        return -1;
    }
    atomic_init(&p.next, 0);
    atomic_init(&p.failed, 0);
    pthread_mutex_init(&p.lock, NULL);
    int nt = jobs < 1 ? 1 : jobs;
    threads_run(task_worker, &p, 0, nt, nt);
    pthread_mutex_destroy(&p.lock);
    if (atomic_load(&p.failed)) {
        err_restore(&p.err);
        return -1;
    }
    return 0;
}
