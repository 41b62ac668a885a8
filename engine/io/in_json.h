/* in_json.h - a JSON array of records (not GeoJSON) read as a table.
 *
 * Django fixtures, API dumps and similar files hold `[{...}, {...}]`. Every
 * record is an object; its members become columns, nested objects are
 * flattened with dotted names ("fields.buurtcode"), arrays become their JSON
 * text. A pick ("file.json#fields") names a nested object whose members
 * become columns under their own names (the record's other members keep
 * theirs). A column whose values are all whole numbers is int64, all numbers
 * double (CBS sentinels become missing with their reason), anything else
 * text; null and absent members are missing.
 */
#ifndef DNW_IN_JSON_H
#define DNW_IN_JSON_H

#include "tbl.h"

/* 1 when path (a plain or /vsi path) is a JSON file whose first non-blank
 * character is '[' (an array at the top). Never fails. */
int in_json_is_records(const char *path);

/* Reads path (a plain or /vsi path; shown: the name used in messages) into
 * a new table the caller frees with tbl_free. pick: the nested object whose
 * members become columns, or NULL. Returns NULL with the error set:
 * ERR_IO (cannot read), ERR_PARSE (not valid JSON, with line and column; a
 * record that is not an object, by record number; a pick that no record
 * has), ERR_MEMORY. */
tbl *in_json_read(const char *path, const char *shown, const char *pick);

#endif
