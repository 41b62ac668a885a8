/* run_names.c - sources without region codes, joined by place names
 * (`key: {names: [gemeentenaam, buurtnaam]}`).
 *
 * A name join translates names into the units' codes and then joins by code
 * like any other source: the source gets a text column "_code" holding, per
 * row, the code of the unit with the same normalised names (missing when
 * none), and its key index is built on that column. When the unit source
 * itself has only names, its units get stand-in codes first (gemeente 9001,
 * 9002 ... in order of appearance, buurten numbered within it), so the rest
 * of the run works unchanged; the wijk level is then left out, as there is
 * no real wijk. Every unmatched name is written to the log and the manifest
 * with the nearest unit name.
 */
#include "run_internal.h"

#include "err.h"
#include "mem.h"

#include <stdio.h>
#include <string.h>

#define CODE_COL "_code"
#define KEYLEN 512

/* The name columns of s (key_names), checked to exist and hold text. */
static int name_cols(const run_source *s, const tbl_col **cols)
{
    const rcp_source *rs = s->rs;
    for (size_t k = 0; k < rs->key_names.n; k++) {
        cols[k] = tbl_col_by_name(s->t, rs->key_names.s[k]);
        if (!cols[k] || (cols[k]->type != COL_STRING && !rs->key_via.s) ||
            cols[k]->type == COL_GEOM) {
            const char *best[1];
            size_t nb = cols[k] ? 0 : expr_suggest(rs->key_names.s[k], s->cand,
                                                   s->n_cand, best, 1);
            return rcp_error_at(rs->key_names.at[k], ERR_RECIPE,
                                "source \"%s\" (%s) has no text column \"%s\" "
                                "with names%s%s%s",
                                rs->name.s, rs->resolved, rs->key_names.s[k],
                                nb ? err_tr("; did you mean \"") : "", nb ? best[0] : "",
                                nb ? "\"?" : "");
        }
    }
    return 0;
}

/* Writes the normalised key of row r (names joined by NAME_SEP) into buf;
 * 0 when a name is missing or empty. */
static int row_key(const tbl_col *const *cols, size_t nc, size_t r, char *buf,
                   size_t size)
{
    size_t used = 0;
    for (size_t k = 0; k < nc; k++) {
        const char *v = col_str(cols[k], r);
        if (!v)
            return 0;
        char one[KEYLEN / 2];
        name_norm(v, strlen(v), one, sizeof one);
        if (!one[0])
            return 0;
        int w = snprintf(buf + used, size - used, "%s%s",
                         k ? (char[]){NAME_SEP, 0} : "", one);
        if (w < 0 || (size_t)w >= size - used)
            return 0;
        used += (size_t)w;
    }
    return 1;
}

/* Replaces s's key by the string column CODE_COL filled from codes[r]
 * ("" = missing) and builds its key index at level l. */
static int index_codes(run_source *s, char (*codes)[KEY_MAX], key_level l)
{
    size_t n = tbl_nrows(s->t);
    long old = tbl_col_index(s->t, CODE_COL);
    if (old >= 0)
        tbl_drop_col(s->t, (size_t)old);
    tbl_col *c = tbl_add_col(s->t, CODE_COL, COL_STRING);
    if (!c)
        return -1;
    for (size_t r = 0; r < n; r++)
        if (codes[r][0] && col_set_str(c, n, r, codes[r], strlen(codes[r])) < 0)
            return -1;
    col_finish(c);
    if (run_source_fit_cols(s) < 0)
        return -1;
    c = tbl_col_by_name(s->t, CODE_COL);
    s->ix = keyidx_build(c, n, l, s->keep, &s->kst);
    if (!s->ix)
        return -1;
    s->level = l;
    return 0;
}

