/* nametab.h - looking a word up in a small constant table of names and
 * values (classification methods, region levels ...): one rule for "this
 * name means that enum value" instead of a loop in every module.
 */
#ifndef DNW_NAMETAB_H
#define DNW_NAMETAB_H

#include <stddef.h>

/* One name and the value it stands for. Tables are static const arrays;
 * several names may share one value (synonyms). */
typedef struct {
    const char *name;
    int value;
} nametab;

/* The value of the first of the n entries of tab whose name equals name
 * (ASCII case ignored when nocase), or def when name is NULL or not in the
 * table. Sets no error (callers word their own message); never fails. */
int nametab_find(const nametab *tab, size_t n, const char *name, int nocase,
                 int def);

/* nametab_find over a whole array tab (its size counted). */
#define NAMETAB_FIND(tab, name, nocase, def)                              \
    nametab_find((tab), sizeof(tab) / sizeof((tab)[0]), (name), (nocase), \
                 (def))

#endif
