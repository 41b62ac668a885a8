/* test_regions.c - the gemeente-to-province tables: folding names, matching
 * provinces by name (case, accents, spaces, hyphens, Friesland) and code,
 * the gemeenten of a province, year selection; and the recipe's
 * area: {province: X} and peers: keys. */
#include "check.h"
#include "mem.h"
#include "rcp.h"
#include "regions.h"

#include <stdio.h>
#include <stdlib.h>

static void test_fold(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"Noord-Holland", "noordholland"}, {"Fryslân", "fryslan"},
        {"FRYSLÂN", "fryslan"},           {"  noord holland ", "noordholland"},
        {"Súdwest-Fryslân", "sudwestfryslan"}, {"PV27", "pv27"},
        {"Bergen (NH.)", "bergennh"},     {"", ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char buf[64];
        regions_fold(cases[k].in, buf, sizeof buf);
        CHECK(strcmp(buf, cases[k].out) == 0);
    }
    char small[4];
    regions_fold("Noord-Holland", small, sizeof small);
    CHECK(strcmp(small, "noo") == 0);
}

static void test_provinces(void)
{
    region_table *t = regions_load(2024);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(t->year == 2024);
    CHECK(t->n == 342);
    static const struct {
        const char *name, *pv;
    } cases[] = {
        {"Noord-Holland", "PV27"}, {"noord-holland", "PV27"}, {"NOORD HOLLAND", "PV27"},
        {"PV27", "PV27"},          {"27", "PV27"},            {"pv27", "PV27"},
        {"Fryslân", "PV21"},       {"fryslan", "PV21"},       {"Friesland", "PV21"},
        {"zeeland", "PV29"},       {"Noord-Brabant", "PV30"}, {"limburg", "PV31"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char pv[8] = "";
        const char *canon = NULL;
        CHECK(regions_province(t, cases[k].name, pv, &canon) == 0);
        CHECK(strcmp(pv, cases[k].pv) == 0);
        CHECK(canon != NULL);
    }
    char pv[8];
    CHECK(regions_province(t, "Noord-Hollnd", pv, NULL) < 0);
    CHECK(err_get() && err_get()->category == ERR_USAGE &&
          strstr(err_get()->message, "did you mean \"Noord-Holland\""));
    err_clear();
    CHECK(regions_province(t, "PV99", pv, NULL) < 0);
    err_clear();
    size_t n = 0;
    const char **codes = regions_gemeenten_of(t, "PV27", &n);
    CHECK(codes && n == 44);
    int has_ams = 0;
    for (size_t k = 0; codes && k < n; k++)
        has_ams |= strcmp(codes[k], "GM0363") == 0;
    CHECK(has_ams);
    mem_free(codes);
    const region_gemeente *g = regions_find(t, "GM0080");
    CHECK(g && strcmp(g->name, "Leeuwarden") == 0 && strcmp(g->pv, "PV21") == 0 &&
          strcmp(g->province, "Fryslân") == 0);
    CHECK(regions_find(t, "GM0998") == NULL); /* Buitenland */
    regions_free(t);
    /* 2022: Weesp and Brielle still exist; a later year takes the newest */
    t = regions_load(2022);
    CHECK(t && t->year == 2022 && t->n == 345);
    g = t ? regions_find(t, "GM0457") : NULL;
    CHECK(g && strcmp(g->pv, "PV27") == 0);
    g = t ? regions_find(t, "GM0501") : NULL;
    CHECK(g && strcmp(g->pv, "PV28") == 0);
    regions_free(t);
    t = regions_load(2030);
    CHECK(t && t->year == 2024);
    regions_free(t);
    t = regions_load(0);
    CHECK(t && t->year == 2024);
    regions_free(t);
}

static void test_recipe(void)
{
    const char *path = DNW_BINARY_DIR "/test_regions_recipe.yaml";
    FILE *f = fopen(path, "w");
    fputs("name: p\nunit: wijk\narea: {province: Noord-Holland}\n"
          "sources:\n  w: {path: w.geojson, key: wijkcode}\n"
          "indicators:\n  a: w.x\n  b: w.y\n"
          "peers: {indicators: [a, b], n: 3}\n", f);
    fclose(f);
    rcp *r = rcp_load(path);
    CHECK(r != NULL);
    CHECK(r && r->area_province.s && !strcmp(r->area_province.s, "Noord-Holland"));
    CHECK(r && r->area.n == 0);
    CHECK(r && r->peers.n == 2 && r->peers_n.v == 3);
    rcp_free(r);
    f = fopen(path, "w");
    fputs("name: p\nunit: wijk\narea: {provinse: X}\n"
          "sources:\n  w: {path: w.geojson, key: wijkcode}\n", f);
    fclose(f);
    r = rcp_load(path);
    CHECK(r == NULL && err_get() && strstr(err_get()->message, "province"));
    err_clear();
    f = fopen(path, "w");
    fputs("name: p\nunit: wijk\n"
          "sources:\n  w: {path: w.geojson, key: wijkcode}\n"
          "indicators:\n  a: w.x\npeers: {indicators: [aa]}\n", f);
    fclose(f);
    r = rcp_load(path);
    CHECK(r == NULL && err_get() && strstr(err_get()->message, "peers") &&
          err_get()->loc == 7);
    err_clear();
    remove(path);
}

int main(void)
{
    test_fold();
    test_provinces();
    test_recipe();
    return check_done();
}
