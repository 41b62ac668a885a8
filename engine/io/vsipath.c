/* vsipath.c - compressed sources through GDAL's VSI; see vsipath.h. */
#include "vsipath.h"

#include "geo_io.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* 1 when name ends with ext (case-insensitive). */
static int ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* Appends "/<member>" to out when the zip at out holds exactly one file
 * (folders do not count). GDAL allocates the listing; freed here. Loads
 * the GDAL module (see geo_io.h). */
static void append_only_member(char *out, size_t size, const char **inner)
{
    char **list = geo_vsi_read_dir(out);
    const char *only = NULL;
    int files = 0;
    for (int k = 0; list && list[k]; k++) {
        size_t n = strlen(list[k]);
        if (n && list[k][n - 1] == '/')
            continue;
        files++;
        only = list[k];
    }
    size_t used = strlen(out);
    if (files == 1 && used + 1 + strlen(only) < size) {
        snprintf(out + used, size - used, "/%s", only);
        *inner = out + used + 1;
    }
    geo_vsi_dir_free(list);
}

int vsi_path(const char *file, char *out, size_t size, const char **inner)
{
    const char *dummy;
    if (!inner)
        inner = &dummy;
    *inner = file;
    if (!file || strncmp(file, "/vsi", 4) == 0)
        return 0;
    int gz = ends_with(file, ".gz"), zip = ends_with(file, ".zip");
    if (!gz && !zip)
        return 0;
    const char *pre = gz ? "/vsigzip/" : "/vsizip/";
    if ((size_t)snprintf(out, size, "%s%s", pre, file) >= size)
        return 0;
    if (gz)
        return 1; /* *inner stays file: src_is_csv looks through ".gz" */
    *inner = file;
    append_only_member(out, size, inner);
    return 1;
}
