/* cmd_classify.c - `dnawijk classify FILE[#layer] COLUMN --method METHOD
 * --classes K [--breaks a,b,c] [--json]`: breaks, counts per class and the
 * goodness of variance fit of one column, to try methods before writing a
 * recipe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cls.h"
#include "cmd.h"
#include "err.h"
#include "jsonw.h"
#include "mem.h"
#include "src.h"

static int usage(void)
{
    fprintf(stderr, "usage: dnawijk classify FILE[#layer] COLUMN --method "
                    "METHOD --classes K [--breaks a,b,...] [--json]\n"
                    "methods: quantile, equal, jenks, headtail, stddev, "
                    "pretty, manual\n");
    return 2;
}

/* Parses "a,b,c" into a malloc'd array. */
static double *parse_breaks(const char *s, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    double *b = mem_alloc(cap * sizeof *b);
    if (!b)
        return NULL;
    *n = 0;
    const char *p = s;
    while (*p) {
        char *end;
        b[(*n)++] = strtod(p, &end);
        if (end == p || (*end && *end != ',')) {
            mem_free(b);
            return NULL;
        }
        p = *end ? end + 1 : end;
    }
    return b;
}

static void print_json(const cls_result *r)
{
    jsonw w;
    jsonw_init(&w, stdout, 1);
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "method", cls_method_name(r->method));
    jsonw_kint(&w, "classes", r->k);
    jsonw_key(&w, "breaks");
    jsonw_arr_begin(&w);
    for (int k = 0; k <= r->k; k++)
        jsonw_num(&w, r->breaks[k]);
    jsonw_arr_end(&w);
    jsonw_key(&w, "counts");
    jsonw_arr_begin(&w);
    for (int k = 0; k < r->k; k++)
        jsonw_int(&w, (int64_t)r->counts[k]);
    jsonw_arr_end(&w);
    jsonw_kint(&w, "missing", (int64_t)r->n_missing);
    jsonw_knum(&w, "gvf", r->gvf);
    jsonw_obj_end(&w);
}

static void print_text(const cls_result *r, const char *column)
{
    printf("%s: %s, %d klassen (GVF %.4f), %zu waarden, %zu ontbrekend\n",
           column, cls_method_name(r->method), r->k, r->gvf, r->n_valid,
           r->n_missing);
    for (int k = 0; k < r->k; k++)
        printf("  %2d  %14.6g - %-14.6g %8zu\n", k + 1, r->breaks[k],
               r->breaks[k + 1], r->counts[k]);
}

int cmd_classify(int argc, char **argv)
{
    const char *file = NULL, *column = NULL, *method = "quantile",
               *breaks = NULL;
    int k = 5, json = 0;
    for (int a = 0; a < argc; a++) {
        if (!strcmp(argv[a], "--json"))
            json = 1;
        else if (!strcmp(argv[a], "--method") && a + 1 < argc)
            method = argv[++a];
        else if (!strcmp(argv[a], "--classes") && a + 1 < argc) {
            char *end;
            k = (int)strtol(argv[++a], &end, 10);
            if (*end || k < 1) {
                cmd_usage_error("--classes needs a "
                                "whole number of at least 1, not \"%s\"",
                        argv[a]);
                return 2;
            }
        } else if (!strcmp(argv[a], "--breaks") && a + 1 < argc)
            breaks = argv[++a];
        else if (argv[a][0] == '-' && argv[a][1]) {
            cmd_usage_error("unknown option \"%s\"",
                    argv[a]);
            return usage();
        } else if (!file)
            file = argv[a];
        else if (!column)
            column = argv[a];
        else
            return usage();
    }
    if (!file || !column)
        return usage();
    cls_method m;
    if (cls_method_parse(method, &m) < 0) {
        err_print(stderr);
        return 2;
    }
    size_t n_manual = 0;
    double *manual = NULL;
    if (breaks && !(manual = parse_breaks(breaks, &n_manual))) {
        cmd_usage_error("--breaks needs numbers "
                        "separated by commas, such as 0,10,20.5");
        return 2;
    }
    src_options opt;
    src_options_init(&opt);
    opt.target_crs = "";
    tbl *t = src_read(file, &opt);
    int rc = 1;
    cls_result r;
    memset(&r, 0, sizeof r);
    if (!t)
        goto fail;
    const tbl_col *c = tbl_col_by_name(t, column);
    if (!c) {
        err_set(ERR_USAGE, file, 0, column, "no such column in this file");
        goto fail;
    }
    if (c->type != COL_DOUBLE && c->type != COL_INT64) {
        err_set(ERR_USAGE, file, 0, column,
                "the column is %s; only numbers can be classified",
                col_type_name(c->type));
        goto fail;
    }
    size_t n = tbl_nrows(t);
    double *v = mem_alloc((n ? n : 1) * sizeof *v);
    if (!v) {
        err_oom("values");
        goto fail;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = c->type == COL_DOUBLE ? c->d[i] : (double)c->i[i];
    int ok = cls_classify(v, c->miss, n, m, k, manual, n_manual, &r) == 0;
    mem_free(v);
    if (!ok) {
        err_prefix("%s", column);
        goto fail;
    }
    if (json)
        print_json(&r);
    else
        print_text(&r, column);
    rc = 0;
    goto done;
fail:
    err_print(stderr);
done:
    cls_result_free(&r);
    tbl_free(t);
    mem_free(manual);
    return rc;
}
