/* rcp_build.c - YAML tree to recipe structs: top level, area, sources,
 * indicators and the cross-checks between them; see rcp_internal.h. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datep.h"
#include "err.h"
#include "key.h"
#include "rcp_internal.h"
#include "rcp_reach.h"
#include "strdist.h"

static const rcp_opt level_opts[] = {
    {"buurt", RCP_BUURT, 0}, {"wijk", RCP_WIJK, 0},
    {"gemeente", RCP_GEMEENTE, 0}, {NULL, 0, 0}};
static const rcp_opt lang_opts[] = {
    {"nl", RCP_NL, 0}, {"en", RCP_EN, 0}, {NULL, 0, 0}};
static const rcp_opt join_opts[] = {
    {"key", RCP_JOIN_KEY, 0}, {"spatial", RCP_JOIN_SPATIAL, 0},
    {"overlay", RCP_JOIN_OVERLAY, 0},
    {NULL, 0, 0}};
static const rcp_opt enc_opts[] = {
    {"utf-8", RCP_ENC_UTF8, 0}, {"latin-1", RCP_ENC_LATIN1, 0},
    {"utf8", RCP_ENC_UTF8, 1}, {"latin1", RCP_ENC_LATIN1, 1},
    {"iso-8859-1", RCP_ENC_LATIN1, 1}, {NULL, 0, 0}};
static const rcp_opt kind_opts[] = {
    {"count", RCP_KIND_COUNT, 0}, {"rate", RCP_KIND_RATE, 0},
    {"share", RCP_KIND_SHARE, 0}, {"index", RCP_KIND_INDEX, 0},
    {"reach", RCP_KIND_REACH, 0}, {NULL, 0, 0}};
static const rcp_opt rollup_opts[] = {
    {"sum", RCP_ROLLUP_SUM, 0}, {"mean", RCP_ROLLUP_MEAN, 0},
    {"weighted_mean", RCP_ROLLUP_WEIGHTED_MEAN, 0},
    {"ratio", RCP_ROLLUP_RATIO, 0}, {"none", RCP_ROLLUP_NONE, 0},
    {NULL, 0, 0}};
static const rcp_opt higher_opts[] = {
    {"better", RCP_HIGHER_BETTER, 0}, {"worse", RCP_HIGHER_WORSE, 0},
    {"neutral", RCP_NEUTRAL, 0}, {NULL, 0, 0}};

/* The name of a named entry (a source or an indicator: `kind`): checks the
 * key nk as a name and stores it in *name; writes "kind \"name\"" into w
 * for messages. Returns 0 or -1 with the error set. */
static int entry_name(rcp_sctx *c, const ry_node *nk, const char *kind,
                      rcp_str *name, char *w, size_t wn)
{
    snprintf(w, wn, "%s \"%.100s\"", kind, nk->text);
    if (rcp_check_name(nk, 1, kind) < 0)
        return -1;
    return rcp_set_str(c, name, nk);
}

/* ---- area ------------------------------------------------------------ */

/* Growable list of area codes while building. */
typedef struct {
    char **s;
    rcp_pos *at;
    size_t n, cap_s, cap_at;
} codebuf;

/* 1 when s[0..n) are all digits. */
static int digit_run(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!isdigit((unsigned char)s[k]))
            return 0;
    return n > 0;
}

/* Checks one area code (want: 0 = GM or WK, 'G' = listed under gemeenten,
 * 'W' = under wijken) and appends it in canonical form. The code rules are
 * key_normalise's; this only chooses the message for a code that is not an
 * exact gemeente or wijk code. */
static int area_code(rcp_sctx *c, codebuf *b, const ry_node *n,
                     const char *text, size_t len, size_t off, int want)
{
    char code[32], canon[KEY_MAX];
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
        off++;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    long line, col;
    ry_text_pos(n, off, &line, &col);
    rcp_pos at = {n->file, line, col};
    ry_node where = *n;
    where.line = line;
    where.col = col;
    if (len == 0)
        return rcp_fail(&where, "area has an empty code; write codes such as "
                                "GM0363 or WK036300, separated by commas");
    if (len >= 20)
        return rcp_fail(&where, "area code \"%.*s\" is too long for a GM or "
                                "WK code, such as GM0363 or WK036300",
                        (int)(len > 60 ? 60 : len), text);
    for (size_t k = 0; k < len; k++)
        code[k] = (char)toupper((unsigned char)text[k]);
    code[len] = '\0';
    if (digit_run(code, len) && want) {
        /* numbers under gemeenten:/wijken: get their prefix */
        key_level hint = want == 'G' ? KEY_GEMEENTE : KEY_WIJK;
        if (key_normalise(code, len, hint, canon, NULL) != hint)
            return rcp_fail(&where, "\"%s\" has too many digits for a %s "
                                    "code",
                            code, key_level_name(hint));
        len = strlen(canon);
        memcpy(code, canon, len + 1);
    }
    int changed = 0;
    key_level l = key_normalise(code, len, KEY_INVALID, canon, &changed);
    int is_gm = l == KEY_GEMEENTE && !changed;
    int is_wk = l == KEY_WIJK && !changed;
    if (!is_gm && !is_wk) {
        char wk[KEY_MAX];
        if (digit_run(code, len) && (l == KEY_GEMEENTE || l == KEY_WIJK))
            return rcp_fail(&where, "area code \"%s\" has no GM or WK prefix; "
                                    "did you mean \"%s\"?",
                            code, canon);
        if (l == KEY_BUURT && key_parent(canon, KEY_WIJK, wk) == 0)
            return rcp_fail(&where,
                            "area selects gemeenten (GM) or wijken (WK), not "
                            "buurten; use the wijk code \"%s\" of buurt "
                            "\"%s\"",
                            wk, canon);
        if ((l == KEY_GEMEENTE || l == KEY_WIJK) && strncmp(code, canon, 2))
            return rcp_fail(&where, "area code \"%s\" is not a %s code; did "
                                    "you mean \"%s\"?",
                            code, key_level_name(l), canon);
        if (l == KEY_GEMEENTE || l == KEY_WIJK)
            return rcp_fail(&where, "area code \"%s\" is not a %s code: %.2s "
                                    "is followed by %zu digits; did you mean "
                                    "\"%s\"?",
                            code, key_level_name(l), canon, strlen(canon) - 2,
                            canon);
        return rcp_fail(&where, "area code \"%s\" is not a gemeente or wijk "
                                "code; write gemeenten as GM0363 and wijken "
                                "as WK036300",
                        code);
    }
    if ((want == 'G' && !is_gm) || (want == 'W' && !is_wk))
        return rcp_fail(&where, "\"%s\" is listed under %s but is a %s code; "
                                "move it under %s",
                        code, want == 'G' ? "gemeenten:" : "wijken:",
                        is_gm ? "gemeente" : "wijk",
                        is_gm ? "gemeenten:" : "wijken:");
    for (size_t k = 0; k < b->n; k++)
        if (strcmp(b->s[k], code) == 0)
            return 0; /* listed twice: harmless */
    if (rcp_arena_grow(c->a, (void **)&b->s, &b->cap_s, b->n + 2,
                       sizeof *b->s) < 0 ||
        rcp_arena_grow(c->a, (void **)&b->at, &b->cap_at, b->n + 1,
                       sizeof *b->at) < 0)
        return -1;
    b->s[b->n] = rcp_arena_strdup(c->a, code);
    if (!b->s[b->n])
        return -1;
    b->at[b->n] = at;
    b->n++;
    return 0;
}

