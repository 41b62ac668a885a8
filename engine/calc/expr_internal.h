/* expr_internal.h - private structures of the expression module (expr_*.c).
 *
 * Pipeline: expr_lex.c (tokens), expr_parse.c (recursive descent ->
 * expr_node tree), expr_check.c (names and types), expr_compile.c (tree ->
 * register code, constant folding, area stages), expr_kern.c (block
 * kernels), expr_area.c (whole-column functions), expr_eval.c (driver,
 * workspace, threads), expr_print.c (canonical text, deps, positions),
 * expr_func.c (function table, suggestions).
 */
#ifndef DNW_EXPR_INTERNAL_H
#define DNW_EXPR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "expr.h"

/* Rows per block: every kernel loop runs exactly this many times, so the
 * compiler vectorises it without a scalar epilogue. */
#define EXPR_BLOCK 1024
/* Deepest allowed tree (and parser recursion). */
#define EXPR_MAX_DEPTH 200

typedef enum {
    N_NUM,  /* num */
    N_BOOL, /* num = 0 or 1 */
    N_STR,  /* name = the text */
    N_COL,  /* source.name */
    N_IND,  /* name */
    N_NEG,  /* -args[0] */
    N_NOT,  /* not args[0] */
    N_BIN,  /* args[0] op args[1] */
    N_CALL  /* op = expr_func, args */
} expr_nkind;

/* Binary operators. */
typedef enum {
    B_OR, B_AND,
    B_LT, B_LE, B_GT, B_GE, B_EQ, B_NE,
    B_ADD, B_SUB, B_MUL, B_DIV, B_POW,
    B_COUNT
} expr_binop;

/* Functions. */
typedef enum {
    F_IF, F_COALESCE, F_MIN, F_MAX, F_CLAMP, F_ROUND, F_FLOOR, F_CEIL,
    F_LOG, F_LOG10, F_EXP, F_SQRT, F_ABS, F_PCT_OF,
    /* area-wide, one value per row */
    F_RANK, F_RANK_DESC, F_PERCENTILE, F_ZSCORE, F_SHARE,
    /* area-wide, one value for the area */
    F_SUM_AREA, F_MEAN_AREA, F_MIN_AREA, F_MAX_AREA, F_COUNT_AREA,
    /* reach statistics (calc/reach.h), elementwise */
    F_WILSON_LOWER, F_WILSON_UPPER, F_FUNNEL,
    F_COUNT
} expr_func;

enum { EXPR_ELEMENTWISE = 0, EXPR_AREA_VECTOR = 1, EXPR_AREA_SCALAR = 2 };

typedef struct {
    const char *name;
    int min_args, max_args; /* max_args -1 = any number */
    const char *params;     /* for messages: "x, lo, hi" */
    int area;               /* EXPR_ELEMENTWISE / _AREA_VECTOR / _SCALAR */
} expr_func_info;

typedef struct expr_node {
    expr_nkind kind;
    int op;        /* expr_binop (N_BIN) or expr_func (N_CALL) */
    size_t pos;    /* byte offset of the token errors point at */
    size_t start;  /* byte offset of the node's first character */
    int depth;     /* height of the subtree, 1 for leaves */
    double num;    /* N_NUM, N_BOOL */
    char *source;  /* N_COL */
    char *name;    /* N_COL column, N_IND indicator, N_STR text */
    struct expr_node **args;
    size_t nargs;
    expr_type type; /* set by expr_check */
} expr_node;

/* ---- compiled form ---------------------------------------------------- */

/* Registers: each holds one block of values + miss bytes at eval time. */
typedef enum {
    R_CONST,  /* value/miss fixed at compile time */
    R_INPUT,  /* a block of an input (column, indicator, stage result) */
    R_SCALAR, /* value/miss computed by an area stage at eval time */
    R_TEMP    /* kernel output */
} expr_rkind;

typedef struct {
    expr_rkind kind;
    uint8_t miss;
    int input; /* R_INPUT: index into prog.inputs; R_SCALAR: stage */
    double value;
} expr_reg;

typedef enum {
    IN_COLUMN,    /* node->source.node->name */
    IN_INDICATOR, /* node->name */
    IN_TEXT_EQ,   /* column node == / != literal (neg = 1 for !=) */
    IN_STAGE      /* result of an area stage */
} expr_ikind;

typedef struct {
    expr_ikind kind;
    const expr_node *node; /* the reference (names, error position) */
    const char *literal;   /* IN_TEXT_EQ */
    int neg;               /* IN_TEXT_EQ: 1 for != */
    int stage;             /* IN_STAGE */
} expr_input;

/* Kernel operations. Unary: a; binary: a, b; ternary: a, b, c. */
typedef enum {
    K_NEG, K_NOT, K_FLOOR, K_CEIL, K_ROUND, K_LOG, K_LOG10, K_EXP, K_SQRT,
    K_ABS,
    K_ADD, K_SUB, K_MUL, K_DIV, K_POW,
    K_LT, K_LE, K_GT, K_GE, K_EQ, K_NE, K_AND, K_OR,
    K_MIN, K_MAX, K_COALESCE, K_PCT_OF,
    K_IF, K_CLAMP,
    K_WILSON_LO, K_WILSON_HI, K_FUNNEL,
    K_COUNT
} expr_kop;

typedef struct {
    expr_kop op;
    int dst, a, b, c; /* registers (-1 unused) */
    double imm;       /* K_ROUND: digits */
} expr_ins;

