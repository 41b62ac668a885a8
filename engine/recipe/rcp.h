/* rcp.h - loading and checking a recipe (recipe.yaml).
 *
 * A recipe says which sources to read, how to join them and which
 * indicators, maps, fact sheets and comparisons to make:
 *
 *   name: voorbeeld
 *   unit: wijk                 # buurt | wijk | gemeente
 *   area: [GM0363, GM0479]     # optional
 *   sources:
 *     w: {path: ../data/wijken_2024.geojson, key: wijkcode, geometry: true}
 *     g: {path: ../data/gemeenten_2024.geojson, key: gemeentecode}
 *   indicators:
 *     aandeel_hh:
 *       expr: 100 * w.huishoudens / g.huishoudens
 *       label: Aandeel van de huishoudens in de gemeente
 *       unit: "%"
 *     dichtheid: w.inwoners / w.oppervlakte     # shorthand for {expr: ...}
 *
 * rcp_load() parses the YAML (libyaml) and checks the structure: YAML
 * syntax, unknown keys at every level (naming the nearest valid key and the
 * allowed ones), value types, required keys, enum values, duplicate keys,
 * names, indicator names that clash with source names, references from
 * maps/fact sheets/comparisons to indicators, and at most one geometry
 * source. Errors name recipe.yaml:LINE:COLUMN (1-based). Column existence,
 * expression syntax and cycles are checked by later stages, which report
 * with the positions kept here (rcp_pos, rcp_str_pos, rcp_error_at).
 *
 * YAML: one document; anchors, aliases and merge keys work (top-level keys
 * starting with "x-" are ignored, so they can hold shared settings:
 * `x-kaart: &kaart {classes: 7}` then `maps: [{<<: *kaart, indicator: a}]`).
 * Sections maps, factsheets and comparisons take a list of entries, a
 * mapping of named entries, or one entry written as its own keys (seen by
 * a key such as indicator: or figures:). For maps and comparisons an entry
 * that is just a name means {indicator: name} (`maps: [a, b]`,
 * `maps: {kaart_a: a}`), and a named entry without indicator: uses its
 * name (`maps: {a: {classes: 4}}`).
 *
 * The structs below are public and READ-ONLY: the recipe owns every string
 * and array in them, and rcp_free() frees it all. rcp_set_override() and
 * rcp_set_area() rebuild the contents in place: pointers into the recipe
 * (strings, entries) taken before an override are invalid after it, so
 * apply overrides first. A recipe is not thread-safe while being changed.
 *
 * Defaults: a value that the recipe does not give holds its default and a
 * position with file == NULL (see rcp_given).
 */
#ifndef DNW_RCP_H
#define DNW_RCP_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "err.h"
#include "key.h"
#include "srcopt.h"

/* Where a value was written: the recipe file (line and column 1-based,
 * counted in characters as editors do) or a command-line override (file is
 * "--set name=value", line = col = 0). file == NULL: a default. */
typedef struct {
    const char *file;
    long line, col;
} rcp_pos;

struct ry_node; /* private: the YAML node a value came from */

/* A text value. s is NULL when absent. pos is where the text itself starts
 * (inside the quotes; the first content line of a | block). For mapping a
 * byte offset inside s (e.g. of an expression token) to the file, use
 * rcp_str_pos(); `exact` says that s sits on one line without escapes, so
 * byte k of an ASCII text is at column pos.col + k. */
typedef struct {
    char *s;
    rcp_pos pos;
    int exact;
    const struct ry_node *node_; /* private */
} rcp_str;

typedef struct { long v; rcp_pos pos; } rcp_int;
typedef struct { double v; rcp_pos pos; } rcp_num;
typedef struct { int v; rcp_pos pos; } rcp_bool;
typedef struct { int v; rcp_pos pos; } rcp_enum; /* v: one of the enums below */

/* A list of texts: s[k] with its position at[k]; pos is the list itself. */
typedef struct {
    char **s;
    rcp_pos *at;
    size_t n;
    rcp_pos pos;
} rcp_strlist;

