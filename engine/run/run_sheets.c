/* run_sheets.c - the `factsheets:` section of a run: one A4 page per unit
 * ("DNA van de wijk") with the chosen key figures beside the gemeente and
 * whole-area values and a dot strip of all units, small charts (age,
 * tenure, households or custom columns) where the data is there, a locator
 * map, and a combined PDF with a cover map and a table of contents. */
#include "run_internal.h"

#include "cls.h"
#include "err.h"
#include "mem.h"
#include "numfmt.h"
#include "pal.h"
#include "present.h"
#include "sheet.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A chart column: label and values per unit. */
typedef struct {
    const char *label;
    double *v;
    uint8_t *m;
} chart_col;

typedef struct {
    const char *title;
    chart_col cols[SHEET_MAX_BARS];
    size_t n;
    int part_of[SHEET_MAX_BARS]; /* per bar: the bar it is part of, or -1 */
    const char *rest_label;      /* the rest of a whole ("overige huur") */
} chart_data;

/* Evaluates `source.column` (or any expression text) per unit into new
 * arrays *v and *m (the caller frees them). Returns 0, or -1 with the error
 * set (the text does not compile, or out of memory). Built-in charts ask
 * find_in_sources first, so only data that is there is evaluated. */
static int eval_text(run_ctx *c, const char *text, double **v, uint8_t **m)
{
    rcp_str s;
    memset(&s, 0, sizeof s);
    s.s = (char *)text;
    expr_resolver res;
    run_resolver(c, &res);
    expr *e = run_compile(&s, &res);
    if (!e)
        return -1;
    *v = mem_alloc((c->n_units ? c->n_units : 1) * sizeof **v);
    *m = mem_alloc(c->n_units ? c->n_units : 1);
    int rc = (*v && *m) ? expr_eval(e, &res, c->n_units, *v, *m) : err_oom("chart");
    expr_free(e);
    if (rc < 0) {
        mem_free(*v);
        mem_free(*m);
        *v = NULL;
        *m = NULL;
    }
    return rc;
}

/* Finds a source that has column (or stable name) `name`; fills text with
 * "source.name". Returns 0 when found, 1 when no source has it, -1 with an
 * out-of-memory error set. */
static int find_in_sources(run_ctx *c, const char *name, char *text, size_t size)
{
    expr_resolver res;
    run_resolver(c, &res);
    int found = -1;
    err_freeze(); /* most sources lack the column */
    for (size_t k = 0; k < c->n_src && found < 0; k++) {
        expr_colref ref;
        memset(&ref, 0, sizeof ref);
        if (res.column(c, c->src[k].rs->name.s, name, &ref) == EXPR_RESOLVE_OK &&
            ref.type == EXPR_T_NUMBER) {
            snprintf(text, size, "%s.\"%s\"", c->src[k].rs->name.s, name);
            found = 0;
        }
    }
    if (err_thaw() < 0)
        return -1; /* out of memory while looking */
    return found < 0 ? 1 : 0;
}

/* The built-in charts: catalog stable names and their bar labels (ages
 * are numbers; other labels are words of present.h, PW_COUNT: none). */
