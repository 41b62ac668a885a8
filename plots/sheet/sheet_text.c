/* sheet_text.c - the fact sheet's renderer: one Pango context and one
 * reused layout per thread, the type styles, and small drawing helpers.
 * The words come with the document (sheet_doc.words). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "sheet_int.h"
#include "text.h"

/* One type style: font, size, colour and letter spacing. */
typedef struct {
    int condensed, bold, italic;
    double size;     /* points */
    unsigned color;  /* 0xrrggbb */
    double spacing;  /* letter spacing in points */
    int upper;       /* 1: set in capitals; 2: in small capitals (Pango 1.50
                        synthesizes them from scaled capitals when the font
                        has no smcp feature, as DejaVu has not) */
} style_def;

static const style_def styles[SH_STYLE_COUNT] = {
    [SH_KICKER] = {0, 1, 0, 7.0, 0x1d4e89, 0.6, 1},
    [SH_TITLE] = {0, 1, 0, 21.0, 0x1a1a1a, 0, 0},
    [SH_SUBTITLE] = {0, 0, 0, 9.0, 0x4d4d4d, 0, 0},
    [SH_SUMMARY] = {0, 0, 0, 8.5, 0x1a1a1a, 0, 0},
    [SH_SECTION] = {0, 1, 0, 7.5, 0x1d4e89, 0.6, 1},
    [SH_COLHEAD] = {1, 0, 0, 7.0, 0x6b6b6b, 0, 0},
    [SH_GROUP] = {1, 1, 0, 7.0, 0x4d4d4d, 0.4, 1},
    [SH_LABEL] = {1, 0, 0, 8.5, 0x1a1a1a, 0, 0},
    [SH_VALUE] = {1, 1, 0, 9.0, 0x1a1a1a, 0, 0},
    [SH_MISS] = {1, 0, 1, 8.0, 0x6e6e6e, 0, 0},
    [SH_CMP] = {1, 0, 0, 8.5, 0x4d4d4d, 0, 0},
    [SH_CMP_MISS] = {1, 0, 1, 8.0, 0x7a7a7a, 0, 0},
    [SH_TINY] = {1, 0, 0, 6.0, 0x737373, 0, 0},
    [SH_CHART_TITLE] = {0, 1, 0, 7.5, 0x1a1a1a, 0, 0},
    [SH_CHART_LABEL] = {1, 0, 0, 7.5, 0x4d4d4d, 0, 0},
    [SH_CHART_VALUE] = {1, 0, 0, 7.0, 0x1a1a1a, 0, 0},
    [SH_BOX_TITLE] = {0, 1, 0, 8.5, 0x1d4e89, 0, 0},
    [SH_BOX_TEXT] = {1, 0, 0, 8.0, 0x1a1a1a, 0, 0},
    [SH_BOX_VALUE] = {1, 1, 0, 8.0, 0x1a1a1a, 0, 0},
    [SH_FOOT] = {1, 0, 0, 6.5, 0x6b6b6b, 0, 0},
    [SH_FOOT_BOLD] = {1, 1, 0, 6.5, 0x4d4d4d, 0, 0},
    [SH_PAGENO] = {1, 0, 0, 7.0, 0x4d4d4d, 0, 0},
    [SH_COVER_TITLE] = {0, 1, 0, 30.0, 0x1a1a1a, 0, 0},
    [SH_COVER_SUB] = {0, 0, 0, 12.0, 0x4d4d4d, 0, 0},
    [SH_COVER_TEXT] = {0, 0, 0, 9.0, 0x1a1a1a, 0, 0},
    [SH_TOC_GROUP] = {1, 1, 0, 7.0, 0x1d4e89, 0.3, 1},
    [SH_TOC_NAME] = {1, 0, 0, 8.0, 0x1a1a1a, 0, 0},
    [SH_TOC_CODE] = {1, 0, 0, 6.5, 0x7a7a7a, 0, 0},
    [SH_TOC_PAGE] = {1, 1, 0, 8.0, 0x1a1a1a, 0, 0},
};

/* Builds the font description and attributes of each style into r.
 * Returns 0, or -1 with ERR_MEMORY set. */
