/* text.c - Pango helpers; see text.h. */
#include "text.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "mem.h"

struct text_ctx {
    PangoContext *pc;
    PangoFontDescription *fd;
};

/* Ends the process after a fatal GLib error with a one-line message. */
static void glib_fatal(const char *msg)
{
    err_set(ERR_MEMORY, NULL, 0, NULL,
            "the text and drawing libraries (GLib, Pango) stopped: %s; this "
            "happens when memory or threads run out, such as under a low "
            "ulimit -v: allow more memory (or use --jobs 1)",
            msg ? msg : "");
    char buf[1200];
    err_format(buf, sizeof buf);
    dprintf(2, "dnawijk: %s\n", buf);
    _exit(1);
}

/* g_log handler: fatal errors end cleanly, the rest as GLib would. */
static void glib_handler(const gchar *domain, GLogLevelFlags level,
                         const gchar *msg, gpointer ud)
{
    if (level & G_LOG_LEVEL_ERROR)
        glib_fatal(msg);
    g_log_default_handler(domain, level, msg, ud);
}

/* Structured-log writer: the same for g_log_structured. */
static GLogWriterOutput glib_writer(GLogLevelFlags level, const GLogField *f,
                                    gsize n, gpointer ud)
{
    if (level & G_LOG_LEVEL_ERROR) {
        const char *msg = NULL;
        for (gsize k = 0; k < n; k++)
            if (!strcmp(f[k].key, "MESSAGE") && f[k].length < 0)
                msg = f[k].value;
        glib_fatal(msg);
    }
    return g_log_writer_default(level, f, n, ud);
}

static void glib_guard_once(void)
{
    g_log_set_default_handler(glib_handler, NULL);
    g_log_set_handler("GLib", G_LOG_LEVEL_ERROR | G_LOG_FLAG_FATAL |
                                  G_LOG_FLAG_RECURSION, glib_handler, NULL);
    g_log_set_writer_func(glib_writer, NULL, NULL);
}

void text_guard_glib(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, glib_guard_once);
}

static pthread_mutex_t warm_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t warm_thread;
static int warm_state; /* 0 never started, 1 running, 2 done */

/* The warm-up thread: loads the fontconfig configuration and font list. */
static void *warm_run(void *arg)
{
    (void)arg;
    FcInit();
    return NULL;
}

void text_warm_up(void)
{
    pthread_mutex_lock(&warm_lock);
    if (warm_state == 0)
        warm_state = pthread_create(&warm_thread, NULL, warm_run, NULL) == 0
                         ? 1 : 2; /* no thread: Pango loads it when needed */
    pthread_mutex_unlock(&warm_lock);
}

void text_warm_up_wait(void)
{
    pthread_mutex_lock(&warm_lock);
    if (warm_state == 1) {
        pthread_join(warm_thread, NULL);
        warm_state = 2;
    }
    pthread_mutex_unlock(&warm_lock);
}

text_ctx *text_new(cairo_t *cr, const char *family)
{
    text_guard_glib();
    text_warm_up_wait();
    text_ctx *t = mem_calloc(1, sizeof *t);
    if (!t) {
        err_oom("text context");
        return NULL;
    }
    t->pc = pango_cairo_create_context(cr);
    t->fd = pango_font_description_from_string(family);
    if (!t->pc || !t->fd) {
        text_free(t);
        err_set(ERR_RENDER, NULL, 0, NULL,
                "Pango could not set up text drawing with font \"%s\"", family);
        return NULL;
    }
    /* Resolution-independent metrics: text measures the same in PNG at any
     * dpi, PDF and SVG, so layouts (and reference images) are stable. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(t->pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(t->pc, 72.0);
    /* Unrounded glyph positions: even letter spacing at any resolution. */
    pango_context_set_round_glyph_positions(t->pc, FALSE);
    return t;
}

void text_free(text_ctx *t)
{
    if (!t)
        return;
    if (t->pc)
        g_object_unref(t->pc);
    if (t->fd)
        pango_font_description_free(t->fd);
    mem_free(t);
}

PangoLayout *text_layout(text_ctx *t, const char *s, double size_pt, int bold,
                         double wrap_w, text_align align)
{
    PangoLayout *l = pango_layout_new(t->pc);
    if (!l) {
        err_oom("text layout");
        return NULL;
    }
    PangoFontDescription *fd = pango_font_description_copy_static(t->fd);
    pango_font_description_set_absolute_size(fd, size_pt * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
                                               : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (wrap_w > 0) {
        pango_layout_set_width(l, (int)(wrap_w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l, align == TEXT_CENTER  ? PANGO_ALIGN_CENTER
                                  : align == TEXT_RIGHT ? PANGO_ALIGN_RIGHT
                                                        : PANGO_ALIGN_LEFT);
    if (!s)
        s = "";
    if (g_utf8_validate(s, -1, NULL)) {
        pango_layout_set_text(l, s, -1);
    } else {
        /* e.g. a Latin-1 name: show U+FFFD for bad bytes instead of letting
         * Pango warn on stderr and drop the text */
        gchar *ok = g_utf8_make_valid(s, -1);
        pango_layout_set_text(l, ok, -1);
        g_free(ok);
    }
    return l;
}

void text_size(PangoLayout *l, double *w, double *h)
{
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    if (w)
        *w = (double)logical.width / PANGO_SCALE;
    if (h)
        *h = (double)logical.height / PANGO_SCALE;
}

double text_baseline(PangoLayout *l)
{
    return (double)pango_layout_get_baseline(l) / PANGO_SCALE;
}

/* Where to put the layout's origin so that its logical box starts at x, y
 * (wrapped, centred layouts have their box offset inside the width). */
static void origin(PangoLayout *l, double *x, double *y)
{
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    *x -= (double)logical.x / PANGO_SCALE;
    *y -= (double)logical.y / PANGO_SCALE;
}

void text_draw(cairo_t *cr, PangoLayout *l, double x, double y, double r,
               double g, double b)
{
    origin(l, &x, &y);
    cairo_save(cr);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_move_to(cr, x, y);
    cairo_tag_begin(cr, TEXT_TAG_PARAGRAPH, NULL);
    pango_cairo_show_layout(cr, l);
    cairo_tag_end(cr, TEXT_TAG_PARAGRAPH);
    cairo_restore(cr);
}

void text_draw_halo(cairo_t *cr, PangoLayout *l, double x, double y,
                    double halo_w, double r, double g, double b)
{
    double ox = x, oy = y;
    origin(l, &ox, &oy);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_move_to(cr, ox, oy);
    pango_cairo_layout_path(cr, l);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, halo_w);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_stroke(cr);
    cairo_restore(cr);
    text_draw(cr, l, x, y, r, g, b);
}
