/* run_reach.c - the reach part of a run: for every reach indicator a funnel
 * plot (charts/<name>_funnel.png and .pdf) and its manifest entry; and the
 * view-model helpers other renderers use for reach (the Wilson interval of
 * a rate, the parts of a reach indicator).
 *
 * The funnel's centre is the area's rate, sum(reached) / sum(target) over
 * the units where both are valid (the same as the expression funnel() of
 * the <name>_funnel column and the area rollup); the limit curves are the
 * exact binomial limits of calc/reach.c at 240 denominators from 1 to the
 * largest target. Units whose rate is suppressed (min_base) or missing are
 * left out of the plot; units at position -2 are named.
 *
 * Every user-facing word of the reach outputs is in `words` below (NL/EN).
 */
#include "run_internal.h"

#include "chart_funnel.h"
#include "err.h"
#include "mem.h"
#include "numfmt.h"
#include "present.h"
#include "reach.h"
#include "sheet.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* ---- words (user-facing; keep together) ------------------------------- */

enum {
    W_SUBTITLE, W_X, W_Y, W_CENTRE, W_L95, W_L998, W_BELOW, W_INSIDE,
    W_NOTE, W_SOURCE, W_RECIPE, W_COUNT
};
static const char *const words[2][W_COUNT] = {
    {"%s · funnelplot per %s", "doelgroep (%s)", "bereik (%s)",
     "hele gebied: %s", "95%-grenzen", "99,8%-grenzen",
     "onder de 99,8%%-grens (%zu)", "buurt", 
     "Een punt buiten de grenzen wijkt meer af dan toeval bij deze "
     "doelgroepgrootte verklaart (exacte binomiale grenzen, Spiegelhalter "
     "2005). %zu van %zu %s in de grafiek; kleine doelgroepen zijn weggelaten.",
     "Bron: ", "recept"},
    {"%s · funnel plot per %s", "target group (%s)", "reach (%s)",
     "whole area: %s", "95% limits", "99.8% limits",
     "below the 99.8%% limit (%zu)", "unit",
     "A point outside the limits differs more than chance explains at this "
     "target size (exact binomial limits, Spiegelhalter 2005). %zu of %zu "
     "%s in the chart; small target groups are left out.",
     "Source: ", "recipe"},
};

/* Words other renderers use (run_reach_word), NL then EN. */
static const char *const shared_words[2][RUN_REACH_W_COUNT] = {
    {"lijn: 95%-interval (Wilson)", "%s van %s bereikt · nog %s niet bereikt", "gebied %s", "index",
     "funnelplot", "Bereik", "Waarom moeilijk bereikbaar (bijdrage per factor, z-scores)",
     "onder de 99,8%-grens: lager dan toeval verklaart",
     "onder de 95%-grens", "binnen de grenzen", "boven de 95%-grens",
     "boven de 99,8%-grens: hoger dan toeval verklaart", "nog niet bereikt"},
    {"line: 95% interval (Wilson)", "%s of %s reached · %s not yet reached", "area %s", "index",
     "funnel plot", "Reach", "Why hard to reach (contribution per factor, z-scores)",
     "below the 99.8% limit: lower than chance explains",
     "below the 95% limit", "inside the limits", "above the 95% limit",
     "above the 99.8% limit: higher than chance explains", "not yet reached"},
};

const char *run_reach_word(const run_ctx *c, int which)
{
    int en = c->r->language.v == RCP_EN;
    return (unsigned)which < RUN_REACH_W_COUNT ? shared_words[en][which] : "";
}

/* ---- helpers ------------------------------------------------------------ */

/* The run indicator called name, or NULL. */
static const run_indicator *find(const run_ctx *c, const char *name)
{
    for (size_t k = 0; k < c->n_ind; k++)
        if (!strcmp(c->ind[k].ri->name.s, name))
            return &c->ind[k];
    return NULL;
}

/* The part `suffix` of reach indicator parent (e.g. "_bereikt"), or NULL. */
const run_indicator *run_reach_part(const run_ctx *c, const char *parent,
                                    const char *suffix)
{
    char name[512];
    snprintf(name, sizeof name, "%s%s", parent, suffix);
    return find(c, name);
}

