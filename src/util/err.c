/* err.c: errors as values. */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Show each control character of msg other than line break and tab as '?': a reason often
 * quotes what a feed, a page or a model said (an error object's message, a refusal), and is
 * printed to the user's terminal, stored in a source's health and shown by serve, where an
 * escape sequence would retitle or clear the terminal. */
static void
mask_controls(char *msg)
{
	for (; *msg; msg++)
		if (((unsigned char)*msg < 0x20 && *msg != '\n' && *msg != '\t') || *msg == 0x7f)
			*msg = '?';
}

int
err_set(struct err *e, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	mask_controls(e->msg);
	return -1;
}

int
err_wrap(struct err *e, const char *fmt, ...)
{
	if (!e)
		return -1;
	char old[sizeof e->msg];
	memcpy(old, e->msg, sizeof old);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof e->msg)
		snprintf(e->msg + n, sizeof e->msg - (size_t)n, ": %s", old);
	mask_controls(e->msg);
	return -1;
}
