/* page.c - page sizes, output surfaces and atomic writing; see page.h. */
#include "page.h"
#include "text.h"

#include "pdfmeta.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "atomic.h"
#include "err.h"
#include "bigmem.h"
#include "mem.h"
#include "pngw.h"
#include "threads.h"

/* Deflate level for PNG (threads: threads.h). With libdeflate (GDAL's deflate on
 * Debian 12) and the bands compressed on two threads, level 1 makes the
 * whole-country A4 map at 300 dpi 5 % faster end to end than level 3
 * (0.225 s against 0.236 s, 15 interleaved runs; half the instructions of
 * the compressor) for a file 2.2 % larger (1.48 MB against 1.45 MB). On
 * one thread and an older writer level 3 had been the fastest. Cairo's
 * own cairo_surface_write_to_png() took 0.30-0.37 s for the same page and
 * wrote 1.73 MB. */
#define PNG_LEVEL 1

struct page_out {
    page_format fmt;
    page_size ps;
    char *path;
    atomic_file *af; /* the temporary file until page_finish commits it */
    int tagged;      /* page_tag_document() opened the root structure tag */
    FILE *f;         /* af's stream */
    cairo_surface_t *surf;
    cairo_t *cr;
    bigmem pixels; /* PNG: the raster behind the image surface */
    char *buf; /* SVG: the document in memory before ids are renumbered */
    size_t len, cap;
    int write_failed;
    char lang[24]; /* PDF: /Lang added after finishing ("" = none) */
};

typedef struct {
    const char *name;
    double w_mm, h_mm;
} paper;

static const paper papers[] = {
    {"A5", 148, 210}, {"A4", 210, 297}, {"A3", 297, 420}, {"A2", 420, 594}};

int page_parse(const char *name, int landscape, double dpi, page_size *out)
{
    memset(out, 0, sizeof *out);
    if (!name || !*name)
        name = "A4";
    if (dpi < 0 || dpi > 2400 || dpi != dpi) {
        err_set(ERR_RENDER, NULL, 0, NULL,
                "resolution %g dpi is out of range: use 1 to 2400 (300 is usual "
                "for print)", dpi);
        return -1;
    }
    for (size_t k = 0; k < sizeof papers / sizeof papers[0]; k++) {
        if (strcasecmp(name, papers[k].name) != 0)
            continue;
        double w = papers[k].w_mm, h = papers[k].h_mm;
        if (landscape) {
            double t = w;
            w = h;
            h = t;
        }
        out->dpi = dpi > 0 ? dpi : 300;
        out->w_pt = w / 25.4 * 72;
        out->h_pt = h / 25.4 * 72;
        out->px_w = (int)(w / 25.4 * out->dpi + 0.5);
        out->px_h = (int)(h / 25.4 * out->dpi + 0.5);
        snprintf(out->name, sizeof out->name, "%s", papers[k].name);
        return 0;
    }
    int w = 0, h = 0, used = 0;
    if (sscanf(name, "%d%*[xX]%d%n", &w, &h, &used) == 2 &&
        name[used] == '\0') {
        if (w < 16 || h < 16 || w > 20000 || h > 20000) {
            err_set(ERR_RENDER, NULL, 0, NULL,
                    "page size \"%s\" is out of range: width and height must be "
                    "16 to 20000 pixels", name);
            return -1;
        }
        out->dpi = dpi > 0 ? dpi : 96;
        out->px_w = w;
        out->px_h = h;
        out->w_pt = w * 72.0 / out->dpi;
        out->h_pt = h * 72.0 / out->dpi;
        out->is_pixels = 1;
        snprintf(out->name, sizeof out->name, "%dx%d", w, h);
        return 0;
    }
    err_set(ERR_RENDER, NULL, 0, NULL,
            "unknown page size \"%s\": use A4, A3 (or A5, A2) or WIDTHxHEIGHT "
            "in pixels such as 1600x1200", name);
    return -1;
}

int page_format_from_path(const char *path, page_format *out)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (dot && strcasecmp(dot, ".png") == 0)
        *out = PAGE_PNG;
    else if (dot && strcasecmp(dot, ".pdf") == 0)
        *out = PAGE_PDF;
    else if (dot && strcasecmp(dot, ".svg") == 0)
        *out = PAGE_SVG;
    else {
        err_set(ERR_RENDER, path, 0, NULL,
                "cannot tell the output format from the file name: end it in "
                ".png, .pdf or .svg");
        return -1;
    }
    return 0;
}

