/* test_weekly_llm.c: `brief weekly` with the LLM stand-in: the model labels the stories and
 * writes each group's paragraphs (golden; one "weekly" request per group, none on a rerun),
 * a group whose answer cites a source it does not have is re-asked once with the findings and
 * falls back to extractive paragraphs (said in the post) when the second answer is bad too,
 * and a story only the model calls a rumour lands under 小道消息. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmserver.h"
#include "llmserver_longform.h"
#include "testlib.h"
#include "wfixture.h"

/* The text of out between the headings from and to (to may be NULL: the end). */
static void
section(const char *out, const char *from, const char *to, struct buf *got)
{
	got->len = 0;
	buf_puts(got, "");
	const char *a = strstr(out, from);
	if (!a)
		return;
	const char *b = to ? strstr(a, to) : NULL;
	buf_append(got, a, b ? (size_t)(b - a) : strlen(a));
}

/* Paragraph groups of a post: named groups (### headings) plus the open-source group. */
static long
group_count(const char *out)
{
	long n = 0;
	for (const char *p = out; (p = strstr(p, "\n### ")); p++)
		n++;
	struct buf oss = BUF_INIT;
	section(out, "\n# 三、开源项目\n", "\n# 参考资料\n", &oss);
	if (oss.len && !strstr(buf_str(&oss), "本周暂无"))
		n++;
	buf_free(&oss);
	return n;
}

static long
weekly_requests(struct llmsrv *srv)
{
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	return s.by_task[llmsrv_task_index("weekly")];
}

/* The Kagi group's answer cites a source it does not have, faults times: with 1 the re-ask
 * (carrying the finding) passes; with 2 the group falls back to its extractive paragraphs and
 * the post and stderr say so. Nothing else changes. */
static void
bad_citation(struct llmsrv *srv, const char *const *env, int faults)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-fault%d", test_tmpdir(), faults);
	wfx_make_home(home);
	llmsrv_reset(srv);
	llmsrv_weekly_fault("Kagi raises", faults);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	const char *o = buf_str(&out);
	long groups = group_count(o);
	CHECK_INT(weekly_requests(srv), groups + 1); /* one re-ask, for Kagi only */
	int reasked = 0;
	for (size_t i = 0; i < llmsrv_logged(srv); i++) {
		char *u = llmsrv_logged_user(srv, i);
		const char *findings = strstr(u, "failed these checks");
		if (findings) {
			reasked++;
			CHECK(strstr(u, "Kagi raises") != NULL);
			CHECK(strstr(u, "cites [7], which the story does not have") != NULL);
			/* the uncited story named by its number: feed text (its title) stays inside the
			 * data block, never among the findings that follow it */
			const char *nc = strstr(findings, " is not cited\n");
			const char *line = nc;
			while (line && line > findings && line[-1] != '\n')
				line--;
			int src_no = 0, used = 0;
			CHECK(nc && sscanf(line, "- the story of source [%d]%n", &src_no, &used) == 1 && line + used == nc);
			CHECK(strstr(findings, "Kagi raises") == NULL);
		}
		free(u);
	}
	CHECK_INT(reasked, 1);
	section(o, "\n### 1. Kagi\n", "\n### 2. ", &kagi); /* two stories: the largest group, first */
	CHECK(kagi.len > 0);
	CHECK(strstr(o, "\n14. ") == NULL); /* no reference beyond the 13 sources */
	CHECK(strstr(o, "\n13. [Zig") != NULL);
	if (faults == 1) {
		CHECK(strstr(buf_str(&kagi), "【周报稿】") != NULL);
		CHECK(strstr(o, "改为逐篇列出各报道的摘要") == NULL);
	} else {
		CHECK(strstr(buf_str(&kagi), "【周报稿】") == NULL);
		CHECK(strstr(buf_str(&kagi), "AI Daily 报道《Kagi raises Professional plan price") != NULL);
		/* The fallback tells the stories' summaries, which the model wrote (the stand-in's
		 * "这篇来自 … 要点：" and mostly English): no excerpt of the original. Before, the
		 * paragraph called them "原文摘录：" and the closing note said the part was "改为摘录原文",
		 * quoted from the sources. */
		CHECK(strstr(buf_str(&kagi), "这篇来自 AI Daily") != NULL);
		CHECK(strstr(buf_str(&kagi), "原文摘录") == NULL);
		CHECK(strstr(o, "摘录原文") == NULL);
		CHECK(strstr(o, "以下部分的模型稿未通过校验或模型未作答，改为逐篇列出各报道的摘要：Kagi。") != NULL);
		CHECK(strstr(buf_str(&err), "failed twice") != NULL);
		/* Every other group is still the model's. */
		CHECK(strstr(o, "【周报稿】2026-02-20，Tech Wire 报道「OpenAI releases") != NULL);
	}
	llmsrv_weekly_fault(NULL, 0);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* A story whose only hint is "an unverified post" is news to the word cues (offline) and a
 * rumour to the model. */
