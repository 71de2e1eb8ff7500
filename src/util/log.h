/* log.h: diagnostics on stderr, with verbosity levels and a fatal exit. */
#ifndef BRIEF_UTIL_LOG_H
#define BRIEF_UTIL_LOG_H

enum log_level { LOG_QUIET = 0, LOG_ERROR = 1, LOG_WARN = 2, LOG_INFO = 3, LOG_DEBUG = 4 };

/* The current verbosity; messages above it are dropped. Default LOG_INFO. */
extern enum log_level log_verbosity;

/* Each prints "brief: ", the level's prefix and the message on one stderr line; control
 * characters in the message other than line breaks and tabs are shown as '?'. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fmt's message on stderr as written, whatever the verbosity, control characters shown as
 * above: a command's own report that quotes a feed's or the model's text. */
void log_plain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "brief: message" and exit with status 1. For unrecoverable states only. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
