/* retry.c: Retry-After parsing and jitter draws shared by the fetcher and the LLM client. */
#include "net/retry.h"

#include <curl/curl.h>
#include <string.h>
#include <time.h>

#include "util/str.h"

#define RETRY_AFTER_MAX_S (7 * 86400)

int64_t
retry_after_ms(const char *value)
{
	if (!value)
		return -1;
	char t[128];
	const char *s = value;
	size_t len = strlen(value);
	str_trim(&s, &len);
	if (len == 0 || len >= sizeof t)
		return -1;
	memcpy(t, s, len);
	t[len] = '\0';
	long secs;
	double fsecs;
	if (str_to_long(t, 0, RETRY_AFTER_MAX_S, &secs) == 0)
		return (int64_t)secs * 1000;
	if (str_to_double(t, &fsecs) == 0) {
		if (!(fsecs >= 0)) /* negative or NaN: no delay a server can mean (and no int64 of -1e300) */
			return -1;
		return fsecs < RETRY_AFTER_MAX_S ? (int64_t)(fsecs * 1000) : (int64_t)RETRY_AFTER_MAX_S * 1000;
	}
	time_t when = curl_getdate(t, NULL);
	if (when <= 0)
		return -1;
	int64_t d = (int64_t)when - (int64_t)time(NULL);
	if (d < 0)
		d = 0;
	return (d < RETRY_AFTER_MAX_S ? d : RETRY_AFTER_MAX_S) * 1000;
}

uint64_t
retry_rand(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}