int run_names_synth_codes(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    const tbl_col *cols[3];
    if (name_cols(s, cols) < 0)
        return -1;
    key_level l = c->unit_level;
    if (l == KEY_GEMEENTE && rs->key_names.n != 1)
        return rcp_error_at(rs->key_names.pos, ERR_RECIPE,
                            "source \"%s\": gemeenten are joined on one name "
                            "column (names: [gemeentenaam])",
                            rs->name.s);
    size_t n = tbl_nrows(s->t);
    char (*codes)[KEY_MAX] = mem_calloc(n ? n : 1, KEY_MAX);
    char **gm = mem_calloc(n ? n : 1, sizeof *gm);  /* coarse name per gemeente */
    size_t *count = mem_calloc(n ? n : 1, sizeof *count);
    size_t n_gm = 0;
    int rc = -1;
    if (!codes || !gm || !count) {
        err_oom("stand-in codes");
        goto cleanup;
    }
    static const char b36[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (size_t r = 0; r < n; r++) {
        char key[KEYLEN];
        if ((s->keep && !s->keep[r]) ||
            !row_key(cols, rs->key_names.n, r, key, sizeof key))
            continue;
        char *sep = strrchr(key, NAME_SEP);
        const char *coarse = sep ? key : "";
        if (sep)
            *sep = '\0';
        size_t g = 0;
        while (g < n_gm && strcmp(gm[g], coarse) != 0)
            g++;
        if (g == n_gm) {
            gm[g] = mem_strdup(coarse);
            if (!gm[g]) {
                err_oom("stand-in codes");
                goto cleanup;
            }
            n_gm++;
        }
        size_t k = count[g]++;
        if (g >= 999 || (l == KEY_GEMEENTE ? g : k) >= 36 * 36) {
            err_set(ERR_JOIN, rs->resolved, 0, NULL,
                    "source \"%s\" has too many names to number (at most 999 "
                    "gemeenten with 1,296 %s each)",
                    rs->name.s, key_level_plural(l));
            goto cleanup;
        }
        if (l == KEY_GEMEENTE)
            snprintf(codes[r], KEY_MAX, "GM9%03zu", g + 1);
        else if (l == KEY_WIJK)
            snprintf(codes[r], KEY_MAX, "WK9%03zu%c%c", g + 1, b36[k / 36],
                     b36[k % 36]);
        else
            snprintf(codes[r], KEY_MAX, "BU9%03zu00%c%c", g + 1, b36[k / 36],
                     b36[k % 36]);
    }
    if (index_codes(s, codes, l) < 0)
        goto cleanup;
    c->synthetic_codes = 1;
    rc = 0;
cleanup:
    for (size_t g = 0; gm && g < n_gm; g++)
        mem_free(gm[g]);
    MEM_FREE_ALL(gm, count, codes);
    return rc;
}

/* The matching form of a key value: the canonical region code when it is
 * one (hint: the level its column's name suggests), else the normalised
 * name. */
static void via_norm(const char *raw, key_level hint, char *out, size_t size)
{
    char code[KEY_MAX];
    if (key_normalise(raw, strlen(raw), hint, code, NULL) != KEY_INVALID)
        name_norm(code, strlen(code), out, size);
    else
        name_norm(raw, strlen(raw), out, size);
}

/* The text of row r of column col (numbers as whole numbers when they are
 * whole) into buf; 0 when missing. */
static int cell_text(const tbl_col *col, size_t r, char *buf, size_t size)
{
    if (col_miss(col, r) != MISS_NONE)
        return 0;
    if (col->type == COL_STRING)
        snprintf(buf, size, "%s", col_str(col, r));
    else if (col->type == COL_INT64)
        snprintf(buf, size, "%lld", (long long)col->i[r]);
    else if (col->d[r] == (double)(long long)col->d[r])
        snprintf(buf, size, "%lld", (long long)col->d[r]);
    else
        snprintf(buf, size, "%g", col->d[r]);
    return 1;
}

/* Frees the first n keys (NULL entries are fine) and the array keys
 * (NULL is fine). */
static void keys_free(char **keys, size_t n)
{
    for (size_t k = 0; keys && k < n; k++)
        mem_free(keys[k]);
    mem_free(keys);
}

/* Stores a copy of key as keys[u] (keys[0..u) filled before). Returns 0,
 * or -1 on out of memory with an error naming `what`, keys[0..u) and the
 * array then freed. */
static int key_keep(char **keys, size_t u, const char *key, const char *what)
{
    keys[u] = mem_strdup(key);
    if (!keys[u]) {
        keys_free(keys, u);
        err_oom(what);
        return -1;
    }
    return 0;
}

/* Unit keys through `via: src.col`: the value of that column in the row of
 * src joined to each unit (src must be indexed already). NULL with the error
 * set. */
static char **via_keys(run_ctx *c, const run_source *s)
{
    const rcp_source *rs = s->rs;
    const char *dot = strchr(rs->key_via.s, '.');
    size_t nl = (size_t)(dot - rs->key_via.s);
    const run_source *v = NULL;
    for (size_t k = 0; k < c->n_src; k++)
        if (strlen(c->src[k].rs->name.s) == nl &&
            !strncmp(c->src[k].rs->name.s, rs->key_via.s, nl))
            v = &c->src[k];
    const tbl_col *col = v ? tbl_col_by_name(v->t, dot + 1) : NULL;
    if (!v || !col || !v->ix || col->type == COL_GEOM) {
        rcp_error_at(rs->key_via.pos, ERR_RECIPE,
                     "source \"%s\": via: %s names no column of an earlier "
                     "source joined to the units",
                     rs->name.s, rs->key_via.s);
        return NULL;
    }
    key_level hint = key_level_from_name(col->name);
    char **keys = mem_calloc(c->n_units ? c->n_units : 1, sizeof *keys);
    if (!keys) {
        err_oom("lookup join");
        return NULL;
    }
    for (size_t u = 0; u < c->n_units; u++) {
        int64_t r = keyidx_find(v->ix, c->units[u]);
        char raw[256], key[KEYLEN];
        if (r < 0 || !cell_text(col, (size_t)r, raw, sizeof raw))
            continue;
        via_norm(raw, hint, key, sizeof key);
        if (key_keep(keys, u, key, "lookup join") < 0)
            return NULL;
    }
    return keys;
}

/* The normalised key of every unit (names from the unit source: its name
 * column, and the gemeente name column when nn > 1); NULL entries for units
 * without names. The caller frees the strings and the array. */
static char **unit_keys(run_ctx *c, const run_source *s, size_t nn)
{
    if (s->rs->key_via.s)
        return via_keys(c, s);
    const run_source *us = &c->src[c->unit_src];
    const tbl_col *gcol = nn > 1 ? run_name_column(us, KEY_GEMEENTE) : NULL;
    if (nn > 1 && !gcol) {
        rcp_error_at(s->rs->key_names.pos, ERR_RECIPE,
                     "source \"%s\" is matched on %zu names, but the units "
                     "(source \"%s\") have no gemeente names (a column such "
                     "as gemeentenaam); match on the %s name alone",
                     s->rs->name.s, nn, us->rs->name.s,
                     key_level_name(c->unit_level));
        return NULL;
    }
    if (nn > 2) {
        rcp_error_at(s->rs->key_names.pos, ERR_RECIPE,
                     "source \"%s\": a name join on the units takes at most "
                     "two names (gemeente and %s)",
                     s->rs->name.s, key_level_name(c->unit_level));
        return NULL;
    }
    char **keys = mem_calloc(c->n_units ? c->n_units : 1, sizeof *keys);
    if (!keys) {
        err_oom("name join");
        return NULL;
    }
    for (size_t u = 0; u < c->n_units; u++) {
        const char *nm = c->unit_names[u];
        const char *gn = gcol ? col_str(gcol, (size_t)c->unit_row[u]) : NULL;
        if (!nm || (nn > 1 && !gn))
            continue;
        char a[KEYLEN / 2], b[KEYLEN / 2], key[KEYLEN];
        name_norm(nm, strlen(nm), b, sizeof b);
        if (nn > 1) {
            name_norm(gn, strlen(gn), a, sizeof a);
            snprintf(key, sizeof key, "%s%c%s", a, NAME_SEP, b);
        } else {
            snprintf(key, sizeof key, "%s", b);
        }
        if (key_keep(keys, u, key, "name join") < 0)
            return NULL;
    }
    return keys;
}

void run_names_row_text(const run_source *s, size_t row, char *out,
                        size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < s->rs->key_names.n && used < size; k++) {
        const tbl_col *col = tbl_col_by_name(s->t, s->rs->key_names.s[k]);
        const char *v = col && col->type == COL_STRING ? col_str(col, row)
                                                       : NULL;
        int w = snprintf(out + used, size - used, "%s%s", k ? " / " : "",
                         v ? v : "");
        if (w > 0)
            used += (size_t)w;
    }
}

