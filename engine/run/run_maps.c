/* run_maps.c - the `maps:` section of a run: classify an indicator over the
 * units (with breaks shared across a group of maps when asked), pick
 * colours, build the legend with Dutch number ranges and one entry per
 * missing reason, and render each map to OUTDIR/<recipe>/maps/<name>.<ext>.
 * The classification of every map is kept for the manifest. */
#include "run_internal.h"

#include "cls.h"
#include "err.h"
#include "stop.h"
#include "strdist.h"
#include "map.h"
#include "mem.h"
#include "numfmt.h"
#include "pal.h"
#include "pal_vision.h"
#include "present.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static cls_method method_of(int m)
{
    switch (m) {
    case RCP_CLS_EQUAL: return CLS_EQUAL;
    case RCP_CLS_JENKS: return CLS_JENKS;
    case RCP_CLS_HEADTAIL: return CLS_HEADTAIL;
    case RCP_CLS_STDDEV: return CLS_STDDEV;
    case RCP_CLS_PRETTY: return CLS_PRETTY;
    case RCP_CLS_MANUAL: return CLS_MANUAL;
    default: return CLS_QUANTILE;
    }
}

/* Classifies map m: alone, or with the pooled values of every map of its
 * shared_breaks group (so maps side by side mean the same). */
static int classify(run_ctx *c, const rcp_map *m, const run_indicator *ind,
                    cls_result *out)
{
    const rcp *r = c->r;
    cls_method meth = method_of(m->method.v);
    const double *manual = m->breaks.n ? m->breaks.v : NULL;
    if (c->shared_cls && c->shared_cls[m - r->maps].k > 0) /* compare */
        return cls_reapply(&c->shared_cls[m - r->maps], ind->v, ind->m,
                           c->n_units, out);
    if (!m->shared_breaks.s)
        return cls_classify(ind->v, ind->m, c->n_units, meth, (int)m->classes.v,
                            manual, m->breaks.n, out);
    size_t n_maps = 0;
    for (size_t k = 0; k < r->n_maps; k++)
        if (r->maps[k].shared_breaks.s &&
            !strcmp(r->maps[k].shared_breaks.s, m->shared_breaks.s))
            n_maps++;
    size_t n = n_maps * c->n_units;
    /* one block: the pooled values, then their missing reasons */
    double *v = mem_alloc((n ? n : 1) * (sizeof *v + 1));
    if (!v)
        return err_oom("shared breaks");
    uint8_t *mm = (uint8_t *)(v + (n ? n : 1));
    size_t at = 0;
    for (size_t k = 0; k < r->n_maps; k++) {
        const rcp_map *o = &r->maps[k];
        if (!o->shared_breaks.s || strcmp(o->shared_breaks.s, m->shared_breaks.s))
            continue;
        const run_indicator *oi = run_indicator_named(c, o->indicator.s);
        memcpy(v + at, oi->v, c->n_units * sizeof *v);
        memcpy(mm + at, oi->m, c->n_units);
        at += c->n_units;
    }
    cls_result pooled;
    int rc = cls_classify(v, mm, n, meth, (int)m->classes.v, manual,
                          m->breaks.n, &pooled);
    mem_free(v);
    if (rc < 0)
        return -1;
    rc = cls_reapply(&pooled, ind->v, ind->m, c->n_units, out);
    cls_result_free(&pooled);
    return rc;
}

int run_classify_map(run_ctx *c, const rcp_map *m, cls_result *out);
int run_classify_map(run_ctx *c, const rcp_map *m, cls_result *out)
{
    const run_indicator *ind = run_indicator_named(c, m->indicator.s);
    if (classify(c, m, ind, out) < 0)
        return run_error_here(m->indicator.pos, "map classification");
    return 0;
}

/* The value a diverging palette is centred on, or NAN for none. */
static double centre_of(const run_ctx *c, const rcp_map *m,
                        const run_indicator *ind, const cls_result *cr)
{
    switch (m->center.kind.v) {
    case RCP_CENTER_VALUE: return m->center.value;
    case RCP_CENTER_MEAN: return cr->mean;
    case RCP_CENTER_AREA: {
        const run_level *L = &c->levels[c->n_levels - 1];
        const tbl_col *col = tbl_col_by_name(L->result, ind->ri->name.s);
        if (col && col_miss(col, 0) == MISS_NONE)
            return col->d[0];
        return cr->mean;
    }
    default: return NAN;
    }
}

