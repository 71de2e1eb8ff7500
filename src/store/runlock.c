/* runlock.c: the store's run lock (runlock.h). */
#include "store/runlock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int
store_run_lock(const char *db_path, int *fd, struct err *e)
{
	char path[4300];
	snprintf(path, sizeof path, "%s.run.lock", db_path);
	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (*fd < 0)
		return err_set(e, "cannot open the run lock %s: %s", path, strerror(errno));
	if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	int busy = errno == EWOULDBLOCK;
	int saved = errno;
	close(*fd);
	*fd = -1;
	if (busy)
		return 1;
	return err_set(e, "cannot lock %s: %s", path, strerror(saved));
}

void
store_run_unlock(int fd)
{
	if (fd >= 0) {
		flock(fd, LOCK_UN);
		close(fd);
	}
}
