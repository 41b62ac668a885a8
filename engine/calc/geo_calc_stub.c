/* geo_calc_stub.c - the command's side of the GEOS boundary; see
 * geo_calc.h. Only in the default build (DNW_GEO_PLUGIN); otherwise
 * overlay.c is linked in and this file is empty. */
#include "geo_calc.h"

#ifdef DNW_GEO_PLUGIN
#include "err.h"
#include "plugin.h"

#include <string.h>

/* The module's table, loading it on first use. NULL with ERR_IO set when it
 * cannot be loaded or is of another version. */
static const geo_calc_api *api(void)
{
    static const void *cached;
    return plugin_table(&cached, "dnw_geo_calc_api", GEO_CALC_ABI, "GEOS");
}

int overlay_areas(const tbl_col *ug, size_t n_units, const tbl_col *sg,
                  size_t n_src, const uint8_t *keep, const char *file,
                  const char *what, overlay_result *out)
{
    memset(out, 0, sizeof *out);
    const geo_calc_api *a = api();
    return a ? a->overlay_areas(ug, n_units, sg, n_src, keep, file, what, out)
             : -1;
}

int overlay_apportion(const overlay_result *o, const tbl_col *col, int count,
                      double *v, uint8_t *m)
{
    const geo_calc_api *a = api();
    return a ? a->overlay_apportion(o, col, count, v, m) : -1;
}

int overlay_point_weights(overlay_result *o, const int32_t *unit_of,
                          const int32_t *src_of, size_t n_points)
{
    const geo_calc_api *a = api();
    return a ? a->overlay_point_weights(o, unit_of, src_of, n_points) : -1;
}

void overlay_free(overlay_result *o)
{
    if (!plugin_loaded()) {
        memset(o, 0, sizeof *o); /* nothing was made without the module */
        return;
    }
    const geo_calc_api *a = api();
    if (a)
        a->overlay_free(o);
}
#else
/* keeps the translation unit non-empty */
typedef int geo_calc_stub_unused;
#endif
