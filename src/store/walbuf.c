/* walbuf.c: the store's VFS: the platform's own, except that appends to a WAL file are
 * gathered in a buffer and reach the file in one write.
 *
 * Why: SQLite writes each WAL frame with two calls, its 24-byte header and then the page. On
 * the VM brief is measured on a system call costs ~2 µs (100,000 frames: 4.3-4.9 µs a frame
 * written as two pwrite calls, 0.5-0.7 µs gathered into 1 MiB writes), and a fetch of 90k
 * items into the 3M store made ~700k such calls on the store's thread, its critical path.
 *
 * Why it is safe: the frames a transaction appends become visible to other connections only
 * when the writer publishes the log's new end in the wal-index (shared memory), which SQLite
 * does right after it writes the transaction's commit frame, with no further call on the WAL
 * file in between. So the write that completes a commit frame (a frame whose header gives the
 * database size after the commit, the WAL format's commit mark) writes the buffer out before
 * it returns, and returns that write's result: an error fails the commit as an error of
 * SQLite's own write would, before anything is published. Frames of a transaction still
 * running (the page cache spilling) stay buffered, seen by no one; the writer's own reads of
 * them and every other call on the file (sync, truncate, size, file controls, close) write
 * the buffer out first. A crash loses only frames no commit covered, which recovery would
 * ignore anyway. tests/store/test_walbuf.c checks this against the SQLite brief runs on.
 *
 * Every other file (the database, journals) is the platform VFS's own object in the caller's
 * memory: the VFS adds nothing to its calls. */
#include "store/walbuf.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Gathered bytes before a write: 30 frames of 4 KiB. Under 128 KiB because the unix VFS
 * writes at most 0x1ffff bytes a call (it masks the count, so a write of exactly 128 KiB
 * would write nothing and report the disk full); larger saves little, since a call then
 * costs ~3 % of copying the frames. */
#define WALBUF_CAP (124 * 1024)
#define WAL_FILE_HEADER 32
#define WAL_FRAME_HEADER 24

struct walbuf_file {
	sqlite3_file base;     /* pMethods = &walbuf_io */
	sqlite3_file *real;    /* the platform's file, in this allocation at REAL_OFFSET */
	unsigned char *buf;    /* NULL until the first append */
	sqlite3_int64 buf_off; /* file offset of buf[0] */
	size_t buf_len;
	sqlite3_int64 appended; /* end of what was appended since the log (re)started */
	int is_commit_header;   /* the last append was a commit frame's header */
};

#define REAL_OFFSET ((sizeof(struct walbuf_file) + 15) & ~(size_t)15)

static sqlite3_vfs *platform;
static sqlite3_vfs walbuf_vfs;
static atomic_llong stat_appends, stat_writes;

/* One write that reaches the platform's file (counted in walbuf_stats). */
static int
write_through(struct walbuf_file *p, const void *data, int n, sqlite3_int64 off)
{
	atomic_fetch_add_explicit(&stat_writes, 1, memory_order_relaxed);
	return p->real->pMethods->xWrite(p->real, data, n, off);
}

/* Write out the buffered bytes. The buffer is empty afterwards either way: after a failed
 * write SQLite rolls the transaction back and appends again from the last commit. */
static int
flush(struct walbuf_file *p)
{
	if (p->buf_len == 0)
		return SQLITE_OK;
	int rc = write_through(p, p->buf, (int)p->buf_len, p->buf_off);
	p->buf_len = 0;
	return rc;
}

/* Whether the 24-byte frame header at h marks a commit: bytes 4-7, the database size in pages
 * after the commit, are 0 in every other frame (WAL file format). */
static int
is_commit_mark(const unsigned char *h)
{
	return (h[4] | h[5] | h[6] | h[7]) != 0;
}

/* Whether a write of n bytes at off is one whole frame (header and page in one call: SQLite
 * 3.40 writes them apart, but the format allows either) that marks a commit. */
