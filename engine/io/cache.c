/* cache.c - the native cache; see cache.h for the format and the rules. */
#include "cache.h"

#include "atomic.h"
#include "err.h"
#include "fmemo.h"
#include "hash.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "DNWCACHE"
#define HDR_SIZE 128u
#define ENDIAN_TAG 0x01020304u
#define ARRAY_ALIGN 64u
#define MAX_ROWS (1ull << 56) /* keeps every size computation far from overflow */
#define PATH_CAP 4096

/* Byte offsets of the header fields. Bytes 64..95 are reserved (zero). */
enum {
    H_MAGIC = 0,
    H_VERSION = 8,
    H_ENDIAN = 12,
    H_KEY = 16,
    H_FILE_SIZE = 32,
    H_NROWS = 40,
    H_NCOLS = 48,
    H_DIR_OFF = 56,
    H_BODY_SUM = 96, /* hash128 of bytes [HDR_SIZE, file size) */
    H_HEAD_SUM = 112 /* hash128 of bytes [0, H_HEAD_SUM) */
};

/* Fields of one column directory entry, each a uint64. An offset of 0 means
 * "absent" (offset 0 is the header, never an array). */
enum {
    D_TYPE,
    D_NAME_OFF, D_NAME_LEN,
    D_MISS_OFF,
    D_DATA_OFF,                /* d, i or codes */
    D_N_DICT, D_DICTOFF_OFF, D_BLOB_OFF, D_BLOB_LEN,
    D_N_PARTS, D_N_RINGS, D_N_POINTS,
    D_ROWPART_OFF, D_PARTRING_OFF, D_RINGPT_OFF, D_XY_OFF, D_BBOX_OFF,
    D_CRS_OFF, D_CRS_LEN,
    D_FIELDS
};
#define DIR_ENTRY ((uint64_t)D_FIELDS * 8u)

static void put_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static uint32_t get_u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint64_t get_u64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

int cache_disabled(void)
{
    const char *v = getenv("DNAWIJK_NO_CACHE");
    return v && strcmp(v, "1") == 0;
}

/* The cache dir into buf without touching the error context. Returns 0, -1
 * when no location is known, -2 when buf is too small. */
static int dir_from_env(char *buf, size_t size)
{
    const char *d;
    int n;
    if ((d = getenv("DNAWIJK_CACHE_DIR")) && *d)
        n = snprintf(buf, size, "%s", d);
    else if ((d = getenv("XDG_CACHE_HOME")) && d[0] == '/')
        n = snprintf(buf, size, "%s/dnawijk", d); /* XDG: absolute only */
    else if ((d = getenv("HOME")) && *d)
        n = snprintf(buf, size, "%s/.cache/dnawijk", d);
    else
        return -1;
    return n < 0 || (size_t)n >= size ? -2 : 0;
}

int cache_dir_path(char *buf, size_t size)
{
    int rc = dir_from_env(buf, size);
    if (rc == -1)
        err_set(ERR_IO, NULL, 0, NULL, "There is no folder for the cache: "
                "set DNAWIJK_CACHE_DIR (or XDG_CACHE_HOME or HOME).");
    else if (rc == -2)
        err_set(ERR_IO, NULL, 0, NULL, "The cache folder name is longer than "
                "%zu bytes; set DNAWIJK_CACHE_DIR to a shorter path.", size);
    return rc < 0 ? -1 : 0;
}

/* The cache key of (source content, options, format version). Returns 0 or
 * -1 with ERR_IO set when the source cannot be read. */
static int cache_key(const char *source_path, const char *options_key,
                     uint8_t key[16])
{
    uint8_t content[16];
    if (hash_source_files_with(source_path, content, fmemo_hash128) < 0)
        return -1;
    const char *opt = options_key ? options_key : "";
    uint8_t version[4];
    put_u32(version, CACHE_FORMAT_VERSION);
    hash128_state s;
    hash128_init(&s, 0x444E57434B455931ull); /* "DNWCKEY1" */
    hash128_update(&s, content, sizeof content);
    hash128_update(&s, version, sizeof version);
    hash128_update(&s, opt, strlen(opt) + 1);
    hash128_final(&s, key);
    return 0;
}

