/* hash.h - a fast 128-bit non-cryptographic hash, for cache keys.
 *
 * Eight independent 64-bit lanes each take one 8-byte little-endian word per
 * 64-byte stripe with a multiply-xorshift round; the lanes are avalanched
 * and folded into two 64-bit halves together with the length. Every round
 * is a bijection of the lane state for a fixed word and of the word for a
 * fixed state, so a change confined to one word can never cancel out. It
 * runs at memory speed (many GB/s) and is NOT collision resistant against
 * an adversary: use sha256.h where that matters (the run manifest).
 *
 * The value is defined on the bytes, independent of how a stream is split
 * into hash128_update calls, and independent of the host's byte order.
 */
#ifndef DNW_HASH_H
#define DNW_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t v[8];     /* lane states */
    uint8_t buf[64];   /* pending partial stripe */
    size_t nbuf;       /* bytes in buf */
    uint64_t total;    /* bytes hashed so far */
    uint64_t seed;
} hash128_state;

/* Starts a streaming hash with a seed (0 is fine). Never fails. */
void hash128_init(hash128_state *s, uint64_t seed);

/* Adds len bytes (data may be NULL when len is 0). Never fails. */
void hash128_update(hash128_state *s, const void *data, size_t len);

/* Writes the 128-bit hash of everything added so far into out. The state is
 * not changed, so more data may follow. Never fails. */
void hash128_final(const hash128_state *s, uint8_t out[16]);

/* The buffering of a streaming hash over 64-byte blocks (hash128,
 * sha256): feeds len bytes of data, completing the partial block buf
 * (*nbuf bytes) first; whole blocks go to blocks(state, p, n) with n a
 * multiple of 64, and the rest stays in buf. Never fails. */
void hash_block_feed(uint8_t buf[64], size_t *nbuf, const void *data,
                     size_t len, void (*blocks)(void *, const uint8_t *, size_t),
                     void *state);

/* One-shot hash of a buffer with seed 0. Never fails. */
void hash128_bytes(const void *data, size_t len, uint8_t out[16]);

/* Lowercase hex of n bytes into hex (2 * n chars + NUL). Never fails. */
void hex_encode(const uint8_t *b, size_t n, char *hex);

/* Lowercase hex of a 128-bit hash (32 chars + NUL). Never fails. */
void hash128_hex(const uint8_t h[16], char hex[33]);

/* Hashes the bytes of one file (read in chunks; an empty file is fine).
 * Returns 0, or -1 with ERR_IO set when the file cannot be opened, mapped
 * or is not a regular file. */
int hash_file_content(const char *path, uint8_t out[16]);

/* The content hash of a data source as a reader sees it: the file itself,
 * plus, for a shapefile (.shp), the sibling .dbf, .shx, .prj and .cpg files
 * that exist (same base name; the extension's case is tried as written,
 * then the other case), and for a GeoPackage (.gpkg) its "-wal" file when
 * present. Whether a sibling exists is part of the hash, so adding or
 * removing a .prj changes it. Returns 0, or -1 with ERR_IO set when a file
 * that exists cannot be read. */
int hash_source_files(const char *path, uint8_t out[16]);

/* hash_source_files with file_hash (same contract as hash_file_content,
 * which it must equal) hashing each file: the native cache passes one that
 * remembers digests by file identity (engine/io/fmemo.h). */
int hash_source_files_with(const char *path, uint8_t out[16],
                           int (*file_hash)(const char *, uint8_t[16]));

#endif
