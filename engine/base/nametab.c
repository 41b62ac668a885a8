/* nametab.c - name-to-value lookup in constant tables; see nametab.h. */
#include "nametab.h"

#include <string.h>
#include <strings.h>

int nametab_find(const nametab *tab, size_t n, const char *name, int nocase,
                 int def)
{
    for (size_t k = 0; name && k < n; k++)
        if ((nocase ? strcasecmp(name, tab[k].name)
                    : strcmp(name, tab[k].name)) == 0)
            return tab[k].value;
    return def;
}