int run_reach_interval(const run_ctx *c, const run_indicator *ind,
                       const tbl *t, double *ci[2])
{
    ci[0] = ci[1] = NULL;
    if (ind->ri->part != RCP_PART_REACH_RATE)
        return 0;
    char name[2][512];
    snprintf(name[0], sizeof name[0], "%s_ci_onder", ind->ri->name.s);
    snprintf(name[1], sizeof name[1], "%s_ci_boven", ind->ri->name.s);
    const tbl_col *col[2] = {tbl_col_by_name(t, name[0]),
                             tbl_col_by_name(t, name[1])};
    if (!col[0] || !col[1])
        return 0;
    size_t n = tbl_nrows(t);
    (void)c;
    for (int k = 0; k < 2; k++) {
        ci[k] = mem_alloc((n ? n : 1) * sizeof *ci[k]);
        if (!ci[k]) {
            mem_free(ci[0]);
            ci[0] = ci[1] = NULL;
            return err_oom("intervals");
        }
        for (size_t r = 0; r < n; r++)
            ci[k][r] = col_miss(col[k], r) ? NAN : col[k]->d[r];
    }
    return 0;
}

/* Renders one funnel plot for reach indicator ind (its rate part). */
static int render_funnel(run_ctx *c, const run_indicator *ind,
                         const char *dir, size_t idx)
{
    int en = c->r->language.v == RCP_EN;
    const char *const *W = words[en];
    const char *name = ind->ri->name.s;
    const run_indicator *R = run_reach_part(c, name, "_bereikt");
    const run_indicator *T = run_reach_part(c, name, "_doelgroep");
    const run_indicator *F = run_reach_part(c, name, "_funnel");
    if (!R || !T || !F) {
        err_set(ERR_RENDER, NULL, 0, NULL, "reach indicator \"%s\" lacks its "
                "parts", name);
        return -1;
    }
    size_t n = c->n_units;
    double sr = 0, st = 0;
    for (size_t u = 0; u < n; u++)
        if (!R->rm[u] && !T->rm[u]) {
            sr += R->rv[u];
            st += T->rv[u];
        }
    double theta = st > 0 ? sr / st : 0;
    double *base = mem_alloc((n ? n : 1) * sizeof *base);
    double *rate = mem_alloc((n ? n : 1) * sizeof *rate);
    uint8_t *shown = mem_calloc(n ? n : 1, 1);
    int8_t *pos = mem_calloc(n ? n : 1, 1);
    enum { NC = 240 };
    double *cb = mem_alloc(5 * NC * sizeof *cb);
    int rc = 0;
    if (!base || !rate || !shown || !pos || !cb) {
        rc = err_oom("funnel plot");
        goto done;
    }
    double xmax = 0;
    size_t n_shown = 0, n_below = 0;
    for (size_t u = 0; u < n; u++) {
        if (ind->m[u] || F->m[u] || T->rm[u] || T->rv[u] <= 0)
            continue;
        shown[u] = 1;
        base[u] = T->rv[u];
        rate[u] = ind->v[u];
        pos[u] = (int8_t)F->v[u];
        xmax = fmax(xmax, base[u]);
        n_shown++;
        n_below += pos[u] == -2;
    }
    c->funnels[idx].centre = 100 * theta;
    c->funnels[idx].n_shown = n_shown;
    c->funnels[idx].n_below = n_below;
    if (n_shown == 0 || theta <= 0 || theta >= 1)
        goto done; /* nothing to draw: the manifest says so */
    double *lo998 = cb + NC, *lo95 = cb + 2 * NC, *hi95 = cb + 3 * NC,
           *hi998 = cb + 4 * NC;
    for (int k = 0; k < NC; k++) {
        double f = (double)k / (NC - 1);
        cb[k] = fmax(1, xmax * 1.04 * f * f);
        if (reach_funnel_limits(theta, cb[k], REACH_FUNNEL_EXACT, &lo998[k],
                                &lo95[k], &hi95[k], &hi998[k]) < 0) {
            err_set(ERR_RENDER, NULL, 0, NULL, "funnel limits of \"%s\"", name);
            rc = -1;
            goto done;
        }
        lo998[k] *= 100;
        lo95[k] *= 100;
        hi95[k] *= 100;
        hi998[k] *= 100;
    }
    numfmt_lang lang = en ? NUMFMT_EN : NUMFMT_NL;
    char title[400], sub[400], xl[200], yl[200], centre[160], cval[64],
        below[120], note[600], src[800], prov[300];
    const char *unit = ind->ri->unit.s ? ind->ri->unit.s : "%";
    const char *tunit = T->ri->unit.s ? T->ri->unit.s
                        : en ? "count" : "aantal";
    snprintf(title, sizeof title, "%s",
             ind->ri->label.s ? ind->ri->label.s : name);
    snprintf(sub, sizeof sub, W[W_SUBTITLE],
             c->r->title.s ? c->r->title.s : c->r->name.s,
             key_level_name(c->unit_level));
    snprintf(xl, sizeof xl, W[W_X], tunit);
    snprintf(yl, sizeof yl, W[W_Y], unit);
    numfmt_unit(100 * theta, ind->ri->decimals.v >= 0 ? (int)ind->ri->decimals.v : 1,
                unit, lang, cval, sizeof cval);
    snprintf(centre, sizeof centre, W[W_CENTRE], cval);
    snprintf(below, sizeof below, W[W_BELOW], n_below);
    snprintf(note, sizeof note, W[W_NOTE], n_shown, n,
             key_level_plural(c->unit_level));
    size_t used = (size_t)snprintf(src, sizeof src, "%s", W[W_SOURCE]);
    for (size_t k = 0; k < c->n_src && used < sizeof src; k++) {
        const run_source *s = &c->src[k];
        const char *lab = s->rs->label.s ? s->rs->label.s : s->rs->path.s;
        used += (size_t)snprintf(src + used, sizeof src - used, "%s%s",
                                 k ? "; " : "", lab);
    }
    snprintf(prov, sizeof prov, "dnawijk %s · %s %s (sha %.8s) · %s",
             DNAWIJK_VERSION, W[W_RECIPE], c->r->name.s, c->recipe_sha,
             c->created);
    funnel_spec fs = {
        .title = title,
        .subtitle = sub,
        .x_label = xl,
        .y_label = yl,
        .unit = unit,
        .n = n,
        .base = base,
        .rate = rate,
        .shown = shown,
        .position = pos,
        .labels = (const char *const *)c->unit_names,
        .centre = 100 * theta,
        .n_curve = NC,
        .curve_base = cb,
        .lo998 = lo998,
        .lo95 = lo95,
        .hi95 = hi95,
        .hi998 = hi998,
        .centre_label = centre,
        .l95_label = W[W_L95],
        .l998_label = W[W_L998],
        .below_label = below,
        .inside_label = NULL,
        .note = note,
        .source_line = src,
        .provenance = prov,
        .language = en ? "en" : "nl",
    };
    char kw[512];
    pdf_meta meta;
    run_pdf_meta(c, fs.title, name, kw, sizeof kw, &meta);
    fs.meta = &meta; /* the run's date, not the clock: reproducible PDFs */
    static const char *const ext[] = {"png", "pdf"};
    for (int f = 0; rc == 0 && f < 2; f++) {
        char path[8600];
        snprintf(path, sizeof path, "%s/%s_funnel.%s", dir, name, ext[f]);
        rc = chart_funnel_render(&fs, path, f == 0 ? PAGE_PNG : PAGE_PDF);
        if (rc == 0)
            snprintf(c->funnels[idx].files[f], sizeof c->funnels[idx].files[f],
                     "charts/%s_funnel.%s", name, ext[f]);
    }
    if (rc < 0)
        err_prefix("funnel plot of \"%s\"", name);
done:
    MEM_FREE_ALL(base, rate, shown, pos, cb);
    return rc;
}

