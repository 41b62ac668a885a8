/* run.h - running and checking a recipe: load sources, normalise keys, join
 * per unit, evaluate indicators, roll up to coarser levels and write the
 * outputs (indicators.csv per level, indicators.gpkg, manifest.json, and
 * the maps the recipe asks for) atomically into OUTDIR/<recipe name>/.
 */
#ifndef DNW_RUN_H
#define DNW_RUN_H

#include <stdio.h>

#include "rcp.h"

typedef struct {
    const char *outdir; /* default "out" */
    FILE *log;          /* progress and the join report; NULL = silent */
    int check_only;     /* 1: read sources and check everything, write nothing */
    const char *created; /* date for provenance lines (YYYY-MM-DD); NULL =
                            $SOURCE_DATE_EPOCH or today */
    /* progress of long stages (reading, fact sheets): called with the
     * stage name, work done and total; NULL = none */
    void (*progress)(void *ud, const char *stage, size_t done, size_t total);
    void *progress_ud;
} run_options;

/* Runs (or checks) the recipe. Returns 0, or -1 with the error set; on
 * failure the previous results in OUTDIR/<name>/ are left untouched and no
 * temporary files remain. */
int run_recipe(const rcp *r, const run_options *opt);

#endif
