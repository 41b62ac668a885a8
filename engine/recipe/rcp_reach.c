/* rcp_reach.c - the reach and hard-to-reach constructs of a recipe.
 *
 * A reach indicator
 *
 *     bereik_laag_inkomen:
 *       kind: reach
 *       reached: bezoeken_laag.households
 *       target: e.households * e.pct_hh_lowincome130_2024 / 100
 *       min_base: 20            # or {min: 20, label: ...}; base = target
 *
 * expands, after the whole recipe is read, into ordinary indicators (so
 * maps, fact sheets, comparisons, tables and the manifest see them all):
 *
 *   <name>_bereikt     reached                        count, rollup sum
 *   <name>_doelgroep   target                         count, rollup sum
 *   <name>             100 * reached / target         %, rollup ratio of sums
 *   <name>_gat         target - reached               count, rollup sum
 *   <name>_gat_rang    rank_desc(gap) in the area     1 = largest gap
 *   <name>_ci_onder    wilson_lower(reached, target)  %, Wilson of the sums
 *   <name>_ci_boven    wilson_upper(reached, target)  %, Wilson of the sums
 *   <name>_funnel      funnel(reached, target, area rate): -2 .. 2
 *   <name>_onder_grens <name>_funnel == -2: below the 99.8 % funnel limit
 *
 * min_base (base: the target group) suppresses the rate, the interval, the
 * funnel position and the flag, with its label as the reason.
 *
 * A hard-to-reach index
 *
 *     moeilijk_bereikbaar:
 *       kind: index
 *       factors:
 *         laag_inkomen: {expr: e.pct_hh_lowincome130_2024, weight: 1}
 *         huur: e.pct_rent                       # weight 1
 *
 * expands into <name>_<factor> = weight * zscore(expr) for each factor (its
 * contribution, kept so a fact sheet can show why a buurt scores high) and
 * <name> = the sum of the contributions. Neither rolls up (z-scores belong
 * to the units of this run).
 *
 * All memory comes from the recipe arena. The Dutch and English words of
 * the generated labels are together in part_words below.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "rcp_internal.h"
#include "rcp_reach.h"

/* ---- words (user-facing; keep together) ------------------------------- */

/* Label pattern per part, Dutch and English; %s is the parent's label. */
static const struct {
    int part;
    const char *suffix;
    const char *nl, *en;
} part_words[] = {
    {RCP_PART_REACHED, "_bereikt", "%s: bereikt", "%s: reached"},
    {RCP_PART_TARGET, "_doelgroep", "%s: doelgroep", "%s: target group"},
    {RCP_PART_REACH_RATE, "", "%s", "%s"},
    {RCP_PART_GAP, "_gat", "%s: nog niet bereikt", "%s: not yet reached"},
    {RCP_PART_GAP_RANK, "_gat_rang", "%s: rang van het gat (1 = grootste)",
     "%s: rank of the gap (1 = largest)"},
    {RCP_PART_CI_LOWER, "_ci_onder", "%s: ondergrens 95%%-interval",
     "%s: lower end of the 95%% interval"},
    {RCP_PART_CI_UPPER, "_ci_boven", "%s: bovengrens 95%%-interval",
     "%s: upper end of the 95%% interval"},
    {RCP_PART_FUNNEL, "_funnel",
     "%s: positie in de funnelplot (-2 onder 99,8%%-grens, -1 onder "
     "95%%-grens, 0 binnen, 1 en 2 erboven)",
     "%s: position in the funnel plot (-2 below the 99.8%% limit, -1 below "
     "the 95%% limit, 0 inside, 1 and 2 above)"},
    {RCP_PART_BELOW_LIMIT, "_onder_grens",
     "%s: onder de 99,8%%-grens van de funnelplot",
     "%s: below the 99.8%% funnel limit"},
};
#define N_PARTS (sizeof part_words / sizeof part_words[0])
static const char *const w_small_nl = "doelgroep te klein";
static const char *const w_small_en = "target group too small";
static const char *const w_index_nl = "%s: bijdrage van %s";
static const char *const w_index_en = "%s: contribution of %s";

/* ---- parsing ------------------------------------------------------------ */

