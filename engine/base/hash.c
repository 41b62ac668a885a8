/* hash.c - fast 128-bit content hash; see hash.h. */
#include "hash.h"

#include "err.h"
#include "fsutil.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define P1 0x9E3779B97F4A7C15ull
#define P2 0xC2B2AE3D27D4EB4Full
#define P3 0x165667B19E3779F9ull
#define P4 0xD6E8FEB86659FD93ull

/* Reads a little-endian 64-bit word from any alignment. */
static inline uint64_t load_le64(const uint8_t *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* One lane round: xor the word in, multiply by an odd constant, xorshift. */
static inline uint64_t lane_round(uint64_t v, uint64_t w)
{
    v = (v ^ w) * P1;
    return v ^ (v >> 29);
}

/* Murmur3's 64-bit finaliser: full avalanche of one word. */
static inline uint64_t fmix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB93FE1A85EC9ull;
    x ^= x >> 33;
    return x;
}

/* Runs whole 64-byte stripes of p (n is a multiple of 64) through the lanes.
 * The eight lanes are independent chains, so the CPU overlaps them. */
static void stripes(uint64_t v[8], const uint8_t *p, size_t n)
{
    uint64_t a0 = v[0], a1 = v[1], a2 = v[2], a3 = v[3];
    uint64_t a4 = v[4], a5 = v[5], a6 = v[6], a7 = v[7];
    for (const uint8_t *end = p + n; p < end; p += 64) {
        a0 = lane_round(a0, load_le64(p));
        a1 = lane_round(a1, load_le64(p + 8));
        a2 = lane_round(a2, load_le64(p + 16));
        a3 = lane_round(a3, load_le64(p + 24));
        a4 = lane_round(a4, load_le64(p + 32));
        a5 = lane_round(a5, load_le64(p + 40));
        a6 = lane_round(a6, load_le64(p + 48));
        a7 = lane_round(a7, load_le64(p + 56));
    }
    v[0] = a0; v[1] = a1; v[2] = a2; v[3] = a3;
    v[4] = a4; v[5] = a5; v[6] = a6; v[7] = a7;
}

void hash128_init(hash128_state *s, uint64_t seed)
{
    for (int k = 0; k < 8; k++)
        s->v[k] = fmix64(seed + (uint64_t)(k + 1) * P2) ^ P3;
    s->nbuf = 0;
    s->total = 0;
    s->seed = seed;
}

void hash_block_feed(uint8_t buf[64], size_t *nbuf, const void *data,
                     size_t len, void (*blocks)(void *, const uint8_t *, size_t),
                     void *state)
{
    const uint8_t *p = data;
    if (*nbuf) {
        size_t take = 64 - *nbuf < len ? 64 - *nbuf : len;
        memcpy(buf + *nbuf, p, take);
        *nbuf += take;
        p += take;
        len -= take;
        if (*nbuf < 64)
            return;
        blocks(state, buf, 64);
        *nbuf = 0;
    }
    size_t whole = len & ~(size_t)63;
    if (whole)
        blocks(state, p, whole);
    if (len - whole) {
        memcpy(buf, p + whole, len - whole);
        *nbuf = len - whole;
    }
}

/* hash_block_feed callback: the stripes of the lanes in state. */
static void stripes_cb(void *state, const uint8_t *p, size_t n)
{
    stripes(state, p, n);
}

void hash128_update(hash128_state *s, const void *data, size_t len)
{
    s->total += len;
    hash_block_feed(s->buf, &s->nbuf, data, len, stripes_cb, s->v);
}

void hash128_final(const hash128_state *s, uint8_t out[16])
{
    uint64_t v[8];
    memcpy(v, s->v, sizeof v);
    if (s->nbuf) {
        /* the tail, zero-padded; the length below tells it apart */
        uint8_t last[64] = {0};
        memcpy(last, s->buf, s->nbuf);
        stripes(v, last, 64);
    }
    uint64_t h0 = s->total * P4 ^ s->seed;
    uint64_t h1 = ~s->total * P3 ^ s->seed;
    for (int k = 0; k < 8; k++) {
        uint64_t m = fmix64(v[k] + (uint64_t)k);
        h0 = (h0 ^ m) * P1;
        h0 ^= h0 >> 31;
        h1 = (h1 ^ (m >> 32 | m << 32)) * P2;
        h1 ^= h1 >> 27;
    }
    h0 = fmix64(h0 + h1);
    h1 = fmix64(h1 ^ h0 * P3);
    for (int k = 0; k < 8; k++) {
        out[k] = (uint8_t)(h0 >> (8 * k));
        out[8 + k] = (uint8_t)(h1 >> (8 * k));
    }
}