typedef struct {
    double *v;
    rcp_pos *at;
    size_t n;
    rcp_pos pos;
} rcp_numlist;

typedef enum { RCP_LEVEL_AUTO = 0, RCP_BUURT, RCP_WIJK, RCP_GEMEENTE } rcp_level;
typedef enum { RCP_NL = 0, RCP_EN } rcp_lang;
typedef enum { RCP_DIALECT_EXCEL_NL = 0, RCP_DIALECT_INTERNATIONAL } rcp_dialect;
typedef enum { RCP_JOIN_KEY = 0, RCP_JOIN_SPATIAL, RCP_JOIN_OVERLAY } rcp_join;
typedef enum { RCP_ENC_AUTO = 0, RCP_ENC_UTF8, RCP_ENC_LATIN1 } rcp_encoding;
typedef enum {
    RCP_KIND_RATE = 0, RCP_KIND_COUNT, RCP_KIND_SHARE, RCP_KIND_INDEX,
    RCP_KIND_REACH  /* only while loading: expanded into parts (rcp_reach.c) */
} rcp_kind;
/* What an indicator is when a reach or index indicator expanded into it
 * (rcp_indicator.part). */
typedef enum {
    RCP_PART_NONE = 0,
    RCP_PART_REACH_RATE,    /* <name>: 100 * reached / target */
    RCP_PART_REACHED,       /* <name>_bereikt */
    RCP_PART_TARGET,        /* <name>_doelgroep */
    RCP_PART_GAP,           /* <name>_gat: target - reached */
    RCP_PART_GAP_RANK,      /* <name>_gat_rang: 1 = largest gap */
    RCP_PART_CI_LOWER,      /* <name>_ci_onder: Wilson 95 % lower end */
    RCP_PART_CI_UPPER,      /* <name>_ci_boven */
    RCP_PART_FUNNEL,        /* <name>_funnel: -2 .. 2 (reach.h) */
    RCP_PART_BELOW_LIMIT,   /* <name>_onder_grens: below the 99.8 % limit */
    RCP_PART_INDEX_TOTAL,   /* an index with factors: the weighted sum */
    RCP_PART_INDEX_FACTOR   /* <name>_<factor>: weight * zscore(factor) */
} rcp_part;
typedef enum {
    RCP_ROLLUP_AUTO = 0, /* not given: a later stage decides from the kind */
    RCP_ROLLUP_SUM, RCP_ROLLUP_MEAN, RCP_ROLLUP_WEIGHTED_MEAN,
    RCP_ROLLUP_RATIO, RCP_ROLLUP_NONE,
    /* reach parts: the Wilson interval of summed numerator / denominator */
    RCP_ROLLUP_WILSON_LOWER, RCP_ROLLUP_WILSON_UPPER
} rcp_rollup_method;
typedef enum { RCP_NEUTRAL = 0, RCP_HIGHER_BETTER, RCP_HIGHER_WORSE } rcp_higher_is;
typedef enum {
    RCP_CLS_QUANTILE = 0, RCP_CLS_EQUAL, RCP_CLS_JENKS, RCP_CLS_HEADTAIL,
    RCP_CLS_STDDEV, RCP_CLS_PRETTY, RCP_CLS_MANUAL
} rcp_cls_method;
typedef enum { RCP_PAGE_A4 = 0, RCP_PAGE_A3, RCP_PAGE_PIXELS } rcp_page_size;
typedef enum { RCP_PORTRAIT = 0, RCP_LANDSCAPE } rcp_orientation;
typedef enum { RCP_LABELS_NONE = 0, RCP_LABELS_NAMES, RCP_LABELS_VALUES } rcp_labels;
typedef enum { RCP_CENTER_NONE = 0, RCP_CENTER_VALUE, RCP_CENTER_MEAN, RCP_CENTER_AREA } rcp_center_kind;
typedef enum { RCP_CHART_AGE = 0, RCP_CHART_TENURE, RCP_CHART_HOUSEHOLDS, RCP_CHART_CUSTOM } rcp_chart_type;
typedef enum { RCP_BAR = 0, RCP_DOT } rcp_chart_style;
typedef enum { RCP_SORT_DESC = 0, RCP_SORT_ASC, RCP_SORT_NAME, RCP_SORT_NONE } rcp_sort;

