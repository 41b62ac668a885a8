/* expr_parse.c - recursive-descent parser of indicator expressions (tokens
 * from expr_lex.c); see expr.h for the language. Every syntax error names what
 * was found, what came before it and what would be right, at the exact
 * recipe line:col. */
#include "expr_internal.h"

#include "err.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What may follow a complete operand, for "expected ..." texts. */
typedef enum { CTX_TOP, CTX_PAREN, CTX_CALL } parse_ctx;

typedef struct {
    expr *e;
    expr_token *toks;
    size_t ntok, i;
    int depth;
    parse_ctx ctx;
} parser;

/* ---- parser helpers -------------------------------------------------- */

static const expr_token *peek(const parser *p)
{
    return &p->toks[p->i];
}

/* Nonzero when t is the identifier w (keywords are identifiers). */
static int tok_is_word(const expr_token *t, const parser *p, const char *w)
{
    return t->kind == T_IDENT && strlen(w) == t->len &&
           memcmp(p->e->text + t->pos, w, t->len) == 0;
}

/* Describes a token for messages: 'x' (its text) or "the end". */
static void tok_desc(const parser *p, const expr_token *t, char *buf, size_t size)
{
    if (t->kind == T_END) {
        snprintf(buf, size, "end of the expression");
        return;
    }
    size_t len = t->len > 40 ? 40 : t->len;
    const char *q = t->kind == T_SQ || t->kind == T_DQ ? "" : "'";
    snprintf(buf, size, "%s%.*s%s%s", q, (int)len, p->e->text + t->pos,
             t->len > len ? "..." : "", q);
}

/* "unexpected X after Y; expected WHAT" at the current token. */
static void *unexpected(parser *p, const char *what)
{
    const expr_token *t = peek(p);
    char found[64], before[64];
    tok_desc(p, t, found, sizeof found);
    if (p->i > 0)
        tok_desc(p, &p->toks[p->i - 1], before, sizeof before);
    if (t->kind == T_END && p->i > 0)
        expr_err_at(p->e, t->pos, "unexpected end of the expression after "
                    "%s; expected %s", before, what);
    else if (t->kind == T_END)
        expr_err_at(p->e, t->pos, "the expression is empty; expected %s", what);
    else if (p->i == 0)
        expr_err_at(p->e, t->pos, "unexpected %s at the start; expected %s",
                    found, what);
    else
        expr_err_at(p->e, t->pos, "unexpected %s after %s; expected %s", found,
                    before, what);
    return NULL;
}

static const char *const operand_text = "a number, column or function";

/* What may come after a complete operand in the current context. */
static const char *follow_text(const parser *p)
{
    switch (p->ctx) {
    case CTX_PAREN: return "an operator or ')'";
    case CTX_CALL: return "an operator, ',' or ')'";
    default: return "an operator or the end of the expression";
    }
}

/* A new leaf node; NULL on OOM (error set). */
static expr_node *new_node(parser *p, expr_nkind kind, size_t pos, size_t start)
{
    expr_node *n = mem_new(sizeof *n, "expression node");
    if (!n)
        return NULL;
    n->kind = kind;
    n->pos = pos;
    n->start = start;
    n->depth = 1;
    return n;
}

/* Attaches children (taking ownership, also on failure) and checks depth. */
static expr_node *with_args(parser *p, expr_node *n, expr_node **args,
                            size_t nargs)
{
    if (nargs) {
        n->args = mem_alloc(nargs * sizeof *n->args);
        if (!n->args) {
            for (size_t i = 0; i < nargs; i++)
                expr_node_free(args[i]);
            expr_node_free(n);
            err_oom("expression node");
            return NULL;
        }
        memcpy(n->args, args, nargs * sizeof *args);
        n->nargs = nargs;
    }
    for (size_t i = 0; i < nargs; i++)
        if (args[i]->depth + 1 > n->depth)
            n->depth = args[i]->depth + 1;
    if (n->depth > EXPR_MAX_DEPTH) {
        expr_err_at(p->e, n->pos, "the expression is nested too deeply (more "
                    "than %d levels); split it into several indicators",
                    EXPR_MAX_DEPTH);
        expr_node_free(n);
        return NULL;
    }
    return n;
}

/* A node of kind (N_NEG or N_NOT) at pos over operand a, which it takes
 * (a is freed on failure). NULL with the error set. */
static expr_node *unary_node(parser *p, expr_nkind kind, size_t pos,
                             expr_node *a)
{
    expr_node *n = new_node(p, kind, pos, pos);
    if (!n) {
        expr_node_free(a);
        return NULL;
    }
    return with_args(p, n, &a, 1);
}

