/* sheet.c - the public face of the fact sheet: PDF documents (one unit, a
 * combined document with cover and contents, many single-unit files on
 * worker threads), written atomically and reproducibly.
 *
 * Layout and drawing live in sheet_page.c (a unit page), sheet_cover.c
 * (cover and contents), sheet_charts.c (dot strips, bars),
 * sheet_locator.c (maps) and sheet_text.c (Pango). */
#include <math.h>
#include <pthread.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>

#include "atomic.h"
#include "err.h"
#include "mem.h"
#include "page.h"
#include "sheet_int.h"
#include "text.h"
#include "stop.h"
#include "threads.h"

/* ---- small helpers ---- */

/* The document's language; -1 with ERR_RECIPE when it is neither. */
static int doc_lang(const sheet_doc *doc, numfmt_lang *out)
{
    *out = NUMFMT_NL;
    if (!doc->language || !*doc->language)
        return 0;
    return numfmt_lang_parse(doc->language, out);
}

/* The PDF creation date (ISO 8601) from the document's date: "23 november
 * 2026", "23 November 2026", "2026-11-23"; 2000-01-01 otherwise. */
static void pdf_date(const char *date, char out[32])
{
    static const char *const nl[12] = {
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    static const char *const en[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    int y = 2000, m = 1, d = 1;
    if (date) {
        int yy, mm, dd;
        char mon[32];
        if (sscanf(date, "%4d-%2d-%2d", &yy, &mm, &dd) == 3) {
            y = yy, m = mm, d = dd;
        } else if (sscanf(date, "%d %31s %d", &dd, mon, &yy) == 3) {
            for (int i = 0; i < 12; i++) {
                if (!strcasecmp(mon, nl[i]) || !strcasecmp(mon, en[i]) ||
                    (strlen(mon) >= 3 && !strncasecmp(mon, en[i], 3) &&
                     strlen(mon) <= strlen(en[i]))) {
                    y = yy, m = i + 1, d = dd;
                    break;
                }
            }
        }
    }
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
        y = 2000, m = 1, d = 1;
    snprintf(out, 32, "%04d-%02d-%02dT00:00:00Z", y, m, d);
}

/* Raises glibc's heap trim threshold once per process (see sheet.h):
 * Cairo and zlib allocate and free a few hundred KB per page and per file,
 * and with the default threshold glibc hands that memory back to the
 * kernel every time; on this kind of virtual machine the page faults and
 * TLB flushes of that cost more CPU than the drawing itself (measured:
 * 200 single-page files 2.2 s of CPU, 1.2 s with the threshold raised). */
static void heap_tune_once(void)
{
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

static pthread_once_t heap_once = PTHREAD_ONCE_INIT;

/* ---- the output document ---- */

typedef struct {
    atomic_file *af;
    FILE *f;
    int write_failed;
    cairo_surface_t *surf;
    cairo_t *cr;
    const char *path;
    const char *lang; /* /Lang to add when finished, or NULL */
} pdf_out;

/* Cairo's write callback: appends to the temporary file. */
static cairo_status_t pdf_write(void *closure, const unsigned char *data,
                                unsigned int len)
{
    pdf_out *o = closure; /* pdf_check reports a failure */
    return page_stream_write(o->af, &o->write_failed, data, len);
}

/* Opens a PDF at path (via a temporary file) with reproducible metadata
 * and a context scaled to A4 points. No fsync per file (as for pages,
 * page.c): sheets are written into the run's staging folder, which is
 * published as a whole, and 3,475 fsyncs cost 0.6 s. Returns 0, or -1
 * with ERR_IO / ERR_RENDER set (nothing left behind). */
static int pdf_open(pdf_out *o, const sheet_doc *doc, const char *path,
                    const char *title)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    o->f = atomic_open_ex(path, ATOMIC_NO_SYNC, &o->af);
    if (!o->f)
        return -1;
    /* A3 is 297 x 420 mm; the A4 page is scaled by 420/297 */
    double pw = doc->a3 ? 841.890 : SH_PAGE_W, ph = doc->a3 ? 1190.551 : SH_PAGE_H;
    double k = ph / SH_PAGE_H;
    o->surf = cairo_pdf_surface_create_for_stream(pdf_write, o, pw, ph);
    if (cairo_surface_status(o->surf) != CAIRO_STATUS_SUCCESS) {
        err_set(ERR_RENDER, path, 0, NULL,
                "Cairo could not create a PDF surface: %s.",
                cairo_status_to_string(cairo_surface_status(o->surf)));
        cairo_surface_destroy(o->surf);
        atomic_abort(o->af);
        return -1;
    }
    char date[32];
    pdf_date(doc->date, date);
    /* Cairo refuses invalid UTF-8 (and then fails the whole surface) */
    gchar *t = g_utf8_make_valid(title, -1);
    gchar *c = g_utf8_make_valid(doc->provenance && *doc->provenance
                                     ? doc->provenance
                                     : "dnawijk",
                                 -1);
    cairo_pdf_surface_set_metadata(o->surf, CAIRO_PDF_METADATA_TITLE, t);
    cairo_pdf_surface_set_metadata(o->surf, CAIRO_PDF_METADATA_CREATOR, c);
    g_free(t);
    g_free(c);
    cairo_pdf_surface_set_metadata(o->surf, CAIRO_PDF_METADATA_CREATE_DATE,
                                   date);
    cairo_pdf_surface_set_metadata(o->surf, CAIRO_PDF_METADATA_MOD_DATE, date);
    if (doc->meta) {
        pdf_meta m = *doc->meta;
        m.date = date;
        pdf_meta_apply(o->surf, &m);
        o->lang = m.lang;
    }
    o->cr = cairo_create(o->surf);
    cairo_scale(o->cr, k, k);
    /* one root element makes Cairo mark the PDF as tagged (text.h) */
    cairo_tag_begin(o->cr, TEXT_TAG_DOCUMENT, NULL);
    return 0;
}

/* Checks the drawing state after a page. Returns 0, or -1 with the error
 * set (ERR_IO for a failed write, ERR_RENDER otherwise). */
static int pdf_check(pdf_out *o)
{
    cairo_status_t st = cairo_status(o->cr);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(o->surf);
    if (st == CAIRO_STATUS_SUCCESS && !o->write_failed)
        return 0; /* (Cairo can finish a surface without its write error) */
    if (o->write_failed || st == CAIRO_STATUS_WRITE_ERROR)
        err_set(ERR_IO, o->path, 0, NULL, "cannot write the PDF file: %s",
                atomic_errtext(atomic_errno(o->af) ? atomic_errno(o->af)
                                                   : EIO));
    else
        err_set(ERR_RENDER, o->path, 0, NULL,
                "Cairo failed while drawing the fact sheet: %s.",
                cairo_status_to_string(st));
    return -1;
}

/* Finishes the PDF and renames it into place (ok != 0) or discards it.
 * Returns 0, or -1 with the error set (kept when ok == 0). */
static int pdf_close(pdf_out *o, int ok)
{
    if (ok) {
        cairo_tag_end(o->cr, TEXT_TAG_DOCUMENT);
        cairo_surface_finish(o->surf);
        ok = pdf_check(o) == 0;
    }
    cairo_destroy(o->cr);
    cairo_surface_destroy(o->surf);
    if (!ok) {
        atomic_abort(o->af);
        return -1;
    }
    /* the document language goes into the finished file (pdfmeta.h) */
    if (o->lang && *o->lang) {
        if (fflush(o->f) != 0) {
            err_set(ERR_IO, o->path, 0, NULL, "cannot write the PDF "
                    "file: %s", atomic_errtext(errno));
            atomic_abort(o->af);
            return -1;
        }
        if (pdf_set_lang(atomic_temp_path(o->af), o->lang) < 0) {
            atomic_abort(o->af);
            return -1;
        }
    }
    return atomic_commit(o->af);
}

/* ---- one unit ---- */

/* Renders one unit with an existing renderer. */
static int render_one(sheet_r *r, const sheet_doc *doc, const sheet_unit *u,
                      const char *path)
{
    char title[512];
    snprintf(title, sizeof title, "%s \xE2\x80\x93 %s (%s)",
             doc->title ? doc->title : r->w->title,
             u->name ? u->name : "", u->code ? u->code : "");
    pdf_out o;
    if (pdf_open(&o, doc, path, title) != 0)
        return -1;
    sheet_r_attach(r, o.cr);
    sheet_page_draw(r, doc, u, 1, 1);
    cairo_show_page(o.cr);
    return pdf_close(&o, pdf_check(&o) == 0);
}

/* Renders one unit as a one-page PDF (see sheet.h). */
int sheet_render_unit(const sheet_doc *doc, const sheet_unit *u,
                      const char *pdf_path)
{
    numfmt_lang lang;
    if (doc_lang(doc, &lang) != 0 || sheet_unit_check(u) != 0)
        return -1;
    sheet_r *r = sheet_r_new(lang, doc->words);
    if (!r)
        return -1;
    int rc = render_one(r, doc, u, pdf_path);
    sheet_r_free(r);
    return rc;
}

/* ---- combined document ---- */

/* Checks a cover's arguments. */
static int cover_check(const sheet_cover *c)
{
    if (!c)
        return 0;
    if (c->n_legend && !c->legend_colors) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "The cover legend has %zu entries but no colours.",
                c->n_legend);
        return -1;
    }
    if (c->n_legend > SHEET_MAX_LEGEND) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "The cover legend has %zu entries; a cover holds at most %d "
                "(use fewer classes).",
                c->n_legend, SHEET_MAX_LEGEND);
        return -1;
    }
    sh_map m = {.geom = c->geom, .n = c->geom_n, .in_area = c->in_area,
                .highlight = -1, .cls = c->cls, .colors = c->legend_colors,
                .n_colors = c->n_legend};
    if (c->geom && c->geom_n && !c->cls) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "The cover map needs a class per row (cls); it was NULL.");
        return -1;
    }
    return sheet_map_check(&m, "cover map");
}