static int colours(const run_ctx *c, const rcp_map *m, const run_indicator *ind,
                   const cls_result *cr, pal_rgb *out)
{
    double centre = centre_of(c, m, ind, cr);
    const pal_scheme *s = m->palette.s ? pal_find(m->palette.s)
                          : isnan(centre) ? pal_default_sequential()
                                          : pal_default_diverging();
    if (!s)
        return run_error_here(m->palette.pos, NULL);
    if (!isnan(centre)) {
        if (pal_diverging_centered(s, cr->breaks, cr->k, centre, m->reverse.v,
                                   out) < 0)
            return run_error_here(m->center.kind.pos, NULL);
        return 0;
    }
    if (pal_colors(s, cr->k, out) < 0)
        return run_error_here(m->classes.pos, NULL);
    if (m->reverse.v)
        pal_reverse(out, cr->k);
    return 0;
}

typedef struct {
    map_legend_entry *legend;
    char (*text)[96];
    size_t n;
    int *entry;
    int dec; /* decimals of the class bounds, also used for value labels */
} legend_build;

/* Legend: the classes with their ranges and counts, then one entry per
 * missing reason present; and the entry of every unit. */
static int build_legend(const run_ctx *c, const run_indicator *ind,
                        const cls_result *cr, const pal_rgb *col,
                        legend_build *lb)
{
    size_t cap = (size_t)cr->k + MISS_REASON_COUNT;
    lb->legend = mem_calloc(cap, sizeof *lb->legend);
    lb->text = mem_calloc(cap, sizeof *lb->text);
    lb->entry = mem_alloc((c->n_units ? c->n_units : 1) * sizeof *lb->entry);
    if (!lb->legend || !lb->text || !lb->entry)
        return err_oom("legend");
    numfmt_lang lang = present_lang(c->r);
    int dec = ind->ri->decimals.v >= 0 ? (int)ind->ri->decimals.v
              : cr->k > 0 ? numfmt_breaks_decimals(cr->breaks, (size_t)cr->k + 1)
                          : 0;
    lb->dec = dec;
    for (int k = 0; k < cr->k; k++) {
        if (numfmt_class_range(cr->breaks, cr->k, k, dec, ind->ri->unit.s,
                               lang, lb->text[k], sizeof lb->text[k]) < 0)
            return -1;
        lb->legend[k].label = lb->text[k];
        lb->legend[k].fill = draw_rgb_of(col[k]);
        lb->legend[k].count = cr->counts[k];
    }
    lb->n = (size_t)cr->k;
    if (cr->k > 0)
        cls_assign(cr, ind->v, ind->m, c->n_units, lb->entry);
    else /* no valid value at all: every unit gets its missing entry */
        for (size_t u = 0; u < c->n_units; u++)
            lb->entry[u] = -1;
    int reason_entry[MISS_REASON_COUNT];
    for (int r = 0; r < MISS_REASON_COUNT; r++)
        reason_entry[r] = -1;
    pal_rgb grey; /* a grey the classes leave room for, else hatched */
    int hatch_all;
    pal_nodata_style(col, cr->k, &grey, &hatch_all);
    for (size_t u = 0; u < c->n_units; u++) {
        miss_reason why = ind->m[u];
        if (why == MISS_NONE && lb->entry[u] >= 0)
            continue;
        if (why == MISS_NONE) /* outside manual breaks */
            why = MISS_INVALID;
        if (reason_entry[why] < 0) {
            reason_entry[why] = (int)lb->n;
            map_legend_entry *e = &lb->legend[lb->n++];
            snprintf(lb->text[reason_entry[why]], sizeof lb->text[0], "%s",
                     present_miss(lang, why, PRESENT_LONG,
                                  ind->ri->min_base.label.s));
            e->label = lb->text[reason_entry[why]];
            e->fill = draw_rgb_of(grey);
            e->hatch = (int)pal_miss_hatch(why, hatch_all); /* one per reason */
        }
        lb->entry[u] = reason_entry[why];
        lb->legend[reason_entry[why]].count++;
    }
    return 0;
}

static void legend_free(legend_build *lb)
{
    MEM_FREE_ALL(lb->legend, lb->text, lb->entry);
}

/* Grey context: rows of the geometry source outside the units whose box
 * meets the units' box, or (when a source says context: true) that
 * source's rows there, such as gemeente outlines, into *out (owned by the
 * caller; NULL when there are none). Returns 0, or -1 with ERR_MEMORY set. */
