/* cmd_weekly.c: `brief weekly`: fetch, select the week, group the stories, render the post
 * (seed 001), save it in the reports table and write it out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/longform/weekly.h"
#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "feed/opml.h"
#include "net/fetch.h"
#include "report/i18n.h"
#include "report/site.h"
#include "report/wechat.h"
#include "report/weekly.h"
#include "store/health.h"
#include "store/reports.h"
#include "store/runlock.h"
#include "store/select.h"
#include "util/arena.h"
#include "util/log.h"
#include "util/str.h"
#include "util/strlist.h"
#include "util/timeutil.h"

const char cmd_weekly_help[] =
	"usage: brief weekly [--days 7] [--lang zh|en] [--format md|html|json|wechat] [--out PATH]\n"
	"                    [--issue N] [--author NAME] [--front-matter jekyll|hugo|none]\n"
	"                    [--offline] [--no-fetch] [--feeds FILE.opml] [--concurrency N]\n"
	"                    [--timeout SEC] [--strict]\n\n"
	"Write the weekly roundup blog post: fetch the sources (unless --no-fetch), take the\n"
	"stories since the last post (at most two weeks; and posts fetched since it that are dated\n"
	"before, a feed that was down), group them by company or topic, and write news, rumours\n"
	"(小道消息), open-source releases and the references, with Jekyll (default) or Hugo\n"
	"front matter. Paragraphs are written by the LLM when one is configured, else quoted\n"
	"from the sources by the offline engine. A model's figures, dates, quotations and names\n"
	"must be in a source their sentence cites (docs/grounding.md): unsupported ones are\n"
	"listed in one re-ask, then their sentences are removed (stderr, and the JSON claim list).\n\n"
	"  --days N     exactly the last N days, whatever was posted (default: since the last\n"
	"               post; a run after a missed week is that week's late post)\n"
	"  --issue N    the issue number (default: last week's post + 1, else [weekly] first_issue)\n"
	"  --out FILE   write there (format from --format, else from the extension)\n"
	"  --site DIR   write the post into a Jekyll (DIR/_posts/DATE-weekly-WEEK.md) or Hugo\n"
	"               (DIR/content/posts/weekly-WEEK.md) site; a rerun rewrites the same file\n"
	"  --deliver NAME[,NAME]  send the post to configured channels (a wechat_mp channel puts it\n"
	"               into the 公众号 draft box); a channel that has the week's post gets nothing\n"
	"               again, one cut short the parts it lacks\n"
	"  --redeliver  send it whole to every --deliver channel, whatever they already have\n"
	"  --format wechat  one 公众号 fragment (every style inline): FILE, stdout or DIR/WEEK.wechat.html\n"
	"  --out DIR/   write WEEK.md, WEEK.html and WEEK.json (WEEK = 2026-W08) into DIR\n"
	"  --strict     refuse to write the post (exit 1) when a group keeps unsupported claims\n"
	"               after the re-ask, instead of removing them\n\n"
	"Config [weekly]: title (\"$1\" = issue as 3 digits, \"$2\" = issue, \"$3\" = week),\n"
	"subtitle, author, header_img, tags (comma-separated), epigraphs (separated by |),\n"
	"front_matter, first_issue, max_stories, max_groups, entities (see docs/weekly.md).\n"
	"Exit status 3 when the window holds no articles, 4 when another daily/weekly/article\n"
	"run is using the store.\n";

struct weekly_args {
	const char *deliver; /* --deliver NAME,... */
	const char *site;    /* --site DIR: a Jekyll/Hugo site tree */
	const char *days, *lang, *format, *out, *issue, *author, *front_matter;
	struct cmd_fetch_args fetch;
	int is_offline, is_no_fetch, is_strict, is_redeliver;
};

