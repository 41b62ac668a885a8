/* main.c - the `dnawijk` command: dispatches to the subcommands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "threads.h"

static void usage(FILE *f)
{
    fprintf(f,
            "dnawijk %s - buurtanalyse voor gemeenten (DNA van de wijk)\n"
            "\n"
            "usage:\n"
            "  dnawijk inspect FILE[#layer] [--json]\n"
            "  dnawijk check RECIPE\n"
            "  dnawijk run RECIPE [-o OUTDIR] [--area CODES] [--set name=value]\n"
            "  dnawijk classify FILE[#layer] COLUMN --method METHOD --classes K [--json]\n"
            "  dnawijk --version\n"
            "\n"
            "Every command takes --jobs N: the number of threads (default: "
            "DNAWIJK_JOBS,\nelse the number of CPU cores). Results do not "
            "depend on it.\n",
            DNAWIJK_VERSION);
}

typedef struct {
    const char *name;
    int (*fn)(int, char **);
} subcommand;

/* Takes the thread count out of a subcommand's arguments: "--jobs N",
 * "--jobs=N" or "-j N" (the last one wins) go to threads_set and are
 * removed from argv (*argc shrinks). A DNAWIJK_JOBS in the environment is
 * checked too. Returns 0, or -1 with ERR_USAGE set for a value that is no
 * thread count. */
static int take_jobs(int *argc, char **argv)
{
    const char *env = getenv("DNAWIJK_JOBS");
    if (env && threads_parse(env, "DNAWIJK_JOBS") < 0)
        return -1;
    int out = 0;
    for (int k = 0; k < *argc; k++) {
        const char *v = NULL;
        if ((!strcmp(argv[k], "--jobs") || !strcmp(argv[k], "-j")) &&
            k + 1 < *argc)
            v = argv[++k];
        else if (!strncmp(argv[k], "--jobs=", 7))
            v = argv[k] + 7;
        else if (!strcmp(argv[k], "--jobs") || !strcmp(argv[k], "-j"))
            v = "";
        if (!v) {
            argv[out++] = argv[k];
            continue;
        }
        int n = threads_parse(v, "--jobs");
        if (n < 0)
            return -1;
        threads_set(n);
    }
    *argc = out;
    argv[out] = NULL;
    return 0;
}

int main(int argc, char **argv)
{
    static const subcommand cmds[] = {
        {"inspect", cmd_inspect},
        {"check", cmd_check},
        {"run", cmd_run},
        {"classify", cmd_classify},
    };
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("dnawijk %s\n", DNAWIJK_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++) {
        if (strcmp(argv[1], cmds[k].name))
            continue;
        int n = argc - 2;
        if (take_jobs(&n, argv + 2) < 0) {
            err_print(stderr);
            return 2;
        }
        return cmds[k].fn(n, argv + 2);
    }
    fprintf(stderr, "dnawijk: usage error: unknown command \"%s\"\n", argv[1]);
    usage(stderr);
    return 2;
}
