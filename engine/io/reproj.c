/* reproj.c - bulk coordinate transformation through PROJ; see reproj.h. */
#include "reproj.h"

#include "err.h"
#include "mem.h"
#include "threads.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <proj.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Below this many points (about 8 ms of work) a second thread is not worth
 * starting; above it two threads nearly halve the time. The second
 * thread's PJ is a proj_clone made once per handle (well under 1 ms). */
#define REPROJ_THREAD_MIN 16384

/* From this many points on, repeated points are transformed once. */
#define REPROJ_DISTINCT_MIN 1024

struct reproj {
    int identity;
    int nthreads;     /* allowed threads, 1 or 2; 0 = the thread policy */
    int second_tried; /* the second PJ was attempted (op[1] may be NULL) */
    PJ_CONTEXT *ctx[2];
    PJ *op[2];
    char *src, *dst; /* copies, for messages and the cache key */
};

/* Idle transformations kept for reuse, most recently released last. */
#define REPROJ_CACHE_SIZE 8
static reproj *cache[REPROJ_CACHE_SIZE];
static size_t cache_n;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* Shortens a CRS text for messages (WKT can be kilobytes): copies at most
 * 60 characters of s into buf with "..." appended when cut. */
static const char *crs_short(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n < 64 || size < 64) {
        snprintf(buf, size, "%s", s);
        return buf;
    }
    snprintf(buf, size, "%.60s...", s);
    return buf;
}

/* The last error PROJ logged on this thread (PROJ's errno text is often
 * just "Unknown error"; its log says "crs not found: EPSG:99999"). */
static _Thread_local char proj_last_log[512];

/* PROJ log function: keeps error messages instead of printing them. */
static void capture_log(void *data, int level, const char *msg)
{
    (void)data;
    if (level > PJ_LOG_ERROR || !msg)
        return;
    /* drop the "proj_create: " style function name in front */
    const char *colon = strstr(msg, ": ");
    if (strncmp(msg, "proj_", 5) == 0 && colon)
        msg = colon + 2;
    snprintf(proj_last_log, sizeof proj_last_log, "%s", msg);
}

/* A new PROJ context that prints nothing: errors are kept for messages.
 * NULL on OOM. */
static PJ_CONTEXT *quiet_ctx(void)
{
    PJ_CONTEXT *ctx = proj_context_create();
    if (ctx) {
        proj_log_func(ctx, NULL, capture_log);
        proj_log_level(ctx, PJ_LOG_ERROR);
    }
    return ctx;
}

/* PROJ's own words for the last error of ctx (never NULL): what it logged,
 * else its errno text. */
static const char *proj_msg(PJ_CONTEXT *ctx)
{
    if (proj_last_log[0])
        return proj_last_log;
    const char *m = proj_context_errno_string(ctx, proj_context_errno(ctx));
    return m ? m : "unknown PROJ error";
}

/* 1 when text is a bare name ("Amersfoort / RD New") rather than a code,
 * WKT, PROJ string or PROJJSON. PROJ looks names up approximately ("foo"
 * finds "Amersfoort"), so for names we insist on an exact match. */
static int is_bare_name(const char *text)
{
    return !strpbrk(text, ":[+{=");
}

/* Creates a CRS object in ctx, or sets ERR_PROJ (role = "source"/"target")
 * and returns NULL. The caller destroys the result. */
static PJ *crs_create(PJ_CONTEXT *ctx, const char *text, const char *role)
{
    char buf[80];
    proj_last_log[0] = '\0';
    PJ *crs = proj_create(ctx, text);
    if (crs && !proj_is_crs(crs)) {
        proj_destroy(crs);
        if (is_bare_name(text))
            err_set(ERR_PROJ, NULL, 0, NULL,
                    "there is no coordinate reference system called \"%s\"; "
                    "give an EPSG code such as \"EPSG:28992\"",
                    crs_short(text, buf, sizeof buf));
        else
            err_set(ERR_PROJ, NULL, 0, NULL,
                    "the %s coordinate reference system \"%s\" is not a "
                    "coordinate reference system but another PROJ object; "
                    "give an EPSG code such as \"EPSG:28992\"",
                    role, crs_short(text, buf, sizeof buf));
        return NULL;
    }
    if (crs && is_bare_name(text)) {
        const char *name = proj_get_name(crs);
        if (!name || strcasecmp(name, text) != 0) {
            const char *auth = proj_get_id_auth_name(crs, 0);
            const char *code = proj_get_id_code(crs, 0);
            err_set(ERR_PROJ, NULL, 0, NULL,
                    "there is no coordinate reference system called \"%s\" "
                    "(the closest name PROJ knows is \"%s\"%s%s%s%s); give "
                    "an EPSG code such as \"EPSG:28992\"",
                    crs_short(text, buf, sizeof buf), name ? name : "?",
                    auth && code ? ", " : "", auth && code ? auth : "",
                    auth && code ? ":" : "", auth && code ? code : "");
            proj_destroy(crs);
            return NULL;
        }
    }
    if (!crs)
        err_set(ERR_PROJ, NULL, 0, NULL,
                "the %s coordinate reference system \"%s\" is not one PROJ "
                "knows (%s); give an EPSG code such as \"EPSG:28992\" or a "
                "WKT text",
                role, crs_short(text, buf, sizeof buf), proj_msg(ctx));
    return crs;
}

