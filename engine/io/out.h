/* out.h - writers of a run's result tables: CSV (Dutch Excel dialect or the
 * international one), a companion CSV describing the columns, xlsx and
 * GeoPackage. The writers read a view model (out_table) that the run layer
 * builds: which columns, in which order, with label, unit, decimals and the
 * words for missing reasons. Callers write into a staging folder that the
 * run renames into place, so nothing half-written is left.
 */
#ifndef DNW_OUT_H
#define DNW_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "tbl.h"

typedef enum {
    OUT_TEXT = 0, /* a string column (codes, names): always text */
    OUT_NUMBER,   /* a double column, written with `decimals` */
    OUT_INTEGER,  /* a double column holding whole numbers (counts) */
    OUT_REASON    /* the missing reason of `col`: the word, or empty */
} out_kind;

/* One column of an output table. Everything is borrowed. */
typedef struct {
    const char *name;     /* stable header */
    out_kind kind;
    const tbl_col *col;   /* the values (for OUT_REASON: whose reasons) */
    int decimals;         /* shown decimals (-1 = automatic) */
    const char *label, *unit, *formula, *source; /* may be NULL */
    /* OUT_REASON: the word per miss_reason (MISS_REASON_COUNT entries) */
    const char *const *reasons;
} out_column;

/* One table (one CSV file, one xlsx sheet, one GeoPackage layer). */
typedef struct {
    const char *name;       /* sheet / layer name */
    const out_column *cols;
    size_t n_cols;
    size_t n_rows;
    const tbl_col *geom;    /* geometry per row, or NULL (GeoPackage only) */
    /* without geom: the rows' geometry dissolved from finer units: unit u
     * (of n_dissolve, geometry row u of `dissolve`) belongs to row
     * group_of[u] (SIZE_MAX: none) */
    const tbl_col *dissolve;
    const size_t *group_of;
    size_t n_dissolve;
} out_table;

typedef enum {
    OUT_DIALECT_NL = 0,     /* UTF-8 BOM, ';', decimal comma, CRLF */
    OUT_DIALECT_INTL        /* UTF-8 without BOM, ',', '.', CRLF */
} out_dialect;

/* Writes the table as CSV to path through the atomic writer: a header of
 * the stable names, one row per unit; numbers without thousands separators
 * and without float noise (see out_format_number); missing numbers as an
 * empty cell (their reason is in the OUT_REASON column). Returns 0 or -1
 * (ERR_IO naming path). */
int out_csv(const out_table *t, const char *path, out_dialect d);

/* Writes the companion file that describes the columns of t (one row per
 * column: kolom, label, eenheid, decimalen, formule, bron; English headers
 * with en != 0) in dialect d. Returns 0 or -1 (ERR_IO). */
int out_csv_columns(const out_table *t, const char *path, out_dialect d,
                    int en);

/* Writes v into buf with '.' or ',' as decimal mark and no thousands
 * separators: rounded to decimals + 2 when decimals >= 0, else to 15
 * significant digits, then the shortest form of that ("" for non-finite,
 * never "-0"). */
void out_format_number(double v, int decimals, char dec_mark, char *buf,
                       size_t size);

/* Writes the tables as the sheets of an xlsx workbook (typed cells, a label
 * and unit header, number formats, frozen header), created on date
 * ("YYYY-MM-DD", the run's date, so two runs give the same file; NULL =
 * $SOURCE_DATE_EPOCH or now). Returns 0 or -1 (ERR_IO naming path). */
int out_xlsx(const char *path, const out_table *tables, size_t n, int en,
             const char *date);

/* How a style's classes select features: value ranges of one field
 * (graduated; class 0 = [b0, b1], class i = (b_i, b_i+1]), one value of the
 * field per class (categories), or a range of field and one of field_y
 * per class (bivariate). */
typedef enum {
    OUT_STYLE_GRADUATED = 0,
    OUT_STYLE_CATEGORIES,
    OUT_STYLE_BIVARIATE
} out_style_kind;

/* One layer style for the GeoPackage's layer_styles table (QGIS). */
typedef struct {
    const char *layer;       /* layer name */
    const char *name;        /* style name (the map's name) */
    const char *field;       /* the classified field (bivariate: x) */
    const char *title;       /* description */
    out_style_kind kind;
    int k;                   /* classes */
    const double *breaks;    /* graduated: k + 1 */
    const double *values;    /* categories: k values of field */
    const char *field_y;     /* bivariate: the y field */
    const double (*cell)[4]; /* bivariate: per class, x from, x to, y from,
                                y to (a lower bound is inclusive when it
                                is the first break of its axis) */
    const unsigned char (*cell_first)[2]; /* bivariate: per class, 1 when
                                the x / y range starts at the first break */
    const unsigned char (*rgb)[3]; /* k colours */
    const unsigned char *class_hatch; /* per class: hatched, or NULL */
    const char *const *class_labels; /* k legend texts */
    size_t n_reasons;        /* missing-reason entries */
    const char *const *reason_values; /* text in the reason column */
    const char *const *reason_labels;
    const char *reason_field;     /* the field holding the reason */
    const char *const *reason_fields; /* per reason: its field, when they
                                         differ (bivariate), else NULL */
    const unsigned char *reason_hatch; /* per reason: its pattern (bits 1
                                "/", 2 "\", 4 horizontal, 8 vertical, 16
                                dots; 0 plain), or NULL: all plain */
    unsigned char nodata_rgb[3];
    const out_table *fields; /* for aliases (labels) */
    const char *date;        /* update_time: "YYYY-MM-DD" (NULL = now) */
} out_style;

/* Creates a GeoPackage at path with one layer per table (geometry where
 * the table has it; OUT_INTEGER columns as integers) and, when n_styles >
 * 0, a layer_styles table with a QML and SLD per style (the first per
 * layer is the default). Returns 0 or -1 (ERR_GDAL naming path and layer). */
int out_gpkg(const char *path, const out_table *tables, size_t n,
             const out_style *styles, size_t n_styles);

/* Most attribute columns one GeoPackage layer may have: SQLite's column
 * limit (2000) less the feature id and the geometry. */
#define OUT_GPKG_MAX_COLUMNS 1998

#endif