/* A malloc'd copy of the token text; NULL on OOM (error set). */
static char *tok_text(const parser *p, const expr_token *t)
{
    char *s = mem_strndup(p->e->text + t->pos, t->len);
    if (!s)
        err_oom("expression name");
    return s;
}

static expr_node *parse_or(parser *p);
static expr_node *parse_unary(parser *p);

/* ---- grammar ------------------------------------------------------------- */

/* Parses the arguments of a call after its '(' (the current token). */
static expr_node *parse_call(parser *p, size_t name_pos, int f)
{
    size_t open = peek(p)->pos;
    p->i++;
    expr_node *args[64];
    size_t nargs = 0;
    parse_ctx saved = p->ctx;
    p->ctx = CTX_CALL;
    expr_node *n = NULL;
    if (peek(p)->kind != T_RP) {
        for (;;) {
            if (nargs == 64) {
                expr_err_at(p->e, peek(p)->pos, "%s() has more than 64 "
                            "arguments", expr_func_get((expr_func)f)->name);
                goto fail;
            }
            expr_node *a = parse_or(p);
            if (!a)
                goto fail;
            args[nargs++] = a;
            if (peek(p)->kind == T_COMMA) {
                p->i++;
                continue;
            }
            if (peek(p)->kind == T_RP)
                break;
            if (peek(p)->kind == T_END) {
                expr_err_at(p->e, open, "the '(' of %s( is never closed; add "
                            "')' after its arguments",
                            expr_func_get((expr_func)f)->name);
                goto fail;
            }
            unexpected(p, follow_text(p));
            goto fail;
        }
    }
    p->i++; /* ')' */
    p->ctx = saved;
    n = new_node(p, N_CALL, name_pos, name_pos);
    if (!n)
        goto fail;
    n->op = f;
    return with_args(p, n, args, nargs);
fail:
    for (size_t i = 0; i < nargs; i++)
        expr_node_free(args[i]);
    return NULL;
}

/* source.column, after the source identifier (current token is the dot). */
static expr_node *parse_column(parser *p, const expr_token *src)
{
    p->i++; /* '.' */
    const expr_token *t = peek(p);
    if (t->kind != T_IDENT && t->kind != T_SQ && t->kind != T_DQ) {
        char found[64];
        tok_desc(p, t, found, sizeof found);
        expr_err_at(p->e, t->pos, "expected a column name after '%.*s.', "
                    "found %s; quote names that are not plain words, e.g. "
                    "%.*s.\"65plus\"", (int)src->len, p->e->text + src->pos,
                    found, (int)src->len, p->e->text + src->pos);
        return NULL;
    }
    expr_node *n = new_node(p, N_COL, src->pos, src->pos);
    if (!n)
        return NULL;
    n->source = tok_text(p, src);
    n->name = t->kind == T_IDENT ? tok_text(p, t) : mem_strdup(t->str);
    if (!n->source || !n->name) {
        expr_node_free(n);
        err_oom("expression name");
        return NULL;
    }
    p->i++;
    return n;
}

/* number | text | true/false | source.column | name(args) | indicator
 * | ( expression ). */
