/* sheet.h - the "DNA van de wijk" fact sheet: one print-ready A4 (or A3)
 * PDF page per buurt or wijk, drawn with Cairo and set with Pango.
 *
 * Data in, file out: the caller computes every number and passes it here;
 * this module only lays out and draws. A page holds
 *   - a header with the unit's name, level and code, and its parent
 *     ("wijk Centrum, gemeente Voorbeeldrecht"), and a locator map top
 *     right (the unit in the accent colour among the units of its area);
 *   - the key figures as a table: label | value | up to three comparison
 *     values | a dot strip that shows where the unit stands among all units
 *     of the area (grey ticks), with the first comparison value as a line;
 *   - up to six small horizontal bar charts (age groups, tenure, household
 *     types ...), three to a row;
 *   - up to three text boxes side by side (the two tracks of a wijk
 *     process: social - participation and reach - and technical - heat
 *     transition); lines "label: value" are set as a two-column list;
 *   - a footer with sources, date, provenance and the page number.
 * Missing values are written as the caller's reason text ("geheim", "te
 * weinig woningen") in a muted italic, never as a number, and get no dot.
 * Numbers are formatted with numfmt (Dutch by default, English with
 * language "en"); the built-in words follow the same language.
 *
 * Type: DejaVu Sans (regular, bold) and DejaVu Sans Condensed (regular,
 * bold, oblique), embedded as subsets by Cairo. Text is set with Pango:
 * kerning, wrapping at word boundaries, ellipsis where a line count is
 * capped (names, labels, boxes), spaced capitals for section headings and
 * small capitals (synthesized by Pango 1.50, DejaVu has no smcp) for the
 * group headings of the table. Layouts carry the language (nl-nl or
 * en-gb). Pango 1.50 has no hyphenation dictionaries: the language tag
 * only reaches the font (OpenType locl) and line breaking is Unicode's
 * UAX #14 without a Dutch tailoring. A word longer than its line is broken
 * between characters with a hyphen inserted (which may split a Dutch
 * compound at the wrong syllable); soft hyphens (U+00AD) that the caller
 * puts into long names are honoured as break points.
 *
 * The page is laid out to fit: when the body does not fit between header
 * and footer, rows and bars are set tighter, then the whole body is set
 * slightly smaller (down to 85 %), then the boxes lose their last lines
 * (marked with an ellipsis), and at the limits of the SHEET_MAX_* values
 * the body is set smaller still on a wider measure. Nothing overlaps and
 * nothing runs into the footer.
 *
 * Output is reproducible byte for byte: the PDF creation date comes from
 * doc->date ("23 november 2026", "23 November 2026" or "2026-11-23";
 * 2000-01-01 otherwise). Files are written to a temporary file beside the
 * target and renamed into place; on failure nothing is left behind.
 *
 * Batch calls (sheet_render_all, sheet_render_units) raise glibc's heap
 * trim threshold to 64 MiB for the process, once (mallopt): returning the
 * few hundred KB that Cairo and zlib free after every page to the kernel
 * costs more than drawing the page on a virtual machine. A batch tool
 * keeps at most that much free memory longer; nothing else changes.
 *
 * All strings are UTF-8 and are borrowed for the duration of the call.
 * Invalid UTF-8 is repaired (shown with U+FFFD), not refused.
 * Errors: functions return 0 or -1 with ERR_RECIPE (bad input, e.g. too
 * many charts), ERR_IO (the file cannot be written; the message names the
 * path), ERR_RENDER (Cairo/Pango failed) or ERR_MEMORY set.
 */
#ifndef DNW_SHEET_H
#define DNW_SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "pal.h"
#include "pdfmeta.h"
#include "tbl.h"

