/* cache.h - the native cache: a binary columnar copy of a source's table.
 *
 * The first read of a source stores the resulting table in the cache dir;
 * later runs memory-map that copy instead of parsing the source again.
 *
 * Key: the 128-bit hash (hash.h) of the source's content hash (with a
 * shapefile's siblings, see hash_source_files), the reader options key
 * string and the format version. A changed file, other reader options or a
 * new format give a new key, so a stale entry is never used; old entries
 * simply stay unused (delete the cache dir to reclaim the space).
 *
 * Cache dir: $DNAWIJK_CACHE_DIR, else $XDG_CACHE_HOME/dnawijk, else
 * $HOME/.cache/dnawijk (created by cache_store when missing). File name:
 * hex of the key + ".dnwc".
 *
 * File format (native little-endian, every array aligned to 64 bytes):
 *   header (128 bytes): magic "DNWCACHE", format version, byte-order tag,
 *     key, file size, rows, columns, directory offset, a 128-bit checksum of
 *     everything after the header, and a checksum of the header itself;
 *   column directory: per column, type and the offset/length of its name,
 *     missing map, values or codes, dictionary offsets and blob, geometry
 *     offsets, coordinates, bounding boxes and CRS;
 *   names, CRS strings and arrays.
 * A load checks size, magic, version, byte order, key and both checksums,
 * then every offset and length against the file size and every index array
 * (string codes, dictionary offsets, geometry part/ring/point offsets) for
 * range and order, so a damaged or foreign file is a miss, never a crash.
 *
 * MAPPED TABLES ARE READ-ONLY. The arrays of a table from cache_load point
 * into a read-only mapping (PROT_READ): do not write into them - no value
 * stores, no col_set_missing, col_set_str or col_intern on its columns
 * (writes fault, and arrays grown on the heap would never be freed). Derive
 * a new table instead (tbl_take, new columns); adding, renaming and dropping
 * columns of the mapped table is fine. The mapping is released by
 * tbl_free. The cache file must not be modified in place while mapped;
 * cache_store never does (it renames a new file over the old one).
 */
#ifndef DNW_CACHE_H
#define DNW_CACHE_H

#include <stddef.h>

#include "tbl.h"

/* Bump when the file layout, tbl_col's meaning or the miss_reason numbering
 * changes: old entries then become misses. */
#define CACHE_FORMAT_VERSION 1u

/* The cached table of source_path read with options_key (an opaque string
 * from the reader; NULL means ""), memory-mapped (see READ-ONLY above).
 * Returns NULL with no error set when there is no valid entry (missing,
 * other version, truncated, damaged, key mismatch) or the cache is disabled.
 * Returns NULL with ERR_IO set when the source itself cannot be read (the
 * reader would fail on it too), or with ERR_MEMORY set on OOM. The caller
 * owns the table (tbl_free). */
tbl *cache_load(const char *source_path, const char *options_key);

/* Stores t as the cache entry of (source_path, options_key): writes a
 * temporary file in the cache dir and renames it into place, so readers see
 * no entry or a complete one. Does nothing (returns 0) when the cache is
 * disabled. Returns 0, or -1 with an error set (ERR_IO, ERR_MEMORY) after
 * removing the temporary file; callers may ignore a failure. t is only
 * read. */
int cache_store(const char *source_path, const char *options_key,
                const tbl *t);

/* True when the environment variable DNAWIJK_NO_CACHE is "1". */
int cache_disabled(void);

/* Writes the cache dir (see above; not created here) into buf. Returns 0,
 * or -1 with ERR_IO set when no location is known ($HOME unset too) or it
 * does not fit in size bytes. */
int cache_dir_path(char *buf, size_t size);

/* Writes the path of the cache file of (source_path, options_key) into buf.
 * Returns 0, or -1 with an error set (the source cannot be read, no cache
 * dir, buf too small). For tests and a future `dnawijk cache` command. */
int cache_entry_path(const char *source_path, const char *options_key,
                     char *buf, size_t size);

#endif
