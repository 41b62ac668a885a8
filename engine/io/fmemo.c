/* fmemo.c - file digests remembered by identity; see fmemo.h. */
#include "fmemo.h"

#include "atomic.h"
#include "cache.h"
#include "err.h"
#include "fsutil.h"
#include "hash.h"
#include "mem.h"
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MEMO_MAGIC "DNWFMEMO"
#define MEMO_VERSION 1u
#define MEMO_SIZE 128u
#define RACY_NS 2000000000ll /* files changed this recently are not kept */

/* Byte offsets in a memo file. */
enum {
    M_MAGIC = 0, M_VERSION = 8, M_IDENT = 16, /* 5 x 8 bytes */
    M_H128 = 56, M_SHA = 72, M_SUM = 112
};

/* The identity of an open file: device, inode, size, mtime and ctime in
 * nanoseconds, as 40 bytes. */
static void identity(const struct stat *st, uint8_t id[40])
{
    uint64_t v[5] = {
        (uint64_t)st->st_dev, (uint64_t)st->st_ino, (uint64_t)st->st_size,
        (uint64_t)st->st_mtim.tv_sec * 1000000000ull +
            (uint64_t)st->st_mtim.tv_nsec,
        (uint64_t)st->st_ctim.tv_sec * 1000000000ull +
            (uint64_t)st->st_ctim.tv_nsec};
    memcpy(id, v, sizeof v);
}

/* The memo file of identity id into buf. Returns 0, or -1 when there is no
 * cache dir or the name does not fit (no error set). */
static int memo_path(const uint8_t id[40], char *buf, size_t size)
{
    err_freeze();
    int rc = cache_dir_path(buf, size);
    err_thaw_discard();
    if (rc < 0)
        return -1;
    uint8_t h[16];
    hash128_state s;
    hash128_init(&s, 0x444E5746494D454Dull); /* "DNWFIMEM" */
    hash128_update(&s, id, 40);
    hash128_final(&s, h);
    char hex[33];
    hash128_hex(h, hex);
    size_t n = strlen(buf);
    int m = snprintf(buf + n, size - n, "/%s.dnwf", hex);
    return m < 0 || (size_t)m >= size - n ? -1 : 0;
}

/* Reads the memo of id into h128/sha (32 raw bytes). Returns 1 when a
 * valid memo was found, 0 otherwise. */
static int memo_read(const uint8_t id[40], uint8_t h128[16], uint8_t sha[32])
{
    char path[4096];
    if (memo_path(id, path, sizeof path) < 0)
        return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    uint8_t m[MEMO_SIZE + 1];
    ssize_t got = read(fd, m, sizeof m);
    close(fd);
    uint32_t version;
    memcpy(&version, m + M_VERSION, 4);
    if (got != (ssize_t)MEMO_SIZE || memcmp(m + M_MAGIC, MEMO_MAGIC, 8) != 0 ||
        version != MEMO_VERSION || memcmp(m + M_IDENT, id, 40) != 0)
        return 0;
    uint8_t sum[16];
    hash128_bytes(m, M_SUM, sum);
    if (memcmp(sum, m + M_SUM, 16) != 0)
        return 0;
    memcpy(h128, m + M_H128, 16);
    memcpy(sha, m + M_SHA, 32);
    return 1;
}

/* Writes the memo of id; failures only cost speed (errors discarded). */
static void memo_write(const uint8_t id[40], const uint8_t h128[16],
                       const uint8_t sha[32])
{
    char path[4096];
    if (memo_path(id, path, sizeof path) < 0)
        return;
    uint8_t m[MEMO_SIZE];
    memset(m, 0, sizeof m);
    memcpy(m + M_MAGIC, MEMO_MAGIC, 8);
    uint32_t version = MEMO_VERSION;
    memcpy(m + M_VERSION, &version, 4);
    memcpy(m + M_IDENT, id, 40);
    memcpy(m + M_H128, h128, 16);
    memcpy(m + M_SHA, sha, 32);
    hash128_bytes(m, M_SUM, m + M_SUM);
    err_freeze();
    atomic_file *af;
    FILE *f = atomic_open_ex(path, ATOMIC_NO_SYNC, &af);
    if (f) {
        if (fwrite(m, 1, sizeof m, f) == sizeof m && fflush(f) == 0)
            atomic_commit(af);
        else
            atomic_abort(af);
    }
    err_thaw_discard();
}

/* True when the file changed less than RACY_NS ago (or the clock cannot
 * be read): its memo could miss a change within the same clock tick. */
static int racy(const struct stat *st)
{
    struct timespec now;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return 1;
    long long t = (long long)now.tv_sec * 1000000000ll + now.tv_nsec;
    long long mt = (long long)st->st_mtim.tv_sec * 1000000000ll +
                   st->st_mtim.tv_nsec;
    long long ct = (long long)st->st_ctim.tv_sec * 1000000000ll +
                   st->st_ctim.tv_nsec;
    return t - mt < RACY_NS || t - ct < RACY_NS;
}

/* The running digests of digest_fd. */
typedef struct {
    hash128_state hs;
    sha256_ctx sc;
    int sha; /* SHA-256 wanted too */
} digests;

/* fs_chunk_fn feeding the digests. */
static void digest_chunk(void *ctx, const unsigned char *p, size_t n)
{
    digests *d = ctx;
    hash128_update(&d->hs, p, n);
    if (d->sha)
        sha256_update(&d->sc, p, n);
}

/* Reads the open file fd (path for messages) once, feeding the 128-bit hash
 * and, when sha is given, SHA-256. Returns 0 or -1 with ERR_IO/ERR_MEMORY
 * set. */
static int digest_fd(int fd, const char *path, uint8_t h128[16],
                     uint8_t *sha)
{
    digests d;
    hash128_init(&d.hs, 0);
    sha256_init(&d.sc);
    d.sha = sha != NULL;
    if (fs_read_chunks(fd, path, digest_chunk, &d) < 0)
        return -1;
    hash128_final(&d.hs, h128);
    if (sha)
        sha256_final(&d.sc, sha);
    return 0;
}

int fmemo_digests(const char *path, uint8_t h128[16], char sha256[65])
{
    struct stat st;
    int fd = fs_open_regular(path, &st);
    if (fd < 0)
        return -1;
    uint8_t id[40], h[16], sha[32];
    identity(&st, id);
    int use_memo = !cache_disabled();
    if (use_memo && memo_read(id, h, sha)) {
        close(fd);
    } else {
        /* SHA-256 costs more than the 128-bit hash: skip it when it is
         * neither wanted now nor kept for later */
        int keep = use_memo && !racy(&st);
        int rc = digest_fd(fd, path, h, sha256 || keep ? sha : NULL);
        struct stat after;
        uint8_t id2[40];
        if (rc == 0 && keep && fstat(fd, &after) == 0) {
            identity(&after, id2);
            if (memcmp(id, id2, 40) == 0) /* not changed while read */
                memo_write(id, h, sha);
        }
        close(fd);
        if (rc < 0)
            return -1;
    }
    if (h128)
        memcpy(h128, h, 16);
    if (sha256)
        sha256_hex(sha, sha256);
    return 0;
}

int fmemo_hash128(const char *path, uint8_t h128[16])
{
    return fmemo_digests(path, h128, NULL);
}