static void
model_rumour(struct llmsrv *srv, const char *const *env)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-rumour", test_tmpdir());
	wfx_make_home_with(home, "unverified.xml");
	llmsrv_reset(srv);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	const char *offline[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--now", WFX_NOW, "--config",
	                         wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, news = BUF_INIT, rumours = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	section(buf_str(&out), "\n# 一、科技新闻\n", "\n# 二、小道消息\n", &news);
	section(buf_str(&out), "\n# 二、小道消息\n", "\n# 三、开源项目\n", &rumours);
	CHECK(strstr(buf_str(&rumours), ". Microsoft\n") != NULL);
	CHECK(strstr(buf_str(&rumours), "Microsoft tests a free Office") != NULL);
	CHECK(strstr(buf_str(&news), "Microsoft") == NULL);
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	CHECK(s.by_task[llmsrv_task_index("classify")] >= 1);
	long classify_asks = s.by_task[llmsrv_task_index("classify")];
	out.len = 0;
	CHECK_INT(wfx_brief(offline, env, &out, &err), 0);
	section(buf_str(&out), "\n# 一、科技新闻\n", "\n# 二、小道消息\n", &news);
	CHECK(strstr(buf_str(&news), "Microsoft tests a free Office") != NULL);
	/* Found in review: a model that spells the labels as it likes ("Rumor", "open-source",
	 * "News", as json_object-mode models do) had every classify entry refused by the schema's
	 * list, asked again twice, then "the model labelled 0 of N stories" and the word cues filed
	 * the rumour under news. The spellings are read as the labels they are. A home of its own,
	 * so nothing is served from the cache. */
	snprintf(home, sizeof home, "%s/home-rumour-spelt", test_tmpdir());
	wfx_make_home_with(home, "unverified.xml");
	llmsrv_reset(srv);
	llmsrv_push_faults(srv, "kind_spellings,kind_spellings,kind_spellings,kind_spellings,kind_spellings,"
	                        "kind_spellings,kind_spellings,kind_spellings,kind_spellings,kind_spellings,"
	                        "kind_spellings,kind_spellings,kind_spellings,kind_spellings,kind_spellings,"
	                        "kind_spellings,kind_spellings,kind_spellings,kind_spellings,kind_spellings");
	out.len = 0;
	err.len = 0;
	const char *spelt[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                       wfx_path("weekly", "weekly.conf"), NULL};
	int rc = wfx_brief(spelt, env, &out, &err);
	if (rc != 0)
		fprintf(stderr, "weekly with the labels spelt otherwise: exit %d:\n%s", rc, buf_str(&err));
	CHECK_INT(rc, 0);
	llmsrv_clear_faults(srv);
	section(buf_str(&out), "\n# 二、小道消息\n", "\n# 三、开源项目\n", &rumours);
	CHECK(strstr(buf_str(&rumours), "Microsoft tests a free Office") != NULL);
	CHECK(strstr(buf_str(&err), "the model labelled") == NULL);
	llmsrv_get_stats(srv, &s);
	CHECK_INT(s.by_task[llmsrv_task_index("classify")], classify_asks); /* none asked again */
	buf_free(&out);
	buf_free(&err);
	buf_free(&news);
	buf_free(&rumours);
}

/* Run the unverified-post week (its Microsoft story is a rumour to the model) in lang with the
 * Microsoft group's answers (count of them: the first, and the re-ask) replaced by
 * paragraphs_json; the 小道消息 / Rumours section goes to rumours. Returns the exit code. */
static int
rumour_answers(struct llmsrv *srv, const char *const *env, const char *tag, const char *lang, int count,
               const char *paragraphs_json, struct buf *out, struct buf *err, struct buf *rumours)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-hedge-%s", test_tmpdir(), tag);
	wfx_make_home_with(home, "unverified.xml");
	llmsrv_reset(srv);
	llmsrv_weekly_answer("Microsoft tests a free Office", count, paragraphs_json);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--lang", lang, "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	out->len = 0;
	err->len = 0;
	int rc = wfx_brief(args, env, out, err);
	llmsrv_weekly_answer(NULL, 0, NULL);
	int en = strcmp(lang, "en") == 0;
	section(buf_str(out), en ? "\n# 2. Rumours and leaks\n" : "\n# 二、小道消息\n",
	        en ? "\n# 3. Open source\n" : "\n# 三、开源项目\n", rumours);
	return rc;
}