static const struct {
    int type;
    present_word_id title;
    const char *cols[6];
    const char *ages[6];
    present_word_id words[6];
    int part_of[6];          /* column k is part of column part_of[k] (-1) */
    const char *alt[6];      /* another stable name of column k, or NULL */
    present_word_id rest;    /* the rest of a whole, PW_COUNT: none */
} builtin[] = {
    {RCP_CHART_AGE, PW_CHART_AGE,
     {"pct_0_14", "pct_15_24", "pct_25_44", "pct_45_64", "pct_65plus", NULL},
     {"0-15", "15-25", "25-45", "45-65", "65+", NULL},
     {PW_COUNT, PW_COUNT, PW_COUNT, PW_COUNT, PW_COUNT, PW_COUNT},
     {-1, -1, -1, -1, -1, -1}, {NULL}, PW_COUNT},
    /* corporatie is part of huur (issue 11 item 6): one stacked bar */
    {RCP_CHART_TENURE, PW_CHART_TENURE,
     {"pct_koop", "pct_huur", "pct_corporatie", NULL},
     {NULL},
     {PW_BAR_OWNER, PW_BAR_RENT, PW_BAR_CORPORATION, PW_COUNT},
     {-1, -1, 1, -1, -1, -1}, {NULL, NULL, "pct_huur_corporatie", NULL},
     PW_BAR_OTHER_RENT},
    {RCP_CHART_HOUSEHOLDS, PW_CHART_HOUSEHOLDS,
     {"pct_eenpersoonshh", "pct_hh_zonder_kind", "pct_hh_met_kind", NULL},
     {NULL},
     {PW_BAR_SINGLE, PW_BAR_NO_CHILDREN, PW_BAR_CHILDREN, PW_COUNT},
     {-1, -1, -1, -1, -1, -1}, {NULL}, PW_COUNT},
};

static int build_chart(run_ctx *c, const rcp_chart *rc, chart_data *cd)
{
    numfmt_lang lang = present_lang(c->r);
    memset(cd, 0, sizeof *cd);
    for (size_t k = 0; k < SHEET_MAX_BARS; k++)
        cd->part_of[k] = -1;
    if (rc->type.v == RCP_CHART_CUSTOM || rc->columns.n) {
        cd->title = rc->title.s ? rc->title.s : present_word(lang, PW_FIGURES);
        for (size_t k = 0; k < rc->columns.n && cd->n < SHEET_MAX_BARS; k++) {
            chart_col *col = &cd->cols[cd->n];
            const char *text = rc->columns.s[k];
            if (eval_text(c, text, &col->v, &col->m) < 0) {
                if (err_get() && err_get()->category == ERR_MEMORY)
                    return -1;
                return rcp_error_at(rc->columns.at[k], ERR_RECIPE,
                                    "chart column \"%s\" is not a column of "
                                    "a source (write source.column)", text);
            }
            const char *dot = strchr(text, '.');
            col->label = dot ? dot + 1 : text;
            cd->n++;
        }
        return 0;
    }
    for (size_t b = 0; b < sizeof builtin / sizeof builtin[0]; b++) {
        if (builtin[b].type != rc->type.v)
            continue;
        cd->title = rc->title.s ? rc->title.s : present_word(lang, builtin[b].title);
        int bar_of[6]; /* column k's bar, or -1 */
        for (int k = 0; builtin[b].cols[k]; k++) {
            char text[256];
            chart_col *col = &cd->cols[cd->n];
            bar_of[k] = -1;
            int missing = find_in_sources(c, builtin[b].cols[k], text, sizeof text);
            if (missing > 0 && builtin[b].alt[k])
                missing = find_in_sources(c, builtin[b].alt[k], text, sizeof text);
            if (missing < 0)
                return -1;
            if (missing)
                continue; /* the data has no such column: no bar */
            int whole = builtin[b].part_of[k];
            if (whole >= 0 && bar_of[whole] >= 0) {
                cd->part_of[cd->n] = bar_of[whole];
                cd->rest_label = present_word(lang, builtin[b].rest);
            }
            bar_of[k] = (int)cd->n;
            if (eval_text(c, text, &col->v, &col->m) < 0)
                return -1;
            col->label = builtin[b].ages[k] ? builtin[b].ages[k]
                                            : present_word(lang, builtin[b].words[k]);
            cd->n++;
        }
        if (cd->n == 0) { /* issue 11 item 4: no silent drop */
            char need[256] = "";
            for (int k = 0; builtin[b].cols[k]; k++) {
                size_t u = strlen(need);
                snprintf(need + u, sizeof need - u, "%s%s", k ? ", " : "",
                         builtin[b].cols[k]);
            }
            return rcp_error_at(rc->type.pos, ERR_RECIPE,
                                "chart %s needs the columns %s (by these "
                                "names or through a catalog) in a source, "
                                "but no source has any of them; use a "
                                "custom chart with columns: [...] or leave "
                                "it out",
                                present_word(NUMFMT_EN, builtin[b].title), need);
        }
    }
    return 0;
}

