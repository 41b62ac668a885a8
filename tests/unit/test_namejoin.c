/* test_namejoin.c - place-name normalisation and the name join. */
#include <string.h>

#include "check.h"
#include "namejoin.h"

static void test_norm(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"'s-Hertogenbosch", "s hertogenbosch"},
        {"s-Hertogenbosch", "s hertogenbosch"},
        {"\xE2\x80\x99s Hertogenbosch", "s hertogenbosch"},
        {"S\xC3\xBA" "dwest-Frysl\xC3\xA2n", "sudwest fryslan"},
        {"Go\xC3\xABngahuizen", "goengahuizen"},
        {"De Wiken-Oost", "de wiken oost"},
        {"  De   Wiken  oost ", "de wiken oost"},
        {"IJsselstein", "ijsselstein"},
        {"\xC4\xB2sselstein", "ijsselstein"},
        {"St. Jacobiparochie", "st jacobiparochie"},
        {"", ""},
        {"---", ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char out[64];
        name_norm(cases[k].in, strlen(cases[k].in), out, sizeof out);
        CHECK_STR(out, cases[k].want);
    }
    char small[5];
    name_norm("Leeuwarden", 10, small, sizeof small);
    CHECK_STR(small, "leeu");
}

static void test_join(void)
{
    const char *units[] = {"a\x1f" "centrum", "a\x1f" "de wiken oost",
                           "b\x1f" "centrum", NULL, "b\x1f" "noord"};
    const char *rows[] = {"b\x1f" "centrum", "a\x1f" "de wiken noord",
                          NULL, "a\x1f" "centrum", "a\x1f" "centrum",
                          "c\x1f" "centrum"};
    namejoin_result r;
    CHECK(namejoin_run(units, 5, rows, 6, &r) == 0);
    CHECK(r.unit_of_row[0] == 2);
    CHECK(r.unit_of_row[1] == -1);
    CHECK(r.unit_of_row[2] == -1);
    CHECK(r.unit_of_row[3] == 0);
    CHECK(r.unit_of_row[4] == -1); /* a duplicate: the first row wins */
    CHECK(r.matched_rows == 2);
    CHECK(r.missing_rows == 1);
    CHECK(r.duplicate_rows == 1);
    CHECK(r.n_miss == 2);
    CHECK(r.miss[0].row == 1);
    CHECK(r.miss[0].nearest == 1); /* same gemeente, nearest buurt */
    CHECK(r.miss[0].dist == 3);
    CHECK(r.miss[1].row == 5);
    CHECK(r.miss[1].nearest == 0 || r.miss[1].nearest == 2);
    CHECK(r.n_units_unmatched == 3); /* 1, 3 (no names) and 4 */
    CHECK(r.units_unmatched[0] == 1);
    CHECK(r.units_unmatched[1] == 3);
    CHECK(r.units_unmatched[2] == 4);
    namejoin_free(&r);
    char txt[64];
    namejoin_key_text("a\x1f" "b", txt, sizeof txt);
    CHECK_STR(txt, "a / b");
}

int main(void)
{
    test_norm();
    test_join();
    return check_done();
}