#define FAC(f) offsetof(rcp_factor, f)
static const rcp_field factor_fields[] = {
    {.key = "expr", .kind = F_EXPR, .off = FAC(expr), .required = 1,
     .hint = "an expression such as w.pct_huur"},
    {.key = "weight", .kind = F_NUM, .off = FAC(weight), .dlo = -1000,
     .dhi = 1000, .hint = "a number such as 1 or 0.5"},
    {.key = "label", .kind = F_STR, .off = FAC(label)},
    {.key = NULL}};
#undef FAC

/* One factor of factors: (an rcp_entryfn; item is the rcp_factor). */
static int factor_entry(rcp_sctx *c, const ry_node *nk, const ry_node *nv,
                        void *item, const char *what)
{
    rcp_factor *f = item;
    char w[300];
    snprintf(w, sizeof w, err_tr("factor \"%.80s\" of %s"), nk->text, what);
    if (rcp_check_name(nk, 1, "factor") < 0 ||
        rcp_set_str(c, &f->name, nk) < 0)
        return -1;
    f->weight.v = 1;
    if (ry_is_null(nv))
        return rcp_fail(nk, "%s has no expression", w);
    if (nv->kind == RY_SCALAR) {
        if (rcp_convert(c, &factor_fields[0], nk, nv, f, w) < 0)
            return -1;
    } else if (rcp_fill(c, nv, factor_fields, f, w, nk) < 0) {
        return -1;
    }
    return 0;
}

int rcp_factors_fn(rcp_sctx *c, const ry_node *key, const ry_node *val,
                   void *obj, const char *what)
{
    rcp_indicator *ind = obj;
    (void)key;
    if (val->kind != RY_MAP || val->n == 0)
        return rcp_fail(val, "factors of %s must be a mapping of factor "
                             "names to expressions, such as factors: "
                             "{huur: w.pct_huur, laag_inkomen: {expr: "
                             "w.pct_laag, weight: 2}}",
                        what);
    ind->factors = rcp_named_entries(c, val, sizeof *ind->factors,
                                     &ind->n_factors, factor_entry, what);
    return ind->factors ? 0 : -1;
}

int rcp_indicator_is_construct(const ry_node *nv)
{
    if (nv->kind != RY_MAP)
        return 0;
    for (size_t k = 0; k < nv->n; k++) {
        const ry_node *key = nv->items[2 * k], *v = nv->items[2 * k + 1];
        if (!strcmp(key->text, "reached") || !strcmp(key->text, "target") ||
            !strcmp(key->text, "factors"))
            return 1;
        if (!strcmp(key->text, "kind") && v->kind == RY_SCALAR &&
            !strcmp(v->text, "reach"))
            return 1;
    }
    return 0;
}

/* ---- expansion ---------------------------------------------------------- */

/* A generated text value: s with the position of at (not exact: errors
 * point at the start of at). */
static int gen_str(rcp_sctx *c, rcp_str *out, const rcp_str *at,
                   const char *text)
{
    memset(out, 0, sizeof *out);
    out->s = rcp_arena_strdup(c->a, text);
    if (!out->s)
        return -1;
    out->pos = at->pos;
    return 0;
}

/* A generated text that ends with the text of e, positioned so that the
 * copied part keeps its columns when e is one exact line. */
static int gen_wrap(rcp_sctx *c, rcp_str *out, const rcp_str *e,
                    const char *prefix, const char *suffix)
{
    char *t = rcp_arena_printf(c->a, "%s%s%s", prefix, e->s, suffix);
    if (!t)
        return -1;
    memset(out, 0, sizeof *out);
    out->s = t;
    out->pos = e->pos;
    long len = (long)strlen(prefix);
    if (e->exact && e->pos.line > 0 && e->pos.col > len)
        out->pos.col = e->pos.col - len;
    return 0;
}

/* Words of part p. */
static int words_of(int part)
{
    for (size_t k = 0; k < N_PARTS; k++)
        if (part_words[k].part == part)
            return (int)k;
    return 0;
}

