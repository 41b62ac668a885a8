/* test_present.c - the presentation module (engine/run/present.h): every
 * word, sheet word and missing reason has a Dutch and an English text, and
 * the source line, provenance line and dates follow the rules present.h
 * documents. The expected lines are written out here from those rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "present.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static int filled(const char *s)
{
    return s && *s;
}

static void test_words(void)
{
    for (int id = 0; id < PW_COUNT; id++) {
        CHECK(filled(present_word(NUMFMT_NL, (present_word_id)id)));
        CHECK(filled(present_word(NUMFMT_EN, (present_word_id)id)));
    }
    CHECK_STR(present_word(NUMFMT_NL, PW_COUNT), "");
    /* sheet words: a struct of string pointers, every one in both */
    const sheet_words *w[2] = {present_sheet_words(NUMFMT_NL),
                               present_sheet_words(NUMFMT_EN)};
    size_t n = sizeof(sheet_words) / sizeof(const char *);
    CHECK(n >= 19);
    for (int l = 0; l < 2; l++) {
        const char *const *f = (const char *const *)(const void *)w[l];
        for (size_t k = 0; k < n; k++)
            CHECK(filled(f[k]));
    }
    CHECK_STR(w[0]->key_figures, "Kerncijfers");
    CHECK_STR(w[1]->key_figures, "Key figures");
    for (int lv = KEY_INVALID; lv <= KEY_BUURT; lv++)
        for (int pl = 0; pl < 2; pl++) {
            CHECK(filled(present_level(NUMFMT_NL, (key_level)lv, pl)));
            CHECK(filled(present_level(NUMFMT_EN, (key_level)lv, pl)));
        }
    CHECK_STR(present_level(NUMFMT_NL, KEY_BUURT, 1), "buurten");
    CHECK_STR(present_level(NUMFMT_EN, KEY_GEMEENTE, 0), "municipality");
    CHECK_STR(present_lang_code(NUMFMT_EN), "en");
    CHECK_STR(present_lang_code(NUMFMT_NL), "nl");
}

static void test_missing(void)
{
    for (int r = 1; r < MISS_REASON_COUNT; r++) {
        for (int l = 0; l < 2; l++) {
            numfmt_lang lang = l ? NUMFMT_EN : NUMFMT_NL;
            const char *s = present_miss(lang, (miss_reason)r, PRESENT_SHORT, NULL);
            const char *lo = present_miss(lang, (miss_reason)r, PRESENT_LONG, NULL);
            CHECK(filled(s) && filled(lo));
            /* the long form only adds to the short one */
            CHECK(s && lo && strncmp(lo, s, strlen(s)) == 0);
        }
        /* Dutch and English differ for every reason */
        CHECK(strcmp(present_miss(NUMFMT_NL, (miss_reason)r, PRESENT_LONG, NULL),
                     present_miss(NUMFMT_EN, (miss_reason)r, PRESENT_LONG, NULL)));
    }
    CHECK_STR(present_miss(NUMFMT_NL, MISS_NONE, PRESENT_LONG, NULL), "");
    CHECK_STR(present_miss(NUMFMT_NL, MISS_SECRET, PRESENT_SHORT, NULL), "geheim");
    CHECK_STR(present_miss(NUMFMT_NL, MISS_SECRET, PRESENT_LONG, NULL), "geheim (CBS)");
    CHECK_STR(present_miss(NUMFMT_EN, MISS_SECRET, PRESENT_SHORT, NULL), "secret");
    /* a min_base label replaces the suppressed wording, nothing else */
    CHECK_STR(present_miss(NUMFMT_NL, MISS_SUPPRESSED, PRESENT_SHORT,
                           "te weinig woningen"), "te weinig woningen");
    CHECK_STR(present_miss(NUMFMT_NL, MISS_SUPPRESSED, PRESENT_LONG,
                           "te weinig woningen"), "te weinig woningen");
    CHECK_STR(present_miss(NUMFMT_NL, MISS_SECRET, PRESENT_LONG,
                           "te weinig woningen"), "geheim (CBS)");
    /* a code out of range reads as "no data" */
    CHECK_STR(present_miss(NUMFMT_EN, (miss_reason)200, PRESENT_SHORT, NULL),
              "no data");
}