/* Checks the inputs of a combined document and makes its renderer. */
static sheet_r *all_prepare(const sheet_doc *doc, const sheet_unit *units,
                            size_t n, const sheet_cover *cover)
{
    numfmt_lang lang;
    if (doc_lang(doc, &lang) != 0 || cover_check(cover) != 0)
        return NULL;
    if (n && !units) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "%zu fact sheets were asked for without units.", n);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (sheet_unit_check(&units[i]) != 0)
            return NULL;
    return sheet_r_new(lang, doc->words);
}

/* Total pages of a combined document (see sheet.h). */
long sheet_page_count(const sheet_doc *doc, const sheet_unit *units,
                      size_t n, const sheet_cover *cover)
{
    sheet_r *r = all_prepare(doc, units, n, cover);
    if (!r)
        return -1;
    long toc = sheet_toc_pages(r, doc, units, n);
    sheet_r_free(r);
    return 1 + toc + (long)n;
}

/* Adds the outline (bookmarks): units under their parent names. */
static void add_outline(cairo_surface_t *s, const sheet_unit *units,
                        size_t n, long first)
{
    char attr[48], name[512];
    const char *group = NULL;
    int gid = CAIRO_PDF_OUTLINE_ROOT;
    for (size_t i = 0; i < n; i++) {
        const sheet_unit *u = &units[i];
        snprintf(attr, sizeof attr, "page=%ld", first + (long)i);
        const char *g = u->parent_name && *u->parent_name ? u->parent_name
                                                           : NULL;
        if (g && (!group || strcmp(g, group) != 0)) {
            gchar *v = g_utf8_make_valid(g, -1);
            gid = cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, v,
                                                attr, 0);
            g_free(v);
            group = g;
        } else if (!g) {
            gid = CAIRO_PDF_OUTLINE_ROOT;
            group = NULL;
        }
        snprintf(name, sizeof name, "%s (%s)", u->name ? u->name : "",
                 u->code ? u->code : "");
        gchar *v = g_utf8_make_valid(name, -1);
        cairo_pdf_surface_add_outline(s, gid, v, attr, 0);
        g_free(v);
    }
}