/* A scalar (possibly "GM0363, GM0479") or a list of scalars of codes. */
static int area_values(rcp_sctx *c, codebuf *b, const ry_node *v, int want,
                       const char *what)
{
    if (v->kind == RY_MAP)
        return rcp_fail(v, "%s must be a code or a list of codes, such as "
                           "[GM0363, GM0479], but found a mapping",
                        what);
    size_t n = v->kind == RY_SEQ ? v->n : 1;
    for (size_t k = 0; k < n; k++) {
        const ry_node *it = v->kind == RY_SEQ ? v->items[k] : v;
        if (ry_is_null(it))
            continue;
        if (it->kind != RY_SCALAR)
            return rcp_fail(it, "each item of %s must be one code, such as "
                                "GM0363, but found %s",
                            what, ry_kind_name(it));
        size_t start = 0;
        for (size_t i = 0; i <= it->len; i++) {
            if (i < it->len && it->text[i] != ',')
                continue;
            if (area_code(c, b, it, it->text + start, i - start, start,
                          want) < 0)
                return -1;
            start = i + 1;
        }
    }
    return 0;
}

/* area: codes, a list, or {gemeenten: [...], wijken: [...], province:
 * NAME}. */
static int area_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                   void *obj, const char *what)
{
    rcp *r = obj;
    codebuf b = {0};
    if (val->kind == RY_MAP) {
        static const char *const allowed[] = {"gemeenten", "wijken",
                                              "province"};
        for (size_t k = 0; k < val->n; k++) {
            const ry_node *kk = val->items[2 * k], *vv = val->items[2 * k + 1];
            if (strcmp(kk->text, "province") == 0) {
                static const rcp_field pf[] = {
                    {.key = "province", .kind = F_STR,
                     .off = offsetof(rcp, area_province),
                     .hint = "a province name or code, such as Noord-Holland "
                             "or PV27"},
                    {.key = NULL}};
                if (vv->kind != RY_SCALAR || !vv->text[0])
                    return rcp_fail(vv, "area province must be a province "
                                        "name or code, such as "
                                        "Noord-Holland or PV27");
                ry_node one = *val;
                one.n = 1;
                one.items = val->items + 2 * k;
                if (rcp_fill(c, &one, pf, r, "area", key) < 0)
                    return -1;
                continue;
            }
            int want = strcmp(kk->text, "gemeenten") == 0 ? 'G'
                       : strcmp(kk->text, "wijken") == 0  ? 'W'
                                                          : 0;
            if (!want) {
                char msg[600];
                snprintf(msg, sizeof msg, err_tr("unknown key \"%s\" in area"),
                         kk->text);
                rcp_suggest(msg, sizeof msg, kk->text, allowed, 3);
                size_t u = strlen(msg);
                snprintf(msg + u, sizeof msg - u, "%s%s",
                         err_tr(strchr(msg, '?') ? " Allowed keys: "
                                                 : "; allowed keys: "),
                         "gemeenten, wijken, province");
                return rcp_fail(kk, "%s", msg);
            }
            if (area_values(c, &b, vv, want,
                            want == 'G' ? "area gemeenten" : "area wijken") < 0)
                return -1;
        }
    } else if (area_values(c, &b, val, 0, "area") < 0) {
        return -1;
    }
    r->area.s = b.s;
    r->area.at = b.at;
    r->area.n = b.n;
    r->area.pos = rcp_node_pos(val);
    return 0;
}

/* ---- sources ----------------------------------------------------------- */

/* delimiter: one character or a word for one. */
static int delimiter_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                        void *obj, const char *what)
{
    static const struct { const char *word; char ch; } words[] = {
        {"tab", '\t'}, {"\\t", '\t'}, {"comma", ','}, {"semicolon", ';'},
        {"pipe", '|'}, {"space", ' '}};
    rcp_source *s = obj;
    char w[200];
    rcp_where(w, sizeof w, "delimiter", what);
    if (val->kind == RY_SCALAR) {
        if (val->len == 1) {
            s->delimiter.v = (unsigned char)val->text[0];
            s->delimiter.pos = rcp_node_pos(val);
            return 0;
        }
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
            if (strcasecmp(val->text, words[k].word) == 0) {
                s->delimiter.v = words[k].ch;
                s->delimiter.pos = rcp_node_pos(val);
                return 0;
            }
    }
    return rcp_fail_found(val, "%s must be one character, such as \";\" or "
                               "\",\", or the word tab",
                          w);
}

/* decimal: "," or ".". */
static int decimal_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                      void *obj, const char *what)
{
    rcp_source *s = obj;
    char w[200];
    rcp_where(w, sizeof w, "decimal", what);
    if (val->kind == RY_SCALAR && val->len == 1 &&
        (val->text[0] == ',' || val->text[0] == '.')) {
        s->decimal.v = val->text[0];
        s->decimal.pos = rcp_node_pos(val);
        return 0;
    }
    if (val->kind == RY_SCALAR && (strcasecmp(val->text, "comma") == 0 ||
                                   strcasecmp(val->text, "point") == 0)) {
        s->decimal.v = val->text[0] == 'c' || val->text[0] == 'C' ? ',' : '.';
        s->decimal.pos = rcp_node_pos(val);
        return 0;
    }
    return rcp_fail_found(val, "%s must be \",\" or \".\" (put it in quotes)",
                          w);
}

/* rename: {old: new, ...}. */
static int rename_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                     void *obj, const char *what)
{
    rcp_source *s = obj;
    char w[200];
    rcp_where(w, sizeof w, "rename", what);
    if (val->kind != RY_MAP)
        return rcp_fail(val, "%s must be a mapping of old column names to "
                             "new ones, such as {WK_CODE: wijkcode}, but "
                             "found %s",
                        w, ry_kind_name(val));
    s->rename = rcp_arena_alloc(c->a, (val->n ? val->n : 1) * sizeof *s->rename);
    if (!s->rename)
        return -1;
    for (size_t k = 0; k < val->n; k++) {
        const ry_node *from = val->items[2 * k], *to = val->items[2 * k + 1];
        if (to->kind != RY_SCALAR || ry_is_null(to))
            return rcp_fail(ry_is_null(to) ? from : to,
                            "%s: column \"%s\" needs a new name as a single "
                            "text, such as %s: new_name",
                            w, from->text, from->text);
        if (rcp_set_str(c, &s->rename[k].from, from) < 0 ||
            rcp_set_str(c, &s->rename[k].to, to) < 0)
            return -1;
    }
    s->n_rename = val->n;
    return 0;
}