static void test_source_line(void)
{
    static const struct {
        const char *name;
        present_src src[3];
        size_t n, size;
        const char *nl, *en;
    } cases[] = {
        {"one label", {{"CBS Kerncijfers 2024", NULL, NULL, "a/b.geojson"}}, 1, 256,
         "Bron: CBS Kerncijfers 2024", "Source: CBS Kerncijfers 2024"},
        {"label before catalog line",
         {{"Eigen label", "Bron: CBS X", "Titel", "x.csv"}}, 1, 256,
         "Bron: Eigen label", "Source: Eigen label"},
        {"catalog line without its Bron",
         {{NULL, "Bron: CBS StatLine 2023", "Titel", "x.csv"}}, 1, 256,
         "Bron: CBS StatLine 2023", "Source: CBS StatLine 2023"},
        {"catalog line without a prefix",
         {{NULL, "Klimaateffectatlas", "Titel", "x.csv"}}, 1, 256,
         "Bron: Klimaateffectatlas", "Source: Klimaateffectatlas"},
        {"catalog title", {{NULL, NULL, "Wijk- en buurtkaart", "x.shp"}}, 1, 256,
         "Bron: Wijk- en buurtkaart", "Source: Wijk- en buurtkaart"},
        {"file name without folders",
         {{NULL, NULL, NULL, "/data/cbs/wijken_2024.geojson"}}, 1, 256,
         "Bron: wijken_2024.geojson", "Source: wijken_2024.geojson"},
        {"several, in recipe order",
         {{"A", NULL, NULL, "a"}, {NULL, NULL, NULL, "d/b.csv"}, {"C", NULL, NULL, "c"}},
         3, 256, "Bron: A; b.csv; C", "Sources: A; b.csv; C"},
        {"an equal name once",
         {{"CBS", NULL, NULL, "a"}, {"CBS", NULL, NULL, "b"}}, 2, 256,
         "Bron: CBS", "Source: CBS"},
        {"a name inside another is kept",
         {{"CBS Kerncijfers", NULL, NULL, "a"}, {"CBS", NULL, NULL, "b"}}, 2, 256,
         "Bron: CBS Kerncijfers; CBS", "Sources: CBS Kerncijfers; CBS"},
        {"a name that does not fit is left out whole",
         {{"Alpha", NULL, NULL, "a"}, {"Beta gamma", NULL, NULL, "b"}}, 2, 16,
         "Bron: Alpha", "Sources: Alpha"},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        char buf[256];
        present_source_line(NUMFMT_NL, cases[i].src, cases[i].n, buf, cases[i].size);
        if (strcmp(buf, cases[i].nl))
            fprintf(stderr, "case %s:\n", cases[i].name);
        CHECK_STR(buf, cases[i].nl);
        present_source_line(NUMFMT_EN, cases[i].src, cases[i].n, buf, cases[i].size);
        if (strcmp(buf, cases[i].en))
            fprintf(stderr, "case %s:\n", cases[i].name);
        CHECK_STR(buf, cases[i].en);
    }
    char tiny[4] = "xyz";
    present_source_line(NUMFMT_NL, cases[0].src, 1, tiny, sizeof tiny);
    CHECK_STR(tiny, "");
}

static void test_lines(void)
{
    char buf[256];
    present_provenance(NUMFMT_NL, "demo", "1a2b3c4d5e6f", "20261123T101500",
                       buf, sizeof buf);
    CHECK_STR(buf, "dnawijk " DNAWIJK_VERSION
                   " \xC2\xB7 recept demo (sha 1a2b3c4d) \xC2\xB7 20261123T101500");
    present_provenance(NUMFMT_EN, "demo", "1a2b3c4d5e6f", NULL, buf, sizeof buf);
    CHECK_STR(buf, "dnawijk " DNAWIJK_VERSION " \xC2\xB7 recipe demo (sha 1a2b3c4d)");
    present_date(NUMFMT_NL, "2026-11-23", buf, sizeof buf);
    CHECK_STR(buf, "23 november 2026");
    present_date(NUMFMT_EN, "2026-03-01", buf, sizeof buf);
    CHECK_STR(buf, "1 March 2026");
    present_date(NUMFMT_NL, "2026-13-01", buf, sizeof buf);
    CHECK_STR(buf, "2026-13-01");
}

/* The run log's lines, as `dnawijk run` printed them before they moved
 * here, and in English. */
static void test_log(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK(f != NULL);
    if (!f)
        return;
    present_log_recipe(f, NUMFMT_NL, "demo", "recipes/demo.yaml");
    present_log_source(f, NUMFMT_NL, "kwb", 30, KEY_BUURT, 30, 30, KEY_BUURT, 0, 0);
    present_log_source(f, NUMFMT_EN, "w", 3000, KEY_WIJK, 28, 29, KEY_WIJK, 5, 2);
    present_log_results(f, NUMFMT_NL, "out/demo");
    present_log_summary(f, NUMFMT_NL, 30, KEY_BUURT, 7, 3.8394);
    present_log_summary(f, NUMFMT_EN, 30, KEY_BUURT, 7, 3.8394);
    fclose(f);
    CHECK_STR(text,
              "recept demo (recipes/demo.yaml)\n"
              "  bron kwb            30 rijen  buurt-niveau  30/30 buurten gekoppeld\n"
              "  source w            3000 rows  district level  28/29 districts matched"
              ", 5 source rows in the area unused, 2 duplicate codes\n"
              "resultaten in out/demo/\n"
              "30 buurten, 7 indicatoren, 3.839 s\n"
              "30 neighbourhoods, 7 indicators, 3.839 s\n");
    free(text);
}

static void test_labels(void)
{
    rcp_indicator ri;
    memset(&ri, 0, sizeof ri);
    ri.name.s = "aandeel_65plus";
    ri.decimals.v = -1;
    char buf[128];
    CHECK_STR(present_label(&ri), "aandeel_65plus");
    present_label_unit(&ri, buf, sizeof buf);
    CHECK_STR(buf, "aandeel_65plus");
    ri.label.s = "Inwoners van 65 jaar en ouder";
    ri.unit.s = "%";
    present_label_unit(&ri, buf, sizeof buf);
    CHECK_STR(buf, "Inwoners van 65 jaar en ouder (%)");
    ri.decimals.v = 2;
    CHECK(present_value(NUMFMT_NL, &ri, 12.345, buf, sizeof buf) == 0);
    /* numfmt's own rules: decimal comma, narrow no-break space before % */
    char want[64];
    numfmt_unit(12.345, 2, "%", NUMFMT_NL, want, sizeof want);
    CHECK_STR(buf, want);
    CHECK(strncmp(buf, "12,35", 5) == 0 || strncmp(buf, "12,34", 5) == 0);
}

int main(void)
{
    test_words();
    test_missing();
    test_source_line();
    test_lines();
    test_log();
    test_labels();
    return check_done();
}
