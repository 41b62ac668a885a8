/* rcp_internal.h - what the parts of the rcp module share (private).
 *
 * rcp.c loads and overrides; rcp_build.c turns a YAML tree into the public
 * structs (top level, sources, indicators, cross-checks); rcp_outputs.c does
 * the maps, fact sheets and comparisons.
 */
#ifndef DNW_RCP_INTERNAL_H
#define DNW_RCP_INTERNAL_H

#include "rcp.h"
#include "rcp_arena.h"
#include "rcp_schema.h"
#include "rcp_yaml.h"

struct rcp_priv {
    rcp_arena *tree;  /* the YAML trees: the file and every override */
    ry_node *root;    /* the current tree (NULL: empty file) */
    rcp_arena *data;  /* the public structs built from root */
};

/* Builds the public fields of out (not path, dir or priv) from root,
 * allocating from c->a. 0, or -1 with the error set; on failure out holds
 * partial data that lives in c->a. */
int rcp_build(rcp_sctx *c, const ry_node *root, rcp *out);

/* Field handlers for the output sections (rcp_fieldfn; obj is the rcp). */
int rcp_build_maps(rcp_sctx *c, const ry_node *key, const ry_node *val,
                   void *obj, const char *what);
int rcp_build_factsheets(rcp_sctx *c, const ry_node *key, const ry_node *val,
                         void *obj, const char *what);
int rcp_build_comparisons(rcp_sctx *c, const ry_node *key,
                          const ry_node *val, void *obj, const char *what);

/* Cross-checks of the output sections against the indicators and the unit;
 * fills defaults that depend on them. 0 or -1 with the error set. */
int rcp_check_outputs(rcp_sctx *c, rcp *r);

/* Checks that ref names an indicator of r (what names the referrer).
 * 0 or -1 with the error set, suggesting the nearest indicator name. */
int rcp_check_indicator_ref(const rcp *r, const rcp_str *ref,
                            const char *what);

#endif
