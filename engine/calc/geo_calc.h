/* geo_calc.h - the boundary between the command and the GEOS part of the
 * calc layer (see plugin.h): overlay.c goes into dnawijk-geo.so, which
 * exports the table below as `dnw_geo_calc_api`; geo_calc_stub.c defines
 * the functions of overlay.h in the command by forwarding to it. */
#ifndef DNW_GEO_CALC_H
#define DNW_GEO_CALC_H

#include "overlay.h"

/* Bump when the table changes. */
#define GEO_CALC_ABI 2

typedef struct {
    int abi; /* GEO_CALC_ABI */
    int (*overlay_areas)(const tbl_col *, size_t, const tbl_col *, size_t,
                         const uint8_t *, const char *, const char *,
                         overlay_result *);
    int (*overlay_apportion)(const overlay_result *, const tbl_col *, int,
                             double *, uint8_t *);
    void (*overlay_free)(overlay_result *);
    int (*overlay_point_weights)(overlay_result *, const int32_t *,
                                 const int32_t *, size_t);
} geo_calc_api;

#endif
