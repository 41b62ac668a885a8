/* expr_lex.c - the lexer of indicator expressions: splits the text into
 * tokens, with precise messages for the usual mistakes (&&, =, **, %,
 * unclosed quotes, names that need quotes); see expr.h. */
#include "expr_internal.h"

#include "err.h"
#include "mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    expr *e;
    expr_token *toks;
    size_t ntok, cap;
} lexer;

/* Letter or underscore (ASCII). */
static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* ASCII digit. */
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Appends a token; -1 on OOM (error set). */
static int push_tok(lexer *p, expr_tok_kind kind, size_t pos, size_t len)
{
    if (mem_grow(&p->toks, &p->cap, p->ntok + 1, sizeof *p->toks,
                 "expression tokens") < 0)
        return -1;
    p->toks[p->ntok++] = (expr_token){.kind = kind, .pos = pos, .len = len};
    return 0;
}

/* Lexes a quoted name or text starting at text[i] (the quote). */
static int lex_quoted(lexer *p, size_t i)
{
    const char *t = p->e->text;
    char q = t[i];
    size_t j = i + 1, n = 0;
    char *s = mem_alloc(strlen(t + i) + 1);
    if (!s)
        return err_oom("expression text");
    for (;;) {
        if (t[j] == '\0' || t[j] == '\n') {
            mem_free(s);
            expr_err_at(p->e, i, "the quote %c opened here is never closed; "
                        "add a closing %c", q, q);
            return -1;
        }
        if (t[j] == q) {
            if (t[j + 1] != q)
                break;
            j++; /* doubled quote stands for one */
        }
        s[n++] = t[j++];
    }
    s[n] = '\0';
    if (push_tok(p, q == '\'' ? T_SQ : T_DQ, i, j + 1 - i) < 0) {
        mem_free(s);
        return -1;
    }
    p->toks[p->ntok - 1].str = s;
    return (int)(j + 1 - i);
}

/* Lexes a number at text[i]; returns its length or -1. */
static int lex_number(lexer *p, size_t i)
{
    const char *t = p->e->text;
    size_t j = i;
    while (is_digit(t[j]))
        j++;
    if (t[j] == '.') {
        j++;
        while (is_digit(t[j]))
            j++;
    }
    if (t[j] == 'e' || t[j] == 'E') {
        size_t k = j + 1;
        if (t[k] == '+' || t[k] == '-')
            k++;
        if (is_digit(t[k])) {
            while (is_digit(t[k]))
                k++;
            j = k;
        }
    }
    if (is_alpha(t[j]) || is_digit(t[j])) {
        size_t k = j;
        while (is_alpha(t[k]) || is_digit(t[k]))
            k++;
        expr_err_at(p->e, i, "'%.*s' is not a number; a column name that "
                    "starts with a digit is written after its source, e.g. "
                    "w.\"%.*s\"", (int)(k - i), t + i, (int)(k - i), t + i);
        return -1;
    }
    if (j - i > 100) {
        expr_err_at(p->e, i, "this number has more than 100 characters");
        return -1;
    }
    double v = expr_read_number(t + i, j - i);
    if (!isfinite(v)) {
        expr_err_at(p->e, i, "the number %.*s is too large", (int)(j - i), t + i);
        return -1;
    }
    if (push_tok(p, T_NUM, i, j - i) < 0)
        return -1;
    p->toks[p->ntok - 1].num = v;
    return (int)(j - i);
}

/* Reports a character that starts no token, with a hint for the usual
 * mistakes (&&, ||, !, =, <>, **, %). */
