/* strdist.h - edit distance and "did you mean" suggestions.
 *
 * Used wherever a user typed a name that is not known (recipe keys, enum
 * values, column names, indicator names) so the error can name the nearest
 * valid spelling. Comparison ignores ASCII case; bytes are compared as is
 * otherwise (UTF-8 text is compared byte by byte).
 */
#ifndef DNW_STRDIST_H
#define DNW_STRDIST_H

#include <stddef.h>

/* Optimal-string-alignment distance between a and b: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost 1; ASCII
 * case is ignored. NULL counts as "". Strings longer than 256 bytes are
 * compared on their first 256 bytes. Never fails. */
size_t strdist(const char *a, const char *b);

/* Writes into out (room for max_out pointers) the candidates that are close
 * enough to word to be a likely typo, nearest first (ties keep the order of
 * candidates), and returns how many were written. "Close enough" means an
 * edit distance of at most max(1, (length of word + 1) / 3), or word (at
 * least 3 characters) being a prefix of the candidate or the candidate a
 * prefix of word. An exact match (ignoring case) comes first with distance 0.
 * The pointers in out are the candidates' own; nothing is allocated. NULL
 * candidates are skipped. Never fails; returns 0 when nothing is close. */
size_t strdist_nearest(const char *word, const char *const *candidates,
                       size_t n, size_t max_out, const char **out);

/* Inserts cand, at distance d, into the ranked list out[]/dist[] of *got
 * entries with room for max (max >= 1): behind every entry nearer than d
 * and every one as near (with by_name, only those as near whose name sorts
 * by strcmp before or with cand), moving the entries after it one down and
 * dropping the last when the list is full; cand itself is dropped when it
 * would land past max. *got counts the entries. The pointers are the
 * caller's; nothing is allocated; never fails. */
void strdist_rank_insert(const char **out, size_t *dist, size_t *got,
                         size_t max, const char *cand, size_t d, int by_name);

/* Writes the n items into buf (size > 0 bytes; always NUL-terminated, cut
 * to fit) as a list: first before the first item, last before the final
 * one and ", " between the others ("a, b and c" with first "" and last
 * " and "). Returns the bytes written (at most size). Never fails. */
size_t str_list(char *buf, size_t size, const char *const *items, size_t n,
                const char *first, const char *last);

/* Copies src into dst (size > 0 bytes, always NUL-terminated, cut to fit)
 * with ASCII letters in lower case, for case-blind name tests. Returns
 * dst. Never fails. */
char *str_lower(char *dst, size_t size, const char *src);

#endif
