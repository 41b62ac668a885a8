/* fuzz_expr.c - libFuzzer harness of the expression engine: parse any
 * text; what parses must print as text that parses back to the same print
 * (issue 11 item 11), and check and evaluate over a small table without
 * crashing. A broken round trip aborts, which libFuzzer reports. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "expr.h"
#include "expr_test_resolver.h"
#include "mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NROWS 8

static double va[NROWS] = {1, -2, 0, 3.5, 1e300, -1e-300, 7, 100};
static double vb[NROWS] = {0, 2, 4, -8, 16, 0.5, 1e308, 3};
static double vi[NROWS] = {10, 20, 30, 0, 50, 60, 70, 80};
static uint8_t mb[NROWS] = {0, 0, MISS_SECRET, 0, 0, MISS_EMPTY, 0, 0};
static uint8_t bools_m[NROWS];
static double bools[NROWS] = {1, 0, 1, 0, 1, 1, 0, 0};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    err_clear();
    expr *e = expr_parse(text, NULL);
    if (e) {
        char *once = expr_to_string(e);
        if (once) {
            expr *back = expr_parse(once, NULL);
            if (!back) {
                const err_info *er = err_get();
                fprintf(stderr, "printed text does not parse back:\n%s\n%s\n",
                        once, er ? er->message : "");
                abort();
            }
            char *twice = expr_to_string(back);
            if (twice && strcmp(once, twice) != 0) {
                fprintf(stderr, "print changes on reparse:\n%s\n%s\n", once,
                        twice);
                abort();
            }
            mem_free(twice);
            expr_free(back);
            mem_free(once);
        }
        tr_ctx ctx = {.nitems = 0};
        tr_add(&ctx, "w", "a", EXPR_T_NUMBER, va, NULL, NROWS);
        tr_add(&ctx, "w", "b", EXPR_T_NUMBER, vb, mb, NROWS);
        tr_add(&ctx, "w", "inwoners", EXPR_T_NUMBER, vi, NULL, NROWS);
        tr_add(&ctx, NULL, "x", EXPR_T_NUMBER, va, NULL, NROWS);
        tr_add(&ctx, NULL, "vlag", EXPR_T_BOOL, bools, bools_m, NROWS);
        expr_resolver r = tr_resolver(&ctx);
        if (expr_check(e, &r) == 0) {
            double out[NROWS];
            uint8_t om[NROWS];
            expr_eval(e, &r, NROWS, out, om);
        }
        expr_free(e);
    }
    err_clear();
    free(text);
    return 0;
}
