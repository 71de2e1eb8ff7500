/* test_weekly_undated.c: an item its feed gives no date is shown as undated — never with the
 * time brief first saw it presented as its publication date. A feed with one undated and one
 * dated item is fetched (clock frozen two days after the dated one), then the weekly post is
 * written offline in both languages: its paragraph on the undated story says it is undated
 * and carries no date, its JSON reference has "published": null, while the dated story keeps
 * its date. The daily digest (Markdown, HTML, JSON) is checked the same way.
 * Also runs over weeks (docs/weekly.md, "Missed and repeated runs"): a Sunday schedule whose
 * Sunday was missed, caught up on Tuesday, then the next Sunday, each run fetching a feed that
 * grew since the last, clock frozen at each run; a daily schedule whose day was missed, caught
 * up after midnight (docs/daily.md, "Missed runs"); and a post with neither guid nor link whose
 * title its feed edits, or which its feed dates anew. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netlib.h"
#include "store/store.h"
#include "testlib.h"

#define NOW "2026-02-21T12:00:00Z" /* first seen: Feb 21; the dated item is of Feb 19 */

/* The line of text that contains needle ("" when none), into out. */
static void
line_of(const char *text, const char *needle, char *out, size_t size)
{
	const char *p = strstr(text, needle);
	out[0] = 0;
	if (!p)
		return;
	const char *start = p;
	while (start > text && start[-1] != '\n')
		start--;
	size_t n = strcspn(start, "\n");
	snprintf(out, size, "%.*s", (int)n, start);
}

/* Read DIR/STEM.md, .json and .html (as --out DIR/ writes them) into md, json and html. */
static void
read_renderings(const char *dir, const char *stem, struct buf *md, struct buf *json, struct buf *html)
{
	struct buf *bufs[] = {md, json, html};
	const char *exts[] = {"md", "json", "html"};
	for (int i = 0; i < 3; i++) {
		char path[4400];
		snprintf(path, sizeof path, "%s/%s.%s", dir, stem, exts[i]);
		test_read_file(path, bufs[i]);
	}
}

static void
check_weekly(const char *home, const char *lang)
{
	int en = strcmp(lang, "en") == 0;
	const char *dir = t_subdir(en ? "weekly-en" : "weekly-zh");
	char out_arg[4300];
	snprintf(out_arg, sizeof out_arg, "%s/", dir);
	struct buf err = BUF_INIT;
	int rc = t_brief(NULL, NULL, &err, "weekly", "--home", home, "--now", NOW, "--no-fetch", "--offline", "--lang",
	                 lang, "--out", out_arg, NULL);
	if (rc != 0)
		fprintf(stderr, "weekly: exit %d\n%s", rc, buf_str(&err));
	CHECK_INT(rc, 0);
	struct buf md = BUF_INIT, json = BUF_INIT, html = BUF_INIT;
	read_renderings(dir, "2026-W08", &md, &json, &html);
	char line[4096];
	/* The undated story: said so, and no date (the first-seen Feb 21 least of all). */
	line_of(buf_str(&md), "OpenAI releases a smaller reasoning model", line, sizeof line);
	CHECK(line[0] != 0);
	CHECK(strstr(line, en ? "(undated)" : "（日期不详）") != NULL);
	CHECK(strstr(line, en ? "Feb 21" : "2月21日") == NULL);
	CHECK(strstr(line, en ? "On " : "月") == NULL);
	CHECK(strstr(buf_str(&html), en ? "(undated)" : "（日期不详）") != NULL);
	/* The dated story keeps its date. */
	line_of(buf_str(&md), "Google updates Chrome", line, sizeof line);
	CHECK(strstr(line, en ? "On Feb 19," : "2月19日") != NULL);
	/* JSON references: null for the undated one, the feed's date for the dated one. */
	json_error_t je;
	json_t *j = json_loads(buf_str(&json), 0, &je);
	json_t *refs = json_object_get(j, "references");
	int seen_undated = 0, seen_dated = 0;
	for (size_t i = 0; i < json_array_size(refs); i++) {
		json_t *r = json_array_get(refs, i);
		const char *link = json_string_value(json_object_get(r, "link"));
		json_t *pub = json_object_get(r, "published");
		if (link && strstr(link, "openai-small-model")) {
			seen_undated = 1;
			CHECK(json_is_null(pub));
		} else if (link && strstr(link, "chrome-tab-search")) {
			seen_dated = 1;
			CHECK_STR(json_string_value(pub), "2026-02-19T09:00:00Z");
		}
	}
	CHECK(seen_undated && seen_dated);
	json_decref(j);
	buf_free(&md);
	buf_free(&json);
	buf_free(&html);
	buf_free(&err);
}

