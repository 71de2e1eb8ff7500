/* fs.h: whole-file reads, atomic writes and directory creation. */
#ifndef BRIEF_UTIL_FS_H
#define BRIEF_UTIL_FS_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* Read all of path ("-" = stdin) into out (appended). Returns 0 or -1 with e set. */
int fs_read_all(const char *path, struct buf *out, struct err *e);
/* Write data to path atomically (temp file in the same directory + rename).
 * "-" writes to stdout. Returns 0 or -1 with e set. */
int fs_write_atomic(const char *path, const void *data, size_t len, struct err *e);
/* Write all len bytes of data to fd (retrying short writes and EINTR). Returns 0, or -1
 * with errno set. */
int fs_write_full(int fd, const void *data, size_t len);
/* mkdir -p with mode 0755 (0700 for the last component when private != 0). */
int fs_mkdirs(const char *path, int private_dir, struct err *e);
/* True when path is an existing directory. */
int fs_is_dir(const char *path);
/* True when path exists. */
int fs_exists(const char *path);

#endif
