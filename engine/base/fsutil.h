/* fsutil.h - small file-system helpers for writing outputs safely. */
#ifndef DNW_FSUTIL_H
#define DNW_FSUTIL_H

#include <stddef.h>
#include <sys/stat.h>

/* Removes a folder and everything in it. Returns 0, or -1 (ERR_IO). A
 * missing folder is not an error. */
int fs_remove_tree(const char *path);

/* Replaces folder final_dir by the finished folder staged: the old results
 * are moved aside, the new ones renamed into place, then the old removed.
 * Returns 0, or -1 (ERR_IO) with final_dir as it was. */
int fs_replace_dir(const char *staged, const char *final_dir);

/* 1 when path exists. */
int fs_exists(const char *path);

/* A byte source for fs_read_all: reads up to n bytes of src into buf and
 * returns how many (0 at the end), or -1 with the error set by the reader
 * (it knows the file and how to word the problem). */
typedef long (*fs_reader)(void *src, void *buf, size_t n);

/* Reads everything rd gives from src into one mem_alloc'ed buffer, NUL-
 * terminated, *len bytes (the caller frees it); the buffer starts at cap
 * bytes (> 0) and doubles while filling. Returns NULL on out-of-memory
 * (ERR_MEMORY set, naming what) or with the reader's error. */
/* Opens the regular file path for reading (close-on-exec) and fills *st.
 * Returns the descriptor (the caller closes it), or -1 with ERR_IO set when
 * it cannot be opened or is a folder or special file. */
int fs_open_regular(const char *path, struct stat *st);

/* Receives one chunk of a file read by fs_read_chunks. */
typedef void (*fs_chunk_fn)(void *ctx, const unsigned char *p, size_t n);

/* Reads the open file fd from its start (pread, 256 KB at a time, retried
 * on EINTR) and hands every chunk to fn(ctx, ...); path names the file in
 * messages. Reading beats mmap here: on a virtual machine the page-table
 * walks of a fresh file mapping cost about 1 ms per 4 MB, pread about
 * 0.1 ms. Returns 0, or -1 with ERR_IO (or ERR_MEMORY) set. */
int fs_read_chunks(int fd, const char *path, fs_chunk_fn fn, void *ctx);

char *fs_read_all(fs_reader rd, void *src, size_t cap, const char *what,
                  size_t *len);

#endif