/* Bits of rcp_map.formats and rcp_factsheet.compare. */
enum { RCP_FMT_PNG = 1, RCP_FMT_PDF = 2, RCP_FMT_SVG = 4 };
enum { RCP_CMP_GEMEENTE = 1, RCP_CMP_AREA = 2, RCP_CMP_NATIONAL = 4 };

typedef struct {
    rcp_str from, to;
} rcp_rename;

typedef enum { RCP_ALLOC_MAJORITY = 0, RCP_ALLOC_WEIGHTED } rcp_allocate;

/* Where the records of a records source lie (location:): a postcode with a
 * lookup table to units, or coordinates x/y in crs. */
typedef struct {
    rcp_pos pos;           /* the location: value; file NULL when absent */
    rcp_str postcode;      /* column of the records */
    rcp_str lookup;        /* the postcode table, as written */
    char *lookup_resolved; /* usable from the cwd (like rcp_source.resolved) */
    rcp_str lookup_postcode, lookup_code, lookup_weight; /* its columns */
    rcp_enum allocate;     /* rcp_allocate; default majority */
    rcp_str x, y;          /* coordinate columns of the records */
    rcp_str crs;           /* their CRS; default "EPSG:4326" */
} rcp_location;

/* weight: of an overlay source: split counts by the share of points
 * (address points) in each intersection instead of its area. */
typedef struct {
    rcp_str points;        /* the file of points, relative to the recipe */
    char *resolved;        /* its path as opened */
    rcp_str x, y;          /* coordinate columns; default x and y */
    rcp_str crs;           /* their CRS; default the units' CRS */
    rcp_pos pos;
} rcp_ptweight;

/* One condition of a filter written as a mapping ({column: value} or
 * {column: [from, to]} for dates). */
typedef struct {
    rcp_str column;
    int is_range;          /* 1: a date range [from, to] */
    rcp_strlist values;    /* is_range 0: any of these texts */
    int has_from, has_to;  /* is_range 1: the ends given (null = open) */
    int32_t from, to;      /* day numbers (datep.h) */
    rcp_pos pos;           /* the value */
} rcp_rowcond;

/* One input file. */
typedef struct {
    rcp_str name;        /* the key under sources: (prefix in expressions) */
    rcp_str path;        /* as written in the recipe */
    char *resolved;      /* path usable from the cwd: relative paths are taken
                            relative to the recipe's folder (to the cwd for
                            command-line values); absolute ones are kept */
    rcp_enum join;       /* rcp_join; default RCP_JOIN_KEY */
    rcp_str key;         /* column holding the region code (s NULL only with
                            join: spatial) */
    rcp_enum level;      /* rcp_level; RCP_LEVEL_AUTO = infer from the codes */
    rcp_strlist key_names; /* key: {names: [gemeentenaam, buurtnaam]}: a
                            name join on these columns (key.s stays NULL) */
    rcp_str key_via;     /* key: {column: c, via: src.col}: column c matches
                            the value of src.col joined to each unit (an old
                            code through a lookup list); key_names = [c] */
    rcp_bool geometry;   /* this source gives the map geometry; default 0 */
    rcp_bool context;    /* context: true: its polygons are drawn grey
                            beneath the maps (e.g. gemeente outlines) */
    rcp_str geometry_wkt; /* geometry: {wkt: column}: geometry written as
                            WKT/EWKT text in that column (a sheet) */
    rcp_str layer, catalog, name_column, label;
    rcp_int year;        /* 0 when not given */
    /* CSV reading; defaults mean "detect" (see srcopt.h) */
    rcp_int delimiter;   /* the character, 0 = sniff ("tab" gives '\t') */
    rcp_int decimal;     /* ',' or '.', 0 = auto */
    rcp_enum encoding;   /* rcp_encoding */
    rcp_int skip_rows;   /* -1 = auto */
    rcp_int header_rows; /* 0 = auto */
    rcp_strlist columns, text_columns;
    rcp_strlist counts;  /* join: overlay: columns that are counts (split by
                            area share); the others are area-weighted means */
    rcp_str filter;      /* expression restricting rows; s NULL = none */
    rcp_rename *rename;  /* old column name -> new */
    size_t n_rename;
    rcp_rowcond *conds;  /* filter written as a mapping (then filter.s is
                            NULL); n_conds 0 = none */
    size_t n_conds;
    /* contact records (records: true): one row per contact, located per
     * unit by key:, by location: postcode or by location: x/y */
    rcp_bool records;
    rcp_location location;
    rcp_str household;   /* column of household ids, or NULL */
    rcp_str type, date;  /* columns of the contact type and date, or NULL */
    rcp_num unlocated_max; /* 0..1, default 0.25 */
    rcp_ptweight weight; /* join: overlay by points (weight.points.s set) */
} rcp_source;

