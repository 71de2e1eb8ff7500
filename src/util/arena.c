/* arena.c: region allocator. */
#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"

struct arena_block {
	struct arena_block *next;
	size_t size;
	size_t used;
	max_align_t data[];
};

#define ARENA_DEFAULT_BLOCK (64 * 1024)

static struct arena_block *
block_new(struct arena *a, size_t size)
{
	struct arena_block *b = malloc(sizeof *b + size);
	if (!b)
		die("out of memory (arena block of %zu bytes)", size);
	b->size = size;
	b->used = 0;
	b->next = a->head;
	a->head = b;
	a->total += size;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	size_t align = sizeof(max_align_t);
	/* no size this large can be had, and rounding it up (or adding the block header) would
	 * wrap around to a small one */
	if (n > SIZE_MAX / 2)
		die("out of memory (arena request of %zu bytes)", n);
	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (!a->block_size)
		a->block_size = ARENA_DEFAULT_BLOCK;
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		if (n > a->block_size / 4) {
			/* Big requests get their own block, inserted behind the current
			 * one so the current block's free space is not wasted. */
			struct arena_block *cur = a->head;
			struct arena_block *big = block_new(a, n);
			if (cur) {
				a->head = cur;
				big->next = cur->next;
				cur->next = big;
			}
			big->used = n;
			memset(big->data, 0, n);
			return big->data;
		}
		b = block_new(a, a->block_size);
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strndup(a, "", 0);
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_reset(struct arena *a)
{
	struct arena_block *keep = NULL;
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		if (!keep && b->size == a->block_size) {
			keep = b;
		} else {
			a->total -= b->size;
			free(b);
		}
		b = next;
	}
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->head = keep;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}
