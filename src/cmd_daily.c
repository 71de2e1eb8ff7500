/* cmd_daily.c: `brief daily`: fetch, select the window, curate, render, write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/curate/curate.h"
#include "ai/curate/prescore.h"
#include "ai/longform/daily_check.h"
#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "deliver/deliver.h"
#include "feed/opml.h"
#include "net/fetch.h"
#include "report/archive.h"
#include "report/build.h"
#include "report/i18n.h"
#include "report/report.h"
#include "report/site.h"
#include "report/wechat.h"
#include "store/archive.h"
#include "store/health.h"
#include "store/runlock.h"
#include "store/reports.h"
#include "store/select.h"
#include "util/arena.h"
#include "util/fs.h"
#include "util/redact.h"
#include "util/log.h"
#include "util/str.h"
#include "util/timeutil.h"
#include "util/utf8.h"

const char cmd_daily_help[] =
	"usage: brief daily [--hours 48] [--top 15] [--lang zh|en] [--format md|html|json|wechat]\n"
	"                   [--out PATH] [--offline] [--no-fetch] [--feeds FILE.opml]\n"
	"                   [--concurrency N] [--timeout SEC] [--stale-days 30]\n"
	"                   [--max-tokens N] [--deliver NAME[,NAME...] [--redeliver]]\n"
	"                   [--site DIR] [--front-matter jekyll|hugo] [--due HH:MM]\n\n"
	"Write the daily digest: fetch the sources (unless --no-fetch), take the articles of\n"
	"the last --hours, rank the stories, summarise the top --top in --lang, and render\n"
	"them as Markdown (default), HTML or JSON.\n\n"
	"  --out FILE   write there (format from --format, else from the extension)\n"
	"  --out DIR/   write DATE.md, DATE.html and DATE.json into DIR and refresh its\n"
	"               index.md, index.html and index.atom (a directory: an existing one,\n"
	"               or a path ending in /)\n"
	"  --format wechat  one 公众号 fragment (every style inline) instead: FILE, stdout or\n"
	"               DIR/DATE.wechat.html (the archive is left alone); [wechat] theme/accent\n"
	"  --offline    use the built-in offline engine even when an LLM is configured\n"
	"  --stale-days feeds without a post for this many days are listed as stale\n"
	"  --max-tokens LLM token budget for this run; past it the offline engine takes over\n"
	"  --deliver    send the digest to these channels ([deliver \"NAME\"] in the config); a\n"
	"               channel that has the day's digest (the delivery log) gets nothing again,\n"
	"               one cut short gets the parts it lacks\n"
	"  --redeliver  send it whole to every --deliver channel, whatever they already have\n"
	"  --site DIR   write the digest as a post of a Jekyll (DIR/_posts/DATE-daily.md) or Hugo\n"
	"               (DIR/content/posts/daily-DATE.md) site, with front matter (--front-matter,\n"
	"               [daily] front_matter; default jekyll); a rerun of the day rewrites it\n"
	"  --due HH:MM  the daily schedule's time (`brief schedule install` adds it): a run before\n"
	"               today's HH:MM when yesterday has no digest is yesterday's late run, and\n"
	"               writes yesterday's digest, its window ending yesterday at HH:MM; missed\n"
	"               days before it without a digest (up to six) get theirs first, oldest first\n\n"
	"Dates and \"N hours ago\" use the local time zone (TZ). Exit status 3 when the\n"
	"window holds no articles, 4 when another daily/weekly/article run is using\n"
	"the store.\n";

struct daily_args {
	const char *hours, *top, *lang, *format, *out, *stale_days, *max_tokens, *deliver;
	const char *site, *front_matter; /* --site DIR: a Jekyll/Hugo site tree */
	const char *due; /* --due HH:MM: the time of day the schedule runs this digest */
	struct cmd_fetch_args fetch;
	int is_offline, is_no_fetch, is_redeliver;
};

/* qsort order of the feed-health lists: by name, ASCII case folded, then by URL — the order
 * store_feed_health gives, so the list never depends on which feed finished first. */
