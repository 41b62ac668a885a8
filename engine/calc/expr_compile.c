/* expr_compile.c - turns a checked expression tree into straight-line
 * register code for the block kernels, folding constant parts with the
 * kernels themselves (so folding and evaluation can never disagree), and
 * splitting area-wide functions into stages that run over all rows first.
 */
#include "expr_internal.h"

#include "err.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const expr *e;
    expr_prog *p;
    int *free_temps;
    size_t nfree, capfree;
    double *fv;  /* 4 folding blocks */
    uint8_t *fm;
} compiler;

#define GROW(arr, n, cap, what)                                              \
    do {                                                                     \
        if (mem_grow(&(arr), &(cap), (n) + 1, sizeof *(arr), what) < 0)     \
            return -1;                                                       \
    } while (0)

/* Appends a register; returns its index or -1 (error set). */
static int new_reg(compiler *c, expr_rkind kind, double value, uint8_t miss,
                   int input)
{
    expr_prog *p = c->p;
    if (p->nregs >= 30000) {
        expr_err_at(c->e, 0, "the expression is too large to compile");
        return -1;
    }
    GROW(p->regs, p->nregs, p->capregs, "expression registers");
    p->regs[p->nregs] = (expr_reg){kind, miss, input, value};
    return (int)p->nregs++;
}

/* A constant register (shared between equal constants). */
static int const_reg(compiler *c, double value, uint8_t miss)
{
    for (size_t r = 0; r < c->p->nregs; r++) {
        const expr_reg *g = &c->p->regs[r];
        if (g->kind == R_CONST && g->miss == miss &&
            memcmp(&g->value, &value, sizeof value) == 0)
            return (int)r;
    }
    return new_reg(c, R_CONST, value, miss, -1);
}

/* A free temporary register (reused when possible). */
static int temp_reg(compiler *c)
{
    if (c->nfree > 0)
        return c->free_temps[--c->nfree];
    return new_reg(c, R_TEMP, 0, 0, -1);
}

/* Returns a temporary register to the free list (others are kept). */
static int release(compiler *c, int reg)
{
    if (reg < 0 || c->p->regs[reg].kind != R_TEMP)
        return 0;
    GROW(c->free_temps, c->nfree, c->capfree, "expression registers");
    c->free_temps[c->nfree++] = reg;
    return 0;
}

/* The register of an input, adding the input on first use. */
static int input_reg(compiler *c, expr_ikind kind, const expr_node *n,
                     const char *literal, int neg)
{
    expr_prog *p = c->p;
    for (size_t i = 0; i < p->ninputs; i++) {
        const expr_input *in = &p->inputs[i];
        if (in->kind != kind || kind == IN_STAGE || strcmp(in->node->name, n->name) != 0)
            continue;
        if (kind != IN_INDICATOR && strcmp(in->node->source, n->source) != 0)
            continue;
        if (kind == IN_TEXT_EQ && (in->neg != neg || strcmp(in->literal, literal) != 0))
            continue;
        for (size_t r = 0; r < p->nregs; r++)
            if (p->regs[r].kind == R_INPUT && p->regs[r].input == (int)i)
                return (int)r;
    }
    GROW(p->inputs, p->ninputs, p->capinputs, "expression inputs");
    p->inputs[p->ninputs] = (expr_input){kind, n, literal, neg, -1};
    p->ninputs++;
    return new_reg(c, R_INPUT, 0, 0, (int)p->ninputs - 1);
}

/* Nonzero for an unused operand (-1) or a constant register. */
static int is_const(const compiler *c, int reg)
{
    return reg < 0 || c->p->regs[reg].kind == R_CONST;
}

/* Appends op(a, b, c3) to code, or folds it when all operands are
 * constants. Returns the result register or -1. */
static int emit(compiler *c, expr_code *code, expr_kop op, int a, int b,
                int c3, double imm)
{
    if (is_const(c, a) && is_const(c, b) && is_const(c, c3)) {
        double *v[4];
        uint8_t *m[4];
        int regs[3] = {a, b, c3};
        for (int k = 0; k < 4; k++) {
            v[k] = c->fv + (size_t)k * EXPR_BLOCK;
            m[k] = c->fm + (size_t)k * EXPR_BLOCK;
            if (k < 3)
                expr_kern_fill(v[k], m[k], regs[k] < 0 ? 0 : c->p->regs[regs[k]].value,
                               regs[k] < 0 ? 0 : c->p->regs[regs[k]].miss);
        }
        expr_ins ins = {op, 3, 0, 1, 2, imm};
        expr_kern_exec(&ins, v, m);
        double value;
        uint8_t miss;
        expr_kern_store(v[3], m[3], &value, &miss, 1);
        return const_reg(c, value, miss);
    }
    int dst = temp_reg(c);
    if (dst < 0)
        return -1;
    GROW(code->ins, code->nins, code->cap, "expression code");
    code->ins[code->nins++] = (expr_ins){op, dst, a, b, c3, imm};
    if (release(c, a) < 0 || release(c, b) < 0 || release(c, c3) < 0)
        return -1;
    return dst;
}