void run_names_unit_text(const run_ctx *c, size_t u, int with_gemeente,
                         char *out, size_t size)
{
    const run_source *us = &c->src[c->unit_src];
    const tbl_col *g = with_gemeente ? run_name_column(us, KEY_GEMEENTE) : NULL;
    const char *gn = g ? col_str(g, (size_t)c->unit_row[u]) : NULL;
    const char *nm = c->unit_names[u] ? c->unit_names[u] : c->units[u];
    if (gn)
        snprintf(out, size, "%s / %s", gn, nm);
    else
        snprintf(out, size, "%s", nm);
}

/* Writes every unmatched name (as written in the source) with the nearest
 * unit name, and the units no row reached, to the log. */
static void log_misses(run_ctx *c, const run_source *s)
{
    FILE *f = c->opt->log;
    if (!f)
        return;
    const namejoin_result *nj = &s->nj;
    int two = s->rs->key_names.n > 1;
    fprintf(f, "  bron %-10s naamkoppeling: %zu namen gekoppeld, %zu zonder "
               "%s, %zu %s zonder naam uit de bron\n",
            s->rs->name.s, nj->matched_rows, nj->n_miss,
            key_level_name(c->unit_level), nj->n_units_unmatched,
            key_level_plural(c->unit_level));
    for (size_t k = 0; k < nj->n_miss; k++) {
        char a[KEYLEN], b[KEYLEN] = "";
        run_names_row_text(s, nj->miss[k].row, a, sizeof a);
        if (nj->miss[k].nearest >= 0)
            run_names_unit_text(c, (size_t)nj->miss[k].nearest, two, b,
                                sizeof b);
        fprintf(f, "    niet gevonden: %s (rij %zu)%s%s\n", a,
                nj->miss[k].row + 1, b[0] ? "; dichtstbij: " : "", b);
    }
    for (size_t k = 0; k < nj->n_units_unmatched; k++) {
        char a[KEYLEN];
        run_names_unit_text(c, nj->units_unmatched[k], two, a, sizeof a);
        fprintf(f, "    %s zonder rij in de bron: %s\n",
                key_level_name(c->unit_level), a);
    }
}

