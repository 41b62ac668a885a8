/* run.c - one recipe run from start to end; see run.h. The stages live in
 * run_sources.c, run_indicators.c, run_levels.c, run_output.c and
 * manifest.c; this file orders them, times them and makes the output
 * appear atomically. */
#include "run_internal.h"

#include "atomic.h"
#include "err.h"
#include "fsutil.h"
#include "mem.h"
#include "present.h"
#include "repro.h"
#include "sha256.h"
#include "stop.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

double run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void run_time(run_ctx *c, const char *stage, double *t)
{
    double now = run_now();
    if (c->n_timing < sizeof c->timing / sizeof c->timing[0]) {
        c->timing[c->n_timing].stage = stage;
        c->timing[c->n_timing].seconds = now - *t;
        c->n_timing++;
    }
    *t = now;
}

/* The date for provenance lines: the option, $SOURCE_DATE_EPOCH, or today. */
void run_set_created(run_ctx *c)
{
    if (c->opt->created) {
        snprintf(c->created, sizeof c->created, "%.10s", c->opt->created);
        return;
    }
    time_t now = repro_now();
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(c->created, sizeof c->created, "%Y-%m-%d", &tm);
}

/* Writes everything into a staging folder beside the final one, then swaps
 * it into place; called with the output folder's lock held. */
static int write_locked(run_ctx *c, const char *outdir)
{
    char final_dir[4096], stage[4096], path[4200];
    const char *folder = c->opt->folder ? c->opt->folder : c->r->name.s;
    snprintf(final_dir, sizeof final_dir, "%s/%s", outdir, folder);
    snprintf(stage, sizeof stage, "%s/.%s.tmp-%ld", outdir, folder,
             (long)getpid());
    if (fs_remove_tree(stage) < 0)
        return -1;
    if (mkdir(stage, 0777) != 0) {
        err_set(ERR_IO, stage, 0, NULL, "cannot create the folder: %s",
                strerror(errno));
        return -1;
    }
    /* the output stages in order: name (for the timing log), writer, and
     * whether a stop request is checked before it */
    static const struct {
        const char *name;
        int (*write)(run_ctx *c, const char *stage_dir);
        int stop_first;
    } stages[] = {
        {"write", run_write_outputs, 0},
        {"maps", run_render_maps, 1},
        {"gpkg", run_write_gpkg, 0},
        {"factsheets", run_render_sheets, 1},
        {"comparisons", run_render_comparisons, 1},
        {"report", run_write_report, 0},
        {"funnels", run_render_funnels, 0},
    };
    double t = run_now();
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < sizeof stages / sizeof *stages; k++)
        if ((!stages[k].stop_first || (rc = stop_check()) == 0) &&
            (rc = stages[k].write(c, stage)) == 0)
            run_time(c, stages[k].name, &t);
    if (rc == 0 && (rc = stop_check()) == 0) {
        snprintf(path, sizeof path, "%s/manifest.json", stage);
        rc = run_write_manifest(c, path);
    }
    if (rc == 0 && (rc = stop_check()) == 0)
        rc = fs_replace_dir(stage, final_dir);
    if (rc < 0) {
        if (!err_get()) /* a failure that lost its message (seen when memory
                           ran out under ulimit -v): never a crash here */
            err_set(ERR_MEMORY, final_dir, 0, NULL,
                    "writing the results failed without a message; memory "
                    "probably ran out (allow more, or use --jobs 1)");
        err_info saved = *err_get();
        /* a path inside the staging folder means nothing to the user once
         * the folder is gone: name the final folder instead */
        size_t ns = strlen(stage);
        if (!strncmp(saved.file, stage, ns)) {
            char moved[sizeof saved.file];
            size_t nf = strlen(final_dir);
            if (nf + strlen(saved.file + ns) < sizeof moved) {
                memcpy(moved, final_dir, nf);
                strcpy(moved + nf, saved.file + ns);
                memcpy(saved.file, moved, sizeof moved);
            }
        }
        fs_remove_tree(stage);
        err_restore(&saved);
        return -1;
    }
    if (c->opt->log)
        present_log_results(c->opt->log, present_lang(c->r), final_dir);
    return 0;
}

/* Writes everything under the output folder's lock (see run_outdir.c). */
static int write_all(run_ctx *c)
{
    const char *outdir = c->opt->outdir ? c->opt->outdir : "out";
    if (mkdir_p(outdir) < 0)
        return -1;
    const char *folder = c->opt->folder ? c->opt->folder : c->r->name.s;
    int lock = run_outdir_lock(outdir, folder, c->opt->log);
    if (lock < 0)
        return -1;
    int rc = write_locked(c, outdir);
    run_outdir_unlock(lock);
    return rc;
}

int run_stages(run_ctx *c)
{
    const run_options *opt = c->opt;
    double t = run_now();
    int rc = run_build_units(c);
    if (rc == 0)
        run_time(c, "units", &t);
    if (rc == 0 && (rc = run_join_sources(c)) == 0)
        run_time(c, "join", &t);
    if (rc == 0 && (rc = run_compile_indicators(c)) == 0)
        run_time(c, "compile", &t);
    if (rc == 0 && (rc = run_check_maps(c)) == 0 &&
        (rc = run_check_sheets(c)) == 0)
        rc = run_check_outputs(c);
    if (rc == 0)
        run_warn_palettes(c);
    if (rc == 0 && !opt->check_only) {
        if ((rc = stop_check()) == 0 && (rc = run_eval_indicators(c)) == 0)
            run_time(c, "indicators", &t);
        if (rc == 0 && (rc = run_build_levels(c)) == 0)
            run_time(c, "rollups", &t);
        if (rc == 0 && !c->no_outputs && (rc = stop_check()) == 0)
            rc = write_all(c);
    }
    return rc;
}

void run_ctx_free(run_ctx *c)
{
    run_maps_free(c);
    mem_free(c->cmp_files);
    mem_free(c->funnels);
    run_levels_free(c);
    run_indicators_free(c);
    run_sources_free(c);
}

int run_recipe(const rcp *r, const run_options *opt)
{
    run_ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.opt = opt;
    run_set_created(&c);
    double t = run_now();
    c.t0 = t;
    if (!opt->check_only)
        text_warm_up(); /* fonts load while the sources are read and joined */
    int rc = sha256_file(r->path, c.recipe_sha);
    if (rc == 0 && opt->log)
        present_log_recipe(opt->log, present_lang(r), r->name.s, r->path);
    if (rc == 0 && (rc = run_load_sources(&c)) == 0)
        run_time(&c, "read", &t);
    if (rc == 0)
        rc = run_index_sources(&c);
    if (rc == 0)
        rc = run_stages(&c);
    if (rc == 0 && opt->log)
        present_log_summary(opt->log, present_lang(r), c.n_units,
                            c.unit_level, c.n_ind, run_now() - c.t0);
    run_ctx_free(&c);
    text_warm_up_wait();
    return rc;
}
