/* dfljoin.h - joining independently compressed raw deflate streams.
 *
 * libdeflate compresses a whole buffer into a complete raw deflate stream
 * whose last block carries the "final" bit; it cannot flush mid-stream.
 * To compress bands of an image on several threads and still emit one
 * zlib stream (PNG needs exactly one), every band but the last is made
 * joinable: its blocks are walked to find the last one's header, the final
 * bit is cleared, and an empty stored block is appended, which ends the
 * band on a byte boundary (what zlib's Z_SYNC_FLUSH emits). The bands then
 * simply follow each other; each starts with an empty history, so no match
 * reaches back into the previous band.
 */
#ifndef DNW_DFLJOIN_H
#define DNW_DFLJOIN_H

#include <stddef.h>
#include <stdint.h>

/* Makes the complete raw deflate stream s (*len bytes, buffer of cap bytes,
 * cap >= *len + 5) joinable as described above; *len grows by at most 5.
 * Uses about 10 KB of stack. Returns 0, or -1 when s is not a well-formed
 * deflate stream ending in its final block (no error set). */
int dfl_make_joinable(uint8_t *s, size_t *len, size_t cap);

#endif
