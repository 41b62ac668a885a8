/* bench_read_vector.c - how fast the vector reader reads the whole-country
 * wijken 2024 GeoJSON (3,475 wijken, 132,210 points) and reprojects it to RD
 * New, comparing:
 *   - bulk:         flat coordinate array transformed at once by PROJ
 *                   (proj_trans_generic, each distinct point once, two
 *                   threads for large arrays) - what in_ogr_read does;
 *   - per-geometry: OGR_G_Transform on every feature while reading;
 *   - no reprojection (target_crs "" keeps WGS84), for the parsing share.
 * Prints the median of 7 runs of each (wall clock and process CPU time; the
 * machine may be shared, CPU time shows the work done) and the very first
 * read in the process, which also pays GDAL's driver registration and
 * PROJ's database set-up. A second part times reproj_apply alone on
 * 132,210 and 1,000,000 distinct points with one and with two threads.
 *
 * Usage: bench_read_vector [file.geojson]
 */
#include "err.h"
#include "testutil.h"
#include "in_ogr.h"
#include "reproj.h"
#include "srcopt.h"
#include "tbl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 7

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Times one read; returns wall seconds (CPU seconds of the process in
 * *cpu when non-NULL), or -1 on failure (error printed). */
static double time_read(const char *file, const src_options *opt, int mode,
                        size_t *rows, double *cpu)
{
    double t0 = now_s(), c0 = cpu_now();
    tbl *t = in_ogr_read_mode(file, NULL, opt, mode);
    double dt = now_s() - t0;
    if (cpu)
        *cpu = cpu_now() - c0;
    if (!t) {
        err_print(stderr);
        return -1;
    }
    *rows = tbl_nrows(t);
    tbl_free(t);
    return dt;
}

static int bench_mode(const char *label, const char *file,
                      const src_options *opt, int mode)
{
    double v[RUNS], c[RUNS];
    size_t rows = 0;
    for (int k = 0; k < RUNS; k++)
        if ((v[k] = time_read(file, opt, mode, &rows, &c[k])) < 0)
            return -1;
    double first = v[0];
    printf("%-34s median %.3f s wall, %.3f s CPU  (first %.3f s, %zu "
           "rows)\n",
           label, median(v, RUNS), median(c, RUNS), first, rows);
    return 0;
}

/* reproj_apply alone on n synthetic lon/lat points over the Netherlands. */
static int bench_reproj(size_t n)
{
    double *xy = malloc(n * 2 * sizeof *xy);
    double *work = malloc(n * 2 * sizeof *work);
    reproj *r = reproj_new("EPSG:4326", "EPSG:28992");
    if (!xy || !work || !r) {
        err_print(stderr);
        free(xy);
        free(work);
        reproj_free(r);
        return -1;
    }
    for (size_t k = 0; k < n; k++) {
        xy[2 * k] = 3.4 + 3.8 * (double)(k % 1000) / 1000.0;
        xy[2 * k + 1] = 50.8 + 2.7 * (double)(k / 1000 % 1000) / 1000.0;
    }
    for (int threads = 1; threads <= 2; threads++) {
        reproj_set_threads(r, threads);
        double v[RUNS], c[RUNS];
        for (int k = 0; k < RUNS; k++) {
            memcpy(work, xy, n * 2 * sizeof *xy);
            double t0 = now_s(), c0 = cpu_now();
            reproj_apply(r, work, n);
            v[k] = now_s() - t0;
            c[k] = cpu_now() - c0;
        }
        printf("reproj_apply %7zu points, %d thread%s median %.3f s wall, "
               "%.3f s CPU\n",
               n, threads, threads == 1 ? ": " : "s:", median(v, RUNS),
               median(c, RUNS));
    }
    reproj_free(r);
    free(xy);
    free(work);
    return 0;
}

int main(int argc, char **argv)
{
    const char *file =
        argc > 1 ? argv[1]
                 : DNW_SHARED_DATA
        "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson";
    src_options rd, keep;
    src_options_init(&rd); /* target NULL = EPSG:28992 */
    src_options_init(&keep);
    keep.target_crs = "";

    size_t rows = 0;
    double cold = time_read(file, &rd, 0, &rows, NULL);
    if (cold < 0)
        return 1;
    printf("%s\n", file);
    printf("%-34s %.3f s  (%zu rows)\n", "first read in this process (bulk)",
           cold, rows);
    if (bench_mode("bulk reprojection to RD New", file, &rd, 0) < 0 ||
        bench_mode("per-geometry OGR_G_Transform", file, &rd, 1) < 0 ||
        bench_mode("no reprojection (keep WGS84)", file, &keep, 0) < 0)
        return 1;
    if (bench_reproj(132210) < 0 || bench_reproj(1000000) < 0)
        return 1;
    return 0;
}
