/* strmap.h - the one string map of dnawijk (Redis dict style: one container
 * per .c/.h pair, used everywhere instead of a hand-made table per module).
 *
 * A strmap maps byte-string keys (pointer + length; they may contain any
 * byte, NUL included) to one value each (strmap_val: a whole number or a
 * pointer). Open addressing with linear probing over a power-of-two slot
 * array that doubles when it is half full; the entries themselves live in a
 * dense array in insertion order, so an entry's id (0, 1, 2, ...) stays the
 * same while the map grows, and iterating over ids 0 .. strmap_end()-1
 * visits the entries in the order they were added (removed ids are skipped
 * by strmap_key returning NULL).
 *
 * Keys: with STRMAP_COPY the map copies each key when it is added (into
 * one buffer it owns, NUL-terminated) and frees the copies with the map; the
 * caller's buffer may change right after the call. With STRMAP_BORROW the
 * map keeps the caller's pointer: the bytes must stay valid and unchanged
 * for as long as the key is in the map (e.g. codes in an array the caller
 * frees after the map). Values are never owned: a pointer value is the
 * caller's to free.
 *
 * Every allocation goes through mem.h; a failed one sets ERR_MEMORY and the
 * call fails with the map unchanged. Not thread-safe for writers; readers
 * may share a map that nobody changes.
 */
#ifndef DNW_STRMAP_H
#define DNW_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct strmap strmap;

typedef enum { STRMAP_COPY, STRMAP_BORROW } strmap_keys;

typedef union {
    int64_t i;
    void *p;
} strmap_val;

/* A new empty map sized for about `expected` keys (0 is fine; it grows).
 * Free with strmap_free. NULL with ERR_MEMORY set ("what" names the map's
 * purpose in that message; NULL = "string map"). */
strmap *strmap_new(strmap_keys keys, size_t expected, const char *what);

/* Frees the map and its key copies (not the values). NULL is fine. */
void strmap_free(strmap *m);

/* Id of the entry with this key, or -1 when absent. */
int64_t strmap_find(const strmap *m, const char *key, size_t len);

/* Id of the entry with this key, adding it (value 0) when absent; *added
 * (may be NULL) says which. -1 with ERR_MEMORY set when adding failed (the
 * map is then unchanged). */
int64_t strmap_upsert(strmap *m, const char *key, size_t len, int *added);

/* The value of entry id (a valid id from find/upsert); the caller may read
 * and write it through the pointer until the next upsert. */
strmap_val *strmap_val_of(strmap *m, int64_t id);

/* Convenience: the whole-number value of key, or dflt when absent. */
int64_t strmap_get_i(const strmap *m, const char *key, size_t len,
                     int64_t dflt);

/* Convenience: sets key's whole-number value, adding the key when absent.
 * 0, or -1 with ERR_MEMORY set. */
int strmap_put_i(strmap *m, const char *key, size_t len, int64_t v);

/* Removes the entry with this key; its id is not reused. Returns 1 when it
 * was present, 0 when not. Never fails. */
int strmap_remove(strmap *m, const char *key, size_t len);

/* The key of entry id (its length in *len when len is not NULL), or NULL
 * when id was removed or is out of range. Owned by the map (STRMAP_COPY,
 * NUL-terminated, valid until the next upsert) or the caller
 * (STRMAP_BORROW). */
const char *strmap_key(const strmap *m, int64_t id, size_t *len);

/* Number of keys in the map. */
size_t strmap_count(const strmap *m);

/* One past the largest id handed out so far (for iterating over ids). */
int64_t strmap_end(const strmap *m);

/* The 64-bit hash the map uses for a key (FNV-1a with a final mix); for
 * tests and for callers that want the same hash elsewhere. */
uint64_t strmap_hash(const char *key, size_t len);

#endif
