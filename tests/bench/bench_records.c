/* bench_records.c - locating contact records:
 *   1. 1,000,000 synthetic points inside the whole-country 2014 buurt
 *      polygons (11,691 buurten, read from TopoJSON and reprojected to RD
 *      New) joined to their buurten through the packed R-tree and the exact
 *      point-in-polygon test (pip.c): index build + locate, in RD New, and
 *      with the points given in WGS84 (bulk PROJ transform included);
 *   2. 1,000,000 postcodes written as people write them, normalised and
 *      looked up in Amsterdam's per-address postcode table (146,647 rows),
 *      each to the buurt with most addresses.
 * Prints medians and peak memory. Writes the RD points and the rows found to
 * $DNW_BENCH_DIR (default /tmp) for tests/bench/bench_sjoin.py, which runs
 * geopandas' sjoin on the same points and compares. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "err.h"
#include "mem.h"
#include "pclookup.h"
#include "pip.h"
#include "postcode.h"
#include "reproj.h"
#include "src.h"
#include "tbl.h"
#include "testutil.h"

#define NPTS 1000000

static long peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

static uint64_t rng = 88172645463325252ull;

static void die(void)
{
    err_print(stderr);
    exit(1);
}

/* Area of the outer ring of row r's first part (shoelace, absolute). */
static double row_area(const tbl_col *g, size_t r)
{
    if (g->row_part[r] == g->row_part[r + 1])
        return 0;
    uint64_t ring = g->part_ring[g->row_part[r]];
    double a = 0;
    for (uint64_t k = g->ring_pt[ring]; k + 1 < g->ring_pt[ring + 1]; k++)
        a += g->xy[2 * k] * g->xy[2 * k + 3] - g->xy[2 * k + 2] * g->xy[2 * k + 1];
    return fabs(a) / 2;
}

static void bench_points(const char *dir)
{
    const char *path = DNW_SHARED_DATA
        "/cbs_gebiedsindelingen_2014/Buurt_2014_layer_q1e3.json";
    src_options opt;
    src_options_init(&opt);
    opt.no_cache = 1;
    tbl *t = src_read(path, &opt);
    if (!t)
        die();
    const tbl_col *g = tbl_geom(t);
    size_t n = tbl_nrows(t);
    pip_index *ix = pip_build(g, n);
    if (!ix)
        die();
    /* polygons with area, drawn in proportion to nothing: uniformly */
    size_t *good = malloc(n * sizeof *good), ng = 0;
    for (size_t r = 0; r < n; r++)
        if (row_area(g, r) > 1.0)
            good[ng++] = r;
    double *xy = malloc(2 * NPTS * sizeof *xy);
    int32_t *row = malloc(NPTS * sizeof *row);
    for (size_t k = 0; k < NPTS;) {
        size_t r = good[(size_t)(xorshift_uniform(&rng) * (double)ng) % ng];
        const double *b = g->bbox + 4 * r;
        double x = b[0] + xorshift_uniform(&rng) * (b[2] - b[0]);
        double y = b[1] + xorshift_uniform(&rng) * (b[3] - b[1]);
        if (pip_row_contains(ix, r, x, y)) {
            xy[2 * k] = x;
            xy[2 * k + 1] = y;
            k++;
        }
    }
    pip_free(ix);
    long before = peak_mb();
    double tb[7], tl[7], tc[7];
    for (int run = 0; run < 7; run++) {
        double t0 = now_s(), c0 = cpu_s();
        ix = pip_build(g, n);
        double t1 = now_s();
        if (!ix || pip_locate(ix, xy, NPTS, row, 2) < 0)
            die();
        double t2 = now_s();
        tb[run] = t1 - t0;
        tl[run] = t2 - t0;
        tc[run] = cpu_s() - c0;
        if (run < 6)
            pip_free(ix);
    }
    size_t hit = 0;
    for (size_t k = 0; k < NPTS; k++)
        hit += row[k] >= 0;
    double t1run[3], c1run[3];
    double *ll = malloc(2 * NPTS * sizeof *ll);
    reproj *to_ll = reproj_new("EPSG:28992", "EPSG:4326");
    reproj *to_rd = reproj_new("EPSG:4326", "EPSG:28992");
    if (!to_ll || !to_rd)
        die();
    int32_t *row2 = malloc(NPTS * sizeof *row2);
    for (int run = 0; run < 3; run++) {
        memcpy(ll, xy, 2 * NPTS * sizeof *ll);
        reproj_apply_raw(to_ll, ll, NPTS, NULL);
        double t0 = now_s(), c0 = cpu_s();
        reproj_apply_raw(to_rd, ll, NPTS, NULL);
        if (pip_locate(ix, ll, NPTS, row2, 2) < 0)
            die();
        t1run[run] = now_s() - t0;
        c1run[run] = cpu_s() - c0;
    }
    size_t same = 0;
    for (size_t k = 0; k < NPTS; k++)
        same += row2[k] == row[k];
    printf("1,000,000 points in %zu buurten 2014 (RD New), 2 threads\n", n);
    printf("  index build (packed STR R-tree over %llu parts), median of 7: "
           "%.4f s\n", (unsigned long long)g->n_parts, median(tb, 7));
    printf("  build + locate, median of 7:                %.4f s wall, "
           "%.4f s CPU (%zu located)\n", median(tl, 7), median(tc, 7), hit);
    printf("  from WGS84: PROJ transform + locate, median of 3: %.4f s wall, "
           "%.4f s CPU (%zu of 1,000,000 in the same buurt as from RD)\n",
           median(t1run, 3), median(c1run, 3), same);
    printf("  peak RSS %ld MB (%ld MB before the joins; points %.0f MB)\n",
           peak_mb(), before, 2.0 * NPTS * 8 / 1e6);
    char file[4200];
    snprintf(file, sizeof file, "%s/dnawijk_bench_points.bin", dir);
    FILE *f = fopen(file, "wb");
    if (f) {
        fwrite(xy, sizeof *xy, 2 * NPTS, f);
        fclose(f);
    }
    snprintf(file, sizeof file, "%s/dnawijk_bench_codes.txt", dir);
    f = fopen(file, "w");
    if (f) {
        const tbl_col *code = tbl_col_by_name(t, "statcode");
        for (size_t k = 0; k < NPTS; k++)
            fprintf(f, "%s\n", row[k] >= 0 && code ? col_str(code, (size_t)row[k])
                                                   : "");
        fclose(f);
    }
    reproj_free(to_ll);
    reproj_free(to_rd);
    pip_free(ix);
    free(good);
    free(xy);
    free(ll);
    free(row);
    free(row2);
    tbl_free(t);
}

