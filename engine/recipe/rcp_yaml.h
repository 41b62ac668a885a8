/* rcp_yaml.h - a small YAML node tree with positions (private to rcp).
 *
 * libyaml's event parser is turned into a tree of scalars, sequences and
 * mappings, each with the 1-based line:column where it starts, so every
 * later check can name the exact spot. The tree handles what recipes need
 * from YAML and refuses the rest with a clear error: one document only,
 * mapping keys must be scalars and unique, aliases refer to earlier anchors,
 * merge keys (<<: *base) are applied, and alias expansion is capped.
 *
 * All nodes and strings live in the arena given to the parser; nothing else
 * is allocated, so freeing the arena frees the tree on every path. The tree
 * may share nodes (aliases), so treat it as read-only; rcp_override builds
 * modified copies of the path it changes.
 */
#ifndef DNW_RCP_YAML_H
#define DNW_RCP_YAML_H

#include <stddef.h>

#include "rcp_arena.h"

typedef enum { RY_SCALAR = 0, RY_SEQ, RY_MAP } ry_kind;

typedef enum {
    RY_PLAIN = 0, /* unquoted */
    RY_SQUOTED,   /* 'single' */
    RY_DQUOTED,   /* "double" */
    RY_LITERAL,   /* | block */
    RY_FOLDED     /* > block */
} ry_style;

/* How a byte offset into a scalar's text maps back onto the file. */
typedef enum {
    RY_MAP_START = 0, /* only the start is known: every offset maps to it */
    RY_MAP_EXACT,     /* one line, no escapes: character k is at tcol + k */
    RY_MAP_BLOCK      /* literal block: line tline + (newlines before), column
                         tcol + (characters since the last newline) */
} ry_textmap;

typedef struct ry_node ry_node;
struct ry_node {
    ry_kind kind;
    const char *file; /* the recipe path, or "--set ..." for command-line
                         values (then line = col = 0) */
    long line, col;   /* 1-based start of the node (the quote, the '[', ...) */
    /* scalars */
    const char *text; /* NUL-terminated value (may hold NULs: see len) */
    size_t len;
    ry_style style;
    int str_tag;      /* tagged !!str: always a string, never null/number */
    long tline, tcol; /* where the text itself starts */
    ry_textmap map;
    /* collections: a sequence has n items; a mapping has n pairs stored as
       items[2k] (key, always a scalar) and items[2k + 1] (value) */
    ry_node **items;
    size_t n;
    size_t weight;    /* nodes in the fully expanded subtree (alias cap) */
};

/* Parses the file at path into a tree in arena a. *root is NULL when the
 * file holds no document (empty, or only comments). Returns 0, or -1 with
 * the error set: ERR_IO when the file cannot be read, ERR_PARSE for YAML
 * syntax (with libyaml's problem, the line:column and a hint how to fix it)
 * and for the structural limits above. */
int ry_parse_file(rcp_arena *a, const char *path, ry_node **root);

/* Parses text (one YAML document, e.g. a --set value such as "[1, 2]") into
 * a tree in arena a whose nodes all carry file = label and no line:column.
 * Errors (ERR_USAGE) name the label. Returns 0 or -1; *root as above. */
int ry_parse_string(rcp_arena *a, const char *text, const char *label,
                    ry_node **root);

/* A new plain scalar with the given text (copied), file label and no
 * position; NULL with an out-of-memory error. */
ry_node *ry_new_scalar(rcp_arena *a, const char *text, const char *label);

/* 1 when node is NULL or a null scalar (empty, ~, null) that is not quoted
 * or tagged !!str. */
int ry_is_null(const ry_node *node);

/* The value for key in mapping m (NULL when absent or m is not a mapping). */
ry_node *ry_map_get(const ry_node *m, const char *key);

/* Maps a byte offset into a scalar's text onto the file, writing the
 * 1-based line and column (0 and 0 for command-line values). */
void ry_text_pos(const ry_node *s, size_t offset, long *line, long *col);

/* A short human name of a node's kind: "a list", "a mapping", "a value". */
const char *ry_kind_name(const ry_node *node);

#endif
