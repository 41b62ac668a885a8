/* test_strmap.c - the one string map: lookups, insertion order, growth,
 * slot collisions, removal and allocation failures, each checked against a
 * plain array model (linear search) that shares no code with the map. */
#include "check.h"
#include "mem.h"
#include "strmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The model: keys in insertion order with their value and a removed flag;
 * found by linear search. */
typedef struct {
    char key[32];
    size_t len;
    int64_t val;
    int removed;
} model_entry;

typedef struct {
    model_entry *e;
    size_t n;
} model;

static int64_t model_find(const model *md, const char *k, size_t len)
{
    for (size_t i = 0; i < md->n; i++)
        if (!md->e[i].removed && md->e[i].len == len &&
            memcmp(md->e[i].key, k, len) == 0)
            return (int64_t)i;
    return -1;
}

/* Checks every model entry against the map: ids, keys, values, count. */
static void check_against_model(strmap *m, const model *md)
{
    size_t live = 0;
    int ok = 1;
    for (size_t i = 0; i < md->n; i++) {
        const model_entry *e = &md->e[i];
        size_t len = 0;
        const char *k = strmap_key(m, (int64_t)i, &len);
        if (e->removed) {
            ok &= k == NULL;
            ok &= strmap_find(m, e->key, e->len) == model_find(md, e->key, e->len);
            continue;
        }
        live++;
        ok &= k && len == e->len && memcmp(k, e->key, len) == 0;
        ok &= strmap_find(m, e->key, e->len) == (int64_t)i;
        ok &= strmap_get_i(m, e->key, e->len, -7) == e->val;
    }
    CHECK(ok);
    CHECK(strmap_count(m) == live);
    CHECK(strmap_end(m) == (int64_t)md->n);
}

/* Table of small cases: operations on short keys, NUL bytes and the empty
 * key included. op: 'p' put, 'r' remove (want = 1 when present), 'f' find
 * (want = expected value, -1 when absent). */
typedef struct {
    char op;
    const char *key;
    size_t len;
    int64_t arg;
    int64_t want;
} step;

static const step steps[] = {
    {'f', "GM0363", 6, 0, -1},
    {'p', "GM0363", 6, 10, 0},
    {'p', "WK036301", 8, 11, 0},
    {'p', "", 0, 12, 0},
    {'p', "a\0b", 3, 13, 0},
    {'p', "a", 1, 14, 0},
    {'f', "a\0b", 3, 0, 13},
    {'f', "a\0c", 3, 0, -1},
    {'f', "a", 1, 0, 14},
    {'f', "", 0, 0, 12},
    {'p', "GM0363", 6, 20, 0}, /* replaces the value, keeps the id */
    {'f', "GM0363", 6, 0, 20},
    {'r', "WK036301", 8, 0, 1},
    {'r', "WK036301", 8, 0, 0},
    {'f', "WK036301", 8, 0, -1},
    {'p', "WK036301", 8, 30, 0}, /* comes back with a new id */
    {'f', "WK036301", 8, 0, 30},
    {'r', "", 0, 0, 1},
    {'f', "", 0, 0, -1},
    {'f', "a\0b", 3, 0, 13},
};

static void test_table(strmap_keys mode)
{
    strmap *m = strmap_new(mode, 0, NULL);
    CHECK(m != NULL);
    model md = {calloc(64, sizeof(model_entry)), 0};
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
        const step *st = &steps[s];
        if (st->op == 'p') {
            CHECK(strmap_put_i(m, st->key, st->len, st->arg) == 0);
            int64_t id = model_find(&md, st->key, st->len);
            if (id < 0) {
                model_entry *e = &md.e[md.n++];
                memcpy(e->key, st->key, st->len);
                e->len = st->len;
                id = (int64_t)md.n - 1;
            }
            md.e[id].val = st->arg;
        } else if (st->op == 'r') {
            CHECK(strmap_remove(m, st->key, st->len) == st->want);
            int64_t id = model_find(&md, st->key, st->len);
            if (id >= 0)
                md.e[id].removed = 1;
        } else {
            CHECK(strmap_get_i(m, st->key, st->len, -1) == st->want);
        }
        check_against_model(m, &md);
    }
    free(md.e);
    strmap_free(m);
}

/* Copied keys: the caller's buffer may change after the call; borrowed
 * keys are the caller's pointer. */
static void test_ownership(void)
{
    char buf[16] = "BU03630001";
    strmap *c = strmap_new(STRMAP_COPY, 4, "test");
    strmap *b = strmap_new(STRMAP_BORROW, 4, "test");
    CHECK(c && b);
    CHECK(strmap_put_i(c, buf, strlen(buf), 1) == 0);
    CHECK(strmap_put_i(b, buf, strlen(buf), 1) == 0);
    CHECK(strmap_key(b, 0, NULL) == buf);
    CHECK(strmap_key(c, 0, NULL) != buf);
    buf[2] = 'X';
    CHECK_STR(strmap_key(c, 0, NULL), "BU03630001");
    CHECK(strmap_find(c, "BU03630001", 10) == 0);
    /* pointer values are stored as given and never freed by the map */
    int64_t id = strmap_upsert(c, "p", 1, NULL);
    CHECK(id == 1);
    strmap_val_of(c, id)->p = buf;
    CHECK(strmap_val_of(c, strmap_find(c, "p", 1))->p == buf);
    strmap_free(c);
    strmap_free(b);
}