static int lex_bad_char(lexer *p, size_t i)
{
    const char *t = p->e->text;
    const char *hint = NULL, *what = NULL;
    switch (t[i]) {
    case '&': what = t[i + 1] == '&' ? "&&" : "&"; hint = "write 'and'"; break;
    case '|': what = t[i + 1] == '|' ? "||" : "|"; hint = "write 'or'"; break;
    case '!': what = "!"; hint = "write 'not', or '!=' for 'not equal'"; break;
    case '=': what = "="; hint = "compare with '=='"; break;
    case '%': what = "%"; hint = "use pct_of(x, total) for percentages"; break;
    default: break;
    }
    if (what) {
        expr_err_at(p->e, i, "'%s' is not an operator; %s", what, hint);
        return -1;
    }
    unsigned char c = (unsigned char)t[i];
    if (c >= 0x80) {
        size_t k = i + 1;
        while (((unsigned char)t[k] & 0xC0) == 0x80)
            k++;
        expr_err_at(p->e, i, "unexpected character '%.*s'; a column name "
                    "with characters other than letters, digits and _ must "
                    "be quoted, e.g. w.\"%.*s\"", (int)(k - i), t + i,
                    (int)(k - i), t + i);
    } else if (c < 0x20 || c == 0x7f) {
        expr_err_at(p->e, i, "unexpected control character (code %d)", c);
    } else {
        expr_err_at(p->e, i, "unexpected character '%c'", c);
    }
    return -1;
}

/* Splits the whole text into tokens, ending with T_END. */
static int lex(lexer *p)
{
    const char *t = p->e->text;
    size_t i = 0;
    while (t[i]) {
        char c = t[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        int prev_ident = p->ntok > 0 && p->toks[p->ntok - 1].kind == T_IDENT;
        int after_dot = p->ntok > 0 && p->toks[p->ntok - 1].kind == T_DOT;
        int len = 1;
        expr_tok_kind k = T_END;
        if (after_dot && (is_alpha(c) || is_digit(c))) {
            /* a column name: letters, digits and _ (w.65plus works too) */
            size_t j = i;
            while (is_alpha(t[j]) || is_digit(t[j]))
                j++;
            k = T_IDENT;
            len = (int)(j - i);
        } else if (is_alpha(c)) {
            size_t j = i;
            while (is_alpha(t[j]) || is_digit(t[j]))
                j++;
            k = T_IDENT;
            len = (int)(j - i);
        } else if (is_digit(c) || (c == '.' && is_digit(t[i + 1]) && !prev_ident)) {
            len = lex_number(p, i);
            if (len < 0)
                return -1;
            i += (size_t)len;
            continue;
        } else if (c == '\'' || c == '"') {
            len = lex_quoted(p, i);
            if (len < 0)
                return -1;
            i += (size_t)len;
            continue;
        } else {
            char d = t[i + 1];
            switch (c) {
            case '.': k = T_DOT; break;
            case '(': k = T_LP; break;
            case ')': k = T_RP; break;
            case ',': k = T_COMMA; break;
            case '+': k = T_PLUS; break;
            case '-': k = T_MINUS; break;
            case '/': k = T_SLASH; break;
            case '^': k = T_CARET; break;
            case '*':
                if (d == '*') {
                    expr_err_at(p->e, i, "'**' is not an operator; write '^' "
                                "for powers");
                    return -1;
                }
                k = T_STAR;
                break;
            case '<':
                if (d == '>') {
                    expr_err_at(p->e, i, "'<>' is not an operator; write '!=' "
                                "for 'not equal'");
                    return -1;
                }
                k = d == '=' ? T_LE : T_LT;
                len = d == '=' ? 2 : 1;
                break;
            case '>':
                k = d == '=' ? T_GE : T_GT;
                len = d == '=' ? 2 : 1;
                break;
            case '=':
            case '!': /* only as "==" and "!=" */
                if (d != '=')
                    return lex_bad_char(p, i);
                k = c == '=' ? T_EQ : T_NE;
                len = 2;
                break;
            default:
                return lex_bad_char(p, i);
            }
        }
        if (push_tok(p, k, i, (size_t)len) < 0)
            return -1;
        i += (size_t)len;
    }
    return push_tok(p, T_END, i, 0);
}

void expr_tokens_free(expr_token *toks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mem_free(toks[i].str);
    mem_free(toks);
}

int expr_lex(expr *e, expr_token **toks, size_t *ntok)
{
    lexer p = {.e = e};
    if (lex(&p) < 0) {
        expr_tokens_free(p.toks, p.ntok);
        *toks = NULL;
        *ntok = 0;
        return -1;
    }
    *toks = p.toks;
    *ntok = p.ntok;
    return 0;
}
