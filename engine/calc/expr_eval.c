/* expr_eval.c - evaluation driver: resolves the data of every input, runs
 * the area stages (their argument over all rows, then the whole-column
 * kernel), then the main code block by block, splitting the blocks over
 * worker threads for large inputs. See expr.h. */
#include "expr_internal.h"

#include "err.h"
#include "mem.h"
#include "tbl.h"
#include "threads.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 8
/* Below this many blocks per thread, one thread does all the work. */
#define MIN_BLOCKS_PER_THREAD 32

/* Threads to use: the thread policy's count, at most MAX_THREADS. */
static int thread_count(void)
{
    int t = threads_count();
    return t > MAX_THREADS ? MAX_THREADS : t;
}

/* The data of one input during one evaluation. */
typedef struct {
    const double *v;
    const uint8_t *m; /* NULL = all valid */
    uint8_t all_missing;
    const int32_t *codes; /* IN_TEXT_EQ */
    int32_t code;         /* dictionary code of the literal, -2 = absent */
    int neg;
} in_data;

typedef struct {
    const expr_prog *p;
    size_t n;
    in_data *in;
    double *sval; /* per register: R_SCALAR values */
    uint8_t *smiss;
} eval_ctx;

/* Per-thread block buffers: one block per register. */
typedef struct {
    double *vbuf;
    uint8_t *mbuf;
    double **v;
    uint8_t **m;
} worker;

/* Scratch memory kept between evaluations: the big buffers of area
 * stages and ranking (fresh pages are expensive: every first touch is a
 * page fault) and the per-thread block buffers. */
typedef struct {
    void *p;
    size_t cap;
} ws_slot;

struct expr_ws {
    ws_slot *slots;
    size_t nslots, used;
    worker w[MAX_THREADS];
    size_t wregs[MAX_THREADS]; /* registers the worker has room for */
};

static const uint8_t zero_miss[EXPR_BLOCK];

expr_ws *expr_ws_new(void)
{
    return mem_new(sizeof(expr_ws), "expression workspace");
}

/* Frees a worker's buffers and zeroes it. */
static void worker_free(worker *w)
{
    MEM_FREE_ALL(w->vbuf, w->mbuf, w->v, w->m);
    memset(w, 0, sizeof *w);
}

void expr_ws_free(expr_ws *ws)
{
    if (!ws)
        return;
    for (size_t i = 0; i < ws->nslots; i++)
        mem_free(ws->slots[i].p);
    mem_free(ws->slots);
    for (int k = 0; k < MAX_THREADS; k++)
        worker_free(&ws->w[k]);
    mem_free(ws);
}

void *expr_ws_take(expr_ws *ws, size_t bytes)
{
    if (bytes == 0)
        bytes = 1;
    if (ws->used == ws->nslots) {
        ws_slot *s = mem_realloc(ws->slots, (ws->nslots + 1) * sizeof *s);
        if (!s) {
            err_oom("expression workspace");
            return NULL;
        }
        ws->slots = s;
        ws->slots[ws->nslots++] = (ws_slot){NULL, 0};
    }
    ws_slot *s = &ws->slots[ws->used];
    if (s->cap < bytes) {
        mem_free(s->p);
        s->cap = 0;
        s->p = mem_alloc(bytes);
        if (!s->p) {
            err_oom("expression scratch memory");
            return NULL;
        }
        s->cap = bytes;
    }
    ws->used++;
    return s->p;
}

/* Makes worker k of ws ready for nregs registers. */
static int worker_init(expr_ws *ws, int k, size_t nregs)
{
    worker *w = &ws->w[k];
    if (nregs == 0)
        nregs = 1;
    if (ws->wregs[k] < nregs) {
        worker_free(w);
        ws->wregs[k] = 0;
        w->vbuf = mem_alloc(nregs * EXPR_BLOCK * sizeof *w->vbuf);
        w->mbuf = mem_alloc(nregs * EXPR_BLOCK);
        w->v = mem_alloc(nregs * sizeof *w->v);
        w->m = mem_alloc(nregs * sizeof *w->m);
        if (!w->vbuf || !w->mbuf || !w->v || !w->m)
            return err_oom("expression block buffers");
        ws->wregs[k] = nregs;
    }
    for (size_t r = 0; r < nregs; r++) {
        w->v[r] = w->vbuf + r * EXPR_BLOCK;
        w->m[r] = w->mbuf + r * EXPR_BLOCK;
    }
    return 0;
}

/* Points register r at rows [start, start+len) of its input: directly
 * into the caller's arrays for whole blocks of finite values, else through
 * the register's own buffer (tail blocks padded with valid zeros). */
