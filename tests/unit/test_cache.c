/* test_cache.c - the native cache: round trips, misses, damaged files. */
#include "cache.h"
#include "testutil.h"
#include "check.h"
#include "hash.h"

#include <dirent.h>
#include <ftw.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Mirrors of the file layout in cache.c, for re-sealing damaged files. */
enum { HDR_SIZE = 128, H_NROWS = 40, H_NCOLS = 48, H_DIR_OFF = 56,
       H_FILE_SIZE = 32, H_BODY_SUM = 96, H_HEAD_SUM = 112, D_FIELDS = 19 };
enum { D_TYPE, D_NAME_OFF, D_NAME_LEN, D_MISS_OFF, D_DATA_OFF, D_N_DICT,
       D_DICTOFF_OFF, D_BLOB_OFF, D_BLOB_LEN, D_N_PARTS, D_N_RINGS,
       D_N_POINTS, D_ROWPART_OFF, D_PARTRING_OFF, D_RINGPT_OFF, D_XY_OFF,
       D_BBOX_OFF, D_CRS_OFF, D_CRS_LEN };

static char root[64];
static char source[256];

/* Appends a ring of k points (x0+i, y0+(i*i)%5) to growing arrays. */
static void add_ring(double *xy, uint64_t *np, int k, double x0, double y0)
{
    for (int i = 0; i < k; i++) {
        xy[2 * *np] = x0 + i;
        xy[2 * *np + 1] = y0 + (i * i) % 5;
        (*np)++;
    }
}

/* A table with every column type: doubles and int64 with and without
 * missing values, strings (repeated, empty, UTF-8, missing, and a column
 * that is all missing) and a geometry with holes, a multipolygon and empty
 * rows. */
static tbl *make_table(void)
{
    enum { N = 6 };
    tbl *t = tbl_new(N);
    tbl_col *d = tbl_add_col(t, "bevolking", COL_DOUBLE);
    tbl_col *d2 = tbl_add_col(t, "oppervlakte_km²", COL_DOUBLE);
    tbl_col *iv = tbl_add_col(t, "jaar", COL_INT64);
    tbl_col *s = tbl_add_col(t, "gwb_code", COL_STRING);
    tbl_col *s2 = tbl_add_col(t, "leeg", COL_STRING);
    if (!d || !d2 || !iv || !s || !s2) {
        tbl_free(t);
        return NULL;
    }
    const double dv[N] = {1200.5, -3, 0, 1e300, 7, 8};
    const double d2v[N] = {-0.0, 1.5, NAN, INFINITY, -INFINITY, 2.25};
    const int64_t iw[N] = {INT64_MIN, INT64_MAX, 0, -1, 2024, 5};
    for (int r = 0; r < N; r++) {
        d->d[r] = dv[r];
        d2->d[r] = d2v[r];
        iv->i[r] = iw[r];
    }
    col_set_missing(d, N, 2, MISS_SECRET);
    col_set_missing(d, N, 4, MISS_EMPTY);
    col_set_missing(iv, N, 5, MISS_UNKNOWN);
    const char *sv[N] = {"WK036301", "", "Ĳsselmonde – Zuid", NULL,
                         "WK036301", "GM0363"};
    for (int r = 0; r < N; r++) {
        if (sv[r])
            col_set_str(s, N, (size_t)r, sv[r], strlen(sv[r]));
        else
            col_set_missing(s, N, (size_t)r, MISS_NOT_AVAILABLE);
    }
    col_finish(s);
    col_finish(s2);

    double *xy = malloc(64 * 2 * sizeof *xy);
    uint64_t *row_part = malloc((N + 1) * sizeof *row_part);
    uint64_t *part_ring = malloc(8 * sizeof *part_ring);
    uint64_t *ring_pt = malloc(10 * sizeof *ring_pt);
    uint64_t np = 0, nparts = 0, nrings = 0;
    part_ring[0] = ring_pt[0] = 0;
    /* row 0: polygon with one hole */
    row_part[0] = nparts;
    add_ring(xy, &np, 5, 0, 0); ring_pt[++nrings] = np;
    add_ring(xy, &np, 4, 1, 1); ring_pt[++nrings] = np;
    part_ring[++nparts] = nrings;
    /* row 1: two parts */
    row_part[1] = nparts;
    add_ring(xy, &np, 4, 10, 0); ring_pt[++nrings] = np;
    part_ring[++nparts] = nrings;
    add_ring(xy, &np, 4, 20, 0); ring_pt[++nrings] = np;
    part_ring[++nparts] = nrings;
    /* row 2: empty */
    row_part[2] = nparts;
    /* row 3: triangle */
    row_part[3] = nparts;
    add_ring(xy, &np, 4, 30, 3); ring_pt[++nrings] = np;
    part_ring[++nparts] = nrings;
    /* row 4: empty */
    row_part[4] = nparts;
    /* row 5: polygon with two holes */
    row_part[5] = nparts;
    add_ring(xy, &np, 6, 40, 0); ring_pt[++nrings] = np;
    add_ring(xy, &np, 4, 41, 1); ring_pt[++nrings] = np;
    add_ring(xy, &np, 4, 43, 1); ring_pt[++nrings] = np;
    part_ring[++nparts] = nrings;
    row_part[6] = nparts;
    if (!tbl_add_geom(t, "geometry", xy, np, row_part, nparts, part_ring,
                      nrings, ring_pt, NULL, "EPSG:28992")) {
        tbl_free(t);
        return NULL;
    }
    return t;
}

