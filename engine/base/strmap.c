/* strmap.c - the one string map; see strmap.h. */
#include "strmap.h"

#include "err.h"
#include "mem.h"

#include <string.h>

typedef struct {
    const char *key; /* STRMAP_BORROW: the caller's bytes */
    size_t off;      /* STRMAP_COPY: offset of the copy in the key buffer */
    size_t len;      /* REMOVED once removed */
    uint64_t hash;
    strmap_val v;
} strmap_entry;

#define REMOVED SIZE_MAX

struct strmap {
    strmap_keys keys;
    const char *what;       /* for the out-of-memory message */
    uint32_t *slots;        /* entry id + 1, 0 = empty */
    size_t mask;            /* slot count - 1 (a power of two minus one) */
    strmap_entry *entries;  /* dense, in insertion order */
    size_t n_end, cap;      /* ids handed out, entries allocated */
    size_t count;           /* live keys */
    char *kbuf;             /* STRMAP_COPY: the keys, each NUL-terminated */
    size_t kused, kcap;
};

/* Entries are ids in uint32_t slots; one value is kept for "empty". */
#define STRMAP_MAX_ENTRIES ((size_t)UINT32_MAX - 1)

uint64_t strmap_hash(const char *key, size_t len)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t k = 0; k < len; k++) {
        h ^= (unsigned char)key[k];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

/* Sets ERR_MEMORY naming the map; returns -1. */
static int oom(const strmap *m)
{
    return err_oom(m->what);
}

strmap *strmap_new(strmap_keys keys, size_t expected, const char *what)
{
    strmap *m = mem_calloc(1, sizeof *m);
    size_t nslots = 16;
    while (nslots < expected * 2 && nslots < ((size_t)1 << 62))
        nslots *= 2;
    size_t cap = expected > 8 ? expected : 8;
    if (m) {
        m->slots = mem_calloc(nslots, sizeof *m->slots);
        m->entries = mem_alloc(cap * sizeof *m->entries);
    }
    if (!m || !m->slots || !m->entries) {
        strmap_free(m);
        err_oom(what ? what : "string map");
        return NULL;
    }
    m->keys = keys;
    m->what = what ? what : "string map";
    m->mask = nslots - 1;
    m->cap = cap;
    return m;
}

void strmap_free(strmap *m)
{
    if (m) {
        mem_free(m->kbuf);
        mem_free(m->slots);
        mem_free(m->entries);
    }
    mem_free(m);
}

/* The bytes of entry e's key. */
static const char *key_of(const strmap *m, const strmap_entry *e)
{
    return m->keys == STRMAP_COPY ? m->kbuf + e->off : e->key;
}

/* The slot holding the entry with this key and hash, or the empty slot
 * where it would go. */
static size_t probe(const strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t j = h & m->mask;
    for (;;) {
        uint32_t s = m->slots[j];
        if (!s)
            return j;
        const strmap_entry *e = &m->entries[s - 1];
        if (e->hash == h && e->len == len &&
            (len == 0 || memcmp(key_of(m, e), key, len) == 0))
            return j;
        j = (j + 1) & m->mask;
    }
}

int64_t strmap_find(const strmap *m, const char *key, size_t len)
{
    uint32_t s = m->slots[probe(m, key, len, strmap_hash(key, len))];
    return s ? (int64_t)s - 1 : -1;
}

/* Doubles the slot array and re-places every live entry. -1 on OOM with
 * the map unchanged. */
static int grow_slots(strmap *m)
{
    size_t n = (m->mask + 1) * 2;
    uint32_t *slots = mem_calloc(n, sizeof *slots);
    if (!slots)
        return oom(m);
    for (size_t s = 0; s <= m->mask; s++) {
        uint32_t v = m->slots[s];
        if (!v)
            continue;
        size_t j = m->entries[v - 1].hash & (n - 1);
        while (slots[j])
            j = (j + 1) & (n - 1);
        slots[j] = v;
    }
    mem_free(m->slots);
    m->slots = slots;
    m->mask = n - 1;
    return 0;
}

/* Appends a NUL-terminated copy of key to the key buffer; its offset, or
 * -1 (no error set) on OOM with the buffer unchanged. */
static int64_t copy_key(strmap *m, const char *key, size_t len)
{
    if (m->kcap - m->kused < len + 1) {
        size_t cap = m->kcap ? m->kcap : 4096;
        while (cap - m->kused < len + 1)
            cap *= 2;
        char *nb = mem_realloc(m->kbuf, cap);
        if (!nb)
            return -1;
        m->kbuf = nb;
        m->kcap = cap;
    }
    size_t off = m->kused;
    if (len)
        memcpy(m->kbuf + off, key, len);
    m->kbuf[off + len] = '\0';
    m->kused += len + 1;
    return (int64_t)off;
}

int64_t strmap_upsert(strmap *m, const char *key, size_t len, int *added)
{
    uint64_t h = strmap_hash(key, len);
    size_t j = probe(m, key, len, h);
    if (m->slots[j]) {
        if (added)
            *added = 0;
        return (int64_t)m->slots[j] - 1;
    }
    if (m->n_end >= STRMAP_MAX_ENTRIES) {
        oom(m);
        return -1;
    }
    if ((m->count + 1) * 2 > m->mask + 1) {
        if (grow_slots(m) < 0)
            return -1;
        j = probe(m, key, len, h);
    }
    if (m->n_end == m->cap) {
        size_t cap = m->cap * 2;
        strmap_entry *e = mem_realloc(m->entries, cap * sizeof *e);
        if (!e) {
            oom(m);
            return -1;
        }
        m->entries = e;
        m->cap = cap;
    }
    int64_t off = 0;
    if (m->keys == STRMAP_COPY && (off = copy_key(m, key, len)) < 0) {
        oom(m);
        return -1;
    }
    size_t id = m->n_end++;
    m->entries[id] = (strmap_entry){key, (size_t)off, len, h, {0}};
    m->slots[j] = (uint32_t)id + 1;
    m->count++;
    if (added)
        *added = 1;
    return (int64_t)id;
}

strmap_val *strmap_val_of(strmap *m, int64_t id)
{
    return &m->entries[id].v;
}

int64_t strmap_get_i(const strmap *m, const char *key, size_t len,
                     int64_t dflt)
{
    int64_t id = strmap_find(m, key, len);
    return id < 0 ? dflt : m->entries[id].v.i;
}

int strmap_put_i(strmap *m, const char *key, size_t len, int64_t v)
{
    int64_t id = strmap_upsert(m, key, len, NULL);
    if (id < 0)
        return -1;
    m->entries[id].v.i = v;
    return 0;
}

int strmap_remove(strmap *m, const char *key, size_t len)
{
    size_t j = probe(m, key, len, strmap_hash(key, len));
    uint32_t s = m->slots[j];
    if (!s)
        return 0;
    m->entries[s - 1].len = REMOVED;
    m->slots[j] = 0;
    m->count--;
    /* backward-shift deletion: move later members of the probe run into
     * the hole when their home slot does not lie in (hole, their slot] */
    size_t hole = j;
    for (size_t k = (j + 1) & m->mask; m->slots[k]; k = (k + 1) & m->mask) {
        size_t home = m->entries[m->slots[k] - 1].hash & m->mask;
        int stays = hole <= k ? (hole < home && home <= k)
                              : (hole < home || home <= k);
        if (stays)
            continue;
        m->slots[hole] = m->slots[k];
        m->slots[k] = 0;
        hole = k;
    }
    return 1;
}

const char *strmap_key(const strmap *m, int64_t id, size_t *len)
{
    if (id < 0 || (size_t)id >= m->n_end || m->entries[id].len == REMOVED)
        return NULL;
    if (len)
        *len = m->entries[id].len;
    const char *k = key_of(m, &m->entries[id]);
    return k ? k : "";
}

size_t strmap_count(const strmap *m) { return m->count; }

int64_t strmap_end(const strmap *m) { return (int64_t)m->n_end; }
