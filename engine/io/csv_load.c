/* csv_load.c - reading and decoding CSV text; see csv_load.h. */
#include "csv_load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "fsutil.h"
#include "geo_io.h"
#include "mem.h"

#define SNIFF_BYTES 65536 /* bytes looked at for the text/binary verdict */

enum { ENC_AUTO, ENC_UTF8, ENC_LATIN1 };

/* Windows-1252 code points of bytes 0x80..0x9F (undefined ones keep their
 * Latin-1 value). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

/* 1-based line of byte offset off in s (counting LF and lone CR); s has at
 * least off + 1 bytes. */
static long line_of(const unsigned char *s, size_t off)
{
    long line = 1;
    for (size_t k = 0; k < off; k++)
        if (s[k] == '\n' || (s[k] == '\r' && s[k + 1] != '\n'))
            line++;
    return line;
}

size_t csvload_utf8_valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* fast path: eight ASCII bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + need >= len)
            return i;
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += need + 1;
    }
    return len;
}

/* Length of the valid UTF-8 sequence at s (1 for ASCII), or 0 when s does
 * not start one. */
static size_t utf8_seq_len(const unsigned char *s, size_t len)
{
    size_t lim = len < 4 ? len : 4;
    for (size_t n = 1; n <= lim; n++)
        if (csvload_utf8_valid_prefix(s, n) == n)
            return n;
    return 0;
}

/* Parses the encoding option into ENC_*; -1 (error set) when unknown. */
static int parse_encoding(const char *file, const char *enc)
{
    if (!enc || !enc[0] || strcasecmp(enc, "auto") == 0)
        return ENC_AUTO;
    if (strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0)
        return ENC_UTF8;
    static const char *const latin[] = {"latin-1", "latin1", "iso-8859-1",
                                        "iso8859-1", "windows-1252",
                                        "cp1252"};
    for (size_t k = 0; k < sizeof latin / sizeof latin[0]; k++)
        if (strcasecmp(enc, latin[k]) == 0)
            return ENC_LATIN1;
    err_set(ERR_RECIPE, file, 0, NULL,
            "unknown encoding \"%s\"; use \"utf-8\" or \"latin-1\" (or leave "
            "it out to detect it)",
            enc);
    return -1;
}

/* Refuses data that is not text; returns 0 when raw looks like text. */
static int check_text(const char *file, const unsigned char *raw, size_t len)
{
    if ((len >= 4 && raw[0] == 0xFF && raw[1] == 0xFE && raw[2] == 0 &&
         raw[3] == 0) ||
        (len >= 4 && raw[0] == 0 && raw[1] == 0 && raw[2] == 0xFE &&
         raw[3] == 0xFF)) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is UTF-32 encoded; save it as UTF-8 (or Latin-1) "
                "text");
        return -1;
    }
    if (len >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) ||
                     (raw[0] == 0xFE && raw[1] == 0xFF))) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is UTF-16 encoded; save it as UTF-8 (or Latin-1) "
                "text");
        return -1;
    }
    if (len >= 4 && raw[0] == 'P' && raw[1] == 'K' && raw[2] == 3 &&
        raw[3] == 4) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is a ZIP archive (an .xlsx workbook is one), not "
                "CSV text; unpack it or export the sheet as CSV");
        return -1;
    }
    if (len >= 2 && raw[0] == 0x1F && raw[1] == 0x8B) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is gzip-compressed, not CSV text; decompress it "
                "first");
        return -1;
    }
    const unsigned char *nul = memchr(raw, 0, len);
    if (nul) {
        size_t sample = len < 512 ? len : 512, odd = 0, even = 0;
        for (size_t k = 0; k < sample; k++)
            if (raw[k] == 0) {
                if (k & 1)
                    odd++;
                else
                    even++;
            }
        if (sample >= 8 && (odd * 3 >= sample || even * 3 >= sample)) {
            err_set(ERR_PARSE, file, 0, NULL,
                    "the file looks UTF-16 encoded (every other byte is "
                    "NUL); save it as UTF-8 (or Latin-1) text");
            return -1;
        }
        size_t off = (size_t)(nul - raw);
        err_set(ERR_PARSE, file, line_of(raw, off), NULL,
                "the file contains NUL bytes (first at byte %zu), so it is "
                "binary data, not CSV text",
                off);
        return -1;
    }
    size_t sample = len < SNIFF_BYTES ? len : SNIFF_BYTES, ctrl = 0;
    for (size_t k = 0; k < sample; k++) {
        unsigned char c = raw[k];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
             c != '\v') ||
            c == 0x7F)
            ctrl++;
    }
    if (ctrl >= 2 && ctrl * 20 > sample) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is mostly not text (%zu control bytes in the "
                "first %zu), so it is binary data, not CSV text",
                ctrl, sample);
        return -1;
    }
    return 0;
}

/* Appends code point cp as UTF-8 at out; returns the bytes written. */
static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

