/* in_records.c - reading contact-record files; see in_records.h. */
#include "in_records.h"

#include "err.h"
#include "in_csv.h"
#include "in_ogr.h"
#include "mem.h"
#include "numparse.h"
#include "src.h"
#include "strdist.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void recfile_free(recfile *f)
{
    if (!f)
        return;
    tbl_free(f->t);
    MEM_FREE_ALL(f->file, f->line);
    memset(f, 0, sizeof *f);
}

int recfile_read(const char *path, const src_options *opt_in, recfile *out)
{
    memset(out, 0, sizeof *out);
    char file[4096];
    const char *layer = src_split_layer(path, file, sizeof file);
    src_options opt;
    if (opt_in)
        opt = *opt_in;
    else
        src_options_init(&opt);
    opt.no_cache = 1; /* row-level personal data stays out of the cache */
    out->file = mem_strdup(file);
    if (!out->file)
        return err_oom("records file name");
    if (src_is_csv(file))
        out->t = in_csv_read_lines(file, &opt, &out->line, &out->header_line);
    else
        out->t = in_ogr_read(file, layer, &opt);
    if (!out->t) {
        recfile_free(out);
        return -1;
    }
    return 0;
}

int recfile_error_at(const recfile *f, int cat, size_t r, const char *column,
                     const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
    va_end(ap);
    if (f->line)
        err_set((err_category)cat, f->file, f->line[r], column, "%s", msg);
    else
        err_set_feature((err_category)cat, f->file, (long)r + 1, column, "%s",
                        msg);
    return -1;
}

const tbl_col *recfile_column(const recfile *f, const char *name,
                              const char *role)
{
    const tbl_col *c = tbl_col_by_name(f->t, name);
    if (c && c->type != COL_GEOM)
        return c;
    size_t nc = tbl_ncols(f->t), n = 0;
    const char *cands[256];
    char list[600] = "";
    size_t used = 0;
    for (size_t k = 0; k < nc && n < 256; k++) {
        const tbl_col *col = tbl_col_at(f->t, k);
        if (col->type == COL_GEOM)
            continue;
        cands[n++] = col->name;
        if (used < sizeof list - 1)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                     n > 1 ? ", " : "", col->name);
    }
    if (used >= sizeof list - 1)
        memcpy(list + sizeof list - 5, "...", 4);
    const char *best[1];
    size_t nb = strdist_nearest(name, cands, n, 1, best);
    char hint[300] = "";
    if (nb)
        snprintf(hint, sizeof hint, err_tr("; did you mean \"%s\"?"), best[0]);
    err_set(ERR_RECIPE, f->file, f->line ? f->header_line : 0, NULL,
            "the file has no column \"%s\" (named by %s in the recipe)%s; "
            "its columns are: %s",
            name, role, hint, list);
    return NULL;
}

int recfile_numbers(const recfile *f, const tbl_col *c, const char *role,
                    double *out, size_t stride)
{
    size_t n = tbl_nrows(f->t);
    if (c->type == COL_DOUBLE || c->type == COL_INT64) {
        for (size_t r = 0; r < n; r++) {
            miss_reason why;
            double v = col_num(c, r, &why);
            out[r * stride] = why == MISS_NONE ? v : NAN;
        }
        return 0;
    }
    /* text: every distinct value once */
    double *dv = mem_alloc((c->n_dict ? c->n_dict : 1) * sizeof *dv);
    if (!dv)
        return err_oom("coordinates");
    for (uint32_t k = 0; k < c->n_dict; k++) {
        const char *s = col_dict(c, k);
        size_t len = strlen(s);
        double v;
        /* "52,37" is a decimal comma, not a thousands separator */
        char dec = strchr(s, ',') && !strchr(s, '.') ? ',' : '.';
        if (num_parse(s, len, dec, &v) == 0)
            dv[k] = v;
        else
            dv[k] = NAN;
    }
    for (size_t r = 0; r < n; r++) {
        int32_t code = c->codes[r];
        if (code >= 0 && isnan(dv[code])) {
            const char *s = col_dict(c, (uint32_t)code);
            mem_free(dv);
            return recfile_error_at(f, ERR_PARSE, r, c->name,
                                    "\"%.40s\" is not a number, but the "
                                    "recipe reads this column as %s",
                                    s, role);
        }
        out[r * stride] = code < 0 ? NAN : dv[code];
    }
    mem_free(dv);
    return 0;
}
