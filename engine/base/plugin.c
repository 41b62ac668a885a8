/* plugin.c - finding and loading dnawijk-geo.so; see plugin.h. */
#include "plugin.h"

#include "err.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MODULE_NAME "dnawijk-geo.so"
#ifndef DNAWIJK_PLUGIN_RELDIR
#define DNAWIJK_PLUGIN_RELDIR "../lib/dnawijk"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *handle;          /* the module, or NULL when loading failed */
static char tried[4096];      /* the path tried last (for the message) */
static char why[512];         /* dlerror() of the failed load */

/* The folder of the running executable into buf (no trailing slash).
 * Returns 0, or -1 when /proc/self/exe cannot be read. */
static int exe_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0 || (size_t)n >= size - 1)
        return -1;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    return 0;
}

/* Loads the module once: next to the executable, then at the install
 * location relative to it. Sets handle, or tried/why. */
static void load_once(void)
{
    char dir[4096 - 64];
    if (exe_dir(dir, sizeof dir) < 0) {
        snprintf(tried, sizeof tried, "%s", MODULE_NAME);
        snprintf(why, sizeof why, "the folder of the program is unknown");
        return;
    }
    const char *const where[] = {"", "/" DNAWIJK_PLUGIN_RELDIR};
    for (size_t k = 0; k < sizeof where / sizeof where[0]; k++) {
        snprintf(tried, sizeof tried, "%s%s/%s", dir, where[k], MODULE_NAME);
        if (access(tried, F_OK) != 0 && k + 1 < sizeof where / sizeof where[0])
            continue;
        handle = dlopen(tried, RTLD_NOW | RTLD_LOCAL);
        if (handle)
            return;
        const char *e = dlerror();
        snprintf(why, sizeof why, "%s", e ? e : "unknown reason");
        if (access(tried, F_OK) == 0)
            return; /* found but broken: say why, do not look further */
    }
}

const void *plugin_entry(const char *symbol)
{
    pthread_once(&once, load_once);
    if (!handle) {
        err_set(ERR_IO, tried, 0, NULL, "Cannot load the GDAL/PROJ/GEOS part "
                "of dnawijk (%s); reinstall dnawijk so that %s is next to the "
                "program or in %s.", why, MODULE_NAME, DNAWIJK_PLUGIN_RELDIR);
        return NULL;
    }
    const void *p = dlsym(handle, symbol);
    if (!p)
        err_set(ERR_IO, tried, 0, NULL, "The GDAL/PROJ/GEOS part of dnawijk "
                "lacks %s: it belongs to another version; reinstall dnawijk.",
                symbol);
    return p;
}

int plugin_loaded(void)
{
    return __atomic_load_n(&handle, __ATOMIC_ACQUIRE) != NULL;
}

const void *plugin_table(const void **cache, const char *symbol, int abi,
                         const char *part)
{
    const void *t = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (t)
        return t;
    t = plugin_entry(symbol);
    if (!t)
        return NULL;
    int has = *(const int *)t;
    if (has != abi) {
        err_set(ERR_IO, MODULE_NAME, 0, NULL, "The %s part of dnawijk belongs "
                "to another version (interface %d, expected %d); reinstall "
                "dnawijk.", part, has, abi);
        return NULL;
    }
    __atomic_store_n(cache, t, __ATOMIC_RELEASE);
    return t;
}
