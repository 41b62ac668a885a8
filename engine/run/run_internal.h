/* run_internal.h - the state of one recipe run, shared by the run_*.c files.
 * Private to the run module. */
#ifndef DNW_RUN_INTERNAL_H
#define DNW_RUN_INTERNAL_H

#include "catalog.h"
#include "cls.h"
#include "expr.h"
#include "join.h"
#include "jsonw.h"
#include "keyidx.h"
#include "namejoin.h"
#include "out.h"
#include "pdfmeta.h"
#include "map.h"
#include "rcp.h"
#include "roll.h"
#include "run.h"
#include "tbl.h"

/* Why a contact record could not be placed in a unit (run_records.c). */
typedef enum {
    REC_EMPTY_CODE = 0, REC_INVALID_CODE, REC_CODE_TOO_COARSE,
    REC_UNKNOWN_CODE, REC_CODE_OUTSIDE_AREA,
    REC_EMPTY_POSTCODE, REC_INVALID_POSTCODE, REC_UNKNOWN_POSTCODE,
    REC_POSTCODE_OUTSIDE_AREA,
    REC_NO_COORDINATES, REC_NOT_TRANSFORMABLE, REC_OUTSIDE_UNITS,
    REC_REASON_COUNT
} rec_reason;

#define REC_EXAMPLES 5

/* What locating a records source found (counts only: never a record). */
typedef struct {
    char *file;              /* the records file (owned) */
    long *line;              /* CSV line per record, or NULL (owned) */
    long header_line;        /* CSV header line, 0 for GDAL files */
    const char *method;      /* "key", "postcode" or "point" */
    size_t read, kept, located, unlocated;
    size_t reason[REC_REASON_COUNT];
    long examples[REC_REASON_COUNT][REC_EXAMPLES]; /* lines or features */
    size_t n_examples[REC_REASON_COUNT];
    int examples_are_features;
    double records_sum, households_sum; /* over the units */
    size_t lookup_rows;      /* postcode tables: rows read */
} run_records;

/* One loaded source. */
typedef struct {
    const rcp_source *rs;
    tbl *t;                 /* the table as read (owned) */
    catalog *cat;           /* catalog entry or NULL (owned) */
    keyidx *ix;             /* key index, NULL for the area-free case (owned) */
    keyidx_stats kst;
    key_level level;        /* level joined at */
    join_result j;          /* join to the units (owned) */
    int joined;
    char sha256[65];
    size_t rows_kept;       /* after the filter */
    uint8_t *keep;          /* filter result per row, NULL = all (owned) */
    /* per table column: values gathered per unit (lazily; owned) */
    double **gd;
    uint8_t **gm;
    int32_t **gc;            /* text columns: dictionary codes per unit */
    double **rd;             /* int64 columns as doubles, per source row */
    size_t n_gcols;          /* entries of gd, gm, gc and rd */
    /* names an expression may use: columns and catalog names (owned array
     * of borrowed strings) */
    const char **cand;
    size_t n_cand;
    int borrowed;            /* t, cat, ix, keep, cand belong to another run
                                (compare: sources read once, shared
                                read-only); only gd/gm/gc/rd and j are own */
    namejoin_result nj;      /* key: {names: ...}: the name join (owned) */
    int name_joined;
    /* join: overlay: the table was replaced by one row per unit */
    int overlaid;
    size_t ov_pairs, ov_partial, ov_none, ov_repaired;
    double ov_mean_cover, ov_src_cover;
    /* join: overlay with weight: {points: ...} */
    int ov_weighted;
    size_t ov_points, ov_points_outside, ov_points_unusable;
    size_t ov_area_fallback; /* source rows in a unit without a point */
    size_t *ov_fallback_rows; /* their row numbers (1-based; owned) */
    run_records *rec;        /* records sources: what locating found; after
                                run_build_units t holds per unit only code,
                                records and households (owned) */
} run_source;

/* One indicator, evaluated per unit. */
typedef struct {
    const rcp_indicator *ri;
    expr *e;
    expr *weight, *num, *den, *base; /* rollup parts and min_base (or NULL) */
    roll_rule rule;
    double *v;               /* per unit, small-number rule applied (owned) */
    uint8_t *m;
    double *rv;              /* per unit before the rule, for rollups (owned) */
    uint8_t *rm;
    double *wv, *nv, *dv, *bv; /* rollup part values per unit (owned) */
    uint8_t *wm, *nm, *dm, *bm;
    int state;               /* 0 new, 1 in progress, 2 done (ordering) */
    int is_bool;
} run_indicator;

