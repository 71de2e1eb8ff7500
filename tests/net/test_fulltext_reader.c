/* test_fulltext_reader.c: the fetched page serves the reader (issue 13), through the binary,
 * over real HTTP on loopback and the LLM stand-in.
 *
 * A public feed (127.0.0.3 stands for the internet, $BRIEF_TEST_PUBLIC_ADDR) carries one item
 * with a two-sentence description; its link is a long article page. Two homes fetch it, one
 * with `--full-text` and one without. With the page: the model's score, enrichment and weekly
 * requests carry the page's words, the article is not cut short for thin sources, and in the
 * stand-in's faithful mode (it writes the sources' own sentences) a figure and a name that only
 * the page has reach the article as verified claims. Without it: thin sources, and neither.
 * And `brief daily` with full text scores while fetching: a feed is handed to the pre-scorer
 * once its pages are stored, so a request sent while a gated feed still waits carries the
 * page's words. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "llmserver.h"
#include "llmserver_ground.h"
#include "netlib.h"
#include "testlib.h"

static struct fsrv pub;
static struct llmsrv *llm;
static char root[4200], feed_url[300], page_url[300];

/* Words only the page has: a figure and a name (claims the grounding checks), and the opening
 * sentence (what the score prompt's short cut of the text starts with). */
#define PAGE_FIGURE "1,284"
#define PAGE_NAME "Margaret Ellory"
#define PAGE_OPENING "The harbour office counted"

static const char *const page_paras[] = {
	PAGE_OPENING " " PAGE_FIGURE " walkers crossing the sands to the island last spring, more than in any "
	"year since the causeway was rebuilt, and most of them crossed within two hours of low water.",
	"The new tide tables, printed on paper again after complaints about the website, show the lowest "
	"water of the season falling on a Sunday morning, which pleases the cockle pickers and worries the "
	"ferry crews in equal measure.",
	"Harbour master " PAGE_NAME " said the channel floods faster than it looks from the shore, and that "
	"the lifeboat was called out twice last spring for people caught halfway over with the water rising.",
	"Copies of the tables are free at the quay, the library and the bakery, and the office has asked the "
	"two cafes on the front to keep a stack by the till through the summer months.",
	"The council has also agreed to paint the safe crossing times on a board at the top of the slipway, "
	"where walkers gather before they set out, so that nobody has to rely on a phone signal.",
	"Fishermen on the quay said the earlier spring tides will shorten the season for the small boats, "
	"because the moorings in the inner harbour dry out for longer each day than they used to.",
	"The ferry company plans to add a late crossing on the weekends of the lowest tides, when the "
	"island's pub expects its busiest evenings and the last walkers often misjudge the way back.",
	"Birdwatchers welcomed the tables as well, since the mudflats draw the waders closest to the path "
	"in the hour before the flood, and the reserve wardens run guided walks on those mornings.",
	"The harbour office will review the printed tables in the autumn, and will keep them if the number "
	"of rescues stays down, and the wardens will count the walkers again at the end of the season.",
	"Visitors who want the times by post can write to the office, which has kept a list of subscribers "
	"since the first printed tables went out, and which still answers every letter it receives.",
	"The island itself has changed little in a century: a farm, a chapel, a row of cottages let to "
	"summer visitors, and a tea room that opens only when the crossing is safe for most of the day.",
	"Walking groups from the towns inland have started to book the crossing weeks ahead, and the "
	"office now asks group leaders to ring the quay on the morning of the walk to confirm the times.",
	"The lifeboat crew will hold an open day on the slipway in May, with talks on reading the sands, "
	"on the signs that the flood is coming, and on what to do when a walker is cut off by the water.",
	"Schools along the coast will take the tables into their geography lessons this term, and one "
	"class has asked to measure the tide on the causeway itself with the help of the wardens.",
	"Shopkeepers in the village hope the printed tables will bring back the day visitors who used to "
	"stop for lunch on the way to the crossing before the website replaced the old leaflets.",
	"The office says the tables will be translated for the coach parties that come from abroad in the "
	"summer, and that the signs on the slipway will carry the times in pictures as well as in words.",
	"Anyone caught by the tide is told to stay where they are, to call the coastguard and to wait on "
	"the highest ground they can reach, rather than try to wade back through the rising channel.",
};

static void
write_site(void)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "<html><head><title>Tide tables</title></head><body><nav><a href=\"/\">Home</a> "
	             "<a href=\"/news\">News</a></nav><article><h1>Tide tables</h1>");
	for (size_t i = 0; i < sizeof page_paras / sizeof page_paras[0]; i++)
		buf_printf(&b, "<p>%s</p>", page_paras[i]);
	buf_puts(&b, "</article><footer>Harbour office</footer></body></html>");
	t_write_in(root, "tides.html", buf_str(&b));
	snprintf(page_url, sizeof page_url, "http://127.0.0.3:%d/tides.html", pub.port);
	snprintf(feed_url, sizeof feed_url, "http://127.0.0.3:%d/harbour.xml", pub.port);
	buf_clear(&b);
	buf_printf(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour news</title>\n"
	               "<item><title>New tide tables for the island crossing</title><link>%s</link>"
	               "<description>The harbour office publishes new tide tables. Walkers should check "
	               "them before crossing.</description></item>\n</channel></rss>\n",
	           page_url);
	t_write_in(root, "harbour.xml", buf_str(&b));
	buf_free(&b);
}

