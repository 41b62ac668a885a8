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

tbl *in_ogr_read(const char *file, const char *layer, const src_options *opt)
{
    const geo_io_api *a = api();
    return a ? a->in_ogr_read(file, layer, opt) : NULL;
}

tbl *in_ogr_read_mode(const char *file, const char *layer,
                      const src_options *opt, int per_geometry)
{
    const geo_io_api *a = api();
    return a ? a->in_ogr_read_mode(file, layer, opt, per_geometry) : NULL;
}

int in_ogr_list_layers(const char *file, char ***names, size_t *n)
{
    const geo_io_api *a = api();
    return a ? a->in_ogr_list_layers(file, names, n) : -1;
}

void in_ogr_free_names(char **names, size_t n)
{
    const geo_io_api *a = api_if_loaded();
    if (a)
        a->in_ogr_free_names(names, n);
}

int in_ogr_layer_info(const char *file, const char *layer, in_ogr_info *info)
{
    memset(info, 0, sizeof *info);
    const geo_io_api *a = api();
    return a ? a->in_ogr_layer_info(file, layer, info) : -1;
}

void in_ogr_info_free(in_ogr_info *info)
{
    const geo_io_api *a = api_if_loaded();
    if (a)
        a->in_ogr_info_free(info);
}

reproj *reproj_new(const char *src, const char *dst)
{
    const geo_io_api *a = api();
    return a ? a->reproj_new(src, dst) : NULL;
}

void reproj_free(reproj *r)
{
    const geo_io_api *a = api_if_loaded();
    if (a)
        a->reproj_free(r);
}

reproj *reproj_acquire(const char *src, const char *dst)
{
    const geo_io_api *a = api();
    return a ? a->reproj_acquire(src, dst) : NULL;
}

void reproj_release(reproj *r)
{
    const geo_io_api *a = api_if_loaded();
    if (a)
        a->reproj_release(r);
}

void reproj_cache_clear(void)
{
    const geo_io_api *a = api_if_loaded();
    if (a)
        a->reproj_cache_clear();
}

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

char *reproj_crs_name(const char *crs)
{
    const geo_io_api *a = api();
    return a ? a->reproj_crs_name(crs) : NULL;
}

int out_gpkg(const char *path, const out_table *tables, size_t n,
             const out_style *styles, size_t n_styles)
{
    const geo_io_api *a = api();
    return a ? a->out_gpkg(path, tables, n, styles, n_styles) : -1;
}
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