/* Builds the normalised (x/east first) operation src -> dst in ctx. Sets
 * *identity when both CRSs are equivalent (then returns NULL without error).
 * On failure returns NULL with the error set. */
static PJ *op_create(PJ_CONTEXT *ctx, const char *src, const char *dst,
                     int *identity)
{
    *identity = 0;
    PJ *a = crs_create(ctx, src, "source");
    if (!a)
        return NULL;
    PJ *b = crs_create(ctx, dst, "target");
    if (!b) {
        proj_destroy(a);
        return NULL;
    }
    PJ *norm = NULL;
    if (proj_is_equivalent_to_with_ctx(
            ctx, a, b, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS)) {
        *identity = 1;
        goto done;
    }
    PJ *op = proj_create_crs_to_crs_from_pj(ctx, a, b, NULL, NULL);
    if (!op) {
        char bs[80], bd[80];
        err_set(ERR_PROJ, NULL, 0, NULL,
                "PROJ found no transformation from \"%s\" to \"%s\" (%s)",
                crs_short(src, bs, sizeof bs), crs_short(dst, bd, sizeof bd),
                proj_msg(ctx));
        goto done;
    }
    norm = proj_normalize_for_visualization(ctx, op);
    proj_destroy(op);
    if (!norm)
        err_set(ERR_PROJ, NULL, 0, NULL,
                "PROJ could not put the transformation into x/y order (%s)",
                proj_msg(ctx));
done:
    proj_destroy(a);
    proj_destroy(b);
    return norm;
}

reproj *reproj_new(const char *src, const char *dst)
{
    if (!src || !dst || !*src || !*dst) {
        err_set(ERR_PROJ, NULL, 0, NULL,
                "a transformation needs both a source and a target "
                "coordinate reference system");
        return NULL;
    }
    reproj *r = mem_new(sizeof *r, "coordinate transformation");
    if (!r)
        return NULL;
    r->nthreads = 0;
    r->src = mem_strdup(src);
    r->dst = mem_strdup(dst);
    r->ctx[0] = quiet_ctx();
    if (!r->src || !r->dst || !r->ctx[0]) {
        err_oom("coordinate transformation");
        reproj_free(r);
        return NULL;
    }
    r->op[0] = op_create(r->ctx[0], src, dst, &r->identity);
    if (!r->op[0] && !r->identity) {
        reproj_free(r);
        return NULL;
    }
    return r;
}

reproj *reproj_acquire(const char *src, const char *dst)
{
    reproj *r = NULL;
    if (src && dst) {
        pthread_mutex_lock(&cache_lock);
        for (size_t k = cache_n; k-- > 0;) {
            if (strcmp(cache[k]->src, src) == 0 &&
                strcmp(cache[k]->dst, dst) == 0) {
                r = cache[k];
                memmove(&cache[k], &cache[k + 1],
                        (cache_n - k - 1) * sizeof *cache);
                cache_n--;
                break;
            }
        }
        pthread_mutex_unlock(&cache_lock);
    }
    if (!r)
        r = reproj_new(src, dst);
    if (r)
        r->nthreads = 0;
    return r;
}

void reproj_release(reproj *r)
{
    if (!r)
        return;
    reproj *evict = NULL;
    pthread_mutex_lock(&cache_lock);
    if (cache_n == REPROJ_CACHE_SIZE) {
        evict = cache[0];
        memmove(&cache[0], &cache[1], (cache_n - 1) * sizeof *cache);
        cache_n--;
    }
    cache[cache_n++] = r;
    pthread_mutex_unlock(&cache_lock);
    reproj_free(evict);
}

