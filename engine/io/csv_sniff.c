/* csv_sniff.c - delimiter guessing and quote checks; see csv_sniff.h. */
#include "csv_sniff.h"

#include <string.h>

#include "err.h"

#define SNIFF_RECORDS 200
#define SNIFF_BYTES (1u << 20)

static const char candidates[] = {';', ',', '\t', '|'};
#define N_CAND (sizeof candidates)

/* 1 when c is skipped before a field's opening quote (as libcsv does). */
static int is_lead_space(char c, char delim)
{
    return c != delim && (c == ' ' || c == '\t');
}

/* Counts the fields of the record starting at *pos; moves *pos past its
 * line end. *blank is set when the line holds nothing but spaces. */
static size_t record_fields(const char *t, size_t len, size_t *pos,
                            char delim, int *blank)
{
    size_t i = *pos, fields = 1;
    int start = 1;
    *blank = 1;
    while (i < len && t[i] != '\n') {
        char c = t[i];
        if (start) {
            if (is_lead_space(c, delim)) {
                i++;
                continue;
            }
            start = 0;
            if (c == '"') { /* quoted: up to the closing quote */
                *blank = 0;
                for (i++; i < len; i++) {
                    if (t[i] == '"') {
                        if (i + 1 < len && t[i + 1] == '"') {
                            i++;
                            continue;
                        }
                        break;
                    }
                }
                if (i < len)
                    i++;
                continue;
            }
        }
        if (c == delim) {
            fields++;
            start = 1;
            *blank = 0;
        } else if (c != ' ' && c != '\t') {
            *blank = 0;
        }
        i++;
    }
    *pos = i < len ? i + 1 : len;
    return fields;
}

/* Score of one delimiter (see csv_sniff.h); *mode gets its common count. */
static double score_delim(const char *t, size_t len, char delim,
                          size_t *mode)
{
    size_t counts[SNIFF_RECORDS], n = 0, pos = 0;
    size_t limit = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    while (pos < limit && n < SNIFF_RECORDS) {
        int blank;
        size_t f = record_fields(t, len, &pos, delim, &blank);
        if (!blank)
            counts[n++] = f;
    }
    /* most common count >= 2 (ties: the larger count) */
    size_t best = 0, best_freq = 0;
    for (size_t a = 0; a < n; a++) {
        if (counts[a] < 2)
            continue;
        size_t freq = 0;
        for (size_t b = 0; b < n; b++)
            freq += counts[b] == counts[a];
        if (freq > best_freq || (freq == best_freq && counts[a] > best)) {
            best = counts[a];
            best_freq = freq;
        }
    }
    /* one record with a delimiter among records without is no evidence */
    if (!best || (best_freq < 2 && n > 1)) {
        *mode = 0;
        return 0.0;
    }
    *mode = best;
    size_t first = 0;
    while (counts[first] != best)
        first++;
    return (double)best_freq / (double)(n - first);
}

char csvsniff_delimiter(const char *text, size_t len)
{
    char winner = 0;
    double best = 0.0;
    size_t best_mode = 0;
    for (size_t k = 0; k < N_CAND; k++) {
        size_t mode;
        double s = score_delim(text, len, candidates[k], &mode);
        if (mode == 0)
            continue;
        if (s > best + 1e-9 || (s > best - 1e-9 && mode > best_mode)) {
            winner = candidates[k];
            best = s;
            best_mode = mode;
        }
    }
    return winner;
}

int csvsniff_check_quotes(const char *file, const char *t, size_t len,
                          char delim)
{
    size_t i = 0;
    long line = 1;
    int start = 1;
    while (i < len) {
        char c = t[i];
        if (start && is_lead_space(c, delim)) {
            i++;
            continue;
        }
        if (start && c == '"') {
            long open_line = line;
            for (i++;; i++) {
                if (i >= len) {
                    err_set(ERR_PARSE, file, open_line, NULL,
                            "a quoted field starts on this line but its "
                            "closing quote is missing (the file ends inside "
                            "it); close the quote, and write a quote inside "
                            "a quoted field as \"\"");
                    return -1;
                }
                if (t[i] == '\n')
                    line++;
                else if (t[i] == '"') {
                    if (i + 1 < len && t[i + 1] == '"') {
                        i++;
                        continue;
                    }
                    break;
                }
            }
            for (i++; i < len && is_lead_space(t[i], delim); i++)
                ;
            if (i < len && t[i] != delim && t[i] != '\n') {
                err_set(ERR_PARSE, file, line, NULL,
                        "text follows the closing quote of a quoted field; "
                        "a quote inside a quoted field must be written as "
                        "\"\", and the field must end right after its "
                        "closing quote");
                return -1;
            }
            start = 0;
            continue;
        }
        start = 0;
        if (c == delim) {
            start = 1;
        } else if (c == '\n') {
            start = 1;
            line++;
        }
        i++;
    }
    return 0;
}
