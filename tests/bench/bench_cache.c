/* bench_cache.c - warm cache load of a table the size of the 2024 wijken
 * file: 3,475 rows, 700,000 points, 30 double and 5 string columns.
 *
 * The cache key is taken from the real wijken_2024.geojson (3.8 MB), so the
 * timed load includes hashing the source, as a real run does. Prints the
 * median of 21 runs of cache_load + tbl_free, and of the parts; before
 * each timed load 64 MB are touched so that the CPU caches are cold, as in
 * a new run (the page cache stays warm).
 * Usage: bench_cache [source-file]
 */
#include "cache.h"
#include "testutil.h"
#include "err.h"
#include "hash.h"
#include "tbl.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define NROWS 3475
#define NPOINTS 700000
#define NDOUBLE 30
#define RUNS 21

/* Builds the synthetic table; exits on OOM. */
static tbl *make_table(void)
{
    tbl *t = tbl_new(NROWS);
    char name[64];
    for (int k = 0; k < NDOUBLE; k++) {
        snprintf(name, sizeof name, "kolom_%02d", k);
        tbl_col *c = tbl_add_col(t, name, COL_DOUBLE);
        for (int r = 0; r < NROWS; r++)
            c->d[r] = r * 1.5 + k;
        if (k % 3 == 0)
            for (int r = 0; r < NROWS; r += 17)
                col_set_missing(c, NROWS, (size_t)r, MISS_SECRET);
    }
    const char *snames[5] = {"WK_CODE", "WK_NAAM", "GM_CODE", "GM_NAAM",
                             "WATER"};
    for (int k = 0; k < 5; k++) {
        tbl_col *c = tbl_add_col(t, snames[k], COL_STRING);
        for (int r = 0; r < NROWS; r++) {
            char v[64];
            int n;
            switch (k) {
            case 0: n = snprintf(v, sizeof v, "WK%06d", r * 7); break;
            case 1: n = snprintf(v, sizeof v, "Wijk %d Centrum-Noord", r); break;
            case 2: n = snprintf(v, sizeof v, "GM%04d", r / 10); break;
            case 3: n = snprintf(v, sizeof v, "Gemeente %d", r / 10); break;
            default: n = snprintf(v, sizeof v, "%s", r % 9 ? "NEE" : "JA");
            }
            col_set_str(c, NROWS, (size_t)r, v, (size_t)n);
        }
        col_finish(c);
    }
    /* geometry: rows of 1-3 parts, parts of 1-2 rings, 700,000 points */
    double *xy = malloc((size_t)NPOINTS * 2 * sizeof *xy);
    uint64_t *row_part = malloc((NROWS + 1) * sizeof *row_part);
    uint64_t *part_ring = malloc((3 * NROWS + 1) * sizeof *part_ring);
    uint64_t *ring_pt = malloc((6 * NROWS + 1) * sizeof *ring_pt);
    if (!xy || !row_part || !part_ring || !ring_pt) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (uint64_t i = 0; i < NPOINTS; i++) {
        xy[2 * i] = 100000.0 + (double)(i % 1000) * 3.25;
        xy[2 * i + 1] = 450000.0 + (double)(i / 1000) * 2.5;
    }
    uint64_t np = 0, nr = 0, nq = 0;
    part_ring[0] = ring_pt[0] = 0;
    for (int r = 0; r < NROWS; r++) {
        row_part[r] = np;
        int parts = 1 + r % 3;
        uint64_t row_end = (uint64_t)NPOINTS * (uint64_t)(r + 1) / NROWS;
        for (int p = 0; p < parts; p++) {
            int rings = 1 + (r + p) % 2;
            for (int g = 0; g < rings; g++) {
                int left = (parts - p) * 2; /* rings still to come, at most */
                uint64_t take = (row_end - nq) / (uint64_t)left;
                if (p == parts - 1 && g == rings - 1)
                    take = row_end - nq;
                nq += take;
                ring_pt[++nr] = nq;
            }
            part_ring[++np] = nr;
        }
    }
    row_part[NROWS] = np;
    if (!tbl_add_geom(t, "geometry", xy, nq, row_part, np, part_ring, nr,
                      ring_pt, NULL, "EPSG:28992")) {
        err_print(stderr);
        exit(1);
    }
    return t;
}

/* Touches 64 MB so the cache file's pages are no longer in the CPU caches,
 * as in a new run (page cache warm, CPU caches cold). */
static void evict_cpu_caches(void)
{
    static volatile uint8_t *junk;
    enum { JUNK = 64 << 20 };
    if (!junk) {
        junk = malloc(JUNK);
        if (!junk)
            return;
    }
    for (size_t i = 0; i < JUNK; i += 64)
        junk[i]++;
}

/* Sums all coordinates (what a renderer or reprojection touches). */
static double sum_xy(const tbl *t)
{
    const tbl_col *g = tbl_geom(t);
    double s = 0;
    for (uint64_t i = 0; i < 2 * g->n_points; i++)
        s += g->xy[i];
    return s;
}

int main(int argc, char **argv)
{
    const char *source =
        argc > 1 ? argv[1]
                 : DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson";
    char dir[] = "/tmp/dnw_bench_cache_XXXXXX";
    if (make_temp_dir(dir) < 0)
        return 1;
    setenv("DNAWIJK_CACHE_DIR", dir, 1);
    unsetenv("DNAWIJK_NO_CACHE");

    tbl *t = make_table();
    double t0 = now_s();
    if (cache_store(source, "bench", t) < 0) {
        err_print(stderr);
        return 1;
    }
    double store = now_s() - t0;
    char path[4096];
    cache_entry_path(source, "bench", path, sizeof path);
    struct stat st;
    stat(path, &st);

    double tl[RUNS], th[RUNS], tt[RUNS], tm[RUNS];
    uint8_t h[16];
    volatile double sink = 0;
    for (int k = 0; k < RUNS; k++) {
        t0 = now_s();
        hash_source_files(source, h);
        th[k] = now_s() - t0;

        evict_cpu_caches();
        t0 = now_s();
        tbl *m = cache_load(source, "bench");
        if (!m) {
            fprintf(stderr, "cache miss in run %d\n", k);
            return 1;
        }
        tbl_free(m);
        tl[k] = now_s() - t0;

        evict_cpu_caches();
        t0 = now_s();
        m = cache_load(source, "bench");
        sink += sum_xy(m);
        tbl_free(m);
        tt[k] = now_s() - t0;

        t0 = now_s();
        sink += sum_xy(t);
        tm[k] = now_s() - t0;
    }
    printf("table: %d rows, %zu columns, %d points; cache file %.1f MB\n",
           NROWS, tbl_ncols(t), NPOINTS, (double)st.st_size / 1e6);
    printf("cache_store (once):                     %7.2f ms\n", store * 1e3);
    printf("hash_source_files(source) median:       %7.2f ms\n",
           median(th, RUNS) * 1e3);
    double med = median(tl, RUNS); /* sorts tl */
    printf("cache_load + tbl_free median of %d:     %7.2f ms (min %.2f, max %.2f)\n",
           RUNS, med * 1e3, tl[0] * 1e3, tl[RUNS - 1] * 1e3);
    printf("load + sum of all xy + free median:     %7.2f ms\n",
           median(tt, RUNS) * 1e3);
    printf("sum of all xy of the heap table median: %7.2f ms\n",
           median(tm, RUNS) * 1e3);
    tbl_free(t);
    rm_rf(dir);
    return 0;
}