int run_render_funnels(run_ctx *c, const char *stage_dir)
{
    size_t n = 0;
    for (size_t k = 0; k < c->n_ind; k++)
        n += c->ind[k].ri->part == RCP_PART_REACH_RATE;
    if (n == 0)
        return 0;
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/charts", stage_dir);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        err_set(ERR_IO, dir, 0, NULL, "cannot create the folder");
        return -1;
    }
    c->funnels = mem_calloc(n, sizeof *c->funnels);
    if (!c->funnels)
        return err_oom("funnel plots");
    for (size_t k = 0; k < c->n_ind; k++) {
        const run_indicator *ind = &c->ind[k];
        if (ind->ri->part != RCP_PART_REACH_RATE)
            continue;
        c->funnels[c->n_funnels].indicator = ind->ri->name.s;
        if (render_funnel(c, ind, dir, c->n_funnels++) < 0)
            return -1;
    }
    return 0;
}

/* ---- the reach section of the fact sheets ------------------------------ */

void run_reach_sheet_free(run_reach_sheet *rs)
{
    MEM_FREE_ALL(rs->rows, rs->why, rs->counts, rs->area, rs->flabels, rs->fval,
                 rs->fmiss);
    memset(rs, 0, sizeof *rs);
}

/* The text of a missing value of ind (its min_base label when suppressed). */
static const char *why_missing(const run_ctx *c, const run_indicator *ind,
                               uint8_t why)
{
    return present_miss(present_lang(c->r), (miss_reason)why, PRESENT_SHORT,
                        ind->ri->min_base.label.s);
}

