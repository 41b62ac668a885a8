/* key.h - CBS region codes: normalisation and the positional hierarchy.
 *
 * Codes are strings: GM + 4 digits (gemeente), WK + 6 (wijk: gemeente 4 +
 * wijk 2), BU + 8 (buurt: gemeente 4 + wijk 2 + buurt 2). Files carry them
 * padded with spaces ("WK001400  "), lower-case, without prefix ("0014"),
 * as numbers that lost their leading zeros (14), or with a year prefix
 * ("2021BU02330000", PDOK's jaarstatcode). Amsterdam's codes since 2022 are
 * alphanumeric after the gemeente digits (BU0363AA01, WK0363AA) and also come
 * without prefix (0363AA01). key_normalise() turns all of these into the
 * canonical form.
 */
#ifndef DNW_KEY_H
#define DNW_KEY_H

#include <stddef.h>

typedef enum {
    KEY_INVALID = 0,
    KEY_GEMEENTE,
    KEY_WIJK,
    KEY_BUURT
} key_level;

#define KEY_MAX 16 /* buffer size that holds any canonical code + NUL */

/* Normalises len bytes of raw into out (canonical, NUL-terminated). hint is
 * the level the caller expects (KEY_INVALID = infer from the text: a prefix
 * decides, else the digit count: <=4 gemeente, 5-6 wijk, 7-8 buurt; an
 * unprefixed alphanumeric code is a buurt with 8 characters, a wijk with 6
 * when its gemeente part is below 1000 or hint is KEY_WIJK). Returns
 * the level of the code, or KEY_INVALID when raw is not a region code (out is
 * then the trimmed, upper-cased text). Sets *changed (may be NULL) to 1 when
 * the canonical form differs from raw. Never fails otherwise. */
key_level key_normalise(const char *raw, size_t len, key_level hint,
                        char out[KEY_MAX], int *changed);

/* The level a key column's name suggests for bare numbers ("buurtcode2022",
 * "BU_CODE" -> buurt; "wijkcode", "WK_2022" -> wijk; "Gemcode2022",
 * "GM_CODE" -> gemeente), KEY_INVALID when the name says nothing. */
key_level key_level_from_name(const char *name);

/* Writes the code of the ancestor of `code` at level `to` (coarser or equal)
 * into out. Returns 0, or -1 when `to` is finer than code's level or code is
 * not canonical (no error set: callers report). */
int key_parent(const char *code, key_level to, char out[KEY_MAX]);

/* Level of a canonical code, from its prefix. */
key_level key_level_of(const char *code);

/* Parses "buurt", "wijk", "gemeente" (also plural and English forms). */
key_level key_level_parse(const char *name);

/* Dutch name of a level ("buurt", "wijk", "gemeente"). */
const char *key_level_name(key_level l);

/* Plural Dutch name ("buurten", "wijken", "gemeenten"). */
const char *key_level_plural(key_level l);

#endif
