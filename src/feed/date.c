/* date.c: parse feed dates into UTC seconds.
 * PLACEHOLDER: only RFC 3339 for now; the full parser replaces this. */
#include "feed/date.h"

#include <stdio.h>
#include <string.h>

#include "util/str.h"
#include "util/timeutil.h"

int
date_parse(const char *s, size_t len, int64_t *out)
{
	char tmp[64];
	if (len >= sizeof tmp)
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (sscanf(tmp, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) < 3)
		return -1;
	*out = time_from_utc(y, mo, d, h, mi, sec);
	return 0;
}
