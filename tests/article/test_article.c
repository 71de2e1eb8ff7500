/* test_article.c: `brief article` against the LLM stand-in over our own fixture feeds: golden
 * files, seed 002's structure, the draft checker catching a nonexistent citation, a missing
 * section and the wrong language (re-asked once, then reported with nothing saved), the
 * cache on rerun, and the clear failure without an LLM. Also unit checks of the checker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/llm/prompt.h"
#include "ai/longform/commentary.h"
#include "ai/longform/grounding.h"
#include "llmserver.h"
#include "llmserver_longform.h"
#include "report/commentary.h"
#include "store/store.h"
#include "testlib.h"
#include "util/arena.h"
#include "util/fs.h"
#include "wfixture.h"


/* The offline engine's verdict on a story, as the offline article tests give it: middling
 * scores, category cat, keywords kws[0..n). */
static struct verdict
offline_verdict(enum category cat, const char **kws, size_t n)
{
	struct verdict v = {.relevance = 5, .quality = 5, .timeliness = 5, .category = cat, .keywords = kws,
	                    .keyword_count = n, .is_offline = 1};
	return v;
}
static char home[4096];
static const char *const *llm_env; /* llmsrv_brief_env of the stand-in */

static int
article(const char *const *more, struct buf *out, struct buf *err)
{
	const char *args[32] = {"article", "--home", home, "--now", WFX_NOW};
	size_t n = 5;
	for (size_t i = 0; more[i]; i++)
		args[n++] = more[i];
	args[n] = NULL;
	buf_clear(out);
	buf_clear(err);
	return wfx_brief(args, llm_env, out, err);
}

static long
saved_articles(void)
{
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st = {0};
	struct err e;
	if (store_open(&st, db, &e) < 0)
		return -1;
	sqlite3_stmt *s = store_prepare(&st, "SELECT count(*) FROM reports WHERE kind = 'article'", &e);
	long n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	store_close(&st);
	return n;
}

/* The parts of seed 002's shape, in order. */
static void
check_structure(const char *md, int en)
{
	static const char *const zh[] = {"# ", "\n\n", "**一、", "**二、", "**三、", "**四、", "**结语**",
	                                 "**今日互动：**", "---", "**参考资料**", "1. ["};
	static const char *const eng[] = {"# ", "\n\n", "**1. ", "**2. ", "**3. ", "**4. ", "**Conclusion**",
	                                  "**Over to you:**", "---", "**References**", "1. ["};
	const char *const *parts = en ? eng : zh;
	const char *p = md;
	CHECK(strncmp(md, "# ", 2) == 0);
	for (size_t i = 0; i < 11; i++) {
		const char *hit = strstr(p, parts[i]);
		if (!hit)
			fprintf(stderr, "structure: \"%s\" missing or out of order\n", parts[i]);
		CHECK(hit != NULL);
		if (hit)
			p = hit + strlen(parts[i]);
	}
	/* The hook is a paragraph of its own between the title and the first section. */
	const char *first = strstr(md, en ? "**1. " : "**一、");
	const char *hook = strstr(md, "\n\n");
	CHECK(first && hook && hook + 2 < first);
	/* The reader question ends the body. */
	const char *q = strstr(md, en ? "**Over to you:**" : "**今日互动：**");
	CHECK(q && (strstr(q, "？") || strstr(q, "?")));
}

static void
test_checker(void)
{
	struct check_rules r;
	check_rules_default(&r, "zh");
	r.min_chars = 20;
	r.max_chars = 400;
	r.source_count = 2;
	r.allowed_terms = "DeepSeek cuts prices";
	struct commentary_section secs[4] = {{"一", "第一段内容，引用来源[1]。"}, {"二", "第二段内容[2]。"},
	                                  {"三", "第三段内容[1]。"}, {"四", "第四段内容，DeepSeek 降价[2]。"}};
	struct commentary_draft d = {"标题", "开头段落。", secs, 4, "结语内容。", "你怎么看？"};
	struct buf f = BUF_INIT;
	CHECK_INT(check_commentary(&d, &r, &f), 0);
	secs[1].body = "第二段内容[2][3]。";
	buf_clear(&f);
	CHECK_INT(check_commentary(&d, &r, &f), 1);
	CHECK(strstr(buf_str(&f), "[3]") != NULL);
	/* Every section rests on a source. */
	secs[1].body = "第二段内容[2]。";
	secs[2].body = "第三段内容，没有引用。";
	buf_clear(&f);
	CHECK_INT(check_commentary(&d, &r, &f), 1);
	CHECK(strstr(buf_str(&f), "section 3 cites no source") != NULL);
	secs[2].body = "第三段内容[1]。";
	secs[1].body = "第二段内容[2]。";
	d.section_count = 3;
	d.question = "";
	buf_clear(&f);
	CHECK_INT(check_commentary(&d, &r, &f), 2);
	d.section_count = 4;
	d.question = "你怎么看？";
	secs[2].body = "this whole paragraph is written in plain english words and not chinese at all here [1]";
	buf_clear(&f);
	CHECK_INT(check_commentary(&d, &r, &f), 1);
	CHECK(strstr(buf_str(&f), "not in Chinese") != NULL);
	CHECK_INT(commentary_number_prefix("一、 从训练到推论"), strlen("一、 "));
	CHECK_INT(commentary_number_prefix("第三层：产业格局"), strlen("第三层："));
	CHECK_INT(commentary_number_prefix("2. Why"), 3);
	CHECK_INT(commentary_number_prefix("GPT-5 arrives"), 0);
	/* Citation lists become single markers; anything else is left as written. */
	struct arena la = {0};
	CHECK_STR(check_citation_lists("见[1, 2]与[2，3]、[1-3]和【4】。", &la), "见[1][2]与[2][3]、[1][2][3]和[4]。");
	CHECK_STR(check_citation_lists("[1][2] [2020, 2021] [3-1] [a, 1] 【注】 [1,", &la),
	          "[1][2] [2020, 2021] [3-1] [a, 1] 【注】 [1,");
	CHECK_STR(check_citation_lists(NULL, &la), "");
	arena_free(&la);
	buf_free(&f);
}

/* The offline article quotes sources as data: their "**" and "[n]" marks are dropped (a
 * source can neither embolden nor cite), a bare year or a product's number is no figure,
 * a figure with its unit is listed and is the conclusion's key figure, and the renderings
 * escape the rest. */
