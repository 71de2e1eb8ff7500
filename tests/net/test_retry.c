/* test_retry.c: Retry-After values as servers send them, and the jitter generator. */
#include <time.h>

#include "net/retry.h"
#include "testlib.h"
#include "util/timeutil.h"

int
main(void)
{
	CHECK_INT(retry_after_ms("120"), 120000);
	CHECK_INT(retry_after_ms(" 2 \r\n"), 2000);
	CHECK_INT(retry_after_ms("1.5"), 1500);
	CHECK_INT(retry_after_ms("0"), 0);
	CHECK_INT(retry_after_ms(""), -1);
	CHECK_INT(retry_after_ms("-1e300"), -1); /* no int64 of it (UBSan): no delay */
	CHECK_INT(retry_after_ms("-0.5"), -1);
	CHECK_INT(retry_after_ms("nan"), -1);
	CHECK_INT(retry_after_ms(NULL), -1);
	CHECK_INT(retry_after_ms("soon"), -1);
	CHECK_INT(retry_after_ms("99999999"), 7LL * 86400 * 1000); /* capped at a week */
	/* An HTTP date is measured against the wall clock, even when --now froze the run's clock. */
	time_set_now(0);
	CHECK_INT(retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT"), 0); /* in the past */
	char future[64];
	time_t t = time(NULL) + 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(future, sizeof future, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	int64_t ms = retry_after_ms(future);
	CHECK(ms > 3500 * 1000 && ms <= 3600 * 1000);
	uint64_t state = 42, first = retry_rand(&state), second = retry_rand(&state);
	CHECK(first != second && first != 0 && second != 0);
	return test_done("test_retry");
}
