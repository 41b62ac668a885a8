/* cmd_run.c - `dnawijk run RECIPE [-o OUTDIR] [--area CODES] [--set k=v]`
 * and `dnawijk check RECIPE [--area CODES] [--set k=v]`. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "rcp.h"
#include "run.h"
#include "stop.h"

static int usage_run(void)
{
    fprintf(stderr,
            "usage: dnawijk run RECIPE [-o OUTDIR] [--area CODES] "
            "[--set name=value] [-q|-v] [--jobs N]\n"
            "       dnawijk check RECIPE [--area CODES] [--set name=value] "
            "[--jobs N]\n");
    return 2;
}

static int run_or_check(int argc, char **argv, int check_only)
{
    const char *recipe = NULL, *outdir = "out", *area = NULL;
    const char *sets[64];
    size_t n_sets = 0;
    int quiet = cmd_verbosity == 0;
    for (int k = 0; k < argc; k++) {
        const char *a = argv[k];
        if ((!strcmp(a, "-o") || !strcmp(a, "--out")) && k + 1 < argc && !check_only)
            outdir = argv[++k];
        else if (!strcmp(a, "--area") && k + 1 < argc)
            area = argv[++k];
        else if (!strcmp(a, "--set") && k + 1 < argc && n_sets < 64)
            sets[n_sets++] = argv[++k];
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            quiet = 1;
        else if (a[0] == '-' && a[1]) {
            cmd_usage_error("unknown option \"%s\"", a);
            return usage_run();
        } else if (!recipe)
            recipe = a;
        else {
            cmd_usage_error("one recipe at a time");
            return usage_run();
        }
    }
    if (!recipe)
        return usage_run();
    if (!outdir[0]) {
        fprintf(stderr, "dnawijk: usage error: -o \"\" names no folder; "
                        "give the folder for the results, such as -o out "
                        "(the results go to out/<recipe name>/)\n");
        return 2;
    }
    rcp *r = rcp_load(recipe);
    int rc = r ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < n_sets; k++)
        rc = rcp_set_override(r, sets[k]);
    if (rc == 0 && area)
        rc = rcp_set_area(r, area);
    if (rc == 0) {
        run_options opt;
        memset(&opt, 0, sizeof opt);
        opt.outdir = outdir;
        opt.log = quiet ? NULL : stderr;
        opt.check_only = check_only;
        opt.progress = cmd_progress;
        if (!check_only)
            stop_install(); /* Ctrl-C and SIGTERM end the run cleanly */
        rc = run_recipe(r, &opt);
    }
    if (rc < 0) {
        err_print(stderr);
        rcp_free(r);
        stop_reraise(); /* stopped by a signal: end as killed by it */
        return 1;
    }
    if (check_only)
        printf("%s: %s\n", recipe, err_tr("the recipe is in order"));
    rcp_free(r);
    return 0;
}

int cmd_run(int argc, char **argv) { return run_or_check(argc, argv, 0); }

int cmd_check(int argc, char **argv) { return run_or_check(argc, argv, 1); }