/* 1 when two optional arrays of len bytes hold the same bytes. */
static int same_bytes(const void *a, const void *b, size_t len)
{
    if (len == 0)
        return 1; /* an empty array may be NULL or point anywhere */
    if (!a || !b)
        return a == b;
    return memcmp(a, b, len) == 0;
}

/* Compares two tables column by column, bit for bit. */
static int same_table(const tbl *a, const tbl *b)
{
    size_t n = tbl_nrows(a);
    if (n != tbl_nrows(b) || tbl_ncols(a) != tbl_ncols(b))
        return 0;
    for (size_t k = 0; k < tbl_ncols(a); k++) {
        const tbl_col *x = tbl_col_at(a, k), *y = tbl_col_at(b, k);
        if (strcmp(x->name, y->name) != 0 || x->type != y->type ||
            !same_bytes(x->miss, y->miss, n))
            return 0;
        switch (x->type) {
        case COL_DOUBLE:
            if (!same_bytes(x->d, y->d, n * 8))
                return 0;
            break;
        case COL_INT64:
            if (!same_bytes(x->i, y->i, n * 8))
                return 0;
            break;
        case COL_STRING:
            if (x->n_dict != y->n_dict ||
                !same_bytes(x->codes, y->codes, n * 4))
                return 0;
            for (size_t r = 0; r < n; r++) {
                const char *p = col_str(x, r), *q = col_str(y, r);
                if ((p == NULL) != (q == NULL) || (p && strcmp(p, q) != 0))
                    return 0;
            }
            for (uint32_t j = 0; j < x->n_dict; j++)
                if (strcmp(col_dict(x, j), col_dict(y, j)) != 0)
                    return 0;
            break;
        case COL_GEOM:
            if (x->n_parts != y->n_parts || x->n_rings != y->n_rings ||
                x->n_points != y->n_points ||
                !same_bytes(x->row_part, y->row_part, (n + 1) * 8) ||
                !same_bytes(x->part_ring, y->part_ring, (x->n_parts + 1) * 8) ||
                !same_bytes(x->ring_pt, y->ring_pt, (x->n_rings + 1) * 8) ||
                !same_bytes(x->xy, y->xy, x->n_points * 16) ||
                !same_bytes(x->bbox, y->bbox, n * 32) ||
                strcmp(x->crs, y->crs) != 0)
                return 0;
            break;
        }
    }
    return 1;
}