static int
problem_cmp(const void *a, const void *b)
{
	const struct report_problem *x = a, *y = b;
	int c = str_casecmp(x->name, y->name);
	return c ? c : strcmp(x->url, y->url);
}

/* Feeds that failed in this fetch, named as the store knows them, in problem_cmp order. */
static void
fetch_failures(struct store *st, const struct fetch_summary *sum, struct arena *a, struct report_health *h)
{
	h->failed = arena_alloc(a, (sum->failure_count + 1) * sizeof *h->failed);
	h->failed_count = 0;
	for (size_t i = 0; i < sum->failure_count; i++) {
		const char *url = sum->failures[i].url;
		const char *name = store_source_name(st, url, a);
		/* shown in the digest: credentials redacted (util/redact.h) */
		const char *shown = redact_str(a, url);
		h->failed[h->failed_count++] =
			(struct report_problem){name ? name : shown, shown, redact_str(a, sum->failures[i].error), 0};
	}
	if (h->failed_count)
		qsort(h->failed, h->failed_count, sizeof *h->failed, problem_cmp);
}

struct daily_run;
static int deliver_all(struct daily_run *d, const struct report *r, const struct buf *md, const struct buf *html,
                       const struct buf *title, struct err *e);

struct daily_run {
	struct app app;
	struct store st;
	struct arena arena;
	struct daily_args args;
	int hours, top, stale_days;
	long max_tokens;
	long tokens_spent;  /* prompt + completion tokens this run has used so far (the pre-scorer's
	                     * and each digest's): a catch-up's days share --max-tokens */
	const char *format; /* md, html, json or wechat */
	enum weekly_front_matter front_matter; /* of the --site post: --front-matter, else [daily] */
	int due_minute; /* --due as minutes after midnight, else -1 */
	int is_own;     /* the digest being written is the run's own day's, not a missed day's */
};

/* Parse --due s, "HH:MM" (two digits each, 00:00 to 23:59), into *minute (after midnight).
 * Returns 0, or -1 when s is not such a time. */
static int
parse_due(const char *s, int *minute)
{
	for (int i = 0; i < 5; i++)
		if (i == 2 ? s[i] != ':' : !is_ascii_digit((unsigned char)s[i]))
			return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (s[5] != '\0' || h > 23 || m > 59)
		return -1;
	*minute = h * 60 + m;
	return 0;
}

/* The time of the day days_back days before t's local day at minute (after midnight), in the
 * process time zone, or -1 when it cannot be told. */
static int64_t
due_time(int64_t t, int days_back, int minute)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return -1;
	tm.tm_mday -= days_back;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	time_t due = mktime(&tm);
	return due == (time_t)-1 ? -1 : (int64_t)due;
}

/* The most missed days one run writes before its own day's digest: with it, a week of digests. */
#define DAILY_CATCH_UP_DAYS 6

/* One digest a run writes: its window is (since, until], dated and generated at now. */
struct daily_day {
	int64_t now, since, until;
	int hours;  /* the window's length the digest names */
	int is_own; /* the run's own day (the last): the one --out FILE and stdout get */
	struct store_late late; /* the first day's: posts fetched since the digest before, dated before */
};

/* How far before its window a post fetched late (its feed was down) may be dated and still be
 * in the next digest: a week. */
#define DAILY_LATE_DAYS 7

/* Which days' digests this run writes, oldest first, into days (DAILY_CATCH_UP_DAYS + 1 of them);
 * returns how many, or -1 with e set (docs/daily.md, "Missed runs"). Without --due, one: today's,
 * the last --hours. With --due HH:MM, the run's own day is yesterday when the run is before today's
 * HH:MM and yesterday has no digest in the run's language (the schedule's late run: systemd's
 * Persistent=true runs a missed one when the machine is next up), dated yesterday at HH:MM; else
 * today. Before it come the days after the latest digest in the language that have none (a machine
 * off for days gets one run), at most DAILY_CATCH_UP_DAYS, each dated at its HH:MM; none when the
 * store has no digest yet. The first day's window is the last --hours; each later day's starts where
 * the one before ended, so a story is in one of the digests the run writes; only the run's own day
 * takes what is dated up to a day ahead of it. The first day also takes the posts first seen since
 * the digest before it was made, dated up to DAILY_LATE_DAYS before its window (store_late). */
