/* join.h - joining a source table to the units of a run by region code.
 *
 * Units are canonical codes at the run's level. A source at the same level
 * matches code to code; a coarser source (a gemeente table joined to wijken)
 * matches through the derived ancestor code; a finer source (buurt figures
 * for wijk units) is grouped: every source row whose ancestor is the unit
 * belongs to it, and its numbers are summed by the caller. Every join reports
 * matched and unmatched rows on both sides (listed) and duplicate keys.
 */
#ifndef DNW_JOIN_H
#define DNW_JOIN_H

#include "keyidx.h"

typedef enum { JOIN_SAME, JOIN_COARSER, JOIN_FINER } join_kind;

typedef struct {
    join_kind kind;
    key_level unit_level, source_level;
    size_t n_units;
    int64_t *row;        /* JOIN_SAME/COARSER: source row per unit or -1 */
    /* JOIN_FINER: source rows of unit u are grp_rows[grp_off[u]..grp_off[u+1]) */
    size_t *grp_off;
    int64_t *grp_rows;
    /* report */
    size_t units_matched;
    size_t n_units_unmatched;
    char (*units_unmatched)[KEY_MAX];       /* all of them */
    size_t n_source_unmatched;              /* source rows of the level, in area, unused */
    char (*source_unmatched)[KEY_MAX];      /* all of them */
    keyidx_stats key_stats;
} join_result;

/* Joins: unit codes (canonical, n_units, all at unit_level), the source's
 * key index, the level the source is read at (KEY_INVALID = its main level),
 * and an area filter for the source-side report (codes whose ancestor must be
 * one of area[0..n_area), or all rows when n_area is 0).
 * Fills *out (caller frees with join_result_free). Returns 0, or -1 with the
 * error set (OOM). Never fails for poor matches: see join_check. */
int join_units(const char (*units)[KEY_MAX], size_t n_units,
               key_level unit_level, const keyidx *ix,
               const keyidx_stats *st, key_level source_level,
               const char *const *area, size_t n_area, join_result *out);

/* Fails (ERR_JOIN, -1) when more than max_share of the units stayed
 * unmatched, with a message naming the source, examples of unmatched codes on
 * both sides and the likely cause (another year's boundaries, another level,
 * a code format). file/name: for the message. */
int join_check(const join_result *j, double max_share, const char *name,
               const char *file);

void join_result_free(join_result *j);

/* 1 when canonical code lies inside one of the area codes (GM or WK
 * ancestors, or equal). n_area 0 means everything is inside. */
int key_in_area(const char *code, const char *const *area, size_t n_area);

#endif