static void load_input(const eval_ctx *x, worker *w, int r, size_t start,
                       size_t len)
{
    const in_data *in = &x->in[x->p->regs[r].input];
    double *bv = w->vbuf + (size_t)r * EXPR_BLOCK;
    uint8_t *bm = w->mbuf + (size_t)r * EXPR_BLOCK;
    if (in->all_missing)
        return; /* filled once per code run */
    if (in->codes) {
        for (size_t i = 0; i < len; i++) {
            int32_t c = in->codes[start + i];
            uint8_t why = in->m ? in->m[start + i] : 0;
            bm[i] = why ? why : c < 0 ? MISS_EMPTY : 0;
            bv[i] = (double)((c == in->code) ^ in->neg);
        }
    } else {
        const double *v = in->v + start;
        const uint8_t *m = in->m ? in->m + start : zero_miss;
        if (len == EXPR_BLOCK && expr_kern_count_bad(v, m) == 0) {
            w->v[r] = (double *)v;
            w->m[r] = (uint8_t *)m;
            return;
        }
        expr_kern_store(v, m, bv, bm, len);
    }
    for (size_t i = len; i < EXPR_BLOCK; i++) {
        bv[i] = 0;
        bm[i] = 0;
    }
    w->v[r] = bv;
    w->m[r] = bm;
}

/* Blocks handed out at a time to a worker. */
#define CHUNK_BLOCKS 16

/* Work shared by the workers of one code run: blocks are claimed in
 * chunks from `next`, so a worker that gets less CPU simply does less. */
typedef struct {
    const eval_ctx *x;
    const expr_code *code;
    size_t nblocks;
    atomic_size_t next;
    double *dv;
    uint8_t *dm;
} shared_run;

typedef struct {
    shared_run *run;
    worker *w;
} job;

/* Runs the code over claimed chunks of blocks, storing the result rows of
 * each block into dv/dm. */
static void *run_job(void *arg)
{
    const job *j = arg;
    shared_run *sr = j->run;
    const eval_ctx *x = sr->x;
    const expr_code *code = sr->code;
    const expr_prog *p = x->p;
    worker *w = j->w;
    for (size_t u = 0; u < code->nuses; u++) {
        int r = code->uses[u];
        const expr_reg *g = &p->regs[r];
        double *bv = w->vbuf + (size_t)r * EXPR_BLOCK;
        uint8_t *bm = w->mbuf + (size_t)r * EXPR_BLOCK;
        w->v[r] = bv;
        w->m[r] = bm;
        if (g->kind == R_CONST)
            expr_kern_fill(bv, bm, g->value, g->miss);
        else if (g->kind == R_SCALAR)
            expr_kern_fill(bv, bm, x->sval[r], x->smiss[r]);
        else if (g->kind == R_INPUT && x->in[g->input].all_missing)
            expr_kern_fill(bv, bm, 0, x->in[g->input].all_missing);
    }
    for (;;) {
        size_t b0 = atomic_fetch_add(&sr->next, CHUNK_BLOCKS);
        if (b0 >= sr->nblocks)
            break;
        size_t b1 = b0 + CHUNK_BLOCKS < sr->nblocks ? b0 + CHUNK_BLOCKS : sr->nblocks;
        for (size_t b = b0; b < b1; b++) {
            size_t start = b * EXPR_BLOCK;
            size_t len = x->n - start < EXPR_BLOCK ? x->n - start : EXPR_BLOCK;
            for (size_t u = 0; u < code->nuses; u++)
                if (p->regs[code->uses[u]].kind == R_INPUT)
                    load_input(x, w, code->uses[u], start, len);
            for (size_t i = 0; i < code->nins; i++)
                expr_kern_exec(&code->ins[i], w->v, w->m);
            expr_kern_store(w->v[code->result], w->m[code->result],
                            sr->dv + start, sr->dm + start, len);
        }
    }
    return NULL;
}

/* Runs code over all rows, on up to nw workers (the calling thread is
 * worker 0). */
static void run_all(const eval_ctx *x, worker *ws, int nw,
                    const expr_code *code, double *dv, uint8_t *dm)
{
    shared_run sr = {x, code, (x->n + EXPR_BLOCK - 1) / EXPR_BLOCK, 0, dv, dm};
    int t = nw;
    while (t > 1 && sr.nblocks / (size_t)t < MIN_BLOCKS_PER_THREAD)
        t--;
    job jobs[MAX_THREADS];
    for (int k = 0; k < t; k++)
        jobs[k] = (job){&sr, &ws[k]};
    threads_run(run_job, jobs, sizeof *jobs, t, t);
}

