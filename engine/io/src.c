/* src.c - reading a source through the right reader and the cache; see src.h. */
#include "src.h"

#include "cache.h"
#include "in_csv.h"
#include "err.h"
#include "in_json.h"
#include "in_ogr.h"
#include "vsipath.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

int src_is_csv(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = strlen(path);
    if (n > 3 && !strcasecmp(path + n - 3, ".gz"))
        n -= 3; /* x.csv.gz */
    const char *dot = NULL;
    for (size_t k = n; k-- > 0;)
        if (path[k] == '.') {
            dot = path + k;
            break;
        }
    if (!dot || (slash && dot < slash))
        return 0;
    size_t e = n - (size_t)(dot - path);
    return e == 4 && (!strncasecmp(dot, ".csv", 4) ||
                      !strncasecmp(dot, ".tsv", 4) ||
                      !strncasecmp(dot, ".txt", 4));
}

int src_is_single_table(const char *file)
{
    char vpath[4096 + 64];
    const char *inner = file;
    int rewritten = vsi_path(file, vpath, sizeof vpath, &inner);
    return src_is_csv(inner) ||
           in_json_is_records(rewritten ? vpath : file);
}

const char *src_split_layer(const char *path, char *file, size_t size)
{
    const char *hash = strrchr(path, '#');
    /* a '#' inside a folder name is not a layer separator, nor is one in
     * the name of a file that exists as written */
    struct stat st;
    if (hash && (strchr(hash, '/') || stat(path, &st) == 0))
        hash = NULL;
    size_t n = hash ? (size_t)(hash - path) : strlen(path);
    if (n >= size)
        n = size - 1;
    memcpy(file, path, n);
    file[n] = '\0';
    return hash && hash[1] ? hash + 1 : NULL;
}

tbl *src_read(const char *path, const src_options *opt_in)
{
    src_options defaults;
    if (!opt_in) {
        src_options_init(&defaults);
        opt_in = &defaults;
    }
    char file[4096];
    const char *layer = src_split_layer(path, file, sizeof file);
    struct stat st;
    if (strncmp(file, "/vsi", 4) != 0 && stat(file, &st) == 0 &&
        !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        /* a device or FIFO: /dev/zero would be read until memory runs out,
         * a FIFO would wait for a writer */
        err_set(ERR_IO, file, 0, NULL,
                "this is not a regular file (a device, FIFO or socket); "
                "name a data file on disk");
        return NULL;
    }
    int use_cache = !opt_in->no_cache && !cache_disabled() &&
                    strncmp(file, "/vsi", 4) != 0;
    char key[2048];
    if (use_cache) {
        size_t need = src_options_key(opt_in, key, sizeof key);
        size_t used = strlen(key);
        if (need >= sizeof key ||
            snprintf(key + used, sizeof key - used, "|layer=%s",
                     layer ? layer : "") >= (int)(sizeof key - used))
            use_cache = 0; /* too long to key reliably: just read */
        else {
            tbl *t = cache_load(file, key);
            if (t)
                return t;
        }
    }
    char vpath[4096 + 64];
    const char *inner = file;
    int rewritten = vsi_path(file, vpath, sizeof vpath, &inner);
    const char *rpath = rewritten ? vpath : file;
    tbl *t;
    if (src_is_csv(inner))
        t = in_csv_read(rpath, opt_in);
    else if (in_json_is_records(rpath))
        t = in_json_read(rpath, file, layer);
    else
        t = in_ogr_read(file, layer, opt_in);
    if (!t)
        return NULL;
    if (use_cache) {
        err_freeze(); /* a cache that cannot be written only costs speed */
        cache_store(file, key, t);
        err_thaw_discard();
    }
    return t;
}
