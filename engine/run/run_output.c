/* run_output.c - writing a run's tables into the staging folder:
 * indicators.csv (units), indicators_<level>.csv per rollup level and
 * indicators.gpkg with the same tables (the units with geometry). */
#include "run_internal.h"

#include "err.h"
#include "out.h"

#include <stdio.h>
#include <string.h>

/* Most decimals any indicator asks for (-1 = full precision). */
static int max_decimals(const run_ctx *c)
{
    int best = -2;
    for (size_t k = 0; k < c->n_ind; k++) {
        long d = c->ind[k].ri->decimals.v;
        if (d < 0)
            return -1;
        if (d > best)
            best = (int)d;
    }
    return best < 0 ? -1 : best;
}

int run_check_outputs(const run_ctx *c)
{
    if (!c->r->out_gpkg.v)
        return 0;
    /* the widest table is a rollup table when there is one */
    size_t cols = 2; /* code, name */
    for (size_t k = 0; k < c->n_ind; k++) {
        cols += run_result_columns(&c->ind[k], c->unit_level != KEY_INVALID);
        if (cols > OUT_GPKG_MAX_COLUMNS)
            return rcp_error_at(
                c->ind[k].ri->name.pos, ERR_RECIPE,
                "with indicator %s the tables of indicators.gpkg would get "
                "more than %d columns, the most a GeoPackage (SQLite) table "
                "holds; use fewer indicators, split the recipe, or leave "
                "out the GeoPackage (outputs)",
                c->ind[k].ri->name.s, OUT_GPKG_MAX_COLUMNS);
    }
    return 0;
}

int run_write_outputs(run_ctx *c, const char *dir)
{
    char path[4096];
    int dec = max_decimals(c);
    if (c->r->out_tables.v) {
        for (size_t k = 0; k < c->n_levels; k++) {
            snprintf(path, sizeof path, "%s/%s.csv", dir,
                     c->levels[k].file_stem);
            if (out_csv(c->levels[k].result, path, dec) < 0)
                return -1;
        }
    }
    if (c->r->out_gpkg.v) {
        out_layer layers[4];
        const char *names[4];
        for (size_t k = 0; k < c->n_levels; k++) {
            names[k] = c->levels[k].level == KEY_INVALID
                           ? "gebied"
                           : key_level_plural(c->levels[k].level);
            layers[k].layer = names[k];
            layers[k].t = c->levels[k].result;
        }
        snprintf(path, sizeof path, "%s/indicators.gpkg", dir);
        if (out_gpkg(path, layers, c->n_levels) < 0)
            return -1;
    }
    return 0;
}