static void
test_offline_unit(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Evil **Feed** [7]", .title = "Widget 3.5 ships.", .link = "https://e.example/1",
		.published = 1771500000, .when = 1771500000,
		.text = "**Widget** 3.5 ships today[2] for the makers of small boards and kits. It was first shown "
		        "in 2024 at a small event in Berlin. The maker calls it the most careful release of the line "
		        "so far. Early testers praised the new enclosure and the quieter fan of the kit.\nThe company "
		        "says Widget 3.5 draws 40% less power and <script> stays on the same board.\nIt is "
		        "sold by Acme for a price of $49 to buyers in Europe.\nLee and Park, Journal of Small Boards "
		        "and Kits, 12(3), 101–109.",
	};
	struct article other = {
		.id = 2, .source_name = "Second Feed", .title = "Acme's Widget", .link = "https://s.example/2",
		.published = 1771500000, .when = 1771500000, .text = "Acme released a new Widget for builders.",
	};
	struct article *members[] = {&lead, &other};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 2};
	const char *kws[] = {"Widget"};
	struct verdict v = offline_verdict(CAT_TOOLS, kws, 1);
	struct commentary_draft d;
	struct grounding_report g;
	commentary_offline(&st, &v, "zh", &a, &d, &g);
	/* Everything it says is in a source its sentence cites (grounding.h), as a model's draft must be. */
	CHECK(g.claims.count > 0);
	CHECK_INT(g.claims.bad, 0);
	CHECK(strcmp(d.headline, "Widget 3.5 ships：2 个来源的报道要点") == 0);
	CHECK_INT(d.section_count, 3);
	const char *all[] = {d.hook, d.sections[0].body, d.sections[1].body, d.sections[2].body, d.conclusion};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		CHECK(strstr(all[i], "**Widget**") == NULL);
		CHECK(strstr(all[i], "today[2]") == NULL);
	}
	CHECK(strstr(d.sections[0].body, "**Widget 3.5 ships today for the makers") == d.sections[0].body);
	/* The feed's name is data too. */
	CHECK(strstr(d.hook, "Evil Feed 发表了《Widget 3.5 ships》[1]") != NULL);
	CHECK(strcmp(d.sections[0].heading, "原文要点：Evil Feed") == 0);
	CHECK(strstr(d.hook, "[7]") == NULL && strstr(d.hook, "**") == NULL);
	/* 40% and $49 are figures; 2024 (a year) and 3.5 (the title's version) are not. */
	CHECK(strstr(d.sections[1].body, "1. **40%**：") != NULL);
	CHECK(strstr(d.sections[1].body, "2. **$49**：") != NULL);
	CHECK(strstr(d.sections[1].body, "**2024**") == NULL && strstr(d.sections[1].body, "**3.5**") == NULL);
	/* An entry of a reference list is no detail: its numbers are a volume, an issue and pages. */
	CHECK(strstr(d.sections[1].body, "12(3)") == NULL && strstr(d.sections[1].body, "3. **") == NULL);
	CHECK(strstr(d.sections[2].body, "- **Second Feed**（《Acme's Widget》）：Acme released a new Widget") != NULL);
	CHECK(strstr(d.conclusion, "最值得记下的数字是 40%[1]") != NULL);
	CHECK(strstr(d.question, "关于 Widget，你会换用它，还是继续用手头的工具？") == d.question);

	/* The same post from the same blog's other feed (one name, one publisher): no other source. */
	struct article twin = other;
	twin.source_name = lead.source_name;
	struct article *twins[] = {&lead, &twin};
	struct story one = {.id = "s0123456789ab", .lead = &lead, .members = twins, .member_count = 2, .site_count = 1};
	struct commentary_draft d1;
	commentary_offline(&one, &v, "zh", &a, &d1, NULL);
	CHECK(strcmp(d1.headline, "Widget 3.5 ships：原文要点") == 0);
	CHECK_INT(d1.section_count, 2);
	for (size_t i = 0; i < d1.section_count; i++)
		CHECK(strcmp(d1.sections[i].heading, "其他来源怎么说") != 0);
	CHECK(strstr(d1.hook, "也作了报道") == NULL);
	CHECK(strstr(d1.conclusion, "个来源报道了它") == NULL);

	struct weekly_ref refs[] = {{lead.title, lead.link, lead.source_name, lead.published},
	                            {other.title, other.link, other.source_name, other.published}};
	struct commentary_doc doc = {&d, "zh", st.id, NULL, "2026-02-19", "2026-02-19T12:00:00Z", refs, 2, NULL, NULL};
	struct buf md = BUF_INIT, html = BUF_INIT;
	commentary_render_md(&doc, &md);
	commentary_render_html(&doc, &html);
	CHECK(strstr(buf_str(&md), "<script>") == NULL && strstr(buf_str(&html), "<script>") == NULL);
	CHECK(strstr(buf_str(&html), "&lt;script&gt;") != NULL);
	CHECK(strstr(buf_str(&md), "离线引擎") != NULL);
	buf_free(&md);
	buf_free(&html);

	/* A longer lead: after its extract, more of its own sentences in 更多细节, none twice. */
	lead.text = "The Widget line gets a new member this week. It is smaller than the last one and fits in a "
	            "pocket. The case is made of recycled aluminium from old laptops. Reviewers liked the new "
	            "hinge and the quiet fan. The battery lasts a whole working day in normal use. A charger "
	            "comes in the box again after two years without one. The keyboard has a new layout for "
	            "programmers who use many brackets.";
	commentary_offline(&st, &v, "en", &a, &d, &g);
	CHECK_INT(g.claims.bad, 0);
	const struct commentary_section *more = NULL;
	for (size_t i = 0; i < d.section_count; i++)
		if (strncmp(d.sections[i].heading, "More from ", 10) == 0)
			more = &d.sections[i];
	CHECK(more != NULL);
	if (more) {
		CHECK(strncmp(more->body, "**", 2) == 0);
		CHECK(strstr(d.sections[0].body, "The Widget line gets") != NULL);
		CHECK(strstr(more->body, "The Widget line gets") == NULL);
		CHECK(strstr(more->body, "The keyboard has a new layout") != NULL ||
		      strstr(d.sections[0].body, "The keyboard has a new layout") != NULL);
	}
	/* A microblog's untitled post (its title only a zero-width space): headed by its first
	 * sentence, posted as a short note, the other source listed by its first sentence too. */
	lead.title = "\u200b";
	other.title = "";
	other.text = "Acme released a new Widget for builders today. More soon.";
	commentary_offline(&st, &v, "en", &a, &d, &g);
	CHECK_INT(g.claims.bad, 0);
	CHECK(strncmp(d.headline, "The Widget line gets a new member this week: what 2 sources report", 66) == 0);
	CHECK(strstr(d.hook, "Evil Feed posted a short note [1]") != NULL);
	CHECK(strstr(d.sections[d.section_count - 1].body, "(\u201cAcme released a new Widget for builders today") != NULL);
	CHECK(strstr(d.hook, "\u201c\u201d") == NULL);
	arena_free(&a);
}

/* The offline article of st in lang, into d: its own claim check must flag nothing (each
 * flagged claim is printed, with where it stands). */
static void
offline_grounded(const struct story *st, const struct verdict *v, const char *lang, struct arena *a,
                 struct commentary_draft *d)
{
	struct grounding_report g;
	commentary_offline(st, v, lang, a, d, &g);
	for (size_t i = 0; i < g.claims.count; i++)
		if (g.claims.claims[i].status != GROUND_OK)
			fprintf(stderr, "%s %s: %s (%s)\n", lang, g.claims.claims[i].where ? g.claims.claims[i].where : "?",
			        g.claims.claims[i].c.text, ground_status_name(g.claims.claims[i].status));
	CHECK_INT(g.claims.bad, 0);
}

/* Numbers that are parts of names, identifiers, versions or formulas, or topics in a list
 * of topics (podcast show notes), are no figures of the story: a reader of 数字与细节 takes
 * "**256**" (from "SHA-256") for a quantity the source reports. Each case is a source of plain sentences, one holding only such a number, then
 * one with a figure (12%): the figure is listed, the name's number is not. */
static void
test_offline_name_numbers(void)
{
	static const struct {
		const char *sentence, *number;
	} cases[] = {
		{"It hashes every block with SHA-256 before it writes the block to disk.", "256"},
		{"The summaries are written by GPT-4 while the rest stays on our own machines.", "4"},
		{"The root of the tree is h(0, 12) in the notation of the paper we followed.", "12"},
		{"It reminded us of the early days of Web 2.0 when everyone published everything.", "2.0"},
		{"The tool needs Python 3.12 or newer on the machine that runs it.", "3.12"},
		{"The bug was tracked as CVE-2024-3094 by the people who found it.", "3094"},
		{"The fix landed as pull request #4821 after a long review by the team.", "4821"},
		{"It runs well on the new iPhone 15 and on older phones as well.", "15"},
		{"We kept the settings in section 4.2 of the guide for the new users.", "4.2"},
		{"The answers now come from GPT-5.1 and the old model is gone for good.", "5.1"},
		{"The outbreak of COVID-19 closed the office for most of that long year.", "19"},
		{"The server listens on port 8080 unless the config file says otherwise.", "8080"},
		{"The loop stops once retries = 30 in the code that polls the server.", "30"},
		{"The archive code targets x86-64 and builds with the usual compiler flags.", "64"},
		{"Timestamps follow ISO 8601 so that the files sort well by their names.", "8601"},
		{"The sale ends on November 18th at 11:59PM in the evening for every buyer.", "11"},
		{"Garmin took their Fenix 5X watch and made a diving computer out of it.", "5X"},
		{"We first showed the tool at 28C3 in a small room near the main hall.", "28C"},
		{"Users may think twice before they move their old pages into the archive.", "twice"},
		{"The team is doubling down on the search feature for the next release.", "doubling"},
		{"The slope of the line came out at -2.81 in the final fit of the model.", "2.81"},
		{"The phone has a 960\u00d7540 display and a small camera on the back.", "960"},
		{"The phone has a 960\u00d7540 display and a small camera on the back.", "540"},
		{"The old laptop shows it at 1366x768 on a screen that is far too small.", "1366"},
		{"The download takes about 10-15 minutes on the slow line at our home.", "15"},
		{"My guess is that between 200-400 riders were on the loop at any time.", "200"},
		{"Nearly every maker released something new in the last 12\u201314 months.", "12"},
		{"The download takes 30 to 50 minutes on the slow line at our home.", "30"},
		{"The download takes 30 to 50 minutes on the slow line at our home.", "50"},
		{"The download takes 3 to 5 minutes on the slow line at our home.", "3"},
		{"The download takes 30~50 minutes on the slow line at our home.", "30"},
		{"The download takes 30\u81f350 minutes on the slow line at our home.", "30"},
		{"Most of the tools date back to the 1970s in spirit, said one of the readers.", "1970s"},
		{"Die meisten Werkzeuge stammen im Geiste aus den 1970er Jahren, sagt ein Leser.", "1970er"},
		{"Topics: 4000 Bits; Binary input; Punched tape; Line printers; Core memory; Terminals.", "4000"},
		{"\u2014 Telephony \u2014 Acoustic couplers \u2014 300 baud \u2014 Modems \u2014 Mailboxes.", "300"},
		{"Old lines\u00a0\u2014 Couplers\u00a0\u2014 Teletext\u00a0\u2014 Videotex\u00a0\u2014 \u201cISDN at last: 64kbit!\u201d (Anna).",
		 "64kbit"},
		{"In this episode: 3 routers, mesh networks, old antennas, cable types and ham radio.", "3"},
		{"Header \u2014 Payload \u2014 Problem of other people \u2014 The IPv4 header \u2014 IPv6 has 128 bit long "
		 "addresses \u2014 Number games with the address space \u2014 No checksum in the header any more.",
		 "128"},
		{"2 tests, 2 assertions, 0 failures Bisecting: 0 revisions left to test after this [9f3c2a7b1e0d44c8a6b2] "
		 "Test fails running testrb test/unit/cart_test.rb -n test_total Finished in 0.0412 seconds.",
		 "0.0412"},
	};
	struct arena a = {0};
	const char *kws[] = {"archive"};
	struct verdict v = offline_verdict(CAT_TOOLS, kws, 1);
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct article lead = {
			.id = 1, .source_name = "Hash Notes", .title = "Hashing the archive", .link = "https://h.example/1",
			.published = 1771500000, .when = 1771500000,
			.text = arena_printf(&a,
			                     "We wrote a small archive tool for our own team this spring. It keeps every "
			                     "old page we ever wrote in one place. The team reads it every morning over "
			                     "coffee. Nobody wants to go back to the old way now. %s Compression saved 12%% "
			                     "of the space on the disks of the archive.",
			                     cases[k].sentence),
		};
		struct article *members[] = {&lead};
		struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
		for (int en = 0; en < 2; en++) {
			struct commentary_draft d;
			offline_grounded(&st, &v, en ? "en" : "zh", &a, &d);
			const char *fig = NULL;
			for (size_t i = 0; i < d.section_count; i++)
				if (strcmp(d.sections[i].heading, en ? "The figures and details" : "数字与细节") == 0)
					fig = d.sections[i].body;
			CHECK(fig != NULL);
			if (!fig)
				continue;
			const char *bold = arena_printf(&a, "**%s**", cases[k].number);
			if (strstr(fig, bold) || !strstr(fig, "1. **12%**"))
				fprintf(stderr, "%s:\n%s\n", cases[k].sentence, fig);
			CHECK(strstr(fig, bold) == NULL);
			CHECK(strstr(fig, "1. **12%**") != NULL);
		}
	}
	arena_free(&a);
}

