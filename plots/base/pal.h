/* pal.h - colour palettes for choropleth maps and charts.
 *
 * Schemes: the ColorBrewer schemes (Cynthia Brewer, Apache-2.0) with their
 * published tables for each class count -
 *   sequential  Blues Greens Greys Oranges Purples Reds BuGn BuPu GnBu OrRd
 *               PuBu PuBuGn PuRd RdPu YlGn YlGnBu YlOrBr YlOrRd (3..9)
 *   diverging   BrBG PiYG PRGn PuOr RdBu RdGy RdYlBu RdYlGn Spectral (3..11)
 *   qualitative Accent Dark2 Pastel2 Set2 (3..8), Pastel1 Set1 (3..9),
 *               Paired Set3 (3..12)
 * - and the continuous sequential colour maps viridis and cividis
 * (matplotlib's 256-entry tables, sampled; 1..PAL_K_MAX colours).
 * Light colours mean low values in every sequential ColorBrewer scheme;
 * viridis and cividis run dark to light (reverse them for light = low).
 *
 * ColorBrewer has no 1- or 2-class tables; for k = 1 and 2 (which
 * classification can produce when data have few distinct values) the
 * 3-class table gives: k = 1 -> its middle colour (sequential, diverging)
 * or first colour (qualitative); k = 2 -> its outer colours (sequential,
 * diverging) or first two (qualitative).
 *
 * Safety flags per class count, from ColorBrewer's published table
 * (colour-blind safe, print safe, photocopy = greyscale safe): PAL_YES,
 * PAL_MAYBE or PAL_NO. k = 1, 2 take the 3-class flags. viridis and cividis
 * are perceptually uniform with monotonic lightness and are flagged safe
 * in all three respects for every k.
 *
 * Schemes are static: pointers stay valid for the whole program.
 */
#ifndef DNW_PAL_H
#define DNW_PAL_H

#include <stddef.h>
#include <stdint.h>

/* Most colours pal_colors hands out for a continuous scheme. */
#define PAL_K_MAX 256

typedef struct {
    uint8_t r, g, b;
} pal_rgb;

typedef enum { PAL_SEQUENTIAL = 0, PAL_DIVERGING, PAL_QUALITATIVE } pal_kind;

typedef enum { PAL_NO = 0, PAL_YES = 1, PAL_MAYBE = 2 } pal_flag;

typedef struct {
    pal_flag colorblind; /* distinguishable with common colour blindness */
    pal_flag print;      /* distinguishable when printed (CMYK) */
    pal_flag greyscale;  /* distinguishable on a greyscale photocopy */
} pal_safety;

typedef struct pal_scheme pal_scheme; /* opaque, static */

/* Scheme by name, case-insensitive ("ylgnbu", "Viridis"). Returns NULL
 * with an ERR_RECIPE error listing every name when it is unknown. */
const pal_scheme *pal_find(const char *name);

/* Number of schemes and scheme i (0-based; NULL when out of range), for
 * listing them. */
size_t pal_count(void);
const pal_scheme *pal_at(size_t i);

/* Properties of a scheme. */
const char *pal_name(const pal_scheme *s);
pal_kind pal_kind_of(const pal_scheme *s);
int pal_is_continuous(const pal_scheme *s);
/* Most colours the scheme gives (ColorBrewer: its largest table;
 * continuous: PAL_K_MAX). */
int pal_k_max(const pal_scheme *s);

/* Safety flags of the scheme used with k colours (all PAL_NO when k is
 * outside 1..pal_k_max). */
pal_safety pal_safety_of(const pal_scheme *s, int k);

/* Writes k colours of the scheme, light (low) to dark (high) for
 * sequential ColorBrewer schemes, into out[0..k). Continuous schemes are
 * sampled evenly over their whole range (t = i/(k-1); k = 1 takes the
 * middle). Returns 0, or -1 with an ERR_RECIPE error when k < 1 or k
 * exceeds pal_k_max (ColorBrewer tables are never stretched). */
int pal_colors(const pal_scheme *s, int k, pal_rgb *out);

/* Reverses c[0..k) in place. */
void pal_reverse(pal_rgb *c, int k);

/* Colours for k classes with breaks b[0..k] from a diverging scheme so
 * that the class containing `centre` gets the neutral middle colour and
 * the classes on each side step away from it at the same pace, however
 * many there are on each side (the shorter side simply stops before the
 * darkest colour). With s = the larger side, the (2s+1)-colour table is
 * used. When the centre equals a break exactly (e.g. the mean as a
 * stddev break) no class is neutral: the classes below and above meet at
 * the centre and the 2s-colour table is used. A centre outside [b0, bk]
 * puts every class on one side. reversed = 1 runs the scheme the other
 * way (e.g. blue for low with RdBu). Returns 0, or -1 with an ERR_RECIPE
 * error for a scheme that is not diverging, bad breaks, or more classes on
 * one side than the scheme has colours (at most 5 with 11-colour tables). */
int pal_diverging_centered(const pal_scheme *s, const double *breaks, int k,
                           double centre, int reversed, pal_rgb *out);

/* The default sequential scheme: YlGnBu. ColorBrewer made it for maps;
 * its published flags say colour-blind safe for every k and print safe
 * up to 5 classes (the default class count; "maybe" for 6..8), and it runs
 * light = low to dark = high as map readers expect, with a dark end that
 * keeps black boundaries and labels legible where viridis's near-black
 * purple would swallow them. Never NULL. */
const pal_scheme *pal_default_sequential(void);

/* The default diverging scheme: RdBu (colour-blind safe, print safe up to
 * 6 classes). Never NULL. */
const pal_scheme *pal_default_diverging(void);

/* Fixed greys. Missing values: #c8c8c8. "Secret" (CBS geheim) is drawn
 * as the missing grey with hatching in pal_secret_hatch(): #7d7d7d. The
 * grey of context areas is DRAW_CONTEXT (draw.h). */
pal_rgb pal_missing(void);
pal_rgb pal_secret_hatch(void);

/* WCAG 2 relative luminance (0 black .. 1 white) of an sRGB colour. */
double pal_luminance(pal_rgb c);

/* WCAG 2 contrast ratio (1..21) between two colours. */
double pal_contrast(pal_rgb a, pal_rgb b);

/* Label text colour for a fill: black or white, whichever contrasts more
 * (white below a luminance of about 0.18). */
pal_rgb pal_label_color(pal_rgb fill);

/* Writes "#rrggbb" (8 bytes with the NUL) into out. */
void pal_hex(pal_rgb c, char out[8]);

/* Parses "#rrggbb", "rrggbb" or "#rgb". Returns 0, or -1 with an
 * ERR_RECIPE error. */
int pal_parse_hex(const char *s, pal_rgb *out);

#endif
