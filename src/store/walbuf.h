/* walbuf.h: a VFS that gathers the WAL's appends into few large writes (see walbuf.c). */
#ifndef BRIEF_STORE_WALBUF_H
#define BRIEF_STORE_WALBUF_H

/* Make the WAL-gathering VFS SQLite's default for every connection opened afterwards.
 * Idempotent and thread-safe; the first call decides. Returns 0, or -1 when SQLite has no
 * default VFS to wrap or refuses the registration (connections then use the platform's VFS
 * unchanged, which is correct, only slower). */
int walbuf_register(void);

/* Counts since the process started, over every WAL file written through the VFS: the writes
 * SQLite asked for, and the writes that reached the platform's VFS. */
struct walbuf_stats {
	long long appends;
	long long writes;
};
void walbuf_stats(struct walbuf_stats *out);

#endif