struct weekly_run {
	struct app app;
	struct store st;
	struct arena arena;
	struct weekly_args args;
	int days;
	int issue;          /* --issue, else 0: the store's next */
	enum weekly_front_matter front_matter; /* --front-matter, else [weekly] front_matter */
	const char *format; /* md, html, json, wechat */
	char week[16];      /* the post's ISO week, "2026-W08" (place_post) */
	int64_t since;      /* its window is (since, now]: where the post before it ended */
	int64_t until;      /* when the window was read: the post's created_at, the next one's since */
	struct store_late late; /* posts fetched since the post before but dated before since */
};

/* How far before its window a post fetched late (its feed was down) may be dated and still be
 * told in the next weekly: two weeks. */
#define WEEKLY_LATE_DAYS 14

/* The ISO week of t in the process time zone into week (16 bytes), "2026-W08". */
static void
week_of(int64_t t, char week[16])
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	strftime(week, 16, "%G-W%V", &tm);
}

/* Which week's post this run writes into w->week, and where its window starts into w->since
 * (docs/weekly.md, "Missed and repeated runs"). The latest post in the language, of this week or
 * before, is rewritten when it is this week's or less than a day old (a rerun); when the week
 * before this one has none and the latest is older than the last --days, this run is the late
 * post of the week before (a timer's catch-up after a missed run: it was due then, and this
 * week's run is still to come); else it is this week's. Without --days the window starts where
 * the post of an earlier week ended, when that is within two weeks, else a week before now: each
 * story is in one post, and a catch-up holds the missed week's; --days N is the last N days,
 * whatever was posted. With such a post before, w->late takes the posts first seen since it was
 * made but dated before the window (a feed that was down), up to WEEKLY_LATE_DAYS before: they
 * were in no window. Returns 0 or -1 with e set. */
static int
place_post(struct weekly_run *w, struct err *e)
{
	int64_t now = w->app.now, span = (int64_t)w->days * 86400;
	char latest[16], before[16], due[16];
	int64_t made;
	week_of(now, w->week);
	int found = store_weekly_latest(&w->st, w->args.lang, w->week, 1, latest, &made, e);
	if (found < 0)
		return -1;
	week_of(now - 7 * 86400, before);
	week_of(now - span, due);
	if (found && (strcmp(latest, w->week) == 0 || (made <= now && now - made < 86400)))
		str_copy(w->week, latest, sizeof w->week);
	else if (found && strcmp(latest, due) < 0 && strcmp(latest, before) < 0)
		str_copy(w->week, before, sizeof w->week);
	w->since = now - span;
	w->late = (struct store_late){-1, 0};
	if (w->args.days)
		return 0;
	found = store_weekly_latest(&w->st, w->args.lang, w->week, 0, latest, &made, e);
	if (found < 0)
		return -1;
	if (found && made < now && made >= now - 2 * span) {
		w->since = made;
		w->late = (struct store_late){made, made - WEEKLY_LATE_DAYS * 86400};
	}
	return 0;
}