/* A stop followed by a no-break space ends its sentence (blogs write ".&nbsp; Next"): a
 * detail of 数字与细节 was two sentences, the first without the figure it was listed for.
 * Seen on the shared corpus (netnewswire's dcrainmaker.xml: "for a few hours.&nbsp; For
 * those that want ... a 24hr Velib pass."). */
static void
test_offline_nbsp_stop(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Run Notes", .title = "The winter run", .link = "https://r.example/1",
		.published = 1771500000, .when = 1771500000,
		.text = "We meet at the shop on Sunday morning for the winter run. The route goes along the river "
		        "and back again. Everyone is welcome whatever their pace is. Coffee is waiting at the end "
		        "for all of the runners. Upon return there are goodies for the runners and their "
		        "friends.\u00a0 A day pass for the city bikes costs 2 euros at the station next door.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"run"};
	struct verdict v = offline_verdict(CAT_TOOLS, kws, 1);
	for (int en = 0; en < 2; en++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, en ? "en" : "zh", &a, &d);
		const char *fig = NULL;
		for (size_t i = 0; i < d.section_count; i++)
			if (strcmp(d.sections[i].heading, en ? "The figures and details" : "数字与细节") == 0)
				fig = d.sections[i].body;
		CHECK(fig != NULL);
		if (!fig)
			continue;
		if (!strstr(fig, "costs 2 euros"))
			fprintf(stderr, "%s\n", fig);
		CHECK(strstr(fig, "costs 2 euros") != NULL);
		CHECK(strstr(fig, "Upon return") == NULL);
	}
	arena_free(&a);
}

/* The offline article's frame names only keywords its sources spell, in English too. From the
 * shared corpus (feedjira's TrotterCashionHome.xml, "BelongsToDemeter", 2008): the offline
 * engine tags the post "Ruby" (its canonical topic for Rails), which the post never writes.
 * Checked alone, "Ruby" opens its sentence, and in English one capitalised word opening a
 * sentence is no name, so the keyword passed and the conclusion and the closing question said
 * "it is about Ruby" / "On Ruby:", claims no source carries. */
static void
test_offline_keyword_unspelled(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Trotter Cashion", .title = "BelongsToDemeter",
		.link = "http://feeds.feedburner.com/~r/trottercashion/~3/309293334/belongstodemeter",
		.published = 1213151400, .when = 1213151400,
		.text = "While playing with Rails the other day, I thought it would be fun if you could get at "
		        "attributes of a belongs_to association without having to do the whole traverse association "
		        "and check for nil thing.\nThinking this would be a fun chance to play with some meta, I threw "
		        "together BelongsToDemeter, which you can find over on GitHub. It's a rails plugin, but don't "
		        "expect it to actually install using script/plugin. The code is complete and utter crap, so "
		        "it's probably best that Rails won't install it. It is slow, and most likely prone to error.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"Ruby", "GitHub", "BelongsToDemeter"};
	struct verdict v = offline_verdict(CAT_ENGINEERING, kws, 3);
	const char *langs[] = {"en", "zh"};
	for (size_t l = 0; l < 2; l++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, langs[l], &a, &d);
		CHECK(strstr(d.conclusion, "Ruby") == NULL && strstr(d.question, "Ruby") == NULL);
		CHECK(strstr(d.conclusion, "GitHub") != NULL);
	}
	arena_free(&a);
}

/* A keyword that holds a figure is not named by the frame: the conclusion's keyword sentence
 * and the closing question cite nothing, and a figure must be cited. From the shared corpus
 * (rss-parser's itunes-missing-image.rss, Taverncast's episode of 2006-01-08): the offline
 * engine's first keyword was "Taverncast 15.8848939", and the article closed on "关于
 * Taverncast 15.8848939，你会换用它……", an uncited figure in both. */
static void
test_offline_keyword_figure(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Taverncast - Happy Hour in Your Head - Since 2005",
		.title = "Taverncast 15.8848939: We Can't All Be Thrall", .link = "http://www.taverncast.com",
		.published = 1136716200, .when = 1136716200,
		.text = "Happy New Year 2006! News, Naga Lore, WoW Mini-Topic Roundtable",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"Taverncast 15.8848939", "Naga Lore", "Mini-Topic"};
	struct verdict v = offline_verdict(CAT_TOOLS, kws, 3);
	const char *langs[] = {"zh", "en"};
	for (size_t l = 0; l < 2; l++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, langs[l], &a, &d);
		CHECK(strstr(d.question, "15.8848939") == NULL);
		CHECK(strstr(d.conclusion, "Naga Lore") != NULL);
	}
	arena_free(&a);
}

/* A quotation of two sentences is not cut in two: no citation marker lands inside it and no
 * detail opens a quotation it does not close. From the shared corpus (netnewswire's
 * DaringFireball.rss, "Most Android Phones Are Not Encrypted", 2016): the sentence splitter
 * does not read quotation marks, so 更多细节 quoted "“If a person walks into a Best Buy ...
 * encrypted by default.[1] If they walk out ... surveillance,” said ...", a [1] inside the
 * quotation, which then matched no source. */
