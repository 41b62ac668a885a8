/* geo_calc_entry.c - the table of GEOS entry points dnawijk-geo.so exports
 * (see geo_calc.h). */
#include "geo_calc.h"

__attribute__((visibility("default")))
const geo_calc_api dnw_geo_calc_api = {
    .abi = GEO_CALC_ABI,
    .overlay_areas = overlay_areas,
    .overlay_apportion = overlay_apportion,
    .overlay_free = overlay_free,
    .overlay_point_weights = overlay_point_weights,
};
