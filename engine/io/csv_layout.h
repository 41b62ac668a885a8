/* csv_layout.h - where the header, the data and the footer of a parsed CSV
 * are, and what its columns are called.
 *
 * Real exports (CBS StatLine, municipal tables) put title lines above the
 * header, spread a header over several lines (a group title above unit
 * lines), and end with blank lines, notes and a "Bron:" line. The rules:
 *
 * Footer: from the end, the trailing lines that are blank or have only
 * their first cell filled form a block; from the first line in it that is
 * blank, starts with a note word (Bron, Source, Noot, Note, Toelichting,
 * Opmerking, Verklaring, Voetnoot, "*", "(c)", "1)") or has fewer fields
 * than most lines, everything down to the end is footer. A first cell that
 * is a number or a region code (GM0014) is never a note.
 *
 * In a one-column file only blank lines and lines that start with a note
 * word can be footer.
 *
 * Header (unless skip_rows says where it is): columns whose cells in the
 * lower third of the body are (nearly all) numbers or missing markers are
 * "numeric"; a line "looks like data" when more of its numeric-column cells
 * are numbers/markers than text, and at least one is. The header starts at
 * the first non-blank line whose last filled cell reaches at least 3/4 as
 * far as in most lines, that is not a title line (only the first cell
 * filled, in a file of several columns) and does not look like data. It runs (unless header_rows says how far) up to the first line that
 * looks like data, holds a region code, or fills every cell up to the
 * first header line's last name (group and unit lines leave cells empty),
 * at most 20 lines; with no numeric column it is one line. If data comes
 * before any such line, the last non-blank line above the data that has
 * at least 3/4 of the usual number of fields is the header, or else the
 * first data line itself.
 *
 * Names: per column, the non-empty cells of the header lines joined with a
 * space (white space runs collapsed); title lines inside an auto-detected
 * header are skipped; a cell on a later header line that is a unit ("%",
 * "x 1 000", "euro", "aantal", "km²", ...) goes at the end in parentheses:
 * "Gemiddeld persoonlijk inkomen per inwoner (x 1000 euro)". Trailing
 * columns with an empty header cell and no values are dropped; other empty
 * names become column_N (N = 1-based field number); opt->column_names
 * replaces names in order; duplicates get _2, _3, ...
 */
#ifndef DNW_CSV_LAYOUT_H
#define DNW_CSV_LAYOUT_H

#include <stddef.h>

#include "csv_records.h"
#include "srcopt.h"

#define CSVLAY_MAX_HEADER_LINES 20

typedef struct {
    size_t header_first, header_end; /* header records [first, end) */
    size_t data_first, data_end;     /* data records [first, end) */
    size_t n_fields; /* fields a row should have (the header's count) */
    size_t n_cols;   /* columns kept */
    size_t *field_of; /* n_cols: field index of each kept column */
    char **names;     /* n_cols: final unique names, owned */
} csvlay_layout;

/* Works out the layout of the records r of file (see above) with decimal
 * mark `decimal`. opt must not be NULL. Returns 0, or -1 with the error set
 * (ERR_PARSE: no header line; ERR_RECIPE: skip_rows/header_rows beyond the
 * file, or more column_names than columns; ERR_MEMORY). The caller frees
 * out with csvlay_free, also after a failure. */
int csvlay_detect(const char *file, const csvrec_set *r,
                  const src_options *opt, char decimal, csvlay_layout *out);

/* Frees the arrays of l and clears it. NULL is fine. */
void csvlay_free(csvlay_layout *l);

#endif