static int compile_node(compiler *c, expr_code *code, const expr_node *n);

/* The kernel operation of a binary operator. */
static expr_kop binop_kop(expr_binop op)
{
    static const expr_kop k[B_COUNT] = {
        [B_OR] = K_OR, [B_AND] = K_AND, [B_LT] = K_LT, [B_LE] = K_LE,
        [B_GT] = K_GT, [B_GE] = K_GE, [B_EQ] = K_EQ, [B_NE] = K_NE,
        [B_ADD] = K_ADD, [B_SUB] = K_SUB, [B_MUL] = K_MUL, [B_DIV] = K_DIV,
        [B_POW] = K_POW};
    return k[op];
}

/* Compiles the list of used non-temp registers of a code. */
static int collect_uses(compiler *c, expr_code *code)
{
    size_t cap = code->nins * 3 + 1;
    code->uses = mem_alloc(cap * sizeof *code->uses);
    if (!code->uses)
        return err_oom("expression code");
    code->nuses = 0;
    for (size_t i = 0; i <= code->nins; i++) {
        int rs[3] = {-1, -1, -1};
        if (i < code->nins) {
            rs[0] = code->ins[i].a;
            rs[1] = code->ins[i].b;
            rs[2] = code->ins[i].c;
        } else {
            rs[0] = code->result;
        }
        for (int k = 0; k < 3; k++) {
            int r = rs[k];
            if (r < 0 || c->p->regs[r].kind == R_TEMP)
                continue;
            size_t j = 0;
            while (j < code->nuses && code->uses[j] != r)
                j++;
            if (j == code->nuses)
                code->uses[code->nuses++] = r;
        }
    }
    return 0;
}

/* An area-wide function: its argument becomes a stage of its own. */
static int compile_area(compiler *c, const expr_node *n)
{
    expr_code sc = {0};
    int r = compile_node(c, &sc, n->args[0]);
    expr_prog *p = c->p;
    if (r < 0) {
        mem_free(sc.ins);
        return -1;
    }
    if (mem_grow(&p->stages, &p->capstages, p->nstages + 1, sizeof *p->stages,
                 "expression stages") < 0) {
        mem_free(sc.ins);
        return -1;
    }
    sc.result = r;
    int stage = (int)p->nstages;
    p->stages[p->nstages++] = (expr_stage){sc, (expr_func)n->op, -1};
    if (release(c, r) < 0 || collect_uses(c, &p->stages[stage].code) < 0)
        return -1;
    if (expr_func_get((expr_func)n->op)->area == EXPR_AREA_SCALAR) {
        int reg = new_reg(c, R_SCALAR, 0, 0, stage);
        p->stages[stage].out = reg;
        return reg;
    }
    GROW(p->inputs, p->ninputs, p->capinputs, "expression inputs");
    p->inputs[p->ninputs] = (expr_input){IN_STAGE, n, NULL, 0, stage};
    p->stages[stage].out = (int)p->ninputs++;
    return new_reg(c, R_INPUT, 0, 0, p->stages[stage].out);
}

