/* cmd.h - the subcommands of the `dnawijk` command. Each takes the arguments
 * after its name and returns the process exit code (0 ok, 1 error, 2 usage),
 * printing errors itself. */
#ifndef DNW_CMD_H
#define DNW_CMD_H

int cmd_inspect(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_classify(int argc, char **argv);
/* compare: 0 ok, 1 error, 2 usage, 3 some gemeenten failed */
int cmd_compare(int argc, char **argv);

#endif
