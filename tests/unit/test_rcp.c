/* test_rcp.c - unit tests of the recipe loader (rcp), its YAML tree and the
 * "did you mean" helper (strdist).
 *
 * Positions in the checks were counted by hand in the YAML text of each
 * case (line 1-based, column 1-based in characters) and, for the fixture
 * volledig.yaml, with python3: for each substring s, the line number and
 * line.find(s) + 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "err.h"
#include "rcp.h"
#include "mem.h"
#include "strdist.h"

#define FIXTURES DNW_SOURCE_DIR "/tests/data/recipes"

static char tmpdir[1024], recipe_file[1200];

/* Writes text to <build>/test_rcp/recipe.yaml. */
static const char *write_recipe(const char *text, size_t len)
{
    FILE *f = fopen(recipe_file, "wb");
    if (!f) {
        fprintf(stderr, "cannot write %s: %s\n", recipe_file, strerror(errno));
        exit(1);
    }
    fwrite(text, 1, len, f);
    fclose(f);
    return recipe_file;
}

/* The current error as one line ("" when none). */
static const char *errline(void)
{
    static char buf[4096];
    buf[0] = '\0';
    if (err_get())
        err_format(buf, sizeof buf);
    return buf;
}

#define CHECK_HAS(hay, needle)                                               \
    do {                                                                     \
        const char *h_ = (hay), *n_ = (needle);                              \
        if (strstr(h_, n_)) {                                                \
            check_passed++;                                                  \
        } else {                                                             \
            check_failed++;                                                  \
            fprintf(stderr, "%s:%d: \"%s\"\n    does not contain \"%s\"\n",  \
                    __FILE__, __LINE__, h_, n_);                             \
        }                                                                    \
    } while (0)

/* ---- strdist --------------------------------------------------------------- */

static void test_strdist(void)
{
    static const struct { const char *a, *b; size_t d; } dists[] = {
        {"", "", 0},           {"abc", "", 3},         {"", "abc", 3},
        {"kitten", "sitting", 3}, {"lable", "label", 1}, /* swap */
        {"Unit", "unit", 0},   /* case is ignored */
        {"buurten", "buurt", 2}, {"gemeenten", "gemeente", 1},
        {"ca", "abc", 3},      /* OSA, not full Damerau (which gives 2) */
        {"geometry", "geomtery", 1}, {"abc", "xyz", 3},
    };
    for (size_t k = 0; k < sizeof dists / sizeof dists[0]; k++) {
        size_t d = strdist(dists[k].a, dists[k].b);
        if (d != dists[k].d)
            fprintf(stderr, "strdist(%s, %s) = %zu\n", dists[k].a,
                    dists[k].b, d);
        CHECK(d == dists[k].d);
    }
    CHECK(strdist(NULL, "ab") == 2);

    static const char *const keys[] = {"name", "unit", "area", "sources",
                                       "indicators", "maps", "year"};
    const char *out[4];
    CHECK(strdist_nearest("unti", keys, 7, 4, out) >= 1);
    CHECK_STR(out[0], "unit");
    CHECK(strdist_nearest("indicator", keys, 7, 1, out) == 1);
    CHECK_STR(out[0], "indicators");
    CHECK(strdist_nearest("src", keys, 7, 4, out) == 0);
    CHECK(strdist_nearest("zzzzzzzz", keys, 7, 4, out) == 0);
    /* nearest first; ties keep the order of the candidates */
    static const char *const lv[] = {"gemeente", "wijk", "buurt"};
    CHECK(strdist_nearest("buurten", lv, 3, 3, out) == 1);
    CHECK_STR(out[0], "buurt");
    static const char *const ab[] = {"abcx", "abd", "abc"};
    CHECK(strdist_nearest("abc", ab, 3, 3, out) == 3);
    CHECK_STR(out[0], "abc");
    CHECK_STR(out[1], "abcx");
    CHECK_STR(out[2], "abd");
    CHECK(strdist_nearest("abc", ab, 3, 1, out) == 1);
    CHECK_STR(out[0], "abc");
    /* prefixes of at least 3 characters count as near */
    static const char *const geo[] = {"geometry"};
    CHECK(strdist_nearest("geom", geo, 1, 1, out) == 1);
    CHECK(strdist_nearest("ge", geo, 1, 1, out) == 0);
    CHECK(strdist_nearest(NULL, keys, 7, 1, out) == 0);
}

/* rcp_load, checked to succeed. Returns the recipe (the caller frees it
 * with rcp_free) or NULL (a failed check). */
static rcp *load_ok(const char *path)
{
    rcp *r = rcp_load(path);
    CHECK(r != NULL);
    return r;
}

/* ---- the example recipe ---------------------------------------------- */

