/* log.c: diagnostics on stderr. */
#include "util/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/buf.h"

enum log_level log_verbosity = LOG_INFO;

/* fmt's message on stderr after "brief: " and prefix (either may be NULL), with its control
 * characters other than line break and tab shown as '?' (see log.h), then a line break when
 * newline is set. */
static void __attribute__((format(printf, 3, 0)))
put_shown(const char *lead, const char *prefix, const char *fmt, va_list ap, int newline)
{
	struct buf b = BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	/* A message may quote a feed's or the model's text (a removed sentence, a refusal): an
	 * escape sequence or a carriage return in it would retitle, clear or overwrite the
	 * terminal. */
	for (size_t i = 0; i < b.len; i++)
		if (((unsigned char)b.data[i] < 0x20 && b.data[i] != '\n' && b.data[i] != '\t') || b.data[i] == 0x7f)
			b.data[i] = '?';
	if (lead)
		fputs(lead, stderr);
	if (prefix)
		fputs(prefix, stderr);
	fputs(buf_str(&b), stderr);
	if (newline)
		fputc('\n', stderr);
	buf_free(&b);
}

static void __attribute__((format(printf, 3, 0)))
vlog(enum log_level level, const char *prefix, const char *fmt, va_list ap)
{
	if (level > log_verbosity)
		return;
	put_shown("brief: ", prefix, fmt, ap, 1);
}

void
log_plain(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	put_shown(NULL, NULL, fmt, ap, 0);
	va_end(ap);
}

#define LOG_FN(name, level, prefix)                                                                \
	void name(const char *fmt, ...)                                                            \
	{                                                                                          \
		va_list ap;                                                                        \
		va_start(ap, fmt);                                                                 \
		vlog(level, prefix, fmt, ap);                                                      \
		va_end(ap);                                                                        \
	}

LOG_FN(log_error, LOG_ERROR, "error: ")
LOG_FN(log_warn, LOG_WARN, "warning: ")
LOG_FN(log_info, LOG_INFO, NULL)
LOG_FN(log_debug, LOG_DEBUG, "debug: ")

void
die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("brief: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}