static void
check_daily(const char *home)
{
	const char *dir = t_subdir("daily");
	char out_arg[4300];
	snprintf(out_arg, sizeof out_arg, "%s/", dir);
	CHECK_INT(t_brief(NULL, NULL, NULL, "daily", "--home", home, "--now", NOW, "--no-fetch", "--offline", "--hours", "72", "--lang",
	                  "en", "--out", out_arg, NULL), 0);
	struct buf md = BUF_INIT, json = BUF_INIT, html = BUF_INIT;
	read_renderings(dir, "2026-02-21", &md, &json, &html);
	/* Markdown and HTML say "undated" in its meta line; the dated one gets its age. */
	const char *md_item = strstr(buf_str(&md), "🥇 **[OpenAI releases a smaller reasoning model");
	CHECK(md_item && strstr(md_item, "\n\nUndated Wire · undated · ") == strchr(md_item, '\n'));
	const char *md_dated = strstr(buf_str(&md), "🥈 **[Google updates Chrome");
	CHECK(md_dated && strstr(md_dated, "\n\nUndated Wire · 2 days ago · ") == strchr(md_dated, '\n'));
	CHECK(strstr(buf_str(&html), "<bdi>Undated Wire</bdi></b> · undated · ") != NULL);
	json_error_t je;
	json_t *j = json_loads(buf_str(&json), 0, &je);
	json_t *items = json_object_get(j, "items");
	int seen = 0;
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *it = json_array_get(items, i);
		const char *link = json_string_value(json_object_get(it, "link"));
		if (link && strstr(link, "openai-small-model")) {
			seen = 1;
			CHECK(json_is_null(json_object_get(it, "published")));
		} else if (link && strstr(link, "chrome-tab-search")) {
			CHECK_STR(json_string_value(json_object_get(it, "published")), "2026-02-19T09:00:00Z");
		}
	}
	CHECK(seen);
	json_decref(j);
	buf_free(&md);
	buf_free(&json);
	buf_free(&html);
}

/* A town's news feed of the tests below: dir/FILE titled title, its posts' links SITE/ID,
 * guids GUID-ID, each description the title and the town's note. */
struct town_feed {
	const char *file, *title, *site, *guid, *note;
};

/* Write feed f holding the posts items[0..n) (id, title, RFC 822 date), newest (the last)
 * first. */
static void
write_town_feed(const char *dir, const struct town_feed *f, const char *const (*items)[3], int n)
{
	struct buf b = BUF_INIT;
	buf_printf(&b,
	           "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n"
	           "<title>%s</title><link>%s</link><description>Town news</description>\n",
	           f->title, f->site);
	for (int i = n - 1; i >= 0; i--)
		buf_printf(&b,
		           "<item><title>%s</title><link>%s%s</link><guid>%s-%s</guid>"
		           "<pubDate>%s</pubDate><description>%s. %s</description></item>\n",
		           items[i][1], f->site, items[i][0], f->guid, items[i][0], items[i][2], items[i][1], f->note);
	buf_puts(&b, "</channel></rss>\n");
	t_write_in(dir, f->file, buf_str(&b));
	buf_free(&b);
}

/* Write the feed holding the first n of the week's items into dir/catchup.xml. */
static void
grow_feed(const char *dir, int n)
{
	static const char *const items[][3] = {
		{"a", "Alderwood harbour opens a ferry pier", "Tue, 10 Feb 2026 09:00:00 GMT"},
		{"b", "Birchfield library extends its hours", "Sat, 14 Feb 2026 09:00:00 GMT"},
		{"c", "Cedarvale council repaints the lighthouse", "Mon, 16 Feb 2026 12:00:00 GMT"},
		{"d", "Dunmore bakery wins the bread fair", "Fri, 20 Feb 2026 09:00:00 GMT"},
		{"e", "Elmstead rowing club buys two boats", "Mon, 23 Feb 2026 09:00:00 GMT"},
		{"f", "Fernhill market moves to the square", "Fri, 27 Feb 2026 09:00:00 GMT"},
	};
	static const struct town_feed f = {"catchup.xml", "Harbour Notes", "https://catchup.example/", "cu",
	                                   "The harbour office said so on the day, in a short note to the town's readers."};
	write_town_feed(dir, &f, items, n);
}

