/* csv_load.h - getting the text of a CSV file into memory, as clean UTF-8.
 *
 * Reads the whole file, refuses what is not text (NUL bytes, mostly control
 * characters, UTF-16/32, ZIP or gzip data) with a clear message, strips a
 * UTF-8 byte order mark, converts Latin-1 / Windows-1252 to UTF-8 (detected
 * as invalid UTF-8, or forced by the caller; when detected, the valid UTF-8
 * sequences of a mixed file are kept) and turns CRLF and lone CR line
 * ends into LF, so the parser and the line numbers of error messages only
 * ever see LF.
 */
#ifndef DNW_CSV_LOAD_H
#define DNW_CSV_LOAD_H

#include <stddef.h>

typedef struct {
    char *text;           /* UTF-8, LF line ends, NUL-terminated; owned */
    size_t len;           /* bytes in text, without the NUL */
    const char *encoding; /* "utf-8" or "latin-1" (static string) */
    int had_bom;          /* 1 when a UTF-8 byte order mark was stripped */
} csvload_text;

/* Reads file and decodes it into out (see above). encoding is NULL or ""
 * for auto-detection, or "utf-8"/"utf8", or "latin-1"/"latin1"/
 * "iso-8859-1"/"windows-1252"/"cp1252" (any case). Returns 0, or -1 with the
 * error set: ERR_IO when the file cannot be read, ERR_PARSE when it is
 * empty, binary or not valid in the forced encoding, ERR_RECIPE for an
 * unknown encoding name. The caller frees out with csvload_free. */
int csvload_read(const char *file, const char *encoding, csvload_text *out);

/* Like csvload_read, on bytes already in memory (raw is not modified or
 * kept); file only names the source in error messages (may be NULL). */
int csvload_decode(const char *file, const unsigned char *raw, size_t len,
                   const char *encoding, csvload_text *out);

/* Frees the text of t and clears it. NULL is fine. */
void csvload_free(csvload_text *t);

/* Offset of the first byte that is not part of valid UTF-8 in s, or len
 * when all of s is valid (overlong forms and surrogates are invalid). */
size_t csvload_utf8_valid_prefix(const unsigned char *s, size_t len);

#endif
