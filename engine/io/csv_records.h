/* csv_records.h - CSV text split into records and fields, through libcsv.
 *
 * All field bytes live in one arena (each field trimmed of surrounding
 * white space, including no-break spaces, and NUL-terminated), so there is
 * no allocation per cell. Every line of the text gives a record, blank lines
 * too (a record of zero fields), and every record knows the 1-based line it
 * starts on; a quoted field with line breaks makes its record span several
 * lines.
 */
#ifndef DNW_CSV_RECORDS_H
#define DNW_CSV_RECORDS_H

#include <stddef.h>
#include <stdint.h>

/* The most fields one line may have (Excel's column limit): a wider line is
 * an error, found while parsing, before memory or time grow with it. */
#define CSVREC_MAX_FIELDS 16384

typedef struct {
    size_t first; /* index of its first field */
    uint32_t n;   /* number of fields (0 for a blank line) */
    long line;    /* 1-based line the record starts on */
} csvrec_rec;

typedef struct {
    char *arena; /* field bytes, NUL-terminated fields */
    size_t arena_len, arena_cap;
    size_t *offs; /* field k is arena + offs[k], offs[k+1] - offs[k] - 1 long */
    size_t n_fields, offs_cap;
    csvrec_rec *recs;
    size_t n_recs, recs_cap;
} csvrec_set;

/* Parses text (len bytes, LF line ends) with field delimiter delim (0 for a
 * one-column file) and '"' quotes into out. Returns 0, or -1 with the error
 * set (out of memory, a libcsv error, or a line of more than
 * CSVREC_MAX_FIELDS fields, naming file and line). The caller
 * frees out with csvrec_free, also after a failure. */
int csvrec_parse(const char *file, const char *text, size_t len, char delim,
                 csvrec_set *out);

/* Frees the arrays of r and clears it. NULL is fine. */
void csvrec_free(csvrec_set *r);

/* Field k of record rec (k may be past the record's end: then ""), its
 * length in *len. Owned by r. */
static inline const char *csvrec_cell(const csvrec_set *r, size_t rec,
                                      size_t k, size_t *len)
{
    const csvrec_rec *R = &r->recs[rec];
    if (k >= R->n) {
        *len = 0;
        return "";
    }
    size_t f = R->first + k;
    *len = r->offs[f + 1] - r->offs[f] - 1;
    return r->arena + r->offs[f];
}

/* Number of non-empty fields of record rec. */
size_t csvrec_filled(const csvrec_set *r, size_t rec);

/* Index of the last non-empty field of record rec + 1 (0 when blank). */
size_t csvrec_width(const csvrec_set *r, size_t rec);

#endif