/* The weekly post (JSON) of a run at now that fetches first, into out; returns the exit status. */
static int
weekly_at(const char *home, const char *now, struct buf *out)
{
	struct buf err = BUF_INIT;
	buf_clear(out);
	int rc = t_brief(NULL, out, &err, "weekly", "--home", home, "--now", now, "--offline", "--format", "json", NULL);
	if (rc != 0)
		fprintf(stderr, "weekly --now %s: exit %d\n%s", now, rc, buf_str(&err));
	buf_free(&err);
	return rc;
}

/* How many of the posts (n of them) name word. */
static int
posts_with(struct buf *posts, int n, const char *word)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		k += strstr(buf_str(&posts[i]), word) != NULL;
	return k;
}

/* A weekly schedule on Sundays (08:00) whose Sunday of W08 was missed: the machine was off, and
 * the timer's catch-up ran on Tuesday of W09. The catch-up was W09's post of the last seven
 * days, so the stories of Feb 15-17 were in no post, and the next Sunday's run was W09 again:
 * it rewrote Tuesday's post under the same issue number (a channel that had W09 got nothing)
 * and told Feb 22-24's stories a second time. Now the catch-up is W08's late post, from the
 * end of W07's to its run, and Sunday's is W09's from there: each story in one post. */
static void
check_catch_up(void)
{
	struct fsrv srv;
	const char *root = t_subdir("catchup-root");
	const char *home = t_subdir("catchup-home");
	grow_feed(root, 2);
	fsrv_start(&srv, root, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/catchup.xml"), "--home",
	                  home, NULL), 0);
	struct buf posts[4] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	CHECK_INT(weekly_at(home, "2026-02-15T08:00:00Z", &posts[0]), 0); /* Sunday, W07 */
	CHECK(strstr(buf_str(&posts[0]), "\"week\": \"2026-W07\"") != NULL);
	grow_feed(root, 5);
	CHECK_INT(weekly_at(home, "2026-02-24T08:00:00Z", &posts[1]), 0); /* Tuesday of W09: W08's catch-up */
	CHECK(strstr(buf_str(&posts[1]), "\"week\": \"2026-W08\"") != NULL);
	CHECK(strstr(buf_str(&posts[1]), "\"issue\": 2,") != NULL);
	/* Rerun the same morning (a fixed config): the same week's post again, not a new one. */
	CHECK_INT(weekly_at(home, "2026-02-24T09:30:00Z", &posts[3]), 0);
	CHECK(strstr(buf_str(&posts[3]), "\"week\": \"2026-W08\"") != NULL);
	CHECK(strstr(buf_str(&posts[3]), "Cedarvale") != NULL && strstr(buf_str(&posts[3]), "Elmstead") != NULL);
	grow_feed(root, 6);
	CHECK_INT(weekly_at(home, "2026-03-01T08:00:00Z", &posts[2]), 0); /* Sunday, W09 */
	CHECK(strstr(buf_str(&posts[2]), "\"week\": \"2026-W09\"") != NULL);
	CHECK(strstr(buf_str(&posts[2]), "\"issue\": 3,") != NULL);
	fsrv_stop(&srv);
	static const char *const words[] = {"Alderwood", "Birchfield", "Cedarvale", "Dunmore", "Elmstead", "Fernhill"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		int k = posts_with(posts, 3, words[i]);
		if (k != 1)
			fprintf(stderr, "%s is in %d of the three posts\n", words[i], k);
		CHECK_INT(k, 1);
	}
	for (int i = 0; i < 4; i++)
		buf_free(&posts[i]);
}

/* Write dir/NAME.xml, the feed TITLE of the posts items[0..n) (id, title, RFC 822 date) under
 * https://late.example/NAME/. */
static void
late_feed(const char *dir, const char *name, const char *title, const char *const (*items)[3], int n)
{
	char file[64], site[128], guid[64];
	snprintf(file, sizeof file, "%s.xml", name);
	snprintf(site, sizeof site, "https://late.example/%s/", name);
	snprintf(guid, sizeof guid, "%s", name);
	const struct town_feed f = {file, title, site, guid, "The parish office said so in a note."};
	write_town_feed(dir, &f, items, n);
}

/* Sunday's weekly of three feeds: Oak's posts every week; Ash's feed answers 404 from Feb 16 to
 * Feb 28, so its post of Feb 18 is first seen on Mar 1, dated before W09's window (from W08's
 * post on). It was in no post: W08's was read before it was fetched, W09's window starts after
 * its date. Now W09's post takes it. Elm's feed, added on Feb 27, brings a post of Feb 17 from
 * its back catalogue: it was never missed, and is in none. */
