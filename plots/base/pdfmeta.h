/* pdfmeta.h - document information of the PDFs dnawijk writes: Title,
 * Author, Subject, Keywords, creation date and the document language.
 *
 * Cairo 1.16 sets Title, Author, Subject, Keywords, Creator and the dates
 * (cairo_pdf_surface_set_metadata) but has no call for the catalog's
 * /Lang; pdf_set_lang adds it afterwards by rewriting the catalog object
 * and the cross-reference offsets behind it. The structure tags (tagged
 * PDF: headings and reading order) are the renderers' (text.h).
 */
#ifndef DNW_PDFMETA_H
#define DNW_PDFMETA_H

#include <cairo.h>
#include <stddef.h>

typedef struct {
    const char *author;   /* NULL: none */
    const char *subject;
    const char *keywords; /* comma-separated */
    const char *lang;     /* "nl-NL", "en-GB"; NULL: none */
    const char *date;     /* "YYYY-MM-DD" or ISO 8601; NULL: now */
} pdf_meta;

/* The creation date as ISO 8601 into buf: date ("YYYY-MM-DD..."), else
 * $SOURCE_DATE_EPOCH, else the current time. */
void pdf_meta_date(const char *date, char *buf, size_t size);

/* Sets Author, Subject, Keywords and the creation and modification date of
 * a PDF surface (invalid UTF-8 is repaired, as Cairo refuses it). m may be
 * NULL (then only the date: SOURCE_DATE_EPOCH or now). */
void pdf_meta_apply(cairo_surface_t *pdf, const pdf_meta *m);

/* Adds /Lang (lang) to the catalog of the finished PDF at path (a file
 * Cairo wrote: classic cross-reference table). Returns 0, or -1 with
 * ERR_IO set when the file cannot be read or written or is not such a
 * PDF. */
int pdf_set_lang(const char *path, const char *lang);

#endif