/* A straight-line program computing one register per block. */
typedef struct {
    expr_ins *ins;
    size_t nins, cap;
    int result; /* register with the result */
    int *uses;  /* registers of kind R_INPUT/R_CONST/R_SCALAR read */
    size_t nuses;
} expr_code;

/* An area-wide function: `code` computes its argument over all rows, then
 * the area kernel turns it into input `out` (vector) or register `out`
 * (scalar). Stages run in order; inner ones come first. */
typedef struct {
    expr_code code;
    expr_func func;
    int out;
} expr_stage;

typedef struct {
    expr_reg *regs;
    size_t nregs, capregs;
    expr_input *inputs;
    size_t ninputs, capinputs;
    expr_stage *stages;
    size_t nstages, capstages;
    expr_code main;
} expr_prog;

struct expr {
    char *text;
    char *file;
    long line, col, indent;
    expr_node *root;
    expr_type type;  /* result type after expr_check */
    expr_prog *prog; /* compiled, NULL before expr_check */
};

/* ---- expr_lex.c --------------------------------------------------------- */

typedef enum {
    T_END, T_NUM, T_IDENT, T_SQ, T_DQ, T_DOT, T_LP, T_RP, T_COMMA,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_CARET,
    T_LT, T_LE, T_GT, T_GE, T_EQ, T_NE
} expr_tok_kind;

typedef struct {
    expr_tok_kind kind;
    size_t pos, len; /* slice of the text */
    double num;      /* T_NUM */
    char *str;       /* T_SQ / T_DQ: the unquoted content (malloc'd) */
} expr_token;

/* Splits e->text into tokens ending with T_END: *toks is a new array the
 * caller frees with expr_tokens_free. Returns 0, or -1 with an ERR_EXPR
 * error at the offending character. After a dot, a run of letters, digits
 * and _ is one name (so w.65plus lexes as a column name). */
int expr_lex(expr *e, expr_token **toks, size_t *ntok);
/* Frees n tokens and the array. */
void expr_tokens_free(expr_token *toks, size_t n);

/* ---- expr_func.c -------------------------------------------------------- */

/* Function info by id (never NULL for a valid id). */
const expr_func_info *expr_func_get(expr_func f);
/* Function id of name[0..len), or -1 when there is none. */
int expr_func_find(const char *name, size_t len);
/* All function names, NULL-terminated (static). */
const char *const *expr_func_names(void);
/* Formats "did you mean a, b or c?" into buf ("" when nothing is close). */
void expr_suggest_text(const char *name, const char *const *cands, size_t n,
                       char *buf, size_t size);

/* ---- expr_print.c ------------------------------------------------------- */

/* Recipe line:col of byte offset off of e's text. */
void expr_pos(const expr *e, size_t off, long *line, long *col);
/* Sets an ERR_EXPR error at byte offset off of e's text. */
void expr_err_at(const expr *e, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Canonical text of a subtree into buf, shortened with "..." when it does
 * not fit (for messages). */
void expr_node_brief(const expr_node *n, char *buf, size_t size);
/* Frees a subtree. */
void expr_node_free(expr_node *n);
/* Reads the number s[0..len) (digits, '.', exponent) in the C locale;
 * HUGE_VAL when it overflows. */
double expr_read_number(const char *s, size_t len);
/* Nonzero when s is a plain identifier (no quotes needed). */
int expr_is_ident(const char *s);

/* ---- expr_check.c / expr_compile.c -------------------------------------- */

/* Resolves names and sets node types; error set on failure. */
int expr_typecheck(expr *e, const expr_resolver *r);
/* Compiles a type-checked tree. Returns a new program or NULL (error). */
expr_prog *expr_compile(const expr *e);
/* Frees a program. NULL is fine. */
void expr_prog_free(expr_prog *p);

/* ---- expr_kern.c -------------------------------------------------------- */

/* Runs one instruction on the current block: v[r] / m[r] are the block
 * arrays (EXPR_BLOCK long) of register r. */
void expr_kern_exec(const expr_ins *ins, double *const *v, uint8_t *const *m);
/* Copies len rows of a result block to out/out_miss: non-finite valid
 * values become MISS_INVALID, missing rows get value 0. */
void expr_kern_store(const double *v, const uint8_t *m, double *out,
                     uint8_t *out_miss, size_t len);
/* Fills a block with one value and reason. */
void expr_kern_fill(double *v, uint8_t *m, double value, uint8_t miss);
/* Number of valid non-finite values in a block (inputs must be finite). */
size_t expr_kern_count_bad(const double *v, const uint8_t *m);

/* ---- expr_eval.c -------------------------------------------------------- */

/* The next scratch buffer of at least bytes from ws (owned by ws, valid
 * until the next evaluation with ws); NULL on OOM (error set). */
void *expr_ws_take(expr_ws *ws, size_t bytes);

/* ---- expr_area.c -------------------------------------------------------- */

/* Replaces v/m (n rows) by rank, rank_desc, percentile, zscore or share of
 * them, in place, taking scratch memory from ws. Returns 0, or -1 on OOM
 * (error set). */
int expr_area_vector(expr_func f, double *v, uint8_t *m, size_t n,
                     expr_ws *ws);
/* sum/mean/min/max/count_area of v/m (n rows) into *value / *miss. */
void expr_area_scalar(expr_func f, const double *v, const uint8_t *m,
                      size_t n, double *value, uint8_t *miss);

#endif