void hash128_bytes(const void *data, size_t len, uint8_t out[16])
{
    hash128_state s;
    hash128_init(&s, 0);
    hash128_update(&s, data, len);
    hash128_final(&s, out);
}

void hex_encode(const uint8_t *b, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t k = 0; k < n; k++) {
        hex[2 * k] = digits[b[k] >> 4];
        hex[2 * k + 1] = digits[b[k] & 15];
    }
    hex[2 * n] = '\0';
}

void hash128_hex(const uint8_t h[16], char hex[33])
{
    hex_encode(h, 16, hex);
}

/* fs_chunk_fn feeding a hash128_state. */
static void hash_chunk(void *ctx, const unsigned char *p, size_t n)
{
    hash128_update(ctx, p, n);
}

/* Hashes one open regular file into out (fs_read_chunks). Returns 0 or -1
 * with ERR_IO (or ERR_MEMORY) set naming path. */
static int hash_fd(int fd, const char *path, uint8_t out[16])
{
    hash128_state s;
    hash128_init(&s, 0);
    if (fs_read_chunks(fd, path, hash_chunk, &s) < 0)
        return -1;
    hash128_final(&s, out);
    return 0;
}

int hash_file_content(const char *path, uint8_t out[16])
{
    struct stat st;
    int fd = fs_open_regular(path, &st);
    if (fd < 0)
        return -1;
    int rc = hash_fd(fd, path, out);
    close(fd);
    return rc;
}

/* True when path ends in ext (ASCII case-insensitive, ext with the dot). */
static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* Adds one sibling file to the source hash: its canonical tag, then either
 * a presence marker and its content hash, or an absence marker. Tries
 * buf[0..stem)+first, then (when given) +second; buf has room for them.
 * Returns 0 or -1 (ERR_IO set). */
static int add_sibling(hash128_state *s, char *buf, size_t stem,
                       const char *tag, const char *first, const char *second,
                       int (*file_hash)(const char *, uint8_t[16]))
{
    const char *tries[2] = {first, second};
    hash128_update(s, tag, strlen(tag) + 1);
    for (int k = 0; k < 2 && tries[k]; k++) {
        strcpy(buf + stem, tries[k]);
        struct stat st;
        if (stat(buf, &st) != 0)
            continue;
        uint8_t h[16];
        if (file_hash(buf, h) < 0)
            return -1;
        hash128_update(s, "+", 1);
        hash128_update(s, h, 16);
        return 0;
    }
    hash128_update(s, "-", 1);
    return 0;
}

int hash_source_files(const char *path, uint8_t out[16])
{
    return hash_source_files_with(path, out, hash_file_content);
}

int hash_source_files_with(const char *path, uint8_t out[16],
                           int (*file_hash)(const char *, uint8_t[16]))
{
    int shp = has_ext(path, ".shp"), gpkg = has_ext(path, ".gpkg");
    if (!shp && !gpkg)
        return file_hash(path, out);
    uint8_t main_hash[16];
    if (file_hash(path, main_hash) < 0)
        return -1;
    size_t n = strlen(path);
    char *buf = mem_alloc(n + 8);
    if (!buf)
        return err_oom("file name");
    memcpy(buf, path, n + 1);
    hash128_state s;
    hash128_init(&s, 0x5348505346494C45ull); /* "SHPSFILE" */
    hash128_update(&s, shp ? "shp" : "gpkg", shp ? 4 : 5);
    hash128_update(&s, main_hash, 16);
    int rc = 0;
    if (shp) {
        /* the case of ".shp" as written decides which case is tried first */
        int upper = path[n - 3] == 'S';
        static const char *const lower_ext[] = {".dbf", ".shx", ".prj", ".cpg"};
        static const char *const upper_ext[] = {".DBF", ".SHX", ".PRJ", ".CPG"};
        for (int k = 0; k < 4 && rc == 0; k++)
            rc = add_sibling(&s, buf, n - 4, lower_ext[k],
                             upper ? upper_ext[k] : lower_ext[k],
                             upper ? lower_ext[k] : upper_ext[k], file_hash);
    } else {
        rc = add_sibling(&s, buf, n, "-wal", "-wal", NULL, file_hash);
    }
    mem_free(buf);
    if (rc < 0)
        return -1;
    hash128_final(&s, out);
    return 0;
}
