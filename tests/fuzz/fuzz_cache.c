/* fuzz_cache.c - libFuzzer harness of the native cache loader. The input
 * is a cache file image; the harness puts the right magic, version, byte
 * order tag, key and file size into its header and re-seals both
 * checksums (as a hostile writer could), so the fuzzer exercises the
 * structural checks behind them. A loaded table must be safe to walk and
 * to copy with tbl_take (issue 11 item 7). With DNW_FUZZ_SEED_OUT set, the
 * harness first writes a valid image there as a seed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "err.h"
#include "hash.h"
#include "tbl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

enum { HDR = 128, H_FILE_SIZE = 32, H_BODY_SUM = 96, H_HEAD_SUM = 112 };

static char source[512], entry[4096], dir[256];

/* Removes the harness's cache folder at exit. */
static void cleanup(void)
{
    unlink(entry);
    unlink(source);
    rmdir(dir);
}
static uint8_t head[32]; /* magic, version, byte order, key */

/* A small table with every column type, stored once to learn the entry
 * path and header. */
static int make_entry(void)
{
    snprintf(dir, sizeof dir, "/tmp/dnawijk-fuzz-cache-%ld", (long)getpid());
    mkdir(dir, 0700);
    setenv("DNAWIJK_CACHE_DIR", dir, 1);
    snprintf(source, sizeof source, "%s/bron.csv", dir);
    FILE *f = fopen(source, "w");
    if (!f)
        return -1;
    fputs("code;n\nBU1;1\n", f);
    fclose(f);
    tbl *t = tbl_new(3);
    tbl_col *d = t ? tbl_add_col(t, "waarde", COL_DOUBLE) : NULL;
    tbl_col *i = t ? tbl_add_col(t, "aantal", COL_INT64) : NULL;
    tbl_col *s = t ? tbl_add_col(t, "code", COL_STRING) : NULL;
    if (!d || !i || !s)
        return -1;
    d->d[0] = 1.5;
    col_set_missing(d, 3, 1, MISS_SECRET);
    i->i[2] = 7;
    col_set_str(s, 3, 0, "BU00140000", 10);
    col_set_str(s, 3, 2, "WK001400", 8);
    col_finish(s);
    double *xy = malloc(8 * sizeof *xy);
    uint64_t *rp = malloc(4 * sizeof *rp), *pr = malloc(2 * sizeof *pr),
             *rr = malloc(2 * sizeof *rr);
    if (!xy || !rp || !pr || !rr)
        return -1;
    const double sq[8] = {0, 0, 1, 0, 1, 1, 0, 0};
    memcpy(xy, sq, sizeof sq);
    rp[0] = 0, rp[1] = 1, rp[2] = 1, rp[3] = 1;
    pr[0] = 0, pr[1] = 1;
    rr[0] = 0, rr[1] = 4;
    if (!tbl_add_geom(t, "geometry", xy, 4, rp, 1, pr, 1, rr, NULL,
                      "EPSG:28992"))
        return -1;
    int rc = cache_store(source, "fuzz", t);
    tbl_free(t);
    if (rc < 0 || cache_entry_path(source, "fuzz", entry, sizeof entry) < 0)
        return -1;
    f = fopen(entry, "rb");
    if (!f)
        return -1;
    uint8_t img[1 << 16];
    size_t n = fread(img, 1, sizeof img, f);
    fclose(f);
    if (n < HDR)
        return -1;
    memcpy(head, img, sizeof head);
    atexit(cleanup);
    const char *seed = getenv("DNW_FUZZ_SEED_OUT");
    if (seed) {
        char p[4200];
        snprintf(p, sizeof p, "%s/valid.dnwc", seed);
        FILE *o = fopen(p, "wb");
        if (o) {
            fwrite(img, 1, n, o);
            fclose(o);
        }
    }
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (make_entry() < 0) {
        fprintf(stderr, "fuzz_cache: cannot make the cache entry\n");
        abort();
    }
    err_clear();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HDR || size > 1 << 20)
        return 0;
    uint8_t *img = malloc(size);
    if (!img)
        return 0;
    memcpy(img, data, size);
    memcpy(img, head, sizeof head);
    uint64_t fs = size;
    memcpy(img + H_FILE_SIZE, &fs, 8);
    hash128_bytes(img + HDR, size - HDR, img + H_BODY_SUM);
    hash128_bytes(img, H_HEAD_SUM, img + H_HEAD_SUM);
    FILE *f = fopen(entry, "wb");
    if (f) {
        fwrite(img, 1, size, f);
        fclose(f);
    }
    free(img);
    err_clear();
    tbl *t = cache_load(source, "fuzz");
    /* a table without columns may claim any row count (nothing to
     * check it against); copying it is only an allocation of that size */
    if (t && (tbl_ncols(t) > 0 || tbl_nrows(t) <= size)) {
        size_t n = tbl_nrows(t);
        int64_t *idx = malloc((n ? n : 1) * sizeof *idx);
        for (size_t r = 0; idx && r < n; r++)
            idx[r] = (int64_t)r;
        tbl *copy = idx ? tbl_take(t, idx, n) : NULL;
        volatile double acc = 0;
        for (size_t c = 0; copy && c < tbl_ncols(copy); c++) {
            const tbl_col *col = tbl_col_at(copy, c);
            for (size_t r = 0; r < n && col->type != COL_GEOM; r++)
                acc += col->type == COL_STRING ? (col_str(col, r) != NULL)
                                               : col_num(col, r, NULL);
        }
        (void)acc;
        tbl_free(copy);
        free(idx);
    }
    tbl_free(t);
    err_clear();
    return 0;
}
