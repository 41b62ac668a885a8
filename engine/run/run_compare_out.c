/* run_compare_out.c - what `compare` writes after the per-gemeente runs:
 * ranks, peers, comparison.csv and manifest.json; the charts, small
 * multiples and gemeente sheets are in run_compare_plots.c. */
#include "run_compare_int.h"

#include "err.h"
#include "jsonw.h"
#include "mem.h"
#include "out.h"
#include "present.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int cmp_compute_ranks_and_peers(cmp_ctx *x)
{
    size_t n = x->n_gm, ni = x->n_ind;
    x->rank = mem_calloc(n * ni + 1, sizeof *x->rank);
    if (!x->rank)
        return err_oom("ranks");
    /* rank: 1 + the number of gemeenten with a higher value */
    for (size_t k = 0; k < ni; k++)
        for (size_t a = 0; a < n; a++) {
            const cmp_gemeente *ga = &x->gm[a];
            if (!ga->ok || ga->m[k])
                continue;
            int higher = 0;
            for (size_t b = 0; b < n; b++) {
                const cmp_gemeente *gb = &x->gm[b];
                if (gb->ok && !gb->m[k] && gb->v[k] > ga->v[k])
                    higher++;
            }
            x->rank[k * n + a] = higher + 1;
        }
    const rcp *r = x->r;
    size_t np = r->peers.n;
    if (np == 0)
        return 0;
    size_t *pk = mem_alloc(np * sizeof *pk);
    double *z = mem_calloc(n * np + 1, sizeof *z);
    uint8_t *usable = mem_calloc(n ? n : 1, 1);
    double *d = mem_alloc((n ? n : 1) * sizeof *d);
    size_t *order = mem_alloc((n ? n : 1) * sizeof *order);
    if (!pk || !z || !usable || !d || !order) {
        MEM_FREE_ALL(pk, z, usable, d, order);
        return err_oom("peers");
    }
    for (size_t j = 0; j < np; j++)
        for (pk[j] = 0; pk[j] < ni; pk[j]++)
            if (!strcmp(x->ind[pk[j]]->name.s, r->peers.s[j]))
                break;
    for (size_t a = 0; a < n; a++) {
        usable[a] = x->gm[a].ok;
        for (size_t j = 0; usable[a] && j < np; j++)
            usable[a] = pk[j] < ni && !x->gm[a].m[pk[j]];
    }
    /* z-scores over the usable gemeenten */
    for (size_t j = 0; j < np; j++) {
        double sum = 0, sq = 0;
        size_t cnt = 0;
        for (size_t a = 0; a < n; a++)
            if (usable[a]) {
                sum += x->gm[a].v[pk[j]];
                cnt++;
            }
        double mean = cnt ? sum / (double)cnt : 0;
        for (size_t a = 0; a < n; a++)
            if (usable[a]) {
                double e = x->gm[a].v[pk[j]] - mean;
                sq += e * e;
            }
        double sd = cnt ? sqrt(sq / (double)cnt) : 0;
        for (size_t a = 0; a < n; a++)
            z[a * np + j] = usable[a] && sd > 0 ? (x->gm[a].v[pk[j]] - mean) / sd : 0;
    }
    size_t want = (size_t)r->peers_n.v;
    if (want > CMP_MAX_PEERS)
        want = CMP_MAX_PEERS;
    for (size_t a = 0; a < n; a++) {
        if (!usable[a])
            continue;
        size_t m = 0;
        for (size_t b = 0; b < n; b++) {
            if (b == a || !usable[b])
                continue;
            double s = 0;
            for (size_t j = 0; j < np; j++) {
                double e = z[a * np + j] - z[b * np + j];
                s += e * e;
            }
            d[b] = sqrt(s);
            order[m++] = b;
        }
        /* partial selection sort: the `want` nearest, ties by code order */
        cmp_gemeente *g = &x->gm[a];
        for (size_t i = 0; i < m && i < want; i++) {
            size_t best = i;
            for (size_t q = i + 1; q < m; q++)
                if (d[order[q]] < d[order[best]] ||
                    (d[order[q]] == d[order[best]] && order[q] < order[best]))
                    best = q;
            size_t tmp = order[i];
            order[i] = order[best];
            order[best] = tmp;
            g->peers[i] = order[i];
            g->peer_d[i] = d[order[i]];
            g->n_peers = i + 1;
        }
    }
    MEM_FREE_ALL(pk, z, usable, d, order);
    return 0;
}

/* Sets row r of a numeric column, or marks it missing. */
static int set_num(tbl_col *col, size_t nrows, size_t r, int valid, double v,
                   miss_reason why)
{
    if (!valid)
        return col_set_missing(col, nrows, r, why ? why : MISS_EMPTY);
    col->d[r] = v;
    return 0;
}