static void test_example(void)
{
    rcp *r = load_ok(FIXTURES "/voorbeeld.yaml");
    if (!r)
        return;
    CHECK_STR(r->name.s, "voorbeeld");
    CHECK(r->name.pos.line == 1 && r->name.pos.col == 7);
    CHECK_STR(r->name.pos.file, FIXTURES "/voorbeeld.yaml");
    CHECK(r->unit.v == RCP_WIJK);
    CHECK(r->unit.pos.line == 2 && r->unit.pos.col == 7);
    CHECK(r->area.n == 2);
    CHECK_STR(r->area.s[0], "GM0363");
    CHECK_STR(r->area.s[1], "GM0479");
    CHECK(r->area.at[0].line == 3 && r->area.at[0].col == 8);
    CHECK(r->area.at[1].line == 3 && r->area.at[1].col == 16);
    CHECK(r->n_sources == 2);
    const rcp_source *w = &r->sources[0], *g = &r->sources[1];
    CHECK_STR(w->name.s, "w");
    CHECK(w->name.pos.line == 5 && w->name.pos.col == 3);
    CHECK_STR(w->path.s, "../data/wijken_2024.geojson");
    CHECK(w->path.pos.line == 6 && w->path.pos.col == 11);
    CHECK_STR(w->resolved, FIXTURES "/../data/wijken_2024.geojson");
    CHECK_STR(w->key.s, "wijkcode");
    CHECK(w->geometry.v == 1 && w->geometry.pos.line == 8);
    CHECK(w->level.v == RCP_LEVEL_AUTO && w->join.v == RCP_JOIN_KEY);
    CHECK_STR(g->name.s, "g");
    CHECK_STR(g->resolved, FIXTURES "/../data/gemeenten_2024.geojson");
    CHECK_STR(g->key.s, "gemeentecode");
    CHECK(g->geometry.v == 0 && !rcp_given(g->geometry.pos));
    CHECK(rcp_find_source(r, "g") == g);
    CHECK(rcp_find_source(r, "x") == NULL);
    CHECK(r->n_indicators == 1);
    const rcp_indicator *a = &r->indicators[0];
    CHECK_STR(a->name.s, "aandeel_hh");
    CHECK_STR(a->expr.s, "100 * w.huishoudens / g.huishoudens");
    CHECK(a->expr.pos.line == 14 && a->expr.pos.col == 11);
    CHECK(a->expr.exact == 1);
    /* "g.huishoudens" starts at byte 22 of the expression */
    rcp_pos p = rcp_str_pos(&a->expr, 22);
    CHECK(p.line == 14 && p.col == 33);
    CHECK_STR(a->label.s, "Aandeel van de huishoudens in de gemeente");
    CHECK_STR(a->unit.s, "%");
    CHECK(a->unit.pos.line == 16 && a->unit.pos.col == 12); /* in quotes */
    CHECK(a->shorthand == 0);
    CHECK(a->kind.v == RCP_KIND_RATE && a->decimals.v == -1);
    CHECK(a->rollup.method.v == RCP_ROLLUP_AUTO);
    CHECK(a->higher_is.v == RCP_NEUTRAL);
    CHECK(a->min_base.expr.s == NULL);
    CHECK(rcp_find_indicator(r, "aandeel_hh") == a);
    /* defaults */
    CHECK(r->language.v == RCP_NL && !rcp_given(r->language.pos));
    CHECK_STR(r->crs.s, "EPSG:28992");
    CHECK(!rcp_given(r->crs.pos));
    CHECK_NEAR(r->unmatched_max.v, 0.05, 1e-12);
    CHECK(r->year.v == 0);
    CHECK(r->out_tables.v == 1 && r->out_gpkg.v == 1);
    CHECK(r->n_maps == 0 && r->n_factsheets == 0 && r->n_comparisons == 0);
    CHECK(r->title.s == NULL);
    CHECK_STR(r->dir, FIXTURES);
    rcp_free(r);
}

/* ---- every section --------------------------------------------------- */