/* One output level: the units themselves or a rollup. */
typedef struct {
    key_level level;         /* KEY_INVALID = the whole area */
    const char *file_stem;   /* "indicators" or "indicators_wijk" ... */
    roll_groups g;           /* rollup groups (unused for the unit level) */
    tbl *result;             /* code, name, indicators (+ geometry) */
    size_t *n_partial;       /* per indicator: groups with coverage < 1 */
    size_t *n_low;           /* per indicator: groups suppressed for
                                coverage below coverage_min */
} run_level;

/* A rendered map, for the manifest. */
typedef struct {
    const rcp_map *map;
    cls_result cls;
    unsigned char rgb[CLS_K_MAX][3];   /* class colours as printed */
    char class_text[CLS_K_MAX][96];    /* legend texts of the classes */
    unsigned char nodata[3];           /* the no-data grey */
    int nodata_hatch;                  /* no-data hatched (pal_vision.h) */
    char files[3][256];
    int n_files;
    size_t cells[9];         /* bivariate: areas per cell 3 * y + x */
    int *unit_cell;          /* bivariate: per unit its cell 3 * y + x, or
                                -1 when x or y is missing (owned) */
    char (*legend)[96];  /* printed class bounds, cls.k entries (owned) */
    int legend_decimals; /* their decimals, also the value labels' */
    /* what a categorical or bivariate map printed, for its layer style and
     * report.html (NULL / 0 for a choropleth map, whose classes are cls,
     * rgb and class_text): */
    int *entry;          /* per unit: its legend entry, -1 none (owned) */
    size_t n_ent;        /* entries: the categories in the recipe's order
                            or the 9 cells (3 * y + x), then one per
                            missing reason */
    size_t n_ent_cls;    /* how many of them are categories or cells */
    unsigned char (*ent_rgb)[3]; /* their colours (owned) */
    char (*ent_text)[200];       /* their legend texts (owned) */
    unsigned char *ent_why;      /* per entry: the missing reason (0 for a
                                    class), from the y indicator with 100
                                    added when it is x's (owned) */
    int xk;              /* bivariate: classes of x (those of y: cls.k) */
    double xbreaks[4];   /* bivariate: x's class breaks */
    char axis_range[2][3][96]; /* bivariate: the printed class ranges of
                                  x and y per grid position 0..2 */
    int pos_class[2][3]; /* bivariate: the class of x and y drawn at grid
                            position 0..2, -1 none (fewer than 3 classes) */
    char title[256];     /* the title printed on the map */
    /* per: gemeente/wijk: one page per group, the same classes on each */
    char (*per_files)[256];  /* maps/<name>/<code>.<ext> (owned) */
    size_t n_per_files;
    char (*per_codes)[KEY_MAX]; /* the groups drawn (owned) */
    char (*per_names)[128];  /* their names (owned) */
    size_t *per_counts;      /* per group: units per legend entry of the
                                full map, n_per * n_per_entries (owned) */
    size_t n_per, n_per_entries;
} run_map_result;

typedef struct {
    const rcp *r;
    const run_options *opt;
    key_level unit_level;
    run_source *src;
    size_t n_src;
    const char **src_names;  /* for suggestions (owned array) */
    const char **ind_names;  /* for suggestions (owned array) */
    long unit_src;           /* source giving the units */
    long geom_src;           /* source giving the geometry, or -1 */
    size_t n_units;
    char (*units)[KEY_MAX];
    int64_t *unit_row;       /* row of each unit in the unit source */
    char **unit_names;       /* owned strings (may be NULL entries) */
    const char **area;       /* borrowed from the recipe */
    size_t n_area;
    run_indicator *ind;
    size_t n_ind;
    run_level *levels;
    size_t n_levels;
    tbl *geom;               /* unit geometry (tbl_take of the geometry
                                source; owned) or NULL */
    struct {
        const char *stage;
        double seconds;
    } timing[24];
    size_t n_timing;
    double t0;
    int parts_raw;           /* resolve indicators to their values before
                                the small-number rule (rollup parts) */
    char (*cmp_files)[2][256]; /* per comparison: its chart files */
    run_map_result *maps;
    size_t n_maps;
    char recipe_sha[65];
    char created[16];
    int synthetic_codes;     /* the units have stand-in codes from names */
    struct run_funnel {       /* per reach indicator (run_reach.c) */
        const char *indicator;
        double centre;        /* the area's rate, % */
        size_t n_shown, n_below;
        char files[2][256];
    } *funnels;
    size_t n_funnels;
    /* set by compare (zero in a plain run): */
    const cls_result *shared_cls; /* per recipe map: the selection's
                                     classification to reapply, or NULL */
    int lenient;             /* 1: no join threshold (the selection pass) */
    int no_outputs;          /* 1: compute up to the levels, write nothing */
    char **province_area;    /* area: {province: X} resolved (owned; one
                                block: pointers then codes) */
} run_ctx;

