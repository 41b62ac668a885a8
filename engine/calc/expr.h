/* expr.h - the indicator expression language of dnawijk.
 *
 * Recipes define indicators as expressions such as
 *
 *     100 * w.huishoudens_met_kinderen / w.huishoudens
 *     if(w."65plus" > 0, pct_of(w.'p_65_eo_jr', w.inwoners), 0)
 *     zscore(aandeel_hh)
 *
 * Life cycle: expr_parse() (syntax only) -> expr_deps() (what it refers to,
 * for cycle detection and `dnawijk check`) -> expr_check() (resolve names
 * through the caller's resolver, type-check, fold constants, compile) ->
 * expr_eval() any number of times -> expr_free().
 *
 * Language
 *   - `source.column` refers to a column; names that are not identifiers are
 *     quoted: w."65plus", w.'p_65_eo_jr' (a quote inside is doubled: "a""b").
 *     After the dot a run of letters, digits and _ needs no quotes, so
 *     w.65plus works too. A bare identifier refers to another indicator;
 *     an identifier followed by '(' is a function call.
 *   - numbers 100, 0.5, .5, 1e3; `true`, `false`; 'text' literals, which are
 *     only allowed where text is compared: `w.water == 'JA'` (== and != of a
 *     text column with a text literal).
 *   - operators, loosest first: or; and; not; < <= > >= == != (no
 *     chaining); + -; * /; unary -; ^ (power, right associative, so
 *     -2^2 = -4 and 2^-1 = 0.5); calls and parentheses.
 *   - functions: if(c, a, b), coalesce(a, b, ...), min(a, b, ...),
 *     max(a, b, ...), clamp(x, lo, hi), round(x [, digits]), floor, ceil,
 *     log (natural), log10, exp, sqrt, abs, pct_of(x, total) = 100*x/total;
 *     area-wide (over all rows evaluated): rank(x) (ascending, 1 = smallest,
 *     ties get the average rank), rank_desc(x) (1 = largest),
 *     percentile(x) = 100*(rank-1)/(m-1) over the m valid values (50 when
 *     m = 1), zscore(x) = (x-mean)/sd (population sd over the valid values),
 *     share(x) = 100*x/sum(x), sum_area, mean_area, min_area, max_area,
 *     count_area (number of valid values); reach statistics (reach.h):
 *     wilson_lower(x, n) and wilson_upper(x, n) = the 95 % Wilson score
 *     interval of 100*x/n (n = 0 -> MISS_DIV_ZERO; x < 0 or x > n ->
 *     MISS_INVALID), funnel(x, n, target_pct) = where x/n lies in the exact
 *     binomial funnel around target_pct (-2 below the 99.8 % limit, -1
 *     below the 95 % one, 0 inside, 1 and 2 above).
 *
 * Types: numbers and booleans. A boolean is 1/0 wherever a number is
 * expected (so sum_area(w.x > 10) counts rows), but a number is never taken
 * as a boolean: conditions of if(), and/or/not need booleans (comparisons,
 * true/false, boolean indicators); if() and coalesce() of booleans give a
 * boolean. Text columns can only be compared with a text literal.
 *
 * Missing values: every value carries a miss_reason (tbl.h, 0 = valid).
 * Missing operands make the result missing with the operand's reason (the
 * leftmost missing operand's reason wins); x/0 -> MISS_DIV_ZERO; log, log10
 * of <= 0 and sqrt of < 0 -> MISS_INVALID; any non-finite result ->
 * MISS_INVALID, so results never hold inf or NaN (missing rows hold 0).
 * Comparisons and min/max of missing operands are missing too.
 * coalesce picks the first valid argument (all missing: the first one's
 * reason). if() with a missing condition is missing. and/or use three-valued
 * logic: false and missing = false, true or missing = true; otherwise
 * missing. Area-wide functions skip missing rows; rows whose argument is
 * missing stay missing (rank, percentile, zscore, share), zscore with fewer
 * than two valid values or sd = 0 is MISS_INVALID, share with sum 0 is
 * MISS_DIV_ZERO; sum/mean/min/max_area of no valid values are missing with
 * the first row's reason; count_area is never missing. Text compared with
 * == / != is missing where the text is missing (MISS_EMPTY by default).
 * Valid input values are expected to be finite (readers map NaN and CBS
 * sentinels to reasons); any that are not are treated as MISS_INVALID.
 *
 * Evaluation: column at a time, in blocks of 1024 rows, with vectorised
 * kernels; area-wide functions first evaluate their argument over all rows.
 * Large inputs (>= 64 blocks) are split over up to threads_count() (threads.h)
 * worker threads, at most 8; the result does not depend on how many.
 *
 * Threads: an expr is read-only after expr_check, so several threads may
 * evaluate checked expressions at once (each with its own expr_ws). Errors
 * go to the thread's err context (ERR_EXPR, with recipe file:line:col when
 * known).
 */
