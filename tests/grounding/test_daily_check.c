/* test_daily_check.c: the daily's model-written text checked against its articles
 * (ai/longform/daily_check.h), on stories built here: a summary's sentence with a figure, a
 * quotation or a name its article lacks goes and the rest stays; a title with one is replaced
 * by the feed's; a summary or highlights with nothing left are replaced by the offline
 * engine's; the highlights may state the digest's own counts; the offline engine's own
 * enrichment is not checked; English works the same. */
#include <string.h>

#include "ai/longform/daily_check.h"
#include "util/buf.h"
#include "testlib.h"

#define NOW 1771638960 /* 2026-02-21T01:56:00Z */

static struct arena A = ARENA_INIT;

static struct article arts[3];
static struct story stories[3];
static struct story *top[3];
static struct article *members[3];

static void
setup(void)
{
	static const char *const titles[] = {"Taalas serves Llama 3.1 8B at 17,000 tokens/second",
	                                     "Starkiller phishing service proxies real login pages",
	                                     "Notes on the dialog manager"};
	static const char *const texts[] = {
		"Canadian hardware startup Taalas has shipped its first product: a custom ASIC that hard-wires the "
		"Llama 3.1 8B model into silicon. Inference runs at 17,000 tokens per second.",
		"A new phishing-as-a-service platform called Starkiller relays traffic between victims and the real "
		"login page, capturing passwords and MFA tokens. Krebs counted 40 customers in January.",
		"The dialog manager dismisses a dialog when the user presses ESC, which the first attempt misses."};
	memset(arts, 0, sizeof arts);
	memset(stories, 0, sizeof stories);
	for (int i = 0; i < 3; i++) {
		arts[i].id = i + 1;
		arts[i].title = titles[i];
		arts[i].text = texts[i];
		arts[i].source_name = "example.org";
		arts[i].link = "https://example.org/p";
		arts[i].published = arts[i].when = arts[i].first_seen = NOW - 3600;
		stories[i].lead = &arts[i];
		members[i] = &arts[i];
		stories[i].members = &members[i];
		stories[i].member_count = 1;
		stories[i].verdict.category = i == 1 ? CAT_SECURITY : i == 0 ? CAT_AI_ML : CAT_ENGINEERING;
		stories[i].has_enrichment = 1;
		top[i] = &stories[i];
	}
}

static void
enrich(int i, const char *title, const char *summary, const char *reason)
{
	stories[i].enrichment = (struct enrichment){title, summary, reason, 0, 0};
}

static void
test_summaries(void)
{
	setup();
	enrich(0, "Taalas 把 Llama 3.1 8B 做进芯片，每秒 17,000 个 token",
	       "Taalas 推出了首款产品，一块把 Llama 3.1 8B 固化进硅片的 ASIC。推理速度达到每秒 17,000 个 token。"
	       "据知情人士透露，其用户规模同比增长 437.5%。",
	       "关注 AI 推理硬件的读者值得一读。");
	enrich(1, "Starkiller 钓鱼服务用反向代理绕过 MFA，已有 400 家客户",
	       "Zentrix Labs 表示：“这是我们历史上最重要的战略转变”。", "关注安全的读者值得一读。");
	enrich(2, "对话框管理器笔记", "对话框管理器在用户按下 ESC 时关闭对话框。", "想了解 Win32 的读者值得一读。");
	stories[2].enrichment.is_offline = 1;
	stories[2].enrichment.summary = "Made up 999 figure by Nobody Labs."; /* offline: not checked */
	const char *hl = "今天共有 3 篇精选，其中 AI / ML 1 篇。领头的是 Taalas 的推理芯片，每秒 17,000 个 token。"
	                 "John Carter 称这将改变行业。";
	struct daily_facts facts = {"2026-02-21", 11, 5, 48};
	struct daily_check_report rep;
	daily_check(top, 3, &hl, 1, &facts, "zh", 1200, &A, &rep);
	/* story 1: the made-up growth goes, the two supported sentences stay */
	CHECK(strstr(stories[0].enrichment.summary, "437.5") == NULL);
	CHECK(strstr(stories[0].enrichment.summary, "每秒 17,000 个 token") != NULL);
	CHECK(strstr(stories[0].enrichment.summary, "固化进硅片") != NULL);
	CHECK_STR(stories[0].enrichment.title, "Taalas 把 Llama 3.1 8B 做进芯片，每秒 17,000 个 token");
	/* story 2: the title's 400 customers are not in the article (40 are): the feed's title;
	 * the summary's quotation and name are made up: nothing stands, the offline summary */
	CHECK_STR(stories[1].enrichment.title, arts[1].title);
	CHECK(strstr(stories[1].enrichment.summary, "Zentrix") == NULL);
	CHECK(strstr(stories[1].enrichment.summary, "Starkiller") != NULL); /* the article's own sentences */
	CHECK(strstr(stories[1].enrichment.reason, "原文摘录") != NULL); /* its why-read says whose words they are */
	/* story 3: the offline engine's text is not the model's */
	CHECK_STR(stories[2].enrichment.summary, "Made up 999 figure by Nobody Labs.");
	/* the highlights: the digest's counts stand, the made-up name goes */
	CHECK(strstr(hl, "共有 3 篇精选") != NULL);
	CHECK(strstr(hl, "17,000") != NULL);
	CHECK(strstr(hl, "John Carter") == NULL);
	CHECK_INT(rep.removed, 4);  /* 437.5 %, the title, the quotation's sentence, John Carter's */
	CHECK_INT(rep.replaced, 2); /* a title and a summary */
	CHECK(rep.unsupported >= 4);
	CHECK(rep.claims > rep.unsupported);
	CHECK(strstr(rep.removed_text, "- #1: 据知情人士透露") != NULL);
	CHECK(strstr(rep.removed_text, "- #2: Starkiller 钓鱼服务用反向代理绕过 MFA，已有 400 家客户") != NULL);
	CHECK(strstr(rep.removed_text, "John Carter") != NULL);
}