static int context_table(const run_ctx *c, tbl **out)
{
    *out = NULL;
    if (c->geom_src < 0)
        return 0;
    const run_source *s = &c->src[c->geom_src];
    int own = 0; /* a source marked context: true: all its rows count */
    for (size_t k = 0; k < c->n_src; k++)
        if (c->src[k].rs->context.v && tbl_geom(c->src[k].t)) {
            s = &c->src[k];
            own = 1;
            break;
        }
    const tbl_col *g = tbl_geom(s->t), *ug = tbl_geom(c->geom);
    double ext[4];
    draw_extent_of(ext, ug->bbox, c->n_units);
    double mx = 0.15 * (ext[2] - ext[0]), my = 0.15 * (ext[3] - ext[1]);
    size_t n = tbl_nrows(s->t);
    /* one block: the rows taken, then a flag per row for the units */
    int64_t *idx = mem_calloc(n ? n : 1, sizeof *idx + 1);
    if (!idx)
        return err_oom("context");
    uint8_t *is_unit = (uint8_t *)(idx + (n ? n : 1));
    for (size_t u = 0; !own && u < c->n_units; u++)
        is_unit[c->unit_row[u]] = 1;
    size_t m = 0;
    for (size_t r = 0; r < n; r++) {
        const double *b = g->bbox + 4 * r;
        if (is_unit[r] || isnan(b[0]) || b[2] < ext[0] - mx ||
            b[0] > ext[2] + mx || b[3] < ext[1] - my || b[1] > ext[3] + my)
            continue;
        idx[m++] = (int64_t)r;
    }
    *out = m ? tbl_take(s->t, idx, m) : NULL;
    mem_free(idx);
    return m && !*out ? -1 : 0; /* tbl_take set the error */
}

static const char *ext_of(int bit)
{
    return bit == RCP_FMT_PNG ? "png" : bit == RCP_FMT_PDF ? "pdf" : "svg";
}

/* "#RRGGBB" as a map colour. */
static draw_rgb hex_rgb(const char *h)
{
    unsigned v = 0;
    sscanf(h + 1, "%6x", &v);
    draw_rgb c = {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
                 (v & 255) / 255.0};
    return c;
}

/* Legend of a categorical map: the recipe's categories in their order with
 * their labels and colours (the Okabe-Ito colour-blind-safe set where none
 * is given), then the missing reasons. A value without a category is an
 * error naming it, never a silent grey. */
static int build_legend_categorical(const run_ctx *c, const rcp_map *m,
                                    const run_indicator *ind, legend_build *lb,
                                    run_map_result *res)
{
    static const char *const okabe_ito[] = {"#E69F00", "#56B4E9", "#009E73",
                                            "#F0E442", "#0072B2", "#D55E00",
                                            "#CC79A7", "#999999"};
    size_t cap = m->n_cats + MISS_REASON_COUNT;
    lb->legend = mem_calloc(cap, sizeof *lb->legend);
    lb->text = mem_calloc(cap, sizeof *lb->text);
    lb->entry = mem_alloc((c->n_units ? c->n_units : 1) * sizeof *lb->entry);
    res->ent_why = mem_calloc(cap, 1);
    if (!lb->legend || !lb->text || !lb->entry || !res->ent_why)
        return err_oom("legend");
    for (size_t k = 0; k < m->n_cats; k++) {
        snprintf(lb->text[k], sizeof lb->text[k], "%s", m->cats[k].label.s);
        lb->legend[k].label = lb->text[k];
        lb->legend[k].fill = hex_rgb(m->cats[k].color.s ? m->cats[k].color.s
                                                       : okabe_ito[k % 8]);
    }
    lb->n = m->n_cats;
    int reason_entry[MISS_REASON_COUNT];
    for (int r = 0; r < MISS_REASON_COUNT; r++)
        reason_entry[r] = -1;
    pal_rgb grey = pal_missing();
    for (size_t u = 0; u < c->n_units; u++) {
        miss_reason why = ind->m[u];
        if (why == MISS_NONE) {
            size_t k = 0;
            while (k < m->n_cats && m->cats[k].value != ind->v[u])
                k++;
            if (k == m->n_cats)
                return rcp_error_at(m->indicator.pos, ERR_RECIPE,
                                    "categorical map \"%s\": %s has the value "
                                    "%g, which is not among its categories; "
                                    "add a category for it",
                                    m->name.s, c->unit_names[u], ind->v[u]);
            lb->entry[u] = (int)k;
            lb->legend[k].count++;
            continue;
        }
        if (reason_entry[why] < 0) {
            reason_entry[why] = (int)lb->n;
            res->ent_why[lb->n] = (unsigned char)why;
            map_legend_entry *e = &lb->legend[lb->n++];
            snprintf(lb->text[reason_entry[why]], sizeof lb->text[0], "%s",
                     present_miss(present_lang(c->r), why, PRESENT_LONG,
                                  ind->ri->min_base.label.s));
            e->label = lb->text[reason_entry[why]];
            e->fill = draw_rgb_of(grey);
            e->hatch = (int)pal_miss_hatch(why, 0); /* one per reason */
        }
        lb->entry[u] = reason_entry[why];
        lb->legend[reason_entry[why]].count++;
    }
    return 0;
}

