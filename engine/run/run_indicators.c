/* run_indicators.c - compiling and evaluating a recipe's indicators: order
 * by dependencies (cycles are errors naming the path), type checks, the
 * percentage-is-not-a-count rule, column-at-a-time evaluation per unit, the
 * rollup parts (weight, numerator, denominator) and the small-number rule. */
#include "run_internal.h"

#include "err.h"
#include "mem.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

cat_kind run_column_kind(const run_ctx *c, const char *source,
                         const char *column);

/* After a failed parse or check of a value that came from the command line
 * (--set, no line), names the argument instead of "line 1". */
static void name_cli_origin(const rcp_str *text)
{
    const err_info *ei = err_get();
    if (!ei || text->pos.line > 0 || !text->pos.file)
        return;
    err_info saved = *ei;
    err_set(saved.category, text->pos.file, 0,
            saved.column[0] ? saved.column : NULL, "%s", saved.message);
}

/* Parses a recipe expression (syntax only); NULL with the error set. */
static expr *parse_text(const rcp_str *text)
{
    expr_origin at = {text->pos.file, text->pos.line, text->pos.col, 0};
    expr *e = expr_parse(text->s, text->pos.line > 0 ? &at : NULL);
    if (!e)
        name_cli_origin(text);
    return e;
}

/* After a failed expr_check of text: a resolver error has no position yet,
 * so it gets the expression's (the caller is the one that knows it); a
 * value from the command line names its argument. The category and the
 * sentence stay as they were. */
static void place_check_error(const rcp_str *text)
{
    const err_info *ei = err_get();
    if (ei && ei->loc_kind == ERR_LOC_NONE && text->pos.line > 0) {
        err_info saved = *ei;
        rcp_error_at(text->pos, saved.category, "%s", saved.message);
    }
    name_cli_origin(text);
}

/* Checks a parsed part against the resolver; -1 with the error placed at
 * the part's position. */
static int check_part(expr *e, const rcp_str *text, const expr_resolver *r)
{
    if (!e || expr_check(e, r) == 0)
        return 0;
    place_check_error(text);
    return -1;
}

expr *run_compile(const rcp_str *text, const expr_resolver *r)
{
    expr_origin at = {text->pos.file, text->pos.line, text->pos.col, 0};
    expr *e = expr_parse(text->s, text->pos.line > 0 ? &at : NULL);
    if (!e) {
        name_cli_origin(text);
        return NULL;
    }
    if (expr_check(e, r) < 0) {
        place_check_error(text);
        expr_free(e);
        return NULL;
    }
    return e;
}

static long find_indicator(const run_ctx *c, const char *name)
{
    for (size_t k = 0; k < c->n_ind; k++)
        if (!strcmp(c->ind[k].ri->name.s, name))
            return (long)k;
    return -1;
}

/* Depth-first visit for the evaluation order; a grey node met again is a
 * cycle, reported with its path at the position of the closing reference. */
static int visit(run_ctx *c, size_t k, size_t *order, size_t *n_order,
                 size_t *stack, size_t depth)
{
    run_indicator *ind = &c->ind[k];
    if (ind->state == 2)
        return 0;
    stack[depth] = k;
    if (ind->state == 1) {
        char path[1024] = "";
        size_t used = 0, start = 0;
        while (stack[start] != k)
            start++;
        for (size_t j = start; j <= depth && used < sizeof path; j++)
            used += (size_t)snprintf(path + used, sizeof path - used, "%s%s",
                                     j > start ? " -> " : "",
                                     c->ind[stack[j]].ri->name.s);
        const rcp_indicator *from = c->ind[stack[depth - 1]].ri;
        return rcp_error_at(from->expr.pos, ERR_RECIPE,
                            "indicators refer to each other in a circle: %s; "
                            "an indicator cannot depend on itself",
                            path);
    }
    ind->state = 1;
    /* the main expression and the rollup / small-number parts all need
     * the indicators they name to be evaluated first */
    const expr *parts[] = {ind->e, ind->weight, ind->num, ind->den, ind->base};
    int rc = 0;
    for (size_t p = 0; p < sizeof parts / sizeof parts[0] && rc == 0; p++) {
        if (!parts[p])
            continue;
        expr_dep *deps = NULL;
        size_t nd = 0;
        if (expr_deps(parts[p], &deps, &nd) < 0)
            return -1;
        for (size_t d = 0; d < nd && rc == 0; d++) {
            if (deps[d].kind != EXPR_DEP_INDICATOR)
                continue;
            long j = find_indicator(c, deps[d].name);
            if (j >= 0)
                rc = visit(c, (size_t)j, order, n_order, stack, depth + 1);
        }
        mem_free(deps);
    }
    if (rc < 0)
        return -1;
    ind->state = 2;
    order[(*n_order)++] = k;
    return 0;
}

