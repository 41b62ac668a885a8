/* fsutil.h - small file-system helpers for writing outputs safely. */
#ifndef DNW_FSUTIL_H
#define DNW_FSUTIL_H

/* Removes a folder and everything in it. Returns 0, or -1 (ERR_IO). A
 * missing folder is not an error. */
int fs_remove_tree(const char *path);

/* Replaces folder final_dir by the finished folder staged: the old results
 * are moved aside, the new ones renamed into place, then the old removed.
 * Returns 0, or -1 (ERR_IO) with final_dir as it was. */
int fs_replace_dir(const char *staged, const char *final_dir);

/* 1 when path exists. */
int fs_exists(const char *path);

#endif