static void
check_weekly_late(void)
{
	static const char *const oak[][3] = {
		{"o1", "Oakley mill turns again", "Thu, 12 Feb 2026 09:00:00 GMT"},
		{"o2", "Oakley square plants ten trees", "Fri, 20 Feb 2026 09:00:00 GMT"},
		{"o3", "Oakley fair returns in spring", "Fri, 27 Feb 2026 09:00:00 GMT"},
	};
	static const char *const ash[][3] = {
		{"a1", "Ashby orchard sells its cider", "Wed, 11 Feb 2026 09:00:00 GMT"},
		{"a2", "Ashby quay gets a crane", "Wed, 18 Feb 2026 09:00:00 GMT"},
	};
	static const char *const elm[][3] = {
		{"e1", "Elmore museum hangs a new map", "Tue, 17 Feb 2026 09:00:00 GMT"},
		{"e2", "Elmore bus gets a night route", "Sat, 28 Feb 2026 09:00:00 GMT"},
	};
	struct fsrv srv;
	const char *root = t_subdir("late-root");
	const char *home = t_subdir("late-home");
	late_feed(root, "oak", "Oak Notes", oak, 1);
	late_feed(root, "ash", "Ash Notes", ash, 1);
	fsrv_start(&srv, root, NULL);
	const char *names[] = {"/oak.xml", "/ash.xml"};
	for (int i = 0; i < 2; i++)
		CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, names[i]), "--home",
		                  home, NULL), 0);
	struct buf posts[3] = {BUF_INIT, BUF_INIT, BUF_INIT};
	CHECK_INT(weekly_at(home, "2026-02-15T08:00:00Z", &posts[0]), 0); /* W07 */
	char path[4400];
	snprintf(path, sizeof path, "%s/ash.xml", root);
	CHECK_INT(unlink(path), 0); /* Ash's feed is down */
	late_feed(root, "oak", "Oak Notes", oak, 2);
	CHECK_INT(weekly_at(home, "2026-02-22T08:00:00Z", &posts[1]), 0); /* W08 */
	late_feed(root, "elm", "Elm Notes", elm, 2);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/elm.xml"), "--home", home,
	                  NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "--home", home, "--now", "2026-02-27T12:00:00Z", "-q", NULL), 0);
	late_feed(root, "ash", "Ash Notes", ash, 2); /* back up */
	late_feed(root, "oak", "Oak Notes", oak, 3);
	CHECK_INT(weekly_at(home, "2026-03-01T08:00:00Z", &posts[2]), 0); /* W09 */
	fsrv_stop(&srv);
	CHECK(strstr(buf_str(&posts[2]), "\"week\": \"2026-W09\"") != NULL);
	static const char *const words[] = {"Oakley mill", "Oakley square", "Oakley fair", "Ashby orchard", "Ashby quay",
	                                    "Elmore bus"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		int k = posts_with(posts, 3, words[i]);
		if (k != 1)
			fprintf(stderr, "%s is in %d of the three posts\n", words[i], k);
		CHECK_INT(k, 1);
	}
	CHECK(strstr(buf_str(&posts[2]), "Ashby quay") != NULL);
	CHECK_INT(posts_with(posts, 3, "Elmore museum"), 0); /* a new feed's back catalogue */
	for (int i = 0; i < 3; i++)
		buf_free(&posts[i]);
}

/* Write dir/dayrun.xml: the first n of three posts, dated Mar 2, 3 and 4 of 2026. */
static void
day_feed(const char *dir, int n)
{
	static const char *const items[][3] = {
		{"a", "Ashgrove ferry adds a night crossing", "Mon, 02 Mar 2026 09:00:00 GMT"},
		{"b", "Brookmere school opens a new wing", "Tue, 03 Mar 2026 12:00:00 GMT"},
		{"c", "Coldharbour pier reopens after repairs", "Wed, 04 Mar 2026 20:00:00 GMT"},
	};
	static const struct town_feed f = {"dayrun.xml", "Pier Notes", "https://dayrun.example/", "dr", "The pier office said so in a note."};
	write_town_feed(dir, &f, items, n);
}

/* The scheduled daily (--due 08:00, as `brief schedule install` writes it) of a run at now that
 * fetches first, written into out/ (the archive directory); returns the exit status. */
static int
daily_due_at(const char *home, const char *out, const char *now)
{
	struct buf err = BUF_INIT;
	char dir[4300];
	snprintf(dir, sizeof dir, "%s/", out);
	int rc = t_brief(NULL, NULL, &err, "daily", "--home", home, "--now", now, "--offline", "--due", "08:00", "--out",
	                 dir, NULL);
	if (rc != 0)
		fprintf(stderr, "daily --now %s: exit %d\n%s", now, rc, buf_str(&err));
	buf_free(&err);
	return rc;
}