static void chart_free(chart_data *cd)
{
    for (size_t k = 0; k < cd->n; k++) {
        mem_free(cd->cols[k].v);
        mem_free(cd->cols[k].m);
    }
}

/* The short wording of a missing value of ind (NULL: a chart bar). */
static const char *miss_text(const run_ctx *c, const run_indicator *ind,
                             uint8_t why)
{
    return present_miss(present_lang(c->r), (miss_reason)why, PRESENT_SHORT,
                        ind ? ind->ri->min_base.label.s : NULL);
}

/* The text of box b for unit u: one "label: value" line per indicator,
 * missing values written as their reason. *text is malloc'd. */
static int box_text(const run_ctx *c, const rcp_box *b, size_t u,
                    sheet_box *out, char **text)
{
    numfmt_lang lang = present_lang(c->r);
    size_t cap = 256 * (b->indicators.n + 1), used = 0;
    char *t = mem_alloc(cap);
    if (!t)
        return err_oom("fact-sheet box");
    t[0] = '\0';
    for (size_t k = 0; k < b->indicators.n; k++) {
        const run_indicator *ind = run_indicator_named(c, b->indicators.s[k]);
        char val[96];
        if (ind->m[u])
            snprintf(val, sizeof val, "%s", miss_text(c, ind, ind->m[u]));
        else
            present_value(lang, ind->ri, ind->v[u], val, sizeof val);
        used += (size_t)snprintf(t + used, cap - used, "%s%s: %s",
                                 k ? "\n" : "", present_label(ind->ri), val);
        if (used >= cap)
            used = cap - 1;
    }
    *text = t;
    out->title = b->title.s;
    out->text = t;
    return 0;
}

/* Does ri roll up by summing (a count), so that its gemeente and area
 * figures are totals rather than values on the units' scale? */
static int rolls_up_by_sum(const run_indicator *ind)
{
    return ind->rule == ROLL_SUM;
}

/* The coverage notes of indicator name in level L: one per group, "" where
 * the group's value covers its whole base (or is missing), else
 * "dekking 86 %" (present_coverage). *out is a new array the caller frees.
 * Returns 0, or -1 with ERR_MEMORY set. */
static int coverage_notes(const run_ctx *c, const run_level *L,
                          const char *name, char (**out)[32])
{
    size_t ng = L->level == KEY_INVALID ? 1 : L->g.n_groups;
    *out = mem_calloc(ng ? ng : 1, sizeof **out);
    if (!*out)
        return err_oom("coverage notes");
    char cname[600];
    snprintf(cname, sizeof cname, "%s_dekking", name);
    const tbl_col *cov = tbl_col_by_name(L->result, cname);
    const tbl_col *val = tbl_col_by_name(L->result, name);
    for (size_t g = 0; cov && val && g < ng && g < tbl_nrows(L->result); g++)
        if (!col_miss(val, g) && !col_miss(cov, g) && cov->d[g] < 1 - 1e-12)
            present_coverage(present_lang(c->r), cov->d[g], (*out)[g],
                             sizeof (*out)[g]);
    return 0;
}

/* Value of an indicator in a rollup level's row, or missing. */
static void level_value(const run_level *L, const char *name, size_t row,
                        double *v, uint8_t *m)
{
    const tbl_col *col = tbl_col_by_name(L->result, name);
    *m = col ? (uint8_t)col_miss(col, row) : MISS_EMPTY;
    *v = col && !*m ? col->d[row] : 0;
}

static const run_level *level_at(const run_ctx *c, key_level l)
{
    for (size_t k = 1; k < c->n_levels; k++)
        if (c->levels[k].level == l)
            return &c->levels[k];
    return NULL;
}

/* Group row of unit u in level L. */
static size_t group_row(const run_level *L, size_t u)
{
    return L->g.group_of[u];
}

