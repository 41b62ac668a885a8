/* expr_func.c - the function table of the expression language and name
 * suggestions ("did you mean ...?"); see expr.h, expr_internal.h. */
#include "expr_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "strdist.h"

static const expr_func_info funcs[F_COUNT] = {
    [F_IF] = {"if", 3, 3, "condition, then, else", EXPR_ELEMENTWISE},
    [F_COALESCE] = {"coalesce", 2, -1, "a, b, ...", EXPR_ELEMENTWISE},
    [F_MIN] = {"min", 2, -1, "a, b, ...", EXPR_ELEMENTWISE},
    [F_MAX] = {"max", 2, -1, "a, b, ...", EXPR_ELEMENTWISE},
    [F_CLAMP] = {"clamp", 3, 3, "x, lo, hi", EXPR_ELEMENTWISE},
    [F_ROUND] = {"round", 1, 2, "x [, digits]", EXPR_ELEMENTWISE},
    [F_FLOOR] = {"floor", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_CEIL] = {"ceil", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_LOG] = {"log", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_LOG10] = {"log10", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_EXP] = {"exp", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_SQRT] = {"sqrt", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_ABS] = {"abs", 1, 1, "x", EXPR_ELEMENTWISE},
    [F_PCT_OF] = {"pct_of", 2, 2, "x, total", EXPR_ELEMENTWISE},
    [F_RANK] = {"rank", 1, 1, "x", EXPR_AREA_VECTOR},
    [F_RANK_DESC] = {"rank_desc", 1, 1, "x", EXPR_AREA_VECTOR},
    [F_PERCENTILE] = {"percentile", 1, 1, "x", EXPR_AREA_VECTOR},
    [F_ZSCORE] = {"zscore", 1, 1, "x", EXPR_AREA_VECTOR},
    [F_SHARE] = {"share", 1, 1, "x", EXPR_AREA_VECTOR},
    [F_SUM_AREA] = {"sum_area", 1, 1, "x", EXPR_AREA_SCALAR},
    [F_MEAN_AREA] = {"mean_area", 1, 1, "x", EXPR_AREA_SCALAR},
    [F_MIN_AREA] = {"min_area", 1, 1, "x", EXPR_AREA_SCALAR},
    [F_MAX_AREA] = {"max_area", 1, 1, "x", EXPR_AREA_SCALAR},
    [F_COUNT_AREA] = {"count_area", 1, 1, "x", EXPR_AREA_SCALAR},
    [F_WILSON_LOWER] = {"wilson_lower", 2, 2, "x, n", EXPR_ELEMENTWISE},
    [F_WILSON_UPPER] = {"wilson_upper", 2, 2, "x, n", EXPR_ELEMENTWISE},
    [F_FUNNEL] = {"funnel", 3, 3, "x, n, target_pct", EXPR_ELEMENTWISE},
};

/* What each function does, for the recipe reference (docs/recipe.md). */
static const char *const func_doc[F_COUNT] = {
    [F_IF] = "`then` where the condition is true, else `else`",
    [F_COALESCE] = "the first valid argument",
    [F_MIN] = "the smallest argument",
    [F_MAX] = "the largest argument",
    [F_CLAMP] = "x kept within lo..hi",
    [F_ROUND] = "x rounded to digits decimals (default 0)",
    [F_FLOOR] = "x rounded down",
    [F_CEIL] = "x rounded up",
    [F_LOG] = "natural logarithm (x <= 0: not computable)",
    [F_LOG10] = "base-10 logarithm (x <= 0: not computable)",
    [F_EXP] = "e to the power x",
    [F_SQRT] = "square root (x < 0: not computable)",
    [F_ABS] = "absolute value",
    [F_PCT_OF] = "100 * x / total",
    [F_RANK] = "rank within the area, 1 = smallest; ties share the average "
               "rank",
    [F_RANK_DESC] = "rank within the area, 1 = largest",
    [F_PERCENTILE] = "100 * (rank - 1) / (m - 1) over the m valid values",
    [F_ZSCORE] = "(x - mean) / sd over the valid values of the area, with "
                 "the *population* standard deviation (divided by n, not "
                 "n - 1); fewer than two valid values or sd = 0: not "
                 "computable",
    [F_SHARE] = "100 * x / the sum of x over the area",
    [F_SUM_AREA] = "sum of x over the area",
    [F_MEAN_AREA] = "mean of x over the area",
    [F_MIN_AREA] = "smallest x in the area",
    [F_MAX_AREA] = "largest x in the area",
    [F_COUNT_AREA] = "number of valid values of x in the area",
    [F_WILSON_LOWER] = "lower end of the 95 % Wilson interval of 100 * x / n",
    [F_WILSON_UPPER] = "upper end of the 95 % Wilson interval of 100 * x / n",
    [F_FUNNEL] = "where x / n lies in the binomial funnel around target_pct: "
                 "-2 below the 99.8 % limit, -1 below the 95 % one, 0 "
                 "inside, 1 and 2 above",
};

