/* test_locate.c - the parts that place contact records: postcode and date
 * parsing, the packed R-tree against brute force, point in polygon on a
 * grid of squares (points on shared edges and vertices go to exactly one
 * square, whatever the ring direction), and counting records and distinct
 * households per unit. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "datep.h"
#include "mem.h"
#include "pip.h"
#include "postcode.h"
#include "recagg.h"
#include "rtree.h"
#include "tbl.h"

static void test_postcodes(void)
{
    static const struct {
        const char *raw;
        const char *want; /* NULL: empty or invalid */
        int32_t special;
    } cases[] = {
        {"1011AB", "1011AB", 0},    {"1011 ab", "1011AB", 0},
        {" 1011AB ", "1011AB", 0},  {"1011ab", "1011AB", 0},
        {"1011  AB", "1011AB", 0},  {"1011", "1011", 0},
        {" 1011 ", "1011", 0},      {"", NULL, PC_EMPTY},
        {"   ", NULL, PC_EMPTY},    {"0123AB", NULL, PC_INVALID},
        {"12AB", NULL, PC_INVALID}, {"1011A", NULL, PC_INVALID},
        {"1011ABC", NULL, PC_INVALID}, {"10 11AB", NULL, PC_INVALID},
        {"AB1011", NULL, PC_INVALID}, {"1011-AB", "1011AB", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        int32_t key = postcode_key(cases[k].raw, strlen(cases[k].raw));
        if (!cases[k].want) {
            CHECK(key == cases[k].special);
            continue;
        }
        char out[8];
        CHECK(key >= 0);
        postcode_format(key, out);
        CHECK_STR(out, cases[k].want);
    }
    int32_t a = postcode_key("1011ZZ", 6), b = postcode_key("1011", 4);
    CHECK(!postcode_is_pc4(a) && postcode_is_pc4(b));
    CHECK(postcode_pc4(a) == b && a < b);
    CHECK(postcode_key("1012AA", 6) > b);
}

static void test_dates(void)
{
    static const struct {
        const char *raw;
        const char *want; /* NULL: not a date */
    } cases[] = {
        {"2024-12-31", "2024-12-31"}, {"31-12-2024", "2024-12-31"},
        {"1-3-2024", "2024-03-01"},   {"01/03/2024", "2024-03-01"},
        {"2024/03/01", "2024-03-01"}, {"31.12.2024", "2024-12-31"},
        {"2024-02-29", "2024-02-29"}, {"2023-02-29", NULL},
        {"2024-13-01", NULL},         {"32-01-2024", NULL},
        {"2024-01-05T10:30:00Z", "2024-01-05"},
        {"05-01-2024 10:30", "2024-01-05"}, {" 2024-01-05 ", "2024-01-05"},
        {"2024-01-05x", NULL},        {"24-01-05", NULL},
        {"energiecoach", NULL},       {"", NULL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        int32_t d = -1;
        int rc = date_parse(cases[k].raw, strlen(cases[k].raw), &d);
        if (!cases[k].want) {
            CHECK(rc < 0);
            continue;
        }
        char out[11];
        CHECK(rc == 0);
        date_format(d, out);
        CHECK_STR(out, cases[k].want);
    }
    int32_t a, b;
    CHECK(date_parse("1970-01-01", 10, &a) == 0 && a == 0);
    CHECK(date_parse("31-12-2024", 10, &a) == 0 &&
          date_parse("2025-01-01", 10, &b) == 0 && b == a + 1);
}

static void test_rtree(void)
{
    enum { N = 2000 };
    double *box = malloc(4 * N * sizeof *box);
    int32_t *id = malloc(N * sizeof *id);
    unsigned s = 12345;
    for (int k = 0; k < N; k++) {
        s = s * 1103515245u + 12345u;
        double x = (double)(s % 1000);
        s = s * 1103515245u + 12345u;
        double y = (double)(s % 1000);
        s = s * 1103515245u + 12345u;
        double w = (double)(s % 60);
        box[4 * k] = x;
        box[4 * k + 1] = y;
        box[4 * k + 2] = x + w;
        box[4 * k + 3] = y + w / 2;
        id[k] = k * 3;
    }
    rtree *t = rtree_build(box, id, N);
    CHECK(t && rtree_size(t) == N);
    int bad = 0;
    int32_t out[N];
    for (int q = 0; q < 500 && t; q++) {
        s = s * 1103515245u + 12345u;
        double x = (double)(s % 1050);
        s = s * 1103515245u + 12345u;
        double y = (double)(s % 1050);
        size_t n = rtree_query_point(t, x, y, out, N);
        size_t want = 0;
        for (int k = 0; k < N; k++)
            if (x >= box[4 * k] && x <= box[4 * k + 2] && y >= box[4 * k + 1] &&
                y <= box[4 * k + 3]) {
                want++;
                int found = 0;
                for (size_t j = 0; j < n && j < N; j++)
                    found |= out[j] == k * 3;
                bad += !found;
            }
        bad += n != want;
        /* a small buffer reports the full count */
        bad += rtree_query_point(t, x, y, out, 1) != want;
    }
    CHECK(bad == 0);
    rtree_free(t);
    rtree *e = rtree_build(box, id, 0);
    CHECK(e && rtree_query_point(e, 1, 1, out, N) == 0);
    rtree_free(e);
    free(box);
    free(id);
}

/* A table of 3 x 3 unit squares (row = 3 j + i), rings clockwise when cw. */
static tbl *grid(int cw)
{
    tbl *t = tbl_new(9);
    double *xy = mem_alloc(9 * 5 * 2 * sizeof *xy);
    uint64_t *row_part = mem_alloc(10 * sizeof *row_part);
    uint64_t *part_ring = mem_alloc(10 * sizeof *part_ring);
    uint64_t *ring_pt = mem_alloc(10 * sizeof *ring_pt);
    for (int r = 0; r < 9; r++) {
        int i = r % 3, j = r / 3;
        double ccw[5][2] = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}, {i, j}};
        for (int k = 0; k < 5; k++) {
            int src = cw ? 4 - k : k;
            xy[(r * 5 + k) * 2] = ccw[src][0];
            xy[(r * 5 + k) * 2 + 1] = ccw[src][1];
        }
        row_part[r] = (uint64_t)r;
        part_ring[r] = (uint64_t)r;
        ring_pt[r] = (uint64_t)r * 5;
    }
    row_part[9] = 9;
    part_ring[9] = 9;
    ring_pt[9] = 45;
    CHECK(tbl_add_geom(t, "geometry", xy, 45, row_part, 9, part_ring, 9,
                       ring_pt, NULL, "EPSG:28992") != NULL);
    return t;
}

