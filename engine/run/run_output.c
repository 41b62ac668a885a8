/* run_output.c - the view model of a run's result tables (out_table per
 * level: code, name, parent codes and names, then each indicator followed
 * by its reason column) and writing them into the staging folder:
 * indicators.csv (units), indicators_<level>.csv per rollup level,
 * indicators_kolommen.csv (the columns described), indicators.xlsx and
 * indicators.gpkg (written after the maps, which give its styles). */
#include "run_internal.h"
#include "pal_vision.h"

#include "err.h"
#include "mem.h"
#include "out.h"
#include "pal.h"
#include "present.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Words for a missing reason in tables: those of the map legends (the
 * long form of present.h). */
static const char *reason_word(const run_ctx *c, const run_indicator *ind,
                               miss_reason why)
{
    return present_miss(present_lang(c->r), why, PRESENT_LONG,
                        ind ? ind->ri->min_base.label.s : NULL);
}

/* 1 when every valid value of col is a whole number below 2^53. */
static int all_whole(const tbl_col *col, size_t n)
{
    for (size_t r = 0; r < n; r++)
        if (col_miss(col, r) == MISS_NONE &&
            (col->d[r] != floor(col->d[r]) || fabs(col->d[r]) > 9.0e15))
            return 0;
    return 1;
}

/* "label (year); label" of the sources an expression names (prefix
 * "name."), into buf. */
