/* checkpoint.c: WAL checkpoints on a thread of their own (see checkpoint.h). */
#include "store/checkpoint.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/str.h"

/* WAL pages after a commit that wake the thread: SQLite's own automatic threshold. */
#define CKPT_FRAMES 1000
/* ... and past which the writer checkpoints itself (~256 MB): the WAL starts over from its
 * first page only when a write transaction begins with every page copied back, which the
 * thread, always a commit behind, never arranges; so the writer's own checkpoint bounds the
 * file. It syncs the WAL and the database on the store's thread: at 16,000 frames a fetch of
 * 90k items into the 3M store did it ~19 times, blocked ~6 s in fdatasync (strace); at
 * 64,000 the store thread's fdatasync calls fell from ~60 to 17-20 (1.4-2.0 s). A reader
 * only searches the frames not yet copied back, so a longer WAL costs readers little. */
#define CKPT_BEHIND_FRAMES 64000

struct store_checkpointer {
	struct store *st;
	sqlite3 *db;              /* the thread's own connection */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int is_due, is_stopping;  /* under lock */
	long runs;                /* under lock */
};

/* SQLite's WAL hook on the writer's connection, after each commit: wake the thread, or
 * checkpoint here when the WAL has grown past CKPT_BEHIND_FRAMES. */
static int
on_commit(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct store_checkpointer *c = arg;
	if (frames >= CKPT_BEHIND_FRAMES) {
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		return SQLITE_OK;
	}
	if (frames >= CKPT_FRAMES) {
		pthread_mutex_lock(&c->lock);
		c->is_due = 1;
		pthread_cond_signal(&c->wake);
		pthread_mutex_unlock(&c->lock);
	}
	return SQLITE_OK;
}

static void *
run(void *arg)
{
	struct store_checkpointer *c = arg;
	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->is_due && !c->is_stopping)
			pthread_cond_wait(&c->wake, &c->lock);
		if (!c->is_due)
			break;
		c->is_due = 0;
		pthread_mutex_unlock(&c->lock);
		/* PASSIVE: copies what no reader still needs, waits for no lock; a busy WAL is
		 * simply checkpointed further next time. */
		sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->lock);
		c->runs++;
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

struct store_checkpointer *
store_checkpointer_start(struct store *st)
{
	struct store_checkpointer *c = xcalloc(1, sizeof *c);
	c->st = st;
	if (sqlite3_open_v2(st->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(c->db);
		free(c);
		return NULL;
	}
	sqlite3_busy_timeout(c->db, 10000);
	/* A connection finds the WAL on its first read: until then a checkpoint does nothing. */
	if (sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(c->db);
		free(c);
		return NULL;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	if (pthread_create(&c->thread, NULL, run, c) != 0) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		sqlite3_close(c->db);
		free(c);
		return NULL;
	}
	sqlite3_wal_hook(st->db, on_commit, c); /* replaces the automatic checkpoint */
	return c;
}

void
store_checkpointer_stop(struct store_checkpointer *c)
{
	if (!c)
		return;
	sqlite3_wal_autocheckpoint(c->st->db, CKPT_FRAMES); /* SQLite's default hook again */
	pthread_mutex_lock(&c->lock);
	c->is_due = 1; /* a last one for what the last commits added */
	c->is_stopping = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	sqlite3_close(c->db);
	free(c);
}

long
store_checkpointer_runs(struct store_checkpointer *c)
{
	if (!c)
		return 0;
	pthread_mutex_lock(&c->lock);
	long n = c->runs;
	pthread_mutex_unlock(&c->lock);
	return n;
}
