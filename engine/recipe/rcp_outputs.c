/* rcp_outputs.c - the output sections of a recipe: maps, fact sheets and
 * comparisons, and their cross-checks; see rcp_internal.h. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "key.h"
#include "rcp_internal.h"

static const rcp_opt method_opts[] = {
    {"quantile", RCP_CLS_QUANTILE, 0}, {"equal", RCP_CLS_EQUAL, 0},
    {"jenks", RCP_CLS_JENKS, 0},       {"headtail", RCP_CLS_HEADTAIL, 0},
    {"stddev", RCP_CLS_STDDEV, 0},     {"pretty", RCP_CLS_PRETTY, 0},
    {"manual", RCP_CLS_MANUAL, 0},     {NULL, 0, 0}};
static const rcp_opt orient_opts[] = {
    {"portrait", RCP_PORTRAIT, 0}, {"landscape", RCP_LANDSCAPE, 0},
    {NULL, 0, 0}};
static const rcp_opt labels_opts[] = {
    {"none", RCP_LABELS_NONE, 0}, {"names", RCP_LABELS_NAMES, 0},
    {"values", RCP_LABELS_VALUES, 0}, {NULL, 0, 0}};
static const rcp_opt center_opts[] = {
    {"mean", RCP_CENTER_MEAN, 0}, {"area", RCP_CENTER_AREA, 0},
    {NULL, 0, 0}};
static const rcp_opt format_opts[] = {
    {"png", RCP_FMT_PNG, 0}, {"pdf", RCP_FMT_PDF, 0}, {"svg", RCP_FMT_SVG, 0},
    {NULL, 0, 0}};
static const rcp_opt sheet_unit_opts[] = {
    {"buurt", RCP_BUURT, 0}, {"wijk", RCP_WIJK, 0}, {NULL, 0, 0}};
static const rcp_opt paper_opts[] = {
    {"A4", RCP_PAGE_A4, 0}, {"A3", RCP_PAGE_A3, 0}, {NULL, 0, 0}};
static const rcp_opt chart_opts[] = {
    {"age", RCP_CHART_AGE, 0}, {"tenure", RCP_CHART_TENURE, 0},
    {"households", RCP_CHART_HOUSEHOLDS, 0}, {"custom", RCP_CHART_CUSTOM, 0},
    {NULL, 0, 0}};
static const rcp_opt compare_opts[] = {
    {"gemeente", RCP_CMP_GEMEENTE, 0}, {"area", RCP_CMP_AREA, 0},
    {"national", RCP_CMP_NATIONAL, 0}, {NULL, 0, 0}};
static const rcp_opt by_opts[] = {
    {"gemeente", RCP_GEMEENTE, 0}, {"wijk", RCP_WIJK, 0}, {NULL, 0, 0}};
static const rcp_opt style_opts[] = {
    {"bar", RCP_BAR, 0}, {"dot", RCP_DOT, 0}, {NULL, 0, 0}};
static const rcp_opt sort_opts[] = {
    {"desc", RCP_SORT_DESC, 0}, {"asc", RCP_SORT_ASC, 0},
    {"name", RCP_SORT_NAME, 0}, {"none", RCP_SORT_NONE, 0}, {NULL, 0, 0}};

/* A scalar or list of enum names into a bit mask (rcp_int at target). */
static int bits_value(const ry_node *val, const rcp_opt *opts,
                      const char *field, const char *what, rcp_int *target)
{
    char w[200];
    rcp_where(w, sizeof w, field, what);
    if (val->kind == RY_MAP)
        return rcp_fail(val, "%s must be a name or a list of names, but "
                             "found a mapping",
                        w);
    size_t n = val->kind == RY_SEQ ? val->n : 1;
    long bits = 0;
    for (size_t k = 0; k < n; k++) {
        const ry_node *it = val->kind == RY_SEQ ? val->items[k] : val;
        int v;
        if (rcp_enum_value(it, opts, field, what, &v) < 0)
            return -1;
        bits |= v;
    }
    if (bits == 0)
        return rcp_fail(val, "%s is empty; name at least one", w);
    target->v = bits;
    target->pos = rcp_node_pos(val);
    return 0;
}

/* ---- maps ---------------------------------------------------------------- */

/* center: a number, mean or area. */
static int center_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                     void *obj, const char *what)
{
    rcp_map *m = obj;
    double d;
    if (rcp_parse_double(val, &d) == 0) {
        m->center.kind.v = RCP_CENTER_VALUE;
        m->center.value = d;
    } else if (val->kind == RY_SCALAR &&
               rcp_enum_value(val, center_opts, "center", what,
                              &m->center.kind.v) == 0) {
        /* done */
    } else {
        char w[200];
        return rcp_fail_found(val, "%s must be a number, mean or area",
                              rcp_where(w, sizeof w, "center", what));
    }
    m->center.kind.pos = rcp_node_pos(val);
    return 0;
}

