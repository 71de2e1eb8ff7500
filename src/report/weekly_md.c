/* weekly_md.c: the weekly post as Markdown with Jekyll or Hugo front matter (seed 001's
 * order: front matter, epigraph, 一、科技新闻, 二、小道消息, 三、开源项目, closing
 * epigraph, 参考资料), plus the section names and the YAML scalar rule shared with the
 * other renderers. */
#include <string.h>

#include "report/escape.h"
#include "report/mdsubset.h"
#include "report/weekly.h"
#include "util/html.h"
#include "util/str.h"
#include "util/utf8.h"

static int
is_en(const char *lang)
{
	return lang && strcmp(lang, "en") == 0;
}

const char *
weekly_section_title(enum weekly_kind k, const char *lang)
{
	static const char *const zh[] = {"一、科技新闻", "二、小道消息", "三、开源项目"};
	static const char *const en[] = {"1. News", "2. Rumours and leaks", "3. Open source"};
	return is_en(lang) ? en[k] : zh[k];
}

const char *
weekly_refs_title(const char *lang)
{
	return is_en(lang) ? "References" : "参考资料";
}

/* s could be read as a number by a YAML 1.1 or 1.2 loader (Jekyll's Psych, Hugo's go-yaml):
 * "42", "1.0", ".5", "1e3", "0x1F", "0o17", "1_000", base 60 "12:30", ".inf", ".nan", with a
 * sign or not. Anything made only of digits, hex letters and number punctuation that starts
 * like a number counts (quoting a string never hurts); a date (2026-02-21) does not: the
 * `date:` line means one. */
static int
yaml_numeric_like(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	if (str_casecmp(s, ".inf") == 0 || str_casecmp(s, ".nan") == 0)
		return 1;
	if (!is_ascii_digit((unsigned char)*s) && *s != '.')
		return 0;
	if (strlen(s) >= 10 && is_ascii_digit((unsigned char)s[0]) && is_ascii_digit((unsigned char)s[3]) &&
	    s[4] == '-' && s[7] == '-')
		return 0;
	int digits = 0;
	for (const char *p = s; *p; p++) {
		if (is_ascii_digit((unsigned char)*p))
			digits++;
		else if (!is_ascii_xdigit((unsigned char)*p) && !strchr("_.:xXoO+-", *p))
			return 0;
	}
	return digits > 0;
}