static void sources_of(const run_ctx *c, const char *text, char *buf,
                       size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < c->n_src && text; k++) {
        const rcp_source *rs = c->src[k].rs;
        size_t nl = strlen(rs->name.s);
        int hit = 0;
        for (const char *p = strstr(text, rs->name.s); p && !hit;
             p = strstr(p + 1, rs->name.s))
            hit = p[nl] == '.' &&
                  (p == text || !(p[-1] == '_' || p[-1] == '.' ||
                                  (p[-1] >= '0' && p[-1] <= '9') ||
                                  ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z')));
        if (!hit)
            continue;
        const char *label = rs->label.s;
        const catalog *cat = c->src[k].cat;
        if (!label && cat && cat->title)
            label = cat->title;
        if (!label) {
            const char *slash = strrchr(rs->path.s, '/');
            label = slash ? slash + 1 : rs->path.s;
        }
        long year = rs->year.v ? rs->year.v : cat ? cat->year : 0;
        int w = year ? snprintf(buf + used, size - used, "%s%s (%ld)",
                                used ? "; " : "", label, year)
                     : snprintf(buf + used, size - used, "%s%s",
                                used ? "; " : "", label);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
}

void run_out_model_free(run_out_model *m)
{
    for (size_t k = 0; k < m->n; k++) {
        if (m->cols)
            mem_free(m->cols[k]);
        if (m->extra)
            tbl_free(m->extra[k]);
    }
    for (size_t k = 0; k < m->n_ind; k++) {
        if (m->formula_src)
            mem_free(m->formula_src[k]);
        if (m->reasons)
            mem_free(m->reasons[k]);
    }
    MEM_FREE_ALL(m->formula_src, m->reasons, m->tables, m->cols, m->extra,
                 m->reason_buf);
    memset(m, 0, sizeof *m);
}

/* Parent codes and names of level k's rows at every coarser rollup level,
 * as text columns of m->extra[k] ("wijkcode", "wijknaam", ...). */
static int parent_columns(run_ctx *c, run_out_model *m, size_t k)
{
    const run_level *L = &c->levels[k];
    size_t n = tbl_nrows(L->result);
    m->extra[k] = tbl_new(n);
    if (!m->extra[k])
        return -1;
    if (L->level == KEY_INVALID)
        return 0;
    for (size_t p = 1; p < c->n_levels; p++) {
        const run_level *P = &c->levels[p];
        if (P->level == KEY_INVALID || P->level >= L->level)
            continue;
        char cn[32], nn[32];
        snprintf(cn, sizeof cn, "%scode", key_level_name(P->level));
        snprintf(nn, sizeof nn, "%snaam", key_level_name(P->level));
        tbl_col *cc = tbl_add_col(m->extra[k], cn, COL_STRING);
        tbl_col *nc = cc ? tbl_add_col(m->extra[k], nn, COL_STRING) : NULL;
        if (!nc)
            return -1;
        const tbl_col *pnames = tbl_col_by_name(P->result, "name");
        for (size_t r = 0; r < n; r++) {
            size_t unit = k == 0 ? r : L->g.first_unit[r];
            size_t g = P->g.group_of[unit];
            if (g == SIZE_MAX)
                continue;
            const char *name = col_str(pnames, g);
            if (col_set_str(cc, n, r, P->g.codes[g], strlen(P->g.codes[g])) < 0 ||
                (name && col_set_str(nc, n, r, name, strlen(name)) < 0))
                return -1;
        }
    }
    return 0;
}

/* Labels of the fixed columns. */
static const char *fixed_label(const run_ctx *c, const char *name,
                               key_level l, char *buf, size_t size)
{
    int en = c->r->language.v == RCP_EN;
    const char *lv = l == KEY_INVALID ? (en ? "area" : "gebied")
                                      : key_level_name(l);
    if (!strcmp(name, "code"))
        snprintf(buf, size, en ? "Code of the %s" : "Code van de %s", lv);
    else if (!strcmp(name, "name"))
        snprintf(buf, size, en ? "Name of the %s" : "Naam van de %s", lv);
    else
        return NULL;
    return buf;
}

int run_out_model_build(run_ctx *c, run_out_model *m)
{
    memset(m, 0, sizeof *m);
    size_t nl = c->n_levels, ni = c->n_ind;
    m->n = nl;
    m->n_ind = ni;
    m->tables = mem_calloc(nl ? nl : 1, sizeof *m->tables);
    m->cols = mem_calloc(nl ? nl : 1, sizeof *m->cols);
    m->extra = mem_calloc(nl ? nl : 1, sizeof *m->extra);
    m->formula_src = mem_calloc(ni ? ni : 1, sizeof *m->formula_src);
    m->reasons = mem_calloc(ni ? ni : 1, sizeof *m->reasons);
    m->reason_buf = mem_alloc((ni ? ni : 1) * 80);
    if (!m->tables || !m->cols || !m->extra || !m->formula_src ||
        !m->reasons || !m->reason_buf)
        goto oom;
    for (size_t i = 0; i < ni; i++) {
        const run_indicator *ind = &c->ind[i];
        m->reasons[i] = mem_alloc(MISS_REASON_COUNT * sizeof *m->reasons[i]);
        m->formula_src[i] = mem_alloc(1024);
        if (!m->reasons[i] || !m->formula_src[i])
            goto oom;
        for (int r = 0; r < MISS_REASON_COUNT; r++)
            m->reasons[i][r] = reason_word(c, ind, (miss_reason)r);
        sources_of(c, ind->ri->expr.s, m->formula_src[i], 1024);
        /* the reason column: "<name>_reden" */
        snprintf(m->reason_buf + 80 * i, 80, "%.70s_reden", ind->ri->name.s);
    }
    for (size_t k = 0; k < nl; k++) {
        const run_level *L = &c->levels[k];
        const tbl *t = L->result;
        if (parent_columns(c, m, k) < 0)
            goto fail;
        size_t ne = tbl_ncols(m->extra[k]);
        size_t cap = 2 + ne + 4 * ni;
        out_column *oc = m->cols[k] = mem_calloc(cap, sizeof *oc);
        if (!oc)
            goto oom;
        size_t n = 0;
        static const char *const fixed[] = {"code", "name"};
        for (size_t f = 0; f < 2; f++) {
            oc[n].name = fixed[f];
            oc[n].kind = OUT_TEXT;
            oc[n].col = tbl_col_by_name(t, fixed[f]);
            oc[n].decimals = -1;
            oc[n].label = fixed_label(c, fixed[f], L->level, m->fixed_text[k][f],
                                      sizeof m->fixed_text[k][f]);
            n++;
        }
        for (size_t e = 0; e < ne && e < 4; e++) {
            const tbl_col *col = tbl_col_at(m->extra[k], e);
            char lv[32];
            size_t ln = strlen(col->name) - 4; /* "wijk" of "wijkcode" */
            snprintf(lv, sizeof lv, "%.*s", (int)(ln < 31 ? ln : 31), col->name);
            snprintf(m->fixed_text[k][2 + e], sizeof m->fixed_text[k][2 + e],
                     c->r->language.v == RCP_EN
                         ? (e % 2 ? "Name of the %s" : "Code of the %s")
                         : (e % 2 ? "Naam van de %s" : "Code van de %s"),
                     lv);
            oc[n].label = m->fixed_text[k][2 + e];
            oc[n].name = col->name;
            oc[n].kind = OUT_TEXT;
            oc[n].col = col;
            oc[n].decimals = -1;
            n++;
        }
        for (size_t i = 0; i < ni; i++) {
            const rcp_indicator *ri = c->ind[i].ri;
            const tbl_col *col = tbl_col_by_name(t, ri->name.s);
            int dec = (int)ri->decimals.v;
            oc[n].name = ri->name.s;
            oc[n].col = col;
            oc[n].decimals = dec;
            oc[n].kind = (dec == 0 || ri->kind.v == RCP_KIND_COUNT) &&
                                 all_whole(col, tbl_nrows(t))
                             ? OUT_INTEGER
                             : OUT_NUMBER;
            oc[n].label = ri->label.s;
            oc[n].unit = ri->unit.s;
            oc[n].formula = ri->expr.s;
            oc[n].source = m->formula_src[i][0] ? m->formula_src[i] : NULL;
            n++;
            oc[n].name = m->reason_buf + 80 * i; /* "<name>_reden" */
            oc[n].kind = OUT_REASON;
            oc[n].col = col;
            oc[n].decimals = -1;
            oc[n].reasons = m->reasons[i];
            oc[n].label = c->r->language.v == RCP_EN ? "why the value is missing"
                                                     : "waarom de waarde ontbreekt";
            n++;
            /* rollup tables: the coverage of the value (run_levels.c) */
            static const char *const cov[2] = {"dekking", "eenheden"};
            for (int j = 0; j < 2; j++) {
                char cn[300];
                snprintf(cn, sizeof cn, "%s_%s", ri->name.s, cov[j]);
                const tbl_col *cc = tbl_col_by_name(t, cn);
                if (!cc)
                    continue;
                oc[n].name = cc->name;
                oc[n].col = cc;
                oc[n].kind = j ? OUT_INTEGER : OUT_NUMBER;
                oc[n].decimals = j ? 0 : -1;
                oc[n].label = c->r->language.v == RCP_EN
                                  ? (j ? "units with a valid value"
                                       : "coverage: share of the base with a "
                                         "valid value")
                                  : (j ? "eenheden met een geldige waarde"
                                       : "dekking: deel van de basis met een "
                                         "geldige waarde");
                n++;
            }
        }
        m->tables[k].name = L->level == KEY_INVALID ? "gebied"
                                                    : key_level_plural(L->level);
        m->tables[k].cols = oc;
        m->tables[k].n_cols = n;
        m->tables[k].n_rows = tbl_nrows(t);
        m->tables[k].geom = tbl_geom(t);
        if (k > 0 && c->levels[0].result && tbl_geom(c->levels[0].result)) {
            m->tables[k].dissolve = tbl_geom(c->levels[0].result);
            m->tables[k].group_of = L->g.group_of;
            m->tables[k].n_dissolve = c->n_units;
        }
    }
    return 0;
oom:
    err_oom("tables");
fail:
    run_out_model_free(m);
    return -1;
}

/* Most restrictive dialect: the recipe's, or Dutch Excel. */
static out_dialect dialect_of(const run_ctx *c)
{
    return c->r->out_dialect.v == RCP_DIALECT_INTERNATIONAL ? OUT_DIALECT_INTL
                                                             : OUT_DIALECT_NL;
}

int run_check_outputs(const run_ctx *c)
{
    if (!c->r->out_gpkg.v)
        return 0;
    /* the widest table is a rollup table when there is one */
    size_t cols = 2; /* code, name */
    for (size_t k = 0; k < c->n_ind; k++) {
        cols += run_result_columns(&c->ind[k], c->unit_level != KEY_INVALID);
        if (cols > OUT_GPKG_MAX_COLUMNS)
            return rcp_error_at(
                c->ind[k].ri->name.pos, ERR_RECIPE,
                "with indicator %s the tables of indicators.gpkg would get "
                "more than %d columns, the most a GeoPackage (SQLite) table "
                "holds; use fewer indicators, split the recipe, or leave "
                "out the GeoPackage (outputs)",
                c->ind[k].ri->name.s, OUT_GPKG_MAX_COLUMNS);
    }
    return 0;
}

int run_write_outputs(run_ctx *c, const char *dir)
{
    char path[4200];
    if (!c->r->out_tables.v)
        return 0;
    run_out_model m;
    if (run_out_model_build(c, &m) < 0)
        return -1;
    int rc = 0, en = c->r->language.v == RCP_EN;
    out_dialect d = dialect_of(c);
    for (size_t k = 0; rc == 0 && k < c->n_levels; k++) {
        snprintf(path, sizeof path, "%s/%s.csv", dir, c->levels[k].file_stem);
        rc = out_csv(&m.tables[k], path, d);
    }
    if (rc == 0) {
        snprintf(path, sizeof path, "%s/indicators_kolommen.csv", dir);
        rc = out_csv_columns(&m.tables[0], path, d, en);
    }
    if (rc == 0 && c->r->out_xlsx.v) {
        snprintf(path, sizeof path, "%s/indicators.xlsx", dir);
        rc = out_xlsx(path, m.tables, m.n, en, c->created);
    }
    run_out_model_free(&m);
    return rc;
}

/* The layer style of map k on the unit layer: its classes and colours,
 * and one entry per missing reason present. Arrays live in *buf. */
typedef struct {
    const char *rv[2 * MISS_REASON_COUNT], *rl[2 * MISS_REASON_COUNT];
    const char *rf[2 * MISS_REASON_COUNT];
    unsigned char hatch[2 * MISS_REASON_COUNT];
    const char *labels[CLS_K_MAX > 9 ? CLS_K_MAX : 9];
    double cell[9][4];
    unsigned char first[9][2], class_hatch[9];
    unsigned char rgb[9][3];
    char rl_text[2 * MISS_REASON_COUNT][200];
    /* a categorical map's categories (owned; style_buf_free) */
    double *cat_values;
    unsigned char (*cat_rgb)[3];
    const char **cat_labels;
} style_buf;

static void style_buf_free(style_buf *b)
{
    MEM_FREE_ALL(b->cat_values, b->cat_rgb, b->cat_labels);
}

/* The index of indicator name in c->ind (c->n_ind when none). */
static size_t ind_index(const run_ctx *c, const char *name)
{
    size_t i = 0;
    while (i < c->n_ind && strcmp(c->ind[i].ri->name.s, name))
        i++;
    return i;
}

/* The style of a categorical or bivariate map k, from what it printed
 * (run_map_result's entries): categories or the 9 cells with their
 * colours and legend texts, then one rule per missing reason shown.
 * 0 or -1 (out of memory). */
static int map_style_entries(const run_ctx *c, const run_out_model *m,
                              size_t k, out_style *st, style_buf *buf)
{
    const run_map_result *mr = &c->maps[k];
    const rcp_map *rm = mr->map;
    int bivar = rm->type.v == RCP_MAP_BIVARIATE;
    size_t ix = ind_index(c, bivar ? rm->x.s : rm->indicator.s);
    size_t iy = bivar ? ind_index(c, rm->y.s) : ix;
    st->kind = bivar ? OUT_STYLE_BIVARIATE : OUT_STYLE_CATEGORIES;
    st->field = c->ind[ix].ri->name.s;
    st->field_y = c->ind[iy].ri->name.s;
    st->title = bivar ? rm->name.s
                      : c->ind[ix].ri->label.s ? c->ind[ix].ri->label.s
                                               : c->ind[ix].ri->name.s;
    int n = 0;
    if (bivar) {
        /* one rule per cell that has a class on both axes */
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 3; x++) {
                int kx = mr->pos_class[0][x], ky = mr->pos_class[1][y];
                if (kx < 0 || ky < 0)
                    continue;
                int cell = 3 * y + x;
                buf->cell[n][0] = mr->xbreaks[kx];
                buf->cell[n][1] = mr->xbreaks[kx + 1];
                buf->cell[n][2] = mr->cls.breaks[ky];
                buf->cell[n][3] = mr->cls.breaks[ky + 1];
                buf->first[n][0] = kx == 0;
                buf->first[n][1] = ky == 0;
                buf->class_hatch[n] = x == 2 && y == 0; /* as printed */
                memcpy(buf->rgb[n], mr->ent_rgb[cell], 3);
                buf->labels[n] = mr->ent_text[cell];
                n++;
            }
        st->cell = (const double(*)[4])buf->cell;
        st->cell_first = (const unsigned char(*)[2])buf->first;
        st->class_hatch = buf->class_hatch;
        st->rgb = (const unsigned char(*)[3])buf->rgb;
        st->class_labels = buf->labels;
    } else {
        size_t nc = mr->n_ent_cls ? mr->n_ent_cls : 1;
        buf->cat_values = mem_alloc(nc * sizeof *buf->cat_values);
        buf->cat_rgb = mem_alloc(nc * sizeof *buf->cat_rgb);
        buf->cat_labels = mem_alloc(nc * sizeof *buf->cat_labels);
        if (!buf->cat_values || !buf->cat_rgb || !buf->cat_labels)
            return err_oom("layer styles");
        for (size_t j = 0; j < mr->n_ent_cls; j++) {
            buf->cat_values[n] = rm->cats[j].value;
            memcpy(buf->cat_rgb[n], mr->ent_rgb[j], 3);
            buf->cat_labels[n] = mr->ent_text[j];
            n++;
        }
        st->values = buf->cat_values;
        st->rgb = (const unsigned char(*)[3])buf->cat_rgb;
        st->class_labels = buf->cat_labels;
    }
    st->k = n;
    for (size_t e = mr->n_ent_cls; e < mr->n_ent; e++) {
        unsigned w = mr->ent_why[e];
        size_t i = w >= 100 ? ix : iy;
        miss_reason why = (miss_reason)(w >= 100 ? w - 100 : w);
        if (why >= MISS_REASON_COUNT)
            continue;
        size_t r = st->n_reasons++;
        buf->rv[r] = m->reasons[i][why];
        buf->rf[r] = m->reason_buf + 80 * i;
        snprintf(buf->rl_text[r], sizeof buf->rl_text[r], "%s", mr->ent_text[e]);
        buf->rl[r] = buf->rl_text[r];
        buf->hatch[r] = why == MISS_SECRET || why == MISS_SUPPRESSED;
        memcpy(st->nodata_rgb, mr->ent_rgb[e], 3);
    }
    st->reason_values = buf->rv;
    st->reason_labels = buf->rl;
    st->reason_fields = buf->rf;
    st->reason_field = m->reason_buf + 80 * iy;
    st->reason_hatch = buf->hatch;
    return 0;
}

static int map_style(const run_ctx *c, const run_out_model *m, size_t k,
                     out_style *st, style_buf *buf)
{
    const run_map_result *mr = &c->maps[k];
    if (mr->entry) {
        memset(st, 0, sizeof *st);
        st->layer = m->tables[0].name;
        st->name = mr->map->name.s;
        st->fields = &m->tables[0];
        st->date = c->created;
        return map_style_entries(c, m, k, st, buf);
    }
    size_t i = 0;
    while (i < c->n_ind && strcmp(c->ind[i].ri->name.s, mr->map->indicator.s))
        i++;
    const run_indicator *ind = &c->ind[i];
    memset(st, 0, sizeof *st);
    st->layer = m->tables[0].name;
    st->name = mr->map->name.s;
    st->field = ind->ri->name.s;
    st->title = ind->ri->label.s ? ind->ri->label.s : ind->ri->name.s;
    st->k = mr->cls.k;
    st->breaks = mr->cls.breaks;
    st->rgb = (const unsigned char(*)[3])mr->rgb;
    for (int j = 0; j < mr->cls.k; j++)
        buf->labels[j] = mr->class_text[j];
    st->class_labels = buf->labels;
    int seen[MISS_REASON_COUNT] = {0};
    for (size_t u = 0; u < c->n_units; u++) {
        miss_reason why = (miss_reason)ind->m[u];
        if (why == MISS_NONE || why >= MISS_REASON_COUNT || seen[why])
            continue;
        seen[why] = 1;
        buf->rv[st->n_reasons] = m->reasons[i][why];
        buf->rl[st->n_reasons] = m->reasons[i][why];
        buf->hatch[st->n_reasons] = (unsigned char)pal_miss_hatch(why, mr->nodata_hatch);
        st->n_reasons++;
    }
    st->reason_values = buf->rv;
    st->reason_labels = buf->rl;
    st->reason_hatch = buf->hatch;
    st->reason_field = m->reason_buf + 80 * i;
    memcpy(st->nodata_rgb, mr->nodata, 3);
    st->fields = &m->tables[0];
    st->date = c->created;
    return 0;
}

int run_write_gpkg(run_ctx *c, const char *dir)
{
    if (!c->r->out_gpkg.v)
        return 0;
    char path[4200];
    run_out_model m;
    if (run_out_model_build(c, &m) < 0)
        return -1;
    size_t ns = c->n_maps;
    out_style *st = mem_calloc(ns ? ns : 1, sizeof *st);
    style_buf *sb = mem_calloc(ns ? ns : 1, sizeof *sb);
    int rc = st && sb ? 0 : err_oom("layer styles");
    size_t n_st = 0; /* a style per map (categorical and bivariate ones
                        from the entries they printed) */
    for (size_t k = 0; rc == 0 && k < ns; k++)
        if (c->maps[k].map->type.v == RCP_MAP_CHOROPLETH || c->maps[k].entry) {
            rc = map_style(c, &m, k, &st[n_st], &sb[n_st]);
            n_st++;
        }
    snprintf(path, sizeof path, "%s/indicators.gpkg", dir);
    if (rc == 0)
        rc = out_gpkg(path, m.tables, m.n, st, n_st);
    for (size_t k = 0; sb && k < n_st; k++)
        style_buf_free(&sb[k]);
    mem_free(st);
    mem_free(sb);
    run_out_model_free(&m);
    return rc;
}