/* One Cairo stream write into an atomic file; see page.h. */
cairo_status_t page_stream_write(atomic_file *af, int *failed,
                                 const unsigned char *data, unsigned int len)
{
    /* After a failed write the rest is dropped, but Cairo is told all is
     * well: its own error path can fail an assertion while it finishes a
     * PDF (cairo-array.c, found by the write fault test). */
    if (!*failed && atomic_write(af, data, len) < 0)
        *failed = 1;
    return CAIRO_STATUS_SUCCESS;
}

/* Cairo stream callback: writes to the temporary file (page_finish reports
 * a failure from write_failed and the errno kept in af). */
static cairo_status_t write_file(void *closure, const unsigned char *data,
                                 unsigned int len)
{
    page_out *po = closure;
    return page_stream_write(po->af, &po->write_failed, data, len);
}

/* Cairo stream callback: appends to the in-memory SVG buffer. */
static cairo_status_t write_mem(void *closure, const unsigned char *data,
                                unsigned int len)
{
    page_out *po = closure;
    if (po->write_failed)
        return CAIRO_STATUS_WRITE_ERROR;
    if (po->len + len > po->cap) {
        size_t cap = po->cap ? po->cap : 65536;
        while (cap < po->len + len)
            cap *= 2;
        char *nb = mem_realloc(po->buf, cap);
        if (!nb) {
            po->write_failed = 1;
            return CAIRO_STATUS_NO_MEMORY;
        }
        po->buf = nb;
        po->cap = cap;
    }
    memcpy(po->buf + po->len, data, len);
    po->len += len;
    return CAIRO_STATUS_SUCCESS;
}

/* Opens the page's output through the atomic writer: a temporary file
 * beside path (the folder must exist) that page_finish renames into place.
 * No fsync per page: pages are written into the run's staging folder,
 * which is published as a whole. Returns 0 or -1 with ERR_IO naming path. */
static int open_temp(page_out *po)
{
    po->f = atomic_open_ex(po->path, ATOMIC_NO_MKDIR | ATOMIC_NO_SYNC, &po->af);
    return po->f ? 0 : -1;
}

/* The PDF creation date: SOURCE_DATE_EPOCH (reproducible-builds
 * convention) when set and valid, else now (page_set_meta can set the
 * run's date). */
static void creation_date(char *buf, size_t size)
{
    pdf_meta_date(NULL, buf, size);
}

void page_set_meta(page_out *po, const pdf_meta *m)
{
    if (po->fmt != PAGE_PDF || !m)
        return;
    pdf_meta_apply(po->surf, m);
    snprintf(po->lang, sizeof po->lang, "%s", m->lang ? m->lang : "");
}

/* page_begin and page_begin_unpainted: white says whether a PNG raster
 * is made white first. */