static int
plan_days(struct daily_run *d, struct daily_day *days, struct err *e)
{
	int64_t now = d->app.now, when[DAILY_CATCH_UP_DAYS + 1];
	int n = 0, back = 0;
	when[n++] = now;
	int64_t today = d->due_minute < 0 ? -1 : due_time(now, 0, d->due_minute);
	int64_t late = today < 0 || now >= today ? -1 : due_time(now, 1, d->due_minute);
	struct buf day = BUF_INIT, body = BUF_INIT;
	int rc = 0;
	if (late >= 0) {
		i18n_local(&day, late, I18N_DATE);
		int found = archive_report_body(&d->st, "daily", buf_str(&day), day.len, d->args.lang, "json", &body, NULL, e);
		if (found < 0)
			rc = -1;
		else if (found == 0) {
			log_info("daily: before today's --due %s and no digest of %s: this is that day's late run",
			         d->args.due, buf_str(&day));
			when[0] = late;
			back = 1;
		} else if (d->args.deliver) {
			/* That late run was stopped (killed, the service gone) before its delivery was
			 * done: this run finishes it, rather than send today's digest at this hour. */
			char report[128];
			snprintf(report, sizeof report, "daily/%s/%s", buf_str(&day), d->args.lang);
			found = cmd_deliver_unfinished(&d->app.cfg, d->args.deliver, &d->st, report, e);
			if (found < 0) {
				rc = -1;
			} else if (found > 0) {
				log_info("daily: before today's --due %s and %s's digest is not delivered whole: this run "
				         "finishes its delivery",
				         d->args.due, buf_str(&day));
				when[0] = late;
				back = 1;
			}
		}
	}
	char last[16];
	int found = 0;
	if (rc == 0 && today >= 0) {
		buf_clear(&day);
		i18n_local(&day, when[0], I18N_DATE);
		int64_t made;
		found = store_daily_latest(&d->st, d->args.lang, buf_str(&day), 1, last, &made, e);
		if (found < 0)
			rc = -1;
	}
	for (int k = 1; rc == 0 && found == 1 && k <= DAILY_CATCH_UP_DAYS; k++) {
		int64_t t = due_time(now, back + k, d->due_minute);
		if (t < 0)
			break;
		buf_clear(&day);
		i18n_local(&day, t, I18N_DATE);
		if (strcmp(buf_str(&day), last) <= 0)
			break;
		when[n++] = t;
	}
	buf_free(&body);
	/* The first day takes the posts fetched since the digest before it was read but dated
	 * before its window (a feed that was down): they were in no digest. */
	struct store_late late_posts = {-1, 0};
	int64_t made = 0;
	if (rc == 0) {
		buf_clear(&day);
		i18n_local(&day, when[n - 1], I18N_DATE);
		int before = store_daily_latest(&d->st, d->args.lang, buf_str(&day), 0, last, &made, e);
		if (before < 0)
			rc = -1;
		else if (before == 1 && made < when[n - 1])
			late_posts = (struct store_late){made, when[n - 1] - (int64_t)d->hours * 3600 - DAILY_LATE_DAYS * 86400};
	}
	buf_free(&day);
	if (rc < 0)
		return -1;
	if (n > 1)
		log_info("daily: %d missed days without a digest: each is written under its own date first", n - 1);
	for (int i = 0; i < n; i++) {
		struct daily_day *dd = &days[i];
		dd->now = when[n - 1 - i];
		dd->is_own = i == n - 1;
		dd->since = i == 0 ? dd->now - (int64_t)d->hours * 3600 : days[i - 1].now;
		dd->until = dd->is_own ? dd->now + 86400 : dd->now; /* store_select_since's end */
		dd->hours = i == 0 ? d->hours : (int)((dd->now - dd->since + 1800) / 3600);
		dd->late = i == 0 ? late_posts : (struct store_late){-1, 0};
	}
	return n;
}