/* page: A4, A3 or WIDTHxHEIGHT (pixels, optional "px"). */
static int page_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                   void *obj, const char *what)
{
    rcp_map *m = obj;
    char w[200];
    rcp_where(w, sizeof w, "page", what);
    if (val->kind == RY_SCALAR) {
        if (strcasecmp(val->text, "A4") == 0 ||
            strcasecmp(val->text, "A3") == 0) {
            m->page.size.v = val->text[1] == '4' ? RCP_PAGE_A4 : RCP_PAGE_A3;
            m->page.size.pos = rcp_node_pos(val);
            return 0;
        }
        char *end = NULL;
        long wd = strtol(val->text, &end, 10);
        if (end != val->text && (*end == 'x' || *end == 'X') &&
            isdigit((unsigned char)end[1])) {
            const char *hs = end + 1;
            long ht = strtol(hs, &end, 10);
            if (*end == '\0' || strcasecmp(end, "px") == 0) {
                if (wd < 100 || ht < 100 || wd > 20000 || ht > 20000)
                    return rcp_fail(val, "%s must be between 100 and 20000 "
                                         "pixels on each side, but found "
                                         "\"%s\"",
                                    w, val->text);
                m->page.size.v = RCP_PAGE_PIXELS;
                m->page.width = wd;
                m->page.height = ht;
                m->page.size.pos = rcp_node_pos(val);
                return 0;
            }
        }
    }
    return rcp_fail_found(val, "%s must be A4, A3 or a size in pixels such as "
                               "1600x1200",
                          w);
}

/* formats: png, pdf and/or svg. */
static int formats_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                      void *obj, const char *what)
{
    rcp_map *m = obj;
    return bits_value(val, format_opts, "formats", what, &m->formats);
}

/* highlight: one region code. */
static int highlight_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                        void *obj, const char *what)
{
    rcp_map *m = obj;
    char w[200];
    rcp_where(w, sizeof w, "highlight", what);
    /* a GM, WK or BU code, written with its prefix */
    char canon[KEY_MAX];
    int ok = val->kind == RY_SCALAR && val->len <= 20 &&
             isalpha((unsigned char)val->text[0]) &&
             key_normalise(val->text, val->len, KEY_INVALID, canon, NULL) !=
                 KEY_INVALID;
    if (!ok)
        return rcp_fail_found(val, "%s must be one region code, such as "
                                   "WK036300",
                              w);
    if (rcp_set_str(c, &m->highlight, val) < 0)
        return -1;
    m->highlight.s = rcp_arena_strdup(c->a, canon);
    return m->highlight.s ? 0 : -1;
}

/* categories: [{value: 1, label: "...", color: "#RRGGBB"}, ...]. */
static int categories_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                         void *obj, const char *what)
{
    rcp_map *m = obj;
    char w[200];
    rcp_where(w, sizeof w, "categories", what);
    if (val->kind != RY_SEQ || val->n == 0)
        return rcp_fail(val, "%s must be a list such as [{value: 1, label: "
                             "\"Warmtenet\", color: \"#1b9e77\"}]",
                        w);
    m->cats = rcp_arena_alloc(c->a, val->n * sizeof *m->cats);
    if (!m->cats)
        return -1;
    for (size_t k = 0; k < val->n; k++) {
        const ry_node *it = val->items[k];
        rcp_category *cat = &m->cats[k];
        memset(cat, 0, sizeof *cat);
        cat->pos = rcp_node_pos(it);
        if (it->kind != RY_MAP)
            return rcp_fail(it, "%s: each category is a mapping with value:, "
                                "label: and optionally color:", w);
        int have_value = 0;
        for (size_t j = 0; j < it->n; j++) {
            const ry_node *kk = it->items[2 * j], *vv = it->items[2 * j + 1];
            if (!strcmp(kk->text, "value")) {
                if (vv->kind != RY_SCALAR || rcp_parse_double(vv, &cat->value) < 0)
                    return rcp_fail(vv, "%s: value must be a number", w);
                have_value = 1;
            } else if (!strcmp(kk->text, "label")) {
                if (vv->kind != RY_SCALAR || rcp_set_str(c, &cat->label, vv) < 0)
                    return vv->kind != RY_SCALAR
                               ? rcp_fail(vv, "%s: label must be text", w)
                               : -1;
            } else if (!strcmp(kk->text, "color") || !strcmp(kk->text, "colour")) {
                int ok = vv->kind == RY_SCALAR && vv->len == 7 && vv->text[0] == '#';
                for (size_t q = 1; ok && q < 7; q++)
                    ok = isxdigit((unsigned char)vv->text[q]);
                if (!ok)
                    return rcp_fail(vv, "%s: color must be \"#RRGGBB\"", w);
                if (rcp_set_str(c, &cat->color, vv) < 0)
                    return -1;
            } else {
                return rcp_fail(kk, "%s: unknown key \"%s\" in a category "
                                    "(value, label, color)", w, kk->text);
            }
        }
        if (!have_value || !cat->label.s)
            return rcp_fail(it, "%s: every category needs value: and label:", w);
        for (size_t j = 0; j < k; j++)
            if (m->cats[j].value == cat->value)
                return rcp_fail(it, "%s: value %g appears twice", w, cat->value);
    }
    m->n_cats = val->n;
    return 0;
}

