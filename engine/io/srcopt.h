/* srcopt.h - options for reading one source, shared by all readers.
 *
 * Everything auto-detectable defaults to "detect"; a recipe or the command
 * line overrides what cannot be detected. The struct is plain data; strings
 * are borrowed from the caller for the duration of the read.
 */
#ifndef DNW_SRCOPT_H
#define DNW_SRCOPT_H

#include <stddef.h>

typedef struct {
    /* CSV */
    char delimiter;       /* 0 = sniff among ';' ',' '\t' '|' */
    char decimal;         /* 0 = auto ('.' or ','), else '.' or ',' */
    const char *encoding; /* NULL = auto; "utf-8" or "latin-1" */
    int skip_rows;        /* -1 = auto-detect title lines above the header */
    int header_rows;      /* 0 = auto (1, or more for a spread-out header) */
    const char *const *column_names; /* override header names, or NULL */
    size_t n_column_names;
    const char *const *text_columns; /* columns always read as strings */
    size_t n_text_columns;
    /* vector */
    const char *target_crs; /* NULL = "EPSG:28992"; "" = keep the source's */
    const char *wkt_column; /* column with WKT/EWKT geometry text (a sheet),
                               NULL = the layer's own geometry */
    /* both */
    int no_cache;           /* 1 = neither read nor write the native cache */
} src_options;

/* Fills opt with the defaults (all detection on, RD New, cache on). */
void src_options_init(src_options *opt);

/* A canonical text form of the options, for cache keys (buf is always
 * NUL-terminated; returns the length that was needed). */
size_t src_options_key(const src_options *opt, char *buf, size_t size);

#endif
