/* test_csvr.c - unit tests of the CSV reader: table-driven synthetic cases
 * (one per quirk and per error), the fixtures in tests/data/csv, the real
 * files in DNW_SHARED_DATA (expected values computed independently with
 * python3's csv module, see the comments), and a mutation loop that feeds
 * damaged input and only asks for "a table or an error, never a crash". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "check.h"
#include "in_csv.h"
#include "err.h"
#include "tbl.h"

#define FIXTURES DNW_SOURCE_DIR "/tests/data/csv/"
#define CBS DNW_SHARED_DATA "/cbs_wijk_inkomen_autobezit/"

/* One expected cell: column index, row, and either a string (s), a number
 * (d, when s is NULL and miss is MISS_NONE) or a missing reason. */
typedef struct {
    int col, row;
    const char *s;
    double d;
    miss_reason miss;
} cell_check;

typedef struct {
    const char *name;
    const char *data;
    /* options (0 = detect) */
    char delimiter, decimal;
    const char *encoding;
    int skip_rows; /* -1 auto; written +1 in the table so 0 means auto */
    int header_rows;
    const char *const *column_names;
    const char *const *text_columns;
    /* expectations */
    long nrows;
    const char *names; /* "a|b|c" */
    const char *types; /* one letter per column: d double, s string */
    cell_check cells[5];
} csv_case;

static const char *const names_xy[] = {"x", "y", NULL};
static const char *const text_b[] = {"b", NULL};

static size_t count_list(const char *const *l)
{
    size_t n = 0;
    while (l && l[n])
        n++;
    return n;
}

static void make_options(src_options *o, const csv_case *c)
{
    memset(o, 0, sizeof *o);
    o->delimiter = c->delimiter;
    o->decimal = c->decimal;
    o->encoding = c->encoding;
    o->skip_rows = c->skip_rows ? c->skip_rows - 1 : -1;
    o->header_rows = c->header_rows;
    o->column_names = c->column_names;
    o->n_column_names = count_list(c->column_names);
    o->text_columns = c->text_columns;
    o->n_text_columns = count_list(c->text_columns);
}

/* Checks one cell of t against the expectation. */
static void check_cell(const tbl *t, const cell_check *e, const char *name)
{
    tbl_col *c = tbl_col_at(t, (size_t)e->col);
    CHECK(c != NULL && (size_t)e->row < tbl_nrows(t));
    if (!c || (size_t)e->row >= tbl_nrows(t))
        return;
    size_t r = (size_t)e->row;
    int ok;
    if (e->miss != MISS_NONE)
        ok = col_miss(c, r) == e->miss;
    else if (e->s)
        ok = c->type == COL_STRING && col_str(c, r) &&
             strcmp(col_str(c, r), e->s) == 0;
    else
        ok = c->type == COL_DOUBLE && col_miss(c, r) == MISS_NONE &&
             fabs(c->d[r] - e->d) <= 1e-9 * (1 + fabs(e->d));
    if (!ok) {
        fprintf(stderr, "case %s: cell [%d,%d] ", name, e->col, e->row);
        if (c->type == COL_STRING)
            fprintf(stderr, "is \"%s\" (miss %d)\n",
                    col_str(c, r) ? col_str(c, r) : "(null)", col_miss(c, r));
        else
            fprintf(stderr, "is %g (miss %d)\n", c->d[r], col_miss(c, r));
    }
    CHECK(ok);
}

/* Checks the column names ("a|b") and types ("ds") of t. */
static void check_shape(const tbl *t, const char *names, const char *types,
                        const char *name)
{
    char buf[1024] = "";
    size_t used = 0;
    for (size_t k = 0; k < tbl_ncols(t); k++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
                                 k ? "|" : "", tbl_col_at(t, k)->name);
    if (strcmp(buf, names) != 0)
        fprintf(stderr, "case %s: names \"%s\"\n", name, buf);
    CHECK_STR(buf, names);
    if (!types)
        return;
    char ty[256] = "";
    for (size_t k = 0; k < tbl_ncols(t) && k + 1 < sizeof ty; k++)
        ty[k] = tbl_col_at(t, k)->type == COL_DOUBLE ? 'd' : 's';
    ty[tbl_ncols(t) < sizeof ty ? tbl_ncols(t) : sizeof ty - 1] = '\0';
    if (strcmp(ty, types) != 0)
        fprintf(stderr, "case %s: types \"%s\"\n", name, ty);
    CHECK_STR(ty, types);
}

#define NUM(c, r, v) {c, r, NULL, v, MISS_NONE}
#define STR(c, r, v) {c, r, v, 0, MISS_NONE}
#define MISS(c, r, m) {c, r, NULL, 0, m}