static page_out *begin(const page_size *ps, page_format fmt, const char *path,
                       const char *title, int white)
{
    if (!path || !*path) {
        err_set(ERR_IO, NULL, 0, NULL, "no output file name was given");
        return NULL;
    }
    page_out *po = mem_calloc(1, sizeof *po);
    if (!po || !(po->path = mem_strdup(path))) {
        mem_free(po);
        err_oom("page output");
        return NULL;
    }
    po->fmt = fmt;
    po->ps = *ps;
    if (open_temp(po) < 0) {
        page_abort(po);
        return NULL;
    }
    switch (fmt) {
    case PAGE_PNG: {
        int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, ps->px_w);
        unsigned char *px = bigmem_alloc(&po->pixels,
                                         (size_t)stride * (size_t)ps->px_h,
                                         "the page raster");
        if (!px) {
            page_abort(po);
            return NULL;
        }
        /* a white page: renderers that draw no background of their own
           (charts) must not come out black (0 = black in RGB24) */
        if (white)
            memset(px, 0xFF, (size_t)stride * (size_t)ps->px_h);
        po->surf = cairo_image_surface_create_for_data(
            px, CAIRO_FORMAT_RGB24, ps->px_w, ps->px_h, stride);
        break;
    }
    case PAGE_PDF: {
        po->surf = cairo_pdf_surface_create_for_stream(write_file, po, ps->w_pt,
                                                       ps->h_pt);
        char date[32];
        creation_date(date, sizeof date);
        cairo_pdf_surface_set_metadata(po->surf, CAIRO_PDF_METADATA_CREATE_DATE,
                                       date);
        cairo_pdf_surface_set_metadata(po->surf, CAIRO_PDF_METADATA_CREATOR,
                                       "dnawijk " DNAWIJK_VERSION);
        if (title && *title)
            cairo_pdf_surface_set_metadata(po->surf, CAIRO_PDF_METADATA_TITLE,
                                           title);
        break;
    }
    case PAGE_SVG:
        po->surf = cairo_svg_surface_create_for_stream(write_mem, po, ps->w_pt,
                                                       ps->h_pt);
        cairo_svg_surface_restrict_to_version(po->surf, CAIRO_SVG_VERSION_1_1);
        cairo_svg_surface_set_document_unit(po->surf, CAIRO_SVG_UNIT_PT);
        break;
    default:
        err_set(ERR_RENDER, path, 0, NULL, "unknown output format %d", (int)fmt);
        page_abort(po);
        return NULL;
    }
    if (cairo_surface_status(po->surf) != CAIRO_STATUS_SUCCESS) {
        err_set(ERR_RENDER, path, 0, NULL, "cannot create a %d x %d pixel "
                "drawing surface: %s", ps->px_w, ps->px_h,
                cairo_status_to_string(cairo_surface_status(po->surf)));
        page_abort(po);
        return NULL;
    }
    po->cr = cairo_create(po->surf);
    if (fmt == PAGE_PNG) {
        cairo_scale(po->cr, ps->dpi / 72.0, ps->dpi / 72.0);
    }
    return po;
}

page_out *page_begin(const page_size *ps, page_format fmt, const char *path,
                     const char *title)
{
    return begin(ps, fmt, path, title, 1);
}

page_out *page_begin_unpainted(const page_size *ps, page_format fmt,
                               const char *path, const char *title)
{
    return begin(ps, fmt, path, title, 0);
}

cairo_t *page_cairo(page_out *po) { return po->cr; }

void page_tag_document(page_out *po)
{
    if (po->fmt != PAGE_PDF || po->tagged)
        return;
    cairo_tag_begin(po->cr, TEXT_TAG_DOCUMENT, NULL);
    po->tagged = 1;
}

cairo_surface_t *page_surface(page_out *po) { return po->surf; }

double page_px_per_pt(const page_out *po)
{
    return po->fmt == PAGE_PNG ? po->ps.dpi / 72.0 : 1.0;
}

/* Length of a run of ASCII digits at p. */
static size_t digits(const char *p, const char *end)
{
    size_t n = 0;
    while (p + n < end && p[n] >= '0' && p[n] <= '9')
        n++;
    return n;
}

/* Writes the SVG buffer to the file, renumbering the ids "surfaceN" and
 * "imageN" (which Cairo takes from process-wide counters, so they depend on
 * what was drawn before in the process) to 1, 2, ... in order of first
 * appearance, wherever they follow '"' or '#'. Returns 0 or -1 (write error
 * or OOM; error not set). */