static const rcp_opt map_type_opts[] = {
    {"choropleth", RCP_MAP_CHOROPLETH, 0},
    {"bivariate", RCP_MAP_BIVARIATE, 0},
    {"categorical", RCP_MAP_CATEGORICAL, 0},
    {NULL, 0, 0}};

static const rcp_opt map_per_opts[] = {
    {"none", RCP_PER_NONE, 1},
    {"gemeente", RCP_PER_GEMEENTE, 0},
    {"wijk", RCP_PER_WIJK, 0},
    {NULL, 0, 0}};

#define MAP(f) offsetof(rcp_map, f)
static const rcp_field map_fields[] = {
    {.key = "name", .kind = F_NAME, .off = MAP(name)},
    {.key = "indicator", .kind = F_STR, .off = MAP(indicator),
     .hint = "the name of an indicator of the recipe"},
    {.key = "method", .kind = F_ENUM, .off = MAP(method), .opts = method_opts},
    {.key = "classes", .kind = F_INT, .off = MAP(classes), .lo = 2, .hi = 12,
     .hint = "such as 5"},
    {.key = "breaks", .kind = F_NUMLIST, .off = MAP(breaks),
     .hint = "a list of numbers such as [10, 20, 30]"},
    {.key = "shared_breaks", .kind = F_NAME, .off = MAP(shared_breaks)},
    {.key = "palette", .kind = F_STR, .off = MAP(palette)},
    {.key = "reverse", .kind = F_BOOL, .off = MAP(reverse)},
    {.key = "center", .kind = F_CUSTOM, .fn = center_fn,
     .doc = "a number, mean or area: the value a diverging palette is "
            "centred on"},
    {.key = "page", .kind = F_CUSTOM, .fn = page_fn,
     .doc = "A4, A3 or WIDTHxHEIGHT in pixels"},
    {.key = "orientation", .kind = F_ENUM, .off = MAP(orientation),
     .opts = orient_opts},
    {.key = "dpi", .kind = F_INT, .off = MAP(dpi), .lo = 50, .hi = 1200,
     .hint = "such as 300"},
    {.key = "formats", .kind = F_CUSTOM, .fn = formats_fn,
     .doc = "a list of png, pdf and svg; default [png, pdf]"},
    {.key = "labels", .kind = F_ENUM, .off = MAP(labels), .opts = labels_opts},
    {.key = "highlight", .kind = F_CUSTOM, .fn = highlight_fn,
     .doc = "a region code to outline"},
    {.key = "context", .kind = F_BOOL, .off = MAP(context)},
    {.key = "inset", .kind = F_BOOL, .off = MAP(inset)},
    {.key = "title", .kind = F_STR, .off = MAP(title)},
    {.key = "subtitle", .kind = F_STR, .off = MAP(subtitle)},
    {.key = "type", .kind = F_ENUM, .off = MAP(type), .opts = map_type_opts},
    {.key = "categories", .kind = F_CUSTOM, .fn = categories_fn},
    {.key = "x", .kind = F_STR, .off = MAP(x),
     .hint = "the indicator on the horizontal axis (such as the need)"},
    {.key = "y", .kind = F_STR, .off = MAP(y),
     .hint = "the indicator on the vertical axis (such as the reach)"},
    {.key = "per", .kind = F_ENUM, .off = MAP(per), .opts = map_per_opts,
     .hint = "one map per gemeente (or wijk), all with the same classes, "
             "in maps/NAME/CODE.png"},
    {.key = NULL}};
#undef MAP

/* Checks breaks against the method and classes. */
static int check_breaks(rcp_map *m, const char *what)
{
    rcp_numlist *b = &m->breaks;
    if (b->n == 0) {
        if (m->method.v == RCP_CLS_MANUAL)
            return rcp_error_at(m->method.pos, ERR_RECIPE,
                                "method manual in %s needs breaks: with the "
                                "class boundaries, such as [10, 20, 30]",
                                what);
        return 0;
    }
    if (!rcp_given(m->method.pos))
        m->method.v = RCP_CLS_MANUAL;
    if (m->method.v != RCP_CLS_MANUAL)
        return rcp_error_at(b->pos, ERR_RECIPE,
                            "breaks in %s apply to method: manual, but the "
                            "method is %s; remove method: or the breaks",
                            what, method_opts[m->method.v].name);
    for (size_t k = 1; k < b->n; k++)
        if (!(b->v[k] > b->v[k - 1]))
            return rcp_error_at(b->at[k], ERR_RECIPE,
                                "breaks in %s must go up: %g comes after %g",
                                what, b->v[k], b->v[k - 1]);
    long classes = (long)b->n + 1;
    if (rcp_given(m->classes.pos) && m->classes.v != classes)
        return rcp_error_at(m->classes.pos, ERR_RECIPE,
                            "classes: %ld in %s does not fit its %zu breaks, "
                            "which make %ld classes; leave classes out",
                            m->classes.v, what, b->n, classes);
    m->classes.v = classes;
    if (!rcp_given(m->classes.pos))
        m->classes.pos = b->pos;
    return 0;
}