/* "<cache dir>/<hex key>.dnwc" into buf without touching the error context;
 * same return values as dir_from_env. */
static int entry_path(const uint8_t key[16], char *buf, size_t size)
{
    int rc = dir_from_env(buf, size);
    if (rc < 0)
        return rc;
    char hex[33];
    hash128_hex(key, hex);
    size_t n = strlen(buf);
    int m = snprintf(buf + n, size - n, "/%s.dnwc", hex);
    return m < 0 || (size_t)m >= size - n ? -2 : 0;
}

/* entry_path, setting ERR_IO on failure. Returns 0 or -1. */
static int entry_path_err(const uint8_t key[16], char *buf, size_t size)
{
    int rc = entry_path(key, buf, size);
    if (rc == -1)
        return cache_dir_path(buf, size);
    if (rc == -2)
        err_set(ERR_IO, NULL, 0, NULL, "The cache file name is longer than "
                "%zu bytes; set DNAWIJK_CACHE_DIR to a shorter path.", size);
    return rc < 0 ? -1 : 0;
}

int cache_entry_path(const char *source_path, const char *options_key,
                     char *buf, size_t size)
{
    uint8_t key[16];
    if (cache_key(source_path, options_key, key) < 0)
        return -1;
    return entry_path_err(key, buf, size);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* Where the body goes: nowhere while planning the layout (f NULL), or a
 * file, with a running checksum. */
typedef struct {
    FILE *f;
    uint64_t pos;
    hash128_state sum;
    int failed; /* a write failed */
} sink;

/* Appends len bytes (p may be NULL when len is 0). */
static void sink_put(sink *w, const void *p, uint64_t len)
{
    if (w->f && len) {
        if (fwrite(p, 1, len, w->f) != len)
            w->failed = 1;
        hash128_update(&w->sum, p, len);
    }
    w->pos += len;
}

/* Pads with zero bytes to a multiple of a (at most ARRAY_ALIGN). */
static void sink_align(sink *w, uint64_t a)
{
    static const uint8_t zeros[ARRAY_ALIGN];
    sink_put(w, zeros, (a - w->pos % a) % a);
}

/* Appends an array at the next 64-byte boundary; returns its offset. */
static uint64_t sink_array(sink *w, const void *p, uint64_t len)
{
    sink_align(w, ARRAY_ALIGN);
    uint64_t off = w->pos;
    sink_put(w, p, len);
    return off;
}

/* Appends a NUL-terminated string at the next 8-byte boundary; returns its
 * offset and sets *len to its length without the NUL. */
static uint64_t sink_string(sink *w, const char *s, uint64_t *len)
{
    sink_align(w, 8);
    uint64_t off = w->pos;
    *len = strlen(s);
    sink_put(w, s, *len + 1);
    return off;
}

/* Checks that a column has the arrays its type needs. Returns 0, or -1 with
 * an error set naming the column. */
static int col_storable(const tbl_col *c, size_t n)
{
    int ok = c->name != NULL;
    if (ok && c->type == COL_DOUBLE)
        ok = c->d || n == 0;
    else if (ok && c->type == COL_INT64)
        ok = c->i || n == 0;
    else if (ok && c->type == COL_STRING)
        ok = (c->codes || n == 0) &&
             (c->n_dict == 0 ||
              (c->dict_off && c->dict_blob && c->dict_blob_len > 0 &&
               c->n_dict <= (uint32_t)INT32_MAX));
    else if (ok && c->type == COL_GEOM)
        ok = c->row_part && c->part_ring && c->ring_pt &&
             (c->xy || c->n_points == 0) && (c->bbox || n == 0);
    else if (ok)
        ok = 0;
    if (!ok)
        err_set(ERR_IO, NULL, 0, c->name, "Cannot store this column in the "
                "cache: its arrays are incomplete (an internal error).");
    return ok ? 0 : -1;
}

/* Emits everything after the header: the column directory (filled in while
 * planning; written from `dir` when writing - both passes compute the same
 * offsets), then names, CRS strings and arrays. Sets *dir_off. */
static void emit_body(sink *w, const tbl *t, uint64_t *dir, uint64_t *dir_off)
{
    size_t nc = tbl_ncols(t), n = tbl_nrows(t);
    sink_align(w, ARRAY_ALIGN);
    *dir_off = w->pos;
    sink_put(w, dir, nc * DIR_ENTRY);
    for (size_t k = 0; k < nc; k++) {
        const tbl_col *c = tbl_col_at(t, k);
        uint64_t *e = dir + k * D_FIELDS;
        e[D_TYPE] = (uint64_t)c->type;
        e[D_NAME_OFF] = sink_string(w, c->name, &e[D_NAME_LEN]);
        e[D_MISS_OFF] = c->miss ? sink_array(w, c->miss, n) : 0;
        switch (c->type) {
        case COL_DOUBLE:
            e[D_DATA_OFF] = sink_array(w, c->d, n * sizeof *c->d);
            break;
        case COL_INT64:
            e[D_DATA_OFF] = sink_array(w, c->i, n * sizeof *c->i);
            break;
        case COL_STRING:
            e[D_DATA_OFF] = sink_array(w, c->codes, n * sizeof *c->codes);
            e[D_N_DICT] = c->n_dict;
            e[D_DICTOFF_OFF] =
                sink_array(w, c->dict_off, c->n_dict * sizeof *c->dict_off);
            e[D_BLOB_LEN] = c->n_dict ? c->dict_blob_len : 0;
            e[D_BLOB_OFF] = sink_array(w, c->dict_blob, e[D_BLOB_LEN]);
            break;
        case COL_GEOM:
            e[D_N_PARTS] = c->n_parts;
            e[D_N_RINGS] = c->n_rings;
            e[D_N_POINTS] = c->n_points;
            e[D_ROWPART_OFF] = sink_array(w, c->row_part, (n + 1) * 8);
            e[D_PARTRING_OFF] =
                sink_array(w, c->part_ring, (c->n_parts + 1) * 8);
            e[D_RINGPT_OFF] = sink_array(w, c->ring_pt, (c->n_rings + 1) * 8);
            e[D_XY_OFF] = sink_array(w, c->xy, c->n_points * 16);
            e[D_BBOX_OFF] = sink_array(w, c->bbox, n * 32);
            e[D_CRS_OFF] = sink_string(w, c->crs ? c->crs : "", &e[D_CRS_LEN]);
            break;
        }
    }
}

/* Writes the cache file image of t with the given key to the open stream f
 * (positioned at 0). Returns 0, or -1 when a write failed (errno kept). */
static int write_image(FILE *f, const tbl *t, const uint8_t key[16],
                       uint64_t *dir)
{
    uint64_t dir_off = 0, dir_off2 = 0;
    sink plan = {.f = NULL, .pos = HDR_SIZE};
    emit_body(&plan, t, dir, &dir_off);

    uint8_t hdr[HDR_SIZE];
    memset(hdr, 0, sizeof hdr);
    if (fwrite(hdr, 1, sizeof hdr, f) != sizeof hdr)
        return -1;
    sink w = {.f = f, .pos = HDR_SIZE};
    hash128_init(&w.sum, 0);
    emit_body(&w, t, dir, &dir_off2);
    if (w.failed || w.pos != plan.pos || dir_off2 != dir_off) {
        if (!w.failed)
            errno = EINVAL; /* cannot happen: the two passes disagree */
        return -1;
    }
    memcpy(hdr + H_MAGIC, CACHE_MAGIC, 8);
    put_u32(hdr + H_VERSION, CACHE_FORMAT_VERSION);
    put_u32(hdr + H_ENDIAN, ENDIAN_TAG);
    memcpy(hdr + H_KEY, key, 16);
    put_u64(hdr + H_FILE_SIZE, w.pos);
    put_u64(hdr + H_NROWS, tbl_nrows(t));
    put_u64(hdr + H_NCOLS, tbl_ncols(t));
    put_u64(hdr + H_DIR_OFF, dir_off);
    hash128_final(&w.sum, hdr + H_BODY_SUM);
    hash128_bytes(hdr, H_HEAD_SUM, hdr + H_HEAD_SUM);
    if (fseek(f, 0, SEEK_SET) != 0 || fwrite(hdr, 1, sizeof hdr, f) != sizeof hdr)
        return -1;
    return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

int cache_store(const char *source_path, const char *options_key,
                const tbl *t)
{
    if (cache_disabled())
        return 0;
    for (size_t k = 0; k < tbl_ncols(t); k++)
        if (col_storable(tbl_col_at(t, k), tbl_nrows(t)) < 0)
            return -1;
    uint8_t key[16];
    if (cache_key(source_path, options_key, key) < 0)
        return -1;
    char path[PATH_CAP];
    if (entry_path_err(key, path, sizeof path) < 0)
        return -1;
    uint64_t *dir = mem_calloc(tbl_ncols(t) ? tbl_ncols(t) : 1, DIR_ENTRY);
    if (!dir)
        return err_oom("cache directory");
    /* No fsync: a torn file after a crash fails the size or checksum test
     * and is a miss, so durability is not needed here. */
    atomic_file *af;
    FILE *f = atomic_open_ex(path, ATOMIC_NO_SYNC, &af);
    if (!f) {
        mem_free(dir);
        return -1;
    }
    int rc = write_image(f, t, key, dir);
    int e = errno;
    mem_free(dir);
    if (rc < 0) {
        atomic_abort(af);
        err_set(ERR_IO, path, 0, NULL, "Cannot write the cache file: %s.",
                strerror(e));
        return -1;
    }
    return atomic_commit(af);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

/* True when [off, off + count*elem) lies inside a file of size bytes, after
 * the header, and off is 8-byte aligned. Overflow-safe. */
static int span_ok(uint64_t size, uint64_t off, uint64_t count, uint64_t elem)
{
    uint64_t bytes;
    if (__builtin_mul_overflow(count, elem, &bytes))
        return 0;
    return off >= HDR_SIZE && off % 8 == 0 && off <= size &&
           bytes <= size - off;
}

/* A NUL-terminated string of exactly len bytes at off, or NULL. */
static const char *map_string(const uint8_t *m, uint64_t size, uint64_t off,
                              uint64_t len)
{
    if (off < HDR_SIZE || off >= size || len >= size - off)
        return NULL;
    const char *s = (const char *)m + off;
    if (s[len] != '\0' || memchr(s, '\0', len))
        return NULL;
    return s;
}

/* True when a[0..count] (count+1 entries) starts at 0, never decreases and
 * ends at last: then every index taken from it is in range. */
static int offsets_ok(const uint64_t *a, uint64_t count, uint64_t last)
{
    if (a[0] != 0 || a[count] != last)
        return 0;
    for (uint64_t k = 0; k < count; k++)
        if (a[k] > a[k + 1])
            return 0;
    return 1;
}

/* Points the arrays of column c (type set) into the mapping per directory
 * entry e, validating each. Returns 0, or -1 when anything is out of range
 * (no error set). */
static int map_arrays(tbl_col *c, const uint8_t *m, uint64_t size,
                      uint64_t n, const uint64_t *e)
{
    uint8_t *base = (uint8_t *)(uintptr_t)m; /* the mapping is read-only */
    if (e[D_MISS_OFF]) {
        if (!span_ok(size, e[D_MISS_OFF], n, 1))
            return -1;
        c->miss = base + e[D_MISS_OFF];
        for (uint64_t r = 0; r < n; r++)
            if (c->miss[r] >= MISS_REASON_COUNT)
                return -1;
    }
    switch (c->type) {
    case COL_DOUBLE:
    case COL_INT64:
        if (!span_ok(size, e[D_DATA_OFF], n, 8))
            return -1;
        if (c->type == COL_DOUBLE)
            c->d = (double *)(void *)(base + e[D_DATA_OFF]);
        else
            c->i = (int64_t *)(void *)(base + e[D_DATA_OFF]);
        return 0;
    case COL_STRING: {
        uint64_t nd = e[D_N_DICT], blen = e[D_BLOB_LEN];
        if (nd > (uint64_t)INT32_MAX || !span_ok(size, e[D_DATA_OFF], n, 4) ||
            !span_ok(size, e[D_DICTOFF_OFF], nd, 8) ||
            !span_ok(size, e[D_BLOB_OFF], blen, 1))
            return -1;
        c->codes = (int32_t *)(void *)(base + e[D_DATA_OFF]);
        c->dict_off = (uint64_t *)(void *)(base + e[D_DICTOFF_OFF]);
        c->dict_blob = (char *)base + e[D_BLOB_OFF];
        c->n_dict = (uint32_t)nd;
        c->dict_blob_len = blen;
        if (nd > 0 && (blen == 0 || c->dict_blob[blen - 1] != '\0'))
            return -1;
        for (uint64_t k = 0; k < nd; k++)
            if (c->dict_off[k] >= blen)
                return -1;
        /* a code is -1 exactly when the row carries a missing reason */
        for (uint64_t r = 0; r < n; r++) {
            int32_t k = c->codes[r];
            int marked = c->miss && c->miss[r] != MISS_NONE;
            if (k < -1 || k >= (int64_t)nd || (k == -1) != marked)
                return -1;
        }
        return 0;
    }
    case COL_GEOM: {
        uint64_t np = e[D_N_PARTS], nr = e[D_N_RINGS], nq = e[D_N_POINTS];
        /* each part, ring and point takes at least 8 bytes in the file */
        if (np >= size || nr >= size || nq >= size ||
            !span_ok(size, e[D_ROWPART_OFF], n + 1, 8) ||
            !span_ok(size, e[D_PARTRING_OFF], np + 1, 8) ||
            !span_ok(size, e[D_RINGPT_OFF], nr + 1, 8) ||
            !span_ok(size, e[D_XY_OFF], nq, 16) ||
            !span_ok(size, e[D_BBOX_OFF], n, 32))
            return -1;
        c->row_part = (uint64_t *)(void *)(base + e[D_ROWPART_OFF]);
        c->part_ring = (uint64_t *)(void *)(base + e[D_PARTRING_OFF]);
        c->ring_pt = (uint64_t *)(void *)(base + e[D_RINGPT_OFF]);
        c->xy = (double *)(void *)(base + e[D_XY_OFF]);
        c->bbox = (double *)(void *)(base + e[D_BBOX_OFF]);
        c->n_parts = np;
        c->n_rings = nr;
        c->n_points = nq;
        if (!offsets_ok(c->row_part, n, np) ||
            !offsets_ok(c->part_ring, np, nr) ||
            !offsets_ok(c->ring_pt, nr, nq))
            return -1;
        return 0;
    }
    }
    return -1;
}

/* True when the directory fields that e's column type does not use are 0,
 * as the writer leaves them (a tight format catches confusion early). */
static int unused_fields_zero(const uint64_t *e)
{
    static const uint8_t used[COL_GEOM + 1][D_FIELDS] = {
        [COL_DOUBLE] = {[D_DATA_OFF] = 1},
        [COL_INT64] = {[D_DATA_OFF] = 1},
        [COL_STRING] = {[D_DATA_OFF] = 1, [D_N_DICT] = 1, [D_DICTOFF_OFF] = 1,
                        [D_BLOB_OFF] = 1, [D_BLOB_LEN] = 1},
        [COL_GEOM] = {[D_N_PARTS] = 1, [D_N_RINGS] = 1, [D_N_POINTS] = 1,
                      [D_ROWPART_OFF] = 1, [D_PARTRING_OFF] = 1,
                      [D_RINGPT_OFF] = 1, [D_XY_OFF] = 1, [D_BBOX_OFF] = 1,
                      [D_CRS_OFF] = 1, [D_CRS_LEN] = 1},
    };
    for (int f = D_MISS_OFF + 1; f < D_FIELDS; f++)
        if (!used[e[D_TYPE]][f] && e[f] != 0)
            return 0;
    return 1;
}

/* Adds column k of the mapped file to t as a borrowed column. Returns 0, -1
 * when the entry is invalid (no error set), -2 on OOM (error set). */
static int map_column(tbl *t, const uint8_t *m, uint64_t size, uint64_t n,
                      const uint8_t *entry)
{
    uint64_t e[D_FIELDS];
    memcpy(e, entry, sizeof e);
    if (e[D_TYPE] > COL_GEOM || !unused_fields_zero(e))
        return -1;
    tbl_col c;
    memset(&c, 0, sizeof c);
    c.type = (col_type)e[D_TYPE];
    const char *name = map_string(m, size, e[D_NAME_OFF], e[D_NAME_LEN]);
    if (!name || tbl_col_index(t, name) >= 0 ||
        (c.type == COL_GEOM && tbl_geom(t)))
        return -1;
    if (map_arrays(&c, m, size, n, e) < 0)
        return -1;
    const char *crs = NULL;
    if (c.type == COL_GEOM &&
        !(crs = map_string(m, size, e[D_CRS_OFF], e[D_CRS_LEN])))
        return -1;
    c.name = mem_strdup(name);
    c.crs = crs ? mem_strdup(crs) : NULL;
    if (!c.name || (crs && !c.crs)) {
        mem_free(c.name);
        mem_free(c.crs);
        return err_oom("cached column") - 1;
    }
    if (!tbl_append_col(t, &c)) { /* only OOM is left */
        mem_free(c.name);
        mem_free(c.crs);
        return -2;
    }
    tbl_col_mark_borrowed(t, tbl_ncols(t) - 1);
    return 0;
}

/* Builds a table over the mapping m of size bytes when it is a valid entry
 * for key; NULL otherwise (error set only on OOM). Does not take m. */
static tbl *map_table(const uint8_t *m, uint64_t size, const uint8_t key[16])
{
    uint8_t sum[16];
    if (size < HDR_SIZE || memcmp(m + H_MAGIC, CACHE_MAGIC, 8) != 0 ||
        get_u32(m + H_VERSION) != CACHE_FORMAT_VERSION ||
        get_u32(m + H_ENDIAN) != ENDIAN_TAG ||
        memcmp(m + H_KEY, key, 16) != 0 || get_u64(m + H_FILE_SIZE) != size)
        return NULL;
    hash128_bytes(m, H_HEAD_SUM, sum);
    if (memcmp(sum, m + H_HEAD_SUM, 16) != 0)
        return NULL;
    hash128_bytes(m + HDR_SIZE, size - HDR_SIZE, sum);
    if (memcmp(sum, m + H_BODY_SUM, 16) != 0)
        return NULL;
    uint64_t nrows = get_u64(m + H_NROWS), ncols = get_u64(m + H_NCOLS);
    uint64_t dir_off = get_u64(m + H_DIR_OFF);
    if (nrows > MAX_ROWS || !span_ok(size, dir_off, ncols, DIR_ENTRY))
        return NULL;
    tbl *t = tbl_new(nrows);
    if (!t)
        return NULL;
    for (uint64_t k = 0; k < ncols; k++) {
        if (map_column(t, m, size, nrows, m + dir_off + k * DIR_ENTRY) < 0) {
            tbl_free(t); /* borrowed arrays stay; names are freed */
            return NULL;
        }
    }
    tbl_attach_mapping(t, (void *)(uintptr_t)m, size);
    return t;
}

tbl *cache_load(const char *source_path, const char *options_key)
{
    if (cache_disabled())
        return NULL;
    uint8_t key[16];
    char path[PATH_CAP];
    if (cache_key(source_path, options_key, key) < 0 ||
        entry_path(key, path, sizeof path) < 0)
        return NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size < (off_t)HDR_SIZE) {
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE; /* the checksum reads every page anyway */
#endif
    void *m = mmap(NULL, size, PROT_READ, flags, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return NULL;
    tbl *t = map_table(m, size, key);
    if (!t)
        munmap(m, size);
    return t;
}