/* key: a column name, or {names: [column, ...]} for a name join. */
static int key_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                  void *obj, const char *what)
{
    rcp_source *s = obj;
    static const rcp_field str = {.key = "key", .kind = F_STR,
                                  .off = offsetof(rcp_source, key)};
    static const rcp_field names = {.key = "names", .kind = F_STRLIST,
                                    .off = offsetof(rcp_source, key_names),
                                    .hint = "the name columns, coarse to "
                                            "fine, such as [gemeentenaam, "
                                            "buurtnaam]"};
    if (val->kind == RY_SCALAR)
        return rcp_convert(c, &str, key, val, obj, what);
    char w[200];
    rcp_where(w, sizeof w, "key", what);
    if (val->kind == RY_MAP && val->n == 2 &&
        ((!strcmp(val->items[0]->text, "column") &&
          !strcmp(val->items[2]->text, "via")) ||
         (!strcmp(val->items[0]->text, "via") &&
          !strcmp(val->items[2]->text, "column")))) {
        int ci = !strcmp(val->items[0]->text, "column") ? 1 : 3;
        const ry_node *col = val->items[ci], *via = val->items[4 - ci];
        if (col->kind != RY_SCALAR || via->kind != RY_SCALAR ||
            !strchr(via->text, '.'))
            return rcp_fail(val, "%s: {column: c, via: source.column} needs "
                                 "a column of this source and a column of an "
                                 "earlier source, such as via: "
                                 "brt.buurtcode2022", w);
        if (rcp_convert(c, &names, val->items[ci - 1], col, obj, w) < 0 ||
            rcp_set_str(c, &s->key_via, via) < 0)
            return -1;
        return 0;
    }
    if (val->kind != RY_MAP || val->n != 1 ||
        strcmp(val->items[0]->text, "names") != 0)
        return rcp_fail(val, "%s must be the column with the region code "
                             "(such as buurtcode), {names: [gemeentenaam, "
                             "buurtnaam]} to match on names, or {column: c, "
                             "via: source.column} to match through a lookup",
                        w);
    if (rcp_convert(c, &names, val->items[0], val->items[1], obj, w) < 0)
        return -1;
    if (s->key_names.n < 1 || s->key_names.n > 3)
        return rcp_fail(val->items[1], "%s: names takes one to three columns "
                                       "(such as [gemeentenaam, buurtnaam])",
                        w);
    return 0;
}

/* geometry: true/false, or {wkt: column} for geometry written as text. */
static int geometry_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                       void *obj, const char *what)
{
    rcp_source *s = obj;
    static const rcp_field b = {.key = "geometry", .kind = F_BOOL,
                                .off = offsetof(rcp_source, geometry)};
    static const rcp_field wkt = {.key = "wkt", .kind = F_STR,
                                  .off = offsetof(rcp_source, geometry_wkt)};
    if (val->kind == RY_SCALAR)
        return rcp_convert(c, &b, key, val, obj, what);
    char w[200];
    rcp_where(w, sizeof w, "geometry", what);
    if (val->kind != RY_MAP || val->n != 1 ||
        strcmp(val->items[0]->text, "wkt") != 0)
        return rcp_fail(val, "%s must be true, false or {wkt: column} for "
                             "geometry written as WKT text in a column",
                        w);
    if (rcp_convert(c, &wkt, val->items[0], val->items[1], obj, w) < 0)
        return -1;
    s->geometry.v = 1;
    s->geometry.pos = rcp_node_pos(val);
    return 0;
}

/* ---- contact records: location: and a filter written as a mapping ----- */

static const rcp_opt alloc_opts[] = {
    {"majority", RCP_ALLOC_MAJORITY, 0}, {"weighted", RCP_ALLOC_WEIGHTED, 0},
    {NULL, 0, 0}};

#define LOC(f) offsetof(rcp_location, f)
static const rcp_field location_fields[] = {
    {.key = "postcode", .kind = F_STR, .off = LOC(postcode),
     .hint = "the column with the postcodes of the records"},
    {.key = "lookup", .kind = F_STR, .off = LOC(lookup),
     .hint = "the table from postcode to buurt code, relative to the recipe"},
    {.key = "lookup_postcode", .kind = F_STR, .off = LOC(lookup_postcode),
     .hint = "the postcode column of the lookup table"},
    {.key = "lookup_code", .kind = F_STR, .off = LOC(lookup_code),
     .hint = "the region-code column of the lookup table"},
    {.key = "lookup_weight", .kind = F_STR, .off = LOC(lookup_weight),
     .hint = "the column with the number of addresses per row"},
    {.key = "allocate", .kind = F_ENUM, .off = LOC(allocate),
     .opts = alloc_opts},
    {.key = "x", .kind = F_STR, .off = LOC(x),
     .hint = "the column with the x coordinate or longitude"},
    {.key = "y", .kind = F_STR, .off = LOC(y),
     .hint = "the column with the y coordinate or latitude"},
    {.key = "crs", .kind = F_STR, .off = LOC(crs),
     .hint = "the CRS of x and y, such as \"EPSG:4326\" or \"EPSG:28992\""},
    {.key = NULL}};
#undef LOC

/* location: {postcode: ..., lookup: ...} or {x: ..., y: ..., crs: ...}. */
static int location_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                       void *obj, const char *what)
{
    rcp_source *s = obj;
    char w[200];
    snprintf(w, sizeof w, err_tr("location of %s"), what);
    if (val->kind != RY_MAP)
        return rcp_fail(val, "%s must be a mapping such as {postcode: "
                             "postcode, lookup: pc6.csv, lookup_postcode: "
                             "postcode6, lookup_code: cbs_code} or {x: lon, "
                             "y: lat, crs: \"EPSG:4326\"}, but found %s",
                        w, ry_kind_name(val));
    s->location.pos = rcp_node_pos(val);
    return rcp_fill(c, val, location_fields, &s->location, w, key);
}

#define PTW(f) offsetof(rcp_ptweight, f)
static const rcp_field ptweight_fields[] = {
    {.key = "points", .kind = F_STR, .off = PTW(points),
     .hint = "a file of points (such as address points), relative to the "
             "recipe"},
    {.key = "x", .kind = F_STR, .off = PTW(x),
     .hint = "the column with the x coordinate; default x"},
    {.key = "y", .kind = F_STR, .off = PTW(y),
     .hint = "the column with the y coordinate; default y"},
    {.key = "crs", .kind = F_STR, .off = PTW(crs),
     .hint = "the CRS of x and y, such as \"EPSG:28992\"; default the "
             "units' CRS"},
    {.key = NULL}};
#undef PTW