#define SHEET_MAX_CMP 3      /* comparison columns per figure */
#define SHEET_MAX_FIGURES 16 /* key figures per page */
#define SHEET_MAX_CHARTS 6   /* bar charts per page (three to a row) */
#define SHEET_MAX_BARS 12    /* bars per chart */
#define SHEET_MAX_BOXES 3    /* text boxes per page */
#define SHEET_MAX_DECIMALS 6 /* more decimals are shown as 6 */
#define SHEET_MAX_LEGEND 24  /* classes in the cover map's legend */

/* One key figure: a row of the table. */
typedef struct {
    const char *section;   /* optional group heading ("Bevolking"); a new
                              heading row starts where it changes */
    const char *label;     /* "Inwoners van 65 jaar en ouder" */
    const char *unit;      /* "%", "m³", NULL */
    int decimals;          /* -1: about three significant digits of value
                              (the comparison values use the same) */
    double value;
    uint8_t miss;          /* != 0: value is missing; miss_text is shown */
    const char *miss_text; /* "geheim", "te weinig woningen"; NULL: the
                              language's "onbekend" / "unknown" */
    double cmp[SHEET_MAX_CMP];     /* comparison values (gemeente, gebied,
                                      Nederland ...) */
    uint8_t cmp_miss[SHEET_MAX_CMP];
    const char *cmp_miss_text[SHEET_MAX_CMP]; /* NULL: an en dash */
    size_t n_cmp; /* how many of cmp[] are used; the columns are labelled by
                     sheet_unit.cmp_labels */
    const double *all;      /* values of all units of the area (may include
                               this one) for the dot strip; NULL: no strip */
    const uint8_t *all_miss; /* NULL: all valid */
    size_t n_all;
    int higher_is; /* 0 neutral, 1 higher is better, -1 higher is worse: the
                      dot's colour only (position and value carry the
                      meaning in greyscale) */
    int cmp_is_total; /* != 0: the comparisons are totals (sums over units,
                         a count's gemeente figure), not on the units'
                         scale: the dot strip draws no reference line for
                         them and its axis spans the units only */
    const char *cmp_note[SHEET_MAX_CMP]; /* NULL, or a note under a
                         comparison value ("dekking 86 %": the value covers
                         only part of its base) */
} sheet_figure;

/* A horizontal bar chart, e.g. age groups in % with the gemeente as marks. */
typedef struct {
    const char *title;           /* "Leeftijd" */
    const char *const *labels;   /* n bar labels */
    const double *values;        /* n values */
    const uint8_t *miss;         /* NULL: all valid */
    const char *const *miss_text; /* NULL, or per bar (NULL entry: "onbekend") */
    size_t n;
    const char *unit;             /* "%", NULL */
    int decimals;                 /* -1: auto from the largest value */
    const double *cmp_values;     /* NULL, or n comparison values (marks) */
    const uint8_t *cmp_miss;      /* NULL: all valid */
    const char *cmp_label;        /* "gemeente" (legend of the marks) */
    const int *part_of;  /* NULL, or per bar the index of the bar it is a
                            part of (-1: none), such as corporatie within
                            huur: a part gets no row of its own but is drawn
                            as the darker first segment of its whole, and a
                            key under the chart names both segments with
                            their values */
    const char *rest_label; /* the key's name of the rest of a whole
                               ("overige huur") */
} sheet_chart;

/* A free text box. Lines are separated by '\n'. A line "label: value" is
 * set as label left, value right; a line starting with "- " is a bullet;
 * other lines are paragraphs; an empty line adds space. Text that does not
 * fit is ellipsized. */
typedef struct {
    const char *title; /* "Participatie en bereik", "Warmtetransitie" */
    const char *text;
} sheet_box;

/* One reach indicator of a unit (the reach section, sheet_reach.c): the
 * counts as a caller-made sentence, the rate with its Wilson 95 % interval
 * drawn as a dot with a whisker against the area's rate, and the unit's
 * place in the funnel plot as text. */