/* Frees what keep_entries kept. */
static void entries_free(run_map_result *res)
{
    MEM_FREE_ALL(res->entry, res->ent_rgb, res->ent_text, res->ent_why);
    res->entry = NULL;
    res->ent_rgb = NULL;
    res->ent_text = NULL;
    res->ent_why = NULL;
    res->n_ent = res->n_ent_cls = 0;
}

/* Keeps what a categorical or bivariate map printed in res, for its layer
 * style and report.html: takes lb->entry over, copies the legend's colours
 * and texts (a bivariate cell's text names both axes' ranges). 0 or -1
 * (out of memory; the caller frees with entries_free). */
static int keep_entries(const run_ctx *c, const rcp_map *m, legend_build *lb,
                        int bivar, run_map_result *res)
{
    size_t n = lb->n ? lb->n : 1;
    res->ent_rgb = mem_calloc(n, sizeof *res->ent_rgb);
    res->ent_text = mem_calloc(n, sizeof *res->ent_text);
    if (!res->ent_rgb || !res->ent_text)
        return err_oom("map legend");
    const run_indicator *X = bivar ? run_indicator_named(c, m->x.s) : NULL;
    const run_indicator *Y = bivar ? run_indicator_named(c, m->y.s) : NULL;
    for (size_t k = 0; k < lb->n; k++) {
        draw_rgb f = lb->legend[k].fill;
        res->ent_rgb[k][0] = (unsigned char)lround(f.r * 255.0);
        res->ent_rgb[k][1] = (unsigned char)lround(f.g * 255.0);
        res->ent_rgb[k][2] = (unsigned char)lround(f.b * 255.0);
        if (bivar && k < 9 && X && Y)
            snprintf(res->ent_text[k], sizeof res->ent_text[k],
                     "%.60s %.30s · %.60s %.30s", present_label(X->ri),
                     res->axis_range[0][k % 3], present_label(Y->ri),
                     res->axis_range[1][k / 3]);
        else
            snprintf(res->ent_text[k], sizeof res->ent_text[k], "%s",
                     lb->text[k]);
    }
    res->n_ent = lb->n;
    res->n_ent_cls = bivar ? 9 : m->n_cats;
    res->entry = lb->entry;
    lb->entry = NULL;
    return 0;
}

static map_format fmt_of(int bit)
{
    return bit == RCP_FMT_PNG ? MAP_PNG : bit == RCP_FMT_PDF ? MAP_PDF : MAP_SVG;
}

/* The rollup level a map's per: asks for, or NULL when the run has none. */
static const run_level *per_level(const run_ctx *c, const rcp_map *m)
{
    key_level want = m->per.v == RCP_PER_WIJK ? KEY_WIJK : KEY_GEMEENTE;
    for (size_t k = 0; k < c->n_levels; k++)
        if (c->levels[k].level == want && c->levels[k].result)
            return &c->levels[k];
    return NULL;
}

/* per: gemeente (or wijk): draws the map once per group of that level into
 * dir/<name>/<code>.<ext>, from the full map's spec: the same classes,
 * colours and legend (classes always listed, a missing reason only where
 * the group has it), the legend counts of that group, the other units
 * grey as context (entry -1, outside the extent) and the group's name
 * after the title. Fills res->per_* (owned by res). Returns 0, or -1 with
 * the error set (ERR_IO, ERR_MEMORY, a renderer error). */