/* weight: {points: adressen.csv, x: x, y: y, crs: ...} of an overlay. */
static int ptweight_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                       void *obj, const char *what)
{
    rcp_source *s = obj;
    char w[200];
    snprintf(w, sizeof w, err_tr("weight of %s"), what);
    if (val->kind != RY_MAP)
        return rcp_fail(val, "%s must be a mapping such as {points: "
                             "adressen.csv, x: x, y: y, crs: \"EPSG:28992\"}, "
                             "but found %s",
                        w, ry_kind_name(val));
    s->weight.pos = rcp_node_pos(val);
    if (rcp_fill(c, val, ptweight_fields, &s->weight, w, key) < 0)
        return -1;
    if (!s->weight.points.s)
        return rcp_fail(val, "%s needs points: the file of points to weight "
                             "by", w);
    return 0;
}

/* Reads a scalar date of a filter range into *day; null leaves *has 0. */
static int range_end(const ry_node *v, const char *w, int *has, int32_t *day)
{
    if (ry_is_null(v))
        return 0;
    if (v->kind != RY_SCALAR || date_parse(v->text, v->len, day) < 0)
        return rcp_fail(v, "%s: \"%s\" is not a date; write dates as "
                           "2024-12-31 or 31-12-2024 (or null for an open end)",
                        w, v->kind == RY_SCALAR ? v->text : ry_kind_name(v));
    *has = 1;
    return 0;
}

/* 1 when a two-item list holds a date: then it is a range [from, to], and
 * the other item must be a date or null too (range_end says so). */
static int looks_like_range(const ry_node *v)
{
    if (v->kind != RY_SEQ || v->n != 2)
        return 0;
    for (size_t k = 0; k < 2; k++) {
        const ry_node *it = v->items[k];
        int32_t d;
        if (it->kind == RY_SCALAR && !ry_is_null(it) &&
            date_parse(it->text, it->len, &d) == 0)
            return 1;
    }
    return 0;
}

/* One condition {column: value | [v1, v2, ...] | [from, to]}. */
static int rowcond(rcp_sctx *c, rcp_rowcond *rc, const ry_node *k,
                   const ry_node *v, const char *what)
{
    char w[300];
    snprintf(w, sizeof w, err_tr("filter %s of %s"), k->text, what);
    if (rcp_set_str(c, &rc->column, k) < 0)
        return -1;
    rc->pos = rcp_node_pos(v);
    if (ry_is_null(v) || v->kind == RY_MAP)
        return rcp_fail(ry_is_null(v) ? k : v,
                        "%s needs a value, a list of values or a date range "
                        "such as [2024-01-01, 2024-12-31]",
                        w);
    int32_t d;
    if (v->kind == RY_SCALAR && date_parse(v->text, v->len, &d) == 0) {
        rc->is_range = 1; /* one date: that day */
        rc->has_from = rc->has_to = 1;
        rc->from = rc->to = d;
        return 0;
    }
    if (looks_like_range(v)) {
        rc->is_range = 1;
        if (range_end(v->items[0], w, &rc->has_from, &rc->from) < 0 ||
            range_end(v->items[1], w, &rc->has_to, &rc->to) < 0)
            return -1;
        if (rc->has_from && rc->has_to && rc->from > rc->to)
            return rcp_fail(v, "%s: the range ends before it starts", w);
        return 0;
    }
    size_t n = v->kind == RY_SEQ ? v->n : 1;
    if (n == 0)
        return rcp_fail(v, "%s is an empty list; give at least one value", w);
    rc->values.s = rcp_arena_alloc(c->a, n * sizeof *rc->values.s);
    rc->values.at = rcp_arena_alloc(c->a, n * sizeof *rc->values.at);
    if (!rc->values.s || !rc->values.at)
        return -1;
    for (size_t j = 0; j < n; j++) {
        const ry_node *it = v->kind == RY_SEQ ? v->items[j] : v;
        if (it->kind != RY_SCALAR || ry_is_null(it))
            return rcp_fail(it, "%s: each value must be a single text or "
                                "number",
                            w);
        rc->values.s[j] = rcp_arena_strdup(c->a, it->text);
        if (!rc->values.s[j])
            return -1;
        rc->values.at[j] = rcp_node_pos(it);
    }
    rc->values.n = n;
    rc->values.pos = rcp_node_pos(v);
    return 0;
}

/* filter: an expression, or a mapping of column conditions. */
static int filter_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                     void *obj, const char *what)
{
    rcp_source *s = obj;
    if (val->kind != RY_MAP) {
        static const rcp_field expr_field = {
            .key = "filter", .kind = F_EXPR, .off = offsetof(rcp_source, filter),
            .hint = "an expression that is true for the rows to keep, or a "
                    "mapping such as {soort: energiecoach, datum: "
                    "[2024-01-01, 2024-12-31]}"};
        return rcp_convert(c, &expr_field, key, val, obj, what);
    }
    if (val->n == 0)
        return rcp_fail(val, "filter of %s is empty; give conditions such as "
                             "{soort: energiecoach}",
                        what);
    s->conds = rcp_arena_alloc(c->a, val->n * sizeof *s->conds);
    if (!s->conds)
        return -1;
    memset(s->conds, 0, val->n * sizeof *s->conds);
    for (size_t k = 0; k < val->n; k++)
        if (rowcond(c, &s->conds[k], val->items[2 * k], val->items[2 * k + 1],
                    what) < 0)
            return -1;
    s->n_conds = val->n;
    return 0;
}

#define SRC(f) offsetof(rcp_source, f)
static const rcp_field source_fields[] = {
    {.key = "path", .kind = F_STR, .off = SRC(path), .required = 1,
     .hint = "the file to read, relative to the recipe's folder"},
    {.key = "key", .kind = F_CUSTOM, .fn = key_fn},
    {.key = "join", .kind = F_ENUM, .off = SRC(join), .opts = join_opts},
    {.key = "level", .kind = F_ENUM, .off = SRC(level), .opts = level_opts},
    {.key = "geometry", .kind = F_CUSTOM, .fn = geometry_fn},
    {.key = "context", .kind = F_BOOL, .off = SRC(context)},
    {.key = "layer", .kind = F_STR, .off = SRC(layer)},
    {.key = "catalog", .kind = F_STR, .off = SRC(catalog)},
    {.key = "name_column", .kind = F_STR, .off = SRC(name_column)},
    {.key = "year", .kind = F_INT, .off = SRC(year), .lo = 1800, .hi = 2200,
     .hint = "a year such as 2024"},
    {.key = "label", .kind = F_STR, .off = SRC(label)},
    {.key = "delimiter", .kind = F_CUSTOM, .fn = delimiter_fn,
     .doc = "one character such as \";\" or \",\", or tab; default: detected"},
    {.key = "decimal", .kind = F_CUSTOM, .fn = decimal_fn,
     .doc = "\",\" or \".\"; default: detected"},
    {.key = "encoding", .kind = F_ENUM, .off = SRC(encoding),
     .opts = enc_opts},
    {.key = "skip_rows", .kind = F_INT, .off = SRC(skip_rows), .lo = 0,
     .hi = 10000, .hint = "such as 3"},
    {.key = "header_rows", .kind = F_INT, .off = SRC(header_rows), .lo = 1,
     .hi = 100, .hint = "such as 1"},
    {.key = "columns", .kind = F_STRLIST, .off = SRC(columns),
     .hint = "a list of column names"},
    {.key = "text_columns", .kind = F_STRLIST, .off = SRC(text_columns),
     .hint = "a list of column names"},
    {.key = "counts", .kind = F_STRLIST, .off = SRC(counts),
     .hint = "the columns that are counts, split by area in an overlay"},
    {.key = "filter", .kind = F_CUSTOM, .fn = filter_fn},
    {.key = "rename", .kind = F_CUSTOM, .fn = rename_fn,
     .doc = "a mapping of old column names to new ones"},
    {.key = "records", .kind = F_BOOL, .off = SRC(records)},
    {.key = "location", .kind = F_CUSTOM, .fn = location_fn},
    {.key = "weight", .kind = F_CUSTOM, .fn = ptweight_fn,
     .doc = "join: overlay only: {points: FILE, x: x, y: y, crs: ...} splits "
            "counts by the points (such as addresses) in each piece instead "
            "of its area"},
    {.key = "household", .kind = F_STR, .off = SRC(household),
     .hint = "the column with household ids"},
    {.key = "type", .kind = F_STR, .off = SRC(type),
     .hint = "the column with the kind of contact"},
    {.key = "date", .kind = F_STR, .off = SRC(date),
     .hint = "the column with the date of the contact"},
    {.key = "unlocated_max", .kind = F_NUM, .off = SRC(unlocated_max),
     .dlo = 0, .dhi = 1, .hint = "a share such as 0.25 for 25%"},
    {.key = NULL}};
