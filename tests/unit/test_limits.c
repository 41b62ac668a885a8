/* test_limits.c - the input limits of issue 11: CSV column count (item 9),
 * files that are not regular files (item 10), and a '#' that belongs to an
 * existing file's name (item 14). Every expected name and count is built
 * here from the same loop that wrote the file, not read from dnawijk. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "csv_records.h"
#include "expr.h"
#include "in_csv.h"
#include "mem.h"
#include "err.h"
#include "src.h"
#include "srcopt.h"
#include "tbl.h"

#ifndef CSVREC_MAX_FIELDS /* before issue 11 there was no limit */
#define CSVREC_MAX_FIELDS 16384
#endif

static char workdir[4096];

/* Writes a CSV of one header line of ncols equal names "c" (every one but
 * the first must be renamed c_2, c_3, ...) and one data line 0;1;2... */
static char *wide_csv(size_t ncols, size_t *len)
{
    size_t cap = ncols * 16 + 16, n = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    for (size_t k = 0; k < ncols; k++)
        n += (size_t)snprintf(s + n, cap - n, k ? ";c" : "c");
    s[n++] = '\n';
    for (size_t k = 0; k < ncols; k++)
        n += (size_t)snprintf(s + n, cap - n, k ? ";%zu" : "%zu", k);
    s[n++] = '\n';
    *len = n;
    return s;
}

/* Item 9: the widest allowed file reads with unique names; one more column
 * is a parse error naming line 1 and the limit. */
static void test_column_limit(void)
{
    size_t len;
    char *s = wide_csv(CSVREC_MAX_FIELDS, &len);
    CHECK(s != NULL);
    err_clear();
    tbl *t = in_csv_read_mem("breed.csv", s, len, NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK(tbl_ncols(t) == CSVREC_MAX_FIELDS);
        CHECK_STR(tbl_col_at(t, 0)->name, "c");
        int names_ok = 1, values_ok = 1;
        char want[32];
        for (size_t k = 1; k < tbl_ncols(t); k++) {
            snprintf(want, sizeof want, "c_%zu", k + 1);
            names_ok &= strcmp(tbl_col_at(t, k)->name, want) == 0;
            names_ok &= tbl_col_index(t, want) == (long)k;
            values_ok &= col_num(tbl_col_at(t, k), 0, NULL) == (double)k;
        }
        CHECK(names_ok);
        CHECK(values_ok);
        CHECK(tbl_col_index(t, "c_0") < 0);
        /* the name index follows renames and drops */
        CHECK(tbl_rename_col(t, 5, "vijf") == 0);
        CHECK(tbl_col_index(t, "vijf") == 5);
        CHECK(tbl_col_index(t, "c_6") < 0);
        tbl_drop_col(t, 0);
        CHECK(tbl_col_index(t, "vijf") == 4);
        CHECK(tbl_add_col(t, "c_2", COL_DOUBLE) == NULL); /* duplicate */
        err_clear();
        tbl_col *added = tbl_add_col(t, "nieuw", COL_DOUBLE);
        CHECK(added != NULL);
        CHECK(tbl_col_index(t, "nieuw") == (long)tbl_ncols(t) - 1);
        CHECK(tbl_col_index(t, "c_3") == 1);
        tbl_free(t);
    }
    free(s);

    s = wide_csv(CSVREC_MAX_FIELDS + 1, &len);
    err_clear();
    t = in_csv_read_mem("te_breed.csv", s, len, NULL);
    CHECK(t == NULL);
    const err_info *e = err_get();
    CHECK(e && e->category == ERR_PARSE && e->loc == 1);
    CHECK(e && strstr(e->message, "16384") != NULL);
    tbl_free(t);
    free(s);

    /* duplicates that collide with an existing suffixed name */
    const char *dup = "a;a;a_2;a\n1;2;3;4\n";
    err_clear();
    t = in_csv_read_mem("dup.csv", dup, strlen(dup), NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_STR(tbl_col_at(t, 0)->name, "a");
        CHECK_STR(tbl_col_at(t, 1)->name, "a_2");
        CHECK_STR(tbl_col_at(t, 2)->name, "a_2_2");
        CHECK_STR(tbl_col_at(t, 3)->name, "a_3");
    }
    tbl_free(t);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_limits: a read blocked (FIFO opened)\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(3);
}

/* Item 10: devices and FIFOs are refused at once (before the fix /dev/zero
 * was read until memory ran out and a FIFO waited for a writer). */
