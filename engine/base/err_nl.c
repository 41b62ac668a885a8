/* err_nl.c - the language of error messages: Dutch for the command line
 * by default, English with --lang en (and in the library, so that tests
 * and embedders see stable English). err_set*, err_prefix, err_oom,
 * rcp_fail, rcp_error_at, expr_err_at and cmd_usage_error look their
 * English format up through err_tr(), which finds its Dutch form in the
 * table of err_nl_table.c (sorted, binary search). Formats not in the
 * table stay English; the ctest lint.err_messages makes sure there are
 * none in the code. */
#include "err.h"
#include "err_nl.h"

#include <string.h>

static err_lang language = ERR_LANG_EN;

void err_set_language(err_lang l) { language = l; }

err_lang err_language(void) { return language; }

const char *err_tr(const char *fmt)
{
    if (language != ERR_LANG_NL || !fmt)
        return fmt;
    size_t lo = 0, hi = err_nl_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(fmt, err_nl_pairs[mid][0]);
        if (c == 0)
            return err_nl_pairs[mid][1];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return fmt;
}

size_t err_tr_table(const char *const (**pairs)[2])
{
    *pairs = err_nl_pairs;
    return err_nl_count;
}
