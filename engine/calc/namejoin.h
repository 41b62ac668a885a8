/* namejoin.h - joining rows to units by place names, for sources that
 * carry no region codes (Friesland's energy-poverty layers: only gemeente
 * and buurt names).
 *
 * Names are compared after name_norm(): case, accents, spaces, hyphens,
 * apostrophes and the "'s-" / "s-" prefix do not matter; nothing else is
 * guessed. A key is one to three names joined by '\x1f' (coarse to fine,
 * e.g. gemeente then buurt). Every source key that matches no unit is
 * reported with the nearest unit key by edit distance (within the same
 * gemeente when there are two names or more), so a user can fix a spelling
 * or see a boundary change; the join itself never uses the nearest.
 */
#ifndef DNW_NAMEJOIN_H
#define DNW_NAMEJOIN_H

#include <stddef.h>
#include <stdint.h>

#define NAME_SEP '\x1f'

/* Writes the matching form of UTF-8 text in (len bytes) into out (size
 * bytes, always NUL-terminated; longer text is cut): lower case, Latin
 * accents folded (é -> e, â -> a, ĳ -> ij), apostrophes dropped, the
 * separators - _ . , / and runs of white space turned into one space, no
 * leading or trailing space. "'s-Hertogenbosch", "s-Hertogenbosch" and
 * "'s Hertogenbosch" all give "s hertogenbosch". Never fails. */
void name_norm(const char *in, size_t len, char *out, size_t size);

/* One source key that matched no unit. */
typedef struct {
    size_t row;           /* source row */
    char *key;            /* its normalised key (owned) */
    int64_t nearest;      /* unit with the nearest key, or -1 */
    size_t dist;          /* edit distance to it */
} namejoin_miss;

typedef struct {
    int64_t *unit_of_row;    /* per source row: unit index or -1 */
    size_t matched_rows;     /* source rows that found a unit */
    size_t missing_rows;     /* rows with an empty name */
    size_t duplicate_rows;   /* rows whose key appeared before (first wins) */
    namejoin_miss *miss;     /* every unmatched source row */
    size_t n_miss;
    size_t *units_unmatched; /* units no source row reached */
    size_t n_units_unmatched;
} namejoin_result;

/* Matches n_rows source keys (row_keys[r], normalised; NULL = missing)
 * against n_units unit keys (normalised; NULL = a unit without names).
 * Fills *out (free with namejoin_free). Returns 0, or -1 with the error set
 * (OOM; out is then empty). */
int namejoin_run(const char *const *unit_keys, size_t n_units,
                 const char *const *row_keys, size_t n_rows,
                 namejoin_result *out);

void namejoin_free(namejoin_result *r);

/* Writes a key for messages: names separated by " / " (out: size bytes). */
void namejoin_key_text(const char *key, char *out, size_t size);

#endif
