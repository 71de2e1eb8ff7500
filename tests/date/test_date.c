/* test_date.c: date_parse on hand-written vectors: every grammar, every zone kind,
 * the broken forms seen in real feeds, and the inputs that must be rejected. */
#include <string.h>

#include "feed/date.h"
#include "testlib.h"
#include "util/timeutil.h"

static void
want(const char *s, int y, int mo, int d, int h, int mi, int sec)
{
	int64_t got = 0;
	int rc = date_parse(s, strlen(s), &got);
	int64_t expect = time_from_utc(y, mo, d, h, mi, sec);
	test_checks++;
	if (rc != 0 || got != expect) {
		char g[32] = "-1", w[32];
		if (rc == 0)
			time_format_rfc3339(got, g, sizeof g);
		time_format_rfc3339(expect, w, sizeof w);
		fprintf(stderr, "date_parse(\"%s\") = %s, want %s\n", s, g, w);
		test_failures++;
	}
}

static void
reject(const char *s)
{
	int64_t got = 0;
	test_checks++;
	if (date_parse(s, strlen(s), &got) != -1) {
		char g[32];
		time_format_rfc3339(got, g, sizeof g);
		fprintf(stderr, "date_parse(\"%s\") = %s, want rejection\n", s, g);
		test_failures++;
	}
}

