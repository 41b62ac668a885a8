/* srcopt.c - defaults and cache-key text of reader options; see srcopt.h. */
#include "srcopt.h"

#include <stdio.h>
#include <string.h>

void src_options_init(src_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->delimiter = 0;   /* sniff */
    opt->decimal = 0;     /* auto */
    opt->encoding = NULL; /* auto */
    opt->skip_rows = -1;  /* detect title lines */
    opt->header_rows = 0; /* detect */
    opt->target_crs = NULL; /* RD New */
    opt->no_cache = 0;
}

/* Appends text to buf without overflowing it; *used counts every byte that
 * would have been written, so the caller learns the size it needed. */
static void put(char *buf, size_t size, size_t *used, const char *s,
                size_t len)
{
    if (*used < size) {
        size_t room = size - *used;
        size_t n = len < room ? len : room;
        memcpy(buf + *used, s, n);
    }
    *used += len;
}

static void put_str(char *buf, size_t size, size_t *used, const char *s)
{
    put(buf, size, used, s, strlen(s));
}

/* Appends s with the separators of the key text ('\\', ',', '|', '=')
 * escaped by a backslash, so distinct lists never give the same key. */
static void put_escaped(char *buf, size_t size, size_t *used, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '\\' || *p == ',' || *p == '|' || *p == '=')
            put(buf, size, used, "\\", 1);
        put(buf, size, used, p, 1);
    }
}

/* Appends a one-character option ("auto" when 0, "tab" for '\t'). */
static void put_char_opt(char *buf, size_t size, size_t *used, char c)
{
    char one[2] = {c, '\0'};
    if (c == 0)
        put_str(buf, size, used, "auto");
    else if (c == '\t')
        put_str(buf, size, used, "tab");
    else
        put_escaped(buf, size, used, one);
}

static void put_list(char *buf, size_t size, size_t *used,
                     const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            put(buf, size, used, ",", 1);
        put_escaped(buf, size, used, list && list[k] ? list[k] : "");
    }
}

size_t src_options_key(const src_options *opt, char *buf, size_t size)
{
    src_options def;
    if (!opt) {
        src_options_init(&def);
        opt = &def;
    }
    size_t used = 0;
    char num[32];
    put_str(buf, size, &used, "delim=");
    put_char_opt(buf, size, &used, opt->delimiter);
    put_str(buf, size, &used, "|dec=");
    put_char_opt(buf, size, &used, opt->decimal);
    put_str(buf, size, &used, "|enc=");
    put_escaped(buf, size, &used, opt->encoding ? opt->encoding : "auto");
    snprintf(num, sizeof num, "|skip=%d|hdr=%d", opt->skip_rows,
             opt->header_rows);
    put_str(buf, size, &used, num);
    put_str(buf, size, &used, "|names=");
    put_list(buf, size, &used, opt->column_names, opt->n_column_names);
    put_str(buf, size, &used, "|text=");
    put_list(buf, size, &used, opt->text_columns, opt->n_text_columns);
    put_str(buf, size, &used, "|crs=");
    /* NULL means RD New; "" means the source's own CRS */
    const char *crs = opt->target_crs ? opt->target_crs : "EPSG:28992";
    put_escaped(buf, size, &used, *crs ? crs : "source");
    if (opt->wkt_column) {
        put_str(buf, size, &used, "|wkt=");
        put_escaped(buf, size, &used, opt->wkt_column);
    }
    /* no_cache is about where the table comes from, not what it holds, so
     * it is not part of the key */
    if (size > 0)
        buf[used < size ? used : size - 1] = '\0';
    return used;
}
