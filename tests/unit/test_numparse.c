/* test_numparse.c - unit tests of number parsing, decimal-mark votes,
 * delimiter sniffing, quote checks and text decoding used by the CSV
 * reader. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csv_load.h"
#include "csv_sniff.h"
#include "err.h"
#include "numparse.h"

typedef struct {
    const char *s;
    char decimal;
    int ok;
    double v;
} num_case;

static void test_num_parse(void)
{
    static const num_case cases[] = {
        {"27,9", ',', 1, 27.9},
        {"27.9", '.', 1, 27.9},
        {"1.234", ',', 1, 1234},        /* thousands dot, decimal comma */
        {"1.234,5", ',', 1, 1234.5},
        {"1.234.567,25", ',', 1, 1234567.25},
        {"1,234", '.', 1, 1234},
        {"1,234.5", '.', 1, 1234.5},
        {"1.23", ',', 0, 0},            /* bad grouping: text */
        {"12.3456", ',', 0, 0},
        {"0.123", ',', 0, 0},           /* "0" cannot lead a group */
        {"1234.567", ',', 0, 0},        /* first group too long */
        {"27,9", '.', 0, 0},            /* comma as thousands: bad group */
        {"-3,5", ',', 1, -3.5},
        {"+3,5", ',', 1, 3.5},
        {"\xE2\x88\x92" "5", ',', 1, -5}, /* U+2212 minus */
        {",5", ',', 1, 0.5},
        {"5.", '.', 1, 5},
        {"1e3", '.', 1, 1000},
        {"1,5E-2", ',', 1, 0.015},
        {"1.000e3", ',', 0, 0},         /* exponent after thousands */
        {"1e", '.', 0, 0},
        {"", '.', 0, 0},
        {"-", '.', 0, 0},
        {".", '.', 0, 0},
        {"abc", '.', 0, 0},
        {"12a", '.', 0, 0},
        {"1 234", ',', 0, 0},
        {"0014", ',', 1, 14},           /* a number; csvr keeps it text */
        {"1e999", '.', 0, 0},           /* overflow is not a number */
        {"nan", '.', 0, 0},
        {"inf", '.', 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        double v = -1;
        int rc = num_parse(cases[k].s, strlen(cases[k].s), cases[k].decimal,
                           &v);
        if ((rc == 0) != cases[k].ok)
            fprintf(stderr, "num_parse case %zu \"%s\"\n", k, cases[k].s);
        CHECK((rc == 0) == cases[k].ok);
        if (cases[k].ok && rc == 0)
            CHECK_NEAR(v, cases[k].v, 1e-9 * (1 + fabs(cases[k].v)));
    }
    /* not NUL-terminated input: only len bytes are read */
    double v;
    CHECK(num_parse("12,5xyz", 4, ',', &v) == 0);
    CHECK_NEAR(v, 12.5, 1e-12);
}

static void test_num_cell(void)
{
    double v = 0;
    miss_reason why = MISS_NONE;
    /* missing-value markers and CBS sentinels: cell, decimal, reason */
    static const struct {
        const char *s;
        char decimal;
        miss_reason why;
    } missing[] = {
        {".", ',', MISS_UNKNOWN},         {"x", ',', MISS_SECRET},
        {"?", ',', MISS_UNKNOWN},         {"", ',', MISS_EMPTY},
        {"-99997", ',', MISS_SECRET},     {"-99999999", '.', MISS_UNKNOWN},
        {"-99.995", ',', MISS_NOT_AVAILABLE},
    };
    for (size_t k = 0; k < sizeof missing / sizeof missing[0]; k++) {
        why = MISS_NONE;
        CHECK(num_cell(missing[k].s, strlen(missing[k].s), missing[k].decimal,
                       &v, &why) == NUM_CELL_MISSING);
        CHECK(why == missing[k].why);
    }
    v = 9;
    CHECK(num_cell("-", 1, ',', &v, &why) == NUM_CELL_NUMBER); /* nihil */
    CHECK(v == 0.0);
    CHECK(num_cell("n.v.t.", 6, ',', &v, &why) == NUM_CELL_TEXT);
    CHECK(num_cell("12,5", 4, ',', &v, &why) == NUM_CELL_NUMBER);
    CHECK_NEAR(v, 12.5, 1e-12);
    CHECK(num_is_zero_padded("0014", 4));
    CHECK(num_is_zero_padded("00", 2));
    CHECK(!num_is_zero_padded("0", 1));
    CHECK(!num_is_zero_padded("0,5", 3));
    CHECK(!num_is_zero_padded("14", 2));
}

typedef struct {
    const char *cells[4];
    char delimiter;
    char expect;
} vote_case;

static void test_decimal_votes(void)
{
    static const vote_case cases[] = {
        {{"27,9", "40,0", "1", NULL}, ';', ','},
        {{"27.9", "40.0", NULL, NULL}, ',', '.'},
        {{"1.234", NULL, NULL, NULL}, ';', ','},  /* ambiguous: Dutch */
        {{"1.234", NULL, NULL, NULL}, ',', '.'},
        {{"1,234", "5,678", NULL, NULL}, ',', '.'},
        {{"1.234,5", NULL, NULL, NULL}, '\t', ','},
        {{"1,234.5", NULL, NULL, NULL}, ';', '.'},
        {{"1.234.567", NULL, NULL, NULL}, ',', ','}, /* repeated dots */
        {{"0,123", NULL, NULL, NULL}, ',', ','},     /* leading 0: decimal */
        {{"12", "abc", "GM0014", NULL}, ';', '.'},   /* no evidence */
        {{"1.5", "2,5", NULL, NULL}, ';', ','},      /* tie: Dutch */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        num_votes v = {0, 0, 0, 0};
        for (size_t j = 0; j < 4 && cases[k].cells[j]; j++)
            num_vote(&v, cases[k].cells[j], strlen(cases[k].cells[j]));
        char got = num_decide(&v, cases[k].delimiter);
        if (got != cases[k].expect)
            fprintf(stderr, "vote case %zu: got '%c'\n", k, got);
        CHECK(got == cases[k].expect);
    }
}