static int render_per(run_ctx *c, const rcp_map *m, const char *dir,
                      const map_spec *full, char **labels,
                      run_map_result *res)
{
    const run_level *L = per_level(c, m);
    if (!L)
        return rcp_error_at(m->per.pos, ERR_RECIPE,
                            "map \"%s\": per: %s, but the units have no %s "
                            "level", m->name.s, m->per.v == RCP_PER_WIJK ?
                            "wijk" : "gemeente", m->per.v == RCP_PER_WIJK ?
                            "wijk" : "gemeente");
    char sub[8600];
    if (run_output_dir(dir, m->name.s, sub, sizeof sub) < 0)
        return -1;
    size_t n = c->n_units, ng = L->g.n_groups, ne = full->n_legend;
    int n_fmt = 0;
    for (int b = RCP_FMT_PNG; b <= RCP_FMT_SVG; b <<= 1)
        n_fmt += (m->formats.v & b) != 0;
    int *entry = mem_alloc((n ? n : 1) * sizeof *entry + (ne + 1) * sizeof(int));
    map_legend_entry *leg = mem_alloc((ne + 1) * sizeof *leg);
    const char **lab = labels ? mem_calloc(n ? n : 1, sizeof *lab) : NULL;
    res->per_files = mem_calloc(ng * (size_t)n_fmt + 1, sizeof *res->per_files);
    res->per_codes = mem_calloc(ng + 1, sizeof *res->per_codes);
    res->per_names = mem_calloc(ng + 1, sizeof *res->per_names);
    res->per_counts = mem_calloc(ng * ne + 1, sizeof *res->per_counts);
    int rc = 0;
    if (!entry || !leg || (labels && !lab) || !res->per_files ||
        !res->per_codes || !res->per_names || !res->per_counts) {
        rc = err_oom("maps per group");
        goto done;
    }
    res->n_per_entries = ne;
    int *remap = entry + (n ? n : 1);
    const tbl_col *names = tbl_col_by_name(L->result, "name");
    size_t n_classes = full->n_classes ? full->n_classes : ne;
    for (size_t g = 0; rc == 0 && g < ng; g++) {
        if ((rc = stop_check()) < 0)
            break;
        size_t *cnt = res->per_counts + g * ne;
        for (size_t u = 0; u < n; u++)
            if (L->g.group_of[u] == g && full->entry[u] >= 0)
                cnt[full->entry[u]]++;
        size_t nl = 0;
        for (size_t e = 0; e < ne; e++) {
            if (e >= n_classes && cnt[e] == 0) {
                remap[e] = -1;
                continue;
            }
            leg[nl] = full->legend[e];
            leg[nl].count = cnt[e];
            remap[e] = (int)nl++;
        }
        map_spec spec = *full;
        spec.highlight = -1;
        for (size_t u = 0; u < n; u++) {
            int in = L->g.group_of[u] == g && full->entry[u] >= 0;
            entry[u] = in ? remap[full->entry[u]] : -1;
            if (lab)
                lab[u] = in ? labels[u] : NULL;
            if (in && (long)u == full->highlight)
                spec.highlight = full->highlight;
        }
        const char *gname = names ? col_str(names, g) : NULL;
        char title[400];
        snprintf(title, sizeof title, "%.250s · %.140s", full->title,
                 gname ? gname : L->g.codes[g]);
        spec.entry = entry;
        spec.legend = leg;
        spec.n_legend = nl;
        spec.labels = lab;
        spec.title = title;
        snprintf(res->per_codes[res->n_per], KEY_MAX, "%s", L->g.codes[g]);
        snprintf(res->per_names[res->n_per++], 128, "%s",
                 gname ? gname : L->g.codes[g]);
        for (int b = RCP_FMT_PNG; rc == 0 && b <= RCP_FMT_SVG; b <<= 1) {
            if (!(m->formats.v & b))
                continue;
            char path[8900];
            if (snprintf(path, sizeof path, "%s/%s.%s", sub, L->g.codes[g],
                         ext_of(b)) >= (int)sizeof path) {
                rc = rcp_error_at(m->name.pos, ERR_IO,
                                  "the output path is too long");
                break;
            }
            rc = map_render(&spec, path, fmt_of(b));
            if (rc == 0)
                snprintf(res->per_files[res->n_per_files++], 256,
                         "maps/%.100s/%.40s.%s", m->name.s, L->g.codes[g],
                         ext_of(b));
        }
    }
done:
    MEM_FREE_ALL(entry, leg, (void *)lab);
    return rc;
}