typedef struct {
    rcp_enum method;     /* rcp_rollup_method */
    rcp_str weight;      /* weighted_mean: the weight expression */
    rcp_str numerator;   /* ratio: numerator and denominator expressions */
    rcp_str denominator;
    rcp_num scale;       /* ratio: multiplier, default 1 */
} rcp_rollup;

/* Small-number rule: a unit whose base (expr) is below min gets no value. */
typedef struct {
    rcp_str expr;        /* s NULL: no rule */
    rcp_num min;
    rcp_str label;       /* e.g. "te weinig huishoudens" */
} rcp_min_base;

/* One factor of a hard-to-reach index: contribution = weight * zscore(expr)
 * within the area. */
typedef struct {
    rcp_str name;        /* identifier; the column is <index>_<name> */
    rcp_str expr;
    rcp_num weight;      /* default 1 */
    rcp_str label;
} rcp_factor;

typedef struct {
    rcp_str name;
    rcp_str expr;
    int shorthand;       /* written as `name: expr` */
    rcp_str label, unit, description;
    rcp_enum kind;       /* rcp_kind; default RCP_KIND_RATE */
    rcp_rollup rollup;
    rcp_int decimals;    /* -1 = automatic */
    rcp_min_base min_base;
    rcp_enum higher_is;  /* rcp_higher_is; default RCP_NEUTRAL */
    /* kind: reach (expanded while loading into the parts listed at
     * rcp_part; see rcp_reach.c): reached and target expressions. */
    rcp_str reached, target;
    /* kind: index with factors: (expanded likewise) */
    rcp_factor *factors;
    size_t n_factors;
    /* set on the indicators an expansion made: */
    int part;            /* rcp_part; RCP_PART_NONE for ordinary ones */
    const char *part_of; /* the name written in the recipe, or NULL */
    const char *factor;  /* RCP_PART_INDEX_FACTOR: the factor's label (its
                            name when it has none) */
} rcp_indicator;

typedef struct {
    rcp_enum size;       /* rcp_page_size */
    long width, height;  /* pixels, for RCP_PAGE_PIXELS */
} rcp_page;

typedef struct {
    rcp_enum kind;       /* rcp_center_kind */
    double value;        /* for RCP_CENTER_VALUE */
} rcp_center;

/* One category of a categorical map: the value, its legend text and its
 * colour ("#RRGGBB"; NULL = the next of a colour-blind-safe set). */
typedef struct {
    double value;
    rcp_str label, color;
    rcp_pos pos;
} rcp_category;

typedef enum {
    RCP_MAP_CHOROPLETH = 0, RCP_MAP_BIVARIATE, RCP_MAP_CATEGORICAL
} rcp_map_type;

/* per: of a map: one map of all units, or one map per gemeente (or wijk)
 * with the same classes, written to maps/<name>/<code>.<ext>. */
typedef enum { RCP_PER_NONE = 0, RCP_PER_GEMEENTE, RCP_PER_WIJK } rcp_map_per;