static void bench_postcodes(void)
{
    const char *path = DNW_SHARED_DATA "/amsterdam_buurten_pc6/pc6_to_buurt.csv";
    double tload[5];
    pclookup *L = NULL;
    for (int run = 0; run < 5; run++) {
        double t0 = now_s();
        if (L)
            pclookup_free(L);
        L = pclookup_load(path, NULL, "postcode6", "cbs_code", NULL);
        if (!L)
            die();
        tload[run] = now_s() - t0;
    }
    /* 1,000,000 postcodes from the table, written in four ways */
    size_t nk = pclookup_nkeys(L);
    char (*pcs)[12] = malloc(NPTS * sizeof *pcs);
    for (size_t k = 0; k < NPTS; k++) {
        int32_t key;
        do
            key = pclookup_key_at(L, (size_t)(xorshift_uniform(&rng) * (double)nk) % nk);
        while (postcode_is_pc4(key));
        char c[8];
        postcode_format(key, c);
        switch (k % 4) {
        case 0: snprintf(pcs[k], 12, "%s", c); break;
        case 1: snprintf(pcs[k], 12, "%.4s %c%c", c, c[4] | 0x20, c[5] | 0x20); break;
        case 2: snprintf(pcs[k], 12, " %s ", c); break;
        default: snprintf(pcs[k], 12, "%.4s %s", c, c + 4); break;
        }
    }
    int32_t *unit = malloc(NPTS * sizeof *unit);
    double tl[7], tc[7];
    size_t found = 0;
    for (int run = 0; run < 7; run++) {
        double t0 = now_s(), c0 = cpu_s();
        found = 0;
        for (size_t k = 0; k < NPTS; k++) {
            int32_t key = postcode_key(pcs[k], strlen(pcs[k]));
            const int32_t *codes;
            const double *w;
            size_t m = key >= 0 ? pclookup_find(L, key, &codes, &w) : 0;
            int32_t best = -1;
            double bw = -1;
            for (size_t j = 0; j < m; j++)
                if (w[j] > bw)
                    bw = w[j], best = codes[j];
            unit[k] = best;
            found += best >= 0;
        }
        tl[run] = now_s() - t0;
        tc[run] = cpu_s() - c0;
    }
    printf("1,000,000 postcodes through Amsterdam's postcode table "
           "(146,647 address rows)\n");
    printf("  reading the table, median of 5:              %.4f s\n",
           median(tload, 5));
    printf("  normalise + look up + majority, median of 7: %.4f s wall, %.4f s "
           "CPU (%zu found)\n", median(tl, 7), median(tc, 7), found);
    free(pcs);
    free(unit);
    pclookup_free(L);
}

int main(void)
{
    const char *dir = getenv("DNW_BENCH_DIR");
    bench_points(dir && *dir ? dir : "/tmp");
    bench_postcodes();
    return 0;
}
