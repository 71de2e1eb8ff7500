/* err.h: errors as values. A function that can fail returns -1 (or NULL) and
 * fills a caller-owned struct err with a one-line, human-readable reason. */
#ifndef BRIEF_UTIL_ERR_H
#define BRIEF_UTIL_ERR_H

struct err {
	char msg[512];
};

/* Set the message (printf-style); a NULL err is allowed and ignored. Control characters other
 * than line break and tab (what a feed or a model put into a quoted text) come out as '?'.
 * Returns -1 so call sites can write `return err_set(e, "...")`. */
int err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefix the existing message: "prefix: old message", control characters masked as by
 * err_set. Returns -1. */
int err_wrap(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
