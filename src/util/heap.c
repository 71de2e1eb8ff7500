/* heap.c: glibc's malloc told to keep what it has (see heap.h). */
#include "util/heap.h"

#include <stdlib.h>
#include <string.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Freed memory up to this much stays with the process (glibc's default: 128 KiB, then
 * adjusted as large blocks come and go). */
#define KEEP_BYTES (256u << 20)
/* Blocks up to this size come from the heap, which is kept, not from mmap, which is
 * unmapped at free (glibc's maximum on 64-bit systems is 32 MiB). */
#define MMAP_FROM_BYTES (16u << 20)
/* The reserve is touched in pieces below MMAP_FROM_BYTES, so they come from the heap. */
#define PIECE_BYTES (1u << 20)

int
heap_keep(size_t reserve)
{
#ifdef __GLIBC__
	/* mallopt returns 1 on success. One arena: the server's threads share what main warms. */
	if (mallopt(M_ARENA_MAX, 1) != 1 || mallopt(M_MMAP_THRESHOLD, (int)MMAP_FROM_BYTES) != 1 ||
	    mallopt(M_TRIM_THRESHOLD, (int)KEEP_BYTES) != 1)
		return -1;
	size_t n = (reserve + PIECE_BYTES - 1) / PIECE_BYTES;
	void **pieces = calloc(n ? n : 1, sizeof *pieces);
	if (!pieces)
		return -1;
	int rc = 0;
	for (size_t k = 0; k < n; k++) {
		/* volatile: a block written and freed unread may otherwise be optimised away */
		char *volatile p = malloc(PIECE_BYTES);
		if (!p) {
			rc = -1;
			break;
		}
		memset(p, 0, PIECE_BYTES);
		pieces[k] = p;
	}
	for (size_t k = 0; k < n; k++)
		free(pieces[k]);
	free(pieces);
	return rc;
#else
	(void)reserve;
	return -1;
#endif
}
