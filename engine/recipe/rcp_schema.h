/* rcp_schema.h - table-driven checking of YAML mappings (private to rcp).
 *
 * A section of the recipe is described by a NULL-terminated array of
 * rcp_field: key, kind of value, where it goes in the C struct, whether it
 * is required. rcp_fill() walks one YAML mapping against such a table: it
 * refuses unknown keys (naming the nearest valid key and all allowed keys),
 * converts and checks each value, and reports missing required keys. Every
 * value written keeps its position. All memory comes from the context's
 * arena; errors are ERR_RECIPE with the node's file:line:column.
 */
#ifndef DNW_RCP_SCHEMA_H
#define DNW_RCP_SCHEMA_H

#include <stddef.h>

#include "rcp.h"
#include "rcp_arena.h"
#include "rcp_yaml.h"

typedef struct {
    rcp_arena *a;     /* where the built structs live */
    const char *path; /* the recipe file */
    const char *dir;  /* its folder */
} rcp_sctx;

typedef enum {
    F_STR = 0, /* any text */
    F_EXPR,    /* non-empty text: an expression */
    F_NAME,    /* [A-Za-z0-9_-]+ (becomes a file or folder name) */
    F_IDENT,   /* [A-Za-z_][A-Za-z0-9_]* (used in expressions) */
    F_INT,     /* whole number in [lo, hi] (when lo < hi) -> rcp_int */
    F_NUM,     /* finite number in [dlo, dhi] (when dlo < dhi) -> rcp_num */
    F_BOOL,    /* true/false, yes/no, on/off, ja/nee -> rcp_bool */
    F_ENUM,    /* one of opts -> rcp_enum */
    F_STRLIST, /* a text or a list of texts -> rcp_strlist */
    F_NUMLIST, /* a number or a list of numbers -> rcp_numlist */
    F_CUSTOM   /* handled by fn */
} rcp_fkind;

/* One allowed value of an enum; hidden ones are accepted aliases that the
 * messages do not list. */
typedef struct {
    const char *name;
    int value;
    int hidden;
} rcp_opt;

typedef struct rcp_field rcp_field;

/* A custom handler: converts val (never a null value) for key into obj.
 * what names the section ("source \"w\""). 0 or -1 with the error set. */
typedef int (*rcp_fieldfn)(rcp_sctx *c, const ry_node *key,
                           const ry_node *val, void *obj, const char *what);

struct rcp_field {
    const char *key;
    rcp_fkind kind;
    size_t off;          /* offset of the target in the struct */
    int required;
    const char *hint;    /* what a right value looks like */
    const rcp_opt *opts; /* F_ENUM: terminated by {NULL} */
    long lo, hi;         /* F_INT range */
    double dlo, dhi;     /* F_NUM range */
    rcp_fieldfn fn;      /* F_CUSTOM */
    /* for docs/recipe.md (rcp_doc.c): a custom field's nested keys and the
     * heading of their section ("sources.NAME"), or its value in words */
    const rcp_field *sub;
    const char *doc;
};

/* The top-level keys, and the nested tables of maps, factsheets and
 * comparisons (for rcp_doc.c). */
const rcp_field *rcp_top_fields(void);
const rcp_field *rcp_output_fields(const char *section);

/* Sets an ERR_RECIPE error at node (its file:line:column, or just the
 * --set label for command-line nodes). Returns -1. */
int rcp_fail(const ry_node *at, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* rcp_fail at val with ", but found <val>" appended: the scalar in quotes,
 * or the node's kind ("a list", ...). Returns -1. */
int rcp_fail_found(const ry_node *val, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The position of a node's start / of its text. */
rcp_pos rcp_node_pos(const ry_node *n);
rcp_pos rcp_text_start(const ry_node *n);

/* Walks mapping map against fields (terminated by key NULL), writing into
 * obj. what names the section in messages (NULL = the top level); owner is
 * where "missing key" errors point (NULL: the mapping). Null values count
 * as absent. 0 or -1 with the error set. */
int rcp_fill(rcp_sctx *c, const ry_node *map, const rcp_field *fields,
             void *obj, const char *what, const ry_node *owner);

/* Builds one entry of a mapping of named entries (sources:, indicators:,
 * factors:): nk is its name, nv its value, item the zeroed element to fill;
 * what names the section. 0 or -1 with the error set. */
typedef int (*rcp_entryfn)(rcp_sctx *c, const ry_node *nk, const ry_node *nv,
                           void *item, const char *what);

/* Builds the entries of the mapping val: allocates one zeroed element of
 * elem bytes per entry (at least one) from the arena and fills entry k with
 * fn, setting *count to k + 1 after each. Returns the array, or NULL with
 * the error set. */
void *rcp_named_entries(rcp_sctx *c, const ry_node *val, size_t elem,
                        size_t *count, rcp_entryfn fn, const char *what);

/* Converts one value by its field description (used by rcp_fill and by
 * custom handlers that reuse a kind). 0 or -1 with the error set. */
int rcp_convert(rcp_sctx *c, const rcp_field *f, const ry_node *key,
                const ry_node *val, void *obj, const char *what);

/* Fills s from a scalar node (copy of the text and its position). */
int rcp_set_str(rcp_sctx *c, rcp_str *s, const ry_node *val);

/* A default text value (no position); NULL text leaves it absent. */
int rcp_default_str(rcp_sctx *c, rcp_str *s, const char *text);

/* Checks a scalar enum value against opts, writing its value into *out.
 * field names the key for messages. 0 or -1 with the error set. */
int rcp_enum_value(const ry_node *val, const rcp_opt *opts, const char *field,
                   const char *what, int *out);

/* Parses a scalar as a whole number / finite number / boolean; 0 or -1
 * (no error set: the caller words it). */
int rcp_parse_long(const ry_node *val, long *out);
int rcp_parse_double(const ry_node *val, double *out);
int rcp_parse_bool(const ry_node *val, int *out);

/* Checks that a scalar is a valid name: [A-Za-z_][A-Za-z0-9_]* when ident,
 * else [A-Za-z0-9_-]+; w names the key in messages. The error suggests a
 * cleaned-up spelling. 0 or -1 with the error set. */
int rcp_check_name(const ry_node *val, int ident, const char *w);

/* "a, b and c" list of the option names (not hidden) into buf. */
void rcp_opts_list(const rcp_opt *opts, char *buf, size_t size);

/* "key in what" or just "key" for the top level, into buf. */
const char *rcp_where(char *buf, size_t size, const char *key,
                      const char *what);

/* Appends `; did you mean "x"?` to buf when word is near one of cands. */
void rcp_suggest(char *buf, size_t size, const char *word,
                 const char *const *cands, size_t n);

#endif