static void test_full(void)
{
    rcp *r = load_ok(FIXTURES "/volledig.yaml");
    if (!r)
        return;
    CHECK_STR(r->name.s, "volledig-2024");
    CHECK_STR(r->title.s, "Warmte en participatie in Almere");
    CHECK(r->title.pos.line == 3 && r->title.pos.col == 9);
    CHECK_STR(r->description.s, "Een voorbeeld met alle onderdelen.\n"
                                "Tweede regel.\n");
    CHECK(r->description.pos.line == 5 && r->description.pos.col == 3);
    CHECK(r->language.v == RCP_EN);
    CHECK(r->unit.v == RCP_BUURT);
    CHECK(r->year.v == 2024);
    CHECK(r->area.n == 3);
    CHECK_STR(r->area.s[0], "GM0034");
    CHECK_STR(r->area.s[1], "GM0363"); /* 363 under gemeenten: */
    CHECK_STR(r->area.s[2], "WK003401");
    CHECK(r->area.at[1].line == 11 && r->area.at[1].col == 23);
    CHECK(r->area.at[2].line == 12 && r->area.at[2].col == 11);
    CHECK_STR(r->crs.s, "EPSG:3035");
    CHECK_NEAR(r->unmatched_max.v, 0.1, 1e-12);

    CHECK(r->n_sources == 3);
    const rcp_source *b = &r->sources[0], *k = &r->sources[1],
                     *p = &r->sources[2];
    CHECK_STR(b->resolved, "/data/buurten_2024.gpkg"); /* absolute: kept */
    CHECK(b->level.v == RCP_BUURT && b->geometry.v == 1);
    CHECK(b->geometry.pos.line == 20 && b->geometry.pos.col == 15);
    CHECK_STR(b->layer.s, "buurten");
    CHECK_STR(b->catalog.s, "cbs_kwb_2024");
    CHECK_STR(b->name_column.s, "buurtnaam");
    CHECK(b->year.v == 2024);
    CHECK_STR(b->label.s, "CBS Kerncijfers wijken en buurten 2024");
    CHECK(b->skip_rows.v == -1 && b->header_rows.v == 0);
    CHECK_STR(k->resolved, FIXTURES "/klimaat.csv"); /* "./" dropped */
    CHECK(k->delimiter.v == '\t');
    CHECK(k->delimiter.pos.line == 29 && k->delimiter.pos.col == 16);
    CHECK(k->decimal.v == ',');
    CHECK(k->encoding.v == RCP_ENC_LATIN1);
    CHECK(k->skip_rows.v == 3 && k->header_rows.v == 2);
    CHECK(k->columns.n == 3);
    CHECK_STR(k->columns.s[2], "groen");
    CHECK(k->columns.at[2].line == 34 && k->columns.at[2].col == 31);
    CHECK(k->text_columns.n == 1);
    CHECK_STR(k->text_columns.s[0], "BU_CODE");
    CHECK_STR(k->filter.s, "k.hitte > -99990");
    CHECK(k->filter.pos.line == 36 && k->filter.pos.col == 13);
    CHECK(k->n_rename == 2);
    CHECK_STR(k->rename[0].from.s, "GROEN_PCT");
    CHECK_STR(k->rename[0].to.s, "groen");
    CHECK(k->rename[0].from.pos.line == 38 && k->rename[0].from.pos.col == 7);
    CHECK(p->join.v == RCP_JOIN_SPATIAL && p->key.s == NULL);
    CHECK_STR(p->resolved, FIXTURES "/deelnemers.csv");

    CHECK(r->n_indicators == 4);
    const rcp_indicator *d = rcp_find_indicator(r, "dichtheid");
    const rcp_indicator *h = rcp_find_indicator(r, "huur");
    const rcp_indicator *t = rcp_find_indicator(r, "hitte");
    const rcp_indicator *n = rcp_find_indicator(r, "inwoners");
    CHECK(d && h && t && n);
    if (!d || !h || !t || !n) {
        rcp_free(r);
        return;
    }
    CHECK(d->shorthand == 1);
    CHECK_STR(d->expr.s, "b.inwoners / b.oppervlakte");
    CHECK(d->expr.pos.line == 44 && d->expr.pos.col == 14);
    CHECK(h->kind.v == RCP_KIND_SHARE);
    CHECK(h->rollup.method.v == RCP_ROLLUP_RATIO);
    CHECK_STR(h->rollup.numerator.s, "b.huurwoningen");
    CHECK_STR(h->rollup.denominator.s, "b.woningen");
    CHECK_NEAR(h->rollup.scale.v, 100, 0);
    CHECK(h->decimals.v == 1);
    CHECK_STR(h->min_base.expr.s, "b.woningen");
    CHECK(h->min_base.expr.pos.line == 56 && h->min_base.expr.pos.col == 22);
    CHECK_NEAR(h->min_base.min.v, 20, 0);
    CHECK_STR(h->min_base.label.s, "te weinig woningen");
    CHECK_STR(h->description.s, "Aandeel huurwoningen");
    rcp_pos q = rcp_str_pos(&h->expr, 23); /* the second "b.woningen" */
    CHECK(q.line == 46 && q.col == 34);
    /* a | block: lines and indentation map back onto the file */
    CHECK_STR(t->expr.s, "k.hitte\n  * 2\n");
    CHECK(t->expr.pos.line == 61 && t->expr.pos.col == 7);
    q = rcp_str_pos(&t->expr, 10); /* the '*' */
    CHECK(q.line == 62 && q.col == 9);
    CHECK(t->rollup.method.v == RCP_ROLLUP_WEIGHTED_MEAN);
    CHECK_STR(t->rollup.weight.s, "b.inwoners");
    CHECK(t->higher_is.v == RCP_HIGHER_WORSE);
    CHECK(n->kind.v == RCP_KIND_COUNT && n->rollup.method.v == RCP_ROLLUP_SUM);
    CHECK(r->out_tables.v == 1 && r->out_gpkg.v == 0);

    CHECK(r->n_maps == 3);
    const rcp_map *m0 = &r->maps[0], *m1 = &r->maps[1], *m2 = &r->maps[2];
    CHECK_STR(m0->name.s, "huur"); /* from the indicator */
    CHECK(m0->method.v == RCP_CLS_JENKS && m0->classes.v == 6);
    CHECK_STR(m0->palette.s, "YlGnBu");
    CHECK(m0->reverse.v == 1);
    CHECK(m0->center.kind.v == RCP_CENTER_MEAN);
    CHECK(m0->page.size.v == RCP_PAGE_A3);
    CHECK(m0->orientation.v == RCP_LANDSCAPE && m0->dpi.v == 150);
    CHECK(m0->formats.v == (RCP_FMT_PNG | RCP_FMT_SVG));
    CHECK(m0->labels.v == RCP_LABELS_NAMES);
    CHECK_STR(m0->highlight.s, "WK003401");
    CHECK(m0->highlight.pos.line == 83 && m0->highlight.pos.col == 16);
    CHECK(m0->context.v == 0 && m0->inset.v == 1);
    CHECK_STR(m0->title.s, "Huurwoningen");
    CHECK_STR(m0->subtitle.s, "per buurt");
    CHECK_STR(m1->name.s, "hitte_vast");
    CHECK_STR(m1->indicator.s, "hitte");
    CHECK(m1->method.v == RCP_CLS_MANUAL); /* implied by breaks */
    CHECK(m1->breaks.n == 3 && m1->classes.v == 4);
    CHECK_NEAR(m1->breaks.v[2], 30.5, 0);
    CHECK(m1->breaks.at[2].line == 90 && m1->breaks.at[2].col == 22);
    CHECK_STR(m1->shared_breaks.s, "regio");
    CHECK(m1->page.size.v == RCP_PAGE_PIXELS);
    CHECK(m1->page.width == 1600 && m1->page.height == 1200);
    CHECK(m1->center.kind.v == RCP_CENTER_VALUE);
    CHECK_NEAR(m1->center.value, 25, 0);
    CHECK_STR(m2->indicator.s, "dichtheid"); /* "- dichtheid" */
    CHECK(m2->indicator.pos.line == 94 && m2->indicator.pos.col == 5);
    CHECK(m2->method.v == RCP_CLS_QUANTILE && m2->classes.v == 5);
    CHECK(m2->dpi.v == 300 && m2->formats.v == (RCP_FMT_PNG | RCP_FMT_PDF));
    CHECK(m2->page.size.v == RCP_PAGE_A4 && m2->context.v == 1);

    CHECK(r->n_factsheets == 1);
    const rcp_factsheet *f = &r->factsheets[0];
    CHECK_STR(f->name.s, "wijkblad");
    CHECK(f->unit.v == RCP_WIJK);
    CHECK(f->n_figures == 2);
    CHECK_STR(f->figures[0].indicator.s, "huur");
    CHECK(f->figures[0].label.s == NULL);
    CHECK_STR(f->figures[1].indicator.s, "hitte");
    CHECK_STR(f->figures[1].label.s, "Hitte-eiland");
    CHECK(f->figures[1].label.pos.line == 98 &&
          f->figures[1].label.pos.col == 47);
    CHECK(f->n_charts == 2);
    CHECK(f->charts[0].type.v == RCP_CHART_AGE);
    CHECK(f->charts[1].type.v == RCP_CHART_CUSTOM);
    CHECK(f->charts[1].columns.n == 2);
    CHECK_STR(f->charts[1].title.s, "Eigen");
    CHECK(f->compare.v == (RCP_CMP_GEMEENTE | RCP_CMP_AREA));
    CHECK(f->page.v == RCP_PAGE_A3);
    CHECK(f->combined.v == 0 && f->locator.v == 0);

    CHECK(r->n_comparisons == 2);
    const rcp_comparison *c0 = &r->comparisons[0], *c1 = &r->comparisons[1];
    CHECK_STR(c0->name.s, "huur_per_wijk");
    CHECK(c0->name.pos.line == 105 && c0->name.pos.col == 12);
    CHECK_STR(c0->indicator.s, "huur");
    CHECK(c0->by.v == RCP_WIJK && c0->chart.v == RCP_DOT);
    CHECK(c0->sort.v == RCP_SORT_ASC);
    CHECK_STR(c1->name.s, "inwoners");
    CHECK(c1->by.v == RCP_GEMEENTE && c1->chart.v == RCP_BAR);
    CHECK(c1->sort.v == RCP_SORT_DESC);

    /* reading options for the CSV source */
    src_options opt;
    memset(&opt, 0, sizeof opt);
    opt.skip_rows = -1;
    rcp_source_options(r, k, &opt);
    CHECK(opt.delimiter == '\t' && opt.decimal == ',');
    CHECK_STR(opt.encoding, "latin-1");
    CHECK(opt.skip_rows == 3 && opt.header_rows == 2);
    CHECK(opt.n_column_names == 3);
    CHECK_STR(opt.column_names[0], "BU_CODE");
    CHECK(opt.n_text_columns == 1);
    CHECK_STR(opt.target_crs, "EPSG:3035");
    memset(&opt, 0, sizeof opt);
    opt.skip_rows = -1;
    rcp_source_options(r, b, &opt);
    CHECK(opt.delimiter == 0 && opt.encoding == NULL && opt.skip_rows == -1);
    rcp_free(r);
}

