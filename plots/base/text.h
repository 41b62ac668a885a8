/* text.h - Pango helpers for dnawijk's pages: one font family, sizes in
 * points, layouts that measure the same on PNG, PDF and SVG (metrics hinting
 * off, 72 units per inch), plain and haloed drawing.
 */
#ifndef DNW_TEXT_H
#define DNW_TEXT_H

#include <cairo.h>
#include <pango/pangocairo.h>

typedef struct text_ctx text_ctx;

typedef enum { TEXT_LEFT = 0, TEXT_CENTER, TEXT_RIGHT } text_align;

/* Makes a fatal GLib error (g_error: GLib or Pango could not create a
 * thread or allocate memory, as under a low `ulimit -v`, which otherwise
 * ends the process with SIGTRAP, exit status 133 and GLib's own message)
 * a clean one-line dnawijk error instead: "geheugenfout: ..." on stderr
 * and exit status 1. The run's staging folder is left to the next run into
 * the same folder (run_outdir removes folders of dead processes). GLib
 * cannot continue after such an error, so the process still ends; what
 * changes is that the user reads what happened. Installed once per process
 * (a GLib log handler and writer); text_new and the fact-sheet renderer
 * call it, so does the command at its start. Never fails. */
void text_guard_glib(void);

/* Starts loading the font configuration (fontconfig's FcInit: about a
 * fifth of a warm country-map run's serial set-up) on a thread of its own,
 * so it overlaps with the reading and joining before anything is drawn.
 * Once per process; a failure shows later, where text is first used.
 * Pair with text_warm_up_wait before the process ends. */
void text_warm_up(void);

/* Waits for text_warm_up's thread, if one was started (any thread may
 * call it, any number of times); text_new calls it. Never fails. */
void text_warm_up_wait(void);

/* Creates a text context for drawing on cr with the given font family
 * ("DejaVu Sans"). Returns NULL with ERR_RENDER (or ERR_MEMORY) set. The
 * caller frees it with text_free() before destroying cr. */
text_ctx *text_new(cairo_t *cr, const char *family);

/* Frees the context. NULL is fine. */
void text_free(text_ctx *t);

/* A layout of UTF-8 text s (NULL = empty; invalid bytes are shown as
 * U+FFFD) at size_pt points, bold or not, wrapped at wrap_w points (<= 0:
 * no wrapping) and aligned. Returns a new layout the caller
 * releases with g_object_unref(), or NULL with ERR_MEMORY set. */
PangoLayout *text_layout(text_ctx *t, const char *s, double size_pt, int bold,
                         double wrap_w, text_align align);

/* Logical width and height of a layout in points. */
void text_size(PangoLayout *l, double *w, double *h);

/* Baseline of the first line, in points below the layout's top. */
double text_baseline(PangoLayout *l);

/* PDF structure tags (tagged PDF, Cairo 1.16 and later): every text a
 * renderer draws is one structure element in drawing order, so screen
 * readers and text extraction read it in that order. Other surfaces ignore
 * the tags. Cairo marks a PDF as tagged (/MarkInfo) only when the structure
 * has one root: page_begin() and the fact-sheet writer open
 * TEXT_TAG_DOCUMENT for the whole file and close it before finishing. */
#define TEXT_TAG_DOCUMENT "Document" /* the one root, around all pages */
#define TEXT_TAG_HEADING1 "H1"
#define TEXT_TAG_HEADING2 "H2"
#define TEXT_TAG_PARAGRAPH "P"

/* Draws the layout with its top-left corner at (x, y) in colour rgb, as
 * one paragraph of a tagged PDF. */
void text_draw(cairo_t *cr, PangoLayout *l, double x, double y, double r,
               double g, double b);

/* Draws the layout like text_draw() over a white halo halo_w points wide
 * (round joins), for labels on top of a map. */
void text_draw_halo(cairo_t *cr, PangoLayout *l, double x, double y,
                    double halo_w, double r, double g, double b);

#endif
