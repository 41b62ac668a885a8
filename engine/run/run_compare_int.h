/* run_compare_int.h - the state of one compare, shared by run_compare.c
 * (selection, the runs on worker threads) and run_compare_out.c (the
 * comparison outputs). Private to the run module. */
#ifndef DNW_RUN_COMPARE_INT_H
#define DNW_RUN_COMPARE_INT_H

#include "run_compare.h"
#include "run_internal.h"

#define CMP_MAX_PEERS 50

/* What is kept of one gemeente's run after its outputs are written: a few
 * numbers per indicator and per unit; the run itself is freed. */
typedef struct {
    char code[KEY_MAX];
    char *name;              /* owned */
    int ok;
    char *error;             /* owned one-line message when !ok */
    double *v;               /* n_ind gemeente values (owned) */
    uint8_t *m;
    uint8_t *partial;        /* n_ind: 1 where the value covers only part
                                of its base (coverage below 100 %) */
    size_t n_units;
    double *uv;              /* n_ind * n_units unit values, indicator-major
                                (owned) */
    uint8_t *um;
    int64_t *urow;           /* rows of the units in the geometry source
                                (owned), or NULL without geometry */
    size_t n_peers;
    size_t peers[CMP_MAX_PEERS]; /* indices into the gemeente array */
    double peer_d[CMP_MAX_PEERS];
    double seconds;
} cmp_gemeente;

typedef struct {
    const rcp *r;
    const compare_options *opt;
    run_ctx shared;          /* sources read and indexed once */
    cmp_gemeente *gm;        /* the selection, by code */
    size_t n_gm;
    const char **codes;      /* gm[k].code (owned array) */
    size_t n_ind;
    const rcp_indicator **ind; /* the recipe's indicators, in run order */
    double *sel_v;           /* the whole selection's value per indicator */
    uint8_t *sel_m;
    cls_result *cls;         /* per recipe map: the selection's classes */
    int *rank;               /* n_gm * n_ind ranks (0 = none), ind-major */
    key_level unit_level;
    char stage[4200];        /* staging folder of OUTDIR/<recipe> */
    char selection[256];     /* what was selected, for titles */
    char recipe_sha[65];
    char created[16];
    char source_line[1024];
    double t0;
    double timing[5];        /* read, selection, runs, table, pictures */
} cmp_ctx;

/* The error of a failed gemeente (its message, or a fixed text when even
 * copying the message failed). */
static inline const char *cmp_error(const cmp_gemeente *g)
{
    return g->error ? g->error : "failed (out of memory)";
}

/* run_compare_out.c: the outputs after all runs. 0 or -1 (error set). */
int cmp_compute_ranks_and_peers(cmp_ctx *x);
int cmp_write_table(cmp_ctx *x);
/* run_compare_plots.c: charts, small multiples and gemeente sheets, on
 * `jobs` threads. 0 or -1 (error set). */
int cmp_render_plots(cmp_ctx *x, int jobs);
int cmp_write_manifest(cmp_ctx *x);

/* run_maps.c: the map's classification over the run's units (its own
 * method, shared_breaks groups pooled) into out. */
int run_classify_map(run_ctx *c, const rcp_map *m, cls_result *out);

#endif