/* The re-asks of the Microsoft group: how many, and whether each carried the hedge finding. */
static int
hedge_reasks(struct llmsrv *srv)
{
	int n = 0;
	for (size_t i = 0; i < llmsrv_logged(srv); i++) {
		char *u = llmsrv_logged_user(srv, i);
		if (strstr(u, "Microsoft tests a free Office") && strstr(u, "failed these checks")) {
			n++;
			CHECK(strstr(u, "tells a rumour as fact") != NULL);
		}
		free(u);
	}
	return n;
}

/* A group under 小道消息 is told as reported, not as fact: its request says the stories are
 * unconfirmed and asks for the sources' hedge, and a paragraph with no hedge or attribution
 * (据报道, 据悉, 消息称, reportedly, according to, …) is re-asked, then falls back to the extract
 * ("Office Watch 报道《…》"). Before: the request did not say the group was rumours and nothing
 * checked, so a model's "微软正在测试…" was published as fact under the rumour heading. */
static void
model_rumour_hedge(struct llmsrv *srv, const char *const *env)
{
	struct buf out = BUF_INIT, err = BUF_INIT, rumours = BUF_INIT;
	static const char fact_zh[] = "[\"【周报稿】2月19日，微软正在测试一款只能把文件保存到 OneDrive、"
	                              "并在屏幕右侧显示广告的免费版 Office[1]。\"]";
	/* The request of the rumour group asks for the hedge; a news group's does not. */
	CHECK_INT(rumour_answers(srv, env, "ask", "zh", 0, NULL, &out, &err, &rumours), 0);
	int asked = 0, other_asked = 0;
	for (size_t i = 0; i < llmsrv_logged(srv); i++) {
		if (llmsrv_logged_task(srv, i) != llmsrv_task_index("weekly"))
			continue;
		char *u = llmsrv_logged_user(srv, i);
		int hedge = strstr(u, "not as fact") != NULL && strstr(u, "据报道") != NULL;
		if (strstr(u, "Microsoft tests a free Office"))
			asked += hedge;
		else
			other_asked += hedge;
		free(u);
	}
	long rumour_groups = 0; /* the fixture week has other rumours besides Microsoft's */
	for (const char *q = buf_str(&rumours); (q = strstr(q, "\n### ")); q++)
		rumour_groups++;
	CHECK_INT(asked, 1);
	CHECK(rumour_groups >= 2);
	CHECK_INT(other_asked, rumour_groups - 1);
	CHECK(weekly_requests(srv) > rumour_groups); /* news and open-source groups: not asked */
	/* Stated as fact twice: the extract, said in the post and on stderr. */
	CHECK_INT(rumour_answers(srv, env, "fact", "zh", 2, fact_zh, &out, &err, &rumours), 0);
	CHECK_INT(hedge_reasks(srv), 1);
	CHECK(strstr(buf_str(&rumours), "微软正在测试") == NULL);
	CHECK(strstr(buf_str(&rumours), "Office Watch 报道《Microsoft tests a free Office") != NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要：Microsoft。") != NULL);
	CHECK(strstr(buf_str(&err), "tells a rumour as fact") != NULL);
	/* Stated as fact once: the re-asked answer (the stand-in attributes: "X 报道「T」") is used. */
	CHECK_INT(rumour_answers(srv, env, "fact-once", "zh", 1, fact_zh, &out, &err, &rumours), 0);
	CHECK_INT(hedge_reasks(srv), 1);
	CHECK(strstr(buf_str(&rumours), "【周报稿】") != NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	/* Hedged: accepted as written, no re-ask. */
	CHECK_INT(rumour_answers(srv, env, "hedged", "zh", 2,
	                         "[\"【周报稿】据 Windows 论坛上一则未经证实的帖子，微软正在测试一款只能把文件保存到 "
	                         "OneDrive 的免费版 Office[1]。\"]",
	                         &out, &err, &rumours),
	          0);
	CHECK_INT(hedge_reasks(srv), 0);
	CHECK(strstr(buf_str(&rumours), "未经证实的帖子") != NULL);
	/* English: the same, with the English hedges. */
	CHECK_INT(rumour_answers(srv, env, "fact-en", "en", 2,
	                         "[\"[weekly draft] Microsoft is testing a free, ad-supported Office that can only save "
	                         "documents to OneDrive [1].\"]",
	                         &out, &err, &rumours),
	          0);
	CHECK_INT(hedge_reasks(srv), 1);
	CHECK(strstr(buf_str(&rumours), "Microsoft is testing a free") == NULL);
	CHECK_INT(rumour_answers(srv, env, "hedged-en", "en", 2,
	                         "[\"[weekly draft] According to an unverified forum post, Microsoft is testing a free, "
	                         "ad-supported Office that can only save documents to OneDrive [1].\"]",
	                         &out, &err, &rumours),
	          0);
	CHECK_INT(hedge_reasks(srv), 0);
	CHECK(strstr(buf_str(&rumours), "According to an unverified forum post") != NULL);
	buf_free(&out);
	buf_free(&err);
	buf_free(&rumours);
}

/* Paragraphs the model opens as list items ("- …", "2. …"): a weekly paragraph is one line of
 * text, so the Markdown shows the marker as written, as the page does, and no list. Before:
 * the Markdown began the paragraph with a bare "- " or "2. ", which Jekyll and Hugo render as
 * a bullet or a numbered list while the HTML page shows "- …" and "2. …" as text. */
static void
model_lists(struct llmsrv *srv, const char *const *env)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-lists", test_tmpdir());
	wfx_make_home(home);
	llmsrv_reset(srv);
	llmsrv_weekly_lists(100);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, body = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	llmsrv_weekly_lists(0);
	section(buf_str(&out), "\n# 一、科技新闻\n", "\n# 参考资料\n", &body);
	CHECK(strstr(buf_str(&body), "\n\\- 【周报稿】") != NULL);
	CHECK(strstr(buf_str(&body), "\n2\\. 【周报稿】") != NULL);
	for (const char *line = buf_str(&body); line; line = strchr(line + 1, '\n')) {
		const char *l = line + (*line == '\n');
		size_t digits = strspn(l, "0123456789");
		int item = strncmp(l, "- ", 2) == 0 || (digits > 0 && (l[digits] == '.' || l[digits] == ')') &&
		                                          l[digits + 1] == ' ');
		if (item)
			fprintf(stderr, "a list item in the post: %.*s\n", (int)strcspn(l, "\n"), l);
		CHECK(!item);
	}
	buf_free(&out);
	buf_free(&err);
	buf_free(&body);
}

/* Run the fixture week with the Kagi group's answers (both: the first and the re-ask) replaced
 * by the paragraphs paragraphs_json; stdout, stderr into out, err; returns the exit code. The
 * Kagi section (its paragraphs) goes to kagi. */
static int
kagi_answers(struct llmsrv *srv, const char *const *env, const char *tag, const char *paragraphs_json,
             struct buf *out, struct buf *err, struct buf *kagi)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-%s", test_tmpdir(), tag);
	wfx_make_home(home);
	llmsrv_reset(srv);
	llmsrv_weekly_answer("Kagi raises", 2, paragraphs_json);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	out->len = 0;
	err->len = 0;
	int rc = wfx_brief(args, env, out, err);
	llmsrv_weekly_answer(NULL, 0, NULL);
	section(buf_str(out), "\n### 1. Kagi\n", "\n### 2. ", kagi);
	return rc;
}