/* The digest as a post of the --site tree, with the front matter --front-matter or [daily]
 * front_matter asks for. */
static int
write_site_post(struct daily_run *d, const struct report *r, struct err *e)
{
	enum weekly_front_matter kind = d->front_matter;
	struct buf post = BUF_INIT;
	if (kind != WEEKLY_FM_NONE)
		report_daily_post_md(r, kind, &post);
	char path[8400];
	int rc = site_write_daily(d->args.site, kind, r->date, r->lang, buf_str(&post), path, sizeof path, e);
	if (rc == 0)
		log_info("daily: %s", path);
	buf_free(&post);
	return rc;
}

/* Fetch the sources before the digest (not with --no-fetch): sum gets what the fetch did, pre
 * what the scoring it overlapped spent. Returns EXIT_OK or an exit status with e set. */
static int
fetch_first(struct daily_run *d, struct fetch_summary *sum, struct prescore_stats *pre, struct err *e)
{
	struct fetch_opts fo;
	int orc = cmd_fetch_opts(&d->app, &d->args.fetch, &fo, e);
	if (orc != EXIT_OK)
		return orc;
	/* Overlap the scoring with the slow tail of fetching: finished feeds' articles are
	 * scored into the cache on a second thread while the fetcher waits for the rest
	 * (with full text, a feed is finished once its pages are stored too). */
	struct prescore *ps = NULL;
	int is_overlap = config_values(&d->app.cfg)->daily_score_while_fetching;
	if (!d->args.is_offline && is_overlap) {
		struct prescore_opts po = {d->app.db_path, &d->app.cfg, d->app.now, d->hours, d->max_tokens, &d->arena};
		struct err pe;
		ps = prescore_start(&po, &pe);
		if (!ps && pe.msg[0])
			log_debug("daily: no scoring during the fetch: %s", pe.msg);
		fo.on_feed_done = prescore_feed_done;
		fo.on_feed_done_ctx = ps;
	}
	int frc = fetch_run(&d->st, &d->app.cfg, &fo, &d->arena, sum, e);
	prescore_finish(ps, pre);
	return frc < 0 ? EXIT_FAIL : EXIT_OK;
}

/* Write the finished digest r (count: the window's articles) where --site, --format and --out
 * ask: a site post, a 公众号 fragment, an archive directory, or one file or stdout. Returns 0, or
 * -1 with e set. */
static int
write_outputs(struct daily_run *d, const struct report *r, size_t count, const struct buf *md,
              const struct buf *html, const struct buf *json, struct err *e)
{
	const char *out = d->args.out;
	if (d->args.site && write_site_post(d, r, e) < 0)
		return -1;
	if (d->args.site && !out)
		return 0; /* --site alone took the digest */
	int is_dir = out && (fs_is_dir(out) || str_ends(out, "/"));
	if (!d->is_own && !is_dir)
		return 0; /* a missed day's digest is stored and delivered; one FILE or stdout is the run's day's */
	if (strcmp(d->format, "wechat") == 0) {
		struct wechat_theme theme;
		if (wechat_theme_load(&d->app.cfg, &theme, e) < 0)
			return -1;
		struct buf frag = BUF_INIT;
		wechat_daily(r, &theme, &frag);
		int rc = cmd_write_wechat(out, 0, r->date, &frag, e);
		buf_free(&frag);
		return rc < 0 ? -1 : 0;
	}
	if (is_dir) {
		const char *base = config_first(NULL, "BRIEF_BASE_URL", config_values(&d->app.cfg)->daily_base_url);
		if (cmd_out_lang(out, r->date, r->lang, e) < 0 ||
		    report_archive_write(out, r, buf_str(md), buf_str(html), buf_str(json), base, e) < 0)
			return -1;
		log_info("daily: %zu stories from %zu articles (%s engine) -> %s%s%s.{md,html,json}", r->item_count, count,
		         r->engine, out, str_ends(out, "/") ? "" : "/", r->date);
		return 0;
	}
	if (cmd_write_renderings(out, 0, r->date, r->lang, d->format, md, html, json, e) < 0)
		return -1;
	if (out)
		log_info("daily: %zu stories from %zu articles (%s engine) -> %s", r->item_count, count, r->engine, out);
	return 0;
}

