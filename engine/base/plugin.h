/* plugin.h - the one loadable module of dnawijk: the code that uses GDAL,
 * PROJ and GEOS (engine/io's OGR reader, GeoPackage writer, reprojection and
 * GDAL's virtual files; engine/calc's overlay) is built into
 * "dnawijk-geo.so" and loaded on first use, so a run that finds its sources
 * in the native cache, and `dnawijk --version`, never load those libraries
 * (they pull in about a hundred shared libraries at start-up).
 *
 * The module is looked for next to the running executable (the build tree:
 * the command, unit tests and benchmarks all live in one folder), then at
 * DNAWIJK_PLUGIN_RELDIR relative to it (an installed bin/dnawijk finds
 * lib/dnawijk/dnawijk-geo.so). It resolves the functions it uses (errors,
 * allocation, tables) in the executable, which exports them.
 *
 * A build with DNAWIJK_GEO_PLUGIN off links that code into the executable
 * instead; then plugin.c is not used.
 */
#ifndef DNW_PLUGIN_H
#define DNW_PLUGIN_H

/* The entry table named symbol (a `const struct` the module exports),
 * loading the module on first use (thread-safe). Returns NULL with ERR_IO
 * set naming the module file when it cannot be found or loaded, or lacks
 * the symbol. The module stays loaded until exit. */
const void *plugin_entry(const char *symbol);

/* The entry table named symbol through the cache *cache (a static of the
 * caller, NULL at first): the first call loads it with plugin_entry() and
 * checks that its first member, the interface number every table starts
 * with, is abi; later calls return the cached table. part names the
 * module's part in the message ("GDAL/PROJ", "GEOS"). Returns NULL with
 * ERR_IO set when the module cannot be loaded or belongs to another
 * version. Thread-safe. */
const void *plugin_table(const void **cache, const char *symbol, int abi,
                         const char *part);

/* 1 when the module has been loaded by this process (for tests and the
 * start-up benchmark); never loads it. */
int plugin_loaded(void);

#endif
