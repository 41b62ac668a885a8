/* numfmt.h - number formatting for Dutch (and English) maps and sheets.
 *
 * Dutch: "1.234,5", "-0,3", "12.345.678"; English: "1,234.5". Thousands are
 * grouped from four digits on ("1.000"). The minus sign is ASCII '-'.
 *
 * Rounding: half away from zero, applied to the value as it is written
 * with 15 significant digits (what Excel shows and what the analyst
 * typed), not to its exact binary value. So 0.125 -> "0,13", 2.675 ->
 * "2,68" and 1.005 -> "1,01" (the doubles nearest 2.675 and 1.005 lie just
 * below them; printf would give 2.67 and 1.00), and binary noise such as
 * 0.1 + 0.2 = 0.30000000000000004 disappears. A result that rounds to zero
 * never shows a sign: -0.04 with one decimal is "0,0", -0.0 is "0".
 *
 * Units: Dutch puts a no-break space (U+00A0) between number and unit,
 * also before "%" ("12 %", as the Taalunie and SI style allow and CBS
 * tables use), so the unit never wraps away from its number; U+00A0 is in
 * every font, unlike the narrow U+202F. English writes "12%" without a
 * space and other units with a no-break space ("12 km").
 *
 * All functions write a NUL-terminated UTF-8 string into buf (size n) and
 * return 0, or -1 with an error set (ERR_RECIPE for decimals outside
 * 0..NUMFMT_MAX_DECIMALS, ERR_RENDER for a non-finite value or a buffer
 * that is too small; buf then holds "" when n > 0). They never allocate.
 */
#ifndef DNW_NUMFMT_H
#define DNW_NUMFMT_H

#include <stddef.h>

#define NUMFMT_MAX_DECIMALS 15

/* From this magnitude on (beyond 15 significant digits, so beyond any
 * count dnawijk meets) numbers are written "1,23 × 10³²": three
 * significant digits and a superscript exponent, whatever the decimals
 * asked for. So every finite double formats in at most NUMFMT_SHORT_MAX
 * bytes (plus a unit), and a map of values around 1e32 or 1e308 is drawn
 * instead of failing on a short buffer. */
#define NUMFMT_SCI_FROM 1e15
#define NUMFMT_SHORT_MAX 48

/* UTF-8 of the characters used. */
#define NUMFMT_NBSP "\xC2\xA0"   /* U+00A0 no-break space */
#define NUMFMT_NDASH "\xE2\x80\x93" /* U+2013 en dash */
#define NUMFMT_LE "\xE2\x89\xA4"    /* U+2264 less-than or equal to */

typedef enum { NUMFMT_NL = 0, NUMFMT_EN } numfmt_lang;

/* Parses "nl" or "en" (case-insensitive). Returns 0, or -1 with an
 * ERR_RECIPE error naming the valid languages. */
int numfmt_lang_parse(const char *s, numfmt_lang *out);

/* Formats v with exactly `decimals` decimals in the given language. */
int numfmt(double v, int decimals, numfmt_lang lang, char *buf, size_t n);

/* Dutch shorthand for numfmt(v, decimals, NUMFMT_NL, buf, n). */
int numfmt_nl(double v, int decimals, char *buf, size_t n);

/* Formats v followed by a unit (NULL or "" = none): "12,5 %", "12.5%",
 * "3,2 km" (see the spacing rules above). */
int numfmt_unit(double v, int decimals, const char *unit, numfmt_lang lang,
                char *buf, size_t n);

/* Decimals for showing v alone with about three significant digits:
 * 0 from 100 up, 1 from 10, 2 from 1, 3 from 0.1 and 4 below (and 0 for
 * 0). Never fails. */
int numfmt_auto_decimals(double v);

/* Formats v alone: numfmt_auto_decimals(v) decimals with trailing zeros
 * after the decimal separator removed ("12", "12,3", "0,5", "1.235"). */
int numfmt_auto(double v, numfmt_lang lang, char *buf, size_t n);

/* Decimals (0..6) for a legend of class breaks b[0..nb): the fewest that
 * show every finite break exactly if that is at most 6; otherwise enough
 * to resolve the smallest gap between neighbouring breaks (a gap g needs
 * -floor(log10 g) decimals, so that it spans at least one unit of the
 * last decimal and neighbouring breaks never print the same).
 * Infinite breaks are ignored. Never fails (0 when nothing to go on). */
int numfmt_breaks_decimals(const double *b, size_t nb);

/* Formats a class range for a legend: "1.000 – 2.500" (en dash between
 * spaces), with the unit once at the end ("10 – 20 %"). lo = -INFINITY
 * gives "≤ hi", hi = +INFINITY gives "> lo" (the lower end of a class is
 * exclusive). Both infinite or lo > hi is an ERR_RENDER error. */
int numfmt_range(double lo, double hi, int decimals, const char *unit,
                 numfmt_lang lang, char *buf, size_t n);

/* The largest (round_down) or smallest (round_up) number with `decimals`
 * decimals that is at most / at least v; binary noise within 1e-9 of a
 * whole unit counts as on it (0.30000000000000004 stays 0.3). Values from
 * NUMFMT_SCI_FROM on and non-finite ones come back unchanged. */
double numfmt_round_down(double v, int decimals);
double numfmt_round_up(double v, int decimals);

/* Formats class i of the k classes with breaks b[0..k] like numfmt_range,
 * but with the outer bounds widened to the printed precision: the first
 * class's lower bound is rounded down and the last class's upper bound up,
 * so the printed legend always encloses the data (a value 0,55 never sits
 * in a legend that starts at 1). Inner bounds are rounded normally; as
 * rounding is monotone, every value rounded to `decimals` lies within the
 * printed bounds of its class. */
int numfmt_class_range(const double *b, int k, int i, int decimals,
                       const char *unit, numfmt_lang lang, char *buf,
                       size_t n);

/* Compact form for large numbers: below a million as numfmt_auto; then
 * one decimal (none from 100 up, ",0" dropped) and a word:
 * Dutch "1,2 mln", "3,4 mld", "5 bln" (10^6, 10^9, 10^12);
 * English "1.2 mn", "3.4 bn", "5 tn". */
int numfmt_compact(double v, numfmt_lang lang, char *buf, size_t n);

#endif