/* Fills the name and label of a generated part of parent ind. */
static int name_part(rcp_sctx *c, const rcp *r, rcp_indicator *out,
                     const rcp_indicator *ind, int part)
{
    int w = words_of(part);
    const char *base = ind->label.s ? ind->label.s : ind->name.s;
    char *name = rcp_arena_printf(c->a, "%s%s", ind->name.s,
                                  part_words[w].suffix);
    char *label = rcp_arena_printf(
        c->a, r->language.v == RCP_EN ? part_words[w].en : part_words[w].nl,
        base);
    if (!name || !label)
        return -1;
    out->name.s = name;
    out->name.pos = ind->name.pos;
    out->label.s = label;
    out->label.pos = ind->label.pos;
    out->part = part;
    out->part_of = ind->name.s;
    out->decimals.v = -1;
    out->rollup.scale.v = 1;
    return 0;
}

/* Makes o a per-unit index (a rank, a funnel position, a flag): a whole
 * number, neither better nor worse when higher, not rolled up. */
static void set_index(rcp_indicator *o)
{
    o->kind.v = RCP_KIND_INDEX;
    o->rollup.method.v = RCP_ROLLUP_NONE;
    o->decimals.v = 0;
    o->higher_is.v = RCP_NEUTRAL;
}

/* Expands reach indicator ind into out[0..9). */
static int expand_reach(rcp_sctx *c, const rcp *r, const rcp_indicator *ind,
                        rcp_indicator *out)
{
    const char *n = ind->name.s;
    char buf[1200];
    rcp_min_base mb = ind->min_base;
    for (int k = 0; k < 9; k++)
        memset(&out[k], 0, sizeof out[k]);
    static const int order[9] = {
        RCP_PART_REACH_RATE, RCP_PART_REACHED, RCP_PART_TARGET, RCP_PART_GAP,
        RCP_PART_GAP_RANK, RCP_PART_CI_LOWER, RCP_PART_CI_UPPER,
        RCP_PART_FUNNEL, RCP_PART_BELOW_LIMIT};
    for (int k = 0; k < 9; k++) {
        rcp_indicator *o = &out[k];
        if (name_part(c, r, o, ind, order[k]) < 0)
            return -1;
        o->description = ind->description;
        o->higher_is = ind->higher_is;
        int suppress = 0;
        switch (order[k]) {
        case RCP_PART_REACH_RATE:
            o->label = ind->label;
            o->unit = ind->unit;
            if (!o->unit.s && gen_str(c, &o->unit, &ind->name, "%") < 0)
                return -1;
            o->kind.v = RCP_KIND_RATE;
            o->decimals = ind->decimals;
            snprintf(buf, sizeof buf, "100 * %s_bereikt / %s_doelgroep", n, n);
            o->rollup.method.v = RCP_ROLLUP_RATIO;
            o->rollup.scale.v = 100;
            suppress = 1;
            break;
        case RCP_PART_REACHED:
        case RCP_PART_TARGET:
            o->expr = order[k] == RCP_PART_REACHED ? ind->reached : ind->target;
            o->kind.v = RCP_KIND_COUNT;
            o->rollup.method.v = RCP_ROLLUP_SUM;
            o->higher_is.v = RCP_NEUTRAL;
            continue;
        case RCP_PART_GAP:
            snprintf(buf, sizeof buf, "%s_doelgroep - %s_bereikt", n, n);
            o->kind.v = RCP_KIND_COUNT;
            o->rollup.method.v = RCP_ROLLUP_SUM;
            o->higher_is.v = RCP_HIGHER_WORSE;
            break;
        case RCP_PART_GAP_RANK:
            snprintf(buf, sizeof buf, "rank_desc(%s_gat)", n);
            set_index(o);
            break;
        case RCP_PART_CI_LOWER:
        case RCP_PART_CI_UPPER: {
            int lo = order[k] == RCP_PART_CI_LOWER;
            snprintf(buf, sizeof buf, "wilson_%s(%s_bereikt, %s_doelgroep)",
                     lo ? "lower" : "upper", n, n);
            o->unit = out[0].unit;
            o->kind.v = RCP_KIND_RATE;
            o->decimals = ind->decimals;
            o->rollup.method.v = lo ? RCP_ROLLUP_WILSON_LOWER
                                    : RCP_ROLLUP_WILSON_UPPER;
            o->rollup.scale.v = 100;
            suppress = 1;
            break;
        }
        case RCP_PART_FUNNEL:
            snprintf(buf, sizeof buf,
                     "funnel(%s_bereikt, %s_doelgroep, 100 * "
                     "sum_area(%s_bereikt + 0 * %s_doelgroep) / "
                     "sum_area(%s_doelgroep + 0 * %s_bereikt))",
                     n, n, n, n, n, n);
            set_index(o);
            suppress = 1;
            break;
        case RCP_PART_BELOW_LIMIT:
            snprintf(buf, sizeof buf, "%s_funnel == -2", n);
            set_index(o);
            break;
        }
        if (gen_str(c, &o->expr, &ind->name, buf) < 0)
            return -1;
        if (o->rollup.method.v == RCP_ROLLUP_RATIO ||
            o->rollup.method.v == RCP_ROLLUP_WILSON_LOWER ||
            o->rollup.method.v == RCP_ROLLUP_WILSON_UPPER) {
            char num[300], den[300];
            snprintf(num, sizeof num, "%s_bereikt", n);
            snprintf(den, sizeof den, "%s_doelgroep", n);
            if (gen_str(c, &o->rollup.numerator, &ind->name, num) < 0 ||
                gen_str(c, &o->rollup.denominator, &ind->name, den) < 0)
                return -1;
        }
        if (suppress && rcp_given(mb.min.pos)) {
            o->min_base = mb;
            if (!mb.expr.s) {
                char den[300];
                snprintf(den, sizeof den, "%s_doelgroep", n);
                if (gen_str(c, &o->min_base.expr, &ind->name, den) < 0)
                    return -1;
            }
            if (!mb.label.s &&
                gen_str(c, &o->min_base.label, &ind->name,
                        r->language.v == RCP_EN ? w_small_en : w_small_nl) < 0)
                return -1;
        }
    }
    return 0;
}

