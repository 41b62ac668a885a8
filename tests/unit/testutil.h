/* testutil.h - small file and timing helpers shared by the unit tests and
 * the benchmarks (one copy instead of one per test file). All are static
 * inline, so a test includes this header and uses what it needs.
 */
#ifndef DNW_TESTUTIL_H
#define DNW_TESTUTIL_H

#include <dirent.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* nftw callback of rm_rf: removes one entry. */
static inline int tu_rm_entry(const char *p, const struct stat *sb, int flag,
                              struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

/* Removes a folder tree (a missing one is fine). */
static inline void rm_rf(const char *dir)
{
    nftw(dir, tu_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Writes len bytes of data to path as a new file. Returns 0 or -1.
 * (Removing the old file first avoids ext4's flush-on-truncate.) */
static inline int write_file(const char *path, const void *data, size_t len)
{
    unlink(path);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

/* Reads a whole file: malloc'd bytes (caller frees) and their count in
 * *len, or NULL when the file cannot be read completely. */
static inline unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(n > 0 ? (size_t)n : 1);
    if (b && n >= 0 && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = n > 0 ? (size_t)n : 0;
    return b;
}

/* 1 when both files can be read, are not empty and hold the same bytes. */
static inline int same_file(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    unsigned char *x = read_file(a, &na), *y = read_file(b, &nb);
    int same = x && y && na == nb && na > 0 && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

/* Makes a new folder from the mkdtemp template tmpl ("...XXXXXX", changed
 * in place to the folder's name). Returns 0, or -1 with the reason on
 * stderr. */
static inline int make_temp_dir(char *tmpl)
{
    if (mkdtemp(tmpl))
        return 0;
    perror("mkdtemp");
    return -1;
}

/* 1 when path exists. */
static inline int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Number of entries of folder dir whose name contains needle, or -1. */
static inline int count_names(const char *dir, const char *needle)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strstr(e->d_name, needle) != NULL;
    closedir(d);
    return n;
}

/* Monotonic wall-clock seconds. */
static inline double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds used by the process so far (all threads). */
static inline double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The next number in [0, 1) of the xorshift64 stream *state (seed it with
 * any nonzero value): deterministic synthetic data for benchmarks. */
static inline double xorshift_uniform(uint64_t *state)
{
    uint64_t s = *state;
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    *state = s;
    return (double)(s >> 11) / 9007199254740992.0;
}

/* qsort comparison of doubles, ascending. */
static inline int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of n values (sorts v in place). */
static inline double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

#endif