static void
test_offline_quote_kept_whole(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Daring Fireball", .title = "Most Android Phones Are Not Encrypted",
		.link = "http://money.cnn.com/2016/02/25/technology/android-apple-police-encryption/index.html",
		.published = 1456508591, .when = 1456508591,
		.text = "Jose Pagliery, writing for CNN Money:\nAlthough 97% of Android phones have encryption as an "
		        "option, less than 35% of them actually got prompted to turn it on when they first activated "
		        "the phone. Even then, not everybody chooses that extra layer of security.\nA Google spokesman "
		        "said that encryption is now required for all \u201chigh-performing devices\u201d \u2014 like "
		        "the Galaxy S7 \u2014 running the latest version of Android, Marshmallow. But only 1.2% of "
		        "Android phones even have that version, according to Google.\nBy comparison, most Apple "
		        "products are uniformly secure: 94% of iPhones run iOS 8 or 9, which encrypt all data. Apple "
		        "(AAPL, Tech30) makes its devices, designs the software, and retains full control of the "
		        "phone\u2019s operating system.\n\u201cIf a person walks into a Best Buy and walks out with an "
		        "iPhone, it\u2019s encrypted by default. If they walk out with an Android phone, it\u2019s "
		        "largely vulnerable to surveillance,\u201d said Christopher Soghoian, the principal technologist "
		        "at the American Civil Liberties Union.\nGoogle is moving in the right direction, but here\u2019s "
		        "an area where the slow uptake of new versions of Android has a serious effect.\n \u2605 ",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"Android", "Google"};
	struct verdict v = offline_verdict(CAT_SECURITY, kws, 2);
	const char *langs[] = {"en", "zh"};
	for (size_t l = 0; l < 2; l++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, langs[l], &a, &d);
		for (size_t i = 0; i < d.section_count; i++) {
			/* every paragraph and list item closes each quotation it opens */
			const char *b = d.sections[i].body;
			size_t open = 0, close = 0;
			for (const char *p = b; (p = strstr(p, "\u201c")) != NULL; p += 3)
				open++;
			for (const char *p = b; (p = strstr(p, "\u201d")) != NULL; p += 3)
				close++;
			if (open != close)
				fprintf(stderr, "%s section %zu: %s\n", langs[l], i + 1, b);
			CHECK_INT(open, close);
			CHECK(strstr(b, "by default.[1]") == NULL);
		}
	}
	/* An inch mark is no quotation mark: the detail stays (KatieFloyd.rss, 2016-08-14). */
	lead.title = "Katie's Week in Review: August 14, 2016";
	lead.text = "Mark Gurman is back with new rumors about the iPhone and MacBook Pros. That and other exciting "
	            "links of note for the week ending August 14, 2016:\nHowever, Gurman says the MacBook Pros likely "
	            "won\u2019t debut alongside the new iPhone at an event rumored for September 7th. I\u2019ve been "
	            "hanging on to my 13\" MacBook Air waiting for Apple to release new notebooks and if most of this "
	            "is true, it sounds like just the update I\u2019ve been waiting for.";
	struct commentary_draft d;
	offline_grounded(&st, &v, "en", &a, &d);
	int inch = 0;
	for (size_t i = 0; i < d.section_count; i++)
		inch |= strstr(d.sections[i].body, "my 13\" MacBook Air") != NULL;
	CHECK(inch);
	arena_free(&a);
}

/* A title in 《》 is one piece of its sentence: the claim check does not end a sentence at a
 * "?" or "!" inside it. From the shared corpus (feed-rs's atom_example_reddit.xml, r/rust's
 * weekly thread of 2020-05-18): the Chinese hook "5月18日，The Rust Programming Language
 * 发表了《Hey Rustaceans! Got an easy question? Ask here (21/2020)!》[1]。" was split at the
 * title's "!" and "?", so 21 and 2020 stood in pieces that cite nothing (95 hooks of the
 * corpus's Chinese offline articles; also a bullet's title and a title-only lead). */
static void
test_offline_title_one_piece(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "The Rust Programming Language",
		.title = "Hey Rustaceans! Got an easy question? Ask here (21/2020)!",
		.link = "https://www.reddit.com/r/rust/comments/glvkc5/hey_rustaceans_got_an_easy_question_ask_here/",
		.published = 1589760000, .when = 1589760000,
		.text = "Mystified about strings? Borrow checker have you in a headlock? Seek help here! There are no "
		        "stupid questions, only docs that haven't been written yet. If you have a StackOverflow "
		        "account, consider asking it there instead!",
	};
	struct article other = {
		.id = 2, .source_name = "Hacker News", .title = "What\u2019s new in Emacs 28.1?",
		.link = "https://news.ycombinator.com/item?id=30930665", .published = 1589760000, .when = 1589760000,
		.text = "",
	};
	struct article *members[] = {&lead, &other};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 2};
	const char *kws[] = {"Rust"};
	struct verdict v = offline_verdict(CAT_ENGINEERING, kws, 1);
	struct commentary_draft d;
	offline_grounded(&st, &v, "zh", &a, &d);
	CHECK(strstr(d.hook, "《Hey Rustaceans! Got an easy question? Ask here (21/2020)!》[1]") != NULL);
	/* a title-only lead: its only section is the title, cited */
	lead.text = "";
	offline_grounded(&st, &v, "zh", &a, &d);
	arena_free(&a);
}

/* Another source that carries the same text (the same post in a second feed of its own name,
 * wire copy) is listed without quoting the same sentences again. From the shared corpus
 * (laminas-feed's copies of one WordPress blog, "Wth… reading books?", 2009-03-02): one copy
 * of the feed has no title, so its source is called by its host, and 其他来源怎么说 repeated
 * the lead's opening word for word under that name. */
static void
test_offline_same_text_once(void)
{
	struct arena a = {0};
	const char *text = "Being in New Zealand does strange things to a person. Everybody who knows me, knows I "
	                   "don\u2019t much like that crazy invention called a Book. However, being here I\u2019ve "
	                   "already finished 4 books, all of which I can highly recommend. Yes, talk about classics "
	                   "and shame on me for not having ordered it sooner!";
	struct article lead = {
		.id = 1, .source_name = "Norm 2782", .title = "Wth\u2026 reading books?",
		.link = "http://www.norm2782.com/2009/03/wth-reading-books/", .published = 1235980800,
		.when = 1235980800, .text = text,
	};
	struct article copy = lead;
	copy.id = 2;
	copy.source_name = "127.0.0.1";
	struct article *members[] = {&lead, &copy};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 2, .site_count = 2};
	const char *kws[] = {"New Zealand"};
	struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
	const char *langs[] = {"zh", "en"};
	for (size_t l = 0; l < 2; l++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, langs[l], &a, &d);
		size_t seen = 0;
		for (size_t i = 0; i < d.section_count; i++)
			for (const char *p = d.sections[i].body; (p = strstr(p, "Everybody who knows me")) != NULL; p++)
				seen++;
		if (seen != 1)
			for (size_t i = 0; i < d.section_count; i++)
				fprintf(stderr, "%s | %s\n", d.sections[i].heading, d.sections[i].body);
		CHECK_INT(seen, 1);
		const struct commentary_section *last = &d.sections[d.section_count - 1];
		CHECK(strstr(last->body, "127.0.0.1") != NULL && strstr(last->body, "[2]") != NULL);
	}
	arena_free(&a);
}

/* An abbreviated month before a day ends no sentence of the offline article. Seen on the shared
 * corpus (feedjira's curtclifton.net feed, a conference post of 2017, "The conference is Oct.
 * 27–28 in ..."): the offline engine's splitter (text_sentences) cut the source at "Oct.", the
 * short piece before it was dropped, and the article quoted "27–28 in beautiful Seattle.[1]":
 * the claim check read 27 with no month, in no source, and the article failed its own check
 * (unverified 1, in English and Chinese). */
static void
test_offline_month_abbrev(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Harbour Notes", .title = "Lakeside Summit dates announced",
		.link = "https://harbour.example/2026/lakeside-summit", .published = 1772000000, .when = 1772000000,
		.text = "The Lakeside Summit has announced its programme. There will be one track of talks. Small "
		        "events feel friendlier because everyone sees the same talks.\n\nThe summit is Oct. 27\u201328 "
		        "in rainy Leeds.\n\nBook this week for the lower price.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"Lakeside Summit"};
	struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
	const char *langs[] = {"en", "zh"};
	for (size_t l = 0; l < 2; l++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, langs[l], &a, &d);
		int whole = 0;
		for (size_t i = 0; i < d.section_count; i++)
			whole |= strstr(d.sections[i].body, "The summit is Oct. 27\u201328 in rainy Leeds.") != NULL;
		CHECK(whole);
	}
	arena_free(&a);
}

/* Counts the citation markers "[id]" in s. */
static size_t
count_cites(const char *s, const char *id)
{
	size_t n = 0;
	for (const char *p = strstr(s, id); p; p = strstr(p + 1, id))
		n++;
	return n;
}

/* A run of one source's sentences carries one citation, at its end, as a reader expects of a
 * paragraph quoted from one article; a sentence with a figure or a quotation still carries its
 * own (docs/grounding.md rule 1), and the article passes its own claim check. Seen on the
 * shared corpus: an offline article's one-source paragraphs had "[1]" after every sentence. */
static void
test_offline_one_cite_a_run(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Quarry Weekly", .title = "The old quarry becomes a park",
		.link = "https://quarry.example/2026/park", .published = 1772000000, .when = 1772000000,
		.text = "The old quarry on the hill is becoming a public park. The works start in the spring and "
		        "take 18 months to finish. The town council voted for the plan after a long debate. Walkers "
		        "will be able to reach the lake from the village. The mayor said \u201cthis is the biggest "
		        "change to the hill in a century\u201d at the meeting. Local birds will get a quiet corner "
		        "with reeds and old trees. A cafe is planned near the gate for visitors and walkers. Dogs "
		        "must stay on the lead in the bird corner all year.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"quarry"};
	struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
	const char *langs[] = {"en", "zh"};
	for (size_t l = 0; l < 2; l++) {
		struct commentary_draft d;
		offline_grounded(&st, &v, langs[l], &a, &d);
		/* Section 一 quotes the lead's first four sentences, one with a figure: two markers, one
		 * after the figure's sentence and one at the end. */
		const char *lead_body = d.sections[0].body;
		CHECK(strstr(lead_body, "from the village.[1]") != NULL);
		CHECK_INT(count_cites(lead_body, "[1]"), 2);
		/* Across the article, the figure's and the quotation's sentences keep their own. */
		int figure = 0, quote = 0;
		for (size_t i = 0; i < d.section_count; i++) {
			figure |= strstr(d.sections[i].body, "take 18 months to finish.[1] The town council") != NULL;
			quote |= strstr(d.sections[i].body, "at the meeting.[1]") != NULL ||
			         strstr(d.sections[i].body, "at the meeting.**[1]") != NULL;
			/* A plain sentence followed by another of the run carries none. */
			CHECK(strstr(d.sections[i].body, "after a long debate.[1]") == NULL);
			CHECK(strstr(d.sections[i].body, "with reeds and old trees.[1] A cafe") == NULL);
		}
		CHECK(figure);
		CHECK(quote);
	}
	arena_free(&a);
}

