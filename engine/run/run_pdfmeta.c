/* run_pdfmeta.c - the PDF document information of a run's maps, fact
 * sheets and charts: Author (the recipe's author:, else its title or
 * name), Subject (given by the caller), Keywords (recipe, level, year,
 * extra words), /Lang (nl-NL or en-GB) and the run's date (the
 * --created option, $SOURCE_DATE_EPOCH or today; see run.c). */
#include "run_internal.h"

#include <stdio.h>
#include <string.h>

void run_pdf_meta(const run_ctx *c, const char *subject, const char *extra,
                  char *kw, size_t kw_size, pdf_meta *m)
{
    const rcp *r = c->r;
    int en = r->language.v == RCP_EN;
    memset(m, 0, sizeof *m);
    m->author = r->author.s ? r->author.s : r->title.s ? r->title.s : r->name.s;
    m->subject = subject;
    m->lang = en ? "en-GB" : "nl-NL";
    m->date = c->created;
    int n = snprintf(kw, kw_size, "dnawijk, %s, %s", r->name.s,
                     key_level_plural(c->unit_level));
    if (n > 0 && (size_t)n < kw_size && r->year.v)
        n += snprintf(kw + n, kw_size - (size_t)n, ", %ld", r->year.v);
    if (n > 0 && (size_t)n < kw_size && extra && *extra)
        snprintf(kw + n, kw_size - (size_t)n, ", %s", extra);
    m->keywords = kw;
}
