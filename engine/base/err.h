/* err.h - the one error context of dnawijk.
 *
 * Functions in libdnawijk return 0 / -1 (or NULL) and set the error exactly
 * once, where the problem is found, with err_set()/err_set_feature(). Callers
 * only propagate. The context is thread-local, so worker threads can fail
 * independently; the command prints it with err_print() and exits non-zero.
 *
 * Where a failure is expected and handled (a chart shown only when its
 * column exists, a cache that may not be writable), the caller freezes the
 * context around the call (libvips' vips_error_freeze/thaw): while frozen,
 * err_set*, err_oom and err_prefix record nothing, so the error of an
 * earlier, real failure is not overwritten and no stale message is left
 * behind. err_clear() is for starting afresh, not for control flow.
 */
#ifndef DNW_ERR_H
#define DNW_ERR_H

#include <stdio.h>

typedef enum {
    ERR_NONE = 0,
    ERR_IO,      /* file cannot be opened, read or written */
    ERR_PARSE,   /* the content of a file is malformed */
    ERR_GDAL,    /* GDAL/OGR refused or failed */
    ERR_PROJ,    /* PROJ could not build or run a transformation */
    ERR_RECIPE,  /* the recipe is wrong */
    ERR_JOIN,    /* a join matched too little, or keys collide */
    ERR_EXPR,    /* an indicator expression is wrong */
    ERR_RENDER,  /* Cairo/Pango failed */
    ERR_MEMORY,  /* out of memory */
    ERR_USAGE    /* the command line is wrong */
} err_category;

/* Where in a file the problem sits: a text line or a vector feature. */
typedef enum { ERR_LOC_NONE = 0, ERR_LOC_LINE, ERR_LOC_FEATURE } err_loc_kind;

typedef struct {
    err_category category;
    char file[1024];
    err_loc_kind loc_kind;
    long loc;         /* line (1-based) or feature number (1-based) */
    long col;         /* 1-based column within the line, 0 if unknown */
    char column[256]; /* name of the data column concerned, "" if none */
    char message[1536];
} err_info;

/* Sets the error: category, file (may be NULL), 1-based line (0 = unknown),
 * data column name (may be NULL) and a printf-style sentence. Overwrites any
 * earlier error. Never fails. */
void err_set(err_category cat, const char *file, long line, const char *column,
             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Like err_set, with a text column position (recipe.yaml:LINE:COL). */
void err_set_pos(err_category cat, const char *file, long line, long col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Like err_set, but the location is a 1-based feature number of a layer. */
void err_set_feature(err_category cat, const char *file, long feature,
                     const char *column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Sets an out-of-memory error naming what was being allocated. Returns -1 so
 * callers can write `return err_oom("...")`. */
int err_oom(const char *what);

/* The current error, or NULL when none is set. Owned by the context. */
const err_info *err_get(void);

/* Puts back an error saved earlier (a copy of *err_get()), e.g. after a
 * cleanup step that may have set its own. */
void err_restore(const err_info *saved);

/* Clears the current error. */
void err_clear(void);

/* Stops recording errors on this thread until the matching err_thaw()
 * (calls nest: a depth counter). Never fails. */
void err_freeze(void);

/* Ends one err_freeze(). An out-of-memory error is never expected, so one
 * met while frozen is kept aside: the outermost err_thaw() then sets it and
 * returns -1 (callers that can fail write `if (err_thaw() < 0) return -1;`,
 * callers whose frozen work only costs speed may ignore it). Else 0. */
int err_thaw(void);

/* Ends one err_freeze() and drops a kept out-of-memory too: for work whose
 * failure, of any kind, only costs speed (a cache write) or leaves
 * something harmless behind. Never fails. */
void err_thaw_discard(void);

/* Appends " (context)" style text before the message, e.g. the source name
 * that a reader was reading for. Does nothing when no error is set. */
void err_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Formats the error as one line into buf (always NUL-terminated). */
void err_format(char *buf, size_t size);

/* Prints "dnawijk: <one line>" to f. */
void err_print(FILE *f);

/* Short lowercase name of a category ("io", "parse", ...). */
const char *err_category_name(err_category cat);

/* The language of messages (err_nl.c): English by default; the command
 * sets Dutch unless --lang en. Process-wide: set it once, before any
 * thread starts. */
typedef enum { ERR_LANG_EN = 0, ERR_LANG_NL } err_lang;
void err_set_language(err_lang l);
err_lang err_language(void);

/* The message format to use for fmt: its Dutch form when the language is
 * Dutch and the table knows it, else fmt itself. Never NULL for non-NULL
 * fmt. */
const char *err_tr(const char *fmt);

/* The translation table (English, Dutch pairs) and its length, for tests. */
size_t err_tr_table(const char *const (**pairs)[2]);

#endif
