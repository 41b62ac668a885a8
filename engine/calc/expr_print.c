/* expr_print.c - canonical text, dependency lists, error positions and
 * freeing of expressions; see expr.h. */
#include "expr_internal.h"

#include "err.h"
#include "mem.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- positions and errors ---------------------------------------------- */

void expr_pos(const expr *e, size_t off, long *line, long *col)
{
    long l = e->line, c = e->col;
    size_t len = strlen(e->text);
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)e->text[i];
        if (ch == '\n') {
            l++;
            c = e->indent + 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

void expr_err_at(const expr *e, size_t off, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
    va_end(ap);
    if (e->line <= 0) {
        err_set_pos(ERR_EXPR, e->file, 0, 0,
                    "%s (at character %zu of the expression)", msg, off + 1);
        /* (err_set_pos translates this format too) */
        return;
    }
    long line, col;
    expr_pos(e, off, &line, &col);
    err_set_pos(ERR_EXPR, e->file, line, col, "%s", msg);
}

/* ---- string builder ---------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
    int failed; /* OOM seen */
    size_t limit; /* 0 = unlimited; else stop growing past it */
} sbuf;

/* Appends n bytes (up to the limit); marks failure on OOM. */
static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->limit && b->len + n > b->limit) {
        n = b->len < b->limit ? b->limit - b->len : 0;
        b->failed = 2; /* truncated */
    }
    if (mem_grow(&b->buf, &b->cap, b->len + n + 1, 1, "expression text") < 0) {
        b->failed = 1;
        return;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

/* Appends a NUL-terminated string. */
static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* The "C" locale, so numbers print with a decimal point everywhere. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

/* Creates the C locale once. */
static void c_locale_init(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Shortest %g text that reads back as exactly v. */
static void format_number(double v, char *buf, size_t size)
{
    pthread_once(&c_locale_once, c_locale_init);
    locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (old)
        uselocale(old);
}

double expr_read_number(const char *s, size_t len)
{
    char buf[128];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    pthread_once(&c_locale_once, c_locale_init);
    if (c_locale)
        return strtod_l(buf, NULL, c_locale);
    return strtod(buf, NULL);
}

int expr_is_ident(const char *s)
{
    if (!s || !*s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                       *s == '_'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* Appends s in quotes q, doubling any q inside. */
static void sb_quoted(sbuf *b, const char *s, char q)
{
    sb_add(b, &q, 1);
    for (; *s; s++) {
        sb_add(b, s, 1);
        if (*s == q)
            sb_add(b, &q, 1);
    }
    sb_add(b, &q, 1);
}

/* ---- canonical printing ------------------------------------------------ */

static const char *const binop_text[B_COUNT] = {
    "or", "and", "<", "<=", ">", ">=", "==", "!=", "+", "-", "*", "/", "^"};

/* Binding strength: or 1, and 2, not 3, comparisons 4, + - 5, * / 6,
 * unary minus 7, ^ 8, everything else 9. */
static int prec_of(const expr_node *n)
{
    switch (n->kind) {
    case N_BIN:
        switch ((expr_binop)n->op) {
        case B_OR: return 1;
        case B_AND: return 2;
        case B_ADD: case B_SUB: return 5;
        case B_MUL: case B_DIV: return 6;
        case B_POW: return 8;
        default: return 4;
        }
    case N_NOT: return 3;
    case N_NEG: return 7;
    case N_NUM: return (n->num < 0 || signbit(n->num)) ? 7 : 9;
    default: return 9;
    }
}

/* Prints a subtree, in parentheses when it binds looser than minprec. */
static void print_node(sbuf *b, const expr_node *n, int minprec)
{
    if (b->failed)
        return;
    int p = prec_of(n);
    if (p < minprec)
        sb_str(b, "(");
    char num[40];
    switch (n->kind) {
    case N_NUM:
        format_number(n->num, num, sizeof num);
        sb_str(b, num);
        break;
    case N_BOOL:
        sb_str(b, n->num != 0 ? "true" : "false");
        break;
    case N_STR:
        sb_quoted(b, n->name, '\'');
        break;
    case N_COL:
        sb_str(b, n->source);
        sb_str(b, ".");
        if (expr_is_ident(n->name))
            sb_str(b, n->name);
        else
            sb_quoted(b, n->name, '"');
        break;
    case N_IND:
        sb_str(b, n->name);
        break;
    case N_NEG:
        /* a minus of a minus is written "- -x", not "-(-x)": parentheses
         * would count as a nesting level twice when parsed back, so 101+
         * nested minuses would no longer parse (issue 11 item 11) */
        if (n->args[0]->kind == N_NEG || (n->args[0]->kind == N_NUM &&
                                          prec_of(n->args[0]) == 7)) {
            sb_str(b, "- ");
            print_node(b, n->args[0], 7);
        } else {
            sb_str(b, "-");
            print_node(b, n->args[0], 8);
        }
        break;
    case N_NOT:
        sb_str(b, "not ");
        print_node(b, n->args[0], 3);
        break;
    case N_BIN: {
        int lp = p, rp = p + 1;
        if (p == 4)
            lp = 5;
        else if (p == 8) {
            lp = 9;
            rp = 7;
        }
        print_node(b, n->args[0], lp);
        sb_str(b, " ");
        sb_str(b, binop_text[n->op]);
        sb_str(b, " ");
        print_node(b, n->args[1], rp);
        break;
    }
    case N_CALL:
        sb_str(b, expr_func_get((expr_func)n->op)->name);
        sb_str(b, "(");
        for (size_t i = 0; i < n->nargs; i++) {
            if (i)
                sb_str(b, ", ");
            print_node(b, n->args[i], 0);
        }
        sb_str(b, ")");
        break;
    }
    if (p < minprec)
        sb_str(b, ")");
}

char *expr_to_string(const expr *e)
{
    sbuf b = {0};
    sb_str(&b, "");
    print_node(&b, e->root, 0);
    if (b.failed) {
        mem_free(b.buf);
        err_oom("expression text");
        return NULL;
    }
    return b.buf;
}

void expr_node_brief(const expr_node *n, char *buf, size_t size)
{
    if (size == 0)
        return;
    sbuf b = {.limit = size > 4 ? size - 4 : 1};
    sb_str(&b, "");
    print_node(&b, n, 0);
    if (!b.buf) {
        snprintf(buf, size, "this part");
        return;
    }
    snprintf(buf, size, "%s%s", b.buf, b.failed == 2 ? "..." : "");
    mem_free(b.buf);
}

const char *expr_text(const expr *e)
{
    return e->text;
}

/* ---- dependencies -------------------------------------------------------- */

typedef struct {
    expr_dep *deps;
    size_t n, cap;
    int failed;
} dep_list;

/* Adds the references of a subtree, first mention first. */
static void collect_deps(const expr *e, const expr_node *n, dep_list *d)
{
    if (d->failed)
        return;
    if (n->kind == N_COL || n->kind == N_IND) {
        expr_dep_kind kind = n->kind == N_COL ? EXPR_DEP_COLUMN : EXPR_DEP_INDICATOR;
        for (size_t i = 0; i < d->n; i++)
            if (d->deps[i].kind == kind && strcmp(d->deps[i].name, n->name) == 0 &&
                (kind == EXPR_DEP_INDICATOR || strcmp(d->deps[i].source, n->source) == 0))
                return;
        if (mem_grow(&d->deps, &d->cap, d->n + 1, sizeof *d->deps,
                     "expression dependency list") < 0) {
            d->failed = 1;
            return;
        }
        expr_dep *x = &d->deps[d->n++];
        x->kind = kind;
        x->source = n->kind == N_COL ? n->source : NULL;
        x->name = n->name;
        expr_pos(e, n->start, &x->line, &x->col);
        return;
    }
    for (size_t i = 0; i < n->nargs; i++)
        collect_deps(e, n->args[i], d);
}

int expr_deps(const expr *e, expr_dep **out, size_t *n)
{
    dep_list d = {0};
    collect_deps(e, e->root, &d);
    if (d.failed) {
        mem_free(d.deps);
        *out = NULL;
        *n = 0;
        return err_oom("expression dependency list");
    }
    *out = d.deps;
    *n = d.n;
    return 0;
}

/* Nonzero when the subtree calls an area-wide function. */
static int uses_area(const expr_node *n)
{
    if (n->kind == N_CALL && expr_func_get((expr_func)n->op)->area != EXPR_ELEMENTWISE)
        return 1;
    for (size_t i = 0; i < n->nargs; i++)
        if (uses_area(n->args[i]))
            return 1;
    return 0;
}

int expr_uses_area(const expr *e)
{
    return uses_area(e->root);
}

expr_type expr_result_type(const expr *e)
{
    return e->prog ? e->type : EXPR_T_NONE;
}

/* ---- freeing ------------------------------------------------------------- */

void expr_node_free(expr_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nargs; i++)
        expr_node_free(n->args[i]);
    MEM_FREE_ALL(n->args, n->source, n->name, n);
}

void expr_free(expr *e)
{
    if (!e)
        return;
    expr_node_free(e->root);
    expr_prog_free(e->prog);
    MEM_FREE_ALL(e->text, e->file, e);
}