#undef SRC

/* Joins the recipe folder and a relative path (recipe-file values only). */
static char *resolve_path(rcp_sctx *c, const rcp_str *p)
{
    const char *s = p->s;
    int from_recipe = p->pos.file && strcmp(p->pos.file, c->path) == 0;
    if (s[0] == '/' || !from_recipe || strcmp(c->dir, ".") == 0)
        return rcp_arena_strdup(c->a, s);
    while (s[0] == '.' && s[1] == '/')
        s += 2;
    const char *dir = c->dir;
    size_t nd = strlen(dir);
    return rcp_arena_printf(c->a, "%s%s%s", dir,
                            nd && dir[nd - 1] == '/' ? "" : "/", s);
}

/* Checks the keys of a records source against each other, and of other
 * sources that they use no records keys; sets the defaults. */
static int check_records(rcp_sctx *c, rcp_source *s, const ry_node *nk,
                         const char *w)
{
    rcp_location *l = &s->location;
    if (!s->records.v) {
        const rcp_pos *at = rcp_given(l->pos)               ? &l->pos
                            : rcp_given(s->household.pos)   ? &s->household.pos
                            : rcp_given(s->type.pos)        ? &s->type.pos
                            : rcp_given(s->date.pos)        ? &s->date.pos
                            : rcp_given(s->unlocated_max.pos)
                                ? &s->unlocated_max.pos
                                : NULL;
        if (at)
            return rcp_error_at(*at, ERR_RECIPE,
                                "%s is not a records source; location:, "
                                "household:, type:, date: and unlocated_max: "
                                "apply only with records: true",
                                w);
        return 0;
    }
    if (s->geometry.v)
        return rcp_error_at(s->geometry.pos, ERR_RECIPE,
                            "%s holds contact records; they cannot give the "
                            "map geometry (remove geometry: true)",
                            w);
    if (s->join.v == RCP_JOIN_SPATIAL)
        return rcp_error_at(s->join.pos, ERR_RECIPE,
                            "%s holds contact records; place them with "
                            "location: {x: ..., y: ..., crs: ...} instead of "
                            "join: spatial",
                            w);
    if (!rcp_given(s->unlocated_max.pos))
        s->unlocated_max.v = 0.25;
    int by_pc = l->postcode.s != NULL, by_xy = l->x.s || l->y.s;
    if (s->key.s && rcp_given(l->pos))
        return rcp_error_at(l->pos, ERR_RECIPE,
                            "%s has both key: and location:; records are "
                            "placed by one of them",
                            w);
    if (!s->key.s && !rcp_given(l->pos))
        return rcp_fail(nk, "%s holds records but says nowhere where they "
                            "lie; add key: (a column of buurt codes), or "
                            "location: with postcode: or x:, y: and crs:",
                        w);
    if (!s->key.s && by_pc == by_xy)
        return rcp_error_at(l->pos, ERR_RECIPE,
                            "location of %s needs either postcode: (with "
                            "lookup:, lookup_postcode: and lookup_code:) or "
                            "x: and y: (with crs:)%s",
                            w, by_pc ? ", not both" : "");
    if (by_pc) {
        const char *need = !l->lookup.s            ? "lookup"
                           : !l->lookup_postcode.s ? "lookup_postcode"
                           : !l->lookup_code.s     ? "lookup_code"
                                                   : NULL;
        if (need)
            return rcp_error_at(l->postcode.pos, ERR_RECIPE,
                                "location of %s places records by postcode "
                                "and needs %s: (the table from postcode to "
                                "buurt code, its postcode column and its code "
                                "column)",
                                w, need);
        l->lookup_resolved = resolve_path(c, &l->lookup);
        if (!l->lookup_resolved)
            return -1;
    } else {
        const rcp_str *given = l->lookup.s            ? &l->lookup
                               : l->lookup_postcode.s ? &l->lookup_postcode
                               : l->lookup_code.s     ? &l->lookup_code
                               : l->lookup_weight.s   ? &l->lookup_weight
                                                      : NULL;
        if (given || rcp_given(l->allocate.pos))
            return rcp_error_at(given ? given->pos : l->allocate.pos,
                                ERR_RECIPE,
                                "location of %s: lookup and allocate apply "
                                "only to records placed by postcode:",
                                w);
    }
    if (by_xy) {
        if (!l->x.s || !l->y.s)
            return rcp_error_at(l->pos, ERR_RECIPE,
                                "location of %s needs both x: and y: (the "
                                "coordinate columns)",
                                w);
        if (!l->crs.s && rcp_default_str(c, &l->crs, "EPSG:4326") < 0)
            return -1;
    } else if (l->crs.s) {
        return rcp_error_at(l->crs.pos, ERR_RECIPE,
                            "location of %s: crs applies only to records "
                            "placed by x: and y:",
                            w);
    }
    return 0;
}

