/* test_roll.c - rollups: sums, means, weighted means and ratios per group,
 * with missing values left out, against hand-computed answers. */
#include <stdint.h>

#include "check.h"
#include "roll.h"
#include "tbl.h"

int main(void)
{
    const char units[5][KEY_MAX] = {"BU03630001", "BU03630002", "BU03630101",
                                    "BU04790000", "BU04790001"};
    roll_groups wk, gm, all;
    CHECK(roll_groups_build(units, 5, KEY_WIJK, &wk) == 0);
    CHECK(roll_groups_build(units, 5, KEY_GEMEENTE, &gm) == 0);
    CHECK(roll_groups_build(units, 5, KEY_INVALID, &all) == 0);
    CHECK(wk.n_groups == 3);
    CHECK_STR(wk.codes[1], "WK036301");
    CHECK(gm.n_groups == 2);
    CHECK(all.n_groups == 1);

    /* households and a percentage; unit 1 is secret, unit 4 has 0 hh */
    double hh[] = {100, 300, 50, 200, 0};
    double pct[] = {10, 99, 30, 20, 50};
    uint8_t pm[] = {0, MISS_SECRET, 0, 0, 0};
    double out[3];
    uint8_t om[3];
    CHECK(roll_sum(&gm, 5, hh, NULL, out, om) == 0);
    CHECK_NEAR(out[0], 450, 0);
    CHECK_NEAR(out[1], 200, 0);
    /* weighted mean of GM0363: (100*10 + 50*30) / 150, unit 1 left out */
    CHECK(roll_wmean(&gm, 5, pct, pm, hh, NULL, out, om) == 0);
    CHECK_NEAR(out[0], 2500.0 / 150.0, 1e-12);
    CHECK_NEAR(out[1], 20, 1e-12);
    CHECK(roll_mean(&all, 5, pct, pm, out, om) == 0);
    CHECK_NEAR(out[0], (10 + 30 + 20 + 50) / 4.0, 1e-12);
    /* ratio of sums: sum(num)/sum(den)*100 */
    double num[] = {5, 10, 0, 4, 0};
    CHECK(roll_ratio(&wk, 5, num, NULL, hh, NULL, 100, out, om) == 0);
    CHECK_NEAR(out[0], 100.0 * 15 / 400, 1e-12);
    CHECK_NEAR(out[1], 0, 0);
    CHECK_NEAR(out[2], 100.0 * 4 / 200, 1e-12);
    /* a group whose members are all secret stays secret */
    uint8_t all_secret[] = {MISS_SECRET, MISS_SECRET, 0, 0, 0};
    CHECK(roll_sum(&wk, 5, hh, all_secret, out, om) == 0);
    CHECK(om[0] == MISS_SECRET);
    CHECK(om[1] == MISS_NONE);
    /* zero denominator */
    double zero[] = {0, 0, 0, 0, 0};
    CHECK(roll_ratio(&wk, 5, num, NULL, zero, NULL, 1, out, om) == 0);
    CHECK(om[2] == MISS_DIV_ZERO);
    roll_groups_free(&wk);
    roll_groups_free(&gm);
    roll_groups_free(&all);
    return check_done();
}
