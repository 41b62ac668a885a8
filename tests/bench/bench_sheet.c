/* bench_sheet.c - fact sheet throughput.
 *
 * Synthetic units (8 key figures, 2 bar charts, 2 text boxes, a tiny
 * locator of 56 cells) rendered
 *   - 40 units (a gemeente's buurten) into one combined PDF and as files;
 *   - 3,475 units (every wijk of the country, each dot strip showing all
 *     3,475 values) into one combined PDF, and as per-unit files with 1
 *     and 2 threads.
 * Prints wall seconds, CPU seconds and pages per second (wall) for each.
 * Output goes to $TMPDIR (or /tmp)/dnawijk-bench-sheet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "sheet_fixture.h"
#include "testutil.h"

#define N_COUNTRY 3475

static size_t n_country = N_COUNTRY; /* DNW_BENCH_N may lower it */

/* Prints one measurement line. */
static void report(const char *what, long pages, double wall, double cpu)
{
    printf("%-44s %5ld pages  %7.2f s wall  %7.2f s cpu  %7.0f pages/s\n",
           what, pages, wall, cpu, (double)pages / wall);
}

/* File size in MB, for the report. */
static double file_mb(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    fseek(f, 0, SEEK_END);
    double mb = (double)ftell(f) / 1e6;
    fclose(f);
    return mb;
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[512], path[600], udir[600];
    snprintf(dir, sizeof dir, "%s/dnawijk-bench-sheet", tmp ? tmp : "/tmp");
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0)
        return 1;

    uint8_t *in_area;
    tbl *g = fx_grid(&in_area);
    fx_unit *fx = calloc(N_COUNTRY, sizeof *fx);
    sheet_unit *u = calloc(N_COUNTRY, sizeof *u);
    /* country-wide strips: 3,475 values per figure, shared by all units */
    static double all[8][N_COUNTRY];
    unsigned s = 99;
    for (int f = 0; f < 8; f++)
        for (int i = 0; i < N_COUNTRY; i++)
            all[f][i] = fx_rand(&s) * 100;
    for (size_t k = 0; k < N_COUNTRY; k++) {
        fx_make(&fx[k], &u[k], k, tbl_geom(g), in_area);
        u[k].n_figures = 8;
        u[k].n_charts = 2;
        if (k >= 40)
            for (int f = 0; f < 8; f++) {
                fx[k].fig[f].all = all[f];
                fx[k].fig[f].all_miss = NULL;
                fx[k].fig[f].n_all = N_COUNTRY;
            }
    }
    const char *ne = getenv("DNW_BENCH_N");
    if (ne && atol(ne) > 40 && atol(ne) < N_COUNTRY)
        n_country = (size_t)atol(ne);
    sheet_doc d = fx_doc(NULL);
    double t0, c0;
    long pages;

    /* a gemeente: 40 buurten */
    snprintf(path, sizeof path, "%s/gemeente.pdf", dir);
    t0 = now_s(), c0 = cpu_s();
    if (sheet_render_all(&d, u, 40, NULL, path) != 0)
        goto fail;
    pages = sheet_page_count(&d, u, 40, NULL);
    report("40 units, combined PDF", pages, now_s() - t0, cpu_s() - c0);
    snprintf(udir, sizeof udir, "%s/gemeente", dir);
    t0 = now_s(), c0 = cpu_s();
    if (sheet_render_units(&d, u, 40, udir, 2) != 0)
        goto fail;
    report("40 units, per-unit PDFs, 2 threads", 40, now_s() - t0,
           cpu_s() - c0);

    /* the country: 3,475 wijken */
    snprintf(path, sizeof path, "%s/land.pdf", dir);
    t0 = now_s(), c0 = cpu_s();
    if (sheet_render_all(&d, u, n_country, NULL, path) != 0)
        goto fail;
    double w = now_s() - t0, c = cpu_s() - c0;
    pages = sheet_page_count(&d, u, n_country, NULL);
    char what0[64];
    snprintf(what0, sizeof what0, "%zu units, combined PDF", n_country);
    report(what0, pages, w, c);
    printf("%-44s %.1f MB\n", "  size of the combined PDF", file_mb(path));
    for (int th = 1; th <= 2 && !getenv("DNW_BENCH_COMBINED_ONLY"); th++) {
        snprintf(udir, sizeof udir, "%s/land-%d", dir, th);
        t0 = now_s(), c0 = cpu_s();
        if (sheet_render_units(&d, u, n_country, udir, th) != 0)
            goto fail;
        char what[64];
        snprintf(what, sizeof what, "%zu units, per-unit PDFs, %d thread%s",
                 n_country, th, th > 1 ? "s" : "");
        report(what, (long)n_country, now_s() - t0, cpu_s() - c0);
    }
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0)
        printf("could not remove %s\n", dir);
    free(fx), free(u), free(in_area);
    tbl_free(g);
    return 0;
fail:
    err_print(stderr);
    free(fx), free(u), free(in_area);
    tbl_free(g);
    return 1;
}
