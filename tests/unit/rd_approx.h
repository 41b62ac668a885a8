/* rd_approx.h - independent reference for RD New <-> WGS84 in the tests.
 *
 * The published approximation polynomials of Schreutelkamp & Strang van
 * Hees ("Benaderingsformules voor de transformatie tussen RD- en
 * WGS84-kaartcoordinaten"), written out without PROJ. They agree with
 * PROJ's Helmert-based EPSG:4326 -> EPSG:28992 to about 0.3 m over the
 * Netherlands (checked against cs2cs at seven places), so tests compare
 * with a 1 m tolerance.
 */
#ifndef DNW_RD_APPROX_H
#define DNW_RD_APPROX_H

#include <math.h>
#include <stddef.h>

/* WGS84 lon/lat -> RD x/y by the approximation polynomials. */
static inline void approx_wgs_to_rd(double lon, double lat, double *x,
                                    double *y)
{
    static const struct { int p, q; double v; } R[] = {
        {0, 1, 190094.945}, {1, 1, -11832.228}, {2, 1, -114.221},
        {0, 3, -32.391},    {1, 0, -0.705},     {3, 1, -2.340},
        {1, 3, -0.608},     {0, 2, -0.008},     {2, 3, 0.148}};
    static const struct { int p, q; double v; } S[] = {
        {1, 0, 309056.544}, {0, 2, 3638.893}, {2, 0, 73.077},
        {1, 2, -157.984},   {3, 0, 59.788},   {0, 1, 0.433},
        {2, 2, -6.439},     {1, 1, -0.032},   {0, 4, 0.092},
        {1, 4, -0.054}};
    double dp = 0.36 * (lat - 52.15517440), dl = 0.36 * (lon - 5.38720621);
    *x = 155000;
    *y = 463000;
    for (size_t k = 0; k < sizeof R / sizeof R[0]; k++)
        *x += R[k].v * pow(dp, R[k].p) * pow(dl, R[k].q);
    for (size_t k = 0; k < sizeof S / sizeof S[0]; k++)
        *y += S[k].v * pow(dp, S[k].p) * pow(dl, S[k].q);
}

/* RD x/y -> WGS84 lon/lat by the approximation polynomials. */
static inline void approx_rd_to_wgs(double x, double y, double *lon,
                                    double *lat)
{
    static const struct { int p, q; double v; } K[] = {
        {0, 1, 3235.65389}, {2, 0, -32.58297}, {0, 2, -0.24750},
        {2, 1, -0.84978},   {0, 3, -0.06550},  {2, 2, -0.01709},
        {1, 0, -0.00738},   {4, 0, 0.00530},   {2, 3, -0.00039},
        {4, 1, 0.00033},    {1, 1, -0.00012}};
    static const struct { int p, q; double v; } L[] = {
        {1, 0, 5260.52916}, {1, 1, 105.94684}, {1, 2, 2.45656},
        {3, 0, -0.81885},   {1, 3, 0.05594},   {3, 1, -0.05607},
        {0, 1, 0.01199},    {3, 2, -0.00256},  {1, 4, 0.00128},
        {0, 2, 0.00022},    {2, 0, -0.00022},  {5, 0, 0.00026}};
    double dx = (x - 155000) * 1e-5, dy = (y - 463000) * 1e-5;
    double a = 0, b = 0;
    for (size_t k = 0; k < sizeof K / sizeof K[0]; k++)
        a += K[k].v * pow(dx, K[k].p) * pow(dy, K[k].q);
    for (size_t k = 0; k < sizeof L / sizeof L[0]; k++)
        b += L[k].v * pow(dx, L[k].p) * pow(dy, L[k].q);
    *lat = 52.15517440 + a / 3600;
    *lon = 5.38720621 + b / 3600;
}

#endif
