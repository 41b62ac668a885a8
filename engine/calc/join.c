/* join.c - joining sources to units by region code; see join.h. */
#include "join.h"

#include "err.h"
#include "mem.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int key_in_area(const char *code, const char *const *area, size_t n_area)
{
    if (n_area == 0)
        return 1;
    key_level l = key_level_of(code);
    for (size_t k = 0; k < n_area; k++) {
        key_level al = key_level_of(area[k]);
        char anc[KEY_MAX];
        if (al == KEY_INVALID || al > l)
            continue;
        if (key_parent(code, al, anc) == 0 && !strcmp(anc, area[k]))
            return 1;
    }
    return 0;
}

void join_result_free(join_result *j)
{
    if (!j)
        return;
    MEM_FREE_ALL(j->row, j->grp_off, j->grp_rows, j->units_unmatched,
                 j->source_unmatched);
    memset(j, 0, sizeof *j);
}

/* Lists source rows at source_level inside the area that no unit used. */
static int list_source_unmatched(const keyidx *ix, size_t nrows,
                                 key_level source_level, const uint8_t *used,
                                 const char *const *area, size_t n_area,
                                 join_result *out)
{
    out->source_unmatched = mem_alloc((nrows ? nrows : 1) * KEY_MAX);
    if (!out->source_unmatched)
        return err_oom("join report");
    for (size_t r = 0; r < nrows; r++) {
        if (used[r] || keyidx_level_of(ix, r) != source_level)
            continue;
        const char *code = keyidx_code_of(ix, r);
        if (keyidx_find(ix, code) != (int64_t)r)
            continue; /* a duplicate: reported as such, not as unused */
        if (!key_in_area(code, area, n_area))
            continue;
        memcpy(out->source_unmatched[out->n_source_unmatched++], code,
               KEY_MAX);
    }
    return 0;
}

static int join_direct(const char (*units)[KEY_MAX], const keyidx *ix,
                       uint8_t *used, join_result *out)
{
    out->row = mem_alloc((out->n_units ? out->n_units : 1) * sizeof *out->row);
    if (!out->row)
        return err_oom("join");
    for (size_t u = 0; u < out->n_units; u++) {
        char code[KEY_MAX];
        if (out->kind == JOIN_SAME)
            memcpy(code, units[u], KEY_MAX);
        else if (key_parent(units[u], out->source_level, code) < 0)
            code[0] = '\0';
        int64_t r = code[0] ? keyidx_find(ix, code) : -1;
        out->row[u] = r;
        if (r >= 0) {
            used[r] = 1;
            out->units_matched++;
        } else {
            memcpy(out->units_unmatched[out->n_units_unmatched++], units[u],
                   KEY_MAX);
        }
    }
    return 0;
}

/* Groups finer source rows under their ancestor unit. */
static int join_grouped(const char (*units)[KEY_MAX], const keyidx *ix,
                        size_t nrows, uint8_t *used, join_result *out)
{
    size_t n = out->n_units;
    out->grp_off = mem_calloc(n + 1, sizeof *out->grp_off);
    int64_t *unit_of = mem_alloc((nrows ? nrows : 1) * sizeof *unit_of);
    if (!out->grp_off || !unit_of) {
        mem_free(unit_of);
        return err_oom("join");
    }
    /* index of units by code (borrowed from units; the first unit wins) */
    strmap *unit_idx = strmap_new(STRMAP_BORROW, n, "join");
    for (size_t u = 0; u < n && unit_idx; u++) {
        int added = 0;
        int64_t id = strmap_upsert(unit_idx, units[u], strlen(units[u]), &added);
        if (id < 0) {
            strmap_free(unit_idx);
            unit_idx = NULL;
        } else if (added) {
            strmap_val_of(unit_idx, id)->i = (int64_t)u;
        }
    }
    if (!unit_idx) {
        mem_free(unit_of);
        return -1;
    }
    for (size_t r = 0; r < nrows; r++) {
        unit_of[r] = -1;
        if (keyidx_level_of(ix, r) != out->source_level ||
            keyidx_find(ix, keyidx_code_of(ix, r)) != (int64_t)r)
            continue; /* another level, or a duplicate (the first row wins) */
        char anc[KEY_MAX];
        if (key_parent(keyidx_code_of(ix, r), out->unit_level, anc) < 0)
            continue;
        unit_of[r] = strmap_get_i(unit_idx, anc, strlen(anc), -1);
        if (unit_of[r] >= 0) {
            out->grp_off[unit_of[r] + 1]++;
            used[r] = 1;
        }
    }
    strmap_free(unit_idx);
    for (size_t u = 0; u < n; u++)
        out->grp_off[u + 1] += out->grp_off[u];
    out->grp_rows = mem_alloc((out->grp_off[n] ? out->grp_off[n] : 1) *
                           sizeof *out->grp_rows);
    size_t *fill = mem_alloc((n ? n : 1) * sizeof *fill);
    if (!out->grp_rows || !fill) {
        mem_free(fill);
        mem_free(unit_of);
        return err_oom("join");
    }
    memcpy(fill, out->grp_off, (n ? n : 1) * sizeof *fill);
    for (size_t r = 0; r < nrows; r++)
        if (unit_of[r] >= 0)
            out->grp_rows[fill[unit_of[r]]++] = (int64_t)r;
    mem_free(fill);
    mem_free(unit_of);
    for (size_t u = 0; u < n; u++) {
        if (out->grp_off[u + 1] > out->grp_off[u])
            out->units_matched++;
        else
            memcpy(out->units_unmatched[out->n_units_unmatched++], units[u],
                   KEY_MAX);
    }
    return 0;
}