/* What the unit text says the indicator is when it cannot be summed (a
 * percentage, a "per 100/1000" rate, a mean, a ratio), or NULL. */
static const char *rate_unit(const char *unit)
{
    if (!unit)
        return NULL;
    char low[128];
    size_t n = 0;
    for (; unit[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)unit[n]);
    low[n] = '\0';
    if (strchr(low, '%') || strstr(low, "procent") || strstr(low, "percent"))
        return "percentage";
    if (!strncmp(low, "per ", 4) || strstr(low, " per ") || strchr(low, '/'))
        return "rate";
    if (strstr(low, "gemiddel") || strstr(low, "mean") ||
        strstr(low, "average"))
        return "mean";
    if (strstr(low, "ratio") || strstr(low, "verhouding"))
        return "ratio";
    return NULL;
}

/* Issue 11 item 2: whatever its source, an indicator whose unit says it is
 * a percentage, rate, mean or ratio cannot roll up by summing (that
 * printed "Haarlem 827 %"); without any rollup rule it gets a warning on
 * the log, as its wijk and gemeente values would all be "niet
 * berekenbaar". */
static int check_rate_rollup(run_ctx *c, const run_indicator *ind)
{
    const rcp_indicator *ri = ind->ri;
    const char *what = rate_unit(ri->unit.s);
    if (!what)
        return 0;
    rcp_pos at = ri->rollup.method.pos.line ? ri->rollup.method.pos
                 : ri->kind.pos.line        ? ri->kind.pos
                                            : ri->unit.pos;
    if (ind->rule == ROLL_SUM)
        return rcp_error_at(at, ERR_RECIPE,
                            "indicator \"%s\" has unit \"%s\" (a %s), but "
                            "rolls up by summing; a sum of %ss means nothing "
                            "for a wijk or gemeente. Use rollup: {method: "
                            "weighted_mean, weight: <the base, e.g. "
                            "households>} or {method: ratio, numerator: ..., "
                            "denominator: ...}",
                            ri->name.s, ri->unit.s, what, what);
    if (ind->rule == ROLL_NONE && !ri->rollup.method.pos.line && c->opt &&
        c->opt->log) {
        rcp_pos p = ri->unit.pos.line ? ri->unit.pos : ri->name.pos;
        fprintf(c->opt->log,
                "waarschuwing: %s:%ld:%ld: indicator \"%s\" (%s) heeft geen "
                "rollup-regel, dus geen waarde per wijk, gemeente of gebied; "
                "voeg rollup: {method: weighted_mean, weight: ...} of "
                "{method: ratio, ...} toe\n",
                p.file ? p.file : c->r->path, p.line, p.col, ri->name.s,
                ri->unit.s);
    }
    return 0;
}

/* A count rolled up by summing cannot be made of percentages or means. */
static int check_not_percentage(run_ctx *c, const run_indicator *ind)
{
    if (check_rate_rollup(c, ind) < 0)
        return -1;
    if (ind->rule != ROLL_SUM)
        return 0;
    expr_dep *deps = NULL;
    size_t nd = 0, n_cols = 0, n_rates = 0;
    if (expr_deps(ind->e, &deps, &nd) < 0)
        return -1;
    const expr_dep *example = NULL;
    cat_kind ex_kind = CAT_UNKNOWN;
    for (size_t d = 0; d < nd; d++) {
        if (deps[d].kind != EXPR_DEP_COLUMN)
            continue;
        n_cols++;
        cat_kind k = run_column_kind(c, deps[d].source, deps[d].name);
        if (k == CAT_PERCENTAGE || k == CAT_MEAN || k == CAT_SHARE) {
            n_rates++;
            if (!example) {
                example = &deps[d];
                ex_kind = k;
            }
        }
    }
    int rc = 0;
    if (n_cols > 0 && n_rates == n_cols) {
        rcp_pos at = ind->ri->expr.pos;
        if (example->line > 0) {
            at.line = example->line;
            at.col = example->col;
        }
        rc = rcp_error_at(at, ERR_RECIPE,
                          "indicator \"%s\" is a count (it rolls up by "
                          "summing), but %s.%s is a %s; adding up %ss gives "
                          "nonsense. Multiply it by its base (for example "
                          "%s.%s / 100 * the number of dwellings or "
                          "residents), or make the indicator a rate with a "
                          "weighted_mean rollup",
                          ind->ri->name.s, example->source, example->name,
                          cat_kind_name(ex_kind), cat_kind_name(ex_kind),
                          example->source, example->name);
    }
    mem_free(deps);
    return rc;
}

