/* expr_check.c - name resolution and type checking of expressions; see
 * expr.h for the rules. Errors point at the culprit's position and say
 * what would be right. */
#include "expr_internal.h"

#include "err.h"
#include "strdist.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    expr *e;
    const expr_resolver *r;
} checker;

/* "column w.x", "indicator x", "the text 'x'" or "'a + b'" for messages. */
static void describe(const expr_node *n, char *buf, size_t size)
{
    char brief[120];
    expr_node_brief(n, brief, sizeof brief);
    switch (n->kind) {
    case N_COL: snprintf(buf, size, "column %s", brief); break;
    case N_IND: snprintf(buf, size, "indicator %s", brief); break;
    case N_STR: snprintf(buf, size, "the text %s", brief); break;
    default: snprintf(buf, size, "'%s'", brief); break;
    }
}

/* Fails unless a is a number or boolean; where says what needs it. */
static int need_number(checker *c, const expr_node *a, const char *where)
{
    if (a->type != EXPR_T_STRING)
        return 0;
    char d[160];
    describe(a, d, sizeof d);
    if (a->kind == N_COL)
        expr_err_at(c->e, a->start, "%s is text; it cannot be used in %s",
                    d, where);
    else
        expr_err_at(c->e, a->start, "%s cannot be used in %s; text can only "
                    "be compared with == or != to a text column, e.g. "
                    "w.water == 'JA'", d, where);
    return -1;
}

/* Fails unless a is a boolean. */
static int need_bool(checker *c, const expr_node *a, const char *where)
{
    if (need_number(c, a, where) < 0)
        return -1;
    if (a->type == EXPR_T_BOOL)
        return 0;
    char d[160], brief[120];
    describe(a, d, sizeof d);
    expr_node_brief(a, brief, sizeof brief);
    int simple = a->kind == N_COL || a->kind == N_IND || a->kind == N_NUM ||
                 a->kind == N_CALL;
    expr_err_at(c->e, a->start, "%s must be true or false, but %s is a "
                "number; compare it, e.g. %s%s%s > 0", where, d,
                simple ? "" : "(", brief, simple ? "" : ")");
    return -1;
}

/* Value of a constant number node (n or -n), or -1 when not constant. */
static int const_value(const expr_node *n, double *v)
{
    if (n->kind == N_NUM) {
        *v = n->num;
        return 0;
    }
    if (n->kind == N_NEG && n->args[0]->kind == N_NUM) {
        *v = -n->args[0]->num;
        return 0;
    }
    return -1;
}

/* Lists names ("a, b and c") into buf when there are at most max. */
static void list_names(const char *const *names, size_t n, size_t max,
                       char *buf, size_t size)
{
    buf[0] = '\0';
    if (n == 0 || n > max)
        return;
    str_list(buf, size, names, n, "", " and ");
}

/* Resolves source.column through the resolver and sets the node type;
 * unknown names get suggestions. */
static int resolve_column(checker *c, expr_node *n)
{
    char ref[300], hint[400], list[400];
    expr_node_brief(n, ref, sizeof ref);
    if (!c->r || !c->r->column) {
        expr_err_at(c->e, n->start, "column %s cannot be used here: no "
                    "sources are available", ref);
        return -1;
    }
    expr_colref out;
    memset(&out, 0, sizeof out);
    int st = c->r->column(c->r->ctx, n->source, n->name, &out);
    if (st == EXPR_RESOLVE_OK) {
        if (out.type != EXPR_T_NUMBER && out.type != EXPR_T_BOOL &&
            out.type != EXPR_T_STRING) {
            expr_err_at(c->e, n->start, "column %s has no usable type", ref);
            return -1;
        }
        n->type = out.type;
        return 0;
    }
    if (st == EXPR_RESOLVE_UNKNOWN || st == EXPR_RESOLVE_UNKNOWN_SOURCE) {
        int src = st == EXPR_RESOLVE_UNKNOWN_SOURCE;
        expr_suggest_text(src ? n->source : n->name, out.candidates,
                          out.n_candidates, hint, sizeof hint);
        list_names(out.candidates, out.n_candidates, 8, list, sizeof list);
        if (src && hint[0])
            expr_err_at(c->e, n->start, "unknown source %s in %s; %s",
                        n->source, ref, hint);
        else if (src)
            expr_err_at(c->e, n->start, "unknown source %s in %s%s%s",
                        n->source, ref, list[0] ? "; the sources are " : "",
                        list);
        else if (hint[0])
            expr_err_at(c->e, n->start, "unknown column %s in source %s; %s",
                        ref, n->source, hint);
        else
            expr_err_at(c->e, n->start, "unknown column %s in source %s%s%s",
                        ref, n->source, list[0] ? "; its columns are " : "",
                        list);
        return -1;
    }
    if (!err_get())
        expr_err_at(c->e, n->start, "column %s could not be resolved", ref);
    return -1;
}

