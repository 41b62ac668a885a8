/* atomic.h - all-or-nothing file output, used by every output writer.
 *
 * A writer asks atomic_open for a FILE* that writes to a temporary file in
 * the same folder as the final path, writes, then calls atomic_commit (which
 * flushes, fsyncs and renames the temporary file into place) or
 * atomic_abort (which removes it). A reader of final_path therefore sees the
 * old file or the complete new one, never a half-written file, and a failed
 * run leaves no temporary files behind.
 *
 * The temporary file is "<final_path>.tmp.<pid>.<n>", created exclusively
 * with mode 0666 minus the umask (the same mode a plain fopen gives).
 *
 * Every output goes through here: tables and GeoPackages, pages (PNG, and
 * PDF/SVG through a Cairo stream whose write callback writes to the
 * FILE*), fact sheets and the native cache.
 */
#ifndef DNW_ATOMIC_H
#define DNW_ATOMIC_H

#include <stdio.h>

typedef struct atomic_file atomic_file;

/* Options of atomic_open_ex (or-ed together; 0 = atomic_open's defaults). */
enum {
    ATOMIC_NO_MKDIR = 1, /* the folder must exist: ERR_IO when it does not */
    ATOMIC_NO_SYNC = 2   /* no fsync at commit: for files whose tearing a
                            reader detects (the cache) or that a later
                            folder rename publishes (pages in a staging
                            folder) */
};

/* Creates the parent folders of final_path (mkdir -p), then opens a new
 * temporary file beside it for binary writing. Returns the stream and sets
 * *af to the handle that atomic_commit or atomic_abort must receive exactly
 * once (they close the stream and free the handle; do not fclose it
 * yourself). Returns NULL with ERR_IO (or ERR_MEMORY) set and *af = NULL on
 * failure. */
FILE *atomic_open(const char *final_path, atomic_file **af);

/* atomic_open with options (ATOMIC_NO_MKDIR, ATOMIC_NO_SYNC). Same
 * ownership and failures. */
FILE *atomic_open_ex(const char *final_path, int flags, atomic_file **af);

/* Flushes, fsyncs and closes the stream, then renames the temporary file to
 * the final path (replacing an existing file) and fsyncs the folder (best
 * effort). Frees af. Returns 0, or -1 with ERR_IO set when any write failed
 * earlier or now; the temporary file is then removed and the final path is
 * left as it was. af may be NULL (returns -1 without touching the error, as
 * atomic_open already set it). */
int atomic_commit(atomic_file *af);

/* Closes the stream and removes the temporary file; the final path is left
 * as it was. Frees af. NULL is fine. Never fails. */
void atomic_abort(atomic_file *af);

/* Writes len bytes of data to af's stream (for callbacks such as Cairo's
 * stream writers, which can only say "write error"): counts one write for
 * fault injection (DNAWIJK_FAULT_WRITE, an injected ENOSPC) and keeps the
 * errno of the first failure, which atomic_commit and atomic_errno then
 * report instead of a generic "Input/output error". Returns 0, or -1 (and
 * every later call returns -1 too); sets no error message. */
int atomic_write(atomic_file *af, const void *data, size_t len);

/* The errno kept by atomic_write (0: no write failed; NULL af: 0). */
int atomic_errno(const atomic_file *af);

/* A message text for errno e: says that the disk is full for ENOSPC (and
 * the quota for EDQUOT), else strerror(e). Static. */
const char *atomic_errtext(int e);

/* The temporary file's path (owned by af), for messages and tests. */
const char *atomic_temp_path(const atomic_file *af);

/* Creates dir and any missing parent folders, like `mkdir -p` (mode 0777
 * minus the umask). An existing folder is fine. Returns 0, or -1 with ERR_IO
 * set when a component cannot be created or exists and is not a folder. */
int mkdir_p(const char *dir);

#endif