static int render_one(run_ctx *c, const rcp_map *m, const char *dir,
                      const tbl *context, run_map_result *res)
{
    const run_indicator *ind = run_indicator_named(c, m->indicator.s);
    legend_build lb;
    memset(&lb, 0, sizeof lb);
    int bivar = m->type.v == RCP_MAP_BIVARIATE, rc, empty = 0;
    int categorical = m->type.v == RCP_MAP_CATEGORICAL;
    char notes[2][400], btitles[1700];
    if (bivar) {
        rc = run_bivar_legend(c, m, res, &lb.legend, &lb.text, &lb.n,
                              &lb.entry, notes, btitles, sizeof btitles);
    } else if (categorical) {
        rc = build_legend_categorical(c, m, ind, &lb, res);
    } else {
        size_t n_valid = 0;
        for (size_t u = 0; u < c->n_units; u++)
            n_valid += ind->m[u] == MISS_NONE;
        /* issue 11 item 5: a map without any valid value is drawn all in
         * its missing-reason style with a note, and the run goes on */
        empty = n_valid == 0;
        if (empty) {
            memset(&res->cls, 0, sizeof res->cls);
            res->cls.n_missing = c->n_units;
        } else if (classify(c, m, ind, &res->cls) < 0)
            return run_error_here(m->indicator.pos, "map classification");
        pal_rgb col[CLS_K_MAX];
        memset(col, 0, sizeof col);
        rc = empty ? 0 : colours(c, m, ind, &res->cls, col);
        if (rc == 0)
            rc = build_legend(c, ind, &res->cls, col, &lb);
        for (int k = 0; rc == 0 && k < res->cls.k; k++) { /* for layer styles */
            res->rgb[k][0] = col[k].r;
            res->rgb[k][1] = col[k].g;
            res->rgb[k][2] = col[k].b;
            snprintf(res->class_text[k], sizeof res->class_text[k], "%s", lb.text[k]);
        }
        if (rc == 0) {
            pal_rgb g;
            pal_nodata_style(col, res->cls.k, &g, &res->nodata_hatch);
            res->nodata[0] = g.r, res->nodata[1] = g.g, res->nodata[2] = g.b;
        }
        if (rc == 0) { /* the printed class bounds, for the manifest */
            res->legend_decimals = lb.dec;
            res->legend = mem_calloc((size_t)res->cls.k + 1, sizeof *res->legend);
            for (int k = 0; res->legend && k < res->cls.k; k++)
                snprintf(res->legend[k], sizeof res->legend[k], "%s", lb.text[k]);
            if (!res->legend)
                rc = err_oom("legend");
        }
    }
    numfmt_lang lang = present_lang(c->r);
    char **labels = NULL;
    if (rc == 0 && m->labels.v != RCP_LABELS_NONE) {
        labels = mem_calloc(c->n_units ? c->n_units : 1, sizeof *labels);
        for (size_t u = 0; labels && u < c->n_units; u++) {
            char buf[96];
            if (m->labels.v == RCP_LABELS_NAMES)
                snprintf(buf, sizeof buf, "%s", c->unit_names[u]);
            else if (ind->m[u])
                continue;
            else
                numfmt_unit(ind->v[u], lb.dec, ind->ri->unit.s, lang, buf,
                            sizeof buf); /* the legend's precision */
            if (!(labels[u] = mem_strdup(buf))) {
                rc = err_oom("labels");
                break;
            }
        }
        if (!labels)
            rc = err_oom("labels");
    }
    char title[256], subtitle[256], legend_title[256], src[1024] = "", prov[256];
    snprintf(title, sizeof title, "%s",
             m->title.s ? m->title.s : present_label(ind->ri));
    if (m->subtitle.s)
        snprintf(subtitle, sizeof subtitle, "%s", m->subtitle.s);
    else if (c->r->year.v)
        snprintf(subtitle, sizeof subtitle, "%s · %s %ld",
                 c->r->title.s ? c->r->title.s : c->r->name.s,
                 present_level(lang, c->unit_level, 1), c->r->year.v);
    else
        snprintf(subtitle, sizeof subtitle, "%s · %s",
                 c->r->title.s ? c->r->title.s : c->r->name.s,
                 present_level(lang, c->unit_level, 1));
    if (empty) {
        size_t used = strlen(subtitle);
        snprintf(subtitle + used, sizeof subtitle - used, " · %s",
                 c->r->language.v == RCP_EN
                     ? "no unit has a valid value"
                     : "geen enkele eenheid heeft een geldige waarde");
        if (c->opt->log)
            fprintf(c->opt->log,
                    "  kaart %s: geen geldige waarden; getekend als "
                    "ontbrekend\n", m->name.s);
    }
    present_label_unit(ind->ri, legend_title, sizeof legend_title);
    if (rc == 0)
        rc = run_source_line(c, src, sizeof src);
    run_provenance(c, 1, prov, sizeof prov);
    map_spec spec = map_spec_default();
    spec.geom = tbl_geom(c->geom);
    spec.n = c->n_units;
    spec.entry = lb.entry;
    spec.legend = lb.legend;
    spec.n_legend = lb.n;
    spec.n_classes = categorical ? m->n_cats : (size_t)res->cls.k;
    if (bivar && rc == 0) {
        const char *t1 = btitles + strlen(btitles) + 1;
        const char *t2 = t1 + strlen(t1) + 1;
        const char *t3 = t2 + strlen(t2) + 1;
        if (!m->title.s)
            snprintf(title, sizeof title, "%.250s", btitles);
        snprintf(legend_title, sizeof legend_title, "%.250s", t3);
        spec.bivariate = 1;
        spec.n_classes = 9;
        spec.x_title = t1;
        spec.y_title = t2;
        spec.x_note = notes[0];
        spec.y_note = notes[1];
        for (int k = 0; k < 9; k++)
            res->cells[k] = lb.legend[k].count;
        res->unit_cell = mem_alloc((c->n_units ? c->n_units : 1) *
                                   sizeof *res->unit_cell);
        if (!res->unit_cell)
            rc = err_oom("bivariate map");
        for (size_t u = 0; rc == 0 && u < c->n_units; u++)
            res->unit_cell[u] = lb.entry[u] < 9 ? lb.entry[u] : -1;
    }
    spec.labels = (const char *const *)labels;
    spec.highlight = -1;
    if (m->highlight.s)
        for (size_t u = 0; u < c->n_units; u++)
            if (!strcmp(c->units[u], m->highlight.s))
                spec.highlight = (long)u;
    if (context && m->context.v) {
        spec.context_geom = tbl_geom(context);
        spec.context_n = tbl_nrows(context);
    }
    if (m->inset.v) {
        const run_source *gs = &c->src[c->geom_src];
        spec.inset_geom = tbl_geom(gs->t);
        spec.inset_n = tbl_nrows(gs->t);
    }
    spec.title = title;
    snprintf(res->title, sizeof res->title, "%s", title);
    spec.subtitle = subtitle;
    spec.legend_title = legend_title;
    spec.source_line = src;
    spec.provenance = prov;
    char page[64];
    if (m->page.size.v == RCP_PAGE_PIXELS)
        snprintf(page, sizeof page, "%ldx%ld", m->page.width, m->page.height);
    else
        snprintf(page, sizeof page, "%s", m->page.size.v == RCP_PAGE_A3 ? "A3" : "A4");
    spec.page = page;
    spec.landscape = m->orientation.v == RCP_LANDSCAPE;
    spec.dpi = (double)m->dpi.v;
    spec.language = present_lang_code(lang);
    char kw[512];
    pdf_meta meta;
    run_pdf_meta(c, legend_title, ind->ri->name.s, kw, sizeof kw, &meta);
    spec.meta = &meta;
    if (rc == 0 && m->per.v != RCP_PER_NONE)
        rc = render_per(c, m, dir, &spec, labels, res);
    static const int bits[] = {RCP_FMT_PNG, RCP_FMT_PDF, RCP_FMT_SVG};
    for (int b = 0; rc == 0 && m->per.v == RCP_PER_NONE && b < 3; b++) {
        if (!(m->formats.v & bits[b]))
            continue;
        char path[8600];
        if (snprintf(path, sizeof path, "%s/%s.%s", dir, m->name.s,
                     ext_of(bits[b])) >= (int)sizeof path) {
            rc = rcp_error_at(m->name.pos, ERR_IO, "the output path is too long");
            break;
        }
        rc = map_render(&spec, path, fmt_of(bits[b]));
        if (rc == 0)
            snprintf(res->files[res->n_files++], sizeof res->files[0],
                     "maps/%s.%s", m->name.s, ext_of(bits[b]));
    }
    if (labels)
        for (size_t u = 0; u < c->n_units; u++)
            mem_free(labels[u]);
    mem_free(labels);
    if (rc == 0 && (bivar || categorical))
        rc = keep_entries(c, m, &lb, bivar, res);
    legend_free(&lb);
    if (rc < 0) {
        entries_free(res);
        err_prefix("map \"%s\"", m->name.s);
    }
    return rc;
}

