/* test_roundtrip.c - writers and readers in pairs (as PostGIS pairs lwout_wkt and lwin_wkt):
 * what out_csv and out_gpkg write, in_csv and in_ogr read back to the same
 * values, the same missing rows and the same geometry. The CSV is the Dutch
 * Excel dialect (BOM, ';', decimal comma) without float noise, so its
 * numbers come back to 15 significant digits; the GeoPackage's exactly.
 *
 * The table is built here by hand, with the values that break writers:
 * numbers that need all 17 digits (0.1 + 0.2), very small and very large
 * magnitudes, the largest integer a double holds exactly (2^53 - 1; the
 * CSV reader reads numbers as doubles), text with the CSV
 * delimiters, quotes, line breaks and accents, missing values of several
 * reasons in number and text columns, and a polygon with a hole beside a
 * multipolygon and a row without geometry. Each number column has its
 * reason column (`<name>_reden`), whose words must come back too. Numbers at or below -99990 are
 * CBS sentinels to every reader (DESIGN.md), so the values stay above.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "in_csv.h"
#include "in_ogr.h"
#include "mem.h"
#include "out.h"
#include "tbl.h"

#define NROWS 6

static const double dvals[NROWS] = {0.1 + 0.2, -1234.567891, 1e300,
                                    6.02214076e-23, -0.0, 41.699999999999996};
static const miss_reason dmiss[NROWS] = {MISS_NONE, MISS_NONE, MISS_SECRET,
                                         MISS_NONE, MISS_NONE, MISS_NONE};
static const int64_t ivals[NROWS] = {0, -1, 9007199254740991LL, 42,
                                     -99989, 7};
static const miss_reason imiss[NROWS] = {MISS_NONE, MISS_NONE, MISS_NONE,
                                         MISS_SUPPRESSED, MISS_NONE, MISS_NONE};
static const char *codes[NROWS] = {"BU03630000", "BU0363AA01", "WK001400",
                                   "GM0014", "BU00140000", "BU19800101"};
static const char *names[NROWS] = {"Chassébuurt", "a;b,c", "say \"hi\"",
                                   "twee\nregels", NULL, "  spaties  "};

/* Builds the test table (with geometry when geom is set). */
static tbl *make_table(int geom)
{
    tbl *t = tbl_new(NROWS);
    tbl_col *code = tbl_add_col(t, "code", COL_STRING);
    tbl_col *name = tbl_add_col(t, "naam", COL_STRING);
    tbl_col *d = tbl_add_col(t, "waarde", COL_DOUBLE);
    tbl_col *i = tbl_add_col(t, "aantal", COL_INT64);
    for (size_t r = 0; r < NROWS; r++) {
        col_set_str(code, NROWS, r, codes[r], strlen(codes[r]));
        if (names[r])
            col_set_str(name, NROWS, r, names[r], strlen(names[r]));
        d->d[r] = dvals[r];
        if (dmiss[r])
            col_set_missing(d, NROWS, r, dmiss[r]);
        i->i[r] = ivals[r];
        if (imiss[r])
            col_set_missing(i, NROWS, r, imiss[r]);
    }
    col_finish(code);
    col_finish(name);
    if (!geom)
        return t;
    /* row 0: square with a square hole; row 1: two triangles; row 2: none;
     * rows 3-5: small squares at RD coordinates with decimals. */
    static const double pts[][2] = {
        {0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0},          /* outer */
        {25, 25}, {25, 75}, {75, 75}, {75, 25}, {25, 25},        /* hole */
        {200, 0}, {300, 0}, {250, 50}, {200, 0},                 /* part 1 */
        {400, 0}, {500, 0}, {450, 50}, {400, 0},                 /* part 2 */
        {121000.125, 487000.5}, {121010.25, 487000.5}, {121010.25, 487010.75},
        {121000.125, 487000.5},
        {122000, 488000}, {122001, 488000}, {122001, 488001}, {122000, 488000},
        {123000, 489000}, {123002, 489000}, {123002, 489002}, {123000, 489000}};
    size_t npt = sizeof pts / sizeof pts[0];
    double *xy = mem_alloc(npt * 2 * sizeof *xy);
    for (size_t k = 0; k < npt; k++) {
        xy[2 * k] = pts[k][0];
        xy[2 * k + 1] = pts[k][1];
    }
    /* rings: outer(5) hole(5) t1(4) t2(4) s3(4) s4(4) s5(4) */
    static const uint64_t ring_pt[] = {0, 5, 10, 14, 18, 22, 26, 30};
    /* parts: p0 = rings 0-1, p1 = ring 2, p2 = ring 3, p3..p5 = rings 4..6 */
    static const uint64_t part_ring[] = {0, 2, 3, 4, 5, 6, 7};
    /* rows: r0 = part 0, r1 = parts 1-2, r2 = none, r3..r5 = parts 3..5 */
    static const uint64_t row_part[] = {0, 1, 3, 3, 4, 5, 6};
    uint64_t *rp = mem_alloc(sizeof row_part), *pr = mem_alloc(sizeof part_ring),
             *rpt = mem_alloc(sizeof ring_pt);
    memcpy(rp, row_part, sizeof row_part);
    memcpy(pr, part_ring, sizeof part_ring);
    memcpy(rpt, ring_pt, sizeof ring_pt);
    tbl_add_geom(t, "geom", xy, npt, rp, 6, pr, 7, rpt, NULL, "EPSG:28992");
    return t;
}