/* Write the digest of day (its window, date and generated time, d->app.now set to day->now)
 * from what is stored: fetched tells whether this run fetched (sum, pre: what it did). Returns
 * EXIT_OK, EXIT_EMPTY with e set when its window holds no articles, or another exit status
 * with e set. */
static int
write_day(struct daily_run *d, const struct daily_day *day, int fetched, const struct fetch_summary *fsum,
          const struct prescore_stats *pre, struct err *e)
{
	struct arena *a = &d->arena;
	struct fetch_summary sum = *fsum;
	d->app.now = day->now;
	d->is_own = day->is_own;
	int64_t *ids = NULL;
	size_t id_count = 0;
	if (d->args.fetch.feeds && cmd_opml_source_ids(&d->st, d->args.fetch.feeds, a, &ids, &id_count, e) < 0)
		return EXIT_FAIL;
	if (d->args.fetch.feeds && id_count == 0) {
		err_set(e, "none of the feeds in %s is in the store (fetch them first, without --no-fetch)", d->args.fetch.feeds);
		return EXIT_EMPTY;
	}
	struct article *articles;
	size_t count;
	const struct store_late *late = &day->late;
	if ((day->is_own ? store_select_since(&d->st, day->now, day->since, late, ids, id_count, a, &articles, &count, e)
	                 : store_select_between(&d->st, day->since, day->until, late, ids, id_count, a, &articles,
	                                        &count, e)) < 0)
		return EXIT_FAIL;
	if (count == 0 && day->is_own && fetched && sum.feeds_total > 0 && sum.feeds_ok == 0) {
		/* Not a quiet day: nothing could be fetched (offline machine, proxy, DNS ...). */
		err_set(e, "none of the %d feeds could be fetched (%s: %s); check the network, the proxy variables "
		        "(https_proxy, http_proxy, no_proxy) and the feed list",
		        sum.feeds_total, sum.failure_count ? redact_str(a, sum.failures[0].url) : "?",
		        sum.failure_count ? redact_str(a, sum.failures[0].error) : "?");
		return EXIT_FAIL;
	}
	if (count == 0) {
		err_set(e, "nothing to report: no articles in the last %d hours", day->hours);
		return EXIT_EMPTY;
	}
	struct curate_opts co = {
		.now = d->app.now, .hours = day->hours, .top_n = d->top, .lang = d->args.lang,
		.force_offline = d->args.is_offline, .per_source_cap = 3, .cfg = &d->app.cfg,
		.max_tokens = d->max_tokens, .score_failed = pre->score_failed,
	};
	if (co.max_tokens > 0) /* what the pre-scorer and the days before spent count against the run's budget */
		co.max_tokens = d->tokens_spent < co.max_tokens ? co.max_tokens - d->tokens_spent : 1;
	struct curate_result cur;
	if (curate_run(&d->st, articles, count, &co, a, &cur, e) < 0)
		return EXIT_FAIL;
	d->tokens_spent += cur.prompt_tokens + cur.completion_tokens;
	struct store_source_stats ss;
	if (store_source_stats(&d->st, ids, id_count, &ss, e) < 0)
		return EXIT_FAIL;
	struct daily_check_report chk = {0};
	int is_checked = strcmp(cur.engine, "llm") == 0;
	if (is_checked) { /* what the model wrote must be in what it was given */
		struct buf date = BUF_INIT; /* the digest's date, as report_build will write it */
		i18n_local(&date, d->app.now, I18N_DATE);
		struct daily_facts facts = {arena_strdup(a, buf_str(&date)), count,
		                            fetched ? sum.feeds_total : ss.feeds_total, day->hours};
		buf_free(&date);
		daily_check(cur.top, cur.top_count, &cur.highlights, cur.is_model_highlights, &facts, d->args.lang,
		            config_values(&d->app.cfg)->llm_enrich_text_tokens, a, &chk);
		if (chk.removed)
			log_warn("daily: %zu sentences the model wrote had a figure, date, quotation or name that is not in "
			         "the article, removed:\n%s",
			         chk.removed, chk.removed_text);
	}
	struct report r;
	struct report_build_opts bo = {d->args.lang, day->hours, d->top, d->app.now};
	report_build(&r, &cur, articles, count, &bo, a);
	r.stats.is_checked = is_checked;
	r.stats.claims = (long)chk.claims;
	r.stats.claims_unsupported = (long)chk.unsupported;
	r.stats.sentences_removed = (int)chk.removed;
	struct report_brand brand;
	report_brand_load(&d->app.cfg, "daily", d->args.lang, a, &brand);
	r.brand = &brand;
	r.is_default_list = ss.is_all_default;
	r.stats.feeds_total = ss.feeds_total;
	r.stats.feeds_ok = ss.feeds_ok;
	r.stats.articles_total = ss.items_total;
	/* articles_total counts what the store holds for these feeds (stable across reruns,
	 * where unchanged feeds answer 304 and serve nothing); feeds_ok counts 304s as ok. */
	if (fetched) {
		r.stats.feeds_total = sum.feeds_total;
		r.stats.feeds_ok = sum.feeds_ok;
		r.stats.full_text = sum.full_text;
		r.stats.pages_fetched = sum.pages_ok + sum.pages_no_article;
		r.stats.pages_failed = sum.pages_failed;
	}
	if (store_feed_health(&d->st, d->app.now, d->stale_days, ids, id_count, a, &r.health, e) < 0)
		return EXIT_FAIL;
	if (fetched)
		fetch_failures(&d->st, &sum, a, &r.health);

	struct buf md = BUF_INIT, html = BUF_INIT, json = BUF_INIT, title = BUF_INIT;
	report_daily_md(&r, &md);
	report_daily_html(&r, &html);
	report_daily_json(&r, &json);
	report_daily_title(&r, &title);
	int rc = EXIT_OK;
	if (write_outputs(d, &r, count, &md, &html, &json, e) < 0)
		rc = EXIT_FAIL;
	/* Only a written digest goes into the archive (`brief serve` publishes what is stored);
	 * one the store cannot keep is still written and delivered. */
	if (rc == EXIT_OK) {
		struct err se;
		/* made when its window was read (a missed day's, later than its date): the next digest
		 * takes what was fetched since then */
		int64_t made = time_now() > r.generated_at ? time_now() : r.generated_at;
		if (store_report_save(&d->st, "daily", r.date, r.lang, buf_str(&title), made, buf_str(&md),
		                      buf_str(&html), buf_str(&json), &se) < 0)
			log_warn("daily: %s", se.msg);
	}
	log_info("daily: %ld LLM requests (%ld while fetching), %ld prompt + %ld completion tokens",
	         cur.llm_requests + pre->requests, pre->requests, cur.prompt_tokens + pre->prompt_tokens,
	         cur.completion_tokens + pre->completion_tokens);
	/* Only a written digest goes out: the rerun that follows a failed write delivers it once. */
	if (rc == EXIT_OK && d->args.deliver && deliver_all(d, &r, &md, &html, &title, e) < 0)
		rc = EXIT_FAIL;
	buf_free(&md);
	buf_free(&html);
	buf_free(&json);
	buf_free(&title);
	return rc;
}

