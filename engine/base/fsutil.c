/* fsutil.c - file-system helpers; see fsutil.h. */
#include "fsutil.h"

#include "err.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int fs_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int fs_remove_tree(const char *path)
{
    if (!fs_exists(path))
        return 0;
    if (nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0) {
        err_set(ERR_IO, path, 0, NULL, "cannot remove the folder: %s",
                strerror(errno));
        return -1;
    }
    return 0;
}

int fs_replace_dir(const char *staged, const char *final_dir)
{
    char old[4096];
    snprintf(old, sizeof old, "%s.old-%ld", final_dir, (long)getpid());
    if (mem_fault_write_due()) { /* injected by a fault test */
        err_set(ERR_IO, final_dir, 0, NULL,
                "cannot move the new results into place: %s", strerror(EIO));
        return -1;
    }
    int had_old = fs_exists(final_dir);
    if (had_old && rename(final_dir, old) != 0) {
        err_set(ERR_IO, final_dir, 0, NULL,
                "cannot move the previous results aside: %s", strerror(errno));
        return -1;
    }
    if (rename(staged, final_dir) != 0) {
        int e = errno;
        if (had_old)
            rename(old, final_dir);
        err_set(ERR_IO, final_dir, 0, NULL,
                "cannot move the new results into place: %s", strerror(e));
        return -1;
    }
    if (had_old) {
        err_freeze(); /* the new results are in place; a leftover is harmless */
        fs_remove_tree(old);
        err_thaw_discard();
    }
    return 0;
}

char *fs_read_all(fs_reader rd, void *src, size_t cap, const char *what,
                  size_t *len)
{
    size_t n = 0;
    char *buf = mem_alloc(cap);
    if (!buf) {
        err_oom(what);
        return NULL;
    }
    for (;;) {
        if (n + 1 >= cap && mem_grow(&buf, &cap, cap + 1, 1, what) < 0) {
            mem_free(buf);
            return NULL;
        }
        long got = rd(src, buf + n, cap - n - 1);
        if (got < 0) {
            mem_free(buf);
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int fs_read_chunks(int fd, const char *path, fs_chunk_fn fn, void *ctx)
{
    enum { CHUNK = 1 << 18 };
    unsigned char *buf = mem_alloc(CHUNK);
    if (!buf)
        return err_oom("file hashing buffer");
    off_t off = 0;
    for (;;) {
        ssize_t n = pread(fd, buf, CHUNK, off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err_set(ERR_IO, path, 0, NULL, "Cannot read the file: %s.",
                    strerror(errno));
            mem_free(buf);
            return -1;
        }
        if (n == 0)
            break;
        fn(ctx, buf, (size_t)n);
        off += n;
    }
    mem_free(buf);
    return 0;
}

int fs_open_regular(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err_set(ERR_IO, path, 0, NULL, "Cannot open the file: %s.",
                strerror(errno));
        return -1;
    }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        err_set(ERR_IO, path, 0, NULL, "Expected a regular file, but it is a "
                "folder or a special file, or cannot be examined.");
        close(fd);
        return -1;
    }
    return fd;
}