/* Keys that all land on the same home slot of a 16-slot map, found by
 * searching with the map's own published hash; then removal in every order
 * from the middle of such probe runs (the backward shift must keep the rest
 * findable). Home slot 13 makes the run wrap around the end of the slot
 * array. */
static void test_collisions(unsigned home)
{
    char keys[12][32];
    int n = 0;
    for (int i = 0; n < 12 && i < 1000000; i++) {
        char k[32];
        int len = snprintf(k, sizeof k, "K%d", i);
        if ((strmap_hash(k, (size_t)len) & 15) == home)
            memcpy(keys[n++], k, (size_t)len + 1);
    }
    CHECK(n == 12);
    for (int del = 0; del < 7; del++) {
        strmap *m = strmap_new(STRMAP_COPY, 0, NULL);
        model md = {calloc(16, sizeof(model_entry)), 0};
        /* 7 keys keep 16 slots (half full grows), all in one probe run */
        for (int i = 0; i < 7; i++) {
            CHECK(strmap_put_i(m, keys[i], strlen(keys[i]), i) == 0);
            model_entry *e = &md.e[md.n++];
            strcpy(e->key, keys[i]);
            e->len = strlen(keys[i]);
            e->val = i;
        }
        CHECK(strmap_remove(m, keys[del], strlen(keys[del])) == 1);
        md.e[del].removed = 1;
        check_against_model(m, &md);
        /* an absent key with the same home slot: the whole run is probed */
        CHECK(strmap_find(m, keys[8], strlen(keys[8])) == -1);
        free(md.e);
        strmap_free(m);
    }
}

/* Pseudo-random puts and removes over a small key space, growing the map
 * from 16 slots to thousands, checked against the model at intervals. */
static void test_random(strmap_keys mode)
{
    enum { SPACE = 3000, OPS = 12000 };
    static char pool[SPACE][16];
    for (int i = 0; i < SPACE; i++)
        snprintf(pool[i], sizeof pool[i], "BU%08d", i * 7919 % 100000000);
    strmap *m = strmap_new(mode, 0, "random");
    model md = {calloc(OPS, sizeof(model_entry)), 0};
    uint64_t x = 88172645463325252ull;
    int ok = 1;
    for (int op = 0; op < OPS; op++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const char *k = pool[x % SPACE];
        size_t len = strlen(k);
        int64_t have = model_find(&md, k, len);
        if ((x >> 40) % 4 == 0) {
            ok &= strmap_remove(m, k, len) == (have >= 0);
            if (have >= 0)
                md.e[have].removed = 1;
        } else {
            int added = -1;
            int64_t id = strmap_upsert(m, k, len, &added);
            ok &= added == (have < 0);
            if (have < 0) {
                model_entry *e = &md.e[md.n++];
                memcpy(e->key, k, len);
                e->len = len;
                have = (int64_t)md.n - 1;
            }
            ok &= id == have;
            strmap_val_of(m, id)->i = op;
            md.e[have].val = op;
        }
        if (op % 3000 == 2999)
            check_against_model(m, &md);
    }
    CHECK(ok);
    check_against_model(m, &md);
    free(md.e);
    strmap_free(m);
}

/* Every allocation of a growing map failed in turn: the call returns -1
 * with ERR_MEMORY naming the map, and the map still holds exactly what it
 * held before. Stops when a whole run succeeds with the fault armed. */
static void test_alloc_failure(strmap_keys mode)
{
    char keys[200][16];
    for (int i = 0; i < 200; i++)
        snprintf(keys[i], sizeof keys[i], "WK%06d", i);
    int done = 0;
    for (long nth = 1; !done && nth < 100; nth++) {
        err_clear();
        mem_fault_alloc(nth);
        strmap *m = strmap_new(mode, 0, "faulty map");
        if (!m) {
            CHECK(err_get() && err_get()->category == ERR_MEMORY);
            CHECK(err_get() && strstr(err_get()->message, "faulty map"));
            continue;
        }
        int failed = 0;
        for (int i = 0; i < 200 && !failed; i++) {
            size_t before = strmap_count(m);
            if (strmap_put_i(m, keys[i], strlen(keys[i]), i) < 0) {
                failed = 1;
                CHECK(err_get() && err_get()->category == ERR_MEMORY);
                CHECK(strmap_count(m) == before);
                CHECK(strmap_find(m, keys[i], strlen(keys[i])) == -1);
                int all = 1;
                for (int j = 0; j < i; j++)
                    all &= strmap_get_i(m, keys[j], strlen(keys[j]), -1) == j;
                CHECK(all);
                /* the map works again once memory is back */
                mem_fault_alloc(0);
                CHECK(strmap_put_i(m, keys[i], strlen(keys[i]), i) == 0);
                CHECK(strmap_count(m) == before + 1);
            }
        }
        done = !failed;
        strmap_free(m);
    }
    mem_fault_alloc(0);
    CHECK(done);
    err_clear();
}

int main(void)
{
    test_table(STRMAP_COPY);
    test_table(STRMAP_BORROW);
    test_ownership();
    test_collisions(5);
    test_collisions(13);
    test_random(STRMAP_COPY);
    test_random(STRMAP_BORROW);
    test_alloc_failure(STRMAP_COPY);
    test_alloc_failure(STRMAP_BORROW);
    return check_done();
}