/* The JSON digest out/DATE.json into json (empty when there is none). */
static void
read_day(const char *out, const char *date, struct buf *json)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s.json", out, date);
	buf_clear(json);
	if (access(path, F_OK) == 0)
		test_read_file(path, json);
}

/* A daily schedule at 08:00 whose Wednesday was missed: the machine was off all day and came up
 * at 00:30 on Thursday, when the timer ran the missed run. That run was saved and delivered as
 * Thursday's digest, Thursday's 08:00 run then rewrote it as a rerun (a channel that had it got
 * nothing), and Wednesday had no digest. Now the catch-up is Wednesday's digest, its window
 * ending Wednesday 08:00, and 08:00 writes Thursday's. */
static void
check_daily_catch_up(void)
{
	struct fsrv srv;
	const char *root = t_subdir("daycatch-root");
	const char *home = t_subdir("daycatch-home");
	const char *out = t_subdir("daycatch-out");
	day_feed(root, 1);
	fsrv_start(&srv, root, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/dayrun.xml"), "--home",
	                  home, NULL), 0);
	CHECK_INT(daily_due_at(home, out, "2026-03-03T08:00:00Z"), 0); /* Tuesday, on time */
	day_feed(root, 3);
	CHECK_INT(daily_due_at(home, out, "2026-03-05T00:30:00Z"), 0); /* Wednesday's, run at boot on Thursday */
	struct buf json = BUF_INIT;
	read_day(out, "2026-03-04", &json);
	CHECK(strstr(buf_str(&json), "\"date\": \"2026-03-04\"") != NULL);
	CHECK(strstr(buf_str(&json), "\"generated_at\": \"2026-03-04T08:00:00Z\"") != NULL);
	CHECK(strstr(buf_str(&json), "Brookmere") != NULL);
	read_day(out, "2026-03-05", &json);
	CHECK_INT((int)json.len, 0); /* Thursday's is still to come */
	CHECK_INT(daily_due_at(home, out, "2026-03-05T08:00:00Z"), 0); /* Thursday, on time */
	read_day(out, "2026-03-05", &json);
	CHECK(strstr(buf_str(&json), "\"date\": \"2026-03-05\"") != NULL);
	CHECK(strstr(buf_str(&json), "Coldharbour") != NULL);
	read_day(out, "2026-03-04", &json);
	CHECK(strstr(buf_str(&json), "\"generated_at\": \"2026-03-04T08:00:00Z\"") != NULL); /* not rewritten */
	/* A run before 08:00 when yesterday has its digest (a manual run, Friday 00:30) is today's. */
	CHECK_INT(daily_due_at(home, out, "2026-03-06T00:30:00Z"), 0);
	read_day(out, "2026-03-06", &json);
	CHECK(strstr(buf_str(&json), "\"date\": \"2026-03-06\"") != NULL);
	read_day(out, "2026-03-05", &json);
	CHECK(strstr(buf_str(&json), "\"generated_at\": \"2026-03-05T08:00:00Z\"") != NULL);
	fsrv_stop(&srv);
	buf_free(&json);
}

/* Write dir/weekend.xml: the first n of six posts, dated Friday Mar 6 to Friday Mar 20 of 2026. */
static void
weekend_feed(const char *dir, int n)
{
	static const char *const items[][3] = {
		{"f", "Foxley ferry changes its timetable", "Fri, 06 Mar 2026 12:00:00 GMT"},
		{"s", "Saltmarsh dunes get a boardwalk", "Sat, 07 Mar 2026 10:00:00 GMT"},
		{"u", "Underhill choir sings at the pier", "Sun, 08 Mar 2026 10:00:00 GMT"},
		{"m", "Millbrook station reopens its cafe", "Mon, 09 Mar 2026 06:00:00 GMT"},
		{"t", "Thornbury bridge gets new lamps", "Fri, 13 Mar 2026 12:00:00 GMT"},
		{"w", "Wexcombe pool opens for the spring", "Fri, 20 Mar 2026 06:00:00 GMT"},
	};
	static const struct town_feed f = {"weekend.xml", "Weekend Notes", "https://weekend.example/", "we", "The town hall said so in a note."};
	write_town_feed(dir, &f, items, n);
}