/* Wall-clock seconds (monotonic). */
double run_now(void);
/* Records the time since *t under stage and resets *t. */
void run_time(run_ctx *c, const char *stage, double *t);

/* run_sources.c */
/* The column holding names at level l in source s (the recipe's
 * name_column for the source's own level), or NULL. */
const tbl_col *run_name_column(const run_source *s, key_level l);
int run_load_sources(run_ctx *c);
/* Filters and key-indexes every loaded source (part of reading: shared by
 * the runs of a compare). */
int run_index_sources(run_ctx *c);
/* Fills c->src with read-only views of the loaded and indexed sources of
 * `from` (which must outlive c): tables, catalogs, key indexes and filters
 * are shared; each run has its own gathered columns and joins. */
int run_borrow_sources(run_ctx *c, const run_ctx *from);
int run_build_units(run_ctx *c);
/* Applies a source's filter (expression or mapping) into s->keep. */
int run_apply_filter(run_ctx *c, run_source *s);
int run_join_sources(run_ctx *c);
void run_sources_free(run_ctx *c);

/* Fills s->cand with the names expressions may use for s (its columns and
 * catalog names). */
int run_source_candidates(run_source *s);

/* Grows s's per-column arrays (gd, gm, gc, rd) to the table's current
 * column count after a column was added; new entries are empty. 0 or -1
 * (OOM, arrays unchanged). */
int run_source_fit_cols(run_source *s);

/* Frees s's per-column arrays (gd, gm, gc, rd and their entries; any may
 * be missing after a failed allocation) and leaves them NULL, n_gcols 0. */
void run_source_free_cols(run_source *s);

/* Replaces s's table by t (s owns it from now, also on failure): frees the
 * old table with its per-row state (per-column arrays, cand, keep) and
 * gives s empty per-column arrays for t's columns. 0 or -1 (OOM set). */
int run_source_set_table(run_source *s, tbl *t);

/* run_overlay.c: overlays source s's polygons on the units' and replaces
 * its table by one row per unit (counts split by area, the rest
 * area-weighted), with the covered fraction in column "dekking". */
int run_overlay_source(run_ctx *c, run_source *s);

/* run_names.c: sources keyed by names. Gives the name-keyed unit source s
 * stand-in codes (column "_code", key index at the unit level). */
int run_names_synth_codes(run_ctx *c, run_source *s);
/* Joins name-keyed source s to the built units by their names, reports
 * every unmatched name, fails beyond unmatched_max, then indexes s by the
 * matched units' codes. */
int run_names_join(run_ctx *c, run_source *s);
/* The names of row `row` of name-keyed source s as written ("Harlingen /
 * Industriehaven en omgeving") into out (size bytes). */
void run_names_row_text(const run_source *s, size_t row, char *out,
                        size_t size);
/* The name of unit u ("Smallingerland / De Wiken-Oost" with_gemeente). */
void run_names_unit_text(const run_ctx *c, size_t u, int with_gemeente,
                         char *out, size_t size);
/* run_records.c: contact records (records: true) */
/* Reads a records source's file into s->t (rows as read) and s->rec. */
int run_records_read(run_ctx *c, run_source *s);
/* Applies the filter, locates every kept record in a unit and replaces s->t
 * by the per-unit table (code, records, households) with its key index, so
 * the source joins like any other. Fails when more than unlocated_max of
 * the records land nowhere, saying why. */
int run_records_locate(run_ctx *c, run_source *s);
/* The filter written as a mapping: clears s->keep of failing rows. */
int run_apply_conditions(run_ctx *c, run_source *s);
/* Writes the records fields of s into the manifest entry being written. */
void run_records_manifest(jsonw *w, const run_source *s);
void run_records_free(run_records *r);

