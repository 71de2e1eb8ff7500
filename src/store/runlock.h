/* runlock.h: one report run at a time per store. daily, weekly and article take an
 * exclusive lock on DB.run.lock (flock) for their whole run, so a scheduled run that starts
 * while the previous one is still going (or a manual run beside a timer's) does not write
 * the same reports and deliveries twice; the second run exits at once (status 4). The kernel
 * drops the lock when the process ends, however it ends. */
#ifndef BRIEF_STORE_RUNLOCK_H
#define BRIEF_STORE_RUNLOCK_H

#include "util/err.h"

/* Lock db_path's run lock without waiting. Returns 0 with *fd holding it, 1 when another
 * process holds it (*fd = -1), -1 with e set when the lock file cannot be opened or locked. */
int store_run_lock(const char *db_path, int *fd, struct err *e);
/* Release a lock store_run_lock took (fd < 0: nothing). */
void store_run_unlock(int fd);

#endif