/* The defaults of a map or comparison entry `what`: without indicator:
 * the entry's key in the named form (name_key; an error without one);
 * without name: the indicator's. Returns 0 or -1 with the error set. */
static int default_indicator_name(rcp_sctx *c, const ry_node *name_key,
                                  const ry_node *val, rcp_str *indicator,
                                  rcp_str *name, const char *what)
{
    if (!indicator->s) {
        if (!name_key)
            return rcp_fail(val, "%s has no indicator: key; add indicator: "
                                 "with the name of an indicator of the "
                                 "recipe",
                            what);
        if (rcp_set_str(c, indicator, name_key) < 0)
            return -1;
    }
    if (!name->s) {
        /* named after its indicator; node_ NULL marks the derived name */
        if (rcp_check_name(indicator->node_, 0, what) < 0)
            return -1;
        *name = *indicator;
        name->node_ = NULL;
    }
    return 0;
}

/* One map: a mapping, an indicator name (list shorthand) or nothing (named
 * form with defaults). name_key is the entry's key in the named form. */
static int map_entry(rcp_sctx *c, const ry_node *name_key, const ry_node *val,
                     rcp_map *m, size_t index)
{
    char w[200];
    if (name_key)
        snprintf(w, sizeof w, err_tr("map \"%.100s\""), name_key->text);
    else
        snprintf(w, sizeof w, err_tr("maps entry %zu"), index + 1);
    m->classes.v = 5;
    m->dpi.v = 300;
    m->formats.v = RCP_FMT_PNG | RCP_FMT_PDF;
    m->context.v = 1;
    if (name_key) {
        if (rcp_check_name(name_key, 0, "map") < 0 ||
            rcp_set_str(c, &m->name, name_key) < 0)
            return -1;
    }
    if (val->kind == RY_SCALAR && !ry_is_null(val)) {
        if (rcp_convert(c, &map_fields[1], NULL, val, m, w) < 0)
            return -1;
    } else if (!ry_is_null(val)) {
        if (val->kind == RY_MAP && !name_key) {
            const ry_node *nm = ry_map_get(val, "name");
            if (nm && nm->kind == RY_SCALAR && !ry_is_null(nm))
                snprintf(w, sizeof w, err_tr("map \"%.100s\""), nm->text);
        }
        if (rcp_fill(c, val, map_fields, m, w, name_key) < 0)
            return -1;
    }
    if (m->type.v == RCP_MAP_BIVARIATE) {
        if (!m->x.s || !m->y.s)
            return rcp_fail(name_key ? name_key : val, "%s is bivariate and "
                            "needs x: and y: (two indicators, such as x: "
                            "laag_inkomen and y: bereik)", w);
        if (m->breaks.n)
            return rcp_error_at(m->breaks.pos, ERR_RECIPE, "%s is bivariate: "
                                "it makes 3 classes per axis from method:; "
                                "remove breaks:", w);
        if (rcp_given(m->classes.pos) && m->classes.v != 3)
            return rcp_error_at(m->classes.pos, ERR_RECIPE, "%s is bivariate: "
                                "it always has 3 x 3 classes", w);
        m->classes.v = 3;
        if (!m->indicator.s)
            m->indicator = m->y;
        if (!m->name.s && !name_key) {
            m->name.s = rcp_arena_printf(c->a, "%s_%s", m->x.s, m->y.s);
            if (!m->name.s)
                return -1;
            m->name.pos = m->x.pos;
        }
    } else if (m->x.s || m->y.s) {
        return rcp_error_at(m->x.s ? m->x.pos : m->y.pos, ERR_RECIPE,
                            "x: and y: in %s need type: bivariate", w);
    }
    if (m->type.v == RCP_MAP_CATEGORICAL && !m->n_cats)
        return rcp_error_at(m->type.pos, ERR_RECIPE,
                            "%s is categorical but has no categories: list "
                            "(value, label and color per category)", w);
    if (m->type.v != RCP_MAP_CATEGORICAL && m->n_cats)
        return rcp_fail(val, "%s has categories: but is not type: categorical",
                        w);
    if (default_indicator_name(c, name_key, val, &m->indicator, &m->name,
                               w) < 0)
        return -1;
    return check_breaks(m, w);
}