static const csv_case cases[] = {
    {.name = "semicolon decimal comma",
     .data = "naam;waarde\nA;1,5\nB;2,25\n",
     .nrows = 2, .names = "naam|waarde", .types = "sd",
     .cells = {STR(0, 1, "B"), NUM(1, 0, 1.5), NUM(1, 1, 2.25)}},
    {.name = "comma decimal dot",
     .data = "name,value\nA,1.5\nB,-2.25\n",
     .nrows = 2, .names = "name|value", .types = "sd",
     .cells = {NUM(1, 1, -2.25)}},
    {.name = "tab",
     .data = "a\tb\n1\t2\n3\t\n",
     .nrows = 2, .names = "a|b", .types = "dd",
     .cells = {NUM(1, 0, 2), MISS(1, 1, MISS_EMPTY)}},
    {.name = "pipe",
     .data = "a|b|c\n1|x|3\n",
     .nrows = 1, .names = "a|b|c", .types = "ddd",
     .cells = {MISS(1, 0, MISS_SECRET), NUM(2, 0, 3)}},
    {.name = "BOM and CRLF",
     .data = "\xEF\xBB\xBFid;v\r\n1;2\r\n3;4\r\n",
     .nrows = 2, .names = "id|v", .types = "dd",
     .cells = {NUM(1, 1, 4)}},
    {.name = "CR only",
     .data = "a;b\r1;2\r3;4\r",
     .nrows = 2, .names = "a|b", .types = "dd",
     .cells = {NUM(0, 1, 3)}},
    {.name = "no final newline",
     .data = "a;b\n1;2",
     .nrows = 1, .names = "a|b", .types = "dd",
     .cells = {NUM(1, 0, 2)}},
    {.name = "Latin-1 detected",
     .data = "naam;plaats\nJos\xE9;Frysl\xE2n\n",
     .nrows = 1, .names = "naam|plaats", .types = "ss",
     .cells = {STR(0, 0, "Jos\xC3\xA9"), STR(1, 0, "Frysl\xC3\xA2n")}},
    {.name = "Latin-1 forced",
     .data = "naam\nCaf\xE9\n", .encoding = "latin-1",
     .nrows = 1, .names = "naam", .types = "s",
     .cells = {STR(0, 0, "Caf\xC3\xA9")}},
    {.name = "quoted fields",
     .data = "a;b\n\"x;y\";\"line1\nline2\"\n\"say \"\"hi\"\"\";3\n",
     .nrows = 2, .names = "a|b", .types = "ss",
     .cells = {STR(0, 0, "x;y"), STR(1, 0, "line1\nline2"),
               STR(0, 1, "say \"hi\""), STR(1, 1, "3")}},
    {.name = "quote inside unquoted field is literal",
     .data = "naam;n\nCafe \"De Pijp\";1\n",
     .nrows = 1, .names = "naam|n", .types = "sd",
     .cells = {STR(0, 0, "Cafe \"De Pijp\"")}},
    {.name = "trailing empty column dropped",
     .data = "a;b;\n1;2;\n3;4;\n",
     .nrows = 2, .names = "a|b", .types = "dd"},
    {.name = "empty header with values kept",
     .data = "a;;\n1;2;x1\n",
     .nrows = 1, .names = "a|column_2|column_3", .types = "dds",
     .cells = {STR(2, 0, "x1")}},
    {.name = "title lines above header",
     .data = "Tabel 1\nAantal inwoners, 2023\n\nregio;inwoners\nA;10\nB;20\n",
     .nrows = 2, .names = "regio|inwoners", .types = "sd",
     .cells = {NUM(1, 1, 20)}},
    {.name = "title lines with delimiters",
     .data = "Tabel 1;;\n;;\nregio;a;b\nA;1;2\nB;3;4\nC;5;6\n",
     .nrows = 3, .names = "regio|a|b", .types = "sdd"},
    {.name = "header over several lines",
     .data = "Tabel 9;;;\n"
             ";;Inkomen;Aandeel\n"
             ";;per inwoner;laag inkomen\n"
             "Indeling 2023;;;\n"
             "Code;Naam;;\n"
             ";;;\n"
             ";;x 1000 euro;%\n"
             "Nederland;;27,9;40,0\n"
             "GM0001;Foo;25,6;.\n"
             "GM0002;Bar;.;12\n"
             "GM0003;Baz;30;15,5\n"
             "Bron: CBS;;;\n",
     .nrows = 4,
     .names = "Code|Naam|Inkomen per inwoner (x 1000 euro)|"
              "Aandeel laag inkomen (%)",
     .types = "ssdd",
     .cells = {STR(0, 0, "Nederland"), NUM(2, 1, 25.6),
               MISS(3, 1, MISS_UNKNOWN), STR(0, 3, "GM0003"),
               NUM(3, 3, 15.5)}},
    {.name = "header_rows given",
     .data = "a;b\nc;d\n1;2\n", .header_rows = 2,
     .nrows = 1, .names = "a c|b d", .types = "dd"},
    {.name = "skip_rows given",
     .data = "rommel;rommel\nmeer;rommel\na;b\n1;2\n", .skip_rows = 2 + 1,
     .nrows = 1, .names = "a|b", .types = "dd"},
    {.name = "footer Bron and blank lines",
     .data = "a;b\n1;2\n3;4\n\nBron: CBS;\n\n",
     .nrows = 2, .names = "a|b", .types = "dd"},
    {.name = "footer notes above Bron",
     .data = "a;b;c\n1;2;3\n;;\nVerklaring van tekens;;\n. = onbekend;;\n"
             "Bron: CBS;;\nCBS, Den Haag;;\n",
     .nrows = 1, .names = "a|b|c", .types = "ddd"},
    {.name = "footer note line without delimiters",
     .data = "a;b\n1;2\nCijfers over 2023 zijn voorlopig\n",
     .nrows = 1, .names = "a|b", .types = "dd"},
    {.name = "footer note with marker",
     .data = "a;b;c\nA;1;2\n* voorlopige cijfers;;\n",
     .nrows = 1, .names = "a|b|c", .types = "sdd"},
    {.name = "last row with only first cell is data",
     .data = "naam;opmerking\nA;iets\nB;\n",
     .nrows = 2, .names = "naam|opmerking", .types = "ss",
     .cells = {STR(0, 1, "B"), MISS(1, 1, MISS_EMPTY)}},
    {.name = "short numeric last line is data",
     .data = "x;y\n1;2\n3\n",
     .nrows = 2, .names = "x|y", .types = "dd",
     .cells = {NUM(0, 1, 3), MISS(1, 1, MISS_EMPTY)}},
    {.name = "whitespace padded cells and names",
     .data = "Wijkcode  ; naam ;n\nWK001400  ;  Centrum \xC2\xA0; 5 \n",
     .nrows = 1, .names = "Wijkcode|naam|n", .types = "ssd",
     .cells = {STR(0, 0, "WK001400"), STR(1, 0, "Centrum"), NUM(2, 0, 5)}},
    {.name = "duplicate names",
     .data = "a;a;a;b\n1;2;3;4\n",
     .nrows = 1, .names = "a|a_2|a_3|b", .types = "dddd"},
    {.name = "zero-padded codes stay text",
     .data = "gm;n\n0014;5\n0034;6\n",
     .nrows = 2, .names = "gm|n", .types = "sd",
     .cells = {STR(0, 0, "0014")}},
    {.name = "region code values",
     .data = "regio;v\nGM0014;1\nWK001400;2\nBU00140000;3\n",
     .nrows = 3, .names = "regio|v", .types = "sd",
     .cells = {STR(0, 2, "BU00140000")}},
    {.name = "name with code stays text",
     .data = "Postcode;PROVINCIECODE;v\n1011;20;1\n",
     .nrows = 1, .names = "Postcode|PROVINCIECODE|v", .types = "ssd",
     .cells = {STR(0, 0, "1011"), STR(1, 0, "20")}},
    {.name = "text_columns",
     .data = "a;b\n1;2\n", .text_columns = text_b,
     .nrows = 1, .names = "a|b", .types = "ds",
     .cells = {STR(1, 0, "2")}},
    {.name = "column_names",
     .data = "a;b\n1;2\n", .column_names = names_xy,
     .nrows = 1, .names = "x|y", .types = "dd"},
    {.name = "thousands with decimal comma",
     .data = "a;b;c\n1.234;1.234,5;2.000.000\n2;3;4\n",
     .nrows = 2, .names = "a|b|c", .types = "ddd",
     .cells = {NUM(0, 0, 1234), NUM(1, 0, 1234.5), NUM(2, 0, 2000000)}},
    {.name = "thousands with decimal dot",
     .data = "a,b\n\"1,234\",\"1,234.5\"\n2,0.5\n",
     .nrows = 2, .names = "a|b", .types = "dd",
     .cells = {NUM(0, 0, 1234), NUM(1, 0, 1234.5)}},
    {.name = "bad grouping is text, not a shifted number",
     .data = "a;b\n1.23;2,5\n",
     .nrows = 1, .names = "a|b", .types = "sd",
     .cells = {STR(0, 0, "1.23"), NUM(1, 0, 2.5)}},
    {.name = "decimal given",
     .data = "a;b\n1.5;2\n", .decimal = ',',
     .nrows = 1, .names = "a|b", .types = "sd"},
    {.name = "delimiter given",
     .data = "a,b;c\n1,2;3\n", .delimiter = ';',
     .nrows = 1, .names = "a,b|c", .types = "dd",
     .cells = {NUM(0, 0, 1.2)}},
    {.name = "missing markers",
     .data = "a;b;s\n.;x;.\n?;1;x\n-;2;?\n;3;-\n",
     .nrows = 4, .names = "a|b|s", .types = "ddd",
     .cells = {MISS(0, 0, MISS_UNKNOWN), MISS(0, 1, MISS_UNKNOWN),
               NUM(0, 2, 0), MISS(0, 3, MISS_EMPTY),
               MISS(1, 0, MISS_SECRET)}},
    {.name = "missing markers in a string column",
     .data = "s;n\n.;1\nx;2\n?;3\n-;4\nabc;5\n",
     .nrows = 5, .names = "s|n", .types = "sd",
     .cells = {MISS(0, 0, MISS_UNKNOWN), MISS(0, 1, MISS_SECRET),
               MISS(0, 2, MISS_UNKNOWN), STR(0, 3, "-"),
               STR(0, 4, "abc")}},
    {.name = "numeric sentinels",
     .data = "v\n-99997\n5\n-99999999\n-99995\n",
     .nrows = 4, .names = "v", .types = "d",
     .cells = {MISS(0, 0, MISS_SECRET), NUM(0, 1, 5),
               MISS(0, 2, MISS_UNKNOWN), MISS(0, 3, MISS_NOT_AVAILABLE)}},
    {.name = "fewer fields padded",
     .data = "a;b;c;d\n1;2;3\n4;5;6;7\n",
     .nrows = 2, .names = "a|b|c|d", .types = "dddd",
     .cells = {MISS(3, 0, MISS_EMPTY), NUM(3, 1, 7)}},
    {.name = "extra empty fields ignored",
     .data = "a;b\n1;2;;\n3;4\n",
     .nrows = 2, .names = "a|b", .types = "dd"},
    {.name = "blank lines inside data skipped",
     .data = "a;b\n1;2\n\n;\n3;4\n",
     .nrows = 2, .names = "a|b", .types = "dd",
     .cells = {NUM(0, 1, 3)}},
    {.name = "one column",
     .data = "naam\nA\nB\n",
     .nrows = 2, .names = "naam", .types = "s"},
    {.name = "header only",
     .data = "a;b;c\n",
     .nrows = 0, .names = "a|b|c", .types = NULL},
    {.name = "quoted header with line break",
     .data = "\"Aantal\ninwoners\";b\n1;2\n",
     .nrows = 1, .names = "Aantal inwoners|b", .types = "dd"},
    {.name = "unicode minus and exponent",
     .data = "a;b\n\xE2\x88\x92" "5;1e3\n",
     .nrows = 1, .names = "a|b", .types = "dd",
     .cells = {NUM(0, 0, -5), NUM(1, 0, 1000)}},
    {.name = "title with a delimiter in a comma file",
     .data = "Gemeenten, 2023\ncode,naam,n\nGM1,A,1\nGM2,B,2\nGM3,C,3\n",
     .nrows = 3, .names = "code|naam|n", .types = "ssd",
     .cells = {STR(0, 0, "GM1"), NUM(2, 2, 3)}},
    {.name = "a full text row right below the header is data",
     .data = "a;b;\np;q;\n1;2;\n",
     .nrows = 2, .names = "a|b", .types = "ss",
     .cells = {STR(0, 0, "p"), STR(1, 1, "2")}},
    {.name = "mixed UTF-8 and Latin-1",
     .data = "naam\nJos\xE9\nRen\xC3\xA9" "e\n",
     .nrows = 2, .names = "naam", .types = "s",
     .cells = {STR(0, 0, "Jos\xC3\xA9"), STR(0, 1, "Ren\xC3\xA9" "e")}},
    {.name = "one column with Bron footer",
     .data = "naam\nA\nB\n\nBron: CBS\n",
     .nrows = 2, .names = "naam", .types = "s"},
    {.name = "Excel sep= line",
     .data = "sep=,\r\na,b\r\n1;5,2\r\n",
     .nrows = 1, .names = "a|b", .types = "sd",
     .cells = {STR(0, 0, "1;5"), NUM(1, 0, 2)}},
    {.name = "data before any name line",
     .data = "1;2\n3;4\n",
     .nrows = 1, .names = "1|2", .types = "dd"},
    {.name = "only a title above the data",
     .data = "Tabel 1\n1;2\n3;4\n5;6\n",
     .nrows = 2, .names = "1|2", .types = "dd",
     .cells = {NUM(1, 1, 6)}},
    {.name = "Amsterdam wijk codes end a multi-line header",
     .data = "Tabel;;\n;;Inwoners\ncode;naam;\nGM0363;Amsterdam;900.000\n"
             "WK0363AA;Centrum;1.000\nWK0363AB;Noord;2.000\n"
             "WK0363AC;Zuid;3.000\n",
     .nrows = 4, .names = "code|naam|Inwoners", .types = "ssd",
     .cells = {STR(0, 1, "WK0363AA"), NUM(2, 0, 900000)}},
};