typedef struct {
    const char *text;
    char expect;
} sniff_case;

static void test_sniff(void)
{
    static const sniff_case cases[] = {
        {"a;b;c\n1;2;3\n4;5;6\n", ';'},
        {"a,b,c\n1,2,3\n", ','},
        {"a\tb\n1\t2\n", '\t'},
        {"a|b|c\n1|2|3\n", '|'},
        /* decimal commas inside ';' fields do not win */
        {"naam;v;w\nA;1,5;2,5\nB;3,25;4,5\nC;5;6,75\n", ';'},
        /* title lines with commas above a ';' table */
        {"Tabel 1, voorlopig\nIets, met komma's, veel\n\na;b;c\n1;2;3\n"
         "4;5;6\n",
         ';'},
        /* commas inside quotes are not delimiters */
        {"\"a,b\";c\n\"1,2\";3\n\"4,5\";6\n", ';'},
        /* a quoted line break does not end the record */
        {"a;b\n\"x\ny,z\";1\n2;3\n", ';'},
        /* one column; one stray comma is no evidence */
        {"naam\nJansen, P.\nPiet\n", 0},
        {"naam\nPiet\n", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char got = csvsniff_delimiter(cases[k].text, strlen(cases[k].text));
        if (got != cases[k].expect)
            fprintf(stderr, "sniff case %zu: got %d\n", k, got);
        CHECK(got == cases[k].expect);
    }
}

static void test_quotes(void)
{
    const char *good = "a;b\n\"x;y\";\"p\"\"q\"\n  \"s\"  ;\"m\nn\"\nc\"d;e\n";
    CHECK(csvsniff_check_quotes("f.csv", good, strlen(good), ';') == 0);
    const char *open = "a;b\n1;2\n3;\"never\nclosed\n";
    err_clear();
    CHECK(csvsniff_check_quotes("f.csv", open, strlen(open), ';') < 0);
    CHECK(err_get() && err_get()->category == ERR_PARSE &&
          err_get()->loc == 3);
    const char *after = "a;b\n\"x\ny\";1\n\"ok\"z;2\n";
    err_clear();
    CHECK(csvsniff_check_quotes("f.csv", after, strlen(after), ';') < 0);
    CHECK(err_get() && err_get()->loc == 4);
    err_clear();
}

static void test_decode(void)
{
    csvload_text t;
    /* BOM stripped, CRLF and CR become LF */
    const char bom[] = "\xEF\xBB\xBF" "a;b\r\n1;2\r3;4";
    CHECK(csvload_decode("m", (const unsigned char *)bom, sizeof bom - 1,
                         NULL, &t) == 0);
    CHECK_STR(t.text, "a;b\n1;2\n3;4");
    CHECK(t.had_bom == 1);
    CHECK_STR(t.encoding, "utf-8");
    csvload_free(&t);
    /* Latin-1 detected, Windows-1252 euro sign */
    const char lat[] = "Frysl\xE2n;\x80 5\n";
    CHECK(csvload_decode("m", (const unsigned char *)lat, sizeof lat - 1,
                         NULL, &t) == 0);
    CHECK_STR(t.text, "Frysl\xC3\xA2n;\xE2\x82\xAC 5\n");
    CHECK_STR(t.encoding, "latin-1");
    csvload_free(&t);
    /* forced utf-8 on Latin-1 bytes: error with the line */
    const char lat2[] = "a\nb\nJos\xE9\n";
    err_clear();
    CHECK(csvload_decode("m", (const unsigned char *)lat2, sizeof lat2 - 1,
                         "UTF-8", &t) < 0);
    CHECK(err_get() && err_get()->category == ERR_PARSE &&
          err_get()->loc == 3);
    /* forced latin-1 on valid UTF-8 converts byte by byte */
    const char u8[] = "\xC3\xA9";
    CHECK(csvload_decode("m", (const unsigned char *)u8, 2, "latin-1",
                         &t) == 0);
    CHECK_STR(t.text, "\xC3\x83\xC2\xA9");
    csvload_free(&t);
    /* UTF-8 validation: overlong, surrogate, truncated */
    CHECK(csvload_utf8_valid_prefix((const unsigned char *)"ab\xC0\x80", 4) ==
          2);
    CHECK(csvload_utf8_valid_prefix((const unsigned char *)"\xED\xA0\x80", 3) ==
          0);
    CHECK(csvload_utf8_valid_prefix((const unsigned char *)"a\xE2\x82", 3) ==
          1);
    CHECK(csvload_utf8_valid_prefix((const unsigned char *)"\xF0\x9F\x98\x80",
                                    4) == 4);
    err_clear();
}

int main(void)
{
    test_num_parse();
    test_num_cell();
    test_decimal_votes();
    test_sniff();
    test_quotes();
    test_decode();
    return check_done();
}
