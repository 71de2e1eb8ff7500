/* checkpoint.h: WAL checkpoints on a thread of their own, for a long bulk write.
 *
 * In WAL mode every commit appends pages to brief.db-wal; SQLite copies them back into the
 * database (a checkpoint) on the committing thread once the WAL holds 1,000 pages: a fifth
 * of the fetcher's store thread at 300k items (reading the WAL, writing and syncing the file).
 * While started, a second connection does it on its own thread instead (a PASSIVE checkpoint,
 * which never blocks the writer or readers), woken by the writer's commits. Should it fall
 * far behind (CKPT_BEHIND_FRAMES, 64,000 pages: ~256 MB), the writer checkpoints itself as
 * before, so the WAL stays bounded. Durability is unchanged: a commit is in the WAL either way. */
#ifndef BRIEF_STORE_CHECKPOINT_H
#define BRIEF_STORE_CHECKPOINT_H

#include "store/store.h"

struct store_checkpointer;

/* Start checkpointing st's WAL on a thread (st's own automatic checkpoints stop). Returns
 * NULL when the thread or its connection cannot be had: st then checkpoints as before. */
struct store_checkpointer *store_checkpointer_start(struct store *st);
/* Checkpoint what is left, end the thread, restore st's automatic checkpoints. NULL is fine. */
void store_checkpointer_stop(struct store_checkpointer *c);
/* Checkpoints the thread ran (for tests). */
long store_checkpointer_runs(struct store_checkpointer *c);

#endif