/* Draws the combined PDF with renderer r (checked by all_prepare) to
 * pdf_path. Stops early (and fails) when *stop becomes non-zero (another
 * worker failed) or on a stop signal. after_page, when not NULL, is called
 * with ud after every unit page. Returns 0, or -1 with the error set
 * (nothing left behind at pdf_path). */
static int all_draw(sheet_r *r, const sheet_doc *doc, const sheet_unit *units,
                    size_t n, const sheet_cover *cover, const char *pdf_path,
                    atomic_int *stop, void (*after_page)(void *), void *ud)
{
    long toc = sheet_toc_pages(r, doc, units, n);
    long pages = 1 + toc + (long)n, first = 2 + toc;
    char title[512];
    sheet_doc_title(r, doc, " \xE2\x80\x93 ", title, sizeof title);
    pdf_out o;
    if (pdf_open(&o, doc, pdf_path, title) != 0)
        return -1;
    sheet_r_attach(r, o.cr);
    sheet_cover_draw(r, doc, cover, n, pages);
    cairo_show_page(o.cr);
    int ok = pdf_check(&o) == 0;
    for (long k = 0; ok && k < toc; k++) {
        sheet_toc_draw(r, doc, units, n, k, toc, first, pages);
        cairo_show_page(o.cr);
        ok = pdf_check(&o) == 0;
    }
    size_t i = 0;
    for (; ok && i < n && !stop_signal() && !(stop && atomic_load(stop));
         i++) {
        char dest[48];
        snprintf(dest, sizeof dest, "name='p%ld'", first + (long)i);
        cairo_tag_begin(o.cr, CAIRO_TAG_DEST, dest);
        cairo_tag_end(o.cr, CAIRO_TAG_DEST);
        sheet_page_draw(r, doc, &units[i], first + (long)i, pages);
        cairo_show_page(o.cr);
        ok = pdf_check(&o) == 0;
        if (ok && after_page)
            after_page(ud);
    }
    if (ok && i < n) {
        /* stopped by another worker's failure or a signal: the caller
         * reports the cause; this only must not publish a short file */
        err_set(ERR_RENDER, pdf_path, 0, NULL,
                "The combined fact-sheet PDF was stopped before its end.");
        ok = 0;
    }
    if (ok)
        add_outline(o.surf, units, n, first);
    return pdf_close(&o, ok);
}

