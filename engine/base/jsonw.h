/* jsonw.h - a small streaming JSON writer (for `inspect --json`, the run
 * manifest and `classify --json`). It tracks nesting and commas, escapes
 * strings, and writes numbers so that they read back exactly (%.17g, trimmed);
 * non-finite numbers are written as null. Writes to a FILE the caller owns.
 */
#ifndef DNW_JSONW_H
#define DNW_JSONW_H

#include <stdint.h>
#include <stdio.h>

typedef struct {
    FILE *f;
    int depth;
    int pretty;
    unsigned char first[64]; /* per depth: nothing written yet */
    int after_key;
} jsonw;

/* Starts a writer on f; pretty = 1 indents with two spaces. */
void jsonw_init(jsonw *w, FILE *f, int pretty);

void jsonw_obj_begin(jsonw *w);
void jsonw_obj_end(jsonw *w);
void jsonw_arr_begin(jsonw *w);
void jsonw_arr_end(jsonw *w);
/* Writes an object key; the next value call writes its value. */
void jsonw_key(jsonw *w, const char *key);
void jsonw_str(jsonw *w, const char *s); /* NULL writes null */
void jsonw_num(jsonw *w, double v);
void jsonw_int(jsonw *w, int64_t v);
void jsonw_bool(jsonw *w, int v);
void jsonw_null(jsonw *w);

/* Shorthands: key + value. */
void jsonw_kstr(jsonw *w, const char *key, const char *s);
void jsonw_knum(jsonw *w, const char *key, double v);
void jsonw_kint(jsonw *w, const char *key, int64_t v);
void jsonw_kbool(jsonw *w, const char *key, int v);

/* Writes s as a JSON string literal (with quotes) to f. */
void jsonw_escape(FILE *f, const char *s);

#endif