/* brief ARGS... --home HOME with the stand-in's environment and the public stand-in address;
 * returns the exit status. */
static int
brief(const char *home, struct buf *out, struct buf *err, const char *const *args)
{
	char *argv[32];
	size_t n = 0;
	argv[n++] = (char *)test_brief_bin();
	for (size_t i = 0; args[i] && n < 28; i++)
		argv[n++] = (char *)args[i];
	argv[n++] = "--home";
	argv[n++] = (char *)home;
	argv[n] = NULL;
	char *env[16];
	size_t m = 0;
	static char *const base[] = {"TZ=UTC", "BRIEF_CONFIG=/dev/null", "BRIEF_TEST_PUBLIC_ADDR=127.0.0.3",
	                             "BRIEF_LLM_PROVIDER=", "OPENAI_API_KEY=", "OPENAI_BASE_URL=", "BRIEF_AUTHOR="};
	for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
		env[m++] = base[i];
	for (const char *const *e = llmsrv_brief_env(llm); *e && m < 15; e++)
		env[m++] = (char *)*e;
	env[m] = NULL;
	if (out)
		buf_clear(out);
	if (err)
		buf_clear(err);
	return test_run(argv, env, NULL, out, err);
}

/* Whether a logged request of task carries needle; -1 when the task was never asked. */
static int
task_saw(const char *task, const char *needle)
{
	int want = llmsrv_task_index(task), asked = 0, seen = 0;
	for (size_t i = 0; i < llmsrv_logged(llm); i++) {
		if (llmsrv_logged_task(llm, i) != want)
			continue;
		asked = 1;
		char *user = llmsrv_logged_user(llm, i);
		seen |= user && strstr(user, needle) != NULL;
		free(user);
	}
	return asked ? seen : -1;
}

/* The article's JSON: whether its sources were thin, and whether a claim holding needle is in
 * its claim list verified (1), unverified or removed (0), or absent (-1). */
static int
claim_verified(json_t *j, const char *needle)
{
	json_t *list = json_object_get(json_object_get(j, "grounding"), "claims"), *c;
	size_t i;
	int found = -1;
	json_array_foreach(list, i, c)
	{
		const char *text = json_string_value(json_object_get(c, "text"));
		if (text && strstr(text, needle))
			found = found == 1 ? 1
			                   : json_is_true(json_object_get(c, "verified")) &&
			                             !json_is_true(json_object_get(c, "removed"));
	}
	return found;
}

struct outcome {
	int thin, figure, name, score, enrich, weekly;
	int in_article; /* the page's opening sentence is in the written article */
};

/* A fresh home: add the feed, fetch (with --full-text or not), then the daily, the weekly
 * and the article of the item, the stand-in faithful; what the reader got. */
static void
run_home(const char *name, int full_text, struct outcome *o)
{
	char home[4400];
	snprintf(home, sizeof home, "%s", t_subdir(name));
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char *add[] = {"feeds", "add", feed_url, NULL};
	CHECK_INT(brief(home, &out, &err, add), 0);
	const char *fetch_ft[] = {"fetch", "--full-text", NULL}, *fetch_plain[] = {"fetch", NULL};
	CHECK_INT(brief(home, &out, &err, full_text ? fetch_ft : fetch_plain), 0);
	if (full_text)
		CHECK(strstr(buf_str(&out), "full text: 1 pages: 1 articles") != NULL);
	llmsrv_reset(llm);
	const char *daily[] = {"daily", "--no-fetch", "--lang", "en", "--format", "json", NULL};
	CHECK_INT(brief(home, &out, &err, daily), 0);
	const char *weekly[] = {"weekly", "--no-fetch", "--lang", "en", "--format", "json", NULL};
	CHECK_INT(brief(home, &out, &err, weekly), 0);
	o->score = task_saw("score", PAGE_OPENING);
	o->enrich = task_saw("enrich", PAGE_NAME);
	o->weekly = task_saw("weekly", PAGE_NAME);
	const char *article[] = {"article", page_url, "--lang", "en", "--format", "json", NULL};
	int rc = brief(home, &out, &err, article);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "%s: article: %s\n", name, buf_str(&err));
	json_t *j = json_loads(buf_str(&out), 0, NULL);
	CHECK(j != NULL);
	o->thin = json_is_true(json_object_get(json_object_get(j, "grounding"), "thin_sources"));
	o->figure = claim_verified(j, PAGE_FIGURE);
	o->name = claim_verified(j, PAGE_NAME);
	o->in_article = strstr(buf_str(&out), PAGE_OPENING) != NULL;
	json_decref(j);
	fprintf(stderr, "%s: thin %d, figure %d, name %d, score %d, enrich %d, weekly %d, opening in article %d\n",
	        name, o->thin, o->figure, o->name, o->score, o->enrich, o->weekly, o->in_article);
	buf_free(&out);
	buf_free(&err);
}

