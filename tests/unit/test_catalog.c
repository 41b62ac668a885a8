/* test_catalog.c - the built-in catalog entries load and say what they should. */
#include "catalog.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    const char *names[] = {"cbs_kwb_2011_shape", "cbs_kwb_pdok", "cbs_energiearmoede_statline",
                           "klimaateffectatlas_buurten", "demo_voorbeeldrecht"};
    for (size_t k = 0; k < 5; k++) {
        catalog *c = catalog_load(names[k]);
        CHECK(c != NULL);
        if (!c)
            continue;
        CHECK(c->n_cols >= 5);
        CHECK(c->source_line != NULL);
        catalog_free(c);
    }
    catalog *c = catalog_load("cbs_kwb_2011_shape");
    const cat_column *p65 = catalog_by_column(c, "P_65_EO_JR");
    CHECK(p65 && p65->kind == CAT_PERCENTAGE);
    CHECK_STR(p65->name, "pct_65plus");
    CHECK_STR(p65->base, "inwoners");
    const cat_column *hh = catalog_by_name(c, "huishoudens", 0);
    CHECK(hh && hh->kind == CAT_COUNT);
    CHECK_STR(hh->column, "AANTAL_HH");
    CHECK(c->year == 2011);
    catalog_free(c);
    /* fraction: true: the file holds 0-1, the stable name percentages */
    c = catalog_load("friesland_warmtekaart");
    CHECK(c != NULL);
    if (c) {
        const cat_column *k = catalog_by_name(c, "pct_koop", 0);
        CHECK(k && k->scale == 100 && k->kind == CAT_PERCENTAGE);
        CHECK_STR(k ? k->column : "", "Percentage koopwoningen");
        const cat_column *b = catalog_by_column(c, "buurtnaam");
        CHECK(b && b->scale == 1);
        catalog_free(c);
    }
    {
        char path[] = "/tmp/dnawijk_test_catalog_XXXXXX.yaml";
        int fd = mkstemps(path, 5);
        CHECK(fd >= 0);
        if (fd >= 0) {
            const char *text = "name: x\ncolumns:\n  a: {name: b, fraction: maybe}\n";
            CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
            close(fd);
            CHECK(catalog_load(path) == NULL);
            CHECK(err_get() && err_get()->category == ERR_PARSE &&
                  strstr(err_get()->message, "fraction") && err_get()->loc == 3);
            err_clear();
            unlink(path);
        }
    }
    CHECK(catalog_load("no_such_entry") == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    return check_done();
}
