/* rcp_schema.c - table-driven checking of recipe mappings; see
 * rcp_schema.h. */
#include "rcp_schema.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "strdist.h"

#define MAX_FIELDS 64

/* Sets the ERR_RECIPE error at node at: the formatted sentence, then, when
 * found is not NULL, ", but found " and found. Returns -1. */
static int fail_v(const ry_node *at, const char *found, const char *fmt,
                  va_list ap)
{
    char msg[1400];
    int n = vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
    if (found && n >= 0 && (size_t)n < sizeof msg)
        snprintf(msg + n, sizeof msg - (size_t)n, err_tr(", but found %s"),
                 found);
    if (at && at->line > 0)
        err_set_pos(ERR_RECIPE, at->file, at->line, at->col, "%s", msg);
    else
        err_set(ERR_RECIPE, at ? at->file : NULL, 0, NULL, "%s", msg);
    return -1;
}

int rcp_fail(const ry_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(at, NULL, fmt, ap);
    va_end(ap);
    return -1;
}

int rcp_fail_found(const ry_node *val, const char *fmt, ...)
{
    char found[1100];
    if (val->kind == RY_SCALAR)
        snprintf(found, sizeof found, "\"%s\"", val->text);
    else
        snprintf(found, sizeof found, "%s", ry_kind_name(val));
    va_list ap;
    va_start(ap, fmt);
    fail_v(val, found, fmt, ap);
    va_end(ap);
    return -1;
}

rcp_pos rcp_node_pos(const ry_node *n)
{
    rcp_pos p = {n->file, n->line, n->col};
    return p;
}

rcp_pos rcp_text_start(const ry_node *n)
{
    rcp_pos p = {n->file, n->tline, n->tcol};
    if (n->kind != RY_SCALAR || n->line == 0) {
        p.line = n->line;
        p.col = n->col;
    }
    return p;
}

const char *rcp_where(char *buf, size_t size, const char *key,
                      const char *what)
{
    if (what)
        snprintf(buf, size, "%s in %s", key, what);
    else
        snprintf(buf, size, "%s", key);
    return buf;
}

void rcp_suggest(char *buf, size_t size, const char *word,
                 const char *const *cands, size_t n)
{
    const char *best[1];
    if (strdist_nearest(word, cands, n, 1, best) == 1) {
        size_t used = strlen(buf);
        if (used < size)
            snprintf(buf + used, size - used, err_tr("; did you mean \"%s\"?"),
                     best[0]);
    }
}

void rcp_opts_list(const rcp_opt *opts, char *buf, size_t size)
{
    size_t used = 0, total = 0, k = 0;
    buf[0] = '\0';
    for (const rcp_opt *o = opts; o->name; o++)
        total += !o->hidden;
    for (const rcp_opt *o = opts; o->name && used < size; o++) {
        if (o->hidden)
            continue;
        const char *sep = k == 0 ? "" : (k + 1 == total ? err_tr(" or ") : ", ");
        int w = snprintf(buf + used, size - used, "%s%s", sep, o->name);
        if (w > 0)
            used += (size_t)w;
        k++;
    }
}

/* Quotes a scalar for messages ("five"), or names a collection's kind. */
static const char *shown(const ry_node *v, char *buf, size_t size)
{
    if (v->kind != RY_SCALAR)
        return ry_kind_name(v);
    if (ry_is_null(v))
        return "nothing";
    snprintf(buf, size, "\"%.80s%s\"", v->text, v->len > 80 ? "..." : "");
    return buf;
}

