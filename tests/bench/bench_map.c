/* bench_map.c - whole-country choropleth of the 3,475 wijken of 2024 at A4,
 * 300 dpi, with legend: median of 5 runs of map_render() (render + write
 * PNG), the fastest run, and peak memory (ru_maxrss). Also times one PDF and
 * one SVG. Usage: bench_map [output-folder [png]] (default: /tmp; "png":
 * skip PDF and SVG, for profiling).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "err.h"
#include "testutil.h"
#include "geo_fixture.h"
#include "map.h"

#define RUNS 5

/* CPU seconds (user + system, all threads) used by the process so far. */
static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* Size of a file in bytes, or -1. */
static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    const char *sc[] = {"wijkcode", NULL};
    const char *nc[] = {"bevolkingsdichtheid", NULL};
    double t0 = now_s();
    tbl *t = fx_load(DNW_SHARED_DATA
                     "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson",
                     NULL, sc, nc);
    if (!t)
        return 1;
    size_t n = tbl_nrows(t);
    printf("loaded %zu wijken, %llu points in %.3f s\n", n,
           (unsigned long long)tbl_geom(t)->n_points, now_s() - t0);
    int *entry;
    map_legend_entry leg[6];
    char lb[6][64];
    map_spec sp = fx_density_spec(t, &entry, leg, lb);
    sp.title = "Bevolkingsdichtheid per wijk, Nederland";
    sp.subtitle = "Inwoners per km², 2024, kwintielen";
    sp.provenance = "dnawijk bench";
    sp.dpi = 300;

    char path[4096];
    snprintf(path, sizeof path, "%s/bench_map_nl.png", dir);
    double times[RUNS], cpu[RUNS];
    for (int i = 0; i < RUNS; i++) {
        double a = now_s(), c = cpu_now();
        if (map_render(&sp, path, MAP_PNG) < 0) {
            err_print(stderr);
            return 1;
        }
        times[i] = now_s() - a;
        cpu[i] = cpu_now() - c;
    }
    qsort(times, RUNS, sizeof *times, cmp_double);
    qsort(cpu, RUNS, sizeof *cpu, cmp_double);
    printf("A4 300 dpi PNG (2480x3508): median %.3f s, fastest %.3f s, "
           "slowest %.3f s, %ld bytes\n",
           times[RUNS / 2], times[0], times[RUNS - 1], file_size(path));
    printf("  CPU time per run (all threads): median %.3f s\n", cpu[RUNS / 2]);
    static const struct {
        map_format f;
        const char *ext;
    } vec[2] = {{MAP_PDF, "pdf"}, {MAP_SVG, "svg"}};
    int vec_n = argc > 2 && strcmp(argv[2], "png") == 0 ? 0 : 2;
    for (int v = 0; v < vec_n; v++) {
        snprintf(path, sizeof path, "%s/bench_map_nl.%s", dir, vec[v].ext);
        double a = now_s();
        if (map_render(&sp, path, vec[v].f) < 0) {
            err_print(stderr);
            return 1;
        }
        printf("A4 %s: %.3f s, %ld bytes\n", vec[v].ext, now_s() - a,
               file_size(path));
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory (ru_maxrss): %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(entry);
    tbl_free(t);
    return 0;
}