/* Expands index ind with factors into out[0..n_factors] (total first). */
static int expand_index(rcp_sctx *c, const rcp *r, const rcp_indicator *ind,
                        rcp_indicator *out)
{
    size_t nf = ind->n_factors;
    for (size_t k = 0; k <= nf; k++)
        memset(&out[k], 0, sizeof out[k]);
    rcp_indicator *t = &out[0];
    *t = *ind;
    t->factors = NULL;
    t->n_factors = 0;
    t->part = RCP_PART_INDEX_TOTAL;
    t->part_of = ind->name.s;
    t->rollup.method.v = RCP_ROLLUP_NONE;
    size_t cap = 64;
    for (size_t k = 0; k < nf; k++)
        cap += strlen(ind->name.s) + strlen(ind->factors[k].name.s) + 4;
    char *sum = rcp_arena_alloc(c->a, cap);
    if (!sum)
        return -1;
    for (size_t k = 0; k < nf; k++) {
        const rcp_factor *f = &ind->factors[k];
        rcp_indicator *o = &out[k + 1];
        char *name = rcp_arena_printf(c->a, "%s_%s", ind->name.s, f->name.s);
        char *label = rcp_arena_printf(
            c->a, r->language.v == RCP_EN ? w_index_en : w_index_nl,
            ind->label.s ? ind->label.s : ind->name.s,
            f->label.s ? f->label.s : f->name.s);
        char prefix[64];
        snprintf(prefix, sizeof prefix, "%.17g * zscore(", f->weight.v);
        if (!name || !label || gen_wrap(c, &o->expr, &f->expr, prefix, ")") < 0)
            return -1;
        o->name.s = name;
        o->name.pos = f->name.pos;
        o->label.s = label;
        o->label.pos = f->name.pos;
        o->kind.v = RCP_KIND_INDEX;
        o->rollup.method.v = RCP_ROLLUP_NONE;
        o->rollup.scale.v = 1;
        o->decimals.v = ind->decimals.v >= 0 ? ind->decimals.v : 2;
        o->part = RCP_PART_INDEX_FACTOR;
        o->part_of = ind->name.s;
        o->factor = f->label.s ? f->label.s : f->name.s;
        size_t u = strlen(sum);
        snprintf(sum + u, cap - u, "%s%s", k ? " + " : "", name);
    }
    if (t->decimals.v < 0)
        t->decimals.v = 2;
    return gen_str(c, &t->expr, &ind->name, sum);
}