/* Text of a scalar with surrounding spaces removed, into buf. */
static const char *trimmed(const ry_node *v, char *buf, size_t size)
{
    const char *s = v->text;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* The trimmed text of a scalar that may be a number (into buf), or NULL
 * when val is no scalar, null, empty or too long for buf. */
static const char *number_text(const ry_node *val, char *buf, size_t size)
{
    if (val->kind != RY_SCALAR || ry_is_null(val))
        return NULL;
    const char *s = trimmed(val, buf, size);
    return *s && strlen(val->text) < size ? s : NULL;
}

int rcp_parse_long(const ry_node *val, long *out)
{
    char buf[64];
    const char *s = number_text(val, buf, sizeof buf);
    if (!s)
        return -1;
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        return -1;
    for (const char *q = p; *q; q++)
        if (!isdigit((unsigned char)*q) && *q != '_')
            return -1;
    char digits[64];
    size_t n = 0;
    for (const char *q = s; *q; q++)
        if (*q != '_')
            digits[n++] = *q;
    digits[n] = '\0';
    errno = 0;
    long v = strtol(digits, NULL, 10);
    if (errno)
        return -1;
    *out = v;
    return 0;
}

int rcp_parse_double(const ry_node *val, double *out)
{
    char buf[64];
    const char *s = number_text(val, buf, sizeof buf);
    if (!s)
        return -1;
    for (const char *q = s; *q; q++)
        if (!isdigit((unsigned char)*q) && !strchr("+-.eE", *q))
            return -1;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int rcp_parse_bool(const ry_node *val, int *out)
{
    if (val->kind != RY_SCALAR || ry_is_null(val))
        return -1;
    static const char *const yes[] = {"true", "yes", "on", "ja"};
    static const char *const no[] = {"false", "no", "off", "nee"};
    char buf[16];
    const char *s = trimmed(val, buf, sizeof buf);
    for (size_t k = 0; k < 4; k++) {
        if (strcasecmp(s, yes[k]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(s, no[k]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

int rcp_set_str(rcp_sctx *c, rcp_str *s, const ry_node *val)
{
    s->s = rcp_arena_strndup(c->a, val->text, val->len);
    if (!s->s)
        return -1;
    s->pos = rcp_text_start(val);
    s->exact = val->map == RY_MAP_EXACT;
    s->node_ = val;
    return 0;
}

int rcp_default_str(rcp_sctx *c, rcp_str *s, const char *text)
{
    memset(s, 0, sizeof *s);
    if (!text)
        return 0;
    s->s = rcp_arena_strdup(c->a, text);
    return s->s ? 0 : -1;
}

int rcp_enum_value(const ry_node *val, const rcp_opt *opts, const char *field,
                   const char *what, int *out)
{
    char list[512], w[160], tb[128], msg[1024];
    rcp_opts_list(opts, list, sizeof list);
    rcp_where(w, sizeof w, field, what);
    if (val->kind != RY_SCALAR)
        return rcp_fail(val, "%s must be one of %s, but found %s", w, list,
                        ry_kind_name(val));
    const char *s = trimmed(val, tb, sizeof tb);
    for (const rcp_opt *o = opts; o->name; o++)
        if (strcasecmp(o->name, s) == 0) {
            *out = o->value;
            return 0;
        }
    const char *cands[64];
    size_t n = 0;
    for (const rcp_opt *o = opts; o->name && n < 64; o++)
        cands[n++] = o->name;
    snprintf(msg, sizeof msg, err_tr("%s must be one of %s, but found \"%s\""),
             w, list, s);
    rcp_suggest(msg, sizeof msg, s, cands, n);
    return rcp_fail(val, "%s", msg);
}

/* 1 when s matches [A-Za-z0-9_-]+ (ident = 0) or [A-Za-z_][A-Za-z0-9_]*
 * (ident = 1). */
static int name_ok(const char *s, int ident)
{
    if (!*s)
        return 0;
    if (ident && isdigit((unsigned char)s[0]))
        return 0;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && (ident || *p != '-'))
            return 0;
    return 1;
}

int rcp_check_name(const ry_node *val, int ident, const char *w)
{
    if (name_ok(val->text, ident))
        return 0;
    char fix[128];
    size_t n = 0;
    for (const char *p = val->text; *p && n + 1 < sizeof fix; p++) {
        unsigned char ch = (unsigned char)*p;
        if (isalnum(ch) || ch == '_' || (!ident && ch == '-'))
            fix[n++] = (char)ch;
        else if (ch < 0x80 && n > 0 && fix[n - 1] != '_')
            fix[n++] = '_';
    }
    while (n > 0 && fix[n - 1] == '_')
        n--;
    fix[n] = '\0';
    char sug[200] = "";
    if (name_ok(fix, ident))
        snprintf(sug, sizeof sug, ", such as \"%s\"", fix);
    if (ident)
        return rcp_fail(val,
                        "%s \"%s\" is not a valid name: use letters, digits "
                        "and _ only, starting with a letter or _, because "
                        "expressions refer to it%s",
                        w, val->text, sug);
    return rcp_fail(val,
                    "%s \"%s\" is not a valid name: use letters, digits, - "
                    "and _ only, because it becomes a file or folder name%s",
                    w, val->text, sug);
}

/* Converts a scalar-or-list of texts / numbers. */
static int convert_list(rcp_sctx *c, const rcp_field *f, const ry_node *val,
                        void *target, const char *w)
{
    int nums = f->kind == F_NUMLIST;
    size_t n = val->kind == RY_SEQ ? val->n : 1;
    if (val->kind == RY_MAP)
        return rcp_fail(val, "%s must be %s, but found a mapping", w,
                        f->hint ? err_tr(f->hint) : err_tr("a list"));
    char **ss = NULL;
    double *dd = NULL;
    rcp_pos *at = rcp_arena_alloc(c->a, n * sizeof *at);
    if (!at)
        return -1;
    if (nums)
        dd = rcp_arena_alloc(c->a, n * sizeof *dd);
    else
        ss = rcp_arena_alloc(c->a, (n + 1) * sizeof *ss);
    if (!dd && !ss)
        return -1;
    for (size_t k = 0; k < n; k++) {
        const ry_node *it = val->kind == RY_SEQ ? val->items[k] : val;
        char tb[120];
        if (it->kind != RY_SCALAR || ry_is_null(it))
            return rcp_fail(it, "each item of %s must be %s, but found %s", w,
                            nums ? "a number" : "a single text",
                            shown(it, tb, sizeof tb));
        at[k] = rcp_text_start(it);
        if (nums) {
            if (rcp_parse_double(it, &dd[k]) < 0)
                return rcp_fail(it,
                                "each item of %s must be a number (with a "
                                "decimal point, such as 12.5), but found %s",
                                w, shown(it, tb, sizeof tb));
        } else {
            ss[k] = rcp_arena_strndup(c->a, it->text, it->len);
            if (!ss[k])
                return -1;
        }
    }
    if (nums) {
        rcp_numlist *l = target;
        l->v = dd;
        l->at = at;
        l->n = n;
        l->pos = rcp_node_pos(val);
    } else {
        rcp_strlist *l = target;
        l->s = ss;
        l->at = at;
        l->n = n;
        l->pos = rcp_node_pos(val);
    }
    return 0;
}

int rcp_convert(rcp_sctx *c, const rcp_field *f, const ry_node *key,
                const ry_node *val, void *obj, const char *what)
{
    void *target = (char *)obj + f->off;
    char w[200], tb[120];
    rcp_where(w, sizeof w, f->key, what);
    const char *hint = err_tr(f->hint);
    switch (f->kind) {
    case F_STR:
    case F_EXPR:
    case F_NAME:
    case F_IDENT: {
        rcp_str *s = target;
        if (s->pos.file)
            return rcp_fail(key, "%s is given twice (also at line %ld); keep "
                                 "one of them",
                            w, s->pos.line);
        if (val->kind != RY_SCALAR)
            return rcp_fail(val, "%s must be a single text%s%s, but found %s",
                            w, hint ? ": " : "", hint ? hint : "",
                            ry_kind_name(val));
        if (f->kind == F_EXPR) {
            char t[8];
            trimmed(val, t, sizeof t);
            if (!t[0])
                return rcp_fail(val, "%s is empty; write %s", w,
                                hint ? hint : err_tr("an expression"));
        }
        if ((f->kind == F_NAME || f->kind == F_IDENT) &&
            rcp_check_name(val, f->kind == F_IDENT, w) < 0)
            return -1;
        return rcp_set_str(c, s, val);
    }
    case F_INT: {
        rcp_int *t = target;
        long v;
        if (rcp_parse_long(val, &v) < 0)
            return rcp_fail(val, "%s must be a whole number%s%s, but found %s",
                            w, hint ? ", " : "", hint ? hint : "",
                            shown(val, tb, sizeof tb));
        if (f->lo < f->hi && (v < f->lo || v > f->hi))
            return rcp_fail(val, "%s must be between %ld and %ld, but found "
                                 "%ld",
                            w, f->lo, f->hi, v);
        t->v = v;
        t->pos = rcp_node_pos(val);
        return 0;
    }
    case F_NUM: {
        rcp_num *t = target;
        double v;
        if (rcp_parse_double(val, &v) < 0) {
            char cb[64];
            const char *s = val->kind == RY_SCALAR ? trimmed(val, cb, sizeof cb)
                                                    : "";
            const char *comma = strchr(s, ',');
            if (comma && strspn(s, "0123456789,+-") == strlen(s))
                return rcp_fail(val, "%s must be a number written with a "
                                     "decimal point, such as %.*s.%s, but "
                                     "found %s",
                                w, (int)(comma - s), s, comma + 1,
                                shown(val, tb, sizeof tb));
            return rcp_fail(val, "%s must be a number%s%s, but found %s", w,
                            hint ? ", " : "", hint ? hint : "",
                            shown(val, tb, sizeof tb));
        }
        if (f->dlo < f->dhi && (v < f->dlo || v > f->dhi))
            return rcp_fail(val, "%s must be between %g and %g%s%s, but found "
                                 "%g",
                            w, f->dlo, f->dhi, hint ? ", " : "",
                            hint ? hint : "", v);
        t->v = v;
        t->pos = rcp_node_pos(val);
        return 0;
    }
    case F_BOOL: {
        rcp_bool *t = target;
        int v;
        if (rcp_parse_bool(val, &v) < 0)
            return rcp_fail(val, "%s must be true or false, but found %s", w,
                            shown(val, tb, sizeof tb));
        t->v = v;
        t->pos = rcp_node_pos(val);
        return 0;
    }
    case F_ENUM: {
        rcp_enum *t = target;
        if (rcp_enum_value(val, f->opts, f->key, what, &t->v) < 0)
            return -1;
        t->pos = rcp_node_pos(val);
        return 0;
    }
    case F_STRLIST:
    case F_NUMLIST:
        return convert_list(c, f, val, target, w);
    case F_CUSTOM:
        return f->fn(c, key, val, obj, what);
    }
    return 0;
}

/* Reports an unknown key with the nearest allowed key and the list. */
static int unknown_key(const ry_node *key, const rcp_field *fields,
                       const char *what)
{
    const char *cands[MAX_FIELDS];
    size_t n = 0;
    for (const rcp_field *f = fields; f->key && n < MAX_FIELDS; f++)
        cands[n++] = f->key;
    char msg[1400];
    if (what)
        snprintf(msg, sizeof msg, err_tr("unknown key \"%s\" in %s"), key->text,
                 what);
    else
        snprintf(msg, sizeof msg,
                 err_tr("unknown key \"%s\" at the top of the recipe"),
                 key->text);
    rcp_suggest(msg, sizeof msg, key->text, cands, n);
    size_t used = strlen(msg);
    if (used < sizeof msg) {
        int wr = snprintf(msg + used, sizeof msg - used, "%s",
                          strchr(msg, '?') ? err_tr(" Allowed keys: ")
                                           : err_tr("; allowed keys: "));
        used += wr > 0 ? (size_t)wr : 0;
    }
    for (size_t k = 0; k < n && used < sizeof msg; k++) {
        int wr = snprintf(msg + used, sizeof msg - used, "%s%s",
                          k ? ", " : "", cands[k]);
        used += wr > 0 ? (size_t)wr : 0;
    }
    return rcp_fail(key, "%s", msg);
}

/* Entries of a mapping of named entries; see rcp_schema.h. */
void *rcp_named_entries(rcp_sctx *c, const ry_node *val, size_t elem,
                        size_t *count, rcp_entryfn fn, const char *what)
{
    char *arr = rcp_arena_alloc(c->a, (val->n ? val->n : 1) * elem);
    if (!arr)
        return NULL;
    for (size_t k = 0; k < val->n; k++) {
        if (fn(c, val->items[2 * k], val->items[2 * k + 1], arr + k * elem,
               what) < 0)
            return NULL;
        *count = k + 1;
    }
    return arr;
}

int rcp_fill(rcp_sctx *c, const ry_node *map, const rcp_field *fields,
             void *obj, const char *what, const ry_node *owner)
{
    if (map->kind != RY_MAP) {
        char keys[400] = "";
        size_t used = 0, k = 0;
        for (const rcp_field *f = fields; f->key && k < 3; f++, k++) {
            int wr = snprintf(keys + used, sizeof keys - used, "%s%s:",
                              k ? ", " : "", f->key);
            used += wr > 0 ? (size_t)wr : 0;
        }
        return rcp_fail(map, "%s must be a mapping of keys (such as %s ...), "
                             "but found %s",
                        what ? what : "the recipe", keys, ry_kind_name(map));
    }
    unsigned char seen[MAX_FIELDS] = {0};
    for (size_t k = 0; k < map->n; k++) {
        const ry_node *key = map->items[2 * k], *val = map->items[2 * k + 1];
        size_t fi = 0;
        const rcp_field *f = NULL;
        for (const rcp_field *g = fields; g->key; g++, fi++)
            if (strcmp(g->key, key->text) == 0) {
                f = g;
                break;
            }
        if (!f && !what && strncmp(key->text, "x-", 2) == 0)
            continue; /* top-level x-... keys hold anchors for reuse */
        if (!f)
            return unknown_key(key, fields, what);
        if (ry_is_null(val)) {
            if (f->required) {
                char w[200];
                /* point at a command-line value, else at the key */
                return rcp_fail(val->line == 0 ? val : key,
                                "%s needs a value: %s",
                                rcp_where(w, sizeof w, f->key, what),
                                f->hint ? err_tr(f->hint) : err_tr("fill it in"));
            }
            continue;
        }
        if (rcp_convert(c, f, key, val, obj, what) < 0)
            return -1;
        if (fi < MAX_FIELDS)
            seen[fi] = 1;
    }
    size_t fi = 0;
    for (const rcp_field *f = fields; f->key; f++, fi++) {
        if (!f->required || (fi < MAX_FIELDS && seen[fi]))
            continue;
        const ry_node *at = owner ? owner : map;
        if (what)
            return rcp_fail(at, "%s has no %s: key; add %s: with %s", what,
                            f->key, f->key, f->hint ? err_tr(f->hint) : err_tr("a value"));
        return rcp_fail(at, "the recipe has no %s: key; add %s: with %s",
                        f->key, f->key, f->hint ? err_tr(f->hint) : err_tr("a value"));
    }
    return 0;
}