static expr_node *parse_primary(parser *p)
{
    const expr_token *t = peek(p);
    switch (t->kind) {
    case T_NUM: {
        expr_node *n = new_node(p, N_NUM, t->pos, t->pos);
        if (n)
            n->num = t->num;
        p->i++;
        return n;
    }
    case T_SQ: {
        expr_node *n = new_node(p, N_STR, t->pos, t->pos);
        if (n && !(n->name = mem_strdup(t->str))) {
            expr_node_free(n);
            err_oom("expression text");
            return NULL;
        }
        p->i++;
        return n;
    }
    case T_DQ:
        expr_err_at(p->e, t->pos, "a name in double quotes must follow a "
                    "source and a dot, e.g. w.\"%s\"; text is written in "
                    "single quotes, e.g. 'JA'", t->str);
        return NULL;
    case T_LP: {
        size_t open = t->pos;
        p->i++;
        parse_ctx saved = p->ctx;
        p->ctx = CTX_PAREN;
        expr_node *n = parse_or(p);
        if (!n)
            return NULL;
        if (peek(p)->kind != T_RP) {
            if (peek(p)->kind == T_END)
                expr_err_at(p->e, open, "this '(' is never closed; add ')'");
            else
                unexpected(p, follow_text(p));
            expr_node_free(n);
            return NULL;
        }
        p->i++;
        p->ctx = saved;
        return n;
    }
    case T_IDENT: {
        if (tok_is_word(t, p, "true") || tok_is_word(t, p, "false")) {
            expr_node *n = new_node(p, N_BOOL, t->pos, t->pos);
            if (n)
                n->num = tok_is_word(t, p, "true");
            p->i++;
            return n;
        }
        if (tok_is_word(t, p, "and") || tok_is_word(t, p, "or") ||
            tok_is_word(t, p, "not"))
            return unexpected(p, operand_text);
        const expr_token *next = &p->toks[p->i + 1];
        if (next->kind == T_DOT) {
            p->i++;
            return parse_column(p, t);
        }
        if (next->kind == T_LP) {
            int f = expr_func_find(p->e->text + t->pos, t->len);
            if (f < 0) {
                char name[128], hint[200];
                snprintf(name, sizeof name, "%.*s", (int)(t->len > 100 ? 100 : t->len),
                         p->e->text + t->pos);
                expr_suggest_text(name, expr_func_names(), F_COUNT, hint, sizeof hint);
                if (hint[0])
                    expr_err_at(p->e, t->pos, "unknown function %s(); %s", name, hint);
                else
                    expr_err_at(p->e, t->pos, "unknown function %s(); the "
                                "functions are if, coalesce, min, max, clamp, "
                                "round, floor, ceil, log, log10, exp, sqrt, "
                                "abs, pct_of, rank, rank_desc, percentile, "
                                "zscore, share, sum_area, mean_area, "
                                "min_area, max_area and count_area", name);
                return NULL;
            }
            size_t pos = t->pos;
            p->i++;
            return parse_call(p, pos, f);
        }
        expr_node *n = new_node(p, N_IND, t->pos, t->pos);
        if (n && !(n->name = tok_text(p, t))) {
            expr_node_free(n);
            return NULL;
        }
        p->i++;
        return n;
    }
    default:
        return unexpected(p, operand_text);
    }
}

/* Enters one nesting level of the grammar. Returns 1 with the error set
 * (at pos) when that is deeper than EXPR_MAX_DEPTH, else 0. */
static int too_deep(parser *p, size_t pos)
{
    if (++p->depth <= EXPR_MAX_DEPTH)
        return 0;
    expr_err_at(p->e, pos, "the expression is nested too deeply (more than "
                "%d levels)", EXPR_MAX_DEPTH);
    return 1;
}

/* A binary node op(l, r) at token position pos, taking ownership of l and
 * r (r may be NULL: its parse failed, the error is set); frees both and
 * returns NULL on any failure. */
static expr_node *binary(parser *p, int op, size_t pos, expr_node *l,
                         expr_node *r)
{
    if (!r) {
        expr_node_free(l);
        return NULL;
    }
    expr_node *n = new_node(p, N_BIN, pos, l->start);
    if (!n) {
        expr_node_free(l);
        expr_node_free(r);
        return NULL;
    }
    n->op = op;
    return with_args(p, n, (expr_node *[]){l, r}, 2);
}

/* primary ['^' unary]: right associative, binds tighter than unary minus
 * on its left but accepts one on its right (2^-1). */
static expr_node *parse_pow(parser *p)
{
    expr_node *l = parse_primary(p);
    if (!l || peek(p)->kind != T_CARET)
        return l;
    size_t pos = peek(p)->pos;
    p->i++;
    return binary(p, B_POW, pos, l, parse_unary(p));
}

/* (- | +)* power. */
static expr_node *parse_unary(parser *p)
{
    const expr_token *t = peek(p);
    if (t->kind != T_MINUS && t->kind != T_PLUS)
        return parse_pow(p);
    if (too_deep(p, t->pos))
        return NULL;
    size_t pos = t->pos;
    int minus = t->kind == T_MINUS;
    p->i++;
    expr_node *a = parse_unary(p);
    p->depth--;
    if (!a || !minus)
        return a;
    return unary_node(p, N_NEG, pos, a);
}

/* Parses a left-associative chain of the binary operators in ops (kinds
 * and matching expr_binop values) over operands parsed by sub. */
static expr_node *parse_chain(parser *p, expr_node *(*sub)(parser *),
                              const expr_tok_kind *kinds, const expr_binop *ops,
                              size_t nops, const char *word, expr_binop wop)
{
    expr_node *l = sub(p);
    while (l) {
        const expr_token *t = peek(p);
        int op = -1;
        if (word && tok_is_word(t, p, word))
            op = (int)wop;
        for (size_t k = 0; k < nops && op < 0; k++)
            if (t->kind == kinds[k])
                op = (int)ops[k];
        if (op < 0)
            break;
        size_t pos = t->pos;
        p->i++;
        if (!(l = binary(p, op, pos, l, sub(p))))
            return NULL;
    }
    return l;
}

/* unary ((* | /) unary)*. */
static expr_node *parse_mul(parser *p)
{
    static const expr_tok_kind k[] = {T_STAR, T_SLASH};
    static const expr_binop o[] = {B_MUL, B_DIV};
    return parse_chain(p, parse_unary, k, o, 2, NULL, B_MUL);
}

