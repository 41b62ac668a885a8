/* test_tbl.c - unit tests of columnar tables, errors and sentinels. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "err.h"
#include "sentinel.h"
#include "tbl.h"

static void test_strings(void)
{
    tbl *t = tbl_new(5);
    tbl_col *c = tbl_add_col(t, "code", COL_STRING);
    CHECK(c != NULL);
    const char *vals[] = {"WK001400", "BU00140000", "WK001400", NULL, "GM0014"};
    for (size_t r = 0; r < 5; r++)
        if (vals[r])
            CHECK(col_set_str(c, 5, r, vals[r], strlen(vals[r])) == 0);
    CHECK(c->n_dict == 3);
    CHECK(c->codes[0] == c->codes[2]);
    CHECK_STR(col_str(c, 1), "BU00140000");
    CHECK(col_str(c, 3) == NULL);
    CHECK(col_miss(c, 3) == MISS_EMPTY);
    col_finish(c);
    /* interning after finishing rebuilds the index and keeps codes stable */
    CHECK(col_intern(c, "WK001400", 8) == c->codes[0]);
    CHECK(col_intern(c, "new", 3) == 3);
    /* many strings force rehashing */
    tbl_col *m = tbl_add_col(t, "many", COL_STRING);
    char buf[32];
    for (int k = 0; k < 5000; k++) {
        int n = snprintf(buf, sizeof buf, "BU%08d", k);
        CHECK(col_intern(m, buf, (size_t)n) == k);
    }
    CHECK(col_intern(m, "BU00000042", 10) == 42);
    CHECK(tbl_add_col(t, "code", COL_DOUBLE) == NULL); /* duplicate */
    err_clear();
    tbl_free(t);
}

static void test_take_and_missing(void)
{
    tbl *t = tbl_new(3);
    tbl_col *d = tbl_add_col(t, "v", COL_DOUBLE);
    d->d[0] = 1.5;
    d->d[1] = 2.5;
    CHECK(col_set_missing(d, 3, 2, MISS_SECRET) == 0);
    double *xy = malloc(8 * sizeof *xy);
    double pts[] = {0, 0, 1, 0, 1, 1, 0, 0};
    memcpy(xy, pts, sizeof pts);
    uint64_t *row_part = malloc(4 * sizeof *row_part);
    uint64_t rp[] = {0, 1, 1, 1};
    memcpy(row_part, rp, sizeof rp);
    uint64_t *part_ring = malloc(2 * sizeof *part_ring);
    part_ring[0] = 0;
    part_ring[1] = 1;
    uint64_t *ring_pt = malloc(2 * sizeof *ring_pt);
    ring_pt[0] = 0;
    ring_pt[1] = 4;
    tbl_col *g = tbl_add_geom(t, "geom", xy, 4, row_part, 1, part_ring, 1,
                              ring_pt, NULL, "EPSG:28992");
    CHECK(g != NULL);
    CHECK_NEAR(g->bbox[2], 1.0, 0);
    int64_t idx[] = {2, -1, 0};
    tbl *u = tbl_take(t, idx, 3);
    CHECK(u != NULL);
    tbl_col *v = tbl_col_by_name(u, "v");
    CHECK(col_miss(v, 0) == MISS_SECRET);
    CHECK(col_miss(v, 1) == MISS_UNMATCHED);
    CHECK_NEAR(v->d[2], 1.5, 0);
    tbl_col *ug = tbl_geom(u);
    CHECK(ug->row_part[3] - ug->row_part[2] == 1);
    CHECK(ug->row_part[1] == ug->row_part[0]);
    CHECK(ug->n_points == 4);
    size_t counts[MISS_REASON_COUNT];
    col_count_missing(v, 3, counts);
    CHECK(counts[MISS_NONE] == 1 && counts[MISS_SECRET] == 1 &&
          counts[MISS_UNMATCHED] == 1);
    tbl_free(u);
    tbl_free(t);
}

static void test_sentinels(void)
{
    static const struct {
        double v;
        miss_reason want;
    } cases[] = {
        {0, MISS_NONE},          {-5, MISS_NONE},
        {-99989, MISS_NONE},     {-99997, MISS_SECRET},
        {-99995, MISS_NOT_AVAILABLE}, {-99991, MISS_NOT_AVAILABLE},
        {-99990, MISS_SENTINEL}, {-99999997, MISS_SECRET},
        {-9999997, MISS_SECRET}, {-99999998, MISS_NOT_APPLICABLE},
        {-99999999, MISS_UNKNOWN}, {-99999996, MISS_UNKNOWN},
        {-123456789, MISS_SENTINEL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        CHECK(sentinel_reason(cases[k].v) == cases[k].want);
    CHECK(sentinel_text_reason(" . ", 3) == MISS_UNKNOWN);
    CHECK(sentinel_text_reason("x", 1) == MISS_SECRET);
    CHECK(sentinel_text_reason("  ", 2) == MISS_EMPTY);
    CHECK(sentinel_text_reason("-", 1) == MISS_NONE);
    CHECK(sentinel_text_reason("12", 2) == MISS_NONE);
}

static void test_errors(void)
{
    err_clear();
    CHECK(err_get() == NULL);
    err_set(ERR_PARSE, "a.csv", 12, "inwoners", "\"%s\" is not a number", "abc");
    char buf[512];
    err_format(buf, sizeof buf);
    CHECK_STR(buf, "parse error: a.csv:12: column \"inwoners\": \"abc\" is not a number");
    err_set_feature(ERR_GDAL, "w.geojson", 7, NULL, "bad geometry");
    err_format(buf, sizeof buf);
    CHECK_STR(buf, "gdal error: w.geojson: feature 7: bad geometry");
    err_set_pos(ERR_RECIPE, "r.yaml", 3, 5, "unknown key");
    err_prefix("source w");
    err_format(buf, sizeof buf);
    CHECK_STR(buf, "recipe error: r.yaml:3:5: source w: unknown key");
    err_clear();
}

int main(void)
{
    test_strings();
    test_take_and_missing();
    test_sentinels();
    test_errors();
    return check_done();
}
