/* regions.h - which gemeente lies in which province, per indeling year.
 *
 * The tables are datasets/regions/gemeente_provincie_<year>.csv, made by
 * datasets/regions/make_provinces.py from CBS lists (2022, 2023, 2024).
 * A province is named by its CBS code (PV27, 27) or its name, matched
 * without regard to case, accents, spaces or hyphens ("noord-holland",
 * "Noord Holland", "Fryslân", "fryslan"); "Friesland" is the usual Dutch
 * name of Fryslân and is accepted too.
 */
#ifndef DNW_REGIONS_H
#define DNW_REGIONS_H

#include <stddef.h>

#include "key.h"

typedef struct {
    char code[KEY_MAX];   /* GM0363 */
    char *name;           /* Amsterdam (owned) */
    char pv[8];           /* PV27 */
    char *province;       /* Noord-Holland (owned) */
} region_gemeente;

typedef struct {
    int year;
    region_gemeente *gm;  /* sorted by code (owned) */
    size_t n;
} region_table;

/* The folder of the tables: $DNAWIJK_REGIONS_DIR, else the installed
 * datasets/regions. */
const char *regions_dir(void);

/* Loads the table of `year`, or of the newest year at or before it when
 * that year has none (the oldest when all are later); year 0 = the newest.
 * Returns a table the caller frees with regions_free, or NULL with the
 * error set (ERR_IO: no table; ERR_PARSE: a malformed one; ERR_MEMORY). */
region_table *regions_load(int year);

void regions_free(region_table *t);

/* Resolves a province name or code to its PV code (out, "PV27") and its
 * name as the table writes it (*canonical, borrowed from t; may be NULL).
 * Returns 0, or -1 with ERR_USAGE naming the province, the nearest known
 * name and the list of provinces. */
int regions_province(const region_table *t, const char *name_or_code,
                     char out[8], const char **canonical);

/* The gemeente codes of province pv (from regions_province), in code
 * order, as an array of pointers into t (the caller frees the array with
 * mem_free, not the strings). *n gets the count. NULL with ERR_MEMORY. */
const char **regions_gemeenten_of(const region_table *t, const char *pv,
                                  size_t *n);

/* The entry of gemeente code, or NULL. */
const region_gemeente *regions_find(const region_table *t, const char *code);

/* Folds a UTF-8 name for matching: lower case ASCII letters and digits
 * only, Latin-1 accented letters to their base letter, everything else
 * dropped ("Fryslân" -> "fryslan", "Noord-Holland" -> "noordholland").
 * out is always NUL-terminated. */
void regions_fold(const char *s, char *out, size_t size);

#endif
