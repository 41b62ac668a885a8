/* regions.c - the gemeente-to-province tables; see regions.h. */
#include "regions.h"

#include "err.h"
#include "in_csv.h"
#include "mem.h"
#include "strdist.h"
#include "tbl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef DNAWIJK_DATADIR
#define DNAWIJK_DATADIR "datasets"
#endif

const char *regions_dir(void)
{
    const char *e = getenv("DNAWIJK_REGIONS_DIR");
    return e && *e ? e : DNAWIJK_DATADIR "/regions";
}

void regions_fold(const char *s, char *out, size_t size)
{
    /* base letters of U+00C0..U+00FF (0 = drop) */
    static const char latin1[] = "aaaaaaaceeeeiiii"
                                 "dnooooo\0ouuuuy\0s"
                                 "aaaaaaaceeeeiiii"
                                 "dnooooo\0ouuuuy\0y";
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && o + 1 < size) {
        if (*p < 0x80) {
            if (isalnum(*p))
                out[o++] = (char)tolower(*p);
            p++;
        } else if ((p[0] == 0xC3) && p[1] >= 0x80 && p[1] <= 0xBF) {
            char c = latin1[p[1] - 0x80];
            if (c)
                out[o++] = c;
            p += 2;
        } else {
            p++;
            while ((*p & 0xC0) == 0x80)
                p++;
        }
    }
    out[o < size ? o : size - 1] = '\0';
}

void regions_free(region_table *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->n; k++)
        MEM_FREE_ALL(t->gm[k].name, t->gm[k].province);
    MEM_FREE_ALL(t->gm, t);
}

static int cmp_gm(const void *a, const void *b)
{
    return strcmp(((const region_gemeente *)a)->code,
                  ((const region_gemeente *)b)->code);
}

/* The year whose table to read: year itself, the newest at or before it,
 * or the oldest; 0 when no table exists. */
static int pick_year(int year)
{
    int best = 0, oldest = 0;
    for (int y = 2000; y <= 2100; y++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/gemeente_provincie_%d.csv",
                 regions_dir(), y);
        if (access(path, R_OK) != 0)
            continue;
        if (!oldest)
            oldest = y;
        if (year == 0 || y <= year)
            best = y;
    }
    return best ? best : oldest;
}

region_table *regions_load(int year)
{
    int y = pick_year(year);
    char path[4200];
    snprintf(path, sizeof path, "%s/gemeente_provincie_%d.csv", regions_dir(),
             y);
    if (!y) {
        err_set(ERR_IO, regions_dir(), 0, NULL,
                "no gemeente-to-province table (gemeente_provincie_<year>.csv)"
                " in this folder");
        return NULL;
    }
    static const char *const text[] = {"gemeentecode", "gemeentenaam",
                                       "provinciecode", "provincienaam"};
    src_options so;
    src_options_init(&so);
    so.delimiter = ',';
    so.text_columns = text;
    so.n_text_columns = 4;
    so.no_cache = 1;
    tbl *t = in_csv_read(path, &so);
    if (!t)
        return NULL;
    const tbl_col *cc = tbl_col_by_name(t, "gemeentecode"),
                  *cn = tbl_col_by_name(t, "gemeentenaam"),
                  *pc = tbl_col_by_name(t, "provinciecode"),
                  *pn = tbl_col_by_name(t, "provincienaam");
    if (!cc || !cn || !pc || !pn) {
        tbl_free(t);
        err_set(ERR_PARSE, path, 1, NULL,
                "expected the columns gemeentecode, gemeentenaam, "
                "provinciecode, provincienaam");
        return NULL;
    }
    size_t n = tbl_nrows(t);
    region_table *rt = mem_calloc(1, sizeof *rt);
    if (rt)
        rt->gm = mem_calloc(n ? n : 1, sizeof *rt->gm);
    if (!rt || !rt->gm) {
        mem_free(rt);
        tbl_free(t);
        err_oom("province table");
        return NULL;
    }
    rt->year = y;
    for (size_t r = 0; r < n; r++) {
        const char *code = col_str(cc, r), *name = col_str(cn, r),
                   *pv = col_str(pc, r), *prov = col_str(pn, r);
        if (!code || !name || !pv || !prov || strlen(code) != 6 ||
            strlen(pv) != 4) {
            err_set(ERR_PARSE, path, (long)r + 2, NULL,
                    "a row needs a GM code, a name, a PV code and a "
                    "province name");
            regions_free(rt);
            tbl_free(t);
            return NULL;
        }
        region_gemeente *g = &rt->gm[rt->n++];
        snprintf(g->code, sizeof g->code, "%s", code);
        snprintf(g->pv, sizeof g->pv, "%s", pv);
        g->name = mem_strdup(name);
        g->province = mem_strdup(prov);
        if (!g->name || !g->province) {
            regions_free(rt);
            tbl_free(t);
            err_oom("province table");
            return NULL;
        }
    }
    tbl_free(t);
    qsort(rt->gm, rt->n, sizeof *rt->gm, cmp_gm);
    return rt;
}

int regions_province(const region_table *t, const char *name_or_code,
                     char out[8], const char **canonical)
{
    char want[128];
    regions_fold(name_or_code, want, sizeof want);
    /* codes: PV27, pv27, 27 */
    const char *digits = want;
    if (!strncmp(digits, "pv", 2))
        digits += 2;
    int is_code = *digits && strlen(digits) == 2 && isdigit((unsigned char)digits[0]) &&
                  isdigit((unsigned char)digits[1]);
    if (!strcmp(want, "friesland"))
        snprintf(want, sizeof want, "fryslan");
    const char *names[16];
    size_t n_names = 0;
    for (size_t k = 0; k < t->n; k++) {
        const region_gemeente *g = &t->gm[k];
        char f[128];
        regions_fold(g->province, f, sizeof f);
        if ((is_code && !strcmp(g->pv + 2, digits)) || (!is_code && !strcmp(f, want))) {
            snprintf(out, 8, "%s", g->pv);
            if (canonical)
                *canonical = g->province;
            return 0;
        }
        size_t j = 0;
        while (j < n_names && strcmp(names[j], g->province))
            j++;
        if (j == n_names && n_names < 16)
            names[n_names++] = g->province;
    }
    char list[600] = "";
    size_t used = 0;
    for (size_t j = 0; j < n_names && used < sizeof list; j++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 j ? ", " : "", names[j]);
    const char *best[1];
    size_t nb = strdist_nearest(name_or_code, names, n_names, 1, best);
    err_set(ERR_USAGE, NULL, 0, NULL,
            "unknown province \"%s\"%s%s%s; the provinces are: %s (or their "
            "codes PV20 to PV31)",
            name_or_code, nb ? err_tr("; did you mean \"") : "", nb ? best[0] : "",
            nb ? "\"?" : "", list);
    return -1;
}

const char **regions_gemeenten_of(const region_table *t, const char *pv,
                                  size_t *n)
{
    const char **out = mem_alloc((t->n ? t->n : 1) * sizeof *out);
    if (!out) {
        err_oom("province gemeenten");
        return NULL;
    }
    *n = 0;
    for (size_t k = 0; k < t->n; k++)
        if (!strcmp(t->gm[k].pv, pv))
            out[(*n)++] = t->gm[k].code;
    return out;
}

const region_gemeente *regions_find(const region_table *t, const char *code)
{
    region_gemeente key;
    memset(&key, 0, sizeof key);
    snprintf(key.code, sizeof key.code, "%s", code);
    return bsearch(&key, t->gm, t->n, sizeof *t->gm, cmp_gm);
}
