/* fs.h: whole-file reads (copied or mapped), atomic writes and directory creation. */
#ifndef BRIEF_UTIL_FS_H
#define BRIEF_UTIL_FS_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* Read all of path ("-" = stdin) into out (appended). Returns 0 or -1 with e set. */
int fs_read_all(const char *path, struct buf *out, struct err *e);
/* A whole file's bytes, read-only: mapped when the file is a regular one (no copy: the
 * page cache is the buffer), else read into copy (a pipe, a terminal, an empty file).
 * data is never NULL and NOT NUL-terminated. Changing the file while it is mapped is
 * the caller's risk (a truncated file raises SIGBUS on access), as with any mapping. */
struct fs_view {
	const char *data;
	size_t len;
	void *map;       /* the mapping (map_len bytes), or NULL */
	size_t map_len;
	struct buf copy; /* the bytes read when the file could not be mapped */
};
#define FS_VIEW_INIT {"", 0, NULL, 0, BUF_INIT}

/* Open path ("-" = stdin, mapped too when it is a regular file) into v, releasing what v
 * held before (so one fs_view can be reused file after file). Returns 0 or -1 with e set
 * (v then empty). */
int fs_view_open(const char *path, struct fs_view *v, struct err *e);
/* Release v's mapping and copy; v is empty afterwards and may be opened again. */
void fs_view_close(struct fs_view *v);
/* Write data to path atomically (temp file in the same directory + rename; through a
 * symlink, its target is replaced). "-" writes to stdout; an existing device or FIFO
 * (/dev/null) is written in place, never replaced. A replaced file keeps its mode; a new one
 * is made 0666 less the umask. Returns 0 or -1 with e set. */
int fs_write_atomic(const char *path, const void *data, size_t len, struct err *e);
/* Remove what killed runs of fs_write_atomic left in dir: files named NAME.tmp.PID where NAME
 * ends in .md, .html, .json or .atom (brief's outputs) and no process PID exists any more
 * (a live one may be another brief run writing right now). Returns how many were removed;
 * an unreadable dir removes nothing. */
int fs_remove_stale_tmp(const char *dir);
/* Write all len bytes of data to fd (retrying short writes and EINTR). Returns 0, or -1
 * with errno set. */
int fs_write_full(int fd, const void *data, size_t len);
/* mkdir -p with mode 0755 (0700 for the last component when private != 0). Returns 0, or -1
 * with e set (an empty path, one of 4 KiB or more, a component that cannot be made or is no
 * directory). */
int fs_mkdirs(const char *path, int private_dir, struct err *e);
/* True when path is an existing directory. */
int fs_is_dir(const char *path);
/* True when path exists. */
int fs_exists(const char *path);
/* Path of a file shipped with brief (e.g. "hn-popular-blogs-2025.opml") written to out: the
 * source tree's data/ when it exists (running from a build tree), else the installed data dir.
 * Returns out. */
const char *fs_data_file(const char *name, char *out, size_t size);

#endif
