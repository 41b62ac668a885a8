/* run_compare.c - `compare`: the selection of gemeenten, the sources read
 * once, the selection pass (the whole selection's values and map classes),
 * the per-gemeente runs on worker threads with a progress bar, then the
 * comparison outputs (run_compare_out.c); see run_compare.h. */
#include "run_compare_int.h"

#include "err.h"
#include "fsutil.h"
#include "mem.h"
#include "present.h"
#include "regions.h"
#include "sha256.h"
#include "threads.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int run_compare_jobs(int jobs)
{
    if (jobs > 0)
        return jobs > THREADS_MAX ? THREADS_MAX : jobs;
    return threads_count();
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const cmp_gemeente *)a)->code,
                  ((const cmp_gemeente *)b)->code);
}

/* Adds gemeente code (checked, normalised to GM####) to the selection once. */
static int add_gemeente(cmp_ctx *x, const char *code, size_t len,
                        const char *what)
{
    char buf[KEY_MAX];
    while (len && isspace((unsigned char)*code)) {
        code++;
        len--;
    }
    while (len && isspace((unsigned char)code[len - 1]))
        len--;
    if (len == 0)
        return 0;
    int ok = len == 6 && toupper((unsigned char)code[0]) == 'G' &&
             toupper((unsigned char)code[1]) == 'M';
    for (size_t k = 2; ok && k < 6; k++)
        ok = isdigit((unsigned char)code[k]);
    if (!ok) {
        err_set(ERR_USAGE, NULL, 0, NULL,
                "%s: \"%.*s\" is not a gemeente code; write codes such as "
                "GM0363", what, (int)(len > 40 ? 40 : len), code);
        return -1;
    }
    snprintf(buf, sizeof buf, "GM%.4s", code + 2);
    for (size_t k = 0; k < x->n_gm; k++)
        if (!strcmp(x->gm[k].code, buf))
            return 0;
    memcpy(x->gm[x->n_gm++].code, buf, KEY_MAX);
    return 0;
}

/* Fills x->gm from the options or the recipe. */
static int select_gemeenten(cmp_ctx *x)
{
    const compare_options *o = x->opt;
    const rcp *r = x->r;
    region_table *rt = regions_load((int)r->year.v);
    if (!rt)
        return -1;
    size_t cap = rt->n + (o->areas ? strlen(o->areas) / 2 : 0) + r->area.n + 1;
    x->gm = mem_calloc(cap, sizeof *x->gm);
    int rc = x->gm ? 0 : err_oom("selection");
    const char *prov = o->province ? o->province
                       : (!o->areas && !o->all) ? r->area_province.s : NULL;
    if (rc == 0 && prov) {
        char pv[8];
        const char *canon = NULL;
        rc = regions_province(rt, prov, pv, &canon);
        if (rc < 0 && !o->province) {
            err_info e = *err_get();
            rc = rcp_error_at(r->area_province.pos, ERR_RECIPE, "%s", e.message);
        }
        for (size_t k = 0; rc == 0 && k < rt->n; k++)
            if (!strcmp(rt->gm[k].pv, pv))
                rc = add_gemeente(x, rt->gm[k].code, 6, "province");
        if (rc == 0)
            snprintf(x->selection, sizeof x->selection, "%s %s",
                     present_word(present_lang(r), PW_PROVINCE), canon);
    } else if (rc == 0 && o->areas) {
        const char *p = o->areas;
        while (rc == 0 && *p) {
            const char *e = strchr(p, ',');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            rc = add_gemeente(x, p, len, "--areas");
            p += len + (e ? 1 : 0);
        }
        snprintf(x->selection, sizeof x->selection, "%s",
                 present_word(present_lang(r), PW_SELECTED_GEMEENTEN));
    } else if (rc == 0 && o->all) {
        for (size_t k = 0; rc == 0 && k < rt->n; k++)
            rc = add_gemeente(x, rt->gm[k].code, 6, "all");
        snprintf(x->selection, sizeof x->selection, "%s",
                 present_word(present_lang(r), PW_NETHERLANDS));
    } else if (rc == 0) {
        for (size_t k = 0; rc == 0 && k < r->area.n; k++) {
            if (strncmp(r->area.s[k], "GM", 2) != 0) {
                rc = rcp_error_at(r->area.at[k], ERR_USAGE,
                                  "compare runs per gemeente, but the area "
                                  "holds %s; give gemeenten (GM codes)",
                                  r->area.s[k]);
                break;
            }
            rc = add_gemeente(x, r->area.s[k], strlen(r->area.s[k]), "area");
        }
        snprintf(x->selection, sizeof x->selection, "%s",
                 present_word(present_lang(r), PW_SELECTED_GEMEENTEN));
    }
    if (rc == 0 && x->n_gm == 0)
        rc = -1, err_set(ERR_USAGE, NULL, 0, NULL,
                         "no gemeenten to compare: give --province NAME, "
                         "--areas GM0363,GM0479,... or --all, or area: "
                         "{province: NAME} in the recipe");
    if (rc == 0) {
        qsort(x->gm, x->n_gm, sizeof *x->gm, cmp_code);
        x->codes = mem_alloc(x->n_gm * sizeof *x->codes);
        if (!x->codes)
            rc = err_oom("selection");
        for (size_t k = 0; rc == 0 && k < x->n_gm; k++) {
            x->codes[k] = x->gm[k].code;
            const region_gemeente *g = regions_find(rt, x->gm[k].code);
            x->gm[k].name = mem_strdup(g ? g->name : x->gm[k].code);
            if (!x->gm[k].name)
                rc = err_oom("selection");
        }
    }
    regions_free(rt);
    return rc;
}