/* Writes the comparison table t as comparison.csv (and comparison.xlsx
 * unless the recipe turns xlsx off) in the recipe's table dialect: codes
 * and names as text, ranks as whole numbers, values and differences with
 * their indicator's decimals. Returns 0 or -1 with the error set. */
static int write_table(cmp_ctx *x, const tbl *t, int en)
{
    size_t nc = tbl_ncols(t);
    out_column *cols = mem_calloc(nc ? nc : 1, sizeof *cols);
    if (!cols)
        return err_oom("comparison table");
    for (size_t k = 0; k < nc; k++) {
        const tbl_col *col = tbl_col_at(t, k);
        out_column *oc = &cols[k];
        oc->name = col->name;
        oc->col = col;
        oc->decimals = -1;
        if (col->type == COL_STRING) {
            oc->kind = OUT_TEXT;
            continue;
        }
        size_t len = strlen(col->name);
        oc->kind = len > 5 && !strcmp(col->name + len - 5, "_rank")
                       ? OUT_INTEGER : OUT_NUMBER;
        for (size_t i = 0; i < x->n_ind; i++) {
            size_t il = strlen(x->ind[i]->name.s);
            if (!strncmp(col->name, x->ind[i]->name.s, il) &&
                (col->name[il] == '\0' || col->name[il] == '_') &&
                oc->kind == OUT_NUMBER) {
                oc->decimals = (int)x->ind[i]->decimals.v;
                oc->label = x->ind[i]->label.s;
                oc->unit = x->ind[i]->unit.s;
            }
        }
    }
    out_table ot;
    memset(&ot, 0, sizeof ot);
    ot.name = present_word(en ? NUMFMT_EN : NUMFMT_NL, PW_FILE_COMPARISON);
    ot.cols = cols;
    ot.n_cols = nc;
    ot.n_rows = tbl_nrows(t);
    out_dialect d = x->r->out_dialect.v == RCP_DIALECT_INTERNATIONAL
                        ? OUT_DIALECT_INTL : OUT_DIALECT_NL;
    char path[4300];
    snprintf(path, sizeof path, "%s/comparison.csv", x->stage);
    int rc = out_csv(&ot, path, d);
    if (rc == 0 && x->r->out_xlsx.v) {
        snprintf(path, sizeof path, "%s/comparison.xlsx", x->stage);
        rc = out_xlsx(path, &ot, 1, en, x->created);
    }
    mem_free(cols);
    return rc;
}

int cmp_write_table(cmp_ctx *x)
{
    size_t n = x->n_gm, ni = x->n_ind;
    int en = x->r->language.v == RCP_EN;
    tbl *t = tbl_new(n);
    if (!t)
        return -1;
    int rc = 0;
    tbl_col *code = tbl_add_col(t, "code", COL_STRING);
    tbl_col *name = tbl_add_col(t, "name", COL_STRING);
    if (!code || !name)
        rc = -1;
    for (size_t a = 0; rc == 0 && a < n; a++) {
        const cmp_gemeente *g = &x->gm[a];
        if (col_set_str(code, n, a, g->code, strlen(g->code)) < 0 ||
            col_set_str(name, n, a, g->name, strlen(g->name)) < 0)
            rc = -1;
    }
    for (size_t k = 0; rc == 0 && k < ni; k++) {
        const char *nm = x->ind[k]->name.s;
        char cn[300];
        tbl_col *cv = tbl_add_col(t, nm, COL_DOUBLE);
        snprintf(cn, sizeof cn, "%s_rank", nm);
        tbl_col *cr = cv ? tbl_add_col(t, cn, COL_DOUBLE) : NULL;
        snprintf(cn, sizeof cn, "%s_%s", nm, en ? "diff" : "verschil");
        tbl_col *cd = cr ? tbl_add_col(t, cn, COL_DOUBLE) : NULL;
        if (!cd) {
            rc = -1;
            break;
        }
        for (size_t a = 0; rc == 0 && a < n; a++) {
            const cmp_gemeente *g = &x->gm[a];
            int valid = g->ok && !g->m[k];
            rc = set_num(cv, n, a, valid, valid ? g->v[k] : 0,
                         g->ok ? (miss_reason)g->m[k] : MISS_EMPTY);
            int rk = x->rank[k * n + a];
            if (rc == 0)
                rc = set_num(cr, n, a, rk > 0, rk, MISS_EMPTY);
            if (rc == 0)
                rc = set_num(cd, n, a, valid && !x->sel_m[k],
                             valid ? g->v[k] - x->sel_v[k] : 0, MISS_EMPTY);
        }
    }
    if (rc == 0 && x->r->peers.n) {
        tbl_col *cp = tbl_add_col(t, en ? "peers" : "vergelijkbare_gemeenten",
                                  COL_STRING);
        if (!cp)
            rc = -1;
        for (size_t a = 0; rc == 0 && a < n; a++) {
            const cmp_gemeente *g = &x->gm[a];
            char buf[4096];
            size_t used = 0;
            buf[0] = '\0';
            for (size_t p = 0; p < g->n_peers && used < sizeof buf; p++)
                used += (size_t)snprintf(buf + used, sizeof buf - used,
                                         "%s%s", p ? " " : "",
                                         x->gm[g->peers[p]].code);
            rc = col_set_str(cp, n, a, buf, strlen(buf));
        }
    }
    if (rc == 0) {
        tbl_col *cs = tbl_add_col(t, "status", COL_STRING);
        if (!cs)
            rc = -1;
        for (size_t a = 0; rc == 0 && a < n; a++) {
            const cmp_gemeente *g = &x->gm[a];
            const char *s = g->ok ? "ok" : cmp_error(g);
            rc = col_set_str(cs, n, a, s, strlen(s));
        }
    }
    if (rc == 0)
        rc = write_table(x, t, en);
    tbl_free(t);
    return rc;
}