/* One source of sources: (an rcp_entryfn; item is the rcp_source). */
static int source_entry(rcp_sctx *c, const ry_node *nk, const ry_node *nv,
                        void *item, const char *what)
{
    rcp_source *s = item;
    char w[200];
    if (entry_name(c, nk, err_tr("source"), &s->name, w, sizeof w) < 0)
        return -1;
    s->skip_rows.v = -1;
    if (ry_is_null(nv))
        return rcp_fail(nk, "%s is empty; give it path: and key:", w);
    if (rcp_fill(c, nv, source_fields, s, w, nk) < 0)
        return -1;
    if (s->join.v == RCP_JOIN_SPATIAL && s->key.s)
        return rcp_error_at(s->key.pos, ERR_RECIPE,
                            "key in %s does not apply with join: spatial "
                            "(rows are matched by location); remove key: "
                            "or the join",
                            w);
    if (check_records(c, s, nk, w) < 0)
        return -1;
    if (s->join.v == RCP_JOIN_KEY && !s->key.s && !s->key_names.n &&
        !s->records.v)
        return rcp_fail(nk, "%s has no key: key; add key: with the column "
                            "that holds the region code (such as "
                            "wijkcode), or join: spatial",
                        w);
    if (!s->path.s[0])
        return rcp_error_at(s->path.pos, ERR_RECIPE,
                            "path in %s is empty; give the file to read",
                            w);
    s->resolved = resolve_path(c, &s->path);
    if (!s->resolved)
        return -1;
    if (s->weight.points.s) {
        if (s->join.v != RCP_JOIN_OVERLAY)
            return rcp_error_at(s->weight.pos, ERR_RECIPE,
                                "weight: in %s applies to join: overlay "
                                "only", w);
        s->weight.resolved = resolve_path(c, &s->weight.points);
        if (!s->weight.resolved)
            return -1;
    }
    return 0;
}

/* sources: {name: {path: ..., key: ...}, ...}. */
static int sources_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                      void *obj, const char *what)
{
    rcp *r = obj;
    if (val->kind != RY_MAP)
        return rcp_fail(val, "sources must be a mapping of source names to "
                             "files, such as sources: {w: {path: "
                             "wijken.geojson, key: wijkcode}}, but found %s",
                        ry_kind_name(val));
    if (val->n == 0)
        return rcp_fail(key, "sources is empty; add at least one source with "
                             "path: and key:");
    r->sources = rcp_named_entries(c, val, sizeof *r->sources, &r->n_sources,
                                   source_entry, what);
    return r->sources ? 0 : -1;
}

/* ---- indicators -------------------------------------------------------- */

#define ROL(f) offsetof(rcp_rollup, f)
static const rcp_field rollup_fields[] = {
    {.key = "method", .kind = F_ENUM, .off = ROL(method), .required = 1,
     .opts = rollup_opts, .hint = "sum, mean, weighted_mean, ratio or none"},
    {.key = "weight", .kind = F_EXPR, .off = ROL(weight),
     .hint = "the weight expression, such as w.huishoudens"},
    {.key = "numerator", .kind = F_EXPR, .off = ROL(numerator),
     .hint = "an expression such as w.huurwoningen"},
    {.key = "denominator", .kind = F_EXPR, .off = ROL(denominator),
     .hint = "an expression such as w.woningen"},
    {.key = "scale", .kind = F_NUM, .off = ROL(scale), .hint = "such as 100"},
    {.key = NULL}};
#undef ROL

/* rollup: a method name, or {method: ..., weight: ..., ...}. */
static int rollup_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                     void *obj, const char *what)
{
    rcp_indicator *ind = obj;
    char w[200];
    snprintf(w, sizeof w, err_tr("the rollup of %s"), what);
    if (val->kind == RY_MAP)
        return rcp_fill(c, val, rollup_fields, &ind->rollup, w, key);
    if (rcp_enum_value(val, rollup_opts, "rollup", what,
                       &ind->rollup.method.v) < 0)
        return -1;
    ind->rollup.method.pos = rcp_node_pos(val);
    return 0;
}

#define MB(f) offsetof(rcp_min_base, f)
static const rcp_field min_base_fields[] = {
    {.key = "expr", .kind = F_EXPR, .off = MB(expr), .required = 1,
     .hint = "the base expression, such as w.huishoudens"},
    {.key = "min", .kind = F_NUM, .off = MB(min), .required = 1,
     .hint = "the smallest base that still gets a value, such as 20"},
    {.key = "label", .kind = F_STR, .off = MB(label)},
    {.key = NULL}};
#undef MB

/* min_base: {expr: ..., min: 20, label: ...}; without expr: (or as just
 * the number) for reach indicators, whose base is the target group
 * (checked when the constructs are expanded, rcp_reach.c). */
static int min_base_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                       void *obj, const char *what)
{
    rcp_indicator *ind = obj;
    char w[200];
    snprintf(w, sizeof w, err_tr("min_base of %s"), what);
    if (val->kind == RY_SCALAR)
        return rcp_convert(c, &min_base_fields[1], key, val, &ind->min_base,
                           w);
    int has_expr = 0;
    if (val->kind == RY_MAP)
        for (size_t k = 0; k < val->n; k++)
            has_expr |= !strcmp(val->items[2 * k]->text, "expr");
    return rcp_fill(c, val, min_base_fields + (has_expr ? 0 : 1),
                    &ind->min_base, w, key);
}

#define IND(f) offsetof(rcp_indicator, f)
static const rcp_field indicator_fields[] = {
    {.key = "expr", .kind = F_EXPR, .off = IND(expr), .required = 1,
     .hint = "an expression such as 100 * w.huishoudens / g.huishoudens"},
    {.key = "label", .kind = F_STR, .off = IND(label)},
    {.key = "unit", .kind = F_STR, .off = IND(unit)},
    {.key = "description", .kind = F_STR, .off = IND(description)},
    {.key = "kind", .kind = F_ENUM, .off = IND(kind), .opts = kind_opts},
    {.key = "rollup", .kind = F_CUSTOM, .fn = rollup_fn, .sub = rollup_fields,
     .doc = "indicators.NAME.rollup"},
    {.key = "weight", .kind = F_EXPR, .off = IND(rollup.weight),
     .hint = "the weight expression, such as w.huishoudens"},
    {.key = "numerator", .kind = F_EXPR, .off = IND(rollup.numerator),
     .hint = "an expression such as w.huurwoningen"},
    {.key = "denominator", .kind = F_EXPR, .off = IND(rollup.denominator),
     .hint = "an expression such as w.woningen"},
    {.key = "scale", .kind = F_NUM, .off = IND(rollup.scale),
     .hint = "such as 100"},
    {.key = "decimals", .kind = F_INT, .off = IND(decimals), .lo = 0,
     .hi = 10, .hint = "such as 1"},
    {.key = "min_base", .kind = F_CUSTOM, .fn = min_base_fn,
     .sub = min_base_fields, .doc = "indicators.NAME.min_base"},
    {.key = "higher_is", .kind = F_ENUM, .off = IND(higher_is),
     .opts = higher_opts},
    /* kind: reach and index with factors (rcp_reach.c) */
    {.key = "reached", .kind = F_EXPR, .off = IND(reached),
     .hint = "those reached, such as bezoeken.households"},
    {.key = "target", .kind = F_EXPR, .off = IND(target),
     .hint = "the target group, such as w.huishoudens"},
    {.key = "factors", .kind = F_CUSTOM, .fn = rcp_factors_fn},
    {.key = NULL}};