static int write_svg_normalised(page_out *po)
{
    static const char *const names[2] = {"surface", "image"};
    unsigned long *maps[2] = {NULL, NULL};
    size_t n_map[2] = {0, 0}, cap_map[2] = {0, 0};
    const char *p = po->buf, *end = po->buf + po->len, *flushed = po->buf;
    int bad = 0;
    for (; !bad && p < end; p++) {
        if (*p != '"' && *p != '#')
            continue;
        const char *name = p + 1;
        int kind = -1;
        size_t nl = 0;
        for (int k = 0; k < 2; k++) {
            nl = strlen(names[k]);
            if ((size_t)(end - name) > nl && memcmp(name, names[k], nl) == 0 &&
                digits(name + nl, end) > 0) {
                kind = k;
                break;
            }
        }
        if (kind < 0)
            continue;
        const char *num = name + nl;
        size_t nd = digits(num, end);
        unsigned long old = strtoul(num, NULL, 10);
        size_t k;
        for (k = 0; k < n_map[kind]; k++)
            if (maps[kind][k] == old)
                break;
        if (k == n_map[kind]) {
            if (n_map[kind] == cap_map[kind]) {
                size_t nc = cap_map[kind] ? cap_map[kind] * 2 : 64;
                unsigned long *a = mem_realloc(maps[kind], nc * sizeof *a);
                if (!a) {
                    bad = 1;
                    break;
                }
                maps[kind] = a;
                cap_map[kind] = nc;
            }
            maps[kind][n_map[kind]++] = old;
        }
        char nbuf[32];
        int len = snprintf(nbuf, sizeof nbuf, "%zu", k + 1);
        size_t head = (size_t)(num - flushed);
        if (fwrite(flushed, 1, head, po->f) != head ||
            fwrite(nbuf, 1, (size_t)len, po->f) != (size_t)len)
            bad = 1;
        flushed = num + nd;
        p = flushed - 1;
    }
    size_t rest = (size_t)(end - flushed);
    if (!bad && fwrite(flushed, 1, rest, po->f) != rest)
        bad = 1;
    mem_free(maps[0]);
    mem_free(maps[1]);
    return bad ? -1 : 0;
}

int page_finish(page_out *po)
{
    int rc = -1;
    if (po->tagged)
        cairo_tag_end(po->cr, TEXT_TAG_DOCUMENT);
    cairo_destroy(po->cr);
    po->cr = NULL;
    if (po->fmt == PAGE_PNG) {
        cairo_surface_flush(po->surf);
        if (cairo_surface_status(po->surf) != CAIRO_STATUS_SUCCESS) {
            err_set(ERR_RENDER, po->path, 0, NULL, "drawing failed: %s",
                    cairo_status_to_string(cairo_surface_status(po->surf)));
            goto out;
        }
        /* the raster is dropped with the handle: convert it in place */
        if (pngw_write_inplace(po->f, cairo_image_surface_get_data(po->surf),
                       po->ps.px_w, po->ps.px_h,
                       cairo_image_surface_get_stride(po->surf), po->ps.dpi,
                       PNG_LEVEL, threads_count(), po->path) < 0)
            goto out;
    } else {
        cairo_surface_finish(po->surf);
        cairo_status_t st = cairo_surface_status(po->surf);
        if (po->write_failed || st != CAIRO_STATUS_SUCCESS) {
            if (po->write_failed && po->fmt == PAGE_PDF)
                err_set(ERR_IO, po->path, 0, NULL, "cannot write the PDF "
                        "file: %s", atomic_errtext(atomic_errno(po->af)
                                                       ? atomic_errno(po->af)
                                                       : EIO));
            else
                err_set(ERR_RENDER, po->path, 0, NULL, "drawing failed: %s",
                        cairo_status_to_string(st));
            goto out;
        }
        if (po->fmt == PAGE_SVG && write_svg_normalised(po) < 0) {
            err_set(ERR_IO, po->path, 0, NULL,
                    "could not write the SVG file (disk full or no permission?)");
            goto out;
        }
    }
    /* the document language goes into the finished file (pdfmeta.h) */
    if (po->fmt == PAGE_PDF && po->lang[0]) {
        if (fflush(po->f) != 0) {
            err_set(ERR_IO, po->path, 0, NULL, "cannot write the PDF "
                    "file: %s", atomic_errtext(errno));
            goto out;
        }
        if (pdf_set_lang(atomic_temp_path(po->af), po->lang) < 0)
            goto out;
    }
    po->f = NULL;
    rc = atomic_commit(po->af); /* closes, renames; removes it on failure */
    po->af = NULL;
out:
    page_abort(po);
    return rc;
}

void page_abort(page_out *po)
{
    if (!po)
        return;
    if (po->cr)
        cairo_destroy(po->cr);
    if (po->surf) {
        /* Finishing would make Cairo write the rest of a PDF; stop writes. */
        po->write_failed = 1;
        cairo_surface_destroy(po->surf);
    }
    bigmem_free(&po->pixels); /* after the surface that points into it */
    atomic_abort(po->af); /* closes and removes the temporary file */
    MEM_FREE_ALL(po->buf, po->path, po);
}
