/* cmd_inspect.c - `dnawijk inspect FILE[#layer] [--json]`: layers, CRS, row
 * count and a summary of every column, as text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "colstats.h"
#include "err.h"
#include "jsonw.h"
#include "in_ogr.h"
#include "mem.h"
#include "src.h"

typedef struct {
    const char *file;
    const char *layer;
    tbl *t;
} inspected;

static void print_missing_text(const colstats *s)
{
    if (!s->missing_total) {
        printf("-");
        return;
    }
    int first = 1;
    for (int r = 1; r < MISS_REASON_COUNT; r++) {
        if (!s->missing[r])
            continue;
        printf("%s%zu %s", first ? "" : ", ", s->missing[r],
               miss_reason_name((miss_reason)r));
        first = 0;
    }
}

static void print_layer_text(const inspected *in)
{
    const tbl *t = in->t;
    const tbl_col *g = tbl_geom(t);
    printf("%s%s%s\n", in->file, in->layer ? " laag " : "",
           in->layer ? in->layer : "");
    printf("  rijen: %zu   CRS: %s\n", tbl_nrows(t),
           g && g->crs[0] ? g->crs : "(geen geometrie)");
    printf("  %-28s %-8s %7s  %s\n", "kolom", "type", "waarden",
           "ontbrekend / statistiek");
    for (size_t k = 0; k < tbl_ncols(t); k++) {
        const tbl_col *c = tbl_col_at(t, k);
        colstats s;
        if (colstats_compute(c, tbl_nrows(t), &s) < 0)
            continue;
        printf("  %-28s %-8s %7zu  ", c->name, col_type_name(c->type), s.count);
        if (c->type == COL_GEOM) {
            printf("leeg: %zu; extent %.6g %.6g %.6g %.6g\n", s.geom_empty,
                   s.extent[0], s.extent[1], s.extent[2], s.extent[3]);
            continue;
        }
        printf("ontbrekend: ");
        print_missing_text(&s);
        if (c->type != COL_STRING && s.count)
            printf("; min %.6g max %.6g gem %.6g som %.10g", s.min, s.max,
                   s.mean, s.sum);
        if (c->type == COL_STRING) {
            printf("; %zu verschillend, bv.", s.distinct);
            for (size_t e = 0; e < s.n_examples; e++)
                printf(" \"%s\"", s.examples[e]);
        }
        if (s.code_level != KEY_INVALID)
            printf("; %s-codes (%zu genormaliseerd)",
                   key_level_name(s.code_level), s.codes_normalised);
        printf("\n");
    }
}

static void json_layer(jsonw *w, const inspected *in)
{
    const tbl *t = in->t;
    const tbl_col *g = tbl_geom(t);
    jsonw_obj_begin(w);
    jsonw_kstr(w, "name", in->layer);
    jsonw_key(w, "crs");
    jsonw_str(w, g && g->crs[0] ? g->crs : NULL);
    jsonw_kint(w, "rows", (int64_t)tbl_nrows(t));
    jsonw_key(w, "columns");
    jsonw_arr_begin(w);
    for (size_t k = 0; k < tbl_ncols(t); k++) {
        const tbl_col *c = tbl_col_at(t, k);
        colstats s;
        if (colstats_compute(c, tbl_nrows(t), &s) < 0)
            continue;
        jsonw_obj_begin(w);
        jsonw_kstr(w, "name", c->name);
        jsonw_kstr(w, "type", col_type_name(c->type));
        jsonw_kint(w, "count", (int64_t)s.count);
        jsonw_key(w, "missing");
        jsonw_obj_begin(w);
        for (int r = 1; r < MISS_REASON_COUNT; r++)
            if (s.missing[r])
                jsonw_kint(w, miss_reason_name((miss_reason)r),
                           (int64_t)s.missing[r]);
        jsonw_obj_end(w);
        if (c->type == COL_DOUBLE || c->type == COL_INT64) {
            jsonw_knum(w, "min", s.min);
            jsonw_knum(w, "max", s.max);
            jsonw_knum(w, "mean", s.mean);
            jsonw_knum(w, "sum", s.sum);
        } else if (c->type == COL_STRING) {
            jsonw_kint(w, "distinct", (int64_t)s.distinct);
            jsonw_key(w, "examples");
            jsonw_arr_begin(w);
            for (size_t e = 0; e < s.n_examples; e++)
                jsonw_str(w, s.examples[e]);
            jsonw_arr_end(w);
        } else {
            jsonw_key(w, "extent");
            jsonw_arr_begin(w);
            for (int e = 0; e < 4; e++)
                jsonw_num(w, s.extent[e]);
            jsonw_arr_end(w);
        }
        if (s.code_level != KEY_INVALID) {
            jsonw_key(w, "codes");
            jsonw_obj_begin(w);
            jsonw_kstr(w, "level", key_level_name(s.code_level));
            jsonw_kint(w, "valid", (int64_t)s.codes_valid);
            jsonw_kint(w, "normalised", (int64_t)s.codes_normalised);
            jsonw_obj_end(w);
        }
        jsonw_obj_end(w);
    }
    jsonw_arr_end(w);
    jsonw_obj_end(w);
}

/* Reads every requested layer; returns the count or -1 (error set). */
static int read_layers(const char *arg, inspected **out)
{
    char file[4096];
    const char *layer = src_split_layer(arg, file, sizeof file);
    src_options opt;
    src_options_init(&opt);
    opt.target_crs = ""; /* show the source's own CRS */
    char **names = NULL;
    size_t n = 0;
    if (layer || src_is_single_table(file)) {
        n = 1;
    } else if (in_ogr_list_layers(file, &names, &n) < 0) {
        return -1;
    }
    inspected *in = mem_calloc(n ? n : 1, sizeof *in);
    if (!in) {
        in_ogr_free_names(names, n);
        return err_oom("inspect");
    }
    for (size_t k = 0; k < n; k++) {
        char spec[4608];
        const char *lname = layer ? layer : names ? names[k] : NULL;
        if (lname)
            snprintf(spec, sizeof spec, "%s#%s", file, lname);
        else
            snprintf(spec, sizeof spec, "%s", file);
        in[k].file = arg;
        in[k].layer = lname ? mem_strdup(lname) : NULL;
        in[k].t = src_read(spec, &opt);
        if (!in[k].t) {
            for (size_t j = 0; j <= k; j++) {
                tbl_free(in[j].t);
                mem_free((char *)in[j].layer);
            }
            mem_free(in);
            in_ogr_free_names(names, n);
            return -1;
        }
    }
    in_ogr_free_names(names, n);
    *out = in;
    return (int)n;
}

