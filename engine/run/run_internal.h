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
    /* names an expression may use: columns and catalog names (owned array
     * of borrowed strings) */
    const char **cand;
    size_t n_cand;
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
    char files[3][256];
    int n_files;
    char (*legend)[96];  /* printed class bounds, cls.k entries (owned) */
    int legend_decimals; /* their decimals, also the value labels' */
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
int run_build_units(run_ctx *c);
/* Applies a source's filter (expression or mapping) into s->keep. */
int run_apply_filter(run_ctx *c, run_source *s);
int run_join_sources(run_ctx *c);
void run_sources_free(run_ctx *c);

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
int run_write_outputs(run_ctx *c, const char *stage_dir);

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
/* Checks what maps need (geometry, known palettes) before running. */
int run_check_maps(const run_ctx *c);
void run_maps_free(run_ctx *c);

/* run_comparisons.c */
int run_render_comparisons(run_ctx *c, const char *stage_dir);

/* run_sheets.c */
int run_render_sheets(run_ctx *c, const char *stage_dir);
/* Checks the fact-sheet sections against the run (unit level). */
int run_check_sheets(const run_ctx *c);

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

/* manifest.c */
int run_write_manifest(run_ctx *c, const char *path);

#endif