static void test_cases(void)
{
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const csv_case *c = &cases[k];
        src_options o;
        make_options(&o, c);
        err_clear();
        tbl *t = in_csv_read_mem(c->name, c->data, strlen(c->data), &o);
        if (!t) {
            fprintf(stderr, "case %s failed: ", c->name);
            err_print(stderr);
        }
        CHECK(t != NULL);
        if (!t)
            continue;
        if ((long)tbl_nrows(t) != c->nrows)
            fprintf(stderr, "case %s: %zu rows\n", c->name, tbl_nrows(t));
        CHECK((long)tbl_nrows(t) == c->nrows);
        check_shape(t, c->names, c->types, c->name);
        for (size_t j = 0; j < 5; j++) {
            const cell_check *e = &c->cells[j];
            if (!e->s && e->d == 0 && e->miss == MISS_NONE && e->col == 0 &&
                e->row == 0)
                continue; /* unused slot */
            check_cell(t, e, c->name);
        }
        tbl_free(t);
    }
    err_clear();
}

typedef struct {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
    const char *encoding;
    int skip_rows; /* as in csv_case */
    int header_rows;
    const char *const *column_names;
    const char *const *text_columns;
    char decimal;
    err_category cat;
    long line;           /* expected 1-based line, 0 = none */
    const char *column;  /* expected column name, NULL = none */
    const char *message; /* a part of the message */
} err_case;