/* Fill the front matter and epigraphs of p from flags, config and the clock. */
static int
fill_meta(struct weekly_run *w, struct weekly_post *p, struct err *e)
{
	struct arena *a = &w->arena;
	const struct config *cfg = &w->app.cfg;
	const struct config_values *cv = config_values(cfg);
	int en = strcmp(p->lang, "en") == 0;
	time_t now = (time_t)w->app.now;
	struct tm tm;
	localtime_r(&now, &tm);
	char date[16], stamp[32];
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	time_format_rfc3339(w->app.now, stamp, sizeof stamp);
	p->date = arena_strdup(a, date);
	p->week = arena_strdup(a, w->week);
	p->datetime = arena_strdup(a, stamp);
	struct buf local = BUF_INIT; /* the front matter date (Hugo, Jekyll): the local day, as p->date and p->week */
	i18n_local(&local, w->app.now, I18N_RFC3339);
	p->datetime_local = arena_strdup(a, buf_str(&local));
	buf_free(&local);

	int issue = w->issue;
	if (!issue) {
		if (store_weekly_issue(&w->st, p->week, &issue, e) < 0)
			return EXIT_FAIL;
		if (!issue)
			issue = (int)config_values(cfg)->weekly_first_issue;
	}
	p->issue = issue;
	char padded[16], plain[16];
	snprintf(padded, sizeof padded, "%03d", issue);
	snprintf(plain, sizeof plain, "%d", issue);
	const char *args[] = {padded, plain, p->week};
	struct buf title = BUF_INIT;
	i18n_fill_literal(&title, cv->weekly_title ? cv->weekly_title : en ? "Weekly Roundup #$2" : "科技周报 第 $2 期", args, 3);
	p->title = arena_strdup(a, buf_str(&title));
	buf_free(&title);
	p->subtitle = cv->weekly_subtitle ? cv->weekly_subtitle
	                                  : en ? "This week's tech news, rumours and open-source releases"
	                                       : "本周科技新闻、小道消息与开源项目";
	p->author = config_first(w->args.author, "BRIEF_AUTHOR", cv->weekly_author);
	p->header_img = cv->weekly_header_img;
	p->tag_count = strlist_split(cv->weekly_tags ? cv->weekly_tags : en ? "weekly, tech" : "周报, 科技", ",", a,
	                             &p->tags);
	const char **epi;
	size_t epi_count = strlist_split(cv->weekly_epigraphs, "|", a, &epi);
	if (epi_count) {
		p->epigraph_open = epi[(size_t)(issue - 1) % epi_count];
		if (epi_count > 1)
			p->epigraph_close = epi[(size_t)issue % epi_count];
	}
	p->front_matter = w->front_matter;
	return EXIT_OK;
}

static int
write_outputs(struct weekly_run *w, const struct weekly_post *p, struct err *e)
{
	struct buf md = BUF_INIT, html = BUF_INIT, json = BUF_INIT;
	weekly_render_md(p, &md);
	weekly_render_html(p, &html);
	weekly_render_json(p, &json);
	/* The saved post numbers the next one: a post the store could not record is not written,
	 * or next week's would carry its number again. */
	if (store_report_save(&w->st, "weekly", p->week, p->lang, p->title, w->until, buf_str(&md), buf_str(&html),
	                      buf_str(&json), e) < 0) {
		err_wrap(e, "issue %d could not be recorded in the store, so it was not written", p->issue);
		buf_free(&md);
		buf_free(&html);
		buf_free(&json);
		return EXIT_FAIL;
	}
	int rc = EXIT_OK;
	const char *out = w->args.out;
	if (w->args.site) {
		char path[8400];
		if (site_write_weekly(w->args.site, p, buf_str(&md), path, sizeof path, e) < 0)
			rc = EXIT_FAIL;
		else
			log_info("weekly: %s", path);
	}
	if (rc != EXIT_OK || (w->args.site && !out)) {
		/* nothing more to write: the site failed, or --site alone took the post */
	} else if (strcmp(w->format, "wechat") == 0) {
		struct wechat_theme theme;
		struct buf frag = BUF_INIT;
		if (wechat_theme_load(&w->app.cfg, &theme, e) < 0)
			rc = EXIT_FAIL;
		else
			wechat_weekly(p, &theme, &frag);
		if (rc == EXIT_OK && cmd_write_wechat(out, 0, p->week, &frag, e) < 0)
			rc = EXIT_FAIL;
		buf_free(&frag);
	} else if (cmd_write_renderings(out, 0, p->week, p->lang, w->format, &md, &html, &json, e) < 0) {
		rc = EXIT_FAIL;
	}
	if (rc == EXIT_OK)
		log_info("weekly: issue %d (%s), %zu references, %s engine%s%s", p->issue, p->week, p->ref_count, p->engine,
		         out ? " -> " : "", out ? out : "");
	if (rc == EXIT_OK && w->args.deliver) { /* only a written post: a rerun delivers it once */
		struct wechat_theme theme;
		struct buf frag = BUF_INIT;
		if (wechat_theme_load(&w->app.cfg, &theme, e) == 0) {
			wechat_weekly(p, &theme, &frag);
			char report[128]; /* its name in the delivery log: the reports table's key */
			snprintf(report, sizeof report, "weekly/%s/%s", p->week, p->lang);
			struct deliver_message msg = {
				.title = p->title, .date = p->date, .markdown = buf_str(&md), .html = buf_str(&html),
				.wechat_html = buf_str(&frag), .digest = p->subtitle, .author = p->author, .store = &w->st,
				.report = report, .redeliver = w->args.is_redeliver,
			};
			if (cmd_deliver(&w->app.cfg, "weekly", w->args.deliver, &msg, e) < 0)
				rc = EXIT_FAIL;
		} else {
			rc = EXIT_FAIL;
		}
		buf_free(&frag);
	}
	buf_free(&md);
	buf_free(&html);
	buf_free(&json);
	return rc;
}

