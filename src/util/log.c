/* log.c: diagnostics on stderr. */
#include "util/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

enum log_level log_verbosity = LOG_INFO;

static void __attribute__((format(printf, 3, 0)))
vlog(enum log_level level, const char *prefix, const char *fmt, va_list ap)
{
	if (level > log_verbosity)
		return;
	fputs("brief: ", stderr);
	if (prefix)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