/* The value of indicator name in row 0 of the level table at level l. */
static int level_value(const run_ctx *c, key_level l, const char *name,
                       double *v, uint8_t *m)
{
    for (size_t k = 0; k < c->n_levels; k++) {
        if (c->levels[k].level != l)
            continue;
        const tbl *t = c->levels[k].result;
        const tbl_col *col = tbl_col_by_name(t, name);
        if (!col || tbl_nrows(t) == 0)
            break;
        *m = (uint8_t)col_miss(col, 0);
        *v = *m ? 0 : col->d[0];
        return 0;
    }
    *v = 0;
    *m = MISS_EMPTY;
    return -1;
}

/* The selection pass: every unit of the selection in one run without
 * outputs and without the join threshold, for the selection's own values
 * and the map classes. */
static int selection_pass(cmp_ctx *x)
{
    const rcp *r = x->r;
    run_options ro;
    memset(&ro, 0, sizeof ro);
    ro.area = x->codes;
    ro.n_area = x->n_gm;
    ro.created = x->created;
    run_ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.opt = &ro;
    c.lenient = 1;
    c.no_outputs = 1;
    memcpy(c.created, x->created, sizeof c.created);
    memcpy(c.recipe_sha, x->recipe_sha, sizeof c.recipe_sha);
    c.t0 = run_now();
    int rc = run_borrow_sources(&c, &x->shared);
    if (rc == 0)
        rc = run_stages(&c);
    if (rc == 0) {
        x->unit_level = c.unit_level;
        x->n_ind = c.n_ind;
        x->ind = mem_alloc((c.n_ind ? c.n_ind : 1) * sizeof *x->ind);
        x->sel_v = mem_alloc((c.n_ind ? c.n_ind : 1) * sizeof *x->sel_v);
        x->sel_m = mem_alloc(c.n_ind ? c.n_ind : 1);
        x->cls = mem_calloc(r->n_maps ? r->n_maps : 1, sizeof *x->cls);
        if (!x->ind || !x->sel_v || !x->sel_m || !x->cls)
            rc = err_oom("selection");
    }
    for (size_t k = 0; rc == 0 && k < c.n_ind; k++) {
        x->ind[k] = c.ind[k].ri;
        level_value(&c, KEY_INVALID, c.ind[k].ri->name.s, &x->sel_v[k],
                    &x->sel_m[k]);
    }
    for (size_t k = 0; rc == 0 && k < r->n_maps; k++)
        rc = run_classify_map(&c, &r->maps[k], &x->cls[k]);
    if (rc == 0) {
        /* the sources' labels for the comparison outputs: the one
         * source-line rule of present.c */
        rc = run_source_line(&c, x->source_line, sizeof x->source_line);
    }
    if (rc < 0)
        err_prefix("the whole selection (%zu gemeenten)", x->n_gm);
    run_ctx_free(&c);
    return rc;
}

/* 1 when indicator name's value in row 0 of the level table at level l
 * covers only part of its base (its "<name>_dekking" below 1), else 0. */
static uint8_t level_partial(const run_ctx *c, key_level l, const char *name)
{
    char cov[300];
    snprintf(cov, sizeof cov, "%s_dekking", name);
    for (size_t k = 0; k < c->n_levels; k++) {
        if (c->levels[k].level != l)
            continue;
        const tbl *t = c->levels[k].result;
        const tbl_col *col = tbl_col_by_name(t, cov);
        return col && tbl_nrows(t) > 0 && !col_miss(col, 0) &&
               col->d[0] < 1 - 1e-12;
    }
    return 0;
}

