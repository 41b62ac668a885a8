/* pdfmeta.c - PDF document information and /Lang; see pdfmeta.h. */
#include "pdfmeta.h"

#include "err.h"
#include "mem.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void pdf_meta_date(const char *date, char *buf, size_t size)
{
    int y, m, d;
    if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3 && y > 1900 &&
        m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        snprintf(buf, size, "%04d-%02d-%02dT00:00:00Z", y, m, d);
        return;
    }
    time_t now = time(NULL);
    const char *e = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long t = e ? strtoll(e, &end, 10) : -1;
    if (e && end && *end == '\0' && t >= 0)
        now = (time_t)t;
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Sets one metadata field from possibly invalid UTF-8. */
static void set_text(cairo_surface_t *s, cairo_pdf_metadata_t what,
                     const char *text)
{
    if (!text || !*text)
        return;
    gchar *v = g_utf8_make_valid(text, -1);
    cairo_pdf_surface_set_metadata(s, what, v);
    g_free(v);
}

void pdf_meta_apply(cairo_surface_t *pdf, const pdf_meta *m)
{
    char date[32];
    pdf_meta_date(m ? m->date : NULL, date, sizeof date);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, date);
    if (!m)
        return;
    set_text(pdf, CAIRO_PDF_METADATA_AUTHOR, m->author);
    set_text(pdf, CAIRO_PDF_METADATA_SUBJECT, m->subject);
    set_text(pdf, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
}

/* Finds the last occurrence of needle in [s, s+n). */
static const char *find_last(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
        if (!memcmp(s + i, needle, k))
            return s + i;
    return NULL;
}

int pdf_set_lang(const char *path, const char *lang)
{
    FILE *f = fopen(path, "r+b");
    char *buf = NULL, *tail = NULL;
    int rc = -1;
    if (!f)
        goto io;
    if (fseek(f, 0, SEEK_END) != 0)
        goto io;
    long size = ftell(f);
    if (size <= 0 || fseek(f, 0, SEEK_SET) != 0)
        goto io;
    buf = mem_alloc((size_t)size + 1);
    if (!buf) {
        err_oom("the PDF language");
        goto out;
    }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size)
        goto io;
    buf[size] = '\0';
    const char *cat = find_last(buf, (size_t)size, "/Type /Catalog");
    const char *xref = find_last(buf, (size_t)size, "\nxref\n");
    const char *sx = find_last(buf, (size_t)size, "\nstartxref\n");
    if (!cat || !xref || !sx || xref < cat || sx < xref) {
        err_set(ERR_IO, path, 0, NULL, "cannot add the document language: "
                "no catalog and cross-reference table found");
        goto out;
    }
    char ins[64];
    int ni = snprintf(ins, sizeof ins, " /Lang (%.20s)", lang);
    size_t at = (size_t)(cat - buf) + strlen("/Type /Catalog");
    /* the new tail: the rest of the catalog and objects up to xref
     * unchanged, then the table with shifted offsets and the trailer */
    size_t cap = (size_t)size - at + (size_t)ni + 64;
    tail = mem_alloc(cap);
    if (!tail) {
        err_oom("the PDF language");
        goto out;
    }
    size_t tn = 0;
    memcpy(tail + tn, ins, (size_t)ni);
    tn += (size_t)ni;
    size_t upto = (size_t)(xref - buf) + 6; /* through "\nxref\n" */
    memcpy(tail + tn, buf + at, upto - at);
    tn += upto - at;
    const char *p = buf + upto;
    unsigned long first, count;
    int used = 0;
    if (sscanf(p, "%lu %lu\n%n", &first, &count, &used) != 2 || used == 0)
        goto bad;
    memcpy(tail + tn, p, (size_t)used);
    tn += (size_t)used;
    p += used;
    for (unsigned long k = 0; k < count; k++, p += 20) {
        if (p + 20 > buf + size)
            goto bad;
        unsigned long off = strtoul(p, NULL, 10);
        if (p[17] == 'n' && off >= at)
            off += (unsigned long)ni;
        char line[32];
        snprintf(line, sizeof line, "%010lu", off);
        memcpy(tail + tn, line, 10);
        memcpy(tail + tn + 10, p + 10, 10);
        tn += 20;
    }
    /* trailer up to startxref, then the shifted table offset */
    size_t sxo = (size_t)(sx - buf) + strlen("\nstartxref\n");
    memcpy(tail + tn, p, (size_t)(buf + sxo - p));
    tn += (size_t)(buf + sxo - p);
    unsigned long start = strtoul(buf + sxo, NULL, 10);
    tn += (size_t)snprintf(tail + tn, cap - tn, "%lu\n%%%%EOF\n",
                           start + (unsigned long)ni);
    if (fseek(f, (long)at, SEEK_SET) != 0 || fwrite(tail, 1, tn, f) != tn)
        goto io;
    rc = 0;
    goto out;
bad:
    err_set(ERR_IO, path, 0, NULL, "cannot add the document language: the "
            "cross-reference table is not as expected");
    goto out;
io:
    err_set(ERR_IO, path, 0, NULL, "cannot add the document language: %s",
            strerror(errno));
out:
    if (f && fclose(f) != 0 && rc == 0) {
        err_set(ERR_IO, path, 0, NULL, "cannot add the document language: %s",
                strerror(errno));
        rc = -1;
    }
    mem_free(buf);
    mem_free(tail);
    return rc;
}