#undef IND

/* Checks that the rollup's parts fit its method (and infers the method
 * from the parts when only they are given). */
static int check_rollup(rcp_indicator *ind, const char *what)
{
    rcp_rollup *ro = &ind->rollup;
    if (!rcp_given(ro->method.pos)) {
        if (ro->weight.s) {
            ro->method.v = RCP_ROLLUP_WEIGHTED_MEAN;
        } else if (ro->numerator.s || ro->denominator.s) {
            ro->method.v = RCP_ROLLUP_RATIO;
        }
    }
    int m = ro->method.v;
    rcp_pos at = rcp_given(ro->method.pos) ? ro->method.pos : ind->name.pos;
    if (m == RCP_ROLLUP_WEIGHTED_MEAN && !ro->weight.s)
        return rcp_error_at(at, ERR_RECIPE,
                            "rollup weighted_mean of %s needs weight: with the "
                            "weight expression, such as weight: "
                            "w.huishoudens",
                            what);
    if (m == RCP_ROLLUP_RATIO && (!ro->numerator.s || !ro->denominator.s))
        return rcp_error_at(at, ERR_RECIPE,
                            "rollup ratio of %s needs both numerator: and "
                            "denominator: (expressions that are summed before "
                            "dividing)",
                            what);
    if (m != RCP_ROLLUP_WEIGHTED_MEAN && ro->weight.s)
        return rcp_error_at(ro->weight.pos, ERR_RECIPE,
                            "weight in %s applies only to rollup: "
                            "weighted_mean; remove it or set that rollup",
                            what);
    if (m != RCP_ROLLUP_RATIO) {
        const rcp_str *part = ro->numerator.s ? &ro->numerator
                              : ro->denominator.s ? &ro->denominator
                                                  : NULL;
        if (part)
            return rcp_error_at(part->pos, ERR_RECIPE,
                                "%s in %s applies only to rollup: ratio; "
                                "remove it or set that rollup",
                                part == &ro->numerator ? "numerator"
                                                       : "denominator",
                                what);
        if (rcp_given(ro->scale.pos))
            return rcp_error_at(ro->scale.pos, ERR_RECIPE,
                                "scale in %s applies only to rollup: ratio; "
                                "remove it or set that rollup",
                                what);
    }
    return 0;
}

/* One indicator of indicators: (an rcp_entryfn; item is the
 * rcp_indicator). */
static int indicator_entry(rcp_sctx *c, const ry_node *nk, const ry_node *nv,
                           void *item, const char *what)
{
    rcp_indicator *ind = item;
    char w[200];
    if (entry_name(c, nk, err_tr("indicator"), &ind->name, w, sizeof w) < 0)
        return -1;
    ind->decimals.v = -1;
    ind->rollup.scale.v = 1;
    if (ry_is_null(nv))
        return rcp_fail(nk, "%s has no expression; write it as %s: "
                            "<expression> or give expr:",
                        w, nk->text);
    if (nv->kind == RY_SCALAR) {
        if (rcp_convert(c, &indicator_fields[0], nk, nv, ind, w) < 0)
            return -1;
        ind->shorthand = 1;
    } else if (nv->kind == RY_SEQ) {
        return rcp_fail(nv, "%s must be an expression or a mapping with "
                            "expr:, label:, unit: ..., but found a list",
                        w);
    } else if (rcp_fill(c, nv, indicator_fields +
                                    rcp_indicator_is_construct(nv),
                        ind, w, nk) < 0) {
        return -1; /* a construct has no expr: of its own */
    }
    if (check_rollup(ind, w) < 0)
        return -1;
    return 0;
}

/* indicators: {name: {expr: ...} or name: expr, ...}. */
static int indicators_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                         void *obj, const char *what)
{
    rcp *r = obj;
    if (val->kind != RY_MAP)
        return rcp_fail(val, "indicators must be a mapping of indicator "
                             "names to expressions, such as indicators: "
                             "{dichtheid: w.inwoners / w.oppervlakte}, but "
                             "found %s",
                        ry_kind_name(val));
    r->indicators =
        rcp_named_entries(c, val, sizeof *r->indicators, &r->n_indicators,
                          indicator_entry, what);
    return r->indicators ? 0 : -1;
}

/* ---- top level --------------------------------------------------------- */

#define TOP(f) offsetof(rcp, f)
static const rcp_opt dialect_opts[] = {
    {"excel_nl", RCP_DIALECT_EXCEL_NL, 0},
    {"international", RCP_DIALECT_INTERNATIONAL, 0},
    {"nl", RCP_DIALECT_EXCEL_NL, 1}, {NULL, 0, 0}};
static const rcp_field table_fields[] = {
    {.key = "dialect", .kind = F_ENUM, .off = TOP(out_dialect),
     .opts = dialect_opts,
     .hint = "excel_nl (';' and decimal comma) or international (',' and "
             "'.')"},
    {.key = "xlsx", .kind = F_BOOL, .off = TOP(out_xlsx)},
    {.key = NULL}};

/* outputs.tables: true/false, or {dialect: ..., xlsx: ...} (tables on). */
static int tables_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                     void *obj, const char *what)
{
    static const rcp_field as_bool = {.key = "tables", .kind = F_BOOL,
                                      .off = TOP(out_tables)};
    if (val->kind != RY_MAP)
        return rcp_convert(c, &as_bool, key, val, obj, what);
    ((rcp *)obj)->out_tables.v = 1;
    ((rcp *)obj)->out_tables.pos = rcp_node_pos(val);
    return rcp_fill(c, val, table_fields, obj, "outputs.tables", key);
}

static const rcp_field output_fields[] = {
    {.key = "tables", .kind = F_CUSTOM, .fn = tables_fn,
     .hint = "true, false or {dialect: international, xlsx: false}",
     .sub = table_fields, .doc = "outputs.tables"},
    {.key = "gpkg", .kind = F_BOOL, .off = TOP(out_gpkg)},
    {.key = "report", .kind = F_BOOL, .off = TOP(out_report),
     .hint = "report.html: maps, table, charts and sources in one offline "
             "file"},
    {.key = NULL}};

/* outputs: {tables: true, gpkg: true}. */
static int outputs_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                      void *obj, const char *what)
{
    return rcp_fill(c, val, output_fields, obj, "outputs", key);
}

static const rcp_field peers_fields[] = {
    {.key = "indicators", .kind = F_STRLIST, .off = TOP(peers), .required = 1,
     .hint = "the indicators that make gemeenten similar, such as "
             "[inwoners, aandeel_65plus]"},
    {.key = "n", .kind = F_INT, .off = TOP(peers_n), .lo = 1, .hi = 50,
     .hint = "how many similar gemeenten, such as 5"},
    {.key = NULL}};

/* peers: {indicators: [...], n: 5}. */
static int peers_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                    void *obj, const char *what)
{
    return rcp_fill(c, val, peers_fields, obj, "peers", key);
}