int csvload_decode(const char *file, const unsigned char *raw, size_t len,
                   const char *encoding, csvload_text *out)
{
    memset(out, 0, sizeof *out);
    int enc = parse_encoding(file, encoding);
    if (enc < 0)
        return -1;
    if (len == 0) {
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is empty; expected a header line and data rows");
        return -1;
    }
    if (check_text(file, raw, len) < 0)
        return -1;
    if (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
        raw += 3;
        len -= 3;
        out->had_bom = 1;
    }
    size_t valid = csvload_utf8_valid_prefix(raw, len);
    if (enc == ENC_UTF8 && valid < len) {
        err_set(ERR_PARSE, file, line_of(raw, valid), NULL,
                "the file is not valid UTF-8 (byte 0x%02X); if it was saved "
                "as Latin-1 or Windows-1252, set the encoding to latin-1",
                raw[valid]);
        return -1;
    }
    int latin1 = enc == ENC_LATIN1 || (enc == ENC_AUTO && valid < len);
    size_t cap = len + 1;
    if (latin1)
        for (size_t k = 0; k < len; k++)
            if (raw[k] >= 0x80)
                cap += 2;
    char *text = mem_alloc(cap);
    if (!text)
        return err_oom("CSV text");
    size_t n = 0;
    for (size_t k = 0; k < len; k++) {
        if (!latin1) { /* copy up to the next CR in one go */
            const unsigned char *cr = memchr(raw + k, '\r', len - k);
            size_t run = cr ? (size_t)(cr - (raw + k)) : len - k;
            memcpy(text + n, raw + k, run);
            n += run;
            k += run;
            if (k >= len)
                break;
        }
        unsigned char c = raw[k];
        if (c == '\r') {
            text[n++] = '\n';
            if (k + 1 < len && raw[k + 1] == '\n')
                k++;
        } else if (latin1 && c >= 0x80) {
            /* detected (not forced): keep valid UTF-8 sequences of a mixed
             * file as they are, convert the other bytes */
            size_t seq = enc == ENC_AUTO ? utf8_seq_len(raw + k, len - k) : 0;
            if (seq > 1) {
                memcpy(text + n, raw + k, seq);
                n += seq;
                k += seq - 1;
            } else {
                n += put_utf8(text + n, c < 0xA0 ? cp1252_high[c - 0x80] : c);
            }
        } else {
            text[n++] = (char)c;
        }
    }
    text[n] = '\0';
    size_t k = 0;
    while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' ||
                     text[k] == '\f' || text[k] == '\v'))
        k++;
    if (k == n) {
        mem_free(text);
        err_set(ERR_PARSE, file, 0, NULL,
                "the file is empty (only blank lines); expected a header "
                "line and data rows");
        return -1;
    }
    out->text = text;
    out->len = n;
    out->encoding = latin1 ? "latin-1" : "utf-8";
    return 0;
}

/* Reads all of a GDAL virtual file ("/vsigzip/x.csv.gz", "/vsizip/a.zip/x.csv")
 * into a mem_alloc'ed buffer (*len bytes, NUL-terminated; the caller frees
 * it). Decompresses on the way. NULL with ERR_IO or ERR_MEMORY set. */
static unsigned char *read_all_vsi(const char *file, size_t *len)
{
    geo_vfile fp;
    unsigned char *buf = NULL;
    if (geo_vfile_open(&fp, file) < 0) {
        err_set(ERR_IO, file, 0, NULL,
                "cannot open the file (missing, or not a readable gzip/zip "
                "archive); check the path (in a recipe, paths are "
                "relative to the recipe's folder)");
        return NULL;
    }
    buf = (unsigned char *)fs_read_all(geo_vfile_reader, &fp, 65536,
                                       "file contents", len);
    if (buf && !geo_vfile_eof(&fp)) {
        err_set(ERR_IO, file, 0, NULL,
                "cannot read the file: the compressed data is damaged or "
                "cut short");
        mem_free(buf);
        buf = NULL;
    }
    geo_vfile_close(&fp);
    return buf;
}

/* An open file for fd_reader. */
typedef struct {
    int fd;
    const char *file; /* for messages */
} fd_src;

/* fs_reader over a file descriptor: read(), retried on EINTR; -1 with
 * ERR_IO set naming the file. */
static long fd_reader(void *src, void *buf, size_t n)
{
    fd_src *s = src;
    for (;;) {
        ssize_t got = read(s->fd, buf, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            err_set(ERR_IO, s->file, 0, NULL, "cannot read the file (%s)",
                    strerror(errno));
            return -1;
        }
        return (long)got;
    }
}

/* Reads all of file into a malloc'ed buffer (*len bytes, NUL-terminated). */
static unsigned char *read_all(const char *file, size_t *len)
{
    if (strncmp(file, "/vsi", 4) == 0)
        return read_all_vsi(file, len);
    /* checked before open: opening a FIFO would wait for a writer, and a
     * device such as /dev/zero never ends */
    struct stat st;
    if (stat(file, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        err_set(ERR_IO, file, 0, NULL,
                "this is not a regular file (a device, FIFO or socket); "
                "name a CSV file on disk");
        return NULL;
    }
    int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        err_set(ERR_IO, file, 0, NULL, "cannot open the file (%s); check the path (in a "
                "recipe, paths are relative to the recipe's folder)",
                strerror(errno));
        return NULL;
    }
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        err_set(ERR_IO, file, 0, NULL,
                "this is a directory, not a CSV file; name the file itself");
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) { /* replaced after the stat above */
        close(fd);
        err_set(ERR_IO, file, 0, NULL,
                "this is not a regular file (a device, FIFO or socket); "
                "name a CSV file on disk");
        return NULL;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    fd_src src = {fd, file};
    unsigned char *buf =
        (unsigned char *)fs_read_all(fd_reader, &src, cap, "file contents", len);
    close(fd);
    return buf;
}

int csvload_read(const char *file, const char *encoding, csvload_text *out)
{
    memset(out, 0, sizeof *out);
    size_t len = 0;
    unsigned char *raw = read_all(file, &len);
    if (!raw)
        return -1;
    int rc = csvload_decode(file, raw, len, encoding, out);
    mem_free(raw);
    return rc;
}

void csvload_free(csvload_text *t)
{
    if (!t)
        return;
    mem_free(t->text);
    memset(t, 0, sizeof *t);
}
