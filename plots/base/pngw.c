/* pngw.c - PNG writer for Cairo image buffers; see pngw.h. */
#include "pngw.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "bigmem.h"
#include "err.h"
#include "mem.h"
#include "threads.h"

/* CRC-32 (ISO 3309) table, built once. */
static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

/* Fills crc_table. */
static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

/* Continues a CRC over len bytes (start with crc = 0). */
static uint32_t crc_update(uint32_t crc, const uint8_t *p, size_t len)
{
    uint32_t c = crc ^ 0xffffffffu;
    for (size_t i = 0; i < len; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

/* Stores v big-endian in 4 bytes. */
static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Writes one chunk (length, type, data, CRC). Returns 0 or -1 (no error
 * set: the caller names the file). */
static int write_chunk(FILE *f, const char type[4], const uint8_t *data,
                       size_t len)
{
    uint8_t head[8], tail[4];
    put_be32(head, (uint32_t)len);
    memcpy(head + 4, type, 4);
    uint32_t crc = crc_update(0, head + 4, 4);
    if (len)
        crc = crc_update(crc, data, len);
    put_be32(tail, crc);
    if (fwrite(head, 1, 8, f) != 8)
        return -1;
    if (len && fwrite(data, 1, len, f) != len)
        return -1;
    return fwrite(tail, 1, 4, f) == 4 ? 0 : -1;
}

typedef struct {
    const uint8_t *data;
    uint8_t *out;
    int w, stride, y0, y1;
} filter_job;

/* Converts rows [y0, y1) from native-endian xRGB words to RGB rows with
 * filter type 0 (none). On maps, "none" compresses smaller than "Up" or
 * "Sub" (flat fills repeat at distance 3 anyway) and as fast (measured on
 * the whole-country A4 map: 1.42 MB vs 1.80 MB at the same speed). */
static void *filter_rows(void *arg)
{
    const filter_job *j = arg;
    size_t row_len = 1 + 3 * (size_t)j->w;
    for (int y = j->y0; y < j->y1; y++) {
        const uint32_t *src = (const uint32_t *)(j->data + (size_t)y * j->stride);
        uint8_t *o = j->out + (size_t)y * row_len;
        *o++ = 0;
        for (int x = 0; x < j->w; x++) {
            uint32_t p = src[x];
            o[0] = (uint8_t)(p >> 16);
            o[1] = (uint8_t)(p >> 8);
            o[2] = (uint8_t)p;
            o += 3;
        }
    }
    return NULL;
}

int pngw_write(FILE *f, const uint8_t *data, int w, int h, int stride,
               double dpi, int level, int nthreads, const char *what)
{
    pthread_once(&crc_once, crc_init);
    if (w <= 0 || h <= 0) {
        err_set(ERR_RENDER, what, 0, NULL,
                "cannot write an empty image (%d x %d pixels)", w, h);
        return -1;
    }
    if (nthreads < 1)
        nthreads = 1;
    if (nthreads > 8)
        nthreads = 8;
    if (nthreads > h)
        nthreads = h;
    size_t row_len = 1 + 3 * (size_t)w;
    size_t raw_len = row_len * (size_t)h;
    bigmem raw_mem;
    uint8_t *raw = bigmem_alloc(&raw_mem, raw_len, "PNG rows");
    if (!raw)
        return -1;

    filter_job jobs[8];
    for (int t = 0; t < nthreads; t++)
        jobs[t] = (filter_job){data, raw, w, stride, (int)((long)h * t / nthreads),
                               (int)((long)h * (t + 1) / nthreads)};
    threads_run(filter_rows, jobs, sizeof *jobs, nthreads, nthreads);

    size_t zlen = 0;
    uint8_t *z = NULL;
    struct libdeflate_compressor *zc = libdeflate_alloc_compressor(level);
    if (zc) {
        size_t bound = libdeflate_zlib_compress_bound(zc, raw_len);
        z = mem_alloc(bound);
        if (z)
            zlen = libdeflate_zlib_compress(zc, raw, raw_len, z, bound);
        libdeflate_free_compressor(zc);
    }
    bigmem_free(&raw_mem);
    if (!z || zlen == 0) {
        mem_free(z);
        err_set(ERR_RENDER, what, 0, NULL,
                "could not compress the PNG image data (out of memory?)");
        return -1;
    }

    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uint8_t ihdr[13], phys[9];
    put_be32(ihdr, (uint32_t)w);
    put_be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;  /* bit depth */
    ihdr[9] = 2;  /* colour type RGB */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* adaptive filtering */
    ihdr[12] = 0; /* no interlace */
    int bad = fwrite(sig, 1, 8, f) != 8 || write_chunk(f, "IHDR", ihdr, 13);
    if (!bad && dpi > 0) {
        uint32_t ppm = (uint32_t)(dpi / 0.0254 + 0.5);
        put_be32(phys, ppm);
        put_be32(phys + 4, ppm);
        phys[8] = 1; /* unit: metre */
        bad = write_chunk(f, "pHYs", phys, 9);
    }
    const size_t chunk = 1u << 20;
    for (size_t off = 0; !bad && off < zlen; off += chunk)
        bad = write_chunk(f, "IDAT", z + off, zlen - off < chunk ? zlen - off : chunk);
    if (!bad)
        bad = write_chunk(f, "IEND", NULL, 0);
    mem_free(z);
    if (bad) {
        err_set(ERR_IO, what, 0, NULL,
                "could not write the PNG image (disk full or no permission?)");
        return -1;
    }
    return 0;
}
