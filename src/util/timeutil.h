/* timeutil.h: the run's clock ("now", frozen by --now) and RFC 3339 formatting. */
#ifndef BRIEF_UTIL_TIMEUTIL_H
#define BRIEF_UTIL_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

/* Seconds since the epoch: the frozen --now when one was set, else the wall clock. */
int64_t time_now(void);
/* Freeze "now" for the rest of the process (tests, reproducible runs). */
void time_set_now(int64_t t);
/* Monotonic milliseconds, for measuring durations. */
int64_t time_mono_ms(void);
/* Format t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void time_format_rfc3339(int64_t t, char *out, size_t size);
/* Days from civil date (proleptic Gregorian) to days since 1970-01-01. */
int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d);
/* Convert a broken-down UTC time to epoch seconds without touching the TZ environment. An
 * hour, minute or second past its range carries into the next field, in 64-bit arithmetic
 * (mon must be 1..12, the civil date's own month). */
int64_t time_from_utc(int year, int mon, int day, int hour, int min, int sec);
/* Broken-down UTC date of t. */
void time_to_utc(int64_t t, int *year, int *mon, int *day, int *hour, int *min, int *sec);

#endif
