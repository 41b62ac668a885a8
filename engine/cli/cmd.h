/* cmd.h - the subcommands of the `dnawijk` command. Each takes the arguments
 * after its name and returns the process exit code (0 ok, 1 error, 2 usage),
 * printing errors itself (one line on stderr). */
#ifndef DNW_CMD_H
#define DNW_CMD_H

#include <stddef.h>

/* Exit codes (documented in --help and dnawijk.1). */
enum { CMD_OK = 0, CMD_ERROR = 1, CMD_USAGE = 2 };

int cmd_inspect(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_recipe_doc(int argc, char **argv);

/* 0 with -q, 1 normally, 2 with -v (set by main). */
extern int cmd_verbosity;

/* Prints a usage error ("dnawijk: fout in opdracht: ...", fmt translated
 * through err_tr) and returns CMD_USAGE. */
int cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A progress callback for run_options: a bar on stderr when it is a
 * terminal and the command is not quiet; nothing when piped. */
void cmd_progress(void *ud, const char *stage, size_t done, size_t total);

#endif
