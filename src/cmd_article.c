/* cmd_article.c: `brief article`: a long-form commentary on one story (or one per top story
 * of the day), written by the LLM from the story's sources, checked, saved and written out;
 * without a model (none configured, or --offline) the offline engine's extract in the same
 * shape (commentary_offline). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/longform/commentary.h"
#include "ai/longform/grounding.h"
#include "ai/curate/cluster.h"
#include "ai/curate/curate.h"
#include "ai/llm/provider.h"
#include "ai/offline/text.h"
#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "report/commentary.h"
#include "report/wechat.h"
#include "store/health.h"
#include "store/reports.h"
#include "store/runlock.h"
#include "store/select.h"
#include "util/arena.h"
#include "util/fs.h"
#include "util/log.h"
#include "util/str.h"
#include "util/timeutil.h"

const char cmd_article_help[] =
	"usage: brief article STORY [--lang zh|en] [--format md|html|json|wechat] [--out PATH]\n"
	"                     [--min-chars N] [--max-chars N] [--days 7] [--strict]\n"
	"       brief article --top K [--hours 48] --out DIR/ [...]\n\n"
	"Write a long-form commentary article (headline, hook, 4-6 numbered sections, conclusion,\n"
	"a closing reader question, references) on one story, with the LLM. STORY is a story id\n"
	"(s + 12 hex digits: an item's \"id\" in the daily JSON; looked up in the last --days), an item\n"
	"id, or an item's URL. --top K writes one article per top story of the last --hours.\n"
	"The model cites the story's sources as [1], [2] ...; a draft that misses a section, heads\n"
	"two sections alike or one with a topic instead of a claim (\"Background\", \"背景\"), is\n"
	"too short or long, cites a source the story does not have or drifts into another\n"
	"language is asked again once with the findings, then reported (exit 1, nothing saved).\n"
	"Every figure, date, quotation and name must be in a source its sentence cites (see\n"
	"docs/grounding.md): unsupported claims are listed in the re-ask; after it, the sentences\n"
	"that still carry them are removed and reported on stderr and in the JSON claim list.\n"
	"Sources too short for the default length shorten it (said on stderr; never padded).\n"
	"The model is configured with BRIEF_LLM_BASE_URL / BRIEF_LLM_API_KEY ... (see brief doctor).\n"
	"Without one, or with --offline, the offline engine writes the article in the same shape\n"
	"from the sources' own sentences, quoted in their language (said in its closing note).\n\n"
	"  --min-chars/--max-chars  body length without spaces (default zh 1500-3000, en 2500-9000);\n"
	"               a model's article only: the offline engine's quotes its sources as they are\n"
	"  --out FILE   write there; --out DIR/ writes STORY.md, .html and .json into DIR\n"
	"  --deliver NAME[,NAME]  send it to configured channels (wechat_mp: the 公众号 draft box);\n"
	"               a channel that has it gets nothing again, one cut short the parts it lacks\n"
	"  --redeliver  send it whole to every --deliver channel, whatever they already have\n"
	"  --format wechat  one 公众号 fragment (inline styles only) instead: FILE, stdout or DIR/STORY.wechat.html\n"
	"  --offline    the offline engine's article even when a model is configured\n"
	"  --strict     refuse to write an article that still has unsupported claims after the\n"
	"               re-ask instead of removing them (exit 1, the claims on stderr)\n\n"
	"Exit status 4 when another daily/weekly/article run is using the store.\n";

struct article_args {
	const char *lang, *format, *out, *top, *hours, *days, *min_chars, *max_chars, *deliver;
	int is_strict, is_offline, is_redeliver;
};

struct article_run {
	struct app app;
	struct store st;
	struct arena arena;
	struct article_args args;
	int top, hours, days, min_chars, max_chars;
	const char *format;
	struct wechat_theme theme; /* --format wechat */
	int offline;               /* no model configured, or --offline */
	struct article *window;    /* the articles find_story() clustered */
	size_t window_count;
};