int cmp_write_manifest(cmp_ctx *x)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/manifest.json", x->stage);
    FILE *f = fopen(path, "w");
    if (!f) {
        err_set(ERR_IO, path, 0, NULL, "cannot create the manifest: %s",
                strerror(errno));
        return -1;
    }
    const rcp *r = x->r;
    jsonw w;
    jsonw_init(&w, f, 1);
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "command", "compare");
    jsonw_key(&w, "recipe");
    jsonw_obj_begin(&w);
    jsonw_kstr(&w, "name", r->name.s);
    jsonw_kstr(&w, "path", r->path);
    jsonw_kstr(&w, "sha256", x->recipe_sha);
    jsonw_obj_end(&w);
    jsonw_kstr(&w, "created", x->created);
    jsonw_kstr(&w, "selection", x->selection);
    size_t n_ok = 0;
    for (size_t a = 0; a < x->n_gm; a++)
        n_ok += x->gm[a].ok;
    jsonw_kint(&w, "gemeenten", (int64_t)x->n_gm);
    jsonw_kint(&w, "succeeded", (int64_t)n_ok);
    jsonw_kint(&w, "failed", (int64_t)(x->n_gm - n_ok));
    jsonw_key(&w, "selection_values");
    jsonw_obj_begin(&w);
    for (size_t k = 0; k < x->n_ind; k++) {
        jsonw_key(&w, x->ind[k]->name.s);
        if (x->sel_m[k])
            jsonw_null(&w);
        else
            jsonw_num(&w, x->sel_v[k]);
    }
    jsonw_obj_end(&w);
    jsonw_key(&w, "peers");
    jsonw_obj_begin(&w);
    jsonw_key(&w, "indicators");
    jsonw_arr_begin(&w);
    for (size_t k = 0; k < r->peers.n; k++)
        jsonw_str(&w, r->peers.s[k]);
    jsonw_arr_end(&w);
    jsonw_kint(&w, "n", r->peers_n.v);
    jsonw_kstr(&w, "method",
               "standardised Euclidean distance: z-scores (population sd) "
               "over the gemeenten of the selection with a value for every "
               "peer indicator; nearest first, ties by code");
    jsonw_obj_end(&w);
    jsonw_key(&w, "runs");
    jsonw_arr_begin(&w);
    for (size_t a = 0; a < x->n_gm; a++) {
        const cmp_gemeente *g = &x->gm[a];
        jsonw_obj_begin(&w);
        jsonw_kstr(&w, "code", g->code);
        jsonw_kstr(&w, "name", g->name);
        jsonw_kstr(&w, "status", g->ok ? "ok" : "failed");
        if (!g->ok)
            jsonw_kstr(&w, "error", cmp_error(g));
        else {
            jsonw_kint(&w, "units", (int64_t)g->n_units);
            jsonw_kstr(&w, "folder", g->code);
        }
        jsonw_knum(&w, "seconds", round(g->seconds * 1000) / 1000);
        jsonw_obj_end(&w);
    }
    jsonw_arr_end(&w);
    static const char *const stages[5] = {"read", "selection", "runs",
                                          "table", "charts_maps_sheets"};
    jsonw_key(&w, "timings_seconds");
    jsonw_obj_begin(&w);
    for (int k = 0; k < 5; k++)
        jsonw_knum(&w, stages[k], round(x->timing[k] * 1000) / 1000);
    jsonw_obj_end(&w);
    jsonw_obj_end(&w);
    fputc('\n', f);
    if (ferror(f) | (fclose(f) != 0)) {
        err_set(ERR_IO, path, 0, NULL, "cannot write the manifest");
        return -1;
    }
    return 0;
}
