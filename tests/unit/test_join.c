/* test_join.c - key index and joins at the same, coarser and finer level. */
#include <string.h>

#include "check.h"
#include "join.h"

static tbl *codes_table(const char *const *codes, size_t n)
{
    tbl *t = tbl_new(n);
    tbl_col *c = tbl_add_col(t, "code", COL_STRING);
    for (size_t r = 0; r < n; r++)
        if (codes[r])
            col_set_str(c, n, r, codes[r], strlen(codes[r]));
    return t;
}

static void test_keyidx(void)
{
    const char *codes[] = {"WK001400  ", "wk001401", "GM0014", "Totaal",
                           NULL, "WK001400"};
    tbl *t = codes_table(codes, 6);
    keyidx_stats st;
    keyidx *ix = keyidx_build(tbl_col_at(t, 0), 6, KEY_INVALID, NULL, &st);
    CHECK(ix != NULL);
    CHECK(st.per_level[KEY_WIJK] == 3);
    CHECK(st.per_level[KEY_GEMEENTE] == 1);
    CHECK(st.invalid == 1);
    CHECK(st.missing == 1);
    CHECK(st.duplicates == 1);
    CHECK_STR(st.dup_examples[0], "WK001400");
    CHECK(st.normalised == 2);
    CHECK(st.main_level == KEY_WIJK);
    CHECK(keyidx_find(ix, "WK001400") == 0);
    CHECK(keyidx_find(ix, "WK001401") == 1);
    CHECK(keyidx_find(ix, "GM0014") == 2);
    CHECK(keyidx_find(ix, "WK001402") == -1);
    keyidx_free(ix);
    tbl_free(t);
    /* integer codes that lost their zeros */
    tbl *ti = tbl_new(2);
    tbl_col *ci = tbl_add_col(ti, "gemeentecode", COL_INT64);
    ci->i[0] = 14;
    ci->i[1] = 363;
    ix = keyidx_build(ci, 2, KEY_GEMEENTE, NULL, &st);
    CHECK(keyidx_find(ix, "GM0363") == 1);
    CHECK(st.normalised == 2);
    keyidx_free(ix);
    tbl_free(ti);
}

/* Bare numbers read at the level the column name or the digit count says. */
static void test_keyidx_infer(void)
{
    /* brt2022.csv: buurtcode2022 140000 = BU00140000 */
    const char *brt[] = {"140000", "3630000", "14920101"};
    tbl *t = tbl_new(3);
    tbl_col *c = tbl_add_col(t, "buurtcode2022", COL_STRING);
    for (size_t r = 0; r < 3; r++)
        col_set_str(c, 3, r, brt[r], strlen(brt[r]));
    keyidx_stats st;
    keyidx *ix = keyidx_build(c, 3, KEY_INVALID, NULL, &st);
    CHECK(keyidx_find(ix, "BU00140000") == 0);
    CHECK(keyidx_find(ix, "BU03630000") == 1);
    CHECK(st.main_level == KEY_BUURT);
    keyidx_free(ix);
    tbl_free(t);
    /* the same codes as integers in a column named "code": 7-8 digits
     * occur, so the column holds buurten */
    t = tbl_new(3);
    c = tbl_add_col(t, "code", COL_INT64);
    c->i[0] = 140000;
    c->i[1] = 3630000;
    c->i[2] = 14920101;
    ix = keyidx_build(c, 3, KEY_INVALID, NULL, &st);
    CHECK(keyidx_find(ix, "BU00140000") == 0);
    CHECK(st.per_level[KEY_BUURT] == 3);
    keyidx_free(ix);
    tbl_free(t);
    /* Wijken2022.csv: wijkcode2022 1400 = WK001400, not GM1400 */
    const char *wk[] = {"1400", "1401"};
    t = codes_table(wk, 2);
    ix = keyidx_build(tbl_col_at(t, 0), 2, KEY_INVALID, NULL, &st);
    CHECK(keyidx_find(ix, "GM1400") == 0); /* "code" says nothing */
    keyidx_free(ix);
    tbl_free(t);
    t = tbl_new(2);
    c = tbl_add_col(t, "wijkcode2022", COL_STRING);
    for (size_t r = 0; r < 2; r++)
        col_set_str(c, 2, r, wk[r], strlen(wk[r]));
    ix = keyidx_build(c, 2, KEY_INVALID, NULL, &st);
    CHECK(keyidx_find(ix, "WK001400") == 0);
    CHECK(keyidx_find(ix, "WK001401") == 1);
    keyidx_free(ix);
    tbl_free(t);
    /* Amsterdam without prefix: buurt and wijk codes */
    const char *ams[] = {"0363AA01", "0363AA02 ", "0363MK06"};
    t = codes_table(ams, 3);
    ix = keyidx_build(tbl_col_at(t, 0), 3, KEY_INVALID, NULL, &st);
    CHECK(st.per_level[KEY_BUURT] == 3);
    CHECK(keyidx_find(ix, "BU0363AA02") == 1);
    CHECK(keyidx_find(ix, "BU0363MK06") == 2);
    keyidx_free(ix);
    tbl_free(t);
}