typedef struct {
    const char *label;         /* "Bereik huishoudens" */
    const char *counts;        /* "20 van 320 huishoudens bereikt" */
    const char *unit;          /* "%" */
    int decimals;              /* -1: auto */
    double rate, lo, hi;       /* rate and interval (unit of the rate) */
    uint8_t miss;              /* != 0: no rate; miss_text is shown */
    const char *miss_text;
    double area_rate;          /* the whole area's rate (a line) */
    uint8_t area_miss;
    const char *area_label;    /* "gebied 4,7 %" */
    int position;              /* funnel: -2 .. 2; other: unknown */
    const char *position_text; /* "binnen de grenzen" */
} sheet_reach_row;

/* Why a unit is hard to reach: each factor's signed contribution (a
 * weighted z-score) as a bar left or right of zero, and the total. */
typedef struct {
    const char *title;
    const char *const *labels; /* n factor labels */
    const double *values;      /* n contributions */
    const uint8_t *miss;       /* NULL: all valid */
    size_t n;
    const char *total_label;   /* "index" */
    double total;
    uint8_t total_miss;
    const char *miss_text;     /* for missing values */
} sheet_reach_why;

/* One page: a buurt or wijk. */
typedef struct {
    const char *code;        /* "BU03630001" */
    const char *name;        /* "Oude Binnenstad" */
    const char *parent_name; /* "wijk Centrum, gemeente Voorbeeldrecht" */
    const char *level_name;  /* "buurt" */
    const char *summary;     /* a few lines describing the unit, set under
                                the name beside the locator; may be NULL */
    const sheet_figure *figures;
    size_t n_figures;
    const char *cmp_labels[SHEET_MAX_CMP]; /* column headings ("gemeente",
                                              "Nederland"); NULL: "vergelijking N" */
    const sheet_chart *charts;
    size_t n_charts;
    const sheet_box *boxes;
    size_t n_boxes;
    /* Locator map. geom NULL or geom_n 0: none (the header takes the
     * width). Coordinates are taken as projected (RD New); lon/lat (a CRS
     * naming 4326/CRS84/WGS 84) is shown with the usual cos(latitude)
     * correction. The view fits the rows with in_area[r] != 0 (NULL: all
     * rows); other rows are drawn lighter as context. */
    const tbl_col *geom;
    size_t geom_n;
    long highlight_row; /* row of this unit, -1: none */
    const uint8_t *in_area;
    /* Reach section (after the charts; none when n_reach is 0 and why is
     * NULL): a heading, the reach rows left and the hard-to-reach
     * contributions right. */
    const char *reach_title;   /* "Bereik" */
    const sheet_reach_row *reach;
    size_t n_reach;
    const sheet_reach_why *why;
} sheet_unit;

/* The sheet's built-in words in the document's language (headings, page
 * numbers, the table of contents). The run layer supplies them (see
 * engine/run/present.c); the sheet has no words of its own. */
typedef struct {
    const char *title;       /* "DNA van de wijk" (doc->title NULL) */
    const char *key_figures; /* "Kerncijfers" */
    const char *location;    /* "Ligging" */
    const char *sources;     /* "Bronnen" (footer, before sources that do
                                not start with "Bron"/"Source") */
    const char *page;        /* "pagina" */
    const char *page_of;     /* "van" */
    const char *contents;    /* "Inhoud" */
    const char *composition; /* "Samenstelling" */
    const char *cmp_default; /* "vergelijking" (+ N: an unnamed column) */
    const char *unknown;     /* missing value without a text */
    const char *spread_in;   /* "Spreiding in" */
    const char *this_unit;   /* "deze" */
    const char *each;        /* "elke" */
    const char *in;          /* "in" */
    const char *legend;      /* "Legenda" */
    const char *units_word;  /* "pagina's met kerncijfers" (cover count) */
    const char *page_short;  /* "blz." */
    const char *continued;   /* " (vervolg)" */
    const char *unit_word;   /* "eenheid": a unit without a level name */
} sheet_words;

