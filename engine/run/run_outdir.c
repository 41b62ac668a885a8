/* run_outdir.c - one writer per output folder, and no debris from runs
 * that died: see run_internal.h (run_outdir_lock).
 *
 * A run of recipe NAME into OUT stages its results in OUT/.NAME.tmp-PID/
 * and swaps them into OUT/NAME/ (moving the previous results to
 * OUT/NAME.old-PID/ for a moment). All of that happens while the run holds
 * an exclusive flock on OUT/.NAME.lock, so two runs never race the swap
 * (without it, two renames could fail with "Directory not empty" and leave
 * NAME.old-PID behind). A process killed by kill -9, a second Ctrl-C or a
 * crash leaves its folders behind; the next run that holds the lock removes
 * every such folder whose process no longer exists (kill(pid, 0) fails with
 * ESRCH). A live process's folder is never touched: it holds the lock
 * while its folders exist, and its pid is alive. */
#include "run_internal.h"

#include "err.h"
#include "fsutil.h"
#include "stop.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

/* The pid in entry name `e` when it is PREFIX + digits + SUFFIX (suffix ""),
 * else 0. */
static long pid_of(const char *e, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(e, prefix, n) != 0 || !e[n])
        return 0;
    char *end;
    errno = 0;
    long pid = strtol(e + n, &end, 10);
    if (*end || errno || pid <= 0)
        return 0;
    return pid;
}

/* Removes the staging and set-aside folders of `name` in outdir that belong
 * to processes that no longer exist (or to this process). Called with the
 * lock held. Failures to remove are reported on log and otherwise ignored:
 * debris must not stop a run. */
static void remove_stale(const char *outdir, const char *name, FILE *log)
{
    char tmp_prefix[600], old_prefix[600], path[4700];
    snprintf(tmp_prefix, sizeof tmp_prefix, ".%s.tmp-", name);
    snprintf(old_prefix, sizeof old_prefix, "%s.old-", name);
    DIR *d = opendir(outdir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long pid = pid_of(e->d_name, tmp_prefix);
        if (!pid)
            pid = pid_of(e->d_name, old_prefix);
        if (!pid)
            continue;
        if (pid != (long)getpid() &&
            !(kill((pid_t)pid, 0) != 0 && errno == ESRCH))
            continue; /* alive (or not ours to ask): leave it */
        snprintf(path, sizeof path, "%s/%s", outdir, e->d_name);
        err_info saved;
        int had = err_get() != NULL;
        if (had)
            saved = *err_get();
        if (fs_remove_tree(path) == 0) {
            if (log && pid != (long)getpid())
                fprintf(log, "  restant van een afgebroken run (proces %ld) "
                             "verwijderd: %s\n", pid, path);
        } else if (log) {
            fprintf(log, "  kan restant %s niet verwijderen\n", path);
        }
        if (had)
            err_restore(&saved);
        else
            err_clear();
    }
    closedir(d);
}

int run_outdir_lock(const char *outdir, const char *name, FILE *log)
{
    char path[4700];
    snprintf(path, sizeof path, "%s/.%s.lock", outdir, name);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        err_set(ERR_IO, path, 0, NULL,
                "cannot create the lock file of the output folder: %s",
                strerror(errno));
        return -1;
    }
    int waited = 0;
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            err_set(ERR_IO, path, 0, NULL, "cannot lock the output folder: %s",
                    strerror(errno));
            close(fd);
            return -1;
        }
        if (!waited && log)
            fprintf(log, "  wacht tot een andere run naar %s/%s klaar is\n",
                    outdir, name);
        waited = 1;
        if (stop_check() < 0) {
            close(fd);
            return -1;
        }
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    remove_stale(outdir, name, log);
    return fd;
}

void run_outdir_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* releases the flock */
}