/* A source of codes, its key index and the join of four wijk units to it. */
typedef struct {
    tbl *t;
    keyidx *ix;
    keyidx_stats st;
    join_result j;
} join_fx;

static const char join_wijken[4][KEY_MAX] = {"WK036300", "WK036301",
                                             "WK047900", "WK047999"};

/* Builds a source of the n codes and its key index in f, and joins the
 * four wijken of join_wijken to it (join_units, checked to succeed; no
 * area filter). Free with join_fx_free. */
static void join_fx_make(join_fx *f, const char *const *codes, size_t n)
{
    f->t = codes_table(codes, n);
    f->ix = keyidx_build(tbl_col_at(f->t, 0), n, KEY_INVALID, NULL, &f->st);
    CHECK(join_units(join_wijken, 4, KEY_WIJK, f->ix, &f->st, KEY_INVALID,
                     NULL, 0, &f->j) == 0);
}

/* Frees what join_fx_make made. */
static void join_fx_free(join_fx *f)
{
    join_result_free(&f->j);
    keyidx_free(f->ix);
    tbl_free(f->t);
}

static void test_joins(void)
{
    /* coarser: gemeente table */
    const char *gm[] = {"GM0363", "GM0479", "GM0014"};
    join_fx f;
    join_fx_make(&f, gm, 3);
    CHECK(f.j.kind == JOIN_COARSER);
    CHECK(f.j.row[0] == 0 && f.j.row[1] == 0 && f.j.row[2] == 1 &&
          f.j.row[3] == 1);
    CHECK(f.j.units_matched == 4);
    CHECK(f.j.n_source_unmatched == 1);
    CHECK_STR(f.j.source_unmatched[0], "GM0014");
    CHECK(join_check(&f.j, 0.0, "g", "g.csv") == 0);
    join_result_free(&f.j);
    /* the area filter limits the source-side report */
    const char *area[] = {"GM0363", "GM0479"};
    CHECK(join_units(join_wijken, 4, KEY_WIJK, f.ix, &f.st, KEY_INVALID, area,
                     2, &f.j) == 0);
    CHECK(f.j.n_source_unmatched == 0);
    join_fx_free(&f);

    /* same level, one unmatched unit and one unused source row */
    const char *wk[] = {"WK036300", "WK036301", "WK047900", "WK047901"};
    join_fx_make(&f, wk, 4);
    CHECK(f.j.kind == JOIN_SAME);
    CHECK(f.j.row[3] == -1);
    CHECK(f.j.n_units_unmatched == 1);
    CHECK_STR(f.j.units_unmatched[0], "WK047999");
    CHECK(f.j.n_source_unmatched == 1);
    CHECK_STR(f.j.source_unmatched[0], "WK047901");
    CHECK(join_check(&f.j, 0.30, "w", "w.csv") == 0);
    CHECK(join_check(&f.j, 0.10, "w", "w.csv") == -1);
    CHECK(err_get() && err_get()->category == ERR_JOIN);
    CHECK(strstr(err_get()->message, "WK047999") != NULL);
    CHECK(strstr(err_get()->message, "another year") != NULL);
    err_clear();
    join_fx_free(&f);

    /* finer: buurten grouped under wijken */
    const char *bu[] = {"BU03630001", "BU03630002", "BU04790000", "BU00140000"};
    join_fx_make(&f, bu, 4);
    CHECK(f.j.kind == JOIN_FINER);
    CHECK(f.j.grp_off[1] - f.j.grp_off[0] == 2);
    CHECK(f.j.grp_off[2] - f.j.grp_off[1] == 0);
    CHECK(f.j.grp_off[3] - f.j.grp_off[2] == 1);
    CHECK(f.j.grp_rows[f.j.grp_off[2]] == 2);
    CHECK(f.j.units_matched == 2);
    CHECK(f.j.n_source_unmatched == 1);
    join_fx_free(&f);

    CHECK(key_in_area("BU03630001", area, 2));
    CHECK(!key_in_area("BU00140001", area, 2));
    const char *wk_area[] = {"WK036300"};
    CHECK(key_in_area("BU03630001", wk_area, 1));
    CHECK(!key_in_area("GM0363", wk_area, 1));
}

int main(void)
{
    test_keyidx();
    test_keyidx_infer();
    test_joins();
    return check_done();
}