static int
run(struct daily_run *d, struct err *e)
{
	if (store_open(&d->st, d->app.db_path, e) < 0)
		return EXIT_FAIL;
	struct fetch_summary sum;
	memset(&sum, 0, sizeof sum);
	int fetched = 0;
	struct prescore_stats pre;
	memset(&pre, 0, sizeof pre);
	if (!d->args.is_no_fetch) {
		int frc = fetch_first(d, &sum, &pre, e);
		if (frc != EXIT_OK)
			return frc;
		fetched = 1;
		d->tokens_spent = pre.tokens_used;
	}
	struct daily_day days[DAILY_CATCH_UP_DAYS + 1];
	int n = plan_days(d, days, e); /* after the fetch: what it stores was first seen now */
	if (n < 0)
		return EXIT_FAIL;
	struct prescore_stats none;
	memset(&none, 0, sizeof none);
	for (int i = 0; i < n - 1; i++) { /* the missed days, oldest first, each delivered before the next */
		struct err de = {{0}};
		int rc = write_day(d, &days[i], fetched, &sum, &none, &de);
		if (rc == EXIT_EMPTY) {
			struct buf date = BUF_INIT;
			i18n_local(&date, days[i].now, I18N_DATE);
			log_info("daily: no digest of %s, a missed day: %s", buf_str(&date), de.msg);
			buf_free(&date);
		} else if (rc != EXIT_OK)
			return *e = de, rc;
	}
	return write_day(d, &days[n - 1], fetched, &sum, &pre, e);
}

