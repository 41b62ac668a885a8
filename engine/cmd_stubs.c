/* cmd_stubs.c - TEMPORARY: subcommands not built yet. Removed as each lands. */
#include <stdio.h>

#include "cmd.h"

static int not_yet(const char *name)
{
    fprintf(stderr, "dnawijk: usage error: \"%s\" is not available in this build\n", name);
    return 2;
}

int cmd_check(int argc, char **argv) { (void)argc; (void)argv; return not_yet("check"); }
int cmd_run(int argc, char **argv) { (void)argc; (void)argv; return not_yet("run"); }
