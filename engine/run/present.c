/* present.c - every user-facing word, in Dutch and English; see present.h
 * for the rules and for how to add a word. */
#include "present.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* words[id] = {Dutch, English} */
static const char *const words[PW_COUNT][2] = {
    [PW_SOURCE] = {"Bron", "Source"},
    [PW_SOURCES] = {"Bron", "Sources"},
    [PW_RECIPE] = {"recept", "recipe"},
    [PW_AREA] = {"gebied", "area"},
    [PW_WHOLE_AREA] = {"hele gebied", "whole area"},
    [PW_PER] = {"per", "per"},
    [PW_FIGURES] = {"Cijfers", "Figures"},
    [PW_MAP] = {"Kaart", "Map"},
    [PW_COVER_TITLE] = {"DNA van de wijk:", "Neighbourhoods of"},
    [PW_NO_NATIONAL] = {"let op: de bronnen bevatten geen landelijke cijfers; "
                        "de factsheets vergelijken alleen met gemeente en "
                        "gebied",
                        "note: no national figures among the sources; the "
                        "fact sheets compare with the gemeente and the area "
                        "only"},
    [PW_CHART_AGE] = {"Leeftijd", "Age"},
    [PW_CHART_TENURE] = {"Woningen naar eigendom", "Tenure"},
    [PW_CHART_HOUSEHOLDS] = {"Huishoudens", "Households"},
    [PW_BAR_OWNER] = {"koop", "owner-occupied"},
    [PW_BAR_RENT] = {"huur", "rented"},
    [PW_BAR_CORPORATION] = {"corporatie", "housing association"},
    [PW_BAR_OTHER_RENT] = {"overige huur", "other rented"},
    [PW_BAR_SINGLE] = {"alleenstaand", "single"},
    [PW_BAR_NO_CHILDREN] = {"zonder kinderen", "without children"},
    [PW_BAR_CHILDREN] = {"met kinderen", "with children"},
    [PW_LOG_RESULTS] = {"resultaten in", "results in"},
    [PW_LOG_INDICATORS] = {"indicatoren", "indicators"},
    [PW_LOG_SOURCE] = {"bron", "source"},
    [PW_LOG_ROWS] = {"rijen", "rows"},
    [PW_LOG_MATCHED] = {"gekoppeld", "matched"},
    [PW_LOG_UNUSED] = {"bronrijen in het gebied ongebruikt",
                       "source rows in the area unused"},
    [PW_LOG_DUPLICATES] = {"dubbele codes", "duplicate codes"},
    [PW_COVERAGE] = {"dekking", "coverage"},
    [PW_COVERAGE_NOTE] = {"* dekking onder 100 %: de waarde berust op een "
                          "deel van de basis",
                          "* coverage below 100 %: the value rests on part "
                          "of its base"},
    [PW_PROVINCE] = {"provincie", "province"},
    [PW_SELECTED_GEMEENTEN] = {"gekozen gemeenten", "selected gemeenten"},
    [PW_NETHERLANDS] = {"Nederland", "the Netherlands"},
    [PW_RUN_FAILED] = {"mislukt", "run failed"},
    [PW_STRIP_SUBTITLE] = {"gemeente (stip) en haar", "gemeente (dot) and its"},
    [PW_BY_RANK] = {"gemeenten op volgorde", "gemeenten by rank"},
    [PW_PAGE] = {"blad", "page"},
    [PW_NO_VALUE] = {"geen waarde", "no value"},
    [PW_OF] = {"van", "of"},
    [PW_DISTANCE] = {"afstand", "distance"},
    [PW_NO_PEERS_MISSING] = {"geen (een waarde ontbreekt)", "no peers (a value is missing)"},
    [PW_NO_PEERS_RECIPE] = {"geen: zet peers: in het recept", "no peers: give peers: in the recipe"},
    [PW_PEERS_BOX] = {"Vergelijkbare gemeenten", "Similar gemeenten"},
    [PW_RANK_BOX] = {"Rang in de selectie", "Rank in the selection"},
    [PW_COMPARED_WITH] = {"vergeleken met", "compared with"},
    [PW_PEERS_RULE] = {"vergelijkbaar: gestandaardiseerde euclidische afstand", "peers by standardised Euclidean distance"},
    [PW_SELECTION] = {"selectie", "selection"},
    [PW_PEERS] = {"vergelijkbaar", "peers"},
    [PW_COMPARE_TITLE] = {"Vergelijking van gemeenten", "Gemeente comparison"},
    [PW_FILE_COMPARISON] = {"vergelijking", "comparison"},
    [PW_FILE_RANK] = {"rang", "rank"},
    [PW_LOG_SUCCEEDED] = {"gemeenten gelukt", "gemeenten succeeded"},
};

