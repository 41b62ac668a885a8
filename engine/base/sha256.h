/* sha256.h - SHA-256 (FIPS 180-4), written from scratch.
 *
 * Used for the run manifest, where outputs and inputs are listed with a
 * digest anyone can check with `sha256sum`. Not used for cache keys (see
 * hash.h for the fast non-cryptographic hash).
 *
 * Streaming: sha256_init, any number of sha256_update, then sha256_final.
 * The context is plain data on the caller's stack; nothing to free.
 */
#ifndef DNW_SHA256_H
#define DNW_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];      /* chaining state */
    uint64_t len;       /* bytes hashed so far */
    uint8_t buf[64];    /* pending partial block */
    size_t nbuf;        /* bytes in buf */
} sha256_ctx;

/* Starts a new digest. Never fails. */
void sha256_init(sha256_ctx *c);

/* Adds len bytes of data (data may be NULL when len is 0). Never fails. */
void sha256_update(sha256_ctx *c, const void *data, size_t len);

/* Finishes the digest into out (32 bytes). The context must be
 * re-initialised before it is used again. Never fails. */
void sha256_final(sha256_ctx *c, uint8_t out[32]);

/* One-shot digest of a buffer. Never fails. */
void sha256_bytes(const void *data, size_t len, uint8_t out[32]);

/* Lowercase hex of a digest into hex (64 chars + NUL). Never fails. */
void sha256_hex(const uint8_t digest[32], char hex[65]);

/* Lowercase hex digest of a file's bytes, as `sha256sum` prints it.
 * Returns 0, or -1 with ERR_IO set when the file cannot be opened or read
 * (hex is then the empty string). */
int sha256_file(const char *path, char hex[65]);

#endif