static roll_rule rule_of(const rcp_indicator *ri)
{
    switch (ri->rollup.method.v) {
    case RCP_ROLLUP_SUM: return ROLL_SUM;
    case RCP_ROLLUP_MEAN: return ROLL_MEAN;
    case RCP_ROLLUP_WEIGHTED_MEAN: return ROLL_WMEAN;
    case RCP_ROLLUP_RATIO: return ROLL_RATIO;
    case RCP_ROLLUP_NONE: return ROLL_NONE;
    case RCP_ROLLUP_WILSON_LOWER: return ROLL_WILSON_LO;
    case RCP_ROLLUP_WILSON_UPPER: return ROLL_WILSON_HI;
    default: return ri->kind.v == RCP_KIND_COUNT ? ROLL_SUM : ROLL_NONE;
    }
}

static int alloc_values(size_t n, double **v, uint8_t **m)
{
    *v = mem_alloc((n ? n : 1) * sizeof **v);
    *m = mem_alloc(n ? n : 1);
    return (*v && *m) ? 0 : err_oom("indicator values");
}

int run_compile_indicators(run_ctx *c)
{
    const rcp *r = c->r;
    c->n_ind = r->n_indicators;
    c->ind = mem_calloc(c->n_ind ? c->n_ind : 1, sizeof *c->ind);
    c->ind_names = mem_alloc((c->n_ind ? c->n_ind : 1) * sizeof *c->ind_names);
    if (!c->ind || !c->ind_names) {
        c->n_ind = 0; /* run_indicators_free must not walk a missing array */
        return err_oom("indicators");
    }
    for (size_t k = 0; k < c->n_ind; k++) {
        run_indicator *ind = &c->ind[k];
        ind->ri = &r->indicators[k];
        c->ind_names[k] = ind->ri->name.s;
        static const char *const reserved[] = {"code", "name", "geometry", "fid"};
        for (size_t j = 0; j < sizeof reserved / sizeof reserved[0]; j++)
            if (!strcasecmp(ind->ri->name.s, reserved[j]))
                return rcp_error_at(ind->ri->name.pos, ERR_RECIPE,
                                    "an indicator cannot be called \"%s\": the "
                                    "output tables use that column name; "
                                    "choose another name", ind->ri->name.s);
        for (size_t j = 0; j < k; j++)
            if (!strcasecmp(ind->ri->name.s, r->indicators[j].name.s))
                return rcp_error_at(ind->ri->name.pos, ERR_RECIPE,
                                    "indicator \"%s\" differs from \"%s\" "
                                    "only in upper/lower case, which the "
                                    "GeoPackage output cannot tell apart",
                                    ind->ri->name.s, r->indicators[j].name.s);
        expr_origin at = {ind->ri->expr.pos.file, ind->ri->expr.pos.line,
                          ind->ri->expr.pos.col, 0};
        ind->e = expr_parse(ind->ri->expr.s,
                            ind->ri->expr.pos.line > 0 ? &at : NULL);
        if (!ind->e) {
            name_cli_origin(&ind->ri->expr);
            return -1;
        }
        ind->rule = rule_of(ind->ri);
        const rcp_rollup *ru = &ind->ri->rollup;
        if ((ind->rule == ROLL_WMEAN && ru->weight.s &&
             !(ind->weight = parse_text(&ru->weight))) ||
            ((ind->rule == ROLL_RATIO || ind->rule == ROLL_WILSON_LO ||
              ind->rule == ROLL_WILSON_HI) &&
             (!(ind->num = parse_text(&ru->numerator)) ||
              !(ind->den = parse_text(&ru->denominator)))) ||
            (ind->ri->min_base.expr.s &&
             !(ind->base = parse_text(&ind->ri->min_base.expr))))
            return -1;
        if (alloc_values(c->n_units, &ind->v, &ind->m) < 0 ||
            alloc_values(c->n_units, &ind->rv, &ind->rm) < 0)
            return -1;
    }
    /* order by dependencies, then compile in that order so that types of
     * referenced indicators are known */
    size_t *order = mem_alloc((c->n_ind + 1) * sizeof *order);
    size_t *stack = mem_alloc((c->n_ind + 1) * sizeof *stack);
    size_t n_order = 0;
    int rc = (order && stack) ? 0 : err_oom("indicator order");
    for (size_t k = 0; k < c->n_ind && rc == 0; k++)
        rc = visit(c, k, order, &n_order, stack, 0);
    mem_free(stack);
    expr_resolver res;
    run_resolver(c, &res);
    for (size_t o = 0; o < n_order && rc == 0; o++) {
        run_indicator *ind = &c->ind[order[o]];
        rc = expr_check(ind->e, &res);
        if (rc < 0) {
            place_check_error(&ind->ri->expr);
            break;
        }
        ind->is_bool = expr_result_type(ind->e) == EXPR_T_BOOL;
        const rcp_rollup *ru = &ind->ri->rollup;
        if (check_part(ind->weight, &ru->weight, &res) < 0 ||
            check_part(ind->num, &ru->numerator, &res) < 0 ||
            check_part(ind->den, &ru->denominator, &res) < 0 ||
            check_part(ind->base, &ind->ri->min_base.expr, &res) < 0)
            rc = -1;
        if (rc == 0 && ind->rule == ROLL_WMEAN && !ind->weight)
            rc = rcp_error_at(ru->method.pos, ERR_RECIPE,
                              "indicator \"%s\": a weighted_mean rollup "
                              "needs `weight:` (for example the number of "
                              "households)", ind->ri->name.s);
        if (rc == 0)
            rc = check_not_percentage(c, ind);
    }
    /* evaluation order: remember it by permuting the array */
    if (rc == 0) {
        run_indicator *sorted = mem_alloc((c->n_ind ? c->n_ind : 1) * sizeof *sorted);
        if (!sorted) {
            rc = err_oom("indicators");
        } else {
            for (size_t o = 0; o < n_order; o++)
                sorted[o] = c->ind[order[o]];
            memcpy(c->ind, sorted, c->n_ind * sizeof *sorted);
            mem_free(sorted);
            for (size_t k = 0; k < c->n_ind; k++)
                c->ind_names[k] = c->ind[k].ri->name.s;
        }
    }
    mem_free(order);
    return rc;
}

