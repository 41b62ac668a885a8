/* fmemo.h - a file's content digests, remembered by the file's identity.
 *
 * A run needs two digests of every source file: the 128-bit hash of its
 * bytes (part of the native cache key, see cache.h) and its SHA-256 (the
 * run manifest). Computing them reads the whole file, which a warm run
 * would otherwise do again on every run. fmemo computes both in one pass
 * and keeps them in a small file in the cache dir, named after the file's
 * identity: device, inode, size, modification time and status-change time
 * (both in nanoseconds). Any write to the file changes its ctime (which,
 * unlike mtime, cannot be set back by a program), a replaced file has
 * another inode or ctime, so a memo never answers for other bytes; this is
 * the rule git's index uses. A file changed less than two seconds before
 * it is hashed is not remembered (a change within the same clock tick
 * could otherwise go unnoticed).
 *
 * Memo file: "<cache dir>/<hex of the identity hash>.dnwf", 128 bytes:
 * magic "DNWFMEMO", version, the identity, both digests and a checksum.
 * A damaged, foreign or mismatching memo is a miss. With the cache
 * disabled (DNAWIJK_NO_CACHE=1) nothing is read or written there.
 */
#ifndef DNW_FMEMO_H
#define DNW_FMEMO_H

#include <stdint.h>

/* Both digests of the regular file path: h128 as hash_file_content gives
 * it, sha256 as the lowercase hex `sha256sum` prints (either may be NULL
 * when not wanted). From the memo when the file is unchanged, else by
 * reading it (and then remembering them; a memo that cannot be written
 * only costs speed). Returns 0, or -1 with ERR_IO set when the file cannot
 * be opened or read or is not a regular file (ERR_MEMORY on OOM). */
int fmemo_digests(const char *path, uint8_t h128[16], char sha256[65]);

/* fmemo_digests giving only the 128-bit hash (the signature of a
 * per-file hash for hash_source_files_with). */
int fmemo_hash128(const char *path, uint8_t h128[16]);

#endif