/* ---- fact sheets ----------------------------------------------------------- */

#define FIG(f) offsetof(rcp_figure, f)
static const rcp_field figure_fields[] = {
    {.key = "indicator", .kind = F_STR, .off = FIG(indicator), .required = 1,
     .hint = "the name of an indicator of the recipe"},
    {.key = "label", .kind = F_STR, .off = FIG(label)},
    {.key = NULL}};
#undef FIG

/* figures: a list of indicator names or {indicator, label}. */
static int figures_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                      void *obj, const char *what)
{
    rcp_factsheet *f = obj;
    if (val->kind == RY_MAP)
        return rcp_fail(val, "figures in %s must be a list of indicator "
                             "names, such as [aandeel_hh, dichtheid], but "
                             "found a mapping",
                        what);
    size_t n = val->kind == RY_SEQ ? val->n : 1;
    f->figures = rcp_arena_alloc(c->a, (n ? n : 1) * sizeof *f->figures);
    if (!f->figures)
        return -1;
    for (size_t k = 0; k < n; k++) {
        const ry_node *it = val->kind == RY_SEQ ? val->items[k] : val;
        char w[260];
        snprintf(w, sizeof w, err_tr("figure %zu of %s"), k + 1, what);
        if (it->kind == RY_MAP) {
            if (rcp_fill(c, it, figure_fields, &f->figures[k], w, NULL) < 0)
                return -1;
        } else if (it->kind == RY_SCALAR && !ry_is_null(it)) {
            if (rcp_set_str(c, &f->figures[k].indicator, it) < 0)
                return -1;
        } else {
            return rcp_fail(it, "%s must be an indicator name or "
                                "{indicator: ..., label: ...}, but found %s",
                            w, ry_kind_name(it));
        }
    }
    f->n_figures = n;
    return 0;
}

#define CH(f) offsetof(rcp_chart, f)
static const rcp_field chart_fields[] = {
    {.key = "type", .kind = F_ENUM, .off = CH(type), .required = 1,
     .opts = chart_opts, .hint = "age, tenure, households or custom"},
    {.key = "columns", .kind = F_STRLIST, .off = CH(columns),
     .hint = "a list of column names"},
    {.key = "title", .kind = F_STR, .off = CH(title)},
    {.key = NULL}};
#undef CH

/* charts: a list of chart types or {type, columns, title}. */
static int charts_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                     void *obj, const char *what)
{
    rcp_factsheet *f = obj;
    if (val->kind == RY_MAP)
        return rcp_fail(val, "charts in %s must be a list, such as [age, "
                             "tenure], but found a mapping",
                        what);
    size_t n = val->kind == RY_SEQ ? val->n : 1;
    f->charts = rcp_arena_alloc(c->a, (n ? n : 1) * sizeof *f->charts);
    if (!f->charts)
        return -1;
    for (size_t k = 0; k < n; k++) {
        const ry_node *it = val->kind == RY_SEQ ? val->items[k] : val;
        rcp_chart *ch = &f->charts[k];
        char w[260];
        snprintf(w, sizeof w, err_tr("chart %zu of %s"), k + 1, what);
        ch->pos = rcp_node_pos(it);
        if (it->kind == RY_MAP) {
            if (rcp_fill(c, it, chart_fields, ch, w, NULL) < 0)
                return -1;
        } else if (it->kind == RY_SCALAR && !ry_is_null(it)) {
            if (rcp_enum_value(it, chart_opts, "chart", what, &ch->type.v) < 0)
                return -1;
            ch->type.pos = rcp_node_pos(it);
        } else {
            return rcp_fail(it, "%s must be a chart type (age, tenure, "
                                "households) or {type: custom, columns: "
                                "[...]}, but found %s",
                            w, ry_kind_name(it));
        }
        if (ch->type.v == RCP_CHART_CUSTOM && ch->columns.n == 0)
            return rcp_fail(it, "%s is a custom chart and needs columns: with "
                                "the columns to draw, such as [a, b, c]",
                            w);
    }
    f->n_charts = n;
    return 0;
}

#define BOX(f) offsetof(rcp_box, f)
static const rcp_field box_fields[] = {
    {.key = "title", .kind = F_STR, .off = BOX(title), .required = 1,
     .hint = "the heading of the box, such as Warmtetransitie"},
    {.key = "indicators", .kind = F_STRLIST, .off = BOX(indicators),
     .required = 1, .hint = "a list of indicator names"},
    {.key = NULL}};
#undef BOX

