/* catalog.h - dataset catalog entries (datasets/catalog/NAME.yaml): per column
 * of a known open dataset its stable name, meaning, unit and kind (count,
 * percentage, mean, share, code, name), and the dataset's source line. A
 * recipe that names a catalog for a source can use the stable names across
 * years, and the engine can refuse to treat a percentage as a count.
 */
#ifndef DNW_CATALOG_H
#define DNW_CATALOG_H

#include <stddef.h>

typedef enum {
    CAT_UNKNOWN = 0,
    CAT_COUNT,
    CAT_PERCENTAGE,
    CAT_MEAN,
    CAT_SHARE, /* fraction 0-1 */
    CAT_CODE,
    CAT_NAME
} cat_kind;

typedef struct {
    char *column;  /* name in the file */
    char *name;    /* stable name */
    char *meaning; /* may be NULL */
    char *unit;    /* may be NULL */
    char *base;    /* stable name of the count a rate is relative to */
    cat_kind kind;
    /* `fraction: true`: the file holds a fraction 0-1 of what the stable
     * name means as a percentage; the stable name gives file value * 100
     * (the run adds that column, see run_catalog_scaled). 1 otherwise. */
    double scale;
} cat_column;

typedef struct {
    char *name, *title, *source_line, *license, *path;
    int year;
    cat_column *cols;
    size_t n_cols;
} catalog;

/* Loads a catalog entry: `name_or_path` is a file path (ending in .yaml)
 * or a name looked up in $DNAWIJK_CATALOG_DIR and then the built-in
 * datasets/catalog folder. Returns NULL with the error set (ERR_IO or
 * ERR_PARSE naming the file and line). Free with catalog_free. */
catalog *catalog_load(const char *name_or_path);
void catalog_free(catalog *c);

/* The entry for a column, by file column name or by stable name (the first
 * whose column exists in the table is the caller's to choose); NULL when the
 * catalog does not describe it. */
const cat_column *catalog_by_column(const catalog *c, const char *column);
/* All entries with the given stable name are candidates; returns the k-th
 * (0-based) or NULL. */
const cat_column *catalog_by_name(const catalog *c, const char *name, size_t k);

const char *cat_kind_name(cat_kind k);

/* The folder with the built-in catalog entries. */
const char *catalog_builtin_dir(void);
/* (found once per process: $DNAWIJK_DATA/catalog, else
 * <executable's folder>/../share/dnawijk/datasets/catalog when it exists,
 * else the source tree's datasets/catalog) */

#endif