/* levels[level][plural] = {Dutch, English}; KEY_INVALID is the whole area */
static const char *const levels[KEY_BUURT + 1][2][2] = {
    [KEY_INVALID] = {{"gebied", "area"}, {"gebieden", "areas"}},
    [KEY_GEMEENTE] = {{"gemeente", "municipality"},
                      {"gemeenten", "municipalities"}},
    [KEY_WIJK] = {{"wijk", "district"}, {"wijken", "districts"}},
    [KEY_BUURT] = {{"buurt", "neighbourhood"},
                   {"buurten", "neighbourhoods"}},
};

/* miss[reason] = {Dutch, English}: one wording per reason, the short form
 * (cells, bars) ... */
static const char *const miss[MISS_REASON_COUNT][2] = {
    [MISS_NONE] = {"", ""},
    [MISS_EMPTY] = {"geen gegevens", "no data"},
    [MISS_SECRET] = {"geheim", "secret"},
    [MISS_UNKNOWN] = {"onbekend", "unknown"},
    [MISS_NOT_AVAILABLE] = {"niet beschikbaar", "not available"},
    [MISS_NOT_APPLICABLE] = {"niet van toepassing", "not applicable"},
    [MISS_SENTINEL] = {"ontbreekt (CBS-code)", "missing (CBS code)"},
    [MISS_UNPARSABLE] = {"ongeldige waarde", "invalid value"},
    [MISS_UNMATCHED] = {"niet gekoppeld", "not matched"},
    [MISS_DIV_ZERO] = {"deling door nul", "division by zero"},
    [MISS_INVALID] = {"niet berekenbaar", "not computable"},
    [MISS_SUPPRESSED] = {"te weinig waarnemingen", "too few observations"},
    [MISS_COVERAGE] = {"te weinig dekking", "too little coverage"},
};

/* ... and the long form (legends, chart lists) where it says more: who
 * withheld the value. NULL: the same as the short form. */
static const char *const miss_long[MISS_REASON_COUNT][2] = {
    [MISS_SECRET] = {"geheim (CBS)", "secret (CBS)"},
};

/* The fact sheet's words: X(field, Dutch, English), one line a word. */
#define SHEET_WORDS(X)                                                  \
    X(title, "DNA van de wijk", "DNA of the neighbourhood")             \
    X(key_figures, "Kerncijfers", "Key figures")                        \
    X(location, "Ligging", "Location")                                  \
    X(sources, "Bronnen", "Sources")                                    \
    X(page, "pagina", "page")                                           \
    X(page_of, "van", "of")                                             \
    X(contents, "Inhoud", "Contents")                                   \
    X(composition, "Samenstelling", "Composition")                      \
    X(cmp_default, "vergelijking", "comparison")                        \
    X(unknown, "onbekend", "unknown")                                   \
    X(spread_in, "Spreiding in", "Spread in")                           \
    X(this_unit, "deze", "this")                                        \
    X(each, "elke", "each")                                             \
    X(in, "in", "in")                                                   \
    X(legend, "Legenda", "Legend")                                      \
    X(units_word, "pagina's met kerncijfers", "pages of key figures")   \
    X(page_short, "blz.", "p.")                                         \
    X(continued, " (vervolg)", " (continued)")                          \
    X(unit_word, "eenheid", "unit")

#define SHEET_NL(field, nl, en) .field = nl,
#define SHEET_EN(field, nl, en) .field = en,
static const sheet_words sheet_nl = {SHEET_WORDS(SHEET_NL)};
static const sheet_words sheet_en = {SHEET_WORDS(SHEET_EN)};