/* The writers' view of t: every column as it is (see out.h). */
/* The words the reason columns write, one per miss_reason (the run takes
 * them from present.c; any distinct words do here). */
static const char *const reason_words[MISS_REASON_COUNT] = {
    [MISS_SECRET] = "geheim", [MISS_SUPPRESSED] = "te weinig woningen"};

/* The writers' view of table t: its four columns, then the reason columns
 * of the two number columns ("waarde_reden", "aantal_reden"). */
static out_table view_of(const tbl *t, const char *name, out_column cols[6])
{
    static const char *const names_[6] = {"code", "naam", "waarde", "aantal",
                                          "waarde_reden", "aantal_reden"};
    for (int k = 0; k < 6; k++) {
        const char *of = k < 4 ? names_[k] : names_[k - 2];
        cols[k] = (out_column){.name = names_[k],
                               .kind = k < 2 ? OUT_TEXT : k < 4 ? OUT_NUMBER : OUT_REASON,
                               .col = tbl_col_by_name(t, of),
                               .decimals = -1,
                               .reasons = k < 4 ? NULL : reason_words};
    }
    return (out_table){.name = name, .cols = cols, .n_cols = 6,
                       .n_rows = tbl_nrows(t), .geom = tbl_geom(t)};
}

/* Checks that reason column `name` of b says reason_words[why[r]] on every
 * missing row and nothing (empty or missing) on the others. */
static void compare_reasons(const tbl *b, const char *name,
                            const miss_reason why[NROWS])
{
    const tbl_col *c = tbl_col_by_name(b, name);
    CHECK(c != NULL);
    if (!c)
        return;
    for (size_t r = 0; r < NROWS; r++) {
        const char *got = col_miss(c, r) ? NULL : col_str(c, r);
        if (why[r])
            CHECK_STR(got ? got : "(leeg)", reason_words[why[r]]);
        else
            CHECK(got == NULL || *got == '\0');
    }
}

/* Compares the non-geometry columns of a table read back with the original:
 * same names, same values (exactly, or to 15 significant digits when not
 * exact), missing where the original was. */
static void compare_values(const tbl *a, const tbl *b, int exact)
{
    CHECK(tbl_nrows(b) == NROWS);
    if (tbl_nrows(b) != NROWS)
        return;
    const tbl_col *code = tbl_col_by_name(b, "code");
    const tbl_col *name = tbl_col_by_name(b, "naam");
    const tbl_col *d = tbl_col_by_name(b, "waarde");
    const tbl_col *i = tbl_col_by_name(b, "aantal");
    CHECK(code && name && d && i);
    if (!code || !name || !d || !i)
        return;
    CHECK(code->type == COL_STRING && name->type == COL_STRING);
    for (size_t r = 0; r < NROWS; r++) {
        CHECK_STR(col_str(code, r), codes[r]);
        if (names[r]) {
            /* the CSV reader trims cells; a GeoPackage keeps them */
            const char *got = col_str(name, r);
            CHECK(got && (strcmp(got, names[r]) == 0 ||
                          strcmp(got, "spaties") == 0));
        } else {
            CHECK(col_miss(name, r) != MISS_NONE);
        }
        miss_reason why;
        double v = col_num(d, r, &why);
        if (dmiss[r]) {
            CHECK(why != MISS_NONE);
        } else {
            CHECK(why == MISS_NONE);
            /* -0 may come back as 0: the same number */
            CHECK(exact ? v == dvals[r]
                        : fabs(v - dvals[r]) <= 1e-14 * fabs(dvals[r]));
        }
        if (imiss[r]) {
            CHECK(col_miss(i, r) != MISS_NONE);
        } else if (i->type == COL_INT64) {
            CHECK(col_miss(i, r) == MISS_NONE && i->i[r] == ivals[r]);
        } else {
            /* a reader may widen to double; then only exact doubles count */
            CHECK(col_miss(i, r) == MISS_NONE);
            CHECK(i->d[r] == (double)ivals[r]);
        }
    }
    /* the missing reasons come back as the words the writer was given */
    compare_reasons(b, "waarde_reden", dmiss);
    compare_reasons(b, "aantal_reden", imiss);
    (void)a;
}

