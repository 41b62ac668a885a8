/* geo_io_entry.c - the module's side of the GDAL/PROJ boundary: the table
 * of entry points dnawijk-geo.so exports (see geo_io.h), and GDAL's virtual
 * files for the readers that stay in the command. */
#include "geo_io.h"

#include <cpl_string.h>
#include <cpl_vsi.h>

/* VSIFOpenL(path, "rb"). */
static void *vsi_open(const char *path) { return VSIFOpenL(path, "rb"); }

/* VSIFReadL of n bytes. */
static size_t vsi_read(void *buf, size_t n, void *fp)
{
    return VSIFReadL(buf, 1, n, fp);
}

/* VSIFEofL. */
static int vsi_eof(void *fp) { return VSIFEofL(fp) != 0; }

/* VSIFCloseL. */
static void vsi_close(void *fp) { VSIFCloseL(fp); }

/* VSIReadDirRecursive; GDAL allocates the list. */
static char **vsi_read_dir(const char *path) { return VSIReadDirRecursive(path); }

/* CSLDestroy. */
static void vsi_dir_free(char **list) { CSLDestroy(list); }

__attribute__((visibility("default")))
const geo_io_api dnw_geo_io_api = {
    .abi = GEO_IO_ABI,
    .in_ogr_read = in_ogr_read,
    .in_ogr_read_mode = in_ogr_read_mode,
    .in_ogr_list_layers = in_ogr_list_layers,
    .in_ogr_free_names = in_ogr_free_names,
    .in_ogr_layer_info = in_ogr_layer_info,
    .in_ogr_info_free = in_ogr_info_free,
    .reproj_new = reproj_new,
    .reproj_free = reproj_free,
    .reproj_acquire = reproj_acquire,
    .reproj_release = reproj_release,
    .reproj_cache_clear = reproj_cache_clear,
    .reproj_is_identity = reproj_is_identity,
    .reproj_apply = reproj_apply,
    .reproj_apply_raw = reproj_apply_raw,
    .reproj_set_threads = reproj_set_threads,
    .reproj_crs_name = reproj_crs_name,
    .out_gpkg = out_gpkg,
    .vsi_open = vsi_open,
    .vsi_read = vsi_read,
    .vsi_eof = vsi_eof,
    .vsi_close = vsi_close,
    .vsi_read_dir = vsi_read_dir,
    .vsi_dir_free = vsi_dir_free,
};