/* A daily schedule at 08:00 on a laptop shut on Friday after its run and opened on Monday at
 * 07:00: the timer fires its missed run once. That run wrote Sunday's digest and Saturday's was
 * never written. Now it writes each missed day's digest under its own date, oldest first (saved,
 * delivered and filed in that order), each story in one of them; Monday's 08:00 run is Monday's. */
static void
check_daily_missed_days(void)
{
	struct fsrv srv;
	const char *root = t_subdir("weekend-root");
	const char *home = t_subdir("weekend-home");
	const char *out = t_subdir("weekend-out");
	weekend_feed(root, 0);
	fsrv_start(&srv, root, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/weekend.xml"), "--home",
	                  home, NULL), 0);
	weekend_feed(root, 1);
	CHECK_INT(daily_due_at(home, out, "2026-03-06T12:30:00Z"), 0); /* a manual run on Friday: Friday's */
	weekend_feed(root, 4);
	CHECK_INT(daily_due_at(home, out, "2026-03-09T07:00:00Z"), 0); /* Monday at boot */
	struct buf sat = BUF_INIT, sun = BUF_INIT, mon = BUF_INIT;
	read_day(out, "2026-03-07", &sat);
	read_day(out, "2026-03-08", &sun);
	read_day(out, "2026-03-09", &mon);
	CHECK(strstr(buf_str(&sat), "\"date\": \"2026-03-07\"") != NULL);
	CHECK(strstr(buf_str(&sat), "\"generated_at\": \"2026-03-07T08:00:00Z\"") != NULL);
	CHECK(strstr(buf_str(&sun), "\"date\": \"2026-03-08\"") != NULL);
	CHECK_INT((int)mon.len, 0); /* Monday's is still to come */
	/* Saturday's holds the Saturday morning's window; Sunday's starts where it ended. */
	CHECK(strstr(buf_str(&sat), "Saltmarsh") == NULL);
	CHECK(strstr(buf_str(&sun), "Saltmarsh") != NULL);
	static const char *const words[] = {"Foxley", "Saltmarsh"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		int k = (strstr(buf_str(&sat), words[i]) != NULL) + (strstr(buf_str(&sun), words[i]) != NULL);
		if (k != 1)
			fprintf(stderr, "%s is in %d of the two catch-up digests\n", words[i], k);
		CHECK_INT(k, 1);
	}
	char db[4400];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st;
	struct err e;
	CHECK(store_open(&st, db, &e) == 0);
	/* written (and delivered) in date order */
	CHECK(test_query_int(&st, "SELECT id FROM reports WHERE kind = 'daily' AND slug = '2026-03-07'") <
	      test_query_int(&st, "SELECT id FROM reports WHERE kind = 'daily' AND slug = '2026-03-08'"));
	store_close(&st);
	CHECK_INT(daily_due_at(home, out, "2026-03-09T08:00:00Z"), 0); /* Monday, on time */
	read_day(out, "2026-03-09", &mon);
	CHECK(strstr(buf_str(&mon), "\"date\": \"2026-03-09\"") != NULL);
	/* Ten days away are caught up a week back at most: the run's day and the six before it. */
	weekend_feed(root, 6);
	CHECK_INT(daily_due_at(home, out, "2026-03-20T09:00:00Z"), 0);
	read_day(out, "2026-03-13", &sat);
	CHECK_INT((int)sat.len, 0);
	read_day(out, "2026-03-14", &sat);
	CHECK(strstr(buf_str(&sat), "Thornbury") != NULL);
	read_day(out, "2026-03-20", &sun);
	CHECK(strstr(buf_str(&sun), "Wexcombe") != NULL && strstr(buf_str(&sun), "Thornbury") == NULL);
	fsrv_stop(&srv);
	buf_free(&sat);
	buf_free(&sun);
	buf_free(&mon);
}

/* A daily schedule (08:00) of Oak's feed, which posts every day, and Ash's, which answers 404
 * from Mar 2 to Mar 5: its post of Mar 2 is first seen on Mar 6, dated before Mar 6's window. It
 * was in no digest (those before were read before it was fetched); now Mar 6's takes it, and a
 * rerun of the day too. Elm's feed, added on Mar 6, brings a post of Mar 3 from its back
 * catalogue: it is in none. */