/* Keeps what the comparison needs of a finished run. */
static int keep_results(cmp_ctx *x, const run_ctx *c, cmp_gemeente *g)
{
    size_t ni = x->n_ind, nu = c->n_units;
    g->v = mem_alloc((ni ? ni : 1) * sizeof *g->v);
    g->m = mem_alloc(ni ? ni : 1);
    g->partial = mem_calloc(ni ? ni : 1, 1);
    g->uv = mem_alloc((ni * nu + 1) * sizeof *g->uv);
    g->um = mem_alloc(ni * nu + 1);
    g->urow = c->geom ? mem_alloc((nu ? nu : 1) * sizeof *g->urow) : NULL;
    if (!g->v || !g->m || !g->partial || !g->uv || !g->um ||
        (c->geom && !g->urow))
        return err_oom("comparison values");
    g->n_units = nu;
    for (size_t k = 0; k < ni; k++) {
        const run_indicator *ind = &c->ind[k];
        key_level at = KEY_GEMEENTE;
        if (level_value(c, KEY_GEMEENTE, ind->ri->name.s, &g->v[k], &g->m[k]) < 0) {
            at = KEY_INVALID;
            level_value(c, KEY_INVALID, ind->ri->name.s, &g->v[k], &g->m[k]);
        }
        g->partial[k] = !g->m[k] && level_partial(c, at, ind->ri->name.s);
        memcpy(g->uv + k * nu, ind->v, nu * sizeof *g->uv);
        memcpy(g->um + k * nu, ind->m, nu);
    }
    if (g->urow)
        memcpy(g->urow, c->unit_row, nu * sizeof *g->urow);
    /* the name a single run gives the gemeente */
    for (size_t k = 0; k < c->n_levels; k++)
        if (c->levels[k].level == KEY_GEMEENTE) {
            const tbl_col *nc = tbl_col_by_name(c->levels[k].result, "name");
            const char *nm = nc ? col_str(nc, 0) : NULL;
            if (nm && strcmp(nm, g->code) != 0) {
                char *copy = mem_strdup(nm);
                if (!copy)
                    return err_oom("comparison values");
                mem_free(g->name);
                g->name = copy;
            }
        }
    return 0;
}

/* One gemeente's run, start to end; on failure the error is kept in g. */
static void run_one(cmp_ctx *x, cmp_gemeente *g)
{
    double t0 = run_now();
    const char *area[1] = {g->code};
    run_options ro;
    memset(&ro, 0, sizeof ro);
    ro.outdir = x->stage;
    ro.folder = g->code;
    ro.area = area;
    ro.n_area = 1;
    ro.created = x->created;
    run_ctx c;
    memset(&c, 0, sizeof c);
    c.r = x->r;
    c.opt = &ro;
    c.shared_cls = x->cls;
    memcpy(c.created, x->created, sizeof c.created);
    memcpy(c.recipe_sha, x->recipe_sha, sizeof c.recipe_sha);
    c.t0 = t0;
    err_clear();
    int rc = run_borrow_sources(&c, &x->shared);
    if (rc == 0)
        rc = run_stages(&c);
    if (rc == 0 && c.n_ind != x->n_ind)
        rc = -1, err_set(ERR_RECIPE, NULL, 0, NULL, "indicator count changed");
    if (rc == 0)
        rc = keep_results(x, &c, g);
    if (rc < 0) {
        char buf[2048];
        err_format(buf, sizeof buf);
        g->error = mem_strdup(buf[0] ? buf : "failed");
        g->ok = 0;
    } else {
        g->ok = 1;
    }
    run_ctx_free(&c);
    g->seconds = run_now() - t0;
}

/* The worker pool: gemeenten are taken in order from a shared counter. */
typedef struct {
    cmp_ctx *x;
    atomic_size_t next, done;
    pthread_mutex_t lock;
    int bar;
    double last;
} pool;

static void progress(pool *p, const char *code, int force)
{
    if (!p->bar)
        return;
    pthread_mutex_lock(&p->lock);
    double now = run_now();
    size_t done = atomic_load(&p->done), n = p->x->n_gm;
    if (force || now - p->last >= 0.1) {
        p->last = now;
        int w = 30, fill = n ? (int)(w * done / n) : w;
        fprintf(stderr, "\r  [%.*s%*s] %zu/%zu %s  ", fill,
                "##############################", w - fill, "", done, n,
                code ? code : "");
        if (force)
            fputc('\n', stderr);
        fflush(stderr);
    }
    pthread_mutex_unlock(&p->lock);
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        size_t k = atomic_fetch_add(&p->next, 1);
        if (k >= p->x->n_gm)
            break;
        run_one(p->x, &p->x->gm[k]);
        atomic_fetch_add(&p->done, 1);
        progress(p, p->x->gm[k].code, 0);
    }
    return NULL;
}

static void run_all(cmp_ctx *x, int jobs)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.x = x;
    atomic_init(&p.next, 0);
    atomic_init(&p.done, 0);
    pthread_mutex_init(&p.lock, NULL);
    p.bar = x->opt->progress;
    p.last = -1;
    int nt = jobs < 1 ? 1 : jobs;
    if ((size_t)nt > x->n_gm)
        nt = (int)x->n_gm;
    /* every thread takes gemeenten from the shared counter */
    threads_run(worker, &p, 0, nt, nt);
    progress(&p, NULL, 1);
    pthread_mutex_destroy(&p.lock);
}