void reproj_cache_clear(void)
{
    reproj *idle[REPROJ_CACHE_SIZE];
    pthread_mutex_lock(&cache_lock);
    size_t n = cache_n;
    memcpy(idle, cache, n * sizeof *cache);
    cache_n = 0;
    pthread_mutex_unlock(&cache_lock);
    for (size_t k = 0; k < n; k++)
        reproj_free(idle[k]);
}

void reproj_free(reproj *r)
{
    if (!r)
        return;
    for (int k = 0; k < 2; k++) {
        if (r->op[k])
            proj_destroy(r->op[k]);
        if (r->ctx[k])
            proj_context_destroy(r->ctx[k]);
    }
    mem_free(r->src);
    mem_free(r->dst);
    mem_free(r);
}

int reproj_is_identity(const reproj *r) { return r->identity; }

void reproj_set_threads(reproj *r, int nthreads)
{
    r->nthreads = nthreads <= 0 ? 0 : nthreads >= 2 ? 2 : 1;
}

/* Runs op over n interleaved points in place. */
static void trans_block(PJ *op, double *xy, size_t n)
{
    if (n == 0)
        return;
    size_t stride = 2 * sizeof(double);
    proj_trans_generic(op, PJ_FWD, xy, stride, n, xy + 1, stride, n, NULL, 0,
                       0, NULL, 0, 0);
}

/* Two threads share the points in chunks taken from an atomic counter, so
 * when the machine is busy and one thread gets no CPU, the other simply
 * takes more chunks (a fixed half each would make the caller wait). */
#define REPROJ_CHUNK 4096

typedef struct {
    double *xy;
    size_t n;
    atomic_size_t next; /* next chunk to take */
} trans_work;

typedef struct {
    trans_work *work;
    PJ *op;
} trans_job;

/* Takes chunks until none are left. */
static void trans_chunks(trans_work *w, PJ *op)
{
    size_t nchunks = (w->n + REPROJ_CHUNK - 1) / REPROJ_CHUNK;
    for (;;) {
        size_t c = atomic_fetch_add(&w->next, 1);
        if (c >= nchunks)
            return;
        size_t a = c * REPROJ_CHUNK;
        size_t len = w->n - a < REPROJ_CHUNK ? w->n - a : REPROJ_CHUNK;
        trans_block(op, w->xy + 2 * a, len);
    }
}

/* Job body: one thread's share of the chunks, with its own PJ. */
static void *trans_thread(void *arg)
{
    trans_job *job = arg;
    trans_chunks(job->work, job->op);
    return NULL;
}

/* Makes sure op[1] exists: a clone of op[0] in a second context, for the
 * second thread (proj_clone takes under a millisecond, building anew takes
 * 20-50 ms). Returns 1 when it does; 0 when it could not be made (then one
 * thread is used; no error is set). */
static int second_op(reproj *r)
{
    if (r->op[1])
        return 1;
    if (r->second_tried)
        return 0;
    r->second_tried = 1;
    r->ctx[1] = quiet_ctx();
    if (!r->ctx[1])
        return 0;
    r->op[1] = proj_clone(r->ctx[1], r->op[0]);
    return r->op[1] != NULL;
}

/* Transforms n points in place, on two threads when there are enough and
 * the thread policy (or reproj_set_threads) allows two. */
static void trans_all(reproj *r, double *xy, size_t n)
{
    int allowed = r->nthreads ? r->nthreads : threads_count();
    if (allowed >= 2 && n >= REPROJ_THREAD_MIN && second_op(r)) {
        trans_work work = {xy, n, 0};
        trans_job jobs[2] = {{&work, r->op[0]}, {&work, r->op[1]}};
        threads_run(trans_thread, jobs, sizeof *jobs, 2, 2);
        return;
    }
    trans_block(r->op[0], xy, n);
}

