/* run_bivar.c - the view model of a bivariate map (maps: entry with
 * type: bivariate, x: and y:): both indicators in 3 classes each (by the
 * entry's method, quantile by default), cell 3 * y + x of Joshua Stevens'
 * pink-blue grid (map_bivar_colour), the "high x, low y" cell hatched so
 * that it stays visible in greyscale (put the need on x and the reach on
 * y: that cell is high need, low reach), one legend entry per missing
 * reason after the nine cells, and the class ranges of each axis as notes.
 * Every user-facing word is in `words` below.
 */
#include "run_internal.h"
#include "pal_vision.h"

#include "cls.h"
#include "err.h"
#include "map.h"
#include "mem.h"
#include "numfmt.h"
#include "pal.h"
#include "present.h"

#include <stdio.h>
#include <string.h>

static const char *const words[2][3] = {
    {"%s: klassen %s · %s · %s", "%s tegen %s", "%sGearceerd: %s hoog, %s laag"},
    {"%s: classes %s · %s · %s", "%s against %s", "%sHatched: %s high, %s low"},
};

static const run_indicator *ind_of(const run_ctx *c, const char *name)
{
    for (size_t k = 0; k < c->n_ind; k++)
        if (!strcmp(c->ind[k].ri->name.s, name))
            return &c->ind[k];
    return NULL;
}

/* Grid position 0..2 of class k of a classification with kk classes. */
static int grid_pos(int k, int kk)
{
    if (k < 0)
        return -1;
    if (kk <= 1)
        return 1;
    return kk == 3 ? k : (int)((2.0 * k) / (kk - 1) + 0.5);
}

static const char *label_of(const run_indicator *ind)
{
    return ind->ri->label.s ? ind->ri->label.s : ind->ri->name.s;
}

/* "label: classes a · b · c" into buf; the ranges a, b, c into r. */
static int axis_note(const run_ctx *c, const run_indicator *ind,
                     const cls_result *cr, char *buf, size_t size,
                     char r[3][96])
{
    int en = c->r->language.v == RCP_EN;
    numfmt_lang lang = en ? NUMFMT_EN : NUMFMT_NL;
    int dec = ind->ri->decimals.v >= 0 ? (int)ind->ri->decimals.v
                                       : numfmt_breaks_decimals(cr->breaks, (size_t)cr->k + 1);
    for (int k = 0; k < 3; k++)
        snprintf(r[k], 96, "–");
    for (int k = 0; k < cr->k && k < 3; k++)
        if (numfmt_range(cr->breaks[k], cr->breaks[k + 1], dec, ind->ri->unit.s,
                         lang, r[k], sizeof r[k]) < 0)
            return -1;
    snprintf(buf, size, words[en][0], label_of(ind), r[0], r[1], r[2]);
    return 0;
}