int rcp_expand_constructs(rcp_sctx *c, rcp *r)
{
    size_t total = 0, any = 0;
    for (size_t k = 0; k < r->n_indicators; k++) {
        const rcp_indicator *ind = &r->indicators[k];
        char w[200];
        snprintf(w, sizeof w, err_tr("indicator \"%.100s\""), ind->name.s);
        int is_reach = ind->kind.v == RCP_KIND_REACH || ind->reached.s ||
                       ind->target.s;
        if (is_reach) {
            if (ind->n_factors)
                return rcp_error_at(ind->name.pos, ERR_RECIPE,
                                    "%s has both reached:/target: and "
                                    "factors:; a reach indicator and a "
                                    "hard-to-reach index are separate "
                                    "indicators", w);
            if (!ind->reached.s || !ind->target.s)
                return rcp_error_at(ind->name.pos, ERR_RECIPE,
                                    "%s is a reach indicator and needs both "
                                    "reached: (those reached, such as "
                                    "bezoeken.households) and target: (the "
                                    "target group, such as "
                                    "w.huishoudens)", w);
            if (rcp_given(ind->kind.pos) && ind->kind.v != RCP_KIND_REACH)
                return rcp_error_at(ind->kind.pos, ERR_RECIPE,
                                    "%s has reached: and target:, so its "
                                    "kind must be reach", w);
            if (rcp_given(ind->rollup.method.pos))
                return rcp_error_at(ind->rollup.method.pos, ERR_RECIPE,
                                    "%s is a reach indicator: it always "
                                    "rolls up as the ratio of summed reached "
                                    "and target; remove rollup:", w);
            total += 9;
            any = 1;
        } else if (ind->n_factors) {
            if (rcp_given(ind->kind.pos) && ind->kind.v != RCP_KIND_INDEX)
                return rcp_error_at(ind->kind.pos, ERR_RECIPE,
                                    "%s has factors:, so its kind must be "
                                    "index", w);
            total += 1 + ind->n_factors;
            any = 1;
        } else {
            if (!ind->expr.s)
                return rcp_error_at(ind->name.pos, ERR_RECIPE,
                                    "%s has no expr: key; add expr: with an "
                                    "expression such as 100 * "
                                    "w.huishoudens / g.huishoudens", w);
            if (rcp_given(ind->min_base.min.pos) && !ind->min_base.expr.s)
                return rcp_error_at(ind->min_base.min.pos, ERR_RECIPE,
                                    "min_base of %s needs expr: with the "
                                    "base expression, such as "
                                    "w.huishoudens (only a reach indicator "
                                    "takes its target group as the base)",
                                    w);
            total += 1;
        }
    }
    if (!any)
        return 0;
    rcp_indicator *all = rcp_arena_alloc(c->a, total * sizeof *all);
    if (!all)
        return -1;
    size_t at = 0;
    for (size_t k = 0; k < r->n_indicators; k++) {
        const rcp_indicator *ind = &r->indicators[k];
        if (ind->reached.s) {
            if (expand_reach(c, r, ind, all + at) < 0)
                return -1;
            at += 9;
        } else if (ind->n_factors) {
            if (expand_index(c, r, ind, all + at) < 0)
                return -1;
            at += 1 + ind->n_factors;
        } else {
            all[at++] = *ind;
        }
    }
    /* generated names must not clash with each other or with written ones */
    for (size_t i = 0; i < at; i++)
        for (size_t j = i + 1; j < at; j++)
            if (!strcmp(all[i].name.s, all[j].name.s)) {
                const rcp_indicator *g = all[j].part_of ? &all[j] : &all[i];
                return rcp_error_at(all[i].name.pos, ERR_RECIPE,
                                    "indicator \"%s\" clashes with the "
                                    "column \"%s\" that %s \"%s\" makes; "
                                    "rename one of them",
                                    all[i].name.s, g->name.s,
                                    g->part == RCP_PART_INDEX_FACTOR
                                        ? err_tr("index")
                                        : err_tr("reach indicator"),
                                    g->part_of ? g->part_of : "?");
            }
    r->indicators = all;
    r->n_indicators = at;
    return 0;
}
