/* src.h - reading a source file into a table, whatever its format.
 *
 * src_read() picks the reader from the path (CSV/TSV/TXT through libcsv,
 * a JSON array of records through in_json, everything else through
 * GDAL/OGR; "path#layer" selects a layer or sheet, or the nested object of
 * JSON records; ".gz" and one-file ".zip" are read as they are), and goes
 * through the native cache: a warm read memory-maps the cached columns, a
 * cold read parses and then stores them. Region-code columns stay strings.
 */
#ifndef DNW_SRC_H
#define DNW_SRC_H

#include "srcopt.h"
#include "tbl.h"

/* Reads path (optionally "path#layer"). opt may be NULL for defaults.
 * Returns a new table the caller frees with tbl_free, or NULL with the error
 * set (naming the file, line/feature and column where known). */
tbl *src_read(const char *path, const src_options *opt);

/* 1 when the path is read by the CSV reader (by extension, also under
 * ".gz"). */
int src_is_csv(const char *path);

/* 1 when file holds one table without layers (a CSV, also compressed, or
 * a JSON array of records). Never fails. */
int src_is_single_table(const char *file);

/* Splits "file#layer" into its parts: copies the file part into file (size
 * bytes) and returns a pointer to the layer name inside path, or NULL when
 * there is none. */
const char *src_split_layer(const char *path, char *file, size_t size);

#endif
