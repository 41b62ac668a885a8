/* stop.h - a run that is asked to stop (Ctrl-C, SIGTERM) stops cleanly.
 *
 * stop_install() sets handlers for SIGINT, SIGTERM and SIGHUP that only
 * record the signal in a sig_atomic_t (async-signal-safe) and restore the
 * default action, so a second Ctrl-C ends the process at once; SIGXFSZ is
 * ignored, so a write beyond a file-size limit fails with EFBIG and is
 * reported like a full disk instead of killing the process. Long stages
 * call stop_check() between steps; it turns a recorded signal into an
 * error, and the normal failure path then removes the staging folder and
 * leaves the previous results untouched. Whatever a signal interrupts that
 * cannot clean up (kill -9, a second Ctrl-C) is removed by the next run of
 * the same recipe into the same folder (see run_outdir.c).
 */
#ifndef DNW_STOP_H
#define DNW_STOP_H

/* Installs the handlers described above. Never fails (a handler that
 * cannot be installed leaves that signal's default action). */
void stop_install(void);

/* The signal that asked to stop, or 0. */
int stop_signal(void);

/* Returns 0 when no stop was asked; else sets an ERR_IO error ("the run was
 * interrupted by SIGINT; the previous results are unchanged") and returns
 * -1. */
int stop_check(void);

/* After a stopped run has cleaned up: ends the process with the signal's
 * default action (so the parent sees "killed by SIGINT"). Returns only when
 * no stop was asked. */
void stop_reraise(void);

#endif