/* The Kagi group fell back to its extractive paragraphs, and the post and stderr say so. */
static void
check_kagi_fell_back(const struct buf *out, const struct buf *err, const struct buf *kagi)
{
	CHECK(strstr(buf_str(kagi), "AI Daily 报道《Kagi raises Professional plan price") != NULL);
	CHECK(strstr(buf_str(out), "改为逐篇列出各报道的摘要：Kagi。") != NULL);
	CHECK(strstr(buf_str(err), "weekly Kagi: the model's paragraphs failed twice") != NULL);
}

/* A paragraph that shows nothing but its citations ("[1][2]", or an ideographic space and a
 * zero-width space before them) is empty. Before: it passed the check (its markers made it
 * non-blank) and the post printed a paragraph of bare reference links under Kagi. */
static void
model_blank(struct llmsrv *srv, const char *const *env)
{
	struct buf out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	CHECK_INT(kagi_answers(srv, env, "blank", "[\"[1][2]\", \"\\u3000\\u200b [1]\"]", &out, &err, &kagi), 0);
	check_kagi_fell_back(&out, &err, &kagi);
	CHECK(strstr(buf_str(&err), "paragraph 1 is empty") != NULL);
	CHECK(strstr(buf_str(&err), "paragraph 2 is empty") != NULL);
	CHECK(strstr(buf_str(&kagi), "\n [\\[1\\]]") == NULL); /* no paragraph of bare links */
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* English paragraphs in a Chinese week, written with the sources' own words (every lowercase
 * word of them is in the sources, which the language check reads as terms). Before: they
 * passed as Chinese and the 中文 post told Kagi's news in English, as the model's. Now: re-asked,
 * then the extractive paragraphs, said in the post and on stderr. */
