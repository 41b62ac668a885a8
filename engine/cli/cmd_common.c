/* cmd_common.c - what the subcommands share: one-line usage errors in the
 * chosen language, verbosity, and the progress bar. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "rcp.h"

int cmd_verbosity = 1;

int cmd_usage_error(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
    va_end(ap);
    err_set(ERR_USAGE, NULL, 0, NULL, "%s", msg);
    err_print(stderr);
    return 2;
}

/* The progress bar: drawn on stderr only when it is a terminal and the
 * command is not quiet; redrawn at most once per percent. */
typedef struct {
    const char *stage;
    int last;
} bar_state;

static bar_state bar = {NULL, -1};

void cmd_progress(void *ud, const char *stage, size_t done, size_t total)
{
    (void)ud;
    if (cmd_verbosity < 1 || total == 0 || !isatty(STDERR_FILENO))
        return;
    int pct = (int)(100.0 * (double)done / (double)total);
    if (bar.stage == stage && pct == bar.last && done < total)
        return;
    bar.stage = stage;
    bar.last = pct;
    char cells[31];
    int full = pct * 30 / 100;
    for (int k = 0; k < 30; k++)
        cells[k] = k < full ? '#' : '.';
    cells[30] = '\0';
    fprintf(stderr, "\r%-12.12s [%s] %3d%% (%zu/%zu)", stage, cells, pct,
            done, total);
    if (done >= total) {
        fputs("\r\033[K", stderr);
        bar.stage = NULL;
    }
    fflush(stderr);
}

/* `dnawijk recipe-doc`: docs/recipe.md on stdout. */
int cmd_recipe_doc(int argc, char **argv)
{
    (void)argv;
    if (argc > 0)
        return cmd_usage_error("recipe-doc takes no arguments");
    err_set_language(ERR_LANG_EN); /* the reference is English */
    return rcp_doc_write(stdout) == 0 ? CMD_OK : CMD_ERROR;
}
