/* backoff.c: how often a source that keeps failing is asked (docs/net.md, "Failing sources").
 * A feed that answers 404, times out or whose host name is gone fails the same way on every
 * run: asked hourly by cron, that was 24 identical failures a day, for months. Past
 * FETCH_BACKOFF_AFTER failures in a row it is asked at doubling intervals, capped at a day. */
#include "net/fetch.h"

#include "store/sources.h"

int64_t
fetch_backoff_s(int failures)
{
	if (failures < FETCH_BACKOFF_AFTER)
		return 0;
	int64_t wait = FETCH_BACKOFF_FIRST_S;
	for (int n = FETCH_BACKOFF_AFTER; n < failures && wait < FETCH_BACKOFF_MAX_S; n++)
		wait *= 2;
	if (wait > FETCH_BACKOFF_MAX_S)
		wait = FETCH_BACKOFF_MAX_S;
	/* A run a few minutes early (cron's start drifting, a run that took a while last time)
	 * still asks: an hourly schedule is kept, not moved to every other hour. */
	return wait - FETCH_BACKOFF_SLACK_S;
}

int
fetch_source_is_resting(const struct source *src, int64_t now)
{
	return src->kind != SOURCE_ADHOC && src->last_error && src->retry_at > now;
}
