/* body.c: a transfer's decoded body, kept in memory while small and spilled to an unlinked
 * temporary file beyond that, so the fetcher's memory does not depend on what feeds send.
 *
 * A body stays in memory while it is at most FETCH_BODY_MEM_ONE bytes and all the bodies in
 * memory together stay within FETCH_BODY_MEM_ALL; past either, it moves to an anonymous file
 * in the spill directory (the store's directory, else $TMPDIR) and grows there. The decoded
 * cap (max_body) applies to the total, so a gzip bomb fills at most max_body bytes of disk
 * and FETCH_BODY_MEM_ONE bytes of memory before its transfer is aborted. Only a body that
 * completed within the cap is mapped (read-only) for the parser, then unmapped at once. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "net/fetch_internal.h"
#include "util/fs.h"
#include "util/str.h"

void
fetch_spill_dir(const struct store *st, char *out, size_t size)
{
	const char *slash = st->path ? strrchr(st->path, '/') : NULL;
	const char *tmp = getenv("TMPDIR");
	if (slash && (size_t)(slash - st->path) < size)
		snprintf(out, size, "%.*s", slash == st->path ? 1 : (int)(slash - st->path), st->path);
	else if (st->path && !slash && strcmp(st->path, ":memory:") != 0)
		snprintf(out, size, ".");
	else
		snprintf(out, size, "%s", tmp && *tmp ? tmp : "/tmp");
}

/* Open an anonymous, already unlinked file in dir; -1 with errno set on failure. */
static int
open_anon(const char *dir)
{
#ifdef O_TMPFILE
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
		return fd;
#endif
	char path[4200];
	if ((size_t)snprintf(path, sizeof path, "%s/.brief-body-XXXXXX", dir) >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	int fd2 = mkstemp(path);
	if (fd2 >= 0)
		unlink(path);
	return fd2;
}

/* Move j's body from memory to a new spill file. Returns 0, or -1 with j->spill_errno set. */
static int
spill(struct fetch_ctx *c, struct fetch_job *j)
{
	int fd = open_anon(c->spill_dir);
	if (fd < 0) {
		const char *tmp = getenv("TMPDIR");
		fd = open_anon(tmp && *tmp ? tmp : "/tmp");
	}
	if (fd < 0 || fs_write_full(fd, j->body.data ? j->body.data : "", j->body.len) < 0) {
		j->spill_errno = errno ? errno : EIO;
		if (fd >= 0)
			close(fd);
		return -1;
	}
	j->spill_fd = fd;
	c->out->bodies_spilled++;
	c->body_mem -= j->body.len;
	buf_free(&j->body);
	return 0;
}

size_t
fetch_on_body(char *data, size_t size, size_t nmemb, void *userp)
{
	struct fetch_job *j = userp;
	struct fetch_ctx *c = j->ctx;
	size_t n = size * nmemb;
	/* The cap applies to the decoded bytes curl hands us, so a small compressed body that
	 * inflates without bound (a gzip bomb) is stopped here. */
	if (j->body_len + n > j->max_body) {
		j->is_too_big = 1;
		return 0;
	}
	if (j->spill_fd < 0 &&
	    (j->body.len + n > FETCH_BODY_MEM_ONE || c->body_mem + n > FETCH_BODY_MEM_ALL) && spill(c, j) < 0)
		return 0;
	if (j->spill_fd >= 0) {
		if (fs_write_full(j->spill_fd, data, n) < 0) {
			j->spill_errno = errno ? errno : EIO;
			return 0;
		}
	} else {
		buf_append(&j->body, data, n);
		c->body_mem += n;
		if (c->body_mem > c->out->body_mem_peak)
			c->out->body_mem_peak = c->body_mem;
	}
	j->body_len += n;
	return n;
}

void
fetch_body_reset(struct fetch_ctx *c, struct fetch_job *j)
{
	fetch_body_unview(j);
	c->body_mem -= j->body.len;
	if (j->body.cap > 65536)
		buf_free(&j->body);
	else
		buf_clear(&j->body);
	if (j->spill_fd >= 0)
		close(j->spill_fd);
	j->spill_fd = -1;
	j->spill_errno = 0;
	j->body_len = 0;
	j->is_too_big = 0;
}

int
fetch_body_view(struct fetch_job *j, char *err, size_t size)
{
	if (j->spill_fd < 0) {
		j->body_data = j->body.data ? j->body.data : "";
		return 0;
	}
	void *p = mmap(NULL, j->body_len, PROT_READ, MAP_PRIVATE, j->spill_fd, 0);
	if (p == MAP_FAILED) {
		snprintf(err, size, "cannot map the %zu-byte body: %s", j->body_len, strerror(errno));
		return -1;
	}
	/* The parser reads the document front to back; tell the kernel so it reads ahead and
	 * can reclaim what was read. A legitimate body near the cap is still resident while it is
	 * parsed: that is the price of parsing it at all. */
	madvise(p, j->body_len, MADV_SEQUENTIAL);
	j->map = p;
	j->body_data = p;
	return 0;
}

void
fetch_body_unview(struct fetch_job *j)
{
	if (j->map)
		munmap(j->map, j->body_len);
	j->map = NULL;
	j->body_data = NULL;
}
