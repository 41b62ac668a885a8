/* pclookup.c - postcode to unit table; see pclookup.h. */
#include "pclookup.h"

#include "err.h"
#include "in_records.h"
#include "mem.h"
#include "postcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pclookup {
    char (*codes)[KEY_MAX]; /* distinct canonical codes, sorted */
    size_t n_codes;
    int32_t *keys;          /* distinct postcode keys, sorted */
    size_t *off;            /* entries of keys[k]: [off[k], off[k+1]) */
    size_t n_keys;
    int32_t *e_code;        /* entry code index */
    double *e_w;            /* entry weight */
    size_t rows, skipped;
};

/* One (postcode, code, weight) while building. */
typedef struct {
    int32_t key;
    int32_t code;
    double w;
} pc_entry;

static int by_key_code(const void *a, const void *b)
{
    const pc_entry *p = a, *q = b;
    if (p->key != q->key)
        return p->key < q->key ? -1 : 1;
    return (p->code > q->code) - (p->code < q->code);
}

static int by_code(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

void pclookup_free(pclookup *L)
{
    if (!L)
        return;
    MEM_FREE_ALL(L->codes, L->keys, L->off, L->e_code, L->e_w, L);
}

size_t pclookup_ncodes(const pclookup *L) { return L->n_codes; }
const char *pclookup_code(const pclookup *L, size_t k) { return L->codes[k]; }
size_t pclookup_rows(const pclookup *L) { return L->rows; }
size_t pclookup_skipped(const pclookup *L) { return L->skipped; }
size_t pclookup_nkeys(const pclookup *L) { return L->n_keys; }
int32_t pclookup_key_at(const pclookup *L, size_t k) { return L->keys[k]; }

/* Sorts and merges entries with the same key and code (summing weights);
 * returns the new count. */
static size_t merge(pc_entry *e, size_t n)
{
    qsort(e, n, sizeof *e, by_key_code);
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (m > 0 && e[m - 1].key == e[k].key && e[m - 1].code == e[k].code)
            e[m - 1].w += e[k].w;
        else
            e[m++] = e[k];
    }
    return m;
}

/* Adds PC4 entries (sums of their PC6 entries) for the PC4s the table does
 * not list itself; e has room for 2 n entries. Returns the new count. */
static size_t add_pc4_sums(pc_entry *e, size_t n)
{
    size_t m = n;
    for (size_t k = 0; k < n; k++) {
        if (postcode_is_pc4(e[k].key))
            continue;
        e[m] = e[k];
        e[m].key = postcode_pc4(e[k].key);
        e[m].code = -1 - e[k].code; /* marked as a sum for now */
        m++;
    }
    m = merge(e, m);
    /* sorted by key, then code: the explicit rows (code >= 0) of a PC4 come
     * after its sums (code < 0); keep the sums only where none exist */
    size_t out = 0;
    for (size_t k = 0; k < m;) {
        size_t end = k;
        int explicit_rows = 0;
        while (end < m && e[end].key == e[k].key) {
            explicit_rows |= e[end].code >= 0;
            end++;
        }
        for (size_t j = k; j < end; j++) {
            if (explicit_rows && e[j].code < 0)
                continue;
            e[out] = e[j];
            if (e[out].code < 0)
                e[out].code = -1 - e[out].code;
            out++;
        }
        k = end;
    }
    return merge(e, out);
}

/* Reads the rows of f into entries (e: room for every row). Returns the
 * count, or (size_t)-1 with the error set. */
static size_t read_rows(pclookup *L, const recfile *f, const tbl_col *pc,
                        const tbl_col *code, const tbl_col *wc, pc_entry *e,
                        char (*rowcode)[KEY_MAX])
{
    size_t n = tbl_nrows(f->t), m = 0;
    for (size_t r = 0; r < n; r++) {
        char buf[64];
        const char *ps = col_code_text(pc, r, buf, sizeof buf);
        int32_t key = postcode_key(ps, strlen(ps));
        const char *cs = col_code_text(code, r, buf, sizeof buf);
        if (key < 0 || !*cs) {
            L->skipped++;
            continue;
        }
        char canon[KEY_MAX];
        if (key_normalise(cs, strlen(cs), KEY_INVALID, canon, NULL) ==
            KEY_INVALID) {
            recfile_error_at(f, ERR_PARSE, r, code->name,
                             "\"%.40s\" is not a CBS region code (such as "
                             "BU03630000, WK036300 or GM0363)",
                             cs);
            return (size_t)-1;
        }
        double w = 1.0;
        if (wc) {
            miss_reason why;
            w = col_num(wc, r, &why);
            if (why != MISS_NONE || !(w >= 0) || w > 1e15) {
                recfile_error_at(f, ERR_PARSE, r, wc->name,
                                 "the weight must be a number of 0 or more");
                return (size_t)-1;
            }
        }
        memcpy(rowcode[m], canon, KEY_MAX);
        e[m].key = key;
        e[m].w = w;
        m++;
    }
    return m;
}

