/* postcode.h - Dutch postcodes as written in real files.
 *
 * A PC6 is four digits (the first not 0) and two letters ("1011AB"); a PC4
 * is the four digits alone. Files write them with spaces, in lower case or
 * padded ("1011 ab", " 1011AB ", "1011ab"): all of these are the same
 * postcode. A postcode is kept as a small integer key: digits * 1000 +
 * letters (0..675) for a PC6, digits * 1000 + 999 for a PC4, so the PC6s of
 * one PC4 sort together just before it.
 */
#ifndef DNW_POSTCODE_H
#define DNW_POSTCODE_H

#include <stddef.h>
#include <stdint.h>

#define PC_EMPTY (-1)   /* nothing but blanks */
#define PC_INVALID (-2) /* text that is no postcode */

/* Parses len bytes of s. Returns the key (>= 0), PC_EMPTY or PC_INVALID.
 * Never fails otherwise. */
int32_t postcode_key(const char *s, size_t len);

/* 1 when key is a PC4. */
static inline int postcode_is_pc4(int32_t key)
{
    return key % 1000 == 999;
}

/* The PC4 key of a PC6 or PC4 key. */
static inline int32_t postcode_pc4(int32_t key)
{
    return key / 1000 * 1000 + 999;
}

/* The canonical text of a key ("1011AB" or "1011") into out. */
void postcode_format(int32_t key, char out[8]);

#endif
