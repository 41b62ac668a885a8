/* bigmem.h - large zeroed buffers (page rasters, PNG rows) from mmap with
 * transparent huge pages requested. On virtual machines a first touch of
 * each 4 KiB page costs microseconds; a 35 MB A4 raster at 300 dpi has
 * 8,500 of them, which took longer than drawing the map. With 2 MiB pages
 * the faults all but vanish (the kernel falls back to small pages silently
 * where huge ones are not available).
 */
#ifndef DNW_BIGMEM_H
#define DNW_BIGMEM_H

#include <stddef.h>

typedef struct {
    void *map;      /* the mapping (NULL when none) */
    size_t map_len; /* its length */
} bigmem;

/* Returns n zeroed bytes aligned to 2 MiB, recorded in *m, or NULL with
 * ERR_MEMORY set (what names the buffer). Free with bigmem_free(). */
void *bigmem_alloc(bigmem *m, size_t n, const char *what);

/* Frees the buffer of *m (a zeroed struct is fine) and clears *m. */
void bigmem_free(bigmem *m);

#endif