/* mul ((+ | -) mul)*. */
static expr_node *parse_add(parser *p)
{
    static const expr_tok_kind k[] = {T_PLUS, T_MINUS};
    static const expr_binop o[] = {B_ADD, B_SUB};
    return parse_chain(p, parse_mul, k, o, 2, NULL, B_ADD);
}

/* The comparison operator of a token kind, or -1. */
static int cmp_op(expr_tok_kind k)
{
    switch (k) {
    case T_LT: return B_LT;
    case T_LE: return B_LE;
    case T_GT: return B_GT;
    case T_GE: return B_GE;
    case T_EQ: return B_EQ;
    case T_NE: return B_NE;
    default: return -1;
    }
}

/* add [cmp add]; a second comparison is an error (no chaining). */
static expr_node *parse_cmp(parser *p)
{
    expr_node *l = parse_add(p);
    if (!l)
        return NULL;
    int op = cmp_op(peek(p)->kind);
    if (op < 0)
        return l;
    size_t pos = peek(p)->pos;
    p->i++;
    expr_node *n = binary(p, op, pos, l, parse_add(p));
    if (n && cmp_op(peek(p)->kind) >= 0) {
        expr_err_at(p->e, peek(p)->pos, "comparisons cannot be chained; "
                    "combine them with 'and', e.g. 0 < x and x < 10");
        expr_node_free(n);
        return NULL;
    }
    return n;
}

/* not* comparison. */
static expr_node *parse_not(parser *p)
{
    const expr_token *t = peek(p);
    if (!tok_is_word(t, p, "not"))
        return parse_cmp(p);
    if (too_deep(p, t->pos))
        return NULL;
    size_t pos = t->pos;
    p->i++;
    expr_node *a = parse_not(p);
    p->depth--;
    if (!a)
        return NULL;
    return unary_node(p, N_NOT, pos, a);
}

/* not (and not)*. */
static expr_node *parse_and(parser *p)
{
    return parse_chain(p, parse_not, NULL, NULL, 0, "and", B_AND);
}

/* Entry of the grammar; also the nesting point of '(' and calls, so it
 * guards the recursion depth. */
static expr_node *parse_or(parser *p)
{
    if (too_deep(p, peek(p)->pos))
        return NULL;
    expr_node *n = parse_chain(p, parse_and, NULL, NULL, 0, "or", B_OR);
    p->depth--;
    return n;
}

/* Error for what follows a complete expression. */
static void trailing_error(parser *p)
{
    const expr_token *t = peek(p);
    const expr_token *prev = &p->toks[p->i - 1];
    if (t->kind == T_COMMA && prev->kind == T_NUM && p->toks[p->i + 1].kind == T_NUM &&
        prev->pos + prev->len == t->pos && t->pos + 1 == p->toks[p->i + 1].pos) {
        expr_err_at(p->e, t->pos, "numbers are written with a decimal point: "
                    "%.*s.%.*s, not %.*s,%.*s", (int)prev->len,
                    p->e->text + prev->pos, (int)p->toks[p->i + 1].len,
                    p->e->text + p->toks[p->i + 1].pos, (int)prev->len,
                    p->e->text + prev->pos, (int)p->toks[p->i + 1].len,
                    p->e->text + p->toks[p->i + 1].pos);
        return;
    }
    if (t->kind == T_RP) {
        expr_err_at(p->e, t->pos, "unexpected ')': there is no '(' for it to "
                    "close");
        return;
    }
    unexpected(p, follow_text(p));
}

expr *expr_parse(const char *text, const expr_origin *at)
{
    expr *e = mem_new(sizeof *e, "expression");
    if (!e)
        return NULL;
    e->text = mem_strdup(text ? text : "");
    e->file = at && at->file ? mem_strdup(at->file) : NULL;
    if (!e->text || (at && at->file && !e->file)) {
        expr_free(e);
        err_oom("expression");
        return NULL;
    }
    e->line = at ? at->line : 1;
    e->col = at ? (at->col > 0 ? at->col : 1) : 1;
    e->indent = at && at->indent > 0 ? at->indent : 0;
    parser p = {.e = e};
    int ok = expr_lex(e, &p.toks, &p.ntok) == 0;
    if (ok) {
        e->root = parse_or(&p);
        ok = e->root != NULL;
        if (ok && peek(&p)->kind != T_END) {
            trailing_error(&p);
            ok = 0;
        }
    }
    expr_tokens_free(p.toks, p.ntok);
    if (!ok) {
        expr_free(e);
        return NULL;
    }
    return e;
}