/* Compiles a function call; returns its result register or -1. */
static int compile_call(compiler *c, expr_code *code, const expr_node *n)
{
    int f = n->op;
    if (expr_func_get((expr_func)f)->area != EXPR_ELEMENTWISE)
        return compile_area(c, n);
    int a = compile_node(c, code, n->args[0]);
    if (a < 0)
        return -1;
    switch ((expr_func)f) {
    case F_IF: {
        const expr_reg *g = &c->p->regs[a];
        if (g->kind == R_CONST) /* fixed condition: only one branch */
            return g->miss ? const_reg(c, 0, g->miss)
                           : compile_node(c, code, n->args[g->value != 0 ? 1 : 2]);
        int b = compile_node(c, code, n->args[1]);
        int d = b < 0 ? -1 : compile_node(c, code, n->args[2]);
        return d < 0 ? -1 : emit(c, code, K_IF, a, b, d, 0);
    }
    case F_CLAMP: {
        int b = compile_node(c, code, n->args[1]);
        int d = b < 0 ? -1 : compile_node(c, code, n->args[2]);
        return d < 0 ? -1 : emit(c, code, K_CLAMP, a, b, d, 0);
    }
    case F_COALESCE:
    case F_MIN:
    case F_MAX: {
        expr_kop op = f == F_COALESCE ? K_COALESCE : f == F_MIN ? K_MIN : K_MAX;
        for (size_t i = 1; i < n->nargs && a >= 0; i++) {
            if (f == F_COALESCE && is_const(c, a) && c->p->regs[a].miss == 0)
                break; /* a fixed valid value: the rest never counts */
            int b = compile_node(c, code, n->args[i]);
            a = b < 0 ? -1 : emit(c, code, op, a, b, -1, 0);
        }
        return a;
    }
    case F_PCT_OF: {
        int b = compile_node(c, code, n->args[1]);
        return b < 0 ? -1 : emit(c, code, K_PCT_OF, a, b, -1, 0);
    }
    case F_WILSON_LOWER:
    case F_WILSON_UPPER: {
        int b = compile_node(c, code, n->args[1]);
        return b < 0 ? -1 : emit(c, code, f == F_WILSON_LOWER ? K_WILSON_LO
                                                            : K_WILSON_HI,
                                 a, b, -1, 0);
    }
    case F_FUNNEL: {
        int b = compile_node(c, code, n->args[1]);
        int d = b < 0 ? -1 : compile_node(c, code, n->args[2]);
        return d < 0 ? -1 : emit(c, code, K_FUNNEL, a, b, d, 0);
    }
    case F_ROUND: {
        double digits = 0;
        if (n->nargs == 2) {
            const expr_node *d = n->args[1];
            digits = d->kind == N_NUM ? d->num : -d->args[0]->num;
        }
        return emit(c, code, K_ROUND, a, -1, -1, digits);
    }
    default: {
        static const expr_kop unary[F_COUNT] = {
            [F_FLOOR] = K_FLOOR, [F_CEIL] = K_CEIL, [F_LOG] = K_LOG,
            [F_LOG10] = K_LOG10, [F_EXP] = K_EXP, [F_SQRT] = K_SQRT,
            [F_ABS] = K_ABS};
        return emit(c, code, unary[f], a, -1, -1, 0);
    }
    }
}

/* Compiles a subtree into code; returns its result register or -1. */
static int compile_node(compiler *c, expr_code *code, const expr_node *n)
{
    switch (n->kind) {
    case N_NUM:
    case N_BOOL:
        return const_reg(c, n->num, 0);
    case N_STR: /* only inside text comparisons, handled there */
        expr_err_at(c->e, n->start, "internal error: text outside a comparison");
        return -1;
    case N_COL:
        return input_reg(c, IN_COLUMN, n, NULL, 0);
    case N_IND:
        return input_reg(c, IN_INDICATOR, n, NULL, 0);
    case N_NEG:
    case N_NOT: {
        int a = compile_node(c, code, n->args[0]);
        return a < 0 ? -1 : emit(c, code, n->kind == N_NEG ? K_NEG : K_NOT, a, -1, -1, 0);
    }
    case N_BIN: {
        const expr_node *l = n->args[0], *r = n->args[1];
        if (l->type == EXPR_T_STRING) {
            const expr_node *col = l->kind == N_COL ? l : r;
            const expr_node *lit = l->kind == N_COL ? r : l;
            return input_reg(c, IN_TEXT_EQ, col, lit->name, n->op == B_NE);
        }
        int a = compile_node(c, code, l);
        int b = a < 0 ? -1 : compile_node(c, code, r);
        return b < 0 ? -1 : emit(c, code, binop_kop((expr_binop)n->op), a, b, -1, 0);
    }
    case N_CALL:
        return compile_call(c, code, n);
    }
    return -1;
}

expr_prog *expr_compile(const expr *e)
{
    compiler c = {.e = e};
    c.p = mem_calloc(1, sizeof *c.p);
    c.fv = mem_alloc(4 * EXPR_BLOCK * sizeof *c.fv);
    c.fm = mem_alloc(4 * EXPR_BLOCK);
    int ok = c.p && c.fv && c.fm;
    if (!ok)
        err_oom("expression program");
    if (ok) {
        int r = compile_node(&c, &c.p->main, e->root);
        c.p->main.result = r;
        ok = r >= 0 && collect_uses(&c, &c.p->main) == 0;
    }
    mem_free(c.free_temps);
    mem_free(c.fv);
    mem_free(c.fm);
    if (!ok) {
        expr_prog_free(c.p);
        return NULL;
    }
    return c.p;
}

/* Frees the arrays of a code (not the struct). */
static void code_free(expr_code *code)
{
    mem_free(code->ins);
    mem_free(code->uses);
}

void expr_prog_free(expr_prog *p)
{
    if (!p)
        return;
    for (size_t s = 0; s < p->nstages; s++)
        code_free(&p->stages[s].code);
    code_free(&p->main);
    mem_free(p->stages);
    mem_free(p->inputs);
    mem_free(p->regs);
    mem_free(p);
}
