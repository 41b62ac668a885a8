/* in_json.c - JSON arrays of records through json-c; see in_json.h.
 *
 * Two passes over the parsed records: the first collects the flattened
 * column names in order of first appearance with the kinds of value seen,
 * the second fills the columns. json-c owns the parsed tree (its own
 * allocator); everything of ours goes through mem_*.
 */
#include "in_json.h"

#include "err.h"
#include "fsutil.h"
#include "geo_io.h"
#include "mem.h"
#include "sentinel.h"

#include <ctype.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_DEPTH 4

/* One flattened column while reading. */
typedef struct {
    char *name;
    int n_int, n_real, n_other; /* values seen of each kind */
    tbl_col *col;               /* pass 2 */
} jcol;

typedef struct {
    jcol *cols;
    size_t n, cap;
    const char *pick;
} jcols;

int in_json_is_records(const char *path)
{
    size_t n = strlen(path);
    const char *base = n > 3 && !strcmp(path + n - 3, ".gz") ? path + n - 8
                                                              : path + n - 5;
    if (n < 5 || (strncasecmp(base, ".json", 5) != 0))
        return 0;
    geo_vfile fp;
    if (geo_vfile_open(&fp, path) < 0)
        return 0;
    char buf[512];
    size_t got = geo_vfile_read(&fp, buf, sizeof buf);
    geo_vfile_close(&fp);
    size_t k = 0;
    if (got >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        k = 3;
    while (k < got && isspace((unsigned char)buf[k]))
        k++;
    return k < got && buf[k] == '[';
}

/* Reads the whole (possibly compressed) file; mem_alloc'ed, NUL-terminated.
 * NULL with the error set. */
static char *slurp(const char *path, const char *shown, size_t *len)
{
    geo_vfile fp;
    char *buf = NULL;
    if (geo_vfile_open(&fp, path) < 0) {
        err_set(ERR_IO, shown, 0, NULL, "cannot open the file; check the path (in a "
                "recipe, paths are relative to the recipe's folder)");
        return NULL;
    }
    buf = fs_read_all(geo_vfile_reader, &fp, 1 << 16, "file contents", len);
    geo_vfile_close(&fp);
    return buf;
}

/* Line and column of byte offset off in text. */
static void line_col(const char *text, size_t off, long *line, long *col)
{
    long ln = 1, c = 1;
    for (size_t k = 0; k < off && text[k]; k++) {
        if (text[k] == '\n') {
            ln++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = ln;
    *col = c;
}

/* The column called name, added at the end when new. NULL on OOM. */
static jcol *col_get(jcols *cs, const char *name)
{
    for (size_t k = 0; k < cs->n; k++)
        if (!strcmp(cs->cols[k].name, name))
            return &cs->cols[k];
    if (mem_grow(&cs->cols, &cs->cap, cs->n + 1, sizeof *cs->cols,
                 "JSON columns") < 0)
        return NULL;
    jcol *c = &cs->cols[cs->n];
    memset(c, 0, sizeof *c);
    c->name = mem_strdup(name);
    if (!c->name) {
        err_oom("JSON columns");
        return NULL;
    }
    cs->n++;
    return c;
}

/* The column name of member key under prefix: the pick's members lose
 * the pick's name. Writes into out (size). */
static void member_name(const jcols *cs, const char *prefix, const char *key,
                        char *out, size_t size)
{
    if (!prefix[0])
        snprintf(out, size, "%s", key);
    else if (cs->pick && !strcmp(prefix, cs->pick))
        snprintf(out, size, "%s", key);
    else
        snprintf(out, size, "%s.%s", prefix, key);
}

/* Calls fn(cs, name, value, arg) for every flattened member of obj. */
typedef int (*member_fn)(jcols *cs, const char *name, json_object *v,
                         void *arg);

static int walk(jcols *cs, json_object *obj, const char *prefix, int depth,
                member_fn fn, void *arg)
{
    json_object_object_foreach(obj, key, val)
    {
        char name[512];
        member_name(cs, prefix, key, name, sizeof name);
        if (val && json_object_is_type(val, json_type_object) &&
            depth < MAX_DEPTH) {
            char sub[512];
            snprintf(sub, sizeof sub, "%s%s%s", prefix, prefix[0] ? "." : "",
                     key);
            if (walk(cs, val, sub, depth + 1, fn, arg) < 0)
                return -1;
            continue;
        }
        if (fn(cs, name, val, arg) < 0)
            return -1;
    }
    return 0;
}

/* Pass 1: records the column and the kind of its value. */
static int collect(jcols *cs, const char *name, json_object *v, void *arg)
{
    (void)arg;
    jcol *c = col_get(cs, name);
    if (!c)
        return -1;
    if (!v)
        return 0;
    if (json_object_is_type(v, json_type_int))
        c->n_int++;
    else if (json_object_is_type(v, json_type_double))
        c->n_real++;
    else
        c->n_other++;
    return 0;
}

typedef struct {
    size_t row, nrows;
} fill_arg;

/* Pass 2: writes one value into its column. */
static int fill(jcols *cs, const char *name, json_object *v, void *arg)
{
    fill_arg *fa = arg;
    jcol *c = NULL;
    for (size_t k = 0; k < cs->n && !c; k++)
        if (!strcmp(cs->cols[k].name, name))
            c = &cs->cols[k];
    if (!c || !c->col)
        return 0;
    tbl_col *tc = c->col;
    if (!v)
        return 0; /* null: stays missing (MISS_EMPTY) */
    if (tc->type != COL_STRING)
        tc->miss[fa->row] = MISS_NONE; /* every row started missing */
    if (tc->type == COL_INT64) {
        int64_t x = json_object_get_int64(v);
        tc->i[fa->row] = x;
        miss_reason why = sentinel_reason((double)x);
        return why ? col_set_missing(tc, fa->nrows, fa->row, why) : 0;
    }
    if (tc->type == COL_DOUBLE) {
        double x = json_object_get_double(v);
        tc->d[fa->row] = x;
        miss_reason why = sentinel_reason(x);
        return why ? col_set_missing(tc, fa->nrows, fa->row, why) : 0;
    }
    const char *s = json_object_is_type(v, json_type_string)
                        ? json_object_get_string(v)
                        : json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
    size_t len = json_object_is_type(v, json_type_string)
                     ? (size_t)json_object_get_string_len(v)
                     : strlen(s);
    return col_set_str(tc, fa->nrows, fa->row, s, len);
}

static void jcols_free(jcols *cs)
{
    for (size_t k = 0; k < cs->n; k++)
        mem_free(cs->cols[k].name);
    mem_free(cs->cols);
}

/* Builds the table from the parsed array. NULL with the error set. */
static tbl *build(json_object *arr, const char *shown, const char *pick)
{
    jcols cs = {.pick = pick};
    tbl *t = NULL;
    size_t n = json_object_array_length(arr);
    int pick_seen = 0;
    for (size_t r = 0; r < n; r++) {
        json_object *rec = json_object_array_get_idx(arr, r);
        if (!rec || !json_object_is_type(rec, json_type_object)) {
            err_set_feature(ERR_PARSE, shown, (long)r + 1, NULL,
                            "record %zu is not an object ({...}); a JSON "
                            "table is an array of objects",
                            r + 1);
            goto cleanup;
        }
        json_object *sub;
        if (pick && json_object_object_get_ex(rec, pick, &sub) && sub &&
            json_object_is_type(sub, json_type_object))
            pick_seen = 1;
        if (walk(&cs, rec, "", 0, collect, NULL) < 0)
            goto cleanup;
    }
    if (pick && !pick_seen) {
        char list[400] = "";
        size_t used = 0;
        for (size_t k = 0; k < cs.n && used < sizeof list - 40; k++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"",
                                     k ? ", " : "", cs.cols[k].name);
        err_set(ERR_PARSE, shown, 0, NULL,
                "no record has an object \"%s\" to read the columns from; "
                "the records hold %s",
                pick, used ? list : "nothing");
        goto cleanup;
    }
    t = tbl_new(n);
    if (!t)
        goto cleanup;
    for (size_t k = 0; k < cs.n; k++) {
        jcol *c = &cs.cols[k];
        col_type ty = c->n_other || (!c->n_int && !c->n_real) ? COL_STRING
                      : c->n_real                              ? COL_DOUBLE
                                                               : COL_INT64;
        if (!tbl_add_col(t, c->name, ty))
            goto fail;
    }
    /* column structs move while columns are added: take them afterwards */
    for (size_t k = 0; k < cs.n; k++) {
        jcol *c = &cs.cols[k];
        c->col = tbl_col_at(t, k);
        if (c->col->type != COL_STRING)
            for (size_t r = 0; r < n; r++) /* absent until seen */
                if (col_set_missing(c->col, n, r, MISS_EMPTY) < 0)
                    goto fail;
    }
    for (size_t r = 0; r < n; r++) {
        fill_arg fa = {.row = r, .nrows = n};
        if (walk(&cs, json_object_array_get_idx(arr, r), "", 0, fill, &fa) < 0)
            goto fail;
    }
    for (size_t k = 0; k < cs.n; k++)
        col_finish(cs.cols[k].col);
    goto cleanup;
fail:
    tbl_free(t);
    t = NULL;
cleanup:
    jcols_free(&cs);
    return t;
}

tbl *in_json_read(const char *path, const char *shown, const char *pick)
{
    size_t len = 0;
    tbl *t = NULL;
    json_object *root = NULL;
    json_tokener *tok = NULL;
    char *text = slurp(path, shown, &len);
    if (!text)
        return NULL;
    tok = json_tokener_new();
    if (!tok) {
        err_oom("JSON parser");
        goto cleanup;
    }
    root = json_tokener_parse_ex(tok, text, (int)len);
    enum json_tokener_error je = json_tokener_get_error(tok);
    if (!root || je != json_tokener_success) {
        long line, col;
        line_col(text, json_tokener_get_parse_end(tok), &line, &col);
        err_set_pos(ERR_PARSE, shown, line, col,
                    "the file is not valid JSON: the parser stopped here "
                    "with \"%s\" (is the file cut short or hand-edited?)",
                    je == json_tokener_continue
                        ? "the text ends in the middle of a value"
                        : json_tokener_error_desc(je));
        goto cleanup;
    }
    if (!json_object_is_type(root, json_type_array)) {
        err_set(ERR_PARSE, shown, 0, NULL,
                "the file is JSON but not an array of records");
        goto cleanup;
    }
    t = build(root, shown, pick);
cleanup:
    json_object_put(root);
    if (tok)
        json_tokener_free(tok);
    mem_free(text);
    return t;
}
