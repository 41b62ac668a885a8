/* fuzz_ogr.c - libFuzzer harness of the OGR reader: the first byte picks
 * the file name's extension (GeoJSON, GeoPackage, TopoJSON as .json), the
 * rest is the file, read from GDAL's /vsimem/; a table or an error, never
 * a crash in dnawijk's code. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include "err.h"
#include "in_ogr.h"
#include "srcopt.h"
#include "tbl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    CPLSetErrorHandler(CPLQuietErrorHandler);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 20)
        return 0;
    static const char *const ext[] = {"geojson", "gpkg", "json"};
    char path[64];
    snprintf(path, sizeof path, "/vsimem/fuzz.%s", ext[data[0] % 3]);
    VSILFILE *f = VSIFileFromMemBuffer(path, (GByte *)(uintptr_t)(data + 1),
                                       (vsi_l_offset)(size - 1), FALSE);
    if (!f)
        return 0;
    VSIFCloseL(f);
    src_options o;
    src_options_init(&o);
    o.no_cache = 1;
    o.target_crs = "";
    err_clear();
    tbl *t = in_ogr_read(path, NULL, &o);
    tbl_free(t);
    err_clear();
    VSIUnlink(path);
    return 0;
}
