/* geo_io_stub.c - the command's side of the GDAL/PROJ boundary; see
 * geo_io.h. With DNW_GEO_PLUGIN (the default build) the public functions of
 * in_ogr.h, reproj.h and out_gpkg forward to dnawijk-geo.so, loaded on first
 * use; without it that code is linked in and only the virtual-file helpers
 * are defined here. */
#include "geo_io.h"

#include "err.h"
#include "plugin.h"

#include <string.h>

#ifdef DNW_GEO_PLUGIN
/* The module's table, loading it on first use. NULL with ERR_IO set when it
 * cannot be loaded or is of another version. */
static const geo_io_api *api(void)
{
    static const void *cached;
    return plugin_table(&cached, "dnw_geo_io_api", GEO_IO_ABI, "GDAL/PROJ");
}

/* The table only when the module is already loaded (for the functions that
 * free what it made: without the module there is nothing to free). */
static const geo_io_api *api_if_loaded(void)
{
    return plugin_loaded() ? api() : NULL;
}

/* GEO_FORWARD(type, name, fail, (params), (args)) defines the public
 * function name(params), which loads the module and returns its
 * name(args), or fail when the module cannot be loaded (ERR_IO set by
 * api()). */
#define GEO_FORWARD(type, name, fail, params, args)                       \
    type name params                                                      \
    {                                                                     \
        const geo_io_api *a = api();                                      \
        return a ? a->name args : (fail);                                 \
    }

/* GEO_FORWARD_FREE(name, (params), (args)) defines the destructor
 * name(params), which calls the module's name(args) only when the module
 * is loaded (without it nothing was made that needs freeing). */
#define GEO_FORWARD_FREE(name, params, args)                              \
    void name params                                                      \
    {                                                                     \
        const geo_io_api *a = api_if_loaded();                            \
        if (a)                                                            \
            a->name args;                                                 \
    }

GEO_FORWARD(tbl *, in_ogr_read, NULL,
            (const char *file, const char *layer, const src_options *opt),
            (file, layer, opt))
GEO_FORWARD(tbl *, in_ogr_read_mode, NULL,
            (const char *file, const char *layer, const src_options *opt,
             int per_geometry),
            (file, layer, opt, per_geometry))
GEO_FORWARD(int, in_ogr_list_layers, -1,
            (const char *file, char ***names, size_t *n), (file, names, n))
GEO_FORWARD_FREE(in_ogr_free_names, (char **names, size_t n), (names, n))

int in_ogr_layer_info(const char *file, const char *layer, in_ogr_info *info)
{
    memset(info, 0, sizeof *info);
    const geo_io_api *a = api();
    return a ? a->in_ogr_layer_info(file, layer, info) : -1;
}

GEO_FORWARD_FREE(in_ogr_info_free, (in_ogr_info *info), (info))
GEO_FORWARD(reproj *, reproj_new, NULL, (const char *src, const char *dst),
            (src, dst))
GEO_FORWARD_FREE(reproj_free, (reproj *r), (r))
GEO_FORWARD(reproj *, reproj_acquire, NULL,
            (const char *src, const char *dst), (src, dst))
GEO_FORWARD_FREE(reproj_release, (reproj *r), (r))
GEO_FORWARD_FREE(reproj_cache_clear, (void), ())

/* The reproj functions below take a reproj made by the module, so it is
 * loaded when they are called. */
int reproj_is_identity(const reproj *r) { return api()->reproj_is_identity(r); }

int reproj_apply(reproj *r, double *xy, size_t n)
{
    return api()->reproj_apply(r, xy, n);
}

size_t reproj_apply_raw(reproj *r, double *xy, size_t n, size_t *first_bad)
{
    return api()->reproj_apply_raw(r, xy, n, first_bad);
}

void reproj_set_threads(reproj *r, int nthreads)
{
    api()->reproj_set_threads(r, nthreads);
}

GEO_FORWARD(char *, reproj_crs_name, NULL, (const char *crs), (crs))
GEO_FORWARD(int, out_gpkg, -1,
            (const char *path, const out_table *tables, size_t n,
             const out_style *styles, size_t n_styles),
            (path, tables, n, styles, n_styles))
#else
extern const geo_io_api dnw_geo_io_api;

/* The linked-in table. */
static const geo_io_api *api(void) { return &dnw_geo_io_api; }
#endif

/* api() for the virtual-file helpers, which report failure without an
 * error of their own. */
static const geo_io_api *api_quiet(void)
{
    err_freeze();
    const geo_io_api *a = api();
    err_thaw_discard();
    return a;
}

int geo_vfile_open(geo_vfile *vf, const char *path)
{
    vf->f = NULL;
    vf->vsi = NULL;
    if (strncmp(path, "/vsi", 4) != 0) {
        vf->f = fopen(path, "rb");
        return vf->f ? 0 : -1;
    }
    const geo_io_api *a = api_quiet();
    vf->vsi = a ? a->vsi_open(path) : NULL;
    return vf->vsi ? 0 : -1;
}

size_t geo_vfile_read(geo_vfile *vf, void *buf, size_t n)
{
    if (vf->f)
        return fread(buf, 1, n, vf->f);
    return api()->vsi_read(buf, n, vf->vsi);
}

long geo_vfile_reader(void *vf, void *buf, size_t n)
{
    return (long)geo_vfile_read(vf, buf, n);
}

int geo_vfile_eof(geo_vfile *vf)
{
    if (vf->f)
        return feof(vf->f) && !ferror(vf->f);
    return api()->vsi_eof(vf->vsi);
}

void geo_vfile_close(geo_vfile *vf)
{
    if (vf->f)
        fclose(vf->f);
    else if (vf->vsi)
        api()->vsi_close(vf->vsi);
    vf->f = NULL;
    vf->vsi = NULL;
}

char **geo_vsi_read_dir(const char *path)
{
    const geo_io_api *a = api_quiet();
    return a ? a->vsi_read_dir(path) : NULL;
}

void geo_vsi_dir_free(char **list)
{
    if (list)
        api()->vsi_dir_free(list);
}
