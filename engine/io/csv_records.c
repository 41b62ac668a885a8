/* csv_records.c - splitting CSV text into records with libcsv; see
 * csv_records.h. */
#include "csv_records.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"

#define CHUNK (1u << 20) /* bytes handed to csv_parse at a time */

typedef struct {
    csvrec_set *set;
    size_t rec_first; /* first field of the record being read */
    long line;        /* line the next character is on */
    long rec_line;    /* line the record being read started on */
    int oom;
    long too_wide; /* line of a record with too many fields, else 0 */
} parse_ctx;

/* 1 when s[0..] starts with white space to trim; *w gets its length. */
static int space_at(const char *s, size_t len, size_t *w)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
        *w = 1;
        return 1;
    }
    if (len >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0) { /* NBSP */
        *w = 2;
        return 1;
    }
    return 0;
}

/* 1 when s[..len) ends with white space to trim; *w gets its length. */
static int space_before(const char *s, size_t len, size_t *w)
{
    unsigned char c = (unsigned char)s[len - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
        *w = 1;
        return 1;
    }
    if (len >= 2 && c == 0xA0 && (unsigned char)s[len - 2] == 0xC2) {
        *w = 2;
        return 1;
    }
    return 0;
}

/* libcsv field callback: stores the trimmed field in the arena. */
static void on_field(void *data, size_t len, void *user)
{
    parse_ctx *ctx = user;
    csvrec_set *r = ctx->set;
    const char *s = data ? data : "";
    for (size_t k = 0; k < len; k++)
        if (s[k] == '\n')
            ctx->line++;
    if (ctx->oom || ctx->too_wide)
        return;
    if (r->n_fields - ctx->rec_first >= CSVREC_MAX_FIELDS) {
        ctx->too_wide = ctx->rec_line;
        return;
    }
    size_t w;
    while (len > 0 && space_at(s, len, &w)) {
        s += w;
        len -= w;
    }
    while (len > 0 && space_before(s, len, &w))
        len -= w;
    if (mem_grow(&r->arena, &r->arena_cap, r->arena_len + len + 1, 1,
                 "CSV fields") < 0 ||
        mem_grow(&r->offs, &r->offs_cap, r->n_fields + 2, sizeof *r->offs,
                 "CSV fields") < 0) {
        ctx->oom = 1;
        return;
    }
    if (len)
        memcpy(r->arena + r->arena_len, s, len);
    r->arena[r->arena_len + len] = '\0';
    r->offs[r->n_fields] = r->arena_len;
    r->arena_len += len + 1;
    r->n_fields++;
    r->offs[r->n_fields] = r->arena_len;
}

/* libcsv row callback: closes the record (c is '\n', or -1 at the end). */
static void on_row(int c, void *user)
{
    parse_ctx *ctx = user;
    csvrec_set *r = ctx->set;
    if (!ctx->oom && mem_grow(&r->recs, &r->recs_cap, r->n_recs + 1,
                              sizeof *r->recs, "CSV fields") < 0)
        ctx->oom = 1;
    if (!ctx->oom) {
        csvrec_rec *rec = &r->recs[r->n_recs++];
        rec->first = ctx->rec_first;
        rec->n = (uint32_t)(r->n_fields - ctx->rec_first);
        rec->line = ctx->rec_line;
    }
    ctx->rec_first = r->n_fields;
    if (c == '\n' || c == '\r')
        ctx->line++;
    ctx->rec_line = ctx->line;
}

int csvrec_parse(const char *file, const char *text, size_t len, char delim,
                 csvrec_set *out)
{
    memset(out, 0, sizeof *out);
    out->arena_cap = len + len / 8 + 64;
    out->arena = mem_alloc(out->arena_cap);
    out->offs_cap = 1024;
    out->offs = mem_alloc(out->offs_cap * sizeof *out->offs);
    if (!out->arena || !out->offs)
        return err_oom("CSV fields");
    out->offs[0] = 0;
    struct csv_parser p;
    if (csv_init(&p, CSV_REPALL_NL) != 0)
        return err_oom("CSV parser");
    /* one-column files get NUL, which cannot occur in the text */
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_quote(&p, '"');
    parse_ctx ctx = {out, 0, 1, 1, 0, 0};
    size_t done = 0;
    int rc = 0;
    while (done < len && !ctx.oom && !ctx.too_wide) {
        size_t n = len - done < CHUNK ? len - done : CHUNK;
        size_t used = csv_parse(&p, text + done, n, on_field, on_row, &ctx);
        if (used < n) {
            err_set(ERR_PARSE, file, ctx.rec_line, NULL,
                    "the CSV parser stopped: %s",
                    csv_strerror(csv_error(&p)));
            rc = -1;
            break;
        }
        done += n;
    }
    if (rc == 0 && !ctx.oom && !ctx.too_wide)
        csv_fini(&p, on_field, on_row, &ctx);
    csv_free(&p);
    if (rc == 0 && ctx.too_wide) {
        err_set(ERR_PARSE, file, ctx.too_wide, NULL,
                "this line has more than %d fields, the most dnawijk reads "
                "(as Excel); check the delimiter, or split the file",
                CSVREC_MAX_FIELDS);
        return -1;
    }
    if (rc == 0 && ctx.oom)
        return err_oom("CSV fields");
    return rc;
}

void csvrec_free(csvrec_set *r)
{
    if (!r)
        return;
    MEM_FREE_ALL(r->arena, r->offs, r->recs);
    memset(r, 0, sizeof *r);
}

size_t csvrec_filled(const csvrec_set *r, size_t rec)
{
    const csvrec_rec *R = &r->recs[rec];
    size_t n = 0;
    for (size_t k = 0; k < R->n; k++) {
        size_t f = R->first + k;
        n += r->offs[f + 1] - r->offs[f] > 1;
    }
    return n;
}

size_t csvrec_width(const csvrec_set *r, size_t rec)
{
    const csvrec_rec *R = &r->recs[rec];
    for (size_t k = R->n; k > 0; k--) {
        size_t f = R->first + k - 1;
        if (r->offs[f + 1] - r->offs[f] > 1)
            return k;
    }
    return 0;
}
