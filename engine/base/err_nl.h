/* err_nl.h - the Dutch message table (err_nl_table.c) for err_tr
 * (err_nl.c): pairs of an English format and its Dutch form, sorted by
 * the English text in strcmp order. Read-only, static storage. */
#ifndef DNW_ERR_NL_H
#define DNW_ERR_NL_H

#include <stddef.h>

extern const char *const err_nl_pairs[][2];
extern const size_t err_nl_count;

#endif