static int
is_whole_commit_frame(const unsigned char *data, int n, sqlite3_int64 off)
{
	int page = n - WAL_FRAME_HEADER;
	if (page < 512 || page > 65536 || (page & (page - 1)) != 0 || off < WAL_FILE_HEADER ||
	    (off - WAL_FILE_HEADER) % n != 0)
		return 0;
	return is_commit_mark(data);
}

/* Append to the buffer when the write continues it or lands inside it and fits; else write
 * the buffer out and start it again here (a write as large as the buffer goes straight to
 * the file). A commit frame's last byte writes everything out before returning, and so does
 * an append that fills the buffer.
 *
 * A write below the end of what was appended, outside the buffer, rewrites a frame already
 * written out: when a transaction wrote a page twice, SQLite puts the page's new bytes in its
 * first frame and, after the commit frame, writes the headers of the frames from there on
 * again with new checksums. The last of those is the commit frame's header and can be the
 * last write of the commit: held back, a writer killed after COMMIT returned would leave the
 * old checksum, and recovery would stop before the commit. Such a write goes to the file at
 * once. The WAL header (offset 0) starts the log again. */
static int
walbuf_write(sqlite3_file *f, const void *data, int n, sqlite3_int64 off)
{
	struct walbuf_file *p = (struct walbuf_file *)f;
	atomic_fetch_add_explicit(&stat_appends, 1, memory_order_relaxed);
	if (off == 0)
		p->appended = 0;
	sqlite3_int64 end = p->buf_off + (sqlite3_int64)p->buf_len;
	int in_buf = p->buf_len > 0 && off >= p->buf_off && off + n <= end;
	if (off < p->appended && !in_buf) {
		p->is_commit_header = 0;
		int rc = flush(p);
		return rc != SQLITE_OK ? rc : write_through(p, data, n, off);
	}
	if (off + n > p->appended)
		p->appended = off + n;
	int completes_commit = p->is_commit_header || is_whole_commit_frame(data, n, off);
	p->is_commit_header = n == WAL_FRAME_HEADER && is_commit_mark(data);

	if (!p->buf && !(p->buf = malloc(WALBUF_CAP)))
		return write_through(p, data, n, off);
	int fits = p->buf_len > 0 && off >= p->buf_off && off <= end && off + n - p->buf_off <= WALBUF_CAP;
	if (!fits) {
		int rc = flush(p);
		if (rc != SQLITE_OK)
			return rc;
		if ((size_t)n >= WALBUF_CAP)
			return write_through(p, data, n, off);
		p->buf_off = off;
	}
	memcpy(p->buf + (off - p->buf_off), data, (size_t)n);
	if ((size_t)(off + n - p->buf_off) > p->buf_len)
		p->buf_len = (size_t)(off + n - p->buf_off);
	return completes_commit || p->buf_len == WALBUF_CAP ? flush(p) : SQLITE_OK;
}

/* Reads of bytes still in the buffer write it out first; reads of older frames go straight
 * to the file. */
static int
walbuf_read(sqlite3_file *f, void *data, int n, sqlite3_int64 off)
{
	struct walbuf_file *p = (struct walbuf_file *)f;
	if (p->buf_len > 0 && off < p->buf_off + (sqlite3_int64)p->buf_len && off + n > p->buf_off) {
		int rc = flush(p);
		if (rc != SQLITE_OK)
			return rc;
	}
	return p->real->pMethods->xRead(p->real, data, n, off);
}

static int
walbuf_close(sqlite3_file *f)
{
	struct walbuf_file *p = (struct walbuf_file *)f;
	int rc = flush(p);
	free(p->buf);
	p->buf = NULL;
	int rc2 = p->real->pMethods->xClose(p->real);
	return rc != SQLITE_OK ? rc : rc2;
}

/* The platform's file under a WAL file's methods. */
static sqlite3_file *
real_of(sqlite3_file *f)
{
	return ((struct walbuf_file *)f)->real;
}

