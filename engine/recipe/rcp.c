/* rcp.c - loading a recipe, command-line overrides and small accessors;
 * see rcp.h. The YAML tree is kept so that an override can rebuild the
 * whole recipe and check it again. */
#include "rcp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "rcp_internal.h"

/* Builds r's public fields from root into a fresh arena; on success swaps
 * it in (freeing the old data), on failure leaves r unchanged. */
static int rebuild(rcp *r, ry_node *root)
{
    rcp_arena *a = rcp_arena_new();
    if (!a)
        return -1;
    rcp tmp;
    memset(&tmp, 0, sizeof tmp);
    rcp_sctx c = {a, r->path, r->dir};
    if (rcp_build(&c, root, &tmp) < 0) {
        rcp_arena_free(a);
        return -1;
    }
    tmp.path = r->path;
    tmp.dir = r->dir;
    tmp.priv = r->priv;
    rcp_arena_free(r->priv->data);
    r->priv->data = a;
    r->priv->root = root;
    *r = tmp;
    return 0;
}

rcp *rcp_load(const char *path)
{
    rcp *r = mem_calloc(1, sizeof *r);
    rcp_priv *p = mem_calloc(1, sizeof *p);
    if (!r || !p) {
        mem_free(r);
        mem_free(p);
        err_oom("recipe");
        return NULL;
    }
    r->priv = p;
    p->tree = rcp_arena_new();
    if (!p->tree)
        goto fail;
    r->path = rcp_arena_strdup(p->tree, path);
    if (!r->path)
        goto fail;
    const char *slash = strrchr(path, '/');
    if (!slash)
        r->dir = rcp_arena_strdup(p->tree, ".");
    else
        r->dir = rcp_arena_strndup(p->tree, path,
                                   slash == path ? 1 : (size_t)(slash - path));
    if (!r->dir)
        goto fail;
    ry_node *root = NULL;
    if (ry_parse_file(p->tree, r->path, &root) < 0)
        goto fail;
    if (rebuild(r, root) < 0)
        goto fail;
    return r;
fail:
    rcp_free(r);
    return NULL;
}

void rcp_free(rcp *r)
{
    if (!r)
        return;
    if (r->priv) {
        rcp_arena_free(r->priv->data);
        rcp_arena_free(r->priv->tree);
        mem_free(r->priv);
    }
    mem_free(r);
}

/* ---- overrides --------------------------------------------------------- */

typedef struct {
    rcp_arena *a;
    const char *label; /* "--set path=value" */
    char **segs;
    size_t nseg;
} ovctx;

/* Shallow copy of a collection node with room for one more pair/item. */
static ry_node *clone(rcp_arena *a, const ry_node *n)
{
    ry_node *c = rcp_arena_alloc(a, sizeof *c);
    if (!c)
        return NULL;
    *c = *n;
    size_t slots = n->kind == RY_MAP ? 2 * n->n : n->n;
    c->items = rcp_arena_alloc(a, (slots + 2) * sizeof *c->items);
    if (!c->items)
        return NULL;
    if (slots)
        memcpy(c->items, n->items, slots * sizeof *c->items);
    return c;
}

/* A new mapping {key: value} labelled with the override. */
static ry_node *one_pair(ovctx *o, const char *key, ry_node *value)
{
    ry_node m;
    memset(&m, 0, sizeof m);
    m.kind = RY_MAP;
    m.file = o->label;
    ry_node *c = clone(o->a, &m);
    ry_node *k = ry_new_scalar(o->a, key, o->label);
    if (!c || !k)
        return NULL;
    c->items[0] = k;
    c->items[1] = value;
    c->n = 1;
    return c;
}

/* Dotted path of the first k segments, for messages. */
static const char *path_upto(const ovctx *o, size_t k, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < k && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i ? "." : "",
                         o->segs[i]);
        used += w > 0 ? (size_t)w : 0;
    }
    return buf;
}

