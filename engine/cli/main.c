/* main.c - the `dnawijk` command: dispatches to the subcommands. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static void usage(FILE *f)
{
    fprintf(f,
            "dnawijk %s - buurtanalyse voor gemeenten (DNA van de wijk)\n"
            "\n"
            "usage:\n"
            "  dnawijk inspect FILE[#layer] [--json]\n"
            "  dnawijk check RECIPE\n"
            "  dnawijk run RECIPE [-o OUTDIR] [--area CODES] [--set name=value]\n"
            "  dnawijk compare RECIPE (--province NAME|CODE | --areas CODES | --all)\n"
            "                  [-o OUTDIR] [--jobs N] [-q]\n"
            "  dnawijk classify FILE[#layer] COLUMN --method METHOD --classes K [--json]\n"
            "  dnawijk --version\n",
            DNAWIJK_VERSION);
}

typedef struct {
    const char *name;
    int (*fn)(int, char **);
} subcommand;

int main(int argc, char **argv)
{
    static const subcommand cmds[] = {
        {"inspect", cmd_inspect},
        {"check", cmd_check},
        {"run", cmd_run},
        {"classify", cmd_classify},
        {"compare", cmd_compare},
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
    for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
        if (!strcmp(argv[1], cmds[k].name))
            return cmds[k].fn(argc - 2, argv + 2);
    fprintf(stderr, "dnawijk: usage error: unknown command \"%s\"\n", argv[1]);
    usage(stderr);
    return 2;
}
