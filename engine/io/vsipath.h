/* vsipath.h - compressed sources opened as they are.
 *
 * A file ending in ".gz" is read through GDAL's /vsigzip/, one ending in
 * ".zip" through /vsizip/ (with the name of its only file appended when the
 * archive holds exactly one, so "buurten.csv.zip" reads as a CSV). Every
 * reader (CSV through VSI, OGR) gets the rewritten path; messages keep
 * naming the file the user gave.
 */
#ifndef DNW_VSIPATH_H
#define DNW_VSIPATH_H

#include <stddef.h>

/* Writes the path the readers should open for file into out (size bytes)
 * and returns 1 when it was rewritten, 0 when file is used as it is (also
 * for paths that already start with "/vsi" or that are too long). *inner
 * (may be NULL) is set to the name that decides the format: the archive's
 * member for a zip holding one file, else file itself (".gz" included);
 * it points into out or file. Never fails. */
int vsi_path(const char *file, char *out, size_t size, const char **inner);

#endif