static int
run(struct weekly_run *w, struct err *e)
{
	struct arena *a = &w->arena;
	if (store_open(&w->st, w->app.db_path, e) < 0)
		return EXIT_FAIL;
	if (!w->args.is_no_fetch) {
		struct fetch_opts fo;
		int orc = cmd_fetch_opts(&w->app, &w->args.fetch, &fo, e);
		if (orc != EXIT_OK)
			return orc;
		struct fetch_summary sum;
		if (fetch_run(&w->st, &w->app.cfg, &fo, a, &sum, e) < 0)
			return EXIT_FAIL;
	}
	int64_t *ids = NULL;
	size_t id_count = 0;
	if (w->args.fetch.feeds && cmd_opml_source_ids(&w->st, w->args.fetch.feeds, a, &ids, &id_count, e) < 0)
		return EXIT_FAIL;
	if (w->args.fetch.feeds && id_count == 0)
		return err_set(e, "none of the feeds in %s is in the store (fetch them first)", w->args.fetch.feeds), EXIT_EMPTY;
	if (place_post(w, e) < 0)
		return EXIT_FAIL;
	/* The items this read sees were first seen by now: the next post starts after them. */
	w->until = time_now() > w->app.now ? time_now() : w->app.now;
	struct article *articles;
	size_t count;
	if (store_select_since(&w->st, w->app.now, w->since, &w->late, ids, id_count, a, &articles, &count, e) < 0)
		return EXIT_FAIL;
	int days = (int)((w->app.now - w->since + 43200) / 86400);
	if (days < 1)
		days = 1;
	if (count == 0)
		return err_set(e, "nothing to report: no articles in the last %d days", days), EXIT_EMPTY;

	struct weekly_post post;
	memset(&post, 0, sizeof post);
	post.lang = w->args.lang;
	post.days = days;
	int rc = fill_meta(w, &post, e);
	if (rc != EXIT_OK)
		return rc;
	struct weekly_opts wo = {
		.now = w->app.now, .days = days, .lang = w->args.lang, .force_offline = w->args.is_offline,
		.cfg = &w->app.cfg, .strict = w->args.is_strict,
	};
	if (weekly_build(&w->st, articles, count, &wo, a, &post, e) < 0)
		return EXIT_FAIL;
	struct report_brand brand;
	report_brand_load(&w->app.cfg, "weekly", w->args.lang, a, &brand);
	post.brand = &brand;
	return write_outputs(w, &post, e);
}