static int
is_story_id(const char *s)
{
	if (s[0] != 's' || strlen(s) != 13)
		return 0;
	for (size_t i = 1; i < 13; i++)
		if (!is_ascii_xdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Find the story the user named: a story id in the window, else the story of an item. */
static struct story *
find_story(struct article_run *r, const char *key, struct err *e)
{
	struct arena *a = &r->arena;
	int64_t now = r->app.now, item_id = 0, when = 0;
	if (!is_story_id(key)) {
		int found = store_item_find(&r->st, key, &item_id, &when, e);
		if (found < 0)
			return NULL;
		if (!found)
			return err_set(e, "no story, item id or URL \"%s\" in the store", key), NULL;
		if (when <= now - (int64_t)r->days * 86400 || when > now + 86400)
			now = when + 86400; /* an older item: its own week */
	}
	struct article *articles;
	size_t count;
	if (store_select_window(&r->st, now, r->days * 24, NULL, 0, a, &articles, &count, e) < 0)
		return NULL;
	r->window = articles;
	r->window_count = count;
	struct story *stories;
	size_t n;
	cluster_stories(articles, count, a, &stories, &n);
	for (size_t i = 0; i < n; i++) {
		if (!item_id && strcmp(stories[i].id, key) == 0)
			return &stories[i];
		for (size_t m = 0; item_id && m < stories[i].member_count; m++)
			if (stories[i].members[m]->id == item_id)
				return &stories[i];
	}
	/* A story another source has since joined with an earlier article has that article's id
	 * now; the id the reader saved still names it. */
	for (size_t i = 0; !item_id && i < n; i++)
		if (stories[i].member_count > 1 && cluster_story_has_id(&stories[i], key, a))
			return &stories[i];
	return err_set(e, "no story \"%s\" in the last %d days (try a larger --days)", key, r->days), NULL;
}

/* Render, save, write out and deliver a draft (model NULL: the offline engine's; ground NULL:
 * not checked); returns an exit status. */
static int
publish(struct article_run *r, const struct story *s, const struct commentary_draft *draft, const char *model,
        const struct grounding_report *ground, int many, struct err *e)
{
	struct arena *a = &r->arena;
	struct weekly_ref *refs = arena_alloc(a, s->member_count * sizeof *refs);
	for (size_t i = 0; i < s->member_count; i++) {
		const struct article *m = s->members[i];
		/* an untitled post is listed by its first sentence, as its headline and the weekly's
		 * references give it, not by its bare URL */
		const char *title = text_display_title(m->title, m->text, m->link, TEXT_DISPLAY_TITLE_CHARS, a);
		if (title == m->link)
			title = NULL; /* the renderers show the link; the JSON keeps no title */
		refs[i] = (struct weekly_ref){title, m->link, m->source_name, m->published};
	}
	time_t now = (time_t)r->app.now;
	struct tm tm;
	localtime_r(&now, &tm);
	char date[16], stamp[32];
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	time_format_rfc3339(r->app.now, stamp, sizeof stamp);
	struct report_brand brand;
	report_brand_load(&r->app.cfg, "article", r->args.lang, a, &brand);
	if (!model)
		report_brand_compiled(&r->app.cfg, r->args.lang, &brand);
	struct commentary_doc doc = {draft, r->args.lang, s->id, model, date, stamp, refs, s->member_count, &brand,
	                             ground};
	struct buf md = BUF_INIT, html = BUF_INIT, json = BUF_INIT, title = BUF_INIT;
	commentary_render_md(&doc, &md);
	commentary_render_html(&doc, &html);
	commentary_render_json(&doc, &json);
	article_heading_text(draft->headline, &title); /* the headline as the article shows it */
	int rc = EXIT_OK;
	struct buf frag = BUF_INIT;
	wechat_article(&doc, &r->theme, &frag);
	if (strcmp(r->format, "wechat") == 0) {
		if (cmd_write_wechat(r->args.out, many, s->id, &frag, e) < 0)
			rc = EXIT_FAIL;
	} else if (cmd_write_renderings(r->args.out, many, s->id, r->args.lang, r->format, &md, &html, &json, e) <
	           0) {
		rc = EXIT_FAIL;
	}
	/* Only a written article goes into the archive (`brief serve` publishes what is stored). */
	if (rc == EXIT_OK) {
		struct err se;
		if (store_report_save(&r->st, "article", s->id, r->args.lang, buf_str(&title), r->app.now, buf_str(&md),
		                      buf_str(&html), buf_str(&json), &se) < 0)
			log_warn("article: %s", se.msg);
	}
	if (rc == EXIT_OK && r->args.deliver) {
		struct buf digest = BUF_INIT;
		wechat_digest(draft->hook, &digest);
		char report[128]; /* its name in the delivery log: the reports table's key */
		snprintf(report, sizeof report, "article/%s/%s", s->id, r->args.lang);
		struct deliver_message msg = {
			.title = buf_str(&title), .date = date, .markdown = buf_str(&md), .html = buf_str(&html),
			.wechat_html = buf_str(&frag), .digest = buf_str(&digest), .store = &r->st, .report = report,
			.redeliver = r->args.is_redeliver,
		};
		if (cmd_deliver(&r->app.cfg, "article", r->args.deliver, &msg, e) < 0)
			rc = EXIT_FAIL;
		buf_free(&digest);
	}
	buf_free(&frag);
	buf_free(&title);
	if (rc == EXIT_OK)
		log_info("article %s: %zu characters, %zu section%s, %zu source%s (%s)", s->id, check_commentary_chars(draft),
		         draft->section_count, draft->section_count == 1 ? "" : "s", s->member_count,
		         s->member_count == 1 ? "" : "s", model ? model : "offline engine");
	buf_free(&md);
	buf_free(&html);
	buf_free(&json);
	return rc;
}

/* The offline engine's article on s: v is its lead's verdict, or NULL to judge the lead in
 * the window find_story() read. */
static void
offline_draft(struct article_run *r, const struct story *s, const struct verdict *v, struct commentary_draft *draft,
              struct grounding_report *ground)
{
	struct verdict own;
	if (!v) {
		struct curate_opts co = {.now = r->app.now, .hours = r->days * 24, .cfg = &r->app.cfg};
		curate_offline_verdict(r->window, r->window_count, s->lead, &co, &r->arena, &own);
		v = &own;
	}
	commentary_offline(s, v, r->args.lang, &r->arena, draft, ground);
	if (ground->claims.bad) /* every part is quoted or fixed text: a finding here is a bug of ours */
		log_warn("article %s: %zu claim(s) of the offline article not found in its sources", s->id,
		         ground->claims.bad);
}

/* Write one article (v: the lead's verdict when curate_run() judged it, else NULL); returns
 * an exit status. */
static int
one(struct article_run *r, const struct story *story, const struct verdict *v, int many, struct err *e)
{
	struct arena *a = &r->arena;
	/* A post its publisher's two feeds both carry is one source, cited once. */
	struct story distinct;
	cluster_distinct_posts(story, a, &distinct);
	const struct story *s = &distinct;
	struct commentary_draft draft;
	const char *model = NULL;
	struct grounding_report ground;
	if (r->offline) {
		offline_draft(r, s, v, &draft, &ground);
		return publish(r, s, &draft, NULL, &ground, many, e);
	}
	struct commentary_opts o = {r->args.lang, (size_t)r->min_chars, (size_t)r->max_chars, r->app.now, &r->app.cfg,
	                            r->args.is_strict, &ground};
	struct buf findings = BUF_INIT;
	enum commentary_status st = commentary_write(&r->st, s, &o, a, &draft, &model, &findings, e);
	if (st == COMMENTARY_NO_LLM) { /* the provider stopped for the run, said once: the offline article */
		buf_free(&findings);
		offline_draft(r, s, v, &draft, &ground);
		return publish(r, s, &draft, NULL, &ground, many, e);
	}
	if (st == COMMENTARY_REJECTED) {
		log_plain("brief article: the model's drafts for story %s failed the checks twice; nothing saved:\n%s",
		          s->id, buf_str(&findings));
		buf_free(&findings);
		return err_set(e, "story %s: the drafts failed the checks", s->id), EXIT_FAIL;
	}
	if (st == COMMENTARY_REFUSED) {
		log_plain("brief article: story %s: refused (--strict): the second draft still has unsupported "
		          "claims; nothing saved:\n%s",
		          s->id, buf_str(&findings));
		buf_free(&findings);
		return err_set(e, "story %s: unsupported claims (--strict)", s->id), EXIT_FAIL;
	}
	if (st == COMMENTARY_ERROR && findings.len) /* the first draft failed and no second one came */
		log_plain("brief article: story %s: the first draft failed the checks and the re-ask got no draft "
		          "(%s); nothing saved:\n%s",
		          s->id, e->msg, buf_str(&findings));
	if (st == COMMENTARY_OK && ground.removed)
		log_plain("brief article: story %s: removed %zu sentence(s) with claims no source supports:\n%s", s->id,
		          ground.removed, ground.removed_text);
	buf_free(&findings);
	if (st != COMMENTARY_OK)
		return EXIT_FAIL;
	return publish(r, s, &draft, model, &ground, many, e);
}

static int
run(struct article_run *r, const char *key, struct err *e)
{
	struct llm_config lc;
	int has = r->args.is_offline ? 0 : provider_resolve(&r->app.cfg, &lc, e);
	if (has < 0)
		return EXIT_FAIL;
	r->offline = has == 0;
	if (r->offline && !r->args.is_offline)
		log_info("no model is configured (BRIEF_LLM_BASE_URL and BRIEF_LLM_API_KEY, or OPENAI_API_KEY; see brief "
		         "doctor): the offline engine writes the article from the sources' own sentences");
	/* The bounds shape a model's writing; the offline engine quotes its sources' sentences as
	 * they are, so a bound given with it would go unmet without a word. */
	if (r->offline && (r->min_chars || r->max_chars))
		log_warn("--min-chars/--max-chars bound a model's article; the offline engine's is as long as its "
		         "sources' quoted sentences make it, and ignores them");
	if (store_open(&r->st, r->app.db_path, e) < 0)
		return EXIT_FAIL;
	if (key) {
		struct story *s = find_story(r, key, e);
		return s ? one(r, s, NULL, 0, e) : EXIT_FAIL;
	}
	struct article *articles;
	size_t count;
	if (store_select_window(&r->st, r->app.now, r->hours, NULL, 0, &r->arena, &articles, &count, e) < 0)
		return EXIT_FAIL;
	if (count == 0)
		return err_set(e, "nothing to write about: no articles in the last %d hours", r->hours), EXIT_EMPTY;
	struct curate_opts co = {.now = r->app.now, .hours = r->hours, .top_n = r->top, .lang = r->args.lang,
	                         .force_offline = r->offline, .per_source_cap = 3, .cfg = &r->app.cfg};
	struct curate_result cur;
	if (curate_run(&r->st, articles, count, &co, &r->arena, &cur, e) < 0)
		return EXIT_FAIL;
	int rc = EXIT_OK;
	for (size_t i = 0; i < cur.top_count; i++) {
		int one_rc = one(r, cur.top[i], &cur.top[i]->verdict, 1, e);
		if (one_rc != EXIT_OK) {
			log_error("article %s: %s", cur.top[i]->id, e->msg);
			rc = one_rc;
		}
	}
	if (rc != EXIT_OK)
		err_set(e, "some articles could not be written (see above)");
	return rc;
}

int
cmd_article(int argc, char **argv)
{
	struct article_run r;
	memset(&r, 0, sizeof r);
	struct article_args *a = &r.args;
	struct cli_common common = {0};
	const struct cli_option opts[] = {
		{"lang", 0, CLI_VALUE, &a->lang},         {"format", 0, CLI_VALUE, &a->format},
		{"out", 'o', CLI_VALUE, &a->out},         {"top", 0, CLI_VALUE, &a->top},
		{"hours", 0, CLI_VALUE, &a->hours},       {"days", 0, CLI_VALUE, &a->days},
		{"min-chars", 0, CLI_VALUE, &a->min_chars}, {"max-chars", 0, CLI_VALUE, &a->max_chars},
		{"deliver", 0, CLI_LIST, &a->deliver},
		{"redeliver", 0, CLI_FLAG, &a->is_redeliver},
		{"strict", 0, CLI_FLAG, &a->is_strict},     {"offline", 0, CLI_FLAG, &a->is_offline},
		{NULL, 0, 0, NULL},
	};
	char **pos;
	int npos;
	int arc = cmd_args("article", cmd_article_help, argc, argv, opts, &common, 1, &pos, &npos);
	if (arc != CMD_CONTINUE)
		return arc;
	const char *key = npos > 0 ? pos[0] : NULL;
	free(pos);
	struct err e = {{0}};
	r.hours = 48;
	r.days = 7;
	if ((a->top && cli_int(a->top, "top", 1, 50, &r.top, &e) < 0) ||
	    (a->hours && cli_int(a->hours, "hours", 1, 24 * 366, &r.hours, &e) < 0) ||
	    (a->days && cli_int(a->days, "days", 1, 3660, &r.days, &e) < 0) ||
	    (a->min_chars && cli_int(a->min_chars, "min-chars", 1, 1000000, &r.min_chars, &e) < 0) ||
	    (a->max_chars && cli_int(a->max_chars, "max-chars", 1, 1000000, &r.max_chars, &e) < 0))
		return cmd_usage_error("article", e.msg);
	if ((key && r.top) || (!key && !r.top))
		return cmd_usage_error("article", "give one STORY (story id, item id or URL), or --top K");
	/* --top K writes STORY.md, .html and .json per story: into a directory only, never into a
	 * directory made under a name given as a file (--out today.md, --out -). */
	if (r.top && (!a->out || !(fs_is_dir(a->out) || str_ends(a->out, "/"))))
		return cmd_usage_error("article", "--top writes several articles: give --out DIR/ (an existing "
		                                  "directory, or a path ending in /)");
	if (r.min_chars && r.max_chars && r.min_chars > r.max_chars)
		return cmd_usage_error("article", "--min-chars is larger than --max-chars");
	if (cmd_lang(&a->lang, &e) < 0 || cmd_format(a->format, a->out, &r.format, &e) < 0)
		return cmd_usage_error("article", e.msg);
	/* One bound given alone stands with the language's default other one: --min-chars 5000 in
	 * zh (at most 3000) asked the model for a length no draft can have, twice, then failed. */
	struct check_rules lengths;
	check_rules_default(&lengths, a->lang);
	if (r.min_chars && !r.max_chars && (size_t)r.min_chars > lengths.max_chars) {
		char msg[200];
		snprintf(msg, sizeof msg, "--min-chars %d is more than the %s default --max-chars %zu: give --max-chars too",
		         r.min_chars, a->lang, lengths.max_chars);
		return cmd_usage_error("article", msg);
	}
	if (r.max_chars && !r.min_chars && (size_t)r.max_chars < lengths.min_chars) {
		char msg[200];
		snprintf(msg, sizeof msg, "--max-chars %d is less than the %s default --min-chars %zu: give --min-chars too",
		         r.max_chars, a->lang, lengths.min_chars);
		return cmd_usage_error("article", msg);
	}
	if (a->is_redeliver && !a->deliver)
		return cmd_usage_error("article", "--redeliver goes with --deliver NAME[,NAME]");
	tzset();
	/* A missing or unwritable --out is said now, not after the fetch and the model's work. */
	if (cmd_out_check(a->out, r.top != 0, &e) < 0) {
		fprintf(stderr, "brief article: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (app_open(&r.app, &common, &e) < 0) {
		fprintf(stderr, "brief article: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (cmd_deliver_check(&r.app.cfg, r.args.deliver, &e) < 0) {
		fprintf(stderr, "brief article: %s\n", e.msg);
		app_close(&r.app);
		return EXIT_FAIL;
	}
	int lock_fd = -1;
	int lock_rc = cmd_run_lock(&r.app, "article", &lock_fd);
	if (lock_rc != EXIT_OK) {
		app_close(&r.app);
		return lock_rc;
	}
	if (wechat_theme_load(&r.app.cfg, &r.theme, &e) < 0) {
		fprintf(stderr, "brief article: %s\n", e.msg);
		store_run_unlock(lock_fd);
		app_close(&r.app);
		return EXIT_FAIL;
	}
	int rc = run(&r, key, &e);
	if (rc != EXIT_OK)
		fprintf(stderr, "brief article: %s\n", e.msg);
	store_close(&r.st);
	arena_free(&r.arena);
	store_run_unlock(lock_fd);
	app_close(&r.app);
	return rc;
}
