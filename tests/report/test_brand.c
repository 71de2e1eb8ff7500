/* test_brand.c: the publisher's blocks (report/brand.h) read from a real config file and
 * rendered by the article renderers: cover, intro, disclaimer, outro and closing line in
 * seed order, the subset rendered in the article body (bold, lists), hostile values
 * escaped, a non-http cover refused, the defaults when nothing is configured. */
#include <stdio.h>
#include <string.h>

#include "report/commentary.h"
#include "report/brand.h"
#include "testlib.h"
#include "util/arena.h"
#include "util/config.h"

/* Position of needle in hay, or -1. */
static long
pos(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);
	return p ? (long)(p - hay) : -1;
}

int
main(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/config", test_tmpdir());
	FILE *f = fopen(path, "w");
	fputs("[brand]\nline = 由「懂点儿AI」制作 <b>x</b>\nintro = > 我们太看重了白昼。——史铁生\\n**第二行**\n"
	      "cover = https://img.example/cover.webp\n"
	      "[article]\noutro = 关注我们 <script>alert(1)</script>\n"
	      "[daily]\ncover = javascript:alert(1)\n",
	      f);
	fclose(f);
	struct config cfg;
	struct err e = {{0}};
	CHECK_INT(config_load(&cfg, path, &e), 0);
	struct arena a = {0};
	struct report_brand b;
	report_brand_load(&cfg, "daily", "zh", &a, &b);
	CHECK(b.cover == NULL); /* [daily]'s javascript: cover is refused, not [brand]'s used */
	CHECK(b.disclaimer == NULL);
	CHECK_STR(b.intro, "> 我们太看重了白昼。——史铁生\n**第二行**");
	report_brand_load(&cfg, "article", "zh", &a, &b);
	CHECK_STR(b.cover, "https://img.example/cover.webp");
	CHECK_STR(b.disclaimer, "本文仅代表作者观点，欢迎讨论");

	struct commentary_section secs[] = {{"**一、 从训练到推论**", "要点如下：\n1. **风险**：出口管制[1]。\n2. **落地**：产品矩阵。\n- 甲\n- 乙"}};
	struct commentary_draft d = {"标题：副题", "钩子。[1] 然后？", secs, 1, "结论。", "是A还是B？"};
	struct weekly_ref refs[] = {{"T", "https://s.example/1", "S", 0}};
	struct commentary_doc doc = {&d, "zh", "s000000000000", "m", "2026-02-21", "2026-02-21T00:00:00Z", refs, 1, &b, NULL};
	struct buf md = BUF_INIT, html = BUF_INIT;
	commentary_render_md(&doc, &md);
	commentary_render_html(&doc, &html);
	const char *m = buf_str(&md);
	/* Seed order: title, cover, intro, hook ... conclusion, disclaimer, 今日互动, outro,
	 * references, the closing line. */
	long order[] = {pos(m, "# 标题：副题"), pos(m, "![](https://img.example/cover.webp)"), pos(m, "\\> 我们太看重了白昼"),
	                pos(m, "**第二行**"), pos(m, "钩子。[\\[1\\]](https://s.example/1) 然后？"),
	                pos(m, "**一、从训练到推论**"), pos(m, "1. **风险**：出口管制"), pos(m, "2. **落地**"),
	                pos(m, "- 甲\n- 乙"), pos(m, "**本文仅代表作者观点，欢迎讨论**"), pos(m, "**今日互动：**"),
	                pos(m, "关注我们 \\<script\\>"), pos(m, "**参考资料**"), pos(m, "*由「懂点儿AI」制作 \\<b\\>x\\</b\\>*")};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		CHECK(order[i] >= 0);
		if (i)
			CHECK(order[i] > order[i - 1]);
	}
	const char *h = buf_str(&html);
	CHECK(pos(h, "<h2>一、从训练到推论</h2>") >= 0);
	CHECK(pos(h, "<ol>\n<li><strong>风险</strong>：出口管制<a class=\"ref\" href=\"#ref-1\">[1]</a>。</li>") >= 0);
	CHECK(pos(h, "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>") >= 0);
	CHECK(pos(h, "img-src data: https://img.example/cover.webp; base-uri") >= 0); /* the cover, and only it */
	CHECK(pos(h, "<script>") < 0);
	CHECK(pos(h, "关注我们 &lt;script&gt;") >= 0);
	CHECK(pos(h, "<p><strong>本文仅代表作者观点，欢迎讨论</strong></p>") >= 0);
	buf_free(&md);
	buf_free(&html);

	/* Nothing configured: no blocks, the default disclaimer in the reader's language;
	 * "none" turns the disclaimer off. */
	report_brand_load(NULL, "weekly", "en", &a, &b);
	CHECK(!b.line && !b.intro && !b.outro && !b.cover && !b.disclaimer);
	report_brand_load(NULL, "article", "en", &a, &b);
	CHECK(b.disclaimer && strstr(b.disclaimer, "author's own"));
	/* The offline engine's compilation adds no views of its own: the default line gives the
	 * views to the quoted authors; a configured line (below, "none") is kept. */
	report_brand_compiled(NULL, "en", &b);
	CHECK(b.disclaimer && strstr(b.disclaimer, "their authors'") && !strstr(b.disclaimer, "author's own"));
	report_brand_load(NULL, "article", "zh", &a, &b);
	report_brand_compiled(NULL, "zh", &b);
	CHECK(b.disclaimer && strstr(b.disclaimer, "原文作者") && !strstr(b.disclaimer, "仅代表作者观点"));
	f = fopen(path, "w");
	fputs("[article]\ndisclaimer = none\n", f);
	fclose(f);
	config_free(&cfg);
	CHECK_INT(config_load(&cfg, path, &e), 0);
	report_brand_load(&cfg, "article", "zh", &a, &b);
	CHECK(b.disclaimer == NULL);
	report_brand_compiled(&cfg, "zh", &b);
	CHECK(b.disclaimer == NULL);
	config_free(&cfg);
	arena_free(&a);
	return test_done("test_brand");
}
