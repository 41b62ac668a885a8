/* pngw.c - PNG writer for Cairo image buffers; see pngw.h. */
#include "pngw.h"

#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "bigmem.h"
#include "dfljoin.h"
#include "err.h"
#include "mem.h"
#include "threads.h"

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
    /* PNG's CRC is zlib's CRC-32 (ISO 3309); libdeflate's is vectorised */
    uint32_t crc = libdeflate_crc32(0, head + 4, 4);
    if (len)
        crc = libdeflate_crc32(crc, data, len);
    put_be32(tail, crc);
    if (fwrite(head, 1, 8, f) != 8)
        return -1;
    if (len && fwrite(data, 1, len, f) != len)
        return -1;
    return fwrite(tail, 1, 4, f) == 4 ? 0 : -1;
}

typedef struct {
    const uint8_t *data;
    uint8_t *out; /* where row y0 goes; row y at out + (y - y0) * row length */
    int w, stride, y0, y1;
} filter_job;

/* Converts rows [y0, y1) from native-endian xRGB words to RGB rows with
 * filter type 0 (none). On maps, "none" compresses smaller than "Up" or
 * "Sub" (flat fills repeat at distance 3 anyway) and as fast (measured on
 * the whole-country A4 map: 1.42 MB vs 1.80 MB at the same speed). The
 * output may start at the band's own first input row (pngw_write_inplace):
 * every byte is written at or before input bytes already read, since a row
 * shrinks from 4w to 3w + 1 bytes, and a row's first pixel is read before
 * its filter byte is written over it. */
static void filter_rows(const filter_job *j)
{
    size_t row_len = 1 + 3 * (size_t)j->w;
    for (int y = j->y0; y < j->y1; y++) {
        const uint32_t *src = (const uint32_t *)(j->data + (size_t)y * j->stride);
        uint8_t *o = j->out + (size_t)(y - j->y0) * row_len;
        uint32_t p = src[0];
        *o++ = 0;
        for (int x = 0; x < j->w; x++) {
            if (x)
                p = src[x];
            o[0] = (uint8_t)(p >> 16);
            o[1] = (uint8_t)(p >> 8);
            o[2] = (uint8_t)p;
            o += 3;
        }
    }
}

/* Images up to this many bytes of rows are compressed as one stream (as
 * libdeflate_zlib_compress makes it); larger ones in bands of about this
 * size, one per job. The band count depends on the image only, never on
 * the thread count, so the file is the same for any --jobs. */
#define BAND_BYTES ((size_t)2 << 20)
#define MAX_BANDS 16

/* One band: rows [y0, y1) filtered into out, then compressed as raw
 * deflate into z (zcap bytes; made joinable unless last) with the Adler-32
 * of its rows. With single set, the whole image as one zlib stream. */
typedef struct {
    filter_job rows;
    int level, last, single;
    uint8_t *z;
    size_t zcap, zlen;
    uint32_t adler;
    int failed;
} band_job;

/* Filters and compresses one band (a threads_run job). */
static void *band_run(void *arg)
{
    band_job *j = arg;
    filter_rows(&j->rows);
    size_t row_len = 1 + 3 * (size_t)j->rows.w;
    const uint8_t *in = j->rows.out;
    size_t n = (size_t)(j->rows.y1 - j->rows.y0) * row_len;
    struct libdeflate_compressor *zc = libdeflate_alloc_compressor(j->level);
    if (!zc) {
        j->failed = 1;
        return NULL;
    }
    if (j->single) {
        j->zlen = libdeflate_zlib_compress(zc, in, n, j->z, j->zcap);
    } else {
        j->zlen = libdeflate_deflate_compress(zc, in, n, j->z, j->zcap - 5);
        j->adler = libdeflate_adler32(1, in, n);
        if (j->zlen && !j->last &&
            dfl_make_joinable(j->z, &j->zlen, j->zcap) < 0)
            j->zlen = 0;
    }
    libdeflate_free_compressor(zc);
    j->failed = j->zlen == 0;
    return NULL;
}

/* The Adler-32 of two pieces joined, from theirs and the second's length
 * (zlib's adler32_combine). */
static uint32_t adler_combine(uint32_t a1, uint32_t a2, size_t len2)
{
    const uint32_t base = 65521u;
    uint32_t rem = (uint32_t)(len2 % base);
    uint64_t sum1 = a1 & 0xffff;
    uint64_t sum2 = ((uint64_t)rem * sum1) % base;
    sum1 += (a2 & 0xffff) + base - 1;
    sum2 += ((a1 >> 16) & 0xffff) + ((a2 >> 16) & 0xffff) + base - rem;
    if (sum1 >= base)
        sum1 -= base;
    if (sum1 >= base)
        sum1 -= base;
    if (sum2 >= (uint64_t)base << 1)
        sum2 -= (uint64_t)base << 1;
    if (sum2 >= base)
        sum2 -= base;
    return (uint32_t)(sum1 | sum2 << 16);
}

