/* jsonw.c - streaming JSON writer; see jsonw.h. */
#include "jsonw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void jsonw_init(jsonw *w, FILE *f, int pretty)
{
    memset(w, 0, sizeof *w);
    w->f = f;
    w->pretty = pretty;
    w->first[0] = 1;
}

static void newline(jsonw *w)
{
    if (!w->pretty)
        return;
    fputc('\n', w->f);
    for (int k = 0; k < w->depth; k++)
        fputs("  ", w->f);
}

/* Writes the separator before a value or key at the current depth. */
static void before_value(jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (!w->first[w->depth])
            fputc(',', w->f);
        newline(w);
    }
    w->first[w->depth] = 0;
}

static void open_(jsonw *w, char c)
{
    before_value(w);
    fputc(c, w->f);
    if (w->depth < 63)
        w->depth++;
    w->first[w->depth] = 1;
}

static void close_(jsonw *w, char c)
{
    int empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        newline(w);
    fputc(c, w->f);
    if (w->depth == 0 && w->pretty)
        fputc('\n', w->f);
}

void jsonw_obj_begin(jsonw *w) { open_(w, '{'); }
void jsonw_obj_end(jsonw *w) { close_(w, '}'); }
void jsonw_arr_begin(jsonw *w) { open_(w, '['); }
void jsonw_arr_end(jsonw *w) { close_(w, ']'); }

void jsonw_escape(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void jsonw_key(jsonw *w, const char *key)
{
    before_value(w);
    jsonw_escape(w->f, key);
    fputs(w->pretty ? ": " : ":", w->f);
    w->after_key = 1;
}

void jsonw_str(jsonw *w, const char *s)
{
    before_value(w);
    if (s)
        jsonw_escape(w->f, s);
    else
        fputs("null", w->f);
}

void jsonw_num(jsonw *w, double v)
{
    before_value(w);
    if (!isfinite(v)) {
        fputs("null", w->f);
        return;
    }
    if (v == 0)
        v = 0; /* no negative zero */
    char buf[40];
    /* shortest representation that reads back exactly */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, w->f);
}

void jsonw_int(jsonw *w, int64_t v)
{
    before_value(w);
    fprintf(w->f, "%lld", (long long)v);
}

void jsonw_bool(jsonw *w, int v)
{
    before_value(w);
    fputs(v ? "true" : "false", w->f);
}

void jsonw_null(jsonw *w)
{
    before_value(w);
    fputs("null", w->f);
}

void jsonw_kstr(jsonw *w, const char *key, const char *s)
{
    jsonw_key(w, key);
    jsonw_str(w, s);
}

void jsonw_knum(jsonw *w, const char *key, double v)
{
    jsonw_key(w, key);
    jsonw_num(w, v);
}

void jsonw_kint(jsonw *w, const char *key, int64_t v)
{
    jsonw_key(w, key);
    jsonw_int(w, v);
}

void jsonw_kbool(jsonw *w, const char *key, int v)
{
    jsonw_key(w, key);
    jsonw_bool(w, v);
}
