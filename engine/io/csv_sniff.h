/* csv_sniff.h - looking at raw CSV text before parsing it: which delimiter
 * it uses, and whether its quotes are well formed.
 *
 * Both scan the text with the same quote rules as the parser (a field that
 * starts with '"', after optional spaces, is quoted; "" inside it is a
 * quote; a '"' inside an unquoted field is an ordinary character). The text
 * is UTF-8 with LF line ends (see csv_load.h).
 */
#ifndef DNW_CSV_SNIFF_H
#define DNW_CSV_SNIFF_H

#include <stddef.h>

/* Guesses the field delimiter among ';' ',' '\t' '|': for each candidate,
 * the field counts of the first (up to 200) non-blank records are taken;
 * the winner has the most records with its most common count (of at least
 * 2 fields), counted from the first record that has it on, so title lines
 * above the header do not count against it. Ties go to the larger count,
 * then to the order above. A count seen on one record only (of several)
 * is no evidence. Returns 0 when no candidate qualifies (a one-column
 * file). Never fails. */
char csvsniff_delimiter(const char *text, size_t len);

/* Checks that every quoted field is closed and followed by a delimiter or
 * the end of the line. Returns 0, or -1 with ERR_PARSE set naming file and
 * the 1-based line: where an unclosed quote opens, or where text follows a
 * closing quote. */
int csvsniff_check_quotes(const char *file, const char *text, size_t len,
                          char delim);

#endif
