/* present.h - every word a reader of dnawijk's maps, fact sheets and charts
 * sees, in Dutch (default) and English: built-in words, area level names,
 * missing-value wording, label and unit texts, the source line, the
 * provenance line and dates. The renderers in plots/ hold no words of their
 * own; the run layer looks them up here and passes them in their view models
 * (map_spec, sheet_doc.words, chart_spec).
 *
 * The language is numfmt's: NUMFMT_NL or NUMFMT_EN (present_lang() maps a
 * recipe's `language:` to it).
 *
 * How to add a word:
 *   1. add an enum value before PW_COUNT below (with the Dutch text in its
 *      comment);
 *   2. add its row {"nederlands", "english"} at the same index in `words` in
 *      present.c (the table uses designated initialisers, so the order there
 *      does not matter);
 *   3. look it up with present_word(lang, PW_...).
 * A word for the fact sheet's own furniture goes into the struct
 * sheet_words (sheet.h) and as one line X(field, "nederlands", "english")
 * into SHEET_WORDS in present.c instead.
 * tests/unit/test_present.c fails when any word, sheet word or missing
 * reason lacks a Dutch or an English text.
 *
 * Missing values: one wording per reason (present_miss()), in a short form
 * for narrow places (fact-sheet cells and bars) and a long form for legends
 * and chart lists. The forms differ only where the long one adds who said
 * so ("geheim" / "geheim (CBS)"). A small-number rule's own label (min_base
 * label: "te weinig huishoudens") replaces the wording of MISS_SUPPRESSED in
 * both forms. The table layer knows reasons only as codes.
 *
 * The source line (present_source_line()) follows these rules:
 *   1. it starts with "Bron: " in Dutch; in English with "Source: " for one
 *      name and "Sources: " for more;
 *   2. each source gives one name, in recipe order: its `label:`; else its
 *      catalog entry's source line without a leading "Bron: "; else the
 *      catalog entry's title; else the file name without its folders;
 *   3. a name equal to an earlier one is left out;
 *   4. names are separated by "; ";
 *   5. a name that does not fit the buffer whole is left out with the ones
 *      after it (the line never ends in a cut name).
 *
 * The provenance line: "dnawijk VERSION · recept NAME (sha 1234abcd)",
 * followed by " · YYYYMMDD..." (the run's creation stamp) when a stamp is
 * given; "recipe" in English.
 *
 * All returned strings are static (never NULL, never to be freed); the
 * functions that write into a caller's buffer always terminate it.
 */
#ifndef DNW_PRESENT_H
#define DNW_PRESENT_H

#include <stddef.h>
#include <stdio.h>

#include "key.h"
#include "numfmt.h"
#include "rcp.h"
#include "sheet.h"
#include "tbl.h"

typedef enum {
    PW_SOURCE,          /* "Bron" */
    PW_SOURCES,         /* "Bron" (several sources) */
    PW_RECIPE,          /* "recept" */
    PW_AREA,            /* "gebied" (a comparison column) */
    PW_WHOLE_AREA,      /* "hele gebied" (a reference line) */
    PW_PER,             /* "per" (per gemeente) */
    PW_FIGURES,         /* "Cijfers" (a custom chart without title) */
    PW_MAP,             /* "Kaart" (cover subtitle) */
    PW_COVER_TITLE,     /* "DNA van de wijk:" (before the area's name) */
    PW_NO_NATIONAL,     /* run note: no national figures */
    PW_CHART_AGE,       /* "Leeftijd" */
    PW_CHART_TENURE,    /* "Woningen naar eigendom" */
    PW_CHART_HOUSEHOLDS, /* "Huishoudens" */
    PW_BAR_OWNER,       /* "koop" */
    PW_BAR_RENT,        /* "huur" */
    PW_BAR_CORPORATION, /* "corporatie" */
    PW_BAR_OTHER_RENT,  /* "overige huur" (huur minus corporatie) */
    PW_BAR_SINGLE,      /* "alleenstaand" */
    PW_BAR_NO_CHILDREN, /* "zonder kinderen" */
    PW_BAR_CHILDREN,    /* "met kinderen" */
    PW_LOG_RESULTS,     /* "resultaten in" */
    PW_LOG_INDICATORS,  /* "indicatoren" */
    PW_LOG_SOURCE,      /* "bron" */
    PW_LOG_ROWS,        /* "rijen" */
    PW_LOG_MATCHED,     /* "gekoppeld" */
    PW_LOG_UNUSED,      /* "bronrijen in het gebied ongebruikt" */
    PW_LOG_DUPLICATES,  /* "dubbele codes" */
    PW_COVERAGE,        /* "dekking" (a partial rollup: "dekking 86 %") */
    PW_COVERAGE_NOTE,   /* footnote of a chart's partial-coverage mark */
    PW_PROVINCE, /* "provincie" (compare) */
    PW_SELECTED_GEMEENTEN, /* "gekozen gemeenten" (compare) */
    PW_NETHERLANDS, /* "Nederland" (compare) */
    PW_RUN_FAILED, /* "mislukt" (compare) */
    PW_STRIP_SUBTITLE, /* "gemeente (stip) en haar" (compare) */
    PW_BY_RANK, /* "gemeenten op volgorde" (compare) */
    PW_PAGE, /* "blad" (compare) */
    PW_NO_VALUE, /* "geen waarde" (compare) */
    PW_OF, /* "van" (compare) */
    PW_DISTANCE, /* "afstand" (compare) */
    PW_NO_PEERS_MISSING, /* "geen (een waarde ontbreekt)" (compare) */
    PW_NO_PEERS_RECIPE, /* "geen: zet peers: in het recept" (compare) */
    PW_PEERS_BOX, /* "Vergelijkbare gemeenten" (compare) */
    PW_RANK_BOX, /* "Rang in de selectie" (compare) */
    PW_COMPARED_WITH, /* "vergeleken met" (compare) */
    PW_PEERS_RULE, /* "vergelijkbaar: gestandaardiseerde euclidische afstand" (compare) */
    PW_SELECTION, /* "selectie" (compare) */
    PW_PEERS, /* "vergelijkbaar" (compare) */
    PW_COMPARE_TITLE, /* "Vergelijking van gemeenten" (compare) */
    PW_FILE_COMPARISON, /* "vergelijking" (compare) */
    PW_FILE_RANK, /* "rang" (compare) */
    PW_LOG_SUCCEEDED, /* "gemeenten gelukt" (compare) */
    PW_COUNT
} present_word_id;