/* The gate opens once the stand-in has been asked to score. */
static int
score_asked(void *ctx)
{
	(void)ctx;
	int want = llmsrv_task_index("score");
	for (size_t i = 0; i < llmsrv_logged(llm); i++)
		if (llmsrv_logged_task(llm, i) == want)
			return 1;
	return 0;
}

/* `brief daily` with [fetch] full_text over the harbour feed and a gated one that answers only
 * once the model was asked to score: so the pre-scorer must score while the fetch still runs,
 * and the harbour item's page must already be stored when it does. */
static void
test_score_while_fetching(void)
{
	char home[4400], conf[4500], gated[300];
	snprintf(home, sizeof home, "%s", t_subdir("overlap"));
	snprintf(conf, sizeof conf, "%s/brief.conf", home);
	test_write_file(conf, "[fetch]\nfull_text = true\n", 24);
	static const char feed[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gated</title>\n"
	                           "<item><title>Ferry timetable for the summer</title><description>The ferry "
	                           "company adds a late crossing on the weekends of the lowest tides, when the "
	                           "island's pub expects its busiest evenings, and keeps the early boat on every "
	                           "weekday through the summer months until the autumn tables are printed.</description>"
	                           "</item>\n</channel></rss>\n";
	struct t_gate g;
	t_gate_start(&g, score_asked, NULL, feed);
	snprintf(gated, sizeof gated, "http://127.0.0.1:%d/gated.xml", g.port);
	struct buf out = BUF_INIT, err = BUF_INIT;
	/* the gate answers one request, the daily's: `feeds add` must not look at it first */
	const char *add1[] = {"feeds", "add", feed_url, NULL}, *add2[] = {"feeds", "add", gated, "--no-discover", NULL};
	CHECK_INT(brief(home, &out, &err, add1), 0);
	CHECK_INT(brief(home, &out, &err, add2), 0);
	llmsrv_reset(llm);
	const char *daily[] = {"--config", conf, "-v", "daily", "--lang", "en", "--format", "json", NULL};
	CHECK_INT(brief(home, &out, &err, daily), 0);
	t_gate_join(&g);
	CHECK(g.is_opened); /* scored while the gated feed was still being fetched ... */
	CHECK(strstr(buf_str(&out), "Ferry timetable") != NULL); /* ... which was then stored */
	CHECK(strstr(buf_str(&err), "while fetching") != NULL);
	CHECK(strstr(buf_str(&err), "(0 while fetching)") == NULL);
	/* and the harbour item was scored from its page, never from its two feed sentences */
	CHECK_INT(task_saw("score", PAGE_OPENING), 1);
	int want = llmsrv_task_index("score"), thin_only = 0;
	for (size_t i = 0; i < llmsrv_logged(llm); i++) {
		char *user = llmsrv_logged_task(llm, i) == want ? llmsrv_logged_user(llm, i) : NULL;
		thin_only |= user && strstr(user, "New tide tables") && !strstr(user, PAGE_OPENING);
		free(user);
	}
	CHECK_INT(thin_only, 0);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	t_need_parser();
	snprintf(root, sizeof root, "%s", t_subdir("root"));
	fsrv_start(&pub, root, "127.0.0.3");
	write_site();
	struct llmsrv_opts so = {0};
	llm = llmsrv_start(&so);
	CHECK(llm != NULL);
	if (!llm) {
		fsrv_stop(&pub);
		return test_done("test_fulltext_reader");
	}
	llmsrv_grounding("faithful", 0);

	struct outcome with, without;
	run_home("with-page", 1, &with);
	run_home("feed-only", 0, &without);

	/* The page's text reached every reader of the item. */
	CHECK_INT(with.score, 1);
	CHECK_INT(with.enrich, 1);
	CHECK_INT(with.weekly, 1);
	CHECK_INT(with.thin, 0);
	CHECK_INT(with.figure, 1); /* claims only the page supports, verified against it */
	CHECK_INT(with.name, 1);
	CHECK_INT(with.in_article, 1);
	/* Without the page the same item is two sentences: thin, and none of the page's words. */
	CHECK_INT(without.score, 0);
	CHECK_INT(without.enrich, 0);
	CHECK_INT(without.weekly, 0);
	CHECK_INT(without.thin, 1);
	CHECK_INT(without.figure, -1);
	CHECK_INT(without.name, -1);
	CHECK_INT(without.in_article, 0);

	llmsrv_grounding(NULL, 0);
	test_score_while_fetching();
	llmsrv_stop(llm);
	fsrv_stop(&pub);
	return test_done("test_fulltext_reader");
}
