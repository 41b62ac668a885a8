/* check.h - a tiny table-driven test harness for dnawijk's unit tests.
 *
 * CHECK(cond) records a failure with file:line and goes on; the test's main
 * returns check_done(), which prints "N passed, N failed" and gives the exit
 * code ctest reads.
 */
#ifndef DNW_CHECK_H
#define DNW_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

static int check_passed, check_failed;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (cond) {                                                          \
            check_passed++;                                                  \
        } else {                                                             \
            check_failed++;                                                  \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
            if (err_get())                                                   \
                err_print(stderr);                                           \
        }                                                                    \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                \
    do {                                                                     \
        double a_ = (a), b_ = (b);                                           \
        if (fabs(a_ - b_) <= (tol)) {                                        \
            check_passed++;                                                  \
        } else {                                                             \
            check_failed++;                                                  \
            fprintf(stderr, "%s:%d: %s = %.10g, expected %.10g\n", __FILE__, \
                    __LINE__, #a, a_, b_);                                   \
        }                                                                    \
    } while (0)

#define CHECK_STR(a, b)                                                      \
    do {                                                                     \
        const char *a_ = (a), *b_ = (b);                                     \
        if (a_ && b_ && strcmp(a_, b_) == 0) {                               \
            check_passed++;                                                  \
        } else {                                                             \
            check_failed++;                                                  \
            fprintf(stderr, "%s:%d: %s = \"%s\", expected \"%s\"\n",         \
                    __FILE__, __LINE__, #a, a_ ? a_ : "(null)",              \
                    b_ ? b_ : "(null)");                                     \
        }                                                                    \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