/* Resolves an indicator name and sets the node type. */
static int resolve_indicator(checker *c, expr_node *n)
{
    char hint[400];
    expr_colref out;
    memset(&out, 0, sizeof out);
    int st = EXPR_RESOLVE_UNKNOWN;
    if (c->r && c->r->indicator)
        st = c->r->indicator(c->r->ctx, n->name, &out);
    if (st == EXPR_RESOLVE_OK) {
        if (out.type != EXPR_T_NUMBER && out.type != EXPR_T_BOOL) {
            expr_err_at(c->e, n->start, "indicator %s is not a number or "
                        "true/false value", n->name);
            return -1;
        }
        n->type = out.type;
        return 0;
    }
    if (st == EXPR_RESOLVE_FAILED) {
        if (!err_get())
            expr_err_at(c->e, n->start, "indicator %s could not be resolved",
                        n->name);
        return -1;
    }
    if (expr_func_find(n->name, strlen(n->name)) >= 0) {
        expr_err_at(c->e, n->start, "%s is a function; call it with its "
                    "arguments: %s(%s)", n->name, n->name,
                    expr_func_get((expr_func)expr_func_find(n->name, strlen(n->name)))->params);
        return -1;
    }
    expr_suggest_text(n->name, out.candidates, out.n_candidates, hint,
                      sizeof hint);
    if (hint[0])
        expr_err_at(c->e, n->start, "unknown indicator %s; %s", n->name, hint);
    else
        expr_err_at(c->e, n->start, "unknown indicator %s (a name without a "
                    "dot refers to another indicator; a column is written "
                    "source.column, e.g. w.%s)", n->name, n->name);
    return -1;
}

static int check_node(checker *c, expr_node *n);

/* text == 'literal' and text != 'literal'. */
static int check_text_compare(checker *c, expr_node *n)
{
    expr_node *a = n->args[0], *b = n->args[1];
    char d[160], brief[120];
    if (n->op != B_EQ && n->op != B_NE) {
        expr_err_at(c->e, n->pos, "text cannot be compared with '%s'; only "
                    "== and != compare text", n->op == B_LT ? "<" :
                    n->op == B_LE ? "<=" : n->op == B_GT ? ">" : ">=");
        return -1;
    }
    expr_node *s = a->type == EXPR_T_STRING ? a : b;
    expr_node *o = s == a ? b : a;
    if (o->type != EXPR_T_STRING) {
        describe(s->kind == N_STR ? o : s, d, sizeof d);
        if (s->kind == N_STR)
            expr_err_at(c->e, o->start, "%s is a number; it cannot be "
                        "compared with text", d);
        else {
            expr_node_brief(s, brief, sizeof brief);
            expr_err_at(c->e, s->start, "%s is text; compare it with a text "
                        "in single quotes, e.g. %s == 'JA'", d, brief);
        }
        return -1;
    }
    if (a->kind == N_STR && b->kind == N_STR) {
        expr_err_at(c->e, n->pos, "this compares two fixed texts; compare a "
                    "text column with a text, e.g. w.water == 'JA'");
        return -1;
    }
    if (a->kind != N_STR && b->kind != N_STR) {
        expr_err_at(c->e, n->pos, "comparing two text columns is not "
                    "supported; compare a text column with a text in single "
                    "quotes, e.g. w.water == 'JA'");
        return -1;
    }
    n->type = EXPR_T_BOOL;
    return 0;
}

/* Types of operators: and/or need booleans, comparisons give booleans,
 * arithmetic needs numbers. */
static int check_binary(checker *c, expr_node *n)
{
    static const char *const text[B_COUNT] = {
        "or", "and", "<", "<=", ">", ">=", "==", "!=", "+", "-", "*", "/", "^"};
    expr_node *a = n->args[0], *b = n->args[1];
    char where[80];
    switch ((expr_binop)n->op) {
    case B_AND:
    case B_OR:
        snprintf(where, sizeof where, err_tr("each side of '%s'"), text[n->op]);
        if (need_bool(c, a, where) < 0 || need_bool(c, b, where) < 0)
            return -1;
        n->type = EXPR_T_BOOL;
        return 0;
    case B_LT: case B_LE: case B_GT: case B_GE: case B_EQ: case B_NE:
        if (a->type == EXPR_T_STRING || b->type == EXPR_T_STRING)
            return check_text_compare(c, n);
        n->type = EXPR_T_BOOL;
        return 0;
    default:
        snprintf(where, sizeof where, "arithmetic ('%s')", text[n->op]);
        if (need_number(c, a, where) < 0 || need_number(c, b, where) < 0)
            return -1;
        n->type = EXPR_T_NUMBER;
        return 0;
    }
}