int cmd_inspect(int argc, char **argv)
{
    const char *path = NULL;
    int json = 0;
    for (int k = 0; k < argc; k++) {
        if (!strcmp(argv[k], "--json"))
            json = 1;
        else if (argv[k][0] == '-' && argv[k][1]) {
            cmd_usage_error("unknown option \"%s\" for inspect",
                    argv[k]);
            return 2;
        } else if (!path)
            path = argv[k];
        else {
            cmd_usage_error("inspect takes one file");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "usage: dnawijk inspect FILE[#layer] [--json]\n");
        return 2;
    }
    inspected *in = NULL;
    int n = read_layers(path, &in);
    if (n < 0) {
        err_print(stderr);
        return 1;
    }
    if (json) {
        jsonw w;
        jsonw_init(&w, stdout, 1);
        jsonw_obj_begin(&w);
        jsonw_kstr(&w, "file", path);
        jsonw_key(&w, "layers");
        jsonw_arr_begin(&w);
        for (int k = 0; k < n; k++)
            json_layer(&w, &in[k]);
        jsonw_arr_end(&w);
        jsonw_obj_end(&w);
    } else {
        for (int k = 0; k < n; k++)
            print_layer_text(&in[k]);
    }
    for (int k = 0; k < n; k++) {
        tbl_free(in[k].t);
        mem_free((char *)in[k].layer);
    }
    mem_free(in);
    return 0;
}
