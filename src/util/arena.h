/* arena.h: region allocation, one arena per run or per feed, freed in one call. */
#ifndef BRIEF_UTIL_ARENA_H
#define BRIEF_UTIL_ARENA_H

#include <stddef.h>

/* Memory handed out by an arena lives until arena_free() (or arena_reset()).
 * Blocks are chained; a request larger than the block size gets its own block.
 * Allocation failure aborts (see buf.h for why). */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t block_size;
	size_t total; /* bytes obtained from malloc, for memory accounting */
};

#define ARENA_INIT {NULL, 0, 0}

/* Return n bytes aligned for any type, zero-filled. */
void *arena_alloc(struct arena *a, size_t n);
/* Copy len bytes of s into the arena and NUL-terminate. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
/* Copy a NUL-terminated string; NULL stays NULL. */
char *arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free everything but the first block, which is kept for reuse. */
void arena_reset(struct arena *a);
/* Free everything. */
void arena_free(struct arena *a);

#endif
