/* numparse.h - numbers as people write them in CSV cells.
 *
 * Dutch files write "27,9" (decimal comma) and "1.234" (thousands dot);
 * English ones "27.9" and "1,234". Parsing is strict so a thousands
 * separator can never silently shift a value: "1.23" with decimal comma is
 * text, not 123. The decimal mark of a file is guessed from votes over its
 * cells (num_vote / num_decide), or given by the caller.
 */
#ifndef DNW_NUMPARSE_H
#define DNW_NUMPARSE_H

#include <stddef.h>

#include "tbl.h"

/* Parses s (len bytes, already trimmed, need not be NUL-terminated) as a
 * number with decimal mark `decimal` ('.' or ','); the other of the two is
 * accepted as thousands separator in groups of three before the decimal
 * mark ("1.234.567,5"). Accepts a sign (+, -, U+2212), a missing integer part
 * (",5"), a trailing decimal mark ("5."), and an exponent when no thousands
 * separator is used. Returns 0 and sets *out, or -1 when s is not a number
 * (nothing is set then). Never fails otherwise. */
int num_parse(const char *s, size_t len, char decimal, double *out);

/* What a CSV cell holds. */
typedef enum {
    NUM_CELL_NUMBER = 0, /* a number: *out set */
    NUM_CELL_MISSING,    /* a missing marker or CBS sentinel: *why set */
    NUM_CELL_TEXT        /* anything else */
} num_cell_kind;

/* Classifies a trimmed cell: "", ".", "x", "?" (sentinel_text_reason) are
 * missing with a reason; StatLine "-" is nihil, the number 0; a number that
 * is a CBS sentinel (-99997, ...) is missing with its reason; other numbers
 * set *out. out and why must not be NULL. */
num_cell_kind num_cell(const char *s, size_t len, char decimal, double *out,
                       miss_reason *why);

/* 1 when s is a digit string with a leading zero ("0014", "00"): a code,
 * whose zeros matter, rather than a number. */
int num_is_zero_padded(const char *s, size_t len);

/* Votes on the decimal mark, collected over the cells of a file. */
typedef struct {
    size_t comma;     /* cells where ',' can only be the decimal mark */
    size_t dot;       /* cells where '.' can only be the decimal mark */
    size_t amb_comma; /* "1,234": decimal or thousands */
    size_t amb_dot;   /* "1.234": decimal or thousands */
} num_votes;

/* Adds the evidence of one trimmed cell to v (cells that are not plain
 * numbers add nothing). */
void num_vote(num_votes *v, const char *s, size_t len);

/* The decimal mark the votes point to, for a file with the given field
 * delimiter: clear evidence wins; on a tie or with only ambiguous cells
 * ("1.234") a ';'-delimited file gets ',' (the Dutch convention) and any
 * other gets '.'; without any evidence '.'. */
char num_decide(const num_votes *v, char delimiter);

#endif
