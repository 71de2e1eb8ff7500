/* fs.c: whole-file reads (copied or mapped), atomic writes and directory creation. */
#include "util/fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int
fs_read_all(const char *path, struct buf *out, struct err *e)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, "%s: %s", path, strerror(errno));
	for (;;) {
		buf_reserve(out, 65536);
		ssize_t n = read(fd, out->data + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			if (fd != STDIN_FILENO)
				close(fd);
			return err_set(e, "%s: %s", path, strerror(saved));
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
}

void
fs_view_close(struct fs_view *v)
{
	if (v->map)
		munmap(v->map, v->map_len);
	v->map = NULL;
	v->map_len = 0;
	buf_free(&v->copy);
	v->data = "";
	v->len = 0;
}

int
fs_view_open(const char *path, struct fs_view *v, struct err *e)
{
	fs_view_close(v);
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, "%s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int saved = errno;
		if (!is_stdin)
			close(fd);
		return err_set(e, "%s: %s", path, strerror(saved));
	}
	/* stdin redirected from a file is read from where it stands, as read() would */
	off_t at = is_stdin ? lseek(fd, 0, SEEK_CUR) : 0;
	if (S_ISREG(st.st_mode) && at >= 0 && st.st_size > at && (uintmax_t)st.st_size <= SIZE_MAX) {
		size_t len = (size_t)st.st_size;
		void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			/* read front to back: let the kernel read ahead and drop what was read */
			madvise(p, len, MADV_SEQUENTIAL);
			v->map = p;
			v->map_len = len;
			v->data = (const char *)p + at;
			v->len = len - (size_t)at;
			if (is_stdin)
				lseek(fd, 0, SEEK_END); /* consumed, as a read would leave it */
			else
				close(fd);
			return 0;
		}
	}
	if (!is_stdin)
		close(fd);
	if (fs_read_all(path, &v->copy, e) != 0)
		return -1;
	v->data = v->copy.data ? v->copy.data : "";
	v->len = v->copy.len;
	return 0;
}

/* True when name is OUTPUT.tmp.PID for one of brief's output extensions; the PID in *pid. */
static int
is_our_tmp(const char *name, long *pid)
{
	const char *t = strstr(name, ".tmp.");
	if (!t || !t[5])
		return 0;
	for (const char *p = t + 5; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	static const char *const exts[] = {".md", ".html", ".json", ".atom"};
	int is_output = 0;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t n = strlen(exts[i]);
		is_output |= (size_t)(t - name) > n && memcmp(t - n, exts[i], n) == 0;
	}
	*pid = strtol(t + 5, NULL, 10);
	return is_output && *pid > 0;
}

int
fs_remove_stale_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		long pid;
		if (!is_our_tmp(de->d_name, &pid) || (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		removed += unlink(path) == 0;
	}
	closedir(d);
	return removed;
}

int
fs_write_full(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write data to the existing non-regular file path (a device, a FIFO). 0 or -1 with e set. */
static int
write_in_place(const char *path, const void *data, size_t len, struct err *e)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, "%s: %s", path, strerror(errno));
	int rc = fs_write_full(fd, data, len);
	int saved = errno;
	close(fd);
	if (rc < 0)
		return err_set(e, "%s: %s", path, strerror(saved));
	return 0;
}

int
fs_write_atomic(const char *path, const void *data, size_t len, struct err *e)
{
	if (strcmp(path, "-") == 0) {
		if (fs_write_full(STDOUT_FILENO, data, len) < 0)
			return err_set(e, "stdout: %s", strerror(errno));
		return 0;
	}
	/* Not a file to replace: a device (`--out /dev/null`) or a pipe is written in place; a
	 * rename would put a regular file where the device was. A symlink's target is replaced,
	 * not the link. */
	struct stat st;
	int exists = lstat(path, &st) == 0;
	if (exists && S_ISLNK(st.st_mode)) {
		char *target = realpath(path, NULL); /* NULL when dangling: the link is replaced */
		if (target) {
			int rc = fs_write_atomic(target, data, len, e);
			free(target);
			return rc;
		}
	} else if (exists && !S_ISREG(st.st_mode)) {
		return write_in_place(path, data, len, e);
	}
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 32);
	if (!tmp)
		return err_set(e, "out of memory");
	snprintf(tmp, plen + 32, "%s.tmp.%ld", path, (long)getpid());
	/* A file replaced keeps its mode (a digest made private stays private; the temporary file
	 * is never more open than that meanwhile); a new one is 0666 less the umask, as `>` makes. */
	int replacing = exists && S_ISREG(st.st_mode);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, replacing ? 0600 : 0666);
	if (fd < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	if ((replacing && fchmod(fd, st.st_mode & 07777) < 0) || fs_write_full(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	close(fd);
	if (rename(tmp, path) < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int
fs_mkdirs(const char *path, int private_dir, struct err *e)
{
	char tmp[4096];
	if (!*path) /* the walk below starts past the first byte */
		return err_set(e, "cannot create a directory with an empty name");
	if (strlen(path) >= sizeof tmp)
		return err_set(e, "path too long: %s", path);
	snprintf(tmp, sizeof tmp, "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
			return err_set(e, "cannot create %s: %s", tmp, strerror(errno));
		*p = '/';
	}
	if (mkdir(tmp, private_dir ? 0700 : 0755) < 0 && errno != EEXIST)
		return err_set(e, "cannot create %s: %s", tmp, strerror(errno));
	if (!fs_is_dir(tmp))
		return err_set(e, "%s exists and is not a directory", tmp);
	return 0;
}

int
fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
fs_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

const char *
fs_data_file(const char *name, char *out, size_t size)
{
	snprintf(out, size, "%s/data/%s", BRIEF_SOURCE_DIR, name);
	if (fs_exists(out))
		return out;
	snprintf(out, size, "%s/%s", BRIEF_DATA_DIR, name);
	return out;
}
