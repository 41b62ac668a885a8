/* test_err.c - the language of error messages: every Dutch format in the
 * translation table has the same printf conversions, in the same order, as
 * its English original (so err_tr can never mismatch arguments); the table
 * is sorted and err_tr finds every entry; Dutch and English error lines;
 * English stays the library default. */
#include "check.h"
#include "err.h"

#include <string.h>

/* The conversion specifications of a printf format ("%s%ld%zu"...), with
 * flags/width dropped, into out; a precision given by an argument (".*")
 * stays, as it takes an argument of its own. */
static void conversions(const char *fmt, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = fmt; *p && n + 8 < size; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        if (!*p)
            break; /* a lone '%' at the end (a hint's "5%") */
        out[n++] = '%';
        while (*p && strchr("-+ #0123456789.*", *p)) {
            if (*p == '*')
                out[n++] = '*';
            p++;
        }
        while (*p && strchr("hlLqjzt", *p))
            out[n++] = *p++;
        if (*p)
            out[n++] = *p;
    }
    out[n] = '\0';
}

/* Sets a file error with a translated format in language lang and formats
 * it into buf (size bytes). */
static void format_io_error(err_lang lang, char *buf, size_t size)
{
    err_set_language(lang);
    err_set(ERR_IO, "a.csv", 3, "x", "cannot open the file (%s); check the path (in a "
            "recipe, paths are relative to the recipe's folder)",
            "gone");
    err_format(buf, size);
}

int main(void)
{
    const char *const(*pairs)[2];
    size_t n = err_tr_table(&pairs);
    CHECK(n >= 600);
    for (size_t k = 0; k < n; k++) {
        char a[128], b[128];
        conversions(pairs[k][0], a, sizeof a);
        conversions(pairs[k][1], b, sizeof b);
        CHECK(strcmp(a, b) == 0);
        if (strcmp(a, b))
            fprintf(stderr, "  %s | %s\n", pairs[k][0], pairs[k][1]);
        /* a copy of the English is a forgotten translation, except for a
         * word that is the same in Dutch ("filter", "indicator \"%s\"") */
        const char *sp = strchr(pairs[k][0], ' ');
        if (sp && strchr(sp + 1, ' '))
            CHECK(strcmp(pairs[k][0], pairs[k][1]) != 0);
        /* sorted strictly (err_tr searches by bisection): no duplicates */
        if (k > 0) {
            CHECK(strcmp(pairs[k - 1][0], pairs[k][0]) < 0);
            if (strcmp(pairs[k - 1][0], pairs[k][0]) >= 0)
                fprintf(stderr, "  out of order: %s\n", pairs[k][0]);
        }
    }
    /* every entry is found through err_tr */
    err_set_language(ERR_LANG_NL);
    for (size_t k = 0; k < n; k++)
        CHECK(err_tr(pairs[k][0]) == pairs[k][1]);
    err_set_language(ERR_LANG_EN);
    /* English by default */
    CHECK(err_language() == ERR_LANG_EN);
    char buf[512];
    format_io_error(ERR_LANG_EN, buf, sizeof buf);
    CHECK(strcmp(buf, "io error: a.csv:3: column \"x\": cannot open the file "
                      "(gone); check the path (in a recipe, paths are "
                      "relative to the recipe's folder)") == 0);
    format_io_error(ERR_LANG_NL, buf, sizeof buf);
    CHECK(strcmp(buf, "bestandsfout: a.csv:3: kolom \"x\": kan het bestand niet "
                      "openen (gone); controleer het pad (in een recept "
                      "zijn paden relatief aan de map van het recept)") == 0);
    /* unknown formats stay as they are */
    err_set_feature(ERR_GDAL, "b.gpkg", 7, NULL, "something %d", 5);
    err_format(buf, sizeof buf);
    CHECK(strcmp(buf, "GDAL-fout: b.gpkg: object 7: something 5") == 0);
    err_set_language(ERR_LANG_EN);
    CHECK(strcmp(err_tr("unknown option \"%s\""), "unknown option \"%s\"") == 0);
    err_clear();
    return check_done();
}