static void
test_english_and_fallback_highlights(void)
{
	setup();
	enrich(0, "Taalas serves Llama 3.1 8B at 17,000 tokens/second",
	       "Taalas shipped an ASIC that runs Llama 3.1 8B at 17,000 tokens per second. Its user base grew 62% "
	       "year on year.",
	       "Worth reading for anyone following inference hardware.");
	enrich(1, "Starkiller proxies real login pages", "Starkiller relays traffic to the real login page.",
	       "Worth reading for anyone in security.");
	enrich(2, "Notes on the dialog manager", "The dialog manager closes a dialog on ESC.",
	       "Worth reading for programmers.");
	const char *hl = "Maria Keller said the week belonged to Zentrix Labs.";
	struct daily_facts facts = {"2026-02-21", 11, 5, 48};
	struct daily_check_report rep;
	daily_check(top, 3, &hl, 1, &facts, "en", 1200, &A, &rep);
	CHECK(strstr(stories[0].enrichment.summary, "62%") == NULL);
	CHECK(strstr(stories[0].enrichment.summary, "17,000 tokens per second") != NULL);
	CHECK(strstr(hl, "Maria Keller") == NULL); /* nothing stood: the offline paragraph */
	CHECK(*hl != '\0');
	CHECK_INT(rep.removed, 2);
	CHECK_INT(rep.replaced, 1);

	/* highlights the offline engine wrote are not checked */
	setup();
	enrich(0, "T", "Taalas shipped an ASIC.", "R.");
	const char *off = "Maria Keller again.";
	daily_check(top, 1, &off, 0, &facts, "en", 1200, &A, &rep);
	CHECK_STR(off, "Maria Keller again.");
	CHECK_INT(rep.removed, 0);
}

/* A name of 128 characters or more (a long class or package name, as Java and .NET posts
 * write them) that the article has was "in nothing the model was given": the summary's
 * sentence quoting it went, and a summary of the article's own words came back. Found by
 * fuzz_dailycheck. */
static void
test_long_name(void)
{
	setup();
	struct buf name = BUF_INIT, text = BUF_INIT, summary = BUF_INIT;
	buf_puts(&name, "Abstract");
	while (name.len < 140)
		buf_puts(&name, "SingletonProxyFactoryBean");
	buf_printf(&text, "Spring 7 removes %s from the framework. Its users must migrate.", buf_str(&name));
	arts[0].text = buf_str(&text);
	buf_printf(&summary, "Spring 7 removes %s from the framework.", buf_str(&name));
	enrich(0, "Spring 7 drops a factory bean", buf_str(&summary), "Worth reading for Spring users.");
	struct daily_check_report rep;
	daily_check(top, 1, NULL, 0, NULL, "en", 1200, &A, &rep);
	CHECK_INT(rep.unsupported, 0);
	CHECK_INT(rep.removed, 0);
	CHECK_STR(stories[0].enrichment.summary, buf_str(&summary));
	/* a name the article lacks still goes, however long */
	buf_clear(&summary);
	buf_printf(&summary, "Spring 7 removes %sX from the framework.", buf_str(&name));
	enrich(0, "Spring 7 drops a factory bean", buf_str(&summary), "Worth reading for Spring users.");
	daily_check(top, 1, NULL, 0, NULL, "en", 1200, &A, &rep);
	CHECK_INT(rep.removed, 1);
	buf_free(&name);
	buf_free(&text);
	buf_free(&summary);
}

int
main(void)
{
	test_summaries();
	test_english_and_fallback_highlights();
	test_long_name();
	arena_free(&A);
	return test_done("test_daily_check");
}
