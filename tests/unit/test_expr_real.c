/* test_expr_real.c - evaluates indicator expressions over real CBS key
 * figures: the 317 buurten of the Klimaateffectatlas sample
 * (klimaateffectatlas_buurtdashboard/BuurtenDataset20231212_xaaac.json),
 * read here with OGR directly (JSON null -> MISS_EMPTY, CBS sentinels via
 * sentinel_reason). Expected values were computed independently with
 * python3's json module from the same file (feature order = OGR FID order):
 * null -> missing, values <= -99990 -> missing, rank ties averaged,
 * population sd, rounding halves away from zero. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "err.h"
#include "expr.h"
#include "expr_test_resolver.h"
#include "ogr_open.h"
#include "sentinel.h"
#include "tbl.h"

#define PATH DNW_SHARED_DATA "/klimaateffectatlas_buurtdashboard/BuurtenDataset20231212_xaaac.json"
#define NB 317

static const char *const fields[] = {"AANT_INW", "P_65_EO_JR", "BEV_DICHTH",
                                     "G_WOZ", "HuurwTperc"};
#define NF (sizeof fields / sizeof fields[0])

static double vals[NF][NB];
static uint8_t miss[NF][NB];

/* Reads the fields of every feature into vals/miss; -1 when the file is
 * not there (then the test is skipped). */
static int load(void)
{
    GDALDatasetH ds;
    OGRLayerH layer = ogr_open_layer0(PATH, &ds);
    if (!layer)
        return -1;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    int idx[NF];
    for (size_t f = 0; f < NF; f++) {
        idx[f] = OGR_FD_GetFieldIndex(defn, fields[f]);
        CHECK(idx[f] >= 0);
    }
    OGR_L_ResetReading(layer);
    OGRFeatureH feat;
    size_t row = 0;
    while ((feat = OGR_L_GetNextFeature(layer)) != NULL) {
        for (size_t f = 0; f < NF && row < NB; f++) {
            if (!OGR_F_IsFieldSetAndNotNull(feat, idx[f])) {
                miss[f][row] = MISS_EMPTY;
                continue;
            }
            double v = OGR_F_GetFieldAsDouble(feat, idx[f]);
            miss[f][row] = (uint8_t)sentinel_reason(v);
            vals[f][row] = v;
        }
        row++;
        OGR_F_Destroy(feat);
    }
    GDALClose(ds);
    CHECK(row == NB);
    return 0;
}

/* Parses, checks and evaluates text over the buurten. */
static int eval(const expr_resolver *r, const char *text, double *out,
                uint8_t *om)
{
    expr *e = expr_parse(text, &(expr_origin){"recipe.yaml", 1, 1, 0});
    int rc = e ? expr_check(e, r) : -1;
    if (rc == 0)
        rc = expr_eval(e, r, NB, out, om);
    expr_free(e);
    CHECK(rc == 0);
    return rc;
}

static size_t count_valid(const uint8_t *om)
{
    size_t k = 0;
    for (size_t i = 0; i < NB; i++)
        k += om[i] == 0;
    return k;
}

int main(void)
{
    if (load() < 0) {
        printf("skipped: %s not found\n", PATH);
        return check_done();
    }
    tr_ctx ctx = {0};
    for (size_t f = 0; f < NF; f++)
        tr_add(&ctx, "kea", fields[f], EXPR_T_NUMBER, vals[f], miss[f], NB);
    expr_resolver r = tr_resolver(&ctx);
    double out[NB];
    uint8_t om[NB];

    /* 32 buurten have P_65_EO_JR = -99999999 (onbekend) */
    if (eval(&r, "round(kea.AANT_INW * kea.P_65_EO_JR / 100)", out, om) == 0) {
        CHECK(count_valid(om) == 285);
        CHECK(om[12] == MISS_UNKNOWN && om[17] == MISS_UNKNOWN);
        double sum = 0;
        for (size_t i = 0; i < NB; i++)
            sum += out[i];
        CHECK_NEAR(sum, 88394, 0);
    }
    if (eval(&r, "sum_area(round(kea.AANT_INW * kea.P_65_EO_JR / 100))", out, om) == 0)
        CHECK_NEAR(out[0], 88394, 0);

    /* BEV_DICHTH: 303 valid, mean 3411.6072607260726, sd 4246.10485385303 */
    if (eval(&r, "zscore(kea.BEV_DICHTH)", out, om) == 0) {
        CHECK(count_valid(om) == 303);
        CHECK_NEAR(out[0], 0.1449311216880345, 1e-12);   /* BU19492804 */
        CHECK_NEAR(out[3], -0.35929571059501636, 1e-12); /* BU06871415 */
        CHECK_NEAR(out[4], 4.437806740023135, 1e-12);    /* BU05182915 */
        CHECK(om[12] == MISS_UNKNOWN && om[52] == MISS_UNKNOWN);
    }

    /* G_WOZ: 41 nulls; 276 valid values with ties */
    if (eval(&r, "percentile(kea.G_WOZ)", out, om) == 0) {
        CHECK(count_valid(om) == 276);
        CHECK_NEAR(out[0], 1.8181818181818181, 1e-12);
        CHECK_NEAR(out[1], 36.18181818181818, 1e-12);
        CHECK_NEAR(out[3], 36.18181818181818, 1e-12); /* tie with row 1 */
        CHECK_NEAR(out[5], 12.0, 1e-12);
    }

    /* HuurwTperc: 38 nulls, 55 of the 279 valid above 50 */
    if (eval(&r, "sum_area(kea.HuurwTperc > 50)", out, om) == 0)
        CHECK_NEAR(out[0], 55, 0);
    if (eval(&r, "count_area(kea.HuurwTperc)", out, om) == 0)
        CHECK_NEAR(out[0], 279, 0);
    if (eval(&r, "kea.HuurwTperc > 50", out, om) == 0) {
        size_t empty = 0;
        for (size_t i = 0; i < NB; i++)
            empty += om[i] == MISS_EMPTY;
        CHECK(empty == 38);
    }

    /* AANT_INW: total 447280 */
    if (eval(&r, "share(kea.AANT_INW)", out, om) == 0) {
        CHECK_NEAR(out[0], 0.2738776605258451, 1e-12);
        CHECK_NEAR(out[5], 0.48962618494008225, 1e-12);
    }
    return check_done();
}