/* Entry ia of the offset array oa and entry ib of ob: their first offsets
 * in *a0 and *b0 and the length of a's span in *len. Checks that both spans
 * have the same length and returns 1 when they do. */
static int same_span(const uint64_t *oa, uint64_t ia, const uint64_t *ob,
                     uint64_t ib, uint64_t *a0, uint64_t *b0, uint64_t *len)
{
    *a0 = oa[ia];
    *b0 = ob[ib];
    *len = oa[ia + 1] - *a0;
    CHECK(*len == ob[ib + 1] - *b0);
    return *len == ob[ib + 1] - *b0;
}

/* Compares the geometry column of b with a's, coordinate by coordinate:
 * parts per row, rings per part, points per ring, then the points. */
static void compare_geometry(const tbl *a, const tbl *b)
{
    const tbl_col *ga = tbl_geom(a), *gb = tbl_geom(b);
    CHECK(gb != NULL);
    if (!gb)
        return;
    for (size_t r = 0; r < NROWS; r++) {
        uint64_t pa0, pb0, np;
        if (!same_span(ga->row_part, r, gb->row_part, r, &pa0, &pb0, &np))
            continue;
        for (uint64_t p = 0; p < np; p++) {
            uint64_t ra0, rb0, nr;
            if (!same_span(ga->part_ring, pa0 + p, gb->part_ring, pb0 + p,
                           &ra0, &rb0, &nr))
                continue;
            for (uint64_t k = 0; k < nr; k++) {
                uint64_t a0, b0, npt;
                if (!same_span(ga->ring_pt, ra0 + k, gb->ring_pt, rb0 + k,
                               &a0, &b0, &npt))
                    continue;
                int same = 1;
                for (uint64_t q = 0; q < npt; q++)
                    same &= ga->xy[2 * (a0 + q)] == gb->xy[2 * (b0 + q)] &&
                            ga->xy[2 * (a0 + q) + 1] == gb->xy[2 * (b0 + q) + 1];
                CHECK(same);
            }
        }
    }
}

int main(void)
{
    char dir[] = "/tmp/dnw-roundtrip-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char csv[256], gpkg[256];
    snprintf(csv, sizeof csv, "%s/t.csv", dir);
    snprintf(gpkg, sizeof gpkg, "%s/t.gpkg", dir);

    /* CSV: shortest exact numbers, then read back. */
    tbl *t = make_table(0);
    out_column cols[6];
    out_table view = view_of(t, "t", cols);
    CHECK(out_csv(&view, csv, OUT_DIALECT_NL) == 0);
    src_options opt;
    src_options_init(&opt);
    opt.no_cache = 1;
    tbl *back = in_csv_read(csv, &opt);
    CHECK(back != NULL);
    if (back)
        compare_values(t, back, 0);
    tbl_free(back);
    tbl_free(t);

    /* GeoPackage: values, missing rows and geometry. */
    t = make_table(1);
    view = view_of(t, "buurten", cols);
    CHECK(out_gpkg(gpkg, &view, 1, NULL, 0) == 0);
    opt.target_crs = "";
    back = in_ogr_read(gpkg, "buurten", &opt);
    CHECK(back != NULL);
    if (back) {
        compare_values(t, back, 1);
        compare_geometry(t, back);
    }
    tbl_free(back);

    tbl_free(t);

    if (!getenv("KEEP")) unlink(csv);
    unlink(gpkg);
    rmdir(dir);
    return check_done();
}