/* run_resolve.c: the expression resolver over units */
void run_resolver(run_ctx *c, expr_resolver *r);
/* Resolver over one source's own rows (for `filter:`). */
void run_source_resolver(run_ctx *c, run_source *s, expr_resolver *r);

/* run_indicators.c */
int run_compile_indicators(run_ctx *c);
int run_eval_indicators(run_ctx *c);
void run_indicators_free(run_ctx *c);
/* Moves the current error to a recipe position (prefixing `what` when not
 * NULL). Returns -1. */
int run_error_here(rcp_pos pos, const char *what);
/* Compiles one recipe expression text (with its position) against r. */
expr *run_compile(const rcp_str *text, const expr_resolver *r);

/* run_levels.c */
int run_build_levels(run_ctx *c);
void run_levels_free(run_ctx *c);

/* run_output.c */
/* The view model of the result tables for the writers (out.h): one
 * out_table per level. Everything in it is owned by the model or borrowed
 * from the run; free with run_out_model_free. */
typedef struct {
    out_table *tables;       /* n, in the order of c->levels */
    size_t n, n_ind;
    out_column **cols;       /* per table */
    tbl **extra;             /* per table: parent codes and names */
    const char ***reasons;   /* per indicator: MISS_REASON_COUNT words */
    char **formula_src;      /* per indicator: its sources */
    char *reason_buf;        /* per indicator: "<name>_reden" (80 bytes) */
    char fixed_text[4][6][64]; /* labels of code, name and parents */
} run_out_model;
/* Builds the model; 0 or -1 (error set; nothing to free). */
int run_out_model_build(run_ctx *c, run_out_model *m);
void run_out_model_free(run_out_model *m);
/* Writes the CSV tables, the column description and indicators.xlsx. */
int run_write_outputs(run_ctx *c, const char *stage_dir);
/* Writes indicators.gpkg (after the maps: their styles go in). */
int run_write_gpkg(run_ctx *c, const char *stage_dir);

/* Takes the exclusive lock of output folder outdir/name (the file
 * outdir/.name.lock, waiting while another run holds it and saying so on
 * log, which may be NULL), then removes the staging and set-aside folders
 * that dead runs of the same recipe left there (see run_outdir.c). Returns
 * the lock's descriptor for run_outdir_unlock, or -1 with ERR_IO set (or
 * the stop error when the wait was interrupted). */
int run_outdir_lock(const char *outdir, const char *name, FILE *log);

/* Releases a lock from run_outdir_lock (-1 is fine). */
void run_outdir_unlock(int fd);

/* Refuses, at the position of the indicator that crosses it, a recipe whose
 * result tables would exceed the GeoPackage column limit (the run would
 * fail in SQLite). Returns 0, or -1 with an ERR_RECIPE error. */
int run_check_outputs(const run_ctx *c);

/* Columns indicator ind takes in a result table (rollup: 1 when the table
 * is a rollup table; see run_levels.c). Never fails. */
size_t run_result_columns(const run_indicator *ind, int rollup);

/* run_maps.c */
int run_render_maps(run_ctx *c, const char *stage_dir);
/* Prints a warning to the log for every map whose classes or no-data
 * style are hard to tell apart in greyscale or with deuteranopia. */
void run_warn_palettes(const run_ctx *c);
/* Checks what maps need (geometry, known palettes) before running. */
int run_check_maps(const run_ctx *c);
void run_maps_free(run_ctx *c);

/* run_comparisons.c */
int run_render_comparisons(run_ctx *c, const char *stage_dir);

/* run_sheets.c */
int run_render_sheets(run_ctx *c, const char *stage_dir);
/* Checks the fact-sheet sections against the run (unit level). */
int run_check_sheets(const run_ctx *c);

/* run_reach.c */
/* Funnel plots of the reach indicators into stage_dir/charts. */
int run_render_funnels(run_ctx *c, const char *stage_dir);
/* The part `suffix` ("_bereikt", "_ci_onder", ...) of reach indicator
 * parent, or NULL. */
const run_indicator *run_reach_part(const run_ctx *c, const char *parent,
                                    const char *suffix);
/* When ind is a reach rate: ci[0], ci[1] = new arrays (caller frees with
 * mem_free) of the lower and upper Wilson ends per row of result table t
 * (NAN where missing); otherwise both stay NULL. 0 or -1 (OOM). */
int run_reach_interval(const run_ctx *c, const run_indicator *ind,
                       const tbl *t, double *ci[2]);
