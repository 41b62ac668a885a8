/* run_comparisons.c - the `comparisons:` section of a run: one indicator
 * for every gemeente (or wijk, or unit) of the run side by side, sorted,
 * with the whole area's value as a reference line, written to
 * OUTDIR/<recipe>/charts/<name>.png and .pdf. */
#include "run_internal.h"

#include "chart.h"
#include "err.h"
#include "mem.h"
#include "numfmt.h"
#include "present.h"

#include <stdlib.h>
#include <string.h>

/* The result table at level l (the units' own table when l is the unit
 * level), or NULL. */
static const run_level *level_for(const run_ctx *c, key_level l)
{
    for (size_t k = 0; k < c->n_levels; k++)
        if (c->levels[k].level == l)
            return &c->levels[k];
    return NULL;
}

static int render_one(run_ctx *c, const rcp_comparison *cmp, const char *dir,
                      size_t idx)
{
    numfmt_lang lang = present_lang(c->r);
    int by = cmp->by.v;
    key_level l = by == RCP_LEVEL_AUTO ? KEY_GEMEENTE : rcp_level_key(by);
    const run_level *L = level_for(c, l);
    if (!L)
        return rcp_error_at(cmp->by.pos.line ? cmp->by.pos : cmp->indicator.pos,
                            ERR_RECIPE,
                            "comparison \"%s\" is by %s, but the run has no %s "
                            "level (its unit is %s)",
                            cmp->name.s, key_level_name(l), key_level_name(l),
                            key_level_name(c->unit_level));
    const tbl *t = L->result;
    size_t n = tbl_nrows(t);
    const tbl_col *names = tbl_col_by_name(t, "name");
    const tbl_col *vals = tbl_col_by_name(t, cmp->indicator.s);
    const run_indicator *ind = run_indicator_named(c, cmp->indicator.s);
    const char **labels = mem_alloc((n ? n : 1) * sizeof *labels);
    const char **why = mem_alloc((n ? n : 1) * sizeof *why);
    uint8_t *miss = mem_alloc(n ? n : 1);
    uint8_t *partial = mem_calloc(n ? n : 1, 1);
    if (!labels || !why || !miss || !partial) {
        MEM_FREE_ALL(labels, why, miss, partial);
        return err_oom("comparison");
    }
    /* rollup values that cover only part of their base get a mark */
    char cov_name[600];
    snprintf(cov_name, sizeof cov_name, "%s_dekking", cmp->indicator.s);
    const tbl_col *cov = L->level == c->unit_level ? NULL
                                                   : tbl_col_by_name(t, cov_name);
    for (size_t r = 0; cov && r < n; r++)
        partial[r] = !col_miss(cov, r) && cov->d[r] < 1 - 1e-12;
    for (size_t r = 0; r < n; r++) {
        labels[r] = col_str(names, r) ? col_str(names, r) : "";
        miss[r] = (uint8_t)col_miss(vals, r);
        why[r] = present_miss(lang, (miss_reason)miss[r], PRESENT_LONG,
                              ind->ri->min_base.label.s);
    }
    char title[320], sub[320], ref_label[200], src[600], prov[256];
    snprintf(title, sizeof title, "%s", present_label(ind->ri));
    snprintf(sub, sizeof sub, "%s · %s %s%s%s", c->r->title.s ? c->r->title.s : c->r->name.s,
             present_word(lang, PW_PER), present_level(lang, l, 0),
             ind->ri->unit.s ? " · " : "", ind->ri->unit.s ? ind->ri->unit.s : "");
    chart_spec spec;
    memset(&spec, 0, sizeof spec);
    const run_level *area = level_for(c, KEY_INVALID);
    if (area) {
        const tbl_col *a = tbl_col_by_name(area->result, cmp->indicator.s);
        if (a && col_miss(a, 0) == MISS_NONE) {
            char v[96];
            present_value(lang, ind->ri, a->d[0], v, sizeof v);
            snprintf(ref_label, sizeof ref_label, "%s: %s",
                     present_word(lang, PW_WHOLE_AREA), v);
            spec.has_ref = 1;
            spec.ref = a->d[0];
            spec.ref_label = ref_label;
        }
    }
    run_provenance(c, 1, prov, sizeof prov);
    spec.title = title;
    spec.subtitle = sub;
    spec.unit = ind->ri->unit.s;
    spec.decimals = (int)ind->ri->decimals.v;
    spec.labels = labels;
    spec.values = vals->d;
    spec.miss = miss;
    spec.miss_text = why;
    spec.n = n;
    spec.partial = partial;
    spec.partial_note = present_word(lang, PW_COVERAGE_NOTE);
    spec.dots = cmp->chart.v == RCP_DOT;
    spec.sort = cmp->sort.v == RCP_SORT_ASC    ? CHART_SORT_ASC
                : cmp->sort.v == RCP_SORT_NAME ? CHART_SORT_NAME
                : cmp->sort.v == RCP_SORT_NONE ? CHART_SORT_NONE
                                               : CHART_SORT_DESC;
    spec.source_line = src;
    spec.provenance = prov;
    spec.language = present_lang_code(lang);
    int rc = run_source_line(c, src, sizeof src);
    char kw[512];
    pdf_meta meta;
    run_pdf_meta(c, spec.title, cmp->indicator.s, kw, sizeof kw, &meta);
    spec.meta = &meta;
    double *ci[2] = {NULL, NULL};
    if (rc == 0)
        rc = run_reach_interval(c, ind, t, ci);
    if (rc == 0 && ci[0]) {
        spec.lower = ci[0];
        spec.upper = ci[1];
        spec.interval_label = run_reach_word(c, RUN_REACH_W_INTERVAL);
    }
    static const char *const ext[] = {"png", "pdf"};
    for (int f = 0; rc == 0 && f < 2; f++) {
        char path[8600];
        snprintf(path, sizeof path, "%s/%s.%s", dir, cmp->name.s, ext[f]);
        rc = chart_render(&spec, path, f == 0 ? PAGE_PNG : PAGE_PDF);
        if (rc == 0)
            snprintf(c->cmp_files[idx][f], sizeof c->cmp_files[idx][f], "charts/%s.%s",
                     cmp->name.s, ext[f]);
    }
    MEM_FREE_ALL(labels, why, miss, partial, ci[0], ci[1]);
    if (rc < 0)
        err_prefix("comparison \"%s\"", cmp->name.s);
    return rc;
}

int run_render_comparisons(run_ctx *c, const char *stage_dir)
{
    const rcp *r = c->r;
    if (r->n_comparisons == 0)
        return 0;
    char dir[4200];
    c->cmp_files = run_stage_begin(stage_dir, "charts", dir, sizeof dir,
                                   r->n_comparisons, sizeof *c->cmp_files,
                                   "comparisons");
    if (!c->cmp_files)
        return -1;
    for (size_t k = 0; k < r->n_comparisons; k++)
        if (render_one(c, &r->comparisons[k], dir, k) < 0)
            return -1;
    return 0;
}
