/* test_pngw.c - the PNG writer, also with its image split into bands
 * compressed on several threads: the file is decoded here with its own
 * chunk walk and CRC-32 (bit by bit, not pngw's table) and libdeflate's
 * zlib decompressor (which checks the joined deflate stream and the
 * combined Adler-32), and every pixel is compared with the source buffer.
 * The bytes must not depend on the thread count. */
#include "check.h"
#include "pngw.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>

/* CRC-32 bit by bit. */
static uint32_t crc_bits(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* pngw_write into memory; *len bytes, malloc'ed. */
static uint8_t *write_png(const uint32_t *px, int w, int h, int threads, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    int rc = pngw_write(f, (const uint8_t *)px, w, h, w * 4, 300, 3, threads, "test");
    fclose(f);
    CHECK(rc == 0);
    return (uint8_t *)buf;
}

/* Decodes png and compares with px; returns the number of IDAT chunks or
 * -1 on any mismatch. */
static int decode_compare(const uint8_t *png, size_t len, const uint32_t *px, int w, int h)
{
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (len < 8 || memcmp(png, sig, 8) != 0)
        return -1;
    size_t p = 8, zl = 0;
    uint8_t *z = malloc(len);
    int n_idat = 0, ended = 0;
    while (p + 12 <= len && !ended) {
        uint32_t n = be32(png + p);
        if (p + 12 + n > len)
            break;
        if (crc_bits(png + p + 4, 4 + n) != be32(png + p + 8 + n)) {
            free(z);
            return -1;
        }
        if (!memcmp(png + p + 4, "IHDR", 4) &&
            ((int)be32(png + p + 8) != w || (int)be32(png + p + 12) != h)) {
            free(z);
            return -1;
        }
        if (!memcmp(png + p + 4, "IDAT", 4)) {
            memcpy(z + zl, png + p + 8, n);
            zl += n;
            n_idat++;
        }
        ended = !memcmp(png + p + 4, "IEND", 4);
        p += 12 + n;
    }
    size_t row = 1 + 3 * (size_t)w, raw_len = row * (size_t)h, got = 0;
    uint8_t *raw = malloc(raw_len);
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    enum libdeflate_result r = libdeflate_zlib_decompress(d, z, zl, raw, raw_len, &got);
    libdeflate_free_decompressor(d);
    int ok = ended && p == len && r == LIBDEFLATE_SUCCESS && got == raw_len;
    for (int y = 0; ok && y < h; y++) {
        const uint8_t *o = raw + (size_t)y * row;
        ok = o[0] == 0;
        for (int x = 0; ok && x < w; x++) {
            uint32_t v = px[(size_t)y * w + x];
            ok = o[1 + 3 * x] == (uint8_t)(v >> 16) && o[2 + 3 * x] == (uint8_t)(v >> 8) &&
                 o[3 + 3 * x] == (uint8_t)v;
        }
    }
    free(raw);
    free(z);
    return ok ? n_idat : -1;
}

/* A map-like image: flat polygons of a few colours with white lines, some
 * noise (kind 1: all noise, which deflate stores uncompressed). */
static uint32_t *make_image(int w, int h, int kind)
{
    uint32_t *px = malloc((size_t)w * h * 4);
    uint64_t s = 0x9E3779B97F4A7C15ull ^ (uint64_t)(w * 31 + h + kind);
    static const uint32_t pal[5] = {0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494};
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            uint32_t v;
            if (kind == 1)
                v = (uint32_t)s & 0xffffff;
            else if ((x + 2 * y) % 97 == 0 || (3 * x - y) % 151 == 0)
                v = 0xffffff;
            else if (s % 5000 == 0)
                v = (uint32_t)(s >> 20) & 0xffffff;
            else
                v = pal[((x / 173) * 7 + (y / 211) * 3) % 5];
            px[(size_t)y * w + x] = 0xff000000u | v;
        }
    return px;
}

int main(void)
{
    struct { int w, h, kind, bands; } cases[] = {
        {2480, 3508, 0, 1}, /* A4 at 300 dpi: 7 bands */
        {1500, 1500, 1, 1}, /* noise: stored blocks, 2 bands */
        {120, 80, 0, 0},    /* one stream */
        {3000, 1, 1, 0},    /* one row */
        {1, 2000, 0, 0},    /* one column */
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int w = cases[c].w, h = cases[c].h;
        uint32_t *px = make_image(w, h, cases[c].kind);
        size_t l1, l3;
        uint8_t *p1 = write_png(px, w, h, 1, &l1);
        uint8_t *p3 = write_png(px, w, h, 3, &l3);
        int n_idat = decode_compare(p1, l1, px, w, h);
        CHECK(n_idat > 0);
        /* bands write one IDAT per band at least, plus header and checksum */
        CHECK(cases[c].bands ? n_idat >= 4 : n_idat >= 1);
        CHECK(l1 == l3 && memcmp(p1, p3, l1) == 0);
        /* converted in place, on 1 and 3 threads: the same file, and the
         * pixels decode (checked against a copy, the buffer is consumed) */
        for (int t = 1; t <= 3; t += 2) {
            uint32_t *work = malloc((size_t)w * h * 4);
            memcpy(work, px, (size_t)w * h * 4);
            char *buf = NULL;
            size_t li = 0;
            FILE *f = open_memstream(&buf, &li);
            CHECK(pngw_write_inplace(f, (uint8_t *)work, w, h, w * 4, 300, 3, t,
                                     "test") == 0);
            fclose(f);
            CHECK(li == l1 && memcmp(buf, p1, l1) == 0);
            CHECK(decode_compare((const uint8_t *)buf, li, px, w, h) > 0);
            free(buf);
            free(work);
        }
        free(p1);
        free(p3);
        free(px);
    }
    return check_done();
}