pclookup *pclookup_load(const char *path, const src_options *opt,
                        const char *pc_col, const char *code_col,
                        const char *weight_col)
{
    recfile f;
    if (recfile_read(path, opt, &f) < 0)
        return NULL;
    pclookup *L = mem_new(sizeof *L, "postcode table");
    pc_entry *e = NULL;
    char (*rowcode)[KEY_MAX] = NULL;
    if (!L)
        goto fail;
    const tbl_col *pc = recfile_column(&f, pc_col, "location.lookup_postcode");
    const tbl_col *code = pc ? recfile_column(&f, code_col,
                                              "location.lookup_code")
                             : NULL;
    const tbl_col *wc = code && weight_col
                            ? recfile_column(&f, weight_col,
                                             "location.lookup_weight")
                            : NULL;
    if (!pc || !code || (weight_col && !wc))
        goto fail;
    if (wc && wc->type == COL_STRING) {
        recfile_error_at(&f, ERR_PARSE, 0, wc->name,
                         "the weight column holds text; it must hold numbers "
                         "(such as the number of addresses)");
        goto fail;
    }
    size_t n = tbl_nrows(f.t);
    L->rows = n;
    e = mem_alloc((n ? 2 * n : 1) * sizeof *e);
    rowcode = mem_alloc((n ? n : 1) * sizeof *rowcode);
    if (!e || !rowcode) {
        err_oom("postcode table");
        goto fail;
    }
    size_t m = read_rows(L, &f, pc, code, wc, e, rowcode);
    if (m == (size_t)-1)
        goto fail;
    /* distinct codes, sorted; each entry gets its index */
    L->codes = mem_alloc((m ? m : 1) * sizeof *L->codes);
    if (!L->codes) {
        err_oom("postcode table");
        goto fail;
    }
    memcpy(L->codes, rowcode, m * sizeof *rowcode);
    qsort(L->codes, m, sizeof *L->codes, by_code);
    for (size_t k = 0; k < m; k++)
        if (L->n_codes == 0 || strcmp(L->codes[L->n_codes - 1], L->codes[k]))
            memmove(L->codes[L->n_codes++], L->codes[k], KEY_MAX);
    for (size_t k = 0; k < m; k++) {
        char (*hit)[KEY_MAX] = bsearch(rowcode[k], L->codes, L->n_codes,
                                       sizeof *L->codes, by_code);
        e[k].code = (int32_t)(hit - L->codes);
    }
    m = merge(e, m);
    m = add_pc4_sums(e, m);
    L->e_code = mem_alloc((m ? m : 1) * sizeof *L->e_code);
    L->e_w = mem_alloc((m ? m : 1) * sizeof *L->e_w);
    L->keys = mem_alloc((m ? m : 1) * sizeof *L->keys);
    L->off = mem_alloc((m + 1) * sizeof *L->off);
    if (!L->e_code || !L->e_w || !L->keys || !L->off) {
        err_oom("postcode table");
        goto fail;
    }
    for (size_t k = 0; k < m; k++) {
        L->e_code[k] = e[k].code;
        L->e_w[k] = e[k].w;
        if (L->n_keys == 0 || L->keys[L->n_keys - 1] != e[k].key) {
            L->keys[L->n_keys] = e[k].key;
            L->off[L->n_keys] = k;
            L->n_keys++;
        }
    }
    L->off[L->n_keys] = m;
    mem_free(e);
    mem_free(rowcode);
    recfile_free(&f);
    return L;
fail:
    mem_free(e);
    mem_free(rowcode);
    pclookup_free(L);
    recfile_free(&f);
    return NULL;
}

/* Index of key in L->keys, or -1. */
static long find_key(const pclookup *L, int32_t key)
{
    size_t lo = 0, hi = L->n_keys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (L->keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < L->n_keys && L->keys[lo] == key ? (long)lo : -1;
}

long pclookup_index(const pclookup *L, int32_t key)
{
    long k = find_key(L, key);
    if (k < 0 && !postcode_is_pc4(key)) {
        /* a PC6 the table does not list: its PC4, when the table lists
         * PC4s itself (then there is no PC6 in it for that PC4) */
        long p = find_key(L, postcode_pc4(key));
        if (p >= 0 && (p == 0 || L->keys[p - 1] < postcode_pc4(key) - 999))
            k = p;
    }
    return k;
}

size_t pclookup_find(const pclookup *L, int32_t key, const int32_t **codes,
                     const double **w)
{
    long k = pclookup_index(L, key);
    if (k < 0)
        return 0;
    *codes = L->e_code + L->off[k];
    *w = L->e_w + L->off[k];
    return L->off[k + 1] - L->off[k];
}