/* A plain scalar is safe when it cannot be read as anything but a string. */
static int
yaml_plain_ok(const char *s)
{
	if (!*s || strchr("-?:,[]{}#&*!|>'\"%@`~ ", *s))
		return 0;
	size_t len = strlen(s);
	if (s[len - 1] == ' ' || s[len - 1] == ':')
		return 0;
	if (strstr(s, ": ") || strstr(s, " #") || strchr(s, '\n') || strchr(s, '\t'))
		return 0;
	if (yaml_numeric_like(s))
		return 0;
	static const char *const words[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (str_casecmp(s, words[i]) == 0)
			return 0;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

void
weekly_yaml_scalar(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT, shown = BUF_INIT;
	utf8_sanitize(&clean, s ? s : "", s ? strlen(s) : 0);
	/* C1 controls and the bidi embeddings, overrides and isolates go too (html_is_dropped, as
	 * every escaper drops them): a feed's U+202E in a title or in 今日看点 would reorder the
	 * line a site's theme prints from the front matter. */
	for (size_t i = 0; i < clean.len;) {
		uint32_t cp;
		size_t n = utf8_decode(clean.data + i, clean.len - i, &cp);
		if (cp == 0x2028 || cp == 0x2029)
			buf_putc(&shown, ' '); /* a line break to YAML 1.1 (libyaml): it would end a plain scalar */
		else if (cp == '\t' || cp == '\n' || cp == '\r' || !html_is_dropped(cp))
			buf_append(&shown, clean.data + i, n);
		i += n;
	}
	const char *v = buf_str(&shown);
	if (yaml_plain_ok(v)) {
		buf_puts(out, v);
	} else {
		buf_putc(out, '"');
		for (const char *p = v; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(out, '\\');
			if (*p == '\n' || *p == '\r' || *p == '\t')
				buf_putc(out, ' ');
			else
				buf_putc(out, *p);
		}
		buf_putc(out, '"');
	}
	buf_free(&clean);
	buf_free(&shown);
}

static void
front_jekyll(const struct weekly_post *p, struct buf *out)
{
	buf_puts(out, "---\nlayout:     post\ntitle:      ");
	weekly_yaml_scalar(out, p->title);
	buf_puts(out, "\nsubtitle:   ");
	weekly_yaml_scalar(out, p->subtitle);
	buf_puts(out, "\ndate:       ");
	/* The moment with its offset, not the bare day: Jekyll reads "2026-02-21" as midnight in the
	 * zone it builds in, and skips a post dated in its future ("has a future date"), so a post
	 * made at 07:00 in Shanghai and built at once in UTC or further west was not published. */
	weekly_yaml_scalar(out, p->datetime_local ? p->datetime_local : p->date);
	buf_puts(out, "\nauthor:     ");
	weekly_yaml_scalar(out, p->author);
	if (p->header_img && *p->header_img) {
		buf_puts(out, "\nheader-img: ");
		weekly_yaml_scalar(out, p->header_img);
	}
	buf_puts(out, "\ncatalog: true\ntags:\n");
	for (size_t i = 0; i < p->tag_count; i++) {
		buf_puts(out, "    - ");
		weekly_yaml_scalar(out, p->tags[i]);
		buf_putc(out, '\n');
	}
	buf_puts(out, "---\n\n");
}

static void
front_hugo(const struct weekly_post *p, struct buf *out)
{
	buf_puts(out, "---\ntitle: ");
	weekly_yaml_scalar(out, p->title);
	buf_puts(out, "\nsubtitle: ");
	weekly_yaml_scalar(out, p->subtitle);
	buf_puts(out, "\ndescription: ");
	weekly_yaml_scalar(out, p->subtitle);
	buf_puts(out, "\ndate: ");
	weekly_yaml_scalar(out, p->datetime_local ? p->datetime_local : p->datetime); /* Hugo files it by this date */
	buf_puts(out, "\nauthor: ");
	weekly_yaml_scalar(out, p->author);
	buf_printf(out, "\nweekly: %d\n", p->issue);
	if (p->header_img && *p->header_img) {
		buf_puts(out, "featured_image: ");
		weekly_yaml_scalar(out, p->header_img);
		buf_putc(out, '\n');
	}
	buf_puts(out, "toc: true\ndraft: false\ntags:\n");
	for (size_t i = 0; i < p->tag_count; i++) {
		buf_puts(out, "  - ");
		weekly_yaml_scalar(out, p->tags[i]);
		buf_putc(out, '\n');
	}
	buf_puts(out, "---\n\n");
}

static void
epigraph(struct buf *out, const char *s)
{
	buf_puts(out, "> ### ");
	esc_md_inline(out, s);
	buf_puts(out, "\n\n");
}

static void
paragraph(const struct weekly_post *p, const struct weekly_para *para, struct buf *out)
{
	mds_md_inline(out, para->text, NULL);
	for (size_t r = 0; r < para->ref_count; r++) {
		int id = para->refs[r];
		if (id < 1 || (size_t)id > p->ref_count)
			continue; /* cannot happen for a built post; never print a dangling marker */
		const char *link = p->refs[id - 1].link;
		if (esc_url_ok(link)) {
			buf_printf(out, " [\\[%d\\]](", id);
			esc_md_url(out, link);
			buf_putc(out, ')');
		} else {
			buf_printf(out, " \\[%d\\]", id);
		}
	}
	buf_puts(out, "\n\n");
}

void
weekly_engine_note(const struct weekly_post *p, struct buf *out)
{
	int en = is_en(p->lang);
	if (strcmp(p->engine, "llm") != 0) {
		if (en)
			buf_printf(out, "Compiled by brief's offline engine from %ld article%s of the last %d day%s: "
			                "quoted from the sources, not rewritten or translated.",
			           p->articles_in_window, p->articles_in_window == 1 ? "" : "s", p->days, p->days == 1 ? "" : "s");
		else
			buf_printf(out, "本文由 brief 离线引擎根据近 %ld 篇（%d 天内）文章摘录整理，内容引自原文，未经改写或翻译。",
			           p->articles_in_window, p->days);
		return;
	}
	if (en)
		buf_printf(out, "Written by brief with %s from %ld article%s of the last %d day%s; every paragraph "
		                "cites its sources.",
		           p->model ? p->model : "?", p->articles_in_window, p->articles_in_window == 1 ? "" : "s", p->days,
		           p->days == 1 ? "" : "s");
	else
		buf_printf(out, "本文由 brief 调用模型 %s，根据近 %ld 篇（%d 天内）文章撰写，每段均标注来源。",
		           p->model ? p->model : "?", p->articles_in_window, p->days);
	/* Groups whose model-written paragraphs failed the checks twice (citations, language,
	 * length, markup) or that the model did not answer: the reason is on stderr. They tell
	 * each story's summary, the model's where it wrote one: not quoted from the sources. */
	size_t fell = 0;
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++)
		for (size_t g = 0; g < p->sections[k].group_count; g++) {
			const struct weekly_group *grp = &p->sections[k].groups[g];
			if (!grp->is_extractive)
				continue;
			const char *name = grp->name ? grp->name : weekly_section_title((enum weekly_kind)k, p->lang);
			if (fell++ == 0)
				buf_puts(out, en ? " These parts list each story's summary instead, as the model's text "
				                   "failed the checks or the model did not answer: "
				                 : "以下部分的模型稿未通过校验或模型未作答，改为逐篇列出各报道的摘要：");
			else
				buf_puts(out, en ? ", " : "、");
			buf_puts(out, name);
		}
	if (fell)
		buf_puts(out, en ? "." : "。");
}

void
weekly_refs_md(const struct weekly_ref *refs, size_t n, struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct weekly_ref *r = &refs[i];
		buf_printf(out, "%zu. ", i + 1);
		if (esc_url_ok(r->link)) {
			buf_putc(out, '[');
			esc_md_inline(out, r->title && *r->title ? r->title : r->link);
			buf_puts(out, "](");
			esc_md_url(out, r->link);
			buf_putc(out, ')');
		} else {
			esc_md_inline(out, r->title);
		}
		if (r->source && *r->source) {
			buf_puts(out, " — ");
			esc_md_inline(out, r->source);
		}
		buf_putc(out, '\n');
	}
}