int run_reach_sheet_build(const run_ctx *c, const rcp_factsheet *fs,
                          run_reach_sheet *rs)
{
    memset(rs, 0, sizeof *rs);
    size_t n = c->n_units, nr = fs->reach.n;
    const run_indicator *idx = fs->hard_to_reach.s ? find(c, fs->hard_to_reach.s)
                                                   : NULL;
    size_t nf = 0;
    for (size_t k = 0; idx && k < c->n_ind; k++)
        nf += c->ind[k].ri->part == RCP_PART_INDEX_FACTOR &&
              !strcmp(c->ind[k].ri->part_of, idx->ri->name.s);
    if (nr == 0 && !idx)
        return 0;
    rs->n_reach = nr;
    rs->n_factors = nf;
    sheet_reach_row *rows = mem_calloc((n ? n : 1) * (nr ? nr : 1), sizeof *rows);
    sheet_reach_why *why = idx ? mem_calloc(n ? n : 1, sizeof *why) : NULL;
    rs->rows = rows;
    rs->why = why;
    rs->counts = mem_calloc((n ? n : 1) * (nr ? nr : 1), sizeof *rs->counts);
    rs->area = mem_calloc(nr ? nr : 1, sizeof *rs->area);
    rs->flabels = mem_calloc(nf ? nf : 1, sizeof *rs->flabels);
    rs->fval = mem_calloc((n ? n : 1) * (nf ? nf : 1), sizeof *rs->fval);
    rs->fmiss = mem_calloc((n ? n : 1) * (nf ? nf : 1), 1);
    if (!rows || (idx && !why) || !rs->counts || !rs->area || !rs->flabels ||
        !rs->fval || !rs->fmiss) {
        run_reach_sheet_free(rs);
        return err_oom("reach section");
    }
    int en = c->r->language.v == RCP_EN;
    numfmt_lang lang = en ? NUMFMT_EN : NUMFMT_NL;
    const run_level *area = c->n_levels ? &c->levels[c->n_levels - 1] : NULL;
    for (size_t j = 0; j < nr; j++) {
        const run_indicator *ind = find(c, fs->reach.s[j]);
        const run_indicator *R = run_reach_part(c, ind->ri->name.s, "_bereikt");
        const run_indicator *T = run_reach_part(c, ind->ri->name.s, "_doelgroep");
        const run_indicator *G = run_reach_part(c, ind->ri->name.s, "_gat");
        const run_indicator *L = run_reach_part(c, ind->ri->name.s, "_ci_onder");
        const run_indicator *H = run_reach_part(c, ind->ri->name.s, "_ci_boven");
        const run_indicator *F = run_reach_part(c, ind->ri->name.s, "_funnel");
        double av = 0;
        uint8_t am = MISS_EMPTY;
        if (area && area->level == KEY_INVALID) {
            const tbl_col *col = tbl_col_by_name(area->result, ind->ri->name.s);
            if (col && !col_miss(col, 0)) {
                av = col->d[0];
                am = 0;
            }
        }
        int dec = ind->ri->decimals.v >= 0 ? (int)ind->ri->decimals.v : 1;
        char v[64];
        numfmt_unit(av, dec, ind->ri->unit.s, lang, v, sizeof v);
        snprintf(rs->area[j], sizeof rs->area[j], shared_words[en][RUN_REACH_W_AREA], v);
        for (size_t u = 0; u < n; u++) {
            sheet_reach_row *q = &rows[u * nr + j];
            q->label = ind->ri->label.s ? ind->ri->label.s : ind->ri->name.s;
            q->unit = ind->ri->unit.s;
            q->decimals = dec;
            if (!R->m[u] && !T->m[u] && !G->m[u]) {
                char a[48], b[48], g[48];
                numfmt(R->v[u], 0, lang, a, sizeof a);
                numfmt(T->v[u], 0, lang, b, sizeof b);
                numfmt(G->v[u], 0, lang, g, sizeof g);
                snprintf(rs->counts[u * nr + j], sizeof rs->counts[0],
                         shared_words[en][RUN_REACH_W_COUNTS], a, b, g);
                q->counts = rs->counts[u * nr + j];
            }
            q->rate = ind->v[u];
            q->miss = ind->m[u] || L->m[u] || H->m[u];
            q->lo = L->v[u];
            q->hi = H->v[u];
            if (q->miss)
                q->miss_text = why_missing(c, ind, ind->m[u] ? ind->m[u]
                                                  : L->m[u] ? L->m[u] : H->m[u]);
            q->area_rate = av;
            q->area_miss = am;
            q->area_label = rs->area[j];
            q->position = F->m[u] ? 99 : (int)F->v[u];
            q->position_text = F->m[u] ? NULL
                : shared_words[en][RUN_REACH_W_POS_0 + (int)F->v[u]];
        }
    }
    if (idx) {
        size_t f = 0;
        for (size_t k = 0; k < c->n_ind; k++) {
            const run_indicator *fi = &c->ind[k];
            if (fi->ri->part != RCP_PART_INDEX_FACTOR ||
                strcmp(fi->ri->part_of, idx->ri->name.s))
                continue;
            rs->flabels[f] = fi->ri->factor ? fi->ri->factor : fi->ri->name.s;
            for (size_t u = 0; u < n; u++) {
                rs->fval[u * nf + f] = fi->v[u];
                rs->fmiss[u * nf + f] = fi->m[u];
            }
            f++;
        }
        for (size_t u = 0; u < n; u++) {
            sheet_reach_why *w = &why[u];
            w->title = shared_words[en][RUN_REACH_W_WHY];
            w->labels = rs->flabels;
            w->values = rs->fval + u * nf;
            w->miss = rs->fmiss + u * nf;
            w->n = nf;
            w->total_label = idx->ri->label.s ? idx->ri->label.s
                                              : shared_words[en][RUN_REACH_W_INDEX];
            w->total = idx->v[u];
            w->total_miss = idx->m[u];
            w->miss_text = present_miss(lang, MISS_EMPTY, PRESENT_SHORT, NULL);
        }
    }
    return 0;
}

void run_reach_sheet_unit(const run_ctx *c, const run_reach_sheet *rs,
                          size_t u, void *unit)
{
    sheet_unit *su = unit;
    if (rs->n_reach == 0 && !rs->why)
        return;
    su->reach_title = shared_words[c->r->language.v == RCP_EN][RUN_REACH_W_SECTION];
    su->reach = (const sheet_reach_row *)rs->rows + u * rs->n_reach;
    su->n_reach = rs->n_reach;
    su->why = rs->why ? (const sheet_reach_why *)rs->why + u : NULL;
}