/* boxes: a list of {title, indicators} (at most 3). */
static int boxes_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                    void *obj, const char *what)
{
    rcp_factsheet *f = obj;
    if (val->kind != RY_SEQ)
        return rcp_fail(val, "boxes in %s must be a list of {title: ..., "
                             "indicators: [...]}",
                        what);
    if (val->n > 3)
        return rcp_fail(val, "a fact sheet has room for at most 3 boxes, "
                             "but %s has %zu",
                        what, val->n);
    f->boxes = rcp_arena_alloc(c->a, (val->n ? val->n : 1) * sizeof *f->boxes);
    if (!f->boxes)
        return -1;
    for (size_t k = 0; k < val->n; k++) {
        const ry_node *it = val->items[k];
        char w[260];
        snprintf(w, sizeof w, err_tr("box %zu of %s"), k + 1, what);
        f->boxes[k].pos = rcp_node_pos(it);
        if (it->kind != RY_MAP)
            return rcp_fail(it, "%s must be {title: ..., indicators: [...]}, "
                                "but found %s",
                            w, ry_kind_name(it));
        if (rcp_fill(c, it, box_fields, &f->boxes[k], w, NULL) < 0)
            return -1;
    }
    f->n_boxes = val->n;
    return 0;
}

/* compare: gemeente, area and/or national. */
static int compare_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                      void *obj, const char *what)
{
    rcp_factsheet *f = obj;
    return bits_value(val, compare_opts, "compare", what, &f->compare);
}

#define FS(f) offsetof(rcp_factsheet, f)
static const rcp_field sheet_fields[] = {
    {.key = "name", .kind = F_NAME, .off = FS(name)},
    {.key = "unit", .kind = F_ENUM, .off = FS(unit), .opts = sheet_unit_opts},
    {.key = "figures", .kind = F_CUSTOM, .fn = figures_fn,
     .sub = figure_fields, .doc = "factsheets[].figures[]"},
    {.key = "charts", .kind = F_CUSTOM, .fn = charts_fn, .sub = chart_fields,
     .doc = "factsheets[].charts[]"},
    {.key = "boxes", .kind = F_CUSTOM, .fn = boxes_fn, .sub = box_fields,
     .doc = "factsheets[].boxes[]"},
    {.key = "compare", .kind = F_CUSTOM, .fn = compare_fn,
     .doc = "a list of gemeente, area and national"},
    {.key = "page", .kind = F_ENUM, .off = FS(page), .opts = paper_opts},
    {.key = "combined", .kind = F_BOOL, .off = FS(combined)},
    {.key = "locator", .kind = F_BOOL, .off = FS(locator)},
    {.key = "reach", .kind = F_STRLIST, .off = FS(reach),
     .hint = "a list of reach indicators (kind: reach)"},
    {.key = "hard_to_reach", .kind = F_STR, .off = FS(hard_to_reach),
     .hint = "an index indicator with factors:"},
    {.key = NULL}};
#undef FS

/* One fact sheet (named form: name_key; else single or list form). */
static int sheet_entry(rcp_sctx *c, const ry_node *name_key,
                       const ry_node *val, rcp_factsheet *f, size_t index)
{
    char w[200];
    if (name_key)
        snprintf(w, sizeof w, err_tr("factsheet \"%.100s\""), name_key->text);
    else
        snprintf(w, sizeof w, err_tr("factsheets entry %zu"), index + 1);
    f->compare.v = RCP_CMP_GEMEENTE | RCP_CMP_NATIONAL;
    f->combined.v = 1;
    f->locator.v = 1;
    if (name_key && (rcp_check_name(name_key, 0, "factsheet") < 0 ||
                     rcp_set_str(c, &f->name, name_key) < 0))
        return -1;
    if (!ry_is_null(val) && rcp_fill(c, val, sheet_fields, f, w, name_key) < 0)
        return -1;
    if (!f->name.s) {
        char nm[32];
        if (index == 0)
            snprintf(nm, sizeof nm, "factsheet");
        else
            snprintf(nm, sizeof nm, "factsheet_%zu", index + 1);
        if (rcp_default_str(c, &f->name, nm) < 0)
            return -1;
        f->name.pos = rcp_node_pos(val);
    }
    return 0;
}

/* ---- comparisons --------------------------------------------------------- */

#define CMP(f) offsetof(rcp_comparison, f)
static const rcp_field cmp_fields[] = {
    {.key = "name", .kind = F_NAME, .off = CMP(name)},
    {.key = "indicator", .kind = F_STR, .off = CMP(indicator),
     .hint = "the name of an indicator of the recipe"},
    {.key = "by", .kind = F_ENUM, .off = CMP(by), .opts = by_opts},
    {.key = "chart", .kind = F_ENUM, .off = CMP(chart), .opts = style_opts},
    {.key = "sort", .kind = F_ENUM, .off = CMP(sort), .opts = sort_opts},
    {.key = NULL}};
#undef CMP