static void
model_english(struct llmsrv *srv, const char *const *env)
{
	struct buf out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	CHECK_INT(kagi_answers(srv, env, "english",
	                       "[\"Kagi made its Assistant available on every paid plan starting Monday [1]. Kagi "
	                       "will charge $12 a month for its Professional plan from March 1, up from $10 [2].\"]",
	                       &out, &err, &kagi),
	          0);
	check_kagi_fell_back(&out, &err, &kagi);
	CHECK(strstr(buf_str(&err), "is not in Chinese") != NULL);
	/* The closing note does not blame the citations for a draft in the wrong language. Before:
	 * "以下部分的模型稿未通过引用校验" whatever the reason. */
	CHECK(strstr(buf_str(&out), "以下部分的模型稿未通过校验或模型未作答，改为逐篇列出各报道的摘要：Kagi。") != NULL);
	CHECK(strstr(buf_str(&out), "引用校验") == NULL);
	CHECK(strstr(buf_str(&kagi), "made its Assistant available on every paid plan starting Monday.") == NULL);
	/* A Chinese paragraph that quotes an English title is Chinese. */
	CHECK_INT(kagi_answers(srv, env, "quoted",
	                       "[\"2月16日，Tech Wire 报道「Kagi launches its Assistant for all paid plans」[1]；2月21日，"
	                       "Kagi 宣布专业版月费从10美元涨到12美元[2]。\"]",
	                       &out, &err, &kagi),
	          0);
	CHECK(strstr(buf_str(&kagi), "宣布专业版月费从10美元涨到12美元") != NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	/* An English paragraph wrapped whole in “…” (a source's text, word for word) is no quoted
	 * title: a quote has at most 30 words (docs/weekly.md). Before: its function words counted as quoted, it passed as Chinese and
	 * the 中文 post told Kagi's news in English. */
	CHECK_INT(kagi_answers(srv, env, "quoted-all",
	                       "[\"“Kagi made its Assistant, which lets users query several large language models, "
	                       "available on every paid plan starting Monday. Previously it required the $25 Ultimate "
	                       "tier. The search company now counts 50,000 paying members.”[1]“Kagi will charge $12 a "
	                       "month for its Professional plan from March 1, up from $10, citing search API costs that "
	                       "rose 40% last year.”[2]\"]",
	                       &out, &err, &kagi),
	          0);
	check_kagi_fell_back(&out, &err, &kagi);
	CHECK(strstr(buf_str(&err), "is not in Chinese") != NULL);
	/* A quoted sentence inside Chinese prose is still a quote. */
	CHECK_INT(kagi_answers(srv, env, "quoted-sentence",
	                       "[\"2月16日，Kagi 为所有付费用户开放助手功能，Tech Wire 写道：“Previously it required the "
	                       "$25 Ultimate tier.”[1]2月21日，Kagi 宣布专业版月费从10美元涨到12美元[2]。\"]",
	                       &out, &err, &kagi),
	          0);
	CHECK(strstr(buf_str(&kagi), "Previously it required the \\$25 Ultimate tier.") != NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* A paragraph of thousands of characters (a model looping on one sentence). Before: accepted,
 * and the post carried a 4,200-character wall of text under Kagi as the model's. */
static void
model_long(struct llmsrv *srv, const char *const *env)
{
	struct buf para = BUF_INIT, json = BUF_INIT, out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	for (int i = 0; i < 200; i++)
		buf_puts(&para, "这家搜索公司为所有付费用户开放了助手功能。");
	buf_printf(&json, "[\"%s[1][2]\"]", buf_str(&para));
	CHECK_INT(kagi_answers(srv, env, "long", buf_str(&json), &out, &err, &kagi), 0);
	check_kagi_fell_back(&out, &err, &kagi);
	CHECK(strstr(buf_str(&err), "paragraph 1 is 4200 characters long; a paragraph must be at most 1200") != NULL);
	CHECK(strstr(buf_str(&kagi), "这家搜索公司为所有付费用户开放了助手功能。这家搜索公司") == NULL);
	/* A paragraph of a normal length is the model's. */
	buf_free(&json);
	buf_printf(&json, "[\"%.*s[1][2]\"]", (int)(21 * 3 * 10), buf_str(&para)); /* 10 sentences: 210 */
	CHECK_INT(kagi_answers(srv, env, "long-ok", buf_str(&json), &out, &err, &kagi), 0);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	buf_free(&para);
	buf_free(&json);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* Paragraphs with markup the prompt forbids and the post only shows as literal characters: a
 * heading, a rule, a Markdown image and link, <script>, a Liquid tag. Before: accepted as the
 * model's, and the reader saw "\\# 本周要闻", "!\\[图\\](http://…)" and "\\<script\\>…" in
 * the post. Now: re-asked with the findings, then the extracts. */
static void
model_markup(struct llmsrv *srv, const char *const *env)
{
	static const char zh[] = "这家搜索公司宣布为所有付费用户开放助手功能，并调整了专业版的定价。"
	                         "此前这一功能只向最高档的会员开放，如今每个付费用户都能使用多个大语言模型。"
	                         "公司表示，搜索接口成本上涨是这次调价的主要原因。";
	static const char *const bad[] = {
		"# 本周要闻", "---", "![图](https://evil.example/x.png)", "[详情](https://evil.example/)",
		"<script>alert(1)</script>", "{% include x.html %}",
	};
	struct buf json = BUF_INIT, out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		json.len = 0;
		buf_printf(&json, "[\"%s%s%s[1][2]\"]", i < 2 ? bad[i] : zh, i < 2 ? "\\n" : "", i < 2 ? zh : bad[i]);
		char tag[32];
		snprintf(tag, sizeof tag, "markup%zu", i);
		CHECK_INT(kagi_answers(srv, env, tag, buf_str(&json), &out, &err, &kagi), 0);
		check_kagi_fell_back(&out, &err, &kagi);
		CHECK(strstr(buf_str(&err), "which the post would show as literal characters") != NULL);
		CHECK(strstr(buf_str(&kagi), zh) == NULL);
	}
	/* Bold, a figure comparison and a hashtag-like word are prose. */
	json.len = 0;
	buf_printf(&json, "[\"**%s**价格从10美元涨到12美元（>10美元），#1 搜索 [1][2]\"]", zh);
	CHECK_INT(kagi_answers(srv, env, "markup-ok", buf_str(&json), &out, &err, &kagi), 0);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	buf_free(&json);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* A paragraph the model broke over lines, with spaces around it: the post shows it as one
 * line, and the JSON (docs/weekly.md: text normalised to the subset the post renders) must
 * carry that same line. Before: the JSON kept the model's raw text, "\n" and edge spaces
 * included, so a site built from the JSON showed a paragraph break (or, for a line opening
 * "- ", a list item) that the Markdown and HTML posts do not have. */
static void
model_lines_json(struct llmsrv *srv, const char *const *env)
{
	static const char line1[] = "这家搜索公司为所有付费用户开放了助手功能[1]。";
	static const char line2[] = "- 专业版月费从10美元涨到12美元[2]。";
	struct buf json = BUF_INIT, out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	buf_printf(&json, "[\"  %s\\n%s \"]", line1, line2);
	CHECK_INT(kagi_answers(srv, env, "lines", buf_str(&json), &out, &err, &kagi), 0);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	/* the rerun as JSON answers from the cache: the same paragraphs */
	char home[4096];
	snprintf(home, sizeof home, "%s/home-lines", test_tmpdir());
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--format", "json", "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf jout = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &jout, &err), 0);
	json_t *post = json_loads(buf_str(&jout), 0, NULL);
	CHECK(post != NULL);
	const char *text = NULL;
	json_t *sections = json_object_get(post, "sections");
	for (size_t k = 0; k < json_array_size(sections); k++) {
		json_t *groups = json_object_get(json_array_get(sections, k), "groups");
		for (size_t g = 0; g < json_array_size(groups); g++) {
			json_t *grp = json_array_get(groups, g);
			json_t *paras = json_object_get(grp, "paragraphs");
			for (size_t i = 0; i < json_array_size(paras); i++) {
				const char *t = json_string_value(json_object_get(json_array_get(paras, i), "text"));
				CHECK(t && !strchr(t, '\n') && !strchr(t, '\r'));
				if (t && *t)
					CHECK(t[0] != ' ' && t[strlen(t) - 1] != ' ');
				const char *name = json_string_value(json_object_get(grp, "name"));
				if (name && strcmp(name, "Kagi") == 0 && i == 0)
					text = t;
			}
		}
	}
	/* The JSON's paragraph is the Markdown's line (this text has nothing to escape). */
	CHECK(text != NULL);
	if (text) {
		struct buf line = BUF_INIT;
		buf_printf(&line, "\n%s [\\[", text);
		CHECK(strstr(buf_str(&kagi), buf_str(&line)) != NULL);
		buf_free(&line);
	}
	json_decref(post);
	buf_free(&jout);
	buf_free(&json);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* The Kagi group gets no answer at all, faults (aimed at its requests only) the stand-in's
 * faults: refused, or the JSON cut mid-string on every attempt. Then there is no draft to
 * re-ask about: the group is extractive, stderr says the model did not answer and why, and
 * the other groups stay the model's and are cached (a rerun asks for Kagi alone). Before:
 * stderr said the paragraphs "failed twice", though the model wrote none. */
static void
model_silent(struct llmsrv *srv, const char *const *env, const char *tag, const char *faults, const char *why)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-%s", test_tmpdir(), tag);
	wfx_make_home(home);
	llmsrv_reset(srv);
	llmsrv_push_faults_for(srv, "about: Kagi.", faults);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	llmsrv_push_faults_for(srv, NULL, NULL);
	section(buf_str(&out), "\n### 1. Kagi\n", "\n### 2. ", &kagi);
	CHECK(strstr(buf_str(&kagi), "AI Daily 报道《Kagi raises Professional plan price") != NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要：Kagi。") != NULL);
	CHECK(strstr(buf_str(&err), "weekly Kagi: the model did not answer") != NULL);
	CHECK(strstr(buf_str(&err), why) != NULL);
	CHECK(strstr(buf_str(&err), "failed twice") == NULL);
	CHECK(strstr(buf_str(&err), "asking again with the findings") == NULL);
	for (size_t i = 0; i < llmsrv_logged(srv); i++) {
		char *u = llmsrv_logged_user(srv, i);
		CHECK(strstr(u, "failed these checks") == NULL);
		free(u);
	}
	/* Every other group is the model's, and cached: the rerun asks for Kagi alone. */
	CHECK(strstr(buf_str(&out), "【周报稿】2026-02-20，Tech Wire 报道「OpenAI releases") != NULL);
	long groups = group_count(buf_str(&out));
	llmsrv_reset(srv);
	out.len = 0;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	CHECK_INT(weekly_requests(srv), 1);
	CHECK_INT(group_count(buf_str(&out)), groups);
	section(buf_str(&out), "\n### 1. Kagi\n", "\n### 2. ", &kagi);
	CHECK(strstr(buf_str(&kagi), "【周报稿】") != NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要") == NULL);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

/* The first Kagi draft fails the language check and the re-ask is refused: stderr gives the
 * first draft's findings and says the re-ask got no answer, not that two drafts failed. */
static void
model_reask_refused(struct llmsrv *srv, const char *const *env)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-reask-refused", test_tmpdir());
	wfx_make_home(home);
	llmsrv_reset(srv);
	llmsrv_weekly_answer("Kagi raises", 1,
	                     "[\"Kagi made its Assistant available on every paid plan starting Monday [1]. Kagi "
	                     "will charge $12 a month for its Professional plan from March 1, up from $10 [2].\"]");
	llmsrv_push_faults_for(srv, "about: Kagi.", "none,refusal,refusal");
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	llmsrv_push_faults_for(srv, NULL, NULL);
	llmsrv_weekly_answer(NULL, 0, NULL);
	CHECK(strstr(buf_str(&out), "改为逐篇列出各报道的摘要：Kagi。") != NULL);
	CHECK(strstr(buf_str(&err), "the re-ask got no answer") != NULL);
	CHECK(strstr(buf_str(&err), "is not in Chinese") != NULL);
	CHECK(strstr(buf_str(&err), "refused") != NULL);
	CHECK(strstr(buf_str(&err), "failed twice") == NULL);
	buf_free(&out);
	buf_free(&err);
}

/* Found in review: a provider whose balance is spent (DeepSeek's 402) stops the client at its
 * first answer, but the weekly's own client (the labels, each group's paragraphs) still warned
 * that the model labelled none of the stories and, for every group, that the model did not
 * answer, and marked each group as a failed model draft. With the provider stopped the post is
 * the offline engine's, said once on stderr and in the post's note, as `--offline` writes it. */
static void
balance_spent(struct llmsrv *srv, const char *const *env)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home-402", test_tmpdir());
	wfx_make_home(home);
	llmsrv_reset(srv);
	llmsrv_push_faults(srv, "balance_402,balance_402,balance_402,balance_402,balance_402,balance_402,balance_402,"
	                        "balance_402,balance_402,balance_402,balance_402,balance_402,balance_402,balance_402");
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	CHECK_INT(s.requests, 1);
	size_t warned = 0;
	for (const char *p = buf_str(&err); (p = strstr(p, "Insufficient Balance")); p++)
		warned++;
	CHECK_INT(warned, 1);
	CHECK(strstr(buf_str(&err), "did not answer") == NULL);
	CHECK(strstr(buf_str(&err), "labelled 0") == NULL);
	CHECK(strstr(buf_str(&out), "离线引擎") != NULL);
	CHECK(strstr(buf_str(&out), "模型未作答") == NULL);
	if (warned != 1)
		fprintf(stderr, "%s", buf_str(&err));
	llmsrv_clear_faults(srv);
	buf_free(&out);
	buf_free(&err);
}

/* The model's text is shown on stderr when sentences are removed from it: an escape sequence
 * the model wrote (a feed's injected text repeated, a JSON "\u001b") must not reach the
 * terminal raw. Before: "removed 1 sentence(s) ...:\n- <BEL><ESC>[2J据称97%..." cleared the
 * screen of whoever ran brief weekly. */
static void
model_controls(struct llmsrv *srv, const char *const *env)
{
	struct buf out = BUF_INIT, err = BUF_INIT, kagi = BUF_INIT;
	CHECK_INT(kagi_answers(srv, env, "controls",
	                       "[\"这家搜索公司为所有付费用户开放了助手功能[1]。专业版月费从10美元涨到12美元[2]。"
	                       "\\u001b]0;\\u0007\\u001b[2J据称97%的用户续订了专业版\\r伪造[1]。\"]",
	                       &out, &err, &kagi),
	          0);
	CHECK(strstr(buf_str(&err), "weekly Kagi: removed 1 sentence(s)") != NULL);
	for (size_t i = 0; i < err.len; i++)
		if ((unsigned char)err.data[i] < 0x20 && err.data[i] != '\n' && err.data[i] != '\t') {
			fprintf(stderr, "control character 0x%02x on stderr: %s\n", (unsigned)(unsigned char)err.data[i],
			        buf_str(&err));
			CHECK(0);
			break;
		}
	size_t controls = 0; /* nor the post */
	for (size_t i = 0; i < out.len; i++)
		controls += (unsigned char)out.data[i] < 0x20 && out.data[i] != '\n';
	CHECK_INT(controls, 0);
	buf_free(&out);
	buf_free(&err);
	buf_free(&kagi);
}

int
main(void)
{
	char home[4096];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	wfx_make_home(home);
	struct llmsrv_opts so = {0};
	struct llmsrv *srv = llmsrv_start(&so);
	CHECK(srv != NULL);
	if (!srv)
		return test_done("test_weekly_llm");
	const char *const *env = llmsrv_brief_env(srv);
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, again = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	wfx_golden("weekly", "llm-zh.md", buf_str(&out));
	CHECK(strstr(buf_str(&out), "调用模型 stand-in") != NULL);
	static const char *const order[] = {"\n# 一、科技新闻\n", "\n### 1. ", "\n# 二、小道消息\n", "\n# 三、开源项目\n",
	                                    "\n# 参考资料\n", "(https://openai.example/blog/gpt-4-5)"};
	const char *p = buf_str(&out);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *hit = strstr(p, order[i]);
		CHECK(hit != NULL);
		if (hit)
			p = hit;
	}
	/* The paragraphs are the model's: its marker, one weekly request per group. */
	CHECK(strstr(buf_str(&out), "【周报稿】") != NULL);
	CHECK(group_count(buf_str(&out)) >= 5);
	CHECK_INT(weekly_requests(srv), group_count(buf_str(&out)));
	struct llmsrv_stats before, after;
	llmsrv_get_stats(srv, &before);
	CHECK(before.requests > 0);
	CHECK_INT(wfx_brief(args, env, &again, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, before.requests);
	CHECK_STR(buf_str(&again), buf_str(&out));
	balance_spent(srv, env);
	bad_citation(srv, env, 1);
	bad_citation(srv, env, 2);
	model_rumour(srv, env);
	model_rumour_hedge(srv, env);
	model_lists(srv, env);
	model_blank(srv, env);
	model_english(srv, env);
	model_long(srv, env);
	model_markup(srv, env);
	model_lines_json(srv, env);
	model_silent(srv, env, "refused", "refusal,refusal", "the model refused");
	model_silent(srv, env, "cut", "truncated,truncated,truncated,truncated", "truncated");
	model_reask_refused(srv, env);
	model_controls(srv, env);
	llmsrv_stop(srv);
	buf_free(&out);
	buf_free(&err);
	buf_free(&again);
	return test_done("test_weekly_llm");
}