/* Touches everything a consumer may touch (for ASan on damaged input). */
static double walk_table(const tbl *t)
{
    double acc = 0;
    size_t n = tbl_nrows(t);
    for (size_t k = 0; k < tbl_ncols(t); k++) {
        const tbl_col *c = tbl_col_at(t, k);
        acc += (double)strlen(c->name);
        size_t counts[MISS_REASON_COUNT];
        col_count_missing(c, n, counts);
        for (size_t r = 0; r < n; r++) {
            if (c->type == COL_DOUBLE || c->type == COL_INT64)
                acc += col_num(c, r, NULL);
            else if (c->type == COL_STRING) {
                const char *s = col_str(c, r);
                acc += s ? (double)strlen(s) : 0;
            } else {
                acc += c->bbox[4 * r];
                for (uint64_t p = c->row_part[r]; p < c->row_part[r + 1]; p++)
                    for (uint64_t q = c->part_ring[p]; q < c->part_ring[p + 1];
                         q++)
                        for (uint64_t i = c->ring_pt[q]; i < c->ring_pt[q + 1];
                             i++)
                            acc += c->xy[2 * i];
            }
        }
        if (c->type == COL_STRING)
            for (uint32_t j = 0; j < c->n_dict; j++)
                acc += (double)strlen(col_dict(c, j));
        if (c->type == COL_GEOM)
            acc += (double)strlen(c->crs);
    }
    /* copying every row is what crashed on the fuzzed cache file of issue
     * 11 item 7 (a code -1 without a missing mark) */
    int64_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (idx) {
        for (size_t r = 0; r < n; r++)
            idx[r] = (int64_t)r;
        tbl *copy = tbl_take(t, idx, n);
        acc += copy ? (double)tbl_ncols(copy) : 0;
        tbl_free(copy);
        err_clear();
        free(idx);
    }
    return acc;
}

static void test_round_trip(void)
{
    tbl *t = make_table();
    CHECK(t != NULL);
    if (!t)
        return;
    err_clear();
    CHECK(cache_load(source, "opts=a") == NULL); /* nothing stored yet */
    CHECK(err_get() == NULL);
    CHECK(cache_store(source, "opts=a", t) == 0);
    char path[4096];
    CHECK(cache_entry_path(source, "opts=a", path, sizeof path) == 0);
    CHECK(exists(path));
    const char *base = strrchr(path, '/') + 1;
    CHECK(strlen(base) == 32 + 5 && strcmp(base + 32, ".dnwc") == 0);
    CHECK(strncmp(path, root, strlen(root)) == 0);
    CHECK(count_names(root, ".tmp.") == 0);

    tbl *m = cache_load(source, "opts=a");
    CHECK(m != NULL);
    CHECK(err_get() == NULL);
    if (m) {
        CHECK(same_table(t, m));
        /* arrays point into the mapping, 64-byte aligned */
        for (size_t k = 0; k < tbl_ncols(m); k++) {
            const tbl_col *c = tbl_col_at(m, k);
            const void *p = c->type == COL_DOUBLE  ? (void *)c->d
                            : c->type == COL_INT64 ? (void *)c->i
                            : c->type == COL_STRING ? (void *)c->codes
                                                    : (void *)c->xy;
            CHECK(((uintptr_t)p & 63) == 0);
            CHECK(c->miss == NULL || ((uintptr_t)c->miss & 63) == 0);
        }
        /* a mapped table can be read, sliced, renamed and trimmed */
        int64_t idx[4] = {5, -1, 0, 3};
        tbl *a = tbl_take(t, idx, 4), *b = tbl_take(m, idx, 4);
        CHECK(a && b && same_table(a, b));
        tbl_free(a);
        tbl_free(b);
        CHECK(tbl_rename_col(m, 0, "inwoners") == 0);
        CHECK(tbl_col_by_name(m, "inwoners") != NULL);
        tbl_drop_col(m, 1);
        CHECK(tbl_ncols(m) == tbl_ncols(t) - 1);
        tbl_free(m);
    }

    /* a NULL options key is the empty one */
    CHECK(cache_store(source, NULL, t) == 0);
    m = cache_load(source, "");
    CHECK(m != NULL && same_table(t, m));
    tbl_free(m);

    /* storing again replaces the entry; no temp files remain */
    CHECK(cache_store(source, "opts=a", t) == 0);
    CHECK(count_names(root, ".tmp.") == 0);
    CHECK(count_names(root, ".dnwc") == 2);
    tbl_free(t);
}