int
cmd_weekly(int argc, char **argv)
{
	struct weekly_run w;
	memset(&w, 0, sizeof w);
	struct weekly_args *a = &w.args;
	struct cli_common common = {0};
	const struct cli_option opts[] = {
		{"days", 0, CLI_VALUE, &a->days},
		{"lang", 0, CLI_VALUE, &a->lang},
		{"format", 0, CLI_VALUE, &a->format},
		{"out", 'o', CLI_VALUE, &a->out},
		{"issue", 0, CLI_VALUE, &a->issue},
		{"author", 0, CLI_VALUE, &a->author},
		{"front-matter", 0, CLI_VALUE, &a->front_matter},
		{"feeds", 0, CLI_VALUE, &a->fetch.feeds},
		{"concurrency", 0, CLI_VALUE, &a->fetch.concurrency},
		{"timeout", 0, CLI_VALUE, &a->fetch.timeout},
		{"offline", 0, CLI_FLAG, &a->is_offline},
		{"no-fetch", 0, CLI_FLAG, &a->is_no_fetch},
		{"deliver", 0, CLI_LIST, &a->deliver},
		{"redeliver", 0, CLI_FLAG, &a->is_redeliver},
		{"site", 0, CLI_VALUE, &a->site},
		{"strict", 0, CLI_FLAG, &a->is_strict},
		{NULL, 0, 0, NULL},
	};
	int arc = cmd_args("weekly", cmd_weekly_help, argc, argv, opts, &common, 0, NULL, NULL);
	if (arc != CMD_CONTINUE)
		return arc;
	struct err e = {{0}};
	w.days = 7;
	if ((a->days && cli_int(a->days, "days", 1, 366, &w.days, &e) < 0) ||
	    (a->issue && cli_int(a->issue, "issue", 1, 999999, &w.issue, &e) < 0))
		return cmd_usage_error("weekly", e.msg);
	if (cmd_lang(&a->lang, &e) < 0 || cmd_format(a->format, a->out, &w.format, &e) < 0)
		return cmd_usage_error("weekly", e.msg);
	enum weekly_front_matter fm;
	if ((a->front_matter && cmd_front_matter(a->front_matter, &fm, &e) < 0) ||
	    cmd_fetch_args_check(&a->fetch, &e) < 0)
		return cmd_usage_error("weekly", e.msg);
	if (a->site && a->front_matter && fm == WEEKLY_FM_NONE) /* a site's posts need front matter */
		return cmd_usage_error("weekly", "--site needs Jekyll or Hugo front matter (--front-matter jekyll|hugo)");
	if (a->site && a->format && !a->out) /* it was ignored: --site alone writes the post as Markdown */
		return cmd_usage_error("weekly", "--format goes with --out (or stdout without --site): --site alone writes "
		                                  "the site's Markdown post");
	if (a->is_redeliver && !a->deliver)
		return cmd_usage_error("weekly", "--redeliver goes with --deliver NAME[,NAME]");
	tzset();
	/* A missing or unwritable --out is said now, not after the fetch and the model's work. */
	if (cmd_out_check(a->out, 0, &e) < 0) {
		fprintf(stderr, "brief weekly: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (app_open(&w.app, &common, &e) < 0) {
		fprintf(stderr, "brief weekly: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (cmd_front_matter_of(a->front_matter, &w.app.cfg, "weekly", a->site != NULL, &w.front_matter, &e) < 0 ||
	    cmd_deliver_check(&w.app.cfg, a->deliver, &e) < 0) {
		fprintf(stderr, "brief weekly: %s\n", e.msg);
		app_close(&w.app);
		return EXIT_FAIL;
	}
	int lock_fd = -1;
	int lock_rc = cmd_run_lock(&w.app, "weekly", &lock_fd);
	if (lock_rc != EXIT_OK) {
		app_close(&w.app);
		return lock_rc;
	}
	int rc = run(&w, &e);
	if (rc == EXIT_USAGE)
		rc = cmd_usage_error("weekly", e.msg);
	else if (rc != EXIT_OK)
		fprintf(stderr, "brief weekly: %s\n", e.msg);
	store_close(&w.st);
	arena_free(&w.arena);
	store_run_unlock(lock_fd);
	app_close(&w.app);
	return rc;
}
