/* atomic.c - all-or-nothing file output; see atomic.h. */
#include "atomic.h"

#include "err.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct atomic_file {
    FILE *f;
    int flags;
    char *final_path;
    char *temp_path;
    int err; /* errno of the first failed atomic_write, 0 = none */
};

/* Distinguishes temporary files of several writers in one process. */
static atomic_uint temp_counter;

int mkdir_p(const char *dir)
{
    if (!dir || !*dir)
        return 0;
    struct stat st0;
    if (stat(dir, &st0) == 0 && S_ISDIR(st0.st_mode))
        return 0; /* the common case: nothing to create */
    size_t n = strlen(dir);
    char *buf = mem_alloc(n + 1);
    if (!buf)
        return err_oom("folder name");
    memcpy(buf, dir, n + 1);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    /* walk the components left to right; p points at each '/' (or the end) */
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(buf, 0777) != 0) {
            /* an existing folder is fine, whatever mkdir said about it */
            int e = errno;
            struct stat st;
            if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
                if (e == EEXIST)
                    err_set(ERR_IO, buf, 0, NULL, "Cannot create the folder: "
                            "a file with this name exists; remove or rename "
                            "it.");
                else
                    err_set(ERR_IO, buf, 0, NULL, "Cannot create the folder: "
                            "%s.", strerror(e));
                mem_free(buf);
                return -1;
            }
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    mem_free(buf);
    return 0;
}

/* Creates the parent folder of path (everything before the last '/').
 * Returns 0 or -1 (ERR_IO set). */
static int mkdir_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return 0;
    size_t n = (size_t)(slash - path);
    char *dir = mem_alloc(n + 1);
    if (!dir)
        return err_oom("folder name");
    memcpy(dir, path, n);
    dir[n] = '\0';
    int rc = mkdir_p(dir);
    mem_free(dir);
    return rc;
}

/* Frees the handle's memory (not the stream). */
static void af_free(atomic_file *af)
{
    mem_free(af->final_path);
    mem_free(af->temp_path);
    mem_free(af);
}

FILE *atomic_open(const char *final_path, atomic_file **afp)
{
    return atomic_open_ex(final_path, 0, afp);
}

FILE *atomic_open_ex(const char *final_path, int flags, atomic_file **afp)
{
    *afp = NULL;
    if (!(flags & ATOMIC_NO_MKDIR) && mkdir_parent(final_path) < 0)
        return NULL;
    atomic_file *af = mem_calloc(1, sizeof *af);
    size_t n = strlen(final_path);
    size_t cap = n + 64;
    if (af) {
        af->final_path = mem_strdup(final_path);
        af->temp_path = mem_alloc(cap);
    }
    if (!af || !af->final_path || !af->temp_path) {
        if (af)
            af_free(af);
        err_oom("output file name");
        return NULL;
    }
    af->flags = flags;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        unsigned k = atomic_fetch_add(&temp_counter, 1);
        snprintf(af->temp_path, cap, "%s.tmp.%ld.%u", final_path,
                 (long)getpid(), k);
        fd = open(af->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                  0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        err_set(ERR_IO, final_path, 0, NULL, "Cannot create a temporary file "
                "beside the output: %s.", strerror(errno));
        af_free(af);
        return NULL;
    }
    af->f = fdopen(fd, "wb");
    if (!af->f) {
        err_set(ERR_IO, final_path, 0, NULL, "Cannot open the temporary "
                "output file: %s.", strerror(errno));
        close(fd);
        unlink(af->temp_path);
        af_free(af);
        return NULL;
    }
    *afp = af;
    return af->f;
}

/* Fsyncs the folder holding path so a rename survives a crash; failures are
 * ignored (some file systems refuse to fsync a folder). */
static void sync_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (!slash)
        strcpy(dir, ".");
    else if (slash == path)
        strcpy(dir, "/");
    else if ((size_t)(slash - path) < sizeof dir) {
        memcpy(dir, path, (size_t)(slash - path));
        dir[slash - path] = '\0';
    } else
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int atomic_commit(atomic_file *af)
{
    if (!af)
        return -1;
    const char *what = NULL;
    int e = 0;
    if (mem_fault_write_due()) {
        what = err_tr("write"); /* injected by a fault test: a full disk */
        e = ENOSPC;
    } else if (af->err || ferror(af->f)) {
        what = err_tr("write");
        e = af->err ? af->err : EIO; /* the write's own errno when known */
    } else if (fflush(af->f) != 0) {
        what = err_tr("write");
        e = errno;
    } else if (!(af->flags & ATOMIC_NO_SYNC) && fsync(fileno(af->f)) != 0 &&
               errno != EINVAL) {
        what = err_tr("flush to disk");
        e = errno;
    }
    if (fclose(af->f) != 0 && !what) {
        what = err_tr("close");
        e = errno;
    }
    af->f = NULL;
    if (!what && rename(af->temp_path, af->final_path) != 0) {
        what = err_tr("move into place");
        e = errno;
    }
    if (what) {
        err_set(ERR_IO, af->final_path, 0, NULL, "Cannot %s the output file: "
                "%s; the earlier file (if any) was left as it was.", what,
                atomic_errtext(e));
        unlink(af->temp_path);
        af_free(af);
        return -1;
    }
    if (!(af->flags & ATOMIC_NO_SYNC))
        sync_parent(af->final_path);
    af_free(af);
    return 0;
}

void atomic_abort(atomic_file *af)
{
    if (!af)
        return;
    if (af->f)
        fclose(af->f);
    unlink(af->temp_path);
    af_free(af);
}

const char *atomic_temp_path(const atomic_file *af)
{
    return af ? af->temp_path : NULL;
}

int atomic_write(atomic_file *af, const void *data, size_t len)
{
    if (af->err)
        return -1;
    if (mem_fault_write_due()) { /* injected by a fault test: a full disk */
        af->err = ENOSPC;
        return -1;
    }
    errno = 0;
    if (fwrite(data, 1, len, af->f) != len || ferror(af->f)) {
        af->err = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

int atomic_errno(const atomic_file *af)
{
    return af ? af->err : 0;
}

const char *atomic_errtext(int e)
{
    if (e == ENOSPC)
        return err_tr("the disk is full (No space left on device)");
#ifdef EDQUOT
    if (e == EDQUOT)
        return err_tr("the disk quota is used up (Disk quota exceeded)");
#endif
    return strerror(e);
}