/* Send the finished digest to every channel named in --deliver; the 公众号 draft box gets the
 * wechat fragment with the highlights as its digest. */
static int
deliver_all(struct daily_run *d, const struct report *r, const struct buf *md, const struct buf *html,
            const struct buf *title, struct err *e)
{
	struct wechat_theme theme;
	struct buf frag = BUF_INIT, digest = BUF_INIT;
	if (wechat_theme_load(&d->app.cfg, &theme, e) < 0)
		return -1;
	/* The draft box takes fewer than 20,000 characters (room kept for the headline paragraph
	 * the channel puts first when it shortens the title): a full day of items is leaner. */
	int lean = wechat_daily_fit(r, &theme, WECHAT_CONTENT_MAX - 512, &frag);
	wechat_digest(r->highlights, &digest);
	const char *note = lean == 0 ? NULL
	                   : lean == 1 ? "the items after the must-reads are without their summaries, to fit the draft "
	                                 "box's 20,000 characters"
	                               : "the items after the must-reads are without their summaries, original titles "
	                                 "and keywords, to fit the draft box's 20,000 characters";
	/* Even the leanest draft may not fit (a high --top, a long [brand] intro): say so, not
	 * "to fit"; the API's own answer (45002) follows as the delivery's error. */
	char over[320];
	size_t chars = utf8_count(frag.data, frag.len);
	if (chars >= WECHAT_CONTENT_MAX - 512) {
		snprintf(over, sizeof over,
		         "even without the summaries, original titles and keywords of the items after the must-reads, "
		         "the draft has %zu characters, over the draft box's 20,000: the API will refuse it (fewer "
		         "stories with --top fit)",
		         chars);
		note = over;
	}
	char report[128]; /* its name in the delivery log: the reports table's key */
	snprintf(report, sizeof report, "daily/%s/%s", r->date, r->lang);
	struct deliver_message msg = {
		.title = buf_str(title), .date = r->date, .markdown = buf_str(md), .html = buf_str(html),
		.wechat_html = buf_str(&frag), .digest = buf_str(&digest), .wechat_note = note, .store = &d->st,
		.report = report, .redeliver = d->args.is_redeliver,
	};
	int rc = cmd_deliver(&d->app.cfg, "daily", d->args.deliver, &msg, e);
	buf_free(&frag);
	buf_free(&digest);
	return rc;
}