/* Returns a copy of node with segs[k..] set to value (node NULL: absent). */
static ry_node *with_path(ovctx *o, const ry_node *node, size_t k,
                          ry_node *value)
{
    if (k == o->nseg)
        return value;
    const char *seg = o->segs[k];
    char pb[512];
    if (node && node->kind == RY_SCALAR && !ry_is_null(node) && k == 2) {
        /* shorthand entries become mappings: an indicator's expression,
           a map's or comparison's indicator */
        const char *sec = o->segs[0];
        const char *as = strcmp(sec, "indicators") == 0 ? "expr"
                         : strcmp(sec, "maps") == 0 ||
                                 strcmp(sec, "comparisons") == 0
                             ? "indicator"
                             : NULL;
        if (as) {
            ry_node *m = one_pair(o, as, (ry_node *)node);
            if (!m)
                return NULL;
            m->line = node->line;
            m->col = node->col;
            m->file = node->file;
            node = m;
        }
    }
    if (!node || ry_is_null(node)) {
        ry_node *child = with_path(o, NULL, k + 1, value);
        return child ? one_pair(o, seg, child) : NULL;
    }
    if (node->kind == RY_SCALAR) {
        err_set(ERR_USAGE, NULL, 0, NULL,
                "%s: %s is a single value in the recipe, so it has no part "
                "\"%s\"",
                o->label, path_upto(o, k, pb, sizeof pb), seg);
        return NULL;
    }
    ry_node *c = clone(o->a, node);
    if (!c)
        return NULL;
    if (node->kind == RY_MAP) {
        for (size_t i = 0; i < node->n; i++)
            if (strcmp(node->items[2 * i]->text, seg) == 0) {
                ry_node *child = with_path(o, node->items[2 * i + 1], k + 1,
                                           value);
                if (!child)
                    return NULL;
                c->items[2 * i + 1] = child;
                return c;
            }
        ry_node *key = ry_new_scalar(o->a, seg, o->label);
        ry_node *child = key ? with_path(o, NULL, k + 1, value) : NULL;
        if (!child)
            return NULL;
        c->items[2 * c->n] = key;
        c->items[2 * c->n + 1] = child;
        c->n++;
        return c;
    }
    /* a list: an index (n appends) or an entry's name or indicator */
    size_t idx = (size_t)-1;
    char *end = NULL;
    unsigned long v = strtoul(seg, &end, 10);
    if (end != seg && *end == '\0' && seg[0] != '-' && seg[0] != '+') {
        if (v > node->n) {
            err_set(ERR_USAGE, NULL, 0, NULL,
                    "%s: %s has %zu entries, numbered 0 to %zu (or %zu to "
                    "add one)",
                    o->label, path_upto(o, k, pb, sizeof pb), node->n,
                    node->n ? node->n - 1 : 0, node->n);
            return NULL;
        }
        idx = v;
    } else {
        static const char *const ids[] = {"name", "indicator"};
        for (size_t t = 0; t < 2 && idx == (size_t)-1; t++)
            for (size_t i = 0; i < node->n; i++) {
                const ry_node *it = node->items[i];
                const ry_node *nm = it->kind == RY_MAP ? ry_map_get(it, ids[t])
                                    : t == 1 ? it
                                             : NULL;
                if (nm && nm->kind == RY_SCALAR && strcmp(nm->text, seg) == 0) {
                    idx = i;
                    break;
                }
            }
        if (idx == (size_t)-1) {
            err_set(ERR_USAGE, NULL, 0, NULL,
                    "%s: %s has no entry named \"%s\"; use the entry's name "
                    "or its number (from 0)",
                    o->label, path_upto(o, k, pb, sizeof pb), seg);
            return NULL;
        }
    }
    ry_node *child = with_path(o, idx < node->n ? node->items[idx] : NULL,
                               k + 1, value);
    if (!child)
        return NULL;
    c->items[idx] = child;
    if (idx == node->n)
        c->n++;
    return c;
}

/* Applies path=value; label ("--set ..." or "--area ...", owned by the
 * tree arena) names the command-line argument in messages. */
static int apply_override(rcp *r, const char *arg, const char *label)
{
    rcp_arena *a = r->priv->tree;
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg) {
        err_set(ERR_USAGE, NULL, 0, NULL,
                "--set needs name=value, such as --set unit=wijk or --set "
                "maps.0.classes=7, but found \"%s\"",
                arg);
        return -1;
    }
    ovctx o = {a, label, NULL, 0};
    char *path = rcp_arena_strndup(a, arg, (size_t)(eq - arg));
    if (!o.label || !path)
        return -1;
    size_t nseg = 1;
    for (const char *p = path; *p; p++)
        nseg += *p == '.';
    o.segs = rcp_arena_alloc(a, nseg * sizeof *o.segs);
    if (!o.segs)
        return -1;
    for (char *p = path, *dot;; p = dot + 1) {
        dot = strchr(p, '.');
        if (dot)
            *dot = '\0';
        if (!*p) {
            err_set(ERR_USAGE, NULL, 0, NULL,
                    "%s: the name has an empty part; write it as "
                    "section.entry.key, such as maps.0.classes",
                    o.label);
            return -1;
        }
        o.segs[o.nseg++] = p;
        if (!dot)
            break;
    }
    const char *text = eq + 1;
    ry_node *value = NULL;
    if (text[0] == '[' || text[0] == '{') {
        if (ry_parse_string(a, text, o.label, &value) < 0)
            return -1;
    } else {
        value = ry_new_scalar(a, text, o.label);
    }
    if (!value && !(value = ry_new_scalar(a, "", o.label)))
        return -1;
    ry_node *root = r->priv->root;
    if (!root || root->kind != RY_MAP) {
        err_set(ERR_USAGE, NULL, 0, NULL, "%s: the recipe is empty", o.label);
        return -1;
    }
    ry_node *nroot = with_path(&o, root, 0, value);
    if (!nroot)
        return -1;
    if (rebuild(r, nroot) < 0) {
        const err_info *e = err_get();
        if (e && strcmp(e->file, o.label) != 0)
            err_prefix("with %s", o.label);
        return -1;
    }
    return 0;
}

