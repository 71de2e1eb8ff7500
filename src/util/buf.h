/* buf.h: a growable byte buffer, the one way brief builds strings of unknown length. */
#ifndef BRIEF_UTIL_BUF_H
#define BRIEF_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A heap buffer that is always NUL-terminated once it holds memory (data may be NULL while
 * len == 0; a buffer only reserved holds ""). The owner calls buf_free(). Allocation
 * failure aborts the process: brief cannot do anything useful without memory
 * and checking every append would bury the logic. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT {NULL, 0, 0}

/* Make room for at least extra more bytes (plus the terminator). */
void buf_reserve(struct buf *b, size_t extra);
/* Append len bytes of p. */
void buf_append(struct buf *b, const void *p, size_t len);
/* Append a NUL-terminated string. */
void buf_puts(struct buf *b, const char *s);
/* Append one byte. */
void buf_putc(struct buf *b, char c);
/* Append printf-formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Forget the contents but keep the memory. */
void buf_clear(struct buf *b);
/* Return the contents as a NUL-terminated string ("" when empty); the buffer keeps ownership. */
const char *buf_str(const struct buf *b);
/* Hand the contents to the caller (free() it) and reset the buffer. Never NULL. */
char *buf_detach(struct buf *b);
/* Release the memory. */
void buf_free(struct buf *b);

#endif