/* One comparison (list item, shorthand indicator name, or named entry). */
static int cmp_entry(rcp_sctx *c, const ry_node *name_key, const ry_node *val,
                     rcp_comparison *m, size_t index)
{
    char w[200];
    if (name_key)
        snprintf(w, sizeof w, err_tr("comparison \"%.100s\""), name_key->text);
    else
        snprintf(w, sizeof w, err_tr("comparisons entry %zu"), index + 1);
    m->by.v = RCP_GEMEENTE;
    if (name_key && (rcp_check_name(name_key, 0, "comparison") < 0 ||
                     rcp_set_str(c, &m->name, name_key) < 0))
        return -1;
    if (val->kind == RY_SCALAR && !ry_is_null(val)) {
        if (rcp_convert(c, &cmp_fields[1], NULL, val, m, w) < 0)
            return -1;
    } else if (!ry_is_null(val) &&
               rcp_fill(c, val, cmp_fields, m, w, name_key) < 0) {
        return -1;
    }
    if (default_indicator_name(c, name_key, val, &m->indicator, &m->name,
                               w) < 0)
        return -1;
    return 0;
}

/* ---- collections ------------------------------------------------------- */

typedef enum { COL_MAPS, COL_SHEETS, COL_CMPS } coltype;

/* Calls the entry builder of one collection type. */
static int entry(rcp_sctx *c, coltype t, const ry_node *name_key,
                 const ry_node *val, void *arr, size_t k)
{
    switch (t) {
    case COL_MAPS: return map_entry(c, name_key, val, (rcp_map *)arr + k, k);
    case COL_SHEETS:
        return sheet_entry(c, name_key, val, (rcp_factsheet *)arr + k, k);
    default: return cmp_entry(c, name_key, val, (rcp_comparison *)arr + k, k);
    }
}

/* A list of entries, a mapping of named entries, or one entry written as
 * a mapping of its keys (recognised by a key of fields). */
static int collection(rcp_sctx *c, coltype t, const ry_node *key,
                      const ry_node *val, void **arr, size_t *count,
                      size_t elem, const char *section,
                      const rcp_field *fields)
{
    if (val->kind == RY_SCALAR)
        return rcp_fail(val, "%s must be a list or a mapping of entries, but "
                             "found a single value",
                        section);
    int single = 0;
    if (val->kind == RY_MAP)
        for (size_t k = 0; k < val->n; k++)
            for (const rcp_field *f = fields; f->key; f++)
                if (strcmp(f->key, val->items[2 * k]->text) == 0)
                    single = 1;
    size_t n = single ? 1 : val->n;
    *arr = rcp_arena_alloc(c->a, (n ? n : 1) * elem);
    if (!*arr)
        return -1;
    for (size_t k = 0; k < n; k++) {
        int rc;
        if (single)
            rc = entry(c, t, NULL, val, *arr, k);
        else if (val->kind == RY_SEQ)
            rc = entry(c, t, NULL, val->items[k], *arr, k);
        else
            rc = entry(c, t, val->items[2 * k], val->items[2 * k + 1], *arr, k);
        if (rc < 0)
            return -1;
        *count = k + 1;
    }
    return 0;
}

int rcp_build_maps(rcp_sctx *c, const ry_node *key, const ry_node *val,
                   void *obj, const char *what)
{
    rcp *r = obj;
    return collection(c, COL_MAPS, key, val, (void **)&r->maps, &r->n_maps,
                      sizeof *r->maps, "maps", map_fields);
}

int rcp_build_factsheets(rcp_sctx *c, const ry_node *key, const ry_node *val,
                         void *obj, const char *what)
{
    rcp *r = obj;
    return collection(c, COL_SHEETS, key, val, (void **)&r->factsheets,
                      &r->n_factsheets, sizeof *r->factsheets, "factsheets",
                      sheet_fields);
}

int rcp_build_comparisons(rcp_sctx *c, const ry_node *key,
                          const ry_node *val, void *obj, const char *what)
{
    rcp *r = obj;
    return collection(c, COL_CMPS, key, val, (void **)&r->comparisons,
                      &r->n_comparisons, sizeof *r->comparisons,
                      "comparisons", cmp_fields);
}

/* Fails when name is used by an earlier entry of the same section. */
static int unique_name(const rcp_str *names, size_t stride, size_t k,
                       const char *section)
{
    const rcp_str *me = (const rcp_str *)((const char *)names + k * stride);
    for (size_t j = 0; j < k; j++) {
        const rcp_str *o = (const rcp_str *)((const char *)names + j * stride);
        if (strcmp(o->s, me->s) == 0)
            return rcp_error_at(me->pos, ERR_RECIPE,
                                "two %s are named \"%s\" (the other at line "
                                "%ld), but each needs its own file name; "
                                "give one of them another name",
                                section, me->s, o->pos.line);
    }
    return 0;
}