/* Without a model: the offline engine's article, in seed 002's shape, from the sources' own
 * sentences (goldens), and the same with --offline when a model is configured. */
static void
test_offline(struct buf *out, struct buf *err)
{
	const char *zh[] = {"article", "--home", home, "--now", WFX_NOW,
	                    "https://openai.example/blog/gpt-4-5", NULL};
	buf_clear(out);
	buf_clear(err);
	CHECK_INT(wfx_brief(zh, NULL, out, err), 0);
	CHECK(strstr(buf_str(err), "no model is configured") != NULL);
	wfx_golden("article", "offline-zh.md", buf_str(out));
	const char *md = buf_str(out);
	/* 主题：副题; the hook names both sources and ends on its question; the sections the
	 * renderer numbers; the bold key sentence is the lead's own; the other source listed;
	 * 今日互动 poses two positions; the note says no model wrote it. */
	CHECK(strncmp(md, "# OpenAI releases GPT-4.5 preview to Pro subscribers：2 个来源的报道要点\n", 80) == 0);
	CHECK(strstr(md, "各个来源又怎么说？") != NULL);
	CHECK(strstr(md, "**一、原文要点：") != NULL);
	CHECK(strstr(md, "**二、") != NULL);
	CHECK(strstr(md, "其他来源怎么说**") != NULL);
	CHECK(strstr(md, "\n- **AI Daily**") != NULL || strstr(md, "\n- **Tech Wire**") != NULL);
	CHECK(strstr(md, "**结语**") && strstr(md, "**今日互动：**") && strstr(md, "还是"));
	/* A compilation of quotations: the disclaimer gives the views to their authors. */
	CHECK(strstr(md, "**文中观点均属原文作者，欢迎讨论**") != NULL && strstr(md, "本文仅代表作者观点") == NULL);
	CHECK(strstr(md, "离线引擎") != NULL && strstr(md, "调用模型") == NULL);

	const char *enj[] = {"article", "--home", home, "--now", WFX_NOW, "https://openai.example/blog/gpt-4-5",
	                     "--lang", "en", "--format", "json", NULL};
	buf_clear(out);
	CHECK_INT(wfx_brief(enj, NULL, out, err), 0);
	wfx_golden("article", "offline-en.json", buf_str(out));
	CHECK(strstr(buf_str(out), "\"engine\": \"offline\"") != NULL);
	CHECK(strstr(buf_str(out), "\"model\": null") != NULL);
	CHECK(strstr(buf_str(out), "\"checked\": true") && strstr(buf_str(out), "\"unverified\": 0,"));
}

/* A microblog's untitled post (tests/weekly/fixtures/untitled.xml): the article is headed by
 * its first sentence, and its 参考资料 listed it by its bare URL
 * ("1. [https://micro.example/2026/02/20/static.html](…)"), where the weekly's references and
 * the daily's headings give that sentence. */
static void
test_offline_untitled_reference(void)
{
	char uhome[4096];
	snprintf(uhome, sizeof uhome, "%s/untitled", test_tmpdir());
	wfx_make_home_with(uhome, "untitled.xml");
	const char *link = "https://micro.example/2026/02/20/static.html";
	const char *heading = "Spent the morning moving my blog to a static site generator…";
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char *js[] = {"article", "--home", uhome, "--now", WFX_NOW, "--offline", "--format", "json", link, NULL};
	CHECK_INT(wfx_brief(js, NULL, &out, &err), 0);
	json_t *doc = json_loads(buf_str(&out), 0, NULL);
	CHECK(doc != NULL);
	json_t *refs = json_object_get(doc, "references");
	CHECK_INT((int)json_array_size(refs), 1);
	const char *title = json_string_value(json_object_get(json_array_get(refs, 0), "title"));
	CHECK(title != NULL && strcmp(title, heading) == 0);
	/* The stderr line counts the sections in the plural only when there are several: a short
	 * post's article has one ("1 sections" before). */
	size_t sections = json_array_size(json_object_get(doc, "sections"));
	char said[64];
	snprintf(said, sizeof said, ", %zu section%s, ", sections, sections == 1 ? "" : "s");
	CHECK(sections == 1 && strstr(buf_str(&err), said) != NULL);
	/* A post with no figures has no 数字与细节 section: its hook asked "有哪些数字和细节？" all
	 * the same, a question the article never answers. */
	const char *hook = json_string_value(json_object_get(doc, "hook"));
	CHECK(hook != NULL && strstr(hook, "它说了什么") != NULL && strstr(hook, "数字") == NULL);
	json_decref(doc);
	const char *md[] = {"article", "--home", uhome, "--now", WFX_NOW, "--offline", link, NULL};
	buf_clear(&out);
	CHECK_INT(wfx_brief(md, NULL, &out, &err), 0);
	char want[256];
	snprintf(want, sizeof want, "1. [%s](%s)", heading, link);
	CHECK(strstr(buf_str(&out), want) != NULL);
	buf_free(&out);
	buf_free(&err);
}

/* 今日互动 on a story of no category (the offline engine's 其他: a product review, a podcast,
 * a museum's event) asked "你更认同哪一方的看法？" / "which side do you find more convincing"
 * about a story that sets out no sides: a single post, quoted, with nobody answering it, so
 * the reader was asked to pick between positions the article never gave. Like the other
 * categories' questions (seed 002's 是A还是B), it now names its two positions itself. */
static void
test_offline_question_other(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Museum Notes", .title = "A talk on the first phone", .link = "https://m.example/1",
		.published = 1771500000, .when = 1771500000,
		.text = "On June 20, four members of the original team will talk about the first phone at the "
		        "museum. Tickets for the evening are on sale at the front desk of the museum now.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"museum"};
	struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
	for (int en = 0; en < 2; en++) {
		struct commentary_draft d;
		commentary_offline(&st, &v, en ? "en" : "zh", &a, &d, NULL);
		CHECK(d.question != NULL);
		if (!d.question)
			continue;
		/* No sides to pick from: the question offers its own two. */
		CHECK(strstr(d.question, en ? "which side" : "哪一方") == NULL);
		CHECK(strstr(d.question, en ? ", or " : "，还是") != NULL);
		CHECK(strstr(d.question, "museum") != NULL);
	}
	arena_free(&a);
}

/* The hook asks the question the article answers and must end on it (seed 002): it went on
 * past its question mark with a remark about the method, "……各个来源又怎么说？下面从原文中摘录
 * 整理，引文保留原文语言，未经翻译。", so the reader's question was followed by no answer but
 * the compiler's note. The note stays, before the question. */
static void
test_offline_hook_ends_on_question(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Tech Wire", .title = "Chip maker ships a faster board",
		.link = "https://t.example/1", .published = 1771500000, .when = 1771500000,
		.text = "The new board runs 40% faster than the last one, the company said on Tuesday. It "
		        "ships to buyers in March at a price of 199 dollars, with a second model due later.",
	};
	struct article other = {
		.id = 2, .source_name = "Board News", .title = "A faster board", .link = "https://b.example/2",
		.published = 1771500000, .when = 1771500000,
		.text = "A chip maker has a faster board out, and buyers will see it in shops this spring.",
	};
	struct article *members[] = {&lead, &other};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 2};
	const char *kws[] = {"board"};
	struct verdict v = offline_verdict(CAT_TOOLS, kws, 1);
	for (int en = 0; en < 2; en++) {
		struct commentary_draft d;
		commentary_offline(&st, &v, en ? "en" : "zh", &a, &d, NULL);
		CHECK(d.hook != NULL);
		if (!d.hook)
			continue;
		const char *mark = en ? "?" : "\xef\xbc\x9f"; /* ？ */
		size_t len = strlen(d.hook), ml = strlen(mark);
		CHECK(len > ml && strcmp(d.hook + len - ml, mark) == 0);
		CHECK(strstr(d.hook, en ? "quoted as they wrote it" : "未经翻译") != NULL);
		CHECK(strstr(d.hook, mark) == d.hook + len - ml); /* one question, the last words */
	}
	arena_free(&a);
}