static void
check_daily_late(void)
{
	static const char *const oak[][3] = {
		{"o1", "Oakley mill turns again", "Sun, 01 Mar 2026 20:00:00 GMT"},
		{"o2", "Oakley square plants ten trees", "Tue, 03 Mar 2026 20:00:00 GMT"},
		{"o3", "Oakley fair returns in spring", "Wed, 04 Mar 2026 20:00:00 GMT"},
		{"o4", "Oakley school paints its gates", "Thu, 05 Mar 2026 20:00:00 GMT"},
	};
	static const char *const ash[][3] = {
		{"a1", "Ashby orchard sells its cider", "Sun, 01 Mar 2026 09:00:00 GMT"},
		{"a2", "Ashby quay gets a crane", "Mon, 02 Mar 2026 12:00:00 GMT"},
	};
	static const char *const elm[][3] = {
		{"e1", "Elmore museum hangs a new map", "Tue, 03 Mar 2026 09:00:00 GMT"},
	};
	struct fsrv srv;
	const char *root = t_subdir("dlate-root");
	const char *home = t_subdir("dlate-home");
	const char *out = t_subdir("dlate-out");
	late_feed(root, "oak", "Oak Notes", oak, 1);
	late_feed(root, "ash", "Ash Notes", ash, 1);
	fsrv_start(&srv, root, NULL);
	const char *names[] = {"/oak.xml", "/ash.xml"};
	for (int i = 0; i < 2; i++)
		CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, names[i]), "--home",
		                  home, NULL), 0);
	CHECK_INT(daily_due_at(home, out, "2026-03-02T08:00:00Z"), 0);
	char path[4400];
	snprintf(path, sizeof path, "%s/ash.xml", root);
	CHECK_INT(unlink(path), 0); /* Ash's feed is down */
	late_feed(root, "oak", "Oak Notes", oak, 3);
	CHECK_INT(daily_due_at(home, out, "2026-03-05T08:00:00Z"), 0); /* Mar 3 and 4 caught up, then Mar 5 */
	late_feed(root, "ash", "Ash Notes", ash, 2); /* back up */
	late_feed(root, "oak", "Oak Notes", oak, 4);
	late_feed(root, "elm", "Elm Notes", elm, 1);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/elm.xml"), "--home", home,
	                  NULL), 0);
	CHECK_INT(daily_due_at(home, out, "2026-03-06T08:00:00Z"), 0);
	static const char *const dates[] = {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"};
	struct buf days[5] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	for (int i = 0; i < 5; i++) {
		read_day(out, dates[i], &days[i]);
		CHECK(days[i].len > 0);
	}
	CHECK(strstr(buf_str(&days[4]), "Ashby quay") != NULL);
	CHECK_INT(posts_with(days, 5, "Ashby quay"), 1);
	CHECK_INT(posts_with(days, 5, "Elmore museum"), 0); /* a new feed's back catalogue */
	CHECK_INT(daily_due_at(home, out, "2026-03-06T09:30:00Z"), 0); /* a rerun of the day */
	read_day(out, "2026-03-06", &days[4]);
	CHECK(strstr(buf_str(&days[4]), "Ashby quay") != NULL);
	fsrv_stop(&srv);
	for (int i = 0; i < 5; i++)
		buf_free(&days[i]);
}

/* Write dir/titled.xml: three posts with neither guid nor link, the first titled title; the
 * other two share a date and a boilerplate text and stay two posts. */
static void
titled_feed(const char *dir, const char *title)
{
	struct buf b = BUF_INIT;
	buf_printf(&b,
	           "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n"
	           "<title>Dam Notes</title><link>https://titled.example/</link><description>Notes</description>\n"
	           "<item><title>%s</title><pubDate>Thu, 19 Feb 2026 09:00:00 GMT</pubDate><description>The Glenmoor"
	           " dam opened its new spillway on Thursday. Engineers said it doubles the flow the dam can"
	           " release in a flood.</description></item>\n"
	           "<item><title>Notice: the east road is closed</title><pubDate>Wed, 18 Feb 2026 09:00:00 GMT"
	           "</pubDate><description>See the council's page for details.</description></item>\n"
	           "<item><title>Notice: the west road is open again</title><pubDate>Wed, 18 Feb 2026 09:00:00 GMT"
	           "</pubDate><description>See the council's page for details.</description></item>\n"
	           "</channel></rss>\n",
	           title);
	t_write_in(dir, "titled.xml", buf_str(&b));
	buf_free(&b);
}

/* Write dir/moved.xml: one post with neither guid nor link, dated date (RFC 822). */
static void
moved_feed(const char *dir, const char *date)
{
	struct buf b = BUF_INIT;
	buf_printf(&b,
	           "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n"
	           "<title>Crane Notes</title><link>https://moved.example/</link><description>Notes</description>\n"
	           "<item><title>Harbour crane lifts its first ship</title><pubDate>%s</pubDate><description>The new"
	           " harbour crane lifted its first ship out of the water this week.</description></item>\n"
	           "</channel></rss>\n",
	           date);
	t_write_in(dir, "moved.xml", buf_str(&b));
	buf_free(&b);
}

