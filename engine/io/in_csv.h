/* csvr.h - the CSV reader: a delimited text file into a typed table.
 *
 * Made for what Dutch open-data CSVs look like (CBS StatLine exports,
 * municipal tables):
 *   - text: UTF-8 with or without BOM, or Latin-1/Windows-1252 (detected as
 *     invalid UTF-8, converted to UTF-8); CRLF, LF or CR line ends; binary
 *     data, UTF-16 and archives are refused (csv_load.h);
 *   - delimiter ';' ',' tab or '|', sniffed from the field counts of the
 *     first lines, respecting quotes (csv_sniff.h), or named by an Excel
 *     "sep=;" first line; fields may be quoted, with delimiters, line
 *     breaks and "" quotes inside;
 *   - title lines above the header, a header spread over several lines, a
 *     "Bron:" footer, notes and blank lines at the end, trailing empty
 *     columns (csv_layout.h); cells are trimmed of white space;
 *   - a column is COL_DOUBLE when every non-missing cell is a number with
 *     the file's decimal mark ('.' or ',', guessed from all cells; a
 *     thousands separator is only accepted in groups of three, so "1.234"
 *     with decimal comma is 1234 and "1.23" is text), else COL_STRING;
 *     region-code columns stay COL_STRING: a name containing "code" (any
 *     case), a zero-padded digit string such as "0014" in any cell, codes
 *     such as GM0014, and every column named in opt->text_columns;
 *   - missing values: an empty cell, ".", "x", "?" (sentinel_text_reason)
 *     are missing with their reason, in numeric and string columns; "-" is
 *     StatLine's nihil, the number 0; CBS sentinel numbers (-99997, ...) are
 *     missing with their reason (sentinel_reason);
 *   - every non-blank line between header and footer is one row, in file
 *     order (CBS files keep their "Nederland" and gemeente total rows);
 *     lines without any value are skipped.
 *
 * Rows and fields: a row with more fields than the header is an error when
 * any extra field holds a value (extra empty fields, as left by a trailing
 * delimiter, are ignored). A row with fewer fields is padded with missing
 * values, unless it has fewer than half the header's fields and lacks at
 * least two: such a row is cut off or not delimited like the rest, and is
 * an error wherever it is (a short last line is a truncated file, notes at
 * the end are taken off as footer before this check).
 *
 * Options (srcopt.h): delimiter, decimal, encoding override detection;
 * skip_rows is the number of lines (records) above the header; header_rows
 * the number of header lines; column_names replaces the names in order.
 */
#ifndef DNW_IN_CSV_H
#define DNW_IN_CSV_H

#include <stddef.h>

#include "srcopt.h"
#include "tbl.h"

/* Reads the CSV file into a new table (see above); opt may be NULL for
 * all-detect defaults. Returns the table, which the caller frees with
 * tbl_free, or NULL with the error set: ERR_IO when the file cannot be
 * read; ERR_PARSE (with file, 1-based line and column name where known)
 * for an empty or binary file, a bad quote, a ragged row, invalid UTF-8
 * when "utf-8" is forced; ERR_RECIPE for an option that does not fit the
 * file (skip_rows past the end, unknown text_columns name, ...);
 * ERR_MEMORY. */
tbl *in_csv_read(const char *file, const src_options *opt);

/* Like in_csv_read, and also gives the 1-based line each table row starts
 * on (*row_line, nrows entries, which the caller frees with mem_free) and
 * the line of the (first) header line (*header_line), for messages that
 * point into the file. On failure *row_line is NULL. */
tbl *in_csv_read_lines(const char *file, const src_options *opt,
                       long **row_line, long *header_line);

/* Like in_csv_read, on CSV bytes already in memory (not kept); name only
 * names the source in error messages. */
tbl *in_csv_read_mem(const char *name, const void *data, size_t len,
                   const src_options *opt);

#endif
