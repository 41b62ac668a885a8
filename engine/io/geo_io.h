/* geo_io.h - the boundary between the command and the GDAL/PROJ part of the
 * io layer (see plugin.h).
 *
 * in_ogr.c, reproj.c, out_gpkg.c, out_style.c and geo_io_entry.c form that
 * part: in the default build they go into dnawijk-geo.so, which exports
 * the table below as `dnw_geo_io_api`; geo_io_stub.c, in the command,
 * defines the public functions of in_ogr.h, reproj.h and out_gpkg (out.h)
 * by forwarding to the table, loading the module on first use. Nothing else
 * in the io layer includes a GDAL or PROJ header: GDAL's virtual files
 * ("/vsigzip/", "/vsizip/") are read through the geo_vfile functions here.
 */
#ifndef DNW_GEO_IO_H
#define DNW_GEO_IO_H

#include <stddef.h>
#include <stdio.h>

#include "in_ogr.h"
#include "out.h"
#include "reproj.h"

/* Bump when the table changes: a module of another version is refused. */
#define GEO_IO_ABI 1

typedef struct {
    int abi; /* GEO_IO_ABI */
    tbl *(*in_ogr_read)(const char *, const char *, const src_options *);
    tbl *(*in_ogr_read_mode)(const char *, const char *, const src_options *,
                             int);
    int (*in_ogr_list_layers)(const char *, char ***, size_t *);
    void (*in_ogr_free_names)(char **, size_t);
    int (*in_ogr_layer_info)(const char *, const char *, in_ogr_info *);
    void (*in_ogr_info_free)(in_ogr_info *);
    reproj *(*reproj_new)(const char *, const char *);
    void (*reproj_free)(reproj *);
    reproj *(*reproj_acquire)(const char *, const char *);
    void (*reproj_release)(reproj *);
    void (*reproj_cache_clear)(void);
    int (*reproj_is_identity)(const reproj *);
    int (*reproj_apply)(reproj *, double *, size_t);
    size_t (*reproj_apply_raw)(reproj *, double *, size_t, size_t *);
    void (*reproj_set_threads)(reproj *, int);
    char *(*reproj_crs_name)(const char *);
    int (*out_gpkg)(const char *, const out_table *, size_t,
                    const out_style *, size_t);
    /* GDAL virtual files (VSIFOpenL "rb", VSIFReadL, VSIFEofL,
     * VSIFCloseL) and VSIReadDirRecursive (the list freed by dir_free) */
    void *(*vsi_open)(const char *);
    size_t (*vsi_read)(void *, size_t, void *);
    int (*vsi_eof)(void *);
    void (*vsi_close)(void *);
    char **(*vsi_read_dir)(const char *);
    void (*vsi_dir_free)(char **);
} geo_io_api;

/* A file read either with stdio (a plain path) or through GDAL's virtual
 * file system (a path starting with "/vsi", which loads the module). Lives
 * on the caller's stack; no allocation of ours. */
typedef struct {
    FILE *f;
    void *vsi;
} geo_vfile;

/* Opens path for reading. Returns 0, or -1 when it cannot be opened (no
 * error set: callers word their own message; a module that cannot be
 * loaded reads as a file that cannot be opened). */
int geo_vfile_open(geo_vfile *vf, const char *path);

/* Reads up to n bytes into buf; returns the count, 0 at the end or on a
 * read error (geo_vfile_eof tells which). */
size_t geo_vfile_read(geo_vfile *vf, void *buf, size_t n);

/* geo_vfile_read as an fs_reader (fsutil.h) for fs_read_all; vf is a
 * geo_vfile *. Never fails: a read error just ends early (geo_vfile_eof
 * tells). */
long geo_vfile_reader(void *vf, void *buf, size_t n);

/* 1 when the end was reached (not a read or decompression error). */
int geo_vfile_eof(geo_vfile *vf);

/* Closes an opened file. */
void geo_vfile_close(geo_vfile *vf);

/* The names of every file and folder inside a GDAL virtual folder
 * ("/vsizip/x.zip"), folders ending in '/', as a NULL-terminated list freed
 * with geo_vsi_dir_free; NULL when it cannot be listed or the module cannot
 * be loaded (no error set). */
char **geo_vsi_read_dir(const char *path);

/* Frees a list of geo_vsi_read_dir (NULL is fine). */
void geo_vsi_dir_free(char **list);

#endif