/* Renders the combined PDF (see sheet.h). */
int sheet_render_all(const sheet_doc *doc, const sheet_unit *units, size_t n,
                     const sheet_cover *cover, const char *pdf_path)
{
    sheet_r *r = all_prepare(doc, units, n, cover);
    if (!r)
        return -1;
    pthread_once(&heap_once, heap_tune_once);
    int rc = all_draw(r, doc, units, n, cover, pdf_path, NULL, NULL, NULL);
    sheet_r_free(r);
    return rc;
}

/* ---- many files on worker threads ---- */

/* File name of a unit: its code with unsafe characters replaced. */
static void unit_file(const sheet_unit *u, size_t i, char *buf, size_t n)
{
    if (!u->code || !*u->code) {
        snprintf(buf, n, "unit-%zu.pdf", i + 1);
        return;
    }
    size_t k = 0;
    for (const char *p = u->code; *p && k + 5 < n && k < 200; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '_';
        buf[k++] = ok ? c : '_';
    }
    memcpy(buf + k, ".pdf", 5);
}

typedef struct {
    const sheet_doc *doc;
    const sheet_unit *units;
    size_t n;
    const char *dir;
    const sheet_unit *all_units; /* the combined PDF's units, in its order */
    const sheet_cover *cover; /* the combined PDF's cover (may be NULL) */
    const char *all_path;     /* the combined PDF, or NULL: none */
    atomic_int all_taken;     /* a worker has taken the combined PDF */
    atomic_size_t next;
    atomic_size_t done; /* pages finished, for the progress callback */
    size_t per_unit;    /* pages per unit: 1, or 2 with the combined PDF */
    atomic_int stop;
    pthread_mutex_t lock;
    int failed;
    size_t fail_index;
    err_info fail;
} batch;

/* Counts one finished page (a single file, or a unit page of the
 * combined PDF) and reports progress in units, each unit once (any
 * thread): with the combined PDF a unit is every second page. */
static void batch_progress(void *arg)
{
    batch *b = arg;
    if (!b->doc->progress)
        return;
    size_t d = atomic_fetch_add(&b->done, 1) + 1;
    if (d % b->per_unit)
        return;
    pthread_mutex_lock(&b->lock);
    b->doc->progress(b->doc->progress_ud, "factsheets", d / b->per_unit, b->n);
    pthread_mutex_unlock(&b->lock);
}

/* Records a failure of job i (a unit's index, or n for the combined PDF)
 * from this thread's error context, keeping the lowest index, and stops
 * the other workers. */
static void batch_fail(batch *b, size_t i)
{
    atomic_store(&b->stop, 1);
    pthread_mutex_lock(&b->lock);
    if (!b->failed || i < b->fail_index) {
        const err_info *e = err_get();
        if (e)
            b->fail = *e;
        else
            memset(&b->fail, 0, sizeof b->fail);
        b->failed = 1;
        b->fail_index = i;
    }
    pthread_mutex_unlock(&b->lock);
}

/* The first worker to get here draws the combined PDF (one Cairo surface,
 * so one thread, started first because it is the longest job) while the
 * others write single files; then every worker takes units until none are
 * left or another worker failed. Records the first failure (lowest index,
 * the combined PDF counting as index n) in b. */