int
main(void)
{
	CHECK(date_selftest() == 0);

	/* RFC 822 / 1123 / 2822 */
	want("Sat, 07 Sep 2002 00:00:01 GMT", 2002, 9, 7, 0, 0, 1);
	want("Sat, 07 Sep 2002 00:00:01 UT", 2002, 9, 7, 0, 0, 1);
	want("07 Sep 2002 09:00:01 +0900", 2002, 9, 7, 0, 0, 1);
	want("Tue, 10 Jun 2003 04:00:00 PST", 2003, 6, 10, 12, 0, 0);
	want("Tue, 10 Jun 2003 04:00:00 PDT", 2003, 6, 10, 11, 0, 0);
	want("Tue, 10 Jun 2003 04:00:00 EDT", 2003, 6, 10, 8, 0, 0);
	want("Tue, 10 Jun 2003 04:00:00 CST", 2003, 6, 10, 10, 0, 0);
	want("Tue, 10 Jun 2003 04:00:00 MDT", 2003, 6, 10, 10, 0, 0);
	want("Tue, 10 Jun 03 04:00:00 Z", 2003, 6, 10, 4, 0, 0);
	want("Tue, 10 Jun 99 04:00:00 Z", 1999, 6, 10, 4, 0, 0);
	want("Tue, 10 Jun 2003 04:00:00 A", 2003, 6, 10, 5, 0, 0); /* RFC 822's sign */
	want("Tue, 10 Jun 2003 04:00:00 Y", 2003, 6, 9, 16, 0, 0);
	want("Sun, 2 Jan 2011 12:00:00 +0000 (UTC)", 2011, 1, 2, 12, 0, 0);
	/* a numeric offset followed by a redundant "GMT" (PHP date('r') . " GMT"): feedparser reads the offset */
	want("Sat, 07 Sep 2002 00:00:01 +0000 GMT", 2002, 9, 7, 0, 0, 1);
	want("Sat, 07 Sep 2002 02:00:01 +0200 GMT", 2002, 9, 7, 0, 0, 1);
	want("sun, 2 jan 2011 12:00 +05:30", 2011, 1, 2, 6, 30, 0);
	want("Sun, 2 Jan 2011 1:2:3 GMT", 2011, 1, 2, 1, 2, 3);
	want("Sun,, 2 Jan,, 2011 12:00:00 GMT", 2011, 1, 2, 12, 0, 0);
	want("2 January 2011", 2011, 1, 2, 0, 0, 0);
	want("Thu, 01 Aug 2019 16:15 EDT", 2019, 8, 1, 20, 15, 0);
	want("Sat, Dec 16 2023 02:02:33 PM", 2023, 12, 16, 14, 2, 33);
	want("Sat, Dec 16 2023 12:02:33 AM", 2023, 12, 16, 0, 2, 33);
	want("Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)", 2012, 8, 30, 15, 26, 16);
	want("Wed, 02 Oct 2002 13:00:00 CEST", 2002, 10, 2, 11, 0, 0);
	want("Wed, 02 Oct 2002 13:00:00 XYZ", 2002, 10, 2, 13, 0, 0); /* unknown zone = UTC, as feedparser */
	want("mer, 16 nov 2022 00:38:15 +0100", 2022, 11, 15, 23, 38, 15);
	want("Seg, 12 Set 2022 10:00:00 -0300", 2022, 9, 12, 13, 0, 0);
	want("Mo, 3 Okt 2022 10:00:00 +0200", 2022, 10, 3, 8, 0, 0);
	want("Thu, 3rd Mar 2022 10:00:00 GMT", 2022, 3, 3, 10, 0, 0);
	want("Fri, 2006/09/15 08:19:53 EDT", 2006, 9, 15, 12, 19, 53);
	want("15.09.2006 08:19:53 +0200", 2006, 9, 15, 6, 19, 53);
	want("Wed, 19 Aug 2009 18:28:00 Etc/GMT", 2009, 8, 19, 18, 28, 0);
	/* asctime */
	want("Sun Jan  4 16:29:06 2004", 2004, 1, 4, 16, 29, 6);
	want("Sun Jan  4 16:29:06 PST 2004", 2004, 1, 5, 0, 29, 6);
	/* ISO 8601 / RFC 3339 / W3C-DTF */
	want("2003-12-31T10:14:55Z", 2003, 12, 31, 10, 14, 55);
	want("2003-12-31t10:14:55z", 2003, 12, 31, 10, 14, 55);
	want("2003-12-31T10:14:55.123456+05:30", 2003, 12, 31, 4, 44, 55);
	want("2003-12-31T10:14-08:00", 2003, 12, 31, 18, 14, 0);
	want("2003-12-31T10:14:55", 2003, 12, 31, 10, 14, 55);
	want("20031231T101455Z", 2003, 12, 31, 10, 14, 55);
	want("20031231T101455+0100", 2003, 12, 31, 9, 14, 55);
	want("2003-12-31", 2003, 12, 31, 0, 0, 0);
	want("2003-12", 2003, 12, 1, 0, 0, 0);
	want("2003", 2003, 1, 1, 0, 0, 0);
	want("2004-060", 2004, 2, 29, 0, 0, 0);
	want("2004060", 2004, 2, 29, 0, 0, 0);
	want("2016-12-31T23:59:60Z", 2017, 1, 1, 0, 0, 0);
	want("2004-07-08 23:56:58 -00:20", 2004, 7, 9, 0, 16, 58);
	want("2004-07-08 23:56:58 UTC", 2004, 7, 8, 23, 56, 58);
	want("  2004-07-08T23:56:58Z\n", 2004, 7, 8, 23, 56, 58);
	/* Korean, Greek, Hungarian (feedparser's localized readers) */
	want("2004년 05월 28일  01:31:15", 2004, 5, 27, 16, 31, 15);
	want("2004-05-25 \xec\x98\xa4\xed\x9b\x84 11:23:17", 2004, 5, 25, 14, 23, 17);
	want("2004-j\xc3\xbalius-13T9:15-05:00", 2004, 7, 13, 14, 15, 0);
	/* Chinese 年/月/日 and 上午/下午, China's UTC+8 unless a zone is written (before, none was a
	 * date: the item undated, placed when fetched, a month-old post new in today's digest) */
	want("2025年1月2日 10:30", 2025, 1, 2, 2, 30, 0);
	want("2025年01月02日 下午3:30", 2025, 1, 2, 7, 30, 0);
	want("2025年1月2日10:30:15", 2025, 1, 2, 2, 30, 15);
	want("2025年1月2日 上午10:30 +0000", 2025, 1, 2, 10, 30, 0);
	want("2025年1月2日", 2025, 1, 1, 16, 0, 0);
	/* French and Spanish Tuesday ("mar.", "mardi", "martes" begin as March does) before the
	 * month: before, every Tuesday's post of such a feed was undated */
	want("mar., 08 d\xc3\xa9""c. 2026 10:00:00 +0100", 2026, 12, 8, 9, 0, 0);
	want("mardi 8 d\xc3\xa9""cembre 2026 10:00", 2026, 12, 8, 10, 0, 0);
	want("Martes, 8 de diciembre de 2026 10:00:00 +0100", 2026, 12, 8, 9, 0, 0);
	want("mar, 08 dic 2026 10:00:00 +0100", 2026, 12, 8, 9, 0, 0);
	want("Mar 08 2026 10:00:00 +0100", 2026, 3, 8, 9, 0, 0); /* March alone stays March */
	/* RFC 9557's zone suffix after the offset (Java's ZonedDateTime.toString): before, no date */
	want("2026-12-07T10:00+08:00[Asia/Shanghai]", 2026, 12, 7, 2, 0, 0);
	want("2026-12-07T10:00:00Z[UTC][u-ca=gregory]", 2026, 12, 7, 10, 0, 0);
	/* ISO 8601's decimal comma (before: rejected, the item undated) */
	want("2026-12-07T10:00:00,5+08:00", 2026, 12, 7, 2, 0, 0);
	want("2026-12-07 10:00:00,25Z", 2026, 12, 7, 10, 0, 0);

	/* rejected: out of range, garbage, never 1970 */
	reject("");
	reject("   ");
	reject("not a date");
	reject("0");
	reject("2003-12-31T25:14:55Z");
	reject("2003-12-31T10:60:00Z");
	reject("2003-02-29");
	reject("2003-13-01");
	reject("2003-12-31T10:14:55+24:00");
	reject("Thu, 31 Jun 2004 19:48:21 GMT");
	reject("Thu, 30 Feb 2004 19:48:21 GMT");
	reject("Thu, 01 Jan 2004 25:00:00 GMT");
	reject("Sat, Dec 16 2023 13:02:33 PM");
	reject("Sun, 16 Dec 2012 11:47:32 GMT GMT");
	reject("Sun, 16 Dec 2012 11:47:32 +0100 +0200");
	reject("Sun, 16 Dec 2012 11:47:32 11:47:32");
	reject("12/16/2012");
	reject("2003-366");
	reject("2004-07-08T");
	reject("2004-07-08 23:56:58 (UTC");
	reject("2025年13月2日 10:30");
	reject("2025年1月2日1月 10:30");
	reject("2026-12-07T10:00:00,+08:00");
	reject("08 Mar 2026 Dec 10:00:00");
	reject("2026-12-07T10:00[Asia/Shanghai]"); /* the zone named only: its offset unknown */
	reject("2026-12-07T10:00+08:00[Asia/Shanghai");
	/* never reads past len: a prefix of a longer buffer is parsed alone */
	int64_t t = 0;
	const char *longer = "2003-12-31T10:14:55Zgarbage";
	CHECK(date_parse(longer, 20, &t) == 0);
	CHECK_INT(t, time_from_utc(2003, 12, 31, 10, 14, 55));
	CHECK(date_parse(longer, 21, &t) == -1);
	CHECK(date_parse(NULL, 0, &t) == -1);
	return test_done("test_date");
}