/* ---- YAML features ----------------------------------------------------- */

static void test_yaml_features(void)
{
    static const char text[] =
        "x-kaart: &kaart {classes: 7, palette: Blues}\n"    /* 1 */
        "name: x\n"                                          /* 2 */
        "unit: wijk\n"                                       /* 3 */
        "sources: {w: {path: a.csv, key: k}}\n"              /* 4 */
        "indicators:\n"                                      /* 5 */
        "  a: 'w.x + w.y'\n"                                 /* 6 */
        "  b: \"w.x \\t+ 1\"\n"                              /* 7 */
        "  c: w.x +\n"                                       /* 8 */
        "    w.y\n"                                          /* 9 */
        "maps:\n"                                            /* 10 */
        "  - <<: *kaart\n"                                   /* 11 */
        "    indicator: a\n"                                 /* 12 */
        "  - {<<: *kaart, indicator: b, classes: 4}\n"       /* 13 */
        "comparisons:\n"                                     /* 14 */
        "  cmp_a: {indicator: a}\n"                          /* 15 */
        "  c:\n"                                             /* 16 */
        "  per_b: b\n";                                      /* 17 */
    rcp *r = load_ok(write_recipe(text, sizeof text - 1));
    if (!r)
        return;
    const rcp_indicator *a = rcp_find_indicator(r, "a");
    const rcp_indicator *b = rcp_find_indicator(r, "b");
    const rcp_indicator *c = rcp_find_indicator(r, "c");
    CHECK(a && b && c);
    if (a && b && c) {
        CHECK(a->expr.exact && a->expr.pos.line == 6 && a->expr.pos.col == 7);
        CHECK(rcp_str_pos(&a->expr, 6).col == 13);
        CHECK_STR(b->expr.s, "w.x \t+ 1");
        CHECK(!b->expr.exact); /* an escape: only the start is known */
        CHECK(rcp_str_pos(&b->expr, 5).col == 7);
        CHECK_STR(c->expr.s, "w.x + w.y"); /* folded plain scalar */
        CHECK(!c->expr.exact && c->expr.pos.line == 8);
    }
    CHECK(r->n_maps == 2);
    if (r->n_maps == 2) {
        CHECK(r->maps[0].classes.v == 7);
        CHECK(r->maps[0].classes.pos.line == 1); /* merged from the anchor */
        CHECK_STR(r->maps[0].palette.s, "Blues");
        CHECK(r->maps[1].classes.v == 4); /* explicit keys win */
        CHECK_STR(r->maps[1].indicator.s, "b");
    }
    CHECK(r->n_comparisons == 3);
    if (r->n_comparisons == 3) {
        CHECK_STR(r->comparisons[0].name.s, "cmp_a");
        CHECK_STR(r->comparisons[1].name.s, "c");
        CHECK_STR(r->comparisons[1].indicator.s, "c"); /* from the key */
        CHECK_STR(r->comparisons[2].name.s, "per_b");
        CHECK_STR(r->comparisons[2].indicator.s, "b"); /* shorthand */
        CHECK(r->comparisons[2].indicator.pos.line == 17 &&
              r->comparisons[2].indicator.pos.col == 10);
    }
    rcp_free(r);

    /* a single map written as its keys; a single fact sheet likewise */
    static const char single[] =
        "name: x\nunit: buurt\nsources: {w: {path: a.csv, key: k}}\n"
        "indicators: {a: w.x}\n"
        "maps: {indicator: a, classes: 3}\n"
        "factsheets: {figures: [a], charts: tenure}\n";
    r = load_ok(write_recipe(single, sizeof single - 1));
    if (r) {
        CHECK(r->n_maps == 1 && r->maps[0].classes.v == 3);
        CHECK(r->n_factsheets == 1);
        CHECK_STR(r->factsheets[0].name.s, "factsheet");
        CHECK(r->factsheets[0].unit.v == RCP_BUURT); /* the recipe's */
        CHECK(r->factsheets[0].n_charts == 1);
        CHECK(r->factsheets[0].charts[0].type.v == RCP_CHART_TENURE);
        CHECK(r->factsheets[0].compare.v ==
              (RCP_CMP_GEMEENTE | RCP_CMP_NATIONAL));
        rcp_free(r);
    }

    /* a BOM, CRLF line ends and a quoted name */
    static const char crlf[] =
        "\xEF\xBB\xBFname: \"x\"\r\nunit: gemeente\r\n"
        "sources:\r\n  g: {path: sub/g.csv, key: code}\r\n";
    r = load_ok(write_recipe(crlf, sizeof crlf - 1));
    if (r) {
        CHECK_STR(r->name.s, "x");
        CHECK(r->unit.v == RCP_GEMEENTE && r->unit.pos.line == 2);
        CHECK(r->sources[0].key.pos.line == 4);
        CHECK_STR(r->sources[0].resolved, DNW_BINARY_DIR "/test_rcp_data/sub/g.csv");
        rcp_free(r);
    }
}