static void test_pip(void)
{
    for (int cw = 0; cw < 2; cw++) {
        tbl *t = grid(cw);
        const tbl_col *g = tbl_geom(t);
        pip_index *ix = pip_build(g, 9);
        CHECK(ix != NULL);
        /* every point of a fine lattice, shared edges and vertices
         * included: in at most one square, exactly one inside [0, 3) */
        double xy[2 * 31 * 31];
        int32_t row[31 * 31];
        size_t n = 0;
        for (int a = 0; a <= 30; a++)
            for (int b = 0; b <= 30; b++) {
                xy[2 * n] = a * 0.1 + (a % 10 == 0 ? 0 : 0.0);
                xy[2 * n + 1] = b * 0.1;
                /* exact lattice on the edges */
                if (a % 10 == 0)
                    xy[2 * n] = a / 10;
                if (b % 10 == 0)
                    xy[2 * n + 1] = b / 10;
                n++;
            }
        CHECK(pip_locate(ix, xy, n, row, 1) == 0);
        int bad = 0;
        for (size_t k = 0; k < n; k++) {
            double x = xy[2 * k], y = xy[2 * k + 1];
            int holders = 0;
            for (size_t r = 0; r < 9; r++)
                holders += pip_row_contains(ix, r, x, y);
            int inside = x >= 0 && x < 3 && y >= 0 && y < 3;
            int want = inside ? 3 * (int)y + (int)x : -1;
            bad += holders != inside || row[k] != want;
        }
        CHECK(bad == 0);
        /* a shared vertical edge goes to the square on its right, a
         * horizontal one to the square above, an inner vertex up-right */
        double pts[] = {1, 0.5, 0.5, 1, 1, 1, 2, 2, 3, 1.5, 1.5, 3, -1, -1};
        int32_t want[] = {1, 3, 4, 8, -1, -1, -1}, got[7];
        CHECK(pip_locate(ix, pts, 7, got, 2) == 0);
        for (int k = 0; k < 7; k++)
            CHECK(got[k] == want[k]);
        pip_free(ix);
        tbl_free(t);
    }
}

static void test_recagg(void)
{
    /* records 0..4: units 1, 1, 0, none, 1; households a, a, b, -, none */
    int32_t unit[] = {1, 1, 0, -1, 1};
    int64_t hh[] = {7, 7, 9, 3, 0};
    uint8_t ok[] = {1, 1, 1, 1, 0};
    double rec[3], hhs[3];
    recagg_input in = {.n_rec = 5, .unit = unit, .hh = hh, .hh_ok = ok};
    CHECK(recagg_count(&in, 3, rec, hhs) == 0);
    CHECK(rec[0] == 1 && rec[1] == 3 && rec[2] == 0);
    CHECK(hhs[0] == 1 && hhs[1] == 2 && hhs[2] == 0);
    in.hh = NULL;
    CHECK(recagg_count(&in, 3, rec, hhs) == 0);
    CHECK(hhs[1] == 3);
    /* weighted: record 0 = 0.75 unit 0 + 0.25 unit 1, record 1 the same
     * household in unit 1 with weight 0.5 */
    size_t off[] = {0, 2, 3};
    int32_t pu[] = {0, 1, 1};
    double pw[] = {0.75, 0.25, 0.5};
    int64_t h2[] = {4, 4};
    recagg_input wi = {.n_rec = 2, .off = off, .unit = pu, .w = pw, .hh = h2};
    CHECK(recagg_count(&wi, 2, rec, hhs) == 0);
    CHECK_NEAR(rec[0], 0.75, 1e-12);
    CHECK_NEAR(rec[1], 0.75, 1e-12);
    CHECK_NEAR(hhs[0], 0.75, 1e-12);
    CHECK_NEAR(hhs[1], 0.5, 1e-12);
}

int main(void)
{
    test_postcodes();
    test_dates();
    test_rtree();
    test_pip();
    test_recagg();
    return check_done();
}