int rcp_check_outputs(rcp_sctx *c, rcp *r)
{
    char w[200];
    for (size_t k = 0; k < r->n_maps; k++) {
        if (!r->maps[k].name.node_)
            snprintf(w, sizeof w, err_tr("maps entry %zu"), k + 1);
        else
            snprintf(w, sizeof w, err_tr("map \"%s\""), r->maps[k].name.s);
        if (r->maps[k].type.v == RCP_MAP_BIVARIATE &&
            (rcp_check_indicator_ref(r, &r->maps[k].x, w) < 0 ||
             rcp_check_indicator_ref(r, &r->maps[k].y, w) < 0))
            return -1;
        if (rcp_check_indicator_ref(r, &r->maps[k].indicator, w) < 0 ||
            unique_name(&r->maps[0].name, sizeof r->maps[0], k, "maps") < 0)
            return -1;
    }
    for (size_t k = 0; k < r->n_factsheets; k++) {
        rcp_factsheet *f = &r->factsheets[k];
        if (!f->name.node_)
            snprintf(w, sizeof w, err_tr("factsheets entry %zu"), k + 1);
        else
            snprintf(w, sizeof w, err_tr("factsheet \"%s\""), f->name.s);
        if (!rcp_given(f->unit.pos))
            f->unit.v = r->unit.v == RCP_BUURT ? RCP_BUURT : RCP_WIJK;
        if (f->unit.v < r->unit.v)
            return rcp_error_at(rcp_given(f->unit.pos) ? f->unit.pos
                                                       : f->name.pos,
                                ERR_RECIPE,
                                "%s makes a sheet per %s, but the recipe's "
                                "unit is %s, which is coarser; set unit: "
                                "buurt at the top or a coarser sheet unit",
                                w, rcp_level_name(f->unit.v),
                                rcp_level_name(r->unit.v));
        for (size_t j = 0; j < f->n_figures; j++)
            if (rcp_check_indicator_ref(r, &f->figures[j].indicator, w) < 0)
                return -1;
        for (size_t j = 0; j < f->reach.n; j++) {
            rcp_str ref;
            memset(&ref, 0, sizeof ref);
            ref.s = f->reach.s[j];
            ref.pos = f->reach.at[j];
            if (rcp_check_indicator_ref(r, &ref, w) < 0)
                return -1;
            if (rcp_find_indicator(r, ref.s)->part != RCP_PART_REACH_RATE)
                return rcp_error_at(ref.pos, ERR_RECIPE, "reach in %s lists "
                                    "\"%s\", which is not a reach indicator "
                                    "(kind: reach with reached: and target:)",
                                    w, ref.s);
        }
        if (f->hard_to_reach.s) {
            if (rcp_check_indicator_ref(r, &f->hard_to_reach, w) < 0)
                return -1;
            if (rcp_find_indicator(r, f->hard_to_reach.s)->part !=
                RCP_PART_INDEX_TOTAL)
                return rcp_error_at(f->hard_to_reach.pos, ERR_RECIPE,
                                    "hard_to_reach in %s is \"%s\", which is "
                                    "not an index with factors:", w,
                                    f->hard_to_reach.s);
        }
        for (size_t b = 0; b < f->n_boxes; b++)
            for (size_t j = 0; j < f->boxes[b].indicators.n; j++) {
                rcp_str ref;
                memset(&ref, 0, sizeof ref);
                ref.s = f->boxes[b].indicators.s[j];
                ref.pos = f->boxes[b].indicators.at[j];
                if (rcp_check_indicator_ref(r, &ref, w) < 0)
                    return -1;
            }
        if (unique_name(&r->factsheets[0].name, sizeof *f, k, "factsheets") <
            0)
            return -1;
    }
    for (size_t k = 0; k < r->n_comparisons; k++) {
        rcp_comparison *m = &r->comparisons[k];
        if (!m->name.node_)
            snprintf(w, sizeof w, err_tr("comparisons entry %zu"), k + 1);
        else
            snprintf(w, sizeof w, err_tr("comparison \"%s\""), m->name.s);
        if (rcp_check_indicator_ref(r, &m->indicator, w) < 0)
            return -1;
        if (m->by.v < r->unit.v)
            return rcp_error_at(m->by.pos, ERR_RECIPE,
                                "%s compares per %s, but the recipe's unit "
                                "is %s, which is coarser; compare by "
                                "gemeente or use a finer unit",
                                w, rcp_level_name(m->by.v),
                                rcp_level_name(r->unit.v));
        if (unique_name(&r->comparisons[0].name, sizeof *m, k,
                        "comparisons") < 0)
            return -1;
    }
    return 0;
}

const rcp_field *rcp_output_fields(const char *section)
{
    if (!strcmp(section, "maps"))
        return map_fields;
    if (!strcmp(section, "factsheets"))
        return sheet_fields;
    if (!strcmp(section, "comparisons"))
        return cmp_fields;
    return NULL;
}