int join_units(const char (*units)[KEY_MAX], size_t n_units,
               key_level unit_level, const keyidx *ix,
               const keyidx_stats *st, key_level source_level,
               const char *const *area, size_t n_area, join_result *out)
{
    memset(out, 0, sizeof *out);
    out->key_stats = *st;
    out->n_units = n_units;
    out->unit_level = unit_level;
    out->source_level = source_level != KEY_INVALID ? source_level
                                                    : st->main_level;
    out->kind = out->source_level == unit_level ? JOIN_SAME
                : out->source_level < unit_level ? JOIN_COARSER
                                                 : JOIN_FINER;
    size_t nrows = st->rows;
    uint8_t *used = mem_calloc(nrows ? nrows : 1, 1);
    out->units_unmatched = mem_alloc((n_units ? n_units : 1) * KEY_MAX);
    if (!used || !out->units_unmatched) {
        mem_free(used);
        join_result_free(out);
        return err_oom("join");
    }
    int rc = out->kind == JOIN_FINER
                 ? join_grouped(units, ix, nrows, used, out)
                 : join_direct(units, ix, used, out);
    if (rc == 0)
        rc = list_source_unmatched(ix, nrows, out->source_level, used, area,
                                   n_area, out);
    mem_free(used);
    if (rc < 0)
        join_result_free(out);
    return rc;
}

/* Guesses why a join failed, from the codes on both sides. */
static const char *likely_cause(const join_result *j)
{
    const keyidx_stats *st = &j->key_stats;
    if (st->main_level == KEY_INVALID)
        return err_tr("the key column holds no CBS region codes (GM####, WK######, "
                      "BU########); check the key column or the code format");
    if (st->per_level[j->unit_level] == 0 && j->kind == JOIN_SAME)
        return err_tr("the source has no codes at this level");
    if (j->n_source_unmatched > 0 && j->n_units_unmatched > 0)
        return err_tr("codes on both sides exist but differ: the source probably "
                      "uses another year's wijk- en buurtindeling than the "
                      "geometry (boundaries and codes change every year)");
    if (j->n_source_unmatched == 0 && st->rows > 0)
        return err_tr("the source covers other areas than the units: check the "
                      "area filter, or whether the source is at another level");
    return err_tr("check the key column and the level of the source");
}

int join_check(const join_result *j, double max_share, const char *name,
               const char *file)
{
    if (j->n_units == 0)
        return 0;
    double share = (double)j->n_units_unmatched / (double)j->n_units;
    if (share <= max_share)
        return 0;
    char ex_u[128] = "", ex_s[128] = "";
    size_t used = 0;
    for (size_t k = 0; k < j->n_units_unmatched && k < 3; k++)
        used += (size_t)snprintf(ex_u + used, sizeof ex_u - used, "%s%s",
                                 k ? ", " : "", j->units_unmatched[k]);
    used = 0;
    for (size_t k = 0; k < j->n_source_unmatched && k < 3; k++)
        used += (size_t)snprintf(ex_s + used, sizeof ex_s - used, "%s%s",
                                 k ? ", " : "", j->source_unmatched[k]);
    err_set(ERR_JOIN, file, 0, NULL,
            "source \"%s\": %zu of %zu %s (%.0f %%) found no row "
            "(for example %s)%s%s%s; likely cause: %s",
            name, j->n_units_unmatched, j->n_units,
            key_level_plural(j->unit_level), 100.0 * share,
            ex_u[0] ? ex_u : "-",
            ex_s[0] ? err_tr(", while the source has unused codes such as ")
                    : "",
            ex_s, ex_s[0] ? "" : "", likely_cause(j));
    return -1;
}
