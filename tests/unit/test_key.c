/* test_key.c - region code normalisation and hierarchy, table-driven. */
#include <string.h>

#include "check.h"
#include "key.h"

static void test_normalise(void)
{
    static const struct {
        const char *raw;
        key_level hint;
        const char *want;
        key_level level;
        int changed;
    } cases[] = {
        {"WK001400", KEY_INVALID, "WK001400", KEY_WIJK, 0},
        {"WK001400  ", KEY_INVALID, "WK001400", KEY_WIJK, 1},
        {" bu00140000", KEY_INVALID, "BU00140000", KEY_BUURT, 1},
        {"GM0014", KEY_INVALID, "GM0014", KEY_GEMEENTE, 0},
        {"gm14", KEY_INVALID, "GM0014", KEY_GEMEENTE, 1},
        {"14", KEY_GEMEENTE, "GM0014", KEY_GEMEENTE, 1},
        {"0014", KEY_INVALID, "GM0014", KEY_GEMEENTE, 1},
        {"1400", KEY_WIJK, "WK001400", KEY_WIJK, 1},
        {"1400", KEY_INVALID, "GM1400", KEY_GEMEENTE, 1},
        {"140000", KEY_BUURT, "BU00140000", KEY_BUURT, 1},
        {"3630000", KEY_INVALID, "BU03630000", KEY_BUURT, 1},
        {"14.0", KEY_GEMEENTE, "GM0014", KEY_GEMEENTE, 1},
        {"2021BU02330000", KEY_INVALID, "BU02330000", KEY_BUURT, 1},
        {"Totaal", KEY_INVALID, "TOTAAL", KEY_INVALID, 1},
        {"", KEY_INVALID, "", KEY_INVALID, 0},
        {"BU123456789", KEY_INVALID, "BU123456789", KEY_INVALID, 0},
        {"123456789", KEY_INVALID, "123456789", KEY_INVALID, 0},
        {"WK03630A", KEY_INVALID, "WK03630A", KEY_WIJK, 0},
        /* Amsterdam's alphanumeric codes, with and without prefix */
        {"BU0363AA01", KEY_INVALID, "BU0363AA01", KEY_BUURT, 0},
        {"0363AA01", KEY_INVALID, "BU0363AA01", KEY_BUURT, 1},
        {"0363aa01 ", KEY_INVALID, "BU0363AA01", KEY_BUURT, 1},
        {"0363AA01", KEY_BUURT, "BU0363AA01", KEY_BUURT, 1},
        {"0363AA01", KEY_WIJK, "0363AA01", KEY_INVALID, 0},
        {"WK0363AA", KEY_INVALID, "WK0363AA", KEY_WIJK, 0},
        {"wk0363aa", KEY_INVALID, "WK0363AA", KEY_WIJK, 1},
        {"0363AA", KEY_INVALID, "WK0363AA", KEY_WIJK, 1},
        {"0363AA", KEY_WIJK, "WK0363AA", KEY_WIJK, 1},
        {"0363AA", KEY_BUURT, "0363AA", KEY_INVALID, 0},
        {"0363MK06", KEY_INVALID, "BU0363MK06", KEY_BUURT, 1},
        {"2024BU0363AA01", KEY_INVALID, "BU0363AA01", KEY_BUURT, 1},
        /* a PC6 postcode has the shape of a bare wijk code: not without hint */
        {"1011AB", KEY_INVALID, "1011AB", KEY_INVALID, 0},
        {"1011AB", KEY_WIJK, "WK1011AB", KEY_WIJK, 1},
        {"1011 AB", KEY_INVALID, "1011 AB", KEY_INVALID, 0},
        {"AA01", KEY_INVALID, "AA01", KEY_INVALID, 0},
        {"0363AAA", KEY_INVALID, "0363AAA", KEY_INVALID, 0},
        /* integers without zero padding (CBS's 2022 lists) */
        {"140000", KEY_BUURT, "BU00140000", KEY_BUURT, 1},
        {"140000", KEY_INVALID, "WK140000", KEY_WIJK, 1},
        {"3630000", KEY_BUURT, "BU03630000", KEY_BUURT, 1},
        {"1400", KEY_WIJK, "WK001400", KEY_WIJK, 1},
        {"  14  ", KEY_GEMEENTE, "GM0014", KEY_GEMEENTE, 1},
        /* jaarstatcodes */
        {"2024BU02280301", KEY_INVALID, "BU02280301", KEY_BUURT, 1},
        {"2024WK022803", KEY_INVALID, "WK022803", KEY_WIJK, 1},
        {"2024GM0228", KEY_INVALID, "GM0228", KEY_GEMEENTE, 1},
        {"2024XX0228", KEY_INVALID, "2024XX0228", KEY_INVALID, 0},
        /* space padding as in StatLine CSVs */
        {"WK001400  ", KEY_WIJK, "WK001400", KEY_WIJK, 1},
        {"BU0363AA01    ", KEY_INVALID, "BU0363AA01", KEY_BUURT, 1},
        /* Amsterdam's alphanumeric codes without prefix (from main) */
        {"0363AA01", KEY_INVALID, "BU0363AA01", KEY_BUURT, 1},
        {" 0363aa01 ", KEY_INVALID, "BU0363AA01", KEY_BUURT, 1},
        {"0363AA", KEY_INVALID, "WK0363AA", KEY_WIJK, 1},
        {"0363BU01", KEY_INVALID, "BU0363BU01", KEY_BUURT, 1},
        {"2024WK0363AA", KEY_INVALID, "WK0363AA", KEY_WIJK, 1},
        {"0363A", KEY_INVALID, "0363A", KEY_INVALID, 0},
        {"0363AA0", KEY_INVALID, "0363AA0", KEY_INVALID, 0},
        {"03630A01", KEY_INVALID, "03630A01", KEY_INVALID, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char out[KEY_MAX];
        int changed = -1;
        key_level l = key_normalise(cases[k].raw, strlen(cases[k].raw),
                                    cases[k].hint, out, &changed);
        CHECK_STR(out, cases[k].want);
        CHECK(l == cases[k].level);
        CHECK(changed == cases[k].changed);
    }
}

static void test_parent(void)
{
    char out[KEY_MAX];
    CHECK(key_parent("BU03630001", KEY_WIJK, out) == 0);
    CHECK_STR(out, "WK036300");
    CHECK(key_parent("BU03630001", KEY_GEMEENTE, out) == 0);
    CHECK_STR(out, "GM0363");
    CHECK(key_parent("WK036312", KEY_GEMEENTE, out) == 0);
    CHECK_STR(out, "GM0363");
    CHECK(key_parent("WK036312", KEY_WIJK, out) == 0);
    CHECK_STR(out, "WK036312");
    CHECK(key_parent("GM0363", KEY_BUURT, out) == -1);
    CHECK(key_parent("XX", KEY_GEMEENTE, out) == -1);
    CHECK(key_level_parse("buurten") == KEY_BUURT);
    CHECK(key_level_parse("wijk") == KEY_WIJK);
    CHECK(key_level_parse("stad") == KEY_INVALID);
}

static void test_level_from_name(void)
{
    static const struct {
        const char *name;
        key_level want;
    } cases[] = {
        {"buurtcode2022", KEY_BUURT}, {"BU_CODE", KEY_BUURT},
        {"brt_code", KEY_BUURT},      {"wijkcode2022", KEY_WIJK},
        {"WK_2022", KEY_WIJK},        {"WK_CODE", KEY_WIJK},
        {"Gemcode2022", KEY_GEMEENTE}, {"GM_2022", KEY_GEMEENTE},
        {"gemeentecode", KEY_GEMEENTE}, {"code", KEY_INVALID},
        {"statcode", KEY_INVALID},    {"", KEY_INVALID},
        {"cbs_code", KEY_INVALID},    {"postcode6", KEY_INVALID},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        CHECK(key_level_from_name(cases[k].name) == cases[k].want);
}

int main(void)
{
    test_level_from_name();
    test_normalise();
    test_parent();
    return check_done();
}