/* Refuses more classes than the map's palette has colours, as the run
 * would (issue 11 item 13: `check` passed classes: 12 with a 9-colour
 * palette). Manual breaks count as breaks - 1 classes. Returns 0, or -1
 * with an ERR_RECIPE error at classes (or breaks). */
static int check_class_count(const rcp_map *m)
{
    const pal_scheme *s = m->palette.s ? pal_find(m->palette.s)
                          : m->center.kind.v != RCP_CENTER_NONE
                              ? pal_default_diverging()
                              : pal_default_sequential();
    int manual = m->breaks.n > 0;
    long k = manual ? (long)m->breaks.n - 1 : m->classes.v;
    if (!s || k <= pal_k_max(s))
        return 0;
    rcp_pos at = manual ? m->breaks.pos
                 : m->classes.pos.line ? m->classes.pos : m->name.pos;
    return rcp_error_at(at, ERR_RECIPE,
                        "%ld classes, but palette %s has at most %d colours; "
                        "use at most %d classes or a continuous palette such "
                        "as viridis",
                        k, pal_name(s), pal_k_max(s), pal_k_max(s));
}

/* Issue 11 item 4: highlight: must name one of the map's units (a code
 * at another level used to do nothing). Returns 0, or -1 with an
 * ERR_RECIPE error at highlight. */