/* A wire story's text opens with its dateline ("WASHINGTON (AP) — "): the offline article
 * quoted it as the start of its bold key sentence, the wire's furniture in the story's lead. The
 * extract and the article's own split of the text both leave it out, so the first sentence is
 * quoted once, in section 一, and never again under 更多细节. */
static void
test_offline_dateline(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Wire News", .title = "Board keeps the rate", .link = "https://w.example/1",
		.published = 1771500000, .when = 1771500000,
		.text = "WASHINGTON (AP) \u2014 The central board kept its main rate where it was on Wednesday, "
		        "as its members had said they would. The decision surprised few traders in the city. "
		        "Members of the board spoke of a slower year ahead for the whole economy. Some of them "
		        "wanted a cut before the summer, the minutes of the meeting show. Others argued for "
		        "patience until the next report on prices comes out.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"board"};
	struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
	struct commentary_draft d;
	commentary_offline(&st, &v, "zh", &a, &d, NULL);
	size_t once = 0;
	for (size_t i = 0; i < d.section_count; i++) {
		CHECK(strstr(d.sections[i].body, "(AP)") == NULL && strstr(d.sections[i].body, "WASHINGTON") == NULL);
		for (const char *p = d.sections[i].body; (p = strstr(p, "The central board kept")) != NULL; p++)
			once++;
	}
	CHECK(d.section_count >= 1 && strncmp(d.sections[0].body, "**The central board kept", 24) == 0);
	CHECK_INT((int)once, 1);
	arena_free(&a);
}

/* A podcast episode's notes end with its sponsors' copy ("Sponsored by:" and the ads): the
 * offline article listed "10%" from "Use this link for 10% off" among the figures worth noting
 * and its 结语 called it the one most worth noting. The sponsors' lines are no part of the story. */
static void
test_offline_sponsors_left_out(void)
{
	struct arena a = {0};
	struct article lead = {
		.id = 1, .source_name = "Show Notes", .title = "226: Smooth scrolling", .link = "https://show.example/226",
		.published = 1771500000, .when = 1771500000,
		.text = "This week we talk about the new tablet and its display for the whole episode.\nThe panel now "
		        "refreshes at 120Hz, twice the rate of the old one, and it shows in every scroll.\nWe also "
		        "compare the file system of the new release with the one it replaced last year.\nSponsored by:\n"
		        "Suitmaker: Finely crafted, exceptionally priced menswear. Get any custom suit for just $399 "
		        "with code SHOW.\nMailGuard: Hosted spam and virus protection. Use this link for 10% off for the "
		        "life of your account.",
	};
	struct article *members[] = {&lead};
	struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
	const char *kws[] = {"tablet"};
	struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
	for (int en = 0; en < 2; en++) {
		struct commentary_draft d;
		commentary_offline(&st, &v, en ? "en" : "zh", &a, &d, NULL);
		for (size_t i = 0; i < d.section_count; i++) {
			const char *b = d.sections[i].body;
			if (strstr(b, "10%") || strstr(b, "$399") || strstr(b, "menswear"))
				fprintf(stderr, "%s\n", b);
			CHECK(strstr(b, "10%") == NULL && strstr(b, "$399") == NULL && strstr(b, "menswear") == NULL);
		}
		CHECK(strstr(d.conclusion, "10%") == NULL && strstr(d.conclusion, "$399") == NULL);
	}
	arena_free(&a);
}

/* A source longer than the claim check reads (COMMENTARY_TEXT_TOKENS of it, fewer bytes when
 * its letters are not ASCII): the offline article searched its first 12,000 bytes for figures
 * and quoted a show-notes line the check's cut fell inside ("… Portgruppen in 16er-Schritten —
 * Micro-DSLAMs."), whose words past the cut were then "unsupported" claims of the article's own
 * quoting. It quotes only what the check reads, and no sentence the cut falls inside. */
static void
test_offline_past_the_cut(void)
{
	const char *line = "Über die Brücke fährt täglich ein Zug nach Köln, München, Düsseldorf und Nürnberg, während "
	                   "die Fahrgäste über die Verspätungen, die Größe der Abteile und den Kaffee klagen.\n";
	const char *fig = "Jeder Verteiler im Kabelverzweiger hat Portgruppen in 16er-Schritten, dazu kommen "
	                  "Micro-Verteiler für kleine Orte.\n";
	int placed = 0;
	for (size_t pad = 0; pad < 40 && !placed; pad++) {
		struct buf t = BUF_INIT;
		buf_puts(&t, "Im Gespräch geht es um das Netz");
		for (size_t k = 0; k < pad; k++)
			buf_puts(&t, " und so");
		buf_puts(&t, ".\n");
		while (prompt_cut(buf_str(&t), t.len, COMMENTARY_TEXT_TOKENS) == t.len)
			buf_puts(&t, line);
		/* Back to where the figure's line reaches across the cut. */
		t.len -= strlen(line);
		t.data[t.len] = 0;
		size_t at = t.len;
		buf_puts(&t, fig);
		buf_puts(&t, line);
		size_t cut = prompt_cut(buf_str(&t), t.len, COMMENTARY_TEXT_TOKENS);
		const char *num = strstr(buf_str(&t) + at, "16er"), *micro = strstr(buf_str(&t) + at, "Micro");
		if (cut < t.len && cut > (size_t)(num - t.data) + 4 && cut < (size_t)(micro - t.data)) {
			placed = 1;
			CHECK(t.len < 12000); /* the old bound read all of it */
			struct arena a = {0};
			struct article lead = {
				.id = 1, .source_name = "Podcast", .title = "Internet im Festnetz", .link = "https://cre.example/191",
				.published = 1771500000, .when = 1771500000, .text = buf_str(&t),
			};
			struct article *members[] = {&lead};
			struct story st = {.id = "s0123456789ab", .lead = &lead, .members = members, .member_count = 1};
			const char *kws[] = {"Netz"};
			struct verdict v = offline_verdict(CAT_OTHER, kws, 1);
			struct commentary_draft d;
			offline_grounded(&st, &v, "zh", &a, &d);
			offline_grounded(&st, &v, "en", &a, &d);
			for (size_t i = 0; i < d.section_count; i++)
				CHECK(strstr(d.sections[i].body, "Micro-Verteiler") == NULL);
			arena_free(&a);
		}
		buf_free(&t);
	}
	CHECK(placed);
}