/* Words of the reach outputs in the recipe's language. */
enum { RUN_REACH_W_INTERVAL = 0, RUN_REACH_W_COUNTS, RUN_REACH_W_AREA,
       RUN_REACH_W_INDEX, RUN_REACH_W_FUNNEL, RUN_REACH_W_SECTION,
       RUN_REACH_W_WHY, RUN_REACH_W_POS_M2, RUN_REACH_W_POS_M1,
       RUN_REACH_W_POS_0, RUN_REACH_W_POS_1, RUN_REACH_W_POS_2,
       RUN_REACH_W_GAP, RUN_REACH_W_COUNT };
const char *run_reach_word(const run_ctx *c, int which);
/* The reach section of the fact sheets (factsheets: reach:, hard_to_reach:)
 * for all units: built once, then pointed at from each sheet_unit. */
typedef struct {
    size_t n_reach, n_factors;
    void *rows;            /* n_units * n_reach sheet_reach_row */
    void *why;             /* n_units sheet_reach_why, or NULL */
    char (*counts)[200];   /* n_units * n_reach */
    char (*area)[96];      /* n_reach */
    const char **flabels;  /* n_factors */
    double *fval;          /* n_units * n_factors */
    uint8_t *fmiss;
} run_reach_sheet;
/* Builds the section for factsheet fs. 0 or -1 (OOM). */
int run_reach_sheet_build(const run_ctx *c, const rcp_factsheet *fs,
                          run_reach_sheet *rs);
/* Points sheet unit su (a sheet_unit *) at unit u's section. */
void run_reach_sheet_unit(const run_ctx *c, const run_reach_sheet *rs,
                          size_t u, void *su);
void run_reach_sheet_free(run_reach_sheet *rs);

/* run_bivar.c */
/* Legend entries (9 grid cells, then missing reasons), per-unit entries,
 * the y classification (into res->cls, for the manifest) and x's classes
 * and both axes' class ranges (into res), the axis notes and four
 * NUL-separated titles (map, x axis, y axis, legend) of bivariate map m.
 * Arrays are new (mem_free). 0 or -1 with the error set. */
int run_bivar_legend(const run_ctx *c, const rcp_map *m, run_map_result *res,
                     map_legend_entry **legend, char (**text)[96],
                     size_t *n_legend, int **entry, char notes[2][400],
                     char *titles, size_t tsize);

/* run.c */
/* Sets c->created from the options (or $SOURCE_DATE_EPOCH, or today). */
void run_set_created(run_ctx *c);
/* Everything after the sources are loaded and indexed: units, joins,
 * indicators, levels and (unless check_only / no_outputs) the outputs.
 * 0 or -1 with the error set. */
int run_stages(run_ctx *c);
/* Frees everything a run_ctx holds (not the struct). */
void run_ctx_free(run_ctx *c);
/* run_present.c: the run's words (see present.h) and shared helpers */
/* The run's source line (present.h rules) into buf. Returns 0, or -1 with
 * ERR_MEMORY set. */
int run_source_line(const run_ctx *c, char *buf, size_t size);
/* The run's provenance line, with the creation stamp when with_stamp. */
void run_provenance(const run_ctx *c, int with_stamp, char *buf, size_t size);
/* The evaluated indicator called name, or NULL. */
const run_indicator *run_indicator_named(const run_ctx *c, const char *name);
/* Creates folder stage_dir/name and writes its path into dir. Returns 0,
 * or -1 with ERR_IO set (naming the folder). */
int run_output_dir(const char *stage_dir, const char *name, char *dir,
                   size_t size);
/* Starts a render stage: creates the folder stage_dir/name (its path into
 * dir, as run_output_dir) and allocates n zeroed results of elem bytes
 * (the caller owns them, mem_free). Returns them, or NULL with ERR_IO or
 * an out-of-memory error naming what. */
void *run_stage_begin(const char *stage_dir, const char *name, char *dir,
                      size_t size, size_t n, size_t elem, const char *what);

/* run_report.c: report.html (after maps and comparisons) */
int run_write_report(run_ctx *c, const char *stage_dir);

/* run_pdfmeta.c: PDF document information for subject (borrowed) with
 * extra keywords; kw is the caller's buffer for the keywords. */
void run_pdf_meta(const run_ctx *c, const char *subject, const char *extra,
                  char *kw, size_t kw_size, pdf_meta *m);

/* manifest.c */
int run_write_manifest(run_ctx *c, const char *path);

#endif
