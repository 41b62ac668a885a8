/* bench_read.c - reading wijken_2024.geojson (3,475 wijken, WGS84) with
 * reprojection to RD New through src_read: cold (GDAL + PROJ, cache off)
 * and warm (memory-mapped from the native cache). Prints medians. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "src.h"
#include "tbl.h"
#include "testutil.h"

static double median_read(const char *path, int no_cache, int runs)
{
    double t[32];
    src_options opt;
    src_options_init(&opt);
    opt.no_cache = no_cache;
    for (int k = 0; k < runs; k++) {
        double t0 = now_s();
        tbl *tb = src_read(path, &opt);
        t[k] = now_s() - t0;
        if (!tb) {
            err_print(stderr);
            exit(1);
        }
        tbl_free(tb);
    }
    qsort(t, (size_t)runs, sizeof t[0], cmp_double);
    return t[runs / 2];
}

int main(void)
{
    char dir[] = "/tmp/dnawijk-bench-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    setenv("DNAWIJK_CACHE_DIR", dir, 1);
    const char *path = DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson";
    /* a first read warms GDAL's driver registration and the OS page cache */
    median_read(path, 1, 1);
    double cold = median_read(path, 1, 7);
    median_read(path, 0, 1); /* writes the cache entry */
    double warm = median_read(path, 0, 21);
    printf("read wijken_2024.geojson -> EPSG:28992, 3,475 rows\n");
    printf("  cold (GDAL/OGR + PROJ bulk), median of 7:  %.4f s\n", cold);
    printf("  warm (native cache, mmap),  median of 21: %.4f s\n", warm);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return 0;
}