static int build_styles(sheet_r *r)
{
    for (int i = 0; i < SH_STYLE_COUNT; i++) {
        const style_def *s = &styles[i];
        PangoFontDescription *fd = pango_font_description_new();
        if (!fd)
            return err_oom("a font description for the fact sheet");
        pango_font_description_set_family_static(fd, "DejaVu Sans");
        pango_font_description_set_absolute_size(fd, s->size * PANGO_SCALE);
        pango_font_description_set_weight(
            fd, s->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(
            fd, s->italic ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
        pango_font_description_set_stretch(
            fd, s->condensed ? PANGO_STRETCH_SEMI_CONDENSED
                             : PANGO_STRETCH_NORMAL);
        if (s->upper == 2)
            pango_font_description_set_variant(fd, PANGO_VARIANT_SMALL_CAPS);
        r->fd[i] = fd;
        r->color[i] = DRAW_HEX(s->color);
        r->upper[i] = s->upper == 1;
        if (s->spacing > 0) {
            PangoAttrList *al = pango_attr_list_new();
            if (!al)
                return err_oom("text attributes for the fact sheet");
            if (s->spacing > 0)
                pango_attr_list_insert(
                    al, pango_attr_letter_spacing_new(
                            (int)(s->spacing * PANGO_SCALE)));
            r->attrs[i] = al;
        }
    }
    return 0;
}

/* Makes a renderer (see sheet_int.h). The font map is the thread's
 * default PangoCairo font map (one per thread since Pango 1.32.6, shared by
 * every renderer of that thread and owned by Pango). */
sheet_r *sheet_r_new(numfmt_lang lang, const sheet_words *words)
{
    static const sheet_words none = {"", "", "", "", "", "", "", "", "", "",
                                     "", "", "", "", "", "", "", "", ""};
    text_guard_glib(); /* a GLib abort becomes a clean error */
    sheet_r *r = mem_calloc(1, sizeof *r);
    if (r) {
        r->cache = mem_calloc(SH_CACHE_SLOTS, sizeof *r->cache);
        r->loc.slot = mem_calloc(SH_LOC_SLOTS, sizeof *r->loc.slot);
    }
    if (!r || !r->cache || !r->loc.slot) {
        if (r)
            mem_free(r->cache), mem_free(r->loc.slot);
        mem_free(r);
        err_oom("the fact sheet renderer");
        return NULL;
    }
    r->lang = lang;
    r->w = words ? words : &none;
    r->fm = pango_cairo_font_map_get_default();
    if (r->fm)
        r->pc = pango_font_map_create_context(r->fm);
    if (!r->pc) {
        err_set(ERR_RENDER, NULL, 0, NULL,
                "Pango could not create a text context for the fact sheet; "
                "fontconfig and the DejaVu fonts (fonts-dejavu-core) must "
                "be installed.");
        sheet_r_free(r);
        return NULL;
    }
    pango_context_set_language(r->pc, pango_language_from_string(
                                          lang == NUMFMT_EN ? "en-gb" : "nl-nl"));
    pango_cairo_context_set_resolution(r->pc, 72.0);
    pango_context_set_round_glyph_positions(r->pc, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(r->pc, fo);
    cairo_font_options_destroy(fo);
    if (build_styles(r) != 0) {
        sheet_r_free(r);
        return NULL;
    }
    return r;
}

/* Frees the renderer, its cached layouts and styles (not the font map). */
void sheet_r_free(sheet_r *r)
{
    if (!r)
        return;
    for (int i = 0; i < SH_STYLE_COUNT; i++) {
        if (r->fd[i])
            pango_font_description_free(r->fd[i]);
        if (r->attrs[i])
            pango_attr_list_unref(r->attrs[i]);
    }
    if (r->cache) {
        for (size_t i = 0; i < SH_CACHE_SLOTS; i++) {
            if (r->cache[i].lay)
                g_object_unref(r->cache[i].lay);
            mem_free(r->cache[i].text);
        }
        mem_free(r->cache);
    }
    if (r->pc)
        g_object_unref(r->pc);
    sheet_map_caches_free(&r->loc);
    mem_free(r);
}

/* Points the renderer at a new Cairo context. Cached layouts notice a
 * changed context themselves (Pango compares the context's serial). */
void sheet_r_attach(sheet_r *r, cairo_t *cr)
{
    r->cr = cr;
    pango_cairo_update_context(cr, r->pc);
}

/* Sets text into a layout (see sheet_int.h). */
PangoLayout *sheet_txt(sheet_r *r, sh_style st, const char *text, double w,
                       int max_lines, sh_align al)
{
    return sheet_txtn(r, st, text ? text : "", -1, w, max_lines, al);
}

/* FNV-1a over bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

/* Sets the first len bytes (-1: all) of valid UTF-8 text into l, in
 * capitals when upper is set. */
static void set_text(PangoLayout *l, const char *text, int len, int upper)
{
    if (upper) {
        gchar *up = g_utf8_strup(text, len);
        pango_layout_set_text(l, up ? up : "?", -1);
        g_free(up);
    } else {
        pango_layout_set_text(l, text, len);
    }
}

/* Configures layout l for the given settings and text. Invalid UTF-8 is
 * repaired first (Pango would warn on stderr). */
static void layout_setup(sheet_r *r, PangoLayout *l, sh_style st,
                         const char *text, int len, double w, int max_lines,
                         sh_align al)
{
    pango_layout_set_font_description(l, r->fd[st]);
    pango_layout_set_attributes(l, r->attrs[st]);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    if (w > 0) {
        pango_layout_set_width(l, (int)(w * PANGO_SCALE));
        if (max_lines > 0) {
            pango_layout_set_height(l, -max_lines);
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        } else {
            pango_layout_set_height(l, -1);
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
        }
    } else {
        pango_layout_set_width(l, -1);
        pango_layout_set_height(l, -1);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
    }
    pango_layout_set_alignment(l, al == SH_RIGHT    ? PANGO_ALIGN_RIGHT
                                  : al == SH_CENTER ? PANGO_ALIGN_CENTER
                                                    : PANGO_ALIGN_LEFT);
    /* Capitals are made here rather than with Pango's text-transform
     * attribute: with that, Cairo 1.16 maps the capital glyphs to the
     * lower-case characters in its font subsets and marks every one with
     * an ActualText span, which confuses text extraction elsewhere. */
    gchar *ok = NULL;
    if (!g_utf8_validate(text, len, NULL)) {
        ok = g_utf8_make_valid(text, len);
        text = ok ? ok : "?", len = -1;
    }
    /* No-break spaces become plain spaces where that breaks no line
     * differently: on a line that is never wrapped, or when the text
     * still takes one line (else the original is set again). The glyph is
     * the same, but Cairo 1.16 puts a glyph used for two characters into
     * an extra font subset of its own, so "12,3 %" cost every sheet two
     * more embedded fonts. */
    gchar *plain = NULL;
    if (g_strstr_len(text, len, NUMFMT_NBSP)) {
        plain = g_strndup(text, len < 0 ? strlen(text) : (size_t)len);
        char *o = plain; /* one pass: each 2-byte U+00A0 becomes ' ' */
        for (const char *p = plain; p && *p; p++) {
            if (p[0] == NUMFMT_NBSP[0] && p[1] == NUMFMT_NBSP[1]) {
                *o++ = ' ';
                p++;
            } else {
                *o++ = *p;
            }
        }
        if (o)
            *o = '\0';
    }
    set_text(l, plain ? plain : text, plain ? -1 : len, r->upper[st]);
    if (plain && w > 0 && pango_layout_get_line_count(l) > 1)
        set_text(l, text, len, r->upper[st]);
    g_free(ok);
    g_free(plain);
}

/* Like sheet_txt for the first len bytes (-1: all) of text. Looks the
 * layout up in the cache; on a miss the slot's layout is set up anew.
 * When the key cannot be copied (out of memory) the slot stays empty of a
 * key, and the layout is used once. */
PangoLayout *sheet_txtn(sheet_r *r, sh_style st, const char *text, int len,
                        double w, int max_lines, sh_align al)
{
    if (!text)
        text = "", len = 0;
    size_t n = len < 0 ? strlen(text) : (size_t)len;
    long wq = w > 0 ? lround(w * 1024) : -1;
    if (w <= 0)
        max_lines = 0;
    int key[4] = {(int)st, max_lines, (int)al, (int)(wq & 0x7fffffff)};
    uint64_t h = fnv(fnv(0xcbf29ce484222325ull, key, sizeof key), text, n);
    sh_slot *s = &r->cache[h & (SH_CACHE_SLOTS - 1)];
    if (s->lay && s->text && s->h == h && s->len == n && s->st == (int)st &&
        s->max_lines == max_lines && s->al == (int)al && s->wq == wq &&
        memcmp(s->text, text, n) == 0) {
        r->lay = s->lay;
        return s->lay;
    }
    if (!s->lay)
        s->lay = pango_layout_new(r->pc);
    mem_free(s->text);
    s->text = mem_alloc(n + 1);
    if (s->text) {
        memcpy(s->text, text, n);
        s->text[n] = 0;
    }
    s->h = h, s->len = n, s->st = (int)st, s->max_lines = max_lines;
    s->al = (int)al, s->wq = wq;
    layout_setup(r, s->lay, st, text, (int)n, w, max_lines, al);
    r->lay = s->lay;
    return s->lay;
}

/* Size in points of the layout last set. */
void sheet_txt_size(sheet_r *r, double *w, double *h)
{
    PangoRectangle lr;
    pango_layout_get_extents(r->lay, NULL, &lr);
    if (w)
        *w = (double)lr.width / PANGO_SCALE;
    if (h)
        *h = (double)lr.height / PANGO_SCALE;
}

/* Distance from the layout's top to its first baseline, in points. */
double sheet_txt_baseline(sheet_r *r)
{
    return (double)pango_layout_get_baseline(r->lay) / PANGO_SCALE;
}

/* Draws the layout last set with its top-left at (x, y). */
void sheet_txt_show(sheet_r *r, sh_style st, double x, double y,
                    const draw_rgb *col)
{
    const char *tag = st == SH_TITLE ? TEXT_TAG_HEADING1
                      : st == SH_SECTION || st == SH_CHART_TITLE ||
                                st == SH_BOX_TITLE
                          ? TEXT_TAG_HEADING2
                          : TEXT_TAG_PARAGRAPH;
    draw_set_rgb(r->cr, col ? *col : r->color[st]);
    cairo_move_to(r->cr, x, y);
    cairo_tag_begin(r->cr, tag, NULL);
    pango_cairo_show_layout(r->cr, r->lay);
    cairo_tag_end(r->cr, tag);
}

/* Title and area name (see sheet_int.h). */
void sheet_doc_title(const sheet_r *r, const sheet_doc *doc, const char *sep,
                     char *buf, size_t size)
{
    const char *t = doc->title ? doc->title : r->w->title;
    if (doc->area_name && *doc->area_name)
        snprintf(buf, size, "%s%s%s", t, sep, doc->area_name);
    else
        snprintf(buf, size, "%s", t);
}

/* Sets and draws text; returns the height drawn. */
double sheet_txt_draw(sheet_r *r, sh_style st, const char *text, double x,
                      double y, double w, int max_lines, sh_align al)
{
    double h;
    sheet_txt(r, st, text, w, max_lines, al);
    sheet_txt_show(r, st, x, y, NULL);
    sheet_txt_size(r, NULL, &h);
    return h;
}

/* Height of text in a style at width w. */
double sheet_txt_height(sheet_r *r, sh_style st, const char *text, double w,
                        int max_lines)
{
    double h;
    sheet_txt(r, st, text, w, max_lines, SH_LEFT);
    sheet_txt_size(r, NULL, &h);
    return h;
}

/* Natural width of one line of text. */
double sheet_txt_width(sheet_r *r, sh_style st, const char *text)
{
    double w;
    sheet_txt(r, st, text, 0, 0, SH_LEFT);
    sheet_txt_size(r, &w, NULL);
    return w;
}

/* Draws a horizontal rule. */
void sheet_hrule(cairo_t *cr, double x0, double x1, double y, double lw,
                 draw_rgb c)
{
    draw_set_rgb(cr, c);
    cairo_set_line_width(cr, lw);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}