/* The post's body, after its front matter or title line. */
static void
weekly_body_md(const struct weekly_post *p, struct buf *out)
{
	report_brand_top_md(p->brand, out);
	if (p->epigraph_open)
		epigraph(out, p->epigraph_open);
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		const struct weekly_section *sec = &p->sections[k];
		buf_printf(out, "# %s\n\n", weekly_section_title((enum weekly_kind)k, p->lang));
		if (sec->group_count == 0)
			buf_puts(out, is_en(p->lang) ? "Nothing this week.\n\n" : "本周暂无。\n\n");
		int number = 0;
		for (size_t g = 0; g < sec->group_count; g++) {
			const struct weekly_group *grp = &sec->groups[g];
			if (grp->name) {
				buf_printf(out, "### %d. ", ++number);
				esc_md_inline(out, grp->name);
				buf_puts(out, "\n\n");
			}
			for (size_t i = 0; i < grp->para_count; i++)
				paragraph(p, &grp->paras[i], out);
		}
	}
	if (p->epigraph_close)
		epigraph(out, p->epigraph_close);
	if (p->brand)
		mds_md(out, p->brand->outro, NULL);
	buf_printf(out, "# %s\n\n", weekly_refs_title(p->lang));
	weekly_refs_md(p->refs, p->ref_count, out);
	buf_putc(out, '\n');
	struct buf note = BUF_INIT;
	weekly_engine_note(p, &note);
	buf_putc(out, '*');
	esc_md_inline(out, buf_str(&note));
	buf_puts(out, "*\n");
	buf_free(&note);
	report_brand_line_md(p->brand, out);
}

void
weekly_render_md(const struct weekly_post *p, struct buf *out)
{
	if (p->front_matter != WEEKLY_FM_JEKYLL && p->front_matter != WEEKLY_FM_HUGO) {
		buf_puts(out, "# ");
		esc_md_inline(out, p->title);
		buf_puts(out, "\n\n");
		weekly_body_md(p, out);
		return;
	}
	if (p->front_matter == WEEKLY_FM_JEKYLL)
		front_jekyll(p, out);
	else
		front_hugo(p, out);
	struct buf body = BUF_INIT; /* a site's post: no Liquid or shortcode from feed text */
	weekly_body_md(p, &body);
	esc_site_body(out, buf_str(&body));
	buf_free(&body);
}