static int check_highlight(const run_ctx *c, const rcp_map *m)
{
    if (!m->highlight.s)
        return 0;
    const char **cands = mem_alloc((c->n_units ? c->n_units : 1) *
                                   sizeof *cands);
    if (!cands)
        return err_oom("highlight");
    for (size_t u = 0; u < c->n_units; u++) {
        if (!strcasecmp(c->units[u], m->highlight.s)) {
            mem_free(cands);
            return 0;
        }
        cands[u] = c->units[u];
    }
    key_level l = key_level_of(m->highlight.s);
    const char *best = NULL;
    size_t nb = l == c->unit_level
                    ? strdist_nearest(m->highlight.s, cands, c->n_units, 1,
                                      &best)
                    : 0;
    mem_free(cands);
    if (l != KEY_INVALID && l != c->unit_level)
        return rcp_error_at(m->highlight.pos, ERR_RECIPE,
                            "highlight %s is a %s code, but map \"%s\" "
                            "shows %s; give the code of one of its %s",
                            m->highlight.s, key_level_name(l), m->name.s,
                            key_level_plural(c->unit_level),
                            key_level_plural(c->unit_level));
    return rcp_error_at(m->highlight.pos, ERR_RECIPE,
                        "highlight %s is not one of the %zu %s on map "
                        "\"%s\"%s%s%s",
                        m->highlight.s, c->n_units,
                        key_level_plural(c->unit_level), m->name.s,
                        nb ? err_tr("; did you mean ") : "", nb ? best : "",
                        nb ? "?" : "");
}

int run_check_maps(const run_ctx *c)
{
    const rcp *r = c->r;
    for (size_t k = 0; k < r->n_maps; k++) {
        const rcp_map *m = &r->maps[k];
        if (!c->geom)
            return rcp_error_at(m->name.pos.line ? m->name.pos : m->indicator.pos,
                                ERR_RECIPE,
                                "maps need geometry: mark one source at the "
                                "unit's level with `geometry: true`");
        if (m->palette.s && !pal_find(m->palette.s))
            return run_error_here(m->palette.pos, NULL);
        if (check_class_count(m) < 0 || check_highlight(c, m) < 0)
            return -1;
        key_level per = m->per.v == RCP_PER_WIJK       ? KEY_WIJK
                        : m->per.v == RCP_PER_GEMEENTE ? KEY_GEMEENTE
                                                       : KEY_INVALID;
        if (per != KEY_INVALID && c->unit_level <= per)
            return rcp_error_at(m->per.pos, ERR_RECIPE,
                                "map \"%s\": per: %s needs units below the "
                                "%s, but the recipe's units are %s",
                                m->name.s, key_level_name(per),
                                key_level_name(per),
                                key_level_plural(c->unit_level));
    }
    return 0;
}

void run_warn_palettes(const run_ctx *c)
{
    const rcp *r = c->r;
    if (!c->opt->log)
        return;
    for (size_t k = 0; k < r->n_maps; k++) {
        const rcp_map *m = &r->maps[k];
        const pal_scheme *s = m->palette.s ? pal_find(m->palette.s)
                              : m->center.kind.v != RCP_CENTER_NONE
                                  ? pal_default_diverging()
                                  : pal_default_sequential();
        int n = m->breaks.n > 1 ? (int)m->breaks.n - 1 : (int)m->classes.v;
        pal_rgb col[CLS_K_MAX], grey;
        if (!s || n < 1 || n > CLS_K_MAX || pal_colors(s, n, col) < 0)
            continue;
        int hatch;
        char msg[400];
        pal_nodata_style(col, n, &grey, &hatch);
        if (pal_vision_check(col, n, grey, hatch, r->language.v == RCP_EN, msg,
                             sizeof msg))
            fprintf(c->opt->log, "%s: %s \"%s\" (%s %d): %s\n",
                    r->language.v == RCP_EN ? "warning" : "waarschuwing",
                    r->language.v == RCP_EN ? "map" : "kaart", m->name.s,
                    pal_name(s), n, msg);
    }
}

int run_render_maps(run_ctx *c, const char *stage_dir)
{
    const rcp *r = c->r;
    if (r->n_maps == 0)
        return 0;
    if (run_check_maps(c) < 0)
        return -1;
    char dir[4200];
    c->maps = run_stage_begin(stage_dir, "maps", dir, sizeof dir, r->n_maps,
                              sizeof *c->maps, "maps");
    if (!c->maps)
        return -1;
    tbl *context = NULL;
    int rc = context_table(c, &context);
    for (size_t k = 0; rc == 0 && k < r->n_maps; k++) {
        if ((rc = stop_check()) < 0)
            break;
        c->maps[k].map = &r->maps[k];
        rc = render_one(c, &r->maps[k], dir, context, &c->maps[k]);
        c->n_maps = k + 1;
    }
    tbl_free(context);
    return rc;
}

void run_maps_free(run_ctx *c)
{
    for (size_t k = 0; k < c->n_maps; k++) {
        cls_result_free(&c->maps[k].cls);
        mem_free(c->maps[k].legend);
        entries_free(&c->maps[k]);
        MEM_FREE_ALL(c->maps[k].per_files, c->maps[k].unit_cell,
                     c->maps[k].per_codes, c->maps[k].per_names,
                     c->maps[k].per_counts);
    }
    mem_free(c->maps);
}