int
main(void)
{
	test_checker();
	test_offline_unit();
	test_offline_keyword_unspelled();
	test_offline_keyword_figure();
	test_offline_quote_kept_whole();
	test_offline_title_one_piece();
	test_offline_same_text_once();
	test_offline_month_abbrev();
	test_offline_one_cite_a_run();
	test_offline_name_numbers();
	test_offline_nbsp_stop();
	test_offline_question_other();
	test_offline_hook_ends_on_question();
	test_offline_dateline();
	test_offline_sponsors_left_out();
	test_offline_untitled_reference();
	test_offline_past_the_cut();
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	wfx_make_home(home);
	struct buf out = BUF_INIT, err = BUF_INIT;

	test_offline(&out, &err);

	struct llmsrv_opts so = {0};
	struct llmsrv *srv = llmsrv_start(&so);
	CHECK(srv != NULL);
	if (!srv)
		return test_done("test_article");
	llm_env = llmsrv_brief_env(srv);

	/* A story by item URL (one source), in Chinese. */
	const char *zh[] = {"https://techwire.example/2026/02/deepseek-off-peak-prices", NULL};
	CHECK_INT(article(zh, &out, &err), 0);
	wfx_golden("article", "deepseek-zh.md", buf_str(&out));
	check_structure(buf_str(&out), 0);
	CHECK(strstr(buf_str(&out), "(https://techwire.example/2026/02/deepseek-off-peak-prices)") != NULL);
	/* A story with two sources (the same OpenAI link from two feeds), in English, as JSON and Markdown. */
	const char *en[] = {"https://openai.example/blog/gpt-4-5", "--lang", "en", NULL};
	CHECK_INT(article(en, &out, &err), 0);
	wfx_golden("article", "openai-en.md", buf_str(&out));
	check_structure(buf_str(&out), 1);
	CHECK(strstr(buf_str(&out), "— Tech Wire") && strstr(buf_str(&out), "— AI Daily"));
	/* The bold key sentences and the bold-led list survive the claim check in English too
	 * ("**Each …" and "1. **Cost**" are not names the sources lack). */
	CHECK(strstr(buf_str(&out), "\n\n**The significance goes beyond") != NULL);
	CHECK(strstr(buf_str(&out), "\n1. **Cost**: ") != NULL);
	const char *enj[] = {"https://openai.example/blog/gpt-4-5", "--lang", "en", "--format", "json", NULL};
	CHECK_INT(article(enj, &out, &err), 0);
	wfx_golden("article", "openai-en.json", buf_str(&out));
	CHECK_INT(saved_articles(), 3); /* the offline zh, the model's zh and en (the en one replaced the offline en) */

	/* Rerun: served from the cache, no request. */
	struct llmsrv_stats before, after;
	llmsrv_get_stats(srv, &before);
	CHECK_INT(article(zh, &out, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, before.requests);

	/* A draft citing a source the story does not have: caught, re-asked once with the findings,
	 * the second draft passes. Different length bounds make it a new request. */
	llmsrv_reset(srv);
	llmsrv_article_fault("cite_missing", 1);
	const char *cite[] = {"2", "--min-chars", "1200", NULL};
	CHECK_INT(article(cite, &out, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 2);
	char *reask = llmsrv_logged(srv) >= 2 ? llmsrv_logged_user(srv, 1) : NULL;
	CHECK(reask && strstr(reask, "failed these checks") && strstr(reask, "[9], which the story does not have"));
	free(reask);
	check_structure(buf_str(&out), 0);

	/* A draft missing a section, twice: reported (exit 1, the findings on stderr), nothing saved. */
	long saved = saved_articles();
	llmsrv_reset(srv);
	llmsrv_article_fault("miss_section", 2);
	char path[4200];
	snprintf(path, sizeof path, "%s/kagi.md", test_tmpdir());
	const char *miss[] = {"https://techwire.example/2026/02/kagi-assistant", "--out", path, NULL};
	CHECK_INT(article(miss, &out, &err), 1);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 2);
	CHECK(strstr(buf_str(&err), "3 sections") != NULL);
	CHECK(strstr(buf_str(&err), "question is missing") != NULL);
	CHECK(!fs_exists(path));
	CHECK_INT(saved_articles(), saved);

	/* The first draft fails the checks and the re-ask is refused (OpenAI's "refusal", asked once
	 * more, refused again): exit 1, nothing saved, and stderr says the model refused. Before, it
	 * said both drafts "failed the checks twice" and showed only the first one's findings, so a
	 * refusal (or a provider down, a quota spent) read as two bad drafts. */
	llmsrv_reset(srv);
	llmsrv_article_fault("miss_section", 1);
	llmsrv_push_faults(srv, "fenced,refusal,refusal");
	CHECK_INT(article(miss, &out, &err), 1);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 3);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	if (!strstr(buf_str(&err), "the model refused") || strstr(buf_str(&err), "failed the checks twice"))
		fprintf(stderr, "refused re-ask reported as:\n%s", buf_str(&err));
	CHECK(strstr(buf_str(&err), "the model refused: I'm sorry") != NULL);
	CHECK(strstr(buf_str(&err), "failed the checks twice") == NULL);
	CHECK(strstr(buf_str(&err), "3 sections") != NULL); /* the first draft's findings are still shown */
	CHECK(!fs_exists(path));
	CHECK_INT(saved_articles(), saved);
	llmsrv_article_fault(NULL, 0);

	/* A headline that shows nothing (an ideographic and a zero-width space) and a closing
	 * question that is only "？": caught and asked again, the second draft stands. Before, they
	 * passed as present: the article was published under an empty "# " heading (the archive's
	 * title blank, the 公众号 draft untitled) and 今日互动 asked nothing. */
	llmsrv_reset(srv);
	llmsrv_article_fault("blank_parts", 1);
	const char *blank[] = {"https://techwire.example/2026/02/kagi-assistant", "--min-chars", "250", NULL};
	CHECK_INT(article(blank, &out, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 2);
	reask = llmsrv_logged(srv) >= 2 ? llmsrv_logged_user(srv, 1) : NULL;
	if (!reask || !strstr(reask, "the headline is missing"))
		fprintf(stderr, "blank parts: %ld requests, stderr:\n%s", after.requests, buf_str(&err));
	CHECK(reask && strstr(reask, "the headline is missing") && strstr(reask, "question"));
	free(reask);
	check_structure(buf_str(&out), 0);
	CHECK(strstr(buf_str(&out), "\xe2\x80\x8b") == NULL);
	llmsrv_article_fault(NULL, 0);

	/* Section headings that all say the same (a one-source story's five sections each headed
	 * "Tech Wire：变化已经发生") or that name a topic instead of stating a claim ("背景",
	 * "影响分析", and "结语", which the renderer writes again after the sections): they passed
	 * the checks, and the reader saw five identical headings, or "**五、结语**" then "**结语**".
	 * Now caught and asked again with the findings; twice: reported, nothing saved. */
	llmsrv_reset(srv);
	llmsrv_article_fault("same_headings", 1);
	const char *same[] = {"https://techwire.example/2026/02/kagi-assistant", "--min-chars", "270", NULL};
	CHECK_INT(article(same, &out, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 2);
	reask = llmsrv_logged(srv) >= 2 ? llmsrv_logged_user(srv, 1) : NULL;
	if (!reask || !strstr(reask, "section 2 has the same heading as section 1"))
		fprintf(stderr, "same headings: %ld requests, stderr:\n%s", after.requests, buf_str(&err));
	CHECK(reask && strstr(reask, "section 2 has the same heading as section 1"));
	free(reask);
	check_structure(buf_str(&out), 0);
	{ /* the article written has every heading once */
		static const char *const nums[] = {"\n**一、", "\n**二、", "\n**三、", "\n**四、"};
		const char *md = buf_str(&out);
		for (size_t i = 0; i < 4; i++)
			for (size_t k = i + 1; k < 4; k++) {
				const char *a = strstr(md, nums[i]), *b = strstr(md, nums[k]);
				CHECK(a && b);
				if (!a || !b)
					continue;
				a += strlen(nums[i]);
				b += strlen(nums[k]);
				size_t alen = strcspn(a, "\n"), blen = strcspn(b, "\n");
				CHECK(alen != blen || memcmp(a, b, alen) != 0);
			}
	}
	saved = saved_articles();
	llmsrv_reset(srv);
	llmsrv_article_fault("label_headings", 2);
	snprintf(path, sizeof path, "%s/labels.md", test_tmpdir());
	const char *labels[] = {"https://techwire.example/2026/02/kagi-assistant", "--min-chars", "280", "--out", path,
	                        NULL};
	CHECK_INT(article(labels, &out, &err), 1);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 2);
	CHECK(strstr(buf_str(&err), "failed the checks twice") != NULL);
	CHECK(strstr(buf_str(&err), "section 1's heading \"背景\" names a topic, not a claim") != NULL);
	CHECK(strstr(buf_str(&err), "\"结语\" names a topic") != NULL);
	CHECK(!fs_exists(path));
	CHECK_INT(saved_articles(), saved);
	llmsrv_reset(srv);
	llmsrv_article_fault("label_headings", 1);
	const char *labels_en[] = {"https://techwire.example/2026/02/kagi-assistant", "--lang", "en", "--min-chars", "700",
	                           NULL};
	CHECK_INT(article(labels_en, &out, &err), 0);
	reask = llmsrv_logged(srv) >= 2 ? llmsrv_logged_user(srv, 1) : NULL;
	CHECK(reask && strstr(reask, "\"Background\" names a topic") && strstr(reask, "\"Why it matters\" names"));
	free(reask);
	check_structure(buf_str(&out), 1);
	CHECK(strstr(buf_str(&out), "**1. Background**") == NULL);
	llmsrv_article_fault(NULL, 0);

	/* The wrong language, twice: reported. */
	llmsrv_article_fault("wrong_lang", 2);
	CHECK_INT(article(miss, &out, &err), 1);
	CHECK(strstr(buf_str(&err), "not in Chinese") != NULL);
	llmsrv_article_fault(NULL, 0);

	/* Section headings the model wrote as Markdown headings with their own numbers ("### 一、…",
	 * "## **二、…**", "###三、…"): shown once numbered, without the marks. Before: the Markdown
	 * read "**一、\#\#\# 一、Tech Wire：…**", the page "<h2>一、### 一、…</h2>". */
	llmsrv_article_fault("heading_markup", 2);
	const char *marked[] = {"https://techwire.example/2026/02/kagi-assistant", NULL};
	const char *marked_html[] = {"https://techwire.example/2026/02/kagi-assistant", "--format", "html", NULL};
	for (int f = 0; f < 2; f++) {
		CHECK_INT(article(f ? marked_html : marked, &out, &err), 0);
		if (!f)
			check_structure(buf_str(&out), 0);
		static const char *const nums[] = {"一、", "二、", "三、"};
		for (size_t i = 0; i < 3; i++) {
			char open[32];
			snprintf(open, sizeof open, f ? "<h2>%s" : "**%s", nums[i]);
			const char *h = strstr(buf_str(&out), open);
			CHECK(h != NULL);
			if (!h)
				continue;
			size_t len = strcspn(h, "\n");
			const char *hash = memchr(h, '#', len);
			int twice = 0;
			for (size_t k = 0; k < 3; k++) {
				const char *again = strstr(h + strlen(open), nums[k]);
				twice |= again && again < h + len;
			}
			if (hash || twice)
				fprintf(stderr, "heading: %.*s\n", (int)len, h);
			CHECK(hash == NULL);
			CHECK(!twice);
		}
	}
	llmsrv_article_fault(NULL, 0);

	/* A draft sentence with a made-up figure behind escape sequences (a prompt-injected model):
	 * removed, and named on stderr without its control characters. Before: "removed 1
	 * sentence(s) ...:\n- <ESC>]0;<BEL><ESC>[2J据称97%..." cleared and retitled the terminal. */
	llmsrv_article_fault("controls", 2);
	const char *controls[] = {"https://techwire.example/2026/02/kagi-assistant", "--min-chars", "260", NULL};
	CHECK_INT(article(controls, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "removed 1 sentence(s)") != NULL);
	CHECK(strstr(buf_str(&err), "97%") != NULL);
	size_t ctl = 0;
	for (size_t i = 0; i < err.len; i++)
		ctl += ((unsigned char)err.data[i] < 0x20 && err.data[i] != '\n') || err.data[i] == 0x7f;
	if (ctl)
		fprintf(stderr, "control characters on stderr:\n%s", buf_str(&err));
	CHECK_INT(ctl, 0);
	CHECK(strstr(buf_str(&out), "97%") == NULL);
	llmsrv_article_fault(NULL, 0);

	/* A headline and a section heading that end with a citation ("…[1]"): a heading links
	 * nowhere, so the marker goes. Before: "# …\[1\]" and "**一、…\[1\]**" in the Markdown,
	 * "<h1>…[1]</h1>" on the page, and the archive's title "…[1]". */
	llmsrv_article_fault("heading_cites", 2);
	const char *cited[] = {"https://techwire.example/2026/02/deepseek-off-peak-prices", "--min-chars", "1300", NULL};
	const char *cited_html[] = {"https://techwire.example/2026/02/deepseek-off-peak-prices", "--min-chars", "1300",
	                            "--format", "html", NULL};
	CHECK_INT(article(cited, &out, &err), 0);
	check_structure(buf_str(&out), 0);
	const char *md = buf_str(&out), *first = strstr(md, "**一、");
	CHECK(strcspn(md, "[") > strcspn(md, "\n")); /* the headline line */
	CHECK(first && strcspn(first, "[") > strcspn(first, "\n"));
	CHECK_INT(article(cited_html, &out, &err), 0);
	const char *h1 = strstr(buf_str(&out), "<h1>"), *h2 = strstr(buf_str(&out), "<h2>");
	CHECK(h1 && strcspn(h1, "[") > strcspn(h1, "\n"));
	CHECK(h2 && strcspn(h2, "[") > strcspn(h2, "\n"));
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st = {0};
	struct err e;
	CHECK(store_open(&st, db, &e) == 0);
	sqlite3_stmt *q = store_prepare(&st, "SELECT count(*) FROM reports WHERE kind = 'article' AND title LIKE '%[1]%'",
	                                &e);
	CHECK(q && sqlite3_step(q) == SQLITE_ROW);
	CHECK_INT(q ? sqlite3_column_int64(q, 0) : -1, 0);
	sqlite3_finalize(q);
	store_close(&st);
	llmsrv_article_fault(NULL, 0);

	/* Citations written as lists ("[1, 2]", "[1，2]", "[1-2]", "【1】"): read as the markers
	 * they stand for. Before: they stayed text, "\[1, 2\]" in the Markdown, a bracket that links
	 * nowhere, and source 2, cited only so, had no link in the article. */
	llmsrv_reset(srv);
	llmsrv_article_fault("cite_list", 1);
	const char *listed[] = {"https://openai.example/blog/gpt-4-5", "--min-chars", "1400", NULL};
	CHECK_INT(article(listed, &out, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 1);
	check_structure(buf_str(&out), 0);
	static const char *const lists[] = {"\\[1, 2\\]", "\\[1，2\\]", "\\[1-2\\]", "【1】", "1, 2", "1，2"};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		if (strstr(buf_str(&out), lists[i]))
			fprintf(stderr, "citation list left as text: %s\n", lists[i]);
		CHECK(strstr(buf_str(&out), lists[i]) == NULL);
	}
	const char *sec = strstr(buf_str(&out), "**一、");
	CHECK(sec && strstr(sec, "[\\[2\\]](https://") != NULL);
	llmsrv_article_fault(NULL, 0);

	/* A model that takes longer than [llm] timeout to write an article (a local model writes a
	 * few thousand tokens in minutes; the default timeout is 60 s, sized for a score batch): the
	 * timeout was the same for every request, so each attempt at the article was cut off and
	 * the article failed after four (each one generated in full again). A request allowed more
	 * than 2,048 completion tokens gets the timeout in proportion: the article's 8,000, about 4x.
	 * Here a 2 s timeout and a stand-in that takes 3 s for every answer (the article's own
	 * timeout, about 7.8 s, leaves a wide margin on a loaded machine). */
	struct llmsrv_opts slow_opts = {.latency_ms = 3000};
	struct llmsrv *slow = llmsrv_start(&slow_opts);
	CHECK(slow != NULL);
	if (slow) {
		char conf[4200];
		snprintf(conf, sizeof conf, "%s/slow.conf", test_tmpdir());
		static const char slow_conf[] = "[llm]\ntimeout = 2\nretries = 2\n";
		test_write_file(conf, slow_conf, strlen(slow_conf));
		const char *const *fast_env = llm_env;
		llm_env = llmsrv_brief_env(slow);
		const char *slow_args[] = {"https://techwire.example/2026/02/kagi-assistant", "--min-chars", "260", "--config",
		                           conf, NULL};
		int rc = article(slow_args, &out, &err);
		if (rc != 0)
			fprintf(stderr, "slow model: exit %d:\n%s", rc, buf_str(&err));
		CHECK_INT(rc, 0);
		if (rc == 0)
			check_structure(buf_str(&out), 0);
		llm_env = fast_env;
		llmsrv_stop(slow);
	}

	/* Found in review: a provider whose balance is spent (DeepSeek's 402) failed the one request
	 * that met it, and every later client of the run asked again: `brief article --top 3` sent
	 * the score batch, the enrich batches and each story's draft, warned for each, and wrote no
	 * article (exit 1). The first 402 now stops the provider for the run (one request, one
	 * warning) and the offline engine writes every story's article, saying so. A home of its
	 * own, so nothing is served from the cache. */
	{
		char saved_home[sizeof home], dir[4200];
		memcpy(saved_home, home, sizeof home);
		snprintf(home, sizeof home, "%s/home402", test_tmpdir());
		wfx_make_home(home);
		snprintf(dir, sizeof dir, "%s/articles402/", test_tmpdir());
		struct err de;
		CHECK_INT(fs_mkdirs(dir, 1, &de), 0);
		llmsrv_reset(srv);
		llmsrv_push_faults(srv, "balance_402,balance_402,balance_402,balance_402,balance_402,balance_402,"
		                        "balance_402,balance_402,balance_402,balance_402");
		const char *top[] = {"--top", "3", "--out", dir, NULL};
		int rc = article(top, &out, &err);
		if (rc != 0)
			fprintf(stderr, "balance spent: exit %d:\n%s", rc, buf_str(&err));
		CHECK_INT(rc, 0);
		llmsrv_get_stats(srv, &after);
		CHECK_INT(after.requests, 1);
		CHECK_INT(saved_articles(), 3);
		size_t warned = 0;
		for (const char *p = buf_str(&err); (p = strstr(p, "Insufficient Balance")); p++)
			warned++;
		CHECK_INT(warned, 1);
		llmsrv_clear_faults(srv);
		memcpy(home, saved_home, sizeof home);
	}

	/* --offline with a model configured: no request, the offline article. */
	llmsrv_reset(srv);
	const char *off[] = {"https://openai.example/blog/gpt-4-5", "--offline", NULL};
	CHECK_INT(article(off, &out, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, 0);
	CHECK(strstr(buf_str(&out), "离线引擎") != NULL);
	CHECK(strstr(buf_str(&err), "min-chars") == NULL);
	/* The length bounds are a model's: offline they are said to be ignored, not silently unmet. */
	const char *off_bounded[] = {"https://openai.example/blog/gpt-4-5", "--offline", "--min-chars", "800", "--max-chars", "1000", NULL};
	CHECK_INT(article(off_bounded, &out, &err), 0);
	CHECK(strstr(buf_str(&err), "--min-chars/--max-chars bound a model's article") != NULL);

	/* Unknown story. */
	const char *unknown[] = {"s0123456789ab", NULL};
	CHECK_INT(article(unknown, &out, &err), 1);
	CHECK(strstr(buf_str(&err), "no story") != NULL);

	llmsrv_stop(srv);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_article");
}