#ifndef DNW_EXPR_H
#define DNW_EXPR_H

#include <stddef.h>
#include <stdint.h>
#include "mem.h"

typedef struct expr expr;

typedef enum {
    EXPR_T_NONE = 0, /* not resolved yet */
    EXPR_T_NUMBER,
    EXPR_T_BOOL,
    EXPR_T_STRING
} expr_type;

/* What a resolver callback returns. */
typedef enum {
    EXPR_RESOLVE_FAILED = -1,        /* the resolver set the error itself */
    EXPR_RESOLVE_OK = 0,             /* found; *out filled */
    EXPR_RESOLVE_UNKNOWN = 1,        /* no such column in that source, or no
                                        such indicator; candidates filled */
    EXPR_RESOLVE_UNKNOWN_SOURCE = 2  /* no such source; candidates = the
                                        known source names */
} expr_resolve_status;

/* One resolved column or indicator. The compiler zeroes it before each
 * callback. At check time only `type` (and, when unknown, the candidates)
 * matter; at eval time the data fields must describe n rows. Everything
 * pointed to stays owned by the resolver and must stay valid until the
 * callback is called again (candidates) or expr_eval returns (data). */
typedef struct {
    expr_type type;            /* NUMBER, BOOL or STRING */
    /* eval time: numbers and booleans (int64 columns converted by caller) */
    size_t n;                  /* number of rows: must equal expr_eval's n */
    const double *values;      /* n values (ignored for all_missing) */
    const uint8_t *miss;       /* n miss_reason bytes, NULL = all valid */
    uint8_t all_missing;       /* nonzero: every row missing, this reason
                                  (e.g. an optional source that is absent) */
    /* eval time: text columns, as in tbl_col (codes -1 = missing) */
    const int32_t *codes;
    const char *dict_blob;
    const uint64_t *dict_off;
    uint32_t n_dict;
    /* unknown names: the names to suggest from */
    const char *const *candidates;
    size_t n_candidates;
} expr_colref;

/* Supplied by the caller: looks up `source.column` and indicator names.
 * Each callback returns an expr_resolve_status. expr_check and expr_eval
 * call them from the calling thread only (never from worker threads). */
typedef struct {
    int (*column)(void *ctx, const char *source, const char *column,
                  expr_colref *out);
    int (*indicator)(void *ctx, const char *name, expr_colref *out);
    void *ctx;
} expr_resolver;

/* Where the expression text sits in the recipe, for error positions. The
 * first character is at line:col (1-based; line 0 = unknown). A character
 * on a later line of a multi-line scalar at offset k from that line's start
 * is at column indent + k + 1 (indent = the indentation YAML stripped from
 * block scalars). Columns count UTF-8 characters, as libyaml does. */
typedef struct {
    const char *file; /* may be NULL */
    long line;
    long col;
    long indent;
} expr_origin;

/* Parses text (syntax only; names are resolved by expr_check). at may be
 * NULL. Returns a new expr owned by the caller (expr_free), or NULL with an
 * ERR_EXPR error at the exact position ("unexpected ')' after '*'; expected
 * a number, column or function"), or ERR_MEMORY. */
expr *expr_parse(const char *text, const expr_origin *at);

/* Frees e and everything it owns. NULL is fine. */
void expr_free(expr *e);