static const char *const months[12][2] = {
    {"januari", "January"},   {"februari", "February"}, {"maart", "March"},
    {"april", "April"},       {"mei", "May"},           {"juni", "June"},
    {"juli", "July"},         {"augustus", "August"},   {"september", "September"},
    {"oktober", "October"},   {"november", "November"}, {"december", "December"},
};

/* 0 for Dutch, 1 for English: the column of the tables above. */
static int col(numfmt_lang lang)
{
    return lang == NUMFMT_EN;
}

numfmt_lang present_lang(const rcp *r)
{
    return r && r->language.v == RCP_EN ? NUMFMT_EN : NUMFMT_NL;
}

const char *present_lang_code(numfmt_lang lang)
{
    return lang == NUMFMT_EN ? "en" : "nl";
}

const char *present_word(numfmt_lang lang, present_word_id id)
{
    return (unsigned)id < PW_COUNT ? words[id][col(lang)] : "";
}

const char *present_level(numfmt_lang lang, key_level l, int plural)
{
    if ((unsigned)l > KEY_BUURT)
        l = KEY_INVALID;
    return levels[l][plural != 0][col(lang)];
}

const char *present_miss(numfmt_lang lang, miss_reason why, present_form form,
                         const char *base_label)
{
    if (why == MISS_SUPPRESSED && base_label)
        return base_label;
    if ((unsigned)why >= MISS_REASON_COUNT)
        why = MISS_EMPTY;
    if (form == PRESENT_LONG && miss_long[why][col(lang)])
        return miss_long[why][col(lang)];
    return miss[why][col(lang)];
}

const sheet_words *present_sheet_words(numfmt_lang lang)
{
    return lang == NUMFMT_EN ? &sheet_en : &sheet_nl;
}

const char *present_label(const rcp_indicator *ri)
{
    return ri->label.s ? ri->label.s : ri->name.s;
}

void present_label_unit(const rcp_indicator *ri, char *buf, size_t size)
{
    if (ri->unit.s)
        snprintf(buf, size, "%s (%s)", present_label(ri), ri->unit.s);
    else
        snprintf(buf, size, "%s", present_label(ri));
}

int present_value(numfmt_lang lang, const rcp_indicator *ri, double v,
                  char *buf, size_t size)
{
    int dec = ri->decimals.v >= 0 ? (int)ri->decimals.v
                                  : numfmt_auto_decimals(v);
    return numfmt_unit(v, dec, ri->unit.s, lang, buf, size);
}

/* The name a source shows on the source line (rule 2 in present.h). */
static const char *source_name(const present_src *s)
{
    if (s->label)
        return s->label;
    if (s->cat_line)
        return strncmp(s->cat_line, "Bron: ", 6) ? s->cat_line
                                                 : s->cat_line + 6;
    if (s->cat_title)
        return s->cat_title;
    if (!s->path)
        return "";
    const char *slash = strrchr(s->path, '/');
    return slash ? slash + 1 : s->path;
}

void present_source_line(numfmt_lang lang, const present_src *src, size_t n,
                         char *buf, size_t size)
{
    if (size == 0)
        return;
    size_t distinct = 0;
    for (size_t k = 0; k < n; k++) {
        size_t j = 0;
        while (j < k && strcmp(source_name(&src[j]), source_name(&src[k])))
            j++;
        distinct += j == k;
    }
    int w = snprintf(buf, size, "%s: ",
                     present_word(lang, distinct > 1 ? PW_SOURCES : PW_SOURCE));
    size_t used = w < 0 ? 0 : (size_t)w;
    if (used >= size) {
        buf[0] = '\0';
        return;
    }
    int first = 1;
    for (size_t k = 0; k < n; k++) {
        const char *name = source_name(&src[k]);
        size_t j = 0;
        while (j < k && strcmp(source_name(&src[j]), name))
            j++;
        if (j < k || !*name)
            continue;
        size_t need = strlen(name) + (first ? 0 : 2);
        if (used + need >= size)
            break;
        used += (size_t)snprintf(buf + used, size - used, "%s%s",
                                 first ? "" : "; ", name);
        first = 0;
    }
}

