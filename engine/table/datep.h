/* datep.h - calendar dates as written in Dutch files and recipes.
 *
 * Accepted: ISO "2024-12-31" (also with "/" or "."), Dutch day-first
 * "31-12-2024", "31/12/2024", "31.12.2024", "1-3-2024", each optionally
 * followed by a time (" 10:30", "T10:30:00Z", ...), which is ignored.
 * A date is kept as a day number (days since 1970-01-01), so ranges compare
 * as integers.
 */
#ifndef DNW_DATEP_H
#define DNW_DATEP_H

#include <stddef.h>
#include <stdint.h>

/* Parses len bytes of s (surrounding blanks allowed) into *days. Returns 0,
 * or -1 when s is not a valid calendar date (nothing set; no error set: the
 * caller words it with file, line and column). */
int date_parse(const char *s, size_t len, int32_t *days);

/* Writes the ISO form "YYYY-MM-DD" of a day number into out (11 bytes). */
void date_format(int32_t days, char out[11]);

#endif
