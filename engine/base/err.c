/* err.c - thread-local error context; see err.h. */
#include "err.h"

#include <stdarg.h>
#include <string.h>

static _Thread_local err_info current;
static _Thread_local int frozen; /* err_freeze depth */
/* An out-of-memory met while frozen: no caller expects one, so err_thaw
 * hands it on (what was being allocated, for the message). */
static _Thread_local int frozen_oom;
static _Thread_local char frozen_oom_msg[256];

void err_freeze(void)
{
    if (frozen++ == 0)
        frozen_oom = 0;
}

int err_thaw(void)
{
    if (frozen > 0)
        frozen--;
    if (frozen > 0 || !frozen_oom)
        return 0;
    frozen_oom = 0;
    err_set(ERR_MEMORY, NULL, 0, NULL, "%s", frozen_oom_msg);
    return -1;
}

void err_thaw_discard(void)
{
    if (frozen > 0)
        frozen--;
    if (frozen == 0)
        frozen_oom = 0;
}

static void copy_str(char *dst, size_t size, const char *src)
{
    if (!src) {
        dst[0] = '\0';
        return;
    }
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void set_common(err_category cat, const char *file, err_loc_kind kind,
                       long loc, long col, const char *column, const char *fmt,
                       va_list ap)
{
    if (frozen) {
        if (cat == ERR_MEMORY && !frozen_oom) {
            frozen_oom = 1;
            vsnprintf(frozen_oom_msg, sizeof frozen_oom_msg, err_tr(fmt), ap);
        }
        return;
    }
    current.category = cat;
    copy_str(current.file, sizeof current.file, file);
    current.loc_kind = loc > 0 ? kind : ERR_LOC_NONE;
    current.loc = loc;
    current.col = col;
    copy_str(current.column, sizeof current.column, column);
    vsnprintf(current.message, sizeof current.message, err_tr(fmt), ap);
}

void err_set(err_category cat, const char *file, long line, const char *column,
             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_common(cat, file, ERR_LOC_LINE, line, 0, column, fmt, ap);
    va_end(ap);
}

void err_set_pos(err_category cat, const char *file, long line, long col,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_common(cat, file, ERR_LOC_LINE, line, col, NULL, fmt, ap);
    va_end(ap);
}

void err_set_feature(err_category cat, const char *file, long feature,
                     const char *column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_common(cat, file, ERR_LOC_FEATURE, feature, 0, column, fmt, ap);
    va_end(ap);
}

int err_oom(const char *what)
{
    err_set(ERR_MEMORY, NULL, 0, NULL, "out of memory while allocating %s",
            err_tr(what ? what : "memory"));
    return -1;
}

const err_info *err_get(void)
{
    return current.category == ERR_NONE ? NULL : &current;
}

void err_restore(const err_info *saved)
{
    if (saved && !frozen)
        current = *saved;
}

void err_clear(void)
{
    memset(&current, 0, sizeof current);
}

void err_prefix(const char *fmt, ...)
{
    if (current.category == ERR_NONE || frozen)
        return;
    char pre[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pre, sizeof pre, err_tr(fmt), ap);
    va_end(ap);
    char joined[sizeof current.message];
    size_t np = strlen(pre);
    if (np > sizeof joined - 3)
        np = sizeof joined - 3;
    memcpy(joined, pre, np);
    joined[np] = ':';
    joined[np + 1] = ' ';
    copy_str(joined + np + 2, sizeof joined - np - 2, current.message);
    memcpy(current.message, joined, sizeof joined);
}

const char *err_category_name(err_category cat)
{
    static const char *const names[] = {
        "none", "io", "parse", "gdal", "proj", "recipe",
        "join", "expression", "render", "memory", "usage"};
    if ((unsigned)cat < sizeof names / sizeof names[0])
        return names[cat];
    return "error";
}

/* Dutch name of a category, as the error line starts with it. */
static const char *category_nl(err_category cat)
{
    static const char *const names[] = {
        "geen fout",      "bestandsfout",   "fout in bestand", "GDAL-fout",
        "PROJ-fout",      "fout in recept", "koppelfout",      "fout in expressie",
        "tekenfout",      "geheugenfout",   "fout in opdracht"};
    if ((unsigned)cat < sizeof names / sizeof names[0])
        return names[cat];
    return "fout";
}

void err_format(char *buf, size_t size)
{
    if (size == 0)
        return;
    if (current.category == ERR_NONE) {
        snprintf(buf, size, "no error");
        return;
    }
    size_t used = 0;
#define APPEND(...)                                                        \
    do {                                                                   \
        if (used < size) {                                                 \
            int w_ = snprintf(buf + used, size - used, __VA_ARGS__);       \
            if (w_ > 0)                                                    \
                used += (size_t)w_;                                        \
        }                                                                  \
    } while (0)
    int nl = err_language() == ERR_LANG_NL;
    if (nl)
        APPEND("%s: ", category_nl(current.category));
    else
        APPEND("%s error: ", err_category_name(current.category));
    if (current.file[0]) {
        APPEND("%s", current.file);
        if (current.loc_kind == ERR_LOC_LINE) {
            APPEND(":%ld", current.loc);
            if (current.col > 0)
                APPEND(":%ld", current.col);
        } else if (current.loc_kind == ERR_LOC_FEATURE) {
            APPEND(nl ? ": object %ld" : ": feature %ld", current.loc);
        }
        APPEND(": ");
    } else if (current.loc_kind == ERR_LOC_LINE) {
        APPEND(nl ? "regel %ld: " : "line %ld: ", current.loc);
    }
    if (current.column[0])
        APPEND(nl ? "kolom \"%s\": " : "column \"%s\": ", current.column);
    APPEND("%s", current.message);
#undef APPEND
}

void err_print(FILE *f)
{
    char buf[4096];
    err_format(buf, sizeof buf);
    fprintf(f, "dnawijk: %s\n", buf);
}