void present_provenance(numfmt_lang lang, const char *recipe_name,
                        const char *recipe_sha, const char *stamp, char *buf,
                        size_t size)
{
    snprintf(buf, size, "dnawijk %s \xC2\xB7 %s %s (sha %.8s)%s%s",
             DNAWIJK_VERSION, present_word(lang, PW_RECIPE), recipe_name,
             recipe_sha, stamp ? " \xC2\xB7 " : "", stamp ? stamp : "");
}

void present_log_recipe(FILE *f, numfmt_lang lang, const char *name,
                        const char *path)
{
    fprintf(f, "%s %s (%s)\n", present_word(lang, PW_RECIPE), name, path);
}

void present_log_source(FILE *f, numfmt_lang lang, const char *name,
                        size_t rows, key_level src_level, size_t matched,
                        size_t n_units, key_level unit_level, size_t unused,
                        size_t duplicates)
{
    char level[64];
    /* "buurt-niveau" / "buurt level" */
    if (lang == NUMFMT_EN)
        snprintf(level, sizeof level, "%s level", present_level(lang, src_level, 0));
    else
        snprintf(level, sizeof level, "%s-niveau", present_level(lang, src_level, 0));
    fprintf(f, "  %s %-10s %6zu %s  %s  %zu/%zu %s %s",
            present_word(lang, PW_LOG_SOURCE), name, rows,
            present_word(lang, PW_LOG_ROWS), level, matched, n_units,
            present_level(lang, unit_level, 1),
            present_word(lang, PW_LOG_MATCHED));
    if (unused)
        fprintf(f, ", %zu %s", unused, present_word(lang, PW_LOG_UNUSED));
    if (duplicates)
        fprintf(f, ", %zu %s", duplicates, present_word(lang, PW_LOG_DUPLICATES));
    fputc('\n', f);
}

void present_log_results(FILE *f, numfmt_lang lang, const char *dir)
{
    fprintf(f, "%s %s/\n", present_word(lang, PW_LOG_RESULTS), dir);
}

void present_log_summary(FILE *f, numfmt_lang lang, size_t n_units,
                         key_level unit_level, size_t n_ind, double seconds)
{
    fprintf(f, "%zu %s, %zu %s, %.3f s\n", n_units,
            present_level(lang, unit_level, 1), n_ind,
            present_word(lang, PW_LOG_INDICATORS), seconds);
}

void present_log_compare(FILE *f, numfmt_lang lang, const char *name,
                         const char *path, size_t n_gm, const char *selection,
                         int jobs)
{
    fprintf(f, "%s %s (%s): %zu %s (%s), %d %s\n",
            present_word(lang, PW_RECIPE), name, path, n_gm,
            present_level(lang, KEY_GEMEENTE, 1), selection, jobs,
            jobs == 1 ? "thread" : "threads");
}

void present_log_compare_failed(FILE *f, const char *code, const char *name,
                                const char *why)
{
    fprintf(f, "  %s %s: %s\n", code, name, why);
}

void present_log_compare_done(FILE *f, numfmt_lang lang, size_t n_ok,
                              size_t n_gm, double seconds, const char *dir)
{
    fprintf(f, "%zu %s %zu %s, %.1f s; %s %s/\n", n_ok,
            present_word(lang, PW_OF), n_gm,
            present_word(lang, PW_LOG_SUCCEEDED), seconds,
            present_word(lang, PW_LOG_RESULTS), dir);
}

void present_date(numfmt_lang lang, const char *iso, char *buf, size_t size)
{
    int y = 0, mo = 0, d = 0;
    if (sscanf(iso, "%d-%d-%d", &y, &mo, &d) != 3 || mo < 1 || mo > 12) {
        snprintf(buf, size, "%s", iso);
        return;
    }
    snprintf(buf, size, "%d %s %d", d, months[mo - 1][col(lang)], y);
}

void present_coverage(numfmt_lang lang, double share, char *buf, size_t size)
{
    double pct = floor(share * 100 + 1e-9);
    if (pct > 99 && share < 1)
        pct = 99; /* never "100 %" for a partial value */
    char num[48];
    if (numfmt_unit(pct, 0, "%", lang, num, sizeof num) < 0)
        snprintf(num, sizeof num, "%.0f %%", pct);
    snprintf(buf, size, "%s %s", present_word(lang, PW_COVERAGE), num);
}