/* Hash of a point's bit pattern. */
static uint64_t point_hash(const double *p)
{
    uint64_t a, b;
    memcpy(&a, p, sizeof a);
    memcpy(&b, p + 1, sizeof b);
    /* murmur3's fmix64 over a mix of both words: every input bit
     * reaches the low bits the table uses */
    uint64_t h = a * 0x9E3779B97F4A7C15ull + b;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

/* Transforms n points in place, each distinct point once: neighbouring
 * polygons share their boundary vertices (in the wijken 2024 file only
 * 77,730 of 132,210 vertices are distinct), and hashing a point costs far
 * less than PROJ's datum shift. Returns 0, or -1 when the index could not
 * be allocated (nothing done; the caller transforms every point). */
static int trans_distinct(reproj *r, double *xy, size_t n)
{
    if (n >= UINT32_MAX / 2)
        return -1;
    size_t cap = 64;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *slot = mem_calloc(cap, sizeof *slot); /* distinct index + 1 */
    uint32_t *map = mem_alloc(n * sizeof *map);
    double *u = mem_alloc(n * 2 * sizeof *u);
    if (!slot || !map || !u) {
        mem_free(slot);
        mem_free(map);
        mem_free(u);
        return -1;
    }
    size_t nu = 0, mask = cap - 1;
    for (size_t k = 0; k < n; k++) {
        const double *p = xy + 2 * k;
        size_t j = point_hash(p) & mask;
        while (slot[j] && memcmp(u + 2 * (slot[j] - 1), p, 2 * sizeof *p))
            j = (j + 1) & mask;
        if (!slot[j]) {
            memcpy(u + 2 * nu, p, 2 * sizeof *p);
            slot[j] = (uint32_t)++nu;
        }
        map[k] = slot[j] - 1;
    }
    mem_free(slot);
    trans_all(r, u, nu);
    for (size_t k = 0; k < n; k++)
        memcpy(xy + 2 * k, u + 2 * (size_t)map[k], 2 * sizeof *xy);
    mem_free(map);
    mem_free(u);
    return 0;
}

size_t reproj_apply_raw(reproj *r, double *xy, size_t n, size_t *first_bad)
{
    if (r->identity || n == 0)
        return 0;
    if (n < REPROJ_DISTINCT_MIN || trans_distinct(r, xy, n) < 0)
        trans_all(r, xy, n);
    size_t bad = 0;
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(xy[2 * k]) || !isfinite(xy[2 * k + 1])) {
            if (bad == 0 && first_bad)
                *first_bad = k;
            xy[2 * k] = xy[2 * k + 1] = HUGE_VAL;
            bad++;
        }
    }
    return bad;
}

int reproj_apply(reproj *r, double *xy, size_t n)
{
    if (r->identity || n == 0)
        return 0;
    /* keep a copy of the first point's input for the message */
    size_t first = 0;
    double *copy = mem_alloc(n * 2 * sizeof *copy);
    if (!copy)
        return err_oom("coordinates");
    memcpy(copy, xy, n * 2 * sizeof *copy);
    size_t bad = reproj_apply_raw(r, xy, n, &first);
    if (bad == 0) {
        mem_free(copy);
        return 0;
    }
    char bs[80], bd[80];
    err_set(ERR_PROJ, NULL, 0, NULL,
            "%zu of %zu points cannot be transformed from \"%s\" to \"%s\"; "
            "the first is point %zu (%.6f, %.6f): check that the data's "
            "coordinate reference system is right",
            bad, n, crs_short(r->src, bs, sizeof bs),
            crs_short(r->dst, bd, sizeof bd), first, copy[2 * first],
            copy[2 * first + 1]);
    mem_free(copy);
    return -1;
}

char *reproj_crs_name(const char *crs)
{
    PJ_CONTEXT *ctx = quiet_ctx();
    if (!ctx) {
        err_oom("coordinate reference system");
        return NULL;
    }
    char *out = NULL;
    PJ *obj = crs_create(ctx, crs, "given");
    if (!obj)
        goto done;
    const char *auth = proj_get_id_auth_name(obj, 0);
    const char *code = proj_get_id_code(obj, 0);
    char buf[64];
    if (auth && code && strcmp(auth, "EPSG") == 0) {
        snprintf(buf, sizeof buf, "EPSG:%s", code);
        out = mem_strdup(buf);
    } else if (auth && code && strcmp(auth, "OGC") == 0 &&
               strcmp(code, "CRS84") == 0) {
        out = mem_strdup("EPSG:4326"); /* x/y order is implied everywhere */
    } else {
        int *conf = NULL;
        PJ_OBJ_LIST *list = proj_identify(ctx, obj, "EPSG", NULL, &conf);
        if (list && proj_list_get_count(list) > 0 && conf[0] >= 90) {
            PJ *m = proj_list_get(ctx, list, 0);
            const char *mc = m ? proj_get_id_code(m, 0) : NULL;
            if (mc) {
                snprintf(buf, sizeof buf, "EPSG:%s", mc);
                out = mem_strdup(buf);
            }
            proj_destroy(m);
        }
        proj_int_list_destroy(conf);
        proj_list_destroy(list);
        if (!out) {
            const char *wkt = proj_as_wkt(ctx, obj, PJ_WKT2_2019, NULL);
            out = mem_strdup(wkt ? wkt : crs);
        }
    }
    if (!out)
        err_oom("coordinate reference system");
done:
    proj_destroy(obj);
    proj_context_destroy(ctx);
    return out;
}