/* How many of the daily JSON's items (every story's lead and its other sources) have a title
 * containing word; the lead's title of the last such into last (size bytes). */
static int
daily_titles_with(const char *json, const char *word, char *last, size_t size)
{
	json_error_t je;
	json_t *j = json_loads(json, 0, &je);
	json_t *items = json_object_get(j, "items");
	int n = 0;
	last[0] = '\0';
	for (size_t i = 0; i < json_array_size(items); i++) {
		const char *t = json_string_value(json_object_get(json_array_get(items, i), "title"));
		if (t && strstr(t, word)) {
			n++;
			snprintf(last, size, "%s", t);
		}
	}
	json_decref(j);
	return n;
}

/* A post with neither guid nor link is known by its title and date: when the blog edited the
 * headline, the next fetch stored it again as a new post, and the next digest showed the same
 * post twice (🥇 the new headline, 🥈 the old one, the same quote under both), the weekly two
 * references. Now it is the post it was, under its new title. */
static void
check_retitled(void)
{
	struct fsrv srv;
	const char *root = t_subdir("titled-root");
	const char *home = t_subdir("titled-home");
	titled_feed(root, "Glenmoor dam opens its new spillway");
	fsrv_start(&srv, root, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/titled.xml"), "--home",
	                  home, NULL), 0);
	moved_feed(root, "Wed, 18 Feb 2026 12:00:00 GMT");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "--no-discover", fsrv_url(&srv, "/moved.xml"), "--home",
	                  home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "--home", home, "--now", "2026-02-19T12:00:00Z", "-q", NULL), 0);
	titled_feed(root, "Glenmoor dam opens its new spillway, doubling its flood capacity");
	moved_feed(root, "Fri, 20 Feb 2026 06:00:00 GMT"); /* the same post, dated anew */
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "--home", home, "--now", "2026-02-20T08:00:00Z", "-q", NULL), 0);
	fsrv_stop(&srv);
	struct buf out = BUF_INIT;
	char title[512];
	CHECK_INT(t_brief(NULL, &out, NULL, "daily", "--home", home, "--no-fetch", "--offline", "--format", "json", "--now",
	                  "2026-02-20T08:00:00Z", NULL), 0);
	CHECK_INT(daily_titles_with(buf_str(&out), "Glenmoor", title, sizeof title), 1);
	CHECK_STR(title, "Glenmoor dam opens its new spillway, doubling its flood capacity");
	/* two posts of one date and one text are two posts */
	CHECK_INT(daily_titles_with(buf_str(&out), "Notice:", title, sizeof title), 2);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "weekly", "--home", home, "--no-fetch", "--offline", "--format", "json",
	                  "--now", "2026-02-20T08:00:00Z", NULL), 0);
	const char *first = strstr(buf_str(&out), "Glenmoor dam opens its new spillway");
	CHECK(first && strstr(first + 1, "\"title\": \"Glenmoor dam opens its new spillway\"") == NULL);
	/* The post dated anew was in the digest of Feb 19 (first seen then) and is not new on Feb 21:
	 * it was stored again and shown as a new post two days after it had been. */
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "daily", "--home", home, "--no-fetch", "--offline", "--format", "json", "--now",
	                  "2026-02-19T12:00:00Z", NULL), 0);
	CHECK_INT(daily_titles_with(buf_str(&out), "Harbour crane", title, sizeof title), 1);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "daily", "--home", home, "--no-fetch", "--offline", "--format", "json", "--now",
	                  "2026-02-21T13:00:00Z", NULL), 3);
	CHECK_INT(daily_titles_with(buf_str(&out), "Harbour crane", title, sizeof title), 0);
	buf_free(&out);
}

int
main(void)
{
	t_need_parser();
	struct fsrv srv;
	fsrv_start(&srv, UNDATED_FIXTURES, NULL);
	const char *home = t_subdir("home");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/undated.xml"), "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "--home", home, "--now", NOW, "-q", NULL), 0);
	fsrv_stop(&srv);
	check_weekly(home, "en");
	check_weekly(home, "zh");
	check_daily(home);
	check_catch_up();
	check_weekly_late();
	check_daily_catch_up();
	check_daily_missed_days();
	check_daily_late();
	check_retitled();
	return test_done("test_weekly_undated");
}