int
cmd_daily(int argc, char **argv)
{
	struct daily_run d;
	memset(&d, 0, sizeof d);
	struct daily_args *a = &d.args;
	struct cli_common common = {0};
	const struct cli_option opts[] = {
		{"hours", 0, CLI_VALUE, &a->hours},
		{"top", 0, CLI_VALUE, &a->top},
		{"lang", 0, CLI_VALUE, &a->lang},
		{"format", 0, CLI_VALUE, &a->format},
		{"out", 'o', CLI_VALUE, &a->out},
		{"feeds", 0, CLI_VALUE, &a->fetch.feeds},
		{"concurrency", 0, CLI_VALUE, &a->fetch.concurrency},
		{"timeout", 0, CLI_VALUE, &a->fetch.timeout},
		{"stale-days", 0, CLI_VALUE, &a->stale_days},
		{"max-tokens", 0, CLI_VALUE, &a->max_tokens},
		{"deliver", 0, CLI_LIST, &a->deliver},
		{"site", 0, CLI_VALUE, &a->site},
		{"front-matter", 0, CLI_VALUE, &a->front_matter},
		{"due", 0, CLI_VALUE, &a->due},
		{"offline", 0, CLI_FLAG, &a->is_offline},
		{"no-fetch", 0, CLI_FLAG, &a->is_no_fetch},
		{"redeliver", 0, CLI_FLAG, &a->is_redeliver},
		{NULL, 0, 0, NULL},
	};
	int arc = cmd_args("daily", cmd_daily_help, argc, argv, opts, &common, 0, NULL, NULL);
	if (arc != CMD_CONTINUE)
		return arc;
	struct err e = {{0}};
	d.hours = 48;
	d.top = 15;
	d.stale_days = 30;
	d.due_minute = -1;
	if (a->due && parse_due(a->due, &d.due_minute) < 0)
		return cmd_usage_error("daily", "--due wants the schedule's time of day, HH:MM (00:00 to 23:59)");
	if ((a->hours && cli_int(a->hours, "hours", 1, 24 * 366, &d.hours, &e) < 0) ||
	    (a->top && cli_int(a->top, "top", 1, 200, &d.top, &e) < 0) ||
	    (a->stale_days && cli_int(a->stale_days, "stale-days", 1, 36500, &d.stale_days, &e) < 0))
		return cmd_usage_error("daily", e.msg);
	if (a->max_tokens) {
		long v;
		if (str_to_long(a->max_tokens, 0, 1000000000L, &v) < 0)
			return cmd_usage_error("daily", "--max-tokens wants a whole number of tokens (0 = no limit)");
		d.max_tokens = v;
	}
	if (cmd_lang(&a->lang, &e) < 0 || cmd_format(a->format, a->out, &d.format, &e) < 0)
		return cmd_usage_error("daily", e.msg);
	enum weekly_front_matter fm;
	if ((a->front_matter && cmd_front_matter(a->front_matter, &fm, &e) < 0) ||
	    cmd_fetch_args_check(&a->fetch, &e) < 0)
		return cmd_usage_error("daily", e.msg);
	if (a->site && a->front_matter && fm == WEEKLY_FM_NONE) /* a site's posts need front matter */
		return cmd_usage_error("daily", "--site needs Jekyll or Hugo front matter (--front-matter jekyll|hugo)");
	if (a->site && a->format && !a->out) /* it was ignored: --site alone writes the post as Markdown */
		return cmd_usage_error("daily", "--format goes with --out (or stdout without --site): --site alone writes "
		                                  "the site's Markdown post");
	if (a->is_redeliver && !a->deliver)
		return cmd_usage_error("daily", "--redeliver goes with --deliver NAME[,NAME]");
	tzset(); /* dates in the reader's time zone */
	/* A missing or unwritable --out is said now, not after the fetch and the model's work. */
	if (cmd_out_check(a->out, 0, &e) < 0) {
		fprintf(stderr, "brief daily: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (app_open(&d.app, &common, &e) < 0) {
		fprintf(stderr, "brief daily: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if ((a->site && cmd_front_matter_of(a->front_matter, &d.app.cfg, "daily", 1, &d.front_matter, &e) < 0) ||
	    cmd_deliver_check(&d.app.cfg, a->deliver, &e) < 0) {
		fprintf(stderr, "brief daily: %s\n", e.msg);
		app_close(&d.app);
		return EXIT_FAIL;
	}
	int lock_fd = -1;
	int lock_rc = cmd_run_lock(&d.app, "daily", &lock_fd);
	if (lock_rc != EXIT_OK) {
		app_close(&d.app);
		return lock_rc;
	}
	int rc = run(&d, &e);
	if (rc == EXIT_USAGE)
		rc = cmd_usage_error("daily", e.msg);
	else if (rc != EXIT_OK)
		fprintf(stderr, "brief daily: %s\n", e.msg);
	store_close(&d.st);
	arena_free(&d.arena);
	store_run_unlock(lock_fd);
	app_close(&d.app);
	return rc;
}
