/* main.c - the `dnawijk` command: global options (--version, --help,
 * --lang, -q, -v), then one subcommand; `dnawijk SUBCOMMAND --help` prints
 * that subcommand's usage on stdout. Exit codes: 0 done, 1 an error in the
 * data, recipe or run (one line on stderr), 2 a wrong command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "err.h"
#include "threads.h"

typedef struct {
    const char *name;
    int (*fn)(int, char **);
    const char *usage;   /* arguments after the name */
    const char *nl, *en; /* one-line description */
    int hidden;
} subcommand;

static const subcommand cmds[] = {
    {"inspect", cmd_inspect, "FILE[#layer] [--json]",
     "toon lagen, CRS, rijen en een samenvatting van elke kolom",
     "show layers, CRS, rows and a summary of every column", 0},
    {"check", cmd_check, "RECIPE [--area CODES] [--set name=value]",
     "lees de bronnen en controleer het recept zonder iets te schrijven",
     "read the sources and check the recipe without writing anything", 0},
    {"run", cmd_run,
     "RECIPE [-o OUTDIR] [--area CODES] [--set name=value] [-q|-v]",
     "voer het recept uit: tabellen, kaarten, factsheets, GeoPackage",
     "run the recipe: tables, maps, fact sheets, GeoPackage", 0},
    {"classify", cmd_classify,
     "FILE[#layer] COLUMN --method METHOD --classes K [--breaks a,b,...] "
     "[--json]",
     "probeer een klassenindeling op een kolom",
     "try a classification on a column", 0},
    {"recipe-doc", cmd_recipe_doc, "",
     "schrijf de naslag van alle receptsleutels (docs/recipe.md)",
     "write the reference of every recipe key (docs/recipe.md)", 1},
};
#define N_CMDS (sizeof cmds / sizeof cmds[0])

static int english(void) { return err_language() == ERR_LANG_EN; }

static void usage(FILE *f)
{
    int en = english();
    fprintf(f, "dnawijk %s - %s\n\n%s\n", DNAWIJK_VERSION,
            en ? "neighbourhood analysis for municipalities (DNA van de wijk)"
               : "buurtanalyse voor gemeenten (DNA van de wijk)",
            en ? "usage: dnawijk [--lang nl|en] [-q|-v] COMMAND [ARGS]"
               : "gebruik: dnawijk [--lang nl|en] [-q|-v] OPDRACHT [ARGUMENTEN]");
    fputs("\n", f);
    for (size_t k = 0; k < N_CMDS; k++)
        if (!cmds[k].hidden)
            fprintf(f, "  %-9s %s\n", cmds[k].name, en ? cmds[k].en : cmds[k].nl);
    fprintf(f, "\n%s\n",
            en ? "  every command takes --jobs N: the number of threads "
                 "(default DNAWIJK_JOBS,\n  else the number of CPU cores); "
                 "results do not depend on it\n\n"
                 "  dnawijk COMMAND --help   usage of one command\n"
                 "  dnawijk --version        version\n\n"
                 "exit codes: 0 done, 1 error in data, recipe or run, "
                 "2 wrong command line"
               : "  elke opdracht neemt --jobs N: het aantal threads "
                 "(standaard DNAWIJK_JOBS,\n  anders het aantal CPU-kernen); "
                 "de uitkomst hangt er niet van af\n\n"
                 "  dnawijk OPDRACHT --help  gebruik van een opdracht\n"
                 "  dnawijk --version        versie\n\n"
                 "afsluitcodes: 0 klaar, 1 fout in data, recept of uitvoering, "
                 "2 verkeerde opdrachtregel");
}

static void usage_of(const subcommand *c, FILE *f)
{
    int en = english();
    fprintf(f, "%s: dnawijk %s %s\n\n  %s\n\n%s\n", en ? "usage" : "gebruik",
            c->name, c->usage, en ? c->en : c->nl,
            en ? "options: -q quiet, -v verbose, --lang nl|en messages; exit "
                 "codes 0 done, 1 error, 2 wrong command line"
               : "opties: -q stil, -v uitgebreid, --lang nl|en taal van de "
                 "meldingen; afsluitcodes 0 klaar, 1 fout, 2 verkeerde "
                 "opdrachtregel");
}

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

/* Takes --lang X, -q and -v out of argv wherever they are (before or after
 * the subcommand), setting the language and verbosity. Returns the new
 * argc, or -1 for a bad --lang. */
static int global_options(int argc, char **argv)
{
    const char *lang = getenv("DNAWIJK_LANG");
    err_set_language(lang && !strcmp(lang, "en") ? ERR_LANG_EN : ERR_LANG_NL);
    int out = 1;
    for (int k = 1; k < argc; k++) {
        const char *a = argv[k];
        if (!strcmp(a, "--lang") && k + 1 < argc) {
            const char *v = argv[++k];
            if (strcmp(v, "nl") && strcmp(v, "en"))
                return -1;
            err_set_language(!strcmp(v, "en") ? ERR_LANG_EN : ERR_LANG_NL);
        } else if (!strncmp(a, "--lang=", 7)) {
            if (strcmp(a + 7, "nl") && strcmp(a + 7, "en"))
                return -1;
            err_set_language(!strcmp(a + 7, "en") ? ERR_LANG_EN : ERR_LANG_NL);
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            cmd_verbosity = 0;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            cmd_verbosity = 2;
        } else {
            argv[out++] = argv[k];
        }
    }
    argv[out] = NULL;
    return out;
}

int main(int argc, char **argv)
{
    argc = global_options(argc, argv);
    if (argc < 0)
        return cmd_usage_error("--lang takes nl or en");
    if (argc < 2) {
        usage(stderr);
        return CMD_USAGE;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
        printf("dnawijk %s\n", DNAWIJK_VERSION);
        if (cmd_verbosity > 1)
            printf("%s: %s\n", english() ? "catalog" : "catalogus",
                   catalog_builtin_dir());
        return CMD_OK;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        for (size_t k = 0; argc > 2 && k < N_CMDS; k++)
            if (!strcmp(argv[2], cmds[k].name)) {
                usage_of(&cmds[k], stdout);
                return CMD_OK;
            }
        usage(stdout);
        return CMD_OK;
    }
    for (size_t k = 0; k < N_CMDS; k++) {
        if (strcmp(argv[1], cmds[k].name))
            continue;
        for (int a = 2; a < argc; a++)
            if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
                usage_of(&cmds[k], stdout);
                return CMD_OK;
            }
        int n = argc - 2;
        if (take_jobs(&n, argv + 2) < 0) {
            err_print(stderr);
            return CMD_USAGE;
        }
        return cmds[k].fn(n, argv + 2);
    }
    cmd_usage_error("unknown command \"%s\"", argv[1]);
    usage(stderr);
    return CMD_USAGE;
}