/* Fails when a call has too few or too many arguments. */
static int check_arity(checker *c, const expr_node *n)
{
    const expr_func_info *fi = expr_func_get((expr_func)n->op);
    int k = (int)n->nargs;
    if (k >= fi->min_args && (fi->max_args < 0 || k <= fi->max_args))
        return 0;
    const char *s = fi->min_args == 1 ? "" : "s";
    if (fi->max_args < 0) {
        const char *area = n->op == F_MIN ? "; for the smallest value in the "
                           "area use min_area(x)" : n->op == F_MAX ?
                           "; for the largest value in the area use "
                           "max_area(x)" : "";
        expr_err_at(c->e, n->pos, "%s() takes at least %d argument%s (%s), "
                    "but got %d%s", fi->name, fi->min_args, s, fi->params, k,
                    area);
    } else if (fi->min_args == fi->max_args) {
        expr_err_at(c->e, n->pos, "%s() takes %d argument%s (%s), but got %d",
                    fi->name, fi->min_args, s, fi->params, k);
    } else {
        expr_err_at(c->e, n->pos, "%s() takes %d or %d arguments (%s), but "
                    "got %d", fi->name, fi->min_args, fi->max_args,
                    fi->params, k);
    }
    return -1;
}

/* Argument types of a call, the result type, constant-argument rules. */
static int check_call(checker *c, expr_node *n)
{
    const expr_func_info *fi = expr_func_get((expr_func)n->op);
    char where[80];
    snprintf(where, sizeof where, "%s()", fi->name);
    n->type = EXPR_T_NUMBER;
    if (n->op == F_IF) {
        snprintf(where, sizeof where, "%s", err_tr("the condition of if()"));
        if (need_bool(c, n->args[0], where) < 0)
            return -1;
        snprintf(where, sizeof where, "if()");
    }
    int all_bool = 1;
    for (size_t i = n->op == F_IF ? 1 : 0; i < n->nargs; i++) {
        if (need_number(c, n->args[i], where) < 0)
            return -1;
        if (n->args[i]->type != EXPR_T_BOOL)
            all_bool = 0;
    }
    if ((n->op == F_IF || n->op == F_COALESCE) && all_bool)
        n->type = EXPR_T_BOOL;
    double v, lo, hi;
    if (n->op == F_ROUND && n->nargs == 2 &&
        (const_value(n->args[1], &v) < 0 || v != floor(v) || v < -15 || v > 15)) {
        expr_err_at(c->e, n->args[1]->start, "the digits of round() must be "
                    "a whole number from -15 to 15, such as 1");
        return -1;
    }
    if (n->op == F_CLAMP && const_value(n->args[1], &lo) == 0 &&
        const_value(n->args[2], &hi) == 0 && lo > hi) {
        expr_err_at(c->e, n->args[1]->start, "clamp(x, lo, hi) needs lo <= "
                    "hi, but lo is %g and hi is %g", lo, hi);
        return -1;
    }
    return 0;
}

/* Checks a subtree bottom-up, setting every node type. */
static int check_node(checker *c, expr_node *n)
{
    for (size_t i = 0; i < n->nargs; i++)
        if (check_node(c, n->args[i]) < 0)
            return -1;
    switch (n->kind) {
    case N_NUM: n->type = EXPR_T_NUMBER; return 0;
    case N_BOOL: n->type = EXPR_T_BOOL; return 0;
    case N_STR: n->type = EXPR_T_STRING; return 0;
    case N_COL: return resolve_column(c, n);
    case N_IND: return resolve_indicator(c, n);
    case N_NEG:
        n->type = EXPR_T_NUMBER;
        return need_number(c, n->args[0], "arithmetic ('-')");
    case N_NOT:
        n->type = EXPR_T_BOOL;
        return need_bool(c, n->args[0], "the operand of 'not'");
    case N_BIN: return check_binary(c, n);
    case N_CALL:
        if (check_arity(c, n) < 0)
            return -1;
        return check_call(c, n);
    }
    return 0;
}

int expr_typecheck(expr *e, const expr_resolver *r)
{
    checker c = {e, r};
    if (check_node(&c, e->root) < 0)
        return -1;
    const expr_node *root = e->root;
    if (root->type == EXPR_T_STRING) {
        char d[160];
        describe(root, d, sizeof d);
        expr_err_at(e, root->start, "the expression gives text (%s); an "
                    "indicator must be a number or true/false", d);
        return -1;
    }
    return 0;
}

int expr_check(expr *e, const expr_resolver *r)
{
    expr_prog_free(e->prog);
    e->prog = NULL;
    e->type = EXPR_T_NONE;
    if (expr_typecheck(e, r) < 0)
        return -1;
    expr_prog *p = expr_compile(e);
    if (!p)
        return -1;
    e->prog = p;
    e->type = e->root->type;
    return 0;
}