typedef enum { PRESENT_SHORT = 0, PRESENT_LONG } present_form;

/* One source as the source line sees it; any field may be NULL. */
typedef struct {
    const char *label;     /* the recipe's `label:` */
    const char *cat_line;  /* the catalog entry's source line */
    const char *cat_title; /* the catalog entry's title */
    const char *path;      /* the file as written in the recipe */
} present_src;

/* The language of a recipe (NUMFMT_NL unless `language: en`). */
numfmt_lang present_lang(const rcp *r);

/* "nl" or "en", for the renderers' language fields. */
const char *present_lang_code(numfmt_lang lang);

/* The word id in lang; "" for an id out of range. */
const char *present_word(numfmt_lang lang, present_word_id id);

/* Name of an area level ("buurt", "wijk", "gemeente"; KEY_INVALID: the
 * whole area, "gebied"), plural when plural != 0 ("buurten"). */
const char *present_level(numfmt_lang lang, key_level l, int plural);

/* The wording of a missing reason in the given form (see above); base_label
 * (may be NULL) replaces the wording of MISS_SUPPRESSED. "" for MISS_NONE;
 * the MISS_EMPTY wording for a code out of range. */
const char *present_miss(numfmt_lang lang, miss_reason why, present_form form,
                         const char *base_label);

/* The fact sheet's built-in words in lang (static). */
const sheet_words *present_sheet_words(numfmt_lang lang);

/* An indicator's label, or its name when it has none. */
const char *present_label(const rcp_indicator *ri);

/* "label (unit)", or the label alone without a unit, into buf. */
void present_label_unit(const rcp_indicator *ri, char *buf, size_t size);

/* Value v of indicator ri with its unit ("12,5 %"), with the indicator's
 * decimals or about three significant digits, into buf. Returns numfmt's
 * result (0, or -1 with an error set when buf is too small). */
int present_value(numfmt_lang lang, const rcp_indicator *ri, double v,
                  char *buf, size_t size);

/* The source line of n sources into buf, by the rules above. */
void present_source_line(numfmt_lang lang, const present_src *src, size_t n,
                         char *buf, size_t size);

/* The provenance line into buf; stamp NULL leaves the time out. */
void present_provenance(numfmt_lang lang, const char *recipe_name,
                        const char *recipe_sha, const char *stamp, char *buf,
                        size_t size);

/* Run messages (the log of `dnawijk run`), in lang, each one line onto f:
 * the recipe being run, one line per joined source, where the results
 * went, and the closing summary. */
void present_log_recipe(FILE *f, numfmt_lang lang, const char *name,
                        const char *path);
void present_log_source(FILE *f, numfmt_lang lang, const char *name,
                        size_t rows, key_level src_level, size_t matched,
                        size_t n_units, key_level unit_level, size_t unused,
                        size_t duplicates);
void present_log_results(FILE *f, numfmt_lang lang, const char *dir);
void present_log_summary(FILE *f, numfmt_lang lang, size_t n_units,
                         key_level unit_level, size_t n_ind, double seconds);
/* `dnawijk compare`'s log: the start line (recipe, selection, threads),
 * one line per failed gemeente, and the closing line. */
void present_log_compare(FILE *f, numfmt_lang lang, const char *name,
                         const char *path, size_t n_gm, const char *selection,
                         int jobs);
void present_log_compare_failed(FILE *f, const char *code, const char *name,
                                const char *why);
void present_log_compare_done(FILE *f, numfmt_lang lang, size_t n_ok,
                              size_t n_gm, double seconds, const char *dir);

/* The note of a rollup value that covers only part of its base (share
 * 0..1, below 1): "dekking 86 %" ("coverage 86 %"), the share rounded
 * down to a whole percent so that a partial value never reads 100 %, into
 * buf. */
void present_coverage(numfmt_lang lang, double share, char *buf, size_t size);

/* An ISO date "2026-11-23" as "23 november 2026" ("23 November 2026" in
 * English) into buf; other text is copied as it is. */
void present_date(numfmt_lang lang, const char *iso, char *buf, size_t size);

#endif