static const char *const three_names[] = {"x", "y", "z", NULL};
static const char *const text_nope[] = {"nope", NULL};

static const err_case err_cases[] = {
    {.name = "empty", .data = "", .cat = ERR_PARSE, .message = "empty"},
    {.name = "BOM only", .data = "\xEF\xBB\xBF", .cat = ERR_PARSE,
     .message = "empty"},
    {.name = "blank lines only", .data = "\n \r\n\n", .cat = ERR_PARSE,
     .message = "empty"},
    {.name = "delimiters only", .data = ";;\n;;\n", .cat = ERR_PARSE,
     .message = "no header"},
    {.name = "NUL bytes", .data = "a;b\n1;\0002\n", .len = 9,
     .cat = ERR_PARSE, .line = 2, .message = "NUL"},
    {.name = "UTF-16 BOM", .data = "\xFF\xFE" "a\000;\000", .len = 6,
     .cat = ERR_PARSE, .message = "UTF-16"},
    {.name = "UTF-16 without BOM", .data = "a\000;\000b\000\n\0001\000;\000",
     .len = 12, .cat = ERR_PARSE, .message = "UTF-16"},
    {.name = "control bytes", .data = "\x01\x02\x03\x04\x05\x06 abc\x07\x08",
     .cat = ERR_PARSE, .message = "binary"},
    {.name = "zip", .data = "PK\003\004abc", .len = 7, .cat = ERR_PARSE,
     .message = "ZIP"},
    {.name = "gzip", .data = "\x1f\x8b\x08", .cat = ERR_PARSE,
     .message = "gzip"},
    {.name = "more fields", .data = "a;b\n1;2\n3;4;5\n", .cat = ERR_PARSE,
     .line = 3, .message = "3 fields, but the header has 2"},
    {.name = "more fields after multi-line quote",
     .data = "a;b\n\"x\ny\";1\n1;2;3\n", .cat = ERR_PARSE, .line = 4,
     .message = "3 fields"},
    {.name = "extra value shown on one line",
     .data = "a;b\n1;2\n3;4;\"p\nq\"\n", .cat = ERR_PARSE, .line = 3,
     .message = "(field 3 holds \"p q\")"},
    {.name = "far fewer fields in the middle",
     .data = "a;b;c;d\n1;2;3;4\n5\n6;7;8;9\n", .cat = ERR_PARSE, .line = 3,
     .column = "b", .message = "only 1 fields, but the header has 4"},
    {.name = "truncated last line", .data = "a;b;c;d;e\n1;2;3;4;5\n6;7\n",
     .cat = ERR_PARSE, .line = 3, .column = "c", .message = "cut off"},
    {.name = "unterminated quote", .data = "a;b\n1;\"open\n2;3\n",
     .cat = ERR_PARSE, .line = 2, .message = "closing quote is missing"},
    {.name = "text after closing quote", .data = "a;b\n\"x\"y;2\n",
     .cat = ERR_PARSE, .line = 2, .message = "follows the closing quote"},
    {.name = "forced utf-8", .data = "a\nb\nJos\xE9\n", .encoding = "utf-8",
     .cat = ERR_PARSE, .line = 3, .message = "not valid UTF-8"},
    {.name = "unknown encoding", .data = "a\n1\n", .encoding = "ebcdic",
     .cat = ERR_RECIPE, .message = "unknown encoding"},
    {.name = "skip_rows too far", .data = "a;b\n1;2\n", .skip_rows = 10 + 1,
     .cat = ERR_RECIPE, .message = "skip_rows is 10"},
    {.name = "header_rows too many", .data = "a;b\n1;2\n", .header_rows = 5,
     .cat = ERR_RECIPE, .line = 1, .message = "header_rows is 5"},
    {.name = "too many column_names", .data = "a;b\n1;2\n",
     .column_names = three_names, .cat = ERR_RECIPE,
     .message = "3 names"},
    {.name = "unknown text column", .data = "a;b\n1;2\n",
     .text_columns = text_nope, .cat = ERR_RECIPE, .column = "nope",
     .message = "no column of that name"},
    {.name = "bad decimal option", .data = "a\n1\n", .decimal = ';',
     .cat = ERR_RECIPE, .message = "decimal mark"},
};