int expr_func_doc(size_t i, const char **name, const char **args,
                  const char **doc)
{
    if (i >= F_COUNT)
        return 0;
    *name = funcs[i].name;
    *args = funcs[i].params;
    *doc = func_doc[i] ? func_doc[i] : "";
    return 1;
}

/* Returns the table entry of f. */
const expr_func_info *expr_func_get(expr_func f)
{
    return &funcs[f];
}

/* Linear search of the (small) table; -1 when unknown. */
int expr_func_find(const char *name, size_t len)
{
    for (int f = 0; f < F_COUNT; f++)
        if (strlen(funcs[f].name) == len && memcmp(funcs[f].name, name, len) == 0)
            return f;
    return -1;
}

/* A static NULL-terminated array of the names, in table order. */
const char *const *expr_func_names(void)
{
    static const char *const names[F_COUNT + 1] = {
        "if", "coalesce", "min", "max", "clamp", "round", "floor", "ceil",
        "log", "log10", "exp", "sqrt", "abs", "pct_of", "rank", "rank_desc",
        "percentile", "zscore", "share", "sum_area", "mean_area", "min_area",
        "max_area", "count_area", "wilson_lower", "wilson_upper", "funnel",
        NULL};
    return names;
}

int expr_name_ok(const char *name)
{
    static const char *const keywords[] = {"and", "or", "not", "true", "false"};
    if (!expr_is_ident(name) || expr_func_find(name, strlen(name)) >= 0)
        return 0;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        if (strcmp(name, keywords[k]) == 0)
            return 0;
    return 1;
}

/* Case-insensitive prefix test: is a a prefix of b? */
static int is_prefix_ci(const char *a, const char *b)
{
    for (; *a; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return 1;
}

/* How far a name may be from a candidate to be suggested. */
static size_t max_distance(size_t len)
{
    return len <= 3 ? 1 : len <= 6 ? 2 : 3;
}

size_t expr_suggest(const char *name, const char *const *cands, size_t n,
                    const char **out, size_t max)
{
    if (!name || !cands || max == 0)
        return 0;
    size_t limit = max_distance(strlen(name));
    size_t dist[16];
    if (max > 16)
        max = 16;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cands[i] || strcmp(cands[i], name) == 0)
            continue;
        size_t d = strdist(name, cands[i]);
        if (d > limit && strlen(name) >= 3 && is_prefix_ci(name, cands[i]))
            d = limit;
        if (d > limit)
            continue;
        /* sorted by distance, then by name */
        strdist_rank_insert(out, dist, &k, max, cands[i], d, 1);
    }
    /* keep only the best tier and the one after it */
    for (size_t j = 1; j < k; j++)
        if (dist[j] > dist[0] + 1) {
            k = j;
            break;
        }
    return k;
}

void expr_suggest_text(const char *name, const char *const *cands, size_t n,
                       char *buf, size_t size)
{
    const char *best[3];
    size_t k = expr_suggest(name, cands, n, best, 3);
    if (size == 0)
        return;
    buf[0] = '\0';
    if (k == 0)
        return;
    size_t used = str_list(buf, size, best, k, err_tr("did you mean "),
                           err_tr(" or "));
    if (used < size)
        snprintf(buf + used, size - used, "?");
}