/* Fails when more than unmatched_max of the source's names found no unit:
 * one sentence with the file, the count and examples with their nearest
 * unit name. With an area filter the source's names outside the area have
 * no unit to match, so only the units' side is checked (by join_check). */
static int check_misses(run_ctx *c, const run_source *s)
{
    const namejoin_result *nj = &s->nj;
    if (c->n_area)
        return 0;
    size_t named = nj->matched_rows + nj->n_miss + nj->duplicate_rows;
    double share = named ? (double)nj->n_miss / (double)named : 0;
    if (share <= c->r->unmatched_max.v)
        return 0;
    char ex[700] = "";
    size_t used = 0;
    for (size_t k = 0; k < nj->n_miss && k < 3 && used < sizeof ex; k++) {
        char a[200], b[200] = "";
        run_names_row_text(s, nj->miss[k].row, a, sizeof a);
        if (nj->miss[k].nearest >= 0)
            run_names_unit_text(c, (size_t)nj->miss[k].nearest,
                                s->rs->key_names.n > 1, b, sizeof b);
        int w = snprintf(ex + used, sizeof ex - used, "%s\"%s\"%s%s%s",
                         k ? ", " : "", a, b[0] ? " (nearest: \"" : "", b,
                         b[0] ? "\")" : "");
        if (w > 0)
            used += (size_t)w;
    }
    err_set(ERR_JOIN, s->rs->resolved, 0, NULL,
            "source \"%s\": %zu of %zu names (%.0f %%) match no %s of the "
            "units, for example %s; names are compared ignoring case, "
            "accents, hyphens and spaces, and nothing is guessed: check the "
            "spelling or whether the source uses another year's buurt "
            "indeling (raise unmatched_max to accept this)",
            s->rs->name.s, nj->n_miss, named, 100.0 * share,
            key_level_name(c->unit_level), ex);
    return -1;
}

int run_names_join(run_ctx *c, run_source *s)
{
    const rcp_source *rs = s->rs;
    const tbl_col *cols[3];
    if (name_cols(s, cols) < 0)
        return -1;
    size_t nn = rs->key_names.n, n = tbl_nrows(s->t);
    char **ukeys = unit_keys(c, s, nn);
    if (!ukeys)
        return -1;
    char **rkeys = mem_calloc(n ? n : 1, sizeof *rkeys);
    char (*codes)[KEY_MAX] = mem_calloc(n ? n : 1, KEY_MAX);
    int rc = -1;
    if (!rkeys || !codes) {
        err_oom("name join");
        goto cleanup;
    }
    key_level vhint = key_level_from_name(rs->key_names.s[0]);
    for (size_t r = 0; r < n; r++) {
        char key[KEYLEN], raw[256];
        if (s->keep && !s->keep[r])
            continue;
        if (rs->key_via.s) {
            if (!cell_text(cols[0], r, raw, sizeof raw))
                continue;
            via_norm(raw, vhint, key, sizeof key);
        } else if (!row_key(cols, nn, r, key, sizeof key)) {
            continue;
        }
        rkeys[r] = mem_strdup(key);
        if (!rkeys[r]) {
            err_oom("name join");
            goto cleanup;
        }
    }
    if (namejoin_run((const char *const *)ukeys, c->n_units,
                     (const char *const *)rkeys, n, &s->nj) < 0)
        goto cleanup;
    s->name_joined = 1;
    for (size_t r = 0; r < n; r++)
        if (s->nj.unit_of_row[r] >= 0)
            memcpy(codes[r], c->units[s->nj.unit_of_row[r]], KEY_MAX);
    log_misses(c, s);
    if (check_misses(c, s) < 0 || index_codes(s, codes, c->unit_level) < 0)
        goto cleanup;
    rc = 0;
cleanup:
    keys_free(ukeys, c->n_units);
    keys_free(rkeys, n);
    mem_free(codes);
    return rc;
}