static void test_errors(void)
{
    for (size_t k = 0; k < sizeof err_cases / sizeof err_cases[0]; k++) {
        const err_case *c = &err_cases[k];
        src_options o;
        memset(&o, 0, sizeof o);
        o.encoding = c->encoding;
        o.skip_rows = c->skip_rows ? c->skip_rows - 1 : -1;
        o.header_rows = c->header_rows;
        o.column_names = c->column_names;
        o.n_column_names = count_list(c->column_names);
        o.text_columns = c->text_columns;
        o.n_text_columns = count_list(c->text_columns);
        o.decimal = c->decimal;
        err_clear();
        size_t len = c->len ? c->len : strlen(c->data);
        tbl *t = in_csv_read_mem("case.csv", c->data, len, &o);
        const err_info *e = err_get();
        int ok = !t && e && e->category == c->cat &&
                 (c->line == 0 || (e->loc_kind == ERR_LOC_LINE &&
                                   e->loc == c->line)) &&
                 (!c->column || strcmp(e->column, c->column) == 0) &&
                 strstr(e->message, c->message) != NULL &&
                 strcmp(e->file, "case.csv") == 0;
        if (!ok) {
            fprintf(stderr, "error case \"%s\": ", c->name);
            if (t)
                fprintf(stderr, "got a table\n");
            else
                err_print(stderr);
        }
        CHECK(ok);
        tbl_free(t);
    }
    err_clear();
}

/* String cell (r, c) of t, or NULL when missing, out of range or not a
 * string column (so a failing check never crashes the test). */
static const char *cstr(const tbl *t, size_t c, size_t r)
{
    const tbl_col *col = tbl_col_at(t, c);
    if (!col || col->type != COL_STRING || r >= tbl_nrows(t))
        return NULL;
    return col_str(col, r);
}

/* Number cell (r, c) of t, or NaN when missing, out of range or not a
 * double column. */
static double cnum(const tbl *t, size_t c, size_t r)
{
    const tbl_col *col = tbl_col_at(t, c);
    if (!col || col->type != COL_DOUBLE || r >= tbl_nrows(t) ||
        col_miss(col, r) != MISS_NONE)
        return NAN;
    return col->d[r];
}

static src_options auto_options(void)
{
    src_options o;
    memset(&o, 0, sizeof o);
    o.skip_rows = -1;
    return o;
}

/* Reads the file path with detected options (auto_options) and checks that
 * it reads, that it has nrows rows (nrows < 0: not checked) and the column
 * names and types of check_shape. Returns the table (the caller frees it
 * with tbl_free), or NULL when the file does not read. */
static tbl *read_shaped(const char *path, long nrows, const char *names,
                        const char *types, const char *what)
{
    src_options o = auto_options();
    tbl *t = in_csv_read(path, &o);
    CHECK(t != NULL);
    if (!t)
        return NULL;
    if (nrows >= 0)
        CHECK((long)tbl_nrows(t) == nrows);
    check_shape(t, names, types, what);
    return t;
}

/* Number of rows of column c whose missing reason is why. */
static size_t count_miss(const tbl_col *c, size_t n, miss_reason why)
{
    size_t counts[MISS_REASON_COUNT];
    col_count_missing(c, n, counts);
    return counts[why];
}