static void cmp_free(cmp_ctx *x)
{
    for (size_t k = 0; x->gm && k < x->n_gm; k++) {
        cmp_gemeente *g = &x->gm[k];
        MEM_FREE_ALL(g->name, g->error, g->v, g->m, g->partial, g->uv, g->um,
                     g->urow);
    }
    MEM_FREE_ALL(x->gm, x->codes, x->ind, x->sel_v, x->sel_m);
    for (size_t k = 0; x->cls && k < x->r->n_maps; k++)
        cls_result_free(&x->cls[k]);
    mem_free(x->cls);
    mem_free(x->rank);
    run_ctx_free(&x->shared);
}

static int make_dir(const char *dir)
{
    char buf[4200];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            goto fail;
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        goto fail;
    return 0;
fail:
    err_set(ERR_IO, buf, 0, NULL, "cannot create the folder: %s",
            strerror(errno));
    return -1;
}

int run_compare(const rcp *r, const compare_options *opt, compare_summary *sum)
{
    cmp_ctx x;
    memset(&x, 0, sizeof x);
    x.r = r;
    x.opt = opt;
    x.t0 = run_now();
    run_options ro;
    memset(&ro, 0, sizeof ro);
    ro.created = opt->created;
    x.shared.r = r;
    x.shared.opt = &ro;
    run_set_created(&x.shared);
    memcpy(x.created, x.shared.created, sizeof x.created);
    const char *outdir = opt->outdir ? opt->outdir : "out";
    char final_dir[4200];
    snprintf(final_dir, sizeof final_dir, "%s/%s", outdir, r->name.s);
    snprintf(x.stage, sizeof x.stage, "%s/.%s.tmp-%ld", outdir, r->name.s,
             (long)getpid());
    int jobs = run_compare_jobs(opt->jobs);
    double t = run_now();
    int rc = sha256_file(r->path, x.recipe_sha);
    if (rc == 0)
        rc = select_gemeenten(&x);
    if (rc == 0 && opt->log)
        present_log_compare(opt->log, present_lang(r), r->name.s, r->path,
                            x.n_gm, x.selection, jobs);
    if (rc == 0 && (rc = run_load_sources(&x.shared)) == 0)
        rc = run_index_sources(&x.shared);
    x.timing[0] = run_now() - t;
    t = run_now();
    if (rc == 0)
        rc = selection_pass(&x);
    x.timing[1] = run_now() - t;
    if (rc == 0 && (rc = make_dir(outdir)) == 0 &&
        (rc = fs_remove_tree(x.stage)) == 0)
        rc = make_dir(x.stage);
    t = run_now();
    if (rc == 0)
        run_all(&x, jobs);
    x.timing[2] = run_now() - t;
    size_t n_ok = 0;
    for (size_t k = 0; rc == 0 && k < x.n_gm; k++) {
        n_ok += x.gm[k].ok;
        if (!x.gm[k].ok && opt->log)
            present_log_compare_failed(opt->log, x.gm[k].code, x.gm[k].name,
                                       cmp_error(&x.gm[k]));
    }
    if (rc == 0 && n_ok == 0)
        rc = -1, err_set(ERR_RECIPE, r->path, 0, NULL,
                         "the recipe failed for every gemeente (%zu); the "
                         "first: %s %s", x.n_gm, x.gm[0].code, cmp_error(&x.gm[0]));
    t = run_now();
    if (rc == 0 && (rc = cmp_compute_ranks_and_peers(&x)) == 0)
        rc = cmp_write_table(&x);
    x.timing[3] = run_now() - t;
    t = run_now();
    if (rc == 0)
        rc = cmp_render_plots(&x, jobs);
    x.timing[4] = run_now() - t;
    if (rc == 0)
        rc = cmp_write_manifest(&x);
    if (rc == 0)
        rc = fs_replace_dir(x.stage, final_dir);
    if (rc < 0 && x.stage[0]) {
        err_info saved = *err_get();
        fs_remove_tree(x.stage);
        err_restore(&saved);
    }
    if (rc == 0 && opt->log)
        present_log_compare_done(opt->log, present_lang(r), n_ok, x.n_gm,
                                 run_now() - x.t0, final_dir);
    if (sum) {
        sum->n_gemeenten = x.n_gm;
        sum->n_ok = n_ok;
        sum->n_failed = x.n_gm - n_ok;
        sum->seconds = run_now() - x.t0;
    }
    size_t n_gm = x.n_gm;
    cmp_free(&x);
    if (rc < 0)
        return -1;
    return n_ok < n_gm ? 1 : 0;
}