static void *batch_worker(void *arg)
{
    batch *b = arg;
    numfmt_lang lang;
    doc_lang(b->doc, &lang);
    sheet_r *r = sheet_r_new(lang, b->doc->words);
    char name[256], path[4096];
    size_t i = 0;
    int rc = r ? 0 : -1;
    if (rc == 0 && b->all_path && !atomic_exchange(&b->all_taken, 1)) {
        rc = all_draw(r, b->doc, b->all_units, b->n, b->cover, b->all_path,
                      &b->stop, batch_progress, b);
        i = b->n;
    }
    /* a Ctrl-C ends the batch early; the run then fails (stop.h) */
    while (rc == 0 && !atomic_load(&b->stop) && !stop_signal()) {
        i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            break;
        unit_file(&b->units[i], i, name, sizeof name);
        snprintf(path, sizeof path, "%s/%s", b->dir, name);
        rc = render_one(r, b->doc, &b->units[i], path);
        if (rc == 0)
            batch_progress(b);
    }
    if (rc != 0)
        batch_fail(b, i);
    sheet_r_free(r);
    return NULL;
}

/* Compares two file names (for finding duplicates). */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fails with ERR_RECIPE when two units would write the same file. */
static int check_unique_files(const sheet_unit *units, size_t n)
{
    if (n < 2)
        return 0;
    char **names = mem_calloc(n, sizeof *names);
    char *blob = mem_alloc(n * 256);
    if (!names || !blob) {
        mem_free(names), mem_free(blob);
        return err_oom("the list of fact-sheet file names");
    }
    for (size_t i = 0; i < n; i++) {
        names[i] = blob + i * 256;
        unit_file(&units[i], i, names[i], 256);
    }
    qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 1; i < n && rc == 0; i++) {
        if (!strcmp(names[i - 1], names[i])) {
            err_set(ERR_RECIPE, NULL, 0, NULL,
                    "Two units would both be written to %s; every unit "
                    "needs its own code.",
                    names[i]);
            rc = -1;
        }
    }
    mem_free(names), mem_free(blob);
    return rc;
}

/* Writes one PDF per unit into dir and the combined PDF (see sheet.h). */
int sheet_render_set(const sheet_doc *doc, const sheet_unit *units, size_t n,
                     const char *dir, const sheet_unit *all_units,
                     const sheet_cover *cover, const char *all_path,
                     int n_threads)
{
    numfmt_lang lang;
    if (doc_lang(doc, &lang) != 0)
        return -1;
    if (n && !units) {
        err_set(ERR_RECIPE, NULL, 0, NULL,
                "%zu fact sheets were asked for without units.", n);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (sheet_unit_check(&units[i]) != 0 ||
            (all_path && all_units && sheet_unit_check(&all_units[i]) != 0))
            return -1;
    if ((all_path && cover_check(cover) != 0) ||
        check_unique_files(units, n) != 0 || mkdir_p(dir) != 0)
        return -1;
    pthread_once(&heap_once, heap_tune_once);
    if (n_threads <= 0)
        n_threads = threads_count();
    if (n_threads > 16)
        n_threads = 16;
    size_t jobs = n + (all_path ? 1 : 0);
    if ((size_t)n_threads > jobs)
        n_threads = jobs ? (int)jobs : 1;
    batch b = {.doc = doc, .units = units, .n = n, .dir = dir,
               .all_units = all_units ? all_units : units,
               .cover = cover, .all_path = all_path,
               .per_unit = all_path ? 2 : 1};
    atomic_init(&b.all_taken, 0);
    atomic_init(&b.next, 0);
    atomic_init(&b.done, 0);
    atomic_init(&b.stop, 0);
    pthread_mutex_init(&b.lock, NULL);
    /* every worker takes units from b.next; the calling thread works too */
    threads_run(batch_worker, &b, 0, n_threads, n_threads);
    pthread_mutex_destroy(&b.lock);
    if (!b.failed)
        return 0;
    const err_info *e = &b.fail;
    if (e->category == ERR_NONE)
        err_set(ERR_RENDER, NULL, 0, NULL,
                "Rendering fact sheet %zu failed without a message.",
                b.fail_index + 1);
    else if (e->loc_kind == ERR_LOC_FEATURE)
        err_set_feature(e->category, e->file[0] ? e->file : NULL, e->loc,
                        e->column[0] ? e->column : NULL, "%s", e->message);
    else
        err_set(e->category, e->file[0] ? e->file : NULL, e->loc,
                e->column[0] ? e->column : NULL, "%s", e->message);
    return -1;
}

/* Writes one PDF per unit into dir (see sheet.h). */
int sheet_render_units(const sheet_doc *doc, const sheet_unit *units,
                       size_t n, const char *dir, int n_threads)
{
    return sheet_render_set(doc, units, n, dir, NULL, NULL, NULL, n_threads);
}