/* Tables without rows or without columns round-trip too. */
static void test_empty_tables(void)
{
    tbl *t = tbl_new(0);
    CHECK(cache_store(source, "empty0", t) == 0);
    tbl *m = cache_load(source, "empty0");
    CHECK(m != NULL && tbl_nrows(m) == 0 && tbl_ncols(m) == 0);
    tbl_free(m);
    tbl_add_col(t, "x", COL_DOUBLE);
    tbl_col *s = tbl_add_col(t, "s", COL_STRING);
    col_finish(s);
    uint64_t *rp = calloc(1, 8), *pr = calloc(1, 8), *rq = calloc(1, 8);
    CHECK(tbl_add_geom(t, "g", NULL, 0, rp, 0, pr, 0, rq, NULL, "") != NULL);
    CHECK(cache_store(source, "empty1", t) == 0);
    m = cache_load(source, "empty1");
    CHECK(m != NULL && same_table(t, m));
    tbl_free(m);
    tbl_free(t);

    t = tbl_new(3); /* rows but no columns */
    CHECK(cache_store(source, "empty2", t) == 0);
    m = cache_load(source, "empty2");
    CHECK(m != NULL && tbl_nrows(m) == 3 && tbl_ncols(m) == 0);
    tbl_free(m);
    tbl_free(t);
}

