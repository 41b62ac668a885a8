/* run_compare.h - `dnawijk compare`: one recipe for many gemeenten.
 *
 * The recipe runs once per gemeente of a selection (a province, a list of
 * codes, or every gemeente), each with its own maps, sheets and tables in
 * OUTDIR/<recipe>/<GMcode>/, on worker threads. The sources are read and
 * key-indexed once and shared read-only by all runs. Afterwards
 * OUTDIR/<recipe>/ gets:
 *   comparison.csv        one row per gemeente: code, name, every
 *                         indicator's gemeente value (rolled up exactly as a
 *                         single run rolls it up), <indicator>_rank (1 = the
 *                         highest; ties share the rank, the next rank skips),
 *                         <indicator>_verschil (_diff in English): the value
 *                         minus the whole selection's value (the indicator
 *                         rolled up over all units of the selection), the
 *                         peers and the status of the gemeente's run;
 *   charts/               per indicator a ranked bar chart of the gemeenten
 *                         and a strip chart of the unit values per gemeente
 *                         (60 gemeenten per page; PNG and PDF);
 *   small_multiples/      per map of the recipe: the map's indicator for
 *                         every gemeente with the breaks of the whole
 *                         selection, on A3 pages (PDF);
 *   <GMcode>/vergelijking.pdf  the gemeente beside the selection and its
 *                         peers (rank, values, the peers by name);
 *   manifest.json         selection, per gemeente ok or the error, the
 *                         peers method, files and timings.
 * Maps of the per-gemeente runs use the classification of the whole
 * selection (the recipe's method over all units), so every gemeente's map
 * of an indicator has the same legend.
 *
 * Peers (`peers: {indicators: [a, b], n: 5}`): each listed indicator is
 * standardised over the gemeenten of the selection that have a value
 * (z = (x - mean) / sd, population sd; an indicator with sd 0 adds
 * nothing); the distance of two gemeenten is the Euclidean distance of
 * their z vectors; the n nearest other gemeenten (ties by code) are the
 * peers. A gemeente without a value for one of the indicators has no peers
 * and is no one's peer.
 *
 * A gemeente whose run fails (a file, a join below unmatched_max, no units,
 * no values) is reported in the summary, in comparison.csv and in the
 * manifest; the others go on. The whole folder appears atomically.
 */
#ifndef DNW_RUN_COMPARE_H
#define DNW_RUN_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "rcp.h"

typedef struct {
    const char *outdir;   /* default "out" */
    FILE *log;            /* summary and failures; NULL = silent */
    int progress;         /* 1: a progress bar on stderr */
    int jobs;             /* worker threads; <= 0: threads_count() (the
                             --jobs option, $DNAWIJK_JOBS or the cores) */
    const char *province; /* a province name or code, or NULL */
    const char *areas;    /* comma-separated GM codes, or NULL */
    int all;              /* every gemeente of the recipe's year */
    const char *created;  /* date for provenance; NULL = today */
} compare_options;

typedef struct {
    size_t n_gemeenten, n_ok, n_failed;
    double seconds;
} compare_summary;

/* Runs the comparison. Without province, areas or all, the recipe's own
 * area (area: {province: X} or GM codes) is the selection. Returns 0 when
 * every gemeente succeeded, 1 when some failed (the outputs of the others
 * are written), or -1 with the error set when nothing could be done (bad
 * selection, unreadable source, the recipe fails on the whole selection);
 * then the previous results are untouched. sum may be NULL. */
int run_compare(const rcp *r, const compare_options *opt, compare_summary *sum);

/* Worker threads for `jobs` (see compare_options.jobs). */
int run_compare_jobs(int jobs);

#endif