typedef struct {
    rcp_str name;        /* file name stem; default: the indicator name */
    rcp_enum type;       /* rcp_map_type; default choropleth */
    rcp_category *cats;  /* categorical: in legend order */
    size_t n_cats;
    rcp_str indicator;
    rcp_enum method;     /* rcp_cls_method; default quantile (manual when
                            only breaks are given) */
    rcp_int classes;     /* default 5 */
    rcp_numlist breaks;  /* ascending; for manual breaks */
    rcp_str shared_breaks; /* group name: maps of one group share breaks */
    rcp_str palette;     /* NULL = chosen by the renderer */
    rcp_bool reverse;
    rcp_center center;
    rcp_page page;       /* default A4 */
    rcp_enum orientation;/* rcp_orientation; default portrait */
    rcp_int dpi;         /* default 300 */
    rcp_int formats;     /* RCP_FMT_* bits; default PNG | PDF */
    rcp_enum labels;     /* rcp_labels; default none */
    rcp_str highlight;   /* a region code, or NULL */
    rcp_bool context;    /* draw the surroundings; default 1 */
    rcp_bool inset;      /* default 0 */
    rcp_str title, subtitle;
    rcp_str x, y;        /* bivariate: the indicators on the two axes (3
                            classes each; indicator: defaults to y) */
    rcp_enum per;        /* rcp_map_per; default none */
} rcp_map;

typedef struct {
    rcp_str indicator;
    rcp_str label;       /* NULL = the indicator's label */
} rcp_figure;

typedef struct {
    rcp_enum type;       /* rcp_chart_type */
    rcp_strlist columns; /* required for custom; overrides for the others */
    rcp_str title;
    rcp_pos pos;
} rcp_chart;

/* A text box on the sheet (e.g. the two tracks of a wijk process:
 * "Participatie en bereik", "Warmtetransitie"): one line per indicator,
 * "label: value". */
typedef struct {
    rcp_str title;
    rcp_strlist indicators;
    rcp_pos pos;
} rcp_box;

typedef struct {
    rcp_str name;        /* default "factsheet" */
    rcp_enum unit;       /* rcp_level: buurt or wijk; default: the recipe's
                            unit when that is buurt or wijk, else wijk */
    rcp_figure *figures;
    size_t n_figures;
    rcp_chart *charts;
    size_t n_charts;
    rcp_box *boxes;      /* at most 3 */
    size_t n_boxes;
    rcp_int compare;     /* RCP_CMP_* bits; default gemeente | national */
    rcp_enum page;       /* rcp_page_size (A4 or A3); default A4 */
    rcp_bool combined;   /* one PDF with all sheets; default 1 */
    rcp_bool locator;    /* small locator map; default 1 */
    rcp_strlist reach;   /* reach indicators for the reach section */
    rcp_str hard_to_reach; /* an index with factors: its contributions */
} rcp_factsheet;

typedef struct {
    rcp_str name;        /* default: the indicator name */
    rcp_str indicator;
    rcp_enum by;         /* rcp_level: gemeente or wijk; default gemeente */
    rcp_enum chart;      /* rcp_chart_style; default bar */
    rcp_enum sort;       /* rcp_sort; default desc */
} rcp_comparison;

typedef struct rcp_priv rcp_priv;