/* Fetches the data of input i through the resolver and validates it. */
static int resolve_input(const expr *e, const expr_resolver *r, size_t n,
                         const expr_input *inp, in_data *d)
{
    const expr_node *node = inp->node;
    expr_colref ref;
    memset(&ref, 0, sizeof ref);
    char name[300];
    expr_node_brief(node, name, sizeof name);
    const char *what = inp->kind == IN_INDICATOR ? "indicator" : "column";
    int st = EXPR_RESOLVE_UNKNOWN;
    if (inp->kind == IN_INDICATOR && r && r->indicator)
        st = r->indicator(r->ctx, node->name, &ref);
    else if (inp->kind != IN_INDICATOR && r && r->column)
        st = r->column(r->ctx, node->source, node->name, &ref);
    if (st != EXPR_RESOLVE_OK) {
        if (st != EXPR_RESOLVE_FAILED || !err_get())
            expr_err_at(e, node->start, "%s %s is not available for "
                        "evaluation", what, name);
        return -1;
    }
    int text = inp->kind == IN_TEXT_EQ;
    if ((ref.type == EXPR_T_STRING) != text) {
        expr_err_at(e, node->start, "%s %s changed type since the check",
                    what, name);
        return -1;
    }
    d->all_missing = ref.all_missing;
    if (ref.all_missing)
        return 0;
    if (text ? !ref.codes || (ref.n_dict && (!ref.dict_blob || !ref.dict_off))
             : !ref.values) {
        expr_err_at(e, node->start, "no data was given for %s %s", what, name);
        return -1;
    }
    if (ref.n != n) {
        expr_err_at(e, node->start, "%s %s has %zu rows, but %zu rows are "
                    "evaluated", what, name, ref.n, n);
        return -1;
    }
    d->v = ref.values;
    d->m = ref.miss;
    if (text) {
        d->codes = ref.codes;
        d->neg = inp->neg;
        d->code = -2;
        for (uint32_t k = 0; k < ref.n_dict; k++)
            if (strcmp(ref.dict_blob + ref.dict_off[k], inp->literal) == 0) {
                d->code = (int32_t)k;
                break;
            }
    }
    return 0;
}

int expr_eval(const expr *e, const expr_resolver *r, size_t n, double *out,
              uint8_t *out_miss)
{
    if (!e->prog || n == 0)
        return expr_eval_ws(e, r, NULL, n, out, out_miss);
    expr_ws *ws = expr_ws_new();
    if (!ws)
        return -1;
    int rc = expr_eval_ws(e, r, ws, n, out, out_miss);
    expr_ws_free(ws);
    return rc;
}

int expr_eval_ws(const expr *e, const expr_resolver *r, expr_ws *ws, size_t n,
                 double *out, uint8_t *out_miss)
{
    const expr_prog *p = e->prog;
    if (!p) {
        expr_err_at(e, 0, "the expression must be checked (expr_check) "
                    "before it is evaluated");
        return -1;
    }
    if (n == 0)
        return 0;
    if (!ws)
        return expr_eval(e, r, n, out, out_miss);
    ws->used = 0;
    eval_ctx x = {p, n, NULL, NULL, NULL};
    int nw = thread_count();
    if ((n + EXPR_BLOCK - 1) / EXPR_BLOCK < (size_t)MIN_BLOCKS_PER_THREAD * 2)
        nw = 1;
    x.in = expr_ws_take(ws, (p->ninputs ? p->ninputs : 1) * sizeof *x.in);
    x.sval = expr_ws_take(ws, (p->nregs ? p->nregs : 1) * sizeof *x.sval);
    x.smiss = expr_ws_take(ws, p->nregs ? p->nregs : 1);
    if (!x.in || !x.sval || !x.smiss)
        return -1;
    memset(x.in, 0, (p->ninputs ? p->ninputs : 1) * sizeof *x.in);
    for (int k = 0; k < nw; k++)
        if (worker_init(ws, k, p->nregs) < 0)
            return -1;
    for (size_t i = 0; i < p->ninputs; i++)
        if (p->inputs[i].kind != IN_STAGE &&
            resolve_input(e, r, n, &p->inputs[i], &x.in[i]) < 0)
            return -1;
    for (size_t s = 0; s < p->nstages; s++) {
        const expr_stage *st = &p->stages[s];
        size_t mark = ws->used;
        double *sv = expr_ws_take(ws, n * sizeof *sv);
        uint8_t *sm = sv ? expr_ws_take(ws, n) : NULL;
        if (!sm)
            return -1;
        run_all(&x, ws->w, nw, &st->code, sv, sm);
        if (expr_func_get(st->func)->area == EXPR_AREA_SCALAR) {
            expr_area_scalar(st->func, sv, sm, n, &x.sval[st->out],
                             &x.smiss[st->out]);
            ws->used = mark; /* the buffers are free again */
            continue;
        }
        x.in[st->out].v = sv;
        x.in[st->out].m = sm;
        mark = ws->used;
        if (expr_area_vector(st->func, sv, sm, n, ws) < 0)
            return -1;
        ws->used = mark; /* ranking scratch is free again */
    }
    run_all(&x, ws->w, nw, &p->main, out, out_miss);
    return 0;
}
