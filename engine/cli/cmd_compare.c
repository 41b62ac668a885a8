/* cmd_compare.c - `dnawijk compare RECIPE (--province NAME|CODE | --areas
 * GM0363,GM0479,... | --all) [-o OUT] [--jobs N] [--set k=v] [-q]`.
 *
 * Exit codes: 0 every gemeente succeeded; 1 error (nothing written);
 * 2 usage; 3 partial failure: some gemeenten failed, the others' results
 * and the comparison are written (the failures are listed on stderr, in
 * comparison.csv and in manifest.json). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "rcp.h"
#include "run_compare.h"

static int usage_compare(void)
{
    fprintf(stderr,
            "usage: dnawijk compare RECIPE (--province NAME|CODE | --areas "
            "GM0363,GM0479,... | --all)\n"
            "                       [-o OUTDIR] [--jobs N] [--set name=value] "
            "[-q]\n");
    return 2;
}

int cmd_compare(int argc, char **argv)
{
    const char *recipe = NULL;
    const char *sets[64];
    size_t n_sets = 0, n_sel = 0;
    int quiet = cmd_verbosity == 0; /* -q is taken by main */
    compare_options o;
    memset(&o, 0, sizeof o);
    o.outdir = "out";
    for (int k = 0; k < argc; k++) {
        const char *a = argv[k];
        if ((!strcmp(a, "-o") || !strcmp(a, "--out")) && k + 1 < argc)
            o.outdir = argv[++k];
        else if (!strcmp(a, "--province") && k + 1 < argc)
            o.province = argv[++k], n_sel++;
        else if (!strcmp(a, "--areas") && k + 1 < argc)
            o.areas = argv[++k], n_sel++;
        else if (!strcmp(a, "--all"))
            o.all = 1, n_sel++;
        /* --jobs N is taken by main (threads_set) for every command */
        else if (!strcmp(a, "--set") && k + 1 < argc && n_sets < 64)
            sets[n_sets++] = argv[++k];
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            quiet = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dnawijk: usage error: unknown option \"%s\"\n", a);
            return usage_compare();
        } else if (!recipe)
            recipe = a;
        else {
            fprintf(stderr, "dnawijk: usage error: one recipe at a time\n");
            return usage_compare();
        }
    }
    if (!recipe)
        return usage_compare();
    if (n_sel > 1) {
        fprintf(stderr, "dnawijk: usage error: give one of --province, "
                        "--areas and --all\n");
        return usage_compare();
    }
    o.log = quiet ? NULL : stderr;
    o.progress = !quiet && isatty(fileno(stderr));
    rcp *r = rcp_load(recipe);
    int rc = r ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < n_sets; k++)
        rc = rcp_set_override(r, sets[k]);
    compare_summary sum;
    if (rc == 0)
        rc = run_compare(r, &o, &sum);
    if (rc < 0) {
        int usage = err_get() && err_get()->category == ERR_USAGE;
        err_print(stderr);
        rcp_free(r);
        return usage ? 2 : 1;
    }
    rcp_free(r);
    if (rc == 1) {
        if (!quiet)
            fprintf(stderr, "dnawijk: %zu van %zu gemeenten mislukt (zie "
                            "boven en manifest.json)\n",
                    sum.n_failed, sum.n_gemeenten);
        return 3;
    }
    return 0;
}