/* Name of unit u's group in level L ("" when unknown). */
static const char *group_name(const run_level *L, size_t u)
{
    const tbl_col *names = tbl_col_by_name(L->result, "name");
    size_t g = group_row(L, u);
    const char *s = names && g != SIZE_MAX ? col_str(names, g) : NULL;
    return s ? s : "";
}

/* A unit's place in the combined PDF: by gemeente, then wijk, then its
 * own code, so that each group is one run of pages under one heading of
 * the contents. */
typedef struct {
    const char *gm, *wk, *code;
    size_t u;
} unit_order;

static int unit_order_cmp(const void *pa, const void *pb)
{
    const unit_order *a = pa, *b = pb;
    int d = strcmp(a->gm, b->gm);
    if (!d)
        d = strcmp(a->wk, b->wk);
    if (!d)
        d = strcmp(a->code, b->code);
    return d ? d : (a->u > b->u) - (a->u < b->u);
}

/* Code of unit u's group in level L ("" when there is none). */
static const char *group_code(const run_level *L, size_t u)
{
    if (!L)
        return "";
    const tbl_col *codes = tbl_col_by_name(L->result, "code");
    size_t g = L->g.group_of[u];
    const char *s = codes && g != SIZE_MAX ? col_str(codes, g) : NULL;
    return s ? s : "";
}

/* The units of a combined PDF in its order (see unit_order) into *out, a
 * new array the caller frees. Returns 0, or -1 with ERR_MEMORY set. */
static int units_in_order(const run_ctx *c, const sheet_unit *units,
                          const run_level *gm, const run_level *wk,
                          sheet_unit **out)
{
    size_t n = c->n_units;
    unit_order *ord = mem_alloc((n ? n : 1) * sizeof *ord);
    *out = mem_alloc((n ? n : 1) * sizeof **out);
    if (!ord || !*out) {
        mem_free(ord);
        mem_free(*out);
        *out = NULL;
        return err_oom("the contents");
    }
    for (size_t u = 0; u < n; u++)
        ord[u] = (unit_order){group_code(gm, u), group_code(wk, u),
                              c->units[u], u};
    qsort(ord, n, sizeof *ord, unit_order_cmp);
    for (size_t k = 0; k < n; k++)
        (*out)[k] = units[ord[k].u];
    mem_free(ord);
    return 0;
}

typedef struct {
    sheet_unit *units;
    sheet_figure *figs;   /* n_units * n_fig */
    sheet_chart *charts;  /* n_units * n_charts */
    char (*parent)[256];
    chart_data *cdata;
    size_t n_charts;
    /* chart labels per chart (shared by all units) */
    const char *bar_labels[SHEET_MAX_CHARTS][SHEET_MAX_BARS];
    uint8_t *in_gm;       /* per gemeente group: n flags of its units */
    sheet_box *boxes;     /* n_units * SHEET_MAX_BOXES */
    char **box_text;      /* owned texts of the boxes */
    double *bar_values;   /* n_units * n_charts * SHEET_MAX_BARS */
    uint8_t *bar_miss;
    const char **bar_why; /* reason texts of missing bars */
    char (*cov[SHEET_MAX_FIGURES * SHEET_MAX_CMP])[32]; /* per figure and
                             comparison level: coverage notes per group */
} sheet_build;

