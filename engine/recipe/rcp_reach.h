/* rcp_reach.h - reach and hard-to-reach-index constructs of a recipe
 * (private to rcp; see rcp_reach.c for the shapes and what they expand
 * into). */
#ifndef DNW_RCP_REACH_H
#define DNW_RCP_REACH_H

#include "rcp_schema.h"

/* factors: of an index indicator (rcp_fieldfn; obj is the indicator). */
int rcp_factors_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                   void *obj, const char *what);

/* 1 when the indicator mapping nv is a reach indicator or an index with
 * factors (it then has no expr: of its own). */
int rcp_indicator_is_construct(const ry_node *nv);

/* Replaces every reach indicator and index with factors by the indicators
 * it expands into (in place of the original, in order), checks their
 * names, and checks that the others have an expr:. Needs the language.
 * 0 or -1 with the error set. */
int rcp_expand_constructs(rcp_sctx *c, rcp *r);

#endif
