/* stop.c - clean stops on SIGINT/SIGTERM/SIGHUP; see stop.h. */
#include "stop.h"

#include "err.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t stop_sig;

/* The handler: records the first signal and nothing else (the action was
 * reset to the default by SA_RESETHAND, so a second signal ends the
 * process). */
static void on_stop(int sig)
{
    if (!stop_sig)
        stop_sig = sig;
}

void stop_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sa.sa_flags = SA_RESETHAND | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
        sigaction(sigs[k], &sa, NULL);
    signal(SIGXFSZ, SIG_IGN);
}

int stop_signal(void) { return (int)stop_sig; }

int stop_check(void)
{
    int sig = (int)stop_sig;
    if (!sig)
        return 0;
    const char *name = sig == SIGINT ? "SIGINT (Ctrl-C)"
                       : sig == SIGTERM ? "SIGTERM"
                       : sig == SIGHUP ? "SIGHUP"
                                       : "a signal";
    err_set(ERR_IO, NULL, 0, NULL,
            "the run was interrupted by %s; the previous results are "
            "unchanged",
            name);
    return -1;
}

void stop_reraise(void)
{
    int sig = (int)stop_sig;
    if (!sig)
        return;
    signal(sig, SIG_DFL);
    raise(sig);
}
