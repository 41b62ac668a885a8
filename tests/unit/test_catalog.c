/* test_catalog.c - the built-in catalog entries load and say what they should. */
#include "catalog.h"
#include "check.h"

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
    CHECK(catalog_load("no_such_entry") == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    return check_done();
}