/* Evaluates part e (or leaves *v NULL when e is NULL). */
static int eval_part(run_ctx *c, const expr_resolver *res, const expr *e,
                     double **v, uint8_t **m)
{
    if (!e)
        return 0;
    if (alloc_values(c->n_units, v, m) < 0)
        return -1;
    return expr_eval(e, res, c->n_units, *v, *m);
}

int run_eval_indicators(run_ctx *c)
{
    expr_resolver res;
    run_resolver(c, &res);
    for (size_t k = 0; k < c->n_ind; k++) {
        run_indicator *ind = &c->ind[k];
        /* the rollup parts and the base see other indicators as they were
         * before their own small-number rule: a weight is a weight */
        int rc = expr_eval(ind->e, &res, c->n_units, ind->v, ind->m);
        c->parts_raw = 1;
        if (rc == 0 && (eval_part(c, &res, ind->weight, &ind->wv, &ind->wm) < 0 ||
                        eval_part(c, &res, ind->num, &ind->nv, &ind->nm) < 0 ||
                        eval_part(c, &res, ind->den, &ind->dv, &ind->dm) < 0 ||
                        eval_part(c, &res, ind->base, &ind->bv, &ind->bm) < 0))
            rc = -1;
        c->parts_raw = 0;
        if (rc < 0) {
            err_prefix("indicator \"%s\"", ind->ri->name.s);
            return -1;
        }
        /* rollups start from the values before suppression (the group's
         * own base is checked again there); the units, maps, sheets and
         * indicators that refer to this one see the suppressed values.
         * A missing base (CBS secret, mostly a small count) suppresses
         * too. */
        memcpy(ind->rv, ind->v, c->n_units * sizeof *ind->v);
        memcpy(ind->rm, ind->m, c->n_units);
        if (ind->base) {
            double min = ind->ri->min_base.min.v;
            for (size_t u = 0; u < c->n_units; u++)
                if (!ind->m[u] && (ind->bm[u] || ind->bv[u] < min)) {
                    ind->m[u] = MISS_SUPPRESSED;
                    ind->v[u] = 0;
                }
        }
    }
    return 0;
}

void run_indicators_free(run_ctx *c)
{
    for (size_t k = 0; k < c->n_ind; k++) {
        run_indicator *ind = &c->ind[k];
        expr_free(ind->e);
        expr_free(ind->weight);
        expr_free(ind->num);
        expr_free(ind->den);
        expr_free(ind->base);
        MEM_FREE_ALL(ind->v, ind->m, ind->rv, ind->rm, ind->wv, ind->wm,
                     ind->nv, ind->nm, ind->dv, ind->dm, ind->bv, ind->bm);
    }
    MEM_FREE_ALL(c->ind, c->ind_names);
}

int run_error_here(rcp_pos pos, const char *what)
{
    const err_info *ei = err_get();
    err_info saved;
    if (ei)
        saved = *ei;
    else {
        memset(&saved, 0, sizeof saved);
        saved.category = ERR_RECIPE;
        snprintf(saved.message, sizeof saved.message, "failed");
    }
    if (what)
        return rcp_error_at(pos, saved.category, "%s: %s", what, saved.message);
    return rcp_error_at(pos, saved.category, "%s", saved.message);
}