typedef struct rcp {
    char *path;          /* the recipe file as given to rcp_load */
    char *dir;           /* its folder ("." when none) */
    rcp_str name;        /* [A-Za-z0-9_-]+, the output folder name */
    rcp_str title, description;
    rcp_enum language;   /* rcp_lang; default nl */
    rcp_enum unit;       /* rcp_level, never AUTO */
    rcp_int year;        /* 0 when not given */
    rcp_strlist area;    /* GM/WK codes (upper case); n == 0: no selection */
    rcp_str area_province; /* area: {province: NAME|PVnn}: every gemeente of
                              that province (resolved by the run through
                              datasets/regions); s NULL: none */
    rcp_str crs;         /* default "EPSG:28992" */
    rcp_num unmatched_max; /* 0..1, default 0.05 */
    rcp_num coverage_min;  /* 0..1, default 0.8: a rollup whose valid
                              members cover less of the base is suppressed */
    rcp_source *sources;
    size_t n_sources;
    rcp_indicator *indicators;
    size_t n_indicators;
    rcp_bool out_tables; /* outputs.tables, default 1 (or a mapping) */
    rcp_enum out_dialect;/* outputs.tables.dialect: rcp_dialect, default
                            excel_nl */
    rcp_bool out_xlsx;   /* outputs.tables.xlsx, default 1 */
    rcp_str author;      /* author: for PDF metadata; NULL = none */
    rcp_bool out_gpkg;   /* outputs.gpkg, default 1 */
    rcp_bool out_report; /* outputs.report (report.html), default 1 */
    rcp_map *maps;
    size_t n_maps;
    rcp_factsheet *factsheets;
    size_t n_factsheets;
    rcp_comparison *comparisons;
    size_t n_comparisons;
    rcp_strlist peers;   /* peers.indicators: indicators that define
                            "similar gemeenten" in `compare`; n == 0: none */
    rcp_int peers_n;     /* peers.n: how many peers per gemeente, default 5 */
    rcp_priv *priv;      /* private */
} rcp;

/* Loads and checks the recipe at path. Returns a recipe the caller frees
 * with rcp_free, or NULL with the error set: ERR_IO (unreadable file),
 * ERR_PARSE (YAML syntax, duplicate keys, undefined aliases, more than one
 * document), ERR_RECIPE (the recipe's structure and values), ERR_MEMORY. */
rcp *rcp_load(const char *path);

/* Frees the recipe and everything in it. NULL is fine. */
void rcp_free(rcp *r);

/* Applies a command-line `--set name=value`. name is a top-level key (unit,
 * area, name, language, unmatched_max, ...) or a dotted path into the
 * recipe: `maps.0.classes=7` (list index or the entry's name),
 * `indicators.x.expr=a / b`, `sources.w.path=other.csv`. The value is read
 * as one YAML value when it starts with [ or { (`maps.0.breaks=[1, 2, 3]`),
 * else as plain text; `area` also takes a comma list (GM0363,GM0479), and an
 * empty value removes a key. The whole recipe is checked again; on any
 * error the recipe stays as it was. Returns 0, or -1 with the error set
 * (ERR_USAGE for a malformed argument or path, ERR_RECIPE when the result is
 * not a valid recipe; the message names the --set argument). */
int rcp_set_override(rcp *r, const char *name_eq_value);

/* Replaces the area by a comma-separated list of GM/WK codes ("" removes the
 * selection). Same contract as rcp_set_override. */
int rcp_set_area(rcp *r, const char *comma_codes);

/* 1 when the value was written in the recipe or on the command line. */
int rcp_given(rcp_pos pos);

/* The file position of byte offset `offset` inside a text value (exact for
 * one-line values without escapes and for | blocks; otherwise the start of
 * the text). */
rcp_pos rcp_str_pos(const rcp_str *s, size_t offset);

/* Sets the error at pos (recipe.yaml:LINE:COL, or the --set argument, or no
 * position for defaults) with the given category; returns -1. For later
 * stages that find problems in recipe values. */
int rcp_error_at(rcp_pos pos, err_category cat, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The source / indicator with this name, or NULL. */
const rcp_source *rcp_find_source(const rcp *r, const char *name);
const rcp_indicator *rcp_find_indicator(const rcp *r, const char *name);

/* Writes docs/recipe.md (the reference of every recipe key, from the
 * schema tables) to o. 0, or -1 when writing failed. */
int rcp_doc_write(FILE *o);

/* Lower-case name of a level ("buurt", "wijk", "gemeente", "auto"). */
const char *rcp_level_name(int level);

/* The region-code level of a recipe level (RCP_BUURT -> KEY_BUURT, ...);
 * KEY_INVALID for RCP_LEVEL_AUTO. The one place this mapping lives. */
key_level rcp_level_key(int level);

/* Copies what the source sets for reading into opt, which the caller has
 * initialised (src_options_init); the recipe's crs becomes target_crs.
 * Strings stay owned by the recipe. */
void rcp_source_options(const rcp *r, const rcp_source *s, src_options *opt);

#endif