/* Writes data as IDAT chunks of at most 1 MB. Returns 0 or -1. */
static int write_idat(FILE *f, const uint8_t *data, size_t len)
{
    const size_t chunk = 1u << 20;
    int bad = 0;
    for (size_t off = 0; !bad && off < len; off += chunk)
        bad = write_chunk(f, "IDAT", data + off,
                          len - off < chunk ? len - off : chunk);
    return bad ? -1 : 0;
}

/* Frees the bands' buffers. */
static void bands_free(band_job *jobs, int n)
{
    for (int b = 0; b < n; b++)
        mem_free(jobs[b].z);
}

/* Writes the zlib stream of the bands as IDAT chunks: a zlib header for
 * level, the bands' deflate data, the combined Adler-32 (unless single:
 * then the one band is a whole zlib stream). Returns 0 or -1. */
static int write_bands(FILE *f, const band_job *jobs, int n, int level)
{
    if (jobs[0].single)
        return write_idat(f, jobs[0].z, jobs[0].zlen);
    /* the header libdeflate writes: deflate, 32 KB window, FLEVEL */
    uint8_t head[2] = {0x78, (uint8_t)((level < 2 ? 0 : level < 6 ? 1
                                        : level == 6 ? 2 : 3) << 6)};
    head[1] = (uint8_t)(head[1] + 31 - (head[0] * 256 + head[1]) % 31);
    if (write_chunk(f, "IDAT", head, 2) < 0)
        return -1;
    uint32_t adler = 1;
    for (int b = 0; b < n; b++) {
        if (write_idat(f, jobs[b].z, jobs[b].zlen) < 0)
            return -1;
        size_t rows = (size_t)(jobs[b].rows.y1 - jobs[b].rows.y0);
        adler = adler_combine(adler, jobs[b].adler,
                              rows * (1 + 3 * (size_t)jobs[b].rows.w));
    }
    uint8_t tail[4];
    put_be32(tail, adler);
    return write_chunk(f, "IDAT", tail, 4);
}

/* pngw_write and pngw_write_inplace: with inplace, each band's rows are
 * converted within its own rows of data (which is then garbage) instead of
 * into a second buffer. */
static int write_png(FILE *f, uint8_t *data, int inplace, int w, int h,
                     int stride, double dpi, int level, int nthreads,
                     const char *what)
{
    if (w <= 0 || h <= 0) {
        err_set(ERR_RENDER, what, 0, NULL,
                "cannot write an empty image (%d x %d pixels)", w, h);
        return -1;
    }
    if (nthreads < 1)
        nthreads = 1;
    size_t row_len = 1 + 3 * (size_t)w;
    size_t raw_len = row_len * (size_t)h;
    size_t nb = (raw_len + BAND_BYTES - 1) / BAND_BYTES;
    int nbands = nb > MAX_BANDS ? MAX_BANDS : nb > (size_t)h ? h : (int)nb;
    if (nbands < 1)
        nbands = 1;
    bigmem raw_mem = {0};
    uint8_t *raw = NULL;
    if (!inplace && !(raw = bigmem_alloc(&raw_mem, raw_len, "PNG rows")))
        return -1;

    band_job jobs[MAX_BANDS];
    memset(jobs, 0, sizeof jobs);
    int oom = 0;
    for (int b = 0; b < nbands; b++) {
        band_job *j = &jobs[b];
        int y0 = (int)((long)h * b / nbands), y1 = (int)((long)h * (b + 1) / nbands);
        j->rows = (filter_job){data,
                               inplace ? data + (size_t)y0 * stride
                                       : raw + (size_t)y0 * row_len,
                               w, stride, y0, y1};
        j->level = level;
        j->last = b == nbands - 1;
        j->single = nbands == 1;
        size_t n = (size_t)(j->rows.y1 - j->rows.y0) * row_len;
        /* raw deflate never exceeds the zlib bound; + 5 for the join */
        j->zcap = n + n / 8 + 1024 + 5;
        j->z = mem_alloc(j->zcap);
        oom |= !j->z;
    }
    if (oom) {
        bands_free(jobs, nbands);
        bigmem_free(&raw_mem);
        return err_oom("PNG compression buffers");
    }
    threads_run(band_run, jobs, sizeof *jobs, nbands, nthreads);
    bigmem_free(&raw_mem);
    for (int b = 0; b < nbands; b++)
        if (jobs[b].failed) {
            bands_free(jobs, nbands);
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
    if (!bad)
        bad = write_bands(f, jobs, nbands, level) < 0 ||
              write_chunk(f, "IEND", NULL, 0);
    bands_free(jobs, nbands);
    if (bad) {
        err_set(ERR_IO, what, 0, NULL,
                "could not write the PNG image (disk full or no permission?)");
        return -1;
    }
    return 0;
}

int pngw_write(FILE *f, const uint8_t *data, int w, int h, int stride,
               double dpi, int level, int nthreads, const char *what)
{
    /* not written to: inplace is off */
    return write_png(f, (uint8_t *)(uintptr_t)data, 0, w, h, stride, dpi,
                     level, nthreads, what);
}

int pngw_write_inplace(FILE *f, uint8_t *data, int w, int h, int stride,
                       double dpi, int level, int nthreads, const char *what)
{
    return write_png(f, data, 1, w, h, stride, dpi, level, nthreads, what);
}
