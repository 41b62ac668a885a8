/* sentinel.h - CBS missing-value markers, shared by every reader.
 *
 * CBS writes "missing, for a reason" into numeric cells: -99997 (geheim),
 * -99995 / -99991 (niet beschikbaar), anything <= -99990, and in older
 * shapefiles the eight-nines family (-99999997 geheim, -99999998 niet van
 * toepassing, -99999999 / -99999996 onbekend, and -9999997 in narrow fields).
 * StatLine CSVs write "." (onbekend) and "x" (geheim).
 */
#ifndef DNW_SENTINEL_H
#define DNW_SENTINEL_H

#include "tbl.h"

/* The missing reason a numeric value stands for, or MISS_NONE when it is a
 * real number. NaN and infinities count as MISS_UNPARSABLE. */
miss_reason sentinel_reason(double v);

/* The missing reason a text cell stands for ("", ".", "x", "?" and
 * whitespace-only; StatLine "-" means nihil and is a number), or MISS_NONE when it is not a marker. len bytes of s. */
miss_reason sentinel_text_reason(const char *s, size_t len);

#endif
