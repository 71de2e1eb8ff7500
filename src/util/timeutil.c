/* timeutil.c: the run's clock and RFC 3339 formatting. */
#include "util/timeutil.h"

#include <stdio.h>
#include <time.h>

static int64_t frozen_now;
static int is_frozen;

int64_t
time_now(void)
{
	if (is_frozen)
		return frozen_now;
	return (int64_t)time(NULL);
}

void
time_set_now(int64_t t)
{
	frozen_now = t;
	is_frozen = 1;
}

int64_t
time_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian range. */
int64_t
time_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

int64_t
time_from_utc(int year, int mon, int day, int hour, int min, int sec)
{
	return time_days_from_civil(year, (unsigned)mon, (unsigned)day) * 86400 + (int64_t)hour * 3600 +
	       (int64_t)min * 60 + sec;
}

void
time_to_utc(int64_t t, int *year, int *mon, int *day, int *hour, int *min, int *sec)
{
	int64_t days = t / 86400, rem = t % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	*hour = (int)(rem / 3600);
	*min = (int)(rem % 3600 / 60);
	*sec = (int)(rem % 60);
	/* civil_from_days */
	days += 719468;
	int64_t era = (days >= 0 ? days : days - 146096) / 146097;
	unsigned doe = (unsigned)(days - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*mon = (int)m;
	*day = (int)d;
}

void
time_format_rfc3339(int64_t t, char *out, size_t size)
{
	int y, mo, d, h, mi, s;
	time_to_utc(t, &y, &mo, &d, &h, &mi, &s);
	snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
}