static const rcp_field top_fields[] = {
    {.key = "name", .kind = F_NAME, .off = TOP(name), .required = 1,
     .hint = "a short name of letters, digits, - and _ (it becomes the "
             "output folder name), such as voorbeeld"},
    {.key = "title", .kind = F_STR, .off = TOP(title)},
    {.key = "description", .kind = F_STR, .off = TOP(description)},
    {.key = "language", .kind = F_ENUM, .off = TOP(language),
     .opts = lang_opts},
    {.key = "unit", .kind = F_ENUM, .off = TOP(unit), .required = 1,
     .opts = level_opts, .hint = "buurt, wijk or gemeente"},
    {.key = "year", .kind = F_INT, .off = TOP(year), .lo = 1800, .hi = 2200,
     .hint = "a year such as 2024"},
    {.key = "author", .kind = F_STR, .off = TOP(author)},
    {.key = "area", .kind = F_CUSTOM, .fn = area_fn,
     .doc = "GM or WK codes: a list or a comma-separated text"},
    {.key = "crs", .kind = F_STR, .off = TOP(crs)},
    {.key = "unmatched_max", .kind = F_NUM, .off = TOP(unmatched_max),
     .dlo = 0, .dhi = 1, .hint = "a share such as 0.05 for 5%"},
    {.key = "coverage_min", .kind = F_NUM, .off = TOP(coverage_min),
     .dlo = 0, .dhi = 1, .hint = "a share such as 0.8 for 80%"},
    {.key = "sources", .kind = F_CUSTOM, .required = 1, .fn = sources_fn,
     .hint = "the files to read, such as sources: {w: {path: "
             "wijken.geojson, key: wijkcode}}",
     .sub = source_fields, .doc = "sources.NAME"},
    {.key = "indicators", .kind = F_CUSTOM, .fn = indicators_fn,
     .sub = indicator_fields, .doc = "indicators.NAME"},
    {.key = "outputs", .kind = F_CUSTOM, .fn = outputs_fn,
     .sub = output_fields, .doc = "outputs"},
    {.key = "maps", .kind = F_CUSTOM, .fn = rcp_build_maps, .doc = "maps[]"},
    {.key = "factsheets", .kind = F_CUSTOM, .fn = rcp_build_factsheets,
     .doc = "factsheets[]"},
    {.key = "comparisons", .kind = F_CUSTOM, .fn = rcp_build_comparisons,
     .doc = "comparisons[]"},
    {.key = "peers", .kind = F_CUSTOM, .fn = peers_fn, .doc = "peers"},
    {.key = NULL}};
#undef TOP

const rcp_field *rcp_top_fields(void) { return top_fields; }

int rcp_check_indicator_ref(const rcp *r, const rcp_str *ref, const char *what)
{
    if (rcp_find_indicator(r, ref->s))
        return 0;
    if (r->n_indicators == 0)
        return rcp_error_at(ref->pos, ERR_RECIPE,
                            "%s refers to indicator \"%s\", but the recipe "
                            "defines no indicators; add it under indicators:",
                            what, ref->s);
    const char *cands[256];
    size_t n = 0;
    for (size_t k = 0; k < r->n_indicators && n < 256; k++)
        cands[n++] = r->indicators[k].name.s;
    char msg[1200];
    snprintf(msg, sizeof msg, err_tr("%s refers to indicator \"%s\", which "
                                     "the recipe does not define"),
             what, ref->s);
    rcp_suggest(msg, sizeof msg, ref->s, cands, n);
    if (!strchr(msg, '?')) {
        size_t u = strlen(msg);
        snprintf(msg + u, sizeof msg - u, "%s", err_tr("; the indicators are:"));
        for (size_t k = 0; k < n && k < 20; k++) {
            u = strlen(msg);
            snprintf(msg + u, sizeof msg - u, "%s %s", k ? "," : "", cands[k]);
        }
    }
    return rcp_error_at(ref->pos, ERR_RECIPE, "%s", msg);
}

/* Checks between sections: names, geometry, area against the unit. */
static int cross_check(rcp_sctx *c, rcp *r)
{
    if (rcp_expand_constructs(c, r) < 0)
        return -1;
    for (size_t k = 0; k < r->n_indicators; k++) {
        const rcp_indicator *ind = &r->indicators[k];
        const rcp_source *s = rcp_find_source(r, ind->name.s);
        if (s)
            return rcp_error_at(ind->name.pos, ERR_RECIPE,
                                "indicator \"%s\" has the same name as the "
                                "source on line %ld; rename one of them, "
                                "because expressions read a name before a "
                                "dot as a source (source.column)",
                                ind->name.s, s->name.pos.line);
    }
    const rcp_source *geo = NULL;
    for (size_t k = 0; k < r->n_sources; k++) {
        const rcp_source *s = &r->sources[k];
        if (!s->geometry.v)
            continue;
        if (geo)
            return rcp_error_at(s->geometry.pos, ERR_RECIPE,
                                "source \"%s\" also gives the geometry, but "
                                "source \"%s\" (line %ld) already does; only "
                                "one source may set geometry: true",
                                s->name.s, geo->name.s, geo->geometry.pos.line);
        geo = s;
    }
    if (r->unit.v == RCP_GEMEENTE)
        for (size_t k = 0; k < r->area.n; k++)
            if (key_level_of(r->area.s[k]) == KEY_WIJK)
                return rcp_error_at(r->area.at[k], ERR_RECIPE,
                                    "area selects wijk %s, but the unit is "
                                    "gemeente; select gemeenten (GM codes) or "
                                    "set unit: wijk or buurt",
                                    r->area.s[k]);
    for (size_t k = 0; k < r->peers.n; k++) {
        rcp_str ref = {r->peers.s[k], r->peers.at[k], 0, NULL};
        if (rcp_check_indicator_ref(r, &ref, "peers") < 0)
            return -1;
    }
    return rcp_check_outputs(c, r);
}

int rcp_build(rcp_sctx *c, const ry_node *root, rcp *r)
{
    if (ry_is_null(root)) {
        err_set_pos(ERR_RECIPE, c->path, 1, 1,
                    "the recipe is empty; a recipe needs at least name:, "
                    "unit: and sources:");
        return -1;
    }
    if (root->kind != RY_MAP)
        return rcp_fail(root, "the recipe must be a mapping of keys such as "
                              "name:, unit: and sources:, but found %s",
                        ry_kind_name(root));
    r->language.v = RCP_NL;
    r->unmatched_max.v = 0.05;
    r->coverage_min.v = 0.8;
    r->out_tables.v = 1;
    r->out_xlsx.v = 1;
    r->out_gpkg.v = 1;
    r->out_report.v = 1;
    r->peers_n.v = 5;
    if (rcp_fill(c, root, top_fields, r, NULL, NULL) < 0)
        return -1;
    if (!r->crs.s && rcp_default_str(c, &r->crs, "EPSG:28992") < 0)
        return -1;
    return cross_check(c, r);
}