static int render_factsheet(run_ctx *c, const rcp_factsheet *fs,
                            const char *stage_dir)
{
    const rcp *r = c->r;
    numfmt_lang lang = present_lang(r);
    size_t n = c->n_units;
    size_t n_fig = fs->n_figures ? fs->n_figures : c->n_ind;
    if (n_fig > SHEET_MAX_FIGURES)
        n_fig = SHEET_MAX_FIGURES;
    sheet_build sb;
    memset(&sb, 0, sizeof sb);
    sb.units = mem_calloc(n ? n : 1, sizeof *sb.units);
    sb.figs = mem_calloc((n ? n : 1) * (n_fig ? n_fig : 1), sizeof *sb.figs);
    sb.parent = mem_calloc(n ? n : 1, sizeof *sb.parent);
    sb.n_charts = fs->n_charts > SHEET_MAX_CHARTS ? SHEET_MAX_CHARTS : fs->n_charts;
    sb.cdata = mem_calloc(sb.n_charts ? sb.n_charts : 1, sizeof *sb.cdata);
    sb.charts = mem_calloc((n ? n : 1) * (sb.n_charts ? sb.n_charts : 1), sizeof *sb.charts);
    sb.bar_values = mem_calloc((n ? n : 1) * (sb.n_charts ? sb.n_charts : 1) * SHEET_MAX_BARS,
                           sizeof *sb.bar_values);
    sb.bar_why = mem_calloc((n ? n : 1) * (sb.n_charts ? sb.n_charts : 1) * SHEET_MAX_BARS,
                        sizeof *sb.bar_why);
    sb.bar_miss = mem_calloc((n ? n : 1) * (sb.n_charts ? sb.n_charts : 1) * SHEET_MAX_BARS, 1);
    sb.boxes = mem_calloc((n ? n : 1) * SHEET_MAX_BOXES, sizeof *sb.boxes);
    sb.box_text = mem_calloc((n ? n : 1) * SHEET_MAX_BOXES, sizeof *sb.box_text);
    int rc = 0;
    if (!sb.bar_why || !sb.boxes || !sb.box_text || !sb.units || !sb.figs || !sb.parent || !sb.cdata || !sb.charts ||
        !sb.bar_values || !sb.bar_miss)
        rc = err_oom("fact sheets");
    size_t n_ch = 0;
    for (size_t k = 0; rc == 0 && k < sb.n_charts; k++) {
        rc = build_chart(c, &fs->charts[k], &sb.cdata[n_ch]);
        if (rc == 0 && sb.cdata[n_ch].n > 0)
            n_ch++;
        else
            chart_free(&sb.cdata[n_ch]);
    }
    /* comparison levels */
    const run_level *cmp_lv[SHEET_MAX_CMP];
    const char *cmp_lab[SHEET_MAX_CMP];
    size_t n_cmp = 0;
    const run_level *gm = level_at(c, KEY_GEMEENTE);
    const run_level *area = level_at(c, KEY_INVALID);
    if ((fs->compare.v & RCP_CMP_GEMEENTE) && gm) {
        cmp_lv[n_cmp] = gm;
        cmp_lab[n_cmp++] = present_level(lang, KEY_GEMEENTE, 0);
    }
    if ((fs->compare.v & RCP_CMP_NATIONAL) && rcp_given(fs->compare.pos) &&
        c->opt->log)
        fprintf(c->opt->log, "  %s\n", present_word(lang, PW_NO_NATIONAL));
    if ((fs->compare.v & RCP_CMP_AREA) && area) {
        cmp_lv[n_cmp] = area;
        cmp_lab[n_cmp++] = present_word(lang, PW_AREA);
    }
    const run_level *wk = c->unit_level == KEY_BUURT ? level_at(c, KEY_WIJK) : NULL;
    if (rc == 0 && fs->locator.v && c->geom && gm && gm->g.n_groups > 1) {
        sb.in_gm = mem_calloc(gm->g.n_groups * n, 1);
        if (!sb.in_gm)
            rc = err_oom("locator maps");
        for (size_t u = 0; rc == 0 && u < n; u++)
            if (group_row(gm, u) != SIZE_MAX)
                sb.in_gm[group_row(gm, u) * n + u] = 1;
    }
    for (size_t f = 0; rc == 0 && f < n_fig; f++) {
        const char *iname = fs->n_figures ? fs->figures[f].indicator.s
                                          : c->ind[f].ri->name.s;
        for (size_t j = 0; rc == 0 && j < n_cmp; j++)
            rc = coverage_notes(c, cmp_lv[j], iname, &sb.cov[f * SHEET_MAX_CMP + j]);
    }
    run_reach_sheet rsec;
    memset(&rsec, 0, sizeof rsec);
    if (rc == 0)
        rc = run_reach_sheet_build(c, fs, &rsec);
    for (size_t u = 0; rc == 0 && u < n; u++) {
        sheet_unit *su = &sb.units[u];
        run_reach_sheet_unit(c, &rsec, u, su);
        su->code = c->units[u];
        su->name = c->unit_names[u];
        su->level_name = present_level(lang, c->unit_level, 0);
        size_t used = 0;
        if (wk)
            used += (size_t)snprintf(sb.parent[u], sizeof sb.parent[u], "%s %s, ",
                                     present_level(lang, KEY_WIJK, 0), group_name(wk, u));
        if (gm && used < sizeof sb.parent[u])
            snprintf(sb.parent[u] + used, sizeof sb.parent[u] - used, "%s %s",
                     present_level(lang, KEY_GEMEENTE, 0), group_name(gm, u));
        su->parent_name = sb.parent[u];
        su->figures = sb.figs + u * n_fig;
        su->n_figures = n_fig;
        for (size_t j = 0; j < n_cmp; j++)
            su->cmp_labels[j] = cmp_lab[j];
        for (size_t f = 0; f < n_fig; f++) {
            const char *iname = fs->n_figures ? fs->figures[f].indicator.s
                                              : c->ind[f].ri->name.s;
            const run_indicator *ind = run_indicator_named(c, iname);
            sheet_figure *sf = &sb.figs[u * n_fig + f];
            sf->label = fs->n_figures && fs->figures[f].label.s
                            ? fs->figures[f].label.s
                            : present_label(ind->ri);
            sf->unit = ind->ri->unit.s;
            sf->decimals = ind->ri->decimals.v >= 0 ? (int)ind->ri->decimals.v
                           : ind->ri->kind.v == RCP_KIND_COUNT ? 0 : -1;
            sf->value = ind->v[u];
            sf->miss = ind->m[u];
            sf->miss_text = sf->miss ? miss_text(c, ind, sf->miss) : NULL;
            for (size_t j = 0; j < n_cmp; j++) {
                size_t row = cmp_lv[j]->level == KEY_INVALID ? 0 : group_row(cmp_lv[j], u);
                level_value(cmp_lv[j], iname, row, &sf->cmp[j], &sf->cmp_miss[j]);
                sf->cmp_miss_text[j] = sf->cmp_miss[j] == MISS_COVERAGE
                                           ? miss_text(c, ind, sf->cmp_miss[j])
                                           : NULL; /* else an en dash */
                const char *note = row != SIZE_MAX ? sb.cov[f * SHEET_MAX_CMP + j][row] : "";
                sf->cmp_note[j] = *note ? note : NULL;
            }
            sf->n_cmp = n_cmp;
            sf->all = ind->v;
            sf->all_miss = ind->m;
            sf->n_all = n;
            sf->cmp_is_total = rolls_up_by_sum(ind);
            sf->higher_is = ind->ri->higher_is.v == RCP_HIGHER_BETTER  ? 1
                            : ind->ri->higher_is.v == RCP_HIGHER_WORSE ? -1
                                                                       : 0;
        }
        su->boxes = sb.boxes + u * SHEET_MAX_BOXES;
        su->n_boxes = fs->n_boxes;
        for (size_t b = 0; rc == 0 && b < fs->n_boxes; b++)
            rc = box_text(c, &fs->boxes[b], u, &sb.boxes[u * SHEET_MAX_BOXES + b],
                          &sb.box_text[(u * SHEET_MAX_BOXES + b)]);
        su->charts = sb.charts + u * (sb.n_charts ? sb.n_charts : 1);
        su->n_charts = n_ch;
        for (size_t k = 0; k < n_ch; k++) {
            sheet_chart *ch = &sb.charts[u * (sb.n_charts ? sb.n_charts : 1) + k];
            const chart_data *cd = &sb.cdata[k];
            double *vals = sb.bar_values + (u * sb.n_charts + k) * SHEET_MAX_BARS;
            uint8_t *miss = sb.bar_miss + (u * sb.n_charts + k) * SHEET_MAX_BARS;
            for (size_t b = 0; b < cd->n; b++) {
                sb.bar_labels[k][b] = cd->cols[b].label;
                vals[b] = cd->cols[b].v[u];
                miss[b] = cd->cols[b].m[u];
            }
            ch->title = cd->title;
            ch->labels = sb.bar_labels[k];
            ch->values = vals;
            ch->miss = miss;
            const char **why = sb.bar_why + (u * sb.n_charts + k) * SHEET_MAX_BARS;
            for (size_t b = 0; b < cd->n; b++)
                why[b] = miss[b] ? miss_text(c, NULL, miss[b]) : NULL;
            ch->miss_text = why;
            ch->n = cd->n;
            ch->part_of = cd->part_of;
            ch->rest_label = cd->rest_label;
            ch->unit = "%";
            ch->decimals = -1;
        }
        if (fs->locator.v && c->geom) {
            su->geom = tbl_geom(c->geom);
            su->geom_n = n;
            su->highlight_row = (long)u;
            /* the locator shows the unit within its own gemeente */
            if (sb.in_gm && group_row(gm, u) != SIZE_MAX)
                su->in_area = sb.in_gm + group_row(gm, u) * n;
        } else {
            su->highlight_row = -1;
        }
    }
    /* document */
    char src[1024] = "", prov[256], date[64], area_name[256];
    if (rc == 0)
        rc = run_source_line(c, src, sizeof src);
    run_provenance(c, 0, prov, sizeof prov);
    present_date(lang, c->created, date, sizeof date);
    snprintf(area_name, sizeof area_name, "%s", r->title.s ? r->title.s : r->name.s);
    sheet_doc doc = {.area_name = area_name, .sources = src, .date = date,
                     .provenance = prov, .language = present_lang_code(lang),
                     .a3 = fs->page.v == RCP_PAGE_A3,
                     .words = present_sheet_words(lang)};
    char kw[512];
    pdf_meta meta;
    int en = lang == NUMFMT_EN;
    run_pdf_meta(c, en ? "Fact sheets" : "DNA van de wijk: factsheets",
                 en ? "fact sheet" : "factsheet", kw, sizeof kw, &meta);
    doc.meta = &meta;
    doc.progress = c->opt->progress;
    doc.progress_ud = c->opt->progress_ud;
    char dir[4300];
    if (!strcmp(fs->name.s ? fs->name.s : "factsheet", "factsheet"))
        snprintf(dir, sizeof dir, "%s/factsheets", stage_dir);
    else
        snprintf(dir, sizeof dir, "%s/factsheets_%s", stage_dir, fs->name.s);
    /* combined PDF with a cover map of the first figure */
    cls_result cr;
    memset(&cr, 0, sizeof cr);
    int *cls = NULL;
    pal_rgb colors[5];
    char labels[5][96];
    const char *label_ptr[5];
    sheet_cover cover;
    memset(&cover, 0, sizeof cover);
    char title[320], sub[320], ltitle[320], path[4400];
    snprintf(path, sizeof path, "%s/all.pdf", dir);
    if (rc == 0 && fs->combined.v) {
        snprintf(title, sizeof title, "%s %s", present_word(lang, PW_COVER_TITLE),
                 area_name);
        cover.title = title;
        /* the cover maps the first figure that is not a count */
        const char *first = NULL;
        for (size_t f = 0; f < n_fig && !first; f++) {
            const char *iname = fs->n_figures ? fs->figures[f].indicator.s
                                              : c->ind[f].ri->name.s;
            if (run_indicator_named(c, iname)->ri->kind.v != RCP_KIND_COUNT)
                first = iname;
        }
        const run_indicator *ind = first ? run_indicator_named(c, first) : NULL;
        err_freeze(); /* nothing to classify: a cover without a map */
        int classified =
            ind && c->geom &&
            cls_classify(ind->v, ind->m, n, CLS_QUANTILE, 5, NULL, 0, &cr) == 0 &&
            pal_colors(pal_default_sequential(), cr.k, colors) == 0;
        if (err_thaw() < 0) {
            rc = -1;
            classified = 0;
        }
        if (classified) {
            cls = mem_alloc(n * sizeof *cls);
            if (!cls)
                rc = err_oom("the cover map");
            if (cls) {
                cls_assign(&cr, ind->v, ind->m, n, cls);
                int dec = numfmt_breaks_decimals(cr.breaks, (size_t)cr.k + 1);
                for (int k = 0; k < cr.k; k++) {
                    numfmt_class_range(cr.breaks, cr.k, k, dec, ind->ri->unit.s,
                                       lang, labels[k], sizeof labels[k]);
                    label_ptr[k] = labels[k];
                }
                snprintf(sub, sizeof sub, "%s: %s", present_word(lang, PW_MAP),
                         present_label(ind->ri));
                present_label_unit(ind->ri, ltitle, sizeof ltitle);
                cover.subtitle = sub;
                cover.geom = tbl_geom(c->geom);
                cover.geom_n = n;
                cover.cls = cls;
                cover.legend_colors = colors;
                cover.legend_labels = label_ptr;
                cover.n_legend = (size_t)cr.k;
                cover.legend_title = ltitle;
                cover.missing_label = present_miss(lang, MISS_EMPTY, PRESENT_LONG, NULL);
            }
        }
    }
    /* the single files and the combined PDF (its units grouped, see
     * unit_order) at the same time (sheet.h) */
    sheet_unit *ordered = NULL;
    if (rc == 0 && fs->combined.v)
        rc = units_in_order(c, sb.units, gm, wk, &ordered);
    if (rc == 0)
        rc = sheet_render_set(&doc, sb.units, n, dir, ordered,
                              fs->combined.v ? &cover : NULL,
                              fs->combined.v ? path : NULL, 0);
    mem_free(ordered);
    mem_free(cls);
    cls_result_free(&cr);
    run_reach_sheet_free(&rsec);
    for (size_t k = 0; k < n_ch; k++)
        chart_free(&sb.cdata[k]);
    MEM_FREE_ALL(sb.cdata, sb.units, sb.figs, sb.parent, sb.charts,
                 sb.bar_values, sb.bar_miss, sb.bar_why, sb.in_gm);
    for (size_t k = 0; k < SHEET_MAX_FIGURES * SHEET_MAX_CMP; k++)
        mem_free(sb.cov[k]);
    for (size_t k = 0; sb.box_text && k < (n ? n : 1) * SHEET_MAX_BOXES; k++)
        mem_free(sb.box_text[k]);
    mem_free(sb.box_text);
    mem_free(sb.boxes);
    if (rc < 0)
        err_prefix("fact sheets");
    return rc;
}

int run_check_sheets(const run_ctx *c)
{
    for (size_t k = 0; k < c->r->n_factsheets; k++) {
        const rcp_factsheet *fs = &c->r->factsheets[k];
        int lv = fs->unit.v;
        key_level want = lv == RCP_LEVEL_AUTO ? c->unit_level : rcp_level_key(lv);
        if (want != c->unit_level)
            return rcp_error_at(fs->unit.pos, ERR_RECIPE,
                                "fact sheets are made for the recipe's unit "
                                "(%s); set the factsheet unit to %s or "
                                "change the recipe's unit",
                                key_level_name(c->unit_level),
                                key_level_name(c->unit_level));
    }
    return 0;
}

int run_render_sheets(run_ctx *c, const char *stage_dir)
{
    if (run_check_sheets(c) < 0)
        return -1;
    for (size_t k = 0; k < c->r->n_factsheets; k++)
        if (render_factsheet(c, &c->r->factsheets[k], stage_dir) < 0)
            return -1;
    return 0;
}