int rcp_set_override(rcp *r, const char *name_eq_value)
{
    char *label = rcp_arena_printf(r->priv->tree, "--set %s", name_eq_value);
    return label ? apply_override(r, name_eq_value, label) : -1;
}

int rcp_set_area(rcp *r, const char *comma_codes)
{
    char *arg = rcp_arena_printf(r->priv->tree, "area=%s", comma_codes);
    if (!arg)
        return -1;
    char *label = rcp_arena_printf(r->priv->tree, "--area %s", comma_codes);
    return label ? apply_override(r, arg, label) : -1;
}

/* ---- accessors ----------------------------------------------------------- */

int rcp_given(rcp_pos pos)
{
    return pos.file != NULL;
}

rcp_pos rcp_str_pos(const rcp_str *s, size_t offset)
{
    const ry_node *n = s->node_;
    if (!n || n->kind != RY_SCALAR || n->line == 0)
        return s->pos;
    rcp_pos p = {n->file, 0, 0};
    ry_text_pos(n, offset, &p.line, &p.col);
    return p;
}

int rcp_error_at(rcp_pos pos, err_category cat, const char *fmt, ...)
{
    char msg[1400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
    va_end(ap);
    if (pos.file && pos.line > 0)
        err_set_pos(cat, pos.file, pos.line, pos.col, "%s", msg);
    else
        err_set(cat, pos.file, 0, NULL, "%s", msg);
    return -1;
}

const rcp_source *rcp_find_source(const rcp *r, const char *name)
{
    for (size_t k = 0; name && k < r->n_sources; k++)
        if (strcmp(r->sources[k].name.s, name) == 0)
            return &r->sources[k];
    return NULL;
}

const rcp_indicator *rcp_find_indicator(const rcp *r, const char *name)
{
    for (size_t k = 0; name && k < r->n_indicators; k++)
        if (strcmp(r->indicators[k].name.s, name) == 0)
            return &r->indicators[k];
    return NULL;
}

key_level rcp_level_key(int level)
{
    switch (level) {
    case RCP_BUURT: return KEY_BUURT;
    case RCP_WIJK: return KEY_WIJK;
    case RCP_GEMEENTE: return KEY_GEMEENTE;
    default: return KEY_INVALID;
    }
}

const char *rcp_level_name(int level)
{
    switch (level) {
    case RCP_BUURT: return "buurt";
    case RCP_WIJK: return "wijk";
    case RCP_GEMEENTE: return "gemeente";
    default: return "auto";
    }
}

void rcp_source_options(const rcp *r, const rcp_source *s, src_options *opt)
{
    if (s->delimiter.v)
        opt->delimiter = (char)s->delimiter.v;
    if (s->decimal.v)
        opt->decimal = (char)s->decimal.v;
    if (s->encoding.v == RCP_ENC_UTF8)
        opt->encoding = "utf-8";
    else if (s->encoding.v == RCP_ENC_LATIN1)
        opt->encoding = "latin-1";
    if (rcp_given(s->skip_rows.pos))
        opt->skip_rows = (int)s->skip_rows.v;
    if (rcp_given(s->header_rows.pos))
        opt->header_rows = (int)s->header_rows.v;
    if (s->columns.n) {
        opt->column_names = (const char *const *)s->columns.s;
        opt->n_column_names = s->columns.n;
    }
    if (s->text_columns.n) {
        opt->text_columns = (const char *const *)s->text_columns.s;
        opt->n_text_columns = s->text_columns.n;
    }
    if (r->crs.s)
        opt->target_crs = r->crs.s;
    if (s->geometry_wkt.s)
        opt->wkt_column = s->geometry_wkt.s;
}