static void test_io_errors(void)
{
    src_options o = auto_options();
    err_clear();
    CHECK(in_csv_read(FIXTURES "does-not-exist.csv", &o) == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    CHECK(err_get() && strstr(err_get()->file, "does-not-exist.csv"));
    err_clear();
    CHECK(in_csv_read(FIXTURES, &o) == NULL); /* a directory */
    CHECK(err_get() && err_get()->category == ERR_IO &&
          strstr(err_get()->message, "directory"));
    err_clear();
    CHECK(in_csv_read(FIXTURES "ragged.csv", NULL) == NULL);
    CHECK(err_get() && err_get()->category == ERR_PARSE &&
          err_get()->loc == 3 && strstr(err_get()->file, "ragged.csv"));
    err_clear();
    /* an empty file on disk */
    const char *empty = DNW_BINARY_DIR "/csvr-empty.csv";
    FILE *f = fopen(empty, "wb");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    CHECK(in_csv_read(empty, &o) == NULL);
    CHECK(err_get() && err_get()->category == ERR_PARSE &&
          strstr(err_get()->message, "empty"));
    remove(empty);
    err_clear();
}

static void test_fixtures(void)
{
    /* StatLine-like: BOM, CRLF, titles, header over 5 lines with a unit
     * line, Nederland row, gemeente and wijk rows, notes and Bron footer */
    tbl *t = read_shaped(FIXTURES "statline_mini.csv", 7,
                         "Gemeentecode|Wijkcode|Regionaam|Gemiddeld inkomen "
                         "per inwoner (x 1000 euro)|Huishoudens met auto (%)",
                         "sssdd", "statline_mini");
    if (t) {
        tbl_col *inc = tbl_col_at(t, 3), *car = tbl_col_at(t, 4);
        CHECK(inc && car);
        if (!inc || !car) {
            tbl_free(t);
            return;
        }
        CHECK_STR(cstr(t, 0, 0), "Nederland");
        CHECK_STR(cstr(t, 1, 2), "WK000100");
        CHECK(cstr(t, 0, 2) == NULL);
        CHECK_NEAR(cnum(t, 3, 1), 1025.5, 1e-9);
        CHECK(col_miss(car, 2) == MISS_SECRET);
        CHECK(cnum(t, 3, 3) == 0.0); /* "-" */
        CHECK(col_miss(inc, 4) == MISS_UNKNOWN);
        CHECK_NEAR(cnum(t, 4, 3), 48.25, 1e-9);
        tbl_free(t);
    }
    t = read_shaped(FIXTURES "latin1.csv", -1, "Naam|Plaats|Bedrag", "sss",
                    "latin1");
    if (t) {
        CHECK_STR(cstr(t, 1, 0), "Frysl\xC3\xA2n");
        CHECK_STR(cstr(t, 2, 0), "\xE2\x82\xAC 12");
        tbl_free(t);
    }
    t = read_shaped(FIXTURES "quoted.csv", 4, "id|omschrijving|waarde", "dsd",
                    "quoted");
    if (t) {
        CHECK_STR(cstr(t, 1, 0), "Centrum, oud");
        CHECK_STR(cstr(t, 1, 1), "Regel een\nregel twee");
        CHECK_STR(cstr(t, 1, 2), "Caf\xC3\xA9 \"De Pijp\"");
        CHECK_STR(cstr(t, 1, 3), "spaties rond");
        CHECK(col_miss(tbl_col_at(t, 2), 2) == MISS_EMPTY);
        CHECK_NEAR(cnum(t, 2, 3), 4, 0);
        tbl_free(t);
    }
    t = read_shaped(FIXTURES "padded_codes.csv", 3,
                    "Wijknaam|Wijkcode|Gemeentenaam|Gemeentecode|Auto's per "
                    "huishouden",
                    "ssssd", "padded_codes");
    if (t) {
        CHECK_STR(cstr(t, 1, 0), "WK001400");
        CHECK_STR(cstr(t, 2, 2), "Almere");
        CHECK(col_miss(tbl_col_at(t, 4), 1) == MISS_UNKNOWN);
        tbl_free(t);
    }
    t = read_shaped(FIXTURES "tabs.tsv", -1, "buurtcode|inwoners|dichtheid",
                    "sdd", "tabs");
    if (t) {
        CHECK_NEAR(cnum(t, 1, 0), 1234, 0);
        CHECK_NEAR(cnum(t, 1, 1), 0, 0);
        CHECK_NEAR(cnum(t, 2, 0), 5678.9, 1e-9);
        tbl_free(t);
    }
    err_clear();
}

/* kvk2020-wb2023.csv. Expected values from python3:
 *   rows = list(csv.reader(open(f, encoding='utf-8-sig', newline=''),
 *                          delimiter=';'))
 *   data = rows[13:-1]   # 13 title/header lines, 1 "Bron:" line
 *   len(data) == 3695: 1 Nederland + 342 GM rows + 3352 WK rows
 *   per value column: count of '.' and sum of the others as floats
 *   (x.replace('.', '').replace(',', '.')): col 3: 172 / 99796.3,
 *   col 4: 330 / 116232.4, col 5: 330 / 78419.4; 168 WK rows have '.' in
 *   all three; data[998] == GM0363 Amsterdam 32,4 50,4 17,7;
 *   data[999] == WK0363AA Haarlemmerbuurt; data[3685] WK199207 has "65". */
static void test_kvk2020(void)
{
    tbl *t = read_shaped(CBS "kvk2020-wb2023.csv", 3695,
                         "Gemeentecode|Wijkcode|Regionaam|Gemiddeld "
                         "persoonlijk inkomen per inwoner (x 1000 euro)|40% "
                         "huishoudens met laagste besteedbaar inkomen (%)|20% "
                         "huishoudens met hoogste besteedbaar inkomen",
                         "sssddd", "kvk2020");
    if (!t)
        return;
    size_t n = tbl_nrows(t);
    if (tbl_ncols(t) != 6 || n != 3695) {
        tbl_free(t);
        return;
    }
    size_t n_gm = 0, n_wk = 0, n_all3 = 0;
    for (size_t r = 0; r < n; r++) {
        const char *g = cstr(t, 0, r), *w = cstr(t, 1, r);
        n_gm += g && strncmp(g, "GM", 2) == 0;
        n_wk += w && strncmp(w, "WK", 2) == 0;
        int all = 1;
        for (size_t c = 3; c < 6; c++)
            all &= col_miss(tbl_col_at(t, c), r) == MISS_UNKNOWN;
        n_all3 += all && w && strncmp(w, "WK", 2) == 0;
    }
    CHECK(n_gm == 342);
    CHECK(n_wk == 3352);
    CHECK(n_all3 == 168);
    CHECK_STR(cstr(t, 0, 0), "Nederland");
    CHECK(cstr(t, 1, 0) == NULL);
    const double sums[3] = {99796.3, 116232.4, 78419.4};
    const size_t dots[3] = {172, 330, 330};
    for (size_t c = 3; c < 6; c++) {
        tbl_col *col = tbl_col_at(t, c);
        double s = 0;
        for (size_t r = 0; r < n; r++)
            if (col->type == COL_DOUBLE && col_miss(col, r) == MISS_NONE)
                s += col->d[r];
        CHECK_NEAR(s, sums[c - 3], 1e-6);
        CHECK(count_miss(col, n, MISS_UNKNOWN) == dots[c - 3]);
    }
    CHECK_NEAR(cnum(t, 3, 0), 27.9, 1e-12);
    CHECK_NEAR(cnum(t, 4, 0), 40.0, 1e-12);
    CHECK_STR(cstr(t, 0, 998), "GM0363");
    CHECK_STR(cstr(t, 1, 998), "Totaal");
    CHECK_STR(cstr(t, 2, 998), "Amsterdam");
    CHECK_NEAR(cnum(t, 3, 998), 32.4, 1e-12);
    CHECK_NEAR(cnum(t, 5, 998), 17.7, 1e-12);
    CHECK_STR(cstr(t, 1, 999), "WK0363AA");
    CHECK_STR(cstr(t, 2, 999), "Haarlemmerbuurt");
    CHECK_STR(cstr(t, 1, 3685), "WK199207");
    CHECK_NEAR(cnum(t, 4, 3685), 65, 0);
    CHECK_STR(cstr(t, 2, n - 1), "Recreatiestrook Brielse Maas");
    tbl_free(t);
}

/* gem-autobezit-huishouden_2023_wijk.csv. From python3 (utf-8-sig, ';'):
 * data = rows[3:-2] (title, blank, header; blank, "Bron:"): 3352 rows, 188
 * '.' in column 4, the others sum to 3598.1; codes are right-padded
 * ("WK001400  "), gemeente names padded to 40 characters; data[31] is
 * "De Steiger";"WK003414  ";"Almere   ...";"GM0034";".". */
static void test_autobezit(void)
{
    tbl *t = read_shaped(CBS "gem-autobezit-huishouden_2023_wijk.csv", 3352,
                         "Wijknaam|Wijkcode|Gemeentenaam|Gemeentecode|"
                         "Personenauto's per huishouden (afgerond)",
                         "ssssd", "autobezit wijk");
    if (!t)
        return;
    size_t n = tbl_nrows(t);
    if (tbl_ncols(t) == 5) {
        tbl_col *v = tbl_col_at(t, 4);
        CHECK(count_miss(v, n, MISS_UNKNOWN) == 188);
        double s = 0;
        for (size_t r = 0; r < n; r++)
            if (v->type == COL_DOUBLE && col_miss(v, r) == MISS_NONE)
                s += v->d[r];
        CHECK_NEAR(s, 3598.1, 1e-6);
        CHECK_STR(cstr(t, 1, 0), "WK001400");
        CHECK_STR(cstr(t, 2, 0), "Groningen");
        CHECK_STR(cstr(t, 0, 31), "De Steiger");
        CHECK_STR(cstr(t, 1, 31), "WK003414");
        CHECK_STR(cstr(t, 2, 31), "Almere");
        CHECK(col_miss(v, 31) == MISS_UNKNOWN);
        CHECK_NEAR(cnum(t, 4, 0), 0.2, 1e-12);
        CHECK(tbl_col_at(t, 1)->n_dict == 3352); /* all codes distinct */
        CHECK(tbl_col_at(t, 3)->n_dict == 342);
    }
    tbl_free(t);
    /* the gemeente file: 342 rows, values sum to 378.4 */
    t = read_shaped(CBS "gem-autobezit-huishouden_2023_gem.csv", 342,
                    "Gemeentenaam|Gemeentecode|Personenauto's per huishouden "
                    "(afgerond)",
                    "ssd", "autobezit gem");
    if (t) {
        double s = 0;
        for (size_t r = 0; r < tbl_nrows(t); r++)
            s += cnum(t, 2, r);
        CHECK_NEAR(s, 378.4, 1e-6);
        CHECK_STR(cstr(t, 0, 0), "Groningen (gemeente)");
        tbl_free(t);
    }
}

/* gemeenten-alfabetisch-2023.csv, ',' separated, no BOM. From python3:
 * 342 rows; row 104 is 0014,GM0014,Groningen,20,PV20,Groningen; row 266 is
 * 1900,GM1900,Súdwest-Fryslân,21,PV21,Fryslân. */
static void test_gemeenten(void)
{
    tbl *t = read_shaped(CBS "gemeenten-alfabetisch-2023.csv", 342,
                         "Gemeentecode|GemeentecodeGM|Gemeentenaam|"
                         "Provinciecode|ProvinciecodePV|Provincienaam",
                         "ssssss", "gemeenten");
    if (!t)
        return;
    if (tbl_ncols(t) == 6 && tbl_nrows(t) == 342) {
        CHECK_STR(cstr(t, 0, 104), "0014");
        CHECK_STR(cstr(t, 1, 104), "GM0014");
        CHECK_STR(cstr(t, 3, 104), "20");
        CHECK_STR(cstr(t, 2, 266),
                  "S\xC3\xBA" "dwest-Frysl\xC3\xA2n");
    }
    tbl_free(t);
}

/* postcode_naar_buurt.csv (',' with quoted header and postcodes). From
 * python3: 18361 rows, the first has an empty postcode ("" -> missing),
 * data[1000] = 1013WS, Spaarndammerbuurt Noordwest, E13f; 471 distinct
 * buurt codes. Also times the read (the best of 5). */
static void test_postcode(void)
{
    src_options o = auto_options();
    double best = 1e9;
    for (int k = 0; k < 5; k++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        tbl *t = in_csv_read(DNW_SHARED_DATA
                           "/amsterdam_pc6_buurt/postcode_naar_buurt.csv",
                           &o);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 +
                    (double)(b.tv_nsec - a.tv_nsec) / 1e6;
        if (ms < best)
            best = ms;
        CHECK(t != NULL);
        if (!t)
            return;
        if (k == 0) {
            CHECK(tbl_nrows(t) == 18361);
            check_shape(t, "postcode|buurt_naam|buurt_vollcode", "sss",
                        "postcode");
            CHECK(col_miss(tbl_col_at(t, 0), 0) == MISS_EMPTY);
            CHECK_STR(cstr(t, 0, 1000), "1013WS");
            CHECK_STR(cstr(t, 1, 1000),
                      "Spaarndammerbuurt Noordwest");
            CHECK(tbl_col_at(t, 2)->n_dict == 471);
        }
        tbl_free(t);
    }
    printf("postcode_naar_buurt.csv (18361 rows): best of 5 %.2f ms\n", best);
}

/* metadata.csv of the Klimaateffectatlas: ';' separated, commas inside
 * fields, LF. From python3: 24 rows, 14 columns, column 12 is "Opmerking
 * Arjen voor Daniël" (14 empty), column 13 "klassenthresholds" (21 empty),
 * data[23][0] == "Geboortes". */
static void test_metadata(void)
{
    src_options o = auto_options();
    tbl *t = in_csv_read(DNW_SHARED_DATA
                       "/klimaateffectatlas_buurtdashboard/metadata.csv",
                       &o);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(tbl_nrows(t) == 24);
    CHECK(tbl_ncols(t) == 14);
    if (tbl_ncols(t) == 14 && tbl_nrows(t) == 24) {
        CHECK_STR(tbl_col_at(t, 12)->name,
                  "Opmerking Arjen voor Dani\xC3\xABl");
        CHECK(count_miss(tbl_col_at(t, 12), 24, MISS_EMPTY) == 14);
        CHECK(count_miss(tbl_col_at(t, 13), 24, MISS_EMPTY) == 21);
        CHECK_STR(cstr(t, 0, 23), "Geboortes");
    }
    tbl_free(t);
}

/* Feeds damaged copies of the fixtures and synthetic inputs (bytes flipped,
 * quotes and delimiters inserted, cut short): every read must give a table
 * or an error, never crash or leak (checked under ASan). */
static void test_mutations(void)
{
    static const char *const seeds[] = {
        "a;b;c\n1;2;3\n\"x;y\";4,5;.\n",
        "Tabel;;\n;;Grp\nCode;Naam;unit\n;;%\nGM0001;A;1,5\n;WK000100;B;x\n"
        "Bron: X;;\n",
        "\xEF\xBB\xBF\"q\"\"q\";b\r\n1;\"m\nn\"\r\n",
        "name,value\nA,1.5\nB,\"2,5\"\n",
    };
    uint32_t rng = 12345;
    char buf[256];
    size_t tables = 0, errors = 0;
    for (int it = 0; it < 3000; it++) {
        const char *seed = seeds[(size_t)it % (sizeof seeds / sizeof *seeds)];
        size_t len = strlen(seed);
        memcpy(buf, seed, len);
        int edits = 1 + it % 4;
        for (int e = 0; e < edits; e++) {
            rng = rng * 1103515245u + 12345u;
            size_t pos = (rng >> 8) % len;
            static const char pool[] = "\";,\n\r.x-0\t|\x80\xC3 ";
            rng = rng * 1103515245u + 12345u;
            switch ((rng >> 16) % 3) {
            case 0:
                buf[pos] = pool[(rng >> 4) % (sizeof pool - 1)];
                break;
            case 1:
                len = pos + 1; /* cut */
                break;
            default:
                if (len + 1 < sizeof buf) { /* insert */
                    memmove(buf + pos + 1, buf + pos, len - pos);
                    buf[pos] = pool[(rng >> 4) % (sizeof pool - 1)];
                    len++;
                }
            }
        }
        err_clear();
        tbl *t = in_csv_read_mem("mut.csv", buf, len, NULL);
        if (t) {
            tables++;
            for (size_t c = 0; c < tbl_ncols(t); c++)
                CHECK(tbl_col_at(t, c)->name[0] != '\0');
        } else {
            errors++;
            CHECK(err_get() != NULL);
        }
        tbl_free(t);
    }
    CHECK(tables + errors == 3000);
    CHECK(tables > 1000); /* most damage is survivable */
    err_clear();
}

int main(void)
{
    test_cases();
    test_errors();
    test_io_errors();
    test_fixtures();
    test_kvk2020();
    test_autobezit();
    test_gemeenten();
    test_postcode();
    test_metadata();
    test_mutations();
    return check_done();
}