static void test_not_regular(void)
{
    signal(SIGALRM, on_alarm);
    alarm(20);
    char fifo[4200], link[4200];
    snprintf(fifo, sizeof fifo, "%s/pijp.csv", workdir);
    snprintf(link, sizeof link, "%s/nul.csv", workdir);
    unlink(fifo);
    unlink(link);
    CHECK(mkfifo(fifo, 0600) == 0);
    CHECK(symlink("/dev/zero", link) == 0);
    const char *paths[] = {fifo, link, "/dev/zero", "/dev/null"};
    for (size_t k = 0; k < 4; k++) {
        err_clear();
        tbl *t = in_csv_read(paths[k], NULL);
        CHECK(t == NULL);
        const err_info *e = err_get();
        CHECK(e && e->category == ERR_IO && strstr(e->message, "not a regular file"));
        tbl_free(t);
        err_clear();
        src_options o;
        src_options_init(&o);
        o.no_cache = 1;
        t = src_read(paths[k], &o);
        CHECK(t == NULL);
        e = err_get();
        CHECK(e && e->category == ERR_IO && strstr(e->message, "not a regular file"));
        tbl_free(t);
    }
    alarm(0);
    unlink(fifo);
    unlink(link);
    err_clear();
}

/* Item 14: "a#b.csv" that exists is that file; "x.gpkg#laag" still names a
 * layer when no file of that whole name exists. */
static void test_hash_in_name(void)
{
    char path[4200], file[4200];
    snprintf(path, sizeof path, "%s/wijk#2.csv", workdir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("code;waarde\nWK001400;5\n", f);
    fclose(f);
    CHECK(src_split_layer(path, file, sizeof file) == NULL);
    CHECK_STR(file, path);
    src_options o;
    src_options_init(&o);
    o.no_cache = 1;
    err_clear();
    tbl *t = src_read(path, &o);
    CHECK(t != NULL && tbl_nrows(t) == 1);
    tbl_free(t);
    const char *layer = src_split_layer("/geen/map/x.gpkg#laag", file,
                                        sizeof file);
    CHECK(layer && strcmp(layer, "laag") == 0);
    CHECK_STR(file, "/geen/map/x.gpkg");
    unlink(path);
}

/* Parses text, prints it, parses the print and prints again: the second
 * parse must succeed and both prints be equal. Returns 1 when so, 0 when
 * the text itself does not parse (-1 on a broken round trip). */
static int reprint(const char *text)
{
    err_clear();
    expr *e = expr_parse(text, NULL);
    if (!e)
        return 0;
    char *once = expr_to_string(e);
    expr_free(e);
    if (!once)
        return -1;
    expr *back = expr_parse(once, NULL);
    char *twice = back ? expr_to_string(back) : NULL;
    int ok = back && twice && strcmp(once, twice) == 0;
    if (!ok)
        fprintf(stderr, "round trip broke: %.60s... -> %.60s...\n", text,
                once);
    expr_free(back);
    mem_free(twice);
    mem_free(once);
    return ok ? 1 : -1;
}

/* Item 11: 1-199 nested minuses (as written "- - x", "-(-(x))" and on
 * numbers) print as text the parser accepts again. */
static void test_expr_reprint(void)
{
    char text[4096];
    int all = 1, parsed = 0;
    for (int n = 1; n < 200; n++) {
        const char *leaf[] = {"w.a", "3", "w.a ^ 2", "(w.a + 1)"};
        for (size_t l = 0; l < 4; l++) {
            size_t k = 0;
            for (int i = 0; i < n; i++)
                text[k++] = '-';
            k += (size_t)snprintf(text + k, sizeof text - k, "%s", leaf[l]);
            int r = reprint(text);
            all &= r >= 0;
            parsed += r == 1;
        }
        if (2 * n < 200) { /* each "-(" is two levels */
            size_t k = 0;
            for (int i = 0; i < n; i++)
                text[k++] = '-', text[k++] = '(';
            k += (size_t)snprintf(text + k, sizeof text - k, "w.a");
            for (int i = 0; i < n; i++)
                text[k++] = ')';
            text[k] = '\0';
            int r = reprint(text);
            all &= r >= 0;
            parsed += r == 1;
        }
    }
    CHECK(all);
    CHECK(parsed >= 199 * 3); /* the plain forms all parse */
    err_clear();
}

int main(void)
{
    snprintf(workdir, sizeof workdir, "%s/limits-work", DNW_BINARY_DIR);
    mkdir(workdir, 0700);
    test_column_limit();
    test_not_regular();
    test_hash_in_name();
    test_expr_reprint();
    return check_done();
}
