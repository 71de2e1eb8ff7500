/* test_wechat_browser.c: does the 公众号 fragment look right once pasted?
 *
 * For the article, the weekly and the daily, in zh and en: load the fragment (1) in a plain
 * page — the intended look — and (2) in an editor-like page whose script does what the
 * WeChat editor does to pasted HTML (drops <style>, <script>, <link>, class and id
 * attributes) and that has its own default font; screenshot both in headless Chromium and
 * compare the pixels. The fragment must also pass the static rules (every element styled
 * inline; no <style>, class, id, script, link or external resource) and show the theme's
 * accent colour. A control fragment that relies on a <style> block and a class proves the
 * comparison fails when styles are lost.
 *
 * Tolerance: both pages render the same DOM at the same width, so identical styles give
 * identical pixels; a pixel counts as different when a channel differs by more than 64
 * (anti-aliasing of a glyph edge moves less), and the screenshots match when at most
 * 0.02% of the pixels differ. A lost style changes whole headings, boxes and paragraphs:
 * the control differs in tens of thousands of pixels. Skips (77) without chromium. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../daily/fixture.h"
#include "png.h"
#include "report/commentary.h"
#include "report/wechat.h"
#include "testlib.h"
#include "util/fs.h"
#include "wfixture.h"

enum { WIDTH = 420, HEIGHT = 12000, TOLERANCE = 64 };

static const char *tmp;
static int run_no;

/* Screenshot url into png_path with a fresh profile. Returns chromium's exit status. */
static int
screenshot(const char *url, const char *png_path)
{
	char profile[4200], shot[4300], size[64];
	snprintf(profile, sizeof profile, "--user-data-dir=%s/profile-%d", tmp, ++run_no);
	snprintf(shot, sizeof shot, "--screenshot=%s", png_path);
	snprintf(size, sizeof size, "--window-size=%d,%d", WIDTH, HEIGHT);
	char *argv[] = {"timeout", "180", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
	                "--no-first-run", "--disable-background-networking", "--disable-component-update",
	                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
	                "--virtual-time-budget=3000", profile, shot, size, (char *)url, NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	int rc = test_run(argv, NULL, NULL, &out, &err);
	if (rc != 0)
		fprintf(stderr, "chromium exited %d: %s\n", rc, buf_str(&err));
	buf_free(&out);
	buf_free(&err);
	return rc;
}

static void
write_page(const char *path, const char *body)
{
	struct err e;
	if (fs_write_atomic(path, body, strlen(body), &e) < 0) {
		fprintf(stderr, "%s: %s\n", path, e.msg);
		exit(1);
	}
}

/* Append s with & < > escaped (textarea content). */
static void
esc(struct buf *b, const char *s)
{
	for (; *s; s++)
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else
			buf_putc(b, *s);
}

/* Pixels that differ between the intended look and the pasted look of frag. Writes both
 * pages and screenshots under name; *accent_hits = accent-coloured pixels once pasted. */
static long
compare(const char *name, const char *frag, unsigned accent, size_t *accent_hits)
{
	char intended[4200], pasted[4200], shot_a[4200], shot_b[4200], url[4300];
	snprintf(intended, sizeof intended, "%s/%s-intended.html", tmp, name);
	snprintf(pasted, sizeof pasted, "%s/%s-pasted.html", tmp, name);
	snprintf(shot_a, sizeof shot_a, "%s/%s-intended.png", tmp, name);
	snprintf(shot_b, sizeof shot_b, "%s/%s-pasted.png", tmp, name);
	struct buf page = BUF_INIT;
	buf_printf(&page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
	                  "<body style=\"margin:0;background:#ffffff\"><div style=\"width:%dpx;padding:10px\">%s</div>"
	                  "</body></html>",
	           WIDTH - 20, frag);
	write_page(intended, buf_str(&page));
	buf_clear(&page);
	/* The editor: its own default font and colours on the container, and the paste filter. */
	buf_printf(&page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
	                  "#editor{font:20px/1.2 serif;color:#000000;letter-spacing:2px}</style></head>"
	                  "<body style=\"margin:0;background:#ffffff\"><textarea id=\"src\" style=\"display:none\">");
	esc(&page, frag);
	buf_printf(&page, "</textarea><div style=\"width:%dpx;padding:10px\"><div id=\"editor\" contenteditable=\"true\">"
	                  "</div></div><script>"
	                  "var doc=new DOMParser().parseFromString(document.getElementById('src').value,'text/html');"
	                  "doc.querySelectorAll('style,script,link,meta,iframe').forEach(function(e){e.remove()});"
	                  "doc.querySelectorAll('*').forEach(function(e){e.removeAttribute('class');"
	                  "e.removeAttribute('id')});"
	                  "document.getElementById('editor').innerHTML=doc.body.innerHTML;"
	                  "document.getElementById('src').remove();</script></body></html>",
	           WIDTH - 20);
	write_page(pasted, buf_str(&page));
	buf_free(&page);
	snprintf(url, sizeof url, "file://%s", intended);
	CHECK_INT(screenshot(url, shot_a), 0);
	snprintf(url, sizeof url, "file://%s", pasted);
	CHECK_INT(screenshot(url, shot_b), 0);
	struct png a, b;
	if (png_load(shot_a, &a) < 0 || png_load(shot_b, &b) < 0) {
		CHECK(!"screenshots readable");
		return -1;
	}
	long diff = (long)png_diff(&a, &b, TOLERANCE);
	*accent_hits = png_count_colour(&b, accent, 24);
	fprintf(stderr, "%s: %dx%d, %ld pixels differ, %zu accent pixels\n", name, a.width, a.height, diff, *accent_hits);
	free(a.rgb);
	free(b.rgb);
	return diff;
}

/* The static rules: every opening tag but <br> has a style attribute; nothing the editor
 * drops or that would load something. */
static void
check_static(const char *name, const char *frag)
{
	static const char *const banned[] = {"<style", "<script", "<link", "<a ", "<iframe", " class=", " id=",
	                                     " href=", " src=", "url(", "@import", "javascript:"};
	for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
		if (strstr(frag, banned[i])) {
			fprintf(stderr, "%s: has %s\n", name, banned[i]);
			CHECK(!"banned markup");
		}
	for (const char *p = strchr(frag, '<'); p; p = strchr(p + 1, '<')) {
		if (p[1] == '/' || strncmp(p, "<br>", 4) == 0)
			continue;
		const char *end = strchr(p, '>');
		const char *style = strstr(p, " style=\"");
		if (!end || !style || style > end) {
			fprintf(stderr, "%s: unstyled element at: %.60s\n", name, p);
			CHECK(!"every element styled inline");
			return;
		}
	}
}

static void
check_fragment(const char *name, const char *frag, const struct wechat_theme *th)
{
	check_static(name, frag);
	unsigned accent = (unsigned)strtoul(th->accent + 1, NULL, 16);
	size_t hits = 0;
	long diff = compare(name, frag, accent, &hits);
	CHECK(diff >= 0 && diff <= (long)WIDTH * HEIGHT / 5000); /* at most 0.02% */
	CHECK(hits > 500);                                        /* the theme's headings and bold show */
}

static void
article_fragment(const char *lang, const struct wechat_theme *th, struct buf *out)
{
	int en = strcmp(lang, "en") == 0;
	struct commentary_section zh_secs[] = {
		{"从“训练”到“推论”：AI竞赛进入下半场", "过去几年，AI领域的头条几乎被“参数竞赛”垄断[1]。\n推论是AI的“用电高峰”。其特点决定了：**算力需求从“脉冲式”转向“常态化”**。"},
		{"千亿预算拆解：字节跳动在焦虑什么？", "多重战略计算的叠加：\n1. **应对断供风险**：出口管制使高端芯片的供应充满不确定性[2]。\n2. **支撑应用落地**：每个产品接入AI都将产生推论需求。\n3. **押注云服务**：火山引擎需要充裕的算力储备。"},
		{"深层影响：重塑行业生态", "连锁反应包括：\n- **加剧算力稀缺**：进一步挤占先进芯片产能。\n- **推动国产替代**：形成混合算力架构[1]。"},
		{"展望：终点是生态共赢吗？", "这场竞赛的终点不应是零和博弈。**最理想的结局，是把过剩算力变成社会化的“AI电网”。**"},
	};
	struct commentary_section en_secs[] = {
		{"From training to inference: the second half", "For years the headlines were about parameter counts [1].\nInference is the peak load of AI: **compute demand turns from bursts into a constant**."},
		{"What the budget is for", "Several calculations add up:\n1. **Hedging supply risk**: export controls make high-end chips uncertain [2].\n2. **Feeding the apps**: every product that adds AI adds inference.\n3. **Betting on cloud**: a cloud needs spare compute."},
		{"Knock-on effects", "Among them:\n- **Scarcer compute** for everyone else.\n- **Local chips** in a mixed fleet [1]."},
		{"Where does it end?", "The race need not be zero-sum. **The best outcome turns spare compute into a public grid.**"},
	};
	struct commentary_draft d = {
		en ? "ByteDance's compute bet: what a 14-billion budget buys" : "字节跳动千亿豪赌AI芯片：算力战争与行业变局",
		en ? "When Reuters reported the budget [1], the industry took notice. Is this a moat or an arms race?"
		   : "近日，路透社一则报道引发行业地震[1]。字节跳动这步棋，究竟是在构筑护城河，还是在开启一场危险的军备竞赛？",
		en ? en_secs : zh_secs, 4,
		en ? "The bet is on time, on demand and on its own transformation.\nThe answer lies in every inference it buys."
		   : "这是一场惊心动魄的豪赌，赌的是地缘政治风险的缓释周期。\n答案，或许就藏在每一次推论之中。",
		en ? "Is this a wise hedge or a dangerous bet? Should capital go to chips or to applications? Tell us in the comments."
		   : "你认为这笔投资是未雨绸缪的明智之举，还是加剧内卷的危险赌博？巨额资本应投向底层硬科技，还是应用层的算力储备？欢迎在评论区分享你的高见。",
	};
	struct weekly_ref refs[] = {{"ByteDance plans $14 billion Nvidia chip budget", "https://news.example/bytedance-chips", "Reuters", 0},
	                            {"Export controls and AI chips", "https://policy.example/export", "Policy Wire", 0}};
	struct arena a = ARENA_INIT;
	struct report_brand b;
	report_brand_load(NULL, "article", lang, &a, &b);
	b.line = en ? "Made by Dongdian AI — follow us on WeChat" : "由「懂点儿AI」制作，欢迎关注同名微信公众号";
	struct commentary_doc doc = {&d, lang, "s0123456789ab", "stand-in", "2026-02-21", "2026-02-21T00:00:00Z", refs, 2, &b, NULL};
	wechat_article(&doc, th, out);
	arena_free(&a);
}

static void
weekly_fragment(const char *home, const char *lang, struct buf *out)
{
	const char *args[] = {"weekly", "--home",   home,     "--no-fetch", "--offline", "--config",
	                      wfx_path("weekly", "weekly.conf"), "--now",   WFX_NOW,      "--lang",
	                      lang,     "--format", "wechat", NULL};
	struct buf err = BUF_INIT;
	CHECK_INT(wfx_brief(args, NULL, out, &err), 0);
	buf_free(&err);
}

int
main(void)
{
	if (system("command -v chromium >/dev/null 2>&1") != 0) {
		fprintf(stderr, "skipped: chromium is not installed (scripts/deps.sh installs it)\n");
		return 77;
	}
	setenv("TZ", "Asia/Shanghai", 1);
	tmp = test_tmpdir();
	struct wechat_theme th;
	struct err e;
	CHECK_INT(wechat_theme_load(NULL, &th, &e), 0);
	CHECK_STR(th.accent, "#07c160");

	char home[4200];
	snprintf(home, sizeof home, "%s/home", tmp);
	wfx_make_home(home);
	const char *langs[] = {"zh", "en"};
	for (int l = 0; l < 2; l++) {
		char name[64];
		struct buf frag = BUF_INIT;
		article_fragment(langs[l], &th, &frag);
		snprintf(name, sizeof name, "article-%s", langs[l]);
		check_fragment(name, buf_str(&frag), &th);
		CHECK(strstr(buf_str(&frag), "<strong style=\"font-weight:bold;color:#07c160\">") != NULL);
		CHECK(strstr(buf_str(&frag), "https://news.example/bytedance-chips</p>") != NULL); /* plain-text URL */

		buf_clear(&frag);
		weekly_fragment(home, langs[l], &frag);
		snprintf(name, sizeof name, "weekly-%s", langs[l]);
		check_fragment(name, buf_str(&frag), &th);

		buf_clear(&frag);
		struct arena a = ARENA_INIT;
		struct report r;
		fixture_report(&r, &a, langs[l]);
		wechat_daily(&r, &th, &frag);
		snprintf(name, sizeof name, "daily-%s", langs[l]);
		check_fragment(name, buf_str(&frag), &th);
		arena_free(&a);
		buf_free(&frag);
	}

	/* The control: styled by a <style> block and a class, which the paste drops. The
	 * comparison must see it. */
	const char *control = "<style>.c{color:#07c160;font-size:28px;font-weight:bold;background:#fde68a}</style>"
	                      "<section style=\"font-size:16px\"><p class=\"c\" style=\"margin:0 0 1em\">"
	                      "这一段的样式来自 style 块和 class。</p><p class=\"c\" style=\"margin:0 0 1em\">"
	                      "Styled by a class that the editor removes.</p><p class=\"c\">第三段。</p></section>";
	size_t hits = 0;
	long diff = compare("control", control, 0x07c160, &hits);
	CHECK(diff > (long)WIDTH * HEIGHT / 5000);
	CHECK(hits < 50); /* the accent colour came only from the stripped class */

	/* A theme: named, overridden accent, and bad values refused. */
	const char *conf = "[wechat]\ntheme = blue\naccent = #A0B\n";
	char conf_path[4300];
	snprintf(conf_path, sizeof conf_path, "%s/wechat.conf", tmp);
	write_page(conf_path, conf);
	struct config cfg;
	CHECK_INT(config_load(&cfg, conf_path, &e), 0);
	CHECK_INT(wechat_theme_load(&cfg, &th, &e), 0);
	CHECK_STR(th.accent, "#aa00bb");
	CHECK_STR(th.soft, "#f0f6fd");
	config_free(&cfg);
	write_page(conf_path, "[wechat]\naccent = red;background:url(x)\n");
	CHECK_INT(config_load(&cfg, conf_path, &e), 0);
	CHECK_INT(wechat_theme_load(&cfg, &th, &e), -1);
	config_free(&cfg);
	return test_done("test_wechat_browser");
}