int run_bivar_legend(const run_ctx *c, const rcp_map *m, run_map_result *res,
                     map_legend_entry **legend, char (**text)[96],
                     size_t *n_legend, int **entry, char notes[2][400],
                     char *titles, size_t tsize)
{
    const run_indicator *X = ind_of(c, m->x.s), *Y = ind_of(c, m->y.s);
    cls_result *ycls = &res->cls;
    int en = c->r->language.v == RCP_EN;
    size_t n = c->n_units;
    cls_method meth = m->method.v == RCP_CLS_EQUAL ? CLS_EQUAL
                      : m->method.v == RCP_CLS_JENKS ? CLS_JENKS
                      : m->method.v == RCP_CLS_PRETTY ? CLS_PRETTY
                                                      : CLS_QUANTILE;
    cls_result xc;
    memset(&xc, 0, sizeof xc);
    if (cls_classify(X->v, X->m, n, meth, 3, NULL, 0, &xc) < 0)
        return run_error_here(m->x.pos, "map classification");
    if (cls_classify(Y->v, Y->m, n, meth, 3, NULL, 0, ycls) < 0) {
        cls_result_free(&xc);
        return run_error_here(m->y.pos, "map classification");
    }
    size_t cap = 9 + 2 * MISS_REASON_COUNT;
    *legend = mem_calloc(cap, sizeof **legend);
    *text = mem_calloc(cap, sizeof **text);
    *entry = mem_alloc((n ? n : 1) * sizeof **entry);
    int *kx = mem_alloc((n ? n : 1) * sizeof *kx);
    int *ky = mem_alloc((n ? n : 1) * sizeof *ky);
    res->ent_why = mem_calloc(cap, 1);
    int rc = 0;
    if (!*legend || !*text || !*entry || !kx || !ky || !res->ent_why) {
        rc = err_oom("bivariate legend");
        goto done;
    }
    for (int y = 0; y < 3; y++)
        for (int x = 0; x < 3; x++) {
            map_legend_entry *e = &(*legend)[3 * y + x];
            e->fill = map_bivar_colour(x, y);
            e->hatch = x == 2 && y == 0;
            snprintf((*text)[3 * y + x], sizeof (*text)[0], "%d/%d", x + 1, y + 1);
            e->label = (*text)[3 * y + x];
        }
    *n_legend = 9;
    cls_assign(&xc, X->v, X->m, n, kx);
    cls_assign(ycls, Y->v, Y->m, n, ky);
    /* missing entries: one per (indicator, reason) present */
    int reason_entry[2][MISS_REASON_COUNT];
    memset(reason_entry, -1, sizeof reason_entry);
    pal_rgb grey = pal_missing();
    for (size_t u = 0; u < n; u++) {
        int gx = grid_pos(kx[u], xc.k), gy = grid_pos(ky[u], ycls->k);
        if (!X->m[u] && !Y->m[u] && gx >= 0 && gy >= 0) {
            (*entry)[u] = 3 * gy + gx;
            (*legend)[3 * gy + gx].count++;
            continue;
        }
        int which = X->m[u] || gx < 0 ? 0 : 1;
        const run_indicator *I = which ? Y : X;
        miss_reason why = (miss_reason)I->m[u];
        if (why == MISS_NONE)
            why = MISS_INVALID;
        if (reason_entry[which][why] < 0) {
            size_t k = (*n_legend)++;
            reason_entry[which][why] = (int)k;
            res->ent_why[k] = (unsigned char)(why + (which ? 0 : 100));
            const char *lab = present_miss(present_lang(c->r), why,
                                           PRESENT_LONG,
                                           I->ri->min_base.label.s);
            snprintf((*text)[k], sizeof (*text)[0], "%.60s: %.30s", label_of(I), lab);
            (*legend)[k].label = (*text)[k];
            (*legend)[k].fill = (draw_rgb){grey.r / 255.0, grey.g / 255.0, grey.b / 255.0};
            (*legend)[k].hatch = (int)pal_miss_hatch(why, 0); /* one per reason */
        }
        (*entry)[u] = reason_entry[which][why];
        (*legend)[reason_entry[which][why]].count++;
    }
    if (axis_note(c, X, &xc, notes[0], 400, res->axis_range[0]) < 0 ||
        axis_note(c, Y, ycls, notes[1], 400, res->axis_range[1]) < 0) {
        rc = -1;
        goto done;
    }
    res->xk = xc.k;
    for (int k = 0; k <= xc.k && k < 4; k++)
        res->xbreaks[k] = xc.breaks[k];
    /* the class ranges by grid position (fewer than 3 classes leave gaps) */
    for (int a = 0; a < 2; a++) {
        int kk = a ? ycls->k : xc.k;
        char r[3][96];
        memcpy(r, res->axis_range[a], sizeof r);
        for (int p = 0; p < 3; p++) {
            res->pos_class[a][p] = -1;
            snprintf(res->axis_range[a][p], 96, "–");
        }
        for (int k = 0; k < kk && k < 3; k++) {
            int p = grid_pos(k, kk);
            res->pos_class[a][p] = k;
            memcpy(res->axis_range[a][p], r[k], 96);
        }
    }
    /* titles: the map title, the x and y axis titles and the legend title,
     * NUL-separated */
    {
        char t[4][400];
        snprintf(t[0], sizeof t[0], words[en][1], label_of(Y), label_of(X));
        snprintf(t[1], sizeof t[1], "%s%s%s%s", label_of(X),
                 X->ri->unit.s ? " (" : "", X->ri->unit.s ? X->ri->unit.s : "",
                 X->ri->unit.s ? ")" : "");
        snprintf(t[2], sizeof t[2], "%s%s%s%s", label_of(Y),
                 Y->ri->unit.s ? " (" : "", Y->ri->unit.s ? Y->ri->unit.s : "",
                 Y->ri->unit.s ? ")" : "");
        snprintf(t[3], sizeof t[3], words[en][2], "", label_of(X), label_of(Y));
        size_t at = 0;
        for (int k = 0; k < 4; k++) {
            int w = snprintf(titles + at, tsize - at, "%s", t[k]);
            at += (size_t)w + 1;
            if (at >= tsize) {
                err_set(ERR_RENDER, NULL, 0, NULL, "bivariate titles too long");
                rc = -1;
                goto done;
            }
        }
    }
done:
    cls_result_free(&xc);
    mem_free(kx);
    mem_free(ky);
    return rc;
}
