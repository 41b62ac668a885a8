/* rcp_yaml.c - libyaml events to a positioned node tree; see rcp_yaml.h. */
#include "rcp_yaml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "err.h"
#include "fsutil.h"
#include "mem.h"

#define RY_MAX_FILE (16L * 1024 * 1024)
#define RY_MAX_DEPTH 200
#define RY_MAX_WEIGHT 1000000

typedef struct {
    const char *name;
    ry_node *node;
} anchor;

typedef struct {
    yaml_parser_t parser;
    yaml_event_t ev;
    int have_ev;          /* ev holds an event that must be deleted */
    rcp_arena *a;
    const char *file;     /* label for errors and nodes */
    int no_pos;           /* command-line text: no line:column */
    err_category cat;     /* ERR_PARSE for files, ERR_USAGE for --set */
    const char *buf;      /* the raw text */
    size_t len;
    size_t *line_start;   /* byte offset of each 0-based line */
    size_t n_lines;
    anchor *anchors;
    size_t n_anchors, cap_anchors;
    int depth;
} pctx;

/* Sets an error at a 0-based libyaml mark (or without a position). */
static void fail_at(pctx *c, long line0, long col0, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail_at(pctx *c, long line0, long col0, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
    va_end(ap);
    if (c->no_pos || line0 < 0)
        err_set(c->cat, c->file, 0, NULL, "%s", msg);
    else
        err_set_pos(c->cat, c->file, line0 + 1, col0 + 1, "%s", msg);
}

/* Byte at 0-based line/column (column counted in characters), or 0. */
static unsigned char char_at(const pctx *c, size_t line0, size_t col0)
{
    if (!c->line_start || line0 >= c->n_lines)
        return 0;
    size_t p = c->line_start[line0];
    size_t k = 0;
    while (p < c->len && c->buf[p] != '\n') {
        unsigned char b = (unsigned char)c->buf[p];
        if ((b & 0xC0) != 0x80) {
            if (k == col0)
                return b;
            k++;
        }
        p++;
    }
    return 0;
}

/* A sentence that tells how to fix a libyaml problem. */
static const char *syntax_hint(const pctx *c, const char *problem,
                               const char *context, const yaml_mark_t *m)
{
    unsigned char ch = char_at(c, m->line, m->column);
    if (!problem)
        return "Check the YAML syntax near this position.";
    if (strstr(problem, "cannot start any token")) {
        if (ch == '\t')
            return "YAML does not allow tabs for indentation; indent with "
                   "spaces.";
        if (ch == '@' || ch == '`')
            return "Put a value that starts with @ or ` in quotes.";
        return "Put this value in quotes.";
    }
    if (strstr(problem, "mapping values are not allowed"))
        return "Either a value contains ': ' (put such a value in quotes) "
               "or a key is indented further than the keys before it.";
    if (strstr(problem, "did not find expected key"))
        return "Check the indentation: the keys of one mapping must start in "
               "the same column, and a value that contains quotes or starts "
               "with a quote must be quoted as a whole.";
    if (strstr(problem, "expected '-'") ||
        strstr(problem, "did not find expected node content"))
        return "Check the indentation of the list items ('- ') here.";
    if (strstr(problem, "expected ',' or ']'"))
        return "A [list] is not closed with ] or an item in it needs quotes.";
    if (strstr(problem, "expected ',' or '}'"))
        return "A {mapping} is not closed with } or a value in it needs "
               "quotes.";
    if (context && strstr(context, "quoted scalar"))
        return "A quoted value is not closed; add the closing quote.";
    if (strstr(problem, "tab"))
        return "YAML does not allow tabs for indentation; indent with spaces.";
    return "Check the YAML syntax near this position.";
}

/* Turns the parser's error into the error context. */
static void syntax_error(pctx *c)
{
    yaml_parser_t *p = &c->parser;
    if (p->error == YAML_MEMORY_ERROR) {
        err_oom("YAML parser");
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        /* the offset is in bytes: find its line and column */
        size_t off = p->problem_offset, line = 0, col = 0;
        for (size_t i = 0; i < off && i < c->len; i++) {
            if (c->buf[i] == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        fail_at(c, c->no_pos ? -1 : (long)line, (long)col,
                "the text is not valid UTF-8 (%s at byte %zu); save the "
                "recipe as UTF-8",
                p->problem ? p->problem : "unreadable", off);
        return;
    }
    const yaml_mark_t *m = &p->problem_mark;
    if (p->context && strstr(p->context, "quoted scalar") && p->problem &&
        strstr(p->problem, "end of stream"))
        m = &p->context_mark; /* point at the opening quote, not the end */
    const char *hint = syntax_hint(c, p->problem, p->context, m);
    if (p->context && !c->no_pos)
        fail_at(c, (long)m->line, (long)m->column,
                "YAML syntax error: %s (%s that starts at line %lu, column "
                "%lu). %s",
                p->problem ? p->problem : "unknown problem", p->context,
                (unsigned long)p->context_mark.line + 1,
                (unsigned long)p->context_mark.column + 1, hint);
    else
        fail_at(c, (long)m->line, (long)m->column, "YAML syntax error: %s. %s",
                p->problem ? p->problem : "unknown problem", hint);
}

/* Deletes the current event and parses the next. 0 or -1 (error set). */
static int advance(pctx *c)
{
    if (c->have_ev) {
        yaml_event_delete(&c->ev);
        c->have_ev = 0;
    }
    if (!yaml_parser_parse(&c->parser, &c->ev)) {
        syntax_error(c);
        return -1;
    }
    c->have_ev = 1;
    return 0;
}

/* Number of UTF-8 characters in s[0..n). */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* Fills the position fields of a node from the event's marks. */
static void set_pos(pctx *c, ry_node *n, const yaml_mark_t *start)
{
    n->file = c->file;
    if (c->no_pos)
        return;
    n->line = (long)start->line + 1;
    n->col = (long)start->column + 1;
}

/* Where the text of a block scalar starts: the first line after the
 * indicator line that holds more than spaces; its indentation. */
static void block_text_start(pctx *c, ry_node *n, const yaml_mark_t *start,
                             const yaml_mark_t *end)
{
    n->tline = n->line;
    n->tcol = n->col;
    n->map = RY_MAP_START;
    if (!c->line_start)
        return;
    /* an explicit indentation digit makes the indent unknowable here */
    unsigned char d1 = char_at(c, start->line, start->column + 1);
    unsigned char d2 = char_at(c, start->line, start->column + 2);
    if ((d1 >= '1' && d1 <= '9') || (d2 >= '1' && d2 <= '9'))
        return;
    for (size_t l = start->line + 1; l <= end->line && l < c->n_lines; l++) {
        size_t p = c->line_start[l], ind = 0;
        while (p < c->len && c->buf[p] == ' ') {
            p++;
            ind++;
        }
        if (p < c->len && c->buf[p] != '\n' && c->buf[p] != '\r') {
            n->tcol = (long)ind + 1;
            if (n->style == RY_LITERAL) {
                /* leading blank lines are kept as '\n' in the text, so
                   counting newlines from the line after the indicator
                   gives the line of every character */
                n->tline = (long)start->line + 2;
                n->map = RY_MAP_BLOCK;
            } else {
                n->tline = (long)l + 1;
            }
            return;
        }
    }
}

/* Builds a scalar node from the current event. */
static ry_node *make_scalar(pctx *c)
{
    const yaml_event_t *e = &c->ev;
    ry_node *n = rcp_arena_alloc(c->a, sizeof *n);
    if (!n)
        return NULL;
    n->kind = RY_SCALAR;
    n->weight = 1;
    set_pos(c, n, &e->start_mark);
    n->len = e->data.scalar.length;
    n->text = rcp_arena_strndup(c->a, (const char *)e->data.scalar.value,
                                n->len);
    if (!n->text)
        return NULL;
    switch (e->data.scalar.style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: n->style = RY_SQUOTED; break;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: n->style = RY_DQUOTED; break;
    case YAML_LITERAL_SCALAR_STYLE: n->style = RY_LITERAL; break;
    case YAML_FOLDED_SCALAR_STYLE: n->style = RY_FOLDED; break;
    default: n->style = RY_PLAIN; break;
    }
    const char *tag = (const char *)e->data.scalar.tag;
    n->str_tag = tag && (strcmp(tag, YAML_STR_TAG) == 0 ||
                         strcmp(tag, "!") == 0);
    if (c->no_pos)
        return n;
    const yaml_mark_t *s = &e->start_mark, *t = &e->end_mark;
    size_t chars = utf8_chars(n->text, n->len);
    n->tline = n->line;
    n->tcol = n->col;
    n->map = RY_MAP_START;
    if (n->style == RY_PLAIN) {
        if (s->line == t->line && t->column - s->column == chars)
            n->map = RY_MAP_EXACT;
    } else if (n->style == RY_SQUOTED || n->style == RY_DQUOTED) {
        n->tcol = n->col + 1;
        if (s->line == t->line && t->column - s->column == chars + 2)
            n->map = RY_MAP_EXACT;
    } else {
        block_text_start(c, n, s, t);
    }
    return n;
}

/* Registers an anchor name for a finished node. */
static int add_anchor(pctx *c, const unsigned char *name, ry_node *n)
{
    if (!name)
        return 0;
    if (rcp_arena_grow(c->a, (void **)&c->anchors, &c->cap_anchors,
                       c->n_anchors + 1, sizeof *c->anchors) < 0)
        return -1;
    anchor *an = &c->anchors[c->n_anchors];
    an->name = rcp_arena_strdup(c->a, (const char *)name);
    if (!an->name)
        return -1;
    an->node = n;
    c->n_anchors++;
    return 0;
}

/* Adds child weights to a collection, failing past the cap. */
static int add_weight(pctx *c, ry_node *parent, const ry_node *child,
                      const yaml_mark_t *m)
{
    parent->weight += child->weight;
    if (parent->weight > RY_MAX_WEIGHT) {
        fail_at(c, (long)m->line, (long)m->column,
                "the recipe expands to more than %d values through aliases "
                "(*name); use fewer nested aliases",
                RY_MAX_WEIGHT);
        return -1;
    }
    return 0;
}

typedef struct {
    const char *key;
    size_t idx;
} keyref;

/* Orders keys by text, then by position. */
static int keyref_cmp(const void *pa, const void *pb)
{
    const keyref *a = pa, *b = pb;
    int d = strcmp(a->key, b->key);
    if (d)
        return d;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int parse_node(pctx *c, ry_node **out);

/* Checks a freshly parsed mapping for duplicate keys, then applies its
 * merge keys (<<: *base or <<: [*a, *b]): explicit keys win, then earlier
 * merge sources. 0 or -1 with the error set. */
static int finish_map(pctx *c, ry_node *m)
{
    size_t n = m->n;
    int has_merge = 0;
    keyref *refs = rcp_arena_alloc(c->a, (n ? n : 1) * sizeof *refs);
    if (!refs)
        return -1;
    size_t nr = 0;
    for (size_t k = 0; k < n; k++) {
        ry_node *key = m->items[2 * k];
        if (key->style == RY_PLAIN && !key->str_tag &&
            strcmp(key->text, "<<") == 0) {
            has_merge = 1;
            continue;
        }
        refs[nr].key = key->text;
        refs[nr].idx = k;
        nr++;
    }
    qsort(refs, nr, sizeof *refs, keyref_cmp);
    size_t dup = (size_t)-1, first = 0;
    for (size_t k = 1; k < nr; k++)
        if (strcmp(refs[k].key, refs[k - 1].key) == 0 &&
            (dup == (size_t)-1 || refs[k].idx < dup)) {
            dup = refs[k].idx;
            first = refs[k - 1].idx;
        }
    if (dup != (size_t)-1) {
        const ry_node *kd = m->items[2 * dup], *kf = m->items[2 * first];
        if (c->no_pos)
            err_set(c->cat, c->file, 0, NULL,
                    "duplicate key \"%s\"; keep only one of them", kd->text);
        else
            err_set_pos(c->cat, c->file, kd->line, kd->col,
                        "duplicate key \"%s\" (already given at line %ld); "
                        "keep only one of them",
                        kd->text, kf->line);
        return -1;
    }
    if (!has_merge)
        return 0;
    /* explicit pairs first, then merged pairs whose key is not yet there */
    ry_node **items = NULL;
    size_t cap = 0, cnt = 0;
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < n; k++) {
            ry_node *key = m->items[2 * k], *val = m->items[2 * k + 1];
            int merge = key->style == RY_PLAIN && !key->str_tag &&
                        strcmp(key->text, "<<") == 0;
            if (pass == 0 && !merge) {
                if (rcp_arena_grow(c->a, (void **)&items, &cap, 2 * cnt + 2,
                                   sizeof *items) < 0)
                    return -1;
                items[2 * cnt] = key;
                items[2 * cnt + 1] = val;
                cnt++;
                continue;
            }
            if (pass == 0 || !merge)
                continue;
            size_t nsrc = val->kind == RY_SEQ ? val->n : 1;
            for (size_t s = 0; s < nsrc; s++) {
                const ry_node *src = val->kind == RY_SEQ ? val->items[s] : val;
                if (src->kind != RY_MAP) {
                    err_set_pos(c->cat, c->file, src->line, src->col,
                                "a merge key (<<) needs a mapping or a list "
                                "of mappings, such as <<: *defaults, but "
                                "found %s",
                                ry_kind_name(src));
                    return -1;
                }
                for (size_t j = 0; j < src->n; j++) {
                    const ry_node *sk = src->items[2 * j];
                    int seen = 0;
                    for (size_t q = 0; q < cnt && !seen; q++)
                        seen = strcmp(items[2 * q]->text, sk->text) == 0;
                    if (seen)
                        continue;
                    if (rcp_arena_grow(c->a, (void **)&items, &cap,
                                       2 * cnt + 2, sizeof *items) < 0)
                        return -1;
                    items[2 * cnt] = src->items[2 * j];
                    items[2 * cnt + 1] = src->items[2 * j + 1];
                    cnt++;
                }
            }
        }
    }
    m->items = items;
    m->n = cnt;
    return 0;
}

/* Parses a sequence or mapping whose start event is current. */
static int parse_collection(pctx *c, ry_node **out)
{
    int is_map = c->ev.type == YAML_MAPPING_START_EVENT;
    ry_node *n = rcp_arena_alloc(c->a, sizeof *n);
    if (!n)
        return -1;
    n->kind = is_map ? RY_MAP : RY_SEQ;
    n->weight = 1;
    set_pos(c, n, &c->ev.start_mark);
    const unsigned char *aname =
        is_map ? c->ev.data.mapping_start.anchor : c->ev.data.sequence_start.anchor;
    char *anchor_name = aname ? rcp_arena_strdup(c->a, (const char *)aname)
                              : NULL;
    if (aname && !anchor_name)
        return -1;
    if (++c->depth > RY_MAX_DEPTH) {
        fail_at(c, (long)c->ev.start_mark.line, (long)c->ev.start_mark.column,
                "the recipe is nested more than %d levels deep",
                RY_MAX_DEPTH);
        return -1;
    }
    yaml_event_type_t end_type =
        is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    size_t cap = 0, slots = 0;
    for (;;) {
        if (advance(c) < 0)
            return -1;
        if (c->ev.type == end_type)
            break;
        yaml_mark_t m = c->ev.start_mark;
        ry_node *child = NULL;
        if (parse_node(c, &child) < 0)
            return -1;
        if (is_map && (slots % 2) == 0 && child->kind != RY_SCALAR) {
            fail_at(c, (long)m.line, (long)m.column,
                    "a key must be a plain name, not %s",
                    ry_kind_name(child));
            return -1;
        }
        if (add_weight(c, n, child, &m) < 0)
            return -1;
        if (rcp_arena_grow(c->a, (void **)&n->items, &cap, slots + 1,
                           sizeof *n->items) < 0)
            return -1;
        n->items[slots++] = child;
    }
    c->depth--;
    n->n = is_map ? slots / 2 : slots;
    if (is_map && finish_map(c, n) < 0)
        return -1;
    if (anchor_name && add_anchor(c, (const unsigned char *)anchor_name, n) < 0)
        return -1;
    *out = n;
    return 0;
}

/* Parses the node whose first event is current; leaves its last event
 * current. */
static int parse_node(pctx *c, ry_node **out)
{
    switch (c->ev.type) {
    case YAML_SCALAR_EVENT: {
        ry_node *n = make_scalar(c);
        if (!n)
            return -1;
        if (add_anchor(c, c->ev.data.scalar.anchor, n) < 0)
            return -1;
        *out = n;
        return 0;
    }
    case YAML_ALIAS_EVENT: {
        const char *name = (const char *)c->ev.data.alias.anchor;
        for (size_t k = c->n_anchors; k-- > 0;)
            if (strcmp(c->anchors[k].name, name) == 0) {
                *out = c->anchors[k].node;
                return 0;
            }
        fail_at(c, (long)c->ev.start_mark.line, (long)c->ev.start_mark.column,
                "the alias *%s refers to no anchor; define &%s on a value "
                "above this line first",
                name, name);
        return -1;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        return parse_collection(c, out);
    default:
        fail_at(c, (long)c->ev.start_mark.line, (long)c->ev.start_mark.column,
                "unexpected YAML structure here");
        return -1;
    }
}

/* Parses the whole stream in c (input already set). */
static int parse_stream(pctx *c, ry_node **root)
{
    *root = NULL;
    if (advance(c) < 0) /* stream start */
        return -1;
    if (advance(c) < 0)
        return -1;
    if (c->ev.type == YAML_STREAM_END_EVENT)
        return 0;
    /* document start */
    if (advance(c) < 0)
        return -1;
    if (parse_node(c, root) < 0)
        return -1;
    if (advance(c) < 0) /* document end */
        return -1;
    if (advance(c) < 0)
        return -1;
    if (c->ev.type == YAML_DOCUMENT_START_EVENT) {
        fail_at(c, (long)c->ev.start_mark.line, (long)c->ev.start_mark.column,
                "a second YAML document starts here; a recipe is one "
                "document, so remove this '---' line and what follows or "
                "put it in its own recipe file");
        return -1;
    }
    return 0;
}

/* Sets up the parser on c->buf, runs it and cleans the parser up. */
static int run_parser(pctx *c, ry_node **root)
{
    if (!yaml_parser_initialize(&c->parser))
        return err_oom("YAML parser");
    yaml_parser_set_input_string(&c->parser, (const unsigned char *)c->buf,
                                 c->len);
    int rc = parse_stream(c, root);
    if (c->have_ev)
        yaml_event_delete(&c->ev);
    c->have_ev = 0;
    yaml_parser_delete(&c->parser);
    return rc;
}

/* An open recipe file for recipe_reader. */
typedef struct {
    FILE *f;
    const char *path;
    size_t total; /* bytes read so far */
} recipe_src;

/* fs_reader over a recipe file: fread, refusing a recipe larger than
 * RY_MAX_FILE. -1 with ERR_IO set on a read error or a too large file. */
static long recipe_reader(void *src, void *buf, size_t n)
{
    recipe_src *s = src;
    size_t got = fread(buf, 1, n, s->f);
    if (got == 0 && ferror(s->f)) {
        err_set(ERR_IO, s->path, 0, NULL, "cannot read the recipe: %s",
                strerror(errno));
        return -1;
    }
    s->total += got;
    if (s->total > (size_t)RY_MAX_FILE) {
        err_set(ERR_IO, s->path, 0, NULL,
                "the recipe is larger than %ld MB; a recipe is a short text "
                "file",
                RY_MAX_FILE / (1024 * 1024));
        return -1;
    }
    return (long)got;
}

/* Reads a whole recipe file into mem_alloc'ed memory (NUL-terminated, *len
 * bytes; the caller frees it). NULL with the error set. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(ERR_IO, path, 0, NULL, "cannot open the recipe: %s",
                strerror(errno));
        return NULL;
    }
    recipe_src src = {f, path, 0};
    char *buf = fs_read_all(recipe_reader, &src, 8192, "recipe text", len);
    fclose(f);
    return buf;
}

int ry_parse_file(rcp_arena *a, const char *path, ry_node **root)
{
    *root = NULL;
    size_t len = 0;
    char *buf = read_file(path, &len);
    if (!buf)
        return -1;
    pctx c = {.a = a, .file = path, .cat = ERR_PARSE, .buf = buf, .len = len};
    int utf16 = len >= 2 && ((unsigned char)buf[0] == 0xFE ||
                             (unsigned char)buf[0] == 0xFF ||
                             buf[0] == '\0' || buf[1] == '\0');
    int rc = 0;
    if (!utf16) {
        size_t lines = 1;
        for (size_t i = 0; i < len; i++)
            lines += buf[i] == '\n';
        c.line_start = rcp_arena_alloc(a, lines * sizeof *c.line_start);
        if (!c.line_start)
            rc = -1;
        c.n_lines = lines;
        for (size_t i = 0, l = 1; rc == 0 && i < len; i++)
            if (buf[i] == '\n')
                c.line_start[l++] = i + 1;
    }
    if (rc == 0)
        rc = run_parser(&c, root);
    mem_free(buf);
    return rc;
}

int ry_parse_string(rcp_arena *a, const char *text, const char *label,
                    ry_node **root)
{
    pctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.file = label;
    c.no_pos = 1;
    c.cat = ERR_USAGE;
    c.buf = text;
    c.len = strlen(text);
    return run_parser(&c, root);
}

ry_node *ry_new_scalar(rcp_arena *a, const char *text, const char *label)
{
    ry_node *n = rcp_arena_alloc(a, sizeof *n);
    if (!n)
        return NULL;
    n->kind = RY_SCALAR;
    n->file = label;
    n->weight = 1;
    n->len = strlen(text);
    n->text = rcp_arena_strndup(a, text, n->len);
    return n->text ? n : NULL;
}

int ry_is_null(const ry_node *node)
{
    if (!node)
        return 1;
    if (node->kind != RY_SCALAR || node->style != RY_PLAIN || node->str_tag)
        return 0;
    const char *t = node->text;
    return t[0] == '\0' || strcmp(t, "~") == 0 || strcmp(t, "null") == 0 ||
           strcmp(t, "Null") == 0 || strcmp(t, "NULL") == 0;
}

ry_node *ry_map_get(const ry_node *m, const char *key)
{
    if (!m || m->kind != RY_MAP)
        return NULL;
    for (size_t k = 0; k < m->n; k++)
        if (strcmp(m->items[2 * k]->text, key) == 0)
            return m->items[2 * k + 1];
    return NULL;
}

void ry_text_pos(const ry_node *s, size_t offset, long *line, long *col)
{
    *line = s->tline;
    *col = s->tcol;
    if (s->line == 0 || s->kind != RY_SCALAR)
        return;
    if (offset > s->len)
        offset = s->len;
    if (s->map == RY_MAP_EXACT) {
        *col = s->tcol + (long)utf8_chars(s->text, offset);
    } else if (s->map == RY_MAP_BLOCK) {
        size_t last = 0;
        long nl = 0;
        for (size_t i = 0; i < offset; i++)
            if (s->text[i] == '\n') {
                nl++;
                last = i + 1;
            }
        *line = s->tline + nl;
        *col = s->tcol + (long)utf8_chars(s->text + last, offset - last);
    }
}

const char *ry_kind_name(const ry_node *node)
{
    if (!node)
        return err_tr("nothing");
    switch (node->kind) {
    case RY_SEQ: return err_tr("a list");
    case RY_MAP: return err_tr("a mapping");
    default:
        return ry_is_null(node) ? err_tr("an empty value")
                                : err_tr("a single value");
    }
}