/* Other options, changed content, a removed file: all misses. */
static void test_misses(void)
{
    tbl *t = make_table();
    if (!t)
        return;
    CHECK(cache_store(source, "k1", t) == 0);
    err_clear();
    CHECK(cache_load(source, "k2") == NULL);
    CHECK(cache_load(source, "k1 ") == NULL);
    CHECK(err_get() == NULL);
    char p1[4096], p2[4096];
    CHECK(cache_entry_path(source, "k1", p1, sizeof p1) == 0);
    CHECK(cache_entry_path(source, "k2", p2, sizeof p2) == 0);
    CHECK(strcmp(p1, p2) != 0);

    /* the source changes: new key, the old entry is never used */
    CHECK(write_file(source, "source v2", 9) == 0);
    CHECK(cache_load(source, "k1") == NULL);
    CHECK(err_get() == NULL);
    CHECK(cache_entry_path(source, "k1", p2, sizeof p2) == 0);
    CHECK(strcmp(p1, p2) != 0);
    CHECK(exists(p1)); /* the stale one is still there, unused */
    /* ... and back: the old entry is valid again */
    CHECK(write_file(source, "source v1", 9) == 0);
    tbl *m = cache_load(source, "k1");
    CHECK(m != NULL && same_table(t, m));
    tbl_free(m);

    /* a stale entry renamed to the current key's name: key mismatch */
    CHECK(cache_entry_path(source, "k3", p2, sizeof p2) == 0);
    CHECK(rename(p1, p2) == 0);
    CHECK(cache_load(source, "k3") == NULL);
    CHECK(cache_load(source, "k1") == NULL); /* removed */
    CHECK(err_get() == NULL);

    /* the source cannot be read: NULL with an IO error */
    char gone[300];
    snprintf(gone, sizeof gone, "%s/gone.geojson", root);
    CHECK(cache_load(gone, "k1") == NULL);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    CHECK(cache_store(gone, "k1", t) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    tbl_free(t);
}

/* DNAWIJK_NO_CACHE=1 turns both directions off. */
static void test_disabled(void)
{
    tbl *t = make_table();
    if (!t)
        return;
    setenv("DNAWIJK_NO_CACHE", "1", 1);
    CHECK(cache_disabled());
    CHECK(cache_store(source, "off", t) == 0);
    setenv("DNAWIJK_NO_CACHE", "0", 1);
    CHECK(!cache_disabled());
    CHECK(cache_load(source, "off") == NULL); /* nothing was written */
    CHECK(cache_store(source, "off", t) == 0);
    setenv("DNAWIJK_NO_CACHE", "1", 1);
    CHECK(cache_load(source, "off") == NULL); /* exists, but disabled */
    unsetenv("DNAWIJK_NO_CACHE");
    tbl *m = cache_load(source, "off");
    CHECK(m != NULL);
    tbl_free(m);
    tbl_free(t);
}

/* Stores the table once and returns its cache file's bytes and path. */
static uint8_t *stored_image(const char *opt, char *path, size_t *len)
{
    tbl *t = make_table();
    if (!t)
        return NULL;
    int rc = cache_store(source, opt, t);
    tbl_free(t);
    if (rc < 0 || cache_entry_path(source, opt, path, 4096) < 0)
        return NULL;
    return read_file(path, len);
}

/* Truncation at every length and byte flips: all misses, no crash. */
static void test_damaged(void)
{
    char path[4096];
    size_t len = 0;
    uint8_t *img = stored_image("dmg", path, &len);
    CHECK(img != NULL && len > 1000);
    if (!img)
        return;
    err_clear();
    int hits = 0, tried = 0;
    for (size_t cut = 0; cut < len; cut += cut < 2048 ? 1 : 37) {
        write_file(path, img, cut);
        tbl *m = cache_load(source, "dmg");
        hits += m != NULL;
        tbl_free(m);
        tried++;
    }
    CHECK(hits == 0);
    CHECK(tried > 1000);
    /* a longer file (trailing garbage) is damaged too */
    uint8_t *longer = malloc(len + 8);
    memcpy(longer, img, len);
    memset(longer + len, 0, 8);
    write_file(path, longer, len + 8);
    CHECK(cache_load(source, "dmg") == NULL);
    free(longer);
    /* flip each byte (every one of the header, directory and names, then
     * every 11th) */
    hits = 0;
    for (size_t pos = 0; pos < len; pos += pos < 1536 ? 1 : 11) {
        for (int mask = 0x01; mask <= 0xFF; mask += 0xFE) { /* 0x01, 0xFF */
            img[pos] ^= (uint8_t)mask;
            write_file(path, img, len);
            tbl *m = cache_load(source, "dmg");
            hits += m != NULL;
            tbl_free(m);
            img[pos] ^= (uint8_t)mask;
        }
    }
    CHECK(hits == 0);
    CHECK(err_get() == NULL);
    /* the intact image still loads */
    write_file(path, img, len);
    tbl *m = cache_load(source, "dmg");
    CHECK(m != NULL);
    tbl_free(m);
    free(img);
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* Recomputes both checksums, as a writer of a hostile file would. */
static void reseal(uint8_t *img, size_t len)
{
    hash128_bytes(img + HDR_SIZE, len - HDR_SIZE, img + H_BODY_SUM);
    hash128_bytes(img, H_HEAD_SUM, img + H_HEAD_SUM);
}

/* Writes a modified, re-sealed image and loads it; a table that comes
 * back must be safe to walk. Returns 1 when it loaded. */
static int try_image(const char *path, uint8_t *img, size_t len)
{
    reseal(img, len);
    write_file(path, img, len);
    tbl *m = cache_load(source, "dmg2");
    if (!m)
        return 0;
    volatile double acc = walk_table(m);
    (void)acc;
    tbl_free(m);
    return 1;
}

/* Hostile values in every directory field and header count, with valid
 * checksums: the structural checks alone must keep the load safe. */
static void test_hostile(void)
{
    char path[4096];
    size_t len = 0;
    uint8_t *img = stored_image("dmg2", path, &len);
    if (!img)
        return;
    uint64_t ncols = get64(img + H_NCOLS), dir = get64(img + H_DIR_OFF);
    CHECK(ncols == 6);
    const uint64_t bad[] = {0,
                            1,
                            7,
                            8,
                            HDR_SIZE,
                            len - 1,
                            len,
                            len + 8,
                            (uint64_t)INT32_MAX + 1,
                            (uint64_t)1 << 32,
                            (uint64_t)1 << 61,
                            UINT64_MAX / 8,
                            UINT64_MAX - 7,
                            UINT64_MAX};
    const size_t nbad = sizeof bad / sizeof bad[0];
    err_clear();
    int loaded = 0, tried = 0;
    for (uint64_t c = 0; c < ncols; c++) {
        for (int f = 0; f < D_FIELDS; f++) {
            uint8_t *field = img + dir + (c * D_FIELDS + (uint64_t)f) * 8;
            uint64_t orig = get64(field);
            for (size_t k = 0; k < nbad + 4; k++) {
                uint64_t v = k < nbad ? bad[k]
                             : k == nbad ? orig + 8
                             : k == nbad + 1 ? orig - 8
                             : k == nbad + 2 ? orig + 1
                                             : orig * 2;
                if (v == orig)
                    continue;
                put64(field, v);
                loaded += try_image(path, img, len);
                tried++;
            }
            put64(field, orig);
        }
    }
    const int hfields[] = {H_NROWS, H_NCOLS, H_DIR_OFF, H_FILE_SIZE};
    for (size_t h = 0; h < 4; h++) {
        uint64_t orig = get64(img + hfields[h]);
        for (size_t k = 0; k < nbad; k++) {
            if (bad[k] == orig)
                continue;
            put64(img + hfields[h], bad[k]);
            loaded += try_image(path, img, len);
            tried++;
        }
        put64(img + hfields[h], orig);
    }
    printf("hostile directory values: %d tried, %d still gave a safe table\n",
           tried, loaded);
    CHECK(tried > 1000);
    CHECK(loaded < tried / 10);
    CHECK(err_get() == NULL);

    /* hostile array contents */
    uint8_t *e_str = img + dir + 3 * D_FIELDS * 8; /* gwb_code */
    uint8_t *e_geo = img + dir + 5 * D_FIELDS * 8; /* geometry */
    CHECK(get64(e_str + D_TYPE * 8) == COL_STRING);
    CHECK(get64(e_geo + D_TYPE * 8) == COL_GEOM);
    int32_t code;
    uint8_t *codes = img + get64(e_str + D_DATA_OFF * 8);
    memcpy(&code, codes, 4);
    int32_t bad_codes[] = {4, 5, -2, INT32_MAX, INT32_MIN};
    for (size_t k = 0; k < 5; k++) {
        memcpy(codes, &bad_codes[k], 4);
        CHECK(try_image(path, img, len) == 0);
    }
    memcpy(codes, &code, 4);
    uint8_t *dict_off = img + get64(e_str + D_DICTOFF_OFF * 8);
    uint64_t off0 = get64(dict_off);
    put64(dict_off, get64(e_str + D_BLOB_LEN * 8));
    CHECK(try_image(path, img, len) == 0);
    put64(dict_off, off0);
    uint8_t *blob = img + get64(e_str + D_BLOB_OFF * 8);
    uint64_t blen = get64(e_str + D_BLOB_LEN * 8);
    blob[blen - 1] = 'x';
    CHECK(try_image(path, img, len) == 0);
    blob[blen - 1] = '\0';
    uint8_t *miss = img + get64(e_str + D_MISS_OFF * 8);
    miss[0] = MISS_REASON_COUNT;
    CHECK(try_image(path, img, len) == 0);
    miss[0] = 0;
    /* issue 11 item 7: a row without text (code -1) but no missing mark,
     * and a row with text that is also marked missing; both are misses */
    int32_t none = -1;
    memcpy(codes, &none, 4);
    CHECK(try_image(path, img, len) == 0);
    memcpy(codes, &code, 4);
    miss[0] = MISS_SECRET;
    CHECK(code >= 0);
    CHECK(try_image(path, img, len) == 0);
    miss[0] = 0;
    const int offs[] = {D_ROWPART_OFF, D_PARTRING_OFF, D_RINGPT_OFF};
    for (size_t k = 0; k < 3; k++) {
        uint8_t *a = img + get64(e_geo + offs[k] * 8);
        uint64_t v1 = get64(a + 8);
        put64(a + 8, 1000); /* beyond the end */
        CHECK(try_image(path, img, len) == 0);
        put64(a + 8, v1);
        uint64_t v0 = get64(a);
        put64(a, 1); /* not starting at 0 */
        CHECK(try_image(path, img, len) == 0);
        put64(a, v0);
    }
    /* row 1 of the geometry has two parts: make the offsets decrease */
    uint8_t *rp = img + get64(e_geo + D_ROWPART_OFF * 8);
    uint64_t r2 = get64(rp + 16);
    put64(rp + 16, 0);
    CHECK(try_image(path, img, len) == 0);
    put64(rp + 16, r2);
    /* two geometry columns, a duplicate name, a bad type */
    put64(e_str + D_TYPE * 8, COL_GEOM);
    CHECK(try_image(path, img, len) == 0);
    put64(e_str + D_TYPE * 8, 7);
    CHECK(try_image(path, img, len) == 0);
    put64(e_str + D_TYPE * 8, COL_STRING);
    uint64_t name0 = get64(img + dir + D_NAME_OFF * 8);
    uint64_t nlen0 = get64(img + dir + D_NAME_LEN * 8);
    uint64_t name1 = get64(e_str + D_NAME_OFF * 8);
    uint64_t nlen1 = get64(e_str + D_NAME_LEN * 8);
    put64(e_str + D_NAME_OFF * 8, name0);
    put64(e_str + D_NAME_LEN * 8, nlen0);
    CHECK(try_image(path, img, len) == 0);
    put64(e_str + D_NAME_OFF * 8, name1);
    put64(e_str + D_NAME_LEN * 8, nlen1);
    CHECK(err_get() == NULL);
    /* and the repaired image loads again */
    CHECK(try_image(path, img, len) == 1);
    free(img);
}

/* A cache dir that cannot be created: store fails cleanly, load misses. */
static void test_store_failure(void)
{
    char file[300], dir[400];
    snprintf(file, sizeof file, "%s/plainfile", root);
    write_file(file, "x", 1);
    snprintf(dir, sizeof dir, "%s/sub", file);
    setenv("DNAWIJK_CACHE_DIR", dir, 1);
    tbl *t = make_table();
    err_clear();
    CHECK(cache_store(source, "f", t) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    CHECK(cache_load(source, "f") == NULL);
    CHECK(err_get() == NULL);
    tbl_free(t);
    setenv("DNAWIJK_CACHE_DIR", root, 1);
    CHECK(count_names(root, ".tmp.") == 0);
}

/* DNAWIJK_CACHE_DIR, then $XDG_CACHE_HOME/dnawijk (absolute only), then
 * $HOME/.cache/dnawijk. */
static void test_cache_dir(void)
{
    char buf[512];
    const char *home = getenv("HOME");
    char *saved_home = home ? strdup(home) : NULL;
    const char *xdg = getenv("XDG_CACHE_HOME");
    char *saved_xdg = xdg ? strdup(xdg) : NULL;

    CHECK(cache_dir_path(buf, sizeof buf) == 0);
    CHECK_STR(buf, root);
    unsetenv("DNAWIJK_CACHE_DIR");
    setenv("XDG_CACHE_HOME", "/xdg/cache", 1);
    setenv("HOME", "/home/analist", 1);
    CHECK(cache_dir_path(buf, sizeof buf) == 0);
    CHECK_STR(buf, "/xdg/cache/dnawijk");
    setenv("XDG_CACHE_HOME", "relative", 1);
    CHECK(cache_dir_path(buf, sizeof buf) == 0);
    CHECK_STR(buf, "/home/analist/.cache/dnawijk");
    unsetenv("XDG_CACHE_HOME");
    CHECK(cache_dir_path(buf, sizeof buf) == 0);
    CHECK_STR(buf, "/home/analist/.cache/dnawijk");
    unsetenv("HOME");
    err_clear();
    CHECK(cache_dir_path(buf, sizeof buf) == -1);
    CHECK(err_get() && err_get()->category == ERR_IO);
    err_clear();
    CHECK(cache_load(source, "x") == NULL); /* no location: a miss */
    CHECK(err_get() == NULL);
    setenv("DNAWIJK_CACHE_DIR", root, 1);
    CHECK(cache_dir_path(buf, 8) == -1); /* too small */
    err_clear();

    if (saved_home)
        setenv("HOME", saved_home, 1);
    if (saved_xdg)
        setenv("XDG_CACHE_HOME", saved_xdg, 1);
    free(saved_home);
    free(saved_xdg);
}

/* Keys follow the content of real files: two different shared files give
 * different entries; the same file gives the same entry each time. */
static void test_real_keys(void)
{
    const char *a =
        DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/wijken_2024.geojson";
    const char *b =
        DNW_SHARED_DATA "/cbs_kwb_2024_wijk_gemeente/gemeenten_2024.geojson";
    char pa[4096], pa2[4096], pb[4096];
    CHECK(cache_entry_path(a, "o", pa, sizeof pa) == 0);
    CHECK(cache_entry_path(a, "o", pa2, sizeof pa2) == 0);
    CHECK(cache_entry_path(b, "o", pb, sizeof pb) == 0);
    CHECK_STR(pa, pa2);
    CHECK(strcmp(pa, pb) != 0);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/dnw_cache_XXXXXX");
    if (make_temp_dir(root) < 0)
        return 1;
    setenv("DNAWIJK_CACHE_DIR", root, 1);
    unsetenv("DNAWIJK_NO_CACHE");
    snprintf(source, sizeof source, "%s/source.geojson", root);
    write_file(source, "source v1", 9);

    test_round_trip();
    test_empty_tables();
    test_misses();
    test_disabled();
    test_damaged();
    test_hostile();
    test_store_failure();
    test_cache_dir();
    test_real_keys();
    rm_rf(root);
    return check_done();
}