/* The document. */
typedef struct {
    const char *title;      /* "DNA van de wijk" (NULL: that) */
    const char *area_name;  /* "Voorbeeldrecht" */
    const char *sources;    /* footer: "Bron: CBS Kerncijfers wijken en
                               buurten 2024; ..." */
    const char *date;       /* "23 november 2026": shown and used as the
                               PDF creation date */
    const char *provenance; /* "dnawijk 0.1 · recept demo (sha 1a2b3c4d)" */
    const char *language;   /* "nl" (NULL) or "en" */
    int a3;                 /* 0: A4 portrait; 1: A3 portrait (the A4 page
                               enlarged by sqrt 2) */
    const sheet_words *words; /* the built-in words in language; NULL:
                                 none (headings stay empty) */
    const pdf_meta *meta;   /* Author, Subject, Keywords, /Lang; or NULL */
    /* called after each unit's sheet (from any worker thread, one call at
     * a time), or NULL */
    void (*progress)(void *ud, const char *stage, size_t done, size_t total);
    void *progress_ud;
} sheet_doc;

/* The cover page of a combined PDF: title, an overview map of all units
 * filled by class, its legend, and an optional introduction. */
typedef struct {
    const char *title;    /* "Buurten van Voorbeeldrecht" (NULL: doc title) */
    const char *subtitle; /* "Kaart: aandeel 65-plussers" */
    const char *intro;    /* a paragraph, may be NULL */
    const tbl_col *geom;  /* NULL: no map */
    size_t geom_n;
    const uint8_t *in_area; /* NULL: all rows */
    const int *cls;         /* per row: legend index, -1: missing grey */
    const pal_rgb *legend_colors; /* n_legend */
    const char *const *legend_labels;
    size_t n_legend;
    const char *legend_title;  /* "65-plussers (%)" */
    const char *missing_label; /* legend entry for cls -1 ("geen gegevens");
                                  NULL: none */
} sheet_cover;

/* Renders one unit as a one-page PDF at pdf_path. */
int sheet_render_unit(const sheet_doc *doc, const sheet_unit *u,
                      const char *pdf_path);

/* Renders a combined PDF: a cover page (cover may be NULL: title only),
 * table-of-contents pages (unit names, codes and page numbers, linked, and
 * grouped under their parent names), then one page per unit. The PDF
 * carries an outline (bookmarks) with one entry per unit. */
int sheet_render_all(const sheet_doc *doc, const sheet_unit *units, size_t n,
                     const sheet_cover *cover, const char *pdf_path);

/* Total pages sheet_render_all would write (cover + contents + units), or
 * -1 with an error set. */
long sheet_page_count(const sheet_doc *doc, const sheet_unit *units,
                      size_t n, const sheet_cover *cover);

/* Writes one PDF per unit into dir (created when missing), named after
 * the unit's code ("BU03630001.pdf"; characters other than letters, digits,
 * '-' and '_' become '_'), using n_threads threads (0: threads_count() of threads.h). Stops at the
 * first failure; files already written stay. */
int sheet_render_units(const sheet_doc *doc, const sheet_unit *units,
                       size_t n, const char *dir, int n_threads);

/* sheet_render_units and, when all_path is not NULL, sheet_render_all
 * (with cover) at the same time: the combined PDF is one Cairo surface
 * drawn in order by the first worker thread, while the other threads (and
 * that one, when it is done) write the single files. The files are
 * byte-identical to those of the two calls one after the other, with any
 * thread count. Progress counts units (n), one for every two pages (a
 * single file and a page of the combined PDF).
 * Stops at the first failure: single files already written stay, the
 * combined PDF is not written. */
int sheet_render_set(const sheet_doc *doc, const sheet_unit *units, size_t n,
                     const char *dir, const sheet_cover *cover,
                     const char *all_path, int n_threads);

#endif