/* Canonical text of e as parsed (normalised spacing, minimal parentheses,
 * shortest round-trip numbers), e.g. for the manifest. Parsing it gives the
 * same expression. Returns a malloc'd string the caller frees, or NULL on
 * OOM (error set). */
char *expr_to_string(const expr *e);

/* The original text, as given to expr_parse. Owned by e. */
const char *expr_text(const expr *e);

typedef enum { EXPR_DEP_COLUMN = 1, EXPR_DEP_INDICATOR } expr_dep_kind;

/* One reference of an expression. Strings are owned by the expr. */
typedef struct {
    expr_dep_kind kind;
    const char *source; /* EXPR_DEP_COLUMN: source name; NULL otherwise */
    const char *name;   /* column or indicator name */
    long line, col;     /* position of its first mention in the recipe */
} expr_dep;

/* Lists the distinct columns and indicators e refers to, in order of first
 * mention. Works right after expr_parse. *out is a malloc'd array the caller
 * frees with mem_free() (NULL when *n = 0). Returns 0, or -1 on OOM. */
int expr_deps(const expr *e, expr_dep **out, size_t *n);

/* Resolves every name through r (only the type is needed), type-checks,
 * checks function arities, folds constants and compiles e for evaluation.
 * Check indicators in dependency order (expr_deps), so that the resolver
 * can report the type of a referenced indicator (its expr_result_type).
 * Returns 0, or -1 with an ERR_EXPR error at the position of the culprit:
 * "unknown column w.huishoudes in source w; did you mean huishoudens?",
 * "clamp() takes 3 arguments (x, lo, hi), but got 2", "column w.naam is
 * text; it cannot be used in arithmetic". May be called again (recompiles). */
int expr_check(expr *e, const expr_resolver *r);

/* Type of the checked expression's result (EXPR_T_NONE before checking). */
expr_type expr_result_type(const expr *e);

/* Nonzero when e uses an area-wide function (rank, zscore, share, ...), so
 * its values depend on which rows are evaluated together. Works after
 * expr_parse. */
int expr_uses_area(const expr *e);

/* Evaluates the checked e over n rows: resolves the data through r, then
 * runs the compiled column-at-a-time kernels block by block (on the
 * threads of threads.h for large n). Writes n values to out and n miss_reason bytes to out_miss
 * (caller-owned; missing rows get value 0; booleans are 0/1). Returns 0, or
 * -1 with the error set (unchecked expr, resolver failure, a column with
 * the wrong number of rows, OOM). */
int expr_eval(const expr *e, const expr_resolver *r, size_t n, double *out,
              uint8_t *out_miss);

/* Scratch memory that expr_eval_ws keeps between evaluations (the large
 * buffers of area functions and the block buffers), so evaluating many
 * indicators in a row does not pay for fresh pages each time. One
 * workspace serves one thread at a time. */
typedef struct expr_ws expr_ws;

/* New empty workspace, or NULL on OOM (error set). Free with expr_ws_free. */
expr_ws *expr_ws_new(void);

/* Frees ws and its buffers. NULL is fine. */
void expr_ws_free(expr_ws *ws);

/* expr_eval with scratch memory from ws (NULL: a temporary workspace). */
int expr_eval_ws(const expr *e, const expr_resolver *r, expr_ws *ws, size_t n,
                 double *out, uint8_t *out_miss);

/* Nonzero when name can be used as an indicator name in expressions: an
 * identifier ([A-Za-z_][A-Za-z0-9_]*) that is not a keyword (and, or, not,
 * true, false) nor a function name. */
int expr_name_ok(const char *name);

/* Function i of the expression language (0, 1, ... while it returns 1):
 * its name, its parameters ("x, lo, hi") and what it computes, for the
 * recipe reference. Static strings. Returns 0 past the last function. */
int expr_func_doc(size_t i, const char **name, const char **args,
                  const char **doc);

/* Suggests names from cands[0..n) close to `name` (Damerau-Levenshtein
 * distance, case-insensitive, prefixes count as close): writes up to max
 * pointers (into cands) to out, best first, returns how many. */
size_t expr_suggest(const char *name, const char *const *cands, size_t n,
                    const char **out, size_t max);

#endif