/* The calls that read or change what is in the file: the buffer goes out first. */
static int
walbuf_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	int rc = flush((struct walbuf_file *)f);
	return rc != SQLITE_OK ? rc : real_of(f)->pMethods->xTruncate(real_of(f), size);
}

static int
walbuf_sync(sqlite3_file *f, int flags)
{
	int rc = flush((struct walbuf_file *)f);
	return rc != SQLITE_OK ? rc : real_of(f)->pMethods->xSync(real_of(f), flags);
}

static int
walbuf_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	int rc = flush((struct walbuf_file *)f);
	return rc != SQLITE_OK ? rc : real_of(f)->pMethods->xFileSize(real_of(f), size);
}

static int
walbuf_file_control(sqlite3_file *f, int op, void *arg)
{
	int rc = flush((struct walbuf_file *)f);
	return rc != SQLITE_OK ? rc : real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}

/* The rest only forward. */
static int
walbuf_lock(sqlite3_file *f, int level)
{
	return real_of(f)->pMethods->xLock(real_of(f), level);
}

static int
walbuf_unlock(sqlite3_file *f, int level)
{
	return real_of(f)->pMethods->xUnlock(real_of(f), level);
}

static int
walbuf_check_reserved(sqlite3_file *f, int *out)
{
	return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}

static int
walbuf_sector_size(sqlite3_file *f)
{
	return real_of(f)->pMethods->xSectorSize(real_of(f));
}

static int
walbuf_device_characteristics(sqlite3_file *f)
{
	return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}

/* Version 1: a WAL file is never asked for shared memory or memory maps (those belong to the
 * database file). */
static const sqlite3_io_methods walbuf_io = {
    .iVersion = 1,
    .xClose = walbuf_close,
    .xRead = walbuf_read,
    .xWrite = walbuf_write,
    .xTruncate = walbuf_truncate,
    .xSync = walbuf_sync,
    .xFileSize = walbuf_file_size,
    .xLock = walbuf_lock,
    .xUnlock = walbuf_unlock,
    .xCheckReservedLock = walbuf_check_reserved,
    .xFileControl = walbuf_file_control,
    .xSectorSize = walbuf_sector_size,
    .xDeviceCharacteristics = walbuf_device_characteristics,
};

/* A WAL file gets the gathering methods around the platform's file; any other file is the
 * platform's own, opened in the caller's memory. */
static int
walbuf_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
	(void)vfs;
	if (!(flags & SQLITE_OPEN_WAL))
		return platform->xOpen(platform, name, file, flags, out_flags);
	struct walbuf_file *p = (struct walbuf_file *)file;
	memset(p, 0, sizeof *p);
	p->real = (sqlite3_file *)((char *)p + REAL_OFFSET);
	p->real->pMethods = NULL;
	int rc = platform->xOpen(platform, name, p->real, flags, out_flags);
	if (rc != SQLITE_OK) {
		if (p->real->pMethods)
			p->real->pMethods->xClose(p->real);
		return rc;
	}
	p->base.pMethods = &walbuf_io;
	return SQLITE_OK;
}

static int register_result = -1;

static void
register_once(void)
{
	if (!(platform = sqlite3_vfs_find(NULL)))
		return;
	/* Every method but xOpen is the platform's own, called with this struct: the unix VFS
	 * reads nothing of it but pAppData, which is the platform's. */
	walbuf_vfs = *platform;
	walbuf_vfs.pNext = NULL;
	walbuf_vfs.zName = "brief-walbuf";
	walbuf_vfs.szOsFile = (int)REAL_OFFSET + platform->szOsFile;
	walbuf_vfs.xOpen = walbuf_open;
	register_result = sqlite3_vfs_register(&walbuf_vfs, 1) == SQLITE_OK ? 0 : -1;
}

int
walbuf_register(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, register_once);
	return register_result;
}

void
walbuf_stats(struct walbuf_stats *out)
{
	out->appends = atomic_load_explicit(&stat_appends, memory_order_relaxed);
	out->writes = atomic_load_explicit(&stat_writes, memory_order_relaxed);
}