/* ---- errors ---------------------------------------------------------------- */

#define BASE "name: x\nunit: wijk\nsources:\n  w: {path: a.csv, key: k}\n"

typedef struct {
    const char *yaml;
    err_category cat;
    const char *where;   /* "recipe.yaml:L:C" */
    const char *says[3]; /* substrings of the message */
} err_case;

static const err_case err_cases[] = {
    /* enum value with a suggestion */
    {"name: x\nunit: buurten\nsources:\n  w: {path: a.csv, key: k}\n",
     ERR_RECIPE, "recipe.yaml:2:7:",
     {"did you mean \"buurt\"?", "one of buurt, wijk or gemeente",
      "\"buurten\""}},
    /* unknown keys at every level */
    {"name: x\nunti: wijk\nsources:\n  w: {path: a.csv, key: k}\n",
     ERR_RECIPE, "recipe.yaml:2:1:",
     {"unknown key \"unti\"", "did you mean \"unit\"?",
      "Allowed keys: name, title, description, language, unit, year"}},
    {BASE "indicators:\n  a:\n    expr: w.x\n    lable: A\n", ERR_RECIPE,
     "recipe.yaml:8:5:",
     {"unknown key \"lable\" in indicator \"a\"", "did you mean \"label\"?",
      "Allowed keys: expr, label, unit"}},
    {"name: x\nunit: wijk\nsources:\n  w:\n    path: a.csv\n    kye: k\n",
     ERR_RECIPE, "recipe.yaml:6:5:",
     {"in source \"w\"", "did you mean \"key\"?", "name_column"}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - indicator: a\n    clases: 3\n",
     ERR_RECIPE, "recipe.yaml:8:5:",
     {"unknown key \"clases\" in maps entry 1", "did you mean \"classes\"?",
      "shared_breaks"}},
    {BASE "zzz: 1\n", ERR_RECIPE, "recipe.yaml:5:1:",
     {"unknown key \"zzz\" at the top of the recipe; allowed keys: name"}},
    {BASE "area: {gemeentes: [GM0363]}\n", ERR_RECIPE, "recipe.yaml:5:8:",
     {"did you mean \"gemeenten\"?", "gemeenten, wijken"}},
    /* wrong scalar types */
    {BASE "indicators: {a: w.x}\nmaps:\n  - indicator: a\n    classes: five\n",
     ERR_RECIPE, "recipe.yaml:8:14:",
     {"classes in maps entry 1 must be a whole number", "such as 5",
      "\"five\""}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {indicator: a, classes: 40}\n",
     ERR_RECIPE, "recipe.yaml:7:29:", {"between 2 and 12", "found 40"}},
    {BASE "year: 2024.5\n", ERR_RECIPE, "recipe.yaml:5:7:",
     {"year must be a whole number", "\"2024.5\""}},
    {BASE "unmatched_max: 0,05\n", ERR_RECIPE, "recipe.yaml:5:16:",
     {"decimal point, such as 0.05"}},
    {BASE "unmatched_max: 5\n", ERR_RECIPE, "recipe.yaml:5:16:",
     {"between 0 and 1", "0.05 for 5%"}},
    {"name: x\nunit: wijk\nsources:\n  w: {path: a.csv, key: k, geometry: "
     "maybe}\n",
     ERR_RECIPE, "recipe.yaml:4:38:",
     {"geometry in source \"w\" must be true or false", "\"maybe\""}},
    {"name: [a, b]\nunit: wijk\nsources:\n  w: {path: a.csv, key: k}\n",
     ERR_RECIPE, "recipe.yaml:1:7:", {"name must be a single text", "a list"}},
    {BASE "language: de\n", ERR_RECIPE, "recipe.yaml:5:11:",
     {"one of nl or en", "\"de\""}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {indicator: a, page: A5}\n",
     ERR_RECIPE, "recipe.yaml:7:26:",
     {"A4, A3 or a size in pixels such as 1600x1200", "\"A5\""}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {indicator: a, formats: [png, "
          "jpg]}\n",
     ERR_RECIPE, "recipe.yaml:7:35:", {"one of png, pdf or svg", "\"jpg\""}},
    {"name: x\nunit: wijk\nsources:\n  w: {path: a.csv, key: k, delimiter: "
     "ab}\n",
     ERR_RECIPE, "recipe.yaml:4:39:", {"one character", "the word tab"}},
    {"name: x\nunit: wijk\nsources:\n  w: {path: a.csv, key: k, encoding: "
     "utf-16}\n",
     ERR_RECIPE, "recipe.yaml:4:38:",
     {"one of utf-8 or latin-1", "did you mean \"utf-8\"?"}},
    /* missing required keys */
    {"name: x\nsources:\n  w: {path: a.csv, key: k}\n", ERR_RECIPE,
     "recipe.yaml:1:1:",
     {"has no unit: key", "add unit: with buurt, wijk or gemeente"}},
    {"name: x\nunit: wijk\n", ERR_RECIPE, "recipe.yaml:1:1:",
     {"has no sources: key"}},
    {"name: x\nunit: wijk\nsources:\n  w: {path: a.csv}\n", ERR_RECIPE,
     "recipe.yaml:4:3:", {"source \"w\" has no key: key", "join: spatial"}},
    {"name: x\nunit: wijk\nsources:\n  w: {key: k}\n", ERR_RECIPE,
     "recipe.yaml:4:3:", {"source \"w\" has no path: key"}},
    {"name: x\nunit:\nsources:\n  w: {path: a.csv, key: k}\n", ERR_RECIPE,
     "recipe.yaml:2:1:", {"unit needs a value", "buurt, wijk or gemeente"}},
    {BASE "indicators:\n  a:\n    label: A\n", ERR_RECIPE, "recipe.yaml:6:3:",
     {"indicator \"a\" has no expr: key"}},
    {BASE "indicators:\n  a:\n", ERR_RECIPE, "recipe.yaml:6:3:",
     {"indicator \"a\" has no expression"}},
    {BASE "indicators:\n  a: {expr: w.x, min_base: {expr: w.y}}\n",
     ERR_RECIPE, "recipe.yaml:6:18:",
     {"min_base of indicator \"a\" has no min: key"}},
    {BASE "indicators:\n  a:\n    expr: w.x\n    rollup: weighted_mean\n",
     ERR_RECIPE, "recipe.yaml:8:13:", {"needs weight:"}},
    {BASE "indicators:\n  a:\n    expr: w.x\n    weight: w.y\n    rollup: "
          "sum\n",
     ERR_RECIPE, "recipe.yaml:8:13:",
     {"weight in indicator \"a\" applies only to rollup: weighted_mean"}},
    {BASE "indicators:\n  a: {expr: w.x, rollup: {method: ratio, numerator: "
          "w.x}}\n",
     ERR_RECIPE, "recipe.yaml:6:35:", {"needs both numerator: and denominator:"}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {classes: 3}\n", ERR_RECIPE,
     "recipe.yaml:7:5:", {"maps entry 1 has no indicator: key"}},
    {BASE "indicators: {a: ''}\n", ERR_RECIPE, "recipe.yaml:5:17:",
     {"expr in indicator \"a\" is empty"}},
    {BASE "indicators: {a: w.x}\nfactsheets:\n  charts: [custom]\n",
     ERR_RECIPE, "recipe.yaml:7:12:",
     {"custom chart and needs columns:"}},
    /* duplicate keys */
    {BASE "unit: buurt\n", ERR_PARSE, "recipe.yaml:5:1:",
     {"duplicate key \"unit\" (already given at line 2)"}},
    {BASE "indicators:\n  a: w.x\n  b: w.y\n  a: w.z\n", ERR_PARSE,
     "recipe.yaml:8:3:", {"duplicate key \"a\" (already given at line 6)"}},
    /* names */
    {BASE "indicators:\n  w: w.x + 1\n", ERR_RECIPE, "recipe.yaml:6:3:",
     {"indicator \"w\" has the same name as the source on line 4",
      "rename one of them"}},
    {"name: mijn recept\nunit: wijk\nsources:\n  w: {path: a.csv, key: k}\n",
     ERR_RECIPE, "recipe.yaml:1:7:",
     {"letters, digits, - and _ only", "such as \"mijn_recept\""}},
    {BASE "indicators:\n  2x: w.x\n", ERR_RECIPE, "recipe.yaml:6:3:",
     {"indicator \"2x\" is not a valid name", "starting with a letter or _"}},
    {"name: x\nunit: wijk\nsources:\n  w-1: {path: a.csv, key: k}\n",
     ERR_RECIPE, "recipe.yaml:4:3:",
     {"source \"w-1\" is not a valid name", "such as \"w_1\""}},
    {BASE "indicators: {a: w.x}\nmaps: [a, a]\n", ERR_RECIPE,
     "recipe.yaml:6:11:", {"two maps are named \"a\" (the other at line 6)"}},
    {BASE "indicators: {aandeel_hh: w.x}\nmaps:\n  - indicator: aandeel_h\n",
     ERR_RECIPE, "recipe.yaml:7:16:",
     {"maps entry 1 refers to indicator \"aandeel_h\"", "did you mean \"aandeel_hh\"?"}},
    {BASE "indicators: {a: w.x}\nfactsheets:\n  figures: [a, zz]\n",
     ERR_RECIPE, "recipe.yaml:7:16:",
     {"factsheets entry 1 refers to indicator \"zz\"", "the indicators are: a"}},
    /* geometry */
    {"name: x\nunit: wijk\nsources:\n  w: {path: a.csv, key: k, geometry: "
     "true}\n  g: {path: b.csv, key: k, geometry: true}\n",
     ERR_RECIPE, "recipe.yaml:5:38:",
     {"source \"g\" also gives the geometry", "source \"w\" (line 4)",
      "only one source"}},
    /* area and levels */
    {BASE "area: [GM0363, GM363]\n", ERR_RECIPE, "recipe.yaml:5:16:",
     {"did you mean \"GM0363\"?"}},
    {BASE "area: GM0363, 36301\n", ERR_RECIPE, "recipe.yaml:5:15:",
     {"no GM or WK prefix", "did you mean \"WK036301\"?"}},
    {BASE "area: BU03630001\n", ERR_RECIPE, "recipe.yaml:5:7:",
     {"not buurten", "\"WK036300\""}},
    {"name: x\nunit: gemeente\narea: [GM0363, WK036301]\nsources:\n  g: "
     "{path: a.csv, key: k}\n",
     ERR_RECIPE, "recipe.yaml:3:16:", {"area selects wijk WK036301"}},
    {BASE "indicators: {a: w.x}\nfactsheets: {unit: buurt}\n", ERR_RECIPE,
     "recipe.yaml:6:20:", {"sheet per buurt", "unit is wijk"}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {indicator: a, breaks: [3, "
          "2]}\n",
     ERR_RECIPE, "recipe.yaml:7:32:", {"must go up: 2 comes after 3"}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {indicator: a, method: jenks, "
          "breaks: [1]}\n",
     ERR_RECIPE, "recipe.yaml:7:43:", {"apply to method: manual"}},
    {BASE "indicators: {a: w.x}\nmaps:\n  - {indicator: a, method: manual}\n",
     ERR_RECIPE, "recipe.yaml:7:28:", {"needs breaks:"}},
    /* the file as a whole */
    {"", ERR_RECIPE, "recipe.yaml:1:1:", {"the recipe is empty"}},
    {"# only a comment\n\n", ERR_RECIPE, "recipe.yaml:1:1:",
     {"the recipe is empty"}},
    {"---\n", ERR_RECIPE, "recipe.yaml:1:1:", {"the recipe is empty"}},
    {"- name: x\n- unit: wijk\n", ERR_RECIPE, "recipe.yaml:1:1:",
     {"must be a mapping of keys", "but found a list"}},
    {"just text\n", ERR_RECIPE, "recipe.yaml:1:1:",
     {"must be a mapping of keys", "a single value"}},
    {BASE "---\nname: y\n", ERR_PARSE, "recipe.yaml:5:1:",
     {"a second YAML document"}},
    /* YAML syntax */
    {"name: x\nunit: wijk\nsources:\n\tw: {path: a.csv, key: k}\n", ERR_PARSE,
     "recipe.yaml:4:1:", {"YAML syntax error", "tabs for indentation"}},
    {"name: x\nunit: wijk\nsources:\n  w:\n    path: a.csv\n   key: k\n",
     ERR_PARSE, "recipe.yaml:6:4:",
     {"did not find expected key", "block mapping that starts at line 4, "
                                   "column 3", "indentation"}},
    {"name: x\ntitle: \"open\nunit: wijk\n", ERR_PARSE, "recipe.yaml:2:8:",
     {"quoted scalar", "closing quote"}},
    {"name: x\ntitle: a: b\n", ERR_PARSE, "recipe.yaml:2:9:",
     {"mapping values are not allowed", "in quotes"}},
    {"name: x\narea: [GM0363, GM0479\nunit: wijk\n", ERR_PARSE,
     "recipe.yaml:3:5:", {"YAML syntax error"}},
    {BASE "indicators: {a: *nope}\n", ERR_PARSE, "recipe.yaml:5:17:",
     {"alias *nope refers to no anchor"}},
    {BASE "? [a, b]\n: 1\n", ERR_PARSE, "recipe.yaml:5:3:",
     {"a key must be a plain name, not a list"}},
    {"name: x\nunit: wijk\ntitle: caf\xC3\n", ERR_PARSE, "recipe.yaml:3:",
     {"not valid UTF-8"}},
    {BASE "maps:\n  <<: 5\n", ERR_PARSE, "recipe.yaml:6:7:",
     {"merge key (<<) needs a mapping"}},
};

static void test_errors(void)
{
    for (size_t k = 0; k < sizeof err_cases / sizeof err_cases[0]; k++) {
        const err_case *e = &err_cases[k];
        err_clear();
        rcp *r = rcp_load(write_recipe(e->yaml, strlen(e->yaml)));
        if (r) {
            fprintf(stderr, "case %zu loaded but should fail:\n%s\n", k,
                    e->yaml);
            rcp_free(r);
            check_failed++;
            continue;
        }
        const err_info *ei = err_get();
        CHECK(ei != NULL);
        if (!ei)
            continue;
        if (ei->category != e->cat)
            fprintf(stderr, "case %zu: category %s\n", k,
                    err_category_name(ei->category));
        CHECK(ei->category == e->cat);
        const char *line = errline();
        CHECK_HAS(line, e->where);
        for (size_t s = 0; s < 3 && e->says[s]; s++)
            CHECK_HAS(line, e->says[s]);
    }
    /* a file that is not there */
    err_clear();
    CHECK(rcp_load(FIXTURES "/nope.yaml") == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK_HAS(errline(), "nope.yaml: cannot open the recipe");
}

/* Aliases that double at every level must not expand forever; deep
 * nesting must not exhaust the stack. */
static void test_limits(void)
{
    char buf[8192];
    size_t n = (size_t)snprintf(buf, sizeof buf, BASE "x-a: &a0 [1, 2]\n");
    for (int k = 1; k < 40; k++)
        n += (size_t)snprintf(buf + n, sizeof buf - n,
                              "x-a%d: &a%d [*a%d, *a%d]\n", k, k, k - 1,
                              k - 1);
    err_clear();
    CHECK(rcp_load(write_recipe(buf, n)) == NULL);
    CHECK_HAS(errline(), "through aliases");
    n = (size_t)snprintf(buf, sizeof buf, BASE "x-deep: ");
    for (int k = 0; k < 1000; k++)
        buf[n++] = '[';
    for (int k = 0; k < 1000; k++)
        buf[n++] = ']';
    buf[n++] = '\n';
    err_clear();
    CHECK(rcp_load(write_recipe(buf, n)) == NULL);
    CHECK_HAS(errline(), "nested more than");
}

/* ---- overrides -------------------------------------------------------------- */

static void test_overrides(void)
{
    rcp *r = load_ok(FIXTURES "/volledig.yaml");
    if (!r)
        return;
    CHECK(rcp_set_override(r, "unit=wijk") == 0);
    CHECK(r->unit.v == RCP_WIJK);
    CHECK_STR(r->unit.pos.file, "--set unit=wijk");
    CHECK(r->unit.pos.line == 0 && rcp_given(r->unit.pos));
    CHECK(rcp_set_override(r, "area=GM0363, GM0479") == 0);
    CHECK(r->area.n == 2);
    CHECK_STR(r->area.s[1], "GM0479");
    CHECK(rcp_set_override(r, "name=nieuw") == 0);
    CHECK_STR(r->name.s, "nieuw");
    CHECK(rcp_set_override(r, "language=nl") == 0);
    CHECK(r->language.v == RCP_NL);
    CHECK(rcp_set_override(r, "unmatched_max=0.2") == 0);
    CHECK_NEAR(r->unmatched_max.v, 0.2, 1e-12);
    CHECK(rcp_set_override(r, "maps.0.classes=7") == 0);
    CHECK(r->maps[0].classes.v == 7);
    CHECK(rcp_set_override(r, "maps.dichtheid.method=equal") == 0);
    CHECK(r->maps[2].method.v == RCP_CLS_EQUAL); /* "- dichtheid" item */
    CHECK_STR(r->maps[2].indicator.s, "dichtheid");
    CHECK(rcp_set_override(r, "maps.hitte_vast.breaks=[5, 15]") == 0);
    CHECK(r->maps[1].breaks.n == 2 && r->maps[1].classes.v == 3);
    /* an indicator written as shorthand gets more keys */
    CHECK(rcp_set_override(r, "indicators.dichtheid.label=Dichtheid") == 0);
    const rcp_indicator *d = rcp_find_indicator(r, "dichtheid");
    CHECK(d && d->expr.s && strcmp(d->expr.s, "b.inwoners / b.oppervlakte") ==
                                0);
    CHECK(d && d->label.s && strcmp(d->label.s, "Dichtheid") == 0);
    CHECK(d && d->expr.pos.line == 44); /* still points into the file */
    CHECK(rcp_set_override(r, "indicators.huur.expr=b.huur / b.won") == 0);
    CHECK_STR(rcp_find_indicator(r, "huur")->expr.s, "b.huur / b.won");
    CHECK(rcp_set_override(r, "indicators.extra=b.x * 2") == 0);
    CHECK(r->n_indicators == 5);
    CHECK(rcp_set_override(r, "outputs.gpkg=true") == 0);
    CHECK(r->out_gpkg.v == 1);
    /* a path from the command line is relative to the cwd */
    CHECK(rcp_set_override(r, "sources.k.path=elders/k.csv") == 0);
    CHECK_STR(rcp_find_source(r, "k")->resolved, "elders/k.csv");
    CHECK(rcp_set_override(r, "title=") == 0); /* empty removes */
    CHECK(r->title.s == NULL);
    CHECK(rcp_set_area(r, "GM0034,WK003401") == 0);
    CHECK(r->area.n == 2);
    CHECK_STR(r->area.at[1].file, "--area GM0034,WK003401");
    CHECK(rcp_set_area(r, "") == 0);
    CHECK(r->area.n == 0);

    /* failures leave the recipe as it was */
    static const struct {
        const char *arg;
        err_category cat;
        const char *says[2];
    } bad[] = {
        {"unit=wijken", ERR_RECIPE,
         {"--set unit=wijken: unit must be one of", "did you mean \"wijk\"?"}},
        {"mpas.0.classes=7", ERR_RECIPE,
         {"unknown key \"mpas\"", "did you mean \"maps\"?"}},
        {"maps.0.clases=7", ERR_RECIPE, {"did you mean \"classes\"?", NULL}},
        {"maps.9.classes=7", ERR_USAGE, {"maps has 3 entries, numbered 0 to 2",
                                         NULL}},
        {"maps.nope.classes=7", ERR_USAGE, {"no entry named \"nope\"", NULL}},
        {"maps.0.classes=seven", ERR_RECIPE, {"must be a whole number", NULL}},
        {"maps.0.breaks=[1, 2", ERR_USAGE, {"YAML syntax error", NULL}},
        {"sources.b.path.x=1", ERR_USAGE, {"is a single value", NULL}},
        {"noequals", ERR_USAGE, {"--set needs name=value", NULL}},
        {"=x", ERR_USAGE, {"--set needs name=value", NULL}},
        {"maps..classes=1", ERR_USAGE, {"empty part", NULL}},
        {"name=", ERR_RECIPE, {"--set name=: name needs a value", NULL}},
        {"indicators.b=1", ERR_RECIPE, {"indicator \"b\" has the same name as the source", NULL}},
        {"unit=gemeente", ERR_RECIPE, {"--set unit=gemeente", "sheet per wijk"}},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        err_clear();
        CHECK(rcp_set_override(r, bad[k].arg) == -1);
        CHECK(err_get() && err_get()->category == bad[k].cat);
        for (size_t s = 0; s < 2 && bad[k].says[s]; s++)
            CHECK_HAS(errline(), bad[k].says[s]);
    }
    CHECK(r->unit.v == RCP_WIJK && r->maps[0].classes.v == 7);
    CHECK_STR(r->name.s, "nieuw");
    CHECK(r->n_indicators == 5 && r->n_maps == 3);
    rcp_free(r);
}

/* ---- errors for later stages ------------------------------------------ */

static void test_error_at(void)
{
    rcp *r = load_ok(FIXTURES "/voorbeeld.yaml");
    if (!r)
        return;
    const rcp_indicator *a = &r->indicators[0];
    err_clear();
    CHECK(rcp_error_at(rcp_str_pos(&a->expr, 6), ERR_EXPR,
                       "no column \"huishoudens\" in source w") == -1);
    CHECK(err_get() && err_get()->category == ERR_EXPR);
    CHECK_HAS(errline(), "voorbeeld.yaml:14:17: no column");
    err_clear();
    CHECK(rcp_error_at(r->crs.pos, ERR_PROJ, "bad crs") == -1);
    CHECK_STR(errline(), "proj error: bad crs");
    CHECK_STR(rcp_level_name(RCP_BUURT), "buurt");
    CHECK_STR(rcp_level_name(RCP_LEVEL_AUTO), "auto");
    err_clear();
    rcp_free(r);
    rcp_free(NULL);
}

/* Every allocation failing in turn: no crash, no leak (ASan build), and an
 * out-of-memory error. */
static void test_alloc_failures(void)
{
    int saw_success = 0;
    long k;
    for (k = 0; k < 5000 && !saw_success; k++) {
        err_clear();
        mem_fault_alloc(k + 1);
        rcp *r = rcp_load(FIXTURES "/volledig.yaml");
        if (r) {
            int rc = rcp_set_override(r, "indicators.dichtheid.label=D");
            mem_fault_alloc(0);
            saw_success = rc == 0;
            if (rc < 0)
                CHECK(err_get() && err_get()->category == ERR_MEMORY);
            rcp_free(r);
        } else {
            mem_fault_alloc(0);
            if (!err_get() || err_get()->category != ERR_MEMORY) {
                fprintf(stderr, "allocation %ld: %s\n", k, errline());
                check_failed++;
            }
        }
    }
    mem_fault_alloc(0);
    CHECK(saw_success);
    printf("allocation failures tried: %ld\n", k);
    err_clear();
}

/* The full fixture cut off after every byte: never a crash or a leak, and
 * every failure carries an error (with a line when it is about the text). */
static void test_truncations(void)
{
    FILE *f = fopen(FIXTURES "/volledig.yaml", "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char text[16384];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    size_t loaded = 0, failed = 0, bad = 0;
    for (size_t cut = 0; cut <= n; cut++) {
        err_clear();
        rcp *r = rcp_load(write_recipe(text, cut));
        if (r) {
            loaded++;
            rcp_free(r);
            continue;
        }
        failed++;
        const err_info *e = err_get();
        if (!e || (e->category != ERR_MEMORY && e->loc <= 0)) {
            if (bad++ < 5)
                fprintf(stderr, "cut at %zu: %s\n", cut, errline());
        }
    }
    CHECK(bad == 0);
    CHECK(loaded > 0 && failed > 0);
    printf("truncations: %zu loaded, %zu refused\n", loaded, failed);
    err_clear();
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/test_rcp_data", DNW_BINARY_DIR);
    mkdir(tmpdir, 0777);
    snprintf(recipe_file, sizeof recipe_file, "%s/recipe.yaml", tmpdir);
    test_strdist();
    test_example();
    test_full();
    test_yaml_features();
    test_errors();
    test_limits();
    test_overrides();
    test_error_at();
    test_alloc_failures();
    test_truncations();
    return check_done();
}
